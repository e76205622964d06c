"""x-framegen-failure -> ir.Failure: the fields it names are checked, and every refusal points at the annotation."""

from __future__ import annotations

import copy
import json

import pytest

from generator import ir
from generator.build_ir import build_ir
from generator.errors import SchemaError
from generator.load import LoadedSchema, check_dialect, load_schema
from support import SCHEMA

FAILURE = {"name": "Failed", "success": "ok", "message": "error", "status": "status"}


def document(failure: object = None, **extra_props: object) -> dict:
    """A request, a response and a push; Msg has ok, error, status and the failure annotation (unless None)."""
    values = {
        "ask": {"kind": "request", "from": "a", "to": "b", "response": "ask_resp", "description": ""},
        "ask_resp": {"kind": "response", "from": "b", "to": "a", "description": ""},
        "news": {"kind": "push", "from": "b", "to": "a", "description": ""},
    }
    msg = {
        "type": "object",
        "properties": {
            "type": {"$ref": "#/$defs/T", "x-framegen-rule": "type-known"},
            "ok": {"type": "boolean"},
            "error": {"type": "string"},
            "status": {"type": "integer"},
            **extra_props,
        },
    }
    if failure is not None:
        msg["x-framegen-failure"] = failure
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://x/v1/s.json",
        "x-schema-version": "1.0.0",
        "$ref": "#/$defs/Msg",
        "$defs": {"Msg": msg, "T": {"type": "string", "enum": list(values), "x-framegen-values": values}},
    }


def build(doc: dict) -> ir.Schema:
    return build_ir(LoadedSchema("test.json", doc, "sha256:0"))


def test_the_real_schema_states_the_workers_failure_model() -> None:
    failure = build_ir(load_schema(SCHEMA, "schema")).failure
    assert failure == ir.Failure(
        name="HTTPError",
        doc="HTTPError carries an HTTP status code from a ws-proxy error response frame.",
        success="ok",
        message="error",
        status="httpStatus",
        pointer="/$defs/Frame/x-framegen-failure",
    )


def test_without_the_annotation_there_is_no_failure_model() -> None:
    assert build(document()).failure is None


def test_the_description_is_optional() -> None:
    failure = build(document(FAILURE)).failure
    assert (failure.name, failure.success, failure.message, failure.status) == ("Failed", "ok", "error", "status")
    assert failure.doc.startswith("Failed carries")


@pytest.mark.parametrize(
    ("change", "pointer", "message", "hint"),
    [
        ({"status": "code"}, "/status", "status names 'code', which is not a field of Msg", "name one of Msg's"),
        ({"message": "ok"}, "/message", "message field 'ok' is bool, and the message field must be a string", "string"),
        ({"success": "error"}, "/success", "success field 'error' is string, and the success field must be a bool", ""),
        ({"status": "error"}, "/status", "status field 'error' is string", "non-nullable int"),
        ({"status": "big"}, "/status", "status field 'big' is a uint64", "give the status field a format"),
        ({"status": "maybe"}, "/status", "status field 'maybe' is nullable int", "non-nullable int"),
        ({"name": "httpError"}, "/name", "error type name 'httpError' is not an identifier", "HTTPError"),
        ({"extra": "x"}, "/extra", "'extra' is not a key of x-framegen-failure", "keys: name"),
        ({"status": 7}, "/status", "x-framegen-failure status must be a string", "write e.g."),
    ],
    ids=[
        "unknown field",
        "message not a string",
        "success not a bool",
        "status not an int",
        "uint64",
        "nullable",
        "lower-case name",
        "unknown key",
        "not a string",
    ],
)
def test_a_wrong_failure_model_is_refused_at_its_pointer(change: dict, pointer: str, message: str, hint: str) -> None:
    doc = document(
        {**FAILURE, **change}, big={"type": "integer", "format": "uint64"}, maybe={"type": ["integer", "null"]}
    )
    with pytest.raises(SchemaError) as info:
        build(doc)
    assert info.value.pointer == "/$defs/Msg/x-framegen-failure" + pointer
    assert message in info.value.message and hint in info.value.hint, info.value


def test_a_missing_key_is_named() -> None:
    with pytest.raises(SchemaError, match="misses status") as info:
        build(document({k: v for k, v in FAILURE.items() if k != "status"}))
    assert info.value.pointer == "/$defs/Msg/x-framegen-failure"


def test_only_the_root_struct_may_state_it() -> None:
    doc = document(FAILURE)
    doc["$defs"]["Other"] = {"type": "object", "properties": {"a": {"type": "string"}}, "x-framegen-failure": FAILURE}
    with pytest.raises(SchemaError, match="not the top-level message") as info:
        build(doc)
    assert info.value.pointer == "/$defs/Other/x-framegen-failure"
    assert "$defs/Msg" in info.value.hint


def test_it_needs_responses() -> None:
    doc = document(FAILURE)
    for value in doc["$defs"]["T"]["x-framegen-values"].values():
        value.update(kind="push")
        value.pop("response", None)
    with pytest.raises(SchemaError, match="no message type is of kind 'response'"):
        build(doc)


def test_the_meta_schema_declares_it() -> None:
    """A standard validator with framegen's dialect accepts the annotation and refuses a typo in its keys."""
    check_dialect(document(FAILURE), "test.json")
    bad = copy.deepcopy(document({**FAILURE, "stauts": "status"}))
    with pytest.raises(SchemaError) as info:
        check_dialect(bad, "test.json")
    assert "stauts" in info.value.message
    assert json.dumps(FAILURE)  # the example in the docs is valid JSON
