"""Attendance across articles: one row per summit and person, the strongest status any statement gives."""

from __future__ import annotations

import pandas as pd

from .. import reference
from .mentions import ATTENDANCE_COLUMNS, RANK


def attendance(mentions: pd.DataFrame, *, entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per (summit, person) from `attendance_mentions` output.

    Parameters
    ----------
    mentions : ``attendance_mentions`` rows (of any number of articles). Not modified.
    entities : entity mentions whose names stand for people the reference does not know.

    Returns
    -------
    pandas.DataFrame
        Columns (``ATTENDANCE_COLUMNS``): summit_id, entity_id, name, country, role (office
        held at the summit's opening), status (the strongest across mentions: represented,
        absent, attended, expected), represented_by, evidence (list of ``article_id:sentence_id``).
    """
    if mentions.empty:
        return pd.DataFrame(columns=ATTENDANCE_COLUMNS)
    people = reference.load("people").set_index("entity_id")
    countries = reference.load("countries").set_index("entity_id")["name"].to_dict()
    offices = reference.load("offices")
    starts = reference.summits().set_index("summit_id")["start"].to_dict()
    names = {}
    if entities is not None and len(entities):
        names = entities.drop_duplicates("entity_id").set_index("entity_id")["name"].to_dict()
    rows = []
    for (summit, pid), group in mentions.groupby(["summit_id", "entity_id"], sort=True):
        best = max(group["status"], key=lambda st: RANK[st])
        stand_in = group.loc[group["represented_by"].astype(bool), "represented_by"]
        date = starts.get(summit)
        held = offices[(offices["entity_id"] == pid) & (offices["start"] <= date) & (offices["end"].isna() | (offices["end"] >= date))]
        role = "; ".join(dict.fromkeys(held["title"])) if len(held) else ""
        country_id = people["country_id"].get(pid, "") if pid in people.index else ""
        rows.append({
            "summit_id": summit, "entity_id": pid,
            "name": people["name"].get(pid) if pid in people.index else names.get(pid, pid),
            "country": countries.get(country_id, country_id or ""),
            "role": role, "status": best,
            "represented_by": stand_in.iloc[0] if best == "represented" and len(stand_in) else "",
            "evidence": list(dict.fromkeys(f"{a}:{s}" for a, s in zip(group["article_id"], group["sentence_id"]))),
        })
    return pd.DataFrame(rows, columns=ATTENDANCE_COLUMNS)
