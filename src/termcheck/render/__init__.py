"""Renderers: one per output format, each a function from a Report (and options) to text."""

from __future__ import annotations

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


def _json(report: Report, options: RenderOptions) -> str:
    from termcheck.render.json_report import render_json

    return render_json(report)


def _markdown(report: Report, options: RenderOptions) -> str:
    from termcheck.render.markdown import render_markdown

    return render_markdown(report)


def _html(report: Report, options: RenderOptions) -> str:
    from termcheck.render.html import render_html

    return render_html(report)


def _csv(report: Report, options: RenderOptions) -> str:
    from termcheck.render.tabular import render_csv

    return render_csv(report)


def _jsonl(report: Report, options: RenderOptions) -> str:
    from termcheck.render.tabular import render_jsonl

    return render_jsonl(report)


def _sarif(report: Report, options: RenderOptions) -> str:
    from termcheck.render.sarif import render_sarif

    return render_sarif(report)


def _junit(report: Report, options: RenderOptions) -> str:
    from termcheck.render.junit import render_junit

    return render_junit(report)


def _github(report: Report, options: RenderOptions) -> str:
    from termcheck.render.github import render_github

    return render_github(report)


def _questions(report: Report, options: RenderOptions) -> str:
    from termcheck.render.questions import render_questions

    return render_questions(report)


Renderer = Callable[[Report, RenderOptions], str]
RENDERERS: dict[str, Renderer] = {
    "text": _text, "json": _json, "markdown": _markdown, "html": _html, "csv": _csv, "jsonl": _jsonl, "sarif": _sarif, "junit": _junit, "github": _github,
    "questions": _questions,
}
