"""Finding temporal expressions: sentences frame -> rows per article -> candidates -> mentions with their tense."""

from __future__ import annotations

import functools

import pandas as pd

from ..patterns import temporal as P
from ..text import fold
from .builders import DATE_BUILDERS
from .builders_periods import PERIOD_BUILDERS
from .builders_relative import RELATIVE_BUILDERS
from .mentions import SKIP_KINDS, Cand, Mention, Row
from .speech import link_speech_days
from .tense import clause_of, tense_at, tense_cues

#: Builder of each rule, by rule name.
BUILDERS = {**DATE_BUILDERS, **RELATIVE_BUILDERS, **PERIOD_BUILDERS}
assert set(BUILDERS) == {name for name, _ in P.RULES}
#: The rules with their builders and gates, in order.
RULES = [(rule, rx, BUILDERS[rule], *P.RULE_GATES[rule]) for rule, rx in P.RULES]


def by_article(sentences: pd.DataFrame) -> list[tuple[str, tuple[Row, ...]]]:
    """Return (article_id as text, its sentences in text order) per article, in article_id order.

    Sentences of an article are ordered by start (ties keep their order in the frame);
    a missing kind is ``body``, a missing text empty, a missing paragraph_id the
    sentence_id.
    """
    if sentences is None or not len(sentences):
        return []
    aids = sentences["article_id"].tolist()
    starts = sentences["start"].tolist()
    sids = sentences["sentence_id"].tolist()
    texts = _filled(sentences["text"], "")
    kinds = _filled(sentences["kind"], "body") if "kind" in sentences.columns else ["body"] * len(sids)
    pids = _filled(sentences["paragraph_id"], sids) if "paragraph_id" in sentences.columns else sids
    groups: dict = {}
    for i, a in enumerate(aids):
        groups.setdefault(a, []).append(i)
    out = []
    for aid in sorted(groups):
        idx = sorted(groups[aid], key=starts.__getitem__)
        out.append((str(aid), tuple(Row(sids[i], starts[i], kinds[i], texts[i], pids[i]) for i in idx)))
    return out


def _filled(col: pd.Series, fill) -> list:
    """Return the values of `col` with missing ones replaced by `fill` (a value, or a list to take them from)."""
    values = col.tolist()
    present = col.notna().tolist()
    if all(present):
        return values
    if isinstance(fill, list):
        return [v if ok else f for v, ok, f in zip(values, present, fill)]
    return [v if ok else fill for v, ok in zip(values, present)]


def _gate_words(folded: str) -> set[str] | None:
    """Return the words of `folded` in lower case, or None when a letter is one only case-insensitively."""
    if folded.isascii():
        return set(P.GATE_WORD.findall(folded.lower()))
    toks = P.GATE_WORD.findall(folded)
    if not all(t.isascii() for t in toks):
        return None  # "ſ", "K", "ı", "İ" match [a-z] ignoring case: let every rule run
    return {t.lower() for t in toks}


@functools.lru_cache(maxsize=8192)
def candidates(folded: str, raw: str) -> list[Cand]:
    """Return the timexes found in one sentence, longest first among overlaps, in text order.

    A rule's regex runs only when the sentence passes its gate (``P.RULE_GATES``): a
    word or a digit every match of the rule contains. Cached by sentence; callers
    never change the candidates.
    """
    out: list[Cand] = []
    words = _gate_words(folded)
    needs: dict[str, bool] = {}
    for rule, rx, builder, gate, need in RULES:
        if words is not None and gate is not None and words.isdisjoint(gate):
            continue
        if need:
            ok = needs.get(need)
            if ok is None:
                ok = needs[need] = P.GATE_NEEDS[need].search(folded) is not None
            if not ok:
                continue
        for m in rx.finditer(folded):
            if m.end() == m.start():
                continue
            cand = builder(m, folded, raw)
            if cand is not None:
                if isinstance(cand, list):
                    out.extend(cand)
                else:
                    out.append(cand)
    out.sort(key=lambda c: (-(c.e - c.s), P.RULE_ORDER[c.rule], c.s))
    taken: list[Cand] = []
    for c in out:
        if all(c.e <= t.s or c.s >= t.e for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.s)


@functools.lru_cache(maxsize=8192)
def fold_cached(raw: str) -> str:
    """Return ``text.fold(raw)`` (cached by sentence)."""
    return fold(raw)


@functools.lru_cache(maxsize=8)
def article_mentions(aid: str, rows: tuple[Row, ...]) -> list[Mention]:
    """Return the mentions of one article's rows (see ``by_article``), in text order.

    Cached for the last few articles: ``timexes``, ``infer_published`` and
    ``date_conflicts`` read the same sentences one after the other, and nothing changes
    a mention once found, so they share one list.
    """
    out: list[Mention] = []
    for row in rows:
        if row.kind in SKIP_KINDS:
            continue
        out.extend(_sentence_mentions(aid, row, len(out)))
    return out


def _sentence_mentions(aid: str, row: Row, offset: int) -> list[Mention]:
    """Return the mentions of one sentence; `offset` is the number of mentions of the article before it."""
    raw = row.text
    folded = fold_cached(raw)
    cands = candidates(folded, raw)
    if not cands:
        return []
    bounds, markers = tense_cues(folded)
    sid, pid, start, caption = int(row.sentence_id), int(row.paragraph_id), int(row.start), row.kind == "caption"
    out: list[Mention] = []
    prev_cand: Cand | None = None
    prev_first = 0
    for c in cands:
        first = len(out)
        for part in c.parts:
            tense, local = tense_at(part.s, bounds, markers, folded)
            since = P.SINCE_RIGHT_BEFORE.search(folded, 0, part.s) is not None
            if since:
                tense, local = "past", True  # "since year-end": a time before the DCT, whatever the verb
            elif P.SOON_AS_RIGHT_BEFORE.search(folded, 0, part.s):
                tense, local = "future", True  # "as soon as Tuesday": a time still to come
            mention = Mention(
                article_id=aid, sentence_id=sid, paragraph_id=pid,
                start=start + part.s, end=start + part.e, text=raw[part.s:part.e], rule=c.rule,
                timex_type=part.ttype, f=dict(part.f), tense=tense, local_tense=local, clause=clause_of(bounds, part.s),
                caption=caption,
            )
            if since:
                mention.f["since"] = True
            if part.link is not None:
                mention.link = offset + first + part.link
                mention.link_kind = part.link_kind
            out.append(mention)
        if prev_cand is not None and len(prev_cand.parts) == 1 and len(c.parts) == 1:
            between = folded[prev_cand.e:c.s]
            if P.CONNECTOR.match(between):
                _coordinate(out[prev_first], out[first], offset + prev_first)
        prev_cand, prev_first = c, first
    link_speech_days(out, folded, start, offset)
    return out


def _coordinate(a: Mention, b: Mention, a_index: int) -> None:
    """Link two coordinated timexes ("Wednesday and Thursday", "March and June 2024")."""
    ka, kb = a.f.get("k"), b.f.get("k")
    if ka != kb or ka not in ("weekday", "date", "month", "season"):
        return
    if ka == "weekday":
        if not a.f.get("rel") and not b.f.get("rel") and a.f.get("wk") is None and b.f.get("wk") is None:
            b.link, b.link_kind = a_index, "after"
        return
    if any(x.f.get(key) is not None for x in (a, b) for key in ("rel", "ry")):
        return
    if b.f.get("y") is None and a.f.get("y") is None:
        b.link, b.link_kind = a_index, "after"
    elif a.f.get("y") is None and b.f.get("y") is not None:
        y = b.f["y"]
        if ka in ("date", "month") and a.f["m"] > b.f["m"]:
            y -= 1
        a.f["y"] = y
        a.f["y_from"] = b.span_id
