"""`hkh status`: where the mapping stands: the HKH steps, sources by method, findings, gaps and measures."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from hkh.analysis.gaps import GapAnalysis
from hkh.analysis.triangulation import Triangulation
from hkh.project.load import Project
from hkh.project.models import Method, StepId, StepState


@dataclass(frozen=True)
class StepStatus:
    number: int
    step: StepId
    state: StepState
    start: str | None
    end: str | None


@dataclass(frozen=True)
class MethodCount:
    method: Method
    sources: int
    participants: int  # the sum of the sources' n (0 when none is given)


@dataclass(frozen=True)
class Status:
    title: str
    area: str | None
    steps: tuple[StepStatus, ...]
    methods: tuple[MethodCount, ...]
    strength: dict[str, int]  # Triangulation.counts()
    findings: int
    needs: int
    efforts: int
    uncovered_needs: int
    needs_without_effort: int
    goals: int
    measures: int
    follow_up: int
    unaddressed: tuple[str, ...]  # finding ids no measure addresses and no follow-up names

    @property
    def current(self) -> StepStatus | None:
        """The first step that is not done (None when all are)."""
        return next((step for step in self.steps if step.state is not StepState.done), None)


def mapping_status(project: Project, triangulation: Triangulation, gaps: GapAnalysis) -> Status:
    steps_by_id = {step.id: step for step in project.mapping.steps}
    steps = []
    for number, step_id in enumerate(StepId, start=1):
        step = steps_by_id.get(step_id)
        steps.append(
            StepStatus(
                number,
                step_id,
                step.state if step else StepState.not_started,
                step.start if step else None,
                step.end if step else None,
            )
        )
    by_method: Counter[Method] = Counter()
    n_by_method: Counter[Method] = Counter()
    for source in project.sources.sources:
        by_method[source.method] += 1
        n_by_method[source.method] += source.n or 0
    addressed = {target for _goal, measure in project.plan.measures() for target in measure.addresses}
    followed_up = {item.finding for item in project.plan.follow_up}
    unaddressed = tuple(
        finding.id
        for finding in project.findings.findings
        if finding.id not in addressed
        and finding.id not in followed_up
        and not any(finding.need_id(i) in addressed for i in range(len(finding.needs)))
    )
    return Status(
        title=project.mapping.title,
        area=project.mapping.area,
        steps=tuple(steps),
        methods=tuple(MethodCount(m, by_method[m], n_by_method[m]) for m in Method),
        strength=triangulation.counts(),
        findings=len(project.findings.findings),
        needs=sum(len(f.needs) for f in project.findings.findings),
        efforts=len(project.efforts.efforts),
        uncovered_needs=len(gaps.uncovered),
        needs_without_effort=len(gaps.no_effort),
        goals=len(project.plan.goals),
        measures=len(project.plan.measures()),
        follow_up=len(project.plan.follow_up),
        unaddressed=unaddressed,
    )
