"""Score the temporal tagger on TimeML corpora, as TempEval-3 scored task A (time expressions).

Each PATH is a corpus: a folder of TimeML ``.tml`` files (or one file). Of each file
the ``TEXT`` element is read with its tags stripped (the offsets of the text between
them kept, XML entities decoded), its ``TIMEX3`` elements are the gold timexes, and
the ``CREATION_TIME`` timex of ``DCT`` is the document's publication date. The text is
split into sentences by the package (``text.split_sentences`` with Punkt trained on
the corpus's own texts, as ``build`` trains it) and tagged by ``temporal.timexes``
with that publication date.

Printed per corpus and overall:

* strict (equal spans) and relaxed (overlapping spans) extent precision, recall, F1;
  each gold timex pairs with at most one of ours and each of ours with at most one
  gold (the largest overlap first);
* type and value accuracy over the relaxed matches, and type F1 and value F1 as
  TempEval-3's scorer defines them: that accuracy times the relaxed F1;
* the seconds taken (sentence splitting and tagging, Punkt training apart);
* all of it twice: ``raw`` compares our values and spans as they are, ``mapped``
  after the conventions where the package's contract differs from TimeML on purpose
  (``docs/timeml.md``; ``CONVENTIONS`` below) are mapped to TimeML's;
* the most frequent errors, grouped by kind (missed, spurious, wrong type, wrong value)
  and by the shape of the phrase ("<month> 9", "the 9999s"), with examples;
* the phrases the gold annotates in more than one way across documents (the same
  shape, different value shapes or types): they are listed, not scored apart.

Usage: python benchmarks/bench_timeml.py PATH... [--misses N] [--examples N] [--dump FILE]

--dump writes every pairing (corpus, document, gold and ours) as tab-separated lines.
Needs only the package and its dependencies.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from scoanalysis import text as T
from scoanalysis.build.run import PUNKT_SAMPLE_CHARS
from scoanalysis.temporal import timexes
from scoanalysis.temporal import words as W


@dataclass(frozen=True)
class Timex:
    """A time expression: character span in the document's text, TIMEX3 type, value and mod."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str = ""
    rule: str = ""


@dataclass
class Doc:
    """One TimeML document: its id, the text of TEXT, the DCT (ISO day) and the gold timexes."""

    doc_id: str
    text: str
    dct: str | None
    gold: list[Timex]
    ours: list[Timex] = field(default_factory=list)


# --------------------------------------------------------------------------- reading TimeML

def _walk(el: ET.Element, parts: list[str], found: list[Timex], pos: int) -> int:
    """Append the text of `el` (its children's tags stripped) to `parts`; collect its TIMEX3s; return the end offset."""
    if el.text:
        parts.append(el.text)
        pos += len(el.text)
    for child in el:
        start = pos
        pos = _walk(child, parts, found, pos)
        if child.tag == "TIMEX3" and pos > start:
            a = child.attrib
            found.append(Timex(start, pos, "".join(parts)[start:pos], a.get("type", ""), a.get("value", ""),
                               a.get("mod", "")))
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    return pos


def read_tml(path: Path) -> Doc:
    """Return the document of one ``.tml`` file (ElementTree decodes the entities)."""
    root = ET.parse(path).getroot()
    text_el = root.find("TEXT")
    parts: list[str] = []
    gold: list[Timex] = []
    if text_el is not None:
        _walk(text_el, parts, gold, 0)
    text = "".join(parts)
    gold = [Timex(t.start, t.end, text[t.start:t.end], t.type, t.value, t.mod) for t in gold]
    dct = None
    for tx in root.iter("TIMEX3"):
        if tx.attrib.get("functionInDocument") == "CREATION_TIME":
            dct = tx.attrib.get("value", "")[:10] or None
            break
    doc_id = (root.findtext("DOCID") or path.stem).strip()
    return Doc(doc_id, text, dct, gold)


def read_corpus(path: Path) -> list[Doc]:
    """Return the documents of a folder of ``.tml`` files (sorted by file name), or of one file."""
    files = [path] if path.is_file() else sorted(path.glob("*.tml"))
    return [read_tml(f) for f in files]


# --------------------------------------------------------------------------- tagging

def punkt_for(docs: list[Doc]):
    """Return Punkt trained on the corpus as ``build`` trains it: the first texts, up to PUNKT_SAMPLE_CHARS."""
    sample, total = [], 0
    for d in docs:
        if total >= PUNKT_SAMPLE_CHARS:
            break
        sample.append(d.text)
        total += len(d.text)
    return T.train_punkt(sample)


def tag(docs: list[Doc], tokenizer) -> tuple[float, float]:
    """Fill each document's ``ours``; return the seconds of sentence splitting and of tagging."""
    t0 = time.perf_counter()
    frames = [T.split_sentences(d.text, tokenizer=tokenizer, article_id=d.doc_id) for d in docs]
    sentences = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    t1 = time.perf_counter()
    found = timexes(sentences, published={d.doc_id: d.dct for d in docs})
    t2 = time.perf_counter()
    by_doc: dict[str, list[Timex]] = defaultdict(list)
    for row in found.itertuples(index=False):
        by_doc[row.article_id].append(Timex(int(row.start), int(row.end), row.text, row.timex_type,
                                            "" if pd.isna(row.value) else row.value,
                                            "" if pd.isna(row.mod) else row.mod, row.rule))
    for d in docs:
        d.ours = sorted(by_doc.get(d.doc_id, []), key=lambda t: (t.start, t.end))
    return t1 - t0, t2 - t1


# --------------------------------------------------------------------------- conventions mapped

#: Where the contract's conventions differ from TimeML's on purpose (docs/timeml.md): name -> what is mapped.
CONVENTIONS = {
    "part-of-day": "a day with its part ('Friday night') is a TIME 2000-01-07TNI; the corpora write a DATE, "
                   "the day alone or with a part: same day counts, TIME counts as DATE",
    "decade": "a decade is written 198; the corpora write 198 or 198X",
    "duration-units": "durations are written in one unit, decades and centuries in years (P20Y, PT5.5H, vague "
                      "PXDE); TimeML writes P2DE, PT5H30M, PXY: the same amount counts",
    "week-number": "ISO week numbers have two digits (2000-W06); the corpora write W6",
    "underspecified": "a value is written at the granularity resolved (1968, 1989-W43); the gold's X places "
                      "(1968-XX, 1989-WXX, 1988-QX) match any digit and a coarser value",
    "offset-from-event": "'two days later', 'a year after' are a DATE against the event before; TimeML tags "
                         "the amount as a DURATION (P2D)",
    "boundary-ago": "'more than two years ago' is the boundary day (1996-02-27, mod BEFORE); TimeML writes the "
                    "year or the duration: compared at the gold's granularity",
    "set-adjective": "'annual', 'quarterly' before a noun are a SET (P1Y); the corpora leave them untagged: dropped",
    "day-range": "a range of days ('Sept. 15-16', 'June 30 to July 1') is one DATE, value the ISO interval "
                 "2022-09-15/2022-09-16; TimeML tags each end: split into the two days",
    "extent-words": "a leading preposition ('for the past two years', 'in recent months') and the modifier "
                    "that sets mod or cuts the days ('about', 'nearly', 'earlier this week') are in our span, "
                    "not TimeML's: dropped for strict matching",
}

_DECADE = re.compile(r"^(\d{3})X?$")
_WEEK = re.compile(r"^(\d{4})-W0?(\d{1,2})(.*)$")
_PART_OF_DAY = re.compile(r"^(\d{4}-\d\d-\d\d)T(?:MO|AF|EV|NI|DT)$")
_LEAD = re.compile(
    r"^(?:(?:for|in|over|during|within|throughout|at|by|on|since|from|until|through)\s+)?"
    r"(?:(?:about|around|nearly|almost|roughly|some|just|over|under|approximately|more\s+than|less\s+than|"
    r"at\s+least|up\s+to|earlier|later|right)\s+)?", re.I)
_OFFSET = re.compile(r"^(?P<amount>.+?)\s+(?:later|earlier|after|before)$", re.I)
_SET_ADJECTIVES = frozenset({"annual", "quarterly", "monthly", "weekly", "yearly", "biennial", "biannual",
                             "semiannual", "nightly", "hourly"})


_DUR_PART = re.compile(r"(X|\d+(?:\.\d+)?)(DE|CE|ML|[YMWDQECLHS])")
_MONTHS = {"Y": 12, "Q": 3, "M": 1, "DE": 120, "E": 120, "CE": 1200, "C": 1200, "ML": 12000, "L": 12000}
_SECONDS = {"W": 7 * 86400, "D": 86400, "H": 3600, "M": 60, "S": 1}


def duration_amount(value: str) -> tuple | None:
    """Return a duration as (months, seconds), or ("X", the longest unit) for a vague one; None if no duration.

    "P20Y" and "P2DE" are both (240, 0); "PT5.5H" and "PT5H30M" both (0, 19800).
    """
    m = re.fullmatch(r"P([^T]*)(?:T(.*))?", value)
    if not m or not (m.group(1) or m.group(2)):
        return None
    months, seconds, vague = 0.0, 0.0, None
    for part, timepart in ((m.group(1) or "", False), (m.group(2) or "", True)):
        pos = 0
        for p in _DUR_PART.finditer(part):
            if p.start() != pos:
                return None
            pos = p.end()
            n, unit = p.group(1), p.group(2)
            if n == "X":
                vague = "long" if unit in _MONTHS and not timepart and unit not in ("M",) else unit
                continue
            if timepart or unit in ("W", "D"):
                seconds += float(n) * _SECONDS[unit]
            elif unit in _MONTHS:
                months += float(n) * _MONTHS[unit]
            else:
                return None
        if pos != len(part):
            return None
    if vague is not None:
        return ("X", vague)
    return (round(months, 6), round(seconds, 3))


def _wild(gold: str, ours: str) -> bool:
    """Return whether `ours` fills the X places of `gold` ("1989-WXX" 1989-W43; "1968-XX" 1968)."""
    g = gold.rstrip("X-") if re.search(r"-X+$", gold) else gold
    if "X" not in gold:
        return False
    if len(ours) == len(gold):
        return all(a == b or a == "X" for a, b in zip(gold, ours))
    return len(ours) == len(g) and all(a == b or a == "X" for a, b in zip(g, ours))


def offset_duration(t: Timex) -> str | None:
    """Return the TimeML duration of our offset from an event ("two days later" P2D), else None."""
    if t.rule != "offset":
        return None
    m = _OFFSET.match(t.text.strip())
    if not m:
        return None
    words = m.group("amount").split()
    mods = ("about", "around", "nearly", "almost", "some", "just", "over", "more", "than", "less", "roughly")
    while words and words[0].lower() in mods:
        words = words[1:]
    if len(words) < 2:
        return None
    n = W.number(" ".join(words[:-1]))
    return W.duration_value(n, words[-1]) if n is not None else None


def value_same(o: Timex, g: Timex, *, mapped: bool) -> bool:
    """Return whether our value reads as the gold one, raw (equal, ignoring case) or with the conventions mapped."""
    a, b = o.value.upper(), g.value.upper()
    if a == b:
        return True
    if not mapped:
        return False
    pa, pb = _PART_OF_DAY.match(a), _PART_OF_DAY.match(b)
    if (pa or pb) and (pa.group(1) if pa else a) == (pb.group(1) if pb else b):
        return True
    da, db = _DECADE.match(a), _DECADE.match(b)
    if da and db and da.group(1) == db.group(1):
        return True
    ya, yb = duration_amount(a), duration_amount(b)
    if ya is not None and ya == yb:
        return True
    wa, wb = _WEEK.match(a), _WEEK.match(b)
    if wa and wb and wa.groups()[0] == wb.groups()[0] and int(wa.group(2)) == int(wb.group(2)) and wa.group(3) == wb.group(3):
        return True
    if _wild(b, a):
        return True
    dur = offset_duration(o)
    if dur is not None and dur.upper() == b:
        return True
    if o.mod in ("BEFORE", "AFTER") and o.rule == "offset" and re.match(r"^\d{4}(-\d\d)?$", b) and a.startswith(b):
        return True
    return False


def type_same(o: Timex, g: Timex, *, mapped: bool) -> bool:
    """Return whether our type is the gold one, raw or with the conventions mapped."""
    if o.type == g.type:
        return True
    if not mapped:
        return False
    if o.type == "TIME" and g.type == "DATE" and _PART_OF_DAY.match(o.value.upper()):
        return True
    return g.type == "DURATION" and offset_duration(o) is not None


_RANGE_VALUE = re.compile(r"^(\d{4}-\d\d-\d\d)/(\d{4}-\d\d-\d\d)$")
_RANGE_JOIN = re.compile(r"\d(?:st|nd|rd|th)?\.?(\s*(?:-+|\u2013|\u2014|/|to|through|thru|until|till|and|&)\s*)[\w]", re.I)


def split_range(t: Timex) -> list[Timex]:
    """Return our range of days `t` ("Sept. 15-16", value 2022-09-15/2022-09-16) as its two days, else [t]."""
    v = _RANGE_VALUE.match(t.value)
    j = _RANGE_JOIN.search(t.text) if v else None
    if not j:
        return [t]
    a, b = j.start(1), j.end(1)
    return [Timex(t.start, t.start + a, t.text[:a], t.type, v.group(1), t.mod, t.rule),
            Timex(t.start + b, t.end, t.text[b:], t.type, v.group(2), t.mod, t.rule)]


def mapped_ours(d: Doc) -> list[Timex]:
    """Return our timexes of `d` with the conventions mapped: SET adjectives before a noun dropped, ranges split."""
    out = []
    for t in d.ours:
        if t.type == "SET" and t.text.lower() in _SET_ADJECTIVES and re.match(r"\s+[a-z]", d.text[t.end:t.end + 3]):
            continue
        out.extend(split_range(t))
    return out


def trimmed(t: Timex) -> tuple[int, int]:
    """Return the span of our timex `t` without a leading preposition or modifier (for strict mapped matching)."""
    m = _LEAD.match(t.text)
    k = m.end() if m and m.end() < len(t.text) else 0
    return t.start + k, t.end


# --------------------------------------------------------------------------- scoring

def pair(gold: list[Timex], ours: list[Timex]) -> list[tuple[int, int]]:
    """Return one-to-one pairs (gold index, our index) of overlapping spans, the largest overlaps first."""
    cands = []
    for i, g in enumerate(gold):
        for j, o in enumerate(ours):
            ov = min(g.end, o.end) - max(g.start, o.start)
            if ov > 0:
                exact = g.start == o.start and g.end == o.end
                cands.append((-int(exact), -ov, i, j))
    cands.sort()
    used_g, used_o, out = set(), set(), []
    for _, _, i, j in cands:
        if i not in used_g and j not in used_o:
            used_g.add(i)
            used_o.add(j)
            out.append((i, j))
    return sorted(out)


@dataclass
class Score:
    """Counts of one scoring: gold and our timexes, strict and relaxed matches, right types and values."""

    gold: int = 0
    ours: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    seconds: float = 0.0

    def add(self, other: "Score") -> None:
        for k in ("gold", "ours", "strict", "relaxed", "type_ok", "value_ok"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.seconds += other.seconds

    @staticmethod
    def prf(hit: int, ours: int, gold: int) -> tuple[float, float, float]:
        p = hit / ours if ours else 0.0
        r = hit / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def figures(self) -> dict[str, float]:
        sp, sr, sf = self.prf(self.strict, self.ours, self.gold)
        rp, rr, rf = self.prf(self.relaxed, self.ours, self.gold)
        ta = self.type_ok / self.relaxed if self.relaxed else 0.0
        va = self.value_ok / self.relaxed if self.relaxed else 0.0
        return {"strict P": sp, "strict R": sr, "strict F1": sf, "relaxed P": rp, "relaxed R": rr, "relaxed F1": rf,
                "type acc": ta, "value acc": va, "type F1": ta * rf, "value F1": va * rf}


def score_doc(d: Doc, *, mapped: bool, errors: list | None = None, corpus: str = "") -> Score:
    """Return the counts of one document; append its errors to `errors` as (kind, gold, ours, doc)."""
    ours = mapped_ours(d) if mapped else d.ours
    pairs = pair(d.gold, ours)
    s = Score(gold=len(d.gold), ours=len(ours), relaxed=len(pairs))
    for i, j in pairs:
        g, o = d.gold[i], ours[j]
        s.strict += (g.start, g.end) == (o.start, o.end) or (mapped and (g.start, g.end) == trimmed(o))
        tok = type_same(o, g, mapped=mapped)
        s.type_ok += tok
        ok = value_same(o, g, mapped=mapped)
        s.value_ok += ok
        if errors is not None:
            if not tok:
                errors.append(("wrong type", g, o, d, corpus))
            if not ok:
                errors.append(("wrong value", g, o, d, corpus))
            elif (g.start, g.end) != (o.start, o.end) and not (mapped and (g.start, g.end) == trimmed(o)):
                errors.append(("extent", g, o, d, corpus))
    if errors is not None:
        paired_g = {i for i, _ in pairs}
        paired_o = {j for _, j in pairs}
        errors.extend(("missed", g, None, d, corpus) for i, g in enumerate(d.gold) if i not in paired_g)
        errors.extend(("spurious", None, o, d, corpus) for j, o in enumerate(ours) if j not in paired_o)
    return s


# --------------------------------------------------------------------------- families

_MONTH_WORD = re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
                         r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b\.?", re.I)
_WEEKDAY_WORD = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_NUMBER_WORD = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|"
                          r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)\b", re.I)


def shape(text: str) -> str:
    """Return the shape of a phrase: lower case, digits as 9, month and weekday names and number words as tags."""
    s = " ".join(text.lower().split())
    s = _MONTH_WORD.sub("<month>", s)
    s = _WEEKDAY_WORD.sub("<weekday>", s)
    s = _NUMBER_WORD.sub("<n>", s)
    s = re.sub(r"\d", "9", s)
    return re.sub(r"9+", lambda m: "9" * min(len(m.group()), 4), s)


def value_shape(value: str) -> str:
    """Return the shape of a TIMEX3 value (digits as 9): "9999-99-99", "P9Y", "PRESENT_REF"."""
    return re.sub(r"\d", "9", value)


def value_family(g: Timex, o: Timex) -> str:
    """Return the family of a wrong value: the gold value's shape and how ours differs."""
    gs, os_ = value_shape(g.value), value_shape(o.value)
    if gs != os_:
        return f"{g.type} {gs} <- ours {os_}"
    if gs == "9999-99-99":
        return f"{g.type} day off ({shape(g.text)})"
    return f"{g.type} {gs} other ({shape(g.text)})"


def print_errors(errors: list, *, top: int, examples: int) -> None:
    """Print the most frequent errors by kind and family, with examples."""
    kinds = ["missed", "spurious", "wrong type", "wrong value", "extent"]
    for kind in kinds:
        group = [e for e in errors if e[0] == kind]
        print(f"\n{kind} ({len(group)}), most frequent:")
        fams: dict[str, list] = defaultdict(list)
        for e in group:
            _, g, o, d, c = e
            if kind == "missed":
                key = f"{g.type} {shape(g.text)}"
            elif kind == "spurious":
                key = f"{o.type} {shape(o.text)}"
            elif kind == "wrong type":
                key = f"{g.type} <- ours {o.type}"
            elif kind == "wrong value":
                key = value_family(g, o)
            else:
                key = f"gold '{shape(g.text)}' ours '{shape(o.text)}'"
            fams[key].append(e)
        for key, es in sorted(fams.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:top]:
            print(f"  {len(es):4d}  {key}")
            for _, g, o, d, c in es[:examples]:
                gtxt = f"'{g.text}' {g.type} {g.value}" if g else "-"
                otxt = f"'{o.text}' {o.type} {o.value}" if o else "-"
                print(f"          {c}/{d.doc_id} dct {d.dct}: gold {gtxt} | ours {otxt}")


#: Phrase shapes whose value follows from their words and the DCT alone: annotated two ways, the gold disagrees.
CONTEXT_FREE = re.compile(
    r"^(?:9999|(?:the )?9999s|(?:the )?(?:early|mid|late)[ -]9999s?|<month>,? 9999|<month> 99?,? 9999"
    r"|<weekday>(?: (?:morning|afternoon|evening|night))?|(?:last|this|next) (?:week|month|year|weekend)"
    r"|today|yesterday|tomorrow|tonight|now|daily|weekly|monthly|annually|yearly|(?:over )?the weekend)$")


def print_disagreements(corpora: list[tuple[str, list[Doc]]], *, top: int) -> None:
    """List the phrases whose words and DCT fix their value that the gold annotates with different shapes or types."""
    seen: dict[str, Counter] = defaultdict(Counter)
    where: dict[tuple, str] = {}
    for name, docs in corpora:
        for d in docs:
            for g in d.gold:
                key = (g.type, value_shape(g.value))
                seen[shape(g.text)][key] += 1
                where.setdefault((shape(g.text), key), f"{name}/{d.doc_id} '{g.text}' {g.type} {g.value}")
    rows = []
    for sh, c in seen.items():
        if len(c) > 1 and CONTEXT_FREE.match(sh):
            rows.append((sum(c.values()) - max(c.values()), sh, c))
    rows.sort(key=lambda r: (-r[0], r[1]))
    print(f"\nthe gold's own disagreements (phrases whose words and DCT fix the value, annotated in several ways; "
          f"{len(rows)} shapes, left as they are):")
    for minority, sh, c in rows[:top]:
        alts = "; ".join(f"{n}x {t} {v} (e.g. {where[(sh, (t, v))]})" for (t, v), n in c.most_common())
        print(f"  '{sh}': {alts}")


# --------------------------------------------------------------------------- main

def _line(label: str, s: Score) -> str:
    f = s.figures()
    return (f"{label:<22} {s.gold:5d} {s.ours:5d}  "
            f"{100 * f['strict P']:5.1f} {100 * f['strict R']:5.1f} {100 * f['strict F1']:5.1f}  "
            f"{100 * f['relaxed P']:5.1f} {100 * f['relaxed R']:5.1f} {100 * f['relaxed F1']:5.1f}  "
            f"{100 * f['type acc']:5.1f} {100 * f['value acc']:5.1f}  {100 * f['type F1']:5.1f} {100 * f['value F1']:5.1f}"
            f"  {s.seconds:6.2f}s")


def _header() -> str:
    return (f"{'corpus':<22} {'gold':>5} {'ours':>5}  {'strict P/R/F1':^17}  {'relaxed P/R/F1':^17}  "
            f"{'acc type/value':^11}  {'F1 type/value':^11}  {'time':>7}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+", type=Path)
    ap.add_argument("--misses", type=int, default=15, help="families listed per kind of error")
    ap.add_argument("--examples", type=int, default=2, help="examples per family")
    ap.add_argument("--dump", type=Path, help="write every error as tab-separated lines to this file")
    args = ap.parse_args(argv)

    corpora: list[tuple[str, list[Doc]]] = []
    for p in args.paths:
        if not p.exists():
            print(f"no such file or folder: {p}", file=sys.stderr)
            return 2
        corpora.append((p.name or str(p), read_corpus(p)))
    scores = {"raw": {}, "mapped": {}}
    errors: dict[str, list] = {"raw": [], "mapped": []}
    train_s = 0.0
    for name, docs in corpora:
        t0 = time.perf_counter()
        tok = punkt_for(docs)
        train_s += time.perf_counter() - t0
        split_s, tag_s = tag(docs, tok)
        for mode in ("raw", "mapped"):
            total = Score()
            for d in docs:
                total.add(score_doc(d, mapped=mode == "mapped", errors=errors[mode], corpus=name))
            total.seconds = split_s + tag_s
            scores[mode][name] = total
        print(f"{name}: {len(docs)} documents, {sum(len(d.text) for d in docs):,} characters; "
              f"sentences {split_s:.2f}s, tagging {tag_s:.2f}s")
    print(f"Punkt training {train_s:.2f}s (apart)\n")
    for mode in ("raw", "mapped"):
        print(f"[{mode}]")
        print(_header())
        overall = Score()
        for name, s in scores[mode].items():
            print(_line(name, s))
            overall.add(s)
        if len(scores[mode]) > 1:
            print(_line("overall", overall))
        print()
    print("conventions mapped (docs/timeml.md):")
    for k, v in CONVENTIONS.items():
        print(f"  {k}: {v}")
    print("\nerrors with the conventions mapped:")
    print_errors(errors["mapped"], top=args.misses, examples=args.examples)
    print_disagreements(corpora, top=args.misses)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for kind, g, o, d, c in errors["mapped"]:
                gt = f"{g.text}\t{g.type}\t{g.value}\t{g.mod}" if g else "\t\t\t"
                ot = f"{o.text}\t{o.type}\t{o.value}\t{o.mod}" if o else "\t\t\t"
                pos = (g or o).start
                ctx = d.text[max(0, pos - 80):pos + 80].replace("\n", " ").replace("\t", " ")
                fh.write(f"{kind}\t{c}\t{d.doc_id}\t{d.dct}\t{gt}\t{ot}\t{ctx}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
