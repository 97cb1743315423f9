"""Fuzzing every command with hypothesis: whatever is in the folder, hkh answers with an `HkhError` line, never a crash.

Each example starts from a copy of one rich, valid project (every file filled in, a survey imported, statistics,
outputs already written) and breaks one thing: a project file (random bytes, another encoding, broken syntax, wrong
types, unknown keys, deep nesting, huge strings, unicode in every field including right-to-left text, emoji and NUL),
the survey export handed to `hkh import` (truncated zips, random bytes behind a `PK` header, CSVs with random
delimiters, quotes and encodings, empty files, huge values), the imported survey, the statistics tables, or the
command's own arguments. The command then runs through `CliRunner`; any exception other than `HkhError` (which the
CLI turns into `SystemExit`) fails the test, with the input that caused it.

`HKH_FUZZ_EXAMPLES` (default 40) sets the number of examples per test for the cheap commands; the slow ones (the
report, `hkh run`) get a fifth of it or less, the import three times as many. The default keeps the whole file at about
three minutes on two cores (781 command invocations; see benchmarks/RESULTS.md). The number of cases run is printed at
the end (`-s` shows it) and written to the file named by `HKH_FUZZ_COUNT_FILE` when that is set.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import functools
import inspect
import io
import json
import os
import shutil
import tempfile
import traceback
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from typer.testing import CliRunner

from hkh.cli import app
from hkh.core.yamlio import dump_yaml

pytestmark = pytest.mark.slow

EXAMPLES = max(1, int(os.environ.get("HKH_FUZZ_EXAMPLES", "40")))
runner = CliRunner()
CASES: Counter[str] = Counter()

PROJECT_FILES = ("hkh.yaml", "sources.yaml", "efforts.yaml", "findings.yaml", "plan.yaml")
SURVEY_ID = "sporre"


def _implemented(name: str) -> bool:
    """Commands whose body is still `raise NotImplementedError` are left out until they land. A command group
    (`hkh plan`, which also has `plan import` and `plan status`) counts by its own callback."""
    for info in app.registered_commands:
        callback = info.callback
        command_name = info.name or (callback.__name__ if callback else "")
        if command_name == name and callback is not None:
            return "NotImplementedError" not in inspect.getsource(inspect.unwrap(callback))
    for group in app.registered_groups:
        if group.name == name and group.typer_instance is not None:
            registered = group.typer_instance.registered_callback
            if registered is not None and registered.callback is not None:
                return "NotImplementedError" not in inspect.getsource(inspect.unwrap(registered.callback))
            return bool(group.typer_instance.registered_commands)
    return False


def fuzz_settings(weight: float = 1.0) -> settings:
    return settings(
        max_examples=max(1, round(EXAMPLES * weight)),
        deadline=None,
        database=None,
        print_blob=True,
        suppress_health_check=list(HealthCheck),
    )


# ----------------------------------------------------------------------------------------------- the valid base

HKH_YAML = """\
# Kommentar som skal overleve
title: Fuzzkartlegging i Brugata
area: Brugata og Storgata
commissioner: Oslo kommune
language: nb
period: {start: 2020-01, end: 2020-06}
target_group: Personer som oppholder seg i miljøet
mandate:
  - {id: M1, text: Omfang og sammensetning}
  - {id: M2, text: Trygghet og vold}
team:
  - {name: Kari Nordmann, role: Prosjektleder, organisation: Rusetaten}
steering_group:
  - {name: Ola Nordmann, role: Leder}
parties: [Politiet, Uteseksjonen, Bydel Gamle Oslo]
steps:
  - {id: request, state: done, start: 2020-01, end: 2020-01}
  - {id: steering_group, state: done}
  - {id: mapping, state: in_progress, start: 2020-02}
settings: {min_cell: 5, triangulated: 2, robust: 3}
"""
SOURCES_YAML = """\
sources:
  - id: intervju
    method: target_interview
    title: Intervjuer med personer i miljøet
    date: 2020-03
    n: 12
  - id: tjenester
    method: service_interview
    title: Intervjuer med tjenesteytere
    period: {start: 2020-02, end: 2020-03}
    n: 8
  - id: felt
    method: field_reports
    title: Feltrapporter fra Uteseksjonen
  - id: observasjon
    method: observation
    title: Observasjon i Brugata
  - id: statistikk
    method: statistics
    title: Anmeldelser
    files: [data/stats/anmeldelser.csv]
  - id: dokumenter
    method: documents
    title: Tidligere rapporter
"""
EFFORTS_YAML = """\
efforts:
  - id: ute
    organisation: Velferdsetaten
    name: Uteseksjonen
    kind: oppsøkende
    offers: [oppsøkende, samtale]
    target_groups: [voksne]
    areas: [Brugata]
    opening_hours: "Mo-Th 08:00-24:00; Fr 08:00-04:00, Sa 10:00-04:00"
    sources: [tjenester]
  - id: sproyte
    organisation: Rusetaten
    name: Sprøyteutdeling
    offers: [helse, samtale]
    areas: [Brugata]
    opening_hours: "Mo-Fr 09:00-14:00; Su 11:00-13:00"
    over_capacity: true
    capacity: Kø hver morgen
    low_threshold: true
  - id: politi
    organisation: Politiet
    name: Patrulje
    offers: [tilstedeværelse]
    opening_hours: "24/7"
"""
FINDINGS_BEFORE_SURVEY = """\
findings:
  - id: F1
    mandate: M2
    title: Utrygt på natt
    statement: Mange opplever området som utrygt etter midnatt
    evidence:
      - source: intervju
        says: natta er verst
        quote: «Etter tolv er det ingen her»
        role: bruker
      - source: felt
      - source: observasjon
        stance: contradicts
        says: rolig de fleste netter
    needs:
      - offer: tilstedeværelse
        when: "Mo-Su 23:00-04:00"
        who: voksne
        where: Brugata
        text: Voksne til stede om natta
      - id: F1-helse
        offer: helse
        when: "Sa,Su 10:00-16:00"
  - id: F2
    mandate: M1
    statement: Konflikter om salg av bøff
    evidence:
      - source: tjenester
      - source: statistikk
        says: flere anmeldelser
"""
FINDINGS_SURVEY_EVIDENCE = f"""\
  - id: F3
    mandate: M1
    statement: Tre av fire er menn
    evidence:
      - source: {SURVEY_ID}
        question: kjonn
        option: 1
      - source: {SURVEY_ID}
        question: trygg_3
        option: Trygg
      - source: {SURVEY_ID}
        question: konflikt
        option: 1
      - source: intervju
"""
PLAN_YAML = """\
# teamets kommentar
columns: [goal, measure, responsible, timing, addresses, ansvar_note]
labels: {ansvar_note: Merknad}
group_by: goal
goals:
  - text: Tryggere nattestid
    measures:
      - text: Tilstedeværelse etter midnatt
        responsible: Politiet
        involved: [Uteseksjonen]
        timing: 2020-06
        addresses: [F1, F1.1]
        extra: {ansvar_note: viktig}
      - text: Helsetilbud i helgene
        responsible: Rusetaten
        timing: Fra høsten
        addresses: [F1-helse]
  - id: G2
    text: Mindre konflikt
    measures:
      - text: Samtaler om gjeld
        addresses: [F2]
follow_up:
  - finding: F2
    text: Følg med på anmeldelsene
"""
STATS_CSV = "# Anmeldelser i Brugata\nÅr;Narkotika;Vold\n2016;120;30\n2017;130,5;28\n2018;;35\n2019;150;40\n"

SINGLE_OPTIONS = {"kjonn": ["Mann", "Kvinne", "Annet/vil ikke svare"], "alder": ["18–25 år", "26–35 år", "36 år +"]}
GRID = ("trygg", "Hvor trygg føler du deg", ["Før kl. 18.00", "Mellom kl. 18.00 og midnatt", "Etter midnatt"])
GRID_OPTIONS = ["Trygg", "Utrygg", "Vet ikke"]
MULTIPLE = ("konflikt", "Hva handler konfliktene om?", ["Salg av «bøff»", "Provoserende atferd", "Gjeld", "Annet"])


def export_tables(respondents: int = 60, seed: int = 7) -> dict[str, list[list[Any]]]:
    """A small SurveyXact export (Dataset, Labels, Structure) with every question type and system columns."""
    import random

    rng = random.Random(seed)
    structure: list[list[Any]] = [
        ["questionName", "variableName", "questionType", "subType", "questionText", "choiceValue", "choiceText"]
    ]
    labels: list[list[Any]] = []
    header = ["respondentid", "email", "navn"]
    for name, options in SINGLE_OPTIONS.items():
        structure.append([name, name, "Closed", "Single", f"Spørsmål {name}", "", ""])
        labels.extend([name, code, text] for code, text in enumerate(options, 1))
        header.append(name)
    grid_name, grid_text, items = GRID
    for number, item in enumerate(items, 1):
        variable = f"{grid_name}_{number}"
        structure.append([variable, variable, "Closed", "Single", f"{grid_text} - {item}", "", ""])
        labels.extend([variable, code, text] for code, text in enumerate(GRID_OPTIONS, 1))
        header.append(variable)
    multiple_name, multiple_text, choices = MULTIPLE
    for number, choice in enumerate(choices, 1):
        variable = f"{multiple_name}_{number}"
        structure.append([multiple_name, variable, "Closed", "Multiple", multiple_text, number, choice])
        labels.extend([[variable, 0, "Ikke valgt"], [variable, 1, "Valgt"]])
        header.append(variable)
    structure.append(["konflikt_annet", "konflikt_annet", "Open", "String", f"{multiple_text} - Annet", "", ""])
    header.append("konflikt_annet")
    for k in range(1, 6):
        structure.append(["statOverall", f"statoverall_{k}", "Closed", "Multiple", "Samlet status", k, str(k)])
        labels.extend([[f"statoverall_{k}", 0, "Ikke valgt"], [f"statoverall_{k}", 1, "Valgt"]])
        header.append(f"statoverall_{k}")
    rows: list[list[Any]] = [header]
    for index in range(respondents):
        status = rng.choice([4, 4, 4, 3, 2])
        answered = status in (3, 4)
        row: list[Any] = [100000000 + index, f"person{index}@example.org", f"Navn {index}"]
        for options in SINGLE_OPTIONS.values():
            row.append(rng.randint(1, len(options)) if answered else "")
        for _ in items:
            row.append(rng.randint(1, 3) if answered and status == 4 else "")
        row.extend(rng.randint(0, 1) if answered else 0 for _ in choices)
        row.append("noe annet" if answered and rng.random() < 0.2 else "")
        row.extend(1 if k == status else 0 for k in range(1, 6))
        rows.append(row)
    return {"Dataset": rows, "Labels": labels, "Structure": structure}


def xlsx_bytes(tables: dict[str, list[list[Any]]]) -> bytes:
    workbook = Workbook(write_only=True)
    for name, rows in tables.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


@functools.cache
def small_valid_xlsx() -> bytes:
    """Made once: a workbook's bytes hold the time it was saved, and hypothesis needs the same length every run."""
    return xlsx_bytes(export_tables(respondents=10))


def csv_bytes(rows: list[list[Any]], *, delimiter: str = ";", quotechar: str = '"', encoding: str = "utf-8") -> bytes:
    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=delimiter, quotechar=quotechar, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    return stream.getvalue().encode(encoding, errors="replace")


def write_project(root: Path, findings: str) -> None:
    for name, text in (
        ("hkh.yaml", HKH_YAML),
        ("sources.yaml", SOURCES_YAML),
        ("efforts.yaml", EFFORTS_YAML),
        ("findings.yaml", findings),
        ("plan.yaml", PLAN_YAML),
    ):
        (root / name).write_text(text, "utf-8")


def invoke(args: list[str], case: str) -> Any:
    """Run one command; anything but an HkhError (SystemExit) or a clean exit fails, with the traceback."""
    CASES[case] += 1
    result = runner.invoke(app, args, catch_exceptions=True)
    exc = result.exception
    if exc is not None and not isinstance(exc, SystemExit):
        # the last frames only, and not chained: a RecursionError's traceback is too deep for pytest to print
        trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__, limit=-25))
        shown = " ".join(a if len(a) < 200 else a[:200] + "…" for a in args)
        raise AssertionError(f"`hkh {shown}` crashed with {type(exc).__name__}: {str(exc)[:2000]}\n{trace}") from None
    assert result.exit_code in (0, 1, 2), f"`hkh {' '.join(args)}` exited {result.exit_code}: {result.output}"
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.stderr.strip(), f"`hkh {' '.join(args)}` failed without saying why"
    return result


@pytest.fixture(scope="module")
def base_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The valid project every example starts from; built once through the real commands."""
    root = tmp_path_factory.mktemp("fuzz") / "base"
    assert runner.invoke(app, ["init", str(root)]).exit_code == 0
    (root / "data" / "stats").mkdir(parents=True, exist_ok=True)
    (root / "data" / "stats" / "anmeldelser.csv").write_bytes(STATS_CSV.encode("cp1252"))
    write_project(root, FINDINGS_BEFORE_SURVEY)
    survey_registered = False
    if _implemented("import"):
        export = root / "data" / "raw" / "eksport.xlsx"
        export.write_bytes(xlsx_bytes(export_tables()))
        result = runner.invoke(app, ["import", str(export), "-p", str(root), "--source", SURVEY_ID, "--title", "Spørreundersøkelse"])
        assert result.exit_code == 0, f"the base export does not import: {result.output} {result.exception!r}"
        survey_registered = True
    if not survey_registered:
        with (root / "sources.yaml").open("a", encoding="utf-8") as stream:
            stream.write(f"  - id: {SURVEY_ID}\n    method: survey\n    title: Spørreundersøkelse\n    n: 60\n")
    findings = FINDINGS_BEFORE_SURVEY + (FINDINGS_SURVEY_EVIDENCE if survey_registered else "")
    (root / "findings.yaml").write_text(findings, "utf-8")
    checked = runner.invoke(app, ["check", "-p", str(root)])
    assert checked.exit_code == 0, f"the fuzz base project is not valid: {checked.output}"
    for command in ("plan", "survey", "triangulate", "gaps", "report"):
        if _implemented(command):
            result = runner.invoke(app, [command, "-p", str(root)])
            assert result.exit_code == 0, f"`hkh {command}` fails on the valid base project: {result.output}"
    return root


@pytest.fixture()
def fresh_copy(base_project: Path) -> Any:
    """Make throw-away copies of the base project, one per hypothesis example (`with fresh_copy() as root`)."""

    @contextlib.contextmanager
    def copy() -> Iterator[Path]:
        folder = Path(tempfile.mkdtemp(prefix="hkh-fuzz-"))
        try:
            target = folder / "prosjekt"
            shutil.copytree(base_project, target)
            yield target
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    return copy


@pytest.fixture(scope="module", autouse=True)
def report_case_count() -> Iterator[None]:
    yield
    total = sum(CASES.values())
    print(f"\nhkh fuzz: {total} cases ({', '.join(f'{k} {v}' for k, v in sorted(CASES.items()))})")
    if os.environ.get("HKH_FUZZ_COUNT_FILE"):
        Path(os.environ["HKH_FUZZ_COUNT_FILE"]).write_text(json.dumps({"total": total, **CASES}, indent=2), "utf-8")


# ------------------------------------------------------------------------------------------------ the strategies

# Texts that have broken programs before: YAML syntax, right-to-left marks and scripts, emoji sequences, NUL and
# other control characters, line separators, BOMs, Excel formula starters, Windows-1252-only punctuation.
SPECIAL_TEXTS = [
    "", " ", "\x00", "\x01\x02\x1f", "\t", "\r\n", "\n\n", "\u2028", "\u2029", "\ufeff", "\u200b", "\u200d",
    "\u202e", "\u202b", "\u061c", "مرحبا بالعالم", "שלום", "👩‍👩‍👧‍👦", "🇳🇴", "🏳️‍🌈", "e\u0301", "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
    "æøå ÆØÅ", "–—„“”‘’…€", "ß", "İ", "ﬁ", "\U0010ffff", "\ud7ff", ": ", "- ", "#", "# kommentar", "&anker", "*anker",
    "!!python/object:os.system", "!!binary", "{", "}", "[", "]", "'", '"', "%", "@", "`", "|", ">", "---", "...",
    "~", "null", "yes", "no", "on", "0x1F", "1e400", "-0", ".nan", "=SUM(A1:A9)", "+47", "@cmd", "<script>",
    "</td>", "&amp;", "{{ title }}", "{% raw %}", "${HOME}", "%s%n", "\\", "C:\\Users\\ola", "../../etc/passwd",
    "F1", "M1", "intervju", "sporre", "kjonn", "Mo-Su 00:00-24:00", "24/7", "off", "Fr 08:00-04:00",
]
TEXTS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(SPECIAL_TEXTS),
    st.lists(st.one_of(st.sampled_from(SPECIAL_TEXTS), st.text(max_size=4)), max_size=6).map("".join),
)
HUGE_TEXTS = st.builds(lambda n, piece: (piece * n)[:n], st.integers(5_000, 120_000), st.sampled_from(["ø", "ab ", "👩‍👩‍👧", "x\n"]))
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(),
    TEXTS,
    st.dates(),
    st.datetimes(),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(TEXTS, children, max_size=4)),
    max_leaves=12,
)


def node_paths(tree: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    paths = [path]
    if isinstance(tree, dict):
        for key, value in tree.items():
            paths.extend(node_paths(value, (*path, key)))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            paths.extend(node_paths(value, (*path, index)))
    return paths


def get_node(tree: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        tree = tree[key]
    return tree


def set_node(tree: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    get_node(tree, path[:-1])[path[-1]] = value
    return tree


def map_strings(tree: Any, draw_text: Any) -> Any:
    if isinstance(tree, dict):
        return {key: map_strings(value, draw_text) for key, value in tree.items()}
    if isinstance(tree, list):
        return [map_strings(value, draw_text) for value in tree]
    if isinstance(tree, str):
        return draw_text()
    return tree


def plain(tree: Any) -> Any:
    """ruamel's commented containers as plain dicts and lists (dates stay dates)."""
    if isinstance(tree, dict):
        return {key: plain(value) for key, value in tree.items()}
    if isinstance(tree, list):
        return [plain(value) for value in tree]
    return tree


def load_plain(text: str) -> Any:
    from ruamel.yaml import YAML

    return plain(YAML(typ="safe").load(text))


@st.composite
def mutated_tree(draw: Any, tree: Any) -> Any:
    """The same data with a few things broken: values of wrong types, missing or unknown keys, duplicates,
    unicode or huge strings, nesting."""
    tree = json.loads(json.dumps(tree, default=str))
    operations = draw(st.lists(st.sampled_from(
        ["replace", "delete", "add_key", "duplicate", "unicode_everywhere", "huge", "nest", "empty_container"]
    ), min_size=1, max_size=4))
    for operation in operations:
        paths = node_paths(tree)
        path = draw(st.sampled_from(paths))
        node = get_node(tree, path)
        if operation == "replace":
            tree = set_node(tree, path, draw(VALUES))
        elif operation == "delete" and path:
            parent = get_node(tree, path[:-1])
            del parent[path[-1]]
        elif operation == "add_key" and isinstance(node, dict):
            node[draw(TEXTS)] = draw(VALUES)
        elif operation == "duplicate" and isinstance(node, list) and node:
            node.append(json.loads(json.dumps(draw(st.sampled_from(node)), default=str)))
        elif operation == "unicode_everywhere":
            tree = map_strings(tree, lambda: draw(TEXTS))
        elif operation == "huge":
            string_paths = [p for p in paths if isinstance(get_node(tree, p), str)]
            if string_paths:
                tree = set_node(tree, draw(st.sampled_from(string_paths)), draw(HUGE_TEXTS))
        elif operation == "nest":
            depth = draw(st.integers(1, 40))
            for _ in range(depth):
                node = [node] if draw(st.booleans()) else {"x": node}
            tree = set_node(tree, path, node)
        elif operation == "empty_container" and isinstance(node, (dict, list)):
            tree = set_node(tree, path, type(node)())
    return tree


@st.composite
def mutated_text(draw: Any, text: str) -> bytes:
    """The file's text broken at the byte level: edits at random places, bad encodings, deep nesting, junk."""
    kind = draw(st.sampled_from(["edit", "encoding", "bytes", "deep", "empty", "huge_line", "bom"]))
    if kind == "edit":
        for _ in range(draw(st.integers(1, 5))):
            position = draw(st.integers(0, len(text)))
            action = draw(st.sampled_from(["insert", "delete", "tab", "dedent", "truncate"]))
            if action == "insert":
                text = text[:position] + draw(TEXTS) + text[position:]
            elif action == "delete":
                text = text[:position] + text[position + draw(st.integers(1, 40)):]
            elif action == "tab":
                text = text[:position] + "\t" + text[position:]
            elif action == "dedent":
                text = text.replace("\n  ", "\n", 1) if draw(st.booleans()) else text.replace("\n", "\n ", 1)
            else:
                text = text[:position]
        return text.encode("utf-8", errors="surrogatepass")
    if kind == "encoding":
        encoding = draw(st.sampled_from(["utf-16", "utf-16-be", "utf-32", "cp1252", "latin-1", "mac-roman", "cp865"]))
        return text.encode(encoding, errors="replace")
    if kind == "bytes":
        return draw(st.binary(max_size=400))
    if kind == "deep":
        depth = draw(st.integers(100, 20_000))
        opener, closer = draw(st.sampled_from([("[", "]"), ("{a: ", "}"), ("- ", "")]))
        if opener == "- ":
            return "".join("  " * i + "-\n" for i in range(min(depth, 3000))).encode()
        return ("title: " + opener * depth + closer * draw(st.integers(0, depth))).encode()
    if kind == "empty":
        return draw(st.sampled_from([b"", b"\n", b"   \n", b"# bare kommentar\n", b"---\n", b"~\n", b"[]\n", b"{}\n"]))
    if kind == "huge_line":
        return (text + "\nnote: " + "x" * draw(st.integers(100_000, 2_000_000)) + "\n").encode()
    return codecs.BOM_UTF8 + codecs.BOM_UTF8 + text.encode("utf-8")


def project_file_bytes(name: str, base_text: str) -> st.SearchStrategy[bytes]:
    tree = load_plain(base_text)
    structural = mutated_tree(tree).map(lambda t: dump_yaml(t).encode("utf-8", errors="surrogatepass"))
    as_json = mutated_tree(tree).map(lambda t: json.dumps(t, default=str, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    return st.one_of(structural, structural, as_json, mutated_text(base_text))


# ------------------------------------------------------------------------------------------------- the commands

PROJECT_COMMANDS: list[tuple[str, list[str], float]] = [
    ("check", ["check"], 1.0),
    ("status", ["status"], 1.0),
    ("status-en", ["status", "--language", "en"], 0.3),
    ("plan", ["plan"], 1.0),
    ("plan-md", ["plan", "--format", "md"], 0.5),
    ("plan-csv", ["plan", "--format", "csv", "--language", "nn"], 0.5),
    ("survey", ["survey"], 0.6),
    ("survey-json", ["survey", "--format", "json"], 0.3),
    ("triangulate", ["triangulate"], 1.0),
    ("triangulate-json", ["triangulate", "--format", "json"], 0.3),
    ("gaps", ["gaps"], 1.0),
    ("gaps-json", ["gaps", "--format", "json", "--language", "en"], 0.3),
    ("report", ["report"], 0.2),
    ("report-docx", ["report", "--format", "docx"], 0.1),
    ("run", ["run"], 0.2),
]


def available(commands: list[tuple[str, list[str], float]]) -> list[Any]:
    return [
        pytest.param(args, weight, id=case, marks=() if _implemented(args[0]) else pytest.mark.skip("not implemented yet"))
        for case, args, weight in commands
    ]


def _run_with_broken_project_file(copy: Any, data: Any, args: list[str], case: str) -> None:
    with copy() as root:
        _break_project_file(root, data, args, case)


def _break_project_file(root: Path, data: Any, args: list[str], case: str) -> None:
    name = data.draw(st.sampled_from(PROJECT_FILES), label="file")
    broken = data.draw(project_file_bytes(name, (root / name).read_text("utf-8")), label="content")
    (root / name).write_bytes(broken)
    invoke([*args, "-p", str(root), "--force"] if args[0] not in {"check", "status"} else [*args, "-p", str(root)], case)


@pytest.mark.parametrize(("args", "weight"), available(PROJECT_COMMANDS))
def test_commands_survive_broken_project_files(fresh_copy: Any, args: list[str], weight: float) -> None:
    case = "project-file " + " ".join(args)

    @fuzz_settings(weight)
    @given(data=st.data())
    def run(data: Any) -> None:
        _run_with_broken_project_file(fresh_copy, data, args, case)

    run()


# --------------------------------------------------------------------------------------- survey exports (import)


@st.composite
def mutated_tables(draw: Any) -> dict[str, list[list[Any]]]:
    """A plausible export with cells, rows, columns and sheets broken."""
    tables = export_tables(respondents=draw(st.integers(0, 40)), seed=draw(st.integers(0, 5)))
    cell_values = st.one_of(
        SCALARS.filter(lambda v: not isinstance(v, float) or v == v),
        st.sampled_from(["", " ", "1.0", "-7", "4,5", "NaN", "#N/A", "Valgt", "1e308", "99999999999999999999"]),
        HUGE_TEXTS,
    )
    for _ in range(draw(st.integers(1, 6))):
        sheet = draw(st.sampled_from(sorted(tables)))
        rows = tables[sheet]
        operation = draw(st.sampled_from(["cell", "cell", "cell", "drop_row", "drop_column", "add_column",
                                          "ragged", "drop_sheet", "rename_sheet", "duplicate_header", "header_cell"]))
        if operation == "cell" and rows and rows[0]:
            row = draw(st.integers(0, len(rows) - 1))
            if rows[row]:
                rows[row][draw(st.integers(0, len(rows[row]) - 1))] = draw(cell_values)
        elif operation == "header_cell" and rows and rows[0]:
            rows[0][draw(st.integers(0, len(rows[0]) - 1))] = draw(cell_values)
        elif operation == "drop_row" and rows:
            del rows[draw(st.integers(0, len(rows) - 1))]
        elif operation == "drop_column" and rows and rows[0]:
            column = draw(st.integers(0, len(rows[0]) - 1))
            for row in rows:
                if column < len(row):
                    del row[column]
        elif operation == "add_column":
            for row in rows:
                row.append(draw(cell_values))
        elif operation == "ragged" and rows:
            row = draw(st.integers(0, len(rows) - 1))
            rows[row] = rows[row][: draw(st.integers(0, len(rows[row])))] + draw(st.lists(cell_values, max_size=3))
        elif operation == "drop_sheet" and len(tables) > 1:
            del tables[sheet]
        elif operation == "rename_sheet":
            tables[draw(st.sampled_from(["Dataset(2)", "dataset", "Ark1", "Dataset (1)", "Labels", "x" * 31]))] = tables.pop(sheet)
        elif operation == "duplicate_header" and rows and len(rows[0]) > 1:
            rows[0][draw(st.integers(1, len(rows[0]) - 1))] = rows[0][0]
    return tables


def _xlsx_safe(value: Any) -> Any:
    """openpyxl refuses control characters and over-long cells, as Excel does: such a file cannot exist."""
    if isinstance(value, str):
        value = "".join(ch for ch in value if ch >= " " or ch in "\t\n\r")[:32767]
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, int) and abs(value) > 2**53:
        return str(value)
    return value


def tables_as_xlsx(tables: dict[str, list[list[Any]]]) -> bytes:
    return xlsx_bytes({name[:31]: [[_xlsx_safe(v) for v in row] for row in rows] for name, rows in tables.items()})


def tables_as_spreadsheetml(tables: dict[str, list[list[Any]]]) -> bytes:
    from xml.sax.saxutils import escape

    parts = ['<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
             'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">']
    for name, rows in tables.items():
        parts.append(f'<Worksheet ss:Name="{escape(name, {chr(34): "&quot;"})}"><Table>')
        for row in rows:
            cells = "".join(
                f'<Cell><Data ss:Type="{"Number" if isinstance(v, (int, float)) and not isinstance(v, bool) else "String"}">'
                f"{escape(str(_xlsx_safe(v)))}</Data></Cell>"
                for v in row
            )
            parts.append(f"<Row>{cells}</Row>")
        parts.append("</Table></Worksheet>")
    parts.append("</Workbook>")
    return "\n".join(parts).encode("utf-8")


@st.composite
def export_files(draw: Any) -> dict[str, bytes]:
    """One export on disk: file name → bytes."""
    kind = draw(st.sampled_from(
        ["xlsx", "xlsx", "csv", "csv", "truncated", "corrupted", "pk_junk", "bytes", "empty", "spreadsheetml", "zip_other"]
    ))
    if kind == "xlsx":
        return {"eksport.xlsx": tables_as_xlsx(draw(mutated_tables()))}
    if kind == "spreadsheetml":
        data = tables_as_spreadsheetml(draw(mutated_tables()))
        if draw(st.booleans()):
            cut = draw(st.integers(0, len(data)))
            data = data[:cut] + draw(st.binary(max_size=20))
        return {"eksport.xml": data}
    if kind == "csv":
        tables = draw(mutated_tables())
        delimiter = draw(st.sampled_from([";", ",", "\t", "|", " ", ":"]))
        quotechar = draw(st.sampled_from(['"', "'", "|", "«"]))
        if quotechar == delimiter:
            quotechar = '"' if delimiter != '"' else "'"
        encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1", "utf-32"]))
        names = {"Dataset": "dataset.csv", "Labels": "labels.csv", "Structure": "structure.csv"}
        files = {}
        for sheet, rows in tables.items():
            name = names.get(sheet, f"{sheet}.csv")
            files[name] = csv_bytes(rows, delimiter=delimiter, quotechar=quotechar, encoding=encoding)
        if files and draw(st.booleans()):
            victim = draw(st.sampled_from(sorted(files)))
            data = files[victim]
            files[victim] = data[: draw(st.integers(0, len(data)))]
        return files
    valid = small_valid_xlsx()
    if kind == "truncated":
        return {"eksport.xlsx": valid[: draw(st.integers(0, len(valid) - 1))]}
    if kind == "corrupted":
        data = bytearray(valid)
        for _ in range(draw(st.integers(1, 20))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return {"eksport.xlsx": bytes(data)}
    if kind == "pk_junk":
        return {draw(st.sampled_from(["eksport.xlsx", "dataset.csv", "eksport.xls"])): b"PK\x03\x04" + draw(st.binary(max_size=300))}
    if kind == "zip_other":
        stream = io.BytesIO()
        with zipfile.ZipFile(stream, "w") as archive:
            for member in draw(st.lists(st.sampled_from(
                ["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "word/document.xml", "x.txt"]
            ), max_size=4, unique=True)):
                archive.writestr(member, draw(st.binary(max_size=200)))
        return {"eksport.xlsx": stream.getvalue()}
    if kind == "empty":
        return {name: b"" for name in draw(st.lists(st.sampled_from(["eksport.xlsx", "dataset.csv", "labels.csv", "structure.csv"]), min_size=1, max_size=3, unique=True))}
    prefix = draw(st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"<?xml", b"\xd0\xcf\x11\xe0"]))
    return {draw(st.sampled_from(["dataset.csv", "eksport.xlsx", "eksport.xml", "data"])): prefix + draw(st.binary(max_size=500))}


def _run_import(copy: Any, data: Any, case: str) -> None:
    with copy() as root:
        _import_broken_export(root, data, case)


def _import_broken_export(root: Path, data: Any, case: str) -> None:
    files = data.draw(export_files(), label="export")
    folder = root.parent / "eksport"
    folder.mkdir()
    paths = []
    for name, content in files.items():
        (folder / name).write_bytes(content)
        paths.append(str(folder / name))
    how = data.draw(st.sampled_from(["files", "folder"]), label="how")
    targets = paths if how == "files" else [str(folder)]
    options = data.draw(st.sampled_from([[], ["--source", "ny"], ["--source", SURVEY_ID, "--force", "--replace"], ["--keep-identifiers"]]))
    invoke(["import", *targets, "-p", str(root), *options], case)


@pytest.mark.skipif(not _implemented("import"), reason="hkh import not implemented yet")
def test_import_survives_malformed_exports(fresh_copy: Any) -> None:
    @fuzz_settings(3.0)
    @given(data=st.data())
    def run(data: Any) -> None:
        _run_import(fresh_copy, data, "import")

    run()


# ------------------------------------------------------------------------------- the imported survey, the stats

SURVEY_COMMANDS: list[tuple[str, list[str], float]] = [
    ("survey", ["survey"], 1.0),
    ("survey-by", ["survey", "--by", "kjonn"], 0.5),
    ("survey-json", ["survey", "--format", "json", "--min-cell", "3"], 0.5),
    ("check", ["check"], 0.5),
    ("triangulate", ["triangulate"], 0.5),
    ("report", ["report"], 0.15),
    ("run", ["run"], 0.15),
]


def _survey_folder(root: Path) -> Path:
    return root / "data" / "survey" / SURVEY_ID


def _broken_survey(root: Path, data: Any) -> None:
    folder = _survey_folder(root)
    target = data.draw(st.sampled_from(["responses.csv", "codebook.yaml", "both", "missing"]), label="survey file")
    if target == "missing":
        victim = data.draw(st.sampled_from(["responses.csv", "codebook.yaml", "folder"]))
        if victim == "folder":
            shutil.rmtree(folder)
        else:
            (folder / victim).unlink()
        return
    if target in ("responses.csv", "both"):
        path = folder / "responses.csv"
        rows = list(csv.reader(io.StringIO(path.read_text("utf-8"))))
        kind = data.draw(st.sampled_from(["cells", "cells", "text", "bytes"]))
        if kind == "cells":
            for _ in range(data.draw(st.integers(1, 8))):
                row = data.draw(st.integers(0, len(rows) - 1))
                if rows[row]:
                    rows[row][data.draw(st.integers(0, len(rows[row]) - 1))] = data.draw(
                        st.one_of(TEXTS, st.sampled_from(["", "-7", "99", "1.5", "0", "1e9", "nan", "inf"]))
                    )
            path.write_bytes(csv_bytes(rows, delimiter=",", encoding="utf-8"))
        else:
            path.write_bytes(data.draw(mutated_text(path.read_text("utf-8"))) if kind == "text" else data.draw(st.binary(max_size=300)))
    if target in ("codebook.yaml", "both"):
        path = folder / "codebook.yaml"
        path.write_bytes(data.draw(project_file_bytes("codebook.yaml", path.read_text("utf-8"))))


@pytest.mark.parametrize(("args", "weight"), available(SURVEY_COMMANDS))
def test_commands_survive_a_broken_imported_survey(fresh_copy: Any, args: list[str], weight: float) -> None:
    if not _implemented("import"):
        pytest.skip("hkh import not implemented yet")
    case = "imported-survey " + " ".join(args)

    @fuzz_settings(weight)
    @given(data=st.data())
    def run(data: Any) -> None:
        with fresh_copy() as root:
            _broken_survey(root, data)
            invoke([*args, "-p", str(root), "--force"] if args[0] != "check" else [*args, "-p", str(root)], case)

    run()


@st.composite
def stats_files(draw: Any) -> dict[str, bytes]:
    kind = draw(st.sampled_from(["csv", "csv", "xlsx", "bytes", "empty"]))
    if kind == "csv":
        rows = draw(st.lists(st.lists(st.one_of(TEXTS, st.integers(), st.floats().map(str)), max_size=6), max_size=12))
        if draw(st.booleans()):
            rows = [["År", "Antall"], *[[str(2000 + i), str(i)] for i in range(draw(st.integers(0, 20)))], *rows]
        encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
        comment = draw(st.sampled_from(["", "# Tittel\n", "#\n#\n", "# " + "x" * 5000 + "\n"])).encode(encoding, "replace")
        return {"tabell.csv": comment + csv_bytes(rows, delimiter=draw(st.sampled_from([";", ",", "\t"])), encoding=encoding)}
    if kind == "xlsx":
        sheets = draw(st.dictionaries(
            st.text(min_size=1, max_size=10).filter(lambda s: s.isprintable() and s.strip() and not set(s) & set("[]:*?/\\'")),
            st.lists(st.lists(SCALARS.filter(lambda v: not isinstance(v, float) or v == v), max_size=5), max_size=8),
            min_size=1, max_size=3,
        ))
        return {"tabell.xlsx": xlsx_bytes({n[:31]: [[_xlsx_safe(v) for v in r] for r in rows] for n, rows in sheets.items()})}
    if kind == "bytes":
        return {draw(st.sampled_from(["tabell.csv", "tabell.xlsx"])): draw(st.binary(max_size=300))}
    return {"tom.csv": b""}


STATS_COMMANDS: list[tuple[str, list[str], float]] = [
    ("check", ["check"], 1.0),
    ("report", ["report"], 0.3),
]


@pytest.mark.parametrize(("args", "weight"), available(STATS_COMMANDS))
def test_commands_survive_broken_statistics_tables(fresh_copy: Any, args: list[str], weight: float) -> None:
    case = "stats " + " ".join(args)

    @fuzz_settings(weight)
    @given(data=st.data())
    def run(data: Any) -> None:
        with fresh_copy() as root:
            for name, content in data.draw(stats_files(), label="stats").items():
                (root / "data" / "stats" / name).write_bytes(content)
            invoke([*args, "-p", str(root), "--force"] if args[0] != "check" else [*args, "-p", str(root)], case)

    run()


# --------------------------------------------------------------------------------------------- arguments, init

ARGUMENT_TEXTS = st.one_of(TEXTS, st.text(alphabet=st.characters(codec=None), max_size=20), st.just("\udcff\udcfe"))


@pytest.mark.skipif(not _implemented("init"), reason="hkh init not implemented yet")
def test_init_with_any_title_and_area_gives_a_valid_project_or_a_clear_refusal(tmp_path: Path) -> None:
    @fuzz_settings(1.0)
    @given(title=ARGUMENT_TEXTS, area=ARGUMENT_TEXTS, language=st.sampled_from(["nb", "nn", "en"]), name=TEXTS)
    def run(title: str, area: str, language: str, name: str) -> None:
        folder = Path(tempfile.mkdtemp(dir=tmp_path))
        safe_name = "".join(ch for ch in name if ch not in "/\x00" and not 0xD800 <= ord(ch) <= 0xDFFF)[:40] or "p"
        root = folder / safe_name if safe_name not in {".", ".."} else folder / "p"
        result = invoke(["init", str(root), "--title", title, "--area", area, "--language", language], "init")
        if result.exit_code == 0:
            checked = invoke(["check", "-p", str(root)], "init")
            assert checked.exit_code == 0, f"init wrote a project that check refuses: {checked.output}"
        shutil.rmtree(folder, ignore_errors=True)

    run()


ARGUMENT_COMMANDS = ["survey", "triangulate", "gaps", "plan", "report", "status"]


@pytest.mark.parametrize("command", [c for c in ARGUMENT_COMMANDS if _implemented(c)])
def test_commands_survive_odd_arguments(fresh_copy: Any, command: str) -> None:
    @fuzz_settings(0.3)
    @given(data=st.data())
    def run(data: Any) -> None:
        with fresh_copy() as root:
            args = [command, "-p", str(root)]
            if command == "survey":
                args += data.draw(st.sampled_from([["--by"], ["--source"], ["--min-cell"]])) + [
                    data.draw(st.one_of(ARGUMENT_TEXTS, st.integers(-(2**40), 2**40).map(str)))
                ]
            if command != "status" and data.draw(st.booleans()):
                output = data.draw(st.sampled_from(["ut.xlsx", "ut", "mappe/ut.html", "ut.json", "../ut.csv", ".", "out"]))
                args += ["--output", str(root / output)]
            invoke(args, f"arguments {command}")

    run()


# ----------------------------------------------------------------- spreadsheets people edit (plan import, efforts)

CELL_VALUES = st.one_of(
    st.none(),
    TEXTS,
    st.integers(-(10**9), 10**9),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(),
    st.booleans(),
    st.sampled_from(["1.1", "1.2", "2.1", "9.9", "Pågår", "Ferdig", "ja", "nei", "man–fre 9-15", "9-5", "", " ",
                     "=1+1", "1. Nytt delmål", "Politiet og Uteseksjonen", "Innen juni 2021", "Mo-Fr 08:00-16:00"]),
)


def _edit_workbook(path: Path, data: Any) -> None:
    """Change cells anywhere near the tables, as a careless person might: values of any kind, rows deleted, sheets
    added or removed."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    workbook = load_workbook(path)
    for _ in range(data.draw(st.integers(1, 12), label="edits")):
        sheet = workbook.worksheets[data.draw(st.integers(0, len(workbook.worksheets) - 1), label="sheet")]
        action = data.draw(st.sampled_from(["cell", "cell", "cell", "delete-row", "insert-row", "new-sheet", "drop-sheet"]))
        if action == "cell":
            row = data.draw(st.integers(1, sheet.max_row + 3), label="row")
            column = data.draw(st.integers(1, sheet.max_column + 2), label="column")
            cell = sheet.cell(row=row, column=column)
            if type(cell).__name__ == "MergedCell":
                continue
            try:
                cell.value = data.draw(CELL_VALUES, label="value")
            except (IllegalCharacterError, ValueError):
                cell.value = None
        elif action == "delete-row" and sheet.max_row > 1:
            sheet.delete_rows(data.draw(st.integers(1, sheet.max_row), label="deleted"))
        elif action == "insert-row":
            sheet.insert_rows(data.draw(st.integers(1, sheet.max_row + 1), label="inserted"))
        elif action == "new-sheet":
            workbook.create_sheet(data.draw(st.sampled_from(["Ark1", "Handlingsplan", "Innsatser", "x"])))
        elif action == "drop-sheet" and len(workbook.worksheets) > 1:
            workbook.remove(sheet)
    workbook.save(path)


@pytest.mark.parametrize("command", ["plan", "efforts"])
def test_spreadsheet_imports_survive_any_edit(fresh_copy: Any, command: str) -> None:
    """`hkh plan import` and `hkh efforts import` of hkh's own workbook, edited anyhow: a result or one clear error."""
    case = f"{command} import (edited workbook)"

    @fuzz_settings(0.5)
    @given(data=st.data())
    def run(data: Any) -> None:
        with fresh_copy() as root:
            if command == "plan":
                path = root / "out" / "handlingsplan.xlsx"
            else:
                path = root / "out" / "innsatsoversikt.xlsx"
                assert runner.invoke(app, ["efforts", "export", "-p", str(root)]).exit_code == 0
            _edit_workbook(path, data)
            options = data.draw(st.sampled_from([[], ["--dry-run"]]))
            if command == "efforts":
                options += data.draw(st.sampled_from([[], ["--confirm"]]))
            invoke([command, "import", str(path), "-p", str(root), *options], case)

    run()


# ------------------------------------------------------------------------- what the fuzzing found, kept as tests
# Minimal cases of crashes hypothesis found; each must end in one HkhError line (exit 2) or succeed.


def _set_cell(root: Path, column: str, value: str, row: int = 1) -> None:
    path = _survey_folder(root) / "responses.csv"
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8"))))
    rows[row][rows[0].index(column)] = value
    path.write_bytes(csv_bytes(rows, delimiter=",", encoding="utf-8"))


@pytest.mark.parametrize("value", ["1.5", "1e400", "-inf", "99999999999999999999"])
@pytest.mark.parametrize("args", [["survey"], ["triangulate"]], ids=lambda a: a[0])
def test_a_code_that_is_not_a_whole_number_is_a_clear_error(fresh_copy: Any, value: str, args: list[str]) -> None:
    with fresh_copy() as root:
        _set_cell(root, "kjonn", value)
        result = invoke([*args, "-p", str(root), "--force"], "regression")
        if args[0] == "survey":
            assert result.exit_code == 2
            assert "responses.csv" in result.stderr and "kjonn" in result.stderr


def test_a_code_without_a_label_in_a_breakdown_does_not_crash(fresh_copy: Any) -> None:
    with fresh_copy() as root:
        _set_cell(root, "trygg_1", "-7")
        invoke(["survey", "--by", "kjonn", "-p", str(root), "--force"], "regression")


def test_a_codebook_question_without_variables_is_a_clear_error(fresh_copy: Any) -> None:
    with fresh_copy() as root:
        path = _survey_folder(root) / "codebook.yaml"
        tree = load_plain(path.read_text("utf-8"))
        tree["questions"][0]["variables"] = []
        path.write_text(dump_yaml(tree), "utf-8")
        result = invoke(["survey", "--format", "json", "-p", str(root)], "regression")
        assert result.exit_code == 2


@pytest.mark.parametrize(
    ("folder_name", "title"),
    [("p", "\udcff\udcfe"), ("\x7f", ""), ("p", "tittel\x00med\x1bkontroll\x7ftegn"), ("p", "\u2028")],
)
def test_init_writes_a_valid_project_for_any_title(tmp_path: Path, folder_name: str, title: str) -> None:
    root = tmp_path / folder_name
    result = invoke(["init", str(root), "--title", title, "--area", title], "regression")
    if result.exit_code == 0:
        checked = invoke(["check", "-p", str(root)], "regression")
        assert checked.exit_code == 0, checked.output


def test_a_non_substantive_checkbox_option_without_its_column_does_not_crash(fresh_copy: Any) -> None:
    with fresh_copy() as root:
        path = _survey_folder(root) / "codebook.yaml"
        tree = load_plain(path.read_text("utf-8"))
        question = next(q for q in tree["questions"] if q["name"] == "konflikt")
        question["non_substantive"] = [question["options"][-1]["code"]]
        del question["options"][-1]["variable"]
        path.write_text(dump_yaml(tree), "utf-8")
        invoke(["survey", "-p", str(root), "--force"], "regression")


def test_a_checkbox_option_naming_a_column_of_another_question_is_a_clear_error(fresh_copy: Any) -> None:
    with fresh_copy() as root:
        path = _survey_folder(root) / "codebook.yaml"
        tree = load_plain(path.read_text("utf-8"))
        question = next(q for q in tree["questions"] if q["name"] == "konflikt")
        question["variables"] = [v for v in question["variables"] if v != "konflikt_1"] or ["kjonn"]
        path.write_text(dump_yaml(tree), "utf-8")
        result = invoke(["survey", "-p", str(root), "--force"], "regression")
        assert result.exit_code == 2 and "codebook.yaml" in result.stderr
