"""PDF, the part that runs in the guarded child: pdfium's text per page and where visual lines start.

It imports nothing heavy, so that the parent can fork it straight away and prepare the rest meanwhile.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any, Optional

from termcheck.errors import ErrorCode, InputError

# Where a run of characters starts (page start, after a newline or hyphen marker), blanks skipped.
_RUN_START = re.compile(r"(?:^|(?<=[\n\ufffe\x02]))\s*")


# A table's cells on one visual line are text runs at least this far apart (points): wider than any
# word space, even in justified text. A row starts within the tolerance of the table's left edge.
_CELL_GAP = 18.0
_EDGE_TOLERANCE = 6.0
# A word processor pads a cell by about 6 pt each side: text that fills a cell ends 11-12 pt before the
# next cell's. That close, a gap only splits cells where another line shows a column starting there.
_CELL_PADDING = 8.0
# A word processor writes a table cell by cell, each cell's wrapped lines before the next cell: a row
# whose cells wrap spans a few visual lines. Two columns of prose read the same way but run for a page.
_MAX_ROW_LINES = 30

Box = tuple[float, float, float, float]  # left, bottom, right, top


@dataclass
class PageText:
    """Raw pdfium text of one page and where its visual lines start (char index -> line number)."""

    text: str
    line_starts: list[tuple[int, int]]
    # the rows of the page's tables: (table number on the page, (char index where a cell starts, its column) per
    # cell, char index of the row's last character (-1: unknown, the row ends with its text line))
    table_rows: list[tuple[int, tuple[tuple[int, int], ...], int]] = field(default_factory=list)
    # a cell's text wrapped onto a visual line of its own: (char index of that line, row in table_rows, column)
    wrapped_cells: list[tuple[int, int, int]] = field(default_factory=list)


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


def _line_cells(rects: list[Box], lines: list[tuple[float, float]], tops: list[float]) -> tuple[list[list[Box]], list[list[tuple[int, int]]]]:
    """Each visual line's cells, left to right: its text rectangles, merged where closer than a cell gap
    (or than a cell's padding, where a cell starts at a column edge seen on the page); and for each cell
    the first and last of its rectangles in pdfium's order (the text's order)."""
    per_line: list[list[tuple[Box, int]]] = [[] for _ in lines]
    for k, r in enumerate(rects):
        per_line[_line_of(r, lines, tops) - 1].append((r, k))
    for boxes in per_line:
        boxes.sort()
    # a cell's text can fill its width and end a cell's padding away from the next (a word processor's
    # table): where a cell starts after a wide gap on some line is a column edge for every line
    edges = sorted(cell[0] for boxes in per_line for cell in _merge(boxes, [])[0][1:])
    out, order = [], []
    for boxes in per_line:
        cells, spans = _merge(boxes, edges)
        out.append(cells)
        order.append(spans)
    return out, order


def _merge(boxes: list[tuple[Box, int]], edges: list[float]) -> tuple[list[Box], list[tuple[int, int]]]:
    """One line's rectangles (left to right, with their pdfium order) merged into cells and their spans."""
    cells: list[Box] = []
    spans: list[tuple[int, int]] = []
    for r, k in boxes:
        gap = r[0] - cells[-1][2] if cells else 0.0
        at_edge = gap >= _CELL_PADDING and _near(edges, r[0])
        if cells and gap < _CELL_GAP and not at_edge:
            left, bottom, right, top = cells[-1]
            cells[-1] = (left, min(bottom, r[1]), max(right, r[2]), max(top, r[3]))
            spans[-1] = (min(spans[-1][0], k), max(spans[-1][1], k))
        else:
            cells.append(r)
            spans.append((k, k))
    return cells, spans


def _near(edges: list[float], x: float) -> bool:
    """Whether x is within the edge tolerance of one of the sorted edges."""
    i = bisect_left(edges, x - _EDGE_TOLERANCE)
    return i < len(edges) and edges[i] <= x + _EDGE_TOLERANCE


def _rows_written_cell_by_cell(line_cells: list[list[Box]], order: list[list[tuple[int, int]]]) -> tuple[list[list[Box]], list[list[tuple[int, int]]]]:
    """Join the visual lines of each table row that the text gives cell by cell (each cell's wrapped
    lines before the next cell's) into one line of cells, each cell's box and text span over its lines."""
    out_cells: list[list[Box]] = []
    out_order: list[list[tuple[int, int]]] = []
    i = 0
    while i < len(line_cells):
        row, end = _cell_major_row(line_cells, order, i)
        if row is None:
            # lines the text reads back and forth through that are no row (two columns of prose) stay as they are
            out_cells += line_cells[i:end]
            out_order += order[i:end]
        else:
            out_cells.append(row[0])
            out_order.append(row[1])
        i = end
    return out_cells, out_order


def _cell_major_row(
    line_cells: list[list[Box]], order: list[list[tuple[int, int]]], first: int
) -> tuple[Optional[tuple[list[Box], list[tuple[int, int]]]], int]:
    """The row starting at a visual line with two cells or more, when the text reads it cell by cell (its
    cells, one per column, and their spans), or None; and the line after the lines it looked at."""
    lefts = [c[0] for c in line_cells[first]]
    if len(lefts) < 2:
        return None, first + 1
    last = max(end for _start, end in order[first])
    end = first + 1
    # a later line is the row's while the text goes back to it (a cell's next line comes before the
    # next cell), every one of its cells under a column of the row's first line
    while (
        end < len(line_cells) and order[end]
        and min(start for start, _end in order[end]) < last
        and all(any(abs(c[0] - left) <= _EDGE_TOLERANCE for left in lefts) for c in line_cells[end])
    ):
        last = max(last, *(e for _s, e in order[end]))
        end += 1
    if end == first + 1:
        return None, first + 1
    if end - first > _MAX_ROW_LINES:
        return None, end  # two columns of prose, read one after the other
    pieces = sorted(
        (span, min(range(len(lefts)), key=lambda k: abs(lefts[k] - box[0])), box)
        for line in range(first, end) for box, span in zip(line_cells[line], order[line])
    )
    # the row's text is one run, column after column, nothing else inside it
    if any(b[0][0] != a[0][1] + 1 or b[1] < a[1] for a, b in zip(pieces, pieces[1:])):
        return None, end
    cells: list[Box] = []
    spans: list[tuple[int, int]] = []
    for k in range(len(lefts)):
        mine = [(span, box) for span, column, box in pieces if column == k]
        cells.append((min(b[0] for _s, b in mine), min(b[1] for _s, b in mine), max(b[2] for _s, b in mine), max(b[3] for _s, b in mine)))
        spans.append((mine[0][0][0], mine[-1][0][1]))
    return (cells, spans), end


def find_tables(line_cells: list[list[Box]]) -> list[list[tuple[int, list[int]]]]:
    """Runs of visual lines laid out as a table: each table's lines as (line index, column of each cell).

    A row has two cells or more and starts at the table's left edge; a line with one cell under a later
    column is that cell's text wrapped. A table needs two rows; its columns are its first row's cells,
    and a later row's cells to the right of them (a header may leave its last cells empty).
    """
    tables: list[list[tuple[int, list[int]]]] = []
    current: list[tuple[int, list[int]]] = []
    columns: list[float] = []

    def column(x: float) -> int:
        """The column a cell starting at x falls in: the last one that starts before it."""
        return max(k for k, left in enumerate(columns) if left - _EDGE_TOLERANCE <= x)

    def row_columns(cells: list[Box]) -> Optional[list[int]]:
        """Each cell's column, new columns added on the right; None if two cells share one."""
        cols: list[int] = []
        for c in cells:
            k = column(c[0])
            if cols and k == cols[-1] and k == len(columns) - 1:
                columns.append(c[0])
                k += 1
            cols.append(k)
        return cols if len(set(cols)) == len(cols) else None

    for i, cells in enumerate(line_cells):
        if current:
            starts_row = len(cells) >= 2 and abs(cells[0][0] - columns[0]) <= _EDGE_TOLERANCE
            if starts_row:
                cols = row_columns(cells)
                if cols is not None:
                    current.append((i, cols))
                    continue
            elif len(cells) == 1 and cells[0][0] >= columns[1] - _EDGE_TOLERANCE:
                current.append((i, [column(cells[0][0])]))
                continue
            tables.append(current)
            current = []
        if len(cells) >= 2:
            columns = [c[0] for c in cells]
            current = [(i, list(range(len(cells))))]
    if current:
        tables.append(current)
    return [t for t in tables if sum(1 for _, cols in t if len(cols) >= 2) >= 2]


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

    def char_at(self, x: float, y: float, y_tolerance: float = 2.0) -> int:
        """The index of the character at (or nearest to) a point of the page, or -1."""
        return int(self.raw.FPDFText_GetCharIndexAtPos(self.handle, x, y, 2.0, y_tolerance))

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
    rects = textpage.rects()
    clusters = _line_clusters(rects)
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
    page = PageText(text, line_starts)
    _read_tables(textpage, page, rects, clusters, tops)
    return page


def _read_tables(textpage: _TextPage, page: PageText, rects: list[Box], lines: list[tuple[float, float]], tops: list[float]) -> None:
    """Fill the page's table rows and wrapped cells with the character where each cell starts."""
    line_cells, order = _rows_written_cell_by_cell(*_line_cells(rects, lines, tops))

    def char_at(rect: int, right: bool = False) -> int:
        """The character at the left (or right) end of one of the page's text rectangles."""
        left, bottom, right_x, top = rects[rect]
        # half the line's height: a comma or a full stop sits low, away from the line's middle
        return textpage.char_at(right_x - 1.0 if right else left + 1.0, (bottom + top) / 2, (top - bottom) / 2)

    for number, table in enumerate(find_tables(line_cells)):
        row = -1
        for i, cols in table:
            spans = order[i]
            if len(cols) >= 2:
                # a row's cells one after the other in the text, or pdfium reads it otherwise (two columns of
                # prose side by side, a table written column by column): then it is left as it is
                row = -1
                if all(b[0] == a[1] + 1 for a, b in zip(spans, spans[1:])):
                    cells = tuple((char_at(span[0]), k) for span, k in zip(spans, cols))
                    page.table_rows.append((number, cells, char_at(spans[-1][1], right=True)))
                    row = len(page.table_rows) - 1
            elif row >= 0:
                page.wrapped_cells.append((char_at(spans[0][0]), row, cols[0]))


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


