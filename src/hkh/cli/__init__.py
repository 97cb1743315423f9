"""The `hkh` command line: parses arguments, calls the library, prints.

Thin on purpose: every command finds its project, calls the library (`hkh.pipeline`, `hkh.outputs.write`, …) and
prints what comes back. Data goes to stdout (tables, JSON, the files written); diagnostics to stderr (errors,
warnings, progress). Exceptions become exit codes in one place, `HkhGroup.invoke`: an `HkhError` is one line
`location: message` and its exit code (1: the command ran and found problems; 2: it could not run); anything else is
a bug in hkh, reported in one line with the path of a crash log, and exit 2. Never a traceback.

`-p/--project`, `-l/--language` and `-q/--quiet` work before the subcommand and after it. Heavy libraries (pandas,
openpyxl, matplotlib, rich) are imported inside the commands that use them, so `hkh --help` stays fast.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from hkh import __version__
from hkh.core.errors import EXIT_PROBLEMS, EXIT_USAGE, CheckFailedError, HkhError, error_text
from hkh.core.safe_text import terminal_line
from hkh.i18n import plural, t

if TYPE_CHECKING:
    from rich.console import Console
    from typer._click.core import Context as ClickContext  # the Click that Typer carries

    from hkh.analysis.results import Results
    from hkh.survey.deidentify import PrivacyReport

EXIT_INTERRUPTED = 130


class Settings:
    """The global options, as given before or after the subcommand (after wins)."""

    quiet: bool = False
    project: Path | None = None
    language: str | None = None
    message_language: str = "en"  # English until a project (or --language) says otherwise


SETTINGS = Settings()


def _crash_log(exc: BaseException) -> Path | None:
    """The traceback in a private temporary file; it may hold text from the user's files, so only the user reads it."""
    import tempfile
    import time
    import traceback

    try:
        handle, name = tempfile.mkstemp(prefix=f"hkh-crash-{time.strftime('%Y%m%d-%H%M%S')}-", suffix=".log")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(f"hkh {__version__}, Python {sys.version.split()[0]}, {' '.join(sys.argv)}\n\n")
            stream.write("".join(traceback.format_exception(exc)))
        return Path(name)
    except OSError:
        return None


def one_line(text: str) -> str:
    """A message as one line on the terminal, whatever the user's text holds: line breaks shown as `⏎`, control
    characters and terminal escapes left out (they could clear the screen or forge another message's line).
    `hkh.core.safe_text.terminal_line`; every line hkh prints goes through it."""
    return terminal_line(text)


def say_error(text: str) -> None:
    print(one_line(text), file=sys.stderr)


def json_text(data: Any) -> str:
    """JSON as hkh prints it: letters as they are, but control characters and bidirectional overrides escaped
    (`\u001b`), so a text cannot act on the terminal it is printed to. They only occur inside JSON strings, where
    an escape means the same character."""
    from hkh.core.safe_text import FORBIDDEN

    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    return FORBIDDEN.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


class HkhGroup(TyperGroup):
    """The one place where exceptions become exit codes."""

    def invoke(self, ctx: ClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except CheckFailedError as error:
            for problem in error.problems:
                say_error(problem.in_language(SETTINGS.message_language))
            say_error(t("cli.run_stopped_check", SETTINGS.message_language, message=error.message))
            ctx.exit(error.exit_code)
        except HkhError as error:
            say_error(error_text(error, SETTINGS.message_language))
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            say_error(t("cli.interrupted", SETTINGS.message_language))
            ctx.exit(EXIT_INTERRUPTED)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise  # Typer's own ways out: --help, usage errors, an explicit exit code
        except Exception as exc:  # noqa: BLE001 - a bug in hkh: one line and a crash log, never a traceback
            if os.environ.get("HKH_DEBUG"):
                raise
            log = _crash_log(exc)
            language = SETTINGS.message_language
            if log is not None:
                say_error(t("cli.crashed", language, kind=type(exc).__name__, log=log))
            else:
                say_error(t("cli.crashed_no_log", language, kind=type(exc).__name__))
            ctx.exit(EXIT_USAGE)


app = typer.Typer(
    name="hkh",
    cls=HkhGroup,
    help="Tools for HKH mappings (Hurtig kartlegging og handling / Rapid Assessment and Response): "
    "import SurveyXact exports, survey tables, triangulation, gap analysis, action plan and report.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class LanguageChoice(str, Enum):
    nb = "nb"
    nn = "nn"
    en = "en"


ProjectOption = Annotated[
    Path | None,
    typer.Option("--project", "-p", help="The project folder (default: the nearest folder upward with hkh.yaml)."),
]
LanguageOption = Annotated[
    LanguageChoice | None,
    typer.Option("--language", "-l", help="Language of outputs and messages (default: `language` in hkh.yaml)."),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of out/.")]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Replace output files even if they were changed after hkh wrote them.")
]


def _version(value: bool) -> None:
    if value:
        print(f"hkh {__version__}")
        raise typer.Exit()


@app.callback()
def _global(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    quiet: QuietOption = False,
    project: ProjectOption = None,
    language: LanguageOption = None,
) -> None:
    SETTINGS.quiet = quiet
    SETTINGS.project = project
    SETTINGS.language = language.value if language is not None else None
    SETTINGS.message_language = SETTINGS.language or "en"


def _settle(project: Path | None = None, language: LanguageChoice | None = None, quiet: bool = False) -> None:
    """Options given after the subcommand override those given before it. Messages are in the project's language
    from here on (read from hkh.yaml without loading it), English outside a project, unless --language says."""
    if quiet:
        SETTINGS.quiet = True
    if project is not None:
        SETTINGS.project = project
    if language is not None:
        SETTINGS.language = language.value
    if SETTINGS.language is not None:
        SETTINGS.message_language = SETTINGS.language
        return
    from hkh.core.errors import HkhError as _NotFound
    from hkh.project.load import find_project, quick_language

    try:
        root = find_project(None, SETTINGS.project)
    except _NotFound:
        return
    SETTINGS.message_language = quick_language(root) or "en"


def _results() -> Results:
    """The project (found from -p or the current folder) and its results in the chosen language. A project `hkh
    check` finds errors in is refused, with the first error (the check loads the files; they are not read twice)."""
    from hkh.analysis.results import Results
    from hkh.pipeline import load_checked

    project, _checked = load_checked(SETTINGS.project)
    results = Results(project, SETTINGS.language)
    SETTINGS.message_language = results.language
    return results


def stdout() -> Console:
    from rich.console import Console

    return Console(quiet=SETTINGS.quiet, highlight=False, soft_wrap=False)


def _say(text: str) -> None:
    """A line of data on stdout, exactly as written: paths and ids are never read as markup, and whatever a name
    holds, it stays one line without control characters."""
    if not SETTINGS.quiet:
        print(one_line(text))


def _wrote(paths: list[Path]) -> None:
    from hkh.core.files import shown_path

    for path in paths:
        _say(t("cli.wrote", SETTINGS.message_language, path=shown_path(path)))


def _json(data: Any, output: Path | None, results: Results | None = None, force: bool = False) -> None:
    """JSON on stdout, or into `output` through the project's output guard."""
    if output is None:
        print(json_text(data))
        return
    from hkh.core.guard import OutputGuard
    from hkh.core.lock import project_lock

    assert results is not None
    with project_lock(results.project.root):
        _wrote([OutputGuard(results.project.root, force=force).write_json(output, data)])


# --------------------------------------------------------------------------------------------------------- init


@app.command(short_help="Create a new mapping with commented templates.")
def init(
    directory: Annotated[Path, typer.Argument(help="Folder for the new mapping (created if missing).")],
    title: Annotated[str | None, typer.Option("--title", "-t", help="Title of the mapping.")] = None,
    area: Annotated[str | None, typer.Option("--area", "-a", help="The area mapped.")] = None,
    language: LanguageOption = None,
    quiet: QuietOption = False,
) -> None:
    """Create a new mapping with commented templates. Never overwrites existing files."""
    from hkh.project.init import create_project

    _settle(language=language, quiet=quiet)
    chosen = SETTINGS.language or "nb"
    SETTINGS.message_language = chosen
    written = create_project(directory, title=title, area=area, language=chosen)
    _wrote(written)
    _say(t("cli.next_after_init", chosen, folder=directory))


# -------------------------------------------------------------------------------------------------------- check


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


@app.command(short_help="Validate every file and cross-reference; list all problems.")
def check(
    project: ProjectOption = None,
    output_format: Annotated[CheckFormat, typer.Option("--format", "-f", help="text or json.")] = CheckFormat.text,
    fix: Annotated[
        bool, typer.Option("--fix", help="First mend what has one meaning (a vocabulary for hkh.yaml), then check.")
    ] = False,
    language: LanguageOption = None,
    quiet: QuietOption = False,
) -> None:
    """Validate every file and every cross-reference; list all problems (exit 1 on errors)."""
    from hkh.core.files import shown_path
    from hkh.pipeline import check as check_project

    _settle(project, language, quiet)
    if fix:
        from hkh.core.lock import project_lock
        from hkh.pipeline import vocabulary_fixes
        from hkh.project.load import find_project
        from hkh.project.vocabulary import apply_edits

        with project_lock(find_project(None, SETTINGS.project)):
            for edit in apply_edits(vocabulary_fixes(SETTINGS.project)):
                say_error(t("services.fixed", SETTINGS.message_language, path=shown_path(edit.file), done=edit.done))
    result = check_project(SETTINGS.project)
    if output_format is CheckFormat.json:
        problems = [
            {
                "file": None if p.path is None else str(p.path),
                "line": p.line,
                "cell": p.cell,
                "severity": p.severity.value,
                "code": p.code,
                "message": p.message,
            }
            for p in result.problems
        ]
        print(json_text({"problems": problems}))
    else:
        for problem in result.problems:
            say_error(problem.in_language(SETTINGS.message_language))
        language_used = SETTINGS.message_language
        counts = ", ".join(
            [
                plural("cli.errors", len(result.errors), language_used),
                plural("cli.warnings", len(result.warnings), language_used),
            ]
        )
        verdict = "cli.check_failed" if result.errors else "cli.check_ok"
        _say(t(verdict, language_used, counts=counts, root=shown_path(result.root)))
    if result.errors:
        raise typer.Exit(EXIT_PROBLEMS)


# ------------------------------------------------------------------------------------------------------- status


@app.command(short_help="Where the mapping stands: steps, sources, gaps, measures.")
def status(project: ProjectOption = None, language: LanguageOption = None, quiet: QuietOption = False) -> None:
    """Where the mapping stands: the seven HKH steps, sources by method, findings, gaps, measures."""
    from hkh.outputs.terminal.status import render_status

    _settle(project, language, quiet)
    results = _results()
    stdout().print(render_status(results.status, results.language))


# ------------------------------------------------------------------------------------------------------- import


@app.command("import", short_help="Import a SurveyXact export into data/survey/<source>/.")
def import_(
    exports: Annotated[
        list[Path], typer.Argument(help="An .xlsx or .xml workbook, a folder of CSV files, or the CSV files.")
    ],
    project: ProjectOption = None,
    source: Annotated[
        str | None, typer.Option("--source", "-s", help="Source id to register (default: from the file name).")
    ] = None,
    keep_identifiers: Annotated[
        bool, typer.Option("--keep-identifiers", help="Keep names, e-mail, phone and similar columns (personal data!).")
    ] = False,
    checked_text: Annotated[
        list[str] | None,
        typer.Option(
            "--checked-text",
            help="An open-text question whose raw answers the team has checked: store them unmasked (repeatable).",
        ),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace the survey already imported under this source id.")
    ] = False,
    force: ForceOption = False,
    language: LanguageOption = None,
    quiet: QuietOption = False,
) -> None:
    """Import a SurveyXact export into data/survey/<source>/ and register it in sources.yaml."""
    import contextlib

    from hkh.survey.importing import import_survey

    _settle(project, language, quiet)
    show_progress = not SETTINGS.quiet and sys.stderr.isatty()
    with contextlib.ExitStack() as stack:
        callback: Callable[[str, int, int], None] | None = None
        if show_progress:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            bar = stack.enter_context(
                Progress(
                    TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
                    transient=True, console=Console(stderr=True),
                )
            )
            task = bar.add_task(t("cli.importing", SETTINGS.message_language), total=1)

            def callback(description: str, done: int, total: int) -> None:
                bar.update(task, description=description, completed=done, total=max(total, 1))

        result = import_survey(
            exports,
            project_dir=SETTINGS.project,
            source_id=source,
            keep_identifiers=keep_identifiers,
            checked_texts=frozenset(checked_text or ()),
            force=force,
            replace=replace,
            progress=callback,
        )
    if not SETTINGS.quiet:
        for warning in result.warnings:
            say_error(t("cli.warning", SETTINGS.message_language, text=warning))
    people = result.codebook.respondents
    split = f" ({people.complete} complete, {people.partial} partial)" if people.complete is not None else ""
    _say(
        f"imported {people.answered} respondents{split} of {people.rows} rows, "
        f"{len(result.codebook.questions)} questions, into {result.directory.relative_to(result.directory.parents[2])}"
    )
    lines, warnings = privacy_summary(result.privacy, SETTINGS.message_language)
    for line in lines:
        _say(line)
    for warning in warnings:
        say_error(warning)  # even with --quiet: personal data kept is never said quietly
    for copied in result.copied:
        _say(f"copied the raw export to {copied}")
    if result.kept_edits:
        _say(f"kept your non_substantive edits for: {', '.join(result.kept_edits)}")
    _say(f"{result.registered} source {result.source_id!r} in sources.yaml")


# ------------------------------------------------------------------------------------------------------- survey


class TableFormat(str, Enum):
    table = "table"
    json = "json"


class ChartsChoice(str, Enum):
    cited = "cited"
    all = "all"
    none = "none"


@app.command(short_help="Frequency tables for every question, with report phrases.")
def survey(
    project: ProjectOption = None,
    source: Annotated[
        str | None, typer.Option("--source", "-s", help="Which imported survey (default: the only one).")
    ] = None,
    by: Annotated[str | None, typer.Option("--by", help="Break down by this background question.")] = None,
    min_cell: Annotated[
        int | None, typer.Option("--min-cell", help="Smallest count shown (default: settings.min_cell).")
    ] = None,
    charts: Annotated[
        ChartsChoice,
        typer.Option("--charts", help="Bar charts for the questions findings cite (cited), every question, or none."),
    ] = ChartsChoice.cited,
    output: OutputOption = None,
    output_format: Annotated[
        TableFormat, typer.Option("--format", "-f", help="table (terminal + workbook) or json.")
    ] = TableFormat.table,
    language: LanguageOption = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
) -> None:
    """Frequency tables for every question, with the phrases a report uses; workbook and charts in out/."""
    from hkh.core.lock import project_lock
    from hkh.outputs.terminal.survey import render_cited_figures, render_survey_tables
    from hkh.outputs.write import write_survey
    from hkh.survey.evidence import cited_figures
    from hkh.survey.tables import build_survey_tables

    _settle(project, language, quiet)
    results = _results()
    tables = build_survey_tables(results.project, source, by=by, min_cell=min_cell, language=results.language)
    if output_format is TableFormat.json:
        _json(tables.to_json(), output, results, force)
        return
    with project_lock(results.project.root):
        written = write_survey(results, tables, output=output, charts=charts.value, force=force)
    console = stdout()
    for renderable in render_survey_tables(tables):
        console.print(renderable)
        console.print()
    cited = render_cited_figures(cited_figures(results.project, tables, results.language), results.language)
    if cited is not None:
        console.print(cited)
        console.print()
    chart_paths = [path for path in written if path.suffix == ".png"]
    _wrote([path for path in written if path.suffix != ".png"])
    if chart_paths:
        from hkh.core.files import shown_path

        _say(t("cli.wrote_charts", results.language, count=len(chart_paths), folder=shown_path(chart_paths[0].parent)))


# ---------------------------------------------------------------------------------------- triangulate and gaps


@app.command(short_help="The triangulation matrix: findings against methods.")
def triangulate(
    project: ProjectOption = None,
    output: OutputOption = None,
    output_format: Annotated[
        TableFormat, typer.Option("--format", "-f", help="table (terminal + workbook) or json.")
    ] = TableFormat.table,
    language: LanguageOption = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
) -> None:
    """The triangulation matrix: findings against methods, and the strength of each finding."""
    from hkh.core.lock import project_lock
    from hkh.outputs.terminal.triangulation import render_triangulation
    from hkh.outputs.write import write_triangulation

    _settle(project, language, quiet)
    results = _results()
    if output_format is TableFormat.json:
        _json(results.triangulation.to_json(), output, results, force)
        return
    stdout().print(render_triangulation(results.triangulation, results.language))
    with project_lock(results.project.root):
        _wrote(write_triangulation(results, output=output, force=force))


@app.command(short_help="The gap analysis: needs against ongoing efforts, by hour.")
def gaps(
    project: ProjectOption = None,
    output: OutputOption = None,
    output_format: Annotated[
        TableFormat, typer.Option("--format", "-f", help="table (terminal + workbook) or json.")
    ] = TableFormat.table,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE", help="Evaluate the week (Monday to Sunday) that holds DATE (YYYY-MM-DD)."),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period", metavar="FROM..TO", help="Evaluate every day of a period, as hours per average week (2020-01..2020-06)."
        ),
    ] = None,
    language: LanguageOption = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
) -> None:
    """The gap analysis: needs against ongoing efforts, hour by hour on the calendar; overlaps; capacity; plan
    coverage. By default the week of the mapping period's end (hkh.yaml `period.end`), else the current week."""
    from hkh.core.lock import project_lock
    from hkh.outputs.terminal.gaps import render_gaps
    from hkh.outputs.write import write_gaps

    _settle(project, language, quiet)
    if as_of is not None and period is not None:
        from hkh.core.errors import UsageError

        raise UsageError("give either --as-of or --period, not both")
    evaluation = None
    if as_of is not None or period is not None:
        from hkh.analysis.gap_calendar import parse_as_of, parse_period

        evaluation = parse_as_of(as_of) if as_of is not None else parse_period(period or "")
    results = _results()
    if evaluation is not None:
        from hkh.analysis.gaps import analyse_gaps

        results.gaps = analyse_gaps(results.project, results.language, evaluation)
    if output_format is TableFormat.json:
        _json(results.gaps.to_json(), output, results, force)
        return
    stdout().print(render_gaps(results.gaps))
    with project_lock(results.project.root):
        _wrote(write_gaps(results, output=output, force=force))


# ------------------------------------------------------------------------------------ plan and efforts (groups)

# `hkh plan` (write, import, status) and `hkh efforts` (import, export): registered here, so that they keep their
# place in `hkh --help`; they live in hkh/cli/spreadsheets.py, which uses the helpers above.
from hkh.cli import spreadsheets as _spreadsheets  # noqa: E402,F401

# ------------------------------------------------------------------------------------------------------- report


class ReportFormat(str, Enum):
    html = "html"
    docx = "docx"


@app.command(short_help="The report with figures: one HTML file, or a Word document.")
def report(
    project: ProjectOption = None,
    output: OutputOption = None,
    output_format: Annotated[ReportFormat, typer.Option("--format", "-f", help="html or docx.")] = ReportFormat.html,
    language: LanguageOption = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
) -> None:
    """The report in the structure of an HKH report, with figures, as one HTML file (or a Word document)."""
    from hkh.core.lock import project_lock
    from hkh.outputs.write import write_report

    _settle(project, language, quiet)
    results = _results()
    with project_lock(results.project.root):
        _wrote([write_report(results, output_format.value, output=output, force=force)])


# ---------------------------------------------------------------------------------------------------------- run


@app.command(short_help="Everything: check, survey, triangulate, gaps, plan, report.")
def run(
    project: ProjectOption = None,
    language: LanguageOption = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
) -> None:
    """The main job: check, survey, triangulate, gaps, plan and report, listing the files written."""
    from hkh.core.files import shown_path
    from hkh.pipeline import StepResult, run_pipeline

    _settle(project, language, quiet)
    words = SETTINGS.message_language

    def show(event: str, step: str, result: StepResult | None) -> None:
        if event == "start" or result is None or SETTINGS.quiet:
            return
        if result.skipped:
            say_error(f"– {step}: {t('cli.step_skipped', words, reason=result.skipped)}")
            return
        if step == "check":
            note = (
                t("cli.step_warnings", words, warnings=plural("cli.warnings", result.warnings, words))
                if result.warnings
                else t("cli.step_ok", words)
            )
        elif result.unchanged:
            note = t("cli.step_unchanged", words)
        else:
            note = plural("cli.files", len(result.paths), words)
        say_error(f"✓ {step}: {note}")

    try:
        result = run_pipeline(SETTINGS.project, language=SETTINGS.language, force=force, progress=show)
    except Exception as error:  # noqa: BLE001 - named and raised again: HkhGroup.invoke reports it
        step = getattr(error, "step", None)
        if step and step != "check" and not SETTINGS.quiet:
            say_error(f"✗ {step}: {t('cli.step_stopped', words)}")
        raise
    _say(t("cli.run_unchanged" if result.unchanged else "cli.run_files", words))
    for path in result.paths:
        # paths are printed whole (never wrapped), so they can be copied and clicked
        _say(f"  {shown_path(path)}")


def privacy_summary(report: PrivacyReport, language: str) -> tuple[list[str], list[str]]:
    """What the import left out or masked, and why, a line each; and the warnings (identifiers kept, postcodes)."""
    lines = [
        t("privacy.dropped", language, column=verdict.column, reason=verdict.reason(language))
        for verdict in report.dropped
    ]
    if report.dropped:
        lines.append(t("privacy.dropped_hint", language, n=len(report.dropped)))
    lines += [t("privacy.masked", language, question=name, n=n) for name, n in report.masked.items()]
    lines += [t("privacy.removed_numbers", language, question=name, n=n) for name, n in report.removed_numbers.items()]
    lines += [t("privacy.masked_labels", language, question=name, n=n) for name, n in report.masked_labels.items()]
    lines += [t("privacy.checked", language, question=name) for name in report.checked]
    warnings = [t("privacy.kept", language, column=v.column, reason=v.reason(language)) for v in report.kept]
    if report.kept:
        warnings.append(t("privacy.kept_hint", language))
    warnings += [t("privacy.quasi", language, column=v.column, reason=v.reason(language)) for v in report.quasi]
    return lines, warnings


def main() -> None:
    """Console entry point."""
    # pydantic looks for plugins (observability tools) in the metadata of every installed package the first time a
    # model validates: about 60 ms on every command. hkh has no use for them, unless the user asks for them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app()
