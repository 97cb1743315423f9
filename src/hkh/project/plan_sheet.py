"""The plan as a workbook's cells, both ways: what hkh writes in each column, and reading an edited workbook back.

`hkh plan` writes the plan table (one row per measure, the measure's number in a column of its own) and a follow-up
sheet (status as a drop-down, the date of the last change, a note). People edit both in Excel or LibreOffice. This
module is the one place that knows what a cell holds: `measure_cell` renders a measure's cell (the workbook, the CSV,
the report and the reader all use it), and `read_plan_workbook` finds the columns of an edited workbook by their
headers (in nb, nn or en, or as plan.yaml labels them), whatever order they were moved into.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hkh.core.errors import HkhError, say
from hkh.core.sheets import Cell, Sheet, Sheets, is_blank, read_sheets, text_of
from hkh.i18n import LANGUAGES, t
from hkh.i18n.formats import join_words
from hkh.project.models import Measure, MeasureStatus, Plan

# the follow-up sheet's columns; only the last three are read back
FOLLOW_COLUMNS = ("number", "measure", "responsible", "timing", "start", "end", "status", "status_date", "status_note")
FOLLOW_READ = ("status", "status_date", "status_note")
# columns hkh computes: shown, never read back
DERIVED_COLUMNS = ("anchored",)
# what people write for a status besides the drop-down's four labels
STATUS_WORDS: dict[str, MeasureStatus] = {
    "ferdig": MeasureStatus.done, "fullført": MeasureStatus.done, "utført": MeasureStatus.done,
    "gjennomført": MeasureStatus.done, "completed": MeasureStatus.done, "finished": MeasureStatus.done,
    "i gang": MeasureStatus.in_progress, "startet": MeasureStatus.in_progress, "påbegynt": MeasureStatus.in_progress,
    "starta": MeasureStatus.in_progress, "started": MeasureStatus.in_progress, "ongoing": MeasureStatus.in_progress,
    "ikke påbegynt": MeasureStatus.not_started, "ikkje påbyrja": MeasureStatus.not_started,
    "ikke begynt": MeasureStatus.not_started, "planlagt": MeasureStatus.not_started,
    "avlyst": MeasureStatus.dropped, "droppet": MeasureStatus.dropped, "skrinlagt": MeasureStatus.dropped,
    "utgår": MeasureStatus.dropped, "cancelled": MeasureStatus.dropped, "canceled": MeasureStatus.dropped,
}


def goal_label(number: str, text: str) -> str:
    """The goal cell: `1. Målrettet …` for a numbered goal, `A Målrettet …` for one with its own id."""
    return f"{number}. {text}" if number.isdigit() else f"{number} {text}"


def status_label(status: MeasureStatus | None, language: str) -> str:
    return "" if status is None else t(f"followup.status_{status.value}", language)


def read_status(text: str) -> MeasureStatus | None:
    """A status cell: the drop-down's label in any language, the YAML key, or a common word; None when empty.
    Raises ValueError for anything else."""
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return None
    for status in MeasureStatus:
        if wanted in {status.value, status.value.replace("_", " ")}:
            return status
        if any(wanted == t(f"followup.status_{status.value}", language).casefold() for language in LANGUAGES):
            return status
    if wanted in STATUS_WORDS:
        return STATUS_WORDS[wanted]
    raise ValueError(text)


def responsible_cell(measure: Measure, language: str) -> str:
    if measure.responsible_text:
        return measure.responsible_text
    return join_words([measure.responsible or "", *measure.involved], language)


def measure_cell(key: str, measure: Measure, goal: str, language: str) -> str:
    """The text of one column of a measure's row, as every plan output writes it (`goal` is the goal's label)."""
    if key == "goal":
        return goal
    if key == "measure":
        return measure.text
    if key == "responsible":
        return responsible_cell(measure, language)
    if key == "timing":
        return measure.timing or ""
    if key == "theme":
        return measure.theme or ""
    if key == "addresses":
        return ", ".join(measure.addresses)
    if key == "status" and (measure.status is not None or "status" not in measure.extra):
        return status_label(measure.status, language)
    value = measure.extra.get(key)
    return "" if value is None else str(value)


def same_text(first: str, second: str) -> bool:
    """Texts compared as a reader sees them: line breaks and runs of blanks are one blank."""
    return " ".join(first.split()) == " ".join(second.split())


# ----------------------------------------------------------------------------------------------------- reading


def _labels(key: str) -> set[str]:
    """A column's header in every language (plan columns, then follow-up columns)."""
    found: set[str] = set()
    for space in ("plan", "followup"):
        for language in LANGUAGES:
            try:
                found.add(t(f"{space}.{key}", language).casefold())
            except KeyError:
                break
    return found


def header_keys(plan: Plan) -> dict[str, str]:
    """Header text (case-folded) → column key, for every column a plan workbook may carry."""
    keys = ["number", "goal", "measure", "responsible", "timing", "theme", "addresses", "status", "anchored",
            *plan.columns, *FOLLOW_COLUMNS]
    headers: dict[str, str] = {}
    for key in keys:
        for label in _labels(key):
            headers.setdefault(label, key)
        headers.setdefault(key.replace("_", " ").capitalize().casefold(), key)
    for language in LANGUAGES:  # the CSV's id column, "Tiltak"
        headers.setdefault(t("plan.measure_id", language).casefold(), "number")
    for key, label in plan.labels.items():
        headers[label.strip().casefold()] = key
    return headers


@dataclass(frozen=True)
class SheetRow:
    """One row of the plan sheet: its 1-based row number and its cells by column key."""

    row: int
    cells: dict[str, Cell]
    goal: str | None  # the goal cell, carried down over a merged range
    goal_row: int | None

    def text(self, key: str) -> str:
        value = text_of(self.cells.get(key))
        return measure_number(value) if key == "number" else value


def measure_number(text: str) -> str:
    """A measure's number as a cell holds it: `1.2`, or `Tiltak 1.2` as the plan's CSV writes it (so that no
    spreadsheet reads it as a date)."""
    words = text.split()
    if len(words) == 2 and any(words[0].casefold() == t("plan.measure_id", lang).casefold() for lang in LANGUAGES):
        return words[1]
    return text


@dataclass(frozen=True)
class Table:
    """A table found in a sheet: its header row, its columns by key, and the rows under it."""

    sheet: Sheet
    header_row: int
    columns: dict[str, int]
    unread: list[tuple[str, int]]  # (header, column) of columns that are not read
    rows: list[SheetRow] = field(default_factory=list)


@dataclass(frozen=True)
class PlanWorkbook:
    sheets: Sheets
    plan: Table
    follow_up: Table | None

    def where(self, table: Table, row: int, key: str) -> str:
        return table.sheet.where(row, table.columns[key]) if key in table.columns else table.sheet.where(row, 1)

    def error(self, code: str, table: Table, row: int, key: str, /, **values: Any) -> HkhError:
        """The error `code` (its words: `messages.<code>`) at the cell of column `key` in `row`."""
        if self.sheets.kind == "csv":
            from hkh.core.sheets import column_letter

            cell = f"{column_letter(table.columns.get(key, 1))}{row}"
            return HkhError(code, path=self.sheets.shown, cell=cell, **values)
        return HkhError(code, path=self.sheets.shown, cell=self.where(table, row, key), **values)


def _find_table(sheet: Sheet, headers: dict[str, str], required: str) -> Table | None:
    """The first row within the top ten holding the `required` column's header, and the columns it names."""
    for number, cells in sheet.numbered_rows():
        if number > 10:
            break
        keys = {index: headers.get(text_of(value).casefold()) for index, value in enumerate(cells, start=1)}
        if required not in keys.values():
            continue
        columns: dict[str, int] = {}
        unread: list[tuple[str, int]] = []
        for index, key in keys.items():
            header = text_of(cells[index - 1])
            if key is None or key in columns:
                if header:
                    unread.append((header, index))
            else:
                columns[key] = index
        return Table(sheet, number, columns, unread)
    return None


def _rows(table: Table) -> list[SheetRow]:
    rows: list[SheetRow] = []
    goal: str | None = None
    goal_row: int | None = None
    goal_column = table.columns.get("goal")
    for number, cells in table.sheet.numbered_rows(table.header_row + 1):
        values = {key: (cells[column - 1] if column <= len(cells) else None) for key, column in table.columns.items()}
        if all(is_blank(values[key]) for key in values if key not in DERIVED_COLUMNS):
            continue
        if goal_column is not None and not is_blank(values.get("goal")):
            goal, goal_row = " ".join(text_of(values["goal"]).split()), number
        rows.append(SheetRow(number, values, goal, goal_row))
    return rows


def read_plan_workbook(path: Path, shown: str, plan: Plan, language: str) -> PlanWorkbook:
    """The plan sheet and the follow-up sheet of a workbook `hkh plan` wrote and people edited (or the CSV)."""
    sheets = read_sheets(path, shown)
    headers = header_keys(plan)
    plan_table: Table | None = None
    follow_table: Table | None = None
    for sheet in sheets.sheets:
        found = _find_table(sheet, headers, "measure")
        if found is None:
            continue
        # the follow-up sheet has a status and no goal; the plan sheet is the first other one
        is_follow = "status_date" in found.columns or (
            sheet.name.strip().casefold() in {t("followup.sheet", lang).casefold() for lang in LANGUAGES}
        )
        if is_follow and follow_table is None:
            follow_table = Table(found.sheet, found.header_row, found.columns, found.unread, _rows(found))
        elif not is_follow and plan_table is None:
            plan_table = Table(found.sheet, found.header_row, found.columns, found.unread, _rows(found))
    if plan_table is None:
        raise HkhError("plan-no-plan-sheet", path=shown, measure=say("plan.measure"))
    if "number" not in plan_table.columns:
        raise HkhError(
            "plan-no-number-column",
            path=shown,
            cell=plan_table.sheet.where(plan_table.header_row, 1) if sheets.kind == "workbook" else None,
            number=say("followup.number"),
        )
    return PlanWorkbook(sheets, plan_table, follow_table)


