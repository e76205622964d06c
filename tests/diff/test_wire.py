"""How value types and checks compare, pair by pair: the verdicts the type and rule findings are built on."""

from __future__ import annotations

import pytest

from generator import ir
from generator.diff import wire
from generator.diff.strictness import checks

INT = ir.Kind.INT


def _int(fmt: str) -> ir.TypeRef:
    return ir.TypeRef(INT, format=fmt)


FLOAT = ir.TypeRef(ir.Kind.FLOAT)
STRING = ir.TypeRef(ir.Kind.STRING)

# (old, new, verdict), written from Go's ranges: int and int64 are both 64 bits; int32 fits in int64 and
# in a float64; uint32 fits in int64 but not int32; uint64 fits in no signed type.
TYPE_PAIRS = [
    (_int("int32"), _int("int64"), wire.WIDENED),
    (_int("int64"), _int("int32"), wire.NARROWED),
    (_int(""), _int("int64"), wire.RENAMED),
    (_int("uint32"), _int("int64"), wire.WIDENED),
    (_int("uint32"), _int("uint64"), wire.WIDENED),
    (_int("int32"), _int("uint32"), wire.RETYPED),
    (_int("int64"), _int("uint64"), wire.RETYPED),
    (_int("uint64"), FLOAT, wire.WIDENED),
    (FLOAT, _int("int32"), wire.NARROWED),
    (STRING, ir.TypeRef(ir.Kind.ENUM, ref="Role"), wire.RENAMED),
    (ir.TypeRef(ir.Kind.ENUM, ref="Role"), ir.TypeRef(ir.Kind.ENUM, ref="Tier"), wire.RENAMED),
    (STRING, _int("int32"), wire.RETYPED),
    (ir.TypeRef(ir.Kind.STRUCT, ref="Quota"), ir.TypeRef(ir.Kind.STRUCT, ref="Config"), wire.RETYPED),
    (ir.TypeRef(ir.Kind.LIST, item=STRING), ir.TypeRef(ir.Kind.MAP, item=STRING), wire.RETYPED),
    (ir.TypeRef(ir.Kind.LIST, item=_int("int32")), ir.TypeRef(ir.Kind.LIST, item=FLOAT), wire.WIDENED),
    (ir.TypeRef(ir.Kind.MAP, item=FLOAT), ir.TypeRef(ir.Kind.MAP, item=_int("")), wire.NARROWED),
    (STRING, ir.TypeRef(ir.Kind.STRING, nullable=True), wire.SAME),  # nullability is FIELD_NULLABLE_*'s
]


@pytest.mark.parametrize(
    ("old", "new", "verdict"), TYPE_PAIRS, ids=lambda v: wire.text(v) if isinstance(v, ir.TypeRef) else v
)
def test_value_types_compare_as_go_reads_them(old: ir.TypeRef, new: ir.TypeRef, verdict: str) -> None:
    assert wire.compare(old, new) == verdict


def test_only_integers_past_2_53_round_in_a_float() -> None:
    assert wire.rounding(_int("int64"), FLOAT) and wire.rounding(_int(""), FLOAT)
    assert not wire.rounding(_int("int32"), FLOAT) and not wire.rounding(_int("uint32"), FLOAT)


def _r(low, high, ex_low=False, ex_high=False) -> ir.Range:
    return ir.Range("x", low, high, ex_low, ex_high)


# (old checks, new checks, (tighter or same, looser or same))
CHECK_PAIRS = [
    ((_r(0, 1),), (_r(0, 1, ex_high=True),), (True, False)),  # [0, 1] -> [0, 1)
    ((_r(0, 1, ex_low=True),), (_r(0, 1),), (False, True)),  # (0, 1] -> [0, 1]
    ((_r(0, 1),), (_r(0.5, 2),), (False, False)),  # one bound each way
    ((_r(None, 1),), (_r(0, 1),), (True, False)),  # a bound added
    ((ir.NotIn("x", ("",)),), (ir.Length("x", 2, None),), (True, False)),  # not empty -> at least 2
    ((ir.Length("x", 1, 16),), (ir.Length("x", 1, 32),), (False, True)),
    ((ir.Count("x", None, 4),), (ir.Count("x", None, 2),), (True, False)),
    ((ir.In("x", ("a", "b")),), (ir.In("x", ("b", "c")),), (False, False)),
    ((ir.In("x", ("a", "b")),), (ir.In("x", ("a", "b", "c")),), (False, True)),
    ((), (ir.Format("x", "date-time"),), (True, False)),
    ((), (ir.NotNull("x"),), (True, False)),
    ((ir.Conforms("x", "Config"),), (ir.Conforms("x", "Config2"),), (False, False)),
    ((ir.Each("x", (ir.Length("", 1, 8),)),), (ir.Each("x", (ir.Length("", 1, 4),)),), (True, False)),
    ((ir.Each("x", (ir.Length("", 1, 8),)),), (ir.Each("x", ()),), (False, True)),
]


@pytest.mark.parametrize(("old", "new", "expected"), CHECK_PAIRS)
def test_checks_compare_by_containment(old: tuple, new: tuple, expected: tuple[bool, bool]) -> None:
    assert checks(old, new) == expected
