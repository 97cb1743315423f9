"""Shared look of every workbook hkh writes: bold shaded header, sensible widths, wrapped text, frozen header,
print setup, safe sheet names. Generic on purpose: survey tables, triangulation, gaps and the plan use it alike.

openpyxl is imported inside the functions (it is slow to import and `hkh --help` must stay fast); worksheet and
workbook arguments are openpyxl objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - typing only
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

HEADER_FILL = "DCE6F1"
TITLE_SIZE = 13
MAX_SHEET_NAME = 31
# Excel refuses these in sheet names; a leading or trailing apostrophe is refused too.
FORBIDDEN_SHEET_CHARACTERS = re.compile(r"[\[\]:*?/\\]")

PERCENT_FORMAT = "0.0%"
INTEGER_FORMAT = "0"
DECIMAL_FORMAT = "0.0"


def safe_sheet_name(wanted: str, taken: Iterable[str] = (), *, fallback: str = "Ark") -> str:
    """A sheet name Excel accepts (≤31 characters, none of []:*?/\\), unique among `taken` ignoring case
    (Excel compares sheet names case-insensitively)."""
    name = FORBIDDEN_SHEET_CHARACTERS.sub("_", wanted).strip().strip("'").strip()
    name = name or fallback
    used = {t.casefold() for t in taken}
    candidate = name[:MAX_SHEET_NAME]
    number = 2
    while candidate.casefold() in used:
        suffix = f" ({number})"
        candidate = name[: MAX_SHEET_NAME - len(suffix)] + suffix
        number += 1
    return candidate


def style_header(ws: Worksheet, row: int = 1, *, first_column: int = 1, last_column: int | None = None) -> None:
    """Bold text on a light shade with a bottom border, wrapped, so long column names stay readable."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    last = last_column or ws.max_column
    for column in range(first_column, last + 1):
        cell = ws.cell(row=row, column=column)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
        cell.border = Border(bottom=Side(style="thin", color="808080"))
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def style_title(ws: Worksheet, row: int = 1, column: int = 1) -> None:
    from openpyxl.styles import Alignment, Font

    cell = ws.cell(row=row, column=column)
    cell.font = Font(bold=True, size=TITLE_SIZE)
    cell.alignment = Alignment(wrap_text=False, vertical="top")


def wrap_columns(ws: Worksheet, columns: Iterable[int], *, first_row: int = 1) -> None:
    """Wrap long text (statements, question texts) instead of letting it run across the neighbours."""
    from openpyxl.styles import Alignment

    for column in columns:
        for row in range(first_row, ws.max_row + 1):
            ws.cell(row=row, column=column).alignment = Alignment(wrap_text=True, vertical="top")


def _display_length(value: Any) -> int:
    if value is None:
        return 0
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def fit_column_widths(
    ws: Worksheet,
    *,
    first_row: int = 1,
    minimum: float = 6,
    maximum: float = 60,
    fixed: dict[int, float] | None = None,
) -> None:
    """Width from the longest text in each column (from `first_row` down), within limits; text longer than
    `maximum` wraps (call `wrap_columns`). `fixed` sets chosen columns (1-based) to exact widths."""
    from openpyxl.utils import get_column_letter

    fixed = fixed or {}
    for column in range(1, ws.max_column + 1):
        if column in fixed:
            width = fixed[column]
        else:
            longest = max(
                (_display_length(ws.cell(row=row, column=column).value) for row in range(first_row, ws.max_row + 1)),
                default=0,
            )
            width = min(max(longest + 2, minimum), maximum)
        ws.column_dimensions[get_column_letter(column)].width = width


def freeze_below(ws: Worksheet, header_row: int = 1, columns: int = 0) -> None:
    """Keep the header (and the first `columns` columns) in view while scrolling."""
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = f"{get_column_letter(columns + 1)}{header_row + 1}"


def add_filter(ws: Worksheet, header_row: int, last_row: int | None = None, last_column: int | None = None) -> None:
    from openpyxl.utils import get_column_letter

    last_row = last_row or ws.max_row
    last_column = last_column or ws.max_column
    if last_row > header_row:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(last_column)}{last_row}"


def setup_print(
    ws: Worksheet,
    *,
    landscape: bool = False,
    header_row: int | None = 1,
    title: str | None = None,
    fit_width: bool = True,
) -> None:
    """A4, fit to page width, the header row repeated on every printed page, page numbers in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    if fit_width:
        from openpyxl.worksheet.properties import PageSetupProperties

        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
    if header_row:
        ws.print_title_rows = f"{header_row}:{header_row}"
    if title:
        ws.oddHeader.center.text = title.replace("&", "&&")  # type: ignore[union-attr]  # openpyxl makes these
    ws.oddFooter.right.text = "&P / &N"  # type: ignore[union-attr]
    ws.print_options.gridLines = False


def write_rows(
    ws: Worksheet,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    start_row: int = 1,
    number_formats: dict[int, str] | None = None,
) -> int:
    """Write a header and rows from `start_row`; apply number formats by 0-based column index to numeric cells.
    Returns the last row written."""
    number_formats = number_formats or {}
    for column, name in enumerate(header, start=1):
        ws.cell(row=start_row, column=column, value=name)
    style_header(ws, start_row, last_column=len(header))
    row_number = start_row
    for row_number, values in enumerate(rows, start=start_row + 1):
        for index, value in enumerate(values):
            cell = ws.cell(row=row_number, column=index + 1, value=value)
            if index in number_formats and isinstance(value, (int, float)) and not isinstance(value, bool):
                cell.number_format = number_formats[index]
    return row_number


def link_to_sheet(cell: Any, sheet_name: str, text: str | None = None) -> None:
    """An internal hyperlink to cell A1 of another sheet, styled as a link."""
    from openpyxl.styles import Font
    from openpyxl.worksheet.hyperlink import Hyperlink

    quoted = sheet_name.replace("'", "''")
    # `location` (not a "#..." target) is what Excel itself writes for links inside the workbook
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{quoted}'!A1")
    cell.value = text if text is not None else sheet_name
    cell.font = Font(color="0563C1", underline="single")


def finish_table(
    ws: Worksheet,
    *,
    header_row: int,
    wrap: Iterable[int] = (),
    landscape: bool = False,
    title: str | None = None,
    fixed_widths: dict[int, float] | None = None,
    filter_rows: bool = True,
) -> None:
    """The usual finishing touches for one table sheet, in one call."""
    fit_column_widths(ws, first_row=header_row, fixed=fixed_widths)
    wrap_columns(ws, wrap, first_row=header_row + 1)
    freeze_below(ws, header_row)
    if filter_rows:
        add_filter(ws, header_row)
    setup_print(ws, landscape=landscape, header_row=header_row, title=title)


def new_workbook() -> Workbook:
    """An empty workbook without the default sheet, so callers name every sheet themselves."""
    from openpyxl import Workbook

    workbook = Workbook()
    for sheet in list(workbook.worksheets):
        workbook.remove(sheet)
    return workbook


def to_bytes(workbook: Any) -> bytes:
    """A workbook as the bytes of an .xlsx file (written through the output guard by the caller)."""
    import io

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
