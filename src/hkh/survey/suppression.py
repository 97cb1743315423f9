"""Which counts of a published table are hidden so that nobody can be singled out.

A count from 1 to `min_cell` - 1 is published as "<N" without its percentage (primary suppression), and so is a second
count when the hidden one could otherwise be worked out from a published total (secondary suppression, repeated
until nothing changes); a count hidden in the overall table is hidden in every group of a breakdown. Zero is shown
(it describes nobody).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence


def suppress_cells(
    counts: dict[Hashable, int],
    lines: Iterable[Sequence[Hashable]],
    min_cell: int,
    forced: Iterable[Hashable] = (),
) -> set[Hashable]:
    """Cells to hide: every count from 1 to `min_cell` - 1 (primary) and the `forced` ones, then, in any line (a row or
    column whose total is published) with exactly one hidden cell, the smallest visible cell of that line too
    (secondary), until no line changes. Ties go to the earlier cell, so the result does not depend on dict order.

    A zero is shown: it describes nobody, and hiding it would force a second, real count to be hidden with it. It
    may still be picked as the complement of a hidden cell, which costs the reader least."""
    order = {key: position for position, key in enumerate(counts)}
    hidden = {key for key, count in counts.items() if 0 < count < min_cell} | set(forced)
    line_list = [list(line) for line in lines if len(line) > 1]
    changed = True
    while changed:
        changed = False
        for line in line_list:
            inside = [key for key in line if key in hidden]
            if len(inside) != 1:
                continue
            visible = [key for key in line if key not in hidden]
            if not visible:
                continue
            pick = min(visible, key=lambda key: (counts[key], order[key]))
            hidden.add(pick)
            changed = True
    return hidden
