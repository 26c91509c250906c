"""The config file's schema (pydantic), imported only when there is a config file to validate."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

# A list setting may be written as one string: `select: ai-use` means `select: [ai-use]`.
StrList = Annotated[list[str], BeforeValidator(lambda v: [v] if isinstance(v, str) else v)]


class Threshold(BaseModel):
    """New limits for a threshold check: pass up to pass_max, warn up to warn_max, fail above."""

    model_config = ConfigDict(extra="forbid")

    pass_max: Optional[float] = Field(default=None, ge=0)
    warn_max: Optional[float] = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> "Threshold":
        if self.pass_max is not None and self.warn_max is not None and self.warn_max < self.pass_max:
            raise ValueError("warn_max must not be below pass_max")
        return self


class SettingsModel(BaseModel):
    """What termcheck.yaml or [tool.termcheck] may say; anything else is an error."""

    model_config = ConfigDict(extra="forbid")

    rules: StrList = []
    select: StrList = []
    ignore: StrList = []
    severity: dict[str, Literal["fail", "warn"]] = {}
    thresholds: dict[str, Union[float, Threshold]] = {}
    jurisdiction: Optional[str] = None
    format: str = "text"
    output: Optional[str] = None
    fail_on: Literal["fail", "warn", "never"] = "fail"
    include: StrList = []
    exclude: StrList = []
    jobs: int = Field(default=0, ge=0)
    baseline: Optional[str] = None
    ignore_file: Optional[str] = None

    @field_validator("format")
    @classmethod
    def _known_format(cls, v: str) -> str:
        from termcheck.render import FORMATS

        if v not in FORMATS:
            raise ValueError(f"must be one of {', '.join(FORMATS)}")
        return v

    def plain(self) -> dict[str, Any]:
        """The settings as plain data, a bare threshold number meaning pass_max."""
        data = self.model_dump()
        data["thresholds"] = {
            k: {"pass_max": float(v), "warn_max": None} if isinstance(v, (int, float)) else v
            for k, v in data["thresholds"].items()
        }
        return data


class IgnoreEntryModel(BaseModel):
    """One reviewed acceptance: a check (optionally in some files) or one fingerprinted clause."""

    model_config = ConfigDict(extra="forbid")

    check: Optional[str] = None
    fingerprint: Optional[str] = Field(default=None, pattern=r"^[0-9a-f]{16}$")
    paths: StrList = []
    reason: str = Field(min_length=3)
    expires: Optional[date] = None
    approved_by: Optional[str] = None

    @field_validator("reason")
    @classmethod
    def _says_something(cls, v: str) -> str:
        if not v.strip() or v.strip().lower() in ("todo", "tbd", "n/a", "none"):
            raise ValueError("say why this is accepted")
        return v.strip()

    @model_validator(mode="after")
    def _names_something(self) -> "IgnoreEntryModel":
        if not self.check and not self.fingerprint:
            raise ValueError("an entry needs a 'check' or a 'fingerprint'")
        return self


class IgnoreFileModel(BaseModel):
    """The ignore file: a version and a list of reviewed entries."""

    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = 1
    ignores: list[IgnoreEntryModel] = []
