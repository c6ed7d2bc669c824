"""The dates a page prints about itself: publication and update lines, wire datelines, and their reading.

``line_stamps`` reads a short line made of dates, clock times, time zones, labels and
furniture ("Published: 9th June 2018 08:15 AM | Last Updated: ...", "WORLD |
18:05 / 13.06.2019", "Publish Date: 09/07/15 16:20"); ``wire_dateline`` reads the
dateline opening a sentence ("UFA, July 9. /Agency/.", "TASHKENT, June 23, 2016,
Example News --"). A numeric date whose day and month both fit 12 has two readings;
``settle_orders`` puts first the one the page supports: another numeric date of the
page that shows its order, a full date printed elsewhere on the page, a time zone of
the Americas (month first); day first otherwise. The other reading stays: the clues
decide between the two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from ..patterns import published as P
from ..patterns.temporal import MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS
from .calendar import valid

#: Kinds of stamp: a publication line, an update line, a site header (a weekday date without time
#: heading or ending the page), a wire dateline.
STAMP_KINDS = ("published", "updated", "header", "dateline")
#: Sentence kinds whose dates are not the page's own: a photo's caption tells when the photo was taken.
NOT_STAMP_KINDS = frozenset({"caption"})
#: Time zones of the Americas: a numeric date next to one is read month first.
MONTH_FIRST_ZONES = frozenset({"EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "PT"})


@dataclass(frozen=True, slots=True)
class Stamp:
    """A date a page prints about itself.

    `readings` are the days it may mean, the page's preferred reading first (two for a
    numeric date whose day and month both fit 12); `month_day` is set instead for a
    dateline without a year. `order` is how a numeric date is read: ``dmy``, ``mdy``,
    ``ymd``, or ``either`` while both readings stand; empty for a named month.
    """

    sentence_id: int
    start: int
    end: int
    text: str
    kind: str
    readings: tuple[date, ...] = ()
    month_day: tuple[int, int] | None = None
    order: str = ""
    sep: str = ""
    weekday: int | None = None
    zone: str = ""
    city: str = ""

    @property
    def ambiguous(self) -> bool:
        """Return whether the stamp still has two readings."""
        return len(self.readings) > 1


def _year(text: str) -> int:
    y = int(text.lstrip("'"))
    if len(text.lstrip("'")) == 2:
        y += 2000 if y < 70 else 1900
    return y


def _weekday(text: str | None) -> int | None:
    if not text:
        return None
    w = text.lower().rstrip(".")
    return WEEKDAYS.get(w, WEEKDAY_ABBREVIATIONS.get(w))


def _read_date(m: re.Match) -> tuple[tuple[date, ...], str, str]:
    """Return the readings of one ``STAMP_DATE`` match, its order and separator."""
    g = m.groupdict()
    if g["d1"]:
        d = valid(_year(g["y1"]), MONTHS[g["m1"].lower().rstrip(".")], int(g["d1"]))
        return ((d,) if d else ()), "", ""
    if g["m2"]:
        d = valid(_year(g["y2"]), MONTHS[g["m2"].lower().rstrip(".")], int(g["d2"]))
        return ((d,) if d else ()), "", ""
    if g["y3"]:
        d = valid(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        return ((d,) if d else ()), "ymd", g["s3"]
    a, b, y, sep = int(g["a4"]), int(g["b4"]), _year(g["y4"]), g["s4"]
    dmy, mdy = valid(y, b, a), valid(y, a, b)
    if dmy and not mdy:
        return (dmy,), "dmy", sep
    if mdy and not dmy:
        return (mdy,), "mdy", sep
    if not dmy:
        return (), "", sep
    if dmy == mdy:
        return (dmy,), "dmy", sep
    if sep == ".":
        return (dmy,), "dmy", sep  # dotted numeric dates are day first
    return (dmy, mdy), "either", sep


def line_stamps(folded: str, raw: str, *, sentence_id: int = 0, offset: int = 0, edge: bool = False) -> list[Stamp]:
    """Return the stamps of a publication line (none when the line is prose or points to another page).

    `offset` is the line's start in the article; `edge` says the line heads or ends the
    page (an unlabelled weekday date without a time there is the site's header or footer).
    """
    if len(folded) > P.STAMP_MAX_CHARS or P.RELATED_LINE.match(folded):
        return []
    dates = [m for m in P.STAMP_DATE.finditer(folded)]
    if not dates:
        return []
    spans = [m.span() for m in dates]
    times = [m.span() for m in P.STAMP_TIME.finditer(folded) if not _inside(m.span(), spans)]
    zones = [m for m in P.STAMP_ZONE.finditer(folded) if not _inside(m.span(), spans)]
    labels = [(m.span(), "updated") for m in P.UPDATED_LABEL.finditer(folded)]
    labels += [(m.span(), "published") for m in P.PUBLISHED_LABEL.finditer(folded)
               if not any(_overlaps(m.span(), s) for s, _ in labels)]
    rest = list(folded)
    for a, b in [*spans, *times, *(z.span() for z in zones), *(s for s, _ in labels)]:
        rest[a:b] = "|" * (b - a)
    words = 0
    for seg in P.STAMP_SEPARATORS.split("".join(rest)):
        toks = [t for t in seg.replace("|", " ").split() if t.strip(".:'\"-")]
        if not toks:
            continue
        if all(t.lower().strip(".:'\"") in P.STAMP_FURNITURE or P.STAMP_WIDGET.match(t.strip(".:")) for t in toks):
            continue
        opens_as_name = toks[0][:1].isupper() or toks[0].lower() == "by"
        if len(toks) > 5 or not opens_as_name or not all(P.SEGMENT_WORD.match(t.strip(".:,")) for t in toks):
            return []  # a segment of prose: the line is no publication line
        words += len(toks)
    if words > P.STAMP_MAX_WORDS:
        return []
    zone = next((z.group().strip("() ") for z in zones), "")
    out = []
    prev_end = 0
    for m in dates:
        readings, order, sep = _read_date(m)
        if not readings:
            prev_end = m.end()
            continue
        before = [k for (a, b), k in labels if prev_end <= a and b <= m.start()]
        kind = before[-1] if before else "published"
        wd = _weekday(m.group("wd"))
        if not before and edge and wd is not None and not times:
            kind = "header"
        if wd is not None and len(readings) > 1:
            readings = tuple(sorted(readings, key=lambda d: d.weekday() != wd))
        out.append(Stamp(sentence_id, offset + m.start(), offset + m.end(), raw[m.start():m.end()], kind,
                         readings, None, order, sep, wd, zone))
        prev_end = m.end()
    return out


def wire_dateline(folded: str, raw: str, *, sentence_id: int = 0, offset: int = 0) -> Stamp | None:
    """Return the dateline opening a sentence ("UFA, July 9. /Agency/."): its city, and its date if printed.

    The stamp has no reading and no month_day when the dateline gives no date
    ("ASTANA, Kazakhstan --", "NEW DELHI:").
    """
    m = P.WIRE_DATELINE.match(folded) or P.WIRE_DATELINE_TITLE.match(folded)
    if not m:
        return None
    city = m.group("city").strip()
    if city.upper() in P.NOT_DATELINE_CITY or len(city.replace(".", "")) < 3:
        return None
    mon_text = m.group("m") or m.group("m_")
    if not mon_text:
        return Stamp(sentence_id, offset + m.start("city"), offset + m.end(), raw[m.start("city"):m.end()].strip(),
                     "dateline", city=city)
    mon = MONTHS[mon_text.lower().rstrip(".")]
    day = int(m.group("d") or m.group("d_"))
    a, b = m.start("m") if m.group("m") else m.start("d_"), m.end("y") if m.group("y") else m.end("d") if m.group("d") else m.end("m_")
    text = raw[a:b]
    if m.group("y"):
        d = valid(int(m.group("y")), mon, day)
        if d is None:
            return None
        return Stamp(sentence_id, offset + a, offset + b, text, "dateline", (d,), city=city)
    if valid(2000, mon, day) is None:
        return None
    return Stamp(sentence_id, offset + a, offset + b, text, "dateline", (), (mon, day), city=city)


def settle_orders(stamps: list[Stamp], dated: set[date]) -> list[Stamp]:
    """Return `stamps` with the readings of ambiguous numeric dates ordered by what the page supports.

    In order: a numeric stamp of the page with the same separator whose day or month
    exceeds 12 gives the order; a reading equal to a full date printed elsewhere on the
    page (`dated`, or another stamp) comes first; a time zone of the Americas puts month
    first; else day first, as most of the world writes them.
    """
    known = {s.sep: s.order for s in stamps if s.order in ("dmy", "mdy") and s.sep}
    others = set(dated) | {d for s in stamps if not s.ambiguous for d in s.readings}
    out = []
    for s in stamps:
        if not s.ambiguous or s.weekday is not None:
            out.append(s)
            continue
        dmy, mdy = s.readings
        if known.get(s.sep) == "mdy" or (known.get(s.sep) != "dmy" and mdy in others and dmy not in others):
            first = "mdy"
        elif known.get(s.sep) == "dmy" or dmy in others:
            first = "dmy"
        elif s.zone and s.zone.split()[0].upper() in MONTH_FIRST_ZONES:
            first = "mdy"
        else:
            first = "dmy"
        out.append(replace(s, readings=(dmy, mdy) if first == "dmy" else (mdy, dmy)))
    return out


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def _overlaps(x: tuple[int, int], y: tuple[int, int]) -> bool:
    return x[0] < y[1] and y[0] < x[1]


def page_stamps(rows) -> list[Stamp]:
    """Return the stamps of an article's rows (``extract.by_article``), captions left out, in page order."""
    from .extract import fold_cached

    out: list[Stamp] = []
    for idx, row in enumerate(rows):
        if row.kind in NOT_STAMP_KINDS:
            continue
        folded = fold_cached(row.text)
        sid, off = int(row.sentence_id), int(row.start)
        wire = wire_dateline(folded, row.text, sentence_id=sid, offset=off)
        if wire is not None:
            out.append(wire)
        else:
            out.extend(line_stamps(folded, row.text, sentence_id=sid, offset=off, edge=idx in (0, len(rows) - 1)))
    return out


def stamp_timexes(aid: str, rows, stamps: list[Stamp], mentions, dct: date | None) -> list[tuple]:
    """Return (Mention, Res) pairs for the stamps' dates that no timex of `mentions` covers.

    A numeric date of two readings is the one equal to `dct` (the publication date), else
    the page's preferred one; a dateline without a year takes the year that puts it
    nearest `dct`, and stays unresolved without one.
    """
    from .mentions import Mention, Res

    paragraphs = {int(r.sentence_id): int(r.paragraph_id) for r in rows}
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for s in stamps:
        if not s.readings and s.month_day is None:
            continue
        if any(a < s.end and s.start < b for a, b in taken):
            continue
        if s.readings:
            day = dct if dct in s.readings else s.readings[0]
        elif dct is not None:
            near = [valid(y, *s.month_day) for y in (dct.year - 1, dct.year, dct.year + 1)]
            day = min((d for d in near if d), key=lambda d: abs((d - dct).days))
        else:
            day = None
        f = {"k": "date", "y": day.year if day else None, "m": day.month if day else s.month_day[0],
             "d": day.day if day else s.month_day[1]}
        value = day.isoformat() if day else f"XXXX-{f['m']:02d}-{f['d']:02d}"
        m = Mention(article_id=aid, sentence_id=s.sentence_id, paragraph_id=paragraphs.get(s.sentence_id, s.sentence_id),
                    start=s.start, end=s.end, text=s.text, rule="stamp", timex_type="DATE", f=f)
        anchor = "absolute" if s.readings else "dct" if day else ""
        out.append((m, Res(value, day, day, anchor, "", "day" if day else "")))
    return out
