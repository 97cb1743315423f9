"""The summary and the introduction (mandate, team and steering group)."""

from __future__ import annotations

from hkh.i18n.formats import format_period, join_words
from hkh.outputs.report.builder import ReportBuilder, finding_title, lower_first
from hkh.outputs.report.model import Bullets, Paragraph, Section
from hkh.project.models import Method, Person


def summary(b: ReportBuilder, chapter: Section) -> None:
    mapping = b.project.mapping
    blocks = chapter.blocks
    blocks.append(Paragraph(b.t("report.summary_draft"), style="draft"))
    commissioner = b.t("report.summary_commissioner", name=mapping.commissioner) if mapping.commissioner else ""
    blocks.append(Paragraph(b.t("report.summary_mapping", title=mapping.title, commissioner=commissioner)))
    sources = b.project.sources.sources
    if sources:
        by_method: dict[Method, int] = {}
        for source in sources:
            by_method[source.method] = by_method.get(source.method, 0) + 1
        listed = [
            f"{lower_first(b.t(f'methods.{method.value}'))} ({by_method[method]})" for method in Method if method in by_method
        ]
        blocks.append(
            Paragraph(
                b.t("report.summary_sources", count=len(sources), methods=len(by_method), list=join_words(listed, b.language))
            )
        )
    else:
        blocks.append(Paragraph(b.t("report.summary_no_sources")))
    findings = b.project.findings.findings
    if findings:
        triangulation = b.results.triangulation
        strengths = [triangulation.finding(f.id).strength for f in findings]
        disputed = sum(1 for f in findings if triangulation.finding(f.id).disputed)
        blocks.append(
            Paragraph(
                b.t(
                    "report.summary_findings",
                    count=len(findings),
                    robust=strengths.count("robust"),
                    triangulated=strengths.count("triangulated"),
                    single=strengths.count("single"),
                )
                + (" " + b.t("report.summary_no_evidence", count=strengths.count("none")) if "none" in strengths else "")
                + (" " + b.t("report.summary_disputed", count=disputed) if disputed else "")
            )
        )
        # a finding some source contradicts is not listed among the robust ones, however many methods support it
        robust = [
            finding_title(f)
            for f in findings
            if triangulation.finding(f.id).strength == "robust" and not triangulation.finding(f.id).disputed
        ]
        if robust:
            key = "report.summary_robust_list_undisputed" if disputed else "report.summary_robust_list"
            blocks.append(Paragraph(b.t(key)))
            blocks.append(Bullets(robust))
        if disputed:
            blocks.append(Paragraph(b.t("report.summary_disputed_list")))
            blocks.append(Bullets([finding_title(f) for f in findings if triangulation.finding(f.id).disputed]))
    measures = b.project.plan.measures()
    if measures:
        blocks.append(Paragraph(b.t("report.summary_plan", measures=len(measures), goals=len(b.project.plan.goals))))
    if b.project.plan.follow_up:
        blocks.append(Paragraph(b.t("report.summary_follow_up", count=len(b.project.plan.follow_up))))


def _person(person: Person) -> str:
    detail = ", ".join(part for part in (person.role, person.organisation) if part)
    return f"{person.name} ({detail})" if detail else person.name


def introduction(b: ReportBuilder, chapter: Section) -> None:
    mapping = b.project.mapping
    mandate = b.section(chapter, b.t("report.sec_mandate"), "mandate")
    facts = []
    if mapping.commissioner:
        facts.append(b.t("report.intro_commissioner", name=mapping.commissioner))
    if mapping.target_group:
        facts.append(b.t("report.intro_target_group", text=lower_first(mapping.target_group.rstrip("."))))
    if mapping.area:
        facts.append(b.t("report.intro_area", text=mapping.area.rstrip(".")))
    if mapping.period and (mapping.period.start or mapping.period.end):
        facts.append(b.t("report.intro_period", text=format_period(mapping.period.start, mapping.period.end, b.language)))
    if facts:
        mandate.blocks.append(Paragraph(" ".join(facts)))
    if mapping.mandate:
        mandate.blocks.append(Paragraph(b.t("report.intro_mandate")))
        mandate.blocks.append(Bullets([item.text for item in mapping.mandate]))
    else:
        mandate.blocks.append(Paragraph(b.t("report.intro_no_mandate"), style="draft"))
    mandate.blocks.append(Paragraph(b.t("report.intro_plan")))
    if mapping.team or mapping.team_description or mapping.supervisors or mapping.steering_group:
        team = b.section(chapter, b.t("report.sec_team"), "team")
        # only what hkh.yaml says: the named people are "the team" only when no description says who else was in it
        if mapping.team_description:
            team.blocks.append(Paragraph(_sentence(mapping.team_description)))
            if mapping.team:
                team.blocks.append(Paragraph(b.t("report.team_named")))
        elif mapping.team:
            team.blocks.append(Paragraph(b.t("report.team_intro")))
        if mapping.team:
            team.blocks.append(Bullets([_person(p) for p in mapping.team]))
        if mapping.supervisors:
            team.blocks.append(Paragraph(b.t("report.supervisors_intro")))
            team.blocks.append(Bullets([_person(p) for p in mapping.supervisors]))
        if mapping.steering_group:
            team.blocks.append(Paragraph(b.t("report.steering_intro")))
            team.blocks.append(Bullets([_person(p) for p in mapping.steering_group]))


def _sentence(text: str) -> str:
    """The team's own words as a sentence: a capital first letter and a full stop."""
    text = " ".join(text.split())
    text = text[:1].upper() + text[1:]
    return text if text[-1:] in ".!?" else text + "."
