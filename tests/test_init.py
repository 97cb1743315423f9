"""`hkh init`: templates in three languages that check clean, never overwriting anything."""

from __future__ import annotations

import re
import shutil
import subprocess
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel
from typer.testing import CliRunner

from hkh.cli import app
from hkh.core.errors import OverwriteRefusedError
from hkh.core.yamlio import load_yaml
from hkh.pipeline import check
from hkh.project.init import create_project, template_text
from hkh.project.load import load_project
from hkh.project.models import FILE_MODELS, StepId

runner = CliRunner()
LANGUAGES = ("nb", "nn", "en")
PROJECT_FILES = tuple(FILE_MODELS)


def listing(folder: Path) -> dict[str, bytes | None]:
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes() if path.is_file() else None)
        for path in sorted(folder.rglob("*"))
    }


WROTE = {"nb": "skrev", "nn": "skreiv", "en": "wrote"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_init_then_check_passes(tmp_path: Path, language: str) -> None:
    folder = tmp_path / "brugata"
    result = runner.invoke(app, ["init", str(folder), "--language", language, "--area", "Brugata"])
    assert result.exit_code == 0, result.output
    for name in PROJECT_FILES:
        assert (folder / name).is_file()
        assert f"{WROTE[language]} {folder / name}" in result.stdout
    for sub in ("data/raw", "data/survey", "data/stats", "out"):
        assert (folder / sub).is_dir(), sub
    checked = runner.invoke(app, ["check", "-p", str(folder)])
    assert checked.exit_code == 0, checked.output
    problems = check(folder).problems
    assert [str(p) for p in problems] == []
    project = load_project(folder)
    assert project.language == language
    assert project.mapping.title == "Brugata"
    assert project.mapping.area == "Brugata"
    assert [step.id for step in project.mapping.steps] == list(StepId)
    assert project.efforts.efforts[0].areas == ["Brugata"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_init_without_area_still_checks_clean(tmp_path: Path, language: str) -> None:
    folder = tmp_path / "ny_kartlegging-2025"
    create_project(folder, language=language)
    project = load_project(folder)
    assert project.mapping.title == "Ny kartlegging 2025"
    assert project.mapping.area is None
    assert [str(p) for p in check(folder).problems] == []


def test_title_with_yaml_characters_survives(tmp_path: Path) -> None:
    title = 'Natt: "Brugata" #2 – æøå'
    create_project(tmp_path / "x", title=title, area="Storgata: nord", language="nn")
    mapping = load_yaml(tmp_path / "x" / "hkh.yaml")
    assert mapping["title"] == title
    assert mapping["area"] == "Storgata: nord"


@pytest.mark.parametrize(
    ("option", "text", "named"),
    [("--title", "tittel\x00med", "U+0000 (null)"), ("--area", "Torget\x1b[2J", "U+001B (escape)"),
     ("--title", "a\u202eb", "U+202E")],
)
def test_a_title_or_area_check_would_refuse_is_refused_with_one_line(
    tmp_path: Path, option: str, text: str, named: str
) -> None:
    folder = tmp_path / "ny"
    result = runner.invoke(app, ["init", str(folder), option, text, "--language", "en"])
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    line = line.removeprefix("hkh: ")  # every error line names the program
    assert line.startswith(f"{option} holds the character {named}")
    assert line.endswith("which can act on a terminal or break a document; write the text without it")
    assert not folder.exists()


def test_a_folder_name_with_control_characters_gives_a_title_without_them(tmp_path: Path) -> None:
    folder = tmp_path / "brugata\x7f\x1b_natt"
    create_project(folder)
    assert load_project(folder).mapping.title == "Brugata natt"
    assert [str(p) for p in check(folder).problems] == []


def test_refuses_to_overwrite_and_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "existing"
    folder.mkdir()
    (folder / "plan.yaml").write_text("# the team's own plan\n", "utf-8")
    before = listing(folder)
    result = runner.invoke(app, ["init", str(folder)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{folder / 'plan.yaml'}: finnes allerede; hkh init skriver aldri over en fil")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert listing(folder) == before


@pytest.mark.parametrize("existing", ["hkh.yaml", "findings.yaml", ".gitignore", "data/raw/.gitignore", "data/survey/.gitignore"])
def test_any_existing_file_is_refused(tmp_path: Path, existing: str) -> None:
    folder = tmp_path / "p"
    (folder / existing).parent.mkdir(parents=True)
    (folder / existing).write_text("mine\n", "utf-8")
    before = listing(folder)
    with pytest.raises(Exception) as caught:
        create_project(folder, language="en")
    assert isinstance(caught.value, OverwriteRefusedError) and caught.value.code == "init-file-exists"
    assert Path(str(caught.value.path)).as_posix().endswith(existing)
    assert listing(folder) == before


def test_second_init_is_refused(tmp_path: Path) -> None:
    create_project(tmp_path / "p", language="nb")
    before = listing(tmp_path / "p")
    result = runner.invoke(app, ["init", str(tmp_path / "p"), "--language", "en"])
    assert result.exit_code == 2
    assert listing(tmp_path / "p") == before


def test_init_on_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("x", "utf-8")
    result = runner.invoke(app, ["init", str(target)])
    assert result.exit_code == 2
    assert "dette er en fil, ikke en mappe" in result.stderr
    assert target.read_text("utf-8") == "x"


def test_gitignores(tmp_path: Path) -> None:
    create_project(tmp_path / "p", language="nn")
    raw = (tmp_path / "p" / "data" / "raw" / ".gitignore").read_text("utf-8")
    rules = [line for line in raw.splitlines() if line and not line.startswith("#")]
    assert rules == ["*", "!.gitignore"]
    project_rules = [line for line in (tmp_path / "p" / ".gitignore").read_text("utf-8").splitlines() if line and not line.startswith("#")]
    assert ".hkh.lock" in project_rules


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_ignores_raw_exports_and_the_lock(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    create_project(folder, language="en")
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    (folder / "data" / "raw" / "export.xlsx").write_bytes(b"personal data")
    (folder / ".hkh.lock").write_text("1\n", "utf-8")
    (folder / "data" / "survey" / "s1").mkdir()
    (folder / "data" / "survey" / "s1" / "responses.csv").write_text("kjonn,fritekst\n1,personal data\n", "utf-8")
    (folder / "data" / "survey" / "s1" / "codebook.yaml").write_text("source: s1\n", "utf-8")
    (folder / "data" / "survey" / "s1" / ".hkh-tables.json").write_text("{}", "utf-8")

    def ignored(relative: str) -> bool:
        return subprocess.run(["git", "-C", str(folder), "check-ignore", "-q", relative]).returncode == 0

    assert ignored("data/raw/export.xlsx")
    assert ignored(".hkh.lock")
    assert ignored("data/survey/s1/responses.csv")  # every answer, open text too
    assert not ignored("data/survey/s1/codebook.yaml")  # questions and labels, and the team's edits
    assert ignored("data/survey/s1/.hkh-tables.json")  # a survey's tables kept by hkh run
    assert not ignored("data/raw/.gitignore")
    assert not ignored("data/survey/.gitignore")
    assert not ignored("hkh.yaml")
    subprocess.run(["git", "-C", str(folder), "add", "."], check=True)
    tracked = subprocess.run(["git", "-C", str(folder), "ls-files"], capture_output=True, text=True).stdout.split()
    assert "data/survey/s1/codebook.yaml" in tracked and not any("responses" in name or "export" in name for name in tracked)


def _models_in(annotation: typing.Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for argument in typing.get_args(annotation) for model in _models_in(argument)]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", PROJECT_FILES)
def test_templates_mention_every_field(language: str, name: str) -> None:
    """Every top-level field appears as a key; fields of the entries at least as a key or a commented key."""
    text = template_text(name, language)
    model = FILE_MODELS[name]
    top_level_keys = set(re.findall(r"^([a-z_]+):", text, flags=re.MULTILINE))
    assert set(model.model_fields) <= top_level_keys, set(model.model_fields) - top_level_keys
    pending = [m for info in model.model_fields.values() for m in _models_in(info.annotation)]
    seen: set[type[BaseModel]] = set()
    while pending:
        nested = pending.pop()
        if nested in seen:
            continue
        seen.add(nested)
        for name, info in nested.model_fields.items():
            field_name = info.alias or name  # as it is written in the files (`from`, not `from_`)
            assert re.search(rf"(^|[\s#{{,-]){field_name}:", text, flags=re.MULTILINE), f"{nested.__name__}.{field_name}"
            pending.extend(_models_in(info.annotation))


def _words(language: str) -> set[str]:
    text = " ".join(template_text(name, language) for name in PROJECT_FILES).casefold()
    return set(re.findall(r"[a-zæøåéèêòóô]+", text))


def test_nynorsk_templates_are_nynorsk() -> None:
    words = _words("nn")
    assert {"ikkje", "kjelde", "kva", "kven", "frå", "berre", "eit"} <= words
    bokmal_only = {"ikke", "kilde", "kilden", "hva", "hvem", "hvor", "hvilke", "fra", "bare", "noen", "hver", "mye", "skrives", "hvordan", "ett"}
    assert not (words & bokmal_only), words & bokmal_only


def test_bokmal_templates_are_bokmal() -> None:
    words = _words("nb")
    assert {"ikke", "kilde", "hva", "fra"} <= words
    assert not (words & {"ikkje", "kjelde", "kva", "frå", "berre", "eit"})


def test_languages_differ_and_match_the_language_field() -> None:
    for language in LANGUAGES:
        assert f"language: {language}\n" in template_text("hkh.yaml", language)
    assert len({template_text("findings.yaml", language) for language in LANGUAGES}) == 3


def _fail_on_third_write(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up on the third file hkh init writes."""
    import errno

    real_write_text = Path.write_text
    real_write_bytes = Path.write_bytes
    calls = {"n": 0}

    def count(real: typing.Any) -> typing.Any:
        def write(self: Path, *args: typing.Any, **kwargs: typing.Any) -> typing.Any:
            calls["n"] += 1
            if calls["n"] == 3:
                raise OSError(errno.ENOSPC, "No space left on device", str(self))
            return real(self, *args, **kwargs)

        return write

    monkeypatch.setattr(Path, "write_text", count(real_write_text))
    monkeypatch.setattr(Path, "write_bytes", count(real_write_bytes))


def test_init_of_a_new_folder_is_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "ny"
    _fail_on_third_write(monkeypatch)
    result = runner.invoke(app, ["init", str(folder)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{folder}: kan ikke lage mappa: disken er full; ingenting ble laget"
    assert sorted(p.name for p in tmp_path.iterdir()) == [], "no folder and no temporary left behind"
    monkeypatch.undo()
    assert runner.invoke(app, ["init", str(folder)]).exit_code == 0
    assert (folder / "hkh.yaml").is_file()


def test_init_interrupted_in_an_existing_folder_leaves_no_project_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a folder the team made (with their own notes in it), hkh.yaml is written last: until it is there, no
    command takes the folder for a project."""
    folder = tmp_path / "eksisterende"
    folder.mkdir()
    (folder / "notater.txt").write_text("våre notater\n", encoding="utf-8")
    _fail_on_third_write(monkeypatch)
    result = runner.invoke(app, ["init", str(folder)])
    assert result.exit_code == 2
    assert "disken er full" in result.stderr
    assert not (folder / "hkh.yaml").exists()
    assert (folder / "notater.txt").read_text(encoding="utf-8") == "våre notater\n"
