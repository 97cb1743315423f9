"""Who answered a question: the base of every count.

- Single choice and grid items: a non-blank cell, so a conditional follow-up and a partial respondent who stopped
  early each get their own base.
- Multiple choice: SurveyXact writes 0 in every checkbox even for people who never saw the question, so an all-zero
  row is not an answer by itself. A respondent answered if at least one box is ticked; an all-zero row counts as
  "answered, ticked nothing" only when the respondent demonstrably got past the question (completed the survey, or
  answered a later question) and was not routed around it. Routing is not in the export, so it is inferred from the
  nearest preceding single-choice question: when everyone who ticked something gave one of only some of its
  answers (everyone with a weapon type said yes to carrying a weapon), the others were not asked. A blank checkbox
  (the importer blanks what a respondent never reached) is never an answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hkh.core.errors import HkhError
from hkh.survey.store import STATUS_COLUMN, SurveyData, SurveyQuestion

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas as pd

CODED_TYPES = ("single", "grid_item")
TABULATED_TYPES = ("single", "grid_item", "multiple")
STATUS_COMPLETED = 4  # SurveyXact's statoverall code for a completed questionnaire


class Columns:
    """Numeric views of the response columns, made once per survey; blanks become NaN."""

    def __init__(self, survey: SurveyData) -> None:
        self.survey = survey
        self._numeric: dict[str, pd.Series] = {}

    def _typed(self, variable: str) -> pd.Series | None:
        """The column as floats (NaN for blank) when it is already numeric, else None (text to be parsed)."""
        import numpy as np
        import pandas as pd

        column = self.survey.frame[variable]
        if column.dtype == np.float64:
            return column  # as load_survey_data reads codes: no copy
        if not pd.api.types.is_numeric_dtype(column.dtype) or pd.api.types.is_bool_dtype(column.dtype):
            return None
        return pd.Series(column.to_numpy(dtype="float64", na_value=np.nan), index=column.index)

    def _text(self, variable: str) -> pd.Series:
        return self.survey.frame[variable].astype("string").fillna("").astype(object).str.strip()

    def nonblank(self, variable: str) -> pd.Series:
        typed = self._typed(variable)
        if typed is not None:
            return typed.notna()
        return self._text(variable) != ""

    def numeric(self, variable: str, *, decimals: bool = False) -> pd.Series:
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
                    "answers-not-number",
                    path=self.survey.responses_display,
                    line=row,
                    column=variable,
                    value=raw[unreadable].iloc[0],
                )
            if not decimals and (values.dropna() % 1 != 0).any():
                raise HkhError("answers-codes-not-whole", path=self.survey.responses_display, column=variable)
            self._numeric[key] = values
        return self._numeric[key]

    def status(self) -> pd.Series | None:
        if STATUS_COLUMN not in self.survey.frame.columns:
            return None
        return self.numeric(STATUS_COLUMN)


def _any_answer(question: SurveyQuestion, columns: Columns) -> pd.Series:
    """Plainly visible evidence that a respondent saw the question (used to tell who got past earlier ones)."""
    if question.type == "multiple":
        return _ticked_any(question, columns)
    if question.type in CODED_TYPES:
        return columns.numeric(question.variables[0]).notna()
    return columns.nonblank(question.variables[0])


def _option_columns(question: SurveyQuestion, columns: Columns) -> list[pd.Series]:
    return [columns.numeric(option.variable) for option in question.options if option.variable]


def _ticked_any(question: SurveyQuestion, columns: Columns) -> pd.Series:
    import pandas as pd

    ticks = _option_columns(question, columns)
    if not ticks:
        return pd.Series(False, index=columns.survey.frame.index)
    return pd.concat([t.eq(1) for t in ticks], axis=1).any(axis=1)


def answer_masks(survey: SurveyData, columns: Columns) -> dict[str, pd.Series]:
    """For every question, who answered it (see the module's docstring for the rules)."""
    import pandas as pd

    index = survey.frame.index
    visible = [_any_answer(q, columns) for q in survey.questions]
    later: list[pd.Series] = [pd.Series(False, index=index)] * len(survey.questions)
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


def _routed_away(survey: SurveyData, position: int, ticked: pd.Series, columns: Columns) -> pd.Series:
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
