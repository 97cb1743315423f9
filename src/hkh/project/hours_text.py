"""Opening hours as people write them ("man–fre 09.00–15.00", "kl. 20–24", "døgnåpent") read into OSM syntax.

Teams copy opening hours from web pages, leaflets and reports, where they are written for people, not parsers.
`suggest_opening_hours` reads such text and proposes the OpenStreetMap `opening_hours` text that means the same
week, with a flag saying whether the reading is the only one (`certain`): only certain suggestions may be applied
without asking (`hkh check --fix`).

How the reading decides (the judgement calls, each tested in tests/test_hours_text.py):
- A time range without days (`kl. 20–24`) means every day: that is how a person reads a sign that says only the
  hours, and it is what OSM means by a rule without days. It is written without days (`20:00-24:00`).
- Hours are read on the 24-hour clock, as Norwegians write them. A range that ends before it starts runs past
  midnight (`fre 20-03` is Friday 20:00 to Saturday 03:00) when it starts at noon or later, carries am/pm, or is
  written with minutes or a leading zero (`08.00-04.00`). A bare range such as `9-5` is most likely 09:00-17:00 on
  a 12-hour clock, but could be a night: it is suggested so, not certain (`ambiguous_12h`), and so are bare
  ranges inside 1-7 (`1-5`: the night or the afternoon?).
- Rules are taken in the order written. A day named again with `stengt` is an exception (`alle dager 10-14, søndag
  stengt`); a specific day after an every-day rule replaces it. Any other day named twice is not certain
  (`day_repeated`): overlapping hours replace the earlier ones, separate hours are added to them.
- Hours past midnight belong to the day they start on and are kept whatever the next day says: people write
  `fre 20-03; lør 10-14` and mean Saturday 10-14 *as well*. In OSM a `;` rule wipes the spill-over from the night
  before, so such rules are joined with `,` (see hkh's hours module, `cancelled_spillover`).
- `etter avtale` (by appointment) has no hours: the suggestion is `off "etter avtale"`, closed with the note kept,
  and never certain (`no_fixed_hours`). A bare OSM comment (`"etter avtale"`) would evaluate as open all week.
- Words the reader does not know make the suggestion uncertain (`ignored_text`), so a stray "Lege" in
  "Lege onsdag og fredag 12.30-15.00" never becomes a silent rewrite.

Every suggestion is evaluated with opening-hours-py on a reference week and compared with the week the reader
understood; a text that cannot be written so is never suggested.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from hkh.project.hours_tokens import ALL_DAYS, DAY_MINUTES, Token, tokens

__all__ = ["REASONS", "Suggestion", "suggest_opening_hours"]

DAY_KEYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_DAY = DAY_MINUTES
_WEEK = 7 * _DAY
_ALL_DAYS = ALL_DAYS
# A fixed Monday far from DST changes and public holidays (the same one hkh's hours module uses).
_REFERENCE_MONDAY = dt.datetime(2024, 1, 8)

# Why a suggestion is not certain; the first that applies is given.
REASONS = {
    "no_fixed_hours": "the text names no hours (by appointment): suggested as closed with the note kept",
    "ambiguous_12h": "a bare range such as 9-5 may be on a 12-hour clock or run through the night",
    "day_repeated": "a day is named in more than one rule with different hours",
    "unpaired": "days without hours, or hours that could belong to more than one group of days",
    "by_appointment": "hours were read, but the text also says 'by appointment'",
    "ignored_text": "some words were not understood and were left out",
    "spillover_cancelled": "a ';' rule wipes the hours past midnight of the day before",
}


@dataclass(frozen=True)
class Suggestion:
    """The OSM text to write instead of what a person wrote, and whether it has exactly one meaning."""

    osm: str
    certain: bool
    reason: str | None = None  # a key of REASONS; None exactly when certain


# ------------------------------------------------------------------------------------------------------ rules


@dataclass
class _Segment:
    kind: str  # "D" (days) or "T" (hours, `stengt` or `døgnåpent`)
    days: set[int] = field(default_factory=set)
    night: bool = False  # "natt til lørdag": the night before the days named
    intervals: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = False


@dataclass(frozen=True)
class _Rule:
    days: frozenset[int] | None  # None: no days written (every day)
    intervals: tuple[tuple[int, int], ...]  # empty: closed


@dataclass
class _Reading:
    rules: list[_Rule] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)
    appointment: bool = False


def _segments(found: list[Token], reading: _Reading) -> list[_Segment]:
    """Runs of days and runs of hours; lists (`man, ons og fre`) and ranges (`man-fre`) of days are joined."""
    segments: list[_Segment] = []
    last_day: int | None = None  # the day a following `-`/`til` starts a range from
    pending_range = False
    pending_night = False
    for token in found:
        current = segments[-1] if segments else None
        if token.kind in ("day", "days"):
            if current is None or current.kind != "D":
                current = _Segment("D", night=pending_night)
                segments.append(current)
                pending_night = False
            days = set(token.days)
            if token.kind == "day" and pending_range and last_day is not None:
                day = min(token.days)
                days = {(last_day + step) % 7 for step in range((day - last_day) % 7 + 1)}
            current.days |= days
            last_day = min(token.days) if token.kind == "day" else None
            pending_range = False
            continue
        if token.kind == "range" and current is not None and current.kind == "D":
            pending_range = True
            continue
        pending_range = False
        if token.kind == "range" and token.text:
            reading.doubts.append("ignored_text")  # "til lørdag": until, from what? (a dash alone is a bullet)
            continue
        if token.kind in ("times", "allday", "closed"):
            if pending_night:
                reading.doubts.append("ignored_text")  # "natt til" without the day it leads to
                pending_night = False
            last_day = None
            if token.kind == "closed" or current is None or current.kind != "T" or current.closed:
                current = _Segment("T", closed=token.kind == "closed")
                segments.append(current)
            for start, end, ambiguous in token.times:
                current.intervals.append((start, end))
                if ambiguous:
                    reading.doubts.append("ambiguous_12h")
            if token.kind == "allday":
                current.intervals.append((0, _DAY))
        elif token.kind == "night":
            pending_night = True
            last_day = None
            segments.append(_Segment("break"))  # "natt til" starts new days, even right after other days
        elif token.kind == "appointment":
            reading.appointment = True
        elif token.kind not in ("list", "filler", "range"):
            reading.doubts.append("ignored_text")
    if pending_night:
        reading.doubts.append("ignored_text")
    return [segment for segment in segments if segment.kind != "break"]


def _pair(segments: list[_Segment]) -> tuple[list[tuple[_Segment | None, _Segment]], int]:
    """Days with the hours next to them: after them (`man-fre 9-15`) or, failing that, before (`9-15 hverdager`).

    `man-fre 9-15, lør 10-14`, `09.00-22.00 ukedager, 10.30-17.00 i helgene` and `man-fre 9-15, stengt i helgene`
    all pair without anything left over; what is left over (days without hours, hours that follow hours) is counted.
    """
    pairs: list[tuple[_Segment | None, _Segment]] = []
    left_over = 0
    index = 0
    while index < len(segments):
        here = segments[index]
        after = segments[index + 1] if index + 1 < len(segments) else None
        if after is not None and here.kind == "D" and after.kind == "T":
            pairs.append((here, after))
            index += 2
        elif after is not None and here.kind == "T" and after.kind == "D":
            pairs.append((after, here))
            index += 2
        else:
            left_over += 1
            index += 1
    return pairs, left_over


def _rules_of_chunk(segments: list[_Segment], reading: _Reading) -> None:
    if not segments:
        return
    if all(segment.kind == "T" for segment in segments):
        pairs: list[tuple[_Segment | None, _Segment]] = [(None, segment) for segment in segments]
    else:
        pairs, left_over = _pair(segments)
        if left_over:
            reading.doubts.append("unpaired")
    for days_segment, hours in pairs:
        days = None if days_segment is None else frozenset(days_segment.days)
        intervals = () if hours.closed else _merged_intervals(hours.intervals)
        if days is not None and days_segment is not None and days_segment.night:
            # "natt til lørdag 23-04" is Friday 23:00 to Saturday 04:00; "natt til lørdag 01-05" is Saturday morning
            if intervals and all(start >= 12 * 60 for start, _end in intervals):
                days = frozenset((day - 1) % 7 for day in days)
            elif intervals and any(start >= 12 * 60 for start, _end in intervals):
                reading.doubts.append("unpaired")
        reading.rules.append(_Rule(days, intervals))


def _merged_intervals(intervals: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """`døgnåpent 9-15` or `10-14 og 12-16` in one rule: the hours of a day once, overlaps joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


def _read(text: str) -> _Reading:
    reading = _Reading()
    chunk: list[Token] = []
    for token in [*tokens(text), Token("boundary")]:
        if token.kind == "boundary":
            _rules_of_chunk(_segments(chunk, reading), reading)
            chunk = []
        else:
            chunk.append(token)
    return reading


# ------------------------------------------------------------------------------------------------------- week

Week = tuple[tuple[int, int], ...]  # merged open stretches in minutes from Monday 00:00, inside one week


def _merge(stretches: list[tuple[int, int]]) -> Week:
    pieces: list[tuple[int, int]] = []
    for start, end in stretches:
        start, end = start % _WEEK, start % _WEEK + (end - start)
        if end > _WEEK:
            pieces += [(start, _WEEK), (0, end - _WEEK)]
        else:
            pieces.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(pieces):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        elif end > start:
            merged.append((start, end))
    return tuple(merged)


def _own_hours(rules: list[_Rule], reading: _Reading) -> list[list[tuple[int, int]]]:
    """Each day's own hours as the person meant them (rules in order; see the module docstring)."""
    own: list[list[tuple[int, int]] | None] = [None] * 7
    general: list[bool] = [False] * 7  # set by a rule for the whole week, which a later rule may narrow
    for rule in rules:
        days = rule.days if rule.days is not None else _ALL_DAYS
        for day in days:
            earlier = own[day]
            if earlier is None or general[day] or not rule.intervals:
                own[day] = list(rule.intervals)
            else:
                reading.doubts.append("day_repeated")
                overlaps = any(s < e2 and s2 < e for s, e in rule.intervals for s2, e2 in earlier)
                own[day] = list(rule.intervals) if overlaps else earlier + list(rule.intervals)
            general[day] = len(days) == 7 and rule.intervals != ()
    return [hours or [] for hours in own]


def _intended_week(own: list[list[tuple[int, int]]]) -> Week:
    return _merge([(day * _DAY + start, day * _DAY + end) for day in range(7) for start, end in own[day]])


@lru_cache(maxsize=1024)
def _evaluated_week(osm: str) -> Week | None:
    """The week opening-hours-py reads in `osm`, or None when it does not parse."""
    from opening_hours import OpeningHours

    try:
        parsed = OpeningHours(osm)
    except Exception:  # noqa: BLE001 - the binding's ParserError, or any other failure: either way "not OSM"
        return None
    # from the Sunday before, so that Sunday night's hours reach Monday morning as in every real week
    begin = _REFERENCE_MONDAY - dt.timedelta(days=1)
    finish = _REFERENCE_MONDAY + dt.timedelta(days=7)
    stretches: list[tuple[int, int]] = []
    for start, end, state, _comment in parsed.intervals(begin, finish):
        if str(state).split(".")[-1].upper() != "OPEN":
            continue
        start, end = max(start, _REFERENCE_MONDAY), min(end, finish)
        if end > start:
            offset = int((start - _REFERENCE_MONDAY).total_seconds() // 60)
            stretches.append((offset, offset + int((end - start).total_seconds() // 60)))
    return _merge(stretches)


# ---------------------------------------------------------------------------------------------------- writing


def _clock(minutes: int) -> str:
    if minutes > _DAY:
        minutes -= _DAY  # past midnight: `20:00-03:00`
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _day_selector(days: frozenset[int]) -> str:
    """`Mo-Fr`, `Sa,Su`, `Mo,We,Fr`: three or more consecutive days as a range."""
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


def _rule_text(days: frozenset[int] | None, intervals: tuple[tuple[int, int], ...] | list[tuple[int, int]]) -> str:
    hours = ",".join(f"{_clock(start)}-{_clock(end)}" for start, end in sorted(intervals)) or "off"
    return hours if days is None else f"{_day_selector(days)} {hours}"


def _joined(rules: list[_Rule], separators: list[str]) -> str:
    text = _rule_text(rules[0].days, rules[0].intervals)
    for rule, separator in zip(rules[1:], separators):
        text += f"{separator} {_rule_text(rule.days, rule.intervals)}"
    return text


def _candidates(rules: list[_Rule], own: list[list[tuple[int, int]]]) -> list[str]:
    """OSM texts to try, most like what the person wrote first; the first that means the intended week wins."""
    candidates: list[str] = []
    if rules:
        gives = {(day + 1) % 7 for day in range(7) if any(end > _DAY for _start, end in own[day])}
        seen: set[int] = set()
        plain: list[str] = []
        spill_aware: list[str] = []
        for rule in rules:
            days = set(rule.days if rule.days is not None else _ALL_DAYS)
            if seen:
                plain.append(";")
                # a `;` rule would wipe the spill-over it receives; `,` adds instead, the same when days differ
                spill_aware.append("," if days.isdisjoint(seen) and days & gives else ";")
            seen |= days
        candidates += [_joined(rules, plain), _joined(rules, spill_aware)]
    # Grouped by equal hours, closed days left out, joined with `,` where hours cross midnight: always expressible.
    by_hours: dict[tuple[tuple[int, int], ...], set[int]] = {}
    for day in range(7):
        if own[day]:
            by_hours.setdefault(tuple(sorted(own[day])), set()).add(day)
    texts = [
        (_rule_text(frozenset(days), hours), any(end > _DAY for _s, end in hours))
        for hours, days in sorted(by_hours.items(), key=lambda item: min(item[1]))
    ]
    if texts:
        crosses = any(crossing for _text, crossing in texts)
        candidates.append((", " if crosses else "; ").join(text for text, _crossing in texts))
        candidates.append(", ".join(text for text, _crossing in texts))
    return candidates


def _write(reading: _Reading) -> str | None:
    own = _own_hours(reading.rules, reading)
    intended = _intended_week(own)
    if intended == ((0, _WEEK),):
        return "24/7"
    for candidate in _candidates(reading.rules, own):
        if _evaluated_week(candidate) == intended:
            return candidate
    return None


# --------------------------------------------------------------------------------------------------- suggesting


def _punctuation_fixed(text: str) -> str:
    """OSM written with the wrong punctuation: `Mo-Fr 09.00–15.00`, rules on separate lines."""
    fixed = re.sub(r"[\u2010-\u2015\u2212\u2043]", "-", text.strip())
    fixed = re.sub(r"(?<![\d.:])(\d{1,2})\.(\d{2})(?![\d.:])", r"\1:\2", fixed)
    fixed = re.sub(r"\s*(?:\r\n|\n|\r)+\s*", "; ", fixed)
    return re.sub(r"\s*-\s*(?=\d)", "-", fixed)


def _spillovers(week: Week) -> list[tuple[int, int]]:
    """The parts of open stretches that run on past a midnight, up to noon (Sunday night reaches Monday)."""
    stretches = list(week)
    if len(stretches) >= 2 and stretches[0][0] == 0 and stretches[-1][1] == _WEEK:
        stretches = [*stretches[1:-1], (stretches[-1][0], _WEEK + stretches[0][1])]
    pieces: list[tuple[int, int]] = []
    for start, end in stretches:
        for midnight in range((start // _DAY + 1) * _DAY, end, _DAY):
            pieces.append((midnight % _WEEK, midnight % _WEEK + min(end - midnight, 12 * 60)))
    return pieces


def _loses_spillover(osm: str) -> bool:
    """A later `;` rule wipes hours past midnight that an earlier rule gives (hkh's `cancelled_spillover`)."""
    rules = [rule.strip() for rule in osm.split(";") if rule.strip()]
    whole = _evaluated_week(osm)
    if len(rules) < 2 or whole is None:
        return False
    for rule in rules:
        alone = _evaluated_week(rule)
        for start, end in _spillovers(alone or ()):
            if not any(a <= start and min(end, _WEEK) <= b for a, b in whole):
                return True
    return False


def suggest_opening_hours(text: str) -> Suggestion | None:
    """The OSM `opening_hours` text for hours written in words, or None.

    None when `text` is already valid OSM (hkh reads it as it is) or when nothing in it reads as opening hours.
    `certain` is True only when the text has exactly one meaning (see the module docstring for the calls made).
    """
    if not isinstance(text, str) or not text.strip():
        return None
    if _evaluated_week(text.strip()) is not None:
        return None
    reading = _read(text)
    written = _write(reading) if reading.rules else None
    doubts = list(dict.fromkeys(reading.doubts))
    if reading.appointment:
        doubts.insert(0, "by_appointment" if reading.rules else "no_fixed_hours")
    if written is not None and reading.rules and not doubts:
        return Suggestion(written, True)
    fixed = _punctuation_fixed(text)
    if _evaluated_week(fixed) is not None:
        if _loses_spillover(fixed):
            return Suggestion(fixed, False, "spillover_cancelled")
        return Suggestion(fixed, True)
    if written is not None and reading.rules:
        return Suggestion(written, False, _first_reason(doubts))
    if reading.appointment:
        note = re.sub(r'["\n\r;]', " ", text.strip())
        return Suggestion(f'off "{note}"', False, "no_fixed_hours")
    return None


def _first_reason(doubts: list[str]) -> str:
    for reason in REASONS:
        if reason in doubts:
            return reason
    return "ignored_text"
