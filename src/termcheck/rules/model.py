"""Compiled rules: what the engine runs (plain dataclasses; the schema lives in schema.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, Iterable, Iterator, Literal, Optional, Pattern

from termcheck.rules.lazy import LazyRegex, compiled
from termcheck.rules.phrases import phrase_regex
from termcheck.rules.precompiled import compile_regex


@dataclass
class CompiledTrigger:
    """A trigger with its phrases compiled."""

    pattern: Pattern[str]
    effect: str
    requires: Optional[Pattern[str]] = None
    near: Optional[Pattern[str]] = None
    unless: Optional[Pattern[str]] = None  # read in the match's sentence only, never its clause's context ...
    # ... or in its whole clause: "It renews automatically. You may cancel at any time before the renewal date."
    unless_reads_clause: bool = False
    party: str = "any"
    negation: str = "invert"
    via_definitions: bool = False
    # requires and near may be met by the definition of a defined term the clause uses
    requires_via_definitions: bool = False
    # A match that begins inside a defined term counts only if the term's definition matches: '"Permitted
    # Users" means the Company's employees' makes "Permitted Users may use the Recordings" no use by others.
    defined_terms_mean: Optional[Pattern[str]] = None
    # A match that cites sections by number counts only if one of their titles matches: "Clause 1 survives
    # any termination" outlives the agreement where clause 1 is "GRANT", not where it is "PAYMENT".
    cited_sections_titled: Optional[Pattern[str]] = None
    # How far requires may reach beyond the sentence and its clause's context: "clause", another sentence
    # of the clause ("Talent may terminate this Agreement ... Within thirty days after termination,
    # Licensee shall delete ..."); "related", a clause that speaks of it ("8.1 Either party may terminate
    # ... 8.2 On termination, Company shall cease all use"); "document", any clause ("The licence renews
    # unless the Voice Artist gives notice" in one, "At the end of the licence, Sonance shall delete the
    # Voice" in another).
    requires_reach: Literal["sentence", "clause", "related", "document"] = "sentence"
    cancelled_by_term: bool = False
    # A grant or refusal of this trigger settles its sentence: the rule's other matches there are
    # dropped, and the rule's `unless` does not cancel it ("credited, or anonymously if the Performer so
    # requests" is the performer's choice; « renonce à être cité au générique » is a waiver of credit).
    settles: bool = False
    # A refusal that only says what is missing ("good and valuable consideration"): a grant anywhere
    # else in the contract outweighs it instead of making the check a warning.
    outweighed_by_grant: bool = False
    # A refusal quoted only when nothing in the contract grants ("On expiry of the Term, Buyer must
    # destroy all copies" is no deletion right, but the performer should see it): any grant outweighs
    # it, and it takes nothing from a grant whose words it shares.
    fallback: bool = False
    # A grant that says less than it seems (a CC BY licence credits whoever licenses the recordings): a
    # refusal anywhere else in the contract ("published without your name") outweighs it.
    yields_to_refusal: bool = False
    message: Optional[str] = None
    value: Optional[str] = None
    cues: frozenset[str] = frozenset()  # literal stems one of which a clause needs; empty: try every clause
    # The trigger's phrases that hold a negation word of their own ("not revocable", "no end date"): a
    # match of one of them is not negated by that word; any other match that spans one is.
    negating: Optional[Pattern[str]] = None
    reach: int = 320  # the longest a match can be, in characters: text farther than this from a cue is not scanned
    # Cue -> how far a match holding it can start before it and end after its start: the stretch scanned.
    cue_reach: dict[str, tuple[int, int]] = field(default_factory=dict)
    # Cue -> what must hold where it stands for one of the phrases it cues to hold it there (a cue
    # without a gate: some phrase can hold it anywhere)
    gates: dict[str, "CueGate"] = field(default_factory=dict)


@dataclass(frozen=True)
class CueGate:
    """What must hold where a cue stands for one of a trigger's phrases to hold it there: most cues
    in a contract ("licence", "payment") start no match, and are passed over before any scan. The
    regexes are kept as sources and compiled the first time the cue is found: a short contract finds
    few of them, and compiling them all is a third of the rules' load time."""

    starting: Optional[str]  # phrases that start at their cue word: the phrase itself
    going_on: Optional[str]  # phrases with words before the cue: their part from the cue on ...
    before: Optional[str]  # ... and those words, which must end where the cue starts (\Z)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled as its sources (the bound matchers are made again when first needed)."""
        return {k: v for k, v in self.__dict__.items() if k != "checks"}

    def sources(self) -> list[str]:
        """The gate's regex sources."""
        return [s for s in (self.starting, self.going_on, self.before) if s is not None]

    @cached_property
    def checks(self) -> "GateChecks":
        """The gate as bound matchers (starting; going on with before, as a pair), for the prefilter's
        inner loop, where a method call per cue and trigger is a measurable share."""
        starting = compile_regex(self.starting).match if self.starting is not None else None
        if self.going_on is None or self.before is None:
            return starting, None
        return starting, (compile_regex(self.going_on).match, compile_regex(self.before).search)


Matcher = Callable[..., Optional["re.Match[str]"]]
GateChecks = tuple[Optional[Matcher], Optional[tuple[Matcher, Matcher]]]


@dataclass
class CompiledRule:
    """A rule ready to run, with the literal cues that let the prefilter skip clauses."""

    id: str
    title: str
    group: str
    kind: str
    severity: str
    languages: list[str]
    zones: frozenset[str]
    triggers: list[CompiledTrigger]
    explanation: str
    question: str
    references: list[str]
    examples: dict[str, list[Any]]
    unless: Optional[Pattern[str]] = None
    # cancels every hit in a clause that holds one, in any of its sentences ("The Company may sublicense
    # its rights. However, any sublicence shall require the Performer's prior written consent.")
    unless_in_clause: Optional[Pattern[str]] = None
    # ... or anywhere in the document: a way out precise enough to speak of this very grant wherever it
    # stands ("The Performer may terminate the licence on thirty days' written notice")
    unless_in_document: Optional[Pattern[str]] = None
    # cancels a hit that uses a defined term whose definition says one of them ("share the Recordings with
    # its Partners", where '"Partners" means the Company's hosting provider, acting only on its instructions')
    unless_terms_mean: Optional[Pattern[str]] = None
    unless_context: Optional[Pattern[str]] = None
    weakened_by: Optional[Pattern[str]] = None
    hollowed_by: Optional[Pattern[str]] = None
    quantity: Optional[dict[str, Any]] = None
    perpetual_from: Optional[str] = None
    escalate: Optional[dict[str, Any]] = None
    waived_by: list[str] = field(default_factory=list)
    heading_yields_to: list[str] = field(default_factory=list)  # see schema.Rule
    source: str = ""
    line: int = 0

    def compile_patterns(self) -> None:
        """Compile the rule's and its triggers' regexes now, in place of their lazy stand-ins."""
        for owner, name in self.regex_fields():
            setattr(owner, name, compiled(getattr(owner, name)))

    def regex_fields(self) -> Iterator[tuple[object, str]]:
        """(object, attribute) of every regex of the rule and of its triggers (each may be None)."""
        yield from ((self, name) for name in _RULE_REGEXES)
        for t in self.triggers:
            yield from ((t, name) for name in _TRIGGER_REGEXES)


_RULE_REGEXES = ("unless", "unless_in_clause", "unless_in_document", "unless_terms_mean", "unless_context", "weakened_by", "hollowed_by")
_TRIGGER_REGEXES = ("pattern", "requires", "near", "negating", "unless")


TriggerKey = tuple[str, int]  # (rule id, index of the trigger in the rule)
CueSpan = tuple[int, int, int]  # a cue's offset, and how far a match holding it reaches before and after it
CueTarget = tuple[TriggerKey, int, int, Optional[CueGate]]  # a trigger a cue leads to: its reaches around the cue, its gate
BoundTarget = tuple[TriggerKey, int, int, Optional[GateChecks]]  # the same with the gate compiled


@dataclass
class RuleSet:
    """All loaded rules, their shared lexicon, and the one-pass prefilter over their triggers' cues."""

    rules: list[CompiledRule]
    lexicon: dict[str, list[str]] = field(default_factory=dict)
    prefilter: Optional[Pattern[str]] = None
    # a text the prefilter finds -> the triggers it cues (its own and its prefixes' as stems), with
    # how far their matches reach around it and their gates
    cue_targets: dict[str, list[CueTarget]] = field(default_factory=dict)
    always: list[TriggerKey] = field(default_factory=list)  # triggers without cues
    # cue_targets with their gates compiled, text by text as the prefilter first finds them
    bound: dict[str, list[BoundTarget]] = field(default_factory=dict, repr=False)
    forks: int = field(default=0, repr=False)  # long contracts split over a second process so far (before_fork)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled (precompiled.py's stored rule set) with the prefilter as its source and no gate bound."""
        return {**self.__dict__, "prefilter": None if self.prefilter is None else self.prefilter.pattern, "bound": {}, "forks": 0}

    def __setstate__(self, state: dict[str, Any]) -> None:
        source = state["prefilter"]
        self.__dict__.update(state, prefilter=None if source is None else compile_regex(source))

    def get(self, rule_id: str) -> Optional[CompiledRule]:
        """The rule with this id, if loaded."""
        return next((r for r in self.rules if r.id == rule_id), None)

    def needed_for(self, rule_ids: Iterable[str]) -> set[str]:
        """The rules these rules' results are decided from, themselves included: the checks they escalate
        with, are waived by, read a perpetual grant from or yield a heading to, in turn; the rules that
        count years, for a rule whose hits a finite licence term cancels ("during the Term"); the rules
        that count days, for a rule that reads a quantity (a deadline's sentence states no length)."""
        by_id = {r.id: r for r in self.rules}
        perpetual_checks = {r.perpetual_from for r in self.rules if r.perpetual_from}
        counting = {kind: [r.id for r in self.rules if r.quantity and r.quantity.get("kind") == kind] for kind in ("years", "days")}
        needed: set[str] = set()
        todo = [i for i in rule_ids if i in by_id]
        while todo:
            rule = by_id[todo.pop()]
            if rule.id in needed:
                continue
            needed.add(rule.id)
            todo += [*rule.waived_by, *rule.heading_yields_to, *(rule.escalate or {}).get("when", [])]
            todo += [rule.perpetual_from] if rule.perpetual_from else []
            if rule.id in perpetual_checks or any(t.cancelled_by_term for t in rule.triggers):
                todo += counting["years"]
            if rule.quantity:
                todo += counting["days"]
            todo = [i for i in todo if i in by_id and i not in needed]
        return needed

    def candidates(self, lower_text: str, start: int = 0, end: Optional[int] = None) -> dict[TriggerKey, list[CueSpan]]:
        """Trigger -> its cues in the (lower-cased) text, or in text[start:end], with their reaches: one
        pass over the text for all rules."""
        hits: dict[TriggerKey, list[CueSpan]] = {}
        if self.prefilter is None:
            return hits
        bound = self.bound
        for m in matches_starting_in(self.prefilter, lower_text, start, end, max(map(len, self.cue_targets))):
            o = m.start()
            text = m.group()
            targets = bound.get(text) or self.bind(text)
            for key, before, after, gate in targets:
                if gate is not None:
                    # A phrase can hold the cue here: one starts at it, or one goes on from it and
                    # its words before the cue end right there.
                    starts, going_on = gate
                    if not (
                        (starts is not None and starts(lower_text, o))
                        or (going_on is not None and going_on[0](lower_text, o) and going_on[1](lower_text, max(0, o - before), o))
                    ):
                        continue
                hits.setdefault(key, []).append((o, before, after))
        return hits

    def bind(self, text: str) -> list[BoundTarget]:
        """The triggers a cue text leads to, with their gates compiled (once)."""
        targets = [(key, before, after, gate.checks if gate is not None else None) for key, before, after, gate in self.cue_targets[text]]
        self.bound[text] = targets
        return targets

    @property
    def object_source(self) -> str:
        """The regex of what the {object} lexicon entry names (a recording, a voice, footage ...); one that
        matches nothing when the loaded packs have no such entry."""
        return phrase_regex("{object}", self.lexicon) if "object" in self.lexicon else r"(?!)"

    @cached_property
    def object_word(self) -> Pattern[str]:
        """What the {object} lexicon entry names, compiled (recordings.py reads a defined term's words with it)."""
        return compile_regex(self.object_source)

    def before_fork(self) -> None:
        """Before a long contract's second half goes to a forked process: the first time, nothing (each process
        compiles what its half needs, 1.1 s less than compiling every regex for a 490,000-character contract); from
        the second on, every regex once, so that later children inherit them (a library checking many)."""
        self.forks += 1
        if self.forks > 1:
            self.compile_all()

    def compile_all(self) -> None:
        """Compile every regex and gate now (they are compiled when first needed): before forking
        workers, so that each need not compile its own, and to prove they all compile."""
        for text in self.cue_targets.keys() - self.bound.keys():
            self.bind(text)
        for rule in self.rules:
            rule.compile_patterns()

    def regex_sources(self) -> set[str]:
        """The source of every regex these rules compile, the prefilter's and the gates' included
        (what a wheel build compiles ahead: precompiled.py)."""
        sources = {self.prefilter.pattern} if self.prefilter is not None else set()
        sources.add(self.object_source)
        for targets in self.cue_targets.values():
            sources.update(s for _, _, _, gate in targets if gate is not None for s in gate.sources())
        for rule in self.rules:
            lazy = (getattr(owner, name) for owner, name in rule.regex_fields())
            sources.update(p.pattern for p in lazy if isinstance(p, LazyRegex))
        return sources


def matches_starting_in(pattern: Pattern[str], text: str, start: int, end: Optional[int], longest: int) -> Iterator["re.Match[str]"]:
    """pattern's matches in text that start in [start, end), each read whole: the scan goes on past
    end by longest characters (no match is longer), so a match at the edge sees the text after it."""
    end = len(text) if end is None else end
    for m in pattern.finditer(text, start, end + longest + 1):
        if m.start() >= end:
            return
        yield m


def _word_cues_in(text: str, words: set[str]) -> list[str]:
    """The word cues text stands for: itself, and each cue it begins with up to a word's end ('buy' in 'buy-out')."""
    ends = [i for i in range(1, len(text)) if not (text[i].isalnum() or text[i] == "_")]
    return [text[:i] for i in ends if text[:i] in words] + ([text] if text in words else [])


def build_prefilter(rules: list[CompiledRule]) -> RuleSet:
    """A RuleSet whose prefilter is one trie-shaped regex over every trigger's cues."""
    from termcheck.trie import trie_regex

    cue_triggers: dict[str, list[CueTarget]] = {}
    always: list[TriggerKey] = []
    for r in rules:
        for i, t in enumerate(r.triggers):
            if not t.cues:
                always.append((r.id, i))
            for c in t.cues:
                before, after = t.cue_reach.get(c, (t.reach, t.reach))
                cue_triggers.setdefault(c, []).append(((r.id, i), before, after, t.gates.get(c)))
    pattern = None
    targets: dict[str, list[CueTarget]] = {}
    if cue_triggers:
        # The regex finds the longest cue text at each word start; a found text then stands for every
        # stem cue that is its prefix ('sublicen*' for 'sublicense'), for the whole word if exact, and for
        # each word cue it begins with up to a word's end ('buy' in 'buy-out', which the longer match hides).
        stems = sorted({c.rstrip("*") for c in cue_triggers if c.endswith("*")})
        words = sorted({c for c in cue_triggers if not c.endswith("*")})
        word_set = set(words)
        texts = sorted(set(stems) | word_set)
        for text in texts:
            cues = [s + "*" for s in stems if text.startswith(s)] + _word_cues_in(text, word_set)
            targets[text] = [target for c in cues for target in cue_triggers[c]]
        word_texts = [w for w in words if w[0].isalnum()]
        stem_texts = [s for s in stems if s[0].isalnum()]
        symbols = [text for text in texts if not text[0].isalnum()]  # '$', '€', '[': anywhere, even after a letter
        alternatives = []
        if word_texts:  # whole words first: a word cue may extend a stem ('years' beyond 'year*')
            alternatives.append(r"(?<![\w])(?:" + trie_regex(word_texts) + r")(?![\w])")
        if stem_texts:
            alternatives.append(r"(?<![\w])" + trie_regex(stem_texts))
        if symbols:
            alternatives.append(trie_regex(symbols))
        pattern = compile_regex("|".join(alternatives))
    return RuleSet(rules=rules, prefilter=pattern, cue_targets=targets, always=always)
