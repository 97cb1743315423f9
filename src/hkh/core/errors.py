"""The one error family users see, and the problems `hkh check` collects.

Every failure a user can cause (a bad file, a wrong argument, a refused overwrite) is an `HkhError`. The CLI turns
it into a single line `location: message` and an exit code; anything else escaping a command is a bug.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

EXIT_OK = 0
EXIT_PROBLEMS = 1  # the command ran and found problems (`hkh check` found errors)
EXIT_USAGE = 2  # the command could not run: bad arguments, unreadable or malformed input, a bug in hkh


def format_location(path: Path | str | None, line: int | None = None, cell: str | None = None) -> str:
    """`file:line` for text files, `file!Sheet!C14` for spreadsheet cells (docs/design.md, "Commands")."""
    if path is None:
        return ""
    text = str(path)
    if cell:
        return f"{text}!{cell}"
    if line:
        return f"{text}:{line}"
    return text


class HkhError(Exception):
    """An error the user can act on. `code` is stable, so scripts and tests may rely on it."""

    code = "hkh-error"
    exit_code = EXIT_USAGE

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        cell: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.cell = cell

    @property
    def location(self) -> str:
        return format_location(self.path, self.line, self.cell)

    def __str__(self) -> str:
        where = self.location
        return f"{where}: {self.message}" if where else self.message

    def as_problem(self) -> Problem:
        """The error as one of `hkh check`'s problems (for checks that read a file which may itself be broken)."""
        return Problem(Severity.ERROR, self.code, self.message, self.path, self.line, self.cell, getattr(self, "wording", None))


class ProjectNotFoundError(HkhError):
    code = "project-not-found"


class FileMissingError(HkhError):
    code = "file-missing"


class FileEncodingError(HkhError):
    code = "file-encoding"


class YamlSyntaxError(HkhError):
    code = "yaml-syntax"


class ProjectInvalidError(HkhError):
    """Raised by commands that need a valid project; carries every problem, shows the first."""

    code = "project-invalid"

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0]
        more = f" (and {len(problems) - 1} more problems: run `hkh check`)" if len(problems) > 1 else ""
        super().__init__(first.message + more, path=first.path, line=first.line, cell=first.cell)
        self.problems = problems


class ExportFormatError(HkhError):
    """A SurveyXact export that cannot be read as one."""

    code = "export-format"


class SurveyNotImportedError(HkhError):
    code = "survey-not-imported"


class SmallCellError(HkhError):
    """A breakdown whose groups are too small to publish."""

    code = "small-cell"


class UsageError(HkhError):
    code = "usage"


class OverwriteRefusedError(HkhError):
    code = "overwrite-refused"


class SourceExistsError(HkhError):
    """`hkh import` into a source that already holds an imported survey, without --replace."""

    code = "source-exists"


class ProjectLockedError(HkhError):
    code = "project-locked"


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding of `hkh check`. Errors fail the check; warnings do not."""

    severity: Severity
    code: str
    message: str
    path: Path | str | None = None
    line: int | None = None
    cell: str | None = None
    # the entry of hkh's word tables the message is (`security.control-character`) and its values, so the CLI can say
    # it in the mapping's language; None for a message given in English only
    wording: Wording | None = field(default=None, compare=False)

    @property
    def location(self) -> str:
        return format_location(self.path, self.line, self.cell)

    def in_language(self, language: str) -> str:
        """The problem as one line in `language` (its English message when it has no wording)."""
        message = self.wording.render(language) if self.wording is not None else self.message
        where = self.location
        # the severity stays `error`/`warning`, as the README documents the format (`file:line: error: message`)
        return f"{where}: {self.severity.value}: {message}" if where else f"{self.severity.value}: {message}"

    def __str__(self) -> str:
        where = self.location
        return f"{where}: {self.severity.value}: {self.message}" if where else f"{self.severity.value}: {self.message}"


# ------------------------------------------------------------------------------ report and run (hkh.outputs.report.build, hkh.analysis.stats)


class StatsFormatError(HkhError):
    """A table in data/stats/ that cannot be read as a category column followed by numeric series."""

    code = "stats-format"


class CheckFailedError(HkhError):
    """`hkh run` stops when `hkh check` finds errors; carries every problem so that all of them can be shown."""

    code = "check-failed"
    exit_code = EXIT_PROBLEMS

    def __init__(self, problems: list[Problem], message: str) -> None:
        super().__init__(message)
        self.problems = problems


# ---------------------------------------------------------------------------------------- safe writing (hkh.core.files)


class WriteFailedError(HkhError):
    """The file system refused a write (disk full, read-only folder, file open in Excel); the old file is kept."""

    code = "write-failed"


# ------------------------------------------------------------------------------ messages from hkh's word tables

# hkh.i18n registers its lookup here when it is imported: the layers below it (core, i18n itself) may not import it.
_lookup: list[Callable[[str, str, Mapping[str, Any]], str]] = []


def set_lookup(lookup: Callable[[str, str, Mapping[str, Any]], str]) -> None:
    _lookup[:] = [lookup]


@dataclass(frozen=True)
class Wording:
    """A message as an entry of hkh's word tables (`security.lock-folder`) with the values it takes."""

    key: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def render(self, language: str = "en") -> str:
        if not _lookup:
            # the word tables register themselves when imported; named by string, since core is below them
            importlib.import_module("hkh.i18n")
        return _lookup[0](self.key, language, self.values)


E = TypeVar("E", bound=HkhError)


def worded(
    kind: type[E], key: str, /, *, path: Path | str | None = None, line: int | None = None, cell: str | None = None,
    **values: Any,
) -> E:
    """An error of class `kind` whose message is the word-table entry `key`: English in `str(error)`, the mapping's
    language where the CLI shows it (`error_text`)."""
    wording = Wording(key, values)
    error = kind(wording.render("en"), path=path, line=line, cell=cell)
    error.wording = wording  # type: ignore[attr-defined]
    return error


def worded_problem(
    severity: Severity, code: str, key: str, /, *, path: Path | str | None = None, line: int | None = None,
    cell: str | None = None, **values: Any,
) -> Problem:
    """One of `hkh check`'s problems whose message is the word-table entry `key` (see `worded`)."""
    wording = Wording(key, values)
    return Problem(severity, code, wording.render("en"), path, line, cell, wording)


def error_text(error: HkhError, language: str) -> str:
    """An error as one line in `language`: its wording when it has one, else its English message."""
    if isinstance(error, ProjectHasErrorsError):
        return error.in_language(language)
    wording: Wording | None = getattr(error, "wording", None)
    if wording is None:
        return str(error)
    where = error.location
    message = wording.render(language)
    return f"{where}: {message}" if where else message


# ------------------------------------------------------------------------------------- hostile or oversized input


class LimitExceededError(HkhError):
    """An input beyond the sizes hkh reads (a file, a workbook's extent, a number, a text, a list): refused before any
    work that could take minutes or gigabytes (docs/limits.md)."""

    code = "limit-exceeded"


class NotRegularFileError(HkhError):
    """A path that is not an ordinary file (a device such as /dev/zero, a FIFO, a socket): never opened for reading."""

    code = "not-a-file"


class UnsafeTextError(HkhError):
    """A text given on the command line holding control characters or terminal escapes."""

    code = "control-character"


class FolderOutsideProjectError(HkhError):
    """data/ or out/ (or a folder in them) that resolves outside the project folder."""

    code = "folder-outside-project"


class ProjectHasErrorsError(HkhError):
    """A command refused because `hkh check` finds errors in the project: shown as the first error and a pointer to
    `hkh check`, which lists them all."""

    code = "project-has-errors"

    def __init__(self, errors: list[Problem]) -> None:
        first = errors[0]
        super().__init__(first.message, path=first.path, line=first.line, cell=first.cell)
        self.problems = errors

    def in_language(self, language: str) -> str:
        first = self.problems[0]
        message = first.wording.render(language) if first.wording is not None else first.message
        pointer = Wording("security.project_has_errors", {"n": len(self.problems)}).render(language)
        where = first.location
        return f"{where}: {message} ({pointer})" if where else f"{message} ({pointer})"

    def __str__(self) -> str:
        return self.in_language("en")
