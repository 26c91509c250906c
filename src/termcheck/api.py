"""The library API: check a file or a text from Python."""

from __future__ import annotations

from typing import Iterable, Optional

from termcheck.limits import Limits
from termcheck.report import DocumentReport
from termcheck.rules.model import RuleSet


def load_ruleset(extra_packs: Iterable[str] = ()) -> RuleSet:
    """The built-in rules plus any extra packs (files or folders of YAML)."""
    from termcheck.rules.loader import load_rules

    return load_rules(extra_packs)


def check_path(
    path: str,
    rules: Optional[RuleSet] = None,
    limits: Optional[Limits] = None,
    password: Optional[str] = None,
    layout: bool = False,
    select: Optional[Iterable[str]] = None,
) -> DocumentReport:
    """Check one contract file (PDF, DOCX, TXT, MD); raises termcheck.errors.InputError if it cannot be read.
    With select, only those checks (and what they are decided from) run, and the report holds only them."""
    from termcheck.engine import check
    from termcheck.extract import extract_path

    ruleset = rules or load_ruleset()
    return check(extract_path(path, limits, password=password, layout=layout), ruleset, select=select)


def check_text(
    text: str, name: str = "<text>", rules: Optional[RuleSet] = None, select: Optional[Iterable[str]] = None
) -> DocumentReport:
    """Check contract text given as a string; with select, only those checks (and what they are decided from) run."""
    from termcheck.engine import check
    from termcheck.extract import extract_bytes

    ruleset = rules or load_ruleset()
    return check(extract_bytes(name, text.encode("utf-8")), ruleset, select=select)
