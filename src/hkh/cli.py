"""The `hkh` command line: parses arguments, calls the library, prints.

Everything here is thin on purpose. The library never prints; it returns results (and rich renderables), and raises
`HkhError` for anything the user can fix. This module turns those errors into one line `location: message` on
stderr and an exit code, in one place (`_handle_errors`). Heavy libraries (pandas, openpyxl, matplotlib) are imported
inside the commands that use them, so `hkh --help` stays fast.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Callable, Optional, TypeVar

import typer

from hkh import __version__
from hkh.core.errors import HkhError

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    name="hkh",
    help="Tools for HKH mappings (Hurtig kartlegging og handling / Rapid Assessment and Response): "
    "import SurveyXact exports, survey tables, triangulation, gap analysis, action plan and report.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class State:
    quiet: bool = False


STATE = State()


def stdout() -> Console:
    from rich.console import Console

    return Console(quiet=STATE.quiet, highlight=False, soft_wrap=False)


def stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def _print_error(error: HkhError) -> None:
    # plain print, not rich markup: paths and messages may hold [brackets]
    print(str(error), file=sys.stderr)


F = TypeVar("F", bound=Callable[..., Any])


def _handle_errors(func: F) -> F:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except HkhError as error:
            _print_error(error)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            print("hkh: interrupted; files being written were left as they were", file=sys.stderr)
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        print(f"hkh {__version__}")
        raise typer.Exit()


@app.callback()
def _global(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
) -> None:
    STATE.quiet = quiet


class LanguageChoice(str, Enum):
    nb = "nb"
    nn = "nn"
    en = "en"


ProjectOption = Annotated[
    Optional[Path],
    typer.Option("--project", "-p", help="The project folder (default: the nearest folder upward with hkh.yaml)."),
]
LanguageOption = Annotated[
    Optional[LanguageChoice],
    typer.Option("--language", "-l", help="Language of the output (default: `language` in hkh.yaml)."),
]
OutputOption = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to this file instead of out/.")]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Replace output files even if they were changed after hkh wrote them.")
]


def _language(project: Any, override: LanguageChoice | None) -> str:
    return override.value if override is not None else project.language


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# --------------------------------------------------------------------------------------------------------- init


@app.command(short_help="Create a new mapping with commented templates.")
@_handle_errors
def init(
    directory: Annotated[Path, typer.Argument(help="Folder for the new mapping (created if missing).")],
    title: Annotated[Optional[str], typer.Option("--title", "-t", help="Title of the mapping.")] = None,
    area: Annotated[Optional[str], typer.Option("--area", "-a", help="The area mapped.")] = None,
    language: Annotated[LanguageChoice, typer.Option("--language", "-l", help="nb, nn or en.")] = LanguageChoice.nb,
) -> None:
    """Create a new mapping with commented templates. Never overwrites existing files."""
    from hkh.project.init import create_project

    written = create_project(directory, title=title, area=area, language=language.value)
    console = stdout()
    # paths are printed whole (no wrapping, no markup) so that they can be copied or clicked in any terminal width
    for path in written:
        console.print(f"wrote {path}", markup=False, soft_wrap=True)
    console.print(f"Next: edit the files, then run `hkh check -p {directory}`.", markup=False, soft_wrap=True)


# -------------------------------------------------------------------------------------------------------- check


@app.command(short_help="Validate every file and cross-reference; list all problems.")
@_handle_errors
def check(project: ProjectOption = None) -> None:
    """Validate every file and every cross-reference; list all problems (exit 1 on errors)."""
    from hkh.project.check import check_project
    from hkh.core.errors import Severity

    root, problems = check_project(project)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    for problem in problems:
        print(str(problem), file=sys.stderr)
    if not STATE.quiet:
        warnings = len(problems) - len(errors)
        verdict = "ok" if not errors else "failed"
        counts = f"{len(errors)} error{'' if len(errors) == 1 else 's'}, {warnings} warning{'' if warnings == 1 else 's'}"
        stdout().print(f"hkh check: {verdict}: {counts} in {root}", markup=False, soft_wrap=True)
    if errors:
        raise typer.Exit(EXIT_PROBLEMS)


# ------------------------------------------------------------------------------------------------------- status


@app.command(short_help="Where the mapping stands: steps, sources, gaps, measures.")
@_handle_errors
def status(project: ProjectOption = None, language: LanguageOption = None) -> None:
    """Where the mapping stands: the seven HKH steps, sources by method, findings, gaps, measures."""
    from hkh.project.load import load_project
    from hkh.analysis.status import render_status

    loaded = load_project(project)
    stdout().print(render_status(loaded, _language(loaded, language)))


# ------------------------------------------------------------------------------------------------------- import


@app.command("import", short_help="Import a SurveyXact export into data/survey/<source>/.")
@_handle_errors
def import_(
    exports: Annotated[list[Path], typer.Argument(help="An .xlsx or .xml workbook, a folder of CSV files, or the CSV files.")],
    project: ProjectOption = None,
    source: Annotated[Optional[str], typer.Option("--source", "-s", help="Source id to register (default: from the file name).")] = None,
    keep_identifiers: Annotated[
        bool, typer.Option("--keep-identifiers", help="Keep names, e-mail, phone and similar columns (personal data!).")
    ] = False,
    force: ForceOption = False,
) -> None:
    """Import a SurveyXact export into data/survey/<source>/ and register it in sources.yaml."""
    import contextlib

    from hkh.survey.store import import_survey

    show_progress = not STATE.quiet and sys.stdout.isatty()
    with contextlib.ExitStack() as stack:
        callback = None
        if show_progress:
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            bar = stack.enter_context(
                Progress(TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), transient=True)
            )
            task = bar.add_task("importing", total=1)

            def callback(description: str, done: int, total: int) -> None:
                bar.update(task, description=description, completed=done, total=max(total, 1))

        result = import_survey(
            exports,
            project_dir=project,
            source_id=source,
            keep_identifiers=keep_identifiers,
            force=force,
            progress=callback,
        )
    if not STATE.quiet:
        for warning in result.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    def say(text: str) -> None:
        # plain lines, no rich: paths and source ids must come out as they are (rich would turn `:name:` into emoji)
        if not STATE.quiet:
            print(text)

    people = result.codebook.respondents
    split = (
        f" ({people.complete} complete, {people.partial} partial)" if people.complete is not None else ""
    )
    say(
        f"imported {people.answered} respondents{split} of {people.rows} rows, "
        f"{len(result.codebook.questions)} questions, into {result.directory.relative_to(result.directory.parents[2])}"
    )
    if result.dropped:
        say(f"dropped identifying columns: {', '.join(result.dropped)} (use --keep-identifiers to keep them)")
    elif keep_identifiers:
        say("kept identifying columns (--keep-identifiers): handle data/survey/ as personal data")
    for copied in result.copied:
        say(f"copied the raw export to {copied}")
    if result.kept_edits:
        say(f"kept your non_substantive edits for: {', '.join(result.kept_edits)}")
    say(f"{result.registered} source {result.source_id!r} in sources.yaml")


# ------------------------------------------------------------------------------------------------------- survey


class SurveyFormat(str, Enum):
    table = "table"
    json = "json"


@app.command(short_help="Frequency tables for every question, with report phrases.")
@_handle_errors
def survey(
    project: ProjectOption = None,
    source: Annotated[Optional[str], typer.Option("--source", "-s", help="Which imported survey (default: the only one).")] = None,
    by: Annotated[Optional[str], typer.Option("--by", help="Break down by this background question.")] = None,
    min_cell: Annotated[Optional[int], typer.Option("--min-cell", help="Smallest count shown (default: settings.min_cell).")] = None,
    output: OutputOption = None,
    output_format: Annotated[SurveyFormat, typer.Option("--format", "-f", help="table (terminal + workbook) or json.")] = SurveyFormat.table,
    language: LanguageOption = None,
    force: ForceOption = False,
) -> None:
    """Frequency tables for every question, with the phrases a report uses; workbook and charts in out/."""
    from hkh.core.lock import project_lock
    from hkh.project.load import load_project
    from hkh.survey.tables import (
        build_survey_tables,
        cited_figures,
        render_cited_figures,
        render_survey_tables,
        write_survey_outputs,
    )

    loaded = load_project(project)
    chosen = _language(loaded, language)
    tables = build_survey_tables(loaded, source, by=by, min_cell=min_cell, language=chosen)
    if output_format is SurveyFormat.json:
        _print_json(tables.to_json())
        return
    with project_lock(loaded.root):
        written = write_survey_outputs(loaded, tables, chosen, output=output, force=force)
    console = stdout()
    for renderable in render_survey_tables(tables):
        console.print(renderable)
        console.print()
    cited = render_cited_figures(cited_figures(loaded, tables, chosen), chosen)
    if cited is not None:
        console.print(cited)
        console.print()
    charts = [path for path in written if path.suffix == ".png"]
    for path in written:
        if path.suffix != ".png":
            console.print(f"wrote {loaded.show(path)}", markup=False)
    if charts:
        console.print(f"wrote {len(charts)} charts in {loaded.show(charts[0].parent)}", markup=False)


# -------------------------------------------------------------------------------------------------- triangulate


class AnalysisFormat(str, Enum):
    table = "table"
    json = "json"


@app.command(short_help="The triangulation matrix: findings against methods.")
@_handle_errors
def triangulate(
    project: ProjectOption = None,
    output: OutputOption = None,
    output_format: Annotated[AnalysisFormat, typer.Option("--format", "-f", help="table (terminal + workbook) or json.")] = AnalysisFormat.table,
    language: LanguageOption = None,
    force: ForceOption = False,
) -> None:
    """The triangulation matrix: findings against methods, and the strength of each finding."""
    from hkh.project.load import load_project
    from hkh.analysis.triangulation import render_triangulation, write_triangulation
    from hkh.analysis.triangulation import triangulate as compute_triangulation

    loaded = load_project(project)
    chosen = _language(loaded, language)
    result = compute_triangulation(loaded, chosen)
    _show_and_write(
        loaded, result, output_format, output, force,
        render=lambda: render_triangulation(result, chosen),
        write=lambda: write_triangulation(loaded, result, chosen, output=output, force=force),
    )


def _show_and_write(
    loaded: Any,
    result: Any,
    output_format: AnalysisFormat,
    output: Path | None,
    force: bool,
    *,
    render: Callable[[], Any],
    write: Callable[[], list[Path]],
) -> None:
    """The shared tail of the analysis commands: JSON to stdout or a file, or the terminal table plus the workbook."""
    from hkh.core.guard import write_json_output
    from hkh.core.lock import project_lock

    if output_format is AnalysisFormat.json and output is None:
        _print_json(result.to_json())
        return
    if output_format is AnalysisFormat.table:
        stdout().print(render())
    with project_lock(loaded.root):
        if output_format is AnalysisFormat.json:
            written = [write_json_output(loaded.out_dir, result.to_json(), output, force=force)]
        else:
            written = write()
    for path in written:
        stdout().print(f"wrote {loaded.show(path)}", markup=False)


# --------------------------------------------------------------------------------------------------------- gaps


@app.command(short_help="The gap analysis: needs against ongoing efforts, by hour.")
@_handle_errors
def gaps(
    project: ProjectOption = None,
    output: OutputOption = None,
    output_format: Annotated[AnalysisFormat, typer.Option("--format", "-f", help="table (terminal + workbook) or json.")] = AnalysisFormat.table,
    language: LanguageOption = None,
    force: ForceOption = False,
) -> None:
    """The gap analysis: needs against ongoing efforts, by hour of the week; overlaps; capacity; plan coverage."""
    from hkh.analysis.gaps import analyse_gaps, render_gaps, write_gaps
    from hkh.project.load import load_project

    loaded = load_project(project)
    chosen = _language(loaded, language)
    result = analyse_gaps(loaded, chosen)
    _show_and_write(
        loaded, result, output_format, output, force,
        render=lambda: render_gaps(result),
        write=lambda: write_gaps(loaded, result, chosen, output=output, force=force),
    )


# --------------------------------------------------------------------------------------------------------- plan


class PlanFormat(str, Enum):
    xlsx = "xlsx"
    md = "md"
    csv = "csv"


@app.command(short_help="The action plan: workbook, Markdown or CSV.")
@_handle_errors
def plan(
    project: ProjectOption = None,
    output_format: Annotated[PlanFormat, typer.Option("--format", "-f", help="xlsx, md or csv.")] = PlanFormat.xlsx,
    output: OutputOption = None,
    language: LanguageOption = None,
    force: ForceOption = False,
) -> None:
    """The action plan (Delmål / Forslag til tiltak / Ansvarlig og involverte / Tid), traced to findings."""
    from hkh.core.lock import project_lock
    from hkh.analysis.plan import write_plan
    from hkh.project.load import load_project

    loaded = load_project(project)
    with project_lock(loaded.root):
        path = write_plan(loaded, _language(loaded, language), output_format.value, output=output, force=force)
    stdout().print(f"wrote {loaded.show(path)}")


# ------------------------------------------------------------------------------------------------------- report


class ReportFormat(str, Enum):
    html = "html"
    docx = "docx"


@app.command(short_help="The report with figures: one HTML file, or a Word document.")
@_handle_errors
def report(
    project: ProjectOption = None,
    output: OutputOption = None,
    output_format: Annotated[ReportFormat, typer.Option("--format", "-f", help="html or docx.")] = ReportFormat.html,
    language: LanguageOption = None,
    force: ForceOption = False,
) -> None:
    """The report in the structure of an HKH report, with figures, as one HTML file (or a Word document)."""
    from hkh.core.lock import project_lock
    from hkh.project.load import load_project
    from hkh.outputs.report.build import write_report

    loaded = load_project(project)
    with project_lock(loaded.root):
        path = write_report(loaded, _language(loaded, language), output_format.value, output=output, force=force)
    stdout().print(f"wrote {loaded.show(path)}", markup=False, soft_wrap=True)


# ---------------------------------------------------------------------------------------------------------- run


@app.command(short_help="Everything: check, survey, triangulate, gaps, plan, report.")
@_handle_errors
def run(project: ProjectOption = None, language: LanguageOption = None, force: ForceOption = False) -> None:
    """The main job: check, survey, triangulate, gaps, plan and report, listing the files written."""
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from hkh.core.errors import CheckFailedError
    from hkh.pipeline import STEPS, StepResult, run_pipeline
    from hkh.project.load import display_path

    console = stdout()
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), console=console, transient=True, disable=STATE.quiet
    ) as progress:
        task = progress.add_task("hkh run", total=len(STEPS))

        def show(event: str, step: str, result: StepResult | None) -> None:
            if event == "start":
                progress.update(task, description=f"{step} …")
                return
            assert result is not None
            if result.skipped:
                progress.console.print(f"[dim]–[/] {step}: skipped ({result.skipped})")
                progress.advance(task)
                return
            if step == "check":
                note = f"ok, {result.warnings} warnings (see `hkh check`)" if result.warnings else "ok"
            else:
                note = f"{len(result.paths)} file{'s' if len(result.paths) != 1 else ''}"
            progress.console.print(f"[green]✓[/] {step}: {note}")
            progress.advance(task)

        try:
            result = run_pipeline(
                project, language=language.value if language is not None else None, force=force, progress=show
            )
        except CheckFailedError as error:
            for problem in error.problems:
                print(str(problem), file=sys.stderr)
            print(f"hkh run: stopped at check: {error.message}", file=sys.stderr)
            raise typer.Exit(error.exit_code) from None
        except HkhError as error:
            step = getattr(error, "step", None)
            if step:
                progress.console.print(f"[red]✗[/] {step}: stopped")
            raise
    console.print("Files written:")
    for path in result.paths:
        # paths are printed whole (never wrapped, never read as markup), so they can be copied and clicked
        console.print(f"  {display_path(path, '.')}", markup=False, soft_wrap=True)


def main() -> None:
    """Console entry point. Errors the user can fix are handled per command; anything else is a bug in hkh."""
    from hkh._startup import skip_pydantic_plugin_discovery

    skip_pydantic_plugin_discovery()
    try:
        app(standalone_mode=True)
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks for users
        if os.environ.get("HKH_DEBUG"):
            raise
        print(
            f"hkh: internal error ({type(exc).__name__}: {exc}); this is a bug in hkh. "
            "Run again with HKH_DEBUG=1 for details and report it.",
            file=sys.stderr,
        )
        sys.exit(70)
