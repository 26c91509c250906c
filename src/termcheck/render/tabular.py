"""Formats for many documents: CSV (one row per document and check) and JSON Lines (one document a line)."""

from __future__ import annotations

import csv
import io
import json

from termcheck.render.common import accepted_text, where
from termcheck.render.json_report import document_data
from termcheck.report import DocumentReport, Report

CSV_COLUMNS = [
    "path", "verdict", "check", "group", "kind", "status", "value", "location", "quote", "error", "accepted",
]


def csv_rows(doc: DocumentReport) -> list[dict[str, str]]:
    """The CSV rows of one document: a row per check, or one row for a document that could not be read."""
    if doc.error is not None:
        return [{"path": doc.path, "verdict": "error", "error": doc.error.code.value}]
    rows = []
    for c in doc.checks:
        f = c.findings[0] if c.findings else None
        rows.append(
            {
                "path": doc.path, "verdict": doc.verdict, "check": c.id, "group": c.group, "kind": c.kind,
                "status": c.status, "value": "" if c.value is None else str(c.value),
                "location": where(f) if f else "", "quote": f.quote if f else "", "error": "",
                "accepted": accepted_text(c),
            }
        )
    return rows


def render_csv(report: Report) -> str:
    """The whole run as CSV with a header row."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    for doc in report.documents:
        writer.writerows(csv_rows(doc))
    return buf.getvalue()


def jsonl_line(doc: DocumentReport) -> str:
    """One document as one line of JSON (the same fields as in the JSON report)."""
    return json.dumps({"schema_version": 1, **document_data(doc)}, ensure_ascii=False) + "\n"


def render_jsonl(report: Report) -> str:
    """The whole run as JSON Lines."""
    return "".join(jsonl_line(d) for d in report.documents)
