"""What every terminal table shares."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - typing only
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult


class ByWidth:
    """The full table when the terminal is wide enough for it, a compact one with the same figures otherwise.

    A findings × methods table needs about 13 columns per method; on an 80-column terminal the strength column
    would be cut off, and the strength is the point. The gap tables use it too.
    """

    def __init__(self, wide: RenderableType, narrow: RenderableType, needed: int) -> None:
        self.wide = wide
        self.narrow = narrow
        self.needed = needed

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.wide if options.max_width >= self.needed else self.narrow
