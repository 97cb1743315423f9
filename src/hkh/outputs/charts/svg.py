"""Charts as SVG for the HTML report: text kept as text (it scales with the page and can be searched and read
aloud), no date in the file (the same data gives the same bytes), and ids made unique per figure so that many
figures can sit inline in one page."""

from __future__ import annotations

import hashlib
import io
import re
from typing import Any

_ID = re.compile(r'id="([^"]+)"')
_REFERENCE = re.compile(r"#([^)\"'\s#;]+)([)\"'])")


def figure_svg(figure: Any, *, tight: bool = False) -> str:
    """A drawn matplotlib figure as an SVG element to put inline in HTML (no XML prolog, no fixed size)."""
    from matplotlib import rc_context

    buffer = io.BytesIO()
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "hkh"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None},
                       bbox_inches="tight" if tight else None)
    return inline_svg(buffer.getvalue().decode("utf-8"))


def inline_svg(text: str, prefix: str | None = None) -> str:
    """The <svg> element of an SVG file, sized by its viewBox (so CSS sets its width) and with its ids prefixed."""
    start = text.find("<svg")
    text = text[start:] if start >= 0 else text
    text = re.sub(r'(<svg[^>]*?)\s+width="[^"]*"', r"\1", text, count=1)
    text = re.sub(r'(<svg[^>]*?)\s+height="[^"]*"', r"\1", text, count=1)
    prefix = prefix or f"f{hashlib.sha1(text.encode()).hexdigest()[:8]}-"
    ids = set(_ID.findall(text))
    # one pass for the ids and one for the references to them (url(#id), href="#id"): a figure of many cells has
    # thousands of ids, and a substitution per id made a heatmap take seconds
    text = _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', text)
    text = _REFERENCE.sub(
        lambda m: f"#{prefix}{m.group(1)}{m.group(2)}" if m.group(1) in ids else m.group(0), text
    )
    return text.replace("<svg ", '<svg role="img" ', 1)
