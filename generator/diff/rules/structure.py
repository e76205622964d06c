"""Rules over the schema as a whole, its structs and enums, and their fields."""

from __future__ import annotations

from dataclasses import replace

from generator import ir
from generator.diff import wire
from generator.diff.context import Context, fields_of
from generator.diff.model import BREAKING, INFO, WARNING, Bump, Finding
from generator.diff.rules.registry import annotation, hit, rule
from generator.diff.strictness import holds_when_absent

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
    if old is not None or new is None or not new.omit_empty:
        return []
    return hit(
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} added; old readers ignore it",
        INFO,
        Bump.MINOR,
        frame_types=_field_types(ctx, struct, new),
    )


JSON_SCHEMA_READERS = "framegen's decoders and Go's read a missing key as the zero value"


@rule(
    "REQUIRED_FIELD_ADDED",
    "field",
    "a new field in `required` (always encoded): old readers skip it, but old writers' messages lack it, and a "
    "JSON Schema validator on the new schema rejects them",
)
def required_field_added(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if old is not None or new is None or new.omit_empty:
        return []
    return hit(
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} added as required (always encoded); old readers ignore it; old writers do not send "
        f"it, so a JSON Schema validator on the new schema rejects their messages ({JSON_SCHEMA_READERS})",
        WARNING,
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


WIDER = "start sending values of {subject} that its old type could not hold only once {readers} all run this schema"
NARROWER = "make {writers} send only values {subject}'s new type holds, in a release still on the old schema"


def _retyped(old: ir.Field | None, new: ir.Field | None, container: ir.Kind | None, *verdicts: str) -> str:
    """The wire verdict (wire.compare) of a field whose value type changed, when it is one of `verdicts`:
    for a list (or map) field kept a list (or map) when container is LIST (or MAP), else for the field itself
    ('' when the change is another rule's: raw JSON on either side, a list's items for the field's rules)."""
    if not old or not new or ir.Kind.RAW in (old.type.kind, new.type.kind):
        return ""
    kept = old.type.kind == new.type.kind and old.type.kind in (ir.Kind.LIST, ir.Kind.MAP)
    if kept != (container is not None) or (container is not None and old.type.kind != container):
        return ""
    verdict = wire.compare(old.type, new.type)
    return verdict if verdict in verdicts else ""


def _type_flags(verdict: str) -> dict[str, bool]:
    """Who a value type change breaks: a wider type old readers (they reject what they cannot hold), a
    narrower one old writers (new readers reject it), anything else both; the generated types change."""
    return {
        "breaks_old_readers": verdict in (wire.WIDENED, wire.RETYPED),
        "breaks_old_writers": verdict in (wire.NARROWED, wire.RETYPED),
        "api_break": True,
    }


def _type_change(old: ir.Field, new: ir.Field) -> str:
    """old -> new, nullability aside (FIELD_NULLABLE_* say it), and whether a float64 rounds the old integers."""
    before, after = (wire.text(replace(f.type, nullable=False)) for f in (old, new))
    return f"{before} -> {after}" + (" (integers past 2^53 round)" if wire.rounding(old.type, new.type) else "")


def _rejected(old: ir.TypeRef, new: ir.TypeRef) -> str:
    """What a reader of the narrower of two number types rejects: fractions and exponents, or values past it."""
    narrow, wide = (old, new) if wire.compare(old, new) == wire.WIDENED else (new, old)
    while narrow.kind in (ir.Kind.LIST, ir.Kind.MAP):
        narrow, wide = narrow.item, wide.item
    if wide.kind == ir.Kind.FLOAT:
        return "fractions, exponents (Go writes 1.5, 1e+21 for a float64) and integers past " + wire.text(narrow)
    return "values past " + wire.text(narrow)


@rule("FIELD_TYPE_CHANGED", "field", "a field's JSON type changed: neither side can read the other", instead=RETYPE)
def field_type_changed(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not _retyped(old, new, None, wire.RETYPED):
        return []
    return hit(
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} changed type {_type_change(old, new)}",
        BREAKING,
        Bump.MAJOR,
        frame_types=_field_types(ctx, struct, old, new),
        **_type_flags(wire.RETYPED),
    )


@rule(
    "FIELD_WIDENED",
    "field",
    "a number field holds more values (int32 -> int64, an integer -> a number): old readers reject those past "
    "their type (Go: out of range, or a fraction into an integer)",
    why="its receivers ({readers}) must hold the wider {subject} before its senders ({writers}) send such values",
    after=WIDER,
)
def field_widened(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not _retyped(old, new, None, wire.WIDENED):
        return []
    return hit(
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} widened {_type_change(old, new)}: old readers reject {_rejected(old.type, new.type)}",
        BREAKING,
        Bump.MAJOR,
        frame_types=_field_types(ctx, struct, old, new),
        **_type_flags(wire.WIDENED),
    )


@rule(
    "FIELD_NARROWED",
    "field",
    "a number field holds fewer values (int64 -> int32, a number -> an integer): new readers reject what old "
    "writers may send past the new type",
    why="its senders ({writers}) must keep {subject} within its new type before its receivers ({readers}) reject "
    "the rest",
    before=NARROWER,
)
def field_narrowed(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not _retyped(old, new, None, wire.NARROWED):
        return []
    return hit(
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} narrowed {_type_change(old, new)}: new readers reject old writers' "
        f"{_rejected(old.type, new.type)}",
        BREAKING,
        Bump.MAJOR,
        frame_types=_field_types(ctx, struct, old, new),
        **_type_flags(wire.NARROWED),
    )


@rule(
    "FIELD_CODE_TYPE_CHANGED",
    "field",
    "the same values on the wire in another generated type (Go int <-> int64, string <-> an enum, one enum <-> "
    "another): breaks code using the generated types; allowed values are compared as the membership rule",
)
def field_code_type_changed(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not _retyped(old, new, None, wire.RENAMED):
        return []
    return hit(
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} is now {wire.text(new.type)} (was {wire.text(old.type)}): the same JSON values, "
        "another generated type",
        BREAKING,
        Bump.MAJOR,
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


def _element_rule(id: str, container: ir.Kind, noun: str) -> None:
    """Register a rule for a list's items (or a map's values) whose type changed, judged as a field's type is."""

    @rule(
        id,
        "field",
        f"a {container} field's {noun} have another type: a wider one breaks old readers, a narrower one old "
        "writers, another struct or an unrelated type both",
        instead=RETYPE,
        after=WIDER,
        before=NARROWER,
    )
    def check(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
        verdict = _retyped(old, new, container, wire.RENAMED, wire.WIDENED, wire.NARROWED, wire.RETYPED)
        if not verdict:
            return []
        words = {wire.WIDENED: "widened", wire.NARROWED: "narrowed", wire.RENAMED: "in another generated type"}
        return hit(
            f"{struct}.{new.wire_name}",
            f"{noun} of {new.wire_name} {words.get(verdict, 'changed type')}: "
            f"{wire.text(old.type.item)} -> {wire.text(new.type.item)}"
            + (" (integers past 2^53 round)" if wire.rounding(old.type, new.type) else "")
            + (f"; old readers reject {_rejected(old.type, new.type)}" if verdict == wire.WIDENED else "")
            + (
                f"; new readers reject old writers' {_rejected(old.type, new.type)}" if verdict == wire.NARROWED else ""
            ),
            BREAKING,
            Bump.MAJOR,
            frame_types=_field_types(ctx, struct, old, new),
            **(_type_flags(verdict) if verdict != wire.RENAMED else {"api_break": True}),
        )


_element_rule("FIELD_ITEMS_CHANGED", ir.Kind.LIST, "items")
_element_rule("FIELD_VALUES_CHANGED", ir.Kind.MAP, "values")


def _checked_by(schema: ir.Schema, struct: str, f: ir.Field) -> tuple[str, ...]:
    """Error rules of the struct (with the root's own, for the root) that a reader on this schema may fail when
    it reads null or an explicit zero value as the zero value: when the field is omitempty there, those that
    require it present (the zero value is absent); when it is always encoded, any that checks it."""
    structs = [s for s in schema.structs if s.name == struct]
    rules = [*(structs[0].rules if structs else ()), *(schema.root_rules if struct == schema.root else ())]

    def fails(p: ir.Predicate) -> bool:
        mentioned = f.wire_name in fields_of((p,))
        return mentioned and (not f.omit_empty or not holds_when_absent(p, frozenset({f.wire_name})))

    return tuple(r.id for r in rules if r.level == "error" and any(fails(p) for p in r.then))


def _null_words(f: ir.Field) -> str:
    if f.type.kind in (ir.Kind.LIST, ir.Kind.MAP):
        go = "slice" if f.type.kind == ir.Kind.LIST else "map"
        return f"Go's {go} is unchanged, written null when nil; in Python it may be None"
    return f"a pointer in Go (*{wire.text(replace(f.type, nullable=False))}), optional in Python"


@rule(
    "FIELD_NULLABLE_ADDED",
    "field",
    "a field's value may now be None (null, or a pointer set to the zero value): the generated types change; "
    "old readers read it as the zero value, which their rules on the field may reject",
    why="its receivers ({readers}) must accept {subject} as null or an explicit zero value before its senders "
    "({writers}) send it",
    after="start sending {subject} as null or an explicit zero value only once {readers} all run this schema",
)
def field_nullable_added(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.type.kind != new.type.kind or new.type.kind == ir.Kind.RAW:
        return []
    if old.type.nullable or not new.type.nullable:
        return []
    checked = _checked_by(ctx.old, struct, old)
    note = f"; old readers check it ({', '.join(checked)})" if checked else ""
    return hit(
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} is now nullable ({_null_words(new)}): new writers may send null or an explicit "
        f"zero value, which old readers read as the zero value{note}",
        BREAKING,
        Bump.MAJOR,
        breaks_old_readers=bool(checked),
        api_break=True,
        frame_types=_field_types(ctx, struct, old, new),
    )


@rule(
    "FIELD_NULLABLE_REMOVED",
    "field",
    "a field's value can no longer be None: the generated types change; old writers' null or explicit zero "
    "value is read as the zero value, which the new rules on the field may reject",
    why="its senders ({writers}) must stop sending {subject} as null or an explicit zero value before its "
    "receivers ({readers}) check it",
    before="stop sending {subject} as null or an explicit zero value from {writers}, in a release still on the old "
    "schema",
)
def field_nullable_removed(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.type.kind != new.type.kind or new.type.kind == ir.Kind.RAW:
        return []
    if not old.type.nullable or new.type.nullable:
        return []
    checked = _checked_by(ctx.new, struct, new)
    note = f"; new readers check it ({', '.join(checked)})" if checked else ""
    was = "a pointer in Go" if old.type.kind not in (ir.Kind.LIST, ir.Kind.MAP) else "None in Python"
    return hit(
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} is no longer nullable (was {was}): old writers' null or explicit zero value is "
        f"read as the zero value{note}",
        BREAKING,
        Bump.MAJOR,
        breaks_old_writers=bool(checked),
        api_break=True,
        frame_types=_field_types(ctx, struct, old, new),
    )


@rule("FIELD_ALWAYS_ENCODED", "field", "a field lost omitempty: new writers send its zero value, old readers decode it")
def field_always_encoded(struct: str, old: ir.Field | None, new: ir.Field | None, ctx: Context) -> list[Finding]:
    if not old or not new or not (old.omit_empty and not new.omit_empty):
        return []
    return hit(
        f"{struct}.{new.wire_name}",
        f"field {new.wire_name} is now always encoded (no omitempty); canonical bytes change; old writers still "
        f"omit its zero value, which a JSON Schema validator on the new schema rejects ({JSON_SCHEMA_READERS})",
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
        f"field {new.wire_name} is now omitted when empty; readers that test for the key's presence differ, and a "
        f"JSON Schema validator on the old schema rejects new writers' messages without it ({JSON_SCHEMA_READERS})",
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
