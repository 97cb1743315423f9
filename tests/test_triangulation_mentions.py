"""`stance: mentions`: a source that only mentions the topic is shown in the matrix, and counts for nothing."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from hkh.cli import app
from hkh.i18n import t
from project_files import write_project_files

runner = CliRunner()
WIDE = {"COLUMNS": "250", "NO_COLOR": "1"}

SOURCES = """\
sources:
  - {id: survey, method: survey, title: Spørreundersøkelse}
  - {id: start, method: initial_consultation, title: Innledende konsultasjon}
  - {id: end, method: final_consultation, title: Avsluttende konsultasjon}
  - {id: field, method: field_reports, title: Feltrapporter}
"""
FINDINGS = """\
findings:
  - id: vold
    statement: Vold er utbredt
    evidence:
      - {source: survey, says: Tre av ti bærer våpen}
      - {source: end, stance: mentions, says: Vold var et tema i diskusjonen}
      - {source: start, stance: mentions, says: Vold ble nevnt}
  - id: natt
    statement: Natten er utrygg
    evidence:
      - {source: survey}
      - {source: field}
      - {source: end, stance: mentions}
"""


def test_mentions_are_shown_and_not_counted(tmp_path: Path) -> None:
    root = write_project_files(tmp_path, hkh="title: T\nlanguage: nb\n", sources=SOURCES, efforts="efforts: []\n",
                               findings=FINDINGS, plan="goals: []\n")
    result = runner.invoke(app, ["triangulate", "-p", str(root), "--format", "json"], env=WIDE)
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in json.loads(result.stdout)["findings"]}
    # survey supports; the two consultations only mention it: one method, "single", and not disputed
    vold = rows["vold"]
    assert (vold["strength"], vold["supporting_methods"], vold["disputed"]) == ("single", 1, False)
    assert vold["methods"] == {
        "survey": {"supports": 1, "contradicts": 0},
        "initial_consultation": {"supports": 0, "contradicts": 0, "mentions": 1},
        "final_consultation": {"supports": 0, "contradicts": 0, "mentions": 1},
    }
    assert (rows["natt"]["strength"], rows["natt"]["supporting_methods"]) == ("triangulated", 2)
    assert [row["stance"] for row in vold["evidence"]] == ["supports", "mentions", "mentions"]

    terminal = runner.invoke(app, ["triangulate", "-p", str(root)], env=WIDE).stdout
    line = next(line for line in terminal.splitlines() if " vold" in line)
    assert "✔ 1" in line and line.count("○ 1") == 2 and line.rstrip().endswith(t("strength.single", "nb"))
    assert "○ n = n kilder som bare nevner temaet (teller ikke)" in " ".join(terminal.split())

    workbook = load_workbook(root / "out" / "triangulering.xlsx")
    sheet = workbook["Belegg"]
    header = [cell.value for cell in sheet[1]]
    stance, finding = header.index("Støtter / sier imot / nevner"), header.index("Funn-ID")
    stances = [row[stance].value for row in sheet.iter_rows(min_row=2) if row[finding].value == "vold" and row[-1].value]
    assert stances == ["støtter", "nevner (teller ikke)", "nevner (teller ikke)"]

    assert runner.invoke(app, ["report", "-p", str(root)], env=WIDE).exit_code == 0
    html = (root / "out" / "rapport.html").read_text("utf-8")
    assert "○" in html and "[nevner (teller ikke)]" in html
