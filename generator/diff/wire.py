"""How a field's value type compares on the wire, with Go's encoding/json reading and writing it.

Nullability is left out here (FIELD_NULLABLE_* report it): this compares what values of the two
types look like as JSON, and whether a decoder of one type accepts what an encoder of the other writes.
"""

from __future__ import annotations

from dataclasses import replace

from generator import ir

SAME = "same"  # the same type
RENAMED = "renamed"  # the same values on the wire, another generated type (int <-> int64, string <-> enum)
WIDENED = "widened"  # the new type holds every old value and more: old readers may reject new values
NARROWED = "narrowed"  # the old type held values the new one rejects: new readers may reject old writers
RETYPED = "retyped"  # neither holds the other

EXACT_FLOAT = 2**53  # integers a float64 holds exactly


def compare(old: ir.TypeRef, new: ir.TypeRef) -> str:
    """SAME, RENAMED, WIDENED, NARROWED or RETYPED, ignoring nullability (of the type and of its elements)."""
    old, new = replace(old, nullable=False), replace(new, nullable=False)
    if old == new:
        return SAME
    kinds = {old.kind, new.kind}
    if old.kind == new.kind and old.kind in (ir.Kind.LIST, ir.Kind.MAP):
        return compare(old.item, new.item)
    if kinds <= {ir.Kind.STRING, ir.Kind.ENUM}:
        return RENAMED  # Go decodes any string into an enum; its membership is a rule, compared as one
    if old.kind == ir.Kind.INT and new.kind == ir.Kind.FLOAT:
        return WIDENED  # a float64 reads every integer (rounded past 2^53); Go writes 1.5 or 1e+21 for floats
    if old.kind == ir.Kind.FLOAT and new.kind == ir.Kind.INT:
        return NARROWED  # Go's decoder rejects a fraction or an exponent for an integer
    if old.kind == new.kind == ir.Kind.INT:
        (old_low, old_high), (new_low, new_high) = ir.INT_FORMATS[old.format], ir.INT_FORMATS[new.format]
        if (old_low, old_high) == (new_low, new_high):
            return RENAMED  # Go's int and int64
        if new_low <= old_low and old_high <= new_high:
            return WIDENED  # Go's decoder rejects a number past the field's range
        if old_low <= new_low and new_high <= old_high:
            return NARROWED
    return RETYPED


def text(t: ir.TypeRef) -> str:
    """A type in a finding's words: int32, number, list of string, map of Quota, string or null."""
    if t.kind in (ir.Kind.LIST, ir.Kind.MAP):
        base = f"{t.kind} of {text(t.item)}"
    elif t.kind == ir.Kind.INT:
        base = t.format or "int"
    elif t.kind == ir.Kind.FLOAT:
        base = "number"
    elif t.kind in (ir.Kind.ENUM, ir.Kind.STRUCT):
        base = t.ref
    elif t.kind == ir.Kind.RAW:
        return "raw JSON"
    else:
        base = str(t.kind)
    return f"{base} or null" if t.nullable else base


def rounding(old: ir.TypeRef, new: ir.TypeRef) -> bool:
    """An integer type becomes a float64 that cannot hold all its values exactly (past 2^53)."""
    if old.kind in (ir.Kind.LIST, ir.Kind.MAP) and new.kind == old.kind:
        return rounding(old.item, new.item)
    return old.kind == ir.Kind.INT and new.kind == ir.Kind.FLOAT and ir.INT_FORMATS[old.format][1] > EXACT_FLOAT
