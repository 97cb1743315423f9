"""The register of efforts as a workbook for the services to check (`hkh efforts export`).

One row per effort, one column per field a cell can hold (lists written "a, b, c", yes/no as a drop-down), the
opening hours both as OpenStreetMap syntax and in words, so a service can see how hkh reads its hours. The sheet's
name and headings are hkh's own: `hkh efforts import` recognises the workbook by them and reads the corrections back
without asking for a column mapping.
"""

from __future__ import annotations

from typing import Any

from hkh.i18n import t
from hkh.project.load import Project

WIDTHS = {"id": 26, "organisation": 22, "name": 30, "kind": 16, "offers": 28, "target_groups": 22, "areas": 20,
          "address": 22, "opening_hours": 30, "hours_note": 30, "description": 50, "capacity": 14, "sources": 20}


def workbook_bytes(project: Project, language: str) -> bytes:
    from openpyxl.styles import Alignment, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    from hkh.outputs import excel
    from hkh.project.efforts_import import effort_fields, field_label
    from hkh.project.hours_seasons import describe_hours

    kinds = effort_fields()
    fields = list(kinds)
    at = fields.index("opening_hours") + 1 if "opening_hours" in fields else len(fields)
    headers = [field_label(name, language) for name in fields]
    headers.insert(at, t("efforts_sheet.hours_words", language))
    yes, no = t("efforts_sheet.yes", language), t("efforts_sheet.no", language)

    def cell(name: str, value: Any) -> Any:
        if kinds[name] == "list":
            return ", ".join(value) or None
        if kinds[name] == "bool":
            return None if value is None else (yes if value else no)
        if kinds[name] == "enum":
            return None if value is None else value.value
        if name == "capacity":
            return value.note if value is not None else None  # the numbers stay in efforts.yaml
        return value

    rows = []
    for effort in project.efforts.efforts:
        values = [cell(name, getattr(effort, name)) for name in fields]
        words = None
        if effort.opening_hours:
            words = describe_hours(effort.opening_hours, language)
            if words == effort.opening_hours:
                words = None  # not to be said in words: the hours column has it
        values.insert(at, words)
        rows.append(values)

    workbook = excel.new_workbook()
    sheet = workbook.create_sheet(excel.safe_sheet_name(t("efforts_sheet.sheet", language)))
    last = excel.write_rows(sheet, headers, rows)
    grey = PatternFill("solid", fgColor="F2F2F2")
    for row in range(2, last + 1):
        sheet.cell(row=row, column=at + 1).fill = grey  # computed from the column before it: for reading only
        sheet.cell(row=row, column=at + 1).font = excel.font(italic=True, color="555555")
    columns = [*fields[:at], "hours_words", *fields[at:]]
    widths = {index: float(WIDTHS.get(name, 14 if name != "hours_words" else 40)) for index, name in enumerate(columns, start=1)}
    bool_columns = [index for index, name in enumerate(columns, start=1) if kinds.get(name) == "bool"]
    if bool_columns:
        validation = DataValidation(type="list", formula1=f'"{yes},{no}"', allow_blank=True, showErrorMessage=True)
        for index in bool_columns:
            letter = excel_letter(index)
            validation.add(f"{letter}2:{letter}{max(last, 1) + 200}")
        sheet.add_data_validation(validation)
    excel.finish_table(sheet, header_row=1, wrap=range(1, len(columns) + 1), landscape=True, fixed_widths=widths)
    # id, organisation and name stay in view; row heights and the print width come from excel.finish_workbook
    excel.freeze_below(sheet, 1, columns=fields.index("name") + 1 if "name" in fields else 0)
    for row in range(2, last + 1):
        sheet.cell(row=row, column=1).alignment = Alignment(wrap_text=False, vertical="top")

    guide = workbook.create_sheet(excel.safe_sheet_name(t("efforts_sheet.guide_sheet", language), workbook.sheetnames))
    excel.put(guide, 1, 1, t("efforts_sheet.guide", language)).alignment = Alignment(wrap_text=True, vertical="top")
    guide.column_dimensions["A"].width = 100
    workbook.properties.title = t("efforts_sheet.sheet", language)
    workbook.properties.creator = "hkh"
    return excel.to_bytes(workbook, mapping_title=project.mapping.title)


def excel_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)
