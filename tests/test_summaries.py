"""Summaries: the small tables the reports read give the numbers the whole tables give."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import scoanalysis as sa
from scoanalysis import framing, pipeline, plots, schema, summaries, text, timeline, views
from scoanalysis.exceptions import TableError

from conftest import ROOT, write_corpus

FOCUS = ["2014-dushanbe", "2022-samarkand", "2024-astana"]


@pytest.fixture(scope="session")
def seed_tables_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed-tables")
    pipeline.build(ROOT / "data", out, load=False)
    return out


@pytest.fixture(scope="session")
def synthetic_tables_dir(tmp_path_factory, seed_sentences):
    """80 synthetic articles (4% re-published) built in partitions of 8: ten parts to stream."""
    from scoanalysis import synthetic

    corpus = tmp_path_factory.mktemp("synthetic")
    synthetic.write_synthetic_corpus(seed_sentences, corpus, n=80, seed=80, vary_words=0.8, repeat=0.04)
    out = tmp_path_factory.mktemp("synthetic-tables")
    saved = pipeline.PARTITION
    pipeline.PARTITION = 8
    try:
        pipeline.build(corpus, out, load=False)
    finally:
        pipeline.PARTITION = saved
    return out


def _both(folder):
    return sa.load_tables(folder), sa.load_summaries(folder)


def _assert_readers_equal(full, summ, include_duplicates):
    f = views.originals(full, include_duplicates=include_duplicates)
    s = views.originals(summ, include_duplicates=include_duplicates)
    summit = f["articles"].set_index("article_id")["summit_id"]
    focus = summit.where(summit.isin(FOCUS))
    pd.testing.assert_frame_equal(text.term_counts(f["sentences"], by=summit), summaries.term_counts(s),
                                  check_dtype=False)
    old = text.term_counts(f["sentences"], by=summit)
    pd.testing.assert_frame_equal(old[old["group"].isin(FOCUS)].reset_index(drop=True),
                                  summaries.term_counts(s, summit_ids=FOCUS), check_dtype=False)
    pd.testing.assert_frame_equal(framing.theme_shares(f["sentences"], by=focus),
                                  summaries.theme_shares(s, summit_ids=FOCUS), check_dtype=False)
    pd.testing.assert_frame_equal(framing.distinctive_words(f["sentences"], by=focus),
                                  summaries.distinctive_words(s, summit_ids=FOCUS), check_dtype=False)
    pd.testing.assert_frame_equal(framing.tone(f["sentences"], by=focus), summaries.tone(s, summit_ids=FOCUS),
                                  check_dtype=False)
    a = f["articles"]
    outlet = pd.Series(a["outlet"].astype(object).where(a["outlet"].notna(), "none").values, index=a["article_id"].values)
    pd.testing.assert_frame_equal(framing.tone(f["sentences"], by=outlet), summaries.tone(s, by="outlet"),
                                  check_dtype=False)
    pd.testing.assert_frame_equal(framing.theme_shares(f["sentences"], by=outlet),
                                  summaries.theme_shares(s, by="outlet"), check_dtype=False)
    body = f["sentences"][~f["sentences"]["is_boilerplate"].astype(bool)]
    actors = framing.tone_by_actor(body, f["entities"])
    pd.testing.assert_frame_equal(actors.head(summaries.ACTOR_ROWS), summaries.tone_by_actor(s).head(summaries.ACTOR_ROWS),
                                  check_dtype=False)
    for ids in (FOCUS, ["2024-astana"]):
        ents = f["entities"][f["entities"]["entity_type"] == "person"]
        old = (ents.assign(group=ents["article_id"].map(summit.where(summit.isin(ids)))).dropna(subset=["group"])
               .groupby(["group", "name"]).size().rename("count").reset_index().rename(columns={"name": "term"}))
        pd.testing.assert_frame_equal(old, summaries.mention_counts(s, summit_ids=ids), check_dtype=False)
    pd.testing.assert_frame_equal(timeline.coverage_profile(f["events"], f["entities"], f["articles"], summit_ids=FOCUS),
                                  timeline.coverage_profile(s["events"], s["summary_mentions"], s["articles"],
                                                            summit_ids=FOCUS))
    return actors


@pytest.mark.parametrize("include_duplicates", [True, False])
def test_summaries_give_the_whole_tables_numbers_on_the_seeds(seed_tables_dir, include_duplicates):
    full, summ = _both(seed_tables_dir)
    actors = _assert_readers_equal(full, summ, include_duplicates)
    assert len(actors) > 10  # the seeds name enough actors for the comparison to mean something


@pytest.mark.parametrize("include_duplicates", [True, False])
def test_summaries_give_the_whole_tables_numbers_on_a_synthetic_corpus(synthetic_tables_dir, include_duplicates):
    full, summ = _both(synthetic_tables_dir)
    assert full["articles"]["duplicate_of"].notna().sum() >= 1  # so originals differ from all articles
    _assert_readers_equal(full, summ, include_duplicates)


def test_summaries_are_summed_from_parts_streamed_and_folded(synthetic_tables_dir, seed_sentences, tmp_path, monkeypatch):
    """Folding the running sums every 2 parts gives the tables folding every 16 gave."""
    full = sa.load_tables(synthetic_tables_dir)
    parts = tmp_path / "parts"
    articles = full["articles"]
    for index, start in enumerate(range(0, len(articles), 8)):
        ids = set(articles["article_id"].iloc[start:start + 8])
        frames = {name: [full[name][full[name]["article_id"].isin(ids)]] for name in pipeline.PART_TABLES}
        summaries.write_part(frames, parts, index)
    monkeypatch.setattr(summaries, "_FOLD", 2)
    written = {path.stem for path in summaries.write_summaries(parts, tmp_path / "out", articles=articles)}
    assert written == set(schema.SUMMARY_TABLES) - {"summary_evidence"}  # written by write_evidence
    for name in written:
        pd.testing.assert_frame_equal(schema.read_table(name, tmp_path / "out").sort_values(list(
            schema.TABLES[name].columns)[:4]).reset_index(drop=True),
            schema.read_table(name, synthetic_tables_dir).sort_values(list(schema.TABLES[name].columns)[:4])
            .reset_index(drop=True), check_exact=True)


@pytest.mark.parametrize("view, args", [
    (views.corpus_line, ()),
    (views.boilerplate, ()),
    (views.translation_clues, ()),
    (views.contradictions, ()),
    (views.summit_articles, ("2024-astana",)),
    (views.dated_statements, ("2024-astana",)),
    (views.summit_quotes, ("2022-samarkand",)),
    (views.summit_attendance, ("2022-samarkand",)),
    (views.quoted_by_summit, (FOCUS,)),
    (views.tone_by_actor_overview, ()),
    (views.pairs_side_by_side, ()),
])
def test_views_show_the_same_from_summaries(seed_tables_dir, view, args):
    full, summ = _both(seed_tables_dir)
    old, new = view(full, *args), view(summ, *args)
    if isinstance(old, str):
        assert old == new
    else:
        assert len(old) > 0
        pd.testing.assert_frame_equal(old.reset_index(drop=True), new.reset_index(drop=True), check_dtype=False)
        numeric = old.select_dtypes("number").columns
        assert list(new.select_dtypes("number").columns) == list(numeric)  # heatmaps need numbers, not objects


@pytest.mark.parametrize("view, by", [(views.theme_overview, "outlet"), (views.tone_overview, "outlet"),
                                      (views.theme_overview, "summit_id"), (views.tone_overview, "summit_id"),
                                      (views.distinctive_overview, "summit_id")])
def test_framing_views_show_the_same_from_summaries(seed_tables_dir, view, by):
    full, summ = _both(seed_tables_dir)
    pd.testing.assert_frame_equal(view(full, by=by), view(summ, by=by), check_dtype=False)


def test_events_table_from_summaries(seed_tables_dir):
    full, summ = _both(seed_tables_dir)
    old, new = views.events_table(full, summit_ids=FOCUS), views.events_table(summ, summit_ids=FOCUS)
    assert len(old) > 5
    pd.testing.assert_frame_equal(old, new)


# --- capped lists, written on text of our own ------------------------------------------------------------

ASTANA = """Leaders gather in Astana for SCO summit

ASTANA, July 3 (Reuters) - Leaders of the Shanghai Cooperation Organization met in Astana on Wednesday.
Kazakh President Kassym-Jomart Tokayev welcomed the guests and praised the wonderful, friendly talks.
"We will build a fair and peaceful world together," Tokayev said.
The previous summit was held in Samarkand in September 2022, and the next one is planned for 2025.
Chinese President Xi Jinping arrived on Tuesday and will leave on Friday.
Share this article on Facebook
"""

ASTANA_2 = """SCO members sign Astana declaration

ASTANA, July 4 (AFP) - The Shanghai Cooperation Organization signed a declaration in Astana on Thursday.
Russian President Vladimir Putin said the war and the sanctions had failed, and warned of terrible threats.
"The organisation is growing stronger," Putin told reporters.
Belarus joined the SCO as its tenth member on July 4, 2024.
Click here to subscribe to our newsletter
"""


@pytest.fixture(scope="module")
def own_tables(tmp_path_factory):
    corpus = write_corpus(tmp_path_factory.mktemp("own"), {"a1": ASTANA, "a2": ASTANA_2},
                          "article_id,outlet,published,summit_id\na1,Reuters,2024-07-03,2024-astana\n"
                          "a2,AFP,2024-07-04,2024-astana\n")
    out = tmp_path_factory.mktemp("own-tables")
    pipeline.build(corpus, out, load=False)
    return out


def test_dated_statements_are_capped_in_calendar_order_and_counted(own_tables, tmp_path, monkeypatch):
    full = sa.load_tables(own_tables)
    old = views.dated_statements(full, "2024-astana")
    assert len(old) >= 5
    monkeypatch.setattr(summaries, "HEAD_ROWS", 3)
    parts = tmp_path / "parts"
    summaries.write_part({name: [full[name][full[name]["article_id"] == a] for a in ("a1", "a2")]
                          for name in pipeline.PART_TABLES}, parts, 0)
    written = [path.stem for path in summaries.write_summaries(parts, tmp_path, articles=full["articles"])]
    summ = summaries.Tables({**schema.load_tables(tmp_path, tables=written),
                             **{n: full[n] for n in summaries.SMALL_TABLES}})
    new = views.dated_statements(summ, "2024-astana")
    pd.testing.assert_frame_equal(new, old.head(3), check_dtype=False)
    assert new.attrs["n_rows"] == len(old)
    caption = views.show(new).caption
    assert caption == f"The first 3 of {len(old):,} rows; the built tables (data/processed) hold them all."


def test_own_text_is_summed_per_article(own_tables):
    summ = sa.load_summaries(own_tables)
    terms = summaries.term_counts(summ).set_index(["group", "term"])["count"]
    s = sa.load_tables(own_tables)["sentences"]
    prose = s.loc[~s["is_boilerplate"].astype(bool), "text"]
    assert terms[("2024-astana", "astana")] == sum(t.lower().count("astana") for t in prose) >= 3
    tone = summaries.tone(summ, by="outlet").set_index("group")
    assert tone.loc["Reuters", "compound_mean"] > 0 > tone.loc["AFP", "compound_mean"]
    assert "failed" in tone.loc["AFP", "negative_words"]
    boiler = views.boilerplate(summ)
    assert set(boiler["text"]) >= {"Share this article on Facebook", "Click here to subscribe to our newsletter"}
    quoted = views.quoted_by_summit(summ, ["2024-astana"])
    assert quoted.loc["Vladimir Putin", "2024-astana"] == 1 and quoted.loc["Kassym-Jomart Tokayev", "2024-astana"] == 1


# --- loading -----------------------------------------------------------------------------------------------


def test_a_folder_built_without_summaries_says_to_rebuild(seed_tables_dir, tmp_path):
    import shutil

    old = tmp_path / "old"
    shutil.copytree(seed_tables_dir, old)
    (old / "summary_terms.csv").unlink()
    with pytest.raises(TableError, match=r"summary_terms\.csv does not exist.*rebuild them with `scoanalysis build"):
        sa.load_summaries(old)
    with pytest.raises(TableError, match=r"summary_terms\.csv"):
        sa.load_tables(old, tables=["articles", "summary_terms"])
    assert set(sa.load_tables(old, tables=["articles", "claims"])) == {"articles", "claims"}


def test_load_summaries_reads_no_large_table(seed_tables_dir):
    summ = sa.load_summaries(seed_tables_dir)
    assert not {"sentences", "entities", "timexes", "quotes"} & set(summ)
    assert summ.folder == seed_tables_dir
    assert views.originals(summ).folder == seed_tables_dir


def test_sentence_texts_reads_the_sentences_asked_for(seed_tables_dir):
    full = sa.load_tables(seed_tables_dir)
    s = full["sentences"]
    refs = list(zip(s["article_id"], s["sentence_id"]))[3:9]
    texts = summaries.sentence_texts(seed_tables_dir, refs)
    assert [texts[r] for r in refs] == s["text"].iloc[3:9].tolist()


def test_notebooks_read_only_bounded_tables():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        code = "\n".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code")
        assert "load_summaries" in code and "load_tables" not in code, path.name
        for name in ("sentences", "entities", "timexes", "quotes"):
            assert f'["{name}"]' not in code, (path.name, name)


def test_summary_sizes_do_not_grow_with_sentences(seed_tables_dir, synthetic_tables_dir):
    """Heads are capped; the group sums have one row per group, however many sentences."""
    for folder in (seed_tables_dir, synthetic_tables_dir):
        summ = sa.load_summaries(folder)
        assert summ["summary_dated"].groupby("summit_id").size().max() <= summaries.HEAD_ROWS
        assert len(summ["summary_boilerplate"]) <= summaries.HEAD_ROWS
        tone = summ["summary_tone"]
        assert not tone.duplicated(["by", "group", "is_duplicate"]).any()
        assert summ["summary_actors"]["entity_id"].nunique() <= 2 * summaries.ACTOR_ROWS
    assert summaries.HEAD_ROWS >= views.SHOW_ROWS


def test_sentence_kinds_chart_is_capped(seed_tables_dir):
    import matplotlib.pyplot as plt

    summ = sa.load_summaries(seed_tables_dir)
    fig = plots.sentence_kinds(summ["summary_kinds"], max_articles=2)
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == 2
    assert "the first 2 of 5 articles" in ax.get_title(loc="left")
    plt.close(fig)


def test_handed_translation_clues_give_the_same_contributions(seed_articles, seed_tokenizer, tmp_path):
    # the partition passes each article's clues from the per-article step; finding them again must agree
    from scoanalysis import corpus

    records = [pipeline.analyse_article(a, tokenizer=seed_tokenizer)
               for a in corpus.iter_corpus(ROOT / "data", problems=[])]
    frames = {name: [getattr(r, name) for r in records] for name in ("sentences", "entities", "timexes", "quotes")}
    summaries.write_part(frames, tmp_path / "found", 0)
    summaries.write_part({**frames, "translation": [r.translation for r in records]}, tmp_path / "handed", 0)
    found = pd.read_parquet(tmp_path / "found" / summaries.PARTS / "translation" / "00000000.parquet")
    handed = pd.read_parquet(tmp_path / "handed" / summaries.PARTS / "translation" / "00000000.parquet")
    assert len(found) > 5  # the machine-translated seeds give clues
    pd.testing.assert_frame_equal(found.sort_values(["article_id", "sentence_id", "start"]).reset_index(drop=True),
                                  handed.sort_values(["article_id", "sentence_id", "start"]).reset_index(drop=True))


def test_summary_tables_are_read_when_first_used(seed_tables_dir):
    summ = sa.load_summaries(seed_tables_dir)
    assert "claims" in summ and "summary_terms" in summ
    assert not dict.__contains__(summ, "claims")  # nothing read yet
    stories = views.originals(summ)
    views.summit_articles(stories, "2022-samarkand")
    assert not dict.__contains__(summ, "claims") and not dict.__contains__(stories, "claims")
    assert dict.__contains__(summ, "articles")
    eager = schema.load_tables(seed_tables_dir, tables=[*summaries.SMALL_TABLES, *summaries.SUMMARY_TABLES])
    assert sorted(summ) == sorted(eager)
    for name, frame in eager.items():
        if name in summaries.EVIDENCE_TABLES:  # evidence lists cut to what the reports quote, counted whole
            counts = frame["evidence"].map(len)
            frame = frame.assign(evidence=frame["evidence"].map(lambda refs: refs[:summaries.EVIDENCE_SENTENCES]),
                                 n_evidence=pd.array(counts, dtype="Int64"))
        pd.testing.assert_frame_equal(summ[name], frame)
    with pytest.raises(KeyError):
        summ["sentences"]


def test_folds_keep_the_order_and_fold_each_row_a_few_times(monkeypatch):
    """Frames folded in levels come back in the order they were added, each row folded about log(parts) times."""
    monkeypatch.setattr(summaries, "_FOLD", 2)
    folded_rows = []

    def fold(frames):
        folded_rows.append(sum(len(f) for f in frames))
        return pd.concat(frames, ignore_index=True)

    folds = summaries._Folds(fold)
    assert folds.result() is None
    added = [pd.DataFrame({"part": [k, k]}) for k in range(256)]
    for frame in added:
        folds.add(frame)
    folds.add(pd.DataFrame({"part": [256]}))  # one more: it waits in the lowest level until the end
    assert folds.result()["part"].tolist() == [k for k in range(256) for _ in (0, 1)] + [256]
    # 513 rows, folded 8 times each in levels (and once more at the end), not again at every fold
    assert sum(folded_rows) <= 513 * 9 + 513


def test_parts_get_their_articles_groups_as_a_merge_would():
    """A part's rows keep their order, lose the articles not in the table, and get the groups of their article."""
    import numpy as np

    articles = pd.DataFrame({"article_id": ["b", "a", "c"], "summit_id": ["2024-astana", None, "2014-dushanbe"],
                             "outlet": ["Tass", "Xinhua", None], "duplicate_of": [None, "c", None]})
    part = pd.DataFrame({"article_id": ["c", "x", "a", "c", "b"], "term": ["t1", "t2", "t3", "t4", "t5"],
                         "count": [1, 2, 3, 4, 5]}, index=[10, 11, 12, 13, 14])
    found = summaries._with_groups(part, *summaries._group_lookup(articles))
    assert found["term"].tolist() == ["t1", "t3", "t4", "t5"]  # "x" is no article of the table
    assert found["summit_id"].tolist() == ["2014-dushanbe", None, "2014-dushanbe", "2024-astana"]
    assert found["outlet"].tolist() == [None, "Xinhua", None, "Tass"]
    assert found["is_duplicate"].tolist() == [False, True, False, False]
    assert found["is_duplicate"].dtype == np.dtype(bool)
    keys = pd.DataFrame({"article_id": ["b", "a", "c"], "summit_id": ["2024-astana", None, "2014-dushanbe"],
                         "outlet": ["Tass", "Xinhua", None], "is_duplicate": [False, True, False]}, dtype=object)
    keys["is_duplicate"] = keys["is_duplicate"].astype(bool)
    pd.testing.assert_frame_equal(found, part.merge(keys, on="article_id", how="inner"))


@pytest.mark.parametrize("which", ["seed", "synthetic"])
def test_every_table_reads_the_same_from_its_parquet_file_as_from_its_csv(which, seed_tables_dir, synthetic_tables_dir,
                                                                         tmp_path):
    import shutil

    folder = seed_tables_dir if which == "seed" else synthetic_tables_dir
    for csv in folder.glob("*.csv"):
        shutil.copy(csv, tmp_path / csv.name)  # the CSV alone
    names = [n for n, t in schema.TABLES.items() if (folder / t.file).is_file()]
    assert {"articles", "sentences", "entities", "claims", "summary_articles"} <= set(names)
    for name in names:
        assert (folder / schema.TABLES[name].file).with_suffix(".parquet").is_file()
        pd.testing.assert_frame_equal(schema.read_table(name, folder), schema.read_table(name, tmp_path), obj=name)


def test_the_overview_reads_only_the_claims_it_shows(synthetic_tables_dir, monkeypatch):
    full = sa.load_tables(synthetic_tables_dir)
    everything = views.contradictions(full)
    assert len(everything) > 3
    monkeypatch.setattr(views, "SHOW_ROWS", 3)
    summ = sa.load_summaries(synthetic_tables_dir)
    shown = views.contradictions(views.originals(summ))
    assert not dict.__contains__(summ, "claims")  # the head only
    pd.testing.assert_frame_equal(shown, everything.head(3), check_dtype=False)
    assert shown.attrs["n_rows"] == len(everything) == len(full["claims"])
    head = summ.head("claims", 2)
    pd.testing.assert_frame_equal(head, full["claims"].head(2))
    assert summ["claims"] is not None and summ.head("claims", 2).attrs["n_rows"] == len(full["claims"])


def test_attendance_view_quotes_its_evidence_from_the_summary_and_looks_up_only_what_is_missing(
        synthetic_tables_dir, monkeypatch):
    full = sa.load_tables(synthetic_tables_dir)
    summit = full["attendance"]["summit_id"].value_counts().index[0]
    everyone = views.summit_attendance(full, summit)
    assert len(everyone) > 2
    asked = []
    real = summaries.sentence_texts
    monkeypatch.setattr(summaries, "sentence_texts", lambda folder, refs: real(folder, asked.extend(refs) or asked))
    monkeypatch.setattr(views, "SHOW_ROWS", 2)
    shown = views.summit_attendance(sa.load_summaries(synthetic_tables_dir), summit)
    pd.testing.assert_frame_equal(shown, everyone.head(2), check_dtype=False)
    assert shown.attrs["n_rows"] == len(everyone)
    assert asked == []  # every quoted sentence is in summary_evidence
    # without the summary's text, only the evidence of the two people shown is looked up
    bare = sa.load_summaries(synthetic_tables_dir)
    dict.__setitem__(bare, "summary_evidence", schema.empty("summary_evidence"))
    pd.testing.assert_frame_equal(views.summit_attendance(bare, summit), shown)
    first_two = full["attendance"][full["attendance"]["summit_id"] == summit].sort_values(["status", "name"]).head(2)
    cited = {r for refs in first_two["evidence"] for r in schema.evidence_refs(refs, views.MAX_EVIDENCE)}
    assert set(asked) == cited


def test_summit_profile_lists_its_first_articles_and_counts_them_without_the_articles_table(
        synthetic_tables_dir, tmp_path, monkeypatch):
    full = sa.load_tables(synthetic_tables_dir)
    summit = full["articles"]["summit_id"].value_counts().index[0]
    everything = views.summit_articles(full, summit)
    assert len(everything) > 3 and everything["lead sentence"].str.len().gt(0).all()
    summ = sa.load_summaries(synthetic_tables_dir)
    pd.testing.assert_frame_equal(views.summit_articles(summ, summit), everything, check_dtype=False)
    counts = summaries.article_counts(summ)
    assert not dict.__contains__(summ, "articles")  # a profile never reads it
    expected = full["articles"]["summit_id"].value_counts()
    assert counts.sort_index().to_dict() == expected.sort_index().to_dict()
    monkeypatch.setattr(summaries, "HEAD_ROWS", 2)
    summaries.write_part({name: [full[name]] for name in pipeline.PART_TABLES}, tmp_path / "parts", 0)
    summaries.write_summaries(tmp_path / "parts", tmp_path, articles=full["articles"])
    capped = summaries.Tables({"summary_articles": schema.read_table("summary_articles", tmp_path)})
    shown = views.summit_articles(capped, summit)
    pd.testing.assert_frame_equal(shown, everything.head(2), check_dtype=False)
    assert shown.attrs["n_rows"] == len(everything)
    assert summaries.article_counts(capped).sort_index().to_dict() == expected.sort_index().to_dict()


def test_evidence_summary_holds_the_first_sentences_each_attendance_and_event_row_quotes(synthetic_tables_dir):
    full = sa.load_tables(synthetic_tables_dir)
    cited = {r for name in ("attendance", "events") for refs in full[name]["evidence"]
             for r in schema.evidence_refs(refs, summaries.EVIDENCE_SENTENCES)}
    longest = max(len(schema.as_list(refs)) for refs in full["events"]["evidence"])
    evidence = schema.read_table("summary_evidence", synthetic_tables_dir)
    keys = list(zip(evidence["article_id"], evidence["sentence_id"]))
    assert set(keys) == cited and len(keys) == len(cited) and keys == sorted(keys)
    sentences = full["sentences"].set_index(["article_id", "sentence_id"])["text"]
    assert list(evidence["text"]) == [sentences[k] for k in keys]
    assert 0 < len(evidence) < len(full["sentences"])
    # the comparison's events table quotes the same sentences from it as from the sentences table
    old = views.events_table(full, summit_ids=FOCUS)
    new = views.events_table(sa.load_summaries(synthetic_tables_dir), summit_ids=FOCUS)
    assert len(old) > 0
    pd.testing.assert_frame_equal(new, old.head(views.SHOW_ROWS), check_dtype=False)
    assert longest > summaries.EVIDENCE_SENTENCES or not any("more sentences)" in e for e in old["evidence"])


def test_views_of_evidence_lists_cut_on_reading_equal_the_whole_lists(synthetic_tables_dir, monkeypatch):
    """load_summaries cuts events' and attendance's evidence lists; the views quote and count as from whole lists."""
    monkeypatch.setattr(summaries, "EVIDENCE_SENTENCES", 3)  # under the build's 10: summary_evidence holds them
    monkeypatch.setattr(views, "MAX_EVIDENCE", 3)
    full, summ = sa.load_tables(synthetic_tables_dir), sa.load_summaries(synthetic_tables_dir)
    for name in summaries.EVIDENCE_TABLES:
        assert (summ[name]["n_evidence"] > 3).any() and summ[name]["evidence"].map(len).max() == 3
        assert summ[name]["n_evidence"].tolist() == full[name]["evidence"].map(len).tolist()
    old, new = views.events_table(full), views.events_table(summ)
    assert any("more sentences)" in cell for cell in new["evidence"])
    pd.testing.assert_frame_equal(new, old.head(views.SHOW_ROWS), check_dtype=False)
    summit = full["attendance"]["summit_id"].value_counts().index[0]
    old, new = views.summit_attendance(full, summit), views.summit_attendance(summ, summit)
    pd.testing.assert_frame_equal(new, old.head(views.SHOW_ROWS), check_dtype=False)
    assert any("more sentences)" in cell for cell in new["evidence"])


def test_evidence_summary_of_hand_made_tables_keeps_the_first_quoted_sentences_once(tmp_path, monkeypatch):
    monkeypatch.setattr(summaries, "EVIDENCE_SENTENCES", 2)
    monkeypatch.setattr(schema, "GROUPS_PER_READ", 1)
    said = {("b", 0): "Modi flew to Astana.", ("b", 1): "He met Tokayev.", ("b", 2): "Talks ran late.",
            ("a", 0): "Xi arrived on Wednesday.", ("a", 1): "", ("c", 0): "Nothing cited here."}
    sentences = schema.conform(pd.DataFrame([
        {"article_id": a, "sentence_id": i, "start": 0, "end": len(t), "text": t, "kind": "body", "is_boilerplate": False}
        for (a, i), t in said.items()]), "sentences")
    for article, rows in sentences.groupby("article_id", sort=False):  # a row group an article, as partitions are
        schema.write_part(rows, "sentences", tmp_path / "parts", ["b", "a", "c"].index(article))
    schema.combine_parts("sentences", tmp_path / "parts", tmp_path)
    attendance = schema.conform(pd.DataFrame([
        {"summit_id": "2024-astana", "entity_id": "modi", "name": "Narendra Modi", "status": "attended",
         "evidence": ["b:0", "b:1", "b:2"]},
        {"summit_id": "2024-astana", "entity_id": "xi", "name": "Xi Jinping", "status": "attended",
         "evidence": ["a:0"]}]), "attendance")
    events = schema.conform(pd.DataFrame([
        {"event_id": "e1", "article_id": "a", "sentence_id": 0, "event_type": "arrival", "evidence": ["a:0", "a:1", "b:2"]},
        {"event_id": "e2", "article_id": "b", "sentence_id": 0, "event_type": "meeting", "evidence": []}]), "events")
    schema.write_table(attendance, "attendance", tmp_path)
    schema.write_table(events, "events", tmp_path)
    summaries.write_evidence(tmp_path)
    got = schema.read_table("summary_evidence", tmp_path)
    assert list(zip(got["article_id"], got["sentence_id"])) == [("a", 0), ("a", 1), ("b", 0), ("b", 1)]
    assert list(got["text"].fillna("")) == ["Xi arrived on Wednesday.", "", "Modi flew to Astana.", "He met Tokayev."]
    # and from the CSV alone (no Parquet beside it), the same
    for name in ("attendance", "events"):
        (tmp_path / f"{name}.parquet").unlink()
    summaries.write_evidence(tmp_path)
    pd.testing.assert_frame_equal(schema.read_table("summary_evidence", tmp_path), got)


def test_sentence_lookups_read_only_the_row_groups_of_the_articles_asked_for(synthetic_tables_dir, monkeypatch):
    import pyarrow.parquet as pq

    file = synthetic_tables_dir / "sentences.parquet"
    assert pq.ParquetFile(file).num_row_groups == 10  # one per partition of 8 articles
    whole = schema.read_table("sentences", synthetic_tables_dir)
    ids = sorted(whole["article_id"].unique())
    asked = [ids[0], ids[1], ids[-1]]
    groups = []
    real = pq.ParquetFile.read_row_groups
    monkeypatch.setattr(pq.ParquetFile, "read_row_groups",
                        lambda self, row_groups, **kw: groups.extend(row_groups) or real(self, row_groups, **kw))
    rows = summaries.article_sentences(synthetic_tables_dir, asked)
    assert groups == [0, 9]
    pd.testing.assert_frame_equal(rows, whole[whole["article_id"].isin(asked)].reset_index(drop=True))
    refs = [(ids[2], 0), (ids[2], 1), (ids[-2], 0)]
    texts = summaries.sentence_texts(synthetic_tables_dir, refs)
    expected = whole.set_index(["article_id", "sentence_id"])["text"]
    assert [texts[r] for r in refs] == [expected[r] for r in refs]
    assert summaries.sentence_texts(synthetic_tables_dir, [("no-such-article", 0)]).empty


def test_the_head_of_a_table_without_its_repeats_counts_only_the_originals(synthetic_tables_dir):
    full = views.originals(sa.load_tables(synthetic_tables_dir))
    stories = views.originals(sa.load_summaries(synthetic_tables_dir))
    for name in ("articles", "claims"):
        head = stories.head(name, 3)
        pd.testing.assert_frame_equal(head.reset_index(drop=True), full[name].head(3).reset_index(drop=True))
        assert head.attrs["n_rows"] == len(full[name])
    assert len(full["articles"]) < len(sa.load_tables(synthetic_tables_dir)["articles"])  # repeats were left out


def test_article_counts_without_repeats_count_only_the_originals(seed_tables_dir, synthetic_tables_dir):
    for folder in (seed_tables_dir, synthetic_tables_dir):
        full = views.originals(sa.load_tables(folder))
        stories = views.originals(sa.load_summaries(folder))
        expected = full["articles"]["summit_id"].value_counts()
        assert summaries.article_counts(stories).sort_index().to_dict() == expected.sort_index().to_dict()
    everything = sa.load_tables(seed_tables_dir)["articles"]
    assert everything["duplicate_of"].notna().any()  # the seeds' two translations of one story count once
    assert summaries.article_counts(sa.load_summaries(seed_tables_dir)).sum() == everything["summit_id"].notna().sum()
