"""The reference that ships with hkh (src/hkh/docs/, `hkh docs`): the folder page documents every field of every model
and its YAML examples make a valid project; the opening-hours page's table is what hkh suggests; the check page
lists every code; every `hkh docs PAGE` hkh mentions exists; the pages print and open."""

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

DOCS = Path(__file__).resolve().parents[1] / "src" / "hkh" / "docs"
DOC = DOCS / "project-folder.md"
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
    assert model.__name__ in sections, f"project-folder.md has no heading for `{model.__name__}`"
    # a field is documented as it is written in the files: by its alias where it has one (`from`, not `from_`)
    written = {info.alias or name for name, info in model.model_fields.items()}
    missing = sorted(written - sections[model.__name__])
    assert not missing, f"fields of {model.__name__} not documented: {missing}"
    unknown = sorted(sections[model.__name__] - written)
    assert not unknown, f"project-folder.md documents fields {model.__name__} does not have: {unknown}"


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


# ------------------------------------------------------------------------------------------------ the other pages

REPO = Path(__file__).resolve().parents[1]


def test_every_page_hkh_points_to_exists() -> None:
    from hkh.outputs.docs import topics

    names = {topic.name for topic in topics()}
    assert {"project-folder", "opening-hours", "check"} <= names
    mentioned: dict[str, str] = {}
    sources = [*REPO.joinpath("src").rglob("*.py"), *REPO.joinpath("src").rglob("*.yaml"), *DOCS.glob("*.md"),
               REPO / "README.md"]
    for path in sources:
        for name in re.findall(r"hkh docs ([a-z][a-z-]*[a-z])", path.read_text("utf-8")):
            mentioned.setdefault(name, str(path.relative_to(REPO)))
    assert mentioned, "nothing points to `hkh docs`"
    unknown = {name: where for name, where in mentioned.items() if name not in names}
    assert unknown == {}


def test_nothing_points_to_the_old_path() -> None:
    for path in [*REPO.joinpath("src").rglob("*.py"), *REPO.joinpath("src").rglob("*.yaml"), REPO / "README.md"]:
        assert not re.search(r"(?<!hkh/)docs/project-folder\.md", path.read_text("utf-8")), path


def test_the_opening_hours_page_shows_what_hkh_suggests() -> None:
    from hkh.project.hours_text import suggest_opening_hours

    rows = 0
    for line in (DOCS / "opening-hours.md").read_text("utf-8").split("## Hours as people write them")[1].splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) != 2 or not cells[0].startswith("`"):
            continue
        suggested = re.match(r"`([^`]+)`", cells[1])
        assert suggested is not None, line
        for written in re.findall(r"`([^`]+)`", cells[0]):
            suggestion = suggest_opening_hours(written)
            assert suggestion is not None and suggestion.certain, written
            assert suggestion.osm == suggested.group(1), (written, suggestion.osm)
            rows += 1
    assert rows >= 15


def test_the_check_page_lists_every_code() -> None:
    from hkh.i18n.words.messages import PARTS

    words = re.compile(r"^(kind-|role-|reason-|fixed-|hours-doubt-|owner-|term-kind-|located$)")  # parts of messages, not codes
    codes = {re.sub(r"_(one|other)$", "", key) for part in PARTS for key in part if not words.match(key)}
    listed = set(re.findall(r"^\| `([a-z0-9-]+)` \|", (DOCS / "check.md").read_text("utf-8"), re.MULTILINE))
    missing = sorted(codes - listed)
    entries = {re.sub(r"_(one|other)$", "", key): entry for part in PARTS for key, entry in part.items()}
    rows = "\n".join(f"| `{code}` | {entries[code]['en']} |" for code in missing)
    assert missing == [], f"codes missing from the check page; rows to add:\n{rows}"
    assert sorted(listed - codes) == [], "the check page lists codes hkh does not have"


def test_docs_lists_prints_and_opens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import webbrowser

    from typer.testing import CliRunner

    from hkh.cli import app

    runner = CliRunner()
    listing = runner.invoke(app, ["docs"])
    assert listing.exit_code == 0
    assert re.search(r"^  project-folder +The project folder: An HKH mapping is one folder\.$", listing.stdout, re.MULTILINE)
    printed = runner.invoke(app, ["docs", "opening-hours"])
    assert printed.exit_code == 0 and printed.stdout == (DOCS / "opening-hours.md").read_text("utf-8")
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *args, **kwargs: opened.append(url) or True)
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path))
    shown = runner.invoke(app, ["docs", "check", "--open"])
    assert shown.exit_code == 0, shown.output
    page = tmp_path / "hkh-docs" / "hkh-check.html"
    assert opened == [page.resolve().as_uri()]
    html = page.read_text("utf-8")
    assert "<h1>What <code>hkh check</code> checks</h1>" in html and "<td><code>yaml-tab</code></td>" in html
    wrong = runner.invoke(app, ["docs", "opening_hours"])
    assert wrong.exit_code == 2 and "did you mean `hkh docs opening-hours`?" in wrong.stderr
