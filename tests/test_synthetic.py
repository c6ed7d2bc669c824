"""synthetic: corpora made from the seed sentences are deterministic and keep the patterns' cues."""

from __future__ import annotations

import pandas as pd
import pytest


def test_synthetic_corpus_is_deterministic(seed_sentences):
    from scoanalysis import synthetic

    a = list(synthetic.synthetic_articles(seed_sentences, n=5, seed=3))
    b = list(synthetic.synthetic_articles(seed_sentences, n=5, seed=3))
    assert a == b and len({t for _, t in a}) == 5


def test_varied_synthetic_corpus_keeps_the_cues_and_plants_republications(seed_sentences):
    from scoanalysis import duplicates, synthetic, text

    plain = dict(synthetic.synthetic_articles(seed_sentences, n=60, seed=5))
    varied = dict(synthetic.synthetic_articles(seed_sentences, n=60, seed=5, vary_words=0.8, repeat=0.1))
    assert varied == dict(synthetic.synthetic_articles(seed_sentences, n=60, seed=5, vary_words=0.8, repeat=0.1))
    protected = synthetic._pattern_words()
    assert {"said", "summit", "attend", "monday"} <= protected
    words = lambda texts: {w for t in texts for w in synthetic._LOWER_WORD.findall(t)}
    assert words(varied.values()) - words(plain.values()) == set()  # swaps come from the corpus's own words
    paragraphs = {aid: set(t.strip().split("\n\n")) for aid, t in varied.items()}
    repeated = [a for a in paragraphs if any(a > b and paragraphs[a] < paragraphs[b] for b in paragraphs)]
    assert repeated, "repeat=0.1 re-publishes some earlier articles with a paragraph dropped"
    sents = text.sentences(pd.DataFrame({"article_id": list(varied), "text": list(varied.values())}))
    pairs = duplicates.duplicate_pairs(sents)
    assert len(pairs) >= 3 and set(pairs["relation"]) <= {"duplicate", "near_duplicate"}
    with pytest.raises(ValueError, match="vary_words"):
        next(synthetic.synthetic_articles(seed_sentences, n=1, vary_words=2.0))

