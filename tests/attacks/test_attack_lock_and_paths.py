"""The lock cannot be fooled and the data stays home: a lock that is a symbolic link, a folder, a hard link or a
FIFO; three imports at once, whatever the lock file's state; ids with a trailing newline; data/ and out/ leading out
of the project; a newline in a cited name."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from attack_helpers import SRC, assert_one_line_error, hkh, snapshot, sound_project

from hkh.core.yamlio import load_yaml
from hkh.survey.synthetic import export_tables, random_survey, write_xlsx

LOCK = ".hkh.lock"


# ----------------------------------------------------------------------------------------------------- the lock


def test_a_lock_that_is_a_symlink_is_not_followed_and_its_target_is_not_emptied(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    victim = tmp_path / "viktig.txt"
    victim.write_text("innhold som ikke skal forsvinne\n", "utf-8")
    (root / LOCK).symlink_to(victim)
    before = snapshot(root)
    assert_one_line_error(hkh("plan", "-p", root), "is a symbolic link; hkh does not follow it")
    assert victim.read_text("utf-8") == "innhold som ikke skal forsvinne\n"
    assert snapshot(root) == before


def test_a_lock_that_is_a_dangling_symlink_creates_nothing(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    (root / LOCK).symlink_to(tmp_path / "finnes-ikke")
    assert_one_line_error(hkh("plan", "-p", root), "is a symbolic link")
    assert not (tmp_path / "finnes-ikke").exists()


def test_a_lock_that_is_a_folder_is_refused_not_ignored(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    (root / LOCK).mkdir()
    assert_one_line_error(hkh("plan", "-p", root), "is a folder, so hkh cannot lock the project; delete the folder")
    assert not (root / "out").exists()


def test_a_lock_that_is_a_hard_link_to_another_file_does_not_empty_it(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    other = root / "notater.txt"
    other.write_text("teamets notater\n", "utf-8")
    os.link(other, root / LOCK)
    assert_one_line_error(hkh("plan", "-p", root), "has more than one name (a hard link)")
    assert other.read_text("utf-8") == "teamets notater\n"


def test_a_lock_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    os.mkfifo(root / LOCK)
    assert_one_line_error(hkh("plan", "-p", root), "is not an ordinary file")


def test_a_lock_that_cannot_be_opened_stops_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root every file opens; the refusal is shown by making the open fail as it would for another user."""
    import errno

    from hkh.core import lock

    root = sound_project(tmp_path / "p")
    (root / LOCK).write_text("123\n", "utf-8")
    real_open = os.open

    def denied(path, flags, *args):  # type: ignore[no-untyped-def]
        if str(path).endswith(LOCK):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(lock.os, "open", denied)
    assert_one_line_error(hkh("plan", "-p", root), "may not open the lock file .hkh.lock (permission denied)")
    assert not (root / "out").exists()


def test_a_stale_lock_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    (root / LOCK).write_text("999999999\n", "utf-8")
    result = hkh("plan", "-p", root)
    assert result.exit_code == 0, result.output
    assert not (root / LOCK).exists()


# -------------------------------------------------------------------------------------- three imports at once

STATES = ["absent", "stale-file", "empty-file", "folder", "symlink", "held-briefly"]


def _start_imports(root: Path, exports: list[Path]) -> list[subprocess.Popen[str]]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return [
        subprocess.Popen(
            [sys.executable, "-m", "hkh", "import", str(export), "-p", str(root), "-s", f"runde-{index}", "-l", "en"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        for index, export in enumerate(exports, start=1)
    ]


@pytest.mark.parametrize("state", STATES)
def test_three_imports_at_once_all_register_or_refuse_cleanly(state: str, tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    exports = [write_xlsx(export_tables(random_survey(seed, respondents=40)), tmp_path / f"eksport-{seed}.xlsx") for seed in (1, 2, 3)]
    holder = None
    if state == "stale-file":
        (root / LOCK).write_text("999999999\n", "utf-8")
    elif state == "empty-file":
        (root / LOCK).write_text("", "utf-8")
    elif state == "folder":
        (root / LOCK).mkdir()
    elif state == "symlink":
        (root / LOCK).symlink_to(tmp_path / "et-annet-sted")
    elif state == "held-briefly":
        env = {**os.environ, "PYTHONPATH": str(SRC)}
        holder = subprocess.Popen(
            [sys.executable, "-c", f"import time; from pathlib import Path; from hkh.core.lock import project_lock\n"
             f"with project_lock(Path({str(root)!r})):\n    print('ready', flush=True); time.sleep(1.5)"],
            stdout=subprocess.PIPE, text=True, env=env,
        )
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    children = _start_imports(root, exports)
    outcomes = []
    for child in children:
        stdout, stderr = child.communicate(timeout=60)
        outcomes.append((child.returncode, stdout, stderr))
    if holder is not None:
        holder.wait(timeout=30)
    registered = {f"runde-{index}" for index, (code, _, _) in enumerate(outcomes, start=1) if code == 0}
    for code, _stdout, stderr in outcomes:
        assert code in (0, 2), stderr
        if code == 2:
            assert len(stderr.splitlines()) == 1 and "Traceback" not in stderr, stderr
    tree = load_yaml(root / "sources.yaml")
    listed = {str(s["id"]) for s in tree["sources"]} - {"intervju", "feltarbeid"}
    assert listed == registered
    for source in registered:
        assert (root / "data" / "survey" / source / "codebook.yaml").is_file()
    if state in ("folder", "symlink"):
        assert registered == set()  # a lock that cannot be used stops every one of them
        assert all("lock" in stderr for _, _, stderr in outcomes)
    else:
        assert registered == {"runde-1", "runde-2", "runde-3"}  # they wait for each other
        assert not (root / LOCK).exists()
    assert not [p for p in root.rglob(".*.tmp")]


# ------------------------------------------------------------------------------------------------------- ids


@pytest.mark.parametrize("source", ["ok\n", "ok\r", "../ut", "min kilde", "a" * 65, "-start", "ok\x1b]0;x\x07", ""])
def test_a_source_id_that_is_not_an_id_whole_is_refused(source: str, tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    export = write_xlsx(export_tables(random_survey(1, respondents=20)), tmp_path / "eksport.xlsx")
    before = snapshot(root)
    line = assert_one_line_error(hkh("import", export, "-p", root, "-s", source), "is not a valid source id")
    assert "\x1b" not in line and "\r" not in line
    assert snapshot(root) == before
    assert not any("\n" in p.name for p in tmp_path.rglob("*"))


@pytest.mark.parametrize(
    ("file", "text"),
    [
        ("findings_yaml", 'findings:\n  - id: f1\n    statement: s\n    evidence:\n      - source: "ghost\\ntest.yaml:1: error: forged"\n'),
        ("plan_yaml", 'goals:\n  - text: G\n    measures:\n      - text: M\n        responsible: "Politiet\\nplan.yaml:9: error: forged"\n        addresses: [f1]\n'),
    ],
    ids=["repr-quoted", "backticked"],
)
def test_a_newline_in_a_cited_name_never_splits_an_error_line(file: str, text: str, tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p", **{file: text})
    result = hkh("check", "-p", root)
    assert result.exit_code == 1
    assert not any(": error: forged" in line and not line.startswith(str(root)) for line in result.stderr.splitlines())
    assert all(line.startswith(str(root)) or line.startswith("hkh check") for line in result.stderr.splitlines() if line)
    line = assert_one_line_error(hkh("plan", "-p", root))
    assert "forged" in line  # shown, on the one line: `\n` escaped or `⏎`


# ---------------------------------------------------------------------------------------------------- folders

GUARDED = ["data", "data/raw", "data/survey", "out", "out/figurer"]


@pytest.mark.parametrize("folder", GUARDED)
def test_a_folder_leading_outside_the_project_is_refused(folder: str, tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    outside = tmp_path / "utenfor"
    outside.mkdir()
    link = root / folder
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(outside, target_is_directory=True)
    result = hkh("check", "-p", root)
    assert result.exit_code == 1
    assert f"error: {folder}/ leads outside the project folder (to {outside})" in result.stderr
    export = write_xlsx(export_tables(random_survey(1, respondents=20)), tmp_path / "eksport.xlsx")
    for args in (("plan", "-p", root), ("import", export, "-p", root, "-s", "s"), ("run", "-p", root)):
        refused = hkh(*args)
        assert refused.exit_code in (1, 2) and "leads outside the project folder" in refused.stderr
    assert list(outside.rglob("*")) == []


def test_allow_outside_folders_lets_the_team_keep_out_elsewhere(tmp_path: Path) -> None:
    hkh_yaml = "title: T\nlanguage: nb\nparties: [Politiet, Kommunen]\nsettings:\n  allow_outside_folders: true\n"
    root = sound_project(tmp_path / "p", hkh_yaml=hkh_yaml)
    outside = tmp_path / "kryptert"
    outside.mkdir()
    (root / "out").symlink_to(outside, target_is_directory=True)
    result = hkh("plan", "-p", root)
    assert result.exit_code == 0, result.output
    assert (outside / "action-plan.xlsx").is_file()


def test_a_folder_inside_the_project_by_a_link_is_fine(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    (root / "arkiv").mkdir()
    (root / "out").symlink_to(root / "arkiv", target_is_directory=True)
    assert hkh("plan", "-p", root).exit_code == 0


def test_the_lock_is_not_held_after_a_refusal(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p", findings_yaml="findings:\n  - id: f1\n    statement: s\n    evidence: [{source: ukjent}]\n")
    started = time.monotonic()
    assert hkh("plan", "-p", root).exit_code == 2
    assert time.monotonic() - started < 5 and not (root / LOCK).exists()
