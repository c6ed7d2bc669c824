"""Benchmark `scoanalysis build` against the cheapest pass over every word, in one run.

Makes synthetic corpora of N articles by recombining the real corpus's sentences
(scoanalysis.synthetic: dates, names, places and ordinary words varied, 1% planted
re-publications), then measures words per second, articles per second and peak memory
(summed over the build's process and its workers, and of the main process alone,
sampled every 50 ms) of
`build --force` with one process, two processes and a two-worker Dask local cluster,
each in its own subprocess.
The baseline, measured in the same run on the same text, is NLTK's
NLTKWordTokenizer over every article. Prints a table and the ratios the scale
issue sets targets for:

  one process / baseline words per second   (target >= 1/3)
  two processes / one process               (target >= 1.8)
  peak memory at the largest N / at the one before  (target <= 1.5 at 100k vs 10k)

With --report, also times `scoanalysis report --force` on each size's tables (target:
independent of corpus size).

With --against PATH, every build is also run by a second version of the package on the
same corpus, one after the other on this machine: PATH is another checkout's `src`
folder (run with this Python, that folder first on PYTHONPATH) or the Python executable
of an environment where another version is installed. Its rows are marked `@against`,
and the ratios give this version's words per second over the other's.

Usage: python benchmarks/bench_build.py [--sizes 1000,10000] [--engines one,two,dask] [--keep DIR] [--report]
                                        [--against PATH]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENGINES = {"one": ["--jobs", "1"], "two": ["--jobs", "2"], "dask": ["--jobs", "2", "--engine", "dask"]}


def baseline(corpus: Path) -> tuple[float, int]:
    """Return (seconds, words) for NLTKWordTokenizer over every raw file of `corpus`."""
    from nltk.tokenize import NLTKWordTokenizer

    tok = NLTKWordTokenizer()
    files = sorted((corpus / "raw").glob("*.txt"))
    started = time.perf_counter()
    words = 0
    for f in files:
        words += sum(1 for _ in tok.span_tokenize(f.read_text(encoding="utf-8")))
    return time.perf_counter() - started, words


class Version:
    """How to run one version of the package: a Python executable and the environment it runs with."""

    def __init__(self, path: str | None = None):
        """This Python and environment (`path` None), another checkout's `src` folder, or another Python executable."""
        self.python, self.env = sys.executable, dict(os.environ)
        if path is None:
            return
        where = Path(path).absolute()  # not resolved: a venv's python is a link to the base interpreter
        if where.is_dir():
            if not (where / "scoanalysis" / "__init__.py").is_file():
                raise SystemExit(f"--against {path}: no scoanalysis package in that folder (give a checkout's src folder)")
            self.env["PYTHONPATH"] = os.pathsep.join([str(where), *filter(None, [self.env.get("PYTHONPATH")])])
        elif where.is_file() and os.access(where, os.X_OK):
            self.python = str(where)
            self.env.pop("PYTHONPATH", None)  # its own installed version, not this tree
        else:
            raise SystemExit(f"--against {path}: neither a src folder nor a Python executable")

    def describe(self) -> str:
        """Return where this version's scoanalysis is imported from, and its version."""
        found = subprocess.run([self.python, "-c", "import scoanalysis as s; print(s.__version__, s.__file__)"],
                               env=self.env, capture_output=True, text=True, check=True)
        return f"{self.python}: scoanalysis {found.stdout.strip()}"


def run_build(corpus: Path, out: Path, engine: str, *, version: Version | None = None) -> tuple[float, float, float]:
    """Return (seconds, peak MB summed over the build's processes, peak MB of its main process) for one `build --force`.

    `out` is removed first: `--force` rebuilds the tables but would still take each article
    from the per-article cache a previous run left there (`out/.cache`), which is no
    measure of the extraction. `version`: which package runs it (default this one).
    """
    version = version or Version()
    shutil.rmtree(out, ignore_errors=True)
    return _measure([version.python, "-m", "scoanalysis.cli", "build", "--corpus", str(corpus), "--out", str(out),
                     "--force", "--quiet", "--keep-going", *ENGINES[engine]], env=version.env)


def run_report(tables: Path, out: Path) -> tuple[float, float, float]:
    """Return (seconds, peak MB, peak MB of the main process) for one `scoanalysis report --force` over `tables`."""
    return _measure([sys.executable, "-m", "scoanalysis.cli", "report", "--tables", str(tables), "--out", str(out),
                     "--force", "--quiet"])


def _measure(command: list[str], *, env: dict | None = None) -> tuple[float, float, float]:
    """Run `command`; return (seconds, peak resident MB of it and all its descendants together, peak MB of it alone)."""
    import psutil

    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env)
    root = psutil.Process(proc.pid)
    peak = main = 0
    while proc.poll() is None:
        try:
            own = _rss(root)
            peak = max(peak, own + sum(_rss(p) for p in root.children(recursive=True)))
            main = max(main, own)
        except psutil.NoSuchProcess:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    if proc.returncode:
        raise SystemExit(f"{' '.join(command)} failed with exit code {proc.returncode}")
    return seconds, peak / 2**20, main / 2**20


def _rss(process) -> int:
    try:
        return process.memory_info().rss
    except Exception:  # the process ended between listing and reading
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000", help="comma-separated corpus sizes (articles)")
    parser.add_argument("--engines", default="one,two,dask", help="comma-separated: one, two, dask")
    parser.add_argument("--keep", default=None, help="folder for the synthetic corpora (default: a temporary one)")
    parser.add_argument("--report", action="store_true", help="also time `scoanalysis report` on each size's tables")
    parser.add_argument("--against", metavar="PATH", default=None,
                        help="also run every build with another version: a checkout's src folder or a Python executable")
    args = parser.parse_args()
    against = Version(args.against) if args.against else None

    from scoanalysis import corpus as corpus_mod, synthetic, text
    from scoanalysis.paths import DATA

    arts = corpus_mod.read_corpus(DATA)
    sentences = text.sentences(arts, tokenizer=text.train_punkt(arts["text"]))
    work = Path(args.keep or tempfile.mkdtemp(prefix="scoanalysis-bench-"))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; work in {work}")
    if against is not None:
        print(f"this:    {Version().describe()}\nagainst: {against.describe()}")
    header = f"{'engine':<13}{'articles':>9}{'words':>11}{'seconds':>9}{'words/s':>10}{'art/s':>8}{'peak MB':>9}{'main MB':>9}{'vs baseline':>13}"
    print(header)
    results: dict[tuple[str, int], tuple[float, float, int, float]] = {}
    others: dict[tuple[str, int], tuple[float, float, int, float]] = {}
    reports: dict[int, float] = {}
    baselines: dict[int, float] = {}
    for n in [int(x) for x in args.sizes.split(",")]:
        folder = work / f"synth-{n}"
        if not (folder / "raw").is_dir():
            synthetic.write_synthetic_corpus(sentences, folder, n=n, seed=n, vary_words=0.8, repeat=0.01)
        b_seconds, words = baseline(folder)
        baselines[n] = words / b_seconds
        print(f"{'baseline':<13}{n:>9}{words:>11,}{b_seconds:>9.2f}{words / b_seconds:>10,.0f}{n / b_seconds:>8,.0f}{'':>18}{1:>13.3f}",
              flush=True)
        for engine in args.engines.split(","):
            seconds, peak, main_peak = run_build(folder, work / f"out-{n}-{engine}", engine)
            results[(engine, n)] = (seconds, peak, words, main_peak)
            _row(engine, n, words, seconds, peak, main_peak, b_seconds)
            if against is not None:
                seconds, peak, main_peak = run_build(folder, work / f"out-{n}-{engine}-against", engine, version=against)
                others[(engine, n)] = (seconds, peak, words, main_peak)
                _row(f"{engine}@against", n, words, seconds, peak, main_peak, b_seconds)
        if args.report:
            built = next(work / f"out-{n}-{e}" for e in args.engines.split(","))
            seconds, peak, main_peak = run_report(built, work / f"reports-{n}")
            reports[n] = seconds
            print(f"{'report':<13}{n:>9}{'':>11}{seconds:>9.2f}{'':>10}{'':>8}{peak:>9,.0f}{main_peak:>9,.0f}", flush=True)
    sizes = sorted({n for _, n in results})
    print("\nratios")
    for n in sizes:
        if ("one", n) in results and ("two", n) in results:
            print(f"  two processes / one, {n} articles: {results[('one', n)][0] / results[('two', n)][0]:.2f} (target >= 1.8)")
        if ("one", n) in results and ("dask", n) in results:
            print(f"  dask (2 workers) / one, {n} articles: {results[('one', n)][0] / results[('dask', n)][0]:.2f}")
    for engine in args.engines.split(","):
        if len(sizes) >= 2 and (engine, sizes[-1]) in results and (engine, sizes[-2]) in results:
            large, small = results[(engine, sizes[-1])], results[(engine, sizes[-2])]
            print(f"  peak memory {sizes[-1]} / {sizes[-2]} articles, {engine}: {large[1] / small[1]:.2f} "
                  f"(main process {large[3] / small[3]:.2f}; target <= 1.5 at 100k/10k)")
    if len(reports) >= 2:
        print(f"  report time {sizes[-1]} / {sizes[0]} articles: {reports[sizes[-1]] / reports[sizes[0]]:.2f} (target: about 1)")
    for n in sizes:
        if ("one", n) in results:
            print(f"  one process / baseline words per second, {n} articles: "
                  f"{(results[('one', n)][2] / results[('one', n)][0]) / baselines[n]:.3f} (target >= 0.333)")
    for (engine, n), (seconds, _, words, _) in sorted(others.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        mine = results[(engine, n)]
        print(f"  this / against words per second, {engine}, {n} articles: {(mine[2] / mine[0]) / (words / seconds):.3f} "
              f"({mine[2] / mine[0]:,.0f} against {words / seconds:,.0f})")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


def _row(engine: str, n: int, words: int, seconds: float, peak: float, main_peak: float, baseline_seconds: float) -> None:
    """Print one build's row of the table."""
    print(f"{engine:<13}{n:>9}{words:>11,}{seconds:>9.2f}{words / seconds:>10,.0f}{n / seconds:>8,.1f}"
          f"{peak:>9,.0f}{main_peak:>9,.0f}{baseline_seconds / seconds:>13.3f}", flush=True)


if __name__ == "__main__":
    main()
