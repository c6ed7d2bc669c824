"""Rendering the reports: papermill runs each notebook, page.to_html turns it into one HTML file.

Every report is rendered into a staging folder first; only when all succeed are
they moved into the output folder, so a failing notebook leaves the previous
reports in place. A report whose inputs (what its notebook declares it reads, the
notebook, its parameters, the code: reads.job_digest) are unchanged is not rendered
again.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd

from .. import manifest, paths, reference, storage, summaries
from ..exceptions import ParameterError, ReportError
from .page import index_page, to_html
from .reads import job_digest

log = logging.getLogger(__name__)


OVERVIEW = "01-corpus-overview"
PROFILE = "02-summit-profile"
TIMELINE = "03-comparative-timeline"
NOTEBOOK_ORDER = (OVERVIEW, PROFILE, TIMELINE)
MAX_REPORT_BYTES = 3 * 1024 * 1024
#: Subfolder of the reports where the comparative report saves each figure beside its CSV.
FIGURES = "figures"
_INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


@dataclass(frozen=True, slots=True)
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
            articles = storage.read_table("articles", tables_path)
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

    Incremental: a report whose inputs (the tables its notebook declares it reads,
    by summit for a profile; its notebook and parameters; the package's code and
    templates: reads.job_digest) are unchanged since the last run is not rendered again; `force` renders all. Returns the paths written (the reports
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
        digests = {job.stem: job_digest(notebooks_dir / f"{job.notebook}.ipynb", job.parameters, tables,
                                        table_hashes=table_hashes) for job in jobs}
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
