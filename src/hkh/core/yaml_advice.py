"""What a YAML syntax error means for someone who has never seen YAML, and the edit that mends it.

The parser says "mapping values are not allowed here" or "expected <block end>, but found '<block mapping start>'";
the person who wrote the file needs "put the text in quotes" or "indent this line with 4 spaces, like the line
above". `explain` reads the parser's error together with the lines of the file and returns the error hkh shows: a
code from the messages tables (`yaml-colon`, `yaml-tab`, `yaml-indent`, …), the values its message needs, and, when
the mistake has one obvious mending, the `Fix` that `hkh check --fix` applies. A fix is offered only when the file
reads further with it than without it (the parser is run again on the mended text).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hkh.core.errors import Fix, YamlSyntaxError, say

# `key: value` or `- key: value` (hkh's keys are plain words); the groups locate the key and what follows its colon
_KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dashes>(?:- +)*)(?P<key>[A-Za-z_][A-Za-z0-9_]*)[ \t]*:(?=[ \t]|$)(?P<rest>.*)$")
_ITEM_LINE = re.compile(r"^(?P<indent> *)- ")
_RESERVED_START = {"@": "@", "`": "`", "%": "%", "*": "*", "&": "&", "!": "!", "|": "|", ">": ">"}


@dataclass(frozen=True)
class _Lines:
    """The file's lines (without their line breaks) and where each begins in the text."""

    file: Path
    text: str
    lines: list[str]
    starts: list[int]

    @classmethod
    def of(cls, file: Path, text: str) -> _Lines:
        lines = text.splitlines(keepends=True)
        starts, offset = [], 0
        for line in lines:
            starts.append(offset)
            offset += len(line)
        return cls(file, text, [line.rstrip("\r\n") for line in lines], starts)

    def get(self, index: int) -> str:
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    def above(self, index: int) -> int | None:
        """The nearest line above with content (not blank, not only a comment)."""
        for candidate in range(index - 1, -1, -1):
            stripped = self.lines[candidate].strip()
            if stripped and not stripped.startswith("#"):
                return candidate
        return None


def _value_part(rest: str) -> str:
    """What follows a key's colon, without a trailing comment (` #` starts one in an unquoted text)."""
    comment = re.search(r"[ \t]#", rest)
    return (rest[: comment.start()] if comment else rest).strip()


def _indent_like_above(lines: _Lines, index: int) -> int | None:
    """How far the line at `index` should be indented: like the line above, or one step further under a `key:` that
    opens a block; a list item `- ` lines up with the list item above it."""
    above = lines.above(index)
    if above is None:
        return 0
    previous = lines.get(above).replace("\t", "  ")
    current = lines.get(index).lstrip(" \t")
    key = _KEY_LINE.match(previous)
    item = _ITEM_LINE.match(previous)
    if current.startswith("- "):
        if item:
            return len(item.group("indent"))
        # a new item after the fields of the one above: line it up with the nearest item above
        for candidate in range(above - 1, -1, -1):
            earlier = _ITEM_LINE.match(lines.get(candidate))
            if earlier:
                return len(earlier.group("indent"))
    if key is None:
        return len(previous) - len(previous.lstrip(" "))
    column = len(key.group("indent")) + len(key.group("dashes"))
    if not _value_part(key.group("rest")):
        return column + 2  # `key:` with nothing after it opens a block: its lines go one step in
    return column


def _fix(lines: _Lines, index: int, column: int, old: str, new: str, parse: Callable[[str], Any], done: Any) -> Fix | None:
    """A Fix replacing `old` at (index, column), if the mended text reads further than before."""
    start = lines.starts[index] + column
    if lines.text[start : start + len(old)] != old:
        return None
    mended = lines.text[:start] + new + lines.text[start + len(old) :]
    try:
        parse(mended)
    except Exception as exc:  # noqa: BLE001 - any failure of the parser: see where it now stops
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        if mark is None or mark.line <= index:
            return None
    return Fix(lines.file, start, old, new, done)


def _reindent(lines: _Lines, index: int, parse: Callable[[str], Any]) -> tuple[int, int, Fix | None]:
    """(spaces now, spaces wanted, the fix) for a line indented wrongly or with tabs."""
    line = lines.get(index)
    leading = line[: len(line) - len(line.lstrip(" \t"))]
    want = _indent_like_above(lines, index)
    have = len(leading.replace("\t", "  "))
    if want is None or (want == len(leading) and "\t" not in leading):
        return have, have, None
    fix = _fix(lines, index, 0, leading, " " * want, parse, say("messages.fixed-indent", spaces=want))
    return have, want, fix


def _quote(lines: _Lines, index: int, parse: Callable[[str], Any]) -> tuple[str, Fix | None]:
    """The line `key: "value"` with its value in double quotes (a JSON string is a YAML string whatever it holds),
    and the fix that writes it so."""
    found = _KEY_LINE.match(lines.get(index))
    value = _value_part(found.group("rest")) if found else ""
    if found is None or not value:
        return "", None
    quoted = json.dumps(value, ensure_ascii=False)
    column = found.start("rest") + found.group("rest").index(value)
    fix = _fix(lines, index, column, value, quoted, parse, say("messages.fixed-quotes"))
    return f"{found.group('key')}: {quoted}", fix


def _colon_of_key(line: str) -> int | None:
    found = _KEY_LINE.match(line)
    return found.start("rest") - 1 if found else None


def explain(exc: Any, file: Path, text: str, shown: str, parse: Callable[[str], Any]) -> YamlSyntaxError:
    """The error hkh shows for a ruamel `MarkedYAMLError` raised while reading `text` (`file`, shown as `shown`)."""
    lines = _Lines.of(file, text)
    problem = str(getattr(exc, "problem", "") or "")
    context = str(getattr(exc, "context", "") or "")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    index = mark.line if mark is not None else 0
    column = mark.column if mark is not None else 0
    line = lines.get(index)

    def error(code: str, at: int = index, fix: Fix | None = None, **values: Any) -> YamlSyntaxError:
        return YamlSyntaxError(code, path=shown, line=at + 1, fix=fix, **values)

    if "'\\t'" in problem or "tab" in problem:
        if "\t" in line[: len(line) - len(line.lstrip(" \t"))]:
            have, want, fix = _reindent(lines, index, parse)
            return error("yaml-tab", fix=fix, spaces=want)
        if 0 <= column < len(line) and line[column] == "\t":
            return error("yaml-tab-inside", fix=_fix(lines, index, column, "\t", " ", parse, say("messages.fixed-tab")))
        return error("yaml-tab", spaces=_indent_like_above(lines, index) or 0)

    if "mapping values are not allowed" in problem:
        if _colon_of_key(line) == column and (line[: len(line) - len(line.lstrip())]):
            # the line's own key is taken as more of the text above it: the line is indented too far
            have, want, fix = _reindent(lines, index, parse)
            return error("yaml-indent", fix=fix, have=have, want=want)
        suggestion, fix = _quote(lines, index, parse)
        if suggestion:
            return error("yaml-colon", fix=fix, suggestion=suggestion)
        return error("yaml-colon-lines")

    if "expected <block end>" in problem or "did not find expected key" in problem or "did not find expected '-'" in problem:
        colon = _colon_of_key(line)
        if "'<scalar>'" in problem and colon is not None and column > colon:
            # `title: "Brugata" og Storgata`: a quoted (or bracketed) start, then more text
            suggestion, fix = _quote(lines, index, parse)
            return error("yaml-quote-text", fix=fix, suggestion=suggestion)
        if line.strip():
            have, want, fix = _reindent(lines, index, parse)
            if have != want:
                return error("yaml-indent", fix=fix, have=have, want=want)
        return error("yaml-indent-block")

    if "could not find expected ':'" in problem:
        at = context_mark.line if context_mark is not None else index
        return error("yaml-missing-colon", at=at)
    if "duplicate key" in problem:
        key = re.search(r'duplicate key "([^"]*)"', problem)
        return error("yaml-duplicate-key", key=key.group(1) if key else "")
    if "end of stream" in problem and "quoted" in context:
        at = context_mark.line if context_mark is not None else index
        return error("yaml-unclosed-quote", at=at)
    if "unknown escape character" in problem:
        return error("yaml-escape")
    if "cannot start any token" in problem or "undefined alias" in problem or "undefined tag" in problem:
        character = line[column] if 0 <= column < len(line) else ""
        if character in _RESERVED_START:
            suggestion, fix = _quote(lines, index, parse)
            return error("yaml-reserved", fix=fix, character=character, suggestion=suggestion or "\"…\"")
    if "flow sequence" in context or "flow mapping" in context:
        at = context_mark.line if context_mark is not None else index
        return error("yaml-bracket", at=at)
    if "another document" in problem or "single document" in context:
        return error("yaml-documents")
    return error("yaml-syntax")
