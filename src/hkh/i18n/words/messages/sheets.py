"""Spreadsheets people edit: reading them (`hkh.core.sheets`), the plan back from Excel (`hkh plan import`), the
services list (`hkh efforts import`), and consultation records (`hkh check`).

Many of these messages were written with the parts that raise them, in their own tables (`followup`,
`efforts_sheet`, `consultation`); the entries here give them their codes and take the words from there (`_ref`), so
each text is written once.
"""

from __future__ import annotations

from collections.abc import Mapping

from hkh.i18n.types import Words
from hkh.i18n.words import consultation, efforts_sheet, followup


def _ref(table: Words, key: str) -> Mapping[str, str]:
    return table[key]


WORDS: Words = {
    # reading a spreadsheet
    "sheet-missing": {"nb": "fila finnes ikke", "nn": "fila finst ikkje", "en": "no such file"},
    "sheet-unreadable": {
        "nb": "kan ikke lese fila ({reason})",
        "nn": "kan ikkje lese fila ({reason})",
        "en": "cannot read the file ({reason})",
    },
    "sheet-is-folder": {
        "nb": "dette er en mappe; oppgi regnearkfila",
        "nn": "dette er ei mappe; oppgje rekneark-fila",
        "en": "this is a folder; name the spreadsheet file",
    },
    "sheet-too-big": {
        "nb": "fila er {size} MB; hkh leser regneark på høyst {limit} MB (er det riktig fil?)",
        "nn": "fila er {size} MB; hkh les rekneark på høgst {limit} MB (er det rett fil?)",
        "en": "the file is {size} MB; hkh reads spreadsheets of at most {limit} MB (is it the right file?)",
    },
    "sheet-kind": {
        "nb": "hkh leser regneark som {kinds}; lagre fila som en av dem",
        "nn": "hkh les rekneark som {kinds}; lagre fila som ein av dei",
        "en": "hkh reads spreadsheets as {kinds}; save the file as one of those",
    },
    "sheet-undecodable": {
        "nb": "kan ikke lese fila som tekst i UTF-8 eller Windows-1252 (ANSI) (byte {byte}); lagre den som CSV (UTF-8) eller som Excel-arbeidsbok",
        "nn": "kan ikkje lese fila som tekst i UTF-8 eller Windows-1252 (ANSI) (byte {byte}); lagre ho som CSV (UTF-8) eller som Excel-arbeidsbok",
        "en": "cannot read this file as UTF-8 or Windows-1252 (ANSI) text (byte {byte}); save it as CSV (UTF-8) or as an Excel workbook",
    },
    "sheet-undecodable-utf16": {
        "nb": "kan ikke lese fila som tekst i UTF-16 (byte {byte}); lagre den som CSV (UTF-8) eller som Excel-arbeidsbok",
        "nn": "kan ikkje lese fila som tekst i UTF-16 (byte {byte}); lagre ho som CSV (UTF-8) eller som Excel-arbeidsbok",
        "en": "cannot read this file as UTF-16 text (byte {byte}); save it as CSV (UTF-8) or as an Excel workbook",
    },
    "csv-too-long": {
        "nb": "tabellen har mer enn {rows} rader",
        "nn": "tabellen har meir enn {rows} rader",
        "en": "the table has more than {rows} rows",
    },
    "csv-row-too-wide": {
        "nb": "rad {row} har mer enn {columns} kolonner",
        "nn": "rad {row} har meir enn {columns} kolonnar",
        "en": "row {row} has more than {columns} columns",
    },
    "csv-unreadable": {
        "nb": "kan ikke lese fila som CSV (et anførselstegn som ikke er lukket?); lagre den på nytt",
        "nn": "kan ikkje lese fila som CSV (eit hermeteikn som ikkje er lukka?); lagre ho på nytt",
        "en": "cannot read the file as CSV (an unclosed quote?); save it again",
    },
    "sheet-damaged": {
        "nb": "fila er skadet eller ikke en arbeidsbok; åpne den i Excel eller LibreOffice og lagre den på nytt",
        "nn": "fila er skadd eller ikkje ei arbeidsbok; opne ho i Excel eller LibreOffice og lagre ho på nytt",
        "en": "the file is damaged or not a workbook; open it in Excel or LibreOffice and save it again",
    },
    "sheet-unpacks-too-big": {
        "nb": "arbeidsboka ville blitt {size} MB utpakket; hkh leser arbeidsbøker på høyst {limit} MB utpakket (er det riktig fil?)",
        "nn": "arbeidsboka ville vorte {size} MB utpakka; hkh les arbeidsbøker på høgst {limit} MB utpakka (er det rett fil?)",
        "en": "the workbook would unpack to {size} MB; hkh reads workbooks of at most {limit} MB unpacked (is it the right file?)",
    },
    "sheet-too-far": {
        "nb": "arket går helt til {corner}; hkh leser ark på høyst {rows} rader og {columns} kolonner (slett det som ligger utenfor tabellen, og lagre på nytt)",
        "nn": "arket går heilt til {corner}; hkh les ark på høgst {rows} rader og {columns} kolonnar (slett det som ligg utanfor tabellen, og lagre på nytt)",
        "en": "the sheet reaches {corner}; hkh reads sheets of at most {rows} rows and {columns} columns (delete what lies beyond the table and save again)",
    },
    "date-option-unreadable": {
        "nb": "--date {value} er ikke en dato; skriv den som ÅÅÅÅ-MM-DD",
        "nn": "--date {value} er ikkje ein dato; skriv han som ÅÅÅÅ-MM-DD",
        "en": "--date {value} is not a date; write it as YYYY-MM-DD",
    },
    # hkh plan import
    "plan-workbook-edited": {
        "nb": "handlingsplanen er endret etter at hkh skrev den; les endringene inn i plan.yaml med `hkh plan import {workbook}` (så skriver `hkh plan` den på nytt), eller legg til --force for å kaste dem",
        "nn": "handlingsplanen er endra etter at hkh skreiv han; les endringane inn i plan.yaml med `hkh plan import {workbook}` (så skriv `hkh plan` han på nytt), eller legg til --force for å kaste dei",
        "en": "the plan workbook was changed after hkh wrote it; read the changes into plan.yaml with `hkh plan import {workbook}` (then `hkh plan` writes it anew), or add --force to throw them away",
    },
    "plan-no-plan-sheet": _ref(followup.WORDS, "err_no_plan_sheet"),
    "plan-no-number-column": _ref(followup.WORDS, "err_no_number_column"),
    "plan-unknown-number": _ref(followup.WORDS, "err_unknown_number"),
    "plan-number-twice": _ref(followup.WORDS, "err_twice"),
    "plan-row-without-text": _ref(followup.WORDS, "err_no_text"),
    "plan-row-without-goal": _ref(followup.WORDS, "err_no_goal"),
    "plan-status-unknown": _ref(followup.WORDS, "err_status"),
    "plan-date-unreadable": _ref(followup.WORDS, "err_date"),
    "plan-follow-up-new-row": _ref(followup.WORDS, "err_follow_new_row"),
    "plan-ids-unreadable": _ref(followup.WORDS, "err_ids"),
    "plan-import-invalid": _ref(followup.WORDS, "err_invalid"),
    "plan-unknown-party": _ref(followup.WORDS, "warn_unknown_party"),
    "plan-timing-unreadable": _ref(followup.WORDS, "warn_timing"),
    "plan-follow-up-removed": _ref(followup.WORDS, "warn_follow_removed"),
    # why a plan's timing text gives no date (a value of plan-timing-unreadable; hkh.project.timing's reasons)
    "timing-doubt-unread": {
        "nb": "teksten ble ikke forstått",
        "nn": "teksten vart ikkje forstått",
        "en": "the text was not understood",
    },
    "timing-doubt-vague": {
        "nb": "så snart som mulig: ingen dato",
        "nn": "så snart som mogleg: ingen dato",
        "en": "as soon as possible: no date",
    },
    # hkh efforts import
    "efforts-no-header": _ref(efforts_sheet.WORDS, "no_header"),
    "efforts-mapping-twice": _ref(efforts_sheet.WORDS, "mapping_twice"),
    "efforts-mapping-needs": _ref(efforts_sheet.WORDS, "mapping_needs"),
    "efforts-mapping-unconfirmed": _ref(efforts_sheet.WORDS, "mapping_unconfirmed"),
    "efforts-mapping-declined": _ref(efforts_sheet.WORDS, "mapping_declined"),
    "efforts-mapping-changed": _ref(efforts_sheet.WORDS, "mapping_changed"),
    "efforts-row-rejected": _ref(efforts_sheet.WORDS, "row_rejected"),
    "efforts-empty-required": _ref(efforts_sheet.WORDS, "empty_required"),
    "efforts-bad-id": _ref(efforts_sheet.WORDS, "bad_id"),
    "efforts-same-id": _ref(efforts_sheet.WORDS, "same_id"),
    "efforts-bad-yes-no": _ref(efforts_sheet.WORDS, "bad_yes_no"),
    "efforts-bad-choice": _ref(efforts_sheet.WORDS, "bad_choice"),
    "efforts-bad-number": _ref(efforts_sheet.WORDS, "bad_number"),
    "efforts-hours-uncertain": _ref(efforts_sheet.WORDS, "hours_uncertain"),
    "efforts-hours-unread": _ref(efforts_sheet.WORDS, "hours_unread"),
    "efforts-not-a-field": {
        "nb": "`{field}` er ikke et felt i efforts.yaml; rett det i efforts-import.yaml",
        "nn": "`{field}` er ikkje eit felt i efforts.yaml; rett det i efforts-import.yaml",
        "en": "`{field}` is not a field of efforts.yaml; correct it in efforts-import.yaml",
    },
    "efforts-mapping-invalid": {
        "nb": "efforts-import.yaml kan ikke leses: {detail}",
        "nn": "efforts-import.yaml kan ikkje lesast: {detail}",
        "en": "efforts-import.yaml cannot be read: {detail}",
    },
    "efforts-import-invalid": {
        "nb": "efforts.yaml ville blitt ugyldig: {detail}",
        "nn": "efforts.yaml ville vorte ugyldig: {detail}",
        "en": "efforts.yaml would become invalid: {detail}",
    },
    # consultation records (hkh check)
    "consultation-unknown-measure": _ref(consultation.WORDS, "check_unknown_measure"),
    "consultation-unknown-finding": _ref(consultation.WORDS, "check_unknown_finding"),
    "consultation-count": _ref(consultation.WORDS, "check_count"),
    "consultation-no-record": _ref(consultation.WORDS, "check_no_record"),
    "measure-not-presented": _ref(consultation.WORDS, "check_not_presented"),
    "participant-named": {
        "nb": "`{key}`: de som deltok, føres opp etter virksomhet og rolle, aldri med navn; skriv `organisation:` og `role:` i stedet",
        "nn": "`{key}`: dei som var med, blir førte opp etter verksemd og rolle, aldri med namn; skriv `organisation:` og `role:` i staden",
        "en": "`{key}`: participants are recorded by organisation and role, never by name; write `organisation:` and `role:` instead",
    },
    "proposal-without-measure": {
        "nb": "et forslag som ble lagt fram, trenger `measure` (id-en i plan.yaml) eller `text`",
        "nn": "eit framlegg som vart lagt fram, treng `measure` (id-en i plan.yaml) eller `text`",
        "en": "a presented proposal needs `measure` (its id in plan.yaml) or `text`",
    },
    "consultation-not-consultation": {
        "nb": "`consultation` beskriver et møte, men kilden `{source}` har metoden `{method}`, ikke initial_consultation eller final_consultation",
        "nn": "`consultation` skildrar eit møte, men kjelda `{source}` har metoden `{method}`, ikkje initial_consultation eller final_consultation",
        "en": "`consultation` records a meeting, but source `{source}` has method `{method}`, not initial_consultation or final_consultation",
    },
}
