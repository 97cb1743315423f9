"""The action-plan workbook: the plan table grouped by goal, the follow-up sheet, the findings to follow up, and the
tracing sheet.

The plan sheet carries each measure's number (`Nr.`) in a column of its own, and the follow-up sheet offers the
status as a drop-down: `hkh plan import` reads the workbook back after people have edited it, matching rows by
their numbers (`hkh.project.plan_sheet` knows what each column holds).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hkh.analysis.plan import PlanTable
from hkh.i18n import t

COLUMN_WIDTHS = {
    "number": 7, "goal": 28, "measure": 60, "responsible": 32, "timing": 16, "theme": 22, "addresses": 16,
    "status": 14, "anchored": 22,
}


def _sheet_columns(table: PlanTable) -> tuple[list[str], list[str]]:
    """The plan sheet's column keys and headers: the declared columns with the number just before the measure
    (unless the layout has a number column already: a plan that is not grouped shows it first)."""
    if "number" in table.columns:
        return list(table.columns), list(table.headers)
    at = table.columns.index("measure")
    keys = [*table.columns[:at], "number", *table.columns[at:]]
    headers = [*table.headers[:at], t("followup.number", table.language), *table.headers[at:]]
    return keys, headers


def workbook_bytes(table: PlanTable, mapping_title: str | None = None) -> bytes:
    from openpyxl.styles import Alignment, Border, PatternFill, Side

    from hkh.outputs import excel

    lang = table.language
    group_fill = PatternFill("solid", fgColor="EEF3F9")
    thin = Side(style="thin", color="B4C6DC")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap_top = Alignment(wrap_text=True, vertical="top")
    title = t("plan.plan_sheet", lang)

    workbook = excel.new_workbook()
    sheet = workbook.create_sheet(excel.safe_sheet_name(title))
    columns, headers = _sheet_columns(table)
    excel.write_rows(sheet, headers, [])
    widths = {index: float(COLUMN_WIDTHS.get(column, 20)) for index, column in enumerate(columns, start=1)}
    group_column = table.group_column
    row_number = 2
    for group in table.groups:
        first = row_number
        for row in group.rows:
            for column_index, column in enumerate(columns, start=1):
                value = row.measure_id if column == "number" else row.cells[column]
                if column == group_column and row_number != first:
                    value = ""  # only the top-left cell of a merged range may hold a value, or Excel "repairs" it
                cell = excel.put(sheet, row_number, column_index, value or None)
                cell.alignment = wrap_top
                cell.border = border
                if column == group_column:
                    cell.fill = group_fill
                    cell.font = excel.font(bold=True)
            row_number += 1
        if group_column and row_number - first > 1:
            column_index = columns.index(group_column) + 1
            sheet.merge_cells(start_row=first, start_column=column_index, end_row=row_number - 1, end_column=column_index)
    # the row heights come from the content, measured at these widths (excel.fit_row_heights)
    excel.fit_column_widths(sheet, fixed=widths)
    excel.freeze_below(sheet)
    excel.setup_print(sheet, landscape=True, title=title)

    _follow_up_sheet(workbook, table)

    follow = workbook.create_sheet(excel.safe_sheet_name(t("plan.follow_up_sheet", lang), workbook.sheetnames))
    excel.write_rows(
        follow,
        [t("plan.statement", lang), t("plan.follow_up_text", lang), t("layout.finding_id", lang)],
        [[finding_title or None, text, finding_id or None] for finding_id, finding_title, text in table.follow_up],
    )
    excel.finish_table(
        follow, header_row=1, wrap=(1, 2), landscape=True, fixed_widths={1: 34, 2: 90}, filter_rows=False,
        title=t("plan.follow_up_sheet", lang),
    )

    trace = workbook.create_sheet(excel.safe_sheet_name(t("plan.trace_sheet", lang), workbook.sheetnames))
    kinds = {"finding": t("plan.finding", lang), "need": t("layout.need", lang)}
    excel.write_rows(
        trace,
        [
            t("layout.number", lang), t("plan.measure", lang), t("plan.addresses", lang), t("layout.kind", lang),
            t("layout.id", lang),
        ],
        [
            [item.measure_id, item.measure, item.text or None, kinds.get(item.kind, "?"), item.target_id]
            for item in table.trace
        ],
    )
    excel.finish_table(
        trace, header_row=1, wrap=(2, 3), landscape=True, fixed_widths={1: 7, 2: 60, 3: 50},
        title=t("plan.trace_sheet", lang),
    )
    workbook.properties.title = f"{title}: {mapping_title}" if mapping_title else title
    workbook.properties.creator = "hkh"
    return excel.to_bytes(workbook, mapping_title=mapping_title)


def _follow_up_sheet(workbook: Any, table: PlanTable) -> None:
    """One row per measure: the measure as the plan states it (for reading), the dates its timing text was read
    into, and the three cells the steering group keeps up to date: status (a drop-down), last changed, note."""
    from openpyxl.styles import Alignment, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from hkh.outputs import excel
    from hkh.project.models import MeasureStatus
    from hkh.project.plan_sheet import FOLLOW_COLUMNS, measure_cell, status_label
    from hkh.project.timing import read_timing

    lang = table.language
    title = t("followup.sheet", lang)
    sheet = workbook.create_sheet(excel.safe_sheet_name(title, workbook.sheetnames))
    hint = excel.put(sheet, 1, 1, t("followup.sheet_hint", lang, plan_sheet=t("plan.plan_sheet", lang)))
    hint.font = excel.font(italic=True, color="555555")
    headers = [
        t("plan.measure", lang) if key == "measure" else
        t("plan.responsible", lang) if key == "responsible" else
        t("plan.timing", lang) if key == "timing" else t(f"followup.{key}", lang)
        for key in FOLLOW_COLUMNS
    ]
    rows = []
    for row in table.rows:
        measure = row.measure
        timing = read_timing(measure.timing) if measure.timing else None
        start = timing.start if timing is not None and timing.certain else None
        end = timing.end if timing is not None and timing.certain else None
        status_date: Any = measure.status_date
        if status_date and len(status_date) == 10:
            status_date = dt.date.fromisoformat(status_date)
        rows.append([
            row.measure_id,
            measure.text,
            measure_cell("responsible", measure, "", lang) or None,
            measure.timing,
            start if start is not None else (t("followup.ongoing", lang) if timing is not None and timing.ongoing else None),
            end,
            status_label(measure.status, lang) or None,
            status_date or None,
            measure.status_note,
        ])
    last = excel.write_rows(sheet, headers, rows, start_row=2)
    reference_fill = PatternFill("solid", fgColor="F2F2F2")
    date_format = excel.DATE_FORMAT if lang == "en" else "dd.mm.yyyy"
    for row_number in range(3, last + 1):
        for column, key in enumerate(FOLLOW_COLUMNS, start=1):
            cell = sheet.cell(row=row_number, column=column)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if key in ("start", "end", "status_date"):
                cell.number_format = date_format
            if key not in ("status", "status_date", "status_note"):
                cell.fill = reference_fill  # for reading: these are changed in the plan sheet
    choices = ",".join(status_label(status, lang) for status in MeasureStatus)
    validation = DataValidation(
        type="list",
        formula1=f'"{choices}"',
        allow_blank=True,
        showDropDown=False,  # openpyxl's name is inverted: False shows the arrow
        showErrorMessage=True,
        showInputMessage=True,
        promptTitle=t("followup.status", lang),
        prompt=t("followup.status_prompt", lang),
        errorTitle=t("followup.status", lang),
        error=t("followup.status_error", lang),
    )
    status_column = get_column_letter(FOLLOW_COLUMNS.index("status") + 1)
    # the whole column below the header, so that a row added at the end gets the drop-down too
    validation.add(f"{status_column}3:{status_column}{max(last, 2) + 200}")
    sheet.add_data_validation(validation)
    excel.fit_column_widths(sheet, first_row=2, fixed={1: 7, 2: 50, 3: 28, 4: 16, 5: 12, 6: 12, 7: 14, 8: 12, 9: 40})
    excel.freeze_below(sheet, header_row=2, columns=1)
    excel.add_filter(sheet, 2)
    excel.setup_print(sheet, landscape=True, header_row=2, title=title)
