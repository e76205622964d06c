"""What every target provides: a name and a file plan rendered from the IR."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from generator import ir
from generator.errors import SchemaError
from generator.settings import Settings


@dataclass(frozen=True, slots=True)
class GeneratedFile:
    path: str  # relative to the output directory, with '/' separators
    content: bytes


class Target(Protocol):
    name: str

    def __init__(self, settings: Settings) -> None: ...

    def files(self, schema: ir.Schema) -> list[GeneratedFile]:
        """Render, format and parse every file of this target; raise RenderError on a bad result."""
        ...


def checked_structs(schema: ir.Schema) -> list[ir.Struct]:
    """The structs a validator walks: the root first (even without rules), then every other struct with rules."""
    root = schema.struct(schema.root)
    return [root] + [s for s in schema.structs if s.rules and s is not root]


def check_names(
    language: str,
    what: str,
    names: list[tuple[str, str, str]],
    reserved: frozenset[str] = frozenset(),
    valid: Callable[[str], bool] = lambda name: True,
) -> None:
    """Refuse generated names that are invalid, reserved, or produced twice (after case conversion).

    `names` holds (generated name, schema name, JSON pointer); the error points at the second one.
    """
    seen: dict[str, str] = {}
    for name, source, pointer in names:
        hint = f"set x-{language}-name on it to choose another {language.capitalize()} name"
        if not name or not valid(name):
            raise SchemaError(pointer, f"{source!r} gives {name!r}, which is not a valid {language} {what} name", hint)
        if name in reserved:
            raise SchemaError(pointer, f"{source!r} gives {name!r}, a name the generated {language} code uses", hint)
        if name in seen:
            raise SchemaError(
                pointer, f"{source!r} and {seen[name]!r} both give the {language} {what} name {name!r}", hint
            )
        seen[name] = source
