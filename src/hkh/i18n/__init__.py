"""Every word hkh writes, in bokmål (nb), nynorsk (nn) and English (en), and how numbers and dates are written.

Words live in `hkh/i18n/words/<namespace>.py`, one table per part of hkh, and are looked up by a dotted key:
`t("report.ch_summary", "nn")`. The namespace is the module, so two parts of hkh can use the same short key
("none", "file") without one silently taking the other's word. Every entry carries all three languages (a test
keeps it so); a missing key is a bug in hkh and raises `KeyError`.

Formats (numbers, percentages, dates, periods, lists) are in `hkh.i18n.formats`; share phrases ("tre av fire") in
`hkh.i18n.phrases`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from typing import Any

from hkh.core.errors import Wording, set_lookup
from hkh.i18n.types import LANGUAGES, Language, Words

__all__ = ["LANGUAGES", "Language", "Words", "namespace", "plural", "t", "words_for"]


@cache
def namespace(name: str) -> Words:
    """The word table of one namespace (imported on first use: `hkh --help` needs none of them)."""
    try:
        module = importlib.import_module(f"hkh.i18n.words.{name}")
    except ModuleNotFoundError:
        raise KeyError(f"no word table `{name}` in hkh.i18n.words") from None
    words: Words = module.WORDS
    return words


def t(key: str, language: str, /, **values: Any) -> str:
    """The text of `namespace.key` in `language`, with `{name}` fields filled from `values`."""
    space, _, name = key.partition(".")
    entry = namespace(space)[name]
    text = entry.get(language) or entry["en"]
    return text.format(**values) if values else text


def plural(key: str, n: int, language: str, /, **values: Any) -> str:
    """`key_one` for one, `key_other` otherwise ("1 advarsel", "2 advarsler"), with `{n}` filled in."""
    return t(f"{key}_{'one' if n == 1 else 'other'}", language, n=n, **values)


def words_for(space: str, language: str) -> Callable[..., str]:
    """A lookup bound to one namespace and language: `w = words_for("gaps", "nb"); w("title")`."""
    table = namespace(space)

    def lookup(name: str, /, **values: Any) -> str:
        entry = table[name]
        text = entry.get(language) or entry["en"]
        return text.format(**values) if values else text

    return lookup


def _value(value: Any, language: str) -> Any:
    """A message's value in `language`: a `Wording` among them is put into words too, a list of them joined."""
    if isinstance(value, Wording):
        return value.render(language)
    if isinstance(value, (list, tuple)) and value and all(isinstance(item, Wording) for item in value):
        return ", ".join(item.render(language) for item in value)
    return value


def _lookup(key: str, language: str, values: Any) -> str:
    """Messages raised below this layer (`hkh.core.errors.worded`) are put into words here."""
    return t(key, language, **{name: _value(value, language) for name, value in dict(values).items()})


set_lookup(_lookup)
