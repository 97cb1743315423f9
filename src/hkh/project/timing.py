"""Plan timing texts ("Fra høst 2020", "Innen juni 2021", "Kontinuerlig") read into date spans.

The *Tid* column of an HKH action plan is written for people: a season, a month, a quarter, "from", "by",
"continuous". `read_timing` turns it into an inclusive date span (`start`, `end`, either open), so that hkh can sort
measures, draw them on a time line and say which should have started or ended by now. It never guesses silently:
`certain` is False whenever the span depends on a convention the text does not settle.

The judgement calls (each tested in tests/test_timing.py):
- Seasons follow the Norwegian working and school year by default (`seasons="term"`), because that is how a
  municipality plans: "høsten 2020" is the autumn term, after the summer holidays until Christmas (1 August to
  31 December), "våren 2021" the spring term (1 January to 30 June), "sommeren" June to August. A council that says
  "saken legges fram våren 2021" means any meeting before the summer. `seasons="meteorological"` gives the
  calendar seasons instead (spring March-May, summer June-August, autumn September-November).
  Winter crosses the new year: "vinteren 2020/2021" is 1 December 2020 to the end of February 2021 and certain;
  "vinter 2021" alone is read as its January and February and is not certain (`ambiguous_season`).
- "Fra X" starts at X's first day and has no end; "Innen X" / "By X" / "Senest X" ends at X's last day ("Innen juni
  2021" is still on time on 30 June); "Til X" / "Ut X" ends there too; "Før X" ends the day before X starts and
  "Etter X" starts the day after X ends.
- A range takes the year of its end when its start has none ("jan.-mars 2021"), one year earlier when that would
  put the start after the end ("nov.-feb. 2021" starts in November 2020).
- "2020/2021" (a school year or two calendar years?) is read as both years and is not certain (`school_year`).
- "Kontinuerlig", "løpende", "fortløpende", "Continuous" are `ongoing` with no dates (certain); they combine with a
  start ("Kontinuerlig fra høst 2020").
- "Snarest", "straks", "umiddelbart" have no date: with `reference` they start then; never certain (`vague`).
- "Starten/begynnelsen av X", "slutten av X", "midten av X" are the first, last or middle third of X, not certain
  (`approximate`).
- A text without a year uses `reference.year` only when `reference` is given, and is then not certain (`no_year`).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

__all__ = ["REASONS", "SEASONS", "Timing", "read_timing"]

Seasons = Literal["term", "meteorological"]

REASONS = {
    "empty": "no text",
    "unread": "the text was not understood",
    "vague": "as soon as possible: no date",
    "no_year": "no year written; the reference year was used (or none was given)",
    "approximate": "the start, middle or end of a period is a rough third of it",
    "ambiguous_season": "a winter named by one year could be either side of the new year",
    "school_year": "'2020/2021' could be a school year or two calendar years; both years are given",
    "reversed": "the span was written end first; start and end were swapped",
}

# (first month, last month) of each season by convention; winter crosses the new year and is read apart
SEASONS: dict[Seasons, dict[str, tuple[int, int]]] = {
    "term": {"spring": (1, 6), "summer": (6, 8), "autumn": (8, 12)},
    "meteorological": {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11)},
}


@dataclass(frozen=True)
class Timing:
    """An inclusive date span read from a plan's timing text; either end may be open."""

    start: date | None
    end: date | None
    ongoing: bool
    certain: bool
    text: str
    reason: str | None = None  # a key of REASONS; None exactly when certain


# ------------------------------------------------------------------------------------------------------ words

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "januar january jan", "februar february feb", "mars march mar", "april apr", "mai may",
        "juni june jun", "juli july jul", "august aug", "september sept sep", "oktober october okt oct",
        "november nov", "desember december des dec",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

_SEASON_WORDS = {
    "spring": "vår våren våra vårt spring",
    "summer": "sommer sommeren sumar sumaren summer",
    "autumn": "høst høsten haust hausten autumn fall",
    "winter": "vinter vinteren vintren winter",
}
_SEASON_OF = {word: season for season, words in _SEASON_WORDS.items() for word in words.split()}
_SEASON = r"(?P<season>" + "|".join(sorted(_SEASON_OF, key=len, reverse=True)) + r")"

_ORDINALS = {
    "første": 1, "fyrste": 1, "first": 1, "1st": 1,
    "andre": 2, "annen": 2, "anna": 2, "second": 2, "2nd": 2,
    "tredje": 3, "third": 3, "3rd": 3,
    "fjerde": 4, "fourth": 4, "4th": 4,
}
_ORDINAL = r"(?P<ordinal>" + "|".join(_ORDINALS) + r"|[1-4]\.?)"
_YEAR = r"(?:\s*(?:i|of|av|in)?\s*(?:året\s+)?(?P<year>(?:19|20)\d\d))?"

_ONGOING = re.compile(
    r"\b(?:kontinuerlig|kontinuerleg|løpende|løpande|løypande|fortløpende|fortløpande|fortløypande|continuous(?:ly)?"
    r"|ongoing|on-going|pågående|pågåande|permanent|varig|varleg)\b"
)
_VAGUE = re.compile(
    r"^(?:snarest|snarast|straks|umiddelbart|omgående|omgåande|asap|as soon as possible|immediately"
    r"|så snart som mulig|så snart som mogleg|så fort som mulig|fortest mulig)(?:\s+mulig|\s+mogleg)?$"
)

# (pattern, mode): the mode says what the period after the words means. Longest first.
_PREFIXES: tuple[tuple[str, str], ...] = (
    (
        (r"innen utgangen av|innan utgangen av|innen slutten av|innan slutten av|by the end of|by end of"
        r"|ved utgangen av|at the end of|utgangen av|before the end of"),
        "by",
    ),
    (
        (r"fra og med|frå og med|f\.o\.m\.?|fom|fra|frå|from|starting(?: in| from)?|starts?(?: in)?|oppstart"
        r"|med start(?: i)?|beginning(?: in)?"),
        "from",
    ),
    (r"innen|innan|by|senest|seinast|no later than|not later than|within", "by"),
    (r"til og med|t\.o\.m\.?|tom|til|until|till|through|up to|ut", "until"),
    (r"før|innen starten av|before", "before"),
    (r"etter|after", "after"),
    (r"i løpet av|i løpet|ila\.?|i|in|during|gjennom|throughout", "during"),
)
_PREFIX = re.compile(r"^(?:" + "|".join(f"(?P<m{index}>{words})" for index, (words, _mode) in enumerate(_PREFIXES))
                     + r")\s+")
_PART = re.compile(
    r"^(?P<part>starten av|starten på|begynnelsen av|byrjinga av|tidlig|tidleg|early|midten av|mid|slutten av|"
    r"late|seint|sent)\s+"
)
_RANGE_SEPARATOR = re.compile(r"\s*-\s*|\s+(?:til|to|until|till|through)\s+")


@dataclass(frozen=True)
class _Span:
    start: date
    end: date
    year: int
    year_written: bool
    doubt: str | None = None
    is_range: bool = False  # two periods written ("jan.-mars 2021"): both ends are given, whatever the prefix


class _NeedsYear(Exception):
    """The period names no year and none was given to fall back on."""


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_span(year: int, first: int, last: int) -> tuple[date, date]:
    return date(year, first, 1), _last_day(year, last)


def _ordinal(text: str) -> int:
    return _ORDINALS.get(text, 0) or int(text.rstrip("."))


# Each builder gets the match, the year to use (written or fallen back on) and the season convention.
_Builder = Callable[[re.Match[str], int, Seasons], tuple[date, date, str | None]]


def _season_span(match: re.Match[str], year: int, seasons: Seasons) -> tuple[date, date, str | None]:
    season = _SEASON_OF[match.group("season")]
    if season == "winter":
        if match.group("second"):  # "vinteren 2020/2021": December to February
            return date(year, 12, 1), _last_day(year + 1, 2), None
        return date(year, 1, 1), _last_day(year, 2), "ambiguous_season"
    first_month, last_month = SEASONS[seasons][season]
    return (*_month_span(year, first_month, last_month), None)


def _date(year: int, month: int, day: int) -> tuple[date, date, str | None]:
    moment = date(year, month, day)
    return moment, moment, None


def _month(year: int, month: int) -> tuple[date, date, str | None]:
    return (*_month_span(year, month, month), None)


_PERIODS: tuple[tuple[re.Pattern[str], _Builder], ...] = tuple(
    (re.compile(pattern), builder)
    for pattern, builder in (
        (r"(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})",
         lambda m, y, s: _date(y, int(m.group("m")), int(m.group("d")))),
        (r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})(?:\.(?P<year>\d{4}|\d{2}))?",
         lambda m, y, s: _date(y, int(m.group("m")), int(m.group("d")))),
        (r"(?P<d>\d{1,2})\.?\s+" + _MONTH + _YEAR,
         lambda m, y, s: _date(y, _MONTHS[m.group("month")], int(m.group("d")))),
        (_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?" + _YEAR,
         lambda m, y, s: _date(y, _MONTHS[m.group("month")], int(m.group("d")))),
        (_MONTH + _YEAR, lambda m, y, s: _month(y, _MONTHS[m.group("month")])),
        (r"(?P<m>\d{1,2})[./](?P<year>\d{4})", lambda m, y, s: _month(y, int(m.group("m")))),
        (r"(?P<year>\d{4})-(?P<m>0[1-9]|1[0-2])", lambda m, y, s: _month(y, int(m.group("m")))),
        (r"(?:året\s+|år\s+|year\s+)?(?P<year>\d{4})", lambda m, y, s: (date(y, 1, 1), date(y, 12, 31), None)),
        (r"(?:q|k)(?P<q>[1-4])" + _YEAR, lambda m, y, s: _quarter(y, int(m.group("q")))),
        (r"(?P<year>\d{4})\s*-?\s*(?:q|k)(?P<q>[1-4])", lambda m, y, s: _quarter(y, int(m.group("q")))),
        (_ORDINAL + r"\s*(?:kvartal|kv\.?|quarter)(?:et)?" + _YEAR,
         lambda m, y, s: _quarter(y, _ordinal(m.group("ordinal")))),
        (_ORDINAL + r"\s*(?:halvår|halvåret|half|half-year|halvdel)" + _YEAR,
         lambda m, y, s: _half(y, _ordinal(m.group("ordinal")))),
        (r"h(?P<h>[12])" + _YEAR, lambda m, y, s: _half(y, int(m.group("h")))),
        (r"(?P<h>vår|høst|haust)halvåret" + _YEAR, lambda m, y, s: _half(y, 1 if m.group("h") == "vår" else 2)),
        (r"(?:uke|veke|week)\s*(?P<w>\d{1,2})" + _YEAR, lambda m, y, s: _week(y, int(m.group("w")))),
        (_SEASON + r"(?:\s*(?:i|of|in)?\s*(?P<year>\d{4})(?:\s*/\s*(?P<second>\d{4}|\d{2}))?)?", _season_span),
    )
)


def _quarter(year: int, quarter: int) -> tuple[date, date, str | None]:
    return (*_month_span(year, 3 * quarter - 2, 3 * quarter), None)


def _half(year: int, half: int) -> tuple[date, date, str | None]:
    return (*_month_span(year, 6 * half - 5, 6 * half), None)


def _week(year: int, week: int) -> tuple[date, date, str | None]:
    monday = date.fromisocalendar(year, week, 1)
    return monday, monday + timedelta(days=6), None


def _period(text: str, fallback_year: int | None, seasons: Seasons) -> _Span | None:
    """One period ("høst 2020", "Q3 2021", "15.03.2021"), or None when it is none; raises _NeedsYear."""
    text = text.strip(" .,")
    part = _PART.match(text)
    if part:
        inner = _period(text[part.end():], fallback_year, seasons)
        return None if inner is None else _part(inner, part.group("part"))
    two_years = re.fullmatch(r"(?P<a>\d{4})\s*/\s*(?P<b>\d{4}|\d{2})|(?P<c>\d{4})-(?P<d>\d{2})", text)
    if two_years:
        first = int(two_years.group("a") or two_years.group("c"))
        second_text = two_years.group("b") or two_years.group("d")
        second = int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
        if second == first + 1:
            doubt = "school_year" if two_years.group("a") else None
            return _Span(date(first, 1, 1), date(second, 12, 31), second, True, doubt, True)
    for pattern, builder in _PERIODS:
        match = pattern.fullmatch(text)
        if not match:
            continue
        written = match.groupdict().get("year")
        if written is not None:
            year = int(written) + (2000 if len(written) == 2 else 0)
        elif fallback_year is not None:
            year = fallback_year
        else:
            raise _NeedsYear(text)
        try:
            start, end, doubt = builder(match, year, seasons)
        except ValueError:  # 31.02.2021, week 54: a date that does not exist is no date
            return None
        return _Span(start, end, year, written is not None, doubt)
    return None


def _part(span: _Span, part: str) -> _Span:
    """The first, middle or last third of a period: "starten av 2021" is January to April.

    Periods of whole months are cut at month ends (a third rounded to whole months, at least one); a single month or
    a shorter period is cut in thirds of days ("slutten av mars" is 21 to 31 March).
    """
    early = part in ("starten av", "starten på", "begynnelsen av", "byrjinga av", "tidlig", "tidleg", "early")
    middle = part in ("midten av", "mid")
    months = (span.end.year - span.start.year) * 12 + span.end.month - span.start.month + 1
    whole_months = span.start.day == 1 and span.end == _last_day(span.end.year, span.end.month)
    if whole_months and months >= 3:
        third = max(1, round(months / 3))

        def month_start(offset: int) -> date:
            index = span.start.month - 1 + offset
            return date(span.start.year + index // 12, index % 12 + 1, 1)

        if early:
            start, end = span.start, month_start(third) - timedelta(days=1)
        elif middle:
            start, end = month_start(third), month_start(months - third) - timedelta(days=1)
        else:
            start, end = month_start(months - third), span.end
    else:
        days = (span.end - span.start).days + 1
        if days < 3:  # a period of a day or two has no thirds
            return _Span(span.start, span.end, span.year, span.year_written, "approximate")
        third = days // 3
        if early:
            start, end = span.start, span.start + timedelta(days=third - 1)
        elif middle:
            start, end = span.start + timedelta(days=third), span.start + timedelta(days=2 * third - 1)
        else:
            start, end = span.end - timedelta(days=days - 2 * third - 1), span.end
    return _Span(start, end, span.year, span.year_written, "approximate")


def _span(text: str, fallback_year: int | None, seasons: Seasons) -> _Span | None:
    """A period or a range of two ("jan.-mars 2021", "høst 2020 til vår 2021")."""
    single = _period(text, fallback_year, seasons)
    if single is not None:
        return single
    for separator in _RANGE_SEPARATOR.finditer(text):
        left_text, right_text = text[: separator.start()], text[separator.end():]
        if not left_text.strip() or not right_text.strip():
            continue
        right = _period(right_text, fallback_year, seasons)
        if right is None:
            continue
        left = _period(left_text, right.year, seasons)
        if left is None:
            continue
        if not left.year_written and left.start > right.end:
            left = _period(left_text, right.year - 1, seasons)  # "nov.-feb. 2021" starts in November 2020
            if left is None:
                continue
        doubt = left.doubt or right.doubt
        written = left.year_written or right.year_written
        if left.start > right.end:  # written end first ("2022-2020"): the span between them, not certain
            return _Span(right.start, left.end, left.year, written, "reversed", True)
        return _Span(left.start, right.end, right.year, written, doubt, True)
    return None


def _normalised(text: str) -> str:
    text = re.sub(r"[\u2010-\u2015\u2212\u2043]", "-", text.casefold())
    text = re.sub(r"\s+", " ", text).strip(" .,;:")
    return text


def read_timing(text: str, *, reference: date | None = None, seasons: Seasons = "term") -> Timing:
    """The date span a plan's timing text means (see the module docstring for the conventions).

    `reference` (the plan's date, say) supplies the year for texts without one, which are then not certain.
    """
    original = text if isinstance(text, str) else ""
    words = _normalised(original)
    if not words:
        return Timing(None, None, False, False, original, "empty")
    ongoing = bool(_ONGOING.search(words))
    if ongoing:
        words = _ONGOING.sub(" ", words)
        words = re.sub(r"^(?:og|and|,|\s)+|(?:og|and|,|\s)+$", "", re.sub(r"\s+", " ", words)).strip()
        if not words:
            return Timing(None, None, True, True, original)
    if _VAGUE.match(words):
        return Timing(reference, None, ongoing, False, original, "vague")
    mode = "during"
    prefix = _PREFIX.match(words)
    if prefix:
        index = next(int(name[1:]) for name, value in prefix.groupdict().items() if value)
        mode = _PREFIXES[index][1]
        words = words[prefix.end():]
    doubts: list[str] = []
    try:
        span = _span(words, None, seasons)
    except _NeedsYear:
        if reference is None:
            return Timing(None, None, ongoing, False, original, "no_year")
        doubts.append("no_year")
        try:
            span = _span(words, reference.year, seasons)
        except _NeedsYear:  # pragma: no cover - a fallback year is always given here
            span = None
    if span is None:
        return Timing(None, None, ongoing, False, original, "unread")
    if span.doubt:
        doubts.append(span.doubt)
    start: date | None = span.start
    end: date | None = span.end
    if mode == "from" and not span.is_range:
        end = None
    elif mode in ("by", "until") and not span.is_range:
        start = None
    elif mode == "before":
        start, end = None, span.start - timedelta(days=1)
    elif mode == "after":
        start, end = span.end + timedelta(days=1), None
    if start is not None and end is not None and start > end:
        start, end = end, start
        doubts.append("reversed")
    reason = next((key for key in REASONS if key in doubts), None)
    return Timing(start, end, ongoing, reason is None, original, reason)
