"""The targets' checks of the failure model's names: the error type is one more type name, and the
root struct's helpers take names no field may use; each refusal points at the schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_failure_ir import FAILURE, build, document

from generator.errors import SchemaError
from generator.settings import Settings
from generator.targets.go import GoTarget
from generator.targets.python import PythonTarget

SETTINGS = Settings.make(Path("."))


@pytest.mark.parametrize("target", [GoTarget, PythonTarget], ids=["go", "python"])
def test_the_error_type_may_not_take_a_struct_name(target) -> None:
    schema = build(document({**FAILURE, "name": "Msg"}))
    with pytest.raises(SchemaError, match="both give") as info:
        target(SETTINGS).check(schema)
    assert info.value.pointer == "/$defs/Msg/x-framegen-failure"


@pytest.mark.parametrize(
    ("target", "field"), [(GoTarget, "responseError"), (PythonTarget, "raise_for_response")], ids=["go", "python"]
)
def test_no_field_of_the_root_is_named_like_a_helper(target, field: str) -> None:
    schema = build(document(FAILURE, **{field: {"type": "string"}}))
    with pytest.raises(SchemaError, match="a name the generated") as info:
        target(SETTINGS).check(schema)
    assert info.value.pointer == f"/$defs/Msg/properties/{field}"


def test_python_keeps_its_runtime_error_names() -> None:
    schema = build(document({**FAILURE, "name": "ResponseError"}))
    with pytest.raises(SchemaError, match="a name the generated python code uses"):
        PythonTarget(SETTINGS).check(schema)
    GoTarget(SETTINGS).check(schema)  # Go has no type of that name (ResponseError is a method there)


def test_without_a_failure_model_those_names_are_free() -> None:
    schema = build(document(None, responseError={"type": "string"}, raise_for_response={"type": "string"}))
    GoTarget(SETTINGS).check(schema)
    PythonTarget(SETTINGS).check(schema)


def test_protocol_error_is_taken_in_every_python_package() -> None:
    """ProtocolError, the base of DecodeError, is exported beside the generated classes, failure model or not."""
    doc = document(None)
    doc["$defs"]["ProtocolError"] = {"type": "object", "properties": {"a": {"type": "string"}}}
    with pytest.raises(SchemaError, match="a name the generated python code uses") as info:
        PythonTarget(SETTINGS).check(build(doc))
    assert info.value.pointer == "/$defs/ProtocolError"


def test_go_refuses_a_status_field_whose_go_type_is_not_an_integer() -> None:
    schema = build(document(FAILURE, status={"type": "integer", "x-go-type": "string"}))
    with pytest.raises(SchemaError, match="status field 'status' is a Go string") as info:
        GoTarget(SETTINGS).check(schema)
    assert info.value.pointer == "/$defs/Msg/properties/status"
