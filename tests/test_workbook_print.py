"""The shared print finish of every workbook (hkh.outputs.excel), on small sheets: what a printed page needs that
the LibreOffice print tests (test_print.py, slow) find only on the example."""

from __future__ import annotations

from typing import Any

from hkh.outputs import excel


def _sheet() -> tuple[Any, Any]:
    workbook = excel.new_workbook()
    return workbook, workbook.create_sheet("Ark")


def test_a_text_right_of_a_number_is_indented_and_its_column_keeps_room_for_it() -> None:
    workbook, sheet = _sheet()
    excel.write_rows(sheet, ["Timer", "Innsats", "Merknad"], [[78, "prindsen-brukerrom", "tekst"], ["78", "tekst", 5]])
    excel.fit_column_widths(sheet)
    before = excel.column_width(sheet, 2)
    excel.finish_workbook(workbook)
    assert sheet["B2"].alignment.indent == 1 and sheet["B2"].alignment.horizontal == "left"
    assert not sheet["B3"].alignment.indent  # after a text, not a number
    assert not sheet["C2"].alignment.indent
    assert excel.column_width(sheet, 2) > before  # the line that fitted still fits, indented


def test_a_merged_goal_is_not_split_by_a_page_break() -> None:
    workbook, sheet = _sheet()
    excel.write_rows(sheet, ["Delmål", "Tiltak"], [])
    row = 2
    for goal in range(4):
        first = row
        for measure in range(6):
            excel.put(sheet, row, 1, f"Mål {goal}" if row == first else None)
            excel.put(sheet, row, 2, f"Tiltak {goal}.{measure}")
            sheet.row_dimensions[row].height = 30.0
            row += 1
        sheet.merge_cells(start_row=first, start_column=1, end_row=row - 1, end_column=1)
    excel.setup_print(sheet, landscape=True)
    excel.keep_merged_rows_together(sheet)
    # a landscape page holds about 13 rows of 30 points: the third goal (rows 14-19) starts a page
    breaks = [brk.id for brk in sheet.row_breaks.brk]
    assert breaks and all((after - 1) % 6 == 0 for after in breaks), breaks


def test_a_one_line_row_with_a_top_aligned_cell_is_top_aligned_throughout() -> None:
    from openpyxl.styles import Alignment

    workbook, sheet = _sheet()
    excel.write_rows(sheet, ["Gruppe", "Svaralternativ"], [["Alle", "18–25 år"]])
    sheet["B2"].alignment = Alignment(wrap_text=True, vertical="top")
    excel.finish_workbook(workbook)
    assert sheet["A2"].alignment.vertical == "top"
