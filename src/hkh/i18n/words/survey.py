"""Survey tables: workbook, terminal, charts and evidence sentences."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    "workbook_file": {"nb": "sporreundersokelse.xlsx", "nn": "sporreundersokelse.xlsx", "en": "survey.xlsx"},
    "figures_dir": {"nb": "figurer", "nn": "figurer", "en": "figures"},
    "index_sheet": {"nb": "Oversikt", "nn": "Oversikt", "en": "Index"},
    "index_title": {
        "nb": "Tabeller fra spørreundersøkelsen",
        "nn": "Tabellar frå spørjeundersøkinga",
        "en": "Survey tables",
    },
    "question": {"nb": "Spørsmål", "nn": "Spørsmål", "en": "Question"},
    "text": {"nb": "Spørsmålstekst", "nn": "Spørsmålstekst", "en": "Text"},
    "type": {"nb": "Type", "nn": "Type", "en": "Type"},
    "base": {"nb": "Grunnlag (n)", "nn": "Grunnlag (n)", "en": "Base (n)"},
    "sheet": {"nb": "Ark", "nn": "Ark", "en": "Sheet"},
    "code": {"nb": "Kode", "nn": "Kode", "en": "Code"},
    "option": {"nb": "Svaralternativ", "nn": "Svaralternativ", "en": "Option"},
    "count": {"nb": "Antall", "nn": "Tal", "en": "Count"},
    "percent": {"nb": "Prosent", "nn": "Prosent", "en": "Percent"},
    "phrase": {"nb": "Formulering", "nn": "Formulering", "en": "Phrase"},
    "group": {"nb": "Gruppe", "nn": "Gruppe", "en": "Group"},
    "group_base": {"nb": "Grunnlag i gruppen (n)", "nn": "Grunnlag i gruppa (n)", "en": "Group base (n)"},
    "all": {"nb": "Alle", "nn": "Alle", "en": "All"},
    "statistic": {"nb": "Mål", "nn": "Mål", "en": "Statistic"},
    "value": {"nb": "Verdi", "nn": "Verdi", "en": "Value"},
    "mean": {"nb": "Gjennomsnitt", "nn": "Gjennomsnitt", "en": "Mean"},
    "median": {"nb": "Median", "nn": "Median", "en": "Median"},
    "of": {"nb": "av", "nn": "av", "en": "of"},
    "not_in_base": {"nb": "ikke med i grunnlaget", "nn": "ikkje med i grunnlaget", "en": "not in the base"},
    "open_note": {
        "nb": "åpent tekstsvar, {n} svar, vises ikke",
        "nn": "ope tekstsvar, {n} svar, blir ikkje viste",
        "en": "open text, {n} answers, not shown",
    },
    "date_note": {"nb": "dato, {n} svar", "nn": "dato, {n} svar", "en": "date, {n} answers"},
    "no_answer_group": {"nb": "(ikke svart)", "nn": "(ikkje svart)", "en": "(no answer)"},
    "breakdown_refused": {
        "nb": "ingen gruppe har minst {min_cell} svar; fordelingen vises ikke",
        "nn": "inga gruppe har minst {min_cell} svar; fordelinga blir ikkje vist",
        "en": "no group has at least {min_cell} answers; the breakdown is not shown",
    },
    # the two marks of a hidden count (hkh.survey.tables.mark_text), each explained where it appears
    "small_note": {
        "nb": "<{min_cell} betyr færre enn {min_cell} svar (tallet og prosenten er skjult av personvernhensyn)",
        "nn": "<{min_cell} tyder færre enn {min_cell} svar (talet og prosenten er skjulte av omsyn til personvern)",
        "en": "<{min_cell} means fewer than {min_cell} answers (the count and its percentage are hidden for privacy)",
    },
    "secondary_note": {
        "nb": ": betyr at tallet er skjult fordi et lite tall ellers kunne regnes ut fra summene eller andre publiserte tabeller (tallet selv er ikke lite)",
        "nn": ": tyder at talet er skjult fordi eit lite tal elles kunne reknast ut frå summane eller andre publiserte tabellar (talet sjølv er ikkje lite)",
        "en": ": means the count is hidden because a small count could otherwise be worked out from the totals or other published tables (the count itself is not small)",
    },
    # a hidden count in a sentence that quotes it (hkh.survey.evidence.figure_sentence): said in words, with its mark
    "figure_small": {
        "nb": "færre enn {min_cell} (<{min_cell})",
        "nn": "færre enn {min_cell} (<{min_cell})",
        "en": "fewer than {min_cell} (<{min_cell})",
    },
    "figure_secondary": {"nb": "skjult (:)", "nn": "skjult (:)", "en": "hidden (:)"},
    "figure_secondary_note": {
        "nb": "tallet er ikke lite, men skjult fordi et lite tall ellers kunne regnes ut fra de publiserte tabellene",
        "nn": "talet er ikkje lite, men skjult fordi eit lite tal elles kunne reknast ut frå dei publiserte tabellane",
        "en": "the count is not small, but hidden because a small count could otherwise be worked out from the published tables",
    },
    "small_groups_note": {
        "nb": "grupper med færre enn {min_cell} personer vises ikke: {groups}",
        "nn": "grupper med færre enn {min_cell} personar blir ikkje viste: {groups}",
        "en": "groups of fewer than {min_cell} people are not shown: {groups}",
    },
    "min_cell_setting_lowered": {
        "nb": "min_cell: {given} i hkh.yaml er lavere enn terskelen tabellene fra denne undersøkelsen er publisert med ({level}); da kunne tall som er skjult i publiserte tabeller regnes ut. Skriv min_cell: {level} igjen, eller importer undersøkelsen på nytt (med --replace) for å begynne en ny publisering",
        "nn": "min_cell: {given} i hkh.yaml er lågare enn terskelen tabellane frå denne undersøkinga er publiserte med ({level}); då kunne tal som er skjulte i publiserte tabellar reknast ut. Skriv min_cell: {level} att, eller importer undersøkinga på nytt (med --replace) for å byrje ei ny publisering",
        "en": "min_cell: {given} in hkh.yaml is lower than the threshold this survey's tables were published with ({level}); counts hidden in published tables could then be worked out. Write min_cell: {level} again, or import the survey again (with --replace) to start a new publication",
    },
    "min_cell_lowered": {
        "nb": "--min-cell {given} er lavere enn terskelen tabellene fra denne undersøkelsen publiseres med ({level}); den kan bare heves",
        "nn": "--min-cell {given} er lågare enn terskelen tabellane frå denne undersøkinga blir publiserte med ({level}); han kan berre hevast",
        "en": "--min-cell {given} is lower than the threshold this survey's tables are published with ({level}); it can only be raised",
    },
    "breakdown_unsafe": {
        "nb": "--by {by} blir ikke publisert: sammen med tabellene som alt er publisert (fordelinger etter: {earlier}) kunne disse skjulte tallene regnes ut for nøyaktig: {cells}. Velg en annen bakgrunnsvariabel",
        "nn": "--by {by} blir ikkje publisert: saman med tabellane som alt er publiserte (fordelingar etter: {earlier}) kunne desse skjulte tala reknast ut for nøyaktig: {cells}. Vel ein annan bakgrunnsvariabel",
        "en": "--by {by} is not published: together with the tables already published (breakdowns by: {earlier}) these hidden counts could be worked out too closely: {cells}. Choose another background question",
    },
    "breakdown_unsafe_first": {
        "nb": "--by {by} blir ikke publisert: sammen med tabellene for hvert enkelt spørsmål, som alt er publisert, kunne disse skjulte tallene regnes ut for nøyaktig: {cells}. Velg en annen bakgrunnsvariabel",
        "nn": "--by {by} blir ikkje publisert: saman med tabellane for kvart enkelt spørsmål, som alt er publiserte, kunne desse skjulte tala reknast ut for nøyaktig: {cells}. Vel ein annan bakgrunnsvariabel",
        "en": "--by {by} is not published: together with the table of each question, already published, these hidden counts could be worked out too closely: {cells}. Choose another background question",
    },
    "tables_unsafe": {
        "nb": "tabellene blir ikke publisert: disse skjulte tallene kunne regnes ut for nøyaktig fra summene: {cells}",
        "nn": "tabellane blir ikkje publiserte: desse skjulte tala kunne reknast ut for nøyaktig frå summane: {cells}",
        "en": "the tables are not published: these hidden counts could be worked out too closely from the totals: {cells}",
    },
    "answered_margin": {"nb": "svart", "nn": "svart", "en": "answered"},
    "base_margin": {"nb": "grunnlag", "nn": "grunnlag", "en": "base"},
    "bottom": {"nb": "Nedre ende", "nn": "Nedre ende", "en": "Lower end"},
    "top": {"nb": "Øvre ende", "nn": "Øvre ende", "en": "Upper end"},
    "number_note": {
        "nb": "nedre og øvre ende: minst {min_cell} svar ligger ved eller under (over) verdien; enkeltsvar ytterst vises ikke",
        "nn": "nedre og øvre ende: minst {min_cell} svar ligg ved eller under (over) verdien; enkeltsvar ytst blir ikkje viste",
        "en": "lower and upper end: at least {min_cell} answers lie at or below (above) the value; single extreme answers are not shown",
    },
    "at_most": {"nb": "høyst {value}", "nn": "høgst {value}", "en": "at most {value}"},
    "at_least": {"nb": "minst {value}", "nn": "minst {value}", "en": "at least {value}"},
    "withheld": {"nb": "for få svar", "nn": "for få svar", "en": "too few answers"},
    "multiple_note": {
        "nb": "flere svar mulig: prosent av dem som svarte, kan summere til over 100",
        "nn": "fleire svar moglege: prosent av dei som svarte, kan summere til over 100",
        "en": "several answers allowed: percent of those who answered, may add up to more than 100",
    },
    "type_single": {"nb": "ett svar", "nn": "eitt svar", "en": "single choice"},
    "type_grid_item": {"nb": "ett svar (matrise)", "nn": "eitt svar (matrise)", "en": "single choice (grid)"},
    "type_multiple": {"nb": "flere svar", "nn": "fleire svar", "en": "multiple choice"},
    "type_open": {"nb": "åpent tekstsvar", "nn": "ope tekstsvar", "en": "open text"},
    "type_number": {"nb": "tall", "nn": "tal", "en": "number"},
    "type_date": {"nb": "dato", "nn": "dato", "en": "date"},
    "not_shown": {"nb": "vises ikke", "nn": "blir ikkje vist", "en": "not shown"},
    "cited_title": {
        "nb": "Tall som funnene viser til",
        "nn": "Tal som funna viser til",
        "en": "Figures the findings cite",
    },
    "cited_finding": {"nb": "Funn", "nn": "Funn", "en": "Finding"},
    "cited_question": {"nb": "Spørsmål", "nn": "Spørsmål", "en": "Question"},
    "cited_option": {"nb": "Svaralternativ", "nn": "Svaralternativ", "en": "Option"},
    "cited_figure": {"nb": "Tall", "nn": "Tal", "en": "Figure"},
    "cited_says": {"nb": "Funnet sier", "nn": "Funnet seier", "en": "The finding says"},
}
