"""Building the codebook of an imported survey, and its cleaned answers, from SurveyXact's tables.

From the tables read by `hkh.survey.structure`, `build_survey` makes one `Question` per table a report would show:
single choice, multiple choice (one 0/1 column per option), grid items, open text, numbers and dates, in
questionnaire order, with option codes taken from Structure's `choiceValue` and value labels in Labels order. System
columns (status families, timestamps, ids) are not questions; the overall status becomes `_status`. Identifying
columns are dropped and identifiers inside answers masked (see `hkh.survey.deidentify`).

The format's traps, which the code below handles on purpose (section numbers of docs/surveyxact-format.md §11):
checkbox columns hold 0 even for people who never saw the question (§11.8), option suffixes are positions, not
codes (§11.13), question types must come from Structure, not names (§11.12), short 8-character names cannot be
derived from long ones (§11.16), and "other, specify" text fields link to their question only by text (§11.15).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from hkh.core.errors import Message, UsageError, say, worded
from hkh.survey.answers import Column, ColumnReader
from hkh.survey.codebook import Codebook, Option, Question, Respondents
from hkh.survey.deidentify import (
    PrivacyReport,
    TextMasker,
    by_content,
    by_labels,
    by_name,
    masked_label,
)
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
class BuiltSurvey:
    """The result of interpreting an export: the codebook and the cleaned answers for responses.csv, by column."""

    codebook: Codebook
    header: list[str]
    columns: list[Sequence[Any]]
    warnings: list[Message] = field(default_factory=list)
    title: str | None = None
    privacy: PrivacyReport = field(default_factory=PrivacyReport)


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


class _Builder(ColumnReader):
    def __init__(self, raw: RawExport, *, source_id: str, keep_identifiers: bool, progress: ProgressCallback | None,
                 checked_texts: frozenset[str] = frozenset()):
        self.raw = raw
        self.privacy = PrivacyReport()
        self.checked_texts = {name.strip().casefold() for name in checked_texts}
        self.dataset = raw.dataset
        self.source_id = source_id
        self.keep_identifiers = keep_identifiers
        self.progress = progress
        self.warnings: list[Message] = list(raw.warnings)
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
            self.warnings.append(say("messages.import-no-structure-no-labels"))
        elif raw.structure is None:
            self.warnings.append(say("messages.import-no-structure"))
        elif raw.labels is None:
            self.warnings.append(say("messages.import-no-labels"))

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
            if column.role == "question":
                self.judge(column)
            if column.role == "question" and (found_question in SYSTEM_QUESTIONS or (found is None and SYSTEM_NAMES.match(name))):
                column.role = "system"
            columns.append(column)
        if self.structure:
            known = {c.name for c in columns} | {c.row.variable for c in columns if c.row}
            missing = [r.variable for r in self.structure if r.variable not in known]
            if missing:
                shown = ", ".join(missing[:5]) + ("…" if len(missing) > 5 else "")
                self.warnings.append(say("messages.import-structure-extra", n=len(missing), variables=shown))
        return columns

    def judge(self, column: Column) -> None:
        """Drop a column that identifies someone, by its names and text, its answers, or its value labels (see
        `hkh.survey.deidentify`); a postcode is kept, with a warning."""
        found = column.row
        question = found.question if found else None
        text = clean_text(found.text) if found else self.descriptions.get(column.name)
        key = column.name if column.name in self.labels else (found.variable if found else column.name)
        structured_codes = found is not None and _choice_kind(found) in ("single", "multiple")
        coded = structured_codes or key in self.labels
        verdict = by_name(column.name, question, text, coded=coded)
        if verdict is None and not structured_codes:
            # a coded column's answers are read when its codes are (`add_choice`): most are small and need no look
            verdict = by_content(column.name, question, text, self.column_values(column))
        if verdict is None and key in self.labels:
            verdict = by_labels(column.name, [label for _code, label in self.labels[key]])
        if verdict is None:
            return
        if not verdict.direct:
            self.privacy.quasi.append(verdict)
            return
        column.role = "identifier"
        column.reason = verdict

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

    def masked_labels(self, question: str, options: list[Option]) -> list[Option]:
        """Options with any identifier in their label masked (a label reaches every table and chart); a question with
        more options than any survey asks (`MAX_OPTIONS`) is refused."""
        from hkh.core.limits import MAX_OPTIONS, check_count

        check_count(len(options), MAX_OPTIONS, "too_many_options", path=self.dataset.path, question=question)
        masked = [Option(code=o.code, label=masked_label(o.label), variable=o.variable) for o in options]
        changed = sum(1 for before, after in zip(options, masked) if before.label != after.label)
        if changed:
            self.privacy.masked_labels[question] = changed
        return masked

    def single_options(self, name: str, codes: set[int]) -> list[Option]:
        labelled = self.labels.get(name, [])
        options = [Option(code=c, label=text) for c, text in labelled]
        known = {o.code for o in options}
        unknown = sorted(codes - known)
        if unknown:
            if labelled:
                self.warnings.append(say("messages.import-codes-unlabelled", question=name, codes=unknown))
            elif self.raw.labels is not None:
                self.warnings.append(say("messages.import-no-value-labels", question=name))
            options.extend(Option(code=c, label=str(c)) for c in unknown)
        return options

    def tick(self) -> None:
        if self.progress:
            self.progress("answers", len(self.values), len(self.header))

    def codes_identify(self, column: Column) -> bool:
        """A coded column whose codes are identifiers (phone or identity numbers uploaded as codes) is dropped like
        any identifying column; only codes of 8 digits or more can be one, so the usual column is decided at once."""
        if not any(abs(code) >= 10_000_000 for code in self.distinct_codes[column.name]):
            return False
        found = column.row
        verdict = by_content(column.name, found.question if found else None, clean_text(found.text) if found else None,
                             [int(text) for text in self.values_of(column) if text])
        if verdict is None or not verdict.direct:
            return False
        if self.keep_identifiers:
            self.privacy.kept.append(verdict)
            return False
        self.dropped.append(column.name)
        self.privacy.dropped.append(verdict)
        del self.values[column.name]
        return True

    def values_of(self, column: Column) -> list[str]:
        return self.values[column.name]

    def add_choice(self, qtype: str, name: str, text: str, column: Column, *, group: str | None = None,
                   group_text: str | None = None) -> None:
        self.tick()
        codes = self.code_column(column)
        self.keep(column, codes)
        key = column.name
        if key not in self.labels and column.row is not None and column.row.variable in self.labels:
            key = column.row.variable
        if self.codes_identify(column):
            return
        options = self.masked_labels(name, self.single_options(key, self.distinct_codes[column.name]))
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
        options = self.masked_labels(name, [Option(code=code, label=label, variable=c.name) for c, code, label in members])
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
        masked = 0
        checked = False
        if qtype == "number":
            texts, masked = self.number_column(column)
            self.keep(column, texts)
            if masked:
                self.privacy.removed_numbers[name] = masked
        elif qtype == "date":
            self.keep(column, self.date_column(column))
        elif {name.casefold(), column.name.casefold()} & self.checked_texts:
            checked = True
            self.privacy.checked.append(name)
            self.keep(column, self.text_column(column))
        else:
            masker = TextMasker()
            texts = self.text_column(column, masker)
            masked = masker.count(texts)
            self.keep(column, texts)
            if masked:
                self.privacy.masked[name] = masked
        self.questions.append(
            Question(name=name, type=qtype, text=text, variables=[column.name], masked=masked, checked=checked)  # type: ignore[arg-type]
        )

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
            shown = ", ".join(c.name for c in pending[:5]) + ("…" if len(pending) > 5 else "")
            self.warnings.append(say("messages.import-columns-guessed", n=len(pending), columns=shown))

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
                assert column.reason is not None
                if self.keep_identifiers:
                    column.role = "question"
                    self.privacy.kept.append(column.reason)
                else:
                    self.dropped.append(column.name)
                    self.privacy.dropped.append(column.reason)
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
            self.progress("answers", len(self.header), len(self.header))
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
            raise self.dataset.error("nobody-answered", 1, rows=self.row_count)
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
        unknown = sorted(self.checked_texts - {q.name.casefold() for q in self.questions if q.type == "open"}
                         - {v.casefold() for q in self.questions if q.type == "open" for v in q.variables})
        if unknown:
            open_names = ", ".join(q.name for q in self.questions if q.type == "open") or "-"
            raise worded(UsageError, "privacy.checked_unknown", name=unknown[0], open=open_names)
        return BuiltSurvey(codebook, variables + ["_status"], columns_out, self.warnings, self.title, self.privacy)


def build_survey(
    raw: RawExport,
    *,
    source_id: str,
    keep_identifiers: bool = False,
    progress: ProgressCallback | None = None,
    checked_texts: frozenset[str] = frozenset(),
) -> BuiltSurvey:
    """Interpret the raw tables: questions, options, status, identifiers, and the answered rows.

    Identifying columns are dropped (all kept with `keep_identifiers`); identifiers inside open-text answers are
    masked, except in the open questions named in `checked_texts` (names or variables)."""
    return _Builder(
        raw, source_id=source_id, keep_identifiers=keep_identifiers, progress=progress, checked_texts=checked_texts
    ).build()
