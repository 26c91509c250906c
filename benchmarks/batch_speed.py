"""Benchmark: a union rep's folder of 1,000 ten-page contracts (PDF and DOCX mixed).

Run on demand (not in the test suite; needs the test extras for reportlab):

    python benchmarks/batch_speed.py                       # 1,000 files, 3 rounds
    python benchmarks/batch_speed.py --files 200 --rounds 5
    python benchmarks/batch_speed.py --text ../shared/corpus/cuad   # real contract text, laid out

The folder is built in a temporary directory: half ten-page PDFs (reportlab, as in extract_speed.py),
half DOCX of the same length (python-docx), each made from its own stretch of contract words. Each
round times, in alternating order:

- `termcheck FOLDER -j 1` and `-j 2` over every file (documents per second, speed-up; target x1.7);
- `termcheck FOLDER -j 2 --include '*.pdf'` against a bare loop that extracts the same PDFs with
  pypdfium2 in two processes (target: termcheck within x1.5 of the bare loop).

Medians over the rounds are printed, and ratios are taken round by round.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from extract_speed import WORDS, make_pdf  # noqa: E402 - the same generated contract pages

BARE = Path(__file__).with_name("bare_pdfium.py")


def make_docx(path: Path, pages: int, start: int) -> None:
    """A DOCX with as many words as a PDF of `pages` pages: numbered clauses of nine lines."""
    import docx

    document = docx.Document()
    document.add_heading("Voice Licence Agreement", level=1)
    w = start
    for p in range(1, pages + 1):
        for clause in range(1, 6):
            words = [WORDS[(w + k) % len(WORDS)] for k in range(9 * 14)]
            w += 9 * 14
            document.add_paragraph(f"{p}.{clause} " + " ".join(words))
    document.save(str(path))


LINES_PER_PAGE = 45


def wrap_paragraphs(text: str) -> list[str]:
    """A text's paragraphs wrapped to 90-character lines, a blank line after each, as a PDF would show them."""
    import textwrap

    lines: list[str] = []
    for paragraph in text.split("\n"):
        if paragraph.strip():
            lines += textwrap.wrap(" ".join(paragraph.split()), 90) + [""]
    return lines


def text_lines(source: Path) -> list[str]:
    """Every .txt contract under source, wrapped to 90-character lines, one after the other."""
    lines: list[str] = []
    for path in sorted(source.rglob("*.txt")):
        lines += wrap_paragraphs(path.read_text(encoding="utf-8", errors="replace"))
    return lines


def make_text_pdf(path: Path, lines: list[str]) -> None:
    """A PDF of the given lines, 45 to a page, with a running footer."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, 842))
    pages = (len(lines) + LINES_PER_PAGE - 1) // LINES_PER_PAGE
    for p in range(pages):
        for k, line in enumerate(lines[p * LINES_PER_PAGE:(p + 1) * LINES_PER_PAGE]):
            c.drawString(50, 790 - k * 16, line)
        c.drawString(270, 30, f"Page {p + 1} of {pages}")
        c.showPage()
    c.save()


def make_text_docx(path: Path, lines: list[str]) -> None:
    """A DOCX of the given lines, a paragraph per blank-separated run."""
    import docx

    document = docx.Document()
    paragraph: list[str] = []
    for line in lines + [""]:
        if line:
            paragraph.append(line)
        elif paragraph:
            document.add_paragraph(" ".join(paragraph))
            paragraph = []
    document.save(str(path))


def build_folder(folder: Path, count: int, source: Path | None = None) -> None:
    """count files, PDF and DOCX alternating; every file is generated, none is a copy.

    Without source, every page repeats a sentence dense with licence, term and deletion wording (the
    rules' worst case); with source, each file is ten pages of the real contract text found there,
    starting at a different place.
    """
    lines = text_lines(source) if source else []
    if source and len(lines) < 10 * LINES_PER_PAGE:
        sys.exit(f"{source}: not enough .txt contract text for a ten-page file")
    for i in range(count):
        if source:
            start = (i * 977) % (len(lines) - 10 * LINES_PER_PAGE)
            chunk = lines[start:start + 10 * LINES_PER_PAGE]
            (make_text_pdf if i % 2 == 0 else make_text_docx)(folder / f"{i:05d}.{'pdf' if i % 2 == 0 else 'docx'}", chunk)
        elif i % 2 == 0:
            make_pdf(folder / f"{i:05d}.pdf", 10)
        else:
            make_docx(folder / f"{i:05d}.docx", 10, start=i * 37)


def wall(cmd: list[str]) -> float:
    """Wall seconds of one run; termcheck may exit 0 or 1 (findings), anything else stops the benchmark."""
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True)
    elapsed = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        sys.exit(f"{cmd[0]} exited {proc.returncode}: {proc.stderr.decode(errors='replace')[:500]}")
    return elapsed


def main() -> None:
    """Build the folder, time the runs, print medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--text", type=Path, help="lay out real contract text from this folder's .txt files (e.g. ../shared/corpus/cuad)")
    args = parser.parse_args()
    script = Path(sys.executable).parent / "termcheck"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "contracts"
        folder.mkdir()
        started = time.perf_counter()
        build_folder(folder, args.files, args.text)
        pdfs = len(list(folder.glob("*.pdf")))
        kind = f"text from {args.text}" if args.text else "dense licence wording"
        print(f"{args.files} ten-page contracts ({pdfs} PDF, {args.files - pdfs} DOCX; {kind}) generated in {time.perf_counter() - started:.0f} s")
        out = ["-f", "jsonl", "-o", str(Path(tmp) / "out.jsonl"), "--no-progress"]
        runs = {
            "j1": [str(script), str(folder), "-j", "1", *out],
            "j2": [str(script), str(folder), "-j", "2", *out],
            "j2-pdf": [str(script), str(folder), "-j", "2", "--include", "*.pdf", *out],
            "bare-pdf": [sys.executable, str(BARE), "--processes", "2", *sorted(str(p) for p in folder.glob("*.pdf"))],
        }
        times: dict[str, list[float]] = {name: [] for name in runs}
        for r in range(args.rounds):
            for name in runs if r % 2 == 0 else reversed(list(runs)):
                times[name].append(wall(runs[name]))
        med = {name: statistics.median(t) for name, t in times.items()}

        def ratio(a: str, b: str) -> float:
            return statistics.median(x / y for x, y in zip(times[a], times[b]))

        print(f"termcheck -j 1: {med['j1']:.1f} s, {args.files / med['j1']:.1f} documents/s")
        print(f"termcheck -j 2: {med['j2']:.1f} s, {args.files / med['j2']:.1f} documents/s, speed-up x{ratio('j1', 'j2'):.2f} (target >= 1.7)")
        print(
            f"PDFs only: termcheck -j 2 {med['j2-pdf']:.1f} s, bare pypdfium2 in 2 processes {med['bare-pdf']:.1f} s, "
            f"ratio x{ratio('j2-pdf', 'bare-pdf'):.2f} (target <= 1.5)"
        )


if __name__ == "__main__":
    main()
