"""GitHub Actions annotations: escaped so contract text cannot inject workflow commands; job summary."""

from __future__ import annotations

from conftest import EXAMPLES, run_cli
from termcheck.render.github import escape_data, escape_property


def test_escaping():
    assert escape_data("50% off\r\n::stop-commands::x") == "50%25 off%0D%0A::stop-commands::x"
    assert escape_property("a: b, c") == "a%3A b%2C c"


def test_annotations_cannot_be_injected_and_the_summary_is_written(tmp_path):
    contract = tmp_path / "evil.md"
    contract.write_text(
        "1. The Company may use the Recordings in perpetuity.\n\n"
        "2. The Company may sublicense the Recordings %0A::set-output name=pwned::1 to third parties.\n",
        encoding="utf-8",
    )
    summary = tmp_path / "summary.md"
    proc = run_cli(str(contract), "-f", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert proc.returncode == 1
    lines = proc.stdout.decode().splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ")) for line in lines)
    sub = next(line for line in lines if "sublicensing%3A" in line)
    assert "%250A::set-output" in sub  # the contract's own "%0A" is neutralised
    assert "line=3" in sub and f"file={str(contract).replace(':', '%3A').replace(',', '%2C')}" in sub
    assert summary.read_text(encoding="utf-8").startswith("# termcheck report")


def test_no_annotations_for_a_clean_check():
    proc = run_cli(str(EXAMPLES / "fair-ai-voice-licence.txt"), "-f", "github")
    lines = proc.stdout.decode().splitlines()
    assert proc.returncode == 0 and len(lines) == 1 and lines[0].startswith("::warning ")
