"""Reading and writing the project's YAML files with ruamel.yaml.

ruamel.yaml is used instead of PyYAML for two reasons: it keeps the comments the team writes in their files when
hkh updates them (`hkh import` registers sources), and every node remembers its line, so a validation error can
point at `findings.yaml:42` rather than at "findings -> 3 -> evidence -> 1".

Reading, where nothing is written back (`load_yaml_lines`), uses ruamel's C parser (ruamel.yaml.clib) and keeps
each key's and item's line beside the plain dicts and lists: the five project files read in a tenth of the time of
the round-trip reader. Text where the two parsers could read differently (tabs, merge keys, directives, line
separators other than newlines) and any text the C parser refuses go to the round-trip reader, so messages about
broken files are its own, word for word.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from hkh.core.errors import FileEncodingError, FileMissingError, YamlSyntaxError
from hkh.core.text import UTF8, decode


class _Constructor(RoundTripConstructor):
    """ruamel raises a bare ValueError for an impossible date such as 2025-02-30; make it a located YAML error."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            raise ConstructorError(None, None, f"{node.value!r} is not a real date", node.start_mark) from None


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
        raise FileEncodingError(
            "the file is saved as UTF-16; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)", path=shown, line=1
        )
    if decoded.encoding != UTF8:
        bad = next(index for index, byte in enumerate(raw) if byte >= 0x80)
        raise FileEncodingError(
            "the file is not UTF-8 (perhaps Windows-1252, where æ, ø and å are stored differently); save it as UTF-8",
            path=shown,
            line=raw[:bad].count(b"\n") + 1,
        )
    return decoded.text


def load_yaml(path: Path, *, display: Path | str | None = None) -> Any:
    """Parse one YAML file; an empty file gives None. Errors name the file and line."""
    shown = display or path
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FileMissingError("file is missing", path=shown) from None
    except IsADirectoryError:
        raise FileMissingError("expected a file, found a folder", path=shown) from None
    except OSError as exc:
        raise FileMissingError(f"cannot read the file ({exc.strerror})", path=shown) from None
    text = _utf8_text(raw, str(shown))
    try:
        return _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = (exc.problem or exc.context or "YAML syntax error").strip()
        if "found character '\\t'" in problem:
            problem = "a tab character; YAML indents with spaces only"
        elif "duplicate key" in problem:
            problem = problem.replace("found duplicate key", "the same key appears twice:")
        raise YamlSyntaxError(f"invalid YAML: {problem}", path=shown, line=line) from None
    except YAMLError as exc:
        raise YamlSyntaxError(f"invalid YAML: {exc}", path=shown) from None
    except RecursionError:
        raise YamlSyntaxError("invalid YAML: nested too deeply", path=shown) from None


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


def load_yaml_lines(path: Path, *, display: Path | str | None = None) -> Any:
    """Parse one YAML file for reading only: plain dicts and lists that know their lines (`LinedMap`, `LinedList`);
    the same values as `load_yaml` and the same lines for `line_of`. An empty file gives None."""
    shown = display or path
    try:
        raw = path.read_bytes()
    except OSError:
        return load_yaml(path, display=display)  # its message
    try:
        text = _utf8_text(raw, str(shown))
    except FileEncodingError:
        return load_yaml(path, display=display)
    if _ROUND_TRIP_ONLY.search(text) is None:
        try:
            return _lined_reader().load(text)
        except (YAMLError, ValueError, TypeError, RecursionError):
            pass  # read again below, for the round-trip reader's message
    return load_yaml(path, display=display)


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
