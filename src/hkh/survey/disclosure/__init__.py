"""Statistical disclosure control for the survey tables published together: the vocabulary (`model`), the audit by
linear programming (`intervals`), the choice of what to hide (`suppression`), the cells and relations of hkh's table shapes
(`shapes`) and the rule for numeric questions (`numbers`).

    tables = one_way_table(q, answers) + one_way_table(b, b_answers) + two_way_table(q, answers, b, b_answers)
    result = protect(tables, min_cell=5)          # raises DisclosureRefused when nothing can protect a count
    result.hidden, result.marks                   # what to hide, and how each hidden count is shown
"""

from hkh.survey.disclosure.intervals import audit
from hkh.survey.disclosure.model import (
    Cell,
    DisclosureRefused,
    Interval,
    Mark,
    Protection,
    Relation,
    Tables,
    combine,
    describe,
)
from hkh.survey.disclosure.numbers import NumberRelease, release_numbers
from hkh.survey.disclosure.shapes import EVERYONE, Margin, Question, key, one_way_table, two_way_table
from hkh.survey.disclosure.suppression import protect

__all__ = [
    "EVERYONE",
    "Cell",
    "DisclosureRefused",
    "Interval",
    "Margin",
    "Mark",
    "NumberRelease",
    "Protection",
    "Question",
    "Relation",
    "Tables",
    "audit",
    "combine",
    "describe",
    "key",
    "one_way_table",
    "protect",
    "release_numbers",
    "two_way_table",
]
