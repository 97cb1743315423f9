"""The results of the gap analysis, as typed values that the outputs draw (terminal, workbook, heatmap, report)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from hkh.analysis.gap_calendar import HOURS_IN_DAY, Evaluation, Masks, Week, minus, typical_week, weekly_hours
from hkh.core.errors import Message
from hkh.i18n import render, t
from hkh.project import hours
from hkh.project.models import AgeRange
from hkh.project.vocabulary import term_key

# Bands of the day for summaries; the night band starts at 23:00, when the report finds the scene least safe.
HOUR_BANDS = ((23, 7), (7, 11), (11, 15), (15, 19), (19, 23))

@dataclass(frozen=True)
class NotCounted:
    """An effort that offers the need's tag (for its group and area) but is not counted, and why."""

    effort: str
    # why, looked for in this order: unsuitable, provider, age, planned, ended, not_started
    why: str
    reason: str  # in words: the team's own reason for `unsuitable`, hkh's for the others
    date: dt.date | None = None  # when a planned effort starts, an ended one ended, a later one starts
    hours_per_week: float | None = None  # what it would cover of the need's window (None: hours unknown)

    def to_json(self) -> dict[str, Any]:
        return {
            "effort": self.effort,
            "why": self.why,
            "reason": self.reason,
            "date": self.date.isoformat() if self.date else None,
            "would_cover_hours_per_week": self.hours_per_week,
        }


@dataclass(frozen=True)
class NeedChange:
    """A date on which an effort counted for the need, or the need's own window, changes its hours."""

    day: dt.date
    effort: str | None  # None: the need's window
    schedule: str | None
    kind: str  # starts, ends, season, date, holiday (see hkh.project.calendar.Change)
    holiday: str | None  # the holiday's name in the analysis' language

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "effort": self.effort,
            "schedule": self.schedule,
            "kind": self.kind,
            "holiday": self.holiday,
        }


@dataclass(frozen=True)
class NeedCoverage:
    """One need of one finding against the efforts that answer it, on the days evaluated."""

    finding: str
    need: str
    offer: str
    who: str | None
    where: str | None
    age: AgeRange | None
    by: list[str]
    text: str | None
    when: str
    evaluation: Evaluation
    window_masks: Masks
    covered_masks: Masks
    efforts: list[str]
    hours_unknown: list[str]
    not_counted: list[NotCounted]
    changes: list[NeedChange]
    language: str

    @cached_property
    def window(self) -> Week:
        return typical_week(self.window_masks, self.evaluation)

    @cached_property
    def covered(self) -> Week:
        return typical_week(self.covered_masks, self.evaluation)

    @cached_property
    def uncovered(self) -> Week:
        return typical_week(minus(self.window_masks, self.covered_masks), self.evaluation)

    @property
    def has_effort(self) -> bool:
        return bool(self.efforts or self.hours_unknown)

    @cached_property
    def window_hours(self) -> float:
        return weekly_hours(self.window_masks, self.evaluation)

    @cached_property
    def covered_hours(self) -> float:
        return weekly_hours(self.covered_masks, self.evaluation)

    @cached_property
    def uncovered_hours(self) -> float:
        return weekly_hours(minus(self.window_masks, self.covered_masks), self.evaluation)

    @property
    def share_covered(self) -> float | None:
        return self.covered_hours / self.window_hours if self.window_hours else None

    @property
    def status(self) -> str:
        """no_effort (nothing offers it), not_met (something offers it, none of it counts), not_covered (counted
        efforts, no hour covered), uncovered (partly covered) or covered."""
        if not self.has_effort:
            return "not_met" if self.not_counted else "no_effort"
        if self.uncovered_hours == 0:
            return "covered"
        return "not_covered" if self.covered_hours == 0 else "uncovered"

    def uncovered_text(self) -> str:
        return hours.slots_to_opening_hours(self.uncovered)

    def uncovered_words(self) -> str:
        return hours.describe_slots(self.uncovered, self.language, window=self.window)

    def covered_text(self) -> str:
        return hours.slots_to_opening_hours(self.covered)

    def _need_json(self) -> dict[str, Any]:
        return {
            "finding": self.finding,
            "need": self.need,
            "offer": self.offer,
            "who": self.who,
            "where": self.where,
            "window": self.when,
            "age": self.age.text() if self.age else None,
            "by": list(self.by),
        }

    def _more_json(self) -> dict[str, Any]:
        return {
            "not_counted": [item.to_json() for item in self.not_counted],
            "changes": [change.to_json() for change in self.changes],
        }

    def uncovered_json(self) -> dict[str, Any]:
        return {
            **self._need_json(),
            "hours": self.uncovered_text(),
            "hours_text": self.uncovered_words(),
            "hours_per_week": self.uncovered_hours,
            "covered": self.covered_text(),
            "covered_hours_per_week": self.covered_hours,
            "window_hours_per_week": self.window_hours,
            "efforts": list(self.efforts),
            "hours_unknown": list(self.hours_unknown),
            **self._more_json(),
        }

    def no_effort_json(self) -> dict[str, Any]:
        return {
            **self._need_json(),
            "status": self.status,
            "window_hours_per_week": self.window_hours,
            "text": self.text,
            **self._more_json(),
        }

    def coverage_json(self) -> dict[str, Any]:
        return {
            "finding": self.finding,
            "need": self.need,
            "offer": self.offer,
            "status": self.status,
            "window": self.when,
            "covered": self.covered_text(),
            "window_hours_per_week": self.window_hours,
            "covered_hours_per_week": self.covered_hours,
            "uncovered_hours_per_week": self.uncovered_hours,
            "efforts": list(self.efforts),
            "hours_unknown": list(self.hours_unknown),
            "age": self.age.text() if self.age else None,
            "by": list(self.by),
            **self._more_json(),
        }


@dataclass(frozen=True)
class Overlap:
    """Quarter hours when two or more efforts offer the same thing in the same place."""

    offer: str
    area: str | None
    slots: Week
    hours_per_week: float
    effort_hours: float  # the efforts open in the overlap, hour by hour, added up: hours x efforts
    efforts: list[str]
    low_threshold: list[str]
    max_efforts: int
    language: str

    def hours_text(self) -> str:
        return hours.slots_to_opening_hours(self.slots)

    def hours_words(self) -> str:
        return hours.describe_slots(self.slots, self.language)

    def to_json(self) -> dict[str, Any]:
        return {
            "offer": self.offer,
            "area": self.area,
            "hours": self.hours_text(),
            "hours_text": self.hours_words(),
            "hours_per_week": self.hours_per_week,
            "effort_hours_per_week": self.effort_hours,
            "max_efforts": self.max_efforts,
            "efforts": list(self.efforts),
            "low_threshold": list(self.low_threshold),
        }


@dataclass(frozen=True)
class DependentNeed:
    finding: str
    need: str
    offer: str
    sole_hours: float

    def to_json(self) -> dict[str, Any]:
        return {"finding": self.finding, "need": self.need, "offer": self.offer, "sole_hours_per_week": self.sole_hours}


@dataclass(frozen=True)
class CapacityGap:
    effort: str
    name: str
    organisation: str
    capacity: str | None  # the capacity in words (`capacity.note`, or the text older files give)
    places: int | None
    visits_per_day: float | None
    turned_away_per_week: float | None
    offers: list[str]
    needs: list[DependentNeed]

    def to_json(self) -> dict[str, Any]:
        return {
            "effort": self.effort,
            "name": self.name,
            "organisation": self.organisation,
            "capacity": self.capacity,
            "places": self.places,
            "visits_per_day": self.visits_per_day,
            "turned_away_per_week": self.turned_away_per_week,
            "offers": list(self.offers),
            "needs": [need.to_json() for need in self.needs],
        }


@dataclass(frozen=True)
class Unaddressed:
    kind: str  # finding, need or measure
    id: str
    finding: str | None
    text: str
    reason: str
    gap: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "finding": self.finding,
            "text": self.text,
            "reason": self.reason,
            "gap": self.gap,
        }


@dataclass(frozen=True)
class WeekRow:
    """Efforts open per hour: `counts[day][hour]`, Monday first (the mean over the period's days for a period)."""

    offer: str | None  # None for all efforts together
    label: str
    counts: list[list[float]]
    hours_unknown: int = 0  # efforts in this row without opening hours, which the counts cannot include

    def hour_profile(self) -> list[float]:
        """The mean number of efforts open at each hour of the day, over the seven days."""
        return [sum(day[hour] for day in self.counts) / 7 for hour in range(HOURS_IN_DAY)]

    def band_mean(self, first_hour: int, end_hour: int) -> float:
        """The mean number of efforts open over the hours from `first_hour` up to `end_hour` (23 to 7 wraps)."""
        length = (end_hour - first_hour) % HOURS_IN_DAY or HOURS_IN_DAY
        hours_in_band = [(first_hour + step) % HOURS_IN_DAY for step in range(length)]
        profile = self.hour_profile()
        return sum(profile[hour] for hour in hours_in_band) / len(hours_in_band)

    def bands(self) -> dict[str, float]:
        """Mean efforts open in each band of the day (`HOUR_BANDS`), for reports: "23-07": 2.2, ..."""
        return {f"{first:02d}-{end:02d}": round(self.band_mean(first, end), 2) for first, end in HOUR_BANDS}


@dataclass(frozen=True)
class GapAnalysis:
    needs: list[NeedCoverage]
    overlaps: list[Overlap]
    capacity: list[CapacityGap]
    unaddressed: list[Unaddressed]
    hours_unknown: list[str]
    week: list[WeekRow]
    language: str
    evaluation: Evaluation
    effort_names: dict[str, str] = field(default_factory=dict)
    warnings: list[Message] = field(default_factory=list)

    @property
    def no_effort(self) -> list[NeedCoverage]:
        """Needs that no counted effort answers: nothing offers them, or nothing that offers them meets them."""
        return [need for need in self.needs if not need.has_effort]

    @property
    def uncovered(self) -> list[NeedCoverage]:
        return [need for need in self.needs if need.has_effort and need.uncovered_hours > 0]

    def need(self, need_id: str) -> NeedCoverage:
        return next(need for need in self.needs if need.need == need_id)

    def week_row(self, offer: str | None) -> WeekRow:
        wanted = None if offer is None else term_key(offer)
        return next(
            row for row in self.week
            if (row.offer is None and wanted is None) or (row.offer is not None and term_key(row.offer) == wanted)
        )

    def counts(self) -> dict[str, int]:
        return {
            "needs": len(self.needs),
            "no_effort": len(self.no_effort),
            "uncovered": len(self.uncovered),
            "overlaps": len(self.overlaps),
            "capacity": len(self.capacity),
            "unaddressed": len(self.unaddressed),
        }

    def summary_text(self) -> str:
        return t("gaps.summary", self.language).format(**self.counts())

    def to_json(self) -> dict[str, Any]:
        return {
            **self.evaluation.to_json(),
            "uncovered": [need.uncovered_json() for need in self.uncovered],
            "no_effort": [need.no_effort_json() for need in self.no_effort],
            "overlaps": [overlap.to_json() for overlap in self.overlaps],
            "capacity": [item.to_json() for item in self.capacity],
            "unaddressed": [item.to_json() for item in self.unaddressed],
            "coverage": [need.coverage_json() for need in self.needs],
            "hours_unknown": list(self.hours_unknown),
            "week": {
                "all": self.week_row(None).counts,
                "by_offer": {row.offer: row.counts for row in self.week if row.offer is not None},
                "bands": self.week_row(None).bands(),
            },
            "warnings": [render(warning, self.language) for warning in self.warnings],
            "summary": self.counts(),
        }
