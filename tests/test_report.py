"""The performer's report: checklist, questions, JSON (validated), Markdown, exit codes, several files."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import jsonschema
import pytest

from conftest import BUILTIN_CHECKS, EXAMPLES, ROOT, run_cli

SCHEMA = json.loads((ROOT / "src" / "termcheck" / "schemas" / "report-v1.schema.json").read_text())
BUYOUT = str(EXAMPLES / "voice-buyout-release.txt")
FAIR = str(EXAMPLES / "fair-ai-voice-licence.txt")
ANSI = re.compile(r"\x1b\[")


def test_json_of_every_example_and_of_an_unreadable_file_follows_the_schema(tmp_path):
    bad = tmp_path / "scan.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    paths = [str(p) for p in sorted(EXAMPLES.iterdir()) if p.suffix in (".txt", ".md", ".pdf", ".docx")]
    proc = run_cli("-f", "json", *paths, str(bad))
    assert proc.returncode == 3
    report = json.loads(proc.stdout)
    jsonschema.validate(report, SCHEMA)
    assert report["summary"]["documents"] == len(paths) + 1 and report["summary"]["errors"] == 1
    error_doc = report["documents"][-1]
    assert error_doc["verdict"] == "error" and error_doc["error"]["code"] == "unsupported"
    checks = {c["id"]: c for c in report["documents"][0]["checks"]}
    assert len(checks) == BUILTIN_CHECKS


def test_checklist_reads_without_colour_and_fits_80_columns():
    proc = run_cli(BUYOUT, env={"COLUMNS": "80"})
    out = proc.stdout.decode()
    assert proc.returncode == 1 and not ANSI.search(out)
    assert "✗ Written answers on ownership" in out
    assert "line 16, §2.2" in out and "Ask in writing:" in out
    assert "Do not sign yet: 4 items fail" in out
    assert "not legal advice" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_color_option_and_no_color():
    forced = run_cli(BUYOUT, "--color", "always").stdout.decode()
    assert ANSI.search(forced)
    assert not ANSI.search(run_cli(BUYOUT, "--color", "never").stdout.decode())
    assert not ANSI.search(run_cli(BUYOUT, env={"NO_COLOR": "1"}).stdout.decode())
    assert run_cli(BUYOUT, "--color", "sometimes").returncode == 2


def test_contract_text_is_never_read_as_markup():
    text = b"1. The Company may use the Recordings in perpetuity from [insert date] [bold]onwards[/bold].\n"
    out = " ".join(run_cli("-", stdin=text).stdout.decode().split())
    assert "[insert date] [bold]onwards[/bold]" in out
    md = run_cli("-f", "markdown", "-", stdin=text).stdout.decode()
    assert r"\[insert date\]" in md


def test_questions_are_numbered_quote_their_clause_and_can_be_written_to_a_file(tmp_path):
    out = tmp_path / "questions.txt"
    proc = run_cli(BUYOUT, "--questions", "-o", str(out))
    assert proc.returncode == 1 and proc.stdout == b""
    text = out.read_text()
    assert text.count("\n1. ") == 1 and "\n2. " in text
    assert 'About line 15, §2.1, which says: "2.1 The Performer hereby irrevocably grants' in text
    assert "Who else will get my recordings" in text
    assert "takedown" not in text or "Within how many days" in text


def test_markdown_report():
    md = run_cli(FAIR, "-f", "markdown").stdout.decode()
    assert md.startswith("# termcheck report") and "| ✓ | Written answers" in md
    assert "**Ask first: 1 item needs a written answer**" in md


@pytest.mark.parametrize("fail_on, code", [("fail", 0), ("warn", 1), ("never", 0)])
def test_fail_on(fail_on, code):
    assert run_cli(FAIR, "--fail-on", fail_on).returncode == code


def test_buyout_fails_and_never_overrides():
    assert run_cli(BUYOUT).returncode == 1
    assert run_cli(BUYOUT, "--fail-on", "never").returncode == 0


def test_several_files_one_unreadable(tmp_path):
    missing = tmp_path / "missing.pdf"
    proc = run_cli(FAIR, str(missing), BUYOUT, "--quiet")
    out = proc.stdout.decode()
    assert proc.returncode == 3
    assert "fair-ai-voice-licence.txt: Ask first" in out and "voice-buyout-release.txt: Do not sign yet" in out
    assert "3 documents: 1 do not sign yet, 1 ask first, 0 no red flags found, 1 could not be read" in out
    assert "missing.pdf: no such file [not-found]" in proc.stderr.decode()


def test_an_internal_error_is_one_line_without_contract_text():
    code = (
        "import termcheck.engine as e\n"
        "def boom(doc, rules):\n"
        "    raise RuntimeError('SECRET CLAUSE ' + doc.text[:40])\n"
        "e.check = boom\n"
        "from termcheck.cli import main\n"
        f"main([{BUYOUT!r}])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    err = proc.stderr.decode()
    assert proc.returncode == 4
    assert err.strip().count("\n") == 0 and "internal error (RuntimeError)" in err
    assert "SECRET" not in err and "Performer" not in err and proc.stdout == b""


@pytest.mark.parametrize(
    ("title", "running"),
    [("Resale, sublicensing or transfer", "resale, sublicensing or transfer"), ("AI training, datasets", "AI training, datasets"), ("", "")],
)
def test_a_title_runs_on_in_a_sentence_but_an_acronym_keeps_its_capitals(title, running):
    from termcheck.wording import lower_first

    assert lower_first(title) == running


@pytest.mark.parametrize(
    "args, verdict",
    [
        (["--select", "payment"], 0),  # the checklist (Rich), a passing contract
        (["--select", "payment", "-f", "jsonl"], 0),
        (["--select", "payment", "-f", "json"], 0),
        (["--select", "payment", "-q"], 0),
        ([], 1),  # a check fails: still 1, not an error
    ],
)
def test_a_reader_who_leaves_does_not_change_the_exit_code_or_stop_other_reports(tmp_path, args, verdict):
    # `termcheck contract.txt | head -1` under `set -o pipefail`: the pipe closes before the report is
    # written; Rich and click would exit 1 ("a check failed") even for a contract that passes.
    contract = tmp_path / "contract.txt"
    contract.write_text("The Company pays the Performer USD 500 for the session.\n" * 200, encoding="utf-8")
    sarif = tmp_path / "report.sarif"
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "termcheck", str(contract), *args, "--sarif-output", str(sarif)],
            stdout=write_end, stderr=subprocess.PIPE, timeout=120, cwd=ROOT, env={**os.environ, "NO_COLOR": "1"},
        )
    finally:
        os.close(write_end)
    assert proc.returncode == verdict, proc.stderr
    assert proc.stderr == b""
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"
