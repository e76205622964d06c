"""Rules over enum values: the message types, their direction and response."""

from __future__ import annotations

from typing import Any

from generator import ir
from generator.diff.context import Context
from generator.diff.model import BREAKING, INFO, WARNING, Bump, Finding
from generator.diff.rules.registry import annotation, hit, rule
from generator.diff.rules.validation import enum_of


def _value_flags(ctx: Context, enum: str, value: str) -> dict[str, Any]:
    is_message = bool(ctx.discriminant) and ctx.discriminant[1] == enum
    return {"frame_types": (value,) if is_message else ctx.enum_types(enum)}


def _membership_rules(schema: ir.Schema, enum: str) -> list[str]:
    """The IDs of the rules that refuse a value the enum does not list (type-known for the message type)."""
    scoped = [("(root)", r) for r in schema.root_rules] + [(s.name, r) for s in schema.structs for r in s.rules]
    return list(dict.fromkeys(r.id for scope, r in scoped if enum_of(r, schema, scope) == enum))


def _implied(ctx: Context, value: ir.EnumValue) -> str:
    rules = ctx.kind_rules(value.kind)
    return f"; as a {value.kind} it carries {', '.join(rules)}" if rules else ""


@rule(
    "ENUM_VALUE_ADDED",
    "value",
    "a new value: receivers on the old schema do not know it (a response to new requests only reaches new ones)",
    why="{subject} must be known to its receivers ({readers}) before its senders ({writers}) use it",
    after="start sending {subject} only once {readers} all run this schema",
)
def enum_value_added(enum: str, old: ir.EnumValue | None, new: ir.EnumValue | None, ctx: Context) -> list[Finding]:
    if old is not None or new is None:
        return []
    flags = _value_flags(ctx, enum, new.value)
    requests = ctx.requests_for(new.value) if new.kind == "response" else ()
    if requests and set(requests) <= ctx.added_types:
        return hit(
            f"{enum}.{new.value}",
            f"{enum} value {new.value} added: sent only in reply to {', '.join(requests)}, itself added here, "
            f"so its receivers already run the new schema{_implied(ctx, new)}",
            INFO,
            Bump.MINOR,
            **flags,
        )
    checks = _membership_rules(ctx.old, enum)
    unknown = f"old receivers reject it ({', '.join(checks)}) or skip it" if checks else "old receivers do not know it"
    return hit(
        f"{enum}.{new.value}",
        f"{enum} value {new.value} added: {unknown}{_implied(ctx, new)}",
        WARNING,
        Bump.MINOR,
        breaks_old_readers=bool(flags["frame_types"]),
        **flags,
    )


@rule(
    "ENUM_VALUE_REMOVED",
    "value",
    "a value is gone: senders on the old schema still emit it",
    why="its senders ({writers}) must stop sending {subject} before its receivers ({readers}) reject it",
    before="stop sending {subject} from {writers}, in a release still on the old schema",
)
def enum_value_removed(enum: str, old: ir.EnumValue | None, new: ir.EnumValue | None, ctx: Context) -> list[Finding]:
    if new is not None or old is None:
        return []
    return hit(
        f"{enum}.{old.value}",
        f"{enum} value {old.value} removed: new receivers reject what old senders emit",
        BREAKING,
        Bump.MAJOR,
        breaks_old_writers=True,
        api_break=True,
        **_value_flags(ctx, enum, old.value),
    )


@rule(
    "ENUM_VALUE_RENAMED",
    "value",
    "a value was renamed (one removed, one added, same direction): a new wire value",
    instead="add the new value next to {subject} (a minor version); once its receivers ({readers}) accept it, "
    "move its senders ({writers}) to it; then remove {subject} (a major version)",
)
def enum_value_renamed(enum: str, old: ir.EnumValue | None, new: ir.EnumValue | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.value == new.value:
        return []
    types = _value_flags(ctx, enum, old.value)["frame_types"] + _value_flags(ctx, enum, new.value)["frame_types"]
    return hit(
        f"{enum}.{old.value}",
        f"{enum} value {old.value} renamed to {new.value}",
        BREAKING,
        Bump.MAJOR,
        breaks_old_readers=True,
        breaks_old_writers=True,
        api_break=True,
        frame_types=tuple(dict.fromkeys(types)),
    )


@rule(
    "ENUM_VALUE_DIRECTION_CHANGED",
    "value",
    "a message type now flows another way, or is another kind",
    instead="add a new frame type for the new direction or kind next to {subject} (a minor version), move both "
    "services to it, then remove {subject} (a major version)",
)
def enum_value_direction_changed(
    enum: str, old: ir.EnumValue | None, new: ir.EnumValue | None, ctx: Context
) -> list[Finding]:
    if not old or not new or (old.kind, old.sender, old.receiver) == (new.kind, new.sender, new.receiver):
        return []
    return hit(
        f"{enum}.{new.value}",
        f"{new.value}: {old.kind} {old.sender}->{old.receiver} became {new.kind} {new.sender}->{new.receiver}",
        BREAKING,
        Bump.MAJOR,
        breaks_old_readers=True,
        breaks_old_writers=True,
        **_value_flags(ctx, enum, new.value),
    )


@rule(
    "ENUM_VALUE_RESPONSE_CHANGED",
    "value",
    "a request now expects another response type",
    instead="add a new request type that expects the new response next to {subject} (a minor version), move "
    "its senders to it, then remove {subject} (a major version)",
)
def enum_value_response_changed(
    enum: str, old: ir.EnumValue | None, new: ir.EnumValue | None, ctx: Context
) -> list[Finding]:
    if not old or not new or old.response == new.response:
        return []
    flags = _value_flags(ctx, enum, new.value)
    flags["frame_types"] = tuple(t for t in (new.value, old.response, new.response) if t and flags["frame_types"])
    return hit(
        f"{enum}.{new.value}",
        f"{new.value} expects {new.response or '(no response)'} instead of {old.response or '(none)'}",
        BREAKING,
        Bump.MAJOR,
        breaks_old_readers=True,
        breaks_old_writers=True,
        **flags,
    )


@rule("ENUM_VALUE_DESCRIPTION_CHANGED", "value", "documentation only")
def enum_value_description_changed(
    enum: str, old: ir.EnumValue | None, new: ir.EnumValue | None, ctx: Context
) -> list[Finding]:
    if not old or not new or old.doc == new.doc:
        return []
    return hit(f"{enum}.{new.value}", f"description of {new.value} changed", INFO, Bump.PATCH)


def _value_name_rule(id: str, key: str, label: str) -> None:
    @rule(id, "value", f"a value's {label} changed: breaks code using it")
    def check(enum: str, old: ir.EnumValue | None, new: ir.EnumValue | None, ctx: Context) -> list[Finding]:
        before, after = annotation(old.annotations, key) if old else "", annotation(new.annotations, key) if new else ""
        if not old or not new or before == after:
            return []
        change = f"{before or '(default)'} -> {after or '(default)'}"
        return hit(f"{enum}.{new.value}", f"{label} of {new.value}: {change}", BREAKING, Bump.MAJOR, api_break=True)


_value_name_rule("ENUM_VALUE_GO_NAME_CHANGED", "go.name", "Go constant name")
_value_name_rule("ENUM_VALUE_PYTHON_NAME_CHANGED", "python.name", "Python member name")


@rule("ENUM_VALUE_DEPRECATED", "value", "a value was marked deprecated")
def enum_value_deprecated(enum: str, old: ir.EnumValue | None, new: ir.EnumValue | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.deprecated or not new.deprecated:
        return []
    return hit(f"{enum}.{new.value}", f"{new.value} is deprecated", INFO, Bump.MINOR)
