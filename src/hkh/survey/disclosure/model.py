"""The disclosure engine's vocabulary: cells, relations, the tables published together, marks, intervals, and the
result of `protect`.

- A cell is a hashable key with a non-negative whole number (its true count). Published totals are cells too, and
  so are counts no table shows but which tie tables together (`Tables.unpublished`: who skipped a question, who
  answered it within a group). The same count published in two tables is ONE cell (one key).
- A `Relation` says `total = sum(parts)` (or, with `exact=False`, `sum(parts) <= total`: a multiple-choice option
  is ticked by at most everyone who answered). A relation holds whether or not its cells are shown, and the reader
  ("attacker") knows every relation.
- What the reader knows of a hidden cell is its `Mark`: a small count is shown as "<m", so it lies in [1, m-1]
  (zeros are always shown, so "<m" excludes 0; with `mask_zeros`, a zero may be hidden as "<m" too and the range
  is [0, m-1]); a count hidden only to protect another (secondary) gets its own mark, so it is known to be at least
  m. Unpublished cells are only known to be >= 0. Shown cells are known exactly.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

Cell = Hashable


class Mark(Enum):
    """What a table shows instead of a hidden count, and so what the reader knows of it."""

    SMALL = "small"  # "<m": a count from 1 to m-1
    LARGE = "large"  # hidden to protect another count: m or more
    SMALL_OR_ZERO = "small or zero"  # a zero hidden by an older rule that showed every hidden count as "<m"


@dataclass(frozen=True)
class Relation:
    """`total = sum(parts)`; with `exact=False`, `sum(parts) <= total`."""

    total: Cell
    parts: tuple[Cell, ...]
    exact: bool = True


@dataclass(frozen=True)
class Tables:
    """Cells with their true counts, the relations between them, and the cells no table shows."""

    values: Mapping[Cell, int]
    relations: tuple[Relation, ...] = ()
    unpublished: frozenset[Cell] = frozenset()
    # published where nothing can be hidden (the report states the number of respondents): never hidden
    always_shown: frozenset[Cell] = frozenset()

    def __add__(self, other: Tables) -> Tables:
        return combine(self, other)


@dataclass(frozen=True)
class Interval:
    low: float
    high: float  # math.inf when nothing bounds the cell from above

    @property
    def width(self) -> float:
        return self.high - self.low


@dataclass(frozen=True)
class Protection:
    """The result of `protect`: what to hide and with which mark. It has passed the audit."""

    hidden: frozenset[Cell]
    primary: frozenset[Cell]  # the small counts (1 to m-1), shown as "<m"
    secondary: frozenset[Cell]  # hidden to protect others: counts >= m (own mark), and zeros ("<m") with mask_zeros
    marks: Mapping[Cell, Mark]
    min_cell: int
    protection: int


class DisclosureRefused(Exception):
    """No suppression pattern protects `cells`: counts published earlier, or the tables' own totals, pin them down.
    `best`: the widest interval each could have (with every other allowed count hidden); `reason` says it in
    plain English."""

    def __init__(self, cells: Sequence[Cell], reason: str, best: Mapping[Cell, Interval] | None = None) -> None:
        super().__init__(reason)
        self.cells: tuple[Cell, ...] = tuple(cells)
        self.reason = reason
        self.best: Mapping[Cell, Interval] = dict(best or {})


def combine(*parts: Tables) -> Tables:
    """The tables published together: one cell per key (the same count in two tables must agree), every relation
    once, and a cell is unpublished only when no table shows it."""
    values: dict[Cell, int] = {}
    relations: dict[Relation, None] = {}
    unpublished: set[Cell] = set()
    published: set[Cell] = set()
    always_shown: set[Cell] = set()
    for part in parts:
        always_shown |= part.always_shown
        for key, value in part.values.items():
            if values.setdefault(key, value) != value:
                raise ValueError(f"cell {describe(key)} is {values[key]} in one table and {value} in another")
            (unpublished if key in part.unpublished else published).add(key)
        relations.update(dict.fromkeys(part.relations))
    return Tables(values, tuple(relations), frozenset(unpublished - published), frozenset(always_shown))


def describe(cell: Cell) -> str:
    """A cell for people: a key of `question: option` pairs reads "Q1=2 × kjonn=1"; the empty key is everyone."""
    if isinstance(cell, frozenset) and all(isinstance(pair, tuple) and len(pair) == 2 for pair in cell):
        if not cell:
            return "all respondents"
        pairs = sorted(cell, key=_canonical)
        return " × ".join(f"{q}={o.value if isinstance(o, Enum) else o}" for q, o in pairs)
    return repr(cell)



def _canonical(item: Any) -> tuple[Any, ...]:
    """A sort key that is the same in every process (hash order is not): ties are broken by it."""
    if item is None:
        return (0,)
    if isinstance(item, (bool, int, float)):
        return (1, item)
    if isinstance(item, str):
        return (2, item)
    if isinstance(item, Enum):
        return (3, type(item).__name__, str(item.value))
    if isinstance(item, tuple):
        return (4, tuple(_canonical(part) for part in item))
    if isinstance(item, frozenset):
        return (5, tuple(sorted(_canonical(part) for part in item)))
    return (6, type(item).__name__, repr(item))
