"""GitHub Actions workflow commands: an annotation per failing or warning check, contract text escaped."""

from __future__ import annotations

from termcheck.render.common import where
from termcheck.report import Report

_LEVEL = {"fail": "error", "warn": "warning"}


def escape_data(text: str) -> str:
    """A message that cannot start a new workflow command: %, CR and LF encoded (GitHub's rules)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): as a message, and ':' and ',' too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(report: Report) -> str:
    """The annotations of a run, one workflow command per line."""
    lines = []
    for doc in report.documents:
        if doc.error is not None:
            lines.append(f"::error file={escape_property(doc.path)},title=termcheck could not read this file::"
                         + escape_data(f"{doc.error.message} [{doc.error.code.value}]; {doc.error.hint}"))
            continue
        for c in doc.checks:
            if c.status not in _LEVEL or c.accepted is not None:
                continue
            f = c.findings[0] if c.findings else None
            props = [f"file={escape_property(doc.path)}"]
            if f is not None and f.line and doc.format in ("text", "markdown"):
                props.append(f"line={f.line}")
            props.append(f"title={escape_property(f'{c.id}: {c.title}')}")
            message = (f'"{f.quote}" ({where(f)}): {f.message}. ' if f else "") + f"Ask in writing: {c.question}"
            lines.append(f"::{_LEVEL[c.status]} {','.join(props)}::{escape_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")
