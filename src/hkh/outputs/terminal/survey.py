"""`hkh survey` in the terminal: one line per question (its base and its headline share), or one full table per
question (`--all`, `--question NAME`), and the figures that findings cite.

A survey of 150 questions printed in full is thousands of lines that nobody reads in a terminal; the workbook holds
every table. So the default is a summary that fits a screen or two: each question's base, its most common answer
and that answer's share in words, one line each (long texts cut, never wrapped).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hkh.i18n import t
from hkh.i18n.formats import format_number, format_percent
from hkh.outputs.terminal.common import escape, plain
from hkh.survey.evidence import CitedFigure
from hkh.survey.publication import GROUP_FACTOR, SECONDARY, SMALL
from hkh.survey.tables import (
    QuestionTable,
    SurveyTables,
    base_text,
    mark_notes,
    mark_text,
    shown_count_text,
    shown_percent_text,
    summary_rows,
)

if TYPE_CHECKING:  # pragma: no cover - typing only
    from rich.console import RenderableType
    from rich.text import Text


def render_cited_figures(cited: list[CitedFigure], language: str) -> RenderableType | None:
    from rich.table import Table

    if not cited:
        return None
    marks = {item.figure.suppressed for item in cited if item.figure is not None} - {None}
    min_cell = next((item.figure.min_cell for item in cited if item.figure is not None), 0)
    notes = "; ".join(mark_notes(marks, min_cell, language))
    table = Table(title=t("survey.cited_title", language), title_justify="left", caption=escape(notes) or None,
                  caption_justify="left")
    for key in ("finding", "question", "option", "figure", "says"):
        table.add_column(t(f"survey.cited_{key}", language))
    for item in cited:
        if item.figure is not None:
            shown: Text | str = plain(item.figure.sentence)
            label = item.figure.label or ""
        else:
            shown = plain(item.problem or "", style="red")
            label = item.option or ""
        table.add_row(escape(item.finding), escape(item.question), escape(label), shown, escape(item.says or ""))
    return table


def headline(question: QuestionTable, min_cell: int, language: str) -> tuple[str, str, str]:
    """(the answer, its percentage, its share in words) that sums a question up on one line."""
    if question.type == "open":
        return t("survey.type_open", language), "", t("survey.not_shown", language)
    if question.type == "date":
        return t("survey.type_date", language), "", ""
    if question.type == "number":
        summary = question.summary
        if summary is None or summary.suppressed or summary.median is None:
            return t("survey.type_number", language), "", ""
        mean = "" if summary.mean is None else format_number(summary.mean, language, 1)
        return t("cli.survey_number", language, median=format_number(summary.median, language, 1), mean=mean), "", ""
    shown = [o for o in question.options if o.percent is not None and not o.suppressed and not o.non_substantive]
    if question.base_suppressed or not shown:
        # the marks the hidden counts show in the full table, so the line and the table say the same
        marks = {question.base_suppressed} if question.base_suppressed else question.marks(breakdown=False)
        shown_marks = "/".join(mark_text(mark, min_cell) for mark in (SMALL, SECONDARY) if mark in marks)
        return t("cli.survey_hidden", language, marks=shown_marks), "", ""
    top = max(shown, key=lambda option: option.count)
    return top.label, shown_percent_text(top, language), top.phrase or ""


def render_survey_summary(tables: SurveyTables) -> RenderableType:
    """One line per question: name, text, base, the most common answer, its share (cut to fit, never wrapped)."""
    from rich import box
    from rich.table import Table

    language = tables.language
    table = Table(
        title=t("cli.survey_summary", language, source=tables.source, n=len(tables.questions)),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        expand=True,  # so that the ratios below share out the width (rich ignores them otherwise)
        caption_justify="left",
    )
    # the name, n and % keep their width on a narrow terminal (rich gives ratio columns the room first and would
    # squeeze the others to nothing); the texts share what is left and are cut, never wrapped
    table.add_column(t("cli.survey_col_question", language), no_wrap=True, min_width=8, max_width=18, overflow="ellipsis")
    table.add_column(t("cli.survey_col_text", language), no_wrap=True, ratio=3, overflow="ellipsis")
    table.add_column("n", justify="right", no_wrap=True, min_width=3)
    table.add_column(t("cli.survey_col_top", language), no_wrap=True, ratio=2, overflow="ellipsis")
    table.add_column("%", justify="right", no_wrap=True, min_width=6)
    table.add_column(t("cli.survey_col_share", language), no_wrap=True, ratio=2, overflow="ellipsis")
    marks: set[str | None] = set()
    for question in tables.questions:
        marks |= question.marks(breakdown=False)
        answer, percent, phrase = headline(question, tables.min_cell, language)
        # texts and labels come from the survey: markup characters in them are shown as they are
        table.add_row(
            _plain(question.name), _plain(question.text), base_text(question, tables.min_cell), _plain(answer),
            percent, _plain(phrase),
        )
    notes = mark_notes(marks, tables.min_cell, language)
    if notes:
        table.caption = "; ".join(notes)
    return table


def _plain(text: str) -> Text:
    from rich.text import Text

    return Text(" ".join(text.split()))


def render_survey_tables(tables: SurveyTables, only: list[QuestionTable] | None = None) -> list[RenderableType]:
    """One rich table per question (open text as one line), in codebook order."""
    from rich.table import Table
    from rich.text import Text

    language = tables.language
    out: list[RenderableType] = []
    for question in tables.questions if only is None else only:
        # question texts and labels come from the survey: "[" in them must not be read as rich markup
        title = escape(f"{question.name}: {question.text}")
        base = base_text(question, tables.min_cell)
        if question.type == "open":
            out.append(Text.from_markup(f"{title} — {t('survey.open_note', language).format(n=base)}"))
            continue
        if question.type == "date":
            out.append(Text.from_markup(f"{title} — {t('survey.date_note', language).format(n=base)}"))
            continue
        if question.type == "number" and question.summary is not None:
            notes = [f"n = {base}", t("survey.number_note", language, min_cell=tables.min_cell)]
            notes += mark_notes(question.marks(), tables.min_cell, language)
            table = Table(title=title, title_justify="left", caption="; ".join(notes), caption_justify="left")
            table.add_column(t("survey.statistic", language))
            table.add_column(t("survey.value", language), justify="right")
            for label, value in summary_rows(question.summary, language):
                shown = value if isinstance(value, str) else "" if value is None else format_number(value, language, 1)
                table.add_row(label, escape(shown))
            out.append(table)
            continue
        caption = f"n = {base}"
        if question.type == "multiple":
            caption += f"; {t('survey.multiple_note', language)}"
        for note in mark_notes(question.marks(breakdown=False), tables.min_cell, language):
            caption += f"; {note}"
        table = Table(title=title, title_justify="left", caption=caption, caption_justify="left")
        table.add_column(t("survey.option", language))
        table.add_column(t("survey.count", language), justify="right")
        table.add_column("%", justify="right")
        table.add_column(t("survey.phrase", language))
        for option in question.options:
            phrase = option.phrase or (f"({t('survey.not_in_base', language)})" if option.non_substantive else "")
            table.add_row(
                escape(option.label), shown_count_text(option, tables.min_cell), shown_percent_text(option, language), phrase
            )
        out.append(table)
        if question.breakdown is not None:
            out.append(_render_breakdown(question, tables))
    return out


def _group_marks(question: QuestionTable) -> set[str | None]:
    found: set[str | None] = set()
    for group in question.breakdown.groups if question.breakdown is not None else []:
        found |= {group.base_suppressed} | {o.suppressed for o in group.options}
    return found - {None}


def _render_breakdown(question: QuestionTable, tables: SurveyTables) -> RenderableType:
    from rich.table import Table

    language = tables.language
    breakdown = question.breakdown
    assert breakdown is not None
    by_text = tables.by.question if tables.by else breakdown.variable
    title = escape(f"{question.name} × {by_text}")
    notes = mark_notes(_group_marks(question), tables.min_cell, language)
    if breakdown.left_out:
        groups = ", ".join(breakdown.left_out)
        notes.append(t("survey.small_groups_note", language, min_cell=GROUP_FACTOR * tables.min_cell, groups=groups))
    table = Table(title=title, title_justify="left", caption=escape("; ".join(notes)) or None, caption_justify="left")
    table.add_column(t("survey.option", language))
    for group in breakdown.groups:
        table.add_column(f"{escape(group.label)}\n(n = {base_text(group, tables.min_cell)})", justify="right")
    for position, option in enumerate(question.options):
        cells = []
        for group in breakdown.groups:
            cell = group.options[position]
            shown = shown_count_text(cell, tables.min_cell)
            if cell.percent is not None:
                shown += f" ({format_percent(cell.percent, language)})"
            cells.append(shown)
        table.add_row(escape(option.label), *cells)
    return table
