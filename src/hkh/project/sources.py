"""Registering a source in `sources.yaml` the way a person would edit it: comments, order and wording kept.

`hkh import` registers the survey it imported; the rest of the file is the team's, so only the keys hkh knows are set,
each new key where the documented order puts it, and the result is validated before anything is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hkh.core.errors import HkhError, ProjectInvalidError
from hkh.core.yamlio import dump_yaml_wide, line_of, load_yaml
from hkh.project.load import display_path
from hkh.project.models import Method, SourceRegister
from hkh.project.schema import problems_of

SOURCES_FILE = "sources.yaml"
SOURCE_KEY_ORDER = ("id", "method", "title", "date", "period", "n", "n_complete", "n_partial", "participants", "files", "note")


def register_source(
    root: Path,
    source_id: str,
    *,
    method: Method,
    title: str | None,
    counts: dict[str, int | None],
    files: list[str],
    replace_title: bool = False,
) -> tuple[str, str, str]:
    """The new text of sources.yaml (comments kept), whether the source was "added" or "updated", and its title.

    `counts` sets `n`, `n_complete`, `n_partial`; a count given as None is removed (a re-import of an export without
    completion status must not keep the old split). An existing title is the team's and is kept, unless
    `replace_title` (the user gave one on the command line); `title` is needed when there is none.
    """
    from pydantic import ValidationError
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    path = root / SOURCES_FILE
    shown = display_path(root, SOURCES_FILE)
    tree = load_yaml(path, display=shown) if path.exists() else None
    if tree is None:
        tree = CommentedMap()
    if not isinstance(tree, dict):
        raise HkhError("file-starts-with-list", path=shown, line=1, key="sources")
    if tree.get("sources") is None:
        tree["sources"] = CommentedSeq()
    sources = tree["sources"]
    if not isinstance(sources, list):
        raise HkhError("list-expected", path=shown, line=line_of(tree, ["sources"]), field="sources")
    entry = next((s for s in sources if isinstance(s, dict) and str(s.get("id")) == source_id), None)
    action = "updated"
    if entry is None:
        entry = CommentedMap()
        entry["id"] = source_id
        sources.append(entry)
        action = "added"
    elif str(entry.get("method", method.value)) != method.value:
        index = sources.index(entry)
        raise HkhError(
            "source-other-method",
            path=shown,
            line=line_of(tree, ["sources", index, "method"]),
            source=source_id,
            method=str(entry.get("method")),
            wanted=method.value,
        )
    updates: dict[str, Any] = {"method": method.value}
    if title and (replace_title or not entry.get("title")):
        updates["title"] = title
    for key, value in updates.items():
        _set_key(entry, key, value)
    for key, count in counts.items():
        if count is not None:
            _set_key(entry, key, count)
        elif key in entry:
            del entry[key]
    listed = CommentedSeq(files)
    if len(files) <= 3:
        listed.fa.set_flow_style()
    _set_key(entry, "files", listed)
    try:
        SourceRegister.model_validate(_plain_tree(tree))
    except ValidationError as exc:
        problems = problems_of(exc.errors(include_url=False), path=path, shown=shown, tree=tree, model=SourceRegister)
        raise ProjectInvalidError(problems) from None
    return dump_yaml_wide(tree), action, str(entry.get("title") or "")


def registered_title(root: Path, source_id: str) -> str | None:
    """The title sources.yaml gives the source already (a re-import keeps it), if it can be read."""
    path = root / SOURCES_FILE
    try:
        tree = load_yaml(path, display=display_path(root, SOURCES_FILE)) if path.exists() else None
    except HkhError:
        return None  # register_source says what is wrong with the file
    sources = tree.get("sources") if isinstance(tree, dict) else None
    for entry in sources if isinstance(sources, list) else []:
        if isinstance(entry, dict) and str(entry.get("id")) == source_id and entry.get("title"):
            return str(entry["title"]).strip() or None
    return None



def _set_key(entry: Any, key: str, value: Any) -> None:
    """Set a key in place; a new key goes where the documented order puts it, not after the user's last key
    (whose trailing blank line or comment would otherwise end up above it)."""
    if key in entry:
        entry[key] = value
        return
    rank = SOURCE_KEY_ORDER.index(key) if key in SOURCE_KEY_ORDER else len(SOURCE_KEY_ORDER)
    keys = list(entry.keys())
    position = 0
    for index, existing in enumerate(keys):
        existing_rank = SOURCE_KEY_ORDER.index(existing) if existing in SOURCE_KEY_ORDER else len(SOURCE_KEY_ORDER)
        if existing_rank <= rank:
            position = index + 1
    entry.insert(position, key, value)


def _plain_tree(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _plain_tree(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain_tree(v) for v in node]
    return node
