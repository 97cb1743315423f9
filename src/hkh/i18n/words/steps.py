"""The seven HKH steps (KoRus) and their states."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    "request": {
        "nb": "Avklare forespørsel og mandat",
        "nn": "Avklare førespurnad og mandat",
        "en": "Clarify the request",
    },
    "steering_group": {
        "nb": "Etablere styrings-/referansegruppe",
        "nn": "Etablere styrings-/referansegruppe",
        "en": "Set up a steering group",
    },
    "initial_consultation": {
        "nb": "Innledende konsultasjon",
        "nn": "Innleiande konsultasjon",
        "en": "Initial consultation",
    },
    "mapping": {
        "nb": "Kartlegge problemet og pågående innsats",
        "nn": "Kartleggje problemet og pågåande innsats",
        "en": "Map the problem and ongoing efforts",
    },
    "gap_analysis": {"nb": "Analyse av hull", "nn": "Analyse av hol", "en": "Gap analysis"},
    "final_consultation": {
        "nb": "Avsluttende konsultasjon",
        "nn": "Avsluttande konsultasjon",
        "en": "Final consultation",
    },
    "report": {"nb": "Rapport med handlingsplan", "nn": "Rapport med handlingsplan", "en": "Report with action plan"},
    "state_not_started": {"nb": "ikke startet", "nn": "ikkje starta", "en": "not started"},
    "state_in_progress": {"nb": "pågår", "nn": "pågår", "en": "in progress"},
    "state_done": {"nb": "ferdig", "nn": "ferdig", "en": "done"},
}
