"""The gap-analysis workbook: uncovered hours, needs without an effort, overlaps, capacity, plan coverage, the week."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hkh.analysis.gaps import HOURS_IN_DAY, GapAnalysis
from hkh.i18n import t
from hkh.outputs.gap_tables import (
    capacity_rows,
    coverage_rows,
    no_effort_rows,
    overlap_rows,
    unaddressed_rows,
    uncovered_rows,
)
from hkh.project import hours

if TYPE_CHECKING:  # pragma: no cover - typing only
    from openpyxl.workbook.workbook import Workbook


def _table_sheet(
    workbook: Any,
    language: str,
    key: str,
    table: tuple[list[str], list[list[Any]]],
    *,
    wrap: tuple[int, ...],
    hours_columns: tuple[int, ...] = (),
    percent_columns: tuple[int, ...] = (),
) -> None:
    """One part of the analysis as a plain table; `wrap` and the format columns are 0-based."""
    from hkh.outputs import excel

    title = t(f"gaps.{key}", language)
    header, rows = table
    sheet = workbook.create_sheet(excel.safe_sheet_name(title, workbook.sheetnames))
    formats = {index: excel.DECIMAL_FORMAT for index in hours_columns}
    formats.update({index: excel.PERCENT_FORMAT for index in percent_columns})
    excel.write_rows(sheet, header, rows or [[t("gaps.none_found", language)]], number_formats=formats)
    excel.finish_table(
        sheet,
        header_row=1,
        wrap=[index + 1 for index in wrap],
        landscape=True,
        title=title,
        fixed_widths={index + 1: 45 for index in wrap},
    )


def _week_sheet(workbook: Any, result: GapAnalysis) -> None:
    from openpyxl.styles import PatternFill

    from hkh.outputs import excel

    language = result.language
    sheet = workbook.create_sheet(excel.safe_sheet_name(t("gaps.week_sheet", language), workbook.sheetnames))
    header = [t("gaps.offer", language), t("gaps.day", language)] + [f"{hour:02d}" for hour in range(HOURS_IN_DAY)]
    rows: list[list[Any]] = []
    for row in result.week:
        for day, counts in enumerate(row.counts):
            rows.append([row.label, t(f"hours.day_short_{hours.DAY_KEYS[day]}", language), *counts])
    last = excel.write_rows(sheet, header, rows)
    highest = max((max(max(day) for day in row.counts) for row in result.week), default=0)
    for row_number in range(2, last + 1):
        for column in range(3, 3 + HOURS_IN_DAY):
            cell = sheet.cell(row=row_number, column=column)
            value = cell.value or 0
            if value == 0:
                colour = "F2DCDB"  # nobody open: the gaps stand out
            else:
                # paler to deeper green with the number of efforts open
                strength = value / highest if highest else 0
                shade = int(235 - 135 * strength)
                colour = f"{shade:02X}{min(255, shade + 40):02X}{shade:02X}"
            cell.fill = PatternFill("solid", start_color=colour, end_color=colour)
    excel.put(sheet, last + 2, 1, t("gaps.week_note", language))
    excel.fit_column_widths(sheet, fixed={1: 24, 2: 6, **{c: 4.5 for c in range(3, 3 + HOURS_IN_DAY)}})
    excel.freeze_below(sheet, 1, columns=2)
    excel.setup_print(sheet, landscape=True, title=t("gaps.week_sheet", language))


def build_workbook(result: GapAnalysis) -> Workbook:
    from hkh.outputs import excel

    language = result.language
    workbook = excel.new_workbook()
    _table_sheet(workbook, language, "uncovered_sheet", uncovered_rows(result), wrap=(7, 10), hours_columns=(8, 9))
    _table_sheet(workbook, language, "no_effort_sheet", no_effort_rows(result), wrap=(7,), hours_columns=(6,))
    _table_sheet(workbook, language, "overlaps_sheet", overlap_rows(result), wrap=(3, 6), hours_columns=(4,))
    _table_sheet(workbook, language, "capacity_sheet", capacity_rows(result), wrap=(3,), hours_columns=(7,))
    _table_sheet(workbook, language, "unaddressed_sheet", unaddressed_rows(result), wrap=(3, 4))
    _table_sheet(
        workbook, language, "coverage_sheet", coverage_rows(result),
        wrap=(12,), hours_columns=(7, 8, 9), percent_columns=(10,),
    )
    _week_sheet(workbook, result)
    return workbook


def workbook_bytes(result: GapAnalysis) -> bytes:
    from hkh.outputs import excel

    return excel.to_bytes(build_workbook(result))
