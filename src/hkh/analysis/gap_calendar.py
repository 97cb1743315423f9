"""The days a gap analysis looks at, and the arithmetic of open quarter hours over them.

The gap analysis is evaluated on real dates (`hkh.project.calendar`), so that seasons (`Jun-Aug`), dates
(`Dec 24 off`), Norwegian public holidays (`PH off`) and an effort's lifetime (`valid`) count:

- `--as-of DATE`: the week (Monday to Sunday) that contains DATE, slot by slot;
- `--period FROM..TO`: every day of the period, reported as hours per average week (the period's open hours
  divided by its number of weeks, `days / 7`);
- by default, the week of the mapping period's end (`period.end` in hkh.yaml), or else the current week.

Open hours are kept per day, as `hkh.project.calendar` gives them: one 96-bit int per day (`Masks`), so that union,
intersection and difference are `|`, `&` and `& ~`. Words and OpenStreetMap text describe one week: the evaluated
week itself, or, for a period, its typical week (a quarter hour of a weekday is in it when it is so on more than half
of that weekday's days in the period).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from hkh.core.errors import Message, UsageError
from hkh.project import calendar
from hkh.project.models import Mapping, first_day, last_day

Masks = tuple[int, ...]
Week = tuple[bool, ...]
HOURS_IN_DAY = 24
# A period is at least a week (every weekday needs a day to average over) and at most a few years.
LONGEST_PERIOD_DAYS = 3 * 366


@dataclass(frozen=True)
class Evaluation:
    """The days evaluated: one week (`as_of` set) or a period (every day from `first` to `last`)."""

    first: dt.date
    last: dt.date
    as_of: dt.date | None = None

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def weeks(self) -> float:
        return self.days / 7

    @property
    def is_week(self) -> bool:
        return self.as_of is not None

    def dates(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=n) for n in range(self.days)]

    def to_json(self) -> dict[str, Any]:
        days = {"from": self.first.isoformat(), "to": self.last.isoformat(), "count": self.days}
        if self.as_of is not None:
            return {"as_of": self.as_of.isoformat(), "days": days}
        return {"period": {"from": self.first.isoformat(), "to": self.last.isoformat()}, "days": days}


def week_evaluation(day: dt.date) -> Evaluation:
    monday, sunday = calendar.week_of(day)
    return Evaluation(monday, sunday, as_of=day)


def period_evaluation(first: dt.date, last: dt.date) -> Evaluation:
    if last < first:
        raise UsageError("period-reversed", start=first.isoformat(), end=last.isoformat())
    days = (last - first).days + 1
    if days < 7:
        raise UsageError("period-too-short", days=days)
    if days > LONGEST_PERIOD_DAYS:
        raise UsageError("period-too-long", days=days)
    return Evaluation(first, last)


def default_day(mapping: Mapping, today: dt.date | None = None) -> dt.date:
    """The mapping period's last day (`2020-06` is 30 June 2020), or today when hkh.yaml gives no end."""
    if mapping.period is not None and mapping.period.end:
        return last_day(mapping.period.end)
    return today or dt.date.today()


def default_evaluation(mapping: Mapping, today: dt.date | None = None) -> Evaluation:
    return week_evaluation(default_day(mapping, today))


def _date(text: str, *, end: bool, option: str) -> dt.date:
    text = text.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        if len(text) in (4, 7):
            return last_day(text) if end else first_day(text)
    except ValueError:
        pass
    raise UsageError("option-not-a-date", option=option, text=text)


def parse_as_of(text: str) -> Evaluation:
    text = text.strip()
    if len(text) != 10:
        raise UsageError("as-of-not-a-date", text=text)
    return week_evaluation(_date(text, end=False, option="--as-of"))


def parse_period(text: str) -> Evaluation:
    """`2020-01-01..2020-06-30`; a month or a year means its first day at the start and its last day at the end."""
    first, separator, last = text.partition("..")
    if not separator or not first.strip() or not last.strip():
        raise UsageError("period-unreadable", text=text)
    return period_evaluation(_date(first, end=False, option="--period"), _date(last, end=True, option="--period"))


# ------------------------------------------------------------------------------------------- open quarter hours


def no_masks(evaluation: Evaluation) -> Masks:
    return (0,) * evaluation.days


def open_masks(
    text: str, evaluation: Evaluation, begins: dt.date | None = None, ends: dt.date | None = None
) -> tuple[Masks, tuple[Message, ...]]:
    """The open slots of each evaluated day, within the lifetime `begins`..`ends`; and the calendar's warnings."""
    slots = calendar.slots_for_days(text, evaluation.first, evaluation.last, valid_from=begins, valid_until=ends)
    return slots.masks, slots.warnings


def union(evaluation: Evaluation, masks: Iterable[Masks]) -> Masks:
    result = list(no_masks(evaluation))
    for own in masks:
        for index, mask in enumerate(own):
            result[index] |= mask
    return tuple(result)


def intersect(first: Masks, second: Masks) -> Masks:
    return tuple(a & b for a, b in zip(first, second, strict=True))


def minus(first: Masks, second: Masks) -> Masks:
    return tuple(a & ~b for a, b in zip(first, second, strict=True))


def at_least_two(evaluation: Evaluation, masks: Sequence[Masks]) -> Masks:
    """The slots where two or more of `masks` are open."""
    result = list(no_masks(evaluation))
    for day in range(evaluation.days):
        seen = twice = 0
        for own in masks:
            twice |= seen & own[day]
            seen |= own[day]
        result[day] = twice
    return tuple(result)


def slot_count(masks: Masks) -> int:
    return sum(mask.bit_count() for mask in masks)


def weekly_hours(masks: Masks, evaluation: Evaluation) -> float:
    """Open hours per week: exact for a week, per average week for a period (rounded to the minute)."""
    hours = slot_count(masks) / calendar.SLOTS_PER_HOUR / evaluation.weeks
    return round(hours, 2)


def typical_week(masks: Masks, evaluation: Evaluation) -> Week:
    """The week that words describe: the evaluated week itself, or the period's typical week (each quarter hour of a
    weekday open on more than half of that weekday's days)."""
    days = calendar.DaySlots(evaluation.first, masks)
    if evaluation.is_week:
        return days.week(evaluation.first)
    return tuple(share > 0.5 for share in calendar.average_week(days))


def hour_counts(masks: Sequence[Masks], evaluation: Evaluation) -> list[list[float]]:
    """How many of `masks` are open at some time in each hour, per weekday (Monday first): the count itself for a
    week, the mean over the weekday's days for a period (two decimals)."""
    totals = [[0] * HOURS_IN_DAY for _ in range(7)]
    days_of = [0] * 7
    hour_mask = (1 << calendar.SLOTS_PER_HOUR) - 1
    for index, day in enumerate(evaluation.dates()):
        weekday = day.weekday()
        days_of[weekday] += 1
        row = totals[weekday]
        for own in masks:
            mask = own[index]
            if not mask:
                continue
            for hour in range(HOURS_IN_DAY):
                if mask >> (hour * calendar.SLOTS_PER_HOUR) & hour_mask:
                    row[hour] += 1
    if evaluation.is_week:
        return [[count for count in row] for row in totals]
    return [[round(count / days_of[weekday], 2) for count in totals[weekday]] for weekday in range(7)]
