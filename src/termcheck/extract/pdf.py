"""PDF: page text through pypdfium2 in a guarded child process, visual line numbers from geometry."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import Any, Callable, Optional

from termcheck.errors import ErrorCode, InputError
from termcheck.extract.guard import run_guarded
from termcheck.extract.lines import group_lines
from termcheck.limits import Limits
from termcheck.models import Anchor, Block, Document, Line, assemble
from termcheck.normalize import has_text, normalize

_NO_TEXT_HINT = "the PDF has no text layer (a scan?): run OCR first, e.g. 'ocrmypdf in.pdf out.pdf', then check out.pdf"
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:page|p\.|pg\.|seite|página)?\s*\d{1,4}(?:\s*(?:of|/|sur|de|von)\s*\d{1,4})?(?:\s*[-–—])?$",
    re.IGNORECASE,
)
# Where a run of characters starts (page start, after a newline or hyphen marker), blanks skipped.
_RUN_START = re.compile(r"(?:^|(?<=[\n\ufffe\x02]))\s*")



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
        # Sorted by top, a rectangle can only overlap one of the last few lines found.
        for line in lines[-3:]:
            overlap = min(t, line[1]) - max(b, line[0])
            if overlap > 0.5 * min(height, line[1] - line[0]):
                line[0], line[1] = min(b, line[0]), max(t, line[1])
                break
        else:
            lines.append([b, t])
    lines.sort(key=lambda ln: -ln[1])
    return [(b, t) for b, t in lines]


def _line_of(box: tuple[float, float, float, float], lines: list[tuple[float, float]], tops: list[float]) -> int:
    """The 1-based number of the visual line that holds a character box (tops: -top of each line)."""
    centre = (box[1] + box[3]) / 2
    i = bisect_left(tops, -centre)  # first line whose top is at or below the centre
    best, best_dist = 0, float("inf")
    for k in (i - 1, i, i + 1):
        if 0 <= k < len(lines):
            b, t = lines[k]
            if b <= centre <= t:
                return k + 1
            dist = min(abs(centre - b), abs(centre - t))
            if dist < best_dist:
                best, best_dist = k, dist
    return best + 1


class _TextPage:
    """The few pdfium text-page calls termcheck needs, straight on the C API.

    pypdfium2's helper layer costs ~20 ms of import on every run; its raw bindings are enough here.
    """

    def __init__(self, raw: Any, handle: Any) -> None:
        import ctypes

        self.raw, self.handle, self.ctypes = raw, handle, ctypes

    def text(self) -> str:
        """All characters of the page, one per pdfium char index."""
        n = self.raw.FPDFText_CountChars(self.handle)
        if n <= 0:
            return ""
        buf = (self.ctypes.c_ushort * (n + 1))()
        self.raw.FPDFText_GetText(self.handle, 0, n, buf)
        return bytes(buf)[: 2 * n].decode("utf-16-le", errors="ignore")

    def rects(self) -> list[tuple[float, float, float, float]]:
        """The page's text rectangles as (left, bottom, right, top)."""
        c = self.ctypes
        out = []
        left, top, right, bottom = c.c_double(), c.c_double(), c.c_double(), c.c_double()
        for i in range(self.raw.FPDFText_CountRects(self.handle, 0, -1)):
            if self.raw.FPDFText_GetRect(self.handle, i, c.byref(left), c.byref(top), c.byref(right), c.byref(bottom)):
                out.append((left.value, bottom.value, right.value, top.value))
        return out

    def charbox(self, index: int) -> Optional[tuple[float, float, float, float]]:
        """The loose box of one character as (left, bottom, right, top), or None."""
        rect = self.raw.FS_RECTF()
        if not self.raw.FPDFText_GetLooseCharBox(self.handle, index, self.ctypes.byref(rect)):
            return None
        return (rect.left, rect.bottom, rect.right, rect.top)


def _page_text(textpage: _TextPage) -> PageText:
    """Read one pdfium text page: its text and the visual line of every run of characters."""
    text = textpage.text()
    n = len(text)
    clusters = _line_clusters(textpage.rects())
    tops = [-t for _b, t in clusters]
    # pdfium's own lines are not visual lines (it joins hyphenated lines and puts text boxes last),
    # so every run that starts after a newline or a hyphen marker is placed by its box.
    line_starts: list[tuple[int, int]] = []
    if not clusters:
        return PageText(text, line_starts)
    for m in _RUN_START.finditer(text):
        s, j = m.start(), m.end()
        if j >= n:
            continue
        box = textpage.charbox(j)
        if box is not None:
            line_starts.append((s, _line_of(box, clusters, tops)))
    return PageText(text, line_starts)


def _pdfium() -> Any:
    """pdfium's raw bindings, initialised once."""
    import pypdfium2_raw as raw

    if not getattr(raw, "_termcheck_ready", False):
        raw.FPDF_InitLibraryWithConfig(raw.FPDF_LIBRARY_CONFIG(version=2, m_pUserFontPaths=None, m_pIsolate=None, m_v8EmbedderSlot=0))
        raw._termcheck_ready = True
    return raw


def read_pages(data: bytes, password: Optional[str], max_pages: int) -> list[PageText]:
    """Open the PDF with pdfium and read every page (runs inside the guarded child)."""
    raw = _pdfium()
    doc = raw.FPDF_LoadMemDocument64(data, len(data), password.encode("utf-8") if password else None)
    if not doc:
        err = raw.FPDF_GetLastError()
        if err == raw.FPDF_ERR_PASSWORD:
            raise InputError(
                ErrorCode.ENCRYPTED,
                "the password is wrong" if password else "the PDF is password-protected",
                "give the password with --password, or ask the sender for an unlocked copy",
            )
        if err == raw.FPDF_ERR_SECURITY:
            raise InputError(ErrorCode.ENCRYPTED, "the PDF uses an encryption pdfium cannot open", "ask the sender for an unlocked copy")
        raise InputError(ErrorCode.CORRUPT, "the PDF is damaged or not really a PDF", "re-export or re-download it")
    try:
        count = raw.FPDF_GetPageCount(doc)
        if count > max_pages:
            raise InputError(ErrorCode.TOO_LARGE, f"{count} pages, more than the limit of {max_pages}", "raise --max-pages")
        pages = []
        for i in range(count):
            page = raw.FPDF_LoadPage(doc, i)
            textpage = raw.FPDFText_LoadPage(page) if page else None
            if not textpage:
                if page:
                    raw.FPDF_ClosePage(page)
                raise InputError(ErrorCode.CORRUPT, f"page {i + 1} of the PDF is damaged", "re-export or re-download it")
            try:
                pages.append(_page_text(_TextPage(raw, textpage)))
            finally:
                raw.FPDFText_ClosePage(textpage)
                raw.FPDF_ClosePage(page)
        return pages
    finally:
        raw.FPDF_CloseDocument(doc)


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
    skip_blanks = False
    for i, ln in enumerate(lines):
        if not ln.text and ln.anchors == [] and out:
            prev = next((x.text.strip() for x in reversed(out) if x.text.strip()), "")
            nxt = next((x.text.strip() for x in lines[i + 1:] if x.text.strip()), "")
            if prev and nxt and not prev.endswith((".", ":", ";", "!", "?")) and nxt[:1].islower():
                while out and not out[-1].text.strip():
                    out.pop()  # the blanked footer of this page
                skip_blanks = True  # and the blanked header of the next
                continue
        if skip_blanks and not ln.text.strip():
            continue
        skip_blanks = False
        out.append(ln)
    return out


def _warm_up() -> None:
    """Import what comes after extraction while the child reads the PDF on the other core."""
    import termcheck.segment  # noqa: F401


def read_pdf(
    path: str,
    data: bytes,
    limits: Limits,
    password: Optional[str] = None,
    layout: bool = False,
    meanwhile: Optional[Callable[[], None]] = None,
) -> Document:
    """Extract a PDF in a guarded child process and build its Document."""
    if layout:
        from termcheck.extract.pdf_layout import read_layout_pages

        pages, blocks_per_page = run_guarded(read_layout_pages, (data, password, limits.max_pages), limits)
        blocks = [b for page_blocks in blocks_per_page for b in page_blocks]
        doc = assemble(path, "pdf", blocks, pages=pages)
    else:
        def in_parallel() -> None:
            _warm_up()
            if meanwhile:
                meanwhile()

        pages_text: list[PageText] = run_guarded(read_pages, (data, password, limits.max_pages), limits, meanwhile=in_parallel)
        lines = pages_to_lines(pages_text)
        blocks: list[Block] = group_lines(lines, wrapped=True)
        doc = assemble(path, "pdf", blocks, pages=len(pages_text))
        empty = [i + 1 for i, p in enumerate(pages_text) if not has_text(p.text)]
        if pages_text and len(empty) < len(pages_text) and empty:
            shown = ", ".join(map(str, empty[:10])) + (" ..." if len(empty) > 10 else "")
            doc.notes.append(f"{len(empty)} page(s) have no text layer and were not read: {shown}")
    if not has_text(doc.text):
        raise InputError(ErrorCode.NO_TEXT, "no text could be read from the PDF", _NO_TEXT_HINT)
    return doc
