"""Bounded work for any input: the sizes beyond which hkh refuses, and reading only ordinary files.

Every file hkh reads is checked before a byte is read: it must be an ordinary file (not a device such as
`/dev/zero`, which never ends, nor a FIFO, which blocks until someone writes), and no larger than the limit for its
kind. The file is opened without blocking and checked again on the open handle, so a FIFO put in a file's place in
between is refused too. Workbooks get their own checks before they are read (`hkh.core.workbook_limits`), YAML
files theirs (`hkh.core.yamlio`).

The limits are documented, with the reasons, in src/hkh/docs/limits.md (`hkh docs limits`); a test keeps that page and these numbers in step.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from hkh.core.errors import FileMissingError, LimitExceededError, NotRegularFileError, worded

MB = 1024 * 1024

# files
MAX_PROJECT_FILE_BYTES = 5 * MB  # hkh.yaml, sources.yaml, efforts.yaml, findings.yaml, plan.yaml
MAX_CODEBOOK_BYTES = 64 * MB
MAX_EXPORT_BYTES = 256 * MB  # a SurveyXact export (one workbook, or each CSV file)
MAX_STATS_BYTES = 32 * MB  # a table in data/stats/
MAX_RESPONSES_BYTES = 2048 * MB  # data/survey/<source>/responses.csv, written by hkh itself
MAX_MANIFEST_BYTES = 16 * MB  # out/.hkh-manifest.json

# values in the project's YAML files
MAX_INTEGER_DIGITS = 15  # counts and settings; 15 digits stay exact as floating-point numbers
MAX_TEXT_CHARACTERS = 100_000  # one text (a statement, a quote); a long report chapter is about 20,000
MAX_LIST_ITEMS = 10_000  # one list or mapping (findings, efforts, measures, evidence)
MAX_CODEBOOK_ITEMS = 200_000  # one list in a codebook (a survey's questions or a question's options)

# workbooks (see hkh.core.workbook_limits)
MAX_ZIP_MEMBERS = 2_000
MAX_COMPRESSION_RATIO = 100  # for any member that unpacks to more than RATIO_FREE_BYTES
RATIO_FREE_BYTES = 1 * MB
MAX_UNPACKED_BYTES = 1024 * MB  # a survey export, all members together
MAX_STATS_UNPACKED_BYTES = 128 * MB
MAX_SHEET_CELLS = 25_000_000  # the area from A1 to the furthest cell: 100,000 respondents × 250 columns
MAX_STATS_SHEET_CELLS = 1_000_000
SPARSE_FACTOR = 16  # the area may exceed the cells present this many times (blank answers are left out) ...
SPARSE_ALLOWANCE = 1_000_000  # ... plus this many
MAX_OPTIONS = 10_000  # answer options of one question (Norway has about 5,100 postcodes)


def _not_regular(path: Path | str, display: str, mode: int) -> NotRegularFileError:
    if stat.S_ISDIR(mode):
        kind = "folder"
    elif stat.S_ISFIFO(mode):
        kind = "fifo"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "device"
    elif stat.S_ISSOCK(mode):
        kind = "socket"
    else:
        kind = "other"
    return worded(NotRegularFileError, f"security.not_regular_{kind}", path=display)


def _too_large(display: str, size: int, limit: int) -> LimitExceededError:
    return worded(
        LimitExceededError, "security.file_too_large", path=display, size=_megabytes(size), limit=_megabytes(limit)
    )


def _megabytes(size: int) -> str:
    return f"{size / MB:,.1f} MB" if size < 10 * MB else f"{size // MB:,} MB"


def check_regular(path: Path, display: str, max_bytes: int) -> os.stat_result:
    """The file's status, after checking that it is an ordinary file (symbolic links followed) of at most `max_bytes`;
    for files a library opens by name (python-calamine, openpyxl). Nothing is opened."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise worded(FileMissingError, "security.file_missing", path=display) from None
    except OSError as exc:
        raise worded(FileMissingError, "security.file_unreadable", path=display, reason=exc.strerror or str(exc)) from None
    if not stat.S_ISREG(status.st_mode):
        raise _not_regular(path, display, status.st_mode)
    if status.st_size > max_bytes:
        raise _too_large(display, status.st_size, max_bytes)
    return status


@contextlib.contextmanager
def open_regular(path: Path, display: str, max_bytes: int) -> Iterator[BinaryIO]:
    """The file opened for reading in binary, after the checks of `check_regular`, made again on the open handle.

    The open itself never blocks (O_NONBLOCK: a FIFO would otherwise wait for a writer), and the handle is put back
    to blocking reads once it is known to be an ordinary file.
    """
    check_regular(path, display, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags)
    except FileNotFoundError:
        raise worded(FileMissingError, "security.file_missing", path=display) from None
    except OSError as exc:
        if exc.errno == errno.ENXIO:  # a FIFO without a writer, or a socket
            raise worded(NotRegularFileError, "security.not_regular_fifo", path=display) from None
        raise worded(FileMissingError, "security.file_unreadable", path=display, reason=exc.strerror or str(exc)) from None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode):
            raise _not_regular(path, display, status.st_mode)
        if status.st_size > max_bytes:
            raise _too_large(display, status.st_size, max_bytes)
        if hasattr(os, "set_blocking"):
            os.set_blocking(handle, True)
        stream = os.fdopen(handle, "rb")
    except BaseException:
        os.close(handle)
        raise
    with stream:
        yield stream


def read_regular(path: Path, display: str, max_bytes: int) -> bytes:
    """The bytes of an ordinary file of at most `max_bytes` (see `open_regular`); never more than that is read, even
    of a file that grows while it is read."""
    with open_regular(path, display, max_bytes) as stream:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(display, len(data), max_bytes)
    return data


def check_count(count: int, limit: int, key: str, *, path: str | None = None, line: int | None = None,
                cell: str | None = None, **values: object) -> None:
    """Refuse a count beyond its limit, with the message `security.<key>` (taking `count` and `limit`)."""
    if count > limit:
        raise worded(
            LimitExceededError, f"security.{key}", path=path, line=line, cell=cell,
            count=f"{count:,}", limit=f"{limit:,}", **values,
        )
