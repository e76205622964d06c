"""The AsyncAPI 3.0 export of the types fixture (tests/types): a valid document whose message payloads,
resolved the way an AsyncAPI tool resolves them (the $ref to the schema file relative to the document),
hold frames to the fixture's rules down into nested structs, maps of structs and recursive lists."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource

from generator.cli import main
from support import ROOT

TYPES = ROOT / "tests" / "types"
ASYNCAPI_SCHEMA = json.loads((ROOT / "tests" / "data" / "asyncapi-3.0.0.schema.json").read_text())

VALID_EVENT: dict[str, Any] = {
    "kind": "event",
    "score": 1.5,
    "note": "n",
    "tags": [],
    "attrs": {"a": 1},
    "limits": {"requests": 1},
    "maybeQuota": None,
    "quota": {"requests": 2, "windowSeconds": 60, "burst": 1.5},
    "quotas": [{"requests": 3}],
    "quotaByName": {"b": {"requests": 4, "windowSeconds": 1}},
    "labels": {"x": "y"},
    "rolesByUser": {"u": "admin"},
    "ratio": 0.5,
    "children": [
        {"kind": "", "score": 0, "note": "x", "tags": [], "attrs": {}, "limits": {"requests": 0}, "maybeQuota": None}
    ],
}


# Each breaks a rule at a different depth, at the path given: the payload schema must reach it through the
# schema file's $defs (the path of a finding is where the value is, or its parent for a missing field).
INVALID_EVENTS: dict[str, tuple[tuple[Any, ...], Any]] = {
    "optional struct's rule (Quota.windowSeconds >= 1)": (("quota", "windowSeconds"), 0),
    "struct in a list": (("quotas", 0, "windowSeconds"), 0),
    "struct in a map": (("quotaByName", "b", "windowSeconds"), 0),
    "required struct value missing its required field": (("limits",), {}),
    "nullable struct of the wrong type": (("maybeQuota",), "none"),
    "recursive list item's rule (note not empty)": (("children", 0, "note"), ""),
    "map value of the wrong type": (("labels", "x"), 1),
    "map of enum, unknown value": (("rolesByUser", "u"), "root"),
    "number bound (ratio in (0, 1])": (("ratio",), 0),
    "type-dependent rule (an event scores 1.5)": (("score",), 2),
    "the message's own type": (("kind",), "put"),
}


def changed(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    frame = copy.deepcopy(VALID_EVENT)
    target = frame
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return frame


def paths(errors: list[jsonschema.ValidationError]) -> set[tuple[Any, ...]]:
    """Where the errors are, those inside anyOf/oneOf alternatives included."""
    out: set[tuple[Any, ...]] = set()
    for e in errors:
        out.add(tuple(e.absolute_path))
        out |= paths(list(e.context))
    return out


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    out = tmp_path_factory.mktemp("asyncapi") / "docs" / "asyncapi.json"
    out.parent.mkdir()
    assert main(["--config", str(TYPES / "pyproject.toml"), "export", "asyncapi", "-o", str(out)]) == 0
    return json.loads(out.read_text()), out


def payload_validator(document: tuple[dict[str, Any], Path], message: str) -> jsonschema.Draft202012Validator:
    """The message's payload schema, its $ref resolved from the document's location as a tool would."""
    doc, path = document
    payload = doc["components"]["messages"][message]["payload"]
    assert payload["schemaFormat"] == "application/schema+json;version=draft-2020-12"
    schema = {"$id": path.resolve().as_uri(), **payload["schema"]}
    reference = payload["schema"]["allOf"][0]["$ref"].split("#")[0]
    target = (path.parent / reference).resolve()
    assert target == (TYPES / "schema.json").resolve()
    resource = Resource.from_contents(json.loads(target.read_text()))
    registry = Registry().with_resources([(target.as_uri(), resource), (resource.id(), resource)])
    return jsonschema.Draft202012Validator(schema, registry=registry)


def test_fixture_export_validates_against_the_asyncapi_3_schema(document: tuple[dict[str, Any], Path]) -> None:
    errors = [e.message for e in jsonschema.Draft7Validator(ASYNCAPI_SCHEMA).iter_errors(document[0])]
    assert errors == []
    assert sorted(document[0]["components"]["messages"]) == ["event", "put", "put_resp"]


def test_payload_accepts_a_frame_using_every_nested_type(document: tuple[dict[str, Any], Path]) -> None:
    assert list(payload_validator(document, "event").iter_errors(VALID_EVENT)) == []


@pytest.mark.parametrize("name", sorted(INVALID_EVENTS))
def test_payload_rejects_a_broken_nested_value(document: tuple[dict[str, Any], Path], name: str) -> None:
    path, value = INVALID_EVENTS[name]
    found = paths(list(payload_validator(document, "event").iter_errors(changed(path, value))))
    assert path in found, found


def test_request_payload_applies_its_type_rules(document: tuple[dict[str, Any], Path]) -> None:
    put = {**VALID_EVENT, "kind": "put", "score": 0}
    validator = payload_validator(document, "put")
    assert [e.validator for e in validator.iter_errors(put)] == ["required"]  # put-needs-id
    assert list(validator.iter_errors({**put, "id": "r1"})) == []
