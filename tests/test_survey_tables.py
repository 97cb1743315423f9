"""`hkh survey`: known-answer tables on a hand-made survey, suppression, breakdowns, evidence figures, and the
agreement of terminal, JSON and workbook.

The survey is written directly as `hkh import` leaves it (responses.csv + codebook.yaml, see
docs/project-folder.md, data/survey/). Its 30 respondents are spelt out below so that every expected number can be checked
by hand: 26 completed, 4 partial (stopped after the second question). Two of the partial respondents have 0 in every
checkbox, as SurveyXact writes it, and two have blanks, as the importer writes it for unreached questions.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from disclosure_audit import Hidden, audit, survey_facts, too_narrow
from hkh.cli import app
from hkh.core.errors import HkhError, SmallCellError, UsageError
from hkh.project.load import load_project
from hkh.survey.evidence import evidence_figure
from hkh.survey.publication import DisclosureRefusedError, MinCellLoweredError
from hkh.survey.tables import build_survey_tables

runner = CliRunner(env={"COLUMNS": "200"})
MARKS = {"small": "<5", "secondary": ":"}

SOURCE = "s1"

HKH = """\
title: Testkartlegging
language: {language}
settings:
  min_cell: 5
"""
SOURCES = """\
sources:
  - id: s1
    method: survey
    title: Spørreundersøkelse
    n: 30
  - id: i1
    method: target_interview
    title: Intervju
"""
FINDINGS = """\
findings:
  - id: F1
    statement: Konflikter om bøff
    evidence:
      - source: s1
        question: konflikt
        option: salg av «BØFF»
      - source: s1
        question: vapen
        option: 1
      - source: s1
        question: kjonn
        option: Kvinne
      - source: s1
        question: konflikt
        option: Tyveri
      - source: s1
        question: finnes_ikke
      - source: i1
        says: bøff skaper konflikt
  - id: F2
    statement: Sammensetning
    evidence:
      - source: s1
        question: hovedgrunn
        option: Sosialt treffsted + annet
        says: tre av ti kommer av andre grunner
      - source: s1
        question: kjonn
        option: 2+3
      - source: s1
        question: kjonn
        option: Mann + Kvinne
      - source: s1
        question: konflikt
        option: 2 + 3
"""

CODEBOOK = """\
source: s1
imported: "2026-11-26T12:00:00"
files: [eksport.xlsx]
respondents: {rows: 40, answered: 30, complete: 26, partial: 4}
dropped: [email]
questions:
  - name: kjonn
    type: single
    text: Kjønn
    variables: [kjonn]
    options:
      - {code: 1, label: Mann}
      - {code: 2, label: Kvinne}
      - {code: 3, label: Annet}
    non_substantive: []
  - name: trygg_1
    type: grid_item
    text: Hvor trygg føler du deg? - Før kl. 18.00
    group: trygg
    group_text: Hvor trygg føler du deg?
    variables: [trygg_1]
    options:
      - {code: 1, label: Trygg}
      - {code: 2, label: Utrygg}
      - {code: 3, label: Vet ikke}
    non_substantive: [3]
  - name: hovedgrunn
    type: single
    text: Hva er hovedgrunnen til at du er her?
    variables: [hovedgrunn]
    options:
      - {code: 1, label: Kjøpe eller selge rusmidler}
      - {code: 2, label: Sosialt treffsted}
      - {code: 3, label: Annet}
    non_substantive: []
  - name: selger
    type: single
    text: Selger du rusmidler?
    variables: [selger]
    options:
      - {code: 1, label: Ja}
      - {code: 2, label: Nei}
    non_substantive: []
  - name: konflikt
    type: multiple
    text: Hva utløser konflikt?
    variables: [konflikt_1, konflikt_2, konflikt_3]
    options:
      - {code: 1, label: Salg av «bøff», variable: konflikt_1}
      - {code: 2, label: Provoserende atferd, variable: konflikt_2}
      - {code: 3, label: Inndriving av gjeld, variable: konflikt_3}
    non_substantive: []
  - name: konflikt_annet
    type: open
    text: Annet, skriv
    variables: [konflikt_annet]
    parent: konflikt
  - name: vapen
    type: single
    text: Bærer du våpen?
    variables: [vapen]
    options:
      - {code: 1, label: Ja}
      - {code: 2, label: Nei}
    non_substantive: []
  - name: vapentype
    type: multiple
    text: Hva slags våpen?
    variables: [vapentype_1, vapentype_2]
    options:
      - {code: 1, label: Kniv, variable: vapentype_1}
      - {code: 2, label: Annet, variable: vapentype_2}
    non_substantive: []
  - name: alder_ar
    type: number
    text: Alder i år
    variables: [alder_ar]
  - name: dato
    type: date
    text: Dato for utfylling
    variables: [dato]
"""

COLUMNS = [
    "kjonn", "trygg_1", "hovedgrunn", "selger", "konflikt_1", "konflikt_2", "konflikt_3", "konflikt_annet",
    "vapen", "vapentype_1", "vapentype_2", "alder_ar", "dato", "_status",
]


@dataclass
class Respondent:
    kjonn: int
    trygg: int | None
    hovedgrunn: int | None = None
    selger: int | None = None
    konflikt: tuple[int, ...] | None = ()  # options ticked; None = blank cells (never reached)
    annet: str = ""
    vapen: int | None = None
    vapentype: tuple[int, ...] | None = ()
    alder: str = ""
    status: int = 4
    extra: dict[str, str] = field(default_factory=dict)

    def row(self) -> list[str]:
        def cell(value: int | None) -> str:
            return "" if value is None else str(value)

        def boxes(ticked: tuple[int, ...] | None, count: int) -> list[str]:
            if ticked is None:
                return [""] * count
            return ["1" if code in ticked else "0" for code in range(1, count + 1)]

        return [
            cell(self.kjonn), cell(self.trygg), cell(self.hovedgrunn), cell(self.selger),
            *boxes(self.konflikt, 3), self.annet, cell(self.vapen), *boxes(self.vapentype, 2),
            self.alder, "2020-02-03 10:00:00" if self.status == 4 else "", str(self.status),
        ]


def respondents() -> list[Respondent]:
    """26 completed respondents and 4 partial ones; the comments give the totals the tests expect."""
    people: list[Respondent] = []
    # kjonn (complete): 18 Mann, 6 Kvinne, 2 Annet; partial: 2 Mann, 2 Kvinne  -> 20 / 8 / 2, base 30
    kjonn = [1] * 18 + [2] * 6 + [3] * 2
    # trygg_1 (complete): 16 Trygg, 6 Utrygg, 4 Vet ikke
    trygg = [1] * 16 + [2] * 6 + [3] * 4
    # hovedgrunn: 18 Kjøpe (the first 18), 8 Sosialt, 0 Annet; selger only for Kjøpe: 11 Ja, 7 Nei
    hovedgrunn = [1] * 18 + [2] * 8
    selger = [1] * 11 + [2] * 7 + [None] * 8
    # konflikt: 22 bøff, 13 provoserende, 12 gjeld; two ticked nothing but went on to later questions
    konflikt: list[tuple[int, ...]] = (
        [(1, 2, 3)] * 8 + [(1, 2)] * 4 + [(1, 3)] * 3 + [(1,)] * 7 + [(2,), (3,)] + [()] * 2
    )
    # vapen: Mann 6 Ja 12 Nei; Kvinne 2 Ja 4 Nei; Annet 0 Ja 2 Nei -> 8 Ja, 18 Nei
    vapen = [1] * 6 + [2] * 12 + [1] * 2 + [2] * 4 + [2] * 2
    # vapentype for the 8 with a weapon: 5 Kniv only, 1 both, 2 Annet only -> Kniv 6, Annet 3; others all 0
    types = iter([(1,)] * 5 + [(1, 2)] + [(2,)] * 2)
    for index in range(26):
        carries = vapen[index] == 1
        people.append(
            Respondent(
                kjonn=kjonn[index],
                trygg=trygg[index],
                hovedgrunn=hovedgrunn[index],
                selger=selger[index],
                konflikt=konflikt[index],
                annet="noe annet" if index in (3, 9, 15, 20, 25) else "",
                vapen=vapen[index],
                vapentype=next(types) if carries else (),
                alder=str(20 + index),
            )
        )
    # partial respondents: Mann Trygg, Mann Utrygg, Kvinne Trygg, Kvinne (no trygg answer)
    people.append(Respondent(1, 1, konflikt=(), vapentype=(), status=3))
    people.append(Respondent(1, 2, konflikt=(), vapentype=(), status=3))
    people.append(Respondent(2, 1, konflikt=None, vapentype=None, status=3))
    people.append(Respondent(2, None, konflikt=None, vapentype=None, status=3))
    return people


def write_survey(project: Path, people: list[Respondent] | None = None, codebook: str = CODEBOOK) -> Path:
    folder = project / "data" / "survey" / SOURCE
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "codebook.yaml").write_text(codebook, "utf-8")
    with (folder / "responses.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for person in people if people is not None else respondents():
            writer.writerow(person.row())
    return folder


# FINDINGS cites an option and a question the survey does not have (for the evidence tests below); `hkh check` finds
# those, and every command refuses such a project, so the commands are run on a project without them
FINDINGS_SOUND = FINDINGS.replace(
    """      - source: s1
        question: konflikt
        option: Tyveri
      - source: s1
        question: finnes_ikke
""",
    "",
)


def make_project(root: Path, *, language: str = "nb", findings: str = FINDINGS_SOUND) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "hkh.yaml").write_text(HKH.format(language=language), "utf-8")
    (root / "sources.yaml").write_text(SOURCES, "utf-8")
    (root / "efforts.yaml").write_text("efforts: []\n", "utf-8")
    (root / "findings.yaml").write_text(findings, "utf-8")
    (root / "plan.yaml").write_text("goals: []\n", "utf-8")
    write_survey(root)
    return root


@pytest.fixture()
def project_dir(tmp_path: Path) -> Path:
    return make_project(tmp_path / "kartlegging")


@pytest.fixture()
def broken_dir(tmp_path: Path) -> Path:
    """A project whose findings cite an option and a question the survey does not have."""
    return make_project(tmp_path / "kartlegging", findings=FINDINGS)


def options_of(data: dict, question: str) -> dict[str, tuple]:
    entry = next(q for q in data["questions"] if q["question"] == question)
    return {o["label"]: (o["count"], o["percent"], o["phrase"]) for o in entry["options"]}


def question_of(data: dict, question: str) -> dict:
    return next(q for q in data["questions"] if q["question"] == question)


# ------------------------------------------------------------------------------------------------ fixture sanity


def test_fixture_has_the_counts_the_comments_promise() -> None:
    people = respondents()
    complete = [p for p in people if p.status == 4]
    assert len(people) == 30 and len(complete) == 26
    assert sum(1 in (p.konflikt or ()) for p in complete) == 22
    assert sum(2 in (p.konflikt or ()) for p in complete) == 13
    assert sum(3 in (p.konflikt or ()) for p in complete) == 12
    assert sum(p.konflikt == () for p in complete) == 2
    assert sum(p.vapen == 1 for p in complete) == 8


# ------------------------------------------------------------------------------------------------ known answers


def test_single_choice_base_counts_percent_and_secondary_suppression(project_dir: Path) -> None:
    data = build_survey_tables(load_project(project_dir)).to_json()
    kjonn = question_of(data, "kjonn")
    assert kjonn["base"] == 30  # partial respondents answered it too
    # Annet (2) is under 5; Kvinne (8) is hidden as well, or it would be 30 - 20 - Kvinne
    assert options_of(data, "kjonn") == {
        "Mann": (20, 66.7, "to av tre"),
        "Kvinne": (None, None, None),
        "Annet": (None, None, None),
    }


def test_non_substantive_answers_are_counted_but_kept_out_of_the_base(project_dir: Path) -> None:
    data = build_survey_tables(load_project(project_dir)).to_json()
    trygg = question_of(data, "trygg_1")
    # 29 answered (one partial respondent skipped it); 4 "Vet ikke" are out of the base: 25
    assert trygg["base"] == 25
    assert trygg["type"] == "grid_item"
    assert options_of(data, "trygg_1") == {
        "Trygg": (18, 72.0, "omtrent sju av ti"),
        "Utrygg": (7, 28.0, "omtrent tre av ti"),
        "Vet ikke": (None, None, None),  # 4 is under 5: hidden, and never a percentage
    }


def test_conditional_question_has_its_own_base(project_dir: Path) -> None:
    data = build_survey_tables(load_project(project_dir)).to_json()
    assert question_of(data, "hovedgrunn")["base"] == 26  # partial respondents never got here
    assert question_of(data, "selger")["base"] == 18  # asked only of the 18 who buy or sell
    assert options_of(data, "selger") == {"Ja": (11, 61.1, "omtrent seks av ti"), "Nei": (7, 38.9, "omtrent fire av ti")}
    # no one gave "Annet": a zero describes nobody, so it is shown and needs no complement
    assert options_of(data, "hovedgrunn") == {
        "Kjøpe eller selge rusmidler": (18, 69.2, "omtrent sju av ti"),
        "Sosialt treffsted": (8, 30.8, "omtrent tre av ti"),
        "Annet": (0, 0.0, "ingen"),
    }


def test_multiple_choice_percent_of_respondents_sums_past_100(project_dir: Path) -> None:
    data = build_survey_tables(load_project(project_dir)).to_json()
    konflikt = question_of(data, "konflikt")
    # 26 completed respondents: 24 ticked something, 2 ticked nothing but answered later questions;
    # the 4 partial respondents (zeros or blanks) never reached it
    assert konflikt["base"] == 26
    assert options_of(data, "konflikt") == {
        "Salg av «bøff»": (22, 84.6, "litt over fire av fem"),
        "Provoserende atferd": (13, 50.0, "halvparten"),
        "Inndriving av gjeld": (12, 46.2, "litt under halvparten"),
    }
    assert sum(o["percent"] for o in konflikt["options"]) > 100


def test_multiple_choice_non_substantive_option_leaves_the_base(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    codebook = CODEBOOK.replace(
        "      - {code: 3, label: Inndriving av gjeld, variable: konflikt_3}\n    non_substantive: []",
        "      - {code: 3, label: Inndriving av gjeld, variable: konflikt_3}\n    non_substantive: [3]",
    )
    assert codebook != CODEBOOK
    write_survey(project, codebook=codebook)
    data = build_survey_tables(load_project(project)).to_json()
    # the one respondent who ticked only option 3 gave no substantive answer; the two who ticked nothing did
    assert question_of(data, "konflikt")["base"] == 25
    assert options_of(data, "konflikt") == {
        "Salg av «bøff»": (22, 88.0, "omtrent ni av ti"),
        "Provoserende atferd": (13, 52.0, "omtrent halvparten"),
        "Inndriving av gjeld": (12, None, None),
    }


def test_conditional_multiple_choice_ignores_zeros_of_those_not_asked(project_dir: Path) -> None:
    data = build_survey_tables(load_project(project_dir)).to_json()
    # only the 8 who carry a weapon were asked; the 18 others have zeros in every box, as SurveyXact writes them
    assert question_of(data, "vapentype")["base"] == 8
    assert options_of(data, "vapentype") == {"Kniv": (6, 75.0, "tre av fire"), "Annet": (None, None, None)}


def test_open_number_and_date_questions(project_dir: Path) -> None:
    data = build_survey_tables(load_project(project_dir)).to_json()
    annet = question_of(data, "konflikt_annet")
    assert annet["base"] == 5 and annet["options"] == []
    alder = question_of(data, "alder_ar")
    assert alder["base"] == 26
    # the ages are 20, 21, ..., 45: neither the youngest nor the oldest is published (one person's answer), only
    # ends that at least min_cell (5) answers reach: at most 24 (20-24) and at least 41 (41-45); the median has 13
    # answers on each side
    assert alder["summary"] == {
        "n": 26, "suppressed": None, "mean": 32.5, "median": 32.5, "at_most": 24.0, "at_least": 41.0,
    }
    assert not {20.0, 45.0} & set(alder["summary"].values())
    dato = question_of(data, "dato")
    assert dato["base"] == 26 and dato["options"] == []
    assert "noe annet" not in json.dumps(data, ensure_ascii=False)


def test_json_has_exactly_the_agreed_shape(project_dir: Path) -> None:
    result = runner.invoke(app, ["survey", "-p", str(project_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"source", "min_cell", "marks", "published_breakdowns", "questions"}
    assert (data["min_cell"], data["marks"], data["published_breakdowns"]) == (5, {"small": "<5", "secondary": ":"}, [])
    assert data["source"] == SOURCE
    assert [q["question"] for q in data["questions"]] == [
        "kjonn", "trygg_1", "hovedgrunn", "selger", "konflikt", "konflikt_annet", "vapen", "vapentype", "alder_ar", "dato",
    ]
    for question in data["questions"]:
        assert {"question", "text", "type", "base", "base_suppressed", "options"} <= set(question)
        for option in question["options"]:
            assert set(option) == {"code", "label", "count", "suppressed", "percent", "phrase"}
            assert option["suppressed"] in (None, "small", "secondary")
            assert (option["count"] is None) == (option["suppressed"] is not None)
            assert option["count"] is None or isinstance(option["count"], int)
            assert option["percent"] is None or isinstance(option["percent"], float)
    assert not (project_dir / "out").exists()  # --format json prints only


def test_english_phrases_and_file_names(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", language="en")
    result = runner.invoke(app, ["survey", "-p", str(project)])
    assert result.exit_code == 0, result.output
    assert (project / "out" / "survey.xlsx").is_file()
    assert (project / "out" / "figures" / "s1-konflikt.png").is_file()
    assert "just over four in five" in result.stdout
    assert "84.6%" in result.stdout


def test_brackets_in_survey_texts_are_printed_as_written(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", findings="findings: []\n")  # the findings cite the label as it was
    write_survey(project, codebook=CODEBOOK.replace("label: Sosialt treffsted}", "label: \"Sosialt [treffsted]\"}"))
    result = runner.invoke(app, ["survey", "--all", "-p", str(project)])
    assert result.exit_code == 0, result.output
    assert "Sosialt [treffsted]" in result.stdout


def test_nynorsk_phrases(project_dir: Path) -> None:
    data = build_survey_tables(load_project(project_dir), language="nn").to_json()
    assert options_of(data, "selger")["Nei"][2] == "om lag fire av ti"


# ------------------------------------------------------------------------------------------------ suppression


def test_breakdown_by_background_question(project_dir: Path) -> None:
    tables = build_survey_tables(load_project(project_dir), by="kjonn")
    data = tables.to_json()
    assert data["by"] == {"question": "kjonn", "text": "Kjønn", "variable": "kjonn"}
    assert data["published_breakdowns"] == ["kjonn"]
    vapen = question_of(data, "vapen")["by"]
    # a column needs 2 x min_cell = 10 respondents: Mann (20) has them, Kvinne (8) and Annet (2) do not, and are
    # named as left out rather than shown with every count hidden
    assert [g["label"] for g in vapen["groups"]] == ["Mann"]
    assert vapen["left_out"] == ["Kvinne", "Annet"]
    (mann,) = vapen["groups"]
    assert (mann["base"], mann["base_suppressed"]) == (18, None)
    assert [(o["label"], o["count"], o["percent"]) for o in mann["options"]] == [("Ja", 6, 33.3), ("Nei", 12, 66.7)]
    # the kjonn question is not broken down by itself
    assert "by" not in question_of(data, "kjonn")


def test_breakdown_marks_small_counts_in_a_group(project_dir: Path) -> None:
    data = build_survey_tables(load_project(project_dir), by="vapen").to_json()
    kjonn = question_of(data, "kjonn")["by"]
    # vapen: Ja (8) is under 10 and left out; the 4 partial respondents who never reached it are never a column;
    # Nei (18) is shown: Mann 12, Kvinne 4, Annet 2. Kvinne and Annet are both small, so they protect each other
    # (each 2 to 4, from 6 = 18 - 12)
    assert kjonn["left_out"] == ["Ja"]
    (nei,) = kjonn["groups"]
    assert nei["base"] == 18
    assert [(o["count"], o["suppressed"]) for o in nei["options"]] == [(12, None), (None, "small"), (None, "small")]


def published_audit(project: Path, *published: dict) -> list[Hidden]:
    respondents, non_substantive = survey_facts(project / "data" / "survey" / SOURCE)
    return audit(published, respondents=respondents, non_substantive=non_substantive, min_cell=5)


def one_way_part(data: dict) -> list[dict]:
    return [{k: v for k, v in q.items() if k != "by"} for q in data["questions"]]


@pytest.mark.parametrize("by", ["kjonn", "vapen", "hovedgrunn"])
def test_breakdown_passes_an_audit_made_from_its_json_alone(project_dir: Path, by: str) -> None:
    project = load_project(project_dir)
    before = build_survey_tables(project).to_json()
    data = build_survey_tables(project, by=by).to_json()
    # what was published stays as it was: the one-way tables do not change when a breakdown is added
    assert one_way_part(data) == one_way_part(before)
    found = published_audit(project_dir, before, data)
    assert found and not too_narrow(found, 2), [h.describe() for h in too_narrow(found, 2)]


def random_people(seed: int) -> list[Respondent]:
    import random

    rng = random.Random(seed)
    people = []
    for _ in range(rng.randint(12, 60)):
        hovedgrunn = rng.choice([1, 1, 1, 2, 2, 3])
        vapen = rng.choice([1, 2, 2])
        people.append(
            Respondent(
                kjonn=rng.choice([1, 1, 1, 2, 2, 3]),
                trygg=rng.choice([1, 1, 2, 3, None]),
                hovedgrunn=hovedgrunn,
                selger=rng.choice([1, 2]) if hovedgrunn == 1 else None,
                konflikt=tuple(code for code in (1, 2, 3) if rng.random() < 0.5),
                vapen=vapen,
                vapentype=tuple(code for code in (1, 2) if rng.random() < 0.6) or (1,) if vapen == 1 else (),
                alder=str(rng.randint(18, 70)),
            )
        )
    return people


@pytest.mark.parametrize("seed", range(8))
def test_no_hidden_count_can_be_worked_out_in_random_surveys(tmp_path: Path, seed: int) -> None:
    """Three breakdowns in a row on a random survey of 12 to 60: each is published or refused with its reason, and
    an audit from the published JSON alone pins no hidden count closer than the protection level (2)."""
    project = make_project(tmp_path / "p")
    people = random_people(seed)
    write_survey(project, people)
    loaded = load_project(project)
    published = [build_survey_tables(loaded).to_json()]
    for by in ("kjonn", "hovedgrunn", "vapen"):
        try:
            published.append(build_survey_tables(loaded, by=by).to_json())
        except DisclosureRefusedError as refused:
            # the reason names the counts that could be worked out, never how closely (that would tell them)
            assert str(refused).startswith(f"--by {by} is not published: together with the table")
            assert "Choose another background question" in str(refused) and "–" not in str(refused)
    for data in published:
        assert one_way_part(data) == one_way_part(published[0])
        for question in data["questions"]:
            for option in question["options"]:
                assert option["count"] is None or option["count"] == 0 or option["count"] >= 5
                assert (option["count"] is None) <= (option["percent"] is None)
    truth = {"kjonn": Counter(p.kjonn for p in people), "vapen": Counter(p.vapen for p in people if p.vapen)}
    for name, counts in truth.items():
        for option in question_of(published[0], name)["options"]:
            true = counts[option["code"]]
            assert option["suppressed"] == ("small" if 0 < true < 5 else option["suppressed"])
            assert option["suppressed"] != "small" or true < 5  # never "<5" on a count of 5 or more
            assert option["suppressed"] != "secondary" or true >= 5  # ":" is never a small count
    found = published_audit(project, *published)
    assert not too_narrow(found, 2), [h.describe() for h in too_narrow(found, 2)]


def test_groups_under_twice_min_cell_are_left_out_and_named(project_dir: Path) -> None:
    result = runner.invoke(app, ["survey", "-p", str(project_dir), "--by", "kjonn", "--all"])
    assert result.exit_code == 0, result.output
    assert "grupper med færre enn 10 personer vises ikke: Kvinne, Annet" in " ".join(result.stdout.split())
    data = json.loads(runner.invoke(app, ["survey", "-p", str(project_dir), "--by", "kjonn", "-f", "json"]).stdout)
    for question in data["questions"]:
        if "by" in question:
            assert [g["label"] for g in question["by"]["groups"]] == ["Mann"], question["question"]
            assert question["by"]["left_out"] == ["Kvinne", "Annet"]


def test_breakdown_by_variable_name_and_unknown_variable(project_dir: Path) -> None:
    project = load_project(project_dir)
    assert build_survey_tables(project, by="TRYGG_1").by.question == "trygg_1"  # type: ignore[union-attr]
    with pytest.raises(UsageError, match="no such question"):
        build_survey_tables(project, by="bydel")
    with pytest.raises(UsageError, match="not a single-choice question"):
        build_survey_tables(project, by="konflikt")


def test_breakdown_refused_when_every_group_is_too_small(project_dir: Path) -> None:
    result = runner.invoke(app, ["survey", "-p", str(project_dir), "--by", "kjonn", "--min-cell", "25", "--all"])
    assert result.exit_code == 2
    assert "hver gruppe har færre enn 25" in result.stderr
    assert "Traceback" not in result.output
    with pytest.raises(SmallCellError):
        build_survey_tables(load_project(project_dir), by="kjonn", min_cell=25)


def test_a_group_with_few_answers_to_a_question_shows_only_marks(project_dir: Path) -> None:
    data = build_survey_tables(load_project(project_dir), by="kjonn", min_cell=7).to_json()
    vapentype = question_of(data, "vapentype")["by"]
    # 8 answered vapentype: 6 men (5 Kniv only, 1 both), 2 women. With min_cell 7 a column needs 14 people: Mann
    # (20) is shown, but only 6 of them answered vapentype, so its base and both counts are under 7
    assert vapentype["left_out"] == ["Kvinne", "Annet"]
    (mann,) = vapentype["groups"]
    assert (mann["base"], mann["base_suppressed"]) == (None, "small")
    assert [(o["count"], o["suppressed"]) for o in mann["options"]] == [(None, "small"), (None, "small")]


def test_min_cell_below_the_projects_is_refused(project_dir: Path) -> None:
    for given in ("2", "4"):
        result = runner.invoke(app, ["survey", "-p", str(project_dir), "--min-cell", given])
        assert result.exit_code == 2
        assert result.stderr.strip().removeprefix("hkh: ") == (
            f"--min-cell {given} er lavere enn terskelen tabellene fra denne undersøkelsen publiseres med (5); "
            "den kan bare heves"
        )
        assert not (project_dir / "out").exists()
    with pytest.raises(MinCellLoweredError, match="can only be raised"):
        build_survey_tables(load_project(project_dir), min_cell=3, language="en")


def test_higher_min_cell_hides_more_and_keeps_the_record(project_dir: Path) -> None:
    project = load_project(project_dir)
    data = build_survey_tables(project, min_cell=7).to_json()
    assert data["min_cell"] == 7 and data["marks"]["small"] == "<7"
    # kjonn 20 / 8 / 2: Annet is small, Kvinne (8, at least 7) hides it
    assert [(o["count"], o["suppressed"]) for o in question_of(data, "kjonn")["options"]] == [
        (20, None), (None, "secondary"), (None, "small"),
    ]
    # trygg_1 18 / 7 / 4 (Vet ikke is outside the base, so it is hidden alone)
    assert [o["count"] for o in question_of(data, "trygg_1")["options"]] == [18, 7, None]
    # vapentype: Kniv 6 and Annet 3 are both under 7 now
    assert [(o["count"], o["suppressed"]) for o in question_of(data, "vapentype")["options"]] == [
        (None, "small"), (None, "small"),
    ]
    # the record keeps the project's threshold: the project's own tables are still the ones published
    record = json.loads((project_dir / "data" / "survey" / SOURCE / "published.json").read_text("utf-8"))
    assert record["min_cell"] == 5
    again = build_survey_tables(project).to_json()
    assert [o["count"] for o in question_of(again, "vapentype")["options"]] == [6, None]


# ------------------------------------------------------------------------------------------------ agreement


def test_terminal_json_and_workbook_agree(project_dir: Path) -> None:
    result = runner.invoke(app, ["survey", "--all", "-p", str(project_dir), "--by", "kjonn"])
    assert result.exit_code == 0, result.output
    terminal = result.stdout
    data = json.loads(runner.invoke(app, ["survey", "-p", str(project_dir), "--by", "kjonn", "-f", "json"]).stdout)
    workbook = load_workbook(project_dir / "out" / "sporreundersokelse.xlsx")
    index = workbook["Oversikt"]
    header_row = next(r for r in range(1, 10) if index.cell(r, 1).value == "Spørsmål")
    listed = {
        index.cell(r, 1).value: index.cell(r, 4).value for r in range(header_row + 1, index.max_row + 1)
    }
    for question in data["questions"]:
        name = question["question"]
        base = question["base"]
        assert listed[name] == (base if base is not None else MARKS[question["base_suppressed"]])
        if question["type"] == "open":
            assert name not in workbook.sheetnames
            assert "åpent tekstsvar, 5 svar, vises ikke" in terminal
            continue
        sheet = workbook[name]
        assert sheet.cell(2, 2).value == (base if base is not None else MARKS[question["base_suppressed"]])
        if not question["options"]:
            continue
        assert f"n = {base}" in terminal
        rows = [
            [c.value for c in row]
            for row in sheet.iter_rows(min_row=6)
            if row[0].value == "Alle"
        ]
        assert len(rows) == len(question["options"])
        for option, row in zip(question["options"], rows):
            _, _, code, label, count, percent, phrase = row
            assert (code, label) == (option["code"], option["label"])
            assert count == (option["count"] if option["count"] is not None else MARKS[option["suppressed"]])
            if option["percent"] is None:
                assert percent is None
            else:
                assert percent == pytest.approx(option["percent"] / 100)
                shown = f"{option['percent']:.1f}".replace(".", ",") + " %"
                assert shown in terminal
                assert option["phrase"] in terminal
                assert phrase == option["phrase"]
        for group in question.get("by", {}).get("groups", []):
            group_rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=6) if row[0].value == group["label"]]
            assert [r[4] for r in group_rows] == [
                o["count"] if o["count"] is not None else MARKS[o["suppressed"]] for o in group["options"]
            ]


def test_workbook_is_styled_and_numbers_stay_numbers(project_dir: Path) -> None:
    result = runner.invoke(app, ["survey", "-p", str(project_dir)])
    assert result.exit_code == 0, result.output
    workbook = load_workbook(project_dir / "out" / "sporreundersokelse.xlsx")
    assert workbook.sheetnames[0] == "Oversikt"
    for name in workbook.sheetnames:
        assert len(name) <= 31 and not set(name) & set("[]:*?/\\")
    sheet = workbook["konflikt"]
    assert sheet.freeze_panes == "A6"
    assert sheet.cell(5, 1).font.bold
    percent_cell = sheet.cell(6, 6)
    assert isinstance(percent_cell.value, float) and percent_cell.number_format == "0.0%"
    assert isinstance(sheet.cell(6, 5).value, int)
    index = workbook["Oversikt"]
    link_row = next(r for r in range(1, index.max_row + 1) if index.cell(r, 1).value == "konflikt")
    assert index.cell(link_row, 5).hyperlink.location == "'konflikt'!A1"
    assert index.cell(link_row, 5).value == "konflikt"


def test_charts_are_drawn_for_the_questions_findings_cite_or_for_all(project_dir: Path) -> None:
    result = runner.invoke(app, ["survey", "-p", str(project_dir)])
    assert result.exit_code == 0, result.output
    figures = project_dir / "out" / "figurer"
    project = load_project(project_dir)
    tables = build_survey_tables(project)
    cited = {str(e.question) for f in project.findings.findings for e in f.evidence if e.question and tables.question(str(e.question))}
    assert sorted(p.name for p in figures.glob("*.png")) == sorted(f"s1-{q}.png" for q in cited)
    assert len(cited) < 7
    result = runner.invoke(app, ["survey", "-p", str(project_dir), "--charts", "all"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in figures.glob("*.png"))
    assert names == sorted(f"s1-{q}.png" for q in ("kjonn", "trygg_1", "hovedgrunn", "selger", "konflikt", "vapen", "vapentype"))


def test_charts_are_pngs_written_through_the_guard(project_dir: Path) -> None:
    result = runner.invoke(app, ["survey", "-p", str(project_dir), "--charts", "all"])
    assert result.exit_code == 0, result.output
    figures = project_dir / "out" / "figurer"
    assert (figures / "s1-konflikt.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    manifest = json.loads((project_dir / "out" / ".hkh-manifest.json").read_text("utf-8"))
    assert "figurer/s1-konflikt.png" in manifest["outputs"]
    # an edited chart is not replaced without --force
    (figures / "s1-konflikt.png").write_bytes(b"edited")
    again = runner.invoke(app, ["survey", "-p", str(project_dir), "--charts", "all"])
    assert again.exit_code == 2 and "fila er endret etter at hkh skrev den" in again.stderr
    assert runner.invoke(app, ["survey", "-p", str(project_dir), "--charts", "all", "--force"]).exit_code == 0


def test_output_option_names_the_workbook(project_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "tabeller.xlsx"
    target.parent.mkdir()
    result = runner.invoke(app, ["survey", "-p", str(project_dir), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert load_workbook(target).sheetnames[0] == "Oversikt"
    assert not (project_dir / "out" / "sporreundersokelse.xlsx").exists()


def test_sheet_names_are_what_excel_accepts() -> None:
    from hkh.outputs.excel import safe_sheet_name

    taken: list[str] = []
    for wanted in ["Oversikt", "oversikt", "a/b:c*d?e[f]g\\h", "x" * 40, "x" * 40, "'quoted'", ""]:
        name = safe_sheet_name(wanted, taken)
        assert 0 < len(name) <= 31 and not set(name) & set("[]:*?/\\") and not name.startswith("'")
        assert name.casefold() not in {t.casefold() for t in taken}
        taken.append(name)
    assert taken[:3] == ["Oversikt", "oversikt (2)", "a_b_c_d_e_f_g_h"]
    assert taken[3] == "x" * 31 and taken[4] == "x" * 27 + " (2)"


def test_library_writes_workbook_and_charts_for_other_commands(project_dir: Path) -> None:
    project = load_project(project_dir)
    tables = build_survey_tables(project, language="en")
    from hkh.analysis.results import Results
    from hkh.outputs.write import write_survey

    results = Results(project, "en")
    written = write_survey(results, tables, charts="all")
    assert written[0] == project.out_dir / "survey.xlsx"
    assert sorted(p.name for p in written[1:]) == sorted(p.name for p in (project.out_dir / "figures").iterdir())
    assert len(written) == 8
    # the same again is allowed: hkh wrote those files and nobody changed them
    assert write_survey(results, tables, charts="all") == written


def test_matplotlib_is_not_imported_by_the_cli_at_start() -> None:
    import subprocess
    import sys

    code = "import sys, hkh.cli, hkh.survey.tables, hkh.i18n.phrases, hkh.outputs.excel; print('matplotlib' in sys.modules, 'openpyxl' in sys.modules, 'pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False", "False"]


# ------------------------------------------------------------------------------------------------ evidence


def test_evidence_figures_for_findings(broken_dir: Path) -> None:
    project = load_project(broken_dir)
    evidence = project.findings.findings[0].evidence
    bøff = evidence_figure(project, evidence[0], "nb")
    assert bøff is not None
    assert (bøff.count, bøff.base, bøff.percent, bøff.label, bøff.suppressed) == (22, 26, 84.6, "Salg av «bøff»", None)
    assert bøff.sentence == "22 av 26 (85 %, litt over fire av fem)"
    vapen = evidence_figure(project, evidence[1], "en")
    assert vapen is not None and vapen.sentence == "8 of 26 (31%, about three in ten)"
    kvinne = evidence_figure(project, evidence[2], "nb")
    # Kvinne (8) is hidden only so that Annet (2) cannot be worked out: said in words, with its mark and why
    assert kvinne is not None and kvinne.suppressed == "secondary" and kvinne.count is None and kvinne.percent is None
    assert kvinne.sentence == (
        "skjult (:) av 30 – tallet er ikke lite, men skjult fordi et lite tall ellers kunne regnes ut fra de "
        "publiserte tabellene"
    )
    assert evidence_figure(project, evidence[5], "nb") is None  # an interview cites no survey figure


def test_evidence_with_unknown_option_or_question_names_the_line(broken_dir: Path) -> None:
    project = load_project(broken_dir)
    evidence = project.findings.findings[0].evidence
    with pytest.raises(HkhError) as unknown_option:
        evidence_figure(project, evidence[3], "nb")
    option_line = FINDINGS.splitlines().index("        option: Tyveri") + 1
    question_line = FINDINGS.splitlines().index("        question: finnes_ikke") + 1
    assert f"findings.yaml:{option_line}: `Tyveri` is not an option" in str(unknown_option.value)
    assert "Tyveri" in str(unknown_option.value) and "Salg av «bøff»" in str(unknown_option.value)
    with pytest.raises(HkhError) as unknown_question:
        evidence_figure(project, evidence[4], "nb")
    assert f"findings.yaml:{question_line}:" in str(unknown_question.value) and "finnes_ikke" in str(unknown_question.value)


def test_evidence_may_add_up_options_of_a_single_choice_question(broken_dir: Path) -> None:
    project = load_project(broken_dir)
    social, women_and_other, men_and_women, conflict = project.findings.findings[1].evidence
    figure = evidence_figure(project, social, "nb")
    assert figure is not None
    assert (figure.label, figure.count, figure.base) == ("Sosialt treffsted + Annet", 8, 26)
    assert figure.sentence == "8 av 26 (31 %, omtrent tre av ti)"
    # Kvinne and Annet are both hidden; their sum is 30 - 20 anyway, so it may be shown
    both_hidden = evidence_figure(project, women_and_other, "en")
    assert both_hidden is not None and both_hidden.sentence == "10 of 30 (33%, a third)"
    # Mann + Kvinne minus the shown Mann would give the hidden Kvinne away
    one_hidden = evidence_figure(project, men_and_women, "nb")
    assert one_hidden is not None and one_hidden.suppressed and one_hidden.count is None
    with pytest.raises(HkhError, match="cannot be added up"):
        evidence_figure(project, conflict, "nb")


def test_survey_command_lists_the_figures_findings_cite(project_dir: Path) -> None:
    result = runner.invoke(app, ["survey", "-p", str(project_dir)])
    assert result.exit_code == 0, result.output
    cited = result.stdout[result.stdout.index("Tall som funnene viser til"):]
    assert "22 av 26 (85 %, litt over fire av fem)" in cited
    assert "8 av 26 (31 %, omtrent tre av ti)" in cited and "tre av ti kommer av andre grunner" in cited
    assert (project_dir / "out" / "sporreundersokelse.xlsx").is_file()


def test_survey_command_refuses_findings_citing_an_option_the_survey_lacks(broken_dir: Path) -> None:
    result = runner.invoke(app, ["survey", "-p", str(broken_dir), "-l", "en"])
    assert result.exit_code == 2 and result.stderr.count("\n") == 1
    line = FINDINGS.splitlines().index("        option: Tyveri") + 1
    assert f"findings.yaml:{line}: `Tyveri` is not an option of question `konflikt`" in result.stderr
    assert "`hkh check` lists all 2" in result.stderr
    assert not (broken_dir / "out").exists()


# ------------------------------------------------------------------------------------------------ errors


def test_no_survey_imported(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    shutil.rmtree(project / "data")
    result = runner.invoke(app, ["survey", "-p", str(project)])
    assert result.exit_code == 2
    assert "hkh import" in result.stderr and "Traceback" not in result.output


def test_codebook_naming_a_missing_column_is_reported(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    write_survey(project, codebook=CODEBOOK.replace("variables: [selger]", "variables: [selgr]"))
    result = runner.invoke(app, ["survey", "-p", str(project)])
    assert result.exit_code == 2
    assert "responses.csv:1:" in result.stderr and "«selgr»" in result.stderr
    assert "Traceback" not in result.output


def test_text_in_a_code_column_is_reported(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    people = respondents()
    people[2].kjonn = "mann"  # type: ignore[assignment]
    write_survey(project, people)
    result = runner.invoke(app, ["survey", "-p", str(project)])
    assert result.exit_code == 2
    assert "responses.csv:4:" in result.stderr and "«mann»" in result.stderr


# ------------------------------------------------------------------------------------------------ the example

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "brugata_storgata"
EXAMPLE_SOURCE = "sporreundersokelse-2020"
EXAMPLE_SURVEY = EXAMPLE / "data" / "survey" / EXAMPLE_SOURCE
EXAMPLE_EXPORT = EXAMPLE / "data" / "raw" / "sporreundersokelse-2020-SYNTETISK.xlsx"


def phrase_of(data: dict, question: str, code: int) -> str:
    option = next(o for o in question_of(data, question)["options"] if o["code"] == code)
    assert option["phrase"] is not None, (question, code)
    return option["phrase"]


@pytest.mark.skipif(
    not (EXAMPLE_SURVEY / "codebook.yaml").is_file() and not EXAMPLE_EXPORT.is_file(),
    reason="the example's synthetic survey has not been written yet",
)
def test_example_survey_prints_the_reports_shares(tmp_path: Path) -> None:
    copy = tmp_path / "brugata_storgata"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns("out"))
    if not (copy / "data" / "survey" / EXAMPLE_SOURCE / "codebook.yaml").is_file():
        # the imported data may be left out of the repository; the export it comes from is there
        export = copy / "data" / "raw" / EXAMPLE_EXPORT.name
        imported = runner.invoke(app, ["import", str(export), "-p", str(copy), "-s", EXAMPLE_SOURCE])
        assert imported.exit_code == 0, imported.output
    result = runner.invoke(app, ["survey", "-p", str(copy)])
    assert result.exit_code == 0, result.output
    printed = result.stdout
    data = json.loads(runner.invoke(app, ["survey", "-p", str(copy), "-f", "json"]).stdout)
    expected = [
        ("kjonn", 1, "tre av fire"),
        ("hovedgrunn", 1, "tre av fire"),
        ("trygg_1", 1, "åtte av ti"),
        ("trygg_2", 1, "litt under halvparten"),
        ("trygg_3", 1, "tre av ti"),
        ("konflikt", 1, "over fire av fem"),
        ("vapen", 1, "tre av ti"),
    ]
    for question, code, words in expected:
        phrase = phrase_of(data, question, code)
        assert words in phrase, (question, phrase)
        assert phrase in printed
    # "a third are not from Oslo": the two other options together, as a finding may cite them
    from hkh.project.models import Evidence

    not_oslo = Evidence(source="sporreundersokelse-2020", question="tilhorighet", option="Annen kommune i Norge + Utlandet")
    figure = evidence_figure(load_project(copy), not_oslo, "nb")
    assert figure is not None and figure.phrase is not None and "en tredjedel" in figure.phrase, figure
    assert (copy / "out" / "sporreundersokelse.xlsx").is_file()
