"""A survey's tables kept between runs of `hkh run`, in data/survey/<source>/.hkh-tables.json.

Building the tables means reading responses.csv with pandas; importing pandas alone costs a quarter of a second,
more than the rest of a run after an edit to plan.yaml. The tables depend only on the survey's files, the smallest
count shown and the language, so `hkh run` keeps them beside the survey under a digest of exactly those and reads
them back while it does not change.

The file lies in the survey's own folder, with the answers it is counted from (it holds the counts that suppression
hides, which must never reach out/), and is plain JSON read back field by field: a file that does not read back
exactly is ignored and the tables are built again, so a damaged or altered file costs time, never a wrong figure
from a malformed file.
"""

from __future__ import annotations

import json
from typing import Any

from hkh.project.load import KEPT_TABLES
from hkh.survey.publication import SECONDARY, SMALL
from hkh.survey.tables import (
    Breakdown,
    ByVariable,
    GroupTable,
    Hidden,
    NumberSummary,
    OptionCount,
    QuestionTable,
    SurveyTables,
)

FILE_NAME = KEPT_TABLES
_FORMAT = 2  # 2: two marks (small, secondary), number questions by their released ends, the record's breakdowns


def _option(data: dict[str, Any]) -> OptionCount:
    return OptionCount(
        code=_int_or_none(data["code"]),
        label=_str(data["label"]),
        count=_int(data["count"]),
        percent=_float_or_none(data["percent"]),
        phrase=_str_or_none(data["phrase"]),
        suppressed=_hidden(data["suppressed"]),
        non_substantive=_bool(data["non_substantive"]),
        variable=_str_or_none(data["variable"]),
    )


def _group(data: dict[str, Any]) -> GroupTable:
    return GroupTable(
        code=_int_or_none(data["code"]),
        label=_str(data["label"]),
        base=_int(data["base"]),
        base_suppressed=_hidden(data["base_suppressed"]),
        options=[_option(option) for option in _list(data["options"])],
    )


def _question(data: dict[str, Any]) -> QuestionTable:
    summary = data["summary"]
    breakdown = data["breakdown"]
    return QuestionTable(
        name=_str(data["name"]),
        text=_str(data["text"]),
        type=_str(data["type"]),
        base=_int(data["base"]),
        base_suppressed=_hidden(data["base_suppressed"]),
        options=[_option(option) for option in _list(data["options"])],
        summary=None
        if summary is None
        else NumberSummary(
            n=_int(summary["n"]),
            mean=_float_or_none(summary["mean"]),
            median=_float_or_none(summary["median"]),
            bottom=_float_or_none(summary["bottom"]),
            top=_float_or_none(summary["top"]),
            suppressed=_hidden(summary["suppressed"]),
        ),
        breakdown=None
        if breakdown is None
        else Breakdown(
            variable=_str(breakdown["variable"]),
            groups=[_group(group) for group in _list(breakdown["groups"])],
            left_out=[_str(label) for label in _list(breakdown["left_out"])],
        ),
        variables=tuple(_str(variable) for variable in _list(data["variables"])),
    )


def tables_to_text(tables: SurveyTables, key: str) -> str:
    """The tables, every field, as JSON, under the digest of what they were built from."""
    import dataclasses

    return json.dumps({"format": _FORMAT, "key": key, "tables": dataclasses.asdict(tables)}, ensure_ascii=False)


def tables_from_text(text: str, key: str) -> SurveyTables | None:
    """The tables kept under `key`; None when the text holds other tables or does not read back exactly."""
    try:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != _FORMAT or data.get("key") != key:
            return None
        tables = data["tables"]
        by = tables["by"]
        return SurveyTables(
            source=_str(tables["source"]),
            language=_str(tables["language"]),
            min_cell=_int(tables["min_cell"]),
            questions=[_question(question) for question in _list(tables["questions"])],
            by=None if by is None else ByVariable(_str(by["question"]), _str(by["text"]), _str(by["variable"])),
            published_breakdowns=tuple(_str(name) for name in _list(tables["published_breakdowns"])),
        )
    except (ValueError, KeyError, TypeError, RecursionError):
        return None


# Each field is checked for its type: the dataclasses do not check, and a figure must never come from a wrong one.


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _str_or_none(value: Any) -> str | None:
    return None if value is None else _str(value)


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(value)
    return value


def _int_or_none(value: Any) -> int | None:
    return None if value is None else _int(value)


def _float_or_none(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(value)
    return value  # JSON keeps 1 and 1.0 apart, so the number reads back as the type it was


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(value)
    return value


def _hidden(value: Any) -> Hidden:
    if value not in (None, SMALL, SECONDARY):
        raise TypeError(value)
    return value


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(value)
    return value
