"""`framegen validate`: decode frames with the generated Python package and report its findings."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

from generator.settings import Settings


def generated_package(settings: Settings) -> ModuleType:
    """Import the generated Python package from the output directory."""
    path = str(settings.output_path / "python")
    if path not in sys.path:
        sys.path.insert(0, path)
    return importlib.import_module(settings.option("python_package"))


def _frames(path: Path) -> list[tuple[int, bytes]]:
    data = path.read_bytes()
    if path.suffix == ".jsonl":
        return [(n, line) for n, line in enumerate(data.split(b"\n"), 1) if line.strip()]
    return [(1, data)]


def validate_files(settings: Settings, files: list[Path], lint: bool) -> int:
    """Print `file:line: pointer: rule: message` per finding; exit 1 if any frame fails."""
    package = generated_package(settings)
    root = package.Frame
    failed = checked = 0
    for path in files:
        for line, data in _frames(path):
            checked += 1
            try:
                frame = root.from_json(data)
            except package.DecodeError as exc:
                print(f"{path}:{line}: decode: {exc}")
                failed += 1
                continue
            findings = package.validate(frame) + (package.lint(frame) if lint else [])
            for finding in findings:
                print(f"{path}:{line}: {finding.pointer or '/'}: {finding.level} {finding.rule}: {finding.message}")
            failed += bool(findings)
    print(f"framegen: {checked} frames checked, {failed} with findings", file=sys.stderr)
    return 1 if failed else 0
