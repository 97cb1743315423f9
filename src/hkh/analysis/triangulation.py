"""`hkh triangulate`: each finding held against the methods whose evidence supports or contradicts it.

The definition (docs and design notes): a finding's strength counts the DISTINCT METHODS whose evidence supports it,
by the thresholds in `hkh.yaml` (`settings.triangulated`, default 2; `settings.robust`, default 3). Ten interviews
of the same kind are still one method: HKH asks whether a finding is seen again from different angles, not how often
one angle repeats it. Any contradicting evidence marks the finding disputed, whatever its count, so that
disagreement stays visible instead of being outvoted.

The library computes (`triangulate`), renders for the terminal (`render_triangulation`) and writes the workbook
(`write_triangulation`); it never prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hkh.i18n import labels
from hkh.core.errors import HkhError, SurveyNotImportedError
from hkh.project.models import Evidence, Finding, Method, Source, Stance
from hkh.project.load import Project

if TYPE_CHECKING:  # pragma: no cover - typing only
    from openpyxl.workbook.workbook import Workbook
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

STRENGTHS = ("none", "single", "triangulated", "robust")

TRIANGULATION_LABELS: labels.Table = {
    "file": {"nb": "triangulering.xlsx", "nn": "triangulering.xlsx", "en": "triangulation.xlsx"},
    "title": {"nb": "Triangulering", "nn": "Triangulering", "en": "Triangulation"},
    "matrix_sheet": {"nb": "Matrise", "nn": "Matrise", "en": "Matrix"},
    "evidence_sheet": {"nb": "Belegg", "nn": "Belegg", "en": "Evidence"},
    "warnings_sheet": {"nb": "Advarsler", "nn": "Åtvaringar", "en": "Warnings"},
    "finding": {"nb": "Funn", "nn": "Funn", "en": "Finding"},
    "statement": {"nb": "Funn (beskrivelse)", "nn": "Funn (skildring)", "en": "Finding (statement)"},
    "mandate": {"nb": "Mandatpunkt", "nn": "Mandatpunkt", "en": "Mandate item"},
    "no_mandate": {"nb": "Uten mandatpunkt", "nn": "Utan mandatpunkt", "en": "No mandate item"},
    "method_count": {"nb": "Metoder som støtter", "nn": "Metodar som støttar", "en": "Supporting methods"},
    "strength": {"nb": "Styrke", "nn": "Styrke", "en": "Strength"},
    "disputed_column": {"nb": "Omstridt", "nn": "Omstridd", "en": "Disputed"},
    "source": {"nb": "Kilde", "nn": "Kjelde", "en": "Source"},
    "source_title": {"nb": "Kildens tittel", "nn": "Tittel på kjelda", "en": "Source title"},
    "method": {"nb": "Metode", "nn": "Metode", "en": "Method"},
    "date": {"nb": "Dato", "nn": "Dato", "en": "Date"},
    "stance": {"nb": "Støtter / sier imot", "nn": "Støttar / seier imot", "en": "Supports / contradicts"},
    "supports": {"nb": "støtter", "nn": "støttar", "en": "supports"},
    "contradicts": {"nb": "sier imot", "nn": "seier imot", "en": "contradicts"},
    "says": {"nb": "Hva kilden sier", "nn": "Kva kjelda seier", "en": "What the source says"},
    "quote": {"nb": "Sitat (rolle)", "nn": "Sitat (rolle)", "en": "Quote (role)"},
    "question": {"nb": "Spørsmål", "nn": "Spørsmål", "en": "Question"},
    "figure": {"nb": "Tall fra undersøkelsen", "nn": "Tal frå undersøkinga", "en": "Figure from the survey"},
    "not_imported": {"nb": "ikke importert", "nn": "ikkje importert", "en": "not imported"},
    "unknown_source": {"nb": "(ukjent kilde)", "nn": "(ukjend kjelde)", "en": "(unknown source)"},
    "no_evidence_row": {"nb": "(intet belegg)", "nn": "(inkje belegg)", "en": "(no evidence)"},
    "warning": {"nb": "Advarsel", "nn": "Åtvaring", "en": "Warning"},
    "kind": {"nb": "Type", "nn": "Type", "en": "Kind"},
    "concerns": {"nb": "Gjelder", "nn": "Gjeld", "en": "Concerns"},
    "no_warnings": {"nb": "Ingen advarsler.", "nn": "Ingen åtvaringar.", "en": "No warnings."},
    "legend": {
        "nb": "✔ n = n belegg som støtter, ✖ n = n belegg som sier imot. Styrken teller ulike metoder som støtter funnet "
        "(triangulert fra {triangulated}, robust fra {robust}).",
        "nn": "✔ n = n belegg som støttar, ✖ n = n belegg som seier imot. Styrken tel ulike metodar som støttar funnet "
        "(triangulert frå {triangulated}, robust frå {robust}).",
        "en": "✔ n = n pieces of supporting evidence, ✖ n = n contradicting. Strength counts the distinct methods that "
        "support the finding (triangulated from {triangulated}, robust from {robust}).",
    },
    # method names short enough for a terminal column; the workbook has room for the full names
    "short_survey": {"nb": "Spørreund.", "nn": "Spørjeund.", "en": "Survey"},
    "short_target_interview": {"nb": "Int. målgr.", "nn": "Int. målgr.", "en": "Target int."},
    "short_service_interview": {"nb": "Int. tjen.", "nn": "Int. ten.", "en": "Service int."},
    "short_field_reports": {"nb": "Feltrapp.", "nn": "Feltrapp.", "en": "Field rep."},
    "short_observation": {"nb": "Observ.", "nn": "Observ.", "en": "Observ."},
    "short_statistics": {"nb": "Statistikk", "nn": "Statistikk", "en": "Statistics"},
    "short_documents": {"nb": "Dok.", "nn": "Dok.", "en": "Documents"},
    "short_initial_consultation": {"nb": "Innl. kons.", "nn": "Innl. kons.", "en": "Initial cons."},
    "short_final_consultation": {"nb": "Avsl. kons.", "nn": "Avsl. kons.", "en": "Final cons."},
    "method_count_short": {"nb": "Metoder", "nn": "Metodar", "en": "Methods"},
    # warning kinds (short, for the Kind column) and their messages
    "w_single_method": {"nb": "én metode", "nn": "éin metode", "en": "one method"},
    "w_no_evidence": {"nb": "uten belegg", "nn": "utan belegg", "en": "no evidence"},
    "w_disputed": {"nb": "omstridt", "nn": "omstridd", "en": "disputed"},
    "w_measure_single_source": {"nb": "tiltak på svakt grunnlag", "nn": "tiltak på svakt grunnlag", "en": "weakly based measure"},
    "w_unused_source": {"nb": "ubrukt kilde", "nn": "ubrukt kjelde", "en": "unused source"},
    "w_unused_method": {"nb": "ubrukt metode", "nn": "ubrukt metode", "en": "unused method"},
    "w_unknown_source": {"nb": "ukjent kilde", "nn": "ukjend kjelde", "en": "unknown source"},
    "m_single_method": {
        "nb": "Funnet {finding} bygger på én metode ({method}); finn belegg med en annen metode før det brukes som grunnlag.",
        "nn": "Funnet {finding} byggjer på éin metode ({method}); finn belegg med ein annan metode før det blir brukt som grunnlag.",
        "en": "Finding {finding} rests on one method ({method}); find evidence by another method before building on it.",
    },
    "m_no_evidence": {
        "nb": "Funnet {finding} har ikke noe belegg som støtter det.",
        "nn": "Funnet {finding} har ikkje noko belegg som støttar det.",
        "en": "Finding {finding} has no supporting evidence.",
    },
    "m_disputed": {
        "nb": "Funnet {finding} er omstridt: {sources} sier imot.",
        "nn": "Funnet {finding} er omstridd: {sources} seier imot.",
        "en": "Finding {finding} is disputed: {sources} contradicts it.",
    },
    "m_measure_single_source": {
        "nb": "Tiltak {measure} bygger bare på funn med én kilde eller uten belegg ({findings}).",
        "nn": "Tiltak {measure} byggjer berre på funn med éi kjelde eller utan belegg ({findings}).",
        "en": "Measure {measure} rests only on single-source or unsupported findings ({findings}).",
    },
    "m_unused_source": {
        "nb": "Kilden {source} ({title}) brukes ikke av noe funn.",
        "nn": "Kjelda {source} ({title}) blir ikkje brukt av noko funn.",
        "en": "Source {source} ({title}) is used by no finding.",
    },
    "m_unused_method": {
        "nb": "Metoden «{method}» er ikke brukt i kartleggingen.",
        "nn": "Metoden «{method}» er ikkje brukt i kartlegginga.",
        "en": "The method “{method}” has not been used in this mapping.",
    },
    "m_unknown_source": {
        "nb": "Funnet {finding} viser til kilden {source}, som ikke står i sources.yaml; belegget telles ikke.",
        "nn": "Funnet {finding} viser til kjelda {source}, som ikkje står i sources.yaml; belegget blir ikkje talt.",
        "en": "Finding {finding} cites source {source}, which is not in sources.yaml; the evidence is not counted.",
    },
}

# Fill colours (Excel ARGB without alpha) and rich styles per strength; disputed overrides the colour.
STRENGTH_FILL = {"robust": "C6EFCE", "triangulated": "FFEB9C", "single": "F8CBAD", "none": "FFC7CE"}
DISPUTED_FILL = "FF7C80"
GROUP_FILL = "EDEDED"
STRENGTH_STYLE = {"robust": "bold green", "triangulated": "yellow", "single": "dark_orange", "none": "red"}


def t(key: str, language: str) -> str:
    return labels.text(key, language, TRIANGULATION_LABELS, labels.STRENGTH, labels.METHODS)


@dataclass(frozen=True)
class EvidenceRow:
    """One piece of evidence as the workbook lists it."""

    finding: str
    source: str
    source_title: str | None
    method: str | None
    date: str | None
    stance: str
    says: str | None
    quote: str | None
    role: str | None
    question: str | None
    option: str | None
    figure: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "method": self.method,
            "date": self.date,
            "stance": self.stance,
            "says": self.says,
            "question": self.question,
            "option": self.option,
            "figure": self.figure,
        }


@dataclass
class FindingStrength:
    id: str
    mandate: str | None
    title: str | None
    statement: str
    methods: dict[str, dict[str, int]]
    strength: str
    disputed: bool
    evidence: list[EvidenceRow] = field(default_factory=list)

    @property
    def supporting_methods(self) -> int:
        return sum(1 for counts in self.methods.values() if counts["supports"] > 0)

    def cell(self, method: str) -> str:
        """The matrix cell: "✔ 2", "✖ 1", "✔ 2 ✖ 1" or ""."""
        counts = self.methods.get(method)
        if not counts:
            return ""
        parts = []
        if counts["supports"]:
            parts.append(f"✔ {counts['supports']}")
        if counts["contradicts"]:
            parts.append(f"✖ {counts['contradicts']}")
        return " ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "mandate": self.mandate,
            "title": self.title,
            "statement": self.statement,
            "strength": self.strength,
            "disputed": self.disputed,
            "supporting_methods": self.supporting_methods,
            "methods": {method: dict(counts) for method, counts in self.methods.items()},
            "evidence": [row.to_json() for row in self.evidence],
        }


@dataclass(frozen=True)
class TriangulationWarning:
    code: str
    message: str
    finding: str | None = None
    source: str | None = None
    measure: str | None = None
    method: str | None = None

    @property
    def concerns(self) -> str:
        return self.finding or self.measure or self.source or self.method or ""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code, "message": self.message}
        for key in ("finding", "source", "measure", "method"):
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        return data


@dataclass
class MandateGroup:
    id: str | None
    text: str


@dataclass
class Triangulation:
    findings: list[FindingStrength]
    warnings: list[TriangulationWarning]
    mandate_groups: list[tuple[MandateGroup, list[FindingStrength]]]
    methods_used: list[str]
    triangulated: int
    robust: int
    language: str

    def finding(self, finding_id: str) -> FindingStrength:
        return next(item for item in self.findings if item.id == finding_id)

    def counts(self) -> dict[str, int]:
        counts = {strength: 0 for strength in STRENGTHS}
        for item in self.findings:
            counts[item.strength] += 1
        counts["disputed"] = sum(1 for item in self.findings if item.disputed)
        return counts

    def to_json(self) -> dict[str, Any]:
        return {
            "findings": [item.to_json() for item in self.findings],
            "warnings": [warning.to_json() for warning in self.warnings],
            "summary": self.counts(),
            "thresholds": {"triangulated": self.triangulated, "robust": self.robust},
            "methods_used": list(self.methods_used),
        }


def strength_of(supporting_methods: int, triangulated: int, robust: int) -> str:
    """"none", "single", "triangulated" or "robust" for a number of distinct supporting methods."""
    if supporting_methods <= 0:
        return "none"
    if supporting_methods >= robust:
        return "robust"
    if supporting_methods >= triangulated:
        return "triangulated"
    return "single"


def _source_date(source: Source | None) -> str | None:
    if source is None:
        return None
    if source.date:
        return source.date
    if source.period and (source.period.start or source.period.end):
        return f"{source.period.start or ''}–{source.period.end or ''}"
    return None


def survey_figure(project: Project, evidence: Evidence, language: str) -> str | None:
    """The figure a piece of survey evidence quotes, computed from the imported data; "not imported" without it.

    `hkh.survey.tables` computes it (with small-count suppression); triangulation must work before any survey is
    imported, and before that module exists at all, so every way it can be missing reads as "not imported".
    """
    if not evidence.question:
        return None
    try:
        from hkh.survey import tables as survey_tables  # type: ignore[attr-defined]
    except ImportError:
        return t("not_imported", language)
    compute = getattr(survey_tables, "evidence_figure", None)
    if compute is None:
        return t("not_imported", language)
    try:
        figure = compute(project, evidence, language)
    except SurveyNotImportedError:
        return t("not_imported", language)
    except HkhError as error:
        return error.message
    if figure is None:
        return t("not_imported", language)
    sentence = getattr(figure, "sentence", None)
    return str(sentence if sentence is not None else figure)


def _finding_strength(
    project: Project, finding: Finding, language: str, triangulated: int, robust: int, survey_figures: bool
) -> tuple[FindingStrength, list[str]]:
    """The finding's counts per method, and the ids of evidence sources that are not registered."""
    methods: dict[str, dict[str, int]] = {}
    rows: list[EvidenceRow] = []
    unknown: list[str] = []
    for evidence in finding.evidence:
        source = project.source(evidence.source)
        method = source.method.value if source is not None else None
        if method is None:
            unknown.append(evidence.source)
        else:
            counts = methods.setdefault(method, {"supports": 0, "contradicts": 0})
            counts[evidence.stance.value] += 1
        rows.append(
            EvidenceRow(
                finding=finding.id,
                source=evidence.source,
                source_title=source.title if source is not None else None,
                method=method,
                date=_source_date(source),
                stance=evidence.stance.value,
                says=evidence.says,
                quote=evidence.quote,
                role=evidence.role,
                question=evidence.question,
                option=None if evidence.option is None else str(evidence.option),
                figure=survey_figure(project, evidence, language) if survey_figures else None,
            )
        )
    ordered = {m.value: methods[m.value] for m in Method if m.value in methods}
    supporting = sum(1 for counts in ordered.values() if counts["supports"] > 0)
    disputed = any(evidence.stance is Stance.contradicts for evidence in finding.evidence)
    result = FindingStrength(
        id=finding.id,
        mandate=finding.mandate,
        title=finding.title,
        statement=finding.statement,
        methods=ordered,
        strength=strength_of(supporting, triangulated, robust),
        disputed=disputed,
        evidence=rows,
    )
    return result, unknown


def _mandate_groups(project: Project, findings: list[FindingStrength], language: str) -> list[tuple[MandateGroup, list[FindingStrength]]]:
    groups: list[tuple[MandateGroup, list[FindingStrength]]] = []
    for item in project.mapping.mandate:
        members = [f for f in findings if f.mandate == item.id]
        if members:
            groups.append((MandateGroup(item.id, item.text), members))
    known = {item.id for item in project.mapping.mandate}
    # a mandate id that hkh.yaml does not list is `hkh check`'s business; here the findings are still shown
    for mandate_id in dict.fromkeys(f.mandate for f in findings if f.mandate and f.mandate not in known):
        groups.append((MandateGroup(mandate_id, mandate_id), [f for f in findings if f.mandate == mandate_id]))
    loose = [f for f in findings if not f.mandate]
    if loose:
        groups.append((MandateGroup(None, t("no_mandate", language)), loose))
    return groups


def addressed_findings(project: Project, addresses: list[str]) -> list[str]:
    """The finding ids a measure's `addresses` reaches, directly or through one of the finding's needs."""
    by_need = {
        finding.need_id(index): finding.id for finding in project.findings.findings for index in range(len(finding.needs))
    }
    finding_ids = {finding.id for finding in project.findings.findings}
    reached: list[str] = []
    for name in addresses:
        finding_id = name if name in finding_ids else by_need.get(name)
        if finding_id and finding_id not in reached:
            reached.append(finding_id)
    return reached


def _warnings(
    project: Project, findings: list[FindingStrength], unknown: dict[str, list[str]], language: str
) -> list[TriangulationWarning]:
    warnings: list[TriangulationWarning] = []
    for item in findings:
        for source_id in unknown.get(item.id, []):
            warnings.append(
                TriangulationWarning(
                    "unknown_source", t("m_unknown_source", language).format(finding=item.id, source=source_id),
                    finding=item.id, source=source_id,
                )
            )
        if item.strength == "none":
            warnings.append(
                TriangulationWarning("no_evidence", t("m_no_evidence", language).format(finding=item.id), finding=item.id)
            )
        elif item.supporting_methods == 1:
            method = next(m for m, counts in item.methods.items() if counts["supports"])
            warnings.append(
                TriangulationWarning(
                    "single_method",
                    t("m_single_method", language).format(finding=item.id, method=labels.method_label(method, language)),
                    finding=item.id, method=method,
                )
            )
        if item.disputed:
            against = [row.source for row in item.evidence if row.stance == Stance.contradicts.value]
            warnings.append(
                TriangulationWarning(
                    "disputed",
                    t("m_disputed", language).format(finding=item.id, sources=", ".join(dict.fromkeys(against))),
                    finding=item.id,
                )
            )
    by_id = {item.id: item for item in findings}
    for goal_index, goal in enumerate(project.plan.goals):
        for measure_index, measure in enumerate(goal.measures):
            reached = addressed_findings(project, measure.addresses)
            if reached and all(by_id[f].strength in ("none", "single") for f in reached):
                measure_id = project.plan.measure_id(goal_index, measure_index)
                warnings.append(
                    TriangulationWarning(
                        "measure_single_source",
                        t("m_measure_single_source", language).format(measure=measure_id, findings=", ".join(reached)),
                        measure=measure_id,
                    )
                )
    used_sources = {row.source for item in findings for row in item.evidence}
    for source in project.sources.sources:
        if source.id not in used_sources:
            warnings.append(
                TriangulationWarning(
                    "unused_source", t("m_unused_source", language).format(source=source.id, title=source.title),
                    source=source.id,
                )
            )
    registered_methods = {source.method.value for source in project.sources.sources}
    for method in Method:
        if method.value not in registered_methods:
            warnings.append(
                TriangulationWarning(
                    "unused_method",
                    t("m_unused_method", language).format(method=labels.method_label(method.value, language)),
                    method=method.value,
                )
            )
    return warnings


def triangulate(project: Project, language: str | None = None, *, survey_figures: bool = True) -> "Triangulation":
    """Every finding's evidence counted by method; strengths by the thresholds in hkh.yaml; the warnings.

    `survey_figures=False` skips computing the survey figures that evidence cites (the strengths do not depend on
    them, and computing them reads the imported survey), for callers such as `hkh status` that need only counts.
    """
    language = language or project.language
    settings = project.mapping.settings
    findings: list[FindingStrength] = []
    unknown: dict[str, list[str]] = {}
    for finding in project.findings.findings:
        result, missing = _finding_strength(
            project, finding, language, settings.triangulated, settings.robust, survey_figures
        )
        findings.append(result)
        if missing:
            unknown[finding.id] = missing
    used = {method for item in findings for method in item.methods} | {s.method.value for s in project.sources.sources}
    return Triangulation(
        findings=findings,
        warnings=_warnings(project, findings, unknown, language),
        mandate_groups=_mandate_groups(project, findings, language),
        methods_used=[m.value for m in Method if m.value in used],
        triangulated=settings.triangulated,
        robust=settings.robust,
        language=language,
    )


# ------------------------------------------------------------------------------------------------ terminal


def strength_text(item: FindingStrength, language: str) -> str:
    return t(item.strength, language)


class ByWidth:
    """The full table when the terminal is wide enough for it, a compact one with the same figures otherwise.

    A findings × methods table needs about 13 columns per method; on an 80-column terminal the strength column
    would be cut off, and the strength is the point. The gap tables use it too.
    """

    def __init__(self, wide: "RenderableType", narrow: "RenderableType", needed: int) -> None:
        self.wide = wide
        self.narrow = narrow
        self.needed = needed

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "RenderResult":
        yield self.wide if options.max_width >= self.needed else self.narrow


def _strength_cell(item: FindingStrength, language: str) -> "RenderableType":
    from rich.text import Text

    strength = Text(strength_text(item, language), style=STRENGTH_STYLE[item.strength])
    if item.disputed:
        strength.append(f" ⚠ {t('disputed', language)}", style="bold red")
    return strength


def render_triangulation(result: Triangulation, language: str | None = None) -> "RenderableType":
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    language = language or result.language
    methods = result.methods_used

    wide = Table(title=t("title", language), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    wide.add_column(t("finding", language), min_width=30, max_width=60, overflow="fold")
    for method in methods:
        wide.add_column(t(f"short_{method}", language), justify="center", min_width=5, overflow="fold")
    wide.add_column(t("method_count_short", language), justify="right")
    wide.add_column(t("strength", language), no_wrap=True)

    narrow = Table(title=t("title", language), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    narrow.add_column(t("finding", language), ratio=3, overflow="fold")
    narrow.add_column(t("evidence_sheet", language), ratio=3, overflow="fold")
    narrow.add_column(t("method_count_short", language), justify="right")
    narrow.add_column(t("strength", language), ratio=2, overflow="fold")

    for group, members in result.mandate_groups:
        heading = Text(f"{group.id}: {group.text}" if group.id and group.id != group.text else group.text, style="bold")
        wide.add_row(heading, *[""] * (len(methods) + 2))
        narrow.add_row(heading, "", "", "")
        for item in members:
            name = f"  {item.id}" + (f" {item.title}" if item.title else "")
            count = str(item.supporting_methods)
            wide.add_row(name, *[item.cell(m) for m in methods], count, _strength_cell(item, language))
            cells = ", ".join(f"{t(f'short_{m}', language)} {item.cell(m)}" for m in methods if item.cell(m))
            narrow.add_row(name, cells, count, _strength_cell(item, language))

    needed = 34 + 13 * len(methods) + 10 + 26
    legend = Text(t("legend", language).format(triangulated=result.triangulated, robust=result.robust), style="dim")
    parts: list[Any] = [ByWidth(wide, narrow, needed), legend]
    if result.warnings:
        warnings = Table(title=t("warnings_sheet", language), title_justify="left", show_header=False, box=None)
        warnings.add_column("", style="yellow", no_wrap=True)
        warnings.add_column("")
        for warning in result.warnings:
            warnings.add_row("⚠", warning.message)
        parts.append(warnings)
    else:
        parts.append(Text(t("no_warnings", language)))
    return Group(*parts)


# ------------------------------------------------------------------------------------------------ workbook


def output_path(project: Project, language: str, output: Path | None = None) -> Path:
    return output if output is not None else project.out_dir / t("file", language)


def group_row(sheet: Any, row: int, heading: str, width: int) -> None:
    """A bold shaded row across the table that opens a group (a mandate item, a finding)."""
    from openpyxl.styles import Alignment, Font, PatternFill

    sheet.cell(row=row, column=1, value=heading)
    for column in range(1, width + 1):
        cell = sheet.cell(row=row, column=column)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", start_color=GROUP_FILL, end_color=GROUP_FILL)
    sheet.cell(row=row, column=1).alignment = Alignment(wrap_text=False, vertical="top")


def _matrix_sheet(sheet: Any, result: Triangulation, language: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    from hkh.outputs import excel

    methods = [m.value for m in Method]
    headers = [t("finding", language), t("statement", language)]
    headers += [labels.method_label(m, language) for m in methods]
    headers += [t("method_count", language), t("strength", language), t("disputed_column", language)]
    for column, name in enumerate(headers, start=1):
        sheet.cell(row=1, column=column, value=name)
    excel.style_header(sheet, 1, last_column=len(headers))
    width = len(headers)
    row = 2
    for group, members in result.mandate_groups:
        heading = f"{group.id}: {group.text}" if group.id and group.id != group.text else group.text
        group_row(sheet, row, heading, width)
        row += 1
        for item in members:
            statement = f"{item.title}: {item.statement}" if item.title else item.statement
            values: list[Any] = [item.id, statement, *[item.cell(m) for m in methods]]
            values += [item.supporting_methods, strength_text(item, language), t("disputed", language) if item.disputed else ""]
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(row=row, column=column, value=value)
                centred = 2 < column <= 2 + len(methods)
                cell.alignment = Alignment(vertical="top", wrap_text=column == 2, horizontal="center" if centred else None)
                if isinstance(value, str) and "✖" in value:
                    cell.font = Font(color="C00000")
            strength_cell = sheet.cell(row=row, column=width - 1)
            strength_cell.fill = PatternFill("solid", start_color=STRENGTH_FILL[item.strength], end_color=STRENGTH_FILL[item.strength])
            if item.disputed:
                disputed_cell = sheet.cell(row=row, column=width)
                disputed_cell.fill = PatternFill("solid", start_color=DISPUTED_FILL, end_color=DISPUTED_FILL)
                disputed_cell.font = Font(bold=True)
            row += 1
    legend = t("legend", language).format(triangulated=result.triangulated, robust=result.robust)
    sheet.cell(row=row + 1, column=1, value=legend).font = Font(italic=True, color="595959")
    widths = {1: 14, 2: 60, **{3 + i: 13 for i in range(len(methods))}, width - 2: 12, width - 1: 16, width: 12}
    excel.fit_column_widths(sheet, fixed=widths)
    excel.freeze_below(sheet, 1, columns=2)
    excel.setup_print(sheet, landscape=True, title=t("title", language))


def _evidence_sheet(sheet: Any, result: Triangulation, language: str) -> None:
    from openpyxl.styles import Alignment, Font

    from hkh.outputs import excel

    headers = [
        t("finding", language), t("source", language), t("source_title", language), t("method", language),
        t("date", language), t("stance", language), t("says", language), t("quote", language),
        t("question", language), t("figure", language),
    ]
    for column, name in enumerate(headers, start=1):
        sheet.cell(row=1, column=column, value=name)
    excel.style_header(sheet, 1, last_column=len(headers))
    row = 2
    for item in result.findings:
        group_row(sheet, row, f"{item.id}: {item.title or item.statement}", len(headers))
        row += 1
        if not item.evidence:
            sheet.cell(row=row, column=1, value=item.id)
            sheet.cell(row=row, column=7, value=t("no_evidence_row", language)).font = Font(italic=True)
            row += 1
        for evidence in item.evidence:
            quote = ""
            if evidence.quote:
                quote = f"«{evidence.quote}»" + (f" ({evidence.role})" if evidence.role else "")
            question = evidence.question or ""
            if evidence.question and evidence.option is not None:
                question = f"{evidence.question} = {evidence.option}"
            values = [
                item.id,
                evidence.source,
                evidence.source_title or t("unknown_source", language),
                labels.method_label(evidence.method, language) if evidence.method else t("unknown_source", language),
                evidence.date or "",
                t(evidence.stance, language),
                evidence.says or "",
                quote,
                question,
                evidence.figure or "",
            ]
            for column, value in enumerate(values, start=1):
                cell = sheet.cell(row=row, column=column, value=value)
                cell.alignment = Alignment(vertical="top", wrap_text=column in (3, 7, 8))
            if evidence.stance == Stance.contradicts.value:
                sheet.cell(row=row, column=6).font = Font(bold=True, color="C00000")
            row += 1
    excel.fit_column_widths(sheet, fixed={1: 14, 2: 16, 3: 30, 4: 22, 5: 12, 6: 14, 7: 50, 8: 40, 9: 18, 10: 22})
    excel.freeze_below(sheet, 1, columns=1)
    excel.setup_print(sheet, landscape=True, title=t("evidence_sheet", language))


def _warnings_sheet(sheet: Any, result: Triangulation, language: str) -> None:
    from hkh.outputs import excel

    rows = [[t(f"w_{w.code}", language), w.concerns, w.message] for w in result.warnings]
    if not rows:
        rows = [["", "", t("no_warnings", language)]]
    excel.write_rows(sheet, [t("kind", language), t("concerns", language), t("warning", language)], rows)
    excel.finish_table(sheet, header_row=1, wrap=(3,), fixed_widths={1: 24, 2: 18, 3: 100}, title=t("warnings_sheet", language))


def build_workbook(result: Triangulation, language: str | None = None) -> "Workbook":
    from hkh.outputs import excel

    language = language or result.language
    workbook = excel.new_workbook()
    _matrix_sheet(workbook.create_sheet(t("matrix_sheet", language)), result, language)
    _evidence_sheet(workbook.create_sheet(t("evidence_sheet", language)), result, language)
    _warnings_sheet(workbook.create_sheet(t("warnings_sheet", language)), result, language)
    return workbook


def write_triangulation(
    project: Project, result: Triangulation, language: str | None = None, output: Path | None = None, force: bool = False
) -> list[Path]:
    """Write the triangulation workbook (out/triangulering.xlsx, or `output`); returns the paths written.

    The caller holds `project_lock`: the lock is not re-entrant, and `hkh run` writes several outputs under one lock.
    """
    from hkh.core.guard import OutputGuard

    language = language or result.language
    target = output_path(project, language, output)
    guard = OutputGuard(project.out_dir, force=force, display=project.path("out"))
    workbook = build_workbook(result, language)
    with guard.writing(target) as temp:
        workbook.save(temp)
    return [target]

