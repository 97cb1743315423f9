"""Opening hours: the week grid (opening-hours-py), slot sets written back in OSM syntax, and in plain words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hkh.project import hours
from hkh.project.hours import (
    SLOTS_PER_DAY,
    SLOTS_PER_HOUR,
    SLOTS_PER_WEEK,
    describe_opening_hours,
    describe_slots,
    slots_to_opening_hours,
    week_slots,
)


def slot(day: int, hour: int, minute: int = 0) -> int:
    return day * SLOTS_PER_DAY + hour * SLOTS_PER_HOUR + minute // 15


def only(*ranges: tuple[int, int]) -> tuple[bool, ...]:
    """A slot set from (first, end) index ranges; the end may run past Sunday midnight into Monday."""
    slots = [False] * SLOTS_PER_WEEK
    for first, end in ranges:
        for index in range(first, end):
            slots[index % SLOTS_PER_WEEK] = True
    return tuple(slots)


# ------------------------------------------------------------------------------------------ existing functions


def test_overnight_opening_covers_the_next_mornings_early_hours() -> None:
    assert hours.is_open("Fr 22:00-04:00", 5, 2, 30)  # Saturday 02:30
    assert not hours.is_open("Fr 22:00-04:00", 5, 4, 0)
    assert hours.hours_per_week(week_slots("Fr 22:00-04:00")) == 6


def test_semicolon_rule_wipes_the_previous_nights_spillover() -> None:
    assert not hours.is_open("Mo-Th 08:00-24:00; Fr 08:00-04:00; Sa 10:00-04:00", 5, 2, 30)
    assert hours.is_open("Mo-Th 08:00-24:00; Fr 08:00-04:00, Sa 10:00-04:00", 5, 2, 30)
    assert hours.cancelled_spillover("Mo-Th 08:00-24:00; Fr 08:00-04:00; Sa 10:00-04:00") == ["Fr"]
    assert hours.cancelled_spillover("Mo-Th 08:00-24:00; Fr 08:00-04:00, Sa 10:00-04:00") == []


def test_sunday_night_spills_into_monday_morning() -> None:
    slots = week_slots("Su 22:00-02:00")
    assert slots[slot(0, 1)] and slots[slot(6, 23)] and not slots[slot(0, 2)]


# ------------------------------------------------------------------------------------------ back to OSM syntax


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mo-Fr 09:00-14:00", "Mo-Fr 09:00-14:00"),
        ("Mo 09:00-14:00; Tu 09:00-14:00; We 09:00-14:00; Th 09:00-14:00; Fr 09:00-14:00", "Mo-Fr 09:00-14:00"),
        ("Mo-Fr 09:00-14:00; Su 11:00-13:00", "Mo-Fr 09:00-14:00; Su 11:00-13:00"),
        ("Mo,We,Fr 10:00-12:00", "Mo,We,Fr 10:00-12:00"),
        ("Fr 22:00-04:00", "Fr 22:00-04:00"),
        ("Su 22:00-02:00", "Su 22:00-02:00"),
        ("Mo-Su 22:00-08:00", "Mo-Su 22:00-08:00"),
        ("24/7", "24/7"),
        ("Mo-Su 00:00-24:00", "24/7"),
        ("off", "off"),
        ("Mo-Fr 08:00-12:00,13:00-16:00", "Mo-Fr 08:00-12:00,13:00-16:00"),
    ],
)
def test_slots_are_written_back_in_osm_syntax(text: str, expected: str) -> None:
    assert slots_to_opening_hours(week_slots(text)) == expected


def test_written_overnight_hours_keep_the_spillover_that_a_semicolon_would_wipe() -> None:
    # Friday and Saturday nights to 04:00 and a Saturday daytime: the Saturday rule must not cancel Friday's night
    slots = week_slots("Mo-Th 08:00-24:00; Fr 08:00-04:00, Sa 10:00-04:00")
    written = slots_to_opening_hours(slots)
    assert written == "Mo-Th 08:00-24:00, Fr 08:00-04:00, Sa 10:00-04:00"
    assert week_slots(written) == slots
    assert hours.is_open(written, 5, 2, 30) and hours.is_open(written, 6, 3, 45)


def test_an_empty_or_full_week() -> None:
    assert slots_to_opening_hours((False,) * SLOTS_PER_WEEK) == "off"
    assert slots_to_opening_hours((True,) * SLOTS_PER_WEEK) == "24/7"


def test_a_slot_list_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match="672"):
        slots_to_opening_hours([True] * 24)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, SLOTS_PER_WEEK - 1), st.integers(1, 3 * SLOTS_PER_DAY)), max_size=6))
def test_any_slot_set_round_trips_through_osm_syntax(ranges: list[tuple[int, int]]) -> None:
    slots = only(*[(first, first + length) for first, length in ranges])
    written = slots_to_opening_hours(slots)
    assert week_slots(written) == slots
    assert describe_slots(slots, "nb")  # words for every slot set, no exception


# ------------------------------------------------------------------------------------------ in plain words


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nb", "Mandag–fredag 09.00–14.00"), ("nn", "Måndag–fredag 09.00–14.00"), ("en", "Monday–Friday 09:00–14:00")],
)
def test_weekday_hours_in_words(language: str, expected: str) -> None:
    assert describe_opening_hours("Mo-Fr 09:00-14:00", language) == expected


def test_the_night_after_0400_on_weekend_nights_in_words() -> None:
    window = week_slots("Mo-Su 22:00-08:00")
    covered = week_slots("Fr 22:00-04:00, Sa 22:00-04:00")
    uncovered = tuple(w and not c for w, c in zip(window, covered))
    assert describe_slots(uncovered, "nb", window=window) == (
        "Natt til mandag–fredag 22.00–08.00; natt til lørdag og søndag etter kl. 04"
    )
    assert describe_slots(uncovered, "nn", window=window).endswith("natt til laurdag og sundag etter kl. 04")
    assert describe_slots(uncovered, "en", window=window).endswith("overnight into Saturday and Sunday after 04:00")


def test_overnight_and_special_cases_in_words() -> None:
    assert describe_opening_hours("Fr 22:00-04:00", "nb") == "Natt til lørdag 22.00–04.00"
    assert describe_opening_hours("Fr 08:00-04:00", "nb") == "Fredag 08.00–04.00"
    assert describe_opening_hours("Sa 00:00-04:00", "en") == "Overnight into Saturday until 04:00"
    assert describe_opening_hours("Sa,Su 10:00-12:00", "nb") == "Lørdag og søndag 10.00–12.00"
    assert describe_opening_hours("Mo,We,Fr 10:00-12:30", "en") == "Monday, Wednesday and Friday 10:00–12:30"
    assert describe_opening_hours("Mo-Su 10:00-12:00", "nn") == "Alle dagar 10.00–12.00"
    assert describe_opening_hours("24/7", "nb") == "Hele døgnet, alle dager"
    assert describe_opening_hours("off", "en") == "No hours"
    assert describe_opening_hours("Sa 00:00-24:00", "nb") == "Lørdag hele døgnet"


def test_a_gap_that_opens_the_window_is_said_as_before() -> None:
    window = week_slots("We 08:00-22:00")
    uncovered = week_slots("We 08:00-10:00")
    assert describe_slots(uncovered, "nb", window=window) == "Onsdag før kl. 10"
    assert describe_slots(week_slots("We 18:00-22:00"), "en", window=window) == "Wednesday after 18:00"
