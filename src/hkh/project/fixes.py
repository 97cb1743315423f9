"""`hkh check --fix`: make the edits that have one meaning, in the team's files, keeping everything else.

Each fixable problem carries a `Fix` (made by `hkh.core.yaml_advice` for YAML syntax, by `hkh.project.schema` for
values): at a character offset of a file, the characters as `hkh check` read them and what to write instead. The
edits are made on the text itself, not on a re-dumped YAML tree, so comments, quotes, blank lines and the order of
keys stay exactly as they were; only the characters of that value (or key, or indentation) change. A file is
written atomically and only if every edit still finds its characters where `hkh check` saw them.

A mended file can reveal the next mistake (a tab fixed, the hours below it can be read and suggested), so the check
runs again after each round, for a few rounds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hkh.core.errors import Fix, Message, Problem
from hkh.core.files import shown_path, write_bytes_atomic

ROUNDS = 5
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Applied:
    """One edit made: where (the line as it is now) and what (`Fix.done`)."""

    path: str
    line: int
    done: Message


def _edit(path: Path, fixes: list[Fix]) -> list[Applied]:
    """Make the edits of one file; none when the file changed since it was checked."""
    raw = path.read_bytes()
    bom = _BOM if raw.startswith(_BOM) else b""
    text = raw[len(bom) :].decode("utf-8")
    chosen: list[Fix] = []
    for fix in sorted(fixes, key=lambda fix: fix.start):
        if text[fix.start : fix.start + len(fix.old)] != fix.old:
            return []  # the file is not as hkh check read it: change nothing
        if chosen and fix.start < chosen[-1].start + len(chosen[-1].old):
            continue  # overlaps the edit before it; the next round sees it again
        chosen.append(fix)
    applied: list[Applied] = []
    shift = 0
    for fix in chosen:
        start = fix.start + shift
        text = text[:start] + fix.new + text[start + len(fix.old) :]
        shift += len(fix.new) - len(fix.old)
        applied.append(Applied(shown_path(path), text[:start].count("\n") + 1, fix.done))
    if applied:
        write_bytes_atomic(path, bom + text.encode("utf-8"))
    return applied


def apply_fixes(problems: list[Problem]) -> list[Applied]:
    """Make the edits the problems carry, file by file (the caller holds the project lock)."""
    by_file: dict[Path, list[Fix]] = {}
    for problem in problems:
        if problem.fix is not None:
            by_file.setdefault(problem.fix.file, []).append(problem.fix)
    applied: list[Applied] = []
    for path, fixes in by_file.items():
        applied.extend(_edit(path, fixes))
    return applied


def fix_project(check: Callable[[], list[Problem]]) -> tuple[list[Applied], list[Problem]]:
    """Check, mend what has one meaning, check again, until nothing more can be mended: (the edits, the problems
    left). `check` runs the whole check of the project (the caller holds the project lock)."""
    applied: list[Applied] = []
    problems = check()
    for _round in range(ROUNDS):
        made = apply_fixes(problems)
        if not made:
            break
        applied.extend(made)
        problems = check()
    return applied, problems
