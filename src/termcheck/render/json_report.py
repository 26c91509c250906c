"""JSON output (DESIGN.md §6, schema_version 1)."""

from __future__ import annotations

import json
from typing import Any

from termcheck.accept import fingerprint
from termcheck.report import Acceptance, CheckResult, DocumentReport, Finding, Report

SCHEMA_VERSION = 1


def finding_data(f: Finding, check_id: str) -> dict[str, Any]:
    """One finding of a check as JSON-ready data."""
    return {
        "quote": f.quote, "page": f.page, "paragraph": f.paragraph, "line": f.line, "section": f.section,
        "headings": list(f.headings), "start": f.start, "end": f.end, "match_start": f.match_start,
        "match_end": f.match_end, "highlight": list(f.highlight), "rule": f.rule, "effect": f.effect, "message": f.message,
        "fingerprint": fingerprint(check_id, f.quote),
    }


def acceptance_data(a: Acceptance | None) -> dict[str, Any] | None:
    """Why a check is accepted, or None."""
    if a is None:
        return None
    return {"source": a.source, "file": a.file, "reason": a.reason, "expires": a.expires, "approved_by": a.approved_by}


def check_data(c: CheckResult) -> dict[str, Any]:
    """One check as JSON-ready data."""
    return {
        "id": c.id, "group": c.group, "title": c.title, "kind": c.kind, "severity": c.severity, "status": c.status,
        "value": c.value, "findings": [finding_data(f, c.id) for f in c.findings], "explanation": c.explanation,
        "question": c.question, "references": list(c.references), "notes": list(c.notes),
        "accepted": acceptance_data(c.accepted),
    }


def document_data(d: DocumentReport) -> dict[str, Any]:
    """One document as JSON-ready data."""
    return {
        "path": d.path, "sha256": d.sha256 or None, "format": d.format, "pages": d.pages, "language": d.language,
        "jurisdiction": d.jurisdiction, "jurisdiction_source": d.jurisdiction_source, "verdict": d.verdict,
        "error": None if d.error is None else {"code": d.error.code.value, "message": d.error.message, "hint": d.error.hint},
        "notes": list(d.notes),
        "groups": [{"id": g.id, "title": g.title, "status": g.status, "checks": list(g.checks)} for g in d.groups],
        "checks": [check_data(c) for c in d.checks],
    }


def report_data(report: Report) -> dict[str, Any]:
    """A whole run as JSON-ready data."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "termcheck", "version": report.tool_version},
        "documents": [document_data(d) for d in report.documents],
        "summary": report.summary(),
        "acceptance": report.acceptance,
    }


def render_json(report: Report) -> str:
    """The JSON text of a run."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"
