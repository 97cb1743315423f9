"""The gap analysis on the calendar: why an effort is not counted for a need, what changes when, which days."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    # ages, as a reason reads them
    "age_range": {"nb": "{ages} år", "nn": "{ages} år", "en": "aged {ages}"},
    "age_from": {"nb": "{age} år og eldre", "nn": "{age} år og eldre", "en": "aged {age} and over"},
    "age_to": {"nb": "opptil {age} år", "nn": "opptil {age} år", "en": "aged up to {age}"},
    "or": {"nb": "eller", "nn": "eller", "en": "or"},
    # provider kinds, as `by:` names them
    "provider_police": {"nb": "politiet", "nn": "politiet", "en": "the police"},
    "provider_municipal": {"nb": "kommunen", "nn": "kommunen", "en": "the municipality"},
    "provider_state": {"nb": "staten", "nn": "staten", "en": "the state"},
    "provider_health": {"nb": "helsetjenesten", "nn": "helsetenesta", "en": "the health service"},
    "provider_ngo": {"nb": "ideelle organisasjoner", "nn": "ideelle organisasjonar", "en": "non-profit organisations"},
    "provider_volunteer": {"nb": "frivillige", "nn": "frivillige", "en": "volunteers"},
    "provider_private": {"nb": "private aktører", "nn": "private aktørar", "en": "private providers"},
    "to_be_met_by": {"nb": "skal møtes av {by}", "nn": "skal møtast av {by}", "en": "to be met by {by}"},
    # why an effort that offers what the need asks for is not counted
    "why_provider": {
        "nb": "behovet skal møtes av {by}",
        "nn": "behovet skal møtast av {by}",
        "en": "the need is to be met by {by}",
    },
    "why_age": {
        "nb": "tilbudet er for {effort}; behovet gjelder {need}",
        "nn": "tilbodet er for {effort}; behovet gjeld {need}",
        "en": "the effort is for people {effort}; the need is of people {need}",
    },
    "why_planned": {"nb": "planlagt", "nn": "planlagt", "en": "planned"},
    "why_planned_on": {"nb": "planlagt fra {date}", "nn": "planlagt frå {date}", "en": "planned from {date}"},
    "why_ended": {"nb": "avsluttet", "nn": "avslutta", "en": "ended"},
    "why_ended_on": {"nb": "avsluttet {date}", "nn": "avslutta {date}", "en": "ended on {date}"},
    "why_not_started": {"nb": "ikke startet", "nn": "ikkje starta", "en": "not started"},
    "why_not_started_on": {"nb": "starter {date}", "nn": "startar {date}", "en": "starts on {date}"},
    "would_cover": {
        "nb": "ville dekket {hours} t/uke",
        "nn": "ville dekt {hours} t/veke",
        "en": "would cover {hours} h/week",
    },
    # the dates when a need's coverage changes
    "the_window": {"nb": "behovets tider", "nn": "tidene til behovet", "en": "the need's hours"},
    "change_starts": {"nb": "{what} starter", "nn": "{what} startar", "en": "{what} starts"},
    "change_ends": {"nb": "{what} slutter (siste dag)", "nn": "{what} sluttar (siste dag)", "en": "{what} ends (last day)"},
    "change_season": {
        "nb": "{what}: nye tider fra denne dagen",
        "nn": "{what}: nye tider frå denne dagen",
        "en": "{what}: new hours from this day",
    },
    "change_date": {
        "nb": "{what}: andre tider denne dagen",
        "nn": "{what}: andre tider denne dagen",
        "en": "{what}: other hours this day",
    },
    "change_holiday": {"nb": "{what}: andre tider ({holiday})", "nn": "{what}: andre tider ({holiday})", "en": "{what}: other hours ({holiday})"},
    # the days evaluated
    "evaluated_week": {
        "nb": "uka fra mandag {first} til søndag {last}",
        "nn": "veka frå måndag {first} til søndag {last}",
        "en": "the week from Monday {first} to Sunday {last}",
    },
    "evaluated_period": {
        "nb": "en gjennomsnittlig uke i perioden {first}–{last}",
        "nn": "ei gjennomsnittleg veke i perioden {first}–{last}",
        "en": "an average week of the period {first} to {last}",
    },
    "evaluated": {"nb": "Gjelder {days}.", "nn": "Gjeld {days}.", "en": "For {days}."},
    "evaluated_short": {"nb": "Tidsrom", "nn": "Tidsrom", "en": "Days"},
    # opening hours with calendar parts, in words
    "hours_PH": {"nb": "helligdager", "nn": "heilagdagar", "en": "public holidays"},
    "hours_SH": {"nb": "skoleferier", "nn": "skuleferiar", "en": "school holidays"},
    "hours_closed": {"nb": "stengt", "nn": "stengt", "en": "closed"},
    "hours_weeks": {"nb": "uke {first}–{last}", "nn": "veke {first}–{last}", "en": "weeks {first}–{last}"},
    "hours_week": {"nb": "uke {first}", "nn": "veke {first}", "en": "week {first}"},
    "hours_every_day": {"nb": "alle dager", "nn": "alle dagar", "en": "every day"},
    # columns and headings
    "changes_sheet": {"nb": "Endringer", "nn": "Endringar", "en": "Changes"},
    "column_date": {"nb": "Dato", "nn": "Dato", "en": "Date"},
    "column_what": {"nb": "Hva endres", "nn": "Kva som blir endra", "en": "What changes"},
    "not_counted": {"nb": "Ikke regnet med (hvorfor)", "nn": "Ikkje rekna med (kvifor)", "en": "Not counted (why)"},
    "changes": {"nb": "Endringer i tidsrommet", "nn": "Endringar i tidsrommet", "en": "Changes in these days"},
    "by": {"nb": "Skal møtes av", "nn": "Skal møtast av", "en": "To be met by"},
    "age": {"nb": "Alder", "nn": "Alder", "en": "Age"},
    "low_threshold": {"nb": "Lavterskel", "nn": "Lågterskel", "en": "Low-threshold"},
    "effort_hours": {"nb": "Timer × tilbud per uke", "nn": "Timar × tilbod per veke", "en": "Hours × efforts per week"},
    "places": {"nb": "Plasser", "nn": "Plassar", "en": "Places"},
    "visits_per_day": {"nb": "Besøk per dag", "nn": "Besøk per dag", "en": "Visits per day"},
    "turned_away": {"nb": "Avvist per uke", "nn": "Avviste per veke", "en": "Turned away per week"},
    "calendar_note": {
        "nb": "Merknad om kalenderen: {note}",
        "nn": "Merknad om kalenderen: {note}",
        "en": "Note on the calendar: {note}",
    },
}
