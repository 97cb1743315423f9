"""Files and folders: reading, writing, encodings, the lock, the output guard."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    # why the file system refused (a value of write-failed and folder-failed)
    "reason-disk-full": {"nb": "disken er full", "nn": "disken er full", "en": "the disk is full"},
    "reason-no-permission": {
        "nb": "du har ikke tilgang, eller fila er åpen i et annet program (Excel?); lukk den og kjør igjen",
        "nn": "du har ikkje tilgang, eller fila er open i eit anna program (Excel?); lukk ho og køyr igjen",
        "en": "permission denied, or the file is open in another program (Excel?); close it and run again",
    },
    "reason-read-only": {"nb": "mappa er skrivebeskyttet", "nn": "mappa er skriveverna", "en": "the folder is read-only"},
    "write-failed": {
        "nb": "kan ikke skrive fila: {reason}; den gamle fila er slik den var",
        "nn": "kan ikkje skrive fila: {reason}; den gamle fila er slik ho var",
        "en": "cannot write the file: {reason}; the old file was left as it was",
    },
    "folder-failed": {
        "nb": "kan ikke lage mappa: {reason}; ingenting ble laget",
        "nn": "kan ikkje lage mappa: {reason}; ingenting vart laga",
        "en": "cannot create the folder: {reason}; nothing was created",
    },
    "folder-appeared": {
        "nb": "mappa dukket opp mens hkh laget den; ingenting er endret",
        "nn": "mappa dukka opp medan hkh laga ho; ingenting er endra",
        "en": "appeared while hkh was creating it; nothing was changed",
    },
    "output-is-folder": {
        "nb": "en mappe har dette navnet; flytt den, eller skriv et annet sted",
        "nn": "ei mappe har dette namnet; flytt ho, eller skriv ein annan stad",
        "en": "a folder has this name; move it away or write elsewhere",
    },
    "output-not-ours": {
        "nb": "hkh skrev ikke denne fila og erstatter den derfor ikke; flytt den, eller legg til --force",
        "nn": "hkh skreiv ikkje denne fila og byter ho difor ikkje ut; flytt ho, eller legg til --force",
        "en": "hkh did not write this file, so it will not replace it; move it away or add --force",
    },
    "output-edited": {
        "nb": "fila er endret etter at hkh skrev den (i Excel eller for hånd?); lagre din utgave under et annet navn, eller legg til --force for å erstatte den",
        "nn": "fila er endra etter at hkh skreiv ho (i Excel eller for hand?); lagre di utgåve under eit anna namn, eller legg til --force for å byte ho ut",
        "en": "this file was changed after hkh wrote it (edited in Excel or by hand?); save your copy under another name, or add --force to replace it",
    },
    "project-locked-by": {
        "nb": "en annen hkh (prosess {pid}) skriver i dette prosjektet; vent til den er ferdig, og kjør kommandoen igjen",
        "nn": "ein annan hkh (prosess {pid}) skriv i dette prosjektet; vent til han er ferdig, og køyr kommandoen igjen",
        "en": "another hkh (process {pid}) is writing to this project; wait for it to finish and run the command again",
    },
    "project-locked": {
        "nb": "en annen hkh skriver i dette prosjektet; vent til den er ferdig, og kjør kommandoen igjen",
        "nn": "ein annan hkh skriv i dette prosjektet; vent til han er ferdig, og køyr kommandoen igjen",
        "en": "another hkh is writing to this project; wait for it to finish and run the command again",
    },
    "lock-unstable": {
        "nb": "låsefila til prosjektet endrer seg hele tiden; starter en annen hkh? Vent litt og prøv igjen",
        "nn": "låsefila til prosjektet endrar seg heile tida; startar ein annan hkh? Vent litt og prøv igjen",
        "en": "the project's lock file keeps changing; is another hkh starting? Wait a moment and try again",
    },
    "lock-failed": {
        "nb": "fikk ikke tatt låsefila til prosjektet; prøv igjen",
        "nn": "fekk ikkje teke låsefila til prosjektet; prøv igjen",
        "en": "the project's lock file could not be taken; try again",
    },
    # reading
    "file-missing": {"nb": "fila finnes ikke", "nn": "fila finst ikkje", "en": "the file is missing"},
    "file-is-folder": {
        "nb": "her skulle det vært en fil, men det er en mappe",
        "nn": "her skulle det vore ei fil, men det er ei mappe",
        "en": "expected a file, found a folder",
    },
    "file-unreadable": {
        "nb": "kan ikke lese fila ({reason})",
        "nn": "kan ikkje lese fila ({reason})",
        "en": "cannot read the file ({reason})",
    },
    "no-such-path": {
        "nb": "finner ingen fil eller mappe med dette navnet",
        "nn": "finn inga fil eller mappe med dette namnet",
        "en": "no such file or folder",
    },
    "text-undecodable": {
        "nb": "kan ikke lese fila som tekst i UTF-8 eller Windows-1252 (ANSI) (byte {byte}); lagre den som UTF-8",
        "nn": "kan ikkje lese fila som tekst i UTF-8 eller Windows-1252 (ANSI) (byte {byte}); lagre ho som UTF-8",
        "en": "cannot read this file as UTF-8 or Windows-1252 (ANSI) text (byte {byte}); save it as UTF-8",
    },
    "text-undecodable-utf16": {
        "nb": "kan ikke lese fila som tekst i UTF-16 (byte {byte}); lagre den som UTF-8",
        "nn": "kan ikkje lese fila som tekst i UTF-16 (byte {byte}); lagre ho som UTF-8",
        "en": "cannot read this file as UTF-16 text (byte {byte}); save it as UTF-8",
    },
    "export-undecodable": {
        "nb": "kan ikke lese fila som tekst i UTF-8 eller Windows-1252 (ANSI) (byte {byte}); eksporter den på nytt fra SurveyXact som Excel eller CSV",
        "nn": "kan ikkje lese fila som tekst i UTF-8 eller Windows-1252 (ANSI) (byte {byte}); eksporter ho på nytt frå SurveyXact som Excel eller CSV",
        "en": "cannot read this file as UTF-8 or Windows-1252 (ANSI) text (byte {byte}); export it again from SurveyXact as Excel or as CSV",
    },
    "export-undecodable-utf16": {
        "nb": "kan ikke lese fila som tekst i UTF-16 (byte {byte}); eksporter den på nytt fra SurveyXact som Excel eller CSV",
        "nn": "kan ikkje lese fila som tekst i UTF-16 (byte {byte}); eksporter ho på nytt frå SurveyXact som Excel eller CSV",
        "en": "cannot read this file as UTF-16 text (byte {byte}); export it again from SurveyXact as Excel or as CSV",
    },
    "not-text": {
        "nb": "dette ser ikke ut som en tekstfil (kontrolltegnet {char} når den leses som {encoding}); er det riktig fil, eller er den lagret med en annen tegnkoding?",
        "nn": "dette ser ikkje ut som ei tekstfil (kontrollteiknet {char} når ho blir lesen som {encoding}); er det rett fil, eller er ho lagra med ei anna teiknkoding?",
        "en": "this does not look like a text file (control character {char} when read as {encoding}); is it the right file, or saved in another encoding?",
    },
    "yaml-utf16": {
        "nb": "fila er lagret som UTF-16; lagre den som UTF-8 (i Notisblokk: Lagre som, Koding: UTF-8)",
        "nn": "fila er lagra som UTF-16; lagre ho som UTF-8 (i Notisblokk: Lagre som, Koding: UTF-8)",
        "en": "the file is saved as UTF-16; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)",
    },
    "yaml-not-utf8": {
        "nb": "fila er ikke lagret som UTF-8 (kanskje Windows-1252, der æ, ø og å lagres annerledes); lagre den som UTF-8",
        "nn": "fila er ikkje lagra som UTF-8 (kanskje Windows-1252, der æ, ø og å blir lagra annleis); lagre ho som UTF-8",
        "en": "the file is not UTF-8 (perhaps Windows-1252, where æ, ø and å are stored differently); save it as UTF-8",
    },
}
