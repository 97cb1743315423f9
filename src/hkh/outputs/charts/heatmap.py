"""The week heatmap of the gap analysis: how many services are open, hour by hour.

Each panel is a week as people read a timetable: the seven days down, the 24 hours across. "All services" comes
first, as a panel of its own with its own colour scale and the count written in each hour; below it one small
panel per kind of service, on a scale of their own, so that 1, 2 and 3 open are far apart (on one scale up to 17,
they were all the palest blue). The figure is the width of an A4 page's text and printed at full size, where no
text is under 7 points. The colours are one blue from light to dark (ColorBrewer's Blues: told apart by
lightness, so they read alike to colour-blind readers and in greyscale), and an hour with nothing open is hatched
grey, unlike every count.

matplotlib is imported here only, and only through the object-oriented API on an Agg canvas: no pyplot, so no
global figure state and no GUI backend, whatever else the process has imported.
"""

from __future__ import annotations

import io
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from hkh.i18n import t
from hkh.outputs.tags import tag_as_name
from hkh.project import hours

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hkh.analysis.gaps import GapAnalysis
    from hkh.outputs.charts.cache import FigureJob

# ColorBrewer "Blues", light to dark: told apart by lightness, so they read alike to colour-blind readers and in
# greyscale. "Nothing open" is not on this scale: it is hatched grey.
SCALE = ("#C6DBEF", "#9ECAE1", "#6BAED6", "#4292C6", "#2171B5", "#08519C", "#08306B")
DARK_FROM = 3  # from this step of the scale on, counts are written in white
NOTHING_OPEN = "#EDEDED"
HATCH_COLOUR = "#9A9A9A"
DPI = 150
WIDTH_INCHES = 6.3  # the text width of an A4 page: printed at full size, where no text is under 7 pt
MOST_CLASSES_ALL = 7  # colours for "all services", whose counts are also written in its cells
MOST_CLASSES_OFFER = 5  # fewer colours for the small panels, so that 1, 2 and 3 open are far apart in lightness
GUIDE_HOURS = (6, 12, 18)  # white guide lines in the small panels, where only these hours are written


def count_classes(highest: int, most: int = MOST_CLASSES_ALL) -> list[tuple[int, int]]:
    """The counts each colour stands for, as (first, last): one colour each for the small counts (1, 2 and 3 open
    are what a reader of a timetable compares), the larger ones shared in ranges of about equal width."""
    if highest <= 0:
        return []
    if highest <= most:
        return [(count, count) for count in range(1, highest + 1)]
    singles = min(3, most - 1)
    classes = [(count, count) for count in range(1, singles + 1)]
    rest, bins = highest - singles, most - singles
    first = singles + 1
    for index in range(bins):
        last = singles + round(rest * (index + 1) / bins)
        classes.append((first, max(first, last)))
        first = last + 1
    return classes


def _class_steps(classes: int) -> list[int]:
    """Steps of SCALE for `classes` colours, spread over the whole scale (two classes: the lightest and darkest)."""
    if classes <= 1:
        return [DARK_FROM] * classes
    return [int(index * (len(SCALE) - 1) / (classes - 1) + 0.5) for index in range(classes)]


def count_step(count: int, highest: int, most: int = MOST_CLASSES_ALL) -> int:
    """The step of SCALE for `count` services open (count ≥ 1) when at most `highest` are."""
    classes = count_classes(highest, most)
    steps = _class_steps(len(classes))
    for (first, last), step in zip(classes, steps, strict=True):
        if first <= count <= last:
            return step
    return steps[-1] if steps else 0


def count_colour(count: float, highest: float, most: int = MOST_CLASSES_ALL) -> tuple[str, str]:
    """The fill and the ink (hex, no '#') for `count` services open when at most `highest` are: a step of SCALE.
    A period's counts are means over its days: coloured as the whole number of services they round to."""
    count, highest = round(count), round(highest)
    if count <= 0:
        return NOTHING_OPEN.lstrip("#"), "000000"
    step = count_step(count, highest, most)
    return SCALE[step].lstrip("#"), ("FFFFFF" if step >= DARK_FROM else "1D1D1B")


def _panel_title(row: Any, language: str) -> str:
    title = row.label if row.offer is None else tag_as_name(row.label)
    if row.hours_unknown:
        # a hatched row may only mean that nobody wrote the hours down: say so beside the offer
        title += f" ({t('gaps.with_unknown_hours', language).format(n=row.hours_unknown)})"
    return title


class _Layout:
    """Where things go, in inches from the top left. The figure is one axes in inches, with every panel drawn at
    its place in it: no axes, ticks or gridspec per panel (they were most of the drawing time), so its size follows
    its content and drawing it stays cheap."""

    legend = 0.42
    all_title, all_cell, all_axis = 0.26, 0.18, 0.2
    gap = 0.22
    offer_title, offer_cell, offer_axis, offer_space = 0.2, 0.082, 0.16, 0.06
    day_labels = 0.34  # room left of each panel for "man", "tir" ...

    def __init__(self, offers: int, has_all: bool) -> None:
        self.columns = 1 if offers <= 3 else 2 if offers <= 6 else 3
        self.offer_rows = -(-offers // self.columns) if offers else 0
        self.cell = self.all_cell if self.columns == 1 else self.offer_cell
        self.offer_panel = self.offer_title + 7 * self.cell + self.offer_axis + self.offer_space
        self.all_panel = (self.legend + self.all_title + 7 * self.all_cell + self.all_axis + self.gap) if has_all else 0
        self.offer_block = (self.legend + self.offer_panel * self.offer_rows) if offers else 0
        self.height = self.all_panel + self.offer_block + 0.02


def _draw_panel(axes: Any, left: float, top: float, width: float, cell_height: float, row: Any, highest: int,
                most: int, written: bool, days: list[str], language: str, bold: bool) -> None:
    """One week as a timetable at (left, top), in inches: the days down, the hours across; one mesh of coloured
    cells over one hatched rectangle (two artists per panel, not one per cell: a cell each made the figure take
    seconds to draw), and its words as plain text."""
    import numpy as np
    from matplotlib.colors import BoundaryNorm, ListedColormap
    from matplotlib.patches import Rectangle

    cell_width = width / 24
    axes.add_patch(Rectangle((left, top), width, 7 * cell_height, facecolor=NOTHING_OPEN, edgecolor=HATCH_COLOUR,
                             hatch="////", linewidth=0))
    counts = np.array(row.counts, dtype=int)
    lookup = np.array([-1] + [count_step(count, highest, most) for count in range(1, max(highest, 1) + 1)])
    steps = lookup[np.clip(counts, 0, max(highest, 0))]
    if written:
        # counts written in the cells: one cell per hour, white lines between them
        edges = list(range(25))
        edge_colour, edge_width = "white", 0.5
    else:
        # a small panel: hours with the same colour on every day share one column, so that a run of open hours is
        # one bar (and the figure a few hundred shapes, not thousands); white lines mark the days and every 6 hours
        changes = {hour for hour in range(1, 24) if (steps[:, hour] != steps[:, hour - 1]).any()}
        edges = sorted({0, 24, *GUIDE_HOURS} | changes)
        steps = steps[:, edges[:-1]]
        edge_colour, edge_width = "none", 0.0
    axes.pcolormesh(
        left + np.array(edges) * cell_width, top + np.arange(8) * cell_height, np.ma.masked_less(steps, 0),
        cmap=ListedColormap(SCALE), norm=BoundaryNorm(np.arange(len(SCALE) + 1) - 0.5, len(SCALE)),
        edgecolors=edge_colour, linewidth=edge_width,
    )
    if not written:
        # the days and the 6-hour guides as one white line with gaps (one shape, however many segments)
        xs: list[float] = []
        ys: list[float] = []
        for day in range(1, 7):
            xs += [left, left + width, np.nan]
            ys += [top + day * cell_height] * 2 + [np.nan]
        for hour in GUIDE_HOURS:
            xs += [left + hour * cell_width] * 2 + [np.nan]
            ys += [top, top + 7 * cell_height, np.nan]
        axes.plot(xs, ys, color="white", linewidth=0.9, solid_capstyle="butt")
    if written:
        for day, day_counts in enumerate(row.counts):
            for hour, count in enumerate(day_counts):
                if count > 0:
                    axes.text(left + (hour + 0.5) * cell_width, top + (day + 0.56) * cell_height, str(count),
                              ha="center", va="center", fontsize=7, color=f"#{count_colour(count, highest, most)[1]}")
    small = 8 if written else 7
    for day, name in enumerate(days):
        axes.text(left - 0.04, top + (day + 0.5) * cell_height, name, ha="right", va="center", fontsize=small)
    for hour in range(0, 24, 3) if written else (0, *GUIDE_HOURS):
        axes.text(left + hour * cell_width, top + 7 * cell_height + 0.03, f"{hour:02d}", ha="center", va="top",
                  fontsize=small)
    axes.text(left, top - 0.05, _panel_title(row, language), ha="left", va="bottom", fontsize=9.5 if written else 8,
              fontweight="bold" if bold else "normal")


def _legend(figure: Any, top: float, highest: int, most: int, title: str, language: str) -> None:
    """One entry per colour, labelled with the counts it stands for ("4–7"), after the hatch for nothing open."""
    from matplotlib.patches import Patch

    height = figure.get_figheight()
    handles = [Patch(facecolor=NOTHING_OPEN, edgecolor=HATCH_COLOUR, hatch="////", linewidth=0,
                     label=t("layout.nothing_open", language))]
    for first, last in count_classes(highest, most):
        colour = count_colour(first, highest, most)[0]
        handles.append(Patch(facecolor=f"#{colour}", label=str(first) if first == last else f"{first}–{last}"))
    figure.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, 1 - top / height), ncol=len(handles),
                  frameon=False, fontsize=8, handlelength=1.3, handletextpad=0.4, columnspacing=0.9,
                  title=title, title_fontsize=8, alignment="left", borderaxespad=0.2)


def _figure(result: GapAnalysis) -> Any:
    import matplotlib

    matplotlib.rcParams["text.parse_math"] = False  # `$x$` in a label is text, not a formula
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    language = result.language
    # a period's counts are means over its days: drawn and written as the whole number of services they round to
    week = [replace(row, counts=[[round(count) for count in day] for day in row.counts]) for row in result.week]
    everything = next((row for row in week if row.offer is None), None)
    offers = [row for row in week if row.offer is not None]
    layout = _Layout(len(offers), everything is not None)
    width, height = WIDTH_INCHES, layout.height
    figure = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_xlim(0, width)
    axes.set_ylim(height, 0)
    axes.set_axis_off()
    days = [t(f"hours.day_short_{key}", language) for key in hours.DAY_KEYS]

    top = 0.0
    if everything is not None:
        # all services: a panel of its own, its own scale, and the count written in each cell
        highest = round(max((max(day) for day in everything.counts), default=0))
        _legend(figure, top, highest, MOST_CLASSES_ALL, t("charts.heatmap_all_legend", language), language)
        top += layout.legend + layout.all_title
        _draw_panel(axes, layout.day_labels, top, width - layout.day_labels - 0.05, layout.all_cell, everything,
                    highest, MOST_CLASSES_ALL, True, days, language, bold=True)
        top += 7 * layout.all_cell + layout.all_axis + layout.gap
    if offers:
        # each kind of service: one scale shared by these panels (a colour means the same in each), apart from the
        # "all services" scale, on which 1 and 2 open would both be the palest blue
        highest = round(max((max(day) for row in offers for day in row.counts), default=0))
        written = layout.columns == 1
        most = MOST_CLASSES_ALL if written else MOST_CLASSES_OFFER
        _legend(figure, top, highest, most, t("charts.heatmap_offer_legend", language), language)
        top += layout.legend
        column_width = width / layout.columns
        for index, row in enumerate(offers):
            column, line = index % layout.columns, index // layout.columns
            _draw_panel(axes, column * column_width + layout.day_labels, top + line * layout.offer_panel
                        + layout.offer_title, column_width - layout.day_labels - 0.12, layout.cell, row, highest,
                        most, written, days, language, bold=False)
    return figure


def week_heatmap_png(result: GapAnalysis) -> bytes:
    """The heatmap as PNG (for the Word report and out/figurer/), drawn once per content
    (`hkh.outputs.charts.cache`): the gaps step and the report share it."""
    from hkh.outputs.charts.cache import FIGURES

    return FIGURES.figure(heatmap_job(result, "png"))


def week_heatmap_svg(result: GapAnalysis) -> str:
    """The heatmap as SVG with its text as text (for the HTML report: it scales and can be searched)."""
    from hkh.outputs.charts.cache import FIGURES

    return FIGURES.figure(heatmap_job(result, "svg")).decode("utf-8")


def heatmap_job(result: GapAnalysis, fmt: str) -> FigureJob:
    """The heatmap as a figure to draw, keyed by what it shows."""
    from hkh.outputs.charts.cache import FigureJob

    shows = {
        "language": result.language,
        "rows": [[row.label, row.offer is None, row.hours_unknown, row.counts] for row in result.week],
    }
    return FigureJob("week-heatmap", shows, lambda: _draw(result, fmt), fmt)


def _draw(result: GapAnalysis, fmt: str) -> bytes:
    figure = _figure(result)
    if fmt == "svg":
        from hkh.outputs.charts.svg import figure_svg

        return figure_svg(figure).encode("utf-8")
    buffer = io.BytesIO()
    # no timestamp or version in the file, so the same data gives the same bytes (and the output guard stays quiet)
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()
