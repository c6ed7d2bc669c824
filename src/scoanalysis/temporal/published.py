"""Publication-date inference for one article: hypotheses (summits, page stamps, dated events), clue scores, the best days.

``Article.build`` reads an article's rows once: its mentions, their resolutions
without DCT, the facts of its sentences, its stamps (``stamps``: publication and
update lines, datelines), the people it names with a title of office (``officials``)
and its clues (``clues``, ``clues_page``). ``infer`` scores
every candidate day of every hypothesis by the clues it satisfies and returns the best
days (``Best``); ``conflicts`` lists the clues a given publication date breaks.
Candidate days resolve only the mentions the clues read (``resolve.closure``).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta

from ..patterns import published as PP
from .calendar import day_range, valid
from .clues import SUMMIT_MARGIN_DAYS, Clue, Hyp, article_clues
from .clues_page import office_clues, stamp_clues, stamp_days, summit_year_clue
from .extract import article_mentions, fold_cached
from .facts import Sentence, about, sentence_facts
from .mentions import SKIP_KINDS, Mention, Res, Row
from .officials import NO_OFFICIALS, Officials, titled_people
from .resolve import alone_key, closure, dct_free, dependencies, resolve_all, resolve_some
from .stamps import NOT_STAMP_KINDS, Stamp, line_stamps, settle_orders, wire_dateline
from .summit_index import Summits
from .tense import tense_at, tense_cues
from .values import DAY_GRANS

#: Days after the latest dated event in which an article without summit is assumed published.
EVENT_MARGIN_DAYS = 7
#: Widest window (days) still reported as ``inferred``.
MAX_INFERRED_DAYS = 31
#: Days before a summit from which an event told in the past counts as recent news about it.
RECENT_EVENT_DAYS = 14
#: Days before and after a summit in which a dateline without a year is looked for.
DATELINE_DAYS_BEFORE, DATELINE_DAYS_AFTER = 60, 31
#: Days a summit's window is widened by "last week" / "last month" (after it), "next week" / "next month"
#: (before it) said of the summit.
PERIOD_WIDENING = {("week", -1): 14, ("month", -1): 45, ("week", 1): 14, ("month", 1): 45}


@dataclass(frozen=True, slots=True)
class Best:
    """What the text says of the publication date: the best day, the window, its source, evidence and score."""

    day: date | None = None
    earliest: date | None = None
    latest: date | None = None
    source: str = "unknown"
    evidence: str = ""
    summit_id: str = ""
    score: int = 0


class Article:
    """One article read for its publication date: mentions, sentence facts, clues, hypotheses."""

    def __init__(self, aid: str, mentions: list[Mention], sents: list[Sentence], summits: list[dict],
                 stamps: list[Stamp], *, people: list[tuple] = (),
                 officials: Officials = NO_OFFICIALS, extra: list[Clue] = ()):
        self.aid = aid
        self.mentions = mentions
        self.sents = {s.sentence_id: s for s in sents}
        self.summits = summits
        self._cache: dict[date, list[Res]] = {}
        self._full: dict[date, list[Res]] = {}
        self.base = resolve_all(mentions, None)
        self._fixed = [r if dct_free(m) else None for m, r in zip(mentions, self.base)]
        dated = {r.earliest for r in self.base if r.anchor == "absolute" and r.gran == "day" and r.earliest}
        self.stamps = settle_orders(list(stamps), dated)
        # a title in a sentence dated in the past may be the title then ("in 2005, President ...")
        past_dated = {m.sentence_id for m, r in zip(mentions, self.base)
                      if r.anchor == "absolute" and r.earliest is not None and m.tense == "past"}
        people = [p for p in people if p[0] not in past_dated]
        self.clues = (article_clues(mentions, self.base, self.sents, summits) + stamp_clues(self.stamps)
                      + office_clues(people, officials) + list(extra))
        # the clues read few mentions' resolutions: candidate days resolve only those and what they read
        reads = dependencies(mentions)
        self._needed = closure(reads, [c.reads for c in self.clues if c.reads is not None])
        self._alone = [None if f is not None else alone_key(i, mentions, r)
                       for i, (f, r) in enumerate(zip(self._fixed, reads))]
        self._todo = [i for i, (n, f) in enumerate(zip(self._needed, self._fixed)) if n and f is None]

    # ----------------------------------------------------------------- building
    @classmethod
    def build(cls, aid: str, rows: tuple[Row, ...], summits: Summits, *, officials: Officials = NO_OFFICIALS) -> Article:
        """Return article `aid` read from its rows (``extract.by_article``) against the summits index.

        `officials` (``officials.officials_index``) are the people whose titles of office
        bound the date.
        """
        mentions = article_mentions(aid, rows)
        sents: list[Sentence] = []
        stamps: list[Stamp] = []
        people: list[tuple] = []
        extra: list[Clue] = []
        for idx, row in enumerate(rows):
            raw = row.text
            folded = fold_cached(raw)
            sid, off = int(row.sentence_id), int(row.start)
            wire = None
            if row.kind not in NOT_STAMP_KINDS:
                wire = wire_dateline(folded, raw, sentence_id=sid, offset=off)
                if wire is not None:
                    stamps.append(wire)
                else:
                    stamps.extend(line_stamps(folded, raw, sentence_id=sid, offset=off, edge=idx in (0, len(rows) - 1)))
            if row.kind in SKIP_KINDS:
                continue
            city_span = None
            if wire is not None:
                at = folded.find(wire.city)
                city_span = (at, at + len(wire.city))
            sents.append(sentence_facts(row, folded, summits, dateline_city=city_span))
            if row.kind not in NOT_STAMP_KINDS:
                people.extend((sid, off + a, off + b, eid, offices)
                              for a, b, eid, offices in titled_people(folded, officials))
            for m in PP.SUMMIT_YEAR.finditer(folded):
                bounds, markers = tense_cues(folded)
                if tense_at(m.start(), bounds, markers, folded)[0] != "past":
                    extra.append(summit_year_clue(sid, off + m.start(), off + m.end(), raw[m.start():m.end()],
                                                  int(m.group("y"))))
        return cls(aid, mentions, sents, summits.rows, stamps, people=people, officials=officials, extra=extra)

    def resolved(self, d: date) -> list[Res]:
        """Return the resolutions against `d` that the clues read; the others are None."""
        res = self._cache.get(d)
        if res is None:
            res = self._full.get(d) or resolve_some(self.mentions, d, self._fixed, self._todo, self._alone)
            self._cache[d] = res
        return res

    def resolved_all(self, d: date | None) -> list[Res]:
        """Return every mention resolved against `d` (None: no DCT)."""
        if d is None:
            return self.base
        res = self._full.get(d)
        if res is None:
            res = self._full[d] = resolve_all(self.mentions, d, self._fixed, alone=self._alone)
        return res

    # ----------------------------------------------------------------- hypotheses
    def hypotheses(self) -> list[Hyp]:
        """Return the summits the text points to (each with its days and how it is named), then dated events."""
        hyps: list[Hyp] = []
        strong: dict[str, int] = {}
        weak: dict[str, int] = {}
        countries: set[str] = set()
        sco = False
        for s in self.sents.values():
            # a photo's caption places the photo, and a background sentence an earlier summit
            if s.background or s.kind in NOT_STAMP_KINDS:
                continue
            sco = sco or s.sco
            countries |= s.countries
            for city, hits in s.cities.items():
                for _, loc, near in hits:
                    if near:
                        strong[city] = strong.get(city, 0) + 1
                    elif loc:
                        weak[city] = weak.get(city, 0) + 1
        if strong or weak:
            chosen = [s for s in self.summits if s["city"] in strong or s["city"] in weak]
        elif sco and countries:
            chosen = [s for s in self.summits if s["country"] in countries]
        elif sco:
            chosen = list(self.summits)
        else:
            chosen = []
        for s in chosen:
            ident = 3 * min(strong.get(s["city"], 0), 2) + min(weak.get(s["city"], 0), 2)
            ident += 1 if s["country"] in countries else 0
            how = []
            if s["city"] in strong or s["city"] in weak:
                how.append(f"'{s['city']}'")
            if s["country"] in countries:
                how.append(f"'{s['country']}'")
            note = f"summit {s['summit_id']} ({s['start']}..{s['end']})" + (f" named by {' + '.join(how)}" if how else "")
            hyps.append(Hyp(s["summit_id"], self._summit_days(s), s, ident, note))
        page = stamp_days(self.stamps) | self._dateline_days()
        if page:
            hyps.append(Hyp("page", sorted(page), None, 0, ""))
        free: set[date] = set()
        for m, r in zip(self.mentions, self.base):
            if r.anchor == "absolute" and r.gran in DAY_GRANS and r.earliest is not None and m.tense != "future":
                free.update(day_range(r.earliest, r.earliest + timedelta(days=EVENT_MARGIN_DAYS)))
        if free:
            hyps.append(Hyp("events", sorted(free), None, 0, ""))
        return hyps

    def _dateline_days(self) -> set[date]:
        """Return the days a dateline without a year may name, its year from the years the text tells of.

        The latest year printed in a past or present sense (the text cannot be older)
        and the year after it.
        """
        years = [r.earliest.year for m, r in zip(self.mentions, self.base)
                 if r.anchor == "absolute" and r.earliest is not None and m.tense != "future"
                 and r.gran in ("year", "month", "day", "season")]
        if not years:
            return set()
        out = set()
        for st in self.stamps:
            if st.month_day is not None:
                out.update(d for y in (max(years), max(years) + 1) if (d := valid(y, *st.month_day)))
        return out

    def _summit_days(self, s: dict) -> list[date]:
        """Return the candidate days of summit `s`: a week around it, widened by what the text says of it.

        "last month" said of the summit reaches 45 days after it, "next week" 14 days
        before; a dateline without a year adds its day in the summit's season.
        """
        before = after = SUMMIT_MARGIN_DAYS
        for m in self.mentions:
            f = m.f
            sent = self.sents.get(m.sentence_id)
            if f.get("k") != "rel_unit" or sent is None or not about(sent, s["city"]) or not f.get("off"):
                continue
            widen = PERIOD_WIDENING.get((f.get("unit"), f["off"]))
            if widen and f["off"] < 0:
                after = max(after, widen)
            elif widen:
                before = max(before, widen)
        days = set(day_range(s["start"] - timedelta(days=before), s["end"] + timedelta(days=after)))
        for st in self.stamps:
            if st.month_day is None:
                continue
            for y in (s["start"].year - 1, s["start"].year, s["start"].year + 1):
                d = valid(y, *st.month_day)
                if d and s["start"] - timedelta(days=DATELINE_DAYS_BEFORE) <= d <= s["end"] + timedelta(days=DATELINE_DAYS_AFTER):
                    days.add(d)
        return sorted(days)

    # ----------------------------------------------------------------- scoring
    def score(self, h: Hyp, d: date) -> tuple[int, list[tuple[Clue, bool]]]:
        """Return the score of day `d` under `h` and the outcome of each clue that applies."""
        res = self.resolved(d)
        total = h.identity
        outcome = []
        for c in self.clues:
            ok = c.check(h, d, res)
            if ok is None:
                continue
            outcome.append((c, ok))
            if ok:
                total += c.weight
        return total, outcome

    def day_scores(self, h: Hyp) -> list[int]:
        """Return ``score(h, d)[0]`` for each of `h`'s days, checking only the clues that may hold for `h`.

        No day is resolved when none of those clues reads a timex.
        """
        clues = [c for c in self.clues if c.when is None or c.when(h)]
        reads = any(c.reads is not None for c in clues)
        out = []
        for d in h.days:
            res = self.resolved(d) if reads else None
            total = h.identity
            for c in clues:
                if c.check(h, d, res):
                    total += c.weight
            out.append(total)
        return out

    def infer(self) -> Best:
        """Return the best publication days: the top-scoring days of every hypothesis, or bounds only."""
        hyps = self.hypotheses()
        scored: list[tuple[int, Hyp, date]] = []
        for h in hyps:
            scored.extend(zip(self.day_scores(h), itertools.repeat(h), h.days))
        if not scored:
            return self._bounds_only()
        top = max(s for s, _, _ in scored)
        best = _nearest_summit([(h, d) for s, h, d in scored if s == top])
        days = sorted(d for _, d in best)
        lo, hi = days[0], days[-1]
        if (hi - lo).days + 1 > MAX_INFERRED_DAYS:
            ev = "; ".join(sorted({h.identity_note or h.key for h, _ in best}))
            return Best(None, lo, hi, "unknown", f"ambiguous: {ev}", "", top)
        counts: dict[str, int] = {}
        for hh, _ in best:
            counts[hh.key] = counts.get(hh.key, 0) + 1
        h = next(hh for hh, _ in best if hh.key == max(counts, key=counts.get))
        hdays = sorted(d for hh, d in best if hh.key == h.key)
        day = self._best_day(h, hdays)
        if any(c.kind == "explicit_lower" and c.weight > 1 and c.day > day for c in self.clues):
            # the best the text allows is older than something it tells as past: no date, only bounds
            return self._bounds_only()
        summit_id = h.summit["summit_id"] if h.summit else ""
        return Best(day, lo, hi, "inferred", self._evidence(h, day, scored), summit_id, top)

    def _best_day(self, h: Hyp, days: list[date]) -> date:
        if h.summit is None:
            target = days[0]
            for d in days:
                past_days = [r.earliest for m, r in zip(self.mentions, self.resolved_all(d))
                             if r.gran in DAY_GRANS and r.earliest is not None and m.tense == "past" and r.earliest <= d]
                target = max(past_days) + timedelta(days=1) if past_days else d
                if target >= d:
                    break
        else:
            fut = sum(1 for c in self.clues if c.kind in ("summit_future", "summit_ahead") and c.when(h))
            past = sum(1 for c in self.clues if c.kind == "summit_past" and c.when(h))
            if fut > past:
                # a preview is published soon after the latest event it tells of, else on the summit's eve
                target = self._after_latest_event(h, days) or h.summit["start"] - timedelta(days=1)
            elif past > fut:
                target = h.summit["end"] + timedelta(days=1)
            else:
                target = h.summit["end"]
        return min(days, key=lambda d: (abs((d - target).days), d))

    def _after_latest_event(self, h: Hyp, days: list[date]) -> date | None:
        """Return the day of `days` nearest after the latest recent event the text tells in the past, if any.

        Recent: on or after the summit's window opens (``RECENT_EVENT_DAYS`` before it).
        """
        best = None
        since = h.summit["start"] - timedelta(days=RECENT_EVENT_DAYS)
        for d in days:
            told = [r.earliest for m, r in zip(self.mentions, self.resolved_all(d))
                    if r.gran in DAY_GRANS and r.earliest is not None and m.tense == "past" and since <= r.earliest <= d]
            if told and (best is None or (d - max(told)).days < best[0]):
                best = ((d - max(told)).days, d)
        return best[1] if best else None

    def _evidence(self, h: Hyp, day: date, scored: list[tuple[int, Hyp, date]]) -> str:
        """Return the clues that single out `day`: the summit, then the binding ones, shortest form."""
        parts = [h.identity_note] if h.identity_note else []
        _, outcome = self.score(h, day)
        others = [(hh, d) for _, hh, d in scored if not (hh is h and d == day)][:400]
        res = self.resolved(day)
        lower = upper = None
        tense_sids: dict[str, list[int]] = {"summit_future": [], "summit_past": []}
        for c, ok in outcome:
            if not ok or not any(c.check(hh, d, self.resolved(d)) is False for hh, d in others):
                continue
            if c.kind == "explicit_lower":
                lower = c if lower is None or c.day > lower.day else lower
            elif c.kind == "explicit_upper":
                upper = c if upper is None or c.day < upper.day else upper
            elif c.kind in tense_sids:
                tense_sids[c.kind].append(c.sentence_id)
            else:
                parts.append(c.describe(h, day, res))
        for c in (lower, upper):
            if c is not None:
                parts.append(c.describe(h, day, res))
        if tense_sids["summit_future"] and h.summit:
            parts.append(f"future tense about the summit ({_sentences_label(tense_sids['summit_future'])})"
                         f" → published on or before {h.summit['end']}")
        if tense_sids["summit_past"] and h.summit:
            parts.append(f"past tense about the summit ({_sentences_label(tense_sids['summit_past'])})"
                         f" → published on or after {h.summit['start']}")
        return "; ".join(dict.fromkeys(parts))

    def _bounds_only(self) -> Best:
        base = self.base
        lows, highs, used = [], [], []
        for m, r in zip(self.mentions, base):
            if r.anchor != "absolute" or r.earliest is None:
                continue
            if m.tense == "future" and m.local_tense:
                highs.append(r.latest)
                used.append(f"'{m.text}' (future)")
            elif m.tense in ("past", "none", "present") and r.gran not in DAY_GRANS or m.tense == "past":
                lows.append(r.earliest)
                used.append(f"'{m.text}' ({m.tense})")
        lo = max(lows) if lows else None
        hi = min(highs) if highs else None
        if lo and hi and lo > hi:
            lo, hi = hi, lo
        ev = ("bounds only: " + ", ".join(used[:6])) if used else ""
        return Best(None, lo, hi, "unknown", ev, "", 0)

    # ----------------------------------------------------------------- conflicts
    def conflicts(self, dct: date) -> list[dict]:
        """Return the ``date_conflicts`` rows of publication date `dct`: the clues it breaks, in words."""
        summit_hyps = [h for h in self.hypotheses() if h.summit is not None]
        # the summit whose window holds the given date; failing that, the one the text points to best
        hyps = [h for h in summit_hyps if dct in set(h.days)] or summit_hyps
        h = max(hyps, key=lambda hh: self.score(hh, dct)[0]) if hyps else Hyp("none", [dct])
        res = self.resolved(dct)
        rows = []
        for c in self.clues:
            if c.sentence_id is None or c.soft:
                continue
            ok = c.check(h, dct, res)
            if ok is False:
                rows.append({"article_id": self.aid, "sentence_id": c.sentence_id, "start": c.start, "end": c.end,
                             "text": c.text, "note": f"{c.describe(h, dct, res)}; but published is {dct}"})
        return rows


def _nearest_summit(best: list[tuple[Hyp, date]]) -> list[tuple[Hyp, date]]:
    """Return the best (hypothesis, day) pairs; between summits alone, those of the summit nearest its day.

    News about a summit is mostly written during it or within days: where the clues
    cannot tell two summits apart (a dateline "September 17" fits a summit that day and
    another five days before), the one closer to the day wins.
    """
    if len({h.key for h, _ in best}) < 2 or any(h.summit is None for h, _ in best):
        return best
    gap = {}
    for h, d in best:
        g = max((h.summit["start"] - d).days, (d - h.summit["end"]).days, 0)
        gap[h.key] = min(gap.get(h.key, g), g)
    nearest = min(gap.values())
    return [(h, d) for h, d in best if gap[h.key] == nearest]


def _sentences_label(ids: list[int]) -> str:
    return ("sentence " if len(ids) == 1 else "sentences ") + ", ".join(map(str, ids))


def published_row(aid: str, best: Best, meta: date | None) -> dict:
    """Return the ``infer_published`` row of an article: what its text gives, `meta` (metadata) first."""
    row = {
        "article_id": aid,
        "published": best.day,
        "published_earliest": best.earliest,
        "published_latest": best.latest,
        "published_source": best.source,
        "published_evidence": best.evidence,
        "published_summit_id": best.summit_id,
        "published_score": best.score,
    }
    if meta is not None:
        row["published"] = meta
        row["published_source"] = "metadata"
        row["published_evidence"] = "metadata" + (f"; text: {best.evidence}" if best.evidence else "")
    return row
