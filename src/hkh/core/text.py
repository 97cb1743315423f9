"""Text files as people's programs save them: one decoder and one CSV-delimiter rule for every file hkh reads.

Norwegian offices produce UTF-8 (with or without a byte-order mark), UTF-16 (SurveyXact's "Unicode" CSV, Excel's
"Unicode text") and Windows-1252 (Excel's "CSV (semikolonseparert)" on Norwegian Windows). `decode` tells them apart
from the bytes alone; callers that accept only UTF-8 (the project's YAML files) refuse the others with their own
words, because a file hkh later rewrites must stay in the encoding every other tool expects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hkh.core.errors import FileEncodingError

UTF8 = "utf-8"
UTF16_LE = "utf-16-le"
UTF16_BE = "utf-16-be"
WINDOWS_1252 = "cp1252"
# Characters no text file of a person's holds; their presence means a binary file or a wrong guess of encoding.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # one of UTF8, UTF16_LE, UTF16_BE, WINDOWS_1252


def detect_encoding(raw: bytes) -> tuple[str, int]:
    """The encoding and the length of its byte-order mark, from the bytes alone.

    A byte-order mark decides. Without one, UTF-16 shows as every other byte zero in ASCII-heavy text; otherwise the
    text is UTF-8 when it decodes as such (Windows-1252 text with æ, ø or å practically never does), else
    Windows-1252.
    """
    if raw.startswith(b"\xff\xfe"):
        return UTF16_LE, 2
    if raw.startswith(b"\xfe\xff"):
        return UTF16_BE, 2
    if raw.startswith(b"\xef\xbb\xbf"):
        return UTF8, 3
    sample = raw[:4096]
    if len(sample) >= 4 and sample[1::2].count(0) > len(sample) // 4 and sample[0::2].count(0) == 0:
        return UTF16_LE, 0
    if len(sample) >= 4 and sample[0::2].count(0) > len(sample) // 4 and sample[1::2].count(0) == 0:
        return UTF16_BE, 0
    try:
        raw.decode(UTF8)
    except UnicodeDecodeError:
        return WINDOWS_1252, 0
    return UTF8, 0


def decode(raw: bytes, display: str, *, reject_control: bool = True, kind: str = "text") -> Decoded:
    """The text of a file's bytes; an undecodable byte or a control character is one located error.

    `kind` says what the file is, so that the error says what to do about it: `text` (save it as UTF-8), `export`
    (export it again from SurveyXact), `sheet` (save it as CSV or as a workbook).
    """
    encoding, bom = detect_encoding(raw)
    body = raw[bom:]
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        newline = "\n".encode(encoding)
        line = body[: exc.start].count(newline) + 1
        code = f"{kind}-undecodable"
        if encoding.startswith("utf-16"):
            code += "-utf16"
        raise FileEncodingError(code, path=display, line=line, byte=exc.start) from None
    if reject_control:
        bad = _CONTROL.search(text)
        if bad:
            line = text[: bad.start()].count("\n") + 1
            raise FileEncodingError("not-text", path=display, line=line, char=repr(bad.group()), encoding=encoding)
    return Decoded(text, encoding)


def _unquoted_counts(line: str) -> dict[str, int]:
    counts = {"\t": 0, ";": 0, ",": 0}
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return counts


def sniff_delimiter(header_line: str) -> str:
    """The most frequent of TAB, `;` and `,` outside quotes in a table's header line (TAB first on ties, then `;`);
    `,` when there is none (a one-column table)."""
    counts = _unquoted_counts(header_line)
    best = max(("\t", ";", ","), key=lambda d: (counts[d], {"\t": 2, ";": 1, ",": 0}[d]))
    return best if counts[best] else ","
