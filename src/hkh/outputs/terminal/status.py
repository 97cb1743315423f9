"""`hkh status` in the terminal: one screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from hkh.analysis.status import Status
from hkh.i18n import t
from hkh.outputs.terminal.common import escape
from hkh.project.models import StepState

if TYPE_CHECKING:  # pragma: no cover - typing only
    from rich.console import RenderableType

STATE_STYLE = {StepState.done: "green", StepState.in_progress: "yellow", StepState.not_started: "dim"}


def render_status(status: Status, language: str) -> RenderableType:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table

    def w(key: str) -> str:
        return t(f"status.{key}", language)

    steps = Table(title=w("steps"), title_justify="left", expand=False)
    steps.add_column("#", justify="right")
    steps.add_column(w("step"))
    steps.add_column(w("state"))
    steps.add_column(w("dates"))
    for step in status.steps:
        dates = " – ".join(d for d in (step.start, step.end) if d)
        state = t(f"steps.state_{step.state.value}", language)
        steps.add_row(str(step.number), t(f"steps.{step.step.value}", language), f"[{STATE_STYLE[step.state]}]{state}[/]", escape(dates))

    sources = Table(title=w("sources"), title_justify="left")
    sources.add_column(w("method"))
    sources.add_column(w("count"), justify="right")
    sources.add_column(w("n"), justify="right")
    for item in status.methods:
        method = t(f"methods.{item.method.value}", language)
        if item.sources:
            sources.add_row(method, str(item.sources), str(item.participants or "–"))
        else:
            sources.add_row(f"[dim]{method}[/]", "[dim]0[/]", f"[dim]{w('not_used')}[/]")

    strength = status.strength
    overview = Table(title=w("overview"), title_justify="left", show_header=False)
    overview.add_column()
    overview.add_column(justify="right")
    overview.add_row(w("findings"), str(status.findings))
    overview.add_row(
        f"  {w('by_strength')}",
        f"{t('strength.robust', language)} {strength['robust']} · "
        f"{t('strength.triangulated', language)} {strength['triangulated']} · "
        f"{t('strength.single', language)} {strength['single']} · {t('strength.disputed', language)} {strength['disputed']}",
    )
    overview.add_row(w("needs"), str(status.needs))
    overview.add_row(w("efforts"), str(status.efforts))
    overview.add_row(w("open_gaps"), f"{status.uncovered_needs} / {status.needs_without_effort}")
    overview.add_row(w("goals"), str(status.goals))
    overview.add_row(w("measures"), str(status.measures))
    overview.add_row(w("follow_up"), str(status.follow_up))
    unaddressed = status.unaddressed
    shown = ", ".join(unaddressed[:4]) + (", …" if len(unaddressed) > 4 else "")
    overview.add_row(w("unaddressed"), f"{len(unaddressed)}" + (f" ({escape(shown)})" if unaddressed else ""))

    current = status.current
    now = f"{w('current')}: {current.number}. {t(f'steps.{current.step.value}', language)}" if current else w("all_done")
    title = status.title + (f" — {status.area}" if status.area else "")
    return Group(Panel(f"{escape(title)}\n{now}", expand=False), steps, sources, overview)
