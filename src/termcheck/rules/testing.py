"""Run every rule's own examples through the real segmenter and engine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from termcheck.rules.model import CompiledRule, RuleSet

DETECTED = {"red_flag": {"fail", "warn"}, "protection": {"pass", "warn"}}


@dataclass
class ExampleResult:
    """One example, what was expected and what came out."""

    rule: str
    source: str
    expected: str  # match | no_match
    text: str
    status: str
    value: Any
    ok: bool
    why: str = ""


def _detected(rule: CompiledRule, status: str, value: Any) -> bool:
    """Whether a check result counts as 'the rule matched' for its kind."""
    if rule.kind == "threshold":
        return value is not None
    return status in DETECTED[rule.kind]


def run_example(rule: CompiledRule, ruleset: RuleSet, text: str) -> tuple[str, Any]:
    """The status and value the rule's check gets on text checked as a whole document."""
    from termcheck.engine import check
    from termcheck.extract import extract_bytes

    doc = extract_bytes("example.txt", text.encode("utf-8"))
    result = check(doc, ruleset).check(rule.id)
    assert result is not None
    return result.status, result.value


def _values_equal(want: Any, got: Any) -> bool:
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        return abs(float(want) - float(got)) < 0.05
    return str(want).lower() == str(got).lower()


def run_rule_examples(rule: CompiledRule, ruleset: RuleSet) -> list[ExampleResult]:
    """Every example of one rule, run and judged."""
    out = []
    for expected in ("match", "no_match"):
        for item in rule.examples.get(expected, []):
            text = item if isinstance(item, str) else item["text"]
            want_status: Optional[str] = None if isinstance(item, str) else item.get("status")
            want_value = None if isinstance(item, str) else item.get("value")
            status, value = run_example(rule, ruleset, text)
            detected = _detected(rule, status, value)
            ok = detected == (expected == "match")
            why = "" if ok else ("not detected" if expected == "match" else "detected")
            if ok and want_status and status != want_status:
                ok, why = False, f"status {status}, expected {want_status}"
            if ok and want_value is not None and not _values_equal(want_value, value):
                ok, why = False, f"value {value!r}, expected {want_value!r}"
            out.append(ExampleResult(rule.id, rule.source, expected, text, status, value, ok, why))
    return out


def run_all_examples(ruleset: RuleSet, only: Optional[set[str]] = None) -> list[ExampleResult]:
    """Every example of every rule (or of the rules whose source file is in only)."""
    results = []
    for rule in ruleset.rules:
        if only is None or rule.source in only:
            results.extend(run_rule_examples(rule, ruleset))
    return results
