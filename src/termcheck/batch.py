"""Many files at once: worker processes, one report per file in the order given, a lost worker an error row."""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass
from typing import Iterator, Optional

from termcheck.errors import ErrorCode, InputError
from termcheck.limits import Limits
from termcheck.report import DocumentReport
from termcheck.rules.model import RuleSet

# A worker is replaced after this many files, so that whatever a library leaks does not pile up.
TASKS_PER_WORKER = 25
# A worker's own limits stop a bad file first; this is only for a worker that is lost altogether.
WORKER_GRACE_SECONDS = 30.0


@dataclass(frozen=True)
class Job:
    """What every worker needs to check a file."""

    ruleset: RuleSet
    limits: Limits
    password: Optional[str] = None
    layout: bool = False


_JOB: Optional[Job] = None  # set in each worker by _start_worker (the pool's per-process state)


def _start_worker(job: Job) -> None:
    global _JOB
    _JOB = job
    # Ctrl-C is the parent's to handle (it stops the pool); workers must not print tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _warm() -> None:
    """Import what every file needs once, before the pool forks, so no worker or PDF child repeats it."""
    import termcheck.engine  # noqa: F401
    import termcheck.extract.docx  # noqa: F401
    import termcheck.extract.pdf_pages  # noqa: F401
    import termcheck.extract.pdf_reader  # noqa: F401
    import termcheck.segment  # noqa: F401
    from termcheck.extract.pdf import warm_reader

    # Loading pdfium here, not in each guarded child, saves about 25 ms per PDF (batch_speed.py).
    warm_reader()


def check_file(path: str, job: Job, parallel: bool = True) -> DocumentReport:
    """One file's report; an unreadable file gives a report with its error."""
    from termcheck.engine import check
    from termcheck.extract import extract_path

    try:
        doc = extract_path(path, job.limits, password=job.password, layout=job.layout)
    except InputError as exc:
        return DocumentReport(path=path, error=exc)
    return check(doc, job.ruleset, parallel=parallel)


def _work(path: str) -> DocumentReport:
    assert _JOB is not None
    # The pool already keeps both cores busy: no second process per document.
    return check_file(path, _JOB, parallel=False)


def check_files(paths: list[str], job: Job, jobs: int) -> Iterator[DocumentReport]:
    """Reports for paths, in order, from `jobs` worker processes.

    Each file's reading is bounded by the limits (PDFs in their own guarded child); a worker that dies
    or hangs past twice the time limit costs only its file, which comes back as a timeout.
    """
    import multiprocessing  # only a run over several files pays for it

    _warm()
    context = multiprocessing.get_context("fork")
    pool = context.Pool(jobs, initializer=_start_worker, initargs=(job,), maxtasksperchild=TASKS_PER_WORKER)
    try:
        pending = [(p, pool.apply_async(_work, (p,))) for p in paths]
        for path, result in pending:
            try:
                yield result.get(timeout=job.limits.seconds * 2 + WORKER_GRACE_SECONDS)
            except multiprocessing.TimeoutError:
                yield DocumentReport(
                    path=path,
                    error=InputError(ErrorCode.TIMEOUT, "the worker checking this file stopped answering", "raise --timeout, or check the file alone"),
                )
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def default_jobs() -> int:
    """The machine's cores (as this process may use them)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1

