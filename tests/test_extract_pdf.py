"""PDF extraction: page text, visual lines, clean-up, layout path and fail-closed errors."""

from __future__ import annotations

import zlib

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from builders import image_only_pdf, pdf_pages, pdf_two_columns, pdf_with_table, pdf_with_tables, pdf_with_wrapped_table
from termcheck.errors import ErrorCode, InputError
from termcheck.extract import extract_bytes
from termcheck.limits import Limits


def paragraphs(name: str, pages: list[list[str]], **layout) -> list[str]:
    """The text of each segment of a PDF built from the pages' lines."""
    doc = extract_bytes(name, pdf_pages(pages, **layout))
    return [doc.text[seg.start:seg.end] for seg in doc.segments]


PAGE1 = [
    "VOICE LICENCE AGREEMENT",
    "",
    "1. Grant",
    "1.1 The Performer grants the Company a licence to use the Record-",
    "ings in the territory for a term of two (2) years from the Effective",
    "Date.",
    "1.2 The Company shall not sublicense the Recordings.",
    "",
    "2. Payment",
    "2.1 The Company shall pay the Performer USD 500 within thirty (30)",
]
PAGE2 = [
    "days of the session.",
    "2.2 No other sums are due.",
]


def seg_with(doc, needle):
    """The segment whose text contains needle."""
    for s in doc.segments:
        if needle in doc.text[s.start:s.end]:
            return s
    raise AssertionError(f"{needle!r} not found in {doc.text!r}")


def narrow_pdf(name, lines):
    """A one-page PDF of the lines as given, in 9-point type: a narrow column, read back."""
    return extract_bytes(name, pdf_pages([lines], size=9))


def zones_of(doc):
    """Each segment's zone and text."""
    return [(s.zone, doc.text[s.start:s.end]) for s in doc.segments]


@pytest.fixture(scope="module")
def contract():
    return extract_bytes("c.pdf", pdf_pages([PAGE1, PAGE2], header="Acme Voice Ltd - Confidential", footer=True))


def test_header_footer_and_page_numbers_removed(contract):
    assert "Acme Voice Ltd" not in contract.text
    assert "Page 1 of 2" not in contract.text and "Page 2" not in contract.text


def test_hyphenated_word_rejoined(contract):
    assert "use the Recordings in the territory" in contract.text


def test_clause_continues_across_the_page_break(contract):
    seg = seg_with(contract, "USD 500")
    assert contract.text[seg.start:seg.end].endswith("within thirty (30) days of the session.")
    assert contract.locate(seg.start, seg).page == 1


def test_a_word_broken_over_a_page_break_is_one_word_again():
    """pdfium marks a hyphenated break within a page only; "through-" / "out" across pages is joined
    here, with the page of each half kept, and "AI-" / "generated" keeps its hyphen."""
    page1 = ["1. The Performer shall attend the sessions.", "", "2. The Performer irrevocably grants the Company a",
             "licence to use the Recordings through-"]
    page2 = ["out the universe, including for AI-", "generated content.", "", "3. The fee is USD 500."]
    doc = extract_bytes("c.pdf", pdf_pages([page1, page2], header="Acme Voice Ltd - Confidential", footer=True))
    assert "Recordings throughout the universe" in doc.text
    assert "AI-generated content" in doc.text
    seg = seg_with(doc, "throughout")
    assert doc.locate(doc.text.index("throughout"), seg).page == 1
    assert doc.locate(doc.text.index("universe"), seg).page == 2


def test_visual_line_numbers_and_sections(contract):
    # Visual lines: header (1), title (2), "1. Grant" (3), the clause starts on line 4.
    seg = seg_with(contract, "1.1 The Performer")
    loc = contract.locate(seg.start, seg)
    assert (loc.page, loc.line, loc.section, loc.headings) == (1, 4, "1.1", ("Grant",))
    # A word after the joined hyphen sits on the next visual line, not the one pdfium's newlines give.
    loc = contract.locate(contract.text.index("in the territory"))
    assert loc.line == 5
    loc = contract.locate(contract.text.index("2.2 No other"))
    assert (loc.page, loc.line) == (2, 3)


def test_headings_are_their_own_zone(contract):
    assert seg_with(contract, "1. Grant").zone == "heading"
    assert seg_with(contract, "1.2 The Company").zone == "operative"


def test_two_columns_read_column_by_column():
    left = [f"Left clause {i}: deletion." for i in range(20)]
    right = [f"Right clause {i}: payment." for i in range(20)]
    for layout in (False, True):
        doc = extract_bytes("cols.pdf", pdf_pages([left], right_column=[right]), layout=layout)
        assert doc.text.index("Left clause 19") < doc.text.index("Right clause 0")
        # each "Left clause N: ..." line is a field of its own (a label and a colon), one after the other
        assert doc.text.index("Left clause 3: deletion.") < doc.text.index("Left clause 4: deletion.")
        assert doc.locate(doc.text.index("Right clause 3")).line == 4


def test_capitalised_paragraph_in_a_narrow_column_is_not_a_run_of_headings():
    """A governing-law clause in capitals, wrapped in a column of 40 characters: each short capitalised
    line used to become a heading of its own, and the clause ("... BY" / "THE LAWS OF THE STATE OF
    DELAWARE") was never read as one sentence."""
    left = [
        "9. Jurisdiction. Each party consents to the",
        "courts of the State of Delaware for any",
        "dispute arising out of this agreement. THIS",
        "AGREEMENT SHALL BE GOVERNED IN ALL",
        "RESPECTS, INCLUDING WITHOUT LIMITATION",
        "VALIDITY, INTERPRETATION AND EFFECT, BY",
        "THE LAWS OF THE STATE OF DELAWARE",
        "APPLICABLE TO CONTRACTS EXECUTED AND",
        "TO BE PERFORMED WHOLLY WITHIN SUCH",
        "STATE.",
        "",
        "GOVERNING TERMS",
        "10. Expenses. Each party pays its own",
        "costs and expenses under this agreement.",
    ]
    right = ["11. Notices. Notices are given in writing", "to the addresses on the signature page."]
    doc = extract_bytes("cols.pdf", pdf_pages([left], right_column=[right], size=9))
    zones = {doc.text[s.start:s.end]: s.zone for s in doc.segments}
    assert any("BY THE LAWS OF THE STATE OF DELAWARE APPLICABLE" in t and z == "operative" for t, z in zones.items())
    assert zones.get("GOVERNING TERMS") == "heading"  # after a finished sentence a capitalised line is still a title
    from termcheck.api import check_text

    law = check_text(doc.text).check("governing-law")
    assert law.status == "pass" and "Delaware" in str(law.value)


def test_run_in_title_and_wrapped_cross_reference_stay_in_their_clause():
    """'12.1.2 Effect of Expiration of the Term. Following' starts a clause, it is not a title; and
    'Section 5.1.3 shall become ...' after '... the grants in' is a reference, not a new clause (both
    split Harpoon's irrevocable grant in a two-column layout). A list's '(b)' after '; and' still starts an item."""
    left = [
        "12.1.2 Effect of Expiration of the Term. Following",
        "the expiration of the Term pursuant to clause (a)",
        "(but not clause (b)) of Section 12.1.1, the grants in",
        "Section 5.1.3 shall become non-exclusive,",
        "fully-paid, royalty-free and irrevocable.",
        "12.2 The Licensee may, at its option:",
        "(a) use the Materials in the Territory; and",
        "(b) sublicense the Materials to its Affiliates.",
    ]
    texts = paragraphs("ref.pdf", [left], size=9)
    assert any(t.startswith("12.1.2 Effect") and "the grants in Section 5.1.3 shall become" in t for t in texts)
    assert "(b) sublicense the Materials to its Affiliates." in texts


def test_capitalised_sentence_running_on_over_a_page_break_is_one_clause():
    """'... THE LAWS OF THE' at the foot of a page, 'STATE OF COLORADO ...' at the top of the next: in
    capitals the next page does not start in lower case, but the sentence still runs on; and '(a)
    GOVERNING LAW. THIS AGREEMENT' is a clause with a run-in title, not a heading."""
    filler = [f"{n}. Notices under clause {n} are given in writing." for n in range(1, 9)]
    page1 = filler + ["", "10.12 GOVERNING LAW.", "(a) GOVERNING LAW. THIS AGREEMENT", "SHALL BE GOVERNED BY, AND CONSTRUED", "IN ACCORDANCE WITH, THE LAWS OF THE"]
    page2 = ["STATE OF COLORADO, UNITED STATES,", "WITHOUT REGARD TO ITS PRINCIPLES", "REGARDING CONFLICT OF LAWS.", "", "11. Notices are given in writing."]
    doc = extract_bytes("break.pdf", pdf_pages([page1, page2], footer=True, size=9))
    from termcheck.api import check_text

    law = check_text(doc.text).check("governing-law")
    assert law.status == "pass" and "Colorado" in str(law.value)
    seg = next(s for s in doc.segments if "THIS AGREEMENT SHALL BE GOVERNED" in doc.text[s.start:s.end])
    assert seg.zone == "operative" and "STATE OF COLORADO" in doc.text[seg.start:seg.end]


def test_footnotes_leave_the_sentence_they_interrupt():
    """A note at the foot of page 1 sat between "for a period of two (2)" and "years ..." on page 2, so the
    licence term was never read, and its call "Recordings¹" hid the word "Recordings"."""
    page1 = [f"{n}. The Performer will attend session {n} at the studio." for n in range(1, 6)] + [
        "6. The Performer grants the Company a licence to use the Recordings¹ for",
        "a period of two (2)",
        *[""] * 10,
        "¹ \"Recordings\" means the audio recorded at the sessions.",
    ]
    page2 = ["years from the date of signature, after which all rights revert to the", "Performer.", "7. The Company may not sublicense the Recordings."]
    doc = extract_bytes("notes.pdf", pdf_pages([page1, page2], footer=True, size=10))
    texts = [doc.text[s.start:s.end] for s in doc.segments]
    assert any("use the Recordings for a period of two (2) years from the date of signature" in t for t in texts)
    note = next(s for s in doc.segments if doc.text[s.start:s.end].startswith('1 "Recordings" means'))
    assert (doc.locate(note.start, note).page, doc.locate(note.start, note).line) == (1, 8)
    from termcheck.api import check_text

    assert check_text(doc.text).check("license-term").value == 2.0


def test_footnotes_drawn_before_the_body_are_still_the_foot_of_the_page():
    """A page template often draws its notes first: they come first in the file's text, at the bottom of the page."""
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(612, 792))
    c.setFont("Helvetica", 8)
    c.drawString(72, 60, "2 The Company's affiliates are listed in Schedule 3.")
    c.setFont("Helvetica", 10)
    body = ["1. The Performer grants the Company and its affiliates2 the right to", "use the Recordings for two (2) years.", "2. The Company pays USD 400."]
    for i, line in enumerate(body):
        c.drawString(72, 720 - 14 * i, line)
    c.showPage()
    c.save()
    doc = extract_bytes("first.pdf", buf.getvalue())
    assert doc.text.index("1. The Performer grants the Company and its affiliates the right") < doc.text.index("2 The Company's affiliates")


def test_a_number_at_the_foot_of_a_page_is_a_note_only_when_the_text_calls_it():
    """'12 Governing law and notices apply' at a page's foot, with no word ending in '12' above: body text."""
    page1 = ["1. The Company pays the fee of 500 euros.", "12 Governing law and notices apply to this clause."]
    page2 = ["13. The Company may not sublicense the Recordings."]
    doc = extract_bytes("nonote.pdf", pdf_pages([page1, page2], size=10))
    assert doc.text.index("12 Governing law") < doc.text.index("13. The Company")  # not moved after the body


def test_narrow_column_shapes_that_looked_like_titles():
    """Lines of a consent form laid out in a narrow column, each read once as a title or a new clause."""
    lines = [
        "CHILDREN'S SPEECH CORPUS -",
        "PARENT OR GUARDIAN CONSENT FORM",
        "Please read this form with your child, who is under",
        "16.",
        "Article 1. Les Représentants autorisent le Client à",
        "photographier l'enfant pour le catalogue d'automne.",
        "C. The Partnership, the Partners and Manager",
        "desire to amend the Agreement to extend its term.",
    ]
    doc = extract_bytes("narrow.pdf", pdf_pages([lines + ["", "Page 1 - Confidential - Form VX-2027 rev.3"]], size=9))
    zones = zones_of(doc)
    assert ("heading", "CHILDREN'S SPEECH CORPUS - PARENT OR GUARDIAN CONSENT FORM") in zones
    texts = [t for _, t in zones]
    assert "Please read this form with your child, who is under 16." in texts
    assert "Article 1. Les Représentants autorisent le Client à photographier l'enfant pour le catalogue d'automne." in texts
    assert "C. The Partnership, the Partners and Manager desire to amend the Agreement to extend its term." in texts
    assert "Confidential" not in doc.text  # a running footer that starts with the page number


def test_a_numbered_title_in_sentence_case_keeps_its_own_line():
    """'5. Your personal data' over the clause it titles is read apart from it (its words are not the
    clause's), while a numbered clause wrapped after a short first line stays whole."""
    lines = [
        "4. Rights",
        "4.1 You assign to Larkspur all present and future rights in the recordings for their full duration.",
        "5. Your personal data",
        "You may ask us to delete your contact details at any time. Recordings delivered cannot be recalled.",
        "6. Payment of the fee is due",
        "within thirty days of the session, by bank transfer to the account you name in the booking form.",
    ]
    texts = paragraphs("titles.pdf", [lines])
    assert "5. Your personal data" in texts
    assert any(t.startswith("You may ask us to delete") for t in texts)
    assert any(t.startswith("6. Payment of the fee is due within thirty days") for t in texts)


def test_an_unnumbered_title_in_sentence_case_keeps_its_own_line():
    """'Moral rights' over the sentence it titles is read apart from it, so 'the Performer waives them' has
    a heading that names them; a wrapped clause whose second line starts with a capital stays whole."""
    lines = [
        "1. The Performer grants the Company a licence to use the Recordings for two years from the",
        "Session Date, in the United Kingdom only, for the campaign described in the Schedule.",
        "Moral rights",
        "To the fullest extent permitted by law, the Performer waives them.",
    ]
    texts = paragraphs("moral.pdf", [lines])
    assert "Moral rights" in texts
    assert "To the fullest extent permitted by law, the Performer waives them." in texts
    assert any(t.startswith("1. The Performer grants") and "Session Date" in t for t in texts)


def test_a_title_numbered_without_a_dot_after_a_full_line_is_read_apart():
    """'... voice is heard.' (a full line) / '6 Digital replicas' / 'The Producer will not ...': the title
    starts its own block and titles the clause under it, instead of running into the paragraph above."""
    lines = [
        "The Artist will be credited in the end titles of each episode in which the Artist's voice is heard.",
        "6 Digital replicas",
        "The Producer will not create a digital replica of the Artist's voice without separate written consent.",
    ]
    texts = paragraphs("bare.pdf", [lines])
    assert "The Artist will be credited in the end titles of each episode in which the Artist's voice is heard." in texts
    assert "6 Digital replicas" in texts


def test_an_amount_whose_thousands_wrap_to_the_next_line_stays_in_its_clause():
    """'... un cachet de 1' / '500 euros, ...' in a narrow column: the short first line is not a title, and
    the amount is read whole."""
    lines = [
        "Article 3 - L'Éditeur pourra concéder des",
        "licences de diffusion aux plateformes.",
        "Article 4 - Le Lecteur percevra un cachet de 1",
        "500 euros, ainsi que 5 % du prix de vente hors",
        "taxes de chaque exemplaire vendu.",
        "Article 5 - Le nom du Lecteur figurera sur la",
        "jaquette et dans les métadonnées.",
    ]
    doc = narrow_pdf("narrow.pdf", lines)
    texts = [doc.text[s.start:s.end] for s in doc.segments]
    assert "Article 4 - Le Lecteur percevra un cachet de 1 500 euros, ainsi que 5 % du prix de vente hors taxes de chaque exemplaire vendu." in texts


def test_an_enumeration_inside_a_sentence_wraps_without_starting_clauses():
    """'... a written consent that (i) assigns ..., ' / '(ii) permits ...': items run inside one sentence
    stay in it; a list whose items open their own lines is still split, whatever its labels."""
    lines = [
        "4. Contributor Consents. Vendor shall obtain from each Contributor a written consent that (i) assigns to",
        "Vendor all rights in the Contributor's recordings,",
        "(ii) permits Vendor to transfer those rights to Customer, and (iii) permits Customer to use the",
        "recordings to train speech models for any purpose, without time limit.",
        "5. The Company shall not:",
        "(xiii) sell the Recordings;",
        "(xiv) license the Recordings.",
    ]
    texts = paragraphs("inline.pdf", [lines])
    assert any(t.startswith("4. Contributor Consents.") and "(ii) permits Vendor" in t and t.endswith("without time limit.") for t in texts)
    assert "(xiv) license the Recordings." in texts


def test_a_recitals_title_under_the_contracts_title_opens_the_recitals():
    """'VOICE ACTOR AGREEMENT' / 'RECITALS' are two titles, not one wrapped over two lines: the recitals
    below are background, not clauses ('sells synthetic voices to businesses' grants nothing)."""
    lines = [
        "VOICE ACTOR AGREEMENT",
        "RECITALS",
        "A. The Company operates a text-to-speech service and sells synthetic voices to businesses worldwide.",
        "B. The Actor wishes to record a script for the Company's telephone menu product only.",
        "1. The Actor grants the Company a non-exclusive licence to use the Recordings for two years.",
    ]
    doc = extract_bytes("recitals.pdf", pdf_pages([lines]))
    assert seg_with(doc, "A. The Company operates").zone == "recital"
    assert seg_with(doc, "1. The Actor grants").zone == "operative"


def test_very_narrow_column_shapes():
    """Three columns of 30 characters: a title in capitals over two lines, a title-like line in the middle
    of a sentence ('Commons Attribution - Pas'), and a form's blank before the clause that follows it."""
    lines = [
        "VOICE LIBRARY",
        "SHARING TERMS",
        "Le corpus, après",
        "pseudonymisation, sera diffusé",
        "sous licence Creative",
        "Commons Attribution - Pas",
        "d'utilisation commerciale.",
        "Parent or guardian:",
        "____________________",
        "For good and valuable",
        "consideration, I grant the",
        "Company a licence.",
    ]
    doc = narrow_pdf("narrow3.pdf", lines)
    zones = zones_of(doc)
    assert ("heading", "VOICE LIBRARY SHARING TERMS") in zones
    texts = [t for _, t in zones]
    assert any("sous licence Creative Commons Attribution - Pas d'utilisation commerciale." in t for t in texts)
    assert "For good and valuable consideration, I grant the Company a licence." in texts


def test_a_capital_title_over_four_narrow_lines_is_one_title():
    """'VOICE ACTING' / 'AGREEMENT —' / 'ANIMATED SHORT' / '"PEBBLE"' is one title, so its first words stay
    in every clause's heading path."""
    lines = ["VOICE ACTING", "AGREEMENT —", "ANIMATED SHORT", '"PEBBLE"', "1. Fee. We will pay you GBP", "300 for the session."]
    doc = narrow_pdf("title4.pdf", lines)
    assert seg_with(doc, "1. Fee").headings[0] == 'VOICE ACTING AGREEMENT - ANIMATED SHORT "PEBBLE"'


def test_a_word_alone_on_a_narrow_line_is_not_a_title_that_cuts_its_sentence():
    """'Society under the Creative' / 'Commons' / 'Attribution-ShareAlike 4.0': the long word after
    'Commons' left it alone on its line, so it is no title. 'Payment' after a line that looks just as
    unfinished is one: 'We' would have fitted beside it."""
    lines = [
        "2. By uploading your recording",
        "you license it to the Dialect",
        "Society under the Creative",
        "Commons",
        "Attribution-ShareAlike 4.0",
        "licence. Anyone may reuse it.",
        "3. Recordings are kept by us",
        "in our archive in Leiden",
        "Payment",
        "We do not pay contributors.",
    ]
    doc = narrow_pdf("narrow.pdf", lines)
    zones = zones_of(doc)
    assert any("under the Creative Commons Attribution-ShareAlike 4.0 licence." in t for _, t in zones)
    assert ("heading", "Commons") not in zones
    assert ("heading", "Payment") in zones


def test_an_unnumbered_run_in_title_after_a_finished_line_opens_a_clause():
    """A PDF shows no blank line between paragraphs: 'Usage. Kelpie may ...' after a full line that ends a
    sentence, or after a form's short field line, starts a clause of its own; 'Inc. agrees' does not."""
    lines = [
        "Ambassador: the creator signing below",
        "Content. Ambassador will post four videos wearing Kelpie products during March 2027.",
        "Usage. Kelpie may repost the videos on its own social media channels and use them in paid",
        "social ads for six (6) months from posting. After six months, Kelpie will stop the ads.",
        "Brightwater Cosmetics plc, a company registered in England, is the client of Northbeat Media",
        "Inc. agrees to pay the fee within thirty days of the session and the usage period starts then.",
    ]
    texts = paragraphs("runin.pdf", [lines])
    assert "Ambassador: the creator signing below" in texts
    assert "Content. Ambassador will post four videos wearing Kelpie products during March 2027." in texts
    assert any(t.startswith("Usage. Kelpie may repost") and "paid social ads for six (6) months" in t for t in texts)
    assert any("Northbeat Media Inc. agrees" in t for t in texts)


def test_a_section_sign_numbers_a_clause():
    """'§2 Licence. ...' in a wrapped PDF column is clause § 2, not the rest of § 1; a line ending on
    'Your' goes on ('... may use Your' / 'TTS Voice through ...' is no label and its text)."""
    lines = [
        "§1 Subject. You record the script set provided by",
        "Sonora. Sonora creates a voice from the recordings.",
        "§2 Licence. You grant Sonora a licence to use the",
        "voice for a period of five (5) years.",
        "§3 Customers. Sonora's customers may use Your",
        "TTS Voice through Sonora's products to create",
        "audio for their own content.",
    ]
    doc = narrow_pdf("section.pdf", lines)
    assert seg_with(doc, "§2 Licence").section == "§ 2"
    assert doc.text[seg_with(doc, "§2 Licence").start:].startswith("§2 Licence. You grant Sonora a licence to use the voice")
    assert "may use Your TTS Voice through Sonora's products" in doc.text[seg_with(doc, "§3 Customers").start:seg_with(doc, "§3 Customers").end]


def test_a_note_in_brackets_under_a_forms_blank_stays_with_it():
    """'I would like to be credited as: ______' / '(leave blank to remain anonymous).' is one field: the
    note says what the blank means."""
    lines = [
        "I would like to be credited as: ______________",
        "(leave blank to remain anonymous).",
        "I understand that I will not be paid.",
    ]
    texts = paragraphs("blank.pdf", [lines])
    assert "I would like to be credited as: ______________ (leave blank to remain anonymous)." in texts


def test_a_markdown_table_printed_in_a_pdf_is_read_row_by_row():
    """'| Term | Perpetual |' printed as text in a PDF is a table row like in the Markdown it came from, with
    its page and line, not a title ('|---|---|' is layout)."""
    lines = [
        "CONSENT TO PHOTOGRAPHY",
        "| Item | Detail |",
        "|---|---|",
        "| Term | Perpetual |",
        "| Fee | GBP 250 one-off |",
        "The Model may not withdraw this consent.",
    ]
    doc = extract_bytes("table.pdf", pdf_pages([lines]))
    rows = [(s.zone, doc.text[s.start:s.end]) for s in doc.segments]
    assert ("table", "Term | Perpetual") in rows and ("table", "Fee | GBP 250 one-off") in rows
    assert not any("---" in t for _, t in rows)
    assert doc.locate(seg_with(doc, "Term | Perpetual").start).line == 4


def test_a_table_row_wrapped_in_a_narrow_column_is_one_row():
    """"| Site internet et réseaux sociaux |" / "Monde | 1 an |" and "| Affichage en" / "boutique | France | 1 an |"
    are two rows of three cells, not a row and a title."""
    lines = [
        "| Support | Territoire | Durée |",
        "| Site internet et réseaux sociaux |",
        "Monde | 1 an |",
        "| Affichage en",
        "boutique | France | 1 an |",
        "Toute autre utilisation est interdite.",
    ]
    doc = narrow_pdf("narrow-table.pdf", lines)
    rows = [doc.text[s.start:s.end] for s in doc.segments if s.zone == "table"]
    assert rows == ["Support | Territoire | Durée", "Site internet et réseaux sociaux | Monde | 1 an", "Affichage en boutique | France | 1 an"]


def test_layout_path_reads_table_rows_in_place():
    pdf = pdf_with_table(
        ["SCHEDULE A - FEES", "The fees are set out below."],
        [["Item", "Amount"], ["Session fee", "USD 500"], ["Licence term", "Two years"]],
        ["All fees are in US dollars."],
    )
    doc = extract_bytes("t.pdf", pdf, layout=True)
    texts = [(s.zone, doc.text[s.start:s.end]) for s in doc.segments]
    assert ("table", "Session fee | USD 500") in texts
    assert texts.index(("table", "Item | Amount")) < texts.index(("operative", "All fees are in US dollars."))
    assert doc.locate(seg_with(doc, "Licence term").start).line == 5


def test_layout_path_starts_each_ruled_table_afresh():
    """A fee table straight above a usage table: each one's first row starts a table of its own."""
    pdf = pdf_with_tables([
        "BOOKING CONFIRMATION",
        [["Model", "Fee"], ["Jade M.", "GBP 1,200"]],
        [["Media", "Term"], ["Website", "12 months"]],
    ])
    doc = extract_bytes("b.pdf", pdf, layout=True)
    rows = [(block.text, block.first_row) for _, block in doc.blocks if block.kind == "table"]
    assert rows == [("Model | Fee", True), ("Jade M. | GBP 1,200", False), ("Media | Term", True), ("Website | 12 months", False)]


def _summary_pdf(ruled: bool = True) -> bytes:
    return pdf_with_tables([
        "VOICE SESSION - RIGHTS SUMMARY",
        "Performer: R. Alvarez. Producer: Tidewater Games Ltd.",
        [["Right", "Agreed"], ["Use", "In the game Saltreach only"], ["Term", "5 years from release"], ["AI training", "Not permitted"],
         ["Sublicensing", "Not permitted"], ["Credit", "Name in the game credits,\nunder the voice cast"], ["Fee", "GBP 2,400"]],
        "This summary is governed by the laws of England.",
    ], ruled=ruled)


@pytest.mark.parametrize("ruled", [True, False])
def test_a_table_is_read_row_by_row_without_layout(ruled):
    """pdfium gives a row's cells one space apart ("Fee GBP 2,400"), so without help a rights summary
    runs on into one paragraph and "Fee" reads as a heading; the cells' geometry makes each row a table
    row, a value wrapped onto a second line stays in its cell, and each row keeps its own line."""
    doc = extract_bytes("summary.pdf", _summary_pdf(ruled))
    rows = [(doc.text[s.start:s.end], doc.locate(s.start, s).line) for s in doc.segments if s.zone == "table"]
    assert rows == [
        ("Right | Agreed", 3), ("Use | In the game Saltreach only", 4), ("Term | 5 years from release", 5),
        ("AI training | Not permitted", 6), ("Sublicensing | Not permitted", 7),
        ("Credit | Name in the game credits, under the voice cast", 8), ("Fee | GBP 2,400", 10),
    ]
    assert "This summary is governed by the laws of England." in doc.text


def test_a_rights_summary_table_in_a_pdf_is_checked_row_by_row():
    from termcheck.api import load_ruleset
    from termcheck.engine import check

    report = check(extract_bytes("summary.pdf", _summary_pdf()), load_ruleset())
    got = {c.id: (c.status, c.value) for c in report.checks}
    assert got["payment"] == ("pass", "GBP 2,400")
    assert got["attribution"][0] == "pass" and got["sublicensing"][0] == "pass" and got["usage-scope"][0] == "pass"
    assert got["license-term"] == ("warn", 5.0) and got["ai-use"][0] == "warn"


def test_a_row_with_an_empty_cell_keeps_its_columns():
    pdf = pdf_with_tables(["FEES", [["Item", "Unit", "Amount"], ["Session", "per day", "EUR 400"], ["Travel", "", "EUR 50,\nreceipts needed"]], "End."])
    doc = extract_bytes("fees.pdf", pdf)
    rows = [doc.text[s.start:s.end] for s in doc.segments if s.zone == "table"]
    assert rows == ["Item | Unit | Amount", "Session | per day | EUR 400", "Travel |  | EUR 50, receipts needed"]


def test_a_french_usage_table_in_a_pdf_limits_the_uses():
    from termcheck.api import load_ruleset
    from termcheck.engine import check

    pdf = pdf_with_tables([
        "AUTORISATION D'EXPLOITATION DE L'IMAGE", "Le Modele autorise la Societe a utiliser les photographies comme suit :",
        [["Support", "Territoire", "Duree"], ["Site internet", "France", "1 an"], ["Reseaux sociaux", "Monde", "2 ans"]],
        "Cachet : 800 euros.",
    ])
    got = {c.id: (c.status, c.value) for c in check(extract_bytes("image.pdf", pdf), load_ruleset()).checks}
    assert got["license-term"] == ("pass", 2.0) and got["usage-scope"][0] == "pass" and got["payment"] == ("pass", "800 euros")


def test_fields_set_out_with_tabs_stay_label_and_value():
    """'Rate:' and '$300 flat buyout' far apart on a line are a form's field, read as before."""
    pdf = pdf_with_tables(["OFFER", [["Rate:", "$300 flat buyout"], ["Usage:", "Internet, one year"]], ""], ruled=False)
    doc = extract_bytes("offer.pdf", pdf)
    assert "|" not in doc.text and "Rate: $300 flat buyout" in doc.text


def test_two_tables_in_a_pdf_each_start_a_table():
    pdf = pdf_with_tables([
        "BOOKING CONFIRMATION",
        [["Model", "Fee"], ["Jade M.", "GBP 1,200"]],
        "Usage is set out below.",
        [["Media", "Term"], ["Website and social channels", "12 months from first use"]],
    ])
    doc = extract_bytes("b.pdf", pdf)
    rows = [(block.text, block.first_row) for _, block in doc.blocks if block.kind == "table"]
    assert rows == [("Model | Fee", True), ("Jade M. | GBP 1,200", False), ("Media | Term", True), ("Website and social channels | 12 months from first use", False)]


def test_two_column_prose_is_not_a_table():
    """Two columns of text sit side by side like a table's cells, but pdfium reads one column after the
    other, so no line holds both: nothing is rewritten as a row."""
    left = ["The Performer grants the Company", "a licence to use the Recordings", "for two years from delivery."]
    right = ["The Company shall pay the Performer", "USD 500 within thirty days", "of the recording session."]
    doc = extract_bytes("cols.pdf", pdf_two_columns(left, right))
    assert "|" not in doc.text and all(s.zone != "table" for s in doc.segments)
    assert " ".join(left) in doc.text and " ".join(right) in doc.text


_RATE_CARD = [
    ["Media", "Territory", "Term", "Fee"],
    ["Radio commercial, national broadcast and online simulcast", "United Kingdom", "12 months from first broadcast", "GBP 650 per 12-month cycle"],
    ["Online video pre-roll on the Company's own channels and paid social", "Worldwide", "12 months", "GBP 450 per 12-month cycle"],
    ["Internal training and corporate presentations, not shown to the public", "Worldwide", "3 years", "GBP 250"],
]


@pytest.mark.parametrize("ruled", [True, False])
def test_a_table_written_cell_by_cell_is_read_row_by_row(ruled):
    """A word processor writes each cell's wrapped lines before the next cell's, so pdfium's text runs
    "Radio commercial, national / broadcast and online simulcast / United Kingdom / 12 months from first
    / broadcast ..." and the header row read as a title over the rest of the contract. Each row is one
    Markdown row again, cited at the line where it starts, and the clauses after it keep their own titles."""
    pdf = pdf_with_wrapped_table(
        ["1. The Company may use the recordings only for the media, territory and term booked below."],
        _RATE_CARD,
        ["2. Renewal. Each further cycle is paid at the rate in force when the cycle starts."],
        widths=[170, 110, 110, 110], ruled=ruled,
    )
    doc = extract_bytes("rates.pdf", pdf)
    rows = [(doc.text[s.start:s.end], doc.locate(s.start, s).line) for s in doc.segments if s.zone == "table"]
    assert rows == [(" | ".join(row), line) for row, line in zip(_RATE_CARD, [2, 3, 5, 8])]
    renewal = seg_with(doc, "Renewal")
    assert renewal.zone == "operative" and renewal.headings == ("Renewal",)


def test_a_rate_card_written_cell_by_cell_is_checked_row_by_row():
    from termcheck.api import load_ruleset
    from termcheck.engine import check

    pdf = pdf_with_wrapped_table(["1. The Company may use the recordings only as booked below."], _RATE_CARD, [], widths=[170, 110, 110, 110])
    report = check(extract_bytes("rates.pdf", pdf), load_ruleset())
    got = {c.id: (c.status, c.value) for c in report.checks}
    assert got["payment"] == ("pass", "GBP 650") and got["license-term"] == ("pass", 3.0) and got["usage-scope"][0] == "pass"
    quote = next(c for c in report.checks if c.id == "payment").findings[0].quote
    assert quote == "Radio commercial, national broadcast and online simulcast | United Kingdom | 12 months from first broadcast | GBP 650 per 12-month cycle"


@settings(max_examples=25, deadline=None)
@given(
    table=st.integers(2, 4).flatmap(lambda columns: st.tuples(
        st.lists(st.floats(70, 460 / columns), min_size=columns, max_size=columns),
        st.lists(st.lists(st.lists(st.sampled_from(["fee", "licence", "term", "worldwide", "recordings", "twelve", "months", "GBP", "400,", "online", "the", "Company", "(a)", "\"Fee\"", "12-month", "€1,200."]), min_size=1, max_size=14).map(" ".join),
                          min_size=columns, max_size=columns), min_size=1, max_size=5),
    )),
)
def test_every_cell_of_a_wrapped_table_stays_in_its_row_and_column(table):
    """However the cells of a word processor's table wrap, each row reads back as its cells in order.
    The header's short labels show where each column starts (a cell whose text fills its width ends
    only a padding away from the next, closer than two words of justified prose can be)."""
    widths, body = table
    rows = [["Item", "Use", "Term", "Fee"][: len(widths)], *body]
    doc = extract_bytes("t.pdf", pdf_with_wrapped_table(["Usage and fees are set out below."], rows, ["All fees exclude VAT."], widths))
    got = [doc.text[s.start:s.end] for s in doc.segments if s.zone == "table"]
    assert got == [" | ".join(row) for row in rows]


def test_lines_read_cell_by_cell_join_into_one_row_and_others_do_not():
    from termcheck.extract.pdf_reader import _rows_written_cell_by_cell

    def line(*cells):
        return [(x, 0.0, x + 80.0, 10.0) for x, _span in cells], [span for _x, span in cells]

    # a row whose first cell wraps twice and third once, then a row on one line, in a word processor's order
    lines = [line((60, (0, 0)), (200, (3, 3)), (340, (4, 4))), line((60, (1, 1)), (340, (5, 5))), line((60, (2, 2))),
             line((60, (6, 6)), (200, (7, 7)), (340, (8, 8)))]
    cells, order = _rows_written_cell_by_cell([c for c, _o in lines], [o for _c, o in lines])
    assert order == [[(0, 2), (3, 3), (4, 5)], [(6, 6), (7, 7), (8, 8)]]
    assert cells[0][0] == (60, 0.0, 140.0, 10.0)
    # a table read row after row: nothing to join
    rows = [line((60, (0, 0)), (200, (1, 1))), line((60, (2, 2)), (200, (3, 3)))]
    assert _rows_written_cell_by_cell([c for c, _o in rows], [o for _c, o in rows])[1] == [o for _c, o in rows]
    # the text goes back to the line, but not as one run column after column: left as it is
    odd = [line((60, (0, 0)), (200, (2, 2))), line((60, (3, 3)), (200, (1, 1)))]
    assert _rows_written_cell_by_cell([c for c, _o in odd], [o for _c, o in odd])[1] == [o for _c, o in odd]
    # two columns of prose for a page: longer than any row
    prose = [line((60, (k, k)), (300, (50 + k, 50 + k))) for k in range(50)]
    assert len(_rows_written_cell_by_cell([c for c, _o in prose], [o for _c, o in prose])[0]) == 50


@settings(max_examples=60, deadline=None)
@given(
    widths=st.lists(st.lists(st.floats(5, 150), min_size=2, max_size=4), min_size=2, max_size=8),
    prose=st.lists(st.floats(50, 480), min_size=0, max_size=3),
)
def test_cells_in_columns_make_one_table_and_prose_none(widths, prose):
    """Rows whose cells start at the same column edges (however wide each cell) are one table, with
    each cell in its column; lines of one run each, before and after it, are no table."""
    from termcheck.extract.pdf_reader import find_tables

    columns = [60.0 + 180.0 * k for k in range(max(len(row) for row in widths))]
    rows = [[(columns[k], 0.0, columns[k] + w, 10.0) for k, w in enumerate(row)] for row in widths]
    lines = [[(60.0, 0.0, 60.0 + w, 10.0)] for w in prose]
    tables = find_tables(lines + rows + lines)
    assert tables == [[(len(prose) + i, list(range(len(row)))) for i, row in enumerate(widths)]]
    assert find_tables(lines) == []


def test_a_wrapped_cell_and_a_line_that_is_no_row():
    from termcheck.extract.pdf_reader import find_tables

    header = [(60.0, 0, 100, 10), (240.0, 0, 300, 10)]
    wrapped = [(241.0, 0, 290, 10)]  # under the second column: its cell goes on
    indented = [(120.0, 0, 400, 10)]  # under neither: the table has ended
    assert find_tables([header, header, wrapped, header]) == [[(0, [0, 1]), (1, [0, 1]), (2, [1]), (3, [0, 1])]]
    assert find_tables([header, header, indented, header]) == [[(0, [0, 1]), (1, [0, 1])]]
    assert find_tables([header, indented, header]) == []  # one row is a line with wide spaces, not a table


def test_encrypted_pdf_needs_the_password():
    data = pdf_pages([["The Performer grants a licence for two years to the Company."]], encrypt="s3cret")
    with pytest.raises(InputError) as err:
        extract_bytes("e.pdf", data)
    assert err.value.code is ErrorCode.ENCRYPTED and "--password" in err.value.hint
    with pytest.raises(InputError) as err:
        extract_bytes("e.pdf", data, password="wrong")
    assert err.value.code is ErrorCode.ENCRYPTED
    doc = extract_bytes("e.pdf", data, password="s3cret")
    assert "licence for two years" in doc.text


def test_image_only_pdf_is_no_text_not_a_pass():
    with pytest.raises(InputError) as err:
        extract_bytes("scan.pdf", image_only_pdf(2))
    assert err.value.code is ErrorCode.NO_TEXT and "ocrmypdf" in err.value.hint


def test_a_scanned_page_inside_a_text_pdf_is_noted():
    text_pdf = pdf_pages([["The Performer grants the Company a licence for two years only."], [""]])
    doc = extract_bytes("mixed.pdf", text_pdf)
    assert any("no text layer" in n for n in doc.notes)


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_truncated_pdf_is_corrupt(cut):
    data = pdf_pages([PAGE1, PAGE2])
    with pytest.raises(InputError) as err:
        extract_bytes("t.pdf", data[: int(len(data) * cut)])
    assert err.value.code in (ErrorCode.CORRUPT, ErrorCode.NO_TEXT)


def test_garbage_after_pdf_magic_is_corrupt():
    with pytest.raises(InputError) as err:
        extract_bytes("g.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40)
    assert err.value.code is ErrorCode.CORRUPT


def test_page_limit():
    data = pdf_pages([["Clause %d applies to the Performer and the Company." % i] for i in range(5)])
    with pytest.raises(InputError) as err:
        extract_bytes("p.pdf", data, Limits(max_pages=3))
    assert err.value.code is ErrorCode.TOO_LARGE


def _flate_bomb(megabytes: int) -> bytes:
    """A tiny PDF whose one content stream inflates to many megabytes."""
    stream = zlib.compress(b"0 0 m " * (megabytes * 1024 * 1024 // 6), 9)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = b"%PDF-1.7\n"
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def _address_space() -> int:
    """This process's virtual memory in bytes (a forked child starts with all of it, under its limit too)."""
    import resource

    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def test_decompression_bomb_is_contained_by_the_child_process():
    # 300 MB beyond what the test process already holds: in a full run it holds every compiled rule, and a
    # fixed limit left the forked child too little to import pdfium at all (an ImportError, not the bomb).
    limits = Limits(memory_bytes=_address_space() + 300 * 1024 * 1024, seconds=20)
    with pytest.raises(InputError) as err:
        extract_bytes("bomb.pdf", _flate_bomb(600), limits)
    # pdfium either aborts under the memory limit (too-large) or reads no text (no-text): never a crash.
    assert err.value.code in (ErrorCode.TOO_LARGE, ErrorCode.NO_TEXT)


def test_time_limit():
    data = pdf_pages([PAGE1] * 50)
    with pytest.raises(InputError) as err:
        extract_bytes("slow.pdf", data, Limits(seconds=0.001))
    assert err.value.code is ErrorCode.TIMEOUT


def test_a_number_repeated_in_digits_on_the_next_line_is_not_a_list_item():
    """'for a period of two' / '(2) years': a wrapped "two (2)" stays one sentence, and its licence term reads."""
    from termcheck.api import load_ruleset
    from termcheck.engine import check

    lines = [
        "1. Licence. The Performer grants the Company a licence to use the Recordings in the Film for a period of two",
        "(2) years from the date of first release, after which all rights revert to the Performer.",
        "2. The Company shall pay the Performer USD 500 within thirty (30) days.",
        "3. The Recordings may be used in the following media:",
        "(1) cinema;",
        "(2) television.",
    ]
    doc = extract_bytes("wrap.pdf", pdf_pages([lines]))
    assert "for a period of two (2) years from the date" in doc.text
    assert check(doc, load_ruleset()).check("license-term").value == 2.0
    assert any(doc.text[s.start:s.end].startswith("(2) television") for s in doc.segments)


def test_a_form_field_line_after_a_short_line_starts_a_new_paragraph():
    """'Exclusivity Period: 3 years' after a short bullet is a new line of the form, not the bullet's tail."""
    lines = [
        "4. Exclusivity. During the Exclusivity Period the Voice Actor shall not record voice data for any other AI company",
        "or create synthetic voice models for third parties in the same industry or in any competing field of business.",
        "- Create synthetic voice models for competitors",
        "Exclusivity Period: three (3) years from the Effective Date",
        "Exclusivity Compensation: $[Additional amount] included in Total Compensation above",
    ]
    doc = extract_bytes("form.pdf", pdf_pages([lines]))
    starts = [" ".join(doc.text[s.start:s.end].split())[:22] for s in doc.segments]
    assert "Exclusivity Period: th" in starts and "Exclusivity Compensati" in starts


def test_a_forms_options_and_a_wrapped_amount_in_a_narrow_column():
    """Each tick-box option is a line of its own, and so is the sentence after a field's short options; an
    amount wrapped after its currency ('USD' / '0.20 per ...') is not a clause numbered 0.20."""
    lines = [
        "[x] Photos on the project",
        "website",
        "[ ] Video on social media",
        "How long: we will use the material for",
        "up to three (3) years.",
        "Your name: [x] Please credit me by",
        "name [ ]",
        "Please do not name me",
        "We will not pass the material to",
        "any company.",
        "C. We pay contributors USD",
        "0.20 per validated sentence.",
    ]
    texts = paragraphs("form3.pdf", [lines], size=9)
    assert "[x] Photos on the project website" in texts
    assert "[ ] Video on social media" in texts
    assert "How long: we will use the material for up to three (3) years." in texts
    assert "We will not pass the material to any company." in texts
    assert "C. We pay contributors USD 0.20 per validated sentence." in texts


def test_a_label_in_capitals_run_in_to_its_answer_starts_a_field():
    """'FEE A total of ...' after an unfinished line is the form's next field; a defined term wrapped to the
    line start ('LINAC Purchase" means') is not."""
    lines = [
        "USAGE TERMS Organic usage for 12 months. Any additional paid usage will require an additional fee",
        "which is to be agreed upon between the Influencer and Agency",
        "FEE A total of $[INSERT FEE] to be paid, excluding GST.",
        '1.5. "System" means the accelerator system described in Exhibit A, with its software. 1.6. "Multiple',
        'LINAC Purchase" means the purchase of at least one accelerator product.',
    ]
    texts = paragraphs("fields.pdf", [lines])
    assert "FEE A total of $[INSERT FEE] to be paid, excluding GST." in texts
    assert any(t.endswith('1.6. "Multiple LINAC Purchase" means the purchase of at least one accelerator product.') for t in texts)


def test_narrow_column_fields_and_titles_found_in_the_nineteenth_round():
    """Three shapes of a 30-character column: a defined name wrapped inside its brackets ('... LLP ("the' /
    'Firm")') is no title; a field's label alone on its line owns the blank below it ('Model name:' /
    '____'); a numbered title wrapped before its last word ('Article 4 - Intelligence' / 'artificielle')
    stays a title; and a sentence wrapped before a long word ('privacy@tessellate.example.') goes on
    with the next sentence of its clause."""
    lines = [
        "Employer: Calder & Finch LLP",
        '("the',
        'Firm")',
        "Releasee: Sunpath Stock Ltd",
        "and its licensees, successors",
        'and assigns ("Releasee")',
        "Model name:",
        "______________________",
        "Fee:",
        "______________________",
        "Article 4 — Intelligence",
        "artificielle",
        "Toute utilisation de la voix",
        "est exclue.",
        "5. Withdrawal. You may",
        "withdraw your consent by",
        "emailing",
        "privacy@tessellate.example.",
        "Videos withdrawn will be",
        "excluded from new versions.",
    ]
    doc = narrow_pdf("fields3.pdf", lines)
    zones = zones_of(doc)
    texts = [t for _, t in zones]
    assert 'Employer: Calder & Finch LLP ("the Firm")' in texts
    assert "Model name: ______________________" in texts
    assert "Fee: ______________________" in texts
    assert ("heading", "Article 4 - Intelligence artificielle") in zones
    assert seg_with(doc, "Toute utilisation").headings[-1] == "Intelligence artificielle"
    assert seg_with(doc, "5. Withdrawal").end == seg_with(doc, "Videos withdrawn").end


def test_a_title_finished_after_a_dash_and_a_defined_name_alone_on_a_narrow_line():
    """'RECORDING CONSENT' / '- ONLINE' / 'MASTERCLASS' is one title, and '("Craftline")' under a field is
    the end of that field, not a title over every clause after it (a list under 'PERMITTED USES:' stays a list)."""
    lines = [
        "GUEST LECTURER", "RECORDING CONSENT", "— ONLINE", "MASTERCLASS", "Academy: Craftline Online Ltd",
        '("Craftline")', "1. Use. Craftline may sell the", "masterclass for five (5) years.", "PERMITTED USES:", "- TV",
    ]
    doc = narrow_pdf("title5.pdf", lines)
    assert seg_with(doc, "1. Use").headings == ("GUEST LECTURER RECORDING CONSENT - ONLINE MASTERCLASS", "Use")
    assert 'Academy: Craftline Online Ltd ("Craftline")' in [doc.text[s.start:s.end] for s in doc.segments]
    assert seg_with(doc, "- TV").headings == ("PERMITTED USES",)


_LINE_SHAPES = [
    "VOICE LIBRARY", "SHARING TERMS", "AGREEMENT —", "Fee:", "Model name:", "______________________",
    "Article 4 — Intelligence", "artificielle", '("the', 'Firm")', "Employer: Calder & Finch LLP",
    "1. Licence. You grant us a", "licence for two years.", "privacy@tessellate.example.", "Payment",
    "We do not pay contributors.", "[ ] I agree", "| Term | Perpetual |", "(ii) permits Vendor to",
    "WHEREAS the Company", "desire to amend the terms", "Usage. Kelpie may repost", "5 Digital replicas",
    '("Craftline")', "- ONLINE", "MASTERCLASS", "PERMITTED USES:", "",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINE_SHAPES), min_size=1, max_size=40), st.booleans())
# the merge that dropped two paragraphs: a field's blank read back as a sentence, then merged as a field
@example(["Employer: Calder & Finch LLP", '("the', 'Firm")', "Model name:", "______________________", "Fee:", "______________________"], True)
def test_grouping_lines_never_loses_or_repeats_a_word(texts, wrapped):
    """However titles, fields and wrapped lines are merged and read back, every word of every line is in
    the blocks once, in order (a merge once overwrote lines it had just read back)."""
    from termcheck.extract.lines import group_lines
    from termcheck.models import Line

    blocks = group_lines([Line(t, []) for t in texts], wrapped=wrapped)
    assert " ".join(b.text for b in blocks).split() == " ".join(texts).split()
