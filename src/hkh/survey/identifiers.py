"""Direct identifiers in a survey export: which columns to drop, judged by name and by content.

Replaces `hkh.survey.privacy`. Three questions, three entry points:

1. **By name** (`name_reason`, `identifier_reason`): the variable name (long or SurveyXact's 8-character short
   form), the Structure `questionName` and the question text are normalised (case and diacritics folded, æøå
   spelled out, camelCase and `_ - . ( )` split into words) and matched word by word in bokmål, nynorsk, English
   and German. Words come in two strengths. *Strong* words name an identifier wherever they stand
   (`fødselsnummer`, `e-postadresse`, `telefonnummer`, `gateadresse`). *Weak* words (`navn`, `telefon`, `mobil`,
   `e-post`, `adresse`, `ip`, `id`) flag a label only when it is *about nothing else*: every other word is a
   filler (`din`, `hva er`), a qualifier (`privat`, `mobil`, `nr`) or a person (`kontaktperson`, `mor`). So
   `Ditt navn`, `Telefon (mobil)` and `Navn på kontaktperson` are flagged; `navnet på tiltaket du bruker` names a
   service, not a person, and is not. A yes/no or counting question is never an identifier, whatever it
   mentions: `Har du mobiltelefon?`, `Har du fast adresse?`, `Hvor mange e-poster …`, `Anzahl der … E-Mails` (a
   request such as `Kan du oppgi telefonnummeret ditt?` is not such a question). In a SurveyXact text
   `Question? - item`, the item is checked for strong words only (a grid item `Telefon` under a question is a
   rating, not a number); under a contact heading (`Kontaktopplysninger - id`) every item is an identifier, as
   SurveyXact labels uploaded background data that way.
   A postcode alone is quasi-identifying: it is reported as kind `postcode` with `direct` False, a warning, not
   a drop; with a place (`Postnummer og poststed`) it is an address.
2. **By content** (`scan_values`, `content_reason`): whole values that are Norwegian national identity numbers,
   Norwegian phone numbers, e-mail or IP addresses, and (only when the name hints at a birth, see
   `birth_date_hint`) dates of birth. A column is flagged when at least half of its non-blank values are such
   (`COLUMN_SHARE`); identifiers inside longer text are counted as screening hits, never a column verdict.
3. **In free text** (`screen_text`, `mask_text`), see `hkh.survey.identifier_patterns`.

Personal names inside free text are out of scope (there is no reliable way to tell "Ola" the person from "Ola"
the dog without a name list and a language model); only "jeg heter X" / "mitt navn er X" / "my name is X" are
found. Every kind has a stable code (the `IdentifierKind` value); the wording in nb/nn/en is the caller's.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from hkh.survey.identifier_patterns import (
    COLUMN_SHARE,
    ContentFinding,
    Hit,
    IdentifierKind,
    is_national_id,
    mask_text,
    scan_values,
    screen_text,
)

__all__ = [
    "COLUMN_SHARE",
    "ContentFinding",
    "Hit",
    "IdentifierKind",
    "IdentifierReason",
    "birth_date_hint",
    "content_reason",
    "identifier_reason",
    "is_national_id",
    "mask_text",
    "name_reason",
    "scan_values",
    "screen_text",
    "words",
]

K = IdentifierKind


@dataclass(frozen=True)
class IdentifierReason:
    """Why a column's name or text marks it as an identifier."""

    kind: IdentifierKind
    matched: str  # the words that matched, as written in the label (`e-postadresse`, `Fødselsnummer`, `mobil_nr`)
    field: str  # where they were found: "variable", "question_name" or "text"
    # False when only a weak word in a short label decided (`Telefon`, `Navn`, `IP`): a caller that knows the
    # column is a closed question with coded answers may keep it (`IP` is also "individuell plan").
    strong: bool = True

    @property
    def direct(self) -> bool:
        """True: the column identifies a person and is dropped. False (a postcode): quasi-identifying, a warning."""
        return self.kind.direct


# -- words


@dataclass(frozen=True)
class Word:
    text: str  # folded: lower case, æ→ae, ø→o, diacritics off
    start: int  # span in the label as written
    end: int


def fold(text: str) -> str:
    """Lower case with Norwegian letters spelled out and other diacritics removed: `Fødsel` → `fodsel`."""
    text = text.casefold().replace("æ", "ae").replace("ø", "o")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _splits(run: str) -> list[int]:
    """Where a run of letters and digits splits: camelCase humps (`respondentId`, `IPAddress`) and letter|digit."""
    cuts = [0]
    for i in range(1, len(run)):
        prev, cur = run[i - 1], run[i]
        nxt = run[i + 1] if i + 1 < len(run) else ""
        if (
            (prev.islower() and cur.isupper())
            or (prev.isupper() and cur.isupper() and nxt.islower())
            or (prev.isdigit() != cur.isdigit())
        ):
            cuts.append(i)
    cuts.append(len(run))
    return cuts


def words(label: str) -> list[Word]:
    """The label's words, folded, with their spans: every character that is not a letter or digit separates."""
    found: list[Word] = []
    start = None
    for i, char in enumerate(label + " "):
        if char.isalnum() and char != "_":
            if start is None:
                start = i
        elif start is not None:
            run = label[start:i]
            cuts = _splits(run)
            for a, b in pairwise(cuts):
                found.append(Word(fold(run[a:b]), start + a, start + b))
            start = None
    return found


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# -- vocabulary (folded). Phrases are space-separated words; a phrase matches consecutive words.

STRONG: dict[IdentifierKind, str] = {
    K.NATIONAL_ID: (
        "fodselsnummer|fodselsnr|personnummer|personnr|fnr|dnummer|identitetsnummer|ssn|passnummer|"
        "sozialversicherungsnummer|f nr|d nummer|d nr|fodsels nummer|fodsels nr|person nummer|social security number|"
        "social security no|national id number|national identity number|personal identity number|identity number|"
        "id nummer|passport number|pass nr"
    ),
    K.NAME: (
        "fornavn|etternavn|mellomnavn|kallenavn|fulltnavn|fornamn|forenamn|etternamn|mellomnamn|firstname|"
        "lastname|surname|fullname|forename|nickname|vorname|nachname|familienname|first name|last name|full name|"
        "given name|family name|middle name|hva heter du|kva heiter du|what is your name|wie heisst du|"
        "wie heissen sie|wie ist ihr name"
    ),
    K.PHONE: (
        "telefonnummer|telefonnr|tlfnr|tlf|mobilnummer|mobilnr|mobiltelefonnummer|phonenumber|telephonenumber|"
        "mobilenumber|handynummer|tlf nr|tel nr|telefon nr|telefon nummer|mobil nr|mobil nummer|"
        "phone number|phone no|telephone number|mobile number|cell number|handy nummer"
    ),
    K.EMAIL: (
        "epostadresse|emailadresse|emailaddress|mailadresse|mailaddress|e postadresse|e post adresse|"
        "e mail adresse|e mail address|email address|email adresse|mail address|mail adresse|e mailadresse"
    ),
    K.ADDRESS: (
        "gateadresse|bostedsadresse|hjemmeadresse|postadresse|besoksadresse|heimeadresse|bustadadresse|"
        "wohnadresse|anschrift|street address|home address|postal address|mailing address|residential address|"
        "folkeregistrert adresse|gate adresse|address line"
    ),
    K.BIRTH_DATE: (
        "fodselsdato|birthdate|geburtsdatum|date of birth|birth date|fodsels dato|dato for fodsel"
    ),
    K.IP: "ipadresse|ipaddress|ipaddr|ipv4|ipv6|ip adresse|ip address|ip addr|remote addr|remote address|remote ip",
    K.SYSTEM_ID: (
        "respondentid|respondentnummer|respondentnr|kontaktid|contactid|personid|userid|brukerid|deltakerid|"
        "participantid|uniqueid|uuid|guid|uid|kundeid|kundenummer|customerid|clientid|klientid|pasientid|"
        "patientid|journalnummer|journalnr|respondent id|respondent nr|respondent nummer|contact id|kontakt id|"
        "person id|user id|bruker id|deltaker id|participant id|unique id|kunde id|customer id|client id|klient id|"
        "pasient id|patient id|journal nr|journal nummer"
    ),
    K.POSTCODE: "postnummer|postnr|postkode|postcode|postleitzahl|plz|zipcode|zip|poststed|zip code|postal code|post code",
}

WEAK: dict[IdentifierKind, str] = {
    K.NAME: "navn|namn|name",
    K.PHONE: "telefon|telephone|phone|mobil|mobile|mobiltelefon|handy|tel|cellphone|cell phone",
    K.EMAIL: "epost|email|mail|e post|e mail",
    K.ADDRESS: "adresse|address|addresse|strasse|hausnummer|husnummer",
    K.IP: "ip",
    K.SYSTEM_ID: "id",
    K.BIRTH_DATE: "fodselsdag|birthday|dob|geburtstag",  # "What did you do on your birthday?" is not asking
}

# Words that may stand beside a weak word in a label that is still only about that identifier.
FILLERS = _word_set(
    "s din ditt dine di dykkar your yours my mitt min mine dein deine ihr ihre hva kva er what is are was ist lautet "
    "wie the a an og and und eller or oder et en ei pa til of for av der des die das sie du deg dere skriv oppgi "
    "angi fyll inn her please enter give provide bitte geben angeben vennligst valgfritt valfritt frivillig "
    "frivilleg optional kun only som with med nr no number nummer numbers siffer sifre digits ziffern full fullt "
    "fullstendig complete vollstandig kontakt contact privat private hjem hjemme heim heime home arbeid jobb "
    "work business fast primaer primary alternativ alternative sekundaer secondary person personens norsk "
    "norwegian respondent respondentens informant deltaker deltakeren participant bakgrunnsdata background "
    "hintergrunddaten kontaktperson kontaktpersonen barn barnet child mor far mother father foresatt foresatte "
    "guardian parent forelder partner kjaereste parorende verge saksbehandler caseworker fastlege lege doctor "
    "klient client pasient patient ektefelle spouse"
)

# Place words that turn a postcode into an address.
PLACES = {"poststed", "sted", "stad", "city", "town", "place", "ort", "wohnort", "by"}

# A question that opens like this counts or measures (how many, how often, how long, how much), and one that asks
# yes/no (a verb, then the subject: `Har du …`, `Do you …`): never asking for an identifier, whatever it mentions.
COUNT_OPENERS = ("hvor mange", "kor mange", "hvor ofte", "kor ofte", "hvor lenge", "kor lenge", "hvor mye", "kor mykje",
                 "how many", "how often", "how long", "how much", "number of", "antall", "wie viele", "wie oft",
                 "wie lange", "anzahl")
SUBJECTS = {"du", "dere", "dykk", "de", "you", "sie"}
INTERROGATIVES = {"hva", "kva", "hvilken", "hvilket", "hvilke", "kven", "hvem", "hvor", "kor", "hvordan", "korleis",
                  "what", "which", "who", "where", "how", "wie", "was", "welche", "welcher", "welches", "wo", "wer"}
REQUESTS = {"oppgi", "skriv", "angi", "fyll", "tast", "enter", "write", "provide", "give", "type", "geben",
            "angeben", "nennen", "tell", "fortell", "fortel", "noter", "legg", "registrer", "register"}

# SurveyXact labels uploaded background data "Kontaktopplysninger - <variable>"; these headings mark contact data.
CONTACT_HEADINGS = (
    "kontaktopplysninger", "kontaktopplysningar", "kontaktinformasjon", "kontaktinfo", "kontaktdetaljer",
    "kontaktoplysninger", "kontaktdaten", "contact information", "contact details", "contact info",
    "personopplysninger", "personopplysningar", "personalia", "personal details", "personal information",
    "personliche daten",
)

# SurveyXact's own system variables (long name, short name or questionName, lower case) that identify someone.
SYSTEM_NAMES = {
    "email": K.EMAIL,
    "respondentid": K.SYSTEM_ID,
    "responde": K.SYSTEM_ID,
    "digitaldistributionerrormessage": K.EMAIL,  # the bounce message quotes the address
    "digit_1": K.EMAIL,
}

# SurveyXact cuts variable names to 8 characters by default: the cut forms of the strong words, as compact names.
TRUNCATED = {
    "fodselsn": K.NATIONAL_ID, "personnu": K.NATIONAL_ID, "telefonn": K.PHONE, "mobilnum": K.PHONE,
    "telephon": K.PHONE, "etternav": K.NAME, "mellomna": K.NAME, "kallenav": K.NAME, "firstnam": K.NAME,
    "firstna": K.NAME, "lastnam": K.NAME, "lastna": K.NAME, "gateadre": K.ADDRESS, "bostedsa": K.ADDRESS,
    "hjemmead": K.ADDRESS, "epostadr": K.EMAIL, "epostad": K.EMAIL, "emailadr": K.EMAIL, "ipadress": K.IP,
    "ipaddres": K.IP, "ipaddre": K.IP, "postnumm": K.POSTCODE, "fodselsd": K.BIRTH_DATE, "birthdat": K.BIRTH_DATE,
    "forn": K.NAME, "ettern": K.NAME,  # readSX's example export: background columns forn, ettern
}

# Words that hint at a birth without naming a date: enough to look for dates of birth in the values, not to drop.
BIRTH_HINTS = {"fodt", "fodd", "fodde", "fodsel", "fodselsar", "born", "birth", "geboren", "geburt", "geburtsjahr"}


def _phrases(table: dict[IdentifierKind, str]) -> dict[tuple[str, ...], IdentifierKind]:
    return {tuple(p.split()): kind for kind, spec in table.items() for p in spec.split("|")}


STRONG_PHRASES = _phrases(STRONG)
WEAK_PHRASES = _phrases(WEAK)
IDENTIFIER_WORDS = {w for p in [*STRONG_PHRASES, *WEAK_PHRASES] for w in p}
KNOWN = IDENTIFIER_WORDS | FILLERS | PLACES | BIRTH_HINTS
LONGEST = max(len(p) for p in [*STRONG_PHRASES, *WEAK_PHRASES])
# Norwegian, German and English endings: `navnet`, `adressen`, `telefonnumre`, `adressa` (nn), `emails`.
SUFFIXES = ("ene", "ane", "ne", "en", "et", "er", "ar", "a", "n", "e", "r", "s")


def canonical(word: str) -> str:
    """The vocabulary form of an inflected word (`navnet` → `navn`, `mobilnumre` → `mobilnummer`), else itself."""
    if word in KNOWN:
        return word
    for ending, base in (("numrene", "nummer"), ("numre", "nummer"), ("a", "e")):  # numre: plural; a: nn definite
        if word.endswith(ending) and word[: -len(ending)] + base in KNOWN:
            return word[: -len(ending)] + base
    for suffix in SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and stem in KNOWN:
            return stem
    return word


@dataclass(frozen=True)
class _Match:
    kind: IdentifierKind
    first: int  # index of the first word
    last: int  # index past the last word
    strong: bool


def _matches(forms: Sequence[str]) -> list[_Match]:
    """Phrases found in the words, longest first at each position, not overlapping."""
    found: list[_Match] = []
    i = 0
    while i < len(forms):
        for size in range(min(LONGEST, len(forms) - i), 0, -1):
            key = tuple(forms[i : i + size])
            kind = STRONG_PHRASES.get(key)
            strong = kind is not None
            kind = kind or WEAK_PHRASES.get(key)
            if kind is not None:
                found.append(_Match(kind, i, i + size, strong))
                i += size
                break
        else:
            i += 1
    return found


PRIORITY = [K.NATIONAL_ID, K.EMAIL, K.PHONE, K.IP, K.BIRTH_DATE, K.ADDRESS, K.NAME, K.SYSTEM_ID, K.CONTACT, K.POSTCODE]


def _judge(label: str, items: list[Word], *, weak: bool) -> tuple[IdentifierKind, str, bool] | None:
    """The identifier a run of words names, the words as written, and whether a strong word decided; weak words
    count only if `weak`."""
    if not items:
        return None
    forms = [canonical(w.text) for w in items]
    found = _matches(forms)
    chosen = [m for m in found if m.strong]
    if weak and not chosen:
        used = {i for m in found for i in range(m.first, m.last)}
        rest = [f for i, f in enumerate(forms) if i not in used]
        if found and all(f in FILLERS or f.isdigit() for f in rest):
            chosen = found
    if not chosen:
        return None
    postcodes = [m for m in chosen if m.kind is K.POSTCODE]
    if postcodes and any(f in PLACES for i, f in enumerate(forms) if not postcodes[0].first <= i < postcodes[0].last):
        chosen = [_Match(K.ADDRESS, m.first, m.last, True) if m.kind is K.POSTCODE else m for m in chosen]
    best = min(chosen, key=lambda m: (PRIORITY.index(m.kind), m.first))
    return best.kind, label[items[best.first].start : items[best.last - 1].end], best.strong


def _opens(forms: Sequence[str], opener: str) -> bool:
    return tuple(forms[: len(opener.split())]) == tuple(opener.split())


def _asks_yes_no_or_count(forms: Sequence[str]) -> bool:
    """`Har du mobiltelefon?`, `Do you have …`, `Hvor mange …`: a question about something, not asking for it."""
    if any(_opens(forms, opener) for opener in COUNT_OPENERS):
        return True
    if len(forms) >= 2 and forms[1] in SUBJECTS and forms[0] not in INTERROGATIVES | IDENTIFIER_WORDS:
        return not any(f in REQUESTS for f in forms)
    return False


def _heading(forms: Sequence[str]) -> str | None:
    """The contact heading a text part is (`Kontaktopplysninger`, `Kontaktinformasjon (frivillig):`), if any."""
    for heading in CONTACT_HEADINGS:
        size = len(heading.split())
        if _opens(forms, heading) and all(f in FILLERS for f in forms[size:]):
            return heading
    return None


def _from_text(text: str) -> IdentifierReason | None | bool:
    """The reason a question text gives; False when the text is a yes/no or counting question (a veto)."""
    parts = text.split(" - ")
    first = words(parts[0])
    first_forms = [canonical(w.text) for w in first]
    offset = len(parts[0]) + 3
    if len(parts) > 1 and _heading(first_forms):
        for part in parts[1:]:
            items = [Word(w.text, w.start + offset, w.end + offset) for w in words(part)]
            judged = _judge(text, items, weak=True)
            if judged:
                return IdentifierReason(judged[0], judged[1], "text")  # a contact heading makes it strong
            offset += len(part) + 3
        return IdentifierReason(K.CONTACT, parts[0].strip(), "text")
    question = len(parts) > 1 and parts[0].rstrip().endswith("?")
    head = parts[0] if question else text
    head_words = first if question else words(text)
    if _asks_yes_no_or_count([canonical(w.text) for w in head_words]):
        return False
    judged = _judge(head, head_words, weak=True)
    if judged:
        return IdentifierReason(*judged[:2], "text", judged[2])
    if question:  # the items of a grid: only a strong word makes a column of numbers or addresses
        for part in parts[1:]:
            items = [Word(w.text, w.start + offset, w.end + offset) for w in words(part)]
            judged = _judge(text, items, weak=False)
            if judged:
                return IdentifierReason(*judged[:2], "text")
            offset += len(part) + 3
    return None


def _from_name(name: str, field: str, *, weak: bool = True) -> IdentifierReason | None:
    lowered = name.strip().lower()
    if lowered in SYSTEM_NAMES:
        return IdentifierReason(SYSTEM_NAMES[lowered], name.strip(), field)
    compact = "".join(w.text for w in words(name))
    if compact in TRUNCATED:
        return IdentifierReason(TRUNCATED[compact], name.strip(), field)
    judged = _judge(name, words(name), weak=weak)
    return IdentifierReason(*judged[:2], field, judged[2]) if judged else None


def _says_something(text: str) -> bool:
    """Whether a text has words of its own (not only `Skriv inn her`, `(valgfritt)`)."""
    return any(not (f in FILLERS or f.isdigit()) for f in (canonical(w.text) for w in words(text)))


def name_reason(variable: str, question_name: str | None = None, text: str | None = None) -> IdentifierReason | None:
    """Why a column's variable name, questionName or question text marks it as (quasi-)identifying, or None.

    The text decides first: a yes/no or counting question is never an identifier, even when its variable is
    called `mobil`; and when the text says something of its own without naming an identifier, the names count
    only with a strong word (variable `ip` with text `Individuell plan (IP)` is kept). SurveyXact's own system
    names (`email`, `respondentid`) are identifiers whatever the text. `text` is the cleaned Structure question
    text (for a multiple-choice option: the question, not the option).
    """
    for candidate, field in ((variable, "variable"), (question_name, "question_name")):
        if candidate and candidate.strip().lower() in SYSTEM_NAMES:
            return _from_name(candidate, field)
    if text and text.strip():
        from_text = _from_text(text.strip())
        if from_text is False:
            return None
        if isinstance(from_text, IdentifierReason):
            return from_text
    weak = not (text and _says_something(text))
    for candidate, field in ((variable, "variable"), (question_name, "question_name")):
        if candidate:
            reason = _from_name(candidate, field, weak=weak)
            if reason:
                return reason
    return None


def identifier_reason(variable: str, question_name: str | None = None, text: str | None = None) -> IdentifierReason | None:
    """Like `name_reason`, but only direct identifiers: the columns an import drops (a postcode is not one)."""
    reason = name_reason(variable, question_name, text)
    return reason if reason is not None and reason.direct else None


def birth_date_hint(variable: str, question_name: str | None = None, text: str | None = None) -> bool:
    """Whether the labels speak of a birth (`Når ble du født?`, `fodt`, `Geburtsjahr`): dates in such a column
    are dates of birth. A survey's other dates (when it was answered, when something happened) are not."""
    for label in (variable, question_name or "", text or ""):
        forms = [canonical(w.text) for w in words(label)]
        if any(f in BIRTH_HINTS for f in forms) or any(m.kind is K.BIRTH_DATE for m in _matches(forms)):
            return True
    return False


def content_reason(values: Iterable[object], *, birth_date_hint: bool = False) -> ContentFinding | None:
    """The identifier a column's values are, when at least `COLUMN_SHARE` of the non-blank ones are; else None."""
    for finding in scan_values(values, birth_date_hint=birth_date_hint, screen=False):
        if finding.column:
            return finding
    return None
