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
from typing import Annotated, Any, Callable, Optional, TypeVar

import typer
from rich.console import Console

from hkh import __version__
from hkh.errors import HkhError

app = typer.Typer(
    name="hkh",
    help="Tools for HKH mappings (Hurtig kartlegging og handling / Rapid Assessment and Response): "
    "import SurveyXact exports, survey tables, triangulation, gap analysis, action plan and report.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class State:
    quiet: bool = False


STATE = State()


def stdout() -> Console:
    return Console(quiet=STATE.quiet, highlight=False, soft_wrap=False)


def stderr() -> Console:
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


@app.command()
@_handle_errors
def init(
    directory: Annotated[Path, typer.Argument(help="Folder for the new mapping (created if missing).")],
    title: Annotated[Optional[str], typer.Option("--title", "-t", help="Title of the mapping.")] = None,
    area: Annotated[Optional[str], typer.Option("--area", "-a", help="The area mapped.")] = None,
    language: Annotated[LanguageChoice, typer.Option("--language", "-l", help="nb, nn or en.")] = LanguageChoice.nb,
) -> None:
    """Create a new mapping with commented templates. Never overwrites existing files."""
    from hkh.init import create_project

    written = create_project(directory, title=title, area=area, language=language.value)
    console = stdout()
    for path in written:
        console.print(f"wrote {path}")
    console.print(f"Next: edit the files, then run `hkh check -p {directory}`.")


# -------------------------------------------------------------------------------------------------------- check


@app.command()
@_handle_errors
def check(project: ProjectOption = None) -> None:
    """Validate every file and every cross-reference; list all problems (exit 1 on errors)."""
    from hkh.check import check_project
    from hkh.errors import Severity

    root, problems = check_project(project)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    for problem in problems:
        print(str(problem), file=sys.stderr)
    if not STATE.quiet:
        warnings = len(problems) - len(errors)
        verdict = "ok" if not errors else "failed"
        stdout().print(f"hkh check: {verdict}: {len(errors)} errors, {warnings} warnings in {root}")
    if errors:
        raise typer.Exit(EXIT_PROBLEMS)


# ------------------------------------------------------------------------------------------------------- status


@app.command()
@_handle_errors
def status(project: ProjectOption = None, language: LanguageOption = None) -> None:
    """Where the mapping stands: the seven HKH steps, sources by method, findings, gaps, measures."""
    from hkh.project import load_project
    from hkh.status import render_status

    loaded = load_project(project)
    stdout().print(render_status(loaded, _language(loaded, language)))


# ------------------------------------------------------------------------------------------------------- import


@app.command("import")
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
    raise NotImplementedError  # filled in by the survey import work


# ------------------------------------------------------------------------------------------------------- survey


class SurveyFormat(str, Enum):
    table = "table"
    json = "json"


@app.command()
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
    raise NotImplementedError  # filled in by the survey tables work


# -------------------------------------------------------------------------------------------------- triangulate


class AnalysisFormat(str, Enum):
    table = "table"
    json = "json"


@app.command()
@_handle_errors
def triangulate(
    project: ProjectOption = None,
    output: OutputOption = None,
    output_format: Annotated[AnalysisFormat, typer.Option("--format", "-f", help="table (terminal + workbook) or json.")] = AnalysisFormat.table,
    language: LanguageOption = None,
    force: ForceOption = False,
) -> None:
    """The triangulation matrix: findings against methods, and the strength of each finding."""
    raise NotImplementedError  # filled in by the triangulation work


# --------------------------------------------------------------------------------------------------------- gaps


@app.command()
@_handle_errors
def gaps(
    project: ProjectOption = None,
    output: OutputOption = None,
    output_format: Annotated[AnalysisFormat, typer.Option("--format", "-f", help="table (terminal + workbook) or json.")] = AnalysisFormat.table,
    language: LanguageOption = None,
    force: ForceOption = False,
) -> None:
    """The gap analysis: needs against ongoing efforts, by hour of the week; overlaps; capacity; plan coverage."""
    raise NotImplementedError  # filled in by the gap analysis work


# --------------------------------------------------------------------------------------------------------- plan


class PlanFormat(str, Enum):
    xlsx = "xlsx"
    md = "md"
    csv = "csv"


@app.command()
@_handle_errors
def plan(
    project: ProjectOption = None,
    output_format: Annotated[PlanFormat, typer.Option("--format", "-f", help="xlsx, md or csv.")] = PlanFormat.xlsx,
    output: OutputOption = None,
    language: LanguageOption = None,
    force: ForceOption = False,
) -> None:
    """The action plan (Delmål / Forslag til tiltak / Ansvarlig og involverte / Tid), traced to findings."""
    from hkh.fileio import project_lock
    from hkh.plan import write_plan
    from hkh.project import load_project

    loaded = load_project(project)
    with project_lock(loaded.root):
        path = write_plan(loaded, _language(loaded, language), output_format.value, output=output, force=force)
    stdout().print(f"wrote {loaded.show(path)}")


# ------------------------------------------------------------------------------------------------------- report


class ReportFormat(str, Enum):
    html = "html"
    docx = "docx"


@app.command()
@_handle_errors
def report(
    project: ProjectOption = None,
    output: OutputOption = None,
    output_format: Annotated[ReportFormat, typer.Option("--format", "-f", help="html or docx.")] = ReportFormat.html,
    language: LanguageOption = None,
    force: ForceOption = False,
) -> None:
    """The report in the structure of an HKH report, with figures, as one HTML file (or a Word document)."""
    raise NotImplementedError  # filled in by the report work


# ---------------------------------------------------------------------------------------------------------- run


@app.command()
@_handle_errors
def run(project: ProjectOption = None, language: LanguageOption = None, force: ForceOption = False) -> None:
    """The main job: check, survey, triangulate, gaps, plan and report, listing the files written."""
    raise NotImplementedError  # filled in by the report work


def main() -> None:
    """Console entry point. Errors the user can fix are handled per command; anything else is a bug in hkh."""
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
