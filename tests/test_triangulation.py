"""`hkh triangulate`: strength by distinct methods, disputed findings, warnings, and the same figures in the
terminal, the JSON and the workbook read back with openpyxl."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from hkh.analysis.triangulation import strength_of, triangulate
from hkh.cli import app
from hkh.outputs.workbooks.triangulation import STRENGTH_FILL
from hkh.project.load import load_project
from project_files import write_project_files

runner = CliRunner()
WIDE = {"COLUMNS": "250", "NO_COLOR": "1"}

HKH = """\
title: Testkartlegging
language: {language}
mandate:
  - id: M1
    text: Trygghet
  - id: M2
    text: Skadereduksjon
settings:
  triangulated: {triangulated}
  robust: {robust}
"""
SOURCES = """\
sources:
  - id: survey
    method: survey
    title: Spørreundersøkelse blant brukerne
    date: 2020-06
    n: 51
  - id: int-a
    method: target_interview
    title: Intervju med bruker A
    date: 2020-05-02
  - id: int-b
    method: target_interview
    title: Intervju med bruker B
    date: 2020-05-03
  - id: field
    method: field_reports
    title: Feltrapporter
    period: {start: 2019-10, end: 2020-03}
  - id: police
    method: statistics
    title: Politiets tall
  - id: unused
    method: documents
    title: Tiltaksplan som ingen bruker
"""
FINDINGS = """\
findings:
  - id: same-method
    mandate: M1
    title: To intervjuer
    statement: Støttet av to intervjuer med målgruppen
    evidence:
      - {source: int-a, says: "A sier det"}
      - {source: int-b, says: "B sier det"}
  - id: two-methods
    mandate: M1
    statement: Støttet av intervju og feltrapporter
    evidence:
      - {source: int-a}
      - {source: field}
  - id: three-methods
    mandate: M2
    statement: Støttet av tre metoder
    evidence:
      - {source: int-a}
      - {source: field}
      - {source: police}
  - id: contested
    mandate: M2
    statement: Tre metoder støtter, men statistikken sier imot
    evidence:
      - {source: int-a}
      - {source: field}
      - {source: survey, question: q1, option: 1}
      - {source: police, stance: contradicts, says: "Tallene viser nedgang"}
  - id: bare
    statement: Uten belegg og uten mandatpunkt
"""
PLAN = """\
goals:
  - text: Delmål
    measures:
      - text: Tiltak på tynt grunnlag
        addresses: [same-method]
      - text: Tiltak på godt grunnlag
        addresses: [same-method, three-methods]
"""


def write_project(
    root: Path,
    *,
    language: str = "nb",
    triangulated: int = 2,
    robust: int = 3,
    findings: str = FINDINGS,
    plan: str = PLAN,
    sources: str = SOURCES,
) -> Path:
    return write_project_files(
        root,
        hkh=HKH.format(language=language, triangulated=triangulated, robust=robust),
        sources=sources,
        efforts="efforts: []\n",
        findings=findings,
        plan=plan,
    )


def run_json(root: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["triangulate", "-p", str(root), "--format", "json"], env=WIDE)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in data["findings"]}


# ------------------------------------------------------------------------------------------ the definitions


def test_two_interviews_of_the_same_method_are_still_a_single_source(tmp_path: Path) -> None:
    found = by_id(run_json(write_project(tmp_path)))["same-method"]
    assert found["strength"] == "single"
    assert found["disputed"] is False
    assert found["methods"] == {"target_interview": {"supports": 2, "contradicts": 0}}


def test_strength_counts_distinct_methods(tmp_path: Path) -> None:
    found = by_id(run_json(write_project(tmp_path)))
    assert found["two-methods"]["strength"] == "triangulated"
    assert found["three-methods"]["strength"] == "robust"
    assert found["bare"]["strength"] == "none"
    assert found["three-methods"]["methods"] == {
        "target_interview": {"supports": 1, "contradicts": 0},
        "field_reports": {"supports": 1, "contradicts": 0},
        "statistics": {"supports": 1, "contradicts": 0},
    }


def test_thresholds_come_from_hkh_yaml(tmp_path: Path) -> None:
    found = by_id(run_json(write_project(tmp_path, triangulated=3, robust=4)))
    assert found["two-methods"]["strength"] == "single"
    assert found["three-methods"]["strength"] == "triangulated"
    assert strength_of(4, 3, 4) == "robust"
    assert strength_of(1, 1, 2) == "triangulated"


def test_contradicting_evidence_marks_the_finding_disputed_whatever_its_count(tmp_path: Path) -> None:
    data = run_json(write_project(tmp_path))
    found = by_id(data)["contested"]
    assert found["disputed"] is True
    assert found["strength"] == "robust"  # survey, interviews and field reports still support it
    assert found["methods"]["statistics"] == {"supports": 0, "contradicts": 1}
    assert [w["finding"] for w in data["warnings"] if w["code"] == "disputed"] == ["contested"]


def test_json_shape(tmp_path: Path) -> None:
    data = run_json(write_project(tmp_path))
    assert set(data) >= {"findings", "warnings"}
    for item in data["findings"]:
        assert set(item) >= {"id", "strength", "disputed", "methods"}
        assert item["strength"] in {"single", "triangulated", "robust", "none"}
        for counts in item["methods"].values():
            assert set(counts) == {"supports", "contradicts"}
    assert data["summary"] == {"none": 1, "single": 1, "triangulated": 1, "robust": 2, "disputed": 1}


def test_warnings_a_team_needs_to_see(tmp_path: Path) -> None:
    warnings = run_json(write_project(tmp_path))["warnings"]
    codes = {(w["code"], w.get("finding") or w.get("source") or w.get("measure") or w.get("method")) for w in warnings}
    assert ("single_method", "same-method") in codes
    assert ("no_evidence", "bare") in codes
    assert ("disputed", "contested") in codes
    assert ("unused_source", "unused") in codes
    # the first measure rests only on a single-source finding; the second also on a robust one
    assert ("measure_single_source", "1.1") in codes
    assert ("measure_single_source", "1.2") not in codes
    unused_methods = {w["method"] for w in warnings if w["code"] == "unused_method"}
    assert unused_methods == {"service_interview", "observation", "initial_consultation", "final_consultation"}
    # documents has a registered source (unused), so the method itself is not reported unused
    assert "documents" not in unused_methods


def test_a_measure_that_addresses_a_need_is_traced_to_its_finding(tmp_path: Path) -> None:
    findings = FINDINGS.replace(
        "      - {source: int-b, says: \"B sier det\"}\n",
        "      - {source: int-b, says: \"B sier det\"}\n    needs:\n      - {offer: mat}\n",
    )
    plan = "goals:\n  - text: Delmål\n    measures:\n      - text: Mat\n        addresses: [same-method.1]\n"
    warnings = run_json(write_project(tmp_path, findings=findings, plan=plan))["warnings"]
    assert any(w["code"] == "measure_single_source" and w["measure"] == "1.1" for w in warnings)


def test_evidence_from_an_unregistered_source_is_not_counted_but_warned(tmp_path: Path) -> None:
    from hkh.analysis.results import Results
    from hkh.project.load import load_project

    findings = "findings:\n  - id: f\n    statement: s\n    evidence:\n      - {source: ghost}\n      - {source: field}\n"
    root = write_project(tmp_path, findings=findings, plan="goals: []\n")
    # `hkh check` finds the unknown source, so the command refuses the project; the library counts what it can
    refused = runner.invoke(app, ["triangulate", "-p", str(root), "--format", "json", "-l", "en"])
    assert refused.exit_code == 2 and "the source `ghost` is not in sources.yaml" in refused.stderr
    data = Results(load_project(root)).triangulation.to_json()
    assert by_id(data)["f"]["methods"] == {"field_reports": {"supports": 1, "contradicts": 0}}
    assert any(w["code"] == "unknown_source" and w["source"] == "ghost" for w in data["warnings"])


# ------------------------------------------------------------------------------------------ outputs agree


def test_workbook_terminal_and_json_hold_the_same_figures(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p")
    data = run_json(root)
    result = runner.invoke(app, ["triangulate", "-p", str(root)], env=WIDE)
    assert result.exit_code == 0, result.output
    terminal = result.stdout
    workbook_path = root / "out" / "triangulering.xlsx"
    assert f"skrev {workbook_path}" in terminal  # messages in the mapping's language
    workbook = load_workbook(workbook_path)
    assert workbook.sheetnames == ["Matrise", "Belegg", "Advarsler"]

    matrix = workbook["Matrise"]
    header = [cell.value for cell in matrix[1]]
    # the statement first and the id last: people read the one, the team's files use the other
    assert header[:2] == ["Funn (beskrivelse)", "Spørreundersøkelse"] and header[-1] == "Funn-ID"
    method_columns = {name: header.index(label) for name, label in [
        ("survey", "Spørreundersøkelse"), ("target_interview", "Intervju med målgruppen"),
        ("field_reports", "Feltrapporter"), ("statistics", "Statistikk"),
    ]}
    count_column = header.index("Metoder som støtter")
    strength_column = header.index("Styrke")
    disputed_column = header.index("Omstridt")
    rows = {row[-1].value: row for row in matrix.iter_rows(min_row=2) if row[-1].value in by_id(data)}
    assert set(rows) == set(by_id(data))
    labels = {"single": "én metode", "triangulated": "triangulert", "robust": "robust", "none": "uten belegg"}
    for finding_id, item in by_id(data).items():
        row = rows[finding_id]
        assert row[strength_column].value == labels[item["strength"]]
        assert row[strength_column].fill.start_color.rgb.endswith(STRENGTH_FILL[item["strength"]])
        assert row[count_column].value == item["supporting_methods"]
        assert (row[disputed_column].value == "omstridt") is item["disputed"]
        for method, column in method_columns.items():
            counts = item["methods"].get(method, {"supports": 0, "contradicts": 0})
            expected = " ".join(
                part for part in (
                    f"✔ {counts['supports']}" if counts["supports"] else "",
                    f"✖ {counts['contradicts']}" if counts["contradicts"] else "",
                ) if part
            )
            assert (row[column].value or "") == expected
        # the terminal row shows the same strength and count
        line = next(text for text in terminal.splitlines() if text.strip().startswith(finding_id))
        assert labels[item["strength"]] in line
        assert f" {item['supporting_methods']} " in line
    assert rows["contested"][method_columns["statistics"]].value == "✖ 1"
    assert rows["same-method"][method_columns["target_interview"]].value == "✔ 2"
    # findings are grouped under their mandate items, in the order of hkh.yaml
    column_a = [row[-1].value or row[0].value for row in matrix.iter_rows(min_row=2)]
    assert column_a.index("M1: Trygghet") < column_a.index("same-method") < column_a.index("M2: Skadereduksjon")
    assert column_a.index("M2: Skadereduksjon") < column_a.index("contested") < column_a.index("Uten mandatpunkt")

    evidence = workbook["Belegg"]
    evidence_rows = [[cell.value for cell in row] for row in evidence.iter_rows(min_row=2) if row[1].value]
    # the source's title first, the finding's and the source's ids in the last two columns
    listed = [(row[8], row[9]) for row in evidence_rows if row[8] in by_id(data)]
    expected_pairs = [(item["id"], e["source"]) for item in data["findings"] for e in item["evidence"]]
    assert listed == expected_pairs
    survey_row = next(row for row in evidence_rows if row[8] == "contested" and row[9] == "survey")
    assert survey_row[1] == "Spørreundersøkelse" and survey_row[2] == "2020-06"
    assert survey_row[6] == "q1 = 1"
    assert survey_row[7] == "ikke importert"  # no survey imported: the figure says so instead of failing
    police_row = next(row for row in evidence_rows if row[8] == "contested" and row[9] == "police")
    assert police_row[3] == "sier imot" and police_row[4] == "Tallene viser nedgang"

    warnings = workbook["Advarsler"]
    messages = [row[2].value for row in warnings.iter_rows(min_row=2)]
    assert messages == [w["message"] for w in data["warnings"]]
    for message in messages:
        assert message.split(";")[0][:40] in " ".join(terminal.split())


def test_english_output_names_and_labels(tmp_path: Path) -> None:
    root = write_project(tmp_path, language="en")
    result = runner.invoke(app, ["triangulate", "-p", str(root)], env=WIDE)
    assert result.exit_code == 0, result.output
    workbook = load_workbook(root / "out" / "triangulation.xlsx")
    assert workbook.sheetnames == ["Matrix", "Evidence", "Warnings"]
    strengths = {row[-1].value: row[-3].value for row in workbook["Matrix"].iter_rows(min_row=2)}
    assert strengths["same-method"] == "one method"
    assert strengths["three-methods"] == "robust"


def test_language_option_overrides_hkh_yaml(tmp_path: Path) -> None:
    root = write_project(tmp_path)
    result = runner.invoke(app, ["triangulate", "-p", str(root), "--language", "nn"], env=WIDE)
    assert result.exit_code == 0, result.output
    workbook = load_workbook(root / "out" / "triangulering.xlsx")
    assert workbook.sheetnames == ["Matrise", "Belegg", "Åtvaringar"]


def test_output_option_and_edited_workbook_guard(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p")
    target = tmp_path / "elsewhere" / "tri.xlsx"
    result = runner.invoke(app, ["triangulate", "-p", str(root), "-o", str(target)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert load_workbook(target).sheetnames[0] == "Matrise"
    target.write_bytes(target.read_bytes() + b"edited")
    refused = runner.invoke(app, ["triangulate", "-p", str(root), "-o", str(target)], env=WIDE)
    assert refused.exit_code == 2
    assert "--force" in refused.stderr and "Traceback" not in refused.output
    forced = runner.invoke(app, ["triangulate", "-p", str(root), "-o", str(target), "--force"], env=WIDE)
    assert forced.exit_code == 0, forced.output
    assert load_workbook(target).sheetnames[0] == "Matrise"


def test_json_to_a_file(tmp_path: Path) -> None:
    root = write_project(tmp_path)
    target = root / "out" / "tri.json"
    result = runner.invoke(app, ["triangulate", "-p", str(root), "-f", "json", "-o", str(target)], env=WIDE)
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text("utf-8")) == run_json(root)


def test_library_api_for_the_report_and_run(tmp_path: Path) -> None:
    project = load_project(write_project(tmp_path))
    result = triangulate(project, "en")
    assert result.finding("two-methods").strength == "triangulated"
    assert result.counts()["disputed"] == 1
    assert triangulate(project, "en", survey_figures=False).to_json()["summary"] == result.to_json()["summary"]
    from hkh.analysis.results import Results
    from hkh.outputs.write import write_triangulation

    written = write_triangulation(Results(project, "en"))
    assert written == [project.out_dir / "triangulation.xlsx"]
    assert written[0].exists()


def test_an_invalid_project_is_one_line_and_exit_2(tmp_path: Path) -> None:
    root = write_project(tmp_path, findings="findings:\n  - id: f\n    statment: typo\n")
    result = runner.invoke(app, ["triangulate", "-p", str(root)], env=WIDE)
    assert result.exit_code == 2
    assert "findings.yaml:3: hkh kjenner ikke feltet `statment`; mente du `statement`?" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_every_warning_kind_has_words(tmp_path: Path, language: str) -> None:
    from hkh.i18n import namespace

    data = run_json(write_project(tmp_path, language=language))
    for warning in data["warnings"]:
        assert f"w_{warning['code']}" in namespace("triangulation")
        assert "{" not in warning["message"]


# ------------------------------------------------------------------------------------------ the example

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "brugata_storgata"
NIGHT_FINDING = "natt-lite-kartlagt"


def test_example_the_night_time_finding_rests_on_one_method(tmp_path: Path) -> None:
    root = tmp_path / "brugata_storgata"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("out", ".hkh.lock"))
    data = run_json(root)
    night = by_id(data)[NIGHT_FINDING]
    assert night["strength"] == "single"
    assert any(w["code"] == "single_method" and w.get("finding") == NIGHT_FINDING for w in data["warnings"])
    result = runner.invoke(app, ["triangulate", "-p", str(root)], env=WIDE)
    assert result.exit_code == 0, result.output
    matrix = load_workbook(root / "out" / "triangulering.xlsx")["Matrise"]
    row = next(row for row in matrix.iter_rows(min_row=2) if row[-1].value == NIGHT_FINDING)
    assert row[-3].value == "én metode"
    # every finding of the example is in the matrix with the strength the JSON gives
    strengths = {row[-1].value: row[-3].value for row in matrix.iter_rows(min_row=2)}
    words = {"single": "én metode", "triangulated": "triangulert", "robust": "robust", "none": "uten belegg"}
    assert all(strengths[item["id"]] == words[item["strength"]] for item in data["findings"])


def test_a_narrow_terminal_still_shows_every_strength(tmp_path: Path) -> None:
    root = write_project(tmp_path)
    result = runner.invoke(app, ["triangulate", "-p", str(root)], env={"COLUMNS": "80", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    # the table fits; the path of the workbook is printed whole, so it can be copied
    assert max(len(line) for line in result.stdout.splitlines() if "triangulering.xlsx" not in line) <= 80
    data = run_json(root)
    words = {"single": "én metode", "triangulated": "triangulert", "robust": "robust", "none": "uten belegg"}
    for item in data["findings"]:
        line = next(text for text in result.stdout.splitlines() if text.strip().startswith(item["id"]))
        assert words[item["strength"]] in line


def test_example_survey_evidence_shows_the_figure_computed_from_the_imported_data(tmp_path: Path) -> None:
    import subprocess
    import sys

    from hkh.survey.evidence import evidence_figure

    root = tmp_path / "brugata_storgata"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("out", ".hkh.lock", "survey", "raw"))
    # the example's own script builds its synthetic export and imports it, here into the copy
    made = subprocess.run([sys.executable, str(root / "make_survey.py")], capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    result = runner.invoke(app, ["triangulate", "-p", str(root)], env=WIDE)
    assert result.exit_code == 0, result.output

    project = load_project(root)
    expected: dict[tuple[str, str, str], str] = {}
    for finding in project.findings.findings:
        for evidence in finding.evidence:
            if evidence.question:
                figure = evidence_figure(project, evidence, "nb")
                expected[(finding.id, evidence.question, str(evidence.option))] = figure.sentence
    assert expected, "the example cites no survey question"

    sheet = load_workbook(root / "out" / "triangulering.xlsx")["Belegg"]
    shown: dict[tuple[str, str, str], str] = {}
    for row in sheet.iter_rows(min_row=2, values_only=True):
        if row[6]:
            question, _, option = str(row[6]).partition(" = ")
            shown[(row[8], question, option or "None")] = row[7]
    assert shown == expected
    assert not any(value == "ikke importert" for value in shown.values())
