"""`hkh import`: a SurveyXact export read, checked and interpreted, then written to data/survey/<source>/.

Everything is read and checked before anything is written; the survey folder appears whole; `sources.yaml` is
updated last, so it never registers a survey that is not there. The whole import runs under the project lock, and
`sources.yaml` (like the old codebook) is read afresh under it, so imports started at the same time each register
their source: the later ones wait for the lock (`LOCK_WAIT_SECONDS`), then give up with one line.

An import refuses a project whose hkh.yaml or sources.yaml `hkh check` finds errors in (it rewrites sources.yaml),
and a project whose data/ or out/ leads outside the project folder (`hkh.project.folders`). Identifying columns
are dropped and identifiers in answers masked (`hkh.survey.deidentify`).
"""

from __future__ import annotations

import contextlib
import csv
import filecmp
import gc
import re
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hkh.core.errors import (
    HkhError,
    Message,
    OverwriteRefusedError,
    SourceExistsError,
    UsageError,
    worded,
)
from hkh.core.limits import MAX_EXPORT_BYTES, check_regular
from hkh.survey.codebook import Codebook
from hkh.survey.deidentify import PrivacyReport
from hkh.survey.interpret import build_survey
from hkh.survey.store import CODEBOOK, RESPONSES, display_in, survey_dir
from hkh.survey.surveyxact import ProgressCallback, read_export


@dataclass
class ImportResult:
    """What `import_survey` did, for the CLI to report."""

    source_id: str
    directory: Path
    codebook: Codebook
    warnings: list[Message] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    copied: list[str] = field(default_factory=list)
    registered: str = "added"
    kept_edits: list[str] = field(default_factory=list)
    title: str = ""
    privacy: PrivacyReport = field(default_factory=PrivacyReport)

    @property
    def dropped(self) -> list[str]:
        return self.codebook.dropped


def default_source_id(exports: list[Path]) -> str:
    """From the workbook's name, the folder's name, or the CSV files' folder (`dataset.csv` says nothing)."""
    from hkh.project.models import slug

    first = exports[0]
    if first.is_dir():
        stem = first.resolve().name
    elif len(exports) == 1 and not re.search(r"(dataset|labels|structure|variables)", first.stem, re.IGNORECASE):
        stem = first.stem
    else:
        stem = first.resolve().parent.name
    return slug(stem.lower())


def _next_id(root: Path, source_id: str) -> str:
    """`survey-2` for `survey`, `survey-3` when that is taken too (`2021` in `sporreundersokelse-2020` is kept)."""
    number = 2
    while survey_dir(root, f"{source_id}-{number}").exists():
        number += 1
    return f"{source_id}-{number}"


def write_responses_csv(path: Path, header: list[str], columns: list[Sequence[Any]]) -> None:
    """responses.csv, streamed from the columns: rows are made one at a time by `zip`, never all at once.

    The columns already hold the answers as text (see `hkh.survey.interpret`), so nothing is formatted per cell here.
    """
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(zip(*columns))


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


def _plan_raw_copies(
    exports: list[Path], files: list[Path], root: Path, force: bool
) -> tuple[list[tuple[Path, Path]], list[str]]:
    """Which raw files to copy into data/raw/ (those not already inside the project), and the project-relative
    paths of all raw files for sources.yaml."""
    raw_dir = root / "data" / "raw"
    copies: list[tuple[Path, Path]] = []
    listed: list[str] = []
    folder_exports = {e.resolve() for e in exports if e.is_dir()}
    for file in files:
        if _inside(file, root):
            listed.append(file.resolve().relative_to(root.resolve()).as_posix())
            continue
        parent = file.resolve().parent
        target = raw_dir / parent.name / file.name if (parent in folder_exports or len(files) > 1) else raw_dir / file.name
        if target.exists() or target.is_symlink():
            check_regular(target, target.relative_to(root).as_posix(), MAX_EXPORT_BYTES)  # never compare with a FIFO
        if target.exists() and not force and not filecmp.cmp(file, target, shallow=False):
            raise OverwriteRefusedError("raw-copy-differs", path=str(target))
        copies.append((file, target))
        listed.append(target.relative_to(root).as_posix())
    return copies, listed


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Reading a large export makes millions of lists and tuples (rows, columns) and no reference cycles; the cyclic
    garbage collector would walk them over and over as they pile up (about 10% of an import of 20,000 rows)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


LOCK_WAIT_SECONDS = 10.0  # imports started together wait for each other this long


def import_survey(
    exports: list[Path],
    *,
    project_dir: Path | None = None,
    source_id: str | None = None,
    keep_identifiers: bool = False,
    checked_texts: frozenset[str] = frozenset(),
    force: bool = False,
    replace: bool = False,
    progress: ProgressCallback | None = None,
    title: str | None = None,
    ask_title: Callable[[str], str] | None = None,
) -> ImportResult:
    """Read, check and interpret a SurveyXact export, then write data/survey/<source>/ and register the source.

    Everything is read and checked before anything is written: a malformed export raises `HkhError` and leaves
    the project as it was. responses.csv and codebook.yaml are written into a temporary folder that then takes the
    survey folder's place whole; sources.yaml is updated last, so it never registers a survey that is not there.

    The source's title is `title` when given; else the one sources.yaml has already (a re-import); else the name
    SurveyXact gives the survey in the export; else `ask_title(export name)` answers (the CLI asks a person at a
    terminal); else the import is refused with a message asking for `--title`. A file name is no title for a report.
    """
    from hkh.core.files import atomic_directory, atomic_path, write_text_atomic
    from hkh.core.lock import project_lock
    from hkh.project.check import SOURCES_FILE, refuse_errors_in
    from hkh.project.load import find_project
    from hkh.project.models import Method, is_identifier
    from hkh.project.sources import register_source, registered_title

    root = find_project(None, project_dir)
    sid = source_id if source_id is not None else default_source_id(exports)
    if not is_identifier(sid):
        raise worded(UsageError, "security.bad_source_id", source=sid)
    with project_lock(root, wait=LOCK_WAIT_SECONDS), _cyclic_gc_paused():
        # this command rewrites sources.yaml (and creates it when missing)
        refuse_errors_in(root, [SOURCES_FILE], missing_ok=[SOURCES_FILE])
        if survey_dir(root, sid).exists() and not replace:
            # a second round of the same survey imported under the same id would silently take the first's place
            shown = display_in(root, survey_dir(root, sid))
            raise SourceExistsError("survey-already-imported", path=shown, source=sid, folder=shown, next=_next_id(root, sid))
        raw = read_export(exports, progress=progress)
        built = build_survey(
            raw, source_id=sid, keep_identifiers=keep_identifiers, progress=progress, checked_texts=checked_texts
        )
        codebook = built.codebook
        directory = survey_dir(root, sid)
        kept: list[str] = []
        old_path = directory / CODEBOOK
        if old_path.exists():
            try:
                old = Codebook.load(old_path, display_in(root, old_path))
            except HkhError:
                old = None
            if old is not None:
                for question in codebook.questions:
                    before = old.question(question.name)
                    if before is not None and before.name == question.name and before.type == question.type:
                        if sorted(before.non_substantive) != sorted(question.non_substantive):
                            kept.append(question.name)
                        question.non_substantive = list(before.non_substantive)
        copies, listed = _plan_raw_copies(exports, raw.files, root, force)
        chosen = (title or "").strip() or registered_title(root, sid) or (built.title or "").strip()
        if not chosen and ask_title is not None:
            chosen = ask_title(exports[0].name).strip()
        if not chosen:
            raise UsageError("import-title-needed", export=exports[0].name)
        respondents = codebook.respondents
        sources_text, action, registered = register_source(
            root,
            sid,
            method=Method.survey,
            title=chosen,
            counts={"n": respondents.answered, "n_complete": respondents.complete, "n_partial": respondents.partial},
            files=listed,
            replace_title=bool((title or "").strip()),
        )
        codebook_text = codebook.to_yaml()
        if progress:
            progress("write", 0, 1)
        # Everything is written under temporary names first; then, in quick succession, the survey folder takes its
        # place (its two files together), the raw copies theirs, and sources.yaml is updated last. A kill while
        # writing leaves the project as it was.
        with contextlib.ExitStack() as raw_copies:
            for source, target in copies:
                if not (target.exists() and filecmp.cmp(source, target, shallow=False)):
                    # in the kernel (sendfile), not through Python bytes; renamed when the stack closes
                    shutil.copyfile(source, raw_copies.enter_context(atomic_path(target)))
            with atomic_directory(directory) as building:
                write_responses_csv(building / RESPONSES, built.header, built.columns)
                (building / CODEBOOK).write_text(codebook_text, encoding="utf-8")
        write_text_atomic(root / "sources.yaml", sources_text)
        if progress:
            progress("write", 1, 1)
    return ImportResult(
        source_id=sid,
        directory=directory,
        codebook=codebook,
        warnings=built.warnings,
        files=listed,
        copied=[t.relative_to(root).as_posix() for _, t in copies],
        registered=action,
        kept_edits=kept,
        title=registered,
        privacy=built.privacy,
    )
