"""The intermediate representation: what the schema means, with no JSON Schema syntax left.

Frozen, slotted dataclasses with tuple fields only. Wire names (what travels) and code
names (what a target prints) are kept apart: the IR holds wire names and the schema's
target annotations; each target derives its own code names.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    STRING = "string"
    BOOL = "bool"
    INT = "int"  # 64-bit signed, as Go's int on 64-bit platforms
    RAW = "raw"  # JSON value kept as the bytes written (Go json.RawMessage)
    ENUM = "enum"
    LIST = "list"
    STRUCT = "struct"


@dataclass(frozen=True, slots=True)
class TypeRef:
    kind: Kind
    ref: str = ""  # name of the Enum or Struct for ENUM / STRUCT
    item: TypeRef | None = None  # element type for LIST


Annotations = tuple[tuple[str, str], ...]
"""Target-specific annotations as (key, value) pairs, e.g. ("go.name", "ID")."""


@dataclass(frozen=True, slots=True)
class Field:
    wire_name: str
    doc: str
    type: TypeRef
    omit_empty: bool  # Go `omitempty`: the zero value is left out of the encoding
    annotations: Annotations = ()
    format: str = ""  # e.g. "date-time", documentation only
    deprecated: bool = False
    pointer: str = ""  # where the schema defines it, for error messages only


@dataclass(frozen=True, slots=True)
class EnumValue:
    value: str
    doc: str
    kind: str = ""  # "push" | "request" | "response" for message discriminants
    sender: str = ""
    receiver: str = ""
    response: str = ""  # for a request: the value of the response it expects
    sent: str = ""  # for a push: "on-connect" or "on-change"
    triggers: str = ""  # for a request: the push its effect broadcasts
    annotations: Annotations = ()
    deprecated: bool = False
    pointer: str = ""


@dataclass(frozen=True, slots=True)
class Enum:
    name: str
    doc: str
    values: tuple[EnumValue, ...]
    annotations: Annotations = ()
    pointer: str = ""


# Predicates. Field-value predicates (In, NotIn, Matches, IsObject, Each) hold only when the
# field is present, as JSON Schema `properties` does; presence is the canonical encoding's:
# an omitempty field is present when it is not its zero value, any other field always.


@dataclass(frozen=True, slots=True)
class Present:
    field: str


@dataclass(frozen=True, slots=True)
class Absent:
    field: str


@dataclass(frozen=True, slots=True)
class In:
    field: str
    values: tuple[str | bool | int, ...]


@dataclass(frozen=True, slots=True)
class NotIn:
    field: str
    values: tuple[str | bool | int, ...]


@dataclass(frozen=True, slots=True)
class Matches:
    field: str
    pattern: str


@dataclass(frozen=True, slots=True)
class Range:
    """An integer field's value lies within [minimum, maximum] (either bound may be absent)."""

    field: str
    minimum: int | None
    maximum: int | None


@dataclass(frozen=True, slots=True)
class IsObject:
    field: str


@dataclass(frozen=True, slots=True)
class Each:
    """Every element of a list-of-struct field satisfies all the predicates."""

    field: str
    predicates: tuple[Predicate, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    """At least one alternative (a conjunction of predicates) holds; reported at the object."""

    alternatives: tuple[tuple[Predicate, ...], ...]


Predicate = Present | Absent | In | NotIn | Matches | Range | IsObject | Each | AnyOf


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    level: str  # "error" | "lint"
    doc: str
    when: tuple[Predicate, ...]  # conjunction; empty = always
    then: tuple[Predicate, ...]  # each failing predicate is one finding
    for_kind: str = ""  # "request" | "response" | "push": a rule every message type of that kind carries


@dataclass(frozen=True, slots=True)
class Struct:
    name: str
    doc: str
    fields: tuple[Field, ...]
    rules: tuple[Rule, ...] = ()  # apply to every value of this struct, items included
    annotations: Annotations = ()
    pointer: str = ""


@dataclass(frozen=True, slots=True)
class Schema:
    id: str
    version: str
    digest: str  # sha256 of the schema's canonical JSON
    source: str  # path of the schema file, as given in the settings
    doc: str  # package documentation
    root: str  # name of the struct a top-level message is
    root_rules: tuple[Rule, ...]  # rules for top-level messages only
    enums: tuple[Enum, ...]
    structs: tuple[Struct, ...]

    def struct(self, name: str) -> Struct:
        return next(s for s in self.structs if s.name == name)

    def enum(self, name: str) -> Enum:
        return next(e for e in self.enums if e.name == name)
