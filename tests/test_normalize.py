"""Clean-up of extracted text and the offset map back to the source."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

import termcheck.normalize as normalize_module
from termcheck.normalize import normalize

PIECES = [
    "a", "b", "Z", " ", "  ", "\n", "\r\n", "-\n", " -\n", "\ufb01", "\ufb02", "\u2019", "\u201c", "\u201d",
    "\u00a0", "\u202f", "\u00ad", "\ufffe", "\u200b", "é", "e\u0301", "\t", "1", ".", "«", "»", "–",
]


def test_repairs():
    clean, _ = normalize("jurisdic-\ntion, jurisdic -\ntion and the \ufb01xed \u201cfee\u201d of 1\u202f500,00\u00a0€")
    assert clean == 'jurisdiction, jurisdiction and the fixed "fee" of 1 500,00 €'


def test_hyphen_before_capital_is_kept():
    assert normalize("pre-\nPaid")[0] == "pre-\nPaid"


def test_pdfium_marker_and_soft_hyphen_join_words():
    assert normalize("Record\ufffeings and record\u00ad\nings")[0] == "Recordings and recordings"


def test_a_hyphen_after_capitals_or_a_digit_is_the_word_s_own():
    """"AI-generated" broken at a line end (pdfium marks the break) keeps its hyphen; "AGREE-MENT" does not."""
    assert normalize("create AI\ufffegenerated content")[0] == "create AI-generated content"
    assert normalize("create AI-\ngenerated content, a 3D-\nprinted TTS\x02based double")[0] == (
        "create AI-generated content, a 3D-printed TTS-based double"
    )
    assert normalize("THE AGREE\ufffeMENT and jurisdic-\ntion")[0] == "THE AGREEMENT and jurisdiction"
    assert normalize("a non-\nexclusive, non\ufffeassignable licence; canon-\nical")[0] == "a non-exclusive, non-assignable licence; canonical"
    # a number in words keeps its hyphen over the break, so quantities still read it ("paradix-ical" does not)
    assert normalize("soixante-\ndix ans, twenty-\nfive years, quatre\ufffevingts; paradix-\nical")[0] == (
        "soixante-dix ans, twenty-five years, quatre-vingts; paradixical"
    )
    # a small letter then a capital across the break: a compound's own hyphen
    assert normalize("Creative Commons Attribution\ufffeShareAlike, Non\ufffe\r\nExclusive")[0] == (
        "Creative Commons Attribution-ShareAlike, Non-Exclusive"
    )


def test_line_endings_and_blanks():
    assert normalize("a  \r\nb\rc\t\td\u200b")[0] == "a\nb\nc d"


def test_french_quotes_kept_and_accents_composed():
    assert normalize("« Enregistrements » de\u0301signe")[0] == "« Enregistrements » désigne"


def test_offsets_point_back_to_the_source():
    raw = "The \ufb01rst Record-\nings are \u201cperpetual\u201d."
    clean, omap = normalize(raw)
    i = clean.index("perpetual")
    assert raw[omap.to_raw(i):omap.to_raw(i) + 9] == "perpetual"
    j = raw.index("are")
    assert clean[omap.to_clean(j):omap.to_clean(j) + 3] == "are"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_offset_map_is_monotone_and_keeps_ascii_letters(pieces):
    raw = "".join(pieces)
    clean, omap = normalize(raw)
    previous = -1
    for i, ch in enumerate(clean):
        r = omap.to_raw(i)
        assert 0 <= r <= len(raw)
        assert r >= previous
        previous = r
        if ch.isascii() and ch.isalpha():
            assert raw[r] == ch or not raw[r].isascii()
    # Clean text never holds the characters the repairs remove.
    assert not any(c in clean for c in "\ufb01\u00ad\ufffe\u200b\u00a0\r\t")
    assert "  " not in clean


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
@example("0-\ra")  # a lone carriage return after a kept hyphen: the second pass used to join the line
@example("0-\x1f\ra")  # a control character dropped between the hyphen and the line end
@example("0-\n\x1fa")  # ... or after the line end
def test_normalize_never_fails_and_is_idempotent(text):
    once, _ = normalize(text)
    twice, _ = normalize(once)
    assert twice == once


_UNGUARDED = re.compile(re.sub(r"^\s*\(\?=.*$", "", normalize_module._REPAIRS.pattern, count=1, flags=re.M), re.VERBOSE)


@given(st.text(alphabet="ab é-\n\r\t\u00a0\u00ad\u2019\ufffe\u0301 ", max_size=60))
@example("jurisdic -\ntion")
@example("a  b \n c\u00a0 d - e")
def test_the_fast_path_guard_changes_nothing(text):
    # The lookahead only lets the regex skip characters faster; without it every repair is the same.
    fast = normalize_module._one_pass(text)[0]
    original = normalize_module._REPAIRS
    try:
        normalize_module._REPAIRS = _UNGUARDED
        slow = normalize_module._one_pass(text)[0]
    finally:
        normalize_module._REPAIRS = original
    assert fast == slow
