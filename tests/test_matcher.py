"""Negation, polarity, who holds the right, zones and definitions, checked end to end on short texts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from termcheck.api import check_text
from termcheck.engine import _numbers_above, section_references
from termcheck.rules.loader import load_rules

RULES = load_rules()


def status(text: str, check_id: str) -> str:
    report = check_text(text, rules=RULES)
    result = report.check(check_id)
    assert result is not None
    return result.status


CASES = [
    # (text, check, expected status)
    ("This licence is not perpetual.", "perpetual-license", "pass"),
    ("No licence granted under this Agreement is perpetual or irrevocable.", "perpetual-license", "pass"),
    ("The Performer irrevocably grants the Company a licence to the Recordings throughout the universe.", "perpetual-license", "fail"),
    ("The Company may use the Recordings, including but not limited to in perpetuity, on any platform.", "perpetual-license", "fail"),
    ("The Company shall not sublicense the Recordings.", "sublicensing", "pass"),
    ("The Company may not, without the Performer's prior written consent, sublicense the Recordings.", "sublicensing", "pass"),
    ("The Company may, without notice to the Performer, sublicense the Recordings.", "sublicensing", "fail"),
    ("The Performer may sublicense the Recordings to a loan-out company.", "sublicensing", "pass"),
    ("The Company has no obligation to delete the Recordings.", "deletion", "fail"),
    ("The Performer may not withdraw this consent.", "consent-withdrawal", "fail"),
    ("The Company shall delete the Recordings no later than 30 days after the Performer's request.", "deletion", "pass"),
    ("The Company shall delete the Recordings no later than 30 days after the Performer's request.", "takedown-window", "pass"),
    ("No credit will be given to the Performer.", "attribution", "fail"),
    ("The Performer will be credited in the end titles.", "attribution", "pass"),
    # Credit on the performer's request is "credit (or anonymity) if you choose it"; a bare refusal is not.
    ("The Performer shall not be credited, unless the Performer asks.", "attribution", "pass"),
    ("The Performer shall not be credited, unless the Company agrees.", "attribution", "fail"),
    ("La Société ne pourra en aucun cas concéder de sous-licence sur les enregistrements.", "sublicensing", "pass"),
    ("L'Artiste autorise la Société à exploiter sa voix à perpétuité.", "perpetual-license", "fail"),
    ("Le présent contrat n'est pas perpétuel.", "perpetual-license", "pass"),
    ("The Company will pay the Performer a royalty of 5% of net receipts.", "revenue-share", "pass"),
    ("The Performer shall receive no royalties.", "revenue-share", "fail"),
    ("The Company may not use the Recordings to train machine learning models.", "ai-use", "warn"),
    # A prohibition reaches every purpose it lists, so a resale elsewhere does not make it an AI use ...
    ("The Company may sell the Recordings to third parties. The Company will not use the Recordings to create, train or "
     "improve any synthetic voice, text-to-speech system or digital replica.", "ai-use", "warn"),
    # ... but not a new clause that permits one.
    ("The Company may sell the Recordings to third parties. The Company will not use the Recordings in advertising, "
     "but may use them to create a synthetic voice.", "ai-use", "fail"),
]


@pytest.mark.parametrize("text, check_id, expected", CASES, ids=[f"{c}-{i}" for i, (_, c, _) in enumerate(CASES)])
def test_polarity_and_negation(text, check_id, expected):
    assert status(text, check_id) == expected


def test_headings_recitals_and_signatures_do_not_fire():
    text = """12. IRREVOCABILITY AND PERPETUITY

RECITALS
WHEREAS the Company licenses voices in perpetuity and may sublicense them to its customers.
NOW, THEREFORE, the parties agree as follows:

1. The Performer grants the Company a licence to use the Recordings in the Podcast for two (2) years.

IN WITNESS WHEREOF the parties sign; the Company may sublicense nothing.
"""
    report = check_text(text, rules=RULES)
    assert report.check("perpetual-license").status == "pass"
    assert report.check("sublicensing").status == "pass"
    assert report.check("license-term").value == 2


def test_a_definition_carries_scope_where_the_term_is_used():
    text = '1. "Media" means all media now known or hereafter devised.\n2. The Company may use the Recordings in the Media.\n'
    report = check_text(text, rules=RULES)
    scope = report.check("usage-scope")
    assert scope.status == "fail"
    assert any('definition of "Media"' in f.message for f in scope.findings)  # as the contract writes it
    assert check_text('"Media" means all media now known or hereafter devised.', rules=RULES).check("usage-scope").findings == []


@pytest.mark.parametrize("glossary", [
    '1. Definitions. "Special" means the one-hour filmed show. "Licence Period" means seven (7) years from first release.',
    '1. Definitions. "Licence Period" means seven (7) years from first release. "Special" means the one-hour filmed show.',
])
def test_each_definition_of_a_glossary_paragraph_carries_only_its_own_words(glossary):
    """One paragraph that defines two terms: each term's definition is its own sentence, so "Licence Period" reads
    seven years, and "the Special" does not read the show's one hour (or the seven years) where it is used."""
    result = check_text(glossary + "\n2. The Producer may license the Special to one streaming service for the Licence Period.", rules=RULES)
    assert (result.check("license-term").status, result.check("license-term").value) == ("warn", 7)


def test_a_sentence_that_defines_two_terms_gives_each_its_own_words():
    """'In this Agreement, "Term" means ..., and "Prompts" means ...': the second term is defined too, and the first
    term's definition ends where the second's begins."""
    from termcheck.engine import definitions
    from termcheck.extract import extract_bytes

    text = ('1. In this Agreement, "Term" means the period of two (2) years from the Effective Date, and "Prompts" means '
            'the voice prompts the Artist records for the Company.\n2. The Company may use the Prompts in its app during the Term.')
    doc = extract_bytes("c.txt", text.encode())
    found = definitions(doc)
    assert set(found) == {"term", "prompts"}
    term, prompts = (doc.text[a:b] for a, b in (found["term"], found["prompts"]))
    assert "two (2) years" in term and "voice prompts" not in term and prompts.startswith('"Prompts" means')
    result = check_text(text, rules=RULES)
    assert (result.check("license-term").status, result.check("license-term").value) == ("pass", 2)
    assert result.check("usage-scope").status == "pass"


def test_findings_quote_the_clause_and_say_where_it_is():
    text = "1. Term\n1.1 The Company may exploit the Recordings\nin perpetuity.\n"
    finding = check_text(text, name="c.txt", rules=RULES).check("perpetual-license").findings[0]
    assert finding.quote == "1.1 The Company may exploit the Recordings in perpetuity."
    assert (finding.line, finding.section, finding.headings) == (3, "1.1", ("Term",))  # the line of the matched words
    # Offsets point into the normalised text that `termcheck extract` prints.
    from termcheck.extract import extract_bytes

    assert extract_bytes("c.txt", text.encode()).text[finding.match_start:finding.match_end] == "in perpetuity"


def test_a_lead_in_completes_its_items_and_the_items_complete_the_lead_in():
    limited = (
        "4.2 The Influencer grants the Agency a perpetual licence to use:\n(a) the Work; and\n"
        "(b) the name of the Influencer;\nin connection with the Campaign for the Usage Term.\n"
    )
    assert status(limited, "perpetual-license") == "pass"
    waiver = "The Performer hereby irrevocably waives and assigns:\n- all moral rights in the Recordings\n- all claims\n"
    assert status(waiver, "moral-rights-waiver") == "fail"


@pytest.mark.parametrize(
    "lead_in, item, check_id, expected",
    [
        ("1.2 The Company shall not:", "(a) sublicense the Recordings to any third party;", "sublicensing", "pass"),
        ("The Company agrees not to, without the Performer's written consent:", "- sell or license the Recordings to others", "sublicensing", "pass"),
        ("Under no circumstances may the Studio:", "(a) sublicense the Performance;", "sublicensing", "pass"),
        ("La Société s'interdit de :", "a) concéder des sous-licences sur les enregistrements à des tiers ;", "sublicensing", "pass"),
        ("The Company shall not be required to:", "(a) delete the Recordings at the Performer's request;", "deletion", "fail"),
        # A lead-in that permits, or says 'not' somewhere else, leaves its items as they are.
        ("1.1 The Company may:", "(a) sublicense the Recordings to any third party;", "sublicensing", "fail"),
        ("The Company, which is not an agent of the Performer, may:", "(a) sublicense the Recordings to its customers;", "sublicensing", "fail"),
        ("The Company may, but is not obliged to:", "(a) delete the Recordings at the Performer's request;", "deletion", "fail"),
        # What a permission leaves out is forbidden; what a prohibition leaves out is allowed.
        ("The Company may use the Recordings for any purpose except:", "(a) sublicensing them to any third party;", "sublicensing", "pass"),
        ("La Société peut exploiter les Enregistrements à toutes fins, à l'exclusion de :", "a) concéder des sous-licences sur les enregistrements à des tiers ;", "sublicensing", "pass"),
        ("The Company shall not use the Recordings for any purpose except:", "(a) sublicensing them to its distributors;", "sublicensing", "fail"),
    ],
)
def test_a_prohibiting_lead_in_negates_its_items(lead_in, item, check_id, expected):
    assert status(f"{lead_in}\n{item}\n", check_id) == expected


def test_an_faq_printed_with_the_contract_grants_nothing():
    text = (
        "1. The Company may use the Recordings in the audiobook \"The Long Field\" for two (2) years.\n\n"
        "Frequently asked questions (not part of the Agreement)\n"
        "Q: Can the company use my voice forever? A: No. Many contracts grant rights in perpetuity, but this one does not.\n"
        "Q: Can it be resold? A: Some vendors may sublicense recordings to any third party.\n"
    )
    report = check_text(text, rules=RULES)
    assert report.check("perpetual-license").status == "pass"
    assert report.check("sublicensing").status == "pass"
    from termcheck.extract import extract_bytes

    doc = extract_bytes("c.txt", text.encode())
    assert [s.zone for s in doc.segments][1:] == ["explanatory", "explanatory", "explanatory"]


@pytest.mark.parametrize("gap", ["\n\n", " "])  # " ": a PDF that runs the FAQ's title into its first question
def test_terms_and_an_faq_under_one_title_are_told_apart(gap):
    text = (
        "FREQUENTLY ASKED QUESTIONS AND TERMS\n\nPart A: Terms (binding)\n\n"
        "1. The Producer may use the footage in all media for the duration of copyright.\n\n"
        f"Part B: Frequently asked questions (not part of the terms){gap}"
        "Can it be resold? Some vendors may sublicense recordings to any third party.\n"
    )
    report = check_text(text, rules=RULES)
    assert report.check("perpetual-license").status == "fail"  # Part A binds, whatever the title says
    assert report.check("sublicensing").status == "pass"  # Part B explains
    from termcheck.extract import extract_bytes

    zones = [s.zone for s in extract_bytes("c.txt", text.encode()).segments]
    assert zones[-1] == "explanatory" and zones.count("explanatory") == (2 if gap != " " else 1)
    assert "operative" in zones


@pytest.mark.parametrize(
    "text, check_id, expected",
    [
        ("Nothing in this Agreement shall be construed as a waiver of the Performer's moral rights.", "moral-rights-waiver", "pass"),
        ("The Performer will receive EUR 250 per recording session.", "payment", "pass"),
        ("In consideration of the exposure, the Creator grants the Brand the right to repost the video.", "payment", "fail"),
        ("The Talent shall not be entitled to any royalties.", "revenue-share", "fail"),
        ("L'Artiste renonce à se prévaloir de son droit moral.", "moral-rights-waiver", "fail"),
    ],
)
def test_other_checks_polarity(text, check_id, expected):
    assert status(text, check_id) == expected


def test_a_long_contract_gets_the_same_hits_with_a_second_core(monkeypatch):
    import termcheck.engine as engine
    from termcheck.engine import _PARALLEL_CHARS, collect_hits
    from termcheck.extract import extract_bytes

    forks = []
    real_fork = engine._fork_work
    monkeypatch.setattr(engine, "_fork_work", lambda work: forks.append(1) or real_fork(work))

    from conftest import EXAMPLES

    text = "\n\n".join((EXAMPLES / name).read_text(encoding="utf-8") for name in ("voice-buyout-release.txt", "fair-ai-voice-licence.txt"))
    text = "\n\n".join([text] * (_PARALLEL_CHARS // len(text) + 2))
    doc = extract_bytes("long.txt", text.encode())
    assert len(doc.text) > _PARALLEL_CHARS
    parallel, sequential = collect_hits(doc, RULES, parallel=True), collect_hits(doc, RULES, parallel=False)
    assert parallel == sequential and sum(len(h) for h in parallel.values()) > 100
    assert forks == [1]  # the parallel run did use the second core


def test_a_statutory_notice_quotes_the_law_and_grants_nothing():
    text = (
        "1. Grant. The Performer grants the Company a licence to use the Recordings in the Campaign for two (2) years.\n\n"
        "2. Statutory notice. Under California Labor Code section 927, a provision that allows the creation of a digital "
        "replica of a performer's voice is unenforceable unless it describes the intended uses.\n"
    )
    assert status(text, "ai-use") == "pass"
    from termcheck.extract import extract_bytes

    assert [s.zone for s in extract_bytes("c.txt", text.encode()).segments] == ["operative", "explanatory"]
    # The same words under an ordinary heading are contract text.
    assert status(text.replace("Statutory notice", "Replicas"), "ai-use") == "warn"


def test_a_table_row_is_read_with_its_header_row_and_the_paragraph_before_the_table():
    table = "Media | Territory | Term\nPaid social | Worldwide | In perpetuity\n"
    assert status("4. Usage schedule.\n\n" + table, "perpetual-license") == "fail"
    assert status("4. Usage schedule.\n\n" + table.replace("In perpetuity", "Two (2) years"), "perpetual-license") == "pass"
    # Without a word of use or licence anywhere near, "in perpetuity" in a table is not a grant.
    assert status("Equipment | Owner | Kept\nCamera | Studio | In perpetuity\n", "perpetual-license") == "pass"


def test_a_requirement_met_through_a_defined_term():
    """'All Deliverables are works made for hire' is about recordings only when "Deliverables" means recordings."""
    text = '1. DEFINITIONS\n"Deliverables" means all {} created by the Contributor.\n\n2. OWNERSHIP\n2.1 All Deliverables are works made for hire for the Company.\n'
    assert status(text.format("audio recordings"), "perpetual-license") == "fail"
    assert status(text.format("reports and software code"), "perpetual-license") == "pass"


@pytest.mark.parametrize(
    "users, expected",
    [
        ("the Company's employees", "pass"),
        ("the Company, its Affiliates and any third party authorised by the Company", "fail"),
        ("any person who buys a subscription", "fail"),
    ],
)
def test_a_defined_group_counts_as_others_only_when_its_definition_says_so(users, expected):
    """'Permitted Users may use the Recordings' is a use by others only if "Permitted Users" means others
    (the term's own word "users" does not count; an inline definition's words do)."""
    text = f'"Permitted Users" means {users}.\nPermitted Users may use the Recordings for any purpose.'
    assert status(text, "sublicensing") == expected
    inline = "The Company licenses its customers (\"Customers\") to use its platform. Customers may use the Recordings."
    assert status(inline, "sublicensing") == "fail"


@pytest.mark.parametrize(
    "text, share",
    [
        # the agency's cut taken off the pay is no share of the revenue
        ("The Model is paid her usual day rate for each booking of the Twin, less the Agency's commission of twenty percent (20%).", None),
        ("For each Twin booking the Model will be paid the same fee as for an in-person shoot day, less the Agency's commission of 20%.", None),
        # ... while the share stated beside it is still read
        ("The Performer receives 50% of net receipts, less the Agency's commission of 20%.", 50.0),
        ("The Performer receives fifty percent (50%) of the licence fees, less a platform fee of fifteen percent (15%).", 50.0),
        ("The Performer receives 50% of net receipts after deducting a fee of 10%.", 50.0),
    ],
)
def test_a_cut_taken_off_the_pay_is_not_the_share(text, share):
    result = check_text(text, rules=RULES).check("revenue-share")
    assert (result.status, result.value) == ("pass", share)


def test_an_amount_named_in_a_definition_is_the_pay_where_the_term_is_used():
    report = check_text('"Fee" means USD 1,200.\nThe Company shall pay the Fee on signature.', rules=RULES)
    pay = report.check("payment")
    assert (pay.status, pay.value) == ("pass", "USD 1,200")
    assert pay.findings[0].quote == "The Company shall pay the Fee on signature."
    assert status('"Fee" means nil.\nThe Company shall pay the Fee on signature.', "payment") == "fail"


def test_a_settling_trigger_reads_a_definition_past_the_rule_s_unless():
    """The amendment rule passes over "as amended" (a statute's), but not "as amended ... by the Company"."""
    text = '"Policies" means the usage policies as amended from time to time by the {}.\nThe Performer agrees to the Policies.'
    assert status(text.format("Company"), "unilateral-amendment") == "warn"
    assert status(text.format("parties in writing"), "unilateral-amendment") == "pass"


@pytest.mark.parametrize(
    "text, perpetual",
    [
        ("The licence lasts: [X] In perpetuity  [ ] 1 year  [ ] 2 years", "fail"),
        ("The licence lasts: [ ] In perpetuity  [X] 1 year  [ ] 2 years", "pass"),
        ("The licence lasts: ☐ In perpetuity ☒ 1 year ☐ 2 years", "pass"),
        ("The licence lasts: ☒ In perpetuity ☐ 1 year ☐ 2 years", "fail"),
        # one option a line, ticked below the match
        ("USAGE\nThe licence lasts for:\n[ ] In perpetuity\n[X] Two (2) years\n[ ] Five (5) years\n", "pass"),
        # nothing ticked decides nothing: the worst option the form allows counts
        ("USAGE\nThe licence lasts for:\n[ ] In perpetuity\n[ ] Two (2) years\n", "fail"),
        # a table's rows and a DOCX form's options are paragraphs of their own; the box may follow the option
        ("The licence lasts for the period ticked below.\n\n[X] | One (1) year\n\n[ ] | In perpetuity\n", "pass"),
        ("The licence lasts for the period ticked below.\n\n[ ] | One (1) year\n\n[X] | In perpetuity\n", "fail"),
        ("The licence lasts for the period ticked below.\n\nOne (1) year | [X]\n\nIn perpetuity | [ ]\n", "pass"),
        ("The licence lasts for:\n\n☐ In perpetuity\n\n☒ Two (2) years\n", "pass"),
        # ... but a box in another part of the form, after a line without one, is another question
        ("[X] I have read the terms\n\nThe licence lasts for:\n\n[ ] In perpetuity\n", "fail"),
    ],
)
def test_a_form_option_whose_box_is_empty_was_not_chosen(text, perpetual):
    assert status(text, "perpetual-license") == perpetual


@pytest.mark.parametrize(
    "text, perpetual",
    [
        # options on one line with a choice asked for, and the answer below (sixty-second session)
        ("Licence period (choose one): 1 year / 2 years / buyout in perpetuity\nChosen: 1 year", "pass"),
        ("Licence period (Choose one): 1 year / 2 years / buyout in perpetuity\nChosen: buyout in perpetuity", "fail"),
        ("Licence period (select one): in perpetuity | 3 years\nSelected: 3 years.", "pass"),
        # no answer: the worst option the memo allows counts
        ("Licence period (choose one): 1 year / 2 years / buyout in perpetuity\n\nUse: in the game only.", "fail"),
        # an answer that is none of the options decides nothing either
        ("Licence period (choose one): 1 year / in perpetuity\nChosen: see schedule", "fail"),
    ],
)
def test_a_listed_option_the_answer_below_does_not_name_was_not_chosen(text, perpetual):
    assert status(text, "perpetual-license") == perpetual


@pytest.mark.parametrize(
    "text, check, expected",
    [
        # a statement answered by yes/no boxes after it: the no box ticked negates it, the yes box affirms it
        ("The Company may use the recordings in perpetuity: [ ] Yes [X] No", "perpetual-license", "pass"),
        ("The Company may use the recordings in perpetuity: [X] Yes [ ] No", "perpetual-license", "fail"),
        ("The Company may use the recordings in perpetuity: [X] No [ ] Yes", "perpetual-license", "pass"),
        ("The Company may use the recordings in perpetuity?\n☐ Yes\n☒ No", "perpetual-license", "pass"),
        ("La Société peut utiliser les enregistrements à titre perpétuel : Oui ☐ Non ☒", "perpetual-license", "pass"),
        # left blank: the worst the form allows
        ("The Company may use the recordings in perpetuity: [ ] Yes [ ] No", "perpetual-license", "fail"),
        # a refusal that inverts: the other projects answered no limit the uses; answered yes, they open them
        ("The Producer may use the replica in the picture \"Low Tide\".\nUse of the replica in other projects: [ ] Yes [X] No", "usage-scope", "pass"),
        ("The Producer may use the replica in the picture \"Low Tide\".\nUse of the replica in other projects: [X] Yes [ ] No", "usage-scope", "warn"),
        # a match that holds the yes itself is the option: blank, it promises nothing
        ("Credit: [X] Yes [ ] No", "attribution", "pass"),
        ("Credit: [ ] Yes [X] No", "attribution", "fail"),
        ("Credit: [ ] Yes [ ] No", "attribution", "fail"),
        # the next field's boxes are not the sentence before's
        ("The Network may publish the episode in perpetuity. Use of clips in its ads: [ ] Yes [X] No", "perpetual-license", "fail"),
    ],
)
def test_a_statement_answered_by_yes_no_boxes(text, check, expected):
    assert status(text, check) == expected


def test_a_markdown_table_of_options_reads_the_ticked_row(tmp_path):
    """A Markdown table becomes one paragraph a row: the ticked row decides, the others were not chosen."""
    from termcheck.api import check_path

    rows = [("[ ]", "One (1) year"), ("[X]", "Three (3) years"), ("[ ]", "In perpetuity")]
    table = "| Choice | Licence period |\n|---|---|\n" + "".join(f"| {b} | {p} |\n" for b, p in rows)
    path = tmp_path / "form.md"
    path.write_text("# Usage\n\nThe Model grants a licence to use the Images for the period ticked below.\n\n" + table)
    report = check_path(str(path))
    assert report.check("perpetual-license").status == "pass"
    assert report.check("license-term").value == 3


def test_a_form_field_answered_no_refuses_it():
    assert status("Right to request deletion: Yes", "deletion") == "pass"
    assert status("Right to request deletion: No", "deletion") == "fail"
    assert status("Third-party use: permitted", "sublicensing") == "fail"
    assert status("Third-party use: not permitted", "sublicensing") == "pass"
    # ... or a table row's next cell
    assert status("Third-party licensing | Not permitted", "sublicensing") == "pass"
    assert status("Third-party licensing | Permitted", "sublicensing") == "fail"
    # ... but a dash in a sentence is not a form's answer
    assert status("The licence is perpetual – no termination is possible.", "perpetual-license") == "fail"


def test_a_negation_inside_a_phrase_gap_negates_it_unless_it_belongs_to_a_subordinate_clause():
    """'licence ... to others' spans 'does not include the right to authorise'; 'in which Performer did not
    appear' negates the scene, not the pay."""
    assert status("The licence does not include the right to authorise others to exercise the rights granted.", "sublicensing") == "pass"
    assert status("The licence includes the right to authorise others to exercise the rights granted.", "sublicensing") == "fail"
    text = "If the Digital Replica is used in a scene in which Performer did not appear, Performer shall be paid the day rate for each day."
    assert status(text, "revenue-share") == "pass"


def test_an_exception_to_a_prohibition_is_a_transfer_not_a_prohibition():
    """'shall not sell ... except to its distributors' flags resale, and that raises AI use like any resale;
    only a trigger with `negation: mention` reports a negated match as a prohibition."""
    report = check_text(
        "The Company shall not sell the Recordings except to its distributors. "
        "The Company may create a digital replica of the Performer's voice.",
        rules=RULES,
    )
    resale = report.check("sublicensing")
    assert resale.status == "fail"
    assert all("prohibition" not in f.message for f in resale.findings)
    assert report.check("ai-use").status == "fail"


def test_the_party_words_know_every_performer_word_of_the_lexicon():
    """Who holds a right is read with the matcher's own list of performer words; it must not lag the
    lexicon's `performer` entry (« l'Acteur pourra ... » was read as the other side's right)."""
    from itertools import product

    import yaml

    from termcheck.rules.loader import builtin_pack_paths
    from termcheck.parties import PERFORMER_NAME as _PERFORMER

    lexicon = next(p for p in builtin_pack_paths() if p.name == "lexicon.yaml")
    entries = yaml.safe_load(lexicon.read_text(encoding="utf-8"))["lexicon"]["performer"]
    words = []
    for entry in entries:
        # each word's alternatives: "[the] voice actor|artist" is "voice actor" and "voice artist"
        tokens = [t.split("|") for t in entry.split() if not t.startswith("[")]
        words += [" ".join(choice) for choice in product(*tokens)]
    assert [w for w in words if not _PERFORMER.match(w)] == []


def test_a_raw_pattern_names_the_performer_with_the_same_words():
    """`{performer_word}` in a `re:` phrase is the party words above, the contract's own name included."""
    import re

    from termcheck.parties import ALIAS_MARK
    from termcheck.rules.phrases import phrase_regex

    pattern = re.compile(phrase_regex(r"re:\b{performer_word}\s+may\s+not\b", {}))
    for subject in ("the talent", "the voice actor", "you", "l'artiste", ALIAS_MARK * 7):
        assert pattern.search(f"{subject} may not"), subject
    assert not pattern.search("the company may not")
    other = re.compile(phrase_regex(r"re:\b{counterparty_word}\s+may\s+not\b", {}))
    for subject in ("the company", "the licensee", "we", "la société"):
        assert other.search(f"{subject} may not"), subject
    assert not other.search("the talent may not")


def test_the_other_side_s_words_know_every_counterparty_word_of_the_lexicon():
    """The code's counterparty words (the holder, `{counterparty_word}`) hold the lexicon's `counterparty` entry."""
    import re

    import yaml

    from termcheck.parties import COUNTERPARTY_WORDS
    from termcheck.rules.loader import builtin_pack_paths

    lexicon = next(p for p in builtin_pack_paths() if p.name == "lexicon.yaml")
    entries = yaml.safe_load(lexicon.read_text(encoding="utf-8"))["lexicon"]["counterparty"]
    words = [w for entry in entries for w in entry.split("|")]
    other = re.compile(rf"(?:{COUNTERPARTY_WORDS})", re.IGNORECASE)
    assert [w for w in words if not other.fullmatch(w)] == []


def test_a_negation_in_a_gap_is_a_phrase_s_own_only_inside_a_match_of_that_phrase():
    """The irrevocable trigger also holds "not revocable"; that phrase's "not" must not stop "This licence
    shall not be irrevocable" from being negated. A negation inside a match of a negating phrase stays
    that phrase's own: "waives and agrees never to assert any moral rights" is a waiver."""
    assert status("This licence shall not be irrevocable.", "perpetual-license") == "pass"
    assert status("This licence is not revocable.", "perpetual-license") == "fail"
    assert status("Company forever waives and agrees never to assert any moral rights in the Work.", "moral-rights-waiver") == "fail"


def test_an_unticked_ai_option_is_still_a_mention_but_raises_nothing():
    """AI use counts any mention (the corpus convention): an unticked 'may be used to train AI' option is
    shown as a warning with its own message, and, like a prohibition, it raises no other check."""
    from termcheck.api import check_text

    form = (
        "CONSENT (tick each box you agree to)\n\n[X] I agree to be recorded for this study.\n\n"
        "[ ] I agree that my recordings may be used to train artificial intelligence models.\n\n"
        "[X] I agree that my anonymised recordings may be kept in perpetuity.\n"
    )
    report = check_text(form)
    ai = report.check("ai-use")
    assert ai.status == "warn"
    assert "not ticked" in ai.findings[0].message
    assert "ai-use" not in " ".join(report.check("perpetual-license").notes)


def _scan_sources() -> list[tuple[str, str, frozenset[str] | None]]:
    """Texts to compare the prefilter against a full scan on, each with the rules to compare (None:
    every rule): the sentence cases by check in chunks, one whole contract in five, and the examples.

    The sentences are every rule's traps, so every phrase meets its cues there; the contracts add
    long text around the cues, where a reach too short would show. A full scan reads every trigger on
    every sentence, about 120 ms a contract on this suite's machine (six times a check): all 2,400
    contracts would be five minutes of the suite, and one in five keeps the long text of every kind.
    A chunk of sentences is compared on the rules its check is decided from, and every fourth chunk
    on every rule: every rule on all 9,000 sentences was a quarter of the suite's time.
    """
    from conftest import EXAMPLES, TRICKY_CHECKS, case_file

    sources: list[tuple[str, str, frozenset[str] | None]] = []
    for name in ("check_cases.yaml", "tricky_cases.yaml"):
        by_check: dict[str, list[str]] = {}
        for case in case_file(name):
            by_check.setdefault(TRICKY_CHECKS.get(case["check"], case["check"]), []).append(case["text"])
        chunks = [(check, i, texts[i:i + 60]) for check, texts in sorted(by_check.items()) for i in range(0, len(texts), 60)]
        for n, (check, i, texts) in enumerate(chunks):
            rules = None if n % 4 == 0 else frozenset(RULES.needed_for([check]))
            sources.append((f"{name}[{check}:{i}:]" + ("" if rules is None else "-own-rules"), "\n\n".join(texts), rules))
    contracts = case_file("document_cases.yaml")
    sources += [(f"document_cases[{i}]", contracts[i]["text"], None) for i in range(0, len(contracts), 5)]
    sources += [(p.name, p.read_text(encoding="utf-8"), None) for p in sorted(EXAMPLES.glob("*.txt"))]
    return sources


SCAN_SOURCES = _scan_sources()


@pytest.mark.parametrize("name,text,rules", SCAN_SOURCES, ids=[n for n, _, _ in SCAN_SOURCES])
def test_the_prefilter_finds_what_a_full_scan_finds(name, text, rules):
    """Each trigger reads only the text around its cues, as far as its phrases reach on either side:
    the hits must be exactly those of every trigger read on every sentence."""
    from termcheck.engine import ClauseContexts, clause_titles, collect_hits, defined_terms, heading_hits, marked_texts
    from termcheck.extract import extract_bytes
    from termcheck.rules.matcher import match_clause

    doc = extract_bytes("case.txt", text.encode())
    lower, unmarked, known = marked_texts(doc, RULES)
    contexts = ClauseContexts(doc, lower, unmarked, known)
    definitions = defined_terms(doc, lower, RULES, known=known, unmarked=unmarked)
    full = {}
    for r in RULES.rules:
        if rules is not None and r.id not in rules:
            continue
        found = {i: match_clause(r, doc, lower, contexts[i], definitions) for i, seg in enumerate(doc.segments) if seg.zone in r.zones}
        if r.kind == "red_flag":  # headings title the clauses under them (every trigger, every sentence)
            every = {t: [] for t in range(len(r.triggers))}
            titles = clause_titles(doc.segments, range(len(doc.segments)))
            found.update(heading_hits(doc, lower, r, contexts, definitions, {i: every for i in titles}, titles))
        full[r.id] = [h for i in sorted(found) for h in found[i]]
    assert collect_hits(doc, RULES, parallel=False, only=rules) == full


def test_a_survival_clause_outlives_the_agreement_when_a_section_it_cites_is_the_grant():
    """'Clause 1 survives any termination' under '1. GRANT' is a grant with no end; under '1. PAYMENT' it is
    not; a subsection ('2.1') reads its section's run-in title ('2. Grant of Rights.')."""
    def perpetual(text: str) -> str:
        return check_text(text).check("perpetual-license").status

    grant = "1. GRANT\nPerformer grants Company a licence to use the Recordings.\n"
    assert perpetual(grant + "2. SURVIVAL\nClause 1 survives any termination or expiry of this Agreement.\n") == "fail"
    paid = grant + "2. PAYMENT\nThe fee is USD 100.\n3. GENERAL\nClause 2 survives any termination of this Agreement.\n"
    assert perpetual(paid) == "pass"
    run_in = "2. Grant of Rights. Performer grants Company a licence to use the Recordings.\n3. Survival. Sections {} survive termination.\n"
    assert perpetual(run_in.format("2.1 and 4")) == "fail"
    assert perpetual(run_in.format("3 and 4")) == "pass"
    assert perpetual(run_in.format("1-3")) == "fail"  # a range holds the sections between its ends


def test_the_subject_of_a_subordinate_clause_holds_what_it_does():
    """'We retain your recordings until you ask us to delete them': the asking is the performer's, though
    'We retain' reads as the other side's right; 'if the Performer requests' likewise."""
    from termcheck.rules.matcher import holder

    text = "we retain your recordings until you ask us to delete them."
    assert holder(text, 0, text.index("ask")) == "performer"
    text = "the company keeps the files unless the company decides to delete them."
    assert holder(text, 0, text.index("decides")) == "counterparty"
    text = "we retain your recordings and you ask us to delete them."  # no subordinate clause: as before
    assert holder(text, 0, text.index("ask")) == "counterparty"


def test_the_one_a_thing_is_of_does_not_hold_what_is_said_of_it():
    """'any footage of the Performer may not be used in any other commercial': the footage is the subject,
    not the Performer (fifty-ninth session); 'The Performer may not use ...' is the performer's own."""
    from termcheck.rules.matcher import holder

    text = "the commercial and any footage of the performer may not be used in any other commercial or medium."
    assert holder(text, 0, text.index("in any other"), excepted=True) is None
    text = "the performer may not use the recordings for any other purpose."
    assert holder(text, 0, text.index("for any other"), excepted=True) == "performer"


def test_a_grant_before_a_contrast_does_not_decide_who_holds_the_right_after_it():
    """'The licence you give the Foundation is perpetual, but you may withdraw': the grant's receiver is
    the Foundation, but the right to withdraw after ', but' is the performer's own."""
    from termcheck.rules.matcher import holder

    text = "the licence you give the foundation is perpetual, but you may withdraw your recordings."
    assert holder(text, 0, text.index("withdraw")) == "performer"
    text = "you give the foundation the right to withdraw your recordings."
    assert holder(text, 0, text.index("withdraw")) == "counterparty"


@pytest.mark.parametrize(
    "text, match, negated",
    [
        # what an exception names is kept, not denied
        ("no further payment is due beyond the usd 500 session fee.", "usd 500", False),
        ("no fee is payable other than eur 200 for the day.", "eur 200", False),
        ("aucune autre rémunération n'est due en dehors du cachet de 300 €.", "300 €", False),
        # ... but "beyond" right before the match only: a limit in time is no exception
        ("the recordings will not be used beyond the term for ai training.", "ai training", True),
        # ... and not across the exception's own verb
        ("no payment other than the fee stated above will be made for ai training.", "ai training", True),
        ("no fee is payable for this recording.", "recording", True),
        # a prohibition's object and then its exception: the place after the exception is allowed ("up to" is no purpose)
        ("stillwater may not use the sessions outside the app, except for short excerpts of up to 30 seconds in advertisements for the app.",
         "in advertisements for the app", False),
        ("stillwater may not use the sessions outside the app for any purpose, including to train models in advertisements for the app.",
         "in advertisements for the app", True),
        # a title in quotes before the match is a name, not a negation (fifty-eighth session)
        ('the song "never enough" may be sublicensed by the company to any broadcaster.', "be sublicensed", False),
        ('the company may not sublicense the recordings of the show "open doors".', "sublicense", True),
        # the quoted words of a clause an amendment deletes no longer apply (fifty-ninth session)
        ('clause 4 ("perpetual and irrevocable licence") is deleted and replaced with: "for three years".', "perpetual", True),
        ('the words "in perpetuity" in clause 2 are deleted.', "in perpetuity", True),
        ('section 3 ("perpetual licence") is hereby struck out.', "perpetual licence", True),
        # ... not words amended, nor a defined name
        ('clause 4 ("perpetual and irrevocable licence") is amended to add "worldwide".', "perpetual", False),
        ('the company grants a perpetual licence (the "licence") over the recordings.', "perpetual licence", False),
        # a new clause after ", and" keeps its own negation (fifty-ninth session)
        ("you will not be paid, and we do not have to credit you.", "credit you", True),
        ("you will not be paid, and we will credit you.", "credit you", False),
        ("we do not have to credit you.", "credit you", True),
        # ... and a match that opens with the new clause's subject and modal (sixty-fifth session)
        ("choir members are not paid, and their names will be printed in the cd booklet.", "their names will be printed", False),
        ("choir members are not paid and their names will be printed in the cd booklet.", "their names will be printed", False),
        ("the company will not sell or license the recordings.", "license the recordings", True),
        # an if-clause after a whole negated predicate of its own is not negated (sixty-seventh session)
        ("your payment will not be affected if you withdraw from the study.", "withdraw from the study", False),
        ("models already trained will not be changed if you ask us to delete your recordings.", "ask us to delete", False),
        # ... but the condition that repeats the refused verb, one after a comma, and "even if" are
        ("we will not delete your recordings if you ask us to delete them.", "ask us to delete", True),
        ("we will not, if you ask, delete your recordings.", "delete your recordings", True),
        ("we will not delete your recordings even if you ask us to delete them.", "ask us to delete", True),
    ],
)
def test_negation_scope_reads_exceptions_titles_struck_words_and_new_clauses(text, match, negated):
    """Where a negation reaches (negation.py): 'No further payment ... beyond the USD 500 fee' states the USD 500; a
    quoted title's "Never" negates nothing; 'Clause 4 ("perpetual ...") is deleted' quotes what no longer applies; in
    'You will not be paid, and we do not have to credit you' the break at ', and' stops before the new clause's 'not'."""
    from termcheck.rules.negation import is_negated

    at = text.index(match)
    assert is_negated(text, 0, at, at + len(match), []) is negated


@pytest.mark.parametrize(
    "gap, negated",
    [
        # a negation of the phrase's own span counts
        ("you may ask us to remove the episode, but we will not remove", True),
        # ... not one in a clause of its own between the two the match joins
        ("you may ask us to remove the episode; you are not obliged to give a reason, and we will remove", False),
        # ... nor one in a subordinate clause ("a scene in which the performer did not appear")
        ("use in a scene in which the performer did not appear", False),
        # ... but one after the comma that closes a condition is the main clause's
        ("if you ask us to, we will not remove", True),
        # (a relative clause's comma is no such close: "who, in its view, does not compete")
        ("license to any person who, in its view, does not compete with", False),
        # a title in quotes is a name, whatever its words (fifty-eighth session)
        ('sublicense the recordings of the show "never again" to', False),
        ("stream the stand-up special « sans retour » on", False),
        # ... but a quoted single word is still the sentence's own
        ('shall "not" sublicense the recordings to', True),
    ],
)
def test_a_negation_in_a_gap_belongs_to_the_clause_it_is_in(gap, negated):
    """negated_in_gap reads the clause the negation sits in (fifty-sixth session: ';' and an 'if' clause's comma)."""
    from termcheck.rules.negation import negated_in_gap

    assert negated_in_gap(gap, None) is negated


def test_a_made_or_other_performer_does_not_hold_the_right():
    """'create digital background performers and may use them': the Producer may use them, not the performers."""
    from termcheck.rules.matcher import holder

    text = "the producer may use the scan to create digital background performers and may use them in any film."
    assert holder(text, 0, text.rindex("use them")) == "counterparty"
    text = "the producer may film the performers and the performers may use the footage in their showreels."
    assert holder(text, 0, text.rindex("use the footage")) == "performer"
    # a model the other side trains, two words after the verb, is no performer (fifty-eighth session)
    text = "fitmetric will use the scans to train its sizing model and may license the scans to clothing retailers."
    assert holder(text, 0, text.rindex("license")) != "performer"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("any sublicence under clause 3.1 requires consent", ["3.1"]),
        ("subject to sub-clause 4 and subsection 7.2.", ["4", "7.2"]),
        ("toute sous-licence prévue à l'article 4.1 ou au paragraphe 2", ["2", "4.1"]),
        ("sections 5 and 6 survive", ["5"]),
        ("clause 3.10 applies", ["3.10"]),
        # a word that only ends in one of them, and one with no number after it
        ("the intersection 5 of the roads; this section applies", []),
    ],
)
def test_section_references(text: str, expected: list[str]) -> None:
    assert sorted(number for _, number in section_references(text)) == expected


@given(
    word=st.sampled_from(["clause", "section", "paragraph", "article", "sub-clause", "subsection", "paragraphe"]),
    parts=st.lists(st.integers(min_value=1, max_value=99), min_size=1, max_size=4),
    end=st.sampled_from([".", ",", " requires", ")", ""]),
)
def test_section_references_read_the_whole_number(word: str, parts: list[int], end: str) -> None:
    number = ".".join(map(str, parts))
    text = f"see {word} {number}{end}"
    assert [found for _, found in section_references(text)] == [number]


@pytest.mark.parametrize(
    "label, expected",
    [
        ("3.1.2", ["3", "3.1", "3.1.2"]),
        ("3.", ["3"]),
        ("Article 4.1", ["4", "4.1"]),
        # an item under a numbered clause belongs to it, so "under clause 3.1" reaches it
        ("3.1(a)", ["3", "3.1"]),
        ("2.1 (b)(ii)", ["2", "2.1"]),
        ("(a)", []),
        ("Schedule A", []),
        (None, []),
    ],
)
def test_numbers_above(label: str | None, expected: list[str]) -> None:
    assert _numbers_above(label) == expected


def test_an_end_date_with_no_start_date_is_quoted_not_measured():
    """'until 31 December 2028' in a contract with no date of its own: the end is quoted and named, the
    length left unknown (counting from today would change the answer with the day it is read)."""
    result = check_text("The Company may use the Videos on its website until 31 December 2028.").check("license-term")
    assert (result.status, result.value) == ("unknown", None)
    assert result.findings[0].message == "'until 31 December 2028'"
    assert any("ends on 2028-12-31" in note for note in result.notes)
    # ... and with a date to count from, the years
    dated = check_text("Date: 1 January 2026\n\nThe Company may use the Videos on its website until 31 December 2028.")
    assert dated.check("license-term").value == 3.0
    assert dated.check("license-term").status == "pass"
