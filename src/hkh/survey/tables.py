"""`hkh survey`: frequency tables of an imported survey, with the phrases an HKH report uses.

What a table counts is decided in `hkh.survey.bases` (who answered a question); which counts are hidden, in
`hkh.survey.publication`: every table published from a survey (the one-way tables, and every breakdown published
so far) is protected together by the disclosure engine, and each hidden count carries its mark: "small" (1 to
min_cell - 1, shown as `<5`) or "secondary" (hidden only so that a small count cannot be worked out, shown as `:`).
Non-substantive codes (codebook `non_substantive`, "Vet ikke") are shown with their count but kept out of the
percentage base. Percentages of a multiple-choice question are of respondents who answered it, so they may sum past
100. Open-text answers are counted, never shown. Number questions publish what `release_numbers` allows. Findings
cite figures of these tables through `hkh.survey.evidence`.

The tables are typed results; terminal, workbook and charts are drawn from them in `hkh.outputs`.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from hkh.core.errors import SmallCellError, UsageError, say
from hkh.i18n import phrases, t
from hkh.i18n.formats import format_percent, round_half_up
from hkh.project.load import Project
from hkh.survey.bases import CODED_TYPES, TABULATED_TYPES, Columns, answer_masks
from hkh.survey.disclosure import Cell, Margin, key, release_numbers
from hkh.survey.publication import SECONDARY, SMALL, Publication, publish
from hkh.survey.store import SurveyData, SurveyQuestion, load_survey_data

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas as pd

Hidden = str | None  # SMALL, SECONDARY or None (shown)


def mark_text(hidden: Hidden, min_cell: int) -> str:
    """What a table shows instead of a hidden count: `<5` for a small count, `:` for one hidden to protect another."""
    return f"<{min_cell}" if hidden == SMALL else ":"


def mark_notes(marks: set[Hidden], min_cell: int, language: str) -> list[str]:
    """The notes that explain the marks a table shows, in the order of the marks."""
    notes = []
    if SMALL in marks:
        notes.append(t("survey.small_note", language, min_cell=min_cell))
    if SECONDARY in marks:
        notes.append(t("survey.secondary_note", language))
    return notes


@dataclass
class OptionCount:
    code: int | None  # None only for a combination of options cited as evidence
    label: str
    count: int
    percent: float | None  # None when hidden or out of the base
    phrase: str | None
    suppressed: Hidden
    non_substantive: bool
    variable: str | None = None

    @property
    def shown_count(self) -> int | None:
        return None if self.suppressed else self.count

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "label": self.label,
            "count": self.shown_count,
            "suppressed": self.suppressed,
            "percent": self.percent,
            "phrase": self.phrase,
        }


@dataclass
class NumberSummary:
    """What `release_numbers` lets a number question publish: never its minimum or maximum, only ends that at least
    min_cell answers reach (bottom: "at most", top: "at least"), and a median with min_cell answers on each side."""

    n: int
    mean: float | None
    median: float | None
    bottom: float | None
    top: float | None
    suppressed: Hidden

    def to_json(self) -> dict[str, Any]:
        return {
            "n": None if self.suppressed else self.n,
            "suppressed": self.suppressed,
            "mean": self.mean,
            "median": self.median,
            "at_most": self.bottom,
            "at_least": self.top,
        }


@dataclass
class GroupTable:
    code: int | None  # None: respondents who did not answer the background question
    label: str
    base: int
    base_suppressed: Hidden
    options: list[OptionCount]

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "label": self.label,
            "base": None if self.base_suppressed else self.base,
            "base_suppressed": self.base_suppressed,
            "options": [o.to_json() for o in self.options],
        }


@dataclass
class Breakdown:
    variable: str
    groups: list[GroupTable] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # groups of fewer than min_cell people: not shown

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"question": self.variable, "groups": [g.to_json() for g in self.groups]}
        if self.left_out:
            data["left_out"] = self.left_out
        return data


@dataclass
class QuestionTable:
    name: str
    text: str
    type: str
    base: int
    base_suppressed: Hidden
    options: list[OptionCount] = field(default_factory=list)
    summary: NumberSummary | None = None
    breakdown: Breakdown | None = None
    variables: tuple[str, ...] = ()  # its columns in responses.csv, so citations may name a grid item's variable

    @property
    def shown_base(self) -> int | None:
        return None if self.base_suppressed else self.base

    @property
    def tabulated(self) -> bool:
        return self.type in TABULATED_TYPES

    def marks(self, breakdown: bool = True) -> set[Hidden]:
        """The marks this table shows (with its breakdown, unless `breakdown` is False)."""
        found = {self.base_suppressed} | {o.suppressed for o in self.options}
        if self.summary is not None:
            found.add(self.summary.suppressed)
        if breakdown and self.breakdown is not None:
            for group in self.breakdown.groups:
                found |= {group.base_suppressed} | {o.suppressed for o in group.options}
        return found - {None}

    def option(self, wanted: int | str) -> OptionCount | None:
        """By code (number or digits), by label or by checkbox variable, ignoring case and spacing."""
        if isinstance(wanted, bool):
            return None
        if isinstance(wanted, int) or (isinstance(wanted, str) and wanted.strip().lstrip("-").isdigit()):
            code = int(wanted)
            return next((o for o in self.options if o.code == code), None)
        key = " ".join(str(wanted).split()).casefold()
        return next(
            (o for o in self.options if o.label.casefold() == key or (o.variable or "").casefold() == key), None
        )

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "question": self.name,
            "text": self.text,
            "type": self.type,
            "base": self.shown_base,
            "base_suppressed": self.base_suppressed,
            "options": [o.to_json() for o in self.options],
        }
        if self.summary is not None:
            data["summary"] = self.summary.to_json()
        if self.breakdown is not None:
            data["by"] = self.breakdown.to_json()
        return data


@dataclass
class ByVariable:
    question: str
    text: str
    variable: str

    def to_json(self) -> dict[str, Any]:
        return {"question": self.question, "text": self.text, "variable": self.variable}


@dataclass
class SurveyTables:
    source: str
    language: str
    min_cell: int
    questions: list[QuestionTable]
    by: ByVariable | None = None
    published_breakdowns: tuple[str, ...] = ()  # every breakdown of this survey published so far (the record)

    def question(self, name: str) -> QuestionTable | None:
        """By question name, or else by one of its variables, ignoring case."""
        wanted = name.strip().casefold()
        found = next((q for q in self.questions if q.name.casefold() == wanted), None)
        return found or next((q for q in self.questions if wanted in (v.casefold() for v in q.variables)), None)

    def marks(self) -> set[Hidden]:
        """Every mark these tables show (for the notes that explain them)."""
        found: set[Hidden] = set()
        for question in self.questions:
            found |= question.marks()
        return found - {None}

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.source,
            "min_cell": self.min_cell,
            "marks": {SMALL: mark_text(SMALL, self.min_cell), SECONDARY: mark_text(SECONDARY, self.min_cell)},
            "published_breakdowns": list(self.published_breakdowns),
            "questions": [q.to_json() for q in self.questions],
        }
        if self.by is not None:
            data["by"] = self.by.to_json()
        return data


def percent_of(count: int, base: int) -> float:
    return round_half_up(100 * count / base, 1)


class _Cells:
    """The published counts of one survey (`Publication`) read back as the tables' rows."""

    def __init__(self, publication: Publication, language: str) -> None:
        self.publication = publication
        self.values = publication.tables.values
        self.language = language
        self.min_cell = publication.min_cell
        self.codes: dict[str, list[Hashable]] = {}
        for cell in self.values:
            pairs: frozenset[tuple[str, Hashable]] = cell  # type: ignore[assignment]
            if len(pairs) == 1:
                ((name, value),) = tuple(pairs)
                if not isinstance(value, Margin):
                    self.codes.setdefault(name, []).append(value)

    def categories(self, question: SurveyQuestion) -> list[int]:
        """The question's codes in table order: the codebook's, then codes found in the answers, ascending."""
        listed = [o.code for o in question.options if question.type != "multiple" or o.variable]
        found = set(self.codes.get(question.name, ()))
        return listed + sorted(int(c) for c in found - set(listed))  # type: ignore[call-overload]

    def options(self, question: SurveyQuestion, within: frozenset[Any], base: int, base_hidden: Hidden) -> list[
            OptionCount]:
        rows = []
        for code in self.categories(question):
            cell = within | key((question.name, code))
            count = int(self.values[cell])
            option = question.option(code)
            non_substantive = code in question.non_substantive
            hidden = self.publication.mark(cell)
            visible_share = not hidden and not base_hidden and not non_substantive and base > 0
            rows.append(
                OptionCount(
                    code=code,
                    label=option.label if option else str(code),
                    count=count,
                    percent=percent_of(count, base) if visible_share else None,
                    phrase=phrases.count_phrase(count, base, self.language) if visible_share else None,
                    suppressed=hidden,
                    non_substantive=non_substantive,
                    variable=option.variable if option else None,
                )
            )
        return rows

    def one_way(self, question: SurveyQuestion) -> QuestionTable:
        base_cell = key((question.name, Margin.BASE))
        base, base_hidden = int(self.values[base_cell]), self.publication.mark(base_cell)
        options = self.options(question, frozenset(), base, base_hidden)
        return QuestionTable(
            question.name, question.text, question.type, base, base_hidden, options, variables=question.variables
        )

    def breakdown(self, question: SurveyQuestion, by: SurveyQuestion) -> Breakdown:
        groups: list[tuple[int | None, str]] = []
        for by_code in self.categories(by):
            option = by.option(by_code)
            groups.append((by_code, option.label if option is not None else str(by_code)))
        # those who did not answer `by` are never a column (`hkh.survey.publication`): they are in the overall table
        shown, left_out = [], []
        for code, label in groups:
            within = key((by.name, Margin.NO_ANSWER if code is None else code))
            base_cell = within | key((question.name, Margin.BASE))
            if not self.publication.shown(base_cell):
                if self.values.get(within, 0):
                    left_out.append(label)
                continue
            base, base_hidden = int(self.values[base_cell]), self.publication.mark(base_cell)
            shown.append(GroupTable(code, label, base, base_hidden, self.options(question, within, base, base_hidden)))
        return Breakdown(by.name, shown, left_out)



def describe_cells(survey: SurveyData, language: str) -> Any:
    """A cell in words, for a refusal: "tilhorighet: Utlandet × alder: 36–45 år"."""

    def answer(name: str, value: Hashable) -> str:
        if value is Margin.BASE:
            return t("survey.base_margin", language)
        if value is Margin.ANSWERED:
            return t("survey.answered_margin", language)
        if value is Margin.NO_ANSWER:
            return t("survey.no_answer_group", language)
        question = survey.question(name)
        option = question.option(int(value)) if question is not None else None  # type: ignore[call-overload]
        return option.label if option is not None else str(value)

    def words(cell: Cell) -> str:
        items: frozenset[tuple[str, Hashable]] = cell  # type: ignore[assignment]
        pairs = sorted(items, key=lambda pair: pair[0])
        return " × ".join(f"{name}: {answer(name, value)}" for name, value in pairs) or "n"

    return words


def _number_table(question: SurveyQuestion, columns: Columns, min_cell: int) -> QuestionTable:
    values = columns.numeric(question.variables[0], decimals=True).dropna()
    release = release_numbers(values.tolist(), min_cell)
    hidden: Hidden = SMALL if release.n_hidden else None

    def rounded(value: float | None) -> float | None:
        return None if value is None else round_half_up(float(value), 2)

    summary = NumberSummary(
        n=release.n,
        mean=rounded(release.mean),
        median=rounded(release.median),
        bottom=rounded(release.bottom),
        top=rounded(release.top),
        suppressed=hidden,
    )
    return QuestionTable(
        question.name, question.text, question.type, release.n, hidden, summary=summary, variables=question.variables
    )


def _count_table(question: SurveyQuestion, answered: pd.Series, min_cell: int) -> QuestionTable:
    n = int(answered.sum())
    hidden: Hidden = SMALL if 0 < n < min_cell else None
    return QuestionTable(question.name, question.text, question.type, n, hidden, variables=question.variables)


# ------------------------------------------------------------------------------------------------ building


def _min_cell(project: Project, min_cell: int | None) -> int:
    """The threshold of this command: the project's, or a higher one (`--min-cell` may only raise it)."""
    setting = project.mapping.settings.min_cell
    if min_cell is None:
        return setting
    if min_cell < setting:
        from hkh.core.errors import worded
        from hkh.survey.publication import MinCellLoweredError

        raise worded(MinCellLoweredError, "survey.min_cell_lowered", given=min_cell, level=setting)
    return min_cell


def _by_question(survey: SurveyData, by: str) -> SurveyQuestion:
    question = survey.question(by)
    if question is None:
        candidates = [q.name for q in survey.questions if q.type in CODED_TYPES]
        raise UsageError("by-unknown", by=by, source=survey.source, known=candidates)
    if question.type not in CODED_TYPES:
        kind = say(f"survey.type_{question.type}")
        raise UsageError("by-not-single-choice", by=by, question=question.name, kind=kind)
    return question


def build_from_survey(
    survey: SurveyData,
    *,
    min_cell: int,
    language: str,
    by: str | None = None,
    project_min_cell: int | None = None,
    protection: int | None = None,
    record_root: Any = None,
) -> SurveyTables:
    """The tables of one survey. With `record_root` (the project folder) they are a publication: protected with
    everything published before and recorded (`hkh.survey.publication`); without, protected on their own."""
    columns = Columns(survey)
    answered = answer_masks(survey, columns)
    by_question = _by_question(survey, by) if by else None
    if by_question is not None:
        by_values = columns.numeric(by_question.variables[0])
        sizes = by_values.dropna().astype(int).value_counts()
        if sizes.empty or (sizes < min_cell).all():
            raise SmallCellError("by-groups-too-small", by=by_question.name, min_cell=min_cell)
    describer = describe_cells(survey, language)
    publication = publish(
        survey, columns, answered, project_min_cell=project_min_cell or min_cell, min_cell=min_cell, protection=protection,
        by=by_question.name if by_question is not None else None, describe=describer, record_root=record_root,
    )
    cells = _Cells(publication, language)
    tables: list[QuestionTable] = []
    for question in survey.questions:
        mask = answered[question.name]
        if question.type in TABULATED_TYPES:
            table = cells.one_way(question)
            if by_question is not None and question.name != by_question.name:
                table.breakdown = cells.breakdown(question, by_question)
        elif question.type == "number":
            table = _number_table(question, columns, min_cell)
        else:
            table = _count_table(question, mask, min_cell)
        tables.append(table)
    by_block = (
        ByVariable(by_question.name, by_question.text, by_question.variables[0]) if by_question is not None else None
    )
    return SurveyTables(survey.source, language, min_cell, tables, by_block, publication.breakdowns)


def build_survey_tables(
    project: Project,
    source_id: str | None = None,
    by: str | None = None,
    min_cell: int | None = None,
    language: str | None = None,
) -> SurveyTables:
    """Frequency tables for every question of one imported survey (the only one when `source_id` is None), as
    published: protected together with every table published from it before, and recorded."""
    threshold = _min_cell(project, min_cell)
    survey = load_survey_data(project, source_id)
    return build_from_survey(
        survey, min_cell=threshold, language=language or project.language, by=by,
        project_min_cell=project.mapping.settings.min_cell, protection=project.mapping.settings.protection,
        record_root=project.root,
    )


# ------------------------------------------------------------------------------------------------ shown values


def shown_count_text(option: OptionCount, min_cell: int) -> str:
    return mark_text(option.suppressed, min_cell) if option.suppressed else str(option.count)


def shown_percent_text(option: OptionCount, language: str) -> str:
    return "" if option.percent is None else format_percent(option.percent, language)


def base_text(table: QuestionTable | GroupTable, min_cell: int) -> str:
    return mark_text(table.base_suppressed, min_cell) if table.base_suppressed else str(table.base)


def summary_rows(summary: NumberSummary, language: str) -> list[tuple[str, float | str | None]]:
    """A number question's published figures as (label, value) rows: mean and median as numbers, the ends as
    "at most x" and "at least y" (`release_numbers`); None where too few answers allow a figure."""
    from hkh.i18n.formats import format_number

    def end(word: str, value: float | None) -> str | None:
        return None if value is None else t(f"survey.{word}", language, value=format_number(value, language, 1))

    return [
        (t("survey.mean", language), summary.mean),
        (t("survey.median", language), summary.median),
        (t("survey.bottom", language), end("at_most", summary.bottom)),
        (t("survey.top", language), end("at_least", summary.top)),
    ]
