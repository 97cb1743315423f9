"""Consultations as records: participants by organisation and role, proposals presented and how they were received;
`hkh check`, the plan's `anchored` column and the report's process chapter."""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from hkh.cli import app
from hkh.project.load import load_project
from report_fixtures import write_small_project

runner = CliRunner()
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "brugata_storgata"

FINAL = """\
  - id: avsluttende
    method: final_consultation
    title: Avsluttende konsultasjon
    date: 2021-06-03
    n: 20
    consultation:
      participants:
        - {organisation: Politiet, role: politistasjonssjef, count: 2}
        - {organisation: Kirkens Bymisjon, count: 3, note: innlegg}
      themes: [trygghet om natta]
      findings: [F1]
      proposals:
        - {measure: "1.1", received: endorsed}
        - {measure: "1.2", received: changed, note: Politiet med som involvert}
        - {text: Nattkafé i sentrum, received: rejected, note: Ingen har midler}
      new_proposals:
        - {text: Felles nattpatrulje, raised_by: Kirkens Bymisjon}
"""


def project_with_final_consultation(tmp_path: Path, record: str = FINAL) -> Path:
    project = write_small_project(tmp_path / "p", "nb", survey=False)
    with (project / "sources.yaml").open("a", encoding="utf-8") as stream:
        stream.write(record)
    return project


def check_lines(project: Path) -> list[str]:
    result = runner.invoke(app, ["check", "-p", str(project)])
    return result.stderr.splitlines()


def test_the_example_records_both_consultations_as_the_report_tells_them() -> None:
    project = load_project(EXAMPLE)
    initial = project.source("innledende-konsultasjon")
    final = project.source("avsluttende-konsultasjon")
    assert (initial.date, initial.n, final.date, final.n) == ("2020-02-14", 40, "2020-06-03", 30)
    assert initial.consultation is not None and final.consultation is not None
    # the six who gave talks at the initial consultation (ch. 1.4.2), and the groups' two questions
    assert [p.organisation for p in initial.consultation.participants] == [
        "Politiet", "Gunerius kjøpesenter", "Prindsen mottakssenter", "Uteseksjonen", "Velferdsetaten", "FHN"
    ]
    assert [g.themes for g in initial.consultation.groups] == [
        ["deltakernes kjennskap til målgruppen", "hva og hvem kartleggingen burde fokusere på"]
    ]
    # the final consultation: who came, in plenary (no groups), the three themes of the discussion
    assert [p.organisation for p in final.consultation.participants] == [
        "Velferdsetaten", "Styringsgruppen", "Uteseksjonen", "Politiet", "vektertjenester", "Kirkens Bymisjon",
        "Frelsesarmeen", "OUS", "Pro Sentret", "lokalt næringsliv", "FHN", "RIO",
    ]
    assert final.consultation.groups == [] and len(final.consultation.themes) == 3
    # the report does not say which proposals were presented, so none are recorded, and check says so once
    assert final.consultation.proposals == []
    seed = Path("/work/shared/seed/brugata-storgata-hkh-rapport-2020.txt")
    if seed.exists():
        text = " ".join(seed.read_text("utf-8").split())
        assert "40 personer fra ulike virksomheter deltok på møtet den 14. februar 2020" in text
        assert "ble antall deltakere begrenset til 30 personer" in text
        assert "Funn fra kartleggingen ble presentert" in text
    lines = check_lines(EXAMPLE)
    no_record = [line for line in lines if "registrerer ikke hvilke forslag" in line]
    assert len(no_record) == 1 and re.search(r"sources\.yaml:\d+: advarsel: den avsluttende konsultasjonen", no_record[0])
    assert not [line for line in lines if "ble ikke lagt fram på noen avsluttende konsultasjon" in line]


def test_check_warns_about_each_measure_never_presented(tmp_path: Path) -> None:
    project = project_with_final_consultation(tmp_path)
    lines = check_lines(project)
    not_presented = [line for line in lines if "ble ikke lagt fram" in line]
    # 1.1 and 1.2 were presented; 2.1 never was
    assert len(not_presented) == 1
    assert re.search(r"plan\.yaml:\d+: advarsel: tiltak 2\.1 ble ikke lagt fram på noen avsluttende konsultasjon", not_presented[0])
    assert runner.invoke(app, ["check", "-p", str(project)]).exit_code == 0  # warnings only


def test_a_record_naming_a_person_or_an_unknown_measure_is_reported(tmp_path: Path) -> None:
    record = FINAL.replace("- {organisation: Politiet, role: politistasjonssjef, count: 2}",
                           "- {name: Kari Nordmann, organisation: Politiet}")
    record = record.replace('{measure: "1.2", received: changed', '{measure: "7.7", received: changed')
    project = project_with_final_consultation(tmp_path, record)
    result = runner.invoke(app, ["check", "-p", str(project)])
    assert result.exit_code == 1
    assert "feil: `name`: de som deltok, føres opp etter virksomhet og rolle, aldri med navn" in result.stderr
    # with the name gone, the unknown measure is a warning of its own
    fixed = record.replace("{name: Kari Nordmann, organisation: Politiet}", "{organisation: Politiet}")
    (project / "sources.yaml").write_text((project / "sources.yaml").read_text("utf-8").replace(record, fixed), "utf-8")
    lines = check_lines(project)
    assert any("konsultasjonen `avsluttende` viser til tiltak `7.7`, som ikke finnes i plan.yaml" in line for line in lines)
    # a record on a source that is no consultation is refused
    bad = (project / "sources.yaml").read_text("utf-8").replace("method: final_consultation", "method: documents")
    (project / "sources.yaml").write_text(bad, "utf-8")
    result = runner.invoke(app, ["check", "-p", str(project)])
    assert result.exit_code == 1 and "`consultation` beskriver et møte" in result.stderr


def test_the_anchored_column_and_the_report_tell_how_each_measure_was_received(tmp_path: Path) -> None:
    project = project_with_final_consultation(tmp_path)
    plan = (project / "plan.yaml").read_text("utf-8")
    (project / "plan.yaml").write_text("columns: [goal, measure, responsible, timing, anchored]\n" + plan, "utf-8")
    assert runner.invoke(app, ["plan", "-p", str(project)]).exit_code == 0
    sheet = load_workbook(project / "out" / "handlingsplan.xlsx")["Handlingsplan"]
    assert sheet["F1"].value == "Forankret"
    assert [sheet.cell(row, 6).value for row in range(2, 5)] == [
        "Fikk tilslutning (3. juni 2021)", "Endret (3. juni 2021)", None
    ]
    # reading the workbook back leaves the computed column alone
    result = runner.invoke(app, ["plan", "import", str(project / "out" / "handlingsplan.xlsx"), "-p", str(project)])
    assert result.exit_code == 0 and "Ingen endringer" in result.stdout, result.output

    result = runner.invoke(app, ["report", "-p", str(project)])
    assert result.exit_code == 0, result.output
    html = (project / "out" / "rapport.html").read_text("utf-8")
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Deltakere etter virksomhet: Politiet (politistasjonssjef, 2) og Kirkens Bymisjon (3)." in text
    assert "Tema i diskusjonen: trygghet om natta." in text
    assert "Nye forslag som kom opp: Felles nattpatrulje (fra Kirkens Bymisjon)." in text
    assert "Forslag til tiltak lagt fram på avsluttende konsultasjon (3. juni 2021), og hvordan de ble mottatt" in text
    assert "1.2 " in text and "Endret Politiet med som involvert" in text
    assert "Nattkafé i sentrum Avvist Ingen har midler" in text


def test_the_example_report_tells_the_consultations(example_run: object) -> None:
    html = (example_run.project / "out" / "rapport.html").read_text("utf-8")  # type: ignore[attr-defined]
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Deltakere etter virksomhet: Politiet, Gunerius kjøpesenter, Prindsen mottakssenter, Uteseksjonen, " \
           "Velferdsetaten (koordinator for sentrumsarbeidet) og FHN." in text
    assert "Det er ikke registrert hvilke forslag til tiltak som ble lagt fram." in text
