"""Tables built once per test session for the summaries' and the reports' tests, and the whole tables' answers.

`seed_tables` builds the seed corpus; `synthetic_tables` 80 synthetic articles (4%
re-published) in partitions of 8, ten parts to stream; `own_tables` two articles of
our own about Astana 2024. Each is built the first time a test asks for it and shared
by tests/summaries and tests/report.
`whole_originals` leaves the repeats out of the whole tables as summaries.originals
leaves them out of the summaries; the functions named after a view (`summit_articles`,
`events_table`...) compute what that view shows from the whole tables (sentences,
entities, timexes, quotes), for the tests to compare with what it shows from the summaries.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from scoanalysis import synthetic
from scoanalysis.build import partitions
from scoanalysis.build.run import build

from conftest import ROOT, write_corpus

FOCUS = ["2014-dushanbe", "2022-samarkand", "2024-astana"]
_BUILT: dict[str, Path] = {}


def seed_tables(tmp_path_factory) -> Path:
    """Return the folder of the tables built from the seed corpus (built on the first call)."""
    if "seed" not in _BUILT:
        out = tmp_path_factory.mktemp("seed-tables")
        build(ROOT / "data", out, load=False)
        _BUILT["seed"] = out
    return _BUILT["seed"]


def synthetic_tables(tmp_path_factory, seed_sentences: pd.DataFrame) -> Path:
    """Return the folder of the tables built from 80 synthetic articles in partitions of 8 (built on the first call)."""
    if "synthetic" not in _BUILT:
        corpus = tmp_path_factory.mktemp("synthetic")
        synthetic.write_synthetic_corpus(seed_sentences, corpus, n=80, seed=80, vary_words=0.8, repeat=0.04)
        out = tmp_path_factory.mktemp("synthetic-tables")
        saved = partitions.PARTITION
        partitions.PARTITION = 8
        try:
            build(corpus, out, load=False)
        finally:
            partitions.PARTITION = saved
        _BUILT["synthetic"] = out
    return _BUILT["synthetic"]


ASTANA = """Leaders gather in Astana for SCO summit

ASTANA, July 3 (Reuters) - Leaders of the Shanghai Cooperation Organization met in Astana on Wednesday.
Kazakh President Kassym-Jomart Tokayev welcomed the guests and praised the wonderful, friendly talks.
"We will build a fair and peaceful world together," Tokayev said.
The previous summit was held in Samarkand in September 2022, and the next one is planned for 2025.
Chinese President Xi Jinping arrived on Tuesday and will leave on Friday.
Share this article on Facebook
"""

ASTANA_2 = """SCO members sign Astana declaration

ASTANA, July 4 (AFP) - The Shanghai Cooperation Organization signed a declaration in Astana on Thursday.
Russian President Vladimir Putin said the war and the sanctions had failed, and warned of terrible threats.
"The organisation is growing stronger," Putin told reporters.
Belarus joined the SCO as its tenth member on July 4, 2024.
Click here to subscribe to our newsletter
"""


def own_tables(tmp_path_factory) -> Path:
    """Return the folder of the tables built from ASTANA and ASTANA_2 (a1, a2; built on the first call)."""
    if "own" not in _BUILT:
        corpus = write_corpus(tmp_path_factory.mktemp("own"), {"a1": ASTANA, "a2": ASTANA_2},
                              "article_id,outlet,published,summit_id\na1,Reuters,2024-07-03,2024-astana\n"
                              "a2,AFP,2024-07-04,2024-astana\n")
        out = tmp_path_factory.mktemp("own-tables")
        build(corpus, out, load=False)
        _BUILT["own"] = out
    return _BUILT["own"]


def whole_originals(full: dict[str, pd.DataFrame], *, include_duplicates: bool = False) -> dict[str, pd.DataFrame]:
    """Return the whole tables (storage.load_tables) without the rows of articles that repeat another.

    Tables with an article_id keep the originals' rows (claims whole), as summaries.originals does.
    """
    if include_duplicates:
        return full
    a = full["articles"]
    keep = set(a.loc[a["duplicate_of"].isna(), "article_id"])
    return {name: frame[frame["article_id"].isin(keep)] if "article_id" in frame.columns and name != "claims" else frame
            for name, frame in full.items()}


# --- a few events, written by hand -------------------------------------------------------------------------

def _event(event_id, event_type, earliest, latest, summit_ids, description="an event", actors=("russia",)):
    return {
        "event_id": event_id, "article_id": "a", "sentence_id": 0, "summit_id": summit_ids[0], "event_type": event_type,
        "earliest": pd.Timestamp(earliest), "latest": pd.Timestamp(latest), "date_text": "then",
        "actors": list(actors), "description": description, "evidence": ["a:0", "b:3"], "relative_days": 0,
        "summit_ids": list(summit_ids), "summit_ref": None,
    }


def sample_events() -> pd.DataFrame:
    """Return seven events of the three focus summits' coverage, one of them told about two summits."""
    return pd.DataFrame([
        _event("2014-09-12-summit-dushanbe", "summit", "2014-09-12", "2014-09-12", ["2014-dushanbe"], "SCO summit in Dushanbe"),
        _event("2022-W36-disengagement-gogra", "disengagement", "2022-09-05", "2022-09-11", ["2022-samarkand"]),
        _event("2022-09-14-visit-xi-jinping", "visit", "2022-09-14", "2022-09-14", ["2022-samarkand"]),
        _event("2022-09-16-summit-samarkand", "summit", "2022-09-16", "2022-09-16", ["2022-samarkand", "2024-astana"]),
        _event("2017-accession-india", "accession", "2017-01-01", "2017-12-31", ["2024-astana"], "India joined the SCO",
               actors=("india", "sco")),
        _event("2024-03-attack-moscow", "attack", "2024-03-01", "2024-03-31", ["2024-astana"]),
        _event("2024-07-02-arrival-xi", "arrival", "2024-07-02", "2024-07-02", ["2024-astana"],
               "Xi <script>alert(1)</script> & co arrived"),
    ])


# --- what the views show, computed from the whole tables (storage.load_tables) ------------------------------

def _window(earliest: pd.Series, latest: pd.Series) -> pd.Series:
    lo, hi = earliest.dt.strftime("%Y-%m-%d"), latest.dt.strftime("%Y-%m-%d")
    return lo.where(lo == hi, lo + " to " + hi).fillna("")


def _texts(full: dict[str, pd.DataFrame]) -> pd.Series:
    s = full["sentences"]
    return s.set_index(["article_id", "sentence_id"])["text"]


def _more(total: int, quoted: int) -> list[str]:
    return [f"(and {total - quoted:,} more sentences)"] if total > quoted else []


def _summit_articles_ids(full, summit_id):
    return set(full["articles"].loc[full["articles"]["summit_id"] == summit_id, "article_id"])


def boilerplate(full):
    s = full["sentences"]
    flagged = s[s["is_boilerplate"].astype(bool)]
    return flagged[["article_id", "sentence_id", "kind", "text"]].rename(
        columns={"article_id": "article", "sentence_id": "sentence"}).reset_index(drop=True)


def translation_clues(full):
    from scoanalysis import translation

    ev = translation.translation_evidence(full["sentences"])
    return ev[["article_id", "sentence_id", "clue", "text"]].rename(
        columns={"article_id": "article", "sentence_id": "sentence"}
    ).assign(clue=lambda f: f["clue"].str.replace("_", " ")).reset_index(drop=True)


def contradictions(full):
    c, texts = full["claims"], _texts(full)
    return pd.DataFrame({
        "article": c["article_id"],
        "statement": [texts.get((a, s), "") for a, s in zip(c["article_id"], c["sentence_id"])],
        "claim": c["subject"].astype(str) + " " + c["predicate"].astype(str).str.replace("_", " ") + " " + c["object"].astype(str),
        "conflicts with": c["conflicts_with"].map(lambda v: ", ".join(v) if isinstance(v, list) else str(v or "")),
        "note": c["note"].fillna(""),
    }).reset_index(drop=True)


def summit_articles(full, summit_id):
    a = full["articles"]
    chosen = a[a["summit_id"] == summit_id]
    s = full["sentences"]
    body = s[(s["kind"] == "body")].sort_values(["article_id", "sentence_id"])
    leads = chosen["article_id"].map(body.groupby("article_id")["text"].first())
    return pd.DataFrame({
        "article": chosen["article_id"], "headline": chosen["headline"].fillna("(none)"),
        "published": chosen["published"].dt.strftime("%Y-%m-%d").fillna("unknown"),
        "score": chosen["summit_score"].round(2), "words": chosen["n_words"], "lead sentence": leads.fillna(""),
    }).reset_index(drop=True)


def dated_statements(full, summit_id):
    t = full["timexes"]
    t = t[t["article_id"].isin(_summit_articles_ids(full, summit_id)) & t["earliest"].notna()].sort_values(
        ["earliest", "latest", "article_id", "start"])
    texts = _texts(full)
    return pd.DataFrame({
        "days": _window(t["earliest"], t["latest"]), "phrase": t["text"], "value": t["value"], "article": t["article_id"],
        "sentence": [texts.get((a, s), "") for a, s in zip(t["article_id"], t["sentence_id"])],
    }).reset_index(drop=True)


def summit_quotes(full, summit_id):
    q = full["quotes"]
    q = q[q["article_id"].isin(_summit_articles_ids(full, summit_id))].sort_values(["article_id", "start"])
    return pd.DataFrame({
        "speaker": q["speaker"].fillna("(no speaker: a term in quotation marks)"), "cue": q["cue"].fillna(""),
        "kind": q["quote_kind"], "quote": q["quote"], "article": q["article_id"],
    }).reset_index(drop=True)


def summit_attendance(full, summit_id, *, quoted: int = 10):
    from scoanalysis import schema

    a = full["attendance"]
    chosen = a[a["summit_id"] == summit_id].sort_values(["status", "name"])
    names, texts = dict(zip(a["entity_id"], a["name"])), _texts(full)

    def evidence(refs):
        return " | ".join([texts.get(r, "") for r in schema.evidence_refs(refs, quoted)]
                          + _more(len(schema.as_list(refs)), quoted))

    return pd.DataFrame({
        "name": chosen["name"], "country": chosen["country"], "role at the summit": chosen["role"],
        "status": chosen["status"],
        "sent in their place": chosen["represented_by"].fillna("").map(lambda e: names.get(e, e) if e else ""),
        "evidence": [evidence(refs) for refs in chosen["evidence"]],
    }).reset_index(drop=True)


def quoted_by_summit(full, summit_ids):
    q = full["quotes"].merge(full["articles"][["article_id", "summit_id"]], on="article_id")
    q = q[q["summit_id"].isin(summit_ids) & q["speaker"].notna() & (q["quote_kind"] != "scare")]
    table = q.pivot_table(index="speaker", columns="summit_id", values="quote", aggfunc="count", fill_value=0)
    table = table.reindex(columns=[s for s in summit_ids if s in table.columns])
    return table.assign(total=table.sum(axis=1)).sort_values("total", ascending=False).drop(columns="total")


def tone_by_actor_overview(full, *, n: int = 15):
    from scoanalysis import framing

    f = whole_originals(full)
    body = f["sentences"][~f["sentences"]["is_boilerplate"].astype(bool)]
    tone = framing.tone_by_actor(body, f["entities"]).head(n)
    return pd.DataFrame({
        "actor": tone["name"], "kind": tone["entity_type"], "sentences": tone["n_sentences"],
        "mean compound": tone["compound_mean"].round(2),
        "% positive": (tone["positive_share"] * 100).round(0), "% negative": (tone["negative_share"] * 100).round(0),
        "negative words": tone["negative_words"].fillna("").str.replace(";", ", "),
    })


def _framing_input(full, by):
    a = full["articles"]
    a = a[a["duplicate_of"].isna()]
    mapping = pd.Series(a[by].astype(object).where(a[by].notna(), "none").values, index=a["article_id"].values)
    s = full["sentences"]
    return s[s["article_id"].isin(mapping.index)], mapping


def theme_overview(full, *, by="summit_id"):
    from scoanalysis import framing

    sents, mapping = _framing_input(full, by)
    shares = framing.theme_shares(sents, by=mapping)
    table = shares.pivot(index="group", columns="theme", values="share") * 100
    table = table[list(dict.fromkeys(shares["theme"]))].round(0)
    table.columns = [c.replace("_", " ") for c in table.columns]
    return table.reset_index().rename(columns={"group": by.replace("_id", "")})


def distinctive_overview(full, *, by="summit_id", n=10):
    from scoanalysis import framing

    sents, mapping = _framing_input(full, by)
    words = framing.distinctive_words(sents, by=mapping)
    top = words.groupby("group").head(n)
    return (top.assign(label=top["term"] + " (" + top["z"].round(1).astype(str) + ")")
            .groupby("group")["label"].apply(", ".join).rename("distinctive words (z)").reset_index()
            .rename(columns={"group": by.replace("_id", "")}))


def tone_overview(full, *, by="summit_id"):
    from scoanalysis import framing

    sents, mapping = _framing_input(full, by)
    t = framing.tone(sents, by=mapping)
    return pd.DataFrame({
        by.replace("_id", ""): t["group"], "sentences": t["n_sentences"], "mean compound": t["compound_mean"].round(2),
        "% positive": (t["positive_share"] * 100).round(0), "% negative": (t["negative_share"] * 100).round(0),
        "positive words": t["positive_words"].str.replace(";", ", "),
        "negative words": t["negative_words"].str.replace(";", ", "),
    })


def events_table(full, *, summit_ids=None, quoted: int = 10):
    from scoanalysis import schema

    def lanes(r):
        return schema.as_list(r["summit_ids"]) or ([r["summit_id"]] if isinstance(r["summit_id"], str) else [])

    ev = full["events"]
    if summit_ids is not None:
        ev = ev[[not set(summit_ids).isdisjoint(lanes(r)) for r in ev.to_dict("records")]]
    names = full["entities"].drop_duplicates("entity_id").set_index("entity_id")["name"].to_dict()
    texts = _texts(full)

    def evidence(refs):
        out = [f"[{aid[:3]}:{sid}] {texts.get((aid, sid), '')}" for aid, sid in schema.evidence_refs(refs, quoted)]
        return " | ".join(out + _more(len(schema.as_list(refs)), quoted))

    return pd.DataFrame({
        "days": _window(ev["earliest"], ev["latest"]), "type": ev["event_type"], "what": ev["description"],
        "who": ev["actors"].map(lambda a: ", ".join(names.get(x, x) for x in schema.as_list(a))),
        "date as written": ev["date_text"], "status": ev["status"] if "status" in ev else "",
        "coverage of": [", ".join(lanes(r)) for r in ev.to_dict("records")],
        "evidence": [evidence(refs) for refs in ev["evidence"]], "event": ev["event_id"],
    }).reset_index(drop=True)


def pairs_side_by_side(full, *, max_pairs: int = 20):
    import html

    from scoanalysis.report.views.aligned import aligned_html

    pairs, s = full["duplicates"], full["sentences"]
    if pairs.empty:
        return "<p>No two articles repeat each other.</p>"
    parts = []
    for p in pairs.head(max_pairs).itertuples(index=False):
        rows = aligned_html(s[s["article_id"] == p.article_a], s[s["article_id"] == p.article_b])
        body = "\n".join(f'<tr class="{r.status}"><td>{r.html_a}</td><td>{r.html_b}</td></tr>'
                         for r in rows.itertuples(index=False))
        title = f"{p.article_a} and {p.article_b}: {str(p.relation).replace('_', ' ')} (similarity {float(p.similarity):.2f})"
        parts.append(f"<h4>{html.escape(title)}</h4>\n" + '<table class="side-by-side">\n'
                     f"<thead><tr><th>{html.escape(p.article_a)}</th><th>{html.escape(p.article_b)}</th></tr></thead>\n"
                     f"<tbody>\n{body}\n</tbody>\n</table>")
    if len(pairs) > max_pairs:
        parts.append(f"<p>{len(pairs) - max_pairs:,} more pairs are listed in the duplicates table.</p>")
    return "\n".join(parts)


# --- the fixtures tests/summaries/conftest.py and tests/report/conftest.py import ----------------------------

@pytest.fixture(scope="session")
def seed_tables_dir(tmp_path_factory):
    return seed_tables(tmp_path_factory)


@pytest.fixture(scope="session")
def synthetic_tables_dir(tmp_path_factory, seed_sentences):
    return synthetic_tables(tmp_path_factory, seed_sentences)


@pytest.fixture(scope="session")
def own_tables_dir(tmp_path_factory):
    return own_tables(tmp_path_factory)


@pytest.fixture
def events_frame():
    """Seven events written by hand (sample_events)."""
    return sample_events()


@pytest.fixture(scope="session")
def summits():
    from scoanalysis import reference

    return reference.summits()


def assert_view_shows_what_the_whole_tables_say(folder, view: str, args: tuple = ()) -> None:
    """Assert that report view `view` shows from the summaries in `folder` what this module computes from the whole tables."""
    import scoanalysis as sa
    from scoanalysis.report import views

    full, summ = sa.load_tables(folder), sa.load_summaries(folder)
    expected, shown = globals()[view](full, *args), getattr(views, view)(summ, *args)
    if isinstance(expected, str):
        assert expected == shown and "<table" in shown
    else:
        assert len(expected) > 0
        pd.testing.assert_frame_equal(expected.reset_index(drop=True), shown.reset_index(drop=True), check_dtype=False)
        numeric = expected.select_dtypes("number").columns
        assert list(shown.select_dtypes("number").columns) == list(numeric)  # heatmaps need numbers, not objects
