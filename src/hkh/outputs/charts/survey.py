"""Bar charts of survey questions (PNG) for the report and for slides.

matplotlib is imported here only, inside the functions, drawing with Agg: no display is needed and importing hkh
stays fast. Bars are horizontal so long Norwegian option labels stay readable; each bar carries its percentage.
Suppressed counts get no bar (its length would give the hidden count away) but keep their row, marked "<5".
Non-substantive options ("Vet ikke") are left out: they are not part of the percentage base.

Speed (one chart per question, 150 in a large survey): the margins are computed from the measured sizes of the
labels, title and axis texts, as matplotlib's `tight_layout` would place them (same figures to the pixel), instead of
calling `tight_layout`, which laid out every tick twice and left the figure with a layout engine that made `savefig`
draw it once more; and one figure is reused from chart to chart, so its axes and ticks are not built again and
no figure is left for the garbage collector (150 of them took 40 MB before a collection).
"""

from __future__ import annotations

import io
import textwrap
import threading
from typing import TYPE_CHECKING

from hkh.i18n import t
from hkh.i18n.formats import format_percent
from hkh.survey.publication import SECONDARY
from hkh.survey.tables import base_text, mark_notes, mark_text

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hkh.outputs.charts.cache import FigureJob
    from hkh.survey.tables import QuestionTable

BAR_COLOUR = "#2F6690"
MARK_COLOUR = "#6B6B6B"
LABEL_WIDTH = 28  # characters per line of an option label
TITLE_WIDTH = 70
DPI = 150
# inches: the chart's printed width, and narrow enough that on a 390 px phone, where it shrinks to about 360 px,
# its smallest text (9 pt) is still about 9 px
FIGURE_WIDTH = 5.0
LAYOUT_PAD = 1.08  # space around the chart, in font sizes (tight_layout's default)
NOTE_LINE = 9 * 1.3  # points per line of the notes under a chart (9-point text)
NOTE_WIDTH = 80  # characters per line of those notes
MAX_LABEL_SHARE = 0.45  # of the chart's width, at most, for the option labels left of the bars
MIN_AXES_HEIGHT = 0.3  # inches of bars per line of option label, whatever the title takes
PNG_COMPRESSION = 6  # zlib level, PIL's default

_LOCK = threading.Lock()
_CANVAS: _ChartCanvas | None = None


def chart_shows(question: QuestionTable, language: str, min_cell: int) -> dict[str, object]:
    """What the chart of one question shows (its cache key): shown percentages and marks, never a hidden count."""
    return {
        "language": language,
        "min_cell": min_cell,
        "text": question.text,
        "type": question.type,
        "base": None if question.base_suppressed else question.base,
        "options": [[o.code, o.label, o.percent, o.suppressed, o.non_substantive] for o in question.options],
    }


def chart_png(question: QuestionTable, language: str, min_cell: int) -> bytes:
    """A horizontal bar chart of one question's percentages, as PNG bytes (drawn once per content)."""
    from hkh.outputs.charts.cache import FIGURES

    return FIGURES.figure(chart_job(question, language, min_cell))


def chart_job(question: QuestionTable, language: str, min_cell: int, fmt: str = "png") -> FigureJob:
    """The chart as a figure to draw, keyed by what it shows."""
    from hkh.outputs.charts.cache import FigureJob

    if fmt == "svg":
        return FigureJob(
            "survey-bar", chart_shows(question, language, min_cell),
            lambda: draw_chart_svg(question, language, min_cell).encode("utf-8"), "svg",
        )
    return FigureJob(
        "survey-bar", chart_shows(question, language, min_cell), lambda: draw_chart_png(question, language, min_cell)
    )


def draw_chart_png(question: QuestionTable, language: str, min_cell: int) -> bytes:
    """The chart drawn now, whether or not it was drawn before (`chart_png` draws each content once)."""
    global _CANVAS

    with _LOCK:
        if _CANVAS is None:
            _CANVAS = _ChartCanvas()
        return _CANVAS.draw(question, language, min_cell)


def chart_svg(question: QuestionTable, language: str, min_cell: int) -> str:
    """The same chart as SVG with its text as text, for the HTML report (it scales with the page); drawn once."""
    from hkh.outputs.charts.cache import FIGURES

    return FIGURES.figure(chart_job(question, language, min_cell, "svg")).decode("utf-8")


def draw_chart_svg(question: QuestionTable, language: str, min_cell: int) -> str:
    """The SVG drawn now (`chart_svg` draws each content once)."""
    global _CANVAS

    with _LOCK:
        if _CANVAS is None:
            _CANVAS = _ChartCanvas()
        return _CANVAS.draw_svg(question, language, min_cell)


def _draw_batch(batch: list[QuestionTable], language: str, min_cell: int) -> list[bytes]:
    return [draw_chart_png(question, language, min_cell) for question in batch]


def chart_pngs(questions: list[QuestionTable], language: str, min_cell: int, *, parallel_from: int = 24) -> list[bytes]:
    """The charts of several questions, in order: those kept already are not drawn again; when `parallel_from` or
    more are missing, they are drawn by one worker process per core."""
    from hkh.outputs.charts.cache import FIGURES

    keys = [chart_job(question, language, min_cell).key for question in questions]
    found = [FIGURES.get(key) for key in keys]
    missing = [index for index, png in enumerate(found) if png is None]
    todo = [questions[index] for index in missing]
    drawn = draw_charts_in_parallel(todo, language, min_cell) if len(todo) >= parallel_from else _draw_batch(
        todo, language, min_cell
    )
    for index, png in zip(missing, drawn):
        FIGURES.put(keys[index], png)
        found[index] = png
    return [png for png in found if png is not None]


def draw_charts_in_parallel(questions: list[QuestionTable], language: str, min_cell: int) -> list[bytes]:
    """The charts of many questions, drawn by one worker process per core (matplotlib holds Python's lock while it
    draws, so threads would not help). The PNG bytes are the same as drawn one by one, in the same order."""
    import os
    from concurrent.futures import ProcessPoolExecutor

    workers = min(os.cpu_count() or 1, 8)
    if workers < 2:
        return _draw_batch(questions, language, min_cell)
    size = -(-len(questions) // workers)
    batches = [questions[start : start + size] for start in range(0, len(questions), size)]
    with ProcessPoolExecutor(max_workers=len(batches)) as pool:
        drawn = pool.map(_draw_batch, batches, [language] * len(batches), [min_cell] * len(batches))
        return [png for batch in drawn for png in batch]


class _ChartCanvas:
    """One figure with one axes, cleared and redrawn for every chart."""

    def __init__(self) -> None:
        import matplotlib

        matplotlib.use("Agg", force=True)
        matplotlib.rcParams["text.parse_math"] = False  # `$x$` in a label is text, not a formula
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from matplotlib.text import Text
        from matplotlib.transforms import IdentityTransform

        self.figure = Figure(figsize=(FIGURE_WIDTH, 2.4), dpi=DPI)
        self.canvas = FigureCanvasAgg(self.figure)
        self.axes = self.figure.add_subplot()
        self.note_share = 0.0
        for side in ("top", "right"):
            self.axes.spines[side].set_visible(False)
        self.probe = Text(0, 0, "", transform=IdentityTransform())
        self.probe.set_figure(self.figure)
        # (text, font size, alignment) -> extent in pixels around the anchor; labels repeat from question to question
        self.extents: dict[tuple[str, float, str, str], tuple[float, float, float, float]] = {}

    def extent(self, text: str, size: float, ha: str, va: str) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) in pixels of `text` drawn at (0, 0) with this alignment."""
        key = (text, size, ha, va)
        found = self.extents.get(key)
        if found is None:
            self.probe.set_text(text)
            self.probe.set_fontsize(size)
            self.probe.set_horizontalalignment(ha)  # type: ignore[arg-type]  # "left"/"center"/"right" only
            self.probe.set_verticalalignment(va)  # type: ignore[arg-type]
            box = self.probe.get_window_extent(self.canvas.get_renderer())
            found = self.extents[key] = (box.x0, box.y0, box.x1, box.y1)
        return found

    def draw(self, question: QuestionTable, language: str, min_cell: int) -> bytes:
        from PIL import Image

        self.lay_out(question, language, min_cell)
        self.canvas.draw()
        pixels = self.canvas.buffer_rgba()
        image = Image.frombuffer("RGBA", (pixels.shape[1], pixels.shape[0]), pixels, "raw", "RGBA", 0, 1)
        buffer = io.BytesIO()
        # the background is opaque white: RGB holds the same pixels as RGBA, in a quarter less to compress
        image.convert("RGB").save(buffer, format="png", dpi=(DPI, DPI), compress_level=PNG_COMPRESSION)
        return buffer.getvalue()

    def draw_svg(self, question: QuestionTable, language: str, min_cell: int) -> str:
        from hkh.outputs.charts.svg import figure_svg

        self.lay_out(question, language, min_cell)
        return figure_svg(self.figure)

    def lay_out(self, question: QuestionTable, language: str, min_cell: int) -> None:
        figure, axes = self.figure, self.axes
        rows = [o for o in question.options if not o.non_substantive]
        names = self.wrapped_labels([o.label for o in rows], [str(o.code) for o in rows])
        values = [0.0 if o.percent is None else o.percent for o in rows]
        line_count = sum(name.count("\n") + 1 for name in names)
        height = max(2.4, 0.9 + 0.42 * max(line_count, len(rows)))
        figure.set_size_inches(FIGURE_WIDTH, height)
        for container in list(axes.containers):
            container.remove()
        for text in [*axes.texts, *figure.texts]:
            text.remove()
        axes.relim()

        positions = list(range(len(rows)))
        axes.barh(positions, values, color=BAR_COLOUR, height=0.65)
        axes.set_yticks(positions, labels=names, fontsize=10)
        axes.yaxis.set_inverted(True)
        axes.autoscale_view()
        top = max([100.0 if question.type != "multiple" else 0.0, *values]) if values else 100.0
        if top <= 0:  # nothing to show: a 0-100 axis rather than an empty range
            top = 100.0
        axes.set_xlim(0, top * 1.12)
        x_label = f"{t('survey.percent', language)} (n = {base_text(question, min_cell)})"
        axes.set_xlabel(x_label, fontsize=10)
        axes.tick_params(axis="x", labelsize=9)
        value_texts: list[tuple[float, str]] = []
        for position, option in zip(positions, rows):
            if option.suppressed:
                # a lone colon beside an empty bar is easily missed: the secondary mark is said in a word as well
                shown = (
                    t("survey.secondary_in_chart", language)
                    if option.suppressed == SECONDARY
                    else mark_text(option.suppressed, min_cell)
                )
                at, colour = top * 0.01, MARK_COLOUR
            elif option.percent is not None:
                shown, at, colour = format_percent(option.percent, language, 0), option.percent + top * 0.01, "black"
            else:
                continue
            axes.text(at, position, shown, va="center", ha="left", fontsize=10, color=colour)
            value_texts.append((at, shown))
        left = self.left_margin(names)
        title = self.fit_title(question.text, FIGURE_WIDTH * DPI - left - self.pad())
        axes.set_title(title, fontsize=11, loc="left")
        # the notes under the chart: several answers allowed, and what each mark it shows means
        notes = [t("survey.multiple_note", language)] if question.type == "multiple" else []
        notes += mark_notes({o.suppressed for o in rows} | {question.base_suppressed} - {None}, min_cell, language)
        # wrapped to the figure's measured width, as the title is: a count of characters let a line run off the edge
        room = FIGURE_WIDTH * DPI * 0.98 - self.pad()
        lines = [line for note in notes for line in self.fit_text(note, NOTE_WIDTH, 9, room).split("\n")]
        if lines:
            figure.text(0.01, 0.01, "\n".join(lines), fontsize=9, color=MARK_COLOUR, va="bottom")
        note_share = len(lines) * NOTE_LINE * DPI / 72 / (height * DPI) + (0.01 if lines else 0.0)
        self.note_share = note_share  # share of the figure's height below the axes kept for the notes
        self.place_axes(left, title, x_label, value_texts, top * 1.12, height, note_share, max(line_count, 1))

    def wrapped_labels(self, labels: list[str], codes: list[str]) -> list[str]:
        """Option labels wrapped at LABEL_WIDTH characters, or narrower when that would leave the bars less than
        about half the chart (a narrow chart, printed and on a phone, with long words in its labels)."""
        for width in (LABEL_WIDTH, 24, 20, 16, 12):
            names = ["\n".join(textwrap.wrap(label, width)) or code for label, code in zip(labels, codes)]
            if self.left_margin(names) <= MAX_LABEL_SHARE * FIGURE_WIDTH * DPI:
                break
        return names

    @staticmethod
    def pad() -> float:
        """tight_layout's space between the figure's edge and the chart, in pixels."""
        from matplotlib import rcParams

        return LAYOUT_PAD * rcParams["font.size"] * DPI / 72

    def left_margin(self, names: list[str]) -> float:
        """Pixels left of the axes: the pad, the widest option label and the tick beside it."""
        from matplotlib import rcParams

        tick = (rcParams["ytick.major.size"] + rcParams["ytick.major.pad"]) * DPI / 72
        reach = max((-self.extent(name, 10, "right", "center_baseline")[0] for name in names), default=0.0)
        return self.pad() + tick + reach

    def fit_title(self, text: str, room: float) -> str:
        """The question wrapped at TITLE_WIDTH characters, or narrower when long option labels leave less room
        than that right of them (the title starts where the bars do)."""
        return self.fit_text(text, TITLE_WIDTH, 11, room)

    def fit_text(self, text: str, width: int, size: float, room: float) -> str:
        """`text` wrapped at `width` characters, or narrower until its widest line fits `room` pixels at `size`."""
        while True:
            wrapped = "\n".join(textwrap.wrap(text, width))
            if width <= 10 or self.extent(wrapped, size, "left", "baseline")[2] <= room:
                return wrapped
            width -= 5

    def place_axes(
        self,
        left: float,
        title: str,
        x_label: str,
        value_texts: list[tuple[float, str]],
        x_end: float,
        height: float,
        note_height: float,
        label_lines: int,
    ) -> None:
        """Margins that just hold the option labels, title, axis texts and percentages, as `tight_layout` sets them:
        the pad from the figure's edge, then each text at the distance from the axes that matplotlib draws it at.
        A title of many lines makes the figure taller rather than squeezing the bars."""
        from matplotlib import rcParams

        axes = self.axes
        points = DPI / 72  # pixels per point
        pad = self.pad()
        width_px, height_px = FIGURE_WIDTH * DPI, height * DPI
        x_tick = (rcParams["xtick.major.size"] + rcParams["xtick.major.pad"]) * points
        tick_depth = -self.extent("0123456789", 9, "center", "top")[1]  # a line of 9-point digits
        label_depth = -self.extent(x_label, 10, "center", "top")[1]
        below = pad + x_tick + tick_depth + rcParams["axes.labelpad"] * points + label_depth
        title_rise = self.extent(title, 11, "left", "baseline")[3] if title else 0.0
        upper = pad + rcParams["axes.titlepad"] * points + title_rise
        least = MIN_AXES_HEIGHT * DPI * label_lines
        if height_px * (1 - note_height) - below - upper < least:
            height_px = (below + upper + least) / (1 - note_height)
            self.figure.set_size_inches(FIGURE_WIDTH, height_px / DPI)
            height_px = self.figure.bbox.height  # whole pixels, as the canvas will be
        bottom = below + note_height * height_px
        self.figure.subplots_adjust(
            left=left / width_px, right=1 - pad / width_px, bottom=bottom / height_px, top=1 - upper / height_px
        )
        # a percentage or the last tick label may reach past the axes' right end (the ticks depend on the axes'
        # length, hence after the first placement)
        ticks = [t for t in axes.xaxis.get_major_locator()() if 0 <= t <= x_end]
        tick_texts = axes.xaxis.get_major_formatter().format_ticks(ticks)
        axes_width = width_px - left - pad
        scale = axes_width / x_end
        # a text at the share `at / x_end` of the axes moves left by only that share of what the axes give up, so
        # the axes give up its overhang divided by that share (as tight_layout finds it)
        reaches = [(at, self.extent(text, 10, "left", "center")[2]) for at, text in value_texts]
        reaches += [(tick, self.extent(text, 9, "center", "top")[2]) for tick, text in zip(ticks, tick_texts)]
        overhang = max(
            [(at * scale + reach - axes_width) / (at / x_end) for at, reach in reaches if at > 0] + [0.0]
        )
        if overhang > 0:
            self.figure.subplots_adjust(right=1 - (pad + overhang) / width_px)
