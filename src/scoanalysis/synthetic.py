"""Synthetic corpora for scale tests and benchmarks, recombined from a real one.

Each synthetic article takes a headline and a run of body sentences drawn from the
real corpus's sentences, with years, months, weekdays, summit cities and leaders'
names varied, so that the text has the shape of real coverage (dates to resolve,
people to find, quotations) without repeating one article. Deterministic for a
given seed.
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
_MONTH = re.compile(r"\b(?:%s)\b(?= \d| of| \d{4}|,)" % "|".join(m for m in _MONTHS if m != "May"))


def synthetic_articles(sentences: pd.DataFrame, *, n: int, seed: int = 0,
                       min_sentences: int = 8, max_sentences: int = 40) -> Iterator[tuple[str, str]]:
    """Yield `n` synthetic articles as (article_id, text) built from the body sentences of `sentences`.

    `sentences` is a sentences table (text, kind, is_boilerplate). Each article has a
    headline line, then its sentences in paragraphs of one to three.
    """
    rng = random.Random(seed)
    body = sentences.loc[~sentences["is_boilerplate"].astype(bool) & (sentences["kind"] == "body"), "text"].tolist()
    heads = sentences.loc[sentences["kind"] == "headline", "text"].tolist() or body[:5]
    if not body:
        raise ValueError("no body sentences to recombine")
    cities = sorted({c for c in reference.summits()["city"]})
    people = _leaders()
    city_re = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, cities)))
    person_re = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, sorted(people, key=len, reverse=True))))
    for i in range(n):
        city, year = rng.choice(cities), rng.randint(2002, 2025)

        def vary(s: str) -> str:
            s = _YEAR.sub(lambda m: str(rng.randint(2001, year)), s)
            s = _WEEKDAY.sub(lambda m: rng.choice(_WEEKDAYS), s)
            s = _MONTH.sub(lambda m: rng.choice(_MONTHS[:4] + _MONTHS[5:]), s)
            s = city_re.sub(lambda m: city if rng.random() < 0.7 else rng.choice(cities), s)
            return person_re.sub(lambda m: rng.choice(people) if rng.random() < 0.3 else m.group(), s)

        k = rng.randint(min_sentences, max_sentences)
        start = rng.randrange(len(body))
        picked = [body[(start + j) % len(body)] if rng.random() < 0.6 else rng.choice(body) for j in range(k)]
        paragraphs, j = [], 0
        while j < len(picked):
            step = rng.randint(1, 3)
            paragraphs.append(" ".join(vary(s) for s in picked[j:j + step]))
            j += step
        yield f"synth_{i:07d}", vary(rng.choice(heads)) + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_synthetic_corpus(sentences: pd.DataFrame, folder: str | os.PathLike, *, n: int, seed: int = 0) -> Path:
    """Write `n` synthetic articles as ``folder/raw/<id>.txt``; return the corpus folder."""
    raw = Path(folder) / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    for aid, text in synthetic_articles(sentences, n=n, seed=seed):
        (raw / f"{aid}.txt").write_text(text, encoding="utf-8")
    return Path(folder)


def _leaders() -> list[str]:
    offices = reference.load("offices")
    heads = offices[offices["office"].isin(["president", "prime_minister"]) & (offices["start"] >= "2000-01-01")]
    names = reference.load("people").set_index("entity_id")["name"]
    return sorted({names[e] for e in heads["entity_id"] if e in names.index})
