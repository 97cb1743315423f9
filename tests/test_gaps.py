"""`hkh gaps`: needs against efforts on hand-made projects where the answer is known, and the same figures in the
terminal, the JSON and the workbook read back with openpyxl."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from hkh.analysis.gaps import analyse_gaps
from hkh.cli import app
from hkh.project.load import load_project
from project_files import write_project_files

runner = CliRunner()
WIDE = {"COLUMNS": "300", "NO_COLOR": "1"}

HKH = "title: Testkartlegging\nlanguage: {language}\n"
SOURCES = "sources:\n  - {id: s1, method: observation, title: Observasjon}\n"

EFFORTS = """\
efforts:
  - id: dagsenter
    organisation: Kommunen
    name: Dagsenteret
    offers: [Mat]
    target_groups: [Åpent rusmiljø]
    areas: [Storgata]
    opening_hours: "Mo-Fr 08:00-16:00"
  - id: kveldskafe
    organisation: Kirken
    name: Kveldskafeen
    offers: [mat]
    areas: [storgata]
    # open every weekday evening except Wednesday
    opening_hours: "Mo,Tu,Th,Fr 16:00-22:00"
  - id: nattkafe
    organisation: Frivillige
    name: Nattkafeen
    offers: [overnatting]
    opening_hours: "Fr 22:00-04:00"
  - id: barnevern
    organisation: Kommunen
    name: Tilbud bare for unge
    offers: [mat]
    target_groups: [unge under 18]
    opening_hours: "24/7"
  - id: gronland
    organisation: Kommunen
    name: Tilbud på Grønland
    offers: [mat]
    areas: [Grønland]
    opening_hours: "Sa 12:00-14:00"
  - id: brukerrom
    organisation: Kommunen
    name: Brukerrommet
    offers: [brukerrom]
    opening_hours: "Mo-Fr 09:00-22:00"
    over_capacity: true
    capacity: Avviser folk hver dag
  - id: brukerrom-helg
    organisation: Kommunen
    name: Helgeåpent brukerrom
    offers: [brukerrom]
    opening_hours: "Mo-Fr 20:00-23:00"
  - id: ukjent
    organisation: Frivillige
    name: Tilbud med ukjent åpningstid
    offers: [klær]
"""

FINDINGS = """\
findings:
  - id: evening
    statement: Maten trengs hver ukedag fra morgen til kveld
    evidence: [{source: s1}]
    needs:
      - offer: mat
        when: "Mo-Fr 08:00-22:00"
        who: åpent rusmiljø
        where: Storgata
        text: Mat på dagtid og kveld
  - id: night
    statement: Natt til lørdag trengs et sted å være
    evidence: [{source: s1}]
    needs:
      - {id: natt-lor, offer: overnatting, when: "Sa 00:00-04:00"}
      - {id: natt-lor-lang, offer: overnatting, when: "Sa 00:00-06:00"}
  - id: rop
    statement: Ingen behandling for ROP
    evidence: [{source: s1}]
    needs:
      - {offer: ROP-behandling, text: Behandling for rus og psykisk lidelse}
  - id: injection
    statement: Brukerrommet er sprengt
    evidence: [{source: s1}]
    needs:
      - {offer: brukerrom, when: "Mo-Fr 09:00-23:00"}
  - id: clothes
    statement: Klær trengs
    evidence: [{source: s1}]
    needs:
      - {offer: klær, when: "Mo-Fr 10:00-12:00"}
"""

PLAN = """\
goals:
  - text: Delmål
    measures:
      - text: Utvide kveldsåpent
        addresses: [evening]
      - text: Sted om natta
        addresses: [natt-lor-lang]
      - text: Et tiltak uten mål
"""
# a measure addressing an id that does not exist: `hkh check` finds the error, so every command refuses the project;
# the gap analysis itself (the library) still lists the measure as addressing nothing
PLAN_WITH_UNKNOWN_ID = PLAN + """\
      - text: Et tiltak med feil id
        addresses: [finnes-ikke]
"""


def write_project(root: Path, *, language: str = "nb", efforts: str = EFFORTS, findings: str = FINDINGS,
                  plan: str = PLAN) -> Path:
    return write_project_files(
        root, hkh=HKH.format(language=language), sources=SOURCES, efforts=efforts, findings=findings, plan=plan
    )


def gaps_json(root: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["gaps", "-p", str(root), "--format", "json"], env=WIDE)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def uncovered_by_need(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["need"]: item for item in data["uncovered"]}


# ------------------------------------------------------------------------------------------ the definitions


def test_a_need_covered_except_one_evening(tmp_path: Path) -> None:
    data = gaps_json(write_project(tmp_path))
    gap = uncovered_by_need(data)["evening.1"]
    assert gap["finding"] == "evening" and gap["offer"] == "mat"
    assert gap["hours"] == "We 16:00-22:00"
    assert gap["hours_text"] == "Onsdag etter kl. 16"
    assert gap["hours_per_week"] == 6
    assert gap["covered_hours_per_week"] == 64
    # only efforts that offer the tag, serve the group and the area, compared without regard to case;
    # the effort for under-18s and the one on Grønland do not count
    assert gap["efforts"] == ["dagsenter", "kveldskafe"]


def test_an_overnight_opening_covers_saturdays_early_hours(tmp_path: Path) -> None:
    data = gaps_json(write_project(tmp_path))
    coverage = {item["need"]: item for item in data["coverage"]}
    assert coverage["natt-lor"]["status"] == "covered"
    assert coverage["natt-lor"]["covered_hours_per_week"] == 4
    assert coverage["natt-lor"]["covered"] == "Sa 00:00-04:00"
    assert "natt-lor" not in uncovered_by_need(data)
    longer = uncovered_by_need(data)["natt-lor-lang"]
    assert longer["hours"] == "Sa 04:00-06:00"
    assert longer["hours_text"] == "Natt til lørdag etter kl. 04"
    assert longer["hours_per_week"] == 2


def test_needs_no_effort_offers(tmp_path: Path) -> None:
    data = gaps_json(write_project(tmp_path))
    assert [(item["finding"], item["need"], item["offer"]) for item in data["no_effort"]] == [
        ("rop", "rop.1", "ROP-behandling")
    ]
    assert data["no_effort"][0]["window"] == "24/7"
    assert data["no_effort"][0]["window_hours_per_week"] == 168
    assert "rop.1" not in uncovered_by_need(data)


def test_efforts_without_hours_are_listed_but_do_not_cover(tmp_path: Path) -> None:
    data = gaps_json(write_project(tmp_path))
    gap = uncovered_by_need(data)["clothes.1"]
    assert gap["efforts"] == [] and gap["hours_unknown"] == ["ukjent"]
    assert gap["hours"] == "Mo-Fr 10:00-12:00" and gap["hours_per_week"] == 10
    assert data["hours_unknown"] == ["ukjent"]
    assert "clothes.1" not in {item["need"] for item in data["no_effort"]}


def test_two_efforts_overlapping(tmp_path: Path) -> None:
    data = gaps_json(write_project(tmp_path))
    overlaps = {(item["offer"], item["area"]): item for item in data["overlaps"]}
    brukerrom = overlaps[("brukerrom", None)]
    assert brukerrom["efforts"] == ["brukerrom", "brukerrom-helg"]
    assert brukerrom["hours"] == "Mo-Fr 20:00-22:00"
    assert brukerrom["hours_per_week"] == 10
    assert brukerrom["max_efforts"] == 2
    # the effort for under-18s has no area, so it serves Storgata too and overlaps the Storgata services
    storgata = overlaps[("mat", "Storgata")]
    assert storgata["efforts"] == ["dagsenter", "kveldskafe", "barnevern"]
    assert storgata["hours"] == "Mo,Tu,Th,Fr 08:00-22:00; We 08:00-16:00"
    assert storgata["hours_per_week"] == 4 * 14 + 8
    gronland = overlaps[("mat", "Grønland")]
    assert gronland["efforts"] == ["barnevern", "gronland"] and gronland["hours_per_week"] == 2


def test_capacity_is_reported_against_the_needs_that_depend_on_it(tmp_path: Path) -> None:
    data = gaps_json(write_project(tmp_path))
    assert [item["effort"] for item in data["capacity"]] == ["brukerrom"]
    capacity = data["capacity"][0]
    assert capacity["capacity"] == "Avviser folk hver dag"
    # Monday to Friday 09:00-20:00 only the over-full room is open: 55 hours a week rest on it alone
    assert capacity["needs"] == [
        {"finding": "injection", "need": "injection.1", "offer": "brukerrom", "sole_hours_per_week": 55}
    ]


def test_plan_coverage(tmp_path: Path) -> None:
    from hkh.analysis.results import Results
    from hkh.project.load import load_project

    root = write_project(tmp_path, plan=PLAN_WITH_UNKNOWN_ID)
    refused = runner.invoke(app, ["gaps", "-p", str(root), "-l", "en"])
    assert refused.exit_code == 2 and refused.stderr.count("\n") == 1
    assert "addresses `finnes-ikke`" in refused.stderr and "`hkh check` lists all 1" in refused.stderr
    data = Results(load_project(root)).gaps.to_json()
    items = {(item["kind"], item["id"]): item for item in data["unaddressed"]}
    # a measure naming a finding answers its needs; one naming a need answers its finding
    assert ("finding", "evening") not in items and ("need", "evening.1") not in items
    assert ("finding", "night") not in items and ("need", "natt-lor-lang") not in items
    assert items[("need", "natt-lor")]["gap"] is False  # covered, so not a gap, but still unaddressed
    assert items[("finding", "rop")]["gap"] is True
    assert items[("need", "rop.1")]["gap"] is True
    assert items[("need", "injection.1")]["gap"] is True  # over capacity
    assert ("measure", "1.3") in items
    assert "finnes-ikke" in items[("measure", "1.4")]["reason"]
    assert ("measure", "1.1") not in items


def test_json_shape(tmp_path: Path) -> None:
    data = gaps_json(write_project(tmp_path))
    assert set(data) >= {"uncovered", "no_effort", "overlaps", "capacity", "unaddressed"}
    for item in data["uncovered"]:
        assert set(item) >= {"finding", "need", "offer", "hours", "hours_text", "hours_per_week", "efforts"}
    assert len(data["week"]["all"]) == 7 and all(len(day) == 24 for day in data["week"]["all"])
    # Wednesday 17:00: the day centre has closed and the evening café is shut on Wednesdays
    assert data["week"]["by_offer"]["mat"][2][17] == 1  # only the 24/7 service for the young
    assert data["week"]["by_offer"]["mat"][3][17] == 2


# ------------------------------------------------------------------------------------------ outputs agree


def cells(workbook: Any, sheet: str) -> list[list[Any]]:
    return [[cell.value for cell in row] for row in workbook[sheet].iter_rows()]


def test_workbook_terminal_and_json_hold_the_same_figures(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p")
    data = gaps_json(root)
    result = runner.invoke(app, ["gaps", "-p", str(root)], env=WIDE)
    assert result.exit_code == 0, result.output
    terminal = result.stdout
    workbook_path = root / "out" / "gap-analyse.xlsx"
    figure_path = root / "out" / "figurer" / "ukekart.png"
    # messages are in the mapping's language (nb here)
    assert f"skrev {workbook_path}" in terminal and f"skrev {figure_path}" in terminal
    assert figure_path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    workbook = load_workbook(workbook_path)
    assert workbook.sheetnames == ["Udekket tid", "Uten tilbud", "Overlapp", "Kapasitet", "Uten tiltak", "Dekning", "Endringer", "Ukekart"]

    uncovered = cells(workbook, "Udekket tid")
    header = uncovered[0]
    # people read the needs' texts and the efforts' names; the ids are kept in the last column
    assert header[-1] == "Behov-ID"
    rows = {row[-1]: row for row in uncovered[1:]}
    assert set(rows) == {item["need"] for item in data["uncovered"]}
    names = {effort.id: effort.name for effort in load_project(root).efforts.efforts}
    for item in data["uncovered"]:
        row = rows[item["need"]]
        assert row[header.index("Udekket tid (åpningstidsformat)")] == item["hours"]
        assert row[header.index("Udekket tid")] == item["hours_text"]
        assert row[header.index("Udekket timer/uke")] == item["hours_per_week"]
        efforts = [names[e] for e in item["efforts"]] + [f"{names[e]} (åpningstid ukjent)" for e in item["hours_unknown"]]
        assert (row[header.index("Innsats")] or "") == ", ".join(efforts)
        terminal_line = next(line for line in terminal.splitlines() if f" {item['need']} " in f" {line} " and item["hours"] in line)
        assert item["hours_text"] in terminal_line

    no_effort = cells(workbook, "Uten tilbud")
    assert [row[-1] for row in no_effort[1:]] == [item["need"] for item in data["no_effort"]]
    assert "rop.1" in terminal

    overlaps = cells(workbook, "Overlapp")
    header = overlaps[0]
    for row, item in zip(overlaps[1:], data["overlaps"], strict=True):
        assert row[0] == item["offer"]
        assert row[header.index("Overlapp (åpningstidsformat)")] == item["hours"]
        assert row[header.index("Timer/uke")] == item["hours_per_week"]
        assert (row[header.index("Innsats")] or "") == ", ".join(names[e] for e in item["efforts"])
        assert item["hours_text"] in terminal

    capacity = cells(workbook, "Kapasitet")
    header = capacity[0]
    assert capacity[1][header.index("Innsats")] == "brukerrom" and capacity[1][-1] == "injection.1"
    assert capacity[1][header.index("Timer/uke bare denne dekker")] == 55
    assert "Avviser folk hver dag" in terminal

    unaddressed = cells(workbook, "Uten tiltak")
    assert [row[-1] for row in unaddressed[1:]] == [item["id"] for item in data["unaddressed"]]

    coverage = cells(workbook, "Dekning")
    header = coverage[0]
    for row, item in zip(coverage[1:], data["coverage"], strict=True):
        assert row[-1] == item["need"]
        assert row[header.index("Timer/uke i behovets tider")] == item["window_hours_per_week"]
        assert row[header.index("Dekket timer/uke")] == item["covered_hours_per_week"]
        assert row[header.index("Udekket timer/uke")] == item["uncovered_hours_per_week"]
        assert row[header.index("Dekket tid (åpningstidsformat)")] == item["covered"]

    week = cells(workbook, "Ukekart")
    all_rows = [row[2:26] for row in week[1:8]]
    assert week[1][0] == "Alle tilbud" and [row[1] for row in week[1:8]] == ["man", "tir", "ons", "tor", "fre", "lør", "søn"]
    assert all_rows == data["week"]["all"]
    mat_rows = [row[2:26] for row in week[1:] if row[0] == "mat"]
    assert mat_rows == data["week"]["by_offer"]["mat"]


def test_english_file_names(tmp_path: Path) -> None:
    root = write_project(tmp_path, language="en")
    result = runner.invoke(app, ["gaps", "-p", str(root)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert load_workbook(root / "out" / "gap-analysis.xlsx").sheetnames[0] == "Uncovered hours"
    assert (root / "out" / "figures" / "week-heatmap.png").exists()
    gap = uncovered_by_need(gaps_json(root))["evening.1"]
    assert gap["hours_text"] == "Wednesday after 16:00"


def test_a_second_run_replaces_its_own_outputs_and_refuses_edited_ones(tmp_path: Path) -> None:
    root = write_project(tmp_path)
    first = runner.invoke(app, ["gaps", "-p", str(root)], env=WIDE)
    assert first.exit_code == 0, first.output
    again = runner.invoke(app, ["gaps", "-p", str(root)], env=WIDE)
    assert again.exit_code == 0, again.output
    figure = root / "out" / "figurer" / "ukekart.png"
    figure.write_bytes(b"my own picture")
    refused = runner.invoke(app, ["gaps", "-p", str(root)], env=WIDE)
    assert refused.exit_code == 2 and "ukekart.png" in refused.stderr
    assert figure.read_bytes() == b"my own picture"
    assert not (root / ".hkh.lock").exists()


def test_library_api_for_the_report_and_run(tmp_path: Path) -> None:
    project = load_project(write_project(tmp_path))
    result = analyse_gaps(project, "nn")
    assert result.need("evening.1").uncovered_words() == "Onsdag etter kl. 16"
    assert result.counts()["no_effort"] == 1
    from hkh.analysis.results import Results
    from hkh.outputs.write import write_gaps

    written = write_gaps(Results(project, "nn"))
    assert written == [project.out_dir / "gap-analyse.xlsx", project.out_dir / "figurer" / "vekekart.png"]
    assert all(path.exists() for path in written)


def test_a_project_without_needs_or_efforts(tmp_path: Path) -> None:
    root = write_project(tmp_path, efforts="efforts: []\n", findings="findings: []\n", plan="goals: []\n")
    data = gaps_json(root)
    assert data["uncovered"] == data["no_effort"] == data["overlaps"] == data["capacity"] == data["unaddressed"] == []
    result = runner.invoke(app, ["gaps", "-p", str(root)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert load_workbook(root / "out" / "gap-analyse.xlsx")["Udekket tid"]["A2"].value == "(ingen)"


# ------------------------------------------------------------------------------------------ the example
#
# examples/brugata_storgata encodes the Brugata/Storgata report (2020). Its chapters 5 and 6 conclude: the night
# after 23:00 is the least covered, the consumption room is over capacity, there is no suitable help for people
# with both substance use and mental illness (ROP), and the low-threshold services that hand out food and equipment
# overlap. The analysis must reach the same conclusions from the files.

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "brugata_storgata"
CONSUMPTION_ROOM = "prindsen-brukerrom"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    root = tmp_path_factory.mktemp("example") / "brugata_storgata"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("out", ".hkh.lock"))
    result = runner.invoke(app, ["gaps", "-p", str(root)], env=WIDE)
    assert result.exit_code == 0, result.output
    return root, gaps_json(root)


def test_example_the_night_after_23_is_the_least_covered(example: tuple[Path, dict[str, Any]]) -> None:
    root, data = example
    bands = data["week"]["bands"]
    night = bands.pop("23-07")
    assert all(night < other for other in bands.values()), (night, bands)
    profile = analyse_gaps(load_project(root)).week_row(None).hour_profile()
    fewest = min(profile)
    # the fewest open at any hour of the day: in the night from 23:00 until the day services open at 08:00
    assert {hour for hour, mean in enumerate(profile) if mean == fewest} <= {23, 0, 1, 2, 3, 4, 5, 6, 7}
    # every hour of the night has fewer efforts open than any hour of the day
    assert max(profile[hour] for hour in (23, 0, 1, 2, 3, 4, 5, 6)) < min(profile[hour] for hour in range(9, 22))


def test_example_the_consumption_room_is_over_capacity(example: tuple[Path, dict[str, Any]]) -> None:
    root, data = example
    capacity = {item["effort"]: item for item in data["capacity"]}
    assert CONSUMPTION_ROOM in capacity
    assert capacity[CONSUMPTION_ROOM]["needs"], "no need depends on the consumption room"
    sheet = load_workbook(root / "out" / "gap-analyse.xlsx")["Kapasitet"]
    assert CONSUMPTION_ROOM in [row[-2].value for row in sheet.iter_rows(min_row=2)]


def test_example_no_effort_offers_rop_treatment(example: tuple[Path, dict[str, Any]]) -> None:
    root, data = example
    rop = [item for item in data["no_effort"] if "rop" in item["offer"].casefold()]
    assert rop, data["no_effort"]
    sheet = load_workbook(root / "out" / "gap-analyse.xlsx")["Uten tilbud"]
    assert rop[0]["need"] in [row[-1].value for row in sheet.iter_rows(min_row=2)]


def test_example_low_threshold_food_and_equipment_overlap(example: tuple[Path, dict[str, Any]]) -> None:
    root, data = example
    low_threshold = {effort.id for effort in load_project(root).efforts.efforts if effort.low_threshold}
    for offer in ("mat", "brukerutstyr"):
        overlapping = [item for item in data["overlaps"] if item["offer"] == offer]
        assert overlapping, f"no overlap for {offer}"
        assert any(len(set(item["efforts"]) & low_threshold) >= 2 for item in overlapping), overlapping
        assert all(item["hours_per_week"] > 0 for item in overlapping)
