"""The words and clock times of opening hours as people write them, cut into tokens for hours_text.

Bokmål, nynorsk and English day names and their short forms (`man`, `tys`, `lau`, `Mon`), groups of days
(`hverdager`, `helga`, `daglig`), `stengt`, `døgnåpent`, and time ranges in the forms Norwegians write them
(`kl. 9–15`, `09.00-15.00`, `0900-1500`, `mellom kl. 14 og 20`, `9am–3pm`). A time range is read here into minutes,
past midnight where the text says so; see hours_text's docstring for how a range such as `9-5` is judged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DAY_MINUTES = 24 * 60
ALL_DAYS = frozenset(range(7))

TimeRange = tuple[int, int, bool]  # start, end (past DAY_MINUTES: into the next day), ambiguous


@dataclass(frozen=True)
class Token:
    """One meaningful piece of an opening-hours text."""

    # day, days, times, allday, closed, range, list, boundary, filler, appointment, night, unknown
    kind: str
    days: frozenset[int] = frozenset()  # day (one), days (a group such as `hverdager`)
    times: tuple[TimeRange, ...] = ()
    text: str = ""  # what an unknown token said



_DAY_NAMES: dict[str, int] = {}
for _index, _names in enumerate(
    (
        "mandag måndag man ma mon monday mo",
        "tirsdag tysdag tir tirs tys tue tues tuesday tu",
        "onsdag ons wed weds wednesday we",
        "torsdag tor tors thu thur thurs thursday th",
        "fredag fre fri friday fr",
        "lørdag laurdag lør lau lø sat saturday sa",
        "søndag sundag søn sun sø sunday su",
    )
):
    for _name in _names.split():
        _DAY_NAMES[_name] = _index
# Plural and definite forms of the full names: mandager, mandagene, måndagar, laurdagane, Mondays.
_DAY_FORM = re.compile(r"^(\w+?dag|\w+day)(?:er|ene|en|ar|ane|a|s)?$")
# Two-letter Norwegian short forms that are also ordinary words (`to` = to/two, `on`, `ti` = ten): a day only
# right after another day and a connector (`ma-to`, `ma, on`).
_CONDITIONAL_DAYS = {"ti": 1, "on": 2, "to": 3}

_GROUP_WORDS: dict[str, frozenset[int]] = {}
for _words, _days in (
    (
        ("hverdag hverdager hverdagene hverdagar kvardag kvardagar kvardagane ukedager ukedagene ukedagar vekedagar "
        "vekedagane virkedager virkedagar yrkedagar weekday weekdays"),
        frozenset(range(5)),
    ),
    ("helg helga helgen helgene helger helgar helgane helgedager helgedagar weekend weekends", frozenset({5, 6})),
    ("daglig dagleg daily", ALL_DAYS),
):
    for _word in _words.split():
        _GROUP_WORDS[_word] = _days

_CLOSED_WORDS = {"stengt", "stengd", "stengde", "lukket", "lukka", "closed", "off"}
# Words that carry no meaning of their own in an opening-hours text.
_FILLERS = {
    "kl", "klokka", "klokken", "klokkå", "fra", "frå", "from", "fom", "i", "på", "pa", "om", "at", "åpent", "åpen",
    "open", "opent", "ope", "opningstid", "opningstider", "åpningstid", "åpningstider", "opening", "hours", "uka",
    "uken", "veka", "week", "the", "every", "alle", "er", "is", "are", "vi", "we're", "kun", "bare", "berre", "only",
}
_LIST_WORDS = {",", "og", "and", "&", "/", "+", "samt"}
_RANGE_WORDS = {"til", "to", "till", "until", "through", "thru", "t.o.m.", "tom"}
_BOUNDARIES = {";", "\n", "."}
_DOT_ABBREVIATIONS = {"kl", "man", "tir", "tirs", "tys", "ons", "tor", "tors", "fre", "lør", "lau", "søn", "sun",
                      "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat"}

_CLOCK = r"(?:\d{3,4}(?![\d:])|\d{1,2}(?:[.:]\d{2})?)(?:\s*(?:am|pm|a\.m\.|p\.m\.))?"
_KL = r"(?:(?:kl\.?|klokka|klokken|klokkå|at)\s*)?"
_TIME_RANGE = re.compile(
    rf"(?:(?:mellom|between)\s+{_KL}(?P<a>{_CLOCK})\s+(?:og|and)\s+{_KL}(?P<b>{_CLOCK})"
    rf"|{_KL}(?P<c>{_CLOCK})\s*(?:-|(?:til|till|to|until|through)\b)\s*{_KL}(?P<d>{_CLOCK}))"
)
_ENDPOINT = re.compile(r"^(?:(\d{1,2})(?:[.:](\d{2}))?|(\d{1,2})(\d{2}))\s*(am|pm|a\.m\.|p\.m\.)?$")

# Phrases tried before single words; (pattern, token kind, days).
_PHRASES: tuple[tuple[re.Pattern[str], str, frozenset[int]], ...] = tuple(
    (re.compile(f"(?:{pattern})(?!\\w)"), kind, days)
    for pattern, kind, days in (
        (r"etter\s+avtalen?|etter\s+behov|ved\s+behov|by\s+appointment", "appointment", frozenset()),
        # "ellers stengt" (otherwise closed) is what OSM means by leaving the other days out
        (r"ellers\s+(?:stengt|stengd|lukket|lukka)|otherwise\s+closed|resten\s+stengt", "filler", frozenset()),
        (
            (r"døgnåpent|døgnåpen|døgnope|døgnopen|døgnopent|(?:hele|heile)\s+(?:døgnet|døgeret)|døgnet\s+rundt"
            r"|around\s+the\s+clock|24\s*/\s*7|24\s+timer|24\s+hours|0?0\s*-\s*24(?![.:\d])"),
            "allday",
            frozenset(),
        ),
        (
            (r"alle\s+(?:dager|dagar|dagene|dagane)|(?:hver|kvar)\s+dag|every\s+day|7\s+(?:dager|dagar|days)\s+"
            r"(?:i\s+(?:uka|uken|veka)|a\s+week)|(?:hele|heile)\s+(?:uka|uken|veka)|all\s+week"),
            "days",
            ALL_DAYS,
        ),
        (r"natt(?:a|en)?\s+(?:til|mot)|night\s+to", "night", frozenset()),
    )
)


def _endpoint(text: str) -> tuple[int, int, str | None, bool] | None:
    """(hour, minute, am/pm, written on the 24-hour clock) or None when it is no time."""
    match = _ENDPOINT.match(text.strip())
    if not match:
        return None
    hour = int(match.group(1) or match.group(3))
    minute = int(match.group(2) or match.group(4) or 0)
    suffix = (match.group(5) or "").replace(".", "") or None
    if minute > 59 or hour > 24 or (suffix and not 1 <= hour <= 12):
        return None
    formal = match.group(2) is not None or match.group(4) is not None or (len(match.group(1) or "") == 2
                                                                           and hour < 10)
    return hour, minute, suffix, formal


def _minutes(hour: int, minute: int, suffix: str | None) -> int:
    if suffix:
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    return hour * 60 + minute


def time_range(first: str, second: str) -> TimeRange | None:
    """(start, end, ambiguous) in minutes from the day's midnight; end past 1440 runs into the next day."""
    start_point, end_point = _endpoint(first), _endpoint(second)
    if start_point is None or end_point is None:
        return None
    (h1, m1, s1, formal1), (h2, m2, s2, formal2) = start_point, end_point
    guessed = False
    if s1 and not s2 or s2 and not s1:
        if (h2 if s1 else h1) > 12:
            return None  # `20-03 pm` mixes the clocks
        # `9-5pm`, `9am-5`: the missing half of the day is the one that keeps the range forward
        given = s1 or s2
        for candidate in (given, "am" if given == "pm" else "pm"):
            if _minutes(h1, m1, s1 or candidate) < _minutes(h2, m2, s2 or candidate):
                s1, s2 = s1 or candidate, s2 or candidate
                break
        else:
            s1, s2, guessed = s1 or given, s2 or given, True  # `9-5 am`: no reading runs forward
    if h1 == 24 and m1 == 0 and not s1:
        h1 = 0  # `24-06` is written by some for a night shelter
    if h1 >= 24 or (h2 == 24 and m2 != 0):
        return None
    start, end = _minutes(h1, m1, s1), _minutes(h2, m2, s2)
    bare = not (s1 or s2 or formal1 or formal2)
    if end == start:
        return None
    if end > start:
        # `1-5` written bare could be the night or the afternoon on a 12-hour clock
        return start, end, bare and 1 <= h1 <= 7 and 1 <= h2 <= 7
    if s1 or formal1 or formal2 or start >= 12 * 60:
        return start, end + DAY_MINUTES, guessed  # past midnight: `fre 20-03`, `08.00-04.00`, `10pm-2am`
    if end + 12 * 60 > start:
        return start, end + 12 * 60, True  # `9-5`: most likely 09:00-17:00
    return start, end + DAY_MINUTES, True


def _day_word(word: str, previous: list[Token]) -> int | None:
    if word in _DAY_NAMES:
        return _DAY_NAMES[word]
    match = _DAY_FORM.match(word)
    if match and match.group(1) in _DAY_NAMES:
        return _DAY_NAMES[match.group(1)]
    if word in _CONDITIONAL_DAYS and len(previous) >= 2:
        before, connector = previous[-2], previous[-1]
        if before.kind == "day" and connector.kind in ("range", "list"):
            return _CONDITIONAL_DAYS[word]
    return None


_WORD = re.compile(r"t\.o\.m\.|[^\W\d_]+(?:'[^\W\d_]+)?|\d+(?:[.:]\d+)?")
_NIGHT_REMARK = re.compile(r"\s*natt(?:a|en)?\s+(?:til|mot)\s+\w+\s*")


def tokens(text: str) -> list[Token]:
    """The text cut into tokens, dashes of all kinds read as `-`, case folded."""
    text = re.sub(r"[\u2010-\u2015\u2212\u2043]", "-", text.casefold()).replace("\u00a0", " ")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found: list[Token] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char in " \t":
            position += 1
            continue
        if char == "(":
            close = text.find(")", position)
            close = len(text) if close < 0 else close
            inner = text[position + 1:close]
            # "(natt til lørdag)" after `Fredag 08.00-04.00` only says in words what the hours already say
            if not _NIGHT_REMARK.fullmatch(inner):
                found.append(Token("unknown", text=inner))
            position = close + 1
            continue
        for pattern, kind, days in _PHRASES:
            match = pattern.match(text, position)
            if match:
                found.append(Token(kind, days))
                position = match.end()
                break
        else:
            match = _TIME_RANGE.match(text, position)
            if match and (char.isdigit() or match.group(0)[:1].isalpha()):
                first, second = (match.group("a"), match.group("b")) if match.group("a") else (
                    match.group("c"), match.group("d"))
                read = time_range(first, second)
                found.append(Token("times", times=(read,)) if read else Token("unknown", text=match.group(0)))
                position = match.end()
                continue
            word = _WORD.match(text, position)
            if not word:
                found.append(_punctuation(char))
                position += 1
                continue
            value = word.group(0)
            position = word.end()
            if value in _DOT_ABBREVIATIONS and text.startswith(".", position):
                position += 1
            found.append(_word_token(value, found))
    return found


def _punctuation(char: str) -> Token:
    if char in _BOUNDARIES:
        return Token("boundary")
    if char == "-":
        return Token("range")
    if char in _LIST_WORDS:
        return Token("list")
    if char in ":":
        return Token("filler")
    return Token("unknown", text=char)


def _word_token(word: str, previous: list[Token]) -> Token:
    day = _day_word(word, previous)
    if day is not None:
        return Token("day", frozenset({day}))
    if word in _GROUP_WORDS:
        return Token("days", _GROUP_WORDS[word])
    if word in _CLOSED_WORDS:
        return Token("closed")
    if word in _RANGE_WORDS:
        return Token("range", text=word)
    if word in _LIST_WORDS:
        return Token("list")
    if word in _FILLERS:
        return Token("filler")
    return Token("unknown", text=word)


