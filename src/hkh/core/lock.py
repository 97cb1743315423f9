"""One writer per project: a command that writes holds `<project>/.hkh.lock`; a second hkh is refused, not raced.

Where the operating system offers it, the lock is an advisory `flock` on the file, which the kernel drops when the
process dies, so a lock left by a killed hkh is taken over without guessing from process ids. Elsewhere a pid file
created in one step (a hard link) stands in.

The lock cannot be fooled: it is opened without following a symbolic link (a link would let hkh empty the file it
points to), only an ordinary file with one name is written to (never a hard link to another file), and when the lock
cannot be taken at all (a folder named `.hkh.lock`, a file hkh may not open, a read-only folder) the command stops
with one line saying so, rather than writing unguarded.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hkh.core.errors import ProjectLockedError, worded
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


_OPEN_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


def _unusable(lock: Path, shown: str, exc: OSError | None = None) -> ProjectLockedError:
    """Why the lock file cannot be used, as one line that says what to do."""
    try:
        status = os.lstat(lock)
    except OSError:
        status = None
    if status is not None and stat.S_ISLNK(status.st_mode):
        return worded(ProjectLockedError, "security.lock_symlink", path=shown)
    if status is not None and stat.S_ISDIR(status.st_mode):
        return worded(ProjectLockedError, "security.lock_folder", path=shown)
    if status is not None and not stat.S_ISREG(status.st_mode):
        return worded(ProjectLockedError, "security.lock_not_file", path=shown)
    if status is not None and status.st_nlink > 1:
        return worded(ProjectLockedError, "security.lock_hard_link", path=shown)
    if exc is not None and exc.errno == errno.EROFS:
        return worded(ProjectLockedError, "security.lock_read_only", path=shown)
    if exc is not None and exc.errno in {errno.EACCES, errno.EPERM}:
        return worded(ProjectLockedError, "security.lock_denied", path=shown)
    reason = (exc.strerror or str(exc)) if exc is not None else "?"
    return worded(ProjectLockedError, "security.lock_failed", path=shown, reason=reason)


def _open_lock(lock: Path, shown: str) -> int:
    """The lock file opened for writing: never through a symbolic link, only an ordinary file with one name."""
    try:
        handle = os.open(lock, _OPEN_FLAGS, 0o644)
    except OSError as exc:
        raise _unusable(lock, shown, exc) from None
    status = os.fstat(handle)
    if not stat.S_ISREG(status.st_mode) or status.st_nlink > 1:
        os.close(handle)
        raise _unusable(lock, shown)
    return handle


def _acquire_flock(lock: Path, shown: str) -> int | None:
    """Take the lock as an exclusive flock; None when this file system cannot lock (the caller falls back)."""
    import fcntl

    for _attempt in range(10):
        created = not os.path.lexists(lock)
        handle = _open_lock(lock, shown)
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
            current = os.lstat(lock)
            same = current.st_ino == os.fstat(handle).st_ino and current.st_dev == os.fstat(handle).st_dev
        except FileNotFoundError:
            same = False
        if not same:
            os.close(handle)
            continue
        if os.fstat(handle).st_nlink != 1:  # linked to another file since it was opened: never empty that file
            os.close(handle)
            raise _unusable(lock, shown)
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
            status = os.lstat(lock)
            if not stat.S_ISREG(status.st_mode):
                raise _unusable(lock, shown)
            handle = os.open(lock, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
            try:
                pid = _read_pid(os.read(handle, 64).decode("ascii", "replace"))
            finally:
                os.close(handle)
            age = time.time() - status.st_mtime
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


def _acquire(lock: Path, shown: str, wait: float) -> int | None:
    """Take the lock (the flock's handle, or None for a pid file), trying again for `wait` seconds while another hkh
    holds it."""
    deadline = time.monotonic() + wait
    while True:
        try:
            handle = _acquire_flock(lock, shown) if os.name == "posix" else None
            if handle is None:
                _acquire_pidfile(lock, shown)
            return handle
        except ProjectLockedError as exc:
            if exc.key is not None or time.monotonic() >= deadline:  # `worded`: a lock that is not usable
                raise  # a lock that cannot be used at all is not worth waiting for
        time.sleep(0.05 + 0.05 * (os.getpid() % 5))  # staggered, so waiting processes do not retry in step


@contextlib.contextmanager
def project_lock(root: Path, *, display: str | None = None, wait: float = 0.0) -> Iterator[None]:
    """Hold the project's lock file for the duration of a writing command. A stale lock (dead process) is taken over.

    Re-entrant within one process. While it is held, SIGTERM unwinds like Ctrl-C (files being written are left as
    they were), instead of killing the process between a temporary file and its rename. With `wait`, a lock held by
    another hkh is tried again for that many seconds before the command gives up.
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
    try:
        handle = _acquire(lock, shown, wait)
    except OSError as exc:
        # never go on unguarded: a second hkh could write at the same time (two imports, one sources.yaml)
        raise _unusable(lock, shown, exc) from None

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
        # remove the file while still holding the flock, so no one can lock the name we are about to free; only our
        # own file (a name that now stands for something else is left alone)
        with contextlib.suppress(OSError):
            if handle is None or os.lstat(lock).st_ino == os.fstat(handle).st_ino:
                lock.unlink()
        if handle is not None:
            os.close(handle)
