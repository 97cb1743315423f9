"""Reading a SurveyXact export into raw tables: sniffing the format, the encoding and the delimiter from the bytes.

An export arrives as an .xlsx workbook, an Excel 2003 XML (SpreadsheetML) workbook, or a set of CSV files, in
whatever encoding and delimiter the export dialog chose (see docs/surveyxact-format.md, §6 and §11). Nothing
here trusts a file name for the format: a `.csv` saved as UTF-16 with tabs, or an `.xls` that is really an
.xlsx, is read by what it is. File names only help to tell a labels file from a dataset when the content cannot.

The result is a `RawExport`: the four tables as plain Python values, with enough bookkeeping to point an error at
`export.xlsx!Dataset!C14` or `dataset.csv:17`. The dataset is kept by column (its header row, then one list per
variable): a large .xlsx is streamed from calamine a few hundred rows at a time into columns, never held as millions
of row lists. The small tables are kept as rows. Interpreting the tables is the job of `hkh.survey.structure` and
`hkh.survey.interpret`.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from hkh.core.errors import ExportFormatError, FileMissingError, Message, say, worded
from hkh.core.limits import MAX_EXPORT_BYTES, check_regular, open_regular, read_regular
from hkh.core.text import decode, sniff_delimiter
from hkh.survey.spreadsheetml import SPREADSHEET_NS, read_spreadsheetml

DATASET_SHEET = re.compile(r"^dataset\s*(?:\(\s*(\d+)\s*\))?$", re.IGNORECASE)
ProgressCallback = Callable[[str, int, int], None]
STREAM_ROWS = 500  # rows of a Dataset sheet turned into columns at a time


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (spreadsheet column names, for messages)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class CellOrigin:
    """Where a column of a (possibly joined) table comes from."""

    path: str
    sheet: str | None
    column: int


@dataclass
class RawTable:
    """One of the four SurveyXact tables as read, before interpretation.

    `rows[i]` was found at `row_numbers[i]` (1-based line of a CSV, or row of a sheet); `origins[j]` says where
    column j came from, which matters for a dataset joined from `Dataset`, `Dataset(1)`... sheets.

    A prepared dataset is kept by column: `rows` is then the header row alone and `columns[j][i]` is the value of
    variable j in data row i, found at `row_numbers[i + 1]`.
    """

    role: str
    rows: list[list[Any]]
    row_numbers: list[int]
    origins: list[CellOrigin]
    path: str
    sheet: str | None = None
    columns: list[list[Any]] | None = None

    @property
    def height(self) -> int:
        """Data rows below the header of a dataset kept by column."""
        return len(self.row_numbers) - 1

    def location(self, row: int, column: int | None = None) -> dict[str, Any]:
        """Keyword arguments for an HkhError pointing at a row (and column) of this table."""
        number = self.row_numbers[row] if 0 <= row < len(self.row_numbers) else None
        if column is not None and 0 <= column < len(self.origins):
            origin = self.origins[column]
        else:
            origin = CellOrigin(self.path, self.sheet, column if column is not None else 0)
        if origin.sheet is not None:
            if number is None:
                return {"path": origin.path, "cell": origin.sheet}
            col = column_letter(origin.column) if column is not None else "A"
            return {"path": origin.path, "cell": f"{origin.sheet}!{col}{number}"}
        return {"path": origin.path, "line": number}

    def error(self, code: str, row: int, column: int | None = None, /, **values: Any) -> ExportFormatError:
        """The error `code` (its words: `messages.<code>`) at a cell of this table."""
        location = self.location(row, column)
        return ExportFormatError(code, path=location.get("path"), line=location.get("line"), cell=location.get("cell"), **values)


@dataclass
class RawExport:
    """The tables of one export. Only `dataset` is required."""

    dataset: RawTable
    labels: RawTable | None = None
    structure: RawTable | None = None
    variables: RawTable | None = None
    files: list[Path] = field(default_factory=list)
    kind: str = ""
    warnings: list[Message] = field(default_factory=list)


# ------------------------------------------------------------------------------------------------ value helpers


def is_blank(value: Any) -> bool:
    """SurveyXact has one missing value: the empty cell (stored as '' in re-saved workbooks, or whitespace)."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float) and value != value:  # NaN
        return True
    return False


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return str(value)


INT_TEXT = re.compile(r"^\s*[+-]?\d+(?:[.,]0+)?\s*$")


def as_code(value: Any) -> int | None:
    """`5`, `5.0`, `"5"`, `" 5 "`, `"5,0"` and `"-7"` are the code 5 or -7; anything else is not a code."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")) or not value.is_integer():
            return None
        return int(value)
    if isinstance(value, str) and INT_TEXT.match(value):
        return int(re.split(r"[.,]", value.strip())[0])
    return None


# ----------------------------------------------------------------------------------------------------- sniffing


def sniff_kind(path: Path, display: str | None = None) -> str:
    """'zip' (xlsx/ods), 'ole' (old .xls), 'spreadsheetml', or 'text' — from the first bytes only (of an ordinary
    file: a device or a FIFO is refused before it is opened)."""
    with open_regular(path, display or str(path), MAX_EXPORT_BYTES) as handle:
        head = handle.read(4096)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    probe = head
    if probe.startswith(b"\xef\xbb\xbf"):
        probe = probe[3:]
    if probe.lstrip().startswith(b"<?xml") or probe.lstrip().startswith(b"<Workbook"):
        if SPREADSHEET_NS.encode() in head or b"<Workbook" in head or b"progid=\"Excel.Sheet\"" in head:
            return "spreadsheetml"
        return "xml"
    return "text"


# ------------------------------------------------------------------------------------------------------ CSV files


@dataclass
class TextTable:
    rows: list[list[str]]
    row_numbers: list[int]
    encoding: str
    delimiter: str


def read_text_table(path: Path, display: str) -> TextTable:
    raw = read_regular(path, display, MAX_EXPORT_BYTES)
    decoded = decode(raw, display, kind="export")
    text, encoding = decoded.text.removeprefix("\ufeff"), decoded.encoding
    delimiter = sniff_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', doublequote=True)
    rows: list[list[str]] = []
    numbers: list[int] = []
    start = 1
    try:
        for record in reader:
            if record and any(cell.strip() for cell in record):
                rows.append(record)
                numbers.append(start)
            start = reader.line_num + 1
    except csv.Error:
        raise ExportFormatError("csv-unsplittable", path=display, line=start) from None
    return TextTable(rows, numbers, encoding, delimiter)


def _norm(name: Any) -> str:
    return as_text(name).replace("\ufeff", "").strip().lower()


def _csv_role(table: TextTable, path: Path) -> str:
    header = [_norm(cell) for cell in table.rows[0]] if table.rows else []
    if "questionname" in header and "variablename" in header:
        return "structure"
    if header[:1] == ["variablename"]:
        return "variables"
    stem = path.stem.lower()
    if len(header) >= 2 and as_code(table.rows[0][1]) is not None and not _looks_like_dataset_header(header):
        return "labels"
    if "label" in stem:
        return "labels"
    if "struct" in stem:
        return "structure"
    if "variab" in stem:
        return "variables"
    return "dataset"


def _looks_like_dataset_header(header: list[str]) -> bool:
    return sum(1 for cell in header if re.match(r"^[a-z_][\w.]*$", cell)) == len(header) and len(header) > 3


# ---------------------------------------------------------------------------------------------- building tables


def _table_from_rows(
    role: str, rows: list[list[Any]], numbers: list[int], path: str, sheet: str | None
) -> RawTable:
    width = max((len(r) for r in rows), default=0)
    origins = [CellOrigin(path, sheet, j) for j in range(width)]
    return RawTable(role, rows, numbers, origins, path, sheet)


def _trim_trailing_empty_columns(table: RawTable) -> None:
    """Drop columns at the right that are empty in every row (a phantom delimiter, styled cells)."""
    width = max((len(r) for r in table.rows), default=0)
    while width > 0 and all(len(r) < width or is_blank(r[width - 1]) for r in table.rows):
        width -= 1
    for row in table.rows:
        del row[width:]
    del table.origins[width:]


def _drop_blank_rows(rows: list[list[Any]], numbers: list[int]) -> tuple[list[list[Any]], list[int]]:
    kept = [(r, n) for r, n in zip(rows, numbers) if any(not is_blank(v) for v in r)]
    return [r for r, _ in kept], [n for _, n in kept]


def _check_rectangular(table: RawTable, header_width: int) -> None:
    """Every row as wide as the header; one trailing empty field (SurveyXact's phantom delimiter) is tolerated."""
    for index, row in enumerate(table.rows):
        while len(row) > header_width and is_blank(row[-1]):
            row.pop()
        if len(row) > header_width:
            raise table.error("row-too-wide", index, fields=len(row), header=header_width)
        if len(row) < header_width:
            if table.sheet is not None:
                row.extend([""] * (header_width - len(row)))
            else:
                raise table.error("row-too-short", index, fields=len(row), header=header_width)


def _csv_dataset(table: RawTable) -> RawTable:
    """A CSV dataset: checked row by row (a delimiter inside an unquoted text makes a row too wide), then by column."""
    if not table.rows:
        raise table.error("dataset-empty", 0)
    header = table.rows[0]
    width = len(header)
    while width > 0 and is_blank(header[width - 1]) and all(len(r) < width or is_blank(r[width - 1]) for r in table.rows):
        width -= 1
    del header[width:]
    _check_rectangular(table, width)
    table.columns = [list(column) for column in zip(*table.rows[1:])] if len(table.rows) > 1 else [[] for _ in header]
    table.rows = table.rows[:1]
    return _check_names(table)


@dataclass
class SheetColumns:
    """A Dataset sheet read by column: its header row, the row it is on (1-based), the first column's index (0 for
    A), and the cells below the header, one list per column."""

    header: list[Any]
    header_row: int
    first_column: int
    columns: list[list[Any]]


def _sheet_dataset(sheet: SheetColumns, path: str, name: str) -> RawTable:
    """A Dataset sheet as a table kept by column, without the empty columns at its right."""
    header, columns = sheet.header, sheet.columns
    height = len(columns[0]) if columns else 0
    origins = [CellOrigin(path, name, sheet.first_column + j) for j in range(len(header))]
    numbers = list(range(sheet.header_row, sheet.header_row + height + 1))
    if not header:
        raise ExportFormatError("dataset-empty", path=path, cell=name)
    table = RawTable("dataset", [header], numbers, origins, path, name, columns=columns)
    width = len(header)
    while width > 0 and is_blank(header[width - 1]) and all(map(is_blank, columns[width - 1])):
        width -= 1
    del header[width:], columns[width:], origins[width:]
    return _check_names(table)


def _check_names(table: RawTable) -> RawTable:
    """The header row of a dataset names its variables."""
    names = [_norm(cell) for cell in table.rows[0]]
    for col, name in enumerate(names):
        if not name:
            raise table.error("column-unnamed", 0, col)
        if re.search(r"\s", name) or len(name) > 64:
            raise table.error("not-a-variable-name", 0, col, name=name[:40])
    table.rows[0] = names
    return table


def _finish_dataset(table: RawTable) -> RawTable:
    """Drop fully empty respondent rows (styled but empty rows at the end of a sheet); require at least one."""
    columns = table.columns or []
    # a row is empty only if empty in every column; the first column (the respondent id) settles almost every row
    candidates = [r for r, value in enumerate(columns[0]) if is_blank(value)] if columns else list(range(table.height))
    empty = {r for r in candidates if all(is_blank(column[r]) for column in columns)}
    if empty:
        kept = [r for r in range(table.height) if r not in empty]
        table.columns = [[column[r] for r in kept] for column in columns]
        table.row_numbers = [table.row_numbers[0]] + [table.row_numbers[r + 1] for r in kept]
    if table.height < 1:
        raise table.error("dataset-no-respondents", 0)
    return table


def _check_duplicates(table: RawTable) -> None:
    seen: dict[str, int] = {}
    for col, name in enumerate(table.rows[0]):
        if name in seen:
            first = table.location(0, seen[name])
            where = first.get("cell") or first.get("line")
            raise table.error("column-twice-in-export", 0, col, name=name, first=where)
        seen[name] = col


def _join_dataset_parts(parts: list[RawTable]) -> RawTable:
    """`Dataset`, `Dataset(1)`, `Dataset(2)`... side by side; an identical repeated column (the ID) is kept once."""
    base = parts[0]
    assert base.columns is not None
    for part in parts[1:]:
        assert part.columns is not None
        # rows line up by position; a part may simply stop earlier where its last rows are empty
        height = max(base.height, part.height)
        for table in (base, part):
            missing = height - table.height
            if missing:
                for column in table.columns or []:
                    column.extend([""] * missing)
                last = table.row_numbers[-1]
                table.row_numbers.extend(range(last + 1, last + 1 + missing))
        existing = {name: col for col, name in enumerate(base.rows[0])}
        for col, name in enumerate(part.rows[0]):
            if name in existing:
                pairs = zip(base.columns[existing[name]], part.columns[col])
                if all(as_text(a).strip() == as_text(b).strip() for a, b in pairs):
                    continue
                raise part.error("column-again-other-values", 0, col, name=name, sheet=base.origins[existing[name]].sheet)
            base.rows[0].append(name)
            base.columns.append(part.columns[col])
            base.origins.append(part.origins[col])
            existing[name] = len(base.rows[0]) - 1
    return base


# ----------------------------------------------------------------------------------------------------- workbooks


def _stream_columns(rows: Iterable[list[Any]], first_column: int = 0) -> SheetColumns:
    """Rows of a Dataset sheet turned into columns a few hundred rows at a time (the transposition runs in C).

    Rows before the header that are empty are skipped. This is as fast as taking all the rows at once and then
    transposing them (within 2% at 20,000 respondents, measured), and never holds the cells as rows and as columns
    at the same time.
    """
    iterator = iter(rows)
    header_row = 0
    for row in iterator:
        header_row += 1
        if not all(map(is_blank, row)):
            header = list(row)
            break
    else:
        return SheetColumns([], header_row, first_column, [])
    columns: list[list[Any]] = [[] for _ in header]
    # both readers give rows as wide as the sheet (calamine's range; the XML reader pads them), so zip drops nothing
    while chunk := list(islice(iterator, STREAM_ROWS)):
        for column, values in zip(columns, zip(*chunk)):
            column.extend(values)
    return SheetColumns(header, header_row, first_column, columns)


def _read_xlsx_sheets(path: Path, display: str, kind: str) -> dict[str, Any]:
    from python_calamine import CalamineError, CalamineWorkbook

    from hkh.core.workbook_limits import check_xlsx

    check_regular(path, display, MAX_EXPORT_BYTES)
    if kind == "ole":
        # calamine would read it, but nothing bounds an old binary workbook's cost before reading it; SurveyXact
        # never writes one
        raise worded(ExportFormatError, "privacy.export_xls", path=display)
    if kind == "zip":
        try:
            # only the names: calamine checks the parts it reads itself (a damaged one raises CalamineError below);
            # `testzip` would decompress the whole file a second time
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
            raise ExportFormatError("workbook-damaged", path=display) from None
        if not any(n.startswith("xl/") for n in names) and "content.xml" not in names:
            raise ExportFormatError("zip-not-workbook", path=display)
        if not any(n.startswith("xl/") for n in names):
            # an OpenDocument sheet repeats cells by number (`number-columns-repeated`): a few bytes for a billion
            raise worded(ExportFormatError, "privacy.export_ods", path=display)
        check_xlsx(path, display)
    sheets: dict[str, Any] = {}
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        for name in workbook.sheet_names:
            if DATASET_SHEET.match(name.strip()):
                sheet = workbook.get_sheet_by_name(name)
                # iter_rows starts at row 1 but at the sheet's first used column
                first_column = sheet.start[1] if sheet.start else 0
                sheets[name] = _stream_columns(sheet.iter_rows(), first_column)
                del sheet  # calamine's own copy of the cells goes as soon as they are columns
            elif name.strip().lower() in {"labels", "structure", "variables"}:
                sheets[name] = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
            else:
                sheets[name] = []
        workbook.close()
    except (CalamineError, OSError, ValueError, RuntimeError, OverflowError, TypeError):
        raise ExportFormatError("workbook-damaged", path=display) from None
    except BaseException as exc:
        # calamine is Rust: a panic on a malformed file arrives as pyo3's PanicException (a BaseException)
        if type(exc).__name__ == "PanicException":
            raise ExportFormatError("workbook-damaged", path=display) from None
        raise
    return sheets


def _workbook_export(path: Path, display: str, kind: str, progress: ProgressCallback | None) -> RawExport:
    if progress:
        progress("workbook", 0, 1)
    if kind == "spreadsheetml":
        sheets: dict[str, Any] = read_spreadsheetml(path, display)
    else:
        sheets = _read_xlsx_sheets(path, display, kind)
    if progress:
        progress("workbook", 1, 1)
    parts: list[tuple[int, str]] = []
    others: dict[str, str] = {}
    for name in sheets:
        match = DATASET_SHEET.match(name.strip())
        if match:
            parts.append((int(match.group(1)) if match.group(1) else 0, name))
        elif name.strip().lower() in {"labels", "structure", "variables"}:
            others[name.strip().lower()] = name
    if not parts:
        raise ExportFormatError("no-dataset-sheet", path=display, sheets=[repr(name) for name in sheets] or "–")
    parts.sort()
    tables: list[RawTable] = []
    for _, name in parts:
        read = sheets[name]
        columns = read if isinstance(read, SheetColumns) else _stream_columns(read)
        tables.append(_sheet_dataset(columns, display, name))
        _check_duplicates(tables[-1])
    dataset = _finish_dataset(_join_dataset_parts(tables))
    result = RawExport(dataset=dataset, files=[path], kind="xml" if kind == "spreadsheetml" else "xlsx")
    for role in ("labels", "structure", "variables"):
        if role in others:
            name = others[role]
            rows = [list(r) for r in sheets[name]]
            numbers = list(range(1, len(rows) + 1))
            rows, numbers = _drop_blank_rows(rows, numbers)
            table = _table_from_rows(role, rows, numbers, display, name)
            _trim_trailing_empty_columns(table)
            setattr(result, role, table)
    return result


# ---------------------------------------------------------------------------------------------------- CSV sets


def _csv_export(paths: list[Path], displays: dict[Path, str], progress: ProgressCallback | None) -> RawExport:
    found: dict[str, tuple[Path, TextTable]] = {}
    encodings: set[str] = set()
    for number, path in enumerate(paths):
        if progress:
            progress("csv", number, len(paths))
        display = displays[path]
        kind = sniff_kind(path, display)
        if kind in {"zip", "ole", "spreadsheetml"}:
            raise ExportFormatError("workbook-among-csv", path=display)
        if kind == "xml":
            raise ExportFormatError("xml-not-workbook", path=display)
        table = read_text_table(path, display)
        role = _csv_role(table, path)
        if role in found:
            raise ExportFormatError("csv-role-twice", path=display, role=role, first=displays[found[role][0]])
        found[role] = (path, table)
        encodings.add(table.encoding)
    if progress:
        progress("csv", len(paths), len(paths))
    if "dataset" not in found:
        raise ExportFormatError(
            "no-dataset-file", path=displays[paths[0]] if paths else None, files=[displays[p] for p in paths] or "–"
        )
    path, text_table = found["dataset"]
    dataset = _table_from_rows("dataset", text_table.rows, text_table.row_numbers, displays[path], None)
    dataset = _finish_dataset(_csv_dataset(dataset))
    _check_duplicates(dataset)
    result = RawExport(dataset=dataset, files=[p for p, _ in found.values()], kind="csv")
    for role in ("labels", "structure", "variables"):
        if role in found:
            p, t = found[role]
            role_table = _table_from_rows(role, t.rows, t.row_numbers, displays[p], None)
            setattr(result, role, role_table)
            if t.encoding == "cp1252" and any("?" in c for r in t.rows for c in r if re.search(r"\s\?\s|\w\?\w", c)):
                result.warnings.append(say("messages.import-lost-characters", file=displays[p]))
    return result


def _expand(exports: Iterable[Path]) -> tuple[list[Path], dict[Path, str]]:
    files: list[Path] = []
    displays: dict[Path, str] = {}
    for export in exports:
        if not export.exists():
            raise FileMissingError("no-such-path", path=str(export))
        if export.is_dir():
            # only ordinary files (a FIFO or a device in the folder is not part of an export)
            inside = sorted(p for p in export.iterdir() if p.is_file() and not p.name.startswith("."))
            inside = [p for p in inside if p.suffix.lower() in {".csv", ".txt", ".tsv", ""}] or inside
            if not inside:
                raise ExportFormatError("folder-no-export", path=str(export))
            for p in inside:
                files.append(p)
                displays[p] = str(p)
        else:
            check_regular(export, str(export), MAX_EXPORT_BYTES)
            files.append(export)
            displays[export] = str(export)
    return files, displays


def read_export(exports: list[Path], *, progress: ProgressCallback | None = None) -> RawExport:
    """Read one export: a workbook (.xlsx/.xml, sniffed), a folder holding the CSV set, or the CSV files one by one."""
    if not exports:
        raise ExportFormatError("no-export-named")
    files, displays = _expand(exports)
    kinds = {p: sniff_kind(p, displays[p]) for p in files}
    workbooks = [p for p in files if kinds[p] in {"zip", "ole", "spreadsheetml"}]
    if workbooks:
        if len(files) > 1:
            raise ExportFormatError("workbook-with-others", path=displays[workbooks[0]])
        path = workbooks[0]
        return _workbook_export(path, displays[path], kinds[path], progress)
    return _csv_export(files, displays, progress)
