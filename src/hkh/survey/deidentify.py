"""What `hkh import` leaves out of the stored survey: identifying columns, and identifiers inside answers.

The verdicts come from `hkh.survey.identifiers` (by name and question text, by content); this module applies them to
an export's columns, as the codebook builder (`hkh.survey.interpret`) meets them:

- **A column is dropped** when its variable name, SurveyXact's question name or its question text names a direct
  identifier (a strong word anywhere, `Fødselsnummer (11 siffer)`; a weak word alone, `Ditt navn`), or when at
  least half of its answers are identifiers (`COLUMN_SHARE`: e-mail addresses, valid identity numbers, phone
  numbers, IP addresses, dates of birth under a birth question). The content of open-text and number columns is
  read; for a coded column, its value labels (background data uploaded as codes with names or numbers as labels).
  A weak word on a coded question is not enough (`IP` is also *individuell plan*, `Telefon` a rating item).
  `--keep-identifiers` keeps them all, as text, and the import says so.
- **A postcode** alone is quasi-identifying: kept, with a warning.
- **Inside answers**: every open-text answer is screened (`screen_text`) and what is found is masked as `[•••]` in
  responses.csv; a number answer that is a valid identity number is removed; an option label holding an identifier
  is masked in the codebook. The raw export stays in data/raw/, out of git. The team may look at the raw answers and
  import a question again unmasked with `--checked-text QUESTION` (`hkh docs privacy`); nothing else undoes a mask.

Every verdict is recorded (`PrivacyReport`) for the import's summary: what was dropped and why, how many answers
were masked per question.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from hkh.i18n import t
from hkh.survey.identifiers import (
    IdentifierKind,
    birth_date_hint,
    content_reason,
    is_national_id,
    mask_text,
    name_reason,
)

Basis = Literal["name", "content", "labels"]
_SHORTEST_IDENTIFIER = 6


@dataclass(frozen=True)
class ColumnVerdict:
    """Why a column identifies someone (or, a postcode, may help to)."""

    column: str
    kind: IdentifierKind
    basis: Basis
    matched: str = ""  # the words that decided, as written (`Fødselsnummer`), for a verdict by name
    where: str = ""  # "variable", "question_name" or "text"
    matching: int = 0  # for a verdict by content: answers (or labels) that are identifiers ...
    non_blank: int = 0  # ... of this many

    @property
    def direct(self) -> bool:
        return self.kind.direct

    def reason(self, language: str) -> str:
        """`telefonnummer (navnet sier «mobil_nr»)`, `e-postadresse (48 av 51 svar er e-postadresser)`."""
        kind = t(f"privacy.kind_{self.kind.value}", language)
        if self.basis == "name":
            detail = t(f"privacy.by_{self.where or 'variable'}", language, matched=self.matched)
        else:
            detail = t(
                f"privacy.by_{self.basis}", language, matching=self.matching, non_blank=self.non_blank,
                kinds=t(f"privacy.kinds_{self.kind.value}", language),
            )
        return f"{kind} ({detail})"


@dataclass
class PrivacyReport:
    """What the import left out or masked, for its summary (and the tests)."""

    dropped: list[ColumnVerdict] = field(default_factory=list)
    kept: list[ColumnVerdict] = field(default_factory=list)  # identifiers kept with --keep-identifiers
    quasi: list[ColumnVerdict] = field(default_factory=list)  # postcodes: kept, with a warning
    masked: dict[str, int] = field(default_factory=dict)  # question → answers with something masked
    removed_numbers: dict[str, int] = field(default_factory=dict)  # question → number answers removed
    masked_labels: dict[str, int] = field(default_factory=dict)  # question → option labels masked
    checked: list[str] = field(default_factory=list)  # open questions stored unmasked (--checked-text)


def by_name(column: str, question_name: str | None, text: str | None, *, coded: bool) -> ColumnVerdict | None:
    """The verdict of a column's names and question text; a weak word on a coded question does not count."""
    reason = name_reason(column, question_name, text)
    if reason is None or (coded and not reason.strong and reason.kind.direct):
        return None
    return ColumnVerdict(column, reason.kind, "name", matched=reason.matched, where=reason.field)


def _could_be_identifier(value: object, dates: bool) -> bool:
    """Whether a value is long enough to be an identifier whole: an e-mail `a@b.no` or an IP address `1.2.3.4` has
    at least 6 characters, a phone number 8 digits, an identity number 11 (10 when a spreadsheet took its leading
    zero); a date only under a birth question."""
    if isinstance(value, str):
        return len(value.strip()) >= _SHORTEST_IDENTIFIER
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, (int, float)):
        return abs(value) >= 10_000_000
    return dates


def by_content(column: str, question_name: str | None, text: str | None, values: Sequence[object]) -> ColumnVerdict | None:
    """The verdict of a column's answers: identifiers when at least half of the non-blank answers are (see
    `hkh.survey.identifiers.scan_values` for the rule)."""
    hint = birth_date_hint(column, question_name, text)
    if not any(_could_be_identifier(value, hint) for value in set(values)):
        return None  # the usual case (codes, counts, short words), decided on the distinct values
    finding = content_reason(values, birth_date_hint=hint)
    if finding is None:
        return None
    return ColumnVerdict(column, finding.kind, "content", matching=finding.matching, non_blank=finding.non_blank)


def by_labels(column: str, labels: Iterable[str]) -> ColumnVerdict | None:
    """The verdict of a coded column's value labels (names or numbers uploaded as codes)."""
    texts = [label for label in labels if label and label.strip()]
    if len(texts) < 2:
        return None
    finding = content_reason(texts)
    if finding is None:
        return None
    return ColumnVerdict(column, finding.kind, "labels", matching=finding.matching, non_blank=len(texts))


def masked_label(label: str) -> str:
    """An option label with any identifier inside masked."""
    return mask_text(label)


class TextMasker:
    """Masks identifiers in answers, one distinct answer at a time, remembering which answers it changed."""

    def __init__(self) -> None:
        self.changed: set[str] = set()

    def __call__(self, text: str) -> str:
        masked = mask_text(text)
        if masked != text:
            self.changed.add(masked)
        return masked

    def count(self, texts: Sequence[str]) -> int:
        """How many answers (cells) were masked."""
        if not self.changed:
            return 0
        changed = self.changed
        return sum(1 for text in texts if text in changed)


def identity_number(value: object) -> bool:
    """A number answer that is a valid national identity number (11 digits, or 10 with the leading zero lost)."""
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, float):
        if not value.is_integer() or abs(value) >= 1e12:
            return False
        value = int(value)
    digits = str(value).strip().replace(" ", "")
    if not digits.isdigit() or len(digits) not in (10, 11):
        return False
    return is_national_id(digits.zfill(11))
