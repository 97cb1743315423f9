"""`hkh run`: check, survey, triangulate, gaps, plan and report, in that order, under one project lock.

The run is a list of steps; each returns the paths it wrote. It stops at the first step that fails and lets that
step's error (an `HkhError`, one line) through, marked with the step's name so the caller can say where it stopped.
`hkh check` finding errors stops the run before anything is written (`CheckFailedError` carries every problem).
The library never prints: progress goes to a callback (the CLI draws it with rich, or not at all with --quiet).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from hkh.core.errors import CheckFailedError, HkhError, Problem, Severity
from hkh.project.load import Project


@dataclass
class RunContext:
    explicit_dir: Path | None
    language: str | None
    force: bool
    root: Path | None = None
    project: Project | None = None
    warnings: list[Problem] = field(default_factory=list)

    @property
    def loaded(self) -> Project:
        if self.project is None:  # the check step loads the project; every later step needs it
            raise RuntimeError("hkh bug: a step ran before the project was loaded")
        return self.project

    @property
    def output_language(self) -> str:
        return self.language or self.loaded.language


@dataclass
class StepResult:
    name: str
    paths: list[Path] = field(default_factory=list)
    skipped: str | None = None  # why the step had nothing to do
    warnings: int = 0


@dataclass
class Step:
    name: str
    run: Callable[[RunContext], StepResult]


@dataclass
class RunResult:
    root: Path
    steps: list[StepResult]

    @property
    def paths(self) -> list[Path]:
        return [path for step in self.steps for path in step.paths]


ProgressCallback = Callable[[str, str, "StepResult | None"], None]
"""Called with ("start", step name, None) before a step and ("done", step name, result) after it."""


def _check(context: RunContext) -> StepResult:
    from hkh.project.check import check_project
    from hkh.project.load import load_project

    root, problems = check_project(context.explicit_dir)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    context.root = root
    context.warnings = [p for p in problems if p.severity is not Severity.ERROR]
    if errors:
        raise CheckFailedError(
            problems,
            f"hkh check found {len(errors)} error{'s' if len(errors) != 1 else ''}; "
            "fix them (see the lines above) and run again",
        )
    context.project = load_project(root)
    return StepResult("check", warnings=len(context.warnings))


def _survey(context: RunContext) -> StepResult:
    from hkh.survey.tables import build_survey_tables, list_imported_surveys, workbook_path, write_survey_outputs

    project = context.loaded
    language = context.output_language
    sources = list_imported_surveys(project)
    if not sources:
        return StepResult("survey", skipped="no survey imported")
    paths: list[Path] = []
    for source_id in sources:
        tables = build_survey_tables(project, source_id, language=language)
        # one workbook per survey when there are several, so the second does not replace the first
        output = None
        if len(sources) > 1:
            default = workbook_path(project, language)
            output = default.with_name(f"{default.stem}-{source_id}{default.suffix}")
        paths.extend(write_survey_outputs(project, tables, language, output=output, force=context.force))
    return StepResult("survey", paths)


def _triangulate(context: RunContext) -> StepResult:
    from hkh.analysis.triangulation import triangulate, write_triangulation

    project = context.loaded
    result = triangulate(project, context.output_language)
    paths = write_triangulation(project, result, context.output_language, force=context.force)
    return StepResult("triangulate", list(paths))


def _gaps(context: RunContext) -> StepResult:
    from hkh.analysis.gaps import analyse_gaps, write_gaps

    project = context.loaded
    result = analyse_gaps(project, context.output_language)
    paths = write_gaps(project, result, context.output_language, force=context.force)
    return StepResult("gaps", list(paths))


def _plan(context: RunContext) -> StepResult:
    from hkh.analysis.plan import write_plan

    path = write_plan(context.loaded, context.output_language, "xlsx", force=context.force)
    return StepResult("plan", [path])


def _report(context: RunContext) -> StepResult:
    from hkh.outputs.report.build import write_report

    path = write_report(context.loaded, context.output_language, "html", force=context.force)
    return StepResult("report", [path])


STEPS: tuple[Step, ...] = (
    Step("check", _check),
    Step("survey", _survey),
    Step("triangulate", _triangulate),
    Step("gaps", _gaps),
    Step("plan", _plan),
    Step("report", _report),
)


def run_pipeline(
    explicit_dir: Path | None = None,
    *,
    language: str | None = None,
    force: bool = False,
    progress: ProgressCallback | None = None,
    steps: tuple[Step, ...] = STEPS,
) -> RunResult:
    """Run every step in order; the first failure stops the run with its error (`error.step` names the step)."""
    from hkh.core.lock import project_lock

    context = RunContext(explicit_dir=explicit_dir, language=language, force=force)
    results: list[StepResult] = []

    def run_one(step: Step) -> None:
        if progress is not None:
            progress("start", step.name, None)
        try:
            result = step.run(context)
        except HkhError as error:
            error.step = step.name  # type: ignore[attr-defined]
            raise
        results.append(result)
        if progress is not None:
            progress("done", step.name, result)

    first, rest = steps[0], steps[1:]
    run_one(first)  # the check only reads, and finds the project folder the lock belongs to
    if context.root is None:
        raise RuntimeError("hkh bug: the first step of a run must find the project")
    with project_lock(context.root, display=context.loaded.path(".hkh.lock")):
        for step in rest:
            run_one(step)
    return RunResult(context.root, results)
