"""The folders that hold personal data stay in the project: data/, data/raw/, data/survey/ and out/ (and the folders
in out/) that lead elsewhere through a symbolic link are refused, unless `settings.allow_outside_folders` says the
team means it (an encrypted disk, say). Survey answers written through such a link would leave the folder the team
keeps under control (and out of git) without anyone noticing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from hkh.core.errors import FolderOutsideProjectError, Problem, Severity, worded, worded_problem

GUARDED = (Path("data"), Path("data") / "raw", Path("data") / "survey", Path("out"))


@dataclass(frozen=True)
class OutsideFolder:
    folder: Path  # relative to the project
    target: Path  # where it leads


def outside_folders(root: Path) -> list[OutsideFolder]:
    """The guarded folders (and the folders directly in out/) that resolve outside the project folder."""
    home = root.resolve()
    candidates = list(GUARDED)
    out = root / "out"
    if out.is_dir():
        try:
            candidates += sorted(Path("out") / entry.name for entry in os.scandir(out) if entry.is_symlink())
        except OSError:
            pass
    found: list[OutsideFolder] = []
    for folder in candidates:
        path = root / folder
        if not os.path.lexists(path):
            continue
        target = path.resolve()
        if target != home and home not in target.parents:
            found.append(OutsideFolder(folder, target))
    return found


def outside_problems(root: Path, allowed: bool, shown: str) -> list[Problem]:
    """`hkh check`'s errors for folders leading outside the project (none when the team allows it)."""
    if allowed:
        return []
    return [
        worded_problem(
            Severity.ERROR, FolderOutsideProjectError.code, "security.folder_outside",
            path=shown, folder=f"{found.folder.as_posix()}/", target=str(found.target),
        )
        for found in outside_folders(root)
    ]


def refuse_outside(root: Path, allowed: bool, shown: str) -> None:
    """Stop a command that would write personal data through a folder leading outside the project."""
    if allowed:
        return
    for found in outside_folders(root):
        raise worded(
            FolderOutsideProjectError, "security.folder_outside", path=shown, folder=f"{found.folder.as_posix()}/",
            target=str(found.target),
        )
