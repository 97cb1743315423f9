"""The week heatmap of the gap analysis: how many services are open, hour by hour, one small panel per offer.

Each panel is a week as people read a timetable: the seven days down, the 24 hours across, so that the figure is
narrow enough to print at full size on A4 and to read on a phone (its text is 10–12 points at the size it is
printed). The colours are one blue from light to dark (ColorBrewer's Blues: told apart by lightness, so they read
alike to colour-blind readers and in greyscale), the count written in each cell, and an hour with nothing open is
hatched grey, unlike every count.

matplotlib is imported here only, and only through the object-oriented API on an Agg canvas: no pyplot, so no
global figure state and no GUI backend, whatever else the process has imported.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from hkh.i18n import t
from hkh.project import hours

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hkh.analysis.gaps import GapAnalysis
    from hkh.outputs.charts.cache import FigureJob

# ColorBrewer "Blues", light to dark (a count of 1 is the lightest blue; "nothing open" is not on this scale)
SCALE = ("#C6DBEF", "#9ECAE1", "#6BAED6", "#4292C6", "#2171B5", "#08519C", "#08306B")
DARK_FROM = 3  # from this step of the scale on, counts are written in white
NOTHING_OPEN = "#EDEDED"
HATCH_COLOUR = "#9A9A9A"
WIDTH_INCHES = 6.3  # the text width of an A4 page: printed at full size
PANEL_HEIGHT_INCHES = 1.55
HOURS_SHOWN = range(0, 24, 3)
DPI = 150


def count_step(count: int, highest: int) -> int:
    """The step of SCALE for `count` services open (count ≥ 1) when at most `highest` are."""
    if highest <= len(SCALE):
        step = count - 1 if highest > 2 else min(2 * (count - 1) + 1, len(SCALE) - 1)
    else:
        step = round((count - 1) / (highest - 1) * (len(SCALE) - 1))
    return max(0, min(step, len(SCALE) - 1))


def count_colour(count: int, highest: int) -> tuple[str, str]:
    """The fill and the ink (hex, no '#') for `count` services open when at most `highest` are: a step of SCALE."""
    if count <= 0:
        return NOTHING_OPEN.lstrip("#"), "000000"
    step = count_step(count, highest)
    return SCALE[step].lstrip("#"), ("FFFFFF" if step >= DARK_FROM else "1D1D1B")


def _panel_title(row: Any, language: str) -> str:
    title = row.label
    if row.hours_unknown:
        # a hatched row may only mean that nobody wrote the hours down: say so beside the offer
        title += f" ({t('gaps.with_unknown_hours', language).format(n=row.hours_unknown)})"
    return title


def _figure(result: GapAnalysis) -> Any:
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import BoundaryNorm, ListedColormap
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch, Rectangle

    language = result.language
    rows = result.week
    highest = max((count for row in rows for day in row.counts for count in day), default=0)
    # many offers: panels side by side, so that the figure still fits one printed page
    columns = 1 if len(rows) <= 5 else 2 if len(rows) <= 10 else 3
    panel_rows = max(-(-len(rows) // columns), 1)
    panel_height = PANEL_HEIGHT_INCHES if columns == 1 else 1.05
    legend_height = 0.95
    figure = Figure(figsize=(WIDTH_INCHES, legend_height + panel_height * panel_rows), dpi=DPI)
    FigureCanvasAgg(figure)
    days = [t(f"hours.day_short_{key}", language) for key in hours.DAY_KEYS]
    small = 8.5 if columns == 1 else 6.5
    grid = figure.add_gridspec(
        panel_rows, columns, left=0.1 if columns == 1 else 0.06, right=0.985 if columns == 1 else 0.96,
        top=1 - legend_height / figure.get_figheight(), bottom=0.35 / figure.get_figheight(),
        hspace=0.75, wspace=0.25,
    )
    for index, row in enumerate(rows):
        axes = figure.add_subplot(grid[index // columns, index % columns])
        # the hatch of "nothing open" under the whole week, and one mesh of coloured cells over it in which the
        # hours with nothing open are left out (two artists per panel, not one per cell: a cell each made the
        # figure take seconds to draw and its SVG megabytes)
        axes.add_patch(Rectangle((0, 0), 24, 7, facecolor=NOTHING_OPEN, edgecolor=HATCH_COLOUR, hatch="////",
                                 linewidth=0))
        counts = np.array(row.counts, dtype=int)
        steps = np.ma.masked_less_equal(
            np.vectorize(lambda count: count_step(count, highest) if count > 0 else -1)(counts), -1
        )
        axes.pcolormesh(
            np.arange(25), np.arange(8), steps, cmap=ListedColormap(SCALE),
            norm=BoundaryNorm(np.arange(len(SCALE) + 1) - 0.5, len(SCALE)), edgecolors="white", linewidth=0.6,
        )
        if columns == 1:
            for day, day_counts in enumerate(row.counts):
                for hour, count in enumerate(day_counts):
                    if count > 0:
                        ink = count_colour(count, highest)[1]
                        axes.text(hour + 0.5, day + 0.55, str(count), ha="center", va="center", fontsize=6.5,
                                  color=f"#{ink}")
        axes.set_xlim(0, 24)
        axes.set_ylim(7, 0)
        axes.set_yticks([day + 0.5 for day in range(7)], labels=days, fontsize=small)
        shown_hours = HOURS_SHOWN if columns == 1 else range(0, 24, 6)
        axes.set_xticks(list(shown_hours), labels=[f"{hour:02d}" for hour in shown_hours], fontsize=small)
        axes.tick_params(length=0, pad=2)
        for spine in axes.spines.values():
            spine.set_visible(False)
        axes.set_title(_panel_title(row, language), fontsize=10.5 if columns == 1 else 7.5, loc="left", pad=3,
                       fontweight="bold" if row.offer is None else "normal")
    # the legend: every count the figure uses, and the hatch for nothing open
    handles = [Patch(facecolor=NOTHING_OPEN, edgecolor=HATCH_COLOUR, hatch="////", linewidth=0,
                     label=t("layout.nothing_open", language))]
    # one entry per colour, labelled with the counts it stands for ("4–6")
    by_colour: dict[str, list[int]] = {}
    for level in range(1, highest + 1):
        by_colour.setdefault(count_colour(level, highest)[0], []).append(level)
    for colour, levels in by_colour.items():
        label = str(levels[0]) if len(levels) == 1 else f"{levels[0]}–{levels[-1]}"
        handles.append(Patch(facecolor=f"#{colour}", label=label))
    figure.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.02, 1 - 0.05 / figure.get_figheight()),
                  ncol=len(handles), frameon=False, fontsize=8.5, handlelength=1.4, columnspacing=1.0,
                  title=t("gaps.efforts_open", language), title_fontsize=8.5, alignment="left")
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
