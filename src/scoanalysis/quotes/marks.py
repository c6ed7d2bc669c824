"""Quotation marks: the quoted spans of one paragraph of scraped text.

Curly “ ” ‘ ’ (and „ « ») have a direction; straight " and ' take it from their
neighbours (after a space opens, before a space or punctuation closes). A ’ or '
between two letters or digits is an apostrophe (it’s, Putin's); a ’ or ' after a word
is a closing mark only while a single quotation is open, else an apostrophe (leaders’
summit). Single quotations count only when both marks are found in the paragraph; a
quotation inside another has a greater ``depth``.

A closing double mark with no opening one starts its quotation at the paragraph start
when it is the paragraph's first mark, else at the start of its sentence (never before
the previous quotation). An opening mark with no closing one runs to the end of the
paragraph; a second opening mark while one is open ends the first just before it, except
that a straight " opening inside a quotation that a straight " opened is a quotation
inside it when an odd number of straight marks is left from it to the paragraph's end
(its own close and the outer one's). Two single marks written together (’’ '' ‘‘ ``)
are one double mark; the double prime ″ is a straight double mark.

A paragraph with no double mark that opens with a dash ("- We are ready ..., the
minister said.") is a quotation from the dash to the comma before the attribution that
ends the paragraph (``patterns.quotes.DASH_ATTRIBUTION``); without such an ending it is
a list item, not a quotation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from ..patterns import quotes as P

_STRIP = " \t\r\n\u00a0"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation in one text: its marks' offsets (None when missing) and its text's offsets."""

    start: int
    end: int
    open_mark: int | None
    close_mark: int | None
    depth: int = 0
    close_width: int = 1  # 2 for a doubled single mark (’’)

    @property
    def balanced(self) -> bool:
        """True when both marks were found."""
        return self.open_mark is not None and self.close_mark is not None

    @property
    def outer_start(self) -> int:
        """Offset of the opening mark, or of the text when the mark is missing."""
        return self.open_mark if self.open_mark is not None else self.start

    @property
    def outer_end(self) -> int:
        """Offset just past the closing mark, or past the text when the mark is missing."""
        return self.close_mark + self.close_width if self.close_mark is not None else self.end


def quote_spans(text: str, *, sentence_starts: Sequence[int] = ()) -> list[QuoteSpan]:
    """Return the quotations of one paragraph `text`, outer ones before the ones they hold.

    Parameters
    ----------
    text
        One paragraph (sentences never cross a line break).
    sentence_starts
        Offsets into `text` of its sentences: a closing mark with no opening one that is
        not the paragraph's first mark starts its quotation at its sentence's start.

    Returns
    -------
    list of QuoteSpan
        Sorted by start; ``depth`` is 0 for top-level quotations, 1 inside one, and so on.
        Spans whose text holds no letter or digit are left out.
    """
    stack: list[tuple[str, int, int, bool]] = []  # ("d" | "s", offset of the opening mark, its width, straight)
    raw: list[tuple[int, int, int | None, int | None, int]] = []  # start, end, open, close, close width
    seen_double = False
    last_end = 0
    for m in P.QUOTE_MARK.finditer(text):
        i, ch = m.start(), m.group()
        width = len(ch)
        ch = P.DOUBLED_SINGLES.get(ch, ch)
        prev = text[i - 1] if i else ""
        nxt = text[i + width] if i + width < len(text) else ""
        if ch in P.DOUBLE_MARKS:
            open_d = any(kind == "d" for kind, _, _, _ in stack)
            role = _double_role(ch, prev, nxt, open_d)
            straight = ch in P.DOUBLE_EITHER
            if role == "open":
                if open_d and not (straight and _last_double(stack)[3] and _straight_left(text, i) % 2 == 1):
                    pos, w = _pop_to(stack, "d")  # a second opening mark: the first quotation ends here, unclosed
                    raw.append((pos + w, i, pos, None, 1))
                stack.append(("d", i, width, straight))
            elif open_d:
                pos, w = _pop_to(stack, "d")
                raw.append((pos + w, i, pos, i, width))
                last_end = i + width
            else:
                stack.clear()  # singles opened inside the quotation whose mark is missing
                start = 0 if not seen_double else max(last_end, _sentence_start(i, sentence_starts))
                raw.append((start, i, None, i, width))
                last_end = i + width
            seen_double = True
        else:
            open_s = bool(stack) and stack[-1][0] == "s"
            role = _single_role(ch, prev, nxt, open_s)
            if role == "open":
                stack.append(("s", i, 1, False))
            elif role == "close":
                pos = stack.pop()[1]
                raw.append((pos + 1, i, pos, i, 1))
    for kind, pos, w, _ in stack:  # an opening double mark never closed runs to the end; singles are dropped
        if kind == "d":
            raw.append((pos + w, len(text), pos, None, 1))
    if not seen_double:
        raw.extend(_dash_quotation(text))
    spans = []
    for start, end, open_mark, close_mark, close_width in raw:
        start, end = _trim(text, start, end)
        if end > start and any(c.isalnum() for c in text[start:end]):
            spans.append(QuoteSpan(start, end, open_mark, close_mark, close_width=close_width))
    spans.sort(key=lambda s: (s.outer_start, -s.outer_end))
    return [
        replace(s, depth=sum(o.outer_start < s.outer_start and s.outer_end <= o.outer_end for o in spans))
        for s in spans
    ]


def mask(text: str, spans: Iterable[QuoteSpan]) -> str:
    """`text` with each span's marks and words replaced by ``patterns.quotes.MASK`` (same length)."""
    chars = list(text)
    for s in spans:
        chars[s.outer_start : s.outer_end] = P.MASK * (s.outer_end - s.outer_start)
    return "".join(chars)


def shift(span: QuoteSpan, by: int) -> QuoteSpan:
    """`span` with every offset moved by `by`."""
    return replace(
        span,
        start=span.start + by,
        end=span.end + by,
        open_mark=None if span.open_mark is None else span.open_mark + by,
        close_mark=None if span.close_mark is None else span.close_mark + by,
    )


def _double_role(ch: str, prev: str, nxt: str, is_open: bool) -> str:
    before_space = prev == "" or prev.isspace() or prev in P.OPENING_CONTEXT
    after_space = nxt == "" or nxt.isspace() or nxt in P.CLOSING_CONTEXT
    if ch in P.DOUBLE_OPEN:
        return "close" if is_open and after_space and not before_space else "open"
    if ch in P.DOUBLE_CLOSE:
        return "open" if not is_open and before_space and not after_space else "close"
    if before_space and not after_space:
        return "open"
    if after_space and not before_space:
        return "close"
    return "close" if is_open else "open"


def _single_role(ch: str, prev: str, nxt: str, is_open: bool) -> str:
    if prev.isalnum() and nxt.isalnum():
        return "apostrophe"
    before_space = prev == "" or prev.isspace() or prev in P.OPENING_CONTEXT
    after_space = nxt == "" or nxt.isspace() or nxt in P.CLOSING_CONTEXT
    if ch in P.SINGLE_OPEN:
        return "open" if not prev.isalnum() else "apostrophe"
    if is_open and after_space and not before_space:
        return "close"
    if ch in P.SINGLE_EITHER and before_space and nxt.isalnum():
        return "open"
    return "apostrophe"


def _pop_to(stack: list[tuple[str, int, int, bool]], kind: str) -> tuple[int, int]:
    """Pop the stack down to the latest mark of `kind`: (its offset, its width)."""
    while stack:
        k, pos, width, _ = stack.pop()
        if k == kind:
            return pos, width
    raise AssertionError("no open mark of kind " + kind)


def _last_double(stack: list[tuple[str, int, int, bool]]) -> tuple[str, int, int, bool]:
    return next(e for e in reversed(stack) if e[0] == "d")


def _straight_left(text: str, pos: int) -> int:
    """How many straight double marks `text` holds from `pos` to its end."""
    return sum(text.count(c, pos) for c in P.DOUBLE_EITHER)


def _dash_quotation(text: str) -> list[tuple[int, int, int | None, int | None, int]]:
    """The quotation a dash opens, up to the comma before the paragraph's closing attribution."""
    m = P.DASH_OPENING.match(text)
    if m is None:
        return []
    end = P.DASH_ATTRIBUTION.search(text, m.end())
    if end is None:
        return []
    return [(m.end(), end.start() + 1, m.start("dash"), None, 1)]


def _sentence_start(pos: int, starts: Sequence[int]) -> int:
    best = 0
    for s in starts:
        if s <= pos:
            best = max(best, s)
    return best


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end
