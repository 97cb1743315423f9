"""A bug in hkh (an exception that is no `HkhError`) ends any command with one line naming a crash log, and exit 2:
never a traceback on the terminal, never another exit code. Checked with a bug injected into the library, through
Typer's test runner and in a process of its own, as users run hkh."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hkh.cli import app
from report_fixtures import write_small_project

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
LOG = re.compile(r"(\S*hkh-crash-\S+\.log)")
BUG = "an injected bug: 7 is not a day of the week"


def crash_log_of(stderr: str) -> Path:
    """The one line on stderr, and the crash log it names."""
    lines = [line for line in stderr.splitlines() if line.strip() and line[:2] not in ("✓ ", "– ", "✗ ")]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    found = LOG.search(lines[0])
    assert found is not None, lines[0]
    assert "IndexError" in lines[0]
    return Path(found.group(1))


def check_log(log: Path, function: str) -> None:
    assert log.is_file()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600  # it may quote the user's files: only they read it
    text = log.read_text("utf-8")
    assert text.startswith("hkh ")  # version, Python and the command line first
    assert "Traceback (most recent call last)" in text
    assert f"IndexError: {BUG}" in text
    assert function in text  # the frame where it happened


def _broken(*_args: object, **_kwargs: object) -> object:
    raise IndexError(BUG)


@pytest.mark.parametrize(
    ("command", "module", "function"),
    [
        (["gaps"], "hkh.analysis.gaps", "analyse_gaps"),
        (["plan", "--format", "md"], "hkh.outputs.plan_text", "markdown"),
        (["run"], "hkh.outputs.workbooks.plan", "workbook_bytes"),  # drawn by the worker process, redone here
    ],
)
def test_a_bug_is_one_line_a_crash_log_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], module: str, function: str
) -> None:
    project = write_small_project(tmp_path / "p", "en", survey=False)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.delenv("HKH_DEBUG", raising=False)
    import importlib
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # TMPDIR is read again
    monkeypatch.setattr(importlib.import_module(module), function, _broken)
    result = runner.invoke(app, [*command, "-p", str(project)])
    assert result.exit_code == 2, result.output
    log = crash_log_of(result.stderr)
    assert log.parent == tmp_path
    check_log(log, "_broken")


def test_a_bug_in_a_process_of_its_own(tmp_path: Path) -> None:
    """As a user meets it: the console script in its own process, a library function broken underneath it."""
    project = write_small_project(tmp_path / "p", "nb", survey=False)
    script = (
        "import sys\n"
        "import hkh.analysis.triangulation as triangulation\n"
        "def broken(*args, **kwargs):\n"
        f"    raise IndexError({BUG!r})\n"
        "triangulation.triangulate = broken\n"
        "from hkh.cli import main\n"
        "sys.argv = ['hkh', 'run', '-p', sys.argv[1]]\n"
        "main()\n"
    )
    env = {key: value for key, value in os.environ.items() if key != "HKH_DEBUG"}
    env.update(PYTHONPATH=str(ROOT / "src"), TMPDIR=str(tmp_path))
    process = subprocess.run([sys.executable, "-c", script, str(project)], capture_output=True, text=True, env=env)
    assert process.returncode == 2, process.stderr
    assert process.stdout == ""
    log = crash_log_of(process.stderr)
    assert "intern feil" in process.stderr  # in the project's language
    assert log.parent == tmp_path
    check_log(log, "broken")
    assert "✗ triangulate:" in process.stderr  # which step it stopped at
