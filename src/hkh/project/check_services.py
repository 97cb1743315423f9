"""`hkh check` on the vocabulary and on efforts as services: the checks that keep the gap analysis from failing
without a word.

- With a vocabulary in hkh.yaml, every offer tag, target group and area of an effort or a need must be declared
  (an error otherwise, with "did you mean" when a declared term is close: `moteplass` for `møteplass`). A term that
  contains itself through others is an error.
- Without one, hkh warns once that terms are unchecked (`hkh check --fix` proposes a vocabulary from the terms in
  use), and about terms written two ways (`moteplass` beside `møteplass`) or asked for by a need but offered by no
  effort when an effort offers one close to it.
- A need's `by` must name provider kinds, organisations or efforts that exist; `unsuitable` must name efforts, which
  should offer what the need asks for. An effort that offers such a need's tag without saying its `provider` cannot
  be judged, and is named.
- An effort that is said not to be over capacity while it turns people away, or that is low-threshold but needs a
  referral, contradicts itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from hkh.core.errors import Fix, Message, say
from hkh.project.models import CHOICE_WORDS, EffortRegister, FindingRegister, Mapping, Provider
from hkh.project.vocabulary import (
    KINDS,
    Kind,
    TermUse,
    containment_cycles,
    loose_key,
    suggest,
    term_key,
    terms_in_use,
    terms_of,
    vocabulary_fix,
)

HKH_FILE = "hkh.yaml"
EFFORTS_FILE = "efforts.yaml"
FINDINGS_FILE = "findings.yaml"

PROVIDER_KINDS = tuple(kind.value for kind in Provider)
PROVIDER_WORDS = CHOICE_WORDS[Provider]


class Recorder(Protocol):
    root: Path

    @property
    def mapping(self) -> Mapping | None: ...
    @property
    def efforts(self) -> EffortRegister | None: ...
    @property
    def findings(self) -> FindingRegister | None: ...
    def error(self, code: str, file_name: str, loc: Iterable[Any], /, *, fix: Fix | None = None, **values: Any) -> None: ...
    def warn(self, code: str, file_name: str, loc: Iterable[Any], /, *, fix: Fix | None = None, **values: Any) -> None: ...
    def value_fix(self, file_name: str, loc: Iterable[Any], new: str, done: Message) -> Fix | None: ...


def _kinds(kind: Kind) -> Message:
    """`offer tags`, `target groups`, `areas` in the mapping's language."""
    return say(f"messages.term-kind-{kind.replace('_', '-')}")


def _similar(code: str, near: str | None) -> str:
    """`code`, or `<code>-similar` (whose words ask "did you mean") when there is a close one."""
    return f"{code}-similar" if near else code


def check_vocabulary(recorder: Recorder) -> None:
    mapping = recorder.mapping
    if mapping is None:
        return
    uses = list(terms_in_use(recorder.efforts, recorder.findings))
    if mapping.vocabulary is None:
        _without_vocabulary(recorder, uses)
        return
    vocabulary = mapping.vocabulary
    for kind in KINDS:
        seen: dict[str, str] = {}
        for index, term in enumerate(getattr(vocabulary, kind)):
            key = term_key(term.name)
            if key in seen:
                recorder.warn(
                    "vocabulary-duplicate", HKH_FILE, ("vocabulary", kind, index), term=term.name, kind=kind, first=seen[key]
                )
            seen.setdefault(key, term.name)
    for kind, name in containment_cycles(vocabulary):
        recorder.error("vocabulary-cycle", HKH_FILE, ("vocabulary", kind), term=name, kind=kind)
    terms = terms_of(mapping)
    declared = terms.declared or {}
    for use in uses:
        if terms.is_declared(use.kind, use.term):
            continue
        near = suggest(use.term, declared[use.kind].values())
        # the declared word written without æ, ø or å (`moteplass` for `møteplass`) has one meaning: --fix writes it
        fix = None
        if near is not None and loose_key(near) == loose_key(use.term):
            fix = recorder.value_fix(use.file, use.loc, near, say("messages.fixed-value", old=use.term, new=near))
        recorder.error(
            _similar("undeclared-term", near),
            use.file,
            use.loc,
            fix=fix,
            owner=use.owner,
            term=use.term,
            kinds=_kinds(use.kind),
            kind=use.kind,
            meant=near or "",
        )


def _without_vocabulary(recorder: Recorder, uses: list[TermUse]) -> None:
    if not uses:
        return
    from hkh.project.vocabulary import proposed_terms

    count = sum(len(terms) for terms in proposed_terms(recorder.efforts, recorder.findings).values())
    # proposed only when every file with terms was read: from findings.yaml alone while efforts.yaml has a tab, the
    # efforts' words would be missing from it and be errors once the tab is mended
    mapping, efforts, findings = recorder.mapping, recorder.efforts, recorder.findings
    complete = mapping is not None and efforts is not None and findings is not None
    fix = vocabulary_fix(recorder.root, mapping, efforts, findings) if complete and mapping is not None else None
    recorder.warn("no-vocabulary", HKH_FILE, (), fix=fix, count=count)
    # the same term written two ways, with and without æ, ø, å (or with `oe`, `aa`): the spelling with them wins
    for kind in KINDS:
        spellings: dict[str, dict[str, TermUse]] = {}
        for use in uses:
            if use.kind == kind:
                spellings.setdefault(loose_key(use.term), {}).setdefault(term_key(use.term), use)
        for group in spellings.values():
            if len(group) < 2:
                continue
            preferred = max(group.values(), key=lambda use: sum(ch in "æøå" for ch in term_key(use.term)))
            for use in group.values():
                if use is not preferred:
                    recorder.warn(
                        "term-spelling", use.file, use.loc, owner=use.owner, term=use.term, preferred=preferred.term
                    )
    # a need asking for what no effort offers, when an effort offers something close
    offered: dict[Kind, dict[str, str]] = {kind: {} for kind in KINDS}
    for use in uses:
        if use.file == EFFORTS_FILE:
            offered[use.kind].setdefault(term_key(use.term), use.term)
    for use in uses:
        if use.file != FINDINGS_FILE or term_key(use.term) in offered[use.kind]:
            continue
        if loose_key(use.term) in {loose_key(term) for term in offered[use.kind].values()}:
            continue  # already reported as written two ways
        near = suggest(use.term, offered[use.kind].values())
        if near:
            recorder.warn(
                "term-unmatched", use.file, use.loc, owner=use.owner, term=use.term, kinds=_kinds(use.kind), meant=near
            )


def check_needs_against_efforts(recorder: Recorder) -> None:
    """`by` and `unsuitable` name what exists; efforts that a `by` cannot judge are named."""
    findings, efforts = recorder.findings, recorder.efforts
    if findings is None or efforts is None:
        return
    by_id = {effort.id: effort for effort in efforts.efforts}
    names: dict[str, str] = {}
    for effort in efforts.efforts:
        for name in (effort.organisation, effort.name, effort.id):
            names.setdefault(term_key(name), name)
    terms = terms_of(recorder.mapping)
    for f_index, finding in enumerate(findings.findings):
        for n_index, need in enumerate(finding.needs):
            need_name = say("messages.owner-need", id=finding.need_id(n_index))
            base = ("findings", f_index, "needs", n_index)
            for b_index, entry in enumerate(need.by):
                key = term_key(entry)
                if key in PROVIDER_KINDS or key in names:
                    continue
                # `politi` is the word the template gives for `police`: one meaning, so --fix writes it
                word = PROVIDER_WORDS.get(" ".join(entry.split()).casefold())
                near = word or suggest(entry, [*PROVIDER_KINDS, *names.values()])
                by_loc = (*base, "by", b_index)
                fix = recorder.value_fix(FINDINGS_FILE, by_loc, word, say("messages.fixed-value", old=entry, new=word)) if word else None
                recorder.error(
                    _similar("unknown-provider", near),
                    FINDINGS_FILE,
                    by_loc,
                    fix=fix,
                    owner=need_name,
                    entry=entry,
                    kinds=list(PROVIDER_KINDS),
                    meant=near or "",
                )
            listed: set[str] = set()
            for u_index, item in enumerate(need.unsuitable):
                loc = (*base, "unsuitable", u_index, "effort")
                listed_effort = by_id.get(item.effort)
                if listed_effort is None:
                    near = suggest(item.effort, by_id)
                    recorder.error(
                        _similar("unknown-effort", near),
                        FINDINGS_FILE,
                        loc,
                        owner=need_name,
                        effort=item.effort,
                        meant=near or "",
                    )
                    continue
                if item.effort in listed:
                    recorder.warn("unsuitable-twice", FINDINGS_FILE, loc, owner=need_name, effort=item.effort)
                listed.add(item.effort)
                if not any(term_key(offer) == term_key(need.offer) for offer in listed_effort.all_offers):
                    recorder.warn(
                        "unsuitable-not-offered", FINDINGS_FILE, loc, owner=need_name, effort=item.effort, offer=need.offer
                    )
            kinds = [term_key(entry) for entry in need.by if term_key(entry) in PROVIDER_KINDS]
            if not kinds:
                continue
            for index, effort in enumerate(efforts.efforts):
                offers = any(term_key(offer) == term_key(need.offer) for offer in effort.all_offers)
                named = {term_key(effort.organisation), term_key(effort.name), term_key(effort.id)}
                if (
                    offers
                    and effort.provider is None
                    and not named & {term_key(entry) for entry in need.by}
                    and terms.serves("areas", need.where, effort.areas)
                ):
                    recorder.warn(
                        "provider-missing",
                        EFFORTS_FILE,
                        ("efforts", index, "id"),
                        effort=effort.id,
                        offer=need.offer,
                        owner=need_name,
                        kinds=" / ".join(f"`{kind}`" for kind in kinds),
                    )


def check_effort_details(recorder: Recorder) -> None:
    efforts = recorder.efforts
    if efforts is None:
        return
    for index, effort in enumerate(efforts.efforts):
        numbers = effort.capacity
        if effort.over_capacity is False and numbers is not None and numbers.turned_away_per_week:
            recorder.warn(
                "capacity-contradiction",
                EFFORTS_FILE,
                ("efforts", index, "over_capacity"),
                effort=effort.id,
                n=f"{numbers.turned_away_per_week:g}",
            )
        if effort.low_threshold and effort.eligibility.referral:
            recorder.warn("referral-low-threshold", EFFORTS_FILE, ("efforts", index, "low_threshold"), effort=effort.id)
