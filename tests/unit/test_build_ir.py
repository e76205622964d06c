"""JSON Schema -> IR, asserted on IR objects (no templates involved)."""

from __future__ import annotations

import json

import pytest

from generator import ir
from generator.build_ir import build_ir
from generator.errors import SchemaError
from generator.load import LoadedSchema, load_schema
from projects import SEED_V1_SCHEMA as SCHEMA  # the toolkit is tested on a frozen fixture


def build(document: dict) -> ir.Schema:
    return build_ir(LoadedSchema("test.json", document, "sha256:0"))


def base(**frame: object) -> dict:
    return {
        "$id": "https://x/v1/s.json",
        "x-schema-version": "1.0.0",
        "$ref": "#/$defs/M",
        "$defs": {"M": {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "boolean"}}, **frame}},
    }


def test_the_seed_schema() -> None:
    """The sync protocol as frozen at 1.0.0 (tests/projects/seed_v1): 21 fields, the seed's."""
    schema = build_ir(load_schema(SCHEMA, "schema"))
    frame = schema.struct("Frame")
    assert [f.wire_name for f in frame.fields][:3] == ["id", "type", "tokenHash"]
    assert len(frame.fields) == 21
    assert frame.fields[1].type == ir.TypeRef(ir.Kind.ENUM, ref="FrameType")
    assert not frame.fields[1].omit_empty and frame.fields[0].omit_empty
    items = next(f for f in frame.fields if f.wire_name == "items")
    assert items.type == ir.TypeRef(ir.Kind.LIST, item=ir.TypeRef(ir.Kind.STRUCT, ref="Frame"))
    assert ("go.type", "json.RawMessage") in next(f for f in frame.fields if f.wire_name == "templateFull").annotations
    assert [r.id for r in schema.root_rules] == ["type-required"]
    assert {r.level for r in frame.rules} == {"error", "lint"}


def test_ir_is_frozen() -> None:
    schema = build(base())
    with pytest.raises(AttributeError):
        schema.version = "2"  # type: ignore[misc]


def test_conditional_rule_becomes_predicates() -> None:
    rule = {
        "x-framegen-rule": "a-needs-b",
        "x-framegen-level": "error",
        "description": "d",
        "if": {"required": ["a"]},
        "then": {"required": ["b"]},
    }
    [r] = build(base(allOf=[rule])).struct("M").rules
    assert r == ir.Rule("a-needs-b", "error", "d", (ir.Present("a"),), (ir.Present("b"),), pointer="/$defs/M/allOf/0")


def test_vacuous_predicates_are_dropped() -> None:
    rule = {
        "x-framegen-rule": "r",
        "x-framegen-level": "error",
        "description": "d",
        "if": {"properties": {"b": {"const": True}}, "required": ["b"]},
        "then": {"not": {"required": ["a"]}},
    }
    [r] = build(base(allOf=[rule])).struct("M").rules
    assert r.when == (ir.Present("b"),) and r.then == (ir.Absent("a"),)


def test_required_means_always_encoded() -> None:
    fields = build(base(required=["a"])).struct("M").fields
    assert [(f.wire_name, f.omit_empty) for f in fields] == [("a", False), ("b", True)]


@pytest.mark.parametrize(
    ("change", "pointer"),
    [
        (
            lambda d: d["$defs"]["M"]["properties"]["a"].update({"type": ["string", "integer"]}),
            "/$defs/M/properties/a/type",
        ),
        (lambda d: d["$defs"]["M"]["properties"].update({"c": {"type": "object"}}), "/$defs/M/properties/c"),
        (lambda d: d["$defs"]["M"].update({"additionalProperties": False}), "/$defs/M/additionalProperties"),
        (
            lambda d: d["$defs"]["M"]["properties"].update(
                {"l": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}}}
            ),
            "/$defs/M/properties/l/items",
        ),
        (lambda d: d["$defs"]["M"].update({"required": ["l"]}), "/$defs/M/required"),
        (lambda d: d.pop("$ref"), ""),
    ],
)
def test_unsupported_constructs_name_their_pointer(change, pointer: str) -> None:
    document = json.loads(json.dumps(base()))
    change(document)
    with pytest.raises(SchemaError) as info:
        build(document)
    assert info.value.pointer == pointer
    assert info.value.hint


@pytest.mark.parametrize(
    ("order", "message", "hint"),
    [
        (["a"], "x-framegen-order misses b", "add b where it goes on the wire"),
        (["a", "b", "c"], "x-framegen-order lists c, not a property", "remove c"),
        (["a", "b", "a"], "x-framegen-order lists a more than once", "keep one a"),
    ],
    ids=["missing", "unknown", "twice"],
)
def test_field_order_error_names_exactly_what_is_wrong(order: list[str], message: str, hint: str) -> None:
    with pytest.raises(SchemaError) as info:
        build(base(**{"x-framegen-order": order}))
    assert info.value.pointer == "/$defs/M/x-framegen-order"
    assert info.value.message == message and info.value.hint.startswith(hint)


def kinds(rule_if: dict | None, kind: str = "request") -> dict:
    """A schema with two requests, a response and a push, and one rule for a kind."""
    values = {
        "r1": {"kind": "request", "from": "worker", "to": "ws-proxy", "response": "ok", "description": ""},
        "r2": {"kind": "request", "from": "worker", "to": "ws-proxy", "response": "ok", "description": ""},
        "ok": {"kind": "response", "from": "ws-proxy", "to": "worker", "description": ""},
        "p": {"kind": "push", "from": "ws-proxy", "to": "worker", "description": ""},
    }
    rule = {"x-framegen-rule": "k", "x-framegen-level": "error", "x-framegen-for-kind": kind, "description": "d"}
    rule.update({"if": rule_if, "then": {"required": ["a"]}} if rule_if else {"required": ["a"]})
    document = base(allOf=[rule])
    document["$defs"]["M"]["properties"]["t"] = {"$ref": "#/$defs/T", "x-framegen-rule": "t-known"}
    document["$defs"]["T"] = {"type": "string", "enum": list(values), "x-framegen-values": values}
    return document


def test_a_kind_rule_is_carried_in_the_ir() -> None:
    [rule] = build(kinds({"properties": {"t": {"enum": ["r2", "r1"]}}})).struct("M").rules[1:]
    assert rule.for_kind == "request"


@pytest.mark.parametrize(
    ("rule_if", "kind", "message", "hint"),
    [
        ({"properties": {"t": {"const": "r1"}}}, "request", "misses the request r2", 'add "r2" to its t enum'),
        ({"properties": {"t": {"enum": ["ok", "p"]}}}, "response", "lists p, not of kind response", 'remove "p"'),
        (None, "push", "tests the message type in 'if'", 'add "if"'),
        ({"properties": {"t": {"const": "p"}}}, "pushes", "unknown kind 'pushes'", "one of"),
    ],
    ids=["missing", "extra", "no if", "unknown kind"],
)
def test_a_kind_rule_lists_exactly_the_kind(rule_if, kind: str, message: str, hint: str) -> None:
    with pytest.raises(SchemaError) as info:
        build(kinds(rule_if, kind))
    assert message in info.value.message and info.value.hint.startswith(hint), info.value


@pytest.mark.parametrize(
    ("json_type", "schema_extra", "required", "message"),
    [
        ("array", {"items": {"type": "string"}}, True, "a required list is written as null when nil"),
        ("object", {"additionalProperties": {"type": "integer"}}, True, "a required map is written as null when nil"),
        (["array", "null"], {"items": {"type": "string"}}, False, "an optional list is never null on the wire"),
        (["object", "null"], {"additionalProperties": {"type": "string"}}, False, "an optional map is never null"),
    ],
    ids=["required-list", "required-map", "optional-nullable-list", "optional-nullable-map"],
)
def test_a_collections_null_is_declared_as_go_writes_it(json_type, schema_extra, required, message) -> None:
    """Go writes a nil slice or map as null unless omitempty leaves it out: the schema's type must agree."""
    document = base(required=["c"] if required else [])
    document["$defs"]["M"]["properties"]["c"] = {"type": json_type, **schema_extra}
    with pytest.raises(SchemaError) as info:
        build(document)
    assert info.value.pointer == "/$defs/M/properties/c/type"
    assert info.value.message.startswith(message)


def test_a_required_nullable_list_keeps_null_and_empty_apart() -> None:
    document = base(required=["c"])
    document["$defs"]["M"]["properties"]["c"] = {"type": ["array", "null"], "items": {"type": "string"}}
    [field] = [f for f in build(document).struct("M").fields if f.wire_name == "c"]
    assert field.type == ir.TypeRef(ir.Kind.LIST, item=ir.TypeRef(ir.Kind.STRING), nullable=True)
    assert not field.omit_empty
