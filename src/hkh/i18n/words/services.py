"""Efforts as a service catalogue describes them (provider, status, eligibility, capacity, schedules), and the
report's sentences about needs that efforts offer but do not meet."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    "provider": {"nb": "Tilbyder", "nn": "Tilbydar", "en": "Provider"},
    "provider_police": {"nb": "politi", "nn": "politi", "en": "police"},
    "provider_municipal": {"nb": "kommunal", "nn": "kommunal", "en": "municipal"},
    "provider_state": {"nb": "statlig", "nn": "statleg", "en": "state"},
    "provider_health": {"nb": "helsetjeneste", "nn": "helseteneste", "en": "health service"},
    "provider_ngo": {"nb": "ideell organisasjon", "nn": "ideell organisasjon", "en": "non-profit organisation"},
    "provider_volunteer": {"nb": "frivillig", "nn": "frivillig", "en": "volunteer"},
    "provider_private": {"nb": "privat", "nn": "privat", "en": "private"},
    "running": {"nb": "I drift", "nn": "I drift", "en": "Running"},
    "running_from": {"nb": "fra {date}", "nn": "frå {date}", "en": "from {date}"},
    "running_until": {"nb": "til og med {date}", "nn": "til og med {date}", "en": "until {date}"},
    "running_span": {"nb": "{first}–{last}", "nn": "{first}–{last}", "en": "{first} to {last}"},
    "status_planned": {"nb": "planlagt", "nn": "planlagt", "en": "planned"},
    "status_ended": {"nb": "avsluttet", "nn": "avslutta", "en": "ended"},
    "eligibility": {"nb": "Hvem kan bruke det", "nn": "Kven kan bruke det", "en": "Who may use it"},
    "referral": {"nb": "krever henvisning eller vedtak", "nn": "krev tilvising eller vedtak", "en": "referral or decision needed"},
    "places": {"nb": "{n} plasser", "nn": "{n} plassar", "en": "{n} places"},
    "visits_per_day": {"nb": "{n} besøk per dag", "nn": "{n} besøk per dag", "en": "{n} visits a day"},
    "turned_away": {"nb": "{n} avvist per uke", "nn": "{n} avviste per veke", "en": "{n} turned away a week"},
    "offers_in_schedule": {"nb": "tilbyr {offers}", "nn": "tilbyr {offers}", "en": "offers {offers}"},
    "fixed": {"nb": "{path}: {done}", "nn": "{path}: {done}", "en": "{path}: {done}"},
    "vocabulary_added": {
        "nb": "la til en ordliste (vocabulary) med {count} ord fra tilbudene og behovene",
        "nn": "la til ei ordliste (vocabulary) med {count} ord frå tilboda og behova",
        "en": "added a vocabulary of {count} words from the efforts and needs",
    },
    "declared_terms": {
        "nb": "la til {count} nye ord i ordlisten (vocabulary) i hkh.yaml: {terms}",
        "nn": "la til {count} nye ord i ordlista (vocabulary) i hkh.yaml: {terms}",
        "en": "added {count} new words to the vocabulary in hkh.yaml: {terms}",
    },
    # the analysis chapter
    "not_met_intro": {
        "nb": "Behov som tiltak tilbyr, men som ingen av dem møter:",
        "nn": "Behov som tiltak tilbyr, men som ingen av dei møter:",
        "en": "Needs that efforts offer, but none of them meets:",
    },
    "not_met_caption": {
        "nb": "Behov som tilbys, men ikke møtes, og hvorfor",
        "nn": "Behov som blir tilbodne, men ikkje møtte, og kvifor",
        "en": "Needs offered but not met, and why",
    },
    "not_counted_header": {"nb": "Tiltak som ikke regnes med", "nn": "Tiltak som ikkje blir rekna med", "en": "Efforts not counted"},
    "why_header": {"nb": "Hvorfor", "nn": "Kvifor", "en": "Why"},
    "not_counted_list": {
        "nb": "Ikke regnet med: {list}.",
        "nn": "Ikkje rekna med: {list}.",
        "en": "Not counted: {list}.",
    },
    "changes_list": {
        "nb": "Endringer i tidsrommet: {list}.",
        "nn": "Endringar i tidsrommet: {list}.",
        "en": "Changes in these days: {list}.",
    },
    "low_threshold_of": {
        "nb": "{n} av {total} er lavterskeltilbud",
        "nn": "{n} av {total} er lågterskeltilbod",
        "en": "{n} of {total} are low-threshold",
    },
    "overlaps_ranked": {
        "nb": "Overlappene står etter hvor mye de utgjør: timer i uka ganger antall tiltak som er åpne samtidig.",
        "nn": "Overlappa står etter kor mykje dei utgjer: timar i veka gonger talet på tiltak som er opne samtidig.",
        "en": "The overlaps are ranked by what they amount to: hours a week times the number of efforts open at once.",
    },
}
