"""The action-plan workbook: the plan table grouped by goal, the findings to follow up, and the tracing sheet."""

from __future__ import annotations

from hkh.analysis.plan import PlanTable
from hkh.i18n import t

COLUMN_WIDTHS = {"goal": 28, "measure": 60, "responsible": 32, "timing": 16, "theme": 22, "addresses": 16}


def workbook_bytes(table: PlanTable) -> bytes:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from hkh.outputs import excel

    lang = table.language
    group_fill = PatternFill("solid", fgColor="EEF3F9")
    thin = Side(style="thin", color="B4C6DC")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap_top = Alignment(wrap_text=True, vertical="top")
    title = t("plan.plan_sheet", lang)

    workbook = excel.new_workbook()
    sheet = workbook.create_sheet(excel.safe_sheet_name(title))
    excel.write_rows(sheet, table.headers, [])
    widths = {index: float(COLUMN_WIDTHS.get(column, 20)) for index, column in enumerate(table.columns, start=1)}
    group_column = table.group_column
    row_number = 2
    for group in table.groups:
        first = row_number
        for row in group.rows:
            for column_index, column in enumerate(table.columns, start=1):
                value = row.cells[column]
                if column == group_column and row_number != first:
                    value = ""  # only the top-left cell of a merged range may hold a value, or Excel "repairs" it
                cell = excel.put(sheet, row_number, column_index, value or None)
                cell.alignment = wrap_top
                cell.border = border
                if column == group_column:
                    cell.fill = group_fill
                    cell.font = Font(bold=True)
            # Excel does not grow a row to fit wrapped text that openpyxl writes; estimate the lines instead
            lines = max(
                (len(row.cells[c]) // max(int(widths[i]) - 2, 8) + 1 for i, c in enumerate(table.columns, start=1) if c != group_column),
                default=1,
            )
            sheet.row_dimensions[row_number].height = 15.0 * max(lines, 1)
            row_number += 1
        if group_column and row_number - first > 1:
            column_index = table.columns.index(group_column) + 1
            sheet.merge_cells(start_row=first, start_column=column_index, end_row=row_number - 1, end_column=column_index)
    excel.fit_column_widths(sheet, fixed=widths)
    excel.freeze_below(sheet)
    excel.setup_print(sheet, landscape=True, title=title)

    follow = workbook.create_sheet(excel.safe_sheet_name(t("plan.follow_up_sheet", lang), workbook.sheetnames))
    excel.write_rows(
        follow,
        [t(f"plan.{key}", lang) for key in ("finding", "statement", "follow_up_text")],
        [[finding_id or None, finding_title or None, text] for finding_id, finding_title, text in table.follow_up],
    )
    excel.finish_table(follow, header_row=1, wrap=(2, 3), landscape=True, fixed_widths={1: 12, 2: 40, 3: 90}, filter_rows=False)

    trace = workbook.create_sheet(excel.safe_sheet_name(t("plan.trace_sheet", lang), workbook.sheetnames))
    need_word = "need" if lang == "en" else "behov"
    excel.write_rows(
        trace,
        [t(f"plan.{key}", lang) for key in ("measure_id", "measure", "addresses", "finding", "statement")],
        [
            [
                item.measure_id,
                item.measure,
                item.target_id,
                {"finding": t("plan.finding", lang), "need": need_word}.get(item.kind, "?"),
                item.text or None,
            ]
            for item in table.trace
        ],
    )
    excel.finish_table(trace, header_row=1, wrap=(2, 5), landscape=True, fixed_widths={1: 10, 2: 60, 3: 14, 4: 10, 5: 60})
    workbook.properties.title = title
    workbook.properties.creator = "hkh"
    return excel.to_bytes(workbook)
