"""The shipped examples: their reports are golden files (reviewed by eye), in every format."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT
from termcheck import __version__
from termcheck.api import check_path
from termcheck.render.json_report import report_data
from termcheck.report import Report

EXPECTED = EXAMPLES / "expected"
FILES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md", ".pdf", ".docx"))


def report_for(path: Path) -> dict:
    rel = path.relative_to(ROOT).as_posix()
    data = report_data(Report([check_path(str(ROOT / rel))], tool_version=__version__))
    data["tool"]["version"] = "(any)"
    data["documents"][0]["path"] = rel
    return data


def test_there_are_five_examples_in_three_formats():
    stems = {p.stem for p in FILES}
    assert len(stems) == 5
    for stem in stems:
        assert {p.suffix for p in FILES if p.stem == stem} >= {".pdf", ".docx"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_example_report_matches_its_golden_file(path):
    got = report_for(path)
    golden = EXPECTED / (path.name + ".json")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert golden.exists(), f"no golden file: run UPDATE_GOLDEN=1 pytest {__file__} and review {golden}"
    assert got == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", sorted({p.stem for p in FILES}))
def test_every_format_of_an_example_gets_the_same_statuses_and_findings(stem):
    """The same contract as text, PDF and DOCX: the same answers, and the same findings by fingerprint
    (rule and quoted words), so a baseline written on one format accepts the others."""
    reports = [report_for(p) for p in FILES if p.stem == stem]
    statuses = [{c["id"]: (c["status"], c["value"]) for c in r["documents"][0]["checks"]} for r in reports]
    assert all(s == statuses[0] for s in statuses)
    findings = [sorted(f["fingerprint"] for c in r["documents"][0]["checks"] for f in c["findings"]) for r in reports]
    assert all(f == findings[0] for f in findings)
