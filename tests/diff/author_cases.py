"""Write tests/diff/cases/<RULE_ID>/{before,after}.schema.json and expected.json, one folder per rule.

The expected findings are written here by hand, next to the change that should cause them; run
`python tests/diff/author_cases.py` after editing and review the folders like code.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path

CASES = Path(__file__).parent / "cases"

BASE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://example.invalid/mini/v1/mini.schema.json",
    "x-schema-version": "1.0.0",
    "description": "A small protocol to exercise one diff rule at a time.",
    "x-framegen-parties": [{"name": "worker", "title": "Worker"}, {"name": "ws-proxy", "title": "ws-proxy"}],
    "$ref": "#/$defs/Msg",
    "allOf": [
        {
            "x-framegen-rule": "type-required",
            "x-framegen-level": "error",
            "description": "a message has a type",
            "required": ["type"],
            "properties": {"type": {"minLength": 1}},
        }
    ],
    "$defs": {
        "MsgType": {
            "type": "string",
            "enum": ["update", "ask", "ask_resp"],
            "description": "what a message is",
            "x-framegen-values": {
                "update": {"kind": "push", "from": "ws-proxy", "to": "worker", "description": "a pushed update"},
                "ask": {
                    "kind": "request",
                    "from": "worker",
                    "to": "ws-proxy",
                    "response": "ask_resp",
                    "description": "a question",
                },
                "ask_resp": {"kind": "response", "from": "ws-proxy", "to": "worker", "description": "the answer"},
            },
        },
        "Msg": {
            "type": "object",
            "description": "one message",
            "required": ["type"],
            "x-framegen-order": ["id", "type", "name", "count", "when", "payload", "items"],
            "properties": {
                "id": {"type": "string", "description": "correlation id", "x-go-name": "ID"},
                "type": {
                    "anyOf": [{"$ref": "#/$defs/MsgType"}, {"const": ""}],
                    "x-framegen-rule": "type-known",
                    "description": "the message type",
                },
                "name": {"type": "string", "description": "a name"},
                "count": {"type": "integer", "description": "a count"},
                "when": {"type": "string", "format": "date-time", "description": "a time"},
                "payload": {
                    "type": "object",
                    "x-framegen-raw": True,
                    "x-framegen-rule": "payload-object",
                    "description": "raw JSON",
                },
                "items": {"type": "array", "items": {"$ref": "#/$defs/Msg"}, "description": "nested messages"},
            },
            "allOf": [
                {
                    "x-framegen-rule": "ask-id",
                    "x-framegen-level": "error",
                    "description": "an ask has an id",
                    "if": {"properties": {"type": {"const": "ask"}}},
                    "then": {"required": ["id"]},
                },
                {
                    "x-framegen-rule": "update-name",
                    "x-framegen-level": "error",
                    "description": "an update has a name",
                    "if": {"properties": {"type": {"const": "update"}}},
                    "then": {"required": ["name"]},
                },
            ],
        },
        "MsgLint": {
            "x-framegen-rules-for": "#/$defs/Msg",
            "properties": {"items": {"items": {"$ref": "#/$defs/MsgLint"}}},
            "allOf": [
                {
                    "x-framegen-rule": "update-count",
                    "x-framegen-level": "lint",
                    "description": "an update has a count",
                    "if": {"properties": {"type": {"const": "update"}}},
                    "then": {"required": ["count"]},
                }
            ],
        },
        "Note": {"type": "object", "description": "a side struct", "properties": {"text": {"type": "string"}}},
    },
}

NOT_ROLLABLE = "not rollable in one step"
BOTH = "Worker and ws-proxy"


def F(
    rule: str,
    severity: str,
    subject: str,
    *,
    readers: bool = False,
    writers: bool = False,
    api: bool = False,
    rollout: str = "either order",
    advice: str = "",
    bump: str,
) -> dict:
    return {
        "rule": rule,
        "severity": severity,
        "subject": subject,
        "breaks_old_readers": readers,
        "breaks_old_writers": writers,
        "api_break": api,
        "rollout": rollout,
        "advice": advice,
        "bump": bump,
    }


def msg(d: dict) -> dict:
    return d["$defs"]["Msg"]


def add_prop(d: dict, name: str, schema: dict) -> None:
    msg(d)["properties"][name] = schema
    msg(d)["x-framegen-order"].append(name)


def drop_prop(d: dict, name: str) -> None:
    del msg(d)["properties"][name]
    msg(d)["x-framegen-order"].remove(name)


def values(d: dict) -> dict:
    return d["$defs"]["MsgType"]["x-framegen-values"]


def rename_value(d: dict, old: str, new: str) -> None:
    enum = d["$defs"]["MsgType"]["enum"]
    enum[enum.index(old)] = new
    values(d)[new] = values(d).pop(old)
    for rule in msg(d)["allOf"] + d["$defs"]["MsgLint"]["allOf"]:
        condition = rule.get("if", {}).get("properties", {}).get("type", {})
        if condition.get("const") == old:
            condition["const"] = new


def kind_rules(d: dict) -> None:
    """ask-id becomes the rule of every request, and answer-id that of every response."""
    msg(d)["allOf"][0]["x-framegen-for-kind"] = "request"
    msg(d)["allOf"].append(
        {
            "x-framegen-rule": "answer-id",
            "x-framegen-level": "error",
            "x-framegen-for-kind": "response",
            "description": "an answer echoes the id",
            "if": {"properties": {"type": {"enum": ["ask_resp"]}}},
            "then": {"required": ["id"]},
        }
    )


def add_pair(d: dict) -> None:
    """A new request/response pair, added to its kinds' rules, with a rule of its own."""
    d["$defs"]["MsgType"]["enum"] += ["tell", "tell_resp"]
    values(d).update(
        {
            "tell": {
                "kind": "request",
                "from": "worker",
                "to": "ws-proxy",
                "response": "tell_resp",
                "description": "t",
            },
            "tell_resp": {"kind": "response", "from": "ws-proxy", "to": "worker", "description": "told"},
        }
    )
    msg(d)["allOf"][0]["if"]["properties"]["type"] = {"enum": ["ask", "tell"]}
    msg(d)["allOf"][2]["if"]["properties"]["type"]["enum"].append("tell_resp")
    msg(d)["allOf"].append(
        {
            "x-framegen-rule": "tell-name",
            "x-framegen-level": "error",
            "description": "a tell has a name",
            "if": {"properties": {"type": {"const": "tell"}}},
            "then": {"required": ["name"]},
        }
    )


def role_field(d: dict) -> None:
    """An enum field no rule ties to a message type: both services may send and read it."""
    d["$defs"]["Role"] = {"type": "string", "enum": ["admin", "member"], "description": "a role"}
    add_prop(d, "role", {"anyOf": [{"$ref": "#/$defs/Role"}, {"const": ""}], "x-framegen-rule": "role-known"})


def add_ping(d: dict) -> None:
    d["$defs"]["MsgType"]["enum"].append("ping")
    values(d).update({"ping": {"kind": "push", "from": "ws-proxy", "to": "worker", "description": "a ping"}})


FAILURE = {"name": "AskError", "success": "ok", "message": "error", "status": "status", "description": "a failed ask"}


def failure_fields(d: dict) -> None:
    """The outcome fields of an answer: ok, error and status."""
    add_prop(d, "ok", {"type": "boolean", "description": "true on success"})
    add_prop(d, "error", {"type": "string", "description": "why it failed"})
    add_prop(d, "status", {"type": "integer", "description": "the failure's status"})


def failure_model(d: dict) -> None:
    failure_fields(d)
    msg(d)["x-framegen-failure"] = dict(FAILURE)


def rename_status(d: dict) -> None:
    """The status field renamed on the wire (status -> code), and the failure model following it."""
    drop_prop(d, "status")
    add_prop(d, "code", {"type": "integer", "description": "the failure's status"})
    msg(d)["x-framegen-failure"]["status"] = "code"


CASE_LIST: list[tuple[str, Callable[[dict], None] | None, list[dict]]] = [
    (
        "SCHEMA_ID_CHANGED",
        lambda d: d.update({"$id": "https://example.invalid/mini2/v1/mini.schema.json"}),
        [F("SCHEMA_ID_CHANGED", "info", "$id", bump="none")],
    ),
    (
        "SCHEMA_VERSION_CHANGED",
        lambda d: d.update({"x-schema-version": "1.0.1"}),
        [F("SCHEMA_VERSION_CHANGED", "info", "x-schema-version", bump="none")],
    ),
    (
        "ROOT_CHANGED",
        lambda d: (d.update({"$ref": "#/$defs/Note"}), d.pop("allOf")),
        [
            F(
                "ROOT_CHANGED",
                "breaking",
                "$ref",
                readers=True,
                writers=True,
                api=True,
                rollout=NOT_ROLLABLE,
                advice="publish the new top-level message under a new $id next to the old one, move both services "
                "to it, then retire the old one",
                bump="major",
            ),
            # Note has no message types, so no service is known to read it: receivers in general go first.
            F(
                "RULE_REMOVED",
                "breaking",
                "rule type-required",
                readers=True,
                rollout="deploy receivers first",
                bump="major",
            ),
        ],
    ),
    (
        "PACKAGE_DOC_CHANGED",
        lambda d: d.update({"description": "Reworded."}),
        [F("PACKAGE_DOC_CHANGED", "info", "package", bump="patch")],
    ),
    (
        "STRUCT_ADDED",
        lambda d: d["$defs"].update({"Extra": {"type": "object", "properties": {"x": {"type": "string"}}}}),
        [F("STRUCT_ADDED", "info", "Extra", bump="minor")],
    ),
    (
        "STRUCT_REMOVED",
        lambda d: d["$defs"].pop("Note"),
        [F("STRUCT_REMOVED", "breaking", "Note", api=True, bump="major")],
    ),
    (
        "ENUM_ADDED",
        lambda d: d["$defs"].update({"Color": {"type": "string", "enum": ["red"]}}),
        [F("ENUM_ADDED", "info", "Color", bump="minor")],
    ),
    ("ENUM_REMOVED", None, [F("ENUM_REMOVED", "breaking", "Color", api=True, bump="major")]),
    (
        "FIELD_ADDED",
        lambda d: add_prop(d, "extra", {"type": "string"}),
        [F("FIELD_ADDED", "info", "Msg.extra", bump="minor")],
    ),
    (
        # always encoded: Go and framegen readers of either version are fine, a JSON Schema validator is not
        "REQUIRED_FIELD_ADDED",
        lambda d: (add_prop(d, "seq", {"type": "integer"}), msg(d)["required"].append("seq")),
        [F("REQUIRED_FIELD_ADDED", "warning", "Msg.seq", bump="minor")],
    ),
    (
        "FIELD_ADDED_ENUM",
        lambda d: (
            d["$defs"].update({"Role": {"type": "string", "enum": ["admin", "member"], "description": "a role"}}),
            add_prop(
                d,
                "role",
                {
                    "anyOf": [{"$ref": "#/$defs/Role"}, {"const": ""}],
                    "x-framegen-rule": "role-known",
                    "description": "the role granted",
                },
            ),
        ),
        # the membership rule constrains only role, which no old writer sends
        [
            F("ENUM_ADDED", "info", "Role", bump="minor"),
            F("FIELD_ADDED", "info", "Msg.role", bump="minor"),
            F("RULE_ADDED", "info", "rule role-known", bump="minor"),
        ],
    ),
    (
        "RULE_ADDED_BOUND_ON_NEW_FIELD",
        lambda d: add_prop(d, "limit", {"type": "integer", "minimum": 1, "x-framegen-rule": "limit-range"}),
        [
            F("FIELD_ADDED", "info", "Msg.limit", bump="minor"),
            F("RULE_ADDED", "info", "rule limit-range", bump="minor"),
        ],
    ),
    (
        "RULE_ADDED_REQUIRES_NEW_FIELD",
        lambda d: (
            add_prop(d, "tag", {"type": "string"}),
            msg(d)["allOf"].append(
                {
                    "x-framegen-rule": "update-tag",
                    "x-framegen-level": "error",
                    "description": "an update has a tag",
                    "if": {"properties": {"type": {"const": "update"}}},
                    "then": {"required": ["tag"]},
                }
            ),
        ),
        # the field is new but update is not: an old ws-proxy sends updates without it
        [
            F("FIELD_ADDED", "info", "Msg.tag", bump="minor"),
            F("RULE_ADDED", "breaking", "rule update-tag", writers=True, rollout="deploy ws-proxy first", bump="major"),
        ],
    ),
    (
        "FIELD_REMOVED",
        lambda d: drop_prop(d, "when"),
        # no rule ties `when` to a type: both services may read it, so each must stop reading it first
        [
            F(
                "FIELD_REMOVED",
                "breaking",
                "Msg.when",
                readers=True,
                api=True,
                rollout=NOT_ROLLABLE,
                advice="first stop reading Msg.when in Worker and ws-proxy, in a release still on the old schema; "
                "then deploy this schema",
                bump="major",
            )
        ],
    ),
    (
        "FIELD_REMOVED_DIRECTIONAL",
        lambda d: (drop_prop(d, "count"), d["$defs"]["MsgLint"].pop("allOf")),
        [
            F(
                "FIELD_REMOVED",
                "breaking",
                "Msg.count",
                readers=True,
                api=True,
                rollout="deploy Worker first",
                bump="major",
            ),
            F("RULE_REMOVED", "info", "rule update-count", bump="patch"),
        ],
    ),
    (
        "FIELD_RENAMED",
        lambda d: (
            drop_prop(d, "name"),
            add_prop(d, "Name", {"type": "string", "description": "a name"}),
            msg(d)["allOf"][1]["then"].update({"required": ["Name"]}),
        ),
        [
            F("FIELD_RENAMED", "warning", "Msg.name", api=True, bump="minor"),
            F("FIELD_ORDER_CHANGED", "warning", "Msg", bump="minor"),
            # update-name follows the renamed field: the same rule, so no finding of its own
        ],
    ),
    (
        "FIELD_TYPE_CHANGED",
        lambda d: msg(d)["properties"]["count"].update({"type": "string"}),
        [
            F(
                "FIELD_TYPE_CHANGED",
                "breaking",
                "Msg.count",
                readers=True,
                writers=True,
                api=True,
                rollout=NOT_ROLLABLE,
                advice="add a field of the new type next to Msg.count (a minor version); once the senders (ws-proxy) "
                "send both and the receivers (Worker) read the new one, remove Msg.count (a major version)",
                bump="major",
            )
        ],
    ),
    (
        "FIELD_RAW_CHANGED",
        lambda d: msg(d)["properties"].update({"payload": {"type": "string", "description": "raw JSON"}}),
        [
            F(
                "FIELD_RAW_CHANGED",
                "breaking",
                "Msg.payload",
                readers=True,
                writers=True,
                api=True,
                rollout=NOT_ROLLABLE,
                advice=f"add a field of the new type next to Msg.payload (a minor version); once the senders ({BOTH}) "
                f"send both and the receivers ({BOTH}) read the new one, remove Msg.payload (a major version)",
                bump="major",
            ),
            F(
                "RULE_REMOVED",
                "breaking",
                "rule payload-object",
                readers=True,
                rollout=NOT_ROLLABLE,
                advice="deploy this schema, but start sending what rule payload-object allows only once Worker and "
                "ws-proxy all run this schema",
                bump="major",
            ),
        ],
    ),
    (
        "FIELD_ITEMS_CHANGED",
        lambda d: (
            msg(d)["properties"]["items"]["items"].update({"$ref": "#/$defs/Note"}),
            d["$defs"]["MsgLint"].pop("properties"),
        ),
        [
            F(
                "FIELD_ITEMS_CHANGED",
                "breaking",
                "Msg.items",
                readers=True,
                writers=True,
                api=True,
                rollout=NOT_ROLLABLE,
                advice=f"add a field of the new type next to Msg.items (a minor version); once the senders ({BOTH}) "
                f"send both and the receivers ({BOTH}) read the new one, remove Msg.items (a major version)",
                bump="major",
            )
        ],
    ),
    (
        "FIELD_ALWAYS_ENCODED",
        lambda d: msg(d)["required"].append("when"),
        [F("FIELD_ALWAYS_ENCODED", "warning", "Msg.when", bump="minor")],
    ),
    ("FIELD_OMITEMPTY_ADDED", None, [F("FIELD_OMITEMPTY_ADDED", "warning", "Msg.when", bump="minor")]),
    (
        "FIELD_ORDER_CHANGED",
        lambda d: msg(d).update({"x-framegen-order": ["type", "id", "name", "count", "when", "payload", "items"]}),
        [F("FIELD_ORDER_CHANGED", "warning", "Msg", bump="minor")],
    ),
    (
        "FIELD_GO_NAME_CHANGED",
        lambda d: msg(d)["properties"]["id"].update({"x-go-name": "Id"}),
        [F("FIELD_GO_NAME_CHANGED", "breaking", "Msg.id", api=True, bump="major")],
    ),
    (
        "FIELD_GO_TYPE_CHANGED",
        lambda d: msg(d)["properties"]["count"].update({"x-go-type": "int64"}),
        [F("FIELD_GO_TYPE_CHANGED", "breaking", "Msg.count", api=True, bump="major")],
    ),
    (
        "FIELD_PYTHON_NAME_CHANGED",
        lambda d: msg(d)["properties"]["name"].update({"x-python-name": "title"}),
        [F("FIELD_PYTHON_NAME_CHANGED", "breaking", "Msg.name", api=True, bump="major")],
    ),
    (
        "FIELD_DESCRIPTION_CHANGED",
        lambda d: msg(d)["properties"]["name"].update({"description": "the name"}),
        [F("FIELD_DESCRIPTION_CHANGED", "info", "Msg.name", bump="patch")],
    ),
    (
        "FIELD_FORMAT_CHANGED",
        lambda d: msg(d)["properties"]["when"].pop("format"),
        [F("FIELD_FORMAT_CHANGED", "info", "Msg.when", bump="patch")],
    ),
    (
        "FIELD_DEPRECATED",
        lambda d: msg(d)["properties"]["when"].update({"deprecated": True}),
        [F("FIELD_DEPRECATED", "info", "Msg.when", bump="minor")],
    ),
    (
        "ENUM_VALUE_ADDED",
        lambda d: (
            d["$defs"]["MsgType"]["enum"].append("ping"),
            values(d).update({"ping": {"kind": "push", "from": "ws-proxy", "to": "worker", "description": "a ping"}}),
        ),
        [F("ENUM_VALUE_ADDED", "warning", "MsgType.ping", readers=True, rollout="deploy Worker first", bump="minor")],
    ),
    (
        "ENUM_VALUE_ADDED_PAIR",
        add_pair,
        # the Worker sends tell only to a ws-proxy that knows it, and tell_resp only answers a tell; the kind
        # rules (ask-id, answer-id) grow with the pair and are not reported on their own
        [
            F(
                "ENUM_VALUE_ADDED",
                "warning",
                "MsgType.tell",
                readers=True,
                rollout="deploy ws-proxy first",
                bump="minor",
            ),
            F("ENUM_VALUE_ADDED", "info", "MsgType.tell_resp", bump="minor"),
            F("RULE_ADDED", "info", "rule tell-name", bump="minor"),
        ],
    ),
    (
        "ENUM_VALUE_ADDED_FIELD_ENUM",
        lambda d: d["$defs"]["Role"]["enum"].append("owner"),
        # old receivers reject role "owner" (role-known), and both services receive role: deploy this schema
        # everywhere before either one sends it
        [
            F(
                "ENUM_VALUE_ADDED",
                "warning",
                "Role.owner",
                readers=True,
                rollout=NOT_ROLLABLE,
                advice="deploy this schema, but start sending Role.owner only once Worker and ws-proxy all run this "
                "schema",
                bump="minor",
            )
        ],
    ),
    (
        "RULE_RESCOPED",
        lambda d: (add_ping(d), msg(d)["allOf"][1]["if"]["properties"].update({"type": {"enum": ["update", "ping"]}})),
        [
            F("ENUM_VALUE_ADDED", "warning", "MsgType.ping", readers=True, rollout="deploy Worker first", bump="minor"),
            F("RULE_RESCOPED", "info", "rule update-name", bump="minor"),
        ],
    ),
    (
        "RULE_RESCOPED_NEW_FIELD",
        lambda d: (
            add_prop(d, "tag", {"type": "string"}),
            msg(d)["allOf"][1]["then"].update({"properties": {"tag": {"pattern": "^[a-z]+$"}}}),
        ),
        [
            F("FIELD_ADDED", "info", "Msg.tag", bump="minor"),
            F("RULE_RESCOPED", "info", "rule update-name", bump="minor"),
        ],
    ),
    (
        "ENUM_VALUE_REMOVED",
        lambda d: (
            d["$defs"]["MsgType"]["enum"].remove("update"),
            values(d).pop("update"),
            msg(d)["allOf"].pop(1),
            d["$defs"]["MsgLint"].pop("allOf"),
        ),
        [
            F(
                "ENUM_VALUE_REMOVED",
                "breaking",
                "MsgType.update",
                writers=True,
                api=True,
                rollout="deploy ws-proxy first",
                bump="major",
            ),
            # both rules applied only to update, removed with it: nothing a new writer sends is affected
            F("RULE_REMOVED", "info", "rule update-name", bump="patch"),
            F("RULE_REMOVED", "info", "rule update-count", bump="patch"),
        ],
    ),
    (
        "ENUM_VALUE_RENAMED",
        lambda d: rename_value(d, "update", "changed"),
        [
            F(
                "ENUM_VALUE_RENAMED",
                "breaking",
                "MsgType.update",
                readers=True,
                writers=True,
                api=True,
                rollout=NOT_ROLLABLE,
                advice="add the new value next to MsgType.update (a minor version); once its receivers (Worker) "
                "accept it, move its senders (ws-proxy) to it; then remove MsgType.update (a major version)",
                bump="major",
            ),
            # the rules follow the renamed type: only the type's own finding breaks
            F("RULE_RESCOPED", "info", "rule update-name", bump="minor"),
            F("RULE_RESCOPED", "info", "rule update-count", bump="minor"),
        ],
    ),
    (
        "ENUM_VALUE_DIRECTION_CHANGED",
        lambda d: values(d)["update"].update({"from": "worker", "to": "ws-proxy"}),
        [
            F(
                "ENUM_VALUE_DIRECTION_CHANGED",
                "breaking",
                "MsgType.update",
                readers=True,
                writers=True,
                rollout=NOT_ROLLABLE,
                advice="add a new frame type for the new direction or kind next to MsgType.update (a minor version), "
                "move both services to it, then remove MsgType.update (a major version)",
                bump="major",
            )
        ],
    ),
    (
        "ENUM_VALUE_RESPONSE_CHANGED",
        lambda d: (
            d["$defs"]["MsgType"]["enum"].append("ask_done"),
            values(d).update(
                {"ask_done": {"kind": "response", "from": "ws-proxy", "to": "worker", "description": "done"}}
            ),
            values(d)["ask"].update({"response": "ask_done"}),
        ),
        [
            F(
                "ENUM_VALUE_RESPONSE_CHANGED",
                "breaking",
                "MsgType.ask",
                readers=True,
                writers=True,
                rollout=NOT_ROLLABLE,
                advice="add a new request type that expects the new response next to MsgType.ask (a minor version), "
                "move its senders to it, then remove MsgType.ask (a major version)",
                bump="major",
            ),
            F(
                "ENUM_VALUE_ADDED",
                "warning",
                "MsgType.ask_done",
                readers=True,
                rollout="deploy Worker first",
                bump="minor",
            ),
        ],
    ),
    (
        "ENUM_VALUE_DESCRIPTION_CHANGED",
        lambda d: values(d)["ask"].update({"description": "a better question"}),
        [F("ENUM_VALUE_DESCRIPTION_CHANGED", "info", "MsgType.ask", bump="patch")],
    ),
    (
        "ENUM_VALUE_GO_NAME_CHANGED",
        lambda d: values(d)["ask"].update({"x-go-name": "MsgQuestion"}),
        [F("ENUM_VALUE_GO_NAME_CHANGED", "breaking", "MsgType.ask", api=True, bump="major")],
    ),
    (
        "ENUM_VALUE_PYTHON_NAME_CHANGED",
        lambda d: values(d)["ask"].update({"x-python-name": "QUESTION"}),
        [F("ENUM_VALUE_PYTHON_NAME_CHANGED", "breaking", "MsgType.ask", api=True, bump="major")],
    ),
    (
        "STRUCT_DESCRIPTION_CHANGED",
        lambda d: d["$defs"]["Note"].update({"description": "Note is a side struct."}),
        [F("STRUCT_DESCRIPTION_CHANGED", "info", "Note", bump="patch")],
    ),
    (
        "ENUM_DESCRIPTION_CHANGED",
        lambda d: d["$defs"]["MsgType"].update({"description": "MsgType says what a message is."}),
        [F("ENUM_DESCRIPTION_CHANGED", "info", "MsgType", bump="patch")],
    ),
    (
        # the wire is the same; every use of the generated type's name breaks
        "STRUCT_GO_NAME_CHANGED",
        lambda d: d["$defs"]["Note"].update({"x-go-name": "Remark"}),
        [F("STRUCT_GO_NAME_CHANGED", "breaking", "Note", api=True, bump="major")],
    ),
    (
        "STRUCT_PYTHON_NAME_CHANGED",
        lambda d: d["$defs"]["Note"].update({"x-python-name": "Remark"}),
        [F("STRUCT_PYTHON_NAME_CHANGED", "breaking", "Note", api=True, bump="major")],
    ),
    (
        "ENUM_GO_NAME_CHANGED",
        lambda d: d["$defs"]["MsgType"].update({"x-go-name": "Kind"}),
        [F("ENUM_GO_NAME_CHANGED", "breaking", "MsgType", api=True, bump="major")],
    ),
    (
        "ENUM_PYTHON_NAME_CHANGED",
        lambda d: d["$defs"]["MsgType"].update({"x-python-name": "Kind"}),
        [F("ENUM_PYTHON_NAME_CHANGED", "breaking", "MsgType", api=True, bump="major")],
    ),
    (
        # MsgTypeAsk becomes KindAsk: every constant is renamed
        "ENUM_GO_CONST_PREFIX_CHANGED",
        lambda d: d["$defs"]["MsgType"].update({"x-go-const-prefix": "Kind"}),
        [F("ENUM_GO_CONST_PREFIX_CHANGED", "breaking", "MsgType", api=True, bump="major")],
    ),
    (
        "ENUM_VALUE_DEPRECATED",
        lambda d: values(d)["update"].update({"deprecated": True}),
        [F("ENUM_VALUE_DEPRECATED", "info", "MsgType.update", bump="minor")],
    ),
    (
        "RULE_ADDED",
        lambda d: msg(d)["allOf"].append(
            {
                "x-framegen-rule": "ask-name",
                "x-framegen-level": "error",
                "description": "an ask has a name",
                "if": {"properties": {"type": {"const": "ask"}}},
                "then": {"required": ["name"]},
            }
        ),
        [F("RULE_ADDED", "breaking", "rule ask-name", writers=True, rollout="deploy Worker first", bump="major")],
    ),
    (
        "RULE_ADDED_LINT",
        lambda d: d["$defs"]["MsgLint"]["allOf"].append(
            {
                "x-framegen-rule": "ask-name",
                "x-framegen-level": "lint",
                "description": "an ask has a name",
                "if": {"properties": {"type": {"const": "ask"}}},
                "then": {"required": ["name"]},
            }
        ),
        [F("RULE_ADDED", "info", "rule ask-name", bump="minor")],
    ),
    (
        "RULE_REMOVED",
        lambda d: msg(d)["allOf"].pop(0),
        [F("RULE_REMOVED", "breaking", "rule ask-id", readers=True, rollout="deploy ws-proxy first", bump="major")],
    ),
    (
        "RULE_TIGHTENED",
        lambda d: msg(d)["allOf"][1]["then"].update({"required": ["name", "count"]}),
        [
            F(
                "RULE_TIGHTENED",
                "breaking",
                "rule update-name",
                writers=True,
                rollout="deploy ws-proxy first",
                bump="major",
            )
        ],
    ),
    (
        "RULE_TIGHTENED_RANGE",
        lambda d: (
            msg(d)["properties"]["count"].update({"minimum": 0, "x-framegen-rule": "count-range"})
            or msg(d)["allOf"].append(
                {
                    "x-framegen-rule": "count-small",
                    "x-framegen-level": "error",
                    "description": "counts are small",
                    "properties": {"count": {"maximum": 10}},
                }
            )
        ),
        [
            F(
                "RULE_ADDED",
                "breaking",
                "rule count-range",
                writers=True,
                rollout="deploy ws-proxy first",
                bump="major",
            ),
            F(
                "RULE_ADDED",
                "breaking",
                "rule count-small",
                writers=True,
                rollout="deploy ws-proxy first",
                bump="major",
            ),
        ],
    ),
    (
        "RULE_LOOSENED",
        lambda d: (
            msg(d)["allOf"][1].update({"then": {"anyOf": [{"required": ["name"]}]}})
            or msg(d)["allOf"][0].update({"if": {"properties": {"type": {"enum": []}}}})
        ),
        [
            F(
                "RULE_CHANGED",
                "breaking",
                "rule update-name",
                readers=True,
                writers=True,
                rollout=NOT_ROLLABLE,
                advice="ship rule update-name as two versions: first one that accepts both the old and the new form "
                "(receivers, Worker, deploy first), then one that drops the old form (senders, ws-proxy, deploy first)",
                bump="major",
            ),
            F("RULE_LOOSENED", "breaking", "rule ask-id", readers=True, rollout="deploy ws-proxy first", bump="major"),
        ],
    ),
    (
        "RULE_CHANGED",
        lambda d: msg(d)["allOf"][1]["then"].update({"required": ["count"]}),
        [
            F(
                "RULE_CHANGED",
                "breaking",
                "rule update-name",
                readers=True,
                writers=True,
                rollout=NOT_ROLLABLE,
                advice="ship rule update-name as two versions: first one that accepts both the old and the new form "
                "(receivers, Worker, deploy first), then one that drops the old form (senders, ws-proxy, deploy first)",
                bump="major",
            )
        ],
    ),
    (
        "RULE_LEVEL_RAISED",
        lambda d: (
            d["$defs"]["MsgLint"].pop("allOf"),
            msg(d)["allOf"].append(
                {
                    "x-framegen-rule": "update-count",
                    "x-framegen-level": "error",
                    "description": "an update has a count",
                    "if": {"properties": {"type": {"const": "update"}}},
                    "then": {"required": ["count"]},
                }
            ),
        ),
        [
            F(
                "RULE_LEVEL_RAISED",
                "breaking",
                "rule update-count",
                writers=True,
                rollout="deploy ws-proxy first",
                bump="major",
            )
        ],
    ),
    (
        "RULE_LEVEL_LOWERED",
        lambda d: d["$defs"]["MsgLint"]["allOf"].append({**msg(d)["allOf"].pop(1), "x-framegen-level": "lint"}),
        [
            F(
                "RULE_LEVEL_LOWERED",
                "breaking",
                "rule update-name",
                readers=True,
                rollout="deploy Worker first",
                bump="major",
            )
        ],
    ),
    (
        "FAILURE_MODEL_ADDED",
        lambda d: msg(d).update({"x-framegen-failure": dict(FAILURE)}),
        # new generated API only; the answers it concerns go from ws-proxy to Worker
        [F("FAILURE_MODEL_ADDED", "info", "x-framegen-failure", bump="minor")],
    ),
    (
        "FAILURE_MODEL_REMOVED",
        None,
        [F("FAILURE_MODEL_REMOVED", "breaking", "x-framegen-failure", api=True, bump="major")],
    ),
    (
        "FAILURE_MODEL_CHANGED",
        rename_status,
        [
            # the generated helpers read another field: code relying on them breaks, the wire does not
            F("FAILURE_MODEL_CHANGED", "breaking", "x-framegen-failure", api=True, bump="major"),
            # the wire change itself: no rule ties status to a type, so both services may read it
            F(
                "FIELD_REMOVED",
                "breaking",
                "Msg.status",
                readers=True,
                api=True,
                rollout=NOT_ROLLABLE,
                advice="first stop reading Msg.status in Worker and ws-proxy, in a release still on the old "
                "schema; then deploy this schema",
                bump="major",
            ),
            F("FIELD_ADDED", "info", "Msg.code", bump="minor"),
        ],
    ),
    (
        "FAILURE_MODEL_CHANGED_NAME",
        lambda d: msg(d)["x-framegen-failure"].update({"name": "AskFailed"}),
        [F("FAILURE_MODEL_CHANGED", "breaking", "x-framegen-failure", api=True, bump="major")],
    ),
    (
        "FAILURE_MODEL_DESCRIPTION_CHANGED",
        lambda d: msg(d)["x-framegen-failure"].update({"description": "an ask the ws-proxy refused"}),
        [F("FAILURE_MODEL_DESCRIPTION_CHANGED", "info", "x-framegen-failure", bump="patch")],
    ),
    (
        "RULE_MESSAGE_CHANGED",
        lambda d: msg(d)["allOf"][0].update({"description": "asks carry an id"}),
        [F("RULE_MESSAGE_CHANGED", "info", "rule ask-id", bump="patch")],
    ),
]


# ---- a second base with every kind of value: numbers, lists, maps, enums held by fields and lists, a nested
# struct held by two fields and by itself (Quota), and a struct a raw field's content may be declared as (Config).
# update-quota ties quota and quotas to update (ws-proxy -> Worker), so Quota's fields are read by the Worker;
# the other fields are tied to no type, so both services may send and read them.

TYPED = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://example.invalid/typed/v1/typed.schema.json",
    "x-schema-version": "1.0.0",
    "description": "A small protocol with a field of every kind, to exercise the diff on each.",
    "x-framegen-parties": [{"name": "worker", "title": "Worker"}, {"name": "ws-proxy", "title": "ws-proxy"}],
    "$ref": "#/$defs/Msg",
    "$defs": {
        "MsgType": copy.deepcopy(BASE["$defs"]["MsgType"]),
        "Role": {"type": "string", "enum": ["admin", "member"], "description": "a role"},
        "Tier": {"type": "string", "enum": ["free", "paid"], "description": "a quota tier"},
        "Quota": {
            "type": "object",
            "description": "a rate limit: held by quota and quotas, and by itself (parts)",
            "x-framegen-order": ["requests", "windowSeconds", "burst", "tier", "parts"],
            "required": ["requests"],
            "properties": {
                "requests": {"type": "integer", "format": "int64", "description": "requests per window"},
                "windowSeconds": {"type": "integer", "format": "int32", "description": "the window"},
                "burst": {"type": "number", "description": "burst factor"},
                "tier": {"anyOf": [{"$ref": "#/$defs/Tier"}, {"const": ""}], "x-framegen-rule": "tier-known"},
                "parts": {"type": "array", "items": {"$ref": "#/$defs/Quota"}, "description": "sub-quotas"},
            },
            "allOf": [
                {
                    "x-framegen-rule": "quota-window",
                    "x-framegen-level": "error",
                    "description": "a window is at least a second",
                    "properties": {"windowSeconds": {"minimum": 1}},
                }
            ],
        },
        "Config": {
            "type": "object",
            "description": "what a payload may hold",
            "x-framegen-order": ["host", "port"],
            "required": ["host"],
            "properties": {"host": {"type": "string"}, "port": {"type": "integer"}},
        },
        "Msg": {
            "type": "object",
            "description": "one message",
            "required": ["type", "scopes"],
            "x-framegen-order": [
                "id",
                "type",
                "name",
                "note",
                "size",
                "count",
                "ratio",
                "tags",
                "scopes",
                "counts",
                "labels",
                "role",
                "roles",
                "quota",
                "quotas",
                "payload",
                "at",
            ],
            "properties": {
                "id": {"type": "string", "description": "correlation id", "x-go-name": "ID"},
                "type": {
                    "anyOf": [{"$ref": "#/$defs/MsgType"}, {"const": ""}],
                    "x-framegen-rule": "type-known",
                    "description": "the message type",
                },
                "name": {"type": "string", "description": "a name"},
                "note": {"type": "string", "description": "a note"},
                "size": {"type": "integer", "format": "int32", "description": "a 32-bit size"},
                "count": {"type": "integer", "description": "a Go int"},
                "ratio": {"type": "number", "description": "a ratio"},
                "tags": {"type": "array", "items": {"type": "string"}, "description": "strings, omitted when empty"},
                "scopes": {
                    "type": ["array", "null"],
                    "items": {"type": "string"},
                    "description": "strings, always written (null when nil)",
                },
                "counts": {"type": "array", "items": {"type": "integer", "format": "int32"}, "description": "ints"},
                "labels": {"type": "object", "additionalProperties": {"type": "string"}, "description": "a map"},
                "role": {"anyOf": [{"$ref": "#/$defs/Role"}, {"const": ""}], "x-framegen-rule": "role-known"},
                "roles": {"type": "array", "items": {"$ref": "#/$defs/Role"}, "x-framegen-rule": "roles-known"},
                "quota": {"$ref": "#/$defs/Quota", "description": "optional: a pointer"},
                "quotas": {"type": "array", "items": {"$ref": "#/$defs/Quota"}, "description": "quotas"},
                "payload": {"x-framegen-raw": True, "description": "raw JSON"},
                "at": {"type": "string", "description": "a time"},
            },
            "allOf": [
                {
                    "x-framegen-rule": "ask-id",
                    "x-framegen-level": "error",
                    "description": "an ask has an id",
                    "if": {"properties": {"type": {"const": "ask"}}},
                    "then": {"required": ["id"]},
                },
                {
                    "x-framegen-rule": "update-name",
                    "x-framegen-level": "error",
                    "description": "an update has a name",
                    "if": {"properties": {"type": {"const": "update"}}},
                    "then": {"required": ["name"]},
                },
                {
                    "x-framegen-rule": "update-quota",
                    "x-framegen-level": "error",
                    "description": "an update has a quota and at most 4 more",
                    "if": {"properties": {"type": {"const": "update"}}},
                    "then": {"required": ["quota"], "properties": {"quotas": {"maxItems": 4}}},
                },
                {
                    "x-framegen-rule": "name-length",
                    "x-framegen-level": "error",
                    "description": "a name has 1 to 16 characters",
                    "properties": {"name": {"minLength": 1, "maxLength": 16}},
                },
                {
                    "x-framegen-rule": "ratio-range",
                    "x-framegen-level": "error",
                    "description": "a ratio lies in (0, 1]",
                    "properties": {"ratio": {"exclusiveMinimum": 0, "maximum": 1}},
                },
                {
                    "x-framegen-rule": "tags-bounded",
                    "x-framegen-level": "error",
                    "description": "at most 4 tags, none empty",
                    "properties": {"tags": {"maxItems": 4, "items": {"minLength": 1}}},
                },
                {
                    "x-framegen-rule": "scopes-bounded",
                    "x-framegen-level": "error",
                    "description": "at most 8 scopes",
                    "properties": {"scopes": {"maxItems": 8}},
                },
                {
                    "x-framegen-rule": "at-set",
                    "x-framegen-level": "error",
                    "description": "a time starts with its year",
                    "properties": {"at": {"pattern": "^[0-9]{4}"}},
                },
            ],
        },
    },
}


def tmsg(d: dict) -> dict:
    return d["$defs"]["Msg"]


def tprop(d: dict, name: str) -> dict:
    return tmsg(d)["properties"][name]


def quota(d: dict) -> dict:
    return d["$defs"]["Quota"]


def trule(d: dict, rule_id: str) -> dict:
    return next(r for r in tmsg(d)["allOf"] if r["x-framegen-rule"] == rule_id)


def content_rule(level: str, struct: str = "Config") -> dict:
    return {
        "x-framegen-rule": "payload-config",
        "x-framegen-level": level,
        "description": "an update's payload is a Config",
        "if": {"properties": {"type": {"const": "update"}}},
        "then": {"properties": {"payload": {"$ref": f"#/$defs/{struct}"}}},
    }


def add_lint_set(d: dict, rule_: dict) -> None:
    d["$defs"]["MsgLint"] = {"x-framegen-rules-for": "#/$defs/Msg", "allOf": [rule_]}


def typed_content(d: dict) -> None:
    tmsg(d)["allOf"].append(content_rule("error"))


def name_values(d: dict) -> None:
    tmsg(d)["allOf"].append(
        {
            "x-framegen-rule": "name-values",
            "x-framegen-level": "error",
            "description": "a name is one of a few",
            "properties": {"name": {"enum": ["a", "b"]}},
        }
    )


def add_tprop(d: dict, name: str, schema: dict) -> None:
    tmsg(d)["properties"][name] = schema
    tmsg(d)["x-framegen-order"].append(name)


AFTER_ALL = "deploy this schema, but start sending {what} only once Worker and ws-proxy all run this schema"
BEFORE_ALL = "first {what}; then deploy this schema"


def retype(subject: str, senders: str = BOTH, receivers: str = BOTH) -> str:
    return (
        f"add a field of the new type next to {subject} (a minor version); once the senders ({senders}) send both "
        f"and the receivers ({receivers}) read the new one, remove {subject} (a major version)"
    )


def wider(subject: str) -> str:
    return AFTER_ALL.format(what=f"values of {subject} that its old type could not hold")


def requires(rule_id: str) -> str:
    return BEFORE_ALL.format(
        what=f"make Worker and ws-proxy send what rule {rule_id} requires, in a release still on the old schema"
    )


TYPED_CASES: list[tuple[str, Callable[[dict], None] | None, list[dict]]] = [
    (
        # Quota is held by quota and quotas (both tied to update) and by itself: one finding, read by the Worker
        "FIELD_WIDENED",
        lambda d: quota(d)["properties"]["windowSeconds"].update({"format": "int64"}),
        [
            F(
                "FIELD_WIDENED",
                "breaking",
                "Quota.windowSeconds",
                readers=True,
                api=True,
                rollout="deploy Worker first",
                bump="major",
            )
        ],
    ),
    (
        # an old reader's int32 rejects 1.5 and 1e+21, both of which Go writes for a float64
        "FIELD_WIDENED_TO_NUMBER",
        lambda d: tprop(d, "size").update({"type": "number", "format": "double"}),
        [
            F(
                "FIELD_WIDENED",
                "breaking",
                "Msg.size",
                readers=True,
                api=True,
                rollout=NOT_ROLLABLE,
                advice=wider("Msg.size"),
                bump="major",
            )
        ],
    ),
    (
        "FIELD_NARROWED",
        lambda d: quota(d)["properties"]["requests"].update({"format": "int32"}),
        [
            F(
                "FIELD_NARROWED",
                "breaking",
                "Quota.requests",
                writers=True,
                api=True,
                rollout="deploy ws-proxy first",
                bump="major",
            )
        ],
    ),
    (
        "FIELD_NARROWED_TO_INTEGER",
        lambda d: quota(d)["properties"]["burst"].update({"type": "integer"}),
        [
            F(
                "FIELD_NARROWED",
                "breaking",
                "Quota.burst",
                writers=True,
                api=True,
                rollout="deploy ws-proxy first",
                bump="major",
            )
        ],
    ),
    (
        # Go's int is 64 bits wherever a server runs: the wire is the same, the Go type is not
        "FIELD_CODE_TYPE_CHANGED",
        lambda d: tprop(d, "count").update({"format": "int64"}),
        [F("FIELD_CODE_TYPE_CHANGED", "breaking", "Msg.count", api=True, bump="major")],
    ),
    (
        # the same strings, another Go type; that old writers may send any string is the new rule's finding
        "FIELD_CODE_TYPE_CHANGED_ENUM",
        lambda d: tmsg(d)["properties"].update(
            {
                "note": {
                    "anyOf": [{"$ref": "#/$defs/Role"}, {"const": ""}],
                    "x-framegen-rule": "note-known",
                    "description": "a note",
                }
            }
        ),
        [
            F("FIELD_CODE_TYPE_CHANGED", "breaking", "Msg.note", api=True, bump="major"),
            F(
                "RULE_ADDED",
                "breaking",
                "rule note-known",
                writers=True,
                rollout=NOT_ROLLABLE,
                advice=requires("note-known"),
                bump="major",
            ),
        ],
    ),
    (
        # neither range holds the other: old readers reject past 2^31-1, new readers reject negatives
        "FIELD_TYPE_CHANGED_INT_SIGN",
        lambda d: tprop(d, "size").update({"format": "uint32"}),
        [
            F(
                "FIELD_TYPE_CHANGED",
                "breaking",
                "Msg.size",
                readers=True,
                writers=True,
                api=True,
                rollout=NOT_ROLLABLE,
                advice=retype("Msg.size"),
                bump="major",
            )
        ],
    ),
    (
        "FIELD_TYPE_CHANGED_STRUCT",
        lambda d: tprop(d, "quota").update({"$ref": "#/$defs/Config"}),
        [
            F(
                "FIELD_TYPE_CHANGED",
                "breaking",
                "Msg.quota",
                readers=True,
                writers=True,
                api=True,
                rollout=NOT_ROLLABLE,
                advice=retype("Msg.quota", senders="ws-proxy", receivers="Worker"),
                bump="major",
            )
        ],
    ),
    (
        "FIELD_ITEMS_CHANGED_WIDENED",
        lambda d: tprop(d, "counts")["items"].update({"format": "int64"}),
        [
            F(
                "FIELD_ITEMS_CHANGED",
                "breaking",
                "Msg.counts",
                readers=True,
                api=True,
                rollout=NOT_ROLLABLE,
                advice=wider("Msg.counts"),
                bump="major",
            )
        ],
    ),
    (
        # Role items become plain strings: the same wire, another Go type; dropping roles-known lets new
        # writers send any role, which old readers reject
        "FIELD_ITEMS_CHANGED_ENUM",
        lambda d: tmsg(d)["properties"].update({"roles": {"type": "array", "items": {"type": "string"}}}),
        [
            F("FIELD_ITEMS_CHANGED", "breaking", "Msg.roles", api=True, bump="major"),
            F(
                "RULE_REMOVED",
                "breaking",
                "rule roles-known",
                readers=True,
                rollout=NOT_ROLLABLE,
                advice=AFTER_ALL.format(what="what rule roles-known allows"),
                bump="major",
            ),
        ],
    ),
    (
        "FIELD_VALUES_CHANGED",
        lambda d: tprop(d, "labels")["additionalProperties"].update({"type": "integer"}),
        [
            F(
                "FIELD_VALUES_CHANGED",
                "breaking",
                "Msg.labels",
                readers=True,
                writers=True,
                api=True,
                rollout=NOT_ROLLABLE,
                advice=retype("Msg.labels"),
                bump="major",
            )
        ],
    ),
    (
        # no rule checks note: a read of null gives old readers "" as before; only the generated types change
        "FIELD_NULLABLE_ADDED",
        lambda d: tprop(d, "note").update({"type": ["string", "null"]}),
        [F("FIELD_NULLABLE_ADDED", "breaking", "Msg.note", api=True, bump="major")],
    ),
    ("FIELD_NULLABLE_REMOVED", None, [F("FIELD_NULLABLE_REMOVED", "breaking", "Msg.note", api=True, bump="major")]),
    (
        # a new writer's name set to "" is present to new readers but absent to old ones, which update-name rejects
        "FIELD_NULLABLE_ADDED_CHECKED",
        lambda d: tprop(d, "name").update({"type": ["string", "null"]}),
        [
            F(
                "FIELD_NULLABLE_ADDED",
                "breaking",
                "Msg.name",
                readers=True,
                api=True,
                rollout="deploy Worker first",
                bump="major",
            )
        ],
    ),
    (
        # a list always written: Go's []string stays, Python's list may be None; tags-bounded only checks values
        "FIELD_NULLABLE_ADDED_LIST",
        lambda d: (
            tmsg(d)["required"].append("tags"),
            tmsg(d)["properties"]["tags"].update({"type": ["array", "null"]}),  # as Go writes a nil one
        ),
        [
            F("FIELD_ALWAYS_ENCODED", "warning", "Msg.tags", bump="minor"),
            F("FIELD_NULLABLE_ADDED", "breaking", "Msg.tags", api=True, bump="major"),
        ],
    ),
    (
        # an optional struct (Go *Quota) becomes a value, always written: update-quota's "has a quota" holds for
        # everything either side sends, so the rule is unchanged where it matters
        "FIELD_NULLABLE_REMOVED_STRUCT",
        lambda d: tmsg(d)["required"].append("quota"),
        [
            F("FIELD_ALWAYS_ENCODED", "warning", "Msg.quota", bump="minor"),
            F("FIELD_NULLABLE_REMOVED", "breaking", "Msg.quota", api=True, bump="major"),
        ],
    ),
    (
        "FIELD_NULLABLE_ADDED_STRUCT",
        None,
        [
            F("FIELD_OMITEMPTY_ADDED", "warning", "Msg.quota", bump="minor"),
            F("FIELD_NULLABLE_ADDED", "breaking", "Msg.quota", api=True, bump="major"),
        ],
    ),
    (
        "FIELD_ADDED_NESTED",
        lambda d: (
            quota(d)["properties"].update({"label": {"type": "string"}}),
            quota(d)["x-framegen-order"].append("label"),
        ),
        [F("FIELD_ADDED", "info", "Quota.label", bump="minor")],
    ),
    (
        "FIELD_REMOVED_NESTED",
        lambda d: (quota(d)["properties"].pop("burst"), quota(d)["x-framegen-order"].remove("burst")),
        [
            F(
                "FIELD_REMOVED",
                "breaking",
                "Quota.burst",
                readers=True,
                api=True,
                rollout="deploy Worker first",
                bump="major",
            )
        ],
    ),
    (
        "FIELD_ADDED_STRUCT",
        lambda d: (
            d["$defs"].update(
                {
                    "Limit": {
                        "type": "object",
                        "properties": {"max": {"type": "number", "minimum": 0, "x-framegen-rule": "limit-max"}},
                    }
                }
            ),
            add_tprop(d, "limit", {"$ref": "#/$defs/Limit"}),
        ),
        [
            F("STRUCT_ADDED", "info", "Limit", bump="minor"),
            F("FIELD_ADDED", "info", "Msg.limit", bump="minor"),
            F("RULE_ADDED", "info", "rule limit-max", bump="minor"),
        ],
    ),
    (
        "FIELD_ADDED_MAP",
        lambda d: add_tprop(
            d,
            "weights",
            {
                "type": "object",
                "additionalProperties": {"type": "number", "minimum": 0},
                "maxProperties": 8,
                "x-framegen-rule": "weights-bounded",
            },
        ),
        [
            F("FIELD_ADDED", "info", "Msg.weights", bump="minor"),
            F("RULE_ADDED", "info", "rule weights-bounded", bump="minor"),
        ],
    ),
    (
        # Tier is held by Quota.tier only: updates carry it, so the Worker must know the value first
        "ENUM_VALUE_ADDED_NESTED",
        lambda d: d["$defs"]["Tier"]["enum"].append("team"),
        [F("ENUM_VALUE_ADDED", "warning", "Tier.team", readers=True, rollout="deploy Worker first", bump="minor")],
    ),
    (
        # Role is held by role and by roles' items; roles-known (a list's membership) is not reported on its own
        "ENUM_VALUE_ADDED_LIST_ENUM",
        lambda d: d["$defs"]["Role"]["enum"].append("owner"),
        [
            F(
                "ENUM_VALUE_ADDED",
                "warning",
                "Role.owner",
                readers=True,
                rollout=NOT_ROLLABLE,
                advice=AFTER_ALL.format(what="Role.owner"),
                bump="minor",
            )
        ],
    ),
    (
        "ENUM_VALUE_REMOVED_FIELD_ENUM",
        lambda d: d["$defs"]["Role"]["enum"].remove("member"),
        [
            F(
                "ENUM_VALUE_REMOVED",
                "breaking",
                "Role.member",
                writers=True,
                api=True,
                rollout=NOT_ROLLABLE,
                advice=BEFORE_ALL.format(
                    what="stop sending Role.member from Worker and ws-proxy, in a release still on the old schema"
                ),
                bump="major",
            )
        ],
    ),
    (
        "RULE_TIGHTENED_EXCLUSIVE",
        lambda d: trule(d, "ratio-range")["properties"].update(
            {"ratio": {"exclusiveMinimum": 0, "exclusiveMaximum": 1}}
        ),
        [
            F(
                "RULE_TIGHTENED",
                "breaking",
                "rule ratio-range",
                writers=True,
                rollout=NOT_ROLLABLE,
                advice=requires("ratio-range"),
                bump="major",
            )
        ],
    ),
    (
        # {a, b} -> {b, c}: neither set holds the other, so both sides break (not a tightening)
        "RULE_CHANGED_VALUES",
        lambda d: trule(d, "name-values")["properties"]["name"].update({"enum": ["b", "c"]}),
        [
            F(
                "RULE_CHANGED",
                "breaking",
                "rule name-values",
                readers=True,
                writers=True,
                rollout=NOT_ROLLABLE,
                advice="ship rule name-values as two versions: first one that accepts both the old and the new form "
                "(receivers, Worker, deploy first), then one that drops the old form (senders, ws-proxy, deploy first)",
                bump="major",
            )
        ],
    ),
    (
        # (0, 1] -> [0.5, 2]: one bound tighter, the other looser, so both sides break (was reported as nothing)
        "RULE_CHANGED_RANGE",
        lambda d: trule(d, "ratio-range")["properties"].update({"ratio": {"minimum": 0.5, "maximum": 2}}),
        [
            F(
                "RULE_CHANGED",
                "breaking",
                "rule ratio-range",
                readers=True,
                writers=True,
                rollout=NOT_ROLLABLE,
                advice="ship rule ratio-range as two versions: first one that accepts both the old and the new form "
                f"(receivers, {BOTH}, deploy first), then one that drops the old form (senders, {BOTH}, deploy first)",
                bump="major",
            )
        ],
    ),
    (
        "RULE_LOOSENED_RANGE",
        lambda d: quota(d)["allOf"][0]["properties"].update({"windowSeconds": {"minimum": 0}}),
        [
            F(
                "RULE_LOOSENED",
                "breaking",
                "rule quota-window",
                readers=True,
                rollout="deploy Worker first",
                bump="major",
            )
        ],
    ),
    (
        # name is tied to update: a longer name reaches the Worker
        "RULE_LOOSENED_LENGTH",
        lambda d: trule(d, "name-length")["properties"].update({"name": {"minLength": 1, "maxLength": 32}}),
        [
            F(
                "RULE_LOOSENED",
                "breaking",
                "rule name-length",
                readers=True,
                rollout="deploy Worker first",
                bump="major",
            )
        ],
    ),
    (
        "RULE_LOOSENED_COUNT",
        lambda d: trule(d, "update-quota")["then"].update({"properties": {"quotas": {"maxItems": 8}}}),
        [
            F(
                "RULE_LOOSENED",
                "breaking",
                "rule update-quota",
                readers=True,
                rollout="deploy Worker first",
                bump="major",
            )
        ],
    ),
    (
        # "not empty" (minLength 1) becomes at least 2 characters, on each item
        "RULE_TIGHTENED_ITEMS",
        lambda d: trule(d, "tags-bounded")["properties"].update({"tags": {"maxItems": 4, "items": {"minLength": 2}}}),
        [
            F(
                "RULE_TIGHTENED",
                "breaking",
                "rule tags-bounded",
                writers=True,
                rollout=NOT_ROLLABLE,
                advice=requires("tags-bounded"),
                bump="major",
            )
        ],
    ),
    (
        "RULE_TIGHTENED_FORMAT",
        lambda d: trule(d, "at-set")["properties"].update({"at": {"pattern": "^[0-9]{4}", "format": "date-time"}}),
        [
            F(
                "RULE_TIGHTENED",
                "breaking",
                "rule at-set",
                writers=True,
                rollout=NOT_ROLLABLE,
                advice=requires("at-set"),
                bump="major",
            )
        ],
    ),
    (
        # scopes is always written: "type": "array" says null is not a list
        "RULE_TIGHTENED_NOT_NULL",
        lambda d: trule(d, "scopes-bounded")["properties"].update({"scopes": {"maxItems": 8, "type": "array"}}),
        [
            F(
                "RULE_TIGHTENED",
                "breaking",
                "rule scopes-bounded",
                writers=True,
                rollout=NOT_ROLLABLE,
                advice=requires("scopes-bounded"),
                bump="major",
            )
        ],
    ),
    (
        "RULE_ADDED_CONTENT_LINT",
        lambda d: add_lint_set(d, content_rule("lint")),
        [F("RULE_ADDED", "info", "rule payload-config", bump="minor")],
    ),
    (
        # raw -> typed content at error level: an old ws-proxy may send any payload with an update
        "RULE_ADDED_CONTENT",
        typed_content,
        [
            F(
                "RULE_ADDED",
                "breaking",
                "rule payload-config",
                writers=True,
                rollout="deploy ws-proxy first",
                bump="major",
            )
        ],
    ),
    (
        "RULE_REMOVED_CONTENT",
        None,
        [
            F(
                "RULE_REMOVED",
                "breaking",
                "rule payload-config",
                readers=True,
                rollout="deploy Worker first",
                bump="major",
            )
        ],
    ),
    (
        # the content is declared as another struct: compared as unrelated, so both sides break
        "RULE_CHANGED_CONTENT",
        lambda d: (
            d["$defs"].update({"Config2": copy.deepcopy(d["$defs"]["Config"])}),
            tmsg(d)["allOf"][-1].update(content_rule("error", "Config2")),
        ),
        [
            F("STRUCT_ADDED", "info", "Config2", bump="minor"),
            F(
                "RULE_CHANGED",
                "breaking",
                "rule payload-config",
                readers=True,
                writers=True,
                rollout=NOT_ROLLABLE,
                advice="ship rule payload-config as two versions: first one that accepts both the old and the new "
                "form (receivers, Worker, deploy first), then one that drops the old form (senders, ws-proxy, deploy "
                "first)",
                bump="major",
            ),
        ],
    ),
    (
        # Config travels as an update's payload (payload-config), so its fields are the Worker's to read
        "FIELD_ADDED_CONTENT",
        lambda d: (
            d["$defs"]["Config"]["properties"].update({"tls": {"type": "boolean"}}),
            d["$defs"]["Config"]["x-framegen-order"].append("tls"),
        ),
        [F("FIELD_ADDED", "info", "Config.tls", bump="minor")],
    ),
    (
        "FIELD_REMOVED_CONTENT",
        lambda d: (
            d["$defs"]["Config"]["properties"].pop("port"),
            d["$defs"]["Config"]["x-framegen-order"].remove("port"),
        ),
        [
            F(
                "FIELD_REMOVED",
                "breaking",
                "Config.port",
                readers=True,
                api=True,
                rollout="deploy Worker first",
                bump="major",
            )
        ],
    ),
]

REVERSED = {
    "ENUM_REMOVED": "ENUM_ADDED",
    "FIELD_OMITEMPTY_ADDED": "FIELD_ALWAYS_ENCODED",
    "FIELD_NULLABLE_REMOVED": "FIELD_NULLABLE_ADDED",
    "FIELD_NULLABLE_ADDED_STRUCT": "FIELD_NULLABLE_REMOVED_STRUCT",
    "RULE_REMOVED_CONTENT": "RULE_ADDED_CONTENT",
    "FAILURE_MODEL_REMOVED": "FAILURE_MODEL_ADDED",
}
PREPARE = {
    "ENUM_VALUE_ADDED_PAIR": kind_rules,
    "ENUM_VALUE_ADDED_FIELD_ENUM": role_field,
    "RULE_CHANGED_CONTENT": typed_content,
    "RULE_CHANGED_VALUES": name_values,
    "FIELD_ADDED_CONTENT": typed_content,
    "FIELD_REMOVED_CONTENT": typed_content,
    "FAILURE_MODEL_ADDED": failure_fields,
    "FAILURE_MODEL_REMOVED": failure_fields,
    "FAILURE_MODEL_CHANGED": failure_model,
    "FAILURE_MODEL_CHANGED_NAME": failure_model,
    "FAILURE_MODEL_DESCRIPTION_CHANGED": failure_model,
}  # applied to both sides before the change

# Cases whose change only adds: fields, types, and rules on what is new. None may report a breaking
# finding, and each ships in one step (tests/diff/test_rules.py checks both).
ADD_ONLY = (
    "STRUCT_ADDED",
    "ENUM_ADDED",
    "FIELD_ADDED",
    "REQUIRED_FIELD_ADDED",
    "FIELD_ADDED_ENUM",
    "RULE_ADDED_BOUND_ON_NEW_FIELD",
    "ENUM_VALUE_ADDED",
    "ENUM_VALUE_ADDED_PAIR",
    "RULE_RESCOPED",
    "RULE_RESCOPED_NEW_FIELD",
    "FIELD_ADDED_NESTED",
    "FIELD_ADDED_STRUCT",
    "FIELD_ADDED_MAP",
    "ENUM_VALUE_ADDED_NESTED",
    "RULE_ADDED_CONTENT_LINT",
    "FIELD_ADDED_CONTENT",
    "FAILURE_MODEL_ADDED",
)


def main(cases: Path = CASES) -> None:
    shutil.rmtree(cases, ignore_errors=True)
    changes = {name: change for name, change, _ in CASE_LIST + TYPED_CASES}
    for base, case_list in ((BASE, CASE_LIST), (TYPED, TYPED_CASES)):
        for name, change, expected in case_list:
            before = copy.deepcopy(base)
            if name in PREPARE:
                PREPARE[name](before)
            after = copy.deepcopy(before)
            if change is None:  # the reverse of another case: swap its sides
                changes[REVERSED[name]](before)
            else:
                change(after)
            folder = cases / name
            folder.mkdir(parents=True)
            for file, document in (("before.schema.json", before), ("after.schema.json", after)):
                (folder / file).write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
            (folder / "expected.json").write_text(json.dumps(expected, indent=2) + "\n")
    print(f"wrote {len(CASE_LIST) + len(TYPED_CASES)} cases")


if __name__ == "__main__":
    main()
