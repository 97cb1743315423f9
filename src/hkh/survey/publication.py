"""The survey tables a project has published, protected together, and the record that remembers them.

Every table hkh publishes from one imported survey (the one-way table of every question, and every breakdown by a
background question: `hkh survey --by X`, and the tables the report, workbooks and charts show) is one publication.
Its counts are cells of the disclosure engine (`hkh.survey.disclosure`), and which of them are hidden is chosen by
`protect` over all of them at once, so that no combination of published tables narrows a hidden count down.

The record, `data/survey/<source>/published.json`, says which breakdowns have been published and which counts were
hidden in them, with their marks. A later publication is protected jointly with it: what was shown stays shown, what
was hidden stays hidden, and a new breakdown that cannot be published safely beside them is refused
(`DisclosureRefusedError`). The record belongs to the imported data: it carries a fingerprint of `responses.csv` and
`codebook.yaml`, a new import (`hkh import --replace`) replaces the whole folder and so starts a new record, and a
record whose fingerprint no longer matches (the files were edited by hand) is set aside for a new one. It also
carries the threshold it was made with: a project's `min_cell` may be raised later (the stricter tables then hide
everything the record hides, and more), never lowered below the record's.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hkh.core.errors import HkhError, worded
from hkh.project.load import PUBLISHED_RECORD
from hkh.survey.bases import TABULATED_TYPES, Columns
from hkh.survey.disclosure import (
    Cell,
    DisclosureRefused,
    Margin,
    Mark,
    Question,
    Tables,
    combine,
    one_way_table,
    protect,
    two_way_table,
)
from hkh.survey.store import CODEBOOK, RESPONSES, SurveyData, SurveyQuestion

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pandas as pd

RECORD = PUBLISHED_RECORD
RECORD_FORMAT = 1
# a breakdown shows a group only when it has at least this many times min_cell people: in a smaller group a small
# count and the count hidden beside it are both close to the group's size, and the secondary mark (":", at least
# min_cell) would give the small one away
GROUP_FACTOR = 2

SMALL = "small"  # a count from 1 to min_cell - 1: shown as "<5"
SECONDARY = "secondary"  # hidden only so that a small count cannot be worked out: shown as ":"


class DisclosureRefusedError(HkhError):
    """A breakdown that, published beside the tables already out, would let a hidden count be worked out."""

    code = "disclosure-refused"


class MinCellLoweredError(HkhError):
    """`--min-cell` (or a project's `min_cell`) below the threshold the tables were published with."""

    code = "min-cell-lowered"


@dataclass(frozen=True)
class Publication:
    """The tables of one command, with their counts (the engine's cells) and what is hidden, by mark."""

    tables: Tables
    marks: Mapping[Cell, str]  # hidden cells: SMALL or SECONDARY
    min_cell: int
    breakdowns: tuple[str, ...]  # every breakdown published so far, this one included

    def mark(self, cell: Cell) -> str | None:
        return self.marks.get(cell)

    def shown(self, cell: Cell) -> bool:
        return cell in self.tables.values and cell not in self.tables.unpublished


# ------------------------------------------------------------------------------------------------ the cells


def engine_question(question: SurveyQuestion) -> Question:
    """A survey question as the engine's shapes see it: its options in table order."""
    if question.type == "multiple":
        codes = tuple(o.code for o in question.options if o.variable)
        return Question(question.name, codes, question.non_substantive & frozenset(codes), multiple=True)
    return Question(question.name, tuple(o.code for o in question.options), question.non_substantive)


def engine_answers(question: SurveyQuestion, columns: Columns, answered: pd.Series) -> list[Any]:
    """One entry per respondent: the code (single choice), the set of ticked codes (multiple choice), or None for
    a respondent who did not answer (`hkh.survey.bases`)."""
    mask = answered.to_numpy(dtype=bool)
    if question.type == "multiple":
        ticked = [(o.code, columns.numeric(o.variable).eq(1).to_numpy()) for o in question.options if o.variable]
        return [
            frozenset(code for code, column in ticked if column[row]) if mask[row] else None
            for row in range(len(mask))
        ]
    values = columns.numeric(question.variables[0]).to_numpy()
    return [int(value) if mask[row] and value == value else None for row, value in enumerate(values)]


class _Answers:
    """The engine's view of every tabulated question of a survey, made once."""

    def __init__(self, survey: SurveyData, columns: Columns, answered: Mapping[str, pd.Series]) -> None:
        self.items: dict[str, tuple[Question, list[Any]]] = {
            q.name: (engine_question(q), engine_answers(q, columns, answered[q.name]))
            for q in survey.questions
            if q.type in TABULATED_TYPES
        }

    def one_way(self) -> list[Tables]:
        return [one_way_table(question, answers) for question, answers in self.items.values()]

    def breakdown(self, by: str, min_cell: int) -> list[Tables]:
        """Every question by `by`; groups of fewer than GROUP_FACTOR x `min_cell` people are left out, and so is the
        group of those who did not answer `by` (`two_way_table`): it tells little about the background question, and
        as the rest of every group it made most breakdowns of generated surveys of 400 respondents unsafe (a small
        count in it is known from the group sizes and bases published before)."""
        by_question, by_answers = self.items[by]
        return [
            two_way_table(question, answers, by_question, by_answers, smallest_group=GROUP_FACTOR * min_cell,
                          no_answer_group=False)
            for name, (question, answers) in self.items.items()
            if name != by
        ]

    def tables(self, breakdowns: Iterable[str], min_cell: int) -> Tables:
        parts = self.one_way()
        for by in breakdowns:
            parts += self.breakdown(by, min_cell)
        return combine(*parts)


def published_cells(tables: Tables) -> set[Cell]:
    return {cell for cell in tables.values if cell not in tables.unpublished}


# ------------------------------------------------------------------------------------------------ the record


def fingerprint(survey: SurveyData) -> str:
    digest = hashlib.sha256()
    for name in (RESPONSES, CODEBOOK):
        digest.update((survey.directory / name).read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def _encode(cell: Cell) -> list[list[Any]]:
    items: frozenset[tuple[str, Any]] = cell  # type: ignore[assignment]
    pairs = sorted(items, key=lambda pair: (pair[0], isinstance(pair[1], Margin), str(pair[1])))
    return [[name, f"#{value.value}" if isinstance(value, Margin) else value] for name, value in pairs]


def _decode(pairs: Any) -> Cell:
    if not isinstance(pairs, list):
        raise ValueError("a cell is a list of [question, answer] pairs")
    decoded: set[tuple[str, Hashable]] = set()
    for pair in pairs:
        if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str)):
            raise ValueError("a cell is a list of [question, answer] pairs")
        name, value = pair
        if isinstance(value, str) and value.startswith("#"):
            decoded.add((name, Margin(value[1:])))
        elif isinstance(value, int) and not isinstance(value, bool):
            decoded.add((name, value))
        else:
            raise ValueError(f"an answer is {value!r}")
    return frozenset(decoded)


@dataclass(frozen=True)
class Record:
    data: str
    min_cell: int
    breakdowns: tuple[str, ...]
    marks: Mapping[Cell, str]

    def to_text(self) -> str:
        hidden = sorted(([_encode(cell), mark] for cell, mark in self.marks.items()), key=json.dumps)
        content = {
            "format": RECORD_FORMAT,
            "about": "the survey tables hkh has published from this import, and the counts hidden in them "
            "(`hkh docs privacy`); a new import starts a new record",
            "data": self.data,
            "min_cell": self.min_cell,
            "breakdowns": list(self.breakdowns),
            "hidden": [{"cell": cell, "mark": mark} for cell, mark in hidden],
        }
        return json.dumps(content, ensure_ascii=False, indent=1) + "\n"


def read_record(survey: SurveyData) -> Record | None:
    """The record of this survey's publications, or None when there is none for the data as it is now."""
    path = survey.directory / RECORD
    if not path.is_file():
        return None
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
        if content.get("format") != RECORD_FORMAT:
            raise ValueError(f"format {content.get('format')!r}")
        marks = {_decode(item["cell"]): item["mark"] for item in content["hidden"]}
        if set(marks.values()) - {SMALL, SECONDARY}:
            raise ValueError("a mark is neither small nor secondary")
        record = Record(str(content["data"]), int(content["min_cell"]), tuple(map(str, content["breakdowns"])), marks)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise HkhError(
            "survey-record-unreadable", path=f"{survey.responses_display.rsplit('/', 1)[0]}/{RECORD}", reason=str(exc)
        ) from None
    if record.data != fingerprint(survey):
        return None  # the data changed by hand since: the record describes other counts
    return record


def _write_record(survey: SurveyData, record: Record) -> None:
    from hkh.core.files import write_text_atomic

    write_text_atomic(survey.directory / RECORD, record.to_text())


# ------------------------------------------------------------------------------------------------ publishing


def protection_level(min_cell: int, setting: int | None) -> int:
    """The narrowest interval a hidden count (small or secondary) may be known to lie in: the project's
    `settings.protection`, by default 2 (a count shown as "<5" is never known closer than to three values), at most
    min_cell - 2."""
    return max(1, min(DEFAULT_PROTECTION if setting is None else setting, min_cell - 2))


DEFAULT_PROTECTION = 2


def publish(
    survey: SurveyData,
    columns: Columns,
    answered: Mapping[str, pd.Series],
    *,
    project_min_cell: int,
    min_cell: int,
    protection: int | None,
    by: str | None,
    describe: Any,
    record_root: Any = None,
) -> Publication:
    """Protect the one-way tables, and the breakdown by `by`, jointly with everything published before, and record
    the publication. `min_cell` is at least `project_min_cell` (`--min-cell` may only raise it). `describe` turns
    a cell into words for a refusal; `record_root` is the project folder, whose lock guards the record (None:
    neither read nor write a record, for tables that are never published)."""
    answers = _Answers(survey, columns, answered)
    if record_root is None:
        return _protect_alone(answers, min_cell, protection_level(min_cell, protection), by, describe)
    from hkh.core.lock import project_lock

    with project_lock(record_root):
        record = read_record(survey)
        level = project_min_cell if record is None else record.min_cell
        if min_cell < level:
            # the project's own min_cell lowered since the tables went out, or a lower --min-cell
            entry = "survey.min_cell_setting_lowered" if min_cell == project_min_cell else "survey.min_cell_lowered"
            raise worded(MinCellLoweredError, entry, given=min_cell, level=level)
        before = record.breakdowns if record is not None else ()
        wanted = before + ((by,) if by is not None and by not in before else ())
        if record is None or wanted != before:
            record = _extend(survey, answers, record, level, protection_level(level, protection), before, wanted,
                             describe, by)
            _write_record(survey, record)
    shown = (by,) if by is not None else ()
    tables = answers.tables(shown, level)
    marks = {cell: mark for cell, mark in record.marks.items() if cell in tables.values}
    if min_cell > level:
        marks = _stricter(tables, marks, min_cell, protection_level(min_cell, protection), describe, by)
    return Publication(tables, marks, min_cell, record.breakdowns)


def _extend(
    survey: SurveyData, answers: _Answers, record: Record | None, level: int, width: int, before: tuple[str, ...],
    wanted: tuple[str, ...], describe: Any, by: str | None,
) -> Record:
    """The record with the breakdowns `wanted` published: protected jointly with what was published before."""
    tables = answers.tables(wanted, level)
    already_hidden = set(record.marks) if record is not None else set()
    already_shown: set[Cell] = set()
    if record is not None:
        already_shown = published_cells(answers.tables(before, level)) - already_hidden
    try:
        outcome = protect(tables, level, width, already_shown=already_shown, already_hidden=already_hidden)
    except DisclosureRefused as refusal:
        raise _refused(refusal, before, by, describe) from None
    marks = {cell: SMALL if outcome.marks[cell] is Mark.SMALL else SECONDARY for cell in outcome.hidden}
    return Record(fingerprint(survey), level, wanted, marks)


def _protect_alone(answers: _Answers, min_cell: int, width: int, by: str | None, describe: Any) -> Publication:
    shown = (by,) if by is not None else ()
    tables = answers.tables(shown, min_cell)
    try:
        outcome = protect(tables, min_cell, width)
    except DisclosureRefused as refusal:
        raise _refused(refusal, (), by, describe) from None
    marks = {cell: SMALL if outcome.marks[cell] is Mark.SMALL else SECONDARY for cell in outcome.hidden}
    return Publication(tables, marks, min_cell, shown)


def _stricter(
    tables: Tables, marks: Mapping[Cell, str], min_cell: int, width: int, describe: Any, by: str | None
) -> dict[Cell, str]:
    """A raised threshold: the tables protected on their own at `min_cell`, hiding everything the record hides.
    A count the record hides as secondary keeps its mark ":" (its count may be under the raised threshold, but
    saying so would tell a reader of both more than either says)."""
    try:
        outcome = protect(tables, min_cell, width, already_hidden=set(marks))
    except DisclosureRefused as refusal:
        raise _refused(refusal, (), by, describe) from None
    stricter = {cell: SMALL if outcome.marks[cell] is Mark.SMALL else SECONDARY for cell in outcome.hidden}
    stricter.update({cell: SECONDARY for cell, mark in marks.items() if mark == SECONDARY})
    return stricter


def _refused(refusal: DisclosureRefused, before: tuple[str, ...], by: str | None, describe: Any) -> HkhError:
    """The refusal, naming the counts that could be worked out, but not how closely: the interval a reader could
    narrow a small count to would tell whoever reads the message (a log, a screenshot to a colleague) the count."""
    cells = "; ".join(describe(cell) for cell in refusal.cells)
    if by is None:
        return worded(DisclosureRefusedError, "survey.tables_unsafe", cells=cells)
    if not before:
        return worded(DisclosureRefusedError, "survey.breakdown_unsafe_first", by=by, cells=cells)
    return worded(DisclosureRefusedError, "survey.breakdown_unsafe", by=by, earlier=", ".join(before), cells=cells)
