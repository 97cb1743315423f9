"""The project's files as pydantic models: `hkh.yaml`, `sources.yaml`, `efforts.yaml`, `findings.yaml`, `plan.yaml`.

Unknown keys are refused (`extra="forbid"`): in hand-edited YAML a misspelt key (`responsibel:`) would otherwise be
silently ignored and the team would wonder where their data went. Every field is documented in the folder reference
(`hkh docs project-folder`, src/hkh/docs/project-folder.md), and a test keeps that document complete.

The models' own checks raise `PydanticCustomError` with a code of the messages tables (`period-reversed`,
`hours-unreadable`) and the values its message takes, so that `hkh.project.schema` can say it in the mapping's
language. Yes/no fields take what people write: `true`/`false`, `ja`/`nei`, `yes`/`no`, in any case.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from hkh.project import hours

LANGUAGES = ("nb", "nn", "en")
Language = Literal["nb", "nn", "en"]

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"  # for pydantic (Rust's `$` is the end of the text, and values are stripped)
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}")


def is_identifier(text: str) -> bool:
    """Whether a text is an id as the project files write them, whole: Python's `$` would let `ok\n` through."""
    return _ID.fullmatch(text) is not None


class Method(str, Enum):
    """The kinds of source that triangulation counts. Order is the order of the matrix's columns."""

    survey = "survey"
    target_interview = "target_interview"
    service_interview = "service_interview"
    field_reports = "field_reports"
    observation = "observation"
    statistics = "statistics"
    documents = "documents"
    initial_consultation = "initial_consultation"
    final_consultation = "final_consultation"


CONSULTATION_METHODS = (Method.initial_consultation, Method.final_consultation)


class StepId(str, Enum):
    """The seven HKH steps (KoRus), in order."""

    request = "request"
    steering_group = "steering_group"
    initial_consultation = "initial_consultation"
    mapping = "mapping"
    gap_analysis = "gap_analysis"
    final_consultation = "final_consultation"
    report = "report"


class StepState(str, Enum):
    not_started = "not_started"
    in_progress = "in_progress"
    done = "done"


class Stance(str, Enum):
    """What a piece of evidence does for its finding. Only `supports` counts towards the finding's strength;
    `contradicts` marks it disputed; `mentions` (the topic came up, as in a consultation's discussion) is shown in
    the matrix but counts for nothing, so that a finding resting on one method is not shown as confirmed by two."""

    supports = "supports"
    contradicts = "contradicts"
    mentions = "mentions"


class Provider(str, Enum):
    """Who provides an effort, by kind (a need's `by` can ask for one: presence by `police`)."""

    police = "police"
    municipal = "municipal"
    state = "state"
    health = "health"
    ngo = "ngo"
    volunteer = "volunteer"
    private = "private"


class EffortStatus(str, Enum):
    planned = "planned"
    active = "active"
    ended = "ended"


class MeasureStatus(str, Enum):
    """Where a measure of the plan stands, as the steering group follows it up. Order is the order of progress."""

    not_started = "not_started"
    in_progress = "in_progress"
    done = "done"
    dropped = "dropped"


# The words the templates give beside each value (`provider: ngo  # ideell: ngo`), in bokmål and nynorsk: a team that
# writes the word instead of the value is told the value meant, and `hkh check --fix` writes it (case and repeated
# blanks do not matter). hkh.project.schema reads them.
CHOICE_WORDS: dict[type[Enum], dict[str, str]] = {
    Provider: {
        "politi": "police", "politiet": "police", "kommunal": "municipal", "kommunen": "municipal", "statlig": "state",
        "statleg": "state", "staten": "state", "helse": "health", "helsetjeneste": "health", "helseteneste": "health",
        "ideell": "ngo", "ideell organisasjon": "ngo", "frivillig": "volunteer", "frivillige": "volunteer",
        "privat": "private",
    },
    EffortStatus: {
        "planlagt": "planned", "i drift": "active", "aktiv": "active", "avsluttet": "ended", "avslutta": "ended",
        "nedlagt": "ended", "nedlagd": "ended",
    },
    Stance: {
        "støtter": "supports", "støttar": "supports", "motsier": "contradicts", "motseier": "contradicts",
        "nevner": "mentions", "nemner": "mentions",
    },
    StepState: {
        "ikke startet": "not_started", "ikkje starta": "not_started", "pågår": "in_progress", "ferdig": "done",
    },
    MeasureStatus: {
        "ikke startet": "not_started", "ikkje starta": "not_started", "pågår": "in_progress",
        "gjennomført": "done", "ferdig": "done", "lagt bort": "dropped",
    },
}


class Reception(str, Enum):
    """How a proposal presented at a consultation was received."""

    endorsed = "endorsed"
    changed = "changed"
    rejected = "rejected"


def _date_text(value: Any) -> Any:
    """Accept `2020`, `2020-04` or `2020-04-15`; YAML turns the last into a date, which we keep as text."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, int):
        return str(value)
    return value


PartialDate = Annotated[
    str,
    BeforeValidator(_date_text),
    Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD"),
]
Identifier = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=64)]


def _as_list(value: Any) -> Any:
    """A single string where a list is expected is taken as a list of one: `involved: Politiet`."""
    if isinstance(value, str):
        return [value]
    return [] if value is None else value


YES = frozenset({"true", "ja", "yes", "j", "y", "sant"})
NO = frozenset({"false", "nei", "no", "n", "usant"})


def _yes_no(value: Any) -> Any:
    """`ja`, `Nei`, `YES`: a yes/no field takes the words people write (anything else is left for pydantic to refuse)."""
    if isinstance(value, str):
        word = value.strip().casefold()
        if word in YES:
            return True
        if word in NO:
            return False
    return value


Flag = Annotated[bool, BeforeValidator(_yes_no)]
TextList = Annotated[list[str], BeforeValidator(_as_list)]
IdList = Annotated[list[Identifier], BeforeValidator(_as_list)]


class HkhModel(BaseModel):
    # defer_build: a model's validator is built when it is first used, not when hkh starts; a command that reads
    # one project file (or none, like `hkh import`) no longer pays for building all of them (~40 ms)
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, use_enum_values=False, defer_build=True)


def _check_partial_date(value: str | None) -> str | None:
    if value is None:
        return None
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise PydanticCustomError("date-not-real", "{value} is not a real date", {"value": value}) from None
    return value


def first_day(value: str) -> dt.date:
    """The first day a partial date can mean: `2020` is 1 January 2020, `2020-06` is 1 June 2020."""
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(value: str) -> dt.date:
    """The last day a partial date can mean: `2020` is 31 December 2020, `2020-06` is 30 June 2020."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return dt.date(parts[0], parts[1], parts[2])
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31)
    following = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
    return following - dt.timedelta(days=1)


class Period(HkhModel):
    start: PartialDate | None = None
    end: PartialDate | None = None

    _valid = field_validator("start", "end")(_check_partial_date)

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start and self.end and self.start > self.end:
            raise PydanticCustomError(
                "period-reversed", "ends {end} before it starts {start}", {"start": self.start, "end": self.end}
            )
        return self


class MandateItem(HkhModel):
    id: Identifier
    text: str = Field(min_length=1)


class Person(HkhModel):
    name: str = Field(min_length=1)
    role: str | None = None
    organisation: str | None = None


class Step(HkhModel):
    id: StepId
    state: StepState = StepState.not_started
    start: PartialDate | None = None
    end: PartialDate | None = None
    note: str | None = None

    _valid = field_validator("start", "end")(_check_partial_date)


class Settings(HkhModel):
    min_cell: int = Field(default=5, ge=3, le=100, description="smallest count published; smaller shows as <N")
    # how closely a hidden count (small or secondary) may be known from everything published: an interval at least this wide
    # (default 2, at most min_cell - 2; `hkh docs privacy`)
    protection: int | None = Field(default=None, ge=1, le=98)
    triangulated: int = Field(default=2, ge=1, le=9)
    robust: int = Field(default=3, ge=1, le=9)
    # data/ and out/ that lead outside the project (symbolic links) are refused unless the team says they mean it
    allow_outside_folders: bool = False

    @model_validator(mode="after")
    def _thresholds(self) -> Settings:
        if self.robust < self.triangulated:
            raise PydanticCustomError(
                "robust-below-triangulated",
                "robust {robust} < triangulated {triangulated}",
                {"robust": self.robust, "triangulated": self.triangulated},
            )
        if self.protection is not None and self.protection > self.min_cell - 2:
            # a count shown as <min_cell lies between 1 and min_cell - 1: no wider protection is possible
            raise PydanticCustomError(
                "protection-above-min-cell",
                "protection {protection} > min_cell - 2 ({most})",
                {"protection": self.protection, "most": self.min_cell - 2, "min_cell": self.min_cell},
            )
        return self


def _term(value: Any) -> Any:
    return {"name": value} if isinstance(value, str) else value


class Term(HkhModel):
    """One declared term; an area (or target group) may contain others (`Oslo sentrum` contains `Brugata/Storgata`)."""

    name: str = Field(min_length=1)
    contains: TextList = Field(default_factory=list)
    description: str | None = None


TermItem = Annotated[Term, BeforeValidator(_term)]


class Vocabulary(HkhModel):
    """The words the project's efforts and needs may use, declared once, so that a misspelling is an error."""

    offers: list[TermItem] = Field(default_factory=list)
    target_groups: list[TermItem] = Field(default_factory=list)
    areas: list[TermItem] = Field(default_factory=list)


class Mapping(HkhModel):
    """`hkh.yaml`: the mapping as a whole."""

    title: str = Field(min_length=1)
    area: str | None = None
    commissioner: str | None = None
    language: Language = "nb"
    period: Period | None = None
    target_group: str | None = None
    mandate: list[MandateItem] = Field(default_factory=list)
    team: list[Person] = Field(default_factory=list)
    # who did the mapping, in the team's words, when not everyone is named ("nine staff of the outreach service,
    # three of them peer workers"): the report says this rather than calling the named few the whole team
    team_description: str | None = None
    # advisers from outside the team (KoRus supervises most HKH mappings): credited, never counted as the team
    supervisors: list[Person] = Field(default_factory=list)
    steering_group: list[Person] = Field(default_factory=list)
    parties: TextList = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    settings: Settings = Field(default_factory=Settings)
    vocabulary: Vocabulary | None = None


PERSON_KEYS = ("name", "navn", "person", "full_name", "first_name", "last_name", "fornavn", "etternavn")


def _no_person_names(value: Any) -> Any:
    """Consultation records name organisations and roles, never people: a `name` key is refused with that reason,
    not as a mere unknown field (a name in a published record of who took part would identify them)."""
    if isinstance(value, dict):
        for key in value:
            if str(key).strip().casefold() in PERSON_KEYS:
                raise PydanticCustomError("participant-named", "{key}: never a name", {"key": str(key)})
    return value


class Participant(HkhModel):
    """Who took part in a consultation: an organisation, and the role of those who came (never their names)."""

    organisation: str = Field(min_length=1)
    role: str | None = None
    count: int | None = Field(default=None, ge=1)
    note: str | None = None

    _no_names = model_validator(mode="before")(_no_person_names)


class ConsultationGroup(HkhModel):
    """One discussion group: what it discussed, and what came out of it."""

    title: str | None = None
    themes: TextList = Field(default_factory=list)
    participants: TextList = Field(default_factory=list, description="organisations in the group, never names")
    points: TextList = Field(default_factory=list)
    findings: IdList = Field(default_factory=list)

    _no_names = model_validator(mode="before")(_no_person_names)


class PresentedProposal(HkhModel):
    """A proposal presented at a consultation, linked to the measure of plan.yaml it is (or became)."""

    measure: Identifier | None = None
    text: str | None = None
    received: Reception | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _named(self) -> PresentedProposal:
        if not self.measure and not self.text:
            raise PydanticCustomError("proposal-without-measure", "a presented proposal needs measure or text")
        return self


class NewProposal(HkhModel):
    """A proposal that came up at a consultation; `measure` when it went into the plan."""

    text: str = Field(min_length=1)
    raised_by: str | None = Field(default=None, description="organisation or group, never a person's name")
    measure: Identifier | None = None


class Consultation(HkhModel):
    """The record of a consultation meeting (a source with method initial_ or final_consultation)."""

    participants: list[Participant] = Field(default_factory=list)
    groups: list[ConsultationGroup] = Field(default_factory=list)
    themes: TextList = Field(default_factory=list, description="themes discussed in plenary")
    points: TextList = Field(default_factory=list, description="points raised in plenary")
    findings: IdList = Field(default_factory=list, description="findings presented")
    proposals: list[PresentedProposal] = Field(default_factory=list)
    new_proposals: list[NewProposal] = Field(default_factory=list)
    note: str | None = None

    _no_names = model_validator(mode="before")(_no_person_names)


class Source(HkhModel):
    id: Identifier
    method: Method
    title: str = Field(min_length=1)
    date: PartialDate | None = None
    period: Period | None = None
    n: int | None = Field(default=None, ge=0)
    n_complete: int | None = Field(default=None, ge=0)
    n_partial: int | None = Field(default=None, ge=0)
    participants: str | None = None
    files: TextList = Field(default_factory=list)
    note: str | None = None
    consultation: Consultation | None = None

    _valid = field_validator("date")(_check_partial_date)

    @model_validator(mode="after")
    def _counts(self) -> Source:
        if self.n is not None and self.n_complete is not None and self.n_complete > self.n:
            raise PydanticCustomError(
                "complete-above-n", "n_complete {complete} > n {n}", {"complete": self.n_complete, "n": self.n}
            )
        if self.consultation is not None and self.method not in CONSULTATION_METHODS:
            raise PydanticCustomError(
                "consultation-not-consultation",
                "consultation on source {source} with method {method}",
                {"source": self.id, "method": self.method.value},
            )
        return self


class SourceRegister(HkhModel):
    sources: list[Source] = Field(default_factory=list)


def _valid_hours(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return hours.validate(value)
    except hours.HoursError as exc:
        raise PydanticCustomError(exc.code, "cannot read opening hours {text}", {"text": exc.text}) from None


class Validity(HkhModel):
    """When an effort runs (`valid: {from: 2019-12, until: 2020-08-31}`); both ends inclusive, either may be left out.
    A month or a year means its first day in `from` and its last day in `until`."""

    from_: PartialDate | None = Field(default=None, alias="from")
    until: PartialDate | None = None

    _valid = field_validator("from_", "until")(_check_partial_date)

    @model_validator(mode="after")
    def _ordered(self) -> Validity:
        if self.from_ and self.until and first_day(self.from_) > last_day(self.until):
            raise PydanticCustomError(
                "valid-reversed", "until {until} before from {start}", {"start": self.from_, "until": self.until}
            )
        return self

    @property
    def first(self) -> dt.date | None:
        return first_day(self.from_) if self.from_ else None

    @property
    def last(self) -> dt.date | None:
        return last_day(self.until) if self.until else None


_AGE_TEXT = re.compile(r"^\s*(\d{1,3})?\s*([-\u2010-\u2015\u2212+]|og eldre|and over|og over)?\s*(\d{1,3})?\s*(år|years?)?\s*$")


def _age_range(value: Any) -> Any:
    """`15-20`, `15–20 år`, `18+`, `-24` or a single age are read as {min, max}; a mapping is left as it is."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return {"min": value, "max": value}
    if not isinstance(value, str):
        return value
    found = _AGE_TEXT.match(value)
    if not found or not (found.group(1) or found.group(3)):
        raise PydanticCustomError("age-unreadable", "{text} is not an age range", {"text": value})
    low, separator, high = found.group(1), found.group(2), found.group(3)
    if separator is None:
        return {"min": int(low), "max": int(low)}
    return {"min": int(low) if low else None, "max": int(high) if high else None}


class AgeRange(HkhModel):
    """Ages in whole years, both ends inclusive (`15-20`); an open end means no limit (`18+` is {min: 18})."""

    min: int | None = Field(default=None, ge=0, le=130)
    max: int | None = Field(default=None, ge=0, le=130)

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return _age_range(value)

    @model_validator(mode="after")
    def _ordered(self) -> AgeRange:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise PydanticCustomError("age-reversed", "ends {max} below {min}", {"min": self.min, "max": self.max})
        return self

    def includes(self, other: AgeRange) -> bool:
        """Everyone of `other`'s ages is within this range."""
        low_ok = self.min is None or (other.min is not None and other.min >= self.min)
        high_ok = self.max is None or (other.max is not None and other.max <= self.max)
        return low_ok and high_ok

    def text(self) -> str:
        if self.min is not None and self.max is not None:
            return str(self.min) if self.min == self.max else f"{self.min}–{self.max}"
        if self.min is not None:
            return f"{self.min}+"
        return f"0–{self.max}" if self.max is not None else ""


class Eligibility(HkhModel):
    """Who may use an effort (the `eligibility` of a service in the Open Referral standard)."""

    age: AgeRange | None = None
    referral: Flag = False
    target_groups: TextList = Field(default_factory=list)
    note: str | None = None


def _capacity(value: Any) -> Any:
    """Capacity in words (`capacity: "20 plasser"`, as files written before numbers were possible) is its note."""
    return {"note": value} if isinstance(value, str) else value


class Capacity(HkhModel):
    places: int | None = Field(default=None, ge=0)
    visits_per_day: float | None = Field(default=None, ge=0)
    turned_away_per_week: float | None = Field(default=None, ge=0)
    note: str | None = None


class Schedule(HkhModel):
    """One named set of hours of an effort (`Patrulje`, `Telefon`), with what is offered in those hours."""

    name: str = Field(min_length=1)
    opening_hours: str | None = None
    offers: TextList = Field(default_factory=list)
    hours_note: str | None = None

    _hours = field_validator("opening_hours")(_valid_hours)


class Effort(HkhModel):
    id: Identifier
    organisation: str = Field(min_length=1)
    name: str = Field(min_length=1)
    kind: str | None = None
    provider: Provider | None = None
    status: EffortStatus = EffortStatus.active
    valid: Validity | None = None
    offers: TextList = Field(default_factory=list)
    target_groups: TextList = Field(default_factory=list)
    areas: TextList = Field(default_factory=list)
    eligibility: Eligibility = Field(default_factory=Eligibility)
    address: str | None = None
    opening_hours: str | None = None
    hours_note: str | None = None
    schedules: list[Schedule] = Field(default_factory=list)
    over_capacity: Annotated[bool | None, BeforeValidator(_yes_no)] = None
    capacity: Annotated[Capacity | None, BeforeValidator(_capacity)] = None
    low_threshold: Flag = False
    description: str | None = None
    sources: IdList = Field(default_factory=list)
    checked: bool = Field(default=False, description="the description was checked: what looks like personal data is not")

    _hours = field_validator("opening_hours")(_valid_hours)

    @model_validator(mode="after")
    def _schedule_names(self) -> Effort:
        names = [schedule.name.casefold() for schedule in self.schedules]
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            raise PydanticCustomError("schedule-name-twice", "two schedules called {name}", {"name": repeated[0]})
        return self

    @property
    def all_offers(self) -> list[str]:
        """What the effort offers in any of its hours: its own `offers` and those of its schedules, once each."""
        seen: dict[str, str] = {}
        for offer in [*self.offers, *(offer for schedule in self.schedules for offer in schedule.offers)]:
            seen.setdefault(" ".join(offer.split()).casefold(), offer)
        return list(seen.values())

    @property
    def groups(self) -> list[str]:
        """The target groups, whether written at the top or under `eligibility`."""
        return [*self.target_groups, *(g for g in self.eligibility.target_groups if g not in self.target_groups)]

    @property
    def is_over_capacity(self) -> bool:
        """`over_capacity` when given; otherwise derived: people are turned away (`turned_away_per_week` > 0)."""
        if self.over_capacity is not None:
            return self.over_capacity
        return bool(self.capacity and self.capacity.turned_away_per_week)

    @property
    def capacity_note(self) -> str | None:
        return self.capacity.note if self.capacity else None


class EffortRegister(HkhModel):
    efforts: list[Effort] = Field(default_factory=list)


class Evidence(HkhModel):
    source: Identifier
    says: str | None = None
    stance: Stance = Stance.supports
    question: str | None = Field(default=None, description="survey variable or question name whose figure is computed")
    option: str | int | None = Field(default=None, description="option code (or label) of `question` to quote")
    quote: str | None = None
    role: str | None = Field(default=None, description="who said it, by role only (never a name)")
    checked: bool = Field(default=False, description="`says` and `quote` were checked: what looks like personal data is not")


class Unsuitable(HkhModel):
    """An effort that offers what a need asks for, but does not meet it, and why (shown in the gap analysis)."""

    effort: Identifier
    reason: str = Field(min_length=1)


class Need(HkhModel):
    id: Identifier | None = None
    offer: str = Field(min_length=1)
    when: str | None = None
    who: str | None = None
    where: str | None = None
    age: AgeRange | None = None
    by: TextList = Field(default_factory=list)
    unsuitable: list[Unsuitable] = Field(default_factory=list)
    text: str | None = None

    _hours = field_validator("when")(_valid_hours)


class Finding(HkhModel):
    id: Identifier
    mandate: Identifier | None = None
    title: str | None = None
    statement: str = Field(min_length=1)
    evidence: list[Evidence] = Field(default_factory=list)
    needs: list[Need] = Field(default_factory=list)
    checked: bool = Field(default=False, description="title, statement and needs were checked for personal data")

    def need_id(self, index: int) -> str:
        """A need's own id, or `<finding>.<n>` counted from 1 so that plans can address it."""
        need = self.needs[index]
        return need.id or f"{self.id}.{index + 1}"


class FindingRegister(HkhModel):
    findings: list[Finding] = Field(default_factory=list)


class Measure(HkhModel):
    id: Identifier | None = None
    text: str = Field(min_length=1)
    responsible: str | None = None
    involved: TextList = Field(default_factory=list)
    responsible_text: str | None = Field(
        default=None, description="the table cell as the report words it; default: lead and involved joined"
    )
    timing: str | None = None
    addresses: IdList = Field(default_factory=list)
    theme: str | None = None
    status: MeasureStatus | None = None
    status_date: PartialDate | None = Field(default=None, description="when the status or its note last changed")
    status_note: str | None = None
    extra: dict[str, str | int | float | None] = Field(default_factory=dict)

    _valid = field_validator("status_date")(_check_partial_date)

    @field_validator("timing", mode="before")
    @classmethod
    def _timing_text(cls, value: Any) -> Any:
        return _date_text(value)


class Goal(HkhModel):
    id: Identifier | None = None
    text: str = Field(min_length=1)
    measures: list[Measure] = Field(default_factory=list)


class FollowUp(HkhModel):
    finding: Identifier | None = None
    text: str = Field(min_length=1)


COLUMN_KEY = r"^[a-z][a-z0-9_]*$"


class Plan(HkhModel):
    """`plan.yaml`: goals with measures; the table's columns and grouping are declared here."""

    columns: list[Annotated[str, Field(pattern=COLUMN_KEY)]] = Field(
        default_factory=lambda: ["goal", "measure", "responsible", "timing"]
    )
    labels: dict[str, str] = Field(default_factory=dict)
    group_by: Literal["goal", "theme", "none"] = "goal"
    goals: list[Goal] = Field(default_factory=list)
    follow_up: list[FollowUp] = Field(default_factory=list)

    @field_validator("columns")
    @classmethod
    def _columns(cls, value: list[str]) -> list[str]:
        if "measure" not in value:
            raise PydanticCustomError("columns-without-measure", "the columns must include measure")
        if len(set(value)) != len(value):
            twice = next(column for column in value if value.count(column) > 1)
            raise PydanticCustomError("column-twice", "column {column} is listed twice", {"column": twice})
        return value

    def measures(self) -> list[tuple[Goal, Measure]]:
        return [(goal, measure) for goal in self.goals for measure in goal.measures]

    def goal_number(self, goal_index: int) -> str:
        return self.goals[goal_index].id or str(goal_index + 1)

    def measure_id(self, goal_index: int, measure_index: int) -> str:
        """A measure's id, or `<goal>.<n>` as a report numbers them."""
        measure = self.goals[goal_index].measures[measure_index]
        return measure.id or f"{self.goal_number(goal_index)}.{measure_index + 1}"


FILE_MODELS: dict[str, type[HkhModel]] = {
    "hkh.yaml": Mapping,
    "sources.yaml": SourceRegister,
    "efforts.yaml": EffortRegister,
    "findings.yaml": FindingRegister,
    "plan.yaml": Plan,
}


def slug(text: str) -> str:
    """A safe id from free text (for sources registered by `hkh import`)."""
    cleaned = re.sub(r"[^A-Za-z0-9_.\-]+", "-", text.strip()).strip("-.") or "survey"
    return cleaned[:64]
