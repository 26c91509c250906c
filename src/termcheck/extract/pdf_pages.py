"""PDF, the part that runs in the parent: margins dropped, text cleaned, lines anchored to pages."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from typing import Callable

from termcheck.extract.pdf_reader import PageText
from termcheck.models import Anchor, Line
from termcheck.normalize import normalize
from termcheck.rules.precompiled import code_regex

_PAGE_NUMBER = code_regex(
    r"^(?:[-–—]\s*)?(?:page|p\.|pg\.|seite|página)?\s*\d{1,4}(?:\s*(?:of|/|sur|de|von)\s*\d{1,4})?(?:\s*[-–—])?$"
    # a running footer that starts with its page number: "Page 1 - Confidential - Form VX-2027 rev.3"
    r"|^(?:page|seite|página)\s+\d{1,4}(?:\s*(?:of|/|sur|de|von)\s*\d{1,4})?\s*[-–—|·•]\s*\S.{0,60}$",
    re.IGNORECASE,
)


_LINE_BREAK = code_regex(r"(\n|[\ufffe\x02])")


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
    # pdfium joins a line that ends in a hyphen to whatever line comes next, with a marker between:
    # on a page's last line that is the footer ("through\ufffePage 1 of 2"), so the marker splits too.
    parts = [_LINE_BREAK.split(p.text) for p in pages]
    split = [pp[0::2] for pp in parts]
    repeated = _repeated_margin_lines(split)
    out = []
    for lines, pp in zip(split, parts):
        seps = pp[1::2]
        body_idx = [i for i, ln in enumerate(lines) if ln.strip()]
        margin = set(body_idx[:3] + body_idx[-3:])
        kept = []
        for i, ln in enumerate(lines):
            stripped = ln.strip()
            if i in margin and (_margin_key(ln) in repeated or _PAGE_NUMBER.match(stripped)):
                kept.append(" " * len(ln))
                if i > 0 and seps[i - 1] != "\n":
                    seps[i - 1] = "-"  # the word goes on after the footer, on the next page: a hyphen again
            else:
                kept.append(ln)
        pieces = [kept[0]]
        for sep, ln in zip(seps, kept[1:]):
            pieces += [sep, ln]
        out.append("".join(pieces))
    return out


def _table_rows(page: PageText, clean: str, to_clean: Callable[[int], int]) -> tuple[dict[int, tuple[int, str]], set[int]]:
    """The page's table rows as Markdown rows ("| Term | 5 years |") with their table's number, keyed by
    the text line each one is; and the text lines that only hold a wrapped cell's text, to drop."""
    piece_starts = [0] + [m.end() for m in re.finditer("\n", clean)]

    def piece_of(offset: int) -> int:
        return bisect_right(piece_starts, offset) - 1

    def piece_end(piece: int) -> int:
        return piece_starts[piece + 1] - 1 if piece + 1 < len(piece_starts) else len(clean)

    rows: dict[int, tuple[int, list[str]]] = {}  # text line -> (table, cells by column)
    row_piece: dict[int, int] = {}  # row in page.table_rows -> its text line
    continued: dict[int, range] = {}  # text line of a row -> the text lines it goes on over
    for r, (table, cells, end) in enumerate(page.table_rows):
        offsets = [to_clean(start) if start >= 0 else -1 for start, _column in cells]
        piece = piece_of(offsets[0])
        # a row written cell by cell runs over several text lines, to the one with its last character
        last = max(piece, piece_of(to_clean(end))) if end >= 0 else piece
        # each cell placed, in reading order within the row's text lines (a file that writes a table
        # column by column, or a cell pdfium could not place, leaves the row as it is)
        if min(offsets) < 0 or piece in rows or any(not piece <= piece_of(o) <= last or o <= prev for o, prev in zip(offsets[1:], offsets)):
            continue
        texts = [" ".join(clean[a:b].split()) for a, b in zip(offsets, [*offsets[1:], piece_end(last)])]
        if len(texts) == 2 and texts[0].endswith(":") and last == piece:
            continue  # a form's field set out with tabs ("Usage:      Internet, 1 year") reads as "Usage: Internet, 1 year"
        by_column = [""] * (max(column for _start, column in cells) + 1)
        for text, (_start, column) in zip(texts, cells):
            by_column[column] = text
        rows[piece] = (table, by_column)
        row_piece[r] = piece
        continued[piece] = range(piece + 1, last + 1)
    # a table needs two rows read whole (one row alone is a line with wide spaces)
    per_table = Counter(table for table, _cells in rows.values())
    rows = {piece: row for piece, row in rows.items() if per_table[row[0]] >= 2}
    dropped = {line for piece in rows for line in continued[piece]}
    for start, r, column in page.wrapped_cells:
        piece = piece_of(to_clean(start)) if start >= 0 else -1
        if row_piece.get(r) in rows and piece > row_piece[r] and piece not in rows:
            by_column = rows[row_piece[r]][1]
            by_column.extend([""] * (column + 1 - len(by_column)))
            by_column[column] = f"{by_column[column]} {clean[piece_starts[piece]:piece_end(piece)].strip()}".strip()
            dropped.add(piece)
    return {piece: (table, "| " + " | ".join(cells) + " |") for piece, (table, cells) in rows.items()}, dropped


def pages_to_lines(pages: list[PageText]) -> list[Line]:
    """Clean every page and cut it into lines, each with the visual-line anchors inside it; a table's
    row becomes one Markdown row, so that its cells stay apart and its header reads over it."""
    lines: list[Line] = []
    notes: list[Line] = []
    for number, (page, text) in enumerate(zip(pages, _blank_margins(pages)), start=1):
        clean, omap = normalize(text)
        starts = [(omap.to_clean(s), ln) for s, ln in page.line_starts]
        rows, dropped = _table_rows(page, clean, omap.to_clean) if page.table_rows else ({}, set())
        table = None
        pos = 0
        k = 0
        page_start = len(lines)
        for i, piece in enumerate(clean.split("\n")):
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
            pos = end + 1
            if i in dropped:
                continue
            if i in rows:
                if table is not None and rows[i][0] != table:
                    lines.append(Line("", [], page=number))  # two tables one after the other are two tables
                table, piece, anchors = rows[i][0], rows[i][1], anchors[:1]
            else:
                table = None
            lines.append(Line(piece, anchors, page=number))
        notes += _take_footnotes(lines, page_start)
        lines.append(Line("", [], page=number))  # a page break ends nothing by itself, but a blank may
    if notes:
        # after the body, each note a paragraph of its own: a sentence that runs on to the next page
        # is joined again, and the notes keep their page and line for citations
        for ln in notes:
            lines += [Line("", [], page=ln.page), ln] if _FOOTNOTE_START.match(ln.text) else [ln]
        lines.append(Line("", [], page=notes[-1].page))
    return _join_across_pages(lines)


# A footnote at the foot of a page: its number (superscript digits are plain after normalize), then text.
_FOOTNOTE_START = code_regex(r"^\s*(?P<n>\d{1,2}|\*{1,3}|†|‡)\s+\S+(?:\s+\S+){2}")


def _take_footnotes(lines: list[Line], start: int) -> list[Line]:
    """Remove the footnotes at the foot of the page that starts at lines[start] and return them, top first.

    The foot is the page's lowest visual lines, wherever the file puts them in its text (often first:
    a page template draws its notes before the body). A note is recognised only when the page's text
    calls it: "the Recordings1 for" (a word with the note's number glued on) above "1 "Recordings"
    means ...". The number is taken out of the word, so that "Recordings" reads as itself."""
    page = lines[start:]
    placed = sorted((ln.anchors[0].line, k) for k, ln in enumerate(page) if ln.text.strip() and ln.anchors and ln.anchors[0].line)
    if len(placed) < 2:
        return []
    bottom = placed[-1][0]
    first = None
    for line, k in reversed(placed[1:]):
        if line <= bottom - 8:
            break  # notes are a few lines at the very foot of the page
        m = _FOOTNOTE_START.match(page[k].text)
        if m and _note_call(m.group("n")).search(" ".join(page[j].text for above, j in placed if above < line)):
            first = line
    if first is None:
        return []
    in_notes = {k for line, k in placed if line >= first}
    notes = [page[k] for line, k in placed if k in in_notes]
    numbers = {m.group("n") for ln in notes if (m := _FOOTNOTE_START.match(ln.text))}
    lines[start:] = [ln for k, ln in enumerate(page) if k not in in_notes]
    for ln in lines[start:]:
        for n in numbers:
            ln.text = _drop_calls(ln.text, n, ln.anchors)
    return notes


def _note_call(n: str) -> "re.Pattern[str]":
    """A note's call in the text: its number glued to the end of a word of three letters or more."""
    return re.compile(rf"(?<=[^\W\d_]{{3}})[’'\")]?{re.escape(n)}(?=[\s,.;:)]|$)")


def _drop_calls(text: str, n: str, anchors: list[Anchor]) -> str:
    """The line without the calls of note n, its anchors after each call moved back."""
    for m in reversed(list(_note_call(n).finditer(text))):
        cut = m.end() - len(n)
        text = text[:cut] + text[m.end():]
        anchors[:] = [replace(a, offset=a.offset - len(n)) if a.offset > cut else a for a in anchors]
    return text


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


