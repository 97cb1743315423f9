"""`hkh check` and `hkh run`: the library's parts put together.

`check` is the project files' own check (`hkh.project.check`) and the surveys' (`hkh.survey.checks`), sorted.

`run` is check, survey, triangulate, gaps, plan and report, in that order, under one project lock, every output read
from one `Results`, so nothing is computed twice. It stops at the first step that fails and lets that step's error
(an `HkhError`, one line) through, marked with the step's name. Each step's inputs are hashed (the files it reads,
hkh's version, the language); the manifest remembers the hashes each output was made from, and a step whose inputs
are unchanged and whose outputs are still hkh's own is skipped. A run with nothing changed reads and hashes the
inputs and stops, without loading a library. The library never prints: progress goes to a callback.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hkh.core.errors import CheckFailedError, HkhError, Message, Problem, ProjectHasErrorsError, Severity, say

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hkh.analysis.results import Results
    from hkh.core.guard import OutputGuard
    from hkh.project.fixes import Applied
    from hkh.project.load import Project

PROJECT_FILES = ("hkh.yaml", "sources.yaml", "efforts.yaml", "findings.yaml", "plan.yaml")
SURVEY_DIR = Path("data") / "survey"
STATS_DIR = Path("data") / "stats"


# ----------------------------------------------------------------------------------------------------------- check


@dataclass(frozen=True)
class CheckResult:
    root: Path
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is not Severity.ERROR]


def _checked(explicit_dir: Path | None) -> tuple[CheckResult, Any]:
    """The check's result, and the files as it loaded them (so a command need not load them again)."""
    from hkh.project.check import check_files, sort_problems
    from hkh.project.folders import outside_problems
    from hkh.project.load import display_path
    from hkh.survey.checks import survey_problems
    from hkh.survey.screening import screening_problems

    checked = check_files(explicit_dir)
    root = checked.root
    mapping = checked.models.get("hkh.yaml")
    allowed = bool(mapping is not None and mapping.settings.allow_outside_folders)
    problems = (
        checked.problems
        + outside_problems(root, allowed, display_path(root, "."))
        + survey_problems(root, checked.models, checked.trees)
        + screening_problems(root, checked.models, checked.trees)
    )
    return CheckResult(root, sort_problems(root, problems)), checked


def check(explicit_dir: Path | None = None) -> CheckResult:
    """Every problem of a project folder, errors first, each group in file and line order."""
    return _checked(explicit_dir)[0]


def load_checked(explicit_dir: Path | None = None) -> tuple[Project, CheckResult]:
    """The project, loaded once by the same check `hkh check` runs; a project with errors is refused with the first
    of them and a pointer to `hkh check`. Every command that reads a project starts here."""
    from hkh.project.load import Project

    result, checked = _checked(explicit_dir)
    if result.errors:
        raise ProjectHasErrorsError(result.errors)
    models, trees = checked.models, checked.trees
    project = Project(
        root=result.root,
        mapping=models["hkh.yaml"],
        sources=models["sources.yaml"],
        efforts=models["efforts.yaml"],
        findings=models["findings.yaml"],
        plan=models["plan.yaml"],
        trees=trees,
    )
    return project, result


def check_and_fix(explicit_dir: Path | None = None) -> tuple[CheckResult, list[Applied]]:
    """`hkh check --fix`: the edits with one meaning made (under the project lock), and the problems left."""
    from hkh.core.lock import project_lock
    from hkh.project.fixes import fix_project
    from hkh.project.load import find_project

    root = find_project(None, explicit_dir)
    with project_lock(root):
        applied, problems = fix_project(lambda: check(root).problems)
    return CheckResult(root, problems), applied


# ------------------------------------------------------------------------------------------------------ the inputs


class Inputs:
    """The files a run reads, each hashed once, and a digest per step of the files that step depends on."""

    def __init__(self, root: Path, language: str | None) -> None:
        from hkh import __version__

        self.root = root
        self.salt = f"hkh {__version__}\0{language or ''}\0"
        self._hashes: dict[Path, str] = {}

    def _hash(self, path: Path) -> str:
        if path not in self._hashes:
            from hkh.core.files import sha256_file

            try:
                self._hashes[path] = sha256_file(path)
            except (OSError, HkhError):  # missing, or not an ordinary file: the check step says which
                self._hashes[path] = "missing"
        return self._hashes[path]

    def _tree(self, relative: Path) -> list[Path]:
        from hkh.core.files import is_temporary

        folder = self.root / relative
        if not folder.is_dir():
            return []
        return sorted(
            path
            for path in folder.rglob("*")
            if path.is_file() and not any(part.startswith(".") or is_temporary(Path(part)) for part in path.relative_to(folder).parts)
        )

    def calendar_week(self) -> str:
        """The week the gap analysis evaluates by default, when hkh.yaml does not fix it: without a `period.end` it is
        the current week, so a run in a new week must not count as unchanged. (Read with a pattern, not a YAML
        parser, so that an unchanged run still loads no library; a miss only means one run too many.)"""
        import datetime as dt
        import re

        try:
            text = (self.root / "hkh.yaml").read_text("utf-8", errors="replace")
        except OSError:
            return ""
        block = re.search(r"^period:[^\n]*\n((?:[ \t]+[^\n]*\n?)*)", text, re.MULTILINE)
        if (block and re.search(r"^\s+end:\s*\S", block.group(1), re.MULTILINE)) or re.search(
            r"^period:\s*\{[^}]*\bend:", text, re.MULTILINE
        ):
            return ""
        today = dt.date.today()
        return (today - dt.timedelta(days=today.weekday())).isoformat()

    def digest(
        self, *, files: tuple[str, ...] = PROJECT_FILES, surveys: bool = False, stats: bool = False, calendar: bool = False
    ) -> str:
        paths = [self.root / name for name in files]
        if surveys:
            paths += self._tree(SURVEY_DIR)
        if stats:
            paths += self._tree(STATS_DIR)
        digest = hashlib.sha256(self.salt.encode("utf-8"))
        if calendar:
            digest.update(f"week {self.calendar_week()}\n".encode())
        for path in paths:
            digest.update(f"{path.relative_to(self.root).as_posix()}\0{self._hash(path)}\n".encode())
        return digest.hexdigest()


# ------------------------------------------------------------------------------------------------------- the steps


@dataclass
class RunContext:
    root: Path
    language: str | None
    force: bool
    inputs: Inputs
    results: Results | None = None
    warnings: list[Problem] = field(default_factory=list)

    @property
    def loaded(self) -> Results:
        if self.results is None:  # the check step loads the project; every later step needs it
            raise RuntimeError("hkh bug: a step ran before the project was loaded")
        return self.results


@dataclass
class StepResult:
    name: str
    paths: list[Path] = field(default_factory=list)
    skipped: Message | None = None  # why the step had nothing to do
    unchanged: bool = False  # its inputs had not changed since its outputs were written
    warnings: int = 0


@dataclass(frozen=True)
class Step:
    name: str
    inputs: Callable[[Inputs], str]
    run: Callable[[RunContext], list[Path]]


def _check(context: RunContext) -> list[Path]:
    from hkh.analysis.results import Results

    try:
        project, result = load_checked(context.root)
    except ProjectHasErrorsError as refused:
        raise CheckFailedError(refused.problems) from None
    context.warnings = result.warnings
    context.results = Results(project, context.language)
    return []


def _survey(context: RunContext) -> list[Path]:
    from hkh.outputs import paths
    from hkh.outputs.write import write_survey

    results = context.loaded
    written: list[Path] = []
    for source_id in results.survey_ids:
        tables = results.survey_tables(source_id)
        # one workbook per survey when there are several, so the second does not replace the first
        output = None
        if len(results.survey_ids) > 1:
            default = paths.survey_workbook_path(results.project, results.language)
            output = default.with_name(f"{default.stem}-{source_id}{default.suffix}")
        written.extend(write_survey(results, tables, output=output, force=context.force))
    return written


def _triangulate(context: RunContext) -> list[Path]:
    from hkh.outputs.write import write_triangulation

    return write_triangulation(context.loaded, force=context.force)


def _gaps(context: RunContext) -> list[Path]:
    from hkh.outputs.write import write_gaps

    return write_gaps(context.loaded, force=context.force)


def _plan(context: RunContext) -> list[Path]:
    from hkh.outputs.write import write_plan

    return [write_plan(context.loaded, "xlsx", force=context.force)]


def _report(context: RunContext) -> list[Path]:
    from hkh.outputs.write import write_report

    return [write_report(context.loaded, fmt, force=context.force) for fmt in ("html", "docx")]


STEPS: tuple[Step, ...] = (
    Step("check", lambda i: i.digest(surveys=True, stats=True), _check),
    Step("survey", lambda i: i.digest(files=("hkh.yaml", "findings.yaml"), surveys=True), _survey),
    Step("triangulate", lambda i: i.digest(surveys=True), _triangulate),
    Step("gaps", lambda i: i.digest(calendar=True), _gaps),
    Step("plan", lambda i: i.digest(), _plan),
    Step("report", lambda i: i.digest(surveys=True, stats=True, calendar=True), _report),
)


@dataclass
class RunResult:
    root: Path
    steps: list[StepResult]

    @property
    def paths(self) -> list[Path]:
        return [path for step in self.steps for path in step.paths]

    @property
    def unchanged(self) -> bool:
        """Nothing had changed since the last run: every output was already up to date."""
        return all(step.unchanged or step.skipped for step in self.steps)


ProgressCallback = Callable[[str, str, "StepResult | None"], None]
"""Called with ("start", step name, None) before a step and ("done", step name, result) after it."""


def _current_outputs(guard: OutputGuard, name: str, digest: str) -> list[Path] | None:
    """The outputs a step wrote last time, when its inputs are the same and every output is still hkh's own."""
    recorded = guard.step(name)
    if recorded is None or recorded.inputs != digest:
        return None
    if not all(guard.is_current(path, digest) for path in recorded.outputs):
        return None
    return list(recorded.outputs)


def run_pipeline(
    explicit_dir: Path | None = None,
    *,
    language: str | None = None,
    force: bool = False,
    progress: ProgressCallback | None = None,
) -> RunResult:
    """Every step in order, the unchanged ones skipped; the first failure stops the run (`error.step` names it)."""
    from hkh.core.guard import OutputGuard
    from hkh.core.lock import project_lock
    from hkh.project.load import find_project

    root = find_project(None, explicit_dir)
    inputs = Inputs(root, language)
    context = RunContext(root, language, force, inputs)
    results: list[StepResult] = []
    with project_lock(root):
        guard = OutputGuard(root)
        digests = {step.name: step.inputs(inputs) for step in STEPS}
        current = {} if force else {step.name: _current_outputs(guard, step.name, digests[step.name]) for step in STEPS}
        if not force and all(outputs is not None for outputs in current.values()):
            return RunResult(root, [StepResult(s.name, current[s.name] or [], unchanged=True) for s in STEPS])
        for step in STEPS:
            if progress is not None:
                progress("start", step.name, None)
            try:
                if step.name == "check":
                    step.run(context)
                    result = StepResult(step.name, warnings=len(context.warnings))
                elif step.name == "survey" and not context.loaded.survey_ids:
                    result = StepResult(step.name, skipped=say("cli.skip_no_survey"))
                elif current.get(step.name) is not None:
                    result = StepResult(step.name, current[step.name] or [], unchanged=True)
                else:
                    written = step.run(context)
                    OutputGuard(root).record_step(step.name, digests[step.name], written)
                    result = StepResult(step.name, written)
            except HkhError as error:
                error.step = step.name  # type: ignore[attr-defined]
                raise
            results.append(result)
            if progress is not None:
                progress("done", step.name, result)
        OutputGuard(root).record_step("check", digests["check"], [])
    return RunResult(root, results)
