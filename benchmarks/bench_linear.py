"""Check that the per-article step's time grows linearly with the article's length.

Feeds analyse_article texts of 10k, 20k, 40k and 80k characters (seed sentences
recombined, and one pathological case: a single sentence with no full stop) and
prints seconds and the ratio of each size's time to the previous one (about 2.0
for linear growth, about 4.0 for quadratic).

Usage: python benchmarks/bench_linear.py
"""

from __future__ import annotations

import hashlib
import time

from scoanalysis import corpus, text
from scoanalysis.paths import DATA
from scoanalysis.build.article import analyse_article


def timed(raw: str, tok) -> float:
    art = corpus.Article("bench", "raw/bench.txt", raw, hashlib.sha256(raw.encode()).hexdigest())
    started = time.perf_counter()
    analyse_article(art, tokenizer=tok)
    return time.perf_counter() - started


def main() -> None:
    arts = corpus.read_corpus(DATA)
    tok = text.train_punkt(arts["text"])
    prose = "\n\n".join(arts["text"])
    cases = {
        "news prose": lambda n: (prose * (n // len(prose) + 1))[:n],
        "one long sentence": lambda n: ("Putin and Xi met in Astana and talked " * (n // 38 + 1))[:n],
    }
    timed(prose[:2000], tok)  # warm caches
    for name, make in cases.items():
        previous = None
        for n in (10_000, 20_000, 40_000, 80_000):
            seconds = min(timed(make(n), tok) for _ in range(2))
            ratio = f"{seconds / previous:.2f}" if previous else "-"
            print(f"{name:<18} {n:>7,} chars  {seconds:7.3f} s  x{ratio}")
            previous = seconds


if __name__ == "__main__":
    main()
