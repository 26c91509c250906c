"""Shared test helpers: paths to the development corpora and a CLI runner."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from termcheck.api import load_ruleset

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TERMCHECK_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
EXAMPLES = ROOT / "examples"
# How many checks the built-in rule set has: every report lists each of them.
BUILTIN_CHECKS = len(load_ruleset().rules)
sys.path.insert(0, str(Path(__file__).parent))


def needs_corpus() -> pytest.MarkDecorator:
    """Skip a test when ../shared/corpus is not beside the checkout."""
    return pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not available")


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `python -m termcheck ARGS` and capture its output."""
    # A developer's own TERMCHECK_CONFIG must not leak into the tests.
    inherited = {k: v for k, v in os.environ.items() if k != "TERMCHECK_CONFIG"}
    full_env = {**inherited, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "termcheck", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=120,
    )
