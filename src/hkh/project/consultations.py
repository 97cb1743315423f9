"""Consultations as records: which measures were presented at a final consultation, and how they were received.

A consultation is a source (`method: initial_consultation` or `final_consultation`) in sources.yaml, and its record
is the source's `consultation:` section. The record lives there rather than in a file of its own because a
consultation already is a source: its id, date and head count are in sources.yaml, findings cite it as evidence and
triangulation counts it; a second file would repeat the id and the date and could disagree with them.

A measure is *anchored* when it was presented at a final consultation (the meeting where those who must carry the
plan out see it); how it was received (endorsed, changed, rejected) is what the plan's `anchored` column shows.
"""

from __future__ import annotations

from hkh.i18n import t
from hkh.i18n.formats import format_date
from hkh.project.models import Method, Plan, PresentedProposal, Source, SourceRegister


def final_consultations(sources: SourceRegister) -> list[Source]:
    return [s for s in sources.sources if s.method is Method.final_consultation]


def presentations(sources: SourceRegister) -> dict[str, list[tuple[Source, PresentedProposal]]]:
    """Measure id → the final consultations where it was presented, with how it was received, in file order."""
    found: dict[str, list[tuple[Source, PresentedProposal]]] = {}
    for source in final_consultations(sources):
        if source.consultation is None:
            continue
        for proposal in source.consultation.proposals:
            if proposal.measure:
                found.setdefault(proposal.measure, []).append((source, proposal))
    return found


def anchored_text(sources: SourceRegister, measure_id: str, language: str) -> str:
    """The `anchored` cell: "Fikk tilslutning (3. juni 2020)", or empty when never presented."""
    parts = []
    for source, proposal in presentations(sources).get(measure_id, []):
        how = (
            t(f"consultation.received_{proposal.received.value}", language)
            if proposal.received is not None
            else t("consultation.presented", language)
        )
        when = format_date(source.date, language) if source.date else source.title
        parts.append(t("consultation.anchored_cell", language, how=how, when=when))
    return "; ".join(parts)


def recorded_final_consultations(sources: SourceRegister) -> list[Source]:
    """Final consultations whose record lists the proposals presented."""
    return [s for s in final_consultations(sources) if s.consultation is not None and s.consultation.proposals]


def measure_ids(plan: Plan) -> list[str]:
    return [plan.measure_id(g, m) for g, goal in enumerate(plan.goals) for m in range(len(goal.measures))]
