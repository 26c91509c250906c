"""Render the output of `termcheck extract`: clause by clause with locations, as text or JSON."""

from __future__ import annotations

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
    import json

    return json.dumps({"schema_version": 1, "documents": [extract_data(d) for d in docs]}, ensure_ascii=False, indent=2)


def wrap(text: str, width: int, indent: str) -> list[str]:
    """Greedy word wrap at spaces (textwrap is ten times slower on a 300-page contract)."""
    text = " ".join(text.split())
    room = max(20, width - len(indent))
    out: list[str] = []
    while len(text) > room:
        cut = text.rfind(" ", 0, room + 1)
        if cut <= 0:
            cut = text.find(" ", room)
            if cut < 0:
                break
        out.append(indent + text[:cut])
        text = text[cut + 1:]
    out.append(indent + text)
    return out


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
        lines.extend(wrap(doc.text[seg.start:seg.end], max(40, width), "    "))
    return "\n".join(lines) + "\n"
