"""The entry points: one article's dates equal the three public functions; purity; one article at a time."""

from __future__ import annotations

import pandas as pd
import pytest

from scoanalysis import reference, temporal
from scoanalysis import text as textmod
from temporal.texts import PARTIAL_TEXTS, FRI, OWN, SMALL, sents_of, sents_of_articles


def test_functions_do_not_change_their_input():
    sents = sents_of_articles(OWN)
    before = sents.copy(deep=True)
    temporal.timexes(sents, published={"wire": FRI})
    temporal.infer_published(sents, summits=SMALL)
    temporal.date_conflicts(sents, {"wire": FRI}, summits=SMALL)
    pd.testing.assert_frame_equal(sents, before)


@pytest.mark.parametrize("given", [None, pd.Timestamp("2022-09-16"), pd.Timestamp("2022-09-20")])
@pytest.mark.parametrize("aid", sorted(PARTIAL_TEXTS) + ["plain", "empty"])
def test_article_dates_equals_the_public_functions(aid, given):
    text = PARTIAL_TEXTS.get(aid, {"plain": "Nothing dated here.", "empty": ""}.get(aid))
    sents = sents_of(text, aid)[textmod.SENTENCE_COLUMNS] if text else sents_of("x", aid)[textmod.SENTENCE_COLUMNS].iloc[:0]
    summits = reference.summits()
    dated, times, conflicts = temporal.article_dates(sents, summits=summits, given=given)
    want = temporal.infer_published(sents, summits=summits, metadata={aid: given})
    if not len(want):
        assert dated is None
        published = None
    else:
        want = want.iloc[0]
        assert set(dated) == set(want.index)
        for col in want.index:
            a, b = dated[col], want[col]
            assert (pd.isna(a) and pd.isna(b)) or (a == b and type(a) is type(b)), col
            if isinstance(b, pd.Timestamp):
                assert a.unit == b.unit, col
        published = None if pd.isna(want["published"]) or want["published_source"] == "unknown" else want["published"]
    pd.testing.assert_frame_equal(times, temporal.timexes(sents, published={aid: published}), check_dtype=True)
    want_conflicts = (temporal.date_conflicts(sents, {aid: given}, summits=summits) if given is not None
                      else pd.DataFrame())
    pd.testing.assert_frame_equal(conflicts, want_conflicts, check_dtype=True)
    if aid == "summit":
        assert len(times) > 15 and dated["published_source"] in ("inferred", "metadata")


def test_article_dates_reads_one_article():
    with pytest.raises(ValueError):
        temporal.article_dates(sents_of_articles({"a": "On Friday.", "b": "On Monday."}), summits=None, given=None)
