"""Cleaning and sentence splitting: raw text to flagged paragraphs and offset sentences.

Nothing here changes the raw text. Matching runs on a *folded* copy of the same
length (no-break spaces to spaces, curly quotes to straight ones), so every offset
found on it is an offset into the raw text. Sentences are split by NLTK's Punkt,
trained on the corpus (`train_punkt`); NLTK is imported when a tokenizer is first
made, since importing any part of it imports all of NLTK (and SciPy with it).
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

import numpy as np
import pandas as pd

from .patterns import text as P
from .schema import BOILERPLATE_KINDS, TABLES

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktSentenceTokenizer

#: The columns of the sentences table (schema.TABLES["sentences"]), in order.
SENTENCE_COLUMNS = list(TABLES["sentences"].columns)

_HEADLINE_MAX_WORDS = 25
_DEK_MAX_WORDS = 40
_PROMPT_MAX_WORDS = 8
#: The longest sentence kept whole, in characters (news sentences run to a few hundred): a longer
#: stretch without sentence punctuation is cut at the last space before each such length, so that
#: the steps that read a sentence at a time stay linear in the article's length.
MAX_SENTENCE_CHARS = 2000
#: The longest stretch of a line read as one paragraph, in characters (news paragraphs run to a
#: thousand or two): the sentence that starts past it opens the next paragraph, so that the
#: steps that read a paragraph at a time stay linear in the article's length.
MAX_PARAGRAPH_CHARS = 5000
_FINAL_PUNCT = re.compile(r"[.!?][\"')\]]*\s*$")
_INNER_BREAK = re.compile(r"(?P<word>[\w.]*[a-z0-9)])[.!?][\"')\]]*\s+[A-Z]")


@dataclass(frozen=True)
class Paragraph:
    """A non-blank line of an article: its offsets into the raw text and its kind."""

    start: int
    end: int
    kind: str


def fold(text: str) -> str:
    """Return `text` with look-alike characters folded to ASCII; same length as `text`.

    HTML markup, if any, is masked: script and style blocks, comments and tags
    become spaces (block-level tags a line break), character references become
    their character padded with spaces. Offsets into the result are offsets into
    `text`.
    """
    if "<" in text or "&" in text:
        text = mask_markup(text)
    for char, ascii_ in P.FOLD_PAIRS:  # str.replace per present character: far faster than translate
        if char in text:
            text = text.replace(char, ascii_)
    return text


def looks_like_html(text: str) -> bool:
    """Return True when `text` is an HTML page (or fragment) saved as plain text."""
    return len(P.HTML_HINT.findall(text[:200_000])) >= 2


def mask_markup(text: str) -> str:
    """Return `text` with HTML markup replaced by white space of the same length (see fold)."""
    import html as _html

    def blank(m: re.Match) -> str:
        return re.sub(r"[^\n]", " ", m.group())

    def block(m: re.Match) -> str:
        return "\n" + " " * (len(m.group()) - 1)

    def entity(m: re.Match) -> str:
        char = _html.unescape(m.group())
        return (char if len(char) == 1 else " ") + " " * (len(m.group()) - 1)

    out = P.HTML_HIDDEN_BLOCK.sub(blank, text) if "</" in text else text
    out = P.HTML_COMMENT.sub(blank, out)
    out = P.HTML_BLOCK_TAG.sub(block, out)
    out = P.HTML_TAG.sub(blank, out)
    return P.HTML_ENTITY.sub(entity, out)


def paragraphs(text: str) -> list[Paragraph]:
    """Return the article's non-blank lines, each classified by kind.

    Kinds: ``headline`` (the first short line without final punctuation), ``dek``
    (a standfirst right after it), ``byline``, ``debris`` (page counters, lone
    symbols), ``prompt`` (share, comment, subscribe prompts), ``caption`` (a
    paragraph carrying a photo credit), ``credit`` (staff credits), ``disclaimer``
    (translation or republishing notes), ``duplicate`` (a repeat of an earlier
    line, e.g. a headline printed twice) and ``body``.
    """
    folded = fold(text)
    out: list[Paragraph] = []
    seen: set[str] = set()
    body_started = False
    for m in P.LINE.finditer(folded):
        line = m.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = m.start() + (len(line) - len(line.lstrip()))
        end = m.end() - (len(line) - len(line.rstrip()))
        kind = _line_kind(stripped)
        key = _norm_key(stripped)
        if kind == "body":
            if key in seen and len(key.split()) >= 3:
                kind = "duplicate"
            elif not body_started and _looks_like_headline(stripped):
                previous = [p.kind for p in out if p.kind not in BOILERPLATE_KINDS]
                if not previous:
                    kind = "headline"
                elif previous == ["headline"] and len(stripped.split()) <= _DEK_MAX_WORDS:
                    kind = "dek"
            if kind == "body":
                body_started = True
        seen.add(key)
        out.append(Paragraph(start, end, kind))
    return out


def headline(text: str) -> str | None:
    """Return the article's own headline, or None when it opens straight into prose."""
    for para in paragraphs(text):
        if para.kind == "headline":
            return text[para.start:para.end]
        if para.kind in ("body", "dek"):
            return None
    return None


def byline(text: str) -> str | None:
    """Return who the byline names ("Emma Burrows, Associated Press"), or None."""
    for para in paragraphs(text):
        if para.kind == "byline":
            m = P.BYLINE.match(fold(text[para.start:para.end]))
            return text[para.start + m.start("who"):para.end].strip() if m else None
    return None


def train_punkt(texts: Iterable[str], *, abbreviations: Iterable[str] = P.ABBREVIATIONS) -> PunktSentenceTokenizer:
    """Return a Punkt sentence tokenizer trained on `texts`, knowing `abbreviations`.

    Training is unsupervised and deterministic: the same texts give the same splits.
    The abbreviations (lower case, without the final period) are added to what
    training learns, so "Mr", "Sept." and "U.S." never end a sentence. Of what
    training learns, only the robust part is kept: dotted abbreviations ("u.n"),
    single letters, collocations and sentence starters. Words that merely ended a
    sentence once or twice ("gas.", "CNN.") are not taken for abbreviations, and
    the orthographic statistics are dropped, so that adding one article to a
    corpus does not change how the others are split (see tokenizer_digest).
    """
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer, PunktTrainer

    trainer = PunktTrainer()
    for text in texts:
        trainer.train(fold(text), finalize=False)
    trainer.finalize_training()
    learned = trainer.get_params()
    params = PunktParameters()
    params.abbrev_types = {a for a in learned.abbrev_types if "." in a or len(a) == 1}
    params.abbrev_types.update(a.lower().rstrip(".") for a in abbreviations)
    params.collocations = set(learned.collocations)
    params.sent_starters = set(learned.sent_starters)
    return PunktSentenceTokenizer(params)


def tokenizer_digest(tokenizer: PunktSentenceTokenizer) -> str:
    """Return a digest of what the tokenizer knows; equal digests split every text alike."""
    p = tokenizer._params
    parts = [sorted(p.abbrev_types), sorted(map(list, p.collocations)), sorted(p.sent_starters), sorted(p.ortho_context.items())]
    return hashlib.sha256(repr(parts).encode()).hexdigest()


@functools.cache
def default_tokenizer() -> PunktSentenceTokenizer:
    """Return an untrained Punkt tokenizer that knows the abbreviations (for single texts), made once."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types.update(P.ABBREVIATIONS)
    return PunktSentenceTokenizer(params)


def split_sentences(text: str, *, tokenizer: PunktSentenceTokenizer | None = None,
                    article_id: str | None = None) -> pd.DataFrame:
    """Return the sentences of one article with offsets into `text`.

    Sentences never cross a line break. Within a line, Punkt splits; a split is
    added where scraping glued two sentences ("favour.Although"), and a sentence
    longer than MAX_SENTENCE_CHARS is cut at spaces into pieces no longer than that.
    A line counts as one paragraph, except that a sentence starting more than
    MAX_PARAGRAPH_CHARS after its paragraph's first one opens the next (paragraph_id
    counts those too).

    Columns: sentence_id (0-based), start, end, text (``text[start:end]``),
    is_boilerplate, paragraph_id, kind (the paragraph's kind, or ``credit`` /
    ``disclaimer`` for such a sentence inside a body paragraph). With `article_id`,
    the columns are SENTENCE_COLUMNS: article_id first, holding that id.
    """
    tok = tokenizer or default_tokenizer()
    folded = fold(text)
    rows = []
    pid = -1
    for para in paragraphs(text):
        pid += 1
        segment = folded[para.start:para.end]
        opened = None
        for s, e in _capped(segment, _spans(segment, tok)):
            if opened is None:
                opened = s
            elif s - opened > MAX_PARAGRAPH_CHARS:  # a line too long for one paragraph: the next begins here
                pid, opened = pid + 1, s
            start, end = para.start + s, para.start + e
            kind = para.kind
            if kind in ("body", "dek"):
                kind = _sentence_kind(folded[start:end], kind)
            rows.append((start, end, text[start:end], kind in BOILERPLATE_KINDS, pid, kind))
    return _sentence_frame(rows, article_id=article_id)


def _sentence_frame(rows: list[tuple], *, article_id: str | None = None) -> pd.DataFrame:
    """The sentences frame from (start, end, text, is_boilerplate, paragraph_id, kind) rows, typed once."""
    starts, ends, texts, boiler, pids, kinds = (list(c) for c in zip(*rows)) if rows else ([], [], [], [], [], [])
    ids = {} if article_id is None else {"article_id": pd.Series([article_id] * len(rows), dtype=pd.Series([article_id]).dtype)}
    return pd.DataFrame({
        **ids,
        "sentence_id": np.arange(len(rows), dtype="int64"),
        "start": np.array(starts, dtype="int64"),
        "end": np.array(ends, dtype="int64"),
        "text": pd.Series(texts, dtype=object),
        "is_boilerplate": np.array(boiler, dtype=bool),
        "paragraph_id": np.array(pids, dtype="int64"),
        "kind": pd.Series(kinds, dtype=object),
    })


def sentences(articles: pd.DataFrame, *, tokenizer: PunktSentenceTokenizer | None = None) -> pd.DataFrame:
    """Return the sentences of every article in `articles` (columns article_id, text).

    Columns: article_id, sentence_id, start, end, text, is_boilerplate, paragraph_id, kind.
    """
    parts = [split_sentences(text, tokenizer=tokenizer, article_id=aid)
             for aid, text in zip(articles["article_id"], articles["text"])]
    if not parts:
        return pd.DataFrame(columns=SENTENCE_COLUMNS)
    return pd.concat(parts, ignore_index=True)


def word_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each word in `text`, splitting words glued by scraping."""
    return folded_word_spans(fold(text))


def folded_word_spans(folded: str) -> list[tuple[int, int]]:
    """Return word_spans of a text already folded (`fold`): the same spans, one fold fewer."""
    spans = [m.span() for m in P.WORD.finditer(folded)]
    # A glue point lies between letters, and a word holds every letter next to it: the words to
    # split (glued_words) are those holding one of the text's glue points.
    points = [m.start() for m in P.GLUED_WORD.finditer(folded)]
    starts = [a for a, _ in spans] if points else []
    for w in sorted({bisect.bisect_right(starts, p) - 1 for p in points}, reverse=True):
        a, b = spans[w]
        edges = [a, *(a + cut for cut in glued_words(folded[a:b])), b]
        spans[w:w + 1] = list(zip(edges, edges[1:]))
    return spans


def count_words(text: str) -> int:
    """Return the number of words in `text` (see word_spans)."""
    return len(folded_word_spans(fold(text)))


def glued_words(token: str) -> list[int]:
    """Return the offsets inside `token` where two words were glued ("VietnamTheresa" → [7])."""
    cuts = []
    for m in P.GLUED_WORD.finditer(token):
        left = token[: m.start()]
        if P.GLUE_EXEMPT_PREFIX.search(left):
            continue
        cuts.append(m.start())
    return cuts


def _spans(segment: str, tok: PunktSentenceTokenizer) -> list[tuple[int, int]]:
    spans = []
    for s, e in tok.span_tokenize(segment):
        piece = segment[s:e]
        if not P.GLUED_SENTENCE_HINT.search(piece):
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                spans.append((s + lead, e - (len(piece) - len(piece.rstrip()))))
            continue
        cuts = [s] + [s + m.start() for m in P.GLUED_SENTENCE.finditer(piece)] + [e]
        for a, b in zip(cuts, cuts[1:]):
            piece = segment[a:b]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            if b - trail > a + lead:
                spans.append((a + lead, b - trail))
    return spans


def _capped(segment: str, spans: list[tuple[int, int]], *, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """Return `spans` with each span longer than `limit` cut into pieces of at most `limit` characters.

    A piece ends at the last whitespace in the second half of its `limit` characters (the
    whitespace left out of both pieces), or at `limit` characters when that half holds none.
    """
    out = []
    for s, e in spans:
        while e - s > limit:
            cut = s + limit
            while cut > s + limit // 2 and not segment[cut].isspace():
                cut -= 1
            if not segment[cut].isspace():
                out.append((s, s + limit))
                s += limit
                continue
            end = cut
            while end > s and segment[end - 1].isspace():
                end -= 1
            out.append((s, end))
            s = cut
            while s < e and segment[s].isspace():
                s += 1
        if e > s:
            out.append((s, e))
    return out


def _line_kind(line: str) -> str:
    words = line.split()
    if P.NAV_DEBRIS.match(line) or not _two_letters(line):
        return "debris"
    if len(words) <= _PROMPT_MAX_WORDS and P.PAGE_PROMPT.match(line):
        return "prompt"
    if len(words) <= 15 and P.BYLINE.match(line) and not _FINAL_PUNCT.search(line):
        return "byline"
    if _credit(line):
        return "caption"
    if len(words) <= 40 and _staff_credit(line):
        return "credit"
    if len(words) <= 80 and _disclaimer(line):
        return "disclaimer"
    return "body"


def _may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False only when `text` holds none of `words` in any case (checked on ASCII text, where
    lower() agrees with the patterns' IGNORECASE; other text is always searched)."""
    if not text.isascii():
        return True
    low = text.lower()
    return any(w in low for w in words)


def _credit(text: str) -> bool:
    return _may_hold(text, P.CREDIT_WORDS) and bool(P.CREDIT.search(text))


def _staff_credit(text: str) -> bool:
    return _may_hold(text, P.STAFF_CREDIT_WORDS) and bool(P.STAFF_CREDIT.search(text))


def _disclaimer(text: str) -> bool:
    return _may_hold(text, P.DISCLAIMER_WORDS) and bool(P.DISCLAIMER.search(text))


def _two_letters(line: str) -> bool:
    """True when `line` holds at least two letters (stops at the second)."""
    seen = 0
    for c in line:
        if c.isalpha():
            seen += 1
            if seen == 2:
                return True
    return False


def _sentence_kind(sentence: str, default: str) -> str:
    if _disclaimer(sentence):
        return "disclaimer"
    if _staff_credit(sentence):
        return "credit"
    return default


def _count_words_of(t: str) -> list[str]:
    """The words of `t` as term_counts reads them: folded, edge periods, apostrophes and hyphens stripped."""
    if "<" in t or "&" in t:  # markup is masked in the whole text: fold each word's own characters
        return [fold(t[a:b]).strip(".'-") for a, b in word_spans(t)]
    folded = fold(t)  # otherwise folding is character by character: fold once
    return [folded[a:b].strip(".'-") for a, b in folded_word_spans(folded)]


def _looks_like_headline(line: str) -> bool:
    """A short line that neither ends like a sentence nor holds a sentence break inside."""
    breaks = [m for m in _INNER_BREAK.finditer(line) if m.group("word").lower().strip(".") not in P.ABBREVIATIONS]
    return len(line.split()) <= _HEADLINE_MAX_WORDS and not _FINAL_PUNCT.search(line) and not breaks


def _norm_key(line: str) -> str:
    return " ".join(P.NOT_WORD_OR_SPACE.sub(" ", line.lower()).split())


def term_counts(sentences: pd.DataFrame, *, by: pd.Series | None = None, min_length: int = 3) -> pd.DataFrame:
    """Return how often each content word occurs, per group, in the non-boilerplate sentences.

    Words are lower-cased; function words (patterns.text.STOPWORDS), numbers and
    words shorter than `min_length` are left out. `by` maps article_id to a group
    (e.g. the article's summit_id); without it there is one group, ``all``.
    Columns: group, term, count, sorted by group, then count (descending), then term.
    """
    body = sentences[~sentences["is_boilerplate"].astype(bool)]
    groups = body["article_id"].map(by) if by is not None else pd.Series("all", index=body.index)
    rows = []
    for group, frame in body.groupby(groups.fillna("none"), sort=True):
        freq = Counter(
            w.lower()
            for t in frame["text"]
            for w in _count_words_of(t)
            if len(w) >= min_length and w.lower() not in P.STOPWORDS and not w[0].isdigit()
        )
        rows.extend((group, term, count) for term, count in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])))
    return pd.DataFrame(rows, columns=["group", "term", "count"])
