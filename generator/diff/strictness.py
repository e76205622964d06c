"""How two versions of a validation rule compare, on what both schemas share.

A rule is compared on its *common part*: what it says about frame types and fields that exist on both
sides. Old writers never send a type or field that did not exist, and new writers never send one that
is gone, so a check on those alone cannot break anyone; the value or removal is reported on its own.
"""

from __future__ import annotations

from dataclasses import replace

from generator import ir
from generator.diff.context import Context, fields_of


def _holds_when_absent(p: ir.Predicate, fields: frozenset[str]) -> bool:
    """The predicate holds for every frame that carries none of the fields (value checks hold on absence)."""
    if isinstance(p, ir.AnyOf):
        return any(all(_holds_when_absent(q, fields) for q in alt) for alt in p.alternatives)
    if isinstance(p, ir.Present):
        return False
    return p.field in fields


def _renamed(p: ir.Predicate, names: dict[str, str]) -> ir.Predicate:
    if isinstance(p, ir.AnyOf):
        return ir.AnyOf(tuple(tuple(_renamed(q, names) for q in alt) for alt in p.alternatives))
    return replace(p, field=names.get(p.field, p.field))


def _struct(scope: str, ctx: Context, side: str) -> str:
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
    struct = _struct(scope, ctx, side)
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
    test = ctx.type_test(rule)
    when = rule.when
    if test:
        kept = tuple(v for v in test.values if v not in types)
        if not kept and test.values:
            return None
        when = tuple(replace(p, values=kept) if p is test else p for p in when)
    if any(isinstance(p, ir.Present) and p.field in fields for p in when):
        return None  # its condition needs a field the other side never sends
    then = tuple(p for p in rule.then if not _holds_when_absent(p, fields))
    return replace(rule, when=when, then=then) if then else None


def _within(inner: ir.Range, outer: ir.Range) -> bool:
    low = outer.minimum is None or (inner.minimum is not None and inner.minimum >= outer.minimum)
    high = outer.maximum is None or (inner.maximum is not None and inner.maximum <= outer.maximum)
    return low and high


def _value_sets(then: set, kind: type) -> dict[str, set]:
    return {p.field: set(p.values) for p in then if isinstance(p, kind)}


def strictness(old: ir.Rule | None, new: ir.Rule | None, ctx: Context) -> str:
    """'same', 'tighter', 'looser' or 'changed', comparing conditions and checks as sets.

    Ranges compare by containment and allowed values (In) by inclusion, so widening an enum's allowed
    values or a range is a loosening, not an unrelated change. None (a rule that checks nothing) is
    looser than any rule.
    """
    if old is None or new is None:
        return "same" if old is new else "tighter" if old is None else "looser"
    old_types, new_types = set(ctx.rule_types(old)), set(ctx.rule_types(new))
    old_when = {p for p in old.when if p is not ctx.type_test(old)}
    new_when = {p for p in new.when if p is not ctx.type_test(new)}
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


def compared(scope: str, old: ir.Rule, new: ir.Rule, ctx: Context) -> str:
    """strictness() of the common parts of a rule's two versions."""
    return strictness(common(old, scope, ctx, "old"), common(new, scope, ctx, "new"), ctx)


def only_about(rule: ir.Rule, scope: str, ctx: Context, side: str) -> tuple[str, ...]:
    """The added (side "new") or removed (side "old") types and fields the rule mentions: what it is about."""
    struct = _struct(scope, ctx, side)
    if side == "new":
        types, fields = ctx.added_types, ctx.added_fields(struct)
        if ctx.is_new_struct(struct):
            return (struct,)
    else:
        types, fields = ctx.removed_types, ctx.removed_fields(struct)
    test = ctx.type_test(rule)
    mentioned = [v for v in (test.values if test else ()) if v in types]
    return (*mentioned, *sorted((fields_of(rule.when) | fields_of(rule.then)) & fields))
