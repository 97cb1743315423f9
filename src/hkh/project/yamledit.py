"""Editing a project file's YAML tree the way a person would: comments, order and wording kept.

`hkh plan import` and `hkh efforts import` change entries of lists the team has commented. ruamel.yaml keeps a
comment that stands between two list entries on the *end* of the entry above it (on its last value); removing or
moving that entry would take the comment with it, though it describes the entry below. So before a list is
rearranged, each entry's "comment above" is taken off the entry above it (`leading_comments`), and after, put back
above the same entry in its new place (`place_comments`). A comment on the same line as a value stays with it.
"""

from __future__ import annotations

import textwrap
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import FoldedScalarString
from ruamel.yaml.tokens import CommentToken

# a text longer than this is written folded (`>-`), as the team writes long texts
FOLD_AT = 100


def _is_block(node: Any) -> bool:
    return isinstance(node, (CommentedMap, CommentedSeq)) and len(node) > 0 and not node.fa.flow_style()


def _tail_slot(node: Any) -> tuple[Any, str, Any] | None:
    """Where the comment after a node's last line is kept: (holder, kind, key).

    kind "item" is `holder.ca.items[key][2]` (a map's value), "seq" is `holder.ca.items[key][0]` (a list's entry),
    "flow" is `holder.ca.comment[0]` (after a flow list or map), "end" is `holder.ca.end` (after a block list).
    """
    if isinstance(node, CommentedSeq) and len(node) > 0 and not node.fa.flow_style():
        if node.ca.end:
            return node, "end", None
        last = len(node) - 1
        if _is_block(node[last]):
            return _tail_slot(node[last])
        if isinstance(node[last], (CommentedMap, CommentedSeq)):
            return node[last], "flow", None
        return node, "seq", last
    if isinstance(node, CommentedMap) and len(node) > 0:
        key = list(node.keys())[-1]
        value = node[key]
        if _is_block(value):
            return _tail_slot(value)
        if isinstance(value, (CommentedMap, CommentedSeq)) and value.ca.comment and value.ca.comment[0] is not None:
            return value, "flow", None
        return node, "item", key
    return None


def _token(holder: Any, kind: str, key: Any) -> CommentToken | None:
    if kind == "end":
        tokens = holder.ca.end or []
        if not tokens:
            return None
        return CommentToken("".join(tok.value for tok in tokens), CommentMark(0), None)
    if kind == "flow":
        return holder.ca.comment[0] if holder.ca.comment else None
    entry = holder.ca.items.get(key)
    if not entry:
        return None
    return entry[2] if kind == "item" else entry[0]


def _set_token(holder: Any, kind: str, key: Any, value: str, column: int) -> None:
    if kind == "end":
        holder.ca.end = [CommentToken(value, CommentMark(0), None)] if value else []
        return
    token = CommentToken(value, CommentMark(column), None) if value else None
    if kind == "flow":
        holder.ca.comment = [token, None]
        return
    entry = holder.ca.items.setdefault(key, [None, None, None, None])
    entry[2 if kind == "item" else 0] = token


def _split(value: str, kind: str) -> tuple[str, str]:
    """A tail comment as (the rest of the last line, the lines below it)."""
    if kind == "end":
        return "", value
    first, newline, rest = value.partition("\n")
    return first + newline, rest


def take_comment_below(node: Any) -> str:
    """Remove and return the comment lines below a list entry (what stands between it and the next entry)."""
    slot = _tail_slot(node)
    if slot is None:
        return ""
    holder, kind, key = slot
    token = _token(holder, kind, key)
    if token is None:
        return ""
    line, below = _split(token.value, kind)
    if kind == "end":
        _set_token(holder, kind, key, "", 0)
    else:
        keep = line if line.strip() else ""
        _set_token(holder, kind, key, keep, token.column)
    return below


def put_comment_below(node: Any, below: str) -> None:
    """Put comment lines below a list entry (after whatever stands on its last line)."""
    if not below:
        return
    slot = _tail_slot(node)
    if slot is None:
        return
    holder, kind, key = slot
    token = _token(holder, kind, key)
    if kind == "end":
        _set_token(holder, kind, key, (token.value if token else "") + below, 0)
        return
    line = token.value.partition("\n")[0] + "\n" if token is not None and token.value.strip() else "\n"
    existing_below = _split(token.value, kind)[1] if token is not None else ""
    _set_token(holder, kind, key, line + existing_below + below, token.column if token is not None else 0)


def take_head(parent: CommentedMap, key: str) -> str:
    """Remove and return the comment lines above a list's first entry (ruamel keeps them on the key of the list)."""
    entry = parent.ca.items.get(key)
    tokens = entry[3] if entry and len(entry) > 3 else None
    if not tokens:
        return ""
    text = "".join((" " * tok.column if tok.value.strip() else "") + tok.value for tok in tokens if tok is not None)
    entry[3] = None
    value = parent.get(key)
    if isinstance(value, CommentedSeq) and value.ca.comment:
        value.ca.comment = None
    return text


def put_head(parent: CommentedMap, key: str, text: str) -> None:
    """Put comment lines above a list's first entry."""
    if not text:
        return
    tokens = []
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip(" ")
        column = len(line) - len(stripped) if stripped.strip() else 0
        tokens.append(CommentToken(stripped if stripped.strip() else "\n", CommentMark(column), None))
    entry = parent.ca.items.setdefault(key, [None, None, None, None])
    while len(entry) < 4:
        entry.append(None)
    entry[3] = (entry[3] or []) + tokens


def leading_comments(parent: CommentedMap, key: str) -> tuple[dict[int, str], str]:
    """Take the comment above each entry of `parent[key]` (kept on the entry before it, or on the list's key for the
    first) off the list: id(entry) → comment lines, and the comment below the last entry (what follows the list)."""
    entries = list(parent[key])
    above: dict[int, str] = {}
    tail = ""
    if entries:
        above[id(entries[0])] = take_head(parent, key)
    for index, entry in enumerate(entries):
        below = take_comment_below(entry)
        if index + 1 < len(entries):
            above[id(entries[index + 1])] = below
        else:
            tail = below
    return above, tail


def place_comments(parent: CommentedMap, key: str, above: dict[int, str], tail: str) -> None:
    """Put each entry's comment back above it, in the entries' new order; the list's own tail after the last."""
    entries = list(parent[key])
    if entries:
        put_head(parent, key, above.get(id(entries[0]), ""))
    for index, entry in enumerate(entries):
        if index + 1 < len(entries):
            put_comment_below(entry, above.get(id(entries[index + 1]), ""))
        else:
            put_comment_below(entry, tail)


def set_key(entry: CommentedMap, key: str, value: Any, order: tuple[str, ...]) -> None:
    """Set a key in place; a new key goes where the documented `order` puts it, not after the user's last key."""
    if key in entry:
        entry[key] = value
        return
    rank = order.index(key) if key in order else len(order)
    position = 0
    for index, existing in enumerate(entry.keys()):
        existing_rank = order.index(existing) if existing in order else len(order)
        if existing_rank <= rank:
            position = index + 1
    if position == len(entry):
        # after the last key: the comment below the entry must stay below it, not between the old and new key
        below = take_comment_below(entry)
        entry.insert(position, key, value)
        put_comment_below(entry, below)
    else:
        entry.insert(position, key, value)


def delete_key(entry: CommentedMap, key: str) -> None:
    """Remove a key; when it is the last, the comment below the entry moves up to the new last key."""
    if key not in entry:
        return
    if list(entry.keys())[-1] == key:
        below = take_comment_below(entry)
        del entry[key]
        put_comment_below(entry, below)
    else:
        del entry[key]


def text_value(text: str, was: Any = None, indent: int = 10) -> Any:
    """A text as the team writes it: folded over lines (`>-`) when long or when it was folded before."""
    if len(text) <= FOLD_AT and not isinstance(was, FoldedScalarString):
        return text
    if "\n" in text or text != text.strip() or "  " in text:
        return text  # folding would change the text
    lines = textwrap.wrap(text, width=max(FOLD_AT + 10 - indent, 40), break_long_words=False, break_on_hyphens=False)
    if len(lines) <= 1:
        return text if not isinstance(was, FoldedScalarString) else FoldedScalarString(text)
    folded = FoldedScalarString(text)
    positions = []
    offset = 0
    for line in lines[:-1]:
        offset += len(line)
        positions.append(offset)  # the blank after each line is where the emitter folds
        offset += 1
    folded.fold_pos = positions
    return folded


def flow_list(items: list[str]) -> CommentedSeq:
    listed = CommentedSeq(items)
    listed.fa.set_flow_style()
    return listed


def plain(node: Any) -> Any:
    """A ruamel tree as plain dicts and lists (for validating it with the models)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return node
