"""`hkh run`: every step in order on a copy of the example, stopping at the first failure, listing what it wrote."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from hkh.cli import app
from report_fixtures import ExampleRun, listed_by_folder, write_small_project

runner = CliRunner()


def test_run_on_the_example_writes_every_file_it_lists(example_run: ExampleRun) -> None:
    assert example_run.exit_code == 0, example_run.output
    assert example_run.listed, example_run.output
    # the outputs, as hkh's manifest records them; files written with -o outside out/ by other tests of this example
    # are recorded by their absolute path
    manifest = json.loads((example_run.project / "out" / ".hkh-manifest.json").read_text("utf-8"))
    written = sorted((example_run.project / "out" / key).resolve() for key in manifest["outputs"] if not Path(key).is_absolute())
    for path in written:
        assert path.is_file() and path.stat().st_size > 0, path
    # one line per folder, with its count, and the names where there are few: exactly what was written
    by_folder: dict[Path, list[str]] = {}
    for path in written:
        by_folder.setdefault(path.parent, []).append(path.name)
    listed = {folder.resolve(): entry for folder, entry in example_run.listed.items()}
    assert sorted(listed) == sorted(by_folder)
    for folder, (count, names) in listed.items():
        assert count == len(by_folder[folder]), folder
        assert names is None or sorted(names) == sorted(by_folder[folder])
    assert len(listed) <= 3, "a run's list is a few lines, not a line per file"
    names = {path.name for path in written}
    # one output of every step, in the step order the progress lines show
    assert {"sporreundersokelse.xlsx", "triangulering.xlsx", "gap-analyse.xlsx", "ukekart.png",
            "handlingsplan.xlsx", "rapport.html"} <= names
    assert any(name.startswith("sporreundersokelse-2020-") and name.endswith(".png") for name in names)
    steps = [line.split(":")[0][2:] for line in example_run.output.splitlines() if line[:2] in ("✓ ", "– ")]
    assert steps == ["check", "survey", "triangulate", "gaps", "plan", "report"]


def test_run_without_a_survey_skips_that_step(tmp_path: Path) -> None:
    project = write_small_project(tmp_path / "p", "en", survey=False)
    result = runner.invoke(app, ["run", "-p", str(project)])
    assert result.exit_code == 0, result.output
    assert "– survey: skipped (no survey imported)" in result.output
    assert "Files written (6), by folder:" in result.stdout
    listed = listed_by_folder(result.stdout)
    out = project / "out"
    assert listed[out] == (5, ["triangulation.xlsx", "gap-analysis.xlsx", "action-plan.xlsx", "report.html", "report.docx"])
    (charts, (count, heatmap)) = [(folder, entry) for folder, entry in listed.items() if folder != out][0]
    assert count == 1 and heatmap is not None and heatmap[0].endswith(".png")  # the week heatmap
    for folder, (_count, names) in listed.items():
        assert all((folder / name).is_file() for name in names or [])


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
