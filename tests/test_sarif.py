"""SARIF 2.1.0 output, validated against the official schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import BUILTIN_CHECKS, EXAMPLES, SHARED, run_cli
from termcheck.render.sarif import fingerprint

SCHEMA_PATH = SHARED / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def sarif(tmp_path_factory):
    bad = tmp_path_factory.mktemp("bad") / "scan.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    proc = run_cli(str(EXAMPLES / "voice-buyout-release.pdf"), str(EXAMPLES / "voice-buyout-release.txt"), str(bad), "-f", "sarif")
    assert proc.returncode == 3
    return json.loads(proc.stdout)


@pytest.mark.skipif(not SCHEMA_PATH.exists(), reason="../shared/schemas is not available")
def test_sarif_validates_against_the_official_schema(sarif):
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)


def test_locations_fingerprints_and_errors(sarif):
    run = sarif["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert len(rules) == BUILTIN_CHECKS and "perpetual-license" in rules
    pdf = [r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".pdf")]
    txt = [r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".txt")]
    perpetual_pdf = next(r for r in pdf if r["ruleId"] == "perpetual-license")
    assert perpetual_pdf["level"] == "error" and perpetual_pdf["properties"]["page"] == 1
    assert perpetual_pdf["properties"]["quote"].startswith("2.1 The Performer")
    assert "region" not in perpetual_pdf["locations"][0]["physicalLocation"]  # a PDF has no text lines to point at
    perpetual_txt = next(r for r in txt if r["ruleId"] == "perpetual-license")
    assert perpetual_txt["locations"][0]["physicalLocation"]["region"]["startLine"] == 15
    # The same clause in the PDF and the text version: the same fingerprint, whatever its page or line.
    assert perpetual_pdf["partialFingerprints"] == perpetual_txt["partialFingerprints"]
    assert run["results"][0]["ruleIndex"] == rules.index(run["results"][0]["ruleId"])
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert len(notes) == 1 and "[unsupported]" in notes[0]["message"]["text"]
    assert run["invocations"][0]["executionSuccessful"] is False


def test_fingerprint_ignores_case_and_white_space():
    assert fingerprint("sublicensing", "The Company  may\nsublicense.") == fingerprint("sublicensing", "the company may sublicense.")
    assert fingerprint("sublicensing", "a") != fingerprint("attribution", "a")
