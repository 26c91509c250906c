"""Compiled rules: what the engine runs (plain dataclasses; the schema lives in schema.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional, Pattern


@dataclass
class CompiledTrigger:
    """A trigger with its phrases compiled."""

    pattern: Pattern[str]
    effect: str
    requires: Optional[Pattern[str]] = None
    near: Optional[Pattern[str]] = None
    party: str = "any"
    negation: str = "invert"
    via_definitions: bool = False
    cancelled_by_term: bool = False
    message: Optional[str] = None
    value: Optional[str] = None


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
    unless_context: Optional[Pattern[str]] = None
    weakened_by: Optional[Pattern[str]] = None
    hollowed_by: Optional[Pattern[str]] = None
    quantity: Optional[dict[str, Any]] = None
    perpetual_from: Optional[str] = None
    escalate: Optional[dict[str, Any]] = None
    waived_by: list[str] = field(default_factory=list)
    cues: frozenset[str] = frozenset()  # empty: try this rule on every clause
    source: str = ""
    line: int = 0


@dataclass
class RuleSet:
    """All loaded rules, their shared lexicon, and the one-pass prefilter over their cues."""

    rules: list[CompiledRule]
    lexicon: dict[str, list[str]] = field(default_factory=dict)
    prefilter: Optional[Pattern[str]] = None
    cue_rules: dict[str, list[str]] = field(default_factory=dict)  # cue -> rule ids
    cue_prefixes: dict[str, list[str]] = field(default_factory=dict)  # cue -> cues that are its prefixes
    always: list[str] = field(default_factory=list)  # rule ids without cues

    def get(self, rule_id: str) -> Optional[CompiledRule]:
        """The rule with this id, if loaded."""
        return next((r for r in self.rules if r.id == rule_id), None)

    def candidates(self, lower_text: str) -> dict[str, list[int]]:
        """Rule id -> offsets of cue hits in the (lower-cased) text: one pass over the text."""
        hits: dict[str, list[int]] = {}
        if self.prefilter is None:
            return hits
        for m in self.prefilter.finditer(lower_text):
            for cue in self.cue_prefixes.get(m.group(), (m.group(),)):
                for rid in self.cue_rules.get(cue, ()):
                    hits.setdefault(rid, []).append(m.start())
        return hits


def build_prefilter(rules: list[CompiledRule]) -> tuple[Optional[Pattern[str]], dict[str, list[str]], dict[str, list[str]], list[str]]:
    """The combined cue regex, cue -> rules, cue -> its prefix cues, and rules that have no cues."""
    from termcheck.rules.phrases import trie_regex

    cue_rules: dict[str, list[str]] = {}
    always = []
    for r in rules:
        if not r.cues:
            always.append(r.id)
        for c in r.cues:
            cue_rules.setdefault(c, []).append(r.id)
    if not cue_rules:
        return None, {}, {}, always
    cues = sorted(cue_rules)
    prefixes = {c: [p for p in cues if c.startswith(p)] for c in cues}
    pattern = re.compile(r"(?<![\w])" + trie_regex(cues))
    return pattern, cue_rules, prefixes, always
