"""`hkh status`: where the mapping stands, in one screen."""

from __future__ import annotations

from collections import Counter

from rich.console import Group
from rich.panel import Panel
from rich.table import Table

from hkh.i18n import labels
from hkh.project.models import Method, StepId, StepState
from hkh.project.load import Project

STATUS_LABELS: labels.Table = {
    "steps": {"nb": "HKH-stegene", "nn": "HKH-stega", "en": "The HKH steps"},
    "step": {"nb": "Steg", "nn": "Steg", "en": "Step"},
    "state": {"nb": "Status", "nn": "Status", "en": "State"},
    "dates": {"nb": "Datoer", "nn": "Datoar", "en": "Dates"},
    "sources": {"nb": "Kilder etter metode", "nn": "Kjelder etter metode", "en": "Sources by method"},
    "method": {"nb": "Metode", "nn": "Metode", "en": "Method"},
    "count": {"nb": "Kilder", "nn": "Kjelder", "en": "Sources"},
    "n": {"nb": "n (deltakere)", "nn": "n (deltakarar)", "en": "n (participants)"},
    "overview": {"nb": "Oversikt", "nn": "Oversikt", "en": "Overview"},
    "findings": {"nb": "Funn", "nn": "Funn", "en": "Findings"},
    "needs": {"nb": "Behov", "nn": "Behov", "en": "Needs"},
    "efforts": {"nb": "Pågående innsats", "nn": "Pågåande innsats", "en": "Ongoing efforts"},
    "goals": {"nb": "Delmål", "nn": "Delmål", "en": "Sub-goals"},
    "measures": {"nb": "Tiltak", "nn": "Tiltak", "en": "Measures"},
    "follow_up": {"nb": "Funn som bør følges opp", "nn": "Funn som bør følgjast opp", "en": "Findings to follow up"},
    "unaddressed": {"nb": "Funn uten tiltak", "nn": "Funn utan tiltak", "en": "Findings no measure addresses"},
    "not_used": {"nb": "ikke brukt", "nn": "ikkje brukt", "en": "not used"},
    "current": {"nb": "Nå", "nn": "No", "en": "Now at"},
    "all_done": {"nb": "alle stegene er ferdige", "nn": "alle stega er ferdige", "en": "all steps are done"},
    "open_gaps": {"nb": "Åpne hull (udekkede behov / uten tilbud)", "nn": "Opne hol (udekte behov / utan tilbod)", "en": "Open gaps (uncovered needs / no effort)"},
    "by_strength": {"nb": "Funn etter styrke", "nn": "Funn etter styrke", "en": "Findings by strength"},
}

STATE_STYLE = {StepState.done: "green", StepState.in_progress: "yellow", StepState.not_started: "dim"}


def _t(key: str, language: str) -> str:
    return labels.text(key, language, STATUS_LABELS, labels.STEPS, labels.STEP_STATES, labels.METHODS, labels.STRENGTH)


def render_status(project: Project, language: str) -> Group:
    steps_by_id = {step.id: step for step in project.mapping.steps}
    steps = Table(title=_t("steps", language), title_justify="left", expand=False)
    steps.add_column("#", justify="right")
    steps.add_column(_t("step", language))
    steps.add_column(_t("state", language))
    steps.add_column(_t("dates", language))
    for number, step_id in enumerate(StepId, start=1):
        step = steps_by_id.get(step_id)
        state = step.state if step else StepState.not_started
        dates = " – ".join(d for d in ((step.start, step.end) if step else ()) if d)
        steps.add_row(
            str(number),
            _t(step_id.value, language),
            f"[{STATE_STYLE[state]}]{_t(state.value, language)}[/]",
            dates,
        )

    by_method: Counter[Method] = Counter()
    n_by_method: Counter[Method] = Counter()
    for source in project.sources.sources:
        by_method[source.method] += 1
        n_by_method[source.method] += source.n or 0
    sources = Table(title=_t("sources", language), title_justify="left")
    sources.add_column(_t("method", language))
    sources.add_column(_t("count", language), justify="right")
    sources.add_column(_t("n", language), justify="right")
    for method in Method:
        if by_method[method]:
            sources.add_row(_t(method.value, language), str(by_method[method]), str(n_by_method[method] or "–"))
        else:
            sources.add_row(f"[dim]{_t(method.value, language)}[/]", "[dim]0[/]", f"[dim]{_t('not_used', language)}[/]")

    from hkh.analysis.triangulation import triangulate

    from hkh.analysis.gaps import analyse_gaps

    strength = triangulate(project, language, survey_figures=False).counts()
    gap_analysis = analyse_gaps(project, language)
    addressed = {target for _goal, measure in project.plan.measures() for target in measure.addresses}
    followed_up = {item.finding for item in project.plan.follow_up}
    unaddressed = [
        f.id
        for f in project.findings.findings
        if f.id not in addressed
        and f.id not in followed_up
        and not any(f.need_id(i) in addressed for i in range(len(f.needs)))
    ]
    overview = Table(title=_t("overview", language), title_justify="left", show_header=False)
    overview.add_column()
    overview.add_column(justify="right")
    overview.add_row(_t("findings", language), str(len(project.findings.findings)))
    overview.add_row(
        f"  {_t('by_strength', language)}",
        f"{_t('robust', language)} {strength['robust']} · {_t('triangulated', language)} {strength['triangulated']} · "
        f"{_t('single', language)} {strength['single']} · {_t('disputed', language)} {strength['disputed']}",
    )
    overview.add_row(_t("needs", language), str(sum(len(f.needs) for f in project.findings.findings)))
    overview.add_row(_t("efforts", language), str(len(project.efforts.efforts)))
    overview.add_row(_t("open_gaps", language), f"{len(gap_analysis.uncovered)} / {len(gap_analysis.no_effort)}")
    overview.add_row(_t("goals", language), str(len(project.plan.goals)))
    overview.add_row(_t("measures", language), str(len(project.plan.measures())))
    overview.add_row(_t("follow_up", language), str(len(project.plan.follow_up)))
    shown = ", ".join(unaddressed[:4]) + (", …" if len(unaddressed) > 4 else "")
    overview.add_row(_t("unaddressed", language), f"{len(unaddressed)}" + (f" ({shown})" if unaddressed else ""))

    current = next(
        (
            (number, step_id)
            for number, step_id in enumerate(StepId, start=1)
            if (steps_by_id.get(step_id).state if step_id in steps_by_id else StepState.not_started) is not StepState.done
        ),
        None,
    )
    now = (
        f"{_t('current', language)}: {current[0]}. {_t(current[1].value, language)}"
        if current
        else _t("all_done", language)
    )
    title = project.mapping.title + (f" — {project.mapping.area}" if project.mapping.area else "")
    return Group(Panel(f"{title}\n{now}", expand=False), steps, sources, overview)
