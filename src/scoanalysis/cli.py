"""The `scoanalysis` command: parses options and calls the library.

Exit codes: 0 success; 1 a problem with the input or a report (the message says
which file or value and what to do; `build` still writes the tables of the inputs
it could read unless the corpus folder itself is unusable, and --keep-going turns
skipped inputs into exit 0); 2 a malformed command line.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time

from . import __version__, paths
from .exceptions import ScoanalysisError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scoanalysis", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="turn a corpus folder (raw/*.txt, articles.csv) into the tables")
    b.add_argument("--corpus", default=str(paths.DATA), help="corpus folder holding raw/ (default: %(default)s)")
    b.add_argument("--out", default=str(paths.PROCESSED), help="folder for the tables (default: %(default)s)")
    b.add_argument("--reference", default=None, help="folder of reference CSVs (default: data/reference)")
    b.add_argument("--keep-going", action="store_true",
                   help="exit 0 even when some articles or metadata rows were skipped (they are listed in problems.csv)")
    b.add_argument("--max-bytes", type=int, default=None, metavar="N",
                   help="skip raw files larger than N bytes (default: 5 MB)")
    b.add_argument("--quiet", action="store_true", help="print nothing but errors")

    r = sub.add_parser("report", help="render the report notebooks to HTML")
    r.add_argument("--tables", default=str(paths.PROCESSED), help="folder of built tables (default: %(default)s)")
    r.add_argument("--out", default=str(paths.REPORTS), help="folder for the HTML reports (default: %(default)s)")
    r.add_argument("--summit", action="append", dest="summits", metavar="SUMMIT_ID",
                   help="render the profile of this summit (repeatable; default: every summit with articles)")
    r.add_argument("--quiet", action="store_true", help="print nothing but errors")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line `argv` (default sys.argv[1:]); return the exit code."""
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="%(message)s")
    logging.getLogger("papermill").setLevel(logging.WARNING)
    logging.getLogger("traitlets").setLevel(logging.ERROR)
    say = (lambda msg: None) if args.quiet else (lambda msg: print(msg, flush=True))
    started = time.perf_counter()
    try:
        if args.command == "build":
            from .pipeline import build

            options = {"max_bytes": args.max_bytes} if args.max_bytes else {}
            tables = build(args.corpus, args.out, reference_dir=args.reference, **options)
            problems = tables["problems"]
            for p in problems.itertuples(index=False):
                print(f"scoanalysis build: {p.severity}: {p.file}: {p.problem}; {p.fix}", file=sys.stderr)
            say(
                f"built {len(tables['articles'])} articles, {len(tables['sentences'])} sentences "
                f"into {args.out} in {time.perf_counter() - started:.1f} s"
            )
            skipped = int((problems["severity"] == "error").sum())
            if skipped and not args.keep_going:
                print(f"scoanalysis build: {skipped} input(s) skipped (see {args.out}/problems.csv); "
                      "fix them or pass --keep-going", file=sys.stderr)
                return 1
        elif args.command == "report":
            from .report import render

            written = render(args.tables, args.out, summit_ids=args.summits, progress=say)
            say(f"wrote {len(written)} files into {args.out} in {time.perf_counter() - started:.1f} s")
    except ScoanalysisError as exc:
        print(f"scoanalysis {args.command}: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
