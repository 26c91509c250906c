"""Renderers: one per output format, each a function from a Report (and options) to text."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable, Optional

from termcheck.report import Report


@dataclass(frozen=True)
class RenderOptions:
    """What a renderer may need to know besides the report."""

    color: str = "auto"  # auto | always | never (text only)
    width: Optional[int] = None


def _text(report: Report, options: RenderOptions) -> str:
    from termcheck.render.console import render_console

    return render_console(report, color=options.color if options.color == "always" else "never", width=options.width)


def _lazy(module: str, function: str) -> Callable[[Report, RenderOptions], str]:
    """A renderer that imports its module on first use (start-up loads only the format asked for)."""

    def render(report: Report, options: RenderOptions) -> str:
        return getattr(importlib.import_module(module), function)(report)

    return render


Renderer = Callable[[Report, RenderOptions], str]
RENDERERS: dict[str, Renderer] = {
    "text": _text,
    "json": _lazy("termcheck.render.json_report", "render_json"),
    "markdown": _lazy("termcheck.render.markdown", "render_markdown"),
    "html": _lazy("termcheck.render.html", "render_html"),
    "csv": _lazy("termcheck.render.tabular", "render_csv"),
    "jsonl": _lazy("termcheck.render.tabular", "render_jsonl"),
    "sarif": _lazy("termcheck.render.sarif", "render_sarif"),
    "junit": _lazy("termcheck.render.junit", "render_junit"),
    "github": _lazy("termcheck.render.github", "render_github"),
    "questions": _lazy("termcheck.render.questions", "render_questions"),
}
# What --format accepts: every renderer but the questions, which have their own flag.
FORMATS = tuple(name for name in RENDERERS if name != "questions")
