"""`hkh check` on the vocabulary and on efforts as services (`hkh.project.check_services`), and `hkh gaps` on the
calendar (`hkh.analysis.gap_calendar`, `hkh.project.calendar`)."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    # who a term, a `by` or an `unsuitable` belongs to (a value of the messages below)
    "owner-effort": {"nb": "tilbudet `{id}`", "nn": "tilbodet `{id}`", "en": "effort `{id}`"},
    "owner-need": {"nb": "behovet `{id}`", "nn": "behovet `{id}`", "en": "need `{id}`"},
    # the lists of the vocabulary (a value of the messages below)
    "term-kind-offers": {"nb": "stikkordene for tilbud", "nn": "stikkorda for tilbod", "en": "offer tags"},
    "term-kind-target-groups": {"nb": "målgruppene", "nn": "målgruppene", "en": "target groups"},
    "term-kind-areas": {"nb": "områdene", "nn": "områda", "en": "areas"},
    "vocabulary-duplicate": {
        "nb": "`{term}` står to ganger under `vocabulary.{kind}` (først som `{first}`); store og små bokstaver, "
        "mellomrom og bindestreker skiller ikke ord fra hverandre, så stryk det ene",
        "nn": "`{term}` står to gonger under `vocabulary.{kind}` (først som `{first}`); store og små bokstavar, "
        "mellomrom og bindestrekar skil ikkje ord frå kvarandre, så stryk det eine",
        "en": "`{term}` is declared twice under `vocabulary.{kind}` (first as `{first}`); case, blanks and dashes do "
        "not tell terms apart, so remove one of them",
    },
    "vocabulary-cycle": {
        "nb": "`{term}` inneholder seg selv gjennom `contains` under `vocabulary.{kind}`; et område eller en gruppe "
        "kan ikke ligge inni seg selv",
        "nn": "`{term}` inneheld seg sjølv gjennom `contains` under `vocabulary.{kind}`; eit område eller ei gruppe "
        "kan ikkje liggje inni seg sjølv",
        "en": "`{term}` contains itself through `contains` under `vocabulary.{kind}`; an area or group cannot be "
        "inside itself",
    },
    "undeclared-term": {
        "nb": "{owner}: `{term}` er ikke blant {kinds} i hkh.yaml `vocabulary.{kind}` (legg det til der, eller bruk "
        "et ord som står der)",
        "nn": "{owner}: `{term}` er ikkje blant {kinds} i hkh.yaml `vocabulary.{kind}` (legg det til der, eller "
        "bruk eit ord som står der)",
        "en": "{owner}: `{term}` is not one of the {kinds} in hkh.yaml `vocabulary.{kind}` (declare it there, or use "
        "a declared term)",
    },
    "undeclared-term-similar": {
        "nb": "{owner}: `{term}` er ikke blant {kinds} i hkh.yaml `vocabulary.{kind}`; mente du `{meant}`?",
        "nn": "{owner}: `{term}` er ikkje blant {kinds} i hkh.yaml `vocabulary.{kind}`; meinte du `{meant}`?",
        "en": "{owner}: `{term}` is not one of the {kinds} in hkh.yaml `vocabulary.{kind}`; did you mean `{meant}`?",
    },
    "no-vocabulary": {
        "nb": "hkh.yaml har ingen ordliste (`vocabulary`), så et feilstavet stikkord, en feilstavet målgruppe eller "
        "et feilstavet område blir ikke oppdaget; hkh kan legge til en laget av de {count} ordene som er i bruk",
        "nn": "hkh.yaml har inga ordliste (`vocabulary`), så eit feilstava stikkord, ei feilstava målgruppe eller "
        "eit feilstava område blir ikkje oppdaga; hkh kan leggje til ei laga av dei {count} orda som er i bruk",
        "en": "hkh.yaml declares no `vocabulary`, so a misspelt offer tag, group or area goes unnoticed; hkh can add "
        "one made of the {count} terms in use",
    },
    "term-spelling": {
        "nb": "{owner}: `{term}` og `{preferred}` er skrevet på to måter; mente du `{preferred}`? (de blir "
        "sammenlignet som to ulike ord)",
        "nn": "{owner}: `{term}` og `{preferred}` er skrivne på to måtar; meinte du `{preferred}`? (dei blir "
        "samanlikna som to ulike ord)",
        "en": "{owner}: `{term}` and `{preferred}` are written two ways; did you mean `{preferred}`? (they are "
        "compared as different words)",
    },
    "term-unmatched": {
        "nb": "{owner}: ingen tilbud i efforts.yaml har `{term}` blant {kinds}; mente du `{meant}`?",
        "nn": "{owner}: ingen tilbod i efforts.yaml har `{term}` blant {kinds}; meinte du `{meant}`?",
        "en": "{owner}: no effort in efforts.yaml has `{term}` among its {kinds}; did you mean `{meant}`?",
    },
    "unknown-provider": {
        "nb": "{owner}: `by` nevner `{entry}`, som verken er en type tilbyder ({kinds}) eller en organisasjon eller "
        "et tilbud i efforts.yaml",
        "nn": "{owner}: `by` nemner `{entry}`, som verken er ein type tilbydar ({kinds}) eller ein organisasjon eller "
        "eit tilbod i efforts.yaml",
        "en": "{owner}: `by` names `{entry}`, which is neither a provider kind ({kinds}) nor an organisation or "
        "effort in efforts.yaml",
    },
    "unknown-provider-similar": {
        "nb": "{owner}: `by` nevner `{entry}`, som verken er en type tilbyder ({kinds}) eller en organisasjon eller "
        "et tilbud i efforts.yaml; mente du `{meant}`?",
        "nn": "{owner}: `by` nemner `{entry}`, som verken er ein type tilbydar ({kinds}) eller ein organisasjon eller "
        "eit tilbod i efforts.yaml; meinte du `{meant}`?",
        "en": "{owner}: `by` names `{entry}`, which is neither a provider kind ({kinds}) nor an organisation or "
        "effort in efforts.yaml; did you mean `{meant}`?",
    },
    "unknown-effort": {
        "nb": "{owner}: `unsuitable` nevner tilbudet `{effort}`, som ikke står i efforts.yaml",
        "nn": "{owner}: `unsuitable` nemner tilbodet `{effort}`, som ikkje står i efforts.yaml",
        "en": "{owner}: `unsuitable` names effort `{effort}`, which is not in efforts.yaml",
    },
    "unknown-effort-similar": {
        "nb": "{owner}: `unsuitable` nevner tilbudet `{effort}`, som ikke står i efforts.yaml; mente du `{meant}`?",
        "nn": "{owner}: `unsuitable` nemner tilbodet `{effort}`, som ikkje står i efforts.yaml; meinte du `{meant}`?",
        "en": "{owner}: `unsuitable` names effort `{effort}`, which is not in efforts.yaml; did you mean `{meant}`?",
    },
    "unsuitable-twice": {
        "nb": "{owner}: tilbudet `{effort}` står to ganger under `unsuitable`; stryk det ene",
        "nn": "{owner}: tilbodet `{effort}` står to gonger under `unsuitable`; stryk det eine",
        "en": "{owner}: effort `{effort}` is listed as unsuitable twice; remove one of them",
    },
    "unsuitable-not-offered": {
        "nb": "{owner}: tilbudet `{effort}` står under `unsuitable`, men det tilbyr ikke `{offer}`, så det ville "
        "ikke blitt regnet med uansett",
        "nn": "{owner}: tilbodet `{effort}` står under `unsuitable`, men det tilbyr ikkje `{offer}`, så det ville "
        "ikkje blitt rekna med uansett",
        "en": "{owner}: effort `{effort}` is listed as unsuitable, but it does not offer `{offer}`, so it would not "
        "count anyway",
    },
    "provider-missing": {
        "nb": "tilbudet `{effort}` tilbyr `{offer}`, som {owner} skal møtes av {kinds}, men sier ikke hvem som er "
        "tilbyder (`provider`); det blir ikke regnet med for det behovet før det gjør det",
        "nn": "tilbodet `{effort}` tilbyr `{offer}`, som {owner} skal møtast av {kinds}, men seier ikkje kven som er "
        "tilbydar (`provider`); det blir ikkje rekna med for det behovet før det gjer det",
        "en": "effort `{effort}` offers `{offer}`, which {owner} asks to be met by {kinds}, but says no `provider`; "
        "it is not counted for that need until it does",
    },
    "capacity-contradiction": {
        "nb": "tilbudet `{effort}` har `over_capacity: false`, men avviser {n} personer i uka "
        "(`capacity.turned_away_per_week`); rett det ene eller det andre",
        "nn": "tilbodet `{effort}` har `over_capacity: false`, men avviser {n} personar i veka "
        "(`capacity.turned_away_per_week`); rett det eine eller det andre",
        "en": "effort `{effort}` is marked `over_capacity: false` but turns away {n} people a week "
        "(`capacity.turned_away_per_week`); correct one or the other",
    },
    "referral-low-threshold": {
        "nb": "tilbudet `{effort}` er merket som lavterskel, men krever henvisning (`eligibility.referral: true`); "
        "et lavterskeltilbud tar imot folk uten",
        "nn": "tilbodet `{effort}` er merkt som lågterskel, men krev tilvising (`eligibility.referral: true`); eit "
        "lågterskeltilbod tek imot folk utan",
        "en": "effort `{effort}` is marked low-threshold but needs a referral (`eligibility.referral: true`); a "
        "low-threshold service takes people without one",
    },
    # hkh gaps --as-of / --period
    "as-of-and-period": {
        "nb": "gi enten --as-of eller --period, ikke begge",
        "nn": "gje anten --as-of eller --period, ikkje begge",
        "en": "give either --as-of or --period, not both",
    },
    "period-too-short": {
        "nb": "tidsrommet er {days} dager; gi minst ei uke (eller bruk --as-of for uka til en dato)",
        "nn": "tidsrommet er {days} dagar; gje minst ei veke (eller bruk --as-of for veka til ein dato)",
        "en": "the period is {days} days; give at least a week (or use --as-of for the week of a date)",
    },
    "period-too-long": {
        "nb": "tidsrommet er {days} dager; gi høyst tre år",
        "nn": "tidsrommet er {days} dagar; gje høgst tre år",
        "en": "the period is {days} days; give at most three years",
    },
    "option-not-a-date": {
        "nb": "{option}: `{text}` er ikke en dato; skriv ÅÅÅÅ-MM-DD (eller ÅÅÅÅ-MM, ÅÅÅÅ i et tidsrom)",
        "nn": "{option}: `{text}` er ikkje ein dato; skriv ÅÅÅÅ-MM-DD (eller ÅÅÅÅ-MM, ÅÅÅÅ i eit tidsrom)",
        "en": "{option}: `{text}` is not a date; write YYYY-MM-DD (or YYYY-MM, YYYY in a period)",
    },
    "as-of-not-a-date": {
        "nb": "--as-of: `{text}` er ikke en dato; skriv ÅÅÅÅ-MM-DD, for eksempel 2020-09-15",
        "nn": "--as-of: `{text}` er ikkje ein dato; skriv ÅÅÅÅ-MM-DD, til dømes 2020-09-15",
        "en": "--as-of: `{text}` is not a date; write YYYY-MM-DD, for example 2020-09-15",
    },
    "period-unreadable": {
        "nb": "--period: `{text}` er ikke et tidsrom; skriv FRA..TIL, for eksempel 2020-01..2020-06",
        "nn": "--period: `{text}` er ikkje eit tidsrom; skriv FRÅ..TIL, til dømes 2020-01..2020-06",
        "en": "--period: `{text}` is not a period; write FROM..TO, for example 2020-01..2020-06",
    },
    # what the calendar cannot apply (hkh gaps, the report)
    "calendar-ph-unknown": {
        "nb": "helligdagene (PH) i {years} er ukjente for hkh; PH-reglene i `{text}` er ikke brukt de årene",
        "nn": "heilagdagane (PH) i {years} er ukjende for hkh; PH-reglane i `{text}` er ikkje brukte dei åra",
        "en": "public holidays (PH) in {years} are not known to hkh; the PH rules of `{text}` are not applied in "
        "those years",
    },
    "calendar-sh-unknown": {
        "nb": "skoleferiene (SH) er ukjente for hkh; SH-reglene i `{text}` er ikke brukt, så de vanlige "
        "åpningstidene gjelder i skoleferiene også",
        "nn": "skuleferiane (SH) er ukjende for hkh; SH-reglane i `{text}` er ikkje brukte, så dei vanlege "
        "opningstidene gjeld i skuleferiane òg",
        "en": "school holidays (SH) are not known to hkh; the SH rules of `{text}` are not applied, so the regular "
        "hours count in school holidays too",
    },
    "calendar-library-note": {
        "nb": "åpningstidene `{text}`: {note}",
        "nn": "opningstidene `{text}`: {note}",
        "en": "the opening hours `{text}`: {note}",
    },
}
