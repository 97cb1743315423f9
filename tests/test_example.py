"""The example project `examples/brugata_storgata` against the published report it encodes.

The facts asserted here are typed from the report (Uteseksjonen 2020), not read back from the example's YAML, so a
slip in the example shows up as a failure. `EXPECTED_PLAN` is the report's action plan table (chapter 6) and is also
used by the tests of the Excel action plan.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hkh.cli import app
from hkh.project import hours
from hkh.project.load import Project, load_project
from hkh.project.models import Method
from hkh.project.services import offer_hours
from hkh.project.vocabulary import term_key, terms_of

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "brugata_storgata"

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = range(7)

# The action plan, chapter 6 «Forslag til handlingsplan»: (Delmål, [(Forslag til tiltak, Ansvarlig og involverte,
# Tid)]), word for word as the table prints them (PDF hyphenation undone). The last measure's «Tid» cell is empty in
# the report.
EXPECTED_PLAN: list[tuple[str, list[tuple[str, str, str | None]]]] = [
    (
        "Målrettet og god utnyttelse av politiets innsatser",
        [
            (
                "Politiet har systematisk tilstedeværelse i miljøet over tid – i tråd med den plan som foreligger "
                "fra politiet pr juni 2020",
                "Politiet",
                "Fra juni 2020",
            ),
            ("Hyppigere våpenkontroller i aktuelt geografisk område", "Politiet", "Fra høst 2020"),
            (
                "Tilrettelegge for at bruk av sanksjonsmiddel som oppholdsforbud skjer i nært samarbeid med "
                "hjelpeinstanser som er involvert i arbeidet med den aktuelle bruker",
                "Politiet og aktuelle hjelpeinstanser",
                "Kontinuerlig",
            ),
            (
                "Oppfordre brukere og aktuelle brukerorganisasjoner til å samarbeide med politi for å kunne stoppe "
                "salg av «bøff»",
                "Uteseksjonen, Politiet ideelle organisasjoner og brukerorganisasjoner",
                "Fra høst 2020",
            ),
        ],
    ),
    (
        "Oppsøkende innsatser er i kontinuerlig dialog med brukere av miljøet, driver holdningsskapende arbeid og "
        "gir god oppfølging til den enkelte",
        [
            ("Videreføre dagens systematiske tilstedeværelse i miljøet", "Uteseksjonen", "Kontinuerlig"),
            (
                "Kartlegging av, og dialog med miljøet på natt",
                "Uteseksjonen i samarbeid med politiet og ideelle organisasjoner",
                "Fra september 2020",
            ),
            (
                "Erfaringskompetanse tas mer aktivt i bruk i arbeidet overfor miljøene ute",
                "Prindsen mottakssenter og Uteseksjonen i samarbeid med brukerorganisasjoner.",
                "Kontinuerlig",
            ),
            (
                "Prøve ut modellen «koordinerende tillitsperson» i oppfølgingen av utvalgte brukere",
                "Velferdsetaten i tett samarbeid med andre aktører",
                "Fra høst 2020",
            ),
            (
                "Invitere brukerorganisasjoner til prøveprosjekt om felles felting i området",
                "Uteseksjonen, FHN, MIO og RIO",
                "Høst 2020",
            ),
            ("Vurdere behovet for å videreføre innsats fra trivselsvektere", "Velferdsetaten", "Fra høst 2020"),
        ],
    ),
    (
        "Sentrumsarbeidet gjennomgås",
        [
            (
                "En gjennomgang av eksisterende samarbeid med fokus på mandat, arbeidsform, kommunikasjon og "
                "måloppnåelse",
                "Velferdsetaten",
                "Fra høst 2020",
            ),
            (
                "Det utarbeides en nettside for sentrumsarbeidet som enkelt kan gi innbyggere og aktører oversikt "
                "og kunnskap om det pågående arbeidet overfor åpne rusmiljø i sentrumsområdene",
                "Velferdsetaten",
                "Fra høst 2020",
            ),
        ],
    ),
    (
        "«Grønnere» og mykere omgivelser rundt lavterskeltilbud",
        [
            (
                "Prindsen mottakssenter og Fyrlyset ser på muligheter for etablering av miljøterapeutisk og "
                "helsefaglig tilbud på uteområdene i forbindelse med sine tiltak",
                "Prindsen mottakssenter\nFrelsesarmeen",
                None,
            ),
        ],
    ),
]

# Chapter 1.2, the mandate's four items.
EXPECTED_MANDATE = [
    "Informasjon om omfang av personer med rusproblemer i Brugata/Storgata",
    "Hovedårsaker til at personene oppholder seg i området",
    "Fordeler og ulemper, samt utfordringer med å være der",
    "Informasjon om hvor personene tilknyttet dette rusmiljøet ellers oppholder seg og hva som skal til for at de "
    "benytter andre steder",
]

# The example survey's questions and option labels (examples/brugata_storgata/make_survey.py); findings may cite only these.
SURVEY_OPTIONS: dict[str, list[str]] = {
    "kjonn": ["Mann", "Kvinne", "Annet/vil ikke svare"],
    "alder": ["18–25 år", "26–35 år", "36–45 år", "46 år eller eldre"],
    "tilhorighet": ["Oslo", "Annen kommune i Norge", "Utlandet"],
    "hyppighet": ["Flere ganger om dagen", "Daglig", "Mer enn tre ganger i uka", "En til tre ganger i uka", "Sjeldnere"],
    "hovedgrunn": ["Kjøpe eller selge rusmidler", "Sosialt treffsted", "Nærhet til lavterskeltilbud", "Annet"],
    "selger": ["Ja", "Nei"],
    **{f"trygg_{i}": ["Trygg", "Utrygg", "Vet ikke"] for i in (1, 2, 3)},
    "konflikt": ["Salg av «bøff»", "Provoserende atferd", "Inndriving av gjeld", "Tyveri", "Annet"],
    "vapen": ["Ja", "Nei", "Vil ikke svare"],
    "vapentype": ["Kniv", "Elektrovåpen", "Annet"],
    "ringt_politi": ["Ja", "Nei"],
    "andre_omrader": ["Ja", "Nei"],
    "rusmidler": ["Heroin", "Amfetamin", "Benzodiazepiner", "Cannabis", "Kokain", "Annet"],
    "rusfri": ["Ja", "Nei", "Vet ikke"],
}


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(EXAMPLE)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _answering(project: Project, offer: str, where: str | None = None, who: str | None = None) -> list[tuple[str, list[str]]]:
    """Efforts (not planned) offering `offer` in `where` for `who`, each with the hours in which it offers it: the
    schedules that list the tag, else its own hours. An effort naming no areas or groups serves all; an area serves
    the areas the vocabulary says it contains."""
    terms = terms_of(project.mapping)
    found = []
    for effort in project.efforts.efforts:
        if effort.status.value == "planned":
            continue
        sources = offer_hours(effort, offer, term_key)
        if sources is None:
            continue
        if not terms.serves("areas", where, effort.areas) or not terms.serves("target_groups", who, effort.groups):
            continue
        found.append((effort.id, [source.text for source in sources if source.text]))
    return found


def _open_at(efforts: list[tuple[str, list[str]]], weekday: int, hour: int, minute: int = 0) -> list[str]:
    return [effort for effort, texts in efforts if any(hours.is_open(text, weekday, hour, minute) for text in texts)]


def _copy_example(tmp_path: Path) -> Path:
    copy = tmp_path / "brugata_storgata"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns("out"))
    return copy


def _json_output(tmp_path: Path, command: str) -> dict:
    result = CliRunner().invoke(app, [command, "-p", str(_copy_example(tmp_path)), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _supporting_methods(project: Project, finding_id: str) -> set[Method]:
    finding = next(f for f in project.findings.findings if f.id == finding_id)
    methods = set()
    for evidence in finding.evidence:
        source = project.source(evidence.source)
        assert source is not None, f"{finding_id} cites unknown source {evidence.source}"
        if evidence.stance.value == "supports":
            methods.add(source.method)
    return methods


# ---------------------------------------------------------------------------------------------------- hkh.yaml


def test_mapping_is_the_report(project: Project) -> None:
    mapping = project.mapping
    assert mapping.language == "nb"
    assert mapping.commissioner == "Velferdsetaten, avdeling for forebygging og sentrumsarbeid"
    assert mapping.period is not None and (mapping.period.start, mapping.period.end) == ("2020-01", "2020-06")
    assert [m.id for m in mapping.mandate] == ["M1", "M2", "M3", "M4"]
    assert [" ".join(m.text.split()) for m in mapping.mandate] == EXPECTED_MANDATE
    assert [s.id.value for s in mapping.steps] == [
        "request", "steering_group", "initial_consultation", "mapping", "gap_analysis", "final_consultation", "report",
    ]
    assert all(s.state.value == "done" for s in mapping.steps)
    steps = {s.id.value: s for s in mapping.steps}
    assert steps["initial_consultation"].start == "2020-02-14"
    assert steps["final_consultation"].start == "2020-06-03"
    assert steps["report"].end == "2020-06"
    assert len(mapping.steering_group) == 6
    assert "Pål Grav" in {p.name for p in mapping.team}
    settings = mapping.settings
    assert (settings.min_cell, settings.triangulated, settings.robust) == (5, 2, 3)


# ------------------------------------------------------------------------------------------------- sources.yaml


def test_sources_and_their_numbers(project: Project) -> None:
    survey = project.source("sporreundersokelse-2020")
    assert survey is not None and survey.method is Method.survey
    assert (survey.n, survey.n_complete, survey.n_partial, survey.date) == (51, 45, 6, "2020-04")

    by_method: dict[Method, list] = {}
    for source in project.sources.sources:
        by_method.setdefault(source.method, []).append(source)
    assert sum(s.n or 0 for s in by_method[Method.target_interview]) == 6
    assert len(by_method[Method.service_interview]) >= 3  # municipal + police, NGOs, user organisations
    (initial,) = by_method[Method.initial_consultation]
    (final,) = by_method[Method.final_consultation]
    assert (initial.date, initial.n) == ("2020-02-14", 40)
    assert (final.date, final.n) == ("2020-06-03", 30)
    # every kind of source of chapter 1.4.2; the report has no observation apart from the field reports
    assert set(by_method) == set(Method) - {Method.observation}
    field_reports = by_method[Method.field_reports][0]
    assert field_reports.period is not None and (field_reports.period.start, field_reports.period.end) == ("2019", "2020")
    for source in project.sources.sources:
        for name in source.files:
            assert (EXAMPLE / name).is_file(), f"{source.id}: {name} is missing"


def test_every_evidence_names_a_known_source_and_mandate(project: Project) -> None:
    mandate = {m.id for m in project.mapping.mandate}
    for finding in project.findings.findings:
        assert finding.mandate in mandate, finding.id
        assert finding.title, finding.id
        for evidence in finding.evidence:
            assert project.source(evidence.source) is not None, (finding.id, evidence.source)


def test_survey_evidence_cites_the_contract_questions(project: Project) -> None:
    cited = 0
    for finding in project.findings.findings:
        for evidence in finding.evidence:
            if evidence.question is None:
                continue
            cited += 1
            assert evidence.source == "sporreundersokelse-2020", finding.id
            assert evidence.question in SURVEY_OPTIONS, (finding.id, evidence.question)
            for option in str(evidence.option).split(" + "):  # "+" joins options into one share
                assert option in SURVEY_OPTIONS[evidence.question], (finding.id, evidence.question, option)
    assert cited >= 10


# ------------------------------------------------------------------------------------------------- efforts.yaml


def test_opening_hours_past_midnight(project: Project) -> None:
    efforts = {e.id: e for e in project.efforts.efforts}
    schedules = {schedule.name: schedule.opening_hours for schedule in efforts["uteseksjonen"].schedules}
    patrol, phone = schedules["Patrulje"], schedules["Åpningstid og vakttelefon"]
    assert patrol is not None and phone is not None
    # the patrols (kap. 3.2.1): Friday 09.30–03.00 and Saturday 11.00–03.00, so out in the small hours of Saturday
    # and Sunday until 03:00, and Sunday 17.00–23.00
    assert hours.is_open(patrol, SATURDAY, 2, 30) and hours.is_open(patrol, SUNDAY, 2, 30)
    assert not hours.is_open(patrol, SATURDAY, 3, 30) and not hours.is_open(patrol, TUESDAY, 23, 30)
    assert not hours.is_open(patrol, SUNDAY, 16, 30) and hours.is_open(patrol, SUNDAY, 22, 30)
    # the opening hours and duty phone (appendix): Friday 08.00–04.00, Saturday 10.00–04.00
    assert hours.is_open(phone, SATURDAY, 3, 30) and not hours.is_open(phone, SATURDAY, 4, 30)
    assert not hours.is_open(phone, TUESDAY, 2, 30) and hours.is_open(phone, SUNDAY, 23, 30)
    # the police's plan for ÅRM (Mo–Th 09–23, Fr 09–22, Sa/Su 10–20) and the trivselsvektere (15–21)
    arm = efforts["politiet-arm-plan"].opening_hours
    assert arm is not None and hours.is_open(arm, THURSDAY, 22, 30) and not hours.is_open(arm, FRIDAY, 22, 30)
    assert not hours.is_open(arm, SUNDAY, 20, 30)
    guards = efforts["trivselsvektere"].opening_hours
    assert guards is not None and hours.is_open(guards, WEDNESDAY, 20, 45) and not hours.is_open(guards, WEDNESDAY, 14, 45)
    for effort in project.efforts.efforts:
        for text in [effort.opening_hours, *(schedule.opening_hours for schedule in effort.schedules)]:
            if text:
                assert hours.cancelled_spillover(text) == [], effort.id


def test_appendix_services_are_low_threshold(project: Project) -> None:
    names = {e.name for e in project.efforts.efforts if e.low_threshold}
    appendix = {
        "Blå Kors kontaktsenter", "Evangeliesenterets kontaktsenter", "Fyrlyset", "Maritakaféen", "Møtestedet",
        "Sykepleie på hjul", "Sporet", "24sju", "ERlik Oslo", "Prindsen mottakssenter", "Pro Sentret", "Uteseksjonen",
    }
    assert appendix <= names
    fyrlyset = next(e for e in project.efforts.efforts if e.name == "Fyrlyset")
    assert fyrlyset.opening_hours is not None
    assert hours.is_open(fyrlyset.opening_hours, SUNDAY, 12) and not hours.is_open(fyrlyset.opening_hours, SATURDAY, 12)


def test_consumption_room_is_over_capacity(project: Project) -> None:
    over = [e for e in project.efforts.efforts if e.is_over_capacity]
    assert [e.id for e in over] == ["prindsen-brukerrom"]
    room = over[0]
    assert "brukerrom" in room.offers
    assert room.capacity_note is not None and "sprengt" in room.capacity_note
    needs = [n for f in project.findings.findings for n in f.needs if n.offer == "brukerrom" and n.where == "Brugata/Storgata"]
    assert needs, "a need for the consumption room in Brugata/Storgata"


def test_no_effort_offers_help_for_rop(project: Project) -> None:
    rop_needs = [n for f in project.findings.findings for n in f.needs if _fold(n.offer) == _fold("ROP-behandling")]
    assert rop_needs
    assert _answering(project, "ROP-behandling") == []


def test_the_night_is_the_least_safe_and_least_covered(project: Project) -> None:
    finding = next(f for f in project.findings.findings if f.id == "trygghet-kveld-natt")
    survey_items = {e.question for e in finding.evidence if e.question}
    assert {"trygg_1", "trygg_2", "trygg_3"} <= survey_items
    night_needs = [n for n in finding.needs if n.when]
    assert night_needs
    for need in night_needs:
        assert hours.is_open(need.when, TUESDAY, 23, 30) and hours.is_open(need.when, WEDNESDAY, 2, 0)
        efforts = _answering(project, need.offer, need.where, need.who)
        assert len(_open_at(efforts, TUESDAY, 16)) >= 3, need.offer  # the afternoon is well covered ...
        assert _open_at(efforts, WEDNESDAY, 2) == []  # ... the night after a weekday is not covered at all
        assert _open_at(efforts, SATURDAY, 2) == ["uteseksjonen"]  # only Uteseksjonen's Friday night


def test_the_night_rests_on_field_reports_alone(project: Project) -> None:
    assert _supporting_methods(project, "natt-lite-kartlagt") == {Method.field_reports}
    finding = next(f for f in project.findings.findings if f.id == "natt-lite-kartlagt")
    assert any(n.when and hours.is_open(n.when, THURSDAY, 3) for n in finding.needs)


def test_food_and_equipment_services_overlap(project: Project) -> None:
    food = _answering(project, "mat", "Oslo sentrum")
    assert len(_open_at(food, TUESDAY, 12)) >= 5
    equipment = _answering(project, "brukerutstyr", "Oslo sentrum")
    assert len(_open_at(equipment, WEDNESDAY, 15)) >= 3
    assert len(_open_at(_answering(project, "brukerutstyr", "Brugata/Storgata"), MONDAY, 14)) >= 2


# ------------------------------------------------------------------------------------------------ findings.yaml


def test_findings_have_a_mix_of_strengths(project: Project) -> None:
    counts = {f.id: len(_supporting_methods(project, f.id)) for f in project.findings.findings}
    assert len(counts) >= 20
    assert sum(1 for c in counts.values() if c >= 3) >= 8
    assert sum(1 for c in counts.values() if c == 2) >= 3
    assert sum(1 for c in counts.values() if c == 1) >= 1
    assert counts["trygghet-kveld-natt"] >= 3
    assert {f.mandate for f in project.findings.findings} == {"M1", "M2", "M3", "M4"}


def test_disagreement_is_kept_visible(project: Project) -> None:
    disputed = {
        f.id for f in project.findings.findings if any(e.stance.value == "contradicts" for e in f.evidence)
    }
    assert {"oppholdsforbud", "lavterskel-trekkplaster"} <= disputed


# ---------------------------------------------------------------------------------------------------- plan.yaml


def test_plan_is_the_report_table(project: Project) -> None:
    plan = project.plan
    assert len(plan.goals) == len(EXPECTED_PLAN) == 4
    assert len(plan.measures()) == sum(len(measures) for _goal, measures in EXPECTED_PLAN) == 13
    for goal, (goal_text, expected_measures) in zip(plan.goals, EXPECTED_PLAN):
        assert " ".join(goal.text.split()) == goal_text
        assert len(goal.measures) == len(expected_measures), goal_text
        for measure, (text, parties, timing) in zip(goal.measures, expected_measures):
            assert " ".join(measure.text.split()) == text
            assert measure.timing == timing, text
            # the structured parties are the table's cell, split: lead first, then each of the others
            assert measure.responsible is not None
            assert _fold(parties).startswith(_fold(measure.responsible)), text
            for party in measure.involved:
                assert _fold(party) in _fold(parties), (text, party)


def test_plan_parties_and_addresses_are_known(project: Project) -> None:
    parties = {_fold(p) for p in project.mapping.parties}
    for effort in project.efforts.efforts:
        parties |= {_fold(effort.organisation), _fold(effort.name)}
    findings = {f.id for f in project.findings.findings}
    needs = {f.need_id(i) for f in project.findings.findings for i in range(len(f.needs))}
    for _goal, measure in project.plan.measures():
        for party in [measure.responsible or "", *measure.involved]:
            assert _fold(party) in parties, party
        assert measure.addresses, measure.text
        for item in measure.addresses:
            assert item in findings | needs, item
    assert "natt-lite-kartlagt" in project.plan.goals[1].measures[1].addresses


def test_follow_up_is_the_three_findings(project: Project) -> None:
    titles = {f.id: f.title for f in project.findings.findings}
    follow_up = project.plan.follow_up
    assert [(f.finding, titles[f.finding or ""]) for f in follow_up] == [
        ("substitusjonsbehandling", "Substitusjonsbehandling"),
        ("rop", "Samtidig ruslidelse og psykisk lidelse"),
        ("desentraliserte-tjenester", "Desentraliserte tjenester"),
    ]
    assert " ".join(follow_up[1].text.split()).startswith(
        "Et annet viktig funn er mangel på egnede hjelpetilbud for personer med ROP lidelser (rus og psykisk helse)."
    )


# ---------------------------------------------------------------------------------------------------- data/stats


def _rows(name: str) -> list[dict[str, str]]:
    with (EXAMPLE / "data" / "stats" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_statistics_tables() -> None:
    figure2 = {(r["aar"], r["tidspunkt"]): float(r["snitt_antall_personer"]) for r in _rows("apne_rusmiljo_sentrum_2010_2019.csv")}
    assert len(figure2) == 20
    assert figure2[("2010", "kveld")] == 130.8
    assert figure2[("2017", "dag")] == 123.8
    assert figure2[("2019", "dag")] == 143.7
    incidents = {(r["sted"], r["hendelse"]): int(r["antall"]) for r in _rows("bortvisninger_gunerius_storo_2019.csv")}
    assert incidents[("Gunerius", "bortvisninger")] == 4995
    assert incidents[("Storo storsenter", "bortvisninger")] == 103
    assert incidents[("Gunerius", "vold med skade på vekter")] == 11


# ------------------------------------------------------------------------------------- the commands on the example


def test_hkh_check_passes_on_the_example(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", "-p", str(_copy_example(tmp_path))])
    assert result.exit_code == 0, result.output


def test_gap_analysis_reproduces_the_report(tmp_path: Path) -> None:
    """Chapter 5 and 6 as the gap analysis must show them: night, consumption room, ROP, overlapping services."""
    gaps = _json_output(tmp_path, "gaps")
    no_effort = {row["need"] for row in gaps["no_effort"]}
    assert "rop.1" in no_effort
    uncovered = {row["need"] for row in gaps["uncovered"]}
    assert {"trygghet-kveld-natt.1", "natt-lite-kartlagt.1"} <= uncovered
    assert [row["effort"] for row in gaps["capacity"]] == ["prindsen-brukerrom"]
    food = [row for row in gaps["overlaps"] if row["offer"] == "mat" and row["area"] == "Oslo sentrum"]
    assert food and food[0]["max_efforts"] >= 5
    assert any(row["offer"] == "brukerutstyr" and row["area"] == "Oslo sentrum" for row in gaps["overlaps"])


def _coverage(gaps: dict, need: str) -> dict:
    return next(row for row in gaps["coverage"] if row["need"] == need)


def test_chapter_5_by_the_gap_analysis_alone(tmp_path: Path) -> None:
    """`hkh gaps --format json` on the example, the week of the mapping's end (29 June to 5 July 2020)."""
    gaps = _json_output(tmp_path, "gaps")
    assert gaps["as_of"] == "2020-06-30" and gaps["days"] == {"from": "2020-06-29", "to": "2020-07-05", "count": 7}
    # police presence from the police only: the new effort of spring 2020 has no known hours and the ÅRM plan is a
    # plan, so the 98 hours of the window (09-23 every day) are all uncovered; outreach and guards do not count
    police = _coverage(gaps, "politiets-innsats.1")
    assert police["window_hours_per_week"] == 98 and police["uncovered_hours_per_week"] == 98
    assert police["efforts"] == [] and police["hours_unknown"] == ["politiet-arm"]
    whys = {row["effort"]: row["why"] for row in police["not_counted"]}
    assert whys == {
        "uteseksjonen": "provider", "uteseksjonen-kveldspatrulje": "provider", "trivselsvektere": "provider",
        "politiet-arm-plan": "planned",
    }
    plan = next(row for row in police["not_counted"] if row["effort"] == "politiet-arm-plan")
    assert plan["would_cover_hours_per_week"] == 89  # Mo-Th 14 h, Fr 13 h, Sa and Su 10 h
    # substitution treatment: offered by four services, met by none, with the report's reason for each
    substitution = _coverage(gaps, "substitusjonsbehandling.1")
    assert substitution["status"] == "not_met" and substitution["covered_hours_per_week"] == 0
    reasons = {row["effort"]: row for row in substitution["not_counted"]}
    assert {effort for effort, row in reasons.items() if row["why"] == "unsuitable"} == {
        "lar", "lasso", "24sju", "sykepleie-paa-hjul"
    }
    assert "flere typer medikamenter" in reasons["lar"]["reason"] and "buprenorfin" in reasons["lasso"]["reason"]
    assert reasons["heroinassistert-behandling"]["why"] == "planned"
    assert "substitusjonsbehandling.1" in {row["need"] for row in gaps["no_effort"]}
    # night outreach only in the patrol's hours: Friday and Saturday nights 23:00-03:00, 8 of the 49 hours; the
    # duty phone, open to 04:00 and to midnight on weekdays, does not count
    night = _coverage(gaps, "natt-lite-kartlagt.1")
    assert night["covered_hours_per_week"] == 8 and night["covered"] == "Fr,Sa 23:00-03:00"
    # decentralisation: the district efforts under way are listed, neither covers yet
    equipment = _coverage(gaps, "desentraliserte-tjenester.1")
    assert equipment["hours_unknown"] == ["brukerutstyr-bydelene"] and equipment["covered_hours_per_week"] == 0
    local = _coverage(gaps, "desentraliserte-tjenester.3")
    assert [(row["effort"], row["why"]) for row in local["not_counted"]] == [("lokale-tiltak-bydelene", "planned")]
    # the food overlap among low-threshold services, six at once at noon, all of them low-threshold
    food = next(row for row in gaps["overlaps"] if row["offer"] == "mat")
    assert food["max_efforts"] == 6 and set(food["efforts"]) == set(food["low_threshold"])


def test_the_trivselsvektere_end_on_31_august(tmp_path: Path) -> None:
    root = _copy_example(tmp_path)
    result = CliRunner().invoke(app, ["gaps", "-p", str(root), "--format", "json", "--as-of", "2020-09-15"])
    assert result.exit_code == 0, result.output
    gaps = json.loads(result.stdout)
    assert gaps["as_of"] == "2020-09-15" and gaps["days"]["from"] == "2020-09-14"
    presence = _coverage(gaps, "trygghet-kveld-natt.1")
    assert "trivselsvektere" not in presence["efforts"]
    ended = next(row for row in presence["not_counted"] if row["effort"] == "trivselsvektere")
    assert ended["why"] == "ended" and ended["date"] == "2020-08-31" and ended["reason"] == "avsluttet 31. august 2020"
    assert ended["would_cover_hours_per_week"] == 21  # 18:00-21:00 every evening
    # the evenings after 31 August rest on Uteseksjonen's patrols alone (the extra patrol runs Monday to Thursday)
    assert gaps["week"]["by_offer"]["tilstedeværelse"][4][19] == 1  # Friday 19:00
    summer = CliRunner().invoke(app, ["gaps", "-p", str(root), "--format", "json", "--period", "2020-06..2020-09"])
    assert summer.exit_code == 0, summer.output
    changes = _coverage(json.loads(summer.stdout), "trygghet-kveld-natt.1")["changes"]
    assert {"date": "2020-08-31", "effort": "trivselsvektere", "schedule": None, "kind": "ends", "holiday": None} in changes


def test_consultation_mentions_support_no_finding(tmp_path: Path) -> None:
    """The consultations' mentions of a topic are shown, but no finding's strength rests on them."""
    result = _json_output(tmp_path, "triangulate")
    consultations = ("initial_consultation", "final_consultation")
    mentioned = 0
    for row in result["findings"]:
        for method in consultations:
            counts = row["methods"].get(method)
            if counts and counts.get("mentions"):
                mentioned += 1
            if counts and counts["supports"] == 0:
                assert counts.get("mentions") or counts["contradicts"], (row["id"], method)
        supported_by = {m for m, counts in row["methods"].items() if counts["supports"]}
        assert row["supporting_methods"] == len(supported_by)
    assert mentioned == 7
    rows = {row["id"]: row for row in result["findings"]}
    # the final consultation only named violence as a theme: the finding rests on survey, interviews, field
    # reports and documents, not on the consultation
    assert "final_consultation" not in {m for m, c in rows["vold-bevaepning"]["methods"].items() if c["supports"]}
    assert rows["oppsokende-verdsatt"]["strength"] == "single"
    assert rows["dialog-brukerorganisasjoner"]["methods"]["initial_consultation"]["supports"] == 1


def test_substitution_treatment_is_in_the_register(project: Project) -> None:
    efforts = {e.id: e for e in project.efforts.efforts}
    assert {"lar", "lasso", "heroinassistert-behandling"} <= set(efforts)
    assert efforts["heroinassistert-behandling"].status.value == "planned"
    assert efforts["lar"].eligibility.referral and not efforts["lasso"].eligibility.referral
    assert efforts["trivselsvektere"].valid is not None and efforts["trivselsvektere"].valid.until == "2020-08-31"
    assert efforts["uteseksjonen-kveldspatrulje"].valid is not None
    assert efforts["uteseksjonen-kveldspatrulje"].valid.from_ == "2019-12"


def test_triangulation_reproduces_the_report(tmp_path: Path) -> None:
    result = _json_output(tmp_path, "triangulate")
    rows = {row["id"]: row for row in result["findings"]}
    assert rows["natt-lite-kartlagt"]["strength"] == "single"
    assert rows["trygghet-kveld-natt"]["strength"] == "robust"
    assert rows["gjengangere"]["strength"] == "triangulated"
    assert rows["oppholdsforbud"]["disputed"] and rows["lavterskel-trekkplaster"]["disputed"]
    assert not rows["boff"]["disputed"]
