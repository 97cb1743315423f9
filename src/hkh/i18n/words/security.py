"""What hkh says when it refuses hostile or oversized input: files that are not files, sizes beyond its limits, YAML
aliases, control characters, a lock it cannot take, folders that lead out of the project (`hkh docs limits`)."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    # -- files that are not ordinary files, or too large
    "file_missing": {"nb": "filen mangler", "nn": "fila manglar", "en": "file is missing"},
    "file_unreadable": {
        "nb": "kan ikke lese filen ({reason})",
        "nn": "kan ikkje lese fila ({reason})",
        "en": "cannot read the file ({reason})",
    },
    "not_regular_folder": {
        "nb": "dette er en mappe, ikke en fil; oppgi filen",
        "nn": "dette er ei mappe, ikkje ei fil; oppgi fila",
        "en": "this is a folder, not a file; name the file",
    },
    "not_regular_fifo": {
        "nb": "dette er en FIFO (navngitt rør), ikke en vanlig fil; hkh leser bare vanlige filer",
        "nn": "dette er ein FIFO (namngjeve røyr), ikkje ei vanleg fil; hkh les berre vanlege filer",
        "en": "this is a FIFO (named pipe), not an ordinary file; hkh reads ordinary files only",
    },
    "not_regular_device": {
        "nb": "dette er en enhet (som /dev/zero), ikke en vanlig fil; hkh leser bare vanlige filer",
        "nn": "dette er ei eining (som /dev/zero), ikkje ei vanleg fil; hkh les berre vanlege filer",
        "en": "this is a device (like /dev/zero), not an ordinary file; hkh reads ordinary files only",
    },
    "not_regular_socket": {
        "nb": "dette er en socket, ikke en vanlig fil; hkh leser bare vanlige filer",
        "nn": "dette er ein socket, ikkje ei vanleg fil; hkh les berre vanlege filer",
        "en": "this is a socket, not an ordinary file; hkh reads ordinary files only",
    },
    "not_regular_other": {
        "nb": "dette er ikke en vanlig fil; hkh leser bare vanlige filer",
        "nn": "dette er ikkje ei vanleg fil; hkh les berre vanlege filer",
        "en": "this is not an ordinary file; hkh reads ordinary files only",
    },
    "file_too_large": {
        "nb": "filen er {size}; hkh leser filer av denne typen på høyst {limit} (er det riktig fil?)",
        "nn": "fila er {size}; hkh les filer av denne typen på høgst {limit} (er det rett fil?)",
        "en": "the file is {size}; hkh reads files of this kind up to {limit} (is it the right file?)",
    },
    # -- workbooks (hkh.core.workbook_limits)
    "zip_members": {
        "nb": "arbeidsboken har {count} deler; hkh leser arbeidsbøker med høyst {limit} (er den skadet?)",
        "nn": "arbeidsboka har {count} delar; hkh les arbeidsbøker med høgst {limit} (er ho skadd?)",
        "en": "the workbook has {count} parts; hkh reads workbooks of at most {limit} (is it damaged?)",
    },
    "zip_ratio": {
        "nb": "delen {member} pakker seg ut til mer enn {ratio} ganger størrelsen sin (en «zip-bombe»?); hkh leser den ikke",
        "nn": "delen {member} pakkar seg ut til meir enn {ratio} gonger storleiken sin (ei «zip-bombe»?); hkh les han ikkje",
        "en": "the part {member} unpacks to more than {ratio} times its size (a zip bomb?); hkh does not read it",
    },
    "zip_unpacked": {
        "nb": "arbeidsboken pakker seg ut til mer enn {limit}; hkh leser den ikke (er det riktig fil?)",
        "nn": "arbeidsboka pakkar seg ut til meir enn {limit}; hkh les ho ikkje (er det rett fil?)",
        "en": "the workbook unpacks to more than {limit}; hkh does not read it (is it the right file?)",
    },
    "zip_damaged": {
        "nb": "arbeidsboken er skadet ({reason}); åpne den i Excel eller LibreOffice og lagre den på nytt",
        "nn": "arbeidsboka er skadd ({reason}); opne ho i Excel eller LibreOffice og lagre ho på nytt",
        "en": "the workbook is damaged ({reason}); open it in Excel or LibreOffice and save it again",
    },
    "sheet_damaged": {
        "nb": "arket {member} har en tagg eller tekst på over 1 MB; arbeidsboken er skadet eller laget for å skade",
        "nn": "arket {member} har ein tagg eller tekst på over 1 MB; arbeidsboka er skadd eller laga for å skade",
        "en": "the sheet {member} holds a tag or text over 1 MB long; the workbook is damaged or made to do harm",
    },
    "sheet_extent": {
        "nb": (
            "arket {member} strekker seg til celle {corner} ({area} celler, men bare {cells} er fylt); hkh leser ark "
            "på høyst {limit} celler. Slett det som ligger utenfor tabellen, og lagre på nytt"
        ),
        "nn": (
            "arket {member} strekkjer seg til celle {corner} ({area} celler, men berre {cells} er fylte); hkh les ark "
            "på høgst {limit} celler. Slett det som ligg utanfor tabellen, og lagre på nytt"
        ),
        "en": (
            "the sheet {member} reaches cell {corner} ({area} cells, of which only {cells} are filled); hkh reads "
            "sheets of at most {limit} cells. Delete what lies beyond the table and save again"
        ),
    },
    "xml_extent": {
        "nb": "XML-arbeidsboken når {rows} rader og {columns} kolonner, men holder nesten ingenting; hkh leser ark på høyst {limit} celler",
        "nn": "XML-arbeidsboka når {rows} rader og {columns} kolonnar, men held nesten ingenting; hkh les ark på høgst {limit} celler",
        "en": "the XML workbook reaches {rows} rows and {columns} columns but holds almost nothing; hkh reads sheets of at most {limit} cells",
    },
    "stats_rows": {
        "nb": "tabellen har {count} linjer; hkh leser statistikktabeller på høyst {limit} linjer",
        "nn": "tabellen har {count} liner; hkh les statistikktabellar på høgst {limit} liner",
        "en": "the table has {count} lines; hkh reads statistics tables of at most {limit} lines",
    },
    # -- YAML (hkh.core.yamlio)
    "yaml_alias": {
        "nb": "ankere og aliaser (& og *) er ikke tillatt i hkh sine filer; skriv verdien ut, eller sett teksten i anførselstegn",
        "nn": "ankre og aliasar (& og *) er ikkje tillatne i filene til hkh; skriv verdien ut, eller set teksten i hermeteikn",
        "en": "anchors and aliases (& and *) are not allowed in hkh's files; write the value out, or put the text in quotes",
    },
    "yaml_number": {
        "nb": "et tall med mer enn {digits} sifre; hkh leser ikke så store tall (skal det være tekst, sett det i anførselstegn)",
        "nn": "eit tal med meir enn {digits} siffer; hkh les ikkje så store tal (skal det vere tekst, set det i hermeteikn)",
        "en": "a number of more than {digits} digits; hkh does not read numbers that large (if it is text, put it in quotes)",
    },
    "yaml_text": {
        "nb": "en tekst på {count} tegn; hkh leser tekster på høyst {limit} tegn",
        "nn": "ein tekst på {count} teikn; hkh les tekstar på høgst {limit} teikn",
        "en": "a text of {count} characters; hkh reads texts of at most {limit} characters",
    },
    "yaml_items": {
        "nb": "en liste med {count} elementer; hkh leser lister på høyst {limit}",
        "nn": "ei liste med {count} element; hkh les lister på høgst {limit}",
        "en": "a list of {count} items; hkh reads lists of at most {limit}",
    },
    "yaml_depth": {
        "nb": "verdiene ligger mer enn {limit} nivåer inne i hverandre; hkh sine filer går aldri så dypt",
        "nn": "verdiane ligg meir enn {limit} nivå inne i kvarandre; filene til hkh går aldri så djupt",
        "en": "the values nest more than {limit} levels deep; hkh's files never go that deep",
    },
    # -- the project's lock (hkh.core.lock)
    "lock_symlink": {
        "nb": "låsefilen .hkh.lock er en symbolsk lenke; hkh følger den ikke (den kunne tømme filen den peker på). Slett .hkh.lock og kjør igjen",
        "nn": "låsefila .hkh.lock er ei symbolsk lenkje; hkh følgjer henne ikkje (ho kunne tømt fila ho peikar på). Slett .hkh.lock og køyr igjen",
        "en": "the lock file .hkh.lock is a symbolic link; hkh does not follow it (it could empty the file it points to). Delete .hkh.lock and run again",
    },
    "lock_folder": {
        "nb": "låsefilen .hkh.lock er en mappe, så hkh kan ikke låse prosjektet; slett mappen og kjør igjen",
        "nn": "låsefila .hkh.lock er ei mappe, så hkh kan ikkje låse prosjektet; slett mappa og køyr igjen",
        "en": "the lock file .hkh.lock is a folder, so hkh cannot lock the project; delete the folder and run again",
    },
    "lock_not_file": {
        "nb": "låsefilen .hkh.lock er ikke en vanlig fil; slett den og kjør igjen",
        "nn": "låsefila .hkh.lock er ikkje ei vanleg fil; slett henne og køyr igjen",
        "en": "the lock file .hkh.lock is not an ordinary file; delete it and run again",
    },
    "lock_hard_link": {
        "nb": "låsefilen .hkh.lock har flere navn (en hard lenke); hkh skriver ikke i den. Slett .hkh.lock og kjør igjen",
        "nn": "låsefila .hkh.lock har fleire namn (ei hard lenkje); hkh skriv ikkje i henne. Slett .hkh.lock og køyr igjen",
        "en": "the lock file .hkh.lock has more than one name (a hard link); hkh does not write to it. Delete .hkh.lock and run again",
    },
    "lock_denied": {
        "nb": "hkh får ikke åpne låsefilen .hkh.lock (ingen tilgang), og skriver ikke uten den; sjekk rettighetene til filen og mappen",
        "nn": "hkh får ikkje opne låsefila .hkh.lock (inga tilgang), og skriv ikkje utan henne; sjekk rettane til fila og mappa",
        "en": "hkh may not open the lock file .hkh.lock (permission denied) and does not write without it; check the file's and the folder's permissions",
    },
    "lock_read_only": {
        "nb": "prosjektmappen er skrivebeskyttet; hkh kan ikke skrive her",
        "nn": "prosjektmappa er skriveverna; hkh kan ikkje skrive her",
        "en": "the project folder is read-only; hkh cannot write here",
    },
    "lock_failed": {
        "nb": "hkh kan ikke ta låsen .hkh.lock ({reason}), og skriver ikke uten den",
        "nn": "hkh kan ikkje ta låsen .hkh.lock ({reason}), og skriv ikkje utan han",
        "en": "hkh cannot take the lock .hkh.lock ({reason}) and does not write without it",
    },
    # -- folders (hkh.project.folders)
    "folder_outside": {
        "nb": "{folder} peker ut av prosjektmappen (til {target}), så personopplysninger ville havne der; gjør den til en vanlig mappe, eller sett `allow_outside_folders: true` under `settings` i hkh.yaml hvis det er meningen",
        "nn": "{folder} peikar ut av prosjektmappa (til {target}), så personopplysningar ville hamne der; gjer ho til ei vanleg mappe, eller set `allow_outside_folders: true` under `settings` i hkh.yaml om det er meininga",
        "en": "{folder} leads outside the project folder (to {target}), so personal data would end up there; make it an ordinary folder, or set `allow_outside_folders: true` under `settings` in hkh.yaml if that is intended",
    },
    # -- commands that refuse a project hkh check finds errors in
    "bad_source_id": {
        "nb": "{source!r} er ikke en gyldig kilde-id (bokstaver, sifre, `_`, `-` og `.`, høyst 64 tegn); velg en med --source",
        "nn": "{source!r} er ikkje ein gyldig kjelde-id (bokstavar, siffer, `_`, `-` og `.`, høgst 64 teikn); vel ein med --source",
        "en": "{source!r} is not a valid source id (letters, digits, `_`, `-` and `.`, at most 64 characters); choose one with --source",
    },
    # -- texts (hkh.project.check)
    "control_character": {
        "nb": "en tekst inneholder tegnet {char}, som kan styre en terminal eller ødelegge et dokument; fjern det",
        "nn": "ein tekst inneheld teiknet {char}, som kan styre ein terminal eller øydeleggje eit dokument; fjern det",
        "en": "a text holds the character {char}, which can act on a terminal or break a document; remove it",
    },
    "control_character_option": {
        "nb": "{option} inneholder tegnet {char}, som kan styre en terminal eller ødelegge et dokument; skriv teksten uten det",
        "nn": "{option} inneheld teiknet {char}, som kan styre ein terminal eller øydeleggje eit dokument; skriv teksten utan det",
        "en": "{option} holds the character {char}, which can act on a terminal or break a document; write the text without it",
    },
    "project_has_errors": {
        "nb": "hkh arbeider ikke med et prosjekt med feil; `hkh check` viser alle {n}",
        "nn": "hkh arbeider ikkje med eit prosjekt med feil; `hkh check` viser alle {n}",
        "en": "hkh does not work on a project with errors; `hkh check` lists all {n}",
    },
    "too_many_options": {
        "nb": "spørsmålet {question} har {count} svaralternativer; hkh leser spørsmål med høyst {limit}",
        "nn": "spørsmålet {question} har {count} svaralternativ; hkh les spørsmål med høgst {limit}",
        "en": "the question {question} has {count} answer options; hkh reads questions of at most {limit}",
    },
    "codebook_control_character": {
        "nb": "spørsmål {question}: en tekst inneholder tegnet {char}, som kan styre en terminal eller ødelegge et dokument; fjern det (eller importer undersøkelsen på nytt)",
        "nn": "spørsmål {question}: ein tekst inneheld teiknet {char}, som kan styre ein terminal eller øydeleggje eit dokument; fjern det (eller importer undersøkinga på nytt)",
        "en": "question {question}: a text holds the character {char}, which can act on a terminal or break a document; remove it (or import the survey again)",
    },
}
