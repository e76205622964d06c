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
