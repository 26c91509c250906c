"""Run an extractor in a forked child with memory, CPU and wall-clock limits.

pdfium aborts the whole process when an allocation fails, so a decompression bomb cannot be caught
with try/except: the only boundary that holds is a process (extraction.md §8).
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import sys
import time
from typing import Any, Callable, Optional

from termcheck.errors import ErrorCode, InputError
from termcheck.limits import Limits


def _set_child_limits(limits: Limits) -> None:
    """Apply address-space and CPU limits to the current (child) process."""
    import resource

    mem = limits.memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
    cpu = max(1, int(limits.seconds) + 1)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


def _outcome(func: Callable[..., Any], args: tuple[Any, ...]) -> tuple[Any, ...]:
    """('ok', func(*args)), or ('error', code, message, hint) for what a malformed file makes a reader raise."""
    try:
        return ("ok", func(*args))
    except InputError as exc:
        return ("error", exc.code.value, exc.message, exc.hint)
    except MemoryError:
        return ("error", ErrorCode.TOO_LARGE.value, "the file needs more memory than the limit allows", "")
    except Exception as exc:  # a library failed on a malformed file; the type name carries no contract text
        return ("error", ErrorCode.CORRUPT.value, f"the file could not be parsed ({type(exc).__name__})", "")


def _result(payload: tuple[Any, ...]) -> Any:
    """The value of an outcome, or its InputError raised."""
    if payload[0] == "ok":
        return payload[1]
    _, code, message, hint = payload
    raise InputError(ErrorCode(code), message, hint)


def run_contained(func: Callable[..., Any], args: tuple[Any, ...]) -> Any:
    """Call func(*args) in this process (already bounded, e.g. a batch worker), errors mapped as in a child."""
    return _result(_outcome(func, args))


def _child(func: Callable[..., Any], args: tuple[Any, ...], limits: Limits, write_fd: int) -> None:
    """Body of the child: run func, send ('ok', result) or ('error', code, message, hint), exit."""
    status = 0
    try:
        import faulthandler

        faulthandler.disable()  # an abort in pdfium must not dump the parent's frames to stderr
        _set_child_limits(limits)
        payload = _outcome(func, args)
        _write_all(write_fd, pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:
        status = 1
    finally:
        os._exit(status)


def _read_all(fd: int) -> bytes:
    """Everything a pipe holds until its writer closes it."""
    chunks: list[bytes] = []
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class Reader:
    """A child forked before the command line is even parsed, which imports the PDF reader and waits.

    Importing pdfium costs the child ~11 ms; forked at start-up, it does so while the parent imports
    the CLI. It runs one job, under the same limits as a freshly forked child, and is then gone.
    """

    def __init__(self, pid: int, job_fd: int, result_fd: int) -> None:
        self.pid, self.job_fd, self.result_fd = pid, job_fd, result_fd
        self.used = False

    @classmethod
    def start(cls, warm: Callable[[], None]) -> Optional["Reader"]:
        """Fork the waiting child (None where there is no fork)."""
        if not hasattr(os, "fork"):
            return None
        job_r, job_w = os.pipe()
        res_r, res_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            os.close(job_w)
            os.close(res_r)
            try:
                warm()
                job = _read_all(job_r)
                if not job:  # the parent needed no PDF reader after all
                    os._exit(0)
                func, args, limits = pickle.loads(job)
            except BaseException:
                os._exit(1)
            _child(func, args, limits, res_w)
        os.close(job_r)
        os.close(res_w)
        return cls(pid, job_w, res_r)

    def send(self, func: Callable[..., Any], args: tuple[Any, ...], limits: Limits) -> tuple[int, int]:
        """Hand the job over; returns the child's pid and the pipe its result comes on."""
        self.used = True
        try:
            _write_all(self.job_fd, pickle.dumps((func, args, limits), protocol=pickle.HIGHEST_PROTOCOL))
        finally:
            os.close(self.job_fd)
        return self.pid, self.result_fd

    def discard(self) -> None:
        """Let an unused child go (closing its job pipe tells it so)."""
        if self.used:
            return
        for fd in (self.job_fd, self.result_fd):
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def run_guarded(
    func: Callable[..., Any],
    args: tuple[Any, ...],
    limits: Limits,
    meanwhile: Optional[Callable[[], None]] = None,
    reader: Optional[Reader] = None,
) -> Any:
    """Call func(*args) in a child process under limits; its InputError comes back as InputError.

    meanwhile, if given, runs in the parent while the child works (on a second core). reader, if
    given, is a child forked earlier that takes the job instead of a new fork.
    """
    if not hasattr(os, "fork") or not limits.isolate:
        if meanwhile:
            meanwhile()
        return run_contained(func, args)
    if reader is not None:
        pid, read_fd = reader.send(func, args, limits)
    else:
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            os.close(read_fd)
            _child(func, args, limits, write_fd)
        os.close(write_fd)
    chunks: list[bytes] = []
    deadline = time.monotonic() + limits.seconds
    timed_out = False
    try:
        if meanwhile:
            meanwhile()
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([read_fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(read_fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_fd)
        if timed_out or sys.exc_info()[0] is not None:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        _, status = os.waitpid(pid, 0)
    if timed_out:
        raise InputError(ErrorCode.TIMEOUT, f"reading took longer than {limits.seconds:g} s", "raise --timeout, or split the file")
    if not chunks:
        sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        if sig == getattr(signal, "SIGXCPU", None):
            raise InputError(ErrorCode.TIMEOUT, "reading used more CPU time than the limit", "raise --timeout")
        raise InputError(
            ErrorCode.TOO_LARGE,
            "the reader was stopped: the file needs more memory than the limit (a decompression bomb?)",
            "if the file is genuine, raise --max-memory",
        )
    return _result(pickle.loads(b"".join(chunks)))
