"""What a configuration changes: thresholds before the engine runs; selection, severity and jurisdiction after."""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field, replace
from typing import Mapping, Optional

from termcheck.config import CLI_SOURCE
from termcheck.errors import UsageError
from termcheck.report import DocumentReport
from termcheck.rules.model import RuleSet

# Only quantities compared against limits can take new ones (a percentage or a place has none).
_LIMITED_KINDS = ("years", "days")


def match_checks(patterns: list[str], ruleset: RuleSet, setting: str) -> set[str]:
    """Check ids named by ids, globs ('acme.*') or 'group:ID'; a pattern that names none is an error."""
    ids: set[str] = set()
    for pattern in (p.strip() for item in patterns for p in item.split(",") if p.strip()):
        if pattern.startswith("group:"):
            found = {r.id for r in ruleset.rules if r.group == pattern[6:]}
        else:
            found = {r.id for r in ruleset.rules if fnmatch.fnmatchcase(r.id, pattern)}
        if not found:
            raise UsageError(f"{setting}: {pattern!r} names no check; see 'termcheck rules list'")
        ids |= found
    return ids


def severity_levels(severity: Mapping[str, str], ruleset: RuleSet) -> dict[str, str]:
    """Check id -> configured severity, from ids, globs or group:ID."""
    levels: dict[str, str] = {}
    for pattern, level in severity.items():
        for check_id in match_checks([pattern], ruleset, "severity"):
            levels[check_id] = level
    return levels


def configure_rules(ruleset: RuleSet, thresholds: Mapping[str, Mapping[str, Optional[float]]], severity: Mapping[str, str]) -> RuleSet:
    """The rule set with new limits on threshold checks and new severities (the status a check gets when it fires)."""
    if not thresholds and not severity:
        return ruleset
    for unknown in sorted(set(thresholds) - {r.id for r in ruleset.rules}):
        raise UsageError(f"thresholds: {unknown!r} names no check; see 'termcheck rules list'")
    levels = severity_levels(severity, ruleset)
    rules = []
    for rule in ruleset.rules:
        limits = thresholds.get(rule.id)
        if limits is not None:
            if rule.kind != "threshold" or not rule.quantity or rule.quantity["kind"] not in _LIMITED_KINDS:
                raise UsageError(f"thresholds: {rule.id!r} has no limits to set (only years or days thresholds do)")
            quantity = dict(rule.quantity)
            quantity.update({k: v for k, v in limits.items() if v is not None})
            rule = replace(rule, quantity=quantity)
        if rule.id in levels:
            rule = replace(rule, severity=levels[rule.id])
        rules.append(rule)
    return replace(ruleset, rules=rules)


@dataclass(frozen=True)
class Policy:
    """What to report and how: checks kept, severities changed, the performer's jurisdiction."""

    keep: Optional[frozenset[str]] = None  # None: every check
    severity: Mapping[str, str] = field(default_factory=dict)  # check id -> configured severity ("warn": never fails)
    jurisdiction: Optional[str] = None
    jurisdiction_origin: str = ""  # where it was set: 'command line' or 'termcheck.yaml:7'

    @property
    def jurisdiction_source(self) -> Optional[str]:
        """'command line' or 'config' (the JSON report's jurisdiction_source), None without a jurisdiction."""
        if not self.jurisdiction:
            return None
        return CLI_SOURCE if self.jurisdiction_origin == CLI_SOURCE else "config"

    @classmethod
    def build(cls, ruleset: RuleSet, select: list[str], ignore: list[str], severity: Mapping[str, str],
              jurisdiction: Optional[str] = None, jurisdiction_origin: str = "") -> "Policy":
        """A policy from configured names, each checked against the loaded rules."""
        keep = match_checks(select, ruleset, "select") if select else {r.id for r in ruleset.rules}
        keep -= match_checks(ignore, ruleset, "ignore")
        # Raising a severity happens in the rules (configure_rules); lowering one also caps the
        # statuses the engine grades on its own (escalations, threshold bands).
        levels = severity_levels(severity, ruleset)
        every = len(keep) == len(ruleset.rules)
        return cls(None if every else frozenset(keep), levels, jurisdiction, jurisdiction_origin)

    @property
    def changes_anything(self) -> bool:
        """Whether applying the policy can change a report."""
        return self.keep is not None or bool(self.severity) or self.jurisdiction is not None


def _place(name: str) -> str:
    """A place name reduced for comparison: 'the State of New York' -> 'new york'."""
    name = re.sub(r"(?i)^\s*(?:the\s+)?(?:state|commonwealth|province|republic|kingdom)\s+of\s+", "", name)
    return " ".join(re.sub(r"(?i)^the\s+", "", name).lower().split())


def same_place(a: str, b: str) -> bool:
    """Whether two jurisdiction names mean the same place ('England' and 'England and Wales' do)."""
    x, y = _place(a), _place(b)
    return x == y or bool(re.search(rf"\b{re.escape(x)}\b", y)) or bool(re.search(rf"\b{re.escape(y)}\b", x))


def apply_policy(doc: DocumentReport, policy: Policy) -> DocumentReport:
    """The report with the policy applied (in place; an unreadable file's report is left alone)."""
    if doc.error is not None or not policy.changes_anything:
        return doc
    if policy.jurisdiction:
        _apply_jurisdiction(doc, policy)
    for check in doc.checks:
        level = policy.severity.get(check.id)
        if level is None or check.status not in ("fail", "warn"):
            continue
        if level == "warn" and check.status == "fail":
            check.status = "warn"
        check.notes.append(f"severity set to {level} by configuration")
    if policy.keep is not None:
        doc.checks = [c for c in doc.checks if c.id in policy.keep]
    doc.regroup()
    return doc


def _apply_jurisdiction(doc: DocumentReport, policy: Policy) -> None:
    """Where the contract's law is not the performer's, governing-law asks about it."""
    place = policy.jurisdiction or ""
    where = policy.jurisdiction_origin
    origin = f" ({'--jurisdiction' if where == CLI_SOURCE else where})" if where else ""
    law = doc.check("governing-law")
    if doc.jurisdiction is None:
        doc.jurisdiction, doc.jurisdiction_source = place, policy.jurisdiction_source
        if law is not None:
            law.notes.append(f"the contract names no governing law; your jurisdiction is {place}{origin}")
        return
    if law is not None and not same_place(doc.jurisdiction, place):
        law.notes.append(f"the contract is governed by the law of {doc.jurisdiction}, not {place}, your jurisdiction{origin}")
        if law.status == "pass":
            law.status = "warn"
