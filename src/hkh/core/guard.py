"""Outputs hkh may replace, and those it must not: the project's one manifest of what hkh wrote.

hkh records, in `<project>/out/.hkh-manifest.json`, the SHA-256 of each output it writes and a digest of the inputs
it was made from. The content hash tells hkh's own files from the user's: a file whose content no longer matches
(opened and changed in Excel, say) is not replaced without `--force`. The input digest lets `hkh run` skip an output
whose inputs have not changed since it was written.

There is one guard per project, wherever the output goes: a file written outside out/ (`-o ~/plan.xlsx`) is recorded
in the project's manifest by its absolute path, so hkh never leaves a manifest in the user's own folders.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hkh.core.errors import HkhError, OverwriteRefusedError
from hkh.core.files import atomic_path, sha256_file, shown_path
from hkh.core.limits import MAX_MANIFEST_BYTES, read_regular

MANIFEST_NAME = ".hkh-manifest.json"
OUT_DIR = "out"
_FORMAT = 2


@dataclass(frozen=True)
class Recorded:
    sha256: str
    inputs: str | None = None  # digest of what the output was made from; None when not recorded


@dataclass(frozen=True)
class StepRecord:
    """What one step of `hkh run` last wrote, and the digest of the inputs it wrote it from."""

    inputs: str
    outputs: tuple[Path, ...]


def _parse(data: Any) -> dict[str, Recorded]:
    if not isinstance(data, dict):
        return {}
    if data.get("format") == _FORMAT and isinstance(data.get("outputs"), dict):
        entries: dict[str, Recorded] = {}
        for key, value in data["outputs"].items():
            if isinstance(value, dict) and isinstance(value.get("sha256"), str):
                inputs = value.get("inputs")
                entries[str(key)] = Recorded(value["sha256"], inputs if isinstance(inputs, str) else None)
        return entries
    # the first manifests mapped each file straight to its hash
    return {str(k): Recorded(v) for k, v in data.items() if isinstance(v, str)}


class OutputGuard:
    """Remembers what hkh wrote for one project, to tell hkh's own files from the user's edits."""

    def __init__(self, root: Path, *, force: bool = False) -> None:
        self.out_dir = root / OUT_DIR
        self.force = force
        self.display = shown_path(self.out_dir)
        self.manifest_path = self.out_dir / MANIFEST_NAME
        self._entries: dict[str, Recorded] = self._read()

    def _load(self) -> Any:
        try:
            raw = read_regular(self.manifest_path, str(self.manifest_path), MAX_MANIFEST_BYTES)
            return json.loads(raw.decode("utf-8"))
        except (HkhError, OSError, ValueError, RecursionError):
            return {}

    def _read(self) -> dict[str, Recorded]:
        return _parse(self._load())

    def _read_steps(self) -> dict[str, Any]:
        data = self._load()
        steps = data.get("steps") if isinstance(data, dict) and data.get("format") == _FORMAT else None
        return steps if isinstance(steps, dict) else {}

    def _path_of(self, key: str) -> Path:
        return Path(key) if Path(key).is_absolute() else self.out_dir / key

    def _key(self, target: Path) -> str:
        try:
            return target.resolve().relative_to(self.out_dir.resolve()).as_posix()
        except ValueError:
            return target.resolve().as_posix()

    def _shown(self, target: Path) -> str:
        key = self._key(target)
        return shown_path(target) if Path(key).is_absolute() else f"{self.display}/{key}"

    def recorded(self, target: Path) -> Recorded | None:
        # another writer in the same run may have recorded files since we read
        self._entries = {**self._entries, **self._read()}
        return self._entries.get(self._key(target))

    def check(self, target: Path) -> None:
        """Refuse to replace a file that hkh did not write, or that was changed since."""
        if self.force or not target.exists():
            return
        if target.is_dir():
            raise OverwriteRefusedError("output-is-folder", path=self._shown(target))
        recorded = self.recorded(target)
        if recorded is None:
            raise OverwriteRefusedError("output-not-ours", path=self._shown(target))
        if sha256_file(target) != recorded.sha256:
            raise OverwriteRefusedError("output-edited", path=self._shown(target))

    def is_current(self, target: Path, inputs: str) -> bool:
        """True when `target` is hkh's, unchanged since written, and was made from exactly these inputs."""
        recorded = self.recorded(target)
        if recorded is None or recorded.inputs != inputs or not target.is_file():
            return False
        return sha256_file(target) == recorded.sha256

    def record(self, target: Path, inputs: str | None = None) -> None:
        """Note a file as hkh's own, merging with what other writers recorded, so no entry is lost."""
        merged = {**self._read(), self._key(target): Recorded(sha256_file(target), inputs)}
        self._save(merged, self._read_steps())

    def step(self, name: str) -> StepRecord | None:
        """What a step of `hkh run` last wrote (None when it never ran, or the manifest predates this record)."""
        entry = self._read_steps().get(name)
        if not isinstance(entry, dict) or not isinstance(entry.get("inputs"), str):
            return None
        outputs = entry.get("outputs")
        if not isinstance(outputs, list) or not all(isinstance(key, str) for key in outputs):
            return None
        return StepRecord(entry["inputs"], tuple(self._path_of(key) for key in outputs))

    def record_step(self, name: str, inputs: str, outputs: list[Path]) -> None:
        """Remember that a step wrote `outputs` from `inputs`, so that an unchanged rerun can skip it."""
        entries = self._read()
        keys = [self._key(path) for path in outputs]
        for key in keys:
            if key in entries:
                entries[key] = Recorded(entries[key].sha256, inputs)
        steps = {**self._read_steps(), name: {"inputs": inputs, "outputs": keys}}
        self._save(entries, steps)

    def _save(self, entries: dict[str, Recorded], steps: dict[str, Any]) -> None:
        self._entries = {**self._entries, **entries}
        data = {
            "format": _FORMAT,
            "outputs": {
                key: {"sha256": entry.sha256, **({"inputs": entry.inputs} if entry.inputs else {})}
                for key, entry in sorted(entries.items())
            },
            "steps": dict(sorted(steps.items())),
        }
        # rewritten after every output: atomic, but not flushed each time; if it were lost in a power cut, hkh would
        # refuse to overwrite its own files until --force, never the reverse
        with atomic_path(self.manifest_path, durable=False) as temp:
            temp.write_bytes(json.dumps(data, indent=2).encode("utf-8"))

    @contextlib.contextmanager
    def writing(self, target: Path, inputs: str | None = None) -> Iterator[Path]:
        """Check, then write atomically through a temporary path, then record the new content's hash."""
        self.check(target)
        with atomic_path(target) as temp:
            yield temp
        self.record(target, inputs)

    def write_bytes(self, target: Path, data: bytes, inputs: str | None = None) -> Path:
        with self.writing(target, inputs) as temp:
            temp.write_bytes(data)
        return target

    def write_text(self, target: Path, text: str, inputs: str | None = None) -> Path:
        return self.write_bytes(target, text.encode("utf-8"), inputs)

    def write_json(self, target: Path, data: object) -> Path:
        """`--format json -o FILE`: JSON written through the guard instead of printed."""
        return self.write_text(target, json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
