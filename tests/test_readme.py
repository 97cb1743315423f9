"""The README's quick start: two commands, each making or reusing a virtual environment in the repository, so they
work where the system's Python refuses a global `pip install` (PEP 668); the test command is the one `.ci/run` runs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def quick_start() -> list[str]:
    section = ROOT.joinpath("README.md").read_text("utf-8").split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_two_commands_each_with_its_own_environment() -> None:
    commands = quick_start()
    assert len(commands) == 2
    for command in commands:
        steps = [step.strip() for step in command.split("&&")]
        assert steps[0] == "python3 -m venv .venv"
        assert steps[1].startswith(".venv/bin/pip install -q -e ")
        # everything after the environment is made runs from it, never from the system's Python
        assert all(step.startswith(".venv/bin/") for step in steps[1:]), command
    assert commands[0].endswith(".venv/bin/hkh run -p examples/brugata_storgata")
    assert commands[1] == "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/pytest"


def test_ci_runs_the_readme_s_test_command() -> None:
    ci = ROOT.joinpath(".ci", "run").read_text("utf-8")
    defined = re.search(r"^readme_tests\(\) \{ (.+?) \"\$@\"; \}$", ci, re.MULTILINE)
    assert defined is not None
    assert defined.group(1) == quick_start()[1]


def _externally_managed_python() -> str | None:
    """A python3 whose installation refuses `pip install` outside a virtual environment (PEP 668), if there is one."""
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if not candidate or not os.path.exists(candidate):
            continue
        stdlib = subprocess.run(
            [candidate, "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"], capture_output=True, text=True
        ).stdout.strip()
        if stdlib and Path(stdlib, "EXTERNALLY-MANAGED").is_file():
            return candidate
    return None


@pytest.mark.slow
def test_a_fresh_clone_on_an_externally_managed_python_runs_the_first_command(tmp_path: Path) -> None:
    """Clone the repository, make `python3` the system's externally managed Python (Debian's, here), and run the
    README's first command as written: it must install into .venv and run the example. Needs the package index."""
    python = _externally_managed_python()
    if python is None:
        pytest.skip("no externally managed python3 on this system (PEP 668)")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    clone = tmp_path / "hkh"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(python)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("VIRTUAL_ENV", "PYTHON", "PIP_"))}
    env["PATH"] = f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin"
    refused = subprocess.run(
        ["sh", "-c", "python3 -m pip install -e ."], cwd=clone, env=env, capture_output=True, text=True
    )
    assert refused.returncode != 0 and "externally-managed-environment" in refused.stdout + refused.stderr
    first = quick_start()[0]
    done = subprocess.run(["sh", "-c", first], cwd=clone, env=env, capture_output=True, text=True, timeout=1800)
    if done.returncode != 0 and re.search(r"(Could not find a version|NewConnectionError|Temporary failure)", done.stderr):
        pytest.skip("the package index cannot be reached")
    assert done.returncode == 0, done.stderr[-2000:]
    assert re.search(r"examples/brugata_storgata/out/ \(\d+\): .*rapport\.html", done.stdout), done.stdout
    assert (clone / ".venv" / "bin" / "hkh").exists()
