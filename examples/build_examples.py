"""Rebuild the PDF and DOCX versions of the example contracts from their text (run by hand).

    python examples/build_examples.py

The text files are the source; the PDF (reportlab, with a running footer) and DOCX (python-docx,
headings as Word headings) let the same contract be checked in every format termcheck reads.
After a rebuild, refresh the expected reports: UPDATE_GOLDEN=1 pytest tests/test_examples.py
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

HERE = Path(__file__).parent
SOURCES = ["voice-buyout-release.txt", "fair-ai-voice-licence.txt", "autorisation-droit-image.txt", "model-release.txt", "data-contributor-consent.md"]


def _paragraphs(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [re.sub(r"^#+\s*", "", p).strip() for p in text.split("\n") if p.strip()]


def is_heading(p: str) -> bool:
    """A short paragraph with no final stop that is not a form's field, a page number, a list item or a box."""
    return (
        len(p) < 70 and len(p.split()) <= 10 and not p.endswith((".", ":", ";", ","))
        and "____" not in p and ": " not in p and not p.replace(".", "").isdigit()
        and not p.startswith(("-", "•", "*", "(", "["))
    )


def build_pdf(src: Path) -> None:
    from reportlab.pdfgen import canvas

    lines: list[tuple[str, bool]] = []
    for p in _paragraphs(src):
        heading = is_heading(p)
        lines.extend((w, heading) for w in textwrap.wrap(p, 88))
        lines.append(("", False))
    per_page = 46
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    c = canvas.Canvas(str(src.with_suffix(".pdf")), pagesize=(595, 842), invariant=1)
    for n, page in enumerate(pages, start=1):
        for i, (line, heading) in enumerate(page):
            c.setFont("Helvetica-Bold" if heading else "Helvetica", 10)
            c.drawString(56, 790 - i * 16, line)
        c.setFont("Helvetica", 8)
        c.drawString(270, 30, f"Page {n} of {len(pages)}")
        c.showPage()
    c.save()


def build_docx(src: Path) -> None:
    write_docx(_paragraphs(src), src.with_suffix(".docx"))


def write_docx(paragraphs: list[str], out: Path) -> None:
    """One Word paragraph each, the headings (is_heading) in the "Heading 2" style."""
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p, style="Heading 2" if is_heading(p) else None)
    d.save(str(out))


if __name__ == "__main__":
    for name in SOURCES:
        build_pdf(HERE / name)
        build_docx(HERE / name)
        print("built", name)
