"""Score built tables against an analyst's gold annotations of a sample of the corpus.

The gold file is JSON in the development corpus's format (see docs/evaluation.md): for each
article its summit, publication window and whether it reads as machine-translated; date
phrases with the calendar ranges they may denote; quotations with their speakers; words in
quotation marks that nobody says; and, per summit, who attended and who was absent.

`evaluate(gold, tables)` returns an `Evaluation`: one `Measure` per score (count, total,
share) and every miss, with what the gold says and what the tables say. Text comparisons
ignore case, accents, curly against straight quotation marks and runs of whitespace.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from .exceptions import ParameterError, TableError

#: The tables an evaluation reads, and the columns it needs from each.
NEEDED = {
    "articles": ("article_id", "summit_id", "published", "translated"),
    "timexes": ("article_id", "text", "earliest", "latest"),
    "quotes": ("article_id", "quote", "speaker", "quote_kind"),
    "attendance": ("summit_id", "name", "status"),
}
#: Spellings of true in a `translated` cell.
TRUE_WORDS = frozenset({"true", "1", "yes"})
_QUOTE_MARKS = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"', "\u00ab": '"',
                              "\u00bb": '"', "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'"})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Miss:
    """One gold fact the tables get wrong: where, what the gold says, what the tables say."""

    measure: str
    article_id: str
    gold: str
    tables: str


@dataclass(frozen=True, slots=True)
class Measure:
    """One score: `right` of `total` gold facts (for `not_person_quotes`: `right` counts the wrong ones)."""

    name: str
    right: int
    total: int
    lower_is_better: bool = False

    @property
    def share(self) -> float | None:
        """Return right / total, or None when nothing was scored."""
        return self.right / self.total if self.total else None


@dataclass(frozen=True)
class Evaluation:
    """Every measure of one evaluation and every miss behind them."""

    measures: tuple[Measure, ...]
    misses: tuple[Miss, ...] = field(default=())

    def to_dict(self) -> dict:
        """Return the evaluation as plain data (for JSON)."""
        return {"measures": [{**asdict(m), "share": m.share} for m in self.measures],
                "misses": [asdict(m) for m in self.misses]}

    def lines(self, *, misses: bool = True) -> list[str]:
        """Return the evaluation as text: one line per measure, then every miss."""
        out = []
        for m in self.measures:
            share = "   n/a" if m.share is None else f"{100 * m.share:5.1f}%"
            note = "  (lower is better)" if m.lower_is_better else ""
            out.append(f"{m.name:<24}{m.right:>5} / {m.total:<5}{share}{note}")
        if misses and self.misses:
            out.append("")
            out.append(f"misses ({len(self.misses)}):")
            out.extend(f"  {x.measure:<18} {x.article_id}  gold: {x.gold}  tables: {x.tables}" for x in self.misses)
        return out


def fold(value) -> str:
    """Return `value` as text compared the gold's way: lower case, no accents, straight quotes, single spaces."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    text = unicodedata.normalize("NFKD", str(value).translate(_QUOTE_MARKS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _SPACE.sub(" ", text).strip().lower()


def read_gold(path: str | os.PathLike) -> dict:
    """Return the gold annotations in file `path`; raise ParameterError naming the file if it cannot be used."""
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ParameterError(f"gold file {path} does not exist; pass the path of a gold JSON file with --gold.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ParameterError(f"gold file {path} is not JSON ({exc}); save it as UTF-8 JSON "
                             "in the format docs/evaluation.md describes.") from None
    if not isinstance(gold, dict) or not isinstance(gold.get("articles"), dict):
        raise ParameterError(f"gold file {path} has no 'articles' object; see docs/evaluation.md for the format.")
    return gold


def read_tables(folder: str | os.PathLike) -> dict[str, pd.DataFrame]:
    """Return the tables an evaluation reads from `folder`, every cell as text ("" for empty)."""
    folder = Path(folder)
    tables = {}
    for name, columns in NEEDED.items():
        path = folder / f"{name}.csv"
        if not path.is_file():
            raise TableError(f"{path} does not exist; build the tables first: scoanalysis build --out {folder}")
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise TableError(f"{path} lacks the column(s) {', '.join(missing)}; rebuild it with scoanalysis build.")
        tables[name] = frame
    return tables


def evaluate(gold: dict | str | os.PathLike, tables: dict[str, pd.DataFrame] | str | os.PathLike) -> Evaluation:
    """Return how well `tables` (a folder or read_tables' dict) agree with `gold` (a file or read_gold's dict).

    Measures: summit, published (inside the gold window), translated, date phrases (overall
    and by kind), quotes found, quote speakers, not-person quotes given a speaker (lower is
    better), attendance facts.
    """
    gold = gold if isinstance(gold, dict) else read_gold(gold)
    tables = tables if isinstance(tables, dict) else read_tables(tables)
    aliases = _aliases(gold.get("person_aliases", {}))
    scorers = (_articles(gold, tables["articles"]), _timexes(gold, tables["timexes"]),
               _quotes(gold, tables["quotes"], aliases), _attendance(gold, tables["attendance"], aliases))
    measures, misses = [], []
    for found, missed in scorers:
        measures.extend(found)
        order = {name: i for i, name in enumerate(dict.fromkeys(m.name.strip() for m in found))}
        misses.extend(sorted(missed, key=lambda m: (order.get(m.measure.split(" (")[0], len(order)), m.measure,
                                                    m.article_id)))
    return Evaluation(tuple(measures), tuple(misses))


def _aliases(table: dict) -> dict[str, set[str]]:
    """Return each canonical name (folded) with the folded spellings that count as it."""
    return {fold(name): {fold(name)} | {fold(a) for a in others} for name, others in table.items()}


def _names_for(name: str, aliases: dict[str, set[str]]) -> set[str]:
    return aliases.get(fold(name), {fold(name)})


def _articles(gold: dict, articles: pd.DataFrame):
    rows = {r["article_id"]: r for r in articles.to_dict("records")}
    summit = published = translated = 0
    n_published = n_translated = 0
    misses = []
    for aid, want in gold["articles"].items():
        row = rows.get(aid)
        if row is None:
            misses.append(Miss("article", aid, "an article", "no row in articles.csv"))
        got_summit = (row or {}).get("summit_id", "")
        if got_summit == want.get("summit", ""):
            summit += 1
        else:
            misses.append(Miss("summit", aid, want.get("summit") or "(none)", got_summit or "(none)"))
        if "dct" in want:
            n_published += 1
            day = (row or {}).get("published", "")[:10]
            if day and want["dct"][0] <= day <= want["dct"][1]:
                published += 1
            else:
                misses.append(Miss("published", aid, "..".join(want["dct"]), day or "(none)"))
        if "translated" in want:
            n_translated += 1
            got = (row or {}).get("translated", "").strip().lower() in TRUE_WORDS
            if got == bool(want["translated"]):
                translated += 1
            else:
                misses.append(Miss("translated", aid, str(bool(want["translated"])).lower(), str(got).lower()))
    n = len(gold["articles"])
    return [Measure("summit", summit, n), Measure("published", published, n_published),
            Measure("translated", translated, n_translated)], misses


def _timexes(gold: dict, timexes: pd.DataFrame):
    by_article: dict[str, list[tuple[str, str, str]]] = {}
    for r in timexes.itertuples(index=False):
        by_article.setdefault(r.article_id, []).append((fold(r.text), r.earliest, r.latest))
    right: dict[str, int] = {}
    total: dict[str, int] = {}
    misses = []
    for aid, surface, accepted, kind in gold.get("timexes", []):
        total[kind] = total.get(kind, 0) + 1
        want = fold(surface)
        rows = [r for r in by_article.get(aid, []) if want in r[0]]
        if any([e, l] in [list(a) for a in accepted] for _, e, l in rows):
            right[kind] = right.get(kind, 0) + 1
            continue
        said = "; ".join(f"'{t}' {e}..{l}" for t, e, l in rows[:3]) or "no timex with this text"
        misses.append(Miss(f"date phrases ({kind})", aid,
                           f"'{surface}' " + " or ".join("..".join(a) for a in accepted), said))
    measures = [Measure("date phrases", sum(right.values()), sum(total.values()))]
    measures += [Measure(f"  {kind}", right.get(kind, 0), total[kind]) for kind in ("easy", "relative", "hard")
                 if kind in total]
    return measures, misses


def _quotes(gold: dict, quotes: pd.DataFrame, aliases: dict[str, set[str]]):
    by_article: dict[str, list[tuple[str, str, str]]] = {}
    for r in quotes.itertuples(index=False):
        by_article.setdefault(r.article_id, []).append((fold(r.quote), fold(r.speaker), r.quote_kind))
    found = speakers = 0
    misses = []
    for aid, snippet, speaker in gold.get("quotes", []):
        want = fold(snippet)
        rows = [r for r in by_article.get(aid, []) if want in r[0]]
        if not rows:
            misses.append(Miss("quotes found", aid, f"'{snippet[:60]}' by {speaker}", "no quote with these words"))
            continue
        found += 1
        names = _names_for(speaker, aliases)
        if any(got and any(n == got or n in got for n in names) for _, got, _ in rows):
            speakers += 1
        else:
            said = ", ".join(sorted({got or "(no speaker)" for _, got, _ in rows}))
            misses.append(Miss("quote speakers", aid, f"'{snippet[:60]}' by {speaker}", said))
    wrong = 0
    not_person = gold.get("not_person_quotes", [])
    for aid, snippet in not_person:
        want = fold(snippet)
        given = [r for r in by_article.get(aid, []) if want in r[0] and r[1] and r[2] != "scare"]
        if given:
            wrong += 1
            misses.append(Miss("not-person quotes", aid, f"'{snippet}' is nobody's speech",
                               f"speaker {given[0][1]} ({given[0][2]})"))
    n = len(gold.get("quotes", []))
    return [Measure("quotes found", found, n), Measure("quote speakers", speakers, n),
            Measure("not-person quotes", wrong, len(not_person), lower_is_better=True)], misses


def _attendance(gold: dict, attendance: pd.DataFrame, aliases: dict[str, set[str]]):
    rows: dict[str, dict[str, str]] = {}
    for r in attendance.itertuples(index=False):
        rows.setdefault(r.summit_id, {})[fold(r.name)] = r.status
    right = total = 0
    misses = []
    for sid, facts in gold.get("attendance", {}).items():
        expected_ok = bool(facts.get("expected_ok"))
        for side, ok in (("attended", {"attended", "expected"} if expected_ok else {"attended"}),
                         ("absent", {"absent", "represented"})):
            for person in facts.get(side, []):
                total += 1
                got = [status for name, status in rows.get(sid, {}).items() if name in _names_for(person, aliases)]
                if any(status in ok for status in got):
                    right += 1
                else:
                    misses.append(Miss("attendance facts", sid, f"{person} {side}", ", ".join(got) or "no row"))
    return [Measure("attendance facts", right, total)], misses
