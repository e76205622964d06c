"""Validation rules lowered once, in the core, into target-neutral checks.

A check plan says what to test on which value and what to report, as small frozen trees:
expressions (presence, membership, pattern, bound, JSON object, and/or/not) and statements
(if, a loop over a list's items, report a finding). Rules that depend on the message type are
specialised per type, so generated validators dispatch once on the type and run only its rules,
in schema order. Targets print the trees with their own syntax (targets/printer.py); no target
sees a predicate, and no rule is lowered twice.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator import ir

# ---- expressions ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Value:
    """A field of the value a check looks at: `var` is the checked struct ("f") or a list item ("x", "x2", ...)."""

    var: str
    struct: str
    field: ir.Field


@dataclass(frozen=True, slots=True)
class IsSet:
    """Present in the canonical encoding: always for a field without omitempty, else not its zero value."""

    value: Value
    negated: bool = False


@dataclass(frozen=True, slots=True)
class InSet:
    value: Value
    values: tuple[str | bool | int, ...]
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Matches:
    value: Value
    pattern: str  # name of the pattern in the plan's pattern table
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Compare:
    value: Value
    op: str  # ">=", "<=", "<" or ">"
    bound: int


@dataclass(frozen=True, slots=True)
class IsObject:
    """A raw JSON value is an object."""

    value: Value
    negated: bool = False


@dataclass(frozen=True, slots=True)
class All:
    parts: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    parts: tuple[Expr, ...]


Expr = IsSet | InSet | Matches | Compare | IsObject | All | AnyOf

_OPPOSITE = {">=": "<", "<=": ">", "<": ">=", ">": "<="}


def negate(e: Expr) -> Expr:
    """The negation, pushed down to the atoms (De Morgan): generated code never negates twice."""
    if isinstance(e, Compare):
        return replace(e, op=_OPPOSITE[e.op])
    if isinstance(e, All):
        return AnyOf(tuple(negate(p) for p in e.parts))
    if isinstance(e, AnyOf):
        return All(tuple(negate(p) for p in e.parts))
    return replace(e, negated=not e.negated)


# ---- statements -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Index:
    """A loop's index variable, as a part of a JSON pointer."""

    var: str


@dataclass(frozen=True, slots=True)
class Report:
    """Append a finding of the rule at the pointer (relative to the checked value's own pointer)."""

    rule: str
    level: str
    message: str
    pointer: tuple[str | Index, ...]


@dataclass(frozen=True, slots=True)
class If:
    condition: Expr
    body: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class ForEach:
    """For every item of a list of structs: `var` names the item, `index` its position."""

    items: Value
    var: str
    index: str
    struct: str
    body: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class Comment:
    text: str


Statement = If | ForEach | Report | Comment


# ---- plans ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Case:
    """The checks for frames whose discriminant has one of these values ("" included when listed)."""

    values: tuple[str, ...]
    body: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class LevelPlan:
    """One struct's checks at one level. With a discriminant, one case per value (in enum order, then the
    empty value) and `other` for any value the enum does not define; without one, `other` holds them all."""

    struct: str
    level: str
    discriminant: ir.Field | None
    cases: tuple[Case, ...]
    other: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    root: str
    root_checks: tuple[Statement, ...]  # rules for top-level messages only
    structs: tuple[str, ...]  # the structs a validator checks: the root first, then others with rules
    levels: tuple[LevelPlan, ...]
    patterns: tuple[tuple[str, str], ...]  # (name, pattern source), the names unique and stable
    children: tuple[tuple[str, tuple[ir.Field, ...]], ...]  # struct -> its recursive list fields

    def level(self, struct: str, level: str) -> LevelPlan:
        return next(p for p in self.levels if p.struct == struct and p.level == level)


LEVELS = ("error", "lint")


def plan(schema: ir.Schema) -> Plan:
    """Lower every rule of the schema into checks."""
    lowering = _Lowering(schema)
    root = schema.struct(schema.root)
    structs = [root] + [s for s in schema.structs if s.rules and s is not root]
    root_checks = tuple(st for r in schema.root_rules for st in lowering.rule(r, root))
    levels = tuple(lowering.level(s, level) for s in structs for level in LEVELS)
    return Plan(
        root=root.name,
        root_checks=root_checks,
        structs=tuple(s.name for s in structs),
        levels=levels,
        patterns=tuple(lowering.patterns.items()),
        children=tuple((s.name, tuple(s.field(w) for w in s.children)) for s in structs),
    )


class _Lowering:
    def __init__(self, schema: ir.Schema) -> None:
        self.schema = schema
        self.patterns: dict[str, str] = {}  # name -> source
        self._pattern_names: dict[str, str] = {}  # source -> name

    # -- levels and dispatch --

    def level(self, struct: ir.Struct, level: str) -> LevelPlan:
        rules = [r for r in struct.rules if r.level == level]
        table = self.schema.messages
        discriminant = struct.field(table.field) if table and struct.name == self.schema.root else None
        if discriminant is None:
            return LevelPlan(struct.name, level, None, (), self._body(rules, struct))
        values: list[str] = [v.value for v in table.values] + [""]
        cases = tuple(Case((v,), self._body(_for_value(rules, discriminant.wire_name, v), struct)) for v in values)
        other = self._body(_for_value(rules, discriminant.wire_name, None), struct)
        return LevelPlan(struct.name, level, discriminant, cases, other)

    def _body(self, rules: list[ir.Rule], struct: ir.Struct) -> tuple[Statement, ...]:
        return tuple(st for r in rules for st in self.rule(r, struct))

    # -- one rule --

    def rule(self, rule: ir.Rule, struct: ir.Struct) -> tuple[Statement, ...]:
        """A comment naming the rule, then one report per failing check, under the rule's condition."""
        checks: list[Statement] = []
        for p in rule.then:
            checks += self.check(rule, p, struct, "f", ())
        if not checks:
            return ()
        head = Comment(f"{rule.id}: {rule.doc}")
        if not rule.when:
            return (head, *checks)
        condition = self.conjunction(rule.when, struct, "f", rule.id)
        if len(checks) == 1 and isinstance(checks[0], If):  # one check: one `if` with both conditions
            return (head, If(All((condition, checks[0].condition)), checks[0].body))
        return (head, If(condition, tuple(checks)))

    def check(
        self, rule: ir.Rule, p: ir.Predicate, struct: ir.Struct, var: str, base: tuple[str | Index, ...]
    ) -> list[Statement]:
        """Statements reporting p's failure on the value `var` of struct, at pointer base + the field."""
        if isinstance(p, ir.Each):
            items = Value(var, struct.name, struct.field(p.field))
            item_struct = self.schema.struct(items.field.type.item.ref)
            depth = 1 + sum(isinstance(b, Index) for b in base)
            item, index = f"x{depth if depth > 1 else ''}", f"i{depth if depth > 1 else ''}"
            where = (*base, p.field, Index(index))
            body = [st for q in p.predicates for st in self.check(rule, q, item_struct, item, where)]
            return [ForEach(items, item, index, item_struct.name, tuple(body))] if body else []
        field = getattr(p, "field", None)
        pointer = (*base, field) if field else base
        report = Report(rule.id, rule.level, rule.message(field) if field else rule.doc, pointer)
        if isinstance(p, Fails):
            return [report]
        return [If(negate(self.predicate(p, struct, var, rule.id)), (report,))]

    # -- predicates as expressions --

    def conjunction(self, predicates: tuple[ir.Predicate, ...], struct: ir.Struct, var: str, rule: str) -> Expr:
        parts = tuple(self.predicate(p, struct, var, rule) for p in predicates)
        return parts[0] if len(parts) == 1 else All(parts)

    def predicate(self, p: ir.Predicate, struct: ir.Struct, var: str, rule: str) -> Expr:
        """An expression that holds when p does (field-value predicates hold for an absent field)."""
        if isinstance(p, ir.AnyOf):
            return AnyOf(tuple(self.conjunction(a, struct, var, rule) for a in p.alternatives))
        value = Value(var, struct.name, struct.field(p.field))
        if isinstance(p, ir.Present | ir.Absent):
            return IsSet(value, negated=isinstance(p, ir.Absent))
        holds = self._value_test(p, value, rule)
        if not value.field.omit_empty or _holds_at_zero(p, value.field):
            return holds  # absent is the zero value, and the test already holds there: no presence guard
        return AnyOf((IsSet(value, negated=True), holds))

    def _value_test(self, p: ir.Predicate, value: Value, rule: str) -> Expr:
        if isinstance(p, ir.In | ir.NotIn):
            return InSet(value, p.values, negated=isinstance(p, ir.NotIn))
        if isinstance(p, ir.Matches):
            return Matches(value, self._pattern(p.pattern, rule))
        if isinstance(p, ir.Range):
            bounds = [Compare(value, ">=", p.minimum)] if p.minimum is not None else []
            bounds += [Compare(value, "<=", p.maximum)] if p.maximum is not None else []
            return bounds[0] if len(bounds) == 1 else All(tuple(bounds))
        if isinstance(p, ir.IsObject):
            return IsObject(value)
        raise AssertionError(f"no lowering for {p!r}")

    def _pattern(self, source: str, rule: str) -> str:
        """A name per distinct pattern: the first rule that uses it (numbered if that rule has several)."""
        if source not in self._pattern_names:
            name, n = rule, 1
            while name in self.patterns:
                n += 1
                name = f"{rule}-{n}"
            self._pattern_names[source] = name
            self.patterns[name] = source
        return self._pattern_names[source]


_ZERO: dict[ir.Kind, str | bool | int] = {ir.Kind.STRING: "", ir.Kind.ENUM: "", ir.Kind.BOOL: False, ir.Kind.INT: 0}


def _holds_at_zero(p: ir.Predicate, f: ir.Field) -> bool:
    """Whether a value test holds for the field's zero value (what an absent omitempty field holds)."""
    if f.type.kind not in _ZERO:
        return False
    zero = _ZERO[f.type.kind]
    if isinstance(p, ir.In | ir.NotIn):
        return (zero in p.values) == isinstance(p, ir.In)
    if isinstance(p, ir.Range):
        return (p.minimum is None or p.minimum <= 0) and (p.maximum is None or p.maximum >= 0)
    return False


def _for_value(rules: list[ir.Rule], field: str, value: str | None) -> list[ir.Rule]:
    """The rules a message with this discriminant value runs (None: a value the enum does not define),
    with the tests of the discriminant that are known to hold for it dropped."""
    out = []
    for r in rules:
        if not all(_may_hold(p, field, value) for p in r.when):
            continue
        when = tuple(p for p in r.when if not _about(p, field))
        then = tuple(
            Fails(p.field) if _known_to_fail(p, field, value) else p
            for p in r.then
            if not _known_to_hold(p, field, value)
        )
        if then:
            out.append(replace(r, when=when, then=then))
    return out


@dataclass(frozen=True, slots=True)
class Fails:
    """A check of the discriminant known to fail for the values it is lowered for: reported unconditionally."""

    field: str


def _known_to_fail(p: ir.Predicate, field: str, value: str | None) -> bool:
    """A membership check of the discriminant fails for every value the enum does not define (an
    inclusion lists only defined values and "", and "" has a case of its own)."""
    return value is None and isinstance(p, ir.In) and p.field == field


def _about(p: ir.Predicate, field: str) -> bool:
    return isinstance(p, ir.In | ir.NotIn) and p.field == field


def _may_hold(p: ir.Predicate, field: str, value: str | None) -> bool:
    """A condition on the discriminant that can hold for this value. For None (a value the enum does not
    define) only an exclusion can: an inclusion lists defined values, and "" has a case of its own."""
    if not _about(p, field):
        return True
    if value is None:
        return isinstance(p, ir.NotIn)
    return (value in p.values) == isinstance(p, ir.In)


def _known_to_hold(p: ir.Predicate, field: str, value: str | None) -> bool:
    """Whether a check of the discriminant is known to hold for this value (never for an undefined one)."""
    return value is not None and _about(p, field) and (value in p.values) == isinstance(p, ir.In)
