"""Semantic schema diff: compare two schemas through the IR and say what breaks, for whom, and how to ship it.

compare(old, new) matches structs, enums, fields, enum values and rules by name, runs every rule in
rules.py over each pair (stamping the rule's ID on what it finds), adds each finding's verdict
(verdict.py), combines them into one rollout plan (plan.py) and checks the declared version
(version.py). Comparing IRs means equivalent rewrites ($ref, key order) are not changes, and the
recursive `items` is compared by name, so the walk always ends.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator import ir
from generator.diff.context import Context
from generator.diff.model import Finding, Report
from generator.diff.plan import plan
from generator.diff.rules import enum_of, rules_by_kind
from generator.diff.verdict import with_verdict
from generator.diff.version import check_version


def _pairs(old: tuple[Any, ...], new: tuple[Any, ...], key) -> list[tuple[Any, Any]]:
    """Match items by key; unmatched ones pair with None. Order: new items in order, then removed ones."""
    old_by = {key(x): x for x in old}
    new_keys = {key(x) for x in new}
    return [(old_by.get(key(x)), x) for x in new] + [(x, None) for x in old if key(x) not in new_keys]


def _field_pairs(old: ir.Struct, new: ir.Struct) -> list[tuple[ir.Field | None, ir.Field | None]]:
    """Fields matched by wire name; a removed and an added field that agree case-insensitively are a rename."""
    pairs = _pairs(old.fields, new.fields, lambda f: f.wire_name)
    removed = {o.wire_name.upper(): o for o, n in pairs if n is None}
    out = []
    for o, n in pairs:
        if o is None and n.wire_name.upper() in removed:
            out.append((removed.pop(n.wire_name.upper()), n))
        elif n is None and o.wire_name.upper() not in removed:
            continue  # already paired as a rename
        else:
            out.append((o, n))
    return out


def _value_pairs(old: ir.Enum, new: ir.Enum) -> list[tuple[ir.EnumValue | None, ir.EnumValue | None]]:
    """Values matched by value; exactly one removed and one added with the same direction is a rename."""
    pairs = _pairs(old.values, new.values, lambda v: v.value)
    removed = [o for o, n in pairs if n is None]
    added = [n for o, n in pairs if o is None]
    if len(removed) == 1 and len(added) == 1:
        o, n = removed[0], added[0]
        if (o.kind, o.sender, o.receiver, o.response) == (n.kind, n.sender, n.receiver, n.response):
            return [p for p in pairs if p[0] is not o and p[1] is not n] + [(o, n)]
    return pairs


def _rules_of(schema: ir.Schema, scope: str) -> tuple[ir.Rule, ...]:
    if scope == "(root)":
        return schema.root_rules
    structs = [s for s in schema.structs if s.name == scope]
    return structs[0].rules if structs else ()


def _run(kind: str, *args: Any) -> list[Finding]:
    """Every rule of a kind over one pair, each finding stamped with its rule's ID."""
    return [replace(f, rule=r.id) for r in rules_by_kind(kind) for f in r.check(*args)]


def _findings(old: ir.Schema, new: ir.Schema, ctx: Context) -> list[Finding]:
    out = _run("schema", old, new, ctx)
    for o, n in _pairs(old.enums, new.enums, lambda e: e.name):
        out += _run("enum", o, n, ctx)
        if o and n:
            for ov, nv in _value_pairs(o, n):
                out += _run("value", n.name, ov, nv, ctx)
    for o, n in _pairs(old.structs, new.structs, lambda s: s.name):
        out += _run("struct", o, n, ctx)
        if o and n:
            for of, nf in _field_pairs(o, n):
                out += _run("field", n.name, of, nf, ctx)
    scopes = ["(root)", *sorted({s.name for s in old.structs} | {s.name for s in new.structs})]
    for scope in scopes:
        for o, n in _pairs(_rules_of(old, scope), _rules_of(new, scope), lambda r: r.id):
            if enum_of(o, old, scope) and enum_of(o, old, scope) == enum_of(n, new, scope):
                continue  # an enum's allowed values: ENUM_VALUE_* report each change
            out += _run("rule", scope, o, n, ctx)
    return [with_verdict(f, ctx) for f in out]


def findings(old: ir.Schema, new: ir.Schema) -> list[Finding]:
    return _findings(old, new, Context(old, new))


def compare(old: ir.Schema, new: ir.Schema, base_label: str = "base", head_label: str = "head") -> Report:
    ctx = Context(old, new)
    found = _findings(old, new, ctx)
    return Report(base_label, head_label, tuple(found), check_version(old, new, found), plan(found, ctx.parties))
