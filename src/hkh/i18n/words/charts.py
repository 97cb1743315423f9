"""Words inside the charts (the week heatmap's legends), and offer tags written as names."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    "heatmap_all_legend": {
        "nb": "Alle tilbud: antall åpne",
        "nn": "Alle tilbod: tal på opne",
        "en": "All services: number open",
    },
    "heatmap_offer_legend": {
        "nb": "Hvert slag tilbud: antall åpne",
        "nn": "Kvart slag tilbod: tal på opne",
        "en": "Each kind of service: number open",
    },
}
