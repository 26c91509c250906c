"""Benchmark: a union rep's folder of many contracts, checked with -j 1 and with one worker per core.

Run on demand (not in the test suite):

    python benchmarks/batch_speed.py                       # 1,000 files, 3 paired rounds
    python benchmarks/batch_speed.py --files 200 --rounds 5

The folder is built in a temporary directory by cycling through the examples (PDF, DOCX, text) and,
when ../shared/corpus/cuad is beside the checkout, the CUAD commercial contracts (long text files).
Each round runs `termcheck FOLDER -f jsonl -o FILE` once per --jobs value, the order alternating;
the script prints the median wall time, files per second, and the median per-round speed-up.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CUAD = ROOT.parent / "shared" / "corpus" / "cuad" / "contracts"


def sources() -> list[Path]:
    """The files the folder is made of: every example, then CUAD contracts if present."""
    found = sorted(p for p in (ROOT / "examples").iterdir() if p.suffix in (".pdf", ".docx", ".txt", ".md"))
    if CUAD.is_dir():
        found += sorted(CUAD.glob("*.txt"))
    return found


def build_folder(target: Path, count: int) -> None:
    """Copy `count` files into target, cycling through the sources (names keep their suffix)."""
    for i, src in zip(range(count), itertools.cycle(sources())):
        shutil.copy(src, target / f"{i:05d}-{src.name}")


def run(folder: Path, jobs: int, out: Path) -> float:
    """Wall seconds of one termcheck run over the folder."""
    started = time.perf_counter()
    proc = subprocess.run(
        ["termcheck", str(folder), "-j", str(jobs), "-f", "jsonl", "-o", str(out), "--no-progress"],
        capture_output=True,
    )
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        sys.exit(f"termcheck exited {proc.returncode}: {proc.stderr.decode(errors='replace')[:500]}")
    return elapsed


def main() -> None:
    """Build the folder, time the runs, print medians and the speed-up."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, len(os.sched_getaffinity(0))])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "contracts"
        folder.mkdir()
        build_folder(folder, args.files)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(f"{args.files} files, {size:.1f} MB; jobs {args.jobs}; {args.rounds} rounds")
        times: dict[int, list[float]] = {j: [] for j in args.jobs}
        for r in range(args.rounds):
            order = args.jobs if r % 2 == 0 else list(reversed(args.jobs))
            for jobs in order:
                times[jobs].append(run(folder, jobs, Path(tmp) / f"out-{jobs}.jsonl"))
        base = args.jobs[0]
        for jobs in args.jobs:
            median = statistics.median(times[jobs])
            ratios = [b / t for b, t in zip(times[base], times[jobs])]
            print(
                f"-j {jobs}: median {median:.1f} s, {args.files / median:.1f} files/s, "
                f"speed-up vs -j {base}: x{statistics.median(ratios):.2f}"
            )


if __name__ == "__main__":
    main()
