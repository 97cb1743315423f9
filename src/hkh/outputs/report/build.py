"""The report put together: every chapter in the order of an HKH report, numbered, with the cover's facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from hkh.analysis.results import Results
from hkh.i18n.formats import format_date, format_period
from hkh.outputs.report.builder import CHAPTER_KEYS, UNNUMBERED, ReportBuilder, anchor_of
from hkh.outputs.report.chapters import analysis, efforts, findings, front, method, plan
from hkh.outputs.report.model import Report, Section


def _number_sections(chapters: list[Section]) -> None:
    for chapter in chapters:
        for index, section in enumerate(chapter.sections, start=1):
            section.number = f"{chapter.number}.{index}" if chapter.number else None
            for sub_index, sub in enumerate(section.sections, start=1):
                sub.number = f"{section.number}.{sub_index}" if section.number else None


def build_report(results: Results) -> Report:
    """The report as a model of chapters; both renderers (HTML, Word) draw this one model."""
    from hkh import __version__

    builder = ReportBuilder(results)
    writers: dict[str, Callable[[ReportBuilder, Section], None]] = {
        "ch_summary": front.summary,
        "ch_introduction": front.introduction,
        "ch_method": method.method,
        "ch_efforts": efforts.efforts,
        "ch_findings": findings.findings,
        "ch_analysis": analysis.analysis,
        "ch_plan": plan.plan,
        "ch_follow_up": plan.follow_up,
        "ch_appendix": efforts.appendix,
    }
    chapters: list[Section] = []
    number = 0
    for key in CHAPTER_KEYS:
        if key not in UNNUMBERED:
            number += 1
        chapter = Section(
            title=builder.t(f"report.{key}"),
            anchor=builder.unique_anchor(anchor_of(key.removeprefix("ch_"))),
            level=1,
            number=None if key in UNNUMBERED else str(number),
            key=key,
        )
        writers[key](builder, chapter)
        chapters.append(chapter)
    _number_sections(chapters)
    mapping = builder.project.mapping
    language = builder.language
    meta: list[tuple[str, str]] = []
    if mapping.commissioner:
        meta.append((builder.t("report.commissioner"), mapping.commissioner))
    if mapping.area:
        meta.append((builder.t("report.area"), mapping.area))
    if mapping.period and (mapping.period.start or mapping.period.end):
        meta.append((builder.t("report.period"), format_period(mapping.period.start, mapping.period.end, language)))
    today = dt.date.today().isoformat()
    return Report(
        language=language,
        title=mapping.title,
        subtitle=builder.t("report.subtitle"),
        meta=meta,
        chapters=chapters,
        generated=builder.t("report.generated", version=__version__, date=format_date(today, language)),
        author=mapping.commissioner or ", ".join(person.name for person in mapping.team),
        date=today,
    )
