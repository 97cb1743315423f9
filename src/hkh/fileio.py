"""Safe writing: atomic replacement, no silent overwrite of files the user changed, one writer per project.

- Atomic: every file is written to a temporary file beside its target and renamed over it, so an interrupted
  command (Ctrl-C, a killed process, a full disk) leaves either the old file or the new one, never half of one.
- Edited outputs: hkh records the SHA-256 of each output it writes in `out/.hkh-manifest.json`. A file whose content
  no longer matches (opened and changed in Excel, say) is not replaced without `--force`.
- Lock: a command that writes holds `<project>/.hkh.lock`; a second hkh on the same project is refused, not raced.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Iterator

from hkh.errors import OverwriteRefusedError, ProjectLockedError

MANIFEST_NAME = ".hkh-manifest.json"
LOCK_NAME = ".hkh.lock"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target`, on failure it is removed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    try:
        yield temp
        with temp.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


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

    def check(self, target: Path) -> None:
        """Refuse to replace a file that hkh did not write, or that was changed since."""
        if self.force or not target.exists():
            return
        recorded = self._hashes.get(self._key(target))
        shown = f"{self.display}/{self._key(target)}" if not Path(self._key(target)).is_absolute() else str(target)
        if recorded is None:
            raise OverwriteRefusedError(
                "hkh did not write this file, so it will not replace it; move it away or add --force", path=shown
            )
        if sha256_file(target) != recorded:
            raise OverwriteRefusedError(
                "this file was changed after hkh wrote it (edited in Excel or by hand?); "
                "save your copy under another name, or add --force to replace it",
                path=shown,
            )

    @contextlib.contextmanager
    def writing(self, target: Path) -> Iterator[Path]:
        """Check, then write atomically through a temporary path, then record the new content's hash."""
        self.check(target)
        with atomic_path(target) as temp:
            yield temp
        self._hashes[self._key(target)] = sha256_file(target)
        write_text_atomic(self.manifest_path, json.dumps(self._hashes, indent=2, sort_keys=True))

    def write_bytes(self, target: Path, data: bytes) -> Path:
        with self.writing(target) as temp:
            temp.write_bytes(data)
        return target

    def write_text(self, target: Path, text: str) -> Path:
        return self.write_bytes(target, text.encode("utf-8"))


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def project_lock(root: Path, *, display: str | None = None) -> Iterator[None]:
    """Hold the project's lock file for the duration of a writing command. A stale lock (dead process) is taken over."""
    lock = root / LOCK_NAME
    shown = display or str(lock)
    for _attempt in range(2):
        try:
            handle = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            try:
                pid = int(lock.read_text("utf-8").split()[0])
            except (OSError, ValueError, IndexError):
                pid = -1
            if pid > 0 and _pid_alive(pid) and pid != os.getpid():
                raise ProjectLockedError(
                    f"another hkh (process {pid}) is writing to this project; wait for it to finish", path=shown
                ) from None
            with contextlib.suppress(OSError):
                lock.unlink()
            continue
        except OSError:
            # a read-only project cannot be written to anyway; the write itself will say so
            yield
            return
        with os.fdopen(handle, "w") as stream:
            stream.write(f"{os.getpid()}\n")
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                lock.unlink()
        return
    raise ProjectLockedError("the project's lock file could not be taken", path=shown)
