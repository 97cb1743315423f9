"""Identifiers in values and free text: national identity numbers, phone numbers, e-mail and IP addresses.

Used by `hkh.survey.identifiers` (import from there). Standard library only, no pandas.

**Norwegian national identity numbers** (fødselsnummer, D-nummer, H-nummer): 11 digits DDMMYY + individual
number (3) + check digits k1, k2 (Skatteetaten, folkeregisteret-api-dokumentasjon `nyttfnr2032.md`):

- k1 weights 3 7 6 1 8 9 4 5 2, k2 weights 5 4 3 2 7 6 5 4 3 2 (the second over the first ten digits).
  Up to 2031: k1 = 11 - (sum mod 11), i.e. the weighted sum of the first ten digits with k1 weighted 1 is 0 mod 11.
- **From 1 January 2032** k1 may be any of {11, 12, 13, 14} - (sum mod 11): the remainder of that ten-digit sum
  may be 0, 1, 2 or 3. k2 is unchanged (remainder 0). The new numbers are issued to people born at any time, the
  number does not tell when it was issued, and Skatteetaten says systems must read both rules in parallel: so a
  number passes when the remainder is 0-3 (`allow_2032_rule=False` restricts it to 0). Also from 2032 the
  individual number no longer gives the century, so the date is checked as day and month (29 February when the
  two-digit year is divisible by four, 00 counting as 2000) and the individual number is not checked.
- D-numbers: day + 40. H-numbers (health service aid numbers): month + 40. Skatteetaten's synthetic test numbers
  (Tenor): month + 80, accepted as well since a team testing its pipeline should see them masked. FH-numbers
  (first digit 8 or 9, no date) are not recognised.

A random 11-digit string passes with a probability of 0.74 % (measured over a million; 0.18 % under the rule up
to 2031 alone): the checksum and date checks are what keep ordinary numbers from being taken for identity numbers.

**Phone numbers**: Norwegian, 8 digits starting 2-9, optionally after +47 / 0047. In a value, spaces and hyphens
may group the digits any way. In free text only the usual groupings are read (`91234567`, `912 34 567`,
`91 23 45 67`, `+47 …`), and a number is left alone when it is an amount (kr, NOK, kroner, %, ",-" beside it),
when it reads as a compact date (20200415, 15042020), or when it is the tail of a longer grouped number.
An 8-digit number that is none of these is taken for a phone number (for example a debt "25000000" without
"kr", or "22 33 44 55 år"): over-masking a number is the cheaper mistake. Not read: `9123 4567` without +47 (it
is also two years), dotted `912.34.567`, numbers glued to a following letter.

**In free text** (`screen_text`, `mask_text`) also: identity numbers as 11 digits or 6 + 5 with a space or
hyphen, bounded by non-digits (letters may touch: `fnr01019012345`), checksums always checked, so a mistyped
one is missed; e-mail addresses (`x@y.tld`, not obfuscated `x at y dot no`); IPv4 (also before a port) and IPv6
with at least three groups (`fe80::1` and `::1` are left: they identify no one); a name only after "jeg heter",
"eg heiter", "mitt navn/namn er", "my name is", "I'm called", "ich heiße", "mein Name ist", and only when
capitalised (one to three words). Other personal names in free text are out of scope.

**Column thresholds**: a column is flagged as holding kind X when at least `COLUMN_SHARE` (half) of its non-blank
values are, whole, an X. Real identifier columns are near 100 %; respondents refusing ("-", "har ikke", "vil
ikke oppgi") bring it down, and half is still a clear majority that no free-text or numeric survey column reaches
by chance. For identity numbers, typing slips are allowed for: when at least half of the values are 11-digit
numbers and at least a quarter of those (`TYPO_SHARE`, some 35 times the chance rate) pass the checks, with at
least two passing, the column is flagged too. A value that only *contains* an identifier in longer text is a
screening hit (`within_text`), never a column verdict: mask it with `mask_text`.
"""

from __future__ import annotations

import datetime
import ipaddress
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

COLUMN_SHARE = 0.5
TYPO_SHARE = 0.25
DEFAULT_MARK = "[•••]"


class IdentifierKind(StrEnum):
    """Stable codes: callers key their nb/nn/en wording on the value."""

    NATIONAL_ID = "national_id"  # fødselsnummer, D-nummer, H-nummer, passport number, SSN
    NAME = "name"
    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"  # street address, or postcode with place
    BIRTH_DATE = "birth_date"
    IP = "ip"
    SYSTEM_ID = "system_id"  # respondent, contact, user or record id
    CONTACT = "contact"  # anything under a contact-information heading
    POSTCODE = "postcode"  # quasi-identifying: a warning, not a drop

    @property
    def direct(self) -> bool:
        return self is not IdentifierKind.POSTCODE


@dataclass(frozen=True)
class Hit:
    """An identifier inside a text: `text[start:end]`."""

    kind: IdentifierKind
    start: int
    end: int


@dataclass(frozen=True)
class ContentFinding:
    """How many of a column's values are (or contain) one kind of identifier."""

    kind: IdentifierKind
    matching: int  # non-blank values that are, whole, this kind
    within_text: int  # values that contain it inside longer text (screening hits)
    non_blank: int
    first_row: int  # 0-based position of the first value that is or contains it
    column: bool  # the threshold is reached: the column holds identifiers

    @property
    def share(self) -> float:
        return self.matching / self.non_blank if self.non_blank else 0.0


# -- national identity numbers


def _days_in_month(month: int, yy: int) -> int:
    if month == 2:
        return 29 if yy % 4 == 0 else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _national_id_ok(digits: str, allow_2032_rule: bool = True) -> bool:
    """`digits` is 11 ASCII digits."""
    n = [ord(c) - 48 for c in digits]
    r1 = (3 * n[0] + 7 * n[1] + 6 * n[2] + n[3] + 8 * n[4] + 9 * n[5] + 4 * n[6] + 5 * n[7] + 2 * n[8] + n[9]) % 11
    if r1 > (3 if allow_2032_rule else 0):
        return False
    if (5 * n[0] + 4 * n[1] + 3 * n[2] + 2 * n[3] + 7 * n[4] + 6 * n[5] + 5 * n[6] + 4 * n[7] + 3 * n[8]
            + 2 * n[9] + n[10]) % 11:
        return False
    day, month, yy = 10 * n[0] + n[1], 10 * n[2] + n[3], 10 * n[4] + n[5]
    if day > 40:  # D-number
        day -= 40
    if month > 80:  # Tenor synthetic test number
        month -= 80
    elif month > 40:  # H-number
        month -= 40
    return 1 <= month <= 12 and 1 <= day <= _days_in_month(month, yy)


def is_national_id(number: str, *, allow_2032_rule: bool = True) -> bool:
    """A valid Norwegian fødselsnummer, D- or H-number: 11 digits, or 6 + 5 with one space or hyphen between."""
    digits = number.strip()
    if len(digits) == 12 and digits[6] in " -\u00a0":
        digits = digits[:6] + digits[7:]
    return len(digits) == 11 and digits.isascii() and digits.isdigit() and _national_id_ok(digits, allow_2032_rule)


# -- dates


def _valid_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _compact_date(digits: str) -> bool:
    """8 digits that read as YYYYMMDD or DDMMYYYY with a year 1900-2099."""
    y1, m1, d1 = int(digits[:4]), int(digits[4:6]), int(digits[6:])
    d2, m2, y2 = int(digits[:2]), int(digits[2:4]), int(digits[4:])
    return (1900 <= y1 <= 2099 and _valid_date(y1, m1, d1) is not None) or (
        1900 <= y2 <= 2099 and _valid_date(y2, m2, d2) is not None
    )


_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?")
_DMY_DATE = re.compile(r"([0-9]{1,2})([./-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})(?: 00:00(?::00)?)?")


def _birth_date(value: object, today: datetime.date) -> bool:
    """A plausible date of birth: a calendar date from 1900 to today, without a time of day."""
    if isinstance(value, datetime.datetime):
        if value.time() != datetime.time(0):
            return False  # a timestamp: when something happened, not a birthday
        value = value.date()
    if isinstance(value, datetime.date):
        return 1900 <= value.year and value <= today
    if not isinstance(value, str):
        return False
    text = value.strip()
    if match := _ISO_DATE.fullmatch(text):
        found = _valid_date(int(match[1]), int(match[2]), int(match[3]))
    elif match := _DMY_DATE.fullmatch(text):
        year = int(match[4])
        if len(match[4]) == 2:
            year += 2000 if 2000 + year <= today.year else 1900
        found = _valid_date(year, int(match[3]), int(match[1]))
    else:
        return False
    return found is not None and 1900 <= found.year and found <= today


# -- whole values

_EMAIL = r"[\w.%+-]+@(?:[\w-]+\.)+[^\W\d_]{2,}"
_EMAIL_VALUE = re.compile(_EMAIL)
_PHONE_VALUE = re.compile(r"(\+47|0047)?([2-9][0-9]{7})")
_NUMBERISH = re.compile(r"[0-9 \u00a0()+-]+")
_IP_VALUE = re.compile(r"[0-9A-Fa-f]*[.:][0-9A-Fa-f.:]*")


def _value_kind(text: str, numeric: bool) -> tuple[IdentifierKind | None, bool]:
    """What a whole value is, and whether it is an 11-digit number (an identity number or a slip of one)."""
    if "@" in text:
        return (IdentifierKind.EMAIL if _EMAIL_VALUE.fullmatch(text) else None), False
    if _NUMBERISH.fullmatch(text):
        compact = text.replace(" ", "").replace("-", "").replace("\u00a0", "").replace("(", "").replace(")", "")
        if compact.isdigit():
            if len(compact) == 10 and (numeric or compact == text):
                compact = "0" + compact  # a spreadsheet took the leading zero of a number born on days 1-9
            if len(compact) == 11:
                return (IdentifierKind.NATIONAL_ID if _national_id_ok(compact) else None), True
        phone = _PHONE_VALUE.fullmatch(compact)
        if phone and (phone[1] or not _compact_date(phone[2])):
            return IdentifierKind.PHONE, False
        return None, False
    if not numeric and len(text) <= 45 and _IP_VALUE.fullmatch(text):  # 45: the longest IPv6 text
        try:
            ipaddress.ip_address(text)
        except ValueError:
            return None, False
        return IdentifierKind.IP, False
    return None, False


def _as_text(value: object) -> tuple[str, bool] | None:
    """A value as text and whether it was a number; None for a blank (None, "", whitespace, NaN) or a bool."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return (str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)), True
    if isinstance(value, int):
        return str(value), True
    text = str(value).strip()
    return (text, False) if text else None


def scan_values(values: Iterable[object], *, birth_date_hint: bool = False, screen: bool = True) -> list[ContentFinding]:
    """Every kind of identifier among a column's values, column verdicts first.

    Values may be strings or numbers (an identity number stored as a number has lost its leading zero: put back).
    Dates count as dates of birth only with `birth_date_hint` (see `identifiers.birth_date_hint`). With `screen`,
    text values that are not an identifier whole are screened for identifiers inside (`within_text`).
    """
    today = datetime.date.today()
    matching: dict[IdentifierKind, int] = {}
    within: dict[IdentifierKind, int] = {}
    first: dict[IdentifierKind, int] = {}
    cache: dict[str, tuple[IdentifierKind | None, bool, frozenset[IdentifierKind]]] = {}
    non_blank = eleven_digits = 0
    for row, value in enumerate(values):
        if birth_date_hint and isinstance(value, datetime.date):
            non_blank += 1
            if _birth_date(value, today):
                matching[IdentifierKind.BIRTH_DATE] = matching.get(IdentifierKind.BIRTH_DATE, 0) + 1
                first.setdefault(IdentifierKind.BIRTH_DATE, row)
            continue
        converted = _as_text(value)
        if converted is None:
            continue
        text, numeric = converted
        non_blank += 1
        known = cache.get(text) if not numeric else None
        if known is None:
            kind, shaped = _value_kind(text, numeric)
            if kind is None and birth_date_hint and _birth_date(text, today):
                kind = IdentifierKind.BIRTH_DATE
            inside: frozenset[IdentifierKind] = frozenset()
            if kind is None and screen and not numeric:
                inside = frozenset(hit.kind for hit in screen_text(text))
            known = (kind, shaped, inside)
            if not numeric:
                cache[text] = known
        kind, shaped, inside = known
        eleven_digits += shaped
        if kind is not None:
            matching[kind] = matching.get(kind, 0) + 1
            first.setdefault(kind, row)
        for found in inside:
            within[found] = within.get(found, 0) + 1
            first.setdefault(found, row)
    findings = []
    for kind, row in first.items():
        count = matching.get(kind, 0)
        column = non_blank > 0 and count / non_blank >= COLUMN_SHARE
        if kind is IdentifierKind.NATIONAL_ID and not column:
            column = count >= 2 and eleven_digits / non_blank >= COLUMN_SHARE and count / eleven_digits >= TYPO_SHARE
        findings.append(ContentFinding(kind, count, within.get(kind, 0), non_blank, row, column))
    return sorted(findings, key=lambda f: (not f.column, -f.matching, -f.within_text))


# -- free text

_NUMBER_EDGE_BEFORE = r"(?=[0-9])(?<![0-9])(?<![0-9][.,])"
_NUMBER_EDGE_AFTER = r"(?![0-9])(?![.,][0-9])"
_NATIONAL_ID_TEXT = re.compile(rf"{_NUMBER_EDGE_BEFORE}([0-9]{{6}})[ \u00a0-]?([0-9]{{5}}){_NUMBER_EDGE_AFTER}")
_PHONE_TEXT = re.compile(
    r"(?=[+0-9])(?<![0-9+])(?<![0-9][.,:-])"  # a letter or a slash may stand before: tlf91234567
    r"(?P<prefix>(?:\+|00)47[ \u00a0-]?)?"
    r"(?P<number>[2-9][0-9]{7}(?!\w)"  # 91234567
    # grouped, and not the middle of a longer grouped number (`1 912 34 567 8`)
    r"|(?(prefix)|(?<![0-9] ))(?:[2-9][0-9]{2} [0-9]{2} [0-9]{3}(?!\w| [0-9])"  # 912 34 567
    r"|[2-9][0-9](?: [0-9]{2}){3}(?!\w| [0-9])"  # 91 23 45 67
    r"|[2-9][0-9]{3} [0-9]{4}(?!\w| [0-9])))"  # 9123 4567, read only after +47: without, it is two years
    r"(?![.,][0-9])"
)
_AMOUNT_BEFORE = re.compile(r"(?i:kr\.?|nok|€|\$|£|eur|usd)\s*$")
_AMOUNT_AFTER = re.compile(r"\s*(?i:kr\b|kroner|nok\b|,-|\.-|%|prosent|percent|euro|dollar)")
_EMAIL_TEXT = re.compile(rf"(?<![\w.%+-]){_EMAIL}(?![\w-])")
_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
_IPV4_TEXT = re.compile(rf"(?<![\w.])(?:{_OCTET}\.){{3}}{_OCTET}(?!\w|\.[0-9])")
_IPV6_TEXT = re.compile(r"(?<![\w:])(?=[0-9A-Fa-f:]*:[0-9A-Fa-f]*:)[0-9A-Fa-f:]+(?![\w:])")
_CAPITALISED = r"[A-ZÆØÅÄÖÜÉ][^\W\d_]+(?:[-'’][^\W\d_]+)?"
_NAME_TEXT = re.compile(
    r"(?i:\b(?:jeg\s+heter|eg\s+heiter|mitt\s+(?:navn|namn)\s+er|my\s+name\s+is|i\s+am\s+called|i'm\s+called"
    r"|ich\s+hei(?:ße|sse)|mein\s+name\s+ist))\s+"
    rf"(?P<name>{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,2}})"
)
# Quick tests that rule a text out: every identity number and phone number has 8 digits with at most single
# separators between them, and every name pattern has one of these words.
_EIGHT_DIGITS = re.compile(r"[0-9](?:[ \u00a0+-]?[0-9]){7}")
_NOT_NAMES = {"ikke", "ikkje", "not", "nicht", "kein", "keine", "bare", "berre", "just", "egentlig", "eigentleg"}
_NAME_TRIGGER = re.compile(r"he(?:i?ter|i(?:ß|ss)e)|na(?:vn|mn|me)|called")  # searched in lower case: faster
# The kind that wins when two candidates start at the same place and are as long.
_RANK = {IdentifierKind.EMAIL: 0, IdentifierKind.NATIONAL_ID: 1, IdentifierKind.IP: 2, IdentifierKind.PHONE: 3,
         IdentifierKind.NAME: 4}


def _maybe_ipv6(text: str) -> bool:
    """An IPv6 address is written in full (seven colons) or shortened with `::`; times have fewer colons."""
    return "::" in text or text.count(":") >= 7


def _phone_hits(text: str, start: int, hits: list[Hit]) -> None:
    for match in _PHONE_TEXT.finditer(text, start):
        number = match["number"]
        if not match["prefix"] and len(number) == 8 and number[0] in "23" and _compact_date(number):
            continue  # only 2… and 3… can be YYYYMMDD (19xx, 20xx) or DDMMYYYY
        if not match["prefix"] and len(number) == 9 and number[4] == " ":
            continue
        if _AMOUNT_BEFORE.search(text, max(0, match.start() - 6), match.start()):
            continue
        if _AMOUNT_AFTER.match(text, match.end()):
            continue
        hits.append(Hit(IdentifierKind.PHONE, match.start(), match.end()))


def _candidates(text: str, numbers: re.Match[str] | None, named: bool) -> list[Hit]:
    hits: list[Hit] = []
    if numbers:
        start = max(0, numbers.start() - 1)  # the first run of 8 digits; a `+` of +47 may stand before it
        for match in _NATIONAL_ID_TEXT.finditer(text, start):
            if _national_id_ok(match[1] + match[2]):
                hits.append(Hit(IdentifierKind.NATIONAL_ID, match.start(), match.end()))
        _phone_hits(text, start, hits)
    if "@" in text:
        hits += (Hit(IdentifierKind.EMAIL, match.start(), match.end()) for match in _EMAIL_TEXT.finditer(text))
    if text.count(".") >= 3:
        hits += (Hit(IdentifierKind.IP, match.start(), match.end()) for match in _IPV4_TEXT.finditer(text))
    if _maybe_ipv6(text):
        for match in _IPV6_TEXT.finditer(text):
            candidate = match[0]
            if sum(1 for group in candidate.split(":") if group) < 3:
                continue  # `::1`, `20::00`: too little to be an address someone has
            try:
                ipaddress.IPv6Address(candidate)
            except ValueError:
                continue
            hits.append(Hit(IdentifierKind.IP, match.start(), match.end()))
    if named:
        for match in _NAME_TEXT.finditer(text):
            if match["name"].split()[0].lower() not in _NOT_NAMES:
                hits.append(Hit(IdentifierKind.NAME, match.start("name"), match.end("name")))
    return hits


def screen_text(text: str) -> list[Hit]:
    """The identifiers inside a text (an open answer, a quote), in order and not overlapping: identity numbers
    (checksums valid), phone numbers, e-mail and IP addresses, and names after "jeg heter" / "my name is"."""
    numbers = _EIGHT_DIGITS.search(text)
    named = _NAME_TRIGGER.search(text.lower()) is not None
    if numbers is None and not named and "@" not in text and text.count(".") < 3 and not _maybe_ipv6(text):
        return []  # the common case, decided by two quick searches
    candidates = _candidates(text, numbers, named)
    if len(candidates) < 2:
        return candidates
    hits: list[Hit] = []
    for hit in sorted(candidates, key=lambda h: (h.start, h.start - h.end, _RANK[h.kind])):
        if not hits or hit.start >= hits[-1].end:
            hits.append(hit)
    return hits


def _default_mark(kind: IdentifierKind) -> str:
    return DEFAULT_MARK


def mask_text(text: str, mark: Callable[[IdentifierKind], str] | None = None) -> str:
    """The text with every `screen_text` hit replaced by `mark(kind)` (default `[•••]`, language-neutral)."""
    hits = screen_text(text)
    if not hits:
        return text
    label = mark or _default_mark
    parts: list[str] = []
    position = 0
    for hit in hits:
        parts += [text[position : hit.start], label(hit.kind)]
        position = hit.end
    parts.append(text[position:])
    return "".join(parts)
