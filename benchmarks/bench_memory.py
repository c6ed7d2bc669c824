"""Measure peak memory of `scoanalysis build`: the whole build (main process and workers) and the main process alone.

Makes a synthetic corpus of N articles as bench_build.py does (scoanalysis.synthetic,
80% of ordinary words varied, 1% planted re-publications), runs ``build --force`` once
per size in a subprocess, and samples every 50 ms the resident memory of the build's
process and of its workers. Prints, for each size, seconds, the summed peak, the main
process's own peak, and the ratios between consecutive sizes (the scale issue's
target: at most 1.5 when the corpus grows tenfold).

Usage: python benchmarks/bench_memory.py [--sizes 1000,10000] [--jobs 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def measure(command: list[str]) -> tuple[float, float, float]:
    """Run `command`; return (seconds, peak MB of it and its descendants together, peak MB of it alone)."""
    import psutil

    started = time.perf_counter()
    proc = subprocess.Popen(command)
    root = psutil.Process(proc.pid)
    peak = main = 0
    while proc.poll() is None:
        try:
            own = _rss(root)
            family = own + sum(_rss(p) for p in root.children(recursive=True))
            peak, main = max(peak, family), max(main, own)
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


def corpus_of(n: int, work: Path) -> Path:
    """Return the folder of a synthetic corpus of `n` articles under `work`, writing it if needed."""
    folder = work / f"synth-{n}"
    if not (folder / "raw").is_dir():
        from scoanalysis import corpus as corpus_mod, synthetic, text
        from scoanalysis.paths import DATA

        arts = corpus_mod.read_corpus(DATA)
        sentences = text.sentences(arts, tokenizer=text.train_punkt(arts["text"]))
        synthetic.write_synthetic_corpus(sentences, folder, n=n, seed=n, vary_words=0.8, repeat=0.01)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes (articles)")
    parser.add_argument("--jobs", default="2", help="processes for build (--jobs)")
    parser.add_argument("--keep", default=None, help="folder for the corpora and tables (default: a temporary one)")
    args = parser.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="scoanalysis-mem-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"{'articles':>9}{'seconds':>9}{'peak MB':>9}{'main MB':>9}", flush=True)
    found = {}
    for n in [int(x) for x in args.sizes.split(",")]:
        folder = corpus_of(n, work)
        seconds, peak, main = measure([sys.executable, "-m", "scoanalysis.cli", "build", "--corpus", str(folder),
                                       "--out", str(work / f"out-{n}"), "--force", "--quiet", "--keep-going",
                                       "--jobs", args.jobs])
        found[n] = (peak, main)
        print(f"{n:>9}{seconds:>9.1f}{peak:>9,.0f}{main:>9,.0f}", flush=True)
    sizes = sorted(found)
    for small, large in zip(sizes, sizes[1:]):
        print(f"peak {large} / {small}: {found[large][0] / found[small][0]:.2f} (all processes), "
              f"{found[large][1] / found[small][1]:.2f} (main process)")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
