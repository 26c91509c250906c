"""The PDF/DOCX files of the performer corpus extract to (almost) the words of their .txt versions."""

from __future__ import annotations

import difflib
import re

import pytest

from conftest import CORPUS, needs_corpus
from termcheck.extract import extract_path

PAIRS = ["07-freesouls-model-release", "15-soullab-voice-actor-ai-work-for-hire", "28-barilla-influencer-agreement"]


@needs_corpus()
@pytest.mark.parametrize("base", PAIRS)
def test_extracted_words_match_the_text_version(base):
    files = CORPUS / "performer" / "files"
    path = next(p for p in files.iterdir() if p.stem == base)
    doc = extract_path(str(path))
    body = " ".join(doc.text[s.start:s.end] for s in doc.segments if s.zone != "running")
    got = re.findall(r"\w+", body.lower())
    want = re.findall(r"\w+", (CORPUS / "performer" / "docs" / f"{base}.txt").read_text(encoding="utf-8").lower())
    ratio = difflib.SequenceMatcher(None, got, want, autojunk=False).ratio()
    assert ratio >= 0.99, ratio
