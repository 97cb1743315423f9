"""`hkh gaps` in the terminal: each part of the analysis as a table, fewer columns on narrow terminals."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hkh.analysis.gaps import GapAnalysis
from hkh.i18n import render, t
from hkh.outputs.gap_tables import (
    capacity_rows,
    changes_text,
    evaluation_words,
    join_ids,
    no_effort_rows,
    overlap_rows,
    unaddressed_rows,
    uncovered_rows,
)
from hkh.outputs.terminal.common import ByWidth, escape, plain

if TYPE_CHECKING:  # pragma: no cover - typing only
    from rich.console import RenderableType

# Terminals narrower than this get the tables with fewer columns (the workbook always has them all).
WIDE_TERMINAL = 140


def render_gaps(result: GapAnalysis) -> RenderableType:
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    language = result.language

    def table(title: str, header: list[str], rows: list[list[Any]], shown: list[int]) -> Any:
        rendered = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
        for index in shown:
            rendered.add_column(escape(header[index]), overflow="fold")
        if not rows:
            rendered.add_row(t("gaps.none_found", language), *[""] * (len(shown) - 1))
        for row in rows:
            rendered.add_row(*["" if row[i] is None else escape(row[i]) for i in shown])
        return rendered

    def part(key: str, table_rows: tuple[list[str], list[list[Any]]], wide: list[int], narrow: list[int]) -> Any:
        header, rows = table_rows
        title = t(f"gaps.{key}", language)
        return ByWidth(table(title, header, rows, wide), table(title, header, rows, narrow), WIDE_TERMINAL)

    evaluated = t("coverage.evaluated", language, days=evaluation_words(result.evaluation, language))
    parts: list[Any] = [Text(t("gaps.title", language), style="bold"), plain(evaluated), plain(result.summary_text())]
    parts.append(part("no_effort_sheet", no_effort_rows(result), [0, 1, 2, 3, 4, 5, 8, 9], [1, 2, 8, 9]))
    parts.append(part("uncovered_sheet", uncovered_rows(result), [0, 1, 2, 6, 7, 8, 10, 12], [1, 7, 8, 10]))
    changed = [need for need in result.needs if need.changes]
    if changed:
        parts.append(plain(t("coverage.changes", language), style="bold"))
        parts.extend(plain(f"  {need.need}: {changes_text(need, result.effort_names)}") for need in changed)
    parts.append(part("overlaps_sheet", overlap_rows(result), [0, 1, 3, 4, 7, 6, 8], [0, 1, 3, 4, 6]))
    parts.append(part("capacity_sheet", capacity_rows(result), [0, 1, 3, 5, 7], [0, 5, 7]))
    parts.append(part("unaddressed_sheet", unaddressed_rows(result), [0, 1, 3, 5], [0, 1, 5]))
    if result.hours_unknown:
        parts.append(plain(t("gaps.unknown_hours_note", language).format(efforts=join_ids(result.hours_unknown)), style="yellow"))
    for warning in result.warnings:
        parts.append(plain(t("coverage.calendar_note", language, note=render(warning, language)), style="yellow"))
    return Group(*parts)
