"""The same contract as text, as a PDF and as a DOCX: every check whose status or value differs.

Run on demand (not in the test suite; needs the test extras for reportlab):

    python benchmarks/format_check.py                      # performer corpus + the first 40 CUAD contracts
    python benchmarks/format_check.py --cuad 118 FILE.txt  # more CUAD, and any text files of your own
    python benchmarks/format_check.py --columns 3          # the PDF set in three narrow columns

Each text file is wrapped to 90-character lines and laid out as a PDF (45 lines a page, a running
footer), as benchmarks/batch_speed.py does, or with --columns 2 or 3 set in narrow columns by
reportlab's layout engine (where short capitalised lines, run-in titles and wrapped clause references
look like titles and clause numbers); and written as a DOCX with one paragraph per paragraph and its
short unpunctuated lines as Word headings (examples/build_examples.py's writer). All three are checked
in this process. A difference means a line break or a heading changed how a clause was read
(a wrapped "two / (2) years" read as a list item, recitals that swallowed the contract, "AI-" /
"generated" joined as one word, a Word heading that a run-in title replaced): read each one in every
version before changing anything.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from batch_speed import make_text_pdf, wrap_paragraphs  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "examples"))
from build_examples import write_docx  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def make_docx(path: Path, text: str) -> None:
    """The text as a DOCX, one paragraph per line, as examples/build_examples.py writes the examples."""
    # a line that goes on in lower case continues its paragraph (CUAD's texts are wrapped by hand)
    lines = re.sub(r"[ \t]*\n[ \t]*(?=[a-z])", " ", text).splitlines()
    write_docx([re.sub(r"^#+\s*", "", ln).strip() for ln in lines if ln.strip()], path)


def make_column_pdf(path: Path, text: str, columns: int) -> None:
    """The text as a PDF set in narrow columns by reportlab's layout engine: a paragraph per blank-separated
    block (a short unpunctuated one as a heading), a running footer, lines wrapped to the column."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    styles = getSampleStyleSheet()
    width, height = A4
    margin, gap = 50, 20
    frame_width = (width - 2 * margin - (columns - 1) * gap) / columns
    frames = [Frame(margin + i * (frame_width + gap), margin + 30, frame_width, height - 2 * margin - 30) for i in range(columns)]

    def footer(canvas, doc) -> None:
        canvas.setFont("Helvetica", 7)
        canvas.drawString(margin, margin, f"Page {doc.page} - Confidential - Form VX-2027 rev.3")

    doc = BaseDocTemplate(str(path), pagesize=A4)
    doc.addPageTemplates([PageTemplate(frames=frames, onPage=footer)])
    story = []
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if block:
            style = styles["Heading3"] if len(block) < 60 and not block.endswith(".") else styles["BodyText"]
            story.append(Paragraph(escape(block).replace("\n", "<br/>"), style))
    doc.build(story)


def statuses(doc, rules) -> dict[str, tuple[str, object]]:
    """Check id -> (status, value) for one extracted document."""
    from termcheck.engine import check

    return {c.id: (c.status, c.value) for c in check(doc, rules).checks}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, help="more text files to compare")
    ap.add_argument("--cuad", type=int, default=40, help="how many CUAD contracts (default 40)")
    ap.add_argument("--columns", type=int, default=1, help="set the PDF in 2 or 3 narrow columns (default: one, 90-character lines)")
    args = ap.parse_args()
    from termcheck.api import load_ruleset
    from termcheck.extract import extract_bytes

    paths = sorted((CORPUS / "performer" / "docs").glob("*.txt")) + sorted((CORPUS / "cuad" / "contracts").glob("*.txt"))[: args.cuad]
    paths += args.files
    rules = load_ruleset()
    differences = 0
    with tempfile.TemporaryDirectory() as tmp:
        pdf, docx = Path(tmp) / "doc.pdf", Path(tmp) / "doc.docx"
        for path in paths:
            text = path.read_text(encoding="utf-8", errors="replace")
            if args.columns > 1:
                make_column_pdf(pdf, text, args.columns)
            else:
                make_text_pdf(pdf, wrap_paragraphs(text))
            make_docx(docx, text)
            as_text = statuses(extract_bytes(path.name, text.encode("utf-8")), rules)
            others = {
                "pdf": statuses(extract_bytes("doc.pdf", pdf.read_bytes()), rules),
                "docx": statuses(extract_bytes("doc.docx", docx.read_bytes()), rules),
            }
            for check_id, got in as_text.items():
                for fmt, got_there in others.items():
                    if got_there.get(check_id) != got:
                        differences += 1
                        print(f"{path.name[:48]:48s} {check_id:20s} text {got}  {fmt} {got_there.get(check_id)}")
    print(f"{differences} differences in {len(paths)} documents")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
