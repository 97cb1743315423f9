"""An effort as a service catalogue sees it: which hours go with which offer, when it runs, who may use it.

The fields follow the Open Referral Human Services Data Specification (HSDS) where it has one: a service's
`schedule`s (here `schedules`, each named and with its own `offers`), its `eligibility` (ages, referral, groups),
its `capacity` and its status and lifetime (`status`, `valid`).

Hours for an offer. An effort may have its own `opening_hours` and any number of named `schedules`. The hours that
count for one offer tag are those of the schedules that list the tag; a tag that no schedule lists has the effort's
own `opening_hours` and the hours of its schedules that list no offers. So Uteseksjonen's outreach counts in its
patrol hours (`Patrulje`, offers `oppsøkende`) and not in the hours its phone is answered (`Telefon`).

When it counts. An `active` effort (the default) counts on the days of `valid` (every day without it); a `planned`
effort never counts (it is listed beside the needs it would answer); an `ended` one counts up to `valid.until`, and
never without it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from hkh.project.models import Effort, EffortStatus

NotCountedWhy = Literal["planned", "ended", "not_started"]


@dataclass(frozen=True)
class HoursSource:
    """One set of hours of an effort: its own `opening_hours` (schedule None) or a named schedule's."""

    schedule: str | None
    text: str | None


def offer_hours(effort: Effort, offer: str, key: Callable[[str], str]) -> list[HoursSource] | None:
    """The sets of hours in which `effort` offers `offer` (compared by `key`); None when it does not offer it.

    Sets without hours are left out when another set has hours; an empty list means the hours are unknown.
    """
    wanted = key(offer)
    named = [s for s in effort.schedules if any(key(item) == wanted for item in s.offers)]
    if named:
        sources = [HoursSource(s.name, s.opening_hours) for s in named]
    elif any(key(item) == wanted for item in effort.offers):
        sources = [HoursSource(None, effort.opening_hours)]
        sources += [HoursSource(s.name, s.opening_hours) for s in effort.schedules if not s.offers]
    else:
        return None
    return [source for source in sources if source.text]


def all_hours(effort: Effort) -> list[HoursSource]:
    """Every set of hours the effort has, for "when is it open at all" (the week map's first row)."""
    sources = [HoursSource(None, effort.opening_hours)] + [HoursSource(s.name, s.opening_hours) for s in effort.schedules]
    return [source for source in sources if source.text]


def lifetime(effort: Effort) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day the effort runs (None: open-ended), from `valid`."""
    if effort.valid is None:
        return None, None
    return effort.valid.first, effort.valid.last


@dataclass(frozen=True)
class Standing:
    """Whether an effort counts between two dates, and if not, why (and from or until when)."""

    counts: bool
    why: NotCountedWhy | None = None
    date: dt.date | None = None
    written: str | None = None  # the date as `valid` writes it (`2020-06`), for messages


def standing(effort: Effort, first: dt.date, last: dt.date) -> Standing:
    """Does the effort count on any day from `first` to `last`?"""
    valid = effort.valid
    if effort.status is EffortStatus.planned:
        return Standing(False, "planned", valid.first if valid else None, valid.from_ if valid else None)
    begins, ends = lifetime(effort)
    if effort.status is EffortStatus.ended and ends is None:
        return Standing(False, "ended")
    if ends is not None and ends < first:
        return Standing(False, "ended", ends, valid.until if valid else None)
    if begins is not None and begins > last:
        return Standing(False, "not_started", begins, valid.from_ if valid else None)
    return Standing(True)
