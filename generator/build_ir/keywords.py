"""Which JSON Schema keywords framegen reads where, and the targets' annotations.

framegen supports a deliberate subset of 2020-12. Every schema object is checked against the set
of keywords its place allows, so an unsupported keyword is one clear error, never silently ignored.
"""

from __future__ import annotations

from typing import Any

from generator import ir
from generator.errors import SchemaError, pointer_join
from generator.targets import annotations as target_annotations

DOC_KEYS = frozenset({"description", "title", "$comment", "deprecated", "examples"})
ROOT_KEYS = DOC_KEYS | {
    "$schema",
    "$id",
    "$ref",
    "allOf",
    "$defs",
    "x-schema-version",
    "x-framegen-package-doc",
    "x-framegen-parties",
}
STRUCT_KEYS = DOC_KEYS | {"type", "properties", "required", "allOf", "x-framegen-order"}
STRUCT_KEYS |= {"x-framegen-failure"}  # the root struct's failure model (build_ir/failure.py)
ENUM_KEYS = DOC_KEYS | {"type", "enum", "x-framegen-values"}
RULE_SET_KEYS = DOC_KEYS | {"properties", "allOf", "x-framegen-rules-for"}
ENTRY_KEYS = DOC_KEYS | {"allOf"}
PROPERTY_KEYS = DOC_KEYS | {
    "type",
    "format",
    "$ref",
    "items",
    "additionalProperties",
    "anyOf",
    "x-framegen-raw",
    "x-framegen-rule",
}
CONSTRAINT_KEYS = frozenset(
    {
        "const",
        "enum",
        "minLength",
        "maxLength",
        "pattern",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minItems",
        "maxItems",
        "minProperties",
        "maxProperties",
    }
)
"""Constraints a property may carry itself (named by its x-framegen-rule), as a rule's property condition may."""
RULE_KEYS = DOC_KEYS | {"x-framegen-rule", "x-framegen-level", "if", "then", "required", "properties", "not", "anyOf"}
RULE_KEYS |= {"x-framegen-for-kind"}  # the rule holds for every message type of a kind (rules.check_for_kind)
ASSERTION_KEYS = frozenset({"required", "properties", "not", "anyOf"})
VALUE_KEYS = CONSTRAINT_KEYS | {"not", "type", "items", "additionalProperties", "format", "$ref"}
MESSAGE_KEYS = frozenset({"kind", "from", "to", "response", "sent", "triggers", "description", "deprecated"})


def allowed(keys: frozenset[str] | set[str], place: str) -> frozenset[str]:
    """The keywords of a place plus the target annotations declared for it."""
    return frozenset(keys) | {a.keyword for a in target_annotations() if place in a.places}


def check_keys(node: dict[str, Any], keys: frozenset[str], pointer: str, what: str) -> None:
    for key in node:
        if key not in keys:
            supported = ", ".join(sorted(k for k in keys if not k.startswith("x-")))
            raise SchemaError(
                pointer_join(pointer, key),
                f"keyword {key!r} is not supported in {what}",
                f"supported here: {supported}",
            )


def annotations(node: dict[str, Any], place: str) -> ir.Annotations:
    """The target annotations on a node, as (target.key, value) pairs in a fixed order."""
    return tuple((a.key, node[a.keyword]) for a in target_annotations() if place in a.places and a.keyword in node)


def doc(node: dict[str, Any]) -> str:
    return str(node.get("description", node.get("title", "")))
