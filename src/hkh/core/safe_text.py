"""Text stays text: what a team's words may hold, and how they are made harmless wherever hkh writes them.

A text in a project file, a codebook or a survey answer is the team's (or a respondent's); hkh never lets it act as
something else. Four places could make it act:

- **The terminal.** Control characters and escape sequences (`ESC ] 0 ; title BEL` sets the window title,
  `ESC [ 2 J` clears the screen) and line breaks (a second line can read as a forged `file:line: error:`).
  `terminal_line` shows a text on one line with every such character left out; `hkh check` refuses them in the
  project's files (`FORBIDDEN`, named by `describe`: "U+001B (escape)").
- **Spreadsheets.** A cell starting with `=`, `+`, `-` or `@` (or a tab or carriage return, OWASP's list for CSV
  injection) is run as a formula by Excel and LibreOffice: `=HYPERLINK(…)`, `=cmd|' /C calc'!A0` (DDE).
  `formula_like` tells them; the workbook writer stores such a text as text with Excel's own quote prefix (shown
  unchanged), and `csv_cell` prefixes an apostrophe, as OWASP advises for CSV.
- **Markup.** `markdown_text` escapes what Markdown (and the HTML it may hold) would read as markup.
- **File formats.** XML (xlsx, docx) cannot hold most control characters at all; python-docx and openpyxl refuse
  them with an exception. `document_text` removes them, keeping line breaks and tabs.

Standard library only: `hkh --help` imports nothing of this.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab and line feed; DEL and the C1 controls (U+009B is a one-character CSI); the line and paragraph
# separators (a second line on a terminal or in JavaScript); the bidirectional overrides and isolates, which make a
# text read differently from what it holds ("Trojan Source").
_FORBIDDEN = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
FORBIDDEN = re.compile(f"[{_FORBIDDEN}]")
# line breaks as people (and Windows, and old Macs) write them, and the Unicode ones
_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
# what XML 1.0 cannot hold at all, besides the controls above (python-docx and openpyxl refuse it)
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")

_NAMES = {
    0x00: "null", 0x07: "bell", 0x08: "backspace", 0x09: "tab", 0x0A: "line feed", 0x0B: "vertical tab",
    0x0C: "form feed", 0x0D: "carriage return", 0x1B: "escape", 0x7F: "delete", 0x85: "next line",
    0x9B: "control sequence introducer", 0x9D: "operating system command",
}

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
LINE_BREAK_MARK = " ⏎ "


def describe(char: str) -> str:
    """A character as a message names it: `U+001B (escape)`, `U+202E (right-to-left override)`."""
    code = ord(char)
    name = _NAMES.get(code) or unicodedata.name(char, "").lower() or "control character"
    return f"U+{code:04X} ({name})"


def refuse_forbidden(text: str, option: str) -> None:
    """Refuse a text given on the command line (`--title`) that holds a character `hkh check` refuses in the
    project's files (see `FORBIDDEN`): a command writing it into them would leave a project that check then rejects.
    An `UnsafeTextError` naming the option and the character."""
    found = FORBIDDEN.search(text)
    if found:
        from hkh.core.errors import UnsafeTextError, worded

        raise worded(UnsafeTextError, "security.control_character_option", option=option, char=describe(found.group()))


def line_of(text: str, index: int) -> int:
    """0-based line of position `index` in a text, counted as YAML counts lines (`\\n` only)."""
    return text.count("\n", 0, index)


def terminal_line(text: str) -> str:
    """A text as one line on a terminal, whatever it holds: line breaks shown as `⏎`, tabs as spaces, control
    characters, escape sequences and bidirectional overrides left out. Every message hkh prints goes through here."""
    if text.isprintable():  # the usual case, decided in C
        return text
    text = _BREAKS.sub(LINE_BREAK_MARK, text).replace("\t", " ")
    return FORBIDDEN.sub("", text)


def document_text(text: str) -> str:
    """A text as a document or workbook may hold it: line breaks kept (as `\\n`), tabs kept, every other control
    character and bidirectional override removed, and what XML cannot hold at all."""
    if text.isprintable():
        return text
    text = _BREAKS.sub("\n", text)
    return _NOT_XML.sub("", FORBIDDEN.sub("", text))


def formula_like(text: str) -> bool:
    """Whether a spreadsheet would take the text for a formula (OWASP's list: `=`, `+`, `-`, `@`, tab, carriage
    return; also after leading blanks, and a line feed, which some programs trim)."""
    return text.lstrip(" \u00a0").startswith(FORMULA_STARTS)


def csv_cell(text: str) -> str:
    """A CSV field a spreadsheet shows as the text it is: one that would start a formula gets an apostrophe in front
    (OWASP), which Excel and LibreOffice do not run."""
    return "'" + text if formula_like(text) else text


# CommonMark's escapable punctuation that can start markup inside a line; `&` would start an entity, `<` HTML.
_MARKDOWN_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~&])")
def markdown_text(text: str) -> str:
    """A text as Markdown shows it inside a line (a table cell, after a list marker), markup and HTML escaped; line
    breaks become `<br>` (hkh's own), so that one text stays in its cell or item and never starts a line of its own
    (where `#`, `-` or `1.` would begin a heading or a list)."""
    text = document_text(text)
    return _MARKDOWN_ANYWHERE.sub(r"\\\1", text).replace("\n", "<br>")
