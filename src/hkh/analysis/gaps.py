"""`hkh gaps`: the analysis of gaps (*analyse av hull*): the needs of the findings held against the ongoing efforts.

The definitions (docs/design.md, "Definitions"), made exact here:

- An effort answers a need when it offers the need's tag and serves its target group (`who`) and area (`where`),
  where the need names them. Tags, groups and areas are compared without regard to case; an effort that names no
  target groups serves everyone, one that names no areas serves everywhere.
- A need is covered at a quarter hour of the week when at least one effort that answers it is open then. Efforts
  without `opening_hours` are "hours unknown": they are listed, but cover nothing, since a gap that is only hidden
  by a missing entry is still a gap to check.
- The need's window is its `when` (default `24/7`). Uncovered = the window minus what the efforts cover, written
  back in opening-hours syntax and in plain words.
- No effort: needs that no effort answers at all (not even one with unknown hours).
- Overlaps: for each offer tag and area, the quarter hours when at least two efforts offering it are open at once.
  An effort without areas is counted in every area named by the others that offer the tag.
- Capacity: efforts marked `over_capacity`, with the needs they answer, and how many hours of each need's window
  rest on that effort alone.
- Plan coverage (unaddressed): a finding is addressed when a measure names it or one of its needs; a need when a
  measure names it or its finding (a measure aimed at a finding answers its needs). Measures that address nothing
  are listed too.

Computing only: `analyse_gaps` returns a `GapAnalysis`; `hkh.outputs` draws it (terminal, workbook, heatmap, report).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hkh.i18n import t
from hkh.project import hours
from hkh.project.load import Project
from hkh.project.models import Effort

Slots = tuple[bool, ...]
ALWAYS = "24/7"
HOURS_IN_DAY = 24
# Bands of the day for summaries; the night band starts at 23:00, when the report finds the scene least safe.
HOUR_BANDS = ((23, 7), (7, 11), (11, 15), (15, 19), (19, 23))

def _fold(value: str) -> str:
    return value.strip().casefold()


def _serves(wanted: str | None, offered: list[str]) -> bool:
    """An effort serves a group or area when the need names none, the effort names none, or the names agree."""
    if not wanted or not offered:
        return True
    return _fold(wanted) in {_fold(item) for item in offered}


def effort_answers(effort: Effort, offer: str, who: str | None, where: str | None) -> bool:
    return (
        _fold(offer) in {_fold(item) for item in effort.offers}
        and _serves(who, effort.target_groups)
        and _serves(where, effort.areas)
    )


def _union(slot_sets: list[Slots]) -> Slots:
    if not slot_sets:
        return (False,) * hours.SLOTS_PER_WEEK
    return tuple(any(column) for column in zip(*slot_sets))


def _and(first: Slots, second: Slots) -> Slots:
    return tuple(a and b for a, b in zip(first, second))


def _minus(first: Slots, second: Slots) -> Slots:
    return tuple(a and not b for a, b in zip(first, second))


def _hours(slots: Slots) -> float:
    return hours.hours_per_week(slots)


@dataclass
class NeedCoverage:
    """One need of one finding against the efforts that answer it."""

    finding: str
    need: str
    offer: str
    who: str | None
    where: str | None
    text: str | None
    when: str
    window: Slots
    efforts: list[str]
    hours_unknown: list[str]
    covered: Slots
    language: str

    @property
    def uncovered(self) -> Slots:
        return _minus(self.window, self.covered)

    @property
    def has_effort(self) -> bool:
        return bool(self.efforts or self.hours_unknown)

    @property
    def window_hours(self) -> float:
        return _hours(self.window)

    @property
    def covered_hours(self) -> float:
        return _hours(self.covered)

    @property
    def uncovered_hours(self) -> float:
        return _hours(self.uncovered)

    @property
    def share_covered(self) -> float | None:
        return self.covered_hours / self.window_hours if self.window_hours else None

    @property
    def status(self) -> str:
        if not self.has_effort:
            return "no_effort"
        if self.uncovered_hours == 0:
            return "covered"
        return "not_covered" if self.covered_hours == 0 else "uncovered"

    def uncovered_text(self) -> str:
        return hours.slots_to_opening_hours(self.uncovered)

    def uncovered_words(self) -> str:
        return hours.describe_slots(self.uncovered, self.language, window=self.window)

    def _need_json(self) -> dict[str, Any]:
        return {
            "finding": self.finding,
            "need": self.need,
            "offer": self.offer,
            "who": self.who,
            "where": self.where,
            "window": self.when,
        }

    def uncovered_json(self) -> dict[str, Any]:
        return {
            **self._need_json(),
            "hours": self.uncovered_text(),
            "hours_text": self.uncovered_words(),
            "hours_per_week": self.uncovered_hours,
            "covered": hours.slots_to_opening_hours(self.covered),
            "covered_hours_per_week": self.covered_hours,
            "window_hours_per_week": self.window_hours,
            "efforts": list(self.efforts),
            "hours_unknown": list(self.hours_unknown),
        }

    def no_effort_json(self) -> dict[str, Any]:
        return {
            **self._need_json(),
            "window_hours_per_week": self.window_hours,
            "text": self.text,
        }

    def coverage_json(self) -> dict[str, Any]:
        return {
            "finding": self.finding,
            "need": self.need,
            "offer": self.offer,
            "status": self.status,
            "window": self.when,
            "covered": hours.slots_to_opening_hours(self.covered),
            "window_hours_per_week": self.window_hours,
            "covered_hours_per_week": self.covered_hours,
            "uncovered_hours_per_week": self.uncovered_hours,
            "efforts": list(self.efforts),
            "hours_unknown": list(self.hours_unknown),
        }


@dataclass
class Overlap:
    offer: str
    area: str | None
    slots: Slots
    efforts: list[str]
    max_efforts: int
    language: str

    @property
    def hours_per_week(self) -> float:
        return _hours(self.slots)

    def hours_text(self) -> str:
        return hours.slots_to_opening_hours(self.slots)

    def hours_words(self) -> str:
        return hours.describe_slots(self.slots, self.language)

    def to_json(self) -> dict[str, Any]:
        return {
            "offer": self.offer,
            "area": self.area,
            "hours": self.hours_text(),
            "hours_text": self.hours_words(),
            "hours_per_week": self.hours_per_week,
            "max_efforts": self.max_efforts,
            "efforts": list(self.efforts),
        }


@dataclass
class DependentNeed:
    finding: str
    need: str
    offer: str
    sole_hours: float

    def to_json(self) -> dict[str, Any]:
        return {"finding": self.finding, "need": self.need, "offer": self.offer, "sole_hours_per_week": self.sole_hours}


@dataclass
class CapacityGap:
    effort: str
    name: str
    organisation: str
    capacity: str | None
    offers: list[str]
    needs: list[DependentNeed]

    def to_json(self) -> dict[str, Any]:
        return {
            "effort": self.effort,
            "name": self.name,
            "organisation": self.organisation,
            "capacity": self.capacity,
            "offers": list(self.offers),
            "needs": [need.to_json() for need in self.needs],
        }


@dataclass
class Unaddressed:
    kind: str  # finding, need or measure
    id: str
    finding: str | None
    text: str
    reason: str
    gap: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "finding": self.finding,
            "text": self.text,
            "reason": self.reason,
            "gap": self.gap,
        }


@dataclass
class WeekRow:
    """Efforts open per hour: `counts[day][hour]`, Monday first."""

    offer: str | None  # None for all efforts together
    label: str
    counts: list[list[int]]
    hours_unknown: int = 0  # efforts in this row without opening hours, which the counts cannot include

    def hour_profile(self) -> list[float]:
        """The mean number of efforts open at each hour of the day, over the seven days."""
        return [sum(day[hour] for day in self.counts) / 7 for hour in range(HOURS_IN_DAY)]

    def band_mean(self, first_hour: int, end_hour: int) -> float:
        """The mean number of efforts open over the hours from `first_hour` up to `end_hour` (23 to 7 wraps)."""
        length = (end_hour - first_hour) % HOURS_IN_DAY or HOURS_IN_DAY
        hours_in_band = [(first_hour + step) % HOURS_IN_DAY for step in range(length)]
        profile = self.hour_profile()
        return sum(profile[hour] for hour in hours_in_band) / len(hours_in_band)

    def bands(self) -> dict[str, float]:
        """Mean efforts open in each band of the day (`HOUR_BANDS`), for reports: "23-07": 2.2, ..."""
        return {f"{first:02d}-{end:02d}": round(self.band_mean(first, end), 2) for first, end in HOUR_BANDS}


@dataclass
class GapAnalysis:
    needs: list[NeedCoverage]
    overlaps: list[Overlap]
    capacity: list[CapacityGap]
    unaddressed: list[Unaddressed]
    hours_unknown: list[str]
    week: list[WeekRow]
    language: str
    effort_names: dict[str, str] = field(default_factory=dict)

    @property
    def no_effort(self) -> list[NeedCoverage]:
        return [need for need in self.needs if not need.has_effort]

    @property
    def uncovered(self) -> list[NeedCoverage]:
        return [need for need in self.needs if need.has_effort and need.uncovered_hours > 0]

    def need(self, need_id: str) -> NeedCoverage:
        return next(need for need in self.needs if need.need == need_id)

    def week_row(self, offer: str | None) -> WeekRow:
        wanted = None if offer is None else _fold(offer)
        return next(row for row in self.week if (row.offer is None and wanted is None) or (row.offer and _fold(row.offer) == wanted))

    def counts(self) -> dict[str, int]:
        return {
            "needs": len(self.needs),
            "no_effort": len(self.no_effort),
            "uncovered": len(self.uncovered),
            "overlaps": len(self.overlaps),
            "capacity": len(self.capacity),
            "unaddressed": len(self.unaddressed),
        }

    def summary_text(self) -> str:
        return t("gaps.summary", self.language).format(**self.counts())

    def to_json(self) -> dict[str, Any]:
        return {
            "uncovered": [need.uncovered_json() for need in self.uncovered],
            "no_effort": [need.no_effort_json() for need in self.no_effort],
            "overlaps": [overlap.to_json() for overlap in self.overlaps],
            "capacity": [item.to_json() for item in self.capacity],
            "unaddressed": [item.to_json() for item in self.unaddressed],
            "coverage": [need.coverage_json() for need in self.needs],
            "hours_unknown": list(self.hours_unknown),
            "week": {
                "all": self.week_row(None).counts,
                "by_offer": {row.offer: row.counts for row in self.week if row.offer is not None},
                "bands": self.week_row(None).bands(),
            },
            "summary": self.counts(),
        }


def _effort_slots(project: Project) -> dict[str, Slots | None]:
    return {
        effort.id: hours.week_slots(effort.opening_hours) if effort.opening_hours else None
        for effort in project.efforts.efforts
    }


def _need_coverage(project: Project, slots: dict[str, Slots | None], language: str) -> list[NeedCoverage]:
    result: list[NeedCoverage] = []
    for finding in project.findings.findings:
        for index, need in enumerate(finding.needs):
            when = need.when or ALWAYS
            window = hours.week_slots(when)
            answering = [e for e in project.efforts.efforts if effort_answers(e, need.offer, need.who, need.where)]
            with_hours = [e.id for e in answering if slots[e.id] is not None]
            unknown = [e.id for e in answering if slots[e.id] is None]
            open_slots = _union([slots[effort_id] for effort_id in with_hours])  # type: ignore[misc]
            result.append(
                NeedCoverage(
                    finding=finding.id,
                    need=finding.need_id(index),
                    offer=need.offer,
                    who=need.who,
                    where=need.where,
                    text=need.text,
                    when=when,
                    window=window,
                    efforts=with_hours,
                    hours_unknown=unknown,
                    covered=_and(window, open_slots),
                    language=language,
                )
            )
    return result


def _offer_tags(project: Project) -> list[str]:
    """Every offer tag, once (first spelling wins): tags the needs ask for first, then the others alphabetically."""
    seen: dict[str, str] = {}
    for finding in project.findings.findings:
        for need in finding.needs:
            seen.setdefault(_fold(need.offer), need.offer)
    others: dict[str, str] = {}
    for effort in project.efforts.efforts:
        for offer in effort.offers:
            if _fold(offer) not in seen:
                others.setdefault(_fold(offer), offer)
    return list(seen.values()) + sorted(others.values(), key=_fold)


def _overlaps(project: Project, slots: dict[str, Slots | None], language: str) -> list[Overlap]:
    found: list[Overlap] = []
    for offer in _offer_tags(project):
        offering = [e for e in project.efforts.efforts if _fold(offer) in {_fold(o) for o in e.offers} and slots[e.id] is not None]
        if len(offering) < 2:
            continue
        areas: dict[str, str] = {}
        for effort in offering:
            for area in effort.areas:
                areas.setdefault(_fold(area), area)
        groups: list[tuple[str | None, list[Effort]]]
        if areas:
            groups = [(place, [e for e in offering if _serves(place, e.areas)]) for place in areas.values()]
        else:
            groups = [(None, offering)]
        for group_area, members in groups:
            if len(members) < 2:
                continue
            member_slots = [slots[e.id] or () for e in members]
            per_slot = [sum(1 for own in member_slots if own[slot]) for slot in range(hours.SLOTS_PER_WEEK)]
            overlap: Slots = tuple(count >= 2 for count in per_slot)
            if not any(overlap):
                continue
            involved = [e.id for e in members if any(a and b for a, b in zip(slots[e.id], overlap))]  # type: ignore[arg-type]
            found.append(Overlap(offer, group_area, overlap, involved, max(per_slot), language))
    return found


def _capacity(project: Project, needs: list[NeedCoverage], slots: dict[str, Slots | None]) -> list[CapacityGap]:
    gaps: list[CapacityGap] = []
    for effort in project.efforts.efforts:
        if not effort.over_capacity:
            continue
        dependent: list[DependentNeed] = []
        for need in needs:
            if effort.id not in need.efforts and effort.id not in need.hours_unknown:
                continue
            own = slots[effort.id]
            sole = 0.0
            if own is not None:
                others = _union([slots[e] for e in need.efforts if e != effort.id])  # type: ignore[misc]
                sole = _hours(_minus(_and(need.window, own), others))
            dependent.append(DependentNeed(need.finding, need.need, need.offer, sole))
        gaps.append(CapacityGap(effort.id, effort.name, effort.organisation, effort.capacity, list(effort.offers), dependent))
    return gaps


def _unaddressed(
    project: Project, needs: list[NeedCoverage], capacity: list[CapacityGap], language: str
) -> list[Unaddressed]:
    named: set[str] = set()
    for goal in project.plan.goals:
        for measure in goal.measures:
            named.update(measure.addresses)
    # a need is a gap when it is not fully covered, or when an effort it depends on is over capacity
    gap_needs = {need.need for need in needs if need.status != "covered"}
    gap_needs |= {dependent.need for item in capacity for dependent in item.needs}
    followed_up = {item.finding for item in project.plan.follow_up if item.finding}
    items: list[Unaddressed] = []
    known_ids: set[str] = set()
    for finding in project.findings.findings:
        need_ids = [finding.need_id(index) for index in range(len(finding.needs))]
        known_ids.add(finding.id)
        known_ids.update(need_ids)
        finding_named = finding.id in named
        if not finding_named and not any(need_id in named for need_id in need_ids):
            items.append(
                Unaddressed(
                    "finding",
                    finding.id,
                    finding.id,
                    finding.title or finding.statement,
                    # the report keeps such findings visible outside the plan; say so rather than hide them
                    t("gaps.reason_follow_up" if finding.id in followed_up else "gaps.reason_finding", language),
                    any(need_id in gap_needs for need_id in need_ids),
                )
            )
        for index, need_id in enumerate(need_ids):
            if need_id in named or finding_named:
                continue
            need = finding.needs[index]
            items.append(
                Unaddressed(
                    "need", need_id, finding.id, need.text or need.offer, t("gaps.reason_need", language), need_id in gap_needs
                )
            )
    for goal_index, goal in enumerate(project.plan.goals):
        for measure_index, measure in enumerate(goal.measures):
            measure_id = project.plan.measure_id(goal_index, measure_index)
            if not measure.addresses:
                reason = t("gaps.reason_measure", language)
            elif not any(name in known_ids for name in measure.addresses):
                reason = t("gaps.reason_measure_unknown", language).format(ids=", ".join(measure.addresses))
            else:
                continue
            items.append(Unaddressed("measure", measure_id, None, measure.text, reason, False))
    return items


def _week(project: Project, slots: dict[str, Slots | None], language: str) -> list[WeekRow]:
    def counts_for(efforts: list[Effort]) -> list[list[int]]:
        table = [[0] * HOURS_IN_DAY for _ in range(7)]
        for effort in efforts:
            own = slots[effort.id]
            if own is None:
                continue
            for day in range(7):
                for hour in range(HOURS_IN_DAY):
                    first = day * hours.SLOTS_PER_DAY + hour * hours.SLOTS_PER_HOUR
                    if any(own[first : first + hours.SLOTS_PER_HOUR]):
                        table[day][hour] += 1
        return table

    def unknown(efforts: list[Effort]) -> int:
        return sum(1 for effort in efforts if slots[effort.id] is None)

    everyone = project.efforts.efforts
    rows = [WeekRow(None, t("gaps.all_efforts", language), counts_for(everyone), unknown(everyone))]
    for offer in _offer_tags(project):
        offering = [e for e in project.efforts.efforts if _fold(offer) in {_fold(o) for o in e.offers}]
        rows.append(WeekRow(offer, offer, counts_for(offering), unknown(offering)))
    return rows


def analyse_gaps(project: Project, language: str | None = None) -> GapAnalysis:
    """The needs of every finding against the efforts, the overlaps, capacity and plan coverage."""
    language = language or project.language
    slots = _effort_slots(project)
    needs = _need_coverage(project, slots, language)
    capacity = _capacity(project, needs, slots)
    return GapAnalysis(
        needs=needs,
        overlaps=_overlaps(project, slots, language),
        capacity=capacity,
        unaddressed=_unaddressed(project, needs, capacity, language),
        hours_unknown=[effort_id for effort_id, own in slots.items() if own is None],
        week=_week(project, slots, language),
        language=language,
        effort_names={effort.id: effort.name for effort in project.efforts.efforts},
    )
