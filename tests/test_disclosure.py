"""The disclosure engine: hand-worked leaks of the greedy rule, the engine's answers to them, refusals, the shapes'
key scheme, the rule for numbers, and properties of `protect` on random linked tables checked by an audit written
here (dense linear programs over every cell, no presolve, no components) and by brute force on tiny tables."""

from __future__ import annotations

import itertools
import os
import random
from collections.abc import Iterable, Mapping
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from hkh.survey.disclosure import (
    EVERYONE,
    DisclosureRefused,
    Interval,
    Margin,
    Mark,
    Question,
    Relation,
    Tables,
    audit,
    combine,
    key,
    one_way_table,
    protect,
    release_numbers,
    two_way_table,
)

# the project's hypothesis profile (tests/conftest.py) derandomizes: the same examples on every run
PROPERTY = settings(max_examples=int(os.environ.get("HKH_FUZZ_EXAMPLES", "40")))


# ------------------------------------------------------------------------------------------------ helpers


def greedy(counts: Mapping[Any, int], lines: Iterable[list[Any]], m: int) -> set[Any]:
    """The old rule of survey/tables.py: hide 1..m-1, then the smallest visible count of any line (a row or column
    with a published total) that has exactly one hidden count, until nothing changes."""
    order = {k: i for i, k in enumerate(counts)}
    hidden = {k for k, c in counts.items() if 0 < c < m}
    lines = [line for line in lines if len(line) > 1]
    changed = True
    while changed:
        changed = False
        for line in lines:
            if len([k for k in line if k in hidden]) == 1:
                visible = [k for k in line if k not in hidden]
                if visible:
                    hidden.add(min(visible, key=lambda k: (counts[k], order[k])))
                    changed = True
    return hidden


def independent_audit(
    tables: Tables, hidden: set[Any], m: int, mask_zeros: bool = False
) -> dict[Any, tuple[float, float]]:
    """Min and max of every hidden cell: one dense LP over all cells, shown cells fixed by their bounds."""
    import numpy as np
    from scipy.optimize import linprog

    cells = sorted(tables.values, key=repr)
    where = {c: i for i, c in enumerate(cells)}
    big = 10.0 * (sum(tables.values.values()) + 10)
    bounds = []
    for c in cells:
        v = tables.values[c]
        if c in tables.unpublished:
            bounds.append((0.0, big))
        elif c not in hidden:
            bounds.append((float(v), float(v)))
        elif v >= m:
            bounds.append((float(m), big))
        else:
            bounds.append((0.0 if v == 0 or mask_zeros else 1.0, float(m - 1)))
    eq: list[Any] = []
    ub: list[Any] = []
    for r in tables.relations:
        row = np.zeros(len(cells))
        for part in r.parts:
            row[where[part]] += 1.0
        row[where[r.total]] -= 1.0
        (eq if r.exact else ub).append(row)
    kwargs: dict[str, Any] = {"bounds": bounds, "method": "highs"}
    if eq:
        kwargs |= {"A_eq": np.array(eq), "b_eq": np.zeros(len(eq))}
    if ub:
        kwargs |= {"A_ub": np.array(ub), "b_ub": np.zeros(len(ub))}
    result = {}
    for c in hidden:
        objective = np.zeros(len(cells))
        objective[where[c]] = 1.0
        low = linprog(objective, **kwargs)
        high = linprog(-objective, **kwargs)
        assert low.status == 0 and high.status == 0
        top = high.x[where[c]]
        result[c] = (round(low.x[where[c]], 6), float("inf") if top > big - 1 else round(top, 6))
    return result


def answers_of(pairs: list[tuple[Any, Any]], times: list[int]) -> tuple[list[Any], list[Any]]:
    rows = [pair for pair, n in zip(pairs, times) for _ in range(n)]
    return [a for a, _ in rows], [b for _, b in rows]


def grid(rows: list[list[int]]) -> tuple[Tables, dict[Any, int], list[list[Any]]]:
    """A two-way table with its row, column and grand totals, all published: cells ("c", i, j)."""
    values: dict[Any, int] = {}
    relations = []
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            values["c", i, j] = v
        values["row", i] = sum(row)
        relations.append(Relation(("row", i), tuple(("c", i, j) for j in range(len(row)))))
    for j in range(len(rows[0])):
        values["col", j] = sum(row[j] for row in rows)
        relations.append(Relation(("col", j), tuple(("c", i, j) for i in range(len(rows)))))
    values["all"] = sum(map(sum, rows))
    relations.append(Relation("all", tuple(("row", i) for i in range(len(rows)))))
    relations.append(Relation("all", tuple(("col", j) for j in range(len(rows[0])))))
    counts = {k: v for k, v in values.items() if k[0] == "c"}
    lines = [[("c", i, j) for j in range(len(rows[0]))] for i in range(len(rows))]
    lines += [[("c", i, j) for i in range(len(rows))] for j in range(len(rows[0]))]
    return Tables(values, tuple(relations)), counts, lines


# ------------------------------------------------------------------------------------------------ hand-worked


def test_greedy_rule_leaks_through_rows_and_columns_of_one_table() -> None:
    # two 2x2 blocks of small counts, joined by one more small count at row 1, column 2: every row and column has
    # two hidden counts, so the greedy rule adds nothing, yet rows 0-1 x columns 0-1 add up to a known 5 + 4 - 5
    tables, counts, lines = grid([[2, 3, 10, 10], [4, 1, 2, 10], [10, 10, 3, 4], [10, 10, 1, 2]])
    old = greedy(counts, lines, 5)
    assert old == {k for k, v in counts.items() if v < 5}
    # row 1 hidden: 17 - 10 = 7 = x10 + x11 + x12; x10 + x11 = (26 - 20 - x00) + (24 - 20 - x01) = 10 - 5
    assert audit(tables, old, 5)[("c", 1, 2)] == Interval(2.0, 2.0)

    result = protect(tables, 5)
    assert old < result.hidden
    assert all(tables.values[k] >= 5 for k in result.secondary)
    check = independent_audit(tables, set(result.hidden), 5)
    assert check[("c", 1, 2)] == (1.0, 4.0)
    assert all(check[k][1] - check[k][0] >= 3 - 1e-9 for k in result.primary)
    assert {k: (i.low, i.high) for k, i in audit(tables, result.hidden, 5).items()} == check


def test_q_by_b_and_b_by_q_give_away_what_each_table_hides() -> None:
    # Q (a, b, "don't know") by B (x, y), and B by Q: the same six counts, two tables with different lines
    q = Question("Q", ("a", "b", "dk"), non_substantive=frozenset({"dk"}))
    b = Question("B", ("x", "y"))
    pairs = [("a", "x"), ("b", "x"), ("dk", "x"), ("a", "y"), ("b", "y"), ("dk", "y")]
    qa, ba = answers_of(pairs, [3, 9, 5, 10, 12, 6])
    cell = {(o, g): key(("Q", o), ("B", g)) for o, g in pairs}
    counts = {cell[p]: n for p, n in zip(pairs, [3, 9, 5, 10, 12, 6])}
    # Q by B: lines are Q's rows over the groups and each group's substantive column (its base)
    q_by_b = greedy(counts, [[cell[o, "x"], cell[o, "y"]] for o in ("a", "b", "dk")]
                    + [[cell["a", g], cell["b", g]] for g in "xy"], 5)
    # B by Q: B's rows over Q's groups (total: B's one-way count) and each Q group's column
    b_by_q = greedy(counts, [[cell[o, g] for o in ("a", "b", "dk")] for g in "xy"]
                    + [[cell[o, "x"], cell[o, "y"]] for o in ("a", "b", "dk")], 5)
    assert cell["b", "x"] in q_by_b - b_by_q  # the 9: hidden in Q by B, shown in B by Q
    assert cell["dk", "x"] in b_by_q - q_by_b  # the 5: hidden in B by Q, shown in Q by B
    tables = one_way_table(q, qa) + one_way_table(b, ba) + two_way_table(q, qa, b, ba) + two_way_table(b, ba, q, qa)
    assert tables.values[key(("B", "x"))] == 17
    # a count is hidden only where both tables hide it: 17 - 9 - 5 = 3
    assert audit(tables, q_by_b & b_by_q, 5)[cell["a", "x"]] == Interval(3.0, 3.0)

    result = protect(tables, 5)
    assert cell["a", "x"] in result.primary
    assert audit(tables, result.hidden, 5)[cell["a", "x"]] == Interval(1.0, 4.0)
    assert independent_audit(tables, set(result.hidden), 5)[cell["a", "x"]] == (1.0, 4.0)


def test_one_way_table_38_12_1_hides_the_12() -> None:
    q = Question("q", (1, 2, 3))
    tables = one_way_table(q, [1] * 38 + [2] * 12 + [3])
    assert tables.values[key(("q", Margin.BASE))] == 51
    result = protect(tables, 5)
    assert result.primary == {key(("q", 3))}
    assert result.secondary == {key(("q", 2))}
    assert result.marks == {key(("q", 3)): Mark.SMALL, key(("q", 2)): Mark.LARGE}
    # 1 + 12 = 13 and the 12 is at least 5: the 1 can be anything from 1 to 4 (and so 12 from 9 to 12)
    assert audit(tables, result.hidden, 5) == {key(("q", 3)): Interval(1.0, 4.0), key(("q", 2)): Interval(9.0, 12.0)}


def test_a_secondary_under_2m_minus_1_is_not_enough_and_a_third_count_is_hidden() -> None:
    q = Question("q", (1, 2, 3))
    tables = one_way_table(q, [1] * 7 + [2] * 7 + [3])
    small, first, second = key(("q", 3)), key(("q", 1)), key(("q", 2))
    # 1 + 7 = 8 with the 7 at least 5: the 1 is at most 3, one short of the mark's range
    assert audit(tables, {small, first}, 5)[small] == Interval(1.0, 3.0)
    result = protect(tables, 5)
    assert result.hidden == {small, first, second}
    assert audit(tables, result.hidden, 5) == {
        first: Interval(5.0, 9.0), second: Interval(5.0, 9.0), small: Interval(1.0, 4.0)}
    # asking for a range 2 wide, one 7 does: the first in cell order
    assert protect(tables, 5, protection=2).hidden == {small, first}


def test_refused_when_counts_published_earlier_pin_a_small_count() -> None:
    q, b = Question("Q", ("a", "b")), Question("B", ("x", "y"))
    qa, ba = answers_of([("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")], [2, 10, 8, 9])
    tables = one_way_table(q, qa) + two_way_table(q, qa, b, ba)
    small = key(("Q", "a"), ("B", "x"))
    assert protect(tables, 5).primary == {small}
    # Q's one-way count 12 and the 10 (from a table of B by Q) were published before: 12 - 10 = 2
    with pytest.raises(DisclosureRefused) as refused:
        protect(tables, 5, already_shown=[key(("Q", "a")), key(("Q", "a"), ("B", "y"))])
    assert refused.value.cells == (small,) and refused.value.best == {small: Interval(2.0, 2.0)}
    assert "published earlier" in refused.value.reason
    assert "B=x × Q=a (at best between 2 and 2)" in refused.value.reason


def test_refused_when_the_tables_themselves_leave_too_little_room() -> None:
    q = Question("q", (1, 2, 3))
    tables = one_way_table(q, [1] * 6 + [2] * 6 + [3])
    # all three hidden: 13 = x + y + z with y, z >= 5, so x <= 3: the range is 1..3, not 1..4
    with pytest.raises(DisclosureRefused) as refused:
        protect(tables, 5)
    assert refused.value.cells == (key(("q", 3)),)
    assert "between 1 and 3" in refused.value.reason
    assert protect(tables, 5, protection=2).hidden == {key(("q", c)) for c in (1, 2, 3)}


def test_masked_zeros_let_a_zero_be_the_complement() -> None:
    # a group of 4 where four people chose four options: with zeros shown each "<5" is at least 1, four of them
    # fill the base (at most 4): every count is pinned, whatever is hidden
    q, b = Question("Q", (1, 2, 3, 4, 5)), Question("B", ("x", "y"))
    qa = [1, 2, 3, 4] + [1] * 10 + [2] * 10 + [5] * 10
    ba = ["x"] * 4 + ["y"] * 30
    tables = two_way_table(q, qa, b, ba) + one_way_table(b, ba)
    with pytest.raises(DisclosureRefused):
        protect(tables, 5, protection=1)
    # with "<5" meaning 0..4 (zeros may hide too) the pattern exists
    result = protect(tables, 5, protection=1, mask_zeros=True)
    check = independent_audit(tables, set(result.hidden), 5, mask_zeros=True)
    assert all(high - low >= 1 for low, high in check.values())
    assert all(tables.values[k] in (0,) or tables.values[k] >= 5 for k in result.secondary)


def test_already_hidden_stays_hidden_and_already_shown_is_never_hidden() -> None:
    q = Question("q", (1, 2, 3, 4))
    tables = one_way_table(q, [1] * 20 + [2] * 12 + [3] * 9 + [4] * 2)
    assert protect(tables, 5).secondary == {key(("q", 3))}  # the 9: 9 = 2m-1
    result = protect(tables, 5, already_shown=[key(("q", 3))], already_hidden=[key(("q", 1))])
    assert result.secondary == {key(("q", 1))}
    assert result.marks[key(("q", 1))] is Mark.LARGE


def test_order_breaks_ties_and_dict_order_does_not() -> None:
    q = Question("q", ("a", "b", "c"))
    tables = one_way_table(q, ["a"] * 9 + ["b"] * 9 + ["c"] * 2)
    assert protect(tables, 5).secondary == {key(("q", "a"))}
    assert protect(tables, 5, order=[key(("q", "b"))]).secondary == {key(("q", "b"))}
    shuffled = Tables(dict(reversed(list(tables.values.items()))), tables.relations[::-1], tables.unpublished,
                      tables.always_shown)
    assert protect(shuffled, 5).secondary == {key(("q", "a"))}


# ------------------------------------------------------------------------------------------------ shapes


def test_keys_of_q_by_b_and_b_by_q_are_the_same_cells() -> None:
    q, b = Question("Q", (1, 2)), Question("B", ("x", "y"))
    qa, ba = [1, 1, 2, None, 2], ["x", "y", "y", "x", None]
    forward, backward = two_way_table(q, qa, b, ba), two_way_table(b, ba, q, qa)
    shared = set(forward.values) & set(backward.values)
    assert key(("Q", 2), ("B", "y")) in shared and forward.values[key(("Q", 2), ("B", "y"))] == 1
    # the respondent who skipped Q is B by Q's "no answer" group, and only counted in Q by B's unpublished cells
    skipped = key(("Q", Margin.NO_ANSWER), ("B", "x"))
    assert skipped in forward.unpublished and skipped not in backward.unpublished
    both = combine(forward, backward)
    assert skipped not in both.unpublished and both.values[skipped] == 1
    assert both.values[EVERYONE] == 5 and EVERYONE in both.always_shown
    with pytest.raises(ValueError, match="in one table"):
        combine(forward, Tables({key(("Q", 2), ("B", "y")): 3}))


def test_groups_smaller_than_smallest_group_are_left_out_of_a_breakdown() -> None:
    q, b = Question("Q", (1, 2)), Question("B", ("x", "y"))
    qa, ba = [1, 2, 1, 2, 1, 2, 1], ["x", "x", "x", "x", "x", "y", None]
    table = two_way_table(q, qa, b, ba, smallest_group=2)
    published = {k for k in table.values if k not in table.unpublished}
    assert key(("Q", 1), ("B", "x")) in published and table.values[key(("Q", 1), ("B", "x"))] == 3
    # the group y (one person) and those who skipped B (one) stay in the relations, unpublished
    for group in ("y", Margin.NO_ANSWER):
        assert not {k for k in published if ("B", group) in k}
        assert table.values[key(("Q", 2), ("B", group))] + table.values[key(("Q", 1), ("B", group))] == 1


def test_multiple_choice_has_no_base_sum_and_ceilings_instead() -> None:
    q = Question("M", ("p", "r", "dk"), non_substantive=frozenset({"dk"}), multiple=True)
    answers = [frozenset({"p", "r"}), frozenset({"p"}), frozenset(), frozenset({"dk"}), None]
    tables = one_way_table(q, answers)
    assert tables.values[key(("M", "p"))] == 2 and tables.values[key(("M", Margin.BASE))] == 3
    assert tables.values[key(("M", Margin.ANSWERED))] == 4
    base = key(("M", Margin.BASE))
    assert not [r for r in tables.relations if r.total == base and r.exact]
    assert Relation(base, (key(("M", "p")),), exact=False) in tables.relations


def test_relations_that_do_not_hold_are_refused() -> None:
    with pytest.raises(ValueError, match="sum of parts"):
        protect(Tables({"t": 5, "a": 2, "b": 2}, (Relation("t", ("a", "b")),)), 5)
    with pytest.raises(ValueError, match="protection"):
        protect(Tables({"a": 2}), 5, protection=4)


# ------------------------------------------------------------------------------------------------ numbers


def test_numbers_bottom_and_top_coding_and_quartiles() -> None:
    release = release_numbers(range(1, 21), 5)
    assert (release.n, release.bottom, release.top, release.median) == (20, 5.0, 16.0, 10.5)
    assert (release.lower_quartile, release.upper_quartile, release.mean) == (5.75, 15.25, 10.5)
    # 12 answers: the lower quartile 3.75 has only 3 answers at or below it
    twelve = release_numbers(range(1, 13), 5)
    assert (twelve.bottom, twelve.top, twelve.median, twelve.lower_quartile, twelve.upper_quartile) == (
        5.0, 8.0, 6.5, None, None)
    seven = release_numbers([3, 9, 4, 4, 8, 30, 5], 5)
    assert (seven.mean, seven.bottom, seven.median) == (9.0, None, None)
    assert release_numbers([1, 2], 5) == release_numbers([7, 8], 5)
    assert release_numbers([1, 2], 5).n_hidden and release_numbers([], 5).n == 0


# ------------------------------------------------------------------------------------------------ properties


@st.composite
def linked_survey(draw: Any) -> dict[str, Any]:
    n = draw(st.integers(4, 24))
    q_options = draw(st.integers(2, 4))
    dont_know = draw(st.booleans())
    q = Question("Q", tuple(range(1, q_options + 1)) + ((9,) if dont_know else ()),
                 frozenset({9}) if dont_know else frozenset())
    b = Question("B", tuple("xyz"[: draw(st.integers(2, 3))]))
    c = Question("C", (1, 2))

    def answers(question: Question) -> list[Any]:
        weights = [draw(st.integers(0, 6)) for _ in question.options] + [draw(st.integers(0, 1))]
        if not any(weights):
            weights[0] = 1
        rng = random.Random(draw(st.integers(0, 10**6)))
        return rng.choices([*question.options, None], weights, k=n)

    qa, ba, ca = answers(q), answers(b), answers(c)
    parts = [one_way_table(q, qa), one_way_table(b, ba), two_way_table(q, qa, b, ba)]
    shape = draw(st.sampled_from(["reverse", "second", "one"]))
    if shape == "reverse":
        parts.append(two_way_table(b, ba, q, qa))
    elif shape == "second":
        parts += [one_way_table(c, ca), two_way_table(q, qa, c, ca)]
    m = draw(st.integers(3, 5))
    mask_zeros = draw(st.booleans())
    protection = draw(st.integers(1, m - 1 if mask_zeros else m - 2))
    tables = combine(*parts)
    earlier = [k for k in one_way_table(q, qa).values if k not in tables.unpublished and draw(st.booleans())] \
        if draw(st.booleans()) else []
    return {"tables": tables, "m": m, "protection": protection, "mask_zeros": mask_zeros, "earlier": earlier}


@PROPERTY
@given(linked_survey())
def test_protect_passes_an_independent_audit(case: dict[str, Any]) -> None:
    tables, m, p, masked, earlier = case["tables"], case["m"], case["protection"], case["mask_zeros"], case["earlier"]
    published = {k for k in tables.values if k not in tables.unpublished}
    try:
        result = protect(tables, m, p, already_shown=earlier, mask_zeros=masked)
    except DisclosureRefused as refused:
        event("refused")
        # hiding every count that may be hidden is the most any pattern can do: it must still fail for these
        allowed = {k for k in published - set(earlier) - tables.always_shown
                   if tables.values[k] > 0 or masked}
        best = independent_audit(tables, allowed, m, masked)
        for cell in refused.cells:
            need = max(p, 1) if 0 < tables.values[cell] < m else 1
            assert best[cell][1] - best[cell][0] < need - 1e-6
        return
    event(f"protected, {len(result.secondary)} secondary" if result.secondary else "protected, no secondary")
    hidden = set(result.hidden)
    small = {k for k in published if 0 < tables.values[k] < m} - set(earlier) - tables.always_shown
    assert small == set(result.primary) and small <= hidden
    assert hidden <= published and not hidden & set(earlier) and not hidden & tables.always_shown
    for cell in result.secondary:
        assert tables.values[cell] >= m or (masked and tables.values[cell] == 0)
    check = independent_audit(tables, hidden, m, masked)
    for cell, (low, high) in check.items():
        assert high - low >= (max(p, 1) if cell in small else 1) - 1e-6, (cell, low, high)
    # the same problem in another order gives the same answer
    shuffled = list(tables.values.items())
    random.Random(7).shuffle(shuffled)
    relations = list(tables.relations)
    random.Random(8).shuffle(relations)
    again = protect(Tables(dict(shuffled), tuple(relations), tables.unpublished, tables.always_shown), m, p,
                    already_shown=list(reversed(earlier)), mask_zeros=masked)
    assert again.hidden == result.hidden


@settings(max_examples=30)
@given(st.lists(st.integers(0, 6), min_size=4, max_size=4), st.sets(st.integers(0, 3), min_size=1))
def test_integer_audit_matches_brute_force_on_a_2x2_table(counts: list[int], hide: set[int]) -> None:
    tables, cells, _ = grid([counts[:2], counts[2:]])
    order = list(cells)
    hidden = {order[i] for i in hide if counts[i] > 0}
    if not hidden:
        return
    m = 4
    ranges = [range(1, m) if tables.values[c] < m else range(m, 30) for c in sorted(hidden)]
    seen: dict[Any, list[int]] = {c: [] for c in hidden}
    for values in itertools.product(*ranges):
        trial = dict(tables.values) | dict(zip(sorted(hidden), values))
        if all(trial[r.total] == sum(trial[p] for p in r.parts) for r in tables.relations):
            for c, v in zip(sorted(hidden), values):
                seen[c].append(v)
    exact = {c: Interval(float(min(v)), float(max(v))) for c, v in seen.items()}
    assert audit(tables, hidden, m, integer=True) == exact
    assert audit(tables, hidden, m) == exact  # one table with its margins: the LP is exact
