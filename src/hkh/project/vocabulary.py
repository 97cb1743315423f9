"""The project's vocabulary: the offer tags, target groups and areas its efforts and needs may use.

The gap analysis matches a need to an effort by words (`offer: mat` against `offers: [mat]`), and a word that differs
by one letter makes a need look unmet without a sound. So the words are declared once, in hkh.yaml
(`vocabulary: {offers, target_groups, areas}`), every effort and need must use declared ones (`hkh check` errors on
any other, with "did you mean"), and the comparison forgives what people cannot see:

- case, repeated blanks, and blanks around `-` and `/` (`Brugata / Storgata` is `Brugata/Storgata`);
- the dashes word processors put in (`‐ ‑ ‒ – — ― −` are all `-`: `ungdom 13–18 år` is `ungdom 13-18 år`).

A spelling without æ, ø or å (`moteplass`, `moeteplass`) is not the same word, but it is the first suggestion for it.

Areas and target groups may contain others (`Oslo sentrum` contains `Brugata/Storgata`): an effort in Oslo sentrum
serves a need in Brugata/Storgata (not the other way round), as an effort for `unge under 25 år` serves a need of
`mindreårige` when the first is declared to contain the second.

A project without a vocabulary is compared the same forgiving way, term by term; `hkh check` warns about words that
look alike, and `hkh check --fix` writes a vocabulary proposed from the words in use (`vocabulary_fix`).
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from hkh.core.errors import Fix, Message, say
from hkh.project.models import EffortRegister, FindingRegister, Mapping, Vocabulary

Kind = Literal["offers", "target_groups", "areas"]
KINDS: tuple[Kind, ...] = ("offers", "target_groups", "areas")

_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212-]")
_AROUND_JOINERS = re.compile(r"\s*([-/])\s*")
# similarity at which a declared term is offered as "did you mean" for an undeclared one
_CLOSE_ENOUGH = 0.8
_NORDIC = re.compile("[æøå]")


def term_key(text: str) -> str:
    """What two spellings of one term have in common: `Ungdom 13 – 18 år` and `ungdom 13-18 år` have one key."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = _DASHES.sub("-", text)
    text = " ".join(text.split())
    return _AROUND_JOINERS.sub(r"\1", text)


def loose_key(text: str) -> str:
    """The key with æ, ø and å written as on a keyboard without them (`møteplass`, `moeteplass`: `moteplass`)."""
    key = term_key(text).replace("æ", "ae").replace("ø", "o").replace("å", "a")
    return key.replace("oe", "o").replace("aa", "a")


def suggest(word: str, known: Iterable[str]) -> str | None:
    """The known term `word` was probably meant to be: the same word without æøå first, then the closest one."""
    candidates = list(dict.fromkeys(known))
    loose = loose_key(word)
    for candidate in candidates:
        if loose_key(candidate) == loose and term_key(candidate) != term_key(word):
            return candidate
    by_key = {term_key(candidate): candidate for candidate in candidates}
    close = difflib.get_close_matches(term_key(word), list(by_key), n=1, cutoff=_CLOSE_ENOUGH)
    return by_key[close[0]] if close else None


@dataclass(frozen=True)
class Terms:
    """The declared terms of a project (or None when it declares none), with what each area or group contains."""

    declared: dict[Kind, dict[str, str]] | None  # kind -> key -> the declared spelling
    # kind -> key -> the keys of every term that contains it, directly or through others
    containers: dict[Kind, dict[str, frozenset[str]]] = field(default_factory=dict)

    def is_declared(self, kind: Kind, term: str) -> bool:
        return self.declared is None or term_key(term) in self.declared[kind]

    def spelling(self, kind: Kind, term: str) -> str:
        """The declared spelling of `term` (itself when undeclared or without a vocabulary)."""
        if self.declared is None:
            return term
        return self.declared[kind].get(term_key(term), term)

    def within(self, kind: Kind, narrow: str, wide: str) -> bool:
        """`narrow` is `wide`, or is contained in it (`Brugata/Storgata` within `Oslo sentrum`)."""
        key, wide_key = term_key(narrow), term_key(wide)
        return key == wide_key or wide_key in self.containers.get(kind, {}).get(key, frozenset())

    def serves(self, kind: Kind, wanted: str | None, offered: Iterable[str]) -> bool:
        """An effort serves a group or area when the need names none, the effort names none, or the effort's term
        is the need's or contains it."""
        offered = list(offered)
        if not wanted or not offered:
            return True
        return any(self.within(kind, wanted, term) for term in offered)

    def root(self, kind: Kind, term: str) -> str:
        """The outermost declared term that contains `term` (itself when nothing contains it): the place in which
        efforts are compared for overlaps. Of several, the first declared."""
        containers = self.containers.get(kind, {}).get(term_key(term), frozenset())
        outermost = [key for key in containers if not self.containers.get(kind, {}).get(key)]
        if not outermost or self.declared is None:
            return self.spelling(kind, term)
        order = list(self.declared[kind])
        return self.declared[kind][min(outermost, key=lambda key: order.index(key) if key in order else len(order))]


def _declared_terms(vocabulary: Vocabulary) -> tuple[dict[Kind, dict[str, str]], dict[Kind, dict[str, set[str]]]]:
    declared: dict[Kind, dict[str, str]] = {kind: {} for kind in KINDS}
    parents: dict[Kind, dict[str, set[str]]] = {kind: {} for kind in KINDS}
    for kind in KINDS:
        for term in getattr(vocabulary, kind):
            declared[kind].setdefault(term_key(term.name), term.name)
            for inner in term.contains:
                declared[kind].setdefault(term_key(inner), inner)
                parents[kind].setdefault(term_key(inner), set()).add(term_key(term.name))
    return declared, parents


def _closure(parents: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    """Every container of every term, through any number of steps (a cycle is `hkh check`'s error, not a hang)."""
    closed: dict[str, frozenset[str]] = {}
    for key in parents:
        seen: set[str] = set()
        pending = list(parents[key])
        while pending:
            current = pending.pop()
            if current in seen:
                continue
            seen.add(current)
            pending.extend(parents.get(current, ()))
        seen.discard(key)
        closed[key] = frozenset(seen)
    return closed


def terms_of(mapping: Mapping | None) -> Terms:
    if mapping is None or mapping.vocabulary is None:
        return Terms(None)
    declared, parents = _declared_terms(mapping.vocabulary)
    return Terms(declared, {kind: _closure(parents[kind]) for kind in KINDS})


def containment_cycles(vocabulary: Vocabulary) -> list[tuple[Kind, str]]:
    """Terms that contain themselves through others (`A` contains `B`, `B` contains `A`), in the order declared."""
    _declared, parents = _declared_terms(vocabulary)
    found: list[tuple[Kind, str]] = []
    for kind in KINDS:
        for term in getattr(vocabulary, kind):
            key = term_key(term.name)
            if key in _reachable(parents[kind], key) and (kind, term.name) not in found:
                found.append((kind, term.name))
    return found


def _reachable(parents: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    pending = list(parents.get(start, ()))
    while pending:
        current = pending.pop()
        if current not in seen:
            seen.add(current)
            pending.extend(parents.get(current, ()))
    return seen


# ------------------------------------------------------------------------------------------- the terms in use


@dataclass(frozen=True)
class TermUse:
    """One use of a term in efforts.yaml or findings.yaml: which file, the path to the value, what it says."""

    kind: Kind
    term: str
    file: str
    loc: tuple[str | int, ...]
    owner: Message  # `effort \`cafe\`` or `need \`f1.1\``, in the mapping's language


def terms_in_use(efforts: EffortRegister | None, findings: FindingRegister | None) -> Iterator[TermUse]:
    if efforts is not None:
        for index, effort in enumerate(efforts.efforts):
            owner = say("messages.owner-effort", id=effort.id)
            base: tuple[str | int, ...] = ("efforts", index)
            for position, offer in enumerate(effort.offers):
                yield TermUse("offers", offer, "efforts.yaml", (*base, "offers", position), owner)
            for s_index, schedule in enumerate(effort.schedules):
                for position, offer in enumerate(schedule.offers):
                    yield TermUse("offers", offer, "efforts.yaml", (*base, "schedules", s_index, "offers", position), owner)
            for position, group in enumerate(effort.target_groups):
                yield TermUse("target_groups", group, "efforts.yaml", (*base, "target_groups", position), owner)
            for position, group in enumerate(effort.eligibility.target_groups):
                loc = (*base, "eligibility", "target_groups", position)
                yield TermUse("target_groups", group, "efforts.yaml", loc, owner)
            for position, area in enumerate(effort.areas):
                yield TermUse("areas", area, "efforts.yaml", (*base, "areas", position), owner)
    if findings is not None:
        for f_index, finding in enumerate(findings.findings):
            for n_index, need in enumerate(finding.needs):
                owner = say("messages.owner-need", id=finding.need_id(n_index))
                base = ("findings", f_index, "needs", n_index)
                yield TermUse("offers", need.offer, "findings.yaml", (*base, "offer"), owner)
                if need.who:
                    yield TermUse("target_groups", need.who, "findings.yaml", (*base, "who"), owner)
                if need.where:
                    yield TermUse("areas", need.where, "findings.yaml", (*base, "where"), owner)


# ----------------------------------------------------------------------------------------------- the proposal


_PROPOSAL_HEAD = {
    "nb": (
        "# Ordlisten: ordene tilbudene (efforts.yaml) og behovene (findings.yaml) kan bruke. `hkh check` melder feil\n"
        "# om et ord som ikke står her. Foreslått av `hkh check --fix` fra ordene som var i bruk; rett og slå sammen.\n"
        "# Et område kan inneholde andre: `- {name: Oslo sentrum, contains: [Brugata/Storgata]}`."
    ),
    "nn": (
        "# Ordlista: orda tilboda (efforts.yaml) og behova (findings.yaml) kan bruke. `hkh check` melder feil om\n"
        "# eit ord som ikkje står her. Føreslått av `hkh check --fix` frå orda som var i bruk; rett og slå saman.\n"
        "# Eit område kan innehalde andre: `- {name: Oslo sentrum, contains: [Brugata/Storgata]}`."
    ),
    "en": (
        "# The vocabulary: the words efforts (efforts.yaml) and needs (findings.yaml) may use. `hkh check` reports any\n"
        "# other word as an error. Proposed by `hkh check --fix` from the words in use; correct and merge as needed.\n"
        "# An area may contain others: `- {name: Oslo sentrum, contains: [Brugata/Storgata]}`."
    ),
}
def _yaml_text(text: str) -> str:
    # a JSON string is a valid YAML double-quoted scalar, whatever the term holds (`:`, `#`, quotes)
    return json.dumps(text, ensure_ascii=False)


def proposed_terms(efforts: EffortRegister | None, findings: FindingRegister | None) -> dict[Kind, list[str]]:
    """The terms in use, one per key, in order of first use. Spellings that differ only by æ, ø and å are one term,
    spelt with the letters (`møteplass` over `moteplass`), so that `hkh check` then points at the other spelling."""
    chosen: dict[Kind, dict[str, str]] = {kind: {} for kind in KINDS}
    for use in terms_in_use(efforts, findings):
        by_loose = chosen[use.kind]
        loose = loose_key(use.term)
        current = by_loose.get(loose)
        if current is None or (not _NORDIC.search(current.casefold()) and _NORDIC.search(use.term.casefold())):
            by_loose[loose] = use.term.strip()
    return {kind: list(chosen[kind].values()) for kind in KINDS}


def vocabulary_block(terms: dict[Kind, list[str]], language: str) -> str:
    lines = [_PROPOSAL_HEAD.get(language, _PROPOSAL_HEAD["en"]), "vocabulary:"]
    for kind in KINDS:
        if not terms[kind]:
            lines.append(f"  {kind}: []")
            continue
        lines.append(f"  {kind}:")
        lines.extend(f"    - {_yaml_text(term)}" for term in terms[kind])
    return "\n".join(lines) + "\n"


def vocabulary_fix(
    root: Path, mapping: Mapping, efforts: EffortRegister | None, findings: FindingRegister | None
) -> Fix | None:
    """What `hkh check --fix` does for a project without a vocabulary: hkh.yaml gets one, made of the terms in use,
    added at its end (the rest of the file, comments and all, stays as it is). None when it has one or none are used."""
    if mapping.vocabulary is not None:
        return None
    terms = proposed_terms(efforts, findings)
    count = sum(len(found) for found in terms.values())
    if not count:
        return None
    path = root / "hkh.yaml"
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    text = raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    separator = "" if not text or text.endswith(("\n\n", "\r\n\r\n")) else ("\n" if text.endswith("\n") else "\n\n")
    block = separator + vocabulary_block(terms, mapping.language)
    if "\r\n" in text:
        block = block.replace("\n", "\r\n")
    return Fix(path, len(text), "", block, say("services.vocabulary_added", count=count))


def declare_new_terms(
    root: Path, mapping: Mapping, efforts: EffortRegister | None
) -> tuple[str | None, list[tuple[Kind, str]]]:
    """hkh.yaml's text with the terms `efforts` use that its vocabulary does not declare added to it, and the terms
    added (for `hkh efforts import`: a services list brings its own words). A term close to a declared one is not
    added (`moteplass` beside `møteplass`): `hkh check` then asks whether the declared one was meant. Without a
    vocabulary, nothing is added (terms are not checked then). (None, []) when there is nothing to add."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from hkh.core.yamlio import dump_yaml_wide, load_yaml

    if mapping.vocabulary is None:
        return None, []
    terms = terms_of(mapping)
    declared = terms.declared or {}
    new: list[tuple[Kind, str]] = []
    for use in terms_in_use(efforts, None):
        if terms.is_declared(use.kind, use.term) or any(term_key(use.term) == term_key(t) for k, t in new if k == use.kind):
            continue
        if suggest(use.term, declared[use.kind].values()) is None:
            new.append((use.kind, use.term.strip()))
    if not new:
        return None, []
    tree = load_yaml(root / "hkh.yaml")
    vocabulary = tree.get("vocabulary")
    if not isinstance(vocabulary, CommentedMap):
        return None, []
    for kind, term in new:
        if not isinstance(vocabulary.get(kind), list):
            vocabulary[kind] = CommentedSeq()
        vocabulary[kind].append(term)
    return dump_yaml_wide(tree), new
