"""`hkh status`: the steps, sources by method and counts, read from the terminal output."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from hkh.cli import app
from test_plan import make_project

runner = CliRunner()


def test_status_shows_steps_sources_and_counts(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    hkh_yaml = project / "hkh.yaml"
    hkh_yaml.write_text(
        hkh_yaml.read_text("utf-8")
        + "steps:\n  - id: request\n    state: done\n    end: 2020-01\n  - id: steering_group\n    state: in_progress\n",
        "utf-8",
    )
    result = runner.invoke(app, ["status", "-p", str(project)], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Nå: 2. Etablere styrings-/referansegruppe" in out
    assert "ferdig" in out and "pågår" in out and "ikke startet" in out
    survey_row = next(line for line in out.splitlines() if "Spørreundersøkelse" in line)
    assert "51" in survey_row
    assert "ikke brukt" in next(line for line in out.splitlines() if "Feltrapporter" in line)
    # F1 has two methods (triangulated), F2 one (one method)
    assert "triangulert 1" in out and "én metode 1" in out
    assert "Tiltak" in out and "3" in next(line for line in out.splitlines() if "│ Tiltak" in line)


def test_status_in_english(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    result = runner.invoke(app, ["status", "-p", str(project), "--language", "en"], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "Now at: 1. Clarify the request" in result.output
    assert "Findings no measure addresses" in result.output
