"""The `value` form of a vector, and how two of them compare (see vectors.schema.json, $defs/value).

A vector file names its package ("types" for the fixture of tests/types; none for the protocol) and a
struct of it; here both are one name, "types.Sample" or "Frame", as the Go harness takes them.
"""

from __future__ import annotations

import base64
from functools import cache
from typing import Any

from generator import ir
from generator.build_ir import build_ir
from generator.load import load_schema
from support import SCHEMA, TYPES_SCHEMA, deep_recursion

SCHEMAS = {"": SCHEMA, "types": TYPES_SCHEMA}
"""Each package's schema: "" is the protocol's (schema/), "types" the fixture's (tests/types)."""


@cache
def _schema(package: str) -> ir.Schema:
    return build_ir(load_schema(SCHEMAS[package], "schema"))


def split(struct: str) -> tuple[str, str]:
    """("types", "Sample") for "types.Sample"; ("", "Frame") for "Frame"."""
    package, _, name = struct.rpartition(".")
    return package, name


def _raw(value: dict[str, str] | None) -> dict[str, str] | None:
    if not value:
        return None
    data = base64.b64decode(value["b64"])
    if not data:
        return None
    try:
        return {"raw": data.decode("utf-8")}
    except UnicodeDecodeError:
        return {"raw_base64": value["b64"]}


def sparse_value(full: dict[str, Any], struct: str, from_json: bool = True) -> dict[str, Any]:
    """From the full form (every field, as tests/go/harness and support.value_of print it) to the sparse form.

    from_json: the full form was read from JSON (the Go harness's answer), where a float64 that is a whole
    number is spelled as an integer; it is made a float again. Python's own values are left as they are,
    so that an int where a float belongs stays visible to same_value.
    """
    package, name = split(struct)
    with deep_recursion():  # frames nested hundreds deep (the vectors hold some) recurse here
        return _struct(full, _schema(package), name, from_json, True)


def typed_value(full: dict[str, Any], struct: str, from_json: bool = True) -> dict[str, Any]:
    """The full form with every field kept, floats made floats as in sparse_value: Go's full form and
    Python's compare with same_value (a float64 Go spells 71503375973842980 is not that integer)."""
    package, name = split(struct)
    with deep_recursion():
        return _struct(full, _schema(package), name, from_json, False)


def _struct(full: dict[str, Any], schema: ir.Schema, name: str, from_json: bool, sparse: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in schema.struct(name).fields:
        value = _value(full[f.wire_name], f.type, schema, from_json, sparse)
        if not sparse or not f.omit_empty or not _empty(value, f.type):
            out[f.wire_name] = value
    return out


def _value(value: Any, t: ir.TypeRef, schema: ir.Schema, from_json: bool, sparse: bool) -> Any:
    if t.kind == ir.Kind.RAW:
        return _raw(value) if sparse else value
    if value is None:
        return None
    if t.kind == ir.Kind.STRUCT:
        return _struct(value, schema, t.ref, from_json, sparse)
    if t.kind == ir.Kind.LIST:
        return [_value(x, t.item, schema, from_json, sparse) for x in value]
    if t.kind == ir.Kind.MAP:
        return {k: _value(x, t.item, schema, from_json, sparse) for k, x in value.items()}
    if t.kind == ir.Kind.FLOAT and from_json and value.__class__ is int:
        return float(value)
    return value


def _empty(value: Any, t: ir.TypeRef) -> bool:
    """encoding/json's omitempty: false, 0 (and -0), "", a nil pointer, an empty (or nil) list, map or raw value.

    A nullable scalar or struct is a pointer: only nil is empty, a pointer to a zero value is written.
    A struct value is never empty.
    """
    if value is None:
        return True
    if t.kind in (ir.Kind.LIST, ir.Kind.MAP):
        return len(value) == 0
    if t.nullable or t.kind == ir.Kind.STRUCT:
        return False
    return value in ("", False, 0)


def same_value(got: Any, want: Any) -> bool:
    """Two value forms are the same: integers exactly (never equal to a bool or a float), floats by value
    (Go and Python spell them differently; -0 equals 0, its sign shows in the canonical bytes)."""
    with deep_recursion():
        return _same(got, want)


def _same(got: Any, want: Any) -> bool:
    if got.__class__ is not want.__class__:
        return False
    if isinstance(got, dict):
        return got.keys() == want.keys() and all(_same(got[k], want[k]) for k in got)
    if isinstance(got, list):
        return len(got) == len(want) and all(_same(a, b) for a, b in zip(got, want, strict=True))
    return got == want
