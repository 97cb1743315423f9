"""The codebook of an imported survey (data/survey/<source>/codebook.yaml): its model, its one reader and its writer.

`hkh import` builds a codebook from SurveyXact's tables (`hkh.survey.interpret`) and writes it here; every reader of
an imported survey (the stored survey, `hkh check`, the report) loads it through `Codebook.load`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from hkh.core.errors import HkhError, SurveyNotImportedError
from hkh.core.limits import MAX_CODEBOOK_BYTES, MAX_CODEBOOK_ITEMS
from hkh.core.yamlio import YamlLimits

QuestionType = Literal["single", "multiple", "grid_item", "open", "number", "date"]
CHOICE_TYPES = ("single", "multiple", "grid_item")


# ---------------------------------------------------------------------------------------------------------- models


class CodebookModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Option(CodebookModel):
    code: int
    label: str
    variable: str | None = None


class Question(CodebookModel):
    name: str
    type: QuestionType
    text: str = ""
    group: str | None = None
    group_text: str | None = None
    # every question is at least one column of responses.csv; a hand-edited `variables: []` is refused on loading
    variables: list[str] = Field(min_length=1)
    options: list[Option] = Field(default_factory=list)
    non_substantive: list[int] = Field(default_factory=list)
    other_text: str | None = None
    parent: str | None = None
    masked: int = 0  # open text: answers in which `hkh import` masked identifiers; numbers: identity numbers removed
    checked: bool = False  # open text imported unmasked, the team having checked the raw answers (--checked-text)

    @model_validator(mode="after")
    def _options_in_own_columns(self) -> Question:
        # a hand-edited option pointing at another column would be counted from a column the answers may not have
        for option in self.options:
            if option.variable is not None and option.variable not in self.variables:
                raise PydanticCustomError(
                    "option-column-foreign",
                    "option {code} names the column {variable}, not among the question's variables",
                    {"code": option.code, "question": self.name, "variable": option.variable},
                )
        return self

    def label(self, code: int) -> str | None:
        return next((o.label for o in self.options if o.code == code), None)

    def option(self, code_or_label: int | str) -> Option | None:
        """An option by code, by label (case-insensitive), or by its column (multiple choice)."""
        if isinstance(code_or_label, int) or (isinstance(code_or_label, str) and re.fullmatch(r"-?\d+", code_or_label.strip())):
            code = int(code_or_label)
            found = next((o for o in self.options if o.code == code), None)
            if found is not None:
                return found
        wanted = str(code_or_label).strip().casefold()
        return next(
            (o for o in self.options if o.label.casefold() == wanted or (o.variable or "").casefold() == wanted), None
        )


class Respondents(CodebookModel):
    rows: int
    answered: int
    complete: int | None = None
    partial: int | None = None


def _timestamp_text(value: Any) -> Any:
    # a hand-edited codebook may leave the timestamp unquoted, which YAML reads as a datetime
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


class Codebook(CodebookModel):
    source: str
    imported: Annotated[str, BeforeValidator(_timestamp_text)]
    files: list[str] = Field(default_factory=list)
    respondents: Respondents
    dropped: list[str] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)

    def question(self, name: str) -> Question | None:
        """By question name, or by any of its variables (column names), case-insensitively."""
        wanted = name.strip().lower()
        for question in self.questions:
            if question.name.lower() == wanted:
                return question
        for question in self.questions:
            if any(v.lower() == wanted for v in question.variables):
                return question
        return None

    def columns(self) -> list[str]:
        return [v for q in self.questions for v in q.variables]

    def to_yaml(self) -> str:
        root: dict[str, Any] = {
            "source": self.source,
            "imported": self.imported,
            "files": _FlowList(self.files),
            "respondents": _FlowMap({k: v for k, v in self.respondents.model_dump().items() if v is not None}),
            "dropped": _FlowList(self.dropped),
        }
        questions: list[dict[str, Any]] = []
        for q in self.questions:
            node: dict[str, Any] = {"name": q.name, "type": q.type, "text": q.text}
            if q.group is not None:
                node["group"] = q.group
                node["group_text"] = q.group_text or ""
            node["variables"] = _FlowList(q.variables)
            if q.type in CHOICE_TYPES:
                node["options"] = [
                    _FlowMap({"code": o.code, "label": _Quoted(o.label), **({"variable": o.variable} if o.variable else {})})
                    for o in q.options
                ]
                node["non_substantive"] = _FlowList(q.non_substantive)
            if q.other_text:
                node["other_text"] = q.other_text
            if q.parent:
                node["parent"] = q.parent
            if q.masked:
                node["masked"] = q.masked
            if q.checked:
                node["checked"] = True
            questions.append(node)
        root["questions"] = questions
        stream = io.StringIO()
        stream.write(CODEBOOK_HEADER)
        _codebook_writer().dump(root, stream)
        return stream.getvalue()

    @classmethod
    def load(cls, path: Path, display: str | None = None) -> Codebook:
        from hkh.core.yamlio import load_yaml

        shown = display or str(path)
        if not path.exists():
            raise SurveyNotImportedError("codebook-missing", path=shown)
        fast = _fast_load(path, shown)
        if fast is not None:
            try:
                return cls.model_validate(fast)
            except ValidationError:
                pass  # read again with line numbers, for the message
        tree = load_yaml(path, display=shown, limits=CODEBOOK_LIMITS)
        if not isinstance(tree, dict):
            raise SurveyNotImportedError("codebook-empty", path=shown, line=1)
        try:
            return cls.model_validate(_plain(tree))
        except ValidationError as exc:
            from hkh.project.schema import problems_of

            first = problems_of(exc.errors(include_url=False), path=path, shown=shown, tree=tree, model=cls)[0]
            raise HkhError("codebook-invalid", path=shown, line=first.line, detail=first.wording) from None


def _fast_load(path: Path, shown: str) -> Any:
    """The codebook of a large survey is long; the C-based safe loader reads it many times faster than the
    round-trip loader, which is only needed (for line numbers) when something is wrong, or over a limit (the same
    limits as every YAML file hkh reads, a codebook's larger: `CODEBOOK_LIMITS`)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    from hkh.core.limits import read_regular
    from hkh.core.yamlio import check_values, refuse_anchors

    text = read_regular(path, shown, CODEBOOK_LIMITS.file_bytes).decode("utf-8-sig", errors="replace")
    refuse_anchors(text, shown)
    try:
        data = YAML(typ="safe").load(text)
        check_values(data, shown, CODEBOOK_LIMITS)
    except (YAMLError, HkhError, UnicodeDecodeError, OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


CODEBOOK_LIMITS = YamlLimits(file_bytes=MAX_CODEBOOK_BYTES, items=MAX_CODEBOOK_ITEMS)

CODEBOOK_HEADER = (
    "# Codebook written by `hkh import`. You may edit `non_substantive` (codes such as \"Vet ikke\" that are\n"
    "# kept out of percentage bases); a new import keeps those edits. Other changes are replaced on re-import.\n"
    "# `masked: N`: N answers had identifiers masked (see `hkh docs privacy`; the raw export is in data/raw/).\n"
)


class _FlowMap(dict[str, Any]):
    """Written on one line: `{code: 1, label: "Mann"}`."""


class _FlowList(list[Any]):
    """Written on one line: `[kjonn]`."""


class _Quoted(str):
    """Written in double quotes, so that a label such as `Nei` or `1` reads as text to the eye too."""


def _codebook_writer() -> Any:
    """ruamel's safe dumper, which uses the C emitter of ruamel.yaml.clib when it is installed.

    A codebook of a large survey has thousands of nodes: the round-trip dumper took about 0.45 s for 150 questions
    (most of an import of 1,000 respondents), the C emitter about 0.08 s. The codebook is machine-written, so it
    needs no round-trip comments beyond its header. The C emitter only accepts exact `str` values, hence `str(...)`.
    """
    from ruamel.yaml import YAML

    writer = YAML(typ="safe")
    writer.default_flow_style = False
    writer.allow_unicode = True
    writer.width = 4096
    writer.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    representer = writer.representer
    representer.add_representer(
        _FlowMap, lambda r, data: r.represent_mapping("tag:yaml.org,2002:map", dict(data), flow_style=True)
    )
    representer.add_representer(
        _FlowList, lambda r, data: r.represent_sequence("tag:yaml.org,2002:seq", list(data), flow_style=True)
    )
    representer.add_representer(
        _Quoted, lambda r, data: r.represent_scalar("tag:yaml.org,2002:str", str(data), style='"')
    )
    return writer


def _plain(node: Any) -> Any:
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node
