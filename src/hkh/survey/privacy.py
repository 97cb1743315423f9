"""Which export columns identify a person, so that `hkh import` leaves them out (docs/surveyxact-format.md §11.22).

SurveyXact exports carry the address an invitation went to (`email`), the respondent id, distribution error
messages (which quote addresses), and whatever background data the team uploaded: names, phone numbers. None of
that is needed to count answers, and a mapping's data folder is shared widely, so these columns are dropped unless
the user asks for them with `--keep-identifiers`.

Detection looks at the variable name (long or 8-character short form), the Structure `questionName`, and the
question text: a text that *is* a contact word (`email`, `telephone`) or starts with a contact heading
(`Kontaktopplysninger - E-post`). Free-text answers can contain names too; those are not dropped but are typed
`open`, which keeps them out of every table and report.
"""

from __future__ import annotations

import re

# Whole names (long or SurveyXact's 8-character short names) that identify a person.
IDENTIFIER_NAMES = {
    "email": "e-mail address",
    "e_mail": "e-mail address",
    "epost": "e-mail address",
    "e_post": "e-mail address",
    "mail": "e-mail address",
    "digitaldistributionerrormessage": "distribution error message (quotes addresses)",
    "digit_1": "distribution error message (quotes addresses)",
    "respondentid": "respondent id",
    "responde": "respondent id",
    "ip": "IP address",
    "ipaddress": "IP address",
    "ip_address": "IP address",
}

# Name tokens (split at `_` and digits) that mark a personal-data column.
IDENTIFIER_TOKENS = {
    "name": "name",
    "navn": "name",
    "fornavn": "name",
    "etternavn": "name",
    "forn": "name",
    "ettern": "name",
    "firstname": "name",
    "firstnam": "name",
    "lastname": "name",
    "lastnam": "name",
    "surname": "name",
    "fullname": "name",
    "vorname": "name",
    "nachname": "name",
    "fornamn": "name",
    "efternamn": "name",
    "efternavn": "name",
    "phone": "phone number",
    "telephone": "phone number",
    "telefon": "phone number",
    "telefonnr": "phone number",
    "tlf": "phone number",
    "mobil": "phone number",
    "mobile": "phone number",
    "mobilnr": "phone number",
    "email": "e-mail address",
    "epost": "e-mail address",
    "fnr": "national identity number",
    "fodselsnummer": "national identity number",
    "personnummer": "national identity number",
    "adresse": "postal address",
    "address": "postal address",
}

CONTACT_HEADINGS = (
    "kontaktopplysninger",
    "kontaktopplysningar",
    "kontaktinformasjon",
    "kontaktinfo",
    "kontaktoplysninger",
    "kontaktdaten",
    "contact information",
    "contact details",
    "contact info",
    "personopplysninger",
)

# A question text that is nothing but one of these words is a contact field (SurveyXact's own `email`,
# a background `telephone`...).
CONTACT_TEXTS = {
    "email",
    "e-mail",
    "e-post",
    "epost",
    "e-postadresse",
    "name",
    "navn",
    "fornavn",
    "etternavn",
    "full name",
    "first name",
    "last name",
    "telephone",
    "phone",
    "telefon",
    "telefonnummer",
    "mobil",
    "mobilnummer",
    "mobile",
    "ip",
    "ip address",
}


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[_\W\d]+", name.lower()) if t]


def identifier_reason(variable: str, question_name: str | None = None, text: str | None = None) -> str | None:
    """Why this column identifies a person, or None. `text` is the cleaned Structure question text."""
    for candidate in (variable, question_name or ""):
        lowered = candidate.strip().lower()
        if lowered in IDENTIFIER_NAMES:
            return IDENTIFIER_NAMES[lowered]
        compact = lowered.replace("-", "").replace(" ", "")
        if compact in IDENTIFIER_NAMES:
            return IDENTIFIER_NAMES[compact]
        for token in _tokens(lowered):
            if token in IDENTIFIER_TOKENS:
                return IDENTIFIER_TOKENS[token]
    if text:
        lowered = re.sub(r"\s+", " ", text).strip().lower().rstrip(":?*. ")
        if lowered in CONTACT_TEXTS:
            return f"contact field ({text.strip()})"
        if any(lowered.startswith(heading) for heading in CONTACT_HEADINGS):
            return f"contact information ({text.strip()[:40]})"
    return None
