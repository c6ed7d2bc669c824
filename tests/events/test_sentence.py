"""One sentence's mentions: umbrella dates, summits that are not the SCO's."""

from __future__ import annotations

import pandas as pd


def test_an_umbrella_date_gives_way_to_the_dated_events_it_includes(read_one):
    m = read_one("Russia suffered two attacks this year, including a shooting in Moscow in March and bombings in Dagestan "
                 "in June.", "2024-07-02")
    assert m["event_type"].tolist() == ["attack", "attack"]
    assert m["earliest"].dt.month.tolist() == [3, 6]


def test_another_organisations_summit_is_not_snapped_to_an_sco_summit(read_one):
    m = read_one("The G7 summit in Italy took place in June.", "2024-07-02", "2024-astana")
    assert m["summit_ref"].isna().all()
    assert m["earliest"].tolist() == [pd.Timestamp("2024-06-01")]
