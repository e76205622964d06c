"""Structs and their fields: the wire names, order, types and omitempty of each field."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from generator import ir
from generator.build_ir import enums
from generator.build_ir.definitions import Definitions
from generator.build_ir.keywords import CONSTRAINT_KEYS, PROPERTY_KEYS, allowed, annotations, check_keys, doc
from generator.errors import SchemaError, pointer_join

SCALAR_KINDS = {"string": ir.Kind.STRING, "boolean": ir.Kind.BOOL}
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
    children = tuple(
        f.wire_name
        for f in fields
        if f.type.kind == ir.Kind.LIST and f.type.item.kind == ir.Kind.STRUCT and f.type.item.ref == name
    )
    return ir.Struct(name=name, doc=doc(node), fields=fields, pointer=pointer, children=children)


def _check_order(order: list[str], properties: dict[str, Any], pointer: str) -> None:
    """x-framegen-order lists every property once: name exactly what it misses, repeats or invents."""
    missing = [p for p in properties if p not in order]
    unknown = [p for p in dict.fromkeys(order) if p not in properties]
    twice = [p for p in dict.fromkeys(order) if order.count(p) > 1]
    if not (missing or unknown or twice):
        return
    problems = [
        f"misses {', '.join(missing)}" if missing else "",
        f"lists {', '.join(unknown)}, not a property" if unknown else "",
        f"lists {', '.join(twice)} more than once" if twice else "",
    ]
    hints = [
        f"add {', '.join(missing)} where it goes on the wire" if missing else "",
        f"remove {', '.join(unknown)}" if unknown else "",
        f"keep one {', '.join(twice)}" if twice else "",
    ]
    raise SchemaError(
        pointer_join(pointer, "x-framegen-order"),
        "x-framegen-order " + "; ".join(p for p in problems if p),
        "; ".join(h for h in hints if h) + " (x-framegen-order lists every property exactly once)",
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
    check_keys(node, allowed(PROPERTY_KEYS | CONSTRAINT_KEYS, "field"), pointer, "a property")
    type_ = field_type(defs, node, pointer)
    if type_.kind == ir.Kind.RAW and required:
        raise SchemaError(
            pointer,
            "a required raw field is not supported",
            "Go encodes a nil json.RawMessage as null; leave the field out of 'required' (omitempty)",
        )
    if type_.kind == ir.Kind.STRUCT and not required:
        # Go: omitempty never omits a struct value, so an optional struct is a pointer (*T, nil when absent).
        type_ = replace(type_, nullable=True)
    if type_.kind in (ir.Kind.LIST, ir.Kind.MAP):
        _check_collection_null(type_, required, pointer)
    if type_.kind == ir.Kind.RAW:
        type_ = replace(type_, nullable=True)  # json.RawMessage: nil (absent) differs from a written null
    return ir.Field(
        wire_name=wire,
        doc=doc(node),
        type=type_,
        omit_empty=not required,
        annotations=annotations(node, "field"),
        format=str(node.get("format", "")) if type_.kind == ir.Kind.STRING else "",
        deprecated=bool(node.get("deprecated", False)),
        pointer=pointer,
    )


def field_type(defs: Definitions, node: dict[str, Any], pointer: str) -> ir.TypeRef:
    """The type a property's schema declares; one handler per way of declaring it."""
    if "$ref" in node:
        return _referenced(defs, node["$ref"], pointer)
    if "anyOf" in node:
        return _any_of(defs, node["anyOf"], pointer_join(pointer, "anyOf"))
    if node.get("x-framegen-raw"):
        return ir.TypeRef(ir.Kind.RAW)
    kind = node.get("type")
    if isinstance(kind, list):
        return _nullable_type(defs, node, kind, pointer)
    if kind in SCALAR_KINDS:
        return ir.TypeRef(SCALAR_KINDS[kind])
    if kind == "integer":
        return ir.TypeRef(ir.Kind.INT, format=_integer_format(node, pointer))
    if kind == "number":
        if node.get("format", "double") != "double":
            raise SchemaError(
                pointer_join(pointer, "format"), "a number is a float64", "remove the format, or 'double'"
            )
        return ir.TypeRef(ir.Kind.FLOAT)
    if kind == "array":
        return ir.TypeRef(ir.Kind.LIST, item=_element(defs, node.get("items"), "items", pointer))
    if kind == "object":
        if "properties" in node:
            raise SchemaError(
                pointer,
                "an object with properties as a field's type is a struct: define it in $defs",
                "move it to '$defs' under a name and refer to it with '$ref' (its name is the generated type's)",
            )
        if not isinstance(node.get("additionalProperties"), dict):
            raise SchemaError(
                pointer,
                "an object field needs 'additionalProperties' with the schema of its values (a map)",
                "write 'additionalProperties': {'type': 'string'}, or x-framegen-raw for any JSON object",
            )
        return ir.TypeRef(
            ir.Kind.MAP, item=_element(defs, node["additionalProperties"], "additionalProperties", pointer)
        )
    raise SchemaError(
        pointer,
        f"unsupported field type {kind!r}",
        "use string, boolean, integer, number, an array, an object with additionalProperties (a map), "
        "a $ref to an enum or a struct, or x-framegen-raw for raw JSON",
    )


def _referenced(defs: Definitions, ref: str, pointer: str) -> ir.TypeRef:
    name, _ = defs.resolve(ref, pointer_join(pointer, "$ref"))
    kind = defs.classify(name)
    if kind not in ("enum", "struct"):
        raise SchemaError(pointer, f"a field cannot be of definition {name!r} ({kind})", "refer to an enum or a struct")
    if kind == "enum":
        enums.enum(defs, name)  # refused here, at the field, if it is not an enum framegen supports
        return ir.TypeRef(ir.Kind.ENUM, ref=name)
    return ir.TypeRef(ir.Kind.STRUCT, ref=name)


def _any_of(defs: Definitions, options: Any, pointer: str) -> ir.TypeRef:
    """[{$ref: enum}, {const: ""}]: an enum whose zero value is also allowed; [X, {type: null}]: X or null."""
    if isinstance(options, list) and len(options) == 2 and all(isinstance(o, dict) for o in options):
        first, second = options
        if set(first) == {"$ref"} and second == {"const": ""}:
            name, _ = defs.resolve(first["$ref"], pointer_join(pointer, 0, "$ref"))
            if name != "#" and defs.classify(name) == "enum":
                enums.enum(defs, name)
                return ir.TypeRef(ir.Kind.ENUM, ref=name)
        if second == {"type": "null"}:
            inner = field_type(defs, first, pointer_join(pointer, 0))
            return _nullable(inner, pointer)
    raise SchemaError(
        pointer,
        "this anyOf is not supported",
        "only [{'$ref': <string enum>}, {'const': ''}] (an enum or empty) and [<schema>, {'type': 'null'}] are",
    )


def _check_collection_null(type_: ir.TypeRef, required: bool, pointer: str) -> None:
    """A list or map in 'required' is always written, and Go writes a nil one as null: the schema must say so.

    An optional one (omitempty) is left out when nil or empty alike, so it is never null on the wire.
    """
    json_type = "array" if type_.kind == ir.Kind.LIST else "object"
    if required and not type_.nullable:
        raise SchemaError(
            pointer_join(pointer, "type"),
            f"a required {type_.kind} is written as null when nil (Go has no omitempty here)",
            f'declare "type": ["{json_type}", "null"], or make the field optional',
        )
    if not required and type_.nullable:
        raise SchemaError(
            pointer_join(pointer, "type"),
            f"an optional {type_.kind} is never null on the wire: omitempty leaves out nil and empty alike",
            f'declare "type": "{json_type}", or add the field to \'required\' to keep null and empty apart',
        )


def _nullable_type(defs: Definitions, node: dict[str, Any], kinds: list[Any], pointer: str) -> ir.TypeRef:
    """'type': [T, 'null']: T or null (Go *T, or a nil slice or map)."""
    others = [k for k in kinds if k != "null"]
    if len(kinds) != 2 or len(others) != 1 or others[0] not in (*SCALAR_KINDS, "integer", "number", "array", "object"):
        raise SchemaError(
            pointer_join(pointer, "type"),
            f"type {kinds!r} is not supported",
            "a list of types is [T, 'null'] with T a string, boolean, integer, number, array or object type",
        )
    return _nullable(field_type(defs, {**node, "type": others[0]}, pointer), pointer)


def _nullable(inner: ir.TypeRef, pointer: str) -> ir.TypeRef:
    if inner.kind == ir.Kind.RAW:
        raise SchemaError(
            pointer,
            "a nullable raw field is not supported: raw JSON already holds null",
            "leave out the null",
        )
    return replace(inner, nullable=True)


def _integer_format(node: dict[str, Any], pointer: str) -> str:
    fmt = node.get("format", "")
    if fmt not in ir.INT_FORMATS:
        known = ", ".join(f for f in ir.INT_FORMATS if f)
        raise SchemaError(pointer_join(pointer, "format"), f"integer format {fmt!r} is not supported", f"use {known}")
    return fmt


def _element(defs: Definitions, node: Any, keyword: str, pointer: str) -> ir.TypeRef:
    """The type of a list's items or a map's values: a scalar, an enum, a struct or raw JSON, never null."""
    where = pointer_join(pointer, keyword)
    if not isinstance(node, dict):
        raise SchemaError(pointer, f"'{keyword}' must be a schema", f"add '{keyword}': {{'type': 'string'}} or a $ref")
    node = defs.field_schema(node, where)
    check_keys(node, allowed(PROPERTY_KEYS | CONSTRAINT_KEYS, "field") - {"x-framegen-rule"}, where, f"'{keyword}'")
    item = field_type(defs, node, where)
    if item.kind in (ir.Kind.LIST, ir.Kind.MAP) or item.nullable:
        raise SchemaError(
            where,
            f"{'nullable elements' if item.nullable else 'nested ' + str(item.kind) + 's'} are not supported",
            "use a struct whose field holds the inner list or map, or a raw JSON field",
        )
    return item
