"""Property tests: random SurveyXact exports (question types, blanks, unknown codes, negative codes, long and short
names, status families, encodings and delimiters) either import with exactly the generator's counts, or, when
deliberately damaged, fail with an HkhError and write nothing. Never another exception.

Examples per test: env HKH_FUZZ_EXAMPLES (default 25, to keep the suite fast).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hkh.core.errors import HkhError
from hkh.survey.importing import import_survey
from hkh.survey.store import load_survey
from hkh.survey.synthetic import (
    FORMATS,
    SynthQuestion,
    SynthSurvey,
    _present,
    expected_counts,
    export_tables,
    write_export,
)
from survey_fixtures import make_project

EXAMPLES = int(os.environ.get("HKH_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# printable text with the characters that break naive readers: delimiters, quotes, line breaks, æøå, «»
TEXT = st.lists(
    st.one_of(
        st.sampled_from(list(';,"\n\t «»æøåÆØÅ-–') + ["  ", " - "]),
        st.characters(min_codepoint=32, max_codepoint=0x2FF, blacklist_categories=("Cs", "Cc")),
    ),
    max_size=8,
).map("".join)


@st.composite
def surveys(draw: st.DrawFn) -> SynthSurvey:
    count = draw(st.integers(1, 6))
    questions: list[SynthQuestion] = []
    for number in range(1, count + 1):
        kind = draw(st.sampled_from(["single", "multiple", "grid", "open", "number", "date"]))
        name = f"sporsmal_nummer_{number}" if draw(st.booleans()) else f"q{number}"
        codes = draw(st.lists(st.integers(-9, 99), min_size=1, max_size=5, unique=True))
        options = [(code, draw(TEXT) or str(code)) for code in codes]
        text = draw(TEXT) or f"Spørsmål {number}"
        if kind == "grid":
            items = [(f"{name}_{i}", f"Påstand {i}") for i in range(1, draw(st.integers(1, 3)) + 1)]
            questions.append(SynthQuestion(name, kind, text, options=options, items=items))
        else:
            questions.append(SynthQuestion(name, kind, text, options=options if kind in ("single", "multiple") else []))
    family = draw(st.sampled_from(["statoverall", "stato", None]))
    n = draw(st.integers(1, 12))
    statuses = [draw(st.sampled_from([1, 2, 3, 4, 5])) if family else None for _ in range(n)]
    answers: list[dict[str, Any]] = []
    for _ in range(n):
        row: dict[str, Any] = {}
        for q in questions:
            if draw(st.integers(0, 4)) == 0:
                continue  # blank: skipped, not shown, or not reached
            if q.kind == "single":
                row[q.name] = draw(st.one_of(st.sampled_from([c for c, _ in q.options]), st.integers(-20, 120)))
            elif q.kind == "grid":
                for variable, _ in q.items:
                    if draw(st.booleans()):
                        row[variable] = draw(st.sampled_from([c for c, _ in q.options]))
            elif q.kind == "multiple":
                for column in q.columns():
                    row[column] = draw(st.sampled_from([0, 1]))
            elif q.kind == "open":
                row[q.name] = draw(TEXT)
            elif q.kind == "number":
                row[q.name] = draw(st.one_of(st.integers(-10**12, 10**12), st.integers(-10**6, 10**6).map(lambda x: x / 100)))
            else:
                row[q.name] = draw(st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2030, 1, 1))).replace(microsecond=0)
        answers.append(row)
    return SynthSurvey(
        questions,
        answers,
        statuses,
        status_family=family,
        system_columns=draw(st.booleans()),
        short_names=draw(st.booleans()),
        seed=draw(st.integers(0, 1000)),
    )


def _check_counts(survey: SynthSurvey, tables: Any, project: Path, source: str) -> None:
    expected = expected_counts(survey)
    loaded = load_survey(project, source)
    respondents = loaded.codebook.respondents
    # a row with nothing in it at all is an empty sheet row, not a respondent (§11.6)
    assert respondents.rows == sum(1 for row in tables.dataset[1:] if any(_present(v) for v in row))
    assert respondents.answered == expected["answered"] == len(loaded.frame)
    if survey.status_family:
        assert (respondents.complete, respondents.partial) == (expected["complete"], expected["partial"])
    # Structure maps the generator's (long) questionName to the exported variable (short or long)
    variable_of = {str(row[0]): str(row[1]) for row in tables.structure[1:]}
    for name, count in expected["questions"].items():
        question = loaded.codebook.question(name) or loaded.codebook.question(variable_of.get(name, name))
        assert question is not None, name
        if question.type == "grid_item" or len(question.variables) == 1:
            column = variable_of.get(name, name) if question.type == "grid_item" else question.variables[0]
            answered = int(loaded.frame[column].notna().sum())
        else:
            answered = int(loaded.answered(question).sum())
        assert answered == count, (name, question.type)


@FUZZ
@given(survey=surveys(), fmt=st.sampled_from(FORMATS), split=st.booleans(), empty_strings=st.booleans())
def test_random_exports_import_with_the_generators_counts(survey: SynthSurvey, fmt: str, split: bool, empty_strings: bool) -> None:
    tables = export_tables(survey)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        project = make_project(base / "project")
        options: dict[str, Any] = {}
        if fmt == "xlsx":
            options = {"split_columns": 4 if split else None, "blanks_as_empty_strings": empty_strings}
        target = base / ("export." + fmt if fmt in ("xlsx", "xml") else "export")
        paths = write_export(tables, target, fmt, **options)
        try:
            import_survey(paths, project_dir=project, source_id="fuzz", title="Fuzz")
        except HkhError as error:
            # the only refusal a well-formed export may meet: nobody answered anything
            assert "nobody answered" in error.message or "no respondents" in error.message, str(error)
            assert expected_counts(survey)["answered"] == 0
            assert not (project / "data" / "survey").exists()
            return
        _check_counts(survey, tables, project, "fuzz")


@FUZZ
@given(survey=surveys(), fmt=st.sampled_from(FORMATS), seed=st.integers(0, 10**6), edits=st.integers(1, 6))
def test_damaged_exports_fail_cleanly(survey: SynthSurvey, fmt: str, seed: int, edits: int) -> None:
    tables = export_tables(survey)
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        project = make_project(base / "project")
        target = base / ("export." + fmt if fmt in ("xlsx", "xml") else "export")
        paths = write_export(tables, target, fmt)
        files = [p for p in (paths[0].iterdir() if paths[0].is_dir() else paths)]
        victim = rng.choice(sorted(files))
        data = bytearray(victim.read_bytes())
        for _ in range(edits):
            action = rng.choice(["flip", "cut", "insert", "delete"])
            if not data:
                break
            position = rng.randrange(len(data))
            if action == "flip":
                data[position] = rng.randrange(256)
            elif action == "cut":
                del data[position:]
            elif action == "insert":
                data[position:position] = rng.choice([b";", b",", b"\t", b'"', b"\n", b"\x00", b"\xff\xfe", b"x"])
            else:
                del data[position]
        victim.write_bytes(bytes(data))
        before = (project / "sources.yaml").read_bytes()
        try:
            import_survey(paths, project_dir=project, source_id="fuzz", title="Fuzz")
        except HkhError as error:
            assert str(error)
            assert not (project / "data" / "survey").exists()
            assert (project / "sources.yaml").read_bytes() == before
            return
        # a damage the importer cannot see (inside a text, say) still gives a consistent import
        loaded = load_survey(project, "fuzz")
        assert loaded.codebook.respondents.answered == len(loaded.frame)
