"""Segmentation: clause numbers, headings, zones, definitions, recitals, signatures, sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termcheck.extract import extract_bytes
from termcheck.segment import split_sentences


def segs(text: str):
    doc = extract_bytes("c.txt", text.encode())
    return doc, [(s.zone, s.section, s.headings, doc.text[s.start:s.end]) for s in doc.segments]


def find(rows, needle):
    return next(r for r in rows if needle in r[3])


CONTRACT = """VOICE RECORDING AGREEMENT

RECITALS
WHEREAS the Company develops synthetic voices in perpetuity;
WHEREAS the Performer is a voice actor.
NOW, THEREFORE, the parties agree as follows:

ARTICLE 1 - DEFINITIONS
"Recordings" means all audio recorded in any media now known or hereafter devised.
"Term" shall mean two (2) years.

ARTICLE 2 - GRANT
2.1 The Performer grants the Company a licence to use the Recordings.
2.2 The licence covers:
(a) radio;
(b) podcasts, including:
(i) audio books; and
(ii) audio guides;
(c) television.
2.3 Licence Term. The licence ends after the Term.

IN WITNESS WHEREOF the parties have signed this Agreement.
By: ____________
Name: Jane Doe
"""


def test_zones_sections_and_headings():
    _, rows = segs(CONTRACT)
    assert find(rows, "develops synthetic voices")[0] == "recital"
    assert find(rows, "NOW, THEREFORE")[0] == "recital"
    assert find(rows, '"Recordings" means')[:3] == ("definition", "Article 1", ("DEFINITIONS",))
    assert find(rows, "2.1 The Performer")[:3] == ("operative", "2.1", ("GRANT",))
    assert find(rows, "(b) podcasts")[1] == "2.2(b)"
    assert find(rows, "(ii) audio guides")[1] == "2.2(b)(ii)"
    assert find(rows, "(c) television")[1] == "2.2(c)"
    assert find(rows, "2.3 Licence Term")[2] == ("GRANT", "Licence Term")
    assert find(rows, "IN WITNESS")[0] == "signature"
    assert find(rows, "Name: Jane Doe")[0] == "signature"
    assert find(rows, "ARTICLE 2")[0] == "heading"


def test_letter_i_after_h_is_a_letter_not_a_roman_numeral():
    text = "1. Uses\n" + "".join(f"({c}) use {c};\n" for c in "abcdefghij")
    _, rows = segs(text)
    assert find(rows, "(i) use i")[1] == "1(i)"
    assert find(rows, "(j) use j")[1] == "1(j)"


def test_french_numbering_definitions_and_preamble():
    text = """CONTRAT DE CESSION DE DROITS

PRÉAMBULE
La Société produit des voix de synthèse à perpétuité.

IL A ÉTÉ CONVENU CE QUI SUIT :

Article 1er - Définitions
« Enregistrements » désigne les fixations de la voix de l'Artiste.

Article 2 - Durée
L'autorisation est consentie pour une durée de deux (2) ans.

Fait à Paris, le 3 mars 2026, en deux exemplaires.
"""
    doc, rows = segs(text)
    assert doc.language == "fr"
    assert find(rows, "voix de synthèse")[0] == "recital"
    assert find(rows, "« Enregistrements »")[:2] == ("definition", "Article 1")
    assert find(rows, "L'autorisation")[:3] == ("operative", "Article 2", ("Durée",))
    assert find(rows, "Fait à Paris")[0] == "signature"


def test_table_of_contents_and_background():
    text = """TABLE OF CONTENTS
1. Definitions ........ 2
2. Grant of Rights .... 3

BACKGROUND
(A) The Company wishes to license recordings in perpetuity.

1. Definitions
In this Agreement, "Licence Period" means three years.
"""
    _, rows = segs(text)
    assert find(rows, "Grant of Rights ....")[0] == "toc"
    assert find(rows, "(A) The Company")[0] == "recital"
    assert find(rows, "Licence Period")[0] == "definition"


def test_sentences_respect_abbreviations_and_numbers():
    text = "The fee is USD 1.5 million, i.e. the Fee. Mr. Smith signs under Art. 3. It ends on 31 Dec. 2028. Done."
    spans = split_sentences(text)
    got = [text[a:b] for a, b in spans]
    assert got == ["The fee is USD 1.5 million, i.e. the Fee.", "Mr. Smith signs under Art. 3.", "It ends on 31 Dec. 2028.", "Done."]


def test_a_run_in_list_splits_before_each_lower_case_item():
    """"... fails to cure such breach. d. Theismann shall ...": the item starts a sentence of its own."""
    text = "c. Either party may terminate on a breach the other fails to cure. d. Theismann may terminate at any time. (e) The Company may not."
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got == ["c. Either party may terminate on a breach the other fails to cure.", "d. Theismann may terminate at any time.", "(e) The Company may not."]
    # ... but not inside an abbreviation or a citation
    assert len(split_sentences("See U.S. v. Smith for the rule.")) == 1


@pytest.mark.parametrize(
    "text, sentences",
    [
        # a form's fields, each answered by its boxes, run into one paragraph: each is a statement of its own
        (
            "The Company may license the recordings: [ ] Yes [X] No The Company may use them in perpetuity: [X] Yes [ ] No Credit: [ ] Yes [ ] No",
            ["The Company may license the recordings: [ ] Yes [X] No", "The Company may use them in perpetuity: [X] Yes [ ] No", "Credit: [ ] Yes [ ] No"],
        ),
        # ... the label before the box, in French
        ("Création : Oui ☒ Non ☐ Revente : Oui ☐ Non ☒", ["Création : Oui ☒ Non ☐", "Revente : Oui ☐ Non ☒"]),
        # ... but an option's box is no answer: "[X] In perpetuity" stays with its lead-in
        ("The licence lasts: [X] In perpetuity [ ] 1 year", ["The licence lasts: [X] In perpetuity [ ] 1 year"]),
    ],
)
def test_a_field_answered_by_its_boxes_ends_its_sentence(text, sentences):
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


def test_semicolon_lists_split_into_sub_clauses():
    text = "The Company may (a) edit the Recordings; (b) sell them; and (c) never delete them."
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got == ["The Company may (a) edit the Recordings", "(b) sell them", "and (c) never delete them."]


def test_a_table_cell_that_ends_a_sentence_ends_it():
    """A bilingual table's row holds a sentence in each cell: each is a sentence, its own "2." a label;
    a row of label and value ("Term | 2 years") stays one."""
    text = "2. The licence lasts four (4) years from delivery. | 2. La licence est accordée pour quatre (4) ans."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "2. The licence lasts four (4) years from delivery.", "2. La licence est accordée pour quatre (4) ans.",
    ]
    row = "Term | 2 years"
    assert [row[a:b] for a, b in split_sentences(row)] == [row]
    assert len(split_sentences("Fee: USD 500 | paid on delivery")) == 1


@pytest.mark.parametrize(
    "text, sentences",
    [
        ("How long will you use my recordings? Five years from the session.", 1),
        ("Combien de temps garderez-vous ma voix ? Pendant deux ans.", 1),
        ("Will you sell my recordings? No. We never sell them.", 2),
        ("What happens next? The Company will review your application and decide.", 2),
        ("The fee is paid? The Company shall pay within 30 days.", 2),  # no question word: not a question asked
    ],
)
def test_a_question_answered_in_a_few_words_is_one_sentence(text, sentences):
    """The answer reads with its question's subject ("Five years" of the use of my recordings), as a
    labelled answer ("A: ...") already does; a question followed by a sentence of its own is two."""
    assert len(split_sentences(text)) == sentences


WORDS = st.sampled_from(["The", "Performer", "grants", "1.", "(a)", "Mr.", "i.e.", "licence.", "WHEREAS", "\n", "\n\n", "2.1", "Article", "3", ";", "«", "»", "désigne", '"X"', "means"])


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=80))
def test_segments_are_ordered_disjoint_and_cover_the_words(words):
    text = " ".join(words)
    if not text.strip():
        return
    doc = extract_bytes("h.txt", text.encode())
    last = -1
    covered = []
    for s in doc.segments:
        assert last <= s.start < s.end <= len(doc.text)
        last = s.end
        for a, b in s.sentences:
            assert s.start <= a < b <= s.end
        covered.append(doc.text[s.start:s.end])
    assert "".join(doc.text.split()) == "".join("".join(covered).split())


def test_a_run_in_title_names_its_own_clause_only():
    text = (
        "AGREEMENT\n\n1. Grant. The Performer grants a licence.\n\n(a) Scope of the grant is limited.\n\n"
        "1.1 The licence is personal.\n\n2. Term. The licence lasts two years.\n\n3. The Company pays a fee.\n"
    )
    doc = extract_bytes("c.txt", text.encode())
    paths = {s.section: s.headings for s in doc.segments if s.zone == "operative"}
    assert paths["1"] == ("AGREEMENT", "Grant")
    assert paths["1(a)"] == ("AGREEMENT", "Grant") and paths["1.1"] == ("AGREEMENT", "Grant")
    assert paths["2"] == ("AGREEMENT", "Term")
    assert paths["3"] == ("AGREEMENT",)  # not "Term": clause 3 has no title of its own


def test_a_run_in_title_nests_under_a_word_heading_of_any_level():
    """A DOCX "Heading 2" title above "1. Removing your voice. ..." still encloses the clause, as the
    same title in capitals does in a text file (its words are the clause's context)."""
    from builders import python_docx_bytes

    data = python_docx_bytes([
        ("VOICE LIBRARY TERMS", "Heading 2"),
        ("1. Removing your voice. You may stop sharing your PVC at any time.", None),
        ("2. Credit. Your display name is shown.", None),
        ("Payment", "Heading 2"),
        ("3. Rewards. You earn cash rewards.", None),
    ])
    doc = extract_bytes("c.docx", data)
    paths = {doc.text[s.start:s.start + 2]: s.headings for s in doc.segments if s.zone == "operative"}
    assert paths["1."] == ("VOICE LIBRARY TERMS", "Removing your voice")
    assert paths["2."] == ("VOICE LIBRARY TERMS", "Credit")
    assert paths["3."] == ("Payment", "Rewards")


def test_a_numbered_clause_has_a_sentence_case_run_in_title_but_not_a_short_sentence():
    text = "1. Machine learning. We do not train models.\n\n2. We agree. The fee is due.\n\n3. Royalties. None are paid.\n"
    doc = extract_bytes("c.txt", text.encode())
    titles = {s.section: doc.text[s.start:s.title_end] for s in doc.segments if s.title_end > 0}
    assert titles == {"1": "1. Machine learning.", "3": "3. Royalties."}  # "We agree" has a verb: a sentence
    doc = extract_bytes("c.txt", "4. Sublicensing: the Company shall not sublicense.\n\n5. Fee: $500.\n".encode())
    titles = {s.section: doc.text[s.start:s.title_end] for s in doc.segments if s.title_end > 0}
    assert titles == {"4": "4. Sublicensing:"}  # a field's value is not a clause


def test_a_dash_after_the_label_opens_a_run_in_title():
    """'Article 5 — Voix de synthèse. Le Musée ...' has a run-in title, like '5. Voix de synthèse. ...'."""
    text = "CONTRAT\n\nArticle 5 — Voix de synthèse. Le Musée s'interdit de créer une voix.\n\nArticle 6 — Le Musée paie 100 euros.\n"
    doc = extract_bytes("c.txt", text.encode())
    titles = {s.section: doc.text[s.start:s.title_end] for s in doc.segments if s.title_end > 0}
    assert titles == {"Article 5": "Article 5 - Voix de synthèse."}  # article 6 has no title: a dash, then a sentence
    paths = {s.section: s.headings for s in doc.segments if s.zone == "operative"}
    assert paths["Article 5"] == ("CONTRAT", "Voix de synthèse") and paths["Article 6"] == ("CONTRAT",)


def test_a_pronoun_before_means_is_not_a_definition():
    """'This means that ...' explains; '"Licensed Rights" means ...' and 'Licensed Rights means ...' define."""
    _, rows = segs("This means that we can grant a sub-license of your Content to someone else.\n\nLicensed Rights means the right to use the Recordings.\n")
    assert find(rows, "This means")[0] == "operative"
    assert find(rows, "Licensed Rights means")[0] == "definition"


def test_a_bare_defined_term_is_title_case():
    """Without quotes a defined term is capitalised word by word; 'if your Content includes', 'The payment
    of the Fee shall include' and 'Ensure that any post refers to' are clauses, not definitions."""
    text = ("Content includes all recordings made at the Session.\n\nIf your Content includes music, you have cleared it.\n\n"
            "The payment of the Fee shall include the right to one re-shoot.\n\nEnsure that any post refers to the Product.\n")
    _, rows = segs(text)
    assert find(rows, "Content includes all")[0] == "definition"
    for needle in ("If your Content", "The payment of the Fee", "Ensure that any post"):
        assert find(rows, needle)[0] == "operative", needle


def test_a_party_that_shall_include_something_has_a_duty():
    """'The Company shall include the Credit in the end credits' is the Company's duty; 'The Company shall
    include its Affiliates' and 'The Producer shall include the Producer's successors' define the party."""
    text = ("The Company shall include the Credit in the end credits.\n\nThe Company shall include its Affiliates.\n\n"
            "The Producer shall include the Producer's successors and assigns.\n\nThe Performer will include a credit line.\n")
    _, rows = segs(text)
    assert find(rows, "The Company shall include the Credit")[0] == "operative"
    assert find(rows, "The Performer will include")[0] == "operative"
    assert find(rows, "The Company shall include its")[0] == "definition"
    assert find(rows, "The Producer shall include")[0] == "definition"


def test_recitals_that_end_in_their_own_clause_do_not_swallow_the_contract():
    """'WHEREAS ...; NOW, THEREFORE, the parties agree as follows:' in one clause ends the recitals."""
    text = ("WHEREAS, the Company records voices; NOW, THEREFORE, the parties agree as follows:\n\n"
            "(a) The Company may sublicense the Recordings to any third party.\n")
    _, rows = segs(text)
    assert find(rows, "WHEREAS")[0] == "recital"
    assert find(rows, "may sublicense")[0] == "operative"


def test_a_sentence_case_title_followed_by_its_subsections_is_a_heading():
    """'5. Withdrawal and deletion' above '5.1 ...' titles section 5; the same line without sub-clauses,
    or one with a verb, stays a clause."""
    text = (
        "4. Credit\n4.1 The Performer will be credited.\n\n5. Withdrawal and deletion\n5.1 The Performer may withdraw.\n\n"
        "6. Governing law\n6.1 English law applies.\n\n7. The Company may assign\n7.1 to its affiliates only.\n\n"
        "8. Audio recordings\n9. Video footage\n"
    )
    _, rows = segs(text)
    assert find(rows, "5. Withdrawal")[0] == "heading"
    assert find(rows, "5.1 The Performer")[2] == ("Withdrawal and deletion",)
    assert find(rows, "6.1 English law")[2] == ("Governing law",)
    assert find(rows, "7. The Company may")[0] == "operative"
    assert find(rows, "8. Audio recordings")[0] == "operative"


@pytest.mark.parametrize(
    "text, title, titled, clauses",
    [
        # '5. Your personal data' above an unnumbered sentence titles it, as the DOCX and PDF of the same text
        # show it; a title with a verb, one that ends in a full stop, or one above a list item stays a clause
        (
            "5. Your personal data\nYou may ask us to delete your contact details at any time, by email or by post.\n\n"
            "6. The Company may assign\nIt must tell you first, in writing, at least thirty days before it does so.\n\n"
            "7. Payment of the fee.\nThe fee is USD 100, paid by bank transfer within thirty days of the session.\n\n"
            "8. Audio recordings\n9. Video footage\n",
            "5. Your personal data", ("You may ask us", "Your personal data"),
            ["6. The Company may", "7. Payment of the fee.", "8. Audio recordings"],
        ),
        # 'Moral rights' unnumbered, on a line of its own, titles the sentence below it (so 'the Performer
        # waives them' has a heading that names what it waives); a line with a verb or a number, or one
        # above a numbered clause, stays what it was
        (
            "Moral rights\nTo the fullest extent permitted by law, the Performer waives them.\n\n"
            "The Company will pay\nThe fee is USD 100, paid by bank transfer within thirty days.\n\n"
            "Session 2 recordings\nThey are delivered on the day of the session.\n\n"
            "Voice recordings\n1. The Company may keep them for two years.\n",
            "Moral rights", ("To the fullest extent", "Moral rights"),
            ["The Company will pay", "Session 2 recordings", "Voice recordings"],
        ),
    ],
)
def test_a_sentence_case_title_above_its_paragraph_is_a_heading(text, title, titled, clauses):
    _, rows = segs(text)
    assert find(rows, title)[0] == "heading"
    assert find(rows, titled[0])[2] == (titled[1],)
    for clause in clauses:
        assert find(rows, clause)[0] == "operative"


def test_a_title_numbered_without_a_dot_above_its_paragraph_is_a_heading():
    """'4 Moral rights' on a paragraph of its own titles the sentence below it, as '4. Moral rights' does; a
    paragraph that opens on a number and a lower-case word ('3 days after ...') stays a clause."""
    text = (
        "4 Moral rights\n\nThe Artist consents to the Producer not attributing the Artist in trailers.\n\n"
        "3 days after signing\n\nThe Company pays the fee.\n"
    )
    _, rows = segs(text)
    assert find(rows, "4 Moral rights")[0] == "heading"
    assert find(rows, "The Artist consents")[2][-1] == "4 Moral rights"
    assert find(rows, "3 days after")[0] != "heading"


def test_a_definition_after_a_run_in_title_is_a_definition():
    """'1. Definitions. "Work Product" means ...' defines Work Product, as a clause of its own would."""
    text = '1. Definitions. "Work Product" means all recordings you submit.\n\n2. You assign the Work Product to us.\n'
    doc, _ = segs(text)
    defining = next(s for s in doc.segments if "Work Product\" means" in doc.text[s.start:s.end])
    assert (defining.zone, defining.defines) == ("definition", "Work Product")


def test_an_information_sheets_short_question_is_a_heading():
    """'Can I withdraw?' titles the answer below it, so the answer is not read under the form's title
    ("... CONSENT FORM", whose "consent" made a two-week withdrawal window look like a licence term)."""
    text = (
        "PARTICIPANT INFORMATION SHEET AND CONSENT FORM\n\nCan I withdraw?\nYou can withdraw from the study at any time "
        "up to two weeks after your session.\n\nDo you agree that the Company may use the Recordings in perpetuity for any purpose "
        "and sell them to anyone it chooses?\n"
    )
    _, rows = segs(text)
    assert find(rows, "Can I withdraw?")[0] == "heading"
    assert find(rows, "You can withdraw")[2][-1] == "Can I withdraw?"
    assert find(rows, "Do you agree")[0] == "operative"  # a long question says something


def test_the_item_before_a_list_label():
    """What '(ii)' continues: '(i)'; a first item, or 'i' that may be a letter, continues nothing."""
    from termcheck.numbering import item_before

    assert [item_before(x) for x in ("ii", "iv", "x", "b", "2", "10")] == ["i", "iii", "ix", "a", "1", "9"]
    assert [item_before(x) for x in ("a", "i", "xiii")] == [None, None, None]


def test_a_section_sign_is_a_clause_number():
    """German-style '§1 Subject.' and '§ 14 Law.' are clauses § 1 and § 14, cited that way; 'Sections 3
    and 4 apply' is no label."""
    doc, rows = segs("§1 Subject. You record the script.\n\n§ 14 Law. German law applies.\n\nSections 3 and 4 apply to you.\n")
    assert find(rows, "You record")[1] == "§ 1"
    assert find(rows, "German law")[1] == "§ 14"
    from termcheck.numbering import match_label

    assert match_label("Sections 3 and 4 apply to you.") is None and match_label("Section 3. Term") is not None


def test_a_sentence_that_cites_a_clause_is_not_labelled_by_it():
    """'Clause 1 survives any termination' under '2. SURVIVAL' is in clause 2, citing clause 1; 'Clause 1 –
    Grant' and 'ARTICLE 3 DEFINITIONS' are labels."""
    from termcheck.numbering import label_text, match_label

    _, rows = segs("2. SURVIVAL\n\nClause 1 survives any termination or expiry of this Agreement.\n")
    assert find(rows, "Clause 1 survives")[1] == "2"
    for cite in ("Clause 1 survives any termination.", "Section 5 and 6 shall survive.", "Article 3 of the Convention applies."):
        assert match_label(cite) is None, cite
    for label, shown in (("Clause 1 – Grant", "Clause 1"), ("ARTICLE 3 DEFINITIONS", "Article 3"), ("Section 2. Grant", "Section 2")):
        m = match_label(label)
        assert m is not None and label_text(m) == shown, label


def test_numbered_clauses_after_a_definitions_heading_end_the_glossary():
    """'DEFINITIONS', three definitions, then '1. The Performer grants ...': the clauses have begun, and
    '4. Fee: USD 750.' is a clause, not the definition of 'Fee'; a glossary numbered from the start stays one."""
    text = (
        "DEFINITIONS\n\n\"Captures\" means the recordings.\n\n\"Term\" means two years.\n\n"
        "1. The Performer grants the Company a licence to use the Captures during the Term.\n\n"
        "2. Fee: USD 750.\n\n3. Governing law: the State of Massachusetts.\n"
    )
    doc, rows = segs(text)
    assert find(rows, "Fee: USD 750")[0] == "operative"
    assert find(rows, "Massachusetts")[0] == "operative"
    doc, rows = segs("DEFINITIONS\n\n1. Fee: the amount in the Schedule.\n\n2. Term: two years from delivery.\n")
    assert find(rows, "Term: two years")[0] == "definition"


def test_a_question_and_its_labelled_answer_are_one_sentence():
    """'Q: Can I ask for my voice to be removed?' / 'A: Not while the licence lasts.' is read as one
    sentence, so the answer's "Not" negates the question and the question's "paid" is the answer's pay."""
    doc, rows = segs("VOICE AGREEMENT\n\nQ: Can I ask for my voice to be removed?\nA: Not while the licence lasts.\n\nQ: Who pays me?\nThe Studio.\n")
    qa = find(rows, "removed?")
    assert "A: Not while" in qa[3]
    seg = next(s for s in doc.segments if "removed?" in doc.text[s.start:s.end])
    assert len(seg.sentences) == 1
    # an unlabelled line after a question is not read as its answer
    assert "The Studio." not in find(rows, "Who pays me?")[3]


def test_a_question_answered_in_the_next_paragraph_is_read_with_its_answer():
    """'Where will the Lessons be used?' over 'Only inside the Falabem app.' is one sentence under the
    question (its answer's subject is the question's); a question over a full paragraph still heads it,
    and a yes or a no answers only a question that asks for one."""
    text = (
        "TERMS FOR TUTORS\n\nWhere will the Lessons be used?\n\nOnly inside the Falabem app.\n\n"
        "Can I withdraw?\n\nYes, up to 14 days after taking part, by messaging the researcher through the platform.\n\n"
        "What happens to my recordings?\n\nWe keep them on our servers for research.\n\n"
        "What happens if I withdraw?\n\nNo further recordings are made, and the ones already made are deleted within a month.\n"
    )
    doc, rows = segs(text)
    used = find(rows, "Where will the Lessons be used?")
    assert used[0] == "operative" and "Only inside" in used[3] and used[2][-1] == "Where will the Lessons be used?"
    withdraw = next(s for s in doc.segments if "Can I withdraw?" in doc.text[s.start:s.end])
    assert "Yes, up to 14 days" in doc.text[withdraw.start:withdraw.end] and len(withdraw.sentences) == 1
    assert find(rows, "What happens to my recordings?")[0] == "heading"
    assert find(rows, "We keep them")[2][-1] == "What happens to my recordings?"
    assert find(rows, "What happens if I withdraw?")[0] == "heading"  # "No further ..." is no answer to "what"


def test_a_question_mark_before_an_answer_label_does_not_end_the_sentence():
    assert split_sentences("Can I withdraw? A: No. Ask us.") == [(0, 22), (23, 30)]
    assert split_sentences("Can I withdraw? Ask us.") == [(0, 15), (16, 23)]


def test_no_abbreviates_number_only_before_a_digit():
    assert len(split_sentences("See clause No. 5 of the Schedule.")) == 1
    assert len(split_sentences("A: No. The voice is not credited.")) == 2
