"""`hkh plan` and `hkh efforts`: the command groups that take spreadsheets in as well as out.

`hkh plan` writes the action plan (and `plan import` reads an edited workbook back, `plan status` follows it up);
`hkh efforts import` reads a services list into efforts.yaml and `efforts export` writes the register for the services
to check. Thin, like every command: parse, call the library, print. Registered by `hkh.cli`, whose helpers they use.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from hkh.cli import (
    SETTINGS,
    ForceOption,
    LanguageOption,
    OutputOption,
    ProjectOption,
    QuietOption,
    _results,
    _say,
    _settle,
    _wrote,
    app,
    error_line,
    json_text,
    say_error,
    stdout,
)
from hkh.core.errors import HkhError, say
from hkh.i18n import plural, render, t

# --------------------------------------------------------------------------------------------------------- plan


class PlanFormat(str, Enum):
    xlsx = "xlsx"
    md = "md"
    csv = "csv"


plan_app = typer.Typer(
    cls=TyperGroup,
    help="The action plan: write it (workbook, Markdown, CSV), read an edited workbook back, follow it up.",
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(plan_app, name="plan", short_help="The action plan: write it, read an edited workbook back, follow it up.")


@plan_app.callback(invoke_without_command=True)
def plan(
    ctx: typer.Context,
    project: ProjectOption = None,
    output_format: Annotated[PlanFormat, typer.Option("--format", "-f", help="xlsx, md or csv.")] = PlanFormat.xlsx,
    output: OutputOption = None,
    language: LanguageOption = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
) -> None:
    """The action plan (Delmål / Forslag til tiltak / Ansvarlig og involverte / Tid), traced to findings.

    `hkh plan` writes it; `hkh plan import WORKBOOK` reads an edited workbook back into plan.yaml;
    `hkh plan status` lists overdue measures and progress by goal and responsible party.
    """
    _settle(project, language, quiet)
    if ctx.invoked_subcommand is not None:
        return
    from hkh.core.lock import project_lock
    from hkh.outputs.write import write_plan

    results = _results()
    with project_lock(results.project.root):
        _wrote([write_plan(results, output_format.value, output=output, force=force)])


@plan_app.command("import", short_help="Read a plan workbook edited in Excel or LibreOffice back into plan.yaml.")
def plan_import(
    workbook: Annotated[Path, typer.Argument(help="The plan workbook (.xlsx, .ods) or the plan's CSV file.")],
    project: ProjectOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="Show what would change; write nothing.")] = False,
    language: LanguageOption = None,
    quiet: QuietOption = False,
) -> None:
    """Read a plan workbook edited in Excel or LibreOffice (texts, responsibility, timing, status; rows added,
    deleted or moved) into plan.yaml, keeping its comments and the numbers of the measures; the changes are listed
    first. An edit hkh cannot read is refused with its cell, and nothing is written."""
    from hkh.core.files import shown_path, write_text_atomic
    from hkh.core.lock import project_lock
    from hkh.project.load import load_project
    from hkh.project.plan_import import import_plan

    _settle(project, language, quiet)
    loaded = load_project(SETTINGS.project)
    words = SETTINGS.message_language
    shown = shown_path(workbook)
    with project_lock(loaded.root):
        from hkh.project.check import refuse_errors_in

        refuse_errors_in(loaded.root, ["plan.yaml"])  # it rewrites plan.yaml
        found = import_plan(loaded, workbook, shown, language=words)
        for warning in found.warnings:
            say_error(t("cli.warning", words, text=error_line(warning, words)))
        if not found.changes:
            _say(t("followup.no_changes", words, workbook=shown))
        else:
            _say(t("followup.changes_heading", words, workbook=shown))
            for change in found.changes:
                _say(t("cli.indented", words, text=change))
        if dry_run:
            _say(t("followup.dry_run", words))
            return
        if found.changes:
            write_text_atomic(found.path, found.text)
            _say(t("followup.applied", words, count=plural("followup.changes", len(found.changes), words)))
        from hkh.analysis.results import Results
        from hkh.outputs.write import write_plan_after_import

        results = Results(load_project(loaded.root), SETTINGS.language)
        written, said = write_plan_after_import(results, workbook)
    for line in said:
        _say(line)
    _wrote(written)


class StatusFormat(str, Enum):
    table = "table"
    json = "json"


@plan_app.command("status", short_help="Overdue measures, and progress by goal and responsible party.")
def plan_status(
    project: ProjectOption = None,
    on: Annotated[
        str | None, typer.Option("--date", help="Judge as of this date, YYYY-MM-DD (default: today).")
    ] = None,
    output_format: Annotated[StatusFormat, typer.Option("--format", "-f", help="table or json.")] = StatusFormat.table,
    language: LanguageOption = None,
    quiet: QuietOption = False,
) -> None:
    """The plan followed up: measures overdue by their timing and status, and progress by goal and by
    responsible party."""
    import datetime as dt

    from hkh.analysis.followup import plan_progress
    from hkh.core.errors import UsageError
    from hkh.outputs.terminal.plan_status import render_plan_status

    _settle(project, language, quiet)
    results = _results()
    try:
        today = dt.date.fromisoformat(on) if on else None
    except ValueError:
        raise UsageError("date-option-unreadable", value=on) from None
    progress = plan_progress(results.project, today)
    if output_format is StatusFormat.json:
        print(json_text(progress.to_json()))
        return
    stdout().print(render_plan_status(progress, results.language))


# ------------------------------------------------------------------------------------------------------ efforts

efforts_app = typer.Typer(
    cls=TyperGroup,
    help="The register of efforts (efforts.yaml) from and to a spreadsheet.",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(efforts_app, name="efforts", short_help="The register of efforts from and to a spreadsheet.")


@efforts_app.command("import", short_help="Read a services list (XLSX, ODS or CSV) into efforts.yaml.")
def efforts_import(
    file: Annotated[Path, typer.Argument(help="The services list (.xlsx, .ods, .csv), or the workbook `hkh efforts export` wrote.")],
    project: ProjectOption = None,
    confirm: Annotated[
        bool, typer.Option("--confirm", help="Accept the proposed mapping of columns to fields (kept in efforts-import.yaml).")
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help="Show what would change; write nothing.")] = False,
    language: LanguageOption = None,
    quiet: QuietOption = False,
) -> None:
    """Read a services list kept in a spreadsheet into efforts.yaml, keeping its comments. The first time, the
    mapping of columns to fields is proposed from the headers and confirmed once (--confirm, or yes on the
    terminal); opening hours in words become OpenStreetMap syntax where they have one meaning; every row and cell
    that could not be taken is reported."""
    from hkh.core.files import shown_path, write_text_atomic
    from hkh.core.lock import project_lock
    from hkh.project.efforts_import import IGNORE, MAPPING_FILE, field_label, import_efforts
    from hkh.project.load import load_project

    _settle(project, language, quiet)
    loaded = load_project(SETTINGS.project)
    words = SETTINGS.message_language
    shown = shown_path(file)
    with project_lock(loaded.root):
        from hkh.project.check import refuse_errors_in

        refuse_errors_in(loaded.root, ["efforts.yaml"])  # it rewrites efforts.yaml
        found = import_efforts(loaded, file, shown, language=words, confirmed=confirm)
        proposal = found.proposal
        if not proposal.own_export and (found.needs_confirmation or confirm):
            if proposal.reason:
                say_error(t("cli.warning", words, text=render(proposal.reason, words)))
            print(t("efforts_sheet.mapping_heading", words, file=shown))
            width = max((len(header) for header, _ in proposal.columns), default=0)
            for header, target in proposal.columns:
                shown_target = t("efforts_sheet.ignore", words) if target == IGNORE else f"{target} ({field_label(target, words)})"
                print(t("cli.mapping_line", words, header=header.ljust(width), target=shown_target))
        if found.needs_confirmation:
            if sys.stdin.isatty() and not SETTINGS.quiet and not dry_run:
                if not typer.confirm(t("efforts_sheet.mapping_confirm", words), default=False):
                    raise HkhError("efforts-mapping-declined")
                found = import_efforts(loaded, file, shown, language=words, confirmed=True)
            else:
                raise HkhError("efforts-mapping-unconfirmed", path=shown)
        for problem in [*found.rejected, *found.warnings]:
            located = render(say("messages.located", location=problem.where, message=problem.wording), words)
            say_error(t("cli.warning", words, text=located))
        _say(t("efforts_sheet.summary", words, file=shown, rows=found.rows, added=len(found.added),
               updated=len(found.updated), unchanged=found.unchanged, rejected=len(found.rejected)))
        for effort_id, name in found.added:
            _say(t("cli.indented", words, text=t("efforts_sheet.added", words, id=effort_id, name=name)))
        for effort_id, fields in found.updated:
            _say(t("cli.indented", words, text=t("efforts_sheet.updated", words, id=effort_id, fields=", ".join(fields))))
        if found.kept_outside and not proposal.own_export:
            _say(t("efforts_sheet.kept_outside", words, count=len(found.kept_outside), ids=", ".join(found.kept_outside)))
        if dry_run:
            _say(t("efforts_sheet.dry_run", words))
            return
        if not proposal.own_export and (confirm or found.needs_confirmation or not (loaded.root / MAPPING_FILE).exists()):
            write_text_atomic(loaded.root / MAPPING_FILE, proposal.mapping_text(words))
            _say(t("efforts_sheet.mapping_saved", words, path=shown_path(loaded.root / MAPPING_FILE)))
        if found.text is not None and (found.added or found.updated):
            write_text_atomic(loaded.root / "efforts.yaml", found.text)
            _say(t("efforts_sheet.written", words))
            if found.vocabulary_text is not None:
                write_text_atomic(loaded.root / "hkh.yaml", found.vocabulary_text)
                terms = ", ".join(f"`{term}`" for _kind, term in found.declared)
                _say(t("services.declared_terms", words, count=len(found.declared), terms=terms))


@efforts_app.command("export", short_help="The register of efforts as a workbook for the services to check.")
def efforts_export(
    project: ProjectOption = None,
    output: OutputOption = None,
    language: LanguageOption = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
) -> None:
    """The register of efforts as a workbook (out/innsatsoversikt.xlsx) for the services to check and correct;
    `hkh efforts import` of the corrected workbook applies their corrections."""
    from hkh.core.lock import project_lock
    from hkh.outputs.write import write_efforts_workbook

    _settle(project, language, quiet)
    results = _results()
    with project_lock(results.project.root):
        _wrote([write_efforts_workbook(results, output=output, force=force)])
