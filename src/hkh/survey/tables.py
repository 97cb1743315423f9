"""`hkh survey`: frequency tables of an imported survey, with the phrases an HKH report uses.

What a table counts (the rules a reader of the tables may ask about):

- Base: respondents who answered the question. For single choice and grid items that is a non-blank cell, so a
  conditional follow-up and a partial respondent who stopped early each get their own base.
- Multiple choice: SurveyXact writes 0 in every checkbox even for people who never saw the question, so an all-zero
  row is not an answer by itself. A respondent answered if at least one box is ticked; an all-zero row counts as
  "answered, ticked nothing" only when the respondent demonstrably got past the question (completed the survey, or
  answered a later question) and was not routed around it. Routing is not in the export, so it is inferred from the
  nearest preceding single-choice question: when everyone who ticked something gave one of only some of its
  answers (everyone with a weapon type said yes to carrying a weapon), the others were not asked. A blank checkbox
  (the importer blanks what a respondent never reached) is never an answer. Percentages of a multiple-choice
  question are of respondents who answered it, so they may sum past 100.
- Non-substantive codes (codebook `non_substantive`, "Vet ikke") are shown with their count but kept out of the
  percentage base.
- Small counts: a count from 1 to `min_cell` - 1 is published as "<N" without its percentage, and so is a second
  count when the hidden one could otherwise be worked out from a published total (secondary suppression, repeated
  until nothing changes); a count hidden in the overall table is hidden in every group of a breakdown. Zero is
  shown (it describes nobody). Open-text answers are counted, never shown.

Findings cite survey figures with `question` and `option` (a code, a label, or several joined by "+" for a share
like "a third are not from Oslo"); `evidence_figure` computes them from the same tables, suppression included.

The library returns data (`SurveyTables`) and rich renderables; the CLI prints. pandas is imported inside functions.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Hashable, Iterable, Sequence

from hkh.i18n import labels
from hkh.i18n import phrases
from hkh.core.errors import HkhError, SmallCellError, SurveyNotImportedError, UsageError
from hkh.project.load import SURVEY_DIR, Project

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas as pd
    from rich.console import RenderableType

    from hkh.project.models import Evidence

CODED_TYPES = ("single", "grid_item")
TABULATED_TYPES = ("single", "grid_item", "multiple")
STATUS_COLUMN = "_status"
STATUS_COMPLETED = 4
RESPONSES_FILE = "responses.csv"
CODEBOOK_FILE = "codebook.yaml"


# ------------------------------------------------------------------------------------------------ survey on disk


@dataclass(frozen=True)
class SurveyOption:
    code: int
    label: str
    variable: str | None = None


@dataclass(frozen=True)
class SurveyQuestion:
    name: str
    type: str
    text: str
    variables: tuple[str, ...]
    options: tuple[SurveyOption, ...] = ()
    non_substantive: frozenset[int] = frozenset()
    group: str | None = None
    group_text: str | None = None

    def option(self, code: int) -> SurveyOption | None:
        return next((o for o in self.options if o.code == code), None)


@dataclass
class SurveyData:
    """One imported survey: its questions in codebook order, and the responses (codes and numbers as float64 with
    NaN for blank, text as read; see `load_survey_data`)."""

    source: str
    directory: Path
    questions: list[SurveyQuestion]
    frame: "pd.DataFrame"
    codebook_display: str
    responses_display: str

    def question(self, name: str) -> SurveyQuestion | None:
        """By question name, or by variable name (grid items and checkbox options), ignoring case."""
        wanted = name.strip().casefold()
        for question in self.questions:
            if question.name.casefold() == wanted:
                return question
        for question in self.questions:
            if any(v.casefold() == wanted for v in question.variables):
                return question
        return None


def survey_directory(project: Project, source_id: str) -> Path:
    return project.root / SURVEY_DIR / source_id


def list_imported_surveys(project: Project) -> list[str]:
    folder = project.root / SURVEY_DIR
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / CODEBOOK_FILE).is_file())


def choose_source(project: Project, source_id: str | None) -> str:
    imported = list_imported_surveys(project)
    if source_id is not None:
        if source_id not in imported:
            where = project.path(SURVEY_DIR / source_id)
            found = f" (imported: {', '.join(imported)})" if imported else ""
            raise SurveyNotImportedError(
                f"survey `{source_id}` has not been imported{found}; run `hkh import EXPORT --source {source_id}`",
                path=where,
            )
        return source_id
    if not imported:
        raise SurveyNotImportedError(
            "no survey has been imported yet; run `hkh import EXPORT` first", path=project.path(SURVEY_DIR)
        )
    if len(imported) > 1:
        raise UsageError(f"several surveys are imported ({', '.join(imported)}); choose one with --source")
    return imported[0]


def _adapt_question(question: Any) -> SurveyQuestion:
    """hkh.survey.codebook.Question -> the frozen view the tables use (codes as ints, labels with single spaces)."""
    return SurveyQuestion(
        name=question.name,
        type=question.type,
        text=" ".join((question.text or question.name).split()),
        variables=tuple(question.variables),
        options=tuple(
            SurveyOption(int(option.code), " ".join(str(option.label).split()) or str(option.code), option.variable)
            for option in question.options
        ),
        non_substantive=frozenset(int(code) for code in question.non_substantive),
        group=question.group,
        group_text=question.group_text,
    )


def load_survey_data(project: Project, source_id: str | None = None) -> SurveyData:
    """One imported survey (data/survey/<source>/), read by `hkh.survey.store.load_survey`, as the tables see it:
    the codebook's questions, and the answers with codes and numbers as float64 (NaN for blank, so blanks and zeros
    stay apart) and text as read."""
    from hkh.survey.store import load_survey

    source = choose_source(project, source_id)
    # float64 as read_csv made it: counting needs nothing else, and neither the Int64 copy that load_survey makes by
    # default nor a float64 copy of that per column here (together 17 bytes a cell, most of a large survey's memory)
    survey = load_survey(project, source, codes_as_float=True)
    frame = survey.frame
    return SurveyData(
        source=source,
        directory=survey.directory,
        questions=[_adapt_question(q) for q in survey.codebook.questions],
        frame=frame,
        codebook_display=project.path(SURVEY_DIR / source / CODEBOOK_FILE),
        responses_display=project.path(SURVEY_DIR / source / RESPONSES_FILE),
    )


# ------------------------------------------------------------------------------------------------ answer masks


class _Columns:
    """Numeric views of the response columns, made once per survey; blanks become NaN."""

    def __init__(self, survey: SurveyData) -> None:
        self.survey = survey
        self._numeric: dict[str, "pd.Series"] = {}

    def _typed(self, variable: str) -> "pd.Series | None":
        """The column as floats (NaN for blank) when it is already numeric, else None (text to be parsed)."""
        import numpy as np
        import pandas as pd

        column = self.survey.frame[variable]
        if column.dtype == np.float64:
            return column  # as load_survey_data reads codes: no copy
        if not pd.api.types.is_numeric_dtype(column.dtype) or pd.api.types.is_bool_dtype(column.dtype):
            return None
        return pd.Series(column.to_numpy(dtype="float64", na_value=np.nan), index=column.index)

    def _text(self, variable: str) -> "pd.Series":
        return self.survey.frame[variable].astype("string").fillna("").astype(object).str.strip()

    def nonblank(self, variable: str) -> "pd.Series":
        typed = self._typed(variable)
        if typed is not None:
            return typed.notna()
        return self._text(variable) != ""

    def numeric(self, variable: str, *, decimals: bool = False) -> "pd.Series":
        import pandas as pd

        key = f"{variable}\0{decimals}"
        if key not in self._numeric:
            typed = self._typed(variable)
            if typed is not None and (decimals or not (typed.dropna() % 1 != 0).any()):
                self._numeric[key] = typed
                return typed
            raw = self._text(variable)
            if decimals:
                raw = raw.str.replace(",", ".", regex=False)
            values = pd.to_numeric(raw.where(raw != ""), errors="coerce")
            unreadable = raw.ne("") & values.isna()
            if unreadable.any():
                row = int(unreadable.to_numpy().nonzero()[0][0]) + 2  # header is line 1
                raise HkhError(
                    f"column `{variable}` holds {raw[unreadable].iloc[0]!r}, which is not a number",
                    path=self.survey.responses_display,
                    line=row,
                )
            if not decimals and (values.dropna() % 1 != 0).any():
                raise HkhError(
                    f"column `{variable}` holds codes that are not whole numbers", path=self.survey.responses_display
                )
            self._numeric[key] = values
        return self._numeric[key]

    def status(self) -> "pd.Series | None":
        if STATUS_COLUMN not in self.survey.frame.columns:
            return None
        return self.numeric(STATUS_COLUMN)


def _any_answer(question: SurveyQuestion, columns: _Columns) -> "pd.Series":
    """Plainly visible evidence that a respondent saw the question (used to tell who got past earlier ones)."""
    if question.type == "multiple":
        return _ticked_any(question, columns)
    if question.type in CODED_TYPES:
        return columns.numeric(question.variables[0]).notna()
    return columns.nonblank(question.variables[0])


def _option_columns(question: SurveyQuestion, columns: _Columns) -> list["pd.Series"]:
    return [columns.numeric(option.variable) for option in question.options if option.variable]


def _ticked_any(question: SurveyQuestion, columns: _Columns) -> "pd.Series":
    import pandas as pd

    ticks = _option_columns(question, columns)
    if not ticks:
        return pd.Series(False, index=columns.survey.frame.index)
    return pd.concat([t.eq(1) for t in ticks], axis=1).any(axis=1)


def _answer_masks(survey: SurveyData, columns: _Columns) -> dict[str, "pd.Series"]:
    """For every question, who answered it (see the module's docstring for the rules)."""
    import pandas as pd

    index = survey.frame.index
    visible = [_any_answer(q, columns) for q in survey.questions]
    later: list["pd.Series"] = [pd.Series(False, index=index)] * len(survey.questions)
    running = pd.Series(False, index=index)
    for position in range(len(survey.questions) - 1, -1, -1):
        later[position] = running
        running = running | visible[position]
    status = columns.status()
    completed = status.eq(STATUS_COMPLETED) if status is not None else pd.Series(False, index=index)

    masks: dict[str, pd.Series] = {}
    for position, question in enumerate(survey.questions):
        if question.type != "multiple":
            masks[question.name] = visible[position]
            continue
        ticks = _option_columns(question, columns)
        ticked = visible[position]
        all_zero = pd.concat([t.eq(0) for t in ticks], axis=1).all(axis=1) if ticks else pd.Series(False, index=index)
        got_past = completed | later[position]
        routed_away = _routed_away(survey, position, ticked, columns)
        masks[question.name] = ticked | (all_zero & got_past & ~routed_away)
    return masks


def _routed_away(survey: SurveyData, position: int, ticked: "pd.Series", columns: _Columns) -> "pd.Series":
    import pandas as pd

    index = survey.frame.index
    gate = next((q for q in reversed(survey.questions[:position]) if q.type in CODED_TYPES), None)
    if gate is None or not ticked.any():
        return pd.Series(False, index=index)
    gate_values = columns.numeric(gate.variables[0])
    asked_codes = set(gate_values[ticked].dropna())
    all_codes = set(gate_values.dropna())
    if not asked_codes or asked_codes >= all_codes:
        return pd.Series(False, index=index)
    return ~gate_values.isin(asked_codes)


# ------------------------------------------------------------------------------------------------ suppression


def suppress_cells(
    counts: dict[Hashable, int],
    lines: Iterable[Sequence[Hashable]],
    min_cell: int,
    forced: Iterable[Hashable] = (),
) -> set[Hashable]:
    """Cells to hide: every count from 1 to `min_cell` - 1 (primary) and the `forced` ones, then, in any line (a row or
    column whose total is published) with exactly one hidden cell, the smallest visible cell of that line too
    (secondary), until no line changes. Ties go to the earlier cell, so the result does not depend on dict order.

    A zero is shown: it describes nobody, and hiding it would force a second, real count to be hidden with it. It
    may still be picked as the complement of a hidden cell, which costs the reader least."""
    order = {key: position for position, key in enumerate(counts)}
    hidden = {key for key, count in counts.items() if 0 < count < min_cell} | set(forced)
    line_list = [list(line) for line in lines if len(line) > 1]
    changed = True
    while changed:
        changed = False
        for line in line_list:
            inside = [key for key in line if key in hidden]
            if len(inside) != 1:
                continue
            visible = [key for key in line if key not in hidden]
            if not visible:
                continue
            pick = min(visible, key=lambda key: (counts[key], order[key]))
            hidden.add(pick)
            changed = True
    return hidden


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


def _percent(count: int, base: int) -> float:
    return phrases.round_half_up(100 * count / base, 1)


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
                percent=_percent(count, base) if visible_share else None,
                phrase=phrases.count_phrase(count, base, language) if visible_share else None,
                suppressed=suppressed,
                non_substantive=non_substantive,
                variable=option.variable if option else None,
            )
        )
    return rows


def _option_counts(
    question: SurveyQuestion, columns: _Columns, who: "pd.Series"
) -> tuple[dict[int, int], int]:
    """Counts per option in codebook order (unknown codes after, ascending), and the percentage base."""
    if question.type == "multiple":
        import pandas as pd

        counts = {o.code: int(columns.numeric(o.variable).eq(1)[who].sum()) for o in question.options if o.variable}
        substantive = [o for o in question.options if o.code not in question.non_substantive and o.variable]
        if substantive and len(substantive) < len(question.options):
            # people who ticked only "don't know" did not give a substantive answer; all-zero answerers did
            ticked_substantive = pd.concat([columns.numeric(o.variable).eq(1) for o in substantive], axis=1).any(axis=1)
            others = [columns.numeric(o.variable).eq(1) for o in question.options if o.variable and o not in substantive]
            # a hand-edited codebook may leave the "don't know" option without its column: nobody ticked it then
            ticked_other = pd.concat(others, axis=1).any(axis=1) if others else pd.Series(False, index=who.index)
            base = int((who & (ticked_substantive | ~ticked_other)).sum())
        else:
            base = int(who.sum())
        return counts, base
    values = columns.numeric(question.variables[0])[who].dropna().astype(int)
    found = values.value_counts().to_dict()
    counts = {o.code: int(found.get(o.code, 0)) for o in question.options}
    for code in sorted(set(found) - set(counts)):
        counts[int(code)] = int(found[code])
    base = int((~values.isin(list(question.non_substantive))).sum())
    return counts, base


def _one_way(
    question: SurveyQuestion, columns: _Columns, answered: "pd.Series", min_cell: int, language: str
) -> QuestionTable:
    counts, base = _option_counts(question, columns, answered)
    lines: list[list[Hashable]] = []
    if question.type in CODED_TYPES:
        # the substantive counts add up to the published base: one hidden count alone could be recomputed
        lines.append([code for code in counts if code not in question.non_substantive])
    hidden = suppress_cells(counts, lines, min_cell)  # type: ignore[arg-type]
    base_hidden = 0 < base < min_cell
    options = _finish_options(question, counts, base, hidden if not base_hidden else set(counts), language)
    return QuestionTable(
        question.name, question.text, question.type, base, base_hidden, options, variables=question.variables
    )


def _number_table(question: SurveyQuestion, columns: _Columns, min_cell: int) -> QuestionTable:
    values = columns.numeric(question.variables[0], decimals=True).dropna()
    n = int(values.size)
    hidden = 0 < n < min_cell

    def rounded(value: float) -> float:
        return phrases.round_half_up(float(value), 2)

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


def _count_table(question: SurveyQuestion, answered: "pd.Series", min_cell: int) -> QuestionTable:
    n = int(answered.sum())
    return QuestionTable(question.name, question.text, question.type, n, 0 < n < min_cell, variables=question.variables)


def _breakdown(
    question: SurveyQuestion,
    by_question: SurveyQuestion,
    columns: _Columns,
    answered: "pd.Series",
    overall: QuestionTable,
    min_cell: int,
    language: str,
) -> Breakdown:
    by_values = columns.numeric(by_question.variables[0])
    group_keys: list[tuple[int | None, str]] = [(o.code, o.label) for o in by_question.options]
    present = set(by_values[answered].dropna().astype(int))
    group_keys += [(code, str(code)) for code in sorted(present - {o.code for o in by_question.options})]
    if (answered & by_values.isna()).any():
        group_keys.append((None, word("no_answer_group", language)))

    group_counts: list[tuple[int | None, str, dict[int, int], int]] = []
    for code, label in group_keys:
        who = answered & (by_values.isna() if code is None else by_values.eq(code))
        counts, base = _option_counts(question, columns, who)
        # every group lists the options of the overall table, in its order: a code outside the labels (-7) that
        # occurs in one group only is a 0 in the others, so the columns of the breakdown line up
        counts = {o.code: counts.get(o.code, 0) for o in overall.options} | counts
        group_counts.append((code, label, counts, base))

    if all(base < min_cell for *_, base in group_counts):
        return Breakdown(
            by_question.name,
            refused=word("breakdown_refused", language).format(min_cell=min_cell),
        )

    cells: dict[Hashable, int] = {}
    for group_code, _, counts, base in group_counts:
        for option_code, count in counts.items():
            cells[("cell", option_code, group_code)] = count
    for group_code, _, _, base in group_counts:
        cells[("base", group_code)] = base
    option_codes = [o.code for o in overall.options]
    substantive = [c for c in option_codes if c not in question.non_substantive]
    lines: list[list[Hashable]] = []
    for option_code in option_codes:
        lines.append([("cell", option_code, g) for g, *_ in group_counts])
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
        raise UsageError(
            f"--min-cell {min_cell} is too small: counts under 3 can identify people; use 3 or more "
            f"(the project's setting is {project.mapping.settings.min_cell})"
        )
    return min_cell


def _by_question(survey: SurveyData, by: str) -> SurveyQuestion:
    question = survey.question(by)
    if question is None:
        candidates = ", ".join(q.name for q in survey.questions if q.type in CODED_TYPES)
        raise UsageError(f"--by {by}: no such question or variable in survey `{survey.source}` (choose from: {candidates})")
    if question.type not in CODED_TYPES:
        raise UsageError(
            f"--by {by}: `{question.name}` is not a single-choice question ({word('type_' + question.type, 'en')}); "
            "break down by a single-choice background question such as gender or age group"
        )
    return question


def build_from_survey(
    survey: SurveyData, *, min_cell: int, language: str, by: str | None = None
) -> SurveyTables:
    columns = _Columns(survey)
    answered = _answer_masks(survey, columns)
    by_question = _by_question(survey, by) if by else None
    if by_question is not None:
        by_values = columns.numeric(by_question.variables[0])
        sizes = by_values.dropna().astype(int).value_counts()
        if sizes.empty or (sizes < min_cell).all():
            raise SmallCellError(
                f"--by {by_question.name}: every group has fewer than {min_cell} respondents, so a breakdown would "
                f"identify people; choose a broader background question"
            )
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


# ------------------------------------------------------------------------------------------------ evidence


@dataclass(frozen=True)
class EvidenceFigure:
    """One survey figure quoted as evidence: "38 av 51 (75 %, tre av fire)"."""

    source: str
    question: str
    question_text: str
    option_code: int | None
    label: str | None
    count: int | None  # None when suppressed
    base: int | None
    percent: float | None
    phrase: str | None
    suppressed: bool
    sentence: str


_TABLE_CACHE: dict[tuple[Any, ...], SurveyTables] = {}


def _cached_tables(project: Project, source: str, language: str) -> SurveyTables:
    directory = survey_directory(project, source)
    stamps = tuple(
        os.stat(directory / name).st_mtime_ns if (directory / name).exists() else 0
        for name in (CODEBOOK_FILE, RESPONSES_FILE)
    )
    key = (str(directory.resolve()), stamps, project.mapping.settings.min_cell, language)
    if key not in _TABLE_CACHE:
        _TABLE_CACHE.clear()  # one project at a time is all a run needs
        _TABLE_CACHE[key] = build_survey_tables(project, source, language=language)
    return _TABLE_CACHE[key]


def _evidence_location(project: Project, evidence: "Evidence", field_name: str) -> tuple[str, int | None]:
    for finding_index, finding in enumerate(project.findings.findings):
        for evidence_index, item in enumerate(finding.evidence):
            if item is evidence:
                line = project.line("findings.yaml", "findings", finding_index, "evidence", evidence_index, field_name)
                if line is None:
                    line = project.line("findings.yaml", "findings", finding_index, "evidence", evidence_index)
                return project.path("findings.yaml"), line
    return project.path("findings.yaml"), None


def figure_sentence(count: int | None, base: int | None, percent: float | None, phrase: str | None, language: str, min_cell: int) -> str:
    of = word("of", language)
    shown_count = f"<{min_cell}" if count is None else str(count)
    shown_base = f"<{min_cell}" if base is None else str(base)
    if percent is None or phrase is None:
        return f"{shown_count} {of} {shown_base}"
    return f"{shown_count} {of} {shown_base} ({phrases.format_percent(percent, language, 0)}, {phrase})"


def evidence_figure(
    project: Project, evidence: "Evidence", language: str, tables: SurveyTables | None = None
) -> EvidenceFigure | None:
    """The figure a finding's survey evidence cites (`question`, optionally `option`), or None when it cites none.

    `tables` (of the cited source) may be passed to reuse them; by default they are built with the project's
    settings and cached. Raises an HkhError pointing at the line in findings.yaml when the survey, question or
    option does not exist."""
    if not evidence.question:
        return None
    where, line = _evidence_location(project, evidence, "question")
    if tables is not None and tables.source == evidence.source:
        pass
    elif evidence.source not in list_imported_surveys(project):
        raise SurveyNotImportedError(
            f"source `{evidence.source}` has no imported survey, so question `{evidence.question}` cannot be "
            f"computed; run `hkh import EXPORT --source {evidence.source}`",
            path=where,
            line=line,
        )
    else:
        tables = _cached_tables(project, evidence.source, language)
    table = tables.question(str(evidence.question))
    if table is None:
        known = ", ".join(q.name for q in tables.questions)
        raise HkhError(
            f"question `{evidence.question}` is not in survey `{evidence.source}` (its questions: {known})",
            path=where,
            line=line,
        )
    if table.type == "open":
        raise HkhError(
            f"question `{table.name}` is open text; open answers are never quoted as figures", path=where, line=line
        )
    if not table.tabulated:
        base = table.shown_base
        return EvidenceFigure(
            evidence.source, table.name, table.text, None, None, base, base, None, None, table.base_suppressed,
            f"n = {base if base is not None else f'<{tables.min_cell}'}",
        )
    if evidence.option is None:
        choices = "; ".join(f"{o.code} {o.label}" for o in table.options)
        raise HkhError(
            f"question `{table.name}` has several options; name one with `option:` ({choices})", path=where, line=line
        )
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
        option_code=option.code,
        label=option.label,
        count=count,
        base=base,
        percent=percent,
        phrase=phrase,
        suppressed=suppressed,
        sentence=figure_sentence(count, base, percent, phrase, language, tables.min_cell),
    )


COMBINE = "+"


def _cited_option(
    project: Project, evidence: "Evidence", table: QuestionTable, language: str, min_cell: int
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
            f"option {evidence.option!r} is not an option of question `{table.name}` (options: {choices})",
            path=where,
            line=line,
        )
    parts: list[OptionCount] = []
    for piece in wanted.split(COMBINE):
        found = table.option(piece.strip())
        if found is None:
            raise HkhError(
                f"option {piece.strip()!r} is not an option of question `{table.name}` (options: {choices})",
                path=where,
                line=line,
            )
        if found not in parts:
            parts.append(found)
    if table.type not in CODED_TYPES:
        raise HkhError(
            f"options of the multiple-choice question `{table.name}` cannot be added up (one person may tick "
            "several); cite them one by one",
            path=where,
            line=line,
        )
    if any(p.non_substantive for p in parts):
        raise HkhError(
            f"{', '.join(p.label for p in parts if p.non_substantive)} is kept out of the percentage base of "
            f"`{table.name}`, so it cannot be part of a share",
            path=where,
            line=line,
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
    suppressed = table.base_suppressed or 0 < count < min_cell or (bool(included) and included != hidden)
    visible = not suppressed and table.base > 0
    return OptionCount(
        code=None,  # type: ignore[arg-type]  # a combination has no single code
        label=" + ".join(p.label for p in parts),
        count=count,
        percent=_percent(count, table.base) if visible else None,
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
                figure = evidence_figure(project, evidence, language, tables)
            except HkhError as error:
                cited.append(CitedFigure(finding.id, evidence.question, option, evidence.says, None, str(error)))
                continue
            cited.append(CitedFigure(finding.id, evidence.question, option, evidence.says, figure, None))
    return cited


def render_cited_figures(cited: list[CitedFigure], language: str) -> "RenderableType | None":
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    if not cited:
        return None
    table = Table(title=word("cited_title", language), title_justify="left")
    for key in ("finding", "question", "option", "figure", "says"):
        table.add_column(word(f"cited_{key}", language))
    for item in cited:
        if item.figure is not None:
            shown: Text | str = Text(item.figure.sentence)
            label = item.figure.label or ""
        else:
            shown = Text(item.problem or "", style="red")
            label = item.option or ""
        table.add_row(escape(item.finding), escape(item.question), escape(label), shown, escape(item.says or ""))
    return table


def load_survey_question(project: Project, source: str, name: str) -> SurveyQuestion | None:
    """A question of an imported survey by question or variable name (a grid item by its variable)."""
    from hkh.survey.codebook import Codebook

    path = survey_directory(project, source) / CODEBOOK_FILE
    codebook = Codebook.load(path, project.path(SURVEY_DIR / source / CODEBOOK_FILE))
    found = codebook.question(str(name))
    return _adapt_question(found) if found is not None else None


# ------------------------------------------------------------------------------------------------ words




def word(key: str, language: str) -> str:
    return labels.text(key, language, labels.SURVEY)


def shown_count_text(option: OptionCount, min_cell: int) -> str:
    return f"<{min_cell}" if option.suppressed else str(option.count)


def shown_percent_text(option: OptionCount, language: str) -> str:
    return "" if option.percent is None else phrases.format_percent(option.percent, language)


def base_text(table: QuestionTable | GroupTable, min_cell: int) -> str:
    return f"<{min_cell}" if table.base_suppressed else str(table.base)


# ------------------------------------------------------------------------------------------------ terminal


def render_survey_tables(tables: SurveyTables) -> list["RenderableType"]:
    """One rich table per question (open text as one line), in codebook order."""
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    language = tables.language
    out: list[RenderableType] = []
    for question in tables.questions:
        # question texts and labels come from the survey: "[" in them must not be read as rich markup
        title = escape(f"{question.name}: {question.text}")
        base = base_text(question, tables.min_cell)
        if question.type == "open":
            out.append(Text.from_markup(f"{title} — {word('open_note', language).format(n=base)}"))
            continue
        if question.type == "date":
            out.append(Text.from_markup(f"{title} — {word('date_note', language).format(n=base)}"))
            continue
        if question.type == "number" and question.summary is not None:
            table = Table(title=title, title_justify="left", caption=f"n = {base}", caption_justify="left")
            table.add_column(word("statistic", language))
            table.add_column(word("value", language), justify="right")
            summary = question.summary
            for key, value in (
                ("mean", summary.mean), ("median", summary.median), ("min", summary.minimum), ("max", summary.maximum)
            ):
                table.add_row(word(key, language), "" if value is None else phrases.format_number(value, language, 1))
            out.append(table)
            continue
        caption = f"n = {base}"
        if question.type == "multiple":
            caption += f"; {word('multiple_note', language)}"
        if any(o.suppressed for o in question.options) or question.base_suppressed:
            caption += f"; {word('suppressed_note', language).format(min_cell=tables.min_cell)}"
        table = Table(title=title, title_justify="left", caption=caption, caption_justify="left")
        table.add_column(word("option", language))
        table.add_column(word("count", language), justify="right")
        table.add_column("%", justify="right")
        table.add_column(word("phrase", language))
        for option in question.options:
            phrase = option.phrase or (f"({word('not_in_base', language)})" if option.non_substantive else "")
            table.add_row(
                escape(option.label), shown_count_text(option, tables.min_cell), shown_percent_text(option, language), phrase
            )
        out.append(table)
        if question.breakdown is not None:
            out.append(_render_breakdown(question, tables))
    return out


def _render_breakdown(question: QuestionTable, tables: SurveyTables) -> "RenderableType":
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    language = tables.language
    breakdown = question.breakdown
    assert breakdown is not None
    by_text = tables.by.question if tables.by else breakdown.variable
    title = escape(f"{question.name} × {by_text}")
    if breakdown.refused:
        return Text(f"{question.name} × {by_text}: {breakdown.refused}")
    table = Table(title=title, title_justify="left")
    table.add_column(word("option", language))
    for group in breakdown.groups:
        table.add_column(escape(f"{group.label}\n(n = {base_text(group, tables.min_cell)})"), justify="right")
    for position, option in enumerate(question.options):
        cells = []
        for group in breakdown.groups:
            cell = group.options[position]
            shown = shown_count_text(cell, tables.min_cell)
            if cell.percent is not None:
                shown += f" ({phrases.format_percent(cell.percent, language)})"
            cells.append(shown)
        table.add_row(escape(option.label), *cells)
    return table


# ------------------------------------------------------------------------------------------------ files


def workbook_path(project: Project, language: str) -> Path:
    return project.out_dir / word("workbook_file", language)


def figures_dir(project: Project, language: str) -> Path:
    return project.out_dir / word("figures_dir", language)


def figure_path(project: Project, source: str, question: str, language: str) -> Path:
    """Where the bar chart of one question is written (the report links it from here)."""
    from hkh.outputs.excel import FORBIDDEN_SHEET_CHARACTERS

    safe = FORBIDDEN_SHEET_CHARACTERS.sub("_", f"{source}-{question}").replace(" ", "_")
    return figures_dir(project, language) / f"{safe}.png"


def write_survey_outputs(
    project: Project,
    tables: SurveyTables,
    language: str,
    output: Path | None = None,
    force: bool = False,
) -> list[Path]:
    """The workbook (out/sporreundersokelse.xlsx, or `output`) and one bar chart per tabulated question."""
    from hkh.core.guard import OutputGuard
    from hkh.outputs.charts.survey import chart_png

    guard = OutputGuard(project.out_dir, force=force, display=project.path("out"))
    written: list[Path] = []
    target = output if output is not None else workbook_path(project, language)
    workbook_guard = guard
    if output is not None:
        resolved = output.resolve()
        if project.out_dir.resolve() not in resolved.parents:
            workbook_guard = OutputGuard(resolved.parent, force=force, display=project.show(resolved.parent))
    data = workbook_bytes(tables, language)
    workbook_guard.write_bytes(target, data)
    written.append(target)
    for question in tables.questions:
        if not question.tabulated or question.base_suppressed or not question.options:
            continue
        png = chart_png(question, language, tables.min_cell)
        written.append(guard.write_bytes(figure_path(project, tables.source, question.name, language), png))
    return written


def workbook_bytes(tables: SurveyTables, language: str) -> bytes:
    """The survey workbook: an index sheet linking one tidy sheet per question."""
    import io

    from hkh.outputs import excel

    workbook = excel.new_workbook()
    index = workbook.create_sheet(excel.safe_sheet_name(word("index_sheet", language)))
    taken = [index.title]
    sheet_of: dict[str, str] = {}
    for question in tables.questions:
        if question.type == "open":
            continue
        name = excel.safe_sheet_name(question.name, taken, fallback="Q")
        taken.append(name)
        sheet_of[question.name] = name
        _question_sheet(workbook.create_sheet(name), question, tables, language)

    header = [word(k, language) for k in ("question", "text", "type", "base", "sheet")]
    index.cell(row=1, column=1, value=f"{word('index_title', language)}: {tables.source}")
    excel.style_title(index, 1)
    index.cell(row=2, column=1, value=word("suppressed_note", language).format(min_cell=tables.min_cell))
    header_row = 4
    rows = []
    for question in tables.questions:
        base: int | str = f"<{tables.min_cell}" if question.base_suppressed else question.base
        rows.append([question.name, question.text, word(f"type_{question.type}", language), base, None])
    excel.write_rows(index, header, rows, start_row=header_row, number_formats={3: excel.INTEGER_FORMAT})
    for row, question in enumerate(tables.questions, start=header_row + 1):
        cell = index.cell(row=row, column=5)
        if question.name in sheet_of:
            excel.link_to_sheet(cell, sheet_of[question.name])
        else:
            cell.value = word("not_shown", language)
    excel.finish_table(index, header_row=header_row, wrap=[2], fixed_widths={1: 18, 2: 70}, title=tables.source)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _question_sheet(ws: Any, question: QuestionTable, tables: SurveyTables, language: str) -> None:
    from hkh.outputs import excel

    min_cell = tables.min_cell
    ws.cell(row=1, column=1, value=f"{question.name}: {question.text}")
    excel.style_title(ws, 1)
    base: int | str = f"<{min_cell}" if question.base_suppressed else question.base
    ws.cell(row=2, column=1, value=word("base", language))
    ws.cell(row=2, column=2, value=base)
    note = []
    if question.type == "multiple":
        note.append(word("multiple_note", language))
    note.append(word("suppressed_note", language).format(min_cell=min_cell))
    ws.cell(row=3, column=1, value="; ".join(note))
    header_row = 5
    if question.type == "number" and question.summary is not None:
        summary = question.summary
        rows = [
            [word(key, language), value]
            for key, value in (
                ("mean", summary.mean), ("median", summary.median), ("min", summary.minimum), ("max", summary.maximum)
            )
        ]
        excel.write_rows(ws, [word("statistic", language), word("value", language)], rows, start_row=header_row,
                         number_formats={1: "0.00"})
        excel.finish_table(ws, header_row=header_row, title=question.name, filter_rows=False)
        return
    if not question.tabulated:
        excel.finish_table(ws, header_row=2, title=question.name, filter_rows=False)
        return
    header = [word(k, language) for k in ("group", "group_base", "code", "option", "count", "percent", "phrase")]

    def option_rows(group_label: str, group_base: int | str, options: list[OptionCount]) -> list[list[Any]]:
        return [
            [
                group_label,
                group_base,
                option.code,
                option.label,
                f"<{min_cell}" if option.suppressed else option.count,
                None if option.percent is None else phrases.round_half_up(option.percent / 100, 3),
                option.phrase or (word("not_in_base", language) if option.non_substantive else None),
            ]
            for option in options
        ]

    rows = option_rows(word("all", language), base, question.options)
    if question.breakdown is not None and not question.breakdown.refused:
        for group in question.breakdown.groups:
            group_base: int | str = f"<{min_cell}" if group.base_suppressed else group.base
            rows += option_rows(group.label, group_base, group.options)
    excel.write_rows(
        ws,
        header,
        rows,
        start_row=header_row,
        number_formats={1: excel.INTEGER_FORMAT, 4: excel.INTEGER_FORMAT, 5: excel.PERCENT_FORMAT},
    )
    if question.breakdown is not None and question.breakdown.refused:
        ws.cell(row=ws.max_row + 2, column=1, value=question.breakdown.refused)
    excel.finish_table(ws, header_row=header_row, wrap=[4], fixed_widths={1: 18, 4: 40}, title=question.name)


__all__ = [
    "CitedFigure",
    "EvidenceFigure",
    "QuestionTable",
    "SurveyData",
    "SurveyTables",
    "build_survey_tables",
    "cited_figures",
    "combine_options",
    "evidence_figure",
    "figure_path",
    "list_imported_surveys",
    "load_survey_data",
    "load_survey_question",
    "render_cited_figures",
    "render_survey_tables",
    "suppress_cells",
    "workbook_path",
    "write_survey_outputs",
]
