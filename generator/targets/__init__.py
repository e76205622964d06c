"""The registry of targets: the only place that lists them, and what the core asks about them."""

from __future__ import annotations

from functools import cache

from generator.targets.base import Annotation, CodeTarget, Option, Target
from generator.targets.docs import DocsTarget
from generator.targets.go import GoTarget
from generator.targets.python import PythonTarget

TARGETS: dict[str, type[Target]] = {
    "python": PythonTarget,
    "go": GoTarget,
    "docs": DocsTarget,
}


@cache
def annotations() -> tuple[Annotation, ...]:
    """Every annotation keyword any target reads, whichever targets a project generates."""
    return tuple(a for target in TARGETS.values() for a in target.annotations)


def _options() -> dict[str, Option]:
    return {o.key: o for target in TARGETS.values() for o in target.options}


def option_keys() -> tuple[str, ...]:
    return tuple(_options())


def option_default(key: str) -> str:
    return _options()[key].default


def option_problem(key: str, value: str) -> str | None:
    return _options()[key].problem(value)


def code_targets(names: tuple[str, ...]) -> list[type[CodeTarget]]:
    """The configured targets that generate code (they name fields and types), in registry order."""
    return [t for n, t in TARGETS.items() if n in names and hasattr(t, "declaration")]
