"""The example's report as its readers get it: printed to A4 by headless Chromium and read back with pdfplumber, and
shown on a real 390 px phone viewport (DevTools device emulation, see tests/browser.py).

On paper: no heading and no lead-in ("Kilder:", "… tilbyr:") is the last line of a page, every chapter starts a page,
a chart and the table of its numbers start on the same page, the table of contents is printed, and no text is under
7 points. On a phone: the page never scrolls sideways, a table wider than the screen scrolls in its own box under a
visible hint (and only such a table shows the hint), the plan and the other tables of sentences become one block per
row, and no chart text is under ~9 px. Skipped without Chromium (`.ci/run` installs it)."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from browser import CHROMIUM, Browser
from hkh.outputs.report.builder import chapter_titles
from pdf_checks import Line, first_lines, glyphs, last_lines, lines_of
from report_fixtures import ExampleRun

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian package `chromium`)"),
]

HEADING_POINTS = 12.5  # h4 prints at 13 pt, the body at 10.5 pt, bold table headers and facts at 11–11.4 pt
CHAPTER_POINTS = (20.0, 23.0)  # h2, 21 pt (the title on the cover is 24 pt)


@pytest.fixture(scope="module")
def report(example_run: ExampleRun) -> Path:
    assert example_run.exit_code == 0, example_run.output
    return example_run.report


@pytest.fixture(scope="module")
def printed_pdf(report: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("printed")
    pdf = folder / "rapport.pdf"
    assert CHROMIUM is not None
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--user-data-dir={folder / 'p'}",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--no-pdf-header-footer", f"--print-to-pdf={pdf}", report.as_uri()],
        capture_output=True, timeout=180, check=False,
    )
    assert pdf.is_file()
    return pdf


@pytest.fixture(scope="module")
def printed(printed_pdf: Path) -> list[Line]:
    return lines_of(printed_pdf)


def test_no_heading_or_lead_in_ends_a_page(printed: list[Line]) -> None:
    for page, line in last_lines(printed).items():
        assert not (line.bold and line.size >= HEADING_POINTS), f"page {page} ends with the heading {line.text!r}"
        # "Kilder:" and every sentence that leads into a list or table ("Behov som ingen … tilbyr:")
        assert not line.text.endswith(":"), f"page {page} ends with {line.text!r}, apart from what it introduces"


def test_every_chapter_starts_a_page_and_the_contents_are_printed(printed: list[Line]) -> None:
    first = first_lines(printed)
    chapters = [line for line in printed if line.bold and CHAPTER_POINTS[0] <= line.size < CHAPTER_POINTS[1]]
    assert [" ".join(line.text.split()[1:]) if line.text[:1].isdigit() else line.text for line in chapters] == (
        chapter_titles("nb")
    )
    for line in chapters:
        assert first[line.page] == line, f"{line.text!r} does not start page {line.page}"
    # a printed table of contents (Chromium has no target-counter(), so a list without page numbers), on its own page
    contents = [line for line in printed if line.page == 2]
    assert contents[0].text == "Innhold"
    listed = " ".join(line.text for line in contents)
    for title in chapter_titles("nb"):
        assert title in listed
    assert not any("file:" in line.text or "http" in line.text for line in printed)


def test_a_chart_and_the_table_of_its_numbers_start_on_the_same_page(report: Path, printed: list[Line]) -> None:
    page = lxml_html.fromstring(report.read_text("utf-8"))
    pairs = []
    for figure in page.xpath("//figure[contains(@class, 'chart')]"):
        following = figure.getnext()
        if following is None or "table-block" not in (following.get("class") or ""):
            continue
        number = figure.xpath("string(.//figcaption/span[@class='number'])").split()[-1].rstrip(".")
        header = " ".join(" ".join(th.text_content().split()) for th in following.xpath(".//thead//th")).strip()
        pairs.append((number, header))
    assert len(pairs) >= 15
    for number, header in pairs:
        caption = next(index for index, line in enumerate(printed) if line.text.startswith(f"Figur {number}."))
        table = next(line for line in printed[caption + 1:] if line.text.startswith(header.split()[0]))
        assert table.page == printed[caption].page, f"figure {number} and its table are on different pages"


def test_no_printed_text_is_under_seven_points(printed_pdf: Path) -> None:
    sizes = [glyph.size for glyph in glyphs(printed_pdf) if glyph.upright]
    assert min(sizes) >= 6.9


# ------------------------------------------------------------------------------------------------- on a phone

PHONE_MEASURE = r"""
(() => {
  const hint = (box) => getComputedStyle(box, "::before");
  const out = {innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth, tables: [],
               charts: [], small: []};
  for (const table of document.querySelectorAll("table")) {
    const wrap = table.closest(".table-wrap");
    const block = table.closest("figure");
    out.tables.push({
      caption: (block.querySelector("figcaption") || table.querySelector("th")).textContent.trim().slice(0, 50),
      stacked: block.classList.contains("stack"), wide: table.scrollWidth > wrap.clientWidth + 1,
      overflow: getComputedStyle(wrap).overflowX, hint: hint(wrap).maxHeight, hintText: hint(wrap).content,
      right: wrap.getBoundingClientRect().right,
      labels: Array.from(table.querySelectorAll("td[data-label]")).filter(td => td.textContent.trim())
        .map(td => getComputedStyle(td, "::before").content !== "none" && getComputedStyle(td).display === "block"),
    });
  }
  for (const box of document.querySelectorAll(".chart-scroll")) {
    out.charts.push({wide: box.scrollWidth > box.clientWidth + 1, overflow: getComputedStyle(box).overflowX,
                     hint: hint(box).maxHeight});
  }
  for (const text of document.querySelectorAll(".svg-chart svg text")) {
    const m = text.getScreenCTM();
    const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
    if (size < 8.5) out.small.push([text.textContent.trim(), Math.round(size * 10) / 10]);
  }
  return out;
})()
"""


@pytest.fixture(scope="module")
def phone(report: Path) -> dict[str, Any]:
    with Browser(390, 844, mobile=True) as browser:
        browser.open(report)
        measured: dict[str, Any] = browser.evaluate(PHONE_MEASURE)
        measured["errors"] = browser.console_errors()
    return measured


def test_on_a_phone_the_page_never_scrolls_sideways(phone: dict[str, Any]) -> None:
    assert phone["innerWidth"] == 390  # a real phone viewport, not Chromium's 500 px minimum window
    assert phone["scrollWidth"] <= phone["innerWidth"]
    assert phone["errors"] == []


def test_on_a_phone_a_wide_table_scrolls_in_its_box_under_a_hint(phone: dict[str, Any]) -> None:
    tables = phone["tables"]
    assert len(tables) > 20
    wide = [table for table in tables if table["wide"]]
    assert wide, "the example has tables wider than a phone (the triangulation matrix)"
    for table in wide:
        assert table["overflow"] in ("auto", "scroll"), table["caption"]
        assert table["hint"] not in ("0px", "none"), f"no hint over {table['caption']!r}"
        assert "Sveip" in table["hintText"]
        assert table["right"] <= phone["innerWidth"]
    for table in tables:
        if not table["wide"]:
            assert table["hint"] == "0px", f"a hint over {table['caption']!r}, which fits"
    # the week heatmap keeps its printed size and scrolls, with the hint
    assert phone["charts"] and all(c["wide"] and c["overflow"] == "auto" and c["hint"] != "0px" for c in phone["charts"])


def test_on_a_phone_the_plan_and_tables_of_sentences_are_one_block_per_row(phone: dict[str, Any]) -> None:
    stacked = [table for table in phone["tables"] if table["stacked"]]
    assert any(table["caption"].startswith("Tabell") and "handlingsplan" in table["caption"] for table in stacked)
    for table in stacked:
        assert not table["wide"], table["caption"]
        assert table["labels"] and all(table["labels"]), f"a cell of {table['caption']!r} without its column's name"


def test_on_a_phone_no_chart_text_is_under_nine_pixels(phone: dict[str, Any]) -> None:
    assert phone["small"] == []
