"""x-framegen-failure: how a response reports failure, read from the root struct and checked against its fields.

Targets turn a failed response into an error value of their language from the IR's Failure; here the
fields it names are checked to exist with the types the rule needs, so no target meets a surprise.
"""

from __future__ import annotations

import re
from typing import Any

from generator import ir
from generator.build_ir.definitions import Definitions
from generator.errors import SchemaError, pointer_join

KEYWORD = "x-framegen-failure"
KEYS = ("name", "success", "message", "status", "description")
REQUIRED = ("name", "success", "message", "status")
ROLES = {
    "success": (ir.Kind.BOOL, "a boolean", "true on success"),
    "message": (ir.Kind.STRING, "a string", "the failure's text"),
    "status": (ir.Kind.INT, "an integer", "the failure's status, 0 for none"),
}
NAME = re.compile(r"[A-Z][A-Za-z0-9_]*")
STATUS_FORMATS = ("", "int64", "int32", "uint32")  # each fits Go's int, the type of the error's Status


def failure(defs: Definitions, root: ir.Struct, table: ir.Messages | None) -> ir.Failure | None:
    """The root struct's failure model, or None when the schema states none."""
    for name, node in defs.defs.items():
        if name != root.name and isinstance(node, dict) and KEYWORD in node:
            raise SchemaError(
                pointer_join(defs.pointer(name), KEYWORD),
                f"{KEYWORD} is stated on {name!r}, which is not the top-level message",
                f"move it to the root struct's definition, $defs/{root.name}",
            )
    node = defs.defs[root.name]
    if KEYWORD not in node:
        return None
    pointer = pointer_join(root.pointer, KEYWORD)
    value = _shape(node[KEYWORD], pointer)
    fields = {f.wire_name: f for f in root.fields}
    for role, (kind, what, meaning) in ROLES.items():
        _check_field(fields, root.name, value[role], role, kind, f"{what} ({meaning})", pointer_join(pointer, role))
    status = fields[value["status"]]
    if status.type.format not in STATUS_FORMATS:
        raise SchemaError(
            pointer_join(pointer, "status"),
            f"status field {value['status']!r} is a {status.type.format}, which may not fit the error's Status",
            "give the status field a format that fits Go's int (int64, int32, uint32) or none",
        )
    if table is None or not table.of_kind("response"):
        raise SchemaError(
            pointer,
            f"{KEYWORD} says how a response reports failure, and no message type is of kind 'response'",
            "declare the responses in x-framegen-values of the message type enum, or remove the annotation",
        )
    return ir.Failure(
        name=value["name"],
        doc=value.get("description") or f"{value['name']} carries the status and message of a failed response.",
        success=value["success"],
        message=value["message"],
        status=value["status"],
        pointer=pointer,
    )


def _shape(value: Any, pointer: str) -> dict[str, str]:
    """The annotation's own shape (framegen diff skips the meta-schema pass, so it is checked here too)."""
    example = '{"name": "HTTPError", "success": "ok", "message": "error", "status": "httpStatus"}'
    if not isinstance(value, dict):
        raise SchemaError(pointer, f"{KEYWORD} must be an object", f"write e.g. {example}")
    for key, item in value.items():
        if key not in KEYS:
            raise SchemaError(
                pointer_join(pointer, key), f"{key!r} is not a key of {KEYWORD}", f"keys: {', '.join(KEYS)}"
            )
        if not isinstance(item, str):
            raise SchemaError(pointer_join(pointer, key), f"{KEYWORD} {key} must be a string", f"write e.g. {example}")
    missing = [k for k in REQUIRED if k not in value]
    if missing:
        raise SchemaError(pointer, f"{KEYWORD} misses {', '.join(missing)}", f"write e.g. {example}")
    if not NAME.fullmatch(value["name"]):
        raise SchemaError(
            pointer_join(pointer, "name"),
            f"error type name {value['name']!r} is not an identifier starting with an upper-case letter",
            "a name every target can use as a type, such as HTTPError",
        )
    return value


def _check_field(
    fields: dict[str, ir.Field], struct: str, wire: str, role: str, kind: ir.Kind, what: str, pointer: str
) -> None:
    field = fields.get(wire)
    if field is None:
        raise SchemaError(
            pointer,
            f"{role} names {wire!r}, which is not a field of {struct}",
            f"name one of {struct}'s wire names: {', '.join(fields)}",
        )
    if field.type.kind != kind or field.type.nullable:
        nullable = "nullable " if field.type.nullable else ""
        raise SchemaError(
            pointer,
            f"{role} field {wire!r} is {nullable}{field.type.kind}, and the {role} field must be {what}",
            f"name a non-nullable {kind} field of {struct}",
        )
