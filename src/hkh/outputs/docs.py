"""The reference that ships with hkh: `hkh docs [TOPIC]`.

The pages are Markdown files in the package (`hkh/docs/<topic>.md`, installed with it), so a team has the folder
reference where hkh is, whatever copy of the repository they have or lack; templates and messages point to
`hkh docs TOPIC`. A page is printed as it is written (Markdown reads well as plain text and can be searched), or
rendered as one HTML page and opened in the browser (`--open`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from hkh.core.errors import UsageError

_CSS = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
code, pre { font-family: ui-monospace, monospace; font-size: 0.92em; background: #f3f3f3; }
code { padding: 0.05em 0.25em; border-radius: 3px; }
pre { padding: 0.75em; overflow-x: auto; }
pre code { padding: 0; background: none; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
h1, h2, h3 { line-height: 1.2; }
"""


@dataclass(frozen=True)
class Topic:
    name: str
    title: str
    summary: str


def _pages() -> dict[str, str]:
    folder = resources.files("hkh").joinpath("docs")
    return {
        entry.name.removesuffix(".md"): entry.read_text("utf-8")
        for entry in folder.iterdir()
        if entry.name.endswith(".md")
    }


def topics() -> list[Topic]:
    """Every page: its name (`hkh docs NAME`), its heading, and its first sentence."""
    found = []
    for name, text in sorted(_pages().items()):
        heading = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), name)
        paragraph = text.split("\n\n")[1] if "\n\n" in text else ""
        sentence = re.split(r"(?<=\.)\s(?=[A-ZÆØÅ`])", " ".join(paragraph.split()), maxsplit=1)[0]
        found.append(Topic(name, heading.replace("`", ""), sentence.replace("`", "")))
    return found


def page(name: str) -> str:
    """The Markdown of one page; an unknown name is refused with the names there are."""
    pages = _pages()
    if name not in pages:
        from hkh.project.schema import closest

        meant = closest(name, pages)
        if meant is not None:
            raise UsageError("docs-unknown-similar", topic=name, meant=meant)
        raise UsageError("docs-unknown", topic=name, known=sorted(pages))
    return pages[name]


def page_html(name: str) -> str:
    """One page as a standalone HTML document (rendered with markdown-it, which rich already brings)."""
    from markdown_it import MarkdownIt

    text = page(name)
    title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), name)
    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(text)
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title.replace('`', ''))} · hkh</title><style>{_CSS}</style></head>\n"
        f"<body>\n{body}</body></html>\n"
    )


def open_page(name: str, folder: Path) -> Path:
    """Write the page's HTML into `folder` and open it in the browser; return the file."""
    import webbrowser

    from hkh.core.files import write_text_atomic

    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"hkh-{name}.html"
    write_text_atomic(target, page_html(name))
    webbrowser.open(target.resolve().as_uri())
    return target
