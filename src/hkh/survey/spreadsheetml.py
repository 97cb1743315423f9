"""Excel 2003 XML (SpreadsheetML) workbooks, as SurveyXact exports them: read as a stream, with the sheet's area
bounded as it is read (a 400-byte file with `ss:Index="1048576"` would otherwise ask for 17 billion cells)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hkh.core.errors import ExportFormatError, LimitExceededError, worded
from hkh.core.limits import MAX_EXPORT_BYTES, MAX_SHEET_CELLS, SPARSE_ALLOWANCE, SPARSE_FACTOR, check_regular

SPREADSHEET_NS = "urn:schemas-microsoft-com:office:spreadsheet"
MAX_ROWS = 1_048_576  # Excel's limits; a larger index in an XML workbook is damage, not data
MAX_COLUMNS = 16_384


def read_spreadsheetml(path: Path, display: str) -> dict[str, list[list[Any]]]:
    """Excel 2003 XML: `<Worksheet ss:Name>`/`<Row>`/`<Cell ss:Index>`/`<Data ss:Type>`, read with iterparse."""
    import datetime as dt
    import xml.etree.ElementTree as ET

    ns = "{" + SPREADSHEET_NS + "}"
    sheets: dict[str, list[list[Any]]] = {}
    current: list[list[Any]] | None = None
    row: list[Any] | None = None
    row_index = 0
    col_index = 0
    # the sheets are padded to a rectangle at the end: a row or cell index far out (`ss:Index="1048576"`) would ask
    # for billions of cells from a file of a few hundred bytes
    cells = 0
    widest = 0

    def within_budget() -> None:
        area = row_index * max(widest, col_index, 1)
        if area > MAX_SHEET_CELLS or area > SPARSE_FACTOR * cells + SPARSE_ALLOWANCE:
            raise worded(
                LimitExceededError, "security.xml_extent", path=display, rows=f"{row_index:,}",
                columns=f"{max(widest, col_index):,}", limit=f"{MAX_SHEET_CELLS:,}",
            )

    check_regular(path, display, MAX_EXPORT_BYTES)
    try:
        for event, element in ET.iterparse(str(path), events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == ns + "Worksheet":
                    name = element.get(ns + "Name") or f"Sheet{len(sheets) + 1}"
                    current = []
                    sheets[name] = current
                    row_index = 0
                elif tag == ns + "Row" and current is not None:
                    index = element.get(ns + "Index")
                    row_index = int(index) if index else row_index + 1
                    if not 0 < row_index <= MAX_ROWS:
                        raise ValueError(f"row index {row_index}")
                    within_budget()
                    while len(current) < row_index - 1:
                        current.append([])
                    row = []
                    current.append(row)
                    col_index = 0
                elif tag == ns + "Cell" and row is not None:
                    index = element.get(ns + "Index")
                    col_index = int(index) if index else col_index + 1
                    if not 0 < col_index <= MAX_COLUMNS:
                        raise ValueError(f"column index {col_index}")
                    cells += 1
                    if col_index > widest:
                        widest = col_index
                        within_budget()
                continue
            if tag == ns + "Cell" and row is not None:
                data = element.find(ns + "Data")
                value: Any = ""
                if data is not None:
                    text = "".join(data.itertext())
                    kind = data.get(ns + "Type", "String")
                    if kind == "Number":
                        try:
                            value = float(text)
                        except ValueError:
                            value = text
                    elif kind == "DateTime":
                        try:
                            value = dt.datetime.fromisoformat(text.rstrip("Z"))
                        except ValueError:
                            value = text
                    elif kind == "Boolean":
                        value = 1.0 if text.strip() in {"1", "true", "TRUE"} else 0.0
                    else:
                        value = text
                while len(row) < col_index - 1:
                    row.append("")
                row.append(value)
                merge = element.get(ns + "MergeAcross")
                if merge and merge.isdigit() and col_index + int(merge) <= MAX_COLUMNS:
                    row.extend([""] * int(merge))
                    col_index += int(merge)
                    widest = max(widest, col_index)
                    within_budget()
                element.clear()
            elif tag == ns + "Row":
                row = None
                element.clear()
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise ExportFormatError("workbook-damaged", path=display, line=line) from None
    except (ValueError, OverflowError):
        raise ExportFormatError("xml-bad-index", path=display) from None
    except LookupError:  # the XML declaration names an encoding Python does not know (a damaged file)
        raise ExportFormatError("workbook-damaged", path=display, line=1) from None
    width = 0
    for rows in sheets.values():
        width = max((len(r) for r in rows), default=0)
        for r in rows:
            r.extend([""] * (width - len(r)))
    return sheets


