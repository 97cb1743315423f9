"""Every command refuses a folder that `hkh check` finds errors in, with the first error and a pointer to
`hkh check`, and writes nothing; the check runs once (the files are not read twice) and loads no library that
`hkh --help` must not load."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from attack_helpers import FILES, SRC, assert_one_line_error, hkh, snapshot, sound_project

BROKEN = FILES["findings.yaml"].replace("      - source: feltarbeid\n", "      - source: ukjent\n")
COMMANDS = [
    ["status"], ["survey"], ["triangulate"], ["triangulate", "--format", "json"], ["gaps"], ["gaps", "--format", "json"],
    ["plan"], ["plan", "--format", "md"], ["plan", "--format", "csv"], ["report"], ["report", "--format", "docx"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_every_command_refuses_a_project_with_errors(command: list[str], tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p", findings_yaml=BROKEN)
    before = snapshot(root)
    line = assert_one_line_error(
        hkh(*command, "-p", root),
        "findings.yaml:10: the source `ukjent` is not in sources.yaml",
        "(hkh does not work on a project with errors; `hkh check` lists all 1)",
    )
    assert line.startswith(str(root))
    assert snapshot(root) == before


def test_run_lists_every_error_and_stops(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p", findings_yaml=BROKEN)
    result = hkh("run", "-p", root)
    assert result.exit_code == 1 and "the source `ukjent` is not in sources.yaml" in result.stderr and not (root / "out").exists()


def test_the_refusal_speaks_the_mappings_language(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from hkh.cli import app

    root = sound_project(tmp_path / "p", language="nn", findings_yaml=BROKEN)
    result = CliRunner().invoke(app, ["plan", "-p", str(root)])
    assert "hkh arbeider ikkje med eit prosjekt med feil; `hkh check` viser alle 1" in result.stderr


def test_warnings_alone_do_not_stop_a_command(tmp_path: Path) -> None:
    findings = FILES["findings.yaml"] + "  - id: f2\n    statement: uten belegg\n"  # warned: no evidence, unaddressed
    root = sound_project(tmp_path / "p", findings_yaml=findings)
    assert "warning" in hkh("check", "-p", root).stderr
    assert hkh("plan", "-p", root).exit_code == 0


def test_import_refuses_a_broken_sources_yaml_but_not_other_errors(tmp_path: Path) -> None:
    from hkh.survey.synthetic import export_tables, random_survey, write_xlsx

    export = write_xlsx(export_tables(random_survey(2, respondents=20)), tmp_path / "eksport.xlsx")
    broken_sources = sound_project(tmp_path / "a", sources_yaml="sources:\n  - id: x\n    method: ukjent\n    title: T\n")
    assert_one_line_error(hkh("import", export, "-p", broken_sources), "sources.yaml:3:")
    # a finding citing the survey about to be imported is an error hkh check reports, but not one import depends on
    waiting = FILES["findings.yaml"].replace("      - source: feltarbeid\n", "      - source: ny-undersokelse\n")
    root = sound_project(tmp_path / "b", findings_yaml=waiting)
    assert hkh("import", export, "-p", root, "-s", "ny-undersokelse").exit_code == 0
    assert hkh("check", "-p", root).exit_code == 0


def test_commands_load_the_project_files_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hkh.core import yamlio

    root = sound_project(tmp_path / "p")
    loaded: list[str] = []
    real = yamlio.load_yaml_lines  # how the project files are read (the round-trip reader only for odd text)

    def counting(path, **kwargs):  # type: ignore[no-untyped-def]
        loaded.append(Path(path).name)
        return real(path, **kwargs)

    monkeypatch.setattr(yamlio, "load_yaml_lines", counting)
    import hkh.project.load as load

    monkeypatch.setattr(load, "load_yaml_lines", counting)
    assert hkh("plan", "-p", root).exit_code == 0
    assert sorted(loaded) == sorted(FILES)


def test_a_checked_command_loads_no_heavy_library_before_it_needs_one(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    code = (
        "import sys\nfrom hkh.pipeline import load_checked\nfrom pathlib import Path\n"
        f"load_checked(Path({str(root)!r}))\n"
        "print(sorted(m for m in ('pandas', 'openpyxl', 'matplotlib', 'numpy', 'docx', 'jinja2', 'rich') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(SRC), "PATH": ""}).stdout.strip()
    assert out == "[]"


def test_plan_import_and_efforts_import_refuse_errors_in_the_files_they_rewrite(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    assert hkh("plan", "-p", root).exit_code == 0
    workbook = root / "out" / "action-plan.xlsx"
    (root / "plan.yaml").write_text(FILES["plan.yaml"].replace("addresses: [f1]", "addresses: [finnes-ikke]"), "utf-8")
    assert_one_line_error(hkh("plan", "import", workbook, "-p", root), "plan.yaml:7:", "`hkh check` lists all 1")
    broken_efforts = FILES["efforts.yaml"].replace("sources: [intervju]", "sources: [ukjent]")
    (root / "plan.yaml").write_text(FILES["plan.yaml"], "utf-8")
    (root / "efforts.yaml").write_text(broken_efforts, "utf-8")
    services = tmp_path / "tjenester.csv"
    services.write_text("Navn;Organisasjon\nKafé;Kommunen\n", "utf-8")
    assert_one_line_error(hkh("efforts", "import", services, "-p", root), "efforts.yaml:8:", "the source `ukjent` is not in sources.yaml")
