"""JUnit XML: one suite per document, one case per check, passes included, text XML-safe."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from conftest import BUILTIN_CHECKS, EXAMPLES, run_cli


def test_junit_suites_cases_failures_and_errors(tmp_path):
    bad = tmp_path / "scan.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    out = tmp_path / "report.xml"
    proc = run_cli(str(EXAMPLES / "voice-buyout-release.txt"), str(EXAMPLES / "fair-ai-voice-licence.txt"), str(bad), "-f", "junit", "-o", str(out))
    assert proc.returncode == 3
    root = ET.parse(out).getroot()
    suites = root.findall("testsuite")
    assert len(suites) == 3
    buyout, fair, unreadable = suites
    assert len(buyout.findall("testcase")) == BUILTIN_CHECKS and buyout.get("failures") == str(len(buyout.findall("testcase/failure")))
    assert buyout.find("testcase[@name='perpetual-license: Perpetual or irrevocable grant']/failure") is not None
    assert fair.get("failures") == "0" and fair.find(".//system-out").text.startswith("warn:")
    assert unreadable.find("testcase/error").get("type") == "unsupported"
    assert root.get("tests") == str(2 * BUILTIN_CHECKS + 1) and root.get("errors") == "1"


def test_contract_text_with_control_characters_stays_valid_xml(tmp_path):
    contract = tmp_path / "odd.txt"
    contract.write_bytes("1. The Company may use the Recordings in perpetuity \x0b<b>&amp;</b> \x01 forever.\n".encode())
    proc = run_cli(str(contract), "-f", "junit")
    root = ET.fromstring(proc.stdout)
    text = root.find(".//testcase[@name='perpetual-license: Perpetual or irrevocable grant']/failure").text
    assert "<b>&amp;</b>" in text and "\x0b" not in text
