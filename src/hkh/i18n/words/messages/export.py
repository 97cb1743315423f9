"""A SurveyXact export that cannot be read, and what `hkh import` noticed while reading one (`hkh.survey.surveyxact`,
`hkh.survey.codebook`)."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    "no-export-named": {
        "nb": "oppgi eksporten som skal importeres: en .xlsx- eller .xml-arbeidsbok, en mappe eller CSV-filer",
        "nn": "oppgje eksporten som skal importerast: ei .xlsx- eller .xml-arbeidsbok, ei mappe eller CSV-filer",
        "en": "name the export to import: an .xlsx or .xml workbook, a folder, or CSV files",
    },
    "folder-no-export": {
        "nb": "mappa inneholder ingen eksportfiler",
        "nn": "mappa inneheld ingen eksportfiler",
        "en": "the folder holds no export files",
    },
    "workbook-with-others": {
        "nb": "en arbeidsbok inneholder hele eksporten; oppgi den alene, ikke sammen med andre filer",
        "nn": "ei arbeidsbok inneheld heile eksporten; oppgje ho åleine, ikkje saman med andre filer",
        "en": "a workbook holds the whole export; name it alone, not together with other files",
    },
    "workbook-among-csv": {
        "nb": "dette er en arbeidsbok, ikke en CSV-fil; oppgi arbeidsboka alene (`hkh import eksport.xlsx`)",
        "nn": "dette er ei arbeidsbok, ikkje ei CSV-fil; oppgje arbeidsboka åleine (`hkh import eksport.xlsx`)",
        "en": "this is a workbook, not a CSV file; name the workbook alone (`hkh import export.xlsx`)",
    },
    "workbook-damaged": {
        "nb": "arbeidsboka er skadet og kan ikke leses; last den ned eller eksporter den på nytt",
        "nn": "arbeidsboka er skadd og kan ikkje lesast; last henne ned eller eksporter henne på nytt",
        "en": "the workbook is damaged and cannot be read; download or export it again",
    },
    "zip-not-workbook": {
        "nb": "dette er en ZIP-fil, men ikke en Excel-arbeidsbok; eksporter fra SurveyXact er .xlsx-, .xml- eller CSV-filer",
        "nn": "dette er ei ZIP-fil, men ikkje ei Excel-arbeidsbok; eksportar frå SurveyXact er .xlsx-, .xml- eller CSV-filer",
        "en": "this is a ZIP file but not an Excel workbook; SurveyXact exports are .xlsx, .xml or CSV files",
    },
    "xml-not-workbook": {
        "nb": "en XML-fil som ikke er en Excel 2003 XML-arbeidsbok",
        "nn": "ei XML-fil som ikkje er ei Excel 2003 XML-arbeidsbok",
        "en": "an XML file that is not an Excel 2003 XML workbook",
    },
    "xml-bad-index": {
        "nb": "XML-arbeidsboka har et ugyldig rad- eller cellenummer; eksporter den på nytt",
        "nn": "XML-arbeidsboka har eit ugyldig rad- eller cellenummer; eksporter henne på nytt",
        "en": "the XML workbook has an invalid row or cell index; export it again",
    },
    "no-dataset-sheet": {
        "nb": "ikke en SurveyXact-eksport: arbeidsboka har ikke noe ark som heter «Dataset» (arkene er: {sheets}); eksporter dataene fra SurveyXact som Excel med Dataset, Labels og Structure",
        "nn": "ikkje ein SurveyXact-eksport: arbeidsboka har ikkje noko ark som heiter «Dataset» (arka er: {sheets}); eksporter dataa frå SurveyXact som Excel med Dataset, Labels og Structure",
        "en": "not a SurveyXact export: the workbook has no sheet named 'Dataset' (its sheets: {sheets}); export the data from SurveyXact as Excel with Dataset, Labels and Structure",
    },
    "no-dataset-file": {
        "nb": "ikke en SurveyXact-eksport: ingen datasett-fil blant {files} (det trengs en dataset.csv med én rad per svarperson, og labels.csv og structure.csv ved siden av)",
        "nn": "ikkje ein SurveyXact-eksport: inga datasett-fil blant {files} (det trengst ei dataset.csv med éi rad per svarperson, og labels.csv og structure.csv ved sida av)",
        "en": "not a SurveyXact export: no dataset file among {files} (expected dataset.csv with one row per respondent, and labels.csv and structure.csv beside it)",
    },
    "csv-role-twice": {
        "nb": "to {role}-filer: {first} og denne; importer én eksport om gangen",
        "nn": "to {role}-filer: {first} og denne; importer éin eksport om gongen",
        "en": "two {role} files: {first} and this one; import one export at a time",
    },
    "csv-unsplittable": {
        "nb": "kan ikke dele linja opp i felt (et anførselstegn som ikke er lukket?); eksporter fila på nytt",
        "nn": "kan ikkje dele linja opp i felt (eit hermeteikn som ikkje er lukka?); eksporter fila på nytt",
        "en": "cannot split the line into fields (an unclosed quote?); export the file again",
    },
    "row-too-wide": {
        "nb": "raden har {fields} felt, men overskriftsraden har {header}; et skilletegn inne i en tekst uten anførselstegn? Eksporter fila på nytt",
        "nn": "rada har {fields} felt, men overskriftsrada har {header}; eit skiljeteikn inne i ein tekst utan hermeteikn? Eksporter fila på nytt",
        "en": "this row has {fields} fields but the header has {header}; a separator inside an unquoted text? Export the file again",
    },
    "row-too-short": {
        "nb": "raden har {fields} felt, men overskriftsraden har {header} (raden er kuttet, eller fila er redigert)",
        "nn": "rada har {fields} felt, men overskriftsrada har {header} (rada er kutta, eller fila er redigert)",
        "en": "this row has {fields} fields but the header has {header} (the row is cut short or the file was edited)",
    },
    "dataset-empty": {
        "nb": "datasettet er tomt (ingen overskriftsrad og ingen svarpersoner)",
        "nn": "datasettet er tomt (inga overskriftsrad og ingen svarpersonar)",
        "en": "the dataset is empty (no header row and no respondents)",
    },
    "dataset-no-respondents": {
        "nb": "datasettet har en overskriftsrad, men ingen svarpersoner",
        "nn": "datasettet har ei overskriftsrad, men ingen svarpersonar",
        "en": "the dataset has a header but no respondents",
    },
    "column-unnamed": {
        "nb": "denne kolonnen i datasettet har ikke noe navn i overskriftsraden",
        "nn": "denne kolonnen i datasettet har ikkje noko namn i overskriftsrada",
        "en": "this dataset column has no name in the header row",
    },
    "not-a-variable-name": {
        "nb": "ikke et SurveyXact-datasett: «{name}» i første rad er ikke et variabelnavn (første rad i et datasett navngir variablene, som s_1 eller statoverall_4)",
        "nn": "ikkje eit SurveyXact-datasett: «{name}» i første rad er ikkje eit variabelnamn (første rad i eit datasett namngjev variablane, som s_1 eller statoverall_4)",
        "en": "not a SurveyXact dataset: '{name}' in the first row is not a variable name (the first row of a dataset names the variables, like s_1 or statoverall_4)",
    },
    "column-twice-in-export": {
        "nb": "kolonnenavnet «{name}» står to ganger (også i {first})",
        "nn": "kolonnenamnet «{name}» står to gonger (òg i {first})",
        "en": "the column name '{name}' appears twice (also at {first})",
    },
    "column-again-other-values": {
        "nb": "kolonnenavnet «{name}» står igjen med andre verdier (også i arket «{sheet}»)",
        "nn": "kolonnenamnet «{name}» står igjen med andre verdiar (òg i arket «{sheet}»)",
        "en": "the column name '{name}' appears again with other values (also in sheet '{sheet}')",
    },
    "structure-no-variable-name": {
        "nb": "Structure-tabellen har ingen kolonne `variableName` i overskriftsraden",
        "nn": "Structure-tabellen har ingen kolonne `variableName` i overskriftsrada",
        "en": "the Structure table has no `variableName` column in its header row",
    },
    "choice-value-not-whole": {
        "nb": "choiceValue «{value}» er ikke et helt tall",
        "nn": "choiceValue «{value}» er ikkje eit heilt tal",
        "en": "choiceValue '{value}' is not a whole number",
    },
    "label-without-code": {
        "nb": "etikettraden for «{variable}» har ingen kode",
        "nn": "etikettrada for «{variable}» har ingen kode",
        "en": "the label row for '{variable}' has no code",
    },
    "label-code-not-whole": {
        "nb": "koden «{value}» for «{variable}» er ikke et helt tall",
        "nn": "koden «{value}» for «{variable}» er ikkje eit heilt tal",
        "en": "the code '{value}' of '{variable}' is not a whole number",
    },
    "cell-not-code": {
        "nb": "«{value}» i kolonnen «{column}» er ikke en kode (et helt tall)",
        "nn": "«{value}» i kolonnen «{column}» er ikkje ein kode (eit heilt tal)",
        "en": "'{value}' in column '{column}' is not a code (a whole number)",
    },
    "checkbox-not-binary": {
        "nb": "{value} i avkrysningskolonnen «{column}»; bare 0 (ikke valgt) og 1 (valgt) er mulig",
        "nn": "{value} i avkryssingskolonnen «{column}»; berre 0 (ikkje valt) og 1 (valt) er mogleg",
        "en": "{value} in checkbox column '{column}'; only 0 (not chosen) and 1 (chosen) are possible",
    },
    "cell-not-number": {
        "nb": "«{value}» i kolonnen «{column}» er ikke et tall",
        "nn": "«{value}» i kolonnen «{column}» er ikkje eit tal",
        "en": "'{value}' in column '{column}' is not a number",
    },
    "nobody-answered": {
        "nb": "datasettet har {rows} rader, men ingen svarte på noe spørsmål (ingen rad med status «delvis» eller «fullført», og ingen svar)",
        "nn": "datasettet har {rows} rader, men ingen svarte på noko spørsmål (inga rad med status «delvis» eller «fullført», og ingen svar)",
        "en": "the dataset has {rows} rows but nobody answered any question (no row with status 'partial' or 'completed', and no answers)",
    },
    # what `hkh import` noticed (warnings)
    "import-lost-characters": {
        "nb": "{file}: noen tekster har «?» der et tegn kan ha gått tapt i en Windows-1252-eksport; en Excel- eller Unicode-eksport tar vare på dem",
        "nn": "{file}: nokre tekstar har «?» der eit teikn kan ha gått tapt i ein Windows-1252-eksport; ein Excel- eller Unicode-eksport tek vare på dei",
        "en": "{file}: some texts contain '?' where a character may have been lost in a Windows-1252 export; an Excel or Unicode export keeps them",
    },
    "import-no-structure-no-labels": {
        "nb": "eksporten har verken Structure eller Labels: spørsmålene får navn etter kolonnene, og svarene er bare koder (eksporter på nytt med Labels og Structure for spørsmålstekster og svaralternativer)",
        "nn": "eksporten har verken Structure eller Labels: spørsmåla får namn etter kolonnane, og svara er berre kodar (eksporter på nytt med Labels og Structure for spørsmålstekstar og svaralternativ)",
        "en": "the export has no Structure and no Labels: questions are named by their columns and answers are codes only (export again with Labels and Structure for question texts and value labels)",
    },
    "import-no-structure": {
        "nb": "eksporten har ingen Structure: spørsmålstypene er gjettet ut fra svarene",
        "nn": "eksporten har ingen Structure: spørsmålstypane er gjetta ut frå svara",
        "en": "the export has no Structure: question types are guessed from the answers",
    },
    "import-no-labels": {
        "nb": "eksporten har ingen Labels: svaralternativene vises bare som koder",
        "nn": "eksporten har ingen Labels: svaralternativa blir viste berre som kodar",
        "en": "the export has no Labels: options are shown as codes only",
    },
    "import-structure-extra": {
        "nb": "{n} variabler i Structure finnes ikke i datasettet og hoppes over ({variables})",
        "nn": "{n} variablar i Structure finst ikkje i datasettet og blir hoppa over ({variables})",
        "en": "{n} variables in Structure are not in the dataset and are skipped ({variables})",
    },
    "import-columns-guessed": {
        "nb": "{n} kolonner i datasettet står ikke i Structure; typene deres er gjettet ({columns})",
        "nn": "{n} kolonnar i datasettet står ikkje i Structure; typane deira er gjetta ({columns})",
        "en": "{n} dataset columns are not in Structure; their types are guessed ({columns})",
    },
    "import-dates-as-text": {
        "nb": "{n} verdier i datokolonnen «{column}» er ikke datoer; de er beholdt som tekst",
        "nn": "{n} verdiar i datokolonnen «{column}» er ikkje datoar; dei er haldne på som tekst",
        "en": "{n} values of date column '{column}' are not dates; kept as text",
    },
    "import-codes-unlabelled": {
        "nb": "{question}: kodene {codes} har ingen etikett (lagt til som koder; et svaralternativ lagt til under innsamlingen?)",
        "nn": "{question}: kodane {codes} har ingen etikett (lagde til som kodar; eit svaralternativ lagt til under innsamlinga?)",
        "en": "{question}: codes {codes} have no label (added as codes; an option added during fieldwork?)",
    },
    "import-no-value-labels": {
        "nb": "{question}: ingen etiketter for svarene; alternativene vises som koder",
        "nn": "{question}: ingen etikettar for svara; alternativa blir viste som kodar",
        "en": "{question}: no value labels; options are shown as codes",
    },
}
