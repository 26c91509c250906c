"""Checking only some checks: the rules they are decided from run with them, and the answers are the full run's."""

from __future__ import annotations

import pytest
from conftest import case_file

from termcheck.api import check_text
from termcheck.rules.loader import load_rules

RULES = load_rules()
CASES = case_file("document_cases.yaml")


def test_a_check_with_no_dependencies_runs_alone():
    assert RULES.needed_for(["usage-scope"]) == {"usage-scope"}
    assert RULES.needed_for(["attribution"]) == {"attribution"}


def test_escalation_waivers_and_the_licence_term_come_with_the_check():
    needed = RULES.needed_for(["buyout"])
    # buyout escalates with perpetual-license and ai-use, is waived by revenue-share; ai-use escalates with
    # sublicensing; perpetual-license's "during the Term" hits give way to a finite license-term, whose
    # perpetual value comes from perpetual-license; a perpetual heading yields to consent-withdrawal
    assert {"buyout", "perpetual-license", "ai-use", "revenue-share", "sublicensing", "license-term", "consent-withdrawal"} <= needed
    assert "attribution" not in needed and "governing-law" not in needed
    # a quantity is read with the deadlines of the day-counting rules
    assert "takedown-window" in RULES.needed_for(["payment"])


def test_unknown_ids_select_nothing():
    assert RULES.needed_for(["no-such-check"]) == set()
    assert check_text("The Company may use the Recordings.", rules=RULES, select=["no-such-check"]).checks == []


def test_the_report_holds_only_the_selected_checks():
    report = check_text("The Company may use the Recordings in perpetuity for a flat fee of USD 100.", rules=RULES, select=["buyout"])
    assert [c.id for c in report.checks] == ["buyout"]
    assert report.check("buyout").status == "fail"  # raised by perpetual-license, which ran but is not reported
    assert [g.checks for g in report.groups] == [["buyout"]]


# every fortieth document case, whole: each check answered alone is the full run's answer, findings and notes included
@pytest.mark.parametrize("case", CASES[::40], ids=lambda c: c["name"][:40])
def test_each_check_alone_answers_as_in_the_full_run(case):
    full = check_text(case["text"], rules=RULES)
    for rule in RULES.rules:
        alone = check_text(case["text"], rules=RULES, select=[rule.id]).check(rule.id)
        whole = full.check(rule.id)
        assert (alone.status, alone.value, alone.notes, [f.quote for f in alone.findings]) == (
            whole.status, whole.value, whole.notes, [f.quote for f in whole.findings]
        ), rule.id
