"""Reading and writing the project's YAML files with ruamel.yaml, and where each value is written in them.

ruamel.yaml is used instead of PyYAML for two reasons: it keeps the comments the team writes in their files when
hkh updates them (`hkh import` registers sources), and every node remembers its line, so a validation error can
point at `findings.yaml:42` rather than at "findings -> 3 -> evidence -> 1".

Every file is read with limits (`hkh docs limits`): its size, each text, number and list in it, and how deep it nests.
Anchors and aliases (`&name`, `*name`) are refused: the team's files never need them, and nine levels of aliases
(a "billion laughs") make a few hundred bytes stand for billions of values.

Reading, where nothing is written back (`load_yaml_lines`), uses ruamel's C parser (ruamel.yaml.clib) and keeps
each key's and item's line beside the plain dicts and lists: the five project files read in a tenth of the time of
the round-trip reader, with the same limits. Text where the two parsers could read differently (tabs, merge keys,
tags, anchors, directives, line separators other than newlines) and any text the C parser refuses go to the
round-trip reader, so messages about broken files are its own, word for word.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from hkh.core.errors import FileEncodingError, LimitExceededError, YamlSyntaxError, worded
from hkh.core.limits import (
    MAX_INTEGER_DIGITS,
    MAX_LIST_ITEMS,
    MAX_PROJECT_FILE_BYTES,
    MAX_TEXT_CHARACTERS,
    read_regular,
)
from hkh.core.text import UTF8, decode
from hkh.core.yaml_advice import explain


class _NotADate(ConstructorError):
    """2025-02-30 written unquoted: YAML reads it as a date, which does not exist."""

    def __init__(self, value: str, mark: Any) -> None:
        super().__init__(None, None, f"{value!r} is not a real date", mark)
        self.value = value

MAX_DEPTH = 40  # the deepest a project file goes is about 8 (findings, a finding, its evidence, a field)
# `&name` or `*name` where YAML would read an anchor or an alias (confirmed by the parser: `"R&D"` and `*viktig*` in
# quoted text are not); the other texts, nearly all, are decided by this one search
_ANCHOR_HINT = re.compile(r"(?:^|[\s\[\]{},:-])[&*][^\s\[\]{},]", re.MULTILINE)
_LONG_DIGITS = re.compile(r"[0-9_]{16,}")


@dataclass(frozen=True)
class YamlLimits:
    """How large a YAML file and the values in it may be (the codebook's are larger than a project file's)."""

    file_bytes: int = MAX_PROJECT_FILE_BYTES
    items: int = MAX_LIST_ITEMS
    text: int = MAX_TEXT_CHARACTERS
    integer_digits: int = MAX_INTEGER_DIGITS


PROJECT_LIMITS = YamlLimits()


class _Constructor(RoundTripConstructor):
    """ruamel raises a bare ValueError for an impossible date such as 2025-02-30; make it a located YAML error."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            raise _NotADate(node.value, node.start_mark) from None


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 110
    yaml.allow_duplicate_keys = False
    return yaml


def _utf8_text(raw: bytes, shown: str) -> str:
    """Project files are UTF-8 only: a file saved by Word or Notepad in another encoding is refused with the fix."""
    decoded = decode(raw, shown, reject_control=False)
    if decoded.encoding.startswith("utf-16"):
        raise FileEncodingError("yaml-utf16", path=shown, line=1)
    if decoded.encoding != UTF8:
        bad = next(index for index, byte in enumerate(raw) if byte >= 0x80)
        raise FileEncodingError("yaml-not-utf8", path=shown, line=raw[:bad].count(b"\n") + 1)
    return decoded.text


def refuse_anchors(text: str, shown: Path | str) -> None:
    """Refuse anchors and aliases (`&name`, `*name`), with the line of the first."""
    if not _ANCHOR_HINT.search(text):
        return
    from ruamel.yaml.events import AliasEvent

    try:
        for event in _yaml().parse(text):
            if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
                raise worded(YamlSyntaxError, "security.yaml_alias", path=shown, line=event.start_mark.line + 1)
    except (YAMLError, RecursionError):
        return  # not valid YAML at all: loading it says where


def _number_too_long(text: str, shown: Path | str, digits: int) -> YamlSyntaxError:
    found = _LONG_DIGITS.search(text)
    line = text.count("\n", 0, found.start()) + 1 if found else None
    return worded(YamlSyntaxError, "security.yaml_number", path=shown, line=line, digits=digits)


def check_values(tree: Any, shown: Path | str, limits: YamlLimits = PROJECT_LIMITS) -> None:
    """Refuse a text, number or list beyond `limits`, or nesting deeper than `MAX_DEPTH`, with its line."""
    largest = 10**limits.integer_digits
    stack: list[tuple[Any, tuple[Any, ...]]] = [(tree, ())]
    while stack:
        node, where = stack.pop()
        problem: tuple[str, dict[str, Any]] | None = None
        if isinstance(node, str):
            if len(node) > limits.text:
                problem = ("yaml_text", {"count": f"{len(node):,}", "limit": f"{limits.text:,}"})
        elif isinstance(node, int) and not isinstance(node, bool):
            if abs(node) >= largest:
                problem = ("yaml_number", {"digits": limits.integer_digits})
        elif isinstance(node, (dict, list)):
            if len(node) > limits.items:
                problem = ("yaml_items", {"count": f"{len(node):,}", "limit": f"{limits.items:,}"})
            elif len(where) >= MAX_DEPTH:
                problem = ("yaml_depth", {"limit": MAX_DEPTH})
            elif isinstance(node, dict):
                for key, value in node.items():
                    stack.append((key, where))
                    stack.append((value, (*where, key)))
            else:
                stack.extend((value, (*where, index)) for index, value in enumerate(node))
        if problem is not None:
            key, values = problem
            raise worded(LimitExceededError, f"security.{key}", path=shown, line=line_of(tree, where), **values)


def read_text(path: Path, shown: Path | str, file_bytes: int = MAX_PROJECT_FILE_BYTES) -> str:
    """A project file's text (an ordinary file within `file_bytes`, UTF-8, any byte-order mark removed); a missing
    or unreadable file is one located error."""
    return _utf8_text(read_regular(path, str(shown), file_bytes), str(shown))


def parse_yaml(text: str) -> Any:
    """The round-trip tree of a YAML text (ruamel's errors pass through)."""
    return _yaml().load(text)


def load_yaml(path: Path, *, display: Path | str | None = None, limits: YamlLimits = PROJECT_LIMITS) -> Any:
    """Parse one YAML file; an empty file gives None. Errors name the file and line, say what to write instead, and
    carry the edit that mends the file where there is only one (`hkh check --fix`).

    The file must be an ordinary file within `limits` (a device or a FIFO is refused before it is opened), hold no
    anchors or aliases, and no text, number or list beyond `limits`.
    """
    shown = display or path
    text = read_text(path, shown, limits.file_bytes)
    refuse_anchors(text, shown)
    try:
        tree = parse_yaml(text)
    except _NotADate as exc:
        raise YamlSyntaxError("date-not-real", path=shown, line=exc.problem_mark.line + 1, value=exc.value) from None
    except MarkedYAMLError as exc:
        raise explain(exc, path, text, str(shown), parse_yaml) from None
    except ValueError as exc:
        if "digits" not in str(exc):
            raise YamlSyntaxError("yaml-syntax", path=shown) from None
        # an integer of more than 4,300 digits, which Python refuses to read
        raise _number_too_long(text, shown, limits.integer_digits) from None
    except YAMLError:
        raise YamlSyntaxError("yaml-syntax", path=shown) from None
    except RecursionError:
        raise YamlSyntaxError("yaml-too-deep", path=shown) from None
    check_values(tree, shown, limits)
    return tree


class LinedMap(dict[Any, Any]):
    """A mapping read by `load_yaml_lines`: a dict that knows the line of each key (0-based, as ruamel's)."""

    line = 0
    key_lines: dict[Any, int]


class LinedList(list[Any]):
    """A sequence read by `load_yaml_lines`: a list that knows the line of each item."""

    line = 0
    item_lines: list[int]


class _LinedConstructor(SafeConstructor):
    def construct_yaml_map(self, node: Any) -> Any:
        data = LinedMap()
        data.line = node.start_mark.line
        yield data
        data.update(self.construct_mapping(node))
        lines: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.constructed_objects.get(key_node)
            with contextlib.suppress(TypeError):  # an unhashable key, refused by the models in any case
                lines.setdefault(key, key_node.start_mark.line)
        data.key_lines = lines

    def construct_yaml_seq(self, node: Any) -> Any:
        data = LinedList()
        data.line = node.start_mark.line
        yield data
        data.extend(self.construct_sequence(node))
        data.item_lines = [child.start_mark.line for child in node.value]


_LinedConstructor.add_constructor("tag:yaml.org,2002:map", _LinedConstructor.construct_yaml_map)
_LinedConstructor.add_constructor("tag:yaml.org,2002:seq", _LinedConstructor.construct_yaml_seq)
# where the two parsers may read the same text differently, or report a problem in other words: tabs, line
# separators (a lone carriage return among them), byte order marks and control characters, merge keys, directives,
# tags, anchors and aliases, a comment right after a block scalar's indicator (`|#`: only the C parser takes it),
# a block scalar at the top level (the parsers end it differently; no project file is one), and document markers
# other than a first line `---`
_ROUND_TRIP_ONLY = re.compile(
    r"[\t\x85\u2028\u2029\ufeff]|\r(?!\n)|[^\x20-\U0010ffff\n\r]|<<|^%|(?:^|[\s\[{,])[!&*]|[|>][-+0-9]*#|^[|>]"
    r"|^\.\.\.|(?<=.)^---",
    re.MULTILINE | re.DOTALL,
)


def _lined_reader() -> YAML:
    yaml = YAML(typ="safe", pure=False)
    yaml.Constructor = _LinedConstructor
    return yaml


def load_yaml_lines(path: Path, *, display: Path | str | None = None, limits: YamlLimits = PROJECT_LIMITS) -> Any:
    """Parse one YAML file for reading only: plain dicts and lists that know their lines (`LinedMap`, `LinedList`);
    the same values, limits and errors as `load_yaml` and the same lines for `line_of`. An empty file gives None."""
    shown = display or path
    raw = read_regular(path, str(shown), limits.file_bytes)
    text = _utf8_text(raw, str(shown))
    if _ROUND_TRIP_ONLY.search(text) is None:  # (anchors and aliases go to load_yaml, which refuses them)
        try:
            tree = _lined_reader().load(text)
        except (YAMLError, ValueError, TypeError, RecursionError):
            pass  # read again below, for the round-trip reader's message
        else:
            check_values(tree, shown, limits)
            return tree
    return load_yaml(path, display=display, limits=limits)


def line_of(node: Any, loc: Iterable[Any]) -> int | None:
    """1-based line of the deepest node that `loc` (a pydantic error location) reaches in the loaded tree."""
    line: int | None = None
    current = node
    for key in loc:
        try:
            if isinstance(current, CommentedMap) and key in current:
                line = current.lc.key(key)[0] + 1
                current = current[key]
            elif isinstance(current, CommentedSeq) and isinstance(key, int) and 0 <= key < len(current):
                line = current.lc.item(key)[0] + 1
                current = current[key]
            elif isinstance(current, LinedMap) and key in current:
                line = current.key_lines[key] + 1
                current = current[key]
            elif isinstance(current, LinedList) and isinstance(key, int) and 0 <= key < len(current):
                line = current.item_lines[key] + 1
                current = current[key]
            else:
                break
        except (AttributeError, KeyError, TypeError, IndexError):
            break
    if line is None and isinstance(node, (CommentedMap, CommentedSeq, LinedMap, LinedList)):
        line = node.line + 1 if isinstance(node, (LinedMap, LinedList)) else node.lc.line + 1
    return line


def dump_yaml(data: Any) -> str:
    stream = io.StringIO()
    _yaml().dump(data, stream)
    return stream.getvalue()


def dump_yaml_wide(tree: Any) -> str:
    """Round-trip dump that does not re-wrap the user's long lines."""
    yaml = _yaml()
    yaml.width = 100000
    stream = io.StringIO()
    yaml.dump(tree, stream)
    return stream.getvalue()


def compose(text: str) -> Any:
    """The YAML node graph of `text` (each node knows where it is written), or None when it does not parse."""
    try:
        return _yaml().compose(text)
    except (YAMLError, ValueError, RecursionError):
        return None


def node_span(node: Any, loc: Iterable[Any], *, key: bool = False) -> tuple[int, int] | None:
    """Where the value at `loc` below `node` (`compose(text)`) is written in the text, or with `key` the key that names
    it: (start, end) character offsets, so that an edit changes exactly those characters and no other byte."""
    found_key = None
    for part in loc:
        if isinstance(node, MappingNode):
            pair = next(((k, v) for k, v in node.value if isinstance(k, ScalarNode) and k.value == str(part)), None)
            if pair is None:
                return None
            found_key, node = pair
        elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            found_key, node = None, node.value[part]
        else:
            return None
    target = found_key if key else node
    if target is None:
        return None
    return target.start_mark.index, target.end_mark.index
