"""Plain text and Markdown: decoding with a fallback, line numbers, paragraphs."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional

from termcheck.errors import ErrorCode, InputError
from termcheck.extract.lines import group_lines
from termcheck.models import Anchor, Block, Document, Line, assemble
from termcheck.normalize import chain, delete_matches, normalize

_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+", re.MULTILINE)
# A table row: Markdown's "| a | b |", or plain text with at least three cells "a | b | c".
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$|^[^|]*\S\s+\|\s+\S[^|]*\|\s+\S")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_MARKS = re.compile(r"^#{1,6}[ \t]+|\*\*|__|^>[ \t]?|^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$|^```.*$", re.MULTILINE)


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (or UTF-16 with a BOM), falling back to Windows-1252 then Latin-1."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:8192]:
        raise InputError(ErrorCode.UNSUPPORTED, "binary data, not text", "give a PDF, DOCX, TXT or MD file")
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def read_text(path: str, data: bytes, markdown: bool = False) -> Document:
    """Build a Document from text bytes; anchors carry the source line numbers."""
    raw, encoding = decode(data)
    raw_newlines = [i for i, c in enumerate(raw) if c == "\n"]
    heading_lines: set[int] = set()
    if markdown:
        heading_lines = {raw.count("\n", 0, m.start()) + 1 for m in _MD_HEADING.finditer(raw)}
        stripped, md_map = delete_matches(raw, _MD_MARKS)
        clean, omap = normalize(stripped)
        chain(omap, md_map)
    else:
        clean, omap = normalize(raw)
    lines: list[Line] = []
    headings: list[bool] = []
    pos = 0
    for piece in clean.split("\n"):
        raw_pos = omap.to_raw(pos)
        line_no = bisect_right(raw_newlines, raw_pos - 1) + 1
        lines.append(Line(piece, [Anchor(0, None, line_no, None)]))
        headings.append(line_no in heading_lines)
        pos += len(piece) + 1
    cells = [table_cells(ln.text) for ln in lines]
    if any(headings) or any(c is not None for c in cells):
        blocks = _group_runs(lines, headings, cells)
    else:
        blocks = group_lines(lines)
    return assemble(path, "markdown" if markdown else "text", blocks, encoding=encoding)


def table_cells(text: str) -> Optional[list[str]]:
    """The cells of a table row ('| a | b |', 'a | b | c'); [] for a rule line ('|---|---|'); None for other text."""
    if _TABLE_RULE.match(text) and "|" in text:
        return []
    if not _TABLE_ROW.match(text):
        return None
    return [cell.strip() for cell in text.strip().strip("|").split("|")]


def _group_runs(lines: list[Line], headings: list[bool], cells: list[Optional[list[str]]]) -> list[Block]:
    """Group lines, with Markdown '#' lines as headings and each table row a block of its own."""
    blocks: list[Block] = []
    run: list[Line] = []
    for line, is_heading, row in zip(lines, headings, cells):
        if not is_heading and row is None:
            run.append(line)
            continue
        blocks.extend(group_lines(run))
        run = []
        anchors = [Anchor(0, None, line.anchors[0].line, None)]
        if is_heading:
            blocks.append(Block(line.text.strip(), anchors, kind="heading"))
        elif row:  # a rule line ('|---|') is layout, not text
            blocks.append(Block(" | ".join(row), anchors, kind="table"))
    blocks.extend(group_lines(run))
    return blocks
