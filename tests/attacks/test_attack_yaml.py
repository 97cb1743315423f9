"""Hostile YAML in the project's files and the codebook: aliases, huge numbers and texts, deep nesting, control
characters. Each is refused with one located line, quickly, and nothing is written."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from attack_helpers import FILES, FIXTURES, assert_one_line_error, hkh, snapshot, sound_project

PROJECT_FILES = list(FILES)


def alias_bomb(levels: int = 9, key: str = "findings") -> str:
    """`levels` levels of nine aliases each: 9**levels values in a few hundred bytes."""
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    lines.append(f"{key}: *a{levels - 1}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", PROJECT_FILES)
def test_an_alias_bomb_in_any_project_file_is_refused_with_its_line(name: str, tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    (root / name).write_text(alias_bomb(), "utf-8")
    started = time.monotonic()
    result = hkh("check", "-p", root)
    assert time.monotonic() - started < 5
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].endswith(f"{name}:1: error: anchors and aliases (& and *) are not allowed in hkh's files; "
                             "write the value out, or put the text in quotes"), lines[0]
    assert max(len(line) for line in lines) < 400  # five levels once made a 429 KB error line


def test_the_committed_alias_bomb_fixture_is_refused(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p", findings_yaml=(FIXTURES / "alias-bomb" / "findings.yaml").read_text("utf-8"))
    result = hkh("plan", "-p", root)
    assert_one_line_error(result, "findings.yaml:1:", "anchors and aliases")
    assert not (root / "out").exists()


def test_a_merge_key_is_an_alias_too(tmp_path: Path) -> None:
    efforts = (
        "base: &base {organisation: Kommunen, name: X}\nefforts:\n  - <<: *base\n    id: a\n"
    )
    root = sound_project(tmp_path / "p", efforts_yaml=efforts)
    result = hkh("check", "-p", root)
    assert result.exit_code == 1 and "efforts.yaml:1: error: anchors and aliases" in result.stderr


def test_an_alias_bomb_in_sources_yaml_does_not_hang_import_under_the_lock(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p", sources_yaml=alias_bomb(key="sources"))
    export = tmp_path / "eksport.csv"
    export.write_text("a,b\n1,2\n", "utf-8")
    before = snapshot(root)
    result = hkh("import", export, "-p", root)
    assert_one_line_error(result, "sources.yaml:1:", "anchors and aliases")
    assert snapshot(root) == before and not (root / ".hkh.lock").exists()


def test_an_alias_bomb_in_a_codebook_is_refused(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    folder = root / "data" / "survey" / "s"
    folder.mkdir(parents=True)
    (folder / "codebook.yaml").write_text(alias_bomb(key="questions"), "utf-8")
    (folder / "responses.csv").write_text("_status\n4\n", "utf-8")
    result = hkh("check", "-p", root)
    assert result.exit_code == 1
    assert "codebook.yaml:1: error: anchors and aliases" in result.stderr


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("9" * 5001, "a number of more than 15 digits"),
        ("9" * 16, "a number of more than 15 digits"),
        ("0x" + "f" * 600, "a number of more than 15 digits"),
        ("-" + "1" * 40, "a number of more than 15 digits"),
    ],
    ids=["5001-digits", "16-digits", "hex", "negative"],
)
def test_an_oversized_number_is_refused_with_its_line(value: str, fragment: str, tmp_path: Path) -> None:
    sources = "sources:\n  - id: intervju\n    method: target_interview\n    title: Intervju\n    n: " + value + "\n"
    sources += "  - id: feltarbeid\n    method: field_reports\n    title: Felt\n"
    root = sound_project(tmp_path / "p", sources_yaml=sources)
    result = hkh("status", "-p", root)
    assert_one_line_error(result, "sources.yaml:5:", fragment)


def test_a_text_of_more_than_100_000_characters_is_refused(tmp_path: Path) -> None:
    findings = "findings:\n  - id: f1\n    statement: \"" + "x" * 100_001 + "\"\n"
    root = sound_project(tmp_path / "p", findings_yaml=findings)
    result = hkh("check", "-p", root)
    assert result.exit_code == 1 and "findings.yaml:3: error: a text of 100,001 characters" in result.stderr


def test_a_list_of_more_than_10_000_items_is_refused(tmp_path: Path) -> None:
    parties = "\n".join(f"  - Part {i}" for i in range(10_001))
    root = sound_project(tmp_path / "p", hkh_yaml=f"title: T\nlanguage: en\nparties:\n{parties}\n")
    result = hkh("check", "-p", root)
    assert result.exit_code == 1 and "a list of 10,001 items" in result.stderr


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    deep = "x: " + "[" * 60 + "]" * 60 + "\n"
    root = sound_project(tmp_path / "p", plan_yaml="goals: []\n" + deep)
    result = hkh("check", "-p", root)
    assert result.exit_code == 1 and "plan.yaml" in result.stderr and "levels deep" in result.stderr


def test_a_project_file_over_5_mb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    (root / "efforts.yaml").write_text("efforts: []\n" + "#" * (5 * 1024 * 1024) + "\n", "utf-8")
    result = hkh("check", "-p", root)
    assert result.exit_code == 1 and "efforts.yaml: error: the file is 5.0 MB" in result.stderr


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['echo pwned']", "!!binary aGVsbG8="])
def test_yaml_tags_do_not_run_or_crash(tag: str, tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p", findings_yaml=f"findings:\n  - id: f1\n    statement: {tag}\n")
    result = hkh("check", "-p", root)
    # a Python object is never made (the loader knows no such tag); binary data is read as a text, harmlessly
    assert result.exit_code in (0, 1) and "Traceback" not in result.output and "internal error" not in result.output
    assert "pwned" not in result.stdout


# ---------------------------------------------------------------------------------------------- control characters

CONTROL = [
    ('"Tittel\\e]0;pwned\\a"', "U+001B (escape)"),
    ('"Tittel\\e[2J"', "U+001B (escape)"),
    ('"Tittel\\x9b2J"', "U+009B (control sequence introducer)"),
    ('"evil\\u202Etxt.exe"', "U+202E (right-to-left override)"),
    ('"en\\Lto"', "U+2028 (line separator)"),
    ('"null\\0byte"', "U+0000 (null)"),
    ('"retur\\rvogn"', "U+000D (carriage return)"),
    ('"bjelle\\a"', "U+0007 (bell)"),
]


@pytest.mark.parametrize(("text", "named"), CONTROL, ids=[named.split()[0] + "-" + str(i) for i, (_, named) in enumerate(CONTROL)])
def test_control_characters_in_a_text_are_an_error_naming_the_character(text: str, named: str, tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p", hkh_yaml=f"title: {text}\nlanguage: en\nparties: [Politiet, Kommunen]\n")
    result = hkh("check", "-p", root)
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first.endswith(f"hkh.yaml:1: error: a text holds the character {named}, which can act on a terminal or "
                          "break a document; remove it"), first
    assert "\x1b" not in result.output and "\x9b" not in result.output and "\u202e" not in result.output


@pytest.mark.parametrize("where", ["findings_yaml", "efforts_yaml", "plan_yaml", "sources_yaml"])
def test_control_characters_are_found_in_every_file_with_their_line(where: str, tmp_path: Path) -> None:
    texts = {
        "findings_yaml": FILES["findings.yaml"].replace("Det er farlig her", "Det er farlig\\e[31m her").replace(
            "quote: Det er farlig\\e[31m her", 'quote: "Det er farlig\\e[31m her"'),
        "efforts_yaml": FILES["efforts.yaml"].replace("description: Varm mat om kvelden", 'description: "Varm\\e mat"'),
        "plan_yaml": FILES["plan.yaml"].replace("text: Nattpatrulje", 'text: "Natt\\x9bpatrulje"'),
        "sources_yaml": FILES["sources.yaml"].replace("title: Feltrapporter", 'title: "Felt\\u202erapporter"'),
    }
    root = sound_project(tmp_path / "p", **{where: texts[where]})
    result = hkh("check", "-p", root)
    assert result.exit_code == 1
    name = where.replace("_", ".")
    line = next(i for i, text in enumerate(texts[where].splitlines(), start=1) if "\\e" in text or "\\x9b" in text or "\\u202e" in text)
    assert f"{name}:{line}: error: a text holds the character U+" in result.stderr


def test_a_control_character_in_a_codebook_is_an_error(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    folder = root / "data" / "survey" / "s"
    folder.mkdir(parents=True)
    (folder / "codebook.yaml").write_text(
        "source: s\nimported: '2025-01-01T00:00:00+00:00'\nfiles: []\nrespondents: {rows: 1, answered: 1}\n"
        "dropped: []\nquestions:\n  - name: q1\n    type: single\n    text: \"Spørsmål\\e]0;x\\a\"\n    variables: [q1]\n"
        "    options: [{code: 1, label: \"Ja\"}]\n    non_substantive: []\n",
        "utf-8",
    )
    (folder / "responses.csv").write_text("q1,_status\n1,4\n", "utf-8")
    sources = FILES["sources.yaml"] + "  - id: s\n    method: survey\n    title: Undersøkelse\n"
    (root / "sources.yaml").write_text(sources, "utf-8")
    result = hkh("check", "-p", root)
    assert result.exit_code == 1
    assert "codebook.yaml:7: error: question q1: a text holds the character U+001B (escape)" in result.stderr
