"""Generate PDF and DOCX test inputs: contracts with the features extraction must handle."""

from __future__ import annotations

import io
import zipfile
from typing import Iterable, Optional, Sequence, Union
from xml.sax.saxutils import escape

# ---------------------------------------------------------------- PDF (reportlab)

PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
LEFT, TOP, LEADING = 60.0, 780.0, 15.0


def pdf_pages(
    pages: Sequence[Sequence[str]],
    header: Optional[str] = None,
    footer: bool = False,
    font: str = "Helvetica",
    size: float = 11,
    right_column: Optional[Sequence[Sequence[str]]] = None,
    encrypt: Optional[str] = None,
) -> bytes:
    """A PDF with the given visual lines on each page (and optionally a second column per page)."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    kwargs = {}
    if encrypt:
        from reportlab.lib.pdfencrypt import StandardEncryption

        kwargs["encrypt"] = StandardEncryption(encrypt, canPrint=1)
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H), **kwargs)
    total = len(pages)
    for n, lines in enumerate(pages, start=1):
        c.setFont(font, size)
        if header:
            c.drawString(LEFT, PAGE_H - 40, header)
        for i, line in enumerate(lines):
            c.drawString(LEFT, TOP - i * LEADING, line)
        if right_column:
            for i, line in enumerate(right_column[n - 1]):
                c.drawString(PAGE_W / 2 + 10, TOP - i * LEADING, line)
        if footer:
            c.drawString(PAGE_W / 2 - 30, 30, f"Page {n} of {total}")
        c.showPage()
    c.save()
    return buf.getvalue()


def image_only_pdf(pages: int = 2) -> bytes:
    """A PDF whose pages are pictures of text: no text layer, as a scanner makes."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H))
    for _ in range(pages):
        img = Image.new("L", (600, 800), 255)
        draw = ImageDraw.Draw(img)
        for i in range(30):
            draw.text((40, 40 + i * 22), "The Performer grants the Company a perpetual licence.", fill=0)
        c.drawImage(ImageReader(img), 0, 0, PAGE_W, PAGE_H)
        c.showPage()
    c.save()
    return buf.getvalue()


# ---------------------------------------------------------------- DOCX (hand-made WordprocessingML)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_HEAD = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:{{root}} xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
)


def run(text: str) -> str:
    """A w:r holding text."""
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(*runs: str, style: Optional[str] = None, num: Optional[tuple[int, int]] = None) -> str:
    """A w:p with optional style and numbering (numId, ilvl)."""
    ppr = ""
    if style or num:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    body = "".join(r if r.startswith("<") else run(r) for r in runs)
    return f"<w:p>{ppr}{body}</w:p>"


def ins(text: str, cid: int) -> str:
    """A tracked insertion."""
    return f'<w:ins w:id="{cid}" w:author="A" w:date="2026-01-01T00:00:00Z">{run(text)}</w:ins>'


def dele(text: str, cid: int) -> str:
    """A tracked deletion."""
    return (
        f'<w:del w:id="{cid}" w:author="A" w:date="2026-01-01T00:00:00Z">'
        f'<w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>'
    )


def footnote_ref(fid: int) -> str:
    """A footnote reference mark."""
    return f'<w:r><w:footnoteReference w:id="{fid}"/></w:r>'


def text_box(*paragraphs: str) -> str:
    """A DrawingML text box with a VML fallback holding the same text (as Word writes it)."""
    inner = "".join(paragraphs)
    return (
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>"
        f"<w:txbxContent>{inner}</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{inner}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def table(rows: Iterable[Sequence[str]]) -> str:
    """A w:tbl with one paragraph per cell."""
    body = "".join("<w:tr>" + "".join(f"<w:tc>{para(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{body}</w:tbl>"


NUMBERING = (
    _HEAD.format(root="numbering")
    + '<w:abstractNum w:abstractNumId="0">'
    + '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    + '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>'
    + '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>'
    + "</w:abstractNum>"
    + '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
    + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    + '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    + "</w:numbering>"
)

STYLES = (
    _HEAD.format(root="styles")
    + '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>'
    + '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/></w:style>'
    + '<w:style w:type="paragraph" w:styleId="Clause"><w:name w:val="Clause"/>'
    + '<w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    + "</w:styles>"
)


def docx_bytes(
    body: Sequence[str],
    footnotes: Optional[dict[int, str]] = None,
    header: Optional[str] = None,
    footer: Optional[str] = None,
    numbering: bool = True,
    comments: int = 0,
    extra: Optional[dict[str, bytes]] = None,
) -> bytes:
    """A DOCX zip built from body XML fragments, with optional footnotes, header and footer."""
    parts: dict[str, bytes] = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>"
        ).encode(),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"
        ).encode(),
        "word/styles.xml": STYLES.encode(),
    }
    marks = "".join(f'<w:commentRangeStart w:id="{i}"/>' for i in range(comments))
    parts["word/document.xml"] = (_HEAD.format(root="document") + "<w:body>" + marks + "".join(body) + "<w:sectPr/></w:body></w:document>").encode()
    if numbering:
        parts["word/numbering.xml"] = NUMBERING.encode()
    if footnotes:
        notes = '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        notes += "".join(f'<w:footnote w:id="{k}">{para(v)}</w:footnote>' for k, v in footnotes.items())
        parts["word/footnotes.xml"] = (_HEAD.format(root="footnotes") + notes + "</w:footnotes>").encode()
    if header:
        parts["word/header1.xml"] = (_HEAD.format(root="hdr") + para(header) + "</w:hdr>").encode()
    if footer:
        field = '<w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        parts["word/footer1.xml"] = (_HEAD.format(root="ftr") + para(footer) + para("Page ", field) + "</w:ftr>").encode()
    parts.update(extra or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def python_docx_bytes(
    paragraphs: Sequence[tuple[str, Optional[str]]], rows: Sequence[Sequence[str]] = (),
    merges: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
) -> bytes:
    """A DOCX written by python-docx (real Word package structure): (text, style) pairs and a table (a
    cell's "\n" starts another paragraph in it; merges join cells from one (row, column) to another,
    keeping the first cell's text)."""
    import docx

    d = docx.Document()
    for text, style in paragraphs:
        d.add_paragraph(text, style=style)
    if rows:
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                first, *more = cell.split("\n")
                t.cell(r, c).text = first
                for text in more:
                    t.cell(r, c).add_paragraph(text)
        for (r1, c1), (r2, c2) in merges:
            text = t.cell(r1, c1).text
            t.cell(r1, c1).merge(t.cell(r2, c2)).text = text
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def pdf_with_table(intro: Sequence[str], rows: Sequence[Sequence[str]], outro: Sequence[str]) -> bytes:
    """A one-page PDF: lines of text, a ruled table, more lines (for the layout-aware path)."""
    return pdf_with_tables([*intro, rows, *outro])


def pdf_two_columns(left: Sequence[str], right: Sequence[str]) -> bytes:
    """A one-page PDF set in two columns of prose, drawn as a layout engine does: one column after the other."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H))
    c.setFont("Helvetica", 11)
    for x, lines in ((LEFT, left), (LEFT + 260, right)):
        for n, line in enumerate(lines):
            c.drawString(x, TOP - n * LEADING, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def pdf_with_wrapped_table(intro: Sequence[str], rows: Sequence[Sequence[str]], outro: Sequence[str], widths: Sequence[float], ruled: bool = True) -> bytes:
    """A PDF laid out by reportlab's engine as a word processor does: paragraphs, then a table whose
    cells wrap within their column widths and are written one cell after another, then paragraphs."""
    from reportlab.lib import colors
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    body = getSampleStyleSheet()["BodyText"]
    table = Table([[Paragraph(escape(cell), body) for cell in row] for row in rows], colWidths=list(widths))
    style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    table.setStyle(TableStyle(style + ([("GRID", (0, 0), (-1, -1), 0.5, colors.black)] if ruled else [])))
    buf = io.BytesIO()
    story = [Paragraph(escape(t), body) for t in intro] + [table] + [Paragraph(escape(t), body) for t in outro]
    SimpleDocTemplate(buf, pagesize=(PAGE_W, PAGE_H)).build(story)
    return buf.getvalue()


def pdf_with_tables(parts: Sequence[Union[str, Sequence[Sequence[str]]]], ruled: bool = True) -> bytes:
    """A one-page PDF of text lines (str) and tables (lists of rows; a cell's "\n" wraps it onto
    another line), top to bottom; ruled, or cells set apart by space alone."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(PAGE_W, PAGE_H))
    c.setFont("Helvetica", 11)
    y = TOP
    col_w, line_h = 200.0, 14.0
    for part in parts:
        if isinstance(part, str):
            c.drawString(LEFT, y, part)
            y -= LEADING
            continue
        rows, top, edges = part, y, [y]
        for row in rows:
            for k, cell in enumerate(row):
                for n, text in enumerate(cell.split("\n")):
                    c.drawString(LEFT + 5 + k * col_w, edges[-1] - 14 - n * line_h, text)
            edges.append(edges[-1] - 6 - line_h * max(cell.count("\n") + 1 for cell in row))
        if ruled:
            for edge in edges:
                c.line(LEFT, edge, LEFT + col_w * len(rows[0]), edge)
            for k in range(len(rows[0]) + 1):
                c.line(LEFT + k * col_w, top, LEFT + k * col_w, edges[-1])
        y = edges[-1] - LEADING
    c.showPage()
    c.save()
    return buf.getvalue()
