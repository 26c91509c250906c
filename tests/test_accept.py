"""Accepting known findings: fingerprints, --write-baseline/--baseline, the ignore file, and every renderer."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from conftest import EXAMPLES, ROOT, SHARED, run_cli
from termcheck.accept import clause_words, fingerprint

SCHEMA = json.loads((ROOT / "src" / "termcheck" / "schemas" / "report-v1.schema.json").read_text())
OPEN = ("fail", "warn", "unknown")


def folder(tmp_path: Path, *names: str) -> Path:
    """A folder of example contracts to check."""
    root = tmp_path / "contracts"
    root.mkdir()
    for name in names:
        shutil.copy(EXAMPLES / name, root / name)
    return root


def report(proc) -> dict:
    data = json.loads(proc.stdout)
    import jsonschema

    jsonschema.validate(data, SCHEMA)
    return data


def fingerprints(doc: dict) -> set[str]:
    return {f["fingerprint"] for c in doc["checks"] if c["status"] in OPEN for f in c["findings"]}


# --- fingerprints ----------------------------------------------------------------------------------


def test_fingerprint_ignores_case_spacing_and_the_clause_number():
    a = fingerprint("perpetual-license", "2.1 The Performer hereby irrevocably grants ...")
    assert a == fingerprint("perpetual-license", "3.4  the performer\nHEREBY irrevocably   grants ...")
    assert a == fingerprint("perpetual-license", "(b) The Performer hereby irrevocably grants ...")
    assert a != fingerprint("sublicensing", "2.1 The Performer hereby irrevocably grants ...")
    assert a != fingerprint("perpetual-license", "2.1 The Performer hereby grants ...")
    assert len(a) == 16 and int(a, 16) >= 0


@given(st.text(min_size=1, max_size=80), st.sampled_from(["1. ", "12.3 ", "(iv) ", "Section 4 ", ""]), st.sampled_from([" ", "\n", "  \t"]))
def test_fingerprint_is_stable_under_renumbering_and_reflowing(words, label, space):
    body = "The Company " + words
    assert fingerprint("x", label + body.replace(" ", space)) == fingerprint("x", body)


def test_clause_words_keeps_words_that_look_like_labels():
    assert clause_words("a worldwide licence") == "a worldwide licence"
    assert clause_words("2024 recordings are covered") == "2024 recordings are covered"
    assert clause_words("4. The Company") == clause_words("4.2 The Company") == clause_words("Article 4 The Company") == "the company"


def test_the_three_formats_of_a_contract_have_the_same_fingerprints():
    docs = [report(run_cli(str(EXAMPLES / f"voice-buyout-release.{ext}"), "-f", "json", "--isolated"))["documents"][0] for ext in ("txt", "pdf", "docx")]
    assert fingerprints(docs[0]) and fingerprints(docs[0]) == fingerprints(docs[1]) == fingerprints(docs[2])


def test_moving_a_clause_down_the_page_keeps_its_fingerprint(tmp_path):
    original = (EXAMPLES / "voice-buyout-release.txt").read_text()
    moved = tmp_path / "moved.txt"
    moved.write_text("DRAFT 2\n\n\n\n" + original.replace("\n\n", "\n\n\n"))
    before = report(run_cli(str(EXAMPLES / "voice-buyout-release.txt"), "-f", "json", "--isolated"))["documents"][0]
    after = report(run_cli(str(moved), "-f", "json", "--isolated"))["documents"][0]
    lines = lambda d: {f["line"] for c in d["checks"] for f in c["findings"]}  # noqa: E731
    assert lines(before) != lines(after) and fingerprints(before) == fingerprints(after)


# --- baseline --------------------------------------------------------------------------------------


def test_a_baseline_accepts_what_was_found_and_only_new_findings_count(tmp_path):
    root = folder(tmp_path, "voice-buyout-release.txt", "fair-ai-voice-licence.txt", "model-release.txt")
    written = run_cli(".", "-q", "--isolated", "--write-baseline", "base.json", cwd=root)
    assert written.returncode == 0, written.stderr.decode()
    assert "wrote base.json" in written.stderr.decode()
    base = json.loads((root / "base.json").read_text())
    assert base["schema_version"] == 1 and base["entries"]
    assert {e["path"] for e in base["entries"]} == {"voice-buyout-release.txt", "fair-ai-voice-licence.txt", "model-release.txt"}
    assert all(set(e) == {"fingerprint", "check", "path", "sha256", "status", "quote"} for e in base["entries"])

    again = run_cli(".", "-f", "json", "--isolated", "--baseline", "base.json", cwd=root)
    data = report(again)
    assert again.returncode == 0 and again.stderr == b""
    assert data["summary"]["accepted"] > 0 and data["summary"]["failed"] == 0
    for doc in data["documents"]:
        assert doc["verdict"] == "pass"
        assert all(c["accepted"]["source"] == "baseline" for c in doc["checks"] if c["status"] in OPEN)
        assert all(g["status"] == "pass" for g in doc["groups"])
    assert run_cli(".", "-q", "--isolated", "--baseline", "base.json", "--fail-on", "warn", cwd=root).returncode == 0

    # A new clause in one contract: only it counts, and the entry for the replaced clause is stale.
    contract = root / "voice-buyout-release.txt"
    contract.write_text(contract.read_text().replace(
        "The Company may sublicense, sell or otherwise transfer any of the rights granted in this Agreement to any third party",
        "The Company may sublicense or sell the rights granted in this Agreement to any third party",
    ))
    changed = run_cli(".", "-f", "json", "--isolated", "--baseline", "base.json", cwd=root)
    data = report(changed)
    assert changed.returncode == 1
    verdicts = {d["path"]: d["verdict"] for d in data["documents"]}
    assert verdicts == {"fair-ai-voice-licence.txt": "pass", "model-release.txt": "pass", "voice-buyout-release.txt": "fail"}
    buyout = next(d for d in data["documents"] if "buyout" in d["path"])
    assert [c["id"] for c in buyout["checks"] if c["status"] == "fail" and c["accepted"] is None] == ["sublicensing"]
    stale = data["acceptance"]["unused"]
    assert [(e["check"], e["path"]) for e in stale] == [("sublicensing", "voice-buyout-release.txt")]
    assert "base.json: entry accepted nothing in voice-buyout-release.txt (sublicensing" in changed.stderr.decode()


def test_a_partial_run_does_not_call_other_files_entries_unused(tmp_path):
    root = folder(tmp_path, "voice-buyout-release.txt", "model-release.txt")
    run_cli(".", "-q", "--isolated", "--write-baseline", "base.json", cwd=root)
    one = run_cli("model-release.txt", "-q", "--isolated", "--baseline", "base.json", cwd=root)
    assert one.returncode == 0 and one.stderr == b""


def test_a_baseline_written_from_docx_accepts_the_pdf_export(tmp_path):
    root = folder(tmp_path, "model-release.docx", "model-release.pdf")
    run_cli("model-release.docx", "-q", "--isolated", "--write-baseline", "base.json", cwd=root)
    proc = run_cli("model-release.pdf", "-q", "--isolated", "--baseline", "base.json", cwd=root)
    # Clauses match by their words; "not stated" checks are keyed by file, so they stay open.
    doc = report(run_cli("model-release.pdf", "-f", "json", "--isolated", "--baseline", "base.json", cwd=root))["documents"][0]
    quoted = [c for c in doc["checks"] if c["status"] in OPEN and c["findings"]]
    assert quoted and all(c["accepted"] for c in quoted)
    assert proc.returncode in (0, 1)


def test_write_baseline_with_an_unreadable_file_exits_3(tmp_path):
    root = folder(tmp_path, "model-release.txt")
    (root / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    proc = run_cli(".", "-q", "--isolated", "--write-baseline", "base.json", cwd=root)
    assert proc.returncode == 3
    assert {e["path"] for e in json.loads((root / "base.json").read_text())["entries"]} == {"model-release.txt"}


@pytest.mark.parametrize("content, message", [("{not json", "not a termcheck baseline (not JSON"), ('{"entries": []}', "schema_version 1 with 'entries' expected"), ('{"schema_version": 1, "entries": [{"check": "x"}]}', "entries[0]: needs 'fingerprint' and 'check'")])
def test_a_damaged_baseline_is_a_usage_error(tmp_path, content, message):
    (tmp_path / "base.json").write_text(content)
    proc = run_cli(str(EXAMPLES / "model-release.txt"), "--isolated", "--baseline", "base.json", cwd=tmp_path)
    assert proc.returncode == 2 and message in proc.stderr.decode()


# --- ignore file -----------------------------------------------------------------------------------

IGNORES = """\
version: 1
ignores:
  - check: perpetual-license
    paths: ["voice-*.txt"]
    reason: Buy-out template; perpetual use priced in (agreement 4)
    expires: 2999-12-31
    approved_by: jsmith
  - check: ai-use
    reason: Reviewed once, long ago
    expires: 2020-01-01
  - check: moral-rights-waiver
    paths: ["archive/*.txt"]
    reason: Only for archived contracts
  - fingerprint: 0123456789abcdef
    reason: A clause that is gone
"""


def test_the_ignore_file_accepts_with_reasons_and_reports_expired_and_unused_entries(tmp_path):
    root = folder(tmp_path, "voice-buyout-release.txt", "model-release.txt")
    (root / ".termcheckignore.yaml").write_text(IGNORES)
    (root / "termcheck.yaml").write_text("fail_on: fail\n")  # the nearest config: no stray one above
    assert report(run_cli(".", "-f", "json", "--isolated", cwd=root))["acceptance"] is None  # --isolated finds none
    proc = run_cli(".", "-f", "json", cwd=root)
    data = report(proc)
    docs = {d["path"]: {c["id"]: c for c in d["checks"]} for d in data["documents"]}
    accepted = docs["voice-buyout-release.txt"]["perpetual-license"]["accepted"]
    assert accepted == {
        "source": "ignore-file", "file": ".termcheckignore.yaml:3", "reason": "Buy-out template; perpetual use priced in (agreement 4)",
        "expires": "2999-12-31", "approved_by": "jsmith",
    }
    assert docs["model-release.txt"]["perpetual-license"]["accepted"] is None  # outside the entry's paths
    assert all(c["accepted"] is None for c in (docs["voice-buyout-release.txt"]["ai-use"], docs["model-release.txt"]["ai-use"]))
    assert [e["line"] for e in data["acceptance"]["expired"]] == [8]
    # The archive entry names no file of this run, so it is not called unused.
    assert [(e["line"], e["fingerprint"]) for e in data["acceptance"]["unused"]] == [(14, "0123456789abcdef")]
    err = proc.stderr.decode()
    assert ".termcheckignore.yaml:8: entry expired on 2020-01-01 (ai-use); its findings are reported again" in err
    assert ".termcheckignore.yaml:14: entry accepted nothing (fingerprint 0123456789abcdef)" in err


def test_an_ignore_entry_by_fingerprint(tmp_path):
    root = folder(tmp_path, "voice-buyout-release.txt")
    doc = report(run_cli(".", "-f", "json", "--isolated", cwd=root))["documents"][0]
    usage = next(c for c in doc["checks"] if c["id"] == "usage-scope")
    entries = "".join(f"  - fingerprint: {f['fingerprint']}\n    reason: Scope agreed with the union rep\n" for f in usage["findings"])
    (root / "accepted.yaml").write_text("ignores:\n" + entries)
    doc = report(run_cli(".", "-f", "json", "--isolated", "--ignore-file", "accepted.yaml", cwd=root))["documents"][0]
    usage = next(c for c in doc["checks"] if c["id"] == "usage-scope")
    assert usage["accepted"]["reason"] == "Scope agreed with the union rep" and usage["status"] == "fail"


@pytest.mark.parametrize(
    "content, message",
    [
        ("ignores:\n  - check: perpetual-license\n", "x.yaml:2: ignores.0.reason: Field required"),
        ("ignores:\n  - check: ai-use\n    reason: ok reason\n  - check: ai-use\n    reason: '  '\n", "x.yaml:4: ignores.1.reason"),
        ("ignores:\n  - reason: a reason without a target\n", "x.yaml:2: ignores.0: Value error, an entry needs a 'check' or a 'fingerprint'"),
        ("ignores:\n  - fingerprint: xyz\n    reason: bad fingerprint\n", "x.yaml:2: ignores.0.fingerprint"),
        ("ignores:\n  - check: perpetual-licence\n    reason: a typo in the id\n", "x.yaml:2: check: 'perpetual-licence' names no check"),
        ("ignores:\n  - check: ai-use\n    reason: a bad date\n    expires: someday\n", "x.yaml:2: ignores.0.expires"),
        ("ignores:\n  - check: ai-use\n    reason: first reason\n    reason: second reason\n", "x.yaml:4: the key 'reason' is given twice in one mapping"),
    ],
)
def test_a_bad_ignore_file_names_file_line_and_field(tmp_path, content, message):
    (tmp_path / "x.yaml").write_text(content)
    proc = run_cli(str(EXAMPLES / "model-release.txt"), "--isolated", "--ignore-file", "x.yaml", cwd=tmp_path)
    assert proc.returncode == 2 and message in proc.stderr.decode(), proc.stderr.decode()


def test_no_accept_reports_everything(tmp_path):
    root = folder(tmp_path, "voice-buyout-release.txt")
    run_cli(".", "-q", "--isolated", "--write-baseline", "base.json", cwd=root)
    (root / "x.yaml").write_text(IGNORES)
    proc = run_cli(".", "-f", "json", "--isolated", "--baseline", "base.json", "--ignore-file", "x.yaml", "--no-accept", cwd=root)
    data = report(proc)
    assert proc.returncode == 1 and data["acceptance"] is None and data["summary"]["accepted"] == 0


def test_the_config_names_the_baseline_and_ignore_file(tmp_path):
    root = folder(tmp_path, "voice-buyout-release.txt")
    (root / "reviewed").mkdir()
    (root / "termcheck.yaml").write_text("baseline: reviewed/base.json\n")
    # A configured baseline that does not exist yet is an error, except for the run that writes it.
    missing = run_cli(".", "-q", cwd=root)
    assert missing.returncode == 2 and "reviewed/base.json: cannot read the baseline" in missing.stderr.decode()
    assert run_cli(".", "-q", "--write-baseline", "reviewed/base.json", cwd=root).returncode == 0
    sub = root / "nested"
    sub.mkdir()
    shutil.copy(root / "voice-buyout-release.txt", sub / "copy.txt")
    # The baseline matches clauses by their words, so a copy elsewhere is accepted too, run from anywhere below.
    proc = run_cli("copy.txt", "-q", cwd=sub)
    assert proc.returncode in (0, 1)
    doc = report(run_cli("copy.txt", "-f", "json", cwd=sub))["documents"][0]
    assert all(c["accepted"] for c in doc["checks"] if c["status"] in OPEN and c["findings"])


# --- every renderer shows an accepted check as accepted --------------------------------------------


@pytest.fixture
def accepted_run(tmp_path):
    root = folder(tmp_path, "voice-buyout-release.txt")
    (root / ".termcheckignore.yaml").write_text(
        "ignores:\n  - check: perpetual-license\n    reason: Priced in <b>per</b> agreement\n"
        "  - check: sublicensing\n    reason: Resale agreed\n"
    )
    return lambda *args: run_cli(".", "--isolated", "--ignore-file", ".termcheckignore.yaml", *args, cwd=root)


def test_renderers_show_accepted_checks(accepted_run):
    text = accepted_run("--color", "never").stdout.decode()
    assert "~  Perpetual or irrevocable grant  (perpetual-license)" in text
    assert "accepted (fail): Priced in <b>per</b> agreement (.termcheckignore.yaml:2)" in text
    assert "Do not sign yet: 4 items fail (2 accepted checks not counted)" in text

    junit = ET.fromstring(accepted_run("-f", "junit").stdout)
    cases = {c.get("name").split(":")[0]: c for c in junit.iter("testcase")}
    assert cases["perpetual-license"].find("skipped") is not None and cases["perpetual-license"].find("failure") is None
    assert cases["usage-scope"].find("failure") is not None
    assert junit.find("testsuite").get("skipped") == "2"

    sarif = json.loads(accepted_run("-f", "sarif").stdout)
    results = sarif["runs"][0]["results"]
    suppressed = {r["ruleId"] for r in results if r.get("suppressions")}
    assert suppressed == {"perpetual-license", "sublicensing"}
    assert all(r["partialFingerprints"]["primaryLocationLineHash"].endswith(":1") for r in results)
    official = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if official.exists():
        import jsonschema

        jsonschema.Draft4Validator(json.loads(official.read_text(encoding="utf-8"))).validate(sarif)

    github = accepted_run("-f", "github").stdout.decode()
    assert "perpetual-license" not in github and "usage-scope" in github

    rows = list(csv.DictReader(io.StringIO(accepted_run("-f", "csv").stdout.decode())))
    by_check = {r["check"]: r for r in rows}
    assert by_check["perpetual-license"]["accepted"].startswith("accepted (fail): Priced in")
    assert by_check["usage-scope"]["accepted"] == ""

    markdown = accepted_run("-f", "markdown").stdout.decode()
    assert "- ~ **Perpetual or irrevocable grant** — `perpetual-license`: accepted" in markdown
    assert "Priced in \\<b\\>per\\</b\\> agreement" in markdown

    html = accepted_run("-f", "html").stdout.decode()
    assert "Priced in &lt;b&gt;per&lt;/b&gt; agreement" in html and "<b>per</b>" not in html

    questions = accepted_run("--questions").stdout.decode()
    assert "Who else will get my recordings" not in questions and "in all Media throughout the universe" in questions
