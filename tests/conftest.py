"""Shared test helpers: paths to the development corpora and a CLI runner."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from termcheck.api import load_ruleset
from termcheck.yamlfile import Loader

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TERMCHECK_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
EXAMPLES = ROOT / "examples"
# How many checks the built-in rule set has: every report lists each of them.
BUILTIN_CHECKS = len(load_ruleset().rules)
sys.path.insert(0, str(Path(__file__).parent))


def read_yaml(path: Path) -> Any:
    """A YAML file's data, parsed by libyaml where it is installed: seven times faster than
    yaml.safe_load on the case files, which every test worker reads while collecting."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


# The check each of tests/tricky_cases.yaml's short names stands for.
TRICKY_CHECKS = {"perpetual": "perpetual-license", "sublicensing": "sublicensing", "attribution": "attribution", "deletion": "deletion"}


@functools.lru_cache(maxsize=None)
def case_file(name: str) -> list[dict[str, Any]]:
    """The cases in tests/NAME, read once per process (several test modules read them; none changes them)."""
    return read_yaml(Path(__file__).parent / name)["cases"]


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
