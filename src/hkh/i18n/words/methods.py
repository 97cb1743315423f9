"""The kinds of source that triangulation counts (the columns of the matrix)."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    "survey": {"nb": "Spørreundersøkelse", "nn": "Spørjeundersøking", "en": "Survey"},
    "target_interview": {
        "nb": "Intervju med målgruppen",
        "nn": "Intervju med målgruppa",
        "en": "Target-group interviews",
    },
    "service_interview": {"nb": "Intervju med tjenester", "nn": "Intervju med tenester", "en": "Service interviews"},
    "field_reports": {"nb": "Feltrapporter", "nn": "Feltrapportar", "en": "Field reports"},
    "observation": {"nb": "Observasjon", "nn": "Observasjon", "en": "Observation"},
    "statistics": {"nb": "Statistikk", "nn": "Statistikk", "en": "Statistics"},
    "documents": {"nb": "Dokumenter", "nn": "Dokument", "en": "Documents"},
    "initial_consultation": {
        "nb": "Innledende konsultasjon",
        "nn": "Innleiande konsultasjon",
        "en": "Initial consultation",
    },
    "final_consultation": {
        "nb": "Avsluttende konsultasjon",
        "nn": "Avsluttande konsultasjon",
        "en": "Final consultation",
    },
}
