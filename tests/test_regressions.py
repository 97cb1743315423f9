"""The bugs of issue 10, each as users met it: one test per bug, run through the command line on real files."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from hkh.cli import app
from hkh.core.files import temp_name
from report_fixtures import SURVEY_ID, write_small_project

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
WIDE = {"COLUMNS": "250", "NO_COLOR": "1"}


def test_a_folder_left_by_a_killed_import_is_no_second_survey(tmp_path: Path) -> None:
    """Bug: two functions listed the imported surveys and only one skipped temporary folders, so `hkh survey`
    failed with "several surveys are imported" while `hkh check` said ok."""
    project = write_small_project(tmp_path / "p", "en")
    survey = project / "data" / "survey" / SURVEY_ID
    # what a killed import leaves: its half-built folder under a temporary name, a codebook already in it, made
    # by a process that no longer runs (the pid of this test's parent is alive, so take a pid that is not)
    leftover = survey.parent / temp_name(SURVEY_ID).replace(f"-{os.getpid()}-", "-999999999-")
    shutil.copytree(survey, leftover)
    checked = runner.invoke(app, ["check", "-p", str(project)])
    assert checked.exit_code == 0, checked.output
    assert "survey-not-registered" not in checked.output and leftover.name not in checked.output
    for command in (["survey"], ["survey", "--format", "json"], ["run"]):
        result = runner.invoke(app, [*command, "-p", str(project)], env=WIDE)
        assert result.exit_code == 0, (command, result.output)
        assert "several surveys" not in result.output
    tables = json.loads(runner.invoke(app, ["survey", "-p", str(project), "--format", "json"]).stdout)
    assert tables["source"] == SURVEY_ID


def test_a_finding_without_evidence_has_one_word_everywhere(tmp_path: Path) -> None:
    """Bug: such a finding was "uten belegg" in the terminal and "(ingen)" in the report (word tables collided)."""
    project = write_small_project(tmp_path / "p", "nb", survey=False)
    findings = project / "findings.yaml"
    findings.write_text(
        findings.read_text("utf-8")
        + "  - id: F3\n    mandate: M2\n    title: Ingen har sett det\n    statement: Ingen kilde sier dette ennå.\n",
        "utf-8",
    )
    terminal = runner.invoke(app, ["triangulate", "-p", str(project)], env=WIDE)
    assert terminal.exit_code == 0, terminal.output
    row = next(line for line in terminal.stdout.splitlines() if "Ingen har sett det" in line)
    assert "uten belegg" in row
    data = json.loads(runner.invoke(app, ["triangulate", "-p", str(project), "--format", "json"]).stdout)
    assert next(f for f in data["findings"] if f["id"] == "F3")["strength"] == "none"
    assert runner.invoke(app, ["report", "-p", str(project)]).exit_code == 0
    html = (project / "out" / "rapport.html").read_text("utf-8")
    matrix_row = html.split('data-finding="F3"')[1].split("</tr>")[0]
    assert "uten belegg" in matrix_row and "(ingen)" not in matrix_row
    finding = html.split("Ingen kilde sier dette ennå.")[1].split("</dl>")[0]
    assert "Uten belegg" in finding
    workbook = load_workbook(project / "out" / "triangulering.xlsx")
    rows = [[str(value) for value in row] for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)]
    about = [row for row in rows if "F3" in row]
    words = [value for row in about for value in row if "belegg" in value.casefold() and len(value.split()) <= 2]
    # the matrix, the evidence sheet's placeholder and the warning's label (not its sentence): one word
    assert len(words) == 3 and all("uten belegg" in word.casefold() for word in words), about
    assert not any("ingen)" in value or "intet" in value for row in about for value in row)


def test_survey_json_with_an_output_file_writes_the_file(tmp_path: Path) -> None:
    """Bug: `hkh survey --format json -o FILE` printed the JSON and ignored -o (triangulate and gaps honoured it)."""
    project = write_small_project(tmp_path / "p", "en")
    target = tmp_path / "elsewhere" / "tables.json"
    result = runner.invoke(app, ["survey", "-p", str(project), "--format", "json", "-o", str(target)])
    assert result.exit_code == 0, result.output
    written = json.loads(target.read_text("utf-8"))
    assert written["source"] == SURVEY_ID
    assert [q["question"] for q in written["questions"]][:2] == ["kjonn", "hjelp"]
    assert "{" not in result.stdout  # the data went to the file, not to the terminal
    assert not (target.parent / ".hkh-manifest.json").exists()


def test_an_output_outside_out_is_recorded_in_the_projects_manifest(tmp_path: Path) -> None:
    """Bug: `hkh plan -o /elsewhere/plan.xlsx` wrote a .hkh-manifest.json into the user's folder (each writer set
    up the output guard its own way)."""
    project = write_small_project(tmp_path / "p", "en", survey=False)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "plan.xlsx"
    result = runner.invoke(app, ["plan", "-p", str(project), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.is_file()
    assert sorted(path.name for path in elsewhere.iterdir()) == ["plan.xlsx"]
    manifest = json.loads((project / "out" / ".hkh-manifest.json").read_text("utf-8"))
    assert str(target.resolve()) in manifest["outputs"]
    # recorded as hkh's: a second run replaces it, a file the user changed is refused
    assert runner.invoke(app, ["plan", "-p", str(project), "-o", str(target)]).exit_code == 0
    target.write_bytes(target.read_bytes() + b"edited")
    refused = runner.invoke(app, ["plan", "-p", str(project), "-o", str(target)])
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert sorted(path.name for path in elsewhere.iterdir()) == ["plan.xlsx"]


def test_a_file_name_too_long_for_the_file_system_is_a_located_error(tmp_path: Path) -> None:
    """Bug: a `files:` entry longer than 255 bytes made `hkh check` and `hkh run` stop with an internal error."""
    project = write_small_project(tmp_path / "p", "nb", survey=False)
    sources = project / "sources.yaml"
    long_name = "data/stats/" + "tellinger-på-torget-" * 15 + ".csv"  # one name of 300 characters, 315 bytes
    sources.write_text(sources.read_text("utf-8").replace("data/stats/telling.csv", long_name), "utf-8")
    line = next(n for n, text in enumerate(sources.read_text("utf-8").splitlines(), 1) if "tellinger-på" in text)
    for command in ("check", "run"):
        result = runner.invoke(app, [command, "-p", str(project)])
        assert result.exit_code == 1, (command, result.output)
        errors = [text for text in result.stderr.splitlines() if ": feil:" in text]  # a bokmål project
        assert len(errors) == 1, result.stderr
        assert f"sources.yaml:{line}: feil:" in errors[0] and "255" in errors[0]
        assert "intern feil" not in result.stderr and "Traceback" not in result.output
    as_json = json.loads(runner.invoke(app, ["check", "-p", str(project), "--format", "json"]).stdout)
    assert [(p["file"].endswith("sources.yaml"), p["line"]) for p in as_json["problems"] if p["severity"] == "error"] == [
        (True, line)
    ]
    # the same in a process of its own, as a user runs it: exit 1, no crash log
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    process = subprocess.run([sys.executable, "-m", "hkh", "run", "-p", str(project)], capture_output=True, text=True, env=env)
    assert process.returncode == 1
    assert "hkh-crash" not in process.stderr
