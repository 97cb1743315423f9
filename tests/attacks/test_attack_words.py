"""What hkh says about hostile input and personal data is said in bokmål, nynorsk and English, with the same
values in each, and every message the code asks for is in the tables."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from hkh.i18n import namespace

SRC = Path(__file__).resolve().parents[2] / "src" / "hkh"


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("space", ["security", "privacy"])
def test_every_entry_in_three_languages_with_the_same_fields(space: str) -> None:
    for key, entry in namespace(space).items():
        assert set(entry) == {"nb", "nn", "en"}, key
        assert all(text.strip() for text in entry.values()), key
        assert fields(entry["nb"]) == fields(entry["nn"]) == fields(entry["en"]), key


def test_every_key_the_code_names_is_in_the_tables() -> None:
    named: set[tuple[str, str]] = set()
    for path in SRC.rglob("*.py"):
        for space, key in re.findall(r'"(security|privacy)\.([a-z_]+)"', path.read_text("utf-8")):
            named.add((space, key))
    assert named
    missing = [f"{space}.{key}" for space, key in named if key not in namespace(space)]
    assert not missing, missing
