"""`hkh import`: every export format gives the same result; malformed exports are refused with a location and
leave the project untouched; identifiers are dropped; sources.yaml keeps the team's comments."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from hkh.cli import app
from hkh.core.yamlio import load_yaml
from hkh.survey.codebook import Codebook
from hkh.survey.importing import import_survey
from hkh.survey.store import list_imported_surveys, load_survey
from hkh.survey.structure import is_non_substantive
from hkh.survey.surveyxact import column_letter
from hkh.survey.synthetic import ExportTables, export_tables, write_csv_set, write_spreadsheetml, write_xlsx
from survey_fixtures import make_project, small_survey

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "kartlegging")


@pytest.fixture()
def tables() -> ExportTables:
    return export_tables(small_survey())


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8"))))


def snapshot(project: Path) -> dict[str, bytes]:
    return {str(p.relative_to(project)): p.read_bytes() for p in sorted(project.rglob("*")) if p.is_file()}


# ------------------------------------------------------------------------------------------------- all formats


def export_variants(tables: ExportTables, folder: Path) -> dict[str, list[Path]]:
    variants: dict[str, list[Path]] = {
        "xlsx": [write_xlsx(tables, folder / "export.xlsx")],
        "xlsx-split": [write_xlsx(tables, folder / "split.xlsx", split_columns=7, repeat_first_column=True)],
        "xlsx-empty-strings": [write_xlsx(tables, folder / "resaved.xlsx", blanks_as_empty_strings=True)],
        "xml": [write_spreadsheetml(tables, folder / "export.xml")],
        # named .xlsx but really SpreadsheetML: the format comes from the bytes, not the name
        "xml-misnamed": [write_spreadsheetml(tables, folder / "misnamed.xlsx")],
    }
    for flavour in ("utf16-tab", "cp1252-semicolon", "cp1252-comma"):
        write_csv_set(tables, folder / flavour, flavour)  # type: ignore[arg-type]
        variants[flavour] = [folder / flavour]
    # the CSV files one by one, with prefixes and odd extensions
    loose = folder / "loose"
    write_csv_set(
        tables,
        loose,
        "cp1252-semicolon",
        names={"dataset": "Dataset_2020.TXT", "labels": "labels_x.csv", "structure": "STRUCTURE.csv", "variables": "variables.csv"},
    )
    variants["files"] = sorted(loose.iterdir())
    return variants


def test_every_format_gives_the_same_codebook_and_responses(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    results = {}
    for name, paths in export_variants(tables, tmp_path / "exports").items():
        result = run("import", *map(str, paths), "-p", str(project), "--source", f"s-{name}")
        assert result.exit_code == 0, (name, result.output)
        folder = project / "data" / "survey" / f"s-{name}"
        codebook = Codebook.load(folder / "codebook.yaml").model_dump(exclude={"imported", "files", "source"})
        results[name] = (codebook, (folder / "responses.csv").read_text("utf-8"))
    first_codebook, first_responses = results["xlsx"]
    for name, (codebook, responses) in results.items():
        assert codebook == first_codebook, name
        assert responses == first_responses, name
    assert len(list_imported_surveys(project)) == len(results)


def test_codebook_content(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    workbook = write_xlsx(tables, tmp_path / "export.xlsx")
    result = run("import", str(workbook), "-p", str(project), "-s", "test")
    assert result.exit_code == 0, result.output
    survey = load_survey(project, "test")
    codebook = survey.codebook
    assert codebook.respondents.model_dump() == {"rows": 24, "answered": 22, "complete": 18, "partial": 4}
    names = [q.name for q in codebook.questions]
    assert names == ["kjonn", "trygg_1", "trygg_2", "konflikt", "antall", "dato", "fritekst", "konflikt_annet"]
    trygg = codebook.question("trygg_2")
    assert trygg.type == "grid_item" and trygg.group == "trygg" and trygg.group_text == "Føler du deg trygg?"
    assert trygg.text == "Føler du deg trygg? - Etter midnatt"  # line break and double space cleaned
    assert trygg.non_substantive == [9]  # "Vet ikke" suggested
    konflikt = codebook.question("konflikt")
    assert konflikt.text == "Hva utløser konflikter? (flere kryss)"  # {%expression:…%} removed
    assert [(o.code, o.variable) for o in konflikt.options] == [(1, "konflikt_1"), (2, "konflikt_2"), (5, "konflikt_3"), (3, "konflikt_4")]
    assert konflikt.other_text == "konflikt_annet"
    assert codebook.question("konflikt_annet").parent == "konflikt"
    assert codebook.question("konflikt_3").name == "konflikt"  # lookup by variable
    assert codebook.question("kjonn").non_substantive == []  # "Annet/vil ikke svare" is not only a refusal
    assert codebook.question("antall").type == "number" and codebook.question("dato").type == "date"
    frame = survey.frame
    assert list(frame.columns) == codebook.columns() + ["_status"]
    assert frame["_status"].value_counts().to_dict() == {4: 18, 3: 4}
    # partial respondents never reached konflikt: their SurveyXact zeros are blanks, not "not chosen"
    partial = frame["_status"] == 3
    assert frame.loc[partial, "konflikt_1"].isna().all()
    complete = frame["_status"] == 4
    assert frame.loc[complete, "konflikt_1"].notna().sum() == survey.answered("konflikt")[complete].sum()
    assert str(frame["kjonn"].dtype) == "Int64" and str(frame["antall"].dtype) == "Float64"
    assert set(frame["antall"].dropna()) == {3.0, 2.5, 7.0, 0.0}
    assert frame["dato"].dropna().iloc[0] == "2020-04-01 10:15:00"
    # no timestamps or system columns, and open text flagged open
    for column in ("closetime", "starttime", "difftime", "statoverall_4", "respondentid"):
        assert column not in frame.columns
    assert codebook.question("fritekst").type == "open"
    assert not (project / "out").exists()


# ------------------------------------------------------------------------------------------------- identifiers


def test_identifiers_dropped_and_reported(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    workbook = write_xlsx(tables, tmp_path / "export.xlsx")
    result = run("import", str(workbook), "-p", str(project), "-l", "en")
    assert result.exit_code == 0, result.output
    for column, reason in (
        ("respondentid", "respondent or contact id (the variable name says “respondentid”)"),
        ("email", "e-mail address (the variable name says “email”)"),
        ("navn", "name (the question text says “Navn”)"),
        ("telefon", "phone number (the question text says “Telefon”)"),
        ("kontakt_epost", "e-mail address (the question text says “E-post”)"),
    ):
        assert f"dropped column {column}: {reason}" in result.output
    source = "export"
    folder = project / "data" / "survey" / source
    text = (folder / "responses.csv").read_text("utf-8")
    header = text.splitlines()[0].split(",")
    for column in ("respondentid", "email", "navn", "telefon", "kontakt_epost"):
        assert column not in header
    assert "Syntetisk Navn" not in text and "example.invalid" not in text and "90000001" not in text
    codebook = load_yaml(folder / "codebook.yaml")
    assert list(codebook["dropped"]) == ["respondentid", "email", "navn", "telefon", "kontakt_epost"]


def test_keep_identifiers(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    workbook = write_xlsx(tables, tmp_path / "export.xlsx")
    result = run("import", str(workbook), "-p", str(project), "--keep-identifiers", "-s", "med-id")
    assert result.exit_code == 0, result.output
    survey = load_survey(project, "med-id")
    assert survey.codebook.dropped == []
    for column in ("respondentid", "navn", "kontakt_epost"):
        question = survey.codebook.question(column)
        assert question is not None and question.type == "open", column  # never tabulated
    ids = survey.frame["respondentid"].dropna()
    assert all(len(value) == 9 and value.isdigit() for value in ids)  # 9-digit ids stay exact, as text


# ---------------------------------------------------------------------------------------- sources.yaml and files


def test_sources_yaml_comments_kept_and_entry_updated(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    workbook = write_xlsx(tables, tmp_path / "export.xlsx")
    assert run("import", str(workbook), "-p", str(project), "-s", "survey-2020").exit_code == 0
    text = (project / "sources.yaml").read_text("utf-8")
    for comment in ("# Kilderegisteret (kommentar som skal overleve import)", "# --- intervjuer ---", "# første intervju", "# --- spørreundersøkelsen kommer her ---"):
        assert comment in text
    tree = load_yaml(project / "sources.yaml")
    entry = next(s for s in tree["sources"] if s["id"] == "survey-2020")
    assert (entry["method"], entry["n"], entry["n_complete"], entry["n_partial"]) == ("survey", 22, 18, 4)
    assert list(entry["files"]) == ["data/raw/export.xlsx"]
    # the user renames the source and adds a note; a re-import with fewer respondents updates in place
    assert "title: Testundersøkelse" in text  # the survey's name in the export
    text = text.replace("title: Testundersøkelse", "title: Brukerundersøkelsen  # endret av teamet")
    (project / "sources.yaml").write_text(text + "    note: skrevet for hånd\n", encoding="utf-8")
    smaller = export_tables(small_survey(respondents=12))
    write_xlsx(smaller, workbook)
    result = run("import", str(workbook), "-p", str(project), "-s", "survey-2020", "--force", "--replace")
    assert result.exit_code == 0, result.output
    assert "oppdaterte kilden `survey-2020`" in result.output
    after = (project / "sources.yaml").read_text("utf-8")
    assert "title: Brukerundersøkelsen  # endret av teamet" in after and "note: skrevet for hånd" in after
    assert "# første intervju" in after
    tree = load_yaml(project / "sources.yaml")
    entries = [s for s in tree["sources"] if s["id"] == "survey-2020"]
    assert len(entries) == 1 and entries[0]["n"] == 11


def test_raw_export_copied_once_and_never_into_out(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    workbook = write_xlsx(tables, tmp_path / "outside.xlsx")
    result = run("import", str(workbook), "-p", str(project))
    assert result.exit_code == 0, result.output
    assert (project / "data" / "raw" / "outside.xlsx").read_bytes() == workbook.read_bytes()
    assert "kopierte råeksporten til data/raw/outside.xlsx" in result.output
    # an export already inside the project is not copied again
    inside = project / "data" / "raw" / "outside.xlsx"
    result = run("import", str(inside), "-p", str(project), "-s", "inside")
    assert result.exit_code == 0 and "copied" not in result.output
    assert sorted(p.name for p in (project / "data" / "raw").iterdir()) == ["outside.xlsx"]
    # a different export under the same name is not silently replaced
    write_xlsx(export_tables(small_survey(respondents=10)), workbook)
    result = run("import", str(workbook), "-p", str(project))
    assert result.exit_code == 2 and "--replace" in result.stderr  # the imported survey first
    result = run("import", str(workbook), "-p", str(project), "--replace")
    assert result.exit_code == 2 and "--force" in result.stderr  # then the raw copy in data/raw/
    assert not (project / "out").exists()


def test_reimport_keeps_edited_non_substantive(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    workbook = write_xlsx(tables, tmp_path / "export.xlsx")
    assert run("import", str(workbook), "-p", str(project), "-s", "s").exit_code == 0
    path = project / "data" / "survey" / "s" / "codebook.yaml"
    text = path.read_text("utf-8")
    edited = text.replace("  - {code: 3, label: \"Annet/vil ikke svare\"}\n  non_substantive: []", "  - {code: 3, label: \"Annet/vil ikke svare\"}\n  non_substantive: [3]")
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    result = run("import", str(workbook), "-p", str(project), "-s", "s", "--replace")
    assert result.exit_code == 0 and "beholdt endringene dine av non_substantive for: kjonn" in result.output
    assert Codebook.load(path).question("kjonn").non_substantive == [3]


def test_quiet_prints_nothing_and_progress_callback(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    workbook = write_xlsx(tables, tmp_path / "export.xlsx")
    result = run("--quiet", "import", str(workbook), "-p", str(project))
    assert result.exit_code == 0 and result.stdout == ""
    calls: list[tuple[str, int, int]] = []
    import_survey([workbook], project_dir=project, source_id="again", progress=lambda *a: calls.append(a))
    assert calls and calls[-1][1] == calls[-1][2]


def test_without_labels_and_structure(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    folder = tmp_path / "bare"
    write_csv_set(tables, folder, "utf16-tab", include=("dataset",))
    result = run("import", str(folder / "dataset.csv"), "-p", str(project), "-s", "bare", "--title", "Bare svarene")
    assert result.exit_code == 0, result.output
    assert "eksporten har verken Structure eller Labels" in result.stderr
    survey = load_survey(project, "bare")
    konflikt = survey.codebook.question("konflikt")
    assert konflikt.type == "multiple" and [o.code for o in konflikt.options] == [1, 2, 3, 4]  # suffixes: all we have
    kjonn = survey.codebook.question("kjonn")
    assert kjonn.type == "single" and [o.label for o in kjonn.options] == ["1", "2", "3"]
    assert survey.codebook.respondents.answered == 22  # status still read from statoverall_k
    assert {"navn", "telefon", "email", "respondentid"} <= set(survey.codebook.dropped)
    assert survey.codebook.question("closetime") is None


def test_without_labels_warns_and_keeps_codes(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    folder = tmp_path / "nolabels"
    write_csv_set(tables, folder, "cp1252-comma", include=("dataset", "structure"))
    result = run("import", str(folder), "-p", str(project), "-s", "nolabels", "--title", "Uten etiketter")
    assert result.exit_code == 0 and "eksporten har ingen Labels" in result.stderr
    trygg = load_survey(project, "nolabels").codebook.question("trygg_1")
    assert trygg.type == "grid_item" and {o.code for o in trygg.options} == {1, 2, 9}


# ------------------------------------------------------------------------------------------- malformed exports


def assert_refused(project: Path, args: list[str], location: str, words: str) -> None:
    before = snapshot(project)
    result = run("import", *args, "-p", str(project), "-l", "en")  # the words checked are the English ones
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(location + ": "), lines[0]
    assert words in lines[0], lines[0]
    assert "Traceback" not in result.output
    assert snapshot(project) == before
    assert not (project / "data").exists()


def dataset_column(tables: ExportTables, name: str) -> int:
    return tables.dataset[0].index(name)


def test_not_a_surveyxact_workbook(project: Path, tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.title = "Ark1"
    workbook.active["A1"] = "hei"
    path = tmp_path / "regneark.xlsx"
    workbook.save(path)
    assert_refused(project, [str(path)], str(path), "no sheet named 'Dataset'")


def test_corrupt_zip(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    path = write_xlsx(tables, tmp_path / "export.xlsx")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert_refused(project, [str(path)], str(path), "damaged")


def test_zip_that_is_not_a_workbook(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hei.txt", "hei")
    assert_refused(project, [str(path)], str(path), "not an Excel workbook")


def test_duplicate_column_names(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    column = dataset_column(tables, "trygg_2")
    tables.dataset[0][column] = "TRYGG_1 "  # case and spaces do not make it a different name
    path = write_xlsx(tables, tmp_path / "export.xlsx")
    assert_refused(project, [str(path)], f"{path}!Dataset!{column_letter(column)}1", "'trygg_1' appears twice")


def test_ragged_csv_row(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    write_csv_set(tables, folder, "cp1252-semicolon")
    dataset = folder / "dataset.csv"
    lines = dataset.read_bytes().split(b"\n")
    # records with quoted line breaks span two lines; find the physical line where record 10 starts
    text = dataset.read_text("cp1252")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    start = 1
    line_of_record = []
    for _ in reader:
        line_of_record.append(start)
        start = reader.line_num + 1
    # a record that sits on one line (no quoted line break), past a few multi-line ones
    target = next(n for n in line_of_record[12:] if b'"' not in lines[n - 1] and n + 1 in line_of_record)
    lines[target - 1] = lines[target - 1] + b";extra"
    dataset.write_bytes(b"\n".join(lines))
    assert_refused(project, [str(folder)], f"{dataset}:{target}", "fields but the header has")


def test_labels_row_with_non_numeric_code_csv(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    tables.labels[4][1] = "fem"
    folder = tmp_path / "csv"
    write_csv_set(tables, folder, "utf16-tab")
    assert_refused(project, [str(folder)], f"{folder / 'labels.csv'}:5", "'fem'")


def test_labels_row_with_non_numeric_code_xlsx(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    tables.labels[4][1] = "fem"
    path = write_xlsx(tables, tmp_path / "export.xlsx")
    assert_refused(project, [str(path)], f"{path}!Labels!B5", "is not a whole number")


def test_text_in_a_code_column(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    column = dataset_column(tables, "kjonn")
    tables.dataset[13][column] = "mann"
    path = write_xlsx(tables, tmp_path / "export.xlsx")
    assert_refused(project, [str(path)], f"{path}!Dataset!{column_letter(column)}14", "'mann'")


def test_checkbox_value_other_than_0_or_1(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    column = dataset_column(tables, "konflikt_2")
    tables.dataset[3][column] = 2
    folder = tmp_path / "csv"
    write_csv_set(tables, folder, "cp1252-comma")
    text = (folder / "dataset.csv").read_text("cp1252")
    reader = csv.reader(io.StringIO(text, newline=""))
    start, lines = 1, []
    for _ in reader:
        lines.append(start)
        start = reader.line_num + 1
    assert_refused(project, [str(folder)], f"{folder / 'dataset.csv'}:{lines[3]}", "checkbox column 'konflikt_2'")


def test_empty_dataset(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    tables.dataset = tables.dataset[:1]
    path = write_xlsx(tables, tmp_path / "export.xlsx")
    assert_refused(project, [str(path)], f"{path}!Dataset!A1", "no respondents")


def test_nobody_answered(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    survey = small_survey()
    survey.statuses = [2] * len(survey.statuses)
    path = write_xlsx(export_tables(survey), tmp_path / "export.xlsx")
    assert_refused(project, [str(path)], f"{path}!Dataset!A2", "nobody answered")


def test_wrong_encoding(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    write_csv_set(tables, folder, "cp1252-semicolon")
    labels = folder / "labels.csv"
    lines = labels.read_bytes().split(b"\n")
    lines[2] = lines[2] + b"\x81\x8d"  # bytes that are neither UTF-8 nor Windows-1252
    labels.write_bytes(b"\n".join(lines))
    assert_refused(project, [str(folder)], f"{labels}:3", "cannot read this file")


def test_binary_file(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "dataset.csv"
    path.write_bytes(b"s_1,s_2\n1,\x00\x01\x02\x03\x04\n")
    assert_refused(project, [str(path)], f"{path}:2", "does not look like a text file")


def test_no_dataset_among_csv_files(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    write_csv_set(tables, folder, "cp1252-semicolon", include=("labels", "structure"))
    assert_refused(project, [str(folder)], str(sorted(folder.iterdir())[0]), "no dataset file")


def test_text_file_that_is_not_an_export(project: Path, tmp_path: Path) -> None:
    path = tmp_path / "notat.txt"
    path.write_text("Dette er et notat fra møtet\nmed flere linjer\n", encoding="utf-8")
    assert_refused(project, [str(path)], f"{path}:1", "not a variable name")


def test_missing_file(project: Path, tmp_path: Path) -> None:
    assert_refused(project, [str(tmp_path / "finnes-ikke.xlsx")], str(tmp_path / "finnes-ikke.xlsx"), "no such file")


def test_bad_source_id(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    path = write_xlsx(tables, tmp_path / "export.xlsx")
    result = run("import", str(path), "-p", str(project), "-s", "min kilde", "-l", "en")
    assert result.exit_code == 2 and "not a valid source id" in result.stderr
    assert not (project / "data").exists()


def test_source_id_taken_by_another_method(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    path = write_xlsx(tables, tmp_path / "export.xlsx")
    result = run("import", str(path), "-p", str(project), "-s", "intervju-1")
    assert result.exit_code == 2 and "står i sources.yaml med metoden `target_interview`" in result.stderr
    assert result.stderr.startswith(f"{project / 'sources.yaml'}:") or "sources.yaml:" in result.stderr
    assert not (project / "data").exists()


# ----------------------------------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    "label, expected",
    [
        ("Vet ikke", True),
        ("Ikke relevant/ vet ikke", True),
        ("Ved ikke / ikke relevant", True),
        ("keine Angabe", True),
        ("Weiß nicht", True),
        ("Don't know", True),
        ("Not applicable", True),
        ("Vil ikke svare", True),
        ("Ønsker ikke å svare", True),
        ("Annet/vil ikke svare", False),
        ("Får ikke karakter", False),
        ("Nei", False),
    ],
)
def test_non_substantive_suggestions(label: str, expected: bool) -> None:
    assert is_non_substantive(label) is expected


def test_sources_yaml_created_when_missing(tmp_path: Path, tables: ExportTables) -> None:
    project = tmp_path / "ny"
    project.mkdir()
    (project / "hkh.yaml").write_text("title: Ny\n", encoding="utf-8")
    path = write_xlsx(tables, tmp_path / "export.xlsx")
    result = run("import", str(path), "-p", str(project), "-s", "s")
    assert result.exit_code == 0, result.output
    tree = load_yaml(project / "sources.yaml")
    assert [s["id"] for s in tree["sources"]] == ["s"]


def test_grid_items_sharing_one_question_name(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    """Grid items may share a questionName (instead of one each, as in readSX's export): same grid either way."""
    for row in tables.structure[1:]:
        if row[1] in ("trygg_1", "trygg_2"):
            row[0] = "trygg"
    path = write_xlsx(tables, tmp_path / "export.xlsx")
    assert run("import", str(path), "-p", str(project), "-s", "s").exit_code == 0
    codebook = load_survey(project, "s").codebook
    items = [q for q in codebook.questions if q.type == "grid_item"]
    assert [(q.name, q.group) for q in items] == [("trygg_1", "trygg"), ("trygg_2", "trygg")]
    assert items[1].text == "Føler du deg trygg? - Etter midnatt"


def test_short_names_are_mapped_through_structure(project: Path, tmp_path: Path) -> None:
    survey = small_survey()
    survey.short_names = True
    survey.status_family = "stato"
    tables = export_tables(survey)
    header = tables.dataset[0]
    assert "responde" in header and "kontakt_" in header and all(len(name) <= 8 for name in header)
    path = write_xlsx(tables, tmp_path / "export.xlsx")
    assert run("import", str(path), "-p", str(project), "-s", "kort").exit_code == 0
    codebook = load_survey(project, "kort").codebook
    assert codebook.respondents.answered == 22 and codebook.respondents.complete == 18
    assert {"responde", "kontakt_"} <= set(codebook.dropped)  # found by questionName and by text
    konflikt = codebook.question("konflikt")
    assert konflikt.type == "multiple" and konflikt.variables == ["konflikt", "konfli_1", "konfli_2", "konfli_3"]
    assert codebook.question("konflikt_annet").variables[0] in header and codebook.question("konflikt_annet").parent == "konflikt"


def test_labels_row_with_non_numeric_code_spreadsheetml(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    tables.labels[2][1] = "x7"
    path = write_spreadsheetml(tables, tmp_path / "export.xml")
    assert_refused(project, [str(path)], f"{path}!Labels!B3", "'x7'")


def test_structure_choice_value_not_a_number(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    row = next(i for i, r in enumerate(tables.structure) if r[3] == "Multiple")
    tables.structure[row][5] = "fem"
    folder = tmp_path / "csv"
    write_csv_set(tables, folder, "cp1252-comma")
    # the physical line (a quoted text with a line break above it makes it differ from the row number)
    line = next(n for n, text in enumerate((folder / "structure.csv").read_text("cp1252").split("\n"), 1) if ",fem," in text)
    assert line == row + 2
    assert_refused(project, [str(folder)], f"{folder / 'structure.csv'}:{line}", "choiceValue 'fem'")


def test_damaged_spreadsheetml(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    path = write_spreadsheetml(tables, tmp_path / "export.xml")
    text = path.read_text("utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    result = run("import", str(path), "-p", str(project))
    assert result.exit_code == 2 and result.stderr.startswith(f"{path}:") and "damaged" in result.stderr
    assert not (project / "data").exists()


def test_hand_edited_codebook_with_an_unquoted_timestamp_still_loads(tmp_path: Path) -> None:
    from hkh.survey.codebook import Codebook

    path = tmp_path / "codebook.yaml"
    path.write_text(
        "source: s\nimported: 2020-05-01 12:00:00\nrespondents: {rows: 1, answered: 1}\nquestions: []\n", "utf-8"
    )
    assert Codebook.load(path).imported.startswith("2020-05-01T12:00:00")


def test_xml_workbook_with_an_unknown_encoding_is_reported_as_damaged(project: Path, tmp_path: Path) -> None:
    # found by the property tests: one damaged byte in the XML declaration made ElementTree raise LookupError
    export = tmp_path / "export.xml"
    export.write_bytes(
        b'<?xml version="1.0" encoding="UF-8"?>\n'
        b'<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>\n'
    )
    result = run("import", str(export), "-p", str(project))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{export}:1: arbeidsboka er skadet og kan ikke leses; last den ned eller eksporter den på nytt"


def test_a_dataset_sheet_that_does_not_start_at_a1_is_read_where_it_is(project: Path, tmp_path: Path) -> None:
    """A hand-moved Dataset (header on row 3, from column B): read from there, and messages name the real cells."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Dataset"
    for r, row in enumerate([["respondentid", "alder", "alder"], [1, 2, 2], [2, 3, 3]], start=3):
        for c, value in enumerate(row, start=2):
            sheet.cell(r, c, value)
    path = tmp_path / "moved.xlsx"
    workbook.save(path)
    result = run("import", str(path), "-p", str(project))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{path}!Dataset!D3: kolonnenavnet «alder» står to ganger (også i Dataset!C3)"
    sheet["D3"] = "kjonn"
    workbook.save(path)
    result = run("import", str(path), "-p", str(project), "-s", "moved", "--title", "Flyttet")
    assert result.exit_code == 0, result.stderr
    survey = load_survey(project, "moved")
    assert survey.codebook.respondents.rows == 2
    assert [q.name for q in survey.codebook.questions] == ["alder", "kjonn"]


def test_a_second_round_is_never_imported_over_the_first(tmp_path: Path) -> None:
    from report_fixtures import SURVEY_ID, synthetic_survey, write_small_project

    project = write_small_project(tmp_path / "kartlegging", "nb")
    responses = project / "data" / "survey" / SURVEY_ID / "responses.csv"
    kept = responses.read_bytes()
    second = write_xlsx(export_tables(synthetic_survey(respondents=11)), tmp_path / "runde2.xlsx")
    refused = run("import", str(second), "-p", str(project), "-s", SURVEY_ID)
    assert refused.exit_code == 2
    assert f"undersøkelsen `{SURVEY_ID}` er allerede importert" in refused.stderr
    assert f"--source {SURVEY_ID}-2" in refused.stderr and "--replace" in refused.stderr
    assert responses.read_bytes() == kept
    # the second round under its own id: both stay, and `hkh survey --source` reads either
    assert run("import", str(second), "-p", str(project), "-s", f"{SURVEY_ID}-2").exit_code == 0
    assert list_imported_surveys(project) == [SURVEY_ID, f"{SURVEY_ID}-2"]
    bases = {}
    for source in (SURVEY_ID, f"{SURVEY_ID}-2"):
        result = run("survey", "-p", str(project), "--source", source, "--format", "json")
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)
        bases[data["source"]] = data["questions"][0]["base"]
    assert bases[SURVEY_ID] != bases[f"{SURVEY_ID}-2"]
    ids = [s["id"] for s in load_yaml(project / "sources.yaml")["sources"]]
    assert ids.count(SURVEY_ID) == 1 and ids.count(f"{SURVEY_ID}-2") == 1
    # `hkh run` writes a survey workbook for each round
    result = run("run", "-p", str(project))
    assert result.exit_code == 0, result.output
    names = {path.name for path in (project / "out").iterdir()}
    assert {f"sporreundersokelse-{SURVEY_ID}.xlsx", f"sporreundersokelse-{SURVEY_ID}-2.xlsx"} <= names
    # --replace replaces, on purpose
    assert run("import", str(second), "-p", str(project), "-s", SURVEY_ID, "--replace").exit_code == 0
    assert responses.read_bytes() != kept


# ----------------------------------------------------------------------------------------------- the title


def test_the_title_is_the_survey_s_name_in_the_export(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    workbook = write_xlsx(tables, tmp_path / "export.xlsx")
    result = run("import", str(workbook), "-p", str(project), "-s", "s")
    assert result.exit_code == 0, result.output
    assert "la til kilden `s` med tittelen «Testundersøkelse» i sources.yaml" in result.output
    # --title replaces it; a re-import without --title keeps what sources.yaml says
    assert run("import", str(workbook), "-p", str(project), "-s", "s", "--title", "Brukerundersøkelsen 2020", "--replace").exit_code == 0
    again = run("import", str(workbook), "-p", str(project), "-s", "s", "--replace")
    assert "oppdaterte kilden `s` («Brukerundersøkelsen 2020»)" in again.output
    entry = next(e for e in load_yaml(project / "sources.yaml")["sources"] if e["id"] == "s")
    assert entry["title"] == "Brukerundersøkelsen 2020"


def test_an_export_without_a_name_needs_a_title(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    """Outside a terminal (a script, CI) hkh cannot ask, and a file name is no title: refused, with the fix."""
    folder = tmp_path / "bare"
    write_csv_set(tables, folder, "utf16-tab", include=("dataset",))
    before = snapshot(project)
    result = run("import", str(folder / "dataset.csv"), "-p", str(project), "-s", "bare")
    assert result.exit_code == 2
    assert "eksporten sier ikke hva undersøkelsen heter" in result.stderr
    assert '`hkh import dataset.csv --title "' in result.stderr
    assert snapshot(project) == before


def test_at_a_terminal_hkh_asks_for_the_title(project: Path, tables: ExportTables, tmp_path: Path) -> None:
    asked: list[str] = []

    def ask(export: str) -> str:
        asked.append(export)
        return "  Brukerundersøkelse 2020 "

    folder = tmp_path / "bare"
    write_csv_set(tables, folder, "utf16-tab", include=("dataset",))
    result = import_survey([folder / "dataset.csv"], project_dir=project, source_id="bare", ask_title=ask)
    assert asked == ["dataset.csv"] and result.title == "Brukerundersøkelse 2020"
