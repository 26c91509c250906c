"""Regexes compiled the first time they are used: a contract needs few of the built-in rules' patterns."""

from __future__ import annotations

import re
from typing import Any, Optional, Pattern, TypeVar, cast

from termcheck.rules.precompiled import compile_regex


class LazyRegex:
    """A regex source that becomes a compiled pattern on first use.

    It answers every attribute of the compiled pattern; the first lookup compiles it and copies the
    matching methods onto the instance, so later calls reach the compiled pattern's own methods with
    little indirection. RuleSet.compile_all swaps the compiled patterns in for good (the engine
    calls them hundreds of thousands of times on a long contract).
    """

    def __init__(self, source: str) -> None:
        self.pattern = source

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and friends ask for optional dunders: not ours to answer
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __getstate__(self) -> dict[str, str]:
        """Pickled as its source, compiled or not."""
        return {"pattern": self.pattern}

    def compiled(self) -> Pattern[str]:
        """The compiled pattern, compiled now if it was not yet."""
        found: Optional[Pattern[str]] = self.__dict__.get("_compiled")
        if found is None:
            found = compile_regex(self.pattern)
            self.__dict__.update({method: getattr(found, method) for method in _METHODS}, _compiled=found)
        return found

    def __repr__(self) -> str:
        return f"LazyRegex({self.pattern!r})"


_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "flags", "groups", "groupindex")


def lazy_compile(source: str) -> Pattern[str]:
    """A pattern compiled on first use (typed as the compiled pattern it stands for)."""
    return cast("Pattern[str]", LazyRegex(source))


P = TypeVar("P", bound=Optional[Pattern[str]])


def compiled(pattern: P) -> P:
    """The pattern compiled (a lazy one is compiled now; None and compiled ones are returned as they are)."""
    return cast(P, pattern.compiled()) if isinstance(pattern, LazyRegex) else pattern
