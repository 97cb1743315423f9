"""The one error family users see, and the problems `hkh check` collects.

Every failure a user can cause (a bad file, a wrong argument, a refused overwrite) is an `HkhError`. The CLI turns
it into a single line `location: message` and an exit code; anything else escaping a command is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

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
        return Problem(Severity.ERROR, self.code, self.message, self.path, self.line, self.cell)


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

    @property
    def location(self) -> str:
        return format_location(self.path, self.line, self.cell)

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
