"""Safe writing: every file and folder hkh writes appears whole or not at all.

Every file is written to a hidden temporary file beside its target and renamed over it, so an interrupted command
(Ctrl-C, a killed process, a full disk) leaves either the old file or the new one, never half of one. A folder that
must appear whole (an imported survey: responses and codebook together) is built under a hidden temporary name and
renamed into place (`atomic_directory`). Temporary files left by a process that was killed outright (SIGKILL, power
cut) are removed by the next hkh that writes in the same folder.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import secrets
import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

from hkh.core.errors import Message, OverwriteRefusedError, WriteFailedError, say
from hkh.core.limits import MAX_RESPONSES_BYTES, open_regular

# Temporary names carry the host and process that made them, so a later hkh can tell a leftover of a dead process
# (safe to remove) from the work in progress of a live one (on this machine or, on a shared folder, another one).
_HOST_TAG = hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]
_TEMP_PATTERN = re.compile(r"^\.(?P<target>.+)\.(?P<host>[0-9a-f]{8})-(?P<pid>\d+)-[0-9a-f]+(?P<old>\.old)?\.tmp$")
# Errors of the file system itself, as opposed to bugs: they become one clear line for the user.
_WRITE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY}


def shown_path(path: Path) -> str:
    """A path as messages show it: relative to where the user stands when it lies below, so it can be clicked."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def sha256_file(path: Path) -> str:
    """The SHA-256 of an ordinary file (a FIFO or a device in a file's place is refused, never opened to block)."""
    digest = hashlib.sha256()
    with open_regular(path, shown_path(path), MAX_RESPONSES_BYTES) as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def temp_name(target_name: str, *, old: bool = False) -> str:
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
        if match is None or match["host"] != _HOST_TAG or pid_alive(int(match["pid"])):
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


def _failure_reason(exc: OSError) -> Message | str:
    """Why the file system refused, in words for the common cases; otherwise the system's own words."""
    if exc.errno == errno.ENOSPC or exc.errno == errno.EDQUOT:
        return say("messages.reason-disk-full")
    if exc.errno in {errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY}:
        return say("messages.reason-no-permission")
    if exc.errno == errno.EROFS:
        return say("messages.reason-read-only")
    return exc.strerror or str(exc)


def _write_failed(exc: OSError, target: Path) -> WriteFailedError:
    return WriteFailedError("write-failed", path=target, reason=_failure_reason(exc))


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
        temp = folder / temp_name(target.name)
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
    temp = target.parent / temp_name(target.name)
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
            old = folder / temp_name(target.name, old=True)
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
        raise WriteFailedError("folder-failed", path=target, reason=_failure_reason(exc)) from None
    try:
        yield temp
        _fsync_files(temp)
        if target.exists() or target.is_symlink():
            raise OverwriteRefusedError("folder-appeared", path=target)
        os.rename(temp, target)  # an empty folder made in the meantime is the most a rename can take the place of
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        raise WriteFailedError("folder-failed", path=target, reason=_failure_reason(exc)) from None
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    _fsync_folder(folder)


def write_bytes_atomic(target: Path, data: bytes) -> None:
    with atomic_path(target) as temp:
        temp.write_bytes(data)


def write_text_atomic(target: Path, text: str) -> None:
    write_bytes_atomic(target, text.encode("utf-8"))


