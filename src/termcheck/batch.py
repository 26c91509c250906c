"""Many files at once: worker processes, one report per file in the order given, a lost worker an error row."""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterator, Optional

from termcheck.errors import ErrorCode, InputError
from termcheck.limits import Limits
from termcheck.report import DocumentReport
from termcheck.rules.model import RuleSet

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.process import BaseProcess

# A worker is replaced after this many files, so that whatever a library leaks does not pile up.
TASKS_PER_WORKER = 25
# Wall time a file gets beyond --timeout (its reading and its rules) before its worker is killed.
WORKER_GRACE_SECONDS = 30.0


@dataclass(frozen=True)
class Job:
    """What every worker needs to check a file."""

    ruleset: RuleSet
    limits: Limits
    password: Optional[str] = None
    layout: bool = False


def _warm() -> None:
    """Import what every file needs once, before the workers fork, so that none of them repeats it."""
    import termcheck.engine  # noqa: F401
    import termcheck.extract.docx  # noqa: F401
    import termcheck.extract.pdf_pages  # noqa: F401
    import termcheck.extract.pdf_reader  # noqa: F401
    import termcheck.segment  # noqa: F401
    from termcheck.extract.pdf import warm_reader

    # Loading pdfium here, not in each worker or reader child, saves about 25 ms per PDF (batch_speed.py).
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


def _work(path: str, job: Job) -> DocumentReport:
    """What a worker does with one file (the pool already keeps every core busy: no second process)."""
    return check_file(path, job, parallel=False)


def _bound_this_process(limits: Limits) -> bool:
    """Cap this worker's address space, so that it can read PDFs itself; False where that cannot be done.

    pdfium aborts its process when an allocation fails: with the cap on the worker, a decompression
    bomb ends the worker (which the parent notices and replaces), not the run.
    """
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as fh:
            size = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        cap = max(limits.memory_bytes, size + limits.memory_bytes // 2)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        return True
    except (ImportError, OSError, ValueError):
        return False


def _allow_cpu(seconds: float) -> None:
    """Give this worker `seconds` more CPU time: past that the kernel ends it with SIGXCPU."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    soft = int(usage.ru_utime + usage.ru_stime + seconds) + 1
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    resource.setrlimit(resource.RLIMIT_CPU, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))


def _worker_main(conn: "Connection", job: Job) -> None:  # pragma: no cover - runs in a worker process
    """A worker: check the paths the parent sends, one at a time, then exit after TASKS_PER_WORKER."""
    import faulthandler

    # Ctrl-C is the parent's to handle (it stops the workers); an abort in pdfium must not print frames.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    faulthandler.disable()
    bounded = _bound_this_process(job.limits)
    if bounded:
        job = replace(job, limits=replace(job.limits, isolate=False))
    try:
        for _ in range(TASKS_PER_WORKER):
            path = conn.recv()
            if path is None:
                break
            if bounded:
                _allow_cpu(job.limits.seconds)
            conn.send(_work(path, job))
    except (EOFError, OSError, KeyboardInterrupt):
        pass
    finally:
        os._exit(0)


@dataclass
class _Slot:
    """A worker process, the file it is on (index into the paths) and when that file's time is up."""

    process: "BaseProcess"
    conn: "Connection"
    index: Optional[int] = None
    deadline: float = 0.0
    done: int = 0


def _lost(path: str, exitcode: Optional[int], timed_out: bool, seconds: float) -> DocumentReport:
    """The error row of a file whose worker died or stopped answering."""
    if timed_out:
        error = InputError(ErrorCode.TIMEOUT, f"checking this file took longer than {seconds:g} s", "raise --timeout, or check the file alone")
    elif exitcode == -getattr(signal, "SIGXCPU", 24):
        error = InputError(ErrorCode.TIMEOUT, "checking this file used more CPU time than the limit", "raise --timeout")
    elif exitcode in (-signal.SIGABRT, -signal.SIGKILL):
        error = InputError(
            ErrorCode.TOO_LARGE,
            "the reader was stopped: the file needs more memory than the limit (a decompression bomb?)",
            "if the file is genuine, raise --max-memory",
        )
    else:
        error = InputError(ErrorCode.CORRUPT, f"the reader crashed on this file (exit {exitcode})", "re-export or re-download it")
    return DocumentReport(path=path, error=error)


def check_files(paths: list[str], job: Job, jobs: int) -> Iterator[DocumentReport]:
    """Reports for paths, in order, from `jobs` bounded worker processes.

    Each worker has the memory limit on its own address space and a CPU budget per file; the parent
    gives each file --timeout plus WORKER_GRACE_SECONDS of wall time. A file whose worker dies or runs
    out of time becomes an error row, the worker is replaced, and the others go on. Workers are
    replaced every TASKS_PER_WORKER files.
    """
    import multiprocessing
    import time
    from multiprocessing.connection import wait

    _warm()
    # Compiled here once, not on demand in each worker, when workers will be replaced (every TASKS_PER_WORKER files):
    # compiling every regex takes 2 s, more than a few files' workers spend compiling what they need.
    if len(paths) > max(1, jobs) * TASKS_PER_WORKER:
        job.ruleset.compile_all()
    context = multiprocessing.get_context("fork")
    allowed = job.limits.seconds + WORKER_GRACE_SECONDS
    todo = list(range(len(paths)))[::-1]
    finished: dict[int, DocumentReport] = {}

    def spawn() -> _Slot:
        mine, theirs = context.Pipe()
        process = context.Process(target=_worker_main, args=(theirs, job), daemon=True)
        process.start()
        theirs.close()
        return _Slot(process, mine)

    def stop(slot: _Slot) -> None:
        slot.conn.close()
        if slot.process.is_alive():
            slot.process.kill()
        slot.process.join()

    def give_work(slot: _Slot) -> _Slot:
        """The slot with its next file, or a fresh worker first if this one is used up or gone."""
        if slot.done >= TASKS_PER_WORKER or not slot.process.is_alive():
            stop(slot)
            slot = spawn()
        if todo:
            slot.index = todo.pop()
            slot.deadline = time.monotonic() + allowed
            slot.conn.send(paths[slot.index])
        return slot

    slots = [give_work(spawn()) for _ in range(max(1, min(jobs, len(paths))))]
    try:
        for next_out in range(len(paths)):
            while next_out not in finished:
                busy = [i for i, s in enumerate(slots) if s.index is not None]
                timeout = max(0.0, min(slots[i].deadline for i in busy) - time.monotonic())
                ready = set(wait([slots[i].conn for i in busy] + [slots[i].process.sentinel for i in busy], timeout))
                for i in busy:
                    slot = slots[i]
                    assert slot.index is not None
                    if slot.conn in ready:
                        try:
                            finished[slot.index] = slot.conn.recv()
                        except (EOFError, OSError):
                            pass  # the worker died: below
                        else:
                            slot.index, slot.done = None, slot.done + 1
                            slots[i] = give_work(slot)
                            continue
                    elif slot.process.sentinel not in ready and time.monotonic() < slot.deadline:
                        continue
                    # A closed pipe or a ready sentinel is a death: wait for its real exit status (a
                    # dying process can still look alive for a moment); otherwise the time is up.
                    timed_out = slot.conn not in ready and slot.process.sentinel not in ready
                    if not timed_out:
                        slot.process.join(5)
                    stop(slot)
                    finished[slot.index] = _lost(paths[slot.index], slot.process.exitcode, timed_out, allowed)
                    slots[i] = give_work(spawn())
            yield finished.pop(next_out)
    finally:
        for slot in slots:
            stop(slot)


def default_jobs() -> int:
    """The machine's cores (as this process may use them)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1

