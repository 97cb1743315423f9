"""YAML the parser cannot read: what is wrong on the line, and what to write instead (`hkh.core.yaml_advice`)."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    "yaml-tab": {
        "nb": "linja er rykket inn med et tabulatortegn, men YAML godtar bare mellomrom: rykk den inn med {spaces} mellomrom, som linja over",
        "nn": "linja er rykt inn med eit tabulatorteikn, men YAML godtek berre mellomrom: rykk ho inn med {spaces} mellomrom, som linja over",
        "en": "the line is indented with a tab, but YAML takes spaces only: indent it with {spaces} spaces, like the line above",
    },
    "yaml-tab-inside": {
        "nb": "linja har et tabulatortegn der YAML bare godtar mellomrom; skriv et mellomrom i stedet",
        "nn": "linja har eit tabulatorteikn der YAML berre godtek mellomrom; skriv eit mellomrom i staden",
        "en": "the line has a tab where YAML takes spaces only; write a space instead",
    },
    "yaml-indent": {
        "nb": "linja er rykket inn med {have} mellomrom der YAML venter {want}; rykk den inn med {want} mellomrom, som de andre linjene på samme nivå",
        "nn": "linja er rykt inn med {have} mellomrom der YAML ventar {want}; rykk ho inn med {want} mellomrom, som dei andre linjene på same nivå",
        "en": "the line is indented with {have} spaces where YAML expects {want}; indent it with {want} spaces, like the other lines at the same level",
    },
    "yaml-indent-block": {
        "nb": "linjene her er ikke rykket likt inn; rykk inn hver linje med mellomrom som linja over",
        "nn": "linjene her er ikkje rykte likt inn; rykk inn kvar linje med mellomrom som linja over",
        "en": "the lines here are not indented evenly; indent each line with spaces like the line above it",
    },
    "yaml-colon": {
        "nb": "teksten inneholder `: `, som YAML leser som starten på et nytt felt; sett hele teksten i anførselstegn: `{suggestion}`",
        "nn": "teksten inneheld `: `, som YAML les som starten på eit nytt felt; set heile teksten i hermeteikn: `{suggestion}`",
        "en": "the text holds `: `, which YAML reads as the start of a new field; put the whole text in quotes: `{suggestion}`",
    },
    "yaml-colon-lines": {
        "nb": "denne linja i en lengre tekst inneholder `: `, som YAML leser som starten på et nytt felt; sett hele teksten i anførselstegn",
        "nn": "denne linja i ein lengre tekst inneheld `: `, som YAML les som starten på eit nytt felt; set heile teksten i hermeteikn",
        "en": "this line of a longer text holds `: `, which YAML reads as the start of a new field; put the whole text in quotes",
    },
    "yaml-quote-text": {
        "nb": "teksten begynner med et anførselstegn eller en klamme og fortsetter etter det; sett hele teksten i anførselstegn: `{suggestion}`",
        "nn": "teksten byrjar med eit hermeteikn eller ei klamme og held fram etter det; set heile teksten i hermeteikn: `{suggestion}`",
        "en": "the text starts with a quote or a bracket and goes on after it; put the whole text in quotes: `{suggestion}`",
    },
    "yaml-missing-colon": {
        "nb": "linja mangler `:`; skriv `felt: verdi`, med kolon og mellomrom etter feltnavnet",
        "nn": "linja manglar `:`; skriv `felt: verdi`, med kolon og mellomrom etter feltnamnet",
        "en": "the line has no `:`; write `field: value`, with a colon and a space after the field name",
    },
    "yaml-duplicate-key": {
        "nb": "`{key}` står to ganger på samme sted; behold bare det ene",
        "nn": "`{key}` står to gonger på same stad; behald berre det eine",
        "en": "`{key}` is written twice in the same place; keep only one of them",
    },
    "yaml-unclosed-quote": {
        "nb": "et anførselstegn på denne linja blir aldri lukket; avslutt teksten med samme anførselstegn",
        "nn": "eit hermeteikn på denne linja blir aldri lukka; avslutt teksten med det same hermeteiknet",
        "en": "a quote mark on this line is never closed; end the text with the same quote mark",
    },
    "yaml-escape": {
        "nb": "en omvendt skråstrek `\\` inne i doble anførselstegn innleder en kode; bruk enkle anførselstegn ('…'), eller skriv to omvendte skråstreker",
        "nn": "ein omvend skråstrek `\\` inne i doble hermeteikn innleier ein kode; bruk enkle hermeteikn ('…'), eller skriv to omvende skråstrekar",
        "en": "a backslash `\\` inside double quotes starts a code; use single quotes ('…'), or write two backslashes",
    },
    "yaml-reserved": {
        "nb": "en tekst kan ikke begynne med `{character}` i YAML; sett teksten i anførselstegn: `{suggestion}`",
        "nn": "ein tekst kan ikkje byrje med `{character}` i YAML; set teksten i hermeteikn: `{suggestion}`",
        "en": "a text cannot start with `{character}` in YAML; put the text in quotes: `{suggestion}`",
    },
    "yaml-bracket": {
        "nb": "en liste i `[ ]` er ikke lukket, eller en tekst i den inneholder `:` eller `,`; avslutt lista med `]`, eller sett teksten i anførselstegn",
        "nn": "ei liste i `[ ]` er ikkje lukka, eller ein tekst i ho inneheld `:` eller `,`; avslutt lista med `]`, eller set teksten i hermeteikn",
        "en": "a list in `[ ]` is not closed, or a text in it holds `:` or `,`; end the list with `]`, or put the text in quotes",
    },
    "yaml-documents": {
        "nb": "linja `---` deler fila i to, men en prosjektfil har bare én del; fjern linja",
        "nn": "linja `---` deler fila i to, men ei prosjektfil har berre éin del; fjern linja",
        "en": "the line `---` splits the file in two, but a project file has one part only; remove the line",
    },
    "yaml-syntax": {
        "nb": "hkh kan ikke lese denne linja; sammenlign den med linjene rundt: hver linje er `felt: verdi`, listepunkter begynner med `- `, og tekst med spesialtegn står i anførselstegn",
        "nn": "hkh kan ikkje lese denne linja; samanlikn ho med linjene rundt: kvar linje er `felt: verdi`, listepunkt byrjar med `- `, og tekst med spesialteikn står i hermeteikn",
        "en": "hkh cannot read this line; compare it with the lines around it: each line is `field: value`, list items start with `- `, and texts with special characters go in quotes",
    },
    "yaml-too-deep": {
        "nb": "fila er nøstet for dypt til å leses; se over innrykkene",
        "nn": "fila er nøsta for djupt til å kunne lesast; sjå over innrykka",
        "en": "the file is nested too deeply to read; look over the indentation",
    },
    "date-not-real": {
        "nb": "`{value}` er ikke en dato som finnes; skriv en ekte dato som ÅÅÅÅ-MM-DD",
        "nn": "`{value}` er ikkje ein dato som finst; skriv ein verkeleg dato som ÅÅÅÅ-MM-DD",
        "en": "`{value}` is not a date that exists; write a real date as YYYY-MM-DD",
    },
    # what `hkh check --fix` did (listed after it)
    "fixed-indent": {
        "nb": "rykket linja inn med {spaces} mellomrom",
        "nn": "rykte linja inn med {spaces} mellomrom",
        "en": "indented the line with {spaces} spaces",
    },
    "fixed-quotes": {"nb": "satte teksten i anførselstegn", "nn": "sette teksten i hermeteikn", "en": "put the text in quotes"},
    "fixed-tab": {
        "nb": "byttet et tabulatortegn med et mellomrom",
        "nn": "bytte eit tabulatorteikn med eit mellomrom",
        "en": "replaced a tab with a space",
    },
}
