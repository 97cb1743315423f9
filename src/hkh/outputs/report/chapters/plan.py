"""The action plan (the same table as the plan workbook) and the findings to follow up beyond it."""

from __future__ import annotations

from hkh.outputs.report.builder import ReportBuilder, finding_title
from hkh.outputs.report.model import Paragraph, Section, TableRow


def plan(b: ReportBuilder, chapter: Section) -> None:
    table = b.results.plan
    chapter.blocks.append(Paragraph(b.t("report.plan_intro")))
    if not table.rows:
        chapter.blocks.append(Paragraph(b.t("report.plan_empty"), style="draft"))
        return
    group_column = table.group_column
    merge = table.columns.index(group_column) if group_column else None
    rows = [
        TableRow(
            [row.cells[column] for column in table.columns],
            attrs={"data-measure": row.measure_id},
            group=row.group if merge is not None else None,
        )
        for row in table.rows
    ]
    chapter.blocks.append(
        b.table(
            list(table.headers), rows, b.t("report.plan_caption"), style="plan", merge_column=merge,
            attrs={"data-table": "plan"},
        )
    )


def follow_up(b: ReportBuilder, chapter: Section) -> None:
    items = b.project.plan.follow_up
    if not items:
        chapter.blocks.append(Paragraph(b.t("report.follow_up_none")))
        return
    chapter.blocks.append(Paragraph(b.t("report.follow_up_intro")))
    findings = {f.id: f for f in b.project.findings.findings}
    for index, item in enumerate(items, start=1):
        finding = findings.get(item.finding or "")
        title = finding_title(finding) if finding else b.t("report.follow_up_item", n=index)
        section = b.section(chapter, title, item.finding or f"item-{index}")
        section.blocks.append(Paragraph(item.text))
