"""Every word hkh writes, in bokmål (nb), nynorsk (nn) and English (en), and how numbers and dates are written.

Words live in `hkh/i18n/words/<namespace>.py`, one table per part of hkh, and are looked up by a dotted key:
`t("report.ch_summary", "nn")`. The namespace is the module, so two parts of hkh can use the same short key
("none", "file") without one silently taking the other's word. Every entry carries all three languages (a test
keeps it so); a missing key is a bug in hkh and raises `KeyError`.

Messages (errors, `hkh check`'s problems) carry a code and values, not words (`hkh.core.errors.Message`);
`render(message, language)` puts them into words from the `messages` tables, one entry per code.

Formats (numbers, percentages, dates, periods, lists) are in `hkh.i18n.formats`; share phrases ("tre av fire") in
`hkh.i18n.phrases`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from enum import Enum
from functools import cache
from typing import Any

from hkh.core.errors import Message, set_renderer
from hkh.i18n.types import LANGUAGES, Language, Words

__all__ = ["LANGUAGES", "Language", "Words", "has", "namespace", "plural", "render", "t", "words_for"]


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


def has(key: str) -> bool:
    """Whether the tables have an entry `namespace.key` (a namespace that does not exist has none)."""
    space, _, name = key.partition(".")
    try:
        return name in namespace(space)
    except KeyError:
        return False


def _value(value: Any, language: str) -> str:
    if isinstance(value, Message):
        return render(value, language)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(_value(item, language) for item in value)
    if value is None:
        return ""
    return str(value)


def render(message: Message, language: str) -> str:
    """A message in words: the entry `message.key` in `language` with its values filled in (messages among the
    values in the same language, lists joined with commas). With no entry `key` but entries `key_one` and
    `key_other`, `values["n"]` chooses; with none at all, the message's own English text."""
    values = {name: _value(value, language) for name, value in message.values.items()}
    if has(message.key):
        return t(message.key, language, **values)
    if "n" in message.values and has(f"{message.key}_one"):
        return t(f"{message.key}_{'one' if message.values['n'] == 1 else 'other'}", language, **values)
    if message.text is not None:
        return message.text
    # a code without words is a bug in hkh (a test keeps every code in the tables); say what is known
    shown = ", ".join(f"{name}={value}" for name, value in values.items())
    return f"{message.key.partition('.')[2]} ({shown})" if shown else message.key.partition(".")[2]


set_renderer(render)
