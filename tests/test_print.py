"""The example's outputs printed by the readers' own programs: every workbook sheet and the Word report converted
to PDF by LibreOffice, read back with pdfplumber. On paper nothing may be cut, drawn over other text or shrunk
past reading. Slow (LibreOffice); skipped where it is not installed (`.ci/run` installs it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from pdf_checks import CALC, SOFFICE, convert_with_libreoffice, glyphs, missing_words, overlapping, page_sizes, text_of
from report_fixtures import ExampleRun

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None or not CALC, reason="LibreOffice Calc is not installed"),
]

WORKBOOKS = ("handlingsplan", "triangulering", "gap-analyse", "sporreundersokelse")
LEAST_PRINTED_SIZE = 7.0  # points: the smallest text a sheet may print at (its header line; the text is 8 or more)


@pytest.fixture(scope="module")
def printed(example_run: ExampleRun, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    assert example_run.exit_code == 0, example_run.output
    folder = tmp_path_factory.mktemp("printed")
    files = [example_run.project / "out" / f"{name}.xlsx" for name in WORKBOOKS]
    files.append(example_run.project / "out" / "rapport.docx")
    pdfs = convert_with_libreoffice(files, folder / "pdf", folder / "profile")
    return {pdf.stem: pdf for pdf in pdfs}


def _cell_texts(workbook: Path) -> list[str]:
    texts = []
    for sheet in load_workbook(workbook).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.strip():
                    texts.append(cell.value)
    return texts


@pytest.mark.parametrize("name", WORKBOOKS)
def test_every_sheet_prints_all_its_text_legibly_and_without_overlap(
    name: str, printed: dict[str, Path], example_run: ExampleRun
) -> None:
    pdf = printed[name]
    found = glyphs(pdf)
    assert found
    clashes = overlapping(found)
    assert not clashes, [(a.page, a.text, b.text, round(a.top), round(b.top)) for a, b in clashes[:10]]
    smallest = min(glyph.size for glyph in found if glyph.upright)
    assert smallest >= LEAST_PRINTED_SIZE, f"{name} prints text at {smallest:.1f} pt"
    absent = missing_words(_cell_texts(example_run.project / "out" / f"{name}.xlsx"), text_of(pdf))
    assert not absent, absent[:20]
    # A4 (595 × 842 points), either way up
    assert {tuple(sorted(round(side) for side in size)) for size in page_sizes(pdf)} == {(595, 842)}


def test_the_plan_fits_a4_landscape_with_every_goal_and_measure_once(printed: dict[str, Path]) -> None:
    from test_example import EXPECTED_PLAN

    pdf = printed["handlingsplan"]
    sizes = page_sizes(pdf)
    assert all(width > height for width, height in sizes)
    plan_pages = [g for g in glyphs(pdf) if g.page == 1]
    assert min(g.size for g in plan_pages) >= 9.5  # printed at (nearly) full size, not shrunk to fit
    text = " ".join(_text_with_goals_apart(pdf).split())
    for goal, measures in EXPECTED_PLAN:
        assert text.count(" ".join(goal.split())) == 1, goal
        for measure, _responsible, _timing in measures:
            # the measure's text as printed (wrapped lines joined); on the plan sheet and the tracing sheet
            assert missing_words([measure], text) == []


def _text_with_goals_apart(pdf: Path, goal_header: str = "Delmål", next_header: str = "Nr.") -> str:
    """The printed text with the plan sheet's goal column read apart from the columns beside it. A goal wraps in its
    cell over several lines, and the page's text read line by line across the page puts each of its lines beside
    the measures' («1. Målrettet og god utnyttelse av 1.1 Politiet har …»); the reader reads the cell down.
    Text drawn out of sight (LibreOffice draws a merged cell's text again, clipped, on a page its range runs on to)
    counts: a goal must print once."""
    import pdfplumber

    parts = []
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            words = page.extract_words()
            starts = [word["x0"] for word in words if word["text"] == next_header]
            if starts and any(word["text"] == goal_header for word in words):
                edge = min(starts) - 1
                parts.append(page.crop((0, 0, edge, page.height)).extract_text() or "")
                parts.append(page.crop((edge, 0, page.width, page.height)).extract_text() or "")
            else:
                parts.append(page.extract_text() or "")
    return "\n".join(parts)
