"""termcheck: a contract and consent-term checker for performers.

Library use::

    import termcheck
    report = termcheck.check_path("contract.pdf")
    for check in report.checks:
        print(check.id, check.status)
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "check_path", "check_text", "load_ruleset"]


def __getattr__(name: str):  # noqa: ANN202 - keeps `import termcheck` light for the CLI
    if name in ("check_path", "check_text", "load_ruleset"):
        from termcheck import api

        return getattr(api, name)
    raise AttributeError(f"module 'termcheck' has no attribute {name!r}")
