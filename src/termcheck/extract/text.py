"""Plain text and Markdown: decoding with a fallback, line numbers, paragraphs."""

from __future__ import annotations

import re
from bisect import bisect_right

from termcheck.errors import ErrorCode, InputError
from termcheck.extract.lines import group_lines, group_runs, table_cells
from termcheck.models import Anchor, Document, Line, assemble
from termcheck.normalize import chain, delete_matches, normalize
from termcheck.rules.precompiled import code_regex

_NEWLINE = code_regex("\n")
_MD_HEADING = code_regex(r"^(#{1,6})[ \t]+", re.MULTILINE)
_MD_MARKS = code_regex(r"^#{1,6}[ \t]+|\*\*|__|^>[ \t]?|^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$|^```.*$", re.MULTILINE)


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
    raw_newlines = [m.start() for m in _NEWLINE.finditer(raw)]  # a scan in C: a per-character loop cost 9 ms a contract
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
        blocks = group_runs(lines, headings, cells)
    else:
        blocks = group_lines(lines)
    return assemble(path, "markdown" if markdown else "text", blocks, encoding=encoding)
