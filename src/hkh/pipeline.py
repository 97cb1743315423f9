"""`hkh check` and `hkh run`: the library's parts put together.

`check` is the project files' own check (`hkh.project.check`) and the surveys' (`hkh.survey.checks`), sorted.

`run` is check, survey, triangulate, gaps, plan and report, in that order, under one project lock. Each thing is done
once: the five project files are read once, by the check, and the project it loaded is the one every step uses;
every output reads one `Results`; every figure is drawn once (`hkh.outputs.charts.cache`), and kept on disk so that
a later run whose data did not change reads it back. Each step's inputs are hashed (the files it reads, hkh's
version, the language); the manifest remembers the hashes each output was made from, and a step whose inputs are
unchanged and whose outputs are still hkh's own is skipped. A run with nothing changed reads and hashes the inputs
and stops, without loading a library.

The steps' outputs are drawn first, with two cores partly in a worker process (`hkh.core.worker`), then written in
step order. The run stops at the first step that fails and lets that step's error (an `HkhError`, one line)
through, marked with the step's name; what the steps before it drew is written, nothing after it. The library never
prints: progress goes to a callback.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hkh.core.errors import CheckFailedError, HkhError, Message, Problem, ProjectHasErrorsError, Severity, say

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hkh.analysis.results import Results
    from hkh.core.guard import OutputGuard
    from hkh.outputs.charts.cache import FigureJob
    from hkh.outputs.write import Drawn
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
    from hkh.project.load import project_of

    result, checked = _checked(explicit_dir)
    if result.errors:
        raise ProjectHasErrorsError(result.errors)
    project = project_of(result.root, checked.models, checked.trees)
    assert project is not None, "a file that did not load is an error"
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


def code_fingerprint() -> str:
    """hkh's version and the size and time of each of its source files: what was made by other code is made again,
    also between versions (an editable install, a fix not yet released), without reading a file of hkh's own."""
    import hkh

    package = Path(hkh.__file__).parent
    digest = hashlib.sha256(hkh.__version__.encode("utf-8"))
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".md", ".j2", ".css", ".yaml"):
            stat = path.stat()
            digest.update(f"{path.relative_to(package).as_posix()}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


class Inputs:
    """The files a run reads, each hashed once, and a digest per step of the files that step depends on."""

    def __init__(self, root: Path, language: str | None) -> None:
        self.root = root
        self.salt = f"hkh {code_fingerprint()}\0{language or ''}\0"
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
        """The files under a folder that a run reads. Left out: hkh's own notes there (dot files such as the kept
        tables) and the record of what was published from a survey, which a run adds to: a table once published keeps
        what it showed and hid, so the record growing never changes a table already made."""
        from hkh.core.files import is_temporary
        from hkh.project.load import PUBLISHED_RECORD

        folder = self.root / relative
        if not folder.is_dir():
            return []
        return sorted(
            path
            for path in folder.rglob("*")
            if path.is_file()
            and path.name != PUBLISHED_RECORD
            and not any(part.startswith(".") or is_temporary(Path(part)) for part in path.relative_to(folder).parts)
        )

    def survey_digest(self, source_id: str, *settings: object) -> str:
        """The digest of one imported survey's files and the settings its tables are built with."""
        digest = hashlib.sha256(self.salt.encode("utf-8"))
        digest.update(repr(settings).encode("utf-8"))
        for path in self._tree(SURVEY_DIR / source_id):
            digest.update(f"{path.relative_to(self.root).as_posix()}\0{self._hash(path)}\n".encode())
        return digest.hexdigest()

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
    """The digest of the files the step reads: a step is redone only when it changes. The analyses read more than
    their names say (the triangulation traces findings to plan.yaml's measures, the gaps list what the plan does not
    address), so only the survey step is spared when plan.yaml changes."""
    draw: Callable[[Results], list[Drawn]]


def _draw_survey(results: Results) -> list[Drawn]:
    from hkh.outputs.write import draw_survey, survey_output

    return [
        drawn
        for source_id in results.survey_ids
        for drawn in draw_survey(results, results.survey_tables(source_id), output=survey_output(results, source_id))
    ]


def _draw_triangulation(results: Results) -> list[Drawn]:
    from hkh.outputs.write import draw_triangulation

    return draw_triangulation(results)


def _draw_gaps(results: Results) -> list[Drawn]:
    from hkh.outputs.write import draw_gaps

    return draw_gaps(results)


def _draw_plan(results: Results) -> list[Drawn]:
    from hkh.outputs.write import draw_plan

    return draw_plan(results, "xlsx")


def _draw_report(results: Results) -> list[Drawn]:
    from hkh.outputs.write import draw_report

    return draw_report(results, ("html", "docx"))


CHECK_INPUTS: Callable[[Inputs], str] = lambda i: i.digest(surveys=True, stats=True)  # noqa: E731
STEPS: tuple[Step, ...] = (
    Step("survey", lambda i: i.digest(files=("hkh.yaml", "findings.yaml"), surveys=True), _draw_survey),
    Step("triangulate", lambda i: i.digest(surveys=True), _draw_triangulation),
    Step("gaps", lambda i: i.digest(calendar=True), _draw_gaps),
    Step("plan", lambda i: i.digest(), _draw_plan),
    Step("report", lambda i: i.digest(surveys=True, stats=True, calendar=True), _draw_report),
)
STEP_NAMES = ("check", *(step.name for step in STEPS))


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


def _check_step(root: Path, language: str | None) -> tuple[Results, list[Problem]]:
    """The check step: every problem, and the project it loaded (each file is read once, for both)."""
    from hkh.analysis.results import Results

    try:
        project, result = load_checked(root)
    except ProjectHasErrorsError as refused:
        raise CheckFailedError(refused.problems) from None
    return Results(project, language), result.warnings


def _tables_key(results: Results, inputs: Inputs, source_id: str) -> str:
    return inputs.survey_digest(source_id, results.language, results.project.mapping.settings.min_cell)


def _read_kept_tables(results: Results, inputs: Inputs) -> set[str]:
    """Give `results` the survey tables kept by an earlier run from the same survey and settings; their ids."""
    from hkh.survey.kept_tables import FILE_NAME, tables_from_text

    found = set()
    for source_id in results.survey_ids:
        try:
            text = (inputs.root / SURVEY_DIR / source_id / FILE_NAME).read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        tables = tables_from_text(text, _tables_key(results, inputs, source_id))
        if tables is not None and tables.source == source_id:
            results.use_tables(tables)
            found.add(source_id)
    return found


def _keep_tables(results: Results, inputs: Inputs, kept: set[str]) -> None:
    """Keep the survey tables built in this run for the next one (a cache: failing to keep them is no error)."""
    from hkh.core.files import atomic_path
    from hkh.survey.kept_tables import FILE_NAME, tables_to_text

    for tables in results.built_tables:
        if tables.source in kept or tables.source not in results.survey_ids:
            continue
        text = tables_to_text(tables, _tables_key(results, inputs, tables.source))
        with contextlib.suppress(OSError, HkhError), atomic_path(
            inputs.root / SURVEY_DIR / tables.source / FILE_NAME, durable=False
        ) as temp:
            temp.write_text(text, "utf-8")


def _attempt(step: Step, results: Results) -> list[Drawn] | BaseException:
    try:
        return step.draw(results)
    except Exception as error:  # noqa: BLE001 - kept, and raised in the step's turn
        return error


# The worker process draws what needs no survey read: the heatmap, the statistics charts, the gaps and plan
# workbooks, and the triangulation workbook when the survey tables were kept from an earlier run. The main process
# reads the surveys (importing pandas once), draws the survey workbook and charts (and the triangulation), then the
# report, whose heatmap and statistics charts the worker has drawn meanwhile.
WORKER_STEPS = ("gaps", "plan")
WORKER_STEPS_WITH_TABLES = ("triangulate",)


def _worker_figures(names: set[str], results: Results) -> list[FigureJob]:
    from hkh.outputs.charts.heatmap import heatmap_job
    from hkh.outputs.charts.stats import stats_chart_job

    jobs = []
    try:
        if names & {"gaps", "report"}:
            jobs.append(heatmap_job(results.gaps, "png"))  # out/figurer/ and the Word report
        if "report" in names:
            jobs.append(heatmap_job(results.gaps, "svg"))  # the HTML report
            for fmt in ("png", "svg"):
                jobs.extend(stats_chart_job(table, results.language, fmt) for table in results.stats)
    except Exception:  # noqa: BLE001 - the step that needs it meets the same error in its turn
        return []
    return jobs


def _worker(results: Results, figures: list[FigureJob], steps: list[Step]) -> Iterator[tuple[Any, ...]]:
    """What the worker process does and sends back. Whatever fails here is left to the main process, which
    meets the same error in the step's turn (with its own traceback)."""
    from hkh.outputs.charts.cache import FIGURES

    FIGURES.in_worker()
    for job in figures:
        try:
            FIGURES.figure(job)
        except Exception:  # noqa: BLE001 - see above
            yield ("not drawn", job.key, {})
            continue
        yield ("figures", FIGURES.take_drawn())
    for step in steps:
        try:
            drawn = step.draw(results)
        except Exception:  # noqa: BLE001 - see above
            yield ("failed", step.name, {})
            continue
        yield ("step", step.name, FIGURES.take_drawn(), drawn)


def _draw(steps: list[Step], results: Results) -> dict[str, list[Drawn] | BaseException]:
    """Each step's outputs drawn, or what stopped it; a failure is raised when the run reaches that step, after the
    steps before it are written, as if the steps had run one by one. With two cores, a worker process draws part."""
    from hkh.core.worker import Worker, workers_wanted
    from hkh.outputs.charts.cache import FIGURES

    names = {step.name for step in steps}
    figures = [job for job in _worker_figures(names, results) if FIGURES.get(job.key) is None]
    tables_known = {tables.source for tables in results.built_tables} >= set(results.survey_ids)
    handed = [
        step
        for step in steps
        if step.name in WORKER_STEPS or (tables_known and step.name in WORKER_STEPS_WITH_TABLES)
    ]
    if workers_wanted() < 2 or not (figures or handed):
        return {step.name: _attempt(step, results) for step in steps}
    with contextlib.suppress(Exception):  # shared with the worker by the fork rather than computed twice
        results.plan  # noqa: B018
    from_worker: dict[str, list[Drawn] | None] = {}
    with Worker(lambda: _worker(results, figures, handed)) as worker:
        stream = worker.results()

        def arrive() -> bool:
            """Take in the worker's next result; False when it has sent its last (or ended without finishing:
            what it did not send is done here)."""
            try:
                message = next(stream, None)
            except Exception:  # noqa: BLE001 - the worker died (killed, out of memory): carry on without it
                message = None
            if message is None:
                return False
            kind, *rest = message
            drawn_figures = rest[0] if kind == "figures" else rest[1]
            for key, png in drawn_figures.items():
                FIGURES.put(key, png)
            if kind == "step":
                from_worker[rest[0]] = rest[2]
            elif kind == "failed":
                from_worker[rest[0]] = None
            elif kind == "not drawn":
                FIGURES.promised.discard(rest[0])  # drawn here when needed, meeting its error in its step
            return True

        FIGURES.promised, FIGURES.arrive = {job.key for job in figures}, arrive
        try:
            drawn = {step.name: _attempt(step, results) for step in steps if step not in handed}
            for step in handed:
                while step.name not in from_worker and arrive():
                    pass
                outcome = from_worker.get(step.name)
                drawn[step.name] = outcome if outcome is not None else _attempt(step, results)
        finally:
            FIGURES.promised, FIGURES.arrive = set(), None
    return drawn


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

    def report(event: str, name: str, result: StepResult | None = None) -> None:
        if progress is not None:
            progress(event, name, result)

    root = find_project(None, explicit_dir)
    inputs = Inputs(root, language)
    with project_lock(root):
        guard = OutputGuard(root)
        digests = {"check": CHECK_INPUTS(inputs), **{step.name: step.inputs(inputs) for step in STEPS}}
        current = {} if force else {name: _current_outputs(guard, name, digests[name]) for name in STEP_NAMES}
        if not force and all(outputs is not None for outputs in current.values()):
            return RunResult(root, [StepResult(name, current[name] or [], unchanged=True) for name in STEP_NAMES])

        report("start", "check")
        try:
            results, warnings = _check_step(root, language)
        except HkhError as error:
            error.step = "check"  # type: ignore[attr-defined]
            raise
        steps = [StepResult("check", warnings=len(warnings))]
        report("done", "check", steps[0])

        from hkh.outputs.charts.cache import kept_on_disk
        from hkh.outputs.write import write_drawn

        skipped = {"survey": say("cli.skip_no_survey")} if not results.survey_ids else {}
        todo = [step for step in STEPS if step.name not in skipped and current.get(step.name) is None]
        kept_tables = _read_kept_tables(results, inputs)
        with kept_on_disk(results.project.out_dir) as figures:
            drawn = _draw(todo, results)
            for step in STEPS:
                report("start", step.name)
                if step.name in skipped:
                    result = StepResult(step.name, skipped=skipped[step.name])
                elif step.name not in drawn:
                    result = StepResult(step.name, current[step.name] or [], unchanged=True)
                else:
                    outcome = drawn[step.name]
                    try:
                        if isinstance(outcome, BaseException):
                            raise outcome
                        written = write_drawn(root, outcome, force=force)
                    except Exception as error:
                        # the step is named for the user, a bug's crash line as well as an HkhError
                        with contextlib.suppress(AttributeError):
                            error.step = step.name  # type: ignore[attr-defined]
                        raise
                    OutputGuard(root).record_step(step.name, digests[step.name], written)
                    result = StepResult(step.name, written)
                steps.append(result)
                report("done", step.name, result)
            if "report" in drawn:
                figures.prune()  # the report shows every figure of the run: the others are out of date
        _keep_tables(results, inputs, kept_tables)
        OutputGuard(root).record_step("check", digests["check"], [])
    return RunResult(root, steps)
