"""Every figure drawn once: charts kept by a digest of what they show.

A chart is a pure function of the figures it shows, so it is kept under a digest of exactly those (`figure_key`):
the survey step and the report ask for the same bar chart and get the same bytes, drawn once per process. Within
`hkh run` the figures are also kept on disk, in out/.hkh-cache/figures/, so that a run after an edit that does not
change a figure (plan.yaml, say) reads it back instead of drawing it, and does not even import matplotlib.

A key is made from what the chart draws and nothing else: a survey chart's key holds the shown percentages and
"<5" marks, never a hidden count, so not even the digest depends on a count that suppression hides. hkh's version is
part of every key, so another version of hkh draws its figures afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CACHE_DIR = Path(".hkh-cache") / "figures"  # below the project's out/ folder
_MEMORY_LIMIT = 64_000_000  # bytes of figures kept in memory (a test session draws thousands)
_KEY = re.compile(r"[0-9a-f]{64}")  # a figure's file is named by its key (PNG or SVG, told by its first bytes)
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"IEND\xaeB`\x82"


def figure_key(kind: str, shown: Any) -> str:
    """The digest of one figure: its kind ("survey-bar", "heatmap", ...) and what it shows, as JSON."""
    from hkh import __version__

    text = json.dumps([__version__, kind, shown], ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class FigureJob:
    """A figure to draw: its kind, what it shows (its key), how to draw it, and its format (png or svg)."""

    kind: str
    shows: Any
    draw: Callable[[], bytes]
    format: str = "png"

    @property
    def key(self) -> str:
        return figure_key(f"{self.kind}.{self.format}", self.shows)


def _complete(data: bytes) -> bool:
    """A figure file read back whole (the cache is written without a flush to disk, so a power cut could leave a
    file cut short; such a file is drawn again, never shown)."""
    if data.startswith(_PNG_SIGNATURE):
        return data.endswith(_PNG_END)
    return data.startswith(b"<svg") and data.rstrip().endswith(b"</svg>")


class FigureCache:
    def __init__(self) -> None:
        self._memory: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self.folder: Path | None = None
        self.writes = True  # False in a worker process: the parent keeps what the worker draws
        self.used: set[str] = set()
        self.drawn: dict[str, bytes] | None = None  # in a worker, what it drew since `take_drawn` (for the parent)
        # figures another process is drawing: `arrive` takes in the next one it sent (False when it sends no more)
        self.promised: set[str] = set()
        self.arrive: Callable[[], bool] | None = None

    def get(self, key: str) -> bytes | None:
        found = self._memory.get(key)
        while found is None and key in self.promised and self.arrive is not None:
            if not self.arrive():
                self.promised.clear()  # the other process stopped: whatever is missing is drawn here
            found = self._memory.get(key)
        if found is not None:
            self._memory.move_to_end(key)
            self._keep_on_disk(key, found)  # drawn by this process for another project, or before the cache was set
        elif self.folder is not None:
            try:
                data = (self.folder / key).read_bytes()
            except OSError:
                data = b""
            if _complete(data):
                found = data
                self._remember(key, data)
        if found is not None:
            self.used.add(key)
        return found

    def put(self, key: str, data: bytes) -> None:
        self._remember(key, data)
        self.used.add(key)
        if self.drawn is not None:
            self.drawn[key] = data
        self.promised.discard(key)
        self._keep_on_disk(key, data, known_new=True)

    def _keep_on_disk(self, key: str, data: bytes, *, known_new: bool = False) -> None:
        if self.folder is None or not self.writes:
            return
        target = self.folder / key
        if not known_new and target.exists():
            return
        from hkh.core.errors import HkhError
        from hkh.core.files import atomic_path

        # a cache is no output: no flush to disk (see `_complete`), and a failure to keep it is no error
        with contextlib.suppress(OSError, HkhError), atomic_path(target, durable=False) as temp:
            temp.write_bytes(data)

    def _remember(self, key: str, data: bytes) -> None:
        if key in self._memory:
            return
        self._memory[key] = data
        self._size += len(data)
        while self._size > _MEMORY_LIMIT and len(self._memory) > 1:
            _, dropped = self._memory.popitem(last=False)
            self._size -= len(dropped)

    def in_worker(self) -> None:
        """In a worker process: keep nothing on disk, and note what is drawn, for `take_drawn`."""
        self.writes = False
        self.drawn = {}

    def take_drawn(self) -> dict[str, bytes]:
        drawn, self.drawn = self.drawn or {}, {}
        return drawn

    def figure(self, job: FigureJob) -> bytes:
        """The figure: kept, or drawn now and kept."""
        key = job.key
        found = self.get(key)
        if found is None:
            found = job.draw()
            self.put(key, found)
        return found

    def prune(self) -> None:
        """Remove the figures on disk that this run did not use (figures of data that has since changed)."""
        if self.folder is None or not self.writes:
            return
        with contextlib.suppress(OSError):
            for path in self.folder.iterdir():
                if _KEY.fullmatch(path.name) and path.name not in self.used:
                    path.unlink(missing_ok=True)


FIGURES = FigureCache()


@contextlib.contextmanager
def kept_on_disk(out_dir: Path) -> Iterator[FigureCache]:
    """Within the block, figures are also read from and kept in `out_dir`/.hkh-cache/figures/."""
    previous, previous_used = FIGURES.folder, FIGURES.used
    FIGURES.folder, FIGURES.used = out_dir / CACHE_DIR, set()
    try:
        yield FIGURES
    finally:
        FIGURES.folder, FIGURES.used = previous, previous_used
        FIGURES.promised, FIGURES.arrive = set(), None
