"""Markdown: the checklist for an e-mail or a pull-request comment."""

from __future__ import annotations

import re

from termcheck.render.common import (
    DISCLAIMER,
    MAX_FINDINGS,
    NEEDS_ANSWER,
    SYMBOLS,
    accepted_text,
    checklist,
    facts,
    shown_status,
    summary_line,
    value_text,
    verdict_line,
    where,
)
from termcheck.report import DocumentReport, Report

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def escape(text: str) -> str:
    """Contract text as literal Markdown ('[insert date]' must not become a link)."""
    return _SPECIAL.sub(r"\\\1", text)


def document_markdown(doc: DocumentReport) -> str:
    """One document as Markdown."""
    lines = [f"## {escape(doc.path)}", ""]
    if doc.error is not None:
        return "\n".join(lines + [f"**Could not be checked:** {escape(doc.error.message)} (`{doc.error.code.value}`)", ""])
    lines += [f"*{escape(facts(doc))}*", ""] if facts(doc) else []
    lines += [f"> note: {escape(n)}" for n in doc.notes]
    lines += ["", f"**{verdict_line(doc)}**", "", "| | Checklist item | Status |", "|---|---|---|"]
    lines += [f"| {SYMBOLS[g.status]} | {escape(g.title)} | {g.status} |" for g in doc.groups]
    for g, checks in checklist(doc):
        lines += ["", f"### {SYMBOLS[g.status]} {escape(g.title)}", ""]
        for c in checks:
            value = value_text(c)
            shown = shown_status(c)
            lines.append(f"- {SYMBOLS[shown]} **{escape(c.title)}**" + (f" ({escape(value)})" if value else "") + f" — `{c.id}`: {shown}")
            if shown == "accepted":
                lines.append(f"  - *{escape(accepted_text(c))}*")
            elif c.status in NEEDS_ANSWER:
                for f in c.findings[:MAX_FINDINGS]:
                    lines.append(f"  - {escape(where(f))}: {escape(f.message)}")
                    lines.append(f"    > {escape(f.quote)}")
                lines.append(f"  - *Ask:* {escape(c.question)}")
    return "\n".join(lines) + "\n"


def render_markdown(report: Report) -> str:
    """A whole run as Markdown."""
    parts = ["# termcheck report", ""]
    parts += [document_markdown(d) for d in report.documents]
    if len(report.documents) > 1:
        parts.append(f"**{summary_line(report.summary())}**\n")
    parts.append(f"*{DISCLAIMER}*\n")
    return "\n".join(parts)
