"""load -> build_ir -> render every target -> {path: bytes}. Shared by the CLI and the tests."""

from __future__ import annotations

from generator import ir
from generator.build_ir import build_ir
from generator.load import load_schema
from generator.settings import Settings
from generator.targets import TARGETS
from generator.targets.base import GeneratedFile


def schema_ir(settings: Settings) -> ir.Schema:
    return build_ir(load_schema(settings.schema_path, settings.schema))


def render_all(settings: Settings, schema: ir.Schema | None = None) -> dict[str, bytes]:
    """Every generated file of every configured target, in memory; nothing is written."""
    schema = schema or schema_ir(settings)
    files: list[GeneratedFile] = []
    for name in settings.targets:
        if name not in TARGETS:
            raise ValueError(f"unknown target {name!r}; known: {', '.join(TARGETS)}")
        files.extend(TARGETS[name](settings).files(schema))
    return {f.path: f.content for f in sorted(files, key=lambda f: f.path)}
