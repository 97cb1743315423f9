"""Process, method and sources: the HKH steps as they went, each kind of source, and how the analysis counts."""

from __future__ import annotations

from hkh.i18n.formats import format_period
from hkh.outputs.report.builder import ReportBuilder, finding_title, lower_first, source_when
from hkh.outputs.report.model import Bullets, Paragraph, Section, TableRow
from hkh.project.models import Method, Source, StepId, StepState

CONSULTATIONS = (Method.initial_consultation, Method.final_consultation)


def method(b: ReportBuilder, chapter: Section) -> None:
    settings = b.project.mapping.settings
    chapter.blocks.append(Paragraph(b.t("report.method_intro")))

    process = b.section(chapter, b.t("report.sec_process"), "process")
    steps = {step.id: step for step in b.project.mapping.steps}
    with_notes = any(step.note for step in b.project.mapping.steps)
    rows = []
    for index, step_id in enumerate(StepId, start=1):
        step = steps.get(step_id)
        state = step.state if step else StepState.not_started
        when = format_period(step.start, step.end, b.language) if step else ""
        cells = [f"{index}. {b.t(f'steps.{step_id.value}')}", b.t(f"steps.state_{state.value}"), when]
        if with_notes:
            cells.append((step.note or "") if step else "")
        rows.append(TableRow(cells, attrs={"data-step": step_id.value}))
    headers = [b.t("report.step"), b.t("report.state"), b.t("report.when")]
    if with_notes:
        headers.append(b.t("report.reason"))
    process.blocks.append(b.table(headers, rows, b.t("report.process_caption"), style="steps"))

    sources = b.project.sources.sources
    if sources:
        methods = b.section(chapter, b.t("report.sec_sources"), "sources")
        for kind in Method:
            of_kind = [s for s in sources if s.method is kind]
            if of_kind:
                _method_section(b, methods, kind, of_kind)
        listing = b.section(chapter, b.t("report.sec_source_list"), "source-list")
        rows = [
            TableRow(
                [
                    source.title,
                    b.t(f"methods.{source.method.value}"),
                    source_when(source, b.language),
                    "" if source.n is None else str(source.n),
                ],
                attrs={"data-source": source.id},
            )
            for source in sources
        ]
        headers = [b.t("report.source"), b.t("report.method"), b.t("report.when"), b.t("report.count_n")]
        listing.blocks.append(
            b.table(headers, rows, b.t("report.source_caption"), style="sources", numeric_columns=(3,))
        )
    analysis = b.section(chapter, b.t("report.sec_analysis_method"), "analysis-method")
    analysis.blocks.append(
        Paragraph(b.t("report.analysis_method", triangulated=settings.triangulated, robust=settings.robust))
    )
    analysis.blocks.append(Paragraph(b.t("report.privacy", min_cell=b.min_cell)))


def _survey_counts(b: ReportBuilder, source: Source) -> tuple[int | None, int | None, int | None]:
    """Participants, complete and partial: from the import (the data) when there is one, else from sources.yaml."""
    if source.id in b.results.survey_ids:
        counted = b.results.codebook(source.id).respondents
        return counted.answered, counted.complete, counted.partial
    return source.n, source.n_complete, source.n_partial


def _method_section(b: ReportBuilder, parent: Section, kind: Method, sources: list[Source]) -> None:
    language = b.language
    section = b.section(parent, b.t(f"methods.{kind.value}"), kind.value)
    sentences: list[str] = []
    if kind is Method.survey:
        for source in sources:
            when = source_when(source, language)
            when_text = f" ({when})" if when else ""
            n, complete, partial = _survey_counts(b, source)
            if n is not None and complete is not None and complete == n and not partial:
                sentences.append(b.t("report.survey_participation_all", n=n, when=when_text))
            elif n is not None and complete is not None:
                partial = partial if partial is not None else n - complete
                sentences.append(
                    b.t(
                        "report.survey_participation",
                        n=n, title=source.title, when=when_text, complete=complete, partial=partial,
                    )
                )
            elif n is not None:
                sentences.append(b.t("report.survey_participation_n", n=n, title=source.title, when=when_text))
            else:
                sentences.append(b.t("report.survey_unknown_n", title=source.title, when=when_text))
    elif kind in (Method.target_interview, Method.service_interview):
        key = "interviews_target" if kind is Method.target_interview else "interviews_service"
        # a number only when every source gives its `n`: a group interview is not "one interview" of unknown size
        if all(source.n is not None for source in sources):
            sentences.append(b.t(f"report.{key}", n=sum(source.n or 0 for source in sources)))
        else:
            sentences.append(b.t(f"report.{key}_uncounted"))
    elif kind in CONSULTATIONS:
        for source in sources:
            when = source_when(source, language) or "–"
            participants = b.t("report.consultation_n", n=source.n) if source.n is not None else ""
            sentences.append(
                b.t("report.consultation_held", what=b.t(f"methods.{kind.value}"), when=when, participants=participants)
            )
            if source.participants:
                sentences.append(b.t("report.participants", text=source.participants.rstrip(".")) + ".")
    if sentences:
        section.blocks.append(Paragraph(" ".join(sentences)))
    if kind in CONSULTATIONS:
        for source in sources:
            _consultation_record(b, section, source)
    if kind not in CONSULTATIONS or any(s.note for s in sources):
        items = []
        for source in sources:
            people = b.t("report.n_people", n=source.n) if source.n is not None else ""
            details = [part for part in (source_when(source, language), people) if part]
            text = source.title + (f" ({', '.join(details)})" if details else "")
            if source.note:
                text += f": {source.note}"
            items.append(text)
        section.blocks.append(Bullets(items))


def _sentence_list(items: list[str], language: str) -> str:
    from hkh.i18n.formats import join_words

    return join_words([item.rstrip(".") for item in items], language)


def _consultation_record(b: ReportBuilder, section: Section, source: Source) -> None:
    """What a consultation's record says: who came by organisation, the groups and themes, what was presented and
    how it was received, and what new came up (`consultation:` in sources.yaml)."""
    record = source.consultation
    if record is None:
        return
    language = b.language
    sentences: list[str] = []
    if record.participants:
        named = []
        for person in record.participants:
            details = ", ".join(str(part) for part in (person.role, person.count) if part)
            named.append(f"{person.organisation} ({details})" if details else person.organisation)
        sentences.append(b.t("consultation.participants_by_organisation", list=_sentence_list(named, language)))
    themes = [theme for group in record.groups for theme in group.themes]
    if themes:
        sentences.append(b.t("consultation.groups", themes=_sentence_list(themes, language)))
    if record.themes:
        sentences.append(b.t("consultation.themes", themes=_sentence_list(record.themes, language)))
    if record.findings:
        findings_by_id = {finding.id: finding for finding in b.project.findings.findings}
        titles = [
            finding_title(found) if (found := findings_by_id.get(finding)) is not None else finding
            for finding in record.findings
        ]
        sentences.append(b.t("consultation.findings_presented", findings=_sentence_list(titles, language)))
    if record.new_proposals:
        items = []
        for proposal in record.new_proposals:
            text = proposal.text.rstrip(".")
            if proposal.raised_by:
                text = b.t("consultation.new_proposal_from", text=text, who=proposal.raised_by)
            if proposal.measure:
                text = b.t("consultation.new_proposal_measure", text=text, measure=proposal.measure)
            items.append(text)
        sentences.append(b.t("consultation.new_proposals", list="; ".join(items)))
    if source.method is Method.final_consultation and not record.proposals:
        sentences.append(b.t("consultation.no_proposals_recorded"))
    if record.note:
        sentences.append(record.note.rstrip(".") + ".")
    points = [point.rstrip(".") for group in record.groups for point in group.points] + [
        point.rstrip(".") for point in record.points
    ]
    if points:
        sentences.append(b.t("consultation.points_lead"))
    if sentences:
        section.blocks.append(Paragraph(" ".join(sentences)))
    if points:
        section.blocks.append(Bullets(points))
    if record.proposals:
        measures = {row.measure_id: row.measure.text for row in b.results.plan.rows}
        rows = []
        for presented in record.proposals:
            text = presented.text or measures.get(presented.measure or "", "")
            received = (
                b.t(f"consultation.received_{presented.received.value}")
                if presented.received is not None
                else b.t("consultation.not_recorded")
            )
            rows.append(TableRow([presented.measure or "", text, received, presented.note or ""]))
        headers = [b.t("consultation.measure"), b.t("consultation.proposal"), b.t("consultation.reception"), b.t("consultation.note")]
        caption = b.t(
            "consultation.proposals_caption",
            what=lower_first(b.t(f"methods.{source.method.value}")),
            when=source_when(source, language) or "–",
        )
        section.blocks.append(b.table(headers, rows, caption, style="proposals"))
