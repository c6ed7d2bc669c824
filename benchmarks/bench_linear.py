"""Check that every stage of the per-article step takes time linear in the article's length.

Builds articles of growing size in three shapes: news prose (the seed articles
recombined, with their line breaks), their body paragraphs with no line breaks
(one paragraph), and the same words with no sentence punctuation (no full stops,
question or exclamation marks: one sentence as far as the tokenizer can tell).
Each article goes through the stages of build/article.py's `analyse_article` in
its order (sentences, dates, summit, entities, quotes, claims, events,
attendance, translation, signature), each stage timed on its own in CPU time of
this process (other processes on a shared machine barely move it). Prints, per
shape and size, the milliseconds per KB of each stage, then per shape and stage
the ratio of the largest size's time per KB to the smallest's: about 1 when the
stage is linear (below 1 where a fixed cost per article weighs on the small
size), about largest/smallest when it is quadratic. Sentences cut by the
splitter's length limit (text.MAX_SENTENCE_CHARS) bound the per-sentence steps
of the unpunctuated shape.

Usage: python benchmarks/bench_linear.py [KB ...]    (default 30 120 480; the
size limit, paths.MAX_ARTICLE_BYTES, is 5,120 KB)
"""

from __future__ import annotations

import hashlib
import re
import sys
import time

import pandas as pd

from scoanalysis import attendance, claims, corpus, entities, events, frames, quotes, reference, summits, temporal, text, translation
from scoanalysis.duplicates import signature
from scoanalysis.paths import DATA, MAX_ARTICLE_BYTES
from scoanalysis.schema import NOT_CONTENT_KINDS

STAGES = ("sentences", "dates", "summit", "entities", "quotes", "claims", "events", "attendance", "translation",
          "signature")


def staged(raw: str, tok) -> dict[str, float]:
    """Return the seconds each stage of analyse_article takes on `raw` (same calls, same order)."""
    spent: dict[str, float] = {}
    clock = time.process_time

    def run(stage, call):
        started = clock()
        value = call()
        spent[stage] = clock() - started
        return value

    aid = "bench"
    summit_table = reference.summits()
    sents = run("sentences", lambda: text.split_sentences(raw, tokenizer=tok, article_id=aid))
    texts, kinds = sents["text"].tolist(), sents["kind"].tolist()
    dated, times, _ = run("dates", lambda: temporal.article_dates(sents, summits=summit_table, given=None))
    published = None
    if dated is not None and not pd.isna(dated["published"]) and dated["published_source"] != "unknown":
        published = dated["published"]
    content = "\n".join(t for t, k in zip(texts, kinds) if k not in NOT_CONTENT_KINDS and k != "caption")
    captions = "\n".join(t for t, k in zip(texts, kinds) if k == "caption")
    sid, _, _ = run("summit", lambda: summits.assign_summit(content, published=published, captions=captions))
    date = published
    if date is None and sid:
        date = summit_table.set_index("summit_id").loc[sid, "start"]
    ents = run("entities", lambda: entities.entities(sents, dates={aid: date}))
    sent_cols, ent_cols = frames.Columns(sents), frames.Columns(ents)
    run("quotes", lambda: quotes.article_quotes(sent_cols, ent_cols))
    run("claims", lambda: claims.claim_rows(sent_cols, ent_cols, dates={aid: date}))
    run("events", lambda: events.article_event_mentions(sent_cols, times, ent_cols, article_id=aid, summit_id=sid,
                                                         published=published))
    run("attendance", lambda: attendance.article_attendance(sent_cols, ent_cols, article_id=aid, summit_id=sid,
                                                            published=published) if sid else None)
    run("translation", lambda: translation.clue_rows(sent_cols))
    run("signature", lambda: signature(sents))
    return spent


def shapes(prose: str) -> dict[str, callable]:
    """Article makers by shape: each takes a size in bytes and returns text of about that many UTF-8 bytes.

    The article is copies of `prose`, each sentence of copy k ending in a word of its own
    ("... in Astana zxab."), so that no sentence repeats and the caches keyed by a sentence's
    text save no more than on a real article. The one-line shapes join the body paragraphs
    only: a caption's photo credit would make the whole line a caption, which most stages
    pass over.
    """
    body = "\n\n".join(prose[p.start:p.end] for p in text.paragraphs(prose) if p.kind == "body")

    def one_line(copy: str) -> str:
        return re.sub(r"\s*\n\s*", " ", copy) + " "

    def unpunctuated(copy: str) -> str:
        return re.sub(r"[.!?]+", "", one_line(copy))

    def cut(source: str, shape):
        def make(size: int) -> str:
            copies, total, k = [], 0, 0
            while total < size:
                copies.append(shape(_tagged(source, k)))
                total += len(copies[-1].encode())
                k += 1
            return "".join(copies).encode()[:size].decode(errors="ignore")
        return make

    return {"news prose": cut(prose + "\n\n", lambda copy: copy), "no line breaks": cut(body, one_line),
            "no punctuation": cut(body, unpunctuated)}


def _tagged(source: str, k: int) -> str:
    """`source` with a word naming copy `k` ("zx" and letters) before each sentence's final mark."""
    letters = ""
    while True:
        k, digit = divmod(k, 26)
        letters = chr(ord("a") + digit) + letters
        if not k:
            break
    return re.sub(r"(?<=[a-z])(?=[.!?](?:\s|$))", f" zx{letters}", source)


def main(argv: list[str]) -> None:
    sizes = [int(kb) * 1024 for kb in argv] or [30 * 1024, 120 * 1024, 480 * 1024]
    sizes = [min(size, MAX_ARTICLE_BYTES) for size in sizes]
    arts = corpus.read_corpus(DATA)
    tok = text.train_punkt(arts["text"])
    prose = "\n\n".join(arts["text"])
    staged(prose[:2000], tok)  # warm caches (reference tables, compiled patterns)
    per_kb: dict[tuple[str, int], dict[str, float]] = {}
    print(f"{'shape':<15} {'KB':>6} {'total s':>8}  " + " ".join(f"{s[:8]:>8}" for s in STAGES))
    print(f"{'':<15} {'':>6} {'':>8}  " + " ".join(f"{'ms/KB':>8}" for _ in STAGES))
    for name, make in shapes(prose).items():
        for size in sizes:
            raw = make(size)
            spent = staged(raw, tok)
            kb = len(raw.encode()) / 1024
            per_kb[name, size] = {s: 1000 * spent[s] / kb for s in STAGES}
            print(f"{name:<15} {kb:>6.0f} {sum(spent.values()):>8.2f}  "
                  + " ".join(f"{per_kb[name, size][s]:>8.3f}" for s in STAGES), flush=True)
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        print(f"\nratio of ms/KB, {large // 1024} KB / {small // 1024} KB (linear ~ 1, quadratic ~ "
              f"{large / small:.0f})")
        print(f"{'shape':<15} " + " ".join(f"{s[:8]:>8}" for s in STAGES))
        for name in shapes(prose):
            ratios = [per_kb[name, large][s] / max(per_kb[name, small][s], 1e-6) for s in STAGES]
            print(f"{name:<15} " + " ".join(f"{r:>8.2f}" for r in ratios))


if __name__ == "__main__":
    main(sys.argv[1:])
