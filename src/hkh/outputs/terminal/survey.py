"""`hkh survey` in the terminal: one table per question, and the figures that findings cite."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hkh.i18n import t
from hkh.i18n.formats import format_number, format_percent
from hkh.outputs.terminal.common import escape, plain
from hkh.survey.evidence import CitedFigure
from hkh.survey.tables import QuestionTable, SurveyTables, base_text, shown_count_text, shown_percent_text

if TYPE_CHECKING:  # pragma: no cover - typing only
    from rich.console import RenderableType


def render_cited_figures(cited: list[CitedFigure], language: str) -> RenderableType | None:
    from rich.table import Table
    from rich.text import Text

    if not cited:
        return None
    table = Table(title=t("survey.cited_title", language), title_justify="left")
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


def render_survey_tables(tables: SurveyTables) -> list[RenderableType]:
    """One rich table per question (open text as one line), in codebook order."""
    from rich.table import Table
    from rich.text import Text

    language = tables.language
    out: list[RenderableType] = []
    for question in tables.questions:
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
            table = Table(title=title, title_justify="left", caption=f"n = {base}", caption_justify="left")
            table.add_column(t("survey.statistic", language))
            table.add_column(t("survey.value", language), justify="right")
            summary = question.summary
            for key, value in (
                ("mean", summary.mean), ("median", summary.median), ("min", summary.minimum), ("max", summary.maximum)
            ):
                table.add_row(t(f"survey.{key}", language), "" if value is None else format_number(value, language, 1))
            out.append(table)
            continue
        caption = f"n = {base}"
        if question.type == "multiple":
            caption += f"; {t('survey.multiple_note', language)}"
        if any(o.suppressed for o in question.options) or question.base_suppressed:
            caption += f"; {t('survey.suppressed_note', language).format(min_cell=tables.min_cell)}"
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


def _render_breakdown(question: QuestionTable, tables: SurveyTables) -> RenderableType:
    from rich.table import Table

    language = tables.language
    breakdown = question.breakdown
    assert breakdown is not None
    by_text = tables.by.question if tables.by else breakdown.variable
    title = escape(f"{question.name} × {by_text}")
    if breakdown.refused:
        return plain(f"{question.name} × {by_text}: {breakdown.refused}")
    table = Table(title=title, title_justify="left")
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
