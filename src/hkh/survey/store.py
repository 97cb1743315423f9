"""Imported surveys on disk: `hkh import` writes them, every analysis reads them through `load_survey`.

On disk (the contract other modules rely on): `data/survey/<source>/responses.csv` (UTF-8, one row per respondent
who answered, identifiers dropped, codes as integers, blank = missing, `_status` last) and
`data/survey/<source>/codebook.yaml` (see `hkh.survey.codebook.Codebook`). The source is registered in `sources.yaml`.
"""

from __future__ import annotations

import contextlib
import csv
import filecmp
import gc
import io
import re
import shutil
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hkh.survey.codebook import CHOICE_TYPES, Codebook, Question, build_survey
from hkh.core.errors import (
    HkhError,
    OverwriteRefusedError,
    ProjectInvalidError,
    Problem,
    Severity,
    SurveyNotImportedError,
    UsageError,
)
from hkh.survey.surveyxact import ProgressCallback, read_export

if TYPE_CHECKING:  # pandas is imported only where a frame is built
    import pandas as pd

    from hkh.project.load import Project

RESPONSES = "responses.csv"
CODEBOOK = "codebook.yaml"
STATUS_COLUMN = "_status"


# -------------------------------------------------------------------------------------------------------- reading


@dataclass
class Survey:
    """One imported survey: its codebook and its answers (one row per respondent, columns as in responses.csv)."""

    source_id: str
    directory: Path
    codebook: Codebook
    frame: "pd.DataFrame"

    def question(self, name: str) -> Question | None:
        return self.codebook.question(name)

    def answered(self, question: Question | str) -> "pd.Series":
        """True for respondents who answered the question (for multiple choice: ticked at least one option)."""
        found = self.codebook.question(question) if isinstance(question, str) else question
        if found is None:
            raise UsageError(f"the survey {self.source_id!r} has no question {question!r}")
        return self.frame[found.variables].notna().any(axis=1)

    @property
    def status(self) -> "pd.Series":
        return self.frame[STATUS_COLUMN]


def _root(project: "Project | Path") -> Path:
    return project if isinstance(project, Path) else project.root


def survey_dir(project: "Project | Path", source_id: str) -> Path:
    return _root(project) / "data" / "survey" / source_id


def list_survey_sources(project: "Project | Path") -> list[str]:
    """Ids of the imported surveys (folders under data/survey/ holding a codebook), sorted."""
    base = _root(project) / "data" / "survey"
    if not base.is_dir():
        return []
    return sorted(
        p.name for p in base.iterdir() if p.is_dir() and not p.name.startswith(".") and (p / CODEBOOK).is_file()
    )


def load_survey(project: "Project | Path", source_id: str | None = None, *, codes_as_float: bool = False) -> Survey:
    """The imported survey `source_id`, or the only one. Codes become nullable integers, open text stays text.

    With `codes_as_float`, codes and numbers stay float64 as read (NaN for blank; codes are still checked to be whole
    numbers) and text stays as read: the answers are not copied into new types, which is all that counting needs
    (hkh.survey.tables) and took over half of a large survey's memory."""
    import pandas as pd

    root = _root(project)
    available = list_survey_sources(root)
    if source_id is None:
        if not available:
            raise SurveyNotImportedError(
                "no survey has been imported; run `hkh import <export>` first", path=str(root / "data" / "survey")
            )
        if len(available) > 1:
            raise UsageError(f"several surveys are imported ({', '.join(available)}); choose one with --source")
        source_id = available[0]
    elif source_id not in available:
        known = f" (imported: {', '.join(available)})" if available else ""
        raise SurveyNotImportedError(
            f"the survey {source_id!r} has not been imported; run `hkh import <export> --source {source_id}`{known}"
        )
    directory = survey_dir(root, source_id)
    shown = _display(root, directory / CODEBOOK)
    codebook = Codebook.load(directory / CODEBOOK, shown)
    responses = directory / RESPONSES
    shown_responses = _display(root, responses)
    if not responses.is_file():
        raise SurveyNotImportedError("the survey's answers are missing; run `hkh import` again", path=shown_responses)
    options: dict[str, Any] = {"keep_default_na": False, "na_values": [""], "encoding": "utf-8", "encoding_errors": "strict"}
    numeric = {v: "float64" for q in codebook.questions if q.type in (*CHOICE_TYPES, "number") for v in q.variables}
    numeric[STATUS_COLUMN] = "float64"
    expected = codebook.columns() + [STATUS_COLUMN]
    wanted = set(expected)
    # only the codebook's columns: a column the codebook does not list is never analysed
    options["usecols"] = lambda name: name in wanted
    try:
        try:
            # codes and numbers straight to float64: 8 bytes a cell instead of a Python string, and parsed in C
            # (a 100,000-row survey took over a gigabyte as text)
            frame = pd.read_csv(responses, dtype=defaultdict(lambda: str, numeric), **options)
        except ValueError:
            # some cell is not a number: read everything as text, so that the check below names the cell
            frame = pd.read_csv(responses, dtype=str, **options)
    except (ValueError, UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise HkhError(f"cannot read the answers ({exc}); run `hkh import` again", path=shown_responses) from None
    missing = [c for c in expected if c not in frame.columns]
    if missing:
        raise HkhError(
            f"the answers have no column {missing[0]!r} that the codebook lists; run `hkh import` again",
            path=shown_responses,
            line=1,
        )
    converted: dict[str, Any] = {}
    for question in codebook.questions:
        for variable in question.variables:
            column = frame[variable]
            if question.type in CHOICE_TYPES:
                converted[variable] = _integers(column, shown_responses, variable, nullable=not codes_as_float)
            elif question.type == "number":
                numbers = column if column.dtype == "float64" else pd.to_numeric(column, errors="coerce")
                converted[variable] = numbers if codes_as_float else numbers.astype("Float64")
            else:
                converted[variable] = column if codes_as_float else column.astype("string")
    converted[STATUS_COLUMN] = _integers(
        frame[STATUS_COLUMN], shown_responses, STATUS_COLUMN, nullable=not codes_as_float
    )
    index = frame.index
    del frame  # the text or float64 read is freed as soon as nothing converted refers to it
    # copy=False: the columns are already separate arrays; the default would copy them all into one block
    result = pd.DataFrame(converted, index=index, copy=False)
    return Survey(source_id, directory, codebook, result)


def _integers(column: "pd.Series", shown: str, name: str, *, nullable: bool = True) -> "pd.Series":
    """The column's codes, checked to be whole numbers: Int64, or float64 with NaN for blank when not `nullable`."""
    import numpy as np
    import pandas as pd

    # to_numeric copies even a float64 column: one copy of every code column when nothing needs converting
    numbers = column if column.dtype == "float64" else pd.to_numeric(column, errors="coerce")
    values = numbers.to_numpy(dtype="float64", na_value=np.nan)
    # a hand-edited file may hold 1.5, 1e400 or a 20-digit number: none of them is a code, and Int64 cannot hold them
    with np.errstate(invalid="ignore"):
        whole = np.isfinite(values) & (np.floor(values) == values) & (np.abs(values) < 2**53)
    bad = column.notna() & ~pd.Series(whole, index=column.index)
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0]) + 2
        raise HkhError(f"{column[bad].iloc[0]!r} in column {name!r} is not a code", path=shown, line=row)
    if not nullable:
        return numbers if numbers.dtype == "float64" else pd.Series(values, index=column.index)
    return numbers.astype("Int64")


def _display(root: Path, path: Path) -> str:
    from hkh.project.load import display_path

    try:
        return display_path(root, path.relative_to(root))
    except ValueError:
        return str(path)


# -------------------------------------------------------------------------------------------------------- writing


@dataclass
class ImportResult:
    """What `import_survey` did, for the CLI to report."""

    source_id: str
    directory: Path
    codebook: Codebook
    warnings: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    copied: list[str] = field(default_factory=list)
    registered: str = "added"
    kept_edits: list[str] = field(default_factory=list)
    title: str = ""

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


def write_responses_csv(path: Path, header: list[str], columns: list[Sequence[Any]]) -> None:
    """responses.csv, streamed from the columns: rows are made one at a time by `zip`, never all at once.

    The columns already hold the answers as text (see `hkh.survey.codebook`), so nothing is formatted per cell here.
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
        if target.exists() and not force and not filecmp.cmp(file, target, shallow=False):
            raise OverwriteRefusedError(
                "a different file of this name is already in data/raw/; rename the export, or add --force to "
                "replace the old copy",
                path=str(target),
            )
        copies.append((file, target))
        listed.append(target.relative_to(root).as_posix())
    return copies, listed


def _register_source(
    root: Path, source_id: str, title: str, codebook: Codebook, files: list[str]
) -> tuple[str, str]:
    """The new text of sources.yaml (comments kept), and whether the source was added or updated."""
    from pydantic import ValidationError
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from hkh.project.models import Method, SourceRegister
    from hkh.project.load import _pydantic_message
    from hkh.core.yamlio import line_of, load_yaml

    path = root / "sources.yaml"
    shown = _display(root, path)
    tree = load_yaml(path, display=shown) if path.exists() else None
    if tree is None:
        tree = CommentedMap()
    if not isinstance(tree, dict):
        raise HkhError("sources.yaml must start with `sources:` and then the list", path=shown, line=1)
    if tree.get("sources") is None:
        tree["sources"] = CommentedSeq()
    sources = tree["sources"]
    if not isinstance(sources, list):
        raise HkhError("`sources:` must be a list", path=shown, line=line_of(tree, ["sources"]))
    entry = next((s for s in sources if isinstance(s, dict) and str(s.get("id")) == source_id), None)
    action = "updated"
    if entry is None:
        entry = CommentedMap()
        entry["id"] = source_id
        sources.append(entry)
        action = "added"
    elif str(entry.get("method", "survey")) != Method.survey.value:
        index = sources.index(entry)
        raise HkhError(
            f"the source {source_id!r} is registered with method {entry.get('method')!r}, not survey; "
            "choose another id with --source",
            path=shown,
            line=line_of(tree, ["sources", index, "method"]),
        )
    respondents = codebook.respondents
    updates: dict[str, Any] = {"method": Method.survey.value}
    if not entry.get("title"):
        updates["title"] = title
    updates["n"] = respondents.answered
    if respondents.complete is not None:
        updates["n_complete"] = respondents.complete
    if respondents.partial is not None:
        updates["n_partial"] = respondents.partial
    for key, value in updates.items():
        _set_key(entry, key, value)
    if respondents.complete is None:
        for key in ("n_complete", "n_partial"):
            if key in entry:
                del entry[key]
    listed = CommentedSeq(files)
    if len(files) <= 3:
        listed.fa.set_flow_style()
    _set_key(entry, "files", listed)
    try:
        SourceRegister.model_validate(_plain_tree(tree))
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        raise ProjectInvalidError(
            [Problem(Severity.ERROR, "invalid-value", _pydantic_message(first), shown, line_of(tree, first.get("loc", ())))]
        ) from None
    return _dump_wide(tree), action


SOURCE_KEY_ORDER = ("id", "method", "title", "date", "period", "n", "n_complete", "n_partial", "participants", "files", "note")


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


def _dump_wide(tree: Any) -> str:
    """Round-trip dump that does not re-wrap the user's long lines."""
    from hkh.core.yamlio import _yaml

    yaml = _yaml()
    yaml.width = 100000
    stream = io.StringIO()
    yaml.dump(tree, stream)
    return stream.getvalue()


def _plain_tree(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _plain_tree(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain_tree(v) for v in node]
    return node


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


def import_survey(
    exports: list[Path],
    *,
    project_dir: Path | None = None,
    source_id: str | None = None,
    keep_identifiers: bool = False,
    force: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportResult:
    """Read, check and interpret a SurveyXact export, then write data/survey/<source>/ and register the source.

    Everything is read and checked before anything is written: a malformed export raises `HkhError` and leaves
    the project as it was. responses.csv and codebook.yaml are written into a temporary folder that then takes the
    survey folder's place whole; sources.yaml is updated last, so it never registers a survey that is not there.
    """
    from hkh.core.files import atomic_directory, atomic_path, write_text_atomic
    from hkh.core.lock import project_lock
    from hkh.project.models import ID_PATTERN
    from hkh.project.load import find_project

    root = find_project(None, project_dir)
    with project_lock(root), _cyclic_gc_paused():
        sid = source_id or default_source_id(exports)
        if not re.match(ID_PATTERN, sid) or len(sid) > 64:
            raise UsageError(f"{sid!r} is not a valid source id (letters, digits, `_`, `-`, `.`); choose one with --source")
        raw = read_export(exports, progress=progress)
        built = build_survey(raw, source_id=sid, keep_identifiers=keep_identifiers, progress=progress)
        codebook = built.codebook
        directory = survey_dir(root, sid)
        kept: list[str] = []
        old_path = directory / CODEBOOK
        if old_path.exists():
            try:
                old = Codebook.load(old_path, _display(root, old_path))
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
        title = built.title or (exports[0].stem if exports else sid)
        sources_text, action = _register_source(root, sid, title, codebook, listed)
        codebook_text = codebook.to_yaml()
        if progress:
            progress("writing", 0, 1)
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
            progress("writing", 1, 1)
    return ImportResult(
        source_id=sid,
        directory=directory,
        codebook=codebook,
        warnings=built.warnings,
        files=listed,
        copied=[t.relative_to(root).as_posix() for _, t in copies],
        registered=action,
        kept_edits=kept,
        title=title,
    )


__all__ = [
    "ImportResult",
    "Survey",
    "default_source_id",
    "import_survey",
    "list_survey_sources",
    "load_survey",
    "survey_dir",
]
