"""String enums, and the message facts an enum can carry: kind, direction and pairing of each value."""

from __future__ import annotations

from typing import Any

from generator import ir
from generator.build_ir.definitions import Definitions
from generator.build_ir.keywords import ENUM_KEYS, allowed, annotations, check_keys, doc
from generator.errors import SchemaError, pointer_join


def enum(defs: Definitions, name: str) -> ir.Enum:
    """The enum defined at $defs/<name>, built once."""
    if name not in defs.enums:
        defs.enums[name] = _build(name, defs.defs[name], defs.pointer(name))
    return defs.enums[name]


def _build(name: str, node: dict[str, Any], pointer: str) -> ir.Enum:
    check_keys(node, allowed(ENUM_KEYS, "enum"), pointer, "an enum")
    values = node["enum"]
    if node.get("type") != "string" or not all(isinstance(v, str) for v in values):
        raise SchemaError(pointer_join(pointer, "enum"), "only string enums are supported", "add 'type': 'string'")
    meta = node.get("x-framegen-values", {})
    for key in meta:
        if key not in values:
            raise SchemaError(
                pointer_join(pointer, "x-framegen-values", key),
                f"{key!r} is not a value of the enum",
                f"values: {', '.join(values)}",
            )
    _every_message_has_a_direction(values, meta, pointer)
    built = tuple(_value(v, i, meta, pointer) for i, v in enumerate(values))
    return ir.Enum(name=name, doc=doc(node), values=built, annotations=annotations(node, "enum"), pointer=pointer)


def _every_message_has_a_direction(values: list[str], meta: dict[str, Any], pointer: str) -> None:
    """An enum whose values carry a kind is a message type: each value is a message, sent by someone to
    someone. Any other enum may document (or name) only some of its values."""
    if not any("kind" in info for info in meta.values()):
        return
    missing = [v for v in values if "kind" not in meta.get(v, {})]
    if missing:
        raise SchemaError(
            pointer_join(pointer, "x-framegen-values"),
            f"values without a direction: {', '.join(missing)}",
            "a message type documents every value with its kind, from and to",
        )


def _value(value: str, index: int, meta: dict[str, Any], pointer: str) -> ir.EnumValue:
    info = meta.get(value, {})
    where = pointer_join(pointer, "x-framegen-values", value)
    response = info.get("response", "")
    if response and meta.get(response, {}).get("kind") != "response":
        raise SchemaError(where, f"response {response!r} is not a value of kind 'response'", "name a response value")
    triggers = info.get("triggers", "")
    if triggers and meta.get(triggers, {}).get("kind") != "push":
        raise SchemaError(where, f"triggers {triggers!r} is not a value of kind 'push'", "name a push value")
    if info.get("kind") == "request" and not response:
        raise SchemaError(where, "a request names the response it expects", "add 'response'")
    if info.get("kind") and info["from"] == info["to"]:
        raise SchemaError(where, "'from' and 'to' name the same service", "a message goes from one party to another")
    return ir.EnumValue(
        value=value,
        doc=info.get("description", ""),
        kind=info.get("kind", ""),
        sender=info.get("from", ""),
        receiver=info.get("to", ""),
        response=response,
        sent=info.get("sent", ""),
        triggers=triggers,
        annotations=annotations(info, "value"),
        deprecated=bool(info.get("deprecated", False)),
        pointer=pointer_join(pointer, "enum", index),
    )


def messages(root: ir.Struct, enums: tuple[ir.Enum, ...]) -> ir.Messages | None:
    """The root struct's message discriminant: its first enum field whose values are documented as messages."""
    by_name = {e.name: e for e in enums}
    for f in root.fields:
        if f.type.kind == ir.Kind.ENUM and any(v.kind for v in by_name[f.type.ref].values):
            return ir.Messages(field=f.wire_name, enum=f.type.ref, values=by_name[f.type.ref].values)
    return None


def parties(document: dict[str, Any], table: ir.Messages | None) -> tuple[ir.Party, ...]:
    """x-framegen-parties in declared order; without it, the parties the messages name, titled by their names."""
    named = [] if table is None else [n for v in table.values for n in (v.sender, v.receiver) if n]
    declared = document.get("x-framegen-parties")
    if declared is None:
        return tuple(ir.Party(n, n) for n in dict.fromkeys(named))
    out = tuple(ir.Party(p["name"], p.get("title", p["name"])) for p in declared)
    names = [p.name for p in out]
    for i, name in enumerate(names):
        if name in names[:i]:
            raise SchemaError(pointer_join("/x-framegen-parties", i), f"party {name!r} is declared twice", "")
    for v in table.values if table else ():
        for key, name in (("from", v.sender), ("to", v.receiver)):
            if name not in names:
                raise SchemaError(
                    v.pointer.rsplit("/enum/", 1)[0] + pointer_join("/x-framegen-values", v.value, key),
                    f"{name!r} is not a declared party",
                    f"declared in x-framegen-parties: {', '.join(names)}",
                )
    return out
