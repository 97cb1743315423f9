"""An export's answer columns read into the text responses.csv holds: codes, numbers, dates and open text, each
column in one pass, each distinct value converted once.

The reading half of building an imported survey (`hkh.survey.interpret`): `ColumnReader` is what `_Builder` reads
its columns with.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from hkh.core.errors import HkhError, Message, say
from hkh.core.safe_text import csv_cell, document_text
from hkh.survey.deidentify import ColumnVerdict, TextMasker, identity_number
from hkh.survey.structure import StructRow, parse_date, parse_number
from hkh.survey.surveyxact import RawTable, as_code, as_text, is_blank


@dataclass
class Column:
    """One dataset column and what it became."""

    index: int
    name: str
    row: StructRow | None = None
    role: str = "question"  # question | status | closetime | system | identifier
    status_code: int | None = None
    reason: ColumnVerdict | None = None


class ConvertOnce(dict[Any, Any]):
    """A cell value → its conversion, filled in on first sight.

    A column repeats a handful of values thousands of times. Mapped through this, each distinct value is converted
    (and checked) once, in Python, within the one C-level pass that maps the whole column: no separate pass to
    find the distinct values, no Python work per cell (per-cell work was most of the time of a large import).
    """

    def __init__(self, convert: Callable[[Any], Any]) -> None:
        super().__init__()
        self.convert = convert

    def __missing__(self, value: Any) -> Any:
        converted = self[value] = self.convert(value)
        return converted


def mapped(values: Sequence[Any], mapping: dict[Any, Any]) -> list[Any]:
    """`[mapping[v] for v in values]` in C (measured fastest of the C-level ways for a `ConvertOnce`)."""
    return list(map(mapping.__getitem__, values))


class ColumnReader:
    """The columns of an export's dataset, read one at a time into text (the attributes are set by the builder)."""

    dataset: RawTable
    by_column: list[Sequence[Any]]
    row_count: int
    values: dict[str, list[str]]
    distinct_codes: dict[str, set[int]]
    warnings: list[Message]

    def cell_error(self, code: str, row: int, column: int, /, **values: Any) -> HkhError:
        return self.dataset.error(code, row + 1, column, **values)

    def column_values(self, column: Column) -> Sequence[Any]:
        values = self.by_column[column.index]
        assert len(values) == self.row_count, f"column {column.name!r} read again after `keep` let its cells go"
        return values

    def keep(self, column: Column, texts: list[str]) -> None:
        """A question's column is final: its text is kept and the cells as read are let go at once, while they
        are still in the CPU cache (every column is one question's, read once)."""
        self.values[column.name] = texts
        self.by_column[column.index] = self.dataset.columns[column.index] = ()  # type: ignore[index,call-overload]

    def parsed_column(self, column: Column, parse: Callable[[Any], Any]) -> tuple[list[str], dict[Any, Any]]:
        """The column as text, each distinct non-blank value parsed once: the texts ("" where blank or where the
        value does not parse) and what each distinct non-blank value parsed to (None where it did not)."""
        parsed: dict[Any, Any] = {}

        def text(value: Any) -> str:
            if is_blank(value):
                return ""
            result = parsed[value] = parse(value)
            return "" if result is None else str(result)

        return mapped(self.column_values(column), ConvertOnce(text)), parsed

    def first_row_of(self, column: Column, values: list[Any]) -> int:
        cells = self.column_values(column)
        return min(cells.index(value) for value in values)

    def code_column(self, column: Column, allowed: set[int] | None = None) -> list[str]:
        """The column as the text of its codes ("" where blank); its distinct codes go to `distinct_codes`."""
        texts, codes = self.parsed_column(column, as_code)
        self.distinct_codes[column.name] = {code for code in codes.values() if code is not None}
        bad = [value for value, code in codes.items() if code is None or (allowed is not None and code not in allowed)]
        if bad:
            r = self.first_row_of(column, bad)
            value = self.column_values(column)[r]
            if codes[value] is None:
                raise self.cell_error("cell-not-code", r, column.index, value=as_text(value), column=column.name)
            raise self.cell_error("checkbox-not-binary", r, column.index, value=codes[value], column=column.name)
        return texts

    def number_column(self, column: Column) -> tuple[list[str], int]:
        """The column as text, and how many answers were removed for being identity numbers."""
        texts, numbers = self.parsed_column(column, parse_number)
        bad = [value for value, number in numbers.items() if number is None]
        if bad:
            r = self.first_row_of(column, bad)
            value = self.column_values(column)[r]
            raise self.cell_error("cell-not-number", r, column.index, value=as_text(value), column=column.name)
        # a number question never publishes an identity number, not even as its maximum
        identities = {str(number) for number in numbers.values() if identity_number(number)}
        if not identities:
            return texts, 0
        removed = sum(1 for text in texts if text in identities)
        return ["" if text in identities else text for text in texts], removed

    def date_column(self, column: Column) -> list[str]:
        values = self.column_values(column)
        unparsed: set[Any] = set()

        def date_text(value: Any) -> str:
            if is_blank(value):
                return ""
            parsed = parse_date(value)
            if parsed is None:
                unparsed.add(value)
                return as_text(value).strip()
            return parsed

        texts = mapped(values, ConvertOnce(date_text))
        if unparsed:
            count = sum(1 for value in values if value in unparsed)
            self.warnings.append(say("messages.import-dates-as-text", n=count, column=column.name))
        return texts

    def text_column(self, column: Column, masker: TextMasker | None = None) -> list[str]:
        """The column as text; with a `masker`, identifiers inside the answers masked (each distinct answer once).

        Control characters go, and an answer a spreadsheet would run as a formula (`=cmd|…`) gets an apostrophe in
        front (OWASP), since a team member may open responses.csv in Excel; open text is never counted, and the raw
        export keeps the answer as given."""
        def text(value: Any) -> str:
            if is_blank(value):
                return ""
            cleaned = document_text(as_text(value))
            return csv_cell(masker(cleaned) if masker is not None else cleaned)

        return mapped(self.column_values(column), ConvertOnce(text))
