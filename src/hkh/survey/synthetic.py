"""Synthetic SurveyXact exports in every format SurveyXact writes, for tests, benchmarks and the example.

Real exports hold personal data and cannot be shipped, so hkh builds its own with the same shape (documented in
docs/surveyxact-format.md): a Dataset (system columns first, question variables, the `statoverall_1..5` one-hot status
at the end, "other, specify" texts after it as in real exports), headerless Labels, Structure with `choiceValue`
codes that differ from option positions when asked to, and Variables. Writers:

- `write_xlsx`: Dataset / Labels / Structure / Variables sheets, optionally with the dataset split over
  `Dataset`, `Dataset(1)`, `Dataset(2)`... and blanks stored as empty strings (as a re-saved export has them);
- `write_spreadsheetml`: the Excel 2003 XML workbook;
- `write_csv_set`: `dataset.csv`, `labels.csv`, `structure.csv`, `variables.csv` in the three observed flavours
  `utf16-tab`, `cp1252-semicolon` and `cp1252-comma` (see §6 of the format note).

A survey is described with `SynthQuestion`s and one answer dict per respondent (`SynthSurvey`); `export_tables`
turns it into `ExportTables`, which the writers serialise. `random_survey` and `dataset_for_metadata` make random
ones (the latter fits a dataset to a real Structure/Labels pair).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from xml.sax.saxutils import escape

Kind = Literal["single", "multiple", "grid", "open", "number", "date"]
Flavour = Literal["utf16-tab", "cp1252-semicolon", "cp1252-comma"]
FLAVOURS: tuple[Flavour, ...] = ("utf16-tab", "cp1252-semicolon", "cp1252-comma")
FORMATS = ("xlsx", "xml", *FLAVOURS)
STRUCTURE_HEADER = ["questionName", "variableName", "questionType", "subType", "questionText", "choiceValue", "choiceText"]
STATUS_LABELS = {1: "Ny", 2: "Distribuert", 3: "Noen svar", 4: "Gjennomført", 5: "Frafalt"}


@dataclass
class SynthQuestion:
    """One question as an author builds it in SurveyXact.

    single/grid/multiple: `options` are (code, label) in display order (codes need not be 1..k).
    grid: `items` are (variable, item text); each item is a Single variable with text "<text> - <item>".
    multiple: `variables` name the option columns (default `<name>_1..k`, the position, not the code).
    open with `other_of`: an "other, specify" text whose Structure text is "<parent text> - <option label>"
    (the label of the parent's option `other_code`, default its last option); it is placed after the status block.
    """

    name: str
    kind: Kind
    text: str
    options: list[tuple[int, str]] = field(default_factory=list)
    items: list[tuple[str, str]] = field(default_factory=list)
    variables: list[str] | None = None
    other_of: str | None = None
    other_code: int | None = None

    def columns(self) -> list[str]:
        if self.kind == "grid":
            return [v for v, _ in self.items]
        if self.kind == "multiple":
            return self.variables or [f"{self.name}_{i}" for i in range(1, len(self.options) + 1)]
        return [self.name]


@dataclass
class SynthSurvey:
    """Questions and answers. `answers[i]` maps a column to a code (single/grid), 0/1 (multiple option columns;
    leave out for "not answered", the writer puts SurveyXact's 0), text, number or datetime; a missing key is
    a blank cell. `statuses[i]` is the overall status 1..5 (or None when `status_family` is None)."""

    questions: list[SynthQuestion]
    answers: list[dict[str, Any]]
    statuses: list[int | None]
    status_family: Literal["statoverall", "stato"] | None = "statoverall"
    system_columns: bool = True
    background: dict[str, tuple[str, list[Any]]] = field(default_factory=dict)
    title: str = "Syntetisk undersøkelse"
    short_names: bool = False
    seed: int = 0

    def question(self, name: str) -> SynthQuestion:
        return next(q for q in self.questions if q.name == name)


@dataclass
class ExportTables:
    """The four SurveyXact tables as rows of plain values (dataset and structure with their header row)."""

    dataset: list[list[Any]]
    labels: list[list[Any]]
    structure: list[list[Any]]
    variables: list[list[Any]] | None = None


# ---------------------------------------------------------------------------------------------------- short names


def short_names(names: Sequence[str]) -> dict[str, str]:
    """SurveyXact's default 8-character export names: short names kept, long ones cut, collisions numbered."""
    result: dict[str, str] = {}
    used: set[str] = set()
    counter = 0
    for name in names:
        if len(name) <= 8 and name not in used:
            short = name
        else:
            short = name[:8]
            while short in used:
                counter += 1
                suffix = f"_{counter}"
                short = name[: 8 - len(suffix)] + suffix
        used.add(short)
        result[name] = short
    return result


# ---------------------------------------------------------------------------------------------------- the tables


def _other_text(survey: SynthSurvey, question: SynthQuestion) -> str:
    parent = survey.question(question.other_of or "")
    code = question.other_code if question.other_code is not None else parent.options[-1][0]
    label = next(text for c, text in parent.options if c == code)
    return f"{parent.text} - {label}"


SURVEY_NUMBER = 1184203  # a survey's number in SurveyXact, as the `survey` column holds it


def export_tables(survey: SynthSurvey) -> ExportTables:
    """Dataset, Labels, Structure and Variables for a synthetic survey, in SurveyXact's column order."""
    rng = random.Random(survey.seed)
    n = len(survey.answers)
    start = dt.datetime(2020, 4, 14, 9, 0, 0)
    system: list[tuple[str, str, str, str, str, list[Any]]] = []  # questionName, var, type, subtype, text, values
    if survey.system_columns:
        ids = [825000000 + 4711 * i + rng.randrange(1000) for i in range(n)]
        starts = [start + dt.timedelta(minutes=37 * i + rng.randrange(30)) for i in range(n)]
        seconds = [round(rng.uniform(120, 900), 3) for _ in range(n)]
        closes = [
            (s + dt.timedelta(seconds=int(d))) if status == 4 else None
            for s, d, status in zip(starts, seconds, survey.statuses)
        ]
        # SurveyXact's first system column: the survey's number, labelled with its name (hkh takes the title from it)
        system = [
            ("survey", "survey", "Closed", "Single", "Undersøkelse", [SURVEY_NUMBER] * n),
            ("respondentid", "respondentid", "Open", "Double", "Respondent-ID", ids),
            ("email", "email", "Open", "String", "E-mail", [f"respondent{i + 1}@example.invalid" for i in range(n)]),
            ("closeTime", "closetime", "Open", "Date", "Avsluttet", closes),
            ("startTime", "starttime", "Open", "Date", "Startet", [s if st in (3, 4) else None for s, st in zip(starts, survey.statuses)]),
            ("diffTime", "difftime", "Open", "Double", "Svartid (sekunder)", [d if st in (3, 4) else None for d, st in zip(seconds, survey.statuses)]),
        ]
    main = [q for q in survey.questions if q.other_of is None]
    others = [q for q in survey.questions if q.other_of is not None]
    status_vars = (
        [f"{survey.status_family}_{k}" for k in range(1, 6)] if survey.status_family else []
    )
    long_names = (
        [s[1] for s in system]
        + list(survey.background)
        + [c for q in main for c in q.columns()]
        + status_vars
        + [c for q in others for c in q.columns()]
    )
    rename = short_names(long_names) if survey.short_names else {name: name for name in long_names}

    structure: list[list[Any]] = [list(STRUCTURE_HEADER)]
    labels: list[list[Any]] = []
    variables: list[list[Any]] = [["variableName", "variableDescription"]]
    columns: list[tuple[str, list[Any]]] = []

    for qname, var, qtype, subtype, text, values in system:
        structure.append([qname, rename[var], qtype, subtype, text, None, None])
        if qname == "survey":
            labels.append([rename[var], SURVEY_NUMBER, survey.title])
        variables.append([rename[var], text])
        columns.append((rename[var], values))
    for var, (text, values) in survey.background.items():
        structure.append([var, rename[var], "Open", "String", text, None, None])
        variables.append([rename[var], text])
        columns.append((rename[var], values))

    def add_question(q: SynthQuestion) -> None:
        if q.kind == "single":
            var = rename[q.name]
            structure.append([q.name, var, "Closed", "Single", q.text, None, None])
            labels.extend([var, c, text] for c, text in q.options)
            variables.append([var, q.text])
            columns.append((var, [a.get(q.name) for a in survey.answers]))
        elif q.kind == "grid":
            for item_var, item_text in q.items:
                var = rename[item_var]
                structure.append([item_var, var, "Closed", "Single", f"{q.text} - {item_text}", None, None])
                labels.extend([var, c, text] for c, text in q.options)
                variables.append([var, f"{q.text} - {item_text}"])
                columns.append((var, [a.get(item_var) for a in survey.answers]))
        elif q.kind == "multiple":
            for column, (code, label) in zip(q.columns(), q.options):
                var = rename[column]
                structure.append([q.name, var, "Closed", "Multiple", q.text, code, label])
                labels.extend([[var, 0, "Ikke valgt"], [var, 1, "Valgt"]])
                variables.append([var, f"{q.text} - {label}"])
                # SurveyXact writes 0 for everybody who did not tick, answered or not (§5)
                columns.append((var, [a.get(column, 0) if a.get(column) is not None else 0 for a in survey.answers]))
        else:
            subtype = {"open": "String", "number": "Double", "date": "Date"}[q.kind]
            text = _other_text(survey, q) if q.other_of else q.text
            var = rename[q.name]
            structure.append([q.name, var, "Open", subtype, text, None, None])
            variables.append([var, text])
            columns.append((var, [a.get(q.name) for a in survey.answers]))

    for q in main:
        add_question(q)
    if survey.status_family:
        for k in range(1, 6):
            var = rename[f"{survey.status_family}_{k}"]
            structure.append(["statoverall", var, "Closed", "Multiple", "Samlet status", k, STATUS_LABELS[k]])
            labels.extend([[var, 0, "Ikke valgt"], [var, 1, "Valgt"]])
            variables.append([var, f"Samlet status - {STATUS_LABELS[k]}"])
            columns.append((var, [1 if s == k else 0 for s in survey.statuses]))
    for q in others:
        add_question(q)

    header = [name for name, _ in columns]
    dataset: list[list[Any]] = [header]
    for i in range(n):
        dataset.append([values[i] for _, values in columns])
    return ExportTables(dataset=dataset, labels=labels, structure=structure, variables=variables)


# -------------------------------------------------------------------------------------------------------- writers


def _cell_text(value: Any, decimal: str = ".") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() else repr(value)
        return text.replace(".", decimal)
    return str(value)


def write_xlsx(
    tables: ExportTables,
    path: Path,
    *,
    split_columns: int | None = None,
    repeat_first_column: bool = False,
    blanks_as_empty_strings: bool = False,
    note: str | None = None,
    variables_sheet: bool = True,
    sheets: Sequence[str] = ("Labels", "Dataset", "Structure", "Variables"),
) -> Path:
    """An .xlsx export. `split_columns` spreads the dataset over Dataset, Dataset(1)... of that many columns each
    (with `repeat_first_column`, each part starts with the id column again). `note` adds a first sheet "Om"."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)

    def cells(sheet: Any, values: list[Any]) -> list[Any]:
        # openpyxl takes a text starting with "=" for a formula; SurveyXact writes answers as text
        out: list[Any] = []
        for value in values:
            if isinstance(value, str) and value.startswith("="):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"
                out.append(cell)
            else:
                out.append(value)
        return out
    if note:
        sheet = workbook.create_sheet("Om")
        for line in note.splitlines():
            sheet.append([line])

    def blank(value: Any) -> Any:
        if value is None:
            return "" if blanks_as_empty_strings else None
        return value

    header = tables.dataset[0]
    width = len(header)
    parts: list[list[int]] = []
    if split_columns and split_columns < width:
        columns = list(range(width))
        first = True
        while columns:
            take = split_columns if first or not repeat_first_column else split_columns - 1
            chunk, columns = columns[:take], columns[take:]
            parts.append(chunk if first or not repeat_first_column else [0, *chunk])
            first = False
    else:
        parts = [list(range(width))]
    for name in sheets:
        if name == "Dataset":
            for number, part in enumerate(parts):
                sheet = workbook.create_sheet("Dataset" if number == 0 else f"Dataset({number})")
                for row in tables.dataset:
                    sheet.append(cells(sheet, [blank(row[c]) for c in part]))
        elif name == "Labels":
            sheet = workbook.create_sheet("Labels")
            for row in tables.labels:
                sheet.append(cells(sheet, list(row)))
        elif name == "Structure":
            sheet = workbook.create_sheet("Structure")
            for row in tables.structure:
                sheet.append(cells(sheet, ["" if v is None else v for v in row]))
        elif name == "Variables" and variables_sheet and tables.variables is not None:
            sheet = workbook.create_sheet("Variables")
            for row in tables.variables:
                sheet.append(cells(sheet, list(row)))
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def _xml_cell(value: Any) -> str:
    if value is None or value == "":
        return "<Cell/>"
    if isinstance(value, bool):
        return f'<Cell><Data ss:Type="Number">{int(value)}</Data></Cell>'
    if isinstance(value, (int, float)):
        return f'<Cell><Data ss:Type="Number">{_cell_text(value)}</Data></Cell>'
    if isinstance(value, dt.datetime):
        return f'<Cell><Data ss:Type="DateTime">{value.strftime("%Y-%m-%dT%H:%M:%S.000")}</Data></Cell>'
    text = escape(str(value), {'"': "&quot;", "\n": "&#10;", "\r": "&#13;"})
    return f'<Cell><Data ss:Type="String">{text}</Data></Cell>'


def write_spreadsheetml(tables: ExportTables, path: Path, *, sparse: bool = True) -> Path:
    """An Excel 2003 XML workbook. With `sparse`, empty cells are left out and the next cell carries ss:Index."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?mso-application progid="Excel.Sheet"?>',
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">',
    ]
    sheets: list[tuple[str, list[list[Any]]]] = [
        ("Dataset", tables.dataset),
        ("Labels", tables.labels),
        ("Structure", tables.structure),
    ]
    if tables.variables is not None:
        sheets.append(("Variables", tables.variables))
    for name, rows in sheets:
        out.append(f'<Worksheet ss:Name="{name}"><Table>')
        for row in rows:
            cells: list[str] = []
            skipped = False
            for index, value in enumerate(row, start=1):
                if sparse and (value is None or value == ""):
                    skipped = True
                    continue
                cell = _xml_cell(value)
                if skipped:
                    cell = cell.replace("<Cell", f'<Cell ss:Index="{index}"', 1)
                    skipped = False
                cells.append(cell)
            out.append("<Row>" + "".join(cells) + "</Row>")
        out.append("</Table></Worksheet>")
    out.append("</Workbook>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(out), encoding="utf-8")
    return path


def _csv_line(fields: list[Any], flavour: Flavour, *, text_columns: set[int] | None = None, phantom: bool = False) -> str:
    delimiter = {"utf16-tab": "\t", "cp1252-semicolon": ";", "cp1252-comma": ","}[flavour]
    decimal = "," if flavour == "cp1252-semicolon" else "."
    parts: list[str] = []
    for index, value in enumerate(fields):
        text = _cell_text(value, decimal)
        must_quote = any(ch in text for ch in (delimiter, '"', "\n", "\r")) or (
            flavour == "utf16-tab" and ";" in text
        )
        always = flavour == "cp1252-comma" and text_columns is not None and index in text_columns
        if must_quote or always:
            text = '"' + text.replace('"', '""') + '"'
        parts.append(text)
    line = delimiter.join(parts)
    return line + delimiter if phantom else line


def write_csv_set(
    tables: ExportTables,
    folder: Path,
    flavour: Flavour,
    *,
    names: dict[str, str] | None = None,
    include: Sequence[str] = ("dataset", "labels", "structure", "variables"),
) -> list[Path]:
    """The CSV files of an export in one of the observed flavours; returns the paths written."""
    names = {"dataset": "dataset.csv", "labels": "labels.csv", "structure": "structure.csv", "variables": "variables.csv", **(names or {})}
    folder.mkdir(parents=True, exist_ok=True)
    eol = "\r\n" if flavour == "utf16-tab" else "\n"
    written: list[Path] = []

    def text_columns(rows: list[list[Any]]) -> set[int]:
        columns: set[int] = set()
        for row in rows[1:]:
            for index, value in enumerate(row):
                if isinstance(value, str) or isinstance(value, dt.datetime):
                    columns.add(index)
        return columns

    tables_by_role: dict[str, list[list[Any]] | None] = {
        "dataset": tables.dataset,
        "labels": tables.labels,
        "structure": tables.structure,
        "variables": tables.variables,
    }
    for role in include:
        rows = tables_by_role.get(role)
        if rows is None:
            continue
        if role == "labels":
            lines = [_csv_line(row, flavour, text_columns={0, 2}) for row in rows]
        elif role == "structure":
            lines = [
                _csv_line(row, flavour, text_columns={0, 1, 2, 3, 4, 6}, phantom=(flavour == "cp1252-comma" and row[3] == "Multiple"))
                for row in rows
            ]
        else:
            columns = text_columns(rows)
            lines = [_csv_line(rows[0], flavour, text_columns=set())] + [
                _csv_line(row, flavour, text_columns=columns) for row in rows[1:]
            ]
        text = eol.join(lines) + eol
        if flavour == "utf16-tab":
            data = b"\xff\xfe" + text.encode("utf-16-le")
        else:
            data = text.encode("cp1252", errors="replace")
        path = folder / names[role]
        path.write_bytes(data)
        written.append(path)
    return written


def write_export(tables: ExportTables, target: Path, fmt: str, **options: Any) -> list[Path]:
    """Write in `fmt` (xlsx, xml, utf16-tab, cp1252-semicolon, cp1252-comma); returns what to pass to hkh import
    (the workbook, or the folder for a CSV set)."""
    if fmt == "xlsx":
        return [write_xlsx(tables, target if target.suffix else target / "export.xlsx", **options)]
    if fmt == "xml":
        return [write_spreadsheetml(tables, target if target.suffix else target / "export.xml", **options)]
    if fmt in FLAVOURS:
        write_csv_set(tables, target, fmt, **options)
        return [target]
    raise ValueError(f"unknown export format {fmt!r}")


# ----------------------------------------------------------------------------------------------- random surveys


WORDS = ["trygg", "kafé", "Grønland", "ærlig", "så", "hjelp", "Ja; nei", 'et "sitat"', "linje\nskift", "mat, klær", "bolig"]


def random_survey(
    seed: int,
    *,
    respondents: int = 20,
    questions: int = 6,
    short: bool = False,
    status_family: Literal["statoverall", "stato"] | None = "statoverall",
    system_columns: bool = True,
) -> SynthSurvey:
    """A reproducible random survey with every question kind, blanks, partial respondents and unlabelled codes."""
    rng = random.Random(seed)
    qs: list[SynthQuestion] = []
    for number in range(1, questions + 1):
        kind: Kind = rng.choice(["single", "single", "multiple", "grid", "open", "number", "date"])
        name = f"sporsmal_{number}" if not short else f"s_{number}"
        k = rng.randint(2, 6)
        codes = rng.sample(range(-9, 40), k) if rng.random() < 0.3 else list(range(1, k + 1))
        options = [(c, f"Alternativ {c} {rng.choice(WORDS)}") for c in codes]
        if rng.random() < 0.3:
            options[-1] = (options[-1][0], "Vet ikke")
        text = f"Spørsmål {number}: {rng.choice(WORDS)}?"
        if kind == "grid":
            items = [(f"{name}_{i}", f"Påstand {i}") for i in range(1, rng.randint(2, 4) + 1)]
            qs.append(SynthQuestion(name, kind, text, options=options, items=items))
        elif kind in ("single", "multiple"):
            qs.append(SynthQuestion(name, kind, text, options=options))
        else:
            qs.append(SynthQuestion(name, kind, text))
    statuses: list[int | None] = [rng.choice([1, 2, 3, 4, 4, 4, 5]) if status_family else None for _ in range(respondents)]
    answers: list[dict[str, Any]] = []
    for status in statuses:
        row: dict[str, Any] = {}
        if status in (3, 4, None):
            stop = len(qs) if status != 3 else rng.randint(1, len(qs))
            for q in qs[:stop]:
                if rng.random() < 0.15:
                    continue
                if q.kind == "single":
                    row[q.name] = rng.choice([c for c, _ in q.options] + ([99] if rng.random() < 0.05 else []))
                elif q.kind == "grid":
                    for var, _ in q.items:
                        row[var] = rng.choice([c for c, _ in q.options])
                elif q.kind == "multiple":
                    for column in q.columns():
                        row[column] = int(rng.random() < 0.5)
                elif q.kind == "open":
                    row[q.name] = " ".join(rng.sample(WORDS, 2))
                elif q.kind == "number":
                    row[q.name] = rng.choice([rng.randint(0, 100), round(rng.uniform(0, 50), 2)])
                else:
                    row[q.name] = dt.datetime(2020, 4, rng.randint(1, 30), rng.randint(0, 23), 0, 0)
        answers.append(row)
    return SynthSurvey(qs, answers, statuses, status_family=status_family, system_columns=system_columns,
                       short_names=short, seed=seed)


def dataset_for_metadata(
    structure: list[list[Any]], labels: list[list[Any]], respondents: int, seed: int
) -> list[list[Any]]:
    """A random dataset (header + rows) fitting a given Structure (with header) and Labels: every Structure
    variable a column, codes from Labels, 0/1 for Multiple, text for String, numbers for Double, one-hot status."""
    rng = random.Random(seed)
    header = [str(h).strip().lower() for h in structure[0]]
    col = {name: header.index(name) for name in ("questionname", "variablename", "subtype")}
    codes: dict[str, list[int]] = {}
    for row in labels:
        codes.setdefault(str(row[0]).strip(), []).append(int(float(row[1])))
    rows = [r for r in structure[1:] if str(r[col["variablename"]]).strip()]
    names = [str(r[col["variablename"]]).strip() for r in rows]
    statuses = [rng.choice([2, 3, 4, 4]) for _ in range(respondents)]
    data: list[list[Any]] = [names]
    for i in range(respondents):
        status = statuses[i]
        out: list[Any] = []
        status_position = 0
        for r, name in zip(rows, names):
            qname = str(r[col["questionname"]]).strip().lower()
            subtype = str(r[col["subtype"]]).strip().lower()
            if qname == "statoverall":
                status_position += 1
                out.append(1 if status_position == status else 0)
            elif subtype == "multiple":
                out.append(int(status in (3, 4) and rng.random() < 0.4))
            elif status not in (3, 4) or rng.random() < 0.1:
                out.append(None)
            elif subtype == "single":
                out.append(rng.choice(codes.get(name) or [1, 2, 3]))
            elif subtype == "double":
                out.append(rng.choice([rng.randint(1, 2000), round(rng.uniform(1, 500), 3)]))
            elif subtype == "date":
                out.append(dt.datetime(2021, 9, rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59), 8))
            else:
                out.append(rng.choice(["ingen", "Fint; takk", 'sa "hei"', "to\nlinjer", "æøå ÆØÅ"]))
        data.append(out)
    return data


def expected_counts(survey: SynthSurvey) -> dict[str, Any]:
    """What an import must find: answered/complete/partial and, per question, how many answered it."""
    status_known = survey.status_family is not None

    def answered_question(answer: dict[str, Any], q: SynthQuestion) -> bool:
        if q.kind == "multiple":
            return any(answer.get(c) == 1 for c in q.columns())
        return any(_present(answer.get(c)) for c in q.columns())

    rows: list[int] = []
    for i, answer in enumerate(survey.answers):
        status = survey.statuses[i]
        if status_known and status is not None:
            if status in (3, 4):
                rows.append(i)
        elif any(answered_question(answer, q) for q in survey.questions):
            rows.append(i)
    per_question = {}
    for q in survey.questions:
        if q.kind == "grid":
            for var, _ in q.items:
                per_question[var] = sum(1 for i in rows if _present(survey.answers[i].get(var)))
        else:
            per_question[q.name] = sum(1 for i in rows if answered_question(survey.answers[i], q))
    return {
        "rows": len(survey.answers),
        "answered": len(rows),
        "complete": sum(1 for i in rows if survey.statuses[i] == 4) if status_known else None,
        "partial": sum(1 for i in rows if survey.statuses[i] == 3) if status_known else None,
        "questions": per_question,
    }


def _present(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return True


__all__ = [
    "ExportTables",
    "FLAVOURS",
    "FORMATS",
    "SynthQuestion",
    "SynthSurvey",
    "dataset_for_metadata",
    "expected_counts",
    "export_tables",
    "random_survey",
    "short_names",
    "write_csv_set",
    "write_export",
    "write_spreadsheetml",
    "write_xlsx",
]
