"""`hkh plan status` in the terminal: the overdue measures first, then progress by goal and by responsible party."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hkh.analysis.followup import PlanProgress, ProgressLine
from hkh.i18n import t
from hkh.i18n.formats import format_date
from hkh.outputs.terminal.common import escape
from hkh.project.models import MeasureStatus
from hkh.project.plan_sheet import status_label

if TYPE_CHECKING:  # pragma: no cover - typing only
    from rich.console import RenderableType

STATUS_COLUMNS: tuple[MeasureStatus | None, ...] = (*MeasureStatus, None)


def render_plan_status(progress: PlanProgress, language: str) -> RenderableType:
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    def w(key: str, **values: object) -> str:
        return t(f"followup.{key}", language, **values)

    def status_text(status: MeasureStatus | None) -> str:
        return status_label(status, language) if status else w("status_none")

    parts: list[RenderableType] = [Text(w("status_title", date=format_date(progress.today.isoformat(), language)), style="bold")]
    if progress.overdue:
        late = Table(title=w("overdue_title"), title_justify="left")
        late.add_column(w("number"))
        late.add_column(w("measures"), overflow="fold", max_width=60)
        late.add_column(w("party"))
        late.add_column(w("status"))
        late.add_column(w("why"))
        for item in progress.overdue:
            assert item.late_date is not None
            late.add_row(
                escape(item.measure_id),
                escape(item.text),
                escape(item.responsible or ""),
                status_text(item.status),
                w(item.late or "late_end", date=format_date(item.late_date.isoformat(), language)),
            )
        parts.append(late)
    else:
        parts.append(Text(w("no_overdue")))

    def counts_table(title: str, first: str, lines: list[ProgressLine], labelled: bool) -> Table:
        table = Table(title=title, title_justify="left")
        table.add_column(first, overflow="ellipsis", no_wrap=True, max_width=40)
        table.add_column(w("measures"), justify="right")
        for status in STATUS_COLUMNS:
            table.add_column(status_text(status), justify="right")
        table.add_column(w("overdue"), justify="right")
        for line in lines:
            label = f"{line.key}. {line.label}" if labelled else (line.label or w("no_party"))
            cells = [str(line.counts.get(status, 0) or "") for status in STATUS_COLUMNS]
            table.add_row(escape(label), str(line.total), *cells, str(line.overdue or ""))
        return table

    parts.append(counts_table(w("by_goal"), w("goal"), progress.by_goal, labelled=True))
    parts.append(counts_table(w("by_party"), w("party"), progress.by_party, labelled=False))
    if progress.unread:
        parts.append(Text(w("unread_timing", ids=", ".join(m.measure_id for m in progress.unread))))
    return Group(*parts)
