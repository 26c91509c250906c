"""Questions answered yes, read as the statements they confirm ("Can I withdraw? Yes, ..." as "I can withdraw").

An information sheet asks the performer's questions and answers them: "Can I withdraw? Yes, up to 14 days
after taking part." The rules read statements ("you can withdraw"), so in the text they read, a question
answered yes has its modal verb and subject swapped: "can i withdraw" becomes "i can withdraw". Both orders
hold the same characters, so every offset stays valid. A question answered no needs no rewrite: its "No"
negates it (rules/negation.py).
"""

from __future__ import annotations

import re

from termcheck.numbering import ANSWER_LABEL
from termcheck.rules.precompiled import code_regex

# Where a question starts (a line, a sentence, a table cell) and its number, if any: kept as written.
_QUESTION_START = r"(?:^|(?<=[\n.!?:|]))(?P<lead>[^\w\n]*(?:\d{1,2}[.)]\s+)?)"
# The answer's mark and label before its yes: "?\n\nyes,", "? a: yes" (closers: what may close the question first).
_ANSWER = r"\?[{closers}]*\s*(?:\|\s*)?(?:" + ANSWER_LABEL + r"\s*)?"
# The modal, its subject ("i", or "my", "the" and up to two words: "will my recordings"), and the rest of the
# question up to its mark, then the answer's yes: "can i withdraw?\n\nyes, up to 14 days". Not "you": in the
# performer's own questions that is the other side ("Can you sell my recordings?"), which the rules would
# read as the performer in "you can sell my recordings".
_YES_QUESTION = code_regex(
    _QUESTION_START
    + r"(?P<modal>can|may|could|will|shall|would)(?P<gap>[ \t]+)"
    r"(?P<subject>i|(?:my|the|these|those)[ \t]+[\w'’-]+"
    r"(?:[ \t]+(?!(?:be|been|have|has|get|ever|still|also|always|not|really|then|only|just|now)\b)[\w'’-]+)?)"
    r"(?P<space>[ \t]+)(?=[a-z])[^.?!\n]{1,160}(?P<answer>" + _ANSWER.format(closers="\"')\\]") + r"yes\b[,;:]?)"
)


# ... and a French one answered « oui »: « Puis-je la faire supprimer ? Oui, à tout moment » reads « je peux la
# faire supprimer », the inverted verb and its « je » in a statement's order (the same letters, the same length)
_FRENCH_STATEMENTS = {"puis-je": "je peux", "pourrai-je": "je pourrai", "pourrais-je": "je pourrais"}
_FRENCH_YES_QUESTION = code_regex(
    _QUESTION_START + "(?P<verb>" + "|".join(_FRENCH_STATEMENTS) + r")[ \t]+(?=\w)[^.?!\n]{1,160}"
    + r"(?P<answer>" + _ANSWER.format(closers="\"')\\]»") + r"oui\b[,;:]?)"
)


def affirm_questions(lower: str) -> str:
    """lower (the lower-cased text) with each question answered yes put in a statement's order."""
    if "?" not in lower:
        return lower
    if "-je" in lower:
        lower = _FRENCH_YES_QUESTION.sub(_french_statement, lower)

    def swap(m: re.Match[str]) -> str:
        # ... and the mark and the yes blanked, so the answer's words go on from the question's:
        # "i can withdraw        at any time"
        rest = m.group(0)[m.end("space") - m.start():m.start("answer") - m.start()]
        blank = re.sub(r"[^\n]", " ", m.group("answer"))
        return m.group("lead") + m.group("subject") + m.group("gap") + m.group("modal") + m.group("space") + rest + blank

    return _YES_QUESTION.sub(swap, lower)


def _french_statement(m: re.Match[str]) -> str:
    """A French question answered « oui » as its statement, the mark and the « oui » blanked."""
    rest = m.group(0)[m.end("verb") - m.start():m.start("answer") - m.start()]
    blank = re.sub(r"[^\n]", " ", m.group("answer"))
    return m.group("lead") + _FRENCH_STATEMENTS[m.group("verb")] + rest + blank
