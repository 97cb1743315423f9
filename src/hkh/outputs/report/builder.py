"""Building the report model from the results: the chapters in the order of an HKH report, numbered.

The chapters follow the published HKH reports (the Brugata/Storgata report of 2020 is the reference): summary,
introduction with the mandate, process/method/sources, existing efforts, findings per mandate item, analysis,
action plan, findings to follow up, and an appendix of low-threshold services with their opening hours in words.
Each chapter is written by a module of `hkh.outputs.report.chapters`; this module holds what they share (numbering,
anchors, words); `hkh.outputs.report.build` puts them together.

Every number comes from `Results`, the same results the workbooks show. Raw survey data never reaches the report:
survey figures come from the published tables (small counts already suppressed), and open-text answers are never
read.
"""

from __future__ import annotations

import re
from typing import Any

from hkh.analysis.results import Results
from hkh.i18n import t
from hkh.i18n.formats import format_date, format_period
from hkh.outputs.report.model import Figure, Section, Table, TableRow
from hkh.project.models import Finding, Source

CHAPTER_KEYS = (
    "ch_summary",
    "ch_introduction",
    "ch_method",
    "ch_efforts",
    "ch_findings",
    "ch_analysis",
    "ch_plan",
    "ch_follow_up",
    "ch_appendix",
)
UNNUMBERED = {"ch_summary", "ch_appendix"}


def chapter_titles(language: str) -> list[str]:
    """Every chapter heading in report order (what a reader, and the browser test, expects to find)."""
    return [t(f"report.{key}", language) for key in CHAPTER_KEYS]


def lower_first(text: str) -> str:
    """A label inside a sentence: "Spørreundersøkelse" → "spørreundersøkelse", but "HKH-steg" stays."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def anchor_of(*parts: str) -> str:
    text = "-".join(parts).lower()
    text = text.replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "section"


def finding_title(finding: Finding) -> str:
    if finding.title:
        return finding.title
    first = re.split(r"(?<=[.!?])\s", finding.statement.strip(), maxsplit=1)[0]
    return first if len(first) <= 90 else first[:87].rstrip() + "…"


def source_when(source: Source, language: str) -> str:
    if source.date:
        return format_date(source.date, language)
    if source.period:
        return format_period(source.period.start, source.period.end, language)
    return ""


class ReportBuilder:
    """What the chapters share while the report is built: the results, numbering of figures and tables, anchors."""

    def __init__(self, results: Results) -> None:
        self.results = results
        self.project = results.project
        self.language = results.language
        self.min_cell = self.project.mapping.settings.min_cell
        self.figure_count = 0
        self.table_count = 0
        self.sources = {source.id: source for source in self.project.sources.sources}
        self.stats_shown: set[str] = set()
        # a survey question cited by several findings is shown once; later findings refer to its figure
        self.questions_shown: dict[tuple[str, str], int] = {}
        self.anchors: set[str] = set()

    def t(self, key: str, **values: Any) -> str:
        """A word of the report in its language; `key` names its namespace ("report.summary_plan")."""
        return t(key, self.language, **values)

    def figure(
        self, png: bytes, caption: str, alt: str | None = None, note: str | None = None, svg: str | None = None,
        **attrs: str,
    ) -> Figure:
        self.figure_count += 1
        return Figure(
            png=png, caption=caption, alt=alt or caption, number=self.figure_count, note=note, attrs=attrs, svg=svg
        )

    def table(self, headers: list[str], rows: list[TableRow], caption: str | None, **options: Any) -> Table:
        self.table_count += 1
        return Table(headers=headers, rows=rows, caption=caption, number=self.table_count, **options)

    def unique_anchor(self, anchor: str) -> str:
        """Kinds written differently by different rows ("Helsetilbud", "helsetilbud") still get their own anchors."""
        candidate, suffix = anchor, 1
        while candidate in self.anchors:
            suffix += 1
            candidate = f"{anchor}-{suffix}"
        self.anchors.add(candidate)
        return candidate

    def section(self, parent: Section, title: str, key: str = "") -> Section:
        anchor = self.unique_anchor(anchor_of(parent.anchor, key or title))
        child = Section(title=title, anchor=anchor, level=parent.level + 1, key=key)
        parent.sections.append(child)
        return child

    def hours_words(self, text: str | None) -> str:
        """Opening hours in words in the report's language, seasons and holidays included; the OSM text itself when
        it cannot be described."""
        if not text:
            return ""
        from hkh.project.hours_seasons import describe_hours

        return describe_hours(text, self.language)
