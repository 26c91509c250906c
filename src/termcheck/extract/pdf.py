"""PDF: page text through pypdfium2 in a guarded child process, visual line numbers from geometry."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from termcheck.errors import ErrorCode, InputError
from termcheck.extract.guard import run_guarded
from termcheck.extract.lines import group_lines
from termcheck.limits import Limits
from termcheck.models import Anchor, Block, Document, Line, assemble
from termcheck.normalize import normalize

_NO_TEXT_HINT = "the PDF has no text layer (a scan?): run OCR first, e.g. 'ocrmypdf in.pdf out.pdf', then check out.pdf"
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:page|p\.|pg\.|seite|página)?\s*\d{1,4}(?:\s*(?:of|/|sur|de|von)\s*\d{1,4})?(?:\s*[-–—])?$",
    re.IGNORECASE,
)
_MARKERS = "\ufffe\x02"


@dataclass
class PageText:
    """Raw pdfium text of one page and where its visual lines start (char index -> line number)."""

    text: str
    line_starts: list[tuple[int, int]]


def _line_clusters(rects: list[tuple[float, float, float, float]]) -> list[tuple[float, float]]:
    """Merge text rectangles that overlap vertically into visual lines, top of the page first."""
    lines: list[list[float]] = []
    for _l, b, _r, t in sorted(rects, key=lambda r: -r[3]):
        height = max(t - b, 0.1)
        for line in lines:
            overlap = min(t, line[1]) - max(b, line[0])
            if overlap > 0.5 * min(height, line[1] - line[0]):
                line[0], line[1] = min(b, line[0]), max(t, line[1])
                break
        else:
            lines.append([b, t])
    lines.sort(key=lambda ln: -ln[1])
    return [(b, t) for b, t in lines]


def _line_of(box: tuple[float, float, float, float], lines: list[tuple[float, float]]) -> int:
    """The 1-based number of the visual line that holds a character box."""
    centre = (box[1] + box[3]) / 2
    best, best_dist = 0, float("inf")
    for i, (b, t) in enumerate(lines):
        if b <= centre <= t:
            return i + 1
        dist = min(abs(centre - b), abs(centre - t))
        if dist < best_dist:
            best, best_dist = i, dist
    return best + 1


def _page_text(textpage: object) -> PageText:
    """Read one pdfium text page: its text and the visual line of every run of characters."""
    text = textpage.get_text_range()  # type: ignore[attr-defined]
    n = min(len(text), textpage.count_chars())  # type: ignore[attr-defined]
    rects = [textpage.get_rect(i) for i in range(textpage.count_rects())]  # type: ignore[attr-defined]
    clusters = _line_clusters(rects)
    # pdfium's own lines are not visual lines (it joins hyphenated lines and puts text boxes last),
    # so every run that starts after a newline or a hyphen marker is placed by its box.
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n" or c in _MARKERS]
    line_starts: list[tuple[int, int]] = []
    for s in starts:
        j = s
        while j < n and text[j].isspace():
            j += 1
        if j >= n or not clusters:
            continue
        try:
            box = textpage.get_charbox(j, loose=True)  # type: ignore[attr-defined]
        except Exception:  # pdfium has no box for some generated characters
            continue
        line_starts.append((s, _line_of(box, clusters)))
    return PageText(text, line_starts)


def read_pages(data: bytes, password: str | None, max_pages: int) -> list[PageText]:
    """Open the PDF with pypdfium2 and read every page (runs inside the guarded child)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError(
                ErrorCode.ENCRYPTED,
                "the PDF is password-protected" if not password else "the password is wrong",
                "give the password with --password, or ask the sender for an unlocked copy",
            ) from None
        raise InputError(ErrorCode.CORRUPT, "the PDF is damaged or not really a PDF", "re-export or re-download it") from None
    try:
        count = len(pdf)
        if count > max_pages:
            raise InputError(ErrorCode.TOO_LARGE, f"{count} pages, more than the limit of {max_pages}", "raise --max-pages")
        pages = []
        for i in range(count):
            try:
                page = pdf[i]
                textpage = page.get_textpage()
            except pdfium.PdfiumError:
                raise InputError(ErrorCode.CORRUPT, f"page {i + 1} of the PDF is damaged", "re-export or re-download it") from None
            pages.append(_page_text(textpage))
            textpage.close()
            page.close()
        return pages
    finally:
        pdf.close()


def _repeated_margin_lines(pages: list[list[str]]) -> set[str]:
    """Keys of lines that repeat at the top or bottom of at least half of the pages."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        body = [ln for ln in lines if ln.strip()]
        counts.update({_margin_key(ln) for ln in body[:3] + body[-3:]})
    need = max(2, (len(pages) + 1) // 2)
    return {k for k, c in counts.items() if c >= need and k}


def _margin_key(line: str) -> str:
    """A line with digits folded, to see that 'Page 3 of 9' repeats 'Page 4 of 9'."""
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def _blank_margins(pages: list[PageText]) -> list[str]:
    """Each page's text with running headers, footers and page numbers replaced by spaces."""
    split = [p.text.split("\n") for p in pages]
    repeated = _repeated_margin_lines(split)
    out = []
    for lines in split:
        body_idx = [i for i, ln in enumerate(lines) if ln.strip()]
        margin = set(body_idx[:3] + body_idx[-3:])
        kept = []
        for i, ln in enumerate(lines):
            stripped = ln.strip()
            if i in margin and (_margin_key(ln) in repeated or _PAGE_NUMBER.match(stripped)):
                kept.append(" " * len(ln))
            else:
                kept.append(ln)
        out.append("\n".join(kept))
    return out


def pages_to_lines(pages: list[PageText]) -> list[Line]:
    """Clean every page and cut it into lines, each with the visual-line anchors inside it."""
    lines: list[Line] = []
    for number, (page, text) in enumerate(zip(pages, _blank_margins(pages)), start=1):
        clean, omap = normalize(text)
        starts = [(omap.to_clean(s), ln) for s, ln in page.line_starts]
        pos = 0
        k = 0
        for piece in clean.split("\n"):
            end = pos + len(piece)
            anchors = []
            while k < len(starts) and starts[k][0] <= end:
                off = starts[k][0] - pos
                if off >= 0:
                    anchors.append(Anchor(off, number, starts[k][1], None))
                k += 1
            if not anchors or anchors[0].offset > 0:
                prev_line = lines[-1].anchors[-1].line if lines and lines[-1].page == number and lines[-1].anchors else None
                anchors.insert(0, Anchor(0, number, prev_line, None))
            lines.append(Line(piece, anchors, page=number))
            pos = end + 1
        lines.append(Line("", [], page=number))  # a page break ends nothing by itself, but a blank may
    return _join_across_pages(lines)


def _join_across_pages(lines: list[Line]) -> list[Line]:
    """Drop the blank line at a page break when the sentence runs on to the next page."""
    out: list[Line] = []
    for i, ln in enumerate(lines):
        if not ln.text and ln.anchors == [] and out:
            prev = next((x.text.strip() for x in reversed(out) if x.text.strip()), "")
            nxt = next((x.text.strip() for x in lines[i + 1:] if x.text.strip()), "")
            if prev and nxt and not prev.endswith((".", ":", ";", "!", "?")) and nxt[:1].islower():
                continue
        out.append(ln)
    return out


def read_pdf(path: str, data: bytes, limits: Limits, password: str | None = None, layout: bool = False) -> Document:
    """Extract a PDF in a guarded child process and build its Document."""
    if layout:
        from termcheck.extract.pdf_layout import read_layout_pages

        pages, blocks_per_page = run_guarded(read_layout_pages, (data, password, limits.max_pages), limits)
        blocks = [b for page_blocks in blocks_per_page for b in page_blocks]
        doc = assemble(path, "pdf", blocks, pages=pages)
    else:
        pages_text: list[PageText] = run_guarded(read_pages, (data, password, limits.max_pages), limits)
        lines = pages_to_lines(pages_text)
        blocks: list[Block] = group_lines(lines, wrapped=True)
        doc = assemble(path, "pdf", blocks, pages=len(pages_text))
        empty = [i + 1 for i, p in enumerate(pages_text) if sum(c.isalnum() for c in p.text) < 20]
        if pages_text and len(empty) < len(pages_text) and empty:
            shown = ", ".join(map(str, empty[:10])) + (" ..." if len(empty) > 10 else "")
            doc.notes.append(f"{len(empty)} page(s) have no text layer and were not read: {shown}")
    if sum(c.isalnum() for c in doc.text) < 20:
        raise InputError(ErrorCode.NO_TEXT, "no text could be read from the PDF", _NO_TEXT_HINT)
    return doc
