"""The rule schema (pydantic): what a rule pack may say, checked field by field."""

from __future__ import annotations

import re
from typing import Literal, Optional, Union

from termcheck.rules.schema_groups import GROUP_TITLES
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

GROUPS = GROUP_TITLES
ZONES = {"operative", "definition", "recital", "heading", "signature", "table", "toc", "running", "explanatory"}
_ID = re.compile(r"^(?:[a-z0-9][a-z0-9-]*\.)?[a-z0-9][a-z0-9-]*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Example(_Strict):
    """An example clause with what the check must say about it."""

    text: str = Field(min_length=1)
    status: Optional[Literal["pass", "warn", "fail", "unknown", "not-applicable"]] = None
    value: Union[float, str, None] = None


ExampleItem = Union[str, Example]


class Examples(_Strict):
    """Clauses the rule must detect, and clauses it must not."""

    match: list[ExampleItem] = Field(min_length=1)
    no_match: list[ExampleItem] = Field(min_length=1)


class Trigger(_Strict):
    """Phrases that, under their conditions, produce a finding of one effect."""

    phrases: list[str] = Field(min_length=1)
    effect: Optional[Literal["flag", "grant", "refuse", "weaken", "value"]] = None
    requires: list[str] = []
    near: list[str] = []
    unless: list[str] = []  # cancels this trigger's matches in a sentence that holds one (the rule's `unless` cancels every trigger's)
    party: Literal["counterparty", "performer", "any"] = "any"
    negation: Optional[Literal["invert", "skip", "ignore", "mention"]] = None
    via_definitions: bool = False
    requires_via_definitions: bool = False
    # a match that begins inside a defined term counts only if the definition says one of these ("Permitted Users")
    defined_terms_mean: list[str] = []
    # a match that cites sections by number ("Clause 1 survives") counts only if one cited section's title says one of these
    cited_sections_titled: list[str] = []
    requires_in_clause: bool = False  # requires may be met by another sentence of the match's clause
    unless_reads_clause: bool = False  # unless may be met by another sentence of the match's clause
    requires_in_document: bool = False  # requires may be met by any clause of the document
    # requires may be met by a clause that speaks of the match's: one numbered under the same section
    # ("8.1 Either party may terminate ... 8.2 On termination, Company shall cease all use") or one that names it
    requires_in_related: bool = False
    cancelled_by_term: bool = False
    settles: bool = False
    outweighed_by_grant: bool = False
    # a refusal quoted only when nothing grants: it takes nothing from a grant it overlaps
    fallback: bool = False
    yields_to_refusal: bool = False
    message: Optional[str] = None
    value: Optional[str] = None
    cues: list[str] = []

    @model_validator(mode="after")
    def _fallback_refuses(self) -> "Trigger":
        """A fallback is a refusal: it quotes what falls short when nothing grants."""
        if self.fallback and self.effect != "refuse":
            raise ValueError("'fallback' is for a trigger with effect: refuse")
        return self


class Quantity(_Strict):
    """A value to extract and the limits that decide the status."""

    kind: Literal["years", "days", "percent", "money", "jurisdiction"]
    pass_max: Optional[float] = None
    warn_max: Optional[float] = None
    vague: Literal["pass", "warn", "fail"] = "warn"
    missing: Literal["pass", "warn", "fail", "unknown"] = "unknown"
    found: Literal["pass", "warn", "fail"] = "pass"
    # A value this large means "forever" in all but name: the rule's perpetual_from check fails too.
    perpetual_min: Optional[float] = Field(default=None, gt=0)
    # The status, at least, of a term that renews by itself when nothing lets the performer stop it (a
    # trigger with `value: renews` finds the renewal; its `unless` names the ways out).
    renewing: Optional[Literal["warn", "fail"]] = None


class Escalate(_Strict):
    """Raise the status when other checks also flag."""

    to: Literal["warn", "fail"]
    when: list[str] = Field(min_length=1)


class Rule(_Strict):
    """One check: a red flag, a protection or a threshold."""

    id: str
    title: str = Field(min_length=3)
    group: str
    kind: Literal["red_flag", "protection", "threshold"]
    severity: Literal["fail", "warn"] = "fail"
    languages: list[Literal["en", "fr"]] = ["en"]
    zones: list[str] = ["operative", "table"]
    triggers: list[Trigger] = Field(min_length=1)
    unless: list[str] = []
    unless_in_clause: list[str] = []
    unless_in_document: list[str] = []
    unless_terms_mean: list[str] = []
    unless_context: list[str] = []
    weakened_by: list[str] = []
    hollowed_by: list[str] = []
    quantity: Optional[Quantity] = None
    perpetual_from: Optional[str] = None
    escalate: Optional[Escalate] = None
    waived_by: list[str] = []
    # checks whose grant in the clauses under a heading overrules this check's hit in that heading
    # ("4. IRREVOCABLE CONSENT" above "You may withdraw this consent at any time")
    heading_yields_to: list[str] = []
    explanation: str = Field(min_length=10)
    question: str = Field(min_length=10)
    references: list[str] = []
    examples: Examples

    @field_validator("id")
    @classmethod
    def _id_form(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError("must be kebab-case (third-party packs: 'pack.check-id')")
        return v

    @field_validator("group")
    @classmethod
    def _known_group(cls, v: str) -> str:
        if v not in GROUPS:
            raise ValueError(f"must be one of {', '.join(GROUPS)}")
        return v

    @field_validator("zones")
    @classmethod
    def _known_zones(cls, v: list[str]) -> list[str]:
        bad = [z for z in v if z not in ZONES]
        if bad:
            raise ValueError(f"unknown zone(s) {', '.join(bad)}; zones are {', '.join(sorted(ZONES))}")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> "Rule":
        if self.kind == "threshold" and self.quantity is None:
            raise ValueError("a threshold rule needs a 'quantity'")
        return self


class Pack(_Strict):
    """A rule pack file: optional lexicon entries and rules."""

    pack: Optional[str] = None
    description: Optional[str] = None
    lexicon: dict[str, list[str]] = {}
    rules: list[dict] = []
