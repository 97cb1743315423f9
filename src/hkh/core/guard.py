"""Outputs hkh may replace, and those it must not: the manifest of what hkh wrote.

hkh records the SHA-256 of each output it writes in `out/.hkh-manifest.json`. A file whose content no longer matches
(opened and changed in Excel, say) is not replaced without `--force`.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Iterator

from hkh.core.errors import OverwriteRefusedError
from hkh.core.files import atomic_path, sha256_file

MANIFEST_NAME = ".hkh-manifest.json"


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


def write_json_output(out_dir: Path, data: object, output: Path, *, force: bool = False) -> Path:
    """`--format json -o FILE`: JSON written through the output guard of the project's out/ instead of printed."""
    guard = OutputGuard(out_dir, force=force)
    return guard.write_text(output, json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
