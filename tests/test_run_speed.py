"""`hkh run` does each thing once: figures drawn once and kept, steps redone only when their inputs change, the
worker process drawing the same bytes as one process would, and its failures met where the steps meet them."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hkh.cli import app
from hkh.core.errors import HkhError
from hkh.core.worker import Worker, WorkerTraceback
from hkh.outputs.charts.cache import CACHE_DIR, FIGURES
from report_fixtures import EXAMPLE, write_small_project

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]


def run(project: Path, *args: str, workers: int | None = None, monkeypatch: pytest.MonkeyPatch | None = None):
    if monkeypatch is not None and workers is not None:
        monkeypatch.setenv("HKH_WORKERS", str(workers))
    return runner.invoke(app, ["run", "-p", str(project), *args])


def contents(path: Path) -> dict[str, bytes]:
    """What an output holds: a workbook's or document's parts but their timestamps, any other file's bytes."""
    if path.suffix not in {".xlsx", ".docx"}:
        return {"": path.read_bytes()}
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist() if name != "docProps/core.xml"}


def outputs(project: Path) -> dict[str, dict[str, bytes]]:
    out = project / "out"
    return {
        path.relative_to(out).as_posix(): contents(path)
        for path in sorted(out.rglob("*"))
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(out).parts)
    }


def steps_of(output: str) -> dict[str, str]:
    return {line[2:].split(":")[0]: line.split(": ", 1)[1] for line in output.splitlines() if line[:2] in ("✓ ", "– ")}


# ------------------------------------------------------------------------------------------------ the worker


def test_a_worker_sends_its_results_in_order_and_the_same_as_without_it() -> None:
    def work():
        for number in range(5):
            yield {"n": number, "pid": os.getpid()}

    with Worker(work, fork=True) as forked:
        got = list(forked.results())
    assert [item["n"] for item in got] == [0, 1, 2, 3, 4]
    assert {item["pid"] for item in got} != {os.getpid()}
    with Worker(work, fork=False) as inline:
        assert [item["n"] for item in inline.results()] == [0, 1, 2, 3, 4]


def test_an_error_in_the_worker_is_raised_after_what_it_sent_with_its_traceback() -> None:
    def work():
        yield 1
        raise HkhError("the survey is broken", path="data/survey/x/responses.csv", line=3)

    for fork in (True, False):
        received = []
        with Worker(work, fork=fork) as worker, pytest.raises(HkhError) as caught:
            for item in worker.results():
                received.append(item)
        assert received == [1]
        assert str(caught.value) == "data/survey/x/responses.csv:3: the survey is broken"
        if fork:
            assert isinstance(caught.value.__cause__, WorkerTraceback)
            assert "the survey is broken" in str(caught.value.__cause__)


def test_a_worker_killed_midway_ends_its_results_and_leaves_no_process() -> None:
    def work():
        yield os.getpid()
        time.sleep(60)
        yield "never"

    with Worker(work, fork=True) as worker:
        results = worker.results()
        child = next(results)
        os.kill(child, signal.SIGKILL)
        with pytest.raises(RuntimeError, match="worker process ended"):
            next(results)
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # reaped: not a zombie


def test_a_worker_the_parent_stops_waiting_for_is_ended() -> None:
    def work():
        yield os.getpid()
        time.sleep(60)
        yield "never"

    started = time.monotonic()
    with Worker(work, fork=True) as worker:
        child = next(worker.results())
    assert time.monotonic() - started < 30
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)


# ------------------------------------------------------------------------------------------------- the run


@pytest.fixture()
def example(tmp_path: Path) -> Path:
    copy = tmp_path / "example"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns("out"))
    return copy


def test_two_processes_write_what_one_writes(example: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    single = tmp_path / "single"
    shutil.copytree(example, single)
    FIGURES.__init__()  # type: ignore[misc]  # nothing drawn before: each run draws its own figures
    first = run(single, workers=1, monkeypatch=monkeypatch)
    assert first.exit_code == 0, first.output
    FIGURES.__init__()  # type: ignore[misc]
    second = run(example, workers=2, monkeypatch=monkeypatch)
    assert second.exit_code == 0, second.output
    assert outputs(single) == outputs(example)
    assert first.stdout.replace(str(single), "P") == second.stdout.replace(str(example), "P")


def test_a_run_after_editing_the_plan_redoes_only_what_reads_it_and_draws_no_figure(example: Path) -> None:
    first = run(example)
    assert first.exit_code == 0, first.output
    cache = example / "out" / CACHE_DIR
    figures = {path.name: path.read_bytes() for path in cache.iterdir()}
    # the survey charts, the heatmap and the statistics charts: each once
    pngs = [path for path in (example / "out").rglob("*.png") if CACHE_DIR.parts[0] not in path.parts]
    assert len(figures) == len(pngs) + 3
    before = outputs(example)
    with (example / "plan.yaml").open("a", encoding="utf-8") as plan:
        plan.write("# a comment, as a team member might add one\n")
    # a new process, as a user would run it: the figures must come from the disk, and matplotlib is never imported
    script = (
        "import sys\nfrom hkh.cli import main\nsys.argv = ['hkh', 'run', '-p', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
        "print('MATPLOTLIB' if 'matplotlib' in sys.modules else 'NO MATPLOTLIB', file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    again = subprocess.run([sys.executable, "-c", script, str(example)], capture_output=True, text=True, env=env)
    assert again.returncode == 0, again.stderr
    assert "NO MATPLOTLIB" in again.stderr
    steps = steps_of(again.stderr)
    assert steps["survey"] == "uendret"
    assert all(steps[name] != "uendret" for name in ("triangulate", "gaps", "plan", "report"))
    assert outputs(example) == before  # a comment changes no output
    assert {path.name: path.read_bytes() for path in cache.iterdir()} == figures


def test_a_figure_whose_data_changed_is_drawn_again_and_the_old_one_removed(example: Path) -> None:
    assert run(example).exit_code == 0
    cache = example / "out" / CACHE_DIR
    before = {path.name for path in cache.iterdir()}
    efforts = example / "efforts.yaml"
    text = efforts.read_text("utf-8")
    assert "Mo-Fr 09:00-15:00" in text
    efforts.write_text(text.replace("Mo-Fr 09:00-15:00", "Mo-Fr 09:00-16:00", 1), "utf-8")
    heatmap = example / "out" / "figurer" / "ukekart.png"
    old_heatmap = heatmap.read_bytes()
    result = run(example)
    assert result.exit_code == 0, result.output
    after = {path.name for path in cache.iterdir()}
    assert len(after - before) == 1 and len(before - after) == 1  # the heatmap, and only it
    assert heatmap.read_bytes() != old_heatmap
    assert (cache / next(iter(after - before))).read_bytes() == heatmap.read_bytes()


def test_a_damaged_figure_in_the_cache_is_drawn_again(example: Path) -> None:
    assert run(example).exit_code == 0
    heatmap = example / "out" / "figurer" / "ukekart.png"
    drawn = heatmap.read_bytes()
    cache = example / "out" / CACHE_DIR
    for path in cache.iterdir():
        path.write_bytes(path.read_bytes()[:100])  # cut short, as a power cut could leave it
    FIGURES.__init__()  # type: ignore[misc]  # this process must not remember them either
    heatmap.unlink()
    result = run(example)
    assert result.exit_code == 0, result.output
    assert heatmap.read_bytes() == drawn


@pytest.mark.parametrize("workers", [1, 2])
def test_a_step_that_fails_in_the_worker_fails_in_its_turn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    project = write_small_project(tmp_path / "p", "en", survey=False)
    import hkh.outputs.workbooks.gaps as gaps_workbook

    def broken(*_args: object, **_kwargs: object) -> bytes:
        raise HkhError("the gaps workbook cannot be drawn", path="efforts.yaml", line=7)

    monkeypatch.setattr(gaps_workbook, "workbook_bytes", broken)
    result = run(project, workers=workers, monkeypatch=monkeypatch)
    assert result.exit_code == 2
    assert "efforts.yaml:7: the gaps workbook cannot be drawn" in result.stderr
    assert "✗ gaps:" in result.stderr
    out = project / "out"
    assert (out / "triangulation.xlsx").is_file()  # the step before it is written
    assert not (out / "gap-analysis.xlsx").exists() and not (out / "action-plan.xlsx").exists()
    manifest = json.loads((out / ".hkh-manifest.json").read_text("utf-8"))
    assert set(manifest["steps"]) == {"triangulate"}
