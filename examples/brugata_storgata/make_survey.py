"""Write the example's SYNTHETIC SurveyXact export and import it into the example project.

The Brugata/Storgata report (2020) summarises a street survey of 51 people (45 completed, 6 stopped part-way) in
phrases like "tre av fire er menn". The real answers are not public, so this script builds a synthetic export
whose counts reproduce those phrases: every count below is chosen so that the nearest simple fraction of the
share is the report's wording (bases exclude blanks and the non-substantive "Vet ikke"/"Vil ikke svare"). The
assignment of answers to respondents is random with a fixed seed, so the file is the same on every run.

    python examples/brugata_storgata/make_survey.py          # writes data/raw/... and runs `hkh import`
    python examples/brugata_storgata/make_survey.py --no-import

Nothing here is real: names, e-mail addresses and ids are made up, and the workbook says so on its first sheet.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Any

from hkh.survey.synthetic import SynthQuestion, SynthSurvey, export_tables, write_xlsx

HERE = Path(__file__).resolve().parent
RAW = HERE / "data" / "raw" / "sporreundersokelse-2020-SYNTETISK.xlsx"
SOURCE_ID = "sporreundersokelse-2020"
SEED = 2020
RESPONDENTS = 51
PARTIAL = 6
NOT_STARTED = 2  # tablet sessions opened but never answered (status "Ny"): rows in the export, not respondents

NOTE = """SYNTETISKE DATA - ikke ekte svar.
Denne arbeidsboken er laget av examples/brugata_storgata/make_survey.py (hkh) for å vise `hkh import`.
Den har samme form som en SurveyXact-eksport (arkene Dataset, Labels, Structure og Variables), men alle svar,
navn, e-postadresser og id-er er oppdiktet. Fordelingene er valgt slik at de gjengir formuleringene i rapporten
«En kartlegging av det åpne rusmiljøet i Brugata/Storgata i Oslo sentrum» (2020), kap. 4.
"""

QUESTIONS = [
    SynthQuestion("kjonn", "single", "Kjønn", [(1, "Mann"), (2, "Kvinne"), (3, "Annet/vil ikke svare")]),
    SynthQuestion("alder", "single", "Hvor gammel er du?", [(1, "18–25 år"), (2, "26–35 år"), (3, "36–45 år"), (4, "46 år eller eldre")]),
    SynthQuestion(
        "tilhorighet", "single", "Hvilken kommune eller hvilket land hører du til?",
        [(1, "Oslo"), (2, "Annen kommune i Norge"), (3, "Utlandet")],
    ),
    SynthQuestion(
        "hyppighet", "single", "Hvor ofte er du i Brugata/Storgata?",
        [(1, "Flere ganger om dagen"), (2, "Daglig"), (3, "Mer enn tre ganger i uka"), (4, "En til tre ganger i uka"), (5, "Sjeldnere")],
    ),
    SynthQuestion(
        "hovedgrunn", "single", "Hva er hovedgrunnen til at du er i Brugata/Storgata?",
        [(1, "Kjøpe eller selge rusmidler"), (2, "Sosialt treffsted"), (3, "Nærhet til lavterskeltilbud"), (4, "Annet")],
    ),
    SynthQuestion("selger", "single", "Selger du rusmidler når du er her?", [(1, "Ja"), (2, "Nei")]),
    SynthQuestion(
        "trygg", "grid", "Føler du deg trygg i Brugata/Storgata?",
        [(1, "Trygg"), (2, "Utrygg"), (3, "Vet ikke")],
        items=[("trygg_1", "Før kl. 18.00"), ("trygg_2", "Mellom kl. 18.00 og midnatt"), ("trygg_3", "Etter midnatt")],
    ),
    SynthQuestion(
        "konflikt", "multiple", "Hva utløser oftest konflikter i miljøet? (flere kryss er mulig)",
        [(1, "Salg av «bøff»"), (2, "Provoserende atferd"), (3, "Inndriving av gjeld"), (4, "Tyveri"), (5, "Annet")],
    ),
    SynthQuestion("konflikt_annet", "open", "", other_of="konflikt", other_code=5),
    SynthQuestion(
        "vapen", "single", "Bærer du våpen (stikkvåpen, slagvåpen, pistol eller elektrovåpen)?",
        [(1, "Ja"), (2, "Nei"), (3, "Vil ikke svare")],
    ),
    SynthQuestion("vapentype", "multiple", "Hva slags våpen bærer du?", [(1, "Kniv"), (2, "Elektrovåpen"), (3, "Annet")]),
    SynthQuestion("ringt_politi", "single", "Har du ringt politiet da en voldshendelse skjedde?", [(1, "Ja"), (2, "Nei")]),
    SynthQuestion(
        "andre_omrader", "single", "Oppsøker du også andre områder for å gjøre det samme som her?", [(1, "Ja"), (2, "Nei")]
    ),
    SynthQuestion(
        "rusmidler", "multiple", "Hvilke rusmidler bruker du? (flere kryss er mulig)",
        [(1, "Heroin"), (2, "Amfetamin"), (3, "Benzodiazepiner"), (4, "Cannabis"), (5, "Kokain"), (6, "Annet")],
    ),
    SynthQuestion(
        "rusfri", "single", "Må du bli rusfri for å slutte å oppsøke Brugata/Storgata?", [(1, "Ja"), (2, "Nei"), (3, "Vet ikke")]
    ),
]

# Exact counts per code. Bases: 51 answered the first five questions; the 6 partial respondents stop after
# `selger` (2), after `trygg` (2) and after `konflikt` (2), so trygg has 49, konflikt 47 and the rest 45.
SINGLE_COUNTS: dict[str, dict[int, int]] = {
    "kjonn": {1: 38, 2: 12, 3: 1},          # 38/51 = 75 %: tre av fire er menn
    "alder": {1: 4, 2: 14, 3: 17, 4: 16},   # få 18–25 år
    "tilhorighet": {1: 34, 2: 11, 3: 6},    # 17/51: en tredel hører ikke til Oslo
    "hyppighet": {1: 10, 2: 14, 3: 10, 4: 11, 5: 6},  # 34/51 to av tre > 3 ganger i uka; 10/51 en av fem
    "hovedgrunn": {1: 38, 2: 10, 3: 2, 4: 1},  # 38/51 tre av fire kjøpe/selge; 10/51 en av fem sosialt
    "selger": {1: 23, 2: 15},               # of the 38 buyers/sellers: 15/38 = 39 %: fire av ti selger ikke
    "trygg_1": {1: 38, 2: 9, 3: 2},         # 38/47 = 81 %: åtte av ti trygge før kl. 18
    "trygg_2": {1: 21, 2: 25, 3: 3},        # 21/46 = 46 %: litt under halvparten
    "trygg_3": {1: 14, 2: 33, 3: 2},        # 14/47 = 30 %: tre av ti etter midnatt
    "vapen": {1: 13, 2: 30, 3: 2},          # 13/43 = 30 %: tre av ti bevæpner seg
    "ringt_politi": {1: 8, 2: 37},          # 8/45 = 18 %: under en av fem
    "andre_omrader": {1: 23, 2: 22},        # 23/45 = 51 %: omtrent halvparten
    "rusfri": {1: 14, 2: 28, 3: 3},         # 14/42 = 33 %: en av tre
}
MULTIPLE_COUNTS: dict[str, dict[int, int]] = {
    "konflikt": {1: 39, 2: 24, 3: 23, 4: 12, 5: 5},  # 39/47 = 83 %: over fire av fem; ~halvparten 2 og 3
    "vapentype": {1: 9, 2: 4, 3: 3},                   # of the 13 who carry a weapon
    "rusmidler": {1: 24, 2: 30, 3: 27, 4: 22, 5: 12, 6: 6},  # figur 4, selvrapportert bruk
}
OTHER_TEXTS = [
    "Sjalusi",
    "Rykter om tysting",
    "Høyt rusnivå",
    "Abstinens",
    "Lån som ikke betales tilbake",
]
ORDER = [
    "kjonn", "alder", "tilhorighet", "hyppighet", "hovedgrunn", "selger", "trygg", "konflikt", "vapen", "vapentype",
    "ringt_politi", "andre_omrader", "rusmidler", "rusfri",
]
STOPS = {"selger": 2, "trygg": 2, "konflikt": 2}  # partial respondents: last question answered -> how many


def _deal(rng: random.Random, people: list[int], counts: dict[int, int]) -> dict[int, int]:
    codes = [code for code, count in counts.items() for _ in range(count)]
    if len(codes) != len(people):
        raise ValueError(f"{len(codes)} answers for {len(people)} respondents")
    rng.shuffle(codes)
    return dict(zip(people, codes))


def _deal_multiple(rng: random.Random, people: list[int], counts: dict[int, int]) -> dict[int, set[int]]:
    """Tick each option for exactly `count` people, so that everybody ticks at least one (they answered)."""
    for _attempt in range(10000):
        ticks: dict[int, set[int]] = {p: set() for p in people}
        for code, count in counts.items():
            for person in rng.sample(people, count):
                ticks[person].add(code)
        if all(ticks.values()):
            return ticks
    raise ValueError("cannot deal the options so that everybody ticks one")


def build_survey() -> SynthSurvey:
    rng = random.Random(SEED)
    people = list(range(RESPONDENTS))
    partial = rng.sample(people, PARTIAL)
    last_answered: dict[int, str] = {}
    position = 0
    for question, count in STOPS.items():
        for person in partial[position : position + count]:
            last_answered[person] = question
        position += count

    def reached(person: int, question: str) -> bool:
        stop = last_answered.get(person)
        return stop is None or ORDER.index(question) <= ORDER.index(stop)

    answers: list[dict[str, Any]] = [{} for _ in people]
    for name in ["kjonn", "alder", "tilhorighet", "hyppighet", "hovedgrunn"]:
        for person, code in _deal(rng, people, SINGLE_COUNTS[name]).items():
            answers[person][name] = code
    sellers = [p for p in people if answers[p]["hovedgrunn"] == 1]
    for person, code in _deal(rng, sellers, SINGLE_COUNTS["selger"]).items():
        answers[person]["selger"] = code
    for item in ("trygg_1", "trygg_2", "trygg_3"):
        for person, code in _deal(rng, [p for p in people if reached(p, "trygg")], SINGLE_COUNTS[item]).items():
            answers[person][item] = code
    conflict = _deal_multiple(rng, [p for p in people if reached(p, "konflikt")], MULTIPLE_COUNTS["konflikt"])
    for person, codes in conflict.items():
        for code in range(1, 6):
            answers[person][f"konflikt_{code}"] = int(code in codes)
    others = iter(OTHER_TEXTS)
    for person in sorted(p for p, codes in conflict.items() if 5 in codes):
        answers[person]["konflikt_annet"] = next(others)
    complete = [p for p in people if p not in last_answered]
    for name in ("vapen", "ringt_politi", "andre_omrader", "rusfri"):
        for person, code in _deal(rng, complete, SINGLE_COUNTS[name]).items():
            answers[person][name] = code
    armed = [p for p in complete if answers[p]["vapen"] == 1]
    for person, codes in _deal_multiple(rng, armed, MULTIPLE_COUNTS["vapentype"]).items():
        for code in range(1, 4):
            answers[person][f"vapentype_{code}"] = int(code in codes)
    for person, codes in _deal_multiple(rng, complete, MULTIPLE_COUNTS["rusmidler"]).items():
        for code in range(1, 7):
            answers[person][f"rusmidler_{code}"] = int(code in codes)
    statuses: list[int | None] = [3 if p in last_answered else 4 for p in people]
    # two opened-but-empty sessions, as SurveyXact lists them; they are rows, not respondents
    answers.extend({} for _ in range(NOT_STARTED))
    statuses.extend([1] * NOT_STARTED)
    names = [f"Syntetisk Person {i + 1:02d}" for i in range(len(answers))]
    return SynthSurvey(
        questions=QUESTIONS,
        answers=answers,
        statuses=statuses,
        background={"navn": ("Navn (bakgrunnsdata)", names)},
        title="Spørreundersøkelse Brugata/Storgata 2020 (SYNTETISK)",
        seed=SEED,
    )


def write_workbook(path: Path = RAW) -> Path:
    return write_xlsx(export_tables(build_survey()), path, note=NOTE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-import", action="store_true", help="only write the workbook")
    parser.add_argument("--output", type=Path, default=RAW, help="where to write the workbook")
    args = parser.parse_args()
    path = write_workbook(args.output)
    print(f"wrote {path}")
    if not args.no_import:
        from hkh.survey.importing import import_survey

        result = import_survey([path], project_dir=HERE, source_id=SOURCE_ID, force=True)
        people = result.codebook.respondents
        print(
            f"imported {people.answered} respondents ({people.complete} complete, {people.partial} partial); "
            f"dropped {', '.join(result.dropped)}"
        )


if __name__ == "__main__":
    main()
