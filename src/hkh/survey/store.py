"""Imported surveys on disk: which there are, and reading one back.

On disk (the contract other modules rely on): `data/survey/<source>/responses.csv` (UTF-8, one row per respondent
who answered, identifiers dropped, codes as integers, blank = missing, `_status` last) and
`data/survey/<source>/codebook.yaml` (see `hkh.survey.codebook.Codebook`, its one reader). `hkh import`
(`hkh.survey.importing`) writes them; the source is registered in `sources.yaml`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hkh.core.errors import HkhError, SurveyNotImportedError, UsageError
from hkh.core.files import is_temporary
from hkh.project.load import SURVEY_DIR, display_path
from hkh.survey.codebook import CHOICE_TYPES, Codebook, Question

if TYPE_CHECKING:  # pandas is imported only where a frame is built
    import pandas as pd

    from hkh.project.load import Project

RESPONSES = "responses.csv"
CODEBOOK = "codebook.yaml"
STATUS_COLUMN = "_status"


# -------------------------------------------------------------------------------------------------------- reading


@dataclass
class Survey:
    """One imported survey: its codebook and its answers (one row per respondent, columns as in responses.csv)."""

    source_id: str
    directory: Path
    codebook: Codebook
    frame: pd.DataFrame

    def question(self, name: str) -> Question | None:
        return self.codebook.question(name)

    def answered(self, question: Question | str) -> pd.Series:
        """True for respondents who answered the question (for multiple choice: ticked at least one option)."""
        found = self.codebook.question(question) if isinstance(question, str) else question
        if found is None:
            raise UsageError("survey-no-question", source=self.source_id, question=question)
        return self.frame[found.variables].notna().any(axis=1)

    @property
    def status(self) -> pd.Series:
        return self.frame[STATUS_COLUMN]


def _root(project: Project | Path) -> Path:
    return project if isinstance(project, Path) else project.root


def survey_dir(project: Project | Path, source_id: str) -> Path:
    return _root(project) / SURVEY_DIR / source_id


def list_imported_surveys(project: Project | Path) -> list[str]:
    """Ids of the imported surveys, sorted: folders under data/survey/ holding a codebook, leaving out hidden and
    temporary folders (an import killed half-way leaves one; it is not a survey)."""
    base = _root(project) / SURVEY_DIR
    if not base.is_dir():
        return []
    return sorted(
        p.name
        for p in base.iterdir()
        if p.is_dir() and not p.name.startswith(".") and not is_temporary(p) and (p / CODEBOOK).is_file()
    )


def load_survey(project: Project | Path, source_id: str | None = None, *, codes_as_float: bool = False) -> Survey:
    """The imported survey `source_id`, or the only one. Codes become nullable integers, open text stays text.

    With `codes_as_float`, codes and numbers stay float64 as read (NaN for blank; codes are still checked to be whole
    numbers) and text stays as read: the answers are not copied into new types, which is all that counting needs
    (hkh.survey.tables) and took over half of a large survey's memory."""
    import pandas as pd

    root = _root(project)
    source_id = choose_source(root, source_id)
    directory = survey_dir(root, source_id)
    shown = display_in(root, directory / CODEBOOK)
    codebook = Codebook.load(directory / CODEBOOK, shown)
    responses = directory / RESPONSES
    shown_responses = display_in(root, responses)
    if not responses.is_file():
        raise SurveyNotImportedError("answers-missing", path=shown_responses)
    from hkh.core.limits import MAX_RESPONSES_BYTES, check_regular

    check_regular(responses, shown_responses, MAX_RESPONSES_BYTES)
    options: dict[str, Any] = {"keep_default_na": False, "na_values": [""], "encoding": "utf-8", "encoding_errors": "strict"}
    numeric = {v: "float64" for q in codebook.questions if q.type in (*CHOICE_TYPES, "number") for v in q.variables}
    numeric[STATUS_COLUMN] = "float64"
    expected = codebook.columns() + [STATUS_COLUMN]
    wanted = set(expected)
    # only the codebook's columns: a column the codebook does not list is never analysed
    options["usecols"] = lambda name: name in wanted
    try:
        try:
            # codes and numbers straight to float64: 8 bytes a cell instead of a Python string, and parsed in C
            # (a 100,000-row survey took over a gigabyte as text)
            frame = pd.read_csv(responses, dtype=defaultdict(lambda: "str", numeric), **options)
        except ValueError:
            # some cell is not a number: read everything as text, so that the check below names the cell
            frame = pd.read_csv(responses, dtype=str, **options)
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError):
        raise HkhError("answers-unreadable", path=shown_responses) from None
    missing = [c for c in expected if c not in frame.columns]
    if missing:
        raise HkhError("answers-column-missing", path=shown_responses, line=1, column=missing[0])
    converted: dict[str, Any] = {}
    for question in codebook.questions:
        for variable in question.variables:
            column = frame[variable]
            if question.type in CHOICE_TYPES:
                converted[variable] = _integers(column, shown_responses, variable, nullable=not codes_as_float)
            elif question.type == "number":
                numbers = column if column.dtype == "float64" else pd.to_numeric(column, errors="coerce")
                converted[variable] = numbers if codes_as_float else numbers.astype("Float64")
            else:
                converted[variable] = column if codes_as_float else column.astype("string")
    converted[STATUS_COLUMN] = _integers(
        frame[STATUS_COLUMN], shown_responses, STATUS_COLUMN, nullable=not codes_as_float
    )
    index = frame.index
    del frame  # the text or float64 read is freed as soon as nothing converted refers to it
    # copy=False: the columns are already separate arrays; the default would copy them all into one block
    result = pd.DataFrame(converted, index=index, copy=False)
    return Survey(source_id, directory, codebook, result)


def _integers(column: pd.Series, shown: str, name: str, *, nullable: bool = True) -> pd.Series:
    """The column's codes, checked to be whole numbers: Int64, or float64 with NaN for blank when not `nullable`."""
    import numpy as np
    import pandas as pd

    # to_numeric copies even a float64 column: one copy of every code column when nothing needs converting
    numbers = column if column.dtype == "float64" else pd.to_numeric(column, errors="coerce")
    values = numbers.to_numpy(dtype="float64", na_value=np.nan)
    # a hand-edited file may hold 1.5, 1e400 or a 20-digit number: none of them is a code, and Int64 cannot hold them
    with np.errstate(invalid="ignore"):
        whole = np.isfinite(values) & (np.floor(values) == values) & (np.abs(values) < 2**53)
    bad = column.notna() & ~pd.Series(whole, index=column.index)
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0]) + 2
        raise HkhError("answers-not-code", path=shown, line=row, value=column[bad].iloc[0], column=name)
    if not nullable:
        return numbers if numbers.dtype == "float64" else pd.Series(values, index=column.index)
    return numbers.astype("Int64")


def safe_file_name(text: str) -> str:
    """A file name made from a survey's names: characters that Windows or Excel refuse become `_`."""
    return re.sub(r"[\[\]:*?/\\<>|\"\s]", "_", text)


def display_in(root: Path, path: Path) -> str:
    """A path below the project as messages show it."""
    try:
        return display_path(root, path.relative_to(root))
    except ValueError:
        return str(path)


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
    frame: pd.DataFrame
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


def choose_source(project: Project | Path, source_id: str | None) -> str:
    """The survey a command works on: the one named, or the only one imported."""
    root = _root(project)
    imported = list_imported_surveys(root)
    if source_id is not None:
        if source_id not in imported:
            raise SurveyNotImportedError(
                "survey-not-imported", path=display_in(root, root / SURVEY_DIR / source_id), source=source_id
            )
        return source_id
    if not imported:
        raise SurveyNotImportedError("no-survey-imported", path=display_in(root, root / SURVEY_DIR))
    if len(imported) > 1:
        raise UsageError("several-surveys", surveys=imported)
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
        responses_display=project.path(SURVEY_DIR / source / RESPONSES),
    )
