"""`hkh survey` is short by default: one line per question (its base and its headline share), full tables with
`--all` or `--question NAME`; the workbook always has every table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hkh.cli import app
from hkh.survey.synthetic import export_tables, random_survey, write_xlsx
from report_fixtures import SURVEY_ID, write_small_project

runner = CliRunner()
WIDE = {"COLUMNS": "160", "NO_COLOR": "1"}


@pytest.fixture(scope="module")
def big_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A mapping with an imported survey of at least 150 questions (grids count one question per statement)."""
    root = tmp_path_factory.mktemp("big")
    project = write_small_project(root / "p", "nn", survey=False)
    export = write_xlsx(export_tables(random_survey(7, respondents=120, questions=125)), root / "export.xlsx")
    result = runner.invoke(app, ["import", str(export), "-p", str(project), "-s", SURVEY_ID])
    assert result.exit_code == 0, result.output
    return project


def question_count(project: Path) -> int:
    text = (project / "data" / "survey" / SURVEY_ID / "codebook.yaml").read_text("utf-8")
    return len(re.findall(r"^- name: ", text, re.MULTILINE))


def test_a_survey_of_150_questions_prints_at_most_200_lines(big_project: Path) -> None:
    questions = question_count(big_project)
    assert questions >= 150
    result = runner.invoke(app, ["survey", "-p", str(big_project)], env=WIDE)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) <= 200, len(lines)
    # one line per question, in codebook order, each with its base
    rows = [line for line in lines if re.match(r"^sporsmal_\d+", line.strip())]
    assert len(rows) == questions
    assert "Heile tabellane: `hkh survey --all`, eller `--question NAMN`" in result.stdout


def test_all_prints_every_table_and_question_one(big_project: Path) -> None:
    short = runner.invoke(app, ["survey", "-p", str(big_project)], env=WIDE)
    full = runner.invoke(app, ["survey", "--all", "-p", str(big_project)], env=WIDE)
    assert full.exit_code == 0
    assert len(full.output.splitlines()) > 5 * len(short.output.splitlines())
    one = runner.invoke(app, ["survey", "--question", "sporsmal_1", "-p", str(big_project)], env=WIDE)
    assert one.exit_code == 0
    assert one.stdout.count("sporsmal_1: ") == 1 and "sporsmal_2:" not in one.stdout
    wrong = runner.invoke(app, ["survey", "--question", "sporsmal_1000", "-p", str(big_project)], env=WIDE)
    assert wrong.exit_code == 2 and "har ikkje noko spørsmål `sporsmal_1000`" in wrong.stderr


def test_the_summary_line_is_the_most_common_answer(tmp_path: Path) -> None:
    """The small project's survey: 10 men of 14, so the line for kjonn names Mann with its share in words."""
    project = write_small_project(tmp_path / "p", "nb")
    result = runner.invoke(app, ["survey", "-p", str(project)], env=WIDE)
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if line.strip().startswith("kjonn"))
    assert re.search(r"kjonn +Kjønn +14 +Mann +71,4 % +omtrent sju av ti", row), row
    hidden = next(line for line in result.stdout.splitlines() if line.strip().startswith("fritekst"))
    assert "åpent tekstsvar" in hidden and "vises ikke" in hidden and "FRITEKST" not in result.stdout
    wrong = runner.invoke(app, ["survey", "--question", "kjnn", "-p", str(project)], env=WIDE)
    assert wrong.exit_code == 2 and "mente du `kjonn`?" in wrong.stderr
