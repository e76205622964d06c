"""Fixture projects: whole framegen projects (pyproject.toml, schema, examples) the toolkit's tests run on.

The repository's own schema/ is a protocol a team evolves; the toolkit's tests must not pin it. So the
tests of the CLI, the diff, the docs, the export and the IR builder run on these frozen projects:

- seed_v1: the sync protocol exactly as it was at schema 1.0.0 (the seed package's contract);
- relay: a second, unrelated protocol (another root struct, discriminant, package names and three
  parties), so that nothing in the toolkit can quietly assume the first one.

Never update them to follow schema/: a fixture that moves tests nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.pipeline import render_all
from generator.settings import load_settings
from generator.write import write_files

HERE = Path(__file__).parent
SEED_V1 = HERE / "seed_v1"
RELAY = HERE / "relay"
SEED_V1_SCHEMA = SEED_V1 / "schema" / "sync-protocol.schema.json"


def copy(project: Path, to: Path, generate: bool = True) -> Path:
    """A copy of a fixture project at `to`, with its generated files written when `generate`."""
    shutil.copytree(project, to, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    if generate:
        settings = load_settings(to / "pyproject.toml")
        write_files(settings.root, settings.output, render_all(settings))
    return to
