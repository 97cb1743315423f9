"""Shares as an HKH report words them: "tre av fire", "litt under halvparten", "en tredjedel", in nb, nn and en.

A share is matched to the nearest simple fraction (halves, thirds, quarters, fifths, tenths), where a simpler
denominator wins when it is about as near (a penalty of up to two percentage points for tenths), because
"en tredjedel" reads better than "tre av ti" for 32 %. The distance to the fraction decides the qualifier, so the
phrase never claims more precision than the number has: within half a percentage point there is no qualifier
("tre av fire" for 74.5 %), within two points "omtrent", within five "litt over"/"litt under", beyond that
"over"/"under" ("over fire av fem" for 85.1 %). The extremes have their own words ("svært få",
"nesten alle"), because "under en av ti" for 2 % would hide how small it is.

Fifths above one fifth read as tenths when stated as a point ("åtte av ti", "fire av ti", as the reference report
writes them) but as fifths when stated as a bound ("over fire av fem"), again as the report does.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from hkh.i18n.types import LANGUAGES

# Percentage-point limits for the qualifiers; a share further than BOUND_LIMIT from every fraction says over/under.
EXACT_LIMIT = 0.5
ABOUT_LIMIT = 2.0
SLIGHT_LIMIT = 5.0

# Below VERY_FEW_LIMIT and above ALMOST_ALL_LIMIT (per cent) the fractions give way to words.
VERY_FEW_LIMIT = 5.0
ALMOST_ALL_LIMIT = 95.0

# Preference for simple fractions, in percentage points added to the distance when choosing.
DENOMINATOR_PENALTY: dict[int, float] = {2: 0.0, 3: 0.5, 4: 1.0, 5: 1.5, 10: 2.0}


@dataclass(frozen=True)
class Wording:
    """How one fraction is said: as a point ("åtte av ti") and after over/under ("fire av fem")."""

    point: str
    bound: str


def _same(text: str) -> Wording:
    return Wording(text, text)


FRACTION_WORDS: dict[Fraction, dict[str, Wording]] = {
    Fraction(1, 10): {"nb": _same("en av ti"), "nn": _same("ein av ti"), "en": _same("one in ten")},
    Fraction(1, 5): {"nb": _same("en av fem"), "nn": _same("ein av fem"), "en": _same("one in five")},
    Fraction(1, 4): {"nb": _same("en av fire"), "nn": _same("ein av fire"), "en": _same("one in four")},
    Fraction(3, 10): {"nb": _same("tre av ti"), "nn": _same("tre av ti"), "en": _same("three in ten")},
    Fraction(1, 3): {"nb": _same("en tredjedel"), "nn": _same("ein tredjedel"), "en": _same("a third")},
    Fraction(2, 5): {
        "nb": Wording("fire av ti", "to av fem"),
        "nn": Wording("fire av ti", "to av fem"),
        "en": Wording("four in ten", "two in five"),
    },
    Fraction(1, 2): {"nb": _same("halvparten"), "nn": _same("halvparten"), "en": _same("half")},
    Fraction(3, 5): {
        "nb": Wording("seks av ti", "tre av fem"),
        "nn": Wording("seks av ti", "tre av fem"),
        "en": Wording("six in ten", "three in five"),
    },
    Fraction(2, 3): {"nb": _same("to av tre"), "nn": _same("to av tre"), "en": _same("two in three")},
    Fraction(7, 10): {"nb": _same("sju av ti"), "nn": _same("sju av ti"), "en": _same("seven in ten")},
    Fraction(3, 4): {"nb": _same("tre av fire"), "nn": _same("tre av fire"), "en": _same("three in four")},
    Fraction(4, 5): {
        "nb": Wording("åtte av ti", "fire av fem"),
        "nn": Wording("åtte av ti", "fire av fem"),
        "en": Wording("eight in ten", "four in five"),
    },
    Fraction(9, 10): {"nb": _same("ni av ti"), "nn": _same("ni av ti"), "en": _same("nine in ten")},
}

QUALIFIERS: dict[str, dict[str, str]] = {
    "about": {"nb": "omtrent", "nn": "om lag", "en": "about"},
    "slightly_over": {"nb": "litt over", "nn": "litt over", "en": "just over"},
    "slightly_under": {"nb": "litt under", "nn": "litt under", "en": "just under"},
    "over": {"nb": "over", "nn": "over", "en": "over"},
    "under": {"nb": "under", "nn": "under", "en": "under"},
}

EXTREMES: dict[str, dict[str, str]] = {
    "none": {"nb": "ingen", "nn": "ingen", "en": "none"},
    "very_few": {"nb": "svært få", "nn": "svært få", "en": "very few"},
    "almost_all": {"nb": "nesten alle", "nn": "nesten alle", "en": "almost all"},
    "all": {"nb": "alle", "nn": "alle", "en": "all"},
}


@dataclass(frozen=True)
class SharePhrase:
    """The parts of a phrase, for callers that want more than the text (the report may emphasise the fraction)."""

    text: str
    fraction: Fraction | None
    qualifier: str | None  # a key of QUALIFIERS, or None for an exact match or an extreme


def _language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {', '.join(LANGUAGES)}")
    return language


def _qualifier(distance: float) -> str | None:
    """The qualifier a distance in percentage points calls for (None: close enough to say it plainly)."""
    # shares are ratios of small counts: 55 - 50 computes as 5.000000000000007, which is still "litt over"
    size = abs(distance) - 1e-9
    if size <= EXACT_LIMIT:
        return None
    if size <= ABOUT_LIMIT:
        return "about"
    if size <= SLIGHT_LIMIT:
        return "slightly_over" if distance > 0 else "slightly_under"
    return "over" if distance > 0 else "under"


def nearest_fraction(percent: float) -> Fraction:
    """The simple fraction a reader would use for `percent`: the nearest, with simpler denominators preferred when
    the distances are close (85.1 % is "over fire av fem" rather than "litt under ni av ti", as the report has it)."""

    def preference(fraction: Fraction) -> tuple[float, float]:
        distance = abs(percent - float(fraction) * 100)
        # rounded, so that float noise does not decide a tie; a tie goes to the nearer fraction
        return round(distance + DENOMINATOR_PENALTY[fraction.denominator], 6), round(distance, 6)

    return min(FRACTION_WORDS, key=preference)


def describe_share(share: float, language: str) -> SharePhrase:
    """`share` is a proportion between 0 and 1."""
    language = _language(language)
    if math.isnan(share) or share < 0 or share > 1:
        raise ValueError(f"a share must lie between 0 and 1, not {share!r}")
    percent = share * 100
    if share == 0:
        return SharePhrase(EXTREMES["none"][language], None, None)
    if share == 1:
        return SharePhrase(EXTREMES["all"][language], None, None)
    if percent < VERY_FEW_LIMIT:
        return SharePhrase(EXTREMES["very_few"][language], None, None)
    if percent >= ALMOST_ALL_LIMIT:
        return SharePhrase(EXTREMES["almost_all"][language], None, None)
    fraction = nearest_fraction(percent)
    distance = percent - float(fraction) * 100
    wording = FRACTION_WORDS[fraction][language]
    qualifier = _qualifier(distance)
    if qualifier is None:
        return SharePhrase(wording.point, fraction, None)
    said = wording.point if qualifier == "about" else wording.bound
    return SharePhrase(f"{QUALIFIERS[qualifier][language]} {said}", fraction, qualifier)


def share_phrase(share: float, language: str) -> str:
    """"tre av fire", "litt under halvparten", "about a third" ... for a proportion between 0 and 1."""
    return describe_share(share, language).text


def count_phrase(count: int, base: int, language: str) -> str:
    if base <= 0:
        raise ValueError("the base of a share must be positive")
    return share_phrase(count / base, language)
