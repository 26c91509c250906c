"""The written questions to send the other side: numbered, one per check that needs an answer."""

from __future__ import annotations

from termcheck.render.common import NEEDS_ANSWER, where
from termcheck.report import DocumentReport, Report
from termcheck.wording import lower_first

_ORDER = {"fail": 0, "warn": 1, "unknown": 2}


def document_questions(doc: DocumentReport) -> list[str]:
    """Numbered questions for one document, failing checks first, each quoting its clause."""
    out = []
    # An accepted finding was already asked about, or knowingly taken: it is not asked again.
    checks = sorted((c for c in doc.checks if c.status in NEEDS_ANSWER and c.accepted is None), key=lambda c: _ORDER[c.status])
    for n, c in enumerate(checks, start=1):
        if c.findings:
            f = c.findings[0]
            about = f'About {where(f)}, which says: "{f.quote}"'
        else:
            about = f"The contract does not say: {lower_first(c.title)}."
        out.append(f"{n}. {about}\n   {c.question}")
    return out


def render_questions(report: Report) -> str:
    """Ready to paste into an e-mail."""
    parts = []
    for doc in report.documents:
        if doc.error is not None:
            continue
        questions = document_questions(doc)
        name = doc.path
        if not questions:
            parts.append(f"{name}: termcheck found nothing to ask about; still read the whole contract before signing.")
            continue
        parts.append(
            f"Questions about {name}\n\n"
            "Hello,\n\nBefore I sign, could you please answer the following questions in writing, "
            "and add the answers to the contract?\n\n" + "\n\n".join(questions) + "\n\nThank you."
        )
    return "\n\n".join(parts) + "\n"
