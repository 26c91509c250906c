"""Clauses that trip naive checkers, in the format the project's scorer reads ('tricky' cases)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from termcheck.api import check_text
from termcheck.rules.loader import load_rules

RULES = load_rules()
CASES = yaml.safe_load((Path(__file__).parent / "tricky_cases.yaml").read_text(encoding="utf-8"))["cases"]
CHECK = {"perpetual": ("perpetual-license", {"fail", "warn"}), "sublicensing": ("sublicensing", {"fail", "warn"}),
         "attribution": ("attribution", {"pass", "warn"}), "deletion": ("deletion", {"pass", "warn"})}


@pytest.mark.parametrize("case", CASES, ids=[f"{c['check']}-{i}" for i, c in enumerate(CASES)])
def test_tricky_case(case):
    check_id, positive = CHECK[case["check"]]
    status = check_text(case["text"], rules=RULES).check(check_id).status
    assert (status in positive) == case["expected"], f"{check_id} is {status}"
