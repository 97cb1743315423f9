"""hkh's benchmarks: start-up, import at several sizes, survey tables, the whole run; ratios measured in one run.

    python benchmarks/run.py                       # sizes 1,000, 20,000 and 100,000 respondents × 200 variables
    python benchmarks/run.py --quick               # 1,000 and 5,000, fewer repeats: a minute or two
    python benchmarks/run.py --sizes 1000,20000    # choose sizes
    python benchmarks/run.py --markdown out.md     # also write the table as Markdown

Every measurement is a separate process, timed from outside (wall clock, best of N) and measured with
`os.wait4`, which gives that one child's CPU time and peak resident memory (maxrss). Each figure of hkh is set
against a baseline measured in the same run on the same machine, so the ratios hold even where the absolute
times do not:

- `hkh --help` against `python -c "import typer"` (target: within 1.5×);
- `hkh import` of an .xlsx export against a plain python-calamine read of its Dataset sheet (target: 1.5×);
- `hkh survey` at several sizes: time per 1,000 respondents should stay flat (linear cost);
- peak memory of import and survey against the size of the data in memory (a pandas DataFrame of the dataset,
  deep size) (target: under 5×);
- `hkh run` on a copy of examples/brugata_storgata, cold (a fresh copy) against `python -c "import <every runtime
  library of hkh>"` (target: 1.5×); again with nothing changed (target: 0.15× the cold run); after a comment is added
  to plan.yaml (target: 0.4× the cold run). Floors beside them: the CPU time of each part of the run measured in one
  process (benchmarks/run_parts.py), shared perfectly between two cores after the parts that come first.

Generated exports are cached in `$HKH_BENCH_CACHE` (default `~/.cache/hkh-bench`), never in the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from exports import cached_export  # noqa: E402

TARGET_STARTUP = 1.5
TARGET_IMPORT = 1.5
TARGET_MEMORY = 5.0
TARGET_RUN_COLD = 1.5  # × the import of every runtime library
TARGET_RUN_UNCHANGED = 0.15  # × the cold run
TARGET_RUN_PLAN_EDIT = 0.4  # × the cold run
# Every library hkh imports at run time: pyproject.toml's [project] dependencies, by the names they are imported as
# (numpy comes with pandas and hkh imports it too; ruamel.yaml.clib is ruamel's C parser, loaded by ruamel.yaml;
# scipy.optimize is what the disclosure audit imports of scipy, which `hkh run` itself does not load).
# tests/test_run_speed.py checks this list against pyproject.toml.
RUNTIME_LIBRARIES = (
    "typer", "rich", "pydantic", "ruamel.yaml", "opening_hours", "pandas", "numpy", "openpyxl", "python_calamine",
    "matplotlib.pyplot", "jinja2", "docx", "scipy.optimize", "markdown_it",
)
CALAMINE_READ = (
    "import sys\n"
    "from python_calamine import CalamineWorkbook\n"
    "rows = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_name('Dataset').to_python()\n"
)
# Floors, to tell what hkh can change from what it cannot: calamine loading the sheet into its own (Rust) cells
# without making a single Python object, and Typer's parameter handling (which imports pydantic) before a read.
CALAMINE_LOAD_ONLY = (
    "import sys\n"
    "from python_calamine import CalamineWorkbook\n"
    "sheet = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_name('Dataset')\n"
)
TYPER_COERCION_AND_READ = "import typer._adapters\n" + CALAMINE_READ


@dataclass
class Measure:
    """One child process: wall seconds, CPU seconds (user + system) and peak memory in bytes."""

    wall: float
    cpu: float
    maxrss: int
    returncode: int
    stderr: str = ""


@dataclass
class Best:
    runs: list[Measure] = field(default_factory=list)

    @property
    def wall(self) -> float:
        return min(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return min(r.cpu for r in self.runs)

    @property
    def maxrss(self) -> int:
        return max(r.maxrss for r in self.runs)


def hkh_command() -> list[str]:
    """The console script users run (what `pip install` puts on PATH), else the module."""
    script = shutil.which("hkh", path=str(Path(sys.executable).parent)) or shutil.which("hkh")
    return [script] if script else [sys.executable, "-m", "hkh"]


def measure(command: list[str], *, cwd: Path | None = None, check: bool = True) -> Measure:
    env = {**os.environ, "NO_COLOR": "1", "HKH_DEBUG": "1"}
    started = time.perf_counter()
    child = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
    )
    assert child.stderr is not None
    # read stderr before waiting, so a chatty child cannot block on a full pipe
    stderr = child.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    result = Measure(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, child.returncode, stderr)
    if check and child.returncode != 0:
        raise SystemExit(f"benchmark command failed ({child.returncode}): {' '.join(command)}\n{stderr}")
    return result


def best_of(count: int, command: list[str], *, prepare: Any = None, cwd: Path | None = None) -> Best:
    best = Best()
    for _ in range(count):
        if prepare is not None:
            prepare()
        best.runs.append(measure(command, cwd=cwd))
    return best


def new_project(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    subprocess.run([*hkh_command(), "init", str(folder), "--title", "Benchmark"], check=True, capture_output=True)
    return folder


def megabytes(size: float) -> str:
    return f"{size / 1_000_000:,.0f} MB"


def seconds(value: float) -> str:
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    try:
        memory = next(
            int(line.split()[1]) * 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        )
        memory_text = f"{memory / 2**30:.0f} GiB"
    except (OSError, StopIteration):
        memory_text = "unknown"
    return {
        "cpus": str(os.cpu_count()),
        "cpu": cpu,
        "memory": memory_text,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


def measure_runs(
    example: Path, copy: Path, hkh: list[str], count: int, row: Any, verdict: Any, help_run: Best
) -> dict[str, Any]:
    """`hkh run` cold, unchanged and after an edit to plan.yaml, against the libraries' import; and the floors."""
    libraries = best_of(count, [sys.executable, "-c", "import " + ", ".join(RUNTIME_LIBRARIES)])

    def fresh_example() -> None:
        if copy.exists():
            shutil.rmtree(copy)
        shutil.copytree(example, copy, ignore=shutil.ignore_patterns("out", ".hkh-*"))

    edits = iter(range(1, 1_000_000))

    def edit_plan() -> None:
        # a real edit, as a team member makes one: a comment line added
        with (copy / "plan.yaml").open("a", encoding="utf-8") as plan:
            plan.write(f"# note {next(edits)}: to be discussed at the final consultation\n")

    run = [*hkh, "run", "-p", str(copy)]
    cold = best_of(count, run, prepare=fresh_example)
    unchanged = best_of(count, run)  # after the last cold run: every output is current
    plan_edit = best_of(count, run, prepare=edit_plan)
    parts_process = subprocess.run(
        [sys.executable, str(HERE / "run_parts.py"), str(copy)], capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )
    parts: dict[str, float] = json.loads(parts_process.stdout)
    sys.path.insert(0, str(HERE))
    from run_parts import PLAN_PARTS, SERIAL_PARTS

    def floor(names: list[str]) -> tuple[float, float]:
        """(the parts' CPU in one process, the least wall time on two cores: the serial parts, then half the rest)"""
        serial = sum(parts[name] for name in names if name.startswith(SERIAL_PARTS))
        total = sum(parts[name] for name in names)
        return total, serial + (total - serial) / 2

    cold_cpu, cold_floor = floor(list(parts))
    plan_cpu, plan_floor = floor([name for name in parts if name.startswith(PLAN_PARTS)])
    ratio_cold = cold.wall / libraries.wall
    ratio_unchanged = unchanged.wall / cold.wall
    ratio_plan = plan_edit.wall / cold.wall
    row("hkh run, cold, vs import of every library", seconds(cold.wall), seconds(libraries.wall), f"{ratio_cold:.2f}×",
        verdict(ratio_cold, TARGET_RUN_COLD))
    row("  (CPU of the cold run, all its processes)", seconds(cold.cpu), seconds(libraries.cpu),
        f"{cold.cpu / libraries.cpu:.2f}×", f"peak {megabytes(cold.maxrss)}")
    row("  (floor: the run's parts on two cores)", seconds(cold_floor), seconds(libraries.wall),
        f"{cold_floor / libraries.wall:.2f}×", f"parts {seconds(cold_cpu)} CPU in one process")
    row("hkh run again, nothing changed, vs cold", seconds(unchanged.wall), seconds(cold.wall),
        f"{ratio_unchanged:.2f}×", verdict(ratio_unchanged, TARGET_RUN_UNCHANGED))
    row("  (floor: hkh --help)", seconds(help_run.wall), seconds(cold.wall), f"{help_run.wall / cold.wall:.2f}×", "")
    row("hkh run after editing plan.yaml, vs cold", seconds(plan_edit.wall), seconds(cold.wall),
        f"{ratio_plan:.2f}×", verdict(ratio_plan, TARGET_RUN_PLAN_EDIT))
    row("  (floor: what plan.yaml touches, two cores)", seconds(plan_floor), seconds(cold.wall),
        f"{plan_floor / cold.wall:.2f}×", f"parts {seconds(plan_cpu)} CPU in one process")
    for name, value in parts.items():
        row(f"    {name[:38]}", seconds(value), "", "", "CPU")
    return {
        "libraries": list(RUNTIME_LIBRARIES), "import_libraries_s": libraries.wall, "cold_s": cold.wall,
        "cold_cpu_s": cold.cpu, "cold_maxrss": cold.maxrss, "unchanged_s": unchanged.wall, "plan_edit_s": plan_edit.wall,
        "ratio_cold": ratio_cold, "ratio_unchanged": ratio_unchanged, "ratio_plan_edit": ratio_plan,
        "floor_cold_s": cold_floor, "floor_plan_edit_s": plan_floor, "parts_cpu_s": parts,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", help="respondent counts, comma-separated (default 1000,20000,100000)")
    parser.add_argument("--quick", action="store_true", help="small sizes and fewer repeats")
    parser.add_argument("--repeat", type=int, help="best of how many runs for the timed commands")
    parser.add_argument("--variables", type=int, default=200, help="variables (columns) per export")
    parser.add_argument("--cache", type=Path, default=Path(os.environ.get("HKH_BENCH_CACHE", Path.home() / ".cache" / "hkh-bench")))
    parser.add_argument("--skip-run", action="store_true", help="leave out `hkh run` on the example")
    parser.add_argument("--run-only", action="store_true", help="start-up and `hkh run` only (no import or survey sizes)")
    parser.add_argument("--markdown", type=Path, help="also write the results as a Markdown table to this file")
    parser.add_argument("--json", type=Path, help="also write the raw figures as JSON to this file")
    args = parser.parse_args(argv)

    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")] if args.sizes else (
        [1000, 5000] if args.quick else [1000, 20000, 100000]
    )
    if args.run_only:
        sizes = []
    repeat = args.repeat or (3 if args.quick else 5)
    big_repeat = 1 if args.quick else 2
    hkh = hkh_command()
    rows: list[tuple[str, str, str, str, str]] = []
    figures: dict[str, Any] = {"machine": machine(), "sizes": sizes, "variables": args.variables}

    def row(what: str, hkh_figure: str, baseline: str, ratio: str, verdict: str) -> None:
        rows.append((what, hkh_figure, baseline, ratio, verdict))
        print(f"{what:<42} {hkh_figure:>22} {baseline:>22} {ratio:>8}  {verdict}", flush=True)

    def verdict(value: float, target: float) -> str:
        return "ok" if value <= target else "MISSED"

    print(f"machine: {figures['machine']}", flush=True)
    print(f"{'benchmark':<42} {'hkh':>22} {'baseline':>22} {'ratio':>8}", flush=True)

    # ---- start-up
    typer_import = best_of(repeat * 2, [sys.executable, "-c", "import typer"])
    help_run = best_of(repeat * 2, [*hkh, "--help"])
    ratio = help_run.wall / typer_import.wall
    figures["startup"] = {"hkh_help_s": help_run.wall, "import_typer_s": typer_import.wall, "ratio": ratio,
                          "hkh_help_cpu_s": help_run.cpu, "import_typer_cpu_s": typer_import.cpu}
    row("hkh --help vs python -c 'import typer'", seconds(help_run.wall), seconds(typer_import.wall),
        f"{ratio:.2f}×", verdict(ratio, TARGET_STARTUP))

    work = Path(tempfile.mkdtemp(prefix="hkh-bench-"))
    try:
        projects: dict[int, Path] = {}
        figures["import"] = {}
        for size in sizes:
            started = time.perf_counter()
            # made in a child process: Linux keeps a process's peak memory across exec in its children, so an
            # export generated here would set the peak memory of every command measured after it
            subprocess.run(
                [sys.executable, "-c", "import sys; from exports import cached_export; "
                 "cached_export(__import__('pathlib').Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))",
                 str(args.cache), str(size), str(args.variables)],
                check=True, cwd=HERE,
            )
            export, facts = cached_export(args.cache, size, args.variables)
            made = time.perf_counter() - started
            if made > 1:
                print(f"  (generated the {size:,}-respondent export in {made:.0f} s: {export})", flush=True)
            count = repeat if size <= 20000 else big_repeat
            calamine = best_of(count, [sys.executable, "-c", CALAMINE_READ, str(export)])
            project = work / f"import-{size}"

            def fresh(project: Path = project) -> None:
                new_project(project)

            imported = best_of(
                count, [*hkh, "import", str(export), "-p", str(project), "--source", "bench", "--title", "Benchmark survey"], prepare=fresh
            )
            projects[size] = project
            ratio = imported.wall / calamine.wall
            memory_ratio = imported.maxrss / facts["data_bytes"]
            figures["import"][size] = {
                "hkh_s": imported.wall, "calamine_s": calamine.wall, "ratio": ratio,
                "hkh_cpu_s": imported.cpu, "calamine_cpu_s": calamine.cpu,
                "hkh_maxrss": imported.maxrss, "calamine_maxrss": calamine.maxrss,
                "data_bytes": facts["data_bytes"], "file_bytes": facts["file_bytes"], "memory_ratio": memory_ratio,
            }
            row(f"hkh import {size:,} × {facts['variables']} vs calamine read", seconds(imported.wall),
                seconds(calamine.wall), f"{ratio:.2f}×", verdict(ratio, TARGET_IMPORT))
            row(f"  peak memory import {size:,} vs data in memory", megabytes(imported.maxrss),
                megabytes(facts["data_bytes"]), f"{memory_ratio:.1f}×", verdict(memory_ratio, TARGET_MEMORY))
            row(f"  (peak memory calamine read {size:,})", megabytes(calamine.maxrss), megabytes(facts["data_bytes"]),
                f"{calamine.maxrss / facts['data_bytes']:.1f}×", "")
            load_only = best_of(1, [sys.executable, "-c", CALAMINE_LOAD_ONLY, str(export)])
            figures["import"][size]["calamine_load_only_maxrss"] = load_only.maxrss
            row(f"  (floor: calamine's own load {size:,})", megabytes(load_only.maxrss), megabytes(facts["data_bytes"]),
                f"{load_only.maxrss / facts['data_bytes']:.1f}×", "no Python objects at all")
            if size == min(sizes):
                floor = best_of(count, [sys.executable, "-c", TYPER_COERCION_AND_READ, str(export)])
                figures["import"][size]["typer_coercion_and_read_s"] = floor.wall
                row(f"  (floor: Typer's parameter coercion + read {size:,})", seconds(floor.wall),
                    seconds(calamine.wall), f"{floor.wall / calamine.wall:.2f}×", "before hkh does anything")

        # ---- survey tables: cost per 1,000 respondents at every size
        figures["survey"] = {}
        for size in sizes:
            count = repeat if size <= 20000 else big_repeat
            survey = best_of(count, [*hkh, "survey", "-p", str(projects[size]), "--force"])
            facts = figures["import"][size]
            rate = survey.wall / size * 1000
            memory_ratio = survey.maxrss / facts["data_bytes"]
            figures["survey"][size] = {"hkh_s": survey.wall, "cpu_s": survey.cpu, "per_1000_s": rate,
                                       "maxrss": survey.maxrss, "memory_ratio": memory_ratio}
            row(f"hkh survey {size:,} respondents", seconds(survey.wall), "", f"{rate:.3f} s/1k", "")
            row(f"  peak memory survey {size:,} vs data in memory", megabytes(survey.maxrss),
                megabytes(facts["data_bytes"]), f"{memory_ratio:.1f}×", verdict(memory_ratio, TARGET_MEMORY))
        if len(sizes) >= 3:
            # Linear cost: time = fixed + rate × respondents. A straight line is fitted (least squares) through all
            # sizes; a cost growing faster than linearly leaves the largest size above the line. (Comparing the
            # slopes of single steps fails once the data part is as small as the noise: a slope can come out < 0.)
            thousands = [s / 1000 for s in sizes]
            times = [figures["survey"][s]["hkh_s"] for s in sizes]
            mean_n, mean_t = sum(thousands) / len(thousands), sum(times) / len(times)
            slope = sum((n - mean_n) * (t - mean_t) for n, t in zip(thousands, times)) / sum(
                (n - mean_n) ** 2 for n in thousands
            )
            fixed = mean_t - slope * mean_n
            above = times[-1] - (fixed + slope * thousands[-1])
            linear = above <= max(0.05 * times[-1], 0.3)
            figures["survey"].update({"rate_per_1000_s": slope, "fixed_s": fixed, "above_line_at_largest_s": above})
            row("hkh survey: fixed + rate per 1,000 rows", f"{slope:.4f} s per 1k", f"fixed {seconds(fixed)}",
                f"{above:+.2f} s", "linear" if linear else "MORE THAN LINEAR")

        # ---- the whole run on the example: cold, again with nothing changed, after an edit to plan.yaml
        example = ROOT / "examples" / "brugata_storgata"
        if not args.skip_run and (example / "hkh.yaml").is_file():
            figures["run"] = measure_runs(example, work / "example", hkh, max(repeat, 3), row, verdict, help_run)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    if args.markdown:
        lines = [
            f"Machine: {figures['machine']['cpus']} CPUs, {figures['machine']['cpu']}, {figures['machine']['memory']}, "
            f"Python {figures['machine']['python']}, {figures['machine']['system']}.",
            "",
            "| benchmark | hkh | baseline | ratio | target |",
            "| --- | ---: | ---: | ---: | --- |",
            *(f"| {' | '.join(cells)} |" for cells in rows),
        ]
        args.markdown.write_text("\n".join(lines) + "\n", "utf-8")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
