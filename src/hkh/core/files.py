"""Safe writing: atomic replacement, no silent overwrite of files the user changed, one writer per project.

- Atomic: every file is written to a hidden temporary file beside its target and renamed over it, so an interrupted
  command (Ctrl-C, a killed process, a full disk) leaves either the old file or the new one, never half of one.
  A folder that must appear whole (an imported survey: responses and codebook together) is built under a hidden
  temporary name and renamed into place (`atomic_directory`). Temporary files left by a process that was killed
  outright (SIGKILL, power cut) are removed by the next hkh that writes in the same folder.
- Edited outputs: hkh records the SHA-256 of each output it writes in `out/.hkh-manifest.json`. A file whose content
  no longer matches (opened and changed in Excel, say) is not replaced without `--force`.
- Lock: a command that writes holds `<project>/.hkh.lock`; a second hkh on the same project is refused, not raced.
  Where the operating system offers it, the lock is also an advisory `flock` on the file, which the kernel drops
  when the process dies, so a lock left by a killed hkh is taken over without guessing from process ids.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import threading
import time
from pathlib import Path
from typing import Any, Iterator

from hkh.core.errors import OverwriteRefusedError, ProjectLockedError, WriteFailedError

MANIFEST_NAME = ".hkh-manifest.json"
LOCK_NAME = ".hkh.lock"

# Temporary names carry the host and process that made them, so a later hkh can tell a leftover of a dead process
# (safe to remove) from the work in progress of a live one (on this machine or, on a shared folder, another one).
_HOST_TAG = hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]
_TEMP_PATTERN = re.compile(r"^\.(?P<target>.+)\.(?P<host>[0-9a-f]{8})-(?P<pid>\d+)-[0-9a-f]+(?P<old>\.old)?\.tmp$")
# Errors of the file system itself, as opposed to bugs: they become one clear line for the user.
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY}


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _temp_name(target_name: str, *, old: bool = False) -> str:
    return f".{target_name}.{_HOST_TAG}-{os.getpid()}-{secrets.token_hex(4)}{'.old' if old else ''}.tmp"


def is_temporary(path: Path) -> bool:
    """True for hkh's own temporary files and folders; readers listing a folder should skip these."""
    return _TEMP_PATTERN.match(path.name) is not None


def clean_stale_temporaries(folder: Path) -> list[Path]:
    """Remove temporary files and folders that a killed hkh on this machine left in `folder`; return what went.

    A folder being replaced is first renamed to `.<name>.….old.tmp`; if the process died before the new one took its
    place, the old one is put back rather than deleted, so no interruption loses a finished import.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_PATTERN.match(entry.name)
        if match is None or match["host"] != _HOST_TAG or _pid_alive(int(match["pid"])):
            continue
        path = Path(entry.path)
        original = folder / match["target"]
        with contextlib.suppress(OSError):
            if match["old"] and not original.exists():
                os.replace(path, original)
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
    return removed


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); where folders cannot be opened (Windows) the rename is already on disk."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _failure_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return "the disk is full"
    if exc.errno in {errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY}:
        return "permission denied, or the file is open in another program (Excel?); close it and run again"
    if exc.errno == errno.EROFS:
        return "the folder is read-only"
    return exc.strerror or str(exc)


def _write_failed(exc: OSError, target: Path) -> WriteFailedError:
    return WriteFailedError(f"cannot write the file: {_failure_reason(exc)}; the old file was left as it was", path=target)


def _is_write_error(exc: OSError, *paths: Path) -> bool:
    if exc.errno in {errno.ENOSPC, errno.EDQUOT, errno.EROFS}:
        return True
    named = {str(p) for p in paths}
    return exc.errno in _WRITE_ERRNOS and (exc.filename in named or exc.filename2 in named)


@contextlib.contextmanager
def atomic_path(target: Path, *, durable: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target`, on failure it is removed.

    The body may write the temporary path in any way (openpyxl's `save`, matplotlib's `savefig`, a CSV writer).
    A full disk or a locked target becomes a `WriteFailedError` and leaves the old file as it was. `durable=False`
    skips the flush to disk (the rename is still atomic), for bookkeeping that is rewritten many times per command.
    """
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        clean_stale_temporaries(folder)
        temp = folder / _temp_name(target.name)
        temp.touch(exist_ok=False)
    except OSError as exc:
        raise _write_failed(exc, target) from None
    try:
        yield temp
        if durable:
            with temp.open("rb+") as written:
                os.fsync(written.fileno())
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        if _is_write_error(exc, temp, target):
            raise _write_failed(exc, target) from None
        raise
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    if durable:
        _fsync_folder(folder)


def _temp_folder_beside(target: Path) -> Path:
    """An empty temporary folder beside `target`, after clearing what killed runs left there (OSError is left to
    the caller, which words it)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale_temporaries(target.parent)
    temp = target.parent / _temp_name(target.name)
    temp.mkdir()
    return temp


@contextlib.contextmanager
def atomic_directory(target: Path) -> Iterator[Path]:
    """Yield an empty temporary folder beside `target`; on success it takes `target`'s place whole.

    For outputs that belong together (an import's responses and codebook): a reader never sees a folder with one
    file new and the other old or missing. An existing `target` is replaced only after the new folder is complete.
    """
    folder = target.parent
    try:
        temp = _temp_folder_beside(target)
    except OSError as exc:
        raise _write_failed(exc, target) from None
    try:
        yield temp
        _fsync_files(temp)
        old: Path | None = None
        if target.exists():
            old = folder / _temp_name(target.name, old=True)
            os.replace(target, old)
        os.replace(temp, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        if _is_write_error(exc, temp, target) or exc.errno in {errno.ENOTEMPTY, errno.EEXIST}:
            raise _write_failed(exc, target) from None
        raise
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    _fsync_folder(folder)


def _fsync_files(folder: Path) -> None:
    for child in folder.rglob("*"):
        if child.is_file():
            with child.open("rb+") as written:
                os.fsync(written.fileno())


@contextlib.contextmanager
def new_directory(target: Path) -> Iterator[Path]:
    """Yield an empty temporary folder beside `target`, which does not exist; on success it becomes `target` whole.

    Unlike `atomic_directory`, nothing is ever replaced: a `target` that appeared meanwhile is refused. A command
    killed half-way leaves no `target`, only a temporary that the next hkh writing beside it clears.
    """
    folder = target.parent
    try:
        temp = _temp_folder_beside(target)
    except OSError as exc:
        raise WriteFailedError(f"cannot create the folder: {_failure_reason(exc)}", path=target) from None
    try:
        yield temp
        _fsync_files(temp)
        if target.exists() or target.is_symlink():
            raise OverwriteRefusedError("appeared while hkh was creating it; nothing was changed", path=target)
        os.rename(temp, target)  # an empty folder made in the meantime is the most a rename can take the place of
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        raise WriteFailedError(f"cannot create the folder: {_failure_reason(exc)}; nothing was created", path=target) from None
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    _fsync_folder(folder)


def write_bytes_atomic(target: Path, data: bytes) -> None:
    with atomic_path(target) as temp:
        temp.write_bytes(data)


def write_text_atomic(target: Path, text: str) -> None:
    write_bytes_atomic(target, text.encode("utf-8"))


class OutputGuard:
    """Remembers what hkh wrote into one output folder, to tell hkh's own files from the user's edits."""

    def __init__(self, out_dir: Path, *, force: bool = False, display: str | None = None) -> None:
        self.out_dir = out_dir
        self.force = force
        self.display = display or str(out_dir)
        self.manifest_path = out_dir / MANIFEST_NAME
        self._hashes: dict[str, str] = self._read()

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.manifest_path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def _key(self, target: Path) -> str:
        try:
            return target.resolve().relative_to(self.out_dir.resolve()).as_posix()
        except ValueError:
            return target.resolve().as_posix()

    def _shown(self, target: Path) -> str:
        key = self._key(target)
        return str(target) if Path(key).is_absolute() else f"{self.display}/{key}"

    def check(self, target: Path) -> None:
        """Refuse to replace a file that hkh did not write, or that was changed since."""
        if self.force or not target.exists():
            return
        if target.is_dir():
            raise OverwriteRefusedError("a folder has this name; move it away or write elsewhere", path=self._shown(target))
        # another writer in the same run (`hkh run` uses several guards) may have recorded files since we read
        self._hashes = {**self._hashes, **self._read()}
        recorded = self._hashes.get(self._key(target))
        if recorded is None:
            raise OverwriteRefusedError(
                "hkh did not write this file, so it will not replace it; move it away or add --force",
                path=self._shown(target),
            )
        if sha256_file(target) != recorded:
            raise OverwriteRefusedError(
                "this file was changed after hkh wrote it (edited in Excel or by hand?); "
                "save your copy under another name, or add --force to replace it",
                path=self._shown(target),
            )

    def record(self, target: Path) -> None:
        """Note a file as hkh's own, merging with what other writers recorded, so no entry is lost."""
        key = self._key(target)
        merged = {**self._read(), key: sha256_file(target)}
        self._hashes = {**self._hashes, **merged}
        # rewritten after every output (a survey writes hundreds of charts): atomic, but not flushed each time; if
        # it were lost in a power cut, hkh would refuse to overwrite its own files until --force, never the reverse
        with atomic_path(self.manifest_path, durable=False) as temp:
            temp.write_bytes(json.dumps(merged, indent=2, sort_keys=True).encode("utf-8"))

    @contextlib.contextmanager
    def writing(self, target: Path) -> Iterator[Path]:
        """Check, then write atomically through a temporary path, then record the new content's hash."""
        self.check(target)
        with atomic_path(target) as temp:
            yield temp
        self.record(target)

    def write_bytes(self, target: Path, data: bytes) -> Path:
        with self.writing(target) as temp:
            temp.write_bytes(data)
        return target

    def write_text(self, target: Path, text: str) -> Path:
        return self.write_bytes(target, text.encode("utf-8"))


# ------------------------------------------------------------------------------------------------------------- lock

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


def _locked_message(pid: int) -> str:
    who = f"another hkh (process {pid})" if pid > 0 else "another hkh"
    return f"{who} is writing to this project; wait for it to finish and run the command again"


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
                raise ProjectLockedError(_locked_message(pid), path=shown) from None
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
    raise ProjectLockedError("the project's lock file keeps changing; is another hkh starting?", path=shown)


def _acquire_pidfile(lock: Path, shown: str) -> None:
    """Lock by creating the file with our process id in one step (link), for systems without flock."""
    for _attempt in range(3):
        temp = lock.parent / _temp_name(lock.name)
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
        if _pid_alive(pid) or (pid == -1 and age < _UNREADABLE_LOCK_GRACE):
            raise ProjectLockedError(_locked_message(pid), path=shown)
        with contextlib.suppress(OSError):
            lock.unlink()
    raise ProjectLockedError("the project's lock file could not be taken", path=shown)


class _Terminated(KeyboardInterrupt):
    """SIGTERM while holding the lock: unwound like Ctrl-C, so temporary files and the lock are cleaned up."""


def _on_terminate(signum: int, frame: Any) -> None:
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


def write_json_output(out_dir: Path, data: object, output: Path, *, force: bool = False) -> Path:
    """`--format json -o FILE`: JSON written through the output guard of the project's out/ instead of printed."""
    guard = OutputGuard(out_dir, force=force)
    return guard.write_text(output, json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
