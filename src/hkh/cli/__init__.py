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

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from hkh import __version__
from hkh.core.errors import EXIT_PROBLEMS, EXIT_USAGE, CheckFailedError, HkhError, Problem
from hkh.core.safe_text import terminal_line
from hkh.i18n import plural, render, t

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


def problem_line(problem: Problem, language: str, *, fixable: bool = False) -> str:
    """`file:line: error: message` in the message language (with a note when `hkh check --fix` can mend it)."""
    message = render(problem.wording, language)
    if fixable and problem.fix is not None:
        message = t("cli.fixable", language, message=message)
    severity = t(f"cli.severity_{problem.severity.value}", language)
    if problem.location:
        return t("cli.problem", language, location=problem.location, severity=severity, message=message)
    return t("cli.problem_nowhere", language, severity=severity, message=message)


def error_line(error: HkhError, language: str) -> str:
    """`location: message`, in the message language."""
    message = render(error.wording, language)
    if error.location:
        return t("cli.error", language, location=error.location, message=message)
    return t("cli.error_nowhere", language, message=message)


def json_text(data: Any) -> str:
    """JSON as hkh prints it: letters as they are, but control characters and bidirectional overrides escaped
    (`\u001b`), so a text cannot act on the terminal it is printed to. They only occur inside JSON strings, where
    an escape means the same character."""
    from hkh.core.safe_text import FORBIDDEN

    text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    return FORBIDDEN.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


class HkhGroup(TyperGroup):
    """The one place where exceptions become exit codes, and errors words (in the message language)."""

    def invoke(self, ctx: ClickContext) -> Any:
        try:
            return super().invoke(ctx)
        except CheckFailedError as error:
            language = SETTINGS.message_language
            for problem in error.problems:
                say_error(problem_line(problem, language))
            say_error(t("cli.run_stopped_check", language, message=render(error.wording, language)))
            ctx.exit(error.exit_code)
        except HkhError as error:
            say_error(error_line(error, SETTINGS.message_language))
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


class _Bar:
    """The progress bar's handle: `bar(stage, done, total)` for a stage with its own words (`cli.progress_<stage>`;
    total 0 when not known), `bar.text(words)` for a description of its own."""

    def __init__(self, progress: Any, task: Any) -> None:
        self.progress = progress
        self.task = task

    def __call__(self, stage: str, done: int, total: int) -> None:
        label = t(f"cli.progress_{stage}", SETTINGS.message_language, n=total)
        self.progress.update(self.task, description=label, completed=done, total=total or None)

    def text(self, description: str) -> None:
        self.progress.update(self.task, description=description, completed=0, total=None)


@contextlib.contextmanager
def progress_bar(description: str) -> Iterator[_Bar | None]:
    """A progress bar on stderr while something slow runs, only when a person watches (stderr is a terminal) and
    --quiet is not given; None when nothing is shown. Lines printed meanwhile appear above it."""
    if SETTINGS.quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
    from rich.text import Text

    class Count(ProgressColumn):
        """`12/150` while the total is known; nothing while it is not (rich's own column shows `0/?`)."""

        def render(self, task: Task) -> Text:
            return Text("" if task.total is None else f"{int(task.completed)}/{int(task.total)}", style="progress.download")

    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), Count(), TimeElapsedColumn(),
        transient=True, console=Console(stderr=True),
    ) as progress:
        yield _Bar(progress, progress.add_task(description, total=None))


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


@app.command(short_help="Validate every file and cross-reference; list all problems (--fix mends what it can).")
def check(
    project: ProjectOption = None,
    output_format: Annotated[CheckFormat, typer.Option("--format", "-f", help="text or json.")] = CheckFormat.text,
    fix: Annotated[
        bool,
        typer.Option(
            "--fix",
            help="Mend in the files what has one meaning (opening hours, quotes, indentation, the vocabulary), then check.",
        ),
    ] = False,
    language: LanguageOption = None,
    quiet: QuietOption = False,
) -> None:
    """Validate every file and every cross-reference; list all problems (exit 1 on errors).

    With --fix, the mistakes that have one obvious mending are mended in the files first (comments and layout kept),
    and the changes are listed."""
    from hkh.core.files import shown_path
    from hkh.pipeline import check as check_project
    from hkh.pipeline import check_and_fix

    _settle(project, language, quiet)
    language_used = SETTINGS.message_language
    if fix:
        result, applied = check_and_fix(SETTINGS.project)
        for change in applied:
            say_error(t("cli.fixed", language_used, location=f"{change.path}:{change.line}", change=render(change.done, language_used)))
    else:
        result = check_project(SETTINGS.project)
    if output_format is CheckFormat.json:
        problems = [
            {
                "file": None if p.path is None else str(p.path),
                "line": p.line,
                "cell": p.cell,
                "severity": p.severity.value,
                "code": p.code,
                "message": render(p.wording, language_used),
                "values": {} if isinstance(p.values, str) else {k: render_value(v) for k, v in p.values.items()},
                "fixable": p.fix is not None,
            }
            for p in result.problems
        ]
        print(json_text({"problems": problems}))
    else:
        for problem in result.problems:
            say_error(problem_line(problem, language_used, fixable=not fix))
        counts = ", ".join(
            [
                plural("cli.errors", len(result.errors), language_used),
                plural("cli.warnings", len(result.warnings), language_used),
            ]
        )
        verdict = "cli.check_failed" if result.errors else "cli.check_ok"
        _say(t(verdict, language_used, counts=counts, root=shown_path(result.root)))
        if not fix and any(problem.fix is not None for problem in result.problems):
            _say(t("cli.check_can_fix", language_used, root=shown_path(result.root)))
    if result.errors:
        raise typer.Exit(EXIT_PROBLEMS)


def render_value(value: Any) -> Any:
    """A problem's value as JSON gives it: words in English (a script reads the code and these, not the message)."""
    from hkh.core.errors import Message

    if isinstance(value, Message):
        return render(value, "en")
    if isinstance(value, (list, tuple)):
        return [render_value(item) for item in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


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
    title: Annotated[
        str | None,
        typer.Option(
            "--title", "-t", help="The survey's title, as the report names it (default: the name in the export)."
        ),
    ] = None,
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
    """Import a SurveyXact export into data/survey/<source>/ and register it in sources.yaml.

    The source's title is --title, else the title sources.yaml has already, else the survey's name in the export;
    when the export names none, hkh asks at a terminal and refuses elsewhere (a file name is no title for a report)."""
    from hkh.survey.importing import import_survey

    _settle(project, language, quiet)
    interactive = sys.stdin.isatty() and sys.stderr.isatty()
    with progress_bar(t("cli.importing", SETTINGS.message_language)) as bar:

        def ask_title(export: str) -> str:
            if bar is not None:
                bar.progress.stop()
            answer: str = typer.prompt(t("cli.ask_title", SETTINGS.message_language, export=export), err=True)
            if bar is not None:
                bar.progress.start()
            return answer

        result = import_survey(
            exports,
            project_dir=SETTINGS.project,
            source_id=source,
            keep_identifiers=keep_identifiers,
            checked_texts=frozenset(checked_text or ()),
            force=force,
            replace=replace,
            progress=bar,
            title=title,
            ask_title=ask_title if interactive else None,
        )
    words = SETTINGS.message_language
    if not SETTINGS.quiet:
        for warning in result.warnings:
            say_error(t("cli.warning", words, text=render(warning, words)))
    people = result.codebook.respondents
    counts = {
        "answered": people.answered,
        "rows": people.rows,
        "questions": len(result.codebook.questions),
        "folder": result.directory.relative_to(result.directory.parents[2]).as_posix(),
    }
    if people.complete is not None:
        _say(t("cli.imported_split", words, complete=people.complete, partial=people.partial, **counts))
    else:
        _say(t("cli.imported", words, **counts))
    lines, privacy_warnings = privacy_summary(result.privacy, words)
    for line in lines:
        _say(line)
    for said in privacy_warnings:
        say_error(said)  # even with --quiet: personal data kept is never said quietly
    for copied in result.copied:
        _say(t("cli.copied_raw", words, path=copied))
    if result.kept_edits:
        _say(t("cli.kept_edits", words, questions=", ".join(result.kept_edits)))
    _say(t(f"cli.registered_{result.registered}", words, source=result.source_id, title=result.title))


# ------------------------------------------------------------------------------------------------------- survey


class TableFormat(str, Enum):
    table = "table"
    json = "json"


class ChartsChoice(str, Enum):
    cited = "cited"
    all = "all"
    none = "none"


@app.command(short_help="The survey: one line per question; full tables with --all or --question.")
def survey(
    project: ProjectOption = None,
    source: Annotated[
        str | None, typer.Option("--source", "-s", help="Which imported survey (default: the only one).")
    ] = None,
    by: Annotated[str | None, typer.Option("--by", help="Break down by this background question.")] = None,
    min_cell: Annotated[
        int | None, typer.Option("--min-cell", help="Smallest count shown (default: settings.min_cell).")
    ] = None,
    all_tables: Annotated[bool, typer.Option("--all", help="Print the full table of every question.")] = False,
    questions: Annotated[
        list[str] | None,
        typer.Option("--question", help="Print the full table of this question (may be given several times)."),
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
    """The survey's tables: one line per question (its base and headline share) in the terminal, every table with
    the phrases a report uses in the workbook, and charts in out/. --all or --question NAME print full tables."""
    from hkh.core.files import shown_path
    from hkh.core.lock import project_lock
    from hkh.outputs.terminal.survey import render_cited_figures, render_survey_summary, render_survey_tables
    from hkh.outputs.write import write_survey
    from hkh.survey.evidence import cited_figures
    from hkh.survey.tables import build_survey_tables

    _settle(project, language, quiet)
    with progress_bar(t("cli.progress_loading", SETTINGS.message_language)) as update:
        results = _results()
        if update:
            update("survey", 0, 0)
        tables = build_survey_tables(results.project, source, by=by, min_cell=min_cell, language=results.language)
        if output_format is TableFormat.json:
            _json(tables.to_json(), output, results, force)
            return
        chosen = [_survey_question(tables, name) for name in questions or []]
        with project_lock(results.project.root):
            written = write_survey(results, tables, output=output, charts=charts.value, force=force, progress=update)
    console = stdout()
    if all_tables or chosen:
        for renderable in render_survey_tables(tables, None if all_tables else chosen):
            console.print(renderable)
            console.print()
    else:
        console.print(render_survey_summary(tables))
    cited = render_cited_figures(cited_figures(results.project, tables, results.language), results.language)
    if cited is not None:
        console.print(cited)
    chart_paths = [path for path in written if path.suffix == ".png"]
    files = [path for path in written if path.suffix != ".png"]
    _wrote(files)
    if chart_paths:
        _say(t("cli.wrote_charts", results.language, count=len(chart_paths), folder=shown_path(chart_paths[0].parent)))
    if not (all_tables or chosen) and files:
        _say(t("cli.survey_more", results.language, workbook=shown_path(files[0])))


def _survey_question(tables: Any, name: str) -> Any:
    """A question of `--question NAME`, by name or variable; an unknown one is refused with the closest name."""
    from hkh.core.errors import UsageError
    from hkh.project.schema import closest

    found = tables.question(name)
    if found is None:
        meant = closest(name, [question.name for question in tables.questions])
        if meant is not None:
            raise UsageError("question-unknown-similar", source=tables.source, question=name, meant=meant)
        raise UsageError("survey-no-question", source=tables.source, question=name)
    return found


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

        raise UsageError("as-of-and-period")
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
    with progress_bar(t("cli.progress_report", SETTINGS.message_language)):
        results = _results()
        with project_lock(results.project.root):
            written = write_report(results, output_format.value, output=output, force=force)
    _wrote([written])


# ---------------------------------------------------------------------------------------------------------- run


@app.command(short_help="Everything: check, survey, triangulate, gaps, plan, report.")
def run(
    project: ProjectOption = None,
    language: LanguageOption = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
) -> None:
    """The main job: check, survey, triangulate, gaps, plan and report, listing the files written."""
    from hkh.pipeline import StepResult, run_pipeline

    _settle(project, language, quiet)
    words = SETTINGS.message_language

    def show(event: str, step: str, result: StepResult | None) -> None:
        if event == "start" and bar is not None:
            bar.text(t("cli.progress_step", words, step=step))
        if event == "start" or result is None or SETTINGS.quiet:
            return
        if result.skipped:
            note = t("cli.step_skipped", words, reason=render(result.skipped, words))
            say_error(t("cli.step_skipped_line", words, step=step, note=note))
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
        say_error(t("cli.step_done", words, step=step, note=note))

    try:
        with progress_bar(t("cli.progress_loading", words)) as bar:
            result = run_pipeline(SETTINGS.project, language=SETTINGS.language, force=force, progress=show)
    except Exception as error:  # noqa: BLE001 - named and raised again: HkhGroup.invoke reports it
        step = getattr(error, "step", None)
        if step and step != "check" and not SETTINGS.quiet:
            say_error(t("cli.step_stopped_line", words, step=step, note=t("cli.step_stopped", words)))
        raise
    total = "cli.run_unchanged_total" if result.unchanged else "cli.run_total"
    _say(t(total, words, count=len(result.paths)))
    for line in files_by_folder(result.paths, words):
        _say(line)


def files_by_folder(paths: list[Path], language: str, *, named: int = 8) -> list[str]:
    """The files written, one line per folder: the names where there are a few, the count where there are many
    (a run writes a chart per question: 200 paths would bury what matters)."""
    from hkh.core.files import shown_path

    folders: dict[str, list[str]] = {}
    for path in paths:
        folders.setdefault(shown_path(path.parent), []).append(path.name)
    lines = []
    for folder, names in folders.items():
        shown = folder.rstrip("/") + "/"
        if len(names) <= named:
            lines.append(t("cli.run_folder_names", language, folder=shown, count=len(names), names=", ".join(names)))
        else:
            lines.append(t("cli.run_folder_count", language, folder=shown, count=plural("cli.files", len(names), language)))
    return lines


# --------------------------------------------------------------------------------------------------------- docs


@app.command(short_help="The reference: the project folder, opening hours, what check checks.")
def docs(
    topic: Annotated[str | None, typer.Argument(help="The page to show (without it: the list of pages).")] = None,
    open_: Annotated[bool, typer.Option("--open", help="Show the page in the browser instead of printing it.")] = False,
    project: ProjectOption = None,
    language: LanguageOption = None,
) -> None:
    """The reference that ships with hkh: the list of pages, one page printed (Markdown), or opened in the browser."""
    import tempfile

    from hkh.outputs.docs import open_page, page, topics

    _settle(project, language)
    words = SETTINGS.message_language
    if topic is None:
        listed = topics()
        width = max(len(item.name) for item in listed)
        _say(t("cli.docs_pages", words))
        for item in listed:
            _say(t("cli.docs_page", words, name=item.name.ljust(width), title=item.title, summary=item.summary))
        return
    if open_:
        target = open_page(topic, Path(tempfile.gettempdir()) / "hkh-docs")
        _say(t("cli.docs_opened", words, path=target))
        return
    print(page(topic), end="")


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
