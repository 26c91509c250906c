"""The pre-commit hook and the composite GitHub Action: their commands run as written."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import EXAMPLES, ROOT


def termcheck_env(tmp_path: Path) -> dict[str, str]:
    """An environment whose PATH finds this checkout's termcheck (as the action's install step would)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    shim = bin_dir / "termcheck"
    shim.write_text(f"#!/bin/sh\nexec {sys.executable} -m termcheck \"$@\"\n")
    shim.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1"}


def test_pre_commit_hook_picks_pdf_and_docx_and_fails_a_buyout(tmp_path):
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "termcheck" and hook["language"] == "python" and hook["require_serial"] is True
    files = re.compile(hook["files"])
    chosen = [p.name for p in sorted(EXAMPLES.iterdir()) if files.search(p.name)]
    assert chosen and all(name.endswith((".pdf", ".docx")) for name in chosen)
    assert files.search("TEMPLATE.PDF") and not files.search("notes.txt")
    # pre-commit runs `entry args... files...` from the repository root.
    cmd = [hook["entry"], *hook["args"], str(EXAMPLES / "voice-buyout-release.docx"), str(EXAMPLES / "fair-ai-voice-licence.pdf")]
    proc = subprocess.run(cmd, capture_output=True, env=termcheck_env(tmp_path), cwd=tmp_path)
    assert proc.returncode == 1 and b"voice-buyout-release.docx" in proc.stdout


def action_step(name: str) -> dict:
    steps = yaml.safe_load((ROOT / "action.yml").read_text())["runs"]["steps"]
    return next(s for s in steps if s.get("name") == name)


def run_check_step(tmp_path: Path, paths: str, args: str = "") -> tuple[subprocess.CompletedProcess, str]:
    step = action_step("Check contracts")
    output = tmp_path / "github_output"
    output.write_text("")
    env = termcheck_env(tmp_path) | {
        "TERMCHECK_PATHS": paths,
        "TERMCHECK_FAIL_ON": "fail",
        "TERMCHECK_SARIF": str(tmp_path / "out.sarif"),
        "TERMCHECK_ARGS": args,
        "GITHUB_OUTPUT": str(output),
    }
    env.pop("GITHUB_STEP_SUMMARY", None)
    proc = subprocess.run(["bash", "-e", "-c", step["run"]], capture_output=True, env=env, cwd=tmp_path)
    return proc, output.read_text()


def test_action_check_step_annotates_writes_sarif_and_records_the_exit_code(tmp_path):
    proc, outputs = run_check_step(tmp_path, f"{EXAMPLES / 'voice-buyout-release.txt'} {EXAMPLES / 'fair-ai-voice-licence.txt'}")
    assert proc.returncode == 0, "the step records the code; the Verdict step fails the job"
    assert outputs.strip() == "exit-code=1"
    assert b"::error file=" in proc.stdout
    sarif = json.loads((tmp_path / "out.sarif").read_text())
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"]


def test_action_inputs_cannot_inject_shell(tmp_path):
    marker = tmp_path / "injected"
    proc, outputs = run_check_step(tmp_path, str(EXAMPLES / "fair-ai-voice-licence.txt"), args=f"; touch {marker}")
    assert not marker.exists()
    # The stray words reach termcheck as file names, which do not exist: exit 3, nothing run.
    assert outputs.strip() == "exit-code=3" and b"file=touch,title=termcheck could not read" in proc.stdout


def test_action_verdict_step_exits_with_the_recorded_code():
    step = action_step("Verdict")
    for code in ("0", "1", "3"):
        proc = subprocess.run(["bash", "-c", step["run"]], env={**os.environ, "TERMCHECK_STATUS": code})
        assert proc.returncode == int(code)


def test_action_installs_from_its_own_checkout():
    install = action_step("Install termcheck")
    assert '"$GITHUB_ACTION_PATH"' in install["run"]
