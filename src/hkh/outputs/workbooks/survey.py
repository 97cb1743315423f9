"""The survey workbook: an index sheet linking one tidy sheet per question (counts, percentages, phrases)."""

from __future__ import annotations

from typing import Any

from hkh.i18n import t
from hkh.i18n.formats import round_half_up
from hkh.survey.tables import OptionCount, QuestionTable, SurveyTables


def workbook_bytes(tables: SurveyTables, language: str, mapping_title: str | None = None) -> bytes:
    """The survey workbook: an index sheet linking one tidy sheet per question."""
    from hkh.outputs import excel

    workbook = excel.new_workbook()
    index = workbook.create_sheet(excel.safe_sheet_name(t("survey.index_sheet", language)))
    taken = [index.title]
    sheet_of: dict[str, str] = {}
    for question in tables.questions:
        if question.type == "open":
            continue
        name = excel.safe_sheet_name(question.name, taken, fallback="Q")
        taken.append(name)
        sheet_of[question.name] = name
        _question_sheet(workbook.create_sheet(name), question, tables, language)

    header = [t(f"survey.{k}", language) for k in ("question", "text", "type", "base", "sheet")]
    excel.put(index, 1, 1, f"{t('survey.index_title', language)}: {tables.source}")
    excel.style_title(index, 1)
    excel.put(index, 2, 1, t("survey.suppressed_note", language).format(min_cell=tables.min_cell))
    header_row = 4
    rows = []
    for question in tables.questions:
        base: int | str = f"<{tables.min_cell}" if question.base_suppressed else question.base
        rows.append([question.name, question.text, t(f"survey.type_{question.type}", language), base, None])
    excel.write_rows(index, header, rows, start_row=header_row, number_formats={3: excel.INTEGER_FORMAT})
    for row, question in enumerate(tables.questions, start=header_row + 1):
        cell = index.cell(row=row, column=5)
        if question.name in sheet_of:
            excel.link_to_sheet(cell, sheet_of[question.name])
        else:
            excel.set_value(cell, t("survey.not_shown", language))
    excel.finish_table(index, header_row=header_row, wrap=[2], fixed_widths={1: 18, 2: 70}, title=tables.source)
    return excel.to_bytes(workbook, mapping_title=mapping_title)


def _question_sheet(ws: Any, question: QuestionTable, tables: SurveyTables, language: str) -> None:
    from hkh.outputs import excel

    min_cell = tables.min_cell
    excel.put(ws, 1, 1, f"{question.name}: {question.text}")
    excel.style_title(ws, 1)
    base: int | str = f"<{min_cell}" if question.base_suppressed else question.base
    excel.put(ws, 2, 1, t("survey.base", language))
    excel.put(ws, 2, 2, base)
    note = []
    if question.type == "multiple":
        note.append(t("survey.multiple_note", language))
    note.append(t("survey.suppressed_note", language).format(min_cell=min_cell))
    excel.put(ws, 3, 1, "; ".join(note))
    header_row = 5
    if question.type == "number" and question.summary is not None:
        summary = question.summary
        rows = [
            [t(f"survey.{key}", language), value]
            for key, value in (
                ("mean", summary.mean), ("median", summary.median), ("min", summary.minimum), ("max", summary.maximum)
            )
        ]
        excel.write_rows(ws, [t("survey.statistic", language), t("survey.value", language)], rows, start_row=header_row,
                         number_formats={1: "0.00"})
        excel.finish_table(ws, header_row=header_row, title=question.name, filter_rows=False)
        return
    if not question.tabulated:
        excel.finish_table(ws, header_row=2, title=question.name, filter_rows=False)
        return
    header = [t(f"survey.{k}", language) for k in ("group", "group_base", "code", "option", "count", "percent", "phrase")]

    def option_rows(group_label: str, group_base: int | str, options: list[OptionCount]) -> list[list[Any]]:
        return [
            [
                group_label,
                group_base,
                option.code,
                option.label,
                f"<{min_cell}" if option.suppressed else option.count,
                None if option.percent is None else round_half_up(option.percent / 100, 3),
                option.phrase or (t("survey.not_in_base", language) if option.non_substantive else None),
            ]
            for option in options
        ]

    rows = option_rows(t("survey.all", language), base, question.options)
    if question.breakdown is not None and not question.breakdown.refused:
        for group in question.breakdown.groups:
            group_base: int | str = f"<{min_cell}" if group.base_suppressed else group.base
            rows += option_rows(group.label, group_base, group.options)
    excel.write_rows(
        ws,
        header,
        rows,
        start_row=header_row,
        number_formats={1: excel.INTEGER_FORMAT, 4: excel.INTEGER_FORMAT, 5: excel.PERCENT_FORMAT},
    )
    if question.breakdown is not None and question.breakdown.refused:
        excel.put(ws, ws.max_row + 2, 1, question.breakdown.refused)
    excel.finish_table(ws, header_row=header_row, wrap=[4], fixed_widths={1: 18, 4: 40}, title=question.name)
