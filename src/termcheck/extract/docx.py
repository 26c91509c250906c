"""DOCX: the WordprocessingML underneath, read with a hardened lxml parser and bounded zip parts.

python-docx's Paragraph.text drops tracked insertions, fields, text boxes and footnotes, and
reading the XML directly is about 5x faster (extraction.md §2, §7), so this module reads the XML.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any, Optional

from termcheck.errors import ErrorCode, InputError
from termcheck.extract.lines import table_cells
from termcheck.limits import Limits
from termcheck.models import Anchor, Block, Document, assemble
from termcheck.normalize import has_text, normalize

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"

# Subtrees whose text is not the accepted text of the document.
_SKIP = {
    W + "del", W + "moveFrom", W + "pPr", W + "rPr", W + "instrText", W + "delText", W + "delInstrText",
    W + "sdtPr", W + "fldData", MC + "Fallback", W + "commentReference", W + "annotationRef",
}
_CHANGE_TAGS = (W + "ins", W + "del", W + "moveFrom", W + "moveTo")


def _parser() -> Any:
    """An lxml parser that resolves no entities, loads no DTD and never touches the network."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True)


class _Package:
    """The DOCX zip with every member read under size and compression-ratio bounds."""

    def __init__(self, data: bytes, limits: Limits) -> None:
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, EOFError, ValueError):
            raise InputError(ErrorCode.CORRUPT, "the DOCX is damaged (not a readable zip)", "re-save it from Word or LibreOffice") from None
        if len(infos) > limits.max_members:
            raise InputError(ErrorCode.TOO_LARGE, f"the DOCX has {len(infos)} parts", "this is not a normal Word file")
        self.infos = {i.filename: i for i in infos}
        self.limits = limits

    def names(self) -> list[str]:
        """Member names in the zip."""
        return list(self.infos)

    def read(self, name: str) -> Optional[bytes]:
        """The bytes of one member, or None if absent; refuses a part that would inflate too far."""
        info = self.infos.get(name)
        if info is None:
            return None
        cap = self.limits.max_part_bytes
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > cap or (info.file_size > (1 << 20) and ratio > self.limits.max_ratio):
            raise InputError(ErrorCode.TOO_LARGE, f"a part of the DOCX inflates to {info.file_size} bytes (a zip bomb?)", "this is not a normal Word file")
        try:
            with self.zip.open(info) as fh:
                data = fh.read(cap + 1)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError):
            raise InputError(ErrorCode.CORRUPT, "the DOCX is damaged (a part cannot be inflated)", "re-save it from Word or LibreOffice") from None
        if len(data) > cap:
            raise InputError(ErrorCode.TOO_LARGE, "a part of the DOCX is larger than its header says (a zip bomb?)", "this is not a normal Word file")
        return data

    def xml(self, name: str) -> Any:
        """The parsed XML root of one member, or None if absent."""
        from lxml import etree

        data = self.read(name)
        if data is None:
            return None
        try:
            return etree.fromstring(data, _parser())
        except etree.XMLSyntaxError:
            raise InputError(ErrorCode.CORRUPT, f"the DOCX part {name} is not well-formed XML", "re-save it from Word or LibreOffice") from None


@dataclass
class _Style:
    name: str = ""
    based_on: Optional[str] = None
    num: Optional[tuple[str, int]] = None
    outline: Optional[int] = None


def _read_styles(root: Any) -> dict[str, _Style]:
    """Paragraph styles: name, parent, numbering and outline level."""
    styles: dict[str, _Style] = {}
    if root is None:
        return styles
    for st in root.iter(W + "style"):
        sid = st.get(W + "styleId")
        if not sid:
            continue
        s = _Style()
        name = st.find(W + "name")
        s.name = (name.get(W + "val") if name is not None else sid) or sid
        based = st.find(W + "basedOn")
        s.based_on = based.get(W + "val") if based is not None else None
        ppr = st.find(W + "pPr")
        if ppr is not None:
            s.num = _num_pr(ppr)
            ol = ppr.find(W + "outlineLvl")
            if ol is not None and (ol.get(W + "val") or "").isdigit():
                s.outline = int(ol.get(W + "val"))
        styles[sid] = s
    return styles


def _num_pr(ppr: Any) -> Optional[tuple[str, int]]:
    """(numId, ilvl) of a paragraph-properties element, if it is numbered."""
    num = ppr.find(W + "numPr")
    if num is None:
        return None
    nid = num.find(W + "numId")
    lvl = num.find(W + "ilvl")
    num_id = nid.get(W + "val") if nid is not None else None
    ilvl = int(lvl.get(W + "val")) if lvl is not None and (lvl.get(W + "val") or "").isdigit() else 0
    return (num_id, ilvl) if num_id is not None else None


_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def _format_number(n: int, fmt: str) -> str:
    """Render counter n in a Word number format."""
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        k = n
        while k > 0:
            k, r = divmod(k - 1, 26)
            s = chr(ord("a") + r) + s
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s, k = "", n
        for value, sym in _ROMAN:
            while k >= value:
                s, k = s + sym, k - value
        return s.upper() if fmt == "upperRoman" else s
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass
class _Numbering:
    """Word's list numbering: renders '4.2.' or '(a)' for each numbered paragraph in order."""

    levels: dict[str, dict[int, tuple[int, str, str]]] = field(default_factory=dict)  # abstract -> ilvl -> (start, fmt, text)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId -> (abstract, start overrides)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def parse(cls, root: Any) -> "_Numbering":
        """Read numbering.xml."""
        self = cls()
        if root is None:
            return self
        for an in root.iter(W + "abstractNum"):
            levels: dict[int, tuple[int, str, str]] = {}
            for lvl in an.iter(W + "lvl"):
                ilvl = int(lvl.get(W + "ilvl") or 0)
                start_el, fmt_el, text_el = lvl.find(W + "start"), lvl.find(W + "numFmt"), lvl.find(W + "lvlText")
                start = int(start_el.get(W + "val")) if start_el is not None and (start_el.get(W + "val") or "").lstrip("-").isdigit() else 1
                fmt = fmt_el.get(W + "val") if fmt_el is not None else "decimal"
                text = text_el.get(W + "val") if text_el is not None else f"%{ilvl + 1}."
                levels[ilvl] = (start, fmt or "decimal", text or "")
            self.levels[an.get(W + "abstractNumId") or ""] = levels
        for num in root.iter(W + "num"):
            ref = num.find(W + "abstractNumId")
            overrides = {}
            for ov in num.iter(W + "lvlOverride"):
                so = ov.find(W + "startOverride")
                if so is not None and (so.get(W + "val") or "").isdigit():
                    overrides[int(ov.get(W + "ilvl") or 0)] = int(so.get(W + "val"))
            self.nums[num.get(W + "numId") or ""] = (ref.get(W + "val") if ref is not None else "", overrides)
        return self

    def next_label(self, num_id: str, ilvl: int) -> Optional[str]:
        """Advance the counter of (num_id, ilvl) and return the label Word would show, or None (bullet)."""
        if num_id not in self.nums:
            return None
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return None
        # Word continues one list across numIds that share an abstract list, unless a start is overridden.
        key = num_id if overrides else abstract
        counts = self.counters.setdefault(key, {})
        start = overrides.get(ilvl, levels[ilvl][0])
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else start
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        start_fmt = levels[ilvl][1]
        if start_fmt in ("bullet", "none"):
            return None

        def sub(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            if k not in levels:
                return ""
            value = counts.get(k, overrides.get(k, levels[k][0]))
            return _format_number(value, levels[k][1])

        return re.sub(r"%(\d)", sub, levels[ilvl][2]).strip() or None


class _Reader:
    """Walks document.xml in order and produces blocks."""

    def __init__(self, pkg: _Package, styles: dict[str, _Style], numbering: _Numbering) -> None:
        self.pkg = pkg
        self.styles = styles
        self.numbering = numbering
        self.paragraph = 0
        self.row_open = False  # the last paragraph was a pasted Markdown table row: the next row continues its table
        self.footnote_ids: list[str] = []
        self.blocks: list[Block] = []

    def style_chain(self, sid: Optional[str]) -> list[_Style]:
        """A style and its ancestors."""
        chain: list[_Style] = []
        seen: set[str] = set()
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            chain.append(self.styles[sid])
            sid = self.styles[sid].based_on
        return chain

    def paragraph_text(self, p: Any) -> tuple[str, list[Any]]:
        """The accepted text of a paragraph and the text boxes inside it."""
        out: list[str] = []
        boxes: list[Any] = []

        def walk(el: Any) -> None:
            for child in el:
                tag = child.tag
                if not isinstance(tag, str) or tag in _SKIP:
                    continue
                if tag == W + "t":
                    out.append(child.text or "")
                elif tag == W + "tab":
                    out.append("\t")
                elif tag in (W + "br", W + "cr"):
                    out.append("\n")
                elif tag == W + "noBreakHyphen":
                    out.append("-")
                elif tag == W + "softHyphen":
                    out.append("\u00ad")
                elif tag == W + "txbxContent":
                    boxes.append(child)
                elif tag in (W + "footnoteReference", W + "endnoteReference"):
                    kind = "footnote" if tag == W + "footnoteReference" else "endnote"
                    self.footnote_ids.append(f"{kind}:{child.get(W + 'id')}")
                else:
                    walk(child)

        walk(p)
        return "".join(out), boxes

    def add_paragraph(self, p: Any, kind: str = "paragraph") -> None:
        """Turn one w:p into a block (with its Word numbering) and its text boxes into more blocks."""
        self.paragraph += 1
        number = self.paragraph
        raw, boxes = self.paragraph_text(p)
        text, _ = normalize(raw.replace("\n", " "))
        text = text.strip()
        ppr = p.find(W + "pPr")
        sid = None
        num = None
        outline = None
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            sid = ps.get(W + "val") if ps is not None else None
            num = _num_pr(ppr)
            ol = ppr.find(W + "outlineLvl")
            if ol is not None and (ol.get(W + "val") or "").isdigit():
                outline = int(ol.get(W + "val"))
        chain = self.style_chain(sid)
        if num is None:
            num = next((s.num for s in chain if s.num), None)
        if outline is None:
            outline = next((s.outline for s in chain if s.outline is not None), None)
        name = chain[0].name.lower() if chain else ""
        level = None
        m = re.match(r"heading\s*(\d)", name)
        if m:
            level = int(m.group(1))
        elif name in ("title", "subtitle"):
            level = 0
        elif outline is not None and outline < 9:
            level = outline + 1
        label = None
        if num is not None and num[0] != "0" and text:
            label = self.numbering.next_label(num[0], num[1])
        # (a row styled as a heading is still a row: short unpunctuated lines often get a heading style)
        cells = table_cells(text) if kind == "paragraph" and not label else None
        first_row = False
        if cells == []:
            text = ""  # a Markdown table's rule line ("|---|---|"), pasted into Word: layout, not text
        elif cells:
            # a Markdown table pasted into Word, one row a paragraph: "| Term | In perpetuity |"
            text, kind, level, first_row = " | ".join(cells), "table", None, not self.row_open
        self.row_open = bool(cells) or (cells == [] and self.row_open)
        if text:
            if label:
                text = f"{label} {text}"
            block_kind = "heading" if level is not None and kind == "paragraph" and len(text) < 200 else kind
            self.blocks.append(Block(text, [Anchor(0, None, None, number)], kind=block_kind, label=label, level=level, first_row=first_row))
        for box in boxes:
            for inner in box.iter(W + "p"):
                if inner.getparent() is not None and inner.getparent().tag == W + "txbxContent":
                    self.add_paragraph(inner, kind="textbox")

    def add_table(self, tbl: Any) -> None:
        """A table: short rows become one 'cell | cell' block; long cells stay paragraphs of their own."""
        first_row = True
        self.row_open = False
        above: dict[int, str] = {}  # grid column -> the text of the cell above, for cells merged down
        for tr in tbl.iter(W + "tr"):
            if tr.getparent() is not tbl and tr.getparent().getparent() is not tbl:
                continue  # rows of nested tables are read through their cell
            cells = [tc for tc in tr if tc.tag == W + "tc"]
            texts: list[list[str]] = []
            flat: list[str] = []
            column, row_texts = 0, {}
            for tc in cells:
                texts.append([normalize(self.paragraph_text(p)[0])[0].strip() for p in tc.iter(W + "p")])
                text = _cell_text(texts[-1])
                # a cell merged with the one above it holds no text of its own, but that cell's text is its
                # row's too ("France" for both advertising rows)
                flat.append(above.get(column, "") if not text and _continues_merge(tc) else text)
                row_texts[column] = flat[-1]
                column += _grid_span(tc)
            above = row_texts
            # a row of short cells, each a line or a short list ("Radio; Internet"), not clauses set in a table
            simple = all(len([t for t in cell if t]) <= _MAX_CELL_PARAGRAPHS for cell in texts) and len(" | ".join(flat)) <= 300
            if simple and any(flat):
                first = self.paragraph + 1
                self.paragraph += sum(len(cell) for cell in texts)
                self.blocks.append(Block(" | ".join(flat), [Anchor(0, None, None, first)], kind="table", first_row=first_row))
                first_row = False
            else:
                for tc in cells:
                    self.walk_body(tc)

    def walk_body(self, container: Any) -> None:
        """Read a body-like container (body, cell, content control) in document order."""
        for child in container:
            tag = child.tag
            if tag == W + "p":
                self.add_paragraph(child)
            elif tag == W + "tbl":
                self.add_table(child)
            elif tag in (W + "sdt", W + "customXml", W + "sdtContent", W + "ins", W + "moveTo", W + "smartTag"):
                self.walk_body(child)
            elif tag == MC + "AlternateContent":
                choice = child.find(MC + "Choice")
                if choice is not None:
                    self.walk_body(choice)


# A table cell with up to this many paragraphs is a short list read as one cell ("Radio; Internet").
_MAX_CELL_PARAGRAPHS = 4


def _cell_text(paragraphs: list[str]) -> str:
    """A table cell's paragraphs as one line: a list's items apart with "; " unless they end in punctuation."""
    out = ""
    for text in paragraphs:
        if text:
            out = text if not out else f"{out}{' ' if out[-1] in '.;:,!?' else '; '}{text}"
    return out


def _cell_property(tc: Any, name: str) -> Any:
    """One of a table cell's properties (w:tcPr children), or None."""
    pr = tc.find(W + "tcPr")
    return None if pr is None else pr.find(W + name)


def _grid_span(tc: Any) -> int:
    """How many grid columns a table cell spans."""
    span = _cell_property(tc, "gridSpan")
    try:
        return max(1, int(span.get(W + "val"))) if span is not None else 1
    except (TypeError, ValueError):
        return 1


def _continues_merge(tc: Any) -> bool:
    """Whether a table cell continues a cell merged down from the row above (w:vMerge without "restart")."""
    merge = _cell_property(tc, "vMerge")
    return merge is not None and merge.get(W + "val", "continue") != "restart"


def _side_parts(pkg: _Package, stem: str) -> list[str]:
    """header1.xml, header2.xml ... in numeric order."""
    pat = re.compile(rf"^word/{stem}(\d*)\.xml$")
    found = [(int(m.group(1) or 0), n) for n in pkg.names() if (m := pat.match(n))]
    return [n for _, n in sorted(found)]


def _running_blocks(pkg: _Package, reader: _Reader, stem: str) -> list[Block]:
    """Header or footer paragraphs, each distinct text once, page-number lines left out."""
    seen: set[str] = set()
    out: list[Block] = []
    for name in _side_parts(pkg, stem):
        root = pkg.xml(name)
        for p in root.iter(W + "p"):
            text = normalize(reader.paragraph_text(p)[0])[0].strip()
            if not text or text in seen or re.fullmatch(r"(?i)(page\s*)?\d*\s*((of|/|sur)\s*\d*)?", text):
                continue
            seen.add(text)
            out.append(Block(text, [Anchor(0, None, None, None)], kind="running"))
    return out


def _note_blocks(pkg: _Package, reader: _Reader) -> list[Block]:
    """Footnotes and endnotes in the order they are referenced."""
    notes: dict[str, Any] = {}
    for kind in ("footnote", "endnote"):
        root = pkg.xml(f"word/{kind}s.xml")
        if root is None:
            continue
        for fn in root.iter(W + kind):
            if fn.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            notes[f"{kind}:{fn.get(W + 'id')}"] = fn
    out: list[Block] = []
    for n, key in enumerate(dict.fromkeys(reader.footnote_ids), start=1):
        fn = notes.get(key)
        if fn is None:
            continue
        text = " ".join(normalize(reader.paragraph_text(p)[0])[0].strip() for p in fn.iter(W + "p")).strip()
        if text:
            kind = key.split(":")[0]
            out.append(Block(text, [Anchor(0, None, None, None)], kind="footnote", label=f"{kind} {n}"))
    return out


def read_docx(path: str, data: bytes, limits: Limits) -> Document:
    """Build a Document from DOCX bytes: body, tables, text boxes, footnotes, headers and footers."""
    pkg = _Package(data, limits)
    root = pkg.xml("word/document.xml")
    if root is None:
        raise InputError(ErrorCode.CORRUPT, "the zip has no word/document.xml", "it is not a Word document; re-save it as .docx")
    if root.tag.startswith("{" + _STRICT):
        raise InputError(ErrorCode.UNSUPPORTED, "Strict Open XML is not supported", "save it as a standard Word document (.docx)")
    body = root.find(W + "body")
    if body is None:
        raise InputError(ErrorCode.CORRUPT, "the DOCX has no body", "re-save it from Word or LibreOffice")
    reader = _Reader(pkg, _read_styles(pkg.xml("word/styles.xml")), _Numbering.parse(pkg.xml("word/numbering.xml")))
    headers = _running_blocks(pkg, reader, "header")
    reader.walk_body(body)
    blocks = headers + reader.blocks + _note_blocks(pkg, reader) + _running_blocks(pkg, reader, "footer")
    doc = assemble(path, "docx", blocks)
    changes = {(el.tag, el.get(W + "id")) for el in root.iter(*_CHANGE_TAGS)}
    if changes:
        doc.notes.append(
            f"this document has {len(changes)} unaccepted tracked change(s); they were read as if accepted "
            "(insertions kept, deletions dropped): ask which version you are signing"
        )
    comments = sum(1 for _ in root.iter(W + "commentRangeStart"))
    if comments:
        doc.notes.append(f"{comments} comment(s) in the margin were not read as contract text")
    if not has_text(doc.text):
        raise InputError(ErrorCode.NO_TEXT, "the Word document has no text", "check that it is the right file")
    return doc
