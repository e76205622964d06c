"""A diff side is a schema file, or a git revision whose schema is read with `git show REV:path`."""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator import ir
from generator.build_ir import build_ir
from generator.load import load_text
from generator.settings import Settings


def read_side(spec: str, settings: Settings) -> tuple[str, str]:
    """(label, schema text) of a file path or a git revision."""
    path = Path(spec)
    if path.is_file():
        return spec, path.read_text(encoding="utf-8")
    result = subprocess.run(  # ./ : the path is relative to the project, which may be a folder of the repository
        ["git", "show", f"{spec}:./{settings.schema}"], cwd=settings.root, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise ValueError(
            f"{spec!r} is neither a file nor a git revision holding {settings.schema}: {result.stderr.strip()} "
            "(in a shallow CI clone, fetch the base first: git fetch --depth=1 origin main)"
        )
    return f"{spec}:{settings.schema}", result.stdout


def load_side(spec: str, settings: Settings, proposed: bool = False) -> tuple[str, ir.Schema]:
    """The IR of one side. The proposed (new) side is checked against framegen's dialect, as generate
    checks it, so a typo gets the same message; the base side is not: it may have been committed by an
    older framegen. Neither side's $id and version need agree: the diff reports that as a failed check."""
    label, text = read_side(spec, settings)
    return label, build_ir(load_text(text, label, dialect=proposed), check_version=False)
