"""The action-plan workbook: the plan table grouped by goal, the findings to follow up, and the tracing sheet."""

from __future__ import annotations

from hkh.analysis.plan import PlanTable
from hkh.i18n import t

COLUMN_WIDTHS = {"number": 7, "goal": 28, "measure": 60, "responsible": 32, "timing": 16, "theme": 22, "addresses": 16}


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
                cell = sheet.cell(row=row_number, column=column_index, value=value or None)
                cell.alignment = wrap_top
                cell.border = border
                if column == group_column:
                    cell.fill = group_fill
                    cell.font = excel.font(bold=True)
            row_number += 1
        if group_column and row_number - first > 1:
            column_index = table.columns.index(group_column) + 1
            sheet.merge_cells(start_row=first, start_column=column_index, end_row=row_number - 1, end_column=column_index)
    # the row heights come from the content, measured at these widths (excel.fit_row_heights)
    excel.fit_column_widths(sheet, fixed=widths)
    excel.freeze_below(sheet)
    excel.setup_print(sheet, landscape=True, title=title)

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
