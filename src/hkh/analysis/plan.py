"""The action plan: `plan.yaml` laid out as the table an HKH report ends with (written by `hkh.outputs`).

The default table is the one every HKH report has (Delmål / Forslag til tiltak / Ansvarlig og involverte / Tid),
grouped by goal. Real plans differ (a cost column, a status column, grouping by theme), so the columns, their labels
and the grouping come from `plan.yaml`; this module only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hkh.i18n import namespace, t
from hkh.project.consultations import anchored_text
from hkh.project.load import Project
from hkh.project.models import Measure
from hkh.project.plan_sheet import goal_label as label_of_goal
from hkh.project.plan_sheet import measure_cell


@dataclass
class PlanRow:
    measure_id: str
    goal_id: str
    group: str
    cells: dict[str, str]
    measure: Measure


@dataclass
class PlanGroup:
    label: str
    rows: list[PlanRow] = field(default_factory=list)


@dataclass
class TraceRow:
    measure_id: str
    measure: str
    target_id: str
    kind: str
    text: str


@dataclass
class PlanTable:
    """The plan as rows in groups, with the declared columns; every writer (and the report) uses this one layout."""

    language: str
    columns: list[str]
    headers: list[str]
    grouped: bool
    groups: list[PlanGroup]
    follow_up: list[tuple[str, str, str]]
    trace: list[TraceRow]

    @property
    def rows(self) -> list[PlanRow]:
        return [row for group in self.groups for row in group.rows]

    group_by: str = "goal"

    @property
    def group_column(self) -> str | None:
        """The column whose cells are merged over a group: the grouping key's column, which `plan_table` puts
        first (none without grouping)."""
        if not self.grouped:
            return None
        key = self.columns[0]
        return key if key == self.group_by else None


def column_label(project: Project, key: str, language: str) -> str:
    custom = project.plan.labels.get(key)
    if custom:
        return custom
    if key == "number":
        return t("layout.number", language)
    if key in namespace("plan"):
        return t(f"plan.{key}", language)
    if key in namespace("followup"):
        return t(f"followup.{key}", language)
    return key.replace("_", " ").capitalize()


def plan_columns(columns: list[str], group_by: str) -> list[str]:
    """The declared columns laid out for the grouping: the grouping key's column first (a theme column added when
    the plan groups by theme without showing one); without grouping, no goal column but the measure's number, so a
    measure can still be told by its id."""
    columns = list(columns)
    if group_by == "none":
        return ["number", *(column for column in columns if column != "goal")]
    if group_by in columns:
        columns.remove(group_by)
        return [group_by, *columns]
    if group_by == "theme":
        return ["theme", *columns]
    return columns


def plan_table(project: Project, language: str | None = None) -> PlanTable:
    language = language or project.language
    plan = project.plan
    columns = plan_columns(list(plan.columns), plan.group_by)
    groups: dict[str, PlanGroup] = {}
    ordered: list[PlanGroup] = []
    no_theme = t("layout.no_theme", language)
    for goal_index, goal in enumerate(plan.goals):
        goal_number = plan.goal_number(goal_index)
        goal_label = label_of_goal(goal_number, goal.text)
        for measure_index, measure in enumerate(goal.measures):
            if plan.group_by == "theme":
                key = measure.theme or no_theme
            elif plan.group_by == "goal":
                key = goal_label
            else:
                key = ""
            group = groups.get(key)
            if group is None:
                group = groups[key] = PlanGroup(label=key)
                ordered.append(group)
            measure_id = plan.measure_id(goal_index, measure_index)
            cells = {
                column: measure_id if column == "number" else measure_cell(column, measure, goal_label, language)
                for column in columns
            }
            if "anchored" in cells:
                cells["anchored"] = anchored_text(project.sources, measure_id, language)
            if plan.group_by == "theme":
                cells["theme"] = key
            group.rows.append(
                PlanRow(measure_id=measure_id, goal_id=goal_number, group=key, cells=cells, measure=measure)
            )
    if plan.group_by == "theme" and no_theme in groups:
        # the measures without a theme come last, under their own label
        ordered.remove(groups[no_theme])
        ordered.append(groups[no_theme])
    findings = {finding.id: finding for finding in project.findings.findings}
    needs = {
        finding.need_id(index): (finding, need)
        for finding in project.findings.findings
        for index, need in enumerate(finding.needs)
    }
    trace: list[TraceRow] = []
    for group in ordered:
        for row in group.rows:
            for target in row.measure.addresses:
                if target in findings:
                    finding = findings[target]
                    trace.append(TraceRow(row.measure_id, row.measure.text, target, "finding", finding.title or finding.statement))
                elif target in needs:
                    finding, need = needs[target]
                    trace.append(TraceRow(row.measure_id, row.measure.text, target, "need", need.text or need.offer))
                else:
                    trace.append(TraceRow(row.measure_id, row.measure.text, target, "unknown", ""))
    follow_up = []
    for item in plan.follow_up:
        followed = findings.get(item.finding or "")
        title = (followed.title or followed.statement) if followed else ""
        follow_up.append((item.finding or "", title, item.text))
    return PlanTable(
        language=language,
        columns=columns,
        headers=[column_label(project, column, language) for column in columns],
        grouped=plan.group_by != "none",
        groups=ordered,
        group_by=plan.group_by,
        follow_up=follow_up,
        trace=trace,
    )
