"""The gap analysis with services as they are: on the calendar, with schedules, providers, unsuitable efforts, ages,
areas inside areas and efforts that start and end. Each test is a small project whose answer is worked out by hand
in its comments."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from hkh.cli import app
from project_files import write_project_files

runner = CliRunner()
WIDE = {"COLUMNS": "300", "NO_COLOR": "1"}

SOURCES = "sources:\n  - {id: s1, method: observation, title: Observasjon}\n"
PLAN = "goals: []\n"


def project(root: Path, efforts: str, needs: str, *, vocabulary: str = "", hkh_extra: str = "") -> Path:
    """A project with one finding holding `needs` (YAML list items, indented by 6) and the efforts given."""
    hkh = f"title: Test\nlanguage: nb\n{hkh_extra}{vocabulary}"
    findings = "findings:\n  - id: f\n    statement: Et funn\n    evidence: [{source: s1}]\n    needs:\n" + needs
    return write_project_files(root, hkh=hkh, sources=SOURCES, efforts="efforts:\n" + efforts, findings=findings, plan=PLAN)


def gaps(root: Path, *options: str) -> dict[str, Any]:
    result = runner.invoke(app, ["gaps", "-p", str(root), "--format", "json", *options], env=WIDE)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def coverage(data: dict[str, Any], need: str = "f.1") -> dict[str, Any]:
    return next(row for row in data["coverage"] if row["need"] == need)


# ------------------------------------------------------------------------------------------------ the calendar

SUMMER = """\
  - id: sommer
    organisation: Kommunen
    name: Sommerkafé
    offers: [mat]
    opening_hours: "Jun-Aug Fr,Sa 20:00-02:00"
"""
FRIDAY_SATURDAY_NIGHTS = "      - {offer: mat, when: \"Fr,Sa 20:00-02:00\"}\n"


def test_a_summer_schedule_covers_a_july_week_and_not_a_january_one(tmp_path: Path) -> None:
    root = project(tmp_path, SUMMER, FRIDAY_SATURDAY_NIGHTS)
    assert runner.invoke(app, ["check", "-p", str(root)]).exit_code == 0
    # 17 July 2020 is a Friday: Friday and Saturday 20:00-02:00 are 2 x 6 = 12 hours, all covered
    july = coverage(gaps(root, "--as-of", "2020-07-15"))
    assert (july["window_hours_per_week"], july["covered_hours_per_week"], july["status"]) == (12, 12, "covered")
    january = coverage(gaps(root, "--as-of", "2020-01-15"))
    assert (january["covered_hours_per_week"], january["status"]) == (0, "not_covered")
    assert january["efforts"] == ["sommer"]  # it is counted, it is just closed in January


def test_a_season_turning_inside_the_period_is_a_change(tmp_path: Path) -> None:
    root = project(tmp_path, SUMMER, FRIDAY_SATURDAY_NIGHTS)
    data = gaps(root, "--period", "2020-05-01..2020-06-30")
    # 1 June 2020 is a Monday; the summer hours start on the first Friday, 5 June
    changes = coverage(data)["changes"]
    assert [(c["date"], c["effort"], c["kind"]) for c in changes] == [("2020-06-05", "sommer", "season")]
    assert data["period"] == {"from": "2020-05-01", "to": "2020-06-30"} and data["days"]["count"] == 61
    # covered on the 4 Fridays and 4 Saturdays of June (the night of 30 June falls outside): 8 x 6 hours = 48 hours
    # in 61 days; per average week 48 / (61 / 7)
    assert coverage(data)["covered_hours_per_week"] == round(48 / (61 / 7), 2)


def test_ph_off_in_the_week_of_17_may(tmp_path: Path) -> None:
    efforts = """\
  - id: dagsenter
    organisation: Kommunen
    name: Dagsenter
    offers: [mat]
    opening_hours: "Mo-Fr 09:00-15:00; PH off"
"""
    root = project(tmp_path, efforts, "      - {offer: mat, when: \"Mo-Fr 09:00-15:00\"}\n")
    # 17 May 2021 is a Monday and a public holiday: 30 hours of need, 24 covered, Monday uncovered
    need = coverage(gaps(root, "--as-of", "2021-05-19"))
    assert (need["window_hours_per_week"], need["covered_hours_per_week"], need["uncovered_hours_per_week"]) == (30, 24, 6)
    uncovered = next(row for row in gaps(root, "--as-of", "2021-05-19")["uncovered"] if row["need"] == "f.1")
    assert uncovered["hours"] == "Mo 09:00-15:00"
    assert need["changes"] == [
        {"date": "2021-05-17", "effort": "dagsenter", "schedule": None, "kind": "holiday", "holiday": "17. mai"}
    ]
    # the workbook's sheet of changes says it in words
    assert runner.invoke(app, ["gaps", "-p", str(root), "--as-of", "2021-05-19"], env=WIDE).exit_code == 0
    sheet = load_workbook(root / "out" / "gap-analyse.xlsx")["Endringer"]
    assert [cell.value for cell in sheet[2]][2:] == ["2021-05-17", "Dagsenter: andre tider (17. mai)", "f.1"]
    # the week after holds Whit Monday (24 May 2021); the week after that has no holiday
    assert coverage(gaps(root, "--as-of", "2021-05-26"))["covered_hours_per_week"] == 24
    assert coverage(gaps(root, "--as-of", "2021-06-02"))["covered_hours_per_week"] == 30


UNTIL_AUGUST = """\
  - id: vektere
    organisation: Vaktselskap
    name: Kveldsvektere
    provider: private
    valid: {until: 2020-08-31}
    offers: [tilstedeværelse]
    opening_hours: "18:00-21:00"
"""


def test_a_service_ending_on_31_august_seen_as_of_15_september(tmp_path: Path) -> None:
    root = project(tmp_path, UNTIL_AUGUST, "      - {offer: tilstedeværelse, when: \"18:00-21:00\"}\n")
    need = coverage(gaps(root, "--as-of", "2020-09-15"))
    assert need["efforts"] == [] and need["status"] == "not_met" and need["covered_hours_per_week"] == 0
    assert need["not_counted"] == [
        {"effort": "vektere", "why": "ended", "reason": "avsluttet 31. august 2020", "date": "2020-08-31",
         "would_cover_hours_per_week": 21}
    ]
    # the week of 31 August (a Monday): counted, open that Monday only (3 hours), and the end is a change
    last_week = coverage(gaps(root, "--as-of", "2020-09-02"))
    assert last_week["efforts"] == ["vektere"] and last_week["covered_hours_per_week"] == 3
    assert [(c["date"], c["kind"]) for c in last_week["changes"]] == [("2020-08-31", "ends")]


def test_a_planned_effort_and_one_not_yet_started_do_not_count(tmp_path: Path) -> None:
    efforts = """\
  - id: plan
    organisation: Kommunen
    name: Planlagt kafé
    status: planned
    offers: [mat]
    opening_hours: "24/7"
  - id: senere
    organisation: Kommunen
    name: Kafé fra desember
    valid: {from: 2020-12}
    offers: [mat]
    opening_hours: "Mo-Fr 10:00-12:00"
"""
    root = project(tmp_path, efforts, "      - {offer: mat, when: \"Mo-Fr 10:00-12:00\"}\n")
    need = coverage(gaps(root, "--as-of", "2020-11-11"))
    assert [(row["effort"], row["why"], row["reason"]) for row in need["not_counted"]] == [
        ("plan", "planned", "planlagt"), ("senere", "not_started", "starter desember 2020"),
    ]
    assert coverage(gaps(root, "--as-of", "2020-12-09"))["efforts"] == ["senere"]


# ------------------------------------------------------------------------------------------------ what counts


def test_two_schedules_with_different_offers(tmp_path: Path) -> None:
    efforts = """\
  - id: ute
    organisation: Kommunen
    name: Uteseksjonen
    schedules:
      - {name: Patrulje, opening_hours: "Fr 20:00-03:00", offers: [oppsøkende]}
      - {name: Telefon, opening_hours: "Mo-Su 08:00-24:00", offers: [rådgivning]}
"""
    needs = """\
      - {id: natt, offer: oppsøkende, when: "23:00-06:00"}
      - {id: kveld, offer: rådgivning, when: "20:00-24:00"}
"""
    data = gaps(project(tmp_path, efforts, needs), "--as-of", "2020-03-04")
    # outreach at night only in the patrol's hours: Friday 23:00 to Saturday 03:00, 4 of 49 hours (not the phone's)
    night = coverage(data, "natt")
    assert (night["window_hours_per_week"], night["covered_hours_per_week"], night["covered"]) == (49, 4, "Fr 23:00-03:00")
    # counselling in the phone's hours only: every evening 20:00-24:00, 28 hours; the patrol does not count
    evening = coverage(data, "kveld")
    assert (evening["covered_hours_per_week"], evening["status"]) == (28, "covered")


def test_by_police(tmp_path: Path) -> None:
    efforts = """\
  - id: politi
    organisation: Politiet
    name: Fotpatrulje
    provider: police
    offers: [tilstedeværelse]
    opening_hours: "10:00-20:00"
  - id: ute
    organisation: Kommunen
    name: Patrulje
    provider: municipal
    offers: [tilstedeværelse]
    opening_hours: "18:00-23:00"
"""
    needs = """\
      - {id: politi-kveld, offer: tilstedeværelse, when: "18:00-23:00", by: [police]}
      - {id: noen-kveld, offer: tilstedeværelse, when: "18:00-23:00"}
      - {id: kommunen-kveld, offer: tilstedeværelse, when: "18:00-23:00", by: [Kommunen]}
"""
    data = gaps(project(tmp_path, efforts, needs), "--as-of", "2020-03-04")
    # by police: 18:00-20:00 every day, 14 of 35 hours; the municipal patrol is not counted, and says why
    police = coverage(data, "politi-kveld")
    assert (police["covered_hours_per_week"], police["efforts"]) == (14, ["politi"])
    assert police["not_counted"] == [
        {"effort": "ute", "why": "provider", "reason": "behovet skal møtes av politiet", "date": None,
         "would_cover_hours_per_week": 35}
    ]
    assert police["by"] == ["police"]
    # anyone: both count, 35 of 35; by an organisation's name: the municipal patrol alone
    assert coverage(data, "noen-kveld")["covered_hours_per_week"] == 35
    assert coverage(data, "kommunen-kveld")["efforts"] == ["ute"]


SUBSTITUTION = """\
  - id: lar
    organisation: Helse
    name: LAR
    offers: [substitusjonsbehandling]
    opening_hours: "Mo-Fr 08:00-16:00"
  - id: lasso
    organisation: Kommunen
    name: LASSO
    offers: [substitusjonsbehandling]
"""


def test_an_unsuitable_effort_is_shown_with_its_reason_and_not_counted(tmp_path: Path) -> None:
    needs = """\
      - offer: substitusjonsbehandling
        unsuitable:
          - {effort: lar, reason: "Bare metadon og buprenorfin"}
          - {effort: lasso, reason: "Bare buprenorfin"}
"""
    root = project(tmp_path, SUBSTITUTION, needs)
    data = gaps(root, "--as-of", "2020-03-04")
    need = coverage(data)
    assert need["status"] == "not_met" and need["efforts"] == need["hours_unknown"] == []
    assert [(row["effort"], row["reason"], row["would_cover_hours_per_week"]) for row in need["not_counted"]] == [
        ("lar", "Bare metadon og buprenorfin", 40), ("lasso", "Bare buprenorfin", None),
    ]
    assert [row["need"] for row in data["no_effort"]] == ["f.1"] and data["no_effort"][0]["status"] == "not_met"
    # the workbook and the report say why
    runner.invoke(app, ["gaps", "-p", str(root), "--as-of", "2020-03-04"], env=WIDE)
    sheet = load_workbook(root / "out" / "gap-analyse.xlsx")["Uten tilbud"]
    header = [cell.value for cell in sheet[1]]
    row = [cell.value for cell in sheet[2]]
    assert row[header.index("Status")] == "ikke møtt"
    assert row[header.index("Ikke regnet med (hvorfor)")] == "LAR: Bare metadon og buprenorfin. LASSO: Bare buprenorfin."


def test_a_need_for_15_to_20_year_olds_and_an_effort_for_18_and_over(tmp_path: Path) -> None:
    efforts = """\
  - id: voksen
    organisation: Kommunen
    name: For voksne
    eligibility: {age: 18+}
    offers: [værested]
    opening_hours: "Mo-Fr 12:00-16:00"
  - id: ung
    organisation: Kommunen
    name: For unge
    eligibility: {age: "13–25"}
    offers: [værested]
    opening_hours: "Mo-Fr 14:00-18:00"
"""
    data = gaps(project(tmp_path, efforts, "      - {offer: værested, when: \"Mo-Fr 12:00-18:00\", age: \"15-20\"}\n"),
                "--as-of", "2020-03-04")
    need = coverage(data)
    # only the effort for 13-25 includes every age from 15 to 20: 14:00-18:00 on five days, 20 of 30 hours
    assert need["efforts"] == ["ung"] and need["covered_hours_per_week"] == 20 and need["age"] == "15–20"
    assert need["not_counted"] == [
        {"effort": "voksen", "why": "age", "reason": "tilbudet er for 18 år og eldre; behovet gjelder 15–20 år",
         "date": None, "would_cover_hours_per_week": 20}
    ]


VOCABULARY = """\
vocabulary:
  offers: [mat, møteplass]
  target_groups: ["ungdom 13–18 år"]
  areas:
    - {name: Oslo sentrum, contains: [Storgata]}
    - Grønland
"""


def test_an_area_inside_another(tmp_path: Path) -> None:
    efforts = """\
  - {id: sentrum, organisation: K, name: I sentrum, offers: [mat], areas: [Oslo sentrum], opening_hours: "Mo 10:00-12:00"}
  - {id: gata, organisation: K, name: I Storgata, offers: [mat], areas: [Storgata], opening_hours: "Tu 10:00-12:00"}
  - {id: gronland, organisation: K, name: På Grønland, offers: [mat], areas: [Grønland], opening_hours: "We 10:00-12:00"}
"""
    needs = """\
      - {id: i-gata, offer: mat, where: storgata, when: "Mo-We 10:00-12:00"}
      - {id: i-sentrum, offer: mat, where: Oslo sentrum, when: "Mo-We 10:00-12:00"}
"""
    root = project(tmp_path, efforts, needs, vocabulary=VOCABULARY)
    assert runner.invoke(app, ["check", "-p", str(root)]).exit_code == 0
    data = gaps(root, "--as-of", "2020-03-04")
    # an effort in Oslo sentrum serves a need in Storgata (inside it); one in Storgata does not serve all of sentrum
    assert coverage(data, "i-gata")["efforts"] == ["sentrum", "gata"]
    assert coverage(data, "i-gata")["covered_hours_per_week"] == 4
    assert coverage(data, "i-sentrum")["efforts"] == ["sentrum"]


def test_dash_case_and_blanks_do_not_make_a_need_unmet(tmp_path: Path) -> None:
    efforts = """\
  - {id: klubb, organisation: K, name: Klubb, offers: [Møteplass], target_groups: ["Ungdom 13 – 18 år"], opening_hours: "24/7"}
"""
    root = project(tmp_path, efforts, "      - {offer: møteplass, who: \"ungdom 13-18 år\"}\n", vocabulary=VOCABULARY)
    assert runner.invoke(app, ["check", "-p", str(root)]).exit_code == 0
    assert coverage(gaps(root, "--as-of", "2020-03-04"))["status"] == "covered"


# ------------------------------------------------------------------------------------------------ overlaps


def test_overlaps_rank_by_hours_times_efforts_and_leave_out_planned_and_ended(tmp_path: Path) -> None:
    efforts = """\
  - {id: a, organisation: K, name: A, offers: [mat, klær], low_threshold: true, opening_hours: "Mo-Fr 10:00-14:00"}
  - {id: b, organisation: K, name: B, offers: [mat], low_threshold: true, opening_hours: "Mo-Fr 12:00-16:00"}
  - {id: c, organisation: K, name: C, offers: [mat], opening_hours: "Mo-Fr 12:00-13:00"}
  - {id: d, organisation: K, name: D, offers: [klær], opening_hours: "Mo-Fr 10:00-14:00"}
  - {id: p, organisation: K, name: P, offers: [mat, klær], status: planned, opening_hours: "24/7"}
  - {id: e, organisation: K, name: E, offers: [klær], valid: {until: 2019-12-31}, opening_hours: "24/7"}
"""
    data = gaps(project(tmp_path, efforts, "      - {offer: mat}\n"), "--as-of", "2020-03-04")
    # mat: a and b overlap 12-14 (10 h a week), c joins 12-13: 10 h x 2 + 5 h x 1 more = 25 effort-hours
    # klær: a and d overlap 10-14, 20 h a week x 2 = 40 effort-hours: first, though it has fewer efforts
    assert [(o["offer"], o["hours_per_week"], o["effort_hours_per_week"]) for o in data["overlaps"]] == [
        ("klær", 20, 40), ("mat", 10, 25),
    ]
    mat = data["overlaps"][1]
    assert mat["efforts"] == ["a", "b", "c"] and mat["low_threshold"] == ["a", "b"] and mat["max_efforts"] == 3
    assert "p" not in data["overlaps"][0]["efforts"] and "e" not in data["overlaps"][0]["efforts"]


def test_capacity_over_is_derived_from_people_turned_away(tmp_path: Path) -> None:
    efforts = """\
  - id: rom
    organisation: K
    name: Brukerrom
    offers: [brukerrom]
    opening_hours: "Mo-Fr 09:00-22:00"
    capacity: {places: 6, visits_per_day: 120, turned_away_per_week: 35}
  - {id: annet, organisation: K, name: Annet, offers: [brukerrom], opening_hours: "Sa 10:00-14:00", capacity: "God plass"}
"""
    data = gaps(project(tmp_path, efforts, "      - {offer: brukerrom}\n"), "--as-of", "2020-03-04")
    assert [item["effort"] for item in data["capacity"]] == ["rom"]
    item = data["capacity"][0]
    assert (item["places"], item["visits_per_day"], item["turned_away_per_week"]) == (6, 120, 35)
    assert item["needs"][0]["sole_hours_per_week"] == 65


# ------------------------------------------------------------------------------------------------ the command


def test_the_default_week_is_the_week_of_the_mapping_periods_end(tmp_path: Path) -> None:
    root = project(tmp_path, SUMMER, FRIDAY_SATURDAY_NIGHTS, hkh_extra="period: {start: 2020-01, end: 2020-07}\n")
    data = gaps(root)
    # 31 July 2020 is a Friday: the week of 27 July to 2 August, in the summer season
    assert data["as_of"] == "2020-07-31" and data["days"] == {"from": "2020-07-27", "to": "2020-08-02", "count": 7}
    assert coverage(data)["status"] == "covered"


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--as-of", "2020-09-15", "--period", "2020..2021"], "enten --as-of eller --period"),
        (["--as-of", "15.09.2020"], "--as-of: `15.09.2020` er ikke en dato"),
        (["--period", "2020-09-01..2020-09-03"], "minst ei uke"),
        (["--period", "2020-09-01"], "FRA..TIL"),
        (["--period", "2021-01..2020-01"], "før den begynner"),
    ],
)
def test_wrong_dates_are_refused_in_one_line(tmp_path: Path, options: list[str], words: str) -> None:
    """In the mapping's language (bokmål here)."""
    root = project(tmp_path, SUMMER, FRIDAY_SATURDAY_NIGHTS)
    result = runner.invoke(app, ["gaps", "-p", str(root), *options], env=WIDE)
    assert result.exit_code == 2 and words in result.stderr and "Traceback" not in result.output


def test_terminal_and_report_say_which_days_and_why(tmp_path: Path) -> None:
    needs = """\
      - offer: substitusjonsbehandling
        text: Flere medisiner
        unsuitable: [{effort: lar, reason: "Bare metadon og buprenorfin"}, {effort: lasso, reason: "Bare buprenorfin"}]
"""
    root = project(tmp_path, SUBSTITUTION, needs, hkh_extra="period: {end: 2020-09-15}\n")
    terminal = runner.invoke(app, ["gaps", "-p", str(root)], env=WIDE).stdout
    assert "Gjelder uka fra mandag 14. september 2020 til søndag 20. september 2020." in terminal
    assert "lar: Bare metadon og buprenorfin." in terminal
    result = runner.invoke(app, ["report", "-p", str(root)], env=WIDE)
    assert result.exit_code == 0, result.output
    html = (root / "out" / "rapport.html").read_text("utf-8")
    assert "Behov som tiltak tilbyr, men som ingen av dem møter" in html
    assert "LAR: Bare metadon og buprenorfin" in html
    assert "uka fra mandag 14. september 2020 til søndag 20. september 2020" in html


def test_a_date_off_is_a_change_of_that_day(tmp_path: Path) -> None:
    efforts = """\
  - id: dagsenter
    organisation: Kommunen
    name: Dagsenter
    offers: [mat]
    opening_hours: "Mo-Fr 09:00-15:00; Dec 24 off"
"""
    root = project(tmp_path, efforts, "      - {offer: mat, when: \"Mo-Fr 09:00-15:00\"}\n")
    # 24 December 2020 is a Thursday, and no public holiday: 6 of 30 hours are not covered that week
    need = coverage(gaps(root, "--as-of", "2020-12-22"))
    assert need["covered_hours_per_week"] == 24
    assert [(c["date"], c["kind"]) for c in need["changes"]] == [("2020-12-24", "date")]
    terminal = runner.invoke(app, ["gaps", "-p", str(root), "--as-of", "2020-12-22"], env=WIDE).stdout
    assert "f.1: 24. desember 2020: Dagsenter: andre tider denne dagen" in terminal
