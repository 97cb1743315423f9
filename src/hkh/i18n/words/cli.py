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
}
