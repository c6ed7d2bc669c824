"""The reference tables of data/reference, read once: summits and their patterns, names, offices, memberships."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date

import pandas as pd
import pytest

from scoanalysis import paths, reference
from scoanalysis.exceptions import ReferenceDataError
from scoanalysis.text import fold


@pytest.fixture(scope="module")
def ref() -> reference.Reference:
    return reference.load_reference()


def test_the_reference_is_read_once_per_folder_and_cannot_be_changed(ref, tmp_path):
    assert reference.load_reference() is ref and reference.load_reference(paths.REFERENCE) is ref
    assert ref.folder == paths.REFERENCE
    shutil.copytree(paths.REFERENCE, tmp_path / "ref")
    other = reference.load_reference(tmp_path / "ref")
    assert other is not ref and other is reference.load_reference(str(tmp_path / "ref"))
    assert other.summits == ref.summits and other != ref  # same content, another folder's object
    with pytest.raises(dataclasses.FrozenInstanceError):
        ref.summits = ()
    with pytest.raises(TypeError):
        ref.people["someone"] = None


def test_every_summit_is_there_in_calendar_order_with_the_table_s_days(ref):
    table = reference.summits()
    assert [s.summit_id for s in ref.summits] == reference.summit_ids() == table["summit_id"].tolist()
    assert [s.start for s in ref.summits] == [d.date() for d in table["start"]]
    assert [s.end for s in ref.summits] == [d.date() for d in table["end"]]
    assert all(s.start <= s.end and s.year == s.start.year for s in ref.summits)
    astana = ref.summit("2024-astana")
    assert (astana.city, astana.country, astana.start, astana.end) == ("Astana", "Kazakhstan", date(2024, 7, 3), date(2024, 7, 4))
    with pytest.raises(ReferenceDataError, match="unknown summit"):
        ref.summit("1999-nowhere")


def test_every_summit_has_its_pattern_finding_the_city_by_every_name_as_a_word(ref):
    for s in ref.summits:
        assert s.names[0] == s.city and all(s.names)
        for name in s.names:
            found = s.pattern.search(fold(f"Leaders met in {name}, then left."))
            assert found is not None and found.group() == fold(name), (s.summit_id, name)
            assert s.pattern.search(f"x{fold(name)}x") is None  # not inside a word
    spb = ref.summit("2002-saint-petersburg")
    assert spb.pattern.search("the St. Petersburg summit").group() == "St. Petersburg"  # the longest name wins
    assert ref.summit("2024-astana").pattern.search("Astanas") is None


def test_the_summit_patterns_are_the_ones_the_stages_build_themselves(ref, seed_articles):
    """events and temporal compile the same patterns from the summits table (until they take the Reference)."""
    from scoanalysis import events, temporal

    from scoanalysis.events.context import reference_summit_index
    from scoanalysis.temporal.summit_index import summit_index

    cities = reference_summit_index(None).cities
    assert {s.summit_id: s.pattern.pattern for s in ref.summits} == {sid: rx.pattern for sid, rx in cities.items()}
    own = summit_index(reference.summits())
    assert dict(ref.city_of_name) == own.name_to_city
    texts = list(seed_articles["text"]) + ["Leaders gathered in St  Petersburg and Bishkek; Kyrgyz-Bishkek no."]
    for mine, theirs in ((ref.city_pattern, own.city_rx), (ref.country_pattern, own.country_rx)):
        assert sorted(_alternatives(mine)) == sorted(_alternatives(theirs))
        for text in texts:
            assert [m.span() for m in mine.finditer(text)] == [m.span() for m in theirs.finditer(text)]


def _alternatives(rx) -> list[str]:
    head, tail = r"(?<![\w-])(?:", r")(?![\w-])"
    assert rx.pattern.startswith(head) and rx.pattern.endswith(tail)
    return rx.pattern[len(head):-len(tail)].split("|")


@pytest.mark.parametrize("surface, ids", [
    ("Xi Jinping", ("xi-jinping",)),
    ("Xi Jin-ping", ("xi-jinping",)),
    ("Vladimir V. Putin", ("vladimir-putin",)),
    ("PRC", ("china",)),
    ("People\u2019s Republic of China", ("china",)),  # folded like the text
    ("  Russian Federation ", ("russia",)),
    ("Shanghai Cooperation Organization", ("sco",)),
    ("Central Asia", ("central-asia",)),
    ("Nobody In Particular", ()),
])
def test_names_and_aliases_resolve_to_their_entities(ref, surface, ids):
    assert ref.resolve(surface) == ids


def test_every_name_and_alias_in_the_tables_resolves_to_its_own_entity(ref):
    for records in (ref.people, ref.countries, ref.organizations, ref.places):
        for r in records.values():
            for name in (r.name, *r.aliases):
                assert r.entity_id in ref.resolve(name), (r.entity_id, name)
    assert ref.demonyms[fold("Chinese")] == "china" and ref.metonyms[fold("the Kremlin")] == "russia"
    assert ref.people["vladimir-putin"].country_id == "russia" and ref.people["vladimir-putin"].surname == "Putin"


@pytest.mark.parametrize("day, country, office, holder", [
    ("2001-06-15", "china", "president", "jiang-zemin"),
    ("2008-08-28", "china", "president", "hu-jintao"),
    (pd.Timestamp("2024-07-04"), "china", "president", "xi-jinping"),
    (date(2008, 8, 28), "russia", "president", "dmitry-medvedev"),
    ("2008-08-28", "russia", "prime_minister", "vladimir-putin"),
])
def test_offices_by_date_name_who_held_them(ref, day, country, office, holder):
    assert [o.entity_id for o in ref.offices_on(day, country_id=country, office=office)] == [holder]


def test_offices_on_a_day_are_those_the_table_s_dates_cover(ref):
    offices = reference.load("offices")
    for s in ref.summits:
        day = pd.Timestamp(s.start)
        held = offices[(offices["start"] <= day) & (offices["end"].isna() | (offices["end"] >= day))]
        assert [(o.entity_id, o.title) for o in ref.offices_on(s.start)] == list(zip(held["entity_id"], held["title"]))
    xi = ref.offices_on("2024-07-04", entity_id="xi-jinping")
    assert {o.office for o in xi} >= {"general_secretary", "president"} and all(o.end is None for o in xi)
    last = next(o for o in ref.offices if o.entity_id == "jiang-zemin" and o.office == "president")
    assert last.held_on(last.end) and not last.held_on(date(last.end.year + 1, 1, 1))


def test_memberships_hold_the_sco_and_each_other_organisation_s_table(ref):
    sco = [m for m in ref.memberships if m.org_id == "sco"]
    assert len(sco) == len(reference.load("memberships")) and {m.table for m in sco} == {"memberships"}
    assert {m.country_id for m in sco if m.founding} == {"china", "russia", "kazakhstan", "kyrgyzstan", "tajikistan",
                                                         "uzbekistan"}
    nato = [m for m in ref.memberships if m.org_id == "nato"]
    assert nato and {m.table for m in nato} == {"nato_members"}
    assert len(nato) == len(reference.load("nato_members"))
    india = next(m for m in sco if m.country_id == "india" and m.status == "member")
    assert india.start == date(2017, 6, 9) and india.end is None


def test_memberships_are_the_rows_claims_checks_against(ref):
    """claims combines the same membership tables itself (until it takes the Reference)."""
    from scoanalysis.claims.facts import reference_facts

    theirs = reference_facts(None).memberships
    mine = pd.DataFrame([dataclasses.asdict(m) for m in ref.memberships])
    for col in ("start", "end"):
        theirs = theirs.assign(**{col: [None if pd.isna(v) else v.date() for v in theirs[col]]})
    assert mine.to_dict("records") == theirs[list(mine.columns)].to_dict("records")


def test_roles_and_themes_are_the_tables_as_read_elsewhere(ref):
    from scoanalysis import framing

    assert dict(ref.roles) == reference.roles()
    assert ref.roles["leader"][0][0] == "president" and ref.roles["leader"][1]["china"] == ["general_secretary", "president"]
    lexicon = framing.theme_lexicon()
    pd.testing.assert_frame_equal(reference.load("themes"), lexicon)
    assert {t: list(terms) for t, terms in ref.themes.items()} == {
        t: list(g["term"]) for t, g in lexicon.groupby("theme", sort=False)}
    assert list(ref.themes) == list(dict.fromkeys(lexicon["theme"]))


def test_frame_gives_a_copy_of_the_table(ref):
    frame = ref.frame("summits")
    pd.testing.assert_frame_equal(frame, reference.summits())
    frame.loc[0, "city"] = "Elsewhere"
    assert reference.summits().loc[0, "city"] != "Elsewhere"


def test_a_missing_or_broken_table_is_named(tmp_path):
    with pytest.raises(ReferenceDataError, match="unknown reference table"):
        reference.load("planets")
    with pytest.raises(ReferenceDataError, match="summits.csv does not exist"):
        reference.load_reference(tmp_path)
    shutil.copytree(paths.REFERENCE, tmp_path / "ref")
    offices = tmp_path / "ref" / "offices.csv"
    offices.write_text(offices.read_text(encoding="utf-8").replace("1993-03-27", "27/03/1993", 1), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="is not a YYYY-MM-DD date"):
        reference.load_reference(tmp_path / "ref")
    themes = tmp_path / "ref" / "themes.csv"
    themes.write_text(themes.read_text(encoding="utf-8") + "war,Tanks!,,\n", encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="'Tanks!'"):
        reference.load("themes", folder=tmp_path / "ref")
