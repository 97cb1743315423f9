"""The action plan as Markdown (for a wiki or an e-mail) and as CSV (for sorting and filtering in a spreadsheet).

Text stays text (`hkh.core.safe_text`): in Markdown every cell is escaped (`*`, `_`, `[`, `<`, `|` … and HTML),
so a measure reads as written and cannot become a link, an image or HTML; in CSV every field is quoted and a field
that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab) gets an apostrophe in front, as OWASP advises.
"""

from __future__ import annotations

import csv
import io

from hkh.analysis.plan import PlanTable
from hkh.core.safe_text import csv_cell, document_text, markdown_text
from hkh.i18n import t


def markdown(table: PlanTable, title: str) -> str:
    def clean(text: str) -> str:
        return markdown_text(text)

    lang = table.language
    lines = [f"# {t('plan.plan_sheet', lang)}: {clean(title)}", ""]
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
        lines += ["", f"## {t('plan.follow_up_sheet', lang)}", ""]
        for finding_id, finding_title, text in table.follow_up:
            heading = f"**{clean(finding_title)}** ({clean(finding_id)})" if finding_id else ""
            lines.append(f"- {heading}{': ' if heading else ''}{clean(text)}")
    return "\n".join(lines) + "\n"


def csv_text(table: PlanTable) -> str:
    """One row per measure with every cell filled (the goal repeated), for sorting and filtering.

    Norwegian Excel reads `;` as the list separator, English Excel `,`; the file carries a BOM so Excel sees UTF-8.
    A spreadsheet guesses each cell's type, quotes or not: with a Norwegian locale a measure id `1.2` becomes the
    date 1 February. So the id is written in a form no locale reads as a number or a date ("Tiltak 1.2"), which is
    also how the report names a measure; nothing is written as a formula.
    """
    lang = table.language
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=";" if lang in {"nb", "nn"} else ",", lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    columns = [column for column in table.columns if column != "number"]  # the id column below says it
    headers = [header for column, header in zip(table.columns, table.headers) if column != "number"]
    label = t("plan.measure_id", lang)
    writer.writerow([csv_cell(document_text(text)) for text in (t("layout.number", lang), *headers)])
    for row in table.rows:
        cells = (f"{label} {row.measure_id}", *(row.cells[column] for column in columns))
        writer.writerow([csv_cell(document_text(text)) for text in cells])
    return stream.getvalue()
