"""How two versions of a validation rule compare, on what both schemas share.

A rule is compared on its *common part*: what it says about frame types and fields that exist on both
sides. Old writers never send a type or field that did not exist, and new writers never send one that
is gone, so a check on those alone cannot break anyone; the value or removal is reported on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from generator import ir
from generator.diff.context import Context, fields_of


def holds_when_absent(p: ir.Predicate, fields: frozenset[str]) -> bool:
    """The predicate holds for every frame that carries none of the fields (value checks hold on absence)."""
    if isinstance(p, ir.AnyOf):
        return any(all(holds_when_absent(q, fields) for q in alt) for alt in p.alternatives)
    if isinstance(p, ir.Present):
        return False
    return p.field in fields


def _renamed(p: ir.Predicate, names: dict[str, str]) -> ir.Predicate:
    if isinstance(p, ir.AnyOf):
        return ir.AnyOf(tuple(tuple(_renamed(q, names) for q in alt) for alt in p.alternatives))
    return replace(p, field=names.get(p.field, p.field))


def _field(schema: ir.Schema, struct: str, wire: str) -> ir.Field | None:
    structs = [s for s in schema.structs if s.name == struct]
    return next((f for f in structs[0].fields if f.wire_name.upper() == wire.upper()), None) if structs else None


def _written(reader: tuple[ir.Schema, str], writer: tuple[ir.Schema, str]) -> Callable[[ir.Predicate], bool]:
    """Present(f) holds for everything the writing side sends when it always writes f, never null, and the
    reading side's f is a pointer (any value written makes it present): an optional struct made required."""

    def holds(p: ir.Predicate) -> bool:
        if not isinstance(p, ir.Present):
            return False
        read, wrote = _field(*reader, p.field), _field(*writer, p.field)
        return bool(read and wrote and read.type.nullable and not wrote.omit_empty and not wrote.type.nullable)

    return holds


def _without(predicates: tuple[ir.Predicate, ...], holds: Callable[[ir.Predicate], bool]) -> tuple[ir.Predicate, ...]:
    """The conjunction without the predicates that always hold (an anyOf with an alternative left empty holds)."""
    out: list[ir.Predicate] = []
    for p in predicates:
        if isinstance(p, ir.AnyOf):
            alternatives = tuple(_without(alt, holds) for alt in p.alternatives)
            if all(alternatives):
                out.append(ir.AnyOf(alternatives))
        elif not holds(p):
            out.append(p)
    return tuple(out)


def scope_struct(scope: str, ctx: Context, side: str) -> str:
    if scope != "(root)":
        return scope
    return ctx.new.root if side == "new" else ctx.old.root


def common(rule: ir.Rule | None, scope: str, ctx: Context, side: str) -> ir.Rule | None:
    """The rule restricted to what both sides share; None when that leaves it checking nothing.

    side "new" drops what this change adds (old writers never send it), "old" what it removes (new
    writers never send it) and spells renamed fields (case only) as the new side does.
    """
    if rule is None:
        return None
    struct = scope_struct(scope, ctx, side)
    if side == "new":
        types, fields = ctx.added_types, ctx.added_fields(struct)
        if ctx.is_new_struct(struct):
            return None
    else:
        types, fields = ctx.removed_types, ctx.removed_fields(struct)
        names = ctx.renamed_fields(struct)
        rule = replace(
            rule, when=tuple(_renamed(p, names) for p in rule.when), then=tuple(_renamed(p, names) for p in rule.then)
        )
    other = "old" if side == "new" else "new"
    holds = _written((getattr(ctx, side), struct), (getattr(ctx, other), scope_struct(scope, ctx, other)))
    rule = replace(rule, when=_without(rule.when, holds), then=_without(rule.then, holds))
    test = ctx.type_test(rule)
    when = rule.when
    if test:
        kept = tuple(v for v in test.values if v not in types)
        if not kept and test.values:
            return None
        when = tuple(replace(p, values=kept) if p is test else p for p in when)
    if any(isinstance(p, ir.Present) and p.field in fields for p in when):
        return None  # its condition needs a field the other side never sends
    then = tuple(p for p in rule.then if not holds_when_absent(p, fields))
    return replace(rule, when=when, then=then) if then else None


SAME, TIGHTER, LOOSER, CHANGED = "same", "tighter", "looser", "changed"
_ORDERED = (ir.Range, ir.Length, ir.Count, ir.In, ir.Each, ir.Conforms)  # compared with their counterpart


def _outcome(tighter: bool, looser: bool) -> str:
    if tighter and looser:
        return SAME
    return TIGHTER if tighter else LOOSER if looser else CHANGED


def _bound(old: float | None, old_exclusive: bool, new: float | None, new_exclusive: bool, sign: int) -> int:
    """1 when the new bound excludes more than the old one, -1 when less, 0 when the same (sign: 1 for a
    lower bound, -1 for an upper one; None is no bound)."""
    if old is None or new is None:
        return 0 if old is new else 1 if old is None else -1
    if old != new:
        return 1 if (new - old) * sign > 0 else -1
    return 0 if old_exclusive == new_exclusive else 1 if new_exclusive else -1


def _interval(old: ir.Range | ir.Length | ir.Count, new: ir.Range | ir.Length | ir.Count) -> str:
    """Bounds compared one by one: a range, a length or a count is tighter when each bound excludes at least
    as much and one more (an exclusive bound excludes its own value)."""

    def exclusive(p: ir.Range | ir.Length | ir.Count, which: str) -> bool:
        return isinstance(p, ir.Range) and getattr(p, f"exclusive_{which}")

    low = _bound(old.minimum, exclusive(old, "minimum"), new.minimum, exclusive(new, "minimum"), 1)
    high = _bound(old.maximum, exclusive(old, "maximum"), new.maximum, exclusive(new, "maximum"), -1)
    return _outcome(low >= 0 and high >= 0, low <= 0 and high <= 0)


def _pair(old: ir.Predicate, new: ir.Predicate) -> str:
    """How one check on a field compares with its new version (same kind, same field)."""
    if isinstance(old, ir.In) and isinstance(new, ir.In):
        return _outcome(set(new.values) <= set(old.values), set(new.values) >= set(old.values))
    if isinstance(old, ir.Each) and isinstance(new, ir.Each):
        return _outcome(*checks(old.predicates, new.predicates))
    if isinstance(old, ir.Conforms) and isinstance(new, ir.Conforms):
        return SAME if old.struct == new.struct else CHANGED  # another content struct: compared as unrelated
    return _interval(old, new)  # type: ignore[arg-type]


def _normal(p: ir.Predicate) -> ir.Predicate:
    """ "Not empty" is a length of at least 1, so that it compares with a Length on the same string."""
    if isinstance(p, ir.NotIn) and p.values == ("",):
        return ir.Length(p.field, 1, None)
    return p


def checks(old: tuple[ir.Predicate, ...], new: tuple[ir.Predicate, ...]) -> tuple[bool, bool]:
    """(tighter or same, looser or same) for two conjunctions of checks, compared as sets; a range, length,
    count, allowed values, element checks (Each) or declared content (Conforms) on a field is compared with its
    counterpart on the same field, so widening a range or an enum's allowed values is a loosening."""
    old_set, new_set = {_normal(p) for p in old}, {_normal(p) for p in new}

    def keyed(ps: set) -> dict:
        out: dict = {}
        for p in ps:
            if isinstance(p, _ORDERED):
                out.setdefault((type(p), p.field), []).append(p)
        return out

    old_keys, new_keys = keyed(old_set), keyed(new_set)
    for key in old_keys.keys() & new_keys.keys():
        if len(old_keys[key]) != 1 or len(new_keys[key]) != 1:
            continue  # compared as sets
        o, n = old_keys[key][0], new_keys[key][0]
        old_set.discard(o)
        new_set.discard(n)
        outcome = _pair(o, n)
        if outcome in (TIGHTER, CHANGED):
            new_set.add(("new excludes more", key))
        if outcome in (LOOSER, CHANGED):
            old_set.add(("old excludes more", key))
    return new_set >= old_set, new_set <= old_set


def strictness(old: ir.Rule | None, new: ir.Rule | None, ctx: Context, struct: str = "") -> str:
    """'same', 'tighter', 'looser' or 'changed', comparing the types a rule applies to, its conditions and
    its checks (checks()). None (a rule that checks nothing) is looser than any rule."""
    if old is None or new is None:
        return SAME if old is new else TIGHTER if old is None else LOOSER
    old_types, new_types = set(ctx.rule_types(old, struct)), set(ctx.rule_types(new, struct))
    old_when = {_normal(p) for p in old.when if p is not ctx.type_test(old)}
    new_when = {_normal(p) for p in new.when if p is not ctx.type_test(new)}
    then_tighter, then_looser = checks(old.then, new.then)
    tighter = (new_types >= old_types) and (new_when <= old_when) and then_tighter
    looser = (new_types <= old_types) and (new_when >= old_when) and then_looser
    return _outcome(tighter, looser)


def compared(scope: str, old: ir.Rule, new: ir.Rule, ctx: Context) -> str:
    """strictness() of the common parts of a rule's two versions."""
    struct = scope_struct(scope, ctx, "new")
    return strictness(common(old, scope, ctx, "old"), common(new, scope, ctx, "new"), ctx, struct)


def only_about(rule: ir.Rule, scope: str, ctx: Context, side: str) -> tuple[str, ...]:
    """The added (side "new") or removed (side "old") types and fields the rule mentions: what it is about."""
    struct = scope_struct(scope, ctx, side)
    if side == "new":
        types, fields = ctx.added_types, ctx.added_fields(struct)
        if ctx.is_new_struct(struct):
            return (struct,)
    else:
        types, fields = ctx.removed_types, ctx.removed_fields(struct)
    test = ctx.type_test(rule)
    mentioned = [v for v in (test.values if test else ()) if v in types]
    return (*mentioned, *sorted((fields_of(rule.when) | fields_of(rule.then)) & fields))
