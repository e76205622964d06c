"""Realistic schema changes a team makes, as edits of a project copy: the schema, and the examples the change
makes wrong (a retyped field's value, an example for each new frame type), as the README asks of a change.

Each scenario says whether Go's recorded answers change (then the README's loop includes `make vectors`)
and what `framegen diff --against HEAD` must exit with: 0 for an addition with its minor version, 1 for a
break (it is reported and must be acknowledged; the suite itself stays green).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = Path("schema") / "sync-protocol.schema.json"


@dataclass(frozen=True)
class Scenario:
    name: str
    edit: Callable[[Path], None]  # applied to the project copy
    vectors: bool  # Go's answers on the vector inputs change: the loop includes `make vectors`
    diff_exit: int  # what `framegen diff --against HEAD` exits with


def _document(project: Path) -> dict[str, Any]:
    return json.loads((project / SCHEMA).read_text())


def _save(project: Path, document: dict[str, Any]) -> None:
    (project / SCHEMA).write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def _version(document: dict[str, Any], version: str) -> None:
    old_major = document["x-schema-version"].split(".")[0]
    document["x-schema-version"] = version
    document["$id"] = document["$id"].replace(f"/v{old_major}/", f"/v{version.split('.')[0]}/")


def _root(document: dict[str, Any]) -> dict[str, Any]:
    return document["$defs"][document["$ref"].rsplit("/", 1)[1]]


def add_optional_field(project: Path) -> None:
    document = _document(project)
    root = _root(document)
    root["properties"]["traceId"] = {"type": "string", "description": "W3C trace id of the operation"}
    root["x-framegen-order"].append("traceId")
    _version(document, "1.1.0")
    _save(project, document)


def remove_field(project: Path) -> None:
    document = _document(project)
    root = _root(document)
    root["properties"].pop("team")
    root["x-framegen-order"].remove("team")
    _version(document, "2.0.0")
    _save(project, document)


def rename_field(project: Path) -> None:
    document = _document(project)
    root = _root(document)
    root["properties"]["scope"] = root["properties"].pop("role")
    order = root["x-framegen-order"]
    order[order.index("role")] = "scope"
    _version(document, "2.0.0")
    _save(project, document)


def retype_field(project: Path) -> None:
    document = _document(project)
    _root(document)["properties"]["keyId"].update(type="integer", description="numeric ID of a created key")
    _version(document, "2.0.0")
    _save(project, document)
    example = project / "schema" / "examples" / "valid" / "key_create_resp_ok.json"
    frame = json.loads(example.read_text())
    frame["keyId"] = 123
    example.write_text(json.dumps(frame, indent=2) + "\n")


def add_request_response_pair(project: Path) -> None:
    document = _document(project)
    types = document["$defs"]["FrameType"]
    types["enum"] += ["key_renew", "key_renew_resp"]
    types["x-framegen-values"].update(
        {
            "key_renew": {
                "kind": "request",
                "from": "worker",
                "to": "ws-proxy",
                "response": "key_renew_resp",
                "triggers": "key_sync",
                "description": "Worker asks the ws-proxy to renew the API key named Name before it expires.",
            },
            "key_renew_resp": {
                "kind": "response",
                "from": "ws-proxy",
                "to": "worker",
                "description": "Result of a key_renew request: ok with the new ExpiresAt, or Error and HTTPStatus.",
            },
        }
    )
    for rule in _root(document)["allOf"]:
        kind = rule.get("x-framegen-for-kind")
        if kind in ("request", "response"):
            rule["if"]["properties"]["type"]["enum"].append(f"key_renew{'_resp' * (kind == 'response')}")
    _version(document, "1.1.0")
    _save(project, document)
    valid = project / "schema" / "examples" / "valid"
    (valid / "key_renew.json").write_text(json.dumps({"id": "req-9", "type": "key_renew", "name": "apikey-a"}))
    (valid / "key_renew_resp.json").write_text(
        json.dumps({"id": "req-9", "type": "key_renew_resp", "ok": True, "expiresAt": "2028-11-01T10:00:00Z"})
    )


SCENARIOS = (
    Scenario("add an optional field", add_optional_field, vectors=False, diff_exit=0),
    Scenario("remove a field", remove_field, vectors=True, diff_exit=1),
    Scenario("rename a field", rename_field, vectors=True, diff_exit=1),
    Scenario("change a field's type", retype_field, vectors=True, diff_exit=1),
    Scenario("add a request/response pair", add_request_response_pair, vectors=False, diff_exit=0),
)
