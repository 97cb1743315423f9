"""Writing a small project folder for a test: the five files from strings."""

from __future__ import annotations

from pathlib import Path


def write_project_files(root: Path, *, hkh: str, sources: str, efforts: str, findings: str, plan: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in (
        ("hkh.yaml", hkh),
        ("sources.yaml", sources),
        ("efforts.yaml", efforts),
        ("findings.yaml", findings),
        ("plan.yaml", plan),
    ):
        (root / name).write_text(text, "utf-8")
    return root
