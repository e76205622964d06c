"""Structs and their fields: the wire names, order, types and omitempty of each field."""

from __future__ import annotations

import re
from typing import Any

from generator import ir
from generator.build_ir import enums
from generator.build_ir.definitions import Definitions
from generator.build_ir.keywords import PROPERTY_KEYS, allowed, annotations, check_keys, doc
from generator.errors import SchemaError, pointer_join

SCALAR_KINDS = {"string": ir.Kind.STRING, "boolean": ir.Kind.BOOL, "integer": ir.Kind.INT}
WIRE_NAME = re.compile(r"^[\x20-\x7e]+$")


def shell(defs: Definitions, name: str) -> ir.Struct:
    """The struct's fields without its rules: enough to type-check rules that refer to it. Built once."""
    if name not in defs.shells:
        defs.shells[name] = _shell(defs, name)
    return defs.shells[name]


def _shell(defs: Definitions, name: str) -> ir.Struct:
    node = defs.defs[name]
    pointer = defs.pointer(name)
    properties = node.get("properties", {})
    order = node.get("x-framegen-order", list(properties))
    _check_order(order, properties, pointer)
    required = node.get("required", [])
    for wire in required:
        if wire not in properties:
            raise SchemaError(
                pointer_join(pointer, "required"), f"required names unknown property {wire!r}", "fix the name"
            )
    fields = tuple(_field(defs, w, properties[w], w in required, pointer_join(pointer, "properties", w)) for w in order)
    _check_case_collisions(fields, pointer)
    children = tuple(f.wire_name for f in fields if f.type.kind == ir.Kind.LIST and f.type.item.ref == name)
    return ir.Struct(name=name, doc=doc(node), fields=fields, pointer=pointer, children=children)


def _check_order(order: list[str], properties: dict[str, Any], pointer: str) -> None:
    """x-framegen-order lists every property once: name exactly what is missing, unknown or repeated."""
    where = pointer_join(pointer, "x-framegen-order")
    repeated = sorted({w for w in order if order.count(w) > 1})
    missing = [w for w in properties if w not in order]
    unknown = [w for w in order if w not in properties]
    if repeated:
        raise SchemaError(where, f"x-framegen-order lists {', '.join(repeated)} more than once", "list it once")
    if missing:
        raise SchemaError(
            where, f"x-framegen-order does not list {', '.join(missing)}", "add it where it goes on the wire"
        )
    if unknown:
        raise SchemaError(
            where, f"x-framegen-order lists {', '.join(unknown)}, which is not a property", "remove it or fix the name"
        )


def _check_case_collisions(fields: tuple[ir.Field, ...], pointer: str) -> None:
    """Two wire names equal up to case are one field to Go's case-insensitive decoder."""
    seen: dict[str, str] = {}
    for f in fields:
        folded = f.wire_name.upper()
        if folded in seen:
            raise SchemaError(
                pointer_join(pointer, "properties", f.wire_name),
                f"wire names {seen[folded]!r} and {f.wire_name!r} differ only in case",
                "Go's decoder matches keys case-insensitively; rename one",
            )
        seen[folded] = f.wire_name


def _field(defs: Definitions, wire: str, node: Any, required: bool, pointer: str) -> ir.Field:
    node = defs.field_schema(node, pointer)
    if not isinstance(node, dict):
        raise SchemaError(pointer, "a property must be a schema object", "write {'type': ...}")
    if not WIRE_NAME.match(wire):
        raise SchemaError(pointer, f"wire name {wire!r} is not printable ASCII", "rename the property")
    check_keys(node, allowed(PROPERTY_KEYS, "field"), pointer, "a property")
    type_ = field_type(defs, node, pointer)
    if type_.kind == ir.Kind.STRUCT:
        raise SchemaError(
            pointer,
            f"a field of struct type ({type_.ref}) is not supported",
            "use an array of the struct, or flatten its fields into this struct",
        )
    if required and type_.kind in (ir.Kind.LIST, ir.Kind.RAW):
        raise SchemaError(
            pointer,
            "a required list or raw field is not supported",
            "Go encodes their nil value as null; leave the field out of 'required' (omitempty)",
        )
    return ir.Field(
        wire_name=wire,
        doc=doc(node),
        type=type_,
        omit_empty=not required,
        annotations=annotations(node, "field"),
        format=str(node.get("format", "")),
        deprecated=bool(node.get("deprecated", False)),
        pointer=pointer,
    )


def field_type(defs: Definitions, node: dict[str, Any], pointer: str) -> ir.TypeRef:
    if "$ref" in node:
        name, _ = defs.resolve(node["$ref"], pointer_join(pointer, "$ref"))
        kind = defs.classify(name)
        if kind not in ("enum", "struct"):
            raise SchemaError(
                pointer, f"a field cannot be of definition {name!r} ({kind})", "refer to an enum or a struct"
            )
        if kind == "enum":
            enums.enum(defs, name)  # refused here, at the field, if it is not an enum framegen supports
        return ir.TypeRef(ir.Kind.ENUM if kind == "enum" else ir.Kind.STRUCT, ref=name)
    if "anyOf" in node:
        return _enum_or_empty(defs, node["anyOf"], pointer_join(pointer, "anyOf"))
    if node.get("x-framegen-raw"):
        return ir.TypeRef(ir.Kind.RAW)
    kind = node.get("type")
    if kind in SCALAR_KINDS:
        return ir.TypeRef(SCALAR_KINDS[kind])
    if kind == "array":
        items = node.get("items")
        if not isinstance(items, dict):
            raise SchemaError(pointer, "an array needs an 'items' schema", "add 'items': {'$ref': '#/$defs/Name'}")
        item = field_type(defs, items, pointer_join(pointer, "items"))
        if item.kind != ir.Kind.STRUCT:
            raise SchemaError(
                pointer_join(pointer, "items"), "only arrays of structs are supported", "use a $ref to an object"
            )
        return ir.TypeRef(ir.Kind.LIST, item=item)
    raise SchemaError(
        pointer,
        f"unsupported field type {kind!r}",
        "use string, boolean, integer, an array of a struct, a $ref, or x-framegen-raw for raw JSON",
    )


def _enum_or_empty(defs: Definitions, options: Any, pointer: str) -> ir.TypeRef:
    """`anyOf: [{$ref: enum}, {const: ""}]` is an enum whose zero value is also allowed."""
    if isinstance(options, list) and len(options) == 2 and set(options[0]) == {"$ref"} and options[1] == {"const": ""}:
        name, target = defs.resolve(options[0]["$ref"], pointer_join(pointer, 0, "$ref"))
        if "enum" in target:
            enums.enum(defs, name)
            return ir.TypeRef(ir.Kind.ENUM, ref=name)
    raise SchemaError(pointer, "this anyOf is not supported", "only [{'$ref': <string enum>}, {'const': ''}] is")
