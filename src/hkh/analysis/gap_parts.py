"""The parts of the gap analysis beside the needs: overlaps, capacity, plan coverage and the week map.

- Overlaps: for each offer tag and place, the quarter hours when at least two counted efforts offering it are open
  at once. A place is an area the efforts name, taken as the outermost of those that contain each other (efforts
  in `Brugata/Storgata` and in `Oslo sentrum` are compared in Oslo sentrum); an effort without areas is counted in
  every place named by the others. Planned and ended
  efforts are left out. Overlaps are ranked by what they amount to, hours x efforts (the efforts open, added up over
  the overlapping quarter hours), so that the food handed out by six services at once comes before two phone lines;
  the low-threshold efforts among them are named.
- Capacity: counted efforts that are over capacity (`over_capacity`, or people turned away), with the needs they
  answer, and how many hours of each need's window rest on that effort alone.
- Plan coverage (unaddressed): a finding is addressed when a measure names it or one of its needs; a need when a
  measure names it or its finding. Measures that address nothing are listed too.
- The week map: how many counted efforts are open in each hour, in all and per offer tag.
"""

from __future__ import annotations

from hkh.analysis.gap_calendar import (
    Masks,
    at_least_two,
    hour_counts,
    intersect,
    minus,
    slot_count,
    typical_week,
    union,
    weekly_hours,
)
from hkh.analysis.gap_context import GapContext
from hkh.analysis.gap_model import (
    CapacityGap,
    DependentNeed,
    NeedCoverage,
    Overlap,
    Unaddressed,
    WeekRow,
)
from hkh.i18n import t
from hkh.project.models import Effort
from hkh.project.vocabulary import term_key


def _places(context: GapContext, offering: list[Effort]) -> list[str | None]:
    """The places in which efforts offering one tag are compared: each area they name, lifted to the outermost area
    that they also name and that contains it (so `Brugata/Storgata` efforts are compared with `Oslo sentrum` ones in
    Oslo sentrum, but not in all of Oslo unless some effort offering the tag works in all of Oslo)."""
    terms = context.terms
    named: dict[str, str] = {}
    for effort in offering:
        for area in effort.areas:
            named.setdefault(term_key(area), terms.spelling("areas", area))
    places: dict[str, str] = {}
    for area in named.values():
        outer = [other for other in named.values() if terms.within("areas", area, other)]
        outermost = next(o for o in outer if not any(x != o and terms.within("areas", o, x) for x in outer))
        places.setdefault(term_key(outermost), outermost)
    return list(places.values()) or [None]


def _in_place(context: GapContext, effort: Effort, place: str | None) -> bool:
    if place is None or not effort.areas:
        return True
    return any(context.terms.within("areas", area, place) for area in effort.areas)


def _max_at_once(masks: list[Masks], overlap: Masks) -> int:
    most = 0
    for day, mask in enumerate(overlap):
        while mask:
            lowest = mask & -mask
            most = max(most, sum(1 for own in masks if own[day] & lowest))
            mask ^= lowest
    return most


def overlaps(context: GapContext) -> list[Overlap]:
    evaluation = context.evaluation
    found: list[Overlap] = []
    for offer in context.offer_tags():
        offering: list[tuple[Effort, Masks]] = []
        for effort in context.efforts:
            if not context.offers(effort, offer) or not context.counts(effort):
                continue
            masks = context.offer_masks(effort, offer)
            if masks is not None:
                offering.append((effort, masks))
        if len(offering) < 2:
            continue
        for place in _places(context, [effort for effort, _masks in offering]):
            members = [(effort, masks) for effort, masks in offering if _in_place(context, effort, place)]
            if len(members) < 2:
                continue
            overlap = at_least_two(evaluation, [masks for _effort, masks in members])
            if not any(overlap):
                continue
            involved = [(effort, masks) for effort, masks in members if any(intersect(masks, overlap))]
            effort_slots = sum(slot_count(intersect(masks, overlap)) for _effort, masks in involved)
            found.append(
                Overlap(
                    offer=offer,
                    area=place,
                    slots=typical_week(overlap, evaluation),
                    hours_per_week=weekly_hours(overlap, evaluation),
                    effort_hours=round(effort_slots / 4 / evaluation.weeks, 2),
                    efforts=[effort.id for effort, _masks in involved],
                    low_threshold=[effort.id for effort, _masks in involved if effort.low_threshold],
                    max_efforts=_max_at_once([masks for _effort, masks in involved], overlap),
                    language=context.language,
                )
            )
    # the overlaps that amount to most first; ties in the order found (the needs' tags first)
    return sorted(found, key=lambda item: -item.effort_hours)


def capacity(context: GapContext, needs: list[NeedCoverage]) -> list[CapacityGap]:
    gaps: list[CapacityGap] = []
    for effort in context.efforts:
        if not effort.is_over_capacity or not context.counts(effort):
            continue
        dependent: list[DependentNeed] = []
        for need in needs:
            if effort.id not in need.efforts and effort.id not in need.hours_unknown:
                continue
            own = context.offer_masks(effort, need.offer)
            sole = 0.0
            if own is not None:
                others = union(
                    context.evaluation,
                    [m for e in context.efforts if e.id in need.efforts and e.id != effort.id
                     and (m := context.offer_masks(e, need.offer)) is not None],
                )
                sole = weekly_hours(minus(intersect(need.window_masks, own), others), context.evaluation)
            dependent.append(DependentNeed(need.finding, need.need, need.offer, sole))
        numbers = effort.capacity
        gaps.append(
            CapacityGap(
                effort=effort.id,
                name=effort.name,
                organisation=effort.organisation,
                capacity=effort.capacity_note,
                places=numbers.places if numbers else None,
                visits_per_day=numbers.visits_per_day if numbers else None,
                turned_away_per_week=numbers.turned_away_per_week if numbers else None,
                offers=list(effort.all_offers),
                needs=dependent,
            )
        )
    return gaps


def unaddressed(context: GapContext, needs: list[NeedCoverage], capacity: list[CapacityGap]) -> list[Unaddressed]:
    project, language = context.project, context.language
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


def week_rows(context: GapContext) -> list[WeekRow]:
    counted = [effort for effort in context.efforts if context.counts(effort)]

    def row(offer: str | None, label: str, efforts: list[Effort]) -> WeekRow:
        found = [context.effort_masks(e) if offer is None else context.offer_masks(e, offer) for e in efforts]
        known = [masks for masks in found if masks is not None]
        return WeekRow(offer, label, hour_counts(known, context.evaluation), len(found) - len(known))

    rows = [row(None, t("gaps.all_efforts", context.language), counted)]
    for offer in context.offer_tags():
        rows.append(row(offer, offer, [effort for effort in counted if context.offers(effort, offer)]))
    return rows
