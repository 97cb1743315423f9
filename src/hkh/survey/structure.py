"""SurveyXact's description tables read: Structure, Labels and Variables; which columns are system columns; and
the cleaning of texts, dates and numbers as exports hold them.

SurveyXact describes a survey in Structure (one row per variable: question name, type, text, choice value), Labels
(value labels, no header) and Variables (variable descriptions). The traps of the format that the code handles on
purpose are described in docs/surveyxact-format.md (section numbers below are its §11).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from hkh.core.safe_text import FORBIDDEN
from hkh.survey.surveyxact import RawTable, as_code, as_text, is_blank

# ------------------------------------------------------------------------------------------------------- text clean

EXPRESSION = re.compile(r"\{%.*?%\}", re.DOTALL)


def clean_text(value: Any) -> str:
    """Whitespace runs, line breaks, control characters and unresolved `{%expression:…%}` piping tokens out; ends
    trimmed."""
    text = as_text(value)
    text = EXPRESSION.sub("", text)
    text = text.replace("\u00a0", " ")
    return FORBIDDEN.sub("", re.sub(r"\s+", " ", text)).strip()


NON_SUBSTANTIVE = {
    "vet ikke", "vet ikkje", "veit ikke", "veit ikkje", "ved ikke", "ved ikkje",
    "ikke relevant", "ikkje relevant", "ikke aktuelt", "ikkje aktuelt", "ikke aktuell", "ikkje aktuell",
    "keine angabe", "weiß nicht", "weiss nicht", "weis nicht", "k.a.",
    "don't know", "dont know", "do not know", "not applicable", "n/a", "na", "not relevant",
    "vil ikke svare", "vil ikkje svare", "ønsker ikke å svare", "ønskjer ikkje å svare", "ønsker ikke svare",
    "ønsker ikke å oppgi", "vil ikke oppgi", "vil ikkje oppgi", "ønsker ikke å besvare",
    "prefer not to say", "prefer not to answer", "no answer", "ingen formening", "ved ikke/ikke relevant",
    "kan ikke svare", "husker ikke", "huskar ikkje", "ubesvart",
}


def is_non_substantive(label: str) -> bool:
    """True for "Vet ikke", "Ikke relevant/ vet ikke", "keine Angabe"... (every part of the label must be one)."""
    text = clean_text(label).lower().replace("’", "'").replace("´", "'")
    text = re.sub(r"^\d+\s*[-.:)]?\s*", "", text)  # labels exported with the code in front
    if not text:
        return False
    parts = re.split(r"\s*(?:/|;|,|\beller\b|\bor\b|\boder\b|\bog\b)\s*", text)
    parts = [p.strip(" .:!*()-") for p in parts if p.strip(" .:!*()-")]
    return bool(parts) and all(p in NON_SUBSTANTIVE for p in parts)


# ------------------------------------------------------------------------------------------------ system columns

SYSTEM_QUESTIONS = {
    "survey", "respondentid", "organization", "statinternal", "created", "modified", "closetime", "starttime",
    "difftime", "responsecollectsessions", "numberofreturnedmail", "importgroup", "distributionschedule",
    "email", "digitaldistributionstatus", "digitaldistributionerrormessage", "statcompletion", "statcreation",
    "statdistribution", "statsource", "statcollect", "statoverall",
}
SYSTEM_NAMES = re.compile(
    r"^(survey|respondentid|responde|organization|organiza|created|modified|closetime|closetim|starttime|starttim|"
    r"difftime|responsecollectsessions|response|numberofreturnedmail|numberof|importgroup|importgr|"
    r"distributionschedule|distribu|email|digitaldistributionstatus|digitald|digitaldistributionerrormessage|digit_1|"
    r"(statinternal|statcompletion|statcreation|statdistribution|statsource|statcollect|statoverall|"
    r"stat|statc|statd|stats|stato)_\d+)$"
)
STATUS_NAMES = re.compile(r"^(?:statoverall|stato)_(\d+)$")
CLOSETIME_NAMES = {"closetime", "closetim"}


# ------------------------------------------------------------------------------------------------------- structure


@dataclass
class StructRow:
    question: str
    variable: str
    qtype: str
    subtype: str
    text: str
    choice_value: int | None
    choice_text: str
    index: int


STRUCTURE_COLUMNS = ("questionname", "variablename", "questiontype", "subtype", "questiontext", "choicevalue", "choicetext")


def parse_structure(table: RawTable) -> list[StructRow]:
    if not table.rows:
        return []
    header = [as_text(c).replace("\ufeff", "").strip().lower() for c in table.rows[0]]
    if "variablename" not in header:
        raise table.error("structure-no-variable-name", 0)
    cols = {name: header.index(name) for name in STRUCTURE_COLUMNS if name in header}
    rows: list[StructRow] = []
    for index in range(1, len(table.rows)):
        row = table.rows[index]

        def cell(name: str, row: list[Any] = row) -> Any:
            col = cols.get(name)
            return row[col] if col is not None and col < len(row) else ""

        if [as_text(c).strip().lower() for c in row[: len(header)]] == header[: len(row)]:
            continue  # a repeated header row (§11.4)
        variable = as_text(cell("variablename")).strip().lower()
        if not variable:
            continue
        raw_choice = cell("choicevalue")
        choice = None
        if not is_blank(raw_choice):
            choice = as_code(raw_choice)
            if choice is None:
                raise table.error("choice-value-not-whole", index, cols.get("choicevalue"), value=as_text(raw_choice))
        rows.append(
            StructRow(
                question=as_text(cell("questionname")).strip() or variable,
                variable=variable,
                qtype=as_text(cell("questiontype")).strip().lower(),
                subtype=as_text(cell("subtype")).strip().lower(),
                text=as_text(cell("questiontext")),
                choice_value=choice,
                choice_text=as_text(cell("choicetext")),
                index=index,
            )
        )
    return rows


def parse_labels(table: RawTable) -> dict[str, list[tuple[int, str]]]:
    """variable -> [(code, label)] in file order. Labels has no header; one is tolerated."""
    labels: dict[str, list[tuple[int, str]]] = {}
    for index, row in enumerate(table.rows):
        if not row or is_blank(row[0]):
            continue
        variable = as_text(row[0]).replace("\ufeff", "").strip().lower()
        if index == 0 and variable == "variablename":
            continue
        if len(row) < 2 or is_blank(row[1]):
            raise table.error("label-without-code", index, 1, variable=variable)
        code = as_code(row[1])
        if code is None:
            raise table.error("label-code-not-whole", index, 1, variable=variable, value=as_text(row[1]))
        text = clean_text(row[2]) if len(row) > 2 else ""
        entries = labels.setdefault(variable, [])
        if all(c != code for c, _ in entries):
            entries.append((code, text or str(code)))
    return labels


def parse_variables(table: RawTable) -> dict[str, str]:
    result: dict[str, str] = {}
    for index, row in enumerate(table.rows):
        if not row or is_blank(row[0]):
            continue
        name = as_text(row[0]).replace("\ufeff", "").strip().lower()
        if index == 0 and name == "variablename":
            continue
        result[name] = clean_text(row[1]) if len(row) > 1 else ""
    return result


DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M",
                "%d-%m-%Y", "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y", "%Y-%m-%dT%H:%M:%S")


def parse_date(value: Any) -> str | None:
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = as_text(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}", text):
        try:
            return dt.datetime.fromisoformat(text).isoformat(sep=" ", timespec="seconds")
        except ValueError:
            pass
    for fmt in DATE_FORMATS:
        try:
            parsed = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        return parsed.isoformat(sep=" ", timespec="seconds") if ("%H" in fmt) else parsed.date().isoformat()
    return None


def parse_number(value: Any) -> int | float | None:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
            return None
        return int(value) if isinstance(value, float) and value.is_integer() and abs(value) < 2**53 else value
    text = as_text(value).strip().replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if re.fullmatch(r"[+-]?\d*[.,]\d+", text):
        number = float(text.replace(",", "."))
        return number
    return None
