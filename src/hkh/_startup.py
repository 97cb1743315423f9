"""Keeping hkh's start fast: work that libraries do at start-up and hkh never needs is skipped.

pydantic looks for plugins (observability tools) in the metadata of every installed package the first time a model
validates: about 60 ms on every command (measured with pyinstrument; see benchmarks/). hkh validates its own project
files and has no use for them.

(Help is drawn by Click, not rich: `rich_markup_mode=None` in cli.py. Typer's rich help needed rich.console, its
help renderer and, through that, rich.markdown and pygments: 1.8 times a bare Typer import against 1.3 times.)
"""

from __future__ import annotations

import os


def skip_pydantic_plugin_discovery() -> None:
    """Unless the user asked for plugins explicitly (the variable is set), pydantic does not search for any."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
