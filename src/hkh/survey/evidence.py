"""Survey figures that findings cite: `question` and `option` in findings.yaml, computed from the published tables.

An option may be a code, a label, or several joined by "+" for a share such as "a third are not from Oslo"; every
figure is suppressed by the same rules as the tables it comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from hkh.core.errors import HkhError, SurveyNotImportedError, say
from hkh.i18n import phrases, render, t
from hkh.i18n.formats import format_percent
from hkh.project.load import Project
from hkh.survey.bases import CODED_TYPES
from hkh.survey.publication import SECONDARY, SMALL
from hkh.survey.store import list_imported_surveys
from hkh.survey.tables import OptionCount, QuestionTable, SurveyTables, build_survey_tables, percent_of

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hkh.project.models import Evidence


@dataclass(frozen=True)
class EvidenceFigure:
    """One survey figure quoted as evidence: "38 av 51 (75 %, tre av fire)"."""

    source: str
    question: str
    question_text: str
    label: str | None
    count: int | None  # None when suppressed
    base: int | None
    percent: float | None
    phrase: str | None
    suppressed: str | None  # the mark of the count (or of the base when that is hidden): "small", "secondary"
    sentence: str
    min_cell: int = 5


TablesOf = Callable[[str], SurveyTables]
"""The published tables of one imported survey, by source id (`hkh.analysis.results.Results.survey_tables`)."""


def _evidence_location(project: Project, evidence: Evidence, field_name: str) -> tuple[str, int | None]:
    for finding_index, finding in enumerate(project.findings.findings):
        for evidence_index, item in enumerate(finding.evidence):
            if item is evidence:
                line = project.line("findings.yaml", "findings", finding_index, "evidence", evidence_index, field_name)
                if line is None:
                    line = project.line("findings.yaml", "findings", finding_index, "evidence", evidence_index)
                return project.path("findings.yaml"), line
    return project.path("findings.yaml"), None


def hidden_words(mark: str | None, min_cell: int, language: str) -> str:
    """A hidden count in a sentence: "færre enn 5 (<5)" or "skjult (:)"."""
    return t("survey.figure_secondary" if mark == SECONDARY else "survey.figure_small", language, min_cell=min_cell)


def figure_sentence(
    count: int | None, base: int | None, percent: float | None, phrase: str | None, language: str, min_cell: int,
    count_mark: str | None = None, base_mark: str | None = None,
) -> str:
    """"38 av 51 (75 %, tre av fire)"; a hidden count is said in words with its mark, "færre enn 5 (<5) av 51" or
    "skjult (:) av 51 – tallet er ikke lite, men …", and never with a share or a phrase: they would tell what the
    mark hides, and a phrase for a hidden count could contradict the counts shown beside it."""
    of = t("survey.of", language)

    def words(value: int | None, mark: str | None) -> str:
        return str(value) if value is not None else hidden_words(mark, min_cell, language)

    sentence = f"{words(count, count_mark)} {of} {words(base, base_mark)}"
    if count is not None and base is not None and percent is not None and phrase is not None:
        sentence += f" ({format_percent(percent, language, 0)}, {phrase})"
    if SECONDARY in {count_mark if count is None else None, base_mark if base is None else None}:
        sentence += f" – {t('survey.figure_secondary_note', language)}"
    return sentence


def evidence_figure(
    project: Project, evidence: Evidence, language: str, tables_of: TablesOf | None = None
) -> EvidenceFigure | None:
    """The figure a finding's survey evidence cites (`question`, optionally `option`), or None when it cites none.

    `tables_of` gives the published tables of a survey (so that every figure comes from the tables hkh publishes,
    computed once); by default they are built with the project's settings. Raises an HkhError pointing at the line in findings.yaml when the survey, question or
    option does not exist."""
    if not evidence.question:
        return None
    where, line = _evidence_location(project, evidence, "question")
    if evidence.source not in list_imported_surveys(project):
        raise SurveyNotImportedError(
            "evidence-survey-not-imported", path=where, line=line, source=evidence.source, question=evidence.question
        )
    tables = (tables_of or (lambda source: build_survey_tables(project, source, language=language)))(evidence.source)
    table = tables.question(str(evidence.question))
    if table is None:
        raise HkhError(
            "evidence-unknown-question",
            path=where,
            line=line,
            question=evidence.question,
            source=evidence.source,
            known=[q.name for q in tables.questions],
        )
    if table.type == "open":
        raise HkhError("evidence-open-question", path=where, line=line, question=table.name)
    if not table.tabulated:
        base = table.shown_base
        return EvidenceFigure(
            evidence.source, table.name, table.text, None, base, base, None, None, table.base_suppressed,
            f"n = {base if base is not None else hidden_words(table.base_suppressed, tables.min_cell, language)}",
            tables.min_cell,
        )
    if evidence.option is None:
        choices = "; ".join(f"{o.code} {o.label}" for o in table.options)
        raise HkhError("evidence-option-missing", path=where, line=line, question=table.name, options=choices)
    option = _cited_option(project, evidence, table, language, tables.min_cell)
    base = table.shown_base
    count = option.shown_count
    percent = option.percent
    phrase = option.phrase
    suppressed = option.suppressed or table.base_suppressed
    return EvidenceFigure(
        source=evidence.source,
        question=table.name,
        question_text=table.text,
        label=option.label,
        count=count,
        base=base,
        percent=percent,
        phrase=phrase,
        suppressed=suppressed,
        sentence=figure_sentence(count, base, percent, phrase, language, tables.min_cell, option.suppressed,
                                 table.base_suppressed),
        min_cell=tables.min_cell,
    )


COMBINE = "+"


def _cited_option(
    project: Project, evidence: Evidence, table: QuestionTable, language: str, min_cell: int
) -> OptionCount:
    """The option an evidence cites, or several joined by "+" ("2+3", "Annen kommune i Norge + Utlandet") for a
    share such as "a third are not from Oslo"."""
    assert evidence.option is not None
    option = table.option(evidence.option)
    if option is not None:
        return option
    where, line = _evidence_location(project, evidence, "option")
    choices = "; ".join(f"{o.code} {o.label}" for o in table.options)
    wanted = str(evidence.option)
    if COMBINE not in wanted:
        raise HkhError(
            "evidence-unknown-option", path=where, line=line, option=evidence.option, question=table.name, options=choices
        )
    parts: list[OptionCount] = []
    for piece in wanted.split(COMBINE):
        found = table.option(piece.strip())
        if found is None:
            raise HkhError(
                "evidence-unknown-option", path=where, line=line, option=piece.strip(), question=table.name, options=choices
            )
        if found not in parts:
            parts.append(found)
    if table.type not in CODED_TYPES:
        raise HkhError("evidence-multiple-added", path=where, line=line, question=table.name)
    if any(p.non_substantive for p in parts):
        raise HkhError(
            "evidence-non-substantive-added",
            path=where,
            line=line,
            options=[p.label for p in parts if p.non_substantive],
            question=table.name,
        )
    return combine_options(table, parts, language, min_cell)


def combine_options(table: QuestionTable, parts: list[OptionCount], language: str, min_cell: int) -> OptionCount:
    """Several options of a single-choice question as one ("Annen kommune i Norge + Utlandet").

    The sum is hidden when small, and when it holds some but not all of the table's hidden counts: with the shown
    counts it would give those hidden ones away. Holding all of them reveals nothing that the base minus the shown
    counts does not already tell."""
    count = sum(p.count for p in parts)
    hidden = {o.code for o in table.options if o.suppressed and not o.non_substantive}
    included = {p.code for p in parts if p.suppressed}
    suppressed: str | None = None
    if 0 < count < min_cell:
        suppressed = SMALL
    elif included and included != hidden:
        suppressed = SECONDARY
    visible = not suppressed and not table.base_suppressed and table.base > 0
    return OptionCount(
        code=None,  # a combination has no single code
        label=" + ".join(p.label for p in parts),
        count=count,
        percent=percent_of(count, table.base) if visible else None,
        phrase=phrases.count_phrase(count, table.base, language) if visible else None,
        suppressed=suppressed,
        non_substantive=False,
    )


@dataclass(frozen=True)
class CitedFigure:
    """A survey figure that a finding cites, for `hkh survey` to show next to what the finding says."""

    finding: str
    question: str
    option: str | None
    says: str | None
    figure: EvidenceFigure | None
    problem: str | None  # the error line, when the citation does not fit the survey


def cited_figures(project: Project, tables: SurveyTables, language: str) -> list[CitedFigure]:
    """Every evidence in findings.yaml that cites a question of this survey, computed from `tables`."""
    cited = []
    for finding in project.findings.findings:
        for evidence in finding.evidence:
            if evidence.source != tables.source or not evidence.question:
                continue
            option = None if evidence.option is None else str(evidence.option)
            try:
                figure = evidence_figure(project, evidence, language, lambda _source: tables)
            except HkhError as error:
                line = render(say("messages.located", location=error.location, message=error.wording), language)
                cited.append(CitedFigure(finding.id, evidence.question, option, evidence.says, None, line))
                continue
            cited.append(CitedFigure(finding.id, evidence.question, option, evidence.says, figure, None))
    return cited
