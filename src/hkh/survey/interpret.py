"""Building the codebook of an imported survey, and its cleaned answers, from SurveyXact's tables.

From the tables read by `hkh.survey.structure`, `build_survey` makes one `Question` per table a report would show:
single choice, multiple choice (one 0/1 column per option), grid items, open text, numbers and dates, in
questionnaire order, with option codes taken from Structure's `choiceValue` and value labels in Labels order. System
columns (status families, timestamps, ids) are not questions; the overall status becomes `_status`. Identifiers are
dropped (see `hkh.survey.privacy`).

The format's traps, which the code below handles on purpose (section numbers of docs/surveyxact-format.md §11):
checkbox columns hold 0 even for people who never saw the question (§11.8), option suffixes are positions, not
codes (§11.13), question types must come from Structure, not names (§11.12), short 8-character names cannot be
derived from long ones (§11.16), and "other, specify" text fields link to their question only by text (§11.15).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from hkh.core.errors import ExportFormatError
from hkh.survey.codebook import Codebook, Option, Question, Respondents
from hkh.survey.privacy import identifier_reason
from hkh.survey.structure import (
    CLOSETIME_NAMES,
    STATUS_NAMES,
    SYSTEM_NAMES,
    SYSTEM_QUESTIONS,
    StructRow,
    clean_text,
    is_non_substantive,
    parse_date,
    parse_labels,
    parse_number,
    parse_structure,
    parse_variables,
)
from hkh.survey.surveyxact import ProgressCallback, RawExport, as_code, as_text, is_blank

# ------------------------------------------------------------------------------------------------------ building


@dataclass
class Column:
    """One dataset column and what it became."""

    index: int
    name: str
    row: StructRow | None = None
    role: str = "question"  # question | status | closetime | system | identifier
    status_code: int | None = None
    reason: str | None = None


@dataclass
class BuiltSurvey:
    """The result of interpreting an export: the codebook and the cleaned answers for responses.csv, by column."""

    codebook: Codebook
    header: list[str]
    columns: list[Sequence[Any]]
    warnings: list[str] = field(default_factory=list)
    title: str | None = None


def _choice_kind(row: StructRow) -> str:
    if row.subtype == "multiple":
        return "multiple"
    if row.subtype == "single":
        return "single"
    if row.subtype in {"double", "integer", "number", "numeric"}:
        return "number"
    if row.subtype in {"date", "datetime", "time"}:
        return "date"
    return "open"


def _split_grid(text: str) -> list[int]:
    """Positions of ` - ` separators in a cleaned question text."""
    return [m.start() for m in re.finditer(r" - ", text)] + ([0] if text.startswith("- ") else [])


def _common_grid_prefix(a: str, b: str) -> str | None:
    """The grid text two item texts share before a ` - ` (may be empty, as in `  - Hvor ble du født?`)."""
    best: str | None = None
    for cut in _split_grid(a):
        prefix = a[:cut]
        rest = a[cut:]
        sep = " - " if rest.startswith(" - ") else "- "
        if b.startswith(prefix + sep) and len(a) > len(prefix + sep) and len(b) > len(prefix + sep):
            best = prefix
    return best


def _has_grid_prefix(text: str, prefix: str) -> bool:
    """`text` is "<prefix> - <something>" (or "- <something>" for an empty grid text)."""
    head = f"{prefix} - " if prefix else "- "
    return text.startswith(head) and len(text) > len(head)


def _group_name(variables: list[str], used: set[str]) -> str:
    common = variables[0]
    for name in variables[1:]:
        while not name.startswith(common):
            common = common[:-1]
    common = common.rstrip("_0123456789") if common not in variables else common
    common = common.rstrip("_")
    name = common or f"{variables[0]}_grid"
    candidate = name
    number = 2
    while candidate.lower() in used or candidate.lower() in {v.lower() for v in variables}:
        candidate = f"{name}_grid" if number == 2 else f"{name}_grid{number}"
        number += 1
    return candidate


class _ConvertOnce(dict[Any, Any]):
    """A cell value → its conversion, filled in on first sight.

    A column repeats a handful of values thousands of times. Mapped through this, each distinct value is converted
    (and checked) once, in Python, within the one C-level pass that maps the whole column: no separate pass to
    find the distinct values, no Python work per cell (per-cell work was most of the time of a large import).
    """

    def __init__(self, convert: Callable[[Any], Any]) -> None:
        super().__init__()
        self.convert = convert

    def __missing__(self, value: Any) -> Any:
        converted = self[value] = self.convert(value)
        return converted


def _mapped(values: Sequence[Any], mapping: dict[Any, Any]) -> list[Any]:
    """`[mapping[v] for v in values]` in C (measured fastest of the C-level ways for a `_ConvertOnce`)."""
    return list(map(mapping.__getitem__, values))


class _Builder:
    def __init__(self, raw: RawExport, *, source_id: str, keep_identifiers: bool, progress: ProgressCallback | None):
        self.raw = raw
        self.dataset = raw.dataset
        self.source_id = source_id
        self.keep_identifiers = keep_identifiers
        self.progress = progress
        self.warnings: list[str] = list(raw.warnings)
        self.header: list[str] = list(self.dataset.rows[0])
        self.row_count = self.dataset.height
        # Everything below works a column at a time (the reader keeps the dataset by column): each column is
        # checked and mapped in one pass
        assert self.dataset.columns is not None, "the reader keeps a prepared dataset by column"
        self.by_column: list[Sequence[Any]] = list(self.dataset.columns)
        self.distinct_codes: dict[str, set[int]] = {}
        self.structure = parse_structure(raw.structure) if raw.structure is not None else []
        self.labels = parse_labels(raw.labels) if raw.labels is not None else {}
        self.descriptions = parse_variables(raw.variables) if raw.variables is not None else {}
        self.used_names: set[str] = set()
        # Answers as responses.csv holds them: the text of each code or number, "" for no answer. Each distinct
        # value is turned into text once; the csv module then writes text about twice as fast as numbers.
        self.values: dict[str, list[str]] = {}
        self.questions: list[Question] = []
        self.dropped: list[str] = []
        self.title: str | None = None
        if raw.structure is None and raw.labels is None:
            self.warnings.append(
                "the export has no Structure and no Labels: questions are named by their columns and answers "
                "are codes only (export again with Labels and Structure for question texts and value labels)"
            )
        elif raw.structure is None:
            self.warnings.append("the export has no Structure: question types are guessed from the answers")
        elif raw.labels is None:
            self.warnings.append("the export has no Labels: options are shown as codes only")

    # -- columns

    def classify(self) -> list[Column]:
        by_variable: dict[str, StructRow] = {}
        by_question: dict[str, list[StructRow]] = {}
        for row in self.structure:
            by_variable.setdefault(row.variable, row)
            by_question.setdefault(row.question.lower(), []).append(row)
        aliases: dict[str, StructRow] = {}
        for qname, rows in by_question.items():
            if len(rows) == 1 and rows[0].subtype != "multiple":
                aliases.setdefault(qname, rows[0])
            for position, row in enumerate(rows, start=1):
                if row.subtype == "multiple":
                    aliases.setdefault(f"{qname}_{position}", row)
        columns: list[Column] = []
        for index, name in enumerate(self.header):
            found = by_variable.get(name) or aliases.get(name)
            column = Column(index, name, found)
            found_question = found.question.lower() if found else None
            if found_question == "statoverall" or (found is None and STATUS_NAMES.match(name)):
                column.role = "status"
                if found is not None:
                    siblings = by_question.get("statoverall", [])
                    place = siblings.index(found) + 1 if found in siblings else None
                    column.status_code = found.choice_value if found.choice_value is not None else place
                else:
                    match = STATUS_NAMES.match(name)
                    column.status_code = int(match.group(1)) if match else None
            elif found_question == "closetime" or (found is None and name in CLOSETIME_NAMES):
                column.role = "closetime"
            reason = identifier_reason(name, found.question if found else None, clean_text(found.text) if found else None)
            if column.role == "question" and reason:
                column.role = "identifier"
                column.reason = reason
            elif column.role == "question" and (found_question in SYSTEM_QUESTIONS or (found is None and SYSTEM_NAMES.match(name))):
                column.role = "system"
            columns.append(column)
        if self.structure:
            known = {c.name for c in columns} | {c.row.variable for c in columns if c.row}
            missing = [r.variable for r in self.structure if r.variable not in known]
            if missing:
                self.warnings.append(
                    f"{len(missing)} variables in Structure are not in the dataset and are skipped "
                    f"({', '.join(missing[:5])}{'...' if len(missing) > 5 else ''})"
                )
        return columns

    # -- values

    def cell_error(self, message: str, row: int, column: int) -> ExportFormatError:
        return self.dataset.error(message, row + 1, column)

    def column_values(self, column: Column) -> Sequence[Any]:
        values = self.by_column[column.index]
        assert len(values) == self.row_count, f"column {column.name!r} read again after `keep` let its cells go"
        return values

    def keep(self, column: Column, texts: list[str]) -> None:
        """A question's column is final: its text is kept and the cells as read are let go at once, while they
        are still in the CPU cache (every column is one question's, read once)."""
        self.values[column.name] = texts
        self.by_column[column.index] = self.dataset.columns[column.index] = ()  # type: ignore[index,call-overload]

    def parsed_column(self, column: Column, parse: Callable[[Any], Any]) -> tuple[list[str], dict[Any, Any]]:
        """The column as text, each distinct non-blank value parsed once: the texts ("" where blank or where the
        value does not parse) and what each distinct non-blank value parsed to (None where it did not)."""
        parsed: dict[Any, Any] = {}

        def text(value: Any) -> str:
            if is_blank(value):
                return ""
            result = parsed[value] = parse(value)
            return "" if result is None else str(result)

        return _mapped(self.column_values(column), _ConvertOnce(text)), parsed

    def first_row_of(self, column: Column, values: list[Any]) -> int:
        cells = self.column_values(column)
        return min(cells.index(value) for value in values)

    def code_column(self, column: Column, allowed: set[int] | None = None) -> list[str]:
        """The column as the text of its codes ("" where blank); its distinct codes go to `distinct_codes`."""
        texts, codes = self.parsed_column(column, as_code)
        self.distinct_codes[column.name] = {code for code in codes.values() if code is not None}
        bad = [value for value, code in codes.items() if code is None or (allowed is not None and code not in allowed)]
        if bad:
            r = self.first_row_of(column, bad)
            value = self.column_values(column)[r]
            if codes[value] is None:
                raise self.cell_error(f"{as_text(value)!r} in column {column.name!r} is not a code (a whole number)", r, column.index)
            raise self.cell_error(
                f"{codes[value]} in checkbox column {column.name!r}; only 0 (not chosen) and 1 (chosen) are possible",
                r,
                column.index,
            )
        return texts

    def number_column(self, column: Column) -> list[str]:
        texts, numbers = self.parsed_column(column, parse_number)
        bad = [value for value, number in numbers.items() if number is None]
        if bad:
            r = self.first_row_of(column, bad)
            value = self.column_values(column)[r]
            raise self.cell_error(f"{as_text(value)!r} in column {column.name!r} is not a number", r, column.index)
        return texts

    def date_column(self, column: Column) -> list[str]:
        values = self.column_values(column)
        unparsed: set[Any] = set()

        def date_text(value: Any) -> str:
            if is_blank(value):
                return ""
            parsed = parse_date(value)
            if parsed is None:
                unparsed.add(value)
                return as_text(value).strip()
            return parsed

        texts = _mapped(values, _ConvertOnce(date_text))
        if unparsed:
            count = sum(1 for value in values if value in unparsed)
            self.warnings.append(f"{count} values of date column {column.name!r} are not dates; kept as text")
        return texts

    def text_column(self, column: Column) -> list[str]:
        return _mapped(self.column_values(column), _ConvertOnce(lambda value: "" if is_blank(value) else as_text(value)))

    # -- questions

    def unique_name(self, preferred: str, fallback: str) -> str:
        for candidate in (preferred, fallback):
            if candidate and candidate.lower() not in self.used_names:
                self.used_names.add(candidate.lower())
                return candidate
        number = 2
        while f"{fallback}_{number}".lower() in self.used_names:
            number += 1
        self.used_names.add(f"{fallback}_{number}".lower())
        return f"{fallback}_{number}"

    def single_options(self, name: str, codes: set[int]) -> list[Option]:
        labelled = self.labels.get(name, [])
        options = [Option(code=c, label=text) for c, text in labelled]
        known = {o.code for o in options}
        unknown = sorted(codes - known)
        if unknown:
            if labelled:
                self.warnings.append(
                    f"{name}: codes {', '.join(map(str, unknown))} have no label (added as codes; an option added "
                    "during fieldwork?)"
                )
            elif self.raw.labels is not None:
                self.warnings.append(f"{name}: no value labels; options are shown as codes")
            options.extend(Option(code=c, label=str(c)) for c in unknown)
        return options

    def tick(self) -> None:
        if self.progress:
            self.progress("reading the answers", len(self.values), len(self.header))

    def add_choice(self, qtype: str, name: str, text: str, column: Column, *, group: str | None = None,
                   group_text: str | None = None) -> None:
        self.tick()
        codes = self.code_column(column)
        self.keep(column, codes)
        key = column.name
        if key not in self.labels and column.row is not None and column.row.variable in self.labels:
            key = column.row.variable
        options = self.single_options(key, self.distinct_codes[column.name])
        self.questions.append(
            Question(
                name=name,
                type=qtype,  # type: ignore[arg-type]
                text=text,
                group=group,
                group_text=group_text,
                variables=[column.name],
                options=options,
                non_substantive=[o.code for o in options if is_non_substantive(o.label)],
            )
        )

    def add_multiple(self, name: str, text: str, members: list[tuple[Column, int, str]]) -> None:
        self.tick()
        columns = [m[0] for m in members]
        per_column = [self.code_column(c, {0, 1}) for c in columns]
        unanswered = [r for r, ticks in enumerate(zip(*per_column)) if "1" not in ticks]
        for values in per_column:
            for r in unanswered:
                values[r] = ""  # nothing ticked: the question was not answered (§11.8)
        for c, values in zip(columns, per_column):
            self.keep(c, values)
        options = [Option(code=code, label=label, variable=c.name) for c, code, label in members]
        self.questions.append(
            Question(
                name=name,
                type="multiple",
                text=text,
                variables=[c.name for c in columns],
                options=options,
                non_substantive=[o.code for o in options if is_non_substantive(o.label)],
            )
        )

    def add_plain(self, qtype: str, name: str, text: str, column: Column) -> None:
        self.tick()
        if qtype == "number":
            self.keep(column, self.number_column(column))
        elif qtype == "date":
            self.keep(column, self.date_column(column))
        else:
            self.keep(column, self.text_column(column))
        self.questions.append(Question(name=name, type=qtype, text=text, variables=[column.name]))  # type: ignore[arg-type]

    def grid_run(self, rows: list[StructRow], i: int) -> tuple[int, str | None, str | None]:
        """Where a grid starting at rows[i] ends, the grid text its items share, and the grid's name.

        A grid is either several Single variables under one questionName, or (as in readSX's export) consecutive
        Single questions, each with its own questionName, whose texts read "<grid text> - <item>"."""
        j = i + 1
        while j < len(rows) and rows[j].question == rows[i].question and _choice_kind(rows[j]) == "single":
            j += 1
        first = clean_text(rows[i].text)
        if j - i > 1:
            texts = [clean_text(r.text) for r in rows[i:j]]
            prefix = _common_grid_prefix(texts[0], texts[1])
            if prefix is not None and not all(_has_grid_prefix(t, prefix) for t in texts):
                prefix = None
            variables = [r.variable for r in rows[i:j]]
            return j, prefix, self.unique_name(rows[i].question, _group_name(variables, self.used_names))
        if j >= len(rows) or _choice_kind(rows[j]) != "single":
            return j, None, None
        prefix = _common_grid_prefix(first, clean_text(rows[j].text))
        if prefix is None:
            return j, None, None
        while (
            j < len(rows)
            and _choice_kind(rows[j]) == "single"
            and rows[j].question != rows[j - 1].question
            and _has_grid_prefix(clean_text(rows[j].text), prefix)
        ):
            j += 1
        group = _group_name([r.variable for r in rows[i:j]], self.used_names)
        self.used_names.add(group.lower())
        return j, prefix, group

    def build_structured(self, columns: list[Column]) -> None:
        by_variable = {c.row.variable: c for c in columns if c.row is not None and c.role == "question"}
        rows = [r for r in self.structure if r.variable in by_variable]
        i = 0
        while i < len(rows):
            row = rows[i]
            kind = _choice_kind(row)
            if kind == "multiple":
                j = i
                while j < len(rows) and rows[j].question == row.question and _choice_kind(rows[j]) == "multiple":
                    j += 1
                members = []
                for position, member in enumerate(rows[i:j], start=1):
                    code = member.choice_value if member.choice_value is not None else position
                    label = clean_text(member.choice_text) or str(code)
                    members.append((by_variable[member.variable], code, label))
                name = self.unique_name(row.question, row.variable)
                self.add_multiple(name, clean_text(row.text), members)
                i = j
                continue
            if kind == "single":
                j, prefix, group = self.grid_run(rows, i)
                if j - i > 1:
                    texts = [clean_text(r.text) for r in rows[i:j]]
                    if prefix is not None:
                        grid_text = prefix.strip()
                        items = [t[len(prefix):].strip().removeprefix("-").strip() for t in texts]
                    elif len(set(texts)) == 1:
                        grid_text, items = texts[0], [member.variable for member in rows[i:j]]
                    else:
                        grid_text, items = "", texts
                    for member, item in zip(rows[i:j], items):
                        full = f"{grid_text} - {item}" if grid_text and item else (item or grid_text)
                        name = self.unique_name(member.variable, member.variable)
                        self.add_choice(
                            "grid_item", name, full, by_variable[member.variable], group=group, group_text=grid_text
                        )
                    i = j
                    continue
                name = self.unique_name(row.question, row.variable)
                self.add_choice("single", name, clean_text(row.text), by_variable[row.variable])
                i += 1
                continue
            name = self.unique_name(row.question, row.variable)
            self.add_plain(kind, name, clean_text(row.text), by_variable[row.variable])
            i += 1

    def build_unstructured(self, columns: list[Column]) -> None:
        """Columns Structure does not describe: types from the answers, checkboxes from 0/1 `_<k>` families."""
        pending = [c for c in columns if c.role == "question" and c.row is None]
        if not pending:
            return
        if self.structure:
            self.warnings.append(
                f"{len(pending)} dataset columns are not in Structure; their types are guessed "
                f"({', '.join(c.name for c in pending[:5])}{'...' if len(pending) > 5 else ''})"
            )

        def binary(column: Column) -> bool:
            codes = {as_code(value) for value in set(self.column_values(column)) if not is_blank(value)}
            return bool(codes) and codes <= {0, 1}

        families: dict[str, list[tuple[Column, int]]] = {}
        for column in pending:
            match = re.match(r"^(.+)_(\d+)$", column.name)
            if match:
                families.setdefault(match.group(1), []).append((column, int(match.group(2))))
        checkbox: dict[str, str] = {}
        for prefix, members in families.items():
            selected_labels = all(
                {c for c, _ in self.labels.get(col.name, [])} <= {0, 1} for col, _ in members
            )
            if len(members) >= 2 and selected_labels and all(binary(col) for col, _ in members):
                for col, _ in members:
                    checkbox[col.name] = prefix
        done: set[str] = set()
        for column in pending:
            if column.name in done:
                continue
            if column.name in checkbox:
                prefix = checkbox[column.name]
                members = families[prefix]
                texts = [self.descriptions.get(col.name, "") for col, _ in members]
                question_text = ""
                option_labels = []
                for (col, k), text in zip(members, texts):
                    head, _, tail = text.rpartition(" - ")
                    question_text = question_text or head
                    option_labels.append((col, k, tail or text or str(k)))
                name = self.unique_name(prefix, members[0][0].name)
                self.add_multiple(name, question_text or prefix, option_labels)
                done.update(col.name for col, _ in members)
                continue
            text = self.descriptions.get(column.name) or column.name
            name = self.unique_name(column.name, column.name)
            values = [value for value in self.column_values(column) if not is_blank(value)]
            codes = [as_code(v) for v in values]
            if values and all(c is not None for c in codes) and (
                column.name in self.labels or len(set(codes)) <= 20
            ):
                self.add_choice("single", name, text, column)
            elif values and all(parse_number(v) is not None for v in values):
                self.add_plain("number", name, text, column)
            elif values and all(parse_date(v) is not None for v in values) and any(
                isinstance(v, (dt.date, dt.datetime)) or re.search(r"\d[-.]\d", as_text(v)) for v in values
            ):
                self.add_plain("date", name, text, column)
            elif not values and column.name in self.labels:
                self.add_choice("single", name, text, column)
            else:
                self.add_plain("open", name, text, column)
            done.add(column.name)

    def link_other_texts(self) -> None:
        closed = [q for q in self.questions if q.type in ("single", "multiple")]
        for question in self.questions:
            if question.type != "open" or not question.text:
                continue
            text = question.text
            best: Question | None = None
            for cut in sorted(_split_grid(text), reverse=True):
                prefix = text[:cut].strip().casefold()
                tail = text[cut:].strip().removeprefix("-").strip().casefold().rstrip(" :*")
                candidates = [q for q in closed if q.text.casefold() == prefix and q.other_text is None]
                if not candidates:
                    continue
                matching = [
                    q for q in candidates
                    if any(
                        o.label.casefold().rstrip(" :*").startswith(tail) or tail.startswith(o.label.casefold().rstrip(" :*"))
                        for o in q.options if o.label.strip(" :*")
                    )
                ]
                best = (matching or candidates)[0]
                break
            if best is not None:
                best.other_text = question.variables[0]
                question.parent = best.name

    def survey_title(self, columns: list[Column]) -> None:
        for column in columns:
            if column.name == "survey" or (column.row and column.row.question.lower() == "survey"):
                labels = self.labels.get(column.name) or (self.labels.get(column.row.variable) if column.row else None)
                if labels:
                    self.title = labels[0][1]
                return

    # -- respondents

    def statuses(self, columns: list[Column]) -> list[int | None] | None:
        status_columns = [c for c in columns if c.role == "status" and c.status_code is not None]
        if not status_columns:
            return None
        flags = [self.code_column(c, {0, 1}) for c in status_columns]
        codes = [c.status_code for c in status_columns]
        # the first ticked status column gives the status
        return [codes[row.index("1")] if "1" in row else None for row in zip(*flags)]

    def build(self) -> BuiltSurvey:
        columns = self.classify()
        self.survey_title(columns)
        for column in columns:
            if column.role == "identifier":
                if self.keep_identifiers:
                    column.role = "question"
                    column.row = None if column.row is None else column.row
                else:
                    self.dropped.append(column.name)
        kept_identifiers = {c.name for c in columns if c.reason and c.role == "question"}
        for name in ("survey",):
            self.used_names.add(name)
        self.build_structured([c for c in columns if c.name not in kept_identifiers])
        self.build_unstructured([c for c in columns if c.name not in kept_identifiers])
        for column in columns:
            if column.name in kept_identifiers:
                # identifiers the user chose to keep are text (never tabulated), and ids stay exact
                name = self.unique_name(column.row.question if column.row else column.name, column.name)
                self.keep(column, self.text_column(column))
                text = clean_text(column.row.text) if column.row else self.descriptions.get(column.name, column.name)
                self.questions.append(Question(name=name, type="open", text=text or column.name, variables=[column.name]))
        self.link_other_texts()
        if self.progress:
            self.progress("reading the answers", len(self.header), len(self.header))
        statuses = self.statuses(columns)
        closetime = next((c for c in columns if c.role == "closetime"), None)
        closed = [not is_blank(value) for value in self.column_values(closetime)] if closetime else None
        variables = [v for q in self.questions for v in q.variables]
        statuses_or_none = statuses if statuses is not None else [None] * self.row_count
        # a row counts by its status where it has one, else by having any answer (`count` runs in C)
        if None not in statuses_or_none:
            answered_rows = [r for r, status in enumerate(statuses_or_none) if status in (3, 4)]
        else:
            answers = zip(*(self.values[v] for v in variables)) if variables else iter([()] * self.row_count)
            width = len(variables)
            answered_rows = [
                r for r, (status, row) in enumerate(zip(statuses_or_none, answers))
                if (status in (3, 4) if status is not None else row.count("") != width)
            ]
        if not answered_rows:
            raise ExportFormatError(
                f"the dataset has {self.row_count} rows but nobody answered any question "
                "(no row with status 'partial' or 'completed', and no answers)",
                **self.dataset.location(1),
            )
        complete: int | None
        partial: int | None
        if statuses is not None:
            complete = sum(1 for r in answered_rows if statuses[r] == 4)
            partial = sum(1 for r in answered_rows if statuses[r] == 3)
        elif closed is not None:
            complete = sum(1 for r in answered_rows if closed[r])
            partial = len(answered_rows) - complete
        else:
            complete = partial = None
        # whole columns at once (itemgetter runs in C; a loop per cell took seconds at 100,000 rows)
        columns_out: list[Sequence[Any]] = [self.values[v] for v in variables] + [statuses_or_none]
        if len(answered_rows) != self.row_count:
            pick = itemgetter(*answered_rows)
            columns_out = [[pick(c)] if len(answered_rows) == 1 else pick(c) for c in columns_out]
        codebook = Codebook(
            source=self.source_id,
            imported=dt.datetime.now().astimezone().replace(microsecond=0).isoformat(),
            files=[p.name for p in self.raw.files],
            respondents=Respondents(rows=self.row_count, answered=len(answered_rows), complete=complete, partial=partial),
            dropped=self.dropped,
            questions=self.questions,
        )
        return BuiltSurvey(codebook, variables + ["_status"], columns_out, self.warnings, self.title)


def build_survey(
    raw: RawExport,
    *,
    source_id: str,
    keep_identifiers: bool = False,
    progress: ProgressCallback | None = None,
) -> BuiltSurvey:
    """Interpret the raw tables: questions, options, status, identifiers, and the answered rows."""
    return _Builder(raw, source_id=source_id, keep_identifiers=keep_identifiers, progress=progress).build()
