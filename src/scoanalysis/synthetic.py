"""Synthetic corpora for scale tests and benchmarks, recombined from a real one.

Each synthetic article takes a headline and a run of body sentences drawn from the
real corpus's sentences, with years, months, weekdays, summit cities and leaders'
names varied, so that the text has the shape of real coverage (dates to resolve,
people to find, quotations) without repeating one article. Deterministic for a
given seed.

With `vary_words` (a share), that share of the ordinary lower-case words is swapped for
other words of the corpus, chosen per article; words any extraction pattern looks for
(reporting verbs, date words, attendance and event cues, function words) are never
swapped. Without it, a large synthetic corpus is thousands of shufflings of a few
articles, where every pair overlaps and duplicate detection faces a quadratic number
of true near-duplicates that no real archive has. With it, unrelated articles share
about as little as real stories about one summit do (their sentences are then drawn
singly, not in runs of the source's order); `repeat` (a share) then plants
real re-publications: an earlier synthetic article again, with a sentence dropped.
"""

from __future__ import annotations

import os
import random
import re
from pathlib import Path
from typing import Iterator

import pandas as pd

from . import reference

_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTHS = "January February March April May June July August September October November December".split()
_YEAR = re.compile(r"\b(?:19[9]\d|20[0-2]\d)\b")
_WEEKDAY = re.compile(r"\b(?:%s)\b" % "|".join(_WEEKDAYS))
_LOWER_WORD = re.compile(r"\b[a-z]{4,}\b")
_MONTH = re.compile(r"\b(?:%s)\b(?= \d| of| \d{4}|,)" % "|".join(m for m in _MONTHS if m != "May"))


def synthetic_articles(sentences: pd.DataFrame, *, n: int, seed: int = 0,
                       min_sentences: int = 8, max_sentences: int = 40,
                       vary_words: float = 0.0, repeat: float = 0.0) -> Iterator[tuple[str, str]]:
    """Yield `n` synthetic articles as (article_id, text) built from the body sentences of `sentences`.

    `sentences` is a sentences table (text, kind, is_boilerplate). Each article has a
    headline line, then its sentences in paragraphs of one to three. `vary_words`: share
    of ordinary words swapped per article; `repeat`: share of articles that re-publish a
    recent one (see the module docstring).
    """
    if not (0.0 <= vary_words <= 1.0 and 0.0 <= repeat <= 1.0):
        raise ValueError(f"vary_words={vary_words!r} and repeat={repeat!r} must be shares between 0 and 1")
    rng = random.Random(seed)
    body = sentences.loc[~sentences["is_boilerplate"].astype(bool) & (sentences["kind"] == "body"), "text"].tolist()
    heads = sentences.loc[sentences["kind"] == "headline", "text"].tolist() or body[:5]
    if not body:
        raise ValueError("no body sentences to recombine")
    cities = sorted({c for c in reference.summits()["city"]})
    people = _leaders()
    city_re = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, cities)))
    person_re = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, sorted(people, key=len, reverse=True))))
    pool = _swappable(body) if vary_words else []
    # Runs of the source's consecutive sentences read naturally but make every pair of articles
    # that starts near the same place a re-publication; varied corpora draw sentences singly.
    in_runs = 0.0 if vary_words else 0.6
    recent: list[list[str]] = []
    for i in range(n):
        if recent and rng.random() < repeat:
            again = list(rng.choice(recent))
            del again[rng.randrange(1, len(again))]
            yield f"synth_{i:07d}", "\n\n".join(again) + "\n"
            continue
        city, year = rng.choice(cities), rng.randint(2002, 2025)
        swap = {w: rng.choice(pool) for w in pool if rng.random() < vary_words} if pool else {}

        def vary(s: str) -> str:
            s = _YEAR.sub(lambda m: str(rng.randint(2001, year)), s)
            s = _WEEKDAY.sub(lambda m: rng.choice(_WEEKDAYS), s)
            s = _MONTH.sub(lambda m: rng.choice(_MONTHS[:4] + _MONTHS[5:]), s)
            s = city_re.sub(lambda m: city if rng.random() < 0.7 else rng.choice(cities), s)
            s = person_re.sub(lambda m: rng.choice(people) if rng.random() < 0.3 else m.group(), s)
            return _LOWER_WORD.sub(lambda m: swap.get(m.group(), m.group()), s) if swap else s

        k = rng.randint(min_sentences, max_sentences)
        start = rng.randrange(len(body))
        picked = [body[(start + j) % len(body)] if rng.random() < in_runs else rng.choice(body) for j in range(k)]
        paragraphs, j = [], 0
        while j < len(picked):
            step = rng.randint(1, 3)
            paragraphs.append(" ".join(vary(s) for s in picked[j:j + step]))
            j += step
        parts = [vary(rng.choice(heads)), *paragraphs]
        if repeat:
            recent = [*recent[-49:], parts]
        yield f"synth_{i:07d}", "\n\n".join(parts) + "\n"


def write_synthetic_corpus(sentences: pd.DataFrame, folder: str | os.PathLike, *, n: int, seed: int = 0,
                           vary_words: float = 0.0, repeat: float = 0.0) -> Path:
    """Write `n` synthetic articles as ``folder/raw/<id>.txt``; return the corpus folder (options: synthetic_articles)."""
    raw = Path(folder) / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    for aid, text in synthetic_articles(sentences, n=n, seed=seed, vary_words=vary_words, repeat=repeat):
        (raw / f"{aid}.txt").write_text(text, encoding="utf-8")
    return Path(folder)


def _leaders() -> list[str]:
    offices = reference.load("offices")
    heads = offices[offices["office"].isin(["president", "prime_minister"]) & (offices["start"] >= "2000-01-01")]
    names = reference.load("people").set_index("entity_id")["name"]
    return sorted({names[e] for e in heads["entity_id"] if e in names.index})


def _swappable(body: list[str]) -> list[str]:
    """Return the corpus's ordinary lower-case words: none that an extraction pattern or lexicon names."""
    protected = _pattern_words()
    return sorted({w for s in body for w in _LOWER_WORD.findall(s)} - protected)


def _pattern_words() -> set[str]:
    """Return every lower-case word written in the package's patterns and lexicons (scoanalysis.patterns.*)."""
    import importlib
    import pkgutil

    from . import patterns

    words: set[str] = set()

    def collect(value, depth=0):
        if isinstance(value, re.Pattern):
            words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", value.pattern))
        elif isinstance(value, str):
            words.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", value))
        elif isinstance(value, dict) and depth < 3:
            for k, v in value.items():
                collect(k, depth + 1)
                collect(v, depth + 1)
        elif isinstance(value, (list, tuple, set, frozenset)) and depth < 3:
            for v in value:
                collect(v, depth + 1)

    for info in pkgutil.iter_modules(patterns.__path__):
        module = importlib.import_module(f"{patterns.__name__}.{info.name}")
        for name, value in vars(module).items():
            if not name.startswith("__"):
                collect(value)
    return words
