"""Builders shared by the report and run tests: small projects in nb/nn/en with an imported synthetic survey, and
one run of `hkh run` on a copy of the example (made once per test session: it is the slowest thing we do)."""

from __future__ import annotations

import importlib.util
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hkh.cli import app
from hkh.survey.synthetic import SynthQuestion, SynthSurvey, export_tables, write_xlsx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "brugata_storgata"
SURVEY_ID = "gatesporsmal"
# Open-text answers carry this marker so a test can prove none of them reaches the report.
SECRET = "FRITEKST-SOM-ALDRI-SKAL-VISES"

TEXTS = {
    "nb": {"title": "Kartlegging av Torget", "mandate1": "Hvem oppholder seg på Torget", "mandate2": "Hva trengs om natta",
           "finding": "Mest menn på Torget", "statement": "Tre av fire på Torget er menn.", "quote": "Det er trygt her om dagen.",
           "role": "bruker av miljøet", "goal": "Tryggere natt", "measure1": "Nattpatrulje fredag og lørdag",
           "measure2": "Varmestue om vinteren", "measure3": "Felles informasjonsside", "follow": "Rusbehandling må følges opp"},
    "nn": {"title": "Kartlegging av Torget", "mandate1": "Kven oppheld seg på Torget", "mandate2": "Kva trengst om natta",
           "finding": "Mest menn på Torget", "statement": "Tre av fire på Torget er menn.", "quote": "Det er trygt her om dagen.",
           "role": "brukar av miljøet", "goal": "Tryggare natt", "measure1": "Nattpatrulje fredag og laurdag",
           "measure2": "Varmestove om vinteren", "measure3": "Felles informasjonsside", "follow": "Rusbehandling må følgjast opp"},
    "en": {"title": "Mapping of the Square", "mandate1": "Who spends time on the Square", "mandate2": "What is needed at night",
           "finding": "Mostly men on the Square", "statement": "Three in four on the Square are men.",
           "quote": "It is safe here in the daytime.", "role": "user of the scene", "goal": "A safer night",
           "measure1": "Night patrol Friday and Saturday", "measure2": "Warm room in winter",
           "measure3": "Shared information page", "follow": "Treatment needs follow-up"},
}


def synthetic_survey(respondents: int = 14) -> SynthSurvey:
    """kjonn: 10 men, 3 women, 1 other (the last two suppressed); hjelp: multiple choice; an open question."""
    questions = [
        SynthQuestion("kjonn", "single", "Kjønn", [(1, "Mann"), (2, "Kvinne"), (3, "Annet")]),
        SynthQuestion("hjelp", "multiple", "Hva trenger du hjelp til?", [(1, "Mat"), (2, "Bolig"), (3, "Helse")]),
        SynthQuestion("fritekst", "open", "Noe mer du vil si?"),
    ]
    genders = [1] * 10 + [2] * 3 + [3]
    answers = []
    for index in range(respondents):
        answers.append({
            "kjonn": genders[index % len(genders)],
            "hjelp_1": 1 if index % 2 == 0 else 0,
            "hjelp_2": 1 if index % 3 == 0 else 0,
            "hjelp_3": 1,
            "fritekst": f"{SECRET} nummer {index}",
        })
    return SynthSurvey(questions=questions, answers=answers, statuses=[4] * respondents, title="Testundersøkelse", seed=3)


def write_small_project(root: Path, language: str, *, survey: bool = True) -> Path:
    """A complete small mapping: mandate, team, steps, sources, efforts (one low-threshold), a finding citing the
    survey with a quote, a plan with two goals, a follow-up, and a statistics table."""
    text = TEXTS[language]
    root.mkdir(parents=True, exist_ok=True)
    (root / "hkh.yaml").write_text(
        f"""title: {text['title']}
area: Torget
commissioner: Velferdsetaten
language: {language}
period: {{start: 2021-01, end: 2021-06}}
target_group: Personer i det åpne rusmiljøet
mandate:
  - id: M1
    text: {text['mandate1']}
  - id: M2
    text: {text['mandate2']}
parties: [Politiet, Velferdsetaten]
team:
  - name: Kari Nordmann
    role: prosjektleder
    organisation: Uteseksjonen
steps:
  - id: request
    state: done
    start: 2021-01
    end: 2021-01
  - id: initial_consultation
    state: done
    start: 2021-02-10
    end: 2021-02-10
settings:
  min_cell: 5
""",
        encoding="utf-8",
    )
    (root / "sources.yaml").write_text(
        """sources:
  - id: intervju
    method: target_interview
    title: Intervjuer med personer i miljøet
    date: 2021-04
    n: 5
  - id: konsultasjon
    method: initial_consultation
    title: Innledende konsultasjon
    date: 2021-02-10
    n: 25
    participants: politiet, Uteseksjonen og tre frivillige organisasjoner
  - id: telling
    method: statistics
    title: Tellinger på Torget
    period: {start: 2018, end: 2020}
    files: [data/stats/telling.csv]
""",
        encoding="utf-8",
    )
    (root / "efforts.yaml").write_text(
        """efforts:
  - id: kafe
    organisation: Kirkens Bymisjon
    name: Kafé Torget
    kind: lavterskeltilbud
    offers: [mat]
    opening_hours: Mo-Fr 09:00-14:00
    low_threshold: true
    address: Torggata 1
  - id: patrulje
    organisation: Uteseksjonen
    name: Oppsøkende patrulje
    kind: oppsøkende
    offers: [oppsøkende]
    opening_hours: Mo-Th 12:00-22:00
    over_capacity: true
""",
        encoding="utf-8",
    )
    (root / "plan.yaml").write_text(
        f"""goals:
  - text: {text['goal']}
    measures:
      - text: {text['measure1']}
        responsible: Politiet
        involved: [Uteseksjonen]
        timing: Fra høsten 2021
        addresses: [F1]
      - text: {text['measure2']}
        responsible: Kirkens Bymisjon
        timing: Vinter 2021
        addresses: [F2]
  - text: Bedre samarbeid
    measures:
      - text: {text['measure3']}
        responsible: Velferdsetaten
        timing: 2022
follow_up:
  - finding: F1
    text: {text['follow']}
""",
        encoding="utf-8",
    )
    stats = root / "data" / "stats"
    stats.mkdir(parents=True, exist_ok=True)
    (stats / "telling.csv").write_text("# Personer på Torget\nÅr;Dag;Kveld\n2018;12,5;20\n2019;14;22,5\n2020;17;25\n", "utf-8")
    (stats / "README.md").write_text("Tabellene er skrevet av fra rapporten; dette er ikke data.\n", "utf-8")
    survey_evidence = ""
    if survey:
        raw = root / "data" / "raw" / "eksport.xlsx"
        write_xlsx(export_tables(synthetic_survey()), raw)
        result = CliRunner().invoke(app, ["import", "-p", str(root), str(raw), "--source", SURVEY_ID])
        assert result.exit_code == 0, result.output
        survey_evidence = f"""      - source: {SURVEY_ID}
        says: Tre av fire er menn
        question: kjonn
        option: 1
      - source: {SURVEY_ID}
        question: hjelp
        option: Helse
"""
    (root / "findings.yaml").write_text(
        f"""findings:
  - id: F1
    mandate: M1
    title: {text['finding']}
    statement: {text['statement']}
    evidence:
{survey_evidence}      - source: intervju
        says: Mest menn i miljøet
        quote: {text['quote']}
        role: {text['role']}
      - source: telling
        says: Tellingene viser økning
    needs:
      - offer: oppsøkende
        when: Fr-Sa 22:00-04:00
  - id: F2
    mandate: M2
    statement: Om natta er det ingen tilbud.
    needs:
      - offer: nattåpent
        when: Mo-Su 00:00-06:00
    evidence:
      - source: konsultasjon
        says: Natta er utrygg
""",
        encoding="utf-8",
    )
    return root


# ------------------------------------------------------------------------------------------- the example, run once


def _import_example_survey(project: Path) -> None:
    """The example ships its synthetic export's generator; import the survey when the copy has none yet."""
    if (project / "data" / "survey").is_dir() and any((project / "data" / "survey").iterdir()):
        return
    spec = importlib.util.spec_from_file_location("make_survey", EXAMPLE / "make_survey.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    raw = project / "data" / "raw" / "sporreundersokelse-2020-SYNTETISK.xlsx"
    if not raw.exists():
        module.write_workbook(raw)
    result = CliRunner().invoke(app, ["import", "-p", str(project), str(raw), "--source", module.SOURCE_ID, "--force", "--replace"])
    assert result.exit_code == 0, result.output


def listed_by_folder(stdout: str) -> dict[Path, tuple[int, list[str] | None]]:
    """The lines after "Files written (N), by folder:": `  folder/ (2): a.xlsx, b.html` or `  folder/: 15 files`."""
    import re

    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"^(Files written|Filer skrevet|Filer skrivne|Nothing|Ingenting)", line)) + 1
    folders: dict[Path, tuple[int, list[str] | None]] = {}
    for line in lines[start:]:
        named = re.match(r"^  (?P<folder>.+)/ \((?P<n>\d+)\): (?P<names>.+)$", line)
        counted = re.match(r"^  (?P<folder>.+)/: (?P<n>\d+) \w+$", line)
        if named:
            folders[Path(named["folder"])] = (int(named["n"]), named["names"].split(", "))
        elif counted:
            folders[Path(counted["folder"])] = (int(counted["n"]), None)
    return folders


@dataclass
class ExampleRun:
    project: Path
    exit_code: int
    output: str
    stdout: str

    @property
    def listed(self) -> dict[Path, tuple[int, list[str] | None]]:
        """What `hkh run` says it wrote, by folder: (how many files, their names where it names them)."""
        return listed_by_folder(self.stdout)

    @property
    def report(self) -> Path:
        return self.project / "out" / "rapport.html"


# Each test module that imports the fixture gets its own copy of it, so pytest's session scope alone would run the
# example once per module; the run is kept here instead, once per session. Tests only read the copy.
_RUNS: dict[str, ExampleRun] = {}


@pytest.fixture(scope="session")
def example_run(tmp_path_factory: pytest.TempPathFactory) -> ExampleRun:
    if "example" not in _RUNS:
        project = tmp_path_factory.mktemp("example") / "brugata_storgata"
        shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("out", ".hkh.lock"))
        _import_example_survey(project)
        result = CliRunner().invoke(app, ["run", "-p", str(project)])
        _RUNS["example"] = ExampleRun(project, result.exit_code, result.output, result.stdout)
    return _RUNS["example"]
