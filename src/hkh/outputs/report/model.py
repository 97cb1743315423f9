"""The report as a plain model: chapters of sections holding paragraphs, lists, tables, figures and quotes.

Built once from the results (`hkh.outputs.report.builder`) and drawn by both renderers (`html`, `docx`), so the HTML
file and the Word document always say the same thing.
"""

from __future__ import annotations

import base64
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from hkh.i18n import t


@dataclass
class Paragraph:
    text: str
    style: str = ""  # "draft" (a note to the team), "note" (small print), "lead"
    kind: ClassVar[str] = "paragraph"


@dataclass
class Bullets:
    items: list[str]
    kind: ClassVar[str] = "bullets"


@dataclass
class Facts:
    """Label/value pairs shown as a definition list (effort details, a finding's strength)."""

    items: list[tuple[str, str]]
    kind: ClassVar[str] = "facts"


@dataclass
class Quote:
    text: str
    attribution: str  # the speaker's role ("bruker av miljøet"), never a name; empty when no person spoke
    cited_from: str = ""  # where it is quoted from ("Kilde: …"), for a document: a document is not a speaker
    kind: ClassVar[str] = "quote"


@dataclass
class TableRow:
    cells: list[str]
    attrs: dict[str, str] = field(default_factory=dict)
    group: str | None = None


@dataclass
class Cell:
    column: int
    text: str
    rowspan: int = 1


STACKED_STYLES = frozenset({"steps", "sources", "gaps", "plan", "proposals"})


@dataclass
class Table:
    headers: list[str]
    rows: list[TableRow]
    caption: str | None = None
    number: int | None = None
    style: str = ""
    attrs: dict[str, str] = field(default_factory=dict)
    merge_column: int | None = None  # cells of this column are merged over consecutive rows of one group
    numeric_columns: tuple[int, ...] = ()
    note: str | None = None
    kind: ClassVar[str] = "table"

    @property
    def stacks(self) -> bool:
        """A table of sentences (the plan, the gaps, the steps, the sources) shown on a phone as one block per row,
        each cell under its column's name, instead of columns too narrow to read; tables of figures scroll."""
        return self.style in STACKED_STYLES

    def layout(self) -> list[tuple[TableRow, list[Cell]]]:
        """Rows with the cells to draw: a merged cell appears once, with its rowspan, and not on later rows."""
        laid_out: list[tuple[TableRow, list[Cell]]] = []
        index = 0
        while index < len(self.rows):
            row = self.rows[index]
            span = 1
            if self.merge_column is not None and row.group is not None:
                while index + span < len(self.rows) and self.rows[index + span].group == row.group:
                    span += 1
            for offset in range(span):
                current = self.rows[index + offset]
                cells = [
                    Cell(column, text, span if column == self.merge_column else 1)
                    for column, text in enumerate(current.cells)
                    if not (offset > 0 and column == self.merge_column)
                ]
                laid_out.append((current, cells))
            index += span
        return laid_out


@dataclass
class Figure:
    png: bytes
    caption: str
    alt: str
    number: int | None = None
    note: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)
    svg: str | None = None  # the same chart as inline SVG for the HTML (text that scales); Word uses the PNG
    # kept at its printed size on a narrow screen, in a box that scrolls sideways: a chart whose text would be
    # too small to read if it shrank to a phone's width (the week heatmap)
    scroll: bool = False
    kind: ClassVar[str] = "figure"

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")

    @property
    def inches(self) -> float:
        """The chart's width as drawn (charts are drawn at 150 dpi): its natural size on screen and on paper."""
        return round(self.size[0] / 150, 2)

    @property
    def size(self) -> tuple[int, int]:
        """Pixel width and height from the PNG header (so the page does not reflow while images decode)."""
        if self.png[:8] != b"\x89PNG\r\n\x1a\n" or len(self.png) < 24:
            return (0, 0)
        width, height = struct.unpack(">II", self.png[16:24])
        return (int(width), int(height))


Block = Paragraph | Bullets | Facts | Quote | Table | Figure


@dataclass
class Section:
    title: str
    anchor: str
    level: int
    number: str | None = None
    blocks: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    key: str = ""

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title

    def walk(self) -> Iterator[Section]:
        yield self
        for section in self.sections:
            yield from section.walk()


@dataclass
class Report:
    language: str
    title: str
    subtitle: str
    meta: list[tuple[str, str]]
    chapters: list[Section]
    generated: str
    author: str = ""  # the commissioner, else the team (the document's properties)
    date: str = ""  # ISO date the report was made

    def sections(self) -> Iterator[Section]:
        for chapter in self.chapters:
            yield from chapter.walk()

    def labels(self) -> dict[str, str]:
        return {key: t(f"report.{key}", self.language) for key in ("contents", "figure", "table", "scroll_hint")}
