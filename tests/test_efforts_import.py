"""`hkh efforts import` and `hkh efforts export`: a services list kept in a spreadsheet, into efforts.yaml and back."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from hkh.cli import app
from hkh.core.yamlio import load_yaml

runner = CliRunner()
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "brugata_storgata"

HEADERS = ["Navn på tilbudet", "Driftes av", "Type", "Hva tilbys", "Målgruppe", "Bydel", "Adresse", "Åpningstider",
           "Telefon", "Kommentar"]
# (name, organisation, hours in words, the OSM text they must become, or None when they are kept as hours_note)
SERVICES: list[tuple[str, str, str, str | None]] = [
    ("Feltpleien", "Velferdsetaten", "man–fre 09.00–15.00", "Mo-Fr 09:00-15:00"),
    ("Matutdeling i parken", "Frelsesarmeen", "Mandag til fredag kl. 10-14", "Mo-Fr 10:00-14:00"),
    ("Akuttovernatting", "Velferdsetaten", "døgnåpent", "24/7"),
    ("Kveldskafé", "Kirkens Bymisjon", "tirsdag og torsdag 18.00-21.00", "Tu,Th 18:00-21:00"),
    ("Varmestua", "Kirkens Bymisjon", "alle dager 12-14", "Mo-Su 12:00-14:00"),
    ("Rådgivning for pårørende", "Bydel Grünerløkka", "etter avtale", None),
    ("Helsebussen", "Stiftelsen Erlik", "hverdager 8-16, lørdag 10-14", "Mo-Fr 08:00-16:00; Sa 10:00-14:00"),
    ("Samtalegruppe", "Blå Kors", "onsdager kl 19–22", "We 19:00-22:00"),
    ("Oppsøkende team", "Velferdsetaten", "man-tor 08-24, fre 08-04, lør 10-04, søn 16-24",
     "Mo-Th 08:00-24:00; Fr 08:00-04:00, Sa 10:00-04:00, Su 16:00-24:00"),
    ("Nattvandring", "Natteravnene", "fredag og lørdag 22.00–03.00", "Fr,Sa 22:00-03:00"),
    ("Søndagsmiddag", "Fransiskushjelpen", "søndager 12–16", "Su 12:00-16:00"),
    ("Brukerutstyr", "Velferdsetaten", "man–fre 09.00–21.00, lør–søn 12.00–18.00", "Mo-Fr 09:00-21:00; Sa,Su 12:00-18:00"),
    ("Klesutdeling", "Frelsesarmeen", "torsdager 10–13", "Th 10:00-13:00"),
    ("Dusj og klesvask", "Kirkens Bymisjon", "man, ons og fre 09-12", "Mo,We,Fr 09:00-12:00"),
    ("Gatejuristen", "Kirkens Bymisjon", "9-5", None),  # a bare range: 09-17, or through the night?
    ("Aktivitetssenter", "Velferdsetaten", "man–fre 10.00–16.00", "Mo-Fr 10:00-16:00"),
    ("Legevakt rus", "Oslo kommune", "døgnåpent", "24/7"),
    ("Kafé for unge", "Uteseksjonen", "mandag og onsdag 15.00-20.00", "Mo,We 15:00-20:00"),
    ("Sprøyteutdeling natt", "Velferdsetaten", "alle dager 21-07", "Mo-Su 21:00-07:00"),
    ("Samtaletilbud", "Maritastiftelsen", "Mo-Fr 09:00-14:00", "Mo-Fr 09:00-14:00"),  # already in OSM syntax
]
BROKEN = [
    # a row without a name, and one without an organisation: neither can be taken
    ("", "Kirkens Bymisjon", "man–fre 09-15"),
    ("Nytt lavterskeltilbud", "", "fredager 12-14"),
]


def services_rows() -> list[list[str]]:
    rows = []
    for index, (name, organisation, hours, _osm) in enumerate(SERVICES):
        rows.append([name, organisation, "lavterskel", "mat, rådgivning" if index % 2 else "helsehjelp",
                     "åpent rusmiljø", "Sentrum", f"Storgata {index + 1}", hours, f"22 00 00 {index:02d}", ""])
    rows.insert(6, [BROKEN[0][0], BROKEN[0][1], "", "", "", "", "", BROKEN[0][2], "", "ny rad uten navn"])
    rows.insert(15, [BROKEN[1][0], BROKEN[1][1], "", "", "", "", "", BROKEN[1][2], "", ""])
    return rows


def write_services_xlsx(path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tjenester"
    sheet.append(HEADERS)
    for row in services_rows():
        sheet.append([value or None for value in row])
    workbook.save(path)
    return path


def new_project(tmp_path: Path) -> Path:
    project = tmp_path / "kartlegging"
    result = runner.invoke(app, ["init", str(project), "--title", "Test", "--language", "nb"])
    assert result.exit_code == 0, result.output
    return project


def test_a_services_list_of_20_services_imports_into_a_valid_register(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    before = (project / "efforts.yaml").read_text("utf-8")
    services = write_services_xlsx(tmp_path / "tjenester.xlsx")

    # the first time, the mapping is proposed and must be confirmed: nothing is written until then
    first = runner.invoke(app, ["efforts", "import", str(services), "-p", str(project)])
    assert first.exit_code == 2
    assert "Navn på tilbudet  →  name (Navn)" in first.stdout
    assert "Driftes av        →  organisation (Organisasjon)" in first.stdout
    assert "Telefon           →  (leses ikke)" in first.stdout
    assert "--confirm" in first.stderr
    assert (project / "efforts.yaml").read_text("utf-8") == before and not (project / "efforts-import.yaml").exists()

    result = runner.invoke(app, ["efforts", "import", str(services), "-p", str(project), "--confirm"])
    assert result.exit_code == 0, result.stderr
    assert "22 rader: 20 nye, 0 endret, 0 uendret, 2 ikke tatt inn" in result.stdout
    # the rows it could not take, named by their cells and shown with their content
    assert (
        "tjenester.xlsx!Tjenester!A8: raden er ikke tatt inn: «Navn på tilbudet» er tom "
        "(raden: Driftes av=Kirkens Bymisjon; Åpningstider=man–fre 09-15; Kommentar=ny rad uten navn)"
    ) in result.stderr
    assert "tjenester.xlsx!Tjenester!B17: raden er ikke tatt inn: «Driftes av» er tom" in result.stderr
    # hours it could not read with certainty, by cell
    assert "tjenester.xlsx!Tjenester!H7: åpningstidene «etter avtale»" in result.stderr
    assert "tjenester.xlsx!Tjenester!H17" not in result.stderr  # the rejected row's hours are not read at all
    assert "«9-5» kan leses som `09:00-17:00`, men ikke sikkert" in result.stderr

    efforts = {e["name"]: e for e in load_yaml(project / "efforts.yaml")["efforts"]}
    for name, organisation, hours, osm in SERVICES:
        effort = efforts[name]
        assert effort["organisation"] == organisation
        if osm is None:
            assert "opening_hours" not in effort and effort["hours_note"] == hours, name
        else:
            assert effort["opening_hours"] == osm, name
    assert efforts["Feltpleien"]["id"] == "feltpleien" and efforts["Søndagsmiddag"]["id"] == "sondagsmiddag"
    assert list(efforts["Matutdeling i parken"]["offers"]) == ["mat", "rådgivning"]
    assert "# " in (project / "efforts.yaml").read_text("utf-8").split("efforts:")[0]  # the template's comments kept
    check = runner.invoke(app, ["check", "-p", str(project)])
    assert check.exit_code == 0, check.stderr

    # the mapping is kept: the next import needs no confirmation and finds nothing new
    assert "Navn på tilbudet: name" in (project / "efforts-import.yaml").read_text("utf-8")
    again = runner.invoke(app, ["efforts", "import", str(services), "-p", str(project)])
    assert again.exit_code == 0, again.stderr
    assert "0 nye, 0 endret, 20 uendret, 2 ikke tatt inn" in again.stdout


def test_the_same_list_as_csv_from_norwegian_excel_gives_the_same_register(tmp_path: Path) -> None:
    from_xlsx = new_project(tmp_path / "a")
    from_csv = new_project(tmp_path / "b")
    services = write_services_xlsx(tmp_path / "tjenester.xlsx")
    csv_path = tmp_path / "tjenester.csv"
    with csv_path.open("w", encoding="cp1252", newline="") as stream:  # Excel's "CSV (semikolonseparert)"
        writer = csv.writer(stream, delimiter=";")
        writer.writerow(HEADERS)
        writer.writerows(services_rows())
    assert runner.invoke(app, ["efforts", "import", str(services), "-p", str(from_xlsx), "--confirm"]).exit_code == 0
    result = runner.invoke(app, ["efforts", "import", str(csv_path), "-p", str(from_csv), "--confirm"])
    assert result.exit_code == 0, result.stderr
    assert "tjenester.csv!A8: raden er ikke tatt inn" in result.stderr
    assert (from_csv / "efforts.yaml").read_text("utf-8") == (from_xlsx / "efforts.yaml").read_text("utf-8")


def test_a_changed_sheet_asks_for_the_mapping_again(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    services = write_services_xlsx(tmp_path / "tjenester.xlsx")
    assert runner.invoke(app, ["efforts", "import", str(services), "-p", str(project), "--confirm"]).exit_code == 0
    workbook = load_workbook(services)
    workbook.active.cell(1, 9).value = "E-post"  # "Telefon" became "E-post"
    workbook.save(services)
    result = runner.invoke(app, ["efforts", "import", str(services), "-p", str(project)])
    assert result.exit_code == 2
    assert "mangler: Telefon, nye: E-post" in result.stderr


def test_export_for_the_services_and_their_corrections_read_back(tmp_path: Path) -> None:
    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("out"))
    before = (project / "efforts.yaml").read_text("utf-8")
    result = runner.invoke(app, ["efforts", "export", "-p", str(project)])
    assert result.exit_code == 0, result.output
    path = project / "out" / "innsatsoversikt.xlsx"
    workbook = load_workbook(path)
    sheet = workbook["Innsatser"]
    headers = [c.value for c in sheet[1]]
    assert headers[:3] == ["Id", "Organisasjon", "Navn"] and "Åpningstider i ord" in headers
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    hours_column = headers.index("Åpningstider") + 1
    assert sheet.cell(rows["uteseksjonen-kveldspatrulje"], hours_column).value == "Mo-Th 14:00-22:00"
    # unchanged, it reads back as it was
    unchanged = runner.invoke(app, ["efforts", "import", str(path), "-p", str(project)])
    assert unchanged.exit_code == 0, unchanged.stderr
    assert "0 nye, 0 endret, 31 uendret, 0 ikke tatt inn" in unchanged.stdout
    assert (project / "efforts.yaml").read_text("utf-8") == before
    # a service corrects its hours in words and adds its address
    sheet.cell(rows["uteseksjonen-kveldspatrulje"], hours_column).value = "mandag til torsdag 15.00–23.00"
    sheet.cell(rows["uteseksjonen-kveldspatrulje"], headers.index("Adresse") + 1).value = "Storgata 1"
    workbook.save(path)
    result = runner.invoke(app, ["efforts", "import", str(path), "-p", str(project)])
    assert result.exit_code == 0, result.stderr
    assert "endret: uteseksjonen-kveldspatrulje: address, opening_hours" in result.stdout
    after = (project / "efforts.yaml").read_text("utf-8")
    # only those two lines changed (the hours keep the quotes the team wrote them with)
    changed_lines = [line for line in after.splitlines() if line not in before.splitlines()]
    assert changed_lines == ["    address: Storgata 1", '    opening_hours: "Mo-Th 15:00-23:00"']
    assert len(after.splitlines()) == len(before.splitlines()) + 1
    assert runner.invoke(app, ["check", "-p", str(project)]).exit_code == 0
