"""The contract's own name for the performer ('the voice partner ("Partner")'), and marking it in the matched text.

The rules know the performer as "the Performer", "the Talent", "you" and a few dozen more words (the
{performer} lexicon entry). A contract may call its performer something else: "the individual
accepting it ("Contractor")", "the voice partner ("Partner")". Such a name is found where the contract
defines its parties, and each capitalised use of it in the lower-cased text the rules read is replaced
by a run of ALIAS_MARK of the same length (offsets stay valid), which the {performer} entry matches.
"""

from __future__ import annotations

import re
from typing import Iterable

from termcheck.models import Document

# A letter (so word boundaries hold around it) that no English or French contract uses.
ALIAS_MARK = "ꙮ"
# The regex of a marked name, for the code that recognises performer words itself (holder, negation).
ALIAS_WORD = ALIAS_MARK * 2 + "+"
# What the loader adds to the built-in lexicon entries, so every rule that names the performer reads
# a marked name as the performer: "the Partner's" is "[the] ꙮꙮ* s" (the apostrophe separates words), « du
# Partenaire » "du ꙮꙮ*".
_ALIAS = ALIAS_MARK * 2 + "*"
# The other side's own name ('Lumen Voice Ltd ("Lumen")') is marked the same way, with a letter of its own.
COUNTERPARTY_MARK = "ꕥ"
COUNTERPARTY_ALIAS_WORD = COUNTERPARTY_MARK * 2 + "+"
_COUNTERPARTY_ALIAS = COUNTERPARTY_MARK * 2 + "*"
ALIAS_PHRASES = {
    "performer": [f"[the] {_ALIAS}"],
    "performer_possessive": [f"[the] {_ALIAS} s", f"du {_ALIAS}", f"de [la|l] {_ALIAS}"],
    "counterparty": [f"[the] {_COUNTERPARTY_ALIAS}"],
}

# The words the rules' code reads as the performer (the {performer} lexicon entry is the rules' own list),
# a marked alias among them.
PERFORMER_WORDS = (
    r"performers?|talents?|artists?|actors?|actress(?:es)?|voice\s+(?:actors?|artists?|talents?|owners?)|models?|contributors?|participants?|licensors?"
    r"|releasors?|grantors?|creators?|influencers?|speakers?|presenters?|submitters?|submittors?|guests?|interviewees?"
    r"|narrators?|undersigned|i|me|you|ambassadors?|vocalists?|singers?|musicians?|dancers?|instructors?|lecturers?|streamers?|sellers?|donors?"
    r"|athletes?|endorsers?|spokespersons?|spokesmodels?"
    r"|artistes?(?:-interprètes?)?|interprètes?|acteurs?|actrices?|mannequins?|comédien(?:ne)?s?|modèles?|cédants?|concédants?|je|vous"
    r"|créat(?:eur|rice)s?|participant(?:e)?s?|contribut(?:eur|rice)s?|donneu(?:r|se)s?|influenceu(?:r|se)s?|locut(?:eur|rice)s?"
    r"|intervenant(?:e)?s?|narrat(?:eur|rice)s?|lect(?:eur|rice)s?|témoins?|format(?:eur|rice)s?" + "|" + ALIAS_WORD
)
# A name that is one of those words ("the Performer", « l'Artiste »): the matcher reads it as the performer.
PERFORMER_NAME = re.compile(rf"^(?:the\s+|a\s+|le\s+|la\s+|l['’])?(?:{PERFORMER_WORDS})$", re.IGNORECASE)
# The other side's words, English and French: who licenses, buys, publishes or runs the platform (read
# where the rules look for a party: the holder of a right, "The Company shall include the Credit").
COUNTERPARTY_WORDS = (
    r"company|producers?|licensees?|client|vendor|studio|platform|releasees?|photographers?|we|us|agency|brand|customer"
    r"|distributor|publisher|network|broadcaster|label|société|producteur|cessionnaire|licencié|exploitant|prestataire|nous"
    r"|" + COUNTERPARTY_ALIAS_WORD
)
_COUNTERPARTY_NAME = re.compile(rf"^(?:the\s+|a\s+|la\s+|le\s+|l['’])?(?:{COUNTERPARTY_WORDS})$", re.IGNORECASE)

# 'between Cadence Speech GmbH ("Cadence") and the voice partner ("Partner")', '(the "Talent")',
# '(hereinafter "Contractor")', « (ci-après « le Partenaire ») »
_PARTY_DEFINITION = re.compile(
    r"""\(\s*(?:(?:the|hereinafter|hereafter|referred|to|as|called|ci-après|dénommée?|désignée?|appelée?|le|la|l)[\s,'’]+)*
        ["“«]\s*(?:(?:le|la|l['’])\s*)?(?P<term>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s*["”»]\s*\)""",
    re.VERBOSE,
)
# A definition clause: '"Contractor" means the individual who ...', '"Partner" refers to you'.
_MEANS = re.compile(r"\b(?:means|shall\s+mean|refers\s+to|désigne)\s+(?P<what>[^.;]{0,120})", re.IGNORECASE)
# A description that makes a party a person: it starts with who the party is ("the undersigned
# individual", "an individual residing at", "the host named below", "you"), or gives a person's name
# and says so ("Joseph Theismann, an individual whose address is ...").
_PERSON = re.compile(
    r"""^\W*(?:and|et|by|with|to)?\s*(?:
        (?:the|an?|any)\s+(?:[\w-]+\s+){0,2}?(?:individual|natural\s+(?-i:person)|(?-i:person)|undersigned|signatory)\b
      | (?:the|an?)\s+(?:[\w-]+\s+){0,2}?(?:named|signing|identified|listed)\s+(?:below|above|herein|in\s+(?:the\s+|this\s+)?(?:schedule|signature\s+block|booking\s+form|order\s+form|cover\s+sheet))\b
      | (?:you|(?-i:I))(?:\W*$|,)
      | (?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]*,\s+(?:an?\s+individual|a\s+natural\s+person|born|residing|né|née|demeurant)\b
      | (?:la\s+|le\s+)?(?:personne\s+physique|soussignée?)\b
      | (?:M\.|Mme|Madame|Monsieur)\s+[A-Z]
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# A defined group that uses what the contract licenses ('"Permitted Users" means any person who buys a
# subscription'): people, but not the performer.
_AUDIENCE = re.compile(r"\b(?:users?|subscribers?|visitors?|viewers?|listeners?|audiences?)\b", re.I)
# Words that make a party a business (or another party than the performer), whatever else its description says.
_BUSINESS = re.compile(
    r"\b(?:(?-i:Inc|Ltd|LLC|LLP|LP|PLC|plc|GmbH|AG|BV|NV|SA|SAS|SARL|SàRL|Pte|Pty|Oy|AB|AS|ASA|Srl|SpA|S\.A|Corp|Co)\b\.?(?!-)"
    r"|company|companies|corporation|incorporated|limited|entity|organi[sz]ation|partnership|firm|business|agency|studio|studios|producer"
    r"|production|network|label|publisher|platform|client|customer|buyer|purchaser|licensee|vendor|distributor|broadcaster|employer"
    r"|university|institute|foundation|trust|estate|society|association|sponsor|brand|service|services|photographer|filmmaker"
    r"|videographer|director|agent|representative|guardian|parent|société|entreprise|producteur|cessionnaire|licencié|capital|rcs"
    r"|siret|immatriculée?|charity|charities|council|school|college|museum|hospital|affiliates?|subsidiar(?:y|ies)|successors?|assigns|filiales?)\b",
    re.IGNORECASE,
)
# A party described only by a common noun ("the co-host", "the voice partner"), opposite a business.
# "its Pro Plan subscriber" names a product before the noun.
_COMMON_NOUN_PARTY = re.compile(
    r"^\W*(?:and|et)\s+(?:(?:the|le|la|l['’])\s*(?:[a-z][a-z-]*\s+)?|(?:its|their|son|sa)\s+(?:[\w-]+\s+){0,2}?)[a-z][a-z-]*"
    # ... "the host engaged for the event"
    r"(?:\s+(?:engaged|booked|hired|contracted|appearing|performing|presenting)\b[^()]{0,60})?\s*$"
)
_BETWEEN = re.compile(r"\b(?:between|parties|entre)\b", re.IGNORECASE)
_PARTY_BOUNDARY = re.compile(r"[.;:!?\n]\s*|\bbetween\b|\bentre\b|\bappl(?:y|ies)\s+to\b|\)", re.IGNORECASE)
# ... or the performer by a word the rules know, as the description's head ("the voice owner who lists a voice
# clone"), not inside it ("all recordings made by the Performer ("Recordings")").
_PERFORMER_NOUN = re.compile(
    rf"^\W*(?:and|et|to|by|with)?\s*(?:the|an?|any)\s+(?:[\w-]+\s+)?(?:{PERFORMER_WORDS})(?:\W*$|\s+(?:who|whose|that|named|identified|signing|listed|accepting|completing|submitting|taking)\b)",
    re.IGNORECASE,
)
_MIN_ALIAS = 3  # shorter terms ("VA") also occur as ordinary words and abbreviations
# A legal entity's form, which makes a defined party a business that signs: 'Lumen Voice Ltd ("Lumen")'.
_ENTITY_FORM = re.compile(
    r"\b(?:Inc|Ltd|LLC|LLP|PLC|plc|GmbH|AG|BV|NV|SA|SAS|SARL|SàRL|Pte|Pty|Oy|AB|Srl|SpA|S\.A|Corp)\b\.?(?!-)"
    r"|\b(?:Limited|LIMITED|Corporation|CORPORATION|corporation|Incorporated|INCORPORATED|[Ss]ociété)\b"  # not "not limited to"
)
_PROPER_NAME = re.compile(r"\W*(?:the\s+|The\s+)?[A-Z0-9][\w&.-]*\s")
_POSSESSIVE = re.compile(r"['’]")
# ... but not a group defined around a party: "the Company and its affiliates (the "Group")".
_GROUP = re.compile(r"\b(?:affiliat\w*|subsidiar\w*|successors?|assigns|group|groupe|filiales?|any|each|every|all|control\w*)\b", re.IGNORECASE)


def performer_aliases(doc: Document) -> list[str]:
    """The names (as written) the contract gives its performer that the rules do not already know."""
    text = doc.text
    found: dict[str, str] = {}
    for seg in doc.segments:
        if seg.zone in ("signature", "toc", "running"):
            continue
        if seg.zone == "definition" and seg.defines:
            means = _MEANS.search(text, seg.start, seg.end)
            if means and _names_a_person(means.group("what")) and not _BUSINESS.search(seg.defines) and not _AUDIENCE.search(seg.defines):
                _keep(found, seg.defines)
        for start, end in seg.sentences:
            for m in _PARTY_DEFINITION.finditer(text, start, end):
                description = _description(text, start, m.start())
                if _names_a_person(description) or _common_noun_party(text, start, m.start(), description):
                    _keep(found, m.group("term"))
    return list(found.values())


def counterparty_aliases(doc: Document, performer: Iterable[str] = ()) -> list[str]:
    """The names (as written) the contract gives the business on the other side that the rules do not
    already know: 'Lumen Voice Ltd ("Lumen")', '"Lumen" means Lumen Voice Ltd'."""
    text = doc.text
    taken = {name.lower() for name in performer}
    found: dict[str, str] = {}
    for seg in doc.segments:
        if seg.zone in ("signature", "toc", "running"):
            continue
        if seg.zone == "definition" and seg.defines:
            means = _MEANS.search(text, seg.start, seg.end)
            # ... a business by its name ('"Lumen" means Lumen Voice Ltd'), not a kind ('"Person" means an individual, corporation ...')
            if means and _PROPER_NAME.match(means.group("what")) and _is_business_party(means.group("what"), named_as_party=False):
                _keep_counterparty(found, seg.defines, taken)
        for start, end in seg.sentences:
            for m in _PARTY_DEFINITION.finditer(text, start, end):
                if _is_business_party(_description(text, start, m.start()), named_as_party=bool(_BETWEEN.search(text, start, m.start()))):
                    _keep_counterparty(found, m.group("term"), taken)
    return list(found.values())


def _is_business_party(description: str, named_as_party: bool) -> bool:
    """Whether a description is of one business: an entity's legal form ("Lumen Voice Ltd"), or a business
    word among the parties an agreement is between ("between Northwind Studios and ...")."""
    if not description.strip() or _names_a_person(description) or _GROUP.search(description):
        return False
    return bool(_ENTITY_FORM.search(description) or (named_as_party and _BUSINESS.search(description)))


def _keep_counterparty(found: dict[str, str], term: str, taken: set[str]) -> None:
    """Remember the other side's name unless it is too short, a party word the rules know, the performer's,
    or something a party owns ("Manufacturer's Products")."""
    term = " ".join(term.split())
    if len(term) >= _MIN_ALIAS and not _POSSESSIVE.search(term) and term.lower() not in taken and not PERFORMER_NAME.match(term) and not _COUNTERPARTY_NAME.match(term):
        found.setdefault(term.lower(), term)


def _description(text: str, sentence_start: int, at: int) -> str:
    """The words that describe a party, before its defined name: back to the previous party or the sentence's start."""
    window = text[max(sentence_start, at - 160):at]
    cuts = list(_PARTY_BOUNDARY.finditer(window))
    return window[cuts[-1].end():] if cuts else window


def _names_a_person(description: str) -> bool:
    """Whether a party's description says it is a person ("the undersigned individual") or the performer
    ("the voice owner who lists a voice clone"), and not a business."""
    return bool(_PERSON.match(description) or _PERFORMER_NOUN.match(description)) and not _BUSINESS.search(description)


def _common_noun_party(text: str, start: int, at: int, description: str) -> bool:
    """Whether a party described only by a common noun ('the voice partner') faces a business in the same sentence."""
    if not _COMMON_NOUN_PARTY.match(description) or _BUSINESS.search(description):
        return False
    return bool(_BETWEEN.search(text, start, at)) and bool(_BUSINESS.search(text, start, at))


def _keep(found: dict[str, str], term: str) -> None:
    """Remember a name unless it is too short or already a performer word."""
    term = " ".join(term.split())
    if len(term) >= _MIN_ALIAS and not PERFORMER_NAME.match(term) and not _BUSINESS.search(term):
        found.setdefault(term.lower(), term)


def mark_aliases(text: str, lower: str, aliases: Iterable[str], mark: str = ALIAS_MARK) -> str:
    """lower with each capitalised use of an alias in text ("Partner", "PARTNER") replaced by mark letters."""
    names = sorted(aliases, key=len, reverse=True)
    if not names:
        return lower
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + r")(?![\w])", re.IGNORECASE)
    out = []
    last = 0
    for m in pattern.finditer(text):
        if not m.group()[0].isupper():  # "a partner of the Company" is not the defined Partner
            continue
        out.append(lower[last:m.start()])
        out.append(mark * (m.end() - m.start()))
        last = m.end()
    out.append(lower[last:])
    return "".join(out)
