"""Where each output goes: file names in the mapping's language, under the project's out/ folder."""

from __future__ import annotations

from pathlib import Path

from hkh.i18n import t
from hkh.project.load import Project
from hkh.survey.store import safe_file_name


def survey_workbook_path(project: Project, language: str) -> Path:
    return project.out_dir / t("survey.workbook_file", language)


def figures_dir(project: Project, language: str) -> Path:
    return project.out_dir / t("survey.figures_dir", language)


def survey_chart_path(project: Project, source: str, question: str, language: str) -> Path:
    """Where the bar chart of one question is written."""
    return figures_dir(project, language) / f"{safe_file_name(f'{source}-{question}')}.png"


def triangulation_path(project: Project, language: str) -> Path:
    return project.out_dir / t("triangulation.file", language)


def gaps_path(project: Project, language: str) -> Path:
    return project.out_dir / t("gaps.file", language)


def heatmap_path(project: Project, language: str, output: Path | None = None) -> Path:
    """The week heatmap: out/figurer/ukekart.png, or beside the workbook named by -o."""
    folder = (output.parent if output is not None else project.out_dir) / t("gaps.figures_dir", language)
    return folder / t("gaps.heatmap_file", language)


def plan_path(project: Project, language: str, fmt: str) -> Path:
    return project.out_dir / f"{t('plan.plan_file', language)}.{fmt}"


def report_path(project: Project, language: str, fmt: str) -> Path:
    return project.out_dir / f"{t('report.report_file', language)}.{fmt}"


def efforts_workbook_path(project: Project, language: str) -> Path:
    return project.out_dir / t("efforts_sheet.file", language)
