"""Bar charts of survey questions (PNG) for the report and for slides.

matplotlib is imported here only, inside the function, with the Agg backend: no display is needed and importing
hkh stays fast. Bars are horizontal so long Norwegian option labels stay readable; each bar carries its percentage.
Suppressed counts get no bar (its length would give the hidden count away) but keep their row, marked "<5".
Non-substantive options ("Vet ikke") are left out: they are not part of the percentage base.
"""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING

from hkh import labels, phrases

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hkh.survey_tables import QuestionTable

BAR_COLOUR = "#2F6690"
MARK_COLOUR = "#6B6B6B"
LABEL_WIDTH = 34  # characters per line of an option label
TITLE_WIDTH = 70
DPI = 150


def chart_png(question: "QuestionTable", language: str, min_cell: int) -> bytes:
    """A horizontal bar chart of one question's percentages, as PNG bytes."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib.figure import Figure

    rows = [o for o in question.options if not o.non_substantive]
    names = ["\n".join(textwrap.wrap(o.label, LABEL_WIDTH)) or str(o.code) for o in rows]
    values = [0.0 if o.percent is None else o.percent for o in rows]
    line_count = sum(name.count("\n") + 1 for name in names)
    height = max(2.4, 0.9 + 0.42 * max(line_count, len(rows)))
    figure = Figure(figsize=(8.0, height), dpi=DPI)
    axes = figure.add_subplot()
    positions = list(range(len(rows)))
    axes.barh(positions, values, color=BAR_COLOUR, height=0.65)
    axes.set_yticks(positions, labels=names, fontsize=10)
    axes.invert_yaxis()
    top = max([100.0 if question.type != "multiple" else 0.0, *values]) if values else 100.0
    axes.set_xlim(0, top * 1.12)
    axes.set_xlabel(
        f"{labels.text('percent', language, labels.SURVEY)} (n = "
        f"{f'<{min_cell}' if question.base_suppressed else question.base})",
        fontsize=10,
    )
    axes.tick_params(axis="x", labelsize=9)
    for position, option in zip(positions, rows):
        if option.suppressed:
            axes.text(top * 0.01, position, f"<{min_cell}", va="center", ha="left", fontsize=10, color=MARK_COLOUR)
        elif option.percent is not None:
            axes.text(
                option.percent + top * 0.01,
                position,
                phrases.format_percent(option.percent, language, 0),
                va="center",
                ha="left",
                fontsize=10,
            )
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    title = "\n".join(textwrap.wrap(question.text, TITLE_WIDTH))
    axes.set_title(title, fontsize=11, loc="left")
    if question.type == "multiple":
        figure.text(0.01, 0.01, labels.text("multiple_note", language, labels.SURVEY), fontsize=8, color=MARK_COLOUR)
    figure.tight_layout(rect=(0, 0.03 if question.type == "multiple" else 0, 1, 1))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()
