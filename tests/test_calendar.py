"""Opening hours on the real calendar: seasons, dates, week numbers, Norwegian public holidays, a service's lifetime.

The expected figures are worked out by hand from a calendar (weekdays of the dates are noted where they matter).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hkh.core.errors import Message
from hkh.i18n import render
from hkh.project import calendar, hours
from hkh.project.calendar import (
    HOLIDAY_NAMES,
    CalendarHoursError,
    Change,
    ServiceHours,
    average_week,
    change_dates,
    easter_sunday,
    holidays_on,
    hours_per_average_week,
    library_knows_holidays,
    public_holidays,
    slots_for_days,
    week_of,
    week_slots_on,
)

D = dt.date
SUMMER_NIGHTS = "Jun-Aug Fr,Sa 20:00-02:00"
WEEKDAYS_NO_PH = "Mo-Fr 09:00-15:00; PH off"


def week_hours(text: str, day: dt.date, **validity: dt.date) -> float:
    monday, sunday = week_of(day)
    return slots_for_days(text, monday, sunday, **validity).hours()


def daily_hours(text: str, first: dt.date, last: dt.date, **validity: dt.date) -> list[float]:
    slots = slots_for_days(text, first, last, **validity)
    return [slots.hours_on(day) for day in slots.dates()]


# ------------------------------------------------------------------------------------------------- basics


def test_the_grid_is_the_one_hours_py_uses() -> None:
    assert (calendar.SLOT_MINUTES, calendar.SLOTS_PER_DAY, calendar.SLOTS_PER_WEEK) == (
        hours.SLOT_MINUTES,
        hours.SLOTS_PER_DAY,
        hours.SLOTS_PER_WEEK,
    )


def test_week_of_runs_monday_to_sunday() -> None:
    assert week_of(D(2020, 5, 17)) == (D(2020, 5, 11), D(2020, 5, 17))  # a Sunday ends its week
    assert week_of(D(2020, 5, 18)) == (D(2020, 5, 18), D(2020, 5, 24))  # a Monday starts one
    assert week_of(D(2021, 1, 1)) == (D(2020, 12, 28), D(2021, 1, 3))  # across the new year


def test_slot_zero_is_the_first_quarter_after_midnight() -> None:
    slots = slots_for_days("Mo 00:00-00:15,23:45-24:00", D(2020, 3, 2), D(2020, 3, 2))
    assert slots.masks == ((1 << 0) | (1 << 95),)
    assert slots.is_open(D(2020, 3, 2), 0, 10) and slots.is_open(D(2020, 3, 2), 23, 50)
    assert not slots.is_open(D(2020, 3, 2), 0, 15)


def test_unreadable_hours_and_empty_periods_are_refused_with_a_code() -> None:
    with pytest.raises(CalendarHoursError) as unreadable:
        slots_for_days("Mon-Fri 9-15", D(2020, 1, 6), D(2020, 1, 12))
    assert (unreadable.value.code, unreadable.value.values) == ("hours-unreadable", {"text": "Mon-Fri 9-15"})
    message = render(Message(f"messages.{unreadable.value.code}", unreadable.value.values), "en")
    assert "cannot read the opening hours `Mon-Fri 9-15`" in message
    with pytest.raises(CalendarHoursError) as reversed_period:
        slots_for_days("24/7", D(2020, 1, 6), D(2020, 1, 5))
    assert reversed_period.value.code == "period-reversed"
    assert "before it starts" in render(Message("messages.period-reversed", reversed_period.value.values), "en")
    with pytest.raises(ValueError, match="not a Monday"):
        week_slots_on("24/7", D(2020, 1, 7))


# ------------------------------------------------------------------------------------------ public holidays


def test_easter_by_the_computus() -> None:
    assert easter_sunday(2019) == D(2019, 4, 21)
    assert easter_sunday(2020) == D(2020, 4, 12)
    assert easter_sunday(2021) == D(2021, 4, 4)
    assert easter_sunday(2024) == D(2024, 3, 31)
    assert easter_sunday(2025) == D(2025, 4, 20)
    assert easter_sunday(2038) == D(2038, 4, 25)  # the latest possible date
    assert easter_sunday(2285) == D(2285, 3, 22)  # the earliest possible date


def test_norwegian_public_holidays_2020() -> None:
    assert [(holiday.day, holiday.key) for holiday in public_holidays(2020)] == [
        (D(2020, 1, 1), "new_years_day"),
        (D(2020, 4, 9), "maundy_thursday"),
        (D(2020, 4, 10), "good_friday"),
        (D(2020, 4, 12), "easter_sunday"),
        (D(2020, 4, 13), "easter_monday"),
        (D(2020, 5, 1), "labour_day"),
        (D(2020, 5, 17), "constitution_day"),
        (D(2020, 5, 21), "ascension_day"),
        (D(2020, 5, 31), "whit_sunday"),
        (D(2020, 6, 1), "whit_monday"),
        (D(2020, 12, 25), "christmas_day"),
        (D(2020, 12, 26), "boxing_day"),
    ]


def test_holidays_that_share_a_date_are_both_kept() -> None:
    assert holidays_on(D(2008, 5, 1)) == ("ascension_day", "labour_day")  # Easter 23 March 2008
    assert holidays_on(D(2020, 5, 2)) == ()


def test_every_holiday_has_a_name_in_each_language() -> None:
    assert {holiday.key for holiday in public_holidays(2020)} == set(HOLIDAY_NAMES)
    for names in HOLIDAY_NAMES.values():
        assert set(names) == {"nb", "nn", "en"} and all(names.values())
    assert HOLIDAY_NAMES["ascension_day"]["nb"] == "kristi himmelfartsdag"


@pytest.mark.parametrize("year", [2020, 2024, 2025])
def test_the_librarys_ph_days_are_norways_public_holidays(year: int) -> None:
    """`PH` alone is open exactly on the holidays: the library's calendar for NO, checked against our own list."""
    slots = slots_for_days("PH", D(year, 1, 1), D(year, 12, 31))
    open_days = [day for day in slots.dates() if slots.mask(day)]
    assert open_days == sorted({holiday.day for holiday in public_holidays(year)})
    assert all(slots.mask(day) == calendar.FULL_DAY for day in open_days)


def test_the_library_knows_norways_holidays_from_2000_to_2076_only() -> None:
    assert all(library_knows_holidays(year) for year in range(2000, 2077))
    assert not library_knows_holidays(1999) and not library_knows_holidays(2077)


def test_ph_outside_the_librarys_years_is_warned_about() -> None:
    slots = slots_for_days(WEEKDAYS_NO_PH, D(1999, 12, 27), D(2000, 1, 2))
    assert len(slots.warnings) == 1 and "1999" in render(slots.warnings[0], "en") and "not applied" in render(slots.warnings[0], "en")
    assert slots_for_days(WEEKDAYS_NO_PH, D(2020, 1, 6), D(2020, 1, 12)).warnings == ()
    # a comment that mentions PH is not a PH rule
    assert slots_for_days('Mo 10:00-12:00 "PH: ring"', D(1999, 1, 4), D(1999, 1, 10)).warnings == ()


def test_school_holidays_are_unknown_so_the_regular_hours_count_with_a_warning() -> None:
    slots = slots_for_days("Mo-Fr 09:00-15:00; SH off", D(2020, 6, 29), D(2020, 7, 5))  # summer holidays
    assert slots.hours() == 30
    assert len(slots.warnings) == 1 and "school holidays (SH)" in render(slots.warnings[0], "en")
    assert "skuleferiane (SH)" in render(slots.warnings[0], "nn")


# ----------------------------------------------------------------------------------------- seasons and nights


def test_summer_nights_in_july_are_twelve_hours_and_nothing_in_january() -> None:
    # 10 July 2020 is a Friday: Fr 20-24 (4 h), Sa 00-02 + 20-24 (6 h), Su 00-02 (2 h)
    assert daily_hours(SUMMER_NIGHTS, D(2020, 7, 6), D(2020, 7, 12)) == [0, 0, 0, 0, 4, 6, 2]
    assert week_hours(SUMMER_NIGHTS, D(2020, 7, 8)) == 12
    # Saturday night's last two hours land on Sunday 12 July, inside the same week; Monday morning is closed
    week = week_slots_on(SUMMER_NIGHTS, D(2020, 7, 6))
    assert week[6 * 96 : 6 * 96 + 8] == (True,) * 8 and not any(week[6 * 96 + 8 :])
    assert week_hours(SUMMER_NIGHTS, D(2020, 1, 15)) == 0


def test_the_night_before_the_period_spills_into_its_first_day() -> None:
    # Saturday 11 July 2020 alone: Friday's night reaches 02:00 on it
    assert daily_hours(SUMMER_NIGHTS, D(2020, 7, 11), D(2020, 7, 11)) == [6]
    assert daily_hours("Mo 22:00-48:00", D(2024, 1, 3), D(2024, 1, 3)) == [0]  # 48:00 is Wednesday 00:00
    assert daily_hours("Mo 22:00-47:00", D(2024, 1, 3), D(2024, 1, 3)) == [0]
    assert daily_hours("Mo 22:00-28:00", D(2024, 1, 2), D(2024, 1, 2)) == [4]  # 1 January 2024 was a Monday


def test_a_seasons_last_night_runs_past_its_last_day() -> None:
    # 31 August 2024 was a Saturday: its night is an August rule and ends on Sunday 1 September 02:00;
    # 31 May 2024, a Friday, is outside the season, so Saturday 1 June opens only at 20:00
    assert daily_hours(SUMMER_NIGHTS, D(2024, 8, 30), D(2024, 9, 1)) == [4, 6, 2]
    assert daily_hours(SUMMER_NIGHTS, D(2024, 5, 31), D(2024, 6, 2)) == [0, 4, 2]


# ------------------------------------------------------------------------------------------------- PH off


def test_ph_off_around_17_may_2020() -> None:
    # 17 May 2020 was a Sunday, closed anyway: a full week. Ascension, Thursday 21 May, closes the next week's
    # Thursday; Whit Monday, 1 June, the week after that.
    assert week_hours(WEEKDAYS_NO_PH, D(2020, 5, 17)) == 30
    assert daily_hours(WEEKDAYS_NO_PH, D(2020, 5, 18), D(2020, 5, 24)) == [6, 6, 6, 0, 6, 0, 0]
    assert daily_hours(WEEKDAYS_NO_PH, D(2020, 6, 1), D(2020, 6, 7)) == [0, 6, 6, 6, 6, 0, 0]


def test_ph_off_around_17_may_2021() -> None:
    # 17 May 2021 was a Monday; Ascension was Thursday 13 May, the week before; Whit Monday 24 May
    assert daily_hours(WEEKDAYS_NO_PH, D(2021, 5, 17), D(2021, 5, 23)) == [0, 6, 6, 6, 6, 0, 0]
    assert daily_hours(WEEKDAYS_NO_PH, D(2021, 5, 10), D(2021, 5, 16)) == [6, 6, 6, 0, 6, 0, 0]
    assert week_hours(WEEKDAYS_NO_PH, D(2021, 5, 24)) == 24


def test_ph_off_at_easter_2020() -> None:
    # skjærtorsdag 9 April, langfredag 10 April, 1. påskedag Sunday 12 April, 2. påskedag Monday 13 April
    assert daily_hours(WEEKDAYS_NO_PH, D(2020, 4, 6), D(2020, 4, 12)) == [6, 6, 6, 0, 0, 0, 0]
    assert daily_hours(WEEKDAYS_NO_PH, D(2020, 4, 13), D(2020, 4, 19)) == [0, 6, 6, 6, 6, 0, 0]


def test_ph_with_its_own_hours() -> None:
    # Christmas 2020: Friday 25 and Saturday 26 December are holidays, and open 10-14 instead
    text = "Mo-Sa 08:00-16:00; PH 10:00-14:00"
    assert daily_hours(text, D(2020, 12, 21), D(2020, 12, 27)) == [8, 8, 8, 8, 4, 4, 0]


# ---------------------------------------------------------------------------------- dates and week numbers


def test_dates_off_and_with_their_own_hours() -> None:
    # 24 December 2020 was a Thursday; no PH rule, so Christmas Day is an ordinary Friday
    assert daily_hours("Mo-Su 10:00-18:00; Dec 24 off", D(2020, 12, 23), D(2020, 12, 25)) == [8, 0, 8]
    assert daily_hours("Mo-Su 10:00-18:00; Dec 24 10:00-14:00", D(2020, 12, 23), D(2020, 12, 25)) == [8, 4, 8]


def test_week_numbers_are_iso_weeks() -> None:
    text = "week 01-10 Mo-Fr 09:00-12:00"
    # ISO week 1 of 2020 begins on Monday 30 December 2019; week 10 is 2-8 March; week 11 is closed
    assert daily_hours(text, D(2019, 12, 30), D(2020, 1, 5)) == [3, 3, 3, 3, 3, 0, 0]
    assert daily_hours(text, D(2019, 12, 23), D(2019, 12, 29)) == [0] * 7  # week 52 of 2019
    assert week_hours(text, D(2020, 3, 2)) == 15
    assert week_hours(text, D(2020, 3, 9)) == 0


# --------------------------------------------------------------------------------------- a service's lifetime

NIGHT_MONDAYS = "Mo-Fr 10:00-14:00, Mo 20:00-02:00"


def test_a_service_that_ended_is_closed_after_its_last_day() -> None:
    until = {"valid_until": D(2020, 8, 31)}
    assert week_hours(NIGHT_MONDAYS, D(2020, 9, 15), **until) == 0
    # 26 August 2020 is a Wednesday: its week (24-30 August) lies wholly inside the lifetime:
    # Mo 10-14 + 20-24, Tu 00-02 + 10-14, We-Fr 10-14 = 4 + 4 + 2 + 4 + 3 x 4
    assert week_hours(NIGHT_MONDAYS, D(2020, 8, 26), **until) == 26
    assert week_hours(NIGHT_MONDAYS, D(2020, 8, 26)) == 26


def test_the_last_days_night_belongs_to_the_last_day() -> None:
    # 31 August 2020 was a Monday. Valid until that date keeps its night (to Tuesday 02:00) but not Tuesday's day.
    slots = slots_for_days(NIGHT_MONDAYS, D(2020, 8, 31), D(2020, 9, 6), valid_until=D(2020, 8, 31))
    assert [slots.hours_on(day) for day in slots.dates()] == [8, 2, 0, 0, 0, 0, 0]
    assert slots.is_open(D(2020, 9, 1), 1, 45) and not slots.is_open(D(2020, 9, 1), 10)
    # seen from the first of September on, the night still spills in
    assert daily_hours(NIGHT_MONDAYS, D(2020, 9, 1), D(2020, 9, 1), valid_until=D(2020, 8, 31)) == [2]


def test_an_all_day_opening_ends_at_midnight_of_its_last_day() -> None:
    # a stretch open since before the last day is not that evening's night
    assert daily_hours("24/7", D(2020, 8, 30), D(2020, 9, 1), valid_until=D(2020, 8, 31)) == [24, 24, 0]
    # an opening from 08:00 that runs on to 03:00 is the last day's, and keeps its night
    assert daily_hours("Mo-Su 08:00-03:00", D(2020, 8, 31), D(2020, 9, 1), valid_until=D(2020, 8, 31)) == [19, 3]


def test_the_first_day_starts_without_the_night_before() -> None:
    # 1 December 2019 was a Sunday: Saturday 30 November's night (to 04:00 on the 1st) is before the service began
    text = "Mo-Fr 09:00-15:00, Sa 22:00-04:00"
    start = {"valid_from": D(2019, 12, 1)}
    assert daily_hours(text, D(2019, 11, 30), D(2019, 12, 8), **start) == [0, 0, 6, 6, 6, 6, 6, 2, 4]
    assert daily_hours("24/7", D(2019, 11, 30), D(2019, 12, 1), **start) == [0, 24]


def test_average_week_over_a_period_in_which_a_service_starts() -> None:
    text = "Mo-Fr 09:00-15:00, Sa 22:00-04:00"
    start = {"valid_from": D(2019, 12, 1)}
    # 25 November - 8 December 2019, two whole weeks: the first closed throughout (Sunday 1 December too), the
    # second 5 x 6 + 2 + 4 = 36 hours, so an average week of 18 hours, each open slot open on half its days
    shares = average_week(slots_for_days(text, D(2019, 11, 25), D(2019, 12, 8), **start))
    assert len(shares) == 7 * 96
    assert hours_per_average_week(shares) == 18
    assert shares[0 * 96 + 9 * 4] == 0.5 and shares[6 * 96 + 1 * 4] == 0.5 and shares[6 * 96 + 5 * 4] == 0
    # to Tuesday 10 December (16 days): three Mondays and Tuesdays, of which two open; two of each other weekday,
    # one open. 6 x 2/3 x 2 + 6 x 1/2 x 3 + 2 x 1/2 + 4 x 1/2 = 8 + 9 + 1 + 2 = 20 hours (not 48 h / (16/7) = 21)
    shares = average_week(slots_for_days(text, D(2019, 11, 25), D(2019, 12, 10), **start))
    assert shares[0 * 96 + 9 * 4] == pytest.approx(2 / 3) and shares[2 * 96 + 9 * 4] == 0.5
    assert hours_per_average_week(shares) == pytest.approx(20)


def test_average_week_needs_a_day_of_every_weekday() -> None:
    with pytest.raises(ValueError, match="without a day"):
        average_week(slots_for_days("24/7", D(2020, 1, 6), D(2020, 1, 11)))


def test_day_slots_combine_like_the_gap_arithmetic() -> None:
    first, last = D(2020, 7, 6), D(2020, 7, 12)
    nights = slots_for_days(SUMMER_NIGHTS, first, last)
    window = slots_for_days("Fr,Sa 22:00-04:00", first, last)
    # the window is 12 hours (Fr 22-24, Sa 00-04 + 22-24, Su 00-04), the nights 12 (Fr 20-24, Sa 00-02 + 20-24, Su 00-02)
    assert window.intersection(nights).hours() == 2 + 2 + 2 + 2  # Fr 22-24, Sa 00-02, Sa 22-24, Su 00-02
    assert window.difference(nights).hours() == 2 + 2  # Sa 02-04, Su 02-04
    assert window.union(nights).hours() == 12 + 12 - 8
    with pytest.raises(ValueError, match="periods differ"):
        nights.union(slots_for_days(SUMMER_NIGHTS, first, last + dt.timedelta(days=1)))


# --------------------------------------------------------------------------------------------- change dates


def test_change_dates_over_2020() -> None:
    services = [
        ServiceHours("day-centre", WEEKDAYS_NO_PH),
        ServiceHours("summer-nights", SUMMER_NIGHTS),
        ServiceHours("drop-in", "Mo-Fr 10:00-14:00", None, D(2020, 8, 31)),
    ]
    assert change_dates(services, D(2020, 1, 1), D(2020, 12, 31)) == [
        # holidays on weekdays close the day centre (17 May, 1. påskedag and 1. pinsedag are Sundays, 2. juledag
        # a Saturday: no change); the drop-in has no PH rule
        Change(D(2020, 1, 1), "day-centre", "holiday", "new_years_day"),
        Change(D(2020, 4, 9), "day-centre", "holiday", "maundy_thursday"),
        Change(D(2020, 4, 10), "day-centre", "holiday", "good_friday"),
        Change(D(2020, 4, 13), "day-centre", "holiday", "easter_monday"),
        Change(D(2020, 5, 1), "day-centre", "holiday", "labour_day"),
        Change(D(2020, 5, 21), "day-centre", "holiday", "ascension_day"),
        Change(D(2020, 6, 1), "day-centre", "holiday", "whit_monday"),
        # 1 June 2020 is a Monday: the summer nights first differ on Friday 5 June (Saturday's and Sunday's early
        # hours follow in the same week and are folded in), and last on Friday 4 September
        Change(D(2020, 6, 5), "summer-nights", "season"),
        Change(D(2020, 8, 31), "drop-in", "ends"),
        Change(D(2020, 9, 4), "summer-nights", "season"),
        Change(D(2020, 12, 25), "day-centre", "holiday", "christmas_day"),
    ]


def test_change_dates_single_dates_starts_and_holiday_nights() -> None:
    services = [
        ServiceHours("cafe", "Mo-Su 10:00-18:00; Dec 24 off"),
        ServiceHours("night-bus", "Fr 20:00-02:00; PH off", D(2020, 12, 4)),
    ]
    # 4 December 2020 is a Friday. Christmas Day is a Friday too: the bus is off, and so are the early hours of
    # Saturday 26 December (a holiday itself); the week after is back to usual
    assert change_dates(services, D(2020, 12, 1), D(2020, 12, 31)) == [
        Change(D(2020, 12, 4), "night-bus", "starts"),
        Change(D(2020, 12, 24), "cafe", "date"),
        Change(D(2020, 12, 25), "night-bus", "holiday", "christmas_day"),
        Change(D(2020, 12, 26), "night-bus", "holiday", "boxing_day"),
    ]
    # a holiday's own night, written as a PH rule, is the holiday's change on the morning after too
    services = [ServiceHours("night-bus", "Fr 20:00-02:00; PH 20:00-04:00")]
    assert change_dates(services, D(2021, 3, 1), D(2021, 4, 30)) == [
        Change(D(2021, 4, 1), "night-bus", "holiday", "maundy_thursday"),  # Thursday 20-24
        Change(D(2021, 4, 2), "night-bus", "holiday", "good_friday"),  # Thursday's night to 04:00, then 20-24
        # Saturday 3 April: 00-02 as usual (see the next test for why not to 04:00)
        Change(D(2021, 4, 4), "night-bus", "holiday", "easter_sunday"),  # 20-24
        Change(D(2021, 4, 5), "night-bus", "holiday", "easter_monday"),  # 20-24 (Sunday's night cut by PH)
        Change(D(2021, 4, 6), "night-bus", "holiday", "easter_monday"),  # Tuesday 00-04: the holiday's night
    ]


def test_ph_off_cuts_the_night_into_a_holiday_but_not_the_holidays_own_night() -> None:
    """opening-hours-py's reading (the OSM specification's): `PH off` replaces the holiday's whole day, the early
    hours spilling in from the evening before included, while the holiday's weekday rule still spills into the
    morning after. 1 May 2023 was a Monday."""
    text = "Mo-Fr 18:00-03:00, Sa,Su 19:00-02:00; PH off"
    # Saturday 19-24 + Friday's 00-03; Sunday 19-24 + 00-02; Monday closed (Sunday's night cut at midnight);
    # Tuesday 00-03 (Monday's rule, although Monday was off) + 18-24
    assert daily_hours(text, D(2023, 4, 29), D(2023, 5, 2)) == [8, 7, 0, 9]
    # and when two rules spill into the same morning, the first one's night is kept (2.1.4): Good Friday 2021 is
    # 20-24 by the PH rule, but Saturday ends at 02:00 by the Friday rule, not at 04:00
    assert daily_hours("Fr 20:00-02:00; PH 20:00-04:00", D(2021, 4, 2), D(2021, 4, 3)) == [4 + 4, 2]
    assert daily_hours("Fr 20:00-01:00; Fr 20:00-04:00", D(2021, 4, 10), D(2021, 4, 10)) == [1]


def test_change_dates_accepts_plain_tuples_and_ignores_changes_outside_the_lifetime() -> None:
    # ended before summer: the season never shows
    services = [("summer-nights", SUMMER_NIGHTS, D(2020, 1, 1), D(2020, 5, 31))]
    assert change_dates(services, D(2020, 1, 1), D(2020, 12, 31)) == [
        Change(D(2020, 1, 1), "summer-nights", "starts"),
        Change(D(2020, 5, 31), "summer-nights", "ends"),
    ]


# --------------------------------------------------------------------------- no regression against hours.py

_DAYS = hours.DAY_KEYS


def _clock(quarter: int) -> str:
    return f"{quarter // 4:02d}:{quarter % 4 * 15:02d}"


@st.composite
def simple_rules(draw: st.DrawFn) -> str:
    """Rule sets without calendar rules: day ranges or lists, one or two time spans (some past midnight, ending by
    noon), `off` rules, joined by `;` or `,`."""
    rules: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        first = draw(st.integers(0, 6))
        if draw(st.booleans()):
            days = f"{_DAYS[first]}-{_DAYS[draw(st.integers(first, 6))]}" if first < 6 else _DAYS[first]
        else:
            days = ",".join(_DAYS[d] for d in sorted(set(draw(st.lists(st.integers(0, 6), min_size=1, max_size=3)))))
        if draw(st.integers(0, 5)) == 0:
            rules.append(f"{days} off")
            continue
        spans = []
        for _ in range(draw(st.integers(1, 2))):
            start = draw(st.integers(0, 95))
            end = draw(st.integers(start + 1, 96 + 48))  # past 96: the next morning, at most to noon
            spans.append(f"{_clock(start)}-{_clock(end % 96 if end > 96 else end)}")
        rules.append(f"{days} {','.join(spans)}")
    separators = [draw(st.sampled_from(["; ", ", "])) for _ in rules[1:]]
    return rules[0] + "".join(sep + rule for sep, rule in zip(separators, rules[1:]))


@settings(derandomize=True, max_examples=300, deadline=None)
@given(text=simple_rules(), weeks=st.integers(0, 52 * 40))
def test_a_real_week_equals_the_reference_week_without_calendar_rules(text: str, weeks: int) -> None:
    monday = D(2000, 1, 3) + dt.timedelta(weeks=weeks)
    assert week_slots_on(text, monday) == hours.week_slots(text)
