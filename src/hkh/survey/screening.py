"""Personal data in the texts the team writes: found by `hkh check`, masked in every output until checked.

The texts of findings.yaml that reach the report (a finding's title and statement, its needs' texts, the evidence's
`says`, `quote` and `role`) and the efforts' descriptions are screened as survey answers are
(`hkh.survey.identifiers.screen_text`: identity numbers with valid check digits, phone numbers, e-mail and IP
addresses, "jeg heter …"). What is found is

- reported by `hkh check` as a warning with the file and line, saying what was found and what to do, without
  repeating it;
- masked (`[•••]`) in every output built from the project (`masked_project`, applied by
  `hkh.analysis.results.Results`), so the report, the workbooks and the terminal never show it,

until the team marks the text as checked: `checked: true` on the evidence, the finding (title, statement, needs) or
the effort (description), once they have made sure that what looked like personal data is not (a service's public
phone number, an example address). `hkh docs privacy` explains it to the team.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hkh.core.errors import Problem, Severity, Wording, worded_problem
from hkh.project.load import Project, display_path
from hkh.project.models import Effort, EffortRegister, Evidence, Finding, FindingRegister, Need
from hkh.survey.identifiers import IdentifierKind, mask_text, screen_text

FINDINGS_FILE = "findings.yaml"
EFFORTS_FILE = "efforts.yaml"
FINDING_TEXTS = ("title", "statement")
NEED_TEXTS = ("text", "who", "where")
EVIDENCE_TEXTS = ("says", "quote", "role")
EFFORT_TEXTS = ("description",)


@dataclass(frozen=True)
class TextHit:
    """Identifiers found in one field of one entry."""

    file: str
    loc: tuple[Any, ...]  # the field's place in the file's tree
    field: str
    kinds: tuple[IdentifierKind, ...]
    entry: str  # "evidence", "finding" or "effort": where `checked: true` goes
    owner: str  # the id of the finding or effort


def _kinds(text: str | None) -> tuple[IdentifierKind, ...]:
    if not text:
        return ()
    return tuple(dict.fromkeys(hit.kind for hit in screen_text(text)))


def _fields(model: Any, names: Iterable[str], file: str, loc: tuple[Any, ...], entry: str, owner: str) -> Iterator[TextHit]:
    for name in names:
        kinds = _kinds(getattr(model, name))
        if kinds:
            yield TextHit(file, (*loc, name), name, kinds, entry, owner)


def text_hits(findings: FindingRegister | None, efforts: EffortRegister | None) -> list[TextHit]:
    """Every unchecked field with something that looks like personal data."""
    hits: list[TextHit] = []
    for f_index, finding in enumerate(findings.findings if findings is not None else []):
        where = ("findings", f_index)
        if not finding.checked:
            hits += _fields(finding, FINDING_TEXTS, FINDINGS_FILE, where, "finding", finding.id)
            for n_index, need in enumerate(finding.needs):
                hits += _fields(need, NEED_TEXTS, FINDINGS_FILE, (*where, "needs", n_index), "finding", finding.id)
        for e_index, evidence in enumerate(finding.evidence):
            if not evidence.checked:
                hits += _fields(evidence, EVIDENCE_TEXTS, FINDINGS_FILE, (*where, "evidence", e_index), "evidence", finding.id)
    for index, effort in enumerate(efforts.efforts if efforts is not None else []):
        if not effort.checked:
            hits += _fields(effort, EFFORT_TEXTS, EFFORTS_FILE, ("efforts", index), "effort", effort.id)
    return hits


def screening_problems(root: Path, models: dict[str, Any], trees: dict[str, Any]) -> list[Problem]:
    """`hkh check`'s warnings for texts that look like they hold personal data."""
    from hkh.core.yamlio import line_of

    problems: list[Problem] = []
    for hit in text_hits(models.get(FINDINGS_FILE), models.get(EFFORTS_FILE)):
        tree = trees.get(hit.file)
        problems.append(
            worded_problem(
                Severity.WARNING, "personal-data-in-text", f"privacy.text_{hit.entry}",
                path=display_path(root, hit.file), line=line_of(tree, hit.loc) if tree is not None else None,
                field=hit.field, owner=hit.owner, kinds=[Wording(f"privacy.kind_{kind.value}") for kind in hit.kinds],
            )
        )
    return problems


def _masked(model: Any, names: Iterable[str]) -> tuple[Any, int]:
    changes = {name: mask_text(getattr(model, name)) for name in names if getattr(model, name)}
    changes = {name: text for name, text in changes.items() if text != getattr(model, name)}
    return (model.model_copy(update=changes), len(changes)) if changes else (model, 0)


def masked_project(project: Project) -> tuple[Project, int]:
    """The project with every unchecked text that holds personal data masked, and how many texts were masked; the
    project itself when there is nothing to mask (the usual case, decided by `text_hits`)."""
    if not text_hits(project.findings, project.efforts):
        return project, 0
    count = 0
    findings: list[Finding] = []
    for finding in project.findings.findings:
        changed: dict[str, Any] = {}
        if not finding.checked:
            masked_finding, n = _masked(finding, FINDING_TEXTS)
            count += n
            changed.update({name: getattr(masked_finding, name) for name in FINDING_TEXTS})
            needs: list[Need] = []
            for need in finding.needs:
                masked_need, n = _masked(need, NEED_TEXTS)
                count += n
                needs.append(masked_need)
            changed["needs"] = needs
        evidence: list[Evidence] = []
        for item in finding.evidence:
            masked_item, n = (item, 0) if item.checked else _masked(item, EVIDENCE_TEXTS)
            count += n
            evidence.append(masked_item)
        changed["evidence"] = evidence
        findings.append(finding.model_copy(update=changed))
    efforts: list[Effort] = []
    for effort in project.efforts.efforts:
        masked_effort, n = (effort, 0) if effort.checked else _masked(effort, EFFORT_TEXTS)
        count += n
        efforts.append(masked_effort)
    from dataclasses import replace

    masked = replace(
        project,
        findings=project.findings.model_copy(update={"findings": findings}),
        efforts=project.efforts.model_copy(update={"efforts": efforts}),
    )
    return masked, count
