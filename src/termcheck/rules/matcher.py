"""Matching one rule's triggers in one clause: polarity, who holds the right, context (negation scope: negation.py)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Callable, Iterator, Optional

from termcheck.models import Document, Segment
from termcheck.numbering import TICK_BOX, TICK_MARKS, YES_NO_BOXES
from termcheck.parties import COUNTERPARTY_WORDS, PERFORMER_NAME, PERFORMER_WORDS
from termcheck.rules.model import CompiledRule, CompiledTrigger, CueSpan
from termcheck.rules.negation import CONTRAST_WORDS, MAY_NOT_OBJECT_FR, NEG_CUE, is_negated, negated_in_gap, refused_by_row_label
from termcheck.rules.precompiled import code_regex

_PARTY_WORDS = rf"\b(?:{PERFORMER_WORDS}|{COUNTERPARTY_WORDS})\b"
# ... not a word that names the recordings: "The Talent Data may be sold", "Performer Content"
_PARTY_MENTION = code_regex(
    _PARTY_WORDS + r"(?!['’]s)(?!\s+(?:data|recordings?|materials?|content|images?|files?|assets|footage|photos?|photographs?"
    r"|videos?|samples?|clips?|captures?|scans?|likeness|deliverables?|works?|submissions?)\b)"
)
_PARTY_OR_POSSESSIVE = code_regex(_PARTY_WORDS)
_GRANT_VERB = code_regex(
    r"\b(?:grants?|granted|granting|gives?|giving|licen[cs]es?\s+to|authori[sz]es?|permits?|allows?|confers?|conveys?|assigns?\s+to|transfers?\s+to"
    r"|accorde|concède|cède|autorise|consent(?:s)?\s+to)\b"
)
_PERMISSION_WORDS = (
    r"(?:may|can|could|might|shall\s+(?:be\s+entitled|have\s+the\s+right)|is\s+entitled|are\s+entitled"
    # "has the right", "has the Withdrawal Right" (a defined right), "has the exclusive right"
    r"|will\s+be\s+entitled|(?:has|have|keeps?)\s+the\s+(?:[\w-]+\s+){0,2}?rights?\b|is\s+free|are\s+free|retains?|owns?|reserves?"
    r"|pourra|pourront|peut|peuvent|a\s+le\s+droit|ont\s+le\s+droit|est\s+libre|sont\s+libres)\b"
)
_PERMISSION = code_regex(r"^\s*(?:\w+\s+){0,2}?" + _PERMISSION_WORDS)
# A prohibition's subject holds what the prohibition excepts: "The Performer will not share them with
# anyone other than the Producer" (read for triggers that ignore negation, which match such exceptions).
_PERMISSION_OR_BAN = code_regex(
    r"^\s*(?:\w+\s+){0,2}?(?:" + _PERMISSION_WORDS + r"|(?:will|shall|must)\s+not\b|agrees?\s+not\s+to\b|undertakes?\s+not\s+to\b)"
)
_PERMISSION_NEXT = code_regex(r"^\s*" + _PERMISSION_WORDS)  # the permission right after the party
# A party that may not object holds nothing of what it may not object to: "The Performer shall not object to any
# sale of the Recordings", « L'Artiste ne pourra pas s'opposer à la cession de l'Enregistrement à des tiers »
_NO_OBJECTION = code_regex(
    r"^\s*(?:\w+\s+){0,2}?(?:(?:(?:shall|will|may|must|can)\s+not|cannot)\s+(?:object|oppose|contest|challenge)\b|" + MAY_NOT_OBJECT_FR + ")"
)
# ... or in the party's second predicate: "Creator keeps all other rights in the Dance and may license it
# to anyone else" (a predicate of its own words, with no other party named in it)
_SECOND_PREDICATE = code_regex(r"\s+(?:keeps?|retains?|owns?|holds?|reserves?)\s+[^,;.]{0,60}?\band\s+(?=(?:also\s+)?" + _PERMISSION_WORDS + ")")
# "Although the Performer may end the Agreement, the licence ... is irrevocable": a leading subordinate
# clause's party is not the main clause's.
_LEADING_SUBORDINATE = code_regex(
    r"^\W*(?:\d[\d.]*\s+)?(?:although|though|even\s+though|even\s+if|while|whilst|whereas|bien\s+que|même\s+si)\b[^,;]*,"
)
# "Users who added it before you removed it may continue ...": a party right after a subordinator, with
# its own verb before the "may", is the subject of the subordinate clause, not of the "may".
_SUBORDINATE_SUBJECT = code_regex(
    r"\b(?:before|after|once|until|unless|since|because|when|whenever|if|that)\s+(?:the\s+)?$"
    # « ne pourra pas s'opposer à ce que le Producteur cède ... »: the que-clause's own subject does it
    r"|\bque\s+(?:le\s+|la\s+|l['’])?$|\bqu['’]$"
)
# "create digital background performers and may use them": a made or other performer is not the party
# ... nor a "voice model" or a "language model", which is software, not the photographer's model
_NOT_THE_PARTY = code_regex(
    r"\b(?:digital|synthetic|virtual|ai|ai-generated|computer-generated|other|fellow|voice|speech|language|learning|trained"
    r"|generative|foundation|acoustic|3d"
    # models a company builds: "may build models and may share the Data", "train robot control models",
    # "will use the scans to train its sizing model and may license the scans"
    r"|train|trains|training|build|builds|building|improve|improves|evaluate|evaluates|fine-tune|fine-tunes|robot|control"
    r"|recognition|detection|prediction|statistical|machine)\s+(?:[\w-]+\s+){0,2}$"
    # ... nor the one a thing is of: "The Commercial and any footage of the Performer may not be used in any other commercial"
    r"|\b(?:of|featuring|showing|depicting)\s+(?:the\s+)?$"
)
# "Nothing prevents the Performer from licensing her voice to others": the one kept from doing it holds it
_KEPT_FROM = code_regex(
    r"\b(?:prevents?|restricts?|stops?|precludes?|prohibits?|bars?|limits?|empêche|empêchent|interdit)\s+"
    r"(?:the\s+|l['’]\s*|le\s+|la\s+)?([\w'’-]+)\s+(?:from|de|d['’])\s*(?:\w+\s+)?$"
)
# A sentence whose subject is a party's own right or pay: "The Performer's right to be paid royalties has no end date"
_POSSESSED_RIGHT = code_regex(
    r"^\W*(?:the\s+|l['’]\s*)?([\w-]+)['’]s?\s+(?:own\s+)?(?:right|rights|entitlement|royalty|royalties|share|fee|fees|payment|payments|remuneration|licen[cs]es?\s+to)\b"
)
# A ticked box among a form's boxes (TICK_BOX): "[X] In perpetuity  [ ] 1 year", "☐ In perpetuity ☒ 1 year" (text is lower-cased).
_CHECKED = code_regex(f"[{TICK_MARKS}]")
_YES_OPTION = code_regex(r"\b(?:yes|oui)$")  # a match that ends in a form's yes option ("credit: [ ] yes")
_BOX_REACH = 600  # how far around an option the form's other boxes are looked for
_COORDINATED = code_regex(r"^[\s,]*(?:or|and|nor|ou|et|ni)?[\s,]*$")
# (whole words only: the "a" of "the Actor" is not an article)
_FILLERS = code_regex(r"^(?:\s|,|(?:hereby|irrevocably|unconditionally|expressly|to|unto|the|a|an|its|their|his|her|au|à|aux|le|la|les)\b|l['’])*")


@dataclass
class Hit:
    """One trigger match that survived its conditions, with the effect it has on the check."""

    rule: str
    effect: str  # flag | protects | grant | weaken | refuse | value
    start: int  # matched words, offsets in Document.text
    end: int
    sentence: tuple[int, int]
    segment: int
    message: Optional[str] = None
    value: Optional[str] = None
    cancelled_by_term: bool = False
    via: Optional[str] = None  # the defined term the match came through
    trigger: int = 0  # index of the trigger in its rule (earlier triggers are stronger evidence)
    negated: bool = False  # a flag that counts even negated ("shall not train AI") was negated here
    via_span: Optional[tuple[int, int]] = None  # the definition a match through a defined term stands for
    unchosen: bool = False  # a mention in a form's option whose box is left empty


# a cited section number, or a range of them ("Sections 5, 8-9, 11-15")
_SECTION_NUMBER = code_regex(r"\b(\d+(?:\.\d+)*)(?:\s*[-–]\s*(\d+)\b(?!\.\d))?")
# where a clause of its own begins: ", but", ", however", « , mais », a semicolon
_CONTRAST = code_regex(rf",\s*(?:{CONTRAST_WORDS})\b|;")
# A relative clause with a subject of its own: "You may share your voice clone in the Library, where other users can
# generate speech with it" (the users' doing, not the "you" that may share)
_RELATIVE = code_regex(r",\s*(?:where|wherein|whereby|in\s+which|through\s+which|on\s+which|via\s+which|où)\s+")
# the adverbs a match may open on before its grant verb: "[hereby irrevocably assigns to ...]"
_OPENING_ADVERBS = code_regex(r"(?:(?:hereby|irrevocably|unconditionally|absolutely|expressly|also|and)\s+)*")


def _grantee(after: str) -> Optional[str]:
    """The first word after a grant verb, past fillers ("hereby", "to", "the"): whom it grants to."""
    fillers = _FILLERS.match(after)
    word = re.match(r"voice\s+(?:actor|artist|talent|owner)s?\b|[\w'’-]+", after[fillers.end():] if fillers else after, re.IGNORECASE)
    return word.group() if word else None


def holder(lower: str, s_start: int, m_start: int, excepted: bool = False) -> Optional[str]:
    """Who holds the right a match speaks of: 'performer', 'counterparty' or None (not said); with excepted,
    the match is an exception to a prohibition, held by the prohibition's subject."""
    pre = lower[s_start:m_start]
    ahead = lower[s_start:m_start + 40]
    kept = _KEPT_FROM.search(pre)
    if kept:
        return "performer" if PERFORMER_NAME.match(kept.group(1)) else "counterparty"
    # (read a little past the match: "The Performer's right to use ... survives" may be the match itself)
    owned = _POSSESSED_RIGHT.match(ahead)
    if owned and not _PARTY_OR_POSSESSIVE.search(pre, owned.end()):
        return "performer" if PERFORMER_NAME.match(owned.group(1)) else "counterparty"
    # "The licence you give the Foundation is perpetual, but you may withdraw ...": a grant before a
    # contrast belongs to the clause before it
    contrast = list(_CONTRAST.finditer(pre))
    grants = list(_GRANT_VERB.finditer(pre, contrast[-1].end() if contrast else 0))
    if grants:
        word = _grantee(pre[grants[-1].end():])
        if word:
            return "performer" if PERFORMER_NAME.match(word) else "counterparty"
    # ... or the match opens on the grant to a party: "[grants the Artist an irrevocable] licence to use
    # stills" (not "[permit others to use]", where others are whom the subject lets in)
    # ("[hereby assigns to the Performer all] copyright": past the adverbs before the verb)
    adverbs = _OPENING_ADVERBS.match(lower, m_start)
    opening = _GRANT_VERB.match(lower, adverbs.end() if adverbs else m_start)
    if opening:
        word = _grantee(lower[opening.end():opening.end() + 60])
        if word and _PARTY_OR_POSSESSIVE.fullmatch(word):
            return "performer" if PERFORMER_NAME.match(word) else "counterparty"
    # Without a grant verb, the holder is a party that "may", "can" or "has the right to" do it.
    subordinate = _LEADING_SUBORDINATE.match(pre)
    permission = _PERMISSION_OR_BAN if excepted else _PERMISSION
    # ... and "Contributor may remove Footage, but existing licences continue in perpetuity": the party
    # that may do something before a contrast does not hold what the clause after it says
    relative = list(_RELATIVE.finditer(pre))
    begin = max(subordinate.end() if subordinate else 0, contrast[-1].end() if contrast else 0, relative[-1].end() if relative else 0)
    for m in reversed(list(_PARTY_MENTION.finditer(pre, begin))):
        subordinate_subject = _SUBORDINATE_SUBJECT.search(pre, max(0, m.start() - 12), m.start()) is not None
        if subordinate_subject and not pre[m.end():].strip():
            # "We retain your recordings until you ask us to delete them": the clause's own subject does it
            return "performer" if PERFORMER_NAME.match(m.group()) else "counterparty"
        second = _SECOND_PREDICATE.match(ahead, m.end())
        if second and _PARTY_OR_POSSESSIVE.search(ahead, m.end(), second.end()):
            second = None
        if permission.match(ahead[second.end() if second else m.end():]):
            if _NOT_THE_PARTY.search(pre, max(0, m.start() - 40), m.start()) or _NO_OBJECTION.match(ahead[m.end():]):
                continue
            if subordinate_subject and not _PERMISSION_NEXT.match(ahead[m.end():]):
                continue
            return "performer" if PERFORMER_NAME.match(m.group()) else "counterparty"
    return None


@dataclass
class DefinedTerms:
    """Uses of defined terms whose definitions carry a trigger, and which triggers each carries."""

    uses: list[tuple[int, str]]  # (offset in the text, lower-cased term), in text order
    carriers: dict[str, frozenset[tuple[str, int]]]  # term -> (rule id, trigger index)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # term -> its definition's span in the text


@dataclass
class ClauseContext:
    """A clause with what surrounds it: the lead-in it completes or the items that complete it."""

    segment: Segment
    index: int
    text: str  # lower-cased clause text
    context: str  # lower-cased lead-in + clause + items + nearest heading
    lead_negated: bool = False  # the clause completes a lead-in that forbids ("The Company shall not:")
    # The document's defined terms (a pattern) and their definitions, for `meanings`; None in a definition.
    glossary: Optional[tuple[Optional["re.Pattern[str]"], dict[str, str]]] = None
    # the run of paragraphs with the clause's section number (a PDF may break a numbered clause into
    # paragraphs at a column's end), read only by a trigger whose requires reach the clause
    section_of: Optional[Callable[[], str]] = None
    # where the clauses that speak of this one start and end: those numbered under the same top-level
    # section (3.1, 3.2 ... of clause 3) and those elsewhere that name its number ("4.1 Any sublicence
    # under clause 3.1 requires the Performer's consent"), read only by a rule's unless_in_clause
    related_of: Optional[Callable[[], tuple[tuple[int, int], ...]]] = None
    document: str = ""  # the whole lower-cased text, read only by a trigger whose requires reach the document
    # ... before the recordings' own names were marked ('the "Sessions"', recordings.py): where the glossary's
    # terms are found (empty: as the text the rules read)
    unmarked: str = ""
    # the document's section numbers and their lower-cased titles ("1" -> "grant"), built when first asked for
    section_titles: Optional[Callable[[], dict[str, str]]] = None
    # what those requires found in the document, shared by all its clauses (one search per pattern, not per clause)
    document_found: dict[tuple[int, int, int], bool] = field(default_factory=dict)

    @cached_property
    def section_text(self) -> str:
        """Lower-cased text of the clause's numbered section, or the clause's own text."""
        return self.section_of() if self.section_of is not None else self.text

    def in_related(self, pattern: "re.Pattern[str]") -> bool:
        """Whether the pattern is in the clauses that speak of this one (see related_of): each span is
        searched once, however many clauses ask (a long section has many)."""
        return self.related_of is not None and any(self._found(pattern, start, end) for start, end in self.related_of())

    def reaches(self, pattern: "re.Pattern[str]", scope: str) -> bool:
        """Whether a trigger's requires are met beyond its sentence: in the clause's section, in the clauses
        that speak of it, or in the document."""
        if scope == "document":
            return self._found(pattern, 0, len(self.document))
        if scope == "related":
            return self.in_related(pattern)
        return pattern.search(self.section_text) is not None

    def _found(self, pattern: "re.Pattern[str]", start: int, end: int) -> bool:
        """Whether the pattern is in the document between start and end, searched once for all clauses."""
        key = (id(pattern), start, end)
        if key not in self.document_found:
            self.document_found[key] = pattern.search(self.document, start, end) is not None
        return self.document_found[key]

    @cached_property
    def has_choice(self) -> bool:
        """Whether the clause asks for one of the options it lists (only then can a match be an option not chosen)."""
        return _CHOICE_ASKED.search(self.text) is not None

    @cached_property
    def has_boxes(self) -> bool:
        """Whether the clause holds a form's tick box (only then can a match be an unchosen option)."""
        return TICK_BOX.search(self.text) is not None

    def _terms_in(self, lower: str, start: int, end: int) -> "Iterator[re.Match[str]]":
        """The defined terms used between start and end of the document (none where the clause has no glossary)."""
        terms = self.glossary[0] if self.glossary is not None else None
        return terms.finditer(self.unmarked or lower, start, end) if terms is not None else iter(())

    def _said_of(self, term: str) -> str:
        """What the definition says of a term, not the quoted term's own words ('"Permitted Users"' holds
        "users"); an inline definition keeps its words: 'its customers ("Customers")'."""
        meaning = self.glossary[1] if self.glossary is not None else {}
        return _quoted_term(term).sub(" ", meaning[term])

    @cached_property
    def meanings(self) -> str:
        """Lower-cased definitions of the defined terms the clause uses (read only by triggers that ask)."""
        meaning = self.glossary[1] if self.glossary is not None else {}
        seg = self.segment
        used = self._terms_in(self.document, seg.start, seg.end) if self.document else self._terms_in(self.text, 0, len(self.text))
        return "\n".join(dict.fromkeys(meaning[m.group()] for m in used))

    def term_within_means(self, lower: str, start: int, end: int, pattern: "re.Pattern[str]") -> bool:
        """Whether a defined term used between start and end has a definition pattern matches."""
        return any(pattern.search(self._said_of(m.group())) for m in self._terms_in(lower, start, end))

    def term_at_means(self, lower: str, at: int, pattern: "re.Pattern[str]") -> bool:
        """Whether the defined term that offset at falls in, if any, has a definition pattern matches
        (True where no defined term covers it)."""
        seg = self.segment
        for m in self._terms_in(lower, max(seg.start, at - _TERM_REACH), min(seg.end, at + 1 + _TERM_REACH)):
            if m.start() <= at < m.end():
                return pattern.search(self._said_of(m.group())) is not None
        return True

    def cites_section_titled(self, cited: str, pattern: "re.Pattern[str]") -> bool:
        """Whether a section that text cites by number ("Clauses 1 and 4") has a title pattern matches
        (a subsection without a title of its own takes its parent's: "2.1" reads "2")."""
        titles = self.section_titles() if self.section_titles is not None else {}
        numbers: list[str] = []
        for first, last in _SECTION_NUMBER.findall(cited):
            if last and first.isdigit() and 0 < int(last) - int(first) <= 50:
                numbers += [str(n) for n in range(int(first), int(last) + 1)]
            else:
                numbers.append(first)
        for number in numbers:
            parts = number.rstrip(".").split(".")
            title = next((titles[".".join(parts[:k])] for k in range(len(parts), 0, -1) if ".".join(parts[:k]) in titles), "")
            if pattern.search(title):
                return True
        return False

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Where each of the segment's sentences starts (read once per clause, by every rule)."""
        return [a for a, _ in self.segment.sentences]


def option_state(lower: str, a: int, b: int, sentence: tuple[int, int]) -> Optional[str]:
    """Whether the match is an option of a form: "ticked", "unticked" (its box is empty while another box
    of the same group is ticked: not chosen), "blank" (no box of the group is ticked: the form decides
    nothing, and is read as the worst it allows), or None when it has no box. A field answered by yes/no
    boxes after the match is no option: it is a statement, said yes to or no to (rules/negation.py reads
    the no); a match that holds the "yes" itself ("Credit: [ ] Yes") is the option. Its own box is in its
    sentence: "... in perpetuity. Use of clips in ads: [ ] Yes [X] No" is another field's."""
    if YES_NO_BOXES.match(lower, b):
        return None
    line_start = lower.rfind("\n", 0, a) + 1
    line_end = lower.find("\n", a)
    line_end = len(lower) if line_end < 0 else line_end
    # The match's own box: the last one before it on its line, or the first after it ("| Perpetual | [ ] |").
    boxes_before = list(TICK_BOX.finditer(lower, max(line_start, sentence[0]), a))
    own = boxes_before[-1] if boxes_before else TICK_BOX.search(lower, a, min(line_end, sentence[1]))
    if own is None:
        return None
    if _CHECKED.search(own.group()):
        return "ticked"
    # The group: this paragraph of options (lines up to a blank line), within reach ...
    start = max(lower.rfind("\n\n", max(0, a - _BOX_REACH), a) + 1, a - _BOX_REACH, 0)
    end = lower.find("\n\n", a, a + _BOX_REACH)
    end = a + _BOX_REACH if end < 0 else end
    if any(_CHECKED.search(m.group()) for m in TICK_BOX.finditer(lower, start, min(end, len(lower)))):
        return "unticked"
    # ... or the run of lines with a box each, across blank lines: a table's rows and a DOCX form's
    # options are paragraphs of their own.
    above = lower[max(0, line_start - _BOX_REACH):line_start].split("\n")[::-1]
    below = lower[line_end:line_end + _BOX_REACH].split("\n")
    return "unticked" if _ticked_in_run(above) or _ticked_in_run(below) else "blank"


# A form's options on one line with a choice asked for ("Licence period (choose one): 1 year / 2 years / buyout in
# perpetuity") and the answer on a line of its own below ("Chosen: 1 year")
_CHOICE_ASKED = code_regex(r"\((?:choose|select|circle|tick|pick)\s+one\)|\b(?:choose|select|circle|tick|pick)\s+one\s*:")
_CHOSEN = code_regex(r"(?m)^[ \t]*(?:chosen|selected|choice|option\s+chosen|selected\s+option|agreed\s+option)[ \t]*:[ \t]*(?P<answer>[^\n]+)")
_OPTION_SEPARATOR = code_regex(r"\s(?:/|\||or)\s|;")
_CHOSEN_REACH = 300  # characters below the options where the answer is looked for


def choice_state(lower: str, a: int, b: int) -> Optional[str]:
    """Whether the match is one of a line's options with the choice written below it: "ticked" (it is the option
    chosen), "unticked" (another is), or None (no such options, or no answer: read as the worst they allow)."""
    line_start = lower.rfind("\n", 0, a) + 1
    line_end = lower.find("\n", b)
    line_end = len(lower) if line_end < 0 else line_end
    asked = _CHOICE_ASKED.search(lower, line_start, line_end)
    if asked is None or a < asked.end():
        return None
    chosen = _CHOSEN.search(lower, line_end, line_end + _CHOSEN_REACH)
    if chosen is None:
        return None
    answer = chosen.group("answer").strip(" .")
    options = lower[asked.end():line_end].lstrip(" :")
    listed = _OPTION_SEPARATOR.split(options)
    if answer not in (option.strip(" .") for option in listed):
        return None  # an answer that is none of the options ("see schedule") chooses none of them
    start = line_end - len(options)
    for option in listed:
        at = lower.find(option, start, line_end)
        if at < 0:
            return None
        start = at + len(option)
        if at <= a < start:
            return "ticked" if option.strip(" .") == answer else "unticked"
    return None


def _ticked_in_run(lines: list[str]) -> bool:
    """Whether the lines, read outwards from an option, tick a box before a line without one."""
    for line in lines:
        if not line.strip():
            continue
        boxes = [m.group() for m in TICK_BOX.finditer(line)]
        if not boxes:
            return False
        if any(_CHECKED.search(b) for b in boxes):
            return True
    return False


def _context_allows(trig: CompiledTrigger, sentence: str, clause: ClauseContext) -> bool:
    """Whether the trigger's requires and near are met by the sentence, its clause's context or, for a
    trigger that asks, the definitions of the terms the clause uses (or, for requires, the whole clause
    or the whole document)."""
    for pattern in (trig.requires, trig.near):
        if pattern is not None and not (
            pattern.search(sentence) or pattern.search(clause.context)
            or (trig.requires_via_definitions and pattern.search(clause.meanings))
            or (pattern is trig.requires and trig.requires_reach != "sentence" and clause.reaches(pattern, trig.requires_reach))
        ):
            return False
    return True


def _in_text(pattern: Optional["re.Pattern[str]"], text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None


def match_clause(
    rule: CompiledRule,
    doc: Document,
    lower: str,
    clause: ClauseContext,
    definitions: DefinedTerms,
    active: Optional[dict[int, list[CueSpan]]] = None,
) -> list[Hit]:
    """Every surviving hit of the rule in one clause, sentence by sentence.

    active maps the triggers to run to the offsets of their cues in this clause: a trigger is tried
    only on the sentences that hold one of its cues (an empty list: on every sentence).
    """
    if active is None:
        active = {i: [] for i in range(len(rule.triggers))}
    hits: list[Hit] = []
    seg = clause.segment
    sentence_starts = clause.sentence_starts
    by_sentence: dict[int, list[tuple[CompiledTrigger, int, int, Optional[str]]]] = {}

    def row_refused(a: int) -> bool:
        """A table row whose first cell refuses what it lists ("| Not permitted | ... |") negates the rest."""
        return seg.zone == "table" and refused_by_row_label(lower, seg.start, a)

    def place(trig: CompiledTrigger, a: int, b: int, via: Optional[str]) -> None:
        k = bisect_right(sentence_starts, a) - 1
        if k >= 0 and b <= seg.sentences[k][1]:
            by_sentence.setdefault(k, []).append((trig, a, b, via))

    for t_index, cues in active.items():
        trig = rule.triggers[t_index]
        spans = _windows(seg, sentence_starts, cues) if cues else list(seg.sentences)
        for s_start, s_end in spans:
            for m in trig.pattern.finditer(lower, s_start, s_end):
                a = m.start() if m.end() - m.start() <= _LONG_MATCH else _latest_start(trig.pattern, lower, m.start(), m.end())
                place(trig, a, m.end(), None)
        if trig.via_definitions and definitions.uses:
            k = bisect_left(definitions.uses, (seg.start, ""))
            while k < len(definitions.uses) and definitions.uses[k][0] < seg.end:
                a, term = definitions.uses[k]
                if (rule.id, t_index) in definitions.carriers.get(term, ()):
                    place(trig, a, a + len(term), term)
                k += 1
    if not by_sentence:
        return hits
    # The clause's own words speak of what its run-in title names, in words that would count if
    # nothing cancelled them ("3. Sublicensing. Any sublicence requires the Performer's consent").
    body_speaks = False
    group_cancelled = _in_text(rule.unless_context, clause.context)
    clause_cancelled = (rule.unless_in_clause is not None and (
        rule.unless_in_clause.search(clause.text) is not None or clause.in_related(rule.unless_in_clause)
    )) or (rule.unless_in_document is not None and clause.reaches(rule.unless_in_document, "document"))
    # A limit often follows in the next sentence ("You may withdraw ... Withdrawal shall not
    # affect models already trained.") or the next numbered clause ("4.1 You may ask us to delete ...
    # 4.2 Deleting your account does not affect recordings already submitted"): weakening reads the
    # whole clause and the clauses that speak of it.
    weak: Optional[bool] = None  # read when a grant needs it: most clauses have none
    for k in sorted(by_sentence):
        s_start, s_end = seg.sentences[k]
        sentence = lower[s_start:s_end]
        found = by_sentence[k]
        # Matches whose negation is their phrase's own ("not revocable"): that word negates nothing else.
        # A gap that merely spans a negation ("licence does not include the right to authorise others")
        # does not make it the phrase's own.
        compound = [
            (a, b) for t, a, b, _ in found
            if t.effect == "flag" and NEG_CUE.search(lower[a:b]) and t.negating is not None and t.negating.match(lower, a, b)
        ]
        unless = _in_text(rule.unless, sentence)
        # "during the Term" limits a grant, unless the Term is the defined term the hit was read through
        # ('"Term" means ... continuing in perpetuity'): then it is the very thing that has no end.
        unless_context = _in_text(rule.unless_context, sentence)
        hollow = _in_text(rule.hollowed_by, sentence)
        found.sort(key=lambda f: f[1])
        sentence_hits: list[Hit] = []
        negations: list[tuple[int, bool]] = []  # (end, negated) of the matches seen so far
        # a trigger's requires and near, and whether its unless cancels it, read once per sentence
        context_ok: dict[int, tuple[bool, bool]] = {}
        for trig, a, b, via in found:
            if clause.has_boxes:
                option = option_state(lower, a, b, (s_start, s_end))
            else:
                option = choice_state(lower, a, b) if clause.has_choice else None
            # (a blank form is read as the worst it allows: its "Credit: [ ] Yes [ ] No" grants nothing; but a
            # consent form's statements with a box each to initial still say what the form promises)
            unchosen = option == "unticked" or (option == "blank" and trig.effect == "grant" and _YES_OPTION.search(lower, a, b) is not None)
            # An option left unticked was not chosen; but for a mention check (AI use) the form still
            # names it, so it is reported like a prohibition: shown, raising nothing.
            if unchosen and not (trig.negation == "mention" and trig.effect == "flag"):
                continue
            if id(trig) not in context_ok:
                # a run-in title reads with the sentence right after it: "5. Compensation. USD 300 on completion."
                titled = lower[seg.start:seg.title_end] + " " + sentence if seg.title_end > seg.start and 0 <= s_start - seg.title_end <= 2 else sentence
                context_ok[id(trig)] = (_context_allows(trig, titled, clause), _in_text(trig.unless, clause.text if trig.unless_reads_clause else sentence))
            allowed, cancelled = context_ok[id(trig)]
            if not allowed:
                continue
            if trig.defined_terms_mean is not None and not clause.term_at_means(lower, a, trig.defined_terms_mean):
                continue
            if trig.cited_sections_titled is not None and not clause.cites_section_titled(lower[a:b], trig.cited_sections_titled):
                continue
            body_speaks = body_speaks or a >= seg.title_end
            if cancelled:
                continue
            if (
                rule.unless_terms_mean is not None and trig.effect in ("flag", "grant", "value")
                and clause.term_within_means(lower, a, b, rule.unless_terms_mean)
            ):
                continue
            effect = trig.effect
            if effect in ("flag", "grant", "refuse") and trig.party != "any":
                who = holder(lower, s_start, a, excepted=trig.negation == "ignore")
                if trig.party == "counterparty" and who == "performer":
                    continue
                if trig.party == "performer" and who == "counterparty":
                    continue
            negated_mention = False
            # "mention": the match counts negated or not, and a negated one is reported as a prohibition
            if trig.negation == "mention" and effect == "flag":
                negated_mention = unchosen or (is_negated(lower, s_start, a, b, [], seg.start) or row_refused(a)) != clause.lead_negated
            if trig.negation not in ("ignore", "mention"):
                own = [(x, y) for x, y in compound if not (x <= a and b <= y)]
                # "is not perpetual or irrevocable": a coordinated match shares the negation of the one before.
                prev = next((n for e, n in reversed(negations) if e <= a and _COORDINATED.match(lower[e:a])), None)
                negated = prev if prev is not None else is_negated(lower, s_start, a, b, own, seg.start) or row_refused(a)
                if not negated and effect in ("flag", "grant") and negated_in_gap(lower[a:b], trig.negating):
                    negated = True
                negations.append((b, negated))
                # "The Company shall not: (a) sublicense ...": the lead-in's prohibition covers the item.
                negated = negated != clause.lead_negated
                if negated:
                    if trig.negation == "skip":
                        continue
                    # (a refusal inverts only when its trigger asks: "Use in other projects: [ ] Yes [X] No" limits the uses)
                    effect = {"flag": "protects", "grant": "refuse", "refuse": "grant"}.get(effect, effect)
            if trig.effect in ("flag", "grant", "value") and (unless or clause_cancelled or ((unless_context or group_cancelled) and via is None)) and not trig.settles:
                continue
            if effect == "grant" and hollow:
                effect = "refuse"
            # a protection with conditions, or a red flag that lets go ("owns the Narration for the Licence
            # Period ... ownership reverts to the Artist")
            elif effect == "grant" or (effect == "flag" and rule.kind == "red_flag" and rule.weakened_by is not None):
                if weak is None:
                    weak = _in_text(rule.weakened_by, clause.text) or (rule.weakened_by is not None and clause.in_related(rule.weakened_by))
                if weak:
                    effect = "weaken"
            sentence_hits.append(
                Hit(rule.id, effect, a, b, (s_start, s_end), clause.index, trig.message, trig.value, trig.cancelled_by_term,
                    via, rule.triggers.index(trig), negated_mention, definitions.spans.get(via) if via else None, unchosen)
            )
        settled = [h for h in sentence_hits if h.effect in ("grant", "refuse") and rule.triggers[h.trigger].settles]
        if settled:
            sentence_hits = settled
        # "waive the right to revoke": a grant inside a refusal is the refusal, not a grant (a fallback
        # refusal shares its words with a grant by design, and takes nothing from it).
        refusals = [(h.start, h.end) for h in sentence_hits if h.effect == "refuse" and not rule.triggers[h.trigger].fallback]
        hits.extend(
            h for h in sentence_hits
            if not (h.effect in ("grant", "weaken") and any(x < h.end and h.start < y for x, y in refusals))
        )
    # "3. Sublicensing. The Company shall not sublicense ...": a run-in title names the subject; when
    # the clause itself speaks of it, the clause says what happens (a title alone still counts).
    if any(h.end <= seg.title_end for h in hits):
        if body_speaks or _EMPTY_BODY.match(lower, seg.title_end, seg.end):
            # "3. Royalties. Not applicable.": a title over an empty answer grants nothing
            hits = [h for h in hits if h.start >= seg.title_end]
    return hits


def title_is_answered(rule: CompiledRule, lower: str, first: Segment, last: Segment) -> bool:
    """Whether the clauses under a heading (first to last) speak for themselves of what it names, or
    answer it with nothing or no ("SUBLICENSING" over "Not permitted."), or set it aside ("Notwithstanding
    the heading above, the licence lasts two years")."""
    if _EMPTY_BODY.match(lower, first.start, first.end) or _OF_HEADINGS.search(lower, first.start, first.end):
        return True
    return any(t.pattern.search(lower, first.start, last.end) for t in rule.triggers)


_OF_HEADINGS = code_regex(r"\b(?:heading|headings|caption|captions)\b")
# A clause body that answers nothing, or no: "Not applicable.", "N/A", "None.", "[Reserved]", "Not permitted."
_EMPTY_BODY = code_regex(
    r"\W*(?:not\s+applicable|n/?a|none|nil|no|not\s+used|\[?reserved\]?|deleted|omitted"
    # ... or an answer that refuses what the title names: "3. Sublicensing. Not permitted."
    r"|(?:strictly\s+)?(?:not\s+(?:permitted|allowed|granted|included|offered|available|authori[sz]ed)|prohibited|forbidden|excluded)"
    r"|non|interdit|interdite|exclu|exclue|non\s+autorisée?"
    r"|intentionally\s+(?:left\s+blank|omitted|deleted)|sans\s+objet|néant)\W*$"
)
_TERM_REACH = 60  # characters: the longest defined term looked for around a match's first word
_LONG_MATCH = 80  # characters: a match this long may have started at an earlier, unrelated word


@lru_cache(maxsize=256)
def _quoted_term(term: str) -> "re.Pattern[str]":
    """The term as its definition quotes it ('"permitted users"', « (customers) »)."""
    return re.compile(r"[\"“”'‘’(«]\s*" + re.escape(term) + r"\s*[\"“”'‘’)»]")


def _latest_start(pattern: "re.Pattern[str]", lower: str, start: int, end: int) -> int:
    """Where the tightest match ending at end starts: the leftmost match of "licence ~14 irrevocable" in
    "to the extent not granted under the License Agreement, FCE grants ... irrevocable" starts at
    "License", whose "not" is not the grant's; "grants ... irrevocable" is the clause that counts."""
    best = start
    while True:
        m = pattern.search(lower, best + 1, end)
        if m is None or m.end() != end:
            return best
        best = m.start()


def _windows(seg: Segment, sentence_starts: list[int], cues: list[CueSpan]) -> list[tuple[int, int]]:
    """The stretches of the clause to scan: around each cue as far as a match holding it can reach,
    inside its sentence, merged.

    A match holds one of its trigger's cues, so text outside every cue's stretch cannot hold a match.
    """
    stretches = []
    for o, before, after in cues:
        k = bisect_right(sentence_starts, o) - 1
        if k >= 0:
            s_start, s_end = seg.sentences[k]
            stretches.append((max(s_start, o - before), min(s_end, o + after), k))
    spans: list[tuple[int, int]] = []
    last = -1
    for a, b, k in sorted(stretches):
        if spans and k == last and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], b))
        else:
            spans.append((a, b))
        last = k
    return spans
