"""What `hkh import` and `hkh check` say about personal data: identifiers dropped or masked, texts to check."""

from __future__ import annotations

from hkh.i18n.types import Words

WORDS: Words = {
    "export_xls": {
        "nb": "dette er en gammel Excel-arbeidsbok (.xls); lagre den som .xlsx (Excel-arbeidsbok) og importer den",
        "nn": "dette er ei gammal Excel-arbeidsbok (.xls); lagre ho som .xlsx (Excel-arbeidsbok) og importer ho",
        "en": "this is an old Excel workbook (.xls); save it as .xlsx (Excel Workbook) and import that",
    },
    "export_ods": {
        "nb": "dette er et OpenDocument-regneark (.ods); lagre det som .xlsx (Excel-arbeidsbok) og importer det",
        "nn": "dette er eit OpenDocument-rekneark (.ods); lagre det som .xlsx (Excel-arbeidsbok) og importer det",
        "en": "this is an OpenDocument spreadsheet (.ods); save it as .xlsx (Excel Workbook) and import that",
    },
    # -- kinds of identifier (hkh.survey.identifiers.IdentifierKind), one and many
    "kind_national_id": {"nb": "fødselsnummer", "nn": "fødselsnummer", "en": "national identity number"},
    "kinds_national_id": {"nb": "fødselsnumre", "nn": "fødselsnummer", "en": "national identity numbers"},
    "kind_name": {"nb": "navn", "nn": "namn", "en": "name"},
    "kinds_name": {"nb": "navn", "nn": "namn", "en": "names"},
    "kind_phone": {"nb": "telefonnummer", "nn": "telefonnummer", "en": "phone number"},
    "kinds_phone": {"nb": "telefonnumre", "nn": "telefonnummer", "en": "phone numbers"},
    "kind_email": {"nb": "e-postadresse", "nn": "e-postadresse", "en": "e-mail address"},
    "kinds_email": {"nb": "e-postadresser", "nn": "e-postadresser", "en": "e-mail addresses"},
    "kind_address": {"nb": "adresse", "nn": "adresse", "en": "address"},
    "kinds_address": {"nb": "adresser", "nn": "adresser", "en": "addresses"},
    "kind_birth_date": {"nb": "fødselsdato", "nn": "fødselsdato", "en": "date of birth"},
    "kinds_birth_date": {"nb": "fødselsdatoer", "nn": "fødselsdatoar", "en": "dates of birth"},
    "kind_ip": {"nb": "IP-adresse", "nn": "IP-adresse", "en": "IP address"},
    "kinds_ip": {"nb": "IP-adresser", "nn": "IP-adresser", "en": "IP addresses"},
    "kind_system_id": {"nb": "respondent- eller kontakt-id", "nn": "respondent- eller kontakt-id", "en": "respondent or contact id"},
    "kinds_system_id": {"nb": "id-er", "nn": "id-ar", "en": "ids"},
    "kind_contact": {"nb": "kontaktopplysninger", "nn": "kontaktopplysningar", "en": "contact details"},
    "kinds_contact": {"nb": "kontaktopplysninger", "nn": "kontaktopplysningar", "en": "contact details"},
    "kind_postcode": {"nb": "postnummer", "nn": "postnummer", "en": "postcode"},
    "kinds_postcode": {"nb": "postnumre", "nn": "postnummer", "en": "postcodes"},
    # -- why a column was judged so (hkh.survey.deidentify.ColumnVerdict.reason)
    "by_variable": {"nb": "variabelnavnet sier «{matched}»", "nn": "variabelnamnet seier «{matched}»", "en": "the variable name says “{matched}”"},
    "by_question_name": {"nb": "spørsmålsnavnet sier «{matched}»", "nn": "spørsmålsnamnet seier «{matched}»", "en": "the question name says “{matched}”"},
    "by_text": {"nb": "spørsmålsteksten sier «{matched}»", "nn": "spørsmålsteksten seier «{matched}»", "en": "the question text says “{matched}”"},
    "by_content": {
        "nb": "innhold: {matching} av {non_blank} svar er {kinds}",
        "nn": "innhald: {matching} av {non_blank} svar er {kinds}",
        "en": "content: {matching} of {non_blank} answers are {kinds}",
    },
    "by_labels": {
        "nb": "verdietiketter: {matching} av {non_blank} er {kinds}",
        "nn": "verdietikettar: {matching} av {non_blank} er {kinds}",
        "en": "value labels: {matching} of {non_blank} are {kinds}",
    },
    # -- the import's summary
    "dropped": {
        "nb": "utelatt kolonne {column}: {reason}",
        "nn": "utelaten kolonne {column}: {reason}",
        "en": "dropped column {column}: {reason}",
    },
    "dropped_hint": {
        "nb": "{n} identifiserende kolonner er utelatt (--keep-identifiers beholder dem; de er personopplysninger)",
        "nn": "{n} identifiserande kolonnar er utelatne (--keep-identifiers held på dei; dei er personopplysningar)",
        "en": "{n} identifying columns dropped (--keep-identifiers keeps them; they are personal data)",
    },
    "kept": {
        "nb": "ADVARSEL: beholdt identifiserende kolonne {column} (--keep-identifiers): {reason}",
        "nn": "ÅTVARING: heldt på identifiserande kolonne {column} (--keep-identifiers): {reason}",
        "en": "WARNING: kept identifying column {column} (--keep-identifiers): {reason}",
    },
    "kept_hint": {
        "nb": "ADVARSEL: data/survey/ inneholder nå direkte identifiserende personopplysninger; del den ikke, og importer uten --keep-identifiers så snart dere kan",
        "nn": "ÅTVARING: data/survey/ inneheld no direkte identifiserande personopplysningar; del ho ikkje, og importer utan --keep-identifiers så snart de kan",
        "en": "WARNING: data/survey/ now holds directly identifying personal data; do not share it, and import without --keep-identifiers as soon as you can",
    },
    "quasi": {
        "nb": "beholdt kolonne {column}, men den kan bidra til å identifisere noen: {reason}; publiser den bare i grove grupper",
        "nn": "heldt på kolonne {column}, men ho kan bidra til å identifisere nokon: {reason}; publiser ho berre i grove grupper",
        "en": "kept column {column}, but it can help to identify someone: {reason}; publish it only in broad groups",
    },
    "masked": {
        "nb": "{question}: identifikatorer maskert i {n} fritekstsvar (råeksporten ligger i data/raw/)",
        "nn": "{question}: identifikatorar maskerte i {n} fritekstsvar (råeksporten ligg i data/raw/)",
        "en": "{question}: identifiers masked in {n} free-text answers (the raw export is in data/raw/)",
    },
    "removed_numbers": {
        "nb": "{question}: {n} tallsvar som var fødselsnumre, er fjernet",
        "nn": "{question}: {n} talsvar som var fødselsnummer, er fjerna",
        "en": "{question}: {n} number answers that were national identity numbers removed",
    },
    "masked_labels": {
        "nb": "{question}: identifikatorer maskert i {n} svaralternativer",
        "nn": "{question}: identifikatorar maskerte i {n} svaralternativ",
        "en": "{question}: identifiers masked in {n} answer options",
    },
    "checked": {
        "nb": "{question}: fritekstsvarene er lagret umaskert (--checked-text: dere har sjekket dem)",
        "nn": "{question}: fritekstsvara er lagra umaskerte (--checked-text: de har sjekka dei)",
        "en": "{question}: free-text answers stored unmasked (--checked-text: you have checked them)",
    },
    "checked_unknown": {
        "nb": "--checked-text {name}: ikke et fritekstspørsmål i denne eksporten (fritekstspørsmål: {open})",
        "nn": "--checked-text {name}: ikkje eit fritekstspørsmål i denne eksporten (fritekstspørsmål: {open})",
        "en": "--checked-text {name}: not an open-text question of this export (open-text questions: {open})",
    },
    # -- texts in the project's files (hkh.survey.screening)
    "text_evidence": {
        "nb": "`{field}` i et belegg for funn `{owner}` ser ut til å inneholde {kinds}; det er maskert i alle utdata. Fjern det, eller skriv `checked: true` i belegget hvis det ikke er personopplysninger",
        "nn": "`{field}` i eit belegg for funn `{owner}` ser ut til å innehalde {kinds}; det er maskert i alle utdata. Fjern det, eller skriv `checked: true` i belegget om det ikkje er personopplysningar",
        "en": "`{field}` of evidence for finding `{owner}` seems to hold {kinds}; it is masked in every output. Remove it, or write `checked: true` in the evidence if it is not personal data",
    },
    "text_finding": {
        "nb": "`{field}` i funn `{owner}` ser ut til å inneholde {kinds}; det er maskert i alle utdata. Fjern det, eller skriv `checked: true` i funnet hvis det ikke er personopplysninger",
        "nn": "`{field}` i funn `{owner}` ser ut til å innehalde {kinds}; det er maskert i alle utdata. Fjern det, eller skriv `checked: true` i funnet om det ikkje er personopplysningar",
        "en": "`{field}` of finding `{owner}` seems to hold {kinds}; it is masked in every output. Remove it, or write `checked: true` in the finding if it is not personal data",
    },
    "text_effort": {
        "nb": "`{field}` i tiltak `{owner}` ser ut til å inneholde {kinds}; det er maskert i alle utdata. Fjern det, eller skriv `checked: true` i tiltaket hvis det ikke er personopplysninger (et offentlig telefonnummer, for eksempel)",
        "nn": "`{field}` i tiltak `{owner}` ser ut til å innehalde {kinds}; det er maskert i alle utdata. Fjern det, eller skriv `checked: true` i tiltaket om det ikkje er personopplysningar (eit offentleg telefonnummer, til dømes)",
        "en": "`{field}` of effort `{owner}` seems to hold {kinds}; it is masked in every output. Remove it, or write `checked: true` in the effort if it is not personal data (a public phone number, say)",
    },
}
