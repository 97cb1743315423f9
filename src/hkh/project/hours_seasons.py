"""Opening hours with calendar rules, in words: `Jun-Aug Fr,Sa 20:00-02:00; PH off` → "juni–august: fredag og
lørdag 20.00–02.00; stengt på helligdager".

`hours.describe_opening_hours` describes one reference week in January without holidays, which is right for weekly
hours but says "ingen timer" for a summer-only service and nothing of `PH off`. Where the text has calendar parts
(months, dates, week numbers, public or school holidays), each `;` rule is described on its own: its calendar part in
words, then its weekly part as `hours` describes it. Anything this does not recognise is left to
`hours.describe_opening_hours` (and, failing that, the text itself), so the words are never made up.
"""

from __future__ import annotations

import re

from hkh.project import hours

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_MONTH_DAY = rf"{_MONTH}(?:\s+\d{{1,2}})?"
_MONTH_SPAN = rf"{_MONTH_DAY}(?:\s*-\s*{_MONTH_DAY}|\s*-\s*\d{{1,2}})?"
_CALENDAR = re.compile(rf"^\s*(?P<months>{_MONTH_SPAN}(?:\s*,\s*{_MONTH_SPAN})*)\s*(?P<rest>.*)$")
_WEEKS = re.compile(r"^\s*week\s*(?P<first>\d{1,2})(?:\s*-\s*(?P<last>\d{1,2}))?(?:/\d+)?\s+(?P<rest>.*)$")
_HOLIDAY = re.compile(r"^\s*(?P<kind>PH|SH)\b\s*(?P<rest>.*)$")
_HAS_CALENDAR = re.compile(rf"\b(?:{_MONTH}|week|PH|SH|easter|\d{{4}})\b")
_CLOSED = {"off", "closed"}
_ENGLISH_DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

def _word(key: str, language: str) -> str:
    from hkh.i18n import t

    return t(f"coverage.hours_{key}", language)


def _month_day(text: str, language: str) -> str:
    from hkh.i18n import t

    parts = text.split()
    name = t(f"months.{_MONTHS.index(parts[0]) + 1}", language)
    if len(parts) == 1:
        return name
    day = int(parts[1])
    return f"{day} {name}" if language == "en" else f"{day}. {name}"


def _months_words(text: str, language: str) -> str:
    spans = []
    for span in re.split(r"\s*,\s*", text.strip()):
        ends = [end.strip() for end in span.split("-")]
        if len(ends) == 2 and ends[1].isdigit():  # `Dec 24-26`
            first = _month_day(ends[0], language)
            spans.append(f"{first}–{_month_day(ends[0].split()[0] + ' ' + ends[1], language)}")
        else:
            spans.append("–".join(_month_day(end, language) for end in ends))
    return ", ".join(spans)


def _weekly(text: str, language: str) -> str | None:
    """The weekly part of a rule in words ("fredag og lørdag 20.00–02.00"), "stengt", or None when unknown."""
    rest = text.strip().strip('"')
    if not rest:
        return _word("every_day", language)
    if rest.split()[0] in _CLOSED:
        return _word("closed", language)
    try:
        return hours.describe_opening_hours(rest, language)
    except hours.HoursError:
        return None


def _rule(rule: str, language: str) -> str | None:
    found = _CALENDAR.match(rule)
    if found:
        when = _months_words(found.group("months"), language)
    elif (found := _WEEKS.match(rule)) is not None:
        first, last = found.group("first"), found.group("last")
        when = _word("weeks", language).format(first=int(first), last=int(last)) if last else _word("week", language).format(first=int(first))
    elif (found := _HOLIDAY.match(rule)) is not None:
        when = _word(found.group("kind"), language)
    elif _HAS_CALENDAR.search(rule):
        return None  # a year, Easter, a calendar part written otherwise: not said in words here
    else:
        return _weekly(rule, language)
    weekly = _weekly(found.group("rest"), language)
    if weekly is None:
        return None
    every_day = _word("every_day", language)
    if weekly.casefold().startswith(every_day.casefold() + " "):
        weekly = weekly[len(every_day) + 1 :]  # "helligdager: 10.00–12.00", not "helligdager: alle dager …"
    # inside a sentence: lower case, but English day names keep their capital
    first_word = weekly.split(" ", 1)[0].rstrip(",;–-")
    if language != "en" or first_word.split("–")[0] not in _ENGLISH_DAYS:
        weekly = weekly[:1].lower() + weekly[1:]
    return f"{when}: {weekly}"


def describe_hours(text: str, language: str) -> str:
    """The opening hours in words, calendar parts included; the text itself when it cannot be said in words."""
    if not _HAS_CALENDAR.search(text):
        try:
            return hours.describe_opening_hours(text, language)
        except hours.HoursError:
            return text
    described = [_rule(rule, language) for rule in text.split(";") if rule.strip()]
    if any(part is None for part in described):
        return text
    sentence = "; ".join(part for part in described if part)
    return sentence[:1].upper() + sentence[1:]
