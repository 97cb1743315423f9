"""`hkh check`: each cross-reference error and each warning, with its message and the line it points at."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hkh.cli import app
from hkh.core.errors import Problem, Severity
from hkh.pipeline import check

runner = CliRunner()

BASE = {
    "hkh.yaml": """\
title: "Testgata"
language: en
mandate:
  - id: m1
    text: "What happens in the street?"
parties: ["The district", "  THE POLICE "]
steps:
  - id: request
    state: done
    start: 2025-01
    end: 2025-02
  - id: steering_group
    state: in_progress
  - id: initial_consultation
  - id: mapping
  - id: gap_analysis
  - id: final_consultation
  - id: report
vocabulary:
  offers: [shelter, health]
""",
    "sources.yaml": """\
sources:
  - id: interviews
    method: service_interview
    title: "Service interviews"
  - id: watching
    method: observation
    title: "Observation"
""",
    "efforts.yaml": """\
efforts:
  - id: cafe
    organisation: "City Mission"
    name: "Night café"
    offers: [shelter]
    opening_hours: "Mo-Su 20:00-24:00"
    sources: [interviews]
""",
    "findings.yaml": """\
findings:
  - id: f1
    mandate: m1
    statement: "Nowhere to go at night."
    evidence:
      - source: interviews
        says: "People stay out all night"
      - source: watching
    needs:
      - offer: shelter
        when: "Mo-Su 00:00-07:00"
  - id: f2
    statement: "Health services are little known."
    evidence:
      - source: interviews
    needs:
      - id: health
        offer: health
        when: "Mo-Fr 10:00-16:00"
""",
    "plan.yaml": """\
goals:
  - text: "Somewhere to be at night"
    measures:
      - text: "Open the café until 07:00"
        responsible: "city mission"
        involved: ["The Police", "Night café"]
        addresses: [f1.1]
  - text: "Known health services"
    measures:
      - text: "Tell people about the health bus"
        responsible: "The district"
        addresses: [health]
""",
}


def make_project(tmp_path: Path, **edits: tuple[str, str] | str) -> Path:
    """The base project, with files replaced (`name=text`) or edited (`name=(old, new)`); `_` in names is `.`."""
    files = dict(BASE)
    for key, edit in edits.items():
        name = key.replace("_yaml", ".yaml")
        if isinstance(edit, tuple):
            old, new = edit
            assert old in files[name], old
            files[name] = files[name].replace(old, new, 1)
        else:
            files[name] = edit
    for name, text in files.items():
        (tmp_path / name).write_text(text, "utf-8")
    return tmp_path


def line_of_text(root: Path, name: str, needle: str, occurrence: int = 1) -> int:
    lines = [i + 1 for i, line in enumerate((root / name).read_text("utf-8").splitlines()) if needle in line]
    return lines[occurrence - 1]


def problems_of(root: Path) -> list[Problem]:
    problems = check(root).problems
    return problems


def only(problems: list[Problem], code: str) -> Problem:
    matching = [p for p in problems if p.code == code]
    assert len(matching) == 1, [str(p) for p in problems]
    return matching[0]


def assert_problem(problem: Problem, severity: Severity, file_name: str, line: int, phrase: str) -> None:
    assert problem.severity is severity, str(problem)
    assert Path(str(problem.path)).name == file_name, str(problem)
    assert problem.line == line, str(problem)
    assert phrase in problem.message, str(problem)


def test_the_base_project_is_clean(tmp_path: Path) -> None:
    assert [str(p) for p in problems_of(make_project(tmp_path))] == []


# ------------------------------------------------------------------------------------------- duplicate ids


@pytest.mark.parametrize(
    ("file_name", "old", "new", "needle", "occurrence", "phrase"),
    [
        ("sources.yaml", "  - id: watching", "  - id: interviews", "- id: interviews", 2, "the id `interviews` is used twice (source, first on line 2)"),
        ("efforts.yaml", "efforts:\n", "efforts:\n  - id: cafe\n    organisation: X\n    name: Y\n", "- id: cafe", 2, "the id `cafe` is used twice (effort"),
        ("findings.yaml", "  - id: f2", "  - id: f1", "- id: f1", 2, "the id `f1` is used twice (finding"),
        ("findings.yaml", "      - id: health", "      - id: f1.1", "- id: f1.1", 1, "the id `f1.1` is used twice (need"),
        ("findings.yaml", "      - id: health", "      - id: f1", "- id: f1", 2, "the need id `f1` is also a finding's id"),
        ("hkh.yaml", "mandate:\n", "mandate:\n  - id: m1\n    text: again\n", "- id: m1", 2, "the id `m1` is used twice (mandate item"),
        ("plan.yaml", "goals:\n", "goals:\n  - id: A\n    text: one\n  - id: A\n    text: two\n", "- id: A", 2, "the id `A` is used twice (goal, first on line 2)"),
        ("plan.yaml", "      - text: \"Tell people about the health bus\"", "      - id: \"1.1\"\n        text: \"Tell\"", "- id: \"1.1\"", 1, "the id `1.1` is used twice (measure"),
    ],
    ids=["source", "effort", "finding", "need-auto", "need-finding", "mandate", "goal", "measure"],
)
def test_duplicate_ids(tmp_path: Path, file_name: str, old: str, new: str, needle: str, occurrence: int, phrase: str) -> None:
    root = make_project(tmp_path, **{file_name.replace(".yaml", "_yaml"): (old, new)})
    problem = only(problems_of(root), "need-id-is-finding" if "also a finding" in phrase else "duplicate-id")
    assert_problem(problem, Severity.ERROR, file_name, line_of_text(root, file_name, needle, occurrence), phrase)


# -------------------------------------------------------------------------------------- unknown references


def test_evidence_naming_an_unknown_source(tmp_path: Path) -> None:
    root = make_project(tmp_path, findings_yaml=("      - source: watching", "      - source: wathcing"))
    problem = only(problems_of(root), "unknown-source")
    assert_problem(problem, Severity.ERROR, "findings.yaml", line_of_text(root, "findings.yaml", "wathcing"),
                   "the source `wathcing` is not in sources.yaml; correct the id")


def test_effort_naming_an_unknown_source(tmp_path: Path) -> None:
    root = make_project(tmp_path, efforts_yaml=("sources: [interviews]", "sources: [interviews, leaflet]"))
    problem = only(problems_of(root), "unknown-source")
    assert_problem(problem, Severity.ERROR, "efforts.yaml", line_of_text(root, "efforts.yaml", "leaflet"),
                   "the source `leaflet` is not in sources.yaml")


def test_finding_naming_an_unknown_mandate_item(tmp_path: Path) -> None:
    root = make_project(tmp_path, findings_yaml=("    mandate: m1", "    mandate: m9"))
    problem = only(problems_of(root), "unknown-mandate")
    assert_problem(problem, Severity.ERROR, "findings.yaml", line_of_text(root, "findings.yaml", "mandate: m9"),
                   "finding `f1` names the mandate item `m9`, which is not under `mandate` in hkh.yaml (those are: m1)")


def test_measure_addressing_an_unknown_id(tmp_path: Path) -> None:
    root = make_project(tmp_path, plan_yaml=("addresses: [health]", "addresses:\n          - health\n          - f1.2"))
    problem = only(problems_of(root), "unknown-finding")
    assert_problem(problem, Severity.ERROR, "plan.yaml", line_of_text(root, "plan.yaml", "- f1.2"),
                   "measure 2.1 addresses `f1.2`, which is neither a finding nor a need")


def test_measure_may_address_findings_and_both_kinds_of_need_id(tmp_path: Path) -> None:
    root = make_project(tmp_path, plan_yaml=("addresses: [health]", "addresses: [f2, health, f1.1, f1]"))
    assert [p for p in problems_of(root) if p.severity is Severity.ERROR] == []


def test_follow_up_naming_an_unknown_finding(tmp_path: Path) -> None:
    root = make_project(tmp_path, plan_yaml=BASE["plan.yaml"] + "follow_up:\n  - finding: f7\n    text: later\n")
    problem = only(problems_of(root), "follow-up-unknown-finding")
    assert_problem(problem, Severity.ERROR, "plan.yaml", line_of_text(root, "plan.yaml", "finding: f7"),
                   "`follow_up` names the finding `f7`")


def test_unknown_responsible_party(tmp_path: Path) -> None:
    root = make_project(tmp_path, plan_yaml=('responsible: "The district"', 'responsible: "The health agency"'))
    problem = only(problems_of(root), "unknown-party")
    assert_problem(problem, Severity.ERROR, "plan.yaml", line_of_text(root, "plan.yaml", "The health agency"),
                   "the responsible party `The health agency` is neither")


def test_unknown_involved_party_points_at_the_list_item(tmp_path: Path) -> None:
    root = make_project(tmp_path, plan_yaml=('involved: ["The Police", "Night café"]', 'involved:\n          - The Police\n          - Red Cross'))
    problem = only(problems_of(root), "unknown-party")
    assert_problem(problem, Severity.ERROR, "plan.yaml", line_of_text(root, "plan.yaml", "Red Cross"),
                   "the involved party `Red Cross`")


def test_parties_match_ignoring_case_and_blanks(tmp_path: Path) -> None:
    # the base plan names "city mission" (organisation "City Mission"), "The Police" (party "  THE POLICE ") and
    # "Night café" (an effort's name): none is a problem
    root = make_project(tmp_path, plan_yaml=('responsible: "The district"', 'responsible: "  the   DISTRICT "'))
    assert [p for p in problems_of(root) if p.code == "unknown-party"] == []


def test_source_file_that_does_not_exist(tmp_path: Path) -> None:
    root = make_project(tmp_path, sources_yaml=('    title: "Observation"', '    title: "Observation"\n    files:\n      - notes.docx\n      - docs/log.xlsx'))
    (root / "data" / "raw").mkdir(parents=True)
    (root / "data" / "raw" / "notes.docx").write_bytes(b"")  # a bare name is also looked for in data/raw/
    problem = only(problems_of(root), "source-file-missing")
    assert_problem(problem, Severity.ERROR, "sources.yaml", line_of_text(root, "sources.yaml", "log.xlsx"),
                   "the file `docs/log.xlsx` does not exist")


def test_raw_export_missing_from_a_clone_is_only_a_warning(tmp_path: Path) -> None:
    # data/raw/ is kept out of git, so a colleague's clone lacks the raw export; the import in data/survey/ is enough
    root = make_project(tmp_path, sources_yaml=('    title: "Observation"', '    title: "Observation"\n    files:\n      - data/raw/export.xlsx'))
    problem = only(problems_of(root), "source-raw-missing")
    assert_problem(problem, Severity.WARNING, "sources.yaml", line_of_text(root, "sources.yaml", "export.xlsx"),
                   "the raw file `data/raw/export.xlsx` is not in this copy")


def test_an_imported_survey_that_sources_yaml_does_not_list(tmp_path: Path) -> None:
    """An import stopped between renaming the survey folder into place and registering it, or a source deleted by
    hand: the folder is named, with what to do."""
    root = make_project(tmp_path)
    (root / "data" / "survey" / "gatetelling").mkdir(parents=True)
    (root / "data" / "survey" / "gatetelling" / "codebook.yaml").write_text("source: gatetelling\n", "utf-8")
    temporary = root / "data" / "survey" / ".gatetelling.0123abcd-1-abcd.tmp"  # an import still being written
    temporary.mkdir()
    (temporary / "codebook.yaml").write_text("source: gatetelling\n", "utf-8")
    problem = only(problems_of(root), "survey-not-registered")
    assert problem.severity is Severity.WARNING
    assert Path(str(problem.path)).name == "sources.yaml"
    assert problem.message == (
        "data/survey/gatetelling/ holds an imported survey that sources.yaml does not list; import it again "
        "(`hkh import … --source gatetelling`) or delete the folder"
    )


def test_survey_question_on_a_source_that_is_not_a_survey(tmp_path: Path) -> None:
    root = make_project(tmp_path, findings_yaml=('        says: "People stay out all night"', '        question: safe_3'))
    problem = only(problems_of(root), "question-not-survey")
    assert_problem(problem, Severity.ERROR, "findings.yaml", line_of_text(root, "findings.yaml", "question: safe_3"),
                   "source `interviews` has method `service_interview`")


SURVEY_SOURCE = '  - id: survey\n    method: survey\n    title: "Survey"\n'
CODEBOOK = """\
source: survey
imported: "2020-05-01T12:00:00"
respondents: {rows: 3, answered: 3}
questions:
  - name: safe
    type: grid_item
    variables: [safe_1]
    options:
      - {code: 1, label: "Safe"}
      - {code: 2, label: "Unsafe"}
  - name: conflict
    type: multiple
    variables: [conflict_1, conflict_2]
    options:
      - {code: 1, label: "Selling fake drugs", variable: conflict_1}
      - {code: 2, label: "Debt collection", variable: conflict_2}
  - name: age
    type: number
    variables: [age]
"""


def _survey_project(tmp_path: Path, question: str, codebook: str | None, option: str | None = None) -> Path:
    cited = f"      - source: survey\n        question: {question}\n" + (f"        option: {option}\n" if option else "")
    root = make_project(
        tmp_path,
        sources_yaml=BASE["sources.yaml"] + SURVEY_SOURCE,
        findings_yaml=("      - source: watching\n", "      - source: watching\n" + cited),
    )
    if codebook is not None:
        (root / "data" / "survey" / "survey").mkdir(parents=True)
        (root / "data" / "survey" / "survey" / "codebook.yaml").write_text(codebook, "utf-8")
    return root


def test_survey_question_not_in_the_codebook(tmp_path: Path) -> None:
    root = _survey_project(tmp_path, "safety", CODEBOOK)
    problem = only(problems_of(root), "unknown-question")
    assert_problem(problem, Severity.ERROR, "findings.yaml", line_of_text(root, "findings.yaml", "question: safety"),
                   "question `safety` is not in the codebook of survey `survey`")


@pytest.mark.parametrize("question", ["safe", "conflict_2", "safe_1"])
def test_survey_question_found_by_name_or_variable(tmp_path: Path, question: str) -> None:
    root = _survey_project(tmp_path, question, CODEBOOK)
    assert [str(p) for p in problems_of(root)] == []


@pytest.mark.parametrize(
    ("question", "option"),
    [("safe", "Unsafe"), ("safe", "2"), ("safe_1", '"  unsafe "'), ("conflict", "Debt collection"), ("conflict", "conflict_2"), ("age", "40")],
)
def test_survey_option_found_by_code_label_or_variable(tmp_path: Path, question: str, option: str) -> None:
    root = _survey_project(tmp_path, question, CODEBOOK, option)
    assert [str(p) for p in problems_of(root)] == []


def test_survey_options_joined_by_plus_for_a_combined_share(tmp_path: Path) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "bad").mkdir()
    assert [str(p) for p in problems_of(_survey_project(tmp_path / "ok", "safe", CODEBOOK, '"Safe + 2"'))] == []
    problem = only(problems_of(_survey_project(tmp_path / "bad", "safe", CODEBOOK, '"Safe + Scared"')), "unknown-option")
    assert problem.severity is Severity.ERROR


def test_survey_option_not_in_the_codebook(tmp_path: Path) -> None:
    root = _survey_project(tmp_path, "safe", CODEBOOK, '"Scared"')
    problem = only(problems_of(root), "unknown-option")
    assert_problem(problem, Severity.ERROR, "findings.yaml", line_of_text(root, "findings.yaml", "Scared"),
                   "`Scared` is not an option of question `safe` (options: 1 Safe; 2 Unsafe)")


def test_survey_not_imported_is_a_warning(tmp_path: Path) -> None:
    root = _survey_project(tmp_path, "safe", None)
    problem = only(problems_of(root), "survey-not-imported-yet")
    assert_problem(problem, Severity.WARNING, "findings.yaml", line_of_text(root, "findings.yaml", "source: survey"),
                   "survey `survey` is not imported yet")


def test_unreadable_codebook_is_reported_at_its_own_line(tmp_path: Path) -> None:
    root = _survey_project(tmp_path, "safe", "source: survey\nquestions:\n  - name: [unclosed\n")
    problem = only(problems_of(root), "yaml-bracket")
    assert Path(str(problem.path)).as_posix().endswith("data/survey/survey/codebook.yaml")
    assert problem.severity is Severity.ERROR


# ---------------------------------------------------------------------------------------------- warnings


def test_finding_no_measure_addresses(tmp_path: Path) -> None:
    root = make_project(tmp_path, plan_yaml=("addresses: [health]", "addresses: []"))
    problem = only(problems_of(root), "finding-unaddressed")
    assert_problem(problem, Severity.WARNING, "findings.yaml", line_of_text(root, "findings.yaml", "- id: f2"),
                   "no measure in plan.yaml addresses finding `f2`")


def test_a_finding_under_follow_up_is_not_unaddressed(tmp_path: Path) -> None:
    plan = BASE["plan.yaml"].replace("addresses: [health]", "addresses: []") + "follow_up:\n  - finding: f2\n    text: later\n"
    root = make_project(tmp_path, plan_yaml=plan)
    assert [str(p) for p in problems_of(root)] == []


def test_finding_without_evidence(tmp_path: Path) -> None:
    root = make_project(tmp_path, findings_yaml=("    evidence:\n      - source: interviews\n    needs:\n      - id: health",
                                                 "    needs:\n      - id: health"))
    problem = only(problems_of(root), "finding-without-evidence")
    assert_problem(problem, Severity.WARNING, "findings.yaml", line_of_text(root, "findings.yaml", "- id: f2"),
                   "finding `f2` has no evidence")


def test_need_without_when_is_a_need_at_any_hour(tmp_path: Path) -> None:
    root = make_project(tmp_path, findings_yaml=('        when: "Mo-Fr 10:00-16:00"\n', ""))
    assert [p for p in problems_of(root) if "health" in p.message and "when" in p.message] == []


def test_semicolon_cancelling_friday_night_in_opening_hours(tmp_path: Path) -> None:
    hours = "Mo-Th 08:00-24:00; Fr 08:00-04:00; Sa 10:00-04:00"
    root = make_project(tmp_path, efforts_yaml=('opening_hours: "Mo-Su 20:00-24:00"', f'opening_hours: "{hours}"'))
    problem = only(problems_of(root), "hours-spillover")
    assert_problem(problem, Severity.WARNING, "efforts.yaml", line_of_text(root, "efforts.yaml", "opening_hours"),
                   "the `;` before `Sa` wipes out Friday's hours after midnight; use `,`")


def test_comma_keeps_friday_night(tmp_path: Path) -> None:
    hours = "Mo-Th 08:00-24:00; Fr 08:00-04:00, Sa 10:00-04:00"
    root = make_project(tmp_path, efforts_yaml=('opening_hours: "Mo-Su 20:00-24:00"', f'opening_hours: "{hours}"'))
    assert [str(p) for p in problems_of(root)] == []


def test_semicolon_cancelling_spillover_in_a_need(tmp_path: Path) -> None:
    root = make_project(tmp_path, findings_yaml=('when: "Mo-Su 00:00-07:00"', 'when: "Sa 22:00-03:00; Su 12:00-14:00"'))
    problem = only(problems_of(root), "hours-spillover")
    assert_problem(problem, Severity.WARNING, "findings.yaml", line_of_text(root, "findings.yaml", "Sa 22:00-03:00"),
                   "the `;` before `Su` wipes out Saturday's hours")


def test_step_done_without_end_date(tmp_path: Path) -> None:
    root = make_project(tmp_path, hkh_yaml=("    end: 2025-02\n", ""))
    problem = only(problems_of(root), "step-without-end")
    assert_problem(problem, Severity.WARNING, "hkh.yaml", line_of_text(root, "hkh.yaml", "state: done"),
                   "step `request` is done but has no `end`")


@pytest.mark.parametrize(("start", "end", "warned"), [("2025-02-15", "2025-02", False), ("2025-03", "2025-02-28", True)])
def test_step_ending_before_it_starts(tmp_path: Path, start: str, end: str, warned: bool) -> None:
    root = make_project(tmp_path, hkh_yaml=("    start: 2025-01\n    end: 2025-02\n", f"    start: {start}\n    end: {end}\n"))
    found = [p for p in problems_of(root) if p.code == "step-dates"]
    if warned:
        assert_problem(only(found, "step-dates"), Severity.WARNING, "hkh.yaml", line_of_text(root, "hkh.yaml", f"end: {end}"),
                       f"step `request` ends ({end}) before it starts ({start})")
    else:
        assert found == []


def test_step_listed_twice_is_an_error(tmp_path: Path) -> None:
    root = make_project(tmp_path, hkh_yaml=("  - id: report\n", "  - id: report\n  - id: mapping\n"))
    problem = only(problems_of(root), "duplicate-id")
    assert_problem(problem, Severity.ERROR, "hkh.yaml", line_of_text(root, "hkh.yaml", "- id: mapping", 2), "the id `mapping` is used twice (step, first on line")


def test_steps_listed_out_of_order(tmp_path: Path) -> None:
    text = BASE["hkh.yaml"].replace("  - id: mapping\n", "").replace("  - id: report\n", "  - id: report\n  - id: mapping\n")
    root = make_project(tmp_path, hkh_yaml=text)
    problem = only(problems_of(root), "steps-order")
    assert_problem(problem, Severity.WARNING, "hkh.yaml", line_of_text(root, "hkh.yaml", "- id: mapping"),
                   "`mapping` should come before `gap_analysis`")


def test_step_under_way_before_an_earlier_one_started(tmp_path: Path) -> None:
    root = make_project(tmp_path, hkh_yaml=("  - id: mapping\n", "  - id: mapping\n    state: in_progress\n"))
    problem = only(problems_of(root), "steps-state-order")
    assert_problem(problem, Severity.WARNING, "hkh.yaml", line_of_text(root, "hkh.yaml", "state: in_progress", 2),
                   "`mapping` is `in_progress` while the earlier step `initial_consultation` is not started")


def test_source_no_finding_uses(tmp_path: Path) -> None:
    root = make_project(tmp_path, findings_yaml=("      - source: watching\n", ""))
    problem = only(problems_of(root), "source-unused")
    assert_problem(problem, Severity.WARNING, "sources.yaml", line_of_text(root, "sources.yaml", "- id: watching"),
                   "no finding cites the source `watching`")


# --------------------------------------------------------------------------------------- the command line


def test_warnings_alone_exit_0_and_are_listed(tmp_path: Path) -> None:
    root = make_project(tmp_path, findings_yaml=("      - source: watching\n", ""))
    result = runner.invoke(app, ["check", "-p", str(root)])
    assert result.exit_code == 0, result.output
    line = line_of_text(root, "sources.yaml", "- id: watching")
    assert re.search(rf"sources\.yaml:{line}: warning: no finding cites the source `watching`", result.stderr)
    assert "hkh check: ok: 0 errors, 1 warning in " in result.stdout


def test_all_problems_are_listed_errors_first(tmp_path: Path) -> None:
    root = make_project(
        tmp_path,
        findings_yaml=BASE["findings.yaml"].replace("source: watching", "source: nowhere").replace("mandate: m1", "mandate: m2"),
        plan_yaml=BASE["plan.yaml"].replace("addresses: [health]", "addresses: [f3]").replace("responsible: \"The district\"", "responsibel: x"),
        sources_yaml=BASE["sources.yaml"],
    )
    result = runner.invoke(app, ["check", "-p", str(root)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    kinds = [re.search(r": (error|warning): ", line).group(1) for line in lines]
    assert kinds == sorted(kinds)  # "error" sorts before "warning"
    text = result.stderr
    # a schema error in plan.yaml does not hide the cross-reference errors of findings.yaml
    assert "hkh does not know the field `responsibel`; did you mean `responsible`?" in text
    assert "source `nowhere`" in text
    assert "mandate item `m2`" in text
    assert "no finding cites the source `watching`" in text
    # plan.yaml did not load, so its `addresses: [f3]` cannot be judged yet
    assert "failed: 3 errors, 1 warning in" in result.stdout


def test_problem_lines_have_file_line_severity(tmp_path: Path) -> None:
    root = make_project(tmp_path, plan_yaml=('responsible: "The district"', 'responsible: "Nobody"'))
    result = runner.invoke(app, ["check", "-p", str(root)])
    assert result.exit_code == 1
    line = line_of_text(root, "plan.yaml", "Nobody")
    assert result.stderr.splitlines()[0] == f"{root / 'plan.yaml'}:{line}: error: measure 2.1: the responsible party `Nobody` is neither an organisation or effort in efforts.yaml nor listed under `parties` in hkh.yaml"


def test_no_project_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "-p", str(tmp_path)])
    assert result.exit_code == 2
    assert "hkh init" in result.stderr


# ----------------------------------------------------------------------------------- titles and git


@pytest.mark.parametrize(("title", "warned"), [("export", True), ("Export.XLSX", True), ("svar 2020.csv", False),
                                               ("spørreundersøkelse.xlsx", True), ("Spørreundersøkelse 2020", False)])
def test_a_source_title_that_is_a_file_name(tmp_path: Path, title: str, warned: bool) -> None:
    root = make_project(tmp_path, sources_yaml=('    title: "Observation"', f'    title: "{title}"\n    files: [data/raw/export.xlsx]'))
    found = [p for p in problems_of(root) if p.code == "source-title-file-name"]
    if not warned:
        assert found == []
        return
    assert_problem(only(found, "source-title-file-name"), Severity.WARNING, "sources.yaml",
                   line_of_text(root, "sources.yaml", f'title: "{title}"'), f"is a file name (`{title}`)")


def _git(root: Path, *arguments: str) -> None:
    import subprocess

    subprocess.run(["git", "-C", str(root), *arguments], check=True, capture_output=True)


@pytest.mark.skipif(__import__("shutil").which("git") is None, reason="git is not installed")
def test_git_keeping_survey_answers_is_a_warning(tmp_path: Path) -> None:
    root = _survey_project(tmp_path, "safe", CODEBOOK.replace("  - name: age\n    type: number", "  - name: say\n    type: open\n    variables: [say]\n  - name: age\n    type: number"))
    (root / "data" / "survey" / "survey" / "responses.csv").write_text("safe_1,say,age,_status\n1,secret,30,4\n", "utf-8")
    (root / "data" / "raw").mkdir(parents=True)
    (root / "data" / "raw" / "export.xlsx").write_bytes(b"raw")
    (root / "data" / "raw" / ".gitignore").write_text("*\n!.gitignore\n", "utf-8")
    (root / "data" / "survey" / ".gitignore").write_text("*\n!.gitignore\n!*/\n!*/codebook.yaml\n", "utf-8")
    assert [p for p in problems_of(root) if p.code.startswith("git-")] == []  # not in a git work tree: nothing
    _git(root, "init", "-q")
    _git(root, "add", ".")
    assert [p for p in problems_of(root) if p.code.startswith("git-")] == []  # as hkh init sets it up: nothing
    _git(root, "add", "-f", "data/raw/export.xlsx", "data/survey/survey/responses.csv")
    found = {p.code: p for p in problems_of(root) if p.code.startswith("git-")}
    assert sorted(found) == ["git-tracks-open-answers", "git-tracks-raw"]
    assert all(p.severity is Severity.WARNING and p.line is None for p in found.values())
    assert str(found["git-tracks-raw"].path).endswith("data/raw/export.xlsx")
    assert "`git rm --cached " in found["git-tracks-open-answers"].message and "open-text answers" in found["git-tracks-open-answers"].message


def test_no_git_is_no_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    root = make_project(tmp_path)
    assert [str(p) for p in problems_of(root)] == []
