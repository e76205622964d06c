"""Breaking-change rules, one small function each (after buf's breaking rules).

Each rule has a stable ID, a one-line purpose and a function over one matched old/new pair
(either side may be None: added or removed). It returns the findings it sees; the engine adds
who reads and writes the frame types concerned, and the rollout order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from generator import ir
from generator.diff.context import Context
from generator.diff.model import BREAKING, INFO, WARNING, Bump, Finding


@dataclass(frozen=True, slots=True)
class DiffRule:
    id: str
    kind: str  # schema | struct | enum | field | value | rule
    purpose: str
    check: Callable[..., list[Finding]]


RULES: list[DiffRule] = []


def rule(id: str, kind: str, purpose: str) -> Callable[[Callable[..., list[Finding]]], Callable[..., list[Finding]]]:
    def register(check: Callable[..., list[Finding]]) -> Callable[..., list[Finding]]:
        RULES.append(DiffRule(id, kind, purpose, check))
        return check

    return register


def hit(id: str, subject: str, message: str, severity: str, bump: Bump, **flags: Any) -> list[Finding]:
    return [Finding(rule=id, severity=severity, subject=subject, message=message, bump=bump, **flags)]


def _annotation(annotations: ir.Annotations, key: str) -> str:
    return dict(annotations).get(key, "")


# ---- schema ---------------------------------------------------------------------------------


@rule("SCHEMA_ID_CHANGED", "schema", "the schema's $id changed")
def schema_id_changed(old: ir.Schema, new: ir.Schema, ctx: Context) -> list[Finding]:
    if old.id == new.id:
        return []
    return hit("SCHEMA_ID_CHANGED", "$id", f"$id {old.id} -> {new.id}", INFO, Bump.NONE)


@rule("SCHEMA_VERSION_CHANGED", "schema", "the declared schema version changed (checked by the version check)")
def schema_version_changed(old: ir.Schema, new: ir.Schema, ctx: Context) -> list[Finding]:
    if old.version == new.version:
        return []
    return hit("SCHEMA_VERSION_CHANGED", "x-schema-version", f"version {old.version} -> {new.version}", INFO, Bump.NONE)


@rule("ROOT_CHANGED", "schema", "the top-level message is another struct")
def root_changed(old: ir.Schema, new: ir.Schema, ctx: Context) -> list[Finding]:
    if old.root == new.root:
        return []
    return hit(
        "ROOT_CHANGED",
        "$ref",
        f"top-level message {old.root} -> {new.root}",
        BREAKING,
        Bump.MAJOR,
        breaks_old_readers=True,
        breaks_old_writers=True,
        api_break=True,
        frame_types=tuple(ctx.messages),
    )


@rule("PACKAGE_DOC_CHANGED", "schema", "the package documentation changed")
def package_doc_changed(old: ir.Schema, new: ir.Schema, ctx: Context) -> list[Finding]:
    if old.doc == new.doc:
        return []
    return hit("PACKAGE_DOC_CHANGED", "package", "package documentation changed", INFO, Bump.PATCH)


# ---- structs and enums ------------------------------------------------------------------------


@rule("STRUCT_ADDED", "struct", "a new struct: additive for the wire and for generated code")
def struct_added(old: ir.Struct | None, new: ir.Struct | None, ctx: Context) -> list[Finding]:
    if old is not None or new is None:
        return []
    return hit("STRUCT_ADDED", new.name, f"struct {new.name} added", INFO, Bump.MINOR)


@rule("STRUCT_REMOVED", "struct", "a struct is gone: code that uses its generated type breaks")
def struct_removed(old: ir.Struct | None, new: ir.Struct | None, ctx: Context) -> list[Finding]:
    if new is not None or old is None:
        return []
    return hit("STRUCT_REMOVED", old.name, f"struct {old.name} removed", BREAKING, Bump.MAJOR, api_break=True)


@rule("ENUM_ADDED", "enum", "a new enum: additive")
def enum_added(old: ir.Enum | None, new: ir.Enum | None, ctx: Context) -> list[Finding]:
    if old is not None or new is None:
        return []
    return hit("ENUM_ADDED", new.name, f"enum {new.name} added", INFO, Bump.MINOR)


@rule("ENUM_REMOVED", "enum", "an enum is gone: code that uses its generated type breaks")
def enum_removed(old: ir.Enum | None, new: ir.Enum | None, ctx: Context) -> list[Finding]:
    if new is not None or old is None:
        return []
    return hit("ENUM_REMOVED", old.name, f"enum {old.name} removed", BREAKING, Bump.MAJOR, api_break=True)


# ---- fields ---------------------------------------------------------------------------------


FieldPair = tuple[str, "ir.Field | None", "ir.Field | None"]


def _types(ctx: Context, struct: str, *fields: ir.Field | None) -> tuple[str, ...]:
    return tuple(sorted({t for f in fields if f for t in ctx.field_types(struct, f.wire_name)}))


@rule("FIELD_ADDED", "field", "a new optional field: old readers skip unknown keys (Go and framegen decoders do)")
def field_added(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if old is not None or new is None:
        return []
    note = "" if new.omit_empty else " (always encoded)"
    return hit(
        "FIELD_ADDED",
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} added{note}; old readers ignore it",
        INFO,
        Bump.MINOR,
        frame_types=_types(ctx, struct, new),
    )


@rule("FIELD_REMOVED", "field", "a field is gone: old readers get its zero value, generated code loses it")
def field_removed(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if new is not None or old is None:
        return []
    return hit(
        "FIELD_REMOVED",
        f"{struct}.{old.wire_name}",
        f"field {old.wire_name} removed: new writers stop sending it and old readers see its zero value",
        BREAKING,
        Bump.MAJOR,
        breaks_old_readers=True,
        api_break=True,
        frame_types=_types(ctx, struct, old),
    )


@rule("FIELD_RENAMED", "field", "a field's wire name changed only in case: Go's decoder still matches it")
def field_renamed(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.wire_name == new.wire_name:
        return []
    return hit(
        "FIELD_RENAMED",
        f"{struct}.{old.wire_name}",
        f"field {old.wire_name} renamed to {new.wire_name}: a remove plus an add that share the wire name "
        "case-insensitively, so Go (and framegen) decoders on either side still match it; canonical bytes "
        "and possibly generated names change",
        WARNING,
        Bump.MINOR,
        api_break=True,
        frame_types=_types(ctx, struct, old, new),
    )


@rule("FIELD_TYPE_CHANGED", "field", "a field's JSON type changed: neither side can read the other")
def field_type_changed(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.type.kind == new.type.kind or ir.Kind.RAW in (old.type.kind, new.type.kind):
        return []
    return hit(
        "FIELD_TYPE_CHANGED",
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} changed type {old.type.kind} -> {new.type.kind}",
        BREAKING,
        Bump.MAJOR,
        breaks_old_readers=True,
        breaks_old_writers=True,
        api_break=True,
        frame_types=_types(ctx, struct, old, new),
    )


@rule("FIELD_RAW_CHANGED", "field", "a field became raw JSON or stopped being raw JSON")
def field_raw_changed(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or (old.type.kind == ir.Kind.RAW) == (new.type.kind == ir.Kind.RAW):
        return []
    return hit(
        "FIELD_RAW_CHANGED",
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} changed from {old.type.kind} to {new.type.kind}",
        BREAKING,
        Bump.MAJOR,
        breaks_old_readers=True,
        breaks_old_writers=True,
        api_break=True,
        frame_types=_types(ctx, struct, old, new),
    )


@rule("FIELD_ITEMS_CHANGED", "field", "a list field holds another struct or enum than before")
def field_items_changed(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.type.kind != new.type.kind or old.type == new.type:
        return []
    return hit(
        "FIELD_ITEMS_CHANGED",
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} now refers to {new.type.item.ref if new.type.item else new.type.ref}",
        BREAKING,
        Bump.MAJOR,
        breaks_old_readers=True,
        breaks_old_writers=True,
        api_break=True,
        frame_types=_types(ctx, struct, old, new),
    )


@rule("FIELD_ALWAYS_ENCODED", "field", "a field lost omitempty: new writers send its zero value, old readers decode it")
def field_always_encoded(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or not (old.omit_empty and not new.omit_empty):
        return []
    return hit(
        "FIELD_ALWAYS_ENCODED",
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} is now always encoded (no omitempty); canonical bytes change",
        WARNING,
        Bump.MINOR,
        frame_types=_types(ctx, struct, new),
    )


@rule("FIELD_OMITEMPTY_ADDED", "field", "a field gained omitempty: its zero value is no longer sent")
def field_omitempty_added(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or not (new.omit_empty and not old.omit_empty):
        return []
    return hit(
        "FIELD_OMITEMPTY_ADDED",
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} is now omitted when empty; readers that test for the key's presence differ",
        WARNING,
        Bump.MINOR,
        frame_types=_types(ctx, struct, new),
    )


@rule("FIELD_ORDER_CHANGED", "struct", "fields are encoded in another order: same JSON value, other canonical bytes")
def field_order_changed(old: ir.Struct | None, new: ir.Struct | None, ctx: Context) -> list[Finding]:
    if not old or not new:
        return []
    common = [
        f.wire_name.upper() for f in new.fields if any(f.wire_name.upper() == o.wire_name.upper() for o in old.fields)
    ]
    before = [f.wire_name.upper() for f in old.fields if f.wire_name.upper() in common]
    if before == common:
        return []
    return hit(
        "FIELD_ORDER_CHANGED", new.name, f"{new.name}'s fields are encoded in another order", WARNING, Bump.MINOR
    )


def _annotation_rule(id: str, key: str, label: str) -> None:
    @rule(id, "field", f"the field's {label} changed: wire-compatible, breaks code using the generated types")
    def check(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
        if not old or not new or _annotation(old.annotations, key) == _annotation(new.annotations, key):
            return []
        before, after = (
            _annotation(old.annotations, key) or "(default)",
            _annotation(new.annotations, key) or "(default)",
        )
        return hit(
            id,
            f"{struct}.{new.wire_name}",
            f"{label} of {new.wire_name}: {before} -> {after}",
            BREAKING,
            Bump.MAJOR,
            api_break=True,
        )


_annotation_rule("FIELD_GO_NAME_CHANGED", "go.name", "Go name (x-go-name)")
_annotation_rule("FIELD_GO_TYPE_CHANGED", "go.type", "Go type (x-go-type)")
_annotation_rule("FIELD_PYTHON_NAME_CHANGED", "python.name", "Python name (x-python-name)")


@rule("FIELD_DESCRIPTION_CHANGED", "field", "documentation only")
def field_description_changed(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.doc == new.doc:
        return []
    return hit(
        "FIELD_DESCRIPTION_CHANGED",
        f"{struct}.{new.wire_name}",
        f"description of {new.wire_name} changed",
        INFO,
        Bump.PATCH,
    )


@rule("FIELD_FORMAT_CHANGED", "field", "the documented format (e.g. date-time) changed")
def field_format_changed(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.format == new.format:
        return []
    return hit(
        "FIELD_FORMAT_CHANGED",
        f"{struct}.{new.wire_name}",
        f"format of {new.wire_name}: {old.format or '(none)'} -> {new.format or '(none)'}",
        INFO,
        Bump.PATCH,
    )


@rule("FIELD_DEPRECATED", "field", "a field was marked deprecated")
def field_deprecated(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.deprecated or not new.deprecated:
        return []
    return hit(
        "FIELD_DEPRECATED", f"{struct}.{new.wire_name}", f"field {new.wire_name} is deprecated", INFO, Bump.MINOR
    )


# ---- enum values (the message types) -----------------------------------------------------------


def _value_flags(ctx: Context, enum: str, value: str) -> dict[str, Any]:
    is_message = bool(ctx.discriminant) and ctx.discriminant[1] == enum
    return {"frame_types": (value,) if is_message else ()}


@rule("ENUM_VALUE_ADDED", "value", "a new value: receivers on the old schema do not know it")
def enum_value_added(enum: str, old: ir.EnumValue | None, new: ir.EnumValue | None, ctx: Context) -> list[Finding]:
    if old is not None or new is None:
        return []
    return hit(
        "ENUM_VALUE_ADDED",
        f"{enum}.{new.value}",
        f"{enum} value {new.value} added: old receivers reject it (type-known) or skip it",
        WARNING,
        Bump.MINOR,
        breaks_old_readers=True,
        **_value_flags(ctx, enum, new.value),
    )


@rule("ENUM_VALUE_REMOVED", "value", "a value is gone: senders on the old schema still emit it")
def enum_value_removed(enum: str, old: ir.EnumValue | None, new: ir.EnumValue | None, ctx: Context) -> list[Finding]:
    if new is not None or old is None:
        return []
    return hit(
        "ENUM_VALUE_REMOVED",
        f"{enum}.{old.value}",
        f"{enum} value {old.value} removed: new receivers reject what old senders emit",
        BREAKING,
        Bump.MAJOR,
        breaks_old_writers=True,
        api_break=True,
        **_value_flags(ctx, enum, old.value),
    )


@rule("ENUM_VALUE_RENAMED", "value", "a value was renamed (one removed, one added, same direction): a new wire value")
def enum_value_renamed(enum: str, old: ir.EnumValue | None, new: ir.EnumValue | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.value == new.value:
        return []
    flags = _value_flags(ctx, enum, old.value)
    flags["frame_types"] = tuple(flags["frame_types"]) + tuple(_value_flags(ctx, enum, new.value)["frame_types"])
    return hit(
        "ENUM_VALUE_RENAMED",
        f"{enum}.{old.value}",
        f"{enum} value {old.value} renamed to {new.value}",
        BREAKING,
        Bump.MAJOR,
        breaks_old_readers=True,
        breaks_old_writers=True,
        api_break=True,
        **flags,
    )


@rule("ENUM_VALUE_DIRECTION_CHANGED", "value", "a message type now flows another way, or is another kind")
def enum_value_direction_changed(
    enum: str, old: ir.EnumValue | None, new: ir.EnumValue | None, ctx: Context
) -> list[Finding]:
    if not old or not new or (old.kind, old.sender, old.receiver) == (new.kind, new.sender, new.receiver):
        return []
    return hit(
        "ENUM_VALUE_DIRECTION_CHANGED",
        f"{enum}.{new.value}",
        f"{new.value}: {old.kind} {old.sender}->{old.receiver} became {new.kind} {new.sender}->{new.receiver}",
        BREAKING,
        Bump.MAJOR,
        breaks_old_readers=True,
        breaks_old_writers=True,
        **_value_flags(ctx, enum, new.value),
    )


@rule("ENUM_VALUE_RESPONSE_CHANGED", "value", "a request now expects another response type")
def enum_value_response_changed(
    enum: str, old: ir.EnumValue | None, new: ir.EnumValue | None, ctx: Context
) -> list[Finding]:
    if not old or not new or old.response == new.response:
        return []
    flags = _value_flags(ctx, enum, new.value)
    flags["frame_types"] = tuple(t for t in (new.value, old.response, new.response) if t and flags["frame_types"])
    return hit(
        "ENUM_VALUE_RESPONSE_CHANGED",
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
    return hit(
        "ENUM_VALUE_DESCRIPTION_CHANGED", f"{enum}.{new.value}", f"description of {new.value} changed", INFO, Bump.PATCH
    )


@rule("ENUM_VALUE_GO_NAME_CHANGED", "value", "a value's Go constant name changed: breaks code using it")
def enum_value_go_name_changed(
    enum: str, old: ir.EnumValue | None, new: ir.EnumValue | None, ctx: Context
) -> list[Finding]:
    if not old or not new or _annotation(old.annotations, "go.name") == _annotation(new.annotations, "go.name"):
        return []
    return hit(
        "ENUM_VALUE_GO_NAME_CHANGED",
        f"{enum}.{new.value}",
        f"Go constant name of {new.value} changed",
        BREAKING,
        Bump.MAJOR,
        api_break=True,
    )


@rule("ENUM_VALUE_DEPRECATED", "value", "a value was marked deprecated")
def enum_value_deprecated(enum: str, old: ir.EnumValue | None, new: ir.EnumValue | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.deprecated or not new.deprecated:
        return []
    return hit("ENUM_VALUE_DEPRECATED", f"{enum}.{new.value}", f"{new.value} is deprecated", INFO, Bump.MINOR)


# ---- validation rules -----------------------------------------------------------------------------


def _rule_flags(tighter: bool, looser: bool) -> dict[str, Any]:
    """A tighter rule breaks old writers (new receivers reject what they send); a looser one, old readers."""
    return {"breaks_old_writers": tighter, "breaks_old_readers": looser}


def _value_sets(then: set, kind: type) -> dict[str, set]:
    return {p.field: set(p.values) for p in then if isinstance(p, kind)}


def _strictness(old: ir.Rule, new: ir.Rule, ctx: Context) -> str:
    """'same', 'tighter', 'looser' or 'changed', comparing conditions and checks as sets.

    Ranges compare by containment and allowed values (In) by inclusion, so widening an enum's
    allowed values or a range is a loosening, not an unrelated change.
    """
    old_types, new_types = set(ctx.rule_types(old)), set(ctx.rule_types(new))
    old_when = {
        p for p in old.when if not (isinstance(p, ir.In) and ctx.discriminant and p.field == ctx.discriminant[0])
    }
    new_when = {
        p for p in new.when if not (isinstance(p, ir.In) and ctx.discriminant and p.field == ctx.discriminant[0])
    }
    old_then, new_then = set(old.then), set(new.then)
    for o in [p for p in old_then if isinstance(p, ir.Range)]:
        match = [n for n in new_then if isinstance(n, ir.Range) and n.field == o.field]
        if match:
            old_then.discard(o)
            new_then.discard(match[0])
            inner = _within(match[0], o)
            outer = _within(o, match[0])
            if inner and not outer:
                new_then.add(("narrower", o.field))
            elif outer and not inner:
                old_then.add(("narrower", o.field))
    old_in, new_in = _value_sets(old_then, ir.In), _value_sets(new_then, ir.In)
    for f in set(old_in) & set(new_in):
        old_then -= {p for p in old_then if isinstance(p, ir.In) and p.field == f}
        new_then -= {p for p in new_then if isinstance(p, ir.In) and p.field == f}
        if new_in[f] < old_in[f]:
            new_then.add(("fewer values", f))
        elif new_in[f] > old_in[f]:
            old_then.add(("fewer values", f))
        elif new_in[f] != old_in[f]:
            new_then.add(("other values", f))
    tighter = (new_types >= old_types) and (new_when <= old_when) and (new_then >= old_then)
    looser = (new_types <= old_types) and (new_when >= old_when) and (new_then <= old_then)
    if tighter and looser:
        return "same"
    return "tighter" if tighter else "looser" if looser else "changed"


def _within(inner: ir.Range, outer: ir.Range) -> bool:
    low = outer.minimum is None or (inner.minimum is not None and inner.minimum >= outer.minimum)
    high = outer.maximum is None or (inner.maximum is not None and inner.maximum <= outer.maximum)
    return low and high


@rule("RULE_ADDED", "rule", "a new validation rule: at error level it rejects what old writers may send")
def rule_added(scope: str, old: ir.Rule | None, new: ir.Rule | None, ctx: Context) -> list[Finding]:
    if old is not None or new is None:
        return []
    types = ctx.rule_types(new)
    if new.level == "lint":
        return hit(
            "RULE_ADDED", f"rule {new.id}", f"lint rule {new.id} added: {new.doc}", INFO, Bump.MINOR, frame_types=types
        )
    return hit(
        "RULE_ADDED",
        f"rule {new.id}",
        f"error rule {new.id} added: {new.doc}",
        BREAKING,
        Bump.MAJOR,
        frame_types=types,
        **_rule_flags(True, False),
    )


@rule("RULE_REMOVED", "rule", "a validation rule is gone: at error level, new writers may send what old readers reject")
def rule_removed(scope: str, old: ir.Rule | None, new: ir.Rule | None, ctx: Context) -> list[Finding]:
    if new is not None or old is None:
        return []
    types = ctx.rule_types(old)
    if old.level == "lint":
        return hit("RULE_REMOVED", f"rule {old.id}", f"lint rule {old.id} removed", INFO, Bump.PATCH, frame_types=types)
    return hit(
        "RULE_REMOVED",
        f"rule {old.id}",
        f"error rule {old.id} removed: {old.doc}",
        BREAKING,
        Bump.MAJOR,
        frame_types=types,
        **_rule_flags(False, True),
    )


def _rule_comparison(id: str, strictness: str, verb: str, lint_bump: Bump, tighter: bool, looser: bool) -> None:
    """Register a rule for one outcome of _strictness on a rule kept at the same level.

    An error-level change is breaking: tighter breaks old writers, looser breaks old readers, and
    "changed" (neither) breaks both; a lint-level change is information only.
    """

    @rule(id, "rule", f"a rule {verb} (compared as sets of conditions, checks, ranges and allowed values)")
    def check(scope: str, old: ir.Rule | None, new: ir.Rule | None, ctx: Context) -> list[Finding]:
        if not old or not new or old.level != new.level or _strictness(old, new, ctx) != strictness:
            return []
        types = tuple(sorted(set(ctx.rule_types(old)) | set(ctx.rule_types(new))))
        if new.level == "lint":
            return hit(id, f"rule {new.id}", f"lint rule {new.id} {verb}", INFO, lint_bump, frame_types=types)
        return hit(
            id,
            f"rule {new.id}",
            f"error rule {new.id} {verb}: {new.doc}",
            BREAKING,
            Bump.MAJOR,
            frame_types=types,
            **_rule_flags(tighter, looser),
        )


_rule_comparison("RULE_TIGHTENED", "tighter", "tightened", Bump.MINOR, tighter=True, looser=False)
_rule_comparison("RULE_LOOSENED", "looser", "loosened", Bump.PATCH, tighter=False, looser=True)
_rule_comparison("RULE_CHANGED", "changed", "changed", Bump.MINOR, tighter=True, looser=True)


def _level_change(id: str, before: str, after: str, verb: str, tighter: bool) -> None:
    """Register a rule for a validation rule moved between levels: raising it rejects what old writers
    send (deploy them first); lowering it lets new writers send what old readers still reject."""

    @rule(id, "rule", f"a {before} rule became {after}")
    def check(scope: str, old: ir.Rule | None, new: ir.Rule | None, ctx: Context) -> list[Finding]:
        if not old or not new or (old.level, new.level) != (before, after):
            return []
        return hit(
            id,
            f"rule {new.id}",
            f"rule {new.id} {verb} from {before} to {after}",
            BREAKING,
            Bump.MAJOR,
            frame_types=ctx.rule_types(new),
            **_rule_flags(tighter, not tighter),
        )


_level_change("RULE_LEVEL_RAISED", "lint", "error", "raised", tighter=True)
_level_change("RULE_LEVEL_LOWERED", "error", "lint", "lowered", tighter=False)


@rule("RULE_MESSAGE_CHANGED", "rule", "a rule's description (its message) changed")
def rule_message_changed(scope: str, old: ir.Rule | None, new: ir.Rule | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.doc == new.doc:
        return []
    return hit("RULE_MESSAGE_CHANGED", f"rule {new.id}", f"message of rule {new.id} changed", INFO, Bump.PATCH)


def is_membership(rule_: ir.Rule | None, schema: ir.Schema) -> bool:
    """The rule a property's enum type implies (type-known): its changes are reported per enum value."""
    if rule_ is None or rule_.when or len(rule_.then) != 1 or not isinstance(rule_.then[0], ir.In):
        return False
    fields = {f.wire_name: f for s in schema.structs for f in s.fields}
    f = fields.get(rule_.then[0].field)
    if not f or f.type.kind != ir.Kind.ENUM or f.type.ref not in {e.name for e in schema.enums}:
        return False
    return set(rule_.then[0].values) - {""} == {v.value for v in schema.enum(f.type.ref).values}


def rules_by_kind(kind: str) -> list[DiffRule]:
    return [r for r in RULES if r.kind == kind]


def with_verdict(finding: Finding, ctx: Context) -> Finding:
    """Add readers, writers and the rollout order from the frame types the finding concerns."""
    readers, writers = ctx.services(finding.frame_types)
    return replace(finding, readers=readers, writers=writers, rollout=rollout(finding, readers, writers))


def rollout(f: Finding, readers: tuple[str, ...], writers: tuple[str, ...]) -> str:
    if not f.breaks_old_readers and not f.breaks_old_writers:
        return "either order"
    if f.breaks_old_readers and f.breaks_old_writers:
        return "not rollable in one step: add the new field, migrate, then remove"
    first = readers if f.breaks_old_readers else writers
    if len(first) == 1:
        return f"deploy {first[0]} first"
    return "not rollable in one step: add the new field, migrate, then remove"
