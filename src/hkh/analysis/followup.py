"""`hkh plan status`: the plan followed up: overdue measures, and progress by goal and by responsible party.

Each measure's timing text is read into a date span (`hkh.project.timing`). A measure is overdue when
- its span has ended and it is neither done nor dropped ("Innen juni 2021", still in progress in July), or
- its span has started and it has not (no status, or not started: "Fra høst 2020", nothing recorded by October).
"Kontinuerlig" has no dates and is never overdue; a timing that cannot be read as dates is listed apart, so nobody
takes "not overdue" for "on time". A measure without a status is counted as not started: the plan says nothing
has happened, and the secretary sees which measures still need a status.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from hkh.project.load import Project
from hkh.project.models import MeasureStatus
from hkh.project.timing import Timing, read_timing

FINISHED = (MeasureStatus.done, MeasureStatus.dropped)


@dataclass(frozen=True)
class MeasureProgress:
    measure_id: str
    goal: str  # the goal's number
    text: str
    responsible: str | None
    status: MeasureStatus | None
    timing: Timing | None
    late: str | None  # "late_end" (due date passed) or "late_start" (should have started), None when not late
    late_date: dt.date | None  # the date that passed


@dataclass
class ProgressLine:
    """Counts of one goal or one party: measures by status (None: no status), and how many are overdue."""

    key: str
    label: str
    counts: dict[MeasureStatus | None, int] = field(default_factory=dict)
    overdue: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class PlanProgress:
    today: dt.date
    measures: list[MeasureProgress]
    by_goal: list[ProgressLine]
    by_party: list[ProgressLine]

    @property
    def overdue(self) -> list[MeasureProgress]:
        return [m for m in self.measures if m.late]

    @property
    def unread(self) -> list[MeasureProgress]:
        """Measures with a timing text that gives no dates and is not "continuous"."""
        return [
            m for m in self.measures
            if m.timing is not None and m.timing.start is None and m.timing.end is None and not m.timing.ongoing
        ]

    def to_json(self) -> dict[str, object]:
        def line(item: ProgressLine) -> dict[str, object]:
            counts = {(s.value if s else "none"): n for s, n in item.counts.items()}
            return {"key": item.key, "label": item.label, "total": item.total, "overdue": item.overdue, "counts": counts}

        return {
            "today": self.today.isoformat(),
            "measures": [
                {
                    "id": m.measure_id,
                    "goal": m.goal,
                    "text": m.text,
                    "responsible": m.responsible,
                    "status": m.status.value if m.status else None,
                    "timing": m.timing.text if m.timing else None,
                    "start": m.timing.start.isoformat() if m.timing and m.timing.start else None,
                    "end": m.timing.end.isoformat() if m.timing and m.timing.end else None,
                    "ongoing": bool(m.timing and m.timing.ongoing),
                    "late": m.late,
                    "late_date": m.late_date.isoformat() if m.late_date else None,
                }
                for m in self.measures
            ],
            "by_goal": [line(item) for item in self.by_goal],
            "by_party": [line(item) for item in self.by_party],
        }


def _late(status: MeasureStatus | None, timing: Timing | None, today: dt.date) -> tuple[str | None, dt.date | None]:
    if status in FINISHED or timing is None:
        return None, None
    if timing.end is not None and timing.end < today:
        return "late_end", timing.end
    if status in (None, MeasureStatus.not_started) and timing.start is not None and timing.start < today:
        return "late_start", timing.start
    return None, None


def plan_progress(project: Project, today: dt.date | None = None) -> PlanProgress:
    """Where every measure stands on `today` (default: the real today)."""
    today = today or dt.date.today()
    plan = project.plan
    # a timing without a year ("Innen juni") is read in the year the mapping ended, and marked uncertain
    period = project.mapping.period
    reference_text = (period.end or period.start) if period else None
    reference = dt.date(int(reference_text[:4]), 1, 1) if reference_text else None
    measures: list[MeasureProgress] = []
    goals: dict[str, ProgressLine] = {}
    parties: dict[str, ProgressLine] = {}
    for g, goal in enumerate(plan.goals):
        number = plan.goal_number(g)
        goals[number] = ProgressLine(number, goal.text)
        for m, measure in enumerate(goal.measures):
            timing = read_timing(measure.timing, reference=reference) if measure.timing else None
            late, late_date = _late(measure.status, timing, today)
            item = MeasureProgress(
                plan.measure_id(g, m), number, measure.text, measure.responsible, measure.status, timing, late, late_date
            )
            measures.append(item)
            party = measure.responsible or ""
            for line in (goals[number], parties.setdefault(party, ProgressLine(party, party))):
                line.counts[measure.status] = line.counts.get(measure.status, 0) + 1
                line.overdue += 1 if late else 0
    by_party = sorted(parties.values(), key=lambda line: (line.key == "", line.key.casefold()))
    return PlanProgress(today, measures, list(goals.values()), by_party)
