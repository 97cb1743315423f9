"""The week heatmap of the gap analysis: how many efforts are open, hour by hour, one row per offer tag.

matplotlib is imported here only, and only through the object-oriented API on an Agg canvas: no pyplot, so no
global figure state and no GUI backend, whatever else the process has imported.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from hkh.i18n import t
from hkh.project import hours

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hkh.analysis.gaps import GapAnalysis
    from hkh.outputs.charts.cache import FigureJob

NOBODY_OPEN = "#f4cccc"  # pale red: the hours nobody covers should catch the eye
DAY_SEPARATOR = "white"
ROW_HEIGHT_INCHES = 0.42
WIDTH_INCHES = 15.0


def week_heatmap_png(result: GapAnalysis) -> bytes:
    """A PNG: rows are "all efforts" and then each offer tag; columns are the 168 hours of the week, Monday first.
    Drawn once per content (`hkh.outputs.charts.cache`): the gaps step and the report share it."""
    from hkh.outputs.charts.cache import FIGURES

    return FIGURES.figure(heatmap_job(result))


def heatmap_job(result: GapAnalysis) -> FigureJob:
    """The heatmap as a figure to draw, keyed by what it shows."""
    from hkh.outputs.charts.cache import FigureJob

    shows = {"language": result.language, "rows": [[row.label, row.hours_unknown, row.counts] for row in result.week]}
    return FigureJob("week-heatmap", shows, lambda: _draw(result))


def _draw(result: GapAnalysis) -> bytes:
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.colors import BoundaryNorm, ListedColormap
    from matplotlib.figure import Figure

    language = result.language
    rows = result.week
    grid = [[count for day in row.counts for count in day] for row in rows]
    highest = max((max(line) for line in grid), default=0)
    highest = max(highest, 1)

    ramp = matplotlib.colormaps["YlGnBu"]
    colours = [NOBODY_OPEN] + [ramp(0.25 + 0.7 * (level - 1) / max(highest - 1, 1)) for level in range(1, highest + 1)]
    cmap = ListedColormap(colours)
    norm = BoundaryNorm([level - 0.5 for level in range(highest + 2)], cmap.N)

    height = 1.6 + ROW_HEIGHT_INCHES * len(rows)
    figure = Figure(figsize=(WIDTH_INCHES, height))
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    image = axes.imshow(grid, aspect="auto", cmap=cmap, norm=norm, interpolation="nearest")

    axes.set_yticks(range(len(rows)))
    # a row of pale red may only mean that nobody wrote the hours down: say so beside the tag
    axes.set_yticklabels(
        [
            row.label + (f"\n({t('gaps.with_unknown_hours', language).format(n=row.hours_unknown)})" if row.hours_unknown else "")
            for row in rows
        ],
        fontsize=9,
    )
    if rows:
        axes.get_yticklabels()[0].set_fontweight("bold")
    hours_in_week = 7 * 24
    axes.set_xticks([day * 24 + hour - 0.5 for day in range(7) for hour in (0, 6, 12, 18)])
    axes.set_xticklabels([f"{hour:02d}" for _day in range(7) for hour in (0, 6, 12, 18)], fontsize=7)
    axes.set_xlim(-0.5, hours_in_week - 0.5)
    for day in range(1, 7):
        axes.axvline(day * 24 - 0.5, color=DAY_SEPARATOR, linewidth=2.5)
    if len(rows) > 1:
        # the first row is the total of all efforts; set it apart from the rows per offer
        axes.axhline(0.5, color=DAY_SEPARATOR, linewidth=3)
    top = axes.secondary_xaxis("top")
    top.set_xticks([day * 24 + 11.5 for day in range(7)])
    top.set_xticklabels([t(f"hours.day_{key}", language).capitalize() for key in hours.DAY_KEYS], fontsize=10)
    top.tick_params(length=0)
    for spine in axes.spines.values():
        spine.set_visible(False)

    colourbar = figure.colorbar(image, ax=axes, ticks=range(highest + 1), fraction=0.025, pad=0.01)
    colourbar.set_label(t("gaps.efforts_open", language), fontsize=9)
    colourbar.ax.tick_params(labelsize=8)
    axes.set_title(t("gaps.heatmap_title", language), fontsize=12, loc="left", pad=26)
    figure.text(0.01, 0.01, t("gaps.week_note", language), fontsize=8, color="#555555")
    figure.tight_layout(rect=(0, 0.03, 1, 1))

    buffer = io.BytesIO()
    # no timestamp or version in the file, so the same data gives the same bytes (and the output guard stays quiet)
    figure.savefig(buffer, format="png", dpi=130, metadata={"Software": None})
    return buffer.getvalue()
