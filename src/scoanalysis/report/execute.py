"""Rendering the reports: papermill runs each notebook, page.to_html turns it into one HTML file.

Every report is rendered into a staging folder first, several at once (each notebook
in its own kernel, one per core); only when all succeed are they moved into the
output folder, so a failing notebook leaves the previous reports in place. A report whose inputs (what its notebook declares it reads, the
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
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pandas as pd

from .. import manifest, paths, reference, schema, storage, summaries
from ..exceptions import ParameterError, ReportError, TableError
from .page import index_page, to_html
from .reads import job_digest
from .parameters import SummitWithoutArticles

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
    Raises ParameterError for a summit id that the reference table does not know,
    listing the summits that have articles.
    """
    tables_path = str(Path(tables_path).resolve())
    known = reference.summit_ids()
    unknown = [s for s in summit_ids or () if s not in known]
    if summit_ids and not unknown:
        chosen = list(summit_ids)
    else:
        if articles is None:
            articles = storage.read_table("articles", tables_path)
        present = set(articles["summit_id"].dropna())
        chosen = [s for s in known if s in present]
    if unknown:
        raise ParameterError(
            f"unknown summit_id {unknown[0]!r}; summits with articles in {tables_path}: {', '.join(chosen) or 'none'}"
            f" (every summit: data/reference/summits.csv)."
        )
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
    workers: int | None = None,
) -> list[Path]:
    """Run the report notebooks on the tables in `tables_path` and write HTML under `out`.

    Incremental: a report whose inputs (the tables its notebook declares it reads,
    by summit for a profile; its notebook and parameters; the package's code and
    templates: reads.job_digest) are unchanged since the last run is not rendered again; `force` renders all.
    The reports to render run at the same time, `workers` at once (default: one per
    available core), each notebook in its own kernel. Every path is made absolute
    before it reaches a kernel, which runs in the notebooks' folder. Returns the
    paths written (the reports rendered, in plan order, then index.html; empty when
    everything was up to date). Records the inputs' hashes, the package version and
    each report's build time in ``out/manifest.json``. Raises ParameterError for an
    unknown summit, TableError when the tables are missing (before `out` is created),
    LockedError when another run holds `out`, and ReportError naming the notebook, cell
    and error when one fails; in every failure the previous contents of `out` are left
    untouched, and a folder `out` that this call created is removed again. A profile
    of a summit without articles is a page of one sentence saying so.
    """
    tables_path = Path(tables_path).resolve()
    out = Path(out).resolve()
    notebooks_dir = Path(notebooks_dir or paths.NOTEBOOKS).resolve()
    say = progress or (lambda msg: None)
    check_tables(tables_path)
    with manifest.locked(out):
        table_hashes = manifest.table_digests(tables_path)  # the CSV files, hashed once for all below
        fingerprint = manifest.report_fingerprint(tables_path, notebooks_dir=notebooks_dir, summit_ids=summit_ids,
                                                  hashes=table_hashes)
        if not force and manifest.is_current(out, fingerprint):
            say(f"reports in {out} are up to date; nothing to do")
            return []
        tables = summaries.load_summaries(tables_path)
        jobs = plan(tables_path, summit_ids=summit_ids, articles=tables["summary_articles"])
        for job in jobs:
            source = notebooks_dir / f"{job.notebook}.ipynb"
            if not source.is_file():
                raise ReportError(f"notebook {source} does not exist; restore it from the repository.")
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
            done = _render_all(todo, notebooks_dir=notebooks_dir, staging=staging, out=out, timeout=timeout, say=say,
                               workers=workers)
            written = []
            for job in todo:
                target, size, seconds = done[job.stem]
                if size > MAX_REPORT_BYTES:  # here, once standard error is the terminal's again
                    log.warning("%s is %.1f MB, over the %.0f MB e-mail limit", target.name, size / 2**20,
                                MAX_REPORT_BYTES / 2**20)
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
                "tables": str(tables_path),
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


def check_tables(tables_path: str | os.PathLike) -> None:
    """Raise TableError when folder `tables_path` does not exist or holds no built tables, saying to run the build."""
    folder = Path(tables_path)
    build = f"`scoanalysis build --corpus <corpus folder> --out {folder}`"
    if not folder.is_dir():
        raise TableError(f"tables folder {folder} does not exist; build the tables first with {build}.")
    if not (folder / schema.TABLES["articles"].file).is_file() and not manifest.read(folder):
        raise TableError(f"tables folder {folder} holds no tables: they were never built; build them with {build}.")


def default_workers() -> int:
    """Return how many reports render at once by default: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _render_all(todo: list[Job], *, notebooks_dir: Path, staging: Path, out: Path, timeout: int,
                say: Callable[[str], None], workers: int | None) -> dict[str, tuple[Path, int, float]]:
    """Render the reports `todo` into `staging`, `workers` at a time; return {stem: (html path, bytes, seconds)}.

    The first report that fails raises its ReportError once the reports already
    running have ended; the ones not yet started are not.
    """
    if not todo:
        return {}
    import papermill  # noqa: F401  imported once here, not by each thread at the same time

    n = len(todo)
    order = sorted(todo, key=_expected_seconds, reverse=True)  # the longest first: the last to end starts early
    done: dict[str, tuple[Path, int, float]] = {}
    with _stderr_to(staging / "kernel-stderr.log"), \
            ThreadPoolExecutor(max_workers=max(1, min(workers or default_workers(), n))) as pool:
        futures = {pool.submit(_render_one, job, label=f"[{i}/{n}]", notebooks_dir=notebooks_dir, staging=staging,
                               out=out, timeout=timeout, say=say): job for i, job in enumerate(order, 1)}
        try:
            for future in as_completed(futures):
                done[futures[future].stem] = future.result()
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return done


#: How long each notebook takes to render, relative to the others: the comparative timeline draws the most figures.
_WEIGHT = {TIMELINE: 3.0, OVERVIEW: 1.5, PROFILE: 1.0}


def _expected_seconds(job: Job) -> float:
    """Return how long `job` is expected to take, relative to the others: the order the reports start in."""
    return _WEIGHT.get(job.notebook, 1.0)


def _render_one(job: Job, *, label: str, notebooks_dir: Path, staging: Path, out: Path, timeout: int,
                say: Callable[[str], None]) -> tuple[Path, int, float]:
    """Run one report's notebook in its own kernel and write its HTML page into `staging`; return (path, bytes, seconds)."""
    import papermill as pm

    source = notebooks_dir / f"{job.notebook}.ipynb"
    say(f"{label} {job.stem} ...")
    started = time.perf_counter()
    executed = staging / f"{job.stem}.ipynb"
    parameters = dict(job.parameters)
    if job.notebook == TIMELINE:
        parameters["figures_dir"] = str(staging / FIGURES)  # each figure beside its CSV
    try:
        pm.execute_notebook(
            str(source), str(executed), parameters=parameters, kernel_name="python3",
            progress_bar=False, log_output=False, execution_timeout=timeout, cwd=str(notebooks_dir),
        )
        page = to_html(executed, title=job.title)
    except pm.PapermillExecutionError as exc:
        if exc.ename != SummitWithoutArticles.__name__:
            raise ReportError(
                f"{source.name} failed in cell {exc.exec_count or exc.cell_index}: {exc.ename}: {exc.evalue}"
                f" (parameters {job.parameters}); previous reports in {out} are unchanged."
            ) from None
        page = to_html(_stopped_at(executed, exc.evalue), title=job.title)
    target = staging / f"{job.stem}.html"
    target.write_text(page, encoding="utf-8")
    size = target.stat().st_size
    seconds = time.perf_counter() - started
    say(f"{label} {job.stem}.html  {size / 1024:,.0f} KB  {seconds:.1f} s")
    return target, size, seconds


def _stopped_at(executed: Path, sentence: str):
    """Return the executed notebook `executed` cut at the cell that raised, its error shown as `sentence` (Markdown).

    For a notebook whose parameters leave nothing to show (SummitWithoutArticles):
    the cells before, then the one sentence; papermill's error banners are left out.
    """
    import nbformat
    from papermill.execute import ERROR_MARKER_TAG

    nb = nbformat.read(str(executed), as_version=4)
    cells = []
    for cell in nb.cells:
        if ERROR_MARKER_TAG in cell.metadata.get("tags", []):
            continue
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if errors:
            cell.outputs = [o for o in cell.outputs if o.get("output_type") != "error"]
            cell.outputs.append(nbformat.v4.new_output("display_data", data={"text/markdown": sentence}))
            cells.append(cell)
            break
        cells.append(cell)
    nb.cells = cells
    return nb


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
