"""Keeping hkh's start fast: work that libraries do at start-up and hkh never needs is skipped or deferred.

- Typer's help renderer (`typer.rich_utils`) imports `rich.markdown` (which pulls in markdown-it and, through
  `rich.syntax`, pygments) and `rich.traceback` at load time, for Markdown help texts and pretty tracebacks. hkh uses
  neither, yet together they were about 60% of the time `hkh --help` took (measured with pyinstrument; see
  benchmarks/). While `typer.rich_utils` loads, stand-ins take their place; the real modules are loaded on first use
  if anything ever does use them, and are never left replaced in `sys.modules`.
- pydantic looks for plugins (observability tools) in the metadata of every installed package the first time a
  model validates: about 60 ms on every command. hkh validates its own project files and has no use for them.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import types
from typing import Any

_DEFERRED = {"rich.markdown": ("Markdown",), "rich.traceback": ("Traceback", "install")}
_TARGET = "typer.rich_utils"


def _stand_in(module_name: str, name: str) -> Any:
    """A class that becomes the real thing when used: constructing it or reading any attribute loads the module."""

    def real() -> Any:
        return getattr(importlib.import_module(module_name), name)

    class _Meta(type):
        def __getattr__(cls, attribute: str) -> Any:
            return getattr(real(), attribute)

        def __instancecheck__(cls, instance: Any) -> bool:
            return isinstance(instance, real())

    class StandIn(metaclass=_Meta):
        def __new__(cls, *args: Any, **kwargs: Any) -> Any:
            return real()(*args, **kwargs)

    StandIn.__name__ = StandIn.__qualname__ = name
    return StandIn


class _LeanLoader(importlib.abc.Loader):
    def __init__(self, loader: importlib.abc.Loader) -> None:
        self.loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        placed: dict[str, types.ModuleType] = {}
        for module_name, names in _DEFERRED.items():
            if module_name in sys.modules:
                continue
            stand_in = types.ModuleType(module_name)
            for name in names:
                setattr(stand_in, name, _stand_in(module_name, name))
            sys.modules[module_name] = placed[module_name] = stand_in
        try:
            self.loader.exec_module(module)
        finally:
            for module_name, stand_in in placed.items():
                if sys.modules.get(module_name) is stand_in:
                    del sys.modules[module_name]


class _LeanFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if fullname != _TARGET:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(fullname)
        if spec is not None and spec.loader is not None:
            spec.loader = _LeanLoader(spec.loader)
        return spec


def defer_unused_rich_modules() -> None:
    """Install the finder once, before Typer renders anything; a no-op when typer.rich_utils is already loaded."""
    if _TARGET in sys.modules or any(isinstance(finder, _LeanFinder) for finder in sys.meta_path):
        return
    sys.meta_path.insert(0, _LeanFinder())


def skip_pydantic_plugin_discovery() -> None:
    """Unless the user asked for plugins explicitly (the variable is set), pydantic does not search for any."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
