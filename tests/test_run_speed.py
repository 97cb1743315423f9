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


def test_a_run_after_editing_the_plan_redoes_only_what_reads_it_and_reads_no_survey(example: Path) -> None:
    first = run(example)
    assert first.exit_code == 0, first.output
    cache = example / "out" / CACHE_DIR
    figures = {path.name: path.read_bytes() for path in cache.iterdir()}
    # every figure once: each PNG of out/figurer/ (and of the Word report), each SVG of the HTML report
    pngs = [path for path in (example / "out").rglob("*.png") if CACHE_DIR.parts[0] not in path.parts]
    assert {path.read_bytes() for path in pngs} <= set(figures.values())
    svgs = [data for data in figures.values() if data.startswith(b"<svg")]
    html = (example / "out" / "rapport.html").read_text("utf-8")
    assert len(svgs) == html.count("<svg ") and all(data.decode("utf-8") in html for data in svgs)
    before = outputs(example)
    with (example / "plan.yaml").open("a", encoding="utf-8") as plan:
        plan.write("# a comment, as a team member might add one\n")
    # a new process, as a user would run it: the figures and the survey tables come from the disk, so neither
    # matplotlib nor pandas is imported
    script = (
        "import sys\nfrom hkh.cli import main\nsys.argv = ['hkh', 'run', '-p', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
        "print(sorted({m for m in ('matplotlib', 'pandas') if m in sys.modules}), file=sys.stderr)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    again = subprocess.run([sys.executable, "-c", script, str(example)], capture_output=True, text=True, env=env)
    assert again.returncode == 0, again.stderr
    assert again.stderr.rstrip().endswith("[]")  # neither matplotlib nor pandas was imported
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
    assert len(after - before) == 2 and len(before - after) == 2  # the heatmap as PNG and SVG, and only it
    assert heatmap.read_bytes() != old_heatmap
    assert heatmap.read_bytes() in {(cache / name).read_bytes() for name in after - before}


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


# ------------------------------------------------------------------------------------- what is kept between runs


def test_kept_survey_tables_read_back_exactly(example: Path) -> None:
    from hkh.project.load import load_project
    from hkh.survey.kept_tables import tables_from_text, tables_to_text
    from hkh.survey.tables import build_survey_tables

    project = load_project(example)
    for language, by in (("nb", None), ("en", "alder")):  # kjonn is refused on the example (a count of 1 it would expose)
        tables = build_survey_tables(project, None, by=by, language=language)
        text = tables_to_text(tables, "key-1")
        assert tables_from_text(text, "key-1") == tables
        assert tables_from_text(text, "key-2") is None  # other survey files or settings
    damaged = [text[: len(text) // 2], text.replace('"count": ', '"count": "', 1), "[]", "null", "{}", "\ufeff"]
    assert all(tables_from_text(bad, "key-1") is None for bad in damaged)
    flipped = json.loads(text)
    flipped["tables"]["questions"][0]["options"][0]["suppressed"] = 0  # 0 is no mark
    assert tables_from_text(json.dumps(flipped), "key-1") is None


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("hkh.yaml", "min_cell: 5", "min_cell: 6"),  # the survey tables change: kept tables must not be used
        ("hkh.yaml", "language: en", "language: nb"),  # every word and file name changes
        ("plan.yaml", "timing: 2022", "timing: 2023"),
        ("efforts.yaml", "Mo-Fr 09:00-14:00", "Mo-Fr 09:00-16:00"),  # the heatmap changes
        ("findings.yaml", "option: Helse", "option: Bolig"),  # another figure cited
    ],
)
def test_a_run_after_an_edit_writes_what_a_first_run_writes(
    tmp_path: Path, file: str, old: str, new: str
) -> None:
    """Whatever is kept between runs (figures, survey tables, unchanged steps), the outputs after an edit are
    those of a first run on the edited project."""
    project = write_small_project(tmp_path / "p", "en")
    assert run(project).exit_code == 0
    _edit(project / file, old, new)
    again = run(project)
    assert again.exit_code == 0, again.output
    fresh = tmp_path / "fresh"
    shutil.copytree(project, fresh, ignore=shutil.ignore_patterns("out", ".hkh-*"))
    FIGURES.__init__()  # type: ignore[misc]  # nothing remembered from the runs before
    first = run(fresh)
    assert first.exit_code == 0, first.output
    expected, got = outputs(fresh), outputs(project)
    # (after a change of language the files of the old one stay, under their names: hkh deletes nothing)
    assert {name: got.get(name) for name in expected} == expected


def test_the_benchmarks_baseline_imports_every_runtime_library() -> None:
    """`hkh run` is measured against importing every library hkh needs at run time: pyproject's dependencies."""
    import re
    import tomllib

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run import RUNTIME_LIBRARIES

    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    names = {re.split(r"[<>=;\[ ]", dependency, maxsplit=1)[0].lower() for dependency in dependencies}
    imported_as = {
        "typer": "typer", "rich": "rich", "pydantic": "pydantic", "ruamel.yaml": "ruamel.yaml",
        "ruamel.yaml.clib": "ruamel.yaml", "opening-hours-py": "opening_hours", "pandas": "pandas",
        "openpyxl": "openpyxl", "python-calamine": "python_calamine", "matplotlib": "matplotlib.pyplot",
        "jinja2": "jinja2", "python-docx": "docx", "scipy": "scipy.optimize", "markdown-it-py": "markdown_it",
    }
    assert names <= set(imported_as), f"a new dependency: add it to RUNTIME_LIBRARIES and here: {names - set(imported_as)}"
    assert {imported_as[name] for name in names} <= set(RUNTIME_LIBRARIES)
    assert set(RUNTIME_LIBRARIES) - {imported_as[name] for name in names} <= {"numpy"}  # pandas' own, which hkh uses


def test_a_worker_that_dies_leaves_its_work_to_the_main_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed outright (out of memory, say) while it draws, the worker is not waited for: the run does its work and
    writes what a run without it writes."""
    import hkh.outputs.charts.heatmap as heatmap

    single = write_small_project(tmp_path / "single", "en")
    FIGURES.__init__()  # type: ignore[misc]
    assert run(single, workers=1, monkeypatch=monkeypatch).exit_code == 0
    project = write_small_project(tmp_path / "p", "en")
    FIGURES.__init__()  # type: ignore[misc]
    main_process, draw, died = os.getpid(), heatmap._draw, tmp_path / "the worker died"

    def dies_in_the_worker(*args: object) -> bytes:
        if os.getpid() != main_process:
            died.touch()
            os._exit(9)
        return draw(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(heatmap, "_draw", dies_in_the_worker)
    result = run(project, workers=2, monkeypatch=monkeypatch)
    assert result.exit_code == 0, result.output
    assert outputs(project) == outputs(single)
    if (os.cpu_count() or 1) > 1:
        assert died.exists()


def test_a_change_to_hkh_s_own_code_makes_a_run_redo_its_steps() -> None:
    """Outputs and kept survey tables are keyed on hkh's code, not only its version number: an edited hkh (an
    editable install, a fix not yet released) must not reuse what older code made."""
    import os

    import hkh
    from hkh.pipeline import code_fingerprint

    source = Path(hkh.__file__).parent / "survey" / "tables.py"
    before = source.stat()
    first = code_fingerprint()
    try:
        os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
        assert code_fingerprint() != first
    finally:
        os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert code_fingerprint() == first
