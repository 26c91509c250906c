"""Words and numbers every human-readable renderer shares."""

from __future__ import annotations

import os
import sys
from collections import Counter
from typing import Iterator

from termcheck.models import Location
from termcheck.report import NEEDS_ANSWER, CheckResult, DocumentReport, Finding, GroupResult, Report  # noqa: F401 - NEEDS_ANSWER for the renderers

SYMBOLS = {"pass": "✓", "fail": "✗", "warn": "!", "unknown": "?", "not-applicable": "–", "accepted": "~"}
VERDICTS = {"fail": "Do not sign yet", "warn": "Ask first", "pass": "No red flags found", "error": "Could not be checked"}
# How many findings a checklist quotes under one check (the rest are counted or left to JSON).
MAX_FINDINGS = 3
DISCLAIMER = (
    "termcheck is not legal advice: it never says a contract is safe, it says what to ask. "
    "Have a lawyer or your union check the contract."
)


def checklist(doc: DocumentReport) -> Iterator[tuple[GroupResult, list[CheckResult]]]:
    """The checklist's items in order, each with its checks."""
    checks = {c.id: c for c in doc.checks}
    for g in doc.groups:
        yield g, [checks[cid] for cid in g.checks]


def shown_status(c: CheckResult) -> str:
    """The status a report shows: 'accepted' for a known finding a baseline or ignore entry accepts."""
    return "accepted" if c.accepted is not None else c.status


def accepted_text(c: CheckResult) -> str:
    """'accepted: Buy-out template (.termcheckignore.yaml:4, until 2026-12-31)' for an accepted check."""
    a = c.accepted
    if a is None:
        return ""
    extra = [a.file] + ([f"until {a.expires}"] if a.expires else []) + ([f"approved by {a.approved_by}"] if a.approved_by else [])
    return f"accepted ({c.status}): {a.reason} ({', '.join(extra)})"


def where(f: Finding) -> str:
    """'p. 3, line 12, §4.2' for a finding."""
    return Location(f.page, f.line, f.paragraph, f.section, f.headings).describe()


def value_text(c: CheckResult) -> str:
    """The extracted value of a check, for people ('2 years', '30 days', '20%')."""
    if c.value is None:
        return ""
    if isinstance(c.value, float):
        unit = {"license-term": " year", "takedown-window": " day"}.get(c.id, "")
        if unit:
            return f"{c.value:g}{unit}{'s' if c.value != 1 else ''}"
        return f"{c.value:g}%" if c.id == "revenue-share" else f"{c.value:g}"
    return str(c.value)


def verdict_line(doc: DocumentReport) -> str:
    """'Do not sign yet: 4 items fail' and the like, counting the checklist's items."""
    fails = sum(1 for g in doc.groups if g.status == "fail")
    asks = sum(1 for g in doc.groups if g.status in ("warn", "unknown"))
    accepted = sum(1 for c in doc.checks if shown_status(c) == "accepted")
    # Accepted findings were reviewed, not cleared: the verdict never hides that they are there.
    known = f" ({accepted} accepted check{'s' if accepted != 1 else ''} not counted)" if accepted else ""
    verdict = VERDICTS[doc.verdict]
    if doc.verdict == "fail":
        return f"{verdict}: {fails} item{'s' if fails != 1 else ''} fail" + (f", {asks} to ask about" if asks else "") + known
    if doc.verdict == "warn":
        return f"{verdict}: {asks} item{'s' if asks != 1 else ''} need{'s' if asks == 1 else ''} a written answer" + known
    return ("No new red flags found" if accepted else verdict) + known


def facts(doc: DocumentReport) -> str:
    """'pdf, 3 pages, en, France'."""
    items = [doc.format, f"{doc.pages} page{'s' if doc.pages != 1 else ''}" if doc.pages else None, doc.language, doc.jurisdiction]
    return ", ".join(x for x in items if x)


def summary_line(counts: dict[str, int]) -> str:
    """The one-line summary of several documents."""
    return (
        f"{counts['documents']} documents: {counts['failed']} do not sign yet, {counts['warned']} ask first, "
        f"{counts['passed']} no red flags found, {counts['errors']} could not be read"
        + (f"; {counts['accepted']} accepted checks not counted" if counts.get("accepted") else "")
    )


def check_tally(report: Report) -> dict[str, tuple[str, Counter[str]]]:
    """For each check, in checklist order: its title and how many readable documents have each status."""
    tally: dict[str, tuple[str, Counter[str]]] = {}
    for doc in report.documents:
        for c in doc.checks:
            tally.setdefault(c.id, (c.title, Counter()))[1][shown_status(c)] += 1
    return tally


def failing_checks(doc: DocumentReport) -> list[str]:
    """The ids of a document's checks that fail."""
    return [c.id for c in doc.checks if shown_status(c) == "fail"]


def silence_stdout() -> None:
    """Point stdout at /dev/null (its reader has gone: `termcheck ... | head`), so that no later write
    or flush fails and the run can finish with its own exit code (Python's advice for a closed pipe)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
