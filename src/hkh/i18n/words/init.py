"""Files `hkh init` writes besides the templates."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    "raw_gitignore_head": {
        "nb": "# Rådata (eksporter fra SurveyXact og lignende) inneholder personopplysninger og skal ikke i git.",
        "nn": "# Rådata (eksportar frå SurveyXact og liknande) inneheld personopplysningar og skal ikkje i git.",
        "en": "# Raw exports (SurveyXact and the like) hold personal data and must not go into git.",
    },
    "project_gitignore_head": {
        "nb": "# hkh holder denne fila mens en kommando skriver i prosjektet.",
        "nn": "# hkh held denne fila medan ein kommando skriv i prosjektet.",
        "en": "# hkh holds this file while a command writes to the project.",
    },
}
