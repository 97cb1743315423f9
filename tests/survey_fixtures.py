"""Shared builders for the import tests: a small project folder and a small synthetic survey with every trap."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hkh.survey.synthetic import SynthQuestion, SynthSurvey

SOURCES_WITH_COMMENTS = """\
# Kilderegisteret (kommentar som skal overleve import)
sources:
  # --- intervjuer ---
  - id: intervju-1  # første intervju
    method: target_interview
    title: Intervju med målgruppen
    n: 6

  # --- spørreundersøkelsen kommer her ---
"""


def make_project(root: Path, sources: str = SOURCES_WITH_COMMENTS) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "hkh.yaml").write_text("title: Testkartlegging\nlanguage: nb\n", encoding="utf-8")
    (root / "sources.yaml").write_text(sources, encoding="utf-8")
    return root


def small_survey(respondents: int = 24, seed: int = 7) -> SynthSurvey:
    """A survey with single, grid, multiple (codes differing from positions), "other" text, number, date, open,
    identifiers, partial and never-started respondents. Texts stay inside Windows-1252 so that every CSV flavour
    can carry them."""
    questions = [
        SynthQuestion("kjonn", "single", "Kjønn", [(1, "Mann"), (2, "Kvinne"), (3, "Annet/vil ikke svare")]),
        SynthQuestion(
            "trygg", "grid", "Føler du deg trygg?  ", [(1, "Trygg"), (2, "Utrygg"), (9, "Vet ikke")],
            items=[("trygg_1", "Før kl. 18.00"), ("trygg_2", "Etter\nmidnatt ")],
        ),
        SynthQuestion(
            "konflikt", "multiple", "Hva utløser konflikter? {%expression:{*1/1/478269657*}%}(flere kryss)",
            [(1, "Salg av «bøff»"), (2, "Gjeld"), (5, "Tyveri"), (3, "Annet, hvilke:")],
        ),
        SynthQuestion("antall", "number", "Hvor mange dager i uka?"),
        SynthQuestion("dato", "date", "Når kom du hit første gang?"),
        SynthQuestion("fritekst", "open", "Noe mer du vil si?"),
        SynthQuestion("kontakt_epost", "open", "Kontaktopplysninger - E-post"),
        SynthQuestion("konflikt_annet", "open", "", other_of="konflikt", other_code=3),
    ]
    answers: list[dict[str, Any]] = []
    statuses: list[int | None] = []
    for i in range(respondents):
        status = 1 if i % 11 == 10 else (3 if i % 5 == 4 else 4)
        statuses.append(status)
        row: dict[str, Any] = {}
        if status in (3, 4):
            row["kjonn"] = [1, 1, 2, 3, 1][i % 5]
            row["trygg_1"] = [1, 2, 9, 1][i % 4]
            if i % 6 != 0:
                row["trygg_2"] = [2, 1, 9][i % 3]
            if status == 4:
                ticks = {1: i % 2 == 0, 2: i % 3 == 0, 5: i % 4 == 1, 3: i % 7 == 3}
                for position, code in enumerate([1, 2, 5, 3], start=1):
                    row[f"konflikt_{position}"] = int(ticks[code])
                if ticks[3]:
                    row["konflikt_annet"] = f"Sjalusi; rykter, \"tysting\" {i}"
                row["antall"] = [3, 2.5, 7, 0][i % 4]
                row["dato"] = dt.datetime(2020, 4, 1 + i % 28, 10 + i % 9, 15, 0)
                if i % 3 == 0:
                    row["fritekst"] = f"Svar nr {i}: trenger mat, klær; og\nhjelp"
                row["kontakt_epost"] = f"person{i}@example.invalid"
        answers.append(row)
    names = [f"Syntetisk Navn {i}" for i in range(respondents)]
    phones = [f"9{i:07d}" for i in range(respondents)]
    return SynthSurvey(
        questions=questions,
        answers=answers,
        statuses=statuses,
        background={"navn": ("Navn", names), "telefon": ("Telefon", phones)},
        title="Testundersøkelse",
        seed=seed,
    )
