"""A workbook's size, checked before it is read: ZIP members, compression, and each sheet's extent.

python-calamine and openpyxl trust a workbook. A 5 KB .xlsx with one cell at XFD1048576 makes calamine ask for the
whole area from A1 to that cell, 17 billion cells (the process dies); openpyxl's read-only mode walks every row and
column of the area the sheet declares (hours); a 3 MB ZIP can unpack to gigabytes. `check_xlsx` reads every member
of the ZIP once, unpacking it in pieces and counting what it really holds (the sizes in the ZIP's directory can
lie), and refuses the workbook when

- it has more than `MAX_ZIP_MEMBERS` members,
- a member unpacks to more than `MAX_COMPRESSION_RATIO` times its packed size (past `RATIO_FREE_BYTES`),
- all members together unpack to more than the limit for the kind of workbook,
- a sheet's area, from A1 to the furthest cell it declares (`<dimension>`) or holds, is larger than the limit for
  the kind of workbook, or larger than `SPARSE_FACTOR` times the cells the sheet holds plus `SPARSE_ALLOWANCE`.

The furthest cell is found without parsing the XML: the sheet's text is made uniform (upper case, one kind of quote
and blank) and searched for cell and row references (` R="XFD1048576"`). A cell without a reference lies after the
one before it, so cells and rows without references widen the bound by their number. Unusual spellings of a
reference (blanks around `=`) are read with a slower search. All of it runs in C (bytes methods and `re`), about a
tenth of a second for a 70 MB sheet of 2.7 million cells.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from hkh.core.errors import LimitExceededError, worded
from hkh.core.limits import (
    MAX_COMPRESSION_RATIO,
    MAX_SHEET_CELLS,
    MAX_UNPACKED_BYTES,
    MAX_ZIP_MEMBERS,
    MB,
    RATIO_FREE_BYTES,
    SPARSE_ALLOWANCE,
    SPARSE_FACTOR,
)

CHUNK_BYTES = 4 * MB
MAX_TAG_BYTES = 1 * MB  # no tag, and no text between two tags, is longer in a workbook (a cell holds 32,767 characters)
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384

# upper case, one quote, one blank, and `:` as `<`: `r='a1'` and `R = "A1"` read alike, and a prefixed tag (`<x:c`)
# as a tag of its own (`<X<C`); tags stay tags, since `<` is kept
_UNIFORM = bytes.maketrans(b"abcdefghijklmnopqrstuvwxyz'\t\n\r:", b"ABCDEFGHIJKLMNOPQRSTUVWXYZ\"   <")
_ROW_REFERENCE = re.compile(rb'<ROW R="([0-9]{1,12})"')
_COLUMN_LETTERS = re.compile(rb' R="([A-Z]{1,4})[0-9]')
_REFERENCE_ROWS = re.compile(rb' R="[A-Z]{0,4}([0-9]{1,12})"')
_LOOSE_LETTERS = re.compile(rb' R\s*=\s*"([A-Z]{1,4})[0-9]')
_LOOSE_ROWS = re.compile(rb' R\s*=\s*"[A-Z]{0,4}([0-9]{1,12})"')
_DIMENSION = re.compile(rb'<DIMENSION\s[^>]*REF\s*=\s*"\$?([A-Z]{1,4})\$?([0-9]{1,12})(?:<\$?([A-Z]{1,4})\$?([0-9]{1,12}))?"')


@dataclass(frozen=True)
class WorkbookLimits:
    """The limits for one kind of workbook (a survey export, a statistics table)."""

    unpacked_bytes: int = MAX_UNPACKED_BYTES
    sheet_cells: int = MAX_SHEET_CELLS
    members: int = MAX_ZIP_MEMBERS
    ratio: int = MAX_COMPRESSION_RATIO


def column_number(letters: bytes | str) -> int:
    """`A` → 1, `XFD` → 16384."""
    number = 0
    for letter in letters.encode() if isinstance(letters, str) else letters:
        number = number * 26 + (letter - 64)
    return number


def column_name(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _greater_letters(letters: str) -> bytes:
    """A pattern for column letters after `letters` (more letters, or as many and later in the alphabet)."""
    width = len(letters)
    branches = [f"[A-Z]{{{width + 1},}}"]
    for index, letter in enumerate(letters):
        if letter != "Z":
            branches.append(f"{letters[:index]}[{chr(ord(letter) + 1)}-Z][A-Z]{{{width - index - 1}}}")
    return "|".join(branches).encode()


def _greater_number(number: int) -> bytes:
    """A pattern for numbers (without leading zeros, or with them: those count as more digits) after `number`,
    loose by at most the digits after the first: 20001 → more than 5 digits, or 5 digits starting 3-9."""
    digits = str(number)
    branches = [f"[0-9]{{{len(digits) + 1},}}"]
    if digits[0] != "9":
        branches.append(f"[{int(digits[0]) + 1}-9][0-9]{{{len(digits) - 1}}}")
    return "|".join(branches).encode()


@lru_cache(maxsize=64)
def _columns_beyond(columns: int) -> re.Pattern[bytes]:
    """References to a column after `columns`, or spelt with blanks around `=` (read by the slow search)."""
    return re.compile(rb' R(?: |= |="(?:' + _greater_letters(column_name(max(columns, 1))) + rb')[0-9])')


@lru_cache(maxsize=64)
def _rows_beyond(rows: int) -> re.Pattern[bytes]:
    """References to a row after `rows` (loosely, see `_greater_number`)."""
    return re.compile(rb' R="[A-Z]{0,4}(?:' + _greater_number(max(rows, 1)) + rb')"')


@dataclass
class _Extent:
    """What one sheet holds, as far as the references tell."""

    columns: int = 0  # the furthest column and row referenced
    rows: int = 0
    cell_tags: int = 0  # `<C…` tags: cells, and a few others (`<COL`): counted high, never low
    referenced_cells: int = 0  # `<C R="`: cells whose reference comes first, as every spreadsheet program writes it
    row_tags: int = 0
    referenced_rows: int = 0
    declared_columns: int = 0
    declared_rows: int = 0

    def exact(self, block: bytes) -> None:
        loose = b" R =" in block or b" R= " in block
        letters = set((_LOOSE_LETTERS if loose else _COLUMN_LETTERS).findall(block))
        if letters:
            self.columns = max(self.columns, *map(column_number, letters))
        rows = (_LOOSE_ROWS if loose else _REFERENCE_ROWS).findall(block)
        if rows:
            self.rows = max(self.rows, *map(int, rows))

    def scan(self, block: bytes, first: bool) -> None:
        if first:
            declared = _DIMENSION.search(block)
            if declared:
                last_letters, last_row = (declared[3], declared[4]) if declared[3] else (declared[1], declared[2])
                self.declared_columns, self.declared_rows = column_number(last_letters), int(last_row)
        rows = _ROW_REFERENCE.findall(block)
        if rows:
            self.rows = max(self.rows, max(map(int, rows)))
        self.referenced_rows += len(rows)
        self.row_tags += block.count(b"<ROW")
        self.cell_tags += block.count(b"<C")
        self.referenced_cells += block.count(b'<C R="')
        if first or _columns_beyond(self.columns).search(block) or _rows_beyond(self.rows).search(block):
            self.exact(block)

    def area(self) -> tuple[int, int]:
        """The furthest column and row a reader may place a cell in: the references, widened by the cells and rows
        without one in first place (each lies after the one before it)."""
        columns = max(self.columns + self.cell_tags - self.referenced_cells, self.declared_columns)
        rows = max(self.rows + self.row_tags - self.referenced_rows, self.declared_rows)
        return columns, rows


def _refuse(display: str, key: str, **values: Any) -> LimitExceededError:
    return worded(LimitExceededError, f"security.{key}", path=display, **values)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, display: str, limits: WorkbookLimits,
                 budget: int) -> tuple[int, _Extent | None]:
    """Unpack one member in pieces, checking its real size and ratio as it goes; a worksheet's extent with it."""
    sheet = info.filename.lower().startswith("xl/worksheets/") and info.filename.lower().endswith(".xml")
    extent = _Extent() if sheet else None
    ratio_limit = max(RATIO_FREE_BYTES, limits.ratio * max(info.compress_size, 1))
    unpacked = 0
    tail = b""
    first = True
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(CHUNK_BYTES)
            if not chunk:
                break
            unpacked += len(chunk)
            if unpacked > ratio_limit:
                raise _refuse(display, "zip_ratio", member=info.filename, ratio=limits.ratio)
            if unpacked > budget:
                raise _refuse(display, "zip_unpacked", limit=f"{limits.unpacked_bytes // MB:,} MB")
            if extent is None:
                continue
            data = (tail + chunk).translate(_UNIFORM)
            cut = data.rfind(b"<")  # a reference never holds `<`: cutting before the last tag splits none
            if cut < 0 or len(data) - cut > MAX_TAG_BYTES:
                raise _refuse(display, "sheet_damaged", member=info.filename)
            extent.scan(data[:cut], first)
            first = False
            tail = data[cut:]
    if extent is not None and tail:
        extent.scan(tail, first)
    return unpacked, extent


def check_xlsx(path: Path, display: str, limits: WorkbookLimits | None = None) -> None:
    """Refuse a workbook (a ZIP: .xlsx, .xlsm) that would take more than `limits` to read; see the module's text."""
    limits = limits or WorkbookLimits()
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if len(members) > limits.members:
                raise _refuse(display, "zip_members", count=f"{len(members):,}", limit=f"{limits.members:,}")
            declared = sum(info.file_size for info in members)
            if declared > limits.unpacked_bytes:
                raise _refuse(display, "zip_unpacked", limit=f"{limits.unpacked_bytes // MB:,} MB")
            total = 0
            for info in members:
                size, extent = _read_member(archive, info, display, limits, limits.unpacked_bytes - total)
                total += size
                if extent is not None:
                    _check_extent(extent, info.filename, display, limits)
    except LimitExceededError:
        raise
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise worded(LimitExceededError, "security.zip_damaged", path=display, reason=str(exc) or type(exc).__name__) from None


def _check_extent(extent: _Extent, member: str, display: str, limits: WorkbookLimits) -> None:
    columns, rows = extent.area()
    area = columns * rows
    present = max(0, extent.cell_tags)
    if columns > MAX_COLUMNS or rows > MAX_ROWS or area > limits.sheet_cells or area > SPARSE_FACTOR * present + SPARSE_ALLOWANCE:
        corner = f"{column_name(min(columns, MAX_COLUMNS)) or 'A'}{min(max(rows, 1), MAX_ROWS)}"
        raise _refuse(
            display, "sheet_extent", member=member, corner=corner, area=f"{area:,}", cells=f"{present:,}",
            limit=f"{limits.sheet_cells:,}",
        )
