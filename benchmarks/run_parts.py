"""The CPU time of each part of `hkh run` on one project, measured in one process: the floor under the run's time.

    python benchmarks/run_parts.py PROJECT      # prints JSON: seconds of CPU per part

Run by benchmarks/run.py on a copy of the example. Each part is measured the first time it runs in the process (as
in a cold `hkh run`: its libraries are imported then), drawing every figure the run draws and writing nothing.
"What plan.yaml touches" is what a run after an edit to plan.yaml must redo: the check, and the triangulation,
gaps, plan and report (the survey step and every figure are kept). The sum of the parts, shared perfectly between
two cores after the parts only one process can do, is the least time any run of this design can take.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def cpu() -> float:
    times = os.times()
    return times.user + times.system


def main(project: Path) -> dict[str, float]:
    parts: dict[str, float] = {}

    def part(name: str, work: Callable[[], Any]) -> Any:
        started = cpu()
        result = work()
        parts[name] = parts.get(name, 0.0) + cpu() - started
        return result

    part("start-up: Python, Typer and hkh's command line", lambda: __import__("hkh.cli"))
    from hkh.pipeline import load_checked

    loaded, _checked = part("check: the five files read and checked", lambda: load_checked(project))
    from hkh.analysis.results import Results

    results = Results(loaded)
    part("analyses: triangulation (counts), gaps, plan, statistics", lambda: (
        results.strengths, results.gaps, results.plan, results.stats
    ))
    part("import pandas", lambda: __import__("pandas"))
    part("survey tables", lambda: [results.survey_tables(sid) for sid in results.survey_ids])
    part("triangulation with survey figures", lambda: results.triangulation)
    part("import matplotlib", lambda: (
        __import__("matplotlib.figure"), __import__("matplotlib.backends.backend_agg"), __import__("matplotlib.pyplot")
    ))

    from hkh.outputs.charts import heatmap, stats, survey
    from hkh.outputs.write import charted_questions

    def survey_charts() -> None:
        for sid in results.survey_ids:
            tables = results.survey_tables(sid)
            for question in charted_questions(results, tables, "cited"):
                survey.chart_png(question, results.language, tables.min_cell)
                survey.chart_svg(question, results.language, tables.min_cell)

    part("figures: survey charts, PNG and SVG", survey_charts)
    part("figures: week heatmap, PNG and SVG", lambda: (
        heatmap.week_heatmap_png(results.gaps), heatmap.week_heatmap_svg(results.gaps)
    ))
    part("figures: statistics charts, PNG and SVG", lambda: [
        (stats.stats_chart_png(table, results.language), stats.stats_chart_svg(table, results.language))
        for table in results.stats
    ])
    part("import openpyxl", lambda: __import__("openpyxl"))
    from hkh.outputs import write

    part("workbook: survey", lambda: [
        write.draw_survey(results, results.survey_tables(sid), charts="none") for sid in results.survey_ids
    ])
    part("workbook: triangulation", lambda: write.draw_triangulation(results))
    part("workbook: gaps", lambda: write.draw_gaps(results))  # its heatmap is drawn above
    part("workbook: plan", lambda: write.draw_plan(results))
    from hkh.outputs.report.build import build_report

    report = part("report: the model (its figures drawn above)", lambda: build_report(results))
    part("import jinja2", lambda: __import__("jinja2"))
    from hkh.outputs.report.html import render_html

    part("report: HTML", lambda: render_html(report))
    part("import python-docx", lambda: __import__("docx"))
    from hkh.outputs.report.docx import docx_bytes

    part("report: Word", lambda: docx_bytes(report))
    return parts


# What a run after an edit to plan.yaml must redo (the survey tables and every figure are kept), by name prefix
PLAN_PARTS = (
    "start-up", "check", "analyses", "triangulation with", "import openpyxl", "workbook: triangulation",
    "workbook: gaps", "workbook: plan", "report:", "import jinja2", "import python-docx",
)
# What the main process does before there is anything to share with a second one
SERIAL_PARTS = ("start-up", "check")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    measured = main(Path(sys.argv[1]))
    print(json.dumps(measured))
