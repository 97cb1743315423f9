"""Every message in the mapping's language.

Three guarantees, each a test below:
- every word table entry has nb, nn and en (and the messages tables one entry per code);
- every code hkh's source raises, records or renders has its entry (read from the source with `ast`), and no error is
  raised with words in it instead of a code;
- every line hkh prints while running every command, on a sound and on a broken project, in each language, comes
  from that language's tables: the tables are swapped for copies whose every text is wrapped in a marker naming its
  language (`⟪nn|…⟫`), and each printed line must be one such span, with no marker of another language inside.
"""

from __future__ import annotations

import ast
import builtins
import pkgutil
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import hkh.i18n
import hkh.i18n.words
from hkh.cli import app
from hkh.core.errors import CODE
from hkh.i18n import LANGUAGES, has, namespace
from hkh.i18n.words import messages
from hkh.survey.synthetic import export_tables, write_xlsx
from report_fixtures import SURVEY_ID, synthetic_survey, write_small_project

SRC = Path(hkh.i18n.__file__).resolve().parents[1]
runner = CliRunner()


# ---------------------------------------------------------------------------------------------------- the tables


def namespaces() -> list[str]:
    return [info.name for info in pkgutil.iter_modules(hkh.i18n.words.__path__)]


@pytest.mark.parametrize("space", namespaces())
def test_every_entry_has_the_three_languages(space: str) -> None:
    for key, entry in namespace(space).items():
        assert set(entry) == set(LANGUAGES), f"{space}.{key}: {sorted(entry)}"
        assert all(isinstance(text, str) and text.strip() for text in entry.values()), f"{space}.{key}"
        fields = [set(re.findall(r"\{(\w+)[^}]*\}", text)) for text in entry.values()]
        assert fields[0] == fields[1] == fields[2], f"{space}.{key} takes different values in different languages"


def test_a_code_has_one_entry_in_one_part_of_the_messages_tables() -> None:
    seen: dict[str, int] = {}
    for index, part in enumerate(messages.PARTS):
        for key in part:
            assert key not in seen, f"{key} is in two parts of the messages tables"
            seen[key] = index
    for key in seen:
        assert CODE.match(re.sub(r"_(one|other)$", "", key)), f"{key} is not a code (lower-case words and hyphens)"


def test_nynorsk_is_nynorsk() -> None:
    """A cheap guard against bokmål left in the nynorsk column: words that nynorsk writes otherwise."""
    bokmaal = re.compile(r"\b(ikke|hva|hvem|hvor|bare|fra|hvis|hvilke|noen|noe|være|skrevet|kjør|mangler|finnes|ble|bruker|dere|deres)\b")
    for space in namespaces():
        for key, entry in namespace(space).items():
            found = bokmaal.search(entry["nn"])
            assert found is None, f"{space}.{key} (nn) has the bokmål word {found.group()!r}: {entry['nn']}"


# ---------------------------------------------------------------------------------------- codes in the source

# calls whose first string argument is a code of the messages tables (the rest are checked as full keys)
_CODE_CALLS = {"error", "warn", "cell_error", "PydanticCustomError"}
_BUILTIN_ERRORS = set(dir(builtins))
_KEY_CALLS = {"say", "Message", "t"}


def _calls() -> Iterator[tuple[Path, ast.Call, str]]:
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
                yield path, node, name


def _first_string(call: ast.Call, position: int = 0) -> ast.expr | None:
    return call.args[position] if len(call.args) > position else None


def _has_code(code: str) -> bool:
    return has(f"messages.{code}") or has(f"messages.{code}_one")


def test_every_code_raised_or_recorded_has_its_words() -> None:
    missing = []
    for path, call, name in _calls():
        if name.endswith("Error") and name not in _BUILTIN_ERRORS or name in _CODE_CALLS:
            argument = _first_string(call)
        elif name == "Problem":
            argument = _first_string(call, 1)
        else:
            continue
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str) and CODE.match(argument.value):
            if not _has_code(argument.value):
                missing.append(f"{path.relative_to(SRC)}:{call.lineno}: {argument.value}")
    assert missing == []


def test_no_error_is_raised_with_words_instead_of_a_code() -> None:
    """`raise HkhError(f"...")` or `HkhError(t(...))` would print one language whatever the mapping's: refused."""
    worded = []
    for path, call, name in _calls():
        if not (name.endswith("Error") and name not in _BUILTIN_ERRORS or name in {"Problem", "error", "warn"}):
            continue
        argument = _first_string(call, 1 if name == "Problem" else 0)
        if argument is None:
            continue
        if isinstance(argument, ast.JoinedStr) or isinstance(argument, ast.Call) and getattr(argument.func, "id", "") == "t":
            worded.append(f"{path.relative_to(SRC)}:{call.lineno}")
        elif isinstance(argument, ast.Constant) and isinstance(argument.value, str) and not CODE.match(argument.value):
            if " " in argument.value:
                worded.append(f"{path.relative_to(SRC)}:{call.lineno}: {argument.value[:50]}")
    assert worded == []


def test_the_models_refuse_with_codes() -> None:
    """A validator's `ValueError("…")` reaches the user as pydantic's English; the models raise codes instead."""
    worded = []
    for path in [SRC / "project" / "models.py", SRC / "survey" / "codebook.py"]:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                name = getattr(node.exc.func, "id", "")
                if name == "ValueError":
                    worded.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert worded == []


def test_every_key_said_has_its_words() -> None:
    missing = []
    for path, call, name in _calls():
        if name not in _KEY_CALLS:
            continue
        argument = _first_string(call)
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str) and "." in argument.value:
            if name == "t" and not re.match(r"^[a-z_]+\.[\w-]+$", argument.value):
                continue
            if not (has(argument.value) or has(f"{argument.value}_one")):
                missing.append(f"{path.relative_to(SRC)}:{call.lineno}: {argument.value}")
    assert missing == []


def test_every_worded_error_has_its_words() -> None:
    """`worded(Kind, "security.lock_folder", ...)` and `worded_problem(severity, code, "privacy.x", ...)`."""
    missing = []
    for path, call, name in _calls():
        position = {"worded": 1, "worded_problem": 2}.get(name)
        argument = _first_string(call, position) if position is not None else None
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str) and not has(argument.value):
            missing.append(f"{path.relative_to(SRC)}:{call.lineno}: {argument.value}")
    assert missing == []


def test_the_codes_made_from_parts_have_their_words() -> None:
    """Codes the source builds (`hours-doubt-<reason>`, `cli.progress_<stage>`, `kind-<what>`, `role-<key>`)."""
    from hkh.project.hours_text import REASONS

    for reason in REASONS:
        assert _has_code(f"hours-doubt-{reason.replace('_', '-')}"), reason
    for stage in ("workbook", "csv", "answers", "write"):
        assert has(f"cli.progress_{stage}"), stage
    for kind in ("mandate", "step", "source", "effort", "finding", "need", "goal", "measure"):
        assert _has_code(f"kind-{kind}"), kind
    for role in ("responsible", "involved"):
        assert _has_code(f"role-{role}"), role
    for severity in ("error", "warning"):
        assert has(f"cli.severity_{severity}")
    for action in ("added", "updated"):
        assert has(f"cli.registered_{action}")


# --------------------------------------------------------------------------------------- what is printed

MARK = re.compile(r"⟪(nb|nn|en)\||⟫")


@pytest.fixture
def marked(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every text of every table wrapped in `⟪language|…⟫` (the language of the column it came from)."""
    tables: dict[str, Any] = {}
    real = hkh.i18n.namespace

    def wrapped(name: str) -> Any:
        if name not in tables:
            tables[name] = {
                key: {language: f"⟪{language}|{text}⟫" for language, text in entry.items()}
                for key, entry in real(name).items()
            }
        return tables[name]

    monkeypatch.setattr(hkh.i18n, "namespace", wrapped)
    yield


def spans(line: str) -> list[tuple[str, str]]:
    """The outermost marked spans of a line, as (language, text); text outside any span is returned as ("", text)."""
    found: list[tuple[str, str]] = []
    depth, start, language, outside = 0, 0, "", 0
    for match in MARK.finditer(line):
        if match.group() == "⟫":
            depth -= 1
            if depth == 0:
                found.append((language, line[start : match.end()]))
                outside = match.end()
            continue
        if depth == 0:
            if line[outside : match.start()].strip():
                found.append(("", line[outside : match.start()]))
            start, language = match.start(), match.group(1)
        depth += 1
    if line[outside:].strip() and depth == 0:
        found.append(("", line[outside:]))
    return found


def assert_in_language(output: str, language: str, what: str) -> None:
    for line in output.splitlines():
        if not line.strip():
            continue
        pieces = spans(line.strip())
        assert len(pieces) == 1 and pieces[0][0] == language, f"{what}: a line not from the {language} tables: {line!r}"
        others = {found for found in re.findall(r"⟪(nb|nn|en)\|", line) if found != language}
        assert not others, f"{what}: {sorted(others)} words in a {language} line: {line!r}"


def _broken(root: Path, language: str) -> Path:
    """A project whose findings.yaml does not load and whose plan names an unknown party."""
    project = write_small_project(root, language, survey=False)
    findings = project / "findings.yaml"
    findings.write_text(findings.read_text("utf-8").replace("statement:", "statment:", 1), "utf-8")
    plan = project / "plan.yaml"
    plan.write_text(plan.read_text("utf-8").replace("responsible:", "responsibel:", 1), "utf-8")
    efforts = project / "efforts.yaml"
    efforts.write_text(efforts.read_text("utf-8").replace("Mo-Fr 09:00-14:00", "man-fre 9-14", 1), "utf-8")
    return project


def _crossed(root: Path, language: str) -> Path:
    """A project that loads but whose references do not meet (so `hkh run` stops at check)."""
    project = write_small_project(root, language, survey=False)
    findings = project / "findings.yaml"
    findings.write_text(findings.read_text("utf-8").replace("source: konsultasjon", "source: finnes-ikke"), "utf-8")
    # the vocabulary and efforts as services: a word the vocabulary spells with ø, one it lacks, a low-threshold
    # effort that needs a referral, one not over capacity that turns people away, school holidays in the hours
    mapping = project / "hkh.yaml"
    mapping.write_text(mapping.read_text("utf-8") + "vocabulary:\n  offers: [mat, oppsøkende]\n  areas: [Torget]\n", "utf-8")
    efforts = project / "efforts.yaml"
    text = efforts.read_text("utf-8").replace("offers: [oppsøkende]", "offers: [oppsokende, samtale]")
    text = text.replace("    low_threshold: true\n", "    low_threshold: ja\n    eligibility: {referral: ja}\n")
    text = text.replace("    over_capacity: true\n", "    over_capacity: nei\n    capacity: {turned_away_per_week: 3}\n")
    efforts.write_text(text.replace("Mo-Fr 09:00-14:00", "Mo-Fr 09:00-14:00; SH off"), "utf-8")
    return project


# (arguments, whether stdout is messages too: tables and documents are data and are not checked)
COMMANDS: list[tuple[list[str], bool]] = [
    (["check"], True),
    (["check", "--format", "json"], False),
    (["status"], False),
    (["survey"], False),
    (["survey", "--by", "finnes-ikke"], False),
    (["survey", "--min-cell", "2"], False),
    (["triangulate"], False),
    (["gaps"], False),
    (["gaps", "--period", "2021-06-01..2021-06-03"], False),
    (["gaps", "--as-of", "15.06.2021"], False),
    (["plan"], True),
    (["plan", "--format", "md"], True),
    (["report"], True),
    (["run"], True),
]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_command_speaks_the_mappings_language(marked: None, tmp_path: Path, language: str) -> None:
    sound = write_small_project(tmp_path / "sound", language)
    broken = _broken(tmp_path / "broken", language)
    crossed = _crossed(tmp_path / "crossed", language)
    for project in (sound, broken, crossed):
        for arguments, stdout_is_messages in COMMANDS:
            result = runner.invoke(app, [*arguments, "-p", str(project)])
            what = f"hkh {' '.join(arguments)} on {project.name}"
            assert result.exception is None or isinstance(result.exception, SystemExit), (what, result.exception)
            assert "crash" not in result.stderr, (what, result.stderr)
            assert_in_language(result.stderr, language, what)
            if stdout_is_messages:
                assert_in_language(result.stdout, language, what)
    # the spreadsheet round trips: the plan and the register of efforts out to a workbook and back
    plan_workbook = next(path for path in (sound / "out").glob("*.xlsx") if "plan" in path.name)
    for arguments in (["plan", "status"], ["plan", "import", str(plan_workbook)], ["efforts", "export"], ["efforts", "import"]):
        if arguments == ["efforts", "import"]:  # the workbook just exported, read back
            from hkh.i18n.words.efforts_sheet import WORDS as EFFORTS_WORDS

            stem = Path(EFFORTS_WORDS["file"][language]).stem
            exported = next((sound / "out").glob(f"*{stem}*"))
            shutil.copyfile(exported, tmp_path / "efforts.xlsx")  # its name holds the markers of this test
            arguments = [*arguments, str(tmp_path / "efforts.xlsx")]
        result = runner.invoke(app, [*arguments, "-p", str(sound)])
        what = f"hkh {' '.join(arguments[:2])}"
        assert result.exit_code == 0, (what, result.output)
        assert_in_language(result.stderr, language, what)
        if arguments[:2] != ["plan", "status"]:
            assert_in_language(result.stdout, language, what)
    fixed = runner.invoke(app, ["check", "--fix", "-p", str(broken)])
    assert_in_language(fixed.stderr, language, "hkh check --fix")
    assert_in_language(fixed.stdout, language, "hkh check --fix")
    assert "⟪" in fixed.stderr  # it did mend something (the opening hours) and said so
    # what the calendar cannot apply (school holidays) is said in the mapping's language too
    efforts = sound / "efforts.yaml"
    efforts.write_text(efforts.read_text("utf-8").replace("Mo-Fr 09:00-14:00", "Mo-Fr 09:00-14:00; SH off"), "utf-8")
    gaps = runner.invoke(app, ["gaps", "-p", str(sound)], env={"COLUMNS": "400"})
    assert gaps.exit_code == 0, gaps.output
    notes = [line for line in gaps.stdout.splitlines() if "SH off" in line]
    assert notes, gaps.stdout
    assert_in_language("\n".join(notes), language, "hkh gaps: a note on the calendar")


@pytest.mark.parametrize("language", LANGUAGES)
def test_import_and_init_speak_the_chosen_language(marked: None, tmp_path: Path, language: str) -> None:
    created = runner.invoke(app, ["init", str(tmp_path / "new"), "--language", language])
    assert created.exit_code == 0, created.output
    assert_in_language(created.stdout + created.stderr, language, "hkh init")
    again = runner.invoke(app, ["init", str(tmp_path / "new"), "--language", language])
    assert again.exit_code == 2
    assert_in_language(again.stderr, language, "hkh init again")
    project = write_small_project(tmp_path / "p", language, survey=False)
    export = write_xlsx(export_tables(synthetic_survey()), tmp_path / "export.xlsx")
    imported = runner.invoke(app, ["import", str(export), "-p", str(project), "-s", SURVEY_ID])
    assert imported.exit_code == 0, imported.output
    assert_in_language(imported.stdout + imported.stderr, language, "hkh import")
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not really a workbook")
    refused = runner.invoke(app, ["import", str(damaged), "-p", str(project)])
    assert refused.exit_code == 2
    assert_in_language(refused.stderr, language, "hkh import of a damaged file")


def test_english_outside_a_project_and_language_overrides(marked: None, tmp_path: Path) -> None:
    outside = runner.invoke(app, ["check", "-p", str(tmp_path)])
    assert outside.exit_code == 2
    assert_in_language(outside.stderr, "en", "hkh check outside a project")
    project = write_small_project(tmp_path / "p", "nn", survey=False)
    shutil.rmtree(project / "data", ignore_errors=True)
    result = runner.invoke(app, ["survey", "-p", str(project), "--language", "nb"])
    assert result.exit_code == 2
    assert_in_language(result.stderr, "nb", "hkh survey --language nb in an nn project")


def test_the_line_check_catches_foreign_words() -> None:
    assert_in_language("⟪nn|/a/b.yaml:3: ⟪nn|feil⟫: ⟪nn|kva⟫⟫\n\n", "nn", "a good line")
    for bad in ("plain words", "⟪nn|ok⟫ and more", "⟪nn|a ⟪en|b⟫⟫", "⟪nb|ok⟫", "⟪nn|one⟫ ⟪nn|two⟫"):
        with pytest.raises(AssertionError):
            assert_in_language(bad, "nn", "a bad line")
