"""The lean paths of `hkh survey`: answers read for counting without converted copies, and one chart figure reused
from question to question. Both must change nothing a user sees: the same tables as from the default read, the same
chart whatever was drawn before it, margins where matplotlib's tight_layout puts them, and nothing cut off.

(Speed and memory themselves are measured in benchmarks/, never asserted here.)
"""

from __future__ import annotations

import dataclasses
import io
import warnings
from pathlib import Path

import pytest
from PIL import Image
from typer.testing import CliRunner

from hkh.cli import app
from hkh.core.errors import HkhError
from hkh.outputs.charts import survey as survey_charts
from hkh.project.load import load_project
from hkh.survey.store import SurveyData, _adapt_question, load_survey, load_survey_data
from hkh.survey.tables import OptionCount, QuestionTable, build_from_survey, build_survey_tables
from test_survey_tables import COLUMNS, SOURCE, make_project, write_survey

runner = CliRunner(env={"COLUMNS": "200"})


@pytest.fixture()
def project_dir(tmp_path: Path) -> Path:
    return make_project(tmp_path / "kartlegging")


# ------------------------------------------------------------------------------------------------ reading


def test_counting_read_holds_the_default_reads_answers_as_float64(project_dir: Path) -> None:
    default = load_survey(project_dir, SOURCE)
    counting = load_survey(project_dir, SOURCE, codes_as_float=True)
    assert list(counting.frame.columns) == list(default.frame.columns) == COLUMNS
    assert str(default.frame["kjonn"].dtype) == "Int64"  # the default contract is unchanged
    for name in ("kjonn", "trygg_1", "konflikt_1", "vapentype_2", "alder_ar", "_status"):
        assert counting.frame[name].dtype == "float64", name
    for name in ("konflikt_annet", "dato"):
        assert counting.frame[name].astype("string").equals(default.frame[name]), name
    for name in sorted(set(COLUMNS) - {"konflikt_annet", "dato"}):
        assert counting.frame[name].equals(default.frame[name].astype("float64")), name
    # blanks stay apart from zeros: two partial respondents have blank checkboxes; four who completed and two
    # partial ones have 0 in this box
    konflikt = counting.frame["konflikt_1"]
    assert konflikt.isna().sum() == 2 and (konflikt == 0).sum() == 6


def test_counting_read_ignores_columns_the_codebook_does_not_list(project_dir: Path) -> None:
    responses = project_dir / "data" / "survey" / SOURCE / "responses.csv"
    lines = responses.read_text("utf-8").splitlines()
    widened = [f"{line},x{index}" if index else f"{line},ekstra" for index, line in enumerate(lines)]
    responses.write_text("\n".join(widened) + "\n", "utf-8")
    survey = load_survey(project_dir, SOURCE, codes_as_float=True)
    assert "ekstra" not in survey.frame.columns and list(survey.frame.columns) == COLUMNS


@pytest.mark.parametrize("bad", ["1.5", "1e400", "123456789012345678901", "mann"])
def test_counting_read_still_names_a_cell_that_is_not_a_code(project_dir: Path, bad: str) -> None:
    folder = write_survey(project_dir)
    text = (folder / "responses.csv").read_text("utf-8").splitlines()
    text[7] = bad + text[7][1:]  # respondent 7 is on line 8 (after the header); kjonn is the first column
    (folder / "responses.csv").write_text("\n".join(text) + "\n", "utf-8")
    with pytest.raises(HkhError) as raised:
        load_survey(project_dir, SOURCE, codes_as_float=True)
    assert raised.value.line == 8 and "'kjonn'" in str(raised.value) and raised.value.code == "answers-not-code"
    result = runner.invoke(app, ["survey", "-p", str(project_dir), "--format", "json"])
    assert result.exit_code == 2
    assert "responses.csv:8:" in result.output and "er ikke en kode" in result.output


@pytest.mark.parametrize("by", [None, "kjonn", "trygg_1"])
def test_tables_are_the_same_from_either_read(project_dir: Path, by: str | None) -> None:
    project = load_project(project_dir)
    counting = load_survey_data(project, SOURCE)
    assert counting.frame["kjonn"].dtype == "float64"
    default = load_survey(project_dir, SOURCE)
    from_default = SurveyData(
        SOURCE,
        default.directory,
        [_adapt_question(q) for q in default.codebook.questions],
        default.frame,
        counting.responses_display,
    )
    expected = build_from_survey(from_default, min_cell=5, language="nb", by=by).to_json()
    assert build_from_survey(counting, min_cell=5, language="nb", by=by).to_json() == expected
    assert build_survey_tables(project, SOURCE, by=by).to_json() == expected


# ------------------------------------------------------------------------------------------------ charts


def _question(
    labels: list[str], percents: list[float | None], *, kind: str = "single", text: str = "Hvor trygg føler du deg?"
) -> QuestionTable:
    options = [
        OptionCount(
            code=index + 1,
            label=label,
            count=0 if percent is None else int(percent),
            percent=percent,
            phrase=None,
            suppressed=None if percent is not None else "small",
            non_substantive=False,
        )
        for index, (label, percent) in enumerate(zip(labels, percents))
    ]
    return QuestionTable(name="q", text=text, type=kind, base=120, base_suppressed=None, options=options)


def _fresh_chart(question: QuestionTable, language: str = "nb") -> bytes:
    survey_charts._CANVAS = None
    return survey_charts.draw_chart_png(question, language, 5)


def _pixels(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    return image.convert("RGB")


def test_a_chart_does_not_depend_on_the_chart_drawn_before_it() -> None:
    short = _question(["Ja", "Nei"], [60.0, 40.0])
    wide = _question(
        ["Annen kommune i Norge enn Oslo og Viken", "Utlandet", "Vet ikke / vil ikke svare", "Ja", "Nei", "Kanskje"],
        [10.0, None, 30.0, 20.0, 25.0, 5.0],
        kind="multiple",
        text="Hvor kommer du fra, og hvor lenge har du bodd der? " * 2,
    )
    alone = _fresh_chart(short)
    survey_charts.draw_chart_png(wide, "nn", 5)
    assert survey_charts.draw_chart_png(short, "nb", 5) == alone
    assert _fresh_chart(wide, "nn") == survey_charts.draw_chart_png(wide, "nn", 5)


@pytest.mark.parametrize(
    "question",
    [
        _question(["Ja", "Nei"], [60.0, 40.0]),
        _question(["Trygg", "Litt utrygg", "Svært utrygg, særlig om kvelden og natta"], [55.5, None, 20.0]),
        _question(["Kniv", "Annet"], [12.0, 3.0], kind="multiple"),
        _question(["Heroin", "Amfetamin", "Benzodiazepiner", "Cannabis"], [100.0, 99.0, 98.0, 97.0], kind="multiple"),
    ],
)
def test_chart_margins_are_where_tight_layout_puts_them(question: QuestionTable) -> None:
    survey_charts.draw_chart_png(question, "nb", 5)
    canvas = survey_charts._CANVAS
    assert canvas is not None
    figure = canvas.figure
    placed = figure.subplotpars
    ours = (placed.left, placed.right, placed.bottom, placed.top)
    # the notes under the chart (several answers allowed; what "<5" and ":" mean) take a share of its height that
    # grows with their lines, and tight_layout is told to keep it free, as the chart does
    figure.tight_layout(rect=(0, canvas.note_share, 1, 1))
    tight = figure.subplotpars
    width, height = figure.bbox.width, figure.bbox.height
    pixels = [(a - b) * size for a, b, size in zip(ours, (tight.left, tight.right, tight.bottom, tight.top), (width, width, height, height))]
    assert all(abs(p) < 0.5 for p in pixels), pixels
    survey_charts._CANVAS = None  # tight_layout left a layout engine on the shared figure


def test_long_labels_and_titles_are_not_cut_off() -> None:
    question = _question(
        ["W" * 40, "Annen kommune i Norge enn Oslo og Viken", "Ja"],
        [100.0, None, 35.0],
        kind="multiple",
        text="Hvor trygg føler du deg i sentrum av byen om kvelden etter klokken ti, særlig i helgene og i ferier? " * 3,
    )
    # both marks, so both notes are drawn under the chart (each a long line at 9 points)
    question.options.append(dataclasses.replace(question.options[0], code=9, label="Nei", suppressed="secondary"))
    image = _pixels(_fresh_chart(question))
    width, height = image.size
    edges = [(0, 0, width, 1), (0, height - 1, width, height), (0, 0, 1, height), (width - 1, 0, width, height)]
    for edge in edges:
        assert image.crop(edge).getextrema() == ((255, 255),) * 3, edge  # white: no text runs off the figure


def test_a_chart_with_nothing_to_show_draws_an_axis_without_warnings() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        png = _fresh_chart(_question(["Kniv", "Annet"], [None, None], kind="multiple"))
    assert _pixels(png).size[0] == survey_charts.FIGURE_WIDTH * survey_charts.DPI
