"""PDF, layout-aware path (--layout): pdfplumber with column crops and table rows as cells."""

from __future__ import annotations

import io
from typing import Any

from termcheck.errors import ErrorCode, InputError
from termcheck.extract.lines import group_lines
from termcheck.models import Anchor, Block, Line
from termcheck.normalize import normalize


def _columns(words: list[dict[str, Any]], width: float) -> list[tuple[float, float]]:
    """Split a page into columns at an empty vertical gutter in its middle third, if there is one."""
    if len(words) < 40:
        return [(0.0, width)]
    step = 2.0
    bins = [0] * (int(width / step) + 2)
    for w in words:
        for i in range(int(w["x0"] / step), int(w["x1"] / step) + 1):
            bins[i] += 1
    lo, hi = int(width * 0.3 / step), int(width * 0.7 / step)
    best: tuple[int, int] | None = None
    run_start = None
    for i in range(lo, hi + 1):
        if bins[i] == 0:
            run_start = i if run_start is None else run_start
            if best is None or i - run_start > best[1] - best[0]:
                best = (run_start, i)
        else:
            run_start = None
    if best is None or (best[1] - best[0] + 1) * step < 8:
        return [(0.0, width)]
    cut = (best[0] + best[1] + 1) / 2 * step
    left = sum(1 for w in words if w["x1"] <= cut)
    if left < 10 or len(words) - left < 10:
        return [(0.0, width)]
    return [(0.0, cut), (cut, width)]


def _line_numbers(tops: list[float]) -> dict[float, int]:
    """Number visual lines from the top, treating tops within 2 pt as one line."""
    numbers: dict[float, int] = {}
    last = None
    n = 0
    for top in sorted(set(tops)):
        if last is None or top - last > 2.0:
            n += 1
        numbers[top] = n
        last = top
    return numbers


def read_layout_pages(data: bytes, password: str | None, max_pages: int) -> tuple[int, list[list[Block]]]:
    """Read every page with pdfplumber; returns the page count and each page's blocks."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data), password=password or "")
        count = len(pdf.pages)
    except Exception as exc:
        cause = exc.__cause__ or exc.__context__ or exc
        if isinstance(exc, PDFPasswordIncorrect) or isinstance(cause, PDFPasswordIncorrect) or "password" in repr(exc).lower():
            raise InputError(ErrorCode.ENCRYPTED, "the PDF is password-protected", "give the password with --password") from None
        raise InputError(ErrorCode.CORRUPT, "the PDF is damaged or not really a PDF", "re-export or re-download it") from None
    if count > max_pages:
        raise InputError(ErrorCode.TOO_LARGE, f"{count} pages, more than the limit of {max_pages}", "raise --max-pages")
    out: list[list[Block]] = []
    with pdf:
        for number, page in enumerate(pdf.pages, start=1):
            out.append(_page_blocks(page, number))
            page.close()  # without it a 300-page file peaks at 1.8 GiB (extraction.md §5)
    return count, out


def _page_blocks(page: Any, number: int) -> list[Block]:
    """One page: tables as rows of cells, the rest column by column in reading order."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside_tables(obj: dict[str, Any]) -> bool:
        cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and t <= cy <= b for x0, t, x1, b in boxes)

    body = page.filter(outside_tables) if boxes else page
    words = body.extract_words()
    columns = _columns(words, float(page.width))

    def region(y: float) -> int:
        """How many tables lie wholly above y: text between tables is read region by region."""
        return sum(1 for _x0, _t, _x1, b in boxes if b <= y)

    # (region, column, top, is_table, text, first_row): tables end the region they sit in.
    items: list[tuple[int, float, float, bool, str, bool]] = []
    for col, (x0, x1) in enumerate(columns):
        crop = body.crop((x0, 0, x1, page.height), strict=False)
        items.extend((region(ln["top"]), col, ln["top"], False, ln["text"], False) for ln in crop.extract_text_lines())
    for table in tables:
        where = region(table.bbox[1])
        first = True
        for row, cells in zip(table.rows, table.extract()):
            cells = [" ".join((c or "").split()) for c in cells]
            if any(cells):
                items.append((where, float("inf"), row.bbox[1], True, " | ".join(cells), first))
                first = False
    items.sort(key=lambda it: it[:3])
    numbers = _line_numbers([it[2] for it in items])
    blocks: list[Block] = []
    run: list[Line] = []
    for _region, _col, top, is_table, text, first_row in items:
        clean, _ = normalize(text)
        anchor = [Anchor(0, number, numbers[top], None)]
        if is_table:
            blocks.extend(group_lines(run, wrapped=True))
            run = []
            blocks.append(Block(clean, anchor, kind="table", first_row=first_row))
        else:
            run.append(Line(clean, anchor, page=number))
    blocks.extend(group_lines(run, wrapped=True))
    return blocks
