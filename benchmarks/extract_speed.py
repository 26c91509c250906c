"""Benchmark: `termcheck extract` against a bare pypdfium2 script on the same PDF.

Run on demand (not in the test suite):

    python benchmarks/extract_speed.py            # 10 and 300 pages, 11 paired rounds
    python benchmarks/extract_speed.py --rounds 21 --pages 10 50

Each round runs the two commands one after the other (their order alternating), so that the ratio
is taken pair by pair on a machine whose load changes; the script prints medians of the wall times
and the median of the per-pair ratios. Target (issue 2): ratio <= 1.5 on 10 pages.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = Path(__file__).with_name("bare_pdfium.py")

WORDS = (
    "The Performer grants the Company a non-exclusive licence to use the Recordings for a term of two (2) "
    "years in the territory, solely for the Project described in Schedule A, and the Company shall delete "
    "the Recordings within thirty (30) days of a written request from the Performer. "
).split()


def make_pdf(path: Path, pages: int) -> None:
    """A contract-like PDF: numbered clauses, 45 wrapped lines a page, a running header and footer."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    w = 0
    for p in range(1, pages + 1):
        c.setFont("Helvetica", 10)
        c.drawString(60, 810, "Voice Licence Agreement - Confidential")
        for line in range(45):
            if line % 9 == 0:
                text = f"{p}.{line // 9 + 1} " + " ".join(WORDS[(w + k) % len(WORDS)] for k in range(12))
            else:
                text = " ".join(WORDS[(w + k) % len(WORDS)] for k in range(14))
            w += 14
            c.drawString(60, 780 - line * 16, text)
        c.drawString(270, 30, f"Page {p} of {pages}")
        c.showPage()
    c.save()


def wall(cmd: list[str]) -> float:
    """Wall-clock seconds of one run of cmd (output discarded)."""
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, nargs="+", default=[10, 300])
    ap.add_argument("--rounds", type=int, default=11)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'pages':>6} {'termcheck (s)':>14} {'bare pdfium (s)':>16} {'ratio':>7}")
        for pages in args.pages:
            pdf = Path(tmp) / f"c{pages}.pdf"
            make_pdf(pdf, pages)
            script = Path(sys.executable).parent / "termcheck"  # what a user runs (no runpy)
            tool = [str(script) if script.exists() else sys.executable, *([] if script.exists() else ["-m", "termcheck"]), "extract", str(pdf)]
            floor = [sys.executable, str(BARE), str(pdf)]
            wall(tool), wall(floor)  # warm the file cache
            t_tool, t_floor, ratios = [], [], []
            for r in range(args.rounds):
                if r % 2:
                    b, a = wall(floor), wall(tool)
                else:
                    a, b = wall(tool), wall(floor)
                t_tool.append(a)
                t_floor.append(b)
                ratios.append(a / b)
            print(f"{pages:>6} {statistics.median(t_tool):>14.3f} {statistics.median(t_floor):>16.3f} {statistics.median(ratios):>7.2f}")


if __name__ == "__main__":
    main()
