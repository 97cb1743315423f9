"""The mistakes a newcomer makes in YAML, said in the mapping's language with what to write, and `hkh check --fix`.

Each folder under tests/fixtures/mistakes/ is one small nynorsk project with one mistake (made by
tests/fixtures/make_mistakes.py). It is run as an nn project and, with `language: en`, as an English one: `hkh
check` must name the file and the line, say in that language what is wrong, and quote what to write; `hkh check
--fix` must then leave a folder that passes, changing nothing but the line of the mistake.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hkh.cli import app
from hkh.core.errors import Severity
from hkh.pipeline import check

MISTAKES = Path(__file__).resolve().parent / "fixtures" / "mistakes"
CASES = sorted(folder.name for folder in MISTAKES.iterdir() if (folder / "expected.txt").is_file())
runner = CliRunner()


def expected(case: str) -> dict[str, str]:
    fields = {}
    for line in (MISTAKES / case / "expected.txt").read_text("utf-8").splitlines():
        key, _, value = line.partition(": ")
        fields[key] = value
    return fields


def copy(case: str, tmp_path: Path, language: str) -> Path:
    folder = tmp_path / case
    shutil.copytree(MISTAKES / case, folder, ignore=shutil.ignore_patterns("expected.txt"))
    mapping = folder / "hkh.yaml"
    mapping.write_text(mapping.read_text("utf-8").replace("language: nn", f"language: {language}"), "utf-8")
    return folder


def test_the_issue_s_mistakes_are_all_here() -> None:
    assert set(CASES) == {
        "unquoted-colon", "tab", "wrong-indent", "numeric-id", "yes-in-norwegian", "misspelt-key",
        "hours-kl", "hours-dots", "hours-en-dash", "hours-weekday", "hours-weekdays",
    }


@pytest.mark.parametrize("language", ["nn", "en"])
@pytest.mark.parametrize("case", CASES)
def test_check_says_where_what_and_what_to_write(case: str, language: str, tmp_path: Path) -> None:
    want = expected(case)
    folder = copy(case, tmp_path, language)
    result = runner.invoke(app, ["check", "-p", str(folder)])
    if want.get("passes") == "yes":
        assert result.exit_code == 0, result.output
        assert result.stderr == ""
        return
    assert result.exit_code == 1, result.output
    first = result.stderr.splitlines()[0]
    severity = {"nn": "feil", "en": "error"}[language]
    assert first.startswith(f"{folder / want['file']}:{want['line']}: {severity}: "), first
    assert want[language] in first, first
    assert want.get("write", "") in first, first
    fixable = {"nn": "(`hkh check --fix` rettar dette)", "en": "(`hkh check --fix` mends this)"}[language]
    assert first.endswith(fixable), first


@pytest.mark.parametrize("case", CASES)
def test_fix_leaves_a_folder_that_passes_and_changes_only_that_line(case: str, tmp_path: Path) -> None:
    want = expected(case)
    folder = copy(case, tmp_path, "nn")
    files = {path.name: path.read_text("utf-8") for path in folder.glob("*.yaml")}
    result = runner.invoke(app, ["check", "--fix", "-p", str(folder)])
    assert result.exit_code == 0, result.output
    assert [str(p) for p in check(folder).problems if p.severity is Severity.ERROR] == []
    for name, before in files.items():
        after = (folder / name).read_text("utf-8")
        if want.get("passes") == "yes" or name != want["file"]:
            assert after == before, name
            continue
        changed = [
            number for number, (old, new) in enumerate(zip(before.splitlines(), after.splitlines()), start=1) if old != new
        ]
        assert changed == [int(want["line"])], (name, changed)
        assert len(before.splitlines()) == len(after.splitlines())
        # the comments are the team's and stay
        assert re.findall(r"#.*", before) == re.findall(r"#.*", after)
    if want.get("passes") != "yes":
        listed = result.stderr.splitlines()
        assert len(listed) == 1 and listed[0].startswith(f"{folder / want['file']}:{want['line']}: "), result.stderr
    again = runner.invoke(app, ["check", "--fix", "-p", str(folder)])
    assert again.exit_code == 0 and again.stderr == ""  # nothing more to mend


def test_fix_makes_only_certain_edits(tmp_path: Path) -> None:
    """`9-5` may be a day or a night, `etter avtale` has no hours: both are suggested, neither is written."""
    folder = copy("hours-kl", tmp_path, "en")
    efforts = folder / "efforts.yaml"
    efforts.write_text(efforts.read_text("utf-8").replace("kl. 20–24", "9-5"), "utf-8")
    before = efforts.read_text("utf-8")
    result = runner.invoke(app, ["check", "--fix", "-p", str(folder)])
    assert result.exit_code == 1
    assert efforts.read_text("utf-8") == before
    line = result.stderr.splitlines()[0]
    assert "perhaps `opening_hours: \"09:00-17:00\"`? Check it first: a range such as 9-5 may be" in line


def test_fix_refuses_a_file_changed_since_it_was_read(tmp_path: Path) -> None:
    from hkh.project.fixes import apply_fixes

    folder = copy("hours-weekday", tmp_path, "en")
    problems = check(folder).problems
    (folder / "efforts.yaml").write_text((folder / "efforts.yaml").read_text("utf-8").replace("Nattkafé", "Kafé"), "utf-8")
    assert apply_fixes(problems) == []
    assert "onsdag 14-17" in (folder / "efforts.yaml").read_text("utf-8")


def test_fix_keeps_a_byte_order_mark_and_windows_line_ends(tmp_path: Path) -> None:
    folder = copy("hours-weekdays", tmp_path, "en")
    efforts = folder / "efforts.yaml"
    efforts.write_bytes(b"\xef\xbb\xbf" + efforts.read_bytes().replace(b"\n", b"\r\n"))
    assert runner.invoke(app, ["check", "--fix", "-p", str(folder)]).exit_code == 0
    raw = efforts.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == raw.count(b"\n")
    assert b'opening_hours: "Mo-Fr 09:00-15:00"  # fr\xc3\xa5 nettsida\r\n' in raw


def test_a_block_text_of_hours_is_mended_in_place(tmp_path: Path) -> None:
    """Opening hours pasted from a report, several lines under `|`: one line of OSM where the block was."""
    folder = copy("hours-kl", tmp_path, "en")
    efforts = folder / "efforts.yaml"
    text = efforts.read_text("utf-8").replace(
        "opening_hours: kl. 20–24  # frå nettsida\n",
        "opening_hours: |  # frå nettsida\n      Mandag – fredag: 09.00 – 15.00\n      Lørdag: stengt\n",
    )
    efforts.write_text(text, "utf-8")
    assert runner.invoke(app, ["check", "--fix", "-p", str(folder)]).exit_code == 0
    after = efforts.read_text("utf-8")
    assert '    opening_hours: "Mo-Fr 09:00-15:00; Sa off" # frå nettsida\n' in after and "Lørdag" not in after
    assert "    over_capacity: false\n" in after


def test_json_keeps_codes_and_says_what_can_be_mended(tmp_path: Path) -> None:
    folder = copy("numeric-id", tmp_path, "nn")
    result = runner.invoke(app, ["check", "--format", "json", "-p", str(folder)])
    (problem,) = json.loads(result.stdout)["problems"]
    assert problem["code"] == "text-is-number" and problem["fixable"] is True
    assert problem["values"] == {"field": "id", "input": "2", "quoted": '"2"'}
    assert problem["message"].startswith("`id: 2` blir lese som eit tal")


def test_the_norwegian_word_the_template_gives_is_mended_to_its_value(tmp_path: Path) -> None:
    """The templates say `provider: ngo  # … ideell: ngo` and `status: active  # … active (i drift)`: a team that
    writes the Norwegian word (in a value, or in a need's `by`) is told the value, and --fix writes it."""
    folder = copy("yes-in-norwegian", tmp_path, "nn")
    efforts = folder / "efforts.yaml"
    efforts.write_text(
        efforts.read_text("utf-8").replace("    offers: [mat]\n", "    provider: Ideell\n    status: i drift\n    offers: [mat]\n"),
        "utf-8",
    )
    findings = folder / "findings.yaml"
    findings.write_text(findings.read_text("utf-8").replace("      - offer: mat\n", "      - offer: mat\n        by: [politi]\n"), "utf-8")
    result = runner.invoke(app, ["check", "-p", str(folder)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert "`provider: Ideell` er ikkje ein verdi hkh kjenner; meinte du `ngo`?" in lines[0]
    assert "`status: i drift` er ikkje ein verdi hkh kjenner; meinte du `active`?" in lines[1]
    fixed = runner.invoke(app, ["check", "--fix", "-p", str(folder)])
    assert fixed.exit_code == 0, fixed.output
    assert "    provider: ngo\n    status: active\n" in efforts.read_text("utf-8")
    assert "        by: [police]\n" in findings.read_text("utf-8")
    assert "skreiv `police` i staden for `politi`" in fixed.stderr


@pytest.mark.parametrize("language", ["nn", "en"])
def test_all_the_mistakes_at_once_are_listed_and_mended(language: str, tmp_path: Path) -> None:
    """A newcomer makes several at once: each file's first YAML mistake and every schema mistake are listed (one
    file at a time, as YAML stops at its first), and one `hkh check --fix` mends them all, round after round."""
    folder = copy("yes-in-norwegian", tmp_path, language)
    edits = {
        "efforts.yaml": [
            ('    organisation: "Kirkens Bymisjon"', '\torganisation: "Kirkens Bymisjon"'),
            ('    name: "Nattkafé"', '     name: "Nattkafé"'),
            ('"Mo-Th 20:00-24:00"', "man-fre 9-15"),
        ],
        "findings.yaml": [('statement: "Ingen stader å vere om natta."', "statement: Merk: ingen stader å vere om natta.")],
        "plan.yaml": [("  - id: A", "  - id: 2"), ("responsible:", "responsibel:")],
    }
    for name, pairs in edits.items():
        text = (folder / name).read_text("utf-8")
        for old, new in pairs:
            assert old in text, old
            text = text.replace(old, new)
        (folder / name).write_text(text, "utf-8")
    result = runner.invoke(app, ["check", "-p", str(folder)])
    assert result.exit_code == 1
    listed = {line.split(": ", 1)[0].rsplit("/", 1)[-1] for line in result.stderr.splitlines()}
    assert {"efforts.yaml:4", "findings.yaml:4", "plan.yaml:2", "plan.yaml:6"} <= listed, result.stderr
    fixed = runner.invoke(app, ["check", "--fix", "-p", str(folder)])
    assert fixed.exit_code == 0, fixed.output
    assert len(fixed.stderr.splitlines()) == 6, fixed.stderr  # one line per edit, nothing left to say
    assert [str(p) for p in check(folder).problems] == []
    assert '    opening_hours: "Mo-Fr 09:00-15:00"  # frå nettsida' in (folder / "efforts.yaml").read_text("utf-8")
