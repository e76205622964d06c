"""Validation rules: `allOf` entries of `if`/`then` (or plain assertions), and constraints on properties.

A rule becomes a conjunction of conditions (`when`) and of checks (`then`) over one struct's
fields. Each keyword a condition may use has one handler below. Predicates are kept in the
struct's field order, so the key order of the schema file never changes generated code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from generator import ir
from generator.build_ir import enums, fields
from generator.build_ir.definitions import Definitions
from generator.build_ir.keywords import (
    ASSERTION_KEYS,
    DOC_KEYS,
    RULE_KEYS,
    RULE_SET_KEYS,
    VALUE_KEYS,
    check_keys,
    doc,
)
from generator.errors import SchemaError, pointer_join


def rules(defs: Definitions, entries: Any, struct: ir.Struct, pointer: str, level: str) -> list[ir.Rule]:
    if not isinstance(entries, list):
        raise SchemaError(pointer, "allOf must be an array", "write a list of rules")
    return [rule(defs, e, struct, pointer_join(pointer, i), level) for i, e in enumerate(entries)]


def rule(defs: Definitions, node: Any, struct: ir.Struct, pointer: str, level: str) -> ir.Rule:
    if not isinstance(node, dict) or "x-framegen-rule" not in node or "x-framegen-level" not in node:
        raise SchemaError(
            pointer,
            "a rule needs x-framegen-rule and x-framegen-level",
            "name every allOf entry: 'x-framegen-rule': 'id', 'x-framegen-level': 'error'",
        )
    check_keys(node, RULE_KEYS, pointer, "a rule")
    if node["x-framegen-level"] != level:
        raise SchemaError(
            pointer_join(pointer, "x-framegen-level"),
            f"a rule here is enforced by standard validators at level {level!r}",
            "move lint rules to the definition named by x-framegen-rules-for, error rules to the struct",
        )
    if "if" in node:
        when = conjunction(defs, node["if"], struct, pointer_join(pointer, "if"))
        if any(isinstance(p, ir.Each) for p in when):
            raise SchemaError(
                pointer_join(pointer, "if"), "'items' conditions in 'if' are not supported", "condition on own fields"
            )
        if "then" not in node or set(node) & ASSERTION_KEYS:
            raise SchemaError(
                pointer, "a conditional rule has 'if' and 'then' and nothing else", "move checks into 'then'"
            )
        then = conjunction(defs, node["then"], struct, pointer_join(pointer, "then"))
    else:
        assertions = {k: v for k, v in node.items() if k in ASSERTION_KEYS}
        when, then = (), conjunction(defs, assertions, struct, pointer)
    if not then:
        raise SchemaError(pointer, "the rule checks nothing", "add 'required', 'properties', 'not' or 'anyOf'")
    return ir.Rule(node["x-framegen-rule"], level, doc(node), when, then, pointer=pointer)


def conjunction(defs: Definitions, node: Any, struct: ir.Struct, pointer: str) -> tuple[ir.Predicate, ...]:
    if not isinstance(node, dict):
        raise SchemaError(pointer, "a condition must be a schema object", "write {'required': [...]} or similar")
    check_keys(node, ASSERTION_KEYS | DOC_KEYS, pointer, "a rule condition")
    out: list[ir.Predicate] = [
        ir.Present(_field(struct, n, pointer_join(pointer, "required")).wire_name) for n in node.get("required", [])
    ]
    properties = node.get("properties", {})
    for wire in sorted(properties, key=lambda w: _position(struct, w, pointer_join(pointer, "properties"))):
        f = struct.field(wire)
        out += value_predicates(defs, f, properties[wire], pointer_join(pointer, "properties", wire))
    if "not" in node:
        negated = node["not"]
        if not isinstance(negated, dict) or set(negated) != {"required"} or len(negated["required"]) != 1:
            raise SchemaError(
                pointer_join(pointer, "not"),
                "only 'not': {'required': [one field]} is supported",
                "it says the field is absent (its zero value)",
            )
        out.append(ir.Absent(_field(struct, negated["required"][0], pointer_join(pointer, "not")).wire_name))
    if "anyOf" in node:
        alternatives = tuple(
            conjunction(defs, a, struct, pointer_join(pointer, "anyOf", i)) for i, a in enumerate(node["anyOf"])
        )
        if any(isinstance(p, ir.Each) for a in alternatives for p in a):
            raise SchemaError(
                pointer_join(pointer, "anyOf"),
                "'items' conditions inside anyOf are not supported",
                "write the items condition at the top of the rule's 'then'",
            )
        if all(alternatives):  # an empty alternative always holds, and so does the anyOf
            out.append(ir.AnyOf(alternatives))
    return tuple(p for p in out if not _vacuous(p, struct))


# ---- one handler per keyword of a property condition ---------------------------------------

Handler = Callable[[Definitions, ir.Field, dict[str, Any], str], list[ir.Predicate]]


def _const(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    return [ir.In(f.wire_name, (_scalar(defs, f, node["const"], pointer),))]


def _enum(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    return [ir.In(f.wire_name, tuple(_scalar(defs, f, v, pointer) for v in node["enum"]))]


def _not(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    inner = node["not"]
    values = inner.get("enum", [inner["const"]] if "const" in inner else None) if isinstance(inner, dict) else None
    if values is None or set(inner) - {"enum", "const"}:
        raise SchemaError(pointer_join(pointer, "not"), "only 'not' of 'const' or 'enum' is supported here", "")
    return [ir.NotIn(f.wire_name, tuple(_scalar(defs, f, v, pointer) for v in values))]


def _min_length(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    if node["minLength"] != 1 or f.type.kind not in (ir.Kind.STRING, ir.Kind.ENUM):
        raise SchemaError(
            pointer_join(pointer, "minLength"),
            "only 'minLength': 1 on a string is supported",
            "it says the string is not empty",
        )
    return [ir.NotIn(f.wire_name, ("",))]


def _pattern(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    if f.type.kind != ir.Kind.STRING:
        raise SchemaError(pointer_join(pointer, "pattern"), "a pattern applies to strings only", "")
    try:
        re.compile(node["pattern"])
    except re.error as exc:
        raise SchemaError(pointer_join(pointer, "pattern"), f"invalid pattern: {exc}", "") from None
    return [ir.Matches(f.wire_name, node["pattern"])]


def _bounds(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    return [value_range(f, node, pointer)]


def _type(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    if node["type"] != "object" or f.type.kind != ir.Kind.RAW:
        raise SchemaError(pointer_join(pointer, "type"), "only 'type': 'object' on a raw field is supported", "")
    return [ir.IsObject(f.wire_name)]


def _items(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    if f.type.kind != ir.Kind.LIST:
        raise SchemaError(pointer_join(pointer, "items"), "'items' applies to list fields only", "")
    item_struct = fields.shell(defs, f.type.item.ref)
    return [ir.Each(f.wire_name, conjunction(defs, node["items"], item_struct, pointer_join(pointer, "items")))]


VALUE_HANDLERS: dict[str, Handler] = {
    "const": _const,
    "enum": _enum,
    "not": _not,
    "minLength": _min_length,
    "pattern": _pattern,
    "minimum": _bounds,  # minimum and maximum make one Range
    "type": _type,
    "items": _items,
}


def value_predicates(defs: Definitions, f: ir.Field, node: Any, pointer: str) -> list[ir.Predicate]:
    if not isinstance(node, dict):
        raise SchemaError(pointer, "a property condition must be a schema object", "write {'const': ...}")
    check_keys(node, VALUE_KEYS, pointer, "a rule's property condition")
    keys = set(node) | ({"minimum"} if "maximum" in node else set())
    return [p for key in VALUE_HANDLERS if key in keys for p in VALUE_HANDLERS[key](defs, f, node, pointer)]


def value_range(f: ir.Field, node: dict[str, Any], pointer: str) -> ir.Range:
    bounds = [node.get("minimum"), node.get("maximum")]
    if f.type.kind != ir.Kind.INT or not all(b is None or type(b) is int for b in bounds):
        raise SchemaError(pointer, "minimum and maximum apply to integer fields, with integer bounds", "")
    return ir.Range(f.wire_name, bounds[0], bounds[1])


def _scalar(defs: Definitions, f: ir.Field, value: Any, pointer: str) -> str | bool | int:
    expected = {ir.Kind.STRING: str, ir.Kind.ENUM: str, ir.Kind.BOOL: bool, ir.Kind.INT: int}.get(f.type.kind)
    if expected is None or type(value) is not expected:
        raise SchemaError(pointer, f"{value!r} cannot be a value of {f.wire_name} ({f.type.kind})", "")
    known = {v.value for v in enums.enum(defs, f.type.ref).values} if f.type.kind == ir.Kind.ENUM else set()
    if f.type.kind == ir.Kind.ENUM and value != "" and value not in known:
        raise SchemaError(pointer, f"{value!r} is not a {f.type.ref} value", "check the spelling")
    return value


def _position(struct: ir.Struct, wire: str, pointer: str) -> int:
    return struct.fields.index(_field(struct, wire, pointer))


def _field(struct: ir.Struct, wire: str, pointer: str) -> ir.Field:
    for f in struct.fields:
        if f.wire_name == wire:
            return f
    raise SchemaError(
        pointer, f"{struct.name} has no property {wire!r}", "fields: " + ", ".join(f.wire_name for f in struct.fields)
    )


def _vacuous(p: ir.Predicate, struct: ir.Struct) -> bool:
    """Predicates that hold for every canonical encoding: drop them so generated checks stay readable.

    A field without omitempty is always present; an omitempty field is present only when it is
    not its zero value (so an omitempty boolean that is present is true, a string non-empty).
    """
    if not isinstance(p, ir.Present | ir.In | ir.NotIn):
        return False
    f = struct.field(p.field)
    if isinstance(p, ir.Present):
        return not f.omit_empty
    if isinstance(p, ir.NotIn):  # "not empty" of a field that is only present when not empty
        return f.omit_empty and p.values == ("",)
    return f.omit_empty and f.type.kind == ir.Kind.BOOL and True in p.values


# ---- constraints written on a property itself ------------------------------------------------


def property_rules(defs: Definitions, struct: ir.Struct, properties: dict[str, Any], pointer: str) -> list[ir.Rule]:
    """Enum membership, raw JSON type and integer bounds written on properties, grouped by x-framegen-rule.

    Each field keeps a message of its own ("templateFull is a JSON object"), so a finding says
    which constraint of the group failed.
    """
    grouped: dict[str, list[tuple[ir.Predicate, str, str]]] = {}
    for f in struct.fields:
        where = pointer_join(pointer, "properties", f.wire_name)
        node = defs.field_schema(properties[f.wire_name], where)
        constraint = _property_constraint(defs, f, node, where)
        rule_id = node.get("x-framegen-rule")
        if constraint is None:
            if rule_id:
                raise SchemaError(
                    pointer_join(where, "x-framegen-rule"), "this property has no constraint to name", "remove it"
                )
            continue
        if not rule_id:
            raise SchemaError(
                where, "a constrained property needs an x-framegen-rule ID", "add 'x-framegen-rule': 'some-id'"
            )
        grouped.setdefault(rule_id, []).append((*constraint, where))
    return [
        ir.Rule(
            rid,
            "error",
            "; ".join(text for _, text, _ in found),
            (),
            tuple(p for p, _, _ in found),
            field_docs=tuple((p.field, text) for p, text, _ in found) if len(found) > 1 else (),
            pointer=found[0][2],
        )
        for rid, found in grouped.items()
    ]


def _property_constraint(
    defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str
) -> tuple[ir.Predicate, str] | None:
    if f.type.kind == ir.Kind.ENUM:
        values = tuple(v.value for v in enums.enum(defs, f.type.ref).values) + (("",) if "anyOf" in node else ())
        return ir.In(f.wire_name, values), f"{f.wire_name} is a {f.type.ref} value"
    if f.type.kind == ir.Kind.RAW and node.get("type") == "object":
        return ir.IsObject(f.wire_name), f"{f.wire_name} is a JSON object"
    if "minimum" in node or "maximum" in node:
        text = f"{f.wire_name} is within [{node.get('minimum', '')}, {node.get('maximum', '')}]"
        return value_range(f, node, pointer), text
    return None


# ---- rule sets: a definition holding another level's rules for a struct -------------------------


def rule_set(defs: Definitions, name: str) -> tuple[str, list[ir.Rule]]:
    """A definition of lint rules for a struct, recursing into its list fields like the struct does."""
    node, pointer = defs.defs[name], defs.pointer(name)
    check_keys(node, RULE_SET_KEYS, pointer, "a rule set")
    target, _ = defs.resolve(node["x-framegen-rules-for"], pointer_join(pointer, "x-framegen-rules-for"))
    struct = fields.shell(defs, target)
    own_ref = "#/$defs/" + name
    for wire in struct.children:
        got = node.get("properties", {}).get(wire, {}).get("items", {}).get("$ref")
        if got != own_ref:
            raise SchemaError(
                pointer_join(pointer, "properties"),
                f"the rule set does not recurse into {wire!r}",
                f'add "properties": {{"{wire}": {{"items": {{"$ref": "{own_ref}"}}}}}}'
                " so standard validators apply it to nested frames too",
            )
    return target, rules(defs, node.get("allOf", []), struct, pointer_join(pointer, "allOf"), "lint")
