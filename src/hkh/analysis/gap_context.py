"""What every part of the gap analysis shares: the project, its vocabulary, the days evaluated, and each effort's
open quarter hours per offer, computed once."""

from __future__ import annotations

from hkh.analysis.gap_calendar import Evaluation, Masks, open_masks, union
from hkh.core.errors import Message
from hkh.project.load import Project
from hkh.project.models import Effort
from hkh.project.services import HoursSource, Standing, all_hours, lifetime, offer_hours, standing
from hkh.project.vocabulary import Terms, term_key, terms_of

ALWAYS = "24/7"


class GapContext:
    def __init__(self, project: Project, evaluation: Evaluation, language: str) -> None:
        self.project = project
        self.evaluation = evaluation
        self.language = language
        self.terms: Terms = terms_of(project.mapping)
        self.efforts: list[Effort] = list(project.efforts.efforts)
        self._warnings: dict[str, Message] = {}
        self._standing: dict[str, Standing] = {}
        self._masks: dict[tuple[str, str | None, bool], Masks | None] = {}

    @property
    def warnings(self) -> list[Message]:
        """The calendar's warnings (public holidays it does not know, school holidays), once each."""
        return list(self._warnings.values())

    def standing(self, effort: Effort) -> Standing:
        if effort.id not in self._standing:
            self._standing[effort.id] = standing(effort, self.evaluation.first, self.evaluation.last)
        return self._standing[effort.id]

    def counts(self, effort: Effort) -> bool:
        return self.standing(effort).counts

    def offers(self, effort: Effort, offer: str) -> bool:
        wanted = term_key(offer)
        return any(term_key(item) == wanted for item in effort.all_offers)

    def _masks_of(self, sources: list[HoursSource], effort: Effort | None, *, within_lifetime: bool) -> Masks | None:
        if not sources:
            return None
        begins, ends = lifetime(effort) if effort is not None and within_lifetime else (None, None)
        found: list[Masks] = []
        for source in sources:
            masks, warnings = open_masks(source.text or ALWAYS, self.evaluation, begins, ends)
            self._warnings.update({repr(warning): warning for warning in warnings})
            found.append(masks)
        return union(self.evaluation, found)

    def offer_masks(self, effort: Effort, offer: str, *, within_lifetime: bool = True) -> Masks | None:
        """When `effort` offers `offer` on the evaluated days (None: hours unknown); within its lifetime unless told."""
        key = (effort.id, term_key(offer), within_lifetime)
        if key not in self._masks:
            sources = offer_hours(effort, offer, term_key) or []
            self._masks[key] = self._masks_of(sources, effort, within_lifetime=within_lifetime)
        return self._masks[key]

    def effort_masks(self, effort: Effort) -> Masks | None:
        """When `effort` is open at all on the evaluated days, in any of its hours (None: hours unknown)."""
        key = (effort.id, None, True)
        if key not in self._masks:
            self._masks[key] = self._masks_of(all_hours(effort), effort, within_lifetime=True)
        return self._masks[key]

    def window(self, text: str | None) -> Masks:
        """A need's window (`when`, 24/7 without it) on the evaluated days."""
        masks, warnings = open_masks(text or ALWAYS, self.evaluation)
        self._warnings.update({repr(warning): warning for warning in warnings})
        return masks

    def offer_tags(self) -> list[str]:
        """Every offer tag once (the vocabulary's spelling, else the first one met): the needs' tags first, then the
        other efforts' tags alphabetically."""
        seen: dict[str, str] = {}
        for finding in self.project.findings.findings:
            for need in finding.needs:
                seen.setdefault(term_key(need.offer), self.terms.spelling("offers", need.offer))
        others: dict[str, str] = {}
        for effort in self.efforts:
            for offer in effort.all_offers:
                if term_key(offer) not in seen:
                    others.setdefault(term_key(offer), self.terms.spelling("offers", offer))
        return list(seen.values()) + sorted(others.values(), key=term_key)
