"""Opening hours evaluated on the real calendar: real dates, Norwegian public holidays, seasons and a service's lifetime.

`hours.week_slots` evaluates a rule set on one fixed week in January 2024. That is enough for "a typical week" but
wrong for anything tied to the calendar: `Jun-Aug Fr,Sa 20:00-02:00` is never open in January, `PH off` changes
nothing in a week without holidays, and a service that ended on 31 August cannot be placed in time at all. This module
evaluates the same OSM `opening_hours` text (with opening-hours-py) over real dates, one call per service and period.

Layout. Every day is one Python `int` used as a 96-bit set: bit `i` is the quarter hour starting `i * 15` minutes
after that day's midnight (bit 0 = 00:00-00:15, bit 95 = 23:45-24:00). Ints are compact, immutable and hashable,
and the gap arithmetic becomes `|`, `&`, `& ~` and `int.bit_count()`. `week_slots_on` unpacks one real week into the
flat tuple of 7 x 96 booleans that `hours.week_slots` returns (Monday 00:00 first), so today's gap code can use it
unchanged. Times are naive wall-clock times in Norway: every day has 96 slots, the daylight-saving nights included.

Public holidays (`PH`). opening-hours-py carries its own holiday database, used when it is given `country="NO"`.
hkh keeps its own list too (Easter by the Gregorian computus), for the holidays' names in nb/nn/en and to check the
library: for each year evaluated, the library's `PH` days are compared with ours, and a rule set that uses `PH` in a
year where they differ gets a warning (the library has Norwegian holidays for 2000-2076 in version 2.1.4; before or
after those years it silently treats `PH` as a day that never comes).

School holidays (`SH`). Neither hkh nor opening-hours-py know Norway's school holidays (they differ by county and
year). `SH` rules therefore match no day: the regular hours apply throughout the school holidays, and the result
carries a warning that says so, so that a report can tell the reader rather than pretend.

Nights and overriding rules are the library's reading, not corrected here (tests pin it, so an upgrade that changes
it shows): a `;` rule that matches a day replaces that whole day, the early hours spilling in from the evening before
included, so `PH off` on Monday 1 May also cuts Sunday's night at midnight; but it does not take away that day's own
night, so with `Fr 20:00-02:00; PH off` the early hours of the Saturday after langfredag stay open, and when two
rules spill into one morning the first rule's night is kept (`Fr 20:00-01:00; Fr 20:00-04:00` ends at 01:00).

Open, closed, unknown. Only the library's OPEN state counts as open; UNKNOWN (`Mo 10:00-12:00 unknown`) counts as
closed, as in `hours.week_slots`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Literal, NamedTuple

from hkh.core.errors import Message, say

if TYPE_CHECKING:
    from opening_hours import OpeningHours

# The same grid as hours.py (which this module must not import while the package is restructured); a test checks
# that the two agree.
SLOT_MINUTES = 15
SLOTS_PER_HOUR = 60 // SLOT_MINUTES
SLOTS_PER_DAY = 24 * SLOTS_PER_HOUR
SLOTS_PER_WEEK = 7 * SLOTS_PER_DAY
FULL_DAY = (1 << SLOTS_PER_DAY) - 1

COUNTRY = "NO"

_SLOT = dt.timedelta(minutes=SLOT_MINUTES)
_ONE_DAY = dt.timedelta(days=1)
# OSM hours may run to 48:00, so a rule of the day before yesterday can still reach into the first day of a period.
_DAYS_BEFORE = 2
# A stretch that runs past midnight is that evening's night (as `Fr 22:00-04:00` is written) only if it ends by
# noon, the same limit hours.py uses to write such stretches; a later end is a day of its own.
_NIGHT_ENDS_BY = 12 * SLOTS_PER_HOUR


class CalendarHoursError(ValueError):
    """The text is not valid opening_hours syntax, or a period is empty: `code` names the message in the word tables
    (`hours-empty`, `hours-unreadable`, `period-reversed`), `values` fill it."""

    def __init__(self, code: str, **values: object) -> None:
        super().__init__(f"{code}: {values}")
        self.code = code
        self.values = values


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The Monday and the Sunday of the week (ISO: Monday to Sunday) that contains `day`."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


# ----------------------------------------------------------------------------------------------- public holidays
#
# Lov om helligdager og helligdagsfred (the Sundays aside) and lov om 1. og 17. mai som høgtidsdagar.
# nb/nn names are written as in running text (Språkrådet: lower case, "kristi himmelfartsdag"); capitalise at the
# start of a sentence.

HOLIDAY_NAMES: dict[str, dict[str, str]] = {
    "new_years_day": {"nb": "1. nyttårsdag", "nn": "1. nyttårsdag", "en": "New Year's Day"},
    "maundy_thursday": {"nb": "skjærtorsdag", "nn": "skjærtorsdag", "en": "Maundy Thursday"},
    "good_friday": {"nb": "langfredag", "nn": "langfredag", "en": "Good Friday"},
    "easter_sunday": {"nb": "1. påskedag", "nn": "1. påskedag", "en": "Easter Sunday"},
    "easter_monday": {"nb": "2. påskedag", "nn": "2. påskedag", "en": "Easter Monday"},
    "labour_day": {"nb": "1. mai", "nn": "1. mai", "en": "Labour Day (1 May)"},
    "constitution_day": {"nb": "17. mai", "nn": "17. mai", "en": "Constitution Day (17 May)"},
    "ascension_day": {"nb": "kristi himmelfartsdag", "nn": "kristi himmelfartsdag", "en": "Ascension Day"},
    "whit_sunday": {"nb": "1. pinsedag", "nn": "1. pinsedag", "en": "Whit Sunday"},
    "whit_monday": {"nb": "2. pinsedag", "nn": "2. pinsedag", "en": "Whit Monday"},
    "christmas_day": {"nb": "1. juledag", "nn": "1. juledag", "en": "Christmas Day"},
    "boxing_day": {"nb": "2. juledag", "nn": "2. juledag", "en": "Boxing Day"},
}

# Days after Easter Sunday of the movable holidays.
_EASTER_OFFSETS = {
    "maundy_thursday": -3,
    "good_friday": -2,
    "easter_sunday": 0,
    "easter_monday": 1,
    "ascension_day": 39,
    "whit_sunday": 49,
    "whit_monday": 50,
}
_FIXED = {
    "new_years_day": (1, 1),
    "labour_day": (5, 1),
    "constitution_day": (5, 17),
    "christmas_day": (12, 25),
    "boxing_day": (12, 26),
}


class Holiday(NamedTuple):
    day: dt.date
    key: str  # a key of HOLIDAY_NAMES


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday by the Gregorian computus (the anonymous algorithm of Meeus, Jones and Butcher)."""
    golden = year % 19
    century, year_in_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    moon_correction = (century + 8) // 25
    moon_lag = (century - moon_correction + 1) // 3
    epact = (19 * golden + century - leap_centuries - moon_lag + 15) % 30
    leap_years, year_rest = divmod(year_in_century, 4)
    weekday_shift = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    correction = (golden + 11 * epact + 22 * weekday_shift) // 451
    month, day = divmod(epact + weekday_shift - 7 * correction + 114, 31)
    return dt.date(year, month, day + 1)


@lru_cache(maxsize=256)
def public_holidays(year: int) -> tuple[Holiday, ...]:
    """Norway's public holidays of `year` in date order (two can fall on one date: 1 May and Ascension in 2008)."""
    easter = easter_sunday(year)
    days = [Holiday(dt.date(year, month, day), key) for key, (month, day) in _FIXED.items()]
    days += [Holiday(easter + dt.timedelta(days=offset), key) for key, offset in _EASTER_OFFSETS.items()]
    return tuple(sorted(days))


def holidays_on(day: dt.date) -> tuple[str, ...]:
    """The keys of the public holidays on `day` (usually none or one)."""
    return tuple(holiday.key for holiday in public_holidays(day.year) if holiday.day == day)


def holiday_name(key: str, language: str) -> str:
    names = HOLIDAY_NAMES[key]
    return names.get(language, names["en"])


# -------------------------------------------------------------------------------------------- parsing, warnings

# Quoted comments may contain any words; `PH`/`SH` are looked for outside them. The keywords are case-sensitive in
# the grammar (`ph off` does not parse), so the search is too.
_COMMENT = re.compile(r'"[^"]*"')
_PUBLIC_HOLIDAY = re.compile(r"\bPH\b")
_SCHOOL_HOLIDAY = re.compile(r"\bSH\b")


@lru_cache(maxsize=1024)
def _parse(text: str) -> OpeningHours:
    from opening_hours import OpeningHours, ParserError  # type: ignore[attr-defined]  # missing from the stub

    if not isinstance(text, str) or not text.strip():
        raise CalendarHoursError("hours-empty")
    try:
        return OpeningHours(text.strip(), country=COUNTRY)
    except ParserError:  # its message points into its grammar ("--> 1:1"), which helps no user
        raise CalendarHoursError("hours-unreadable", text=text.strip()) from None


@lru_cache(maxsize=256)
def library_knows_holidays(year: int) -> bool:
    """Whether opening-hours-py's `PH` days in `year` are exactly Norway's public holidays by hkh's own list."""
    from opening_hours import State

    start = dt.datetime(year, 1, 1)
    days: set[dt.date] = set()
    for begin, end, state, _comment in _parse("PH").intervals(start, dt.datetime(year + 1, 1, 1)):
        if state == State.OPEN:
            days.update(begin.date() + dt.timedelta(days=n) for n in range((end - begin).days))
    return days == {holiday.day for holiday in public_holidays(year)}


def _warnings(text: str, first: dt.date, last: dt.date) -> tuple[Message, ...]:
    """What the calendar cannot apply, as messages (put into words in the mapping's language where shown)."""
    words = _COMMENT.sub(" ", text)
    shown = text.strip()
    found = [say("messages.calendar-library-note", text=shown, note=str(note)) for note in _parse(text).warnings]
    if _PUBLIC_HOLIDAY.search(words):
        unknown = [year for year in range(first.year, last.year + 1) if not library_knows_holidays(year)]
        if unknown:
            found.append(say("messages.calendar-ph-unknown", years=", ".join(map(str, unknown)), text=shown))
    if _SCHOOL_HOLIDAY.search(words):
        found.append(say("messages.calendar-sh-unknown", text=shown))
    return tuple(found)


# ---------------------------------------------------------------------------------------------------- day slots


@dataclass(frozen=True)
class DaySlots:
    """The open quarter hours of each day from `first` to `last`: one 96-bit int per day (bit 0 = 00:00-00:15)."""

    first: dt.date
    masks: tuple[int, ...]
    warnings: tuple[Message, ...] = ()

    @property
    def last(self) -> dt.date:
        return self.first + dt.timedelta(days=len(self.masks) - 1)

    def __len__(self) -> int:
        return len(self.masks)

    def dates(self) -> Iterator[dt.date]:
        return (self.first + dt.timedelta(days=n) for n in range(len(self.masks)))

    def _index(self, day: dt.date) -> int:
        index = (day - self.first).days
        if not 0 <= index < len(self.masks):
            raise KeyError(f"{day} is outside {self.first}..{self.last}")
        return index

    def mask(self, day: dt.date) -> int:
        return self.masks[self._index(day)]

    def day(self, day: dt.date) -> tuple[bool, ...]:
        """The 96 slots of `day`, 00:00 first."""
        return _unpack(self.mask(day))

    def is_open(self, day: dt.date, hour: int, minute: int = 0) -> bool:
        return bool(self.mask(day) >> (hour * SLOTS_PER_HOUR + minute // SLOT_MINUTES) & 1)

    def hours(self) -> float:
        """Open hours in the whole period."""
        return sum(mask.bit_count() for mask in self.masks) / SLOTS_PER_HOUR

    def hours_on(self, day: dt.date) -> float:
        return self.mask(day).bit_count() / SLOTS_PER_HOUR

    def week(self, monday: dt.date) -> tuple[bool, ...]:
        """The 7 x 96 slots of the week starting `monday`, in the layout of `hours.week_slots`."""
        if monday.weekday() != 0:
            raise ValueError(f"{monday} is not a Monday")
        start = self._index(monday)
        self._index(monday + dt.timedelta(days=6))
        return tuple(slot for mask in self.masks[start : start + 7] for slot in _unpack(mask))

    def _check_same_period(self, other: DaySlots) -> None:
        if (self.first, len(self)) != (other.first, len(other)):
            raise ValueError(f"periods differ: {self.first}..{self.last} and {other.first}..{other.last}")

    def union(self, other: DaySlots) -> DaySlots:
        self._check_same_period(other)
        masks = tuple(a | b for a, b in zip(self.masks, other.masks))
        return DaySlots(self.first, masks, _merge(self.warnings, other.warnings))

    def intersection(self, other: DaySlots) -> DaySlots:
        self._check_same_period(other)
        masks = tuple(a & b for a, b in zip(self.masks, other.masks))
        return DaySlots(self.first, masks, _merge(self.warnings, other.warnings))

    def difference(self, other: DaySlots) -> DaySlots:
        self._check_same_period(other)
        masks = tuple(a & ~b for a, b in zip(self.masks, other.masks))
        return DaySlots(self.first, masks, _merge(self.warnings, other.warnings))


def _merge(first: tuple[Message, ...], second: tuple[Message, ...]) -> tuple[Message, ...]:
    return tuple({repr(message): message for message in first + second}.values())


@lru_cache(maxsize=4096)
def _unpack(mask: int) -> tuple[bool, ...]:
    return tuple(bool(mask >> slot & 1) for slot in range(SLOTS_PER_DAY))


def _raw_masks(text: str, start: dt.date, days: int) -> list[int]:
    """The open slots of `days` days from `start`, one int per day, from one pass over the library's intervals."""
    from opening_hours import State

    origin = dt.datetime.combine(start, dt.time())
    end = origin + days * _ONE_DAY
    total = days * SLOTS_PER_DAY
    masks = [0] * days
    for begin, finish, state, _comment in _parse(text).intervals(origin, end):
        if state != State.OPEN:
            continue
        # a boundary off the quarter-hour grid widens the stretch to whole slots, as hours.week_slots does
        low = max(0, (begin - origin) // _SLOT)
        high = min(total, -((origin - finish) // _SLOT))
        while low < high:
            day, offset = divmod(low, SLOTS_PER_DAY)
            stop = min(high, (day + 1) * SLOTS_PER_DAY) - day * SLOTS_PER_DAY
            masks[day] |= ((1 << (stop - offset)) - 1) << offset
            low = day * SLOTS_PER_DAY + stop
    return masks


def _lowest_closed(mask: int) -> int:
    """The first closed slot of a day (SLOTS_PER_DAY when the whole day is open)."""
    closed = ~mask & FULL_DAY
    return (closed & -closed).bit_length() - 1 if closed else SLOTS_PER_DAY


def _night_into(masks: list[int], day: int) -> int:
    """How many early slots of `masks[day]` are the night of the day before: an open stretch that began on that day
    (the day before was not open all day) and runs past midnight to no later than noon. 0 if there is none."""
    if day < 1 or not masks[day] & 1 or not masks[day - 1] >> (SLOTS_PER_DAY - 1) & 1:
        return 0
    end = _lowest_closed(masks[day])
    if end > _NIGHT_ENDS_BY:
        return 0
    if masks[day - 1] == FULL_DAY:
        # open all the day before too: the stretch began earlier still (or before what was evaluated), so it is a
        # day-and-night opening, not that evening's night
        return 0
    return end


def _apply_validity(
    masks: list[int], start: dt.date, valid_from: dt.date | None, valid_until: dt.date | None
) -> list[int]:
    """Close the slots outside a service's lifetime.

    Validity is by service day, and a night belongs to the evening it starts: valid until 31 August keeps the night
    from Monday 31 August 20:00 to Tuesday 1 September 02:00; valid from 1 December drops the night from
    30 November into the early hours of 1 December. (A "night" is as in `_night_into`.)
    """
    result = list(masks)
    for index in range(len(masks)):
        day = start + dt.timedelta(days=index)
        if valid_from is not None:
            if day < valid_from:
                result[index] = 0
            elif day == valid_from:
                result[index] &= ~((1 << _night_into(masks, index)) - 1)
        if valid_until is not None and day > valid_until:
            keep = _night_into(masks, index) if day == valid_until + _ONE_DAY else 0
            result[index] &= (1 << keep) - 1
    return result


def _check_period(first: dt.date, last: dt.date) -> None:
    if last < first:
        raise CalendarHoursError("period-reversed", start=first, end=last)


@lru_cache(maxsize=2048)
def slots_for_days(
    text: str,
    first: dt.date,
    last: dt.date,
    *,
    valid_from: dt.date | None = None,
    valid_until: dt.date | None = None,
) -> DaySlots:
    """The open quarter hours of every day from `first` to `last` inclusive, on the real calendar.

    Months and seasons, dates, week numbers, `PH` (Norway's public holidays) and hours past midnight are honoured;
    the evaluation starts two days before `first`, so that the night before the period spills into its first day
    as it does in reality. `valid_from`/`valid_until` (a service's lifetime, both inclusive) close every slot
    outside it; see `_apply_validity` for the night that straddles an edge. Raises CalendarHoursError.
    """
    _check_period(first, last)
    start = first - _DAYS_BEFORE * _ONE_DAY
    masks = _raw_masks(text, start, (last - start).days + 1)
    if valid_from is not None or valid_until is not None:
        masks = _apply_validity(masks, start, valid_from, valid_until)
    return DaySlots(first, tuple(masks[_DAYS_BEFORE:]), _warnings(text, first, last))


def week_slots_on(
    text: str,
    monday: dt.date,
    *,
    valid_from: dt.date | None = None,
    valid_until: dt.date | None = None,
) -> tuple[bool, ...]:
    """The 7 x 96 slots of the real week starting `monday`, in the layout of `hours.week_slots` (Monday 00:00 first)."""
    if monday.weekday() != 0:
        raise ValueError(f"{monday} is not a Monday")
    sunday = monday + dt.timedelta(days=6)
    return slots_for_days(text, monday, sunday, valid_from=valid_from, valid_until=valid_until).week(monday)


# ----------------------------------------------------------------------------------------------------- averages


def average_week(day_slots: DaySlots) -> tuple[float, ...]:
    """For each of the 7 x 96 weekday slots, the share of the period's days of that weekday on which it is open.

    Each weekday is averaged over its own days in the period, so a period of 16 days that holds three Mondays and
    two Sundays divides Monday's slots by 3 and Sunday's by 2 (not everything by 16/7 weeks). Raises ValueError for
    a period shorter than a week, where some weekday has no day to average over.
    """
    if len(day_slots) < 7:
        raise ValueError(f"a period of {len(day_slots)} days leaves some weekdays without a day to average over")
    counts = [[0] * SLOTS_PER_DAY for _ in range(7)]
    days_of = [0] * 7
    for day, mask in zip(day_slots.dates(), day_slots.masks):
        weekday = day.weekday()
        days_of[weekday] += 1
        row = counts[weekday]
        while mask:
            lowest = mask & -mask
            row[lowest.bit_length() - 1] += 1
            mask ^= lowest
    return tuple(count / days_of[weekday] for weekday in range(7) for count in counts[weekday])


def hours_per_average_week(shares: Sequence[float]) -> float:
    """Hours open in an average week, from `average_week`'s shares."""
    return sum(shares) / SLOTS_PER_HOUR


# ------------------------------------------------------------------------------------------------ change dates


class ServiceHours(NamedTuple):
    """A service's opening hours and lifetime (both dates inclusive, None = open-ended)."""

    key: str
    text: str
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None


ChangeKind = Literal["starts", "ends", "season", "date", "holiday"]


@dataclass(frozen=True)
class Change:
    """A date on which a service's week differs from the week before.

    kind: "starts" (`day` is the first day of its lifetime), "ends" (`day` is its last day), "season" (from `day` on
    the weekday's hours differ from before: a month, season or week-number rule turned), "date" (this one day differs
    and the same weekday a week later is back to usual: `Dec 24 off`), "holiday" (a public holiday, `holiday` its
    key in HOLIDAY_NAMES, changes that day's hours, or the night after it).
    """

    day: dt.date
    key: str
    kind: ChangeKind
    holiday: str | None = None


# How far back to look for the usual hours of each weekday, and forward for a one-day exception: five weeks is
# enough to step over Easter, Ascension and Whitsun (one holiday per weekday in any 5-week stretch, or two).
_LOOK_WEEKS = 5
# Season changes of one service within a week are one turn of its weekly pattern (a summer night schedule starts
# on Friday, its Saturday and its Sunday early hours follow), reported once on the first day.
_SEASON_FOLD_DAYS = 7


def _service_changes(service: ServiceHours, first: dt.date, last: dt.date) -> list[Change]:
    changes: list[Change] = []
    if service.valid_from is not None and first <= service.valid_from <= last:
        changes.append(Change(service.valid_from, service.key, "starts"))
    if service.valid_until is not None and first <= service.valid_until <= last:
        changes.append(Change(service.valid_until, service.key, "ends"))
    begin = max(first, service.valid_from) if service.valid_from else first
    end = min(last, service.valid_until) if service.valid_until else last
    if end < begin:
        return changes
    # the rules' own pattern, without the lifetime: a season is a change of the text, the lifetime is reported above
    look = dt.timedelta(weeks=_LOOK_WEEKS)
    evaluated = slots_for_days(service.text, begin - look, end + look)
    masks = evaluated.masks
    origin = evaluated.first
    holiday_days = {
        holiday.day: holiday.key
        for year in range(origin.year, evaluated.last.year + 1)
        for holiday in reversed(public_holidays(year))  # reversed: a date with two holidays keeps the first
    }

    def is_holiday(index: int) -> bool:
        return origin + dt.timedelta(days=index) in holiday_days

    usual: list[int | None] = [None] * 7
    for index in range((begin - origin).days):
        if not is_holiday(index):
            usual[(origin + dt.timedelta(days=index)).weekday()] = masks[index]
    folded_until: dt.date | None = None
    for index in range((begin - origin).days, (end - origin).days + 1):
        day = origin + dt.timedelta(days=index)
        weekday = day.weekday()
        mask = masks[index]
        expected = usual[weekday]
        if expected is None:  # no earlier ordinary day of this weekday was evaluated (cannot happen: 5 weeks back)
            usual[weekday] = mask
            continue
        if mask == expected:
            continue
        if day in holiday_days:
            changes.append(Change(day, service.key, "holiday", holiday_days[day]))
            continue
        before = day - _ONE_DAY
        if before in holiday_days and (mask ^ expected) >> _NIGHT_ENDS_BY == 0:
            # only the early hours differ, after a holiday: the holiday's night (`Fr 20:00-02:00; PH off`)
            changes.append(Change(day, service.key, "holiday", holiday_days[before]))
            continue
        later = next(
            (i for i in range(index + 7, len(masks), 7) if not is_holiday(i)),
            None,
        )
        if later is not None and masks[later] == expected:
            changes.append(Change(day, service.key, "date"))
            continue
        usual[weekday] = mask
        if folded_until is None or day > folded_until:
            changes.append(Change(day, service.key, "season"))
            folded_until = day + dt.timedelta(days=_SEASON_FOLD_DAYS - 1)
    return changes


ServiceTuple = tuple[str, str, dt.date | None, dt.date | None]  # (key, text, valid_from, valid_until)


def change_dates(services: Iterable[ServiceHours | ServiceTuple], first: dt.date, last: dt.date) -> list[Change]:
    """The dates from `first` to `last` on which a service's weekly pattern changes, sorted by date and service.

    Each day is compared with the usual hours of its weekday (the latest earlier day of that weekday that was not a
    public holiday). See `Change` for the kinds. Raises CalendarHoursError for unreadable hours.
    """
    _check_period(first, last)
    changes = [change for service in services for change in _service_changes(ServiceHours(*service), first, last)]
    return sorted(changes, key=lambda change: (change.day, change.key, change.kind))
