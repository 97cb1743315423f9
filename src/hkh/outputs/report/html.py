"""The report as one self-contained HTML page: Jinja2, autoescaped, figures embedded, no external resource at all."""

from __future__ import annotations

from typing import Any

from hkh.core.safe_text import document_text
from hkh.outputs.report.model import Report

TEMPLATE_NAME = "report.html.j2"
STYLESHEET_NAME = "report.css"


def _environment() -> Any:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("hkh.outputs.report", "templates"),
        # every `{{ value }}` is escaped, in text and in attributes alike (`"` and `'` too)
        autoescape=select_autoescape(enabled_extensions=("html", "j2"), default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_text_stays_text,
    )


def _text_stays_text(value: Any) -> Any:
    """Every value the template shows, before it is escaped: control characters and bidirectional overrides out (a
    text must read as what it holds). hkh's own markup (the stylesheet) passes as it is."""
    from markupsafe import Markup

    if isinstance(value, str) and not isinstance(value, Markup):
        return document_text(value)
    return value


def render_html(report: Report) -> str:
    from importlib.resources import files

    from markupsafe import Markup

    stylesheet = files("hkh.outputs.report").joinpath("templates", STYLESHEET_NAME).read_text("utf-8")
    template = _environment().get_template(TEMPLATE_NAME)
    return template.render(report=report, stylesheet=Markup(stylesheet), L=report.labels())
