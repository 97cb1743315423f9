"""What a schema error in a project file means, in plain words, and the edit that mends it when there is one.

pydantic reports `input should be a valid string` at `efforts -> 0 -> id`; the person who wrote `id: 2` needs
"`id: 2` is read as a number; write it in quotes: `id: "2"`". `problems_of` turns each pydantic error into one of
`hkh check`'s problems: a code of the messages tables with its values, the line of the value (from the ruamel tree),
and a `Fix` when the mending has one meaning (a number put in quotes, a misspelt key or value with exactly one close
match, opening hours read with certainty). Fixes change only the characters of that value or key (their place in
the file comes from `hkh.core.yamlio.node_span`), so comments and layout stay as the team wrote them.
"""

from __future__ import annotations

import difflib
import json
import re
import types
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from hkh.core.errors import Fix, HkhError, Problem, Severity, say
from hkh.core.yamlio import compose, line_of, node_span, read_text
from hkh.project.hours_text import suggest_opening_hours
from hkh.project.models import CHOICE_WORDS

# pydantic error types that say "this is not the kind of value the field takes"
_NOT_TEXT = {"string_type"}
_NOT_WHOLE = {"int_type", "int_parsing", "int_from_float", "float_type", "float_parsing"}
_NOT_YES_NO = {"bool_type", "bool_parsing"}
_LIMITS = {"greater_than_equal": ("ge", "number-at-least"), "less_than_equal": ("le", "number-at-most")}
_CHOICE = {"enum", "literal_error"}
_OWN = {  # the models' own checks (PydanticCustomError): the code is the type, the values its context
    "date-not-real", "period-reversed", "robust-below-triangulated", "complete-above-n", "columns-without-measure",
    "column-twice", "hours-empty", "consultation-not-consultation", "participant-named", "proposal-without-measure",
    "valid-reversed", "age-unreadable", "age-reversed", "schedule-name-twice",
}
_SIMILAR = 0.75  # difflib ratio from which a misspelling is taken for the word meant


# ------------------------------------------------------------------------------------------- the models' shape


def _unwrap(annotation: Any) -> Any:
    """The type inside `Annotated[...]` and `X | None`."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            members = [member for member in get_args(annotation) if member is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation


def annotation_at(model: type[BaseModel], loc: Sequence[Any]) -> Any:
    """The declared type at `loc` below `model` (a model class, a list type, an Enum, …), or None."""
    current: Any = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int):
            if get_origin(current) is not list:
                return None
            current = get_args(current)[0]
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
        elif get_origin(current) is dict:
            current = get_args(current)[1]
        else:
            return None
    return _unwrap(current)


def _choices(annotation: Any) -> list[str]:
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [str(member.value) for member in annotation]
    if get_origin(annotation) is Literal:
        return [str(value) for value in get_args(annotation)]
    return []


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The one candidate `word` is a misspelling of: the same apart from case, or the only one close enough."""
    options = list(candidates)
    same = [option for option in options if option.casefold() == word.casefold()]
    if len(same) == 1:
        return same[0]
    close = difflib.get_close_matches(word.casefold(), [option.casefold() for option in options], n=2, cutoff=_SIMILAR)
    if len(close) != 1:
        return None
    return next(option for option in options if option.casefold() == close[0])


# ------------------------------------------------------------------------------------------------- problems


class _File:
    """One project file: where its problems are shown and its fixes made (its text is read when a fix needs it)."""

    def __init__(self, path: Path | None, shown: str, tree: Any, model: type[BaseModel]) -> None:
        self.path = path
        self.shown = shown
        self.tree = tree
        self.model = model
        self._text: str | None = None
        self._nodes: Any = None

    @property
    def text(self) -> str:
        if self._text is None:
            try:
                self._text = read_text(self.path, self.shown) if self.path is not None else ""
            except HkhError:
                self._text = ""
            self._nodes = compose(self._text) if self._text else None
        return self._text

    def written(self, loc: Sequence[Any], *, key: bool = False) -> tuple[int, str] | None:
        """(offset, the characters) of the value at `loc` (or its key) as the file has them."""
        span = node_span(self._nodes, loc, key=key) if self.text and self._nodes is not None else None
        if span is None:
            return None
        start, end = span
        return start, self.text[start:end]

    def fix(self, loc: Sequence[Any], new: str, done: Any, *, key: bool = False) -> Fix | None:
        """Write `new` (YAML as it goes into the file) in place of the value (or key) at `loc`."""
        found = self.written(loc, key=key)
        if found is None:
            return None
        start, old = found
        assert self.path is not None  # a value was found in the file's text
        ending = old[len(old.rstrip("\r\n")) :]  # a block text's span ends with its line break: keep it
        header = old.splitlines()[0] if old[:1] in "|>" and old else ""
        comment = re.search(r"\s#.*$", header)  # `|  # from the web page`: the team's comment stays
        return Fix(self.path, start, old, new + (f" {comment.group().strip()}" if comment else "") + ending, done)

    def line(self, loc: Sequence[Any]) -> int | None:
        return line_of(self.tree, loc)


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _field(loc: Sequence[Any]) -> str:
    """The name of the field a location ends in (`sources` for `sources -> 2`)."""
    names = [str(part) for part in loc if not isinstance(part, int)]
    return names[-1] if names else ""


def _resolvable(tree: Any, loc: Sequence[Any]) -> tuple[Any, ...]:
    """The part of `loc` that exists in the tree (pydantic adds the member's type to the location in a union)."""
    current, kept = tree, []
    for part in loc:
        if isinstance(current, Mapping) and part in current:
            current = current[part]
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        else:
            break
        kept.append(part)
    return tuple(kept)


def _shown_input(file: _File, loc: Sequence[Any], value: Any) -> str:
    written = file.written(loc)
    if written is not None and "\n" not in written[1].strip():
        return written[1].strip()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _problem(file: _File, error: Mapping[str, Any]) -> Problem:
    kind = str(error.get("type", ""))
    raw_loc = tuple(error.get("loc", ()))
    value = error.get("input")
    context = dict(error.get("ctx") or {})
    loc = raw_loc if kind in ("missing", "extra_forbidden") else _resolvable(file.tree, raw_loc)
    field = _field(loc)
    line = file.line(loc)

    def problem(code: str, fix: Fix | None = None, **values: Any) -> Problem:
        return Problem(Severity.ERROR, code, values, file.shown, line, fix=fix)

    if kind == "missing":
        return problem("field-missing", field=field)
    if kind == "extra_forbidden":
        parent = annotation_at(file.model, loc[:-1])
        known = list(parent.model_fields) if isinstance(parent, type) and issubclass(parent, BaseModel) else []
        meant = closest(field, known)
        siblings = file.tree
        for part in loc[:-1]:
            siblings = siblings[part] if isinstance(siblings, (Mapping, list)) else None
        if meant is not None and not (isinstance(siblings, Mapping) and meant in siblings):
            done = say("messages.fixed-key", old=field, new=meant)
            return problem("field-unknown-similar", file.fix(loc, meant, done, key=True), field=field, meant=meant)
        return problem("field-unknown", field=field, known=known)
    if kind in _NOT_TEXT:
        return _not_text(file, loc, field, value, problem)
    if kind == "string_too_short":
        return problem("text-empty", field=field)
    if kind == "string_too_long":
        return problem("id-too-long", field=field, limit=context.get("max_length", ""))
    if kind in _NOT_WHOLE:
        return problem("whole-number", field=field, input=_shown_input(file, loc, value))
    if kind in _NOT_YES_NO:
        return problem("yes-no", field=field, input=_shown_input(file, loc, value))
    if kind in _LIMITS:
        bound, code = _LIMITS[kind]
        return problem(code, field=field, limit=context.get(bound, ""))
    if kind == "string_pattern_mismatch":
        pattern = str(context.get("pattern", ""))
        if pattern.startswith(r"^\d{4}"):
            return problem("date-format", field=field, input=_shown_input(file, loc, value))
        if pattern.startswith("^[a-z]"):
            return problem("column-format", input=value)
        return problem("id-format", field=field, input=value)
    if kind in _CHOICE:
        annotation = annotation_at(file.model, loc)
        allowed = _choices(annotation)
        meant = closest(str(value), allowed) if allowed and isinstance(value, str) else None
        if meant is None and isinstance(value, str):  # the Norwegian word the template gives beside the value
            meant = CHOICE_WORDS.get(annotation, {}).get(" ".join(value.split()).casefold())
        if meant is not None:
            done = say("messages.fixed-value", old=value, new=meant)
            return problem("value-not-allowed-similar", file.fix(loc, meant, done), field=field, input=value, meant=meant)
        return problem("value-not-allowed", field=field, input=_shown_input(file, loc, value), allowed=allowed)
    if kind == "list_type":
        return problem("list-expected", field=field)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return problem("fields-expected", field=field)
    if kind == "hours-unreadable":
        return _hours(file, loc, field, str(context.get("text", value)), problem)
    if kind in _OWN:
        return problem(kind, field=field, **context)
    return problem("value-invalid", field=field, input=_shown_input(file, loc, value))


def _not_text(file: _File, loc: Sequence[Any], field: str, value: Any, problem: Any) -> Problem:
    """A text was expected; YAML read a number, a yes/no, nothing, a list or (because of a `: `) a field."""
    if value is None:
        return problem("text-empty", field=field)
    written = file.written(loc)
    source = written[1].strip() if written is not None else str(value)
    one_line = "\n" not in source
    if isinstance(value, bool) or isinstance(value, (int, float)):
        code = "text-is-yes-no" if isinstance(value, bool) else "text-is-number"
        fix = file.fix(loc, _quoted(source), say("messages.fixed-quotes")) if one_line else None
        return problem(code, fix, field=field, input=source, quoted=_quoted(source))
    if isinstance(value, Mapping) and one_line and len(value) == 1:
        # `- Bydel: Gamle Oslo` or `title: {x}`: the text holds a `: ` (or braces) and became a field
        fix = file.fix(loc, _quoted(source), say("messages.fixed-quotes"))
        return problem("text-has-colon", fix, field=field, input=source, quoted=_quoted(source))
    if isinstance(value, list):
        return problem("text-is-list", field=field)
    return problem("value-invalid", field=field, input=source)


def _hours(file: _File, loc: Sequence[Any], field: str, text: str, problem: Any) -> Problem:
    """Opening hours hkh cannot read: the OSM text they most likely mean, applied by --fix when certain."""
    suggestion = suggest_opening_hours(text)
    if suggestion is None:
        return problem("hours-unreadable", field=field, text=text)
    if suggestion.certain:
        done = say("messages.fixed-value", old=text, new=suggestion.osm)
        fix = file.fix(loc, _quoted(suggestion.osm), done)
        return problem("hours-suggest", fix, field=field, text=text, osm=suggestion.osm)
    reason = say(f"messages.hours-doubt-{(suggestion.reason or 'ignored_text').replace('_', '-')}")
    return problem("hours-suggest-unsure", field=field, text=text, osm=suggestion.osm, reason=reason)


_PLAIN_WORD = re.compile(r"[^\W\d_][\w ]*(?:-[\w ]+)*", re.UNICODE)
_YAML_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


def text_fix(path: Path, loc: Sequence[Any], new: str, done: Any) -> Fix | None:
    """The edit that writes the text `new` in place of the value at `loc` of the YAML file `path`: as a plain word
    where the old one was plain and the new one is only letters, digits, blanks and dashes, quoted otherwise."""
    file = _File(path, str(path), None, BaseModel)
    found = file.written(loc)
    if found is None:
        return None
    old = found[1].strip()
    plain = (
        old[:1] not in ("'", '"') and _PLAIN_WORD.fullmatch(new) is not None and new == new.strip()
        and new.casefold() not in _YAML_WORDS
    )
    return file.fix(loc, new if plain else _quoted(new), done)


def problems_of(
    errors: Iterable[Mapping[str, Any]], *, path: Path | None, shown: str, tree: Any, model: type[BaseModel]
) -> list[Problem]:
    """One problem per value: pydantic reports a value once per member of a union (`str | int`); one is enough.

    `path` is the YAML file `tree` was read from (its text locates the edits of `--fix`); None for values that come
    from elsewhere (a spreadsheet's row), which get their words but no edit."""
    file = _File(path, shown, tree, model)
    problems: list[tuple[tuple[Any, ...], Problem]] = []
    seen: set[tuple[Any, ...]] = set()
    for error in errors:
        kind = str(error.get("type", ""))
        loc = tuple(error.get("loc", ()))
        key = loc if kind in ("missing", "extra_forbidden") else _resolvable(tree, loc)
        if key in seen:
            continue
        seen.add(key)
        problems.append((key, _problem(file, error)))
    # `statment:` is one mistake, not two: the missing `statement` is said by "did you mean `statement`?"
    meant = {
        (*key[:-1], problem.values["meant"])
        for key, problem in problems
        if problem.code == "field-unknown-similar" and isinstance(problem.values, Mapping)
    }
    return [problem for key, problem in problems if not (problem.code == "field-missing" and key in meant)]
