"""SARIF 2.1.0, for code-scanning dashboards: one result per check that fails, warns or is unknown."""

from __future__ import annotations

import json
from typing import Any, Optional

from termcheck.accept import check_fingerprints, fingerprint
from termcheck.render.common import where
from termcheck.report import CheckResult, DocumentReport, Finding, Report

LEVELS = {"fail": "error", "warn": "warning", "unknown": "note"}
FINGERPRINT = "termcheck/v1"


def _rule(c: CheckResult) -> dict[str, Any]:
    return {
        "id": c.id,
        "name": "".join(w.capitalize() for w in c.id.replace(".", "-").split("-")),
        "shortDescription": {"text": c.title},
        "fullDescription": {"text": c.explanation},
        "help": {"text": "Ask in writing: " + c.question},
        "defaultConfiguration": {"level": LEVELS[c.severity]},
        "properties": {"group": c.group, "kind": c.kind, "references": list(c.references)},
    }


def _results(doc: DocumentReport, rule_index: dict[str, int]) -> list[dict[str, Any]]:
    out = []
    for c in doc.checks:
        if c.status not in LEVELS:
            continue
        findings: list[Optional[Finding]] = list(c.findings[:1] if c.kind == "threshold" else c.findings)
        for f in findings or [None]:
            location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": doc.path}}}
            props: dict[str, Any] = {"status": c.status, "value": c.value}
            if f is not None:
                if doc.format in ("text", "markdown") and f.line:
                    location["physicalLocation"]["region"] = {"startLine": f.line, "snippet": {"text": f.quote}}
                props.update({"page": f.page, "paragraph": f.paragraph, "line": f.line, "section": f.section, "quote": f.quote, "where": where(f)})
            message = f.message if f is not None else f"{c.title}: {c.notes[0] if c.notes else c.status}"
            # The same fingerprint as baselines use; GitHub would otherwise hash lines a PDF does not have.
            fp = fingerprint(c.id, f.quote) if f is not None else check_fingerprints(doc, c)[0]
            result: dict[str, Any] = {
                "ruleId": c.id,
                "ruleIndex": rule_index[c.id],
                "level": LEVELS[c.status],
                "message": {"text": f"{message}. Ask in writing: {c.question}"},
                "locations": [location],
                "partialFingerprints": {FINGERPRINT: fp, "primaryLocationLineHash": f"{fp}:1"},
                "properties": props,
            }
            if c.accepted is not None:
                a = c.accepted
                result["suppressions"] = [{"kind": "external", "status": "accepted", "justification": f"{a.reason} ({a.file})"}]
            out.append(result)
    return out


def sarif_data(report: Report) -> dict[str, Any]:
    """The SARIF log of a run."""
    checks = next((d.checks for d in report.documents if d.checks), [])
    rules = [_rule(c) for c in checks]
    rule_index = {c.id: i for i, c in enumerate(checks)}
    results = [r for d in report.documents for r in _results(d, rule_index)]
    notifications = [
        {
            "level": "error",
            "message": {"text": f"{d.path}: {d.error.message} [{d.error.code.value}]"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": d.path}}}],
        }
        for d in report.documents
        if d.error is not None
    ]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "termcheck", "version": report.tool_version, "rules": rules}},
                "results": results,
                "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
            }
        ],
    }


def render_sarif(report: Report) -> str:
    """The SARIF text of a run."""
    return json.dumps(sarif_data(report), ensure_ascii=False, indent=2) + "\n"
