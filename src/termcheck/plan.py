"""What a check run applies around the engine: rule packs and thresholds, the policy, accepted findings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from termcheck.config import Config
from termcheck.report import DocumentReport
from termcheck.rules.model import RuleSet

if TYPE_CHECKING:
    from termcheck.accept import Acceptor
    from termcheck.policy import Policy


class RunPlan:
    """Loads the rules once (when first needed) and finishes every document report the same way."""

    def __init__(self, config: Config, no_accept: bool = False, writing_baseline: bool = False) -> None:
        import os

        self.config = config
        settings = config.settings
        self.ignore_path = None if no_accept else settings.ignore_file
        self.baseline_path = None if no_accept else settings.baseline
        if writing_baseline and self.baseline_path and not os.path.exists(self.baseline_path):
            self.baseline_path = None  # the first --write-baseline of a configured baseline: nothing to read yet
        self._ruleset: Optional[RuleSet] = None
        self.policy: Optional["Policy"] = None  # set by load(), with the rules
        self.acceptor: Optional["Acceptor"] = None

    @property
    def needs_rules_first(self) -> bool:
        """Whether something configured must be checked against the rules before any file is read."""
        s = self.config.settings
        return bool(s.rules or s.select or s.ignore or s.severity or s.thresholds or self.ignore_path or self.baseline_path)

    def load(self) -> None:
        """Load and configure the rules, the policy and the acceptance files (once)."""
        if self._ruleset is not None:
            return
        from termcheck.policy import Policy, configure_rules
        from termcheck.rules.loader import load_rules

        s = self.config.settings
        ruleset = configure_rules(load_rules(s.rules), s.thresholds, s.severity)
        self.policy = Policy.build(ruleset, s.select, s.ignore, s.severity, s.jurisdiction, self.config.source("jurisdiction"))
        if self.ignore_path or self.baseline_path:
            self.acceptor = self._acceptor(ruleset)
        self._ruleset = ruleset

    def _acceptor(self, ruleset: RuleSet) -> "Acceptor":
        from termcheck.accept import Acceptor, read_baseline, read_ignore_file
        from termcheck.errors import UsageError
        from termcheck.policy import match_checks

        ignores = read_ignore_file(self.ignore_path) if self.ignore_path else []
        for e in ignores:
            if e.check:
                try:
                    match_checks([e.check], ruleset, f"{self.ignore_path}:{e.line}: check")
                except UsageError as exc:
                    raise UsageError(f"invalid ignore file:\n{exc}") from None
        baseline = read_baseline(self.baseline_path) if self.baseline_path else []
        return Acceptor(baseline, self.baseline_path, ignores, self.ignore_path)

    @property
    def ruleset(self) -> RuleSet:
        """The configured rules."""
        self.load()
        assert self._ruleset is not None
        return self._ruleset

    def finish(self, doc: DocumentReport) -> DocumentReport:
        """A document's report with the policy and the accepted findings applied."""
        from termcheck.policy import apply_policy

        self.load()
        assert self.policy is not None
        doc = apply_policy(doc, self.policy)
        return self.acceptor.apply(doc) if self.acceptor is not None else doc

    def acceptance_report(self) -> Optional[dict[str, Any]]:
        """The acceptance files used and their expired and unused entries (None without any)."""
        if self.acceptor is None:
            return None
        return {"baseline": self.baseline_path, "ignore_file": self.ignore_path, **self.acceptor.problems()}
