"""AsyncAPI 3.0 export: the protocol as the Worker sees it, one message per frame type.

The document describes one application, the Worker: it sends requests (with a request/reply pair
to their responses) and receives pushes and responses over one WebSocket channel. Every message's
payload references the framegen schema (its Frame, with the `type` fixed to the message's value),
so AsyncAPI tools show the same contract the code is generated from.
"""

from __future__ import annotations

import json
from typing import Any

from generator import ir

SCHEMA_FORMAT = "application/schema+json;version=draft-2020-12"
SERVICE_NAMES = {"worker": "Worker", "ws-proxy": "ws-proxy"}


def export(schema: ir.Schema, schema_ref: str, application: str = "worker") -> dict[str, Any]:
    """The AsyncAPI document; schema_ref is how the document refers to the schema file (a relative path)."""
    root = schema.struct(schema.root)
    discriminant = next(
        f for f in root.fields if f.type.kind == ir.Kind.ENUM and any(v.kind for v in schema.enum(f.type.ref).values)
    )
    values = schema.enum(discriminant.type.ref).values
    messages = {v.value: _message(v, schema_ref, schema.root, discriminant.wire_name) for v in values}
    channel_ref = {"$ref": "#/channels/sync"}
    operations: dict[str, Any] = {}
    for v in values:
        if v.kind == "response":
            continue  # a response is the reply of its request's operation
        action = "send" if v.sender == application else "receive"
        operation: dict[str, Any] = {
            "action": action,
            "channel": channel_ref,
            "summary": v.doc,
            "messages": [{"$ref": f"#/channels/sync/messages/{v.value}"}],
        }
        if v.response:
            operation["reply"] = {
                "channel": channel_ref,
                "messages": [{"$ref": f"#/channels/sync/messages/{v.response}"}],
            }
        operations[f"{action}_{v.value}"] = operation
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": f"{SERVICE_NAMES[application]}: {schema.root} sync protocol",
            "version": schema.version,
            "description": schema.doc,
        },
        "defaultContentType": "application/json",
        "channels": {
            "sync": {
                "address": None,
                "title": "The Worker ↔ ws-proxy WebSocket",
                "description": "One WebSocket carries every frame in both directions.",
                "messages": {name: {"$ref": f"#/components/messages/{name}"} for name in messages},
            }
        },
        "operations": operations,
        "components": {"messages": messages},
    }


def _message(v: ir.EnumValue, schema_ref: str, root: str, discriminant: str) -> dict[str, Any]:
    return {
        "name": v.value,
        "title": v.value,
        "summary": v.doc,
        "contentType": "application/json",
        "payload": {
            "schemaFormat": SCHEMA_FORMAT,
            "schema": {
                "allOf": [{"$ref": f"{schema_ref}#/$defs/{root}"}],
                "properties": {discriminant: {"const": v.value}},
                "required": [discriminant],
            },
        },
        "x-framegen-direction": f"{SERVICE_NAMES[v.sender]} -> {SERVICE_NAMES[v.receiver]}",
        "x-framegen-kind": v.kind,
    }


def render(schema: ir.Schema, schema_ref: str) -> str:
    return json.dumps(export(schema, schema_ref), indent=2, ensure_ascii=False) + "\n"
