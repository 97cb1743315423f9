"""Writing outputs: every file hkh makes goes through here, through the project's one output guard.

Each output is first drawn (`draw_*`: the `Results` of a project, or a survey's tables, turned into the bytes of its
files by the modules beside this one), then written (`write_drawn`): every target is checked before any is written,
so a refused overwrite leaves no half-updated set, and each file is written atomically; a file the user edited is
never replaced without `--force`. Drawing writes nothing, so `hkh run` can draw outputs in another process while
it writes others. The caller holds the project lock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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


PLAN_WORKBOOK = "plan-workbook"  # a Drawn's kind: refused with how to read the team's edits back


@dataclass(frozen=True)
class Drawn:
    """One output file, drawn but not written: where it goes, what it holds, and what kind of output it is."""

    path: Path
    data: bytes
    kind: str = ""


def write_drawn(root: Path, drawn: list[Drawn], *, force: bool = False, progress: Progress | None = None) -> list[Path]:
    """Write drawn outputs through the project's guard: all checked first, then each written atomically;
    `progress("files", done, total)` hears of each file written."""
    guard = OutputGuard(root, force=force)
    for output in drawn:
        if output.kind == PLAN_WORKBOOK:
            _check_plan_workbook(guard, output.path)
        else:
            guard.check(output.path)
    written = []
    for done, output in enumerate(drawn, start=1):
        written.append(guard.write_bytes(output.path, output.data))
        if progress:
            progress("files", done, len(drawn))
    return written


# ---------------------------------------------------------------------------------------------------- survey


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


def draw_survey(
    results: Results, tables: SurveyTables, *, output: Path | None = None, charts: ChartChoice = "cited"
) -> list[Drawn]:
    """The survey workbook (out/sporreundersokelse.xlsx, or `output`) and the bar charts of `charts`."""
    from hkh.outputs.charts.survey import chart_pngs
    from hkh.outputs.workbooks.survey import workbook_bytes

    project, language = results.project, tables.language
    target = output if output is not None else paths.survey_workbook_path(project, language)
    drawn = [Drawn(target, workbook_bytes(tables, language, project.mapping.title))]
    questions = charted_questions(results, tables, charts)
    for question, png in zip(questions, chart_pngs(questions, language, tables.min_cell)):
        drawn.append(Drawn(paths.survey_chart_path(project, tables.source, question.name, language), png))
    return drawn


def survey_output(results: Results, source_id: str) -> Path | None:
    """Where `hkh run` writes one survey's workbook: the default, or one workbook per survey when there are several,
    so the second does not replace the first."""
    if len(results.survey_ids) <= 1:
        return None
    default = paths.survey_workbook_path(results.project, results.language)
    return default.with_name(f"{default.stem}-{source_id}{default.suffix}")


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
    if progress:
        progress("charts", 0, len(charted_questions(results, tables, charts)))
    drawn = draw_survey(results, tables, output=output, charts=charts)
    return write_drawn(results.project.root, drawn, force=force, progress=progress)


# ------------------------------------------------------------------------------------------ triangulation, gaps


def draw_triangulation(results: Results, *, output: Path | None = None) -> list[Drawn]:
    """The triangulation workbook (out/triangulering.xlsx, or `output`)."""
    from hkh.outputs.workbooks.triangulation import workbook_bytes

    target = output if output is not None else paths.triangulation_path(results.project, results.language)
    return [Drawn(target, workbook_bytes(results.triangulation, results.language, results.project.mapping.title))]


def write_triangulation(results: Results, *, output: Path | None = None, force: bool = False) -> list[Path]:
    return write_drawn(results.project.root, draw_triangulation(results, output=output), force=force)


def draw_gaps(results: Results, *, output: Path | None = None) -> list[Drawn]:
    """out/gap-analyse.xlsx (or `output`) and the week heatmap beside it."""
    from hkh.outputs.charts.heatmap import week_heatmap_png
    from hkh.outputs.workbooks.gaps import workbook_bytes

    project, language = results.project, results.language
    workbook_target = output if output is not None else paths.gaps_path(project, language)
    titles = {finding.id: finding.title or finding.statement for finding in project.findings.findings}
    return [
        Drawn(workbook_target, workbook_bytes(results.gaps, titles, project.mapping.title)),
        Drawn(paths.heatmap_path(project, language, output), week_heatmap_png(results.gaps)),
    ]


def write_gaps(results: Results, *, output: Path | None = None, force: bool = False) -> list[Path]:
    return write_drawn(results.project.root, draw_gaps(results, output=output), force=force)


# ------------------------------------------------------------------------------------------------ plan, report


def draw_plan(results: Results, fmt: str = "xlsx", *, output: Path | None = None) -> list[Drawn]:
    """The action plan as a workbook, Markdown or CSV (out/handlingsplan.xlsx, or `output`)."""
    if fmt not in PLAN_FORMATS:
        raise UsageError("format-unknown", format=fmt, known=list(PLAN_FORMATS))
    project, table = results.project, results.plan
    target = output if output is not None else paths.plan_path(project, results.language, fmt)
    if fmt == "xlsx":
        from hkh.outputs.workbooks.plan import workbook_bytes

        return [Drawn(target, workbook_bytes(table, project.mapping.title), PLAN_WORKBOOK)]
    from hkh.outputs.plan_text import csv_text, markdown

    if fmt == "md":
        return [Drawn(target, markdown(table, project.mapping.title).encode("utf-8"))]
    return [Drawn(target, csv_text(table).encode("utf-8-sig"))]


def write_plan(results: Results, fmt: str = "xlsx", *, output: Path | None = None, force: bool = False) -> Path:
    drawn = draw_plan(results, fmt, output=output)
    return write_drawn(results.project.root, drawn, force=force)[0]


def draw_report(results: Results, formats: tuple[str, ...] = ("html",), *, output: Path | None = None) -> list[Drawn]:
    """The report (out/rapport.html, en report.html; or .docx, or `output`) in each format, from one model."""
    from hkh.outputs.report.build import build_report

    for fmt in formats:
        if fmt not in REPORT_FORMATS:
            raise UsageError("format-unknown", format=fmt, known=list(REPORT_FORMATS))
    report = build_report(results)
    drawn = []
    for fmt in formats:
        target = output if output is not None else paths.report_path(results.project, results.language, fmt)
        if fmt == "html":
            from hkh.outputs.report.html import render_html

            drawn.append(Drawn(target, render_html(report).encode("utf-8")))
        else:
            from hkh.outputs.report.docx import docx_bytes

            drawn.append(Drawn(target, docx_bytes(report)))
    return drawn


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
    if fmt in REPORT_FORMATS:
        # refuse an edited report before spending the time to build a new one
        target = output if output is not None else paths.report_path(results.project, results.language, fmt)
        OutputGuard(results.project.root, force=force).check(target)
    return write_drawn(results.project.root, draw_report(results, (fmt,), output=output), force=force)[0]


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
