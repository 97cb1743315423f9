"""Spreadsheets people made or edited, read through one function: `read_sheets`.

A plan workbook back from Excel or LibreOffice, a services list kept in a spreadsheet, an export of the services
register with the services' corrections: every table hkh reads back from a person goes through here, so that the
checks on hostile or broken files (size, a ZIP that inflates without end, a cell in the far corner of the sheet) are
made once, for all of them. SurveyXact exports have their own streaming reader (`hkh.survey.surveyxact`).

Workbooks (.xlsx, .xlsm, .xls, .ods) are read with python-calamine: only the cell values are needed (what a person
typed or chose from a drop-down), calamine reads them several times faster than openpyxl and does not build an
object per cell style. A merged range holds its value in its top-left cell only, as in the file. CSV files are
decoded and split with hkh's one text decoder and delimiter rule (`hkh.core.text`).

Locations are written as people see them in their program: `handlingsplan.xlsx!Handlingsplan!C14`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hkh.core.errors import HkhError

__all__ = ["Sheet", "SheetFormatError", "Sheets", "cell_name", "column_letter", "read_sheets"]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
# Limits for tables a person keeps: far above any plan or services list, far below what exhausts a laptop.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 500

Cell = str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None


class SheetFormatError(HkhError):
    """A spreadsheet that cannot be read as one (damaged, too large, not a spreadsheet)."""

    code = "sheet-format"


def column_letter(index: int) -> str:
    """`A` for 1, `Z` for 26, `AA` for 27 (1-based, as spreadsheets count)."""
    letters = ""
    while index > 0:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell_name(sheet: str, row: int, column: int) -> str:
    """`Handlingsplan!C14` (row and column 1-based); a sheet name with blanks or signs is quoted as Excel does."""
    needs_quotes = not sheet.replace("_", "").replace(".", "").isalnum()
    shown = "'" + sheet.replace("'", "''") + "'" if needs_quotes else sheet
    return f"{shown}!{column_letter(column)}{row}"


@dataclass(frozen=True)
class Sheet:
    """One sheet's cell values as rows from A1 (row and column numbers in messages are 1-based)."""

    name: str
    rows: list[list[Cell]]

    def value(self, row: int, column: int) -> Cell:
        """The value of the cell at 1-based `row`, `column` (None beyond the data)."""
        if 0 < row <= len(self.rows):
            cells = self.rows[row - 1]
            if 0 < column <= len(cells):
                return cells[column - 1]
        return None

    def where(self, row: int, column: int) -> str:
        return cell_name(self.name, row, column)

    def numbered_rows(self, first: int = 1) -> Iterator[tuple[int, list[Cell]]]:
        """(1-based row number, cells) from row `first` on."""
        for number in range(first, len(self.rows) + 1):
            yield number, self.rows[number - 1]


@dataclass(frozen=True)
class Sheets:
    """A spreadsheet file as its sheets, in order; `shown` is the file as messages name it."""

    path: Path
    shown: str
    sheets: list[Sheet]
    kind: str  # "workbook" or "csv"

    def sheet(self, name: str) -> Sheet | None:
        wanted = name.strip().casefold()
        return next((s for s in self.sheets if s.name.strip().casefold() == wanted), None)

    def error(
        self, code: str, sheet: Sheet | None = None, row: int | None = None, column: int | None = None, /, **values: Any
    ) -> HkhError:
        """A located error `code` (its words: `messages.<code>`): at `file!Sheet!C14`, or the sheet, or the file, as far
        as it is known."""
        cell = None
        if sheet is not None:
            cell = sheet.where(row, column) if row and column else (f"{sheet.name}" if self.kind == "workbook" else None)
            if self.kind == "csv" and row and column:
                cell = f"{column_letter(column)}{row}"
        return HkhError(code, path=self.shown, cell=cell, **values)


def is_blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def read_sheets(path: Path, shown: str | None = None) -> Sheets:
    """Every sheet of a workbook, or the one table of a CSV file, with hkh's limits on size applied."""
    display = shown or str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SheetFormatError("sheet-missing", path=display) from None
    except OSError as exc:
        raise SheetFormatError("sheet-unreadable", path=display, reason=exc.strerror or str(exc)) from None
    if path.is_dir():
        raise SheetFormatError("sheet-is-folder", path=display)
    if size > MAX_FILE_BYTES:
        raise SheetFormatError(
            "sheet-too-big", path=display, size=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)
        )
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return Sheets(path, display, [_read_csv(path, display)], "csv")
    if suffix in WORKBOOK_SUFFIXES:
        return Sheets(path, display, _read_workbook(path, display, suffix), "workbook")
    raise SheetFormatError("sheet-kind", path=display, kinds=[*WORKBOOK_SUFFIXES, ".csv"])


def _read_csv(path: Path, display: str) -> Sheet:
    from hkh.core.limits import read_regular
    from hkh.core.text import decode, sniff_delimiter

    raw = read_regular(path, display, MAX_FILE_BYTES)  # an ordinary file only: never a FIFO or a device
    text = decode(raw, display, kind="sheet").text
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = sniff_delimiter(first_line)
    rows: list[list[Cell]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(rows) >= MAX_ROWS:
                raise SheetFormatError("csv-too-long", path=display, rows=MAX_ROWS)
            if len(row) > MAX_COLUMNS:
                raise SheetFormatError("csv-row-too-wide", path=display, row=len(rows) + 1, columns=MAX_COLUMNS)
            rows.append([value if value.strip() else None for value in row])
    except csv.Error:
        raise SheetFormatError("csv-unreadable", path=display, line=len(rows) + 1) from None
    return Sheet(path.stem, rows)


def _check_zip(path: Path, display: str) -> None:
    """An .xlsx or .ods is a ZIP: refuse one that is damaged, or that would inflate beyond reason (a ZIP bomb)."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        raise SheetFormatError("sheet-damaged", path=display) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise SheetFormatError(
            "sheet-unpacks-too-big", path=display, size=unpacked // (1024 * 1024), limit=MAX_UNPACKED_BYTES // (1024 * 1024)
        )


def _read_workbook(path: Path, display: str, suffix: str) -> list[Sheet]:
    from python_calamine import CalamineError, CalamineWorkbook

    if suffix != ".xls":
        _check_zip(path, display)
    if suffix in (".xlsx", ".xlsm"):
        from hkh.core.limits import check_regular
        from hkh.core.workbook_limits import WorkbookLimits, check_xlsx

        # calamine makes room for a sheet's whole area while reading it: its extent is checked before (one cell at
        # XFD1048576 asks for 17 billion cells, and the process dies before `sheet.end` below can be looked at)
        check_regular(path, display, MAX_FILE_BYTES)
        check_xlsx(path, display, WorkbookLimits(unpacked_bytes=MAX_UNPACKED_BYTES, sheet_cells=MAX_ROWS * MAX_COLUMNS))
    sheets: list[Sheet] = []
    try:
        workbook = CalamineWorkbook.from_path(str(path))
        try:
            for name in workbook.sheet_names:
                sheet = workbook.get_sheet_by_name(name)
                # the sheet's extent, before a single row is made: one value in the far corner (XFD1048576) would
                # otherwise ask for a billion empty cells
                end = sheet.end or (0, 0)
                if end[0] + 1 > MAX_ROWS or end[1] + 1 > MAX_COLUMNS:
                    corner = cell_name(name, end[0] + 1, end[1] + 1)
                    raise SheetFormatError("sheet-too-far", path=display, corner=corner, rows=MAX_ROWS, columns=MAX_COLUMNS)
                sheets.append(Sheet(name, [list(row) for row in sheet.to_python(skip_empty_area=False)]))
        finally:
            workbook.close()
    except SheetFormatError:
        raise
    except (CalamineError, OSError, ValueError, RuntimeError, OverflowError, TypeError):
        raise SheetFormatError("workbook-damaged", path=display) from None
    except BaseException as exc:
        # calamine is Rust: a panic on a malformed file arrives as pyo3's PanicException (a BaseException)
        if type(exc).__name__ == "PanicException":
            raise SheetFormatError("workbook-damaged", path=display) from None
        raise
    return sheets


def text_of(value: Cell) -> str:
    """A cell as text, the way a person reads it: whole numbers without `.0`, dates as YYYY-MM-DD, blanks trimmed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value).strip()


def date_of(value: Cell) -> dt.date | None:
    """A cell as a date: a date cell, or text as `2021-03-15`, `15.03.2021` or `15.3.21`; None when it is none."""
    import re

    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = text_of(value)
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
            year, month, day = (int(part) for part in text.split("-"))
            return dt.date(year, month, day)
        found = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})", text)
        if found:
            day, month, year = (int(part) for part in found.groups())
            return dt.date(year + 2000 if year < 100 else year, month, day)
    except ValueError:
        return None
    return None


