"""Consultations as records: how proposals were received, and what `hkh check` and the report say about them."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    "received_endorsed": {"nb": "Fikk tilslutning", "nn": "Fekk tilslutnad", "en": "Endorsed"},
    "received_changed": {"nb": "Endret", "nn": "Endra", "en": "Changed"},
    "received_rejected": {"nb": "Avvist", "nn": "Avvist", "en": "Rejected"},
    "presented": {"nb": "Presentert", "nn": "Presentert", "en": "Presented"},
    "anchored_cell": {"nb": "{how} ({when})", "nn": "{how} ({when})", "en": "{how} ({when})"},
    # the report's process chapter
    "participants_by_organisation": {
        "nb": "Deltakere etter virksomhet: {list}.",
        "nn": "Deltakarar etter verksemd: {list}.",
        "en": "Participants by organisation: {list}.",
    },
    "groups": {
        "nb": "Gruppediskusjonene tok for seg: {themes}.",
        "nn": "Gruppediskusjonane tok for seg: {themes}.",
        "en": "The group discussions took up: {themes}.",
    },
    "points_lead": {"nb": "Dette kom fram i møtet:", "nn": "Dette kom fram i møtet:", "en": "Points raised at the meeting:"},
    "themes": {
        "nb": "Tema i diskusjonen: {themes}.",
        "nn": "Tema i diskusjonen: {themes}.",
        "en": "Themes of the discussion: {themes}.",
    },
    "findings_presented": {
        "nb": "Funn som ble presentert: {findings}.",
        "nn": "Funn som vart presenterte: {findings}.",
        "en": "Findings presented: {findings}.",
    },
    "proposals_caption": {
        "nb": "Forslag til tiltak lagt fram på {what} ({when}), og hvordan de ble mottatt",
        "nn": "Forslag til tiltak lagde fram på {what} ({when}), og korleis dei vart mottekne",
        "en": "Proposed measures presented at the {what} ({when}), and how they were received",
    },
    "proposal": {"nb": "Forslag", "nn": "Forslag", "en": "Proposal"},
    "measure": {"nb": "Tiltak", "nn": "Tiltak", "en": "Measure"},
    "reception": {"nb": "Mottakelse", "nn": "Mottaking", "en": "Reception"},
    "note": {"nb": "Merknad", "nn": "Merknad", "en": "Note"},
    "not_recorded": {"nb": "ikke registrert", "nn": "ikkje registrert", "en": "not recorded"},
    "new_proposals": {
        "nb": "Nye forslag som kom opp: {list}.",
        "nn": "Nye forslag som kom opp: {list}.",
        "en": "New proposals that came up: {list}.",
    },
    "new_proposal_from": {"nb": "{text} (fra {who})", "nn": "{text} (frå {who})", "en": "{text} (from {who})"},
    "new_proposal_measure": {"nb": "{text}, som ble tiltak {measure}", "nn": "{text}, som vart tiltak {measure}", "en": "{text}, which became measure {measure}"},
    "no_proposals_recorded": {
        "nb": "Det er ikke registrert hvilke forslag til tiltak som ble lagt fram.",
        "nn": "Det er ikkje registrert kva forslag til tiltak som vart lagde fram.",
        "en": "Which proposed measures were presented is not recorded.",
    },
    # hkh check
    "check_not_presented": {
        "nb": "tiltak {id} ble ikke lagt fram på noen avsluttende konsultasjon; ingenting viser at det er forankret hos dem som skal gjennomføre det",
        "nn": "tiltak {id} vart ikkje lagt fram på nokon avsluttande konsultasjon; ingenting viser at det er forankra hos dei som skal gjennomføre det",
        "en": "measure {id} was presented at no final consultation; nothing shows it is anchored with those who must carry it out",
    },
    "check_no_record": {
        "nb": "den avsluttende konsultasjonen `{source}` registrerer ikke hvilke forslag som ble lagt fram (`consultation: proposals:`), så planen kan ikke vise hvilke tiltak som er forankret",
        "nn": "den avsluttande konsultasjonen `{source}` registrerer ikkje kva forslag som vart lagde fram (`consultation: proposals:`), så planen kan ikkje vise kva tiltak som er forankra",
        "en": "the final consultation `{source}` does not record which proposals were presented (`consultation: proposals:`), so the plan cannot show which measures are anchored",
    },
    "check_unknown_measure": {
        "nb": "konsultasjonen `{source}` viser til tiltak `{id}`, som ikke finnes i plan.yaml",
        "nn": "konsultasjonen `{source}` viser til tiltak `{id}`, som ikkje finst i plan.yaml",
        "en": "the consultation `{source}` names measure `{id}`, which is not in plan.yaml",
    },
    "check_unknown_finding": {
        "nb": "konsultasjonen `{source}` viser til funn `{id}`, som ikke finnes i findings.yaml",
        "nn": "konsultasjonen `{source}` viser til funn `{id}`, som ikkje finst i findings.yaml",
        "en": "the consultation `{source}` names finding `{id}`, which is not in findings.yaml",
    },
    "check_count": {
        "nb": "konsultasjonen `{source}` har {counted} deltakere etter virksomhet, men n er {n}",
        "nn": "konsultasjonen `{source}` har {counted} deltakarar etter verksemd, men n er {n}",
        "en": "the consultation `{source}` counts {counted} participants by organisation, but n is {n}",
    },
}
