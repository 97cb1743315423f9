"""`hkh gaps`: the analysis of gaps (*analyse av hull*): the needs of the findings held against the ongoing efforts.

The parts, each defined in its module:

- `gap_calendar`: the days evaluated (the week of a date, or a period) and the arithmetic of open quarter hours;
- `gap_needs`: each need against the efforts that offer what it asks for, which of them count and why not;
- `gap_parts`: overlaps (ranked by hours x efforts), capacity, plan coverage and the week map.

Computing only: `analyse_gaps` returns a `GapAnalysis`; `hkh.outputs` draws it (terminal, workbook, heatmap, report).
"""

from __future__ import annotations

from hkh.analysis.gap_calendar import HOURS_IN_DAY, Evaluation, default_evaluation
from hkh.analysis.gap_context import GapContext
from hkh.analysis.gap_model import (
    CapacityGap,
    DependentNeed,
    GapAnalysis,
    NeedChange,
    NeedCoverage,
    NotCounted,
    Overlap,
    Unaddressed,
    WeekRow,
)
from hkh.analysis.gap_needs import need_coverage
from hkh.analysis.gap_parts import capacity, overlaps, unaddressed, week_rows
from hkh.project.load import Project

__all__ = [
    "HOURS_IN_DAY",
    "CapacityGap",
    "DependentNeed",
    "Evaluation",
    "GapAnalysis",
    "NeedChange",
    "NeedCoverage",
    "NotCounted",
    "Overlap",
    "Unaddressed",
    "WeekRow",
    "analyse_gaps",
]


def analyse_gaps(project: Project, language: str | None = None, evaluation: Evaluation | None = None) -> GapAnalysis:
    """The needs of every finding against the efforts, the overlaps, capacity and plan coverage, on the days of
    `evaluation` (by default the week of the mapping period's end)."""
    language = language or project.language
    evaluation = evaluation or default_evaluation(project.mapping)
    context = GapContext(project, evaluation, language)
    needs = need_coverage(context)
    capacity_gaps = capacity(context, needs)
    found_overlaps = overlaps(context)
    week = week_rows(context)
    counted = [effort for effort in context.efforts if context.counts(effort)]
    return GapAnalysis(
        needs=needs,
        overlaps=found_overlaps,
        capacity=capacity_gaps,
        unaddressed=unaddressed(context, needs, capacity_gaps),
        hours_unknown=[effort.id for effort in counted if context.effort_masks(effort) is None],
        week=week,
        language=language,
        evaluation=evaluation,
        effort_names={effort.id: effort.name for effort in project.efforts.efforts},
        warnings=context.warnings,
    )
