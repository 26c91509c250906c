"""Plain-text checklist: the same content as the Rich checklist, for pipes, logs and NO_COLOR terminals."""

from __future__ import annotations

from termcheck.render.extract_view import wrap
from termcheck.report import CheckResult, DocumentReport, Finding, Report

SYMBOLS = {"pass": "✓", "fail": "✗", "warn": "!", "unknown": "?", "not-applicable": "–"}
VERDICTS = {
    "fail": "Do not sign yet",
    "warn": "Ask first",
    "pass": "No red flags found",
    "error": "Could not be checked",
}
DISCLAIMER = "termcheck is not legal advice: it never says a contract is safe, it says what to ask. Have a lawyer or your union check the contract."


def where(f: Finding) -> str:
    """'p. 3, line 12, §4.2' for a finding."""
    parts = []
    if f.page is not None:
        parts.append(f"p. {f.page}")
    if f.line is not None:
        parts.append(f"line {f.line}")
    if f.paragraph is not None:
        parts.append(f"para. {f.paragraph}")
    if f.section:
        parts.append(f"§{f.section}" if f.section[0].isdigit() or f.section[0] == "(" else f.section)
    return ", ".join(parts) or "start of document"


def value_text(c: CheckResult) -> str:
    """The extracted value of a check, for people."""
    if c.value is None:
        return ""
    if c.id == "license-term" and isinstance(c.value, float):
        return f"{c.value:g} year{'s' if c.value != 1 else ''}"
    if c.id == "takedown-window" and isinstance(c.value, float):
        return f"{c.value:g} days"
    if isinstance(c.value, float):
        return f"{c.value:g}%" if c.id == "revenue-share" else f"{c.value:g}"
    return str(c.value)


def verdict_line(doc: DocumentReport) -> str:
    """'Do not sign yet: 4 checks fail' and the like."""
    counts = {s: sum(1 for c in doc.checks if c.status == s) for s in ("fail", "warn", "unknown")}
    verdict = VERDICTS[doc.verdict]
    if doc.verdict == "fail":
        return f"{verdict}: {counts['fail']} check{'s' if counts['fail'] != 1 else ''} fail" + (
            f", {counts['warn'] + counts['unknown']} to ask about" if counts["warn"] + counts["unknown"] else ""
        )
    if doc.verdict == "warn":
        n = counts["warn"] + counts["unknown"]
        return f"{verdict}: {n} check{'s' if n != 1 else ''} need a written answer"
    return verdict


def render_document(doc: DocumentReport, width: int = 100) -> list[str]:
    """The checklist of one document as lines of plain text."""
    facts = [x for x in (doc.format, f"{doc.pages} pages" if doc.pages else None, doc.language, doc.jurisdiction) if x]
    out = [f"{doc.path} ({', '.join(facts)})"]
    out += [f"  note: {n}" for n in doc.notes]
    checks = {c.id: c for c in doc.checks}
    for g in doc.groups:
        out.append("")
        out.append(f"{SYMBOLS[g.status]} {g.title}")
        for cid in g.checks:
            c = checks[cid]
            val = value_text(c)
            out.append(f"  {SYMBOLS[c.status]} {c.title}" + (f" [{val}]" if val else "") + f"  ({c.id}: {c.status})")
            if c.status in ("fail", "warn", "unknown"):
                for f in c.findings[:3]:
                    out.append(f"      {where(f)}: {f.message}")
                    out.extend(wrap(f'"{f.quote}"', width, "        "))
                if not c.findings and c.notes:
                    out.append(f"      {c.notes[0]}")
                out.extend(wrap("Why: " + c.explanation, width, "      "))
                out.extend(wrap("Ask: " + c.question, width, "      "))
    out.append("")
    out.append(verdict_line(doc))
    return out


def render_plain(report: Report, width: int = 100) -> str:
    """The plain-text report of a run."""
    lines: list[str] = []
    for doc in report.documents:
        if doc.error is not None:
            lines.append(f"{doc.path}: could not be checked: {doc.error.message} [{doc.error.code.value}]")
            lines.append("")
            continue
        lines.extend(render_document(doc, width))
        lines.append("")
    if len(report.documents) > 1:
        s = report.summary()
        lines.append(
            f"{s['documents']} documents: {s['failed']} do not sign yet, {s['warned']} ask first, {s['passed']} no red flags, {s['errors']} could not be read"
        )
    lines.append(DISCLAIMER)
    return "\n".join(lines) + "\n"
