"""Matching one rule's triggers in one clause: negation, polarity, who holds the right, context."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Optional

from termcheck.models import Document, Segment
from termcheck.rules.model import CompiledRule, CompiledTrigger

# Negation cues (NegEx-style, contract flavoured), English and French.
_NEG_CUE = re.compile(
    r"\b(?:not|no|never|none|neither|nor|cannot|can't|can’t|won't|won’t|shan't|isn't|aren't|doesn't|don't|didn't|wasn't"
    r"|without|nothing|nobody|in\s+no\s+event|under\s+no\s+circumstances?|prohibit\w*|forbid\w*|refrain\w*|preclud\w*"
    r"|ne|n['’]|pas|jamais|aucun\w*|nul|nulle|nullement|sans|ni|interdit\w*|s['’]interdit\w*|exclus?|exclues?|à\s+l['’]exclusion)\b"
)
# Phrases that contain a cue but do not negate what follows (expanders, limits, gating words).
_PSEUDO_NEG = re.compile(
    r"not\s+limited\s+to|including\s+but\s+not\s+limited|including,?\s+without\s+limitation|without\s+limitation"
    r"|without\s+limiting|no\s+later\s+than|not\s+later\s+than|not\s+less\s+than|no\s+less\s+than|no\s+more\s+than"
    r"|not\s+more\s+than|nothing\s+(?:herein|in\s+this\s+\w+)\s+shall\s+limit|not\s+only|without\s+prejudice"
    r"|whether\s+or\s+not|if\s+not|or\s+not|no\s+matter|not\s+(?:be\s+)?required\s+to\s+but"
    r"|without\s+(?:the\s+|any\s+|further\s+|prior\s+|its\s+|their\s+|his\s+|her\s+|your\s+|my\s+|our\s+|additional\s+)*"
    r"(?:written\s+|express\s+)?(?:notice|consent|approval|permission|payment|compensation|charge|cost|fee|restriction|limitation|regard|reference|need)"
    r"|sans\s+(?:que\s+cette\s+liste\s+soit\s+limitative|préjudice|limitation\s+de\s+durée|limite\s+de\s+(?:durée|temps))"
    r"|non\s+limitativement|au\s+plus\s+tard|pas\s+moins\s+de|no\s+(?:fee|cost|charge)\s+(?:to|for)"
)
# A negation does not reach across a new clause with its own verb ("..., and the Company may ...").
_SCOPE_BREAK = re.compile(
    r"[;:]|\.\s|\b(?:but|however|whereas|while|provided\s+that|except\s+that|unless|mais|toutefois|cependant)\b"
    r"|,?\s*\b(?:and|or|et|ou)\s+(?:\w+\s+){0,3}?(?:may|shall|will|can|must|agrees?|is|are|has|have|pourra|peut|doit|sera)\b"
    r"|,\s+(?:the\s+)?(?:performer|company|producer|artist|actor|talent|model|licensee|licensor|studio|client|agency|i|you|we)\b"
)
_JOINS_SUBJECTS = re.compile(r",?\s*\b(?:and|or|et|ou)\s")
_CLAUSE_VERB = re.compile(
    r"\b(?:may|shall|will|can|must|agrees?|is|are|was|were|be|has|have|grants?|pourra|peut|doit|sera|est|sont|accorde|cède)\b"
)
_NOT_VERB = re.compile(r"\b(?:shall|will|may|must|can|could|should|do|does|did)\s+not\b|\bcannot\b|\bnever\b")
# "sublicense, assign, pledge or grant as security or otherwise encumber or ": verbs and nothing else.
_VERB_LIST = re.compile(r"^(?:\s*(?:otherwise\s+)?[a-z'’-]+(?:\s+[a-z'’-]+){0,2}\s*(?:,|\bor\b|\band\b)\s*(?:or\s+|and\s+)?)+\s*$")
_NEG_SUBJECT = re.compile(r"\b(?:neither|nor|no|none)\s+(?!one\b)")
# "Nothing shall limit the right to ...", "no limit on the right to ...": the negation is of the limit.
_REQUIREMENT = re.compile(r"\b(?:requir\w*|need|needs|needed|necessary)\b")
_NEW_SUBJECT = re.compile(r",\s*(?:and|or|but)\b|\b(?:and|or|but)\s+(?:all|the|any|each|every|its|their|his|her|our|your)\b")
_UNDOES_NEGATION = re.compile(
    r"\b(?:limit|limits|limited|limiting|restrict\w*|prevent\w*|affect|affects"
    r"|prejudice\w*|impair\w*|derogat\w*|preclud\w*|exceed\w*|more\s+than|less\s+than"
    r"|reduc\w*|withh[oe]ld\w*|suspend\w*|deduct\w*|offset\w*)\b"
)
_POST_NEG = re.compile(
    r"^[^.;:]{0,40}?\b(?:is|are|shall\s+be|will\s+be|be|being)\s+(?:strictly\s+)?(?:not\s+(?:be\s+)?(?:permitted|allowed|authori[sz]ed|granted|possible|given)|prohibited|forbidden|excluded)\b"
    r"|^\W*(?:est|sont|sera|seront)\s+(?:strictement\s+)?(?:interdit|exclu|prohib)"
)
# "non-exclusive", "not transferable", "un-credited"; never the French article ("un cachet").
_PREFIX_NEG = re.compile(r"\b(?:non|not)(?:-\s?|\s)?$|\bun-$")
# A lead-in that ends in a prohibition ("The Company shall not:") negates every item that completes it.
_NEGATED_LEAD_IN = re.compile(
    r"(?:\b(?:shall|will|may|must|can|could|should|do|does|agrees?|undertakes?|is|are|be)\s+not\b"
    r"|\b(?:cannot|can['’]t|won['’]t|shan['’]t|doesn['’]t|don['’]t|never)\b"
    r"|\b(?:is|are|be)\s+(?:strictly\s+)?(?:prohibited|forbidden)\s+from\b|\brefrain\s+from\b"
    r"|\bne\s+(?:pourra|pourront|peut|peuvent|doit|doivent|devra|devront|sera|seront)\b|\bs['’]interdit\b|\bs['’]engage\s+à\s+ne\s+pas\b)"
    # ... with no new verb after it: "The Company, which is not an agent, may:" permits.
    r"(?:(?!\b(?:may|shall|will|can|must|pourra|pourront|peut|peuvent|doit)\b)[^.;:!?]){0,60}:\s*$"
    r"|\b(?:under\s+no\s+circumstances?|in\s+no\s+event|neither\s+party|no\s+party)\s+(?:may|shall|will|can)\b[^.;:!?]{0,60}:\s*$"
)

PERFORMER_WORDS = (
    r"performers?|talents?|artists?|actors?|actress(?:es)?|voice\s+actors?|models?|contributors?|participants?|licensors?"
    r"|releasors?|grantors?|creators?|influencers?|speakers?|presenters?|submitters?|submittors?|undersigned|i|me|you"
    r"|artistes?(?:-interprètes?)?|comédien(?:ne)?s?|modèles?|cédants?|concédants?|je|vous"
)
_PERFORMER = re.compile(rf"^(?:the\s+|a\s+|le\s+|la\s+|l['’])?(?:{PERFORMER_WORDS})$")
_PARTY_MENTION = re.compile(
    rf"\b(?:{PERFORMER_WORDS}|company|producers?|licensees?|client|vendor|studio|platform|releasees?|photographers?|we|us"
    r"|agency|brand|customer|distributor|publisher|société|producteur|cessionnaire|licencié|exploitant|prestataire|nous)\b"
    r"(?!['’]s)"
)
_GRANT_VERB = re.compile(
    r"\b(?:grants?|granted|granting|gives?|giving|licen[cs]es?\s+to|authori[sz]es?|permits?|allows?|confers?|conveys?|assigns?\s+to"
    r"|accorde|concède|cède|autorise|consent(?:s)?\s+to)\b"
)
_PERMISSION = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:may|can|could|might|shall\s+(?:be\s+entitled|have\s+the\s+right)|is\s+entitled|are\s+entitled"
    r"|will\s+be\s+entitled|has\s+the\s+right|have\s+the\s+right|is\s+free|are\s+free|retains?|owns?|reserves?"
    r"|pourra|pourront|peut|peuvent|a\s+le\s+droit|ont\s+le\s+droit|est\s+libre|sont\s+libres)\b"
)
_GLOBAL_NEG = re.compile(r"^(?:\W*\d[\d.]*\s+)?(?:nothing|no\s+(?:provision|term|part)\s+of|rien\s+dans|aucune\s+(?:disposition|stipulation))\b")
_PAREN = re.compile(r"\([^()]*\)")
_COORDINATED = re.compile(r"^[\s,]*(?:or|and|nor|ou|et|ni)?[\s,]*$")
_FILLERS = re.compile(r"^(?:\s|,|hereby|irrevocably|unconditionally|expressly|to|unto|the|a|an|its|their|his|her|au|à|aux|le|la|les|l['’])*")


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


def _mask(text: str, pattern: "re.Pattern[str]") -> str:
    """Replace every match of pattern with spaces (offsets unchanged)."""
    return pattern.sub(lambda m: " " * len(m.group()), text)


def is_negated(lower: str, s_start: int, m_start: int, m_end: int, masked: list[tuple[int, int]]) -> bool:
    """True when a negation cue governs the match: just before it in its clause, or right after it."""
    if _PREFIX_NEG.search(lower[max(s_start, m_start - 5):m_start]):
        return True
    pre = lower[s_start:m_start]
    chars = list(pre)
    for a, b in masked:
        for i in range(max(a, s_start), min(b, m_start)):
            chars[i - s_start] = " "
    # A parenthetical aside "(but not clause (b))" does not negate the main clause.
    pre = _mask(_mask(_mask("".join(chars), _PAREN), _PAREN), _PSEUDO_NEG)
    cut = 0
    for brk in _SCOPE_BREAK.finditer(pre):
        # "No image or recording will be sold": an "or" before any verb (since the last comma) joins
        # subjects, not clauses ("..., therefore, neither this Agreement nor any right or obligation shall be").
        since = max(cut, pre.rfind(",", cut, brk.start()) + 1)
        if _JOINS_SUBJECTS.match(brk.group()) and not _CLAUSE_VERB.search(pre, since, brk.start()):
            continue
        cut = brk.end()
    pre = pre[cut:]
    words = pre.split()
    if words and _GLOBAL_NEG.match(" ".join(words[:4])):
        # "Nothing in this Agreement shall be construed as a waiver of ...", but not "Nothing shall
        # limit the Company's right to sell ...", where the negation is of the limit.
        return not _UNDOES_NEGATION.search(pre)
    window = " ".join(words[-8:])
    cues = list(_NEG_CUE.finditer(window))
    if cues:
        after = window[cues[-1].end():]
        if _NEG_SUBJECT.match(window, cues[-1].start()) and _REQUIREMENT.search(after):
            return False  # "No consent is required to sublicense": what is negated is the requirement
        return not _UNDOES_NEGATION.search(after)
    if _far_negation(pre):
        return True
    return bool(_POST_NEG.search(lower[m_end:m_end + 80]))


def _far_negation(pre: str) -> bool:
    """A negation more than eight words back that still governs the match: a prohibition followed by a
    list of verbs ("shall not sublicense, assign, pledge or otherwise encumber or transfer"), or a negated
    subject ("neither this Agreement nor any right or obligation contained within shall be assignable")."""
    tail = pre[-240:]
    verbs = list(_NOT_VERB.finditer(tail))
    if verbs and _VERB_LIST.match(tail[verbs[-1].end():]):
        return True
    subjects = list(_NEG_SUBJECT.finditer(tail))
    if not subjects:
        return False
    rest = tail[subjects[-1].end():]
    # The match must sit in the negated subject's own predicate: "... shall be [assignable]", not
    # "no right to maintain this Agreement through payment of a [royalty]".
    return (
        len(rest.split()) <= 20 and 1 <= len(_CLAUSE_VERB.findall(rest)) <= 2 and not _UNDOES_NEGATION.search(rest)
        and not _REQUIREMENT.search(rest) and not _NEW_SUBJECT.search(rest)  # "no rights ..., and all rights belong to"
    )


def holder(lower: str, s_start: int, m_start: int) -> Optional[str]:
    """Who holds the right a match speaks of: 'performer', 'counterparty' or None (not said)."""
    pre = lower[s_start:m_start]
    ahead = lower[s_start:m_start + 40]
    grants = list(_GRANT_VERB.finditer(pre))
    if grants:
        after = pre[grants[-1].end():]
        fillers = _FILLERS.match(after)
        after = after[fillers.end():] if fillers else after
        word = re.match(r"[\w'’-]+(?:\s+actor)?", after)
        if word:
            return "performer" if _PERFORMER.match(word.group()) else "counterparty"
    # Without a grant verb, the holder is a party that "may", "can" or "has the right to" do it.
    for m in reversed(list(_PARTY_MENTION.finditer(pre))):
        if _PERMISSION.match(ahead[m.end():]):
            return "performer" if _PERFORMER.match(m.group()) else "counterparty"
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
    sentence_starts: list[int] = field(default_factory=list)  # where each of the segment's sentences starts

    def __post_init__(self) -> None:
        if not self.sentence_starts:
            self.sentence_starts = [a for a, _ in self.segment.sentences]


def negates_items(lead_in: str) -> bool:
    """True when a (lower-cased) lead-in forbids what its items go on to say: 'the company shall not:'."""
    return _NEGATED_LEAD_IN.search(lead_in[-160:]) is not None


def _in_text(pattern: Optional["re.Pattern[str]"], text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None


def match_clause(
    rule: CompiledRule,
    doc: Document,
    lower: str,
    clause: ClauseContext,
    definitions: DefinedTerms,
    active: Optional[dict[int, list[int]]] = None,
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

    def place(trig: CompiledTrigger, a: int, b: int, via: Optional[str]) -> None:
        k = bisect_right(sentence_starts, a) - 1
        if k >= 0 and b <= seg.sentences[k][1]:
            by_sentence.setdefault(k, []).append((trig, a, b, via))

    for t_index, cue_offsets in active.items():
        trig = rule.triggers[t_index]
        spans = _windows(seg, sentence_starts, cue_offsets, trig.reach) if cue_offsets else list(seg.sentences)
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
    group_cancelled = _in_text(rule.unless_context, clause.context)
    for k in sorted(by_sentence):
        s_start, s_end = seg.sentences[k]
        sentence = lower[s_start:s_end]
        found = by_sentence[k]
        compound = [(a, b) for t, a, b, _ in found if t.effect == "flag" and _NEG_CUE.search(lower[a:b])]
        unless = _in_text(rule.unless, sentence) or _in_text(rule.unless_context, sentence)
        hollow = _in_text(rule.hollowed_by, sentence)
        # A limit often follows in the next sentence ("You may withdraw ... Withdrawal shall not
        # affect models already trained."): weakening reads the whole clause.
        weak = _in_text(rule.weakened_by, clause.text)
        found.sort(key=lambda f: f[1])
        sentence_hits: list[Hit] = []
        negations: list[tuple[int, bool]] = []  # (end, negated) of the matches seen so far
        for trig, a, b, via in found:
            if trig.requires is not None and not (trig.requires.search(sentence) or trig.requires.search(clause.context)):
                continue
            if trig.near is not None and not (trig.near.search(sentence) or trig.near.search(clause.context)):
                continue
            effect = trig.effect
            if effect in ("flag", "grant") and trig.party != "any":
                who = holder(lower, s_start, a)
                if trig.party == "counterparty" and who == "performer":
                    continue
                if trig.party == "performer" and who == "counterparty":
                    continue
            negated_mention = False
            if trig.negation == "ignore" and effect == "flag":
                negated_mention = is_negated(lower, s_start, a, b, []) != clause.lead_negated
            if trig.negation != "ignore":
                own = [(x, y) for x, y in compound if not (x <= a and b <= y)]
                # "is not perpetual or irrevocable": a coordinated match shares the negation of the one before.
                prev = next((n for e, n in reversed(negations) if e <= a and _COORDINATED.match(lower[e:a])), None)
                negated = prev if prev is not None else is_negated(lower, s_start, a, b, own)
                negations.append((b, negated))
                # "The Company shall not: (a) sublicense ...": the lead-in's prohibition covers the item.
                negated = negated != clause.lead_negated
                if negated:
                    if trig.negation == "skip":
                        continue
                    effect = {"flag": "protects", "grant": "refuse"}.get(effect, effect)
            if trig.effect in ("flag", "grant", "value") and (unless or group_cancelled) and not trig.settles:
                continue
            if effect == "grant" and hollow:
                effect = "refuse"
            elif effect == "grant" and weak:
                effect = "weaken"
            sentence_hits.append(
                Hit(rule.id, effect, a, b, (s_start, s_end), clause.index, trig.message, trig.value, trig.cancelled_by_term,
                    via, rule.triggers.index(trig), negated_mention, definitions.spans.get(via) if via else None)
            )
        settled = [h for h in sentence_hits if h.effect in ("grant", "refuse") and rule.triggers[h.trigger].settles]
        if settled:
            sentence_hits = settled
        # "waive the right to revoke": a grant inside a refusal is the refusal, not a grant.
        refusals = [(h.start, h.end) for h in sentence_hits if h.effect == "refuse"]
        hits.extend(
            h for h in sentence_hits
            if not (h.effect in ("grant", "weaken") and any(x < h.end and h.start < y for x, y in refusals))
        )
    return hits


_LONG_MATCH = 80  # characters: a match this long may have started at an earlier, unrelated word


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


def _windows(seg: Segment, sentence_starts: list[int], cue_offsets: list[int], reach: int) -> list[tuple[int, int]]:
    """The stretches of the clause to scan: within reach of each cue, inside its sentence, merged.

    A match holds one of its trigger's cues and is at most reach characters long, so text farther
    than that from every cue cannot hold a match.
    """
    spans: list[tuple[int, int]] = []
    for o in sorted(cue_offsets):
        k = bisect_right(sentence_starts, o) - 1
        if k < 0:
            continue
        s_start, s_end = seg.sentences[k]
        a, b = max(s_start, o - reach), min(s_end, o + reach)
        if spans and a <= spans[-1][1] and spans[-1][0] >= s_start:
            spans[-1] = (spans[-1][0], max(spans[-1][1], b))
        else:
            spans.append((a, b))
    return spans
