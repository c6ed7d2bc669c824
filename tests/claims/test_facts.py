"""The reference facts: other organisations' members come from their own file."""

from __future__ import annotations

import shutil

import pandas as pd

from scoanalysis import claims, entities, paths, text


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
