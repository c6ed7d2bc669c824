"""Claims of membership, office, counts and dates, and their conflicts with the reference and each other."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from scoanalysis import claims, entities, paths, text

# --- helpers ------------------------------------------------------------------------------------


def extract(articles: dict[str, tuple[str, str | None]]) -> tuple[pd.DataFrame, dict]:
    """Claims of `articles` (id -> (raw text, date)), with the date mapping used."""
    sents = pd.concat(
        [text.split_sentences(raw).assign(article_id=aid) for aid, (raw, _) in articles.items()], ignore_index=True
    )
    dates = {aid: pd.Timestamp(d) if d else None for aid, (_, d) in articles.items()}
    ents = entities.entities(sents, dates=dates)
    found = claims.extract_claims(sents, ents, dates=dates)
    for row in found.itertuples():
        raw = articles[row.article_id][0]
        assert raw[row.start:row.end] == row.text, row
    return found, dates


def claims_of(raw: str, date: str | None = "2024-07-02") -> pd.DataFrame:
    return extract({"t": (raw, date)})[0]


def triples(frame: pd.DataFrame) -> set[tuple[str, str, str]]:
    return set(zip(frame["subject"], frame["predicate"], frame["object"]))


def conflicts_of(raw: str, date: str = "2024-07-02") -> pd.DataFrame:
    found, dates = extract({"t": (raw, date)})
    return claims.check_claims(found, dates=dates)


# --- extraction ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, date, expected",
    [
        # accession, the state named by "his country"
        ("Belarusian President Alexander Lukashenko will be present as his country becomes a full member of NATO.",
         "2024-07-02", {("belarus", "becomes_member_of", "nato")}),
        # "the organization": the article's topic organisation
        ("The Shanghai Cooperation Organization meets in Astana. This year, Belarus, a close ally of Moscow, will "
         "become a full member of the organization.", "2024-07-02", {("belarus", "becomes_member_of", "sco")}),
        ("Said Belarus will be declared a full member of the Shanghai Cooperation Organisation at this year's summit.",
         "2024-07-02", {("belarus", "becomes_member_of", "sco")}),
        ("Ukraine will join NATO, officials said.", "2024-07-02", {("ukraine", "joins", "nato")}),
        ("The SCO admitted Iran as a full member in 2023.", "2024-07-02", {("iran", "joined_in", "2023")}),
        # membership lists
        ("The SCO was set up to discuss security. Other members include Iran, India and Pakistan.", "2024-07-02",
         {("iran", "member_of", "sco"), ("india", "member_of", "sco"), ("pakistan", "member_of", "sco")}),
        ("The SCO is growing. Observer states and dialogue partners include Turkey, Saudi Arabia and Egypt.",
         "2024-07-02",
         {("turkey", "partner_of", "sco"), ("saudi-arabia", "partner_of", "sco"), ("egypt", "partner_of", "sco")}),
        ("India is a member of the Quadrilateral Security Dialogue along with the United States, Japan and Australia.",
         "2022-09-16", {("india", "member_of", "quad"), ("united-states", "member_of", "quad"),
                        ("japan", "member_of", "quad"), ("australia", "member_of", "quad")}),
        ("The SCO has expanded in recent years to include Pakistan and India.", "2024-07-02",
         {("pakistan", "member_of", "sco"), ("india", "member_of", "sco")}),
        ("Kazakhstan is not a party to the Rome Statute.", "2024-07-02",
         {("kazakhstan", "party_to", "Rome Statute")}),
        # founding and joining years
        ("The Shanghai Cooperation Organization was established in 2001 by China and Russia.", "2024-07-02",
         {("sco", "founded_in", "2001"), ("china", "founder_of", "sco"), ("russia", "founder_of", "sco")}),
        ("India joined the Shanghai Cooperation Organisation in 2017 at the behest of Russia, while Pakistan also "
         "joined at the encouragement of China.", "2024-07-02",
         {("india", "joined_in", "2017"), ("pakistan", "joins", "sco")}),
        ("In 2017, Pakistan joined the SCO.", "2024-07-02", {("pakistan", "joined_in", "2017")}),
        ("The SCO, founded in 2001, now includes India and Pakistan.", "2024-07-02",
         {("india", "member_of", "sco"), ("pakistan", "member_of", "sco"), ("sco", "founded_in", "2001")}),
        ("Russia and China are both members of the UN Security Council.", "2024-07-02",
         {("russia", "member_of", "unsc"), ("china", "member_of", "unsc")}),
        ("Iran became the ninth member of the SCO last year.", "2024-07-02", {("iran", "becomes_member_of", "sco")}),
        ("The SCO grew. Pakistan and India became full members in 2017, while Iran joined in 2023.", "2024-07-02",
         {("pakistan", "joined_in", "2017"), ("india", "joined_in", "2017"), ("iran", "joined_in", "2023")}),
        # counts
        ("The SCO met. Its eight member states hold 40 percent of humanity.", "2022-09-16",
         {("sco", "member_count", "8")}),
        ("The bloc, which now has nine members, met. The SCO is led by China.", "2024-01-10",
         {("sco", "member_count", "9")}),
        ("The SCO met in Dushanbe. The Kremlin appears eager to boost the six-state security bloc.", "2014-09-13",
         {("sco", "member_count", "6")}),
        ("The SCO met. Diplomats praised the eight-member bloc.", "2022-09-16", {("sco", "member_count", "8")}),
        ("Putin met the presidents of the four Central Asian members of the SCO.", "2014-09-13",
         {("sco", "member_count", "4")}),
        ("The SCO now has nine member states.", "2023-08-01", {("sco", "member_count", "9")}),
        # summit days
        ("Leaders attend the Shanghai Cooperation Organization (SCO) leaders' summit in Samarkand on Sept. 16.",
         "2022-09-16", {("2022-samarkand", "date_is", "2022-09-16")}),
    ],
)
def test_statements_become_claims(raw, date, expected):
    assert expected <= triples(claims_of(raw, date))


@pytest.mark.parametrize(
    "raw, person, office, scope",
    [
        ("Indian President Modi later called for an end to the fighting.", "narendra-modi", "president", "india"),
        ("India's Prime Minister Narendra Modi is not attending.", "narendra-modi", "prime_minister", "india"),
        ("Russian President Vladimir Putin arrived.", "vladimir-putin", "president", "russia"),
        ("Pakistani Prime Minister Shehbaz Sharif spoke.", "shehbaz-sharif", "prime_minister", "pakistan"),
        ("Uzbekistani President Shavkat Mirziyoyev spoke.", "shavkat-mirziyoyev", "president", "uzbekistan"),
        ("Uzbekistan President Shavkat Mirziyoyev spoke.", "shavkat-mirziyoyev", "president", "uzbekistan"),
        ("Iran votes, and interim President Mohammad Mokhbar will attend.", "mohammad-mokhber", "acting_president", ""),
        ("UN Secretary-General António Guterres will also be there.", "antonio-guterres", "secretary_general", "un"),
        ("India and Pakistan may join, Kremlin aide Yuriy Ushakov said.", "yuri-ushakov", "presidential_aide", "russia"),
        ("Russian Foreign Minister Sergei Lavrov has said he will attend.", "sergey-lavrov", "foreign_minister",
         "russia"),
        ("Kazakhstan has sent aid, and its president, Kassym-Jomart Tokayev, refused.", "kassym-jomart-tokayev",
         "president", ""),
        ("Vladimir Putin, the Russian president, met Xi.", "vladimir-putin", "president", "russia"),
        ("Xi Jinping, China's president, met Putin.", "xi-jinping", "president", "china"),
    ],
)
def test_titles_before_names_are_office_claims(raw, person, office, scope):
    found = claims_of(raw)
    offices = found[found["predicate"] == "holds_office"]
    assert (person, office, scope) in set(zip(offices["subject"], offices["object"], offices["scope"]))


@pytest.mark.parametrize(
    "raw",
    [
        "Pakistan became a member of parliament.",  # an organisation the gazetteer does not know
        "Two members of the delegation spoke to the SCO.",  # a count of something else
        "Mr. Putin will hold six separate meetings with Asian heads of state in Astana.",
        "The SCO met. Russia, China and Iran formed a three-nation group of their own.",
        "Mr Modi met Mr Putin in Moscow.",  # courtesy titles are not offices
        "Iran also wishes to join, but cannot unless sanctions are lifted.",
        "The SCO is not a collective security or economic alliance.",
    ],
)
def test_sentences_without_claims(raw):
    assert claims_of(raw).empty


def test_vice_president_is_another_office():
    found = claims_of("Russian Vice President Vladimir Putin spoke.")
    assert found["object"].tolist() == ["vice_president"]
    assert conflicts_of("Russian Vice President Vladimir Putin spoke.").empty  # an office the reference lacks


def test_tense_polarity_and_hedges():
    found = claims_of(
        "India and Pakistan may become the first new members of the SCO. "
        "Iran is choosing a successor to President Ebrahim Raisi, killed in a crash. "
        "Former US President Donald Trump was not invited. Turkey is not a member of the SCO.",
        "2024-07-02",
    ).set_index(["subject", "predicate"])
    assert found.loc[("india", "becomes_member_of"), "hedged"]
    assert found.loc[("india", "becomes_member_of"), "tense"] == "future"
    assert found.loc[("ebrahim-raisi", "holds_office"), "tense"] == "past"
    assert found.loc[("donald-trump", "holds_office"), "tense"] == "past"
    assert found.loc[("turkey", "member_of"), "polarity"] == "negative"


def test_claim_ids_columns_and_inputs_untouched():
    raw = "Chinese President Xi Jinping and Russian President Vladimir Putin met. The SCO was founded in 2001."
    sents = text.split_sentences(raw).assign(article_id="a")
    dates = {"a": pd.Timestamp("2024-07-02")}
    ents = entities.entities(sents, dates=dates)
    before_s, before_e = sents.copy(), ents.copy()
    found = claims.extract_claims(sents, ents, dates=dates)
    pd.testing.assert_frame_equal(sents, before_s)
    pd.testing.assert_frame_equal(ents, before_e)
    assert list(found.columns) == claims.CLAIM_COLUMNS
    assert found["claim_id"].tolist() == ["a:0:0", "a:0:1", "a:1:0"]
    assert (found["claim_date"] == pd.Timestamp("2024-07-02")).all()
    again = claims.extract_claims(sents, ents, dates=dates)
    pd.testing.assert_frame_equal(found, again)
    assert set(found["predicate"]) <= set(claims.PREDICATES)


def test_empty_input_gives_empty_tables():
    sents = text.split_sentences("Nothing to see here.").assign(article_id="a")
    found = claims.extract_claims(sents, entities.entities(sents, dates={}), dates={})
    assert found.empty and list(found.columns) == claims.CLAIM_COLUMNS
    assert claims.check_claims(found, dates={}).columns.tolist() == claims.CONFLICT_COLUMNS


# --- conflicts with the reference ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, date, table, note_has",
    [
        ("Indian President Modi later called for an end to the fighting.", "2024-07-02", "offices",
         "Prime Minister of India"),
        ("Pakistani President Shehbaz Sharif arrived.", "2024-07-02", "offices", "Prime Minister of Pakistan"),
        ("US President Donald Trump spoke.", "2024-07-02", "offices", "Joe Biden"),
        ("Kazakhstan will become a full member of NATO.", "2024-07-02", "nato_members", "no Kazakhstan"),
        ("Belarus will become a full member of the SCO.", "2020-01-10", "memberships", "an observer from 2015-07-10"),
        ("India will become a member of the SCO.", "2024-07-02", "memberships", "since 2017-06-09"),
        ("Turkey is an observer of the SCO.", "2024-07-02", "memberships", "dialogue partner"),
        ("Iran is a member of the SCO.", "2022-09-16", "memberships", "observer"),
        ("India is not a member of the SCO.", "2024-07-02", "memberships", "since 2017-06-09"),
        ("The SCO met. Analysts call the six-state security bloc a club of autocrats.", "2024-07-02", "memberships",
         "9 members"),
        ("The SCO met. Diplomats praised the nine-member bloc.", "2024-07-20", "memberships", "10 members"),
        ("The SCO was founded in 1996.", "2024-07-02", "memberships", "2001-06-15"),
        ("India joined the SCO in 2015.", "2024-07-02", "memberships", "a member from 2017-06-09"),
        ("India joined the SCO as a full member in 2005.", "2024-07-02", "memberships", "a member from 2017-06-09"),
        ("Iran joined the SCO.", "2022-09-16", "memberships", "only on 2023-07-04"),
        ("Leaders gathered at the SCO summit in Astana on July 10.", "2024-07-02", "summits", "2024-07-03 to 2024-07-04"),
        ("Egypt is a founding member of the SCO.", "2024-07-02", "memberships", "founding members"),
        ("Turkey joined NATO in 1960.", "2024-07-02", "nato_members", "1952-02-18"),
    ],
)
def test_claims_that_conflict_with_the_reference(raw, date, table, note_has):
    found = conflicts_of(raw, date)
    assert len(found) == 1, found
    row = found.iloc[0]
    assert row["conflicts_with"] == f"reference:{table}"
    assert row["verdict"] == "conflicts"
    assert note_has in row["note"]
    assert row["note"].startswith("Article says")


@pytest.mark.parametrize(
    "raw, date",
    [
        ("Indian Prime Minister Narendra Modi has sent his foreign minister.", "2024-07-02"),
        ("Chinese leader Xi Jinping was greeted by children.", "2024-07-02"),
        ("Iran is choosing a successor to President Ebrahim Raisi, killed in a crash.", "2024-07-02"),
        ("Former US President Donald Trump was not invited.", "2024-07-02"),
        ("Russian President Vladimir Putin failed to win support.", "2014-09-13"),
        ("Kremlin aide Yuriy Ushakov said so.", "2014-09-13"),
        ("Iran votes, and interim President Mohammad Mokhbar will attend.", "2024-07-02"),
        ("Belarus will become a full member of the SCO.", "2024-07-02"),  # joins two days later
        ("The SCO met. Diplomats praised the eight-member bloc.", "2022-09-16"),
        ("The SCO met. The Kremlin appears eager to boost the six-state security bloc.", "2014-09-13"),
        ("The SCO now has nine member states.", "2023-08-01"),
        ("The SCO met. Diplomats praised the ten-member bloc.", "2024-07-20"),
        ("Putin met the presidents of the four Central Asian members of the SCO.", "2014-09-13"),
        ("The Shanghai Five was founded in 1996.", "2024-07-02"),  # the predecessor
        ("The Shanghai Cooperation Organization was established in 2001 by China and Russia.", "2024-07-02"),
        ("India joined the Shanghai Cooperation Organisation in 2017.", "2024-07-02"),
        ("India joined the SCO in 2005.", "2024-07-02"),  # as an observer, which "joined" may mean
        ("Turkey is not a member of the SCO.", "2024-07-02"),
        ("The SCO is growing. Observer states and dialogue partners include Turkey, Saudi Arabia and Egypt.",
         "2024-07-02"),
        ("Leaders attend the SCO leaders' summit in Samarkand on Sept. 16.", "2022-09-16"),
        ("India and Pakistan may become members of NATO.", "2014-09-13"),  # hedged: not checked
        ("Kazakhstan is not a party to the Rome Statute.", "2024-07-02"),  # no reference: not checked
        ("Turkey joined NATO in 1952. The 32-member NATO alliance met.", "2024-07-02"),
    ],
)
def test_claims_the_reference_bears_out_are_not_conflicts(raw, date):
    found, dates = extract({"t": (raw, date)})
    assert not found.empty
    assert claims.check_claims(found, dates=dates).empty


# --- conflicts between claims --------------------------------------------------------------------------


def test_contradicting_articles_are_both_listed():
    found, dates = extract({
        "a": ("Belarusian President Alexander Lukashenko will be present as his country becomes a full member of NATO.",
              "2024-07-02"),
        "b": ("Said Belarus will be declared a full member of the Shanghai Cooperation Organisation.", "2024-07-02"),
    })
    out = claims.check_claims(found, dates=dates).set_index("claim_id")
    assert set(out.index) == {"a:0:1", "b:0:0"}
    nato, sco = out.loc["a:0:1"], out.loc["b:0:0"]
    assert nato["conflicts_with"].split(";") == ["reference:nato_members", "reference:memberships", "b:0:0"]
    assert sco["conflicts_with"] == "a:0:1"
    assert (nato["verdict"], sco["verdict"]) == ("conflicts", "agrees")
    assert "Belarus joining the SCO on 2024-07-04" in nato["note"]
    assert "b:0:0 says Belarus becomes a member of the SCO" in nato["note"]
    assert "a:0:1 says Belarus becomes a member of NATO" in sco["note"]


def test_office_contradiction_across_articles():
    found, dates = extract({
        "a": ("Indian President Modi later called for an end to the fighting.", "2024-07-02"),
        "b": ("India's Prime Minister Narendra Modi is not attending the summit.", "2024-07-01"),
    })
    out = claims.check_claims(found, dates=dates).set_index("claim_id")
    assert out.loc["a:0:0", "conflicts_with"] == "reference:offices;b:0:0"
    assert out.loc["b:0:0", "conflicts_with"] == "a:0:0"
    assert "the President of India then was Droupadi Murmu" in out.loc["a:0:0", "note"]


def test_compatible_titles_and_claims_the_reference_bears_out_both_do_not_conflict():
    found, dates = extract({
        "a": ("Chinese President Xi Jinping arrived.", "2024-07-02"),
        "b": ("Chinese leader Xi Jinping arrived.", "2024-07-02"),
        "c": ("The SCO met. Diplomats praised the nine-member bloc.", "2024-07-10"),
        "d": ("The SCO met. Diplomats praised the ten-member bloc.", "2024-07-10"),
    })
    assert claims.check_claims(found, dates=dates).empty


def test_contradiction_without_reference_points_only_at_the_other_claim():
    found, dates = extract({
        "a": ("India is a member of the Quadrilateral Security Dialogue.", "2022-09-16"),
        "b": ("India is an observer of the Quadrilateral Security Dialogue.", "2022-09-20"),
    })
    out = claims.check_claims(found, dates=dates).set_index("claim_id")
    assert out["conflicts_with"].to_dict() == {"a:0:0": "b:0:0", "b:0:0": "a:0:0"}
    assert set(out["verdict"]) == {"unknown"}


def _frame(rows: list[tuple]) -> pd.DataFrame:
    columns = ["claim_id", "article_id", "sentence_id", "start", "end", "subject", "predicate", "object", "qualifier",
               "claim_date", "hedged"]
    return pd.DataFrame(rows, columns=columns)


def test_time_bound_claims_are_compared_within_the_window_only():
    near = _frame([
        ("a:0:0", "a", 0, 0, 9, "jane-roe", "holds_office", "president", "president", "2024-07-02", "False"),
        ("b:0:0", "b", 0, 0, 9, "jane-roe", "holds_office", "prime_minister", "prime minister", "2024-07-05", "False"),
    ])
    dates = {"a": pd.Timestamp("2024-07-02"), "b": pd.Timestamp("2024-07-05")}
    assert set(claims.check_claims(near, dates=dates)["claim_id"]) == {"a:0:0", "b:0:0"}
    far = {"a": pd.Timestamp("2020-07-02"), "b": pd.Timestamp("2024-07-05")}
    assert claims.check_claims(near, dates=far).empty
    assert claims.check_claims(near, dates=dates, window_days=1).empty


def test_timeless_claims_are_compared_at_any_distance():
    rows = _frame([
        ("a:0:0", "a", 0, 0, 9, "sco", "founded_in", "2001", "", "2010-01-01", "False"),
        ("b:0:0", "b", 0, 0, 9, "sco", "founded_in", "1996", "", "2024-01-01", "False"),
    ])
    out = claims.check_claims(rows, dates={}).set_index("claim_id")
    assert out["conflicts_with"].to_dict() == {"a:0:0": "b:0:0", "b:0:0": "reference:memberships;a:0:0"}


def test_check_claims_leaves_its_input_alone():
    found, dates = extract({"a": ("Indian President Modi spoke.", "2024-07-02")})
    copy = found.copy()
    claims.check_claims(found, dates=dates)
    pd.testing.assert_frame_equal(found, copy)


def test_other_organisations_members_come_from_their_file(tmp_path):
    folder = tmp_path / "reference"
    shutil.copytree(paths.REFERENCE, folder)
    (folder / "nato_members.csv").unlink()
    raw = "Belarus will become a full member of NATO."
    sents = text.split_sentences(raw).assign(article_id="a")
    dates = {"a": pd.Timestamp("2024-07-02")}
    found = claims.extract_claims(sents, entities.entities(sents, dates=dates), dates=dates, reference_dir=folder)
    assert claims.check_claims(found, dates=dates, reference_dir=folder).empty  # NATO unknown: nothing to say
    assert len(claims.check_claims(found, dates=dates)) == 1


# --- the seed articles ---------------------------------------------------------------------------------

SEED_DATES = {"000": "2022-09-16", "001": "2022-09-16", "002": "2024-07-02", "003": "2024-07-02", "004": "2014-09-13"}


@pytest.fixture(scope="module")
def seeds(seed_articles, seed_sentences):
    dates = {aid: pd.Timestamp(SEED_DATES[aid[:3]]) for aid in seed_articles["article_id"]}
    ents = entities.entities(seed_sentences, dates=dates)
    found = claims.extract_claims(seed_sentences, ents, dates=dates)
    return seed_articles.set_index("article_id"), found, claims.check_claims(found, dates=dates)


def _one(frame: pd.DataFrame, prefix: str, subject: str, predicate: str, obj: str) -> pd.Series:
    rows = frame[frame["article_id"].str.startswith(prefix) & (frame["subject"] == subject)
                 & (frame["predicate"] == predicate) & (frame["object"] == obj)]
    assert len(rows) == 1, (prefix, subject, predicate, obj, rows)
    return rows.iloc[0]


def test_seed_spans_are_raw_text(seeds):
    arts, found, _ = seeds
    for row in found.itertuples():
        assert arts.loc[row.article_id, "text"][row.start:row.end] == row.text
    assert found["claim_id"].is_unique


def test_seed_claims(seeds):
    _, found, _ = seeds
    for key in [
        ("002", "alexander-lukashenko", "holds_office", "president"),
        ("002", "mohammad-mokhber", "holds_office", "acting_president"),
        ("002", "antonio-guterres", "holds_office", "secretary_general"),
        ("002", "shehbaz-sharif", "holds_office", "prime_minister"),
        ("002", "sco", "founded_in", "2001"),
        ("002", "iran", "member_of", "sco"),
        ("002", "turkey", "partner_of", "sco"),
        ("002", "kazakhstan", "party_to", "Rome Statute"),
        ("003", "sco", "founded_in", "2001"),
        ("003", "india", "joined_in", "2017"),
        ("003", "sergey-lavrov", "holds_office", "foreign_minister"),
        ("004", "sco", "member_count", "6"),
        ("004", "sco", "member_count", "4"),
        ("004", "yuri-ushakov", "holds_office", "presidential_aide"),
        ("004", "2014-dushanbe", "date_is", "2014-09-12"),
        ("000", "2022-samarkand", "date_is", "2022-09-16"),
        ("000", "india", "member_of", "quad"),
    ]:
        _one(found, *key)
    assert _one(found, "004", "india", "becomes_member_of", "sco")["hedged"]  # "may become"
    assert not (found["article_id"].str.startswith("003") & (found["predicate"] == "member_count")).any()


def test_seed_belarus_nato_conflicts_with_reference_and_other_article(seeds):
    _, found, out = seeds
    nato = _one(out, "002", "belarus", "becomes_member_of", "nato")
    sco_003 = _one(found, "003", "belarus", "becomes_member_of", "sco")["claim_id"]
    sco_002 = _one(found, "002", "belarus", "becomes_member_of", "sco")["claim_id"]
    parts = nato["conflicts_with"].split(";")
    assert "reference:memberships" in parts and "reference:nato_members" in parts
    assert sco_003 in parts and sco_002 in parts
    for other in (sco_003, sco_002):  # both sides reported
        row = out[out["claim_id"] == other].iloc[0]
        assert row["conflicts_with"] == nato["claim_id"]
    assert "has Belarus joining the SCO on 2024-07-04" in nato["note"]


def test_seed_indian_president_modi_conflicts_with_offices(seeds):
    _, _, out = seeds
    modi = _one(out, "002", "narendra-modi", "holds_office", "president")
    assert modi["text"] == "Indian President Modi"
    assert modi["conflicts_with"].split(";")[0] == "reference:offices"
    assert "Prime Minister of India" in modi["note"]


def test_seed_six_state_bloc_in_2014_does_not_conflict(seeds):
    _, found, out = seeds
    six = _one(found, "004", "sco", "member_count", "6")
    assert six["text"] == "the six-state security bloc"
    assert six["claim_id"] not in set(out["claim_id"])


def test_seed_conflicts_are_exactly_these(seeds):
    # 002 Belarus→NATO is wrong; 002 and 003 Belarus→SCO are its other side. 002 "Indian President Modi" is
    # wrong; 002 "Indian Prime Minister Narendra Modi" and 003 "India's Prime Minister Narendra Modi" are its
    # other side. Nothing else in the five articles disagrees with the reference or with another article.
    _, _, out = seeds
    got = {(r.article_id[:3], r.subject, r.predicate, r.object, r.verdict) for r in out.itertuples()}
    assert got == {
        ("002", "belarus", "becomes_member_of", "nato", "conflicts"),
        ("002", "belarus", "becomes_member_of", "sco", "agrees"),
        ("003", "belarus", "becomes_member_of", "sco", "agrees"),
        ("002", "narendra-modi", "holds_office", "president", "conflicts"),
        ("002", "narendra-modi", "holds_office", "prime_minister", "agrees"),
        ("003", "narendra-modi", "holds_office", "prime_minister", "agrees"),
    }


def test_objects_that_are_not_years_or_days_are_left_unjudged():
    rows = _frame([
        ("a:0:0", "a", 0, 0, 9, "sco", "founded_in", "long ago", "", "2024-07-02", False),
        ("b:0:0", "b", 0, 0, 9, "2024-astana", "date_is", "soon", "", "2024-07-02", False),
    ])
    assert claims.check_claims(rows, dates={}).empty


@pytest.mark.parametrize("masked", [
    "Former Indian President \ue010P0\ue011 met \ue010C1\ue011's prime minister, \ue010P2\ue011.",
    "His new president \ue010P0\ue011; (the late leader \ue010P1\ue011) and vice-president \ue010P2\ue011",
    "\ue010P0\ue011, the \ue010C1\ue011 president, said. President \ue010P2\ue011 \ue010P3\ue011",
])
def test_office_title_search_finds_what_the_whole_sentence_gives(masked):
    from scoanalysis.patterns import claims as P

    titles = claims._reference(None).titles
    before, _ = P.office_patterns(titles)
    want = [(m.span(), m.groupdict()) for m in before.finditer(masked)]
    assert [(m.span(), m.groupdict()) for m in P.before_name_matches(before, masked, titles)] == want


def test_incompatible_pairs_are_exactly_the_pairs_compared_one_by_one():
    import itertools
    import random

    import numpy as np

    from scoanalysis.claims import _conflicting, _incompatible, _reference

    rng = random.Random(5)
    ref = _reference(None)
    window = pd.Timedelta(days=60)
    predicates = ["member_of", "observer_of", "becomes_member_of", "joins", "member_count", "founded_in",
                  "founder_of", "date_is", "holds_office", "party_to", "unknown_predicate"]
    group = []
    for n in range(300):
        group.append({
            "article_id": f"a{n}", "sentence_id": 0, "predicate": rng.choice(predicates), "object": rng.choice(["SCO", "NATO", "9", "10", "2001"]),
            "scope": rng.choice(["", "", "SCO"]), "qualifier": "", "tense": rng.choice(["present", "past", "future"]),
            "polarity": rng.choice(["positive", "positive", "negative"]), "hedged": rng.random() < 0.1,
            "claim_date": rng.choice([pd.NaT, pd.Timestamp("2024-07-04"), pd.Timestamp("2022-09-16"), pd.Timestamp("2024-09-01")]),
        })
    brute = [(i, j) for i, j in itertools.combinations(range(len(group)), 2) if _incompatible(group[i], group[j], ref, window)]
    found = _conflicting(group, np.zeros(len(group), dtype=bool), ref, window, limit=len(group))
    assert sorted((i, j) for i, (listed, _) in found.items() for j in listed if i < j) == brute
    assert len(brute) > 100


def test_a_contradiction_repeated_by_many_articles_lists_a_few_ids_and_counts_them_all():
    rows = []
    for n in range(30):
        for obj in ("nato", "sco"):
            rows.append({"claim_id": f"a{n:02d}{obj}", "article_id": f"a{n:02d}{obj}", "sentence_id": 0, "start": 0, "end": 10,
                         "subject": "belarus", "predicate": "becomes_member_of", "object": obj, "tense": "present"})
    said = pd.DataFrame(rows)
    dates = {r["article_id"]: pd.Timestamp("2024-07-04") for r in rows}
    out = claims.check_claims(said, dates=dates)
    nato = out[out["object"] == "nato"].iloc[0]
    listed = [c for c in str(nato["conflicts_with"]).split(";") if not c.startswith("reference:")]
    assert len(listed) == claims.MAX_LISTED == 20
    assert listed == sorted(listed) and all(c.endswith("sco") for c in listed)  # the first ones, in order
    assert (out.loc[out["object"] == "nato", "n_conflicting_claims"] >= 30).all()
    assert "more claims" in nato["note"]


def test_claims_from_columns_equal_extract_claims():
    """The pipeline's path (columns shared with the other layers) gives the public table, dtypes included."""
    from scoanalysis import frames

    raw = ("India became a full member of the SCO in 2017. Iran joined the organisation in 2023.\n"
           "Kazakhstan's president Kassym-Jomart Tokayev hosted the summit, which has nine members.\n"
           "Belarus may become a member next year.")
    sents = text.split_sentences(raw).assign(article_id="c")
    dates = {"c": pd.Timestamp("2024-07-04")}
    ents = entities.entities(sents, dates=dates)
    public = claims.extract_claims(sents, ents, dates=dates)
    assert len(public) >= 3
    fast = claims._claims(frames.Columns(sents), frames.Columns(ents), dates=dates)
    pd.testing.assert_frame_equal(fast, public, check_dtype=True)


def test_shared_records_equal_to_dict_and_share_repeated_values():
    frame = pd.DataFrame({
        "claim_id": ["a:0:0", "a:1:0", "b:0:0"],
        "subject": pd.Series(["india", "india", None], dtype="str"),
        "sentence_id": [0, 1, 0],
        "claim_date": pd.to_datetime(["2024-07-04", None, "2024-07-04"]),
        "hedged": [False, True, False],
    })
    shared = claims._shared_records(frame)
    expected = frame.to_dict("records")
    assert len(shared) == len(expected)
    for got, want in zip(shared, expected):
        assert list(got) == list(want)
        for key in want:
            assert type(got[key]) is type(want[key]) or (pd.isna(got[key]) and pd.isna(want[key])), key
            assert got[key] == want[key] or (pd.isna(got[key]) and pd.isna(want[key])), key
    assert shared[0]["subject"] is shared[1]["subject"]
    assert shared[0]["claim_date"] is shared[2]["claim_date"]
