"""Breaking-change rules, one small function each (after buf's breaking rules).

Each rule has a stable ID (given to @rule, stamped on its findings by the engine), a one-line purpose
and a function over one matched old/new pair (either side may be None: added or removed). It returns
the findings it sees; the engine adds who reads and writes the frame types concerned and the rollout.
A rule may also say, for the rollout plan, why one side deploys first (`why`) and what to do when the
change cannot ship in one step: prepare a release `before` it, gate a use `after` it, or ship a
sequence of versions `instead` ({subject}, {readers} and {writers} are filled in).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator import ir
from generator.diff.context import Context
from generator.diff.model import BREAKING, INFO, WARNING, Bump, Finding
from generator.diff.strictness import common, compared, only_about


@dataclass(frozen=True, slots=True)
class DiffRule:
    id: str
    kind: str  # schema | struct | enum | field | value | rule
    purpose: str
    check: Callable[..., list[Finding]]
    why: str = ""
    before: str = ""
    after: str = ""
    instead: str = ""


RULES: list[DiffRule] = []


def rule(id: str, kind: str, purpose: str, **advice: str) -> Callable[[Callable[..., list[Finding]]], Callable]:
    def register(check: Callable[..., list[Finding]]) -> Callable[..., list[Finding]]:
        RULES.append(DiffRule(id, kind, purpose, check, **advice))
        return check

    return register


def hit(subject: str, message: str, severity: str, bump: Bump, **flags: Any) -> list[Finding]:
    """One finding; the engine fills in the ID of the rule that returned it."""
    return [Finding(rule="", severity=severity, subject=subject, message=message, bump=bump, **flags)]


def _annotation(annotations: ir.Annotations, key: str) -> str:
    return dict(annotations).get(key, "")


# ---- schema ---------------------------------------------------------------------------------


@rule("SCHEMA_ID_CHANGED", "schema", "the schema's $id changed")
def schema_id_changed(old: ir.Schema, new: ir.Schema, ctx: Context) -> list[Finding]:
    if old.id == new.id:
        return []
    return hit("$id", f"$id {old.id} -> {new.id}", INFO, Bump.NONE)


@rule("SCHEMA_VERSION_CHANGED", "schema", "the declared schema version changed (checked by the version check)")
def schema_version_changed(old: ir.Schema, new: ir.Schema, ctx: Context) -> list[Finding]:
    if old.version == new.version:
        return []
    return hit("x-schema-version", f"version {old.version} -> {new.version}", INFO, Bump.NONE)


@rule(
    "ROOT_CHANGED",
    "schema",
    "the top-level message is another struct",
    instead="publish the new top-level message under a new $id next to the old one, move both services to it, "
    "then retire the old one",
)
def root_changed(old: ir.Schema, new: ir.Schema, ctx: Context) -> list[Finding]:
    if old.root == new.root:
        return []
    return hit(
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
    return hit("package", "package documentation changed", INFO, Bump.PATCH)


# ---- structs and enums ------------------------------------------------------------------------


@rule("STRUCT_ADDED", "struct", "a new struct: additive for the wire and for generated code")
def struct_added(old: ir.Struct | None, new: ir.Struct | None, ctx: Context) -> list[Finding]:
    if old is not None or new is None:
        return []
    return hit(new.name, f"struct {new.name} added", INFO, Bump.MINOR)


@rule("STRUCT_REMOVED", "struct", "a struct is gone: code that uses its generated type breaks")
def struct_removed(old: ir.Struct | None, new: ir.Struct | None, ctx: Context) -> list[Finding]:
    if new is not None or old is None:
        return []
    return hit(old.name, f"struct {old.name} removed", BREAKING, Bump.MAJOR, api_break=True)


@rule("ENUM_ADDED", "enum", "a new enum: additive")
def enum_added(old: ir.Enum | None, new: ir.Enum | None, ctx: Context) -> list[Finding]:
    if old is not None or new is None:
        return []
    return hit(new.name, f"enum {new.name} added", INFO, Bump.MINOR)


@rule("ENUM_REMOVED", "enum", "an enum is gone: code that uses its generated type breaks")
def enum_removed(old: ir.Enum | None, new: ir.Enum | None, ctx: Context) -> list[Finding]:
    if new is not None or old is None:
        return []
    return hit(old.name, f"enum {old.name} removed", BREAKING, Bump.MAJOR, api_break=True)


# ---- fields ---------------------------------------------------------------------------------


RETYPE = (
    "add a field of the new type next to {subject} (a minor version); once the senders ({writers}) send "
    "both and the receivers ({readers}) read the new one, remove {subject} (a major version)"
)


def _field_types(ctx: Context, struct: str, *fields: ir.Field | None) -> tuple[str, ...]:
    return tuple(sorted({t for f in fields if f for t in ctx.field_types(struct, f.wire_name)}))


@rule("FIELD_ADDED", "field", "a new optional field: old readers skip unknown keys (Go and framegen decoders do)")
def field_added(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if old is not None or new is None:
        return []
    note = "" if new.omit_empty else " (always encoded)"
    return hit(
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} added{note}; old readers ignore it",
        INFO,
        Bump.MINOR,
        frame_types=_field_types(ctx, struct, new),
    )


@rule(
    "FIELD_REMOVED",
    "field",
    "a field is gone: old readers get its zero value, generated code loses it",
    why="its receivers ({readers}) must stop reading {subject} before its senders ({writers}) stop sending it",
    before="stop reading {subject} in {readers}, in a release still on the old schema",
)
def field_removed(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if new is not None or old is None:
        return []
    return hit(
        f"{struct}.{old.wire_name}",
        f"field {old.wire_name} removed: new writers stop sending it and old readers see its zero value",
        BREAKING,
        Bump.MAJOR,
        breaks_old_readers=True,
        api_break=True,
        frame_types=_field_types(ctx, struct, old),
    )


@rule("FIELD_RENAMED", "field", "a field's wire name changed only in case: Go's decoder still matches it")
def field_renamed(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.wire_name == new.wire_name:
        return []
    return hit(
        f"{struct}.{old.wire_name}",
        f"field {old.wire_name} renamed to {new.wire_name}: a remove plus an add that share the wire name "
        "case-insensitively, so Go (and framegen) decoders on either side still match it; canonical bytes "
        "and possibly generated names change",
        WARNING,
        Bump.MINOR,
        api_break=True,
        frame_types=_field_types(ctx, struct, old, new),
    )


@rule("FIELD_TYPE_CHANGED", "field", "a field's JSON type changed: neither side can read the other", instead=RETYPE)
def field_type_changed(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.type.kind == new.type.kind or ir.Kind.RAW in (old.type.kind, new.type.kind):
        return []
    return hit(
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} changed type {old.type.kind} -> {new.type.kind}",
        BREAKING,
        Bump.MAJOR,
        breaks_old_readers=True,
        breaks_old_writers=True,
        api_break=True,
        frame_types=_field_types(ctx, struct, old, new),
    )


@rule("FIELD_RAW_CHANGED", "field", "a field became raw JSON or stopped being raw JSON", instead=RETYPE)
def field_raw_changed(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or (old.type.kind == ir.Kind.RAW) == (new.type.kind == ir.Kind.RAW):
        return []
    return hit(
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} changed from {old.type.kind} to {new.type.kind}",
        BREAKING,
        Bump.MAJOR,
        breaks_old_readers=True,
        breaks_old_writers=True,
        api_break=True,
        frame_types=_field_types(ctx, struct, old, new),
    )


@rule("FIELD_ITEMS_CHANGED", "field", "a list field holds another struct or enum than before", instead=RETYPE)
def field_items_changed(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.type.kind != new.type.kind or old.type == new.type:
        return []
    return hit(
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} now refers to {new.type.item.ref if new.type.item else new.type.ref}",
        BREAKING,
        Bump.MAJOR,
        breaks_old_readers=True,
        breaks_old_writers=True,
        api_break=True,
        frame_types=_field_types(ctx, struct, old, new),
    )


@rule("FIELD_ALWAYS_ENCODED", "field", "a field lost omitempty: new writers send its zero value, old readers decode it")
def field_always_encoded(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or not (old.omit_empty and not new.omit_empty):
        return []
    return hit(
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} is now always encoded (no omitempty); canonical bytes change",
        WARNING,
        Bump.MINOR,
        frame_types=_field_types(ctx, struct, new),
    )


@rule("FIELD_OMITEMPTY_ADDED", "field", "a field gained omitempty: its zero value is no longer sent")
def field_omitempty_added(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or not (new.omit_empty and not old.omit_empty):
        return []
    return hit(
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} is now omitted when empty; readers that test for the key's presence differ",
        WARNING,
        Bump.MINOR,
        frame_types=_field_types(ctx, struct, new),
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
    return hit(new.name, f"{new.name}'s fields are encoded in another order", WARNING, Bump.MINOR)


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
        f"{struct}.{new.wire_name}",
        f"format of {new.wire_name}: {old.format or '(none)'} -> {new.format or '(none)'}",
        INFO,
        Bump.PATCH,
    )


@rule("FIELD_DEPRECATED", "field", "a field was marked deprecated")
def field_deprecated(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.deprecated or not new.deprecated:
        return []
    return hit(f"{struct}.{new.wire_name}", f"field {new.wire_name} is deprecated", INFO, Bump.MINOR)


# ---- enum values (the message types) -----------------------------------------------------------


def _value_flags(ctx: Context, enum: str, value: str) -> dict[str, Any]:
    is_message = bool(ctx.discriminant) and ctx.discriminant[1] == enum
    return {"frame_types": (value,) if is_message else ctx.enum_types(enum)}


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
    return hit(
        f"{enum}.{new.value}",
        f"{enum} value {new.value} added: old receivers reject it (type-known) or skip it{_implied(ctx, new)}",
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


@rule("ENUM_VALUE_GO_NAME_CHANGED", "value", "a value's Go constant name changed: breaks code using it")
def enum_value_go_name_changed(
    enum: str, old: ir.EnumValue | None, new: ir.EnumValue | None, ctx: Context
) -> list[Finding]:
    if not old or not new or _annotation(old.annotations, "go.name") == _annotation(new.annotations, "go.name"):
        return []
    return hit(f"{enum}.{new.value}", f"Go constant name of {new.value} changed", BREAKING, Bump.MAJOR, api_break=True)


@rule("ENUM_VALUE_DEPRECATED", "value", "a value was marked deprecated")
def enum_value_deprecated(enum: str, old: ir.EnumValue | None, new: ir.EnumValue | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.deprecated or not new.deprecated:
        return []
    return hit(f"{enum}.{new.value}", f"{new.value} is deprecated", INFO, Bump.MINOR)


# ---- validation rules -----------------------------------------------------------------------------
#
# A rule is judged on its common part (strictness.common): what it says about frame types and fields
# both schemas have. A rule, bound or allowed-values check on what this change adds rejects nothing an
# old writer sends; one on what it removes, nothing a new writer sends.


def _rule_flags(tighter: bool, looser: bool) -> dict[str, Any]:
    """A tighter rule breaks old writers (new receivers reject what they send); a looser one, old readers."""
    return {"breaks_old_writers": tighter, "breaks_old_readers": looser}


def _types(ctx: Context, *rules: ir.Rule | None) -> tuple[str, ...]:
    return tuple(sorted({t for r in rules if r for t in ctx.rule_types(r)}))


@rule(
    "RULE_ADDED",
    "rule",
    "a new validation rule: at error level it rejects what old writers may send, unless it "
    "constrains only fields or frame types added in the same change",
)
def rule_added(scope: str, old: ir.Rule | None, new: ir.Rule | None, ctx: Context) -> list[Finding]:
    if old is not None or new is None:
        return []
    shared = common(new, scope, ctx, "new")
    if new.level == "lint" or shared is None:
        about = only_about(new, scope, ctx, "new") if shared is None else ()
        note = f"; it constrains only {', '.join(about)}, added in this change" if about else ""
        return hit(
            f"rule {new.id}",
            f"{new.level} rule {new.id} added: {new.doc}{note}",
            INFO,
            Bump.MINOR,
            frame_types=_types(ctx, new),
        )
    return hit(
        f"rule {new.id}",
        f"error rule {new.id} added: {new.doc}",
        BREAKING,
        Bump.MAJOR,
        frame_types=_types(ctx, shared),
        **_rule_flags(True, False),
    )


@rule(
    "RULE_REMOVED",
    "rule",
    "a validation rule is gone: at error level, new writers may send what old readers "
    "reject, unless it applied only to fields or frame types removed in the same change",
)
def rule_removed(scope: str, old: ir.Rule | None, new: ir.Rule | None, ctx: Context) -> list[Finding]:
    if new is not None or old is None:
        return []
    shared = common(old, scope, ctx, "old")
    if old.level == "lint" or shared is None:
        about = only_about(old, scope, ctx, "old") if shared is None else ()
        note = f"; it applied only to {', '.join(about)}, removed in this change" if about else ""
        return hit(
            f"rule {old.id}", f"{old.level} rule {old.id} removed{note}", INFO, Bump.PATCH, frame_types=_types(ctx, old)
        )
    return hit(
        f"rule {old.id}",
        f"error rule {old.id} removed: {old.doc}",
        BREAKING,
        Bump.MAJOR,
        frame_types=_types(ctx, shared),
        **_rule_flags(False, True),
    )


def _rule_comparison(id: str, outcome: str, verb: str, lint_bump: Bump, tighter: bool, looser: bool, **advice: str):
    """Register a rule for one outcome of strictness.compared on a rule kept at the same level.

    An error-level change is breaking: tighter breaks old writers, looser breaks old readers, and
    "changed" (neither) breaks both; a lint-level change is information only.
    """

    @rule(id, "rule", f"a rule {verb} (compared as sets of conditions, checks, ranges and allowed values)", **advice)
    def check(scope: str, old: ir.Rule | None, new: ir.Rule | None, ctx: Context) -> list[Finding]:
        if not old or not new or old.level != new.level or compared(scope, old, new, ctx) != outcome:
            return []
        types = _types(ctx, common(old, scope, ctx, "old"), common(new, scope, ctx, "new"))
        if new.level == "lint":
            return hit(f"rule {new.id}", f"lint rule {new.id} {verb}", INFO, lint_bump, frame_types=types)
        return hit(
            f"rule {new.id}",
            f"error rule {new.id} {verb}: {new.doc}",
            BREAKING,
            Bump.MAJOR,
            frame_types=types,
            **_rule_flags(tighter, looser),
        )


_rule_comparison("RULE_TIGHTENED", "tighter", "tightened", Bump.MINOR, tighter=True, looser=False)
_rule_comparison("RULE_LOOSENED", "looser", "loosened", Bump.PATCH, tighter=False, looser=True)
_rule_comparison(
    "RULE_CHANGED",
    "changed",
    "changed",
    Bump.MINOR,
    tighter=True,
    looser=True,
    instead="ship {subject} as two versions: first one that accepts both the old and the new form (receivers, "
    "{readers}, deploy first), then one that drops the old form (senders, {writers}, deploy first)",
)


def _kind_implied(old: ir.Rule, new: ir.Rule, ctx: Context) -> bool:
    """A kind rule whose checks did not change: its type list follows the kind's values, reported on them."""
    rest = [tuple(p for p in r.when if p is not ctx.type_test(r)) for r in (old, new)]
    return bool(new.for_kind) and old.for_kind == new.for_kind and old.then == new.then and rest[0] == rest[1]


@rule("RULE_RESCOPED", "rule", "a rule changed only for fields or frame types added or removed in this change")
def rule_rescoped(scope: str, old: ir.Rule | None, new: ir.Rule | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.level != new.level or (old.when, old.then) == (new.when, new.then):
        return []
    if compared(scope, old, new, ctx) != "same" or _kind_implied(old, new, ctx):
        return []
    gained, lost = only_about(new, scope, ctx, "new"), only_about(old, scope, ctx, "old")
    if not gained and not lost:
        return []  # an equivalent rewrite, or a rename the field's own finding reports
    parts = [f"covers {', '.join(gained)}, added in this change" if gained else ""]
    parts.append(f"no longer covers {', '.join(lost)}, removed in this change" if lost else "")
    return hit(
        f"rule {new.id}",
        f"{new.level} rule {new.id} now " + ", and ".join(p for p in parts if p) + "; unchanged for the rest",
        INFO,
        Bump.MINOR if gained else Bump.PATCH,
        frame_types=_types(ctx, old, new),
    )


def _level_change(id: str, before: str, after: str, verb: str, tighter: bool) -> None:
    """Register a rule for a validation rule moved between levels: raising it rejects what old writers
    send (deploy them first); lowering it lets new writers send what old readers still reject."""

    @rule(id, "rule", f"a {before} rule became {after}")
    def check(scope: str, old: ir.Rule | None, new: ir.Rule | None, ctx: Context) -> list[Finding]:
        if not old or not new or (old.level, new.level) != (before, after):
            return []
        return hit(
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
    return hit(f"rule {new.id}", f"message of rule {new.id} changed", INFO, Bump.PATCH)


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


def by_id(id: str) -> DiffRule:
    return next(r for r in RULES if r.id == id)
