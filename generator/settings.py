"""[tool.framegen] settings, found the way ruff and pytest find theirs: the nearest pyproject.toml upward.

Core settings are fields here; each target declares its own (python_package, go_module, ...) in its
module, and the registry lists them. Every path is relative to the directory of the pyproject.toml.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

CORE_KEYS = ("schema", "output", "targets")


@dataclass(frozen=True, slots=True)
class Settings:
    root: Path  # directory of pyproject.toml; every path below is relative to it
    schema: str = "schema/sync-protocol.schema.json"
    output: str = "generated"
    targets: tuple[str, ...] = ("python", "go", "docs")
    options: tuple[tuple[str, str], ...] = ()  # target settings the user set; the rest take their defaults
    version_markers: bool = True  # put the generator's version in headers (off for golden tests)
    config: Path | None = None  # the pyproject.toml these settings come from; None when the defaults apply

    @classmethod
    def make(cls, root: Path, **values: Any) -> Settings:
        """Settings from keyword values, core and target settings alike (tests and callers use this)."""
        core = {k: tuple(v) if k == "targets" else v for k, v in values.items() if k in (*CORE_KEYS, "version_markers")}
        options = tuple(sorted((k, str(v)) for k, v in values.items() if k not in core))
        return cls(root=root, options=options, **core)

    def option(self, key: str) -> str:
        """A target setting: the user's value, or the default its target declares."""
        from generator.targets import option_default  # the registry imports targets, which import this module

        return dict(self.options).get(key, option_default(key))

    @property
    def schema_path(self) -> Path:
        return self.root / self.schema

    @property
    def output_path(self) -> Path:
        return self.root / self.output

    def schema_file(self) -> Path:
        """The schema's path, which must exist: a missing one says where framegen looked and why there."""
        if self.schema_path.is_file():
            return self.schema_path
        if self.config is None:
            raise SettingsError(
                f"{self.schema_path}: no such file, and no pyproject.toml with [tool.framegen] in {self.root} or "
                "any folder above it (so the defaults apply); run framegen inside your project, or pass --config"
            )
        raise SettingsError(f"{self.config}: [tool.framegen] schema = {self.schema!r}: no such file {self.schema_path}")


class SettingsError(ValueError):
    """A configuration the user must fix: one message, exit 2."""


def find_config(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start` that has a [tool.framegen] table."""
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "framegen" in _read(candidate).get("tool", {}):
            return candidate
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot read it: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from None


def load_settings(pyproject: Path | None, start: Path | None = None) -> Settings:
    """Settings from an explicit pyproject.toml (which must exist), or the nearest one above `start`.

    Without any pyproject.toml with a [tool.framegen] table, the defaults apply relative to `start`.
    """
    from generator.targets import TARGETS, option_keys, option_problem

    if pyproject is not None and not pyproject.is_file():
        raise SettingsError(f"{pyproject}: no such file (given with --config)")
    path = pyproject or find_config(start or Path.cwd())
    if path is None:
        return Settings(root=(start or Path.cwd()).resolve())
    tool = _read(path).get("tool", {})
    if "framegen" not in tool:
        raise SettingsError(f"{path}: has no [tool.framegen] table (given with --config)")
    table = tool["framegen"]
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: tool.framegen must be a table ([tool.framegen] and its settings below it)")
    known = (*CORE_KEYS, *option_keys())
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise SettingsError(
            f"{path}: unknown [tool.framegen] settings: {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )
    for key, value in table.items():
        expected = list if key == "targets" else str
        if not isinstance(value, expected):
            raise SettingsError(f"{path}: [tool.framegen] {key} must be a {'list' if expected is list else 'string'}")
        problem = option_problem(key, value) if key not in CORE_KEYS else None
        if problem:
            raise SettingsError(f"{path}: [tool.framegen] {key} = {value!r}: {problem}")
    for name in table.get("targets", []):
        if name not in TARGETS:
            raise SettingsError(f"{path}: unknown target {name!r}; known: {', '.join(TARGETS)}")
    return replace(Settings.make(path.parent.resolve(), **table), config=path.resolve())
