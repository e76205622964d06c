"""AsyncAPI 3.0 export: the protocol as one party sees it, one message per message type.

The document describes one application (by default the first declared party; `--party` picks
another): it sends what that party sends (requests with a request/reply pair to their
responses) and receives what is sent to it, over one channel; messages between other parties are
not its operations and are left out. Every message's payload references the
framegen schema (its root struct, with the discriminant fixed to the message's value), so
AsyncAPI tools show the same contract the code is generated from.
"""

from __future__ import annotations

import json
from typing import Any

from generator import ir

SCHEMA_FORMAT = "application/schema+json;version=draft-2020-12"


def export(schema: ir.Schema, schema_ref: str, application: str = "") -> dict[str, Any]:
    """The AsyncAPI document; schema_ref is how the document refers to the schema file (a relative path)."""
    if schema.messages is None:
        raise ValueError("the schema has no message table (an enum field of the root with x-framegen-values)")
    application = application or schema.parties[0].name
    if application not in {p.name for p in schema.parties}:
        raise ValueError(f"{application!r} is not a party; parties: {', '.join(p.name for p in schema.parties)}")
    values = [v for v in schema.messages.values if application in (v.sender, v.receiver)]  # what it sees
    messages = {v.value: _message(schema, v, schema_ref) for v in values}
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
            "title": f"{schema.party(application).title}: {schema.root} protocol",
            "version": schema.version,
            "description": schema.doc,
        },
        "defaultContentType": "application/json",
        "channels": {
            "sync": {
                "address": None,
                "title": " ↔ ".join(p.title for p in schema.parties),
                "description": "One connection carries every message in both directions.",
                "messages": {name: {"$ref": f"#/components/messages/{name}"} for name in messages},
            }
        },
        "operations": operations,
        "components": {"messages": messages},
    }


def _message(schema: ir.Schema, v: ir.EnumValue, schema_ref: str) -> dict[str, Any]:
    root, discriminant = schema.root, schema.messages.field
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
        "x-framegen-direction": f"{schema.party(v.sender).title} -> {schema.party(v.receiver).title}",
        "x-framegen-kind": v.kind,
    }


def render(schema: ir.Schema, schema_ref: str, application: str = "") -> str:
    return json.dumps(export(schema, schema_ref, application), indent=2, ensure_ascii=False) + "\n"
