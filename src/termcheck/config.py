"""Settings from termcheck.yaml or [tool.termcheck] in pyproject.toml, found by walking up; CLI flags win."""

from __future__ import annotations

import os
import sys
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, Optional

from termcheck.errors import UsageError

CONFIG_NAMES = ("termcheck.yaml", ".termcheck.yaml")
ENV_CONFIG = "TERMCHECK_CONFIG"
DEFAULT_IGNORE_FILE = ".termcheckignore.yaml"


@dataclass
class Settings:
    """Every setting a config file may hold, with the built-in defaults (validated in config_schema)."""

    rules: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    thresholds: dict[str, dict[str, Optional[float]]] = field(default_factory=dict)  # id -> pass_max, warn_max
    jurisdiction: Optional[str] = None
    format: str = "text"
    output: Optional[str] = None
    fail_on: str = "fail"
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    jobs: int = 0
    baseline: Optional[str] = None
    ignore_file: Optional[str] = None


# Settings that name files: relative paths in a config file are relative to the file's folder.
_PATH_KEYS = ("rules", "output", "baseline", "ignore_file")
DEFAULT_SOURCE = "default"
CLI_SOURCE = "command line"


@dataclass
class Config:
    """Resolved settings, where each came from, and the config file read (if any)."""

    settings: Settings = field(default_factory=Settings)
    sources: dict[str, str] = field(default_factory=dict)
    path: Optional[Path] = None

    def source(self, key: str) -> str:
        """Where a setting's value came from: a file and line, 'command line' or 'default'."""
        return self.sources.get(key, DEFAULT_SOURCE)

    def override(self, key: str, value: Any) -> None:
        """A value given on the command line replaces the configured one."""
        setattr(self.settings, key, value)
        self.sources[key] = CLI_SOURCE


def shown_path(path: Path) -> str:
    """A path as messages show it: relative when it is under the working folder, else absolute."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def find_config(start: Path) -> Optional[Path]:
    """The nearest termcheck.yaml, .termcheck.yaml or pyproject.toml with [tool.termcheck], walking up."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        # Most pyproject.toml files have nothing for termcheck: a text search spares parsing them.
        if pyproject.is_file() and "tool.termcheck" in pyproject.read_text(encoding="utf-8", errors="replace"):
            if "termcheck" in _read_toml(pyproject).get("tool", {}):
                return pyproject
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{path}: not valid TOML: {exc}") from None


def _read_yaml(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    """A YAML config's mapping and the line of each top-level key."""
    import yaml

    from termcheck import yamlfile

    try:
        data, node = yamlfile.parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the config file: {exc}") from None
    except yaml.YAMLError as exc:
        line, problem = yamlfile.error_text(exc)
        raise UsageError(f"{path}{f':{line}' if line else ''}: not valid YAML: {problem}") from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise UsageError(f"{path}:1: a config file must be a mapping of settings")
    repeated = yamlfile.repeated_key_problems(path, node)
    if repeated:
        raise UsageError("invalid config:\n" + "\n".join(repeated))
    return data, yamlfile.key_lines(node)


def read_config(path: Path) -> Config:
    """Read and validate one config file; every problem as 'file:line: key: problem' (exit 2)."""
    if path.name == "pyproject.toml":
        data = _read_toml(path).get("tool", {}).get("termcheck", {})
        lines: dict[str, int] = {}
        label = f"{path} [tool.termcheck]"
    else:
        data, lines = _read_yaml(path)
        label = str(path)
    data = {str(k).replace("-", "_"): v for k, v in data.items()}
    lines = {str(k).replace("-", "_"): v for k, v in lines.items()}
    from pydantic import ValidationError

    from termcheck.config_schema import SettingsModel

    try:
        settings = Settings(**SettingsModel(**data).plain())
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = str(err["loc"][0]) if err["loc"] else "(config)"
            where = f"{path}:{lines[key]}" if key in lines else label
            loc = ".".join(str(x) for x in err["loc"])
            msg = "unknown setting" if err["type"] == "extra_forbidden" else err["msg"]
            problems.append(f"{where}: {loc}: {msg}")
        raise UsageError("invalid config:\n" + "\n".join(problems)) from None
    base = path.parent
    for key in _PATH_KEYS:
        value = getattr(settings, key)
        if isinstance(value, list):
            setattr(settings, key, [shown_path(base / v) for v in value])
        elif value:
            setattr(settings, key, shown_path(base / value))
    sources = {key: (f"{path}:{lines[key]}" if key in lines else label) for key in data}
    return Config(settings, sources, path)


def load_config(explicit: Optional[str] = None, isolated: bool = False, cwd: Optional[Path] = None) -> Config:
    """The settings for this run: --config FILE, else $TERMCHECK_CONFIG, else the nearest config file.

    Without a configured ignore file, a .termcheckignore.yaml beside the config file or in the working
    folder is used (not with --isolated).
    """
    if isolated:
        return Config()
    chosen = explicit or os.environ.get(ENV_CONFIG)
    if chosen:
        path = Path(chosen)
        if not path.is_file():
            origin = "--config" if explicit else ENV_CONFIG
            raise UsageError(f"{chosen}: no such config file (from {origin})")
        config = read_config(path)
    else:
        found = find_config((cwd or Path.cwd()).resolve())
        config = read_config(Path(shown_path(found))) if found is not None else Config()
    if not config.settings.ignore_file:
        for folder in ([config.path.parent] if config.path else []) + [cwd or Path.cwd()]:
            if (folder / DEFAULT_IGNORE_FILE).is_file():
                config.settings.ignore_file = shown_path(folder / DEFAULT_IGNORE_FILE)
                config.sources["ignore_file"] = f"found ({DEFAULT_IGNORE_FILE} is looked for)"
                break
    return config


def settings_table(config: Config) -> list[tuple[str, Any, str]]:
    """Every setting, its resolved value and where it came from, in the order of the Settings model."""
    values = asdict(config.settings)
    return [(f.name, values[f.name], config.source(f.name)) for f in fields(Settings)]
