"""The gap analysis as rows of tables: the terminal and the workbook show the same figures, built once here."""

from __future__ import annotations

from typing import Any

from hkh.analysis.gaps import GapAnalysis
from hkh.i18n import t


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)


def join_ids(items: list[str]) -> str:
    return ", ".join(items)


def no_effort_rows(result: GapAnalysis) -> tuple[list[str], list[list[Any]]]:
    language = result.language
    header = [t(f"gaps.{k}", language) for k in ("finding", "need", "offer", "who", "where", "window", "window_hours", "need_text")]
    rows = [
        [n.finding, n.need, n.offer, n.who or "", n.where or "", n.when, _number(n.window_hours), n.text or ""]
        for n in result.no_effort
    ]
    return header, rows


def uncovered_rows(result: GapAnalysis) -> tuple[list[str], list[list[Any]]]:
    language = result.language
    keys = ("finding", "need", "offer", "who", "where", "window", "hours_osm", "hours_words", "uncovered_hours",
            "covered_hours", "efforts", "hours_unknown")
    rows = [
        [
            n.finding, n.need, n.offer, n.who or "", n.where or "", n.when, n.uncovered_text(), n.uncovered_words(),
            _number(n.uncovered_hours), _number(n.covered_hours), join_ids(n.efforts), join_ids(n.hours_unknown),
        ]
        for n in result.uncovered
    ]
    return [t(f"gaps.{k}", language) for k in keys], rows


def overlap_rows(result: GapAnalysis) -> tuple[list[str], list[list[Any]]]:
    language = result.language
    keys = ("offer", "where", "overlap_osm", "overlap_words", "hours_per_week", "max_efforts", "efforts")
    rows = [
        [o.offer, o.area or t("gaps.all_areas", language), o.hours_text(), o.hours_words(), _number(o.hours_per_week),
         o.max_efforts, join_ids(o.efforts)]
        for o in result.overlaps
    ]
    return [t(f"gaps.{k}", language) for k in keys], rows


def capacity_rows(result: GapAnalysis) -> tuple[list[str], list[list[Any]]]:
    language = result.language
    keys = ("effort", "effort_name", "organisation", "capacity", "finding", "need", "offer", "sole_hours")
    rows: list[list[Any]] = []
    for item in result.capacity:
        first = [item.effort, item.name, item.organisation, item.capacity or ""]
        if not item.needs:
            rows.append(first + ["", "", "", ""])
        for dependent in item.needs:
            rows.append(first + [dependent.finding, dependent.need, dependent.offer, _number(dependent.sole_hours)])
    return [t(f"gaps.{k}", language) for k in keys], rows


def unaddressed_rows(result: GapAnalysis) -> tuple[list[str], list[list[Any]]]:
    language = result.language
    keys = ("kind", "id", "finding", "text", "reason", "is_gap")
    rows = [
        [t(f"gaps.kind_{u.kind}", language), u.id, u.finding or "", u.text, u.reason, t("gaps.yes", language) if u.gap else ""]
        for u in result.unaddressed
    ]
    return [t(f"gaps.{k}", language) for k in keys], rows
