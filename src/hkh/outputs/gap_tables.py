"""The gap analysis as rows of tables: the terminal and the workbook show the same figures, built once here."""

from __future__ import annotations

from typing import Any

from hkh.analysis.gaps import Evaluation, GapAnalysis, NeedChange, NeedCoverage
from hkh.i18n import t
from hkh.i18n.formats import format_date, format_hours


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)


def _optional(value: float | None) -> float | int | str:
    return "" if value is None else _number(value)


def join_ids(items: list[str]) -> str:
    return ", ".join(items)


def evaluation_words(evaluation: Evaluation, language: str) -> str:
    """"uka fra mandag 29. juni 2020 til søndag 5. juli 2020", or "en gjennomsnittlig uke i perioden …"."""
    first = format_date(evaluation.first.isoformat(), language)
    last = format_date(evaluation.last.isoformat(), language)
    key = "coverage.evaluated_week" if evaluation.is_week else "coverage.evaluated_period"
    return t(key, language, first=first, last=last)


def need_details(need: NeedCoverage) -> list[str]:
    """What narrows a need, for its label: group, area, ages, and who must meet it ("politiet")."""
    from hkh.analysis.gap_needs import age_words, by_words

    details = [part for part in (need.who, need.where) if part]
    if need.age is not None:
        details.append(age_words(need.age, need.language))
    if need.by:
        details.append(t("coverage.to_be_met_by", need.language, by=by_words(need.by, need.language)))
    return details


def not_counted_text(need: NeedCoverage, names: dict[str, str] | None = None) -> str:
    """Why efforts that offer what the need asks for are not counted, a sentence per reason: the team's reason for
    each unsuitable effort ("LAR: Bare metadon og buprenorfin."), and hkh's with the efforts it concerns, apart by
    semicolons since names hold commas ("Uteseksjonen; Trivselsvektere: behovet skal møtes av politiet. ÅRM:
    planlagt fra juni 2020 (ville dekket 89 t/uke).")."""
    language = need.language
    grouped: dict[str, list[str]] = {}
    for item in need.not_counted:
        reason = item.reason.strip().rstrip(".")
        if item.why in ("planned", "ended", "not_started") and item.hours_per_week:
            reason += f" ({t('coverage.would_cover', language, hours=format_hours(item.hours_per_week, language))})"
        key = f"{item.effort}\0{reason}" if item.why == "unsuitable" else reason
        grouped.setdefault(key, []).append((names or {}).get(item.effort, item.effort))
    return " ".join(f"{'; '.join(efforts)}: {key.split(chr(0))[-1]}." for key, efforts in grouped.items())


def change_text(change: NeedChange, language: str, names: dict[str, str] | None = None) -> str:
    """"31. august 2020: Trivselsvektere slutter (siste dag)"."""
    if change.effort is None:
        what = t("coverage.the_window", language)
    else:
        what = (names or {}).get(change.effort, change.effort) + (f" ({change.schedule})" if change.schedule else "")
    sentence = t(f"coverage.change_{change.kind}", language, what=what, holiday=change.holiday or "")
    return f"{format_date(change.day.isoformat(), language)}: {sentence[:1].upper()}{sentence[1:]}"


def changes_text(need: NeedCoverage, names: dict[str, str] | None = None) -> str:
    return "; ".join(change_text(change, need.language, names) for change in need.changes)


def no_effort_rows(result: GapAnalysis) -> tuple[list[str], list[list[Any]]]:
    language = result.language
    header = [t(f"gaps.{k}", language) for k in ("finding", "need", "offer", "who", "where", "window", "window_hours", "need_text")]
    header += [t("gaps.status", language), t("coverage.not_counted", language)]
    rows = [
        [n.finding, n.need, n.offer, n.who or "", n.where or "", n.when, _number(n.window_hours), n.text or "",
         t(f"gaps.status_{n.status}", language), not_counted_text(n)]
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
            not_counted_text(n), changes_text(n),
        ]
        for n in result.uncovered
    ]
    header = [t(f"gaps.{k}", language) for k in keys] + [t("coverage.not_counted", language), t("coverage.changes", language)]
    return header, rows


def overlap_rows(result: GapAnalysis) -> tuple[list[str], list[list[Any]]]:
    language = result.language
    keys = ("offer", "where", "overlap_osm", "overlap_words", "hours_per_week", "max_efforts", "efforts")
    rows = [
        [o.offer, o.area or t("gaps.all_areas", language), o.hours_text(), o.hours_words(), _number(o.hours_per_week),
         o.max_efforts, join_ids(o.efforts), _number(o.effort_hours), join_ids(o.low_threshold)]
        for o in result.overlaps
    ]
    header = [t(f"gaps.{k}", language) for k in keys]
    return header + [t("coverage.effort_hours", language), t("coverage.low_threshold", language)], rows


def capacity_rows(result: GapAnalysis) -> tuple[list[str], list[list[Any]]]:
    language = result.language
    keys = ("effort", "effort_name", "organisation", "capacity", "finding", "need", "offer", "sole_hours")
    rows: list[list[Any]] = []
    for item in result.capacity:
        first = [item.effort, item.name, item.organisation, item.capacity or ""]
        numbers = [_optional(item.places), _optional(item.visits_per_day), _optional(item.turned_away_per_week)]
        if not item.needs:
            rows.append(first + ["", "", "", ""] + numbers)
        for dependent in item.needs:
            rows.append(first + [dependent.finding, dependent.need, dependent.offer, _number(dependent.sole_hours)] + numbers)
    header = [t(f"gaps.{k}", language) for k in keys]
    return header + [t(f"coverage.{k}", language) for k in ("places", "visits_per_day", "turned_away")], rows


def unaddressed_rows(result: GapAnalysis) -> tuple[list[str], list[list[Any]]]:
    language = result.language
    keys = ("kind", "id", "finding", "text", "reason", "is_gap")
    rows = [
        [t(f"gaps.kind_{u.kind}", language), u.id, u.finding or "", u.text, u.reason, t("gaps.yes", language) if u.gap else ""]
        for u in result.unaddressed
    ]
    return [t(f"gaps.{k}", language) for k in keys], rows
