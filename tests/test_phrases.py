"""Shares in words, as an HKH report writes them, in nb, nn and en."""

from __future__ import annotations

from fractions import Fraction

import pytest

from hkh.i18n.formats import format_number, format_percent, round_half_up
from hkh.i18n.phrases import (
    count_phrase,
    describe_share,
    nearest_fraction,
    share_phrase,
)

# (share, bokmål, nynorsk, English)
CASES: list[tuple[float, str, str, str]] = [
    # exact, or within half a percentage point: no qualifier
    (0.75, "tre av fire", "tre av fire", "three in four"),
    (38 / 51, "tre av fire", "tre av fire", "three in four"),  # 74.5 %
    (0.8, "åtte av ti", "åtte av ti", "eight in ten"),
    (0.5, "halvparten", "halvparten", "half"),
    (1 / 3, "en tredjedel", "ein tredjedel", "a third"),
    (17 / 51, "en tredjedel", "ein tredjedel", "a third"),
    (2 / 3, "to av tre", "to av tre", "two in three"),
    (0.2, "en av fem", "ein av fem", "one in five"),
    (0.3, "tre av ti", "tre av ti", "three in ten"),
    (0.1, "en av ti", "ein av ti", "one in ten"),
    (0.25, "en av fire", "ein av fire", "one in four"),
    (0.4, "fire av ti", "fire av ti", "four in ten"),
    (0.6, "seks av ti", "seks av ti", "six in ten"),
    (0.7, "sju av ti", "sju av ti", "seven in ten"),
    (0.9, "ni av ti", "ni av ti", "nine in ten"),
    # within two points: "omtrent" / "om lag" / "about"
    (0.49, "omtrent halvparten", "om lag halvparten", "about half"),
    (26 / 51, "omtrent halvparten", "om lag halvparten", "about half"),  # 51.0 %
    (0.32, "omtrent en tredjedel", "om lag ein tredjedel", "about a third"),
    (0.35, "omtrent en tredjedel", "om lag ein tredjedel", "about a third"),
    (8 / 26, "omtrent tre av ti", "om lag tre av ti", "about three in ten"),
    (0.78, "omtrent åtte av ti", "om lag åtte av ti", "about eight in ten"),
    (0.82, "omtrent åtte av ti", "om lag åtte av ti", "about eight in ten"),
    (0.72, "omtrent sju av ti", "om lag sju av ti", "about seven in ten"),
    (0.692, "omtrent sju av ti", "om lag sju av ti", "about seven in ten"),
    (0.12, "omtrent en av ti", "om lag ein av ti", "about one in ten"),
    (0.18, "omtrent en av fem", "om lag ein av fem", "about one in five"),
    (0.389, "omtrent fire av ti", "om lag fire av ti", "about four in ten"),
    (0.65, "omtrent to av tre", "om lag to av tre", "about two in three"),
    # within five points: "litt over" / "litt under" / "just over" / "just under", with bounds in fifths
    (0.46, "litt under halvparten", "litt under halvparten", "just under half"),
    (0.45, "litt under halvparten", "litt under halvparten", "just under half"),
    (0.55, "litt over halvparten", "litt over halvparten", "just over half"),
    (0.53, "litt over halvparten", "litt over halvparten", "just over half"),
    (22 / 26, "litt over fire av fem", "litt over fire av fem", "just over four in five"),  # 84.6 %
    (0.85, "litt over fire av fem", "litt over fire av fem", "just over four in five"),
    (0.16, "litt under en av fem", "litt under ein av fem", "just under one in five"),
    (0.15, "litt under en av fem", "litt under ein av fem", "just under one in five"),
    (0.375, "litt under to av fem", "litt under to av fem", "just under two in five"),
    (0.93, "litt over ni av ti", "litt over ni av ti", "just over nine in ten"),
    # beyond five points, where the simpler fraction is kept: "over" / "under"
    (40 / 47, "over fire av fem", "over fire av fem", "over four in five"),  # 85.1 %, as the report words it
    (0.148, "under en av fem", "under ein av fem", "under one in five"),
    (0.07, "litt under en av ti", "litt under ein av ti", "just under one in ten"),
    # extremes
    (0.0, "ingen", "ingen", "none"),
    (0.03, "svært få", "svært få", "very few"),
    (1 / 51, "svært få", "svært få", "very few"),
    (0.95, "nesten alle", "nesten alle", "almost all"),
    (0.99, "nesten alle", "nesten alle", "almost all"),
    (1.0, "alle", "alle", "all"),
]


@pytest.mark.parametrize(("share", "nb", "nn", "en"), CASES, ids=[f"{c[0]:.4f}" for c in CASES])
def test_share_phrase_in_three_languages(share: float, nb: str, nn: str, en: str) -> None:
    assert share_phrase(share, "nb") == nb
    assert share_phrase(share, "nn") == nn
    assert share_phrase(share, "en") == en


@pytest.mark.parametrize(
    ("percent", "fraction"),
    [
        (30.0, Fraction(3, 10)),  # exact tenth beats a near third
        (32.0, Fraction(1, 3)),  # both "about": the simpler denominator wins
        (85.0, Fraction(4, 5)),  # equidistant from 4/5 and 9/10: fifths are simpler
        (15.0, Fraction(1, 5)),  # equidistant from 1/10 and 1/5
        (69.2, Fraction(7, 10)),  # "about seven in ten" beats "just over two in three"
        (85.1, Fraction(4, 5)),  # nearer to 9/10 by 0.2 points, but fifths are simpler
        (72.0, Fraction(7, 10)),  # as good as 3/4 after the penalty: the nearer wins
        (46.0, Fraction(1, 2)),
        (26.0, Fraction(1, 4)),
    ],
)
def test_nearest_fraction_prefers_simple_denominators_when_about_as_near(percent: float, fraction: Fraction) -> None:
    assert nearest_fraction(percent) == fraction


def test_qualifier_is_honest_about_the_distance() -> None:
    """No phrase is further from its share than its qualifier admits."""
    # a plain "over"/"under" only happens where a simpler fraction was preferred to a slightly nearer tenth
    limits = {None: 0.5, "about": 2.0, "slightly_over": 5.0, "slightly_under": 5.0, "over": 7.0, "under": 7.0}
    for tenth_of_percent in range(50, 950):
        share = tenth_of_percent / 1000
        phrase = describe_share(share, "nb")
        assert phrase.fraction is not None
        distance = share * 100 - float(phrase.fraction) * 100
        assert phrase.qualifier in limits, (share, phrase)
        assert abs(distance) <= limits[phrase.qualifier] + 1e-6, (share, phrase)
        if phrase.qualifier is not None and phrase.qualifier.endswith("over"):
            assert distance > 0
        if phrase.qualifier is not None and phrase.qualifier.endswith("under"):
            assert distance < 0
        if phrase.qualifier in ("over", "under"):
            assert abs(distance) > 5.0


def test_phrases_change_monotonically_with_the_share() -> None:
    fractions = [describe_share(i / 1000, "en").fraction for i in range(50, 950)]
    values = [float(f) for f in fractions if f is not None]
    # as the share grows, the fraction it is compared with never moves down by more than one step of the ladder
    drops = [(a, b) for a, b in zip(values, values[1:]) if b < a - 0.11]
    assert drops == []


def test_count_phrase_uses_the_share() -> None:
    assert count_phrase(38, 51, "nb") == "tre av fire"
    assert count_phrase(4, 10, "en") == "four in ten"
    with pytest.raises(ValueError):
        count_phrase(1, 0, "nb")


@pytest.mark.parametrize("bad", [-0.1, 1.1, float("nan")])
def test_shares_outside_zero_to_one_are_refused(bad: float) -> None:
    with pytest.raises(ValueError):
        share_phrase(bad, "nb")


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        share_phrase(0.5, "sv")


@pytest.mark.parametrize(
    ("percent", "language", "decimals", "text"),
    [
        (33.333, "nb", 1, "33,3 %"),
        (33.333, "nn", 1, "33,3 %"),
        (33.333, "en", 1, "33.3%"),
        (74.5098, "nb", 0, "75 %"),
        (74.5, "en", 0, "75%"),  # half up, not to even
        (12.5, "nb", 0, "13 %"),
        (100.0, "nb", 1, "100,0 %"),
        (0.05, "en", 1, "0.1%"),
    ],
)
def test_format_percent(percent: float, language: str, decimals: int, text: str) -> None:
    assert format_percent(percent, language, decimals) == text


def test_format_number_and_rounding() -> None:
    assert format_number(32.456, "nb", 2) == "32,46"
    assert format_number(32.456, "en", 1) == "32.5"
    assert round_half_up(2.5) == 3
    assert round_half_up(0.745, 2) == 0.75
