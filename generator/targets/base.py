"""What a target declares and provides: its annotations, settings and capabilities, and a file plan.

The core (IR builder, settings, docs, diff) asks the registry in targets/__init__.py for these
declarations; it never names a target. A new target is one module plus one template folder.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from generator import ir
from generator.errors import SchemaError
from generator.settings import Settings


@dataclass(frozen=True, slots=True)
class GeneratedFile:
    path: str  # relative to the project root, with '/' separators
    content: bytes


@dataclass(frozen=True, slots=True)
class Annotation:
    """A schema keyword a target reads (x-go-name): where it may appear and what its value is."""

    keyword: str  # "x-go-name"
    key: str  # how the IR keeps it: "go.name"
    places: frozenset[str]  # of "struct", "enum", "field", "value"
    schema: dict[str, Any]  # JSON Schema of the value, added to framegen's meta-schema
    description: str


@dataclass(frozen=True, slots=True)
class Option:
    """A [tool.framegen] setting a target reads, with its default and a check of a user's value."""

    key: str
    default: str
    description: str
    problem: Callable[[str], str | None] = field(default=lambda value: None)  # why the value is refused, or None


class Target(Protocol):
    name: ClassVar[str]  # as listed in [tool.framegen] targets
    title: ClassVar[str]  # how people call it ("Go")
    annotations: ClassVar[tuple[Annotation, ...]]
    options: ClassVar[tuple[Option, ...]]

    def __init__(self, settings: Settings) -> None: ...

    def check(self, schema: ir.Schema) -> None:
        """Refuse, up front and with a SchemaError, what this target cannot express (names, patterns, ...)."""
        ...

    def files(self, schema: ir.Schema) -> list[GeneratedFile]:
        """Render, format and parse every file of this target; raise RenderError on a bad result."""
        ...


class CodeTarget(Target, Protocol):
    """A target that generates code: the docs show how it declares each field."""

    def declaration(self, schema: ir.Schema, struct: ir.Struct, f: ir.Field) -> str:
        """The field as this language declares it in the generated struct (`HTTPStatus int`)."""
        ...


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
        hint = _rename_hint(language, source, pointer)
        if not name or not valid(name):
            raise SchemaError(pointer, f"{source!r} gives {name!r}, which is not a valid {language} {what} name", hint)
        if name in reserved:
            raise SchemaError(pointer, f"{source!r} gives {name!r}, a name the generated {language} code uses", hint)
        if name in seen:
            raise SchemaError(
                pointer, f"{source!r} and {seen[name]!r} both give the {language} {what} name {name!r}", hint
            )
        seen[name] = source


def _rename_hint(language: str, source: str, pointer: str) -> str:
    """Where the name is chosen: on the definition itself, or, for an enum value (a string in a list, which
    takes no keywords), in its enum's x-framegen-values."""
    enum, found, _ = pointer.rpartition("/enum/")
    if not found:
        return f"set x-{language}-name on it to choose another {language.capitalize()} name"
    lang = language.capitalize()
    entry = f'{json.dumps(source)}: {{"description": "<what it means>", "x-{language}-name": "<another {lang} name>"}}'
    return f"choose another {lang} name in {enum}/x-framegen-values: {{{entry}}} (each target names it apart)"


def annotation(annotations: ir.Annotations, key: str) -> str | None:
    return dict(annotations).get(key)
