"""Which summary statistics of a numeric question (age, years of use) may be published.

The rule, with m the smallest count shown (min_cell) and n the number of answers:

- n from 1 to m-1: nothing but "<m" (n itself is a small count).
- n >= m: the mean (a sum over at least m people).
- n >= 2m, so that the two tails below do not overlap: instead of the minimum, a bottom code "at most x", x the
  m-th smallest value (at least m respondents are at or below it); instead of the maximum, a top code "at least
  y", y the m-th largest value. The minimum and maximum are never published: each is one person's value.
- n >= 2m: the median and the quartiles, each only when at least m respondents are at or below it and at least m
  at or above it (a quartile of a small group can fall among the few most extreme values: then it is withheld).

Quantiles are the usual linear interpolation between order statistics (numpy's and pandas' default), so the
figures match what the tables computed before.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class NumberRelease:
    """What may be published of a numeric question; None: withheld."""

    n: int
    n_hidden: bool  # 0 < n < m: show "<m" instead of n, and nothing else
    mean: float | None
    bottom: float | None  # "at most" this: the m-th smallest value (replaces the minimum)
    top: float | None  # "at least" this: the m-th largest value (replaces the maximum)
    median: float | None
    lower_quartile: float | None
    upper_quartile: float | None


def release_numbers(values: Iterable[float], min_cell: int) -> NumberRelease:
    """Apply the module's rule to the answers `values` (blanks already left out)."""
    ordered = sorted(float(v) for v in values)
    if any(not math.isfinite(v) for v in ordered):
        raise ValueError("numeric answers must be finite numbers")
    n, m = len(ordered), min_cell
    if n < m:
        return NumberRelease(n, n > 0, None, None, None, None, None, None)
    mean = math.fsum(ordered) / n
    if n < 2 * m:
        return NumberRelease(n, False, mean, None, None, None, None, None)

    def safe(q: float) -> float | None:
        at_most = sum(1 for v in ordered if v <= q)
        at_least = sum(1 for v in ordered if v >= q)
        return q if at_most >= m and at_least >= m else None

    return NumberRelease(
        n=n,
        n_hidden=False,
        mean=mean,
        bottom=ordered[m - 1],
        top=ordered[n - m],
        median=safe(_quantile(ordered, 0.5)),
        lower_quartile=safe(_quantile(ordered, 0.25)),
        upper_quartile=safe(_quantile(ordered, 0.75)),
    )


def _quantile(ordered: list[float], p: float) -> float:
    position = (len(ordered) - 1) * p
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (position - below) * (ordered[above] - ordered[below])
