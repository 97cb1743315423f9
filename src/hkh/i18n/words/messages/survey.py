"""Imported surveys: answers and codebooks on disk, figures cited as evidence, tables and breakdowns
(`hkh.survey.store`, `.evidence`, `.tables`, `.bases`, `.checks`, `.importing`)."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    "survey-record-unreadable": {
        "nb": "lista over publiserte tabeller fra undersøkelsen kan ikke leses ({reason}); den sier hvilke tall hkh har skjult, så hkh publiserer ikke uten den. Hent den fra en sikkerhetskopi, eller importer undersøkelsen på nytt for å begynne en ny liste (`hkh docs privacy`)",
        "nn": "lista over publiserte tabellar frå undersøkinga kan ikkje lesast ({reason}); ho seier kva tal hkh har skjult, så hkh publiserer ikkje utan ho. Hent ho frå ein tryggleikskopi, eller importer undersøkinga på nytt for å byrje ei ny liste (`hkh docs privacy`)",
        "en": "the record of the survey tables published cannot be read ({reason}); it says which counts hkh has hidden, so hkh will not publish without it. Restore it from a backup, or import the survey again to start a new record (`hkh docs privacy`)",
    },
    "codebook-missing": {
        "nb": "undersøkelsen har ingen kodebok; kjør `hkh import` på nytt",
        "nn": "undersøkinga har inga kodebok; køyr `hkh import` på nytt",
        "en": "the survey has no codebook; run `hkh import` again",
    },
    "codebook-empty": {
        "nb": "kodeboka er tom eller ødelagt; kjør `hkh import` på nytt",
        "nn": "kodeboka er tom eller øydelagd; køyr `hkh import` på nytt",
        "en": "the codebook is empty or broken; run `hkh import` again",
    },
    "codebook-invalid": {
        "nb": "kodeboka kan ikke leses: {detail}; angre endringen, eller kjør `hkh import` på nytt",
        "nn": "kodeboka kan ikkje lesast: {detail}; angre endringa, eller køyr `hkh import` på nytt",
        "en": "the codebook cannot be read: {detail}; undo the edit, or run `hkh import` again",
    },
    "option-column-foreign": {
        "nb": "alternativ {code} i `{question}` viser til kolonnen `{variable}`, som ikke hører til spørsmålet",
        "nn": "alternativ {code} i `{question}` viser til kolonnen `{variable}`, som ikkje høyrer til spørsmålet",
        "en": "option {code} of `{question}` names the column `{variable}`, which is not among the question's columns",
    },
    "answers-missing": {
        "nb": "svarene i undersøkelsen mangler; kjør `hkh import` på nytt",
        "nn": "svara i undersøkinga manglar; køyr `hkh import` på nytt",
        "en": "the survey's answers are missing; run `hkh import` again",
    },
    "answers-unreadable": {
        "nb": "kan ikke lese svarene; kjør `hkh import` på nytt",
        "nn": "kan ikkje lese svara; køyr `hkh import` på nytt",
        "en": "cannot read the answers; run `hkh import` again",
    },
    "answers-column-missing": {
        "nb": "svarene mangler kolonnen «{column}» som kodeboka nevner; kjør `hkh import` på nytt",
        "nn": "svara manglar kolonnen «{column}» som kodeboka nemner; køyr `hkh import` på nytt",
        "en": "the answers have no column '{column}' that the codebook lists; run `hkh import` again",
    },
    "answers-not-code": {
        "nb": "«{value}» i kolonnen «{column}» er ikke en kode (et helt tall)",
        "nn": "«{value}» i kolonnen «{column}» er ikkje ein kode (eit heilt tal)",
        "en": "'{value}' in column '{column}' is not a code (a whole number)",
    },
    "answers-not-number": {
        "nb": "kolonnen «{column}» har «{value}», som ikke er et tall",
        "nn": "kolonnen «{column}» har «{value}», som ikkje er eit tal",
        "en": "column '{column}' holds '{value}', which is not a number",
    },
    "answers-codes-not-whole": {
        "nb": "kolonnen «{column}» har koder som ikke er hele tall",
        "nn": "kolonnen «{column}» har kodar som ikkje er heile tal",
        "en": "column '{column}' holds codes that are not whole numbers",
    },
    "survey-no-question": {
        "nb": "undersøkelsen `{source}` har ikke noe spørsmål `{question}`",
        "nn": "undersøkinga `{source}` har ikkje noko spørsmål `{question}`",
        "en": "the survey `{source}` has no question `{question}`",
    },
    "survey-not-imported": {
        "nb": "undersøkelsen `{source}` er ikke importert; kjør `hkh import EKSPORT --source {source}`",
        "nn": "undersøkinga `{source}` er ikkje importert; køyr `hkh import EKSPORT --source {source}`",
        "en": "the survey `{source}` has not been imported; run `hkh import EXPORT --source {source}`",
    },
    "no-survey-imported": {
        "nb": "ingen undersøkelse er importert ennå; kjør `hkh import EKSPORT` først",
        "nn": "inga undersøking er importert enno; køyr `hkh import EKSPORT` først",
        "en": "no survey has been imported yet; run `hkh import EXPORT` first",
    },
    "several-surveys": {
        "nb": "flere undersøkelser er importert ({surveys}); velg én med --source",
        "nn": "fleire undersøkingar er importerte ({surveys}); vel éi med --source",
        "en": "several surveys are imported ({surveys}); choose one with --source",
    },
    "by-unknown": {
        "nb": "--by {by}: undersøkelsen `{source}` har ikke noe slikt spørsmål eller variabel (velg blant: {known})",
        "nn": "--by {by}: undersøkinga `{source}` har ikkje noko slikt spørsmål eller variabel (vel mellom: {known})",
        "en": "--by {by}: no such question or variable in survey `{source}` (choose from: {known})",
    },
    "by-not-single-choice": {
        "nb": "--by {by}: `{question}` er ikke et spørsmål med ett svar ({kind}); del opp etter et bakgrunnsspørsmål med ett svar, som kjønn eller aldersgruppe",
        "nn": "--by {by}: `{question}` er ikkje eit spørsmål med eitt svar ({kind}); del opp etter eit bakgrunnsspørsmål med eitt svar, som kjønn eller aldersgruppe",
        "en": "--by {by}: `{question}` is not a single-choice question ({kind}); break down by a single-choice background question such as gender or age group",
    },
    "by-groups-too-small": {
        "nb": "--by {by}: hver gruppe har færre enn {min_cell} svarpersoner, så en oppdeling ville avsløre hvem folk er; velg et bredere bakgrunnsspørsmål",
        "nn": "--by {by}: kvar gruppe har færre enn {min_cell} svarpersonar, så ei oppdeling ville avsløre kven folk er; vel eit breiare bakgrunnsspørsmål",
        "en": "--by {by}: every group has fewer than {min_cell} respondents, so a breakdown would identify people; choose a broader background question",
    },
    "question-unknown-similar": {
        "nb": "undersøkelsen `{source}` har ikke noe spørsmål `{question}`; mente du `{meant}`?",
        "nn": "undersøkinga `{source}` har ikkje noko spørsmål `{question}`; meinte du `{meant}`?",
        "en": "the survey `{source}` has no question `{question}`; did you mean `{meant}`?",
    },
    # evidence citing a survey (findings.yaml)
    "evidence-survey-not-imported": {
        "nb": "kilden `{source}` har ingen importert undersøkelse, så spørsmålet `{question}` kan ikke regnes ut; kjør `hkh import EKSPORT --source {source}`",
        "nn": "kjelda `{source}` har inga importert undersøking, så spørsmålet `{question}` kan ikkje reknast ut; køyr `hkh import EKSPORT --source {source}`",
        "en": "source `{source}` has no imported survey, so question `{question}` cannot be computed; run `hkh import EXPORT --source {source}`",
    },
    "evidence-unknown-question": {
        "nb": "spørsmålet `{question}` finnes ikke i undersøkelsen `{source}` (spørsmålene er: {known})",
        "nn": "spørsmålet `{question}` finst ikkje i undersøkinga `{source}` (spørsmåla er: {known})",
        "en": "question `{question}` is not in survey `{source}` (its questions: {known})",
    },
    "evidence-open-question": {
        "nb": "spørsmålet `{question}` har fritekstsvar; fritekst siteres aldri som tall",
        "nn": "spørsmålet `{question}` har fritekstsvar; fritekst blir aldri sitert som tal",
        "en": "question `{question}` is open text; open answers are never quoted as figures",
    },
    "evidence-option-missing": {
        "nb": "spørsmålet `{question}` har flere svaralternativer; velg ett med `option:` ({options})",
        "nn": "spørsmålet `{question}` har fleire svaralternativ; vel eitt med `option:` ({options})",
        "en": "question `{question}` has several options; name one with `option:` ({options})",
    },
    "evidence-unknown-option": {
        "nb": "`{option}` er ikke et svaralternativ til spørsmålet `{question}` (alternativene er: {options})",
        "nn": "`{option}` er ikkje eit svaralternativ til spørsmålet `{question}` (alternativa er: {options})",
        "en": "`{option}` is not an option of question `{question}` (options: {options})",
    },
    "evidence-multiple-added": {
        "nb": "svaralternativene til flervalgsspørsmålet `{question}` kan ikke legges sammen (én person kan krysse av flere); siter dem ett og ett",
        "nn": "svaralternativa til fleirvalsspørsmålet `{question}` kan ikkje leggjast saman (éin person kan krysse av fleire); siter dei eitt og eitt",
        "en": "options of the multiple-choice question `{question}` cannot be added up (one person may tick several); cite them one by one",
    },
    "evidence-non-substantive-added": {
        "nb": "{options} står utenfor prosentgrunnlaget i `{question}` og kan derfor ikke være med i en andel",
        "nn": "{options} står utanfor prosentgrunnlaget i `{question}` og kan difor ikkje vere med i ein del",
        "en": "{options} is kept out of the percentage base of `{question}`, so it cannot be part of a share",
    },
    # hkh check on surveys
    "question-not-survey": {
        "nb": "`question` hører til kilder som er spørreundersøkelser, men kilden `{source}` har metoden `{method}`",
        "nn": "`question` høyrer til kjelder som er spørjeundersøkingar, men kjelda `{source}` har metoden `{method}`",
        "en": "`question` is for survey sources, but source `{source}` has method `{method}`",
    },
    "survey-not-imported-yet": {
        "nb": "undersøkelsen `{source}` er ikke importert ennå, så spørsmålene kan ikke sjekkes; kjør `hkh import`",
        "nn": "undersøkinga `{source}` er ikkje importert enno, så spørsmåla kan ikkje sjekkast; køyr `hkh import`",
        "en": "survey `{source}` is not imported yet, so its questions cannot be checked; run `hkh import`",
    },
    "unknown-question": {
        "nb": "spørsmålet `{question}` står ikke i kodeboka til undersøkelsen `{source}`",
        "nn": "spørsmålet `{question}` står ikkje i kodeboka til undersøkinga `{source}`",
        "en": "question `{question}` is not in the codebook of survey `{source}`",
    },
    "unknown-option": {
        "nb": "`{option}` er ikke et svaralternativ til spørsmålet `{question}` (alternativene er: {options})",
        "nn": "`{option}` er ikkje eit svaralternativ til spørsmålet `{question}` (alternativa er: {options})",
        "en": "`{option}` is not an option of question `{question}` (options: {options})",
    },
    "survey-not-registered": {
        "nb": "{folder}/ inneholder en importert undersøkelse som sources.yaml ikke nevner; importer den på nytt (`hkh import … --source {source}`), eller slett mappa",
        "nn": "{folder}/ inneheld ei importert undersøking som sources.yaml ikkje nemner; importer henne på nytt (`hkh import … --source {source}`), eller slett mappa",
        "en": "{folder}/ holds an imported survey that sources.yaml does not list; import it again (`hkh import … --source {source}`) or delete the folder",
    },
    "git-tracks-raw": {
        "nb": "git tar vare på denne råeksporten, som inneholder personopplysninger; ta den ut av git med `git rm --cached {file}` (data/raw/.gitignore holder den ute etterpå)",
        "nn": "git tek vare på denne råeksporten, som inneheld personopplysningar; ta han ut av git med `git rm --cached {file}` (data/raw/.gitignore held han ute etterpå)",
        "en": "git keeps this raw export, which holds personal data; take it out of git with `git rm --cached {file}` (data/raw/.gitignore keeps it out afterwards)",
    },
    "git-tracks-open-answers": {
        "nb": "git tar vare på svarene i undersøkelsen, også fritekstsvarene (personopplysninger); ta fila ut av git med `git rm --cached {file}`, og hold data/survey/ utenfor (se `hkh docs check`)",
        "nn": "git tek vare på svara i undersøkinga, òg fritekstsvara (personopplysningar); ta fila ut av git med `git rm --cached {file}`, og hald data/survey/ utanfor (sjå `hkh docs check`)",
        "en": "git keeps the survey's answers, open-text answers too (personal data); take the file out of git with `git rm --cached {file}` and keep data/survey/ out (see `hkh docs check`)",
    },
    "git-tracks-answers": {
        "nb": "git tar vare på svarene i undersøkelsen (personopplysninger); ta fila ut av git med `git rm --cached {file}`, og hold data/survey/ utenfor (se `hkh docs check`)",
        "nn": "git tek vare på svara i undersøkinga (personopplysningar); ta fila ut av git med `git rm --cached {file}`, og hald data/survey/ utanfor (sjå `hkh docs check`)",
        "en": "git keeps the survey's answers (personal data); take the file out of git with `git rm --cached {file}` and keep data/survey/ out (see `hkh docs check`)",
    },
    # hkh import
    "raw-copy-differs": {
        "nb": "en annen fil med dette navnet ligger allerede i data/raw/; gi eksporten et nytt navn, eller legg til --force for å erstatte den gamle kopien",
        "nn": "ei anna fil med dette namnet ligg alt i data/raw/; gje eksporten eit nytt namn, eller legg til --force for å byte ut den gamle kopien",
        "en": "a different file of this name is already in data/raw/; rename the export, or add --force to replace the old copy",
    },
    "import-title-needed": {
        "nb": "eksporten sier ikke hva undersøkelsen heter, og et filnavn er ingen tittel i en rapport: oppgi tittelen med `--title`, for eksempel `hkh import {export} --title \"Spørreundersøkelse blant brukere 2020\"`",
        "nn": "eksporten seier ikkje kva undersøkinga heiter, og eit filnamn er ingen tittel i ein rapport: oppgje tittelen med `--title`, til dømes `hkh import {export} --title \"Spørjeundersøking blant brukarar 2020\"`",
        "en": "the export does not name the survey, and a file name is no title for a report: give the title with `--title`, for example `hkh import {export} --title \"Survey of service users 2020\"`",
    },
    "survey-already-imported": {
        "nb": "undersøkelsen `{source}` er allerede importert ({folder}/); gi en ny runde sin egen id (--source {next}), eller legg til --replace for å erstatte den importerte",
        "nn": "undersøkinga `{source}` er alt importert ({folder}/); gje ei ny runde sin eigen id (--source {next}), eller legg til --replace for å byte ut den importerte",
        "en": "the survey `{source}` is already imported ({folder}/); give a new round its own id (--source {next}), or add --replace to replace the imported one",
    },
    "source-id-invalid": {
        "nb": "`{source}` kan ikke være en kilde-id (bruk bokstaver, sifre, `_`, `-` og `.`); velg en med --source",
        "nn": "`{source}` kan ikkje vere ein kjelde-id (bruk bokstavar, siffer, `_`, `-` og `.`); vel ein med --source",
        "en": "`{source}` cannot be a source id (use letters, digits, `_`, `-` and `.`); choose one with --source",
    },
    "source-other-method": {
        "nb": "kilden `{source}` står i sources.yaml med metoden `{method}`, ikke `{wanted}`; velg en annen id med --source",
        "nn": "kjelda `{source}` står i sources.yaml med metoden `{method}`, ikkje `{wanted}`; vel ein annan id med --source",
        "en": "the source `{source}` is registered with method `{method}`, not `{wanted}`; choose another id with --source",
    },
}
