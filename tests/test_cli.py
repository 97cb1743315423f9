"""The command line as a whole: start-up cost, documentation of every command, error lines."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from hkh import __version__
from hkh.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
COMMANDS = sorted(command.name or "" for command in typer.main.get_command(app).commands.values())  # type: ignore[attr-defined]


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from hkh.cli import app\n"
        "result = CliRunner().invoke(app, ['--help'])\n"
        "assert result.exit_code == 0, result.output\n"
        "heavy = sorted(m for m in ('pandas', 'openpyxl', 'matplotlib', 'numpy', 'docx', 'python_calamine', 'jinja2') if m in sys.modules)\n"
        "print(','.join(heavy))\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert completed.stdout.strip() == ""


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_in_the_readme(command: str) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert re.search(rf"^#+ `hkh {command}\b", readme, re.MULTILINE), f"README.md has no section for `hkh {command}`"


def test_the_design_commands_all_exist() -> None:
    assert set(COMMANDS) >= {"init", "check", "status", "import", "survey", "triangulate", "gaps", "plan", "report", "run"}


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"hkh {__version__}"


def test_missing_project_is_one_line_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["status", "-p", str(tmp_path)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{tmp_path}: this folder holds no hkh.yaml")


def test_project_found_upwards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "hkh.yaml").write_text("title: T\n", "utf-8")
    for name, key in (("sources.yaml", "sources"), ("efforts.yaml", "efforts"), ("findings.yaml", "findings")):
        (tmp_path / name).write_text(f"{key}: []\n", "utf-8")
    (tmp_path / "plan.yaml").write_text("goals: []\n", "utf-8")
    deep = tmp_path / "data" / "raw"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    result = runner.invoke(app, ["status"])
    assert result.exit_code == 0, result.output
    assert "T" in result.output


def test_console_script_turns_unexpected_errors_into_one_line(tmp_path: Path) -> None:
    """Run the real entry point: a usage error from Click is exit 2 without a traceback."""
    completed = subprocess.run(
        [sys.executable, "-m", "hkh", "plan", "--format", "pdf"], capture_output=True, text=True, cwd=tmp_path
    )
    assert completed.returncode == 2
    assert "Traceback" not in completed.stderr
