"""What hkh publishes from a survey, read back from its outputs and audited from them alone (issues 11 and 12).

Every test runs the commands on real folders in tmp and reads what they wrote or printed:

- on the example, Kvinne (12) and 26–35 år (14) are hidden only to protect a small count, so every output shows
  them as ":" and explains the mark, never as "<5";
- an attacker's audit by linear programming (tests/disclosure_audit.py, which knows nothing of the engine) over the
  JSON of every table published, one after the other, pins no hidden count closer than the protection level: on the
  example, and on generated surveys of 50 to 400 respondents with several breakdowns each;
- the leak of issue 11 (--by tilhorighet then --by alder gave Utlandet × 36–45 år = 17 − 9 − 5 = 3) is closed;
- no output shows "<N" on a count of N or more, nor ":" on a small count (terminal and JSON, generated surveys);
- --min-cell only raises the threshold; an unsafe breakdown is refused with its reason.
"""

from __future__ import annotations

import csv
import json
import random
import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html
from openpyxl import load_workbook
from typer.testing import CliRunner

from disclosure_audit import Hidden, Reader, audit, survey_facts, too_narrow
from hkh.cli import app

runner = CliRunner(env={"COLUMNS": "200"})
EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "brugata_storgata"
SOURCE = "sporreundersokelse-2020"
PROTECTION = 2  # the default settings.protection; the example does not set it


def invoke(*args: str) -> Any:
    return runner.invoke(app, list(args))


def survey_json(project: Path, *args: str) -> dict[str, Any]:
    result = invoke("survey", "-p", str(project), "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def question_of(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(q for q in data["questions"] if q["question"] == name)


def example_truth(project: Path) -> dict[frozenset[tuple[str, Any]], int]:
    """The example's true counts of single-choice answers, one-way and by pairs, from responses.csv itself."""
    with (project / "data" / "survey" / SOURCE / "responses.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    names = ["kjonn", "alder", "tilhorighet", "hovedgrunn"]
    truth: dict[frozenset[tuple[str, Any]], int] = {}
    for row in rows:
        given = [(n, int(row[n])) for n in names if row[n]]
        for pair in given:
            truth[frozenset({pair})] = truth.get(frozenset({pair}), 0) + 1
        for a in given:
            for b in given:
                if a[0] < b[0]:
                    truth[frozenset({a, b})] = truth.get(frozenset({a, b}), 0) + 1
    return truth


# ------------------------------------------------------------------------------------------------ the example


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The example after `hkh run`, then `hkh survey` (terminal and JSON), `--by tilhorighet` and `--by alder`."""
    project = tmp_path_factory.mktemp("example") / "brugata_storgata"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("out"))
    started = time.perf_counter()
    run = invoke("run", "-p", str(project))
    assert run.exit_code == 0, run.output
    # hkh run published the one-way tables (workbook, charts, report, matrix) through the same protection, and
    # recorded them: no breakdown yet, Kvinne and 26–35 år among the hidden counts
    record = json.loads((project / "data" / "survey" / SOURCE / "published.json").read_text("utf-8"))
    assert record["breakdowns"] == [] and record["min_cell"] == 5
    assert {"cell": [["kjonn", 2]], "mark": "secondary"} in record["hidden"]
    assert {"cell": [["alder", 2]], "mark": "secondary"} in record["hidden"]
    terminal = invoke("survey", "-p", str(project), "--all")
    assert terminal.exit_code == 0, terminal.output
    one_way = survey_json(project)
    by_tilhorighet = survey_json(project, "--by", "tilhorighet")
    by_alder = survey_json(project, "--by", "alder")
    return {
        "project": project, "terminal": terminal.stdout, "one_way": one_way, "tilhorighet": by_tilhorighet,
        "alder": by_alder, "seconds": time.perf_counter() - started,
    }


SECONDARY_ON_THE_EXAMPLE = [("kjonn", 2, "Kvinne", 12), ("alder", 2, "26–35 år", 14)]


def test_the_examples_secondary_counts_carry_the_secondary_mark_in_every_output(example: dict[str, Any]) -> None:
    project: Path = example["project"]
    truth = example_truth(project)
    note = "skjult fordi et lite tall ellers kunne regnes ut fra summene eller andre publiserte tabeller"
    workbook = load_workbook(project / "out" / "sporreundersokelse.xlsx")
    page = lxml_html.fromstring((project / "out" / "rapport.html").read_bytes())
    import docx

    document = docx.Document(str(project / "out" / "rapport.docx"))
    docx_rows = {row.cells[0].text: [c.text for c in row.cells] for table in document.tables for row in table.rows}
    docx_text = "\n".join(p.text for p in document.paragraphs)
    for name, code, label, count in SECONDARY_ON_THE_EXAMPLE:
        # the counts are what the issue says, and not small: "<5" would be false
        assert truth[frozenset({(name, code)})] == count
        for data in (example["one_way"], example["tilhorighet"], example["alder"]):
            option = next(o for o in question_of(data, name)["options"] if o["code"] == code)
            assert (option["count"], option["suppressed"], option["percent"]) == (None, "secondary", None)
        # terminal: the row shows ":" and the table's note explains it
        assert re.search(rf"│ {re.escape(label)}\s*│\s*:\s*│", example["terminal"]), label
        assert note in " ".join(example["terminal"].split())
        # survey workbook: the question's sheet, row "Alle"
        sheet = workbook[name]
        row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "Alle" and r[3] == label)
        assert row[4] == ":" and row[5] is None
        assert any(note in str(r[0]) for r in sheet.iter_rows(max_row=5, values_only=True) if r[0])
        # report, HTML: the table of the question, and its note; the chart beside it says "skjult (:)"
        cells = page.xpath(f"//table[@data-question='{name}']/tbody/tr[@data-code='{code}']/td")
        assert [" ".join(c.text_content().split()) for c in cells][:2] == [label, ":"]
        figure = page.xpath(f"//table[@data-question='{name}']/ancestor::figure[1]")[0]
        assert note in " ".join(figure.text_content().split())
        chart = page.xpath(f"//figure[@data-question='{name}']//svg")[0]
        texts = [" ".join(t.text_content().split()) for t in chart.iter("{*}text", "text")]
        assert "skjult (:)" in texts and any("skjult fordi et lite tall" in t for t in texts), texts
        # report, Word
        assert docx_rows[label][:2] == [label, ":"]
    assert note in docx_text
    # no output anywhere shows "<5" where the true count is 5 or more: the rows that show "<5" are small counts
    for data in (example["one_way"], example["tilhorighet"], example["alder"]):
        for question in data["questions"]:
            if question["question"] not in ("kjonn", "alder", "tilhorighet", "hovedgrunn"):
                continue
            for option in question["options"]:
                true = truth.get(frozenset({(question["question"], option["code"])}), 0)
                assert option["suppressed"] != "small" or true < 5, (question["question"], option["label"], true)
                assert option["suppressed"] != "secondary" or true >= 5
    # what hkh run published is in the record: the one-way tables, Kvinne among the hidden counts
    record = json.loads((project / "data" / "survey" / SOURCE / "published.json").read_text("utf-8"))
    assert record["breakdowns"] == ["tilhorighet", "alder"] and record["min_cell"] == 5
    assert {"cell": [["kjonn", 2]], "mark": "secondary"} in record["hidden"]


def test_the_evidence_sentence_says_a_secondary_count_in_words(example: dict[str, Any]) -> None:
    project: Path = example["project"]
    page = lxml_html.fromstring((project / "out" / "rapport.html").read_bytes())
    sentences = [" ".join(p.text_content().split()) for p in page.xpath("//p[@class='figure-sentence']")]
    social = next(s for s in sentences if "Sosialt treffsted" in s)
    assert social.endswith("Sosialt treffsted: skjult (:) av 51 – tallet er ikke lite, men skjult fordi et lite tall "
                           "ellers kunne regnes ut fra de publiserte tabellene")
    assert not any(": : av" in s or re.search(r"(?<![\w(])<5 av", s) for s in sentences)
    matrix = load_workbook(project / "out" / "triangulering.xlsx")
    values = [str(c) for ws in matrix.worksheets for r in ws.iter_rows(values_only=True) for c in r if c]
    assert any(v.startswith("skjult (:) av 51") for v in values)
    assert not any(v.startswith(": av") for v in values)


def test_an_audit_from_the_published_json_alone_pins_no_hidden_count_on_the_example(example: dict[str, Any]) -> None:
    respondents, non_substantive = survey_facts(example["project"] / "data" / "survey" / SOURCE)
    started = time.perf_counter()
    found = audit([example["one_way"], example["tilhorighet"], example["alder"]], respondents=respondents,
                  non_substantive=non_substantive, min_cell=5)
    seconds = time.perf_counter() - started
    assert len(found) > 150  # one-way tables and two breakdowns of 16 questions
    assert {h.mark for h in found} == {"small", "secondary"}
    assert not too_narrow(found, PROTECTION), [h.describe() for h in too_narrow(found, PROTECTION)]
    assert min(h.width for h in found) >= PROTECTION
    assert seconds < 30


def test_the_issues_leak_is_closed(example: dict[str, Any]) -> None:
    """Issue 11: --by tilhorighet then --by alder gave Utlandet × 36–45 år = 17 − 9 − 5 = 3."""
    project: Path = example["project"]
    truth = example_truth(project)
    utlandet = frozenset({("tilhorighet", 3), ("alder", 3)})
    assert truth[utlandet] == 3
    respondents, non_substantive = survey_facts(project / "data" / "survey" / SOURCE)
    published = [example["one_way"], example["tilhorighet"], example["alder"]]
    found = {h.key: h for h in audit(published, respondents=respondents, non_substantive=non_substantive,
                                     min_cell=5)}
    assert found[utlandet].mark == "small"
    assert found[utlandet].low <= 3 <= found[utlandet].high
    assert found[utlandet].width >= PROTECTION
    # the audit does find the leak when the tables give it away: show the count that was hidden beside it in the
    # 36–45 år column (Oslo, 9) as the old rule did, and Utlandet is pinned to 3 again
    leaky = json.loads(json.dumps(example["alder"]))
    column = next(g for g in question_of(leaky, "tilhorighet")["by"]["groups"] if g["label"] == "36–45 år")
    oslo = column["options"][0]
    assert oslo["suppressed"] is not None
    oslo["count"], oslo["suppressed"] = truth[frozenset({("tilhorighet", 1), ("alder", 3)})], None
    assert oslo["count"] == 9
    again = {h.key: h for h in audit([example["one_way"], example["tilhorighet"], leaky], respondents=respondents,
                                     non_substantive=non_substantive, min_cell=5)}
    assert (again[utlandet].low, again[utlandet].high) == (3, 3)


def test_min_cell_only_raises_the_threshold_on_the_example(example: dict[str, Any], tmp_path: Path) -> None:
    project = tmp_path / "example"
    shutil.copytree(example["project"], project)
    record = project / "data" / "survey" / SOURCE / "published.json"
    before = record.read_bytes()
    lower = invoke("survey", "-p", str(project), "--min-cell", "3")
    assert lower.exit_code == 2
    assert lower.stderr.removeprefix("hkh: ") == ("--min-cell 3 er lavere enn terskelen tabellene fra denne undersøkelsen publiseres med "
                            "(5); den kan bare heves\n")
    assert lower.stdout == "" and record.read_bytes() == before
    higher = survey_json(project, "--min-cell", "8")
    assert higher["min_cell"] == 8 and higher["marks"] == {"small": "<8", "secondary": ":"}
    truth = example_truth(project)
    for name in ("kjonn", "alder", "tilhorighet", "hovedgrunn"):
        for option in question_of(higher, name)["options"]:
            true = truth.get(frozenset({(name, option["code"])}), 0)
            assert option["count"] is None or option["count"] == 0 or option["count"] >= 8
            assert option["suppressed"] != "small" or true < 8, (name, option["label"], true)
    # Utlandet (6) is under 8 now; the tables at 8 hide everything the ones at 5 hide
    assert [o["suppressed"] for o in question_of(higher, "tilhorighet")["options"]][2] == "small"
    for name in ("kjonn", "alder"):
        assert all(o["suppressed"] for o in question_of(higher, name)["options"] if o["code"] == 2)
    respondents, non_substantive = survey_facts(project / "data" / "survey" / SOURCE)
    found = audit([example["one_way"], example["tilhorighet"], example["alder"], higher], respondents=respondents,
                  non_substantive=non_substantive, min_cell=5)
    assert not too_narrow(found, PROTECTION), [h.describe() for h in too_narrow(found, PROTECTION)]
    # the record keeps the project's threshold: a later run at 5 publishes the same tables as before
    assert json.loads(record.read_text("utf-8"))["min_cell"] == 5
    assert survey_json(project)["questions"] == example["one_way"]["questions"]


def test_an_unsafe_breakdown_is_refused_with_its_reason(tmp_path: Path) -> None:
    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("out"))
    survey_json(project)
    record = project / "data" / "survey" / SOURCE / "published.json"
    before = record.read_bytes()
    # Kvinne × Utlandet is 1: with Utlandet (6) shown and Mann × Utlandet shown (5) or hidden (":" says at least 5),
    # a Kvinne column gives it away, however it is masked
    refused = invoke("survey", "-p", str(project), "--by", "kjonn")
    assert refused.exit_code == 2 and refused.stdout == ""
    assert refused.stderr.removeprefix("hkh: ") == (
        "--by kjonn blir ikke publisert: sammen med tabellene for hvert enkelt spørsmål, som alt er publisert, kunne "
        "disse skjulte tallene regnes ut for nøyaktig: kjonn: Kvinne × tilhorighet: Utlandet. Velg en annen "
        "bakgrunnsvariabel\n"
    )
    assert record.read_bytes() == before  # nothing published, nothing recorded
    assert not (project / "out").exists()
    # after alder, tilhorighet is refused too, naming the breakdown it would combine with
    survey_json(project, "--by", "alder")
    again = invoke("survey", "-p", str(project), "--by", "tilhorighet")
    assert again.exit_code == 2
    assert again.stderr.removeprefix("hkh: ").startswith("--by tilhorighet blir ikke publisert: sammen med tabellene som alt er publisert "
                                   "(fordelinger etter: alder) kunne disse skjulte tallene regnes ut for nøyaktig: ")
    assert json.loads(record.read_text("utf-8"))["breakdowns"] == ["alder"]
    # in English (as str(error)), for the log
    en = project / "hkh.yaml"
    en.write_text(en.read_text("utf-8").replace("language: nb", "language: en"), "utf-8")
    english = invoke("survey", "-p", str(project), "--by", "kjonn")
    assert english.exit_code == 2
    assert english.stderr.removeprefix("hkh: ").startswith("--by kjonn is not published: together with the tables already published "
                                     "(breakdowns by: alder) these hidden counts could be worked out too closely: ")


@pytest.mark.slow
def test_every_breakdown_of_the_example_in_turn_passes_the_audit(tmp_path: Path) -> None:
    """All 13 single-choice background questions, one after the other: each is published or refused, and the
    audit of everything published pins nothing."""
    project = tmp_path / "example"
    shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns("out"))
    published = [survey_json(project)]
    names = [q["question"] for q in published[0]["questions"] if q["type"] in ("single", "grid_item")]
    assert len(names) == 13
    started = time.perf_counter()
    outcome = {}
    for name in names:
        result = invoke("survey", "-p", str(project), "--by", name, "--format", "json")
        outcome[name] = result.exit_code
        if result.exit_code == 0:
            published.append(json.loads(result.stdout))
        else:
            assert result.exit_code == 2 and "blir ikke publisert" in result.stderr, result.output
    commands = time.perf_counter() - started
    assert sum(code == 0 for code in outcome.values()) >= 2
    respondents, non_substantive = survey_facts(project / "data" / "survey" / SOURCE)
    started = time.perf_counter()
    found = audit(published, respondents=respondents, non_substantive=non_substantive, min_cell=5)
    print(f"example: {len(published) - 1} of 13 breakdowns published ({outcome}), {len(found)} hidden counts, "
          f"narrowest {min(h.width for h in found)}; commands {commands:.1f} s, audit {time.perf_counter() - started:.1f} s")
    assert not too_narrow(found, PROTECTION), [h.describe() for h in too_narrow(found, PROTECTION)]


# ------------------------------------------------------------------------------------------------ generated surveys


@dataclass(frozen=True)
class Item:
    name: str
    kind: str  # "single", "grid_item", "multiple"
    labels: tuple[str, ...]
    weights: tuple[float, ...]  # of each option (multiple: the chance each is ticked)
    non_substantive: tuple[int, ...] = ()


ITEMS = (
    Item("kjonn", "single", ("Mann", "Kvinne", "Annet"), (0.72, 0.24, 0.04)),
    Item("alder", "single", ("18–25 år", "26–35 år", "36–45 år", "46 år eller eldre"), (0.08, 0.27, 0.4, 0.25)),
    Item("tilhorighet", "single", ("Oslo", "Annen kommune", "Utlandet"), (0.66, 0.22, 0.12)),
    Item("hovedgrunn", "single", ("Kjøpe", "Sosialt", "Tilbud", "Annet"), (0.7, 0.17, 0.08, 0.05)),
    Item("trygg_1", "grid_item", ("Trygg", "Utrygg", "Vet ikke"), (0.62, 0.31, 0.07), (3,)),
    Item("trygg_2", "grid_item", ("Trygg", "Utrygg", "Vet ikke"), (0.4, 0.52, 0.08), (3,)),
    Item("konflikt", "multiple", ("Bøff", "Gjeld", "Tyveri", "Annet"), (0.8, 0.45, 0.3, 0.06)),
    Item("vapen", "single", ("Ja", "Nei"), (0.22, 0.78)),
)
BREAKDOWNS = ("kjonn", "alder", "tilhorighet", "hovedgrunn")


def variables(item: Item) -> list[str]:
    if item.kind == "multiple":
        return [f"{item.name}_{code}" for code in range(1, len(item.labels) + 1)]
    return [item.name]


def generated_survey(project: Path, respondents: int, seed: int) -> list[dict[str, Any]]:
    """A project whose survey is written as `hkh import` leaves it (responses.csv, codebook.yaml): skewed answers,
    as in HKH surveys, so that small counts abound; one in ten stops part way, one in twenty skips a question.
    Returns the answers: per respondent, each question's code (single), set of codes (multiple) or None."""
    rng = random.Random(seed)
    people: list[dict[str, Any]] = []
    for _ in range(respondents):
        stop = rng.randrange(1, len(ITEMS)) if rng.random() < 0.1 else len(ITEMS)
        answers: dict[str, Any] = {}
        for position, item in enumerate(ITEMS):
            if position >= stop or rng.random() < 0.05:
                answers[item.name] = None
            elif item.kind == "multiple":
                answers[item.name] = frozenset(c for c, w in enumerate(item.weights, 1) if rng.random() < w)
            else:
                answers[item.name] = rng.choices(range(1, len(item.labels) + 1), item.weights)[0]
        answers["_status"] = 4 if stop == len(ITEMS) else 3
        people.append(answers)
    project.mkdir(parents=True)
    (project / "hkh.yaml").write_text("title: Generert kartlegging\nlanguage: nb\nsettings:\n  min_cell: 5\n", "utf-8")
    (project / "sources.yaml").write_text(
        f"sources:\n  - id: s1\n    method: survey\n    title: Generert undersøkelse\n    n: {respondents}\n", "utf-8"
    )
    (project / "efforts.yaml").write_text("efforts: []\n", "utf-8")
    (project / "findings.yaml").write_text("findings: []\n", "utf-8")
    (project / "plan.yaml").write_text("goals: []\n", "utf-8")
    folder = project / "data" / "survey" / "s1"
    folder.mkdir(parents=True)
    lines = [
        "source: s1", 'imported: "2026-11-26T12:00:00"', "files: [generert.xlsx]",
        f"respondents: {{rows: {respondents}, answered: {respondents}, complete: "
        f"{sum(p['_status'] == 4 for p in people)}, partial: {sum(p['_status'] == 3 for p in people)}}}",
        "dropped: []", "questions:",
    ]
    for item in ITEMS:
        lines += [f"  - name: {item.name}", f"    type: {item.kind}", f"    text: Spørsmål {item.name}"]
        if item.kind == "grid_item":
            lines += ["    group: trygg", "    group_text: Hvor trygg føler du deg?"]
        lines.append(f"    variables: [{', '.join(variables(item))}]")
        lines.append("    options:")
        for code, label in enumerate(item.labels, 1):
            extra = f", variable: {item.name}_{code}" if item.kind == "multiple" else ""
            lines.append(f"      - {{code: {code}, label: {label}{extra}}}")
        lines.append(f"    non_substantive: [{', '.join(map(str, item.non_substantive))}]")
    (folder / "codebook.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    with (folder / "responses.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([v for item in ITEMS for v in variables(item)] + ["_status"])
        for person in people:
            row: list[str] = []
            for item in ITEMS:
                answer = person[item.name]
                if item.kind == "multiple":
                    row += [""] * len(item.labels) if answer is None else [
                        "1" if code in answer else "0" for code in range(1, len(item.labels) + 1)
                    ]
                else:
                    row.append("" if answer is None else str(answer))
            writer.writerow(row + [str(person["_status"])])
    return people


def true_count(people: list[dict[str, Any]], pairs: Iterator[tuple[str, Any]] | frozenset[tuple[str, Any]]) -> int:
    """Respondents with every one of these answers (a multiple-choice pair: that option ticked; a None group: did
    not answer the breakdown question)."""
    def has(person: dict[str, Any], name: str, value: Any) -> bool:
        answer = person[name]
        if isinstance(answer, frozenset):
            return value in answer
        return answer == value

    wanted = list(pairs)
    return sum(all(has(p, name, value) for name, value in wanted) for p in people)


def publish_in_turn(project: Path, breakdowns: tuple[str, ...]) -> tuple[list[dict[str, Any]], list[str], str]:
    """`hkh survey` (JSON and terminal), then each breakdown in turn: what was published, what refused, and the
    terminal output of every published command."""
    published = [survey_json(project)]
    terminal = invoke("survey", "-p", str(project), "--all")
    assert terminal.exit_code == 0, terminal.output
    screens = [terminal.stdout]
    refused = []
    for by in breakdowns:
        result = invoke("survey", "-p", str(project), "--by", by, "--format", "json")
        if result.exit_code == 2 and "blir ikke publisert" in result.stderr:
            refused.append(by)
            continue
        assert result.exit_code == 0, result.output
        published.append(json.loads(result.stdout))
        shown = invoke("survey", "-p", str(project), "--by", by, "--all")
        assert shown.exit_code == 0, shown.output
        screens.append(shown.stdout)
    return published, refused, "\n".join(screens)


def check_marks_against_the_truth(people: list[dict[str, Any]], published: list[dict[str, Any]], terminal: str,
                                  min_cell: int = 5) -> int:
    """No '<N' on a count of N or more and no ':' on a small count, in the JSON and on the screen; shown counts
    are the true ones. Returns how many hidden counts were checked."""
    checked = 0
    kinds = {item.name: item for item in ITEMS}
    for data in published:
        for question in data["questions"]:
            name = question["question"]
            if name not in kinds:
                continue
            cells = [(frozenset({(name, o["code"])}), o) for o in question["options"]]
            for group in question.get("by", {}).get("groups", []):
                within = (question["by"]["question"], group["code"])
                cells += [(frozenset({within, (name, o["code"])}), o) for o in group["options"]]
            for pairs, option in cells:
                true = true_count(people, pairs)
                if option["suppressed"] is None:
                    assert option["count"] == true, (pairs, option)
                    assert true == 0 or true >= min_cell, (pairs, true)
                else:
                    checked += 1
                    assert (option["suppressed"] == "small") == (0 < true < min_cell), (pairs, option, true)
    # on the screen: every row of a one-way table ("kjonn: Kjønn" and its rows up to the blank line) shows "<5" only
    # for a small count and ":" only for one of 5 or more
    tables_on_screen = set()
    for block in re.split(r"\n\s*\n", terminal):
        title = re.match(r"\s*(\w+): ", block)
        if title is None or title.group(1) not in kinds:
            continue
        item = kinds[title.group(1)]
        tables_on_screen.add(item.name)
        for code, label in enumerate(item.labels, 1):
            true = true_count(people, frozenset({(item.name, code)}))
            row = re.search(rf"^│ {re.escape(label)}\s*│\s*([^│]*?)\s*│", block, re.MULTILINE)
            assert row is not None, (item.name, label, block)
            shown = row.group(1)
            assert shown == (f"<{min_cell}" if 0 < true < min_cell else ":" if shown == ":" else str(true))
            assert shown != ":" or true >= min_cell, (item.name, label, true)
    assert tables_on_screen == set(kinds)
    return checked


def audited(project: Path, published: list[dict[str, Any]]) -> list[Hidden]:
    respondents, non_substantive = survey_facts(project / "data" / "survey" / "s1")
    return audit(published, respondents=respondents, non_substantive=non_substantive, min_cell=5)


@pytest.mark.parametrize(("respondents", "seed"), [(50, 1), (80, 2)])
def test_generated_surveys_pass_the_audit_and_show_true_marks(tmp_path: Path, respondents: int, seed: int) -> None:
    project = tmp_path / "p"
    people = generated_survey(project, respondents, seed)
    published, refused, terminal = publish_in_turn(project, ("kjonn", "alder"))
    assert check_marks_against_the_truth(people, published, terminal) > 0
    found = audited(project, published)
    assert found and not too_narrow(found, PROTECTION), [h.describe() for h in too_narrow(found, PROTECTION)]


@pytest.mark.slow
@pytest.mark.parametrize(("respondents", "seed"), [(50, 11), (120, 12), (150, 13), (250, 14), (400, 15), (400, 16)])
def test_generated_surveys_of_50_to_400_with_every_breakdown_pass_the_audit(
    tmp_path: Path, respondents: int, seed: int
) -> None:
    project = tmp_path / "p"
    people = generated_survey(project, respondents, seed)
    started = time.perf_counter()
    published, refused, terminal = publish_in_turn(project, BREAKDOWNS)
    commands = time.perf_counter() - started
    checked = check_marks_against_the_truth(people, published, terminal)
    started = time.perf_counter()
    found = audited(project, published)
    print(f"{respondents} respondents: published {len(published) - 1} breakdowns, refused {refused}; {checked} "
          f"hidden counts checked against the truth; audit: {len(found)} hidden, narrowest "
          f"{min((h.width for h in found), default=None)}; commands {commands:.1f} s, audit "
          f"{time.perf_counter() - started:.1f} s")
    assert not too_narrow(found, PROTECTION), [h.describe() for h in too_narrow(found, PROTECTION)]


def test_the_audit_reads_a_multiple_choice_table_and_a_left_out_group() -> None:
    """The reader on a hand-made JSON: Annet (2) is small, Kvinne (8) hides it; a breakdown's left-out group is
    still in the sums, so nothing is pinned; showing Kvinne pins Annet."""
    def table(options: list[tuple[int, int | None, str | None]], base: int = 30, kind: str = "single") -> dict:
        return {"question": "kjonn", "type": kind, "base": base, "base_suppressed": None,
                "options": [{"code": c, "count": n, "suppressed": s} for c, n, s in options]}

    data = {"min_cell": 5, "questions": [table([(1, 20, None), (2, None, "secondary"), (3, None, "small")])]}
    (kvinne, annet) = sorted(audit([data], respondents=30, non_substantive={}, min_cell=5), key=lambda h: str(h.key))
    assert (annet.low, annet.high, kvinne.low, kvinne.high) == (1, 4, 6, 9)
    data["questions"][0]["options"][1].update(count=8, suppressed=None)
    reader = Reader(30, {}, 5)
    reader.read(data)
    (annet,) = reader.intervals()
    assert (annet.low, annet.high) == (2, 2)
