"""Event ids: days at their granularity, type and slug."""

from __future__ import annotations

import pandas as pd
import pytest

from scoanalysis import events


@pytest.mark.parametrize(
    "earliest, latest, expected",
    [
        ("2024-03-22", "2024-03-22", "2024-03-22-attack-moscow"),
        ("2024-03-01", "2024-03-31", "2024-03-attack-moscow"),
        ("2024-02-01", "2024-02-29", "2024-02-attack-moscow"),
        ("2024-07-08", "2024-07-14", "2024-W28-attack-moscow"),
        ("2017-01-01", "2017-12-31", "2017-attack-moscow"),
        ("2024-03-01", "2024-03-30", "2024-03-01-attack-moscow"),
    ],
)
def test_event_ids_read_as_days_type_and_slug(earliest, latest, expected):
    assert events.event_id(pd.Timestamp(earliest), pd.Timestamp(latest), "attack", "Moscow") == expected
