"""The one error family users see, the problems `hkh check` collects, and what they say before it is put into words.

Every failure a user can cause (a bad file, a wrong argument, a refused overwrite) is an `HkhError`. It carries a
stable `code` (`unknown-source`, `yaml-tab`), the values its message needs, and where it happened; it does not carry
words. The words are in hkh's tables (`hkh/i18n/words/messages/`, one entry per code, in nb, nn and en) and are
filled in where the error is shown (`cli.HkhGroup.invoke`, `hkh check`), in the language of the mapping:
`hkh.i18n.render(error.wording, "nn")`. So a check in a nynorsk mapping speaks nynorsk, and `hkh check --format
json` gives scripts the same codes whatever the language.

`str(error)` is the English line `location: message`, for logs and tests. The CLI turns an error into one such line
(in the message language) and an exit code; anything else escaping a command is a bug.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

EXIT_OK = 0
EXIT_PROBLEMS = 1  # the command ran and found problems (`hkh check` found errors)
EXIT_USAGE = 2  # the command could not run: bad arguments, unreadable or malformed input, a bug in hkh

# A code is lower-case words joined by hyphens; anything else given where a code is expected is taken as a message
# already in words (English), which hkh's own code no longer does (tests/test_messages.py keeps it so) but which
# keeps a message from a branch written before the tables readable until it is converted.
CODE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
MESSAGES = "messages"  # the namespace of the word tables that holds one entry per code


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


# --------------------------------------------------------------------------------------------------- wording


@dataclass(frozen=True)
class Message:
    """What to say, before it is put into words.

    `key` names an entry of hkh's word tables (`messages.unknown-source`, `hours.day_We`); `values` fill its
    `{fields}`, and may themselves be messages (rendered in the same language) or lists (joined with commas). When
    the tables have no entry `key` but have `key_one` and `key_other`, `values["n"]` chooses between them. `text` is
    a message already in English, shown only when the tables have no entry for `key`.
    """

    key: str
    values: Mapping[str, Any] = field(default_factory=dict)
    text: str | None = None

    def render(self, language: str = "en") -> str:
        return render(self, language)


# the same thing under the name the privacy and security checks use: `Wording("security.lock_folder", {...})`
Wording = Message


def say(key: str, /, **values: Any) -> Message:
    """`say("hours.day_We")`, `say("messages.hours-unreadable", text=...)`: a message to be put into words later."""
    return Message(key, values)


Renderer = Callable[[Message, str], str]
_renderer: list[Renderer] = []  # set by hkh.i18n when it is imported (core may not import the layers above it)


def set_renderer(renderer: Renderer) -> None:
    _renderer[:] = [renderer]


def render(message: Message, language: str = "en") -> str:
    """The message in words (`hkh.i18n.render`); English unless a language is given."""
    if not _renderer:
        # the word tables register themselves when imported; named by string, since core is below them
        importlib.import_module("hkh.i18n")
    return _renderer[0](message, language)


def _split(code: str) -> tuple[str | None, str | None]:
    """(code, None) for a code; (None, text) for a message given in words."""
    return (code, None) if CODE.match(code) else (None, code)


# ---------------------------------------------------------------------------------------------------- fixes


@dataclass(frozen=True)
class Fix:
    """An edit `hkh check --fix` may make on its own: at character `start` of `file`, `old` becomes `new`.

    Only edits with one meaning become a Fix (opening hours read with certainty, a number that must be text put in
    quotes, a misspelt key with exactly one close match). `done` says what the edit does, for the list of changes.
    """

    file: Path
    start: int
    old: str
    new: str
    done: Message


# --------------------------------------------------------------------------------------------------- problems


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One finding of `hkh check`. Errors fail the check; warnings do not.

    `values` fill the message of `code` (`messages.<code>` in the word tables, or the entry `key` when one is given:
    `worded_problem`); a text instead of values is a message already in English (see `Message.text`). `fix` is the
    edit `hkh check --fix` makes for it, if any.
    """

    severity: Severity
    code: str
    values: Mapping[str, Any] | str = field(default_factory=dict)
    path: Path | str | None = None
    line: int | None = None
    cell: str | None = None
    fix: Fix | None = field(default=None, compare=False)
    key: str | None = field(default=None, compare=False)

    @property
    def wording(self) -> Message:
        key = self.key or f"{MESSAGES}.{self.code}"
        if isinstance(self.values, str):
            return Message(key, {}, self.values)
        return Message(key, self.values)

    @property
    def message(self) -> str:
        """The message in English (the CLI shows it in the message language: `hkh.i18n.render(problem.wording, …)`)."""
        return render(self.wording)

    @property
    def location(self) -> str:
        return format_location(self.path, self.line, self.cell)

    def __str__(self) -> str:
        where = self.location
        return f"{where}: {self.severity.value}: {self.message}" if where else f"{self.severity.value}: {self.message}"


# ----------------------------------------------------------------------------------------------------- errors


class HkhError(Exception):
    """An error the user can act on: `HkhError("unknown-source", path=..., line=..., source="x")`.

    The first argument is the code (its message is `messages.<code>` in the word tables); the keyword arguments other
    than the location are the values the message takes. A class's `code` is the code of its errors unless one is
    given. `str(error)` is the English line; the CLI shows `hkh.i18n.render(error.wording, language)`.
    """

    code = "hkh-error"
    exit_code = EXIT_USAGE
    key: str | None = None  # the words, when not `messages.<code>` (see `worded`)

    def __init__(
        self,
        code: str | None = None,
        /,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        cell: str | None = None,
        **values: Any,
    ) -> None:
        own, text = _split(code) if code is not None else (None, None)
        if own is not None:
            self.code = own
        self.text = text
        self.values: dict[str, Any] = values
        self.path = path
        self.line = line
        self.cell = cell
        super().__init__(self.code if text is None else text)

    @property
    def wording(self) -> Message:
        return Message(self.key or f"{MESSAGES}.{self.code}", self.values, self.text)

    @property
    def message(self) -> str:
        """The message in English."""
        return render(self.wording)

    @property
    def location(self) -> str:
        return format_location(self.path, self.line, self.cell)

    def __str__(self) -> str:
        where = self.location
        return f"{where}: {self.message}" if where else self.message

    def as_problem(self) -> Problem:
        """The error as one of `hkh check`'s problems (for checks that read a file which may itself be broken)."""
        values: Mapping[str, Any] | str = self.text if self.text is not None else self.values
        return Problem(Severity.ERROR, self.code, values, self.path, self.line, self.cell, key=self.key)


class ProjectNotFoundError(HkhError):
    code = "project-not-found"


class FileMissingError(HkhError):
    code = "file-missing"


class FileEncodingError(HkhError):
    code = "file-encoding"


class YamlSyntaxError(HkhError):
    """A project file that is not valid YAML; `fix` is the edit `hkh check --fix` may make (see `Fix`)."""

    code = "yaml-syntax"

    def __init__(self, code: str | None = None, /, *, fix: Fix | None = None, **kwargs: Any) -> None:
        super().__init__(code, **kwargs)
        self.fix = fix

    def as_problem(self) -> Problem:
        problem = super().as_problem()
        return Problem(
            problem.severity, problem.code, problem.values, problem.path, problem.line, fix=self.fix, key=problem.key
        )


class ProjectInvalidError(HkhError):
    """Raised by commands that need a valid project; carries every problem, shows the first."""

    code = "project-invalid"

    def __init__(self, problems: list[Problem]) -> None:
        first = problems[0]
        super().__init__(path=first.path, line=first.line, cell=first.cell)
        self.problems = problems

    @property
    def wording(self) -> Message:
        first = self.problems[0].wording
        if len(self.problems) == 1:
            return first
        return Message(f"{MESSAGES}.{self.code}", {"first": first, "n": len(self.problems) - 1})


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


# ------------------------------------------------------------------------------ report and run (hkh.outputs.report.build, hkh.analysis.stats)


class StatsFormatError(HkhError):
    """A table in data/stats/ that cannot be read as a category column followed by numeric series."""

    code = "stats-format"


class CheckFailedError(HkhError):
    """`hkh run` stops when `hkh check` finds errors; carries every problem so that all of them can be shown."""

    code = "check-failed"
    exit_code = EXIT_PROBLEMS

    def __init__(self, problems: list[Problem]) -> None:
        errors = sum(1 for problem in problems if problem.severity is Severity.ERROR)
        super().__init__(n=errors)
        self.problems = problems


# ---------------------------------------------------------------------------------------- safe writing (hkh.core.files)


class WriteFailedError(HkhError):
    """The file system refused a write (disk full, read-only folder, file open in Excel); the old file is kept."""

    code = "write-failed"


# ------------------------------------------------------------------------------ messages from other word tables

E = TypeVar("E", bound=HkhError)


def worded(
    kind: type[E], key: str, /, *, path: Path | str | None = None, line: int | None = None, cell: str | None = None,
    **values: Any,
) -> E:
    """An error of class `kind` (whose `code` it keeps) with the words of the table entry `key`
    (`security.lock_folder`) rather than `messages.<code>`: for a family of errors sharing one code."""
    error = kind(path=path, line=line, cell=cell, **values)
    error.key = key
    return error


def worded_problem(
    severity: Severity, code: str, key: str, /, *, path: Path | str | None = None, line: int | None = None,
    cell: str | None = None, **values: Any,
) -> Problem:
    """One of `hkh check`'s problems with the words of the table entry `key` (see `worded`)."""
    return Problem(severity, code, values, path, line, cell, key=key)


# ------------------------------------------------------------------------------------- hostile or oversized input


class LimitExceededError(HkhError):
    """An input beyond the sizes hkh reads (a file, a workbook's extent, a number, a text, a list): refused before any
    work that could take minutes or gigabytes (`hkh docs limits`)."""

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
        super().__init__(path=first.path, line=first.line, cell=first.cell)
        self.problems = errors

    @property
    def wording(self) -> Message:
        pointer = Message("security.project_has_errors", {"n": len(self.problems)})
        return Message(f"{MESSAGES}.{self.code}", {"first": self.problems[0].wording, "pointer": pointer})
