"""`hkh run`: every step in order on a copy of the example, stopping at the first failure, listing what it wrote."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from hkh.cli import app
from report_fixtures import ExampleRun, write_small_project

runner = CliRunner()


def test_run_on_the_example_writes_every_file_it_lists(example_run: ExampleRun) -> None:
    assert example_run.exit_code == 0, example_run.output
    listed = example_run.listed
    assert listed, example_run.output
    for path in listed:
        assert path.is_file(), f"listed but missing: {path}"
        assert path.stat().st_size > 0
    names = {path.name for path in listed}
    # one output of every step, in the step order the progress lines show
    assert {"sporreundersokelse.xlsx", "triangulering.xlsx", "gap-analyse.xlsx", "ukekart.png",
            "handlingsplan.xlsx", "rapport.html"} <= names
    assert any(name.startswith("sporreundersokelse-2020-") and name.endswith(".png") for name in names)
    steps = [line.split(":")[0][2:] for line in example_run.output.splitlines() if line[:2] in ("✓ ", "– ")]
    assert steps == ["check", "survey", "triangulate", "gaps", "plan", "report"]
    # and nothing was written that the list leaves out
    manifest = json.loads((example_run.project / "out" / ".hkh-manifest.json").read_text("utf-8"))
    # files written with -o outside out/ by other tests of this example are recorded by their absolute path
    written = {(example_run.project / "out" / key).resolve() for key in manifest["outputs"] if not Path(key).is_absolute()}
    assert written == {path.resolve() for path in listed}


def test_run_without_a_survey_skips_that_step(tmp_path: Path) -> None:
    project = write_small_project(tmp_path / "p", "en", survey=False)
    result = runner.invoke(app, ["run", "-p", str(project)])
    assert result.exit_code == 0, result.output
    assert "– survey: skipped (no survey imported)" in result.output
    listed = [Path(line.strip()) for line in result.stdout.split("Files written:")[1].splitlines() if line.strip()]
    names = [path.name for path in listed]
    assert names[0] == "triangulation.xlsx" and names[1] == "gap-analysis.xlsx"
    assert names[2].endswith(".png")  # the week heatmap
    assert names[3:] == ["action-plan.xlsx", "report.html", "report.docx"]
    for path in listed:
        assert path.is_file()


def test_run_stops_at_check_errors_before_writing_anything(tmp_path: Path) -> None:
    project = write_small_project(tmp_path / "p", "nb", survey=False)
    findings = project / "findings.yaml"
    findings.write_text(findings.read_text("utf-8").replace("source: konsultasjon", "source: finnes-ikke"), "utf-8")
    result = runner.invoke(app, ["run", "-p", str(project)])
    assert result.exit_code == 1
    assert "finnes-ikke" in result.stderr
    assert "findings.yaml:" in result.stderr
    assert "stoppet ved check" in result.stderr  # the project is in bokmål
    assert not (project / "out").exists()


def test_run_stops_at_the_first_failing_step_with_one_error_line(tmp_path: Path) -> None:
    project = write_small_project(tmp_path / "p", "nb", survey=False)
    # a plan workbook the team saved over hkh's: the plan step must refuse it, and the report must not be written
    first = runner.invoke(app, ["run", "-p", str(project)])
    assert first.exit_code == 0, first.output
    plan = project / "out" / "handlingsplan.xlsx"
    plan.write_bytes(plan.read_bytes() + b"edited")
    report = project / "out" / "rapport.html"
    report.unlink()
    result = runner.invoke(app, ["run", "-p", str(project)])
    assert result.exit_code == 2
    # progress goes to stderr too, one line per step; the error is one line of its own
    error_lines = [line for line in result.stderr.splitlines() if line.strip() and line[:2] not in ("✓ ", "– ", "✗ ")]
    assert len(error_lines) == 1
    assert "handlingsplan.xlsx" in error_lines[0] and "--force" in error_lines[0]
    assert "✗ plan: stoppet" in result.stderr
    assert "Traceback" not in result.output
    assert not report.exists()
    forced = runner.invoke(app, ["run", "-p", str(project), "--force"])
    assert forced.exit_code == 0, forced.output
    assert report.is_file()


def test_run_quiet_prints_nothing(tmp_path: Path) -> None:
    project = write_small_project(tmp_path / "p", "nn", survey=False)
    result = runner.invoke(app, ["--quiet", "run", "-p", str(project)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert (project / "out" / "rapport.html").is_file()
