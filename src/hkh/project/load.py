"""The project folder: finding it, loading its five files into models, and reporting what is wrong with them."""

from __future__ import annotations

from collections.abc import Mapping as AnyMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from hkh.core.errors import (
    HkhError,
    Problem,
    ProjectInvalidError,
    ProjectNotFoundError,
    Severity,
)
from hkh.core.files import shown_path
from hkh.core.yamlio import line_of, load_yaml_lines
from hkh.project.models import (
    FILE_MODELS,
    EffortRegister,
    FindingRegister,
    HkhModel,
    Mapping,
    Plan,
    SourceRegister,
)
from hkh.project.schema import problems_of

PROJECT_FILE = "hkh.yaml"
from hkh.core.guard import OUT_DIR  # noqa: E402  (re-exported: the folder every output goes to)

SURVEY_DIR = Path("data") / "survey"
KEPT_TABLES = ".hkh-tables.json"  # in data/survey/<source>/: the survey's tables kept by `hkh run` (hkh.survey.kept_tables)
# in data/survey/<source>/: the record of the tables published from the survey (hkh.survey.publication)
PUBLISHED_RECORD = "published.json"
RAW_DIR = Path("data") / "raw"
STATS_DIR = Path("data") / "stats"


def find_project(start: Path | None = None, explicit: Path | None = None) -> Path:
    """The folder named by -p, or the nearest folder upward holding hkh.yaml (as git finds .git)."""
    if explicit is not None:
        root = explicit.expanduser()
        if not root.exists():
            raise ProjectNotFoundError("folder-missing", path=root)
        if root.is_file() and root.name == PROJECT_FILE:
            root = root.parent
        if not (root / PROJECT_FILE).is_file():
            raise ProjectNotFoundError("project-not-here", path=root, folder=root)
        return root
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / PROJECT_FILE).is_file():
            return folder
    raise ProjectNotFoundError("project-not-found", path=here)


def quick_language(root: Path) -> str | None:
    """The `language:` of hkh.yaml read without parsing the file (for messages before the project is loaded);
    None when it cannot be read this way."""
    import re

    from hkh.core.limits import MAX_PROJECT_FILE_BYTES, read_regular

    try:
        text = read_regular(root / PROJECT_FILE, PROJECT_FILE, MAX_PROJECT_FILE_BYTES).decode("utf-8", errors="replace")
    except HkhError:
        return None
    found = re.search(r"^language:\s*[\"']?(nb|nn|en)[\"']?\s*(#.*)?$", text, re.MULTILINE)
    return found.group(1) if found else None


def display_path(root: Path, name: str | Path) -> str:
    """A project file as messages show it (relative to where the user stands when possible, so it can be clicked)."""
    return shown_path(root / name)


@dataclass
class Project:
    """A loaded, schema-valid project. Cross-references are checked by `hkh.project.check`, not here."""

    root: Path
    mapping: Mapping
    sources: SourceRegister
    efforts: EffortRegister
    findings: FindingRegister
    plan: Plan
    trees: dict[str, Any] = field(default_factory=dict)

    @property
    def language(self) -> str:
        return self.mapping.language

    @property
    def out_dir(self) -> Path:
        return self.root / OUT_DIR

    def path(self, name: str | Path) -> str:
        return display_path(self.root, name)

    def show(self, path: Path) -> str:
        """Any path as messages show it: relative to the current folder when it lies below it."""
        return display_path(path, ".")

    def line(self, file_name: str, *loc: Any) -> int | None:
        """The line of a node in one of the project files, for messages about its content."""
        tree = self.trees.get(file_name)
        return line_of(tree, loc) if tree is not None else None

    def source(self, source_id: str):
        return next((s for s in self.sources.sources if s.id == source_id), None)


def load_file(root: Path, name: str) -> tuple[HkhModel | None, Any, list[Problem]]:
    """Load and validate one file; problems are returned, not raised, so that `hkh check` can list all of them."""
    model_type = FILE_MODELS[name]
    shown = display_path(root, name)
    path = root / name
    try:
        tree = load_yaml_lines(path, display=shown)
    except HkhError as exc:
        return None, None, [exc.as_problem()]
    if tree is None:
        return None, None, [Problem(Severity.ERROR, "file-empty", {}, shown, 1)]
    if name != PROJECT_FILE and isinstance(tree, list):
        key = {"sources.yaml": "sources", "efforts.yaml": "efforts", "findings.yaml": "findings"}.get(name)
        if key:
            return None, tree, [Problem(Severity.ERROR, "file-starts-with-list", {"key": key}, shown, 1)]
    if not isinstance(tree, dict):
        return None, tree, [Problem(Severity.ERROR, "file-not-fields", {}, shown, 1)]
    try:
        model = model_type.model_validate(dict(tree))
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        return None, tree, problems_of(errors, path=path, shown=shown, tree=tree, model=model_type)
    except RecursionError:
        return None, tree, [Problem(Severity.ERROR, "yaml-too-deep", {}, shown, 1)]
    return model, tree, []


def project_of(root: Path, models: AnyMapping[str, Any], trees: AnyMapping[str, Any]) -> Project | None:
    """The project made of files already loaded (by `hkh check`, say); None unless all five loaded."""
    if any(models.get(name) is None for name in FILE_MODELS):
        return None
    return Project(
        root=root,
        mapping=models["hkh.yaml"],
        sources=models["sources.yaml"],
        efforts=models["efforts.yaml"],
        findings=models["findings.yaml"],
        plan=models["plan.yaml"],
        trees={name: trees[name] for name in FILE_MODELS},
    )


def load_with_problems(root: Path) -> tuple[Project | None, list[Problem]]:
    models: dict[str, Any] = {}
    trees: dict[str, Any] = {}
    problems: list[Problem] = []
    for name in FILE_MODELS:
        model, tree, found = load_file(root, name)
        models[name] = model
        trees[name] = tree
        problems.extend(found)
    if problems:
        return None, problems
    return project_of(root, models, trees), []


def load_project(explicit: Path | None = None, *, start: Path | None = None) -> Project:
    """Load a project whose files are schema-valid; the first problem is raised as one error line."""
    root = find_project(start, explicit)
    project, problems = load_with_problems(root)
    if project is None:
        raise ProjectInvalidError(problems)
    return project
