"""`hkh check`: references between the project files that do not meet (`hkh.project.check`, `hkh.survey.checks`)."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    # what an id belongs to (a value of duplicate-id)
    "kind-mandate": {"nb": "mandatpunkt", "nn": "mandatpunkt", "en": "mandate item"},
    "kind-step": {"nb": "steg", "nn": "steg", "en": "step"},
    "kind-source": {"nb": "kilde", "nn": "kjelde", "en": "source"},
    "kind-effort": {"nb": "innsats", "nn": "innsats", "en": "effort"},
    "kind-finding": {"nb": "funn", "nn": "funn", "en": "finding"},
    "kind-need": {"nb": "behov", "nn": "behov", "en": "need"},
    "kind-goal": {"nb": "delmål", "nn": "delmål", "en": "goal"},
    "kind-measure": {"nb": "tiltak", "nn": "tiltak", "en": "measure"},
    # who a party is in a measure (a value of unknown-party)
    "role-responsible": {"nb": "ansvarlig", "nn": "ansvarleg", "en": "responsible"},
    "role-involved": {"nb": "involvert", "nn": "involvert", "en": "involved"},
    "duplicate-id": {
        "nb": "id-en `{id}` er brukt to ganger ({kind}, første gang på linje {first}); hver id må være unik",
        "nn": "id-en `{id}` er brukt to gonger ({kind}, første gong på linje {first}); kvar id må vere unik",
        "en": "the id `{id}` is used twice ({kind}, first on line {first}); each id must be unique",
    },
    "need-id-is-finding": {
        "nb": "behovs-id-en `{id}` er også id-en til et funn; plan.yaml kan da ikke vite hvilken av dem et tiltak gjelder: gi behovet en annen id",
        "nn": "behovs-id-en `{id}` er òg id-en til eit funn; plan.yaml kan då ikkje vite kva for ein av dei eit tiltak gjeld: gje behovet ein annan id",
        "en": "the need id `{id}` is also a finding's id; plan.yaml could not tell which one a measure addresses: give the need another id",
    },
    "step-without-end": {
        "nb": "steget `{step}` er ferdig (`done`), men mangler `end`; skriv datoen det ble ferdig, som `end: 2025-03`",
        "nn": "steget `{step}` er ferdig (`done`), men manglar `end`; skriv datoen det vart ferdig, som `end: 2025-03`",
        "en": "step `{step}` is done but has no `end`; write the date it ended, like `end: 2025-03`",
    },
    "step-dates": {
        "nb": "steget `{step}` slutter ({end}) før det begynner ({start}); se over datoene",
        "nn": "steget `{step}` sluttar ({end}) før det byrjar ({start}); sjå over datoane",
        "en": "step `{step}` ends ({end}) before it starts ({start}); look over the dates",
    },
    "steps-order": {
        "nb": "stegene står i feil rekkefølge: `{step}` skal komme før `{other}`; HKH-rekkefølgen er {order}",
        "nn": "stega står i feil rekkjefølgje: `{step}` skal kome før `{other}`; HKH-rekkjefølgja er {order}",
        "en": "the steps are out of order: `{step}` should come before `{other}`; the HKH order is {order}",
    },
    "steps-state-order": {
        "nb": "stegene står i feil rekkefølge: `{step}` er `{state}`, mens det tidligere steget `{other}` ikke er påbegynt",
        "nn": "stega står i feil rekkjefølgje: `{step}` er `{state}`, medan det tidlegare steget `{other}` ikkje er byrja på",
        "en": "the steps are out of order: `{step}` is `{state}` while the earlier step `{other}` is not started",
    },
    "source-raw-missing": {
        "nb": "kilden `{source}`: rådatafila `{file}` finnes ikke i denne kopien av prosjektet (data/raw/ holdes utenfor git); de importerte dataene i data/survey/ brukes",
        "nn": "kjelda `{source}`: rådatafila `{file}` finst ikkje i denne kopien av prosjektet (data/raw/ blir halden utanfor git); dei importerte dataa i data/survey/ blir brukte",
        "en": "source `{source}`: the raw file `{file}` is not in this copy of the project (data/raw/ is kept out of git); the imported data in data/survey/ is used",
    },
    "source-file-missing": {
        "nb": "kilden `{source}`: fila `{file}` finnes ikke (stien regnes fra prosjektmappa)",
        "nn": "kjelda `{source}`: fila `{file}` finst ikkje (stien blir rekna frå prosjektmappa)",
        "en": "source `{source}`: the file `{file}` does not exist (paths are relative to the project folder)",
    },
    "source-file-nul": {
        "nb": "kilden `{source}`: filnavnet `{file}` inneholder et NUL-tegn, som ingen fil kan ha; fjern det",
        "nn": "kjelda `{source}`: filnamnet `{file}` inneheld eit NUL-teikn, som inga fil kan ha; fjern det",
        "en": "source `{source}`: the file name `{file}` holds a NUL character, which no file can have; remove it",
    },
    "source-file-name-too-long": {
        "nb": "kilden `{source}`: et mappe- eller filnavn i `{file}` er lengre enn filsystemet tillater (255 byte); gjør det kortere",
        "nn": "kjelda `{source}`: eit mappe- eller filnamn i `{file}` er lengre enn filsystemet tillèt (255 byte); gjer det kortare",
        "en": "source `{source}`: a folder or file name in `{file}` is longer than the file system allows (255 bytes); shorten it",
    },
    "source-file-unreadable": {
        "nb": "kilden `{source}`: fila `{file}` kan ikke slås opp ({reason}); sjekk stien",
        "nn": "kjelda `{source}`: fila `{file}` kan ikkje slåast opp ({reason}); sjekk stien",
        "en": "source `{source}`: the file `{file}` cannot be looked up ({reason}); check the path",
    },
    "source-title-file-name": {
        "nb": "tittelen til kilden `{source}` er et filnavn (`{title}`); skriv undersøkelsens virkelige navn, slik rapporten skal bruke det",
        "nn": "tittelen til kjelda `{source}` er eit filnamn (`{title}`); skriv det verkelege namnet på undersøkinga, slik rapporten skal bruke det",
        "en": "the title of source `{source}` is a file name (`{title}`); write the survey's real name, as the report should give it",
    },
    "source-unused": {
        "nb": "ingen funn viser til kilden `{source}`",
        "nn": "ingen funn viser til kjelda `{source}`",
        "en": "no finding cites the source `{source}`",
    },
    "unknown-source": {
        "nb": "kilden `{source}` står ikke i sources.yaml; rett id-en, eller legg til kilden der",
        "nn": "kjelda `{source}` står ikkje i sources.yaml; rett id-en, eller legg til kjelda der",
        "en": "the source `{source}` is not in sources.yaml; correct the id, or add the source there",
    },
    "hours-spillover": {
        "nb": "`;` foran `{next_day}` visker ut timene etter midnatt fra {day}; bruk `,` (for eksempel `Fr 20:00-04:00, Sa 20:00-04:00`) så natta varer",
        "nn": "`;` framfor `{next_day}` viskar ut timane etter midnatt frå {day}; bruk `,` (til dømes `Fr 20:00-04:00, Sa 20:00-04:00`) så natta varer",
        "en": "the `;` before `{next_day}` wipes out {day}'s hours after midnight; use `,` (for example `Fr 20:00-04:00, Sa 20:00-04:00`) so that the night runs on",
    },
    "unknown-mandate": {
        "nb": "funnet `{finding}` viser til mandatpunktet `{mandate}`, som ikke står under `mandate` i hkh.yaml (der står: {known})",
        "nn": "funnet `{finding}` viser til mandatpunktet `{mandate}`, som ikkje står under `mandate` i hkh.yaml (der står: {known})",
        "en": "finding `{finding}` names the mandate item `{mandate}`, which is not under `mandate` in hkh.yaml (those are: {known})",
    },
    "unknown-mandate-none": {
        "nb": "funnet `{finding}` viser til mandatpunktet `{mandate}`, men hkh.yaml har ingen `mandate`",
        "nn": "funnet `{finding}` viser til mandatpunktet `{mandate}`, men hkh.yaml har ingen `mandate`",
        "en": "finding `{finding}` names the mandate item `{mandate}`, but hkh.yaml has no `mandate`",
    },
    "finding-without-evidence": {
        "nb": "funnet `{finding}` har ingen belegg (`evidence`)",
        "nn": "funnet `{finding}` har ingen belegg (`evidence`)",
        "en": "finding `{finding}` has no evidence",
    },
    "finding-unaddressed": {
        "nb": "ingen tiltak i plan.yaml gjelder funnet `{finding}` (og det står ikke under `follow_up`)",
        "nn": "ingen tiltak i plan.yaml gjeld funnet `{finding}` (og det står ikkje under `follow_up`)",
        "en": "no measure in plan.yaml addresses finding `{finding}` (nor is it listed under `follow_up`)",
    },
    "unknown-finding": {
        "nb": "tiltak {measure} gjelder `{item}`, som verken er et funn eller et behov i findings.yaml; rett id-en",
        "nn": "tiltak {measure} gjeld `{item}`, som verken er eit funn eller eit behov i findings.yaml; rett id-en",
        "en": "measure {measure} addresses `{item}`, which is neither a finding nor a need in findings.yaml; correct the id",
    },
    "follow-up-unknown-finding": {
        "nb": "`follow_up` viser til funnet `{finding}`, som ikke står i findings.yaml; rett id-en",
        "nn": "`follow_up` viser til funnet `{finding}`, som ikkje står i findings.yaml; rett id-en",
        "en": "`follow_up` names the finding `{finding}`, which is not in findings.yaml; correct the id",
    },
    "unknown-party": {
        "nb": "tiltak {measure}: {role} part `{party}` er verken en organisasjon eller et tilbud i efforts.yaml, eller oppført under `parties` i hkh.yaml",
        "nn": "tiltak {measure}: {role} part `{party}` er verken ein organisasjon eller eit tilbod i efforts.yaml, eller oppført under `parties` i hkh.yaml",
        "en": "measure {measure}: the {role} party `{party}` is neither an organisation or effort in efforts.yaml nor listed under `parties` in hkh.yaml",
    },
}
