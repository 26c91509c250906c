"""Text and Markdown input, and sniffing the real type from the bytes."""

from __future__ import annotations

import pytest

from builders import docx_bytes, para, pdf_pages
from termcheck.errors import ErrorCode, InputError
from termcheck.extract import extract_bytes, sniff

TEXT = "1. Grant\nThe Performer grants the Company a licence\nfor two years.\n\n2. Credit\nThe Performer will be credited.\n"


def test_line_numbers_are_source_lines():
    doc = extract_bytes("c.txt", TEXT.encode())
    seg = next(s for s in doc.segments if "credited" in doc.text[s.start:s.end])
    assert doc.locate(seg.start, seg).line == 6
    assert doc.locate(doc.text.index("for two years")).line == 3


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])
def test_encodings(encoding):
    text = "La Société verse à l’Artiste 1 500 € pour une durée de deux (2) ans."
    if encoding == "latin-1":
        text = text.replace("’", "'").replace("€", "EUR")
    doc = extract_bytes("fr.txt", text.encode(encoding))
    assert "Société verse à l'Artiste" in doc.text
    assert doc.language == "fr"


def test_markdown_headings_and_emphasis():
    md = "# Voice Licence\n\n## 1. Term\n\nThe licence lasts **two (2) years**.\n"
    doc = extract_bytes("c.md", md.encode())
    zones = [(s.zone, doc.text[s.start:s.end]) for s in doc.segments]
    assert ("heading", "Voice Licence") in zones
    assert ("operative", "The licence lasts two (2) years.") in zones
    seg = doc.segments[-1]
    assert doc.locate(seg.start, seg).line == 5 and seg.section == "1"


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", ErrorCode.NO_TEXT),
        (b"   \n\n", ErrorCode.NO_TEXT),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ErrorCode.UNSUPPORTED),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 600, ErrorCode.ENCRYPTED),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, ErrorCode.UNSUPPORTED),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 100, ErrorCode.UNSUPPORTED),
        (b"{\\rtf1\\ansi The Performer}", ErrorCode.UNSUPPORTED),
        (b"\x00\x01\x02\x03" * 50, ErrorCode.UNSUPPORTED),
        (b"PK\x03\x04garbage", ErrorCode.CORRUPT),
    ],
)
def test_unreadable_inputs_fail_closed(data, code):
    with pytest.raises(InputError) as err:
        extract_bytes("x.pdf", data)
    assert err.value.code is code
    assert err.value.message and err.value.hint


def test_zip_formats_that_are_not_docx():
    import io
    import zipfile

    for names, what in ((["content.xml", "mimetype"], "OpenDocument"), (["Index/Document.iwa"], "Pages"), (["a.txt"], "zip archive")):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            for n in names:
                zf.writestr(n, "x")
        with pytest.raises(InputError) as err:
            sniff(buf.getvalue(), "contract.docx")
        assert err.value.code is ErrorCode.UNSUPPORTED and what in err.value.message


def test_type_comes_from_bytes_not_suffix():
    pdf = pdf_pages([["The Performer grants the Company a licence for two years."]])
    docx = docx_bytes([para("The Performer grants the Company a licence for two years.")])
    assert extract_bytes("really-a-pdf.docx", pdf).format == "pdf"
    assert extract_bytes("really-a-docx.pdf", docx).format == "docx"
    assert extract_bytes("notes.pdf", b"The Performer grants the Company a licence.").format == "text"


@pytest.mark.parametrize(
    "name, text",
    [
        ("t.md", "Intro paragraph.\n\n| Media | Territory | Term |\n|---|:---:|---|\n| Paid social | Worldwide | In perpetuity |\n\nAfter."),
        ("t.txt", "Intro paragraph.\n\nMedia | Territory | Term\nPaid social | Worldwide | In perpetuity\n\nAfter."),
    ],
)
def test_pipe_tables_become_one_table_row_per_line(name, text):
    doc = extract_bytes(name, text.encode())
    rows = [(s.zone, doc.text[s.start:s.end]) for s in doc.segments if s.zone == "table"]
    assert rows == [("table", "Media | Territory | Term"), ("table", "Paid social | Worldwide | In perpetuity")]
    assert [doc.locate(s.start, s).line for s in doc.segments if s.zone == "table"] == ([3, 5] if name == "t.md" else [3, 4])


@pytest.mark.parametrize("name", ["t.md", "t.txt"])
def test_two_tables_one_after_the_other_each_start_a_table(name):
    """A booking's fee table, a blank line, then its usage table: the usage rows read the usage header
    ("| Media | Territory | Term |"), not the fee table's ("| Model | Fee |"), so "12 months" is the licence's length."""
    from termcheck.api import check_text

    text = (
        "BOOKING CONFIRMATION\n\n| Model | Client | Fee |\n|---|---|---|\n| Jade M. | Saltmarsh Ltd | GBP 1,200 |\n\n"
        "| Media | Territory | Term |\n|---|---|---|\n| Website and social channels | UK | 12 months from first use |\n"
        "| Print catalogue | UK | 12 months from first use |\n"
    )
    doc = extract_bytes(name, text.encode())
    starts = [block.text for _, block in doc.blocks if block.first_row]
    assert starts == ["Model | Client | Fee", "Media | Territory | Term"]
    term = check_text(text).check("license-term")
    assert term.status == "pass" and term.value == 1.0
    assert "12 months from first use" in term.findings[0].quote


@pytest.mark.parametrize("line", ["The fee is $100 | paid monthly.", "Name: ____ | Date: ____", "a|b|c", "|"])
def test_text_with_a_stray_pipe_is_not_a_table(line):
    from termcheck.extract.text import table_cells

    assert table_cells(line) is None


def test_consecutive_form_fields_stay_apart_however_long():
    """An offer e-mail's 'Date: ... (your home studio is fine)' then 'Rate: $300 ...' are two fields, not one
    wrapped paragraph (which also read the whole block as a signature's date line)."""
    text = (
        "Hi Sam,\n\nGreat news, the client has confirmed you for the session next week at the studio!\n\n"
        "Date: Tuesday 9 June, 10:00-13:00, remote (your home studio is fine)\n"
        "Rate: $300 flat buyout, paid by PayPal within 45 days of the session\n"
        "Usage: unlimited, all media, in perpetuity, worldwide\n"
    )
    doc = extract_bytes("offer.txt", text.encode())
    pieces = [(s.zone, doc.text[s.start:s.end]) for s in doc.segments]
    assert ("operative", "Rate: $300 flat buyout, paid by PayPal within 45 days of the session") in pieces
    assert ("operative", "Usage: unlimited, all media, in perpetuity, worldwide") in pieces


SPANISH = (
    "Primera. El Artista autoriza al Productor a grabar su imagen y su voz durante el rodaje del anuncio y a utilizar "
    "las grabaciones en televisión e internet por un año desde la primera emisión, con todos los derechos.\n\n"
    "Segunda. El Productor abonará al Artista 1.200 euros por la sesión y la cesión de los derechos.\n\n"
    "Tercera. El Productor no podrá ceder las grabaciones a terceros ni utilizarlas para entrenar sistemas de "
    "inteligencia artificial, y cualquier otro uso será objeto de un nuevo acuerdo por escrito con el Artista.\n\n"
    "Cuarta. El presente convenio se rige por la legislación española y los tribunales de Madrid serán competentes "
    "para cualquier disputa sobre este convenio, sus anexos y las grabaciones del Artista.\n"
)
GERMAN = (
    "§ 1 Der Sprecher räumt der Firma das Recht ein, die Aufnahmen für die Dauer von zwei Jahren zu nutzen. "
    "Die Nutzung für das Training von KI-Systemen ist nicht gestattet und wird von der Firma auch nicht an Dritte "
    "weitergegeben.\n\n§ 2 Der Sprecher erhält für die Aufnahmen und die Nutzung eine Vergütung von 800 Euro, die "
    "mit der Lieferung der Aufnahmen fällig wird und durch Überweisung auf das Konto des Sprechers gezahlt wird.\n\n"
    "§ 3 Der Sprecher wird im Abspann mit seinem Namen genannt, wenn er das wünscht, und kann der Nutzung nach "
    "Ablauf der Dauer widersprechen; die Firma löscht dann die Aufnahmen bei sich und bei ihren Dienstleistern.\n"
)


@pytest.mark.parametrize("text, language", [(SPANISH, "Spanish"), (GERMAN, "German")])
def test_a_contract_in_a_language_without_rules_is_not_checked(text, language):
    """A Spanish or German contract would pass every check unread: it is an input error naming the language."""
    with pytest.raises(InputError) as err:
        extract_bytes("c.txt", text.encode())
    assert err.value.code is ErrorCode.UNSUPPORTED and language in err.value.message


def test_an_english_contract_with_a_spanish_translation_is_read_as_english():
    """Side by side with its translation, the English text is still checked."""
    english = (
        "1. The Artist authorises the Producer to record the Artist's image and voice during the shoot and to use "
        "the recordings on television and the internet for one year from first broadcast, and this agreement is "
        "governed by the laws of Spain.\n\n2. The Producer shall pay the Artist EUR 1,200 for the session and any "
        "use of the recordings by the Producer or by any of its affiliates in that year.\n\n"
        "3. The Producer will not transfer the recordings to any third party and will not use them for AI training, "
        "and any other use shall be the subject of a new written agreement with the Artist.\n\n"
    )
    doc = extract_bytes("c.txt", (english + SPANISH).encode())
    assert doc.language == "en"
