"""The disclosure engine on generated surveys: how long `protect` takes, and how much it hides against the greedy
rule of survey/tables.py (every small count, then the smallest visible count of any row or column with exactly
one hidden count, table by table).

    python benchmarks/disclosure.py                          # 51 respondents, 30 questions, 3 breakdowns
    python benchmarks/disclosure.py --seeds 2 --smallest-group 5
    python benchmarks/disclosure.py --modes shown:1,masked:2  # protection levels, zeros shown or maskable
    python benchmarks/disclosure.py --large --modes shown:1   # 150 questions x 4 breakdowns of 5 groups

Every survey gets the one-way table of each question and each question by each breakdown variable (the
breakdown variables by each other both ways). When `protect` refuses, the breakdowns holding the refused cells
are left out and it runs again, as a caller would; the time includes those runs.

The greedy pattern is audited leniently: the reader is assumed to know only that a hidden count is >= 0 (the old
tables showed every hidden count as "<m", secondaries and zeros too), and still it pins some down.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import time
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from hkh.survey.disclosure import (  # noqa: E402
    DisclosureRefused,
    Margin,
    Question,
    Tables,
    combine,
    key,
    one_way_table,
    protect,
    two_way_table,
)
from hkh.survey.disclosure.intervals import _Engine  # noqa: E402


def generate(
    rng: random.Random, respondents: int, questions: int, breakdowns: Sequence[int]
) -> tuple[list[tuple[Question, list[Any]]], list[tuple[Question, list[Any]]]]:
    """Questions with skewed answers (some with a "don't know" code 9, a fifth multiple choice, ~5% blanks), and
    the breakdown variables (single choice, `breakdowns` groups each)."""

    def single(name: str, options: int, dont_know: bool, blank: float) -> tuple[Question, list[Any]]:
        codes = list(range(1, options + 1)) + ([9] if dont_know else [])
        weights = [rng.random() ** 2 + 0.05 for _ in codes]
        answers = [None if rng.random() < blank else rng.choices(codes, weights)[0] for _ in range(respondents)]
        return Question(name, tuple(codes), frozenset({9}) if dont_know else frozenset()), answers

    items = []
    for number in range(1, questions + 1):
        if rng.random() < 0.2:
            codes = tuple(range(1, rng.randint(3, 6) + 1))
            rates = {c: rng.uniform(0.05, 0.6) for c in codes}
            answers: list[Any] = [
                None if rng.random() < 0.05 else frozenset(c for c in codes if rng.random() < rates[c])
                for _ in range(respondents)
            ]
            items.append((Question(f"Q{number}", codes, multiple=True), answers))
        else:
            items.append(single(f"Q{number}", rng.randint(2, 6), rng.random() < 0.3, 0.05))
    by = [single(f"B{k}", groups, False, 0.02) for k, groups in enumerate(breakdowns, 1)]
    return items, by


def linked_tables(items: list[tuple[Question, list[Any]]], by: list[tuple[Question, list[Any]]]) -> Tables:
    parts = [one_way_table(q, a) for q, a in items + by]
    parts += [two_way_table(q, a, b, ba) for b, ba in by for q, a in items + by if q.name != b.name]
    return combine(*parts)


# ------------------------------------------------------------------------------------------------ the greedy rule


def greedy(counts: dict[Hashable, int], lines: list[list[Hashable]], m: int, forced: set[Hashable]) -> set[Hashable]:
    """survey/tables.py's suppress_cells, copied so the benchmark outlives the restructuring."""
    order = {k: i for i, k in enumerate(counts)}
    hidden = {k for k, c in counts.items() if 0 < c < m} | set(forced)
    changed = True
    while changed:
        changed = False
        for line in lines:
            if len(line) < 2 or len([k for k in line if k in hidden]) != 1:
                continue
            visible = [k for k in line if k not in hidden]
            if visible:
                hidden.add(min(visible, key=lambda k: (counts[k], order[k])))
                changed = True
    return hidden


def greedy_pattern(tables: Tables, items: list[Any], by: list[Any], m: int) -> tuple[set[Any], int]:
    """The cells the greedy rule hides (a cell counts as hidden only if every table showing it hides it), and the
    number of hidden table entries."""
    values, hidden_in, shown_in = tables.values, set(), set()
    entries = 0
    overall_hidden: dict[str, set[Any]] = {}
    for q, _ in items + by:
        options = [k for k in values if len(k) == 1 and next(iter(k))[0] == q.name
                   and not isinstance(next(iter(k))[1], Margin)]
        counts = {k: values[k] for k in options}
        lines = [] if q.multiple else [[k for k in options if next(iter(k))[1] not in q.non_substantive]]
        hidden = greedy(counts, lines, m, set())
        base = key((q.name, Margin.BASE))
        if 0 < values[base] < m:
            hidden |= set(options) | {base}
        overall_hidden[q.name] = {next(iter(k))[1] for k in hidden}
        hidden_in |= hidden
        shown_in |= set(options) - hidden
        entries += len(hidden)
    for b, _ in by:
        groups = [g for g in (*b.options, Margin.NO_ANSWER)]
        for q, _ in items + by:
            if q.name == b.name:
                continue
            options = [next(iter(k))[1] for k in values if len(k) == 1 and next(iter(k))[0] == q.name
                       and not isinstance(next(iter(k))[1], Margin)]
            cell = {(o, g): key((q.name, o), (b.name, g)) for o in options for g in groups}
            bases = {g: key((q.name, Margin.BASE), (b.name, g)) for g in groups}
            if all(values[bases[g]] < m for g in groups):
                continue  # the breakdown is refused
            counts = {cell[o, g]: values[cell[o, g]] for g in groups for o in options} | {
                bases[g]: values[bases[g]] for g in groups}
            lines = [[cell[o, g] for g in groups] for o in options] + [[bases[g] for g in groups]]
            if not q.multiple:
                lines += [[cell[o, g] for o in options if o not in q.non_substantive] for g in groups]
            forced = {cell[o, g] for o in overall_hidden[q.name] if o in options for g in groups}
            while True:
                hidden = greedy(counts, lines, m, forced)
                more = {cell[o, g] for g in groups if bases[g] in hidden for o in options}
                if more <= hidden:
                    break
                forced |= more | hidden
            hidden_in |= hidden
            shown_in |= set(counts) - hidden
            entries += len(hidden)
    return hidden_in - shown_in, entries


def lenient_audit(tables: Tables, hidden: set[Any], m: int) -> dict[Any, Any]:
    engine = _Engine(tables, m, None, False, False)
    engine.floor[:], engine.ceiling[:] = 0.0, engine.cap
    chosen = engine.indices(hidden)
    _, intervals = engine.check(chosen, chosen, None)
    return {engine.keys[i]: intervals[i] for i in chosen}


# ------------------------------------------------------------------------------------------------ runs


def protect_dropping(
    items: list[Any], by: list[Any], m: int, protection: int, mask_zeros: bool, smallest: int
) -> tuple[Any, list[tuple[str, str]], int, float]:
    """What a caller does with a refusal: leave out the breakdowns holding the refused cells, and try again."""
    dropped: set[tuple[str, str]] = set()
    start = time.perf_counter()
    while True:
        parts = [one_way_table(q, a) for q, a in items + by]
        parts += [two_way_table(q, a, b, ba, smallest_group=smallest) for b, ba in by for q, a in items + by
                  if q.name != b.name and (q.name, b.name) not in dropped]
        tables = combine(*parts)
        try:
            outcome = protect(tables, m, protection, mask_zeros=mask_zeros)
            published = sum(k not in tables.unpublished and k not in tables.always_shown for k in tables.values)
            return outcome, sorted(dropped), published, time.perf_counter() - start
        except DisclosureRefused as refusal:
            names = {b.name for b, _ in by}
            before = len(dropped)
            for cell in refusal.cells:
                questions = [q for q, _ in cell]
                if len(questions) == 2:  # a cell of a breakdown: leave out that breakdown
                    pairs = [tuple(questions), tuple(questions[::-1])]
                else:  # a one-way count its breakdowns narrow down: leave them all out
                    pairs = [(q.name, b) for q, _ in items + by for b in names
                             if questions[0] in (q.name, b) and q.name != b]
                dropped |= {(q, b) for q, b in pairs if b in names}
            if len(dropped) == before:
                raise


def realistic(seed: int, m: int, modes: Sequence[tuple[bool, int]], smallest: int) -> dict[str, Any]:
    rng = random.Random(seed)
    items, by = generate(rng, 51, 30, (2, 4, 3))
    tables = linked_tables(items, by)
    published = [k for k in tables.values if k not in tables.unpublished and k not in tables.always_shown]
    small = [k for k in published if 0 < tables.values[k] < m]
    old, old_entries = greedy_pattern(tables, items, by, m)
    old_small = [k for k in small if k in old]
    lenient = lenient_audit(tables, old, m)
    result: dict[str, Any] = {
        "published cells": len(published), "small": len(small),
        "zeros": sum(tables.values[k] == 0 for k in published),
        "groups": " ".join(f"{b.name}:{sorted(collections.Counter(a).values())}" for b, a in by),
        "greedy: hidden cells": len(old), "greedy: hidden table entries": old_entries,
        "greedy: small pinned (lenient audit)": sum(lenient[k].width < 0.5 for k in old_small),
        "greedy: small narrower than [1,m-1]": sum(lenient[k].width < m - 2 - 1e-6 for k in old_small),
        "greedy: small cells shown (leaked)": len(set(small) - old),
    }
    for mask_zeros, protection in modes:
        outcome, dropped, shown, took = protect_dropping(items, by, m, protection, mask_zeros, smallest)
        name = f"{'masked' if mask_zeros else 'shown'} zeros, p={protection}"
        result[f"{name}: hidden of published (secondary)"] = f"{len(outcome.hidden)} of {shown} " \
            f"({len(outcome.secondary)})"
        result[f"{name}: breakdowns dropped"] = len(dropped)
        result[f"{name}: seconds"] = round(took, 1)
    return result


def large(respondents: int, seed: int, m: int, modes: Sequence[tuple[bool, int]], smallest: int) -> None:
    rng = random.Random(seed)
    items, by = generate(rng, respondents, 150, (5, 5, 5, 5))
    start = time.perf_counter()
    tables = linked_tables(items, by)
    built = time.perf_counter() - start
    published = [k for k in tables.values if k not in tables.unpublished]
    print(f"150 questions x 4 breakdowns of 5 groups, {respondents} respondents: {len(tables.values)} cells "
          f"({len(published)} published, {sum(0 < tables.values[k] < m for k in published)} small), "
          f"{len(tables.relations)} relations, built in {built:.1f} s", flush=True)
    for mask_zeros, protection in modes:
        outcome, dropped, shown, took = protect_dropping(items, by, m, protection, mask_zeros, smallest)
        print(f"  {'masked' if mask_zeros else 'shown'} zeros, p={protection}: {took:.1f} s (refusals and retries "
              f"included), {len(outcome.hidden)} of {shown} hidden ({len(outcome.secondary)} secondary), "
              f"{len(dropped)} breakdowns dropped", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=1)
    parser.add_argument("--min-cell", type=int, default=5)
    parser.add_argument("--large", action="store_true")
    parser.add_argument("--smallest-group", type=int, default=0, help="leave out breakdown groups smaller than this")
    parser.add_argument("--modes", default="", help="e.g. shown:3,masked:2 (default: every protection, both)")
    args = parser.parse_args()
    m = args.min_cell
    modes = [(False, p) for p in range(m - 2, 0, -1)] + [(True, p) for p in range(m - 1, 0, -1)]
    if args.modes:
        modes = [(mode == "masked", int(p)) for mode, p in (item.split(":") for item in args.modes.split(","))]
    for seed in range(args.seeds if not args.large else 0):
        print(f"survey {seed}: 51 respondents, 30 questions, by B1 (2 groups), B2 (4), B3 (3); min_cell {m}; "
              f"groups under {args.smallest_group} left out")
        for name, figure in realistic(seed, m, modes, args.smallest_group).items():
            print(f"  {name:45} {figure}", flush=True)
    if args.large:
        for respondents in (500, 51):
            large(respondents, 1, m, modes, args.smallest_group)


if __name__ == "__main__":
    main()
