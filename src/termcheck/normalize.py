"""Unicode, quote, ligature, space and hyphenation clean-up with an offset map back to the source."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from termcheck.rules.precompiled import code_regex

# The characters a pass removes outright: hyphen markers (the soft hyphen, pdfium's), and controls and
# zero-width marks.
_MARKERS = r"\u00ad\ufffe\x02"
_DROPPED = r"\u200b-\u200d\u2060\ufeff\x00-\x01\x03-\x08\x0b\x0c\x0e-\x1f\x7f"

# One pass over the text; each alternative is one kind of repair. Order matters: a hyphen at a
# line end is joined before the line end itself is looked at.
_REPAIRS = code_regex(
    r"""
    # Most characters need no repair: this guard lets the engine skip them 4x faster.
    # A lone space between words (the commonest character after letters) needs nothing either.
    (?=[\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\uffff-]|\ [\ \t\r\n\u00a0\u2000-\u200a\u202f\u205f\u3000-]|[A-Za-z][\u0300-\u036f])
    (?:
    # "AI-\ngenerated", pdfium's "AI\ufffegenerated": after capitals or a digit the hyphen is the word's own
    (?P<keep>(?<=[A-Z0-9])(?:-[ \t]*(?:\r\n|\r|\n)|[\ufffe\x02])[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)?(?=[a-zà-öø-ÿ]))
    # ... after the prefix "non": "non-\nexclusive", "non-\nassignable" (the hyphen the phrases look for); and
    # inside a number written in words, « soixante-\ndix ans », "twenty-\nfive years" (the hyphen quantities read)
  | (?P<keepword>(?:(?<=\b[Nn]on)|(?<=\b[Vv]ingt)|(?<=\b[Tt]rente)|(?<=\b[Qq]uarante)|(?<=\b[Cc]inquante)|(?<=\b[Ss]oixante)
      |(?<=\b[Qq]uatre)|(?<=\b[Dd]ix)|(?<=\b[Tt]wenty)|(?<=\b[Tt]hirty)|(?<=\b[Ff]orty)|(?<=\b[Ff]ifty)|(?<=\b[Ss]ixty)
      |(?<=\b[Ss]eventy)|(?<=\b[Ee]ighty)|(?<=\b[Nn]inety))
      (?:-[ \t]*(?:\r\n|\r|\n)|[\ufffe\x02])[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)?(?=[a-zà-öø-ÿ]))
  | (?P<hyphen>(?<=[^\W\d_])\ ?-[ \t]*(?:\r\n|\r|\n)[ \t]*(?=[a-zà-öø-ÿ]))      # "jurisdic-\ntion", "jurisdic -\ntion"
    # pdfium's marker between a small letter and a capital: "Attribution-\nShareAlike" is a compound, never
    # a word cut in two (but "AGREE-\nMENT" in capitals is)
  | (?P<keepcap>(?<=[a-zà-öø-ÿ])[\ufffe\x02][ \t]*(?:(?:\r\n|\r|\n)[ \t]*)?(?=[A-ZÀ-ÖØ-Þ]))
  | (?P<marker>["""
    + _MARKERS
    + r"""][ \t]*(?:(?:\r\n|\r|\n)[ \t]*)?)            # soft hyphen / pdfium's hyphen markers
  | (?P<eol>[ \t\u00a0]+(?:\r\n|\r|\n)|\r\n?)                         # trailing blanks, CR LF -> LF (a bare LF needs nothing)
  | (?P<spaces>[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,})        # runs of blanks -> one space
  | (?P<space>[\t\u00a0\u2000-\u200a\u202f\u205f\u3000])             # odd blanks -> space
  | (?P<char0>[A-Za-z][\u0300-\u036f]+)                             # "e" + combining acute -> "é"
  | (?P<drop>["""
    + _DROPPED
    + r"""])
  | (?P<char>[^\x00-\x7f\u0300-\u036f]?[\u0300-\u036f]+|[^\x00-\x7f])  # decomposed accents, other non-ASCII
    )
    """,
    re.VERBOSE,
)

_REMOVED = code_regex(f"[{_MARKERS}{_DROPPED}]")

# Characters NFKC leaves alone but that must match their ASCII forms in rules and quotes.
_ASCII_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u2026": "...", "\u2022": "•",
}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """The clean form of one non-ASCII character (or a letter with combining accents)."""
    if ch in _ASCII_FOLD:
        return _ASCII_FOLD[ch]
    if ch in "«»":  # French quotes carry meaning in definitions: keep them.
        return ch
    out = unicodedata.normalize("NFKC", ch)
    return "".join(_ASCII_FOLD.get(c, c) for c in out)


@dataclass
class OffsetMap:
    """A piecewise map between offsets in clean text and offsets in the source text."""

    clean: list[int] = field(default_factory=lambda: [0])
    raw: list[int] = field(default_factory=lambda: [0])
    exact: list[bool] = field(default_factory=lambda: [True])
    source: Optional["OffsetMap"] = None  # a map from this map's 'raw' text on to the real source

    def add(self, clean_pos: int, raw_pos: int, exact: bool) -> None:
        """Start a new piece at clean_pos/raw_pos."""
        if self.clean[-1] == clean_pos:
            self.raw[-1], self.exact[-1] = raw_pos, exact
        else:
            self.clean.append(clean_pos)
            self.raw.append(raw_pos)
            self.exact.append(exact)

    def to_raw(self, pos: int) -> int:
        """The source offset of clean offset pos."""
        i = bisect_right(self.clean, pos) - 1
        out = self.raw[i] + (pos - self.clean[i] if self.exact[i] else 0)
        return self.source.to_raw(out) if self.source else out

    def to_clean(self, pos: int) -> int:
        """The clean offset of source offset pos (the start of a repair that swallowed it)."""
        if self.source:
            pos = self.source.to_clean(pos)
        i = bisect_right(self.raw, pos) - 1
        return self.clean[i] + (pos - self.raw[i] if self.exact[i] else 0)


def normalize(text: str) -> tuple[str, OffsetMap]:
    """Return the clean text and the map from its offsets back to text's offsets."""
    clean, omap = _one_pass(text)
    # A removed character can bring two blanks together ("a \u00ad\u00a0b"), or a hyphen to its line end
    # ("0-\x1f\ra"): repeat until stable.
    rejoin = "-\n" in clean and _REMOVED.search(text) is not None
    for _ in range(3):
        if "  " not in clean and " \n" not in clean and not rejoin:
            break
        again, outer = _one_pass(clean)
        if again == clean:
            break
        outer.source = omap
        clean, omap = again, outer
    return clean, omap


def _one_pass(text: str) -> tuple[str, OffsetMap]:
    """One pass of every repair."""
    out: list[str] = []
    omap = OffsetMap()
    clean_len = 0
    last = 0
    for m in _REPAIRS.finditer(text):
        start, end = m.span()
        if start > last:
            out.append(text[last:start])
            clean_len += start - last
        kind = m.lastgroup
        if kind in ("char", "char0"):
            repl = _fold_char(m.group())
        elif kind in ("hyphen", "marker", "drop"):
            repl = ""
        elif kind in ("keep", "keepcap", "keepword"):
            repl = "-"
        elif kind == "eol":
            repl = "\n"
        else:
            repl = " "
        if repl != m.group():
            omap.add(clean_len, start, exact=len(repl) == end - start)
            out.append(repl)
            clean_len += len(repl)
            omap.add(clean_len, end, exact=True)
        else:
            out.append(repl)
            clean_len += len(repl)
        last = end
    if last < len(text):
        out.append(text[last:])
    return "".join(out), omap


def delete_matches(text: str, pattern: "re.Pattern[str]") -> tuple[str, OffsetMap]:
    """Remove every match of pattern, with the map back to text's offsets."""
    omap = OffsetMap()
    out: list[str] = []
    last = 0
    clean_len = 0
    for m in pattern.finditer(text):
        if m.start() == m.end():
            continue
        out.append(text[last:m.start()])
        clean_len += m.start() - last
        omap.add(clean_len, m.end(), exact=True)
        last = m.end()
    out.append(text[last:])
    return "".join(out), omap


def chain(outer: OffsetMap, inner: OffsetMap) -> OffsetMap:
    """Make outer map on through inner to inner's source; returns outer."""
    node = outer
    while node.source is not None:
        node = node.source
    node.source = inner
    return outer


_SOME_TEXT = code_regex(r"(?:[^\W_][\W_]*){20}")


def has_text(text: str) -> bool:
    """True when text holds at least 20 letters or digits (less is an empty or scanned page)."""
    return _SOME_TEXT.search(text) is not None
