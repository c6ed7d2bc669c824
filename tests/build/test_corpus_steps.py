"""build.corpus_steps: claims, events and attendance bucket by bucket equal the stages' functions on the whole corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from scoanalysis import storage
from scoanalysis.build import corpus_steps, inputs, run, spill
from scoanalysis.build.run import build

from conftest import write_corpus


def test_claim_counts_are_whole_numbers_beside_date_claims(tmp_path):
    raw = ("SCO Leaders Meet in Qingdao\n\nChinese President Xi Jinping welcomed leaders of the Shanghai Cooperation "
           "Organization to Qingdao on Saturday for a two-day summit.\n")
    nato = "Belarus joins NATO\n\nBelarus became a full member of NATO at the summit in Astana on Thursday, July 4, 2024.\n"
    folder = write_corpus(tmp_path / "c", {"q": raw, "n1": nato, "n2": nato.replace("Thursday, ", "")},
                          metadata="article_id,published\nq,2018-06-20\n")
    claims = build(folder, tmp_path / "out")["claims"]
    assert {"date_is", "becomes_member_of"} <= set(claims["predicate"])
    assert claims["n_conflicting_claims"].dtype.kind == "i"
    assert claims.loc[claims["predicate"] == "becomes_member_of", "n_conflicting_claims"].tolist() == [0, 0]
    written = (tmp_path / "out" / "claims.csv").read_text(encoding="utf-8").splitlines()
    assert all(not line.endswith((",0.0", ",1.0")) for line in written)


def test_metadata_date_the_text_disagrees_with_becomes_a_claim(tmp_path):
    raw = ("SCO Leaders Meet in Qingdao\n\nChinese President Xi Jinping welcomed leaders of the Shanghai Cooperation "
           "Organization to Qingdao on Saturday for a two-day summit.\n\nThe leaders are expected to sign a declaration on Sunday.\n")
    folder = write_corpus(tmp_path / "c", {"q": raw}, metadata="article_id,published\nq,2018-06-20\n")
    tables = build(folder, tmp_path / "out")
    claims = tables["claims"]
    dated = claims[claims["predicate"] == "date_is"]
    assert len(dated) >= 1
    assert all(c == ["metadata:published"] for c in dated["conflicts_with"])
    assert dated["note"].str.contains("2018-06-20").all()
    assert tables["articles"].iloc[0]["summit_id"] == "2018-qingdao"
    assert (dated["n_conflicting_claims"] == 0).all()  # it contradicts the metadata, not another claim
    # the same text with the right date gives no such claim
    (folder / "articles.csv").write_text("article_id,published\nq,2018-06-09\n", encoding="utf-8")
    assert not (build(folder, tmp_path / "out")["claims"]["predicate"] == "date_is").any()


def _all_at_once(corpus_dir, out):
    """Return events, attendance and claims computed from every article's records at once, written to `out` and read back."""
    from scoanalysis import attendance, claims, corpus, events, paths, reference, text
    from scoanalysis.build.article import analyse_article

    entries = corpus.list_corpus(corpus_dir, problems=[])
    tok = text.train_punkt(run.punkt_sample(corpus_dir, entries, max_bytes=paths.MAX_ARTICLE_BYTES))
    read = (corpus.read_entry(corpus_dir, e, problems=[], max_bytes=paths.MAX_ARTICLE_BYTES) for e in entries)
    records = [analyse_article(a, tokenizer=tok) for a in read if a is not None]
    articles = pd.DataFrame([r.article for r in records])

    def gathered(name):
        frames = [getattr(r, name) for r in records if len(getattr(r, name))]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    people = [r.entities[r.entities["entity_type"] == "person"].drop_duplicates("entity_id") for r in records]
    names = pd.DataFrame([n for p in people for n in zip(p["entity_id"], p["name"])], columns=["entity_id", "name"])
    tables = {
        "attendance": attendance.attendance(gathered("attendance"), entities=names),
        "events": events.events(events.mentions_table([m for r in records for m in r.event_mentions]),
                                summits=reference.summits()),
        "claims": pd.concat([claims.check_claims(claims.claims_table([c for r in records for c in r.claims]),
                                                 dates=corpus_steps.article_dates(articles)),
                             corpus_steps.date_claims(gathered("date_conflicts"), articles.set_index("article_id")["published"])],
                            ignore_index=True),
    }
    for name, frame in tables.items():
        storage.write_table(frame, name, out)
    return tables


def _assert_corpus_steps_by_bucket_equal_all_at_once(corpus_dir, tmp_path, monkeypatch):
    _all_at_once(corpus_dir, tmp_path / "once")
    default = build(corpus_dir, tmp_path / "default")
    monkeypatch.setattr(inputs, "BUCKETS", 3)  # few buckets, small batches and chunks: every merge has work
    monkeypatch.setattr(corpus_steps, "EVENT_BATCHES", 2)
    monkeypatch.setattr(corpus_steps, "MENTIONS_PER_BATCH", 40)
    monkeypatch.setattr(spill, "CHUNK_ROWS", 7)
    monkeypatch.setattr(spill, "MERGE_ROWS", 3)
    few = build(corpus_dir, tmp_path / "few", force=True)
    for name in default:
        assert default[name].equals(few[name]), name
    for name in ("attendance", "events", "claims"):
        once = (tmp_path / "once" / f"{name}.csv").read_bytes()
        assert once == (tmp_path / "default" / f"{name}.csv").read_bytes(), name
        assert once == (tmp_path / "few" / f"{name}.csv").read_bytes(), name
        assert len(once.splitlines()) > 3, name  # the corpus has some of each
    return default


def test_corpus_steps_by_bucket_equal_all_at_once_on_the_seeds(corpus_copy, tmp_path, monkeypatch):
    raw = ("SCO Leaders Meet in Qingdao\n\nChinese President Xi Jinping welcomed leaders of the Shanghai Cooperation "
           "Organization to Qingdao on Saturday for a two-day summit.\n\nThe leaders are expected to sign a declaration on Sunday.\n")
    (corpus_copy / "raw" / "q.txt").write_text(raw, encoding="utf-8")  # with a date the text disagrees with
    with open(corpus_copy / "articles.csv", "a", encoding="utf-8") as fh:
        fh.write("q,,,,2018-06-20,\n")
    tables = _assert_corpus_steps_by_bucket_equal_all_at_once(corpus_copy, tmp_path, monkeypatch)
    assert (tables["claims"]["predicate"] == "date_is").any()  # date claims follow the checked ones


@pytest.mark.slow
def test_corpus_steps_by_bucket_equal_all_at_once_on_a_synthetic_corpus(tmp_path, seed_sentences, monkeypatch):
    from scoanalysis import synthetic

    corpus = synthetic.write_synthetic_corpus(seed_sentences, tmp_path / "synth", n=200, seed=11, vary_words=0.8,
                                              repeat=0.05)
    tables = _assert_corpus_steps_by_bucket_equal_all_at_once(corpus, tmp_path, monkeypatch)
    assert tables["articles"]["duplicate_of"].notna().any()  # the planted re-publications are found

