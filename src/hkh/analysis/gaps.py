"""`hkh gaps`: the analysis of gaps (*analyse av hull*): the needs of the findings held against the ongoing efforts.

The definitions (design notes), made exact here:

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

`analyse_gaps` computes, `render_gaps` renders for the terminal, `write_gaps` writes the workbook and heatmap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hkh.project import hours
from hkh.i18n import labels
from hkh.project.models import Effort
from hkh.project.load import Project

if TYPE_CHECKING:  # pragma: no cover - typing only
    from openpyxl.workbook.workbook import Workbook
    from rich.console import RenderableType

Slots = tuple[bool, ...]
ALWAYS = "24/7"
HOURS_IN_DAY = 24
# Bands of the day for summaries; the night band starts at 23:00, when the report finds the scene least safe.
HOUR_BANDS = ((23, 7), (7, 11), (11, 15), (15, 19), (19, 23))

GAP_LABELS: labels.Table = {
    "file": {"nb": "gap-analyse.xlsx", "nn": "gap-analyse.xlsx", "en": "gap-analysis.xlsx"},
    "figures_dir": {"nb": "figurer", "nn": "figurer", "en": "figures"},
    "heatmap_file": {"nb": "ukekart.png", "nn": "vekekart.png", "en": "week-heatmap.png"},
    "title": {"nb": "Analyse av hull", "nn": "Analyse av hol", "en": "Gap analysis"},
    "uncovered_sheet": {"nb": "Udekket tid", "nn": "Udekt tid", "en": "Uncovered hours"},
    "no_effort_sheet": {"nb": "Uten tilbud", "nn": "Utan tilbod", "en": "No effort"},
    "overlaps_sheet": {"nb": "Overlapp", "nn": "Overlapp", "en": "Overlaps"},
    "capacity_sheet": {"nb": "Kapasitet", "nn": "Kapasitet", "en": "Capacity"},
    "unaddressed_sheet": {"nb": "Uten tiltak", "nn": "Utan tiltak", "en": "Unaddressed"},
    "coverage_sheet": {"nb": "Dekning", "nn": "Dekning", "en": "Coverage"},
    "week_sheet": {"nb": "Ukekart", "nn": "Vekekart", "en": "Week map"},
    "finding": {"nb": "Funn", "nn": "Funn", "en": "Finding"},
    "need": {"nb": "Behov", "nn": "Behov", "en": "Need"},
    "need_text": {"nb": "Behovet", "nn": "Behovet", "en": "The need"},
    "offer": {"nb": "Tilbud (tagg)", "nn": "Tilbod (tagg)", "en": "Offer (tag)"},
    "who": {"nb": "Målgruppe", "nn": "Målgruppe", "en": "Target group"},
    "where": {"nb": "Område", "nn": "Område", "en": "Area"},
    "window": {"nb": "Behovets tider", "nn": "Tidene til behovet", "en": "Need's window"},
    "window_hours": {"nb": "Timer/uke i behovets tider", "nn": "Timar/veke i tidene til behovet", "en": "Window hours/week"},
    "covered_osm": {"nb": "Dekket tid (åpningstidsformat)", "nn": "Dekt tid (opningstidsformat)", "en": "Covered (opening-hours syntax)"},
    "covered_hours": {"nb": "Dekket timer/uke", "nn": "Dekte timar/veke", "en": "Covered hours/week"},
    "uncovered_hours": {"nb": "Udekket timer/uke", "nn": "Udekte timar/veke", "en": "Uncovered hours/week"},
    "share_covered": {"nb": "Andel dekket", "nn": "Del dekt", "en": "Share covered"},
    "hours_osm": {"nb": "Udekket tid (åpningstidsformat)", "nn": "Udekt tid (opningstidsformat)", "en": "Uncovered (opening-hours syntax)"},
    "hours_words": {"nb": "Udekket tid (i ord)", "nn": "Udekt tid (i ord)", "en": "Uncovered (in words)"},
    "overlap_osm": {"nb": "Overlapp (åpningstidsformat)", "nn": "Overlapp (opningstidsformat)", "en": "Overlap (opening-hours syntax)"},
    "overlap_words": {"nb": "Overlapp (i ord)", "nn": "Overlapp (i ord)", "en": "Overlap (in words)"},
    "hours_per_week": {"nb": "Timer/uke", "nn": "Timar/veke", "en": "Hours/week"},
    "max_efforts": {"nb": "Flest samtidig", "nn": "Flest samstundes", "en": "Most at once"},
    "efforts": {"nb": "Innsats", "nn": "Innsats", "en": "Efforts"},
    "hours_unknown": {"nb": "Åpningstid ukjent", "nn": "Opningstid ukjend", "en": "Hours unknown"},
    "effort": {"nb": "Innsats", "nn": "Innsats", "en": "Effort"},
    "effort_name": {"nb": "Navn", "nn": "Namn", "en": "Name"},
    "organisation": {"nb": "Organisasjon", "nn": "Organisasjon", "en": "Organisation"},
    "capacity": {"nb": "Om kapasiteten", "nn": "Om kapasiteten", "en": "On capacity"},
    "sole_hours": {"nb": "Timer/uke bare denne dekker", "nn": "Timar/veke berre denne dekkjer", "en": "Hours/week only this covers"},
    "kind": {"nb": "Type", "nn": "Type", "en": "Kind"},
    "id": {"nb": "Id", "nn": "Id", "en": "Id"},
    "text": {"nb": "Tekst", "nn": "Tekst", "en": "Text"},
    "is_gap": {"nb": "Hull", "nn": "Hol", "en": "Gap"},
    "status": {"nb": "Status", "nn": "Status", "en": "Status"},
    "kind_finding": {"nb": "funn", "nn": "funn", "en": "finding"},
    "kind_need": {"nb": "behov", "nn": "behov", "en": "need"},
    "kind_measure": {"nb": "tiltak", "nn": "tiltak", "en": "measure"},
    "reason_finding": {"nb": "ingen tiltak svarer på funnet", "nn": "ingen tiltak svarar på funnet", "en": "no measure addresses the finding"},
    "reason_follow_up": {"nb": "ingen tiltak, men står under «Funn som bør følges opp»", "nn": "ingen tiltak, men står under «Funn som bør følgjast opp»", "en": "no measure, but listed under findings to follow up"},
    "reason_need": {"nb": "ingen tiltak svarer på behovet", "nn": "ingen tiltak svarar på behovet", "en": "no measure addresses the need"},
    "reason_measure": {"nb": "tiltaket svarer ikke på noe funn eller behov", "nn": "tiltaket svarar ikkje på noko funn eller behov", "en": "the measure addresses no finding or need"},
    "reason_measure_unknown": {"nb": "tiltaket viser bare til ukjente id-er: {ids}", "nn": "tiltaket viser berre til ukjende id-ar: {ids}", "en": "the measure names only unknown ids: {ids}"},
    "reason": {"nb": "Hvorfor", "nn": "Kvifor", "en": "Why"},
    "status_no_effort": {"nb": "ingen innsats", "nn": "ingen innsats", "en": "no effort"},
    "status_uncovered": {"nb": "delvis dekket", "nn": "delvis dekt", "en": "partly covered"},
    "status_not_covered": {"nb": "ikke dekket", "nn": "ikkje dekt", "en": "not covered"},
    "status_covered": {"nb": "dekket", "nn": "dekt", "en": "covered"},
    "yes": {"nb": "ja", "nn": "ja", "en": "yes"},
    "all_areas": {"nb": "alle områder", "nn": "alle område", "en": "all areas"},
    "everyone": {"nb": "alle", "nn": "alle", "en": "everyone"},
    "all_efforts": {"nb": "Alle tilbud", "nn": "Alle tilbod", "en": "All efforts"},
    "day": {"nb": "Dag", "nn": "Dag", "en": "Day"},
    "hour": {"nb": "Time", "nn": "Time", "en": "Hour"},
    "efforts_open": {"nb": "Antall tilbud åpne", "nn": "Tal på tilbod opne", "en": "Efforts open"},
    "heatmap_title": {
        "nb": "Hvor mange tilbud er åpne, time for time gjennom uka",
        "nn": "Kor mange tilbod er opne, time for time gjennom veka",
        "en": "How many efforts are open, hour by hour through the week",
    },
    "week_note": {
        "nb": "Tallet er hvor mange tilbud med kjent åpningstid som har åpent i løpet av timen.",
        "nn": "Talet er kor mange tilbod med kjend opningstid som har ope i løpet av timen.",
        "en": "The number is how many efforts with known hours are open at some time within the hour.",
    },
    "none_found": {"nb": "(ingen)", "nn": "(ingen)", "en": "(none)"},
    "with_unknown_hours": {"nb": "{n} med ukjent tid", "nn": "{n} med ukjend tid", "en": "{n} with unknown hours"},
    "summary": {
        "nb": "{needs} behov: {no_effort} uten innsats, {uncovered} med udekket tid, {overlaps} overlapp, "
        "{capacity} tilbud over kapasitet, {unaddressed} uten tiltak i planen.",
        "nn": "{needs} behov: {no_effort} utan innsats, {uncovered} med udekt tid, {overlaps} overlapp, "
        "{capacity} tilbod over kapasitet, {unaddressed} utan tiltak i planen.",
        "en": "{needs} needs: {no_effort} with no effort, {uncovered} with uncovered hours, {overlaps} overlaps, "
        "{capacity} efforts over capacity, {unaddressed} unaddressed in the plan.",
    },
    "unknown_hours_note": {
        "nb": "Tilbud uten åpningstid i efforts.yaml (regnes ikke som dekning): {efforts}",
        "nn": "Tilbod utan opningstid i efforts.yaml (blir ikkje rekna som dekning): {efforts}",
        "en": "Efforts without opening hours in efforts.yaml (not counted as covering): {efforts}",
    },
}


def t(key: str, language: str) -> str:
    return labels.text(key, language, GAP_LABELS)


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
        return t("summary", self.language).format(**self.counts())

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
            groups = [(area, [e for e in offering if _serves(area, e.areas)]) for area in areas.values()]
        else:
            groups = [(None, offering)]
        for area, members in groups:
            if len(members) < 2:
                continue
            per_slot = [sum(1 for e in members if slots[e.id][slot]) for slot in range(hours.SLOTS_PER_WEEK)]  # type: ignore[index]
            overlap = tuple(count >= 2 for count in per_slot)
            if not any(overlap):
                continue
            involved = [e.id for e in members if any(a and b for a, b in zip(slots[e.id], overlap))]  # type: ignore[arg-type]
            found.append(Overlap(offer, area, overlap, involved, max(per_slot), language))
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
                    t("reason_follow_up" if finding.id in followed_up else "reason_finding", language),
                    any(need_id in gap_needs for need_id in need_ids),
                )
            )
        for index, need_id in enumerate(need_ids):
            if need_id in named or finding_named:
                continue
            need = finding.needs[index]
            items.append(
                Unaddressed(
                    "need", need_id, finding.id, need.text or need.offer, t("reason_need", language), need_id in gap_needs
                )
            )
    for goal_index, goal in enumerate(project.plan.goals):
        for measure_index, measure in enumerate(goal.measures):
            measure_id = project.plan.measure_id(goal_index, measure_index)
            if not measure.addresses:
                reason = t("reason_measure", language)
            elif not any(name in known_ids for name in measure.addresses):
                reason = t("reason_measure_unknown", language).format(ids=", ".join(measure.addresses))
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
    rows = [WeekRow(None, t("all_efforts", language), counts_for(everyone), unknown(everyone))]
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


# ------------------------------------------------------------------------------------------------ shared rows
#
# The terminal, the workbook and the JSON show the same figures; building the rows once keeps them from drifting.


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)


def _list(items: list[str]) -> str:
    return ", ".join(items)


def no_effort_rows(result: GapAnalysis) -> tuple[list[str], list[list[Any]]]:
    language = result.language
    header = [t(k, language) for k in ("finding", "need", "offer", "who", "where", "window", "window_hours", "need_text")]
    rows = [
        [n.finding, n.need, n.offer, n.who or "", n.where or "", n.when, _number(n.window_hours), n.text or ""]
        for n in result.no_effort
    ]
    return header, rows


def uncovered_rows(result: GapAnalysis) -> tuple[list[str], list[list[Any]]]:
    language = result.language
    keys = ("finding", "need", "offer", "who", "where", "window", "hours_osm", "hours_words", "uncovered_hours",
            "covered_hours", "efforts", "hours_unknown")
    rows = [
        [
            n.finding, n.need, n.offer, n.who or "", n.where or "", n.when, n.uncovered_text(), n.uncovered_words(),
            _number(n.uncovered_hours), _number(n.covered_hours), _list(n.efforts), _list(n.hours_unknown),
        ]
        for n in result.uncovered
    ]
    return [t(k, language) for k in keys], rows


def overlap_rows(result: GapAnalysis) -> tuple[list[str], list[list[Any]]]:
    language = result.language
    keys = ("offer", "where", "overlap_osm", "overlap_words", "hours_per_week", "max_efforts", "efforts")
    rows = [
        [o.offer, o.area or t("all_areas", language), o.hours_text(), o.hours_words(), _number(o.hours_per_week),
         o.max_efforts, _list(o.efforts)]
        for o in result.overlaps
    ]
    return [t(k, language) for k in keys], rows


def capacity_rows(result: GapAnalysis) -> tuple[list[str], list[list[Any]]]:
    language = result.language
    keys = ("effort", "effort_name", "organisation", "capacity", "finding", "need", "offer", "sole_hours")
    rows: list[list[Any]] = []
    for item in result.capacity:
        first = [item.effort, item.name, item.organisation, item.capacity or ""]
        if not item.needs:
            rows.append(first + ["", "", "", ""])
        for dependent in item.needs:
            rows.append(first + [dependent.finding, dependent.need, dependent.offer, _number(dependent.sole_hours)])
    return [t(k, language) for k in keys], rows


def unaddressed_rows(result: GapAnalysis) -> tuple[list[str], list[list[Any]]]:
    language = result.language
    keys = ("kind", "id", "finding", "text", "reason", "is_gap")
    rows = [
        [t(f"kind_{u.kind}", language), u.id, u.finding or "", u.text, u.reason, t("yes", language) if u.gap else ""]
        for u in result.unaddressed
    ]
    return [t(k, language) for k in keys], rows


def coverage_rows(result: GapAnalysis) -> tuple[list[str], list[list[Any]]]:
    language = result.language
    keys = ("finding", "need", "offer", "who", "where", "window", "covered_osm", "window_hours", "covered_hours",
            "uncovered_hours", "share_covered", "status", "efforts", "hours_unknown")
    rows = [
        [
            n.finding, n.need, n.offer, n.who or "", n.where or "", n.when, hours.slots_to_opening_hours(n.covered),
            _number(n.window_hours),
            _number(n.covered_hours), _number(n.uncovered_hours),
            None if n.share_covered is None else round(n.share_covered, 4), t(f"status_{n.status}", language),
            _list(n.efforts), _list(n.hours_unknown),
        ]
        for n in result.needs
    ]
    return [t(k, language) for k in keys], rows


# ------------------------------------------------------------------------------------------------ terminal


# Terminals narrower than this get the tables with fewer columns (the workbook always has them all).
WIDE_TERMINAL = 140


def render_gaps(result: GapAnalysis) -> "RenderableType":
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    from hkh.analysis.triangulation import ByWidth

    language = result.language

    def table(title: str, header: list[str], rows: list[list[Any]], shown: list[int]) -> Any:
        rendered = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
        for index in shown:
            rendered.add_column(header[index], overflow="fold")
        if not rows:
            rendered.add_row(t("none_found", language), *[""] * (len(shown) - 1))
        for row in rows:
            rendered.add_row(*["" if row[i] is None else str(row[i]) for i in shown])
        return rendered

    def part(key: str, table_rows: tuple[list[str], list[list[Any]]], wide: list[int], narrow: list[int]) -> Any:
        header, rows = table_rows
        title = t(key, language)
        return ByWidth(table(title, header, rows, wide), table(title, header, rows, narrow), WIDE_TERMINAL)

    parts: list[Any] = [Text(t("title", language), style="bold"), Text(result.summary_text())]
    parts.append(part("no_effort_sheet", no_effort_rows(result), [0, 1, 2, 3, 4, 5], [1, 2, 3, 4, 5]))
    parts.append(part("uncovered_sheet", uncovered_rows(result), [0, 1, 2, 6, 7, 8, 10], [1, 7, 8, 10]))
    parts.append(part("overlaps_sheet", overlap_rows(result), [0, 1, 3, 4, 5, 6], [0, 1, 3, 4, 6]))
    parts.append(part("capacity_sheet", capacity_rows(result), [0, 1, 3, 5, 7], [0, 5, 7]))
    parts.append(part("unaddressed_sheet", unaddressed_rows(result), [0, 1, 3, 5], [0, 1, 5]))
    if result.hours_unknown:
        parts.append(Text(t("unknown_hours_note", language).format(efforts=_list(result.hours_unknown)), style="yellow"))
    return Group(*parts)


# ------------------------------------------------------------------------------------------------ files


def output_path(project: Project, language: str, output: Path | None = None) -> Path:
    return output if output is not None else project.out_dir / t("file", language)


def heatmap_path(project: Project, language: str, output: Path | None = None) -> Path:
    """The week heatmap: out/figurer/ukekart.png, or beside the workbook named by -o."""
    folder = (output.parent if output is not None else project.out_dir) / t("figures_dir", language)
    return folder / t("heatmap_file", language)


def _table_sheet(
    workbook: Any,
    language: str,
    key: str,
    table: tuple[list[str], list[list[Any]]],
    *,
    wrap: tuple[int, ...],
    hours_columns: tuple[int, ...] = (),
    percent_columns: tuple[int, ...] = (),
) -> None:
    """One part of the analysis as a plain table; `wrap` and the format columns are 0-based."""
    from hkh.outputs import excel

    title = t(key, language)
    header, rows = table
    sheet = workbook.create_sheet(excel.safe_sheet_name(title, workbook.sheetnames))
    formats = {index: excel.DECIMAL_FORMAT for index in hours_columns}
    formats.update({index: excel.PERCENT_FORMAT for index in percent_columns})
    excel.write_rows(sheet, header, rows or [[t("none_found", language)]], number_formats=formats)
    excel.finish_table(
        sheet,
        header_row=1,
        wrap=[index + 1 for index in wrap],
        landscape=True,
        title=title,
        fixed_widths={index + 1: 45 for index in wrap},
    )


def _week_sheet(workbook: Any, result: GapAnalysis) -> None:
    from openpyxl.styles import PatternFill

    from hkh.outputs import excel

    language = result.language
    sheet = workbook.create_sheet(excel.safe_sheet_name(t("week_sheet", language), workbook.sheetnames))
    header = [t("offer", language), t("day", language)] + [f"{hour:02d}" for hour in range(HOURS_IN_DAY)]
    rows: list[list[Any]] = []
    for row in result.week:
        for day, counts in enumerate(row.counts):
            rows.append([row.label, labels.text(f"day_short_{hours.DAY_KEYS[day]}", language, labels.HOURS_WORDS), *counts])
    last = excel.write_rows(sheet, header, rows)
    highest = max((max(max(day) for day in row.counts) for row in result.week), default=0)
    for row_number in range(2, last + 1):
        for column in range(3, 3 + HOURS_IN_DAY):
            cell = sheet.cell(row=row_number, column=column)
            value = cell.value or 0
            if value == 0:
                colour = "F2DCDB"  # nobody open: the gaps stand out
            else:
                # paler to deeper green with the number of efforts open
                strength = value / highest if highest else 0
                shade = int(235 - 135 * strength)
                colour = f"{shade:02X}{min(255, shade + 40):02X}{shade:02X}"
            cell.fill = PatternFill("solid", start_color=colour, end_color=colour)
    sheet.cell(row=last + 2, column=1, value=t("week_note", language))
    excel.fit_column_widths(sheet, fixed={1: 24, 2: 6, **{c: 4.5 for c in range(3, 3 + HOURS_IN_DAY)}})
    excel.freeze_below(sheet, 1, columns=2)
    excel.setup_print(sheet, landscape=True, title=t("week_sheet", language))


def build_workbook(result: GapAnalysis) -> "Workbook":
    from hkh.outputs import excel

    language = result.language
    workbook = excel.new_workbook()
    _table_sheet(workbook, language, "uncovered_sheet", uncovered_rows(result), wrap=(7, 10), hours_columns=(8, 9))
    _table_sheet(workbook, language, "no_effort_sheet", no_effort_rows(result), wrap=(7,), hours_columns=(6,))
    _table_sheet(workbook, language, "overlaps_sheet", overlap_rows(result), wrap=(3, 6), hours_columns=(4,))
    _table_sheet(workbook, language, "capacity_sheet", capacity_rows(result), wrap=(3,), hours_columns=(7,))
    _table_sheet(workbook, language, "unaddressed_sheet", unaddressed_rows(result), wrap=(3, 4))
    _table_sheet(
        workbook, language, "coverage_sheet", coverage_rows(result),
        wrap=(12,), hours_columns=(7, 8, 9), percent_columns=(10,),
    )
    _week_sheet(workbook, result)
    return workbook


def write_gaps(
    project: Project, result: GapAnalysis, language: str | None = None, output: Path | None = None, force: bool = False
) -> list[Path]:
    """Write out/gap-analyse.xlsx (or `output`) and the week heatmap PNG; returns the paths written.

    `language` must be the one `result` was computed in (its words are in the result); it defaults to that.
    The caller holds `project_lock` (not re-entrant; `hkh run` writes several outputs under one lock).
    """
    from hkh.core.guard import OutputGuard
    from hkh.outputs.charts.heatmap import week_heatmap_png

    language = language or result.language
    guard = OutputGuard(project.out_dir, force=force, display=project.path("out"))
    workbook_target = output_path(project, language, output)
    figure_target = heatmap_path(project, language, output)
    # check both before writing either, so a refused overwrite leaves no half-updated pair
    guard.check(workbook_target)
    guard.check(figure_target)
    with guard.writing(workbook_target) as temp:
        build_workbook(result).save(temp)
    guard.write_bytes(figure_target, week_heatmap_png(result))
    return [workbook_target, figure_target]
