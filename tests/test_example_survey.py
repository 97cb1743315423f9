"""The example's synthetic survey reproduces the Brugata/Storgata report's statements (ch. 1.4.2 and 4).

The committed workbook is imported afresh into a temporary project, and the shares are computed directly from
responses.csv with pandas (not through hkh's tables), with bases that leave out blanks and the codebook's
non-substantive codes, as the contract defines them. Each share's nearest simple fraction (halves, thirds,
quarters, fifths, tenths) must be the report's phrase.
"""

from __future__ import annotations

import importlib.util
import shutil
from fractions import Fraction
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from hkh.cli import app
from hkh.survey.codebook import Codebook
from survey_fixtures import make_project

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "brugata_storgata"
WORKBOOK = EXAMPLE / "data" / "raw" / "sporreundersokelse-2020-SYNTETISK.xlsx"
SIMPLE = sorted({Fraction(n, d) for d in (2, 3, 4, 5, 10) for n in range(1, d)})


def nearest(share: float) -> Fraction:
    return min(SIMPLE, key=lambda f: abs(float(f) - share))


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[pd.DataFrame, Codebook, str]:
    root = make_project(tmp_path_factory.mktemp("example") / "brugata")
    raw = root / "data" / "raw"
    raw.mkdir(parents=True)
    shutil.copyfile(WORKBOOK, raw / WORKBOOK.name)
    result = CliRunner().invoke(
        app, ["import", str(raw / WORKBOOK.name), "-p", str(root), "-s", "sporreundersokelse-2020", "-l", "en"]
    )
    assert result.exit_code == 0, result.output
    folder = root / "data" / "survey" / "sporreundersokelse-2020"
    frame = pd.read_csv(folder / "responses.csv")
    return frame, Codebook.load(folder / "codebook.yaml"), result.output


def share(frame: pd.DataFrame, codebook: Codebook, variable: str, codes: set[int]) -> float:
    question = codebook.question(variable)
    assert question is not None
    values = frame[variable].dropna()
    values = values[~values.isin(question.non_substantive)]
    return float(values.isin(codes).sum()) / len(values)


def option_share(frame: pd.DataFrame, codebook: Codebook, name: str, label: str) -> float:
    question = codebook.question(name)
    assert question is not None and question.type == "multiple"
    variable = next(o.variable for o in question.options if o.label == label)
    answered = frame[question.variables].notna().any(axis=1)
    return float((frame.loc[answered, variable] == 1).sum()) / int(answered.sum())


def test_respondent_counts(imported: tuple[pd.DataFrame, Codebook, str]) -> None:
    frame, codebook, output = imported
    assert (codebook.respondents.answered, codebook.respondents.complete, codebook.respondents.partial) == (51, 45, 6)
    assert len(frame) == 51 and frame["_status"].value_counts().to_dict() == {4: 45, 3: 6}
    for column in ("respondentid", "email", "navn"):
        assert f"dropped column {column}: " in output
    assert int((frame["kjonn"] == 1).sum()) == 38


@pytest.mark.parametrize(
    "variable, codes, phrase, check",
    [
        ("kjonn", {1}, Fraction(3, 4), None),              # tre av fire er menn
        ("tilhorighet", {2, 3}, Fraction(1, 3), None),     # en tredel hører ikke til Oslo
        ("hyppighet", {1, 2, 3}, Fraction(2, 3), None),    # to av tre mer enn tre ganger i uka
        ("hyppighet", {1}, Fraction(1, 5), None),          # en av fem flere ganger om dagen
        ("hovedgrunn", {1}, Fraction(3, 4), None),         # tre av fire kjøper og selger
        ("hovedgrunn", {2}, Fraction(1, 5), None),         # en av fem: sosialt treffsted
        ("selger", {2}, Fraction(2, 5), None),             # fire av ti av dem selger ikke
        ("trygg_1", {1}, Fraction(4, 5), None),            # åtte av ti trygge før kl. 18
        ("trygg_2", {1}, Fraction(1, 2), "under"),         # litt under halvparten
        ("trygg_3", {1}, Fraction(3, 10), None),           # tre av ti etter midnatt
        ("vapen", {1}, Fraction(3, 10), None),             # tre av ti bevæpner seg
        ("ringt_politi", {1}, Fraction(1, 5), "under"),    # under en av fem har ringt politiet
        ("andre_omrader", {1}, Fraction(1, 2), None),      # omtrent halvparten bruker andre områder
        ("rusfri", {1}, Fraction(1, 3), None),             # en av tre må bli rusfri
    ],
)
def test_report_shares(
    imported: tuple[pd.DataFrame, Codebook, str], variable: str, codes: set[int], phrase: Fraction, check: str | None
) -> None:
    frame, codebook, _ = imported
    value = share(frame, codebook, variable, codes)
    assert nearest(value) == phrase, (variable, value)
    if check == "under":
        assert value < float(phrase)


def test_multiple_choice_shares(imported: tuple[pd.DataFrame, Codebook, str]) -> None:
    frame, codebook, _ = imported
    buff = option_share(frame, codebook, "konflikt", "Salg av «bøff»")
    assert buff > 0.8 and nearest(buff) == Fraction(4, 5)  # over fire av fem
    for label in ("Provoserende atferd", "Inndriving av gjeld"):
        assert nearest(option_share(frame, codebook, "konflikt", label)) == Fraction(1, 2)  # halvparten
    # conditional questions are blank for those not asked
    assert frame.loc[frame["hovedgrunn"] != 1, "selger"].isna().all()
    assert frame.loc[frame["vapen"] != 1, ["vapentype_1", "vapentype_2", "vapentype_3"]].isna().all().all()
    assert int(frame[["vapentype_1", "vapentype_2", "vapentype_3"]].notna().any(axis=1).sum()) == 13
    # partial respondents stop part-way: nothing after their last question
    partial = frame[frame["_status"] == 3]
    assert partial[["vapen", "rusfri", "rusmidler_1"]].isna().all().all()


def test_codebook_matches_the_contract(imported: tuple[pd.DataFrame, Codebook, str]) -> None:
    _, codebook, _ = imported
    expected = {
        "kjonn": "single", "alder": "single", "tilhorighet": "single", "hyppighet": "single", "hovedgrunn": "single",
        "selger": "single", "trygg_1": "grid_item", "trygg_2": "grid_item", "trygg_3": "grid_item",
        "konflikt": "multiple", "vapen": "single", "vapentype": "multiple", "ringt_politi": "single",
        "andre_omrader": "single", "rusmidler": "multiple", "rusfri": "single", "konflikt_annet": "open",
    }
    assert {q.name: q.type for q in codebook.questions} == expected
    assert codebook.question("trygg_2").group == "trygg"
    assert codebook.question("trygg_1").non_substantive == [3]
    assert codebook.question("rusfri").non_substantive == [3]
    assert codebook.question("vapen").non_substantive == [3]
    assert codebook.question("kjonn").option("Mann").code == 1
    assert codebook.question("konflikt").other_text == "konflikt_annet"
    assert codebook.question("konflikt_annet").parent == "konflikt"
    assert [o.label for o in codebook.question("rusmidler").options] == [
        "Heroin", "Amfetamin", "Benzodiazepiner", "Cannabis", "Kokain", "Annet"
    ]


def test_committed_import_is_current(imported: tuple[pd.DataFrame, Codebook, str]) -> None:
    """The example's committed data/survey/ is what importing the committed workbook gives."""
    frame, codebook, _ = imported
    folder = EXAMPLE / "data" / "survey" / "sporreundersokelse-2020"
    committed = pd.read_csv(folder / "responses.csv")
    pd.testing.assert_frame_equal(committed, frame)
    exclude = {"imported"}
    assert Codebook.load(folder / "codebook.yaml").model_dump(exclude=exclude) == codebook.model_dump(exclude=exclude)


def test_generator_is_deterministic(tmp_path: Path) -> None:
    """Re-running make_survey.py gives the same sheets as the committed workbook."""
    import openpyxl

    spec = importlib.util.spec_from_file_location("make_survey", EXAMPLE / "make_survey.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = module.write_workbook(tmp_path / "fresh.xlsx")
    old = openpyxl.load_workbook(WORKBOOK, read_only=True)
    new = openpyxl.load_workbook(fresh, read_only=True)
    assert old.sheetnames == new.sheetnames == ["Om", "Labels", "Dataset", "Structure", "Variables"]
    assert "SYNTETISKE DATA" in str(next(new["Om"].iter_rows(values_only=True))[0])
    for name in old.sheetnames:
        assert list(old[name].iter_rows(values_only=True)) == list(new[name].iter_rows(values_only=True)), name
