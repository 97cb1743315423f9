"""Findings per mandate item: each statement with its strength, the survey figures it cites, its evidence and quotes,
and the statistics its sources hold."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hkh.analysis.stats import StatsTable
from hkh.i18n.formats import join_words
from hkh.outputs.report.builder import ReportBuilder, finding_title, lower_first, source_when
from hkh.outputs.report.model import Block, Bullets, Facts, Paragraph, Quote, Section, Table, TableRow
from hkh.project.models import Evidence, Finding, Method, Source, Stance
from hkh.survey.tables import base_text, shown_count_text, shown_percent_text


def findings(b: ReportBuilder, chapter: Section) -> None:
    items = b.project.findings.findings
    if not items:
        chapter.blocks.append(Paragraph(b.t("report.findings_none"), style="draft"))
    else:
        chapter.blocks.append(Paragraph(b.t("report.findings_intro")))
    mandate_ids = [item.id for item in b.project.mapping.mandate]
    for item in b.project.mapping.mandate:
        members = [f for f in items if f.mandate == item.id]
        if not members:
            continue
        section = b.section(chapter, item.text.rstrip("."), item.id)
        for finding in members:
            _finding(b, section, finding)
    others = [f for f in items if f.mandate not in mandate_ids]
    if others:
        section = b.section(chapter, b.t("report.other_findings"), "other")
        for finding in others:
            _finding(b, section, finding)
    leftover = [table for table in b.results.stats if table.name not in b.stats_shown]
    if leftover:
        section = b.section(chapter, b.t("report.sec_statistics"), "statistics")
        for table in leftover:
            _stats_blocks(b, section, table)


def _method_names(b: ReportBuilder, methods: list[str]) -> str:
    return join_words([lower_first(b.t(f"methods.{m}")) for m in methods], b.language)


def _strength_text(b: ReportBuilder, finding: Finding) -> str:
    """The strength as the triangulation counts it (methods), with the sources behind it: "Én metode (2 kilder)"."""
    result = b.results.triangulation.finding(finding.id)
    order = [m.value for m in Method]
    methods = [m for m in order if result.methods.get(m, {}).get("supports", 0) > 0]
    supporting = {
        e.source for e in finding.evidence if e.stance is Stance.supports and e.source in b.sources
    }
    sources = b.t("report.sources_one" if len(supporting) == 1 else "report.sources_many", count=len(supporting))
    if not methods:
        text = b.t(f"strength.{result.strength}")
    elif len(methods) == 1:
        key = "report.strength_one_source" if len(supporting) == 1 else "report.strength_one_method"
        text = b.t(key, sources=sources, list=_method_names(b, methods))
    else:
        words = b.t("report.method_many")
        text = b.t(
            "report.strength_methods",
            strength=b.t(f"strength.{result.strength}"), count=len(methods), methods_word=words, sources=sources,
            list=_method_names(b, methods),
        )
    text = text[:1].upper() + text[1:]
    if result.disputed:
        against = sorted(
            {
                b.sources[e.source].method.value
                for e in finding.evidence
                if e.stance is Stance.contradicts and e.source in b.sources
            },
            key=order.index,
        )
        text += "; " + b.t("report.disputed_by", list=_method_names(b, against))
    return text


def _finding(b: ReportBuilder, parent: Section, finding: Finding) -> None:
    section = b.section(parent, finding_title(finding), finding.id)
    blocks = section.blocks
    blocks.append(Paragraph(finding.statement))
    blocks.append(Facts([(b.t("report.strength"), _strength_text(b, finding))]))
    cited: list[tuple[str, str]] = []
    for evidence in finding.evidence:
        if evidence.question and evidence.source in b.results.survey_ids:
            sentence = _evidence_sentence(b, evidence)
            if sentence:
                blocks.append(Paragraph(sentence, style="figure-sentence"))
            name = _question_name(b, evidence.source, evidence.question)
            if name is not None and (evidence.source, name) not in cited:
                cited.append((evidence.source, name))
    # one line per source and stance: a survey cited five times is named once, with all it says
    grouped: dict[tuple[str, Stance], list[str]] = {}
    for evidence in finding.evidence:
        if evidence.source in b.sources:
            says = grouped.setdefault((evidence.source, evidence.stance), [])
            if evidence.says and evidence.says not in says:
                says.append(evidence.says)
    items = []
    for (source_id, stance), says in grouped.items():
        source = b.sources[source_id]
        when = source_when(source, b.language)
        label = f"{source.title} ({lower_first(b.t(f'methods.{source.method.value}'))}"
        label += f", {when})" if when else ")"
        if says:
            label += ": " + " ".join(text if text.rstrip()[-1:] in ".!?" else text.rstrip() + "." for text in says)
        if stance is Stance.contradicts:
            label += f" [{b.t('report.contradicts')}]"
        elif stance is Stance.mentions:
            label += f" [{b.t('triangulation.mentions')}]"
        items.append(label)
    if items:
        blocks.append(Paragraph(b.t("report.evidence") + ":", style="label"))
        blocks.append(Bullets(items))
    for evidence in finding.evidence:
        if evidence.quote:
            # quotes are attributed by role only, never by name; without a role, the source it is quoted from
            # is named (a document, a set of field reports), never made into a speaker
            if evidence.role:
                blocks.append(Quote(evidence.quote, evidence.role))
            else:
                quoted = b.sources.get(evidence.source)
                origin = b.t("report.quote_source", title=quoted.title) if quoted else ""
                blocks.append(Quote(evidence.quote, "", cited_from=origin))
    for source_id, name in cited:
        blocks.extend(_survey_question_blocks(b, source_id, name))
    for evidence in finding.evidence:
        cited_source = b.sources.get(evidence.source)
        if cited_source is None or cited_source.method is not Method.statistics:
            continue
        for table in _stats_for_source(b, cited_source):
            _stats_blocks(b, section, table, cited_source)


def _evidence_sentence(b: ReportBuilder, evidence: Evidence) -> str | None:
    """The cited option's figure, from the published tables: "Kvinne: 12 av 51 (24 %, en av fire)"."""
    from hkh.survey.evidence import evidence_figure

    figure = evidence_figure(b.project, evidence, b.language, b.results.survey_tables)
    if figure is None:
        return None
    if figure.label:
        return f"{figure.question_text} – {figure.label}: {figure.sentence}"
    return f"{figure.question_text}: {figure.sentence}"


def _question_name(b: ReportBuilder, source_id: str, name: str) -> str | None:
    """The survey table a citation points at (by question or variable name)."""
    question = b.results.survey_tables(source_id).question(name)
    return question.name if question is not None else None


def _survey_question_blocks(b: ReportBuilder, source_id: str, name: str) -> list[Block]:
    tables = b.results.survey_tables(source_id)
    question = tables.question(name)
    if question is None or not question.tabulated:
        return []  # open-text answers are never published; numbers and dates have no option table
    shown = b.questions_shown.get((source_id, question.name))
    if shown is not None:
        # shown once, where a finding first cites it; later findings refer to it
        return [Paragraph(b.t("layout.see_figure", number=shown, text=question.text or name), style="note")]
    min_cell = tables.min_cell
    rows = [
        TableRow(
            [
                option.label,
                shown_count_text(option, min_cell),
                shown_percent_text(option, b.language),
                "" if option.suppressed or not option.phrase else option.phrase,
            ],
            attrs={"data-code": str(option.code)},
        )
        for option in question.options
    ]
    base = base_text(question, min_cell)
    caption = b.t("report.survey_table_caption", text=question.text or name, base=base)
    blocks: list[Block] = []
    chart = None
    if not question.base_suppressed and question.options:
        from hkh.outputs.charts.survey import chart_png, chart_svg

        chart = chart_png(question, b.language, min_cell)
        svg = chart_svg(question, b.language, min_cell)
        figure = b.figure(chart, caption, svg=svg, **{"data-question": name})
        b.questions_shown[(source_id, question.name)] = figure.number or 0
        blocks.append(figure)
    table_options: dict[str, Any] = dict(
        style="survey",
        numeric_columns=(1, 2),
        attrs={"data-question": name, "data-source": source_id, "data-base": base},
        note=b.t("report.multiple_note") if question.type == "multiple" else None,
    )
    headers = [b.t("report.option"), b.t("report.count"), b.t("report.percent"), b.t("report.in_words")]
    # under its chart the table is the figure's numbers, not a numbered table of its own
    if chart is None:
        blocks.append(b.table(headers, rows, caption, **table_options))
    else:
        blocks.append(Table(headers=headers, rows=rows, **table_options))
    return blocks


def _stats_for_source(b: ReportBuilder, source: Source) -> list[StatsTable]:
    wanted = {Path(file).name for file in source.files}
    wanted_stems = {Path(file).stem for file in source.files}
    return [table for table in b.results.stats if table.path.name in wanted or table.name in wanted_stems]


def _stats_blocks(b: ReportBuilder, section: Section, table: StatsTable, source: Source | None = None) -> None:
    from hkh.outputs.charts.stats import stats_chart_png, stats_chart_svg, table_rows

    if table.name in b.stats_shown:
        return
    b.stats_shown.add(table.name)
    source = b.sources.get(table.source or "") or source or _source_of_table(b, table)
    # the caption says what is drawn: the table's own description, else its title with the source's
    if table.described or source is None:
        caption = table.title
    else:
        caption = f"{source.title}: {lower_first(table.title)}"
    note = b.t("layout.stats_source", title=source.title) if source is not None else None
    figure = b.figure(
        stats_chart_png(table, b.language), caption, note=note, svg=stats_chart_svg(table, b.language),
        **{"data-stats": table.name},
    )
    section.blocks.append(figure)
    header, rows = table_rows(table, b.language)
    section.blocks.append(
        Table(
            headers=header, rows=[TableRow(row) for row in rows], caption=None, style="stats",
            numeric_columns=tuple(range(1, len(header))), attrs={"data-stats": table.name},
        )
    )


def _source_of_table(b: ReportBuilder, table: StatsTable) -> Source | None:
    """The source in sources.yaml whose files hold this table."""
    for source in b.sources.values():
        if table.path.name in {Path(file).name for file in source.files} or table.name in {
            Path(file).stem for file in source.files
        }:
            return source
    return None
