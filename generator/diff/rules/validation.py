"""Rules over validation rules, judged on what both schemas share (strictness.common).

A rule, bound or allowed-values check on what a change adds rejects nothing an old writer sends; one
on what it removes, nothing a new writer sends. So those are info, and the rest is compared as sets.
"""

from __future__ import annotations

from typing import Any

from generator import ir
from generator.diff.context import Context
from generator.diff.model import BREAKING, INFO, Bump, Finding
from generator.diff.rules.registry import hit, rule
from generator.diff.strictness import common, compared, only_about, scope_struct


def _rule_flags(tighter: bool, looser: bool) -> dict[str, Any]:
    """A tighter rule breaks old writers (new receivers reject what they send); a looser one, old readers."""
    return {"breaks_old_writers": tighter, "breaks_old_readers": looser}


def _types(ctx: Context, scope: str, *rules: ir.Rule | None) -> tuple[str, ...]:
    struct = scope_struct(scope, ctx, "new")
    return tuple(sorted({t for r in rules if r for t in ctx.rule_types(r, struct)}))


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
            frame_types=_types(ctx, scope, new),
        )
    return hit(
        f"rule {new.id}",
        f"error rule {new.id} added: {new.doc}",
        BREAKING,
        Bump.MAJOR,
        frame_types=_types(ctx, scope, shared),
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
            f"rule {old.id}",
            f"{old.level} rule {old.id} removed{note}",
            INFO,
            Bump.PATCH,
            frame_types=_types(ctx, scope, old),
        )
    return hit(
        f"rule {old.id}",
        f"error rule {old.id} removed: {old.doc}",
        BREAKING,
        Bump.MAJOR,
        frame_types=_types(ctx, scope, shared),
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
        types = _types(ctx, scope, common(old, scope, ctx, "old"), common(new, scope, ctx, "new"))
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
        frame_types=_types(ctx, scope, old, new),
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
            frame_types=_types(ctx, scope, new),
            **_rule_flags(tighter, not tighter),
        )


_level_change("RULE_LEVEL_RAISED", "lint", "error", "raised", tighter=True)
_level_change("RULE_LEVEL_LOWERED", "error", "lint", "lowered", tighter=False)


@rule("RULE_MESSAGE_CHANGED", "rule", "a rule's description (its message) changed")
def rule_message_changed(scope: str, old: ir.Rule | None, new: ir.Rule | None, ctx: Context) -> list[Finding]:
    if not old or not new or old.doc == new.doc:
        return []
    return hit(f"rule {new.id}", f"message of rule {new.id} changed", INFO, Bump.PATCH)


def is_membership(rule_: ir.Rule | None, schema: ir.Schema, scope: str) -> bool:
    """The rule a property's enum type implies (type-known, or the same on a list's items or a map's values):
    its changes are reported per enum value."""
    if rule_ is None or rule_.when or len(rule_.then) != 1:
        return False
    check, element = rule_.then[0], False
    if isinstance(check, ir.Each) and len(check.predicates) == 1:
        check, element = check.predicates[0], True
    if not isinstance(check, ir.In):
        return False
    name = schema.root if scope == "(root)" else scope
    structs = [s for s in schema.structs if s.name == name]
    wire = rule_.then[0].field
    f = next((f for f in structs[0].fields if f.wire_name == wire), None) if structs else None
    t = (f.type.item if element else f.type) if f else None
    if not t or t.kind != ir.Kind.ENUM or t.ref not in {e.name for e in schema.enums}:
        return False
    return set(check.values) - {""} == {v.value for v in schema.enum(t.ref).values}


def enum_of(rule_: ir.Rule | None, schema: ir.Schema, scope: str) -> str:
    """The enum a membership rule checks ('' for any other rule)."""
    if not is_membership(rule_, schema, scope):
        return ""
    name = schema.root if scope == "(root)" else scope
    f = schema.struct(name).field(rule_.then[0].field)
    return (f.type.item if isinstance(rule_.then[0], ir.Each) else f.type).ref
