"""The decision checklist in the terminal (Rich): symbols that read without colour, quotes highlighted.

Contract text always goes into Rich Text objects, never through markup, so "[insert date]" in a
contract prints as written.
"""

from __future__ import annotations

import sys
from typing import Optional

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from termcheck.render.common import (
    DISCLAIMER,
    NEEDS_ANSWER,
    MAX_FINDINGS,
    SYMBOLS,
    accepted_text,
    check_tally,
    checklist,
    facts,
    failing_checks,
    shown_status,
    silence_stdout,
    summary_line,
    value_text,
    verdict_line,
    where,
)
from termcheck.report import CheckResult, DocumentReport, Finding, Report

STYLES = {"pass": "green", "fail": "bold red", "warn": "yellow", "unknown": "cyan", "not-applicable": "dim", "accepted": "dim"}
VERDICT_STYLES = {"fail": "bold white on red", "warn": "bold black on yellow", "pass": "bold white on green", "error": "bold white on red"}


def _quote(f: Finding) -> Text:
    """The quoted clause with the matched words highlighted."""
    text = Text("“" + f.quote + "”", style="italic")
    a, b = f.highlight
    if b > a:
        text.stylize("bold underline", a + 1, b + 1)
    return text


def _check(c: CheckResult) -> list:
    """A check's line and, when it needs an answer, its evidence, why and what to ask."""
    line = Text("  ")
    shown = shown_status(c)
    line.append(SYMBOLS[shown], style=STYLES[shown])
    line.append("  " + c.title)
    value = value_text(c)
    if value:
        line.append(f"  [{value}]", style="bold")
    line.append(f"  ({c.id})", style="dim")
    out: list = [line]
    if shown == "accepted":
        out.append(Padding(Text(accepted_text(c), style="dim"), (0, 0, 0, 6), expand=False))
        return out
    if c.status not in NEEDS_ANSWER:
        return out
    body: list = []
    for f in c.findings[:MAX_FINDINGS]:
        head = Text()
        head.append(where(f), style="bold")
        head.append(": " + f.message)
        body.append(head)
        body.append(Padding(_quote(f), (0, 0, 0, 2), expand=False))
    if len(c.findings) > MAX_FINDINGS:
        body.append(Text(f"... and {len(c.findings) - MAX_FINDINGS} more", style="dim"))
    for note in c.notes:
        body.append(Text(note[0].upper() + note[1:] + ".", style="dim"))
    why = Text()
    why.append("Why it matters: ", style="bold")
    why.append(c.explanation)
    ask = Text()
    ask.append("Ask in writing: ", style="bold")
    ask.append(c.question)
    body += [why, ask]
    out.append(Padding(Group(*body), (0, 0, 1, 6), expand=False))
    return out


def document_renderable(doc: DocumentReport) -> Group:
    """One document's checklist."""
    head = Text(doc.path, style="bold")
    if facts(doc):
        head.append(f"  ({facts(doc)})", style="dim")
    parts: list = [head]
    for note in doc.notes:
        parts.append(Text("note: " + note, style="yellow"))
    if doc.error is not None:
        parts.append(Text(f"could not be checked: {doc.error.message} [{doc.error.code.value}]", style="bold red"))
        if doc.error.hint:
            parts.append(Text(doc.error.hint))
        return Group(*parts)
    for g, checks in checklist(doc):
        title = Text("\n")
        title.append(SYMBOLS[g.status] + " ", style=STYLES[g.status])
        title.append(g.title, style="bold")
        parts.append(title)
        for c in checks:
            parts.extend(_check(c))
    parts.append(Text(""))
    parts.append(Text(f" {verdict_line(doc)} ", style=VERDICT_STYLES[doc.verdict]))
    return Group(*parts)


def summary_tables(report: Report) -> list:
    """For several documents: how many fail, warn and pass each check, and each document's verdict."""
    from rich.table import Table

    by_check = Table(title="Checks across the documents", title_justify="left", show_lines=False)
    tally = check_tally(report)
    columns = ["fail", "warn", "unknown", "pass"] + (["accepted"] if any(n["accepted"] for _, n in tally.values()) else [])
    by_check.add_column("check")
    for col in columns:
        by_check.add_column(col, justify="right")
    for cid, (_, counts) in tally.items():
        by_check.add_row(cid, *(str(counts[s]) for s in columns))
    by_doc = Table(title="Documents", title_justify="left")
    by_doc.add_column("document", overflow="fold")
    by_doc.add_column("verdict")
    by_doc.add_column("failing checks")
    for d in report.documents:
        failing = ", ".join(failing_checks(d))
        verdict = "error: " + d.error.code.value if d.error is not None else d.verdict
        by_doc.add_row(Text(d.path), Text(verdict, style=STYLES.get(d.verdict, "bold red")), Text(failing))
    return [by_check, by_doc]


class _Console(Console):
    """Rich's Console, except that a reader who leaves (`termcheck ... | head`) does not end the run:
    Rich would exit 1 ("a check failed"); the other reports are still written and the exit code is
    still the verdict."""

    def on_broken_pipe(self) -> None:
        """Go quiet, with stdout pointed at /dev/null as Rich does, and carry on."""
        if self.file is not sys.stdout:
            super().on_broken_pipe()  # Rich's own: exit
        self.quiet = True
        silence_stdout()


def make_console(color: str = "auto", width: Optional[int] = None, record: bool = False, file=None) -> Console:  # noqa: ANN001
    """A Console that honours --color and NO_COLOR (Rich reads NO_COLOR itself)."""
    force = {"always": True, "never": False}.get(color)
    return _Console(
        force_terminal=force if color == "always" else None,
        no_color=True if color == "never" else None,
        width=width,
        record=record,
        file=file,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )


def print_report(report: Report, console: Console) -> None:
    """Print every document's checklist, the summary and the reminder."""
    for i, doc in enumerate(report.documents):
        if i:
            console.rule(style="dim")
        console.print(document_renderable(doc))
    if len(report.documents) > 1:
        console.print()
        for table in summary_tables(report):
            console.print(table)
        console.print(Text(summary_line(report.summary()), style="bold"))
    console.print()
    console.print(Panel(Text(DISCLAIMER), border_style="dim", expand=False))


def render_console(report: Report, color: str = "never", width: Optional[int] = None) -> str:
    """The checklist as a string (for -o FILE, or tests); ANSI colour only with color='always'."""
    import io

    buf = io.StringIO()
    console = make_console(color=color, width=width or 100, file=buf)
    print_report(report, console)
    # Padding fills lines to the width; a file or an e-mail should not carry the trailing blanks.
    return "\n".join(line.rstrip() for line in buf.getvalue().splitlines()) + "\n"
