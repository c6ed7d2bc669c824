"""Tying dates to triggers: dates that belong to something else date no event."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "Western sanctions linked to the war that began in 2022 have hurt Russia.",  # the year belongs to the war
        "The two leaders have not met since 2019.",  # negated, and "since" makes the year a bound
        "India's economy grew fast in 2017.",  # a year, no event
        "Trade between the two countries has doubled since 2015.",
        "The war in Ukraine, which Russia launched in 2022, dominated the talks.",  # the year stays in its clause
    ],
)
def test_background_years_are_no_events(read_one, text):
    assert read_one(text, "2024-07-02").empty
