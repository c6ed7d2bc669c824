"""Rendering the reports: papermill runs each notebook, nbconvert turns it into one HTML file.

Every report is rendered into a staging folder first; only when all succeed are
they moved into the output folder, so a failing notebook leaves the previous
reports in place. The HTML is standalone: code hidden, figures embedded as data
URIs, no script or stylesheet fetched from the network.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import logging
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import nbformat
import pandas as pd

from . import __version__, manifest, paths, reference, schema, summaries
from .exceptions import ParameterError, ReportError

log = logging.getLogger(__name__)

OVERVIEW = "01-corpus-overview"
PROFILE = "02-summit-profile"
TIMELINE = "03-comparative-timeline"
NOTEBOOK_ORDER = (OVERVIEW, PROFILE, TIMELINE)
MAX_REPORT_BYTES = 3 * 1024 * 1024
#: Subfolder of the reports where the comparative report saves each figure beside its CSV.
FIGURES = "figures"
_INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


@dataclass(frozen=True)
class Job:
    """One report to render: the notebook, its parameters and the output's stem."""

    notebook: str
    parameters: dict
    stem: str
    title: str


def plan(tables_path: str | os.PathLike, *, summit_ids: list[str] | None = None,
         articles: pd.DataFrame | None = None) -> list[Job]:
    """Return the reports to render for the tables in `tables_path`.

    One corpus overview, one summit profile per summit that has articles (or per
    id in `summit_ids`), one comparative timeline; `articles` (a frame with the
    articles' summit_id: the articles table, or summary_articles) saves reading it.
    Raises ParameterError for a summit id that the reference table does not know.
    """
    tables_path = str(Path(tables_path).resolve())
    known = reference.summit_ids()
    if summit_ids:
        unknown = [s for s in summit_ids if s not in known]
        if unknown:
            raise ParameterError(
                f"unknown summit_id {unknown[0]!r}; use one of data/reference/summits.csv, e.g. {known[-1]!r}."
            )
        chosen = list(summit_ids)
    else:
        if articles is None:
            articles = schema.read_table("articles", tables_path)
        present = set(articles["summit_id"].dropna())
        chosen = [s for s in known if s in present]
    jobs = [Job(OVERVIEW, {"tables_dir": tables_path}, OVERVIEW, "Corpus overview")]
    jobs += [
        Job(PROFILE, {"tables_dir": tables_path, "summit_id": sid}, f"{PROFILE}-{sid}", f"Summit profile: {sid}")
        for sid in chosen
    ]
    jobs.append(Job(TIMELINE, {"tables_dir": tables_path}, TIMELINE, "Comparative timeline"))
    return jobs


def render(
    tables_path: str | os.PathLike,
    out: str | os.PathLike,
    *,
    summit_ids: list[str] | None = None,
    notebooks_dir: str | os.PathLike | None = None,
    progress: Callable[[str], None] | None = None,
    timeout: int = 600,
    force: bool = False,
) -> list[Path]:
    """Run the report notebooks on the tables in `tables_path` and write HTML under `out`.

    Incremental: a report whose inputs (its slice of the tables, its notebook and
    parameters, the package's code) are unchanged since the last run is not
    rendered again; `force` renders all. Returns the paths written (the reports
    rendered, then index.html; empty when everything was up to date). Records
    the inputs' hashes, the package version and each report's build time in
    ``out/manifest.json``. Raises ParameterError for an unknown summit, TableError
    when the tables are missing, LockedError when another run holds `out`, and
    ReportError naming the notebook, cell and error when one fails; in every
    failure the previous contents of `out` are left untouched.
    """
    import papermill as pm

    notebooks_dir = Path(notebooks_dir or paths.NOTEBOOKS)
    out = Path(out)
    say = progress or (lambda msg: None)
    with manifest.locked(out):
        table_hashes = manifest.table_digests(tables_path)  # the CSV files, hashed once for all below
        fingerprint = manifest.report_fingerprint(tables_path, notebooks_dir=notebooks_dir, summit_ids=summit_ids,
                                                  hashes=table_hashes)
        if not force and manifest.is_current(out, fingerprint):
            say(f"reports in {out} are up to date; nothing to do")
            return []
        tables = summaries.load_summaries(tables_path)
        jobs = plan(tables_path, summit_ids=summit_ids, articles=tables["summary_articles"])
        previous = manifest.read(out).get("reports", {})
        digests = {job.stem: _job_digest(job, tables, notebooks_dir, table_hashes=table_hashes) for job in jobs}
        todo = [j for j in jobs if force or previous.get(j.stem, {}).get("digest") != digests[j.stem]
                or not (out / f"{j.stem}.html").is_file()]
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
        saved_backend = os.environ.get("MPLBACKEND")
        os.environ["MPLBACKEND"] = _INLINE_BACKEND  # kernels inherit it: figures go into the notebook
        records = {stem: rec for stem, rec in previous.items() if stem in digests}
        try:
            written = []
            for i, job in enumerate(todo, 1):
                source = notebooks_dir / f"{job.notebook}.ipynb"
                if not source.is_file():
                    raise ReportError(f"notebook {source} does not exist; restore it from the repository.")
                say(f"[{i}/{len(todo)}] {job.stem} ...")
                started = time.perf_counter()
                executed = staging / f"{job.stem}.ipynb"
                parameters = dict(job.parameters)
                if job.notebook == TIMELINE:
                    parameters["figures_dir"] = str(staging / FIGURES)  # each figure beside its CSV
                try:
                    with _stderr_to(staging / "kernel-stderr.log"):
                        pm.execute_notebook(
                            str(source), str(executed), parameters=parameters, kernel_name="python3",
                            progress_bar=False, log_output=False, execution_timeout=timeout, cwd=str(notebooks_dir),
                        )
                except pm.PapermillExecutionError as exc:
                    raise ReportError(
                        f"{source.name} failed in cell {exc.exec_count or exc.cell_index}: {exc.ename}: {exc.evalue}"
                        f" (parameters {job.parameters}); previous reports in {out} are unchanged."
                    ) from None
                target = staging / f"{job.stem}.html"
                target.write_text(to_html(executed, title=job.title), encoding="utf-8")
                size = target.stat().st_size
                seconds = time.perf_counter() - started
                if size > MAX_REPORT_BYTES:
                    log.warning("%s is %.1f MB, over the %.0f MB e-mail limit", target.name, size / 2**20, MAX_REPORT_BYTES / 2**20)
                say(f"[{i}/{len(todo)}] {job.stem}.html  {size / 1024:,.0f} KB  {seconds:.1f} s")
                records[job.stem] = {"digest": digests[job.stem], "rendered_at": manifest.now(),
                                     "seconds": round(seconds, 2), "bytes": size, "parameters": job.parameters}
                written.append(target)
            index = staging / "index.html"
            index.write_text(index_page(jobs, tables), encoding="utf-8")
            final = []
            for path in [*written, index]:
                dest = out / path.name
                os.replace(path, dest)
                final.append(dest)
            if (staging / FIGURES).is_dir():
                _replace_dir(staging / FIGURES, out / FIGURES)
            for stale in set(previous) - set(digests):
                (out / f"{stale}.html").unlink(missing_ok=True)
            manifest.write(out, {
                "fingerprint": fingerprint,
                "tables": str(Path(tables_path).resolve()),
                "inputs": manifest.read(tables_path).get("inputs", {}),
                "table_hashes": table_hashes,
                "source_digest": manifest.source_digest(),
                "reports": records,
                "outputs": sorted([f"{j.stem}.html" for j in jobs] + ["index.html"]),
            })
            return final
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            if saved_backend is None:
                os.environ.pop("MPLBACKEND", None)
            else:
                os.environ["MPLBACKEND"] = saved_backend


def _replace_dir(new: Path, old: Path) -> None:
    """Put folder `new` where `old` is, replacing it (the old one moved aside first, then removed)."""
    aside = old.with_name(f".{old.name}.old")
    shutil.rmtree(aside, ignore_errors=True)
    if old.exists():
        os.replace(old, aside)
    os.replace(new, old)
    shutil.rmtree(aside, ignore_errors=True)


@contextlib.contextmanager
def _stderr_to(path: Path):
    """Send this process's (and so the kernels') standard error to `path` for the duration.

    Kernels print start-up chatter there; kept out of cron mail, it stays in the
    staging folder (and what a failing cell raised is in the ReportError).
    """
    sys.stderr.flush()
    saved = os.dup(2)
    with open(path, "ab") as fh:
        os.dup2(fh.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


#: The tables a summit profile reads (its summit's rows of them; summary_evidence: the sentences those rows cite).
PROFILE_READS = ("attendance", "summary_terms", "summary_mentions", "summary_dated", "summary_quotes",
                 "summary_articles", "summary_evidence")


def _job_digest(job: Job, tables: dict[str, pd.DataFrame], notebooks_dir: Path, *, table_hashes: dict[str, str]) -> str:
    """Return a hash of what one report reads: a profile only its summit's rows, the others everything.

    `tables` are load_summaries's. A profile's text (leads, statements, quotations,
    evidence) is in the summary rows it reads, which are hashed. A report that reads
    whole tables is keyed by their files' `table_hashes` (manifest.table_digests):
    they are not read here.
    """
    sid = job.parameters.get("summit_id")
    if sid:
        rows = {}
        for name in sorted(set(PROFILE_READS) & set(tables) - {"summary_evidence"}):
            frame = tables[name]
            rows[name] = frame[frame["summit_id"] == sid]
        if "summary_evidence" in tables:
            cited = [ref for name in summaries.EVIDENCE_TABLES if name in rows
                     for value in rows[name]["evidence"] for ref in schema.evidence_refs(value, summaries.EVIDENCE_SENTENCES)]
            ev = tables["summary_evidence"]
            keys = pd.MultiIndex.from_arrays([ev["article_id"].astype(object), ev["sentence_id"].astype("int64")])
            rows["summary_evidence"] = ev[keys.isin(cited)] if cited else ev.iloc[:0]
        data = {name: pd.util.hash_pandas_object(frame.astype(str), index=False).sum() for name, frame in rows.items()}
    else:
        data = {name: table_hashes.get(schema.TABLES[name].file, "missing") for name in sorted(tables)}
    notebook = manifest.file_digest(notebooks_dir / f"{job.notebook}.ipynb")
    return manifest.combined(data, notebook, job.parameters.get("summit_id"), manifest.source_digest())


def to_html(notebook: str | os.PathLike, *, title: str) -> str:
    """Return a standalone HTML page of an executed notebook: outputs only, figures inline.

    Input cells, prompts and stderr streams (warnings) are left out; the page
    carries its own stylesheet and loads nothing from the network.
    """
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(notebook), as_version=4)
    heading = title
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            lines = [line.lstrip("# ").strip() for line in cell.source.splitlines() if line.startswith("#")]
            heading = lines[-1] if lines else heading
        elif cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", []) if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
            for output in cell.outputs:
                if "image/png" in output.get("data", {}):
                    output.setdefault("metadata", {})["alt"] = f"Figure: {heading}"
    exporter = HTMLExporter(
        template_name="basic", exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
        anchor_link_text="",
    )
    body, _ = exporter.from_notebook_node(nb)
    return _page(title, body)


def index_page(jobs: list[Job], tables: dict[str, pd.DataFrame]) -> str:
    """Return the HTML of reports/index.html: a link per report, the corpus in one line, the build time."""
    arts = tables["articles"]
    n_summits = arts["summit_id"].nunique()
    words = int(arts["n_words"].fillna(0).sum())
    built = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    line = (
        f"{len(arts)} articles ({words:,} words) about {n_summits} SCO summit{'s' * (n_summits != 1)}; "
        f"built {built} by scoanalysis {__version__}."
    )
    items = "\n".join(
        f'<li><a href="{html.escape(j.stem)}.html">{html.escape(j.title)}</a></li>' for j in jobs
    )
    body = f"<h1>SCO summits in the news: reports</h1>\n<p class=\"lead\">{html.escape(line)}</p>\n<ul>\n{items}\n</ul>"
    return _page("SCO summits in the news: reports", body)


_CSS = """
body{font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;max-width:1040px;margin:2rem auto;
padding:0 1rem;color:#1b1b1b;line-height:1.5}
h1{font-size:1.8rem;margin-top:0}h2{font-size:1.35rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
h3{font-size:1.1rem}table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0 1rem}
th,td{border:1px solid #d0d0d0;padding:.25rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f2f2f2}tbody tr:nth-child(even){background:#fafafa}
img{max-width:100%;height:auto}pre{white-space:pre-wrap;font-size:.85rem;background:#f6f6f6;padding:.5rem}
.lead{color:#444}.jp-OutputArea-output{overflow-x:auto}
a{color:#0b57a4}
table.side-by-side td{width:50%}del{background:#fbd3d3;text-decoration:line-through}
ins{background:#cdeccf;text-decoration:none}tr.unmatched td{color:#666;font-style:italic}
"""


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )
