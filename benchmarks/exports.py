"""Large synthetic SurveyXact exports for the benchmarks, written fast and cached between runs.

The questionnaire (Structure, Labels, Variables, column order, system columns, status block) comes from
`hkh.survey.synthetic`, so it has exactly the shape the importer is tested against. Only the respondent rows are made
here, column by column with numpy, and the workbook is streamed out as raw SpreadsheetML parts: openpyxl would
take minutes for 100,000 × 200 cells. Cells look as in a real export: codes and 0/1 as numbers, texts as shared
strings, dates as date-formatted serial numbers, blanks left out.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import numpy as np

from hkh.survey.synthetic import SynthQuestion, SynthSurvey, export_tables

WORDS = ["trygg", "kafé", "Grønland", "ærlig", "hjelp", "Ja; nei", 'et "sitat"', "mat, klær", "bolig", "natt"]
CHUNK_ROWS = 5000


def questionnaire(variables: int = 200) -> SynthSurvey:
    """A questionnaire whose export has exactly `variables` columns: system columns, singles, grids, multiple
    choice, numbers, dates, open texts, the status block and an "other, specify" text."""
    questions: list[SynthQuestion] = []
    for number in range(1, 11):
        items = [(f"rutenett_{number}_{i}", f"Påstand {i}") for i in range(1, 6)]
        options = [(1, "Helt enig"), (2, "Enig"), (3, "Uenig"), (4, "Helt uenig"), (9, "Vet ikke")]
        questions.append(SynthQuestion(f"rutenett_{number}", "grid", f"Rutenett {number}", options=options, items=items))
    for number in range(1, 9):
        options = [(code, f"Valg {code}") for code in range(1, 7)]
        questions.append(SynthQuestion(f"flervalg_{number}", "multiple", f"Flervalg {number}?", options=options))
    for number in range(1, 5):
        questions.append(SynthQuestion(f"antall_{number}", "number", f"Antall {number}"))
    for number in range(1, 3):
        questions.append(SynthQuestion(f"dato_{number}", "date", f"Dato {number}"))
    for number in range(1, 5):
        questions.append(SynthQuestion(f"fritekst_{number}", "open", f"Fritekst {number}"))
    fixed = 5 + 5 + sum(len(q.columns()) for q in questions) + 1  # system, status, the above, other-text
    for number in range(1, variables - fixed + 1):
        k = 2 + number % 5
        options = [(code, f"Svar {code}") for code in range(1, k + 1)]
        if number % 4 == 0:
            options[-1] = (options[-1][0], "Vet ikke")
        questions.insert(number - 1, SynthQuestion(f"sporsmal_{number}", "single", f"Spørsmål {number}?", options=options))
    questions.append(SynthQuestion("flervalg_1_annet", "open", "", other_of="flervalg_1"))
    survey = SynthSurvey(questions=questions, answers=[], statuses=[])
    width = len(export_tables(survey).dataset[0])
    if width != variables:
        raise ValueError(f"the questionnaire has {width} columns, not {variables}")
    return survey


def dataset_columns(survey: SynthSurvey, respondents: int, seed: int = 2020) -> tuple[list[str], list[np.ndarray]]:
    """One array per column (float with NaN for blank, or object for text), respondents in rows."""
    rng = np.random.default_rng(seed)
    tables = export_tables(survey)
    header = tables.dataset[0]
    by_variable = {row[1]: row for row in tables.structure[1:]}
    codes: dict[str, list[int]] = {}
    for variable, code, _label in tables.labels:
        codes.setdefault(variable, []).append(int(code))
    status = rng.choice(np.array([1, 2, 3, 4, 4, 4, 4, 4, 5]), size=respondents)
    answered = (status == 3) | (status == 4)
    complete = status == 4
    question_order = {name: index for index, name in enumerate(dict.fromkeys(row[0] for row in tables.structure[1:]))}
    stop = rng.integers(1, len(question_order) + 1, size=respondents)
    start_days = 43935.375 + np.arange(respondents) * (37 / 1440) + rng.random(respondents) / 48
    seconds = np.round(rng.uniform(120, 900, size=respondents), 3)
    columns: list[np.ndarray] = []
    reached_cache: dict[str, np.ndarray] = {}
    for variable in header:
        question, _var, _qtype, subtype, _text, choice, _choice_text = by_variable[variable]
        if question not in reached_cache:
            position = question_order[question]
            reached_cache[question] = answered & (complete | (stop > position)) & (rng.random(respondents) > 0.08)
        reached = reached_cache[question]
        if variable == "respondentid":
            column = (825_000_000 + np.arange(respondents) * 4711 + rng.integers(0, 1000, respondents)).astype(float)
        elif variable == "email":
            column = np.array([f"respondent{i + 1}@example.invalid" for i in range(respondents)], dtype=object)
        elif variable == "closetime":
            column = np.where(complete, start_days + seconds / 86400, np.nan)
        elif variable == "starttime":
            column = np.where(answered, start_days, np.nan)
        elif variable == "difftime":
            column = np.where(answered, seconds, np.nan)
        elif question == "statoverall":
            column = (status == int(choice)).astype(float)
        elif subtype == "Multiple":
            column = np.where(reached, (rng.random(respondents) < 0.4).astype(float), 0.0)
        elif subtype == "Single":
            options = np.array(codes[variable], dtype=float)
            column = np.where(reached, rng.choice(options, size=respondents), np.nan)
        elif subtype == "Double":
            column = np.where(reached, np.round(rng.uniform(0, 50, respondents), 2), np.nan)
        elif subtype == "Date":
            column = np.where(reached, 43922 + rng.integers(0, 30, respondents) + rng.integers(0, 24, respondents) / 24, np.nan)
        else:
            texts = np.array(WORDS, dtype=object)[rng.integers(0, len(WORDS), respondents)]
            column = np.where(reached & (rng.random(respondents) < 0.3), texts, None)
        columns.append(column)
    return header, columns


def _column_letters(count: int) -> list[str]:
    letters = []
    for index in range(count):
        name, number = "", index + 1
        while number:
            number, rest = divmod(number - 1, 26)
            name = chr(65 + rest) + name
        letters.append(name)
    return letters


class _Strings:
    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def cell(self, reference: str, text: str) -> str:
        position = self.index.setdefault(text, len(self.index))
        return f'<c r="{reference}" t="s"><v>{position}</v></c>'

    def xml(self) -> str:
        items = "".join(f'<si><t xml:space="preserve">{escape(text)}</t></si>' for text in self.index)
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            f'count="{len(self.index)}" uniqueCount="{len(self.index)}">{items}</sst>'
        )


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def _sheet_rows(rows: list[list[Any]], strings: _Strings, first_row: int = 1) -> str:
    letters = _column_letters(max((len(r) for r in rows), default=0))
    out = []
    for offset, row in enumerate(rows):
        number = first_row + offset
        cells = []
        for letter, value in zip(letters, row):
            if value is None or value == "":
                continue
            reference = f"{letter}{number}"
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                cells.append(f'<c r="{reference}"><v>{_number(float(value))}</v></c>')
            else:
                cells.append(strings.cell(reference, str(value)))
        out.append(f'<row r="{number}">{"".join(cells)}</row>')
    return "".join(out)


SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = "</sheetData></worksheet>"


def _dataset_sheet(stream: Any, header: list[str], columns: list[np.ndarray], strings: _Strings) -> None:
    """Write the Dataset sheet in chunks of rows, formatting whole columns at a time."""
    letters = _column_letters(len(header))
    date_columns = {i for i, name in enumerate(header) if name in {"closetime", "starttime"} or name.startswith("dato_")}
    stream.write(SHEET_HEAD.encode())
    stream.write(_sheet_rows([header], strings).encode("utf-8"))
    respondents = len(columns[0]) if columns else 0
    for start in range(0, respondents, CHUNK_ROWS):
        stop = min(start + CHUNK_ROWS, respondents)
        numbers = range(start + 2, stop + 2)
        formatted: list[list[str]] = []
        for index, (letter, column) in enumerate(zip(letters, columns)):
            part = column[start:stop]
            style = ' s="1"' if index in date_columns else ""
            if part.dtype == object:
                formatted.append([
                    "" if value is None else strings.cell(f"{letter}{row}", value) for value, row in zip(part, numbers)
                ])
            else:
                formatted.append([
                    "" if value != value else f'<c r="{letter}{row}"{style}><v>{_number(value)}</v></c>'
                    for value, row in zip(part.tolist(), numbers)
                ])
        rows = [f'<row r="{row}">{"".join(cells)}</row>' for row, cells in zip(numbers, zip(*formatted))]
        stream.write("".join(rows).encode("utf-8"))
    stream.write(SHEET_TAIL.encode())


def write_export_xlsx(path: Path, survey: SynthSurvey, header: list[str], columns: list[np.ndarray]) -> None:
    tables = export_tables(survey)
    sheets = ["Labels", "Dataset", "Structure", "Variables"]
    strings = _Strings()
    temp = path.with_suffix(".partial")
    with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(
            sheets="".join(
                f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                for i in range(1, len(sheets) + 1)
            )
        ))
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK.format(
            sheets="".join(f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>' for i, name in enumerate(sheets, 1))
        ))
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.format(
            sheets="".join(
                f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                f'worksheet" Target="worksheets/sheet{i}.xml"/>'
                for i in range(1, len(sheets) + 1)
            ),
            strings=len(sheets) + 1,
            styles=len(sheets) + 2,
        ))
        archive.writestr("xl/styles.xml", STYLES)
        for number, name in enumerate(sheets, 1):
            member = f"xl/worksheets/sheet{number}.xml"
            if name == "Dataset":
                with archive.open(member, "w", force_zip64=True) as stream:
                    _dataset_sheet(stream, header, columns, strings)
                continue
            rows = {"Labels": tables.labels, "Structure": tables.structure, "Variables": tables.variables or []}[name]
            archive.writestr(member, SHEET_HEAD + _sheet_rows(rows, strings) + SHEET_TAIL)
        archive.writestr("xl/sharedStrings.xml", strings.xml())
    temp.replace(path)


def data_bytes_in_memory(header: list[str], columns: list[np.ndarray]) -> int:
    """The dataset as a pandas DataFrame (numbers as float64, texts as Python strings), deep size in bytes."""
    import pandas as pd

    frame = pd.DataFrame({name: column for name, column in zip(header, columns)})
    return int(frame.memory_usage(deep=True).sum())


def cached_export(cache: Path, respondents: int, variables: int = 200) -> tuple[Path, dict[str, Any]]:
    """The export for this size, made once; its facts (columns, data size in memory) are kept beside it."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"export-{respondents}x{variables}.xlsx"
    facts_path = path.with_suffix(".json")
    if path.is_file() and facts_path.is_file():
        return path, json.loads(facts_path.read_text("utf-8"))
    survey = questionnaire(variables)
    header, columns = dataset_columns(survey, respondents)
    write_export_xlsx(path, survey, header, columns)
    facts = {
        "respondents": respondents,
        "variables": len(header),
        "data_bytes": data_bytes_in_memory(header, columns),
        "file_bytes": path.stat().st_size,
        "generator": 3,
    }
    facts_path.write_text(json.dumps(facts, indent=2), "utf-8")
    return path, facts


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "{sheets}</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{sheets}</sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{sheets}'
    '<Relationship Id="rId{strings}" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    '<Relationship Id="rId{styles}" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
# cellXfs 0: general; 1: date and time (built-in number format 22), for the date columns
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    "</styleSheet>"
)
