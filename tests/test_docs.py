"""docs/project-folder.md documents every field of every model, and its YAML examples make a valid project."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from hkh.core.errors import Severity
from hkh.core.yamlio import load_yaml
from hkh.pipeline import check
from hkh.project.models import FILE_MODELS, Method, StepId

DOC = Path(__file__).resolve().parents[1] / "docs" / "project-folder.md"
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
FIELD_ROW = re.compile(r"^\|\s*`([A-Za-z_][A-Za-z0-9_]*)`\s*\|")


def _models_in(annotation: typing.Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for argument in typing.get_args(annotation):
        found.extend(_models_in(argument))
    return found


def reachable_models() -> list[type[BaseModel]]:
    """Every pydantic model a project file can contain, nested ones included."""
    seen: list[type[BaseModel]] = []
    pending = list(FILE_MODELS.values())
    while pending:
        model = pending.pop(0)
        if model in seen:
            continue
        seen.append(model)
        for info in model.model_fields.values():
            pending.extend(_models_in(info.annotation))
    return seen


def documented_fields() -> dict[str, set[str]]:
    """Field names in table rows, per model named in backticks in the heading above them."""
    sections: dict[str, set[str]] = {}
    current: str | None = None
    in_field_table = False
    for line in DOC.read_text("utf-8").splitlines():
        heading = HEADING.match(line)
        if heading:
            named = re.match(r"`([A-Z][A-Za-z]+)`", heading.group(2))
            current = named.group(1) if named else None
            if current:
                sections.setdefault(current, set())
            continue
        if not line.startswith("|"):
            in_field_table = False
        elif re.match(r"^\|\s*field\s*\|", line):
            in_field_table = True  # other tables (the list of step ids, say) are not field tables
        row = FIELD_ROW.match(line)
        if row and current and in_field_table:
            sections[current].add(row.group(1))
    return sections


def file_examples() -> dict[str, str]:
    """The first ```yaml block under each `## <file>` heading."""
    examples: dict[str, str] = {}
    current: str | None = None
    block: list[str] | None = None
    for line in DOC.read_text("utf-8").splitlines():
        if block is not None:
            if line.startswith("```"):
                if current and current not in examples:
                    examples[current] = "\n".join(block) + "\n"
                block = None
            else:
                block.append(line)
            continue
        heading = re.match(r"^## (\S+\.yaml)\s*$", line)
        if heading:
            current = heading.group(1)
        elif line.startswith("## "):
            current = None
        elif line.startswith("```yaml"):
            block = []
    return examples


def test_the_walk_finds_the_nested_models() -> None:
    names = {model.__name__ for model in reachable_models()}
    assert {"Mapping", "Period", "Step", "Settings", "Source", "Effort", "Evidence", "Need", "Measure", "FollowUp"} <= names


@pytest.mark.parametrize("model", reachable_models(), ids=lambda model: model.__name__)
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    sections = documented_fields()
    assert model.__name__ in sections, f"docs/project-folder.md has no heading for `{model.__name__}`"
    # a field is documented as it is written in the files: by its alias where it has one (`from`, not `from_`)
    written = {info.alias or name for name, info in model.model_fields.items()}
    missing = sorted(written - sections[model.__name__])
    assert not missing, f"fields of {model.__name__} not documented: {missing}"
    unknown = sorted(sections[model.__name__] - written)
    assert not unknown, f"docs/project-folder.md documents fields {model.__name__} does not have: {unknown}"


def test_every_method_and_step_is_named() -> None:
    text = DOC.read_text("utf-8")
    for value in [*(m.value for m in Method), *(s.value for s in StepId)]:
        assert f"`{value}`" in text, value


def test_folders_are_described() -> None:
    text = DOC.read_text("utf-8")
    for folder in ("`data/raw/`", "`data/survey/<source>/`", "`data/stats/`", "## out/"):
        assert folder in text, folder


def test_examples_form_a_valid_project(tmp_path: Path) -> None:
    examples = file_examples()
    assert sorted(examples) == sorted(FILE_MODELS)
    for name, text in examples.items():
        (tmp_path / name).write_text(text, "utf-8")
    for name in FILE_MODELS:
        FILE_MODELS[name].model_validate(dict(load_yaml(tmp_path / name)))
    for source in load_yaml(tmp_path / "sources.yaml")["sources"]:
        for listed in source.get("files", []):
            (tmp_path / listed).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / listed).write_bytes(b"")
    problems = check(tmp_path).problems
    errors = [str(p) for p in problems if p.severity is Severity.ERROR]
    assert errors == []


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_links_within_the_page_resolve() -> None:
    text = DOC.read_text("utf-8")
    anchors = {github_slug(match.group(2)) for match in map(HEADING.match, text.splitlines()) if match}
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert links
    assert sorted(set(links) - anchors) == []
