"""Which tables each report notebook reads, as its metadata declares, and the digest a report is keyed by.

Each notebook says in ``metadata["scoanalysis"]``:

* ``reads``: the tables its cells read (schema.TABLES names), whole or in part;
* ``reads_by_summit``: of those, the tables it reads only the rows of its summit_id
  parameter of (a summit profile); summary_evidence listed there stands for the
  sentences those rows cite.

A report is rendered again only when what it reads changed: a table read whole is
keyed by its file's digest (manifest.table_digests, nothing read), a table read by
summit by the hash of that summit's rows; editing a table a notebook does not declare
does not re-key it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .. import manifest, schema, summaries
from ..exceptions import ReportError

#: The key of the notebook metadata that holds the declaration.
METADATA = "scoanalysis"
#: The declared table whose rows a by-summit report keys by the references of the others' rows.
EVIDENCE = "summary_evidence"


@dataclass(frozen=True, slots=True)
class Reads:
    """The tables a notebook reads: all of them (`tables`), and those read by summit only (`by_summit`)."""

    tables: tuple[str, ...]
    by_summit: tuple[str, ...] = ()


def notebook_reads(notebook: str | os.PathLike) -> Reads:
    """Return what the notebook file `notebook` declares it reads (``metadata["scoanalysis"]``).

    Raises ReportError naming the notebook when it or its declaration is missing, names a
    table schema.TABLES does not know, or reads by summit a table it does not list or
    that has no summit_id column.
    """
    path = Path(notebook)
    if not path.is_file():
        raise ReportError(f"notebook {path} does not exist; restore it from the repository.")
    meta = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get(METADATA, {})
    tables, by_summit = tuple(meta.get("reads", ())), tuple(meta.get("reads_by_summit", ()))
    if not tables:
        raise ReportError(f"{path.name} declares no tables in metadata[{METADATA!r}][\"reads\"]; list the tables it reads.")
    unknown = [n for n in (*tables, *by_summit) if n not in schema.TABLES]
    if unknown:
        raise ReportError(f"{path.name} declares unknown table {unknown[0]!r}; use names of schema.TABLES.")
    wrong = [n for n in by_summit if n not in tables or (n != EVIDENCE and "summit_id" not in schema.TABLES[n].columns)]
    if wrong:
        raise ReportError(f"{path.name} reads {wrong[0]!r} by summit, but it is not in its reads or has no summit_id.")
    return Reads(tables, by_summit)


def job_digest(notebook: str | os.PathLike, parameters: dict, tables: summaries.Summaries, *,
               table_hashes: dict[str, str]) -> str:
    """Return a hash of what one report reads: its notebook, parameters, the code, and the tables it declares.

    `tables` are load_summaries's; `table_hashes` the tables' CSV digests
    (manifest.table_digests). With a summit_id parameter, each table the notebook reads
    by summit is hashed by that summit's rows (summary_evidence by the rows the others
    cite); every other declared table by its file's digest, without reading it.
    """
    reads = notebook_reads(notebook)
    sid = parameters.get("summit_id")
    by_summit = set(reads.by_summit) if sid else set()
    data = {name: table_hashes.get(schema.TABLES[name].file, "missing") for name in reads.tables if name not in by_summit}
    rows = {}
    for name in sorted(by_summit - {EVIDENCE}):
        frame = tables[name]
        rows[name] = frame[frame["summit_id"] == sid]
    if EVIDENCE in by_summit:
        rows[EVIDENCE] = _cited_rows(tables[EVIDENCE], rows)
    data.update({name: pd.util.hash_pandas_object(frame.astype(str), index=False).sum() for name, frame in rows.items()})
    return manifest.combined(data, manifest.file_digest(notebook), sid, manifest.source_digest(), _templates_digest())


def _cited_rows(evidence: pd.DataFrame, rows: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Return the rows of summary_evidence that the evidence tables' `rows` quote (their first EVIDENCE_SENTENCES)."""
    cited = [ref for name in summaries.EVIDENCE_TABLES if name in rows
             for value in rows[name]["evidence"] for ref in schema.evidence_refs(value, summaries.EVIDENCE_SENTENCES)]
    keys = pd.MultiIndex.from_arrays([evidence["article_id"].astype(object), evidence["sentence_id"].astype("int64")])
    return evidence[keys.isin(cited)] if cited else evidence.iloc[:0]


def _templates_digest() -> dict[str, str]:
    """Return the digests of the page templates (manifest.source_digest covers the Python files only)."""
    from .page import TEMPLATES

    return {p.relative_to(TEMPLATES).as_posix(): manifest.file_digest(p) for p in sorted(TEMPLATES.rglob("*")) if p.is_file()}
