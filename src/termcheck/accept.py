"""Accepting known findings: fingerprints, a baseline file, and an ignore file with a reason per entry."""

from __future__ import annotations

import datetime as dt
import fnmatch
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from termcheck.errors import UsageError
from termcheck.report import NEEDS_ANSWER, Acceptance, CheckResult, DocumentReport
from termcheck.rules.precompiled import code_regex

BASELINE_SCHEMA_VERSION = 1
# A clause's own number is not part of its words: renumbering "2.1" to "3.1" keeps the fingerprint.
_LABEL = code_regex(
    r"^(?:(?:§|section|article|clause)\s*\d+(?:\.\d+)*\.?|\d+(?:\.\d+)+\.?|\d+\.|\([a-z0-9]{1,4}\))\s+", re.IGNORECASE
)


def clause_words(quote: str) -> str:
    """A quote reduced to what identifies the clause: lower case, single spaces, no leading number."""
    return _LABEL.sub("", " ".join(quote.lower().split()))


def fingerprint(check_id: str, text: str) -> str:
    """16 hex digits of sha256(check id, NUL, the clause's words): no page or line, so re-pagination keeps it."""
    return hashlib.sha256(f"{check_id}\0{clause_words(text)}".encode("utf-8")).hexdigest()[:16]


def document_key(path: str) -> str:
    """A document's path as fingerprints and baselines record it: relative to the working folder, '/'-separated."""
    if path == "-":
        return path
    return Path(os.path.relpath(os.path.abspath(path))).as_posix()


def check_fingerprints(doc: DocumentReport, check: CheckResult) -> list[str]:
    """The fingerprints a check's status rests on: its quoted clauses, or (none quoted) the check in this file."""
    if check.findings:
        return list(dict.fromkeys(fingerprint(check.id, f.quote) for f in check.findings))
    # Nothing to quote (a protection the contract lacks, a term it does not state): the file is the key.
    return [fingerprint(check.id, f"not stated\0{document_key(doc.path)}")]


@dataclass
class BaselineEntry:
    """A finding accepted as it was when the baseline was written."""

    fingerprint: str
    check: str
    path: str
    sha256: str = ""
    status: str = ""
    quote: str = ""


def baseline_entries(docs: Iterable[DocumentReport]) -> list[BaselineEntry]:
    """Every finding that needs an answer, except those a reviewed ignore entry already accepts."""
    out = []
    for doc in docs:
        if doc.error is not None:
            continue
        for c in doc.checks:
            if c.status not in NEEDS_ANSWER or (c.accepted is not None and c.accepted.source == "ignore-file"):
                continue
            quotes = {fingerprint(c.id, f.quote): f.quote for f in c.findings}
            for fp in check_fingerprints(doc, c):
                out.append(BaselineEntry(fp, c.id, document_key(doc.path), doc.sha256, c.status, quotes.get(fp, "")[:200]))
    return out


def write_baseline(path: str, docs: Iterable[DocumentReport], tool_version: str) -> int:
    """Write the baseline file; returns how many entries it holds."""
    entries = baseline_entries(docs)
    data = {
        "schema_version": BASELINE_SCHEMA_VERSION,
        "tool": {"name": "termcheck", "version": tool_version},
        "created": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "entries": [e.__dict__ for e in entries],
    }
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    return len(entries)


def read_baseline(path: str) -> list[BaselineEntry]:
    """A baseline written by --write-baseline; a damaged one is a usage error (exit 2)."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: not a termcheck baseline (not JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("schema_version") != BASELINE_SCHEMA_VERSION or not isinstance(data.get("entries"), list):
        raise UsageError(f"{path}: not a termcheck baseline (schema_version {BASELINE_SCHEMA_VERSION} with 'entries' expected)")
    out = []
    for i, e in enumerate(data["entries"]):
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str) or not isinstance(e.get("check"), str):
            raise UsageError(f"{path}: entries[{i}]: needs 'fingerprint' and 'check'")
        out.append(BaselineEntry(e["fingerprint"], e["check"], str(e.get("path", "")), str(e.get("sha256", "")), str(e.get("status", "")), str(e.get("quote", ""))))
    return out


@dataclass
class IgnoreEntry:
    """A reviewed decision: accept a check (in some files) or one fingerprinted clause, for a reason."""

    line: int
    reason: str
    check: Optional[str] = None
    fingerprint: Optional[str] = None
    paths: list[str] = field(default_factory=list)
    expires: Optional[dt.date] = None
    approved_by: Optional[str] = None


def read_ignore_file(path: str) -> list[IgnoreEntry]:
    """The entries of an ignore file; every problem as 'file:line: field: problem' (exit 2)."""
    import yaml
    from pydantic import ValidationError

    from termcheck import yamlfile
    from termcheck.config_schema import IgnoreFileModel

    try:
        data, node = yamlfile.parse(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the ignore file: {getattr(exc, 'strerror', None) or exc}") from None
    except yaml.YAMLError as exc:
        line, problem = yamlfile.error_text(exc)
        raise UsageError(f"{path}{f':{line}' if line else ''}: not valid YAML: {problem}") from None
    repeated = yamlfile.repeated_key_problems(path, node)
    if repeated:
        raise UsageError("invalid ignore file:\n" + "\n".join(repeated))
    lines = yamlfile.item_lines(node, "ignores")
    try:
        model = IgnoreFileModel.model_validate(data or {})
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = err["loc"]
            item = loc[1] if len(loc) > 1 and loc[0] == "ignores" else None
            where = lines[item] if isinstance(item, int) and item < len(lines) else 1
            problems.append(f"{path}:{where}: {'.'.join(str(x) for x in loc) or '(file)'}: {err['msg']}")
        raise UsageError("invalid ignore file:\n" + "\n".join(problems)) from None
    return [
        IgnoreEntry(lines[i] if i < len(lines) else 1, e.reason, e.check, e.fingerprint, list(e.paths), e.expires, e.approved_by)
        for i, e in enumerate(model.ignores)
    ]


@dataclass
class Acceptor:
    """Marks accepted checks across a run and remembers which entries were used, for the unused-entry report."""

    baseline: list[BaselineEntry] = field(default_factory=list)
    baseline_path: Optional[str] = None
    ignores: list[IgnoreEntry] = field(default_factory=list)
    ignore_path: Optional[str] = None
    today: dt.date = field(default_factory=dt.date.today)
    used_baseline: set[str] = field(default_factory=set)
    used_ignores: set[int] = field(default_factory=set)
    checked: set[str] = field(default_factory=set)  # document keys of the files this run read

    def __post_init__(self) -> None:
        self._by_fp = {e.fingerprint: e for e in self.baseline}
        self._base = Path(self.ignore_path).parent if self.ignore_path else Path.cwd()
        self._live = [(i, e) for i, e in enumerate(self.ignores) if e.expires is None or e.expires >= self.today]
        self._specs: dict[int, Any] = {}
        if any(e.paths for e in self.ignores):
            import pathspec

            self._specs = {i: pathspec.GitIgnoreSpec.from_lines(e.paths) for i, e in enumerate(self.ignores) if e.paths}

    @property
    def active(self) -> bool:
        """Whether there is anything to accept."""
        return bool(self.baseline or self.ignores)

    def _covers_path(self, index: int, path: str) -> bool:
        """Whether ignore entry `index` applies to this file (an entry without paths applies to all)."""
        spec = self._specs.get(index)
        return spec is None or spec.match_file(Path(os.path.relpath(os.path.abspath(path), self._base)).as_posix())

    def _ignore_acceptance(self, entry: IgnoreEntry) -> Acceptance:
        return Acceptance(
            "ignore-file", f"{self.ignore_path}:{entry.line}", entry.reason,
            entry.expires.isoformat() if entry.expires else None, entry.approved_by,
        )

    def apply(self, doc: DocumentReport) -> DocumentReport:
        """Mark the document's accepted checks (in place) and regroup its checklist."""
        if doc.error is not None or not self.active:
            return doc
        self.checked.add(document_key(doc.path))
        here = [(i, e) for i, e in self._live if self._covers_path(i, doc.path)]
        for c in doc.checks:
            if c.status not in NEEDS_ANSWER:
                continue
            whole = next(((i, e) for i, e in here if e.fingerprint is None and e.check and fnmatch.fnmatchcase(c.id, e.check)), None)
            if whole is not None:
                c.accepted = self._ignore_acceptance(whole[1])
                self.used_ignores.add(whole[0])
                continue
            by_ignore = {e.fingerprint: (i, e) for i, e in here if e.fingerprint and (e.check is None or fnmatch.fnmatchcase(c.id, e.check))}
            fps = check_fingerprints(doc, c)
            # An entry that still matches a clause is in use, even when a new clause keeps the check open.
            reviewed = [by_ignore[fp] for fp in fps if fp in by_ignore]
            self.used_ignores.update(i for i, _ in reviewed)
            self.used_baseline.update(fp for fp in fps if fp in self._by_fp)
            if not all(fp in by_ignore or fp in self._by_fp for fp in fps):
                continue
            if reviewed:
                c.accepted = self._ignore_acceptance(reviewed[0][1])
            else:
                c.accepted = Acceptance("baseline", str(self.baseline_path), "in the baseline")
        doc.regroup()
        return doc

    def problems(self) -> dict[str, list[dict[str, Any]]]:
        """Expired ignore entries, and entries that accepted nothing among the files this run read."""
        expired, unused = [], []
        for i, e in enumerate(self.ignores):
            item = {"file": self.ignore_path, "line": e.line, "check": e.check, "fingerprint": e.fingerprint, "reason": e.reason}
            if e.expires is not None and e.expires < self.today:
                expired.append({**item, "expires": e.expires.isoformat()})
            elif i not in self.used_ignores and any(self._covers_path(i, p) for p in self.checked):
                unused.append(item)
        for b in self.baseline:
            # A partial run (pre-commit on changed files) says nothing about the files it did not read.
            if b.fingerprint not in self.used_baseline and b.path in self.checked:
                unused.append({"file": self.baseline_path, "line": None, "check": b.check, "fingerprint": b.fingerprint, "path": b.path})
        return {"expired": expired, "unused": unused}


def problem_lines(problems: dict[str, list[dict[str, Any]]], limit: int = 10) -> list[str]:
    """One warning line per expired or unused entry (the first `limit`, then how many more)."""
    lines: list[str] = []
    for e in problems["expired"]:
        lines.append(f"{e['file']}:{e['line']}: entry expired on {e['expires']} ({_what(e)}); its findings are reported again")
    for e in problems["unused"]:
        where = f"{e['file']}:{e['line']}" if e["line"] else str(e["file"])
        scope = f" in {e['path']}" if e.get("path") else ""
        lines.append(f"{where}: entry accepted nothing{scope} ({_what(e)}): remove it if the clause is gone")
    if len(lines) > limit:
        return lines[:limit] + [f"... and {len(lines) - limit} more entries (all are listed in the JSON report's 'acceptance')"]
    return lines


def _what(e: dict[str, Any]) -> str:
    return ", ".join(x for x in (e.get("check"), e.get("fingerprint") and f"fingerprint {e['fingerprint']}") if x)
