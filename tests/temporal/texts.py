"""Texts, tables and helpers shared by the temporal tests."""

from __future__ import annotations

from datetime import date

import pandas as pd

from scoanalysis import reference, temporal
from scoanalysis import text as textmod
from scoanalysis.temporal.extract import by_article
from scoanalysis.temporal.published import Article
from scoanalysis.temporal.summit_index import summit_index


def sents_of(text: str, aid: str = "a") -> pd.DataFrame:
    """The sentences of `text`, as article `aid`."""
    return textmod.split_sentences(text).assign(article_id=aid)


def sents_of_articles(texts: dict[str, str]) -> pd.DataFrame:
    """The sentences of several articles (id -> text)."""
    return pd.concat([sents_of(t, aid) for aid, t in texts.items()], ignore_index=True)


def timexes_at(text: str, dct: date | None) -> pd.DataFrame:
    """The timexes of `text` published on `dct` (None: no DCT)."""
    return temporal.timexes(sents_of(text), published={"a": dct} if dct else None)


def only_row(frame: pd.DataFrame, span: str) -> pd.Series:
    """The one timex of `frame` whose text is `span`."""
    rows = frame[frame["text"] == span]
    assert len(rows) == 1, f"expected one timex {span!r}, found {frame['text'].tolist()}"
    return rows.iloc[0]


def day_or_nat(value: str | None):
    return pd.NaT if value is None else pd.Timestamp(value)


def same_or_na(a, b) -> bool:
    return (pd.isna(a) and pd.isna(b)) or a == b


FRI = date(2022, 9, 16)  # a Friday, last day of the Samarkand summit
JUL = date(2024, 7, 2)  # a Tuesday, the eve of the Astana summit


#: Articles written for the publication-date tests: a summit, events without summit, no clues, datelines.
OWN = {
    "bishkek": """SCO leaders gather in Kyrgyzstan

Chinese President Xi Jinping arrived in the Kyrgyz capital Bishkek on Wednesday for a state visit ahead of the Shanghai Cooperation Organization summit.
The two-day summit opens on Thursday, and leaders will sign a joint declaration on Friday.
Indian Prime Minister Narendra Modi will fly to Bishkek on Thursday, avoiding Pakistani airspace.
India and Pakistan joined the group in 2017, and it is the second summit since their accession.
""",
    "border": """Border clashes between Kyrgyzstan and Tajikistan

Fighting broke out on the Kyrgyz-Tajik border on Wednesday, Sept. 14, 2022, and continued on Friday, officials said.
At least 100 people were killed, Kyrgyz authorities said on Saturday.
The two countries agreed a ceasefire on Friday evening, the second in as many days.
Talks between security chiefs will resume next week.
""",
    "essay": """Why Central Asia matters

Central Asia has long been a crossroads of empires. The five states gained independence in 1991 and have balanced Russia and China ever since.
""",
    "wire": """MOSCOW, Sept 16 (Reuters) - Russian President Vladimir Putin met Chinese leader Xi Jinping in Samarkand on Thursday, the Kremlin said.
The SCO summit ends on Friday.
""",
    "dateline": """Putin meets Xi

Published: 16 September 2022 10:32 GMT

Russian President Vladimir Putin met Xi Jinping on Thursday.
""",
}


#: A small summits table: two summits in the same city, one elsewhere.
SMALL = pd.DataFrame({
    "summit_id": ["2017-astana", "2024-astana", "2014-dushanbe"],
    "year": [2017, 2024, 2014],
    "city": ["Astana", "Astana", "Dushanbe"],
    "city_aliases": [["Nur-Sultan"], ["Nur-Sultan"], []],
    "country": ["Kazakhstan", "Kazakhstan", "Tajikistan"],
    "start": pd.to_datetime(["2017-06-08", "2024-07-03", "2014-09-11"]),
    "end": pd.to_datetime(["2017-06-09", "2024-07-04", "2014-09-12"]),
})


#: Articles written for the partial-resolution tests: relative dates, weekdays (repeated, coordinated,
#: "last"/"next"), "last year", ranges, durations, clocks, anaphors, offsets from an event,
#: summit clues (city, "this week", tense), a caption and a yearless date with its weekday.
PARTIAL_TEXTS = {
    "summit": (
        "SAMARKAND, Uzbekistan — Leaders arrived in Samarkand on Wednesday for the SCO summit. "
        "The summit opens on Thursday and Friday, Sept. 15-16, and talks will run until 10:30 p.m. on Friday.\n\n"
        "Last year the group met in Dushanbe. Two days later, ministers flew home. "
        "The day before, officials said the meeting had been planned for two years.\n\n"
        "Xi will meet Putin on Friday, the Kremlin said on Tuesday. Earlier this week, aides met on Monday. "
        "Putin met Xi last Friday and will see him next Tuesday; the talks last for three hours.\n\n"
        "The SCO summit this week follows the 2019 meeting in Bishkek, held 14-15 June. "
        "In May, Mirziyoyev visited Moscow; on May 12 he met Putin.\n\n"
        "Photo: Leaders at the summit on Thursday, Sept. 15.\n\n"
        "The session on Wednesday and Thursday was held in the Congress Centre, annually since 2001."
    ),
    "events": (
        "The bridge opened on March 3, 2021. On Friday, two days after the opening, traffic stopped. "
        "Engineers said on Tuesday that repairs would take a decade. The week before, rain fell.\n\n"
        "Since 2015 the council has met every ſunday. It met on Monday at 9 a.m. and again on Monday evening. "
        "Next month the council will vote; last month it did not. The vote was scheduled for Wednesday, Sept. 7."
    ),
}


def partial_article(aid: str) -> Article:
    """Article `aid` of PARTIAL_TEXTS read against the reference summits."""
    (got_aid, rows), = by_article(sents_of(PARTIAL_TEXTS[aid], aid))
    return Article.build(got_aid, rows, summit_index(reference.summits()))
