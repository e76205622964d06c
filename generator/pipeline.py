"""load -> build_ir -> check every target -> render every target -> {path: bytes}. Shared by the CLI and the tests."""

from __future__ import annotations

from generator import ir
from generator.build_ir import build_ir
from generator.errors import SchemaError
from generator.load import load_schema
from generator.render import header_lines
from generator.settings import Settings
from generator.targets import TARGETS
from generator.write import manifest


def schema_ir(settings: Settings) -> ir.Schema:
    return build_ir(load_schema(settings.schema_file(), settings.schema))


def check_targets(settings: Settings, schema: ir.Schema) -> None:
    """Every configured target's refusals (names a language cannot take or gives twice, patterns it cannot
    express), with the schema file named: what generate would refuse, the diff refuses too."""
    unknown = [name for name in settings.targets if name not in TARGETS]
    if unknown:
        raise ValueError(f"unknown target {unknown[0]!r}; known: {', '.join(TARGETS)}")
    try:
        for name in settings.targets:
            TARGETS[name](settings).check(schema)
    except SchemaError as exc:
        exc.source = exc.source or settings.schema
        raise


def render_all(settings: Settings, schema: ir.Schema | None = None) -> dict[str, bytes]:
    """Every generated file of every configured target and the manifest listing them, in memory; nothing is written.

    Every target checks the schema before any renders: what a target cannot express is refused
    up front, with the schema's JSON pointer, never discovered halfway through rendering.
    """
    schema = schema or schema_ir(settings)
    check_targets(settings, schema)
    targets = [TARGETS[name](settings) for name in settings.targets]
    try:
        files = [f for target in targets for f in target.files(schema)]
    except SchemaError as exc:  # a target's refusal names the schema file, as the builder's does
        exc.source = exc.source or settings.schema
        raise
    planned = manifest(
        settings.output, {f.path: f.content for f in files}, header_lines(schema, settings.version_markers)
    )
    return dict(sorted(planned.items()))
