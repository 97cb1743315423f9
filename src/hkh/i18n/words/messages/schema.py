"""A project file whose values do not fit: what is wrong with the value, and what to write (`hkh.project.schema`)."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    "project-not-found": {
        "nb": "finner ingen hkh.yaml her eller i mappene over; oppgi prosjektet med -p MAPPE, eller lag et nytt med `hkh init MAPPE`",
        "nn": "finn inga hkh.yaml her eller i mappene over; oppgi prosjektet med -p MAPPE, eller lag eit nytt med `hkh init MAPPE`",
        "en": "no hkh.yaml here or in any folder above; name the project with -p DIR or create one with `hkh init DIR`",
    },
    "project-not-here": {
        "nb": "mappa har ingen hkh.yaml; lag en kartlegging med `hkh init {folder}`",
        "nn": "mappa har inga hkh.yaml; lag ei kartlegging med `hkh init {folder}`",
        "en": "this folder holds no hkh.yaml; create a mapping with `hkh init {folder}`",
    },
    "folder-missing": {"nb": "mappa finnes ikke", "nn": "mappa finst ikkje", "en": "no such folder"},
    "project-invalid_one": {
        "nb": "{first} (og {n} problem til: kjør `hkh check`)",
        "nn": "{first} (og {n} problem til: køyr `hkh check`)",
        "en": "{first} (and {n} more problem: run `hkh check`)",
    },
    "project-invalid_other": {
        "nb": "{first} (og {n} problemer til: kjør `hkh check`)",
        "nn": "{first} (og {n} problem til: køyr `hkh check`)",
        "en": "{first} (and {n} more problems: run `hkh check`)",
    },
    "file-empty": {
        "nb": "fila er tom; `hkh init` skriver en mal med forklaringer",
        "nn": "fila er tom; `hkh init` skriv ein mal med forklaringar",
        "en": "the file is empty; `hkh init` writes a template with explanations",
    },
    "file-starts-with-list": {
        "nb": "fila skal begynne med `{key}:` og så lista under",
        "nn": "fila skal byrje med `{key}:` og så lista under",
        "en": "the file must start with `{key}:` and then the list",
    },
    "file-not-fields": {
        "nb": "fila skal inneholde navngitte felt (`felt: verdi`), ikke en enkelt verdi",
        "nn": "fila skal innehalde namngjevne felt (`felt: verdi`), ikkje ein einskild verdi",
        "en": "the file must hold named fields (`field: value`), not a single value",
    },
    "field-missing": {
        "nb": "`{field}` mangler; skriv `{field}: …` her",
        "nn": "`{field}` manglar; skriv `{field}: …` her",
        "en": "`{field}` is missing; write `{field}: …` here",
    },
    "field-unknown-similar": {
        "nb": "hkh kjenner ikke feltet `{field}`; mente du `{meant}`?",
        "nn": "hkh kjenner ikkje feltet `{field}`; meinte du `{meant}`?",
        "en": "hkh does not know the field `{field}`; did you mean `{meant}`?",
    },
    "field-unknown": {
        "nb": "hkh kjenner ikke feltet `{field}` her; feltene her er: {known} (se `hkh docs project-folder`)",
        "nn": "hkh kjenner ikkje feltet `{field}` her; felta her er: {known} (sjå `hkh docs project-folder`)",
        "en": "hkh does not know the field `{field}` here; the fields here are: {known} (see `hkh docs project-folder`)",
    },
    "text-is-number": {
        "nb": "`{field}: {input}` leses som et tall, men `{field}` er en tekst; sett det i anførselstegn: `{field}: {quoted}`",
        "nn": "`{field}: {input}` blir lese som eit tal, men `{field}` er ein tekst; set det i hermeteikn: `{field}: {quoted}`",
        "en": "`{field}: {input}` is read as a number, but `{field}` is a text; put it in quotes: `{field}: {quoted}`",
    },
    "text-is-yes-no": {
        "nb": "`{field}: {input}` leses som ja/nei, men `{field}` er en tekst; sett det i anførselstegn: `{field}: {quoted}`",
        "nn": "`{field}: {input}` blir lese som ja/nei, men `{field}` er ein tekst; set det i hermeteikn: `{field}: {quoted}`",
        "en": "`{field}: {input}` is read as yes/no, but `{field}` is a text; put it in quotes: `{field}: {quoted}`",
    },
    "text-has-colon": {
        "nb": "YAML leser `{input}` som et felt på grunn av `: `; sett teksten i anførselstegn: {quoted}",
        "nn": "YAML les `{input}` som eit felt på grunn av `: `; set teksten i hermeteikn: {quoted}",
        "en": "YAML reads `{input}` as a field because of the `: `; put the text in quotes: {quoted}",
    },
    "text-empty": {
        "nb": "`{field}` er tomt; skriv en tekst etter kolonet, eller fjern linja",
        "nn": "`{field}` er tomt; skriv ein tekst etter kolonet, eller fjern linja",
        "en": "`{field}` is empty; write a text after the colon, or remove the line",
    },
    "text-is-list": {
        "nb": "`{field}` tar én tekst, ikke en liste; skriv den på én linje: `{field}: \"…\"`",
        "nn": "`{field}` tek éin tekst, ikkje ei liste; skriv han på éi linje: `{field}: \"…\"`",
        "en": "`{field}` takes one text, not a list; write it on one line: `{field}: \"…\"`",
    },
    "id-too-long": {
        "nb": "`{field}`: en id kan ha høyst {limit} tegn",
        "nn": "`{field}`: ein id kan ha høgst {limit} teikn",
        "en": "`{field}`: an id can have at most {limit} characters",
    },
    "whole-number": {
        "nb": "`{field}` skal være et helt tall, som `{field}: 25`, ikke `{input}`",
        "nn": "`{field}` skal vere eit heilt tal, som `{field}: 25`, ikkje `{input}`",
        "en": "`{field}` must be a whole number, like `{field}: 25`, not `{input}`",
    },
    "yes-no": {
        "nb": "`{field}` er ja eller nei: skriv `true` eller `false` (`ja` og `nei` går også), ikke `{input}`",
        "nn": "`{field}` er ja eller nei: skriv `true` eller `false` (`ja` og `nei` går òg), ikkje `{input}`",
        "en": "`{field}` is yes or no: write `true` or `false` (`ja` and `nei` work too), not `{input}`",
    },
    "number-at-least": {
        "nb": "`{field}` må være minst {limit}",
        "nn": "`{field}` må vere minst {limit}",
        "en": "`{field}` must be at least {limit}",
    },
    "number-at-most": {
        "nb": "`{field}` kan være høyst {limit}",
        "nn": "`{field}` kan vere høgst {limit}",
        "en": "`{field}` can be at most {limit}",
    },
    "date-format": {
        "nb": "`{field}: {input}` skal være en dato skrevet ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, som `2025-03`",
        "nn": "`{field}: {input}` skal vere ein dato skriven ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, som `2025-03`",
        "en": "`{field}: {input}` must be a date written YYYY, YYYY-MM or YYYY-MM-DD, like `2025-03`",
    },
    "id-format": {
        "nb": "`{input}` kan ikke være en id: bruk bare bokstaver, sifre, `_`, `-` og `.` (ingen mellomrom)",
        "nn": "`{input}` kan ikkje vere ein id: bruk berre bokstavar, siffer, `_`, `-` og `.` (ingen mellomrom)",
        "en": "`{input}` cannot be an id: use letters, digits, `_`, `-` and `.` only (no spaces)",
    },
    "column-format": {
        "nb": "`{input}` kan ikke være navnet på en kolonne: bruk små bokstaver, sifre og `_`, og begynn med en bokstav",
        "nn": "`{input}` kan ikkje vere namnet på ein kolonne: bruk små bokstavar, siffer og `_`, og byrj med ein bokstav",
        "en": "`{input}` cannot name a column: use lower-case letters, digits and `_`, starting with a letter",
    },
    "value-not-allowed-similar": {
        "nb": "`{field}: {input}` er ikke en verdi hkh kjenner; mente du `{meant}`?",
        "nn": "`{field}: {input}` er ikkje ein verdi hkh kjenner; meinte du `{meant}`?",
        "en": "`{field}: {input}` is not a value hkh knows; did you mean `{meant}`?",
    },
    "value-not-allowed": {
        "nb": "`{field}: {input}` er ikke en verdi hkh kjenner; skriv en av disse: {allowed}",
        "nn": "`{field}: {input}` er ikkje ein verdi hkh kjenner; skriv ein av desse: {allowed}",
        "en": "`{field}: {input}` is not a value hkh knows; write one of: {allowed}",
    },
    "list-expected": {
        "nb": "`{field}` er en liste: skriv hvert punkt på egen linje med `- ` foran, eller i klammer: `{field}: [a, b]`",
        "nn": "`{field}` er ei liste: skriv kvart punkt på eiga linje med `- ` framfor, eller i klammer: `{field}: [a, b]`",
        "en": "`{field}` is a list: write each item on its own line starting with `- `, or in brackets: `{field}: [a, b]`",
    },
    "fields-expected": {
        "nb": "`{field}` skal inneholde navngitte felt (`felt: verdi`) på linjene under, rykket inn",
        "nn": "`{field}` skal innehalde namngjevne felt (`felt: verdi`) på linjene under, rykte inn",
        "en": "`{field}` must hold named fields (`field: value`) on the lines below it, indented",
    },
    "value-invalid": {
        "nb": "`{field}` kan ikke ha verdien `{input}`; se `hkh docs project-folder`",
        "nn": "`{field}` kan ikkje ha verdien `{input}`; sjå `hkh docs project-folder`",
        "en": "`{field}` cannot have the value `{input}`; see `hkh docs project-folder`",
    },
    # the models' own checks
    "period-reversed": {
        "nb": "perioden slutter ({end}) før den begynner ({start}); bytt om datoene",
        "nn": "perioden sluttar ({end}) før han byrjar ({start}); byt om datoane",
        "en": "the period ends ({end}) before it starts ({start}); swap the dates",
    },
    "valid-reversed": {
        "nb": "`until` ({until}) kommer før `from` ({start}); bytt om datoene",
        "nn": "`until` ({until}) kjem før `from` ({start}); byt om datoane",
        "en": "`until` ({until}) comes before `from` ({start}); swap the dates",
    },
    "age-unreadable": {
        "nb": "`{text}` er ikke en alder hkh kan lese; skriv for eksempel `15-20`, `18+` eller `{{min: 18}}`",
        "nn": "`{text}` er ikkje ein alder hkh kan lese; skriv til dømes `15-20`, `18+` eller `{{min: 18}}`",
        "en": "`{text}` is not an age range hkh can read; write for example `15-20`, `18+` or `{{min: 18}}`",
    },
    "age-reversed": {
        "nb": "aldersspennet slutter ({max}) under der det begynner ({min}); bytt om tallene",
        "nn": "aldersspennet sluttar ({max}) under der det byrjar ({min}); byt om tala",
        "en": "the age range ends ({max}) below where it starts ({min}); swap the numbers",
    },
    "schedule-name-twice": {
        "nb": "to sett med åpningstider (`schedules`) heter `{name}`; gi hvert sitt eget navn",
        "nn": "to sett med opningstider (`schedules`) heiter `{name}`; gje kvart sitt eige namn",
        "en": "two sets of hours (`schedules`) are called `{name}`; give each its own name",
    },
    "robust-below-triangulated": {
        "nb": "`robust` ({robust}) må være minst like stor som `triangulated` ({triangulated})",
        "nn": "`robust` ({robust}) må vere minst like stor som `triangulated` ({triangulated})",
        "en": "`robust` ({robust}) must be at least `triangulated` ({triangulated})",
    },
    "protection-above-min-cell": {
        "nb": "`protection` ({protection}) kan være høyst `min_cell` − 2 ({most}): et tall vist som <{min_cell} ligger mellom 1 og {min_cell} − 1; skriv {most} eller mindre",
        "nn": "`protection` ({protection}) kan vere høgst `min_cell` − 2 ({most}): eit tal vist som <{min_cell} ligg mellom 1 og {min_cell} − 1; skriv {most} eller mindre",
        "en": "`protection` ({protection}) can be at most `min_cell` − 2 ({most}): a count shown as <{min_cell} lies between 1 and {min_cell} − 1; write {most} or less",
    },
    "complete-above-n": {
        "nb": "`n_complete` ({complete}) er større enn `n` ({n}); `n` teller alle som svarte",
        "nn": "`n_complete` ({complete}) er større enn `n` ({n}); `n` tel alle som svarte",
        "en": "`n_complete` ({complete}) is larger than `n` ({n}); `n` counts everyone who answered",
    },
    "columns-without-measure": {
        "nb": "`columns` må ha med `measure`: uten tiltakene er det ingen plan",
        "nn": "`columns` må ha med `measure`: utan tiltaka er det ingen plan",
        "en": "`columns` must include `measure`: without the measures there is no plan",
    },
    "column-twice": {
        "nb": "kolonnen `{column}` står to ganger i `columns`; ta den med én gang",
        "nn": "kolonnen `{column}` står to gonger i `columns`; ta han med éin gong",
        "en": "the column `{column}` is listed twice in `columns`; list it once",
    },
    # opening hours
    "hours-empty": {
        "nb": "åpningstidene er tomme; skriv for eksempel `Mo-Fr 09:00-14:00` eller `24/7`",
        "nn": "opningstidene er tomme; skriv til dømes `Mo-Fr 09:00-14:00` eller `24/7`",
        "en": "the opening hours are empty; write for example `Mo-Fr 09:00-14:00` or `24/7`",
    },
    "hours-unreadable": {
        "nb": "hkh kan ikke lese åpningstidene `{text}`; skriv dem slik OpenStreetMap gjør, som `Mo-Fr 09:00-15:00; Sa 10:00-14:00` (se `hkh docs opening-hours`)",
        "nn": "hkh kan ikkje lese opningstidene `{text}`; skriv dei slik OpenStreetMap gjer, som `Mo-Fr 09:00-15:00; Sa 10:00-14:00` (sjå `hkh docs opening-hours`)",
        "en": "hkh cannot read the opening hours `{text}`; write them as OpenStreetMap does, like `Mo-Fr 09:00-15:00; Sa 10:00-14:00` (see `hkh docs opening-hours`)",
    },
    "hours-suggest": {
        "nb": "hkh kan ikke lese åpningstidene `{text}`; mente du `{osm}`? Skriv `{field}: \"{osm}\"`",
        "nn": "hkh kan ikkje lese opningstidene `{text}`; meinte du `{osm}`? Skriv `{field}: \"{osm}\"`",
        "en": "hkh cannot read the opening hours `{text}`; did you mean `{osm}`? Write `{field}: \"{osm}\"`",
    },
    "hours-suggest-unsure": {
        "nb": "hkh kan ikke lese åpningstidene `{text}`; kanskje `{field}: \"{osm}\"`? Sjekk det først: {reason}",
        "nn": "hkh kan ikkje lese opningstidene `{text}`; kanskje `{field}: \"{osm}\"`? Sjekk det først: {reason}",
        "en": "hkh cannot read the opening hours `{text}`; perhaps `{field}: \"{osm}\"`? Check it first: {reason}",
    },
    "hours-doubt-no-fixed-hours": {
        "nb": "teksten nevner ingen klokkeslett (etter avtale), så forslaget er stengt med teksten som merknad",
        "nn": "teksten nemner ingen klokkeslett (etter avtale), så framlegget er stengt med teksten som merknad",
        "en": "the text names no hours (by appointment), so the suggestion is closed with the text kept as a note",
    },
    "hours-doubt-ambiguous-12h": {
        "nb": "et tidsrom som 9-5 kan være på 12-timersklokka eller gå gjennom natta",
        "nn": "eit tidsrom som 9-5 kan vere på 12-timarsklokka eller gå gjennom natta",
        "en": "a range such as 9-5 may be on a 12-hour clock or run through the night",
    },
    "hours-doubt-day-repeated": {
        "nb": "en dag står i mer enn én regel med ulike tider",
        "nn": "ein dag står i meir enn éin regel med ulike tider",
        "en": "a day is named in more than one rule with different hours",
    },
    "hours-doubt-unpaired": {
        "nb": "noen dager står uten tider, eller noen tider kan høre til flere grupper av dager",
        "nn": "nokre dagar står utan tider, eller nokre tider kan høyre til fleire grupper av dagar",
        "en": "some days have no hours, or some hours could belong to more than one group of days",
    },
    "hours-doubt-by-appointment": {
        "nb": "tidene er lest, men teksten sier også «etter avtale»",
        "nn": "tidene er lesne, men teksten seier òg «etter avtale»",
        "en": "the hours were read, but the text also says 'by appointment'",
    },
    "hours-doubt-ignored-text": {
        "nb": "noen ord ble ikke forstått og er utelatt",
        "nn": "nokre ord vart ikkje forstått og er utelatne",
        "en": "some words were not understood and were left out",
    },
    "hours-doubt-spillover-cancelled": {
        "nb": "en regel etter `;` visker ut timene etter midnatt fra dagen før",
        "nn": "ein regel etter `;` viskar ut timane etter midnatt frå dagen før",
        "en": "a rule after `;` wipes out the hours past midnight of the day before",
    },
    # what `hkh check --fix` did
    "fixed-value": {
        "nb": "skrev `{new}` i stedet for `{old}`",
        "nn": "skreiv `{new}` i staden for `{old}`",
        "en": "wrote `{new}` instead of `{old}`",
    },
    "fixed-key": {
        "nb": "rettet feltnavnet `{old}` til `{new}`",
        "nn": "retta feltnamnet `{old}` til `{new}`",
        "en": "renamed the field `{old}` to `{new}`",
    },
}
