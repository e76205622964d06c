"""What every target provides: a name and a file plan rendered from the IR."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from generator import ir
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
