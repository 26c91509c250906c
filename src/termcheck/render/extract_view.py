"""Render the output of `termcheck extract`: clause by clause with locations, as text or JSON."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from termcheck.models import Document


def document_header(doc: Document) -> dict[str, Any]:
    """The facts about a document that every report starts with."""
    return {
        "path": doc.path,
        "sha256": doc.sha256,
        "format": doc.format,
        "pages": doc.pages,
        "language": doc.language,
        "encoding": doc.encoding,
        "notes": list(doc.notes),
    }


def extract_data(doc: Document) -> dict[str, Any]:
    """The extracted document as JSON-ready data."""
    segments = []
    for seg in doc.segments:
        loc = doc.locate(seg.start, seg)
        segments.append(
            {
                "text": doc.text[seg.start:seg.end],
                "start": seg.start,
                "end": seg.end,
                "page": loc.page,
                "line": loc.line,
                "paragraph": loc.paragraph,
                "section": seg.section,
                "headings": list(seg.headings),
                "zone": seg.zone,
                "defines": seg.defines,
                "sentences": [list(s) for s in seg.sentences],
            }
        )
    return {**document_header(doc), "segments": segments}


def extract_json(docs: list[Document]) -> str:
    """JSON for one or more extracted documents."""
    return json.dumps({"schema_version": 1, "documents": [extract_data(d) for d in docs]}, ensure_ascii=False, indent=2)


def extract_text(doc: Document, width: int = 100) -> str:
    """Plain text: a header, notes, then each clause under its location, zone and heading path."""
    facts = [doc.format]
    if doc.pages:
        facts.append(f"{doc.pages} page{'s' if doc.pages != 1 else ''}")
    facts.append(doc.language)
    lines = [f"{doc.path} ({', '.join(facts)}; {len(doc.segments)} clauses)"]
    lines += [f"note: {n}" for n in doc.notes]
    for seg in doc.segments:
        loc = doc.locate(seg.start, seg)
        where = loc.describe()
        path = " > ".join(seg.headings)
        head = f"[{where}] {seg.zone}" + (f" · {path}" if path else "")
        lines.append("")
        lines.append(head)
        body = " ".join(doc.text[seg.start:seg.end].split())
        lines.extend(textwrap.wrap(body, width=max(40, width - 4), initial_indent="    ", subsequent_indent="    ") or ["    "])
    return "\n".join(lines) + "\n"
