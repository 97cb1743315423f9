"""src/hkh/docs/limits.md states the limits hkh applies: every number in src/hkh/core/limits.py appears there as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from hkh.core import limits

DOC = Path(__file__).resolve().parents[2] / "src" / "hkh" / "docs" / "limits.md"


def _shown(value: int) -> set[str]:
    """How the page may write a limit: `5 MB`, `1,024 MB`, `25 million`, `10,000`, `100`."""
    forms = {f"{value:,}"}
    if value % limits.MB == 0:
        forms.add(f"{value // limits.MB:,} MB")
    if value % 1_000_000 == 0:
        forms.add(f"{value // 1_000_000} million")
    return forms


NAMES = [
    "MAX_PROJECT_FILE_BYTES", "MAX_CODEBOOK_BYTES", "MAX_EXPORT_BYTES", "MAX_STATS_BYTES", "MAX_MANIFEST_BYTES",
    "MAX_INTEGER_DIGITS", "MAX_TEXT_CHARACTERS", "MAX_LIST_ITEMS", "MAX_CODEBOOK_ITEMS", "MAX_ZIP_MEMBERS",
    "MAX_COMPRESSION_RATIO", "RATIO_FREE_BYTES", "MAX_UNPACKED_BYTES", "MAX_STATS_UNPACKED_BYTES", "MAX_SHEET_CELLS",
    "MAX_STATS_SHEET_CELLS", "SPARSE_FACTOR", "SPARSE_ALLOWANCE", "MAX_OPTIONS", "MAX_RESPONSES_BYTES",
]


@pytest.mark.parametrize("name", NAMES)
def test_each_limit_is_documented(name: str) -> None:
    text = DOC.read_text("utf-8")
    value = getattr(limits, name)
    assert any(form in text for form in _shown(value)), f"{name} = {value} is not in src/hkh/docs/limits.md"


def test_every_limit_in_the_module_is_checked_here() -> None:
    constants = {name for name in vars(limits) if name.isupper() and name != "MB"}
    assert constants == set(NAMES)
