"""`hkh check`: every file's schema, then every cross-reference between the files, as one list of problems.

Schema problems come from `hkh.project.load` (one per pydantic error, with its line). Cross-references are checked here,
file by file, on whatever loaded: a schema error in plan.yaml does not hide an unknown source in findings.yaml.
A check that needs another file (evidence needs sources.yaml) is skipped while that file itself has errors, since
its ids cannot be trusted.

Errors make the check fail (exit 1); warnings point at things a team usually wants to fix before the report but
that do not stop any command.
"""

from __future__ import annotations

import contextlib
import errno
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hkh.core.errors import Fix, Message, Problem, Severity, say
from hkh.core.yamlio import line_of
from hkh.project import hours
from hkh.project.check_services import check_effort_details, check_needs_against_efforts, check_vocabulary
from hkh.project.load import RAW_DIR, display_path, find_project, load_file
from hkh.project.models import (
    FILE_MODELS,
    EffortRegister,
    FindingRegister,
    Mapping,
    Plan,
    SourceRegister,
    StepId,
    StepState,
)

HKH_FILE = "hkh.yaml"
SOURCES_FILE = "sources.yaml"
EFFORTS_FILE = "efforts.yaml"
FINDINGS_FILE = "findings.yaml"
PLAN_FILE = "plan.yaml"

NEXT_DAY = {"Mo": "Tu", "Tu": "We", "We": "Th", "Th": "Fr", "Fr": "Sa", "Sa": "Su", "Su": "Mo"}


def _shortened(name: str, most: int = 80) -> str:
    """A name as a one-line message shows it: a very long one cut in the middle."""
    return name if len(name) <= most else f"{name[: most - 20]}…{name[-15:]}"


def _impossible_name(exc: OSError | ValueError) -> tuple[str, dict[str, Any]]:
    """Why no file can have this name, as a message code and its values (the words say what to do)."""
    if isinstance(exc, ValueError):
        return "source-file-nul", {}
    if exc.errno == errno.ENAMETOOLONG:
        return "source-file-name-too-long", {}
    return "source-file-unreadable", {"reason": exc.strerror or str(exc)}


def _before(first: str, second: str) -> bool:
    """`2025-02` is not before `2025-02-15`: partial dates are compared only as far as both go."""
    common = min(len(first), len(second))
    return first[:common] < second[:common]


_FILE_NAME = re.compile(r"^[\w.-]+\.(xlsx|xlsm|xls|xml|csv|tsv|txt|docx|pdf)$", re.IGNORECASE)


def title_is_a_file_name(title: str, files: list[str]) -> bool:
    """`export.xlsx`, or `export` beside `data/raw/export.xlsx`: what an import without a title used to write, and
    nothing a reader of the report should see as the name of a source."""
    text = title.strip()
    stems = {Path(name).stem.casefold() for name in files} | {Path(name).name.casefold() for name in files}
    return bool(_FILE_NAME.match(text)) or text.casefold() in stems


def party_key(name: str) -> str:
    """Parties are compared as people write them: case and surrounding blanks do not matter."""
    return " ".join(name.split()).casefold()


@dataclass
class ProblemRecorder:
    """Problems found in the loaded project files, each located at the line of the node it concerns."""

    root: Path
    models: dict[str, Any]
    trees: dict[str, Any]
    problems: list[Problem] = field(default_factory=list)

    @property
    def mapping(self) -> Mapping | None:
        return self.models.get(HKH_FILE)

    @property
    def sources(self) -> SourceRegister | None:
        return self.models.get(SOURCES_FILE)

    @property
    def efforts(self) -> EffortRegister | None:
        return self.models.get(EFFORTS_FILE)

    @property
    def findings(self) -> FindingRegister | None:
        return self.models.get(FINDINGS_FILE)

    @property
    def plan(self) -> Plan | None:
        return self.models.get(PLAN_FILE)

    def line(self, file_name: str, *loc: Any) -> int | None:
        tree = self.trees.get(file_name)
        return line_of(tree, loc) if tree is not None else None

    def add(
        self,
        severity: Severity,
        code: str,
        file_name: str,
        loc: Iterable[Any],
        values: dict[str, Any],
        *,
        fix: Fix | None = None,
    ) -> None:
        self.problems.append(
            Problem(severity, code, values, display_path(self.root, file_name), self.line(file_name, *loc), fix=fix)
        )

    def error(self, code: str, file_name: str, loc: Iterable[Any], /, *, fix: Fix | None = None, **values: Any) -> None:
        """An error `code` (its words: `messages.<code>`) at the node `loc` of `file_name`; `fix` is the edit `hkh
        check --fix` makes for it, if it has one."""
        self.add(Severity.ERROR, code, file_name, loc, values, fix=fix)

    def warn(self, code: str, file_name: str, loc: Iterable[Any], /, *, fix: Fix | None = None, **values: Any) -> None:
        self.add(Severity.WARNING, code, file_name, loc, values, fix=fix)

    def value_fix(self, file_name: str, loc: Iterable[Any], new: str, done: Message) -> Fix | None:
        """The edit that writes the text `new` in place of the value at `loc` of `file_name` (quotes, comments and
        the rest of the line kept); None when the value cannot be found in the file's text."""
        from hkh.project.schema import text_fix

        return text_fix(self.root / file_name, tuple(loc), new, done)



@dataclass
class _Checker(ProblemRecorder):
    """The cross-references between the project files."""

    def duplicates(self, kind: str, file_name: str, entries: Iterable[tuple[str | None, tuple[Any, ...]]]) -> set[str]:
        """Report every repeat of an id after its first use; return the set of ids seen. `kind`: `source`, `need`, …"""
        first_line: dict[str, int | None] = {}
        for entry_id, loc in entries:
            if entry_id is None:
                continue
            if entry_id in first_line:
                first = first_line[entry_id] or "?"
                self.error("duplicate-id", file_name, loc, id=entry_id, kind=say(f"messages.kind-{kind}"), first=first)
            else:
                first_line[entry_id] = self.line(file_name, *loc)
        return set(first_line)

    # ------------------------------------------------------------------------------------------------- checks

    def run(self) -> None:
        self.check_mapping()
        self.check_sources()
        self.check_efforts()
        self.check_findings()
        self.check_plan()
        self.check_consultations()
        check_vocabulary(self)
        check_needs_against_efforts(self)
        check_effort_details(self)

    def check_mapping(self) -> None:
        mapping = self.mapping
        if mapping is None:
            return
        self.duplicates("mandate", HKH_FILE, ((m.id, ("mandate", i, "id")) for i, m in enumerate(mapping.mandate)))
        canonical = list(StepId)
        self.duplicates("step", HKH_FILE, ((step.id.value, ("steps", i, "id")) for i, step in enumerate(mapping.steps)))
        for index, step in enumerate(mapping.steps):
            loc = ("steps", index)
            if step.state is StepState.done and not step.end:
                self.warn("step-without-end", HKH_FILE, (*loc, "state"), step=step.id.value)
            if step.start and step.end and _before(step.end, step.start):
                self.warn("step-dates", HKH_FILE, (*loc, "end"), step=step.id.value, start=step.start, end=step.end)
        listed = [step.id for step in mapping.steps]
        for index, step in enumerate(mapping.steps):
            earlier_later = [s for s in listed[:index] if canonical.index(s) > canonical.index(step.id)]
            if earlier_later:
                self.warn(
                    "steps-order",
                    HKH_FILE,
                    ("steps", index, "id"),
                    step=step.id.value,
                    other=earlier_later[0].value,
                    order=[s.value for s in canonical],
                )
                break
        by_order = sorted(mapping.steps, key=lambda s: canonical.index(s.id))
        for position, step in enumerate(by_order):
            if step.state is StepState.not_started:
                continue
            skipped = [s for s in by_order[:position] if s.state is StepState.not_started]
            if skipped:
                index = mapping.steps.index(step)
                self.warn(
                    "steps-state-order",
                    HKH_FILE,
                    ("steps", index, "state"),
                    step=step.id.value,
                    state=step.state.value,
                    other=skipped[0].id.value,
                )

    def source_ids(self) -> set[str] | None:
        """Known source ids, or None when sources.yaml did not load (so references cannot be judged)."""
        return {s.id for s in self.sources.sources} if self.sources is not None else None

    def check_sources(self) -> None:
        if self.sources is None:
            return
        self.duplicates("source", SOURCES_FILE, ((s.id, ("sources", i, "id")) for i, s in enumerate(self.sources.sources)))
        for index, source in enumerate(self.sources.sources):
            if title_is_a_file_name(source.title, source.files):
                self.warn("source-title-file-name", SOURCES_FILE, ("sources", index, "title"), source=source.id, title=source.title)
            for file_index, name in enumerate(source.files):
                location = ("sources", index, "files", file_index)
                try:
                    if self.source_file_exists(name):
                        continue
                except (OSError, ValueError) as exc:
                    code, values = _impossible_name(exc)
                    self.error(code, SOURCES_FILE, location, source=source.id, file=_shortened(name), **values)
                    continue
                if Path(name).parts[:2] == RAW_DIR.parts:
                    # raw exports are personal data and kept out of git, so a clone legitimately lacks them
                    self.warn("source-raw-missing", SOURCES_FILE, location, source=source.id, file=name)
                else:
                    self.error("source-file-missing", SOURCES_FILE, location, source=source.id, file=name)
        if self.findings is None:
            return
        cited = {evidence.source for finding in self.findings.findings for evidence in finding.evidence}
        for index, source in enumerate(self.sources.sources):
            if source.id not in cited:
                self.warn("source-unused", SOURCES_FILE, ("sources", index, "id"), source=source.id)

    def source_file_exists(self, name: str) -> bool:
        """Whether the file is there; OSError or ValueError for a name no file can have (too long, a NUL)."""
        # A bare file name is also looked for in data/raw/, where raw exports are kept.
        path = Path(name)
        with contextlib.suppress(RuntimeError):  # `~someone` who is no user of this machine: taken as written
            path = path.expanduser()
        candidates = [path] if path.is_absolute() else [self.root / path, self.root / RAW_DIR / path]
        return any(candidate.exists() for candidate in candidates)

    def known_parties(self) -> set[str] | None:
        if self.mapping is None or self.efforts is None:
            return None
        names = list(self.mapping.parties)
        for effort in self.efforts.efforts:
            names.extend([effort.organisation, effort.name])
        return {party_key(name) for name in names}

    def check_efforts(self) -> None:
        if self.efforts is None:
            return
        self.duplicates("effort", EFFORTS_FILE, ((e.id, ("efforts", i, "id")) for i, e in enumerate(self.efforts.efforts)))
        known = self.source_ids()
        for index, effort in enumerate(self.efforts.efforts):
            if known is not None:
                for source_index, source_id in enumerate(effort.sources):
                    if source_id not in known:
                        self.error(
                            "unknown-source",
                            EFFORTS_FILE,
                            ("efforts", index, "sources", source_index),
                            source=source_id,
                        )
            if effort.opening_hours:
                self.spillover(EFFORTS_FILE, ("efforts", index, "opening_hours"), effort.opening_hours)
            for s_index, schedule in enumerate(effort.schedules):
                if schedule.opening_hours:
                    loc = ("efforts", index, "schedules", s_index, "opening_hours")
                    self.spillover(EFFORTS_FILE, loc, schedule.opening_hours)

    def spillover(self, file_name: str, loc: tuple[Any, ...], text: str) -> None:
        try:
            lost = hours.cancelled_spillover(text)
        except hours.HoursError:
            return  # unparseable hours are already a schema error
        for day in lost:
            day_name: Message = say(f"hours.day_{day}")
            self.warn("hours-spillover", file_name, loc, next_day=NEXT_DAY[day], day=day_name)

    def need_ids(self) -> set[str]:
        findings = self.findings
        if findings is None:
            return set()
        return {finding.need_id(i) for finding in findings.findings for i in range(len(finding.needs))}

    def check_findings(self) -> None:
        findings = self.findings
        if findings is None:
            return
        finding_ids = self.duplicates(
            "finding", FINDINGS_FILE, ((f.id, ("findings", i, "id")) for i, f in enumerate(findings.findings))
        )
        need_entries = []
        for f_index, finding in enumerate(findings.findings):
            for n_index, need in enumerate(finding.needs):
                loc = ("findings", f_index, "needs", n_index, "id") if need.id else ("findings", f_index, "needs", n_index)
                need_entries.append((finding.need_id(n_index), loc))
        self.duplicates("need", FINDINGS_FILE, need_entries)
        for need_id, loc in need_entries:
            if need_id in finding_ids:
                self.error("need-id-is-finding", FINDINGS_FILE, loc, id=need_id)

        mandate_ids = {item.id for item in self.mapping.mandate} if self.mapping is not None else None
        source_ids = self.source_ids()
        addressed = self.addressed_ids()
        followed_up = {f.finding for f in self.plan.follow_up if f.finding} if self.plan is not None else set()

        for f_index, finding in enumerate(findings.findings):
            where = ("findings", f_index)
            if finding.mandate is not None and mandate_ids is not None and finding.mandate not in mandate_ids:
                self.error(
                    "unknown-mandate" if mandate_ids else "unknown-mandate-none",
                    FINDINGS_FILE,
                    (*where, "mandate"),
                    finding=finding.id,
                    mandate=finding.mandate,
                    known=sorted(mandate_ids),
                )
            if not finding.evidence:
                self.warn("finding-without-evidence", FINDINGS_FILE, (*where, "id"), finding=finding.id)
            for e_index, evidence in enumerate(finding.evidence):
                e_loc = (*where, "evidence", e_index)
                if source_ids is not None and evidence.source not in source_ids:
                    self.error("unknown-source", FINDINGS_FILE, (*e_loc, "source"), source=evidence.source)
                    continue
            for n_index, need in enumerate(finding.needs):
                n_loc = (*where, "needs", n_index)
                # a need without `when` is a need at any hour (the gap analysis reads it as 24/7)
                if need.when:
                    self.spillover(FINDINGS_FILE, (*n_loc, "when"), need.when)
            if self.plan is not None:
                own_ids = {finding.id} | {finding.need_id(i) for i in range(len(finding.needs))}
                if not own_ids & addressed and finding.id not in followed_up:
                    self.warn("finding-unaddressed", FINDINGS_FILE, (*where, "id"), finding=finding.id)

    def addressed_ids(self) -> set[str]:
        if self.plan is None:
            return set()
        return {item for _goal, measure in self.plan.measures() for item in measure.addresses}

    def check_plan(self) -> None:
        plan = self.plan
        if plan is None:
            return
        self.duplicates("goal", PLAN_FILE, ((goal.id, ("goals", i, "id")) for i, goal in enumerate(plan.goals)))
        goal_ids = [goal.id for goal in plan.goals if goal.id]
        repeated_goals = {goal_id for goal_id in goal_ids if goal_ids.count(goal_id) > 1}
        measure_entries = []
        for g_index, goal in enumerate(plan.goals):
            for m_index, measure in enumerate(goal.measures):
                if not measure.id and goal.id in repeated_goals:
                    continue  # `A.1` twice follows from goal `A` twice, which is reported already
                loc = ("goals", g_index, "measures", m_index)
                measure_entries.append((plan.measure_id(g_index, m_index), (*loc, "id") if measure.id else loc))
        self.duplicates("measure", PLAN_FILE, measure_entries)

        findings = self.findings
        finding_ids = {f.id for f in findings.findings} if findings is not None else None
        need_ids = self.need_ids()
        parties = self.known_parties()
        for g_index, goal in enumerate(plan.goals):
            for m_index, measure in enumerate(goal.measures):
                loc = ("goals", g_index, "measures", m_index)
                name = plan.measure_id(g_index, m_index)
                if finding_ids is not None:
                    for a_index, item in enumerate(measure.addresses):
                        if item not in finding_ids and item not in need_ids:
                            self.error("unknown-finding", PLAN_FILE, (*loc, "addresses", a_index), measure=name, item=item)
                if parties is not None:
                    named: list[tuple[str, int | None, str]] = (
                        [("responsible", None, measure.responsible)] if measure.responsible else []
                    )
                    named += [("involved", i, party) for i, party in enumerate(measure.involved)]
                    for key, index, party in named:
                        if party_key(party) not in parties:
                            self.error(
                                "unknown-party",
                                PLAN_FILE,
                                (*loc, key) if index is None else (*loc, key, index),
                                measure=name,
                                party=party,
                                role=say(f"messages.role-{key}"),
                            )
        if finding_ids is not None:
            for index, follow_up in enumerate(plan.follow_up):
                if follow_up.finding is not None and follow_up.finding not in finding_ids:
                    self.error("follow-up-unknown-finding", PLAN_FILE, ("follow_up", index, "finding"), finding=follow_up.finding)


    def check_consultations(self) -> None:
        """Consultation records against the plan and the findings: every measure presented at a final consultation
        (so that it is anchored with those who must carry it out), every id they name known, head counts that add up."""
        from hkh.project.consultations import final_consultations, measure_ids, recorded_final_consultations

        sources = self.sources
        if sources is None:
            return
        plan_ids = measure_ids(self.plan) if self.plan is not None else None
        finding_ids = {f.id for f in self.findings.findings} if self.findings is not None else None
        for index, source in enumerate(sources.sources):
            record = source.consultation
            if record is None:
                continue
            loc = ("sources", index, "consultation")
            if plan_ids is not None:
                named: list[tuple[tuple[Any, ...], str | None]] = [
                    (("proposals", i, "measure"), p.measure) for i, p in enumerate(record.proposals)
                ]
                named += [(("new_proposals", i, "measure"), p.measure) for i, p in enumerate(record.new_proposals)]
                for where, measure in named:
                    if measure and measure not in plan_ids:
                        self.warn("consultation-unknown-measure", SOURCES_FILE, (*loc, *where), source=source.id, id=measure)
            if finding_ids is not None:
                cited: list[tuple[tuple[Any, ...], str]] = [(("findings", i), f) for i, f in enumerate(record.findings)]
                cited += [
                    (("groups", g, "findings", i), f)
                    for g, group in enumerate(record.groups)
                    for i, f in enumerate(group.findings)
                ]
                for where, finding in cited:
                    if finding not in finding_ids:
                        self.error("consultation-unknown-finding", SOURCES_FILE, (*loc, *where), source=source.id, id=finding)
            counted = sum(p.count or 0 for p in record.participants)
            if source.n is not None and counted > source.n:
                self.warn("consultation-count", SOURCES_FILE, (*loc, "participants"), source=source.id, counted=counted, n=source.n)
        if self.plan is None or not self.plan.goals:
            return
        finals = final_consultations(sources)
        recorded = recorded_final_consultations(sources)
        if not finals:
            return  # no final consultation yet: `hkh status` shows the step as not done
        if not recorded:
            first = sources.sources.index(finals[0])
            self.warn("consultation-no-record", SOURCES_FILE, ("sources", first, "id"), source=finals[0].id)
            return
        presented = {p.measure for s in recorded for p in s.consultation.proposals if p.measure}  # type: ignore[union-attr]
        for g_index, goal in enumerate(self.plan.goals):
            for m_index in range(len(goal.measures)):
                measure_id = self.plan.measure_id(g_index, m_index)
                if measure_id not in presented:
                    self.warn("measure-not-presented", PLAN_FILE, ("goals", g_index, "measures", m_index), id=measure_id)


FILE_ORDER = {name: index for index, name in enumerate(FILE_MODELS)}


def _sort_key(root: Path, problem: Problem) -> tuple[int, int, str, int]:
    file_rank = len(FILE_ORDER)
    for name, rank in FILE_ORDER.items():
        if problem.path is not None and str(problem.path) == display_path(root, name):
            file_rank = rank
    return (0 if problem.severity is Severity.ERROR else 1, file_rank, str(problem.path or ""), problem.line or 0)


def check_loaded(root: Path, models: dict[str, Any], trees: dict[str, Any]) -> list[Problem]:
    """Cross-reference problems of files already loaded (a missing model means that file failed to load)."""
    checker = _Checker(root=root, models=models, trees=trees)
    checker.run()
    return checker.problems


@dataclass(frozen=True)
class CheckedFiles:
    root: Path
    models: dict[str, Any]  # the files that loaded, by file name
    trees: dict[str, Any]
    problems: list[Problem]


def check_files(explicit_dir: Path | None = None, *, files: Iterable[str] | None = None) -> CheckedFiles:
    """Every problem of the project files and their cross-references (unsorted; see `sort_problems`); `files` names
    the files to load when not all five are needed (the cross-references of those alone are checked)."""
    root = find_project(None, explicit_dir)
    models: dict[str, Any] = {}
    trees: dict[str, Any] = {}
    problems: list[Problem] = []
    for name in FILE_MODELS if files is None else [name for name in FILE_MODELS if name in set(files)]:
        # load_file is what project.load_with_problems runs per file; calling it here keeps the files that did load,
        # so their cross-references can still be checked.
        model, tree, found = load_file(root, name)
        problems.extend(found)
        if tree is not None:
            problems.extend(control_character_problems(root, name, tree))  # in a file that failed validation too
        if model is not None:
            models[name] = model
            trees[name] = tree
    problems.extend(check_loaded(root, models, trees))
    return CheckedFiles(root, models, trees, problems)


MAX_TEXT_PROBLEMS = 20  # per file: a file full of escapes needs one look, not a thousand lines


def control_character_problems(root: Path, name: str, tree: Any) -> list[Problem]:
    """Errors for texts holding control characters, terminal escapes or bidirectional overrides (`\\e`, `\\x9b`,
    `\\u202e` in a quoted YAML text): they could act on a terminal or make a text read as something else, and
    documents cannot hold them. Each names the character and its line."""
    from hkh.core.errors import worded_problem
    from hkh.core.safe_text import FORBIDDEN, describe

    problems: list[Problem] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(tree, ())]
    while stack and len(problems) < MAX_TEXT_PROBLEMS:
        node, where = stack.pop()
        if isinstance(node, str):
            found = FORBIDDEN.search(node)
            if found:
                problems.append(
                    worded_problem(
                        Severity.ERROR, "control-character", "security.control_character",
                        path=display_path(root, name), line=line_of(tree, where), char=describe(found.group()),
                    )
                )
        elif isinstance(node, dict):
            for key, value in node.items():
                stack.append((key, where))
                stack.append((value, (*where, key)))
        elif isinstance(node, list):
            stack.extend((value, (*where, index)) for index, value in enumerate(node))
    return sorted(problems, key=lambda problem: problem.line or 0)


def refuse_errors_in(root: Path, files: Iterable[str], *, missing_ok: Iterable[str] = ()) -> None:
    """For commands that rewrite a project file (`hkh import`, `plan import`, `efforts import`): stop when hkh.yaml
    or the files they rewrite have errors, or when data/ or out/ lead outside the project. Errors elsewhere (a finding
    citing the survey about to be imported) are what such a command may be run to mend. A file in `missing_ok` may
    be missing (the command writes it)."""
    from hkh.core.errors import ProjectHasErrorsError
    from hkh.project.folders import refuse_outside

    names = {HKH_FILE, *files}
    checked = check_files(root)  # every file, so that the named files' references to the others are checked
    mapping = checked.models.get(HKH_FILE)
    refuse_outside(root, bool(mapping and mapping.settings.allow_outside_folders), display_path(root, "."))
    shown = {display_path(root, name): name for name in names}
    absent_allowed = {display_path(root, name) for name in missing_ok}
    errors = [
        p for p in checked.problems
        if p.severity is Severity.ERROR and str(p.path) in shown
        and not (p.code == "file-missing" and str(p.path) in absent_allowed)
    ]
    if errors:
        raise ProjectHasErrorsError(sort_problems(root, errors))


def sort_problems(root: Path, problems: list[Problem]) -> list[Problem]:
    """Errors first, each group in file and line order (stable: problems on one line keep their order)."""
    return sorted(problems, key=lambda p: _sort_key(root, p))
