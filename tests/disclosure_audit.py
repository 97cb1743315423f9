"""An attacker's audit of what `hkh survey --format json` publishes, written apart from the disclosure engine.

It reads nothing but the published JSON (every one-way table and every breakdown, from the outputs of the commands
that published them), the number of respondents (which the report states) and which codes are non-substantive
(a fact about the questionnaire, not a count). From those it sets up the reader's linear program and asks scipy's
HiGHS, for each hidden count, for the smallest and the largest value it can take. It shares no code with
`hkh.survey.disclosure`: its unknowns and relations are built here from the JSON's shape, so a relation the engine
forgot is not forgotten here too.

The reader's unknowns are the counts of every table and the counts no table shows that tie them together: who
answered a question within a group, who skipped it, the groups a breakdown leaves out. What the reader knows:

- a shown count is exact; `"small"` (`<m`) is a count from 1 to m - 1; `"secondary"` (`:`) is a count of at least m
  (hidden only to protect another; the note says it is not small); every count is at least 0;
- in every table (one-way, or within a group): the base is the sum of the substantive counts, everyone who answered
  is the sum of all counts, and the group's (or the survey's) respondents are those who answered and those who did
  not; for a multiple-choice question each option's count is at most the base (substantive) or at most those who
  answered, and the base at most those who answered;
- a breakdown's groups add up to the one-way table, row by row (each option, base, answered, not answered), and
  a group's size is the breakdown question's one-way count (the group of those who skipped it: the rest);
- the same people counted in two tables are one unknown: Q = a within group B = b in the breakdown by B is
  B = b within group Q = a in the breakdown by Q.

Intervals are rounded inwards to whole numbers (counts are whole), so the audit is at least as strict as the
reader's linear relaxation.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

NA = "not answered"
BASE = "base"
ANSWERED = "answered"

Key = frozenset  # of (question, code or margin) pairs; the empty set is everyone


@dataclass(frozen=True)
class Hidden:
    key: Key
    mark: str  # "small" or "secondary"
    low: int
    high: int

    @property
    def width(self) -> int:
        return self.high - self.low

    def describe(self) -> str:
        return " × ".join(f"{q}={c}" for q, c in sorted(self.key, key=str)) + f" ({self.mark}: {self.low}–{self.high})"


@dataclass
class Reader:
    """What a reader collects from the published JSON of one survey, and the intervals it can work out."""

    respondents: int
    non_substantive: Mapping[str, set[int]]
    min_cell: int
    known: dict[Key, int] = field(default_factory=dict)
    marks: dict[Key, str] = field(default_factory=dict)
    relations: list[tuple[Key, tuple[Key, ...], bool]] = field(default_factory=list)  # total, parts, exact
    seen: set[Key] = field(default_factory=set)
    bounds: dict[Key, tuple[float, float]] = field(default_factory=dict)
    threshold: int = 0  # of the JSON being read

    # ---------------------------------------------------------------------------------------- reading

    def read(self, data: Mapping[str, Any]) -> None:
        """Everything one `hkh survey --format json` publishes."""
        assert data["min_cell"] >= self.min_cell
        self.threshold = data["min_cell"]
        tabulated = [q for q in data["questions"] if q["type"] in ("single", "grid_item", "multiple")]
        for question in tabulated:
            self._table(question, frozenset())
        for question in tabulated:
            if "by" not in question:
                continue
            by = question["by"]["question"]
            by_codes = [o["code"] for o in next(q for q in tabulated if q["question"] == by)["options"]]
            shown = {g["code"]: g for g in question["by"]["groups"]}
            for code in (*by_codes, None):
                within = frozenset({(by, NA if code is None else code)})
                group = shown.get(code)
                if group is not None:
                    self._publish(within | {(question["question"], BASE)}, group["base"], group["base_suppressed"])
                    for option in group["options"]:
                        self._publish(within | {(question["question"], option["code"])}, option["count"],
                                      option["suppressed"])
                self._structure(question, within, [o["code"] for o in question["options"]])
            name = question["question"]
            for row in (*[o["code"] for o in question["options"]], BASE, ANSWERED, NA):
                parts = tuple(frozenset({(by, NA if c is None else c), (name, row)}) for c in (*by_codes, None))
                self._relate(frozenset({(name, row)}), parts)

    def _table(self, question: Mapping[str, Any], within: Key) -> None:
        name = question["question"]
        self._publish(within | {(name, BASE)}, question["base"], question["base_suppressed"])
        for option in question["options"]:
            self._publish(within | {(name, option["code"])}, option["count"], option["suppressed"])
        self._structure(question, within, [o["code"] for o in question["options"]])

    def _structure(self, question: Mapping[str, Any], within: Key, codes: list[int]) -> None:
        name = question["question"]
        cell = {c: within | {(name, c)} for c in (*codes, BASE, ANSWERED, NA)}
        substantive = [c for c in codes if c not in self.non_substantive.get(name, set())]
        self._relate(within, (cell[ANSWERED], cell[NA]))
        if question["type"] == "multiple":
            self._relate(cell[ANSWERED], (cell[BASE],), exact=False)
            for c in codes:
                self._relate(cell[BASE] if c in substantive else cell[ANSWERED], (cell[c],), exact=False)
        else:
            self._relate(cell[BASE], tuple(cell[c] for c in substantive))
            self._relate(cell[ANSWERED], tuple(cell[c] for c in codes))

    def _publish(self, key: Key, count: int | None, mark: str | None) -> None:
        key = frozenset(key)
        self.seen.add(key)
        if mark is None:
            assert isinstance(count, int), (key, count)
            assert self.known.setdefault(key, count) == count, f"{key} published as {self.known[key]} and {count}"
            return
        assert count is None, (key, count)
        assert mark in ("small", "secondary"), mark
        # "<m" is 1 to m - 1 of the threshold it was published with; ":" is at least the project's threshold (a
        # command with a higher --min-cell keeps the marks of the tables published before)
        low, high = (1, self.threshold - 1) if mark == "small" else (self.min_cell, math.inf)
        before = self.bounds.get(key, (0, math.inf))
        self.bounds[key] = (max(before[0], low), min(before[1], high))
        self.marks.setdefault(key, mark)

    def _relate(self, total: Key, parts: Iterable[Key], exact: bool = True) -> None:
        relation = (frozenset(total), tuple(frozenset(p) for p in parts), exact)
        self.relations.append(relation)
        self.seen.add(relation[0])
        self.seen.update(relation[1])

    # ---------------------------------------------------------------------------------------- solving

    def intervals(self) -> list[Hidden]:
        """Every hidden count with the narrowest whole-number interval the reader can prove for it.

        The program is cut into its independent parts first: a relation ties together the counts in it that are not
        shown, and counts no chain of relations ties together cannot constrain each other (the shown ones are
        constants). Each part is one small linear program, solved twice for each hidden count in it."""
        import numpy as np
        from scipy import sparse
        from scipy.optimize import linprog

        n = self.respondents
        known = dict(self.known) | {frozenset(): n}
        relations = sorted({(t, tuple(sorted(p, key=str)), e) for t, p, e in self.relations}, key=str)
        # union-find over the counts that are not known
        parent: dict[Key, Key] = {}

        def root(k: Key) -> Key:
            while parent.setdefault(k, k) != k:
                parent[k] = parent[parent[k]]
                k = parent[k]
            return k

        for total, parts, _ in relations:
            free = [k for k in (total, *parts) if k not in known]
            for other in free[1:]:
                parent[root(other)] = root(free[0])
        hidden = {k: mark for k, mark in self.marks.items() if k not in known}
        parts_of: dict[Key, list[Key]] = {}
        for k in sorted({k for k in self.seen if k not in known} | set(hidden), key=str):
            parts_of.setdefault(root(k), []).append(k)
        rows_of: dict[Key, list[tuple[Key, tuple[Key, ...], bool]]] = {}
        for relation in relations:
            free = [k for k in (relation[0], *relation[1]) if k not in known]
            if free:
                rows_of.setdefault(root(free[0]), []).append(relation)
            else:  # every count in it is published: the tables must agree
                total, parts, exact = relation
                added = sum(known[k] for k in parts)
                assert (added == known[total]) if exact else (added <= known[total]), relation
        found = []
        for part, members in parts_of.items():
            wanted = [k for k in members if k in hidden]
            if not wanted:
                continue
            index = {k: i for i, k in enumerate(members)}
            low = np.zeros(len(members))
            high = np.full(len(members), float(n))
            for k in members:
                lowest, highest = self.bounds.get(k, (0, n))
                low[index[k]], high[index[k]] = lowest, min(highest, n)
            blocks: dict[bool, tuple[list[int], list[int], list[float], list[float]]] = {
                True: ([], [], [], []), False: ([], [], [], [])
            }
            for total, parts, exact in rows_of.get(part, []):
                rows, columns, values, rhs = blocks[exact]
                row = len(rhs)
                sign = 1.0 if exact else -1.0  # exact: total - parts = 0; inexact: parts - total <= 0
                constant = 0.0
                for k, coefficient in ((total, sign), *((p, -sign) for p in parts)):
                    if k in known:
                        constant += coefficient * known[k]
                    else:
                        rows.append(row), columns.append(index[k]), values.append(coefficient)
                rhs.append(-constant)
            matrices = {}
            for exact, (rows, columns, values, rhs) in blocks.items():
                matrices[exact] = (
                    (sparse.csr_matrix((values, (rows, columns)), shape=(len(rhs), len(members))), np.array(rhs))
                    if rhs else (None, None)
                )
            (a_eq, b_eq), (a_ub, b_ub) = matrices[True], matrices[False]
            for k in wanted:
                ends = []
                for direction in (1.0, -1.0):
                    objective = np.zeros(len(members))
                    objective[index[k]] = direction
                    result = linprog(objective, A_eq=a_eq, b_eq=b_eq, A_ub=a_ub, b_ub=b_ub,
                                     bounds=np.column_stack([low, high]), method="highs")
                    assert result.status == 0, f"the published tables contradict each other: {result.message}"
                    ends.append(direction * result.fun)
                found.append(Hidden(k, hidden[k], math.ceil(ends[0] - 1e-6), math.floor(ends[1] + 1e-6)))
        return sorted(found, key=lambda h: sorted(map(str, h.key)))


def audit(published: Iterable[Mapping[str, Any]], *, respondents: int, non_substantive: Mapping[str, set[int]],
          min_cell: int) -> list[Hidden]:
    reader = Reader(respondents, non_substantive, min_cell)
    for data in published:
        reader.read(data)
    return reader.intervals()


def too_narrow(found: Iterable[Hidden], protection: int) -> list[Hidden]:
    """Hidden counts, small or secondary, that the reader can pin to an interval narrower than `protection`."""
    return [h for h in found if h.width < max(protection, 1)]


def survey_facts(folder: Any) -> tuple[int, dict[str, set[int]]]:
    """The number of respondents (rows of responses.csv) and the non-substantive codes of the codebook."""
    import csv

    from ruamel.yaml import YAML

    with (folder / "responses.csv").open(encoding="utf-8", newline="") as handle:
        respondents = sum(1 for _ in csv.reader(handle)) - 1
    codebook = YAML(typ="safe").load((folder / "codebook.yaml").read_text(encoding="utf-8"))
    return respondents, {q["name"]: set(q.get("non_substantive") or ()) for q in codebook["questions"]}
