"""Statistics tables (data/stats/) drawn: a line chart for a year series, grouped bars otherwise; and the same
numbers as a table to print under the chart."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from hkh.analysis.stats import StatsTable
from hkh.i18n.formats import format_quantity, month_name

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hkh.outputs.charts.cache import FigureJob

# Sober, print-safe colours that stay apart in greyscale; the first matches the plan workbook's header colour.
PALETTE = ("#1F4E79", "#C55A11", "#7F7F7F", "#548235", "#7030A0", "#BF9000")


_YEAR_MONTH = re.compile(r"^((?:19|20)\d\d)-(0[1-9]|1[0-2])$")


def category_labels(table: StatsTable, language: str) -> list[str]:
    """Categories as a reader says them: `2019-08` is "august 2019" (years and text stay as they are)."""
    if table.categories and all(_YEAR_MONTH.match(category) for category in table.categories):
        shown = []
        for category in table.categories:
            year, month = category.split("-")
            shown.append(f"{month_name(int(month), language)} {year}")
        return shown
    return list(table.categories)




def figure_png(figure: Any) -> bytes:
    """A drawn matplotlib figure as PNG bytes, without the timestamp metadata that would make every run differ."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150, bbox_inches="tight", metadata={"Software": None})
    plt.close(figure)
    return buffer.getvalue()


def stats_chart_png(table: StatsTable, language: str) -> bytes:
    """A line chart for a year series, grouped bars otherwise, as PNG (for the Word report); drawn once per
    content (`hkh.outputs.charts.cache`)."""
    from hkh.outputs.charts.cache import FIGURES

    return FIGURES.figure(stats_chart_job(table, language, "png"))


def stats_chart_svg(table: StatsTable, language: str) -> str:
    """The same chart as SVG with its text as text (for the HTML report)."""
    from hkh.outputs.charts.cache import FIGURES

    return FIGURES.figure(stats_chart_job(table, language, "svg")).decode("utf-8")


def stats_chart_job(table: StatsTable, language: str, fmt: str) -> FigureJob:
    """The chart as a figure to draw, keyed by what it shows."""
    import dataclasses

    from hkh.outputs.charts.cache import FigureJob

    shows = {"language": language, **dataclasses.asdict(table), "path": None}  # where the file lies is not drawn
    return FigureJob("statistics", shows, lambda: _draw(table, language, fmt), fmt)


def _draw(table: StatsTable, language: str, fmt: str) -> bytes:
    if fmt == "png":
        return figure_png(_stats_figure(table, language))
    import matplotlib.pyplot as plt

    from hkh.outputs.charts.svg import figure_svg

    figure = _stats_figure(table, language)
    try:
        return figure_svg(figure, tight=True).encode("utf-8")
    finally:
        plt.close(figure)


def _stats_figure(table: StatsTable, language: str) -> Any:
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams["text.parse_math"] = False  # `$x$` in a label is text, not a formula
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    # the printed width of a chart, narrow enough that its 9-point text is still about 9 px on a 390 px phone
    figure, axes = plt.subplots(figsize=(4.8, 3.0))
    positions = list(range(len(table.categories)))
    if table.is_year_series:
        for index, series in enumerate(table.series):
            points = [(x, v) for x, v in zip(positions, series.values) if v is not None]
            axes.plot(
                [x for x, _ in points], [v for _, v in points], marker="o", markersize=4, linewidth=2,
                color=PALETTE[index % len(PALETTE)], label=series.name,
            )
    else:
        count = len(table.series)
        width = 0.8 / count
        for index, series in enumerate(table.series):
            offsets = [x - 0.4 + width * (index + 0.5) for x in positions]
            heights = [v if v is not None else 0.0 for v in series.values]
            bars = axes.bar(offsets, heights, width=width * 0.92, color=PALETTE[index % len(PALETTE)], label=series.name)
            if len(table.categories) * count <= 30:
                # small values beside large ones are invisible as bars; the number keeps them readable
                axes.bar_label(
                    bars, labels=["" if v is None else format_quantity(v, language) for v in series.values],
                    padding=2, fontsize=9, color="#404040", fontfamily="sans-serif",
                )
    axes.set_xticks(positions)
    axes.set_xticklabels(category_labels(table, language), rotation=0 if len(table.categories) <= 12 else 45,
                         ha="center" if len(table.categories) <= 12 else "right")
    axes.set_ylim(bottom=0)
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: format_quantity(value, language)))
    axes.grid(axis="y", color="#D9D9D9", linewidth=0.8)
    axes.set_axisbelow(True)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.spines["left"].set_color("#7F7F7F")
    axes.spines["bottom"].set_color("#7F7F7F")
    axes.tick_params(colors="#404040", labelsize=9)
    if len(table.series) == 1:
        axes.set_ylabel(table.unit or table.series[0].name, fontsize=9, color="#404040")
    else:
        if table.unit:
            axes.set_ylabel(table.unit, fontsize=9, color="#404040")
        axes.legend(frameon=False, fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.12),
                    ncol=_legend_columns([series.name for series in table.series]))
    figure.tight_layout()
    return figure


def _legend_columns(names: list[str], room: int = 60) -> int:
    """As many legend entries side by side as fit the chart's width (about `room` characters of 9-point text, with
    the colour key of each): a legend wider than the chart would widen the figure and shrink its text on a phone."""
    for columns in range(min(len(names), 4), 1, -1):
        rows = [names[start:start + columns] for start in range(0, len(names), columns)]
        if max(sum(len(name) + 6 for name in row) for row in rows) <= room:
            return columns
    return 1


def table_rows(table: StatsTable, language: str) -> tuple[list[str], list[list[str]]]:
    """The table as text (header, rows) to print under its chart, so the numbers can be read exactly.

    A year series is laid out with the years across (one row per series), as statistics tables usually are.
    """
    def shown(value: float | None) -> str:
        return "" if value is None else format_quantity(value, language)

    if table.is_year_series:
        return (
            ["", *table.categories],
            [[series.name, *(shown(value) for value in series.values)] for series in table.series],
        )
    header = [table.category_label, *(series.name for series in table.series)]
    rows = [
        [category, *(shown(s.values[i]) for s in table.series)]
        for i, category in enumerate(category_labels(table, language))
    ]
    return header, rows
