"""build.article: the per-article step is a pure function of the article, the tokenizer and the reference data."""

from __future__ import annotations

from scoanalysis import corpus, schema
from scoanalysis.build.article import analyse_article

from conftest import ROOT


def test_article_step_gives_the_articles_row_and_the_per_article_tables(seed_tokenizer):
    (article,) = [a for a in corpus.iter_corpus(ROOT / "data") if a.article_id == "002_31059493dcc32406"]
    records = analyse_article(article, tokenizer=seed_tokenizer)
    again = analyse_article(article, tokenizer=seed_tokenizer)
    assert set(schema.TABLES["articles"].columns) <= set(records.article)
    assert records.article["summit_id"] == "2024-astana" and records.article["byline"] == "Emma Burrows, Associated Press"
    for name in ("sentences", "entities", "timexes", "quotes", "attendance"):
        frame = getattr(records, name)
        assert len(frame) and set(frame["article_id"]) == {article.article_id}, name
        assert frame.equals(getattr(again, name)), name  # pure: the same input gives the same records
    for name in ("claims", "event_mentions"):
        rows = getattr(records, name)
        assert rows and {r["article_id"] for r in rows} == {article.article_id}, name
        assert rows == getattr(again, name), name
    assert records.signature is not None and records.encoding == "utf-8" and not records.is_html
    assert records.article["n_sentences"] == int((~records.sentences["is_boilerplate"]).sum())


def test_given_summit_wins_and_an_unknown_one_is_scored_from_the_text(seed_tokenizer):
    text = "SCO Leaders Meet\n\nThe SCO summit in Bishkek opened on Friday with all leaders present.\n"
    given = corpus.Article("a", "raw/a.txt", text, sha256="x" * 64, meta={"summit_id": "2024-astana"})
    assert analyse_article(given, tokenizer=seed_tokenizer).article["summit_evidence"] == "given in articles.csv"
    unknown = corpus.Article("a", "raw/a.txt", text, sha256="x" * 64,
                             meta={"summit_id": "2099-atlantis", "published": "2019-06-14"})
    row = analyse_article(unknown, tokenizer=seed_tokenizer).article
    assert row["summit_id"] == "2019-bishkek" and row["published_source"] == "metadata"
