"""What a check says about a document: findings, check results, groups, the document report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Union

from termcheck.errors import InputError

STATUS_ORDER = {"not-applicable": 0, "pass": 1, "unknown": 2, "warn": 3, "fail": 4}


def worst(statuses: list[str]) -> str:
    """The worst of several statuses ('pass' for none)."""
    return max(statuses, key=lambda s: STATUS_ORDER[s]) if statuses else "pass"


@dataclass
class Finding:
    """A quoted clause that decided (part of) a check, and where it is."""

    rule: str
    quote: str
    start: int
    end: int
    match_start: int
    match_end: int
    effect: str  # flags | protects | grants | weakens | refuses | value
    message: str
    page: Optional[int] = None
    line: Optional[int] = None
    paragraph: Optional[int] = None
    section: Optional[str] = None
    headings: tuple[str, ...] = ()
    highlight: tuple[int, int] = (0, 0)  # the matched words, as offsets in quote


@dataclass
class CheckResult:
    """One check's status on one document."""

    id: str
    group: str
    title: str
    kind: str
    severity: str
    status: str
    value: Union[float, str, None] = None
    findings: list[Finding] = field(default_factory=list)
    explanation: str = ""
    question: str = ""
    references: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class GroupResult:
    """A checklist item: the worst status of its checks."""

    id: str
    title: str
    status: str
    checks: list[str]


@dataclass
class DocumentReport:
    """Everything termcheck says about one input."""

    path: str
    sha256: str = ""
    format: Optional[str] = None
    pages: Optional[int] = None
    language: Optional[str] = None
    jurisdiction: Optional[str] = None
    notes: list[str] = field(default_factory=list)
    checks: list[CheckResult] = field(default_factory=list)
    groups: list[GroupResult] = field(default_factory=list)
    error: Optional[InputError] = None

    @property
    def verdict(self) -> str:
        """fail | warn | pass | error."""
        if self.error is not None:
            return "error"
        statuses = [c.status for c in self.checks]
        if "fail" in statuses:
            return "fail"
        if "warn" in statuses or "unknown" in statuses:
            return "warn"
        return "pass"

    def check(self, check_id: str) -> Optional[CheckResult]:
        """The result of one check, by id."""
        return next((c for c in self.checks if c.id == check_id), None)


@dataclass
class Report:
    """A run over one or more inputs."""

    documents: list[DocumentReport]
    tool_version: str = ""

    def summary(self) -> dict[str, Any]:
        """Counts of documents by verdict."""
        verdicts = [d.verdict for d in self.documents]
        return {
            "documents": len(verdicts),
            "failed": verdicts.count("fail"),
            "warned": verdicts.count("warn"),
            "passed": verdicts.count("pass"),
            "errors": verdicts.count("error"),
        }
