"""Near-duplicate search: candidate pairs from banded MinHash, confirmation by alignment, relations, groups of repeats."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from scoanalysis import duplicates, text
from scoanalysis.duplicates import search

SEED_000, SEED_001 = "000_0e1afe955a39ce53", "001_dd488588730cc6da"
SEED_002, SEED_003, SEED_004 = "002_31059493dcc32406", "003_4d584bb8d7e03168", "004_3df29d9bc2d73539"

# A made-up summit story, a lightly edited copy (two words changed, a sentence trimmed, one
# phrase added), a re-translation written afresh (other words and word order, same sentence
# sequence), and a different story about the same summit with the same names.
ORIGINAL = """Leaders gather in Bishkek for regional summit

Chinese President Xi Jinping arrived in Bishkek on Thursday for the annual summit of the Shanghai Cooperation Organization, where he is expected to meet Russian President Vladimir Putin.
The two leaders will discuss energy supplies, a new gas pipeline across Mongolia and payments in national currencies, officials in Moscow said.
Kyrgyz President Sooronbay Jeenbekov, the host, has promised to sign more than twenty agreements on trade and transport during the two-day meeting.
Indian Prime Minister Narendra Modi flew in from New Delhi but has no bilateral meeting planned with Pakistani Prime Minister Imran Khan.
Relations between the two neighbours have been frozen since a suicide bombing in Kashmir killed forty soldiers in February.
Iranian President Hassan Rouhani is attending as an observer and is expected to ask for support against American sanctions.
Security forces closed the centre of the city, and schools were shut for the week.
Analysts in Almaty said the summit showed that Beijing now sets the agenda of the organisation that Moscow once led.
The final declaration is expected to condemn terrorism and to call for a peaceful settlement in Afghanistan.
The next summit will be held in Chelyabinsk in Russia next year.
"""

EDITED = """Leaders gather in Bishkek for regional summit

Chinese President Xi Jinping arrived in Bishkek on Thursday for the annual summit of the Shanghai Cooperation Organization, where he is expected to meet Russian President Vladimir Putin.
The two leaders will discuss energy supplies, a new gas pipeline across Mongolia and payments in national currencies, officials in Moscow said on Wednesday.
Kyrgyz President Sooronbay Jeenbekov, the host, has promised to sign more than twenty agreements on trade and transport during the two-day meeting.
Indian Prime Minister Narendra Modi flew in from New Delhi but has no bilateral meeting planned with Pakistani Prime Minister Imran Khan.
Relations between the two neighbours have been frozen since a suicide bombing in Kashmir killed forty soldiers in February.
Iranian President Hassan Rouhani is attending as an observer and is expected to ask for support against US sanctions.
Security forces closed the centre of the city, and schools were shut for the week.
Analysts said the summit showed that Beijing now sets the agenda of the organisation that Moscow once led.
The final declaration is expected to condemn terrorism and to call for a peaceful settlement in Afghanistan.
"""

RETRANSLATED = """Regional summit opens in Kyrgyz capital

On Thursday Chinese leader Xi Jinping landed in Bishkek to attend the yearly Shanghai Cooperation Organization summit, where talks with Russia's president Vladimir Putin are foreseen.
According to Moscow officials, both presidents are to talk about energy deliveries, a planned gas pipeline through Mongolia and settling payments in national currencies.
The host, Kyrgyz head of state Sooronbay Jeenbekov, pledged that over twenty agreements on transport and trade would be signed during the two days of talks.
Narendra Modi, India's prime minister, came from New Delhi, yet no bilateral talks with Imran Khan, Pakistan's prime minister, are on his schedule.
Ties between the neighbouring countries have stayed frozen since February, when forty soldiers died in a suicide attack in Kashmir.
Hassan Rouhani, Iran's president, takes part as an observer and will probably seek backing against American sanctions.
The city centre was sealed off by security forces, and schools stayed closed all week.
In the view of analysts in Almaty, the meeting proved that Beijing now decides the agenda of a group Moscow used to lead.
A final declaration will likely condemn terrorism and urge a peaceful settlement in Afghanistan.
Next year the summit takes place in Chelyabinsk, Russia.
"""

OTHER_STORY = """Putin and Xi meet on the sidelines in Bishkek

Russian President Vladimir Putin met Chinese President Xi Jinping on Friday on the sidelines of the Shanghai Cooperation Organization summit in Bishkek.
Xi Jinping congratulated Putin in advance on his birthday and the two men shared ice cream, a ritual of their meetings since 2018.
Putin told reporters that trade between Russia and China had passed 100 billion dollars and would keep growing.
The Kremlin said the two presidents also talked about Iran and the nuclear deal that Washington abandoned last year.
Narendra Modi avoided Imran Khan at the leaders' dinner, Indian officials said, and the two men did not shake hands.
Sooronbay Jeenbekov thanked the guests and handed the chairmanship of the organization to Russia.
Mongolia and Afghanistan sent delegations as observers.
Protesters from the Kyrgyz opposition were kept away from the venue by police.
Moscow will host the leaders in Chelyabinsk next year, Putin said.
"""

COPY = ORIGINAL.replace("Leaders gather in Bishkek for regional summit", "SCO summit opens in Bishkek")


def _sentences(articles: dict[str, str]) -> pd.DataFrame:
    frame = pd.DataFrame({"article_id": list(articles), "text": list(articles.values())})
    return text.sentences(frame)


@pytest.fixture(scope="module")
def made_up():
    sents = _sentences({"orig": ORIGINAL, "edited": EDITED, "retrans": RETRANSLATED, "other": OTHER_STORY, "copy": COPY})
    return sents, duplicates.duplicate_pairs(sents)


def _relation(pairs: pd.DataFrame, a: str, b: str) -> str | None:
    hit = pairs[(pairs["article_a"] == a) & (pairs["article_b"] == b)]
    return hit["relation"].iloc[0] if len(hit) else None


# --- duplicate_pairs ------------------------------------------------------------------------------------

def test_pairs_have_the_contract_columns_and_order(made_up):
    _, pairs = made_up
    assert list(pairs.columns[:4]) == ["article_a", "article_b", "similarity", "relation"]
    assert {"aligned_sentences", "candidate_jaccard"} <= set(pairs.columns)
    order = ["orig", "edited", "retrans", "other", "copy"]
    assert all(order.index(a) < order.index(b) for a, b in zip(pairs["article_a"], pairs["article_b"]))
    assert pairs["similarity"].between(0, 1).all()


def test_identical_text_is_a_duplicate(made_up):
    _, pairs = made_up
    assert _relation(pairs, "orig", "copy") == "duplicate"
    assert pairs.set_index(["article_a", "article_b"]).loc[("orig", "copy"), "similarity"] == pytest.approx(1.0)


def test_lightly_edited_copy_is_a_near_duplicate(made_up):
    _, pairs = made_up
    assert _relation(pairs, "orig", "edited") == "near_duplicate"
    assert _relation(pairs, "edited", "copy") == "near_duplicate"


def test_retranslation_is_a_translation_variant(made_up):
    _, pairs = made_up
    assert _relation(pairs, "orig", "retrans") == "translation_variant"
    row = pairs.set_index(["article_a", "article_b"]).loc[("orig", "retrans")]
    assert row["aligned_share"] >= 0.9 and row["word_jaccard"] < 0.1  # same sequence, other words
    assert "stems" in row["found_by"]  # the word index alone misses re-translations


def test_different_story_about_the_same_summit_does_not_pair(made_up):
    _, pairs = made_up
    assert not ((pairs["article_a"] == "other") | (pairs["article_b"] == "other")).any()


def test_duplicate_pairs_leaves_its_input_alone(made_up):
    sents, _ = made_up
    before = sents.copy()
    duplicates.duplicate_pairs(sents)
    pd.testing.assert_frame_equal(sents, before)


def test_no_articles_no_pairs():
    pairs = duplicates.duplicate_pairs(text.sentences(pd.DataFrame({"article_id": [], "text": []})))
    assert pairs.empty and list(pairs.columns) == duplicates.PAIR_COLUMNS


def test_seed_corpus_has_exactly_one_pair(seed_sentences, seed_articles):
    pairs = duplicates.duplicate_pairs(seed_sentences)
    assert pairs[["article_a", "article_b", "relation"]].values.tolist() == [[SEED_000, SEED_001, "translation_variant"]]
    assert pairs["similarity"].iloc[0] > 0.8
    # 002 and 003 tell different stories of the 2024 Astana summit with the same cast
    assert not (pairs["article_a"].isin([SEED_002, SEED_003]) & pairs["article_b"].isin([SEED_002, SEED_003])).any()
    dup = duplicates.duplicate_of(pairs, seed_articles)
    assert dup[SEED_001] == SEED_000
    assert dup.drop(SEED_001).isna().all()


# --- duplicate_of ---------------------------------------------------------------------------------------

def test_duplicate_of_prefers_the_earlier_publication_then_article_order():
    pairs = pd.DataFrame({"article_a": ["a", "b"], "article_b": ["b", "c"]})
    undated = pd.DataFrame({"article_id": ["a", "b", "c", "d"]})
    assert duplicates.duplicate_of(pairs, undated).fillna("").to_dict() == {"a": "", "b": "a", "c": "a", "d": ""}
    dated = undated.assign(published=pd.to_datetime(["2024-07-05", "2024-07-03", None, "2024-07-01"]))
    # b was published first: a and c (chained through b) repeat it
    assert duplicates.duplicate_of(pairs, dated).fillna("").to_dict() == {"a": "b", "b": "", "c": "b", "d": ""}


# --- candidates -----------------------------------------------------------------------------------------

def test_banded_candidates_are_exactly_what_datasketch_lsh_proposes():
    from datasketch import MinHash, MinHashLSH

    rng = np.random.default_rng(3)
    vocabulary = [f"w{i}" for i in range(400)]
    base = [set(rng.choice(vocabulary, 60, replace=False)) for _ in range(12)]
    sets = []
    for i in range(80):  # families of overlapping sets, so that some bands collide and others do not
        s = set(base[i % 12])
        drop = rng.choice(sorted(s), int(rng.integers(0, 40)), replace=False)
        sets.append((s - set(drop)) | set(rng.choice(vocabulary, int(rng.integers(0, 30)))))
    hashes = []
    for s in sets:
        m = MinHash(num_perm=128, seed=1)
        m.update_batch([w.encode() for w in s])
        hashes.append(m)
    sigs = [m.hashvalues.astype(np.uint32) for m in hashes]
    ids = [f"a{i:02d}" for i in range(len(sets))]
    expected = {}
    for threshold, name in ((0.5, "words"), (0.1, "stems")):
        index = MinHashLSH(threshold=threshold, num_perm=128)
        for aid, sig, m in zip(ids, sigs, hashes):
            for other in index.query(m):
                if name == "words" or np.mean(sigs[ids.index(other)] == sig) >= 0.2:
                    expected.setdefault((other, aid), set()).add(name)
            index.insert(aid, m)
    found = duplicates.candidate_pairs(ids, sigs, sigs, min_candidate_jaccard=0.2)
    assert {(a, b): set(how.split(";")) for a, b, how in found} == expected
    assert 0 < len(found) < len(ids) * (len(ids) - 1) // 2
    assert [(a, b) for a, b, _ in found] == sorted((a, b) for a, b, _ in found)


def test_banded_pairs_are_every_pair_sharing_a_bucket_small_or_large(monkeypatch):
    """Buckets below and above the small-bucket size, and folds of the pooled codes, give exactly the brute-force pairs."""
    monkeypatch.setattr(search, "PAIR_BATCH", 500)  # large buckets in many batches, pooled codes folded often
    rng = np.random.default_rng(7)
    n = 300
    # one band where 150 articles share a value (a large bucket), others of a few values (small buckets)
    signatures = np.stack([np.where(np.arange(n) < 150, 0, rng.integers(1, 40, n)),
                           rng.integers(0, 60, n), rng.integers(0, 60, n), rng.integers(0, 9, n)], axis=1)
    signatures = signatures.astype(np.uint32)
    bands = [(0, 1), (1, 3), (3, 4)]
    expected = {i * n + j for lo, hi in bands for i in range(n) for j in range(i + 1, n)
                if (signatures[i, lo:hi] == signatures[j, lo:hi]).all()}
    found = search._banded_pairs(signatures, bands)
    assert found.tolist() == sorted(expected)
    assert 150 * 149 // 2 < len(found) < n * (n - 1) // 2
    even = search._banded_pairs(signatures, bands, keep=lambda codes: codes[codes % 2 == 0])
    assert even.tolist() == sorted(c for c in expected if c % 2 == 0)


def test_pair_set_keeps_every_code_once_whatever_the_folds(monkeypatch):
    """Codes seen once (the first batch too), codes repeated within and across batches: the sorted unique union."""
    monkeypatch.setattr(search, "PAIR_BATCH", 50)
    rng = np.random.default_rng(3)
    fresh = rng.permutation(10_000).astype(np.int64) * 7  # each value in exactly one batch
    batches = [fresh[lo:lo + size] for lo, size in zip(range(0, 10_000, 400), rng.integers(1, 400, 25))]
    batches += [np.repeat(fresh[:30], 3), fresh[-5:], np.empty(0, dtype=np.int64), np.array([7 * 10_001])]
    pairs = search._PairSet()
    for batch in batches:
        pairs.add(batch)
    assert pairs.result().tolist() == np.unique(np.concatenate(batches)).tolist()


def test_candidate_table_names_the_same_pairs_as_candidate_pairs():
    rng = np.random.default_rng(8)
    base = rng.integers(0, 2**32, size=(6, 128), dtype=np.uint64).astype(np.uint32)
    sigs = [np.where(rng.random(128) < 0.15, rng.integers(0, 2**32, size=128, dtype=np.uint64), base[i % 6]).astype(np.uint32)
            for i in range(40)]
    words = [s if i % 3 else rng.integers(0, 2**32, size=128, dtype=np.uint64).astype(np.uint32) for i, s in enumerate(sigs)]
    ids = [f"x{i}" for i in range(40)]
    table = duplicates.candidate_table(words, sigs)
    pairs = duplicates.candidate_pairs(ids, words, sigs)
    assert list(table.columns) == ["a", "b", "found_by"] and len(table) == len(pairs) > 20
    assert [(ids[a], ids[b], h) for a, b, h in zip(table["a"], table["b"], table["found_by"])] == pairs
    assert {h for _, _, h in pairs} == {"stems", "stems;words"} and (table["a"] < table["b"]).all()
    assert duplicates.candidate_table(words[:1], sigs[:1]).empty
    # a signature matrix (what the build pools) gives the same table as a list of signatures
    pd.testing.assert_frame_equal(duplicates.candidate_table(np.vstack(words), np.vstack(sigs)), table)


# --- confirm_pairs --------------------------------------------------------------------------------------

def test_confirming_every_pair_reads_few_texts_and_finds_what_the_search_finds(made_up):
    sentences, pairs = made_up
    groups = {aid: g for aid, g in sentences.groupby("article_id", sort=False)}
    features = {aid: duplicates.article_features(g) for aid, g in groups.items()}
    sketches = {aid: duplicates.signature(g) for aid, g in groups.items()}
    ids = [aid for aid in groups if sketches[aid] is not None]
    every = [(a, b, "words") for k, a in enumerate(ids) for b in ids[k + 1:]]
    asked = []
    found = duplicates.confirm_pairs(every, lambda aid: asked.append(aid) or features[aid], sketches=sketches)
    assert len(found) >= 2 and len(asked) < 2 * len(every)  # pairs that fail on the sketches read no text
    columns = [c for c in duplicates.PAIR_COLUMNS if c != "found_by"]
    pd.testing.assert_frame_equal(found[columns], pairs[columns])
