"""PDF, the part that runs in the parent: margins dropped, text cleaned, lines anchored to pages."""

from __future__ import annotations

import re
from collections import Counter

from termcheck.extract.pdf_reader import PageText
from termcheck.models import Anchor, Line
from termcheck.normalize import normalize

_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:page|p\.|pg\.|seite|página)?\s*\d{1,4}(?:\s*(?:of|/|sur|de|von)\s*\d{1,4})?(?:\s*[-–—])?$",
    re.IGNORECASE,
)


_LINE_BREAK = re.compile(r"(\n|[\ufffe\x02])")


def _repeated_margin_lines(pages: list[list[str]]) -> set[str]:
    """Keys of lines that repeat at the top or bottom of at least half of the pages."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        body = [ln for ln in lines if ln.strip()]
        counts.update({_margin_key(ln) for ln in body[:3] + body[-3:]})
    need = max(2, (len(pages) + 1) // 2)
    return {k for k, c in counts.items() if c >= need and k}


def _margin_key(line: str) -> str:
    """A line with digits folded, to see that 'Page 3 of 9' repeats 'Page 4 of 9'."""
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def _blank_margins(pages: list[PageText]) -> list[str]:
    """Each page's text with running headers, footers and page numbers replaced by spaces."""
    # pdfium joins a line that ends in a hyphen to whatever line comes next, with a marker between:
    # on a page's last line that is the footer ("through\ufffePage 1 of 2"), so the marker splits too.
    parts = [_LINE_BREAK.split(p.text) for p in pages]
    split = [pp[0::2] for pp in parts]
    repeated = _repeated_margin_lines(split)
    out = []
    for lines, pp in zip(split, parts):
        seps = pp[1::2]
        body_idx = [i for i, ln in enumerate(lines) if ln.strip()]
        margin = set(body_idx[:3] + body_idx[-3:])
        kept = []
        for i, ln in enumerate(lines):
            stripped = ln.strip()
            if i in margin and (_margin_key(ln) in repeated or _PAGE_NUMBER.match(stripped)):
                kept.append(" " * len(ln))
                if i > 0 and seps[i - 1] != "\n":
                    seps[i - 1] = "-"  # the word goes on after the footer, on the next page: a hyphen again
            else:
                kept.append(ln)
        pieces = [kept[0]]
        for sep, ln in zip(seps, kept[1:]):
            pieces += [sep, ln]
        out.append("".join(pieces))
    return out


def pages_to_lines(pages: list[PageText]) -> list[Line]:
    """Clean every page and cut it into lines, each with the visual-line anchors inside it."""
    lines: list[Line] = []
    for number, (page, text) in enumerate(zip(pages, _blank_margins(pages)), start=1):
        clean, omap = normalize(text)
        starts = [(omap.to_clean(s), ln) for s, ln in page.line_starts]
        pos = 0
        k = 0
        for piece in clean.split("\n"):
            end = pos + len(piece)
            anchors = []
            while k < len(starts) and starts[k][0] <= end:
                off = starts[k][0] - pos
                if off >= 0:
                    anchors.append(Anchor(off, number, starts[k][1], None))
                k += 1
            if not anchors or anchors[0].offset > 0:
                prev_line = lines[-1].anchors[-1].line if lines and lines[-1].page == number and lines[-1].anchors else None
                anchors.insert(0, Anchor(0, number, prev_line, None))
            lines.append(Line(piece, anchors, page=number))
            pos = end + 1
        lines.append(Line("", [], page=number))  # a page break ends nothing by itself, but a blank may
    return _join_across_pages(lines)


def _join_across_pages(lines: list[Line]) -> list[Line]:
    """Drop the blank line at a page break when the sentence runs on to the next page."""
    out: list[Line] = []
    skip_blanks = False
    for i, ln in enumerate(lines):
        if not ln.text and ln.anchors == [] and out:
            prev = next((x.text.strip() for x in reversed(out) if x.text.strip()), "")
            nxt = next((x.text.strip() for x in lines[i + 1:] if x.text.strip()), "")
            if prev and nxt and not prev.endswith((".", ":", ";", "!", "?")) and nxt[:1].islower():
                while out and not out[-1].text.strip():
                    out.pop()  # the blanked footer of this page
                skip_blanks = True  # and the blanked header of the next
                continue
        if skip_blanks and not ln.text.strip():
            continue
        skip_blanks = False
        out.append(ln)
    return out


