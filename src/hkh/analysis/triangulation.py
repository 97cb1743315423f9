"""`hkh triangulate`: each finding held against the methods whose evidence supports or contradicts it.

The definition (docs/design.md, "Definitions"; docs/method.md, "Triangulation"): a finding's strength counts the DISTINCT METHODS whose evidence supports it,
by the thresholds in `hkh.yaml` (`settings.triangulated`, default 2; `settings.robust`, default 3). Ten interviews
of the same kind are still one method: HKH asks whether a finding is seen again from different angles, not how often
one angle repeats it. Any contradicting evidence marks the finding disputed, whatever its count, so that
disagreement stays visible instead of being outvoted. Evidence that only `mentions` the topic (it came up in a
consultation's discussion, say) is shown in the matrix but counts for nothing: a finding resting on one method must
not look confirmed by two because the topic was also raised somewhere.

Computing only: the result (`Triangulation`) is drawn by `hkh.outputs` (terminal, workbook, report).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from hkh.core.errors import HkhError, SurveyNotImportedError
from hkh.i18n import render, t
from hkh.project.load import Project
from hkh.project.models import Evidence, Finding, Method, Source, Stance
from hkh.survey.evidence import TablesOf, evidence_figure

STRENGTHS = ("none", "single", "triangulated", "robust")

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
        """The matrix cell: "✔ 2", "✖ 1", "✔ 2 ✖ 1", "○ 1" (mentions, not counted) or ""."""
        counts = self.methods.get(method)
        if not counts:
            return ""
        parts = []
        if counts["supports"]:
            parts.append(f"✔ {counts['supports']}")
        if counts["contradicts"]:
            parts.append(f"✖ {counts['contradicts']}")
        if counts.get("mentions"):
            parts.append(f"○ {counts['mentions']}")
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


def survey_figure(project: Project, evidence: Evidence, language: str, tables_of: TablesOf | None = None) -> str | None:
    """The figure a piece of survey evidence quotes, computed from the imported data (with small counts suppressed);
    "not imported" before the survey is."""
    if not evidence.question:
        return None
    try:
        figure = evidence_figure(project, evidence, language, tables_of)
    except SurveyNotImportedError:
        return t("triangulation.not_imported", language)
    except HkhError as error:
        return render(error.wording, language)
    return figure.sentence if figure is not None else t("triangulation.not_imported", language)


def _finding_strength(
    project: Project,
    finding: Finding,
    language: str,
    triangulated: int,
    robust: int,
    figures: Callable[[Evidence], str | None] | None,
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
            # `mentions` appears only where a source mentions, so projects without any keep their counts as they were
            counts = methods.setdefault(method, {"supports": 0, "contradicts": 0})
            counts[evidence.stance.value] = counts.get(evidence.stance.value, 0) + 1
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
                figure=figures(evidence) if figures is not None else None,
            )
        )
    ordered: dict[str, dict[str, int]] = {m.value: methods[m.value] for m in Method if m.value in methods}
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
        groups.append((MandateGroup(None, t("triangulation.no_mandate", language)), loose))
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
                    "unknown_source", t("triangulation.m_unknown_source", language).format(finding=item.id, source=source_id),
                    finding=item.id, source=source_id,
                )
            )
        if item.strength == "none":
            warnings.append(
                TriangulationWarning("no_evidence", t("triangulation.m_no_evidence", language).format(finding=item.id), finding=item.id)
            )
        elif item.supporting_methods == 1:
            method = next(m for m, counts in item.methods.items() if counts["supports"])
            warnings.append(
                TriangulationWarning(
                    "single_method",
                    t("triangulation.m_single_method", language).format(finding=item.id, method=t(f"methods.{method}", language)),
                    finding=item.id, method=method,
                )
            )
        if item.disputed:
            against = [row.source for row in item.evidence if row.stance == Stance.contradicts.value]
            warnings.append(
                TriangulationWarning(
                    "disputed",
                    t("triangulation.m_disputed", language).format(finding=item.id, sources=", ".join(dict.fromkeys(against))),
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
                        t("triangulation.m_measure_single_source", language).format(measure=measure_id, findings=", ".join(reached)),
                        measure=measure_id,
                    )
                )
    used_sources = {row.source for item in findings for row in item.evidence}
    for source in project.sources.sources:
        if source.id not in used_sources:
            warnings.append(
                TriangulationWarning(
                    "unused_source", t("triangulation.m_unused_source", language).format(source=source.id, title=source.title),
                    source=source.id,
                )
            )
    registered_methods = {source.method.value for source in project.sources.sources}
    for method in Method:
        if method.value not in registered_methods:
            warnings.append(
                TriangulationWarning(
                    "unused_method",
                    t("triangulation.m_unused_method", language).format(method=t(f"methods.{method.value}", language)),
                    method=method.value,
                )
            )
    return warnings


def triangulate(
    project: Project, language: str | None = None, *, survey_figures: bool = True, tables_of: TablesOf | None = None
) -> Triangulation:
    """Every finding's evidence counted by method; strengths by the thresholds in hkh.yaml; the warnings.

    `survey_figures=False` skips computing the survey figures that evidence cites (the strengths do not depend on
    them, and computing them reads the imported survey), for callers such as `hkh status` that need only counts.
    `tables_of` gives the published tables the figures come from (`Results.survey_tables`).
    """
    language = language or project.language
    settings = project.mapping.settings
    findings: list[FindingStrength] = []
    unknown: dict[str, list[str]] = {}

    def figure_of(evidence: Evidence) -> str | None:
        return survey_figure(project, evidence, language, tables_of)

    figures = figure_of if survey_figures else None
    for finding in project.findings.findings:
        result, missing = _finding_strength(project, finding, language, settings.triangulated, settings.robust, figures)
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


# ------------------------------------------------------------------------------------------------ workbook
