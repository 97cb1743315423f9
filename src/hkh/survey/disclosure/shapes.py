"""The cells and relations of the tables hkh publishes, built from the answers, so no caller writes them by hand.

Key scheme: a cell is the set of (question, answer) pairs that says whom it counts, a frozenset:

- `frozenset({("Q1", 2)})`: respondents who answered 2 to Q1 (a count of Q1's one-way table);
- `frozenset({("Q1", 2), ("kjonn", 1)})`: answered 2 to Q1 and 1 to kjonn: the same cell in the table of Q1 by
  kjonn and in the table of kjonn by Q1, so the two tables share it without anybody saying so;
- `("Q1", Margin.BASE)` is Q1's percentage base (the substantive answers), `Margin.ANSWERED` everyone who answered
  it (non-substantive answers included), `Margin.NO_ANSWER` who did not; with a `("kjonn", g)` pair, the same
  within group g, and `("kjonn", Margin.NO_ANSWER)` is the group of those who skipped kjonn;
- `EVERYONE` (the empty set) is the number of respondents, and `frozenset({("kjonn", 1)})` doubles as the size of
  group 1 in every breakdown by kjonn.

A table also brings the counts it does not show but which tie it to the others (who answered Q1 within each group,
who skipped it): they are `Tables.unpublished`, so the reader is assumed to know only that they are >= 0 and how
they add up. The number of respondents, which the report states anyway, is published and never hidden
(`Tables.always_shown`).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from hkh.survey.disclosure.model import Relation, Tables, _canonical

Key = frozenset[tuple[str, Hashable]]
EVERYONE: Key = frozenset()


class Margin(Enum):
    BASE = "base"  # substantive answers: the percentage base
    ANSWERED = "answered"  # every answer, non-substantive ones included
    NO_ANSWER = "no answer"  # did not answer (for a breakdown variable: the "no answer" group)


@dataclass(frozen=True)
class Question:
    """What the shapes need of a question. `options` in table order (listed options with no answers are zero
    cells); a code found in the answers but not listed is appended, as the tables do."""

    name: str
    options: tuple[Hashable, ...]
    non_substantive: frozenset[Hashable] = frozenset()
    multiple: bool = False


def key(*pairs: tuple[str, Hashable]) -> Key:
    """The cell counting respondents who gave every one of these answers."""
    return frozenset(pairs)


def one_way_table(question: Question, answers: Sequence[Any]) -> Tables:
    """The one-way table of `question`: a count per option and the base, published, with the number of respondents.

    `answers` holds one entry per respondent: for a single-choice question the code or None (did not answer);
    for a multiple-choice question the set of ticked codes (empty: answered without ticking) or None. Relations:
    base = sum of the substantive counts (single choice; for multiple choice, where a respondent ticks several,
    each substantive count <= base <= answered instead), answered = sum of all counts, respondents = answered +
    did not answer."""
    categories = _categories(question, answers)
    values, relations = _column(question, categories, answers, EVERYONE)
    published = {key((question.name, c)) for c in categories} | {key((question.name, Margin.BASE)), EVERYONE}
    return Tables(values, tuple(relations), frozenset(values) - published, frozenset({EVERYONE}))


def two_way_table(
    question: Question, answers: Sequence[Any], by: Question, by_answers: Sequence[Any], *, smallest_group: int = 0
) -> Tables:
    """The table of `question` by the groups of `by` (single choice): a count per option and group (the group of
    those who skipped `by` included), and a base per group, published. Relations: in each group, those of a
    one-way table; each of the question's counts, bases and answer totals is the sum over the groups; a group's
    respondents are those who answered the question plus those who skipped it, which ties the table to `by`'s
    one-way counts and to every other table by `by`.

    A group of fewer than `smallest_group` respondents is left out of the table (its counts stay in the relations,
    unpublished): a column of one or two people gives their answers away however it is masked, and through the
    group's size it ties every question's table together, which makes the audit slow."""
    if by.multiple:
        raise ValueError(f"{by.name}: a breakdown variable must be single choice")
    if by.name == question.name:
        raise ValueError(f"{question.name} cannot be broken down by itself")
    if len(answers) != len(by_answers):
        raise ValueError(f"{question.name} has {len(answers)} answers and {by.name} {len(by_answers)}")
    categories = _categories(question, answers)
    by_categories = _categories(by, by_answers)
    values, relations = _column(question, categories, answers, EVERYONE)
    more_values, more_relations = _column(by, by_categories, by_answers, EVERYONE)
    values.update(more_values)
    relations += more_relations
    published = {EVERYONE}
    rows: dict[Key, list[Key]] = {}
    for group in (*by_categories, Margin.NO_ANSWER):
        within = key((by.name, group))
        members = [a for a, b in zip(answers, by_answers) if (b is None if group is Margin.NO_ANSWER else b == group)]
        more_values, more_relations = _column(question, categories, members, within)
        values.update(more_values)
        relations += more_relations
        if len(members) >= smallest_group:
            published |= {within | key((question.name, c)) for c in (*categories, Margin.BASE)}
        for row in (*categories, Margin.BASE, Margin.ANSWERED, Margin.NO_ANSWER):
            rows.setdefault(key((question.name, row)), []).append(within | key((question.name, row)))
    relations += [Relation(total, tuple(parts)) for total, parts in rows.items()]
    return Tables(values, tuple(relations), frozenset(values) - published, frozenset({EVERYONE}))


def _categories(question: Question, answers: Sequence[Any]) -> tuple[Hashable, ...]:
    if len(set(question.options)) != len(question.options):
        twice = sorted({o for o in question.options if question.options.count(o) > 1}, key=_canonical)
        raise ValueError(f"{question.name} lists an option twice: {', '.join(map(repr, twice))}")
    found: set[Hashable] = set()
    for answer in answers:
        if answer is None:
            continue
        if question.multiple != isinstance(answer, (set, frozenset)):
            kind = "a set of ticked codes" if question.multiple else "one code"
            raise ValueError(f"{question.name}: an answer is {answer!r}, expected {kind} or None")
        found |= set(answer) if question.multiple else {answer}
    extra = sorted(found - set(question.options), key=_canonical)
    return (*question.options, *extra)


def _column(
    question: Question, categories: Sequence[Hashable], answers: Sequence[Any], within: Key
) -> tuple[dict[Any, int], list[Relation]]:
    """The one-way structure of `question` among the respondents `answers` (everyone, or one group: `within`)."""
    name, substantive = question.name, [c for c in categories if c not in question.non_substantive]
    cell = {c: within | key((name, c)) for c in (*categories, *Margin)}
    given = [a for a in answers if a is not None]
    if question.multiple:
        counts = {c: sum(c in a for a in given) for c in categories}
        # tables.py: the base leaves out those who ticked only non-substantive options
        base = sum(1 for a in given if a & set(substantive) or not a & question.non_substantive)
    else:
        counts = {c: sum(a == c for a in given) for c in categories}
        base = sum(counts[c] for c in substantive)
    values: dict[Any, int] = {cell[c]: counts[c] for c in categories}
    values |= {cell[Margin.BASE]: base, cell[Margin.ANSWERED]: len(given), cell[Margin.NO_ANSWER]: len(answers)
               - len(given), within: len(answers)}
    relations = [Relation(within, (cell[Margin.ANSWERED], cell[Margin.NO_ANSWER]))]
    if question.multiple:
        relations.append(Relation(cell[Margin.ANSWERED], (cell[Margin.BASE],), exact=False))
        for c in categories:
            total = cell[Margin.BASE] if c in substantive else cell[Margin.ANSWERED]
            relations.append(Relation(total, (cell[c],), exact=False))
    else:
        relations.append(Relation(cell[Margin.BASE], tuple(cell[c] for c in substantive)))
        relations.append(Relation(cell[Margin.ANSWERED], tuple(cell[c] for c in categories)))
    return values, relations
