"""`hkh plan import`: the plan workbook edited as a person would (openpyxl, LibreOffice), read back into plan.yaml."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from hkh.cli import app

runner = CliRunner()
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "brugata_storgata"
PLAN_SHEET = "Handlingsplan"
FOLLOW_SHEET = "Oppfølging av tiltak"


def example_copy(tmp_path: Path) -> Path:
    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("out"))
    result = runner.invoke(app, ["plan", "-p", str(project)])
    assert result.exit_code == 0, result.output
    return project


def rows_by_number(sheet: Worksheet, column: int = 2, first: int = 2) -> dict[str, int]:
    return {str(sheet.cell(r, column).value): r for r in range(first, sheet.max_row + 1) if sheet.cell(r, column).value}


def insert_row(sheet: Worksheet, at: int) -> None:
    """Insert a row as Excel does: the merged goal cells around it grow, those below move down."""
    ranges = [(m.min_row, m.max_row, m.min_col, m.max_col) for m in sheet.merged_cells.ranges]
    for merged in list(sheet.merged_cells.ranges):
        sheet.unmerge_cells(str(merged))
    sheet.insert_rows(at)
    for low, high, left, right in ranges:
        if high < at - 1:
            sheet.merge_cells(start_row=low, end_row=high, start_column=left, end_column=right)
        elif low >= at:
            sheet.merge_cells(start_row=low + 1, end_row=high + 1, start_column=left, end_column=right)
        else:  # the new row is inside the range, or just below its last row
            sheet.merge_cells(start_row=low, end_row=high + 1, start_column=left, end_column=right)


def delete_row(sheet: Worksheet, at: int) -> None:
    """Delete a row as Excel does: a merged range over it shrinks, those below move up."""
    ranges = [(m.min_row, m.max_row, m.min_col, m.max_col) for m in sheet.merged_cells.ranges]
    for merged in list(sheet.merged_cells.ranges):
        sheet.unmerge_cells(str(merged))
    top_value = {low: sheet.cell(low, left).value for low, _high, left, _right in ranges}
    sheet.delete_rows(at)
    for low, high, left, right in ranges:
        if high < at:
            new = (low, high)
        elif low > at:
            new = (low - 1, high - 1)
        else:
            new = (low, high - 1)
            if low == at and high > low:  # the goal cell's row went: its text moves to the row below, now on top
                sheet.cell(low, left).value = top_value[low]
        if new[1] > new[0]:
            sheet.merge_cells(start_row=new[0], end_row=new[1], start_column=left, end_column=right)


def import_plan(project: Path, workbook: Path, *extra: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["plan", "import", str(workbook), "-p", str(project), *extra])
    return result.exit_code, result.stdout, result.stderr


NEW_TEXT = "Hyppigere og uanmeldte våpenkontroller i området rundt Brugata og Storgata"
ADDED = "Etablere et fast samarbeidsmøte mellom de oppsøkende tjenestene om natten"


def edit_as_a_person(path: Path) -> None:
    """One text changed (1.2), one row added at the end of goal 2, one removed (3.2), one status set (2.1)."""
    workbook = load_workbook(path)
    sheet = workbook[PLAN_SHEET]
    rows = rows_by_number(sheet)
    sheet.cell(rows["1.2"], 3).value = NEW_TEXT
    delete_row(sheet, rows["3.2"])
    at = rows["2.6"] + 1
    insert_row(sheet, at)
    sheet.cell(at, 3).value = ADDED
    sheet.cell(at, 4).value = "Uteseksjonen og Politiet"
    sheet.cell(at, 5).value = "Innen juni 2021"
    follow = workbook[FOLLOW_SHEET]
    follow.cell(rows_by_number(follow, column=1, first=3)["2.1"], 7).value = "Pågår"
    workbook.save(path)


def expected_plan(original: str) -> str:
    """The example's plan.yaml with exactly the four edits, written by hand."""
    today = date.today().isoformat()
    text = original.replace(
        "      - text: Hyppigere våpenkontroller i aktuelt geografisk område\n",
        f"      - text: {NEW_TEXT}\n",
    )
    text = text.replace(
        "        timing: Kontinuerlig\n        addresses: [oppsokende-verdsatt, trygghet-kveld-natt]\n",
        "        timing: Kontinuerlig\n        addresses: [oppsokende-verdsatt, trygghet-kveld-natt]\n"
        f"        status: in_progress\n        status_date: {today}\n",
    )
    text = text.replace(
        "        addresses: [trygghet-kveld-natt]\n\n  - text: Sentrumsarbeidet gjennomgås\n",
        "        addresses: [trygghet-kveld-natt]\n"
        f"      - text: {ADDED}\n        responsible: Uteseksjonen\n        involved: [Politiet]\n"
        "        timing: Innen juni 2021\n\n  - text: Sentrumsarbeidet gjennomgås\n",
    )
    removed = re.search(r"      - text: >-\n          Det utarbeides en nettside.*?addresses: \[sentrumsarbeidet\]\n", text, re.DOTALL)
    assert removed is not None
    return text[: removed.start()] + text[removed.end():]


def comment_lines(text: str) -> list[str]:
    return [line[line.index("#"):] for line in text.splitlines() if "#" in line]


def test_a_workbook_edited_as_a_person_would_gives_exactly_those_changes(tmp_path: Path) -> None:
    project = example_copy(tmp_path)
    original = (project / "plan.yaml").read_text("utf-8")
    edited = tmp_path / "handlingsplan-redigert.xlsx"
    shutil.copy(project / "out" / "handlingsplan.xlsx", edited)
    edit_as_a_person(edited)

    code, out, err = import_plan(project, edited, "--dry-run")
    assert code == 0, err
    assert (project / "plan.yaml").read_text("utf-8") == original  # a dry run writes nothing
    assert out.splitlines()[1:6] == [
        "  3.2: fjernet: «Det utarbeides en nettside for sentrumsarbeidet som enkelt kan gi innbyggere og aktører "
        "oversikt og kunnskap om det pågående arbeidet overfor åpne rusmiljø i sentrumsområdene»",
        f"  1.2: ny tekst: «{NEW_TEXT}» (var «Hyppigere våpenkontroller i aktuelt geografisk område»)",
        "  2.1: status: «Pågår» (var «(ikke satt)»)",
        f"  2.1: status endret: «{date.today().isoformat()}» (var «(ikke satt)»)",
        f"  2.7: nytt tiltak under delmål 2: «{ADDED}»",
    ]

    code, out, err = import_plan(project, edited)
    assert code == 0, err
    written = (project / "plan.yaml").read_text("utf-8")
    assert written == expected_plan(original)
    assert comment_lines(written) == comment_lines(original)  # every comment kept, in order
    check = runner.invoke(app, ["check", "-p", str(project)])
    assert check.exit_code == 0, check.stderr

    # the same workbook read again changes nothing: the new row is known by its text now
    code, out, err = import_plan(project, edited)
    assert code == 0 and "Ingen endringer" in out, out + err
    assert (project / "plan.yaml").read_text("utf-8") == written
    # out/handlingsplan.xlsx was written anew: the new row has its number, and `hkh plan` may replace it
    sheet = load_workbook(project / "out" / "handlingsplan.xlsx")[PLAN_SHEET]
    assert rows_by_number(sheet).keys() >= {"2.7", "3.1"} and "3.2" not in rows_by_number(sheet)
    assert runner.invoke(app, ["plan", "-p", str(project)]).exit_code == 0


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("soffice") is None or not Path("/usr/lib/libreoffice/program/libsclo.so").exists(),
    reason="LibreOffice Calc is not installed",
)
def test_a_workbook_saved_by_libreoffice_reads_back_the_same(tmp_path: Path) -> None:
    first = example_copy(tmp_path / "a")
    second = example_copy(tmp_path / "b")
    edited = tmp_path / "redigert.xlsx"
    shutil.copy(first / "out" / "handlingsplan.xlsx", edited)
    edit_as_a_person(edited)
    resaved = tmp_path / "libreoffice"
    completed = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--convert-to",
         "xlsx:Calc MS Excel 2007 XML", "--outdir", str(resaved), str(edited)],
        capture_output=True, text=True, timeout=180,
    )
    assert completed.returncode == 0, completed.stderr
    assert import_plan(first, edited)[0] == 0
    code, _out, err = import_plan(second, resaved / "redigert.xlsx")
    assert code == 0, err
    assert (second / "plan.yaml").read_text("utf-8") == (first / "plan.yaml").read_text("utf-8")
    # and as OpenDocument, the format LibreOffice saves in by default
    completed = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--convert-to", "ods",
         "--outdir", str(resaved), str(edited)],
        capture_output=True, text=True, timeout=180,
    )
    assert completed.returncode == 0, completed.stderr
    third = example_copy(tmp_path / "c")
    assert import_plan(third, resaved / "redigert.ods")[0] == 0
    assert (third / "plan.yaml").read_text("utf-8") == (first / "plan.yaml").read_text("utf-8")


def test_a_measure_keeps_its_number_when_moved_or_when_a_row_above_it_goes(tmp_path: Path) -> None:
    project = example_copy(tmp_path)
    workbook_path = project / "out" / "handlingsplan.xlsx"
    workbook = load_workbook(workbook_path)
    sheet = workbook[PLAN_SHEET]
    rows = rows_by_number(sheet)
    # 1.4 is cut and inserted under 2.1 (second in goal 2), and 1.1 is deleted
    moved = [sheet.cell(rows["1.4"], column).value for column in range(1, 6)]
    delete_row(sheet, rows["1.4"])
    at = rows["2.1"]  # the row after 2.1, which moved up one
    insert_row(sheet, at)
    for column in range(2, 6):
        sheet.cell(at, column).value = moved[column - 1]
    delete_row(sheet, rows["1.1"])
    workbook.save(workbook_path)

    code, out, err = import_plan(project, workbook_path)
    assert code == 0, err
    assert "1.4: flyttet fra delmål 1 til delmål 2" in out and "1.1: fjernet" in out
    plan = (project / "plan.yaml").read_text("utf-8")
    # 1.2 and 1.3 are now first and second of goal 1, 1.4 second of goal 2: each keeps its number as `id:`
    assert "      - id: '1.2'\n        text: Hyppigere våpenkontroller" in plan
    assert "      - id: '1.3'\n        text: >-\n          Tilrettelegge" in plan
    goal_two = plan.split("Oppsøkende innsatser", 1)[1].split("measures:\n", 1)[1]
    assert goal_two.startswith("      - text: Videreføre dagens")  # 2.1 is still first: no id needed
    assert "      - id: '1.4'\n        text: >-\n          Oppfordre" in goal_two
    # the comment on 1.4's cell moved with it; those after it keep their numbers
    assert goal_two.index("Oppfordre") < goal_two.index("# cellen slik rapporten skriver den") < goal_two.index("Kartlegging av")
    assert "      - id: '2.2'\n        text: Kartlegging av" in goal_two
    assert comment_lines(plan) == comment_lines((EXAMPLE / "plan.yaml").read_text("utf-8"))
    status = runner.invoke(app, ["plan", "status", "-p", str(project), "--format", "json", "--date", "2020-07-01"])
    ids = [m["id"] for m in json.loads(status.stdout)["measures"]]
    assert ids[:5] == ["1.2", "1.3", "2.1", "1.4", "2.2"]
    assert runner.invoke(app, ["check", "-p", str(project)]).exit_code == 0


def test_an_edit_that_cannot_be_read_is_refused_with_its_cell(tmp_path: Path) -> None:
    project = example_copy(tmp_path)
    original = (project / "plan.yaml").read_text("utf-8")
    path = project / "out" / "handlingsplan.xlsx"
    cases = [
        (PLAN_SHEET, "1.3", 2, "9.9", "!Handlingsplan!B4: «9.9» er ikke nummeret på et tiltak i plan.yaml"),
        (PLAN_SHEET, "1.3", 2, "1.2", "!Handlingsplan!B4: nummer 1.2 står også på rad 3"),
        (PLAN_SHEET, "2.2", 3, None, "!Handlingsplan!C7: raden har ingen tiltakstekst"),
        (FOLLOW_SHEET, "1.1", 7, "Ferdig snart", "!'Oppfølging av tiltak'!G3: «Ferdig snart» er ikke en status; velg en av Ikke startet, Pågår, Gjennomført, Lagt bort"),
        (FOLLOW_SHEET, "1.1", 8, "i morgen", "!'Oppfølging av tiltak'!H3: «i morgen» er ikke en dato"),
    ]
    for sheet_name, number, column, value, message in cases:
        runner.invoke(app, ["plan", "-p", str(project), "--force"])
        workbook = load_workbook(path)
        sheet = workbook[sheet_name]
        key_column, first = (2, 2) if sheet_name == PLAN_SHEET else (1, 3)
        sheet.cell(rows_by_number(sheet, key_column, first)[number], column).value = value
        workbook.save(path)
        code, _out, err = import_plan(project, path)
        assert code == 2, err
        assert f"handlingsplan.xlsx{message}" in err, err
        assert "Traceback" not in err
        assert (project / "plan.yaml").read_text("utf-8") == original


def test_responsible_cells_are_split_into_known_parties(tmp_path: Path) -> None:
    project = example_copy(tmp_path)
    path = project / "out" / "handlingsplan.xlsx"
    workbook = load_workbook(path)
    sheet = workbook[PLAN_SHEET]
    rows = rows_by_number(sheet)
    sheet.cell(rows["1.2"], 4).value = "Politiet i samarbeid med uteseksjonen"  # lower case, as written in a sentence
    sheet.cell(rows["2.1"], 4).value = "Uteseksjonen, Kirkens Bymisjon og Bydel Gamle Oslo"
    workbook.save(path)
    code, out, err = import_plan(project, path)
    assert code == 0, err
    plan = (project / "plan.yaml").read_text("utf-8")
    assert (
        "        responsible: Politiet\n        involved: [Uteseksjonen]\n"
        "        responsible_text: Politiet i samarbeid med uteseksjonen\n        timing: Fra høst 2020\n"
    ) in plan
    assert "        responsible: Uteseksjonen\n        involved: [Kirkens Bymisjon, Bydel Gamle Oslo]\n        timing: Kontinuerlig" in plan
    assert "!Handlingsplan!D6: «Bydel Gamle Oslo» er verken en organisasjon i efforts.yaml" in err


def test_plan_status_lists_overdue_measures_and_progress(tmp_path: Path) -> None:
    project = example_copy(tmp_path)
    plan = project / "plan.yaml"
    text = plan.read_text("utf-8")
    # 2.5 "Høst 2020" done; 2.2 "Fra september 2020" in progress; 3.1 "Fra høst 2020" dropped
    text = text.replace("        timing: Høst 2020\n", "        timing: Høst 2020\n        status: done\n")
    text = text.replace("        timing: Fra september 2020\n", "        timing: Fra september 2020\n        status: in_progress\n")
    text = text.replace(
        "        timing: Fra høst 2020\n        addresses: [sentrumsarbeidet]\n      - text: >-\n          Det utarbeides",
        "        timing: Fra høst 2020\n        status: dropped\n        addresses: [sentrumsarbeidet]\n      - text: >-\n          Det utarbeides",
    )
    plan.write_text(text, "utf-8")
    result = runner.invoke(app, ["plan", "status", "-p", str(project), "--format", "json", "--date", "2020-10-01"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    late = {m["id"]: (m["late"], m["late_date"]) for m in data["measures"] if m["late"]}
    # "Fra juni/høst 2020" without a status should have started; "Kontinuerlig" never is late
    assert late == {
        "1.1": ("late_start", "2020-06-01"), "1.2": ("late_start", "2020-08-01"), "1.4": ("late_start", "2020-08-01"),
        "2.4": ("late_start", "2020-08-01"), "2.6": ("late_start", "2020-08-01"), "3.2": ("late_start", "2020-08-01"),
    }
    by_goal = {line["key"]: (line["total"], line["overdue"], line["counts"]) for line in data["by_goal"]}
    assert by_goal["2"] == (6, 2, {"none": 4, "in_progress": 1, "done": 1})
    assert by_goal["3"] == (2, 1, {"dropped": 1, "none": 1})
    by_party = {line["key"]: (line["total"], line["overdue"]) for line in data["by_party"]}
    assert by_party == {"Politiet": (3, 2), "Prindsen mottakssenter": (2, 0), "Uteseksjonen": (4, 1), "Velferdsetaten": (4, 3)}
    # a deadline passes: "Høst 2020" not done by January would be late; done, it is not
    result = runner.invoke(app, ["plan", "status", "-p", str(project), "--format", "json", "--date", "2021-01-15"])
    assert "2.5" not in {m["id"] for m in json.loads(result.stdout)["measures"] if m["late"]}
    table = runner.invoke(app, ["plan", "status", "-p", str(project), "--date", "2020-10-01"], env={"COLUMNS": "200"})
    assert "Forsinkede tiltak" in table.stdout and "skulle startet 1. juni 2020" in table.stdout
    assert "Framdrift per ansvarlig" in table.stdout


def test_the_follow_up_sheet_shows_the_spans_of_the_examples_13_timing_texts(tmp_path: Path) -> None:
    """The table of the 13 timing texts and the spans a person gives them is tests/test_timing.py's PLAN; the
    workbook's follow-up sheet shows exactly those spans (Start, Frist), so the secretary sees how hkh read them."""
    from test_timing import PLAN

    project = example_copy(tmp_path)
    sheet = load_workbook(project / "out" / "handlingsplan.xlsx")[FOLLOW_SHEET]
    shown = []
    for row in sheet.iter_rows(min_row=3, values_only=True):
        number, _text, _responsible, timing, start, end = row[:6]
        start = start.date() if hasattr(start, "date") else start
        end = end.date() if hasattr(end, "date") else end
        shown.append((number, timing, start, end))
    expected = [
        (number, text, "løpende" if ongoing else start, end) for number, text, start, end, ongoing in PLAN
    ]
    assert shown == expected


def test_the_plans_csv_reads_back_too(tmp_path: Path) -> None:
    project = example_copy(tmp_path)
    assert runner.invoke(app, ["plan", "-p", str(project), "--format", "csv"]).exit_code == 0
    path = project / "out" / "handlingsplan.csv"
    text = path.read_bytes().decode("utf-8-sig")
    assert "Hyppigere våpenkontroller i aktuelt geografisk område" in text
    path.write_bytes(text.replace("Hyppigere våpenkontroller i aktuelt", NEW_TEXT.replace(" i området rundt Brugata og Storgata", " i aktuelt")).encode("utf-8-sig"))
    code, out, err = import_plan(project, path)
    assert code == 0, err
    assert "1.2: ny tekst:" in out and len([line for line in out.splitlines() if line.startswith("  ")]) == 1


def test_a_goal_without_measures_is_kept_though_the_sheet_has_no_row_for_it(tmp_path: Path) -> None:
    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("out"))
    plan = project / "plan.yaml"
    text = plan.read_text("utf-8").replace(
        "  - text: «Grønnere» og mykere", "  - text: Et delmål uten tiltak ennå   # fylles inn etter møtet\n\n  - text: «Grønnere» og mykere"
    )
    plan.write_text(text, "utf-8")
    assert runner.invoke(app, ["plan", "-p", str(project)]).exit_code == 0
    workbook = project / "out" / "handlingsplan.xlsx"
    code, out, err = import_plan(project, workbook)
    assert code == 0 and "Ingen endringer" in out, out + err
    assert plan.read_text("utf-8") == text
    # and with an edit elsewhere, the empty goal stays where it was, numbered as before
    book = load_workbook(workbook)
    sheet = book[PLAN_SHEET]
    sheet.cell(rows_by_number(sheet)["5.1"], 5).value = "Høst 2021"
    book.save(workbook)
    code, out, err = import_plan(project, workbook)
    assert code == 0, err
    assert plan.read_text("utf-8") == text.replace(
        "        involved: [Frelsesarmeen]\n", "        involved: [Frelsesarmeen]\n        timing: Høst 2021\n"
    )
