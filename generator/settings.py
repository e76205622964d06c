"""[tool.framegen] settings from pyproject.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Settings:
    root: Path  # directory of pyproject.toml; every path below is relative to it
    schema: str = "schema/sync-protocol.schema.json"
    output: str = "generated"
    docs: str = "docs"
    targets: tuple[str, ...] = ("python", "go", "docs")
    python_package: str = "sync_protocol"
    go_module: str = "github.com/framegen/framegen/generated/go"
    go_package: str = "protocol"
    version_markers: bool = True  # put the generator's version in headers (off for golden tests)

    @property
    def schema_path(self) -> Path:
        return self.root / self.schema

    @property
    def output_path(self) -> Path:
        return self.root / self.output


def load_settings(pyproject: Path) -> Settings:
    data = tomllib.loads(pyproject.read_text()) if pyproject.exists() else {}
    table = data.get("tool", {}).get("framegen", {})
    known = {"schema", "output", "docs", "targets", "python_package", "go_module", "go_package"}
    unknown = set(table) - known
    if unknown:
        raise ValueError(
            f"unknown [tool.framegen] settings: {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}"
        )
    values = {k: tuple(v) if k == "targets" else v for k, v in table.items()}
    return Settings(root=pyproject.parent.resolve(), **values)
