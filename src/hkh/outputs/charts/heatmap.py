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

# ColorBrewer "Blues", light to dark (a count of 1 is the lightest blue; "nothing open" is not on this scale)
SCALE = ("#C6DBEF", "#9ECAE1", "#6BAED6", "#4292C6", "#2171B5", "#08519C", "#08306B")
DARK_FROM = 3  # from this step of the scale on, counts are written in white
NOTHING_OPEN = "#EDEDED"
HATCH_COLOUR = "#9A9A9A"
WIDTH_INCHES = 6.3  # the text width of an A4 page: printed at full size
PANEL_HEIGHT_INCHES = 1.55
HOURS_SHOWN = range(0, 24, 3)
DPI = 150


def count_colour(count: int, highest: int) -> tuple[str, str]:
    """The fill and the ink (hex, no '#') for `count` services open when at most `highest` are: a step of SCALE."""
    if count <= 0:
        return NOTHING_OPEN.lstrip("#"), "000000"
    if highest <= len(SCALE):
        step = count - 1 if highest > 2 else min(2 * (count - 1) + 1, len(SCALE) - 1)
    else:
        step = round((count - 1) / (highest - 1) * (len(SCALE) - 1))
    step = max(0, min(step, len(SCALE) - 1))
    return SCALE[step].lstrip("#"), ("FFFFFF" if step >= DARK_FROM else "1D1D1B")


def _panel_title(row: Any, language: str) -> str:
    title = row.label
    if row.hours_unknown:
        # a hatched row may only mean that nobody wrote the hours down: say so beside the offer
        title += f" ({t('gaps.with_unknown_hours', language).format(n=row.hours_unknown)})"
    return title


def _figure(result: GapAnalysis) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch, Rectangle

    language = result.language
    rows = result.week
    highest = max((count for row in rows for day in row.counts for count in day), default=0)
    legend_height = 0.75
    figure = Figure(figsize=(WIDTH_INCHES, legend_height + PANEL_HEIGHT_INCHES * max(len(rows), 1)), dpi=DPI)
    FigureCanvasAgg(figure)
    days = [t(f"hours.day_short_{key}", language) for key in hours.DAY_KEYS]
    grid = figure.add_gridspec(
        max(len(rows), 1), 1, left=0.1, right=0.985, top=1 - legend_height / figure.get_figheight(),
        bottom=0.04, hspace=0.62,
    )
    for index, row in enumerate(rows):
        axes = figure.add_subplot(grid[index, 0])
        for day, counts in enumerate(row.counts):
            for hour, count in enumerate(counts):
                if count <= 0:
                    axes.add_patch(Rectangle((hour, day), 1, 1, facecolor=NOTHING_OPEN, edgecolor=HATCH_COLOUR,
                                             hatch="////", linewidth=0))
                    continue
                fill, ink = count_colour(count, highest)
                axes.add_patch(Rectangle((hour, day), 1, 1, facecolor=f"#{fill}", edgecolor="white", linewidth=0.6))
                axes.text(hour + 0.5, day + 0.55, str(count), ha="center", va="center", fontsize=6.5, color=f"#{ink}")
        axes.set_xlim(0, 24)
        axes.set_ylim(7, 0)
        axes.set_yticks([day + 0.5 for day in range(7)], labels=days, fontsize=8.5)
        axes.set_xticks(list(HOURS_SHOWN), labels=[f"{hour:02d}" for hour in HOURS_SHOWN], fontsize=8.5)
        axes.tick_params(length=0, pad=2)
        for spine in axes.spines.values():
            spine.set_visible(False)
        axes.set_title(_panel_title(row, language), fontsize=10.5, loc="left", pad=4,
                       fontweight="bold" if row.offer is None else "normal")
    # the legend: every count the figure uses, and the hatch for nothing open
    handles = [Patch(facecolor=NOTHING_OPEN, edgecolor=HATCH_COLOUR, hatch="////", linewidth=0,
                     label=t("layout.nothing_open", language))]
    levels = range(1, highest + 1) if highest <= len(SCALE) else sorted({1, highest, *range(1, highest, max(highest // 5, 1))})
    for level in levels:
        handles.append(Patch(facecolor=f"#{count_colour(level, highest)[0]}", label=str(level)))
    figure.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.1, 1 - 0.3 / figure.get_figheight()),
                  ncol=len(handles), frameon=False, fontsize=8.5, handlelength=1.4, columnspacing=1.0,
                  title=t("gaps.efforts_open", language), title_fontsize=8.5, alignment="left")
    return figure


def week_heatmap_png(result: GapAnalysis) -> bytes:
    """The heatmap as PNG (for the Word report and out/figurer/)."""
    figure = _figure(result)
    buffer = io.BytesIO()
    # no timestamp or version in the file, so the same data gives the same bytes (and the output guard stays quiet)
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    return buffer.getvalue()


def week_heatmap_svg(result: GapAnalysis) -> str:
    """The heatmap as SVG with its text as text (for the HTML report: it scales and can be searched)."""
    from hkh.outputs.charts.svg import figure_svg

    return figure_svg(_figure(result))
