"""What the command line says: progress, what was written, what to do next, and the last-resort messages."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    "wrote": {"nb": "skrev {path}", "nn": "skreiv {path}", "en": "wrote {path}"},
    "wrote_charts": {
        "nb": "skrev {count} figurer i {folder}",
        "nn": "skreiv {count} figurar i {folder}",
        "en": "wrote {count} charts in {folder}",
    },
    "next_after_init": {
        "nb": "Neste steg: fyll inn filene, og kjør så `hkh check -p {folder}`.",
        "nn": "Neste steg: fyll inn filene, og køyr så `hkh check -p {folder}`.",
        "en": "Next: edit the files, then run `hkh check -p {folder}`.",
    },
    "check_ok": {"nb": "hkh check: i orden: {counts} i {root}", "nn": "hkh check: i orden: {counts} i {root}", "en": "hkh check: ok: {counts} in {root}"},
    "check_failed": {
        "nb": "hkh check: feilet: {counts} i {root}",
        "nn": "hkh check: feila: {counts} i {root}",
        "en": "hkh check: failed: {counts} in {root}",
    },
    "errors_one": {"nb": "{n} feil", "nn": "{n} feil", "en": "{n} error"},
    "errors_other": {"nb": "{n} feil", "nn": "{n} feil", "en": "{n} errors"},
    "warnings_one": {"nb": "{n} advarsel", "nn": "{n} åtvaring", "en": "{n} warning"},
    "warnings_other": {"nb": "{n} advarsler", "nn": "{n} åtvaringar", "en": "{n} warnings"},
    "interrupted": {
        "nb": "hkh: avbrutt; filer som ble skrevet, er slik de var",
        "nn": "hkh: avbrote; filer som vart skrivne, er slik dei var",
        "en": "hkh: interrupted; files being written were left as they were",
    },
    "crashed": {
        "nb": "hkh: intern feil ({kind}); dette er en feil i hkh. Detaljer i {log} (kan inneholde tekst fra filene dine: se over før du deler den).",
        "nn": "hkh: intern feil ({kind}); dette er ein feil i hkh. Detaljar i {log} (kan innehalde tekst frå filene dine: sjå over før du deler han).",
        "en": "hkh: internal error ({kind}); this is a bug in hkh. Details in {log} (may hold text from your files: read it before you share it).",
    },
    "crashed_no_log": {
        "nb": "hkh: intern feil ({kind}); dette er en feil i hkh. Kjør igjen med HKH_DEBUG=1 for detaljer.",
        "nn": "hkh: intern feil ({kind}); dette er ein feil i hkh. Køyr igjen med HKH_DEBUG=1 for detaljar.",
        "en": "hkh: internal error ({kind}); this is a bug in hkh. Run again with HKH_DEBUG=1 for details.",
    },
    "warning": {"nb": "advarsel: {text}", "nn": "åtvaring: {text}", "en": "warning: {text}"},
    "run_files": {"nb": "Filer skrevet:", "nn": "Filer skrivne:", "en": "Files written:"},
    "run_unchanged": {
        "nb": "Ingenting er endret siden forrige kjøring; filene er oppdaterte:",
        "nn": "Ingenting er endra sidan førre køyring; filene er oppdaterte:",
        "en": "Nothing has changed since the last run; the files are up to date:",
    },
    "run_stopped_check": {
        "nb": "hkh run: stoppet ved check: {message}",
        "nn": "hkh run: stoppa ved check: {message}",
        "en": "hkh run: stopped at check: {message}",
    },
    "step_ok": {"nb": "ok", "nn": "ok", "en": "ok"},
    "step_warnings": {"nb": "ok, {warnings} (se `hkh check`)", "nn": "ok, {warnings} (sjå `hkh check`)", "en": "ok, {warnings} (see `hkh check`)"},
    "files_one": {"nb": "{n} fil", "nn": "{n} fil", "en": "{n} file"},
    "files_other": {"nb": "{n} filer", "nn": "{n} filer", "en": "{n} files"},
    "step_unchanged": {"nb": "uendret", "nn": "uendra", "en": "unchanged"},
    "step_skipped": {"nb": "hoppet over ({reason})", "nn": "hoppa over ({reason})", "en": "skipped ({reason})"},
    "step_stopped": {"nb": "stoppet", "nn": "stoppa", "en": "stopped"},
    "importing": {"nb": "importerer", "nn": "importerer", "en": "importing"},
    # how a problem or an error is shown
    "problem": {"nb": "{location}: {severity}: {message}", "nn": "{location}: {severity}: {message}", "en": "{location}: {severity}: {message}"},
    "problem_nowhere": {"nb": "{severity}: {message}", "nn": "{severity}: {message}", "en": "{severity}: {message}"},
    "error": {"nb": "{location}: {message}", "nn": "{location}: {message}", "en": "{location}: {message}"},
    "error_nowhere": {"nb": "hkh: {message}", "nn": "hkh: {message}", "en": "hkh: {message}"},
    "severity_error": {"nb": "feil", "nn": "feil", "en": "error"},
    "severity_warning": {"nb": "advarsel", "nn": "åtvaring", "en": "warning"},
    "fixable": {
        "nb": "{message} (`hkh check --fix` retter dette)",
        "nn": "{message} (`hkh check --fix` rettar dette)",
        "en": "{message} (`hkh check --fix` mends this)",
    },
    "fixed": {"nb": "{location}: {change}", "nn": "{location}: {change}", "en": "{location}: {change}"},
    "check_can_fix": {
        "nb": "Noe av dette kan hkh rette selv: kjør `hkh check --fix -p {root}`",
        "nn": "Noko av dette kan hkh rette sjølv: køyr `hkh check --fix -p {root}`",
        "en": "hkh can mend some of this itself: run `hkh check --fix -p {root}`",
    },
    # hkh run
    "step_done": {"nb": "✓ {step}: {note}", "nn": "✓ {step}: {note}", "en": "✓ {step}: {note}"},
    "step_skipped_line": {"nb": "– {step}: {note}", "nn": "– {step}: {note}", "en": "– {step}: {note}"},
    "step_stopped_line": {"nb": "✗ {step}: {note}", "nn": "✗ {step}: {note}", "en": "✗ {step}: {note}"},
    "skip_no_survey": {"nb": "ingen undersøkelse er importert", "nn": "inga undersøking er importert", "en": "no survey imported"},
    "run_total": {"nb": "Filer skrevet ({count}), etter mappe:", "nn": "Filer skrivne ({count}), etter mappe:", "en": "Files written ({count}), by folder:"},
    "run_unchanged_total": {
        "nb": "Ingenting er endret siden forrige kjøring; filene ({count}) er oppdaterte:",
        "nn": "Ingenting er endra sidan førre køyring; filene ({count}) er oppdaterte:",
        "en": "Nothing has changed since the last run; the files ({count}) are up to date:",
    },
    "run_folder_names": {"nb": "  {folder} ({count}): {names}", "nn": "  {folder} ({count}): {names}", "en": "  {folder} ({count}): {names}"},
    "run_folder_count": {"nb": "  {folder}: {count}", "nn": "  {folder}: {count}", "en": "  {folder}: {count}"},
    # lines of a list
    "indented": {"nb": "  {text}", "nn": "  {text}", "en": "  {text}"},
    "mapping_line": {"nb": "  {header}  →  {target}", "nn": "  {header}  →  {target}", "en": "  {header}  →  {target}"},
    # hkh survey
    "survey_summary": {
        "nb": "Undersøkelsen `{source}`: {n} spørsmål, ett per linje",
        "nn": "Undersøkinga `{source}`: {n} spørsmål, eitt per linje",
        "en": "Survey `{source}`: {n} questions, one per line",
    },
    "survey_col_question": {"nb": "Spørsmål", "nn": "Spørsmål", "en": "Question"},
    "survey_col_text": {"nb": "Tekst", "nn": "Tekst", "en": "Text"},
    "survey_col_top": {"nb": "Vanligste svar", "nn": "Vanlegaste svar", "en": "Most common answer"},
    "survey_col_share": {"nb": "Andel", "nn": "Del", "en": "Share"},
    "survey_number": {"nb": "median {median}, snitt {mean}", "nn": "median {median}, snitt {mean}", "en": "median {median}, mean {mean}"},
    "survey_hidden": {"nb": "skjult ({marks})", "nn": "skjult ({marks})", "en": "hidden ({marks})"},
    "survey_more": {
        "nb": "Hele tabellene: `hkh survey --all`, eller `--question NAVN` for ett spørsmål; alle står i {workbook}.",
        "nn": "Heile tabellane: `hkh survey --all`, eller `--question NAMN` for eitt spørsmål; alle står i {workbook}.",
        "en": "Full tables: `hkh survey --all`, or `--question NAME` for one question; all of them are in {workbook}.",
    },
    "progress_survey": {"nb": "lager tabellene", "nn": "lagar tabellane", "en": "making the tables"},
    "progress_charts": {"nb": "tegner {n} figurer", "nn": "teiknar {n} figurar", "en": "drawing {n} charts"},
    "progress_files": {"nb": "skriver filene", "nn": "skriv filene", "en": "writing the files"},
    "progress_step": {"nb": "kjører {step}", "nn": "køyrer {step}", "en": "running {step}"},
    "progress_report": {"nb": "skriver rapporten", "nn": "skriv rapporten", "en": "writing the report"},
    "progress_loading": {"nb": "leser prosjektet", "nn": "les prosjektet", "en": "reading the project"},
    # hkh docs
    "docs_pages": {
        "nb": "Sidene i oppslagsverket (på engelsk): `hkh docs SIDE` skriver ut én, `--open` viser den i nettleseren.",
        "nn": "Sidene i oppslagsverket (på engelsk): `hkh docs SIDE` skriv ut éi, `--open` viser henne i nettlesaren.",
        "en": "The pages of the reference: `hkh docs PAGE` prints one, `--open` shows it in the browser.",
    },
    "docs_page": {"nb": "  {name}  {title}: {summary}", "nn": "  {name}  {title}: {summary}", "en": "  {name}  {title}: {summary}"},
    "docs_opened": {
        "nb": "åpnet {path} i nettleseren",
        "nn": "opna {path} i nettlesaren",
        "en": "opened {path} in the browser",
    },
    # hkh import
    "progress_workbook": {"nb": "leser arbeidsboka", "nn": "les arbeidsboka", "en": "reading the workbook"},
    "progress_csv": {"nb": "leser CSV-filene", "nn": "les CSV-filene", "en": "reading the CSV files"},
    "progress_answers": {"nb": "leser svarene", "nn": "les svara", "en": "reading the answers"},
    "progress_write": {"nb": "skriver", "nn": "skriv", "en": "writing"},
    "ask_title": {
        "nb": "Eksporten sier ikke hva undersøkelsen heter ({export}). Skriv tittelen slik rapporten skal bruke den",
        "nn": "Eksporten seier ikkje kva undersøkinga heiter ({export}). Skriv tittelen slik rapporten skal bruke han",
        "en": "The export does not name the survey ({export}). Type its title as the report should give it",
    },
    "imported": {
        "nb": "importerte {answered} svarpersoner av {rows} rader og {questions} spørsmål til {folder}",
        "nn": "importerte {answered} svarpersonar av {rows} rader og {questions} spørsmål til {folder}",
        "en": "imported {answered} respondents of {rows} rows and {questions} questions into {folder}",
    },
    "imported_split": {
        "nb": "importerte {answered} svarpersoner ({complete} fullført, {partial} delvis) av {rows} rader og {questions} spørsmål til {folder}",
        "nn": "importerte {answered} svarpersonar ({complete} fullført, {partial} delvis) av {rows} rader og {questions} spørsmål til {folder}",
        "en": "imported {answered} respondents ({complete} complete, {partial} partial) of {rows} rows and {questions} questions into {folder}",
    },
    "dropped_identifiers": {
        "nb": "fjernet identifiserende kolonner: {columns} (bruk --keep-identifiers for å beholde dem)",
        "nn": "fjerna identifiserande kolonnar: {columns} (bruk --keep-identifiers for å halde på dei)",
        "en": "dropped identifying columns: {columns} (use --keep-identifiers to keep them)",
    },
    "kept_identifiers": {
        "nb": "beholdt identifiserende kolonner (--keep-identifiers): behandle data/survey/ som personopplysninger",
        "nn": "heldt på identifiserande kolonnar (--keep-identifiers): handsam data/survey/ som personopplysningar",
        "en": "kept identifying columns (--keep-identifiers): handle data/survey/ as personal data",
    },
    "copied_raw": {"nb": "kopierte råeksporten til {path}", "nn": "kopierte råeksporten til {path}", "en": "copied the raw export to {path}"},
    "kept_edits": {
        "nb": "beholdt endringene dine av non_substantive for: {questions}",
        "nn": "heldt på endringane dine av non_substantive for: {questions}",
        "en": "kept your non_substantive edits for: {questions}",
    },
    "registered_added": {
        "nb": "la til kilden `{source}` med tittelen «{title}» i sources.yaml",
        "nn": "la til kjelda `{source}` med tittelen «{title}» i sources.yaml",
        "en": "added the source `{source}`, titled '{title}', to sources.yaml",
    },
    "registered_updated": {
        "nb": "oppdaterte kilden `{source}` («{title}») i sources.yaml",
        "nn": "oppdaterte kjelda `{source}` («{title}») i sources.yaml",
        "en": "updated the source `{source}` ('{title}') in sources.yaml",
    },
}
