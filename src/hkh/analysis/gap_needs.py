"""Each need of each finding held against the efforts, on the days evaluated.

The definitions (docs/design.md, "Definitions", and issue 14), made exact here:

- An effort offers a need's tag when its `offers`, or one of its schedules' `offers`, hold the tag (compared by the
  vocabulary's rules: case, blanks and dashes do not matter). It serves the need's group (`who`) and area (`where`)
  when it names none, or names the need's term or one that contains it (`Oslo sentrum` contains
  `Brugata/Storgata`).
- Of the efforts that offer the tag for the group and area, an effort is *not counted*, with the reason shown, when
  the need lists it as `unsuitable`; when the need says who must meet it (`by`: provider kinds such as `police`, or
  organisations, effort names or ids) and the effort is not one of them; when its `eligibility.age` does not include
  every age of the need's `age`; when it is `planned`, or ended or not yet started on the days evaluated.
- The counted efforts cover the need in the hours they offer its tag (`hkh.project.services.offer_hours`), within
  their lifetime, on the real calendar. Counted efforts without hours are listed ("hours unknown") but cover nothing.
- The need's window is its `when` (24/7 without it). Uncovered = the window minus what the counted efforts cover.
- Changes: the dates within the days evaluated on which a counted effort starts or ends, or its hours or the need's
  window change with a season, a date or a public holiday.
"""

from __future__ import annotations

from hkh.analysis.gap_calendar import Masks, intersect, union, weekly_hours
from hkh.analysis.gap_context import ALWAYS, GapContext
from hkh.analysis.gap_model import NeedChange, NeedCoverage, NotCounted
from hkh.i18n import t
from hkh.i18n.formats import format_date
from hkh.project import calendar
from hkh.project.models import AgeRange, Effort, Need
from hkh.project.services import lifetime, offer_hours
from hkh.project.vocabulary import term_key

_WINDOW_KEY = "\0window"


def age_words(age: AgeRange, language: str) -> str:
    """`15–20 år`, `18 år og eldre`, `opptil 24 år` (and in nn and en)."""
    if age.min is not None and age.max is not None:
        return t("coverage.age_range", language, ages=age.text())
    if age.min is not None:
        return t("coverage.age_from", language, age=age.min)
    return t("coverage.age_to", language, age=age.max)


def provided_by(effort: Effort, by: list[str]) -> bool:
    """The effort is one of those `by` names: a provider kind (`police`), an organisation, an effort's name or id."""
    if not by:
        return True
    own = {term_key(effort.organisation), term_key(effort.name), term_key(effort.id)}
    if effort.provider is not None:
        own.add(effort.provider.value)
    return any(term_key(entry) in own for entry in by)


def by_words(by: list[str], language: str) -> str:
    from hkh.project.models import Provider

    kinds = {kind.value for kind in Provider}
    named = [t(f"coverage.provider_{term_key(entry)}", language) if term_key(entry) in kinds else entry for entry in by]
    if len(named) <= 1:
        return "".join(named)
    return f"{', '.join(named[:-1])} {t('coverage.or', language)} {named[-1]}"


def serves(context: GapContext, effort: Effort, need: Need) -> bool:
    terms = context.terms
    return (
        context.offers(effort, need.offer)
        and terms.serves("target_groups", need.who, effort.groups)
        and terms.serves("areas", need.where, effort.areas)
    )


def _would_cover(context: GapContext, effort: Effort, need: Need, window: Masks) -> float | None:
    masks = context.offer_masks(effort, need.offer, within_lifetime=False)
    return None if masks is None else weekly_hours(intersect(window, masks), context.evaluation)


def _not_counted(context: GapContext, effort: Effort, need: Need, window: Masks) -> NotCounted | None:
    """Why an effort that serves the need is not counted for it, or None when it is counted."""
    language = context.language
    unsuitable = next((item for item in need.unsuitable if item.effort == effort.id), None)
    if unsuitable is not None:
        return NotCounted(effort.id, "unsuitable", unsuitable.reason, None, _would_cover(context, effort, need, window))
    if not provided_by(effort, need.by):
        reason = t("coverage.why_provider", language, by=by_words(need.by, language))
        return NotCounted(effort.id, "provider", reason, None, _would_cover(context, effort, need, window))
    effort_age = effort.eligibility.age
    if need.age is not None and effort_age is not None and not effort_age.includes(need.age):
        reason = t("coverage.why_age", language, effort=age_words(effort_age, language), need=age_words(need.age, language))
        return NotCounted(effort.id, "age", reason, None, _would_cover(context, effort, need, window))
    standing = context.standing(effort)
    if standing.counts:
        return None
    why = standing.why or "ended"  # a standing that does not count always says why
    when = format_date(standing.written, language) if standing.written else ""
    key = f"coverage.why_{why}" + ("_on" if when else "")
    reason = t(key, language, date=when)
    return NotCounted(effort.id, why, reason, standing.date, _would_cover(context, effort, need, window))


def _changes(context: GapContext, need: Need, counted: list[Effort]) -> list[NeedChange]:
    services: list[calendar.ServiceHours] = [calendar.ServiceHours(_WINDOW_KEY, need.when or ALWAYS)]
    owners: dict[str, tuple[str | None, str | None]] = {_WINDOW_KEY: (None, None)}
    for effort in counted:
        begins, ends = lifetime(effort)
        for index, source in enumerate(offer_hours(effort, need.offer, term_key) or []):
            key = f"{effort.id}\0{index}"
            owners[key] = (effort.id, source.schedule)
            services.append(calendar.ServiceHours(key, source.text or ALWAYS, begins, ends))
    evaluation = context.evaluation
    found: list[NeedChange] = []
    seen: set[tuple[object, ...]] = set()
    for change in calendar.change_dates(services, evaluation.first, evaluation.last):
        effort_id, schedule = owners[change.key]
        holiday = calendar.holiday_name(change.holiday, context.language) if change.holiday else None
        item = NeedChange(change.day, effort_id, schedule, change.kind, holiday)
        identity = (item.day, item.effort, item.kind, item.holiday)  # two schedules of one effort change once
        if identity not in seen:
            seen.add(identity)
            found.append(item)
    return found


def need_coverage(context: GapContext) -> list[NeedCoverage]:
    result: list[NeedCoverage] = []
    for finding in context.project.findings.findings:
        for index, need in enumerate(finding.needs):
            window = context.window(need.when)
            counted: list[Effort] = []
            not_counted: list[NotCounted] = []
            for effort in context.efforts:
                if not serves(context, effort, need):
                    continue
                reason = _not_counted(context, effort, need, window)
                if reason is None:
                    counted.append(effort)
                else:
                    not_counted.append(reason)
            known = {e.id: masks for e in counted if (masks := context.offer_masks(e, need.offer)) is not None}
            with_hours = [e for e in counted if e.id in known]
            open_masks = union(context.evaluation, known.values())
            result.append(
                NeedCoverage(
                    finding=finding.id,
                    need=finding.need_id(index),
                    offer=context.terms.spelling("offers", need.offer),
                    who=need.who,
                    where=need.where,
                    age=need.age,
                    by=list(need.by),
                    text=need.text,
                    when=need.when or ALWAYS,
                    evaluation=context.evaluation,
                    window_masks=window,
                    covered_masks=intersect(window, open_masks),
                    efforts=[e.id for e in with_hours],
                    hours_unknown=[e.id for e in counted if e not in with_hours],
                    not_counted=not_counted,
                    changes=_changes(context, need, with_hours),
                    language=context.language,
                )
            )
    return result
