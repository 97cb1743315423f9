"""How numbers, percentages, dates, periods and lists are written in nb, nn and en: one place for every output.

Norwegian typesetting: a decimal comma, a non-breaking space between thousands ("1 200"), a space before the per
cent sign ("33,3 %"), day-first dates with a full stop ("14. februar 2020"). English: a decimal point, "33.3%",
"14 February 2020". Rounding is half up (74.5 → 75), because readers check figures by hand, not half to even.
"""

from __future__ import annotations

import math

NBSP = "\u00a0"


def round_half_up(value: float, decimals: int = 0) -> float:
    """School rounding (74.5 → 75), not Python's banker's rounding, because readers check figures by hand."""
    factor = 10**decimals
    # the tiny nudge keeps 0.745 * 100 (74.49999...) rounding up, as a person rounding 74.5 would
    return math.floor(value * factor + 0.5 + 1e-9) / factor


def _norwegian(language: str) -> bool:
    return language in ("nb", "nn")


def format_number(value: float, language: str, decimals: int = 1) -> str:
    """A number with a fixed count of decimals: decimal comma in nb and nn, point in en; no thousands separator
    (for shares and means, which are never large)."""
    text = f"{round_half_up(value, decimals):.{decimals}f}"
    return text.replace(".", ",") if _norwegian(language) else text


def format_percent(percent: float, language: str, decimals: int = 1) -> str:
    """"33,3 %" in nb and nn (a space before the sign, as Norwegian typesetting has it), "33.3%" in en."""
    number = format_number(percent, language, decimals)
    return f"{number}%" if language == "en" else f"{number} %"


def format_quantity(value: float, language: str) -> str:
    """A count or amount as a table shows it: whole numbers without decimals, others with one; thousands separated
    ("12 000" in nb and nn, "12,000" in en)."""
    whole = float(value).is_integer()
    text = f"{value:,.0f}" if whole else f"{round_half_up(value, 1):,.1f}"
    if _norwegian(language):
        text = text.replace(",", NBSP).replace(".", ",")
    return text


def format_hours(value: float | int | None, language: str) -> str:
    """Hours a week: "8", "7,5" (nb, nn) or "7.5" (en); empty for no value."""
    if value is None or isinstance(value, bool):
        return ""
    text = f"{value:g}" if float(value).is_integer() else f"{value:.1f}"
    return text.replace(".", ",") if _norwegian(language) else text


def month_name(month: int, language: str) -> str:
    from hkh.i18n import t

    return t(f"months.{month}", language)


def format_date(text: str | None, language: str) -> str:
    """`2020-02-14` → "14. februar 2020" (en: "14 February 2020"), `2020-04` → "april 2020", `2020` → "2020"."""
    if not text:
        return ""
    parts = text.split("-")
    if len(parts) == 1:
        return parts[0]
    month = month_name(int(parts[1]), language)
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    day = int(parts[2])
    return f"{day} {month} {parts[0]}" if language == "en" else f"{day}. {month} {parts[0]}"


def format_period(start: str | None, end: str | None, language: str) -> str:
    """Two partial dates as a span ("februar–mai 2020" is not attempted: each end is written whole)."""
    if start and end:
        if start == end:
            return format_date(start, language)
        return f"{format_date(start, language)}–{format_date(end, language)}"
    return format_date(start or end, language)


def join_words(items: list[str], language: str) -> str:
    """"a, b og c" (nb, nn) or "a, b and c" (en); empty items are left out."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    conjunction = "and" if language == "en" else "og"
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
