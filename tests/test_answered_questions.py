"""Questions answered yes, read as statements: the same text's length, the modal after its subject."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from termcheck.answered_questions import affirm_questions


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("can i withdraw? yes, at any time.", "i can withdraw       at any time."),
        ("2. can i ask for my recordings to be deleted?\n\nyes. email us.", "2. i can ask for my recordings to be deleted \n\n   . email us."),
        ("will my recordings be shared? a: yes, with the lab.", "my recordings will be shared" + " " * 10 + "with the lab."),
        ("will the lessons be used in other apps? yes", "the lessons will be used in other apps     "),
        # ... and in French, the verb and its « je » turned round (sixty-first session)
        ("puis-je la faire supprimer ?\noui, à tout moment.", "je peux la faire supprimer  \n     à tout moment."),
        ("pourrai-je retirer mon accord ? oui", "je pourrai retirer mon accord      "),
    ],
)
def test_a_question_answered_yes_reads_as_a_statement(text, read):
    assert affirm_questions(text) == read


@pytest.mark.parametrize(
    "text",
    [
        "can i withdraw? no, not after the session.",  # a no negates the question as it stands
        "how can i withdraw? yes, by email.",  # not a yes-or-no question
        "can you sell my recordings? yes, to our customers.",  # "you" is the other side in the performer's question
        "can i withdraw? not after the session.",
        "the company can use the recordings. yes.",
        "puis-je la faire supprimer ? non, pas après la diffusion.",
    ],
)
def test_other_questions_and_statements_stay_as_written(text):
    assert affirm_questions(text) == text


@given(st.lists(st.sampled_from(["can ", "will ", "i ", "my ", "the ", "voice ", "be ", "withdraw", "? ", "yes", ", ", ". ", "\n", "a: ", "no ", "puis-je ", "oui"]), max_size=40).map("".join))
def test_offsets_never_move(text):
    """Every character keeps its place: the rules' hits are quoted from the document by offset."""
    read = affirm_questions(text)
    assert len(read) == len(text)
    assert [i for i, c in enumerate(read) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]


def test_a_finding_quotes_the_question_from_its_first_word():
    """The match runs from the modal, which the statement order moved to the subject's place: the quote
    still starts at the question's first word, not inside it ("n I withdraw")."""
    from termcheck.api import check_text

    finding = check_text("Can I withdraw? Yes, up to 14 days after taking part.").check("consent-withdrawal").findings[0]
    assert finding.quote[finding.highlight[0]:finding.highlight[1]].startswith("Can I withdraw? Yes")
    assert finding.message.startswith("'Can I withdraw?")
