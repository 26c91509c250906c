"""Exception types and exit codes: the only place exit codes are defined."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """Process exit codes (DESIGN.md §7)."""

    OK = 0  # every input checked; nothing at or above --fail-on
    FINDINGS = 1  # at least one check at or above --fail-on
    USAGE = 2  # usage, config or rule-pack error; nothing was checked
    INPUT = 3  # at least one input could not be read (the others were still reported)
    INTERNAL = 4  # a bug: one line to stderr, no contract text


class ErrorCode(str, enum.Enum):
    """Why one input file could not be read (the `error.code` of the JSON report)."""

    ENCRYPTED = "encrypted"
    NO_TEXT = "no-text"
    CORRUPT = "corrupt"
    UNSUPPORTED = "unsupported"
    TOO_LARGE = "too-large"
    TIMEOUT = "timeout"
    NOT_FOUND = "not-found"


class TermcheckError(Exception):
    """Base class of the errors termcheck reports to the user without a traceback."""


class InputError(TermcheckError):
    """One input could not be read; carries a code, a reason and what to do about it."""

    def __init__(self, code: ErrorCode, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint

    def __reduce__(self) -> tuple:
        """Rebuild from code, message and hint (a report comes back from a worker process pickled)."""
        return (type(self), (self.code, self.message, self.hint))

    def one_line(self, path: str) -> str:
        """The one-line message for the user: file, problem, what to do."""
        text = f"{path}: {self.message} [{self.code.value}]"
        return f"{text}; {self.hint}" if self.hint else text


class UsageError(TermcheckError):
    """Bad command line, configuration or rule pack: nothing can be checked."""
