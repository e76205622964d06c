"""The intermediate representation: what the schema means, with no JSON Schema syntax left.

Frozen, slotted dataclasses with tuple fields only. Wire names (what travels) and code
names (what a target prints) are kept apart: the IR holds wire names and the schema's
target annotations; each target derives its own code names.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as _field
from enum import StrEnum


class Kind(StrEnum):
    STRING = "string"
    BOOL = "bool"
    INT = "int"  # an integer of TypeRef.format's width
    FLOAT = "float"  # IEEE 754 binary64 (Go float64)
    RAW = "raw"  # JSON value kept as the bytes written (Go json.RawMessage)
    ENUM = "enum"  # a string; the validator knows its values, decoders accept any string as Go does
    LIST = "list"
    MAP = "map"  # JSON object with string keys and values of one type (Go map[string]T)
    STRUCT = "struct"


INT_FORMATS: dict[str, tuple[int, int]] = {
    "": (-(2**63), 2**63 - 1),  # Go's int, 64 bits on every platform Go supports for servers
    "int64": (-(2**63), 2**63 - 1),
    "int32": (-(2**31), 2**31 - 1),
    "uint32": (0, 2**32 - 1),
    "uint64": (0, 2**64 - 1),
}
"""Range of each integer format; decoding a number outside it fails, as Go's does."""


@dataclass(frozen=True, slots=True)
class TypeRef:
    kind: Kind
    ref: str = ""  # name of the Enum or Struct for ENUM / STRUCT
    item: TypeRef | None = None  # element type of a LIST, value type of a MAP
    format: str = ""  # INT: a key of INT_FORMATS
    nullable: bool = False  # None / nil is a value of its own (see Field.nil_able)


Annotations = tuple[tuple[str, str], ...]
"""Target-specific annotations as (key, value) pairs, e.g. ("go.name", "ID")."""


@dataclass(frozen=True, slots=True)
class Field:
    """A struct field. How its absence, null and zero value show on the wire:

    - omit_empty (Go `omitempty`, a field not in `required`): the zero value is left out;
    - type.nullable: the value can be None (Go: a nil pointer, slice, map or RawMessage) and that
      is distinct from every other value: a field typed [T, "null"], an optional struct (Go *T,
      since omitempty never omits a struct value), a required list or map (nil is written null,
      empty is []), and every raw field.
    """

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
    pointer: str = _field(default="", compare=False)  # the pattern keyword, for error messages only


@dataclass(frozen=True, slots=True)
class Range:
    """A number field's value lies within its bounds (either may be absent; an exclusive bound excludes itself)."""

    field: str
    minimum: int | float | None
    maximum: int | float | None
    exclusive_minimum: bool = False
    exclusive_maximum: bool = False


@dataclass(frozen=True, slots=True)
class Length:
    """A string field's length in Unicode code points (as JSON Schema counts) lies within [minimum, maximum]."""

    field: str
    minimum: int | None
    maximum: int | None


@dataclass(frozen=True, slots=True)
class Count:
    """A list (items) or map (members) field's size lies within [minimum, maximum]."""

    field: str
    minimum: int | None
    maximum: int | None


@dataclass(frozen=True, slots=True)
class Format:
    """A string field is in a known format: "date-time" (RFC 3339 section 5.6, with valid dates)."""

    field: str
    format: str


@dataclass(frozen=True, slots=True)
class NotNull:
    """A nullable field's canonical encoding is not null (a required list written [] rather than null)."""

    field: str


@dataclass(frozen=True, slots=True)
class Conforms:
    """A raw field's content decodes, as Go's json.Unmarshal would, into the struct, and meets its rules."""

    field: str
    struct: str


@dataclass(frozen=True, slots=True)
class IsObject:
    field: str


@dataclass(frozen=True, slots=True)
class Each:
    """Every element of a list (or value of a map, in key order) satisfies all the predicates.

    For elements that are structs the predicates name the element's fields; for any other
    element they name the field "" (the element itself).
    """

    field: str
    predicates: tuple[Predicate, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    """At least one alternative (a conjunction of predicates) holds; reported at the object."""

    alternatives: tuple[tuple[Predicate, ...], ...]


Predicate = (
    Present
    | Absent
    | In
    | NotIn
    | Matches
    | Range
    | Length
    | Count
    | Format
    | NotNull
    | IsObject
    | Conforms
    | Each
    | AnyOf
)


def walk(predicates: tuple[Predicate, ...]) -> Iterator[Predicate]:
    """Every predicate, nested ones (in Each and AnyOf) included, in order."""
    for p in predicates:
        yield p
        if isinstance(p, Each):
            yield from walk(p.predicates)
        elif isinstance(p, AnyOf):
            for alternative in p.alternatives:
                yield from walk(alternative)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    level: str  # "error" | "lint"
    doc: str
    when: tuple[Predicate, ...]  # conjunction; empty = always
    then: tuple[Predicate, ...]  # each failing predicate is one finding
    for_kind: str = ""  # "request" | "response" | "push": a rule every message type of that kind carries
    field_docs: tuple[tuple[str, str], ...] = ()  # (wire name, message) where one field's finding says more than doc
    pointer: str = ""  # where the schema states the rule, for error messages only

    def message(self, field: str) -> str:
        """The message of a finding on `field` (the rule's doc unless that field has its own)."""
        return next((text for wire, text in self.field_docs if wire == field), self.doc)


@dataclass(frozen=True, slots=True)
class Struct:
    name: str
    doc: str
    fields: tuple[Field, ...]
    rules: tuple[Rule, ...] = ()  # apply to every value of this struct, items included
    annotations: Annotations = ()
    pointer: str = ""
    children: tuple[str, ...] = ()  # wire names of the list fields whose items are this struct again

    def field(self, wire: str) -> Field:
        return next(f for f in self.fields if f.wire_name == wire)


@dataclass(frozen=True, slots=True)
class Party:
    """A service that sends or receives messages (x-framegen-parties, or named by the messages)."""

    name: str  # as messages name it in "from" / "to"
    title: str  # how people call it ("Worker")


@dataclass(frozen=True, slots=True)
class Messages:
    """The message table: which field of the root struct says what a message is, and the enum of its values.

    Every value of the enum carries its kind (push / request / response), sender, receiver and, for
    a request, the response it expects. Targets, docs, exports and the diff read it from here.
    """

    field: str  # wire name of the discriminant field in the root struct ("type")
    enum: str  # name of its enum ("FrameType")
    values: tuple[EnumValue, ...]

    def of_kind(self, kind: str) -> tuple[str, ...]:
        return tuple(v.value for v in self.values if v.kind == kind)

    def value(self, name: str) -> EnumValue | None:
        return next((v for v in self.values if v.value == name), None)


@dataclass(frozen=True, slots=True)
class Failure:
    """How a response reports failure (x-framegen-failure on the root struct), so targets can turn
    a failed response into an error value of their language.

    The rule is the real Worker's: `success` true means success, whatever else the response holds;
    otherwise a non-zero `status` gives the error type `name` (status and message); otherwise the
    failure is a plain error carrying `message`, which may be empty. It is meant for messages of
    kind "response"; the rule does not look at the message type.
    """

    name: str  # code name of the error type carrying a status ("HTTPError"), the same in every target
    doc: str
    success: str  # wire name of the root struct's bool field that is true on success ("ok")
    message: str  # wire name of its string field carrying the failure's text ("error")
    status: str  # wire name of its integer field carrying the failure's status, 0 for none ("httpStatus")
    pointer: str = ""  # where the schema states it, for error messages only


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
    messages: Messages | None = None  # None when no enum of the root struct documents its values as messages
    parties: tuple[Party, ...] = ()  # declared order, or the order messages first name them
    failure: Failure | None = None  # None when the schema does not say how a response reports failure

    def party(self, name: str) -> Party:
        return next((p for p in self.parties if p.name == name), Party(name, name))

    def struct(self, name: str) -> Struct:
        return next(s for s in self.structs if s.name == name)

    def enum(self, name: str) -> Enum:
        return next(e for e in self.enums if e.name == name)
