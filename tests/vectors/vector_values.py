"""The `value` form of a vector: the decoded struct keyed by wire names, zero-valued omitempty fields left out."""

from __future__ import annotations

import base64
from functools import cache
from typing import Any

from generator import ir
from generator.build_ir import build_ir
from generator.load import load_schema
from support import SCHEMA


@cache
def _schema() -> ir.Schema:
    return build_ir(load_schema(SCHEMA, "schema"))


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


def sparse_value(full: dict[str, Any], struct: str) -> dict[str, Any]:
    """From the full form (every field, as tests/go/harness and support.value_of print it) to the sparse form."""
    out: dict[str, Any] = {}
    for f in _schema().struct(struct).fields:
        value = full[f.wire_name]
        if f.type.kind == ir.Kind.RAW:
            value = _raw(value)
        elif f.type.kind == ir.Kind.LIST:
            value = [sparse_value(item, f.type.item.ref) for item in value]
        if not f.omit_empty or value not in ("", False, 0, None, []):
            out[f.wire_name] = value
    return out
