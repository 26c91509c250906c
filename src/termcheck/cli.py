"""The command line: parse, delegate, choose a renderer, map errors to exit codes (kept thin)."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager, nullcontext
from typing import TYPE_CHECKING, Iterator, List, Optional

import typer
from typer.core import TyperGroup

from termcheck import __version__
from termcheck.errors import ExitCode, InputError, UsageError
from termcheck.limits import Limits

if TYPE_CHECKING:
    from termcheck.config import Config
    from termcheck.extract.guard import Reader
    from termcheck.report import Report


class _DefaultToCheck(TyperGroup):
    """`termcheck FILE...` means `termcheck check FILE...`: a first word that is not a command is a path."""

    def parse_args(self, ctx: typer.Context, args: List[str]) -> List[str]:  # type: ignore[override]
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help", "--version", "-V"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


app = typer.Typer(
    cls=_DefaultToCheck,
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Check performer, voice and likeness contracts for terms to fight before signing.\n\n"
    "termcheck FILE... checks contracts (PDF, DOCX, TXT, MD; '-' reads stdin).",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"termcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """termcheck: a contract and consent-term checker for performers."""


def limits_from(max_size_mb: float, max_pages: int, timeout: float, max_memory_mb: int) -> Limits:
    """Limits from the command-line values."""
    return Limits(
        max_bytes=int(max_size_mb * 1024 * 1024),
        max_pages=max_pages,
        seconds=timeout,
        memory_bytes=max_memory_mb * 1024 * 1024,
    )


_MAX_SIZE = typer.Option(100.0, "--max-size", help="Largest input file, in MB.", rich_help_panel="Files and limits")
_MAX_PAGES = typer.Option(2000, "--max-pages", help="Most pages read from one PDF.", rich_help_panel="Files and limits")
_TIMEOUT = typer.Option(60.0, "--timeout", help="Seconds allowed to read one file (in a folder run: to read and check it).", rich_help_panel="Files and limits")
_MAX_MEMORY = typer.Option(1536, "--max-memory", help="Memory allowed to the PDF reader, in MB.", rich_help_panel="Files and limits")
_PASSWORD = typer.Option(None, "--password", help="Password of an encrypted PDF.", rich_help_panel="Files and limits")
_LAYOUT = typer.Option(False, "--layout", help="Layout-aware PDF reading with pdfplumber (columns, tables); slower.", rich_help_panel="Files and limits")


def write_output(text: str, output: Optional[str]) -> None:
    """Write to the file named by -o, or to stdout."""
    if output and output != "-":
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        with reader_may_leave():
            sys.stdout.write(text)
            sys.stdout.flush()


@contextmanager
def reader_may_leave() -> Iterator[None]:
    """Writing to stdout: when its reader has gone (`termcheck ... | head`), the run goes on
    without it, so the other reports are still written and the exit code is still the verdict."""
    try:
        yield
    except BrokenPipeError:
        from termcheck.render.common import silence_stdout

        silence_stdout()


def report_input_error(path: str, exc: InputError) -> None:
    """One line on stderr naming the file, the problem and what to do."""
    sys.stderr.write(f"termcheck: error: {exc.one_line(path)}\n")


FAIL_ON = {"fail": {"fail"}, "warn": {"fail", "warn", "unknown"}, "never": set()}


def exit_code_for(report: "Report", fail_on: str) -> int:
    """0, 1 (a check at or above --fail-on) or 3 (an input could not be read)."""
    if any(d.error is not None for d in report.documents):
        return ExitCode.INPUT
    bad = FAIL_ON[fail_on]
    if any(c.open_status in bad for d in report.documents for c in d.checks):
        return ExitCode.FINDINGS
    return ExitCode.OK


# Check options a config file can set too: the flag (when given) wins over the file.
_FLAG_SETTINGS = {
    "fmt": "format", "output": "output", "fail_on": "fail_on", "jobs": "jobs", "include": "include", "exclude": "exclude",
    "select": "select", "ignore": "ignore", "jurisdiction": "jurisdiction", "baseline": "baseline",
    "ignore_file": "ignore_file", "rules": "rules", "threshold": "thresholds",
}


def resolved_config(ctx: typer.Context, config_file: Optional[str], isolated: bool) -> "Config":
    """The config file's settings with every flag given on the command line put over them."""
    from termcheck.config import load_config

    config = load_config(config_file, isolated)
    for param, key in _FLAG_SETTINGS.items():
        source = ctx.get_parameter_source(param)
        if source is None or source.name not in ("COMMANDLINE", "ENVIRONMENT"):
            continue
        value = ctx.params[param]
        if key == "rules":  # packs add up: the config's, then the command line's
            value = config.settings.rules + list(value)
        elif key == "thresholds":  # per check: the flag's limits replace the config's
            value = {**config.settings.thresholds, **parse_thresholds(value)}
        config.override(key, list(value) if isinstance(value, (list, tuple)) else value)
    return config


def parse_thresholds(values: List[str]) -> dict:
    """'license-term=2:5' -> {'license-term': {'pass_max': 2.0, 'warn_max': 5.0}} (warn_max optional).

    The limits are checked by the config file's own Threshold schema, so flag and file agree.
    """
    from pydantic import ValidationError

    from termcheck.config_schema import Threshold

    out = {}
    for value in values:
        check_id, _, limits = value.partition("=")
        parts = limits.split(":")
        try:
            if not check_id or not parts[0] or len(parts) > 2:
                raise ValueError
            limit = Threshold(pass_max=float(parts[0]), warn_max=float(parts[1]) if len(parts) == 2 and parts[1] else None)
        except (ValueError, ValidationError):
            raise UsageError(f"--threshold must be ID=PASS_MAX[:WARN_MAX], numbers of 0 or more with WARN_MAX not below PASS_MAX, not {value!r}") from None
        out[check_id] = limit.model_dump()
    return out


def problem_lines_of(report: "Report") -> List[str]:
    """Warnings about the acceptance files: expired entries, entries that accepted nothing."""
    if not report.acceptance:
        return []
    from termcheck.accept import problem_lines

    return problem_lines(report.acceptance)


def _early_reader(ctx: typer.Context) -> Optional["Reader"]:
    """The PDF reader forked at start-up (termcheck.launch), if there is one still unused."""
    reader = ctx.obj
    return reader if reader is not None and not reader.used else None


@app.command()
def check(
    ctx: typer.Context,
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Contracts or folders to check (PDF, DOCX, TXT, MD); '-' reads stdin."),
    fmt: str = typer.Option("text", "--format", "-f", help="text, json, markdown, html, csv, jsonl, sarif, junit or github.", rich_help_panel="Output"),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write the report to this file instead of stdout.", rich_help_panel="Output"),
    questions: bool = typer.Option(False, "--questions", help="Print the written questions to send instead of the checklist.", rich_help_panel="Output"),
    fail_on: str = typer.Option("fail", "--fail-on", help="Exit 1 when a check is at or above: fail, warn or never.", rich_help_panel="Checks and settings"),
    rules: List[str] = typer.Option([], "--rules", help="An extra rule pack (YAML file or folder); repeatable.", rich_help_panel="Checks and settings"),
    select: List[str] = typer.Option([], "--select", help="Report only these checks (id, glob such as 'acme.*', or group:ID); repeatable.", rich_help_panel="Checks and settings"),
    ignore: List[str] = typer.Option([], "--ignore", help="Do not report these checks (id, glob or group:ID); repeatable.", rich_help_panel="Checks and settings"),
    threshold: List[str] = typer.Option([], "--threshold", help="New limits for a threshold check: ID=PASS_MAX[:WARN_MAX], e.g. license-term=2:5; repeatable.", rich_help_panel="Checks and settings"),
    jurisdiction: Optional[str] = typer.Option(None, "--jurisdiction", help="Your jurisdiction (e.g. France): a contract under another law is flagged.", rich_help_panel="Checks and settings"),
    config_file: Optional[str] = typer.Option(None, "--config", "-c", help="Read settings from this file (default: the nearest termcheck.yaml or pyproject.toml).", rich_help_panel="Checks and settings"),
    isolated: bool = typer.Option(False, "--isolated", help="Read no config file: built-in defaults and flags only.", rich_help_panel="Checks and settings"),
    baseline: Optional[str] = typer.Option(None, "--baseline", help="Accept the findings recorded in this baseline file.", rich_help_panel="Accepting known findings"),
    write_baseline: Optional[str] = typer.Option(None, "--write-baseline", help="Record every finding of this run in a baseline file (exit 0 unless a file is unreadable).", rich_help_panel="Accepting known findings"),
    ignore_file: Optional[str] = typer.Option(None, "--ignore-file", help="Reviewed acceptances with reasons (default: .termcheckignore.yaml).", rich_help_panel="Accepting known findings"),
    no_accept: bool = typer.Option(False, "--no-accept", help="Apply no baseline and no ignore file: report everything.", rich_help_panel="Accepting known findings"),
    color: str = typer.Option("auto", "--color", help="auto, always or never (NO_COLOR is honoured).", rich_help_panel="Output"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Text format: only the verdict of each document.", rich_help_panel="Output"),
    include: List[str] = typer.Option([], "--include", help="In folders, check only files matching this pattern (.gitignore syntax); repeatable.", rich_help_panel="Files and limits"),
    exclude: List[str] = typer.Option([], "--exclude", help="In folders, skip files matching this pattern (.gitignore syntax); repeatable.", rich_help_panel="Files and limits"),
    json_output: Optional[str] = typer.Option(None, "--json-output", help="Also write the JSON report to this file.", rich_help_panel="Output"),
    sarif_output: Optional[str] = typer.Option(None, "--sarif-output", help="Also write a SARIF report to this file.", rich_help_panel="Output"),
    junit_output: Optional[str] = typer.Option(None, "--junit-output", help="Also write a JUnit XML report to this file.", rich_help_panel="Output"),
    csv_output: Optional[str] = typer.Option(None, "--csv-output", help="Also write a CSV report to this file.", rich_help_panel="Output"),
    markdown_output: Optional[str] = typer.Option(None, "--markdown-output", help="Also write a Markdown report to this file.", rich_help_panel="Output"),
    html_output: Optional[str] = typer.Option(None, "--html-output", help="Also write an HTML report to this file.", rich_help_panel="Output"),
    password: Optional[str] = _PASSWORD,
    layout: bool = _LAYOUT,
    max_size: float = _MAX_SIZE,
    max_pages: int = _MAX_PAGES,
    timeout: float = _TIMEOUT,
    max_memory: int = _MAX_MEMORY,
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes for many files (0 = one per core).", rich_help_panel="Files and limits"),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="A progress bar on stderr when it is a terminal and there are several files.", rich_help_panel="Output"),
) -> None:
    """Check contracts and print the decision checklist (the default command)."""
    from termcheck.engine import check as run_check
    from termcheck.extract import extract_path
    from termcheck.progress import progress_bar
    from termcheck.render import FORMATS, RENDERERS, RenderOptions
    from termcheck.plan import RunPlan
    from termcheck.report import DocumentReport, Report

    config = resolved_config(ctx, config_file, isolated)
    settings = config.settings
    fmt, output, fail_on, jobs = settings.format, settings.output, settings.fail_on, settings.jobs
    include, exclude = settings.include, settings.exclude
    if fmt not in FORMATS:
        raise UsageError(f"--format must be {', '.join(FORMATS[:-1])} or {FORMATS[-1]}, not {fmt!r}")
    if fail_on not in FAIL_ON:
        raise UsageError(f"--fail-on must be fail, warn or never, not {fail_on!r}")
    if color not in ("auto", "always", "never"):
        raise UsageError(f"--color must be auto, always or never, not {color!r}")
    if jobs < 0:
        raise UsageError(f"--jobs must be 0 (one per core) or more, not {jobs}")
    plan = RunPlan(config, no_accept, writing_baseline=bool(write_baseline))
    # The built-in rules load while the first PDF is read in its child process; user packs, a
    # selection and acceptance files are checked first, so that a mistake stops the run before any
    # file is read.
    if plan.needs_rules_first:
        plan.load()
    load = plan.load

    limits = limits_from(max_size, max_pages, timeout, max_memory)
    files = paths
    if any(p != "-" and os.path.isdir(p) for p in paths):
        from termcheck.discover import expand

        files = expand(paths, include, exclude)
        if not files:
            raise UsageError("no PDF, DOCX, TXT or MD files found in " + ", ".join(paths))
    workers = 0  # stdin or a single file: checked here, its PDF read in a guarded child
    if len(files) > 1 and "-" not in files:
        from termcheck.batch import default_jobs

        workers = min(jobs or default_jobs(), len(files))

    def reports() -> Iterator[DocumentReport]:
        """Each file's report in the order given: from worker processes, or one by one here."""
        if workers:
            from termcheck.batch import Job, check_files

            load()
            reader = _early_reader(ctx)
            if reader is not None:
                reader.discard()  # the workers read their own PDFs
            for report in check_files(files, Job(plan.ruleset, limits, password, layout), workers):
                yield plan.finish(report)
            return
        for path in files:
            try:
                document = extract_path(path, limits, password=password, layout=layout, meanwhile=load, reader=_early_reader(ctx))
                load()
                yield plan.finish(run_check(document, plan.ruleset))
            except InputError as exc:
                yield DocumentReport(path=path, error=exc)

    # JSON Lines are written as each document finishes, so a long run can be followed and cut short.
    stream = open(output, "w", encoding="utf-8") if fmt == "jsonl" and output and output != "-" else sys.stdout
    docs = []
    try:
        with progress_bar(len(files), enabled=progress and len(files) > 1) as advance:
            for doc in reports():
                if doc.error is not None:
                    report_input_error(doc.path, doc.error)
                docs.append(doc)
                advance()
                if fmt == "jsonl" and not questions:
                    from termcheck.render.tabular import jsonl_line

                    with reader_may_leave() if stream is sys.stdout else nullcontext():
                        stream.write(jsonl_line(doc))
                        stream.flush()
    finally:
        if stream is not sys.stdout:
            stream.close()
    report = Report(docs, tool_version=__version__, acceptance=plan.acceptance_report())
    for line in problem_lines_of(report):
        sys.stderr.write(f"termcheck: warning: {line}\n")
    kind = "questions" if questions else fmt
    if kind == "jsonl":
        pass  # already written, document by document
    elif kind == "text" and quiet:
        from termcheck.render.common import summary_line, verdict_line

        lines = [f"{d.path}: {verdict_line(d) if d.error is None else 'could not be read'}" for d in docs]
        write_output("\n".join(lines + ([summary_line(report.summary())] if len(docs) > 1 else [])) + "\n", output)
    elif kind == "text" and not output:
        from termcheck.render.console import make_console, print_report

        with reader_may_leave():
            print_report(report, make_console(color=color))
            sys.stdout.flush()
    else:
        write_output(RENDERERS[kind](report, RenderOptions(color="never" if output else color)), output)
    extra = {"json": json_output, "sarif": sarif_output, "junit": junit_output, "csv": csv_output, "markdown": markdown_output, "html": html_output}
    for extra_fmt, extra_path in extra.items():
        if extra_path:
            write_output(RENDERERS[extra_fmt](report, RenderOptions(color="never")), extra_path)
    if kind == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        from termcheck.render.markdown import render_markdown

        # The job summary is the file GitHub names in the environment for exactly this.
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as fh:
            fh.write(render_markdown(report))
    if write_baseline:
        from termcheck.accept import write_baseline as write_baseline_file

        count = write_baseline_file(write_baseline, docs, __version__)
        sys.stderr.write(f"termcheck: wrote {write_baseline}: {count} finding{'s' if count != 1 else ''} accepted from now on\n")
        # Writing a baseline accepts what was found: only an unreadable file still fails the run.
        raise typer.Exit(ExitCode.INPUT if any(d.error is not None for d in docs) else ExitCode.OK)
    raise typer.Exit(exit_code_for(report, fail_on))


@app.command()
def extract(
    ctx: typer.Context,
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Files to read; '-' reads stdin."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
    output: Optional[str] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    password: Optional[str] = _PASSWORD,
    layout: bool = _LAYOUT,
    max_size: float = _MAX_SIZE,
    max_pages: int = _MAX_PAGES,
    timeout: float = _TIMEOUT,
    max_memory: int = _MAX_MEMORY,
) -> None:
    """Print the normalised text that findings refer to, clause by clause, with locations and zones."""
    from termcheck.extract import extract_path
    from termcheck.render.extract_view import extract_json, extract_text

    if fmt not in ("text", "json"):
        raise UsageError(f"--format must be text or json, not {fmt!r}")
    limits = limits_from(max_size, max_pages, timeout, max_memory)
    docs = []
    failed = False
    def prepare() -> None:
        import termcheck.render.extract_view  # noqa: F401 - imported while the first PDF is read

    for path in paths:
        try:
            docs.append(extract_path(path, limits, password=password, layout=layout, meanwhile=prepare, reader=_early_reader(ctx)))
        except InputError as exc:
            report_input_error(path, exc)
            failed = True
    if fmt == "json":
        out = extract_json(docs)
    else:
        import shutil

        width = shutil.get_terminal_size((100, 24)).columns
        out = "\n".join(extract_text(d, width) for d in docs)
    write_output(out, output)
    raise typer.Exit(ExitCode.INPUT if failed else ExitCode.OK)


config_app = typer.Typer(help="Show the settings a run would use.", no_args_is_help=True)
app.add_typer(config_app, name="config")


@config_app.command("show")
def config_show(
    config_file: Optional[str] = typer.Option(None, "--config", "-c", help="Read settings from this file instead of the nearest one."),
    isolated: bool = typer.Option(False, "--isolated", help="Read no config file."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Print every setting, its value and where it came from (a file and line, or the default)."""
    import json

    from termcheck.config import load_config, settings_table

    if fmt not in ("text", "json"):
        raise UsageError(f"--format must be text or json, not {fmt!r}")
    config = load_config(config_file, isolated)
    rows = settings_table(config)
    if fmt == "json":
        data = {"config_file": str(config.path) if config.path else None, "settings": {k: {"value": v, "source": src} for k, v, src in rows}}
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    head = f"config file: {config.path}" if config.path else "config file: none (" + ("--isolated" if isolated else "no termcheck.yaml, .termcheck.yaml or [tool.termcheck] found from here up") + ")"
    width = max(len(k) for k, _, _ in rows)
    lines = [head, ""]
    for key, value, source in rows:
        lines.append(f"{key:<{width}}  {json.dumps(value, ensure_ascii=False):<40}  # {source}")
    lines += ["", "Flags given to 'termcheck check' replace these values ('--rules' packs are added)."]
    typer.echo("\n".join(lines))


@config_app.command("init")
def config_init(
    pyproject: bool = typer.Option(False, "--pyproject", help="Add a [tool.termcheck] table to ./pyproject.toml instead."),
    force: bool = typer.Option(False, "--force", help="Replace an existing termcheck.yaml."),
) -> None:
    """Write a termcheck.yaml here (or a [tool.termcheck] table) with every setting commented."""
    from pathlib import Path

    from termcheck.config_template import PYPROJECT_TEMPLATE, YAML_TEMPLATE

    if pyproject:
        target = Path("pyproject.toml")
        text = target.read_text(encoding="utf-8") if target.exists() else ""
        if "[tool.termcheck]" in text:
            raise UsageError("pyproject.toml already has a [tool.termcheck] table")
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(PYPROJECT_TEMPLATE)
        typer.echo(f"added [tool.termcheck] to {target}")
        return
    target = Path("termcheck.yaml")
    if target.exists() and not force:
        raise UsageError("termcheck.yaml already exists (--force replaces it)")
    target.write_text(YAML_TEMPLATE, encoding="utf-8")
    typer.echo(f"wrote {target}")


rules_app = typer.Typer(help="List, explain, test and validate rule packs.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")


@rules_app.command("list")
def rules_list(
    rules: List[str] = typer.Option([], "--rules", help="An extra rule pack (YAML file or folder); repeatable."),
) -> None:
    """List every check: id, kind, group and title."""
    from termcheck.rules.loader import load_rules

    ruleset = load_rules(rules)
    width = max(len(r.id) for r in ruleset.rules)
    for r in ruleset.rules:
        typer.echo(f"{r.id:<{width}}  {r.kind:<10}  {r.group:<15}  {r.title}")


@rules_app.command("explain")
def rules_explain(
    rule_id: str = typer.Argument(..., metavar="ID", help="A check id, e.g. perpetual-license."),
    rules: List[str] = typer.Option([], "--rules", help="An extra rule pack (YAML file or folder); repeatable."),
) -> None:
    """Explain one check: why it matters, what to ask, references and examples."""
    from termcheck.rules.loader import load_rules

    rule = load_rules(rules).get(rule_id)
    if rule is None:
        raise UsageError(f"no check with id {rule_id!r}; see 'termcheck rules list'")
    lines = [f"{rule.id}: {rule.title}", f"kind: {rule.kind}   group: {rule.group}   severity: {rule.severity}", ""]
    lines += ["Why it matters:", "  " + rule.explanation, "", "What to ask in writing:", "  " + rule.question]
    if rule.references:
        lines += ["", "References:"] + [f"  - {ref}" for ref in rule.references]
    for kind, title in (("match", "Flags, for example:"), ("no_match", "Does not flag, for example:")):
        examples = rule.examples.get(kind, [])[:3]
        if examples:
            lines += ["", title] + [f"  - {e if isinstance(e, str) else e['text']}" for e in examples]
    lines += ["", f"defined in {rule.source}:{rule.line}"]
    typer.echo("\n".join(lines))


@rules_app.command("test")
def rules_test(
    packs: List[str] = typer.Argument(None, metavar="[PACK...]", help="Packs to test (default: the built-in packs)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show every example, not only failures."),
) -> None:
    """Run every rule's examples through the real segmenter and engine; exit 1 on any miss."""
    from termcheck.rules.loader import builtin_pack_paths, load_rules, pack_paths
    from termcheck.rules.testing import run_all_examples

    ruleset = load_rules(packs or [])
    only = {str(p) for path in packs for p in pack_paths(path)} if packs else {str(p) for p in builtin_pack_paths()}
    results = run_all_examples(ruleset, only)
    failed = [r for r in results if not r.ok]
    for r in results if verbose else failed:
        mark = "ok  " if r.ok else "FAIL"
        why = f" ({r.why})" if r.why else ""
        typer.echo(f"{mark} {r.rule} [{r.expected}] status={r.status} value={r.value}{why}: {r.text}")
    typer.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    raise typer.Exit(ExitCode.FINDINGS if failed else ExitCode.OK)


@rules_app.command("validate")
def rules_validate(
    packs: List[str] = typer.Argument(None, metavar="[PACK...]", help="Packs to validate (default: the built-in packs)."),
) -> None:
    """Check rule packs against the schema; every problem as file:line: rule-id: field: problem (exit 2)."""
    from termcheck.rules.loader import load_rules

    ruleset = load_rules(packs or [], validate_builtin=not packs)
    typer.echo(f"{len(ruleset.rules)} rules valid")


def main(argv: Optional[List[str]] = None, reader: Optional["Reader"] = None) -> None:
    """Entry point: run the app; a usage error exits 2, a bug prints one line and exits 4.

    reader is a PDF reader child forked before this module was imported (termcheck.launch).
    """
    try:
        # Without standalone mode click returns the code of a typer.Exit instead of raising it.
        result = app(args=argv, prog_name="termcheck", standalone_mode=False, obj=reader)
        code = result if isinstance(result, int) else 0
    except typer.Exit as exc:
        code = exc.exit_code
    except UsageError as exc:
        sys.stderr.write(f"termcheck: error: {exc}\n")
        code = ExitCode.USAGE
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        code = _usage_or_internal(exc)
    except KeyboardInterrupt:
        sys.stderr.write("termcheck: interrupted\n")
        code = 130
    if reader is not None:
        reader.discard()
    sys.stdout.flush()
    sys.stderr.flush()
    # Interpreter teardown costs ~35 ms and changes nothing for a CLI (extraction.md §4).
    os._exit(int(code))


def _usage_or_internal(exc: Exception) -> int:
    """Map click's usage errors to exit 2; anything else is a bug: one line, no contract text."""
    from typer._click import exceptions as click_exc  # typer 0.28 vendors click

    if isinstance(exc, click_exc.ClickException):
        exc.show()
        return ExitCode.USAGE
    if os.environ.get("TERMCHECK_DEBUG"):
        import traceback

        traceback.print_exc()
    # The type name only: a message or traceback could quote the contract.
    sys.stderr.write(f"termcheck: internal error ({type(exc).__name__}); please report it (set TERMCHECK_DEBUG=1 for details)\n")
    return ExitCode.INTERNAL
