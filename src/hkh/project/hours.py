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
    """The text is not valid opening_hours syntax: `code` is `hours-empty` or `hours-unreadable` (messages in the
    word tables), `text` what was written."""

    def __init__(self, code: str, text: str = "") -> None:
        super().__init__(f"{code}: {text!r}")
        self.code = code
        self.text = text


def _parse(text: str):  # -> opening_hours.OpeningHours, imported lazily: it is small but not needed for --help
    from opening_hours import OpeningHours

    if not isinstance(text, str) or not text.strip():
        raise HoursError("hours-empty")
    try:
        return OpeningHours(text.strip())
    except Exception:  # the binding raises its own ParserError, whose text is long and technical
        # the parser's own message points into its grammar ("--> 1:1"), which helps no user
        raise HoursError("hours-unreadable", text.strip()) from None


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
    """Days whose past-midnight hours a later `;` rule wipes out (the trap described in docs/design.md, "The project folder").

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


# ------------------------------------------------------------------------------------ slot sets back into words
#
# The gap analysis computes sets of quarter hours (what nobody covers, where efforts overlap). A team reads those
# best in the syntax they wrote their own hours in, and in plain words for the report. Both writers share one
# normalised form: for each day, its open stretches in day-relative slots, where a stretch that runs past midnight
# into the next day's early hours is kept whole (end > SLOTS_PER_DAY), as `Fr 22:00-04:00` is written.

# A night stretch is joined across midnight only when it ends by noon: `Fr 22:00-04:00` reads naturally,
# `Fr 22:00-18:00` does not (it is better written as two days).
_LATEST_OVERNIGHT_END = 12 * SLOTS_PER_HOUR
# Stretches that start before 06:00 and end by 08:00 belong to the night before in words ("natt til lørdag").
_NIGHT_STARTS_BEFORE = 6 * SLOTS_PER_HOUR
_NIGHT_ENDS_BY = 8 * SLOTS_PER_HOUR
_EVENING_STARTS = 18 * SLOTS_PER_HOUR

Stretch = tuple[int, int]


def _as_week(slots: tuple[bool, ...] | list[bool]) -> tuple[bool, ...]:
    week = tuple(bool(slot) for slot in slots)
    if len(week) != SLOTS_PER_WEEK:
        raise ValueError(f"a week has {SLOTS_PER_WEEK} quarter-hour slots, not {len(week)}")
    return week


def _runs_in_day(week: tuple[bool, ...], day: int) -> list[Stretch]:
    offset = day * SLOTS_PER_DAY
    runs: list[Stretch] = []
    start: int | None = None
    for slot in range(SLOTS_PER_DAY + 1):
        is_set = slot < SLOTS_PER_DAY and week[offset + slot]
        if is_set and start is None:
            start = slot
        elif not is_set and start is not None:
            runs.append((start, slot))
            start = None
    return runs


def day_stretches(slots: tuple[bool, ...] | list[bool], *, join_overnight: bool = True) -> list[list[Stretch]]:
    """For each day (Monday first), its open stretches as (start, end) in quarter hours from that day's midnight.

    With `join_overnight`, a stretch that runs up to midnight and goes on into the next day's early hours is joined
    into one stretch ending after SLOTS_PER_DAY (Friday 22:00 to Saturday 04:00 is `(88, 112)` on Friday).
    """
    week = _as_week(slots)
    days = [_runs_in_day(week, day) for day in range(7)]
    if not join_overnight:
        return days
    joined = [list(runs) for runs in days]
    for day in range(7):
        following = (day + 1) % 7
        tonight = joined[day]
        morning = days[following]
        if not tonight or not morning:
            continue
        last_start, last_end = tonight[-1]
        first_start, first_end = morning[0]
        ends_at_midnight = last_end == SLOTS_PER_DAY
        # `00:00-04:00` after a stretch that began at 00:00 would read as a short day, not a 28-hour stretch
        if ends_at_midnight and first_start == 0 and first_end <= _LATEST_OVERNIGHT_END and last_start > first_end:
            if joined[following] and joined[following][0] == (first_start, first_end):
                tonight[-1] = (last_start, SLOTS_PER_DAY + first_end)
                joined[following] = joined[following][1:]
    return joined


def _clock(slot: int, separator: str = ":") -> str:
    # 24:00 ends a day; past it, a stretch joined over midnight shows the next morning's time
    minutes = (slot if slot <= SLOTS_PER_DAY else slot - SLOTS_PER_DAY) * SLOT_MINUTES
    return f"{minutes // 60:02d}{separator}{minutes % 60:02d}"


def _day_selector(days: list[int]) -> str:
    """`Mo-Fr`, `Sa,Su`, `Mo,We,Fr`, `Mo-We,Fr`: three or more consecutive days as a range, two as a pair."""
    parts: list[str] = []
    run: list[int] = []
    for day in [*sorted(days), 99]:
        if run and day == run[-1] + 1:
            run.append(day)
            continue
        if len(run) >= 3:
            parts.append(f"{DAY_KEYS[run[0]]}-{DAY_KEYS[run[-1]]}")
        else:
            parts.extend(DAY_KEYS[member] for member in run)
        run = [day]
    return ",".join(parts)


def _osm_text(stretches: list[list[Stretch]], *, all_additional: bool = False) -> str:
    by_hours: dict[str, list[int]] = {}
    for day, day_runs in enumerate(stretches):
        if not day_runs:
            continue
        spans = ",".join(f"{_clock(start)}-{_clock(end)}" for start, end in day_runs)
        by_hours.setdefault(spans, []).append(day)
    if not by_hours:
        return "off"
    if list(by_hours) == ["00:00-24:00"] and len(by_hours["00:00-24:00"]) == 7:
        return "24/7"
    gives_spillover = {day for day, runs in enumerate(stretches) if runs and runs[-1][1] > SLOTS_PER_DAY}
    receives_spillover = {(day + 1) % 7 for day in gives_spillover}
    rules = sorted(by_hours.items(), key=lambda item: min(item[1]))
    text = ""
    for spans, days in rules:
        rule = f"{_day_selector(days)} {spans}"
        # A `;` rule replaces its days whole, spill-over from the night before included (docs/design.md), so
        # rules that give or take hours across midnight are joined as additional (`,`) rules. The days of the rules
        # never overlap, so adding them means the same as replacing.
        involved = bool((receives_spillover | gives_spillover) & set(days))
        if not text:
            text = rule
        elif all_additional or involved:
            text += f", {rule}"
        else:
            text += f"; {rule}"
    return text


def slots_to_opening_hours(slots: tuple[bool, ...] | list[bool]) -> str:
    """The slot set in OpenStreetMap syntax: `Mo-Fr 09:00-14:00; Sa 10:00-12:00`, `Fr 22:00-04:00`, `24/7`, `off`.

    Days with equal hours are merged into ranges, night stretches are written past midnight where that reads
    naturally, and the text is parsed back to make sure it means exactly the slots given.
    """
    week = _as_week(slots)
    attempts = ((True, False), (True, True), (False, False))
    for join, all_additional in attempts:
        text = _osm_text(day_stretches(week, join_overnight=join), all_additional=all_additional)
        if week_slots(text) == week:
            return text
    raise AssertionError(f"hkh bug: could not write these hours back in opening_hours syntax (tried {text!r})")


def _words(key: str, language: str) -> str:
    from hkh.i18n import t

    return t(f"hours.{key}", language)


def _day_name(day: int, language: str) -> str:
    return _words(f"day_{DAY_KEYS[day]}", language)


def _join_words(items: list[str], language: str) -> str:
    from hkh.i18n.formats import join_words

    return join_words(items, language)


def _days_phrase(days: list[int], language: str, night: bool) -> str:
    if len(set(days)) == 7:
        return _words("every_night" if night else "every_day", language)
    items: list[str] = []
    run: list[int] = []
    for day in sorted(set(days)) + [99]:
        if run and day == run[-1] + 1:
            run.append(day)
            continue
        if len(run) >= 3:
            items.append(f"{_day_name(run[0], language)}–{_day_name(run[-1], language)}")
        else:
            items.extend(_day_name(member, language) for member in run)
        run = [day]
    phrase = _join_words(items, language)
    return f"{_words('night_to', language)} {phrase}" if night else phrase


def _time(slot: int, language: str) -> str:
    return _clock(slot, "." if language in ("nb", "nn") else ":")


def _clock_word(slot: int, language: str) -> str:
    """`kl. 04` (or `kl. 04.30`) in Norwegian, `04:00` in English."""
    if language in ("nb", "nn"):
        minutes = slot * SLOT_MINUTES % (24 * 60)
        shown = f"{minutes // 60:02d}" if minutes % 60 == 0 else f"{minutes // 60:02d}.{minutes % 60:02d}"
        return f"kl. {shown}"
    return _clock(slot % SLOTS_PER_DAY)


def describe_slots(
    slots: tuple[bool, ...] | list[bool],
    language: str,
    *,
    window: tuple[bool, ...] | list[bool] | None = None,
) -> str:
    """The slot set in plain words: "Mandag–fredag 09.00–14.00", "Natt til lørdag og søndag etter kl. 04".

    With `window` (the hours a need asks for), a stretch that runs to the end of the window is said as "after 04"
    and one that starts with the window as "before 02": the reader knows the window, and the words stay short.
    """
    week = _as_week(slots)
    if not any(week):
        return _words("never", language).capitalize()
    if all(week):
        return _words("always", language).capitalize()
    frame = _as_week(window) if window is not None else None
    groups: dict[tuple[bool, str], list[tuple[int, int]]] = {}
    for day, day_runs in enumerate(day_stretches(week)):
        for start, end in day_runs:
            absolute_start = day * SLOTS_PER_DAY + start
            absolute_end = day * SLOTS_PER_DAY + end
            crosses_midnight = end > SLOTS_PER_DAY
            # "natt til lørdag" for Friday 22:00-04:00, but "fredag 08.00–04.00" for a day that runs on into the night
            evening_to_night = crosses_midnight and start >= _EVENING_STARTS
            night = evening_to_night or (start < _NIGHT_STARTS_BEFORE and end <= _NIGHT_ENDS_BY)
            named_day = (day + 1) % 7 if evening_to_night else day
            opens_window = frame is not None and not frame[(absolute_start - 1) % SLOTS_PER_WEEK]
            closes_window = frame is not None and not frame[absolute_end % SLOTS_PER_WEEK]
            if start == 0 and end == SLOTS_PER_DAY:
                phrase = _words("all_day", language)
            elif closes_window and not opens_window and start == 0:
                phrase = _words("after_midnight", language)
            elif closes_window and not opens_window:
                phrase = f"{_words('after', language)} {_clock_word(start, language)}"
            elif opens_window and not closes_window:
                phrase = f"{_words('before', language)} {_clock_word(end, language)}"
            elif night and start == 0 and not crosses_midnight:
                phrase = f"{_words('until', language)} {_clock_word(end, language)}"
            else:
                phrase = f"{_time(start, language)}–{_time(end, language)}"
            groups.setdefault((night, phrase), []).append((named_day, start))
    ordered = sorted(groups.items(), key=lambda item: min((day, start) for day, start in item[1]))
    parts = [
        f"{_days_phrase([day for day, _start in members], language, night)} {phrase}"
        for (night, phrase), members in ordered
    ]
    sentence = "; ".join(parts)
    return sentence[:1].upper() + sentence[1:]


def describe_opening_hours(text: str, language: str) -> str:
    """Opening hours in plain words: `Mo-Fr 09:00-14:00` → "Mandag–fredag 09.00–14.00"."""
    return describe_slots(week_slots(text), language)
