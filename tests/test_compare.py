"""Comparing sources: duplicate pairs, translation variants, alignment, machine-translation clues."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from scoanalysis import compare, text

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

On Thursday Chinese leader Xi Jinping landed in Bishkek to attend the yearly Shanghai Cooperation Organization summit, at which a meeting with Russia's president Vladimir Putin is planned.
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
    return sents, compare.duplicate_pairs(sents)


def _relation(pairs: pd.DataFrame, a: str, b: str) -> str | None:
    hit = pairs[(pairs["article_a"] == a) & (pairs["article_b"] == b)]
    return hit["relation"].iloc[0] if len(hit) else None


# --- duplicates ---------------------------------------------------------------------------------------

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
    compare.duplicate_pairs(sents)
    pd.testing.assert_frame_equal(sents, before)


def test_no_articles_no_pairs():
    pairs = compare.duplicate_pairs(text.sentences(pd.DataFrame({"article_id": [], "text": []})))
    assert pairs.empty and list(pairs.columns) == compare.PAIR_COLUMNS


def test_seed_corpus_has_exactly_one_pair(seed_sentences, seed_articles):
    pairs = compare.duplicate_pairs(seed_sentences)
    assert pairs[["article_a", "article_b", "relation"]].values.tolist() == [[SEED_000, SEED_001, "translation_variant"]]
    assert pairs["similarity"].iloc[0] > 0.8
    # 002 and 003 tell different stories of the 2024 Astana summit with the same cast
    assert not (pairs["article_a"].isin([SEED_002, SEED_003]) & pairs["article_b"].isin([SEED_002, SEED_003])).any()
    dup = compare.duplicate_of(pairs, seed_articles)
    assert dup[SEED_001] == SEED_000
    assert dup.drop(SEED_001).isna().all()


def test_duplicate_of_prefers_the_earlier_publication_then_article_order():
    pairs = pd.DataFrame({"article_a": ["a", "b"], "article_b": ["b", "c"]})
    undated = pd.DataFrame({"article_id": ["a", "b", "c", "d"]})
    assert compare.duplicate_of(pairs, undated).fillna("").to_dict() == {"a": "", "b": "a", "c": "a", "d": ""}
    dated = undated.assign(published=pd.to_datetime(["2024-07-05", "2024-07-03", None, "2024-07-01"]))
    # b was published first: a and c (chained through b) repeat it
    assert compare.duplicate_of(pairs, dated).fillna("").to_dict() == {"a": "b", "b": "", "c": "b", "d": ""}


# --- alignment ----------------------------------------------------------------------------------------

def test_align_marks_the_words_that_differ_and_escapes_html():
    a = ["Putin met Xi & Modi in <Astana> on Wednesday.", "The summit ended.", "Only in the first text, with many words."]
    b = ["Putin met Xi & Modi in <Astana> on Thursday.", "The summit ended."]
    rows = compare.align(a, b)
    assert rows["status"].tolist() == ["aligned", "aligned", "only_a"]
    assert rows.loc[0, "html_a"] == "Putin met Xi &amp; Modi in &lt;Astana&gt; on <del>Wednesday</del>."
    assert rows.loc[0, "html_b"] == "Putin met Xi &amp; Modi in &lt;Astana&gt; on <ins>Thursday</ins>."
    assert rows.loc[1, "html_a"] == "The summit ended." and rows.loc[1, "score"] == 1.0
    assert rows.loc[2, "html_a"].startswith("<del>") and pd.isna(rows.loc[2, "sentence_b"])


def test_align_takes_sentence_tables_and_keeps_their_ids(seed_sentences):
    a = seed_sentences[seed_sentences["article_id"] == SEED_000]
    b = seed_sentences[seed_sentences["article_id"] == SEED_001]
    rows = compare.align(a, b)
    aligned = rows[rows["status"] == "aligned"]
    assert len(aligned) == 22
    assert aligned["sentence_a"].is_monotonic_increasing and aligned["sentence_b"].is_monotonic_increasing
    body_a = set(a.loc[a["kind"] == "body", "sentence_id"])
    assert set(aligned["sentence_a"]) <= body_a
    # consecutive changed words share one tag
    assert "<del>Russia-backed</del>" in " ".join(aligned["html_a"])


# --- machine translation ------------------------------------------------------------------------------

def _clues(sentence: str) -> list[str]:
    """The clues found in `sentence`, written as the second paragraph of a small article."""
    raw = "Summit news\n\nLeaders met in the Kazakh capital, Astana, on Wednesday.\n\n" + sentence + "\n"
    sents = text.sentences(pd.DataFrame({"article_id": ["x"], "text": [raw]}))
    ev = compare.translation_evidence(sents)
    assert all(raw[a:b] for a, b in zip(ev["start"], ev["end"]))
    return sorted(ev.loc[ev["start"] >= raw.index(sentence[:10]), "clue"])


@pytest.mark.parametrize(
    "sentence, clue",
    [
        ("Putin is expected to arrive on wednesday for talks.", "lowercase_weekday"),
        ("Some 145 people were killed The worst attack in a decade took place in Moscow.", "capital_mid_sentence"),
        ("Dozens were killed And many more were wounded.", "capital_mid_sentence"),
        ("China has sought to expand its business. for the past 12 years it has built railways.", "lowercase_sentence_start"),
        ("Xi met Putin in Astana. then both flew to Dushanbe.", "lowercase_sentence_start"),
        ("cool down since then, following border clashes between their troops.", "lowercase_sentence_start"),
        ("The visit follows trips to Pyongyang and VietnamTheresa Fallon said more would follow.", "glued_words"),
        ("Said Belarus will be declared a full member of the organisation.", "subject_dropped"),
        ("The group grew to include Pakistan, India and Pakistan in recent years.", "repeated_in_list"),
        ("The leaders met in Kazakh capital Astana for two days.", "dropped_article"),
        ("Iran,", "fragment"),
        ("This text was translated automatically by machine translation software.", "disclaimer"),
    ],
)
def test_translation_clue_is_found(sentence, clue):
    assert clue in _clues(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Putin told The Associated Press that talks would resume on Wednesday.",
        "Nigel Gould-Davies of the Institute For Strategic Studies said the bloc was divided.",
        "Analysts at the Council On Foreign Relations disagreed.",  # Title Case names are not garbling
        "He visited North Korea And Vietnam last month.",  # ...and cannot be told from them: left out
        "The leaders met in the Kazakh capital, Astana, and later in the city of Almaty.",
        "Members include China, Russia, India and Pakistan, among others.",
        "iPhone sales in Central Asia have doubled, according to the company.",
        "The rail line carries coal, grain, etc. and links China with Europe.",
        "Said to be the largest in the region, the dam has divided Tajikistan and Uzbekistan.",
        "Russia and the Russian delegation, Kazakhstan and the Kazakh host, agreed.",
        "“Never,” he said.",
    ],
)
def test_clean_english_gives_no_clue(sentence):
    assert _clues(sentence) == []


def test_a_name_spelled_two_ways_is_a_weak_clue():
    raw = (
        "Summit news\n\nTajik President Emomali Rahmon arrived on Thursday.\n\n"
        "Later, Emomali Rakhmon met the Uzbek leader, and Rakhmon said little.\n"
    )
    ev = compare.translation_evidence(text.sentences(pd.DataFrame({"article_id": ["x"], "text": [raw]})))
    spelled = ev[ev["clue"] == "name_spelling"]
    assert len(spelled) == 2 and set(raw[a:b] for a, b in zip(spelled["start"], spelled["end"])) == {"Rakhmon"}
    assert not compare.is_translated(ev)  # one weak clue alone decides nothing


def test_rule_needs_clues_from_two_sentences():
    one = pd.DataFrame({"article_id": "x", "sentence_id": [3, 3], "start": 0, "end": 1, "clue": ["lowercase_weekday", "capital_mid_sentence"], "text": ""})
    two = one.assign(sentence_id=[3, 4])
    assert not compare.is_translated(one) and compare.is_translated(two)
    assert compare.is_translated(pd.DataFrame({"article_id": ["x"], "sentence_id": [9], "start": 0, "end": 1, "clue": ["disclaimer"], "text": ""}))


def test_seed_translation_flags(seed_sentences):
    verdicts = compare.translated(seed_sentences).set_index("article_id")
    assert verdicts["translated"].to_dict() == {
        SEED_000: False, SEED_001: True, SEED_002: False, SEED_003: True, SEED_004: False,
    }
    assert verdicts.loc[SEED_001, "clues"] == "disclaimer:1"
    assert verdicts.loc[SEED_003, "score"] >= 5
    assert verdicts.loc[[SEED_000, SEED_002, SEED_004], "n_clues"].eq(0).all()


def test_evidence_offsets_point_into_the_raw_text(seed_articles, seed_sentences):
    ev = compare.translation_evidence(seed_sentences[seed_sentences["article_id"] == SEED_003])
    raw = seed_articles.set_index("article_id").loc[SEED_003, "text"]
    weekday = ev[ev["clue"] == "lowercase_weekday"].iloc[0]
    assert raw[weekday["start"]:weekday["end"]] == "wednesday"
    glued = ev[ev["clue"] == "glued_words"].iloc[0]
    assert raw[glued["start"]:glued["end"]] == "VietnamTheresa"


@pytest.mark.parametrize(
    "sentence, found",
    [
        ("China has sought to expand its business. for the past 12 years", True),
        ("The line carries coal, grain, etc. and links China with Europe.", False),
        ("Officials from the U.S. and China met.", False),
    ],
)
def test_lowercase_after_a_full_stop_inside_one_sentence(sentence, found):
    clues = [r[4] for r in compare._sentence_clues("x", 0, 0, sentence, body=True)]
    assert ("lowercase_after_stop" in clues) is found


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
    found = compare.candidate_pairs(ids, sigs, sigs, min_candidate_jaccard=0.2)
    assert {(a, b): set(how.split(";")) for a, b, how in found} == expected
    assert 0 < len(found) < len(ids) * (len(ids) - 1) // 2
    assert [(a, b) for a, b, _ in found] == sorted((a, b) for a, b, _ in found)


def test_banded_pairs_are_every_pair_sharing_a_bucket_small_or_large(monkeypatch):
    """Buckets below and above the small-bucket size, and folds of the pooled codes, give exactly the brute-force pairs."""
    monkeypatch.setattr(compare, "PAIR_BATCH", 500)  # large buckets in many batches, pooled codes folded often
    rng = np.random.default_rng(7)
    n = 300
    # one band where 150 articles share a value (a large bucket), others of a few values (small buckets)
    signatures = np.stack([np.where(np.arange(n) < 150, 0, rng.integers(1, 40, n)),
                           rng.integers(0, 60, n), rng.integers(0, 60, n), rng.integers(0, 9, n)], axis=1)
    signatures = signatures.astype(np.uint32)
    bands = [(0, 1), (1, 3), (3, 4)]
    expected = {i * n + j for lo, hi in bands for i in range(n) for j in range(i + 1, n)
                if (signatures[i, lo:hi] == signatures[j, lo:hi]).all()}
    found = compare._banded_pairs(signatures, bands)
    assert found.tolist() == sorted(expected)
    assert 150 * 149 // 2 < len(found) < n * (n - 1) // 2
    even = compare._banded_pairs(signatures, bands, keep=lambda codes: codes[codes % 2 == 0])
    assert even.tolist() == sorted(c for c in expected if c % 2 == 0)


def test_pair_set_keeps_every_code_once_whatever_the_folds(monkeypatch):
    """Codes seen once (the first batch too), codes repeated within and across batches: the sorted unique union."""
    monkeypatch.setattr(compare, "PAIR_BATCH", 50)
    rng = np.random.default_rng(3)
    fresh = rng.permutation(10_000).astype(np.int64) * 7  # each value in exactly one batch
    batches = [fresh[lo:lo + size] for lo, size in zip(range(0, 10_000, 400), rng.integers(1, 400, 25))]
    batches += [np.repeat(fresh[:30], 3), fresh[-5:], np.empty(0, dtype=np.int64), np.array([7 * 10_001])]
    pairs = compare._PairSet()
    for batch in batches:
        pairs.add(batch)
    assert pairs.result().tolist() == np.unique(np.concatenate(batches)).tolist()


def test_signature_is_none_without_body_text_and_stable_otherwise(seed_sentences):
    one = seed_sentences[seed_sentences["article_id"] == seed_sentences["article_id"].iloc[0]]
    a, b = compare.signature(one), compare.signature(one.copy())
    assert a is not None and a.words.dtype == np.uint32 and len(a.stems) == 128
    assert (a.words == b.words).all() and (a.stems == b.stems).all()
    sets = a.stem_sets()
    assert len(sets) == len(compare.article_features(one).stems) and all(len(x) >= 2 for x in sets)
    assert compare.signature(one.assign(kind="headline")) is None


def test_name_spelling_clues_equal_comparing_every_earlier_name():
    # names indexed by first letter and length must find what comparing all earlier names finds
    names = {}
    sentence = ("Rakhmon met Rahmon and Rahmonov, then Tokayev, Tokaev and Tokajev; Mirziyoyev, Mirzioyev, "
                "Mirziyoev greeted Shavkat and Shavkath while Lukashenko and Lukashenka spoke")
    for sid, m in enumerate(compare.P.NAME_WORD.finditer(sentence)):
        names.setdefault(m.group(), []).append((sid, m.start(), m.end(), sentence))
    order = sorted(names, key=lambda w: min(x[1] for x in names[w]))
    brute = []
    for i, w in enumerate(order):
        for v in order[:i]:
            if compare._one_inner_edit(v, w):
                brute.extend(("a", sid, a, b, "name_spelling", f"{w} (also spelled {v})") for sid, a, b, _ in names[w])
                break
    found = compare._name_spelling_clues("a", names)
    assert found == brute
    assert {r[5] for r in found} >= {"Rahmon (also spelled Rakhmon)", "Tokajev (also spelled Tokayev)"}


def test_hashed_similarities_equal_those_of_the_stem_sets(seed_sentences):
    # the arrays confirm_pairs aligns on must give exactly the Dice values of the stem sets,
    # including sentences whose hashed stems repeat (a CRC collision) and empty sentences
    sketches = [compare.signature(g) for _, g in seed_sentences.groupby("article_id", sort=False)]
    rng = np.random.default_rng(5)
    made = []
    for _ in range(30):
        sizes = rng.integers(0, 9, size=int(rng.integers(1, 25)))
        values = np.concatenate([np.sort(rng.integers(0, 40, size=k)) for k in sizes]).astype(np.uint32)
        made.append(compare.Sketch(values[:0], values[:0], values, np.cumsum([0, *sizes]).astype(np.int32)))
    tried = 0
    for group in (sketches, made):
        for x in group:
            for y in group:
                for floor in (0.0, 0.5, 0.8):
                    hashed = compare._hashed_similarities(compare._HashedStems(x), compare._HashedStems(y),
                                                          min_similarity=floor)
                    expected = compare._similarities(x.stem_sets(), y.stem_sets(), min_similarity=floor)
                    assert hashed == expected
                    tried += bool(expected)
    assert tried > 100


def test_candidate_table_names_the_same_pairs_as_candidate_pairs():
    rng = np.random.default_rng(8)
    base = rng.integers(0, 2**32, size=(6, 128), dtype=np.uint64).astype(np.uint32)
    sigs = [np.where(rng.random(128) < 0.15, rng.integers(0, 2**32, size=128, dtype=np.uint64), base[i % 6]).astype(np.uint32)
            for i in range(40)]
    words = [s if i % 3 else rng.integers(0, 2**32, size=128, dtype=np.uint64).astype(np.uint32) for i, s in enumerate(sigs)]
    ids = [f"x{i}" for i in range(40)]
    table = compare.candidate_table(words, sigs)
    pairs = compare.candidate_pairs(ids, words, sigs)
    assert list(table.columns) == ["a", "b", "found_by"] and len(table) == len(pairs) > 20
    assert [(ids[a], ids[b], h) for a, b, h in zip(table["a"], table["b"], table["found_by"])] == pairs
    assert {h for _, _, h in pairs} == {"stems", "stems;words"} and (table["a"] < table["b"]).all()
    assert compare.candidate_table(words[:1], sigs[:1]).empty


def test_confirming_on_sketches_finds_what_confirming_on_text_finds(made_up):
    sentences, _ = made_up
    groups = {aid: g for aid, g in sentences.groupby("article_id", sort=False)}
    features = {aid: compare.article_features(g) for aid, g in groups.items()}
    sketches = {aid: compare.signature(g) for aid, g in groups.items()}
    ids = [aid for aid in groups if sketches[aid] is not None]
    every = [(a, b, "words") for k, a in enumerate(ids) for b in ids[k + 1:]]
    on_text = compare.confirm_pairs(every, features.__getitem__)
    asked = []
    on_sketches = compare.confirm_pairs(every, lambda aid: asked.append(aid) or features[aid], sketches=sketches)
    pd.testing.assert_frame_equal(on_text, on_sketches)
    assert len(on_text) >= 2 and len(asked) < 2 * len(every)


def test_article_features_read_the_body_rows_as_the_body_filter_keeps_them():
    sentences = pd.DataFrame({
        "article_id": ["a"] * 5, "sentence_id": [0, 1, 2, 3, 4],
        "text": ["Leaders met in Astana on Thursday.", "Leave a Replay", "Putin spoke with Xi about trade.",
                 "Photo: Reuters", "Modi did not attend the summit in person."],
        "is_boilerplate": pd.array([False, True, None, False, False], dtype="boolean"),
        "kind": ["body", "debris", "body", "caption", "body"],
    })
    kept = compare._body(sentences)
    assert kept["sentence_id"].tolist() == [0, 2, 4]
    assert compare._body_rows(sentences) == [(0, sentences.at[0, "text"]), (2, sentences.at[2, "text"]),
                                             (4, sentences.at[4, "text"])]
    assert compare.article_features(sentences).sentence_ids == (0, 2, 4)
    bare = sentences.drop(columns=["is_boilerplate", "kind"])  # no flags: every row is body
    assert [i for i, _ in compare._body_rows(bare)] == [0, 1, 2, 3, 4]
