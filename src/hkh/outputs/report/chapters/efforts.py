"""Existing efforts (the services register by kind) and the appendix of low-threshold services with their hours."""

from __future__ import annotations

from hkh.i18n.formats import format_date, format_quantity
from hkh.outputs.report.builder import ReportBuilder, lower_first
from hkh.outputs.report.model import Bullets, Facts, Paragraph, Section
from hkh.outputs.tags import tag_as_name, tags_as_names
from hkh.project.models import Effort, EffortStatus


def running_text(b: ReportBuilder, effort: Effort) -> str:
    """"fra desember 2019", "planlagt", "avsluttet 31. august 2020", or empty for an active effort without dates."""
    valid = effort.valid
    first = format_date(valid.from_, b.language) if valid and valid.from_ else ""
    last = format_date(valid.until, b.language) if valid and valid.until else ""
    if first and last:
        span = b.t("services.running_span", first=first, last=last)
    elif first:
        span = b.t("services.running_from", date=first)
    elif last:
        span = b.t("services.running_until", date=last)
    else:
        span = ""
    if effort.status is EffortStatus.active:
        return span
    status = b.t(f"services.status_{effort.status.value}")
    return f"{status} ({span})" if span else status


def _capacity_text(b: ReportBuilder, effort: Effort) -> str:
    """"Over kapasitet: kapasiteten er sprengt, og det ender daglig med at personer blir avvist." (numbers too)"""
    parts: list[str] = []
    numbers = effort.capacity
    if numbers is not None:
        for key, value in (
            ("places", numbers.places),
            ("visits_per_day", numbers.visits_per_day),
            ("turned_away", numbers.turned_away_per_week),
        ):
            if value is not None:
                parts.append(b.t(f"services.{key}", n=format_quantity(value, b.language)))
        if numbers.note:
            parts.append(numbers.note)
    described = "; ".join(parts)
    if effort.is_over_capacity:
        over = _capitalised(b.t("report.over_capacity"))
        return f"{over}: {lower_first(described)}" if described else over
    return _capitalised(described)


def _eligibility_text(b: ReportBuilder, effort: Effort) -> str:
    from hkh.analysis.gap_needs import age_words

    eligibility = effort.eligibility
    parts = [age_words(eligibility.age, b.language)] if eligibility.age else []
    if eligibility.referral:
        parts.append(b.t("services.referral"))
    if eligibility.note:
        parts.append(eligibility.note)
    return "; ".join(parts)


def schedule_lines(b: ReportBuilder, effort: Effort) -> list[tuple[str, str]]:
    """The effort's hours as (label, words): its own opening hours, then each schedule by its name."""
    lines: list[tuple[str, str]] = []
    if effort.opening_hours or (effort.hours_note and not effort.schedules):
        shown = b.hours_words(effort.opening_hours)
        if effort.hours_note:
            shown = f"{shown} ({effort.hours_note})" if shown else effort.hours_note
        lines.append((b.t("report.opening_hours"), shown))
    for schedule in effort.schedules:
        shown = b.hours_words(schedule.opening_hours)
        if schedule.offers:
            offers = b.t("services.offers_in_schedule", offers=", ".join(schedule.offers))
            shown = f"{shown} ({offers})" if shown else offers
        if schedule.hours_note:
            shown = f"{shown}. {schedule.hours_note}" if shown else schedule.hours_note
        lines.append((schedule.name, shown))
    if effort.schedules and effort.hours_note and not effort.opening_hours:
        lines.append((b.t("report.opening_hours"), effort.hours_note))
    return lines


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _facts(b: ReportBuilder, effort: Effort) -> Facts:
    items: list[tuple[str, str]] = [(b.t("report.organisation"), effort.organisation)]
    if effort.provider is not None:
        items.append((b.t("services.provider"), b.t(f"services.provider_{effort.provider.value}")))
    running = running_text(b, effort)
    if running:
        items.append((b.t("services.running"), running))
    if effort.all_offers:
        items.append((b.t("report.offers"), tags_as_names(effort.all_offers)))
    if effort.groups:
        items.append((b.t("report.target_groups"), _capitalised(", ".join(effort.groups))))
    eligibility = _eligibility_text(b, effort)
    if eligibility:
        items.append((b.t("services.eligibility"), eligibility))
    if effort.areas:
        items.append((b.t("report.areas"), _capitalised(", ".join(effort.areas))))
    if effort.address:
        items.append((b.t("report.address"), effort.address))
    items.extend(schedule_lines(b, effort))
    capacity = _capacity_text(b, effort)
    if capacity:
        items.append((b.t("report.capacity"), capacity))
    return Facts(items)


def efforts(b: ReportBuilder, chapter: Section) -> None:
    efforts = b.project.efforts.efforts
    if not efforts:
        chapter.blocks.append(Paragraph(b.t("report.efforts_none"), style="draft"))
        return
    organisations = {effort.organisation for effort in efforts}
    chapter.blocks.append(Paragraph(b.t("report.efforts_intro", count=len(efforts), organisations=len(organisations))))
    kinds: dict[str, list[Effort]] = {}
    for effort in efforts:
        kinds.setdefault(effort.kind or "", []).append(effort)
    for kind, members in kinds.items():
        title = kind[:1].upper() + kind[1:] if kind else b.t("report.other_kind")
        section = b.section(chapter, title, kind or "other")
        for effort in members:
            item = b.section(section, effort.name, effort.id)
            if effort.description:
                item.blocks.append(Paragraph(effort.description))
            item.blocks.append(_facts(b, effort))


def appendix(b: ReportBuilder, chapter: Section) -> None:
    services = [effort for effort in b.project.efforts.efforts if effort.low_threshold]
    if not services:
        chapter.blocks.append(Paragraph(b.t("report.appendix_none")))
        return
    chapter.blocks.append(Paragraph(b.t("report.appendix_intro")))
    for effort in services:
        title = effort.name if effort.organisation in effort.name else f"{effort.name}, {effort.organisation}"
        section = b.section(chapter, title, effort.id)
        items: list[tuple[str, str]] = []
        if effort.address:
            items.append((b.t("report.address"), effort.address))
        # one line per rule, as the service lists would print them ("Mandag–fredag 09.00–14.00")
        rules = b.hours_words(effort.opening_hours).split("; ") if effort.opening_hours else []
        hours_text = "\n".join(rule[:1].upper() + rule[1:] for rule in rules)
        if effort.hours_note:
            hours_text = f"{hours_text}\n{effort.hours_note}" if hours_text else effort.hours_note
        if hours_text:
            items.append((b.t("report.opening_hours"), hours_text))
        for schedule in effort.schedules:
            rules = b.hours_words(schedule.opening_hours).split("; ") if schedule.opening_hours else []
            shown = "\n".join(rule[:1].upper() + rule[1:] for rule in rules) or (schedule.hours_note or "")
            if shown:
                items.append((schedule.name, shown))
        if items:
            section.blocks.append(Facts(items))
        if effort.all_offers:
            section.blocks.append(Bullets([tag_as_name(offer) for offer in effort.all_offers]))
        if effort.description:
            section.blocks.append(Paragraph(effort.description))
