"""Reading and writing the project's YAML files with ruamel.yaml.

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
