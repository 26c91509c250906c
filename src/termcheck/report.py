"""What a check says about a document: findings, check results, groups, the document report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Union

from termcheck.errors import InputError

STATUS_ORDER = {"not-applicable": 0, "pass": 1, "unknown": 2, "warn": 3, "fail": 4}
# The statuses that need a written answer (and that a baseline or an ignore entry can accept).
NEEDS_ANSWER = ("fail", "warn", "unknown")


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


@dataclass(frozen=True)
class Acceptance:
    """Why a check's findings are accepted: a baseline entry or a reviewed ignore entry."""

    source: str  # baseline | ignore-file
    file: str  # the baseline or ignore file, with the entry's line for an ignore file
    reason: str = ""
    expires: Optional[str] = None
    approved_by: Optional[str] = None


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
    # Set (only on a status that needs an answer) when the finding is known and accepted: it then
    # counts toward no verdict, checklist item or exit code.
    accepted: Optional[Acceptance] = None

    @property
    def open_status(self) -> str:
        """The status that counts toward verdicts and exit codes: 'pass' once accepted."""
        return "pass" if self.accepted is not None else self.status


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
    jurisdiction_source: Optional[str] = None  # contract | config | command line
    notes: list[str] = field(default_factory=list)
    checks: list[CheckResult] = field(default_factory=list)
    groups: list[GroupResult] = field(default_factory=list)
    error: Optional[InputError] = None

    @property
    def verdict(self) -> str:
        """fail | warn | pass | error."""
        if self.error is not None:
            return "error"
        statuses = [c.open_status for c in self.checks]
        if "fail" in statuses:
            return "fail"
        if "warn" in statuses or "unknown" in statuses:
            return "warn"
        return "pass"

    def check(self, check_id: str) -> Optional[CheckResult]:
        """The result of one check, by id."""
        return next((c for c in self.checks if c.id == check_id), None)

    def regroup(self) -> None:
        """Recompute the checklist items from the checks (after checks were dropped, re-rated or accepted)."""
        groups = []
        for g in self.groups:
            members = [c for c in self.checks if c.group == g.id]
            if members:
                groups.append(GroupResult(g.id, g.title, worst([c.open_status for c in members]), [c.id for c in members]))
        self.groups = groups


@dataclass
class Report:
    """A run over one or more inputs."""

    documents: list[DocumentReport]
    tool_version: str = ""
    acceptance: Optional[dict[str, Any]] = None  # baseline and ignore file used, their expired and unused entries

    def summary(self) -> dict[str, Any]:
        """Counts of documents by verdict."""
        verdicts = [d.verdict for d in self.documents]
        return {
            "documents": len(verdicts),
            "failed": verdicts.count("fail"),
            "warned": verdicts.count("warn"),
            "passed": verdicts.count("pass"),
            "errors": verdicts.count("error"),
            "accepted": sum(1 for d in self.documents for c in d.checks if c.accepted is not None),
        }
