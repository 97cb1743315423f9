"""`hkh triangulate` in the terminal: the matrix (compact on narrow terminals) and the warnings."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hkh.analysis.triangulation import FindingStrength, Triangulation
from hkh.i18n import t
from hkh.outputs.terminal.common import ByWidth, escape, plain

if TYPE_CHECKING:  # pragma: no cover - typing only
    from rich.console import RenderableType

STRENGTH_STYLE = {"robust": "bold green", "triangulated": "yellow", "single": "dark_orange", "none": "red"}


def strength_text(item: FindingStrength, language: str) -> str:
    return t(f"strength.{item.strength}", language)


def _strength_cell(item: FindingStrength, language: str) -> RenderableType:
    from rich.text import Text

    strength = Text(strength_text(item, language), style=STRENGTH_STYLE[item.strength])
    if item.disputed:
        strength.append(f" ⚠ {t('strength.disputed', language)}", style="bold red")
    return strength


def render_triangulation(result: Triangulation, language: str | None = None) -> RenderableType:
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    language = language or result.language
    methods = result.methods_used

    wide = Table(title=t("triangulation.title", language), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    wide.add_column(t("triangulation.finding", language), min_width=30, max_width=60, overflow="fold")
    for method in methods:
        wide.add_column(t(f"triangulation.short_{method}", language), justify="center", min_width=5, overflow="fold")
    wide.add_column(t("triangulation.method_count_short", language), justify="right")
    wide.add_column(t("triangulation.strength", language), no_wrap=True)

    narrow = Table(title=t("triangulation.title", language), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    narrow.add_column(t("triangulation.finding", language), ratio=3, overflow="fold")
    narrow.add_column(t("triangulation.evidence_sheet", language), ratio=3, overflow="fold")
    narrow.add_column(t("triangulation.method_count_short", language), justify="right")
    narrow.add_column(t("triangulation.strength", language), ratio=2, overflow="fold")

    for group, members in result.mandate_groups:
        heading = plain(f"{group.id}: {group.text}" if group.id and group.id != group.text else group.text, style="bold")
        wide.add_row(heading, *[""] * (len(methods) + 2))
        narrow.add_row(heading, "", "", "")
        for item in members:
            name = escape(f"  {item.id}" + (f" {item.title}" if item.title else ""))
            count = str(item.supporting_methods)
            wide.add_row(name, *[escape(item.cell(m)) for m in methods], count, _strength_cell(item, language))
            cells = ", ".join(f"{t(f'triangulation.short_{m}', language)} {item.cell(m)}" for m in methods if item.cell(m))
            narrow.add_row(name, escape(cells), count, _strength_cell(item, language))

    needed = 34 + 13 * len(methods) + 10 + 26
    legend = Text(t("triangulation.legend", language).format(triangulated=result.triangulated, robust=result.robust), style="dim")
    parts: list[Any] = [ByWidth(wide, narrow, needed), legend]
    if result.warnings:
        warnings = Table(title=t("triangulation.warnings_sheet", language), title_justify="left", show_header=False, box=None)
        warnings.add_column("", style="yellow", no_wrap=True)
        warnings.add_column("")
        for warning in result.warnings:
            warnings.add_row("⚠", escape(warning.message))
        parts.append(warnings)
    else:
        parts.append(Text(t("triangulation.no_warnings", language)))
    return Group(*parts)
