"""Never lose or corrupt a user's work: atomic writes, edited outputs, the project lock, interrupted commands.

Interruptions are real: a child process is killed (SIGKILL, SIGTERM, SIGINT) while it is writing, and the folder is
compared byte for byte with what it held before.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from hkh.cli import app
from hkh.core.errors import OverwriteRefusedError, ProjectLockedError, WriteFailedError
from hkh.core.files import atomic_directory, atomic_path, clean_stale_temporaries, is_temporary, write_text_atomic
from hkh.core.guard import MANIFEST_NAME, OutputGuard
from hkh.core.lock import LOCK_NAME, project_lock

runner = CliRunner()

FINDINGS = """\
findings:
  - id: F1
    statement: Mange opplever området som utrygt etter midnatt
    evidence:
      - source: s1
"""
SOURCES = """\
sources:
  - id: s1
    method: survey
    title: Undersøkelse
  - id: intervju-tjenester
    method: service_interview
    title: Intervju med tjenestene
"""
PLAN = """\
goals:
  - text: Tryggere nattestid
    measures:
      - text: Tilstedeværelse etter midnatt
        responsible: Politiet
        timing: Fra juni
        addresses: [F1]
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its bytes, hidden ones included, so nothing can change unseen."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    root = tmp_path / "kartlegging"
    result = runner.invoke(app, ["init", str(root), "--title", "Testkartlegging"])
    assert result.exit_code == 0, result.output
    (root / "sources.yaml").write_text(SOURCES, "utf-8")
    (root / "findings.yaml").write_text(FINDINGS, "utf-8")
    (root / "plan.yaml").write_text(PLAN, "utf-8")
    return root


def interruptible() -> None:
    """Ctrl-C (SIGINT) reaches the child however the tests were started: a shell starts background jobs with SIGINT
    ignored, which a child inherits, and Python then never raises KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def python_child(code: str, *, cwd: Path | None = None) -> subprocess.Popen[str]:
    """A child Python process that prints `ready` when it has reached the point where it should be interrupted."""
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        preexec_fn=interruptible,
    )


def wait_ready(child: subprocess.Popen[str]) -> None:
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.strip() == "ready", f"child did not get ready: {line!r} {child.stderr.read() if child.stderr else ''}"


def dead_pid() -> int:
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(finished.stdout)


# ------------------------------------------------------------------------------------------------ atomic writes


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "tabell.csv"
    target.write_text("old", "utf-8")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as temp:
            temp.write_text("half of the new", "utf-8")
            raise RuntimeError("boom")
    assert target.read_text("utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["tabell.csv"]


def test_a_refused_rename_is_a_clear_error_and_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows a workbook open in Excel cannot be replaced; the user gets one line, not a traceback."""
    target = tmp_path / "handlingsplan.xlsx"
    target.write_bytes(b"old workbook")

    def refuse(source: str, destination: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(source), str(destination))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(WriteFailedError) as raised:
        write_text_atomic(target, "new")
    assert "open in another program" in str(raised.value) and str(target) in str(raised.value)
    monkeypatch.undo()
    assert target.read_bytes() == b"old workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["handlingsplan.xlsx"]


def test_a_killed_writer_leaves_the_old_file_and_the_next_write_removes_its_leftover(tmp_path: Path) -> None:
    target = tmp_path / "sources.yaml"
    target.write_text("sources: []\n", "utf-8")
    child = python_child(
        f"""
        import time
        from pathlib import Path
        from hkh.core.files import atomic_path
        with atomic_path(Path({str(target)!r})) as temp:
            temp.write_text("sources:\\n  - id: half", "utf-8")
            print("ready", flush=True)
            time.sleep(60)
        """
    )
    wait_ready(child)
    child.kill()
    child.wait()
    assert target.read_text("utf-8") == "sources: []\n"
    leftovers = [p for p in tmp_path.iterdir() if p.name != "sources.yaml"]
    assert len(leftovers) == 1 and is_temporary(leftovers[0]) and leftovers[0].name.startswith(".")
    write_text_atomic(tmp_path / "other.yaml", "x: 1\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.yaml", "sources.yaml"]


def test_a_live_writers_temporary_is_not_removed(tmp_path: Path) -> None:
    with atomic_path(tmp_path / "a.csv") as temp:
        temp.write_text("a", "utf-8")
        assert clean_stale_temporaries(tmp_path) == []
        assert temp.exists()
    assert (tmp_path / "a.csv").read_text("utf-8") == "a"


def test_a_folder_is_replaced_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "survey" / "s1"
    with atomic_directory(target) as staged:
        (staged / "responses.csv").write_text("a\n1\n", "utf-8")
        (staged / "codebook.yaml").write_text("source: s1\n", "utf-8")
    assert sorted(p.name for p in target.iterdir()) == ["codebook.yaml", "responses.csv"]
    with pytest.raises(KeyboardInterrupt):
        with atomic_directory(target) as staged:
            (staged / "responses.csv").write_text("a\n2\n", "utf-8")
            raise KeyboardInterrupt
    assert (target / "responses.csv").read_text("utf-8") == "a\n1\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["s1"]
    with atomic_directory(target) as staged:
        (staged / "responses.csv").write_text("a\n3\n", "utf-8")
    assert sorted(p.name for p in target.iterdir()) == ["responses.csv"]
    assert sorted(p.name for p in target.parent.iterdir()) == ["s1"]


def test_a_folder_swap_cut_short_is_put_back(tmp_path: Path) -> None:
    """Killed between moving the old import aside and moving the new one in: the old import comes back."""
    survey = tmp_path / "survey"
    survey.mkdir()
    host_tag = __import__("hkh.core.files", fromlist=["_HOST_TAG"])._HOST_TAG
    aside = survey / f".s1.{host_tag}-{dead_pid()}-abcd.old.tmp"
    aside.mkdir()
    (aside / "responses.csv").write_text("kept\n", "utf-8")
    half_new = survey / f".s1.{host_tag}-{dead_pid()}-ef01.tmp"
    half_new.mkdir()
    (half_new / "responses.csv").write_text("half\n", "utf-8")
    clean_stale_temporaries(survey)
    assert sorted(p.name for p in survey.iterdir()) == ["s1"]
    assert (survey / "s1" / "responses.csv").read_text("utf-8") == "kept\n"


# --------------------------------------------------------------------------------------------- edited outputs


def test_several_guards_on_one_folder_keep_each_others_records(tmp_path: Path) -> None:
    """`hkh run` writes through one guard per step; a later guard must not forget the earlier files."""
    out = tmp_path / "out"
    first = OutputGuard(tmp_path)
    second = OutputGuard(tmp_path)
    first.write_text(out / "survey.xlsx", "a")
    second.write_text(out / "plan.xlsx", "b")
    manifest = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    assert sorted(manifest["outputs"]) == ["plan.xlsx", "survey.xlsx"]
    OutputGuard(tmp_path).write_text(out / "survey.xlsx", "a2")
    assert (out / "survey.xlsx").read_text("utf-8") == "a2"


def test_a_file_hkh_did_not_write_is_not_replaced(tmp_path: Path) -> None:
    mine = tmp_path / "out" / "notater.md"
    mine.parent.mkdir()
    mine.write_text("the team's own notes", "utf-8")
    with pytest.raises(OverwriteRefusedError) as raised, contextlib.chdir(tmp_path):
        OutputGuard(tmp_path).write_text(mine, "generated")
    assert "hkh did not write this file" in str(raised.value) and "--force" in str(raised.value)
    assert str(raised.value).startswith("out/notater.md: ")
    assert mine.read_text("utf-8") == "the team's own notes"


@pytest.mark.parametrize("fmt", ["xlsx", "md", "csv"])
def test_plan_refuses_to_overwrite_an_edited_output_without_force(project: Path, fmt: str) -> None:
    first = runner.invoke(app, ["plan", "-p", str(project), "--format", fmt])
    assert first.exit_code == 0, first.output
    target = project / "out" / f"handlingsplan.{fmt}"
    assert runner.invoke(app, ["plan", "-p", str(project), "--format", fmt]).exit_code == 0, "unchanged output is hkh's"

    if fmt == "xlsx":
        workbook = load_workbook(target)
        workbook.active["A1"] = "Endret i Excel"
        workbook.save(target)
    else:
        target.write_bytes(target.read_bytes() + b"\nteamets merknad\n")
    edited = target.read_bytes()

    refused = runner.invoke(app, ["plan", "-p", str(project), "--format", fmt])
    assert refused.exit_code == 2
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1
    if fmt == "xlsx":  # an edited plan workbook can be read back: the message says how
        assert "handlingsplan.xlsx: handlingsplanen er endret etter at hkh skrev den" in lines[0]
        assert f"`hkh plan import {target}`" in lines[0] and "--force" in lines[0]
    else:
        assert f"handlingsplan.{fmt}: fila er endret etter at hkh skrev den" in lines[0] and "--force" in lines[0]
    assert target.read_bytes() == edited

    forced = runner.invoke(app, ["plan", "-p", str(project), "--format", fmt, "--force"])
    assert forced.exit_code == 0, forced.output
    assert target.read_bytes() != edited
    assert runner.invoke(app, ["plan", "-p", str(project), "--format", fmt]).exit_code == 0


# ------------------------------------------------------------------------------------------------------- lock

HOLD_LOCK = """
import time
from pathlib import Path
from hkh.core.lock import project_lock
with project_lock(Path({root!r})):
    print("ready", flush=True)
    time.sleep({seconds})
"""


def test_a_second_hkh_on_the_same_project_is_refused_while_the_first_writes(project: Path) -> None:
    holder = python_child(HOLD_LOCK.format(root=str(project), seconds=60))
    try:
        wait_ready(holder)
        before = snapshot(project)
        second = subprocess.run(
            [sys.executable, "-m", "hkh", "plan", "-p", str(project)], capture_output=True, text=True, timeout=60
        )
        assert second.returncode == 2
        assert second.stderr.strip().splitlines() == [
            f"{project / LOCK_NAME}: en annen hkh (prosess {holder.pid}) skriver i dette prosjektet; "
            "vent til den er ferdig, og kjør kommandoen igjen"
        ]
        assert snapshot(project) == before
    finally:
        holder.kill()
        holder.wait()
    after = subprocess.run([sys.executable, "-m", "hkh", "plan", "-p", str(project)], capture_output=True, text=True)
    assert after.returncode == 0, after.stderr
    assert not (project / LOCK_NAME).exists()


def test_the_lock_of_a_killed_hkh_is_taken_over(project: Path) -> None:
    holder = python_child(HOLD_LOCK.format(root=str(project), seconds=60))
    wait_ready(holder)
    holder.kill()
    holder.wait()
    assert (project / LOCK_NAME).read_text("utf-8").strip() == str(holder.pid), "SIGKILL leaves the lock file behind"
    result = runner.invoke(app, ["plan", "-p", str(project)])
    assert result.exit_code == 0, result.output
    assert (project / "out" / "handlingsplan.xlsx").is_file()
    assert not (project / LOCK_NAME).exists()


def test_a_lock_file_naming_a_dead_process_is_taken_over(project: Path) -> None:
    (project / LOCK_NAME).write_text(f"{dead_pid()}\n", "utf-8")
    result = runner.invoke(app, ["plan", "-p", str(project)])
    assert result.exit_code == 0, result.output
    assert not (project / LOCK_NAME).exists()


def test_the_lock_is_reentrant_within_one_process(tmp_path: Path) -> None:
    with project_lock(tmp_path):
        with project_lock(tmp_path):
            assert (tmp_path / LOCK_NAME).exists()
        assert (tmp_path / LOCK_NAME).exists(), "the inner release must not free the outer hold"
    assert not (tmp_path / LOCK_NAME).exists()


def test_two_processes_racing_for_the_lock_never_both_hold_it(tmp_path: Path) -> None:
    """Many short-lived holders at once: at any moment at most one is inside; each records its stay."""
    journal = tmp_path / "journal"
    code = f"""
    import os, time
    from pathlib import Path
    from hkh.core.errors import ProjectLockedError
    from hkh.core.lock import project_lock
    held = 0
    deadline = time.time() + 3
    while time.time() < deadline and held < 15:
        try:
            with project_lock(Path({str(tmp_path)!r})):
                with open({str(journal)!r}, "a") as j:
                    j.write(f"in {{os.getpid()}}\\n"); j.flush()
                    time.sleep(0.005)
                    j.write(f"out {{os.getpid()}}\\n"); j.flush()
                held += 1
        except ProjectLockedError:
            time.sleep(0.001)
    print("ready", flush=True)
    """
    children = [python_child(code) for _ in range(3)]
    for child in children:
        wait_ready(child)
        child.wait()
    events = journal.read_text("utf-8").split("\n")[:-1]
    assert len(events) >= 2
    for entered, left in zip(events[::2], events[1::2]):
        assert entered.startswith("in ") and left == "out " + entered[3:], "two holders overlapped"


def test_locked_error_names_the_holder(tmp_path: Path) -> None:
    holder = python_child(HOLD_LOCK.format(root=str(tmp_path), seconds=60))
    try:
        wait_ready(holder)
        with pytest.raises(ProjectLockedError) as raised:
            with project_lock(tmp_path, display="kartlegging/.hkh.lock"):
                pass
        assert str(raised.value).startswith(f"kartlegging/.hkh.lock: another hkh (process {holder.pid})")
    finally:
        holder.kill()
        holder.wait()


# ----------------------------------------------------------------------------------------------- interruptions

WRITE_UNDER_LOCK = """
import time
from pathlib import Path
import typer
from hkh.cli import HkhGroup
from hkh.core.guard import OutputGuard
from hkh.core.lock import project_lock

root = Path({root!r})
app = typer.Typer(cls=HkhGroup)  # interrupted as an hkh command is: hkh's one exit boundary says so


@app.callback()
def group() -> None:
    pass


@app.command()
def slow_write() -> None:
    with project_lock(root):
        guard = OutputGuard(root)
        with guard.writing(root / "out" / "handlingsplan.xlsx") as temp:
            temp.write_bytes(b"half a workbook")
            print("ready", flush=True)
            time.sleep(60)

app(["slow-write"])
"""


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT])
def test_a_terminated_or_interrupted_write_leaves_the_folder_as_it_was(project: Path, how: signal.Signals) -> None:
    assert runner.invoke(app, ["plan", "-p", str(project)]).exit_code == 0
    before = snapshot(project)
    child = python_child(WRITE_UNDER_LOCK.format(root=str(project)))
    wait_ready(child)
    child.send_signal(how)
    _, stderr = child.communicate(timeout=30)
    assert child.returncode == 130
    assert stderr.strip().splitlines() == ["hkh: interrupted; files being written were left as they were"]
    assert snapshot(project) == before


def test_a_killed_write_leaves_the_project_as_it_was_and_hkh_goes_on(project: Path) -> None:
    assert runner.invoke(app, ["plan", "-p", str(project)]).exit_code == 0
    before = snapshot(project)
    child = python_child(WRITE_UNDER_LOCK.format(root=str(project)))
    wait_ready(child)
    child.kill()
    child.wait()
    after_kill = snapshot(project)
    leftovers = sorted(set(after_kill) - set(before))
    assert leftovers[0] == LOCK_NAME and all(is_temporary(Path(name)) for name in leftovers[1:])
    assert {name: after_kill[name] for name in before} == before
    result = runner.invoke(app, ["plan", "-p", str(project)])
    assert result.exit_code == 0, result.output
    assert snapshot(project).keys() == before.keys(), "the next command removed the killed one's leftovers"


# ------------------------------------------------------------------------------------ interrupting `hkh import`

SOURCE_ID = "stor"


def visible_snapshot(folder: Path) -> dict[str, bytes]:
    """The project as a user (and every hkh reader) sees it: hkh's hidden temporaries and the lock left out."""
    return {
        name: data
        for name, data in snapshot(folder).items()
        if not any(is_temporary(Path(part)) for part in Path(name).parts) and name != LOCK_NAME
    }


def make_export(path: Path, respondents: int, questions: int = 40) -> Path:
    from hkh.survey.synthetic import export_tables, random_survey, write_xlsx

    write_xlsx(export_tables(random_survey(11, respondents=respondents, questions=questions)), path)
    return path


@pytest.fixture(scope="module")
def small_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # few questions: the commands that draw a chart per question stay quick
    return make_export(tmp_path_factory.mktemp("exports") / "liten.xlsx", 150, questions=5)


@pytest.fixture(scope="module")
def large_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_export(tmp_path_factory.mktemp("exports") / "stor.xlsx", 4000)


def import_args(export: Path, root: Path) -> list[str]:
    return ["import", str(export), "-p", str(root), "--source", SOURCE_ID]


# Runs the real command line, but stops before the N-th rename (os.replace: the moment a write becomes visible),
# says "ready" and waits to be killed. A child that finishes first says nothing.
STOP_AT_RENAME = """
import os, sys, time
real_replace = os.replace
calls = 0
stop_at = int(sys.argv[1])

def replace(*args, **kwargs):
    global calls
    calls += 1
    if calls == stop_at:
        print("ready", flush=True)
        time.sleep(60)
    return real_replace(*args, **kwargs)

os.replace = replace
sys.argv = ["hkh", *sys.argv[2:]]
from hkh.cli import main
main()
"""


def test_import_killed_at_every_step_leaves_no_partial_survey(project: Path, small_export: Path, tmp_path: Path) -> None:
    """Kill `hkh import` just before each of its renames in turn: the survey folder is never half there, and
    sources.yaml is registered only when the survey folder is complete."""
    before = visible_snapshot(project)
    reference = tmp_path / "reference"
    shutil.copytree(project, reference)
    done = runner.invoke(app, import_args(small_export, reference))
    assert done.exit_code == 0, done.output
    after = visible_snapshot(reference)
    survey_files = sorted(n for n in after if n.startswith(f"data/survey/{SOURCE_ID}/"))
    assert survey_files == [f"data/survey/{SOURCE_ID}/codebook.yaml", f"data/survey/{SOURCE_ID}/responses.csv"]

    for step in range(1, 30):
        attempt = tmp_path / f"step{step}"
        shutil.copytree(project, attempt)
        child = subprocess.Popen(
            [sys.executable, "-c", STOP_AT_RENAME, str(step), *import_args(small_export, attempt)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        line = child.stdout.readline()
        if line.strip() != "ready":
            child.wait(timeout=60)
            assert child.returncode == 0, child.stderr.read() if child.stderr else ""
            assert step > 2, "the import should rename at least its data and sources.yaml"
            break
        child.kill()
        child.wait()
        now = visible_snapshot(attempt)
        present = sorted(n for n in now if n.startswith(f"data/survey/{SOURCE_ID}/"))
        assert present in ([], survey_files), f"killed before rename {step}: partial survey folder {present}"
        if present:
            assert now[survey_files[1]] == after[survey_files[1]]
        assert now["sources.yaml"] in (before["sources.yaml"], after["sources.yaml"])
        if now["sources.yaml"] != before["sources.yaml"]:
            assert present, f"killed before rename {step}: sources.yaml registers a survey that is not there"
        for name, data in now.items():
            assert name in before or name in after, f"killed before rename {step}: unexpected file {name}"
            if name in before and not name.startswith(f"data/survey/{SOURCE_ID}/") and name != "sources.yaml":
                assert data in (before[name], after.get(name, before[name])), f"{name} was damaged"
        # the next hkh that writes clears what the killed one left behind
        rerun = runner.invoke(app, [*import_args(small_export, attempt), "--force", "--replace"])
        assert rerun.exit_code == 0, rerun.output
        assert not [n for n in snapshot(attempt) if any(is_temporary(Path(p)) for p in Path(n).parts)]
    else:
        pytest.fail("the import never finished")


def wait_for_lock(root: Path, child: subprocess.Popen[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not (root / LOCK_NAME).exists():
        assert child.poll() is None, f"hkh import ended before taking the lock: {child.stderr.read() if child.stderr else ''}"
        assert time.monotonic() < deadline, "hkh import never took the lock"
        time.sleep(0.002)


def hkh_process(args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "hkh", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=interruptible,
    )


def uninterrupted_import_seconds(project: Path, export: Path, copy: Path) -> float:
    """How long the import takes on this machine, run to its end in a copy of the project: interruptions are
    timed as fractions of it."""
    shutil.copytree(project, copy)
    started = time.monotonic()
    full = subprocess.run([sys.executable, "-m", "hkh", *import_args(export, copy)], capture_output=True, text=True)
    assert full.returncode == 0, full.stderr
    return time.monotonic() - started


@pytest.mark.parametrize("fraction", [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.9])
def test_import_killed_part_way_leaves_the_project_as_it_was(
    project: Path, large_export: Path, tmp_path: Path, fraction: float
) -> None:
    """A real SIGKILL at several points of a large import (timed from an uninterrupted run)."""
    timing = tmp_path / "timing"
    duration = uninterrupted_import_seconds(project, large_export, timing)
    before = visible_snapshot(project)
    child = hkh_process(import_args(large_export, project))
    wait_for_lock(project, child)
    time.sleep(duration * fraction)
    child.kill()
    child.wait()
    after_kill = visible_snapshot(project)
    if after_kill != before:
        # the kill came during the renames (the survey folder, then the raw copy, then sources.yaml) or after them:
        # the survey folder is then whole, sources.yaml is the old one or the new one, and registers nothing that is
        # not there (the states the kill-at-every-rename test walks through; `hkh check` warns about the middle ones)
        full = visible_snapshot(timing)
        codebook, responses = f"data/survey/{SOURCE_ID}/codebook.yaml", f"data/survey/{SOURCE_ID}/responses.csv"
        changed = sorted(set(after_kill) ^ set(before))
        assert codebook in after_kill and after_kill[responses] == full[responses], f"partial survey: {changed}"
        assert after_kill["sources.yaml"] in (before["sources.yaml"], full["sources.yaml"]), changed
        for name, data in after_kill.items():
            if name != codebook:  # it differs from the timing run's by its time of import only
                assert data in (before.get(name), full.get(name)), f"{name} is neither as before nor as imported"
    rerun = runner.invoke(app, [*import_args(large_export, project), "--force", "--replace"])
    assert rerun.exit_code == 0, rerun.output
    assert not [n for n in snapshot(project) if any(is_temporary(Path(p)) for p in Path(n).parts)]


def test_import_interrupted_with_ctrl_c_says_so_and_leaves_the_project_as_it_was(
    project: Path, large_export: Path
) -> None:
    # Ctrl-C at the most delicate moment, whatever the speed of the machine: everything is written under temporary
    # names and the import is about to rename the first into place (it was timed as a fraction of an uninterrupted
    # import before, and a loaded machine finished the import first)
    before = snapshot(project)
    child = subprocess.Popen(
        [sys.executable, "-c", STOP_AT_RENAME, "1", *import_args(large_export, project)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=interruptible,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=60)
    assert child.returncode == 130, stderr
    # the project is in bokmål, and so are hkh's messages about it
    assert stderr.strip().splitlines() == ["hkh: avbrutt; filer som ble skrevet, er slik de var"]
    assert snapshot(project) == before, "Ctrl-C must leave no file changed, no temporary and no lock behind"


def test_a_second_import_while_one_runs_is_refused(project: Path, large_export: Path, small_export: Path) -> None:
    """The first import is held mid-write (before its first rename, lock taken): a second one is refused, whatever
    the speed of the machine. Killed, the first leaves the project unlocked and unchanged."""
    before = visible_snapshot(project)
    first = subprocess.Popen(
        [sys.executable, "-c", STOP_AT_RENAME, "1", *import_args(large_export, project)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "ready", first.stderr.read() if first.stderr else ""
        second = subprocess.run(
            [sys.executable, "-m", "hkh", "import", str(small_export), "-p", str(project), "--source", "annen"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert second.returncode == 2
        assert f"en annen hkh (prosess {first.pid}) skriver i dette prosjektet" in second.stderr
        assert len(second.stderr.strip().splitlines()) == 1
    finally:
        first.kill()
        first.wait()
    assert visible_snapshot(project) == before
    again = subprocess.run(
        [sys.executable, "-m", "hkh", "import", str(small_export), "-p", str(project), "--source", "annen"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr
    assert (project / "data" / "survey" / "annen" / "responses.csv").is_file()


# ------------------------------------------------------------------------------- edited outputs, every command

EFFORTS_WITH_HOURS = """\
efforts:
  - id: ute
    organisation: Velferdsetaten
    name: Uteseksjonen
    offers: [oppsøkende]
    opening_hours: "Mo-Th 08:00-24:00; Fr 08:00-04:00, Sa 10:00-04:00"
"""
FINDINGS_WITH_NEEDS = """\
findings:
  - id: F1
    statement: Mange opplever området som utrygt etter midnatt
    evidence:
      - source: s1
      - source: stor
    needs:
      - offer: oppsøkende
        when: "Mo-Su 22:00-04:00"
"""


@pytest.fixture()
def full_project(project: Path, small_export: Path) -> Path:
    (project / "efforts.yaml").write_text(EFFORTS_WITH_HOURS, "utf-8")
    imported = runner.invoke(app, import_args(small_export, project))
    assert imported.exit_code == 0, imported.output
    (project / "findings.yaml").write_text(FINDINGS_WITH_NEEDS, "utf-8")
    return project


def edit_like_a_user(path: Path) -> None:
    if path.suffix == ".xlsx":
        workbook = load_workbook(path)
        workbook.worksheets[0]["A1"] = "Endret i Excel"
        workbook.save(path)
    elif path.suffix == ".docx":
        path.write_bytes(path.read_bytes() + b"\0")
    else:
        path.write_bytes(path.read_bytes() + b"\nteamets merknad\n")


@pytest.mark.parametrize(
    "args",
    [["survey"], ["triangulate"], ["gaps"], ["plan"], ["report"], ["report", "--format", "docx"], ["run"]],
    ids=lambda a: " ".join(a),
)
def test_no_command_overwrites_an_edited_output_without_force(full_project: Path, args: list[str]) -> None:
    first = runner.invoke(app, [*args, "-p", str(full_project)])
    assert first.exit_code == 0, first.output
    manifest = json.loads((full_project / "out" / MANIFEST_NAME).read_text("utf-8"))
    written = [full_project / "out" / name for name in manifest["outputs"]]
    assert written and all(path.is_file() for path in written)
    # one file of each kind, at most three (a workbook, a document, a chart): every rerun redraws everything
    one_of_each = dict(sorted({path.suffix: path for path in sorted(written)}.items(), key=lambda kv: kv[0] == ".png")[:3])
    for path in one_of_each.values():
        original = path.read_bytes()
        edit_like_a_user(path)
        edited = path.read_bytes()
        refused = runner.invoke(app, [*args, "-p", str(full_project)])
        assert refused.exit_code == 2, f"{path.name}: {refused.output}"
        message = refused.stderr.strip().splitlines()[-1]
        changed = "fila er endret etter at hkh skrev den" in message or "hkh plan import" in message  # the plan: read it back
        assert path.name in message and changed and "--force" in message
        assert path.read_bytes() == edited, f"{path.name} was overwritten"
        path.write_bytes(original)
    again = runner.invoke(app, [*args, "-p", str(full_project)])
    assert again.exit_code == 0, again.output
    victim = sorted(one_of_each.values())[0]
    edit_like_a_user(victim)
    forced = runner.invoke(app, [*args, "-p", str(full_project), "--force"])
    assert forced.exit_code == 0, forced.output


def test_help_and_import_load_only_what_they_use(tmp_path: Path) -> None:
    """Start-up cost is mostly imports: `hkh --help` must not load rich, pandas, openpyxl or matplotlib, and an
    import no table, chart or workbook library, nor search for pydantic plugins (see hkh._startup)."""
    project = tmp_path / "p"
    assert runner.invoke(app, ["init", str(project), "--title", "T"]).exit_code == 0
    export = make_export(tmp_path / "e.xlsx", 20)
    code = (
        "import sys\n"
        "sys.argv = ['hkh', *sys.argv[1:]]\n"
        "from hkh.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "loader = sys.modules.get('pydantic.plugin._loader')\n"
        "searched = loader is not None and loader._plugins is not None\n"
        "print(' '.join(sorted(m for m in sys.modules if '.' not in m)), 'SEARCHED' if searched else '', file=sys.stderr)\n"
    )
    heavy = {"rich", "pandas", "numpy", "openpyxl", "matplotlib", "docx", "jinja2", "markdown_it", "pygments"}
    shown = subprocess.run([sys.executable, "-c", code, "--help"], capture_output=True, text=True)
    assert shown.returncode == 0 and "Commands:" in shown.stdout, shown.stderr
    assert heavy.isdisjoint(shown.stderr.split()), heavy & set(shown.stderr.split())
    imported = subprocess.run(
        [sys.executable, "-c", code, "import", str(export), "-p", str(project), "-s", "s"],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"},
    )
    assert imported.returncode == 0, imported.stderr
    modules = set(imported.stderr.split())
    assert heavy.isdisjoint(modules), heavy & modules
    assert "python_calamine" in modules and "pydantic" in modules
    assert "SEARCHED" not in modules, "pydantic searched every installed package for plugins"


def test_without_flock_the_lock_file_still_refuses_a_second_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a network share without flock, the lock falls back to a file holding the process id."""
    import fcntl

    def no_flock(handle: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(fcntl, "flock", no_flock)
    with project_lock(tmp_path):
        assert (tmp_path / LOCK_NAME).read_text("utf-8").strip() == str(os.getpid())
    assert not (tmp_path / LOCK_NAME).exists()
    holder = python_child(HOLD_LOCK.format(root=str(tmp_path), seconds=60))
    try:
        wait_ready(holder)
        with pytest.raises(ProjectLockedError) as raised:
            with project_lock(tmp_path):
                pass
        assert f"process {holder.pid}" in str(raised.value)
    finally:
        holder.kill()
        holder.wait()
    (tmp_path / LOCK_NAME).write_text(f"{dead_pid()}\n", "utf-8")
    with project_lock(tmp_path):
        assert (tmp_path / LOCK_NAME).read_text("utf-8").strip() == str(os.getpid())
