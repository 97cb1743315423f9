"""Following up the plan: measure status, the follow-up sheet, `hkh plan import` and `hkh plan status`."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    # the four statuses, as the drop-down of the follow-up sheet offers them (no commas: a list validation splits on them)
    "status_not_started": {"nb": "Ikke startet", "nn": "Ikkje starta", "en": "Not started"},
    "status_in_progress": {"nb": "Pågår", "nn": "Pågår", "en": "In progress"},
    "status_done": {"nb": "Gjennomført", "nn": "Gjennomført", "en": "Done"},
    "status_dropped": {"nb": "Lagt bort", "nn": "Lagt bort", "en": "Dropped"},
    "status_none": {"nb": "(ikke satt)", "nn": "(ikkje sett)", "en": "(not set)"},
    # the id column of the plan sheet and the follow-up sheet
    "number": {"nb": "Nr.", "nn": "Nr.", "en": "No."},
    "sheet": {"nb": "Oppfølging av tiltak", "nn": "Oppfølging av tiltak", "en": "Follow-up of measures"},
    "start": {"nb": "Start", "nn": "Start", "en": "Start"},
    "end": {"nb": "Frist", "nn": "Frist", "en": "Due"},
    "status": {"nb": "Status", "nn": "Status", "en": "Status"},
    "status_date": {"nb": "Sist endret", "nn": "Sist endra", "en": "Last changed"},
    "status_note": {"nb": "Merknad", "nn": "Merknad", "en": "Note"},
    "ongoing": {"nb": "løpende", "nn": "løpande", "en": "ongoing"},
    "status_prompt": {
        "nb": "Velg status fra listen",
        "nn": "Vel status frå lista",
        "en": "Choose a status from the list",
    },
    "status_error": {
        "nb": "Status må være en av verdiene i listen",
        "nn": "Status må vere ein av verdiane i lista",
        "en": "The status must be one of the values in the list",
    },
    "sheet_hint": {
        "nb": "Endre status, dato og merknad her; tekst, ansvar og tid endres i arket «{plan_sheet}». "
        "Les endringene inn med `hkh plan import`.",
        "nn": "Endra status, dato og merknad her; tekst, ansvar og tid blir endra i arket «{plan_sheet}». "
        "Les endringane inn med `hkh plan import`.",
        "en": "Change status, date and note here; text, responsibility and timing are changed in the sheet "
        "'{plan_sheet}'. Read the changes in with `hkh plan import`.",
    },
    # hkh plan import: what will change
    "no_changes": {
        "nb": "Ingen endringer: plan.yaml stemmer med {workbook}.",
        "nn": "Ingen endringar: plan.yaml stemmer med {workbook}.",
        "en": "No changes: plan.yaml matches {workbook}.",
    },
    "changes_heading": {
        "nb": "Endringer fra {workbook} til plan.yaml:",
        "nn": "Endringar frå {workbook} til plan.yaml:",
        "en": "Changes from {workbook} to plan.yaml:",
    },
    "dry_run": {
        "nb": "Prøvekjøring (--dry-run): ingenting er skrevet.",
        "nn": "Prøvekøyring (--dry-run): ingenting er skrive.",
        "en": "Dry run (--dry-run): nothing was written.",
    },
    "applied": {
        "nb": "plan.yaml er oppdatert ({count}); kommentarene er beholdt.",
        "nn": "plan.yaml er oppdatert ({count}); kommentarane er haldne på.",
        "en": "plan.yaml updated ({count}); comments kept.",
    },
    "changes_one": {"nb": "{n} endring", "nn": "{n} endring", "en": "{n} change"},
    "changes_other": {"nb": "{n} endringer", "nn": "{n} endringar", "en": "{n} changes"},
    "rewrote": {
        "nb": "{workbook} er skrevet på nytt fra plan.yaml (med nummer på nye rader) og regnes som hkh sin igjen.",
        "nn": "{workbook} er skriven på nytt frå plan.yaml (med nummer på nye rader) og blir rekna som hkh sin igjen.",
        "en": "{workbook} was written again from plan.yaml (new rows now carry numbers) and counts as hkh's again.",
    },
    "recorded": {
        "nb": "{workbook} regnes som hkh sin igjen: `hkh plan` skriver den på nytt.",
        "nn": "{workbook} blir rekna som hkh sin igjen: `hkh plan` skriv han på nytt.",
        "en": "{workbook} counts as hkh's again: `hkh plan` will write it anew.",
    },
    "elsewhere": {
        "nb": "Send ut {plan_workbook} fra nå av: nye rader har fått nummer der, ikke i {workbook}.",
        "nn": "Send ut {plan_workbook} frå no av: nye rader har fått nummer der, ikkje i {workbook}.",
        "en": "Send out {plan_workbook} from now on: new rows carry their numbers there, not in {workbook}.",
    },
    "out_edited": {
        "nb": "{plan_workbook} er også endret etter at hkh skrev den, og er latt være; les den inn, eller skriv den på nytt med `hkh plan --force`.",
        "nn": "{plan_workbook} er òg endra etter at hkh skreiv han, og er late vere; les han inn, eller skriv han på nytt med `hkh plan --force`.",
        "en": "{plan_workbook} was also changed after hkh wrote it and was left alone; import it, or write it anew with `hkh plan --force`.",
    },
    "change_text": {"nb": "{id}: ny tekst: «{new}» (var «{old}»)", "nn": "{id}: ny tekst: «{new}» (var «{old}»)", "en": "{id}: new text: “{new}” (was “{old}”)"},
    "change_field": {"nb": "{id}: {field}: «{new}» (var «{old}»)", "nn": "{id}: {field}: «{new}» (var «{old}»)", "en": "{id}: {field}: “{new}” (was “{old}”)"},
    "change_added": {"nb": "{id}: nytt tiltak under delmål {goal}: «{text}»", "nn": "{id}: nytt tiltak under delmål {goal}: «{text}»", "en": "{id}: new measure under goal {goal}: “{text}”"},
    "change_removed": {"nb": "{id}: fjernet: «{text}»", "nn": "{id}: fjerna: «{text}»", "en": "{id}: removed: “{text}”"},
    "change_moved": {"nb": "{id}: flyttet fra delmål {old} til delmål {new}", "nn": "{id}: flytta frå delmål {old} til delmål {new}", "en": "{id}: moved from goal {old} to goal {new}"},
    "change_reordered": {"nb": "delmål {goal}: ny rekkefølge: {order}", "nn": "delmål {goal}: ny rekkjefølgje: {order}", "en": "goal {goal}: new order: {order}"},
    "change_goal_text": {"nb": "delmål {goal}: ny tekst: «{new}» (var «{old}»)", "nn": "delmål {goal}: ny tekst: «{new}» (var «{old}»)", "en": "goal {goal}: new text: “{new}” (was “{old}”)"},
    "change_goal_added": {"nb": "delmål {goal}: nytt delmål: «{text}»", "nn": "delmål {goal}: nytt delmål: «{text}»", "en": "goal {goal}: new goal: “{text}”"},
    "change_goal_removed": {"nb": "delmål {goal}: fjernet (alle radene er slettet): «{text}»", "nn": "delmål {goal}: fjerna (alle radene er sletta): «{text}»", "en": "goal {goal}: removed (all its rows were deleted): “{text}”"},
    "field_responsible": {"nb": "ansvarlig og involverte", "nn": "ansvarleg og involverte", "en": "responsible and involved"},
    "field_timing": {"nb": "tid", "nn": "tid", "en": "timing"},
    "field_theme": {"nb": "tema", "nn": "tema", "en": "theme"},
    "field_addresses": {"nb": "svarer på", "nn": "svarar på", "en": "addresses"},
    "field_status": {"nb": "status", "nn": "status", "en": "status"},
    "field_status_date": {"nb": "status endret", "nn": "status endra", "en": "status changed"},
    "field_status_note": {"nb": "merknad", "nn": "merknad", "en": "note"},
    # warnings of plan import
    "warn_unknown_party": {
        "nb": "«{party}» er verken en organisasjon i efforts.yaml eller oppført under `parties` i hkh.yaml; legg den til der før `hkh run`",
        "nn": "«{party}» er verken ein organisasjon i efforts.yaml eller ført opp under `parties` i hkh.yaml; legg han til der før `hkh run`",
        "en": "“{party}” is neither an organisation in efforts.yaml nor listed under `parties` in hkh.yaml; add it there before `hkh run`",
    },
    "warn_not_read": {
        "nb": "kolonnen «{header}» leses ikke inn (den er regnet ut av hkh, eller ukjent)",
        "nn": "kolonnen «{header}» blir ikkje lesen inn (han er rekna ut av hkh, eller ukjend)",
        "en": "the column “{header}” is not read (hkh computes it, or it is unknown)",
    },
    "warn_follow_removed": {
        "nb": "tiltak {id} er slettet i arket «{plan_sheet}»; statusen her leses ikke inn",
        "nn": "tiltak {id} er sletta i arket «{plan_sheet}»; statusen her blir ikkje lesen inn",
        "en": "measure {id} was deleted in the sheet “{plan_sheet}”; its status here is not read",
    },
    "warn_timing": {
        "nb": "tiden «{text}» kan ikke leses som en dato eller periode ({reason}); `hkh plan status` kan ikke si om tiltaket er forsinket",
        "nn": "tida «{text}» kan ikkje lesast som ein dato eller periode ({reason}); `hkh plan status` kan ikkje seie om tiltaket er forseinka",
        "en": "the timing “{text}” cannot be read as a date or period ({reason}); `hkh plan status` cannot tell whether the measure is late",
    },
    # errors of plan import: an edit hkh cannot read
    "err_no_plan_sheet": {
        "nb": "finner ikke handlingsplanen: ingen ark har kolonnen «{measure}»; er det arbeidsboken `hkh plan` skrev?",
        "nn": "finn ikkje handlingsplanen: ingen ark har kolonnen «{measure}»; er det arbeidsboka `hkh plan` skreiv?",
        "en": "cannot find the action plan: no sheet has the column “{measure}”; is this the workbook `hkh plan` wrote?",
    },
    "err_no_number_column": {
        "nb": "arket har ingen kolonne «{number}» med tiltakenes nummer, så radene kan ikke kjennes igjen; skriv arbeidsboken på nytt med `hkh plan` og gjør endringene der",
        "nn": "arket har ingen kolonne «{number}» med nummera til tiltaka, så radene kan ikkje kjennast att; skriv arbeidsboka på nytt med `hkh plan` og gjer endringane der",
        "en": "the sheet has no column “{number}” with the measures' numbers, so its rows cannot be matched; write the workbook anew with `hkh plan` and make the changes there",
    },
    "err_unknown_number": {
        "nb": "«{id}» er ikke nummeret på et tiltak i plan.yaml; la cellen stå tom på en ny rad (hkh gir den nummer)",
        "nn": "«{id}» er ikkje nummeret på eit tiltak i plan.yaml; la cella stå tom på ei ny rad (hkh gir ho nummer)",
        "en": "“{id}” is not the number of a measure in plan.yaml; leave the cell empty on a new row (hkh numbers it)",
    },
    "err_twice": {
        "nb": "nummer {id} står også på rad {first}: en kopiert rad beholder nummeret; tøm cellen på den nye raden",
        "nn": "nummer {id} står òg på rad {first}: ei kopiert rad held på nummeret; tøm cella på den nye rada",
        "en": "number {id} is also on row {first}: a copied row keeps its number; empty the cell on the new row",
    },
    "err_no_text": {
        "nb": "raden har ingen tiltakstekst; skriv teksten, eller slett hele raden for å fjerne tiltaket",
        "nn": "rada har ingen tiltakstekst; skriv teksten, eller slett heile rada for å fjerne tiltaket",
        "en": "the row has no measure text; write it, or delete the whole row to remove the measure",
    },
    "err_no_goal": {
        "nb": "raden står ikke under noe delmål; skriv delmålet i cellen",
        "nn": "rada står ikkje under noko delmål; skriv delmålet i cella",
        "en": "the row is under no goal; write the goal in the cell",
    },
    "err_status": {
        "nb": "«{text}» er ikke en status; velg en av {choices}",
        "nn": "«{text}» er ikkje ein status; vel ein av {choices}",
        "en": "“{text}” is not a status; choose one of {choices}",
    },
    "err_date": {
        "nb": "«{text}» er ikke en dato; skriv for eksempel 15.03.2021",
        "nn": "«{text}» er ikkje ein dato; skriv til dømes 15.03.2021",
        "en": "“{text}” is not a date; write for example 2021-03-15",
    },
    "err_follow_new_row": {
        "nb": "en ny rad i oppfølgingsarket leses ikke inn; legg nye tiltak til i arket «{plan_sheet}»",
        "nn": "ei ny rad i oppfølgingsarket blir ikkje lesen inn; legg nye tiltak til i arket «{plan_sheet}»",
        "en": "a new row in the follow-up sheet is not read; add new measures in the sheet “{plan_sheet}”",
    },
    "err_ids": {
        "nb": "«{text}» er ikke en liste av id-er (bokstaver, tall, `_`, `-`, `.`, skilt med komma)",
        "nn": "«{text}» er ikkje ei liste av id-ar (bokstavar, tal, `_`, `-`, `.`, skilde med komma)",
        "en": "“{text}” is not a list of ids (letters, digits, `_`, `-`, `.`, separated by commas)",
    },
    "err_invalid": {
        "nb": "plan.yaml ville blitt ugyldig: {message}",
        "nn": "plan.yaml ville blitt ugyldig: {message}",
        "en": "plan.yaml would become invalid: {message}",
    },
    # hkh plan status
    "status_title": {"nb": "Oppfølging av handlingsplanen per {date}", "nn": "Oppfølging av handlingsplanen per {date}", "en": "Follow-up of the action plan as of {date}"},
    "overdue_title": {"nb": "Forsinkede tiltak", "nn": "Forseinka tiltak", "en": "Overdue measures"},
    "no_overdue": {"nb": "Ingen tiltak er forsinket.", "nn": "Ingen tiltak er forseinka.", "en": "No measure is overdue."},
    "late_end": {"nb": "frist {date}", "nn": "frist {date}", "en": "due {date}"},
    "late_start": {"nb": "skulle startet {date}", "nn": "skulle ha starta {date}", "en": "should have started {date}"},
    "by_goal": {"nb": "Framdrift per delmål", "nn": "Framdrift per delmål", "en": "Progress by goal"},
    "by_party": {"nb": "Framdrift per ansvarlig", "nn": "Framdrift per ansvarleg", "en": "Progress by responsible party"},
    "goal": {"nb": "Delmål", "nn": "Delmål", "en": "Goal"},
    "party": {"nb": "Ansvarlig", "nn": "Ansvarleg", "en": "Responsible"},
    "measures": {"nb": "Tiltak", "nn": "Tiltak", "en": "Measures"},
    "overdue": {"nb": "Forsinket", "nn": "Forseinka", "en": "Overdue"},
    "why": {"nb": "Hvorfor", "nn": "Kvifor", "en": "Why"},
    "unread_timing": {
        "nb": "Tiltak med tid som ikke kan leses som dato: {ids}",
        "nn": "Tiltak med tid som ikkje kan lesast som dato: {ids}",
        "en": "Measures whose timing cannot be read as a date: {ids}",
    },
    "no_party": {"nb": "(ingen ansvarlig)", "nn": "(ingen ansvarleg)", "en": "(no one responsible)"},
    # the plan's "anchored" column: how each measure was received at the final consultation
    "anchored": {"nb": "Forankret", "nn": "Forankra", "en": "Anchored"},
}
