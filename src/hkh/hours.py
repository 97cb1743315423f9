"""Opening hours in OpenStreetMap `opening_hours` syntax, on a grid of the week.

Parsing is done by opening-hours-py (the Rust `opening-hours` crate), not by hand: the syntax has enough corners
(spill-over past midnight, `;` versus `,` rules, `24/7`, `off`) that a home-made parser would get some wrong.
hkh only ever asks "is it open at this minute of a typical week", so a parsed rule set is evaluated once over a
reference week and kept as a grid of quarter-hour slots, which the gap analysis can add up and compare.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

SLOT_MINUTES = 15
SLOTS_PER_HOUR = 60 // SLOT_MINUTES
SLOTS_PER_DAY = 24 * SLOTS_PER_HOUR
SLOTS_PER_WEEK = 7 * SLOTS_PER_DAY
DAY_KEYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")

# A fixed Monday far from DST changes and public holidays, so every week evaluates alike.
_REFERENCE_MONDAY = dt.datetime(2024, 1, 8)


class HoursError(ValueError):
    """The text is not valid opening_hours syntax. The message is meant for users."""


def _parse(text: str):  # -> opening_hours.OpeningHours, imported lazily: it is small but not needed for --help
    from opening_hours import OpeningHours

    if not isinstance(text, str) or not text.strip():
        raise HoursError("opening hours are empty; write for example `Mo-Fr 09:00-14:00` or `24/7`")
    try:
        return OpeningHours(text.strip())
    except Exception as exc:  # the binding raises its own ParserError, whose text is long and technical
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "unreadable"
        raise HoursError(
            f"cannot read opening hours {text.strip()!r} ({first}); use OpenStreetMap syntax such as "
            "`Mo-Fr 09:00-14:00; Sa 10:00-13:00` or `Fr 22:00-04:00`"
        ) from None


def validate(text: str) -> str:
    """Raise HoursError when `text` cannot be parsed; return it stripped."""
    _parse(text)
    return text.strip()


@lru_cache(maxsize=512)
def week_slots(text: str) -> tuple[bool, ...]:
    """Open/closed for each quarter hour of a week, Monday 00:00 first.

    The evaluation starts on the Sunday before the reference week, so that hours spilling past Sunday midnight
    (`Su 22:00-02:00`) land on Monday morning, as they do in every real week.
    """
    parsed = _parse(text)
    start = _REFERENCE_MONDAY - dt.timedelta(days=1)
    end = _REFERENCE_MONDAY + dt.timedelta(days=7)
    slots = [False] * SLOTS_PER_WEEK
    for begin, finish, state, _comment in parsed.intervals(start, end):
        if str(state).split(".")[-1].upper() != "OPEN":
            continue
        begin = max(begin, _REFERENCE_MONDAY)
        finish = min(finish, end)
        if finish <= begin:
            continue
        first = int((begin - _REFERENCE_MONDAY).total_seconds() // (SLOT_MINUTES * 60))
        last = int(-(-(finish - _REFERENCE_MONDAY).total_seconds() // (SLOT_MINUTES * 60)))
        for slot in range(first, min(last, SLOTS_PER_WEEK)):
            slots[slot] = True
    return tuple(slots)


def is_open(text: str, weekday: int, hour: int, minute: int = 0) -> bool:
    """Open on `weekday` (0 = Monday) at hour:minute of a typical week."""
    return week_slots(text)[weekday * SLOTS_PER_DAY + hour * SLOTS_PER_HOUR + minute // SLOT_MINUTES]


def hours_per_week(slots: tuple[bool, ...] | list[bool]) -> float:
    return sum(slots) / SLOTS_PER_HOUR


def cancelled_spillover(text: str) -> list[str]:
    """Days whose past-midnight hours a later `;` rule wipes out (the trap in the design notes).

    A rule set such as `Fr 08:00-04:00; Sa 10:00-04:00` is closed at Saturday 02:30, because the Saturday rule
    replaces the whole of Saturday, spill-over included. We compare each `;`-separated rule evaluated alone with the
    whole rule set: a day whose early hours are open under its own rule but closed in the whole was cancelled.
    Returns the day keys (`Fr`, ...) whose spill-over is lost.
    """
    rules = [rule.strip() for rule in text.split(";") if rule.strip()]
    if len(rules) < 2:
        return []
    whole = week_slots(text)
    lost: list[str] = []
    for rule in rules:
        try:
            alone = week_slots(rule)
        except HoursError:
            continue
        for day in range(7):
            next_day_start = ((day + 1) % 7) * SLOTS_PER_DAY
            # only the early hours of the following day count as spill-over from `day`
            spill = range(next_day_start, next_day_start + 12 * SLOTS_PER_HOUR)
            own_day = range(day * SLOTS_PER_DAY, (day + 1) * SLOTS_PER_DAY)
            if not any(alone[s] for s in own_day):
                continue
            if not alone[(day + 1) % 7 * SLOTS_PER_DAY - 1 if day < 6 else SLOTS_PER_WEEK - 1]:
                continue  # the day's hours do not run up to midnight, so nothing spills over
            if any(alone[s] and not whole[s] for s in spill):
                lost.append(DAY_KEYS[day])
    return sorted(set(lost), key=DAY_KEYS.index)
