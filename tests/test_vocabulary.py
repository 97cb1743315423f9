"""The vocabulary: declared terms, compared the forgiving way, and `hkh check` errors on any other, with "did you
mean"; projects without one get it proposed by `hkh check --fix`. And the checks of needs' `by` and `unsuitable`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hkh.cli import app
from hkh.core.yamlio import load_yaml
from hkh.pipeline import check
from hkh.project.models import Mapping
from hkh.project.vocabulary import loose_key, suggest, term_key, terms_of
from project_files import write_project_files

runner = CliRunner()

HKH = "title: Test\nlanguage: en\n"
SOURCES = "sources:\n  - {id: s1, method: observation, title: Observation}\n"
EFFORTS = """\
efforts:
  - id: klubb
    organisation: Bydelen
    name: Ungdomsklubb
    offers: [moteplass]
    target_groups: ["ungdom 13–18 år"]
    areas: [Storgata]
    opening_hours: "Mo-Fr 14:00-20:00"
"""
FINDINGS = """\
findings:
  - id: f
    statement: A finding
    evidence: [{source: s1}]
    needs:
      - {offer: møteplass, who: "ungdom 13-18 år", where: Storgata}
"""
VOCABULARY = """\
vocabulary:
  offers: [møteplass]
  target_groups: ["ungdom 13-18 år"]
  areas: [{name: Oslo sentrum, contains: [Storgata]}]
"""


def write(root: Path, *, hkh: str = HKH + VOCABULARY, efforts: str = EFFORTS, findings: str = FINDINGS) -> Path:
    return write_project_files(root, hkh=hkh, sources=SOURCES, efforts=efforts, findings=findings, plan="goals: []\n")


def problems(root: Path) -> list[tuple[str, str, str, int | None, str]]:
    return [
        (p.severity.value, p.code, Path(str(p.path)).name, p.line, p.message)
        for p in check(root).problems
        if p.code != "finding-unaddressed"
    ]


# ------------------------------------------------------------------------------------------------ comparing words


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("ungdom 13-18 år", "Ungdom 13–18 år"),
        ("ungdom 13 - 18 år", "ungdom 13—18  år"),
        ("Brugata / Storgata", "brugata/storgata"),
        ("ROP‐behandling", "rop-behandling"),
    ],
)
def test_case_blanks_and_dashes_do_not_matter(first: str, second: str) -> None:
    assert term_key(first) == term_key(second)


def test_words_without_ae_oe_aa_are_near_misses_not_the_same() -> None:
    assert term_key("moteplass") != term_key("møteplass")
    assert loose_key("moteplass") == loose_key("møteplass") == loose_key("moeteplass")
    assert suggest("moteplass", ["mat", "møteplass", "overnatting"]) == "møteplass"
    assert suggest("overnating", ["mat", "møteplass", "overnatting"]) == "overnatting"
    assert suggest("brukerrom", ["mat", "overnatting"]) is None


def test_an_area_contains_the_areas_inside_it_transitively() -> None:
    vocabulary = {"areas": [{"name": "Oslo", "contains": ["Oslo sentrum"]}, {"name": "Oslo sentrum", "contains": ["Storgata"]}]}
    terms = terms_of(Mapping.model_validate({"title": "t", "vocabulary": vocabulary}))
    assert terms.within("areas", "storgata", "Oslo") and terms.within("areas", "Storgata", "Oslo sentrum")
    assert not terms.within("areas", "Oslo", "Storgata")
    assert terms.serves("areas", "Storgata", ["Oslo"]) and not terms.serves("areas", "Oslo", ["Storgata"])
    assert terms.root("areas", "Storgata") == "Oslo"


# ------------------------------------------------------------------------------------------------ hkh check


def test_check_errors_on_moteplass_when_the_vocabulary_says_moteplass_with_the_suggestion(tmp_path: Path) -> None:
    root = write(tmp_path)
    result = runner.invoke(app, ["check", "-p", str(root)])
    assert result.exit_code == 1
    line = EFFORTS.splitlines().index("    offers: [moteplass]") + 1
    assert re.search(
        rf"efforts\.yaml:{line}: error: effort `klubb`: `moteplass` is not one of the offer tags in hkh\.yaml "
        r"`vocabulary\.offers`; did you mean `møteplass`\?",
        result.stderr,
    ), result.stderr
    # the dash in `ungdom 13–18 år` and the declared `ungdom 13-18 år` are one term; Storgata is declared inside sentrum
    assert [p[1] for p in problems(root)] == ["undeclared-term-similar"]


def test_an_undeclared_word_without_a_close_one(tmp_path: Path) -> None:
    findings = FINDINGS.replace("where: Storgata", "where: Bergen")
    root = write(tmp_path, efforts=EFFORTS.replace("moteplass", "møteplass"), findings=findings)
    assert problems(root) == [
        ("error", "undeclared-term", "findings.yaml", 6,
         "need `f.1`: `Bergen` is not one of the areas in hkh.yaml `vocabulary.areas` (declare it there, or use a "
         "declared term)")
    ]


def test_an_area_that_contains_itself_is_an_error(tmp_path: Path) -> None:
    hkh = HKH + "vocabulary:\n  areas:\n    - {name: A, contains: [B]}\n    - {name: B, contains: [a]}\n"
    found = problems(write(tmp_path, hkh=hkh, efforts="efforts: []\n", findings="findings: []\n"))
    cycles = [(p[1], p[4].split("`")[1]) for p in found if p[0] == "error"]
    assert cycles == [("vocabulary-cycle", "A"), ("vocabulary-cycle", "B")]


def test_without_a_vocabulary_a_warning_and_the_two_spellings(tmp_path: Path) -> None:
    root = write(tmp_path, hkh=HKH)
    found = problems(root)
    assert [(p[0], p[1], p[2]) for p in found] == [
        ("warning", "no-vocabulary", "hkh.yaml"),
        ("warning", "term-spelling", "efforts.yaml"),
    ]
    assert "`moteplass` and `møteplass` are written two ways; did you mean `møteplass`?" in found[1][4]
    assert "the 3 terms in use" in found[0][4]


def test_check_fix_writes_a_vocabulary_of_the_terms_in_use(tmp_path: Path) -> None:
    """One `hkh check --fix` mends both: hkh.yaml gets a vocabulary of the words in use, and then the word written
    without its ø becomes the vocabulary's (it has one meaning); the changes are listed, and the folder passes."""
    root = write(tmp_path, hkh=HKH)
    result = runner.invoke(app, ["check", "--fix", "-p", str(root)])
    listed = result.stderr.splitlines()
    assert listed[0] == f"{root / 'hkh.yaml'}:3: added a vocabulary of 3 words from the efforts and needs"
    line = EFFORTS.splitlines().index("    offers: [moteplass]") + 1
    assert listed[1] == f"{root / 'efforts.yaml'}:{line}: wrote `møteplass` instead of `moteplass`"
    vocabulary = load_yaml(root / "hkh.yaml")["vocabulary"]
    # the two spellings become one term, with its ø; the dash of the first use is kept
    assert vocabulary == {"offers": ["møteplass"], "target_groups": ["ungdom 13–18 år"], "areas": ["Storgata"]}
    assert (root / "hkh.yaml").read_text("utf-8").startswith(HKH)  # the file is extended, not rewritten
    assert (root / "efforts.yaml").read_text("utf-8") == EFFORTS.replace("moteplass", "møteplass")  # only the word
    assert result.exit_code == 0 and problems(root) == []
    again = runner.invoke(app, ["check", "--fix", "-p", str(root)])
    assert again.exit_code == 0 and "added" not in again.stderr and "wrote" not in again.stderr


def test_check_fix_proposes_the_vocabulary_only_from_files_it_could_read(tmp_path: Path) -> None:
    """With a tab in efforts.yaml, a vocabulary made of the needs' words alone would make the efforts' words errors:
    the tab is mended first, and the vocabulary made in the next round, of every word."""
    root = write(tmp_path, hkh=HKH, efforts=EFFORTS.replace("    name: Ungdomsklubb", "\tname: Ungdomsklubb"))
    result = runner.invoke(app, ["check", "--fix", "-p", str(root)])
    assert result.exit_code == 0, result.output
    vocabulary = load_yaml(root / "hkh.yaml")["vocabulary"]
    assert vocabulary == {"offers": ["møteplass"], "target_groups": ["ungdom 13–18 år"], "areas": ["Storgata"]}
    assert problems(root) == []


def test_check_fix_leaves_a_word_close_to_a_declared_one_for_the_team(tmp_path: Path) -> None:
    """`moteplass` for `møteplass` has one meaning and is mended; `motested` (close, but another word) is asked."""
    root = write(tmp_path, efforts=EFFORTS.replace("moteplass", "møteplas"))
    result = runner.invoke(app, ["check", "--fix", "-p", str(root)])
    assert result.exit_code == 1 and "did you mean `møteplass`?" in result.stderr
    assert "møteplas]" in (root / "efforts.yaml").read_text("utf-8")


# ------------------------------------------------------------------------------------------------ by, unsuitable


NEEDS_WITH_BY = """\
findings:
  - id: f
    statement: A finding
    evidence: [{source: s1}]
    needs:
      - offer: møteplass
        by: [polise, Bydelen]
        unsuitable:
          - {effort: klub, reason: Closed}
          - {effort: kafe, reason: No room}
"""
MORE_EFFORTS = EFFORTS.replace("moteplass", "møteplass") + """\
  - id: kafe
    organisation: Kirken
    name: Kafé
    offers: [mat]
    low_threshold: true
    eligibility: {referral: true}
    capacity: {turned_away_per_week: 4}
    over_capacity: false
"""


def test_by_and_unsuitable_name_what_exists(tmp_path: Path) -> None:
    hkh = HKH + VOCABULARY.replace("[møteplass]", "[møteplass, mat]")
    found = problems(write(tmp_path, hkh=hkh, efforts=MORE_EFFORTS, findings=NEEDS_WITH_BY))
    assert [(p[0], p[1]) for p in found] == [
        ("error", "unknown-provider-similar"),
        ("error", "unknown-effort-similar"),
        ("warning", "referral-low-threshold"),
        ("warning", "capacity-contradiction"),
        ("warning", "unsuitable-not-offered"),
    ]
    messages = [p[4] for p in found]
    assert "`by` names `polise`" in messages[0] and "did you mean `police`?" in messages[0]
    assert "effort `klub`, which is not in efforts.yaml; did you mean `klubb`?" in messages[1]
    assert "turns away 4 people a week" in messages[3]
    assert "does not offer `møteplass`" in messages[4]


def test_an_effort_without_provider_is_named_when_a_need_asks_for_police(tmp_path: Path) -> None:
    findings = FINDINGS.replace("where: Storgata}", "where: Storgata, by: [police]}")
    found = problems(write(tmp_path, efforts=EFFORTS.replace("moteplass", "møteplass"), findings=findings))
    assert [(p[1], p[2]) for p in found] == [("provider-missing", "efforts.yaml")]
    assert "asks to be met by `police`, but says no `provider`" in found[0][4]


# ------------------------------------------------------------------------------------------------ hkh efforts import


def test_a_services_list_declares_its_new_words_but_not_a_misspelling(tmp_path: Path) -> None:
    """`hkh init` writes a starting vocabulary; a services list brings words of its own. Those not close to a declared
    word are declared in hkh.yaml; `rådgiving` (close to the declared `rådgivning`) is left for `hkh check` to ask."""
    import csv

    folder = tmp_path / "ny"
    assert runner.invoke(app, ["init", str(folder), "--area", "Sentrum", "--language", "nb"]).exit_code == 0
    path = tmp_path / "tjenester.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Navn", "Driftes av", "Hva tilbys", "Målgruppe", "Område", "Kapasitet"])
        writer.writerow(["Feltpleien", "Velferdsetaten", "helsehjelp", "åpent rusmiljø", "Sentrum", "10 plasser"])
        writer.writerow(["Samtaler", "Kirken", "rådgiving", "åpent rusmiljø", "Grønland", ""])
    result = runner.invoke(app, ["efforts", "import", str(path), "--confirm", "-p", str(folder)])
    assert result.exit_code == 0, result.output
    assert "la til 2 nye ord i ordlisten (vocabulary) i hkh.yaml: `åpent rusmiljø`, `Grønland`" in result.stdout
    vocabulary = load_yaml(folder / "hkh.yaml")["vocabulary"]
    assert vocabulary["target_groups"][-1] == "åpent rusmiljø" and vocabulary["areas"] == ["Sentrum", "Grønland"]
    assert "rådgiving" not in vocabulary["offers"]
    assert "# Ordlisten" in (folder / "hkh.yaml").read_text("utf-8")  # the comments are kept
    checked = runner.invoke(app, ["check", "-p", str(folder)])
    assert checked.exit_code == 1 and "`rådgiving` er ikke blant stikkordene for tilbud" in checked.stderr
    assert "mente du `rådgivning`?" in checked.stderr
    efforts = {entry["id"]: entry for entry in load_yaml(folder / "efforts.yaml")["efforts"]}
    assert efforts["feltpleien"]["capacity"] == "10 plasser"
