"""`hkh plan import`: a plan workbook edited in Excel or LibreOffice, read back into plan.yaml.

The secretary of the steering group keeps the plan in the workbook `hkh plan` wrote: texts, responsibility and timing
are changed, rows added, deleted or moved to another goal, and the status kept up to date in the follow-up sheet.
This module reads that workbook (`hkh.project.plan_sheet`), matches its rows to the measures of plan.yaml by their
numbers, says what changed, and writes the changes into plan.yaml as a person would: comments, order and wording
kept, every other key left alone.

The judgement calls:
- A measure keeps its number (id) wherever it moves: consultations, statuses and the report's references name it.
  When a measure's place no longer gives it its old number (a row above it was deleted, or it moved to another
  goal), its number is written as `id:`; a goal whose place changes keeps its number the same way.
- A new row (no number) gets the next number of its goal, never one a deleted measure had. A row whose number was
  lost but whose text is exactly a measure's that is not elsewhere in the sheet is that measure (so importing the
  same workbook twice changes nothing).
- The responsible cell is split into parties at commas, "og"/"and" and "i samarbeid med"; the first is responsible,
  the others involved. When the cell does not read exactly as hkh would write those parties, the cell is kept as
  `responsible_text` (the report prints it as written). A party hkh does not know is a warning, not a refusal.
- A status or note changed without a new date gets the date of the import as the date of the change.
- An edit that cannot be read (a number that is no measure's, a number on two rows, a row without text, a status
  that is none of the four) refuses the whole import, naming the cell; nothing is written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hkh.core.errors import HkhError, say
from hkh.core.sheets import date_of, is_blank, text_of
from hkh.core.yamlio import dump_yaml_wide, load_yaml
from hkh.i18n import LANGUAGES, t
from hkh.i18n.formats import join_words
from hkh.project.load import Project
from hkh.project.models import ID_PATTERN, Measure, MeasureStatus, Plan
from hkh.project.plan_sheet import (
    DERIVED_COLUMNS,
    FOLLOW_READ,
    PlanWorkbook,
    SheetRow,
    Table,
    goal_label,
    read_plan_workbook,
    read_status,
    responsible_cell,
    same_text,
    status_label,
)
from hkh.project.yamledit import (
    delete_key,
    flow_list,
    leading_comments,
    place_comments,
    plain,
    set_key,
    text_value,
)

PLAN_FILE = "plan.yaml"
MEASURE_ORDER = (
    "id", "text", "responsible", "involved", "responsible_text", "timing", "addresses", "theme",
    "status", "status_date", "status_note", "extra",
)
GOAL_ORDER = ("id", "text", "measures")
_PARTY_SPLIT = re.compile(
    r"\s+(?:og|and|&|i samarbeid med|i tett samarbeid med|i nært samarbeid med|i nært samarbeid med|sammen med"
    r"|sammen mellom|with|in cooperation with|together with)\s+",
    re.IGNORECASE,
)
_GOAL_NUMBER = re.compile(r"^\s*(?P<number>[A-Za-z0-9][A-Za-z0-9_\-]*)(?:\.|\s)\s*(?P<text>\S.*)$", re.DOTALL)
_SIMPLE_FIELDS = ("timing", "theme")


@dataclass
class _Measure:
    """A measure as the workbook has it: an old one (by its id) or a new row, and the fields it sets."""

    row: SheetRow | None
    old_id: str | None  # None for a new row
    goal: int  # index into the new goals
    updates: dict[str, Any] = field(default_factory=dict)  # key → new value (None removes the key)
    new_id: str | None = None


@dataclass
class _Goal:
    old_index: int | None
    text: str
    number: str | None = None  # wished (a new goal written "5. …") or kept
    measures: list[_Measure] = field(default_factory=list)


@dataclass(frozen=True)
class PlanImport:
    """What `hkh plan import` found: the changes in words, warnings (located), and plan.yaml's new text."""

    changes: list[str]
    warnings: list[HkhError]  # located, each in words where it is shown
    text: str
    path: Path


def _split_parties(cell: str, known: dict[str, str]) -> list[str]:
    """The parties a responsible cell names, spelt as hkh.yaml and efforts.yaml spell them when known."""
    from hkh.project.check import party_key

    parties: list[str] = []
    for chunk in re.split(r"\s*[,;\n]\s*", cell):
        chunk = chunk.strip().rstrip(".")
        if not chunk:
            continue
        if party_key(chunk) in known:
            parties.append(known[party_key(chunk)])
            continue
        pieces = [p.strip() for p in _PARTY_SPLIT.split(chunk)]
        merged: list[str] = []
        for piece in pieces:
            # "Barne- og familieetaten": a word ending in a hyphen belongs with the next
            if merged and merged[-1].endswith("-"):
                merged[-1] = f"{merged[-1]} og {piece}"
            else:
                merged.append(piece)
        parties.extend(known.get(party_key(p), p) for p in merged if p)
    return parties


class _Reader:
    """Matches the workbook's rows to the plan's measures and collects the changes (nothing is written here)."""

    def __init__(self, project: Project, book: PlanWorkbook, language: str, today: dt.date) -> None:
        from hkh.project.check import party_key

        self.project = project
        self.plan: Plan = project.plan
        self.book = book
        self.language = language
        self.today = today
        self.warnings: list[HkhError] = []
        self.old: dict[str, tuple[int, int, Measure]] = {
            self.plan.measure_id(g, m): (g, m, measure)
            for g, goal in enumerate(self.plan.goals)
            for m, measure in enumerate(goal.measures)
        }
        self.numbers = [self.plan.goal_number(g) for g in range(len(self.plan.goals))]
        names = list(project.mapping.parties)
        for effort in project.efforts.efforts:
            names += [effort.organisation, effort.name]
        self.known = {party_key(name): name for name in names}
        self.goals: list[_Goal] = []
        self.measures: list[_Measure] = []

    def fail(self, table: Table, row: int, key: str, code: str, /, **values: Any) -> HkhError:
        return self.book.error(code, table, row, key, **values)

    def warn(self, table: Table, row: int, key: str, code: str, /, **values: Any) -> None:
        """A located warning (an `HkhError` that stops nothing), shown in words where the CLI prints it."""
        self.warnings.append(self.book.error(code, table, row, key, **values))

    # ------------------------------------------------------------------------------------------------ goals

    def goal_for(self, cell: str) -> int:
        """The index (in self.goals) of the goal a goal cell names, adding the goal on first sight."""
        old_index: int | None = None
        text = cell
        for index, goal in enumerate(self.plan.goals):
            if same_text(cell, goal_label(self.numbers[index], goal.text)):
                old_index, text = index, goal.text
                break
        number: str | None = None
        if old_index is None:
            found = _GOAL_NUMBER.match(cell)
            if found and (found.group("number") in self.numbers or found.group("number").isdigit()):
                number, text = found.group("number"), " ".join(found.group("text").split())
                if number in self.numbers:
                    old_index = self.numbers.index(number)
        if old_index is None:
            for index, goal in enumerate(self.plan.goals):
                if same_text(text, goal.text):
                    old_index = index
                    break
        for index, seen in enumerate(self.goals):
            if (old_index is not None and seen.old_index == old_index) or (
                old_index is None and seen.old_index is None and same_text(seen.text, text)
            ):
                return index
        self.goals.append(_Goal(old_index, text, number if old_index is None else self.numbers[old_index]))
        return len(self.goals) - 1

    # ------------------------------------------------------------------------------------------------- rows

    def read_rows(self) -> None:
        table = self.book.plan
        seen: dict[str, int] = {}
        for row in table.rows:
            written = row.text("number")
            if written:
                if written in seen:
                    raise self.fail(table, row.row, "number", "plan-number-twice", id=written, first=seen[written])
                if written not in self.old:
                    raise self.fail(table, row.row, "number", "plan-unknown-number", id=written)
                seen[written] = row.row
        claimed = set(seen)
        previous_goal: int | None = None
        for row in table.rows:
            if not row.text("measure"):
                raise self.fail(table, row.row, "measure", "plan-row-without-text")
            number: str | None = row.text("number") or None
            if number is None:
                # a row whose number was lost, with a measure's exact text that is nowhere else in the sheet
                for old_id, (_g, _m, measure) in self.old.items():
                    if old_id not in claimed and same_text(measure.text, row.text("measure")):
                        number = old_id
                        claimed.add(old_id)
                        break
            if "goal" in table.columns:
                if row.goal is None:
                    raise self.fail(table, row.row, "goal", "plan-row-without-goal")
                goal = self.goal_for(row.goal)
                self.goal_text(goal, row)
            elif number is not None:
                old_goal = self.old[number][0]
                goal = self.goal_for(goal_label(self.numbers[old_goal], self.plan.goals[old_goal].text))
            elif previous_goal is not None:
                goal = previous_goal
            elif self.plan.goals:
                goal = self.goal_for(goal_label(self.numbers[0], self.plan.goals[0].text))
            else:
                raise self.fail(table, row.row, "measure", "plan-row-without-goal")
            previous_goal = goal
            entry = _Measure(row, number, goal)
            self.measure_fields(entry, table, row)
            self.goals[goal].measures.append(entry)
            self.measures.append(entry)
        self.keep_empty_goals()
        self.read_follow_up({m.old_id: m for m in self.measures if m.old_id})

    def keep_empty_goals(self) -> None:
        """A goal without measures has no row in the sheet, so its absence says nothing: it stays where it was."""
        present = {goal.old_index for goal in self.goals if goal.old_index is not None}
        for index, goal in enumerate(self.plan.goals):
            if goal.measures or index in present:
                continue
            position = next(
                (at for at, seen in enumerate(self.goals) if seen.old_index is not None and seen.old_index > index),
                len(self.goals),
            )
            self.goals.insert(position, _Goal(index, goal.text, self.numbers[index]))

    def goal_text(self, goal: int, row: SheetRow) -> None:
        """A goal whose number stands in the cell but whose text was edited."""
        entry = self.goals[goal]
        if entry.old_index is None or row.goal is None:
            return
        found = _GOAL_NUMBER.match(row.goal)
        old = self.plan.goals[entry.old_index]
        if found and found.group("number") == self.numbers[entry.old_index]:
            text = " ".join(found.group("text").split())
            if not same_text(text, old.text):
                entry.text = text

    def measure_fields(self, entry: _Measure, table: Table, row: SheetRow) -> None:
        old = self.old[entry.old_id][2] if entry.old_id else None
        text = " ".join(row.text("measure").split())
        if old is None or not same_text(text, old.text):
            entry.updates["text"] = text
        if "responsible" in table.columns:
            self.responsible(entry, old, table, row)
        for key in _SIMPLE_FIELDS:
            if key in table.columns:
                value = " ".join(row.text(key).split()) or None
                if value != ((getattr(old, key) or None) if old else None):
                    entry.updates[key] = value
                    if key == "timing" and value:
                        self.check_timing(value, table, row)
        if "addresses" in table.columns:
            items = [item for item in re.split(r"[\s,;]+", row.text("addresses")) if item]
            if any(not re.match(ID_PATTERN, item) for item in items):
                raise self.fail(table, row.row, "addresses", "plan-ids-unreadable", text=row.text("addresses"))
            if items != (list(old.addresses) if old else []):
                entry.updates["addresses"] = items or None
        for key in self.plan.columns:
            if key in table.columns and key not in {"goal", "measure", "responsible", "addresses", "status", *_SIMPLE_FIELDS, *DERIVED_COLUMNS}:
                self.extra(entry, old, key, row.cells.get(key))
        if "status" in table.columns and not (old is not None and old.status is None and "status" in old.extra):
            self.status(entry, old, table, row.row, row.cells.get("status"))

    def extra(self, entry: _Measure, old: Measure | None, key: str, value: Any) -> None:
        before = old.extra.get(key) if old else None
        if is_blank(value):
            value = None
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        elif not isinstance(value, (int, float)) or isinstance(value, bool):
            value = text_of(value)
        if (before is None and value is None) or (before is not None and text_of(before) == text_of(value)):
            return
        extra = dict(old.extra) if old else {}
        extra.update(entry.updates.get("extra") or {})
        if value is None:
            extra.pop(key, None)
        else:
            extra[key] = value
        entry.updates["extra"] = extra or None

    def responsible(self, entry: _Measure, old: Measure | None, table: Table, row: SheetRow) -> None:
        cell = " ".join(row.text("responsible").split())
        if old is not None and any(same_text(cell, responsible_cell(old, lang)) for lang in LANGUAGES):
            return
        if not cell:
            for key in ("responsible", "involved", "responsible_text"):
                if old is None or getattr(old, key):
                    entry.updates[key] = None
            return
        parties = _split_parties(cell, self.known)
        from hkh.project.check import party_key

        for party in parties:
            if party_key(party) not in self.known:
                self.warn(table, row.row, "responsible", "plan-unknown-party", party=party)
        written = any(same_text(cell, join_words(parties, lang)) for lang in LANGUAGES)
        entry.updates["responsible"] = parties[0] if parties else None
        entry.updates["involved"] = parties[1:] or None
        entry.updates["responsible_text"] = None if written else cell

    def check_timing(self, text: str, table: Table, row: SheetRow) -> None:
        from hkh.project.timing import read_timing

        timing = read_timing(text)
        if timing.reason in ("unread", "vague"):
            reason = say(f"messages.timing-doubt-{timing.reason}")
            self.warn(table, row.row, "timing", "plan-timing-unreadable", text=text, reason=reason)

    def status(self, entry: _Measure, old: Measure | None, table: Table, row: int, value: Any) -> None:
        try:
            status = read_status(text_of(value))
        except ValueError:
            choices = [say(f"followup.status_{s.value}") for s in MeasureStatus]
            raise self.fail(table, row, "status", "plan-status-unknown", text=text_of(value), choices=choices) from None
        if status != (old.status if old else None):
            entry.updates["status"] = status

    def read_follow_up(self, by_id: dict[str, _Measure]) -> None:
        table = self.book.follow_up
        if table is None:
            return
        plan_sheet = self.book.plan.sheet.name
        for row in table.rows:
            number = row.text("number")
            if not number:
                if any(not is_blank(row.cells.get(key)) for key in FOLLOW_READ):
                    raise self.fail(table, row.row, "status", "plan-follow-up-new-row", plan_sheet=plan_sheet)
                continue
            entry = by_id.get(number)
            if entry is None:
                if number in self.old:
                    old = self.old[number][2]
                    if read_status_or_none(row.text("status")) == old.status and same_text(
                        row.text("status_note"), old.status_note or ""
                    ):
                        continue  # the row was deleted in the plan sheet only: nothing here to lose
                    self.warn(table, row.row, "number", "plan-follow-up-removed", id=number, plan_sheet=plan_sheet)
                # a number that is in neither the plan sheet nor plan.yaml: a measure deleted by an earlier import
                continue
            old = self.old[number][2]
            if "status" in table.columns:
                # the follow-up sheet's drop-down wins; a status changed only in the plan sheet's column stands
                try:
                    chosen = read_status(row.text("status"))
                except ValueError:
                    chosen = None
                    self.status(entry, old, table, row.row, row.cells.get("status"))  # raises, naming the cell
                if chosen != old.status:
                    entry.updates["status"] = chosen
            if "status_note" in table.columns:
                note = " ".join(row.text("status_note").split()) or None
                if note != old.status_note:
                    entry.updates["status_note"] = note
            if "status_date" in table.columns:
                self.status_date(entry, old, table, row)
        for entry in self.measures:
            if entry.old_id is None:
                if entry.updates.get("status") is not None:
                    entry.updates["status_date"] = self.today.isoformat()
                continue
            old = self.old[entry.old_id][2]
            if ("status" in entry.updates or "status_note" in entry.updates) and "status_date" not in entry.updates:
                entry.updates["status_date"] = self.today.isoformat()
            if entry.updates.get("status", "unset") is None and entry.updates.get("status_note", old.status_note) is None:
                entry.updates["status_date"] = None

    def status_date(self, entry: _Measure, old: Measure, table: Table, row: SheetRow) -> None:
        value = row.cells.get("status_date")
        if is_blank(value):
            return
        when = date_of(value)
        if when is None:
            raise self.fail(table, row.row, "status_date", "plan-date-unreadable", text=text_of(value))
        if old.status_date != when.isoformat() and not (old.status_date and when.isoformat().startswith(old.status_date)):
            entry.updates["status_date"] = when.isoformat()

    # ------------------------------------------------------------------------------------------------ numbers

    def number_goals(self) -> list[str]:
        """Each new goal's number: an old goal keeps its own, a new one takes the one written or the next free."""
        taken = {goal.number for goal in self.goals if goal.old_index is not None}
        numbers: list[str] = []
        for goal in self.goals:
            if goal.old_index is None:
                wished = goal.number
                if wished is None or wished in taken or wished in self.numbers:
                    used = [int(n) for n in (*taken, *self.numbers) if n and n.isdigit()]
                    wished = str(max(used, default=0) + 1)
                goal.number = wished
                taken.add(wished)
            numbers.append(goal.number or "")
        return numbers

    def number_measures(self) -> None:
        """New rows get the next number of their goal, past every number the plan has or had."""
        used = set(self.old)
        for goal in self.goals:
            for entry in goal.measures:
                if entry.old_id is not None:
                    entry.new_id = entry.old_id
                    continue
                prefix = f"{goal.number}."
                highest = max(
                    (int(i[len(prefix):]) for i in used if i.startswith(prefix) and i[len(prefix):].isdigit()),
                    default=0,
                )
                entry.new_id = f"{prefix}{highest + 1}"
                used.add(entry.new_id)

    # ------------------------------------------------------------------------------------------------ changes

    def changes(self) -> list[str]:
        lang = self.language
        said: list[str] = []
        kept_goals = {goal.old_index for goal in self.goals if goal.old_index is not None}
        for goal in self.goals:
            if goal.old_index is None:
                said.append(t("followup.change_goal_added", lang, goal=goal.number, text=goal.text))
            elif not same_text(goal.text, self.plan.goals[goal.old_index].text):
                said.append(t("followup.change_goal_text", lang, goal=goal.number, new=goal.text, old=self.plan.goals[goal.old_index].text))
        present = {entry.old_id for entry in self.measures if entry.old_id}
        for old_id, (_g, _m, measure) in self.old.items():
            if old_id not in present:
                said.append(t("followup.change_removed", lang, id=old_id, text=measure.text))
        for index, old_goal in enumerate(self.plan.goals):
            if index not in kept_goals:
                said.append(t("followup.change_goal_removed", lang, goal=self.numbers[index], text=old_goal.text))
        for goal in self.goals:
            for entry in goal.measures:
                if entry.old_id is None:
                    said.append(t("followup.change_added", lang, id=entry.new_id, goal=goal.number, text=entry.updates["text"]))
                    continue
                was_in, _m, old = self.old[entry.old_id]
                if goal.old_index != was_in:
                    said.append(t("followup.change_moved", lang, id=entry.old_id, old=self.numbers[was_in], new=goal.number))
                for key, value in entry.updates.items():
                    said.append(self.field_change(entry.old_id, key, getattr(old, key, None), value))
            kept = [e.old_id for e in goal.measures if e.old_id and goal.old_index == self.old[e.old_id][0]]
            if goal.old_index is not None:
                before = [i for i, (g, _m, _x) in self.old.items() if g == goal.old_index and i in kept]
                if kept != before:
                    said.append(t("followup.change_reordered", lang, goal=goal.number, order=", ".join(kept)))
        return said

    def field_change(self, measure_id: str, key: str, old: Any, new: Any) -> str:
        lang = self.language

        def shown(value: Any) -> str:
            if isinstance(value, MeasureStatus):
                return status_label(value, lang)
            if isinstance(value, list):
                return ", ".join(str(v) for v in value)
            if isinstance(value, dict):
                return ", ".join(f"{k}: {v}" for k, v in value.items())
            return t("followup.status_none", lang) if value is None or value == "" else str(value)

        if key == "text":
            return t("followup.change_text", lang, id=measure_id, new=new, old=old)
        name = {"responsible": "responsible", "involved": "responsible", "responsible_text": "responsible"}.get(key, key)
        label = t(f"followup.field_{name}", lang) if name in {
            "responsible", "timing", "theme", "addresses", "status", "status_date", "status_note"
        } else key
        if key == "involved":
            label += " (involved)" if lang == "en" else " (involverte)"
        elif key == "responsible_text":
            label += " (text)" if lang == "en" else " (tekst)"
        return t("followup.change_field", lang, id=measure_id, field=label, new=shown(new), old=shown(old))


# ------------------------------------------------------------------------------------------------------ writing


def _apply_updates(node: Any, entry: _Measure) -> None:
    for key in MEASURE_ORDER:
        if key not in entry.updates:
            continue
        value = entry.updates[key]
        if value is None or value == []:
            delete_key(node, key)
            continue
        if key == "text":
            value = text_value(value, node.get("text"))
        elif key == "responsible_text":
            value = text_value(value, node.get(key), indent=8)
        elif key == "status_date" and len(value) == 10:
            value = dt.date.fromisoformat(value)  # written as a date, unquoted, as a person writes one
        elif isinstance(value, MeasureStatus):
            value = value.value
        elif isinstance(value, list):
            value = flow_list(value)
        elif isinstance(value, dict):
            from ruamel.yaml.comments import CommentedMap

            mapped = CommentedMap(value)
            mapped.fa.set_flow_style()
            value = mapped
        set_key(node, key, value, MEASURE_ORDER)


def _write(reader: _Reader, tree: Any) -> None:
    """Rearrange plan.yaml's tree as the workbook has it, moving each comment with the entry it stands above."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not isinstance(tree.get("goals"), list):
        tree["goals"] = CommentedSeq()
    goals_seq = tree["goals"]
    old_goal_nodes = list(goals_seq)
    old_measure_nodes: dict[str, Any] = {}
    above: dict[int, str] = {}
    tails: dict[int, str] = {}
    goal_above, goal_tail = leading_comments(tree, "goals") if old_goal_nodes else ({}, "")
    for index, node in enumerate(old_goal_nodes):
        if isinstance(node.get("measures"), list) and len(node["measures"]):
            found, tails[id(node)] = leading_comments(node, "measures")
            above.update(found)
            for position, measure_node in enumerate(node["measures"]):
                old_measure_nodes[reader.plan.measure_id(index, position)] = measure_node
    numbers = reader.number_goals()
    reader.number_measures()
    new_goal_nodes = []
    for position, goal in enumerate(reader.goals):
        if goal.old_index is not None:
            node = old_goal_nodes[goal.old_index]
            if not same_text(goal.text, reader.plan.goals[goal.old_index].text):
                node["text"] = text_value(goal.text, node.get("text"), indent=6)
        else:
            node = CommentedMap()
            node["text"] = text_value(goal.text, None, indent=6)
        # a goal whose place no longer gives it its number keeps it as `id:`
        if "id" not in node and str(position + 1) != numbers[position]:
            set_key(node, "id", numbers[position], GOAL_ORDER)
        measure_nodes = []
        for place, entry in enumerate(goal.measures):
            measure_node = old_measure_nodes[entry.old_id] if entry.old_id else CommentedMap()
            _apply_updates(measure_node, entry)
            if "id" not in measure_node and f"{numbers[position]}.{place + 1}" != entry.new_id:
                set_key(measure_node, "id", entry.new_id, MEASURE_ORDER)
            measure_nodes.append(measure_node)
        if "measures" not in node and measure_nodes:
            set_key(node, "measures", CommentedSeq(), GOAL_ORDER)
        if "measures" in node:
            node["measures"][:] = measure_nodes
        new_goal_nodes.append(node)
    for node in new_goal_nodes:
        if len(node.get("measures") or []):
            place_comments(node, "measures", above, tails.get(id(node), ""))
    goals_seq[:] = new_goal_nodes
    if new_goal_nodes:
        place_comments(tree, "goals", goal_above, goal_tail)


def import_plan(
    project: Project, workbook: Path, shown: str, *, language: str, today: dt.date | None = None
) -> PlanImport:
    """Read an edited plan workbook and work out plan.yaml's new text; raises `HkhError` naming the cell of an
    edit that cannot be read. Nothing is written here."""
    from pydantic import ValidationError

    from hkh.project.schema import problems_of

    book = read_plan_workbook(workbook, shown, project.plan, language)
    reader = _Reader(project, book, language, today or dt.date.today())
    reader.read_rows()
    path = project.root / PLAN_FILE
    tree = load_yaml(path, display=project.path(PLAN_FILE))
    old_text = dump_yaml_wide(tree)
    _write(reader, tree)
    changes = reader.changes()
    try:
        Plan.model_validate(plain(tree))
    except ValidationError as exc:
        first = problems_of(exc.errors(include_url=False), path=None, shown=shown, tree=plain(tree), model=Plan)[0]
        raise HkhError("plan-import-invalid", path=shown, message=first.wording) from None
    text = dump_yaml_wide(tree)
    return PlanImport(changes if text != old_text else [], reader.warnings, text, path)


def read_status_or_none(text: str) -> MeasureStatus | None:
    try:
        return read_status(text)
    except ValueError:
        return None
