"""Rules over the schema as a whole, its structs and enums, and their fields."""

from __future__ import annotations

from generator import ir
from generator.diff.context import Context
from generator.diff.model import BREAKING, INFO, WARNING, Bump, Finding
from generator.diff.rules.registry import annotation, hit, rule

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
        if not old or not new or annotation(old.annotations, key) == annotation(new.annotations, key):
            return []
        before, after = (
            annotation(old.annotations, key) or "(default)",
            annotation(new.annotations, key) or "(default)",
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
