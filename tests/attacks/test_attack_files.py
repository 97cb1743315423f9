"""Files that are not files (devices, FIFOs, folders, sockets) wherever hkh reads one: refused before they are
opened, with one line, and the project is left as it was."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from attack_helpers import assert_one_line_error, hkh, snapshot, sound_project

FIFO_LINE = "this is a FIFO (named pipe), not an ordinary file; hkh reads ordinary files only"
DEVICE_LINE = "this is a device (like /dev/zero), not an ordinary file; hkh reads ordinary files only"


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def test_import_of_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    before = snapshot(root)
    assert_one_line_error(hkh("import", "/dev/zero", "-p", root, "-s", "null"), "/dev/zero: ", DEVICE_LINE)
    assert snapshot(root) == before


def test_import_of_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    pipe = fifo(tmp_path / "eksport.xlsx")
    before = snapshot(root)
    assert_one_line_error(hkh("import", pipe, "-p", root), "eksport.xlsx: ", FIFO_LINE)
    assert snapshot(root) == before and not (root / ".hkh.lock").exists()


def test_import_of_a_folder_holding_only_a_fifo_finds_no_export(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    folder = tmp_path / "eksport"
    folder.mkdir()
    fifo(folder / "dataset.csv")
    assert_one_line_error(hkh("import", folder, "-p", root), "the folder holds no export files")


def test_import_of_a_symlink_to_dev_zero_is_refused(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    link = tmp_path / "eksport.csv"
    link.symlink_to("/dev/zero")
    assert_one_line_error(hkh("import", link, "-p", root), DEVICE_LINE)


def test_import_of_a_socket_is_refused(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    path = tmp_path / "s.csv"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        assert_one_line_error(hkh("import", path, "-p", root), "this is a socket")
    finally:
        server.close()


@pytest.mark.parametrize("name", ["sources.yaml", "findings.yaml", "plan.yaml", "efforts.yaml"])
def test_a_fifo_in_place_of_a_project_file_is_an_error_not_a_hang(name: str, tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    (root / name).unlink()
    fifo(root / name)
    result = hkh("check", "-p", root)
    assert result.exit_code == 1
    assert f"{name}: error: {FIFO_LINE}" in result.stderr


def test_dev_zero_in_place_of_findings_yaml_stops_every_command(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    (root / "findings.yaml").unlink()
    (root / "findings.yaml").symlink_to("/dev/zero")
    assert_one_line_error(hkh("plan", "-p", root), "findings.yaml: ", DEVICE_LINE, "`hkh check` lists all 1")
    assert not (root / "out").exists()


def test_run_with_a_fifo_for_sources_yaml_stops_at_check(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    (root / "sources.yaml").unlink()
    fifo(root / "sources.yaml")
    result = hkh("run", "-p", root)
    assert result.exit_code == 1 and FIFO_LINE in result.stderr and not (root / "out").exists()


def test_a_fifo_in_data_stats_is_not_read(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    (root / "data" / "stats").mkdir(parents=True)
    fifo(root / "data" / "stats" / "tabell.csv")
    result = hkh("report", "-p", root)
    assert result.exit_code == 0, result.output  # a FIFO is not a table: left alone, as any other non-file


def test_a_fifo_for_the_output_manifest_does_not_block_writing(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    (root / "out").mkdir()
    fifo(root / "out" / ".hkh-manifest.json")
    result = hkh("plan", "-p", root)
    assert result.exit_code == 0, result.output
    assert (root / "out" / "action-plan.xlsx").is_file()  # hkh() asks for English


def test_a_fifo_where_an_output_goes_is_refused_not_opened(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    (root / "out").mkdir()
    fifo(root / "out" / "action-plan.xlsx")
    assert_one_line_error(hkh("plan", "-p", root), "action-plan.xlsx: hkh did not write this file")


def test_a_fifo_as_the_survey_answers_is_refused(tmp_path: Path) -> None:
    from hkh.survey.synthetic import export_tables, random_survey, write_xlsx

    root = sound_project(tmp_path / "p")
    export = write_xlsx(export_tables(random_survey(3, respondents=30)), tmp_path / "eksport.xlsx")
    assert hkh("import", export, "-p", root, "-s", "s").exit_code == 0
    answers = root / "data" / "survey" / "s" / "responses.csv"
    answers.unlink()
    fifo(answers)
    assert_one_line_error(hkh("survey", "-p", root), "responses.csv: the survey's answers are missing")


def test_a_fifo_as_a_codebook_is_not_an_imported_survey(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    folder = root / "data" / "survey" / "s"
    folder.mkdir(parents=True)
    fifo(folder / "codebook.yaml")
    result = hkh("check", "-p", root)
    assert result.exit_code == 0, result.output  # no ordinary codebook: no survey there


def test_a_large_export_is_refused_by_its_size_before_it_is_read(tmp_path: Path) -> None:
    root = sound_project(tmp_path / "p")
    big = tmp_path / "eksport.csv"
    with big.open("wb") as stream:
        stream.truncate(257 * 1024 * 1024)  # sparse: no disk used
    assert_one_line_error(hkh("import", big, "-p", root), "the file is 257 MB; hkh reads files of this kind up to 256 MB")
