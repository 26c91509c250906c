"""check(document, rules) -> DocumentReport: run every rule, roll findings up into checks and groups."""

from __future__ import annotations

import dataclasses
import os
import re
import threading
from bisect import bisect_right
from datetime import date
from functools import cached_property, partial
from typing import AbstractSet, Callable, Iterable, NamedTuple, Optional, Union

from termcheck.answered_questions import affirm_questions
from termcheck.models import Document, Segment
from termcheck.parties import COUNTERPARTY_MARK, COUNTERPARTY_WORDS, PERFORMER_NAME, mark_aliases, mark_signers_we, party_names
from termcheck.quantities import (
    Duration, find_dates, find_durations, find_jurisdiction, find_pay, find_percentages, find_vague_time, find_date_range,
)
from termcheck.recordings import carried_nouns, mark_carried_nouns, mark_recordings, recording_terms
from termcheck.report import CheckResult, DocumentReport, Finding, GroupResult, worst
from termcheck.rules.matcher import ClauseContext, DefinedTerms, Hit, match_clause, title_is_answered
from termcheck.rules.negation import negates_items
from termcheck.rules.phrases import compile_phrases
from termcheck.rules.model import CompiledRule, CueSpan, RuleSet, matches_starting_in
from termcheck.rules.precompiled import code_regex
from termcheck.rules.schema_groups import GROUP_TITLES
from termcheck.segment import DEFINITION
from termcheck.trie import trie_regex
from termcheck.wording import lower_first

_LEAD_IN = code_regex(
    r"(?::|\bas\s+follows\.?|\bincluding|\bthe\s+following"
    r"|\b(?:ticked|checked|marked|selected|indicated|chosen|initialled|initialed)\s+below\.?)\s*$",  # a form's options
    re.IGNORECASE,
)
_ITEM_LABEL = code_regex(r"\s*(?:[-•·▪◦●*–]|\(?[a-z]{1,2}\)|\(?[ivx]{1,5}\)|\(\d{1,2}\)|[a-z]\.|\[\s?[xX ]?\s?\]|✅|❌)\s*")
_MAX_QUOTE = 600
_WS = code_regex(r"\s+")
_FIRES = ("operative", "table")
_EFFECT_WORD = {"flag": "flags", "protects": "protects", "grant": "grants", "weaken": "weakens", "refuse": "refuses", "value": "value"}


def safe_lower(text: str) -> str:
    """Lower-case text without changing its length (so offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def text_for_rules(doc: Document) -> str:
    """The text the rules read: lower-cased, offsets as in doc.text, the contract's own names for its
    performer and for the other side marked (parties.py)."""
    performer, other = party_names(doc)
    lower = mark_aliases(doc.text, safe_lower(doc.text), performer, plurals=True)
    return mark_aliases(doc.text, mark_signers_we(doc.text, lower), other, COUNTERPARTY_MARK)


class MarkedTexts(NamedTuple):
    """The text the rules read, the same before the recordings' own names were marked, and the
    document's definition_spans."""

    lower: str
    unmarked: str
    known: tuple[dict[str, tuple[int, int]], frozenset[str]]


def marked_texts(doc: Document, ruleset: RuleSet) -> MarkedTexts:
    """text_for_rules with the contract's own names for its recordings ('the "Sessions"') marked too, for
    {object} to read (recordings.py); and what the glossary needs: the text before that, the definitions."""
    unmarked = text_for_rules(doc)
    known = definition_spans(doc)
    named = recording_terms(doc.text, unmarked, known[0], known[0].keys() - known[1], ruleset.object_word)
    marked = mark_recordings(doc.text, unmarked, named) if named else unmarked
    carried = carried_nouns(marked, ruleset.object_word)
    marked = mark_carried_nouns(marked, carried) if carried else marked
    # last, as the names above are found at the document's own offsets
    return MarkedTexts(affirm_questions(marked), affirm_questions(unmarked), known)


_SECTION_LABEL = code_regex(r"\d+(?:\.\d+)*\.?")
# A section label's number: "3.1", "3.", "Article 3", "Section 3.1", and an item's under it ("3.1(a)")
_LABEL_NUMBER = code_regex(
    rf"(?:(?:article|section|clause|paragraph|paragraphe)\s+)?({_SECTION_LABEL.pattern})(?:\s*\([a-z0-9]{{1,4}}\))*",
    re.IGNORECASE,
)
# A clause that names another by number ("Any sublicence under clause 3.1 requires ...", "subsection 4",
# « l'article 3 », « paragraphe 2 »): the word, then what follows it (found with str.find, ten times
# faster than one regular expression over a long contract)
_REFERENCE_WORDS = ("clause", "section", "paragraph", "article")
_REFERENCE_NUMBER = code_regex(r"(?:s|e|es)?\s+(\d+(?:\.\d+)*)(?!\.?\d)")


class ClauseContexts:
    """Each segment with the text around it that completes its meaning, built when first asked for."""

    def __init__(
        self, doc: Document, lower: str, unmarked: Optional[str] = None,
        known: Optional[tuple[dict[str, tuple[int, int]], frozenset[str]]] = None,
    ) -> None:
        # unmarked: lower before the recordings' own names were marked (where defined terms are found);
        # known: the document's definition_spans, when already read
        self.doc, self.lower, self.unmarked = doc, lower, unmarked
        self.lead_of: dict[int, int] = {}
        self.items_of: dict[int, list[int]] = {}
        self.table_of: dict[int, list[int]] = {}  # a table row -> its header row and the paragraph before the table
        self._cache: dict[int, ClauseContext] = {}
        self._document_found: dict[tuple[int, int, int], bool] = {}  # requires met in the document or a section, shared by every clause
        segs, text = doc.segments, doc.text
        # Defined terms and what they mean ('"Deliverables" means all audio recordings ...'): a clause
        # that uses "the Deliverables" speaks of recordings, for a trigger's requires.
        # ... and a term defined in passing, where no clause defines it: 'all recordings you submit ("Work Product")'.
        self.definitions = known or definition_spans(doc)  # read once, by the clauses and by defined_terms
        self.meaning = {term: lower[a:b] for term, (a, b) in self.definitions[0].items()}
        self.terms = terms_pattern(self.meaning)
        first_row = None
        # (a row that starts a table of its own: "| Model | Fee |" then "| Media | Term |" are two tables)
        starts = {pos for pos, block in doc.blocks if block.first_row}
        for i, seg in enumerate(segs):
            if seg.zone != "table":
                first_row = None
            elif first_row is None or seg.start in starts:
                first_row = i
            else:
                self.table_of[i] = [first_row] + ([first_row - 1] if first_row > 0 and segs[first_row - 1].zone in ("operative", "heading") else [])
        for i, seg in enumerate(segs):
            end = len(text[seg.start:seg.end].rstrip()) + seg.start
            if not _LEAD_IN.search(text, max(seg.start, end - 40), end):
                continue
            # A heading is a lead-in only when it forbids what follows ("## 3. The Company shall not:").
            if seg.zone not in ("operative", "definition") and not (
                seg.zone == "heading" and negates_items(self.lower[seg.start:end])
            ):
                continue
            j = i + 1
            while j < len(segs) and segs[j].zone in ("operative", "definition", "table") and (
                _ITEM_LABEL.match(text, segs[j].start, segs[j].end) or j == i + 1
            ):
                self.lead_of[j] = i
                self.items_of.setdefault(i, []).append(j)
                j += 1
            # "...; (b) the name of the Influencer; in connection with the Campaign for the Usage Term."
            if j < len(segs) and segs[j].zone == "operative" and text[segs[j].start:segs[j].start + 1].islower():
                self.lead_of[j] = i
                self.items_of.setdefault(i, []).append(j)

    def __getitem__(self, i: int) -> ClauseContext:
        """The context of segment i: the lead-in it continues, the items that continue it, its heading."""
        if i not in self._cache:
            segs, lower = self.doc.segments, self.lower
            seg = segs[i]
            lead = [self.lead_of[i]] if i in self.lead_of else []
            around = lead + self.items_of.get(i, []) + self.table_of.get(i, [])
            parts = [lower[segs[j].start:segs[j].end] for j in around]
            # The nearest heading, passing over the clause's own run-in title ("- Digital Marketing: Website
            # (1 year)" under "Usage Rights"), which its text already holds.
            own = lower[seg.start:seg.start + 200]
            heading = next((h.lower() for h in reversed(seg.headings) if h.lower() not in own), None)
            if heading:
                parts.append(heading)
            lead_negated = bool(lead) and negates_items(parts[0].rstrip())
            glossary = None if seg.zone == "definition" else (self.terms, self.meaning)
            self._cache[i] = ClauseContext(
                seg, i, lower[seg.start:seg.end], "\n".join(parts), lead_negated=lead_negated, glossary=glossary,
                section_of=partial(self._section_text, i), related_of=partial(self._related_spans, i),
                document=self.lower, unmarked=self.unmarked or "", document_found=self._document_found,
                section_titles=self.section_titles,
            )
        return self._cache[i]

    @cached_property
    def _titles(self) -> dict[str, str]:
        """Each section number and its lower-cased title: a numbered heading ("1. GRANT") or a clause's
        run-in title ("3. Grant of Rights. The Performer ...")."""
        found: dict[str, str] = {}
        for seg in self.doc.segments:
            label = _SECTION_LABEL.search(seg.section or "")
            if label is None:
                continue
            if seg.zone == "heading":
                title = self.lower[seg.start:seg.end]
            elif seg.title_end > seg.start:
                title = self.lower[seg.start:seg.title_end]
            else:
                continue
            found.setdefault(label.group().rstrip("."), _SECTION_LABEL.sub(" ", title, count=1).strip(" .:\n"))
        return found

    def section_titles(self) -> dict[str, str]:
        """The document's section titles (built once, when a trigger first asks), for a clause to read."""
        return self._titles

    def _section_text(self, i: int) -> str:
        """Lower-cased text of the neighbouring segments that share segment i's section number and zone."""
        start, end = self._run_span(i, lambda section: section)
        return self.lower[start:end]

    def _related_spans(self, i: int) -> tuple[tuple[int, int], ...]:
        """Where the clauses that speak of segment i's clause start and end: the run of segments, in its
        zone, numbered under the same top-level section ("3.1" and "3.2" under 3), each clause elsewhere
        that names its number or a number above it ("under clause 3.1", "Section 3"), and each clause
        that it names ("subject to clause 7")."""
        segs = self.doc.segments
        own = self._run_span(i, _top_section)
        others: set[int] = set()
        referring, named = self._references
        for number in _numbers_above(segs[i].section):
            others.update(referring.get(number, ()))
        # ... and the clauses it names itself ("may sublicense the Recordings subject to clause 7")
        for number in named.get(i, ()):
            others.update(self._numbered.get(number, ()))
        spans = [(segs[j].start, segs[j].end) for j in sorted(others) if not own[0] <= segs[j].start < own[1]]
        return (own, *spans)

    @cached_property
    def _numbered(self) -> dict[str, list[int]]:
        """Each section number and the segments numbered by it or under it ("3" -> 3., 3.1, 3.2)."""
        found: dict[str, list[int]] = {}
        for j, seg in enumerate(self.doc.segments):
            for number in _numbers_above(seg.section):
                found.setdefault(number, []).append(j)
        return found

    @cached_property
    def _references(self) -> tuple[dict[str, list[int]], dict[int, list[str]]]:
        """The section numbers that clauses name ("clause 3.1"): each number and the segments that name
        it, and each segment and the numbers it names."""
        referring: dict[str, list[int]] = {}
        named: dict[int, list[str]] = {}
        segs = self.doc.segments
        starts = [seg.start for seg in segs]
        for at, number in section_references(self.lower):
            j = bisect_right(starts, at) - 1
            if j >= 0 and at < segs[j].end:
                referring.setdefault(number, []).append(j)
                named.setdefault(j, []).append(number)
        return referring, named

    def _run_span(self, i: int, key: Callable[[Optional[str]], Optional[str]]) -> tuple[int, int]:
        """Where the run of segments around segment i, in its zone, whose section labels share its key
        starts and ends (segment i alone when it has no section label)."""
        segs = self.doc.segments
        own, zone = key(segs[i].section), segs[i].zone
        first = last = i
        if own is not None:
            while first > 0 and segs[first - 1].zone == zone and key(segs[first - 1].section) == own:
                first -= 1
            while last + 1 < len(segs) and segs[last + 1].zone == zone and key(segs[last + 1].section) == own:
                last += 1
        return segs[first].start, segs[last].end


def _top_section(section: Optional[str]) -> Optional[str]:
    """The top-level number of a section label: "3" for "3.1.2" and "3."; None for none."""
    return section.split(".", 1)[0] if section else None


def section_references(lower: str) -> list[tuple[int, str]]:
    """Where the lower-cased text names a section by number, and the number: "clause 3.1" -> "3.1"."""
    found = []
    for word in _REFERENCE_WORDS:
        at = lower.find(word)
        while at >= 0:
            # a word of its own, or "sub-clause", "subsection"
            if at == 0 or not lower[at - 1].isalnum() or lower[max(0, at - 3):at] == "sub":
                m = _REFERENCE_NUMBER.match(lower, at + len(word))
                if m:
                    found.append((at, m.group(1)))
            at = lower.find(word, at + 1)
    return found


def _numbers_above(section: Optional[str]) -> list[str]:
    """A section label's number and each number above it: "3", "3.1", "3.1.2" for "3.1.2" or
    "Article 3.1.2" or the item "3.1.2(a)"; none for a label without a number ("(a)", "Schedule A")."""
    m = _LABEL_NUMBER.fullmatch(section or "")
    if m is None:
        return []
    parts = m.group(1).rstrip(".").split(".")
    return [".".join(parts[:k]) for k in range(1, len(parts) + 1)]


# A second term defined in the same sentence: '"Term" means two years, and "Prompts" means the voice prompts ...'
_ALSO_DEFINES = code_regex(
    r"""(?:[,;]\s*(?:and\s+|or\s+|et\s+)?|\s(?:and|et)\s+)(?:the\s+term\s+)?["“«]\s*(?P<term>[^"”»\n]{3,80}?)\s*["”»]\s*"""
    r"(?:shall\s+mean|means|refers\s+to|désigne(?:nt)?|signifie(?:nt)?)\b",
    re.IGNORECASE,
)


def definitions(doc: Document) -> dict[str, tuple[int, int]]:
    """Each defined term (lower-cased) and the clause that first defines it (or the sentences of it that do, when
    one paragraph defines several: '"Special" means the show. "Licence Period" means seven (7) years.'); terms
    under three letters are left out, since they also occur as ordinary words."""
    found: dict[str, tuple[int, int]] = {}
    for seg in doc.segments:
        if seg.zone != "definition" or not seg.defines:
            continue
        starts: list[tuple[int, str]] = [(seg.start, seg.defines)]
        for a, b in seg.sentences[1:]:
            d = DEFINITION.match(doc.text[a:b].lstrip())
            term = (d.group("q") or d.group("bare")).strip() if d else None
            if term and term != starts[-1][1]:  # ('1. Definitions.' is a sentence before the first one's)
                starts.append((a, term))
        for a, b in seg.sentences:
            for more in _ALSO_DEFINES.finditer(doc.text, a, b):
                term = more.group("term").strip()
                if term not in {known for _, known in starts}:  # ('In this Agreement, "Term" means': the first one's)
                    starts.append((more.start("term") - 1, term))
        starts.sort()
        for k, (a, term) in enumerate(starts):
            if len(term) >= 3:
                found.setdefault(term.lower(), (a, starts[k + 1][0] if k + 1 < len(starts) else seg.end))
    return found


# A term defined in passing: 'all recordings you submit ("Work Product")', 'the voice (the « Voix »)',
# 'All recordings you submit are "Work Product".'
_INLINE_DEFINITION = code_regex(
    r"""\(\s*(?:(?:the|each|a|an|collectively|together|individually|and|or|hereinafter|hereafter|referred|to|as|called
                  |le|la|les|l|ci-après|dénommée?s?|désignée?s?|appelée?s?)[\s,’']+)*["“«]\s*(?P<term>[^"”»\n]{3,40}?)\s*["”»]
        |\b(?:are|is|shall\s+be|will\s+be)\s+(?:(?:referred\s+to|defined|known)\s+as\s+|called\s+)?(?:the\s+)?["“]\s*(?P<term2>[^"”\n]{3,40}?)\s*["”]\s*[.;,]""",
    re.VERBOSE | re.IGNORECASE,
)
# Terms that name the document or a party: their definition ("This Voice Recording Agreement (the
# "Agreement")") says nothing about what a clause that uses them speaks of.
_DOCUMENT_TERMS = frozenset(
    "agreement contract terms release licence license addendum rider consent form policy schedule exhibit annex "
    "effective date party parties contrat accord autorisation annexe".split()
)


# The last words of a term defined in passing that a via-definition trigger may read ('(the "Term")', '(the
# "Usage Period")', '(the "Licensed Rights")'): a grant's length, place and uses (a fee defined in passing is
# named where it is paid, and reading every "Fee" of a commercial contract through it costs more than it finds).
_TERMS_OF_A_GRANT = frozenset("term period duration territory media purpose purposes uses use rights durée territoire droits".split())
# ... and words before that last one that name the grant itself ('(the "Distribution Term")', '(the "Licence
# Period")'): such a name says what the words before it count, even in a sentence that also names the pay.
_GRANT_NAMES = frozenset("distribution licence license licensed usage use exploitation broadcast display posting promotion campaign".split())


def inline_definitions(doc: Document) -> dict[str, tuple[int, int]]:
    """Each term (lower-cased) defined in passing inside a sentence, and the words before it that it stands for."""
    found: dict[str, tuple[int, int]] = {}
    text = doc.text
    for seg in doc.segments:
        if seg.zone not in ("operative", "definition"):
            continue
        for start, end in seg.sentences:
            sentence = text[start:end]
            if '"' not in sentence and "“" not in sentence and "«" not in sentence:
                continue
            for m in _INLINE_DEFINITION.finditer(text, start, end):
                term = (m.group("term") or m.group("term2")).strip()
                key = term.lower()
                if len(key) < 3 or not any(c.isupper() for c in term) or key in _DOCUMENT_TERMS or key.split()[-1] in _DOCUMENT_TERMS:
                    continue
                found.setdefault(key, (max(start, m.start() - 160), m.start()))
    return found


def definition_spans(doc: Document) -> tuple[dict[str, tuple[int, int]], frozenset[str]]:
    """Each defined term (lower-cased) and where it is defined: the clause that defines it, else the words
    before a term defined in passing; and the terms defined only in passing."""
    spans = inline_definitions(doc)
    clauses = definitions(doc)
    in_passing = frozenset(spans) - frozenset(clauses)
    spans.update(clauses)
    return spans, in_passing


def terms_pattern(terms: Iterable[str]) -> Optional["re.Pattern[str]"]:
    """A pattern that finds any of the terms as whole words, the longest that fits; None for no terms."""
    # A trie: a contract defines a hundred terms, and the pattern runs over the whole text.
    words = list(terms)
    return re.compile(r"(?<![\w])(?:" + trie_regex(words) + r")(?![\w])") if words else None


def defined_terms(
    doc: Document, lower: str, ruleset: RuleSet, start: int = 0, end: Optional[int] = None,
    known: Optional[tuple[dict[str, tuple[int, int]], frozenset[str]]] = None, unmarked: Optional[str] = None,
) -> DefinedTerms:
    """Defined terms whose definition carries a via-definition trigger ('"Media" means all media now
    known or hereafter devised'), and where operative clauses use them (in text[start:end]); known: the
    document's definition_spans, when already read; unmarked: lower before the recordings' own names
    were marked, where the uses are found."""
    carriers: dict[str, set[tuple[str, int]]] = {}
    spans: dict[str, tuple[int, int]] = {}
    # ... and a term defined in passing, by the words before it: 'The term of this Agreement begins on March 1,
    # 2027 and ends on February 28, 2029 (the "Term")', when it names a grant's length, place or uses (the words
    # before a party's name or the recordings' ("..., its licensees, successors and assigns (collectively, the
    # "Company")") are a grant's)
    defined_at, passing = known or definition_spans(doc)
    where = {term: span for term, span in defined_at.items() if term not in passing or term.split()[-1] in _TERMS_OF_A_GRANT}
    in_passing = passing & where.keys()
    for term, (a, b) in where.items():
        for r in ruleset.rules:
            found = [i for i, t in enumerate(r.triggers) if t.via_definitions and t.pattern.search(lower, a, b)]
            # A definition the rule would not read on its own ("'Minimum Payment Period' means one year") carries
            # nothing (a settling trigger is read past the rule's unless, there as in a clause).
            if found and r.unless is not None and r.unless.search(lower[a:b]) and not _GRANT_NAMES.intersection(term.split()[:-1]):
                found = [i for i in found if r.triggers[i].settles]
            if not found:
                continue
            for i in found:
                carriers.setdefault(term, set()).add((r.id, i))
            spans.setdefault(term, (a, b))
    pattern = terms_pattern(carriers)
    if pattern is None:
        return DefinedTerms([], {})
    starts = [s.start for s in doc.segments]
    uses = []
    for m in matches_starting_in(pattern, unmarked or lower, start, end, max(map(len, carriers))):
        # a term defined in passing is used with its capital ("during the Term"), not as the common word ("the
        # term "Model No." shall be used")
        if m.group() in in_passing and not doc.text[m.start()].isupper():
            continue
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and doc.segments[i].zone in _FIRES and m.end() <= doc.segments[i].end:
            uses.append((m.start(), m.group()))
    return DefinedTerms(uses, {t: frozenset(keys) for t, keys in carriers.items()}, spans)


# Above this size a second core takes half the clauses (a 300-page contract is ~1.1 million characters).
_PARALLEL_CHARS = 300_000


def collect_hits(
    doc: Document, ruleset: RuleSet, parallel: bool = True, only: Optional[AbstractSet[str]] = None
) -> dict[str, list[Hit]]:
    """Rule id -> every hit in the document (of the rules in only, if given); a trigger runs only on
    clauses that hold one of its cues.

    With parallel, a long contract has its second half of clauses (prefilter pass included) matched
    in a forked child on the other core, when the process has no other threads (where fork is safe);
    the hits are the same either way, since each clause is matched alone, with the whole document
    as its context.
    """
    lower, unmarked, known = marked_texts(doc, ruleset)
    segments = doc.segments

    def run(first: int, last: int) -> dict[str, list[Hit]]:
        """The hits in segments first to last - 1."""
        # Built on both cores rather than once before the fork: each takes a pass over the whole text.
        contexts = ClauseContexts(doc, lower, unmarked, known)
        start = segments[first].start if first < len(segments) and first > 0 else 0
        end = segments[last].start if last < len(segments) else len(lower)
        definitions = defined_terms(doc, lower, ruleset, start, end, known, unmarked)
        candidates = ruleset.candidates(lower, start, end)
        always = set(ruleset.always)
        out: dict[str, list[Hit]] = {}
        titles = clause_titles(segments, range(first, last))
        for rule in ruleset.rules:
            if only is not None and rule.id not in only:
                continue
            # A heading claims what the other side may do ("PERPETUAL LICENCE"); one that names a
            # protection ("Payment Terms", "Royalty Agreement") is a topic, not a promise.
            zones = set(rule.zones) | ({"heading"} if titles and rule.kind == "red_flag" else set())
            active = _plan(doc, rule, candidates, always, definitions, range(first, last), zones)
            headings = {i: active.pop(i) for i in [i for i in active if i in titles]}  # titles are headings
            found = {i: match_clause(rule, doc, lower, contexts[i], definitions, active[i]) for i in active if segments[i].zone != "heading"}
            found.update(heading_hits(doc, lower, rule, contexts, definitions, headings, titles))
            out[rule.id] = [h for i in sorted(found) for h in found[i]]
        return out

    if not (parallel and len(doc.text) > _PARALLEL_CHARS and hasattr(os, "fork") and threading.active_count() == 1):
        return run(0, len(segments))
    # What the child compiles dies with it: from the second long contract on, every regex is compiled here first
    ruleset.before_fork()
    middle = bisect_right([s.start for s in segments], len(doc.text) // 2)
    child = _fork_work(lambda: run(middle, len(segments)))
    hits = run(0, middle)
    theirs = _child_result(child) or run(middle, len(segments))
    return {rule_id: hits[rule_id] + theirs[rule_id] for rule_id in hits}


def clause_titles(segments: list[Segment], among: range) -> dict[int, tuple[int, int]]:
    """Headings (of those given) that title the clause after them -> the first and last segment under
    them, up to the next heading. Not the document's own title ("VOICE RECORDING RELEASE AND BUY-OUT
    AGREEMENT", which names the whole contract): an unnumbered heading above numbered ones, or the
    first of several."""
    heads = [j for j, s in enumerate(segments) if s.zone == "heading"]
    last_numbered = max((j for j in heads if segments[j].section is not None), default=-1)
    out: dict[int, tuple[int, int]] = {}
    for i in heads:
        if i not in among or i + 1 >= len(segments) or not _is_title_of(segments[i], segments[i + 1]):
            continue
        if segments[i].section is None and (i < last_numbered or (i == heads[0] and len(heads) > 1)):
            continue
        last = i + 1
        while last + 1 < len(segments) and segments[last + 1].zone not in ("heading", "toc"):
            last += 1
        out[i] = (i + 1, last)
    return out


def heading_hits(
    doc: Document, lower: str, rule: CompiledRule, contexts: "ClauseContexts", definitions: DefinedTerms,
    headings: dict[int, dict[int, list[CueSpan]]], titles: dict[int, tuple[int, int]],
) -> dict[int, list[Hit]]:
    """Hits in headings that title the clauses under them ("PERPETUAL LICENCE" over "The Performer grants
    the Company a licence ..."), as a run-in title's do: kept only where those clauses do not speak of
    it themselves, nor answer it with no ("SUBLICENSING" over "Not permitted.")."""
    segments = doc.segments
    out: dict[int, list[Hit]] = {}
    for i, triggers in headings.items():
        first, last = titles[i]
        if segments[first].zone not in rule.zones:
            continue
        found = match_clause(rule, doc, lower, contexts[i], definitions, triggers)
        # most headings a cue points to say nothing of the rule: read the clauses under them only if one does
        if found and not title_is_answered(rule, lower, segments[first], segments[last]):
            out[i] = found
    return out


def _is_title_of(heading: Segment, clause: Segment) -> bool:
    """Whether a heading is the title of the clause after it: the clause sits under it, numbered as it
    is or below it ("2. PERPETUAL LICENCE" over "2.1 ..."), not a sibling clause after a heading the
    segmenter read in "4. Sublicensing. N/A", nor numbered clauses under a document's title."""
    if not clause.headings:
        return False
    if heading.section is None or clause.section is None:
        return heading.section == clause.section
    return clause.section == heading.section or clause.section.startswith(heading.section.rstrip(".") + ".")


def _plan(
    doc: Document, rule: CompiledRule, candidates: dict, always: set, definitions: DefinedTerms, segments: range,
    zones: Optional[set[str]] = None,
) -> dict[int, dict[int, list[CueSpan]]]:
    """Segment (of those given, in the rule's zones or those given) -> trigger -> its cues there, with
    their reaches: what the rule has to look at."""
    zones = zones if zones is not None else set(rule.zones)
    starts = [s.start for s in doc.segments]
    active: dict[int, dict[int, list[CueSpan]]] = {}
    for t_index, trig in enumerate(rule.triggers):
        if (rule.id, t_index) in always:
            for i in segments:
                if doc.segments[i].zone in zones:
                    active.setdefault(i, {})[t_index] = []
            continue
        cues = list(candidates.get((rule.id, t_index), []))
        if trig.via_definitions:  # a defined term stands for a whole phrase: it may sit anywhere in a match
            cues += [(o, trig.reach, trig.reach) for o, _ in definitions.uses]
        for cue in cues:
            i = bisect_right(starts, cue[0]) - 1
            if i in segments and doc.segments[i].zone in zones:
                active.setdefault(i, {}).setdefault(t_index, []).append(cue)
    return active


def _fork_work(work: Callable[[], dict[str, list[Hit]]]) -> tuple[int, int]:
    """Start work in a forked child; returns its pid and the pipe its pickled result comes on."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        os.close(read_fd)
        status = 0
        try:
            import pickle

            view = memoryview(pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL))
            while view:
                view = view[os.write(write_fd, view):]
        except BaseException:
            status = 1
        os._exit(status)
    os.close(write_fd)
    return pid, read_fd


def _child_result(child: tuple[int, int]) -> Optional[dict[str, list[Hit]]]:
    """The child's result, or None if it failed (the caller then does the work itself)."""
    import pickle

    pid, fd = child
    chunks = []
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    _, status = os.waitpid(pid, 0)
    if status != 0:
        return None
    try:
        return pickle.loads(b"".join(chunks))
    except Exception:  # a truncated result: the child died while writing
        return None


def _word_start(text: str, at: int) -> int:
    """at, moved back to the start of the word it falls in: a question read as a statement
    (answered_questions.py) has its modal after its subject, so a match from the modal on starts inside
    the question's first word ("Can I withdraw?" matched from "can" at "I can")."""
    while 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum():
        at -= 1
    return at


def _matched_words(doc: Document, hit: Hit) -> str:
    """The words a hit matched, with line breaks and runs of blanks as single spaces."""
    return " ".join(doc.text[_word_start(doc.text, hit.start):hit.end].split())


def _finding(doc: Document, hit: Hit, rule: CompiledRule, message: str) -> Finding:
    """A finding that quotes the hit's sentence and says where it is."""
    s_start, s_end = hit.sentence
    if s_end - s_start > _MAX_QUOTE:
        s_start = max(s_start, hit.start - _MAX_QUOTE // 2)
        s_end = min(s_end, s_start + _MAX_QUOTE)
    seg = doc.segments[hit.segment]
    loc = doc.locate(hit.start, seg)
    raw = doc.text[s_start:s_end]
    quote = " ".join(raw.split())
    lead = len(raw) - len(raw.lstrip())
    a = len(_WS.sub(" ", raw[lead:max(lead, _word_start(doc.text, hit.start) - s_start)]))
    b = a + len(_matched_words(doc, hit))
    return Finding(
        rule=rule.id, quote=quote, start=s_start, end=s_end, match_start=hit.start, match_end=hit.end,
        effect=_EFFECT_WORD[hit.effect], message=message, page=loc.page, line=loc.line, paragraph=loc.paragraph,
        section=loc.section, headings=loc.headings, highlight=(min(a, len(quote)), min(b, len(quote))),
    )


def _message(rule: CompiledRule, hit: Hit, doc: Document) -> str:
    """Why this hit matters, in one sentence."""
    words = _matched_words(doc, hit)
    if hit.effect == "flag" and hit.unchosen:
        return f"'{words}' is an option on this form, not ticked: make sure it stays unticked on the copy you sign"
    if hit.effect == "flag" and hit.negated:
        return f"'{words}' is mentioned, as a prohibition: check what it covers and that it binds anyone the rights pass to"
    if hit.effect == "weaken" and rule.kind == "red_flag":
        return f"'{words}': {lower_first(rule.title)}, but the same clause limits it (read it: for how long, and what comes back to you)"
    base = hit.message or {
        "flag": f"'{words}': {lower_first(rule.title)}",
        "protects": f"'{words}' is negated here, which protects you",
        "grant": f"'{words}' gives you this protection",
        "weaken": f"'{words}' is here but weakened by its conditions",
        "refuse": f"'{words}' is refused or left to the other side's discretion",
        "value": f"'{words}'",
    }[hit.effect]
    if hit.via:  # the term as the contract writes it ("Producer"), not as it is looked up
        base += f" (through the definition of \"{words}\")"
    return base


def _one_per_sentence(hits: list[Hit]) -> list[Hit]:
    """The first hit of each sentence (a value is read once per sentence)."""
    seen: set[tuple[int, int]] = set()
    out = []
    for h in hits:
        if h.sentence not in seen:
            seen.add(h.sentence)
            out.append(h)
    return out


# "This Agreement runs for one academic year", "The term of this engagement is six months"
_AGREEMENT_RUNS = code_regex(
    r"\b(?:(?:this|the)\s+(?:agreement|contract|engagement)\s+(?:(?:shall|will|is\s+to)\s+)?(?:runs?|lasts?|continues?|is\s+for)"
    r"|term\s+of\s+(?:this|the)\s+(?:agreement|contract|engagement)\s+(?:is|shall\s+be|will\s+be))\b",
    re.IGNORECASE,
)
_UNTIL = code_regex(
    r"\b(?:until|till|through|ending\s+on|ends\s+on|expires?\s+on|expiring\s+on|terminat(?:e|es|ing)\s+on|jusqu['’]\s?(?:au|à))\b", re.IGNORECASE
)


def _years_until(doc: Document, sentence: str) -> tuple[Optional[float], Optional[tuple[date, int]]]:
    """Years from a start date (in the sentence, else the contract's first date) to an end date ('until 31 December 2028'),
    and the end date with where it ends in the sentence (the years are None when no start date comes before it).

    A range counts too: 'from 1 January 2026 to 31 December 2027', « du 1er janvier 2026 au 31 décembre 2027 ».
    """
    dates = find_dates(sentence)
    found = find_date_range(sentence, dates)
    if found is not None:
        start, end, at = found
        return round((end - start).days / 365.25, 2), (end, at)
    until = _UNTIL.search(sentence)
    end = next(((d, e) for d, s, e in dates if s > until.start()), None) if until else None
    if end is None:
        return None, None
    starts = [d for d, start, _ in dates if start < until.start()] or [d for d, _, _ in find_dates(doc.text[:5000])]
    if not starts or end[0] <= starts[0]:
        return None, end
    return round((end[0] - starts[0]).days / 365.25, 2), end


class SentenceDurations(dict):
    """Sentence span -> the durations in it, found once per document however many rules ask."""

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self.doc = doc

    def __missing__(self, span: tuple[int, int]) -> list:
        found = self[span] = find_durations(self.doc.text[span[0]:span[1]])
        return found


def _years_value(
    doc: Document, hits: list[Hit], durations_in: SentenceDurations, deadlines: frozenset[tuple[int, int]]
) -> tuple[Union[float, str, None], Optional[Hit], list[str]]:
    """The longest duration stated in the hits' sentences (or up to an end date; 'vague' for an indefinite
    term), the hit it came from, conflicts noted; not a deadline in a sentence that sets one for deleting
    (deadlines: the sentences the deletion-deadline check reads)."""
    best: Union[float, str, None] = None
    best_hit = None
    notes = []
    # A sentence's own words first: "during the Usage Period and for two (2) years thereafter".
    # A renewal says the term goes on, not how long it is (the status reads it: see _decide_threshold).
    lengths = [h for h in hits if h.value not in (RENEWS, OUTLASTS)]
    undated: Optional[date] = None  # an end date with no start date to count from, and its hit
    undated_hit: Optional[Hit] = None
    for h in _one_per_sentence(sorted(lengths, key=lambda h: h.via_span is not None)):
        sentence = doc.text[h.sentence[0]:h.sentence[1]]
        durations = durations_in[h.sentence]
        rel = h.start - h.sentence[0]
        if h.via_span:
            # "during the Usage Period": the length is in the definition ("'Usage Period' means twelve months"),
            # where the trigger matched, not in whatever else the sentence that uses the term counts.
            durations, rel = durations_in[h.via_span], 0
        if not durations:
            # ... or its dates: 'The term ... begins on March 1, 2027 and ends on February 28, 2029 (the "Term")'
            years, end = _years_until(doc, doc.text[h.via_span[0]:h.via_span[1]] if h.via_span else sentence)
            if years is not None and (best is None or isinstance(best, str) or years > best):
                best, best_hit = years, h
            elif best is None and h.value == "vague":
                best, best_hit = "vague", h  # « pour une durée indéterminée »: a licence with no stated end
            elif years is None and end is not None and undated is None:
                # the finding names the whole date ("until 31 December 2028", not "until 31")
                at = (h.via_span or h.sentence)[0] + end[1]
                undated, undated_hit = end[0], (h if h.via_span or at <= h.end else dataclasses.replace(h, end=at))
            continue
        if h.value == "vague" and all(_NOTICE_AFTER.match(sentence, d.end) for d in durations):
            # "lasts until the Presenter ends it by giving 6 months' written notice": a notice is no length
            if best is None:
                best, best_hit = "vague", h
            continue
        d = min(durations, key=lambda d: abs(d.start - rel))
        deadline = _DEADLINE_BEFORE.search(sentence, 0, d.start) is not None
        uses = [] if h.via_span else [p for p in durations if _is_use_period(sentence, p)]
        if uses and (deadline or _is_use_period(sentence, d)):
            # "(b) in cinemas for 12 months after broadcast, and (c) on its platform for 3 years after
            # broadcast": each use has its period, and the longest is how long the licence lasts (a deadline beside
            # them is none: "will be published within one (1) week ..., and may keep it online for two (2) months")
            d = max(uses, key=lambda p: p.years)
            # ... and the finding quotes the hit on that period
            h = next((o for o in lengths if o.sentence == h.sentence and o.start - o.sentence[0] in range(d.start, d.end)), h)
        elif deadline and not h.via_span and h.sentence in deadlines:
            continue  # "deleted within one month", « supprimés dans un délai d'un mois »: the time allowed to delete
        if d.conflict:
            notes.append(d.conflict)
        years = d.years + _defined_period_before_tail(doc, h, d, lengths, durations_in)
        if best is None or isinstance(best, str) or years > best:
            best, best_hit = round(years, 2), h
    if best is None and undated is not None:
        # "may use the Videos until 31 December 2028" in a contract that names no date of its own: an end, but
        # no day to count the years from (not today's: the answer would change with the day it is read)
        notes.append(f"ends on {undated.isoformat()}, but the contract names no start date to count the years from: count them from the day you sign")
        best_hit = undated_hit
    return best, best_hit, notes


# A tail after a period: "during the Sponsorship Period and for six (6) months after it ends", "... and for two
# (2) years thereafter"
_TAIL_AFTER = code_regex(r"\W*(?:after|afterwards|thereafter|following)\b", re.IGNORECASE)
# ... in a sentence about using the recordings (not a covenant: "During the Term of this Agreement and for three years
# thereafter, the Distributor agrees not to commence any suit")
_USE_VERB = code_regex(
    r"\b(?:use|uses|used|using|exploit\w*|broadcast\w*|publish\w*|stream\w*|show|shows|shown|display\w*|sell|sells|sold"
    r"|distribut\w*|air|airs|run|runs|post|posts|repost\w*|utilis\w*|diffus\w*)\b",
    re.IGNORECASE,
)


def _defined_period_before_tail(
    doc: Document, h: Hit, d: Duration, hits: list[Hit], durations_in: SentenceDurations
) -> float:
    """The years of a defined period the sentence names before a tail counted from its end ("during the Sponsorship
    Period and for six (6) months after it ends": the period's two years, to add to the six months); 0 otherwise."""
    if h.via_span or not _TAIL_AFTER.match(doc.text, h.sentence[0] + d.end):
        return 0.0
    if not _USE_VERB.search(doc.text, h.sentence[0], h.sentence[0] + d.start):
        return 0.0
    defined = [
        p.years for o in hits if o.via_span and o.sentence == h.sentence and o.start < h.sentence[0] + d.start
        for p in durations_in[o.via_span]
    ]
    return max(defined, default=0.0)


# A period of notice: "six months' written notice", « trois mois de préavis »
_NOTICE_AFTER = code_regex(r"[’'\s]*s?[’']?\s*(?:\(\d+\)\s*)?(?:prior\s+|advance\s+)?(?:written\s+)?(?:notice|de\s+préavis)\b", re.IGNORECASE)


# The words before a deadline: "within one month", « dans un délai d'un mois »
_DEADLINE_BEFORE = code_regex(r"(?:\bwithin|\bdans\s+(?:un|le)\s+délai\s+(?:de|d['’])|\bsous|\bno\s+later\s+than|\bau\s+plus\s+tard)\s*$", re.IGNORECASE)


# "within 60 days of receiving your request", « à compter de la demande »: a window counted from the ask.
_FROM_REQUEST = code_regex(
    r"^\W*(?:(?:business|working|calendar|ouvrés|ouvrables)\W+)?(?:of|after|from|following|upon|on|of\s+receipt\s+of|à\s+compter\s+de|après|suivant|de)\b"
    r"(?:\W+[\w'’]+){0,5}?\W+(?:requests?|notices?|notification|demands?|withdrawal|revocation|receipt|receiving|instructions?"
    r"|demande|retrait|réception)\b",
    re.IGNORECASE,
)


# "may use these recordings ... for twelve (12) months after my employment ends, after which it will remove
# them": how long the use lasts, not how long a removal may take
# ... or a retention's longest: "keeps the recordings for no more than twelve (12) months and then deletes them"
# ... or « pendant la saison 2026-2027, puis ... pendant deux (2) ans »: each use has its period
_USE_PERIOD_BEFORE = code_regex(
    r"\b(?:for|during|pendant)\s+(?:(?:a|the|an|la|le|les|une|un)\s+)?(?:(?:further|additional|period\s+of|term\s+of|up\s+to|maximum\s+of|at\s+most"
    r"|(?:no|not)\s+(?:more|longer)\s+than)\s+)*$",
    re.IGNORECASE,
)


def _is_use_period(sentence: str, d: Duration) -> bool:
    """'for 12 months', 'during three years': how long a use lasts, not a notice or a deadline."""
    return _USE_PERIOD_BEFORE.search(sentence, 0, d.start) is not None and not _NOTICE_AFTER.match(sentence, d.end)


# "I may withdraw from the project within six months of the interview": the performer's time to act, not
# the time allowed to delete (not "ask us to delete them within 30 days", where the deletion comes between)
_ACT_WINDOW_BEFORE = code_regex(
    r"\b(?:may|can|could|entitled\s+to|right\s+to|free\s+to|able\s+to|peut|pouvez|peuvent|pourra|pourrez|droit\s+de)\s+(?:\w+\s+){0,2}?"
    r"(?:withdraw|revoke|opt\s+out|cancel|object|change\s+\w+\s+mind|retirer|vous\s+retirer|se\s+retirer|rétracter|révoquer)\b"
    r"(?:(?!\b(?:delet\w*|remov\w*|eras\w*|destr\w*|purg\w*|take\s+down|supprim\w*|effac\w*|détrui\w*)\b)[^.;]){0,50}?"
    + _DEADLINE_BEFORE.pattern,  # "within", « dans un délai de », « sous »
    re.IGNORECASE,
)


# "If they do not agree, or do not answer within six months, the Recordings will be deleted": time given to
# answer, not how long a deletion takes
_ANSWER_WINDOW_BEFORE = code_regex(r"\b(?:answer|answers|respond|responds|reply|replies|répond\w*)\s+" + _DEADLINE_BEFORE.pattern, re.IGNORECASE)


def _is_window(sentence: str, d: Duration) -> bool:
    """A deletion deadline, not a retention period: 'within 3 years' counts only when counted from a request;
    'for twelve months' is a period of use, 'may withdraw within six months' the performer's own time."""
    if (
        _USE_PERIOD_BEFORE.search(sentence, 0, d.start)
        or _ACT_WINDOW_BEFORE.search(sentence, max(0, d.start - 120), d.start)
        or _ANSWER_WINDOW_BEFORE.search(sentence, max(0, d.start - 40), d.start)
    ):
        return False
    return d.days < 365 or (d.days <= 3650 and _FROM_REQUEST.match(sentence[d.end:d.end + 80]) is not None)


def _days_value(doc: Document, hits: list[Hit], durations_in: SentenceDurations) -> tuple[Union[float, str, None], Optional[Hit], list[str]]:
    """The longest day window (or 'vague') stated in the hits' sentences; not a production's housekeeping
    ("unused takes are deleted within 90 days of the final mix") when another window says how fast a
    removal comes ("will remove them within 14 days" of a parent's ask)."""
    best: Union[float, str, None] = None
    best_hit = None
    notes = []
    hits = _one_per_sentence(hits)
    windows = {h.sentence: [d for d in durations_in[h.sentence] if _is_window(doc.text[h.sentence[0]:h.sentence[1]], d)] for h in hits}
    asked = {span: [d for d in found if not _FROM_PRODUCTION.match(doc.text, span[0] + d.end)] for span, found in windows.items()}
    # (another window, or a removal with no wait at all: "deleted 90 days after the role is cast" beside "You can also
    # delete it yourself at any time ..., and it is removed straight away")
    if any(asked.values()) or any(_GONE_AT_ONCE.search(doc.text, span[0], span[1]) for span in windows):
        windows = asked
    # "may end this agreement on 60 days' notice, and will then remove the Course within 30 days": the notice
    # is how the way out starts, not how fast the removal comes (unless it is the only time the sentence gives)
    windows = {span: [d for d in found if not _NOTICE_AFTER.match(doc.text, span[0] + d.end)] or found for span, found in windows.items()}
    for h in hits:
        sentence = doc.text[h.sentence[0]:h.sentence[1]]
        durations = windows[h.sentence]
        if durations:
            d = max(durations, key=lambda d: d.days)
            if d.conflict:
                notes.append(d.conflict)
            if best is None or best == "vague" or (isinstance(best, float) and d.days > best):
                best, best_hit = round(d.days, 1), h
        elif (best is None or best == "vague") and _GONE_AT_ONCE.search(sentence):
            best, best_hit = 0.0, h  # "it will stop being shown immediately": no wait at all
        elif best is None and find_vague_time(sentence):
            best, best_hit = "vague", h
    return best, best_hit, notes


# The recordings gone with no wait: "it will stop being shown immediately", "is removed immediately" (not a duty
# to act at once, "agrees to immediately remove", nor "may immediately terminate")
_GONE_AT_ONCE = code_regex(
    r"\b(?:(?:stops?|ceases?)\s+being\s+(?:shown|displayed|visible|available|accessible|offered|playable)"
    r"|(?:is|are|will\s+be|shall\s+be)\s+(?:removed|deleted|erased|taken\s+down|unpublished|hidden)"
    r"|(?:disappears?|vanish(?:es)?)(?:\s+from\s+[^.;]{0,40}?)?)\s+(?:immediately|at\s+once|straight\s+away|right\s+away|instantly)\b",
    re.IGNORECASE,
)


# A window counted from a step of the production, not from an ask: "within 90 days of the final mix",
# "within 30 days after the shoot", "within 12 months of the film's release"
_FROM_PRODUCTION = code_regex(
    r"\W*(?:of|after|from|following)\s+(?:the\s+)?(?:[\w-]+[’']s\s+)?(?:final\s+|last\s+|first\s+|theatrical\s+)?(?:mix|edit|cut|wrap|shoot"
    r"|session|sessions|recording\s+session|delivery|release|premiere|broadcast|launch|publication|casting"
    r"|focus\s+groups?|interviews?|discussions?|workshops?|filming"  # a study's "deleted twelve (12) months after the focus group"
    r"|completion\s+of\s+(?:the\s+)?(?:production|recording|project)"
    r"|role\s+(?:is|has\s+been|was)\s+(?:cast|filled)"  # a casting service's "deleted 90 days after the role is cast"
    # ... or after a job ends: "delete it six (6) months after my employment ends, or within thirty (30) days if I withdraw"
    r"|(?:my|your|his|her|their)\s+(?:employment|engagement|contract|membership)\s+(?:ends?|ended|terminates?|is\s+over))\b",
    re.IGNORECASE,
)


def _status_for_value(value: Union[float, str, None], q: dict) -> str:
    """Threshold status of a value under the rule's quantity limits."""
    if value is None:
        return q["missing"]
    if value == "vague":
        return q["vague"]
    if isinstance(value, str):
        return q["found"]
    if q["pass_max"] is not None and value <= q["pass_max"]:
        return "pass"
    if q["warn_max"] is not None and value <= q["warn_max"]:
        return "warn"
    if q["pass_max"] is None and q["warn_max"] is None:
        return q["found"]
    return "fail"


# A trigger's value for a term that renews by itself ("renews automatically for successive one-year periods")
RENEWS = "renews"
# ... and for uses that go on after the stated period ("Organic posts may stay up after the Usage Period")
OUTLASTS = "outlasts"
# Pay that depends on an event: a bonus, or an amount due only "if" something happens.
_CONTINGENT = code_regex(r"\b(?:bonus|bonuses|if|in\s+the\s+event|prime|primes|si)\b", re.IGNORECASE)
# What the other side pays a go-between, when the contract also says what reaches the performer: "Client
# shall pay Supplier GBP 1,200 per recording day. Supplier shall pay Talent not less than GBP 800 ..."
_PAYEE = code_regex(r"\bpay(?:s|able)?\s+(?:to\s+)?(?:the\s+)?(?P<who>[\w-]+)", re.IGNORECASE)
# The share left after a cut, passed on: "remit the remaining 70%", "pays the balance of 60%" (and after it,
# the other side as payee: "pays the remaining 70% to the Company" is not the performer's share)
_REMAINDER = code_regex(r"\b(?:remit|remits|pay|pays|account|accounts|verse|versera|reverse|reversera)\s+(?:to\s+)?(?:the\s+|le\s+)?(?:remaining|balance(?:\s+of)?|remainder(?:\s+of)?|solde(?:\s+de|,\s+soit)?)\s*$", re.IGNORECASE)
_PAID_TO_THEM = code_regex(rf"[^.;]{{0,40}}?\b(?:to|à)\s+(?:the\s+|la\s+|le\s+|l['’])?(?:{COUNTERPARTY_WORDS})\b", re.IGNORECASE)
_GO_BETWEEN = code_regex(r"suppliers?|agency|agencies|agents?|vendors?|contractors?|lenders?|loan-?out|managers?|management|providers?", re.IGNORECASE)


def _quantity(
    doc: Document, rule: CompiledRule, hits: list[Hit], durations: SentenceDurations, deadlines: frozenset[tuple[int, int]]
) -> tuple[Union[float, str, None], Optional[Hit], list[str]]:
    """The value a rule's quantity names, from its hits (deadlines: see _years_value)."""
    kind = rule.quantity["kind"] if rule.quantity else None
    if kind == "years":
        return _years_value(doc, hits, durations, deadlines)
    if kind == "days":
        return _days_value(doc, hits, durations)
    if kind in ("money", "percent"):
        find = find_pay if kind == "money" else find_percentages
        blank: Optional[tuple[Union[float, str], Hit]] = None
        contingent: Optional[tuple[Union[float, str], Hit]] = None
        if kind == "money":
            hits = _performer_paid_first(doc.text, hits)
        for h in hits:
            rest = _rest_after_cut(doc.text, h) if kind == "percent" else None
            if rest is not None:
                return rest, h, []
            # a match through a defined term ("shall pay the Fee") takes the amount its definition states
            where = [h.sentence] + ([h.via_span] if h.via_span else [])
            for a, b in where:
                found = find(doc.text[a:b])
                if kind == "percent" and (a, b) == h.sentence:
                    # "a fee of 25% of the salary for the broadcast, and a further 10% for each year of
                    # streaming": the share is the percentage the hit is about, the nearest one
                    # ... except that what is left after the other side's cut is the performer's: "retain 30%
                    # of all fees received and remit the remaining 70% to the Performer"
                    found = sorted(found, key=lambda f: (not _passed_on(doc.text, a + f[1], a + f[2]), abs(a + f[1] - h.start)))
                for value, v_start, v_end in found:
                    # "her day rate for each booking, less the Agency's commission of 20%": a cut taken off is no share
                    if kind == "percent" and _DEDUCTED.search(doc.text[max(a, a + v_start - 60):a + v_end]):
                        continue
                    # A form's blank ("$_______") says pay is stated; a real amount elsewhere says how much.
                    if isinstance(value, str) and ("_" in value or "[" in value):
                        blank = blank or (value, h)
                        continue
                    # "a Bonus of USD 5,000 if the Game sells ...": the pay itself, stated elsewhere, comes first
                    if kind == "money" and _CONTINGENT.search(doc.text, a, b):
                        contingent = contingent or (value, h)
                        continue
                    return value, h, []
        chosen = blank or contingent  # an unfilled fee says more than a bonus
        return (chosen[0], chosen[1], []) if chosen else (None, None, [])
    if kind == "jurisdiction":
        for h in sorted(hits, key=lambda h: (h.trigger, h.start)):
            place = find_jurisdiction(doc.text[h.start:h.sentence[1]]) or find_jurisdiction(doc.text[h.sentence[0]:h.sentence[1]])
            if not place and h.sentence[1] - h.sentence[0] <= 40:
                # a run-in title whose clause is the place alone: "6. Governing Law. California."
                end = doc.text.find(".", h.sentence[1], h.sentence[1] + 60)
                place = find_jurisdiction(doc.text[h.start:end + 1]) if end > 0 else None
                if place:  # ... quoted with it: "8. Law. New York."
                    h = dataclasses.replace(h, sentence=(h.sentence[0], end + 1))
            if place:
                return place[0], h, []
        return None, None, []
    return None, None, []


# "VocalBay keeps a 30% commission and pays you the rest within 30 days of each sale": the performer's share is the rest (70)
_KEPT_CUT = code_regex(
    r"\b(?:keeps?|retains?|takes?|deducts?|withholds?)\s+(?:(?:a|an|its|their)\s+)?(?P<cut>\d{1,2}(?:[.,]\d+)?)\s?(?:%|per\s?cent\b|percent\b)"
    r"(?:\s+(?:commission|cut|fee|platform\s+fee)\b)?[^.;]{0,40}?\b(?:pays?|remits?)\s+(?:\w+\s+){0,2}?the\s+(?:rest|remainder|balance)\b",
    re.IGNORECASE,
)


def _rest_after_cut(text: str, hit: Hit) -> Optional[float]:
    """The share left to the performer when the hit's sentence names only the other side's cut and pays the rest."""
    m = _KEPT_CUT.search(text, *hit.sentence)
    if m is None or not (m.start() <= hit.end and hit.start <= m.end()):
        return None
    return round(100 - float(m["cut"].replace(",", ".")), 2)


# a deduction before the percentage: "less the Agency's commission of", "minus a booking fee of", "net of"
_DEDUCTED = code_regex(
    r"\b(?:less|minus|net\s+of|after\s+(?:deducting|deduction\s+of))\s+(?:the\s+|an?\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:commission|fee|cut|charge|deduction)s?\s+(?:of\s+)?[^.;]{0,30}$",
    re.IGNORECASE,
)


def _passed_on(text: str, start: int, end: int) -> bool:
    """Whether the percentage at text[start:end] is what is left after a cut, passed on to the performer."""
    return bool(_REMAINDER.search(text[max(0, start - 40):start])) and not _PAID_TO_THEM.match(text, end)


def _performer_paid_first(text: str, hits: list[Hit]) -> list[Hit]:
    """Hits in order, but those that pay a go-between (an agency, a supplier) after one that pays the
    performer: the amount a performer reads is theirs."""
    found = [_PAYEE.search(text, *h.sentence) for h in hits]
    payees = [m["who"] if m else "" for m in found]
    middle = [_GO_BETWEEN.fullmatch(p) is not None for p in payees]
    if not any(middle) or not any(PERFORMER_NAME.match(p) for p in payees):
        return hits
    return [h for h, m in zip(hits, middle) if not m] + [h for h, m in zip(hits, middle) if m]


def check(doc: Document, ruleset: RuleSet, parallel: bool = True, select: Optional[Iterable[str]] = None) -> DocumentReport:
    """Run every rule on a segmented document and build its report (parallel: see collect_hits); with
    select, only those checks and the rules they are decided from run, and the report holds only them."""
    chosen = None if select is None else set(select)
    needed = None if chosen is None else ruleset.needed_for(chosen)
    rules = ruleset.rules if needed is None else [r for r in ruleset.rules if r.id in needed]
    all_hits = collect_hits(doc, ruleset, parallel=parallel, only=needed)
    results: dict[str, CheckResult] = {}
    values: dict[str, tuple[Union[float, str, None], Optional[Hit], list[str]]] = {}
    durations = SentenceDurations(doc)
    deadlines = frozenset(h.sentence for r in rules if r.quantity and r.quantity["kind"] == "days" for h in all_hits[r.id])
    for rule in rules:
        if rule.quantity:
            values[rule.id] = _quantity(doc, rule, [h for h in all_hits[rule.id] if h.effect in ("value", "grant", "weaken", "flag")], durations, deadlines)
    finite_term = any(
        isinstance(values[r.id][0], float) and not _engagement_term(doc, values[r.id][1], ruleset.lexicon)
        for r in rules if r.kind == "threshold" and r.quantity and r.quantity["kind"] == "years"
    )
    # Checks flagged only by a prohibition ("will not use the Images to train AI"): shown, but they
    # raise no other check.
    prohibited_only: set[str] = set()
    # A heading or a run-in title that calls the grant perpetual ("4. PERPETUAL LICENCE", "2. Perpetual
    # Archive. ... for two (2) years") gives way to the term its clauses state.
    perpetual_checks = {r.perpetual_from for r in ruleset.rules if r.perpetual_from}
    for rule in rules:
        if rule.kind != "threshold":
            overruling = [h for r in rule.heading_yields_to for h in all_hits.get(r, ()) if h.effect == "grant"]
            hits = [
                h for h in all_hits[rule.id]
                if not (
                    (h.cancelled_by_term or (rule.id in perpetual_checks and _in_a_title(doc, h)))
                    and (finite_term or _ends_on_a_date(doc, h))
                )
                and not (overruling and _overruled_under_heading(doc, h, overruling))
            ]
            results[rule.id] = _decide(doc, rule, hits, values.get(rule.id))
            flags = [h for h in hits if h.effect == "flag"]
            # A heading naming the topic ("Article 5 - Synthetic voices.") is not a use of its own.
            flags = [h for h in flags if not _in_a_title(doc, h)] or flags
            if flags and all(h.negated for h in flags):
                prohibited_only.add(rule.id)
    for rule in rules:
        if rule.kind == "threshold":
            results[rule.id] = _decide_threshold(doc, rule, all_hits[rule.id], values[rule.id], results)
            if rule.perpetual_from and rule.quantity and rule.quantity["perpetual_min"]:
                _perpetual_by_length(results[rule.id], results.get(rule.perpetual_from), rule.quantity["perpetual_min"])
    for rule in rules:
        res = results[rule.id]
        waived = [w for w in rule.waived_by if results.get(w) is not None and results[w].status == "pass"]
        if waived and rule.kind == "red_flag" and res.status in ("warn", "fail"):
            res.status = "pass"
            res.notes.append("not a buy-out on its own: " + ", ".join(waived) + " also applies")
            continue
        # A protection another check gives (pay stated as a share of revenue) fills in where the
        # contract says nothing about it; where the contract refuses it ("no fee for the licence"),
        # the two together are a warning, and a warning about what it says stays.
        if waived and res.status == "fail":
            res.status = "warn" if res.findings else "pass"
            res.notes = ["given through " + ", ".join(waived) + (", but refused in another place" if res.findings else "")]
            continue
        others = [
            o for o in (rule.escalate or {}).get("when", [])
            if results.get(o) is not None and results[o].status in ("warn", "fail") and o not in prohibited_only
        ]
        if rule.escalate and res.status in ("warn", "fail") and others and rule.id not in prohibited_only:
            if rule.escalate["to"] == "fail" or res.status == "warn":
                res.status = rule.escalate["to"]
                res.notes.append("raised because " + ", ".join(others) + (" also flags" if len(others) == 1 else " also flag"))
    checks = [results[r.id] for r in rules if chosen is None or r.id in chosen]
    groups = []
    for gid, title in GROUP_TITLES.items():
        members = [c for c in checks if c.group == gid]
        if members:
            groups.append(GroupResult(gid, title, worst([c.status for c in members]), [c.id for c in members]))
    law = results.get("governing-law")
    return DocumentReport(
        path=doc.path, sha256=doc.sha256, format=doc.format, pages=doc.pages, language=doc.language,
        jurisdiction=law.value if law and isinstance(law.value, str) else None,
        jurisdiction_source="contract" if law and isinstance(law.value, str) else None, notes=list(doc.notes),
        checks=checks, groups=groups,
    )


def _result(rule: CompiledRule, status: str, value: Union[float, str, None] = None) -> CheckResult:
    return CheckResult(
        id=rule.id, group=rule.group, title=rule.title, kind=rule.kind, severity=rule.severity, status=status,
        value=value, explanation=rule.explanation, question=rule.question, references=list(rule.references),
    )


def _findings(doc: Document, rule: CompiledRule, hits: list[Hit], limit: int = 8) -> list[Finding]:
    """Findings for hits, one per sentence, in document order."""
    seen = set()
    out = []
    for h in sorted(hits, key=lambda h: h.start):
        if h.sentence in seen:
            continue
        seen.add(h.sentence)
        out.append(_finding(doc, h, rule, _message(rule, h, doc)))
        if len(out) >= limit:
            break
    return out


def _in_a_title(doc: Document, hit: Hit) -> bool:
    """The match is in a heading or in its clause's run-in title ("5. Synthetic voices. The Museum ...")."""
    seg = doc.segments[hit.segment]
    return seg.zone == "heading" or hit.end <= seg.title_end


def _decide(doc: Document, rule: CompiledRule, hits: list[Hit], value: Optional[tuple]) -> CheckResult:
    """Status of a red flag or a protection from its hits."""
    by = {e: [h for h in hits if h.effect == e] for e in ("flag", "protects", "grant", "weaken", "refuse")}
    if rule.kind == "red_flag":
        if by["flag"]:
            res = _result(rule, rule.severity)
            res.findings = _findings(doc, rule, by["flag"])
        elif by["weaken"]:
            # present, but its own clause limits it: a warning whatever the rule's severity
            res = _result(rule, "warn")
            res.findings = _findings(doc, rule, by["weaken"])
        else:
            res = _result(rule, "pass")
            res.findings = _findings(doc, rule, by["protects"])
            if not by["protects"]:
                res.notes.append("no clause found that grants this")
    else:
        yielded = [h for h in by["grant"] + by["weaken"] if by["refuse"] and rule.triggers[h.trigger].yields_to_refusal]
        by["grant"] = [h for h in by["grant"] if h not in yielded]
        by["weaken"] = [h for h in by["weaken"] if h not in yielded]
        if by["grant"]:
            by["refuse"] = [h for h in by["refuse"] if not rule.triggers[h.trigger].outweighed_by_grant]
        if by["grant"] and not by["refuse"]:
            res = _result(rule, "pass")
            res.findings = _findings(doc, rule, by["grant"])
        elif by["grant"]:
            res = _result(rule, "warn")
            res.findings = _findings(doc, rule, by["grant"] + by["refuse"])
            res.notes.append("granted in one place but limited or refused in another")
        elif by["weaken"]:
            res = _result(rule, "warn")
            res.findings = _findings(doc, rule, by["weaken"] + by["refuse"])
        else:
            res = _result(rule, rule.severity)
            res.findings = _findings(doc, rule, by["refuse"])
            if not by["refuse"]:
                res.notes.append("the contract does not give you this")
        if yielded:
            res.notes.append(f"'{_matched_words(doc, yielded[0])}' gives less than it seems, and another clause refuses it")
    if value is not None and value[0] is not None:
        res.value = value[0]
        res.notes.extend(value[2])
    return res


def _engagement_term(doc: Document, hit: Optional[Hit], lexicon: dict[str, list[str]]) -> bool:
    """True when the term found is only how long the agreement runs ("This Agreement runs for one academic
    year and may be renewed"), in a sentence that names no grant or recordings (the rules' own {grant} and
    {object} words): the engagement ends, but what the other side owns or keeps after it does not."""
    if hit is None:
        return False
    sentence = doc.text[hit.sentence[0]:hit.sentence[1]]
    if not _AGREEMENT_RUNS.search(sentence):
        return False
    return not compile_phrases(["{grant}", "{object}"], lexicon).search(safe_lower(sentence))


def _ends_on_a_date(doc: Document, hit: Hit) -> bool:
    """True when the hit's sentence gives the grant an end date ("irrevocable until 31 December 2027"),
    which limits it as a term does even where no start date gives the term a length."""
    sentence = doc.text[hit.sentence[0]:hit.sentence[1]]
    until = _UNTIL.search(sentence)
    return until is not None and any(start > until.start() for _, start, _ in find_dates(sentence))


def _perpetual_by_length(term: CheckResult, perpetual: Optional[CheckResult], minimum: float) -> None:
    """Fail the perpetual check when the stated term is perpetual in all but name ("99 years")."""
    if perpetual is None or perpetual.status != "pass" or not isinstance(term.value, float) or term.value < minimum:
        return
    perpetual.status = "fail"
    perpetual.findings = term.findings[:3]
    # Replaces "no clause found that grants this", which the term's own clause now contradicts.
    perpetual.notes = [f"a term of {term.value:g} years outlasts a working life: read as perpetual ({minimum:g} years or more)"]


def _overruled_under_heading(doc: Document, hit: Hit, grants: list[Hit]) -> bool:
    """Whether a hit in a heading is overruled by another check's grant in the clauses under it, up to
    the next heading ("4. IRREVOCABLE CONSENT" above "You may withdraw this consent at any time")."""
    segs = doc.segments
    if segs[hit.segment].zone != "heading":
        return False
    end = next((j for j in range(hit.segment + 1, len(segs)) if segs[j].zone == "heading"), len(segs))
    return any(hit.segment < g.segment < end for g in grants)


def _decide_threshold(doc: Document, rule: CompiledRule, hits: list[Hit], value: tuple, results: dict[str, CheckResult]) -> CheckResult:
    """Status of a threshold check from its extracted value."""
    v, hit, notes = value
    q = rule.quantity or {}
    if rule.perpetual_from and results.get(rule.perpetual_from) and results[rule.perpetual_from].status in ("fail", "warn"):
        res = _result(rule, "fail", "perpetual")
        res.findings = results[rule.perpetual_from].findings[:3]
        res.notes.append(f"the grant has no end: see {rule.perpetual_from}")
        return res
    res = _result(rule, _status_for_value(v, q), v)
    res.notes.extend(notes)
    if hit is not None:
        res.findings = [_finding(doc, hit, rule, _message(rule, hit, doc))]
    elif v is None:
        res.notes.append("not stated")
    renewal = next((h for h in hits if h.value == RENEWS and h.effect == "value"), None)
    if renewal is not None and q.get("renewing") and worst([res.status, q["renewing"]]) != res.status:
        # "lasts two years and renews automatically unless the Company gives notice": the stated term is
        # not the real one when only the other side can stop the renewals.
        res.status = q["renewing"]
        if renewal.sentence != (hit.sentence if hit else None):
            res.findings.append(_finding(doc, renewal, rule, _message(rule, renewal, doc)))
        res.notes.append("the term renews by itself, and nothing lets you stop the renewals")
    outlast = next((h for h in hits if h.value == OUTLASTS and h.effect == "value"), None)
    if outlast is not None:
        # "Organic posts may remain live after the Usage Period": the stated period does not end every use, and
        # how long the rest lasts is not said (with no stated period at all, that is the length: vague).
        if v is None:
            res.status, res.value = _status_for_value("vague", q), "vague"
            res.notes = [n for n in res.notes if n != "not stated"]
        elif isinstance(v, float) and worst([res.status, q.get("vague", "warn")]) != res.status:
            res.status = q.get("vague", "warn")
            res.notes.append("some uses go on after the stated period, for as long as the other side likes")
        if outlast.sentence != (hit.sentence if hit else None):
            res.findings.append(_finding(doc, outlast, rule, _message(rule, outlast, doc)))
    return res
