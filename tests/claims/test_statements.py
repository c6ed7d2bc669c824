"""The statements sentences are read for: memberships, accessions, lists, foundings, counts, offices, summit days."""

from __future__ import annotations

import pandas as pd
import pytest

from scoanalysis.claims.facts import reference_facts
from scoanalysis.patterns import claims as P


def triples(frame: pd.DataFrame) -> set[tuple[str, str, str]]:
    return set(zip(frame["subject"], frame["predicate"], frame["object"]))


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
def test_statements_become_claims(claims_of, raw, date, expected):
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
def test_titles_before_names_are_office_claims(claims_of, raw, person, office, scope):
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
def test_sentences_without_claims(claims_of, raw):
    assert claims_of(raw).empty


def test_tense_polarity_and_hedges(claims_of):
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


@pytest.mark.parametrize("masked", [
    "Former Indian President \ue010P0\ue011 met \ue010C1\ue011's prime minister, \ue010P2\ue011.",
    "His new president \ue010P0\ue011; (the late leader \ue010P1\ue011) and vice-president \ue010P2\ue011",
    "\ue010P0\ue011, the \ue010C1\ue011 president, said. President \ue010P2\ue011 \ue010P3\ue011",
])
def test_office_title_search_finds_what_the_whole_sentence_gives(masked):
    titles = reference_facts(None).titles
    before, _ = P.office_patterns(titles)
    want = [(m.span(), m.groupdict()) for m in before.finditer(masked)]
    assert [(m.span(), m.groupdict()) for m in P.before_name_matches(before, masked, titles)] == want
