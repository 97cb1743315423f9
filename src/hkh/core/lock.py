"""One writer per project: a command that writes holds `<project>/.hkh.lock`; a second hkh is refused, not raced.

Where the operating system offers it, the lock is an advisory `flock` on the file, which the kernel drops when the
process dies, so a lock left by a killed hkh is taken over without guessing from process ids. Elsewhere a pid file
created in one step (a hard link) stands in.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hkh.core.errors import ProjectLockedError
from hkh.core.files import clean_stale_temporaries, pid_alive, temp_name

LOCK_NAME = ".hkh.lock"

# Locks this process holds, by project folder: `hkh run` takes the lock and then calls writers that may take it too.
_held_locks: dict[str, int] = {}
_held_guard = threading.Lock()
_UNREADABLE_LOCK_GRACE = 10.0
# folders where a killed hkh may have left temporaries that readers of the project should never see
_PROJECT_WRITE_FOLDERS = (Path("."), Path("out"), Path("data") / "survey")


def _read_pid(text: str) -> int:
    try:
        return int(text.split()[0])
    except (ValueError, IndexError):
        return -1


def _locked(pid: int, shown: str) -> ProjectLockedError:
    if pid > 0:
        return ProjectLockedError("project-locked-by", path=shown, pid=pid)
    return ProjectLockedError("project-locked", path=shown)


def _acquire_flock(lock: Path, shown: str) -> int | None:
    """Take the lock as an exclusive flock; None when this file system cannot lock (the caller falls back)."""
    import fcntl

    for _attempt in range(10):
        created = not lock.exists()
        handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in {errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES}:
                pid = _read_pid(os.pread(handle, 64, 0).decode("ascii", "replace"))
                os.close(handle)
                raise _locked(pid, shown) from None
            # no flock on this file system (some network shares): leave no empty lock file for the fallback to
            # mistake for another hkh's
            os.close(handle)
            if created:
                with contextlib.suppress(OSError):
                    lock.unlink()
            return None
        # the holder before us may have removed the file between our open and our flock: lock the current file
        try:
            same = os.stat(lock).st_ino == os.fstat(handle).st_ino
        except FileNotFoundError:
            same = False
        if not same:
            os.close(handle)
            continue
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"{os.getpid()}\n".encode("ascii"), 0)
        return handle
    raise ProjectLockedError("lock-unstable", path=shown)


def _acquire_pidfile(lock: Path, shown: str) -> None:
    """Lock by creating the file with our process id in one step (link), for systems without flock."""
    for _attempt in range(3):
        temp = lock.parent / temp_name(lock.name)
        temp.write_text(f"{os.getpid()}\n", "utf-8")
        try:
            os.link(temp, lock)
            return
        except FileExistsError:
            pass
        except OSError:
            # no hard links here (some network shares): exclusive create; the pid follows at once
            try:
                handle = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                pass
            else:
                with os.fdopen(handle, "w") as stream:
                    stream.write(f"{os.getpid()}\n")
                return
        finally:
            with contextlib.suppress(OSError):
                temp.unlink()
        try:
            pid = _read_pid(lock.read_text("utf-8"))
            age = time.time() - lock.stat().st_mtime
        except FileNotFoundError:
            continue
        except OSError:
            pid, age = -1, 0.0
        # an unreadable pid is a lock being written this instant, unless it has stayed so for a while
        if pid_alive(pid) or (pid == -1 and age < _UNREADABLE_LOCK_GRACE):
            raise _locked(pid, shown)
        with contextlib.suppress(OSError):
            lock.unlink()
    raise ProjectLockedError("lock-failed", path=shown)


class _Terminated(KeyboardInterrupt):
    """SIGTERM while holding the lock: unwound like Ctrl-C, so temporary files and the lock are cleaned up."""


def _on_terminate(_signum: int, _frame: Any) -> None:
    raise _Terminated()


@contextlib.contextmanager
def project_lock(root: Path, *, display: str | None = None) -> Iterator[None]:
    """Hold the project's lock file for the duration of a writing command. A stale lock (dead process) is taken over.

    Re-entrant within one process. While it is held, SIGTERM unwinds like Ctrl-C (files being written are left as
    they were), instead of killing the process between a temporary file and its rename.
    """
    lock = root / LOCK_NAME
    shown = display or str(lock)
    key = str(root.resolve())
    with _held_guard:
        if key in _held_locks:
            _held_locks[key] += 1
            nested = True
        else:
            nested = False
    if nested:
        try:
            yield
        finally:
            with _held_guard:
                _held_locks[key] -= 1
        return

    handle: int | None = None
    taken = True
    try:
        handle = _acquire_flock(lock, shown) if os.name == "posix" else None
        if handle is None:
            _acquire_pidfile(lock, shown)
    except OSError:
        # a read-only project cannot be written to anyway; the write itself will say so
        taken = False

    previous_handler: Any = None
    in_main_thread = threading.current_thread() is threading.main_thread()
    if in_main_thread and signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
        previous_handler = signal.signal(signal.SIGTERM, _on_terminate)
    with _held_guard:
        _held_locks[key] = 1
    try:
        for folder in _PROJECT_WRITE_FOLDERS:
            clean_stale_temporaries(root / folder)
        yield
    finally:
        with _held_guard:
            _held_locks.pop(key, None)
        if previous_handler is not None:
            signal.signal(signal.SIGTERM, previous_handler)
        if taken:
            # remove the file while still holding the flock, so no one can lock the name we are about to free
            with contextlib.suppress(OSError):
                lock.unlink()
            if handle is not None:
                os.close(handle)
