"""Reading printed outputs back: PDFs made by LibreOffice (workbooks, Word) or Chromium (HTML), read with
pdfplumber, checked for what a reader of the paper would notice: text over text, text too small, words cut."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

SOFFICE = shutil.which("soffice")
CALC = Path("/usr/lib/libreoffice/program/libsclo.so").exists()


def convert_with_libreoffice(files: list[Path], folder: Path, profile: Path) -> list[Path]:
    """Each file as PDF in `folder`, in one LibreOffice run (its own profile, so parallel runs do not clash)."""
    folder.mkdir(parents=True, exist_ok=True)
    completed = subprocess.run(
        [str(SOFFICE), "--headless", f"-env:UserInstallation=file://{profile}", "--convert-to", "pdf",
         "--outdir", str(folder), *map(str, files)],
        capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    return [folder / f"{file.stem}.pdf" for file in files]


@dataclass(frozen=True)
class Glyph:
    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    upright: bool


def glyphs(pdf: Path) -> list[Glyph]:
    import pdfplumber

    found = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            for char in page.chars:
                if char["text"].strip():
                    found.append(Glyph(number, char["text"], char["x0"], char["x1"], char["top"], char["bottom"],
                                       char["size"], bool(char.get("upright", True))))
    return found


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return [(page.width, page.height) for page in document.pages]


def overlapping(found: list[Glyph], share: float = 0.35) -> list[tuple[Glyph, Glyph]]:
    """Pairs of characters drawn over each other (by more than `share` of the smaller one each way)."""
    buckets: dict[tuple[int, int, int], list[Glyph]] = defaultdict(list)
    for glyph in found:
        if glyph.upright:
            buckets[(glyph.page, int(glyph.x0 // 20), int(glyph.top // 20))].append(glyph)
    clashes = []
    seen = set()
    for (page, bx, by), members in buckets.items():
        neighbours = [g for dx in (-1, 0, 1) for dy in (-1, 0, 1) for g in buckets.get((page, bx + dx, by + dy), [])]
        for a in members:
            for b in neighbours:
                if a is b or (id(b), id(a)) in seen:
                    continue
                width = min(a.x1 - a.x0, b.x1 - b.x0)
                height = min(a.bottom - a.top, b.bottom - b.top)
                dx = min(a.x1, b.x1) - max(a.x0, b.x0)
                dy = min(a.bottom, b.bottom) - max(a.top, b.top)
                if width > 0 and height > 0 and dx > share * width and dy > share * height:
                    seen.add((id(a), id(b)))
                    clashes.append((a, b))
    return clashes


def words_of(text: str) -> list[str]:
    """The words a reader must find: split at spaces, hyphens and slashes (where lines may break)."""
    return [w for w in re.split(r"[\s\-/–]+", text) if len(w.strip(".,;:()«»\"'")) >= 2]


def text_of(pdf: Path) -> str:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


def missing_words(expected: list[str], printed: str) -> list[str]:
    """The words of `expected` texts not printed whole (a cut or broken word is missing)."""
    tokens = set()
    for token in re.split(r"[\s\-/–]+", printed):
        tokens.add(token)
        tokens.add(token.strip(".,;:()«»\"'"))
    absent = []
    for text in expected:
        for word in words_of(text):
            if word not in tokens and word.strip(".,;:()«»\"'") not in tokens:
                absent.append(word)
    return absent


@dataclass(frozen=True)
class Line:
    """A printed line of text: its page, where it starts from the top, its largest font size and whether bold."""

    page: int
    top: float
    size: float
    bold: bool
    text: str


def lines_of(pdf: Path, *, footer: float = 45.0) -> list[Line]:
    """The lines of upright text on each page, top to bottom, without the page number in the bottom margin
    (`footer` points from the page's foot)."""
    import pdfplumber

    found: list[Line] = []
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            rows: dict[int, list[dict[str, object]]] = defaultdict(list)
            for word in page.extract_words(extra_attrs=["size", "fontname", "upright"]):
                if not word["upright"] or word["top"] > page.height - footer:
                    continue
                rows[round(float(word["top"]) / 3)].append(word)
            for _, words in sorted(rows.items()):
                words.sort(key=lambda word: float(word["x0"]))  # type: ignore[arg-type]
                found.append(Line(
                    page=number,
                    top=float(words[0]["top"]),  # type: ignore[arg-type]
                    size=max(float(word["size"]) for word in words),  # type: ignore[arg-type]
                    bold=any("Bold" in str(word["fontname"]) for word in words),
                    text=" ".join(str(word["text"]) for word in words),
                ))
    return found


def last_lines(lines: list[Line]) -> dict[int, Line]:
    """The last line of text on each page."""
    last: dict[int, Line] = {}
    for line in lines:
        last[line.page] = line
    return last


def first_lines(lines: list[Line]) -> dict[int, Line]:
    """The first line of text on each page."""
    first: dict[int, Line] = {}
    for line in lines:
        first.setdefault(line.page, line)
    return first
