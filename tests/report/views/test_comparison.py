"""The comparison's views: quotations, themes, distinctive words and tone from the summaries."""

from __future__ import annotations

import pandas as pd
import pytest

import scoanalysis as sa
from scoanalysis.exceptions import ParameterError
from scoanalysis.report import views

import built_tables as whole
from built_tables import FOCUS


def _both(folder):
    """The whole tables and the summaries of the tables in `folder`."""
    return sa.load_tables(folder), sa.load_summaries(folder)


@pytest.mark.parametrize("view, args", [
    ('quoted_by_summit', (FOCUS,)),
    ('tone_by_actor_overview', ()),
])
def test_views_show_from_the_summaries_what_the_whole_tables_say(seed_tables_dir, view, args):
    whole.assert_view_shows_what_the_whole_tables_say(seed_tables_dir, view, args)


@pytest.mark.parametrize("view, by", [("theme_overview", "outlet"), ("tone_overview", "outlet"),
                                      ("theme_overview", "summit_id"), ("tone_overview", "summit_id"),
                                      ("distinctive_overview", "summit_id")])
def test_framing_views_show_from_the_summaries_what_the_whole_tables_say(seed_tables_dir, view, by):
    full, summ = _both(seed_tables_dir)
    pd.testing.assert_frame_equal(getattr(whole, view)(full, by=by), getattr(views, view)(summ, by=by), check_dtype=False)


def test_distinctive_words_by_another_column_than_the_summit_is_a_parameter_error(seed_tables_dir):
    with pytest.raises(ParameterError, match="count words by summit only, not by 'outlet'"):
        views.distinctive_overview(sa.load_summaries(seed_tables_dir), by="outlet")
