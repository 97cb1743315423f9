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

from hkh.project.models import EffortRegister, FindingRegister, Mapping, Provider
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
)

HKH_FILE = "hkh.yaml"
EFFORTS_FILE = "efforts.yaml"
FINDINGS_FILE = "findings.yaml"

KIND_WORDS: dict[Kind, str] = {"offers": "offer tags", "target_groups": "target groups", "areas": "areas"}
PROVIDER_KINDS = tuple(kind.value for kind in Provider)


class Recorder(Protocol):
    root: Path

    @property
    def mapping(self) -> Mapping | None: ...
    @property
    def efforts(self) -> EffortRegister | None: ...
    @property
    def findings(self) -> FindingRegister | None: ...
    def error(self, code: str, file_name: str, loc: Iterable[Any], message: str) -> None: ...
    def warn(self, code: str, file_name: str, loc: Iterable[Any], message: str) -> None: ...


def _did_you_mean(found: str | None) -> str:
    return f"; did you mean `{found}`?" if found else ""


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
                    "vocabulary-duplicate",
                    HKH_FILE,
                    ("vocabulary", kind, index),
                    f"`{term.name}` is declared twice under `vocabulary.{kind}` (first as `{seen[key]}`); "
                    "case, blanks and dashes do not tell terms apart",
                )
            seen.setdefault(key, term.name)
    for kind, name in containment_cycles(vocabulary):
        recorder.error(
            "vocabulary-cycle",
            HKH_FILE,
            ("vocabulary", kind),
            f"`{name}` contains itself through `contains` under `vocabulary.{kind}`; an area or group cannot be inside itself",
        )
    terms = terms_of(mapping)
    declared = terms.declared or {}
    for use in uses:
        if terms.is_declared(use.kind, use.term):
            continue
        near = suggest(use.term, declared[use.kind].values())
        recorder.error(
            "undeclared-term",
            use.file,
            use.loc,
            f"{use.owner}: `{use.term}` is not one of the {KIND_WORDS[use.kind]} in hkh.yaml `vocabulary.{use.kind}`"
            f"{_did_you_mean(near)}" + ("" if near else " (declare it there, or use a declared term)"),
        )


def _without_vocabulary(recorder: Recorder, uses: list[TermUse]) -> None:
    if not uses:
        return
    from hkh.project.vocabulary import proposed_terms

    count = sum(len(terms) for terms in proposed_terms(recorder.efforts, recorder.findings).values())
    recorder.warn(
        "no-vocabulary",
        HKH_FILE,
        (),
        f"hkh.yaml declares no `vocabulary`, so a misspelt offer tag, group or area goes unnoticed; "
        f"`hkh check --fix` adds one made of the {count} terms in use",
    )
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
                        "term-spelling",
                        use.file,
                        use.loc,
                        f"{use.owner}: `{use.term}` and `{preferred.term}` are written two ways; did you mean "
                        f"`{preferred.term}`? (they are compared as different words)",
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
                "term-unmatched",
                use.file,
                use.loc,
                f"{use.owner}: no effort in efforts.yaml has `{use.term}` among its {KIND_WORDS[use.kind]}"
                f"{_did_you_mean(near)}",
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
            need_name = f"need `{finding.need_id(n_index)}`"
            base = ("findings", f_index, "needs", n_index)
            for b_index, entry in enumerate(need.by):
                key = term_key(entry)
                if key in PROVIDER_KINDS or key in names:
                    continue
                near = suggest(entry, [*PROVIDER_KINDS, *names.values()])
                recorder.error(
                    "unknown-provider",
                    FINDINGS_FILE,
                    (*base, "by", b_index),
                    f"{need_name}: `by` names `{entry}`, which is neither a provider kind ({', '.join(PROVIDER_KINDS)}) "
                    f"nor an organisation or effort in efforts.yaml{_did_you_mean(near)}",
                )
            listed: set[str] = set()
            for u_index, item in enumerate(need.unsuitable):
                loc = (*base, "unsuitable", u_index, "effort")
                listed_effort = by_id.get(item.effort)
                if listed_effort is None:
                    near = suggest(item.effort, by_id)
                    recorder.error(
                        "unknown-effort",
                        FINDINGS_FILE,
                        loc,
                        f"{need_name}: `unsuitable` names effort `{item.effort}`, which is not in efforts.yaml"
                        f"{_did_you_mean(near)}",
                    )
                    continue
                if item.effort in listed:
                    recorder.warn("duplicate-id", FINDINGS_FILE, loc, f"{need_name}: effort `{item.effort}` is listed as unsuitable twice")
                listed.add(item.effort)
                if not any(term_key(offer) == term_key(need.offer) for offer in listed_effort.all_offers):
                    recorder.warn(
                        "unsuitable-not-offered",
                        FINDINGS_FILE,
                        loc,
                        f"{need_name}: effort `{item.effort}` is listed as unsuitable, but it does not offer "
                        f"`{need.offer}`, so it would not count anyway",
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
                        f"effort `{effort.id}` offers `{need.offer}`, which {need_name} asks to be met by "
                        f"{' or '.join(f'`{kind}`' for kind in kinds)}, but says no `provider`; it is not counted for "
                        "that need until it does",
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
                f"effort `{effort.id}` is marked `over_capacity: false` but turns away "
                f"{numbers.turned_away_per_week:g} people a week (`capacity.turned_away_per_week`)",
            )
        if effort.low_threshold and effort.eligibility.referral:
            recorder.warn(
                "referral-low-threshold",
                EFFORTS_FILE,
                ("efforts", index, "low_threshold"),
                f"effort `{effort.id}` is marked low-threshold but needs a referral (`eligibility.referral: true`); "
                "a low-threshold service takes people without one",
            )
