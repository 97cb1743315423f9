"""Commands and their arguments, new projects, `hkh run`, and the statistics tables in data/stats/
(`hkh.project.init`, `hkh.outputs.write`, `hkh.pipeline`, `hkh.analysis.stats`)."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    "located": {"nb": "{location}: {message}", "nn": "{location}: {message}", "en": "{location}: {message}"},
    "check-failed_one": {
        "nb": "hkh check fant {n} feil; rett den (se linjene over) og kjør igjen",
        "nn": "hkh check fann {n} feil; rett han (sjå linjene over) og køyr igjen",
        "en": "hkh check found {n} error; fix it (see the lines above) and run again",
    },
    "check-failed_other": {
        "nb": "hkh check fant {n} feil; rett dem (se linjene over) og kjør igjen",
        "nn": "hkh check fann {n} feil; rett dei (sjå linjene over) og køyr igjen",
        "en": "hkh check found {n} errors; fix them (see the lines above) and run again",
    },
    "project-has-errors": {"nb": "{first} ({pointer})", "nn": "{first} ({pointer})", "en": "{first} ({pointer})"},
    "format-unknown": {
        "nb": "ukjent format `{format}`; bruk et av disse: {known}",
        "nn": "ukjent format `{format}`; bruk eitt av desse: {known}",
        "en": "unknown format `{format}`; use one of: {known}",
    },
    "language-unknown": {
        "nb": "ukjent språk `{language}`; bruk et av disse: {known}",
        "nn": "ukjent språk `{language}`; bruk eitt av desse: {known}",
        "en": "unknown language `{language}`; use one of: {known}",
    },
    "init-on-file": {
        "nb": "dette er en fil, ikke en mappe; oppgi en ny eller eksisterende mappe",
        "nn": "dette er ei fil, ikkje ei mappe; oppgje ei ny eller eksisterande mappe",
        "en": "this is a file, not a folder; name a new or existing folder",
    },
    "init-file-exists": {
        "nb": "finnes allerede; hkh init skriver aldri over en fil (bruk en ny mappe, eller flytt fila)",
        "nn": "finst alt; hkh init skriv aldri over ei fil (bruk ei ny mappe, eller flytt fila)",
        "en": "already exists; hkh init never overwrites a file (use a new folder, or move the file away)",
    },
    "init-folder-is-file": {
        "nb": "finnes som fil, men hkh trenger en mappe her",
        "nn": "finst som fil, men hkh treng ei mappe her",
        "en": "exists as a file, but hkh needs a folder here",
    },
    "docs-unknown-similar": {
        "nb": "hkh har ingen side `{topic}`; mente du `hkh docs {meant}`?",
        "nn": "hkh har inga side `{topic}`; meinte du `hkh docs {meant}`?",
        "en": "hkh has no page `{topic}`; did you mean `hkh docs {meant}`?",
    },
    "docs-unknown": {
        "nb": "hkh har ingen side `{topic}`; sidene er: {known}",
        "nn": "hkh har inga side `{topic}`; sidene er: {known}",
        "en": "hkh has no page `{topic}`; the pages are: {known}",
    },
    # data/stats/
    "stats-empty": {
        "nb": "tabellen er tom; sett kategorien (eller året) i første kolonne og én tallserie i hver kolonne etter den, med en overskriftsrad",
        "nn": "tabellen er tom; set kategorien (eller året) i første kolonne og éin talserie i kvar kolonne etter han, med ei overskriftsrad",
        "en": "the table is empty; put the category (or year) in the first column and one numeric series per further column, with a header row",
    },
    "stats-header-narrow": {
        "nb": "overskriftsraden trenger minst to kolonner: kategorien (eller året) og én tallserie",
        "nn": "overskriftsrada treng minst to kolonnar: kategorien (eller året) og éin talserie",
        "en": "the header row needs at least two columns: the category (or year) and one numeric series",
    },
    "stats-column-unnamed": {
        "nb": "kolonne {column} har ikke noe navn i overskriftsraden",
        "nn": "kolonne {column} har ikkje noko namn i overskriftsrada",
        "en": "column {column} has no name in the header row",
    },
    "stats-no-rows": {
        "nb": "tabellen har en overskriftsrad, men ingen rader",
        "nn": "tabellen har ei overskriftsrad, men ingen rader",
        "en": "the table has a header but no rows",
    },
    "stats-not-number": {
        "nb": "«{value}» i kolonnen `{column}` er ikke et tall",
        "nn": "«{value}» i kolonnen `{column}` er ikkje eit tal",
        "en": "'{value}' in column `{column}` is not a number",
    },
    "stats-no-number-column": {
        "nb": "«{value}» i kolonnen `{column}` er ikke et tall; etter første kolonne trenger tabellen minst én kolonne med tall",
        "nn": "«{value}» i kolonnen `{column}` er ikkje eit tal; etter første kolonne treng tabellen minst éin kolonne med tal",
        "en": "'{value}' in column `{column}` is not a number; after the first column the table needs at least one column of numbers",
    },
    "stats-no-numbers": {
        "nb": "ingen kolonne inneholder tall",
        "nn": "ingen kolonne inneheld tal",
        "en": "no column holds numbers",
    },
    "stats-category-empty": {
        "nb": "første kolonne (kategori eller år) er tom",
        "nn": "første kolonne (kategori eller år) er tom",
        "en": "the first column (category or year) is empty",
    },
    "stats-row-twice": {
        "nb": "en rad til for {key} (den første er rad {first}); hver kombinasjon kan stå én gang",
        "nn": "ei rad til for {key} (den første er rad {first}); kvar kombinasjon kan stå éin gong",
        "en": "a second row for {key} (the first is on row {first}); each combination may appear once",
    },
    "stats-workbook-unreadable": {
        "nb": "kan ikke lese arbeidsboka; lagre den på nytt som .xlsx",
        "nn": "kan ikkje lese arbeidsboka; lagre henne på nytt som .xlsx",
        "en": "cannot read this workbook; save it again as .xlsx",
    },
    "stats-description-shape": {
        "nb": "beskrivelsen av en tabell har feltene {keys}, hvert på sin linje (`felt: verdi`)",
        "nn": "skildringa av ein tabell har felta {keys}, kvart på si linje (`felt: verdi`)",
        "en": "a table's description holds the fields {keys}, each on its own line (`field: value`)",
    },
    "stats-description-similar": {
        "nb": "beskrivelsen av tabellen har ikke noe felt `{field}`; mente du `{meant}`?",
        "nn": "skildringa av tabellen har ikkje noko felt `{field}`; meinte du `{meant}`?",
        "en": "the table's description has no field `{field}`; did you mean `{meant}`?",
    },
    "stats-description-unknown": {
        "nb": "beskrivelsen av tabellen har ikke noe felt `{field}`; feltene er {keys}",
        "nn": "skildringa av tabellen har ikkje noko felt `{field}`; felta er {keys}",
        "en": "the table's description has no field `{field}`; its fields are {keys}",
    },
    "stats-description-labels": {
        "nb": "`labels` knytter hvert kolonnenavn til teksten leseren ser: én linje per kolonne, `kolonne: tekst`",
        "nn": "`labels` knyter kvart kolonnenamn til teksten lesaren ser: éi linje per kolonne, `kolonne: tekst`",
        "en": "`labels` maps each column name to the label a reader sees: one line per column, `column: label`",
    },
    "stats-workbook-empty": {
        "nb": "arbeidsboka har ingen tabell",
        "nn": "arbeidsboka har ingen tabell",
        "en": "the workbook holds no table",
    },
}
