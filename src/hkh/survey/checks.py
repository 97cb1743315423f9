"""What `hkh check` finds about imported surveys: evidence citing questions and options a survey does not have,
surveys that are not imported yet, imported surveys that sources.yaml does not list, and survey answers that git
keeps (the project is in a git work tree and a raw export or a survey's answers are committed)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hkh.core.errors import HkhError, Problem, Severity
from hkh.core.files import is_temporary
from hkh.project.check import ProblemRecorder
from hkh.project.load import RAW_DIR, SURVEY_DIR
from hkh.project.models import Evidence, FindingRegister, Method, Source, SourceRegister
from hkh.survey.codebook import Codebook, Question
from hkh.survey.evidence import COMBINE
from hkh.survey.store import CODEBOOK, RESPONSES, display_in, survey_dir

SOURCES_FILE = "sources.yaml"
FINDINGS_FILE = "findings.yaml"


def _option_exists(question: Question, wanted: str | int) -> bool:
    """One option by code, label or variable, or several joined by "+" for a combined share."""
    if question.option(wanted) is not None:
        return True
    parts = [part.strip() for part in str(wanted).split(COMBINE)]
    return len(parts) > 1 and all(part and question.option(part) is not None for part in parts)


@dataclass
class _SurveyChecker(ProblemRecorder):
    codebooks: dict[str, Codebook | None] = field(default_factory=dict)

    def codebook(self, source_id: str) -> Codebook | None:
        """The survey's codebook, read once; None when it is not imported (or cannot be read, which is reported)."""
        if source_id not in self.codebooks:
            path = survey_dir(self.root, source_id) / CODEBOOK
            codebook = None
            if path.is_file():
                try:
                    codebook = Codebook.load(path, display_in(self.root, path))
                except HkhError as exc:
                    self.problems.append(exc.as_problem())
            self.codebooks[source_id] = codebook
        return self.codebooks[source_id]

    def run(self) -> None:
        self.tracked_answers()
        sources: SourceRegister | None = self.models.get(SOURCES_FILE)
        findings: FindingRegister | None = self.models.get(FINDINGS_FILE)
        self.codebook_texts()
        if sources is None:
            return
        self.unregistered(sources)
        if findings is None:
            return
        by_id = {source.id: source for source in sources.sources}
        warned: set[str] = set()
        for f_index, finding in enumerate(findings.findings):
            for e_index, evidence in enumerate(finding.evidence):
                source = by_id.get(evidence.source)
                if evidence.question is not None and source is not None:
                    loc = ("findings", f_index, "evidence", e_index)
                    self.evidence(finding.id, evidence, loc, source, warned)

    def evidence(self, finding_id: str, evidence: Evidence, loc: tuple[Any, ...], source: Source, warned: set[str]) -> None:
        if source.method is not Method.survey:
            self.error(
                "question-not-survey", FINDINGS_FILE, (*loc, "question"), source=source.id, method=source.method.value
            )
            return
        codebook = self.codebook(source.id)
        if codebook is None:
            if source.id not in warned and not (survey_dir(self.root, source.id) / CODEBOOK).is_file():
                warned.add(source.id)
                self.warn("survey-not-imported-yet", FINDINGS_FILE, (*loc, "source"), source=source.id)
            return
        question = codebook.question(str(evidence.question))
        if question is None:
            self.error("unknown-question", FINDINGS_FILE, (*loc, "question"), question=evidence.question, source=source.id)
            return
        if evidence.option is not None and question.options and not _option_exists(question, evidence.option):
            listed = "; ".join(f"{o.code} {o.label}" for o in question.options)
            self.error(
                "unknown-option", FINDINGS_FILE, (*loc, "option"), option=evidence.option, question=evidence.question, options=listed
            )

    def tracked_answers(self) -> None:
        """Raw exports and survey answers are personal data (open-text answers above all); new projects keep them
        out of git, but a `git add -f`, an older project or a moved folder can still commit them."""
        for relative in git_tracked(self.root, [RAW_DIR, SURVEY_DIR]):
            parts = Path(relative).parts
            shown = display_in(self.root, self.root / relative)
            if parts[: len(RAW_DIR.parts)] == RAW_DIR.parts and parts[-1] != ".gitignore":
                self.problems.append(Problem(Severity.WARNING, "git-tracks-raw", {"file": shown}, shown))
            elif len(parts) == len(SURVEY_DIR.parts) + 2 and parts[-1] == RESPONSES:
                codebook = self.codebook(parts[-2])
                open_text = codebook is not None and any(q.type == "open" for q in codebook.questions)
                code = "git-tracks-open-answers" if open_text else "git-tracks-answers"
                self.problems.append(Problem(Severity.WARNING, code, {"file": shown}, shown))

    def codebook_texts(self) -> None:
        """Control characters in an imported survey's texts (a hand-edited codebook: `hkh import` removes them), which
        every table, workbook and chart would show."""
        from hkh.core.errors import worded_problem
        from hkh.core.safe_text import FORBIDDEN, describe
        from hkh.survey.store import list_imported_surveys

        for source_id in list_imported_surveys(self.root):
            codebook = self.codebook(source_id)
            if codebook is None:
                continue
            for question in codebook.questions:
                texts = [question.text, question.group_text or "", *(option.label for option in question.options)]
                found = next((m for m in map(FORBIDDEN.search, texts) if m), None)
                if found is None:
                    continue
                path = survey_dir(self.root, source_id) / CODEBOOK
                self.problems.append(
                    worded_problem(
                        Severity.ERROR, "control-character", "security.codebook_control_character",
                        path=display_in(self.root, path), line=_line_naming(path, question.name),
                        question=question.name, char=describe(found.group()),
                    )
                )

    def unregistered(self, sources: SourceRegister) -> None:
        """An imported survey that sources.yaml does not list: an import stopped just before registering it (the
        survey folder is renamed into place before sources.yaml is written), or a source deleted by hand."""
        registered = {s.id for s in sources.sources}
        try:
            folders = sorted(p for p in (self.root / SURVEY_DIR).iterdir() if p.is_dir() and not is_temporary(p))
        except OSError:
            return
        for folder in folders:
            if folder.name not in registered and (folder / CODEBOOK).is_file():
                self.warn(
                    "survey-not-registered", SOURCES_FILE, ("sources",), folder=(SURVEY_DIR / folder.name).as_posix(), source=folder.name
                )


def git_tracked(root: Path, folders: list[Path]) -> list[str]:
    """The files under `folders` that git tracks, relative to `root` (POSIX); none when `root` is not in a git work
    tree or git is not installed: the check never fails for want of git."""
    import subprocess

    def git(*arguments: str) -> str | None:
        try:
            done = subprocess.run(
                ["git", "-C", str(root), *arguments], capture_output=True, text=True, timeout=20, check=False
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout if done.returncode == 0 else None

    if (git("rev-parse", "--is-inside-work-tree") or "").strip() != "true":
        return []
    listed = git("ls-files", "-z", "--", *(folder.as_posix() for folder in folders))
    return [name for name in (listed or "").split("\0") if name]

def _line_naming(path: Path, name: str) -> int | None:
    """The line of `- name: <name>` in a codebook, for the message."""
    try:
        lines = path.read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return None
    wanted = (f"- name: {name}", f"- name: '{name}'", f'- name: "{name}"')
    return next((number for number, line in enumerate(lines, start=1) if line.strip() in wanted), None)


def survey_problems(root: Path, models: dict[str, Any], trees: dict[str, Any]) -> list[Problem]:
    """The survey-related problems of a project whose files are loaded as `models` (a file that failed is absent)."""
    checker = _SurveyChecker(root=root, models=models, trees=trees)
    checker.run()
    return checker.problems
