"""The `scoanalysis` command: parses options and calls the library.

Exit codes:

0  success (or nothing to do: the outputs are up to date);
1  a problem with the input or a report: the message names the file or value and
   the fix. `build` still writes the tables of every input it could read and lists
   the rest in problems.csv; with --keep-going skipped inputs give 0;
2  a malformed command line;
3  another run is writing to the same output folder (the lock is held); try later.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import textwrap
import time
from pathlib import Path

from . import __version__, paths
from .exceptions import LockedError, ParameterError, ScoanalysisError

log = logging.getLogger("scoanalysis")


BUILD_EXITS = """exit codes:
  0  the tables were built, or were up to date (with --keep-going also when inputs were skipped)
  1  the corpus folder is missing or empty, or inputs were skipped (listed in <out>/problems.csv)
  2  a malformed command line
  3  another run is writing to --out (the lock is held); try later"""
REPORT_EXITS = """exit codes:
  0  the reports were rendered, or were up to date
  1  the tables are missing or were never built, a summit is unknown, or a notebook failed
     (the message names its cell; the previous reports are left as they were)
  2  a malformed command line
  3  another run is writing to --out (the lock is held); try later"""
EVALUATE_EXITS = """exit codes:
  0  the evaluation ran (whatever the scores)
  1  the gold file or the tables cannot be read
  2  a malformed command line"""


def _wrapped(text: str) -> str:
    """Return `text` filled to the width of argparse's help (the descriptions are shown as written)."""
    return textwrap.fill(text, width=min(100, shutil.get_terminal_size().columns) - 2)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scoanalysis", description="News about SCO summits turned into tables and HTML reports.",
        epilog="Exit codes: 0 success or up to date; 1 input or report problem; 2 bad command line; 3 another run holds the lock.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--quiet", action="store_true", help="print nothing but errors (for cron)")
    common.add_argument("--log", metavar="FILE", default=None,
                        help="also append a timestamped log to FILE (report: default <out>/scoanalysis.log, "
                             "written when the run succeeds or the file exists)")
    common.add_argument("--force", action="store_true", help="redo everything, even what is up to date")
    text = argparse.RawDescriptionHelpFormatter

    b = sub.add_parser(
        "build", parents=[common], formatter_class=text,
        help="turn a corpus folder (raw/*.txt, articles.csv) into the tables",
        description=_wrapped("Read the articles in <corpus>/raw/*.txt (and the analyst's <corpus>/articles.csv) and write "
                    "every table, as CSV and Parquet, into --out, with a manifest of the inputs. Only what changed "
                    "since the last build is analysed again; a file that cannot be read is skipped and listed in "
                    "problems.csv with the fix. A failed run leaves --out as it was."),
        epilog=BUILD_EXITS)
    b.add_argument("--corpus", default=str(paths.DATA), help="corpus folder holding raw/ (default: %(default)s)")
    b.add_argument("--out", default=str(paths.PROCESSED), help="folder for the tables (default: %(default)s)")
    b.add_argument("--reference", default=os.path.abspath(paths.REFERENCE), help="folder of reference CSVs (default: %(default)s)")
    b.add_argument("--keep-going", action="store_true",
                   help="exit 0 even when some articles or metadata rows were skipped (they are listed in problems.csv)")
    b.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="run the per-article step in N processes, or N Dask workers (default 1)")
    b.add_argument("--engine", choices=("process", "dask"), default="process",
                   help="where the per-article step runs: local processes, or a Dask cluster")
    b.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="Dask scheduler address (tcp://host:8786); default: a local cluster of --jobs workers")
    b.add_argument("--max-bytes", type=int, default=None, metavar="N",
                   help="skip raw files larger than N bytes (default: 5 MB)")

    r = sub.add_parser(
        "report", parents=[common], formatter_class=text, help="render the report notebooks to HTML",
        description=_wrapped("Run the report notebooks (notebooks/*.ipynb) on the tables in --tables and write one HTML page "
                    "per report into --out: the corpus overview, a profile per summit, the comparative timeline, "
                    "and index.html; the timeline's figures go to <out>/figures with their data as CSV. Reports "
                    "whose inputs are unchanged are not rendered again; the others render at the same time, one "
                    "kernel per core. A failed run leaves --out as it was."),
        epilog=REPORT_EXITS)
    r.add_argument("--tables", default=str(paths.PROCESSED), help="folder of built tables (default: %(default)s)")
    r.add_argument("--out", default=str(paths.REPORTS), help="folder for the HTML reports (default: %(default)s)")
    r.add_argument("--summit", action="append", dest="summits", metavar="SUMMIT_ID",
                   help="render the profile of this summit (repeatable; default: every summit with articles)")
    r.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="render N reports at once, each in its own kernel (default: one per available core)")

    e = sub.add_parser(
        "evaluate", formatter_class=text,
        help="score built tables against gold annotations of a sample (a report, exit 0)",
        description=_wrapped("Score the tables in --tables against the gold annotations in --gold: one line per measure "
                    "with its count and share, then every miss."),
        epilog=EVALUATE_EXITS)
    e.add_argument("--gold", required=True, metavar="FILE", help="gold annotations (JSON; see docs/evaluation.md)")
    e.add_argument("--tables", default=str(paths.PROCESSED), help="folder of built tables (default: %(default)s)")
    e.add_argument("--json", action="store_true", help="print the measures and misses as JSON")
    e.add_argument("--no-misses", action="store_true", help="print the measures only")
    return parser


#: The options that name a file or folder: made absolute before anything uses them.
_PATHS = ("corpus", "out", "tables", "reference", "log", "gold")


def main(argv: list[str] | None = None) -> int:
    """Run the command line `argv` (default sys.argv[1:]); return the exit code."""
    args = _parser().parse_args(argv)
    for name in _PATHS:
        if getattr(args, name, None):
            setattr(args, name, os.path.abspath(getattr(args, name)))
    run_log = _configure_logging(args)
    started = time.perf_counter()
    code = 1
    try:
        if args.command == "build":
            code = _build(args)
        elif args.command == "evaluate":
            code = _evaluate(args)
        else:
            code = _report(args, started)
        return code
    except LockedError as exc:
        log.error("scoanalysis %s: error: %s", args.command, exc)
        code = 3
        return code
    except ScoanalysisError as exc:
        log.error("scoanalysis %s: error: %s", args.command, exc)
        code = 1
        return code
    finally:
        if run_log is not None:
            run_log.finish(succeeded=code == 0)


def _build(args) -> int:
    from . import manifest

    max_bytes = args.max_bytes or paths.MAX_ARTICLE_BYTES
    digest = manifest.build_fingerprint(args.corpus, reference_dir=args.reference, max_bytes=max_bytes)["digest"]
    if not args.force and manifest.is_current(args.out, digest):
        previous = manifest.read(args.out)
        log.info("tables in %s are up to date (%s articles); nothing to do", args.out, previous.get("articles", "?"))
        skipped = int(previous.get("skipped") or 0)
    else:
        from .build.run import build

        if args.jobs < 1:
            raise ParameterError(f"--jobs {args.jobs} is not a number of processes; use 1 or more.")
        tables = build(args.corpus, args.out, reference_dir=args.reference, max_bytes=max_bytes, force=args.force,
                       jobs=args.jobs, engine=args.engine, scheduler=args.scheduler, load=False)
        problems = tables["problems"].fillna("")
        for p in problems.itertuples(index=False):
            (log.error if p.severity == "error" else log.warning)(
                "scoanalysis build: %s: %s: %s; %s", p.severity, p.file, p.problem, p.fix)
        skipped = int((problems["severity"] == "error").sum())
    if skipped and not args.keep_going:
        log.error("scoanalysis build: %d input(s) skipped (see %s/problems.csv); fix them or pass --keep-going",
                  skipped, args.out)
        return 1
    return 0


def _report(args, started: float) -> int:
    from . import manifest

    if not args.force and manifest.is_current(
            args.out, manifest.report_fingerprint(args.tables, notebooks_dir=paths.NOTEBOOKS, summit_ids=args.summits)):
        log.info("reports in %s are up to date; nothing to do", args.out)
        return 0
    if args.jobs is not None and args.jobs < 1:
        raise ParameterError(f"--jobs {args.jobs} is not a number of reports; use 1 or more.")
    # nbformat's validator never checks IRIs; jsonschema's optional IRI checker compiles a grammar on import,
    # the longest part of importing papermill: this process leaves it out (the kernels never import either)
    sys.modules.setdefault("rfc3987_syntax", None)
    from .report import render

    written = render(args.tables, args.out, summit_ids=args.summits, progress=log.info, force=args.force,
                     workers=args.jobs)
    log.info("reports in %s: %d rendered, in %.1f s", args.out, len(written), time.perf_counter() - started)
    return 0


def _evaluate(args) -> int:
    import json

    from .evaluation import evaluate

    result = evaluate(args.gold, args.tables)
    text = (json.dumps(result.to_dict(), indent=1, ensure_ascii=False) if args.json
            else "\n".join(result.lines(misses=not args.no_misses)))
    try:
        print(text, flush=True)
    except BrokenPipeError:  # the reader (head, less) stopped reading: not an error of the evaluation
        sys.stdout = None
    return 0


def _configure_logging(args) -> _RunLog | None:
    """Send the messages to the terminal, and to the run's log file; return the handler of the default log file.

    An explicit --log FILE gets every record as it comes. The report's default log,
    <out>/scoanalysis.log, is appended to as records come when it exists; otherwise its
    records are kept and written at the end only if the run succeeded: a failed run
    into a new folder leaves no log there.
    """
    log.handlers.clear()
    log.setLevel(logging.INFO)
    log.propagate = False
    quiet = getattr(args, "quiet", False)
    console = logging.StreamHandler(sys.stderr if quiet else sys.stdout)
    console.setLevel(logging.ERROR if quiet else logging.INFO)
    console.setFormatter(logging.Formatter("%(message)s"))
    log.addHandler(console)
    if not quiet:
        errors = logging.StreamHandler(sys.stderr)
        errors.setLevel(logging.WARNING)
        errors.setFormatter(logging.Formatter("%(message)s"))
        console.addFilter(lambda record: record.levelno < logging.WARNING)
        log.addHandler(errors)
    for noisy in ("papermill", "traitlets", "nbconvert"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    explicit = getattr(args, "log", None)
    if explicit:
        Path(explicit).parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(explicit, encoding="utf-8")
        handler.setLevel(logging.INFO)
        handler.setFormatter(logging.Formatter(_LOG_FORMAT))
        log.addHandler(handler)
        return None
    if args.command != "report":
        return None
    run_log = _RunLog(Path(args.out) / "scoanalysis.log")
    log.addHandler(run_log)
    return run_log


_LOG_FORMAT = "%(asctime)s %(levelname)s %(message)s"


class _RunLog(logging.Handler):
    """A log file written only by runs that succeed, or appended to when it already exists.

    Records are appended as they come while the file exists; otherwise kept, and
    written by ``finish(succeeded=True)`` (the file and its folder created then).
    """

    def __init__(self, path: Path):
        super().__init__(logging.INFO)
        self.path = path
        self.pending: list[str] = []
        self.setFormatter(logging.Formatter(_LOG_FORMAT))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.pending.append(self.format(record) + "\n")
            if self.path.is_file():
                self._write()
        except Exception:  # noqa: BLE001  logging must not end the run
            self.handleError(record)

    def finish(self, *, succeeded: bool) -> None:
        """Write the records kept when the run succeeded or the file exists; then stop logging to it."""
        if self.pending and (self.path.is_file() or (succeeded and self.path.parent.is_dir())):
            self._write()
        self.pending.clear()
        log.removeHandler(self)

    def _write(self) -> None:
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.writelines(self.pending)
        self.pending.clear()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
