"""The named attacks, each in a process held to 1 GB of address space and 5 seconds: one line on stderr, exit 2 (or
1 for `hkh check`), nothing written. Before, each either never ended, died with a native stack trace asking for
hundreds of gigabytes, or took hours."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from attack_helpers import FIXTURES, limited, snapshot, sound_project, write_xlsx_by_hand
from test_attack_yaml import alias_bomb
from zip_bombs import bomb_workbook

SECONDS = 5.0


def check_limited(result, *fragments: str, exit_code: int = 2) -> None:  # type: ignore[no-untyped-def]
    assert result.seconds < SECONDS, result
    assert result.returncode == exit_code, result
    lines = result.stderr.splitlines()
    assert lines, result
    assert "Traceback" not in result.stderr and "panicked" not in result.stderr and "memory allocation" not in result.stderr
    first = lines[0]
    for fragment in fragments:
        assert fragment in first, first
    if exit_code == 2:
        assert len(lines) == 1, result.stderr


def test_alias_bomb(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p", findings_yaml=alias_bomb())
    check_limited(limited("check", "-p", root), "findings.yaml:1: error: anchors and aliases", exit_code=1)
    check_limited(limited("report", "-p", root), "findings.yaml:1: anchors and aliases")
    assert not (root / "out").exists()


def test_far_corner_cell(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    before = snapshot(root)
    check_limited(limited("import", FIXTURES / "far-corner" / "eksport.xlsx", "-p", root, "-s", "s"), "reaches cell XFD1048576")
    assert snapshot(root) == before


def test_zip_bomb_of_3_mb(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    bomb = bomb_workbook(tmp_path / "eksport.xlsx")
    assert 2_000_000 < bomb.stat().st_size < 4_000_000
    check_limited(limited("import", bomb, "-p", root), "unpacks to more than 1,024 MB")
    lying = bomb_workbook(tmp_path / "lyver.xlsx", honest=False)
    check_limited(limited("import", lying, "-p", root), "lyver.xlsx: ")


def test_dev_zero(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    check_limited(limited("import", "/dev/zero", "-p", root, "-s", "null"), "/dev/zero: this is a device")
    assert not (root / ".hkh.lock").exists()


def test_fifo(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    pipe = tmp_path / "eksport.csv"
    os.mkfifo(pipe)
    check_limited(limited("import", pipe, "-p", root), "eksport.csv: this is a FIFO")
    (root / "findings.yaml").unlink()
    os.mkfifo(root / "findings.yaml")
    check_limited(limited("check", "-p", root), "findings.yaml: error: this is a FIFO", exit_code=1)


def test_400_byte_spreadsheetml(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    check_limited(limited("import", FIXTURES / "spreadsheetml-bomb" / "eksport.xml", "-p", root), "the XML workbook reaches")


def test_statistics_workbook_with_a_far_corner_cell(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    (root / "data" / "stats").mkdir(parents=True)
    write_xlsx_by_hand(root / "data" / "stats" / "tabell.xlsx",
                       '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData>',
                       sheet="Ark1")
    check_limited(limited("report", "-p", root, timeout=10), "tabell.xlsx: the sheet", "reaches cell XFD1048576")


def test_a_5001_digit_count(tmp_path: Path) -> None:
    sources = "sources:\n  - id: intervju\n    method: target_interview\n    title: T\n    n: " + "9" * 5001 + "\n"
    sources += "  - id: feltarbeid\n    method: field_reports\n    title: F\n"
    root = sound_project(tmp_path / "p", sources_yaml=sources)
    check_limited(limited("status", "-p", root), "sources.yaml:5: a number of more than 15 digits")


@pytest.mark.slow
def test_a_sound_project_runs_within_the_same_limits(tmp_path: Path) -> None:
    """The limits hold hkh to its work, not below it: a whole run of a sound project fits in them (with time to
    import the libraries a report needs)."""
    root = sound_project(tmp_path / "p")
    result = limited("run", "-p", root, timeout=60)
    assert result.returncode == 0, result.stderr
