"""Existing efforts (the services register by kind) and the appendix of low-threshold services with their hours."""

from __future__ import annotations

from hkh.outputs.report.builder import ReportBuilder, lower_first
from hkh.outputs.report.model import Bullets, Facts, Paragraph, Section
from hkh.outputs.tags import tag_as_name, tags_as_names
from hkh.project.models import Effort


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _facts(b: ReportBuilder, effort: Effort) -> Facts:
    items: list[tuple[str, str]] = [(b.t("report.organisation"), effort.organisation)]
    if effort.offers:
        items.append((b.t("report.offers"), tags_as_names(effort.offers)))
    if effort.target_groups:
        items.append((b.t("report.target_groups"), _capitalised(", ".join(effort.target_groups))))
    if effort.areas:
        items.append((b.t("report.areas"), _capitalised(", ".join(effort.areas))))
    if effort.address:
        items.append((b.t("report.address"), effort.address))
    if effort.opening_hours:
        shown = b.hours_words(effort.opening_hours)
        if effort.hours_note:
            shown += f" ({effort.hours_note})"
        items.append((b.t("report.opening_hours"), shown))
    elif effort.hours_note:
        items.append((b.t("report.opening_hours"), effort.hours_note))
    # "Over kapasitet: kapasiteten er sprengt, og det ender daglig med at personer blir avvist."
    over = _capitalised(b.t("report.over_capacity")) if effort.over_capacity else ""
    if over and effort.capacity:
        items.append((b.t("report.capacity"), f"{over}: {lower_first(effort.capacity)}"))
    elif over or effort.capacity:
        items.append((b.t("report.capacity"), over or _capitalised(effort.capacity or "")))
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
        if items:
            section.blocks.append(Facts(items))
        if effort.offers:
            section.blocks.append(Bullets([tag_as_name(offer) for offer in effort.offers]))
        if effort.description:
            section.blocks.append(Paragraph(effort.description))
