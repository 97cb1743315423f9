"""A second process for work that can run beside the main one, started by `fork` so it starts at once.

`hkh run` draws its figures in a worker while the main process writes workbooks and the report text: matplotlib
holds Python's lock while it draws, so only another process uses the second core. A forked child shares what the
parent has loaded (the project, its results, the libraries already imported) without copying or pickling it; only
what it sends back is pickled, through a pipe, in the order it sends it.

The worker never writes files and never prints: the parent writes what it sends. An error in the worker is raised
in the parent when it reaches the result that failed, with the worker's traceback attached as its cause (for the
crash log). Where `fork` is not available (Windows), with one core, or with HKH_WORKERS=1, the same work runs in
the main process when its results are asked for, so the results never depend on how they were made.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import struct
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

_HEADER = struct.Struct("<Q")
_ITEM, _END, _ERROR = "item", "end", "error"

class WorkerTraceback(Exception):
    """The traceback of an exception raised in the worker process, as text (attached as the cause)."""


def workers_wanted() -> int:
    """2 where a second process can help: fork exists, there is more than one core, HKH_WORKERS does not say 1."""
    if not hasattr(os, "fork") or os.environ.get("HKH_WORKERS", "").strip() == "1":
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return 2 if cores >= 2 else 1


def _write_frame(stream: Any, kind: str, payload: Any) -> None:
    data = pickle.dumps((kind, payload), protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)))
    stream.write(data)
    stream.flush()


def _read_exactly(stream: Any, size: int) -> bytes:
    data = stream.read(size)
    if data is None or len(data) < size:
        raise EOFError
    return bytes(data)


class Worker:
    """The results of `work()` (a generator), produced in a forked child; `results()` yields them in order."""

    def __init__(self, work: Callable[[], Iterable[Any]], *, fork: bool | None = None) -> None:
        self._work = work
        self._pid: int | None = None
        self._stream: Any = None
        if fork is None:
            fork = workers_wanted() > 1
        if fork:
            self._start()

    def _start(self) -> None:
        read_end, write_end = os.pipe()
        # flush what the parent has buffered, or the child would write it a second time should it ever flush
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        pid = os.fork()
        if pid == 0:  # the child: do the work, send the results, and leave without running the parent's exit code
            code = 0
            try:
                os.close(read_end)
                signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends the worker; the parent reports it
                with os.fdopen(write_end, "wb") as stream:
                    try:
                        for item in self._work():
                            _write_frame(stream, _ITEM, item)
                    except BaseException as exc:  # noqa: BLE001 - every failure goes to the parent
                        import traceback

                        text = "".join(traceback.format_exception(exc))
                        try:
                            _write_frame(stream, _ERROR, (exc, text))
                        except Exception:  # noqa: BLE001 - an exception that cannot be pickled
                            _write_frame(stream, _ERROR, (RuntimeError(f"{type(exc).__name__}: {exc}"), text))
                    else:
                        _write_frame(stream, _END, None)
            except BaseException:  # noqa: BLE001 - the parent sees the pipe end early
                code = 1
            finally:
                os._exit(code)
        os.close(write_end)
        self._pid = pid
        self._stream = os.fdopen(read_end, "rb")

    def results(self) -> Iterator[Any]:
        """Each result the work sends, in order; the work's error is raised where it happened."""
        if self._pid is None:
            yield from self._work()  # no second process: the same work, done as its results are asked for
            return
        while True:
            try:
                size = _HEADER.unpack(_read_exactly(self._stream, _HEADER.size))[0]
                kind, payload = pickle.loads(_read_exactly(self._stream, size))
            except EOFError:
                self.close()
                raise RuntimeError("hkh's worker process ended without finishing its work") from None
            if kind == _ITEM:
                yield payload
            elif kind == _END:
                self.close(finished=True)
                return
            else:
                exc, text = payload
                self.close(finished=True)
                raise exc from WorkerTraceback(text)

    def close(self, *, finished: bool = False) -> None:
        """Reap the worker: wait for one that has sent its last result, end one that has not (the parent stopped
        early: an error, Ctrl-C). Safe to call more than once."""
        if self._stream is not None:
            with contextlib.suppress(OSError):
                self._stream.close()
            self._stream = None
        if self._pid is not None:
            pid, self._pid = self._pid, None
            with contextlib.suppress(OSError):
                if not finished:
                    os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
