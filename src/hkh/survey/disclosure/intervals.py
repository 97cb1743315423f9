"""The audit: the interval each hidden count can take given everything published together.

For every hidden cell, the smallest and largest value it can take given all shown counts, all relations, the
marks and non-negativity. This is the standard audit of cell suppression, the LP relaxation over the reals;
`integer=True` solves over whole numbers instead (a mixed-integer program per bound: slower, and never wider).
For one two-way table with its margins both agree (its constraint matrix is totally unimodular); for linked tables
the integer interval may be narrower, so the relaxation is the (slightly) optimistic standard.

How it stays fast: shown counts are constants; an unpublished count that the shown ones determine (a relation
whose other members are all known) is a constant too; what is left splits into connected components (cells linked
through relations), each its own linear program. Two programs that push every unproven cell of a component up, and
down, at once prove most widths; only the rest get one program per bound. The reader's tables found on the way are
kept as witnesses: one stays a proof for as long as every cell it moves is still hidden (hiding more only widens
intervals), so a later audit of a slightly different pattern re-solves only what changed. scipy (HiGHS) and numpy
are imported inside functions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from hkh.survey.disclosure.model import Cell, Interval, Mark, Relation, Tables, _canonical, describe

if TYPE_CHECKING:  # pragma: no cover - typing only
    import numpy as np

_TOL = 1e-6  # LP solutions are exact to about 1e-9; widths are whole numbers in practice


def audit(
    tables: Tables, hidden: Iterable[Cell], min_cell: int, *, mask_zeros: bool = False, integer: bool = False
) -> dict[Cell, Interval]:
    """The interval each hidden cell can take given everything published: every shown count, every relation, the
    marks of the hidden cells and non-negativity. Marks follow from the counts: 1 to m-1 is "<m" (from 1, as zeros
    are shown; from 0 with `mask_zeros`), m or more is a secondary's mark (>= m), a hidden zero is "<m" from 0.
    LP relaxation over the reals (the standard audit); `integer=True` solves over whole numbers. Hidden cells are
    given by key and must be published."""
    engine = _Engine(tables, min_cell, None, integer, mask_zeros)
    chosen = engine.indices(hidden)
    if unpublished := [engine.keys[i] for i in chosen if not engine.published[i]]:
        raise ValueError(f"unpublished cells cannot be hidden: {', '.join(map(describe, unpublished))}")
    _, intervals = engine.check(chosen, chosen, None)
    return {engine.keys[i]: intervals[i] for i in sorted(chosen)}


@dataclass
class _Program:
    """One linear program over `columns` (cell indices): equalities, inequalities and bounds."""

    columns: list[int]
    a_eq: Any
    b_eq: Any
    a_ub: Any
    b_ub: Any
    low: Any
    high: Any


class _Engine:
    """The cells as arrays in a canonical order, the relations as one signed incidence matrix, and the audit."""

    def __init__(
        self, tables: Tables, min_cell: int, order: Sequence[Cell] | None, integer: bool, zeros_masked: bool
    ) -> None:
        import numpy as np
        from scipy import sparse

        given = {key: position for position, key in enumerate(order or ()) if key in tables.values}
        rest = sorted((key for key in tables.values if key not in given), key=_canonical)
        self.keys: list[Cell] = sorted(given, key=given.__getitem__) + rest
        self.index = {key: position for position, key in enumerate(self.keys)}
        self.size = len(self.keys)
        for key in self.keys:
            count = tables.values[key]
            if not isinstance(count, (int, np.integer)) or count < 0:
                raise ValueError(f"cell {describe(key)} has count {count!r}: counts are whole numbers >= 0")
        self.value = np.array([tables.values[key] for key in self.keys], dtype=float)
        self.published = np.array([key not in tables.unpublished for key in self.keys], dtype=bool)
        self.m = min_cell
        self.integer = integer
        self.zeros_masked = zeros_masked
        # stands in for "no upper bound": a cell that reaches it in a solution is reported as unbounded
        self.cap = 4.0 * (float(self.value.sum()) + min_cell * self.size) + 10.0
        # relations in a canonical order too, each once: the programs must not depend on the caller's order
        relations = sorted({(self._relation_members(relation), relation.exact) for relation in tables.relations})
        self.members: list[tuple[int, ...]] = [members for members, _ in relations]  # total first, then parts
        self.exact = np.array([exact for _, exact in relations], dtype=bool)
        self.relations_of: list[list[int]] = [[] for _ in self.keys]
        rows, columns, signs = [], [], []
        for number, (members, exact) in enumerate(relations):
            sign = 1.0 if exact else -1.0  # exact: total - parts = 0; inexact: parts - total <= 0
            for place, cell in enumerate(members):
                self.relations_of[cell].append(number)
                rows.append(number)
                columns.append(cell)
                signs.append(sign if place == 0 else -sign)
        shape = (len(relations), self.size)
        self.matrix = sparse.csr_matrix((signs, (rows, columns)), shape=shape)
        self.by_cell = self.matrix.tocsc()
        self.degree = np.array([len(relations) for relations in self.relations_of])
        self.incidence = abs(self.matrix).tocsr()
        self._unknown: tuple[frozenset[int], np.ndarray] | None = None
        # per cell, the reader's tables with its lowest and highest count found so far
        self.witnesses: dict[int, list[_Witness | None]] = {}
        pairs = [self._bounds(cell) for cell in range(self.size)]
        self.floor = np.array([low for low, _ in pairs], dtype=float)
        self.ceiling = np.array([high for _, high in pairs], dtype=float)

    def _relation_members(self, relation: Relation) -> tuple[int, ...]:
        missing = [key for key in (relation.total, *relation.parts) if key not in self.index]
        if missing:
            raise ValueError(f"a relation names cells without a count: {', '.join(map(describe, missing))}")
        total, parts = self.index[relation.total], sorted(self.index[key] for key in relation.parts)
        if total in parts or len(set(parts)) != len(parts):
            raise ValueError(f"relation for {describe(relation.total)} repeats a cell")
        added = float(sum(self.value[p] for p in parts))
        if (added != self.value[total]) if relation.exact else (added > self.value[total]):
            sign = "=" if relation.exact else ">="
            raise ValueError(f"relation {describe(relation.total)} {sign} sum of parts fails: {self.value[total]:g}"
                             f" against {added:g}")
        return (total, *parts)

    def indices(self, keys: Iterable[Cell]) -> set[int]:
        return {self.index[key] for key in keys if key in self.index}

    def names(self, cells: Iterable[int]) -> list[str]:
        return [describe(self.keys[i]) for i in sorted(cells)]

    def mark(self, cell: int) -> Mark:
        count = self.value[cell]
        return Mark.SMALL_OR_ZERO if count == 0 else Mark.SMALL if count < self.m else Mark.LARGE

    def _bounds(self, cell: int) -> tuple[float, float]:
        """What the reader knows of a cell that is not shown."""
        if not self.published[cell]:
            return 0.0, self.cap
        mark = self.mark(cell)
        if mark is Mark.LARGE:
            return float(self.m), self.cap
        zero_possible = mark is Mark.SMALL_OR_ZERO or self.zeros_masked
        return (0.0 if zero_possible else 1.0), float(self.m - 1)

    def near(self, start: int, walk: Any, radius: int | None = None) -> list[int]:
        """Cells at most `radius` relations away from `start` (or all reachable), walking over cells for which
        `walk` holds."""
        seen, frontier, steps = {start}, [start], 0
        while frontier and (radius is None or steps < radius):
            following = []
            for cell in frontier:
                for relation in self.relations_of[cell]:
                    for other in self.members[relation]:
                        if other not in seen and walk(other):
                            seen.add(other)
                            following.append(other)
            frontier, steps = following, steps + 1
        return sorted(seen)

    def unknown(self, hidden: set[int]) -> np.ndarray:
        """Which cells the reader does not know outright: the hidden ones, and the unpublished ones that the shown
        counts do not determine (a relation whose other members are all known determines its last one). Fixing
        the determined ones changes no interval (the relation pins them anyway) but cuts the programs into small
        components: who skipped a breakdown question is unpublished, yet known from the published counts, and
        would otherwise tie every question's table together. Kept for the last hidden set asked about."""
        import numpy as np

        frozen = frozenset(hidden)
        if self._unknown is not None and self._unknown[0] == frozen:
            return self._unknown[1]
        unknown = ~self.published
        unknown[sorted(frozen)] = True
        missing = np.asarray(self.incidence @ unknown.astype(float)).round().astype(int)
        queue = [int(r) for r in np.flatnonzero((missing == 1) & self.exact)]
        while queue:
            relation = queue.pop()
            if missing[relation] != 1:
                continue
            cell = next(c for c in self.members[relation] if unknown[c])
            if self.published[cell]:
                continue  # a hidden count pinned down: the audit reports it, it is not a constant
            unknown[cell] = False
            for other in self.relations_of[cell]:
                missing[other] -= 1
                if missing[other] == 1 and self.exact[other]:
                    queue.append(other)
        self._unknown = (frozen, unknown)
        return unknown

    def region(self, start: int, hidden: set[int]) -> list[int]:
        """The cells the audit of `start` (a hidden cell) solves for: those linked to it through relations over
        cells the reader does not know."""
        return self.near(start, self.unknown(hidden).__getitem__)

    def program(self, columns: list[int], deviations: bool) -> _Program:
        """The relations over `columns`; every other cell is a constant. With `deviations=False` the unknowns are
        counts, with `deviations=True` changes from the true counts."""
        import numpy as np

        selected = np.asarray(columns, dtype=int)
        rows = np.unique(self.by_cell[:, selected].indices)
        block = self.matrix[rows]
        if deviations:
            constant = block @ self.value  # zero for the equalities, the slack of the inequalities
        else:
            outside = self.value.copy()
            outside[selected] = 0.0
            constant = block @ outside
        inner = block[:, selected]
        exact = self.exact[rows]
        eq_rhs = np.zeros(int(exact.sum())) if deviations else -constant[exact]
        return _Program(columns, inner[exact], eq_rhs, inner[~exact], -constant[~exact], self.floor[selected],
                        self.ceiling[selected])

    def optimise(self, program: _Program, objective: np.ndarray) -> np.ndarray:
        """Minimise `objective` over the program (in counts); the true counts are always a solution."""
        import numpy as np
        from scipy.optimize import Bounds, LinearConstraint, linprog, milp

        if self.integer:
            constraints = []
            if program.a_eq.shape[0]:
                constraints.append(LinearConstraint(program.a_eq, program.b_eq, program.b_eq))
            if program.a_ub.shape[0]:
                constraints.append(LinearConstraint(program.a_ub, -np.inf, program.b_ub))
            result = milp(objective, constraints=constraints, bounds=Bounds(program.low, program.high),
                          integrality=np.ones(len(objective)), options={"mip_rel_gap": 0})
        else:
            result = linprog(
                objective,
                A_ub=program.a_ub if program.a_ub.shape[0] else None,
                b_ub=program.b_ub if program.a_ub.shape[0] else None,
                A_eq=program.a_eq if program.a_eq.shape[0] else None,
                b_eq=program.b_eq if program.a_eq.shape[0] else None,
                bounds=np.column_stack([program.low, program.high]),
                method="highs",
            )
        if result.x is None:  # pragma: no cover - the true counts are feasible
            raise RuntimeError(f"audit program failed: {result.message}")
        return np.asarray(result.x)

    def check(
        self, hidden: set[int], targets: Iterable[int], required: Mapping[int, float] | None
    ) -> tuple[list[int], dict[int, Interval]]:
        """Audit `targets` (hidden cells) with `hidden` hidden. With `required`, stop at a proof that a cell's
        interval is wide enough (two of the reader's possible tables that far apart) and return the cells that
        fail; without, return the exact interval of every target."""
        import numpy as np

        failed: list[int] = []
        intervals: dict[int, Interval] = {}
        done: set[int] = set()
        for start in sorted(set(targets)):
            if start in done:
                continue
            columns = np.array(self.region(start, hidden), dtype=int)
            wanted = [int(c) for c in columns if c in targets and c not in done]
            done.update(wanted)
            failed += self._check_component(columns, wanted, required, intervals)
        return sorted(failed), intervals

    def _check_component(
        self, columns: np.ndarray, wanted: list[int], required: Mapping[int, float] | None,
        intervals: dict[int, Interval],
    ) -> list[int]:
        import numpy as np

        program = self.program([int(c) for c in columns], deviations=False)
        places = np.searchsorted(columns, wanted)
        low = self.value[wanted].copy()
        high = low.copy()
        floor, ceiling = program.low[places], program.high[places]
        need = np.array([required[c] for c in wanted]) if required is not None else np.full(len(wanted), np.inf)
        proofs = [self.witnesses.get(cell, [None, None]) for cell in wanted]
        valid: dict[int, bool] = {}

        def learn(witness: _Witness, k: int) -> None:
            found = witness.x[np.searchsorted(witness.columns, wanted[k])]
            if found < low[k]:
                low[k], proofs[k][0] = found, witness
            if found > high[k]:
                high[k], proofs[k][1] = found, witness

        # the reader's tables found earlier still prove a width as long as every cell they move is unknown
        for k in range(len(wanted)):
            for witness in [w for w in proofs[k] if w is not None]:
                if id(witness) not in valid:
                    # outside this component everything counts as known (at worst a valid witness is dropped)
                    fixed = ~np.isin(witness.columns, columns, assume_unique=True)
                    moved = np.abs(witness.x[fixed] - self.value[witness.columns[fixed]])
                    valid[id(witness)] = bool(np.all(moved <= _TOL))
                if valid[id(witness)]:
                    learn(witness, k)

        def push(selection: np.ndarray, direction: float) -> None:
            objective = np.zeros(len(columns))
            objective[places[selection]] = direction
            witness = _Witness(columns, self.optimise(program, objective))
            for k in range(len(wanted)):
                learn(witness, k)

        # programs that move every unproven cell at once prove most of them; then one cell at a time
        for _ in range(3):
            open_top = (high - low < need - _TOL) & (high < ceiling - _TOL)
            open_bottom = (high - low < need - _TOL) & (low > floor + _TOL)
            if open_top.sum() + open_bottom.sum() <= 2:
                break
            before = high - low
            if open_top.any():
                push(open_top, -1.0)
            if open_bottom.any():
                push(open_bottom, 1.0)
            if np.allclose(before, high - low):
                break
        for k in range(len(wanted)):
            for direction in (-1.0, 1.0):
                if high[k] - low[k] >= need[k] - _TOL:
                    break
                if (high[k] < ceiling[k] - _TOL) if direction < 0 else (low[k] > floor[k] + _TOL):
                    push(np.arange(len(wanted)) == k, direction)
        failed = []
        for k, cell in enumerate(wanted):
            self.witnesses[cell] = proofs[k]
            top = math.inf if high[k] >= self.cap - _TOL else round(float(high[k]), 6)
            intervals[cell] = Interval(round(float(low[k]), 6), top)
            if high[k] - low[k] < need[k] - _TOL:
                failed.append(cell)
        return failed


@dataclass
class _Witness:
    """One table the reader cannot rule out: counts of `columns` (sorted); every other cell at its true count."""

    columns: Any
    x: Any
