"""Tests for scoanalysis.temporal: finding, resolving and dating temporal expressions."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoanalysis import corpus, reference, temporal
from scoanalysis import text as textmod
from scoanalysis.paths import DATA


def _frame(text: str, aid: str = "a") -> pd.DataFrame:
    return textmod.split_sentences(text).assign(article_id=aid)


def _articles(texts: dict[str, str]) -> pd.DataFrame:
    return pd.concat([_frame(t, aid) for aid, t in texts.items()], ignore_index=True)


def _timexes(text: str, dct: date | None) -> pd.DataFrame:
    return temporal.timexes(_frame(text), published={"a": dct} if dct else None)


def _one(frame: pd.DataFrame, span: str) -> pd.Series:
    rows = frame[frame["text"] == span]
    assert len(rows) == 1, f"expected one timex {span!r}, found {frame['text'].tolist()}"
    return rows.iloc[0]


def _d(value: str | None):
    return pd.NaT if value is None else pd.Timestamp(value)


def _same(a, b) -> bool:
    return (pd.isna(a) and pd.isna(b)) or a == b


# --------------------------------------------------------------------------- resolution table

FRI = date(2022, 9, 16)  # a Friday, last day of the Samarkand summit
JUL = date(2024, 7, 2)  # a Tuesday, the eve of the Astana summit

RESOLVE = [
    # relative weeks, months, years
    (FRI, "Last week, Delhi and Beijing began withdrawing.", "Last week", "2022-W36", "2022-09-05", "2022-09-11"),
    (FRI, "Modi plans to travel to Moscow next week.", "next week", "2022-W38", "2022-09-19", "2022-09-25"),
    (FRI, "Leaders meet in Samarkand this week.", "this week", "2022-W37", "2022-09-12", "2022-09-18"),
    (JUL, "China signed a deal last month with Kyrgyzstan.", "last month", "2024-06", "2024-06-01", "2024-06-30"),
    (JUL, "Russia has suffered two attacks this year.", "this year", "2024", "2024-01-01", "2024-12-31"),
    (JUL, "These threats were highlighted earlier this year.", "earlier this year", "2024", "2024-01-01", "2024-07-02"),
    (JUL, "The deal will be signed later this year.", "later this year", "2024", "2024-07-02", "2024-12-31"),
    (JUL, "Talks resume early next year.", "early next year", "2025", "2025-01-01", "2025-04-30"),
    (FRI, "He rested over the weekend.", "the weekend", "2022-W36-WE", "2022-09-10", "2022-09-11"),
    # months by tense
    (date(2024, 7, 10), "Putin and Xi last met in May, when Putin visited Beijing.", "May", "2024-05", "2024-05-01", "2024-05-31"),
    (date(2024, 7, 10), "The leaders will meet again in May.", "May", "2025-05", "2025-05-01", "2025-05-31"),
    (date(2024, 3, 10), "Elections are held in May.", "May", "2024-05", "2024-05-01", "2024-05-31"),
    (date(2024, 7, 10), "Putin's meeting with Xi last May showed support.", "last May", "2024-05", "2024-05-01", "2024-05-31"),
    (date(2024, 1, 10), "Putin's meeting with Xi last May showed support.", "last May", "2023-05", "2023-05-01", "2023-05-31"),
    (JUL, "A Moscow concert hall was attacked in March.", "March", "2024-03", "2024-03-01", "2024-03-31"),
    (JUL, "During the March violence, the United States warned Moscow.", "March", "2024-03", "2024-03-01", "2024-03-31"),
    (FRI, "He arrived mid-June.", "mid-June", "2022-06", "2022-06-11", "2022-06-20"),
    (FRI, "The talks will end in late October.", "late October", "2022-10", "2022-10-21", "2022-10-31"),
    # weekdays by tense
    (FRI, "Xi arrived in Kazakhstan on Wednesday.", "Wednesday", "2022-09-14", "2022-09-14", "2022-09-14"),
    (FRI, "Modi arrived in Samarkand on Friday.", "Friday", "2022-09-16", "2022-09-16", "2022-09-16"),
    (FRI, "Putin will meet Erdogan on Friday.", "Friday", "2022-09-16", "2022-09-16", "2022-09-16"),
    (FRI, "Putin will meet Erdogan on Tuesday.", "Tuesday", "2022-09-20", "2022-09-20", "2022-09-20"),
    (JUL, "Putin expected to arrive on wednesday In Astana.", "wednesday", "2024-07-03", "2024-07-03", "2024-07-03"),
    (JUL, "Xi was greeted by children as he arrived in Astana on Tuesday.", "Tuesday", "2024-07-02", "2024-07-02", "2024-07-02"),
    (FRI, "The talks are on Monday.", "Monday", "2022-09-19", "2022-09-19", "2022-09-19"),
    (date(2024, 7, 3), "Iran is still choosing a successor to Raisi, killed in a crash in May, in a runoff on Friday.",
     "Friday", "2024-07-05", "2024-07-05", "2024-07-05"),
    (FRI, "He met Putin last Friday.", "last Friday", "2022-09-09", "2022-09-09", "2022-09-09"),
    (FRI, "He will see him Friday next week.", "Friday next week", "2022-09-23", "2022-09-23", "2022-09-23"),
    (FRI, "Modi arrived in Samarkand in the early hours of Friday.", "the early hours of Friday", "2022-09-16TMO",
     "2022-09-16", "2022-09-16"),
    (FRI, "He will leave on Saturday morning.", "Saturday morning", "2022-09-17TMO", "2022-09-17", "2022-09-17"),
    # deictic and anaphoric days
    (FRI, "The Kremlin said yesterday that talks went well.", "yesterday", "2022-09-15", "2022-09-15", "2022-09-15"),
    (FRI, "The summit ends today.", "today", "2022-09-16", "2022-09-16", "2022-09-16"),
    (FRI, "Xi flies home tomorrow.", "tomorrow", "2022-09-17", "2022-09-17", "2022-09-17"),
    (FRI, "A banquet is held tonight.", "tonight", "2022-09-16TNI", "2022-09-16", "2022-09-16"),
    (FRI, "Xi arrived on Wednesday; he met Tokayev the day before.", "the day before", "2022-09-13", "2022-09-13", "2022-09-13"),
    (FRI, "Xi arrived on Wednesday and met Putin the next day.", "the next day", "2022-09-15", "2022-09-15", "2022-09-15"),
    # dates with and without a year
    (FRI, "Leaders attend the summit in Samarkand on Sept. 16.", "Sept. 16", "2022-09-16", "2022-09-16", "2022-09-16"),
    (date(2014, 9, 15), "Putin failed to win support at a summit on September 12.", "September 12", "2014-09-12",
     "2014-09-12", "2014-09-12"),
    (FRI, "Modi arrived on Friday, Sept. 16, and met Putin.", "Friday, Sept. 16", "2022-09-16", "2022-09-16", "2022-09-16"),
    (None, "The summit took place on 16 September 2022.", "16 September 2022", "2022-09-16", "2022-09-16", "2022-09-16"),
    (None, "The summit took place on Sept 16, 2022.", "Sept 16, 2022", "2022-09-16", "2022-09-16", "2022-09-16"),
    (None, "The summit took place on 2022-09-16.", "2022-09-16", "2022-09-16", "2022-09-16", "2022-09-16"),
    (None, "The summit took place on 16.09.2022.", "16.09.2022", "2022-09-16", "2022-09-16", "2022-09-16"),
    (None, "Crimea was annexed in March 2014.", "March 2014", "2014-03", "2014-03-01", "2014-03-31"),
    (None, "Growth will slow in late 2023.", "late 2023", "2023", "2023-09-01", "2023-12-31"),
    (None, "Growth slowed in early 2021.", "early 2021", "2021", "2021-01-01", "2021-04-30"),
    (None, "The grouping was founded in 2001.", "2001", "2001", "2001-01-01", "2001-12-31"),
    (None, "At a 2022 SCO meeting, Putin spoke of concerns.", "2022", "2022", "2022-01-01", "2022-12-31"),
    (None, "Relations cooled in the 1990s.", "1990s", "199", "1990-01-01", "1999-12-31"),
    (None, "It snowed in winter 2019.", "winter 2019", "2019-WI", "2019-12-01", "2020-02-29"),
    (FRI, "He left last summer.", "last summer", "2022-SU", "2022-06-01", "2022-08-31"),
    # a year, an earlier mention or the range gives the year
    (FRI, "In 2019, leaders met in Bishkek on June 13.", "June 13", "2019-06-13", "2019-06-13", "2019-06-13"),
    (FRI, "In 2019, Xi visited Bishkek. He arrived on June 12.", "June 12", "2019-06-12", "2019-06-12", "2019-06-12"),
    (None, "The summit was held on Sept. 15-16, 2022.", "16, 2022", "2022-09-16", "2022-09-16", "2022-09-16"),
    (date(2022, 9, 20), "The summit was held on 15-16 September in Samarkand.", "15", "2022-09-15", "2022-09-15",
     "2022-09-15"),
    (FRI, "Xi met Putin at 10 a.m. on Thursday.", "10 a.m.", "2022-09-15T10:00", "2022-09-15", "2022-09-15"),
    # ago
    (date(2024, 7, 2), "Modi advocated closer ties when he took office a decade ago.", "a decade ago", "2014",
     "2014-01-01", "2014-12-31"),
    (FRI, "They have not met since the start of the conflict more than two years ago.", "more than two years ago",
     "2020-09-16", None, "2020-09-16"),
    (FRI, "It rained three days ago.", "three days ago", "2022-09-13", "2022-09-13", "2022-09-13"),
    (FRI, "They met two weeks ago.", "two weeks ago", "2022-W35", "2022-08-29", "2022-09-04"),
    # vague references: no days
    (FRI, "In recent months, India has increased its purchases.", "In recent months", "PAST_REF", None, None),
    (FRI, "The State Department recently estimated the share.", "recently", "PAST_REF", None, None),
    (FRI, "It is rare these days for such a meeting.", "these days", "PRESENT_REF", None, None),
    (FRI, "More members will join soon.", "soon", "FUTURE_REF", None, None),
    # durations and sets: no days
    (FRI, "China has invested heavily for two decades.", "two decades", "P20Y", None, None),
    (FRI, "It was his first trip abroad in almost 1,000 days.", "almost 1,000 days", "P1000D", None, None),
    (FRI, "The war has lasted more than two years.", "more than two years", "P2Y", None, None),
    (FRI, "China has sought to expand its trade for the past 12 years.", "for the past 12 years", "P12Y", None, None),
    (FRI, "The forum has for years focused on security.", "for years", "PXY", None, None),
    (FRI, "Soviet officials fueled these fears for decades.", "for decades", "PXDE", None, None),
    (FRI, "The worst attack in more than a decade.", "more than a decade", "P10Y", None, None),
    (FRI, "The two-day summit opened.", "two-day", "P2D", None, None),
    (FRI, "They meet at the annual session.", "annual", "P1Y", None, None),
    (FRI, "The group meets annually.", "annually", "P1Y", None, None),
    (FRI, "The leaders meet every year.", "every year", "P1Y", None, None),
    (FRI, "The council meets twice a year.", "twice a year", "P1Y", None, None),
]


@pytest.mark.parametrize("dct,sentence,span,value,earliest,latest", RESOLVE, ids=[f"{r[2]}|{r[1][:30]}" for r in RESOLVE])
def test_resolve(dct, sentence, span, value, earliest, latest):
    row = _one(_timexes(sentence, dct), span)
    assert row["value"] == value
    assert _same(row["earliest"], _d(earliest))
    assert _same(row["latest"], _d(latest))


MODS = [
    ("It was his first trip abroad in almost 1,000 days.", "almost 1,000 days", "DURATION", "LESS_THAN"),
    ("The war has lasted more than two years.", "more than two years", "DURATION", "MORE_THAN"),
    ("Modi took office a decade ago.", "a decade ago", "DATE", "APPROX"),
    ("They have not met since the conflict began more than two years ago.", "more than two years ago", "DATE", "BEFORE"),
    ("Modi arrived in the early hours of Friday.", "the early hours of Friday", "TIME", "START"),
    ("The group meets annually.", "annually", "SET", ""),
    ("He arrived mid-June.", "mid-June", "DATE", "MID"),
]


@pytest.mark.parametrize("sentence,span,timex_type,mod", MODS)
def test_type_and_mod(sentence, span, timex_type, mod):
    row = _one(_timexes(sentence, FRI), span)
    assert row["timex_type"] == timex_type
    assert (row["mod"] or "") == mod


# --------------------------------------------------------------------------- things that are not dates

NOT_TIMEXES = [
    ("Russia may encroach on their lands as well.", "may"),
    ("Russia’s invasion of Ukraine may have sowed divisions.", "may"),
    ("Russia May Encroach On Central Asia", "May"),
    ("Theresa May met Xi in Beijing.", "May"),
    ("The March on Washington drew crowds.", "March"),
    ("Protesters began the march on the capital.", "march"),
    ("Gunmen killed 145 people at a concert hall.", "145"),
    ("India sources more than 50% of its equipment from Russia.", "50"),
    ("At least 21 people were killed.", "21"),
    ("They have met more than 40 times.", "40"),
    ("More than 99 percent of investment comes from China.", "99"),
    ("Russia sent 2000 troops.", "2000"),
    ("Ties date back to the Cold War.", "Cold War"),
    ("They meet for the second time in as many months.", "months"),
    ("Shoppers crowded stores on Black Friday.", "Friday"),
    ("Russia Today reported the talks.", "Today"),
    ("Modi will hold one-on-one meetings.", "one"),
    ("Saudi Vision 2030 was discussed.", "2030"),
]


@pytest.mark.parametrize("sentence,token", NOT_TIMEXES)
def test_not_a_timex(sentence, token):
    found = _timexes(sentence, FRI)
    assert not any(token in t for t in found["text"]), found[["text", "value"]]


def test_no_timex_in_plain_prose():
    assert _timexes("Kazakhstan has refused to toe the Moscow line.", FRI).empty


# --------------------------------------------------------------------------- coordination, anchors, offsets


def test_coordinated_weekdays_are_two_timexes_the_second_anchored_to_the_first():
    found = _timexes("They will now hold meetings on Wednesday and Thursday in Astana.", JUL)
    wed, thu = _one(found, "Wednesday"), _one(found, "Thursday")
    assert (wed["value"], thu["value"]) == ("2024-07-03", "2024-07-04")
    assert wed["anchor"] == "dct"
    assert thu["anchor"] == f"{wed['start']}:{wed['end']}"


def test_coordinated_years_and_ranges():
    found = _timexes("Border clashes in 2020 and 2022; sanctions from 2014 to 2019.", FRI)
    assert found["value"].tolist() == ["2020", "2022", "2014", "2019"]
    assert set(found["anchor"]) == {"absolute"}


def test_range_across_months_with_dash():
    found = _timexes("The summit was held Aug. 31\u2013Sept. 1.", FRI)
    aug, sep = _one(found, "Aug. 31"), _one(found, "Sept. 1")
    assert (aug["value"], sep["value"]) == ("2022-08-31", "2022-09-01")
    assert sep["anchor"] == f"{aug['start']}:{aug['end']}"


def test_year_earlier_in_sentence_anchors_a_yearless_date():
    text = "In 2019, leaders met in Bishkek on June 13."
    found = _timexes(text, FRI)
    year, day = _one(found, "2019"), _one(found, "June 13")
    assert day["anchor"] == f"{year['start']}:{year['end']}"


def test_same_weekday_later_in_article_reuses_the_first():
    text = "The summit is on Wednesday and Thursday in Astana.\n\nOn Thursday, Putin will meet Xi."
    found = _timexes(text, JUL)
    first, second = found[found["text"] == "Thursday"].iloc[0], found[found["text"] == "Thursday"].iloc[1]
    assert second["value"] == first["value"] == "2024-07-04"
    assert second["anchor"] == f"{first['start']}:{first['end']}"


def test_unresolved_without_publication_date():
    found = _timexes("The summit in Samarkand on Sept. 16 began on Wednesday; last week was calm; it was founded in 2001.", None)
    assert _one(found, "Sept. 16")["value"] == "XXXX-09-16"
    assert _one(found, "Wednesday")["value"] == "XXXX-WXX-3"
    assert _one(found, "last week")["value"] == "XXXX-WXX"
    assert found.loc[found["text"] != "2001", "earliest"].isna().all()
    assert _one(found, "2001")["anchor"] == "absolute"


def test_weekday_names_in_lower_case():
    assert _one(_timexes("Putin will arrive on wednesday.", FRI), "wednesday")["value"] == "2022-09-21"


def test_table_keeps_the_contract():
    found = _timexes("Modi arrived on Friday, two years after the 2020 clashes.", FRI)
    assert list(found.columns[:10]) == [
        "article_id", "sentence_id", "start", "end", "text", "timex_type", "value", "earliest", "latest", "anchor"]
    assert str(found["earliest"].dtype) == "datetime64[ns]" and str(found["latest"].dtype) == "datetime64[ns]"
    assert set(found["timex_type"]) <= {"DATE", "TIME", "DURATION", "SET"}


def test_captions_searched_debris_skipped():
    sents = pd.DataFrame({
        "article_id": ["a", "a"], "sentence_id": [0, 1], "start": [0, 40], "end": [39, 52],
        "text": ["Leaders attend the summit on Sept. 16.", "Share 2 June"], "is_boilerplate": [True, True],
        "paragraph_id": [0, 1], "kind": ["caption", "prompt"],
    })
    found = temporal.timexes(sents, published={"a": FRI})
    assert found["text"].tolist() == ["Sept. 16"]
    assert (found["start"].iloc[0], found["end"].iloc[0]) == (29, 37)


# --------------------------------------------------------------------------- property: weeks shift days

_TEMPLATES = [
    "He arrived on {wd}.", "They will meet on {wd}.", "The talks are on {wd}.", "Last week was calm.",
    "Next week is busy.", "He left yesterday.", "She comes tomorrow.", "It rained three days ago.",
    "They met on {wd} and {wd2}.", "He came on {wd}; he met Xi the day before.", "It happened two weeks ago.",
    "The deal was signed last {wd}.", "He rested over the weekend.", "They meet {wd} next week.",
    "Modi arrived in the early hours of {wd}.", "The summit opens this week.", "He will fly in on {wd} morning.",
]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    dct=st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31)),
    weeks=st.integers(min_value=-80, max_value=80),
    picks=st.lists(st.tuples(st.sampled_from(_TEMPLATES), st.sampled_from(_WEEKDAYS), st.sampled_from(_WEEKDAYS)),
                   min_size=1, max_size=4),
)
def test_shifting_dct_by_whole_weeks_shifts_relative_days(dct, weeks, picks):
    text = " ".join(t.format(wd=a, wd2=b) for t, a, b in picks)
    shift = timedelta(days=7 * weeks)
    one = temporal.timexes(_frame(text), published={"a": dct})
    two = temporal.timexes(_frame(text), published={"a": pd.Timestamp(dct + shift)})
    assert one["text"].tolist() == two["text"].tolist()
    assert one["anchor"].tolist() == two["anchor"].tolist()
    relative = one["earliest"].notna() | one["latest"].notna()
    assert relative.any()
    for col in ("earliest", "latest"):
        a, b = one.loc[relative, col], two.loc[relative, col]
        assert ((b - a).dropna() == pd.Timedelta(shift)).all()
        assert (a.isna() == b.isna()).all()


# --------------------------------------------------------------------------- publication dates: seeds


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    arts = corpus.read_corpus(DATA)
    return textmod.sentences(arts, tokenizer=textmod.train_punkt(arts.text))


@pytest.fixture(scope="module")
def seed_dates(seeds) -> pd.DataFrame:
    return temporal.infer_published(seeds, summits=reference.summits()).set_index("article_id")


SEED_TRUTH = {
    "000": ([date(2022, 9, 16)], "2022-samarkand", 3),
    "001": ([date(2022, 9, 16)], "2022-samarkand", 3),
    "002": ([date(2024, 7, 2), date(2024, 7, 3)], "2024-astana", 8),
    "003": ([date(2024, 7, 2), date(2024, 7, 3)], "2024-astana", 3),
    "004": ([date(2014, 9, 12), date(2014, 9, 13)], "2014-dushanbe", 9),
}


@pytest.mark.parametrize("prefix", sorted(SEED_TRUTH))
def test_seed_window_holds_the_true_date_and_is_narrow(seed_dates, prefix):
    row = seed_dates[seed_dates.index.str.startswith(prefix)].iloc[0]
    days, summit_id, width = SEED_TRUTH[prefix]
    assert row["published_source"] == "inferred"
    assert row["published_summit_id"] == summit_id
    lo, hi = row["published_earliest"].date(), row["published_latest"].date()
    assert all(lo <= d <= hi for d in days), (lo, hi)
    assert (hi - lo).days + 1 <= width
    assert lo <= row["published"].date() <= hi
    assert summit_id in row["published_evidence"]


def test_seed_best_days(seed_dates):
    best = {aid[:3]: d.date() for aid, d in seed_dates["published"].items()}
    assert best["000"] == best["001"] == date(2022, 9, 16)
    assert best["002"] in (date(2024, 7, 2), date(2024, 7, 3))
    assert best["003"] in (date(2024, 7, 2), date(2024, 7, 3))
    assert date(2014, 9, 12) <= best["004"] <= date(2014, 9, 16)


def test_seed_timexes_at_true_dates(seeds):
    truth = {"000": FRI, "001": FRI, "002": JUL, "003": JUL, "004": date(2014, 9, 15)}
    published = {aid: truth[aid[:3]] for aid in seeds["article_id"].unique()}
    found = temporal.timexes(seeds, published=published)
    raw = dict(zip(*corpus.read_corpus(DATA)[["article_id", "text"]].T.values))
    assert all(raw[a][s:e] == t for a, s, e, t in zip(found["article_id"], found["start"], found["end"], found["text"]))
    by = {(a[:3], t): v for a, t, v in zip(found["article_id"], found["text"], found["value"])}
    assert by[("000", "the early hours of Friday")] == "2022-09-16TMO"
    assert by[("000", "Wednesday")] == "2022-09-14"
    assert by[("000", "Sept. 16")] == "2022-09-16"
    assert by[("002", "Thursday")] == "2024-07-04"
    assert by[("002", "Friday")] == "2024-07-05"
    assert by[("003", "next week")] == "2024-W28"
    assert by[("003", "a decade ago")] == "2014"
    assert by[("004", "September 12")] == "2014-09-12"
    assert ("002", "May") in by and not any(t.lower() == "may" for (a, t) in by if a == "001")


def test_seed_dates_raise_no_conflicts(seeds):
    truth = {"000": FRI, "001": FRI, "002": JUL, "003": JUL, "004": date(2014, 9, 15)}
    published = {aid: truth[aid[:3]] for aid in seeds["article_id"].unique()}
    assert temporal.date_conflicts(seeds, published, summits=reference.summits()).empty


def test_wrong_metadata_dates_conflict_with_the_text(seeds):
    wrong = {aid: date(2024, 7, 6) if aid.startswith("002") else None for aid in seeds["article_id"].unique()}
    found = temporal.date_conflicts(seeds, wrong, summits=reference.summits())
    assert set(found["article_id"].str[:3]) == {"002"}
    assert {"Wednesday", "Thursday"} <= set(found["text"])
    assert found["note"].str.contains("2024-astana").any()


# --------------------------------------------------------------------------- publication dates: own articles

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


@pytest.fixture(scope="module")
def own_dates() -> pd.DataFrame:
    return temporal.infer_published(_articles(OWN), summits=reference.summits()).set_index("article_id")


def test_bishkek_2019_is_told_from_the_other_bishkek_summits(own_dates):
    row = own_dates.loc["bishkek"]
    assert row["published_summit_id"] == "2019-bishkek"
    assert row["published_earliest"] <= pd.Timestamp("2019-06-12") <= row["published_latest"]
    assert (row["published_latest"] - row["published_earliest"]).days <= 2


def test_article_about_no_summit_is_dated_by_its_events(own_dates):
    row = own_dates.loc["border"]
    assert row["published_source"] == "inferred" and row["published_summit_id"] == ""
    assert row["published_earliest"] <= pd.Timestamp("2022-09-18") <= row["published_latest"]
    assert (row["published_latest"] - row["published_earliest"]).days <= 7
    assert row["published"] == pd.Timestamp("2022-09-18")


def test_article_without_clues_is_unknown_with_a_lower_bound(own_dates):
    row = own_dates.loc["essay"]
    assert row["published_source"] == "unknown"
    assert pd.isna(row["published"]) and pd.isna(row["published_latest"])
    assert row["published_earliest"] == pd.Timestamp("1991-01-01")


@pytest.mark.parametrize("aid", ["wire", "dateline"])
def test_datelines_fix_the_day(own_dates, aid):
    row = own_dates.loc[aid]
    assert row["published"] == row["published_earliest"] == row["published_latest"] == pd.Timestamp("2022-09-16")
    assert "dateline" in row["published_evidence"]


def test_metadata_wins_and_the_window_still_comes_from_text():
    out = temporal.infer_published(_frame(OWN["bishkek"], "b"), summits=reference.summits(),
                                   metadata={"b": pd.Timestamp("2019-06-13")}).iloc[0]
    assert out["published_source"] == "metadata" and out["published"] == pd.Timestamp("2019-06-13")
    assert out["published_earliest"] <= pd.Timestamp("2019-06-12") <= out["published_latest"]


# --------------------------------------------------------------------------- publication dates: a small summits table

SMALL = pd.DataFrame({
    "summit_id": ["2017-astana", "2024-astana", "2014-dushanbe"],
    "year": [2017, 2024, 2014],
    "city": ["Astana", "Astana", "Dushanbe"],
    "city_aliases": [["Nur-Sultan"], ["Nur-Sultan"], []],
    "country": ["Kazakhstan", "Kazakhstan", "Tajikistan"],
    "start": pd.to_datetime(["2017-06-08", "2024-07-03", "2014-09-11"]),
    "end": pd.to_datetime(["2017-06-09", "2024-07-04", "2014-09-12"]),
})


@pytest.mark.parametrize("text,summit_id", [
    ("Leaders gather in Astana for the SCO summit.", ""),
    ("Leaders gather in Astana for the SCO summit, two years after the invasion of Ukraine in 2022.", "2024-astana"),
    ("The SCO summit will be held in Astana on Wednesday and Thursday.", "2024-astana"),
    ("The SCO summit will be held in Astana on Thursday and Friday.", "2017-astana"),
    ("Leaders gather in Astana, which hosted the SCO summit seven years ago.", "2024-astana"),
    ("Belarus is expected to join at this year's summit in Astana, the first since the invasion in 2022.", "2024-astana"),
])
def test_host_city_disambiguated_by_other_clues(text, summit_id):
    out = temporal.infer_published(_frame(text), summits=SMALL).iloc[0]
    assert out["published_summit_id"] == summit_id
    assert out["published_source"] == ("inferred" if summit_id else "unknown")


def test_weekdays_with_tense_narrow_the_window():
    text = "Xi arrived in Astana on Tuesday. Putin will arrive in Astana on Wednesday for the start of the SCO summit."
    out = temporal.infer_published(_frame(text), summits=SMALL[SMALL["year"] == 2024]).iloc[0]
    assert (out["published_earliest"], out["published_latest"]) == (pd.Timestamp("2024-07-02"), pd.Timestamp("2024-07-03"))


def test_summits_table_may_be_empty():
    out = temporal.infer_published(_frame("The SCO summit opens in Astana on Wednesday."), summits=SMALL.iloc[0:0]).iloc[0]
    assert out["published_source"] == "unknown"


# --------------------------------------------------------------------------- conflicts and purity


def test_weekday_that_does_not_match_its_date_is_a_conflict():
    found = temporal.date_conflicts(_frame("The meeting is set for Friday 2022-09-17."), {"a": FRI}, summits=SMALL)
    assert found["text"].tolist() == ["Friday 2022-09-17"]
    assert "Saturday" in found["note"].iloc[0]
    assert temporal.date_conflicts(_frame("Modi arrived on Friday, Sept. 16."), {"a": FRI}, summits=SMALL).empty


def test_past_event_after_publication_is_a_conflict():
    found = temporal.date_conflicts(_frame("Putin met Xi on Sept. 20, 2022."), {"a": FRI}, summits=SMALL)
    assert len(found) == 1 and "2022-09-20" in found["note"].iloc[0]


def test_functions_do_not_change_their_input():
    sents = _articles(OWN)
    before = sents.copy(deep=True)
    temporal.timexes(sents, published={"wire": FRI})
    temporal.infer_published(sents, summits=SMALL)
    temporal.date_conflicts(sents, {"wire": FRI}, summits=SMALL)
    pd.testing.assert_frame_equal(sents, before)


# --------------------------------------------------------------------------- rule gates and fast paths


def _ungated_candidates(folded: str, raw: str):
    """What ``_candidates`` finds when every rule's regex runs, for comparison with the gated one."""
    from scoanalysis.patterns import temporal as P

    out = []
    for rule, rx in P.RULES:
        for m in rx.finditer(folded):
            if m.end() == m.start():
                continue
            c = temporal._BUILDERS[rule](m, folded, raw)
            if c is not None:
                out.extend(c) if isinstance(c, list) else out.append(c)
    out.sort(key=lambda c: (-(c.e - c.s), P.RULE_ORDER[c.rule], c.s))
    taken = []
    for c in out:
        if all(c.e <= t.s or c.s >= t.e for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.s)


_GATE_WORDS = (
    "Monday Mondays on Sept. 16 15-16 2022 1990s in last next this week weekend year years ago later before after "
    "the a two twenty-one half and - / , early mid hours of Friday morning tonight Today yesterday May may March "
    "spring fall century 21st every each per Annually twice times a.m. 10:30 noon noonday midnight GMT recently "
    "soon now present-day these days moment future coming few ahead recent past weeks decades for several "
    "year-long seconds 1,000 since 2020-2022 2019/20 12/09/2022 2022-09-16 16.09.2022 Thursday JANUARY Jan. Dec "
    "31st December following earlier first quarter more than almost about SCO summit was will has"
).split()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_GATE_WORDS), st.sampled_from([" ", ", ", "-", "", "  "])), min_size=1,
                max_size=14))
def test_rule_gates_never_hide_a_match(parts):
    raw = "".join(w + sep for w, sep in parts)
    folded = textmod.fold(raw)
    assert repr(temporal._candidates.__wrapped__(folded, raw)) == repr(_ungated_candidates(folded, raw))


@pytest.mark.parametrize("raw", [
    "They met on ſunday.",  # a letter that is "s" only ignoring case: every rule runs
    "The KELVIN report of 2022 came at noonday, at 10:30 GMT, on the 5th century anniversary.",
    "Leaders arrived on Tuesday, Sept. 13, 2022, for the summit in Samarkand.",
])
def test_rule_gates_on_awkward_text(raw):
    folded = textmod.fold(raw)
    try:
        expected = repr(_ungated_candidates(folded, raw))
    except Exception as e:  # noqa: BLE001 - the gated version must fail the same way
        with pytest.raises(type(e)):
            temporal._candidates.__wrapped__(folded, raw)
        return
    assert repr(temporal._candidates.__wrapped__(folded, raw)) == expected


def test_timexes_fast_table_matches_conform():
    from scoanalysis import schema

    text = ("In the 1990s, and again on Sept. 16, 2022, leaders met. They will meet next week for two days. "
            "It is an annual event, held twice a year since 2001.")
    frame = _frame(text)
    dct = date(2022, 9, 17)
    got = temporal.timexes(frame, published={"a": dct})
    mentions = temporal._find_article_mentions("a", temporal._by_article(frame)[0][1])
    rows = [temporal._row(m, r) for m, r in zip(mentions, temporal._resolve_all(mentions, dct))]
    slow = schema.conform(pd.DataFrame(rows, columns=temporal.TIMEX_COLUMNS), "timexes")
    slow = slow.sort_values(["article_id", "start", "end"], kind="stable").reset_index(drop=True)
    assert len(got) > 5
    pd.testing.assert_frame_equal(got, slow, check_dtype=True)


def test_by_article_fills_and_orders_like_pandas():
    frame = pd.DataFrame({
        "article_id": ["b", "a", "a", "b"], "sentence_id": [0, 1, 0, 1], "start": [0, 10, 0, 5],
        "end": [4, 14, 9, 9], "text": ["x", None, "y", "z"], "kind": ["body", None, "caption", "body"],
        "paragraph_id": [0, None, 0, 1],
    })
    fast = temporal._by_article(frame)
    slow = temporal._by_article_frame(frame)
    assert [(a, [tuple(r) for r in rows]) for a, rows in fast] == [(a, [tuple(r) for r in rows]) for a, rows in slow]
    assert [a for a, _ in fast] == ["a", "b"]
    assert fast[0][1][1].kind == "body" and fast[0][1][1].text == "" and fast[0][1][1].paragraph_id == 1


# --------------------------------------------------------------------------- fast paths equal the plain ones

#: Articles written for the fast-path tests: relative dates, weekdays (repeated, coordinated,
#: "last"/"next"), "last year", ranges, durations, clocks, anaphors, offsets from an event,
#: summit clues (city, "this week", tense), a caption and a yearless date with its weekday.
_FAST_TEXTS = {
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


def _fast_article(aid: str) -> temporal._Article:
    (got_aid, rows), = temporal._by_article(_frame(_FAST_TEXTS[aid], aid))
    return temporal._Article.build(got_aid, rows, temporal._summit_index(reference.summits()))


@pytest.mark.parametrize("aid", sorted(_FAST_TEXTS))
def test_candidate_days_resolve_as_in_full(aid):
    art = _fast_article(aid)
    mentions = art.mentions
    needed = [i for i, r in enumerate(art.resolved(date(2022, 9, 16))) if r is not None]
    assert len(mentions) > 10 and 0 < len(needed) < len(mentions)
    days = [date(2022, 9, 1) + timedelta(days=k) for k in range(40)] + [date(2021, 3, 4), date(2024, 2, 29)]
    for d in days:
        full = temporal._resolve_all(mentions, d)  # no shortcut: every mention, in text order
        assert art.resolved_all(d) == full, d
        part = art.resolved(d)
        assert [part[i] for i in needed] == [full[i] for i in needed], d
        # what the clues read is among what was resolved
        assert all(part[c.reads] == full[c.reads] for c in art.clues if c.reads is not None), d


@pytest.mark.parametrize("aid", sorted(_FAST_TEXTS))
def test_day_scores_and_clue_conditions_equal_score(aid):
    art = _fast_article(aid)
    hyps = art.hypotheses() + [temporal._Hyp("none", [date(2022, 9, 10) + timedelta(days=k) for k in range(10)])]
    assert any(h.summit is None for h in hyps) and any(h.summit is not None for h in hyps) or aid == "events"
    assert any(c.when is not None for c in art.clues)
    for h in hyps:
        assert art.day_scores(h) == [art.score(h, d)[0] for d in h.days], h.key
        for c in art.clues:
            if c.when is not None and not c.when(h):
                assert all(c.check(h, d, temporal._resolve_all(art.mentions, d)) is None for d in h.days), c.kind


def test_read_sets_cover_what_resolution_reads():
    """Resolving a mention against lists that hold only what ``_reads`` names gives the full result."""
    for aid in _FAST_TEXTS:
        art = _fast_article(aid)
        mentions = art.mentions
        reads = temporal._dependencies(mentions)
        for d in (date(2022, 9, 16), date(2021, 3, 8)):
            full = temporal._resolve_all(mentions, d)
            waits = [(m.link is not None and m.link > i) or m.f.get("k") == "clock" for i, m in enumerate(mentions)]
            # while the others resolve, the mentions that wait read as empty
            seen = [temporal._Res("") if w else r for w, r in zip(waits, full)]
            for i, m in enumerate(mentions):
                if waits[i]:
                    continue  # resolved after the others: covered by test_candidate_days_resolve_as_in_full
                only = [seen[j] if j in reads[i] else None for j in range(i)]
                assert temporal._resolve_one(i, m, mentions, only, d) == full[i], (aid, m.text)


@pytest.mark.parametrize("given", [None, pd.Timestamp("2022-09-16"), pd.Timestamp("2022-09-20")])
@pytest.mark.parametrize("aid", sorted(_FAST_TEXTS) + ["plain", "empty"])
def test_article_dates_equals_the_public_functions(aid, given):
    text = _FAST_TEXTS.get(aid, {"plain": "Nothing dated here.", "empty": ""}.get(aid))
    sents = _frame(text, aid)[textmod.SENTENCE_COLUMNS] if text else _frame("x", aid)[textmod.SENTENCE_COLUMNS].iloc[:0]
    summits = reference.summits()
    dated, times, conflicts = temporal._article_dates(sents, summits=summits, given=given)
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
        temporal._article_dates(_articles({"a": "On Friday.", "b": "On Monday."}), summits=None, given=None)


def test_timex_text_columns_are_what_pandas_builds():
    values = ["2022-09-16", "", "ſunday", "a"]
    fast, plain = temporal._string_array(values), pd.array(values, dtype="string")
    assert type(fast) is type(plain) and fast.dtype == plain.dtype and fast.tolist() == plain.tolist()
    assert fast.__arrow_array__().type == plain.__arrow_array__().type


# --------------------------------------------------------------------------- reported bugs


def test_century_before_1678_keeps_its_value_without_days():
    got = _timexes("Buddhism reached the valley in the 5th century and Islam in the 8th century.", date(2022, 9, 16))
    row = _one(got, "5th century")
    assert row["value"] == "04" and row["granularity"] == "century"
    assert pd.isna(row["earliest"]) and pd.isna(row["latest"])
    assert str(got["earliest"].dtype) == "datetime64[ns]"
    # a century that fits keeps its days
    row = _one(_timexes("It was built in the 19th century.", date(2022, 9, 16)), "19th century")
    assert row["earliest"] == pd.Timestamp("1800-01-01") and row["latest"] == pd.Timestamp("1899-12-31")


@pytest.mark.parametrize("text, span, value", [
    ("The council meets every ſunday in the square.", "every ſunday", "XXXX-WXX-7"),
    ("The council meets every Sunday in the square.", "every Sunday", "XXXX-WXX-7"),
])
def test_set_with_long_s_weekday(text, span, value):
    row = _one(_timexes(text, date(2022, 9, 16)), span)
    assert row["timex_type"] == "SET" and row["value"] == value


def test_weekday_with_long_s_resolves():
    row = _one(_timexes("They arrived on ſaturday.", date(2022, 9, 16)), "ſaturday")
    assert row["value"] == "2022-09-10"
