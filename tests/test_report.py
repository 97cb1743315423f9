"""`hkh report`: the chapters of an HKH report in nb, nn and en, every figure from the data, nothing that must not
be published, one self-contained HTML file; the same report as a Word document; statistics tables as charts."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html
from typer.testing import CliRunner

from hkh.analysis.stats import read_csv_table, read_xlsx_tables
from hkh.cli import app
from hkh.core.errors import StatsFormatError
from hkh.i18n.formats import format_percent
from hkh.outputs.charts.stats import stats_chart_png
from hkh.outputs.report.builder import chapter_titles
from hkh.project.load import load_project
from report_fixtures import SECRET, TEXTS, ExampleRun, write_small_project

runner = CliRunner()
LANGUAGES = ("nb", "nn", "en")
REPORT_FILE = {"nb": "rapport.html", "nn": "rapport.html", "en": "report.html"}
HOURS_IN_WORDS = {"nb": "Mandag–fredag 09.00–14.00", "nn": "Måndag–fredag 09.00–14.00", "en": "Monday–Friday 09:00–14:00"}
OF = {"nb": "av", "nn": "av", "en": "of"}


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("small")
    return {language: write_small_project(base / language, language) for language in LANGUAGES}


def _report(project: Path, *args: str) -> tuple[Path, lxml_html.HtmlElement, str]:
    result = runner.invoke(app, ["report", "-p", str(project), *args])
    assert result.exit_code == 0, result.output
    written = Path(result.stdout.strip().split(" ", 1)[1])  # "skrev PATH", "skreiv PATH" or "wrote PATH"
    assert written.is_file()
    text = written.read_text("utf-8")
    return written, lxml_html.fromstring(text), text


def _chapter_headings(page: lxml_html.HtmlElement) -> list[str]:
    return [" ".join(h.text_content().split()) for h in page.xpath("//main/section[@class='chapter']/h2")]


def _strip_number(heading: str) -> str:
    return re.sub(r"^\d+\s+", "", heading)


def _rows(table: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    return table.xpath("./tbody/tr")


def _cells(row: lxml_html.HtmlElement) -> list[str]:
    return [" ".join(cell.text_content().split()) for cell in row.xpath("./td")]


# ------------------------------------------------------------------------------------------ the report's content


@pytest.mark.parametrize("language", LANGUAGES)
def test_report_has_every_chapter_in_the_projects_language(projects: dict[str, Path], language: str) -> None:
    written, page, text = _report(projects[language])
    assert written.name == REPORT_FILE[language]
    assert page.get("lang") == language
    headings = _chapter_headings(page)
    assert [_strip_number(h) for h in headings] == chapter_titles(language)
    # chapters 1..7 are numbered, the summary and the appendix are not
    assert [h.split()[0] for h in headings[1:8]] == [str(n) for n in range(1, 8)]
    words = TEXTS[language]
    body = " ".join(page.text_content().split())
    for expected in (words["title"], words["mandate1"], words["mandate2"], words["statement"], words["follow"],
                     "Kari Nordmann", "Velferdsetaten"):
        assert expected in body
    # the appendix lists the low-threshold service with its hours in words, and nothing that is not low-threshold
    appendix = page.xpath("//section[@id='appendix']")[0]
    appendix_text = " ".join(appendix.text_content().split())
    assert "Kafé Torget" in appendix_text and HOURS_IN_WORDS[language] in appendix_text
    assert "Oppsøkende patrulje" not in appendix_text
    # the process chapter is written from the source register
    method = " ".join(page.xpath("//section[@id='method']")[0].text_content().split())
    assert "14" in method  # survey participants, from the import
    assert "25" in method and "politiet, Uteseksjonen og tre frivillige organisasjoner" in method
    assert len(_rows(page.xpath("//table[tbody/tr[@data-step]]")[0])) == 7


@pytest.mark.parametrize("language", LANGUAGES)
def test_report_publishes_figures_never_open_text_and_suppresses_small_counts(projects: dict[str, Path], language: str) -> None:
    _written, page, text = _report(projects[language])
    assert SECRET not in text
    assert not page.xpath("//table[@data-question='fritekst']")
    body = " ".join(page.text_content().split())
    assert f"10 {OF[language]} 14" in body  # the finding's survey figure, computed from the data
    gender = page.xpath("//table[@data-question='kjonn']")[0]
    by_code = {row.get("data-code"): _cells(row) for row in _rows(gender)}
    assert by_code["1"][1] == "10"
    assert by_code["2"][1] == "<5" and by_code["3"][1] == "<5"
    assert by_code["2"][2] == "" and by_code["3"][2] == ""  # no percentage that would give the count away
    # the cited questions are charted; the quote is attributed by role only
    assert page.xpath("//figure[@data-question='kjonn']//svg")
    quote = page.xpath("//blockquote")[0]
    assert TEXTS[language]["quote"] in quote.text_content()
    assert quote.xpath("./footer")[0].text_content().strip() == f"– {TEXTS[language]['role']}"


def test_report_is_one_self_contained_file(projects: dict[str, Path]) -> None:
    _written, page, text = _report(projects["nb"])
    assert not page.xpath("//script | //link | //iframe | //object | //embed")
    # (an inline chart's clip paths refer to its own elements, `url(#…)`; nothing outside the page)
    assert "@import" not in text and not re.search(r"url\((?!#)", text)
    for element in page.xpath("//*[@src]"):
        assert element.get("src").startswith("data:image/png;base64,")
    for anchor in page.xpath("//a[@href]"):
        assert anchor.get("href").startswith("#")
        assert page.xpath(f"//*[@id='{anchor.get('href')[1:]}']"), anchor.get("href")
    import base64

    # charts are inline SVG (their text scales with the page), each with its text alternative; a PNG is only a
    # fallback for a chart that has no SVG
    charts = page.xpath("//figure[contains(@class, 'chart')]")
    assert len(charts) >= 3  # survey chart(s), the statistics chart, the week heatmap
    for chart in charts:
        drawn = chart.xpath(".//div[@class='svg-chart']")
        assert drawn and drawn[0].get("aria-label") and drawn[0].xpath(".//svg//text")
    for image in page.xpath("//img"):
        png = base64.b64decode(image.get("src").split(",", 1)[1])
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", png[16:24])
        assert width > 100 and height > 100
        assert image.get("alt")
    policy = page.xpath("//meta[@http-equiv='Content-Security-Policy']")[0].get("content")
    assert "default-src 'none'" in policy
    style = page.xpath("//style")[0].text_content()
    assert "@media print" in style and "size: A4" in style and "break-before: page" in style
    assert "@media (max-width" in style  # phones
    assert page.xpath("//meta[@name='viewport']")


def test_report_shows_the_statistics_table_as_a_chart_with_its_numbers(projects: dict[str, Path]) -> None:
    _written, page, _text = _report(projects["nb"])
    figure = page.xpath("//figure[@data-stats='telling']")[0]
    caption = " ".join(figure.xpath("./figcaption")[0].text_content().split())
    # the source register's title, then the table's own title (its `#` comment line)
    assert re.fullmatch(r"Figur \d+\. Tellinger på Torget: personer på Torget", caption)
    # the source by its title, not by the file's path
    assert figure.xpath("./p[@class='figure-note']")[0].text_content() == "Kilde: Tellinger på Torget."
    numbers = page.xpath("//table[@data-stats='telling']")[0]
    header = [" ".join(th.text_content().split()) for th in numbers.xpath("./thead/tr/th")]
    assert header == ["", "2018", "2019", "2020"]
    assert [_cells(row) for row in _rows(numbers)] == [["Dag", "12,5", "14", "17"], ["Kveld", "20", "22,5", "25"]]


def test_report_language_can_be_overridden(projects: dict[str, Path], tmp_path: Path) -> None:
    written, page, _text = _report(projects["nb"], "--language", "en", "-o", str(tmp_path / "english.html"))
    assert written == tmp_path / "english.html"
    assert [_strip_number(h) for h in _chapter_headings(page)] == chapter_titles("en")


def test_report_refuses_to_replace_an_edited_report(tmp_path: Path) -> None:
    project = write_small_project(tmp_path / "p", "nb", survey=False)
    written, _page, _text = _report(project)
    written.write_text(written.read_text("utf-8") + "<!-- teamets endringer -->", "utf-8")
    refused = runner.invoke(app, ["report", "-p", str(project)])
    assert refused.exit_code == 2
    assert "rapport.html" in refused.stderr and "--force" in refused.stderr
    assert "teamets endringer" in written.read_text("utf-8")
    forced = runner.invoke(app, ["report", "-p", str(project), "--force"])
    assert forced.exit_code == 0
    assert "teamets endringer" not in written.read_text("utf-8")


def test_report_of_a_new_empty_mapping_still_has_every_chapter(tmp_path: Path) -> None:
    created = runner.invoke(app, ["init", str(tmp_path / "ny"), "--title", "Ny kartlegging", "--language", "nn"])
    assert created.exit_code == 0, created.output
    _written, page, _text = _report(tmp_path / "ny")
    assert [_strip_number(h) for h in _chapter_headings(page)] == chapter_titles("nn")


# ----------------------------------------------------------------------------- the same numbers as hkh survey/plan


def test_report_figures_and_plan_rows_equal_hkh_survey_and_hkh_plan(example_run: ExampleRun, tmp_path: Path) -> None:
    assert example_run.exit_code == 0, example_run.output
    project = example_run.project
    page = lxml_html.fromstring(example_run.report.read_text("utf-8"))

    survey = runner.invoke(app, ["survey", "-p", str(project), "--format", "json"])
    assert survey.exit_code == 0, survey.output
    tables = json.loads(survey.stdout)
    min_cell = load_project(project).mapping.settings.min_cell
    questions = {q["question"]: q for q in tables["questions"]}
    shown = page.xpath("//table[@data-question]")
    assert len(shown) >= 5
    marks = {"small": f"<{min_cell}", "secondary": ":"}  # a count hidden only to protect another is not "<5"
    for table in shown:
        question = questions[table.get("data-question")]
        expected_base = str(question["base"]) if question["base"] is not None else marks[question["base_suppressed"]]
        assert table.get("data-base") == expected_base
        rows = {row.get("data-code"): _cells(row) for row in _rows(table)}
        assert list(rows) == [str(option["code"]) for option in question["options"]]
        for option in question["options"]:
            label, count, percent, _words = rows[str(option["code"])]
            assert label == option["label"]
            assert count == (str(option["count"]) if option["count"] is not None else marks[option["suppressed"]])
            assert percent == ("" if option["percent"] is None else format_percent(option["percent"], "nb"))

    plan_csv = tmp_path / "plan.csv"
    planned = runner.invoke(app, ["plan", "-p", str(project), "--format", "csv", "-o", str(plan_csv)])
    assert planned.exit_code == 0, planned.output
    csv_rows = list(csv.reader(io.StringIO(plan_csv.read_text("utf-8-sig")), delimiter=";"))
    header, measures = csv_rows[0], csv_rows[1:]
    plan_table = page.xpath("//table[@data-table='plan']")[0]
    assert [" ".join(th.text_content().split()) for th in plan_table.xpath("./thead/tr/th")] == header[1:]
    report_rows = []
    group = ""
    for row in _rows(plan_table):
        cells = _cells(row)
        if len(cells) == len(header) - 1:
            group = cells[0]
        else:  # the goal cell is merged over the goal's measures
            cells = [group, *cells]
        report_rows.append([f"Tiltak {row.get('data-measure')}", *cells])
    assert report_rows == [[" ".join(cell.split()) for cell in row] for row in measures]
    assert len(report_rows) == 13


# ------------------------------------------------------------------------------------------------- Word document


def test_word_report_has_real_headings_tables_and_pictures(projects: dict[str, Path], tmp_path: Path) -> None:
    from docx import Document

    project = projects["nb"]
    result = runner.invoke(app, ["report", "-p", str(project), "--format", "docx"])
    assert result.exit_code == 0, result.output
    target = project / "out" / "rapport.docx"
    assert target.is_file()
    document = Document(str(target))
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Title", TEXTS["nb"]["title"]) in styled
    chapters = [_strip_number(text) for style, text in styled if style == "Heading 1"]
    assert chapters == chapter_titles("nb")
    assert any(style == "Heading 2" and text.endswith("Oppdrag og mandat") for style, text in styled)
    plan = next(t for t in document.tables if [c.text for c in t.rows[0].cells] == ["Delmål", "Forslag til tiltak", "Ansvarlig og involverte", "Tid"])
    body = [[cell.text for cell in row.cells] for row in plan.rows[1:]]
    assert [row[1] for row in body] == [TEXTS["nb"]["measure1"], TEXTS["nb"]["measure2"], TEXTS["nb"]["measure3"]]
    assert body[0][2] == "Politiet og Uteseksjonen" and body[0][3] == "Fra høsten 2021"
    assert body[0][0] == body[1][0] == "1. " + TEXTS["nb"]["goal"]  # the goal cell is merged over its measures
    assert len(document.inline_shapes) >= 3
    xml = document.element.xml
    assert xml.count('w:type="page"') >= len(chapter_titles("nb"))
    assert SECRET not in xml
    gender = next(t for t in document.tables if t.rows[0].cells[0].text == "Svaralternativ")
    assert [row.cells[1].text for row in gender.rows[1:]] == ["10", "<5", "<5"]

    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed; the Word file was checked with python-docx only")
    converted = subprocess.run(
        [office, "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(target)],
        capture_output=True, text=True, timeout=180,
    )
    pdf = tmp_path / "rapport.pdf"
    assert pdf.is_file(), converted.stdout + converted.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert pdf.stat().st_size > 30_000


# -------------------------------------------------------------------------------------------- statistics tables


def test_stats_reads_norwegian_excel_csv_and_long_tables(tmp_path: Path) -> None:
    wide = tmp_path / "wide.csv"
    wide.write_bytes("År;Dag;Kveld\r\n2010;91,3;130,8\r\n2011;55,2;86,2\r\n".encode("cp1252"))
    table = read_csv_table(wide)
    assert table.categories == ["2010", "2011"] and table.is_year_series
    assert [(s.name, s.values) for s in table.series] == [("Dag", [91.3, 55.2]), ("Kveld", [130.8, 86.2])]

    long = tmp_path / "long.csv"
    long.write_text("aar,tidspunkt,snitt\n2011,dag,55.2\n2010,dag,91.3\n2010,kveld,130.8\n2011,kveld,86.2\n", "utf-8")
    table = read_csv_table(long)
    assert table.categories == ["2010", "2011"]
    assert [(s.name, s.values) for s in table.series] == [("Dag", [91.3, 55.2]), ("Kveld", [130.8, 86.2])]

    places = tmp_path / "places.csv"
    places.write_text("aar,sted,antall\n2019,Gunerius,4995\n2019,Storo,103\n", "utf-8")
    table = read_csv_table(places)
    assert not table.is_year_series and table.categories == ["Gunerius", "Storo"]
    assert table.title.endswith("2019")  # a column with one value throughout is context, not an axis


def test_stats_charts_are_lines_for_years_and_bars_otherwise(tmp_path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.axes import Axes

    drawn: list[str] = []
    original_plot, original_bar = Axes.plot, Axes.bar

    def plot(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        drawn.append("line")
        return original_plot(self, *args, **kwargs)

    def bar(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        drawn.append("bar")
        return original_bar(self, *args, **kwargs)

    years = tmp_path / "years.csv"
    years.write_text("År;Antall\n2018;3\n2019;5\n", "utf-8")
    places = tmp_path / "places.csv"
    places.write_text("Sted;Antall\nTorget;3\nParken;5\n", "utf-8")
    Axes.plot, Axes.bar = plot, bar  # type: ignore[method-assign]
    try:
        year_png = stats_chart_png(read_csv_table(years), "nb")
        assert drawn == ["line"]
        place_png = stats_chart_png(read_csv_table(places), "nb")
        assert drawn == ["line", "bar"]
    finally:
        Axes.plot, Axes.bar = original_plot, original_bar  # type: ignore[method-assign]
    assert year_png[:4] == place_png[:4] == b"\x89PNG"


def test_stats_xlsx_with_a_title_row(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Bortvisninger 2019"])
    sheet.append(["Sted", "Bortvisninger", "Trusler"])
    sheet.append(["Gunerius", 4995, 120])
    sheet.append(["Storo", 103, None])
    path = tmp_path / "bortvisninger.xlsx"
    workbook.save(path)
    (table,) = read_xlsx_tables(path)
    assert table.title == "Bortvisninger 2019"
    assert table.categories == ["Gunerius", "Storo"]
    assert [(s.name, s.values) for s in table.series] == [("Bortvisninger", [4995.0, 103.0]), ("Trusler", [120.0, None])]


def test_a_bad_statistics_table_stops_the_report_with_its_line(tmp_path: Path) -> None:
    project = write_small_project(tmp_path / "p", "nb", survey=False)
    (project / "data" / "stats" / "telling.csv").write_text("År;Dag\n2018;12\n2019;mange\n", "utf-8")
    with pytest.raises(StatsFormatError) as error:
        read_csv_table(project / "data" / "stats" / "telling.csv", "telling.csv")
    assert error.value.line == 3 and "mange" in error.value.message
    result = runner.invoke(app, ["report", "-p", str(project)])
    assert result.exit_code == 2
    assert re.search(r"telling\.csv:3: «mange» i kolonnen `Dag` er ikke et tall", result.stderr)
    assert "Traceback" not in result.output


def test_report_text_from_the_team_is_escaped(tmp_path: Path) -> None:
    project = write_small_project(tmp_path / "p", "en", survey=False)
    findings = project / "findings.yaml"
    findings.write_text(
        findings.read_text("utf-8").replace("title: Mostly men on the Square", 'title: "<script>alert(1)</script> & <b>men</b>"'),
        "utf-8",
    )
    _written, page, text = _report(project)
    assert not page.xpath("//script | //b")
    assert "<script>alert(1)</script> & <b>men</b>" in page.text_content()
    assert "&lt;script&gt;" in text


def test_the_word_report_has_page_numbers_contents_proofing_language_and_its_own_properties(
    example_run: ExampleRun,
) -> None:
    """Read from the .docx itself: a PAGE field in the footer, a TOC field (headings 1-3) that Word updates on
    opening, the mapping's language (nb-NO) on the defaults and on every style, the report's title, author and
    date in the properties, and nothing left of python-docx's template."""
    import zipfile

    from lxml import etree

    assert example_run.exit_code == 0, example_run.output
    path = example_run.project / "out" / "rapport.docx"
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    footers = [etree.fromstring(data) for name, data in parts.items() if name.startswith("word/footer")]
    assert any("PAGE" in "".join(f.itertext()) for f in footers)
    document = etree.fromstring(parts["word/document.xml"])
    instructions = [node.text.strip() for node in document.iter(f"{w}instrText")]
    assert 'TOC \\o "1-3" \\h \\z \\u' in instructions
    settings = etree.fromstring(parts["word/settings.xml"])
    assert settings.find(f"{w}updateFields").get(f"{w}val") == "true"
    styles = etree.fromstring(parts["word/styles.xml"])
    default = styles.find(f"{w}docDefaults/{w}rPrDefault/{w}rPr/{w}lang")
    assert default.get(f"{w}val") == "nb-NO"
    for style in styles.iter(f"{w}style"):
        if style.get(f"{w}type") in ("paragraph", "character", "table"):
            lang = style.find(f"{w}rPr/{w}lang")
            assert lang is not None and lang.get(f"{w}val") == "nb-NO", style.get(f"{w}styleId")
    core = parts["docProps/core.xml"].decode("utf-8")
    assert "<dc:title>En kartlegging av det åpne rusmiljøet i Brugata/Storgata i Oslo sentrum</dc:title>" in core
    assert "<dc:creator>Velferdsetaten, avdeling for forebygging og sentrumsarbeid</dc:creator>" in core
    assert "python-docx" not in core and "2013" not in core
    assert "<dc:language>nb-NO</dc:language>" in core


def test_the_example_report_shows_each_figure_once_with_real_labels(example_run: ExampleRun) -> None:
    """A question cited by several findings is drawn once and referred to; statistics figures carry their
    description's title, labels and the source's title, never a file or column name; charts are inline SVG whose
    text is text (it scales on a phone)."""
    assert example_run.exit_code == 0, example_run.output
    page = example_run.report.read_text("utf-8")
    document = lxml_html.fromstring(page)
    captions = [" ".join(c.text_content().split()) for c in document.xpath("//figure[contains(@class, 'chart')]/figcaption")]
    texts = [caption.split(". ", 1)[1] for caption in captions]
    assert len(texts) == len(set(texts)), captions
    assert sum("hovedgrunnen" in text for text in texts) == 1
    assert "er vist i figur" in page
    visible = " ".join(document.text_content().split())
    for raw in ("data/stats", ".csv", "Maaned", "Utdelte sproyter", "Snitt antall personer", "Aar"):
        assert raw not in visible, raw
    assert "Kilde: Utdeling av brukerutstyr ved Prindsen mottakssenter." in visible
    # the chart of every open drug scene in the centre is not captioned as Brugata/Storgata's
    assert any(text.startswith("Personer i alle åpne rusmiljø i Oslo sentrum") for text in texts)
    # the heatmap's caption says what it draws: services open, not needs
    heatmap = next(c for c in captions if "time for time" in c)
    assert "tilbud som er åpne" in heatmap and "behov" not in heatmap
    svgs = document.xpath("//figure[contains(@class, 'chart')]//svg")
    assert len(svgs) == len(captions) and all(svg.xpath(".//text") for svg in svgs)
