"""DOCX extraction: accepted text, numbering, tables, text boxes, notes, headers, and hostile files."""

from __future__ import annotations

import io
import zipfile

import pytest

from builders import dele, docx_bytes, footnote_ref, ins, para, python_docx_bytes, table, text_box
from termcheck.errors import ErrorCode, InputError
from termcheck.extract import extract_bytes
from termcheck.limits import Limits


def texts(doc):
    return [(s.zone, doc.text[s.start:s.end]) for s in doc.segments]


@pytest.fixture(scope="module")
def contract():
    body = [
        para("VOICE LICENCE", style="Heading1"),
        para("Definitions", style="Heading2"),
        para('"Recordings" means the audio recorded at the Session.', num=(1, 0)),
        para("The Performer grants the Company a licence for a term of ", dele("ninety (90)", 1), ins("two (2)", 2), " years.", num=(1, 1)),
        para("The Company may not sublicense the Recordings.", footnote_ref(1), num=(1, 1)),
        para("use in radio;", num=(1, 2)),
        para("use in podcasts.", num=(1, 2)),
        para("Styled clause numbered through its style.", style="Clause"),
        para("Payment", style="Heading1"),
        para("See the box.", text_box(para("Fee: USD 500 per session."))),
        table([["Item", "Amount"], ["Session fee", "USD 500"]]),
        para("IN WITNESS WHEREOF the parties sign."),
        para("By: ________"),
    ]
    data = docx_bytes(body, footnotes={1: "Except to affiliates with consent."}, header="ACME CONFIDENTIAL", footer="Acme Ltd", comments=2)
    return extract_bytes("c.docx", data)


def test_tracked_changes_read_as_accepted_and_reported(contract):
    assert "a term of two (2) years" in contract.text
    assert "ninety" not in contract.text
    assert any("2 unaccepted tracked change" in n for n in contract.notes)


def test_comments_are_not_contract_text(contract):
    assert any("2 comment" in n for n in contract.notes)


def test_word_numbering_is_rendered_and_cited(contract):
    got = texts(contract)
    assert ("definition", '1. "Recordings" means the audio recorded at the Session.') in got
    assert ("operative", "1.1 The Performer grants the Company a licence for a term of two (2) years.") in got
    assert ("operative", "(b) use in podcasts.") in got
    assert ("operative", "1.3 Styled clause numbered through its style.") in got
    seg = next(s for s in contract.segments if "podcasts" in contract.text[s.start:s.end])
    loc = contract.locate(seg.start, seg)
    assert (loc.paragraph, loc.section) == (7, "1.2(b)")
    assert loc.headings == ("VOICE LICENCE", "Definitions")


def test_text_box_read_once_after_its_paragraph(contract):
    assert contract.text.count("Fee: USD 500 per session.") == 1
    assert contract.text.index("See the box.") < contract.text.index("Fee: USD 500")


def test_table_rows_in_body_order(contract):
    got = texts(contract)
    assert ("table", "Session fee | USD 500") in got
    assert contract.text.index("Fee: USD 500") < contract.text.index("Session fee | USD 500") < contract.text.index("IN WITNESS")


def test_footnotes_headers_and_footers(contract):
    got = texts(contract)
    assert ("running", "ACME CONFIDENTIAL") in got
    assert ("running", "Acme Ltd") in got
    assert not any("Page" in t for _, t in got)  # the PAGE field line is a page number
    note = next(s for s in contract.segments if s.kind == "footnote")
    assert contract.text[note.start:note.end] == "Except to affiliates with consent."
    assert note.section == "footnote 1"


def test_signature_zone(contract):
    got = dict((t, z) for z, t in texts(contract))
    assert got["IN WITNESS WHEREOF the parties sign."] == "signature"
    assert got["By: ________"] == "signature"


def test_python_docx_file_styles_and_list_numbers():
    data = python_docx_bytes(
        [("Model Release", "Title"), ("Grant", "Heading 1"), ("I grant the Photographer a licence.", None), ("First item", "List Number"), ("Second item", "List Number")],
        rows=[["Fee", "EUR 300"]],
    )
    doc = extract_bytes("m.docx", data)
    got = texts(doc)
    assert ("heading", "Model Release") in got and ("heading", "Grant") in got
    assert ("operative", "2. Second item") in got
    assert ("table", "Fee | EUR 300") in got


def test_bad_xml_is_corrupt_and_entities_are_not_expanded():
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
        b'<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&f;&f;&f;&f;</w:t></w:r></w:p>'
        b"<w:p><w:r><w:t>The Performer grants the Company a licence for two years.</w:t></w:r></w:p></w:body></w:document>"
    )
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        b"<w:p><w:r><w:t>The Performer grants the Company a licence &x; for two years.</w:t></w:r></w:p></w:body></w:document>"
    )
    for payload in (laughs, xxe):
        data = docx_bytes([], extra={"word/document.xml": payload})
        try:
            doc = extract_bytes("x.docx", data)
        except InputError as exc:
            assert exc.code in (ErrorCode.CORRUPT, ErrorCode.NO_TEXT)
        else:
            assert "root:" not in doc.text and "aaaaaaaaaa" * 100 not in doc.text


def test_zip_bomb_is_refused_without_inflating():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b"a" * (80 * 1024 * 1024) + b"</w:document>")
    with pytest.raises(InputError) as err:
        extract_bytes("bomb.docx", buf.getvalue(), Limits(max_part_bytes=16 * 1024 * 1024))
    assert err.value.code is ErrorCode.TOO_LARGE


def test_truncated_and_incomplete_docx():
    data = docx_bytes([para("The Performer grants the Company a licence for two years.")])
    with pytest.raises(InputError) as err:
        extract_bytes("t.docx", data[: len(data) // 2])
    assert err.value.code is ErrorCode.CORRUPT
    with pytest.raises(InputError) as err:
        extract_bytes("e.docx", docx_bytes([para("   ")]))
    assert err.value.code is ErrorCode.NO_TEXT


def test_performer_docx_equals_python_docx_paragraph_text_plus_what_it_misses():
    """Compare with python-docx: every paragraph it sees is here, and so are the insertions it drops."""
    import docx

    body = [para("Clause one applies to the Performer and the Company."), para("Term: ", ins("three (3) years", 1), ".")]
    data = docx_bytes(body, numbering=False)
    doc = extract_bytes("p.docx", data)
    pd = docx.Document(io.BytesIO(data))
    assert pd.paragraphs[0].text in doc.text
    assert pd.paragraphs[1].text == "Term: ."  # python-docx drops the tracked insertion
    assert "Term: three (3) years." in doc.text


def test_each_word_table_starts_a_table_of_its_own():
    """Two Word tables with only an empty paragraph between them, and a Markdown table pasted after them:
    each one's first row starts a table, so its rows read their own header."""
    body = [
        table([["Model", "Fee"], ["Jade M.", "GBP 1,200"]]),
        para(""),
        table([["Media", "Term"], ["Website", "12 months"]]),
        para("| Usage | Territory |"),
        para("|---|---|"),
        para("| Print | UK |"),
    ]
    doc = extract_bytes("b.docx", docx_bytes(body, numbering=False))
    rows = [(block.text, block.first_row) for _, block in doc.blocks if block.kind == "table"]
    assert rows == [
        ("Model | Fee", True), ("Jade M. | GBP 1,200", False), ("Media | Term", True), ("Website | 12 months", False),
        ("Usage | Territory", True), ("Print | UK", False),
    ]


def test_merged_cells_and_short_lists_in_a_word_table_stay_in_their_rows():
    """A territory merged down over two rows is each row's territory; a cell listing "Radio" and "Online"
    as two paragraphs is one cell; a note merged across the last row is one cell; each row keeps its paragraph."""
    rows = [
        ["Usage", "Territoire", "Durée"],
        ["Publicité radio", "France", "1 an"],
        ["Publicité sur internet", "", "1 an"],
        ["Radio\nInternet", "Monde", "3 ans"],
        ["Toute autre utilisation est interdite.", "", ""],
    ]
    doc = extract_bytes("annexe.docx", python_docx_bytes([("ANNEXE 1", None)], rows, merges=[((1, 1), (2, 1)), ((4, 0), (4, 2))]))
    got = [(doc.text[s.start:s.end], doc.locate(s.start, s).paragraph) for s in doc.segments if s.zone == "table"]
    assert got == [
        ("Usage | Territoire | Durée", 2), ("Publicité radio | France | 1 an", 5), ("Publicité sur internet | France | 1 an", 8),
        ("Radio; Internet | Monde | 3 ans", 11), ("Toute autre utilisation est interdite.", 15),
    ]


def test_markdown_table_pasted_into_word_is_read_as_table_rows():
    """'| Term | In perpetuity |' typed (or pasted) into Word, one row a paragraph, some styled as headings:
    the rows are a table's rows, as in a Markdown file, and the rule line is layout."""
    from termcheck.api import load_ruleset
    from termcheck.engine import check

    paragraphs = [
        ("BOOKING CONFIRMATION", "Heading 1"),
        ("| Item | Details |", None),
        ("|---|---|", None),
        ("| Fee | USD 600, paid within 30 days |", "Heading 2"),
        ("| Term | In perpetuity |", None),
        ("| AI / synthetic voice | Not permitted |", None),
    ]
    data = python_docx_bytes(paragraphs)
    doc = extract_bytes("booking.docx", data)
    rows = [doc.text[s.start:s.end] for s in doc.segments if s.zone == "table"]
    assert rows == ["Item | Details", "Fee | USD 600, paid within 30 days", "Term | In perpetuity", "AI / synthetic voice | Not permitted"]
    report = check(doc, load_ruleset())
    assert report.check("payment").value == "USD 600" and report.check("ai-use").status == "warn"  # named, and refused
