"""The triangulation workbook: the matrix coloured by strength, every piece of evidence, and the warnings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hkh.analysis.triangulation import Triangulation
from hkh.i18n import t
from hkh.outputs.terminal.triangulation import strength_text
from hkh.project.models import Method, Stance

if TYPE_CHECKING:  # pragma: no cover - typing only
    from openpyxl.workbook.workbook import Workbook

# Fill colours (Excel ARGB without alpha) and rich styles per strength; disputed overrides the colour.
STRENGTH_FILL = {"robust": "C6EFCE", "triangulated": "FFEB9C", "single": "F8CBAD", "none": "FFC7CE"}
DISPUTED_FILL = "FF7C80"
GROUP_FILL = "EDEDED"
ID_COLUMN_WIDTH = 14.0


def group_row(sheet: Any, row: int, heading: str, width: int) -> None:
    """A bold shaded row across the table that opens a group (a mandate item, a finding)."""
    from openpyxl.styles import Alignment, PatternFill

    from hkh.outputs import excel


    excel.put(sheet, row, 1, heading)
    for column in range(1, width + 1):
        cell = sheet.cell(row=row, column=column)
        cell.font = excel.font(bold=True)
        cell.fill = PatternFill("solid", start_color=GROUP_FILL, end_color=GROUP_FILL)
    sheet.cell(row=row, column=1).alignment = Alignment(wrap_text=False, vertical="top")


def _matrix_sheet(sheet: Any, result: Triangulation, language: str) -> None:
    from openpyxl.styles import Alignment, PatternFill

    from hkh.outputs import excel

    methods = [m.value for m in Method]
    headers = [t("triangulation.statement", language)]
    headers += [t(f"methods.{m}", language) for m in methods]
    headers += [t("triangulation.method_count", language), t("triangulation.strength", language), t("triangulation.disputed_column", language)]
    headers += [t("layout.finding_id", language)]  # the id last: people read the statement, the team's files the id
    for column, name in enumerate(headers, start=1):
        excel.put(sheet, 1, column, name)
    excel.style_header(sheet, 1, last_column=len(headers))
    for column in range(2, 2 + len(methods)):
        # the methods' names written upwards over narrow columns of marks, as the report's matrix has them
        sheet.cell(row=1, column=column).alignment = Alignment(text_rotation=90, vertical="bottom", horizontal="center")
    width = len(headers)
    strength_column, disputed_column = width - 2, width - 1
    row = 2
    for group, members in result.mandate_groups:
        heading = f"{group.id}: {group.text}" if group.id and group.id != group.text else group.text
        group_row(sheet, row, heading, width)
        row += 1
        for item in members:
            statement = f"{item.title}: {item.statement}" if item.title else item.statement
            values: list[Any] = [statement, *[item.cell(m) for m in methods]]
            values += [item.supporting_methods, strength_text(item, language), t("strength.disputed", language) if item.disputed else "", item.id]
            for column, value in enumerate(values, start=1):
                cell = excel.put(sheet, row, column, value)
                centred = 1 < column <= 1 + len(methods)
                cell.alignment = Alignment(
                    vertical="top", wrap_text=column in (1, width), horizontal="center" if centred else None
                )
                if isinstance(value, str) and "✖" in value:
                    cell.font = excel.font(color="C00000")
            strength_cell = sheet.cell(row=row, column=strength_column)
            strength_cell.fill = PatternFill("solid", start_color=STRENGTH_FILL[item.strength], end_color=STRENGTH_FILL[item.strength])
            if item.disputed:
                disputed_cell = sheet.cell(row=row, column=disputed_column)
                disputed_cell.fill = PatternFill("solid", start_color=DISPUTED_FILL, end_color=DISPUTED_FILL)
                disputed_cell.font = excel.font(bold=True)
            row += 1
    legend = t("triangulation.legend", language).format(triangulated=result.triangulated, robust=result.robust)
    excel.put(sheet, row + 1, 1, legend).font = excel.font(italic=True, color="595959")
    # the statements get the room: marks ("✔ 2") need five characters, an id wraps at its hyphens. (With the ids and
    # marks at their natural widths the statements were narrowed to 26 characters to fit the page, and the matrix
    # of 26 findings printed on 29 pages.)
    excel.fit_column_widths(
        sheet, fixed={1: 60, **{2 + index: 5.0 for index in range(len(methods))}, width: ID_COLUMN_WIDTH}
    )
    excel.freeze_below(sheet, 1, columns=1)
    excel.setup_print(sheet, landscape=True, title=t("triangulation.title", language))


def _evidence_sheet(sheet: Any, result: Triangulation, language: str) -> None:
    from openpyxl.styles import Alignment

    from hkh.outputs import excel

    headers = [
        t("triangulation.source_title", language), t("triangulation.method", language),
        t("triangulation.date", language), t("triangulation.stance", language), t("triangulation.says", language), t("triangulation.quote", language),
        t("triangulation.question", language), t("triangulation.figure", language),
        t("layout.finding_id", language), t("triangulation.source", language),
    ]
    for column, name in enumerate(headers, start=1):
        excel.put(sheet, 1, column, name)
    excel.style_header(sheet, 1, last_column=len(headers))
    row = 2
    for item in result.findings:
        group_row(sheet, row, item.title or item.statement, len(headers))
        excel.put(sheet, row, len(headers) - 1, item.id)
        row += 1
        if not item.evidence:
            excel.put(sheet, row, 5, t("triangulation.no_evidence_row", language)).font = excel.font(italic=True)
            excel.put(sheet, row, len(headers) - 1, item.id)
            row += 1
        for evidence in item.evidence:
            quote = ""
            if evidence.quote:
                quote = f"«{evidence.quote}»" + (f" ({evidence.role})" if evidence.role else "")
            question = evidence.question or ""
            if evidence.question and evidence.option is not None:
                question = f"{evidence.question} = {evidence.option}"
            values = [
                evidence.source_title or t("triangulation.unknown_source", language),
                t(f"methods.{evidence.method}", language) if evidence.method else t("triangulation.unknown_source", language),
                evidence.date or "",
                t(f"triangulation.{evidence.stance}", language),
                evidence.says or "",
                quote,
                question,
                evidence.figure or "",
                item.id,
                evidence.source,
            ]
            for column, value in enumerate(values, start=1):
                cell = excel.put(sheet, row, column, value)
                cell.alignment = Alignment(vertical="top", wrap_text=column in (1, 5, 6, 7, 8))
            if evidence.stance == Stance.contradicts.value:
                sheet.cell(row=row, column=4).font = excel.font(bold=True, color="C00000")
            row += 1
    excel.fit_column_widths(sheet, fixed={1: 30, 2: 18, 3: 11, 5: 50, 6: 40, 7: 18, 8: 22})
    excel.freeze_below(sheet, 1, columns=1)
    excel.setup_print(sheet, landscape=True, title=t("triangulation.evidence_sheet", language))


def _warnings_sheet(sheet: Any, result: Triangulation, language: str) -> None:
    from hkh.outputs import excel

    rows = [[t(f"triangulation.w_{w.code}", language), w.concerns, w.message] for w in result.warnings]
    if not rows:
        rows = [["", "", t("triangulation.no_warnings", language)]]
    excel.write_rows(sheet, [t("triangulation.kind", language), t("triangulation.concerns", language), t("triangulation.warning", language)], rows)
    excel.finish_table(sheet, header_row=1, wrap=(2, 3), fixed_widths={1: 24, 2: 24, 3: 90}, title=t("triangulation.warnings_sheet", language))


def build_workbook(result: Triangulation, language: str | None = None) -> Workbook:
    from hkh.outputs import excel

    language = language or result.language
    workbook = excel.new_workbook()
    _matrix_sheet(workbook.create_sheet(t("triangulation.matrix_sheet", language)), result, language)
    _evidence_sheet(workbook.create_sheet(t("triangulation.evidence_sheet", language)), result, language)
    _warnings_sheet(workbook.create_sheet(t("triangulation.warnings_sheet", language)), result, language)
    return workbook


def workbook_bytes(result: Triangulation, language: str | None = None, mapping_title: str | None = None) -> bytes:
    from hkh.outputs import excel

    return excel.to_bytes(build_workbook(result, language), mapping_title=mapping_title)
