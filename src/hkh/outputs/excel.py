"""Shared look of every workbook hkh writes: bold shaded header, sensible widths, wrapped text, frozen header,
print setup, safe sheet names. Generic on purpose: survey tables, triangulation, gaps and the plan use it alike.

**Text stays text.** Every value goes into a cell through `put` (or `set_value`): a text is cleaned of the
characters a workbook cannot hold (openpyxl refuses them, which stopped `hkh plan`) and of control characters, and
a text that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`, or starting with `+`, `-`,
`@`, a tab: OWASP's list) is stored as text with Excel's own quote prefix, the apostrophe Excel adds when a person
types `'=…`: it shows exactly as written and stays text when the cell is edited. `to_bytes`, which every workbook
goes through, checks every cell again before saving: a formula hkh did not make itself (`own_formula`) is turned
into text. A test scans every cell of every workbook a full `hkh run` writes.

openpyxl is imported inside the functions (it is slow to import and `hkh --help` must stay fast); worksheet and
workbook arguments are openpyxl objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from hkh.core.safe_text import document_text, formula_like
from hkh.outputs import text_measure

if TYPE_CHECKING:  # pragma: no cover - typing only
    from openpyxl.cell.cell import Cell, MergedCell
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

# cells of formulas hkh wrote on purpose, by workbook (none yet; a formula needs `own_formula`)
_OWN_FORMULAS = "_hkh_own_formulas"

HEADER_FILL = "DCE6F1"
# Every font is named: a style without a name shows in LibreOffice's default (a serif) and Excel's theme font.
# Calibri, which LibreOffice draws with Carlito, its metric twin, so widths and heights hold in both.
FONT_NAME = "Calibri"
FONT_SIZE = 11.0
TITLE_SIZE = 13
MAX_SHEET_NAME = 31
# Excel refuses these in sheet names; a leading or trailing apostrophe is refused too.
FORBIDDEN_SHEET_CHARACTERS = re.compile(r"[\[\]:*?/\\]")

PERCENT_FORMAT = "0.0%"
INTEGER_FORMAT = "0"
DECIMAL_FORMAT = "0.0"
DATE_FORMAT = "yyyy-mm-dd"

# Column widths are in characters of the font's digit (7 pixels for Calibri 11; a column of width w is 7w + 5
# pixels); a pixel is 3/4 point.
DIGIT_PIXELS = 7
POINTS_PER_PIXEL = 0.75
CELL_PADDING_POINTS = 3.0  # the space a spreadsheet leaves between a cell's border and its text
LINE_HEIGHT = 1.25  # a line of wrapped text, in font sizes (Excel sets 14-15 points a line at 11, LibreOffice 13.4)
ROW_PADDING_POINTS = 3.0
# What fits across an A4 page at 100 % inside openpyxl's default margins (0.75 inch each side), in column-width units as
# LibreOffice prints them, the narrower of the two: it draws a unit as wide as Carlito's digit at 11 points (1038/2048
# em, 5.6 points) where Excel draws 7 pixels (5.25 points), so the landscape page holds 131 units there (140 in
# Excel), and it scales a sheet to fit in whole percents (a sheet of 186 units printed at 69 %, not 74 %, when 138
# units were taken for the page). Portrait in proportion (487 of 734 points). A sheet made to fit here fits in both.
PAGE_WIDTH_UNITS = {"portrait": 86.0, "landscape": 129.0}
# The paper's height (A4, in points) and how many column-width units LibreOffice fits across it at 100 %: a sheet
# fitted to the page's width prints at min(1, units / its width).
PAGE_HEIGHT_POINTS = {"portrait": 841.9, "landscape": 595.3}
PRINTED_PAGE_UNITS = {"portrait": 87.4, "landscape": 131.7}
# A sheet wider than this much of the landscape page would print smaller than about 8 points: its long text
# columns are narrowed (and wrapped) instead.
LEAST_PRINT_SCALE = 0.74
NARROWEST_TEXT_COLUMN = 14.0
COMFORTABLE_TEXT_COLUMN = 28.0
# One level of a cell's indent as LibreOffice prints it (Excel: 9 pixels, 6.75 points).
INDENT_POINTS = 7.5


def set_value(cell: Any, value: Any) -> None:
    """Put a value into a cell, a text as text whatever it starts with (see the module's text)."""
    if not isinstance(value, str):
        cell.value = value
        return
    text = document_text(value)
    cell.value = text
    if formula_like(text):
        cell.data_type = "s"  # openpyxl takes any text starting with `=` for a formula
        cell.quotePrefix = True


def put(ws: Worksheet, row: int, column: int, value: Any = None) -> Cell | MergedCell:
    """`ws.cell(row, column, value)` with the value put in by `set_value`; the cell, for styling."""
    cell = ws.cell(row=row, column=column)
    if value is not None:
        set_value(cell, value)
    return cell


def own_formula(cell: Any, formula: str) -> None:
    """A formula hkh writes on purpose (a sum under a column): the one way a cell gets one."""
    cell.value = formula
    workbook = cell.parent.parent
    owned: set[tuple[str, str]] | None = getattr(workbook, _OWN_FORMULAS, None)
    if owned is None:
        owned = set()
        setattr(workbook, _OWN_FORMULAS, owned)
    owned.add((cell.parent.title, cell.coordinate))


def _texts_stay_texts(workbook: Any) -> None:
    """The last look before saving: no formula hkh did not make, no text that a spreadsheet would run."""
    owned: set[tuple[str, str]] = getattr(workbook, _OWN_FORMULAS, set())
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" and (sheet.title, cell.coordinate) not in owned:
                    set_value(cell, str(cell.value))
                elif isinstance(cell.value, str) and formula_like(cell.value) and not cell.quotePrefix:
                    cell.quotePrefix = True


def safe_sheet_name(wanted: str, taken: Iterable[str] = (), *, fallback: str = "Ark") -> str:
    """A sheet name Excel accepts (≤31 characters, none of []:*?/\\ nor a control character), unique among `taken`
    ignoring case (Excel compares sheet names case-insensitively)."""
    name = FORBIDDEN_SHEET_CHARACTERS.sub("_", document_text(wanted).replace("\n", " ")).strip().strip("'").strip()
    name = name or fallback
    used = {t.casefold() for t in taken}
    candidate = name[:MAX_SHEET_NAME]
    number = 2
    while candidate.casefold() in used:
        suffix = f" ({number})"
        candidate = name[: MAX_SHEET_NAME - len(suffix)] + suffix
        number += 1
    return candidate


def font(*, bold: bool = False, italic: bool = False, size: float = FONT_SIZE, color: str | None = None,
         underline: str | None = None) -> Any:
    """A font with its name set (see FONT_NAME)."""
    from openpyxl.styles import Font

    return Font(name=FONT_NAME, size=size, bold=bold, italic=italic, color=color, underline=underline)  # type: ignore[arg-type]  # "single" or None


def style_header(ws: Worksheet, row: int = 1, *, first_column: int = 1, last_column: int | None = None) -> None:
    """Bold text on a light shade with a bottom border, wrapped, so long column names stay readable."""
    from openpyxl.styles import Alignment, Border, PatternFill, Side

    last = last_column or ws.max_column
    for column in range(first_column, last + 1):
        cell = ws.cell(row=row, column=column)
        cell.font = font(bold=True)
        cell.fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
        cell.border = Border(bottom=Side(style="thin", color="808080"))
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def style_title(ws: Worksheet, row: int = 1, column: int = 1) -> None:
    from openpyxl.styles import Alignment

    cell = ws.cell(row=row, column=column)
    cell.font = font(bold=True, size=TITLE_SIZE)
    cell.alignment = Alignment(wrap_text=False, vertical="top")


def wrap_columns(ws: Worksheet, columns: Iterable[int], *, first_row: int = 1) -> None:
    """Wrap long text (statements, question texts) instead of letting it run across the neighbours."""
    from openpyxl.styles import Alignment

    for column in columns:
        for row in range(first_row, ws.max_row + 1):
            ws.cell(row=row, column=column).alignment = Alignment(wrap_text=True, vertical="top")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _font_of(cell: Any) -> tuple[float, bool]:
    size = cell.font.sz if cell.has_style and cell.font is not None and cell.font.sz else FONT_SIZE
    bold = bool(cell.has_style and cell.font is not None and cell.font.b)
    return float(size), bold


def width_to_points(width: float) -> float:
    """The room for text in a column of `width` (in column-width units), in points."""
    return width * DIGIT_PIXELS * POINTS_PER_PIXEL - CELL_PADDING_POINTS


def points_to_width(points: float) -> float:
    """The column width (in column-width units) that holds a line of `points` points."""
    return (points + CELL_PADDING_POINTS) / (DIGIT_PIXELS * POINTS_PER_PIXEL)


def fit_column_widths(
    ws: Worksheet,
    *,
    first_row: int = 1,
    minimum: float = 6,
    maximum: float = 60,
    fixed: dict[int, float] | None = None,
) -> None:
    """Width from the widest text in each column (from `first_row` down), measured in the font, within limits;
    text wider than `maximum` wraps (call `wrap_columns`). The header (`first_row`) wraps, so only its longest
    word counts. `fixed` sets chosen columns (1-based) to exact widths."""
    from openpyxl.utils import get_column_letter

    fixed = fixed or {}
    for column in range(1, ws.max_column + 1):
        if column in fixed:
            width = fixed[column]
        else:
            widest = 0.0
            for row in range(first_row, ws.max_row + 1):
                cell = ws.cell(row=row, column=column)
                text = _cell_text(cell.value)
                if not text:
                    continue
                size, bold = _font_of(cell)
                measure = text_measure.widest_word if row == first_row else text_measure.widest_line
                widest = max(widest, measure(text, size, bold))
            width = min(max(points_to_width(widest) + 0.5, minimum), maximum)
        ws.column_dimensions[get_column_letter(column)].width = round(width, 1)


def column_width(ws: Worksheet, column: int) -> float:
    """A column's width in column-width units (openpyxl's default, 13 units, when none is set)."""
    from openpyxl.utils import get_column_letter

    dimension = ws.column_dimensions.get(get_column_letter(column))
    if dimension is None or not dimension.width:
        return 13.0
    return float(dimension.width)


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
    """A4, fit to page width, the header row repeated on every printed page, page numbers in the footer.
    (`finish_workbook` turns a sheet too wide for portrait to landscape and names the mapping in the header.)"""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    if fit_width:
        from openpyxl.worksheet.properties import PageSetupProperties

        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
    if header_row:
        ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddHeader.right.text = _header_text(title or ws.title)  # type: ignore[union-attr]  # openpyxl makes these
    ws.oddHeader.right.size = 10  # type: ignore[union-attr]
    ws.oddFooter.right.text = "&P / &N"  # type: ignore[union-attr]
    ws.oddFooter.right.size = 10  # type: ignore[union-attr]
    ws.print_options.gridLines = False


def _header_text(text: str) -> str:
    """A text for a page header: one line without control characters; `&` starts a header code (`&P`, `&D`), so
    it is doubled."""
    return document_text(text).replace("\n", " ").replace("&", "&&")


def write_rows(
    ws: Worksheet,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    start_row: int = 1,
    number_formats: dict[int, str] | None = None,
) -> int:
    """Write a header and rows from `start_row`; apply number formats by 0-based column index to numeric cells
    (a whole number in a decimal column is shown without decimals). Returns the last row written."""
    number_formats = number_formats or {}
    for column, name in enumerate(header, start=1):
        put(ws, start_row, column, name)
    style_header(ws, start_row, last_column=len(header))
    row_number = start_row
    for row_number, values in enumerate(rows, start=start_row + 1):
        for index, value in enumerate(values):
            cell = put(ws, row_number, index + 1, value)
            if index in number_formats and isinstance(value, (int, float)) and not isinstance(value, bool):
                wanted = number_formats[index]
                whole = isinstance(value, int) or float(value).is_integer()
                cell.number_format = INTEGER_FORMAT if wanted == DECIMAL_FORMAT and whole else wanted
    return row_number


def link_to_sheet(cell: Any, sheet_name: str, text: str | None = None) -> None:
    """An internal hyperlink to cell A1 of another sheet, styled as a link."""
    from openpyxl.worksheet.hyperlink import Hyperlink

    quoted = sheet_name.replace("'", "''")
    # `location` (not a "#..." target) is what Excel itself writes for links inside the workbook
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{quoted}'!A1")
    set_value(cell, text if text is not None else sheet_name)
    cell.font = font(color="0563C1", underline="single")


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


def to_bytes(workbook: Any, *, mapping_title: str | None = None) -> bytes:
    """A workbook as the bytes of an .xlsx file (written through the output guard by the caller), finished first
    (`finish_workbook`) so that every sheet of every workbook prints alike."""
    import io

    finish_workbook(workbook, mapping_title)
    _texts_stay_texts(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------------------------------- printing every sheet


def finish_workbook(workbook: Any, mapping_title: str | None = None) -> None:
    """What every sheet needs to print and read well, whoever built it: named fonts, text kept inside its cells,
    a width that prints legibly on A4, row heights from the content, and the print setup (A4, fit to width, page
    numbers, the mapping's name in the header)."""
    for ws in workbook.worksheets:
        name_fonts(ws)
        if ws.page_setup.paperSize is None:
            setup_print(ws, header_row=None)
        if mapping_title:
            ws.oddHeader.left.text = _header_text(mapping_title)
            ws.oddHeader.left.size = 10
        separate_text_from_numbers(ws)
        keep_text_inside(ws)
        narrow_to_page(ws)
        if total_width(ws) > PAGE_WIDTH_UNITS["portrait"]:
            ws.page_setup.orientation = "landscape"
        fit_row_heights(ws)
        keep_merged_rows_together(ws)


def name_fonts(ws: Worksheet) -> None:
    """Give every styled cell's font a name (a style without one shows in the application's fallback font)."""
    from copy import copy

    for row in ws.iter_rows():
        for cell in row:
            if cell.has_style and cell.font is not None and not cell.font.name:
                named: Any = copy(cell.font)
                named.name = FONT_NAME
                cell.font = named


def total_width(ws: Worksheet) -> float:
    return sum(column_width(ws, column) for column in range(1, ws.max_column + 1))


def _merged_ranges(ws: Worksheet) -> dict[tuple[int, int], tuple[int, int, int, int]]:
    """Top-left (row, column) of each merged range -> (first row, first column, last row, last column)."""
    return {
        (merged.min_row, merged.min_col): (merged.min_row, merged.min_col, merged.max_row, merged.max_col)
        for merged in ws.merged_cells.ranges
    }


def _wrapped(cell: Any) -> Any:
    """The cell's alignment with wrapping on (its other settings kept)."""
    from copy import copy

    alignment = copy(cell.alignment)
    alignment.wrap_text = True
    if alignment.vertical is None:
        alignment.vertical = "top"
    return alignment


def _indent_points(cell: Any) -> float:
    return float(cell.alignment.indent or 0) * INDENT_POINTS if cell.alignment is not None else 0.0


def _text_room(cell: Any, width: float) -> float:
    """The room for a cell's text in a column (or merged columns) of `width`: less its indent."""
    return width_to_points(width) - _indent_points(cell)


def _is_number(value: Any) -> bool:
    import datetime as dt

    return isinstance(value, (int, float, dt.date, dt.time)) and not isinstance(value, bool)


def separate_text_from_numbers(ws: Worksheet) -> None:
    """A number stands at the right of its cell and a text at the left of the next, with a sliver between them (2
    points in LibreOffice): a count and the name beside it print as one word («78prindsen-brukerrom», «33.3%en
    tredjedel»). A text to the right of a number is indented one level; its column is widened by that much where a
    line that fitted would no longer fit (or would fill the cell to the next one's text: «prindsen-brukerrombrukerrom-
    kapasitet.1»); a longer text wraps, as it did."""
    from copy import copy

    from openpyxl.utils import get_column_letter

    widest: dict[int, float] = {}
    for row in ws.iter_rows(min_col=1):
        for left, cell in zip(row, row[1:]):
            if not isinstance(cell.value, str) or not cell.value.strip() or not _is_number(left.value):
                continue
            if left.alignment is not None and left.alignment.horizontal not in (None, "general", "right"):
                continue
            alignment: Any = copy(cell.alignment)
            if alignment.horizontal not in (None, "general", "left") or alignment.indent:
                continue
            alignment.horizontal = "left"
            alignment.indent = 1
            cell.alignment = alignment
            size, bold = _font_of(cell)
            line = text_measure.widest_line(cell.value, size, bold)
            if line <= width_to_points(column_width(ws, cell.column)):  # it fitted: it still does, with room after
                widest[cell.column] = max(widest.get(cell.column, 0.0), line + INDENT_POINTS)
    for column, needed in widest.items():
        if needed > width_to_points(column_width(ws, column)):
            ws.column_dimensions[get_column_letter(column)].width = round(points_to_width(needed) + 0.5, 1)


def keep_text_inside(ws: Worksheet) -> None:
    """Text wider than its column runs over its neighbours on screen and is cut at the page edge or by a filled
    neighbour in print. A line alone in its row (a title, a note) gets the row's width, merged; text inside a
    table wraps in its cell."""
    merged = _merged_ranges(ws)
    inside_merge = {
        (row, column)
        for first_row, first_column, last_row, last_column in merged.values()
        for row in range(first_row, last_row + 1)
        for column in range(first_column, last_column + 1)
    }
    last_column = ws.max_column
    for row in ws.iter_rows():
        filled = [cell for cell in row if cell.value is not None and cell.value != ""]
        for cell in filled:
            if (cell.row, cell.column) in inside_merge or not isinstance(cell.value, str):
                continue
            if cell.alignment is not None and cell.alignment.wrap_text:
                continue
            size, bold = _font_of(cell)
            if text_measure.widest_line(cell.value, size, bold) <= _text_room(cell, column_width(ws, cell.column)):
                continue
            if len(filled) == 1 and cell.column < last_column:
                ws.merge_cells(start_row=cell.row, start_column=cell.column, end_row=cell.row, end_column=last_column)
            cell.alignment = _wrapped(cell)


def _is_text_column(ws: Worksheet, column: int) -> bool:
    return any(isinstance(ws.cell(row=row, column=column).value, str) for row in range(1, ws.max_row + 1))


LONGEST_WORD_KEPT = 24.0  # a column is not narrowed below its longest word, up to this width (a URL still breaks)


def _narrowest(ws: Worksheet, column: int) -> float:
    """The least width that keeps every word of the column whole (within LONGEST_WORD_KEPT)."""
    widest = 0.0
    for row in range(1, ws.max_row + 1):
        cell = ws.cell(row=row, column=column)
        if isinstance(cell.value, str):
            size, bold = _font_of(cell)
            # a spreadsheet also breaks a line after a hyphen (ids, opening-hours texts)
            word = text_measure.widest_word(cell.value.replace("-", "- "), size, bold) + _indent_points(cell)
            widest = max(widest, word)
    return min(max(points_to_width(widest) + 0.3, NARROWEST_TEXT_COLUMN), LONGEST_WORD_KEPT)


def narrow_to_page(ws: Worksheet) -> None:
    """A sheet so wide that fitting it to the page would print it in small type gets its widest text columns
    narrowed, their text wrapped, until it prints at LEAST_PRINT_SCALE or more of its size on A4 landscape."""
    from openpyxl.utils import get_column_letter

    room = PAGE_WIDTH_UNITS["landscape"] / LEAST_PRINT_SCALE
    widths = {column: column_width(ws, column) for column in range(1, ws.max_column + 1)}
    if sum(widths.values()) <= PAGE_WIDTH_UNITS["landscape"]:
        return
    candidates = [c for c, w in widths.items() if w > NARROWEST_TEXT_COLUMN and _is_text_column(ws, c)]
    if not candidates:
        return
    floors = {c: min(_narrowest(ws, c), widths[c]) for c in candidates}

    def narrowed(limit: float) -> dict[int, float]:
        return {c: max(min(w, limit), floors[c]) if c in floors else w for c, w in widths.items()}

    # first try to print at full size with comfortable text columns, then at nearly full size (90 %) with narrower
    # ones, else legibly with the narrowest (a sheet a few units too wide for the second step fell to the last and
    # printed at 75 %)
    full = PAGE_WIDTH_UNITS["landscape"]
    steps = ((full, COMFORTABLE_TEXT_COLUMN), (full, 20.0), (full / 0.9, 20.0), (room, NARROWEST_TEXT_COLUMN))
    for target, least in steps:
        limit = max(widths[c] for c in candidates)
        while limit > least and sum(narrowed(limit).values()) > target:
            limit -= 0.5
        if sum(narrowed(limit).values()) <= target:
            break
    merged = {(row, column) for (row, column), bounds in _merged_ranges(ws).items() if bounds[3] > bounds[1]}
    for column, width in narrowed(limit).items():
        if width >= widths[column]:
            continue
        ws.column_dimensions[get_column_letter(column)].width = width
        for row in range(1, ws.max_row + 1):
            cell = ws.cell(row=row, column=column)
            if isinstance(cell.value, str) and (row, column) not in merged:
                cell.alignment = _wrapped(cell)


def _needed_height(cell: Any, width: float) -> float:
    text = _cell_text(cell.value)
    size, bold = _font_of(cell)
    if cell.alignment is not None and cell.alignment.textRotation in (90, 180, 255):
        return text_measure.widest_line(text, size, bold) + 2 * CELL_PADDING_POINTS  # written upwards
    if cell.alignment is not None and cell.alignment.wrap_text:
        lines = text_measure.line_count(text, _text_room(cell, width), size, bold)
    else:
        lines = text.count("\n") + 1
    return lines * LINE_HEIGHT * size + ROW_PADDING_POINTS


MAX_ROW_HEIGHT = 409.0  # points: the most Excel allows


def fit_row_heights(ws: Worksheet) -> None:
    """Every row with content as tall as its tallest cell needs, measured in the font at its column's width
    (a cell merged over several rows makes the last of them taller if they do not hold it together)."""
    merged = _merged_ranges(ws)
    covered = {
        (row, column)
        for first_row, first_column, last_row, last_column in merged.values()
        for row in range(first_row, last_row + 1)
        for column in range(first_column, last_column + 1)
        if (row, column) != (first_row, first_column)
    }
    heights: dict[int, float] = {}
    spanning: list[tuple[int, int, float]] = []
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None or cell.value == "" or (cell.row, cell.column) in covered:
                continue
            bounds = merged.get((cell.row, cell.column))
            last_column = bounds[3] if bounds else cell.column
            width = sum(column_width(ws, column) for column in range(cell.column, last_column + 1))
            width += 0.7 * (last_column - cell.column)  # the padding between merged columns holds text too
            needed = _needed_height(cell, width)
            if bounds and bounds[2] > bounds[0]:
                spanning.append((bounds[0], bounds[2], needed))
                continue
            heights[cell.row] = max(heights.get(cell.row, 0.0), needed)
    default = LINE_HEIGHT * FONT_SIZE + ROW_PADDING_POINTS
    for first, last, needed in spanning:
        have = sum(heights.get(row, default) for row in range(first, last + 1))
        if have < needed:
            heights[last] = heights.get(last, default) + needed - have
    for row_number, height in heights.items():
        ws.row_dimensions[row_number].height = round(min(max(height, default), MAX_ROW_HEIGHT), 1)
        if height > default or _has_top_aligned(ws, row_number):
            _align_top(ws, row_number)


def _has_top_aligned(ws: Worksheet, row: int) -> bool:
    """Whether a cell of the row is aligned to the top: then the others are too, or a one-line row shows its
    texts at two heights (a wrapped answer text above the group and the numbers beside it)."""
    return any(
        cell.value is not None and cell.alignment is not None and cell.alignment.vertical == "top" for cell in ws[row]
    )


def _row_height(ws: Worksheet, row: int) -> float:
    height = ws.row_dimensions[row].height if row in ws.row_dimensions else None
    return float(height) if height else LINE_HEIGHT * FONT_SIZE + ROW_PADDING_POINTS


def _title_rows(ws: Worksheet) -> range:
    """The rows printed at the top of every page (`print_title_rows`, "$1:$1"), or none."""
    titles = ws.print_title_rows
    if not titles:
        return range(0)
    first, _, last = titles.replace("$", "").partition(":")
    return range(int(first), int(last or first) + 1)


def keep_merged_rows_together(ws: Worksheet) -> None:
    """A cell merged over several rows (a goal over its measures) prints its text once, at the top of the range: a
    page break inside the range leaves the rows on the next page under an empty cell (LibreOffice draws the text
    there clipped, out of sight). A page break goes before such a range that would not fit on what is left of the
    page (measured from the row heights at the scale the sheet prints at; a range taller than a page still breaks)."""
    from openpyxl.worksheet.pagebreak import Break

    spans = {
        merged.min_row: merged.max_row for merged in ws.merged_cells.ranges if merged.max_row > merged.min_row
    }
    if not spans:
        return
    orientation = ws.page_setup.orientation if ws.page_setup.orientation in PAGE_HEIGHT_POINTS else "portrait"
    margins = ws.page_margins
    scale = 1.0
    if ws.page_setup.fitToWidth:
        scale = min(1.0, PRINTED_PAGE_UNITS[orientation] / max(total_width(ws), 1.0))
    # a little less than the page holds, so that a break never comes later than LibreOffice's own would
    room = 0.97 * (PAGE_HEIGHT_POINTS[orientation] - 72 * (margins.top + margins.bottom)) / scale
    titles = _title_rows(ws)
    repeated = sum(_row_height(ws, row) for row in titles)
    used = 0.0
    breaks = {brk.id for brk in ws.row_breaks.brk}
    for row in range(1, ws.max_row + 1):
        height = _row_height(ws, row)
        last = spans.get(row)
        if last is not None and row not in titles and used > repeated:
            together = sum(_row_height(ws, r) for r in range(row, last + 1))
            if used + together > room and row - 1 not in breaks:
                ws.row_breaks.append(Break(id=row - 1))
                breaks.add(row - 1)
                used = repeated
        if used + height > room and used > repeated:
            used = repeated  # the page breaks here by itself
        used += height


def _align_top(ws: Worksheet, row: int) -> None:
    """In a row of several lines every cell starts at the top (a number at the foot reads as the next row's)."""
    from copy import copy

    for cell in ws[row]:
        if cell.value is None or not hasattr(cell, "column_letter"):
            continue
        if cell.alignment is None or cell.alignment.vertical is None:
            alignment: Any = copy(cell.alignment)
            alignment.vertical = "top"
            cell.alignment = alignment
