"""The data that travels between stages: lines, blocks, documents, segments."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Optional


@dataclass(frozen=True)
class Anchor:
    """A place in the source: where a visual line (PDF, text) or a paragraph (DOCX) starts."""

    offset: int  # offset in Document.text (or in the block's text while it is being built)
    page: Optional[int] = None
    line: Optional[int] = None
    paragraph: Optional[int] = None


@dataclass
class Line:
    """One line of source text with the anchors inside it (PDF lines may hold several visual lines)."""

    text: str
    anchors: list[Anchor]
    page: Optional[int] = None


@dataclass
class Block:
    """A paragraph-sized unit of clean text as the source laid it out."""

    text: str
    anchors: list[Anchor]  # offsets relative to the block's text
    kind: str = "paragraph"  # paragraph | heading | table | running | footnote | textbox
    label: Optional[str] = None  # a clause number the source rendered itself (Word numbering)
    level: Optional[int] = None  # heading outline level when the source says
    first_row: bool = False  # a table row that starts a table (two tables one after the other are two tables)


@dataclass
class Location:
    """Where a span of text is: page, line, paragraph, section and heading path."""

    page: Optional[int] = None
    line: Optional[int] = None
    paragraph: Optional[int] = None
    section: Optional[str] = None
    headings: tuple[str, ...] = ()

    def describe(self) -> str:
        """A short human citation: 'p. 3, line 12, §4.2'."""
        parts = []
        if self.page is not None:
            parts.append(f"p. {self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.paragraph is not None:
            parts.append(f"para. {self.paragraph}")
        if self.section:
            numbered = self.section[0].isdigit() or self.section[0] == "("
            parts.append(f"§{self.section}" if numbered else self.section)
        return ", ".join(parts) or "start of document"


@dataclass
class Segment:
    """A clause: numbered section, paragraph or list item, with its sentences and zone."""

    start: int
    end: int
    zone: str  # operative | definition | recital | heading | signature | table | toc | running
    section: Optional[str]
    headings: tuple[str, ...]
    sentences: list[tuple[int, int]]
    kind: str = "paragraph"
    defines: Optional[str] = None  # the term a definition defines
    title_end: int = -1  # where the clause's run-in title ("4. Sublicensing. ...") ends, if it has one


@dataclass
class Document:
    """A whole input after extraction: clean text, the places in it, and notes about the file."""

    path: str
    format: str  # pdf | docx | text | markdown
    text: str
    blocks: list[tuple[int, Block]]  # (start offset in text, block)
    anchors: list[Anchor]
    pages: Optional[int] = None
    sha256: str = ""
    encoding: Optional[str] = None
    notes: list[str] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    language: str = "en"

    def anchor_at(self, offset: int) -> Optional[Anchor]:
        """The last anchor at or before offset."""
        keys = self._anchor_offsets()
        i = bisect_right(keys, offset) - 1
        return self.anchors[i] if i >= 0 else None

    def _anchor_offsets(self) -> list[int]:
        cached = self.__dict__.get("_offsets")
        if cached is None or len(cached) != len(self.anchors):
            cached = [a.offset for a in self.anchors]
            self.__dict__["_offsets"] = cached
        return cached

    def locate(self, offset: int, segment: Optional[Segment] = None) -> Location:
        """The location of offset, with the section and headings of its segment."""
        a = self.anchor_at(offset)
        loc = Location(page=a.page, line=a.line, paragraph=a.paragraph) if a else Location()
        if segment is not None:
            loc.section, loc.headings = segment.section, segment.headings
        return loc


def assemble(path: str, fmt: str, blocks: list[Block], **meta: object) -> Document:
    """Join blocks into one Document text, shifting every anchor to document offsets."""
    parts: list[str] = []
    placed: list[tuple[int, Block]] = []
    anchors: list[Anchor] = []
    pos = 0
    for block in blocks:
        if not block.text.strip():
            continue
        if parts:
            parts.append("\n\n")
            pos += 2
        placed.append((pos, block))
        for a in block.anchors:
            anchors.append(Anchor(pos + a.offset, a.page, a.line, a.paragraph))
        parts.append(block.text)
        pos += len(block.text)
    return Document(path=path, format=fmt, text="".join(parts), blocks=placed, anchors=anchors, **meta)  # type: ignore[arg-type]
