"""Clause numbers and headings as they appear at the start of a line or paragraph."""

from __future__ import annotations

import re
from typing import Optional

from termcheck.rules.precompiled import code_regex
from termcheck.verbs import CLAUSE_VERB

# Abbreviations whose dot ends no sentence and no title: "Inc. agrees", "No. 4", "Art. 5".
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "no", "nos", "inc", "ltd", "co", "corp", "llc", "plc", "llp", "sa", "sas", "sarl", "art", "arts",
    "sec", "secs", "para", "paras", "p", "pp", "vs", "v", "e.g", "i.e", "etc", "cf", "st", "u.s", "u.k", "approx", "incl",
    "fig", "vol", "ch", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "m", "mme",
    "mlle", "me", "n°", "al", "op", "ibid", "viz", "est", "govt", "dept", "jr", "sr", "rs",
}

# The label of an answer under a question ("A:", "Answer:", « R : »), lower-case (compile with re.IGNORECASE
# to read it in the original text).
ANSWER_LABEL = r"(?:a|answer|r|réponse)\s*[:.)–-]"
# A form's tick box, empty or ticked: "[ ]", "[x]", "[X]", "☐", "☒" (the reader and the rules share it).
TICK_BOX = code_regex(r"\[\s?[xX✓✔ ]?\s?\]|[☐☒☑□■]")
# What marks a box ticked, in lower-cased text: a mark inside brackets ("[x]") or a ticked box of its own ("☒")
# (the matcher reads a form's other options with them too).
_BRACKET_MARKS, _BOX_MARKS = "x✓✔", "☒☑■"
TICK_MARKS = _BRACKET_MARKS + _BOX_MARKS
# A form's field answered by a yes/no pair of boxes after it, in lower-cased text: "Use in other projects:
# [ ] Yes [X] No", "... to train AI? ☐ Yes ☒ No", « Oui ☐ Non ☒ ». Group 'no' holds text when the no box is
# the one ticked, 'yes' when the yes box is; neither when the form was left blank or both were ticked.
_EMPTY = r"(?:\[\s?\]|[☐□])"
_TICKED = rf"(?:\[\s?[{_BRACKET_MARKS}]\s?\]|[{_BOX_MARKS}])"
_ANY_BOX = rf"(?:{_EMPTY}|{_TICKED})"
_YES, _NO = r"(?:yes|oui)\b", r"(?:no|non)\b"
YES_NO_BOXES = code_regex(
    r"[^.;!?\n]{0,80}?[?:]?[ \t]*\n?[ \t]*(?:\|[ \t]*)?(?:"
    rf"(?P<no>{_EMPTY}[ \t]*{_YES}[ \t|]*\n?[ \t]*{_TICKED}[ \t]*{_NO}|{_TICKED}[ \t]*{_NO}[ \t|]*\n?[ \t]*{_EMPTY}[ \t]*{_YES}"
    rf"|{_YES}[ \t]*{_EMPTY}[ \t|]*\n?[ \t]*{_NO}[ \t]*{_TICKED})"
    rf"|(?P<yes>{_TICKED}[ \t]*{_YES}[ \t|]*\n?[ \t]*{_EMPTY}[ \t]*{_NO}|{_EMPTY}[ \t]*{_NO}[ \t|]*\n?[ \t]*{_TICKED}[ \t]*{_YES}"
    rf"|{_YES}[ \t]*{_TICKED}[ \t|]*\n?[ \t]*{_NO}[ \t]*{_EMPTY})"
    rf"|{_ANY_BOX}[ \t]*{_YES}|{_YES}[ \t]*{_ANY_BOX})"
)

_KEYWORD = (
    r"(?:Article|ARTICLE|Art\.|Section|SECTION|Clause|CLAUSE|Paragraph|PARAGRAPH|Schedule|SCHEDULE"
    r"|Annex|ANNEX|Annexe|ANNEXE|Exhibit|EXHIBIT|Appendix|APPENDIX|Chapitre|CHAPITRE|Titre|TITRE)"
)
# A clause label at the start of a paragraph; the group 'num' is what a citation shows.
LABEL_RE = code_regex(
    rf"""^[ \t]*(?:
        (?P<kw>{_KEYWORD}(?=\s)|§)\s*(?P<kwnum>\d{{1,3}}(?:\.\d{{1,3}})*|[IVXLC]{{1,6}}\b|[A-Z]\b|1er\b|premier\b)\.?
        # ... not a sentence that cites one: "Clause 1 survives any termination", "Section 5 and 6 shall ..."
        (?!\s+(?:shall|will|may|must|survives?|applies|apply|is|are|does|do|has|have|sets|provides|states|and|or|of|to|hereof|herein)\b)
      | (?P<dotted>\d{{1,3}}(?:\.\d{{1,3}}){{1,4}})\.?(?=\s|$)
      | (?P<num>\d{{1,3}})[.)](?=\s|$)
      | \((?P<paren>[a-z]{{1,2}}|[ivxlc]{{1,6}}|\d{{1,2}}|[A-Z]{{1,2}}|[IVX]{{1,5}})\)
      | (?P<letter>[a-z]|[A-Z]|[ivx]{{1,4}})[.)](?=\s)
      | (?P<bullet>[•·▪◦●\-*–])(?=\s)
    )""",
    re.VERBOSE,
)

_ROMAN = code_regex(r"^[ivxlc]+$", re.IGNORECASE)
_SENTENCE_END = code_regex(r"[.;!?]['\")\]]*$")


def match_label(text: str) -> Optional[re.Match[str]]:
    """The clause label at the start of text, if any."""
    return LABEL_RE.match(text)


def label_text(m: re.Match[str]) -> Optional[str]:
    """The citation form of a label: '4.2', '3', '(a)', 'Article 3'; None for bullets."""
    if m.group("kw"):
        kw = m.group("kw").rstrip(".").capitalize()
        if kw == "Art":
            kw = "Article"
        num = m.group("kwnum")
        if kw == "§":
            return f"§ {num}"
        return f"{kw} {'1' if num in ('1er', 'premier') else num}"
    if m.group("dotted"):
        return m.group("dotted")
    if m.group("num"):
        return m.group("num")
    if m.group("paren"):
        return f"({m.group('paren')})"
    if m.group("letter"):
        return f"({m.group('letter')})"
    return None


_ROMAN_ITEMS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


def item_before(item: str) -> Optional[str]:
    """The list item before this one: 'ii' -> 'i', 'b' -> 'a', '2' -> '1'; None for a first item ('a',
    'i', which may also be a letter) and for what it cannot tell."""
    if item in _ROMAN_ITEMS[1:]:
        return _ROMAN_ITEMS[_ROMAN_ITEMS.index(item) - 1]
    if item.isdigit():
        return str(int(item) - 1)
    if len(item) == 1 and item.isalpha() and item != "a" and item not in _ROMAN_ITEMS:
        return chr(ord(item) - 1)
    return None


def label_kind(label: str, previous_of_kind: dict[str, str]) -> str:
    """Classify a label for nesting: 'kw', 'num' (depth by dots), 'alpha', 'roman', 'digit', 'ALPHA'."""
    if " " in label:
        return "kw"
    if label[0].isdigit():
        return f"num{label.count('.')}"
    core = label.strip("()")
    if core.isdigit():
        return "digit"
    if _ROMAN.match(core):
        # "(i)" after "(h)" is a letter; "(i)" after nothing or "(ii)" is a roman numeral.
        lower = core.islower()
        prev_alpha = previous_of_kind.get("alpha" if lower else "ALPHA")
        if core.lower() in ("i", "v", "x", "l", "c") and prev_alpha and len(prev_alpha) == 1 and ord(prev_alpha.lower()) == ord(core.lower()) - 1:
            return "alpha" if lower else "ALPHA"
        return "roman" if lower else "ROMAN"
    return "alpha" if core.islower() else "ALPHA"


# The heading that opens the recitals, and a table of contents's.
RECITALS_TITLE = code_regex(
    r"^(?:recitals?|whereas|background|preamble|pr[ée]ambule|expos[ée](?:\s+pr[ée]alable)?|il\s+a\s+[ée]t[ée]\s+(?:pr[ée]alablement\s+)?expos[ée].*|introduction|considérants?)\W*$",
    re.IGNORECASE,
)
CONTENTS_TITLE = code_regex(r"^(?:table\s+of\s+contents|contents|sommaire|table\s+des\s+mati[èe]res)\W*$", re.IGNORECASE)
# A title that opens a part of a contract on its own ("RECITALS", "DEFINITIONS"): never the second line
# of a title wrapped in capitals ("VOICE ACTOR AGREEMENT" / "RECITALS" are two titles).
SECTION_WORD_TITLE = code_regex(
    rf"{RECITALS_TITLE.pattern}|{CONTENTS_TITLE.pattern}"
    r"|^(?:definitions?|d[ée]finitions?|interpretation|schedules?|exhibits?|annex(?:es)?|appendi(?:x|ces))\W*$",
    re.IGNORECASE,
)
_RECITAL_START = code_regex(
    r"^(?:(?:recitals?|background|preamble|pr[ée]ambule)\s*[:.–-]\s*)?(?:whereas\b|considérant\s+qu|attendu\s+qu)", re.IGNORECASE
)


def starts_recital(text: str) -> bool:
    """True if text opens a recital: 'WHEREAS the Company ...', « Considérant que ... », 'Recitals: Whereas'."""
    return _RECITAL_START.match(text) is not None


def ends_sentence(text: str) -> bool:
    """True if text ends like a sentence or list item (., ;, !, ?, optionally closed by a quote)."""
    return bool(_SENTENCE_END.search(text.rstrip()))


_WORD = code_regex(r"[^\W\d_][\w'’-]*")
_RUN_IN = code_regex(
    r"[a-z]{2}\.\s+[A-Z][a-z]"
    # in capitals, a sentence's usual first word: "(a) GOVERNING LAW. THIS AGREEMENT"
    r"|[A-Z]{2}\.\s+(?:THIS|THE|EACH|ANY|ALL|NO|NEITHER|IF|EXCEPT|NOTWITHSTANDING|SUBJECT|UPON|IN\s+NO)\b"
)
_SMALL = {
    "a", "an", "and", "as", "at", "by", "de", "des", "du", "et", "for", "in", "la", "le", "les", "of", "on",
    "or", "the", "to", "with", "à", "en", "d", "l", "aux", "sur", "par", "pour",
}


# Words a line of running text can break after but a title does not end with ("... GOVERNED IN ALL",
# "... EFFECT, BY"): "AND" and "OR" in capitals do end a title wrapped in a narrow column.
_OPEN_ENDING = {"the", "of", "by", "to", "in", "for", "with", "a", "an", "all", "any", "such", "that", "which",
                "shall", "will", "may", "be", "is", "are", "its", "their", "this", "these", "from", "on", "at", "as",
                "your", "my", "our", "his", "her",  # "... customers may use Your" / "TTS Voice through ..."
                # « Article 1. Les Représentants autorisent le Client à » / « photographier ... »
                "à", "de", "du", "des", "le", "la", "les", "un", "une", "pour", "par", "sur", "au", "aux", "dans",
                "avec", "que", "qui", "son", "sa", "ses", "leur", "leurs", "ce", "cette", "ces", "est", "sont", "sera",
                "votre", "vos", "notre", "nos", "mon", "ma", "mes"}


_OPEN_MARKS = "-–—&/"


def ends_mid_sentence(text: str) -> bool:
    """True if the line stops on a word that needs more after it ('... IN ALL', '... of the', 'CORPUS -')."""
    words = text.split()
    if not words:
        return False
    # '... LLP ("the' / 'Firm")': a word after an opening quote or bracket, or a bracket left open
    last = words[-1].lstrip("(\"“‘'[«")
    return (
        last.lower() in _OPEN_ENDING or last in ("and", "or") or text.rstrip()[-1] in _OPEN_MARKS
        or text.count("(") > text.count(")")
    )


def opens_title(text: str) -> bool:
    """True for the first line of a title wrapped after a dash: "CHILDREN'S SPEECH CORPUS -" / "CONSENT FORM"."""
    t = text.strip()
    return bool(t) and t[-1] in _OPEN_MARKS and looks_like_heading(t.rstrip(" " + _OPEN_MARKS))


_LOWER = code_regex(r"[a-zß-öø-ÿ]")
_UPPER = code_regex(r"[A-ZÀ-ÖØ-Þ]")


def is_capitalised(text: str, min_letters: int = 4) -> bool:
    """True for text in capitals, more than four capitals to each small letter ('AGREEMENT SHALL BE GOVERNED')."""
    # most lines are running text: a few small letters at the start settle it (this runs on every line)
    if len(_LOWER.findall(text, 0, 16)) > 3:
        return False
    upper, lower = len(_UPPER.findall(text)), len(_LOWER.findall(text))
    return upper + lower >= min_letters and upper > 4 * lower


def may_be_reference(text: str) -> bool:
    """True for a line that starts with a number that can be a cross-reference rather than a clause's
    label: "Section 5.1.3 shall ...", "12.1.1 ...", "Schedule A", or a number alone ("16.")."""
    m = match_label(text)
    return m is not None and bool(m.group("dotted") or m.group("kw") or (m.group("num") and not text[m.end():].strip()))


# The words a cross-reference follows: "the grants in" / "Section 5.1.3 shall become ...".
_REFERENCE_LEAD = {"in", "of", "to", "by", "under", "with", "per", "see", "pursuant", "than", "from", "within"}


def ends_before_reference(text: str) -> bool:
    """True if the line ends on a word a cross-reference follows ('the grants in'): a clause number on
    the next line is then a reference, not a new clause. A list's 'and' or 'or' ends an item ('; and')."""
    words = text.split()
    return bool(words) and words[-1] in _REFERENCE_LEAD


def looks_like_heading(text: str) -> bool:
    """True for a short line that names a section rather than saying something."""
    t = text.strip()
    if not t or len(t) > 90 or t[-1] in ".,;" or ends_mid_sentence(t):
        return False
    m = match_label(t)
    rest = (t[m.end():] if m else t).strip(" .-–:")
    if ":" in rest or "[" in rest or "_" in rest:
        return False  # "Name: ____", "Effective Date: [Insert Date]" are form fields, not headings
    if _RUN_IN.search(rest):
        return False  # "12.1.2 Effect of Expiration of the Term. Following": a run-in title and its clause
    if m and m.group("bullet"):
        return False
    words = _WORD.findall(rest)
    if not words or len(words) > 10:
        return False
    if rest[0].islower():
        return False
    if m and m.group("kw") and len(words) <= 8 and t[-1] not in ".;:," and not CLAUSE_VERB.search(rest.lower()):
        return True  # "Article 4 - Mention du nom": French headings are in sentence case (and have no verb)
    if is_capitalised(rest, min_letters=1):
        return True
    if rest.endswith("?") and len(words) <= 10:
        return True  # an information sheet's question: "What happens to my recordings?"
    capitalised = sum(1 for w in words if w[0].isupper() or w.lower() in _SMALL)
    return capitalised == len(words) and (m is not None or len(words) <= 8)


def _titles_in_sentence_case(rest: str) -> bool:
    """True for 'Your personal data': one to eight words, the first capitalised, without a verb."""
    return 0 < len(_WORD.findall(rest)) <= 8 and rest[0].isupper() and not CLAUSE_VERB.search(rest.lower())


# "4 Moral rights": a section number without a dot, as some templates write it
_BARE_NUMBER = code_regex(r"^\d{1,2}\s+(?=[A-Z])")


def numbered_title(text: str) -> bool:
    """True for '5. Your personal data' (or '5 Your personal data'): a numbered title in sentence case, without
    a verb or an ending."""
    t = text.strip()
    m = match_label(t)
    if m and (m.group("num") or m.group("dotted")):
        start = m.end()
    else:
        bare = None if m else _BARE_NUMBER.match(t)
        if not bare:
            return False
        start = bare.end()
    if t[-1] in ".;:,!?" or ends_mid_sentence(t):
        return False
    rest = t[start:].strip(" .-–")
    return _titles_in_sentence_case(rest) and not _RUN_IN.search(rest)


def unnumbered_title(text: str) -> bool:
    """True for 'Moral rights': one to five words in sentence case, without a number, a verb or an ending."""
    t = text.strip()
    if not t or t[-1] in ".;:,!?" or ends_mid_sentence(t) or match_label(t) or any(c.isdigit() for c in t):
        return False
    return len(_WORD.findall(t)) <= 5 and _titles_in_sentence_case(t) and not _RUN_IN.search(t)


def sentence_case_title(text: str) -> bool:
    """True for '5. Your personal data' or 'Moral rights': a section title in sentence case, numbered or not."""
    return numbered_title(text) or unnumbered_title(text)


def titles_its_paragraph(text: str, next_text: str) -> bool:
    """True for '5. Your personal data' or 'Moral rights' followed by an unnumbered sentence: a section title
    in sentence case (as a DOCX or PDF shows it, on a line of its own), not a clause of its own."""
    following = next_text.strip()
    return following[:1].isupper() and match_label(following) is None and ends_sentence(following) and sentence_case_title(text)


def titles_its_subsections(text: str, next_text: str) -> bool:
    """True for '5. Withdrawal and deletion' followed by '5.1 ...': a heading in sentence case, which
    the next line's sub-number shows is a section title and not a short clause or a list item."""
    m, n = match_label(text.strip()), match_label(next_text.strip())
    if not m or not n or not m.group("num") or not n.group("dotted") or not n.group("dotted").startswith(m.group("num") + "."):
        return False
    rest = text.strip()[m.end():].strip(" .-–:")
    return _titles_in_sentence_case(rest) and rest[-1] not in ".;:,"
