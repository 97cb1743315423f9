"""`hkh efforts import`: a services list kept in a spreadsheet, read into efforts.yaml.

Municipal teams keep their services in a spreadsheet, with their own column names. The first import proposes which
column fills which field of efforts.yaml (from the headers, in Norwegian or English), shows it, and the team
confirms it once (`--confirm`, or yes on the terminal); the mapping is kept in the project as `efforts-import.yaml`
and used from then on, until the sheet's columns change. The register hkh exports (`hkh efforts export`) is
recognised by its own headers and needs no mapping: reading it back applies the services' corrections.

What a row becomes (the judgement calls):
- A row updates the effort with its id (a column mapped to `id`), or else the effort with the same organisation and
  name, or else the only effort with that name; otherwise it is a new effort with an id made from its name.
- A mapped column is the sheet's word on that field: an empty cell removes the field from the effort. Fields no
  column gives are left as they are, and efforts the sheet does not list are kept (and named).
- Opening hours written as OpenStreetMap syntax are taken as they are; in words ("man–fre 09.00–15.00") they are
  read into OSM syntax when the reading has one meaning (`hkh.project.hours_text`); otherwise the words are kept as
  `hours_note` (which the gap analysis lists but never counts as open) and the cell is reported.
- A row without a name or an organisation, or with a value the model refuses, is not taken; it is reported with
  its cell and its content. A yes/no or number cell that cannot be read leaves that field alone and is reported.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from hkh.core.errors import HkhError, Message, say
from hkh.core.sheets import Cell, Sheet, Sheets, is_blank, read_sheets, text_of
from hkh.i18n import LANGUAGES, render, t
from hkh.project.load import Project
from hkh.project.models import ID_PATTERN, Capacity, Effort, EffortRegister, HkhModel
from hkh.project.schema import problems_of
from hkh.project.yamledit import delete_key, flow_list, plain, set_key, text_value

MAPPING_FILE = "efforts-import.yaml"
EFFORTS_FILE = "efforts.yaml"
IGNORE = "ignore"
REQUIRED = ("name", "organisation")

# header words → field: exact headers first, then headers that contain the word (longest word first)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "id": ("id", "nøkkel", "kode", "key"),
    "organisation": (
        "organisasjon", "organisation", "organization", "virksomhet", "verksemd", "driver", "drives av", "driftes av",
        "eier", "etat", "tilbyder", "tilbydar", "provider", "operator", "ansvarlig", "ansvarleg",
    ),
    "name": ("navn", "namn", "name", "tilbud", "tilbod", "tiltak", "tjeneste", "teneste", "service", "tilbudets navn"),
    "kind": ("type", "art", "kategori", "kind", "category", "tilbudstype"),
    "provider": ("tilbyder type", "sektor", "provider", "provider type"),
    "status": ("status", "drift", "i drift"),
    "offers": ("tilbyr", "innhold", "tjenester", "tenester", "offers", "services", "hva tilbys", "kva blir tilbode"),
    "target_groups": ("målgruppe", "målgrupper", "for hvem", "for kven", "target group", "target groups"),
    "areas": ("område", "områder", "bydel", "bydeler", "area", "areas", "district"),
    "address": ("adresse", "address", "sted", "oppmøtested", "location"),
    "opening_hours": (
        "åpningstid", "åpningstider", "opningstid", "opningstider", "åpent", "ope", "opening hours", "hours", "open",
    ),
    "hours_note": ("merknad om åpningstider", "merknad åpningstid", "merknad om opningstider", "note on opening hours"),
    "over_capacity": ("over kapasitet", "fullt", "overbelastet", "over capacity", "full"),
    "capacity": ("kapasitet", "plasser", "capacity", "places"),
    "low_threshold": ("lavterskel", "lågterskel", "low threshold", "drop-in"),
    "description": (
        "beskrivelse", "skildring", "om tilbudet", "om tilbodet", "description", "merknad", "merknader", "kommentar",
        "notes", "note",
    ),
    "sources": ("kilde", "kilder", "kjelde", "kjelder", "source", "sources"),
}
YES = {"ja", "j", "x", "yes", "y", "true", "sann", "1", "✓", "✔"}
NO = {"nei", "n", "no", "false", "usann", "0", "-", "–"}


class ColumnMapping(HkhModel):
    """`efforts-import.yaml`: which column of the team's services list fills which field of efforts.yaml."""

    sheet: str | None = None
    columns: dict[str, str]


def effort_fields() -> dict[str, str]:
    """Each field of the Effort model a spreadsheet cell can fill, and how its cell is read: text, list, yes/no,
    number or hours. Fields of nested structure (schedules, say) are kept out: they stay in efforts.yaml."""
    kinds: dict[str, str] = {}
    for name, info in Effort.model_fields.items():
        arguments = [a for a in typing.get_args(info.annotation) if a is not type(None)]
        base = info.annotation if typing.get_origin(info.annotation) is list or not arguments else arguments[0]
        if name == "opening_hours":
            kinds[name] = "hours"
        elif base is str:
            kinds[name] = "text"
        elif base is bool:
            kinds[name] = "bool"
        elif base is int:
            kinds[name] = "int"
        elif isinstance(base, type) and issubclass(base, Enum):
            kinds[name] = "enum"
        elif typing.get_origin(base) is list:
            (item,) = typing.get_args(base) or (None,)
            if item is str or (typing.get_origin(item) is typing.Annotated and typing.get_args(item)[0] is str):
                kinds[name] = "list"
    # capacity is numbers and a note (issue 14); a cell holds the note, and the numbers stay in efforts.yaml
    if "capacity" in kinds or "capacity" in Effort.model_fields:
        kinds["capacity"] = "text"
    return kinds


def field_label(name: str, language: str) -> str:
    try:
        return t(f"efforts_sheet.field_{name}", language)
    except KeyError:
        return name.replace("_", " ").capitalize()


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s-]", " ", text.casefold()).split())


def propose_mapping(headers: list[str], keep: dict[str, str] | None = None) -> dict[str, str]:
    """A field (or `ignore`) for each header: what the team confirmed before, hkh's own export headings, the usual
    words; each field from one column only."""
    fields = effort_fields()
    keep = keep or {}
    proposal: dict[str, str] = {}
    taken: set[str] = set()
    own = {_folded(field_label(f, lang)): f for f in fields for lang in LANGUAGES}
    for header in headers:
        if header in keep and (keep[header] in fields or keep[header] == IGNORE):
            proposal[header] = keep[header]
            taken.add(keep[header])
    for header in headers:  # exact words first
        if header in proposal:
            continue
        folded = _folded(header)
        match = own.get(folded) or next((f for f, words in SYNONYMS.items() if folded in words), None)
        if match and match in fields and match not in taken:
            proposal[header] = match
            taken.add(match)
    for header in headers:  # then a word inside a longer heading ("Navn på tilbudet")
        if header in proposal:
            continue
        folded = f" {_folded(header)} "
        candidates = sorted(
            ((len(word), f) for f, words in SYNONYMS.items() for word in words if f" {word} " in folded),
            reverse=True,
        )
        match = next((f for _length, f in candidates if f in fields and f not in taken), None)
        proposal[header] = match or IGNORE
        if match:
            taken.add(match)
    return proposal


@dataclass(frozen=True)
class Proposal:
    """The mapping to use, whether the team has confirmed it, and why it is asked again."""

    sheet: str
    columns: list[tuple[str, str]]  # (header, field or `ignore`), in the sheet's order
    confirmed: bool
    own_export: bool = False
    reason: Message | None = None

    def mapping_text(self, language: str) -> str:
        from ruamel.yaml.comments import CommentedMap

        from hkh.core.yamlio import dump_yaml

        data = CommentedMap()
        data["sheet"] = self.sheet
        data["columns"] = CommentedMap(self.columns)
        header = {
            "nb": "# Kolonnene i tjenestelisten, og feltet i efforts.yaml hver av dem leses inn i (`ignore`: leses ikke).\n"
            "# Bekreftet med `hkh efforts import --confirm`; rett her om en kolonne havner feil.\n",
            "nn": "# Kolonnane i tenestelista, og feltet i efforts.yaml kvar av dei blir lesen inn i (`ignore`: blir ikkje lesen).\n"
            "# Stadfest med `hkh efforts import --confirm`; rett her om ein kolonne hamnar feil.\n",
            "en": "# The columns of the services list, and the field of efforts.yaml each is read into (`ignore`: not read).\n"
            "# Confirmed with `hkh efforts import --confirm`; correct it here if a column lands wrong.\n",
        }[language if language in LANGUAGES else "en"]
        return header + dump_yaml(data)


@dataclass
class RowProblem:
    """A row not taken or a cell not read: where (`file!Sheet!C14`) and what, put into words where it is shown."""

    where: str
    wording: Message

    @property
    def message(self) -> str:
        return render(self.wording, "en")

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class EffortsImport:
    proposal: Proposal
    text: str | None = None  # efforts.yaml's new text; None while the mapping waits for confirmation
    rows: int = 0
    added: list[tuple[str, str]] = field(default_factory=list)  # (id, name)
    updated: list[tuple[str, list[str]]] = field(default_factory=list)  # (id, fields changed)
    unchanged: int = 0
    rejected: list[RowProblem] = field(default_factory=list)
    warnings: list[RowProblem] = field(default_factory=list)
    kept_outside: list[str] = field(default_factory=list)
    vocabulary_text: str | None = None  # hkh.yaml's new text when the import declares new terms
    declared: list[tuple[str, str]] = field(default_factory=list)  # (kind, term) declared in hkh.yaml

    @property
    def needs_confirmation(self) -> bool:
        return not self.proposal.confirmed


def _header_row(sheet: Sheet) -> tuple[int, list[str]] | None:
    for number, cells in sheet.numbered_rows():
        if number > 10:
            break
        if sum(1 for value in cells if not is_blank(value)) >= 2:
            return number, [text_of(value) for value in cells]
    return None


def _own_export(sheets: Sheets) -> Sheet | None:
    names = {t("efforts_sheet.sheet", lang).casefold() for lang in LANGUAGES}
    return next((s for s in sheets.sheets if s.name.strip().casefold() in names), None)


def _load_mapping(project: Project) -> ColumnMapping | None:
    from pydantic import ValidationError

    from hkh.core.yamlio import load_yaml

    path = project.root / MAPPING_FILE
    if not path.exists():
        return None
    tree = load_yaml(path, display=project.path(MAPPING_FILE))
    try:
        return ColumnMapping.model_validate(plain(tree) if tree is not None else {})
    except ValidationError as exc:
        shown = project.path(MAPPING_FILE)
        first = problems_of(exc.errors(include_url=False), path=path, shown=shown, tree=tree, model=ColumnMapping)[0]
        raise HkhError("efforts-mapping-invalid", path=shown, line=first.line, detail=first.wording) from None


def proposal_for(project: Project, sheets: Sheets, language: str, confirmed: bool) -> tuple[Proposal, Sheet, int]:
    """The mapping to use for this spreadsheet, its sheet and header row."""
    own = _own_export(sheets)
    saved = None if own is not None else _load_mapping(project)
    sheet = own or (sheets.sheet(saved.sheet) if saved and saved.sheet else None)
    if sheet is None:
        sheet = next((s for s in sheets.sheets if _header_row(s) is not None), sheets.sheets[0] if sheets.sheets else None)
    found = _header_row(sheet) if sheet is not None else None
    if sheet is None or found is None:
        raise HkhError("efforts-no-header", path=sheets.shown)
    header_row, headers = found
    named = [h for h in headers if h]
    if own is not None:
        columns = propose_mapping(named)
        hours_words = {t("efforts_sheet.hours_words", lang) for lang in LANGUAGES}
        pairs = [(h, IGNORE if h in hours_words else columns[h]) for h in named]
        return Proposal(sheet.name, pairs, True, own_export=True), sheet, header_row
    keep = saved.columns if saved else {}
    missing = [h for h in keep if h not in named]
    new = [h for h in named if h not in keep]
    columns = propose_mapping(named, keep)
    pairs = [(h, columns[h]) for h in named]
    reason = None
    if saved is not None and (missing or new):
        parts = []
        if missing:
            parts.append(say("efforts_sheet.mapping_missing_columns", columns=", ".join(missing)))
        if new:
            parts.append(say("efforts_sheet.mapping_new_columns", columns=", ".join(new)))
        reason = say("messages.efforts-mapping-changed", what=parts)
    is_confirmed = confirmed or (saved is not None and not missing and not new)
    return Proposal(sheet.name, pairs, is_confirmed, reason=reason), sheet, header_row


def _effort_id(name: str, taken: set[str]) -> str:
    text = name.casefold()
    for letter, ascii_letters in (("æ", "ae"), ("ø", "o"), ("å", "a"), ("é", "e"), ("è", "e"), ("ü", "u"), ("ö", "o"), ("ä", "a")):
        text = text.replace(letter, ascii_letters)
    base = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:56] or "innsats"
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def _items(text: str) -> list[str]:
    return [item.strip() for item in re.split(r"\s*[,;\n]\s*", text) if item.strip()]


class _Rows:
    """The sheet's rows read into efforts (values by field), with what could not be taken."""

    def __init__(self, project: Project, sheets: Sheets, sheet: Sheet, header_row: int, proposal: Proposal,
                 language: str) -> None:
        self.project = project
        self.sheets = sheets
        self.sheet = sheet
        self.header_row = header_row
        self.language = language
        self.kinds = effort_fields()
        headers = [text_of(value) for value in sheet.rows[header_row - 1]]
        mapped = dict(proposal.columns)
        # field → (1-based column, header)
        self.columns: dict[str, tuple[int, str]] = {}
        doubled: dict[str, list[str]] = {}
        for index, header in enumerate(headers, start=1):
            target = mapped.get(header, IGNORE) if header else IGNORE
            if target == IGNORE:
                continue
            if target not in self.kinds:
                raise HkhError("efforts-not-a-field", path=project.path(MAPPING_FILE), field=target)
            doubled.setdefault(target, []).append(header)
            self.columns.setdefault(target, (index, header))
        for target, names in doubled.items():
            if len(names) > 1:
                raise HkhError("efforts-mapping-twice", path=project.path(MAPPING_FILE), field=target, columns=names)
        lacking = [name for name in REQUIRED if name not in self.columns]
        if lacking:
            raise HkhError("efforts-mapping-needs", path=sheets.shown, fields=lacking)
        self.headers = headers
        self.rejected: list[RowProblem] = []
        self.warnings: list[RowProblem] = []

    def where(self, row: int, column: int) -> str:
        if self.sheets.kind == "csv":
            from hkh.core.sheets import column_letter

            return f"{self.sheets.shown}!{column_letter(column)}{row}"
        return f"{self.sheets.shown}!{self.sheet.where(row, column)}"

    def cell(self, cells: list[Cell], target: str) -> Cell:
        column = self.columns[target][0]
        return cells[column - 1] if column <= len(cells) else None

    def row_text(self, cells: list[Cell]) -> str:
        shown = [f"{header}={text_of(value)}" for header, value in zip(self.headers, cells) if header and not is_blank(value)]
        return "; ".join(shown) or "–"

    def read(self) -> list[tuple[int, dict[str, Any]]]:
        """(row number, field → value) of every row that can be taken; None means the cell was empty."""
        taken: list[tuple[int, dict[str, Any]]] = []
        for number, cells in self.sheet.numbered_rows(self.header_row + 1):
            if all(is_blank(value) for value in cells):
                continue
            values: dict[str, Any] = {}
            empty = [name for name in REQUIRED if is_blank(self.cell(cells, name))]
            if empty:
                column, header = self.columns[empty[0]]
                self.reject(number, column, say("messages.efforts-empty-required", column=header), cells)
                continue
            for target, (column, _header) in self.columns.items():
                value = self.value(target, self.cell(cells, target), number, column)
                if value is not _SKIP:
                    values[target] = value
            taken.append((number, values))
        return taken

    def reject(self, row: int, column: int, reason: Message, cells: list[Cell]) -> None:
        message = say("messages.efforts-row-rejected", reason=reason, cells=self.row_text(cells))
        self.rejected.append(RowProblem(self.where(row, column), message))

    def warn(self, row: int, column: int, code: str, /, **values: Any) -> None:
        self.warnings.append(RowProblem(self.where(row, column), say(f"messages.{code}", **values)))

    def value(self, target: str, cell: Cell, row: int, column: int) -> Any:
        kind = self.kinds[target]
        text = " ".join(text_of(cell).split()) if kind != "text" else text_of(cell).strip()
        if not text:
            return None
        if kind == "list":
            return _items(text_of(cell))
        if kind == "bool":
            folded = text.casefold()
            if folded in YES or folded == t("efforts_sheet.yes", self.language).casefold():
                return True
            if folded in NO or folded == t("efforts_sheet.no", self.language).casefold():
                return False
            self.warn(row, column, "efforts-bad-yes-no", text=text, field=target)
            return _SKIP
        if kind == "int":
            if re.fullmatch(r"\d+", text.replace(" ", "")):
                return int(text.replace(" ", ""))
            self.warn(row, column, "efforts-bad-number", text=text, field=target)
            return _SKIP
        if kind == "hours":
            return self.hours(text, row, column)
        if kind == "enum":
            return self.choice(target, text, row, column)
        if target == "id" and not re.match(ID_PATTERN, text):
            self.warn(row, column, "efforts-bad-id", text=text)
            return _SKIP
        return " ".join(text.split()) if "\n" not in text else text

    def choice(self, target: str, text: str, row: int, column: int) -> Any:
        """A field with fixed values (`provider: ngo`): the value itself, in any case, or its words with blanks."""
        annotation = Effort.model_fields[target].annotation
        members = [a for a in (*typing.get_args(annotation), annotation) if isinstance(a, type) and issubclass(a, Enum)]
        folded = text.casefold().replace(" ", "_")
        for member in members[0] if members else []:
            if folded in (str(member.value).casefold(), member.name.casefold()):
                return member.value
        choices = [str(member.value) for member in members[0]] if members else []
        self.warn(row, column, "efforts-bad-choice", text=text, field=target, choices=choices)
        return _SKIP

    def hours(self, text: str, row: int, column: int) -> Any:
        from hkh.project import hours
        from hkh.project.hours_text import suggest_opening_hours

        try:
            return hours.validate(text)
        except hours.HoursError:
            pass
        suggestion = suggest_opening_hours(text)
        if suggestion is not None and suggestion.certain:
            return suggestion.osm
        if suggestion is not None:
            reason = say(f"messages.hours-doubt-{(suggestion.reason or 'ignored_text').replace('_', '-')}")
            self.warn(row, column, "efforts-hours-uncertain", text=text, osm=suggestion.osm, reason=reason)
        else:
            self.warn(row, column, "efforts-hours-unread", text=text)
        return _HoursNote(text)


class _Skip:
    """A cell that could not be read: its field is left as it is."""


class _HoursNote(str):
    """Opening hours in words that could not be read with certainty: kept as the effort's hours_note."""


_SKIP = _Skip()


def _normalise(values: dict[str, Any]) -> dict[str, Any]:
    """Uncertain hours become `opening_hours: None` and an `hours_note`."""
    hours = values.get("opening_hours")
    if isinstance(hours, _HoursNote):
        values["opening_hours"] = None
        note = values.get("hours_note")
        values["hours_note"] = str(hours) if not note or str(hours) in note else f"{hours}; {note}"
    return values


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, Capacity):
        old = old.note
    if isinstance(old, Enum):
        old = old.value
    if isinstance(old, list) or isinstance(new, list):
        return list(old or []) == list(new or [])
    if isinstance(old, bool) or isinstance(new, bool):
        return bool(old) == bool(new)
    if old is None or new is None:
        return (old in (None, "")) and (new in (None, ""))
    return " ".join(str(old).split()) == " ".join(str(new).split())


def _capacity_value(value: Any, before: Capacity | None) -> Any:
    """A capacity note read from a cell, with the numbers efforts.yaml already has kept beside it."""
    numbers = before.model_dump(exclude_none=True, exclude={"note"}) if before is not None else {}
    if not numbers or not isinstance(value, str):
        return value
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap({**numbers, "note": value})


def _yaml_value(name: str, value: Any, before: Any) -> Any:
    if isinstance(value, list):
        return flow_list(value)
    if isinstance(value, str) and name in ("description", "hours_note"):
        return text_value(value, before, indent=6)
    return value


def _row_wording(error: Any, values: dict[str, Any]) -> Message:
    """What the model refuses in a row, in the words `hkh check` uses for the same value in efforts.yaml."""
    problem = problems_of([error], path=None, shown="", tree=values, model=Effort)[0]
    return problem.wording


def import_efforts(project: Project, path: Path, shown: str, *, language: str, confirmed: bool = False) -> EffortsImport:
    """Read a services list (or hkh's own export) and work out efforts.yaml's new text. Nothing is written here; a
    mapping that waits for the team's confirmation gives a result with `needs_confirmation` and no text."""
    from pydantic import ValidationError
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from hkh.core.yamlio import dump_yaml_wide, load_yaml

    sheets = read_sheets(path, shown)
    proposal, sheet, header_row = proposal_for(project, sheets, language, confirmed)
    result = EffortsImport(proposal)
    if not proposal.confirmed:
        return result
    rows = _Rows(project, sheets, sheet, header_row, proposal, language)
    read = rows.read()
    result.rows = len(read) + len(rows.rejected)
    order = tuple(Effort.model_fields)
    tree = load_yaml(project.root / EFFORTS_FILE, display=project.path(EFFORTS_FILE))
    if tree is None:
        tree = CommentedMap()
    if not isinstance(tree.get("efforts"), list):
        tree["efforts"] = CommentedSeq()
    entries = tree["efforts"]
    existing = list(project.efforts.efforts)
    ids = {effort.id for effort in existing}
    by_id = {effort.id: index for index, effort in enumerate(existing)}
    by_pair = {(e.organisation.casefold(), e.name.casefold()): i for i, e in enumerate(existing)}
    names: dict[str, list[int]] = {}
    for position, effort in enumerate(existing):
        names.setdefault(effort.name.casefold(), []).append(position)
    seen: dict[int, int] = {}  # index in efforts.yaml → row that updated it
    for number, values in read:
        values = _normalise(values)
        index: int | None = None
        if values.get("id") and values["id"] in by_id:
            index = by_id[values["id"]]
        elif not values.get("id"):
            key = (str(values["organisation"]).casefold(), str(values["name"]).casefold())
            index = by_pair.get(key)
            if index is None and len(names.get(key[1], [])) == 1:
                index = names[key[1]][0]
        first_column = rows.columns["name"][0]
        if index is not None and index in seen:
            same = say("messages.efforts-same-id", id=existing[index].id, first=seen[index])
            rows.reject(number, first_column, same, sheet.rows[number - 1])
            continue
        if index is None:
            if values.get("id") in ids:
                same = say("messages.efforts-same-id", id=values["id"], first="?")
                rows.reject(number, rows.columns["id"][0], same, sheet.rows[number - 1])
                continue
            values["id"] = values.get("id") or _effort_id(str(values["name"]), ids)
            ids.add(values["id"])
            candidate = {k: v for k, v in values.items() if v is not None}
            try:
                Effort.model_validate(candidate)
            except ValidationError as exc:
                error = exc.errors(include_url=False)[0]
                loc = error.get("loc", ())
                column = rows.columns.get(str(loc[0]), (first_column, ""))[0] if loc else first_column
                rows.reject(number, column, _row_wording(error, candidate), sheet.rows[number - 1])
                continue
            node = CommentedMap()
            for name in order:
                if candidate.get(name) not in (None, []):
                    node[name] = _yaml_value(name, candidate[name], None)
            entries.append(node)
            result.added.append((values["id"], str(values["name"])))
            continue
        seen[index] = number
        effort = existing[index]
        node = entries[index]
        changed = [name for name, value in values.items() if name != "id" and not _same(getattr(effort, name), value)]
        merged = effort.model_dump(exclude_none=True, by_alias=True)
        if "capacity" in changed:
            values["capacity"] = _capacity_value(values["capacity"], effort.capacity)
        for name in changed:
            if values[name] in (None, []):
                merged.pop(name, None)
            else:
                merged[name] = values[name]
        try:
            Effort.model_validate(merged)
        except ValidationError as exc:
            error = exc.errors(include_url=False)[0]
            loc = error.get("loc", ())
            column = rows.columns.get(str(loc[0]), (first_column, ""))[0] if loc else first_column
            rows.reject(number, column, _row_wording(error, merged), sheet.rows[number - 1])
            continue
        for name in changed:
            value = values[name]
            if value is None or value == [] or (value is False and name not in node):
                delete_key(node, name)
            else:
                set_key(node, name, _yaml_value(name, value, node.get(name)), order)
        if changed:
            result.updated.append((effort.id, changed))
        else:
            result.unchanged += 1
    result.kept_outside = [effort.id for index, effort in enumerate(existing) if index not in seen]
    try:
        EffortRegister.model_validate(plain(tree))
    except ValidationError as exc:  # pragma: no cover - every entry was validated above
        shown = project.path(EFFORTS_FILE)
        first = problems_of(exc.errors(include_url=False), path=None, shown=shown, tree=tree, model=EffortRegister)[0]
        raise HkhError("efforts-import-invalid", path=shown, line=first.line, detail=first.wording) from None
    result.rejected = rows.rejected
    result.warnings = rows.warnings
    result.text = dump_yaml_wide(tree)
    # a services list brings its own words: those the vocabulary lacks, and that are not a misspelling of one it
    # has, are declared in hkh.yaml (issue 14), so that the imported register passes `hkh check`
    from hkh.project.vocabulary import declare_new_terms

    result.vocabulary_text, declared = declare_new_terms(
        project.root, project.mapping, EffortRegister.model_validate(plain(tree))
    )
    result.declared = [(kind, term) for kind, term in declared]
    return result
