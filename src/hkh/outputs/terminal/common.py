"""What every terminal table shares, and the one way a text from a project or a survey reaches the terminal.

A text in a rich table is read as markup (`[bold]`, `[link=…]`) unless escaped, and a control character in it acts
on the terminal (an escape sequence sets the window title or clears the screen). `escape` makes any text inert for
both; `plain` is the same as a rich `Text`. Every user text a terminal table shows goes through one of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hkh.core.safe_text import terminal_line

if TYPE_CHECKING:  # pragma: no cover - typing only
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.text import Text


def escape(text: Any) -> str:
    """A text for a rich table cell or title: rich markup escaped, control characters and escapes removed, one line."""
    from rich.markup import escape as escape_markup

    return escape_markup(terminal_line(str(text)))


def plain(text: Any, style: str = "") -> Text:
    """A text as a rich `Text` (never read as markup), without control characters or escapes, on one line."""
    from rich.text import Text

    return Text(terminal_line(str(text)), style=style)


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
