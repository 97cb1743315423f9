"""`hkh plan`: the action plan workbook, markdown and CSV, read back and checked cell by cell."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from hkh.cli import app
from project_files import write_project_files

runner = CliRunner()

HKH = """\
title: Testkartlegging
language: {language}
mandate:
  - id: M1
    text: Omfang
parties: [Politiet, aktuelle hjelpeinstanser]
"""
SOURCES = """\
sources:
  - id: s1
    method: survey
    title: Undersøkelse
    n: 51
  - id: i1
    method: target_interview
    title: Intervju
    n: 6
"""
EFFORTS = """\
efforts:
  - id: ute
    organisation: Velferdsetaten
    name: Uteseksjonen
    offers: [oppsøkende]
    opening_hours: "Mo-Th 08:00-24:00; Fr 08:00-04:00, Sa 10:00-04:00"
"""
FINDINGS = """\
findings:
  - id: F1
    mandate: M1
    title: Utrygt på natt
    statement: Mange opplever området som utrygt etter midnatt
    evidence:
      - source: s1
        says: tre av ti trygge
      - source: i1
        says: natta er verst
    needs:
      - offer: oppsøkende
        when: "Mo-Su 23:00-04:00"
        text: Tilstedeværelse på natt
  - id: F2
    mandate: M1
    statement: Konflikter om bøff
    evidence:
      - source: s1
"""
PLAN = """\
# the team's own comment stays
goals:
  - text: Målrettet og god utnyttelse av politiets innsatser
    measures:
      - text: Politiet har systematisk tilstedeværelse i miljøet over tid
        responsible: Politiet
        timing: Fra juni 2020
        addresses: [F1]
      - text: Hyppigere våpenkontroller i aktuelt geografisk område
        responsible: Politiet
        involved: [aktuelle hjelpeinstanser, Uteseksjonen]
        timing: Fra høst 2020
        addresses: [F1.1, F2]
  - text: Sentrumsarbeidet gjennomgås
    measures:
      - text: En gjennomgang av eksisterende samarbeid
        responsible: Velferdsetaten
        timing: Kontinuerlig
follow_up:
  - finding: F1
    text: Natt må kartlegges bedre.
"""


def make_project(root: Path, *, language: str = "nb", plan: str = PLAN) -> Path:
    return write_project_files(
        root, hkh=HKH.format(language=language), sources=SOURCES, efforts=EFFORTS, findings=FINDINGS, plan=plan
    )


def test_workbook_has_goals_merged_over_measures_in_order(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    result = runner.invoke(app, ["plan", "-p", str(project)])
    assert result.exit_code == 0, result.output
    workbook = load_workbook(project / "out" / "handlingsplan.xlsx")
    assert workbook.sheetnames == ["Handlingsplan", "Oppfølging av tiltak", "Funn som bør følges opp", "Sporing"]
    sheet = workbook["Handlingsplan"]
    # the number column carries each measure's id, so that `hkh plan import` can match edited rows
    assert [c.value for c in sheet[1]] == ["Delmål", "Nr.", "Forslag til tiltak", "Ansvarlig og involverte", "Tid"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert rows == [
        [
            "1. Målrettet og god utnyttelse av politiets innsatser",
            "1.1",
            "Politiet har systematisk tilstedeværelse i miljøet over tid",
            "Politiet",
            "Fra juni 2020",
        ],
        [
            None,
            "1.2",
            "Hyppigere våpenkontroller i aktuelt geografisk område",
            "Politiet, aktuelle hjelpeinstanser og Uteseksjonen",
            "Fra høst 2020",
        ],
        ["2. Sentrumsarbeidet gjennomgås", "2.1", "En gjennomgang av eksisterende samarbeid", "Velferdsetaten", "Kontinuerlig"],
    ]
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A2:A3"]
    assert sheet.freeze_panes == "A2"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet["C2"].alignment.wrap_text and sheet["A1"].font.bold
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["E"].width

    follow = workbook["Funn som bør følges opp"]
    # titles where people read, ids in the last column
    assert [c.value for c in follow[2]] == ["Utrygt på natt", "Natt må kartlegges bedre.", "F1"]
    status = workbook["Oppfølging av tiltak"]
    assert [c.value for c in status[2]] == [
        "Nr.", "Forslag til tiltak", "Ansvarlig og involverte", "Tid", "Start", "Frist", "Status", "Sist endret", "Merknad"
    ]
    # "Fra høst 2020" starts with the autumn term; "Kontinuerlig" has no dates
    assert [(row[0].value, row[4].value, row[5].value) for row in status.iter_rows(min_row=3)] == [
        ("1.1", datetime(2020, 6, 1), None), ("1.2", datetime(2020, 8, 1), None), ("2.1", "løpende", None)
    ]
    (validation,) = status.data_validations.dataValidation
    assert validation.type == "list" and validation.formula1 == '"Ikke startet,Pågår,Gjennomført,Lagt bort"'
    assert str(validation.sqref).startswith("G3:G")
    trace = [[c.value for c in row] for row in workbook["Sporing"].iter_rows(min_row=2)]
    assert [row[0] for row in trace] == ["1.1", "1.2", "1.2"]
    assert trace[1][2:] == ["Tilstedeværelse på natt", "Behov", "F1.1"]
    assert trace[2][2:5] == ["Konflikter om bøff", "Funn", "F2"]


def test_english_names_and_labels(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", language="en")
    assert runner.invoke(app, ["plan", "-p", str(project)]).exit_code == 0
    workbook = load_workbook(project / "out" / "action-plan.xlsx")
    assert workbook.sheetnames == ["Action plan", "Follow-up of measures", "Findings to follow up", "Traceability"]
    assert [c.value for c in workbook["Action plan"][1]] == ["Sub-goal", "No.", "Proposed measure", "Responsible and involved", "Timing"]
    assert workbook["Action plan"]["D3"].value == "Politiet, aktuelle hjelpeinstanser and Uteseksjonen"


def test_language_option_overrides_project(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", language="en")
    assert runner.invoke(app, ["plan", "-p", str(project), "--language", "nn"]).exit_code == 0
    sheet = load_workbook(project / "out" / "handlingsplan.xlsx").worksheets[0]
    assert sheet["D1"].value == "Ansvarleg og involverte"


def test_declared_columns_labels_and_theme_grouping(tmp_path: Path) -> None:
    plan = """\
columns: [theme, measure, responsible, timing, cost, status]
labels: {cost: Økonomi (kr)}
group_by: theme
goals:
  - text: Mål
    measures:
      - text: Tiltak A
        theme: Trygghet
        responsible: Politiet
        extra: {cost: 20000, status: planlagt}
      - text: Tiltak B
        theme: Skadereduksjon
        responsible: Velferdsetaten
      - text: Tiltak C
        theme: Trygghet
        responsible: Politiet
        extra: {status: i gang}
"""
    project = make_project(tmp_path / "p", plan=plan)
    assert runner.invoke(app, ["plan", "-p", str(project)]).exit_code == 0
    sheet = load_workbook(project / "out" / "handlingsplan.xlsx").worksheets[0]
    assert [c.value for c in sheet[1]] == ["Tema", "Nr.", "Forslag til tiltak", "Ansvarlig og involverte", "Tid", "Økonomi (kr)", "Status"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    # measures gather under their theme in order of first appearance
    assert [[row[0], row[2]] for row in rows] == [["Trygghet", "Tiltak A"], [None, "Tiltak C"], ["Skadereduksjon", "Tiltak B"]]
    assert rows[0][5:] == ["20000", "planlagt"] and rows[1][6] == "i gang"
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A2:A3"]


def test_markdown_and_csv(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    assert runner.invoke(app, ["plan", "-p", str(project), "--format", "md"]).exit_code == 0
    text = (project / "out" / "handlingsplan.md").read_text("utf-8")
    assert "| Delmål | Forslag til tiltak | Ansvarlig og involverte | Tid |" in text
    assert "|  | Hyppigere våpenkontroller i aktuelt geografisk område |" in text
    assert "## Funn som bør følges opp" in text and "Natt må kartlegges bedre." in text

    assert runner.invoke(app, ["plan", "-p", str(project), "--format", "csv"]).exit_code == 0
    raw = (project / "out" / "handlingsplan.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so that Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Nr.", "Delmål", "Forslag til tiltak", "Ansvarlig og involverte", "Tid"]
    # not "1.1": a spreadsheet with a Norwegian locale would read that as 1 January
    assert [row[0] for row in rows[1:]] == ["Tiltak 1.1", "Tiltak 1.2", "Tiltak 2.1"]
    assert rows[2][1] == "1. Målrettet og god utnyttelse av politiets innsatser"


def test_edited_output_is_not_overwritten_without_force(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    assert runner.invoke(app, ["plan", "-p", str(project), "-f", "md"]).exit_code == 0
    target = project / "out" / "handlingsplan.md"
    target.write_text("my edits\n", "utf-8")
    result = runner.invoke(app, ["plan", "-p", str(project), "-f", "md"])
    assert result.exit_code == 2
    assert "handlingsplan.md: fila er endret etter at hkh skrev den" in result.stderr
    assert "Traceback" not in result.output
    assert target.read_text("utf-8") == "my edits\n"
    assert runner.invoke(app, ["plan", "-p", str(project), "-f", "md", "--force"]).exit_code == 0
    assert "Delmål" in target.read_text("utf-8")


def test_output_option_and_no_temp_files_left(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    target = tmp_path / "elsewhere" / "plan.xlsx"
    assert runner.invoke(app, ["plan", "-p", str(project), "-o", str(target)]).exit_code == 0
    assert load_workbook(target).worksheets[0]["C2"].value.startswith("Politiet har")
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]
    assert not (project / ".hkh.lock").exists()


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None or not Path("/usr/lib/libreoffice/program/libsclo.so").exists(),
    reason="LibreOffice Calc is not installed",
)
def test_libreoffice_opens_the_workbook(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    assert runner.invoke(app, ["plan", "-p", str(project)]).exit_code == 0
    converted = tmp_path / "converted"
    completed = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
         "--outdir", str(converted), str(project / "out" / "handlingsplan.xlsx")],
        capture_output=True, text=True, timeout=180,
    )
    assert completed.returncode == 0, completed.stderr
    text = (converted / "handlingsplan.csv").read_text("utf-8", errors="replace")
    assert "Hyppigere våpenkontroller" in text


def test_example_workbook_is_the_reports_table(tmp_path: Path) -> None:
    """Every goal and measure of chapter 6, in order and in the right columns, as the report prints them."""
    from test_example import EXAMPLE, EXPECTED_PLAN

    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("out"))
    result = runner.invoke(app, ["plan", "-p", str(project)])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(project / "out" / "handlingsplan.xlsx")["Handlingsplan"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    expected_rows = []
    for goal_number, (goal, measures) in enumerate(EXPECTED_PLAN, start=1):
        for index, (measure, responsible, timing) in enumerate(measures):
            # the PDF sets the last row's two parties on two lines; the workbook writes them as a sentence
            responsible = responsible.replace("\n", " og ")
            expected_rows.append(
                [f"{goal_number}. {goal}" if index == 0 else None, f"{goal_number}.{index + 1}", measure, responsible, timing]
            )
    assert rows == expected_rows
    merged = sorted(str(r) for r in sheet.merged_cells.ranges)
    assert merged == sorted(["A2:A5", "A6:A11", "A12:A13"])
    follow = [[c.value for c in row] for row in load_workbook(project / "out" / "handlingsplan.xlsx").worksheets[2].iter_rows(min_row=2)]
    assert len(follow) == 3
    assert [row[0] for row in follow] == ["Substitusjonsbehandling", "Samtidig ruslidelse og psykisk lidelse", "Desentraliserte tjenester"]


THEMED = """\
group_by: theme
goals:
  - text: Politiet
    measures:
      - text: Tiltak A
        theme: Trygghet
        responsible: Politiet
      - text: Tiltak B
        responsible: Politiet
  - text: Helse
    measures:
      - text: Tiltak C
        theme: Skadereduksjon
        responsible: Velferdsetaten
      - text: Tiltak D
        theme: Trygghet
        responsible: Velferdsetaten
"""


def test_theme_grouping_with_the_default_columns_groups_under_themes(tmp_path: Path) -> None:
    """`group_by: theme` without a theme column: a theme column is put first and merged over its measures; the
    goal stays a plain column; the measures without a theme come last under their own label."""
    project = make_project(tmp_path / "p", plan=THEMED)
    assert runner.invoke(app, ["plan", "-p", str(project)]).exit_code == 0
    sheet = load_workbook(project / "out" / "handlingsplan.xlsx").worksheets[0]
    assert [c.value for c in sheet[1]] == ["Tema", "Delmål", "Nr.", "Forslag til tiltak", "Ansvarlig og involverte", "Tid"]
    rows = [[c.value for c in row][:4] for row in sheet.iter_rows(min_row=2)]
    assert rows == [
        ["Trygghet", "1. Politiet", "1.1", "Tiltak A"],
        [None, "2. Helse", "2.2", "Tiltak D"],
        ["Skadereduksjon", "2. Helse", "2.1", "Tiltak C"],
        ["Uten tema", "1. Politiet", "1.2", "Tiltak B"],
    ]
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A2:A3"]
    assert runner.invoke(app, ["plan", "-p", str(project), "-f", "md"]).exit_code == 0
    markdown = (project / "out" / "handlingsplan.md").read_text("utf-8")
    assert "| Trygghet | 1. Politiet | Tiltak A |" in markdown and "| Uten tema | 1. Politiet | Tiltak B |" in markdown


def test_no_grouping_has_no_group_column(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", plan="group_by: none\n" + PLAN)
    assert runner.invoke(app, ["plan", "-p", str(project)]).exit_code == 0
    sheet = load_workbook(project / "out" / "handlingsplan.xlsx").worksheets[0]
    assert [c.value for c in sheet[1]] == ["Nr.", "Forslag til tiltak", "Ansvarlig og involverte", "Tid"]
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == ["1.1", "1.2", "2.1"]
    assert not sheet.merged_cells.ranges
    assert runner.invoke(app, ["plan", "-p", str(project), "-f", "csv"]).exit_code == 0
    rows = list(csv.reader(io.StringIO((project / "out" / "handlingsplan.csv").read_text("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Nr.", "Forslag til tiltak", "Ansvarlig og involverte", "Tid"]
    assert rows[1][:2] == ["Tiltak 1.1", "Politiet har systematisk tilstedeværelse i miljøet over tid"]


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None or not Path("/usr/lib/libreoffice/program/libsclo.so").exists(),
    reason="LibreOffice Calc is not installed",
)
def test_a_norwegian_spreadsheet_keeps_the_csv_ids_as_text(tmp_path: Path) -> None:
    """Opened as a spreadsheet with a Norwegian locale (nb-NO, special numbers detected, as Excel does), the
    measure ids stay the text they are; a bare `1.1` in the same file becomes a date (the check is real)."""
    project = make_project(tmp_path / "p")
    assert runner.invoke(app, ["plan", "-p", str(project), "--format", "csv"]).exit_code == 0
    source = project / "out" / "handlingsplan.csv"
    control = tmp_path / "control.csv"
    control.write_bytes(source.read_bytes() + b"1.1;2.3;Fra juni 2020\r\n")
    converted = tmp_path / "converted"
    # CSV import options: ';' separated, '"' quoted, UTF-8, from line 1, default column types, language 1044
    # (nb-NO), quoted fields not forced to text, detect special numbers (dates) on
    options = "59,34,76,1,,1044,false,true,false,false,true"
    completed = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
         f"--infilter=CSV:{options}", "--convert-to", "xlsx", "--outdir", str(converted), str(control)],
        capture_output=True, text=True, timeout=180,
    )
    assert completed.returncode == 0, completed.stderr
    sheet = load_workbook(converted / "control.xlsx").worksheets[0]
    ids = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert ids[:3] == ["Tiltak 1.1", "Tiltak 1.2", "Tiltak 2.1"]
    assert all(isinstance(cell.value, str) for row in sheet.iter_rows(min_row=1, max_row=4) for cell in row if cell.value)
    assert not isinstance(ids[3], str)  # the control: a bare 1.1 is read as a date (or number) in nb-NO
