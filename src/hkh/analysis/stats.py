"""Statistics tables in `data/stats/` (CSV or XLSX) and the charts the report draws from them.

A table is laid out as a team keeps it in Excel: the first column holds the category or the year, every other
column one numeric series, the first row the column names. Lines starting with `#` before the header are comments,
and the first of them is taken as the table's title (`# Utviklingen totalt – alle åpne rusmiljø i Oslo sentrum`).
Norwegian Excel writes CSV with `;` and decimal commas, often in Windows-1252; all of that is read as meant.
A README in the folder describes the tables and is not data.

A table may be described beside it, in a YAML file of the same name (`prindsen_sproyter_2019.yaml` beside
`prindsen_sproyter_2019.csv`), so that its figure in the report carries words a reader understands rather than the
file's column names:

    title: Utdelte sprøyter ved Prindsen mottakssenter, januar og august 2019   # the figure's caption
    labels: {maaned: Måned, utdelte_sproyter_ca: Utdelte sprøyter (omtrent)}   # column name -> label
    unit: sprøyter                                                              # the value axis (optional)
    source: statistikk-prindsen                                                 # its source in sources.yaml

Year series (every category a year) are drawn as line charts, anything else as bars. matplotlib is imported only
inside the drawing function, so that `hkh --help` does not pay for it.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hkh.core.errors import StatsFormatError
from hkh.core.text import decode, sniff_delimiter

STATS_SUFFIXES = (".csv", ".xlsx")
_YEAR = re.compile(r"^(19|20)\d\d$")
_NUMBER_SPACES = re.compile(r"[\s\u00a0\u202f]")


@dataclass
class StatsSeries:
    name: str
    values: list[float | None]


@dataclass
class StatsTable:
    """One table: categories along the first column, one series per further column."""

    name: str
    path: Path
    title: str
    category_label: str
    categories: list[str]
    series: list[StatsSeries] = field(default_factory=list)
    context: list[str] = field(default_factory=list)  # values common to every row (the year of a one-year table)
    described: bool = False  # the title and labels come from the table's description (see the module's text)
    unit: str | None = None
    source: str | None = None  # the id in sources.yaml the description names


    @property
    def is_year_series(self) -> bool:
        return len(self.categories) >= 2 and all(_YEAR.match(category) for category in self.categories)

    @property
    def span(self) -> str:
        """`2010–2019` for a year series, else empty."""
        if not self.is_year_series:
            return ""
        return f"{self.categories[0]}–{self.categories[-1]}"


@dataclass(frozen=True)
class StatsDescription:
    """What a table's YAML description says (see the module's text)."""

    title: str | None
    labels: dict[str, str]
    unit: str | None
    source: str | None


DESCRIPTION_KEYS = ("title", "labels", "unit", "source")


def read_description(table_path: Path, shown: str) -> StatsDescription | None:
    """The description beside a table (same name, .yaml), or None when there is none."""
    from hkh.core.yamlio import load_yaml

    path = table_path.with_suffix(".yaml")
    if not path.is_file():
        return None
    where = re.sub(r"\.(csv|xlsx)$", ".yaml", shown)
    data = load_yaml(path, display=where) or {}
    if not isinstance(data, dict):
        raise StatsFormatError("stats-description-shape", path=where, keys=list(DESCRIPTION_KEYS))
    unknown = [str(key) for key in data if key not in DESCRIPTION_KEYS]
    if unknown:
        from hkh.project.schema import closest

        meant = closest(unknown[0], DESCRIPTION_KEYS)
        if meant is not None:
            raise StatsFormatError("stats-description-similar", path=where, field=unknown[0], meant=meant)
        raise StatsFormatError("stats-description-unknown", path=where, field=unknown[0], keys=list(DESCRIPTION_KEYS))
    labels = data.get("labels") or {}
    if not isinstance(labels, dict):
        raise StatsFormatError("stats-description-labels", path=where)

    def text(key: str) -> str | None:
        value = data.get(key)
        return str(value).strip() if value not in (None, "") else None

    return StatsDescription(
        title=text("title"), labels={str(k): str(v) for k, v in labels.items()}, unit=text("unit"),
        source=text("source"),
    )


def describe(table: StatsTable, description: StatsDescription | None) -> StatsTable:
    """The table with its description's title, labels (for columns and for the values of the series' columns),
    unit and source."""
    if description is None:
        return table
    labels = {_humanise(key): value for key, value in description.labels.items()}
    labels.update(description.labels)
    table.series = [StatsSeries(labels.get(s.name, s.name), s.values) for s in table.series]
    table.category_label = labels.get(table.category_label, table.category_label)
    table.title = description.title or table.title
    table.unit = description.unit
    table.source = description.source
    table.described = True
    return table


def _title_from_name(stem: str) -> str:
    words = re.sub(r"[_\-]+", " ", stem).strip()
    return words[:1].upper() + words[1:]


def _category_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return str(value).strip()


def _number(value: Any, decimal_comma: bool) -> float | None:
    """A cell as a number; blank (or a dash, as statistics tables mark missing values) is None."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        return float(value)
    text = _NUMBER_SPACES.sub("", str(value))
    if text in {"", "-", "–", "..", ":", "."}:
        return None
    text = text.rstrip("%")
    if decimal_comma:
        text = text.replace(".", "").replace(",", ".") if "," in text else text
    else:
        text = text.replace(",", "")
    return float(text)


_YEAR_HEADERS = {"år", "aar", "ar", "year", "årstal", "årstall", "aarstall"}


def _humanise(header: str) -> str:
    words = re.sub(r"[_]+", " ", header).strip()
    return words[:1].upper() + words[1:]


def _is_blank(cell: Any) -> bool:
    return cell is None or str(cell).strip() == ""


def _build(
    rows: list[tuple[int, list[Any]]], *, name: str, path: Path, shown: str, title: str | None, decimal_comma: bool,
    locate: Any,
) -> StatsTable:
    """Rows are (line or row number, cells), header first. `locate(row, column)` gives the error location.

    Two layouts are read. Wide: the first column is the category (or year), every further numeric column a series
    (`År;Dag;Kveld`). Long, one observation per row: text columns (and a year column) describe the observation and a
    single numeric column holds the value (`aar,tidspunkt,snitt_antall_personer`); the year (or else the first
    varying column) runs along the axis, the other varying columns name the series, and a column with one value
    throughout (`aar` = 2019) is kept as context for the title.
    """
    if not rows:
        raise StatsFormatError("stats-empty", path=shown)
    header_number, header_cells = rows[0]
    header = [_category_text(cell) if cell is not None else "" for cell in header_cells]
    while header and not header[-1]:
        header.pop()
    if len(header) < 2:
        raise StatsFormatError("stats-header-narrow", **locate(header_number, 0))
    for column, label in enumerate(header):
        if not label:
            raise StatsFormatError("stats-column-unnamed", **locate(header_number, column), column=column + 1)
    body = [(number, list(cells) + [None] * (len(header) - len(cells))) for number, cells in rows[1:]
            if not all(_is_blank(cell) for cell in cells)]
    if not body:
        raise StatsFormatError("stats-no-rows", **locate(header_number, 0))

    def numeric(column: int) -> bool:
        filled = [cells[column] for _n, cells in body if not _is_blank(cells[column])]
        try:
            [_number(cell, decimal_comma) for cell in filled]
        except ValueError:
            return False
        return bool(filled)

    def year_like(column: int) -> bool:
        if header[column].strip().casefold() in _YEAR_HEADERS:
            return True
        return all(_YEAR.match(_category_text(cells[column])) for _n, cells in body if not _is_blank(cells[column]))

    # A column of mostly numbers with a stray word is a typo to point at, not a column of labels.
    for column in range(1, len(header)):
        filled = [(number, cells[column]) for number, cells in body if not _is_blank(cells[column])]
        bad = []
        for number, cell in filled:
            try:
                _number(cell, decimal_comma)
            except ValueError:
                bad.append((number, cell))
        if bad and len(bad) * 2 <= len(filled):
            number, cell = bad[0]
            raise StatsFormatError("stats-not-number", **locate(number, column), value=str(cell).strip(), column=header[column])
    # a year column after the first is told by its name (`År`, `aar`), never by its values: counts can look like years
    value_columns = [c for c in range(1, len(header)) if numeric(c) and header[c].strip().casefold() not in _YEAR_HEADERS]
    dimensions = [c for c in range(len(header)) if c not in value_columns]
    if not value_columns:
        bad_column = next((c for c in range(1, len(header)) if c not in dimensions or not numeric(c)), 1)
        for number, cells in body:
            cell = cells[bad_column]
            if _is_blank(cell):
                continue
            try:
                _number(cell, decimal_comma)
            except ValueError:
                raise StatsFormatError(
                    "stats-no-number-column", **locate(number, bad_column), value=str(cell).strip(), column=header[bad_column]
                ) from None
        raise StatsFormatError("stats-no-numbers", **locate(header_number, 1))
    for number, cells in body:
        if _is_blank(cells[0]):
            raise StatsFormatError("stats-category-empty", **locate(number, 0))

    def distinct(column: int) -> list[str]:
        seen: list[str] = []
        for _n, cells in body:
            text = _category_text(cells[column]) if not _is_blank(cells[column]) else ""
            if text not in seen:
                seen.append(text)
        return seen

    context: list[str] = []
    if len(value_columns) == 1 and len(dimensions) >= 2:
        varying = [c for c in dimensions if len(distinct(c)) > 1]
        context = [distinct(c)[0] for c in dimensions if c not in varying and distinct(c)[0]]
        if not varying:
            varying = [dimensions[0]]
        axis = next((c for c in varying if year_like(c)), varying[0])
        series_columns = [c for c in varying if c != axis]
        value_column = value_columns[0]
        categories = distinct(axis)
        if all(_YEAR.match(category) for category in categories):
            categories = sorted(categories)
        series_names: list[str] = []
        cells_by_key: dict[tuple[str, str], tuple[int, float | None]] = {}
        for number, cells in body:
            series_name = ", ".join(_category_text(cells[c]) for c in series_columns)
            series_name = series_name[:1].upper() + series_name[1:]
            if series_name not in series_names:
                series_names.append(series_name)
            key = (series_name, _category_text(cells[axis]))
            if key in cells_by_key:
                raise StatsFormatError(
                    "stats-row-twice", **locate(number, axis), key=[part for part in key if part], first=cells_by_key[key][0]
                )
            try:
                cells_by_key[key] = (number, _number(cells[value_column], decimal_comma))
            except ValueError:
                raise StatsFormatError(
                    "stats-not-number", **locate(number, value_column), value=str(cells[value_column]).strip(), column=header[value_column]
                ) from None
        series = [
            StatsSeries(name or _humanise(header[value_column]),
                        [cells_by_key.get((name, category), (0, None))[1] for category in categories])
            for name in series_names
        ]
        category_label = _humanise(header[axis])
        default_title = _humanise(header[value_column])
        if series_columns:
            default_title += f" ({', '.join(header[c].replace('_', ' ') for c in series_columns)})"
    else:
        extra = [c for c in dimensions if c != 0]
        categories = []
        values: list[list[float | None]] = [[] for _ in value_columns]
        for _row_number, cells in body:
            label = " – ".join(_category_text(cells[c]) for c in [0, *extra] if not _is_blank(cells[c]))
            categories.append(label)
            for index, column in enumerate(value_columns):
                values[index].append(_number(cells[column], decimal_comma))
        # headers written as variable names (`utdelte_sproyter_ca`) are shown as words; others as the team wrote them
        header_words = [_humanise(label) for label in header]
        series = [StatsSeries(header_words[column], column_values) for column, column_values in zip(value_columns, values)]
        category_label = header_words[0]
        default_title = header_words[value_columns[0]] if len(value_columns) == 1 else _title_from_name(path.stem)
    series = [s for s in series if any(v is not None for v in s.values)]
    if not series:
        raise StatsFormatError("stats-no-numbers", **locate(header_number, 1))
    table = StatsTable(
        name=name,
        path=path,
        title=title or default_title,
        category_label=category_label,
        categories=categories,
        series=series,
        context=context,
    )
    if not title:
        extras = [part for part in (table.span, *context) if part]
        if extras:
            table.title += ", " + ", ".join(extras)
    return table


def read_csv_table(path: Path, shown: str | None = None) -> StatsTable:
    from hkh.core.limits import MAX_STATS_BYTES, MAX_STATS_SHEET_CELLS, check_count, read_regular

    shown = shown or str(path)
    text = decode(read_regular(path, shown, MAX_STATS_BYTES), shown, reject_control=False).text
    lines = text.splitlines()
    # a statistics table is a few dozen rows; a file of a million lines is not one
    check_count(len(lines), MAX_STATS_SHEET_CELLS // 10, "stats_rows", path=shown)
    title: str | None = None
    first_data = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            if title is None:
                title = stripped.lstrip("#").strip() or None
            continue
        first_data = index
        break
    else:
        first_data = len(lines)
    header_line = lines[first_data] if first_data < len(lines) else ""
    delimiter = sniff_delimiter(header_line)
    decimal_comma = delimiter != ","
    reader = csv.reader(io.StringIO("\n".join(lines[first_data:])), delimiter=delimiter)
    rows: list[tuple[int, list[Any]]] = []
    for offset, cells in enumerate(reader):
        stripped_line = lines[first_data + offset].strip() if first_data + offset < len(lines) else ""
        if stripped_line.startswith("#"):
            continue
        rows.append((first_data + offset + 1, [cell.strip() for cell in cells]))
    rows = [(n, cells) for n, cells in rows if any(cells)]
    return _build(
        rows, name=path.stem, path=path, shown=shown, title=title, decimal_comma=decimal_comma,
        locate=lambda line, _column: {"path": shown, "line": line},
    )


def read_xlsx_tables(path: Path, shown: str | None = None) -> list[StatsTable]:
    """Every sheet that holds a table; a single text cell above the header is the sheet's title."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    from hkh.core.limits import MAX_STATS_BYTES, MAX_STATS_SHEET_CELLS, MAX_STATS_UNPACKED_BYTES, check_regular
    from hkh.core.workbook_limits import WorkbookLimits, check_xlsx

    shown = shown or str(path)
    check_regular(path, shown, MAX_STATS_BYTES)
    # read-only openpyxl walks every row and column of the area a sheet declares: bound it before opening
    check_xlsx(path, shown, WorkbookLimits(unpacked_bytes=MAX_STATS_UNPACKED_BYTES, sheet_cells=MAX_STATS_SHEET_CELLS))
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises zipfile/KeyError/ValueError for damaged or non-xlsx files
        raise StatsFormatError("stats-workbook-unreadable", path=shown) from None
    tables: list[StatsTable] = []
    try:
        sheets = list(workbook.worksheets)
        for sheet in sheets:
            rows = [
                (number, list(cells))
                for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1)
                if any(cell is not None and str(cell).strip() != "" for cell in cells)
            ]
            if not rows:
                continue
            title: str | None = None
            filled = [cell for cell in rows[0][1] if cell is not None and str(cell).strip()]
            if len(filled) == 1 and len(rows) > 1 and isinstance(filled[0], str):
                title = filled[0].strip()
                rows = rows[1:]
            sheet_shown = f"{shown}!{sheet.title}"
            name = path.stem if len(sheets) == 1 else f"{path.stem}-{sheet.title}"
            if title is None and len(sheets) > 1:
                title = sheet.title
            tables.append(
                _build(
                    rows, name=name, path=path, shown=sheet_shown, title=title, decimal_comma=True,
                    locate=lambda row, column, _s=sheet_shown: {"path": _s, "cell": f"{get_column_letter(column + 1)}{row}"},
                )
            )
    finally:
        workbook.close()
    if not tables:
        raise StatsFormatError("stats-workbook-empty", path=shown)
    return tables


def stats_files(root: Path) -> list[Path]:
    from hkh.project.load import STATS_DIR

    folder = root / STATS_DIR
    if not folder.is_dir():
        return []
    return sorted(
        path for path in folder.iterdir()
        if path.is_file() and path.suffix.lower() in STATS_SUFFIXES and not path.name.startswith((".", "~$"))
    )


def read_stats_tables(project: Any) -> list[StatsTable]:
    """Every table in the project's data/stats/, in file-name order."""
    tables: list[StatsTable] = []
    for path in stats_files(project.root):
        shown = project.path(path.relative_to(project.root))
        description = read_description(path, str(shown))
        if path.suffix.lower() == ".csv":
            tables.append(describe(read_csv_table(path, shown), description))
        else:
            tables.extend(describe(table, description) for table in read_xlsx_tables(path, shown))
    return tables


