"""`protect`: choose the counts to hide so that the audit passes, hiding as little as possible.

The rule: a small hidden count is protected when its interval is at least `protection` wide (at most the width of
the mark's own range: m-2 for [1, m-1]; with that, the published tables tell nothing more about a small count than
its mark), and no hidden count at all is pinned: every interval is at least 1 wide.

The algorithm:
1. Hide every small published count (primary), plus `already_hidden`. Candidates for secondary hiding: published
   counts >= m (and zeros, with `mask_zeros`) that are not `already_shown`.
2. Audit. For each cell that fails (in cell order), solve a small mixed-integer program: the cheapest set of
   candidates whose hiding lets the cell move far enough up and down. The program carries the reader's two extreme
   tables as unknowns (deviation vectors y_up, y_down from the true counts: they satisfy every relation, are zero
   on shown cells and stay within the marks; a candidate may deviate only if it is hidden, z = 1), so its answer is
   exact for that one cell: the cheapest complement given what is already hidden. Cost: hidden cells first, then
   their total count, then the cell order (whole-number costs, so ties are broken deterministically). The program
   first lets only the candidates near the cell move (up to 2, 3, then 5 relations away, besides the hidden and
   unpublished cells linked to it, which move for free), and only then its whole connected component. Hiding more never narrows an interval, so a cell that passed stays passed.
3. Prune: try showing each secondary again, largest first; keep it shown when the audit of its component still
   passes (the cell-by-cell order of step 2 can leave redundant ones). Skipped in components of more than 400
   unknown cells (a breakdown group of one or two people, such as the few who skipped the breakdown question, ties
   every question together), where each trial costs many large programs.
4. Audit everything once more: the result is returned only when it passes (the audit, never the heuristic, is the
   judge).
If a cell fails even when every candidate of its component is hidden, no pattern can protect it (hiding more never
narrows an interval): `DisclosureRefused` names those cells with the best interval they could have.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from hkh.survey.disclosure.intervals import _TOL, _Engine
from hkh.survey.disclosure.model import Cell, DisclosureRefused, Interval, Mark, Protection, Tables, describe


def protect(
    tables: Tables,
    min_cell: int,
    protection: int | None = None,
    *,
    already_shown: Iterable[Cell] = (),
    already_hidden: Iterable[Cell] = (),
    order: Sequence[Cell] | None = None,
    mask_zeros: bool = False,
    integer: bool = False,
) -> Protection:
    """Choose the counts to hide so that `audit` passes: every small count's interval at least `protection` wide
    and no hidden count pinned, hiding as little as possible (see the module docstring).

    `protection` defaults to, and is at most, the width of the mark's own range: m-2 ("<m" is 1..m-1), or m-1
    with `mask_zeros`. `mask_zeros`: zeros may be hidden as complements, and every hidden count under m is shown
    as "<m" (so the reader cannot tell a hidden zero from a small count, and "<m" means 0..m-1). Without it zeros
    are always shown, and a sum of k hidden small counts is known to be at least k.

    `already_shown`: cells published earlier, never hidden now. `already_hidden`: hidden earlier, stay hidden with
    the mark their count implies. Cells of either that are not in `tables` are ignored. `order` breaks ties
    (earlier cells are preferred as complements and protected first); cells not in it follow in a canonical order,
    so the result never depends on dict order or hash seeds. Raises `DisclosureRefused` when no pattern works."""
    if min_cell < 3:
        raise ValueError(f"min_cell {min_cell} is too small: a mark '<{min_cell}' leaves a hidden count no room")
    most = min_cell - 1 if mask_zeros else min_cell - 2
    protection = most if protection is None else protection
    if not 0 <= protection <= most:
        raise ValueError(f"protection must be from 0 to {most} (the width of the mark's range), not {protection}")
    engine = _Engine(tables, min_cell, order, integer, mask_zeros)
    shown = engine.indices(already_shown) | engine.indices(tables.always_shown)
    before = engine.indices(already_hidden)
    if both := shown & before:
        raise ValueError(f"cells both shown and hidden earlier: {', '.join(engine.names(both))}")
    if unpublished := [i for i in before if not engine.published[i]]:
        raise ValueError(f"unpublished cells cannot have been hidden: {', '.join(engine.names(unpublished))}")
    value, m = engine.value, min_cell
    primary = {i for i in range(engine.size) if engine.published[i] and 0 < value[i] < m and i not in shown}
    hidden = primary | before
    eligible = (value >= m) | (value == 0) if mask_zeros else value >= m
    candidates = {int(i) for i in (engine.published & eligible).nonzero()[0]} - shown - hidden
    required = {i: float(max(protection, 1)) if engine.mark(i) is Mark.SMALL else 1.0 for i in hidden}
    solver = _Protector(engine, hidden, candidates, required)
    refused = solver.run()
    if refused:
        earlier = bool(engine.indices(already_shown))
        reason = _refusal(engine, refused, earlier, max(protection, 1))
        best = {engine.keys[i]: refused[i] for i in sorted(refused)}
        raise DisclosureRefused(list(best), reason, best)
    failed, _ = engine.check(solver.hidden, solver.hidden, required)
    if failed:  # pragma: no cover - the steps above only accept patterns the audit passed
        raise AssertionError(f"internal error: the chosen pattern fails the audit at {engine.names(failed)}")
    hidden_keys = frozenset(engine.keys[i] for i in solver.hidden)
    primary_keys = frozenset(engine.keys[i] for i in solver.hidden if engine.mark(i) is Mark.SMALL)
    return Protection(
        hidden=hidden_keys,
        primary=primary_keys,
        secondary=hidden_keys - primary_keys,
        marks={engine.keys[i]: engine.mark(i) for i in sorted(solver.hidden)},
        min_cell=min_cell,
        protection=protection,
    )


def _refusal(engine: _Engine, best: Mapping[int, Interval], shown_before: bool, width: int) -> str:
    """Why: each cell with the widest interval any pattern leaves it."""
    given = "the totals, the number of respondents" + (" and the counts published earlier" if shown_before else "")
    cells = "; ".join(
        f"{describe(engine.keys[i])} (at best between {best[i].low:g} and {best[i].high:g})" for i in sorted(best)
    )
    return (
        f"even with every other count hidden, what is published ({given}) narrows these hidden counts down "
        f"more than the rule allows (a range at least {width} wide): {cells}. Publishing these tables would "
        f"disclose them."
    )


class _Protector:
    """Steps 2-3 of `protect`: complete the pattern cell by cell, then prune it."""

    RADII = (2, 3, 5)  # neighbourhoods tried before the whole component
    HUB = 12  # relations: a cell in more is left out of the neighbourhoods
    PRUNE_LIMIT = 400

    def __init__(self, engine: _Engine, hidden: set[int], candidates: set[int], required: dict[int, float]):

        self.engine = engine
        self.hidden = set(hidden)
        self.candidates = set(candidates)  # counts that may still be hidden
        self.required = required
        self.added: list[int] = []
        self.refused: dict[int, Interval] = {}
        # cells that can differ from their true count in some pattern: they never change during the search
        self.movable = ~engine.published
        self.movable[sorted(self.hidden | self.candidates)] = True

    def run(self) -> dict[int, Interval]:
        """Complete and prune the pattern; the cells nothing can protect, with their best intervals."""
        engine = self.engine
        pending = sorted(self.hidden)
        while pending:
            failed, _ = engine.check(self.hidden, pending, self.required)
            pending = []
            changed = False
            for cell in failed:
                if changed and not engine.check(self.hidden, [cell], self.required)[0]:
                    continue  # an earlier complement protected it too
                chosen = self.complement(cell)
                if not chosen:
                    continue  # refused (recorded by `fallback`)
                changed = True
                for new in chosen:
                    self.candidates.discard(new)
                    self.hidden.add(new)
                    self.required[new] = 1.0
                    self.added.append(new)
                    pending.append(new)  # a secondary must not be pinned either
        if not self.refused:
            self.prune()
        return self.refused

    def complement(self, cell: int) -> list[int] | None:
        """The cheapest candidates to hide so that `cell` passes; None when no choice does."""
        engine, tried, around = self.engine, 0, [cell]
        # the cells the reader cannot pin already move for free, however far they reach (through a small group
        # every question's table): the search adds candidates near the cell, then the whole component
        free = set(engine.region(cell, self.hidden))
        # a margin shared by many tables (a group's size in every breakdown by it) is a poor complement and would
        # bring every question into the neighbourhood: it waits for the whole-component search
        local = self.movable & (engine.degree <= self.HUB)
        for radius in (*self.RADII, None):
            walk = (local if radius is not None else self.movable).__getitem__
            around = sorted(free.union(engine.near(cell, walk, radius)))
            if len(around) == tried:
                continue
            tried = len(around)
            chosen = self.cheapest(cell, around)
            if chosen is not None:
                return chosen
        return self.fallback(cell, around)

    def cheapest(self, cell: int, around: list[int]) -> list[int] | None:
        """The mixed-integer program of step 2 over the cells `around` (the others do not move)."""
        import numpy as np
        from scipy import sparse
        from scipy.optimize import Bounds, LinearConstraint, milp

        engine = self.engine
        program = engine.program(around, deviations=True)
        n = len(around)
        choice = [k for k, c in enumerate(around) if c in self.candidates]
        value = engine.value[around]
        low = np.array(program.low) - value
        high = np.array(program.high) - value
        # a candidate moves only when hidden, and then within its mark; no cell needs to move further than
        # 2(m-1) to open a small count's range (for tables with margins a cell moves at most as far as the
        # protected one; the audit checks the outcome anyway)
        reach = 2.0 * (engine.m - 1)
        for k in choice:
            low[k], high[k] = max(low[k], -reach), min(high[k], reach)
        me = around.index(cell)
        up_low, up_high, down_low, down_high = low.copy(), high.copy(), low.copy(), high.copy()
        up_low[me], down_high[me] = 0.0, 0.0
        picks = len(choice)
        size = 2 * n + picks

        def twice(block: Any) -> Any:  # the same relations for y_up and y_down, none for the choices
            doubled = sparse.block_diag([block, block], format="csr")
            return sparse.hstack([doubled, sparse.csr_matrix((doubled.shape[0], picks))], format="csr")

        a_eq, a_ub = twice(program.a_eq), twice(program.a_ub)
        link_rows, link_cols, link_values = [], [], []
        row = 0
        for j, k in enumerate(choice):
            for offset in (0, n):  # y <= high z and y >= low z, for both deviation vectors
                link_rows += [row, row, row + 1, row + 1]
                link_cols += [offset + k, 2 * n + j, offset + k, 2 * n + j]
                link_values += [1.0, -high[k], -1.0, low[k]]
                row += 2
        wide = np.zeros(size)
        wide[me], wide[n + me] = 1.0, -1.0  # y_up(cell) - y_down(cell) >= required width
        constraints = [LinearConstraint(wide.reshape(1, -1), self.required[cell], np.inf)]
        if a_eq.shape[0]:
            constraints.append(LinearConstraint(a_eq, np.zeros(a_eq.shape[0]), np.zeros(a_eq.shape[0])))
        if a_ub.shape[0]:
            constraints.append(LinearConstraint(a_ub, -np.inf, np.concatenate([program.b_ub, program.b_ub])))
        if row:
            link = sparse.csr_matrix((link_values, (link_rows, link_cols)), shape=(row, size))
            constraints.append(LinearConstraint(link, -np.inf, np.zeros(row)))
        # cost: hidden cells first, then their total value, then the cell order (all whole numbers)
        step = n + 1
        per_cell = step * (int(sum(value[k] for k in choice)) + 1)
        cost = np.zeros(size)
        for j, k in enumerate(choice):
            cost[2 * n + j] = per_cell + step * value[k] + k  # `around` is in cell order
        integrality = np.concatenate([np.full(2 * n, 1 if engine.integer else 0), np.ones(picks)])
        bounds = Bounds(np.concatenate([up_low, down_low, np.zeros(picks)]),
                        np.concatenate([up_high, down_high, np.ones(picks)]))
        result = milp(cost, constraints=constraints, bounds=bounds, integrality=integrality,
                      options={"mip_rel_gap": 0, "time_limit": 60})
        if result.x is None:
            return None
        return [around[k] for j, k in enumerate(choice) if result.x[2 * n + j] > 0.5]

    def fallback(self, cell: int, component: list[int]) -> list[int] | None:
        """Hide every candidate of the cell's component: if the cell still fails, nothing protects it; if not,
        hide the candidates that the reader's two extreme tables move."""
        import numpy as np

        engine = self.engine
        everything = self.hidden | {c for c in component if c in self.candidates}
        failed, intervals = engine.check(everything, [cell], self.required)
        if failed:
            self.refused[cell] = intervals[cell]
            return None
        columns = engine.region(cell, everything)
        program = engine.program(columns, deviations=False)
        moved: set[int] = set()
        for direction in (-1.0, 1.0):
            objective = np.zeros(len(columns))
            objective[columns.index(cell)] = direction
            solution = engine.optimise(program, objective)
            moved |= {c for k, c in enumerate(columns) if abs(solution[k] - engine.value[c]) > _TOL}
        return sorted(moved & self.candidates)

    def prune(self) -> None:
        """Show again each secondary the others make unnecessary, the largest first. Only in components of at most
        PRUNE_LIMIT unknown cells: in huge ones (a breakdown group of one or two people, such as those who skipped
        the breakdown question, ties every question together) each trial costs many large programs, and a redundant
        secondary only costs information."""
        engine = self.engine
        for cell in sorted(self.added, key=lambda c: (-engine.value[c], -c)):
            columns = engine.region(cell, self.hidden)
            if len(columns) > self.PRUNE_LIMIT:
                continue
            region = [c for c in columns if c in self.hidden and c != cell]
            trial = self.hidden - {cell}
            if not engine.check(trial, region, self.required)[0]:
                self.hidden = trial
                self.required.pop(cell, None)
