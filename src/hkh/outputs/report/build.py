"""`hkh report`: the mapping drafted as an HKH report, every number and table taken from the project folder.

The report is first built as a plain model (`Report`: chapters of sections holding paragraphs, lists, tables,
figures and quotes), and then rendered: to one self-contained HTML file here (Jinja2, autoescaped, figures embedded
as base64 PNG, no external resource at all), or to a Word document by `hkh.outputs.report.docx`. Both renderers walk the
same model, so the HTML and the Word file always say the same thing.

The chapters follow the published HKH reports (the Brugata/Storgata report of 2020 is the reference): summary,
introduction with the mandate, process/method/sources, existing efforts, findings per mandate item, analysis,
action plan, findings to follow up, and an appendix of low-threshold services with their opening hours in words.

The analyses themselves live in other modules (survey tables, triangulation, gap analysis, plan); this module only
lays out what they return. Raw survey data never reaches the report: survey figures come from the published tables
(small counts already suppressed), and open-text answers are never read.
"""

from __future__ import annotations

import base64
import datetime as dt
import importlib
import re
import struct
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, ClassVar, Iterator, Union

from hkh.i18n import labels
from hkh.core.errors import UsageError
from hkh.project.models import Effort, Evidence, Finding, Method, Source, Stance, StepId, StepState
from hkh.project.load import Project

FORMATS = ("html", "docx")
TEMPLATE_NAME = "report.html.j2"
STYLESHEET_NAME = "report.css"


# ------------------------------------------------------------------------------------------------------ the model


@dataclass
class Paragraph:
    text: str
    style: str = ""  # "draft" (a note to the team), "note" (small print), "lead"
    kind: ClassVar[str] = "paragraph"


@dataclass
class Bullets:
    items: list[str]
    kind: ClassVar[str] = "bullets"


@dataclass
class Facts:
    """Label/value pairs shown as a definition list (effort details, a finding's strength)."""

    items: list[tuple[str, str]]
    kind: ClassVar[str] = "facts"


@dataclass
class Quote:
    text: str
    attribution: str
    kind: ClassVar[str] = "quote"


@dataclass
class TableRow:
    cells: list[str]
    attrs: dict[str, str] = field(default_factory=dict)
    group: str | None = None


@dataclass
class Cell:
    column: int
    text: str
    rowspan: int = 1


@dataclass
class Table:
    headers: list[str]
    rows: list[TableRow]
    caption: str | None = None
    number: int | None = None
    style: str = ""
    attrs: dict[str, str] = field(default_factory=dict)
    merge_column: int | None = None  # cells of this column are merged over consecutive rows of one group
    numeric_columns: tuple[int, ...] = ()
    note: str | None = None
    kind: ClassVar[str] = "table"

    def layout(self) -> list[tuple[TableRow, list[Cell]]]:
        """Rows with the cells to draw: a merged cell appears once, with its rowspan, and not on later rows."""
        laid_out: list[tuple[TableRow, list[Cell]]] = []
        index = 0
        while index < len(self.rows):
            row = self.rows[index]
            span = 1
            if self.merge_column is not None and row.group is not None:
                while index + span < len(self.rows) and self.rows[index + span].group == row.group:
                    span += 1
            for offset in range(span):
                current = self.rows[index + offset]
                cells = [
                    Cell(column, text, span if column == self.merge_column else 1)
                    for column, text in enumerate(current.cells)
                    if not (offset > 0 and column == self.merge_column)
                ]
                laid_out.append((current, cells))
            index += span
        return laid_out


@dataclass
class Figure:
    png: bytes
    caption: str
    alt: str
    number: int | None = None
    note: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)
    kind: ClassVar[str] = "figure"

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")

    @property
    def size(self) -> tuple[int, int]:
        """Pixel width and height from the PNG header (so the page does not reflow while images decode)."""
        if self.png[:8] != b"\x89PNG\r\n\x1a\n" or len(self.png) < 24:
            return (0, 0)
        width, height = struct.unpack(">II", self.png[16:24])
        return (int(width), int(height))


Block = Union[Paragraph, Bullets, Facts, Quote, Table, Figure]


@dataclass
class Section:
    title: str
    anchor: str
    level: int
    number: str | None = None
    blocks: list[Block] = field(default_factory=list)
    sections: list["Section"] = field(default_factory=list)
    key: str = ""

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title

    def walk(self) -> Iterator["Section"]:
        yield self
        for section in self.sections:
            yield from section.walk()


@dataclass
class Report:
    language: str
    title: str
    subtitle: str
    meta: list[tuple[str, str]]
    chapters: list[Section]
    generated: str
    missing: list[str] = field(default_factory=list)

    def sections(self) -> Iterator[Section]:
        for chapter in self.chapters:
            yield from chapter.walk()

    def labels(self) -> dict[str, str]:
        return {key: _t(key, self.language) for key in ("contents", "missing_parts", "figure", "table")}


# ------------------------------------------------------------------------------------------------------- helpers


def _t(key: str, language: str, **values: Any) -> str:
    found = labels.text(
        key, language, labels.REPORT, labels.PLAN, labels.STRENGTH, labels.METHODS, labels.STEPS, labels.STEP_STATES
    )
    return found.format(**values) if values else found


def chapter_titles(language: str) -> list[str]:
    """Every chapter heading in report order (what a reader, and the browser test, expects to find)."""
    return [_t(key, language) for key in CHAPTER_KEYS]


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


def format_date(text: str | None, language: str) -> str:
    """`2020-02-14` → "14. februar 2020", `2020-04` → "april 2020", `2020` → "2020"."""
    if not text:
        return ""
    parts = text.split("-")
    if len(parts) == 1:
        return parts[0]
    month = labels.text(str(int(parts[1])), language, labels.MONTHS)
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    day = int(parts[2])
    return f"{day} {month} {parts[0]}" if language == "en" else f"{day}. {month} {parts[0]}"


def format_period(start: str | None, end: str | None, language: str) -> str:
    if start and end:
        if start == end:
            return format_date(start, language)
        return f"{format_date(start, language)}–{format_date(end, language)}"
    return format_date(start or end, language)


def _source_when(source: Source, language: str) -> str:
    if source.date:
        return format_date(source.date, language)
    if source.period:
        return format_period(source.period.start, source.period.end, language)
    return ""


def _lower_first(text: str) -> str:
    """A label inside a sentence: "Spørreundersøkelse" → "spørreundersøkelse", but "HKH-steg" stays."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def join_words(items: list[str], language: str) -> str:
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {'and' if language == 'en' else 'og'} {items[-1]}"


def _anchor(*parts: str) -> str:
    text = "-".join(parts).lower()
    text = text.translate(str.maketrans({"æ": "ae", "ø": "o", "å": "a"}))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "section"


def _finding_title(finding: Finding) -> str:
    if finding.title:
        return finding.title
    first = re.split(r"(?<=[.!?])\s", finding.statement.strip(), maxsplit=1)[0]
    return first if len(first) <= 90 else first[:87].rstrip() + "…"


def _optional(module_name: str, missing: list[str], what: str) -> ModuleType | None:
    """A module other parts of hkh provide; while it is absent, the report is drafted without that part."""
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        missing.append(f"{what} ({module_name} is not installed in this hkh)")
        return None


def _hours_number(value: Any, language: str) -> str:
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return ""
    text = f"{value:g}" if float(value).is_integer() else f"{value:.1f}"
    return text.replace(".", ",") if language in ("nb", "nn") else text


# ------------------------------------------------------------------------------------------------------ building


class _Builder:
    def __init__(self, project: Project, language: str) -> None:
        self.project = project
        self.language = language
        self.min_cell = project.mapping.settings.min_cell
        self.missing: list[str] = []
        self.figure_count = 0
        self.table_count = 0
        self.sources = {source.id: source for source in project.sources.sources}
        self._survey: dict[str, Any] = {}  # source id -> hkh.survey.tables.SurveyTables
        self._respondents: dict[str, dict[str, int]] = {}
        self._survey_data: dict[str, Any] = {}  # source id -> hkh.survey.tables.SurveyData (codebook lookups)
        self.survey_tables: ModuleType | None = None
        self.survey_charts: ModuleType | None = None
        self.survey_ids: list[str] = []
        self.triangulation: dict[str, dict[str, Any]] = {}
        self.gaps: dict[str, Any] | None = None
        self.gap_result: Any = None
        self.gaps_module: ModuleType | None = None
        self.stats_tables: list[Any] = []
        self.stats_shown: set[str] = set()
        self.anchors: set[str] = set()

    def t(self, key: str, **values: Any) -> str:
        return _t(key, self.language, **values)

    # ---------------------------------------------------------------------------------------- numbered blocks

    def figure(self, png: bytes, caption: str, alt: str | None = None, note: str | None = None, **attrs: str) -> Figure:
        self.figure_count += 1
        return Figure(png=png, caption=caption, alt=alt or caption, number=self.figure_count, note=note, attrs=attrs)

    def table(self, headers: list[str], rows: list[TableRow], caption: str | None, **options: Any) -> Table:
        self.table_count += 1
        return Table(headers=headers, rows=rows, caption=caption, number=self.table_count, **options)

    # -------------------------------------------------------------------------------------- gathering the data

    def load(self) -> None:
        self._load_survey()
        self._load_triangulation()
        self._load_gaps()
        self._load_stats()

    def _load_survey(self) -> None:
        self.survey_tables = _optional("hkh.survey.tables", self.missing, self._missing_word("survey_tables"))
        if self.survey_tables is None:
            return
        self.survey_ids = list(self.survey_tables.list_imported_surveys(self.project))
        if not self.survey_ids:
            return
        self.survey_charts = _optional("hkh.outputs.charts.survey", self.missing, self._missing_word("survey_charts"))
        for source_id in self.survey_ids:
            self._survey[source_id] = self.survey_tables.build_survey_tables(
                self.project, source_id=source_id, language=self.language
            )
            self._respondents[source_id] = self._read_respondents(source_id)

    def _read_respondents(self, source_id: str) -> dict[str, int]:
        """Participation as `hkh import` counted it (codebook.yaml `respondents`); empty when not recorded."""
        from hkh.project.load import SURVEY_DIR
        from hkh.core.yamlio import load_yaml

        path = self.project.root / SURVEY_DIR / source_id / "codebook.yaml"
        tree = load_yaml(path, display=self.project.path(path.relative_to(self.project.root)))
        counts = tree.get("respondents") if isinstance(tree, dict) else None
        if not isinstance(counts, dict):
            return {}
        return {str(key): int(value) for key, value in counts.items() if isinstance(value, int) and not isinstance(value, bool)}

    def _load_triangulation(self) -> None:
        module = _optional("hkh.analysis.triangulation", self.missing, self._missing_word("triangulation"))
        if module is None:
            return
        result = module.triangulate(self.project, self.language).to_json()
        self.triangulation = {item["id"]: item for item in result.get("findings", [])}

    def _load_gaps(self) -> None:
        self.gaps_module = _optional("hkh.analysis.gaps", self.missing, self._missing_word("gaps"))
        if self.gaps_module is None:
            return
        self.gap_result = self.gaps_module.analyse_gaps(self.project, self.language)
        self.gaps = self.gap_result.to_json()

    def _load_stats(self) -> None:
        from hkh.analysis.stats import read_stats_tables

        self.stats_tables = read_stats_tables(self.project)

    def _missing_word(self, part: str) -> str:
        return self.t(f"missing_{part}")

    # ------------------------------------------------------------------------------------------------- chapters

    def build(self) -> Report:
        self.load()
        mapping = self.project.mapping
        builders = {
            "ch_summary": self.summary,
            "ch_introduction": self.introduction,
            "ch_method": self.method,
            "ch_efforts": self.efforts,
            "ch_findings": self.findings,
            "ch_analysis": self.analysis,
            "ch_plan": self.plan,
            "ch_follow_up": self.follow_up,
            "ch_appendix": self.appendix,
        }
        chapters: list[Section] = []
        number = 0
        for key in CHAPTER_KEYS:
            if key not in UNNUMBERED:
                number += 1
            chapter = Section(
                title=self.t(key), anchor=self._unique_anchor(_anchor(key.removeprefix("ch_"))), level=1,
                number=None if key in UNNUMBERED else str(number), key=key,
            )
            builders[key](chapter)
            chapters.append(chapter)
        self._number_sections(chapters)
        meta: list[tuple[str, str]] = []
        if mapping.commissioner:
            meta.append((self.t("commissioner"), mapping.commissioner))
        if mapping.area:
            meta.append((self.t("area"), mapping.area))
        if mapping.period and (mapping.period.start or mapping.period.end):
            meta.append((self.t("period"), format_period(mapping.period.start, mapping.period.end, self.language)))
        from hkh import __version__

        today = dt.date.today().isoformat()
        return Report(
            language=self.language,
            title=mapping.title,
            subtitle=self.t("subtitle"),
            meta=meta,
            chapters=chapters,
            generated=self.t("generated", version=__version__, date=format_date(today, self.language)),
            missing=self.missing,
        )

    @staticmethod
    def _number_sections(chapters: list[Section]) -> None:
        for chapter in chapters:
            for index, section in enumerate(chapter.sections, start=1):
                section.number = f"{chapter.number}.{index}" if chapter.number else None
                for sub_index, sub in enumerate(section.sections, start=1):
                    sub.number = f"{section.number}.{sub_index}" if section.number else None

    def _unique_anchor(self, anchor: str) -> str:
        """Kinds written differently by different rows ("Helsetilbud", "helsetilbud") still get their own anchors."""
        candidate, suffix = anchor, 1
        while candidate in self.anchors:
            suffix += 1
            candidate = f"{anchor}-{suffix}"
        self.anchors.add(candidate)
        return candidate

    def section(self, parent: Section, title: str, key: str = "") -> Section:
        anchor = self._unique_anchor(_anchor(parent.anchor, key or title))
        child = Section(title=title, anchor=anchor, level=parent.level + 1, key=key)
        parent.sections.append(child)
        return child

    # ------------------------------------------------------------------------------------------------ summary

    def summary(self, chapter: Section) -> None:
        mapping = self.project.mapping
        language = self.language
        blocks = chapter.blocks
        blocks.append(Paragraph(self.t("summary_draft"), style="draft"))
        commissioner = self.t("summary_commissioner", name=mapping.commissioner) if mapping.commissioner else ""
        blocks.append(Paragraph(self.t("summary_mapping", title=mapping.title, commissioner=commissioner)))
        sources = self.project.sources.sources
        if sources:
            by_method: dict[Method, int] = {}
            for source in sources:
                by_method[source.method] = by_method.get(source.method, 0) + 1
            listed = [
                f"{_lower_first(labels.method_label(method.value, language))} ({by_method[method]})"
                for method in Method
                if method in by_method
            ]
            blocks.append(
                Paragraph(self.t("summary_sources", count=len(sources), methods=len(by_method), list=join_words(listed, language)))
            )
        else:
            blocks.append(Paragraph(self.t("summary_no_sources")))
        findings = self.project.findings.findings
        if findings and self.triangulation:
            strengths = [self.triangulation.get(f.id, {}).get("strength") for f in findings]
            disputed = sum(1 for f in findings if self.triangulation.get(f.id, {}).get("disputed"))
            blocks.append(
                Paragraph(
                    self.t(
                        "summary_findings",
                        count=len(findings),
                        robust=strengths.count("robust"),
                        triangulated=strengths.count("triangulated"),
                        single=strengths.count("single"),
                    )
                    + (" " + self.t("summary_no_evidence", count=strengths.count("none")) if "none" in strengths else "")
                    + (" " + self.t("summary_disputed", count=disputed) if disputed else "")
                )
            )
            robust = [_finding_title(f) for f in findings if self.triangulation.get(f.id, {}).get("strength") == "robust"]
            if robust:
                blocks.append(Paragraph(self.t("summary_robust_list")))
                blocks.append(Bullets(robust))
        measures = self.project.plan.measures()
        if measures:
            blocks.append(Paragraph(self.t("summary_plan", measures=len(measures), goals=len(self.project.plan.goals))))
        if self.project.plan.follow_up:
            blocks.append(Paragraph(self.t("summary_follow_up", count=len(self.project.plan.follow_up))))

    # ------------------------------------------------------------------------------------------- introduction

    def introduction(self, chapter: Section) -> None:
        mapping = self.project.mapping
        mandate = self.section(chapter, self.t("sec_mandate"), "mandate")
        facts = []
        if mapping.commissioner:
            facts.append(self.t("intro_commissioner", name=mapping.commissioner))
        if mapping.target_group:
            facts.append(self.t("intro_target_group", text=_lower_first(mapping.target_group.rstrip("."))))
        if mapping.area:
            facts.append(self.t("intro_area", text=mapping.area.rstrip(".")))
        if mapping.period and (mapping.period.start or mapping.period.end):
            facts.append(self.t("intro_period", text=format_period(mapping.period.start, mapping.period.end, self.language)))
        if facts:
            mandate.blocks.append(Paragraph(" ".join(facts)))
        if mapping.mandate:
            mandate.blocks.append(Paragraph(self.t("intro_mandate")))
            mandate.blocks.append(Bullets([item.text for item in mapping.mandate]))
        else:
            mandate.blocks.append(Paragraph(self.t("intro_no_mandate"), style="draft"))
        mandate.blocks.append(Paragraph(self.t("intro_plan")))
        if mapping.team or mapping.steering_group:
            team = self.section(chapter, self.t("sec_team"), "team")

            def person(p: Any) -> str:
                detail = ", ".join(part for part in (p.role, p.organisation) if part)
                return f"{p.name} ({detail})" if detail else p.name

            if mapping.team:
                team.blocks.append(Paragraph(self.t("team_intro")))
                team.blocks.append(Bullets([person(p) for p in mapping.team]))
            if mapping.steering_group:
                team.blocks.append(Paragraph(self.t("steering_intro")))
                team.blocks.append(Bullets([person(p) for p in mapping.steering_group]))

    # ------------------------------------------------------------------------------------ process and method

    def method(self, chapter: Section) -> None:
        language = self.language
        settings = self.project.mapping.settings
        chapter.blocks.append(Paragraph(self.t("method_intro")))

        process = self.section(chapter, self.t("sec_process"), "process")
        steps = {step.id: step for step in self.project.mapping.steps}
        with_notes = any(step.note for step in self.project.mapping.steps)
        rows = []
        for index, step_id in enumerate(StepId, start=1):
            step = steps.get(step_id)
            state = step.state if step else StepState.not_started
            when = format_period(step.start, step.end, language) if step else ""
            cells = [f"{index}. {self.t(step_id.value)}", self.t(state.value), when]
            if with_notes:
                cells.append(step.note or "" if step else "")
            rows.append(TableRow(cells, attrs={"data-step": step_id.value}))
        headers = [self.t("step"), self.t("state"), self.t("when")] + ([self.t("reason")] if with_notes else [])
        process.blocks.append(self.table(headers, rows, self.t("process_caption"), style="steps"))

        sources = self.project.sources.sources
        if sources:
            methods = self.section(chapter, self.t("sec_sources"), "sources")
            for method in Method:
                of_method = [s for s in sources if s.method is method]
                if of_method:
                    self._method_section(methods, method, of_method)
            listing = self.section(chapter, self.t("sec_source_list"), "source-list")
            rows = [
                TableRow(
                    [source.title, labels.method_label(source.method.value, language), _source_when(source, language),
                     "" if source.n is None else str(source.n)],
                    attrs={"data-source": source.id},
                )
                for source in sources
            ]
            listing.blocks.append(
                self.table(
                    [self.t("source"), self.t("method"), self.t("when"), self.t("count_n")], rows,
                    self.t("source_caption"), style="sources", numeric_columns=(3,),
                )
            )
        analysis = self.section(chapter, self.t("sec_analysis_method"), "analysis-method")
        analysis.blocks.append(
            Paragraph(self.t("analysis_method", triangulated=settings.triangulated, robust=settings.robust))
        )
        analysis.blocks.append(Paragraph(self.t("privacy", min_cell=self.min_cell)))

    def _survey_counts(self, source: Source) -> tuple[int | None, int | None, int | None]:
        """Participants, complete and partial: from the import (the data) when there is one, else from sources.yaml."""
        counted = self._respondents.get(source.id, {})
        if "answered" in counted:
            return counted["answered"], counted.get("complete"), counted.get("partial")
        return source.n, source.n_complete, source.n_partial

    def _method_section(self, parent: Section, method: Method, sources: list[Source]) -> None:
        language = self.language
        section = self.section(parent, labels.method_label(method.value, language), method.value)
        sentences: list[str] = []
        if method is Method.survey:
            for source in sources:
                when = _source_when(source, language)
                when_text = f" ({when})" if when else ""
                n, complete, partial = self._survey_counts(source)
                if n is not None and complete is not None and complete == n and not partial:
                    sentences.append(self.t("survey_participation_all", n=n, when=when_text))
                elif n is not None and complete is not None:
                    partial = partial if partial is not None else n - complete
                    sentences.append(
                        self.t("survey_participation", n=n, title=source.title, when=when_text, complete=complete, partial=partial)
                    )
                elif n is not None:
                    sentences.append(self.t("survey_participation_n", n=n, title=source.title, when=when_text))
                else:
                    sentences.append(self.t("survey_unknown_n", title=source.title, when=when_text))
        elif method in (Method.target_interview, Method.service_interview):
            total = sum(source.n if source.n is not None else 1 for source in sources)
            key = "interviews_target" if method is Method.target_interview else "interviews_service"
            sentences.append(self.t(key, n=total))
        elif method in (Method.initial_consultation, Method.final_consultation):
            for source in sources:
                when = _source_when(source, language) or "–"
                participants = self.t("consultation_n", n=source.n) if source.n is not None else ""
                sentences.append(
                    self.t("consultation_held", what=labels.method_label(method.value, language), when=when, participants=participants)
                )
                if source.participants:
                    sentences.append(self.t("participants", text=source.participants.rstrip(".")) + ".")
        if sentences:
            section.blocks.append(Paragraph(" ".join(sentences)))
        if method not in (Method.initial_consultation, Method.final_consultation) or any(s.note for s in sources):
            items = []
            for source in sources:
                details = [part for part in (_source_when(source, language),
                                             self.t("n_people", n=source.n) if source.n is not None else "") if part]
                text = source.title + (f" ({', '.join(details)})" if details else "")
                if source.note:
                    text += f": {source.note}"
                items.append(text)
            section.blocks.append(Bullets(items))

    # ------------------------------------------------------------------------------------------------ efforts

    def _hours_words(self, text: str | None) -> str:
        if not text:
            return ""
        from hkh.project import hours

        describe = getattr(hours, "describe_opening_hours", None)
        if describe is None:
            return text
        try:
            return describe(text, self.language)
        except hours.HoursError:
            return text

    def _effort_facts(self, effort: Effort) -> Facts:
        items: list[tuple[str, str]] = [(self.t("organisation"), effort.organisation)]
        if effort.offers:
            items.append((self.t("offers"), ", ".join(effort.offers)))
        if effort.target_groups:
            items.append((self.t("target_groups"), ", ".join(effort.target_groups)))
        if effort.areas:
            items.append((self.t("areas"), ", ".join(effort.areas)))
        if effort.address:
            items.append((self.t("address"), effort.address))
        if effort.opening_hours:
            shown = self._hours_words(effort.opening_hours)
            if effort.hours_note:
                shown += f" ({effort.hours_note})"
            items.append((self.t("opening_hours"), shown))
        elif effort.hours_note:
            items.append((self.t("opening_hours"), effort.hours_note))
        capacity = [part for part in (self.t("over_capacity") if effort.over_capacity else "", effort.capacity or "") if part]
        if capacity:
            items.append((self.t("capacity"), "; ".join(capacity)))
        return Facts(items)

    def efforts(self, chapter: Section) -> None:
        efforts = self.project.efforts.efforts
        if not efforts:
            chapter.blocks.append(Paragraph(self.t("efforts_none"), style="draft"))
            return
        organisations = {effort.organisation for effort in efforts}
        chapter.blocks.append(Paragraph(self.t("efforts_intro", count=len(efforts), organisations=len(organisations))))
        kinds: dict[str, list[Effort]] = {}
        for effort in efforts:
            kinds.setdefault(effort.kind or "", []).append(effort)
        for kind, members in kinds.items():
            section = self.section(chapter, kind[:1].upper() + kind[1:] if kind else self.t("other_kind"), kind or "other")
            for effort in members:
                item = self.section(section, effort.name, effort.id)
                if effort.description:
                    item.blocks.append(Paragraph(effort.description))
                item.blocks.append(self._effort_facts(effort))

    # ----------------------------------------------------------------------------------------------- findings

    def findings(self, chapter: Section) -> None:
        findings = self.project.findings.findings
        if not findings:
            chapter.blocks.append(Paragraph(self.t("findings_none"), style="draft"))
        else:
            chapter.blocks.append(Paragraph(self.t("findings_intro")))
        mandate_ids = [item.id for item in self.project.mapping.mandate]
        for item in self.project.mapping.mandate:
            members = [f for f in findings if f.mandate == item.id]
            if not members:
                continue
            section = self.section(chapter, item.text.rstrip("."), item.id)
            for finding in members:
                self._finding(section, finding)
        others = [f for f in findings if f.mandate not in mandate_ids]
        if others:
            section = self.section(chapter, self.t("other_findings"), "other")
            for finding in others:
                self._finding(section, finding)
        leftover = [table for table in self.stats_tables if table.name not in self.stats_shown]
        if leftover:
            section = self.section(chapter, self.t("sec_statistics"), "statistics")
            for table in leftover:
                self._stats_blocks(section, table)

    def _strength_text(self, finding: Finding) -> str | None:
        result = self.triangulation.get(finding.id)
        if result is None:
            return None
        strength = str(result.get("strength") or "none")
        methods = self._supporting_methods(result)
        if methods:
            words = self.t("method_one" if len(methods) == 1 else "method_many")
            names = [_lower_first(labels.method_label(m, self.language)) for m in methods]
            text = self.t("strength_methods", strength=self.t(strength), count=len(methods), methods_word=words,
                          list=join_words(names, self.language))
        else:
            text = self.t(strength)
        text = text[:1].upper() + text[1:]
        if result.get("disputed"):
            against = sorted(
                {self.sources[e.source].method.value for e in finding.evidence
                 if e.stance is Stance.contradicts and e.source in self.sources},
                key=[m.value for m in Method].index,
            )
            names = [_lower_first(labels.method_label(m, self.language)) for m in against]
            text += "; " + self.t("disputed_by", list=join_words(names, self.language))
        return text

    @staticmethod
    def _supporting_methods(result: dict[str, Any]) -> list[str]:
        """The methods whose evidence supports the finding (hkh.analysis.triangulation counts them per method), in matrix order."""
        order = [m.value for m in Method]
        methods = result.get("methods") or {}
        supporting = [str(method) for method, counts in methods.items() if (counts or {}).get("supports", 0) > 0]
        return sorted(supporting, key=lambda m: order.index(m) if m in order else len(order))

    def _finding(self, parent: Section, finding: Finding) -> None:
        section = self.section(parent, _finding_title(finding), finding.id)
        blocks = section.blocks
        blocks.append(Paragraph(finding.statement))
        strength = self._strength_text(finding)
        if strength:
            blocks.append(Facts([(self.t("strength"), strength)]))
        cited: list[tuple[str, str]] = []
        for evidence in finding.evidence:
            if evidence.question and evidence.source in self.survey_ids:
                sentence = self._evidence_sentence(evidence)
                if sentence:
                    blocks.append(Paragraph(sentence, style="figure-sentence"))
                for name in self._question_names(evidence.source, evidence.question):
                    if (evidence.source, name) not in cited:
                        cited.append((evidence.source, name))
        # one line per source and stance: a survey cited five times is named once, with all it says
        grouped: dict[tuple[str, Stance], list[str]] = {}
        for evidence in finding.evidence:
            if evidence.source in self.sources:
                says = grouped.setdefault((evidence.source, evidence.stance), [])
                if evidence.says and evidence.says not in says:
                    says.append(evidence.says)
        items = []
        for (source_id, stance), says in grouped.items():
            source = self.sources[source_id]
            when = _source_when(source, self.language)
            label = f"{source.title} ({_lower_first(labels.method_label(source.method.value, self.language))}"
            label += f", {when})" if when else ")"
            if says:
                label += ": " + " ".join(text if text.rstrip()[-1:] in ".!?" else text.rstrip() + "." for text in says)
            if stance is Stance.contradicts:
                label += f" [{self.t('contradicts')}]"
            items.append(label)
        if items:
            blocks.append(Paragraph(self.t("evidence") + ":", style="label"))
            blocks.append(Bullets(items))
        for evidence in finding.evidence:
            if evidence.quote:
                # quotes are attributed by role only, never by name
                source = self.sources.get(evidence.source)
                role = evidence.role or (labels.method_label(source.method.value, self.language) if source else "")
                blocks.append(Quote(evidence.quote, role))
        for source_id, name in cited:
            blocks.extend(self._survey_question_blocks(source_id, name))
        for evidence in finding.evidence:
            source = self.sources.get(evidence.source)
            if source is None or source.method is not Method.statistics:
                continue
            for table in self._stats_for_source(source):
                self._stats_blocks(section, table, source)

    def _evidence_sentence(self, evidence: Evidence) -> str | None:
        """The cited option's figure, computed by hkh.survey.tables: "Kvinne: 12 av 51 (24 %, en av fire)"."""
        if self.survey_tables is None:
            return None
        figure = self.survey_tables.evidence_figure(self.project, evidence, self.language)
        if figure is None:
            return None
        sentence = str(figure.sentence)
        if figure.label:
            return f"{figure.question_text} – {figure.label}: {sentence}"
        return f"{figure.question_text}: {sentence}"

    def _question_names(self, source_id: str, name: str) -> list[str]:
        """The survey table a citation points at (by question or variable name)."""
        if self.survey_tables is None or source_id not in self._survey:
            return []
        if source_id not in self._survey_data:
            self._survey_data[source_id] = self.survey_tables.load_survey_data(self.project, source_id)
        question = self._survey_data[source_id].question(name)
        if question is None or self._survey[source_id].question(question.name) is None:
            return []
        return [question.name]

    def _survey_question_blocks(self, source_id: str, name: str) -> list[Block]:
        tables = self._survey[source_id]
        question = tables.question(name)
        if question is None or not question.tabulated:
            return []  # open-text answers are never published; numbers and dates have no option table
        module = self.survey_tables
        min_cell = tables.min_cell
        rows = [
            TableRow(
                [
                    option.label,
                    module.shown_count_text(option, min_cell),
                    module.shown_percent_text(option, self.language),
                    "" if option.suppressed or not option.phrase else option.phrase,
                ],
                attrs={"data-code": str(option.code)},
            )
            for option in question.options
        ]
        base = module.base_text(question, min_cell)
        caption = self.t("survey_table_caption", text=question.text or name, base=base)
        blocks: list[Block] = []
        chart = None
        if self.survey_charts is not None and not question.base_suppressed and question.options:
            chart = self.survey_charts.chart_png(question, self.language, min_cell)
        if chart is not None:
            blocks.append(self.figure(chart, caption, **{"data-question": name}))
        table_options: dict[str, Any] = dict(
            style="survey", numeric_columns=(1, 2),
            attrs={"data-question": name, "data-source": source_id, "data-base": base},
            note=self.t("multiple_note") if question.type == "multiple" else None,
        )
        headers = [self.t("option"), self.t("count"), self.t("percent"), self.t("in_words")]
        # under its chart the table is the figure's numbers, not a numbered table of its own
        blocks.append(self.table(headers, rows, caption, **table_options) if chart is None
                      else Table(headers=headers, rows=rows, **table_options))
        return blocks

    def _stats_for_source(self, source: Source) -> list[Any]:
        wanted = {Path(file).name for file in source.files}
        wanted_stems = {Path(file).stem for file in source.files}
        return [
            table for table in self.stats_tables
            if table.path.name in wanted or table.name in wanted_stems
        ]

    def _stats_blocks(self, section: Section, table: Any, source: Source | None = None) -> None:
        from hkh.analysis.stats import stats_chart_png, table_rows


        if table.name in self.stats_shown:
            return
        self.stats_shown.add(table.name)
        caption = f"{source.title}: {_lower_first(table.title)}" if source is not None else table.title
        relative = table.path.relative_to(self.project.root).as_posix() if table.path.is_relative_to(self.project.root) else table.path.name
        note = self.t("stats_source", file=relative)
        section.blocks.append(self.figure(stats_chart_png(table, self.language), caption, note=note, **{"data-stats": table.name}))
        header, rows = table_rows(table, self.language)
        section.blocks.append(
            Table(headers=header, rows=[TableRow(row) for row in rows], caption=None, style="stats",
                  numeric_columns=tuple(range(1, len(header))), attrs={"data-stats": table.name})
        )

    # ----------------------------------------------------------------------------------------------- analysis

    def analysis(self, chapter: Section) -> None:
        self._triangulation_section(chapter)
        self._gaps_sections(chapter)

    def _triangulation_section(self, chapter: Section) -> None:
        findings = self.project.findings.findings
        if not findings:
            return
        section = self.section(chapter, self.t("sec_triangulation"), "triangulation")
        used = [m for m in Method if any(s.method is m for s in self.project.sources.sources)]
        headers = [self.t("finding"), *(labels.method_label(m.value, self.language) for m in used)]
        if self.triangulation:
            headers.append(self.t("strength"))
        rows = []
        for finding in findings:
            cells = [_finding_title(finding)]
            for method in used:
                stances = {e.stance for e in finding.evidence if e.source in self.sources and self.sources[e.source].method is method}
                mark = ("✓" if Stance.supports in stances else "") + ("✗" if Stance.contradicts in stances else "")
                cells.append(mark)
            if self.triangulation:
                result = self.triangulation.get(finding.id, {})
                word = self.t(str(result.get("strength") or "none"))
                if result.get("disputed"):
                    word += f" ({self.t('disputed')})"
                cells.append(word)
            rows.append(TableRow(cells, attrs={"data-finding": finding.id}))
        section.blocks.append(
            self.table(headers, rows, self.t("triangulation_caption"), style="matrix", note=self.t("triangulation_legend"))
        )

    def _effort_name(self, effort_id: str) -> str:
        effort = next((e for e in self.project.efforts.efforts if e.id == effort_id), None)
        return effort.name if effort is not None else effort_id

    def _need_label(self, item: dict[str, Any]) -> str:
        text = item.get("text") or self._need_text(str(item.get("need", ""))) or str(item.get("offer", ""))
        details = [part for part in (item.get("who"), item.get("where")) if part]
        return f"{text} ({', '.join(details)})" if details else text

    def _need_text(self, need_id: str) -> str:
        for finding in self.project.findings.findings:
            for index, need in enumerate(finding.needs):
                if finding.need_id(index) == need_id:
                    return need.text or need.offer
        return ""

    def _finding_label(self, finding_id: str | None) -> str:
        finding = next((f for f in self.project.findings.findings if f.id == finding_id), None)
        return _finding_title(finding) if finding is not None else (finding_id or "")

    def _gaps_sections(self, chapter: Section) -> None:
        if self.gaps is None:
            return
        gaps = self.gaps
        section = self.section(chapter, self.t("sec_gaps"), "gaps")
        section.blocks.append(Paragraph(self.t("gaps_intro")))
        no_effort = gaps.get("no_effort") or []
        uncovered = gaps.get("uncovered") or []
        if no_effort:
            section.blocks.append(Paragraph(self.t("no_effort_intro")))
            rows = [
                TableRow(
                    [self._need_label(item), self._finding_label(item.get("finding")),
                     self._hours_words(str(item.get("window") or "24/7"))],
                    attrs={"data-need": str(item.get("need", ""))},
                )
                for item in no_effort
            ]
            section.blocks.append(
                self.table([self.t("need"), self.t("finding"), self.t("need_window")], rows,
                           self.t("no_effort_caption"), style="gaps")
            )
        if uncovered:
            section.blocks.append(Paragraph(self.t("uncovered_intro")))
            rows = [
                TableRow(
                    [
                        self._need_label(item),
                        str(item.get("hours_text") or item.get("hours") or ""),
                        _hours_number(item.get("hours_per_week"), self.language),
                        ", ".join(self._effort_name(e) for e in item.get("efforts") or []),
                    ],
                    attrs={"data-need": str(item.get("need", ""))},
                )
                for item in uncovered
            ]
            section.blocks.append(
                self.table([self.t("need"), self.t("not_covered"), self.t("hours_per_week"), self.t("efforts_answering")],
                           rows, self.t("uncovered_caption"), style="gaps", numeric_columns=(2,))
            )
        if not no_effort and not uncovered:
            section.blocks.append(Paragraph(self.t("no_gaps")))
        heatmap = self._heatmap()
        if heatmap is not None:
            section.blocks.append(self.figure(heatmap, self.t("heatmap_caption"), **{"data-figure": "week-heatmap"}))

        overlaps = gaps.get("overlaps") or []
        section = self.section(chapter, self.t("sec_overlaps"), "overlaps")
        if overlaps:
            section.blocks.append(Paragraph(self.t("overlaps_intro")))
            rows = [
                TableRow([
                    str(item.get("offer", "")) + (f" ({item['area']})" if item.get("area") else ""),
                    str(item.get("hours_text") or item.get("hours") or ""),
                    ", ".join(self._effort_name(e) for e in item.get("efforts") or []),
                ])
                for item in overlaps
            ]
            section.blocks.append(
                self.table([self.t("offers"), self.t("when"), self.t("efforts_answering")], rows,
                           self.t("overlaps_caption"), style="gaps")
            )
        else:
            section.blocks.append(Paragraph(self.t("no_overlaps")))

        capacity = gaps.get("capacity") or []
        section = self.section(chapter, self.t("sec_capacity"), "capacity")
        if capacity:
            section.blocks.append(Paragraph(self.t("capacity_intro")))
            items = []
            for item in capacity:
                text = f"{item.get('name', '')} ({item.get('organisation', '')})"
                if item.get("capacity"):
                    text += f": {item['capacity']}"
                needs = [self._need_label(need) for need in item.get("needs") or []]
                if needs:
                    text += ". " + self.t("capacity_needs", list=join_words(needs, self.language))
                items.append(text)
            section.blocks.append(Bullets(items))
        else:
            section.blocks.append(Paragraph(self.t("no_capacity")))

        unaddressed = gaps.get("unaddressed") or []
        section = self.section(chapter, self.t("sec_unaddressed"), "unaddressed")
        if unaddressed:
            section.blocks.append(Paragraph(self.t("unaddressed_intro")))
            rows = [
                TableRow(
                    [self.t(f"kind_{item.get('kind', 'finding')}"), str(item.get("text", "")), str(item.get("reason", ""))],
                    attrs={"data-id": str(item.get("id", ""))},
                )
                for item in unaddressed
            ]
            section.blocks.append(
                self.table([self.t("kind"), self.t("description"), self.t("reason")], rows,
                           self.t("unaddressed_caption"), style="gaps")
            )
        else:
            section.blocks.append(Paragraph(self.t("no_unaddressed")))

    def _heatmap(self) -> bytes | None:
        charts = _optional("hkh.outputs.charts.heatmap", self.missing, self._missing_word("heatmap"))
        if charts is None or self.gap_result is None:
            return None
        return charts.week_heatmap_png(self.gap_result)

    # --------------------------------------------------------------------------------------------------- plan

    def plan(self, chapter: Section) -> None:
        from hkh.analysis.plan import plan_table

        table = plan_table(self.project, self.language)
        chapter.blocks.append(Paragraph(self.t("plan_intro")))
        if not table.rows:
            chapter.blocks.append(Paragraph(self.t("plan_empty"), style="draft"))
            return
        group_column = table.group_column
        merge = table.columns.index(group_column) if group_column else None
        rows = [
            TableRow([row.cells[column] for column in table.columns], attrs={"data-measure": row.measure_id},
                     group=row.group if merge is not None else None)
            for row in table.rows
        ]
        chapter.blocks.append(
            self.table(list(table.headers), rows, self.t("plan_caption"), style="plan", merge_column=merge,
                       attrs={"data-table": "plan"})
        )

    # ----------------------------------------------------------------------------------------------- follow-up

    def follow_up(self, chapter: Section) -> None:
        items = self.project.plan.follow_up
        if not items:
            chapter.blocks.append(Paragraph(self.t("follow_up_none")))
            return
        chapter.blocks.append(Paragraph(self.t("follow_up_intro")))
        findings = {f.id: f for f in self.project.findings.findings}
        for index, item in enumerate(items, start=1):
            finding = findings.get(item.finding or "")
            title = _finding_title(finding) if finding else self.t("follow_up_item", n=index)
            section = self.section(chapter, title, item.finding or f"item-{index}")
            section.blocks.append(Paragraph(item.text))

    # ------------------------------------------------------------------------------------------------ appendix

    def appendix(self, chapter: Section) -> None:
        services = [effort for effort in self.project.efforts.efforts if effort.low_threshold]
        if not services:
            chapter.blocks.append(Paragraph(self.t("appendix_none")))
            return
        chapter.blocks.append(Paragraph(self.t("appendix_intro")))
        for effort in services:
            section = self.section(chapter, f"{effort.name}, {effort.organisation}" if effort.organisation not in effort.name else effort.name, effort.id)
            items: list[tuple[str, str]] = []
            if effort.address:
                items.append((self.t("address"), effort.address))
            # one line per rule, as the service lists would print them ("Mandag–fredag 09.00–14.00")
            rules = self._hours_words(effort.opening_hours).split("; ") if effort.opening_hours else []
            hours_text = "\n".join(rule[:1].upper() + rule[1:] for rule in rules)
            if effort.hours_note:
                hours_text = f"{hours_text}\n{effort.hours_note}" if hours_text else effort.hours_note
            if hours_text:
                items.append((self.t("opening_hours"), hours_text))
            if items:
                section.blocks.append(Facts(items))
            if effort.offers:
                section.blocks.append(Bullets([offer[:1].upper() + offer[1:] for offer in effort.offers]))
            if effort.description:
                section.blocks.append(Paragraph(effort.description))


def build_report(project: Project, language: str | None = None) -> Report:
    """The report as a model of chapters; both renderers (HTML, Word) draw this one model."""
    return _Builder(project, language or project.language).build()


# ------------------------------------------------------------------------------------------------------ rendering


def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("hkh.outputs.report", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(report: Report) -> str:
    from importlib.resources import files

    from markupsafe import Markup

    stylesheet = files("hkh.outputs.report").joinpath("templates", STYLESHEET_NAME).read_text("utf-8")
    template = _environment().get_template(TEMPLATE_NAME)
    return template.render(report=report, stylesheet=Markup(stylesheet), L=report.labels())


def default_file_name(language: str, fmt: str) -> str:
    return f"{_t('report_file', language)}.{fmt}"


def write_report(
    project: Project,
    language: str | None = None,
    fmt: str = "html",
    *,
    output: Path | None = None,
    force: bool = False,
) -> Path:
    """Build the report and write it (out/rapport.html, en report.html; or .docx) through the output guard."""
    from hkh.core.guard import OutputGuard

    if fmt not in FORMATS:
        raise UsageError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
    language = language or project.language
    report = build_report(project, language)
    target = output if output is not None else project.out_dir / default_file_name(language, fmt)
    guard = OutputGuard(target.parent, force=force, display=project.path(target.parent.relative_to(project.root))
                        if target.parent.is_relative_to(project.root) else str(target.parent))
    if fmt == "html":
        guard.write_text(target, render_html(report))
    else:
        from hkh.outputs.report.docx import write_docx

        with guard.writing(target) as temp:
            write_docx(report, temp)
    return target


__all__ = [
    "Block",
    "Bullets",
    "Facts",
    "Figure",
    "Paragraph",
    "Quote",
    "Report",
    "Section",
    "Table",
    "TableRow",
    "build_report",
    "chapter_titles",
    "render_html",
    "write_report",
]
