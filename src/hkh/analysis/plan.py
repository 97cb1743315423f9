"""The action plan: `plan.yaml` laid out as the table an HKH report ends with, and written as xlsx, md or csv.

The default table is the one every HKH report has (Delmål / Forslag til tiltak / Ansvarlig og involverte / Tid),
grouped by goal. Real plans differ (a cost column, a status column, grouping by theme), so the columns, their labels
and the grouping come from `plan.yaml`; this module only lays them out.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from hkh.i18n import labels
from hkh.core.errors import UsageError
from hkh.core.guard import OutputGuard
from hkh.project.models import Measure
from hkh.project.load import Project

FORMATS = ("xlsx", "md", "csv")


def join_parties(names: list[str], language: str) -> str:
    """`A, B og C` as a sentence lists them (the way the report's table writes its responsible parties)."""
    names = [name for name in names if name]
    if len(names) <= 1:
        return "".join(names)
    conjunction = {"nb": "og", "nn": "og", "en": "and"}.get(language, "og")
    return f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


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

    @property
    def group_column(self) -> str | None:
        """The column whose cells are merged over a group (the first column when it holds the grouping key)."""
        if not self.grouped:
            return None
        key = self.columns[0]
        return key if key in {"goal", "theme"} else None


def _cell(key: str, measure: Measure, goal_label: str, language: str) -> str:
    if key == "goal":
        return goal_label
    if key == "measure":
        return measure.text
    if key == "responsible":
        if measure.responsible_text:
            return measure.responsible_text
        return join_parties([measure.responsible or "", *measure.involved], language)
    if key == "timing":
        return measure.timing or ""
    if key == "theme":
        return measure.theme or ""
    if key == "addresses":
        return ", ".join(measure.addresses)
    value = measure.extra.get(key)
    return "" if value is None else str(value)


def column_label(project: Project, key: str, language: str) -> str:
    custom = project.plan.labels.get(key)
    if custom:
        return custom
    found = labels.text(key, language, labels.PLAN)
    return found if found != key else key.replace("_", " ").capitalize()


def plan_table(project: Project, language: str | None = None) -> PlanTable:
    language = language or project.language
    plan = project.plan
    columns = list(plan.columns)
    groups: dict[str, PlanGroup] = {}
    ordered: list[PlanGroup] = []
    for goal_index, goal in enumerate(plan.goals):
        goal_number = plan.goal_number(goal_index)
        goal_label = f"{goal_number}. {goal.text}" if goal_number.isdigit() else f"{goal_number} {goal.text}"
        for measure_index, measure in enumerate(goal.measures):
            if plan.group_by == "theme":
                key = measure.theme or labels.text("ungrouped", language, labels.PLAN)
            elif plan.group_by == "goal":
                key = goal_label
            else:
                key = ""
            group = groups.get(key)
            if group is None:
                group = groups[key] = PlanGroup(label=key)
                ordered.append(group)
            group.rows.append(
                PlanRow(
                    measure_id=plan.measure_id(goal_index, measure_index),
                    goal_id=goal_number,
                    group=key,
                    cells={column: _cell(column, measure, goal_label, language) for column in columns},
                    measure=measure,
                )
            )
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
        finding = findings.get(item.finding or "")
        title = (finding.title or finding.statement) if finding else ""
        follow_up.append((item.finding or "", title, item.text))
    return PlanTable(
        language=language,
        columns=columns,
        headers=[column_label(project, column, language) for column in columns],
        grouped=plan.group_by != "none",
        groups=ordered,
        follow_up=follow_up,
        trace=trace,
    )


def default_file_name(language: str, fmt: str) -> str:
    return f"{labels.text('plan_file', language, labels.PLAN)}.{fmt}"


def write_plan(
    project: Project, language: str | None, fmt: str, *, output: Path | None = None, force: bool = False
) -> Path:
    if fmt not in FORMATS:
        raise UsageError(f"unknown plan format {fmt!r}; use one of {', '.join(FORMATS)}")
    language = language or project.language
    table = plan_table(project, language)
    target = output if output is not None else project.out_dir / default_file_name(language, fmt)
    guard = OutputGuard(target.parent, force=force, display=project.show(target.parent))
    if fmt == "xlsx":
        with guard.writing(target) as temp:
            workbook_bytes(table, temp)
    elif fmt == "md":
        guard.write_text(target, markdown(table, project.mapping.title))
    else:
        guard.write_bytes(target, csv_text(table).encode("utf-8-sig"))
    return target


def markdown(table: PlanTable, title: str) -> str:
    def clean(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", "<br>")

    lang = table.language
    lines = [f"# {labels.text('plan_sheet', lang, labels.PLAN)}: {title}", ""]
    lines.append("| " + " | ".join(clean(h) for h in table.headers) + " |")
    lines.append("|" + "---|" * len(table.headers))
    group_column = table.group_column
    for group in table.groups:
        for index, row in enumerate(group.rows):
            cells = []
            for column in table.columns:
                value = row.cells[column]
                if column == group_column and index > 0:
                    value = ""
                cells.append(clean(value))
            lines.append("| " + " | ".join(cells) + " |")
    if table.follow_up:
        lines += ["", f"## {labels.text('follow_up_sheet', lang, labels.PLAN)}", ""]
        for finding_id, finding_title, text in table.follow_up:
            heading = f"**{finding_title}** ({finding_id})" if finding_id else ""
            lines.append(f"- {heading}{': ' if heading else ''}{text}")
    return "\n".join(lines) + "\n"


def csv_text(table: PlanTable) -> str:
    """One row per measure with every cell filled (the goal repeated), for sorting and filtering.

    Norwegian Excel reads `;` as the list separator, English Excel `,`; the file carries a BOM so Excel sees UTF-8.
    """
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=";" if table.language in {"nb", "nn"} else ",", lineterminator="\r\n")
    writer.writerow([labels.text("measure_id", table.language, labels.PLAN), *table.headers])
    for row in table.rows:
        writer.writerow([row.measure_id, *(row.cells[column] for column in table.columns)])
    return stream.getvalue()


COLUMN_WIDTHS = {"goal": 28, "measure": 60, "responsible": 32, "timing": 16, "theme": 22, "addresses": 16}


def workbook_bytes(table: PlanTable, target: Path) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from hkh.outputs import excel

    lang = table.language
    group_fill = PatternFill("solid", fgColor="EEF3F9")
    thin = Side(style="thin", color="B4C6DC")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap_top = Alignment(wrap_text=True, vertical="top")
    title = labels.text("plan_sheet", lang, labels.PLAN)

    workbook = excel.new_workbook()
    sheet = workbook.create_sheet(excel.safe_sheet_name(title))
    excel.write_rows(sheet, table.headers, [])
    widths = {index: float(COLUMN_WIDTHS.get(column, 20)) for index, column in enumerate(table.columns, start=1)}
    group_column = table.group_column
    row_number = 2
    for group in table.groups:
        first = row_number
        for row in group.rows:
            for column_index, column in enumerate(table.columns, start=1):
                value = row.cells[column]
                if column == group_column and row_number != first:
                    value = ""  # only the top-left cell of a merged range may hold a value, or Excel "repairs" it
                cell = sheet.cell(row=row_number, column=column_index, value=value or None)
                cell.alignment = wrap_top
                cell.border = border
                if column == group_column:
                    cell.fill = group_fill
                    cell.font = Font(bold=True)
            # Excel does not grow a row to fit wrapped text that openpyxl writes; estimate the lines instead
            lines = max(
                (len(row.cells[c]) // max(int(widths[i]) - 2, 8) + 1 for i, c in enumerate(table.columns, start=1) if c != group_column),
                default=1,
            )
            sheet.row_dimensions[row_number].height = 15.0 * max(lines, 1)
            row_number += 1
        if group_column and row_number - first > 1:
            column_index = table.columns.index(group_column) + 1
            sheet.merge_cells(start_row=first, start_column=column_index, end_row=row_number - 1, end_column=column_index)
    excel.fit_column_widths(sheet, fixed=widths)
    excel.freeze_below(sheet)
    excel.setup_print(sheet, landscape=True, title=title)

    follow = workbook.create_sheet(excel.safe_sheet_name(labels.text("follow_up_sheet", lang, labels.PLAN), workbook.sheetnames))
    excel.write_rows(
        follow,
        [labels.text(key, lang, labels.PLAN) for key in ("finding", "statement", "follow_up_text")],
        [[finding_id or None, finding_title or None, text] for finding_id, finding_title, text in table.follow_up],
    )
    excel.finish_table(follow, header_row=1, wrap=(2, 3), landscape=True, fixed_widths={1: 12, 2: 40, 3: 90}, filter_rows=False)

    trace = workbook.create_sheet(excel.safe_sheet_name(labels.text("trace_sheet", lang, labels.PLAN), workbook.sheetnames))
    need_word = "need" if lang == "en" else "behov"
    excel.write_rows(
        trace,
        [labels.text(key, lang, labels.PLAN) for key in ("measure_id", "measure", "addresses", "finding", "statement")],
        [
            [
                item.measure_id,
                item.measure,
                item.target_id,
                {"finding": labels.text("finding", lang, labels.PLAN), "need": need_word}.get(item.kind, "?"),
                item.text or None,
            ]
            for item in table.trace
        ],
    )
    excel.finish_table(trace, header_row=1, wrap=(2, 5), landscape=True, fixed_widths={1: 10, 2: 60, 3: 14, 4: 10, 5: 60})
    workbook.properties.title = title
    workbook.properties.creator = "hkh"
    workbook.save(target)
