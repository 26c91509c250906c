"""Benchmark: where one ten-page PDF's time goes, stage by stage, on one core, against a bare pypdfium2 read.

Run on demand (not in the test suite; needs the test extras for reportlab):

    python benchmarks/stages.py                                # 100 PDFs of dense licence wording
    python benchmarks/stages.py --text ../shared/corpus/cuad   # 100 PDFs of real contract text
    python benchmarks/stages.py --files 200 --rounds 5

The PDFs are built as batch_speed.py builds them. Every stage runs in this process, as a batch worker
runs it (no guarded child): pdfium's reading (text and line geometry), lines (margins, clean-up),
grouping into paragraphs, clauses and sentences, the rules. Each round times every file; the median
over files of each stage is printed per round, then the median over rounds. The bare read is the
text loop of bare_pdfium.py on the same files, in the same process.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bare_pdfium import bare_extract  # noqa: E402
from batch_speed import LINES_PER_PAGE, make_text_pdf, text_lines  # noqa: E402
from extract_speed import make_pdf  # noqa: E402

STAGES = ("read", "lines", "paragraphs", "sentences", "rules")


def build(folder: Path, count: int, source: Path | None) -> list[Path]:
    """count ten-page PDFs, each from its own stretch of text."""
    lines = text_lines(source) if source else []
    paths = []
    for i in range(count):
        path = folder / f"{i:05d}.pdf"
        if source:
            start = (i * 977) % (len(lines) - 10 * LINES_PER_PAGE)
            make_text_pdf(path, lines[start:start + 10 * LINES_PER_PAGE])
        else:
            make_pdf(path, 10)
        paths.append(path)
    return paths


def time_stages(paths: list[Path]) -> dict[str, float]:
    """Median milliseconds per file of each stage, and of the bare read."""
    from termcheck.api import load_ruleset
    from termcheck.engine import check
    from termcheck.extract.lines import group_lines
    from termcheck.extract.pdf_pages import pages_to_lines
    from termcheck.extract.pdf_reader import read_pages
    from termcheck.models import assemble
    from termcheck.segment import segment_document

    ruleset = load_ruleset()
    per_stage: dict[str, list[float]] = {name: [] for name in (*STAGES, "total", "bare")}
    for path in paths:
        data = path.read_bytes()
        t0 = time.perf_counter()
        pages = read_pages(data, None, 2000)
        t1 = time.perf_counter()
        lines = pages_to_lines(pages)
        t2 = time.perf_counter()
        doc = assemble(str(path), "pdf", group_lines(lines, wrapped=True), pages=len(pages))
        t3 = time.perf_counter()
        segment_document(doc)
        t4 = time.perf_counter()
        check(doc, ruleset, parallel=False)
        t5 = time.perf_counter()
        bare_extract(str(path))
        t6 = time.perf_counter()
        for name, took in zip((*STAGES, "total", "bare"), (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t5 - t0, t6 - t5)):
            per_stage[name].append(1000 * took)
    return {name: statistics.median(values) for name, values in per_stage.items()}


def main() -> None:
    """Build the PDFs, time the stages round by round, print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--text", type=Path, help="lay out real contract text from this folder's .txt files (e.g. ../shared/corpus/cuad)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = build(Path(tmp), args.files, args.text)
        rounds = [time_stages(paths) for _ in range(args.rounds)]
    med = {name: statistics.median(r[name] for r in rounds) for name in rounds[0]}
    kind = f"text from {args.text}" if args.text else "dense licence wording"
    print(f"{args.files} ten-page PDFs ({kind}), one core, median ms per file over {args.rounds} rounds:")
    for name in (*STAGES, "total"):
        print(f"  {name:<11} {med[name]:6.1f}")
    print(f"  {'bare read':<11} {med['bare']:6.1f}   (total x{med['total'] / med['bare']:.2f}; after the read {med['total'] - med['read']:.1f} ms)")


if __name__ == "__main__":
    main()
