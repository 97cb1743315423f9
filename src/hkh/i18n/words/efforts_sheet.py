"""The services register as a spreadsheet: `hkh efforts import` and `hkh efforts export`."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    # the export workbook: its file, sheets and the headings of the fields of efforts.yaml
    "file": {"nb": "innsatsoversikt.xlsx", "nn": "innsatsoversikt.xlsx", "en": "efforts.xlsx"},
    "sheet": {"nb": "Innsatser", "nn": "Innsatsar", "en": "Efforts"},
    "guide_sheet": {"nb": "Veiledning", "nn": "Rettleiing", "en": "Guide"},
    "guide": {
        "nb": "Dette er innsatsoversikten i kartleggingen. Rett det som er feil, rett i cellene: navn, hva dere tilbyr, "
        "for hvem, hvor og når. Åpningstider kan skrives med ord («man–fre 09–15»); kolonnen «Åpningstider i ord» "
        "viser hvordan de leses og trenger ikke rettes. Ikke endre kolonnen «Id»: den kobler raden til oversikten. "
        "En ny tjeneste føres på en ny rad med tom id.",
        "nn": "Dette er innsatsoversikta i kartlegginga. Rett det som er feil, rett i cellene: namn, kva de tilbyr, "
        "for kven, kvar og når. Opningstider kan skrivast med ord («mån–fre 09–15»); kolonnen «Opningstider i ord» "
        "viser korleis dei blir lesne og treng ikkje rettast. Ikkje endra kolonnen «Id»: han koplar rada til oversikta. "
        "Ei ny teneste blir ført på ei ny rad med tom id.",
        "en": "This is the mapping's register of efforts. Correct what is wrong, right in the cells: name, what you "
        "offer, for whom, where and when. Opening hours may be written in words (“Mon–Fri 9–15”); the column "
        "“Opening hours in words” shows how they are read and needs no correction. Do not change the “Id” column: "
        "it links the row to the register. Add a new service on a new row with an empty id.",
    },
    "hours_words": {"nb": "Åpningstider i ord", "nn": "Opningstider i ord", "en": "Opening hours in words"},
    "yes": {"nb": "ja", "nn": "ja", "en": "yes"},
    "no": {"nb": "nei", "nn": "nei", "en": "no"},
    "field_id": {"nb": "Id", "nn": "Id", "en": "Id"},
    "field_organisation": {"nb": "Organisasjon", "nn": "Organisasjon", "en": "Organisation"},
    "field_name": {"nb": "Navn", "nn": "Namn", "en": "Name"},
    "field_kind": {"nb": "Type", "nn": "Type", "en": "Kind"},
    "field_provider": {"nb": "Tilbyder (type)", "nn": "Tilbydar (type)", "en": "Provider (kind)"},
    "field_status": {"nb": "Status", "nn": "Status", "en": "Status"},
    "field_offers": {"nb": "Tilbyr", "nn": "Tilbyr", "en": "Offers"},
    "field_target_groups": {"nb": "Målgrupper", "nn": "Målgrupper", "en": "Target groups"},
    "field_areas": {"nb": "Områder", "nn": "Område", "en": "Areas"},
    "field_address": {"nb": "Adresse", "nn": "Adresse", "en": "Address"},
    "field_opening_hours": {"nb": "Åpningstider", "nn": "Opningstider", "en": "Opening hours"},
    "field_hours_note": {"nb": "Merknad om åpningstider", "nn": "Merknad om opningstider", "en": "Note on opening hours"},
    "field_over_capacity": {"nb": "Over kapasitet", "nn": "Over kapasitet", "en": "Over capacity"},
    "field_capacity": {"nb": "Kapasitet", "nn": "Kapasitet", "en": "Capacity"},
    "field_low_threshold": {"nb": "Lavterskel", "nn": "Lågterskel", "en": "Low threshold"},
    "field_description": {"nb": "Beskrivelse", "nn": "Skildring", "en": "Description"},
    "field_sources": {"nb": "Kilder", "nn": "Kjelder", "en": "Sources"},
    "ignore": {"nb": "(leses ikke)", "nn": "(blir ikkje lesen)", "en": "(not read)"},
    # the column mapping the team confirms once
    "mapping_heading": {
        "nb": "Kolonnene i {file} og feltene i efforts.yaml de leses inn i:",
        "nn": "Kolonnane i {file} og felta i efforts.yaml dei blir lesne inn i:",
        "en": "The columns of {file} and the fields of efforts.yaml they are read into:",
    },
    "mapping_confirm": {
        "nb": "Bruke denne koblingen (den lagres i efforts-import.yaml)?",
        "nn": "Bruke denne koplinga (ho blir lagra i efforts-import.yaml)?",
        "en": "Use this mapping (it is kept in efforts-import.yaml)?",
    },
    "mapping_unconfirmed": {
        "nb": "koblingen mellom kolonnene og feltene er ikke bekreftet; se over forslaget over og kjør igjen med --confirm (eller rett efforts-import.yaml)",
        "nn": "koplinga mellom kolonnane og felta er ikkje stadfesta; sjå over forslaget over og køyr igjen med --confirm (eller rett efforts-import.yaml)",
        "en": "the mapping of columns to fields is not confirmed; look over the proposal above and run again with --confirm (or edit efforts-import.yaml)",
    },
    "mapping_declined": {
        "nb": "koblingen ble ikke bekreftet; ingenting er skrevet (rett efforts-import.yaml for hånd om forslaget er feil)",
        "nn": "koplinga vart ikkje stadfesta; ingenting er skrive (rett efforts-import.yaml for hand om forslaget er feil)",
        "en": "the mapping was not confirmed; nothing was written (edit efforts-import.yaml by hand if the proposal is wrong)",
    },
    "mapping_saved": {"nb": "skrev koblingen til {path}", "nn": "skreiv koplinga til {path}", "en": "wrote the mapping to {path}"},
    "mapping_changed": {
        "nb": "kolonnene i arket stemmer ikke med efforts-import.yaml ({what}); se over det nye forslaget og bekreft det med --confirm",
        "nn": "kolonnane i arket stemmer ikkje med efforts-import.yaml ({what}); sjå over det nye forslaget og stadfest det med --confirm",
        "en": "the sheet's columns do not match efforts-import.yaml ({what}); look over the new proposal and confirm it with --confirm",
    },
    "mapping_missing_columns": {"nb": "mangler: {columns}", "nn": "manglar: {columns}", "en": "missing: {columns}"},
    "mapping_new_columns": {"nb": "nye: {columns}", "nn": "nye: {columns}", "en": "new: {columns}"},
    "mapping_needs": {
        "nb": "ingen kolonne gir {fields}; hver innsats må ha navn og organisasjon (rett efforts-import.yaml)",
        "nn": "ingen kolonne gir {fields}; kvar innsats må ha namn og organisasjon (rett efforts-import.yaml)",
        "en": "no column gives {fields}; every effort needs a name and an organisation (edit efforts-import.yaml)",
    },
    "mapping_twice": {
        "nb": "feltet `{field}` får verdier fra to kolonner ({columns}); velg én i efforts-import.yaml",
        "nn": "feltet `{field}` får verdiar frå to kolonnar ({columns}); vel éin i efforts-import.yaml",
        "en": "the field `{field}` is given by two columns ({columns}); choose one in efforts-import.yaml",
    },
    "no_header": {
        "nb": "finner ingen overskriftsrad i arket; første rad må ha kolonnenavnene",
        "nn": "finn inga overskriftsrad i arket; første rada må ha kolonnenamna",
        "en": "no header row in the sheet; the first row must hold the column names",
    },
    # what the import did
    "summary": {
        "nb": "{file}: {rows} rader: {added} nye, {updated} endret, {unchanged} uendret, {rejected} ikke tatt inn",
        "nn": "{file}: {rows} rader: {added} nye, {updated} endra, {unchanged} uendra, {rejected} ikkje tekne inn",
        "en": "{file}: {rows} rows: {added} new, {updated} changed, {unchanged} unchanged, {rejected} not taken",
    },
    "added": {"nb": "ny: {id} ({name})", "nn": "ny: {id} ({name})", "en": "new: {id} ({name})"},
    "updated": {"nb": "endret: {id}: {fields}", "nn": "endra: {id}: {fields}", "en": "changed: {id}: {fields}"},
    "kept_outside": {
        "nb": "{count} innsatser i efforts.yaml står ikke i arket og er beholdt: {ids}",
        "nn": "{count} innsatsar i efforts.yaml står ikkje i arket og er haldne på: {ids}",
        "en": "{count} efforts in efforts.yaml are not in the sheet and were kept: {ids}",
    },
    "written": {
        "nb": "efforts.yaml er oppdatert; kommentarene er beholdt.",
        "nn": "efforts.yaml er oppdatert; kommentarane er haldne på.",
        "en": "efforts.yaml updated; comments kept.",
    },
    "dry_run": {
        "nb": "Prøvekjøring (--dry-run): ingenting er skrevet.",
        "nn": "Prøvekøyring (--dry-run): ingenting er skrive.",
        "en": "Dry run (--dry-run): nothing was written.",
    },
    # rows and cells it could not take
    "row_rejected": {
        "nb": "raden er ikke tatt inn: {reason} (raden: {cells})",
        "nn": "rada er ikkje teken inn: {reason} (rada: {cells})",
        "en": "row not taken: {reason} (the row: {cells})",
    },
    "empty_required": {"nb": "«{column}» er tom", "nn": "«{column}» er tom", "en": "“{column}” is empty"},
    "invalid_row": {"nb": "{message}", "nn": "{message}", "en": "{message}"},
    "bad_id": {
        "nb": "«{text}» er ikke en id (bokstaver, tall, `_`, `-`, `.`)",
        "nn": "«{text}» er ikkje ein id (bokstavar, tal, `_`, `-`, `.`)",
        "en": "“{text}” is not an id (letters, digits, `_`, `-`, `.`)",
    },
    "same_id": {
        "nb": "id-en {id} står også på rad {first}",
        "nn": "id-en {id} står òg på rad {first}",
        "en": "the id {id} is also on row {first}",
    },
    "bad_yes_no": {
        "nb": "«{text}» er verken ja eller nei; feltet `{field}` er latt være",
        "nn": "«{text}» er verken ja eller nei; feltet `{field}` er late vere",
        "en": "“{text}” is neither yes nor no; the field `{field}` was left alone",
    },
    "bad_choice": {
        "nb": "«{text}» er ikke en av verdiene for `{field}` ({choices}); feltet er latt være",
        "nn": "«{text}» er ikkje ein av verdiane for `{field}` ({choices}); feltet er late vere",
        "en": "“{text}” is not one of the values of `{field}` ({choices}); the field was left alone",
    },
    "bad_number": {
        "nb": "«{text}» er ikke et helt tall; feltet `{field}` er latt være",
        "nn": "«{text}» er ikkje eit heilt tal; feltet `{field}` er late vere",
        "en": "“{text}” is not a whole number; the field `{field}` was left alone",
    },
    "hours_uncertain": {
        "nb": "åpningstidene «{text}» kan leses som `{osm}`, men ikke sikkert ({reason}); lagt i hours_note: skriv dem i OSM-syntaks i efforts.yaml",
        "nn": "opningstidene «{text}» kan lesast som `{osm}`, men ikkje sikkert ({reason}); lagde i hours_note: skriv dei i OSM-syntaks i efforts.yaml",
        "en": "the opening hours “{text}” may be read as `{osm}`, but not certainly ({reason}); kept as hours_note: write them in OSM syntax in efforts.yaml",
    },
    "hours_unread": {
        "nb": "åpningstidene «{text}» kan ikke leses; lagt i hours_note: skriv dem i OSM-syntaks i efforts.yaml",
        "nn": "opningstidene «{text}» kan ikkje lesast; lagde i hours_note: skriv dei i OSM-syntaks i efforts.yaml",
        "en": "the opening hours “{text}” cannot be read; kept as hours_note: write them in OSM syntax in efforts.yaml",
    },
    "hours_read": {
        "nb": "åpningstidene «{text}» er lest som `{osm}`",
        "nn": "opningstidene «{text}» er lesne som `{osm}`",
        "en": "the opening hours “{text}” were read as `{osm}`",
    },
}
