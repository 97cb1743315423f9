"""Import real SurveyXact Structure/Labels files (public package test data) with a dataset generated to fit them.

The metadata are read at test time from ../shared/realdata/surveyxact/ beside the repository (see SOURCE.txt there); the tests skip
when that folder is missing. readSX's example survey comes in three real CSV flavours (UTF-16/TAB,
Windows-1252/semicolon, Windows-1252/comma); laravel-sx's REST exports use 8-character short names. Each set is
imported as CSV in every flavour and as an .xlsx workbook, and every import must give the same codebook and the
same responses.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from typing import Any

import pytest

from hkh.survey.codebook import Codebook
from hkh.survey.importing import import_survey
from hkh.survey.surveyxact import as_code, read_text_table
from hkh.survey.synthetic import FLAVOURS, ExportTables, dataset_for_metadata, write_csv_set, write_xlsx
from survey_fixtures import make_project

# shared/ lies beside the repository, here and in CI's fresh clone
REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata" / "surveyxact"
READSX = REALDATA / "readSX_ex_survey2"
LARAVEL = REALDATA / "laravel-sx"
FLAVOUR_DIRS = {"utf16-tab": "tab_utf16", "cp1252-semicolon": "semicolon_ansi", "cp1252-comma": "comma_ansi"}

pytestmark = pytest.mark.skipif(not REALDATA.is_dir(), reason="real SurveyXact metadata not available")


def _rows(path: Path) -> list[list[str]]:
    return read_text_table(path, str(path)).rows


def _typed_structure(rows: list[list[str]]) -> list[list[Any]]:
    header = [c.strip() for c in rows[0]][:7]
    typed: list[list[Any]] = [header]
    for row in rows[1:]:
        cells: list[Any] = (row + [""] * 7)[:7]
        cells[5] = as_code(cells[5]) if cells[5].strip() else None
        typed.append(cells)
    return typed


def _typed_labels(rows: list[list[str]]) -> list[list[Any]]:
    return [[r[0], as_code(r[1]), r[2] if len(r) > 2 else ""] for r in rows]


def _comparable(codebook: Codebook, ignore: set[str]) -> dict[str, Any]:
    data = codebook.model_dump(exclude={"imported", "files", "source"})
    data["questions"] = [q for q in data["questions"] if q["name"] not in ignore]
    return data


def _import_all(
    tmp_path: Path, structure: Path, labels: Path, real_flavours: dict[str, Path] | None, title: str | None = None
) -> dict[str, Any]:
    """Import the metadata with one generated dataset in every format; returns {format: (codebook, csv text)}."""
    structure_rows = _typed_structure(_rows(structure))
    label_rows = _typed_labels(_rows(labels))
    dataset = dataset_for_metadata(structure_rows, label_rows, respondents=60, seed=11)
    tables = ExportTables(dataset=dataset, labels=label_rows, structure=structure_rows, variables=None)
    project = make_project(tmp_path / "project")
    results: dict[str, Any] = {}
    for flavour in FLAVOURS:
        folder = tmp_path / f"export-{flavour}"
        write_csv_set(tables, folder, flavour, include=("dataset",))
        if real_flavours is not None:
            # the real files, byte for byte, beside the generated dataset
            shutil.copyfile(real_flavours[flavour] / "structure.csv", folder / "structure.csv")
            shutil.copyfile(real_flavours[flavour] / "labels.csv", folder / "labels.csv")
        else:
            write_csv_set(tables, folder, flavour, include=("labels", "structure"))
        results[flavour] = import_survey([folder], project_dir=project, source_id=f"real-{flavour}", title=title)
    workbook = write_xlsx(tables, tmp_path / "export.xlsx", blanks_as_empty_strings=True)
    results["xlsx"] = import_survey([workbook], project_dir=project, source_id="real-xlsx", title=title)
    return {
        name: (result.codebook, (result.directory / "responses.csv").read_text("utf-8"), result)
        for name, result in results.items()
    }


def test_readsx_all_flavours_agree(tmp_path: Path) -> None:
    # the dataset fits the TAB export's Structure (the comma export's Structure adds two contact columns)
    base = READSX / FLAVOUR_DIRS["utf16-tab"]
    imported = _import_all(
        tmp_path,
        base / "structure.csv",
        base / "labels.csv",
        {flavour: READSX / folder for flavour, folder in FLAVOUR_DIRS.items()},
        title="readSX example survey",  # its exports do not name the survey (laravel-sx's do)
    )
    # Only the comma export carries the school labels of the background variable b_1_1 (SOURCE.txt), so that
    # question differs between flavours by design; everything else must be identical.
    ignore = {"b_1_1"}
    codebooks = {name: _comparable(cb, ignore) for name, (cb, _, _) in imported.items()}
    first = codebooks["utf16-tab"]
    for name, data in codebooks.items():
        assert data == first, f"{name} differs from utf16-tab"
    responses = {name: text for name, (_, text, _) in imported.items()}
    assert len(set(responses.values())) == 1

    codebook = imported["utf16-tab"][0]
    # v_1 is a checkbox question whose codes are not the suffixes: v_1_14 -> 16, v_1_15 -> 14, v_1_16 -> 15
    v1 = codebook.question("v_1")
    assert v1 is not None and v1.type == "multiple"
    codes = {o.variable: o.code for o in v1.options}
    assert codes["v_1_14"] == 16 and codes["v_1_15"] == 14 and codes["v_1_16"] == 15
    # grid items with their own questionName, linked by the shared text; the empty grid text of b_6 too
    i01 = codebook.question("i_01")
    assert i01 is not None and i01.type == "grid_item" and i01.group == "i"
    assert i01.text.endswith("- Lærere") and "  " not in i01.text
    b61 = codebook.question("b_6_1")
    assert b61 is not None and b61.type == "grid_item" and b61.text == "Hvor ble du født?" and b61.group_text == ""
    # b_1 is used twice as questionName: the second (Skole) keeps its variable name
    assert codebook.question("b_1").text == "Er du jente eller gutt?"
    assert codebook.question("b_1_1").text == "Skole"
    # the four "other, specify" texts sit after the status block and are linked by their text
    for other, parent in (("s_1", "v_1"), ("s_3", "s_2"), ("s_5", "s_4"), ("s_7", "s_6")):
        question = codebook.question(other)
        assert question is not None and question.type == "open" and question.parent == parent, other
        assert codebook.question(parent).other_text == other
    # "Vet ikke" and "Ikke relevant/ vet ikke" are suggested as non-substantive
    s6 = codebook.question("s_6")
    vet_ikke = [o.code for o in s6.options if o.label.lower() == "vet ikke"]
    assert vet_ikke and set(vet_ikke) <= set(s6.non_substantive)
    # status comes from stato_1..5; no system column is a question
    assert codebook.respondents.complete + codebook.respondents.partial == codebook.respondents.answered
    assert codebook.question("stato_1") is None


def test_laravel_short_names_de_and_en(tmp_path: Path) -> None:
    for lang in ("de", "en"):
        imported = _import_all(
            tmp_path / lang, LARAVEL / f"structure_{lang}.csv", LARAVEL / f"labels_{lang}.csv", None
        )
        codebooks = {name: _comparable(cb, set()) for name, (cb, _, _) in imported.items()}
        assert all(data == codebooks["utf16-tab"] for data in codebooks.values())
        assert len({text for _, text, _ in imported.values()}) == 1
        codebook, responses, result = imported["utf16-tab"]
        header = responses.splitlines()[0].split(",")
        # system columns (short names) are not questions; identifiers dropped, with their reasons found from
        # short names (responde, digit_1) and from question texts (s_1 "email", s_6 "telephone", name)
        for system in ("stat_1", "stat_21", "statc_4", "statd_1", "closetim", "starttim", "difftime", "response", "stato_4"):
            assert system not in header
        assert {"responde", "email", "digit_1", "name", "s_1", "s_6"} <= set(codebook.dropped)
        assert "_status" == header[-1]
        sdg = codebook.question("s_11")
        assert sdg is not None and sdg.type == "multiple" and len(sdg.options) == 17
        assert sdg.options[11].label == "12 - responsible consumption and production"
        # Open/Single with value labels is a single-choice question; the negative code -7 is kept
        trainer = codebook.question("trainer_1")
        assert trainer is not None and trainer.type == "single" and trainer.variables == ["train_1"]
        assert any(o.code == -7 for o in trainer.options)
        assert -7 in trainer.non_substantive  # "keine Angabe" (en labels keep the German text)
        # long questionName, short variable: generated_id / generate
        assert codebook.question("generated_id").variables == ["generate"]
        assert codebook.respondents.answered == len(list(csv.reader(io.StringIO(responses)))) - 1
        assert result.title == "HF 4 - GfE Applicants/participants"


def test_readsx_contact_columns_dropped(tmp_path: Path) -> None:
    """The comma export has background columns id, orgnr ("Kontaktopplysninger - ...") and forn, ettern, email."""
    base = READSX / "comma_ansi"
    structure_rows = _typed_structure(_rows(base / "structure.csv"))
    label_rows = _typed_labels(_rows(base / "labels.csv"))
    dataset = dataset_for_metadata(structure_rows, label_rows, respondents=30, seed=3)
    dataset[0] += ["forn", "ettern", "email"]
    for number, row in enumerate(dataset[1:]):
        row += [f"Fornavn{number}", f"Etternavn{number}", f"x{number}@example.invalid"]
    folder = tmp_path / "export"
    write_csv_set(ExportTables(dataset, label_rows, structure_rows), folder, "cp1252-comma", include=("dataset",))
    shutil.copyfile(base / "structure.csv", folder / "structure.csv")
    shutil.copyfile(base / "labels.csv", folder / "labels.csv")
    project = make_project(tmp_path / "project")
    result = import_survey([folder], project_dir=project, source_id="skole", title="readSX example survey")
    assert set(result.dropped) == {"id", "orgnr", "forn", "ettern", "email"}
    text = (result.directory / "responses.csv").read_text("utf-8")
    assert "Fornavn1" not in text and "example.invalid" not in text
    assert "forn" not in text.splitlines()[0].split(",")
    # b_1_1 (school) has its labels in this flavour, including one with a '?' for a character lost in cp1252
    school = result.codebook.question("b_1_1")
    assert school is not None and len(school.options) > 10
    assert any("'?'" in warning.render() for warning in result.warnings)
