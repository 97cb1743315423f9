"""Reading and writing the project's YAML files with ruamel.yaml, and where each value is written in them.

ruamel.yaml is used instead of PyYAML for two reasons: it keeps the comments the team writes in their files when
hkh updates them (`hkh import` registers sources), and every node remembers its line, so a validation error can
point at `findings.yaml:42` rather than at "findings -> 3 -> evidence -> 1".
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import ConstructorError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

from hkh.core.errors import FileEncodingError, FileMissingError, YamlSyntaxError
from hkh.core.text import UTF8, decode
from hkh.core.yaml_advice import explain


class _NotADate(ConstructorError):
    """2025-02-30 written unquoted: YAML reads it as a date, which does not exist."""

    def __init__(self, value: str, mark: Any) -> None:
        super().__init__(None, None, f"{value!r} is not a real date", mark)
        self.value = value


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


def read_text(path: Path, shown: Path | str) -> str:
    """A project file's text (UTF-8, any byte-order mark removed); a missing or unreadable file is one located error."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise FileMissingError("file-missing", path=shown) from None
    except IsADirectoryError:
        raise FileMissingError("file-is-folder", path=shown) from None
    except OSError as exc:
        raise FileMissingError("file-unreadable", path=shown, reason=exc.strerror or str(exc)) from None
    return _utf8_text(raw, str(shown))


def parse_yaml(text: str) -> Any:
    """The round-trip tree of a YAML text (ruamel's errors pass through)."""
    return _yaml().load(text)


def load_yaml(path: Path, *, display: Path | str | None = None) -> Any:
    """Parse one YAML file; an empty file gives None. Errors name the file and line, say what to write instead, and
    carry the edit that mends the file where there is only one (`hkh check --fix`)."""
    shown = display or path
    text = read_text(path, shown)
    try:
        return parse_yaml(text)
    except _NotADate as exc:
        raise YamlSyntaxError("date-not-real", path=shown, line=exc.problem_mark.line + 1, value=exc.value) from None
    except MarkedYAMLError as exc:
        raise explain(exc, path, text, str(shown), parse_yaml) from None
    except YAMLError:
        raise YamlSyntaxError("yaml-syntax", path=shown) from None
    except RecursionError:
        raise YamlSyntaxError("yaml-too-deep", path=shown) from None


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
            else:
                break
        except (AttributeError, KeyError, TypeError, IndexError):
            break
    if line is None and isinstance(node, (CommentedMap, CommentedSeq)):
        line = node.lc.line + 1
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
