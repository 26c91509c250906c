"""Many files over worker processes (-j): same reports, same order, a lost worker costs one file."""

from __future__ import annotations

import json
import shutil
import time

import pytest

from conftest import CORPUS, EXAMPLES, needs_corpus, run_cli
from termcheck import batch
from termcheck.api import load_ruleset
from termcheck.errors import ErrorCode, InputError
from termcheck.limits import Limits
from termcheck.progress import progress_bar
from termcheck.render.json_report import render_json
from termcheck.report import Report


def mixed_folder(tmp_path):
    """Every example in every format, plus a damaged PDF and an empty text file, in a folder."""
    root = tmp_path / "batch"
    root.mkdir()
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix in (".pdf", ".docx", ".txt", ".md"):
            shutil.copy(path, root / path.name)
    (root / "damaged.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<\ntruncated")
    (root / "empty.txt").write_bytes(b"")
    return root


def as_json(report_docs):
    """The documents of a report as the JSON contract has them (what a user would compare)."""
    return json.loads(render_json(Report(list(report_docs), tool_version="test")))["documents"]


def test_pool_gives_the_same_reports_in_the_same_order_as_one_by_one(tmp_path):
    root = mixed_folder(tmp_path)
    paths = sorted(str(p) for p in root.iterdir())
    job = batch.Job(load_ruleset(), Limits())
    one_by_one = [batch.check_file(p, job) for p in paths]
    pooled = list(batch.check_files(paths, job, jobs=2))
    assert [d.path for d in pooled] == paths
    assert as_json(pooled) == as_json(one_by_one)
    errors = {d.path.rsplit("/", 1)[1]: d.error.code for d in pooled if d.error is not None}
    assert errors == {"damaged.pdf": ErrorCode.CORRUPT, "empty.txt": ErrorCode.NO_TEXT}


def hang_on_the_second(path, job):
    """Stand-in for a worker that never answers for one file."""
    if path.endswith("2.txt"):
        time.sleep(60)
    return batch.DocumentReport(path=path, error=InputError(ErrorCode.CORRUPT, "stand-in"))


def test_a_worker_that_stops_answering_costs_only_its_file(tmp_path, monkeypatch):
    paths = [str(tmp_path / f"{i}.txt") for i in range(1, 4)]
    # The pool forks after the patch, so its workers run the stand-in.
    monkeypatch.setattr(batch, "_work", hang_on_the_second)
    monkeypatch.setattr(batch, "WORKER_GRACE_SECONDS", 1.0)
    job = batch.Job(load_ruleset(), Limits(seconds=0.5))  # (loading the rules is not what the bound measures)
    started = time.monotonic()
    reports = list(batch.check_files(paths, job, jobs=2))
    assert time.monotonic() - started < 20
    assert [d.path for d in reports] == paths
    assert [d.error.code for d in reports] == [ErrorCode.CORRUPT, ErrorCode.TIMEOUT, ErrorCode.CORRUPT]


def test_input_errors_survive_the_trip_back_from_a_worker():
    import pickle

    error = pickle.loads(pickle.dumps(InputError(ErrorCode.ENCRYPTED, "locked", "pass --password")))
    assert (error.code, error.message, error.hint) == (ErrorCode.ENCRYPTED, "locked", "pass --password")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_jobs_keeps_order_errors_and_exit_code(tmp_path, jobs):
    root = mixed_folder(tmp_path)
    proc = run_cli(str(root), "-j", jobs, "-f", "json")
    documents = json.loads(proc.stdout)["documents"]
    assert [d["path"] for d in documents] == sorted(d["path"] for d in documents)
    assert proc.returncode == 3
    stderr = proc.stderr.decode()
    assert "damaged.pdf: the PDF is damaged" in stderr and "empty.txt" in stderr
    assert sum(d["error"] is None for d in documents) == len(documents) - 2


@pytest.mark.parametrize(("jobs", "expected"), [("1", 1), ("2", 2), ("9", 3)])
def test_many_files_go_to_bounded_workers_even_with_one_job(tmp_path, monkeypatch, jobs, expected):
    from typer.testing import CliRunner

    from termcheck.cli import app

    for i in range(3):
        shutil.copy(EXAMPLES / "model-release.txt", tmp_path / f"{i}.txt")
    asked = []
    real = batch.check_files

    def recording(paths, job, workers):
        asked.append(workers)
        return real(paths, job, workers)

    monkeypatch.setattr(batch, "check_files", recording)
    result = CliRunner().invoke(app, ["check", str(tmp_path), "-j", jobs, "-q", "--isolated"])
    assert result.exit_code == 1, result.output
    # -j 1 is one bounded worker (no fork per PDF); never more workers than files.
    assert asked == [expected]
    assert result.output.count("model-release") == 0 and result.output.count(".txt: ") == 3


@pytest.mark.parametrize("per_worker, compiled", [(25, 0), (1, 1)])
def test_every_regex_is_compiled_before_the_workers_only_when_workers_will_be_replaced(tmp_path, monkeypatch, per_worker, compiled):
    """Three files on one worker compile what they need (2 s less than every regex); once workers are replaced every
    few files, the regexes are compiled once, before the forks, for every worker to inherit."""
    from termcheck.rules.model import RuleSet

    paths = []
    for i in range(3):
        shutil.copy(EXAMPLES / "model-release.txt", tmp_path / f"{i}.txt")
        paths.append(str(tmp_path / f"{i}.txt"))
    calls = []
    monkeypatch.setattr(RuleSet, "compile_all", lambda self: calls.append(1))
    monkeypatch.setattr(batch, "TASKS_PER_WORKER", per_worker)
    reports = list(batch.check_files(paths, batch.Job(load_ruleset(), Limits()), 1))
    assert [r.path for r in reports] == paths and all(r.error is None for r in reports)
    assert len(calls) == compiled


def test_one_file_is_checked_without_workers(monkeypatch):
    from typer.testing import CliRunner

    from termcheck.cli import app

    monkeypatch.setattr(batch, "check_files", lambda *a: pytest.fail("a single file needs no worker"))
    result = CliRunner().invoke(app, ["check", str(EXAMPLES / "model-release.txt"), "-q", "--isolated"])
    assert result.exit_code == 1 and "model-release.txt: " in result.output


def test_cli_rejects_negative_jobs():
    proc = run_cli(str(EXAMPLES / "model-release.txt"), "-j", "-1")
    assert proc.returncode == 2 and b"--jobs" in proc.stderr


def test_progress_bar_draws_nothing_off_a_terminal(capsys):
    with progress_bar(3) as advance:
        for _ in range(3):
            advance()
    assert capsys.readouterr().err == ""


@needs_corpus()
@pytest.mark.skipif(shutil.which("pgrep") is None, reason="needs pgrep to look for left-over workers")
def test_ctrl_c_stops_the_workers_and_exits_130(tmp_path):
    import os
    import signal
    import subprocess
    import sys

    folder = tmp_path / "many"
    folder.mkdir()
    for i, src in enumerate(sorted((CORPUS / "cuad" / "contracts").glob("*.txt")) * 3):
        shutil.copy(src, folder / f"{i:04d}.txt")
    out = tmp_path / "partial.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "termcheck", str(folder), "-j", "2", "-f", "jsonl", "-o", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while (not out.exists() or out.stat().st_size == 0) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole foreground group
    proc.wait(timeout=30)
    assert proc.returncode == 130
    time.sleep(0.5)
    left = subprocess.run(["pgrep", "-f", str(folder)], capture_output=True, text=True).stdout.split()
    assert left == []
    lines = out.read_text().splitlines()
    assert 0 < len(lines) < 3 * 118 and all(json.loads(line)["path"].startswith(str(folder)) for line in lines)


def crash_or_spin(path, job):
    """Stand-in for files that abort their worker (as pdfium does on a failed allocation) or spin."""
    import os

    if path.endswith("abort.txt"):
        os.abort()
    if path.endswith("spin.txt"):
        while True:
            pass
    return batch.DocumentReport(path=path, error=InputError(ErrorCode.CORRUPT, f"stand-in {os.getpid()}"))


def test_a_worker_that_aborts_or_spins_costs_only_its_file(tmp_path, monkeypatch):
    names = ["1.txt", "abort.txt", "2.txt", "spin.txt", "3.txt", "4.txt", "5.txt"]
    paths = [str(tmp_path / n) for n in names]
    monkeypatch.setattr(batch, "_work", crash_or_spin)
    monkeypatch.setattr(batch, "TASKS_PER_WORKER", 2)  # and workers are replaced every two files
    job = batch.Job(load_ruleset(), Limits(seconds=1))  # (loading the rules is not what the bound measures)
    started = time.monotonic()
    reports = list(batch.check_files(paths, job, jobs=2))
    assert time.monotonic() - started < 30
    assert [d.path for d in reports] == paths
    codes = {n: d.error.code for n, d in zip(names, reports)}
    assert codes["abort.txt"] is ErrorCode.TOO_LARGE
    # The spinning file is stopped by its CPU budget (SIGXCPU) or, failing that, by the wall clock.
    assert codes["spin.txt"] is ErrorCode.TIMEOUT
    assert all(codes[n] is ErrorCode.CORRUPT for n in names if n not in ("abort.txt", "spin.txt"))
    pids = {d.error.message.split()[-1] for d in reports if d.error.message.startswith("stand-in")}
    assert len(pids) >= 3  # recycled workers are new processes


def test_a_decompression_bomb_in_a_folder_is_contained_by_its_worker(tmp_path):
    from test_extract_pdf import _flate_bomb

    root = tmp_path / "folder"
    root.mkdir()
    (root / "a-bomb.pdf").write_bytes(_flate_bomb(600))
    for name in ("b.pdf", "c.txt"):
        shutil.copy(EXAMPLES / f"model-release.{name.split('.')[1]}", root / name)
    proc = run_cli(str(root), "-j", "2", "-f", "json", "--max-memory", "300")
    documents = json.loads(proc.stdout)["documents"]
    assert proc.returncode == 3
    assert documents[0]["error"]["code"] in ("too-large", "no-text")
    assert [d["verdict"] for d in documents[1:]] == ["fail", "fail"]
