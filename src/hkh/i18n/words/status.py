"""`hkh status`."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    "steps": {"nb": "HKH-stegene", "nn": "HKH-stega", "en": "The HKH steps"},
    "step": {"nb": "Steg", "nn": "Steg", "en": "Step"},
    "state": {"nb": "Status", "nn": "Status", "en": "State"},
    "dates": {"nb": "Datoer", "nn": "Datoar", "en": "Dates"},
    "sources": {"nb": "Kilder etter metode", "nn": "Kjelder etter metode", "en": "Sources by method"},
    "method": {"nb": "Metode", "nn": "Metode", "en": "Method"},
    "count": {"nb": "Kilder", "nn": "Kjelder", "en": "Sources"},
    "n": {"nb": "n (deltakere)", "nn": "n (deltakarar)", "en": "n (participants)"},
    "overview": {"nb": "Oversikt", "nn": "Oversikt", "en": "Overview"},
    "findings": {"nb": "Funn", "nn": "Funn", "en": "Findings"},
    "needs": {"nb": "Behov", "nn": "Behov", "en": "Needs"},
    "efforts": {"nb": "Pågående innsats", "nn": "Pågåande innsats", "en": "Ongoing efforts"},
    "goals": {"nb": "Delmål", "nn": "Delmål", "en": "Sub-goals"},
    "measures": {"nb": "Tiltak", "nn": "Tiltak", "en": "Measures"},
    "follow_up": {"nb": "Funn som bør følges opp", "nn": "Funn som bør følgjast opp", "en": "Findings to follow up"},
    "unaddressed": {"nb": "Funn uten tiltak", "nn": "Funn utan tiltak", "en": "Findings no measure addresses"},
    "not_used": {"nb": "ikke brukt", "nn": "ikkje brukt", "en": "not used"},
    "current": {"nb": "Nå", "nn": "No", "en": "Now at"},
    "all_done": {"nb": "alle stegene er ferdige", "nn": "alle stega er ferdige", "en": "all steps are done"},
    "open_gaps": {
        "nb": "Åpne hull (udekkede behov / uten tilbud)",
        "nn": "Opne hol (udekte behov / utan tilbod)",
        "en": "Open gaps (uncovered needs / no effort)",
    },
    "by_strength": {"nb": "Funn etter styrke", "nn": "Funn etter styrke", "en": "Findings by strength"},
}
