"""Writing outputs: every file hkh makes goes through here, through the project's one output guard.

Each function takes what was computed (the `Results` of a project, or a survey's tables), draws the output's bytes
with the modules beside this one, and writes them atomically; a file the user edited is never replaced without
`--force`. The caller holds the project lock.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from hkh.analysis.results import Results
from hkh.core.errors import UsageError
from hkh.core.guard import OutputGuard
from hkh.outputs import paths
from hkh.survey.tables import QuestionTable, SurveyTables

PLAN_FORMATS = ("xlsx", "md", "csv")
REPORT_FORMATS = ("html", "docx")
ChartChoice = Literal["cited", "all", "none"]
Progress = Callable[[str, int, int], None]
# below this many charts, starting worker processes costs more than it saves
_PARALLEL_CHARTS = 24


def charted_questions(results: Results, tables: SurveyTables, choice: ChartChoice) -> list[QuestionTable]:
    """The questions that get a bar chart: those findings cite (the report shows them), or all tabulated ones."""
    drawable = [q for q in tables.questions if q.tabulated and not q.base_suppressed and q.options]
    if choice == "all":
        return drawable
    if choice == "none":
        return []
    cited = {
        found.name
        for finding in results.project.findings.findings
        for evidence in finding.evidence
        if evidence.source == tables.source and evidence.question
        and (found := tables.question(str(evidence.question))) is not None
    }
    return [q for q in drawable if q.name in cited]


def _draw_charts(questions: list[QuestionTable], language: str, min_cell: int) -> list[bytes]:
    from hkh.outputs.charts.survey import chart_png, draw_charts_in_parallel

    if len(questions) >= _PARALLEL_CHARTS:
        return draw_charts_in_parallel(questions, language, min_cell)
    return [chart_png(question, language, min_cell) for question in questions]


def write_survey(
    results: Results,
    tables: SurveyTables,
    *,
    output: Path | None = None,
    charts: ChartChoice = "cited",
    force: bool = False,
    progress: Progress | None = None,
) -> list[Path]:
    """The survey workbook (out/sporreundersokelse.xlsx, or `output`) and the bar charts of `charts`.

    `progress(stage, done, total)` hears of the stages that take time (`charts`, `files`)."""
    from hkh.outputs.workbooks.survey import workbook_bytes

    project, language = results.project, tables.language
    guard = OutputGuard(project.root, force=force)
    target = output if output is not None else paths.survey_workbook_path(project, language)
    written = [guard.write_bytes(target, workbook_bytes(tables, language, project.mapping.title))]
    questions = charted_questions(results, tables, charts)
    if progress:
        progress("charts", 0, len(questions))
    drawn = _draw_charts(questions, language, tables.min_cell)
    for done, (question, png) in enumerate(zip(questions, drawn), start=1):
        written.append(guard.write_bytes(paths.survey_chart_path(project, tables.source, question.name, language), png))
        if progress:
            progress("files", done, len(questions))
    return written


def write_triangulation(results: Results, *, output: Path | None = None, force: bool = False) -> list[Path]:
    """The triangulation workbook (out/triangulering.xlsx, or `output`)."""
    from hkh.outputs.workbooks.triangulation import workbook_bytes

    target = output if output is not None else paths.triangulation_path(results.project, results.language)
    OutputGuard(results.project.root, force=force).write_bytes(
        target, workbook_bytes(results.triangulation, results.language, results.project.mapping.title)
    )
    return [target]


def write_gaps(results: Results, *, output: Path | None = None, force: bool = False) -> list[Path]:
    """out/gap-analyse.xlsx (or `output`) and the week heatmap beside it."""
    from hkh.outputs.charts.heatmap import week_heatmap_png
    from hkh.outputs.workbooks.gaps import workbook_bytes

    project, language = results.project, results.language
    guard = OutputGuard(project.root, force=force)
    workbook_target = output if output is not None else paths.gaps_path(project, language)
    figure_target = paths.heatmap_path(project, language, output)
    # check both before writing either, so a refused overwrite leaves no half-updated pair
    guard.check(workbook_target)
    guard.check(figure_target)
    titles = {finding.id: finding.title or finding.statement for finding in project.findings.findings}
    guard.write_bytes(workbook_target, workbook_bytes(results.gaps, titles, project.mapping.title))
    guard.write_bytes(figure_target, week_heatmap_png(results.gaps))
    return [workbook_target, figure_target]


def write_plan(results: Results, fmt: str = "xlsx", *, output: Path | None = None, force: bool = False) -> Path:
    """The action plan as a workbook, Markdown or CSV (out/handlingsplan.xlsx, or `output`)."""
    if fmt not in PLAN_FORMATS:
        raise UsageError("format-unknown", format=fmt, known=list(PLAN_FORMATS))
    project, table = results.project, results.plan
    target = output if output is not None else paths.plan_path(project, results.language, fmt)
    guard = OutputGuard(project.root, force=force)
    if fmt == "xlsx":
        from hkh.outputs.workbooks.plan import workbook_bytes

        _check_plan_workbook(guard, target)
        return guard.write_bytes(target, workbook_bytes(table, project.mapping.title))
    from hkh.outputs.plan_text import csv_text, markdown

    if fmt == "md":
        return guard.write_text(target, markdown(table, project.mapping.title))
    return guard.write_bytes(target, csv_text(table).encode("utf-8-sig"))


def _check_plan_workbook(guard: OutputGuard, target: Path) -> None:
    """A plan workbook the steering group edited is not thrown away, nor left in the way: say how to read it back."""
    from hkh.core.errors import OverwriteRefusedError
    from hkh.core.files import shown_path

    try:
        guard.check(target)
    except OverwriteRefusedError as error:
        if target.is_file() and guard.recorded(target) is not None:
            raise OverwriteRefusedError("plan-workbook-edited", path=error.path, workbook=shown_path(target)) from None
        raise


def write_report(results: Results, fmt: str = "html", *, output: Path | None = None, force: bool = False) -> Path:
    """The report (out/rapport.html, en report.html; or .docx) built from the results."""
    from hkh.outputs.report.build import build_report

    if fmt not in REPORT_FORMATS:
        raise UsageError("format-unknown", format=fmt, known=list(REPORT_FORMATS))
    target = output if output is not None else paths.report_path(results.project, results.language, fmt)
    guard = OutputGuard(results.project.root, force=force)
    guard.check(target)
    report = build_report(results)
    if fmt == "html":
        from hkh.outputs.report.html import render_html

        return guard.write_text(target, render_html(report))
    from hkh.outputs.report.docx import docx_bytes

    return guard.write_bytes(target, docx_bytes(report))


def write_plan_after_import(results: Results, imported: Path) -> tuple[list[Path], list[str]]:
    """After `hkh plan import`: the imported workbook counts as hkh's again, and the project's plan workbook is
    written anew from the new plan.yaml, so that new rows carry their numbers and a second import changes nothing.

    Returns the files written and what to tell the user (in the results' language). A plan workbook in out/ that was
    edited too, and is not the one imported, is left alone: its edits are not in plan.yaml.
    """
    from hkh.core.errors import OverwriteRefusedError
    from hkh.core.files import shown_path
    from hkh.i18n import t

    project, language = results.project, results.language
    guard = OutputGuard(project.root)
    target = paths.plan_path(project, language, "xlsx")
    said: list[str] = []
    same = target.exists() and imported.resolve() == target.resolve()
    if same or guard.recorded(imported) is not None:
        guard.record(imported)  # its content is in plan.yaml now: hkh may replace it
    try:
        guard.check(target)
    except OverwriteRefusedError:
        said.append(t("followup.out_edited", language, plan_workbook=shown_path(target)))
        return [], said
    written = write_plan(results, "xlsx")
    if same:
        said.append(t("followup.rewrote", language, workbook=shown_path(target)))
    else:
        if guard.recorded(imported) is not None:
            said.append(t("followup.recorded", language, workbook=shown_path(imported)))
        said.append(t("followup.elsewhere", language, plan_workbook=shown_path(target), workbook=shown_path(imported)))
    return [written], said


def write_efforts_workbook(results: Results, *, output: Path | None = None, force: bool = False) -> Path:
    """The register of efforts as a workbook for the services to check (out/innsatsoversikt.xlsx, or `output`)."""
    from hkh.outputs.workbooks.efforts import workbook_bytes

    target = output if output is not None else paths.efforts_workbook_path(results.project, results.language)
    return OutputGuard(results.project.root, force=force).write_bytes(
        target, workbook_bytes(results.project, results.language)
    )
