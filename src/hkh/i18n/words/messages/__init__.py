"""What hkh says when something is wrong: one entry per code (`hkh.core.errors`), in nb, nn and en.

The entries are grouped by the part of hkh that raises them, one module each, so that parts (and the people working
on them) add their codes without touching each other's tables. A code appears in one module only (a test keeps it
so). The codes are listed in `hkh docs check`.

How they are written: for a social worker who has never seen YAML. Say what is wrong on that line and what to write
instead, in plain words; name the field and quote the value in backticks; one line, no full stop at the end.
"""

from __future__ import annotations

from hkh.i18n.types import Words
from hkh.i18n.words.messages import check, export, files, run, schema, services, sheets, survey, yaml

PARTS: tuple[Words, ...] = (
    files.WORDS, yaml.WORDS, schema.WORDS, check.WORDS, export.WORDS, survey.WORDS, run.WORDS, sheets.WORDS,
    services.WORDS,
)

WORDS: Words = {key: entry for part in PARTS for key, entry in part.items()}
