"""What the attack suite shares: a sound project, running hkh (in-process, or as a process held to 1 GB and a few
seconds), and the checks every attack makes (one clean line, the right exit code, nothing written)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from hkh.cli import app

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
SRC = HERE.parents[1] / "src"
runner = CliRunner()

HKH = """\
title: Angrepstest
area: Sentrum
language: {language}
parties: [Politiet, Kommunen]
"""
SOURCES = """\
sources:
  - id: intervju
    method: target_interview
    title: Intervju med målgruppen
    n: 6
  - id: feltarbeid
    method: field_reports
    title: Feltrapporter
"""
EFFORTS = """\
efforts:
  - id: kafe
    organisation: Kommunen
    name: Nattkafé
    offers: [mat]
    opening_hours: "Mo-Fr 20:00-24:00"
    description: Varm mat om kvelden
    sources: [intervju]
"""
FINDINGS = """\
findings:
  - id: f1
    title: Utrygt om natta
    statement: Mange føler seg utrygge om natta
    evidence:
      - source: intervju
        says: Flere forteller om vold
        quote: Det er farlig her
        role: bruker
      - source: feltarbeid
        says: Mye uro etter midnatt
    needs:
      - offer: mat
        when: "Mo-Su 18:00-24:00"
"""
PLAN = """\
goals:
  - text: Tryggere natt
    measures:
      - text: Nattpatrulje
        responsible: Politiet
        timing: Fra høsten
        addresses: [f1]
follow_up:
  - finding: f1
    text: Følg med på utviklingen
"""
FILES = {"hkh.yaml": HKH, "sources.yaml": SOURCES, "efforts.yaml": EFFORTS, "findings.yaml": FINDINGS, "plan.yaml": PLAN}


def sound_project(root: Path, language: str = "nb", **replace: str) -> Path:
    """A project `hkh check` finds no error in; `replace` gives a file's text by its name (`findings_yaml=...`)."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        key = name.replace(".", "_")
        content = replace.get(key, text)
        (root / name).write_text(content.format(language=language) if name == "hkh.yaml" and key not in replace else content, "utf-8")
    return root


def hkh(*args: str | Path) -> object:
    """hkh in this process, messages in English."""
    return runner.invoke(app, [str(a) for a in args] + ["-l", "en"])


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` (a FIFO or a device is recorded by name only: reading it would block)."""
    found: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file():
            found[path.relative_to(folder).as_posix()] = b"<not a file>"
            continue
        found[path.relative_to(folder).as_posix()] = path.read_bytes()
    return found


def assert_one_line_error(result: object, *fragments: str, exit_code: int = 2) -> str:
    """The command stopped with `exit_code` and one line on stderr holding every fragment, and no traceback."""
    exception = getattr(result, "exception", None)
    assert exception is None or isinstance(exception, SystemExit), repr(exception)
    assert result.exit_code == exit_code, result.output
    stderr: str = result.stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


@dataclass(frozen=True)
class Limited:
    returncode: int
    stdout: str
    stderr: str
    seconds: float


MEMORY_LIMIT = 1024 * 1024 * 1024


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def limited(*args: str | Path, cwd: Path | None = None, timeout: float = 5.0) -> Limited:
    """hkh as a process of at most 1 GB of address space, killed after `timeout` seconds (a failure)."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
        # one thread for numeric libraries: their thread pools reserve address space the limit counts
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    started = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "-m", "hkh", *[str(a) for a in args], "-l", "en"],
        capture_output=True, text=True, timeout=timeout, cwd=cwd, env=env, preexec_fn=_limit_memory,
    )
    return Limited(completed.returncode, completed.stdout, completed.stderr, time.monotonic() - started)


# ------------------------------------------------------------------------------------------------ workbooks by hand

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)


def workbook_xml(sheet: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )


def write_xlsx_by_hand(path: Path, sheet_data: str, *, sheet: str = "Dataset", root: str = "worksheet",
                       namespace: str = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
                       dimension: str = "", extra: dict[str, bytes] | None = None) -> Path:
    """A minimal .xlsx with one sheet whose XML body is `sheet_data` (rows and cells as given)."""
    worksheet = f'<?xml version="1.0" encoding="UTF-8"?><{root} {namespace}>{dimension}{sheet_data}</{root}>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("xl/workbook.xml", workbook_xml(sheet))
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", worksheet)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def national_id(day: int, month: int, year: int, individual: int) -> str:
    """A valid Norwegian national identity number (check digits by the rule up to 2031): generated, never real."""
    digits = [int(c) for c in f"{day:02d}{month:02d}{year % 100:02d}{individual:03d}"]
    for weights in ((3, 7, 6, 1, 8, 9, 4, 5, 2), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)):
        remainder = sum(w * d for w, d in zip(weights, digits)) % 11
        check = 11 - remainder if remainder else 0
        if check == 10:
            raise ValueError("no valid number with this individual number")
        digits.append(check)
    return "".join(map(str, digits))


def national_ids(count: int, *, start: int = 1) -> list[str]:
    """`count` distinct valid identity numbers."""
    found: list[str] = []
    individual = start
    while len(found) < count:
        try:
            found.append(national_id(1 + individual % 28, 1 + individual % 12, 1970 + individual % 30, 100 + individual % 400))
        except ValueError:
            pass
        individual += 1
    return found
