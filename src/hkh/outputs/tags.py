"""Offer tags as readers see them.

Efforts and needs are matched on short tags ("oppsøkende", "mat"); inside a sentence or a table such a tag reads as
a stray word. Wherever a tag stands for a kind of service it is written as a name: the project's own label for it
when hkh.yaml gives one, else the tag with a capital first letter ("Oppsøkende"), and never as a lower-case word
in running text.
"""

from __future__ import annotations

from collections.abc import Mapping


def tag_as_name(tag: str, labels: Mapping[str, str] | None = None) -> str:
    """The label the project gives `tag`, else the tag with a capital first letter ("ROP-behandling" stays)."""
    if labels:
        label = labels.get(tag) or labels.get(tag.casefold())
        if label:
            return label
    return tag[:1].upper() + tag[1:]


def tags_as_names(tags: list[str], labels: Mapping[str, str] | None = None) -> str:
    """Several tags as names in one line: "Oppsøkende · Tilstedeværelse · Rådgivning"."""
    return " · ".join(tag_as_name(tag, labels) for tag in tags)
