"""The fast reader of the project files (ruamel's C parser, lines kept beside plain dicts and lists) reads every
file as the round-trip reader does: the same values, the same line for every key and item, and for a broken file
the same error, word for word."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar

from hkh.core.errors import HkhError
from hkh.core.yamlio import LinedList, LinedMap, dump_yaml, line_of, load_yaml, load_yaml_lines

ROOT = Path(__file__).resolve().parents[1]
YAML_FILES = sorted(
    path
    for folder in ("examples", "src/hkh/project/templates", "tests/fixtures")
    for path in (ROOT / folder).rglob("*.yaml")
)


def plain(node: Any) -> Any:
    """Values as Python sees them, whichever reader made them (ruamel's scalar types are subclasses of the plain)."""
    if isinstance(node, TaggedScalar):  # `!tag value`, which the models refuse (compared by what it holds)
        return ("tagged", str(node.tag), node.value)
    if isinstance(node, dict):
        return {plain(key): plain(value) for key, value in node.items()}
    if isinstance(node, (list, tuple)):
        return [plain(value) for value in node]
    for kind in (bool, int, float, str):
        if isinstance(node, kind):
            return kind(node)
    return node


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every location in a tree, as pydantic names them."""
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths(value, (*prefix, index))
    return found


def outcome(reader: Any, path: Path) -> tuple[str, Any]:
    try:
        return "tree", reader(path)
    except HkhError as error:
        return "error", str(error)


def same_reading(path: Path) -> None:
    kind, slow = outcome(load_yaml, path)
    fast_kind, fast = outcome(load_yaml_lines, path)
    assert (fast_kind, kind) == (kind, kind)
    if kind == "error":
        assert fast == slow
        return
    assert plain(fast) == plain(slow)
    for location in paths(slow):
        assert line_of(fast, location) == line_of(slow, location), location


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_yaml_file_of_the_repository_reads_the_same(path: Path) -> None:
    same_reading(path)


@pytest.mark.parametrize("folder", ["examples/brugata_storgata", "src/hkh/project/templates/init/nn"])
def test_the_fast_reader_is_used_for_ordinary_files(folder: str) -> None:
    for name in ("hkh.yaml", "sources.yaml", "efforts.yaml", "findings.yaml", "plan.yaml"):
        tree = load_yaml_lines(ROOT / folder / name)
        assert isinstance(tree, LinedMap) and not isinstance(tree, CommentedMap), name
    findings = load_yaml_lines(ROOT / "examples" / "brugata_storgata" / "findings.yaml")["findings"]
    assert isinstance(findings, LinedList) and not isinstance(findings, CommentedSeq)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False),
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
    st.text(max_size=30),
    st.sampled_from(["yes", "no", "on", "0o17", "0x1F", "1_000", "~", "null", "2021-02", "12:30", "- a", "a: b", "#"]),
)
keys = st.one_of(st.text(min_size=1, max_size=12), st.integers(0, 99))
trees = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=4)),
    max_leaves=25,
)


@given(tree=st.dictionaries(keys, trees, min_size=1, max_size=5), newline=st.sampled_from(["\n", "\r\n"]))
def test_any_file_hkh_could_write_reads_the_same(tmp_path_factory: pytest.TempPathFactory, tree: dict[Any, Any], newline: str) -> None:
    path = tmp_path_factory.mktemp("yaml") / "file.yaml"
    path.write_bytes(dump_yaml(tree).replace("\n", newline).encode("utf-8", errors="surrogatepass"))
    same_reading(path)


# found by HKH_FUZZ_PROFILE=explore: texts the two parsers read differently (each now goes to the round-trip reader)
@example(text="!")
@example(text="!0")
@example(text="|#")
@example(text="|\r#")
@example(text=">\n#")
@given(text=st.text(alphabet=st.sampled_from(list("ab:-?#'\"[]{},&*!|>%@`~<\\ \n\t\r.0+123456789æ\u2028\x85\x07")), max_size=80))
def test_any_text_reads_the_same_or_fails_with_the_same_message(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("yaml") / "file.yaml"
    path.write_text(text, "utf-8")
    same_reading(path)


line_parts = st.sampled_from(
    [
        "key: value", "- item", "key:", "- key: value", "note: >-", "note: |", "note: |+", "text: >2", "plain text",
        "# a comment", "key: value  # comment", "list: [a, b, 'c, d']", "map: {a: 1, b: [x]}", "'quoted key': \"é\\tx\\u00e6\"",
        "date: 2021-02-30", "date: 2021-02-03", "n: 0o17", "n: 1_000", "n: .inf", "yes: no", "? complex", ": value",
        "key: 'it''s'", "key: \"multi", "  line\"", "---", "...", "key: value: more", "- - nested", "-", "key: -1.5e3",
        "key: ~", "\"key\": null", "key: æøå ÆØÅ", "id: a-1", "key: [a,", "  b]",
    ]
)


@example(lines=[(0, "key: value"), (0, "..."), (0, "...")])
@given(lines=st.lists(st.tuples(st.integers(0, 6), line_parts), max_size=12))
def test_any_file_of_yaml_lines_reads_the_same(tmp_path_factory: pytest.TempPathFactory, lines: list[tuple[int, str]]) -> None:
    path = tmp_path_factory.mktemp("yaml") / "file.yaml"
    path.write_text("".join(" " * indent + text + "\n" for indent, text in lines), "utf-8")
    same_reading(path)
