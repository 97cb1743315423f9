"""The shape of a word table: key -> language -> text (with `{name}` fields where the text takes values)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

Language = Literal["nb", "nn", "en"]
LANGUAGES: tuple[Language, ...] = ("nb", "nn", "en")
Words = Mapping[str, Mapping[str, str]]
