"""The analysis: the triangulation matrix, then the gaps (needs without an effort, uncovered hours, the week heatmap),
overlaps, capacity, and what the plan does not address."""

from __future__ import annotations

from hkh.analysis.gaps import NeedCoverage
from hkh.i18n.formats import format_hours, join_words
from hkh.outputs.gap_tables import change_text, evaluation_words, need_details, not_counted_text
from hkh.outputs.report.builder import ReportBuilder, finding_title
from hkh.outputs.report.model import Bullets, Paragraph, Section, TableRow
from hkh.outputs.tags import tag_as_name
from hkh.project.models import Method, Stance


def analysis(b: ReportBuilder, chapter: Section) -> None:
    _triangulation(b, chapter)
    _gaps(b, chapter)


def _triangulation(b: ReportBuilder, chapter: Section) -> None:
    findings = b.project.findings.findings
    if not findings:
        return
    section = b.section(chapter, b.t("report.sec_triangulation"), "triangulation")
    used = [m for m in Method if any(s.method is m for s in b.project.sources.sources)]
    headers = [b.t("report.finding"), *(b.t(f"methods.{m.value}") for m in used), b.t("report.strength")]
    rows = []
    for finding in findings:
        cells = [finding_title(finding)]
        for method in used:
            stances = {
                e.stance for e in finding.evidence if e.source in b.sources and b.sources[e.source].method is method
            }
            cells.append(
                ("✓" if Stance.supports in stances else "")
                + ("✗" if Stance.contradicts in stances else "")
                # a mention is shown, so the reader sees the topic came up, but it is not support
                + ("○" if stances == {Stance.mentions} else "")
            )
        result = b.results.triangulation.finding(finding.id)
        word = b.t(f"strength.{result.strength}")
        if result.disputed:
            word += f" ({b.t('strength.disputed')})"
        cells.append(word)
        rows.append(TableRow(cells, attrs={"data-finding": finding.id}))
    section.blocks.append(
        b.table(
            headers, rows, b.t("report.triangulation_caption"), style="matrix", note=b.t("report.triangulation_legend")
        )
    )


def _effort_name(b: ReportBuilder, effort_id: str) -> str:
    effort = next((e for e in b.project.efforts.efforts if e.id == effort_id), None)
    return effort.name if effort is not None else effort_id


def _effort_names(b: ReportBuilder, effort_ids: list[str]) -> str:
    """Efforts in one cell, apart by semicolons: their names have commas ("Prindsen mottakssenter, brukerrommet")."""
    return "; ".join(_effort_name(b, effort_id) for effort_id in effort_ids)


def _need_text(b: ReportBuilder, need_id: str) -> str:
    for finding in b.project.findings.findings:
        for index, need in enumerate(finding.needs):
            if finding.need_id(index) == need_id:
                return need.text or tag_as_name(need.offer)
    return ""


def _need_label(b: ReportBuilder, need: NeedCoverage) -> str:
    text = need.text or _need_text(b, need.need) or tag_as_name(need.offer)
    details = need_details(need)
    return f"{text} ({', '.join(details)})" if details else text


def _finding_label(b: ReportBuilder, finding_id: str | None) -> str:
    finding = next((f for f in b.project.findings.findings if f.id == finding_id), None)
    return finding_title(finding) if finding is not None else (finding_id or "")


def _names(b: ReportBuilder) -> dict[str, str]:
    return {effort.id: effort.name for effort in b.project.efforts.efforts}


def _gaps(b: ReportBuilder, chapter: Section) -> None:
    gaps = b.results.gaps
    names = _names(b)
    days = evaluation_words(gaps.evaluation, b.language)
    section = b.section(chapter, b.t("report.sec_gaps"), "gaps")
    section.blocks.append(Paragraph(f"{b.t('report.gaps_intro')} {b.t('coverage.evaluated', days=days)}"))
    no_effort = [need for need in gaps.no_effort if need.status == "no_effort"]
    not_met = [need for need in gaps.no_effort if need.status == "not_met"]
    uncovered = gaps.uncovered
    if no_effort:
        section.blocks.append(Paragraph(b.t("report.no_effort_intro")))
        rows = [
            TableRow(
                [_need_label(b, need), _finding_label(b, need.finding), b.hours_words(need.when)],
                attrs={"data-need": need.need},
            )
            for need in no_effort
        ]
        headers = [b.t("report.need"), b.t("report.finding"), b.t("report.need_window")]
        section.blocks.append(b.table(headers, rows, b.t("report.no_effort_caption"), style="gaps"))
    if not_met:
        # efforts offer these, and the team has said why they do not meet the need: the reader sees both
        section.blocks.append(Paragraph(b.t("services.not_met_intro")))
        rows = [
            TableRow(
                [_need_label(b, need), _finding_label(b, need.finding), not_counted_text(need, names)],
                attrs={"data-need": need.need},
            )
            for need in not_met
        ]
        headers = [b.t("report.need"), b.t("report.finding"), b.t("services.not_counted_header")]
        section.blocks.append(b.table(headers, rows, b.t("services.not_met_caption"), style="gaps"))
    if uncovered:
        section.blocks.append(Paragraph(b.t("report.uncovered_intro")))
        rows = [
            TableRow(
                [
                    _need_label(b, need),
                    need.uncovered_words() or need.uncovered_text(),
                    format_hours(need.uncovered_hours, b.language),
                    "; ".join(
                        [_effort_name(b, e) for e in need.efforts]
                        + [f"{_effort_name(b, e)} ({b.t('layout.hours_unknown_mark')})" for e in need.hours_unknown]
                    ),
                    not_counted_text(need, names),
                ],
                attrs={"data-need": need.need},
            )
            for need in uncovered
        ]
        headers = [
            b.t("report.need"), b.t("report.not_covered"), b.t("report.hours_per_week"), b.t("report.efforts_answering"),
            b.t("services.not_counted_header"),
        ]
        section.blocks.append(
            b.table(headers, rows, b.t("report.uncovered_caption"), style="gaps", numeric_columns=(2,))
        )
    if not no_effort and not not_met and not uncovered:
        section.blocks.append(Paragraph(b.t("report.no_gaps")))
    changed = [need for need in gaps.needs if need.changes]
    if changed:
        items = [
            f"{_need_label(b, need)}: " + "; ".join(change_text(change, b.language, names) for change in need.changes)
            for need in changed
        ]
        section.blocks.append(Paragraph(b.t("coverage.changes") + ":", style="label"))
        section.blocks.append(Bullets(items))
    from hkh.outputs.charts.heatmap import week_heatmap_png, week_heatmap_svg

    heatmap = b.figure(
        week_heatmap_png(gaps), f"{b.t('layout.heatmap_caption')} ({days})", svg=week_heatmap_svg(gaps),
        **{"data-figure": "week-heatmap"},
    )
    heatmap.scroll = True  # its text would be too small shrunk to a phone's width: it scrolls there instead
    section.blocks.append(heatmap)

    section = b.section(chapter, b.t("report.sec_overlaps"), "overlaps")
    if gaps.overlaps:
        section.blocks.append(Paragraph(f"{b.t('report.overlaps_intro')} {b.t('services.overlaps_ranked')}"))
        rows = [
            TableRow(
                [
                    tag_as_name(overlap.offer) + (f" ({overlap.area})" if overlap.area else ""),
                    overlap.hours_words() or overlap.hours_text(),
                    _effort_names(b, overlap.efforts),
                    b.t("services.low_threshold_of", n=len(overlap.low_threshold), total=len(overlap.efforts)),
                ]
            )
            for overlap in gaps.overlaps
        ]
        headers = [b.t("report.offers"), b.t("report.when"), b.t("report.efforts_answering"), b.t("coverage.low_threshold")]
        section.blocks.append(b.table(headers, rows, b.t("report.overlaps_caption"), style="gaps"))
    else:
        section.blocks.append(Paragraph(b.t("report.no_overlaps")))

    section = b.section(chapter, b.t("report.sec_capacity"), "capacity")
    if gaps.capacity:
        section.blocks.append(Paragraph(b.t("report.capacity_intro")))
        items = []
        for item in gaps.capacity:
            text = f"{item.name} ({item.organisation})"
            numbers = [
                b.t(f"services.{key}", n=format_hours(value, b.language))
                for key, value in (
                    ("places", item.places),
                    ("visits_per_day", item.visits_per_day),
                    ("turned_away", item.turned_away_per_week),
                )
                if value is not None
            ]
            described = "; ".join([*numbers, *([item.capacity.strip().rstrip(".")] if item.capacity else [])])
            if described:
                text += f": {described}"
            needs = [
                (_need_text(b, dependent.need) or tag_as_name(dependent.offer)).strip().rstrip(".")
                for dependent in item.needs
            ]
            if needs:
                text += ". " + b.t("report.capacity_needs", list=join_words(needs, b.language)) + "."
            items.append(text)
        section.blocks.append(Bullets(items))
    else:
        section.blocks.append(Paragraph(b.t("report.no_capacity")))

    section = b.section(chapter, b.t("report.sec_unaddressed"), "unaddressed")
    if gaps.unaddressed:
        section.blocks.append(Paragraph(b.t("report.unaddressed_intro")))
        rows = [
            TableRow([b.t(f"report.kind_{item.kind}"), item.text, item.reason], attrs={"data-id": item.id})
            for item in gaps.unaddressed
        ]
        headers = [b.t("report.kind"), b.t("report.description"), b.t("report.reason")]
        section.blocks.append(b.table(headers, rows, b.t("report.unaddressed_caption"), style="gaps"))
    else:
        section.blocks.append(Paragraph(b.t("report.no_unaddressed")))
