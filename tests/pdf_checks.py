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
