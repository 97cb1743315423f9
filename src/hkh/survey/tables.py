"""`hkh survey`: frequency tables of an imported survey, with the phrases an HKH report uses.

What a table counts is decided in `hkh.survey.bases` (who answered a question); which counts are hidden, in
`hkh.survey.suppression`. Non-substantive codes (codebook `non_substantive`, "Vet ikke") are shown with their count but
kept out of the percentage base. Percentages of a multiple-choice question are of respondents who answered it, so they
may sum past 100. Open-text answers are counted, never shown. Findings cite figures of these tables through
`hkh.survey.evidence`.

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
from hkh.survey.store import SurveyData, SurveyQuestion, load_survey_data
from hkh.survey.suppression import suppress_cells

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas as pd





# ------------------------------------------------------------------------------------------------ answer masks


# ------------------------------------------------------------------------------------------------ suppression


# ------------------------------------------------------------------------------------------------ table data


@dataclass
class OptionCount:
    code: int | None  # None only for a combination of options cited as evidence
    label: str
    count: int
    percent: float | None  # None when hidden or out of the base
    phrase: str | None
    suppressed: bool
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
            "percent": self.percent,
            "phrase": self.phrase,
        }


@dataclass
class NumberSummary:
    n: int
    mean: float | None
    median: float | None
    minimum: float | None
    maximum: float | None
    suppressed: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "n": None if self.suppressed else self.n,
            "mean": self.mean,
            "median": self.median,
            "min": self.minimum,
            "max": self.maximum,
        }


@dataclass
class GroupTable:
    code: int | None  # None: respondents who did not answer the background question
    label: str
    base: int
    base_suppressed: bool
    options: list[OptionCount]

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "label": self.label,
            "base": None if self.base_suppressed else self.base,
            "options": [o.to_json() for o in self.options],
        }


@dataclass
class Breakdown:
    variable: str
    groups: list[GroupTable] = field(default_factory=list)
    refused: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"question": self.variable, "groups": [g.to_json() for g in self.groups]}
        if self.refused:
            data["refused"] = self.refused
        return data


@dataclass
class QuestionTable:
    name: str
    text: str
    type: str
    base: int
    base_suppressed: bool
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

    def question(self, name: str) -> QuestionTable | None:
        """By question name, or else by one of its variables, ignoring case."""
        wanted = name.strip().casefold()
        found = next((q for q in self.questions if q.name.casefold() == wanted), None)
        return found or next((q for q in self.questions if wanted in (v.casefold() for v in q.variables)), None)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.source,
            "questions": [q.to_json() for q in self.questions],
        }
        if self.by is not None:
            data["by"] = self.by.to_json()
        return data


def percent_of(count: int, base: int) -> float:
    return round_half_up(100 * count / base, 1)


def _finish_options(
    question: SurveyQuestion,
    counts: dict[int, int],
    base: int,
    hidden_codes: set[int],
    language: str,
) -> list[OptionCount]:
    rows = []
    for code, count in counts.items():
        option = question.option(code)
        non_substantive = code in question.non_substantive
        suppressed = code in hidden_codes
        visible_share = not suppressed and not non_substantive and base > 0
        rows.append(
            OptionCount(
                code=code,
                label=option.label if option else str(code),
                count=count,
                percent=percent_of(count, base) if visible_share else None,
                phrase=phrases.count_phrase(count, base, language) if visible_share else None,
                suppressed=suppressed,
                non_substantive=non_substantive,
                variable=option.variable if option else None,
            )
        )
    return rows


def _option_counts(
    question: SurveyQuestion, columns: Columns, who: pd.Series
) -> tuple[dict[int, int], int]:
    """Counts per option in codebook order (unknown codes after, ascending), and the percentage base."""
    if question.type == "multiple":
        import pandas as pd

        counts = {o.code: int(columns.numeric(o.variable).eq(1)[who].sum()) for o in question.options if o.variable}
        substantive = [o for o in question.options if o.code not in question.non_substantive and o.variable]
        if substantive and len(substantive) < len(question.options):
            # people who ticked only "don't know" did not give a substantive answer; all-zero answerers did
            ticks: list[pd.Series] = [columns.numeric(o.variable or "").eq(1) for o in substantive]
            ticked_substantive = pd.concat(ticks, axis=1).any(axis=1)
            others = [columns.numeric(o.variable).eq(1) for o in question.options if o.variable and o not in substantive]
            # a hand-edited codebook may leave the "don't know" option without its column: nobody ticked it then
            ticked_other = pd.concat(others, axis=1).any(axis=1) if others else pd.Series(False, index=who.index)
            base = int((who & (ticked_substantive | ~ticked_other)).sum())
        else:
            base = int(who.sum())
        return counts, base
    values = columns.numeric(question.variables[0])[who].dropna().astype(int)
    found: dict[int, int] = {int(code): int(count) for code, count in values.value_counts().items()}  # type: ignore[call-overload]
    counts = {o.code: int(found.get(o.code, 0)) for o in question.options}
    for code in sorted(set(found) - set(counts)):
        counts[code] = found[code]
    base = int((~values.isin(list(question.non_substantive))).sum())
    return counts, base


def _one_way(
    question: SurveyQuestion, columns: Columns, answered: pd.Series, min_cell: int, language: str
) -> QuestionTable:
    counts, base = _option_counts(question, columns, answered)
    lines: list[list[Hashable]] = []
    if question.type in CODED_TYPES:
        # the substantive counts add up to the published base: one hidden count alone could be recomputed
        lines.append([code for code in counts if code not in question.non_substantive])
    hidden = suppress_cells(counts, lines, min_cell)  # type: ignore[arg-type]
    base_hidden = 0 < base < min_cell
    hidden_codes = {code for code in counts if code in hidden}
    options = _finish_options(question, counts, base, hidden_codes if not base_hidden else set(counts), language)
    return QuestionTable(
        question.name, question.text, question.type, base, base_hidden, options, variables=question.variables
    )


def _number_table(question: SurveyQuestion, columns: Columns, min_cell: int) -> QuestionTable:
    values = columns.numeric(question.variables[0], decimals=True).dropna()
    n = int(values.size)
    hidden = 0 < n < min_cell

    def rounded(value: float) -> float:
        return round_half_up(float(value), 2)

    summary = NumberSummary(
        n=n,
        mean=None if hidden else rounded(values.mean()),
        median=None if hidden else rounded(values.median()),
        minimum=None if hidden else rounded(values.min()),
        maximum=None if hidden else rounded(values.max()),
        suppressed=hidden,
    )
    return QuestionTable(
        question.name, question.text, question.type, n, hidden, summary=summary, variables=question.variables
    )


def _count_table(question: SurveyQuestion, answered: pd.Series, min_cell: int) -> QuestionTable:
    n = int(answered.sum())
    return QuestionTable(question.name, question.text, question.type, n, 0 < n < min_cell, variables=question.variables)


def _breakdown(
    question: SurveyQuestion,
    by_question: SurveyQuestion,
    columns: Columns,
    answered: pd.Series,
    overall: QuestionTable,
    min_cell: int,
    language: str,
) -> Breakdown:
    by_values = columns.numeric(by_question.variables[0])
    group_keys: list[tuple[int | None, str]] = [(o.code, o.label) for o in by_question.options]
    present = set(by_values[answered].dropna().astype(int))
    group_keys += [(code, str(code)) for code in sorted(present - {o.code for o in by_question.options})]
    if (answered & by_values.isna()).any():
        group_keys.append((None, t("survey.no_answer_group", language)))

    group_counts: list[tuple[int | None, str, dict[int, int], int]] = []
    for code, label in group_keys:
        who = answered & (by_values.isna() if code is None else by_values.eq(code))
        found, base = _option_counts(question, columns, who)
        # every group lists the options of the overall table, in its order: a code outside the labels (-7) that
        # occurs in one group only is a 0 in the others, so the columns of the breakdown line up
        aligned = {o.code: found.get(o.code, 0) for o in overall.options if o.code is not None} | found
        group_counts.append((code, label, aligned, base))

    if all(size < min_cell for *_, size in group_counts):
        return Breakdown(
            by_question.name,
            refused=t("survey.breakdown_refused", language).format(min_cell=min_cell),
        )

    cells: dict[Hashable, int] = {}
    for group_code, _, group_cells, _ in group_counts:
        for option_code, count in group_cells.items():
            cells[("cell", option_code, group_code)] = count
    for group_code, _, _, size in group_counts:
        cells[("base", group_code)] = size
    option_codes = [o.code for o in overall.options]
    substantive = [c for c in option_codes if c not in question.non_substantive]
    lines: list[list[Hashable]] = []
    for row_code in option_codes:
        lines.append([("cell", row_code, g) for g, *_ in group_counts])
    lines.append([("base", g) for g, *_ in group_counts])
    if question.type in CODED_TYPES:
        for group_code, *_ in group_counts:
            lines.append([("cell", c, group_code) for c in substantive])
    # a count hidden in the overall table stays hidden in every group, or the groups would add up to it
    overall_hidden = {o.code for o in overall.options if o.suppressed}
    forced: set[Hashable] = {("cell", c, g) for c in overall_hidden for g, *_ in group_counts}
    while True:
        hidden = suppress_cells(cells, lines, min_cell, forced)
        # a group whose size is hidden shows none of its counts; hiding them may leave a row with one hidden cell,
        # so suppression runs again until nothing changes
        more = {("cell", c, g) for g, _, counts, _ in group_counts if ("base", g) in hidden for c in counts}
        if more <= hidden:
            break
        forced |= more | hidden

    groups = []
    for group_code, label, counts, base in group_counts:
        base_hidden = ("base", group_code) in hidden
        hidden_codes = {c for c in counts if ("cell", c, group_code) in hidden}
        if base_hidden:
            hidden_codes = set(counts)
        options = _finish_options(question, counts, base, hidden_codes, language)
        groups.append(GroupTable(group_code, label, base, base_hidden, options))
    return Breakdown(by_question.name, groups)


# ------------------------------------------------------------------------------------------------ building


def _min_cell(project: Project, min_cell: int | None) -> int:
    if min_cell is None:
        return project.mapping.settings.min_cell
    if min_cell < 3:
        raise UsageError("min-cell-too-small", value=min_cell, setting=project.mapping.settings.min_cell)
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
    survey: SurveyData, *, min_cell: int, language: str, by: str | None = None
) -> SurveyTables:
    columns = Columns(survey)
    answered = answer_masks(survey, columns)
    by_question = _by_question(survey, by) if by else None
    if by_question is not None:
        by_values = columns.numeric(by_question.variables[0])
        sizes = by_values.dropna().astype(int).value_counts()
        if sizes.empty or (sizes < min_cell).all():
            raise SmallCellError("by-groups-too-small", by=by_question.name, min_cell=min_cell)
    tables: list[QuestionTable] = []
    for question in survey.questions:
        mask = answered[question.name]
        if question.type in TABULATED_TYPES:
            table = _one_way(question, columns, mask, min_cell, language)
            if by_question is not None and question.name != by_question.name:
                table.breakdown = _breakdown(question, by_question, columns, mask, table, min_cell, language)
        elif question.type == "number":
            table = _number_table(question, columns, min_cell)
        else:
            table = _count_table(question, mask, min_cell)
        tables.append(table)
    by_block = (
        ByVariable(by_question.name, by_question.text, by_question.variables[0]) if by_question is not None else None
    )
    return SurveyTables(survey.source, language, min_cell, tables, by_block)


def build_survey_tables(
    project: Project,
    source_id: str | None = None,
    by: str | None = None,
    min_cell: int | None = None,
    language: str | None = None,
) -> SurveyTables:
    """Frequency tables for every question of one imported survey (the only one when `source_id` is None)."""
    threshold = _min_cell(project, min_cell)
    survey = load_survey_data(project, source_id)
    return build_from_survey(survey, min_cell=threshold, language=language or project.language, by=by)


# ------------------------------------------------------------------------------------------------ shown values


def shown_count_text(option: OptionCount, min_cell: int) -> str:
    return f"<{min_cell}" if option.suppressed else str(option.count)


def shown_percent_text(option: OptionCount, language: str) -> str:
    return "" if option.percent is None else format_percent(option.percent, language)


def base_text(table: QuestionTable | GroupTable, min_cell: int) -> str:
    return f"<{min_cell}" if table.base_suppressed else str(table.base)
