"""Validation rules lowered once, in the core, into target-neutral checks.

A check plan says what to test on which value and what to report, as small frozen trees:
expressions (presence, null, membership, pattern, bound, size, date-time, JSON object,
and/or) and statements (if, a loop over a list's items or a map's values, report a finding,
check a nested struct, decode a raw value's declared content). Rules that depend on the message
type are specialised per type, so generated validators dispatch once on the type and run only
its rules, in schema order. Targets print the trees with their own syntax (targets/printer.py);
no target sees a predicate, and no rule is lowered twice.

Order of findings, the same in every language: the rules of a value in schema order (a rule's
checks in the order it states them, list items and map values in order, map keys sorted as Go
sorts them), then its nested struct values in field order, then, for the top-level struct, the
values nested in its recursive lists, depth first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator import ir
from generator.errors import SchemaError

# ---- expressions ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Value:
    """What a check looks at: a field of the checked struct (var "f") or of a list item, or an element
    of a list or map itself (field None: `var` holds it)."""

    var: str
    field: ir.Field | None
    type: ir.TypeRef


@dataclass(frozen=True, slots=True)
class IsSet:
    """Present in the canonical encoding: always for a field without omitempty, else not its zero value."""

    value: Value
    negated: bool = False


@dataclass(frozen=True, slots=True)
class IsNil:
    """None / nil: a null, or an absent optional struct."""

    value: Value
    negated: bool = False


@dataclass(frozen=True, slots=True)
class InSet:
    value: Value
    values: tuple[str | bool | int | float, ...]
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
    bound: int | float


@dataclass(frozen=True, slots=True)
class Size:
    """The length of a string in code points (runes), or of a list or map, compared with a bound."""

    value: Value
    op: str
    bound: int


@dataclass(frozen=True, slots=True)
class IsDateTime:
    """An RFC 3339 date-time (section 5.6, with a real calendar date): a function each runtime has."""

    value: Value
    negated: bool = False


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


Expr = IsSet | IsNil | InSet | Matches | Compare | Size | IsDateTime | IsObject | All | AnyOf

_OPPOSITE = {">=": "<", "<=": ">", "<": ">=", ">": "<="}


def negate(e: Expr) -> Expr:
    """The negation, pushed down to the atoms (De Morgan): generated code never negates twice."""
    if isinstance(e, Compare | Size):
        return replace(e, op=_OPPOSITE[e.op])
    if isinstance(e, All):
        return AnyOf(tuple(negate(p) for p in e.parts))
    if isinstance(e, AnyOf):
        return All(tuple(negate(p) for p in e.parts))
    return replace(e, negated=not e.negated)


# ---- statements -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Index:
    """A loop's index (a list) or key (a map), as a part of a JSON pointer."""

    var: str
    key: bool = False  # a map key: escaped as a JSON pointer token


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
    """For every element of a list (`index` its position) or map (`index` its key, keys sorted as Go sorts
    them): `var` names the element, of type `element`."""

    items: Value
    var: str
    index: str
    element: ir.TypeRef
    body: tuple[Statement, ...]

    @property
    def over_map(self) -> bool:
        return self.items.type.kind == ir.Kind.MAP


@dataclass(frozen=True, slots=True)
class Call:
    """Check a nested struct value (not None) with another check function, at pointer `pointer`."""

    function: Key
    value: Value
    pointer: tuple[str | Index, ...]


@dataclass(frozen=True, slots=True)
class Content:
    """Decode a present raw value into a struct as Go's json.Unmarshal would (a field named twice
    counts as not decoding: the value would depend on the decoder): report `failure` if it does not,
    else check the decoded value with `function`, at the raw field's pointer."""

    value: Value
    struct: str
    function: Key
    failure: Report


@dataclass(frozen=True, slots=True)
class Comment:
    text: str


Statement = If | ForEach | Report | Call | Content | Comment


# ---- plans ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Key:
    """A check function: a struct's rules of one level, with findings reported at a level.

    For a struct met as a value, both levels are the same; for the content of a raw field, the
    struct's own (error-level) rules are reported at the level of the rule that declares the content.
    """

    struct: str
    rules: str
    report: str

    @property
    def content(self) -> bool:
        return self.rules != self.report


@dataclass(frozen=True, slots=True)
class Case:
    """The checks for values whose discriminant is this value ("" included)."""

    value: str
    body: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class Function:
    """One check function. With a discriminant (the message type; top-level struct only), one case
    per enum value (in enum order, then the empty value) and `other` for any value the enum does
    not define; without one, `other` holds every rule. `nested` checks the nested struct values
    after the rules, whatever the type."""

    key: Key
    discriminant: ir.Field | None
    cases: tuple[Case, ...]
    other: tuple[Statement, ...]
    nested: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    root: str
    root_checks: tuple[Statement, ...]  # rules for top-level messages only
    functions: tuple[Function, ...]  # the root's two levels first, then what they reach
    patterns: tuple[tuple[str, str], ...]  # (name, pattern source), the names unique and stable
    children: tuple[ir.Field, ...]  # the root's recursive lists (a snapshot's items)

    def function(self, key: Key) -> Function:
        return next(f for f in self.functions if f.key == key)


LEVELS = ("error", "lint")
Subject = ir.Struct | ir.TypeRef  # what predicates name fields of: a struct, or an element (a field "")


def plan(schema: ir.Schema) -> Plan:
    """Lower every rule of the schema into checks."""
    lowering = _Lowering(schema)
    root = schema.struct(schema.root)
    root_checks = tuple(st for r in schema.root_rules for st in lowering.rule(r, root, r.level))
    for level in LEVELS:
        lowering.need(Key(root.name, level, level))
    functions = lowering.build()
    return Plan(
        root=root.name,
        root_checks=root_checks,
        functions=functions,
        patterns=tuple(lowering.patterns.items()),
        children=tuple(root.field(w) for w in root.children),
    )


class _Lowering:
    def __init__(self, schema: ir.Schema) -> None:
        self.schema = schema
        self.patterns: dict[str, str] = {}  # name -> source
        self._pattern_names: dict[str, str] = {}  # source -> name
        self._wanted: list[Key] = []

    def need(self, key: Key) -> Key:
        if key not in self._wanted:
            self._wanted.append(key)
        return key

    def build(self) -> tuple[Function, ...]:
        done: list[Function] = []
        while len(done) < len(self._wanted):  # lowering a function may want more
            done.append(self.function(self._wanted[len(done)]))
        return tuple(done)

    # -- functions and dispatch --

    def function(self, key: Key) -> Function:
        struct = self.schema.struct(key.struct)
        rules = [r for r in struct.rules if r.level == key.rules]
        if struct.children and struct.name != self.schema.root and (rules or self._nested(struct, key)):
            raise SchemaError(
                struct.pointer,
                f"{struct.name} holds a list of itself and has checks, but is not the top-level message",
                "validators walk only the top-level message's own recursion; move the checks or the list",
            )
        nested = self._nested(struct, key)
        table = self.schema.messages
        if key.content or not table or struct.name != self.schema.root:
            return Function(key, None, (), self._body(rules, struct, key.report), nested)
        discriminant = struct.field(table.field)
        cases = tuple(
            Case(v, self._body(_for_value(rules, table.field, v), struct, key.report))
            for v in [*(v.value for v in table.values), ""]
        )
        other = self._body(_for_value(rules, table.field, None), struct, key.report)
        return Function(key, discriminant, cases, other, nested)

    def _body(self, rules: list[ir.Rule], struct: ir.Struct, level: str) -> tuple[Statement, ...]:
        return tuple(st for r in rules for st in self.rule(r, struct, level))

    def _nested(self, struct: ir.Struct, key: Key) -> tuple[Statement, ...]:
        """Calls checking the struct values nested in a struct's fields (its own recursion aside)."""
        out: list[Statement] = []
        for f in struct.fields:
            if f.wire_name in struct.children:
                continue
            target = f.type if f.type.kind == ir.Kind.STRUCT else f.type.item
            if target is None or target.kind != ir.Kind.STRUCT or not self._checked(target.ref, key.rules, ()):
                continue
            function = self.need(Key(target.ref, key.rules, key.report))
            value = Value("f", f, f.type)
            if f.type.kind == ir.Kind.STRUCT:
                call: Statement = Call(function, value, (f.wire_name,))
                out.append(If(IsNil(value, negated=True), (call,)) if f.type.nullable else call)
            else:
                element = Value("x", None, f.type.item)
                index = Index("k" if f.type.kind == ir.Kind.MAP else "i", key=f.type.kind == ir.Kind.MAP)
                call = Call(function, element, (f.wire_name, index))
                out.append(ForEach(value, "x", index.var, f.type.item, (call,)))
        return tuple(out)

    def _checked(self, name: str, level: str, seen: tuple[str, ...]) -> bool:
        """Whether values of a struct have anything to check at a level (their own rules, or nested ones)."""
        struct = self.schema.struct(name)
        if any(r.level == level for r in struct.rules):
            return True
        for f in struct.fields:
            target = f.type if f.type.kind == ir.Kind.STRUCT else f.type.item
            nested = target and target.kind == ir.Kind.STRUCT and target.ref not in (*seen, name)
            if nested and self._checked(target.ref, level, (*seen, name)):
                return True
        return False

    # -- one rule --

    def rule(self, rule: ir.Rule, struct: ir.Struct, level: str) -> tuple[Statement, ...]:
        """A comment naming the rule, then one report per failing check, under the rule's condition."""
        checks: list[Statement] = []
        for p in rule.then:
            checks += self.check(rule, level, p, struct, "f", ())
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
        self, rule: ir.Rule, level: str, p: ir.Predicate, struct: Subject, var: str, base: tuple
    ) -> list[Statement]:
        """Statements reporting p's failure on `var`: a struct whose fields p names, or an element (its type)."""
        field = getattr(p, "field", None) or None
        pointer = (*base, field) if field else base
        message = rule.message(field) if field else rule.doc
        report = Report(rule.id, level, message, pointer)
        if isinstance(p, Fails):
            return [report]
        value = self._value(p, struct, var)
        if isinstance(p, ir.Each):
            depth = 1 + sum(isinstance(b, Index) for b in base)
            item, index = f"x{depth if depth > 1 else ''}", f"{'k' if value.type.kind == ir.Kind.MAP else 'i'}"
            index += str(depth) if depth > 1 else ""
            element = value.type.item
            inner = self.schema.struct(element.ref) if element.kind == ir.Kind.STRUCT else element
            where = (*base, p.field, Index(index, key=value.type.kind == ir.Kind.MAP))
            body = [st for q in p.predicates for st in self.check(rule, level, q, inner, item, where)]
            return [ForEach(value, item, index, element, tuple(body))] if body else []
        if isinstance(p, ir.Conforms):
            function = self.need(Key(p.struct, "error", level))
            return [If(IsSet(value), (Content(value, p.struct, function, report),))]
        return [If(negate(self.predicate(p, struct, var, rule.id)), (report,))]

    @staticmethod
    def _value(p: ir.Predicate, subject: Subject, var: str) -> Value | None:
        field = getattr(p, "field", None)
        if field is None:
            return None
        if isinstance(subject, ir.TypeRef):  # an element of a list or map: the predicate is about itself
            return Value(var, None, subject)
        f = subject.field(field)
        return Value(var, f, f.type)

    # -- predicates as expressions --

    def conjunction(self, predicates: tuple[ir.Predicate, ...], struct: Subject, var: str, rule: str) -> Expr:
        parts = tuple(self.predicate(p, struct, var, rule) for p in predicates)
        return parts[0] if len(parts) == 1 else All(parts)

    def predicate(self, p: ir.Predicate, struct: Subject, var: str, rule: str) -> Expr:
        """An expression that holds when p does. As in JSON Schema, a test of a field's value holds when the
        field is absent; a null fails a membership test (null is not among the values) and passes others."""
        if isinstance(p, ir.AnyOf):
            return AnyOf(tuple(self.conjunction(a, struct, var, rule) for a in p.alternatives))
        value = self._value(p, struct, var)
        if isinstance(p, ir.Present | ir.Absent):
            return IsSet(value, negated=isinstance(p, ir.Absent))
        if isinstance(p, ir.NotNull):
            return IsNil(value, negated=True)
        holds = self._value_test(p, value, rule)
        f = value.field
        if f is not None and f.omit_empty:
            if not f.type.nullable and _holds_at_zero(p, f.type):
                return holds  # absent is the zero value, and the test already holds there: no presence guard
            return AnyOf((IsSet(value, negated=True), holds))
        if value.type.nullable and value.type.kind != ir.Kind.RAW:  # a nil list or map too: its count holds
            if isinstance(p, ir.In):
                return All((IsNil(value, negated=True), holds))
            return AnyOf((IsNil(value), holds))
        return holds

    def _value_test(self, p: ir.Predicate, value: Value, rule: str) -> Expr:
        if isinstance(p, ir.In | ir.NotIn):
            return InSet(value, p.values, negated=isinstance(p, ir.NotIn))
        if isinstance(p, ir.Matches):
            return Matches(value, self._pattern(p.pattern, rule))
        if isinstance(p, ir.Range):
            low = ">" if p.exclusive_minimum else ">="
            high = "<" if p.exclusive_maximum else "<="
            bounds = [Compare(value, low, p.minimum)] if p.minimum is not None else []
            bounds += [Compare(value, high, p.maximum)] if p.maximum is not None else []
            return bounds[0] if len(bounds) == 1 else All(tuple(bounds))
        if isinstance(p, ir.Length | ir.Count):
            bounds = [Size(value, ">=", p.minimum)] if p.minimum is not None else []
            bounds += [Size(value, "<=", p.maximum)] if p.maximum is not None else []
            return bounds[0] if len(bounds) == 1 else All(tuple(bounds))
        if isinstance(p, ir.Format):
            return IsDateTime(value)
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


def _holds_at_zero(p: ir.Predicate, t: ir.TypeRef) -> bool:
    """Whether a value test holds for the type's zero value (what an absent omitempty field holds)."""
    if isinstance(p, ir.Count) and t.kind in (ir.Kind.LIST, ir.Kind.MAP):
        return p.minimum in (None, 0)  # an absent list or map is empty: at most N items holds
    zero = {ir.Kind.STRING: "", ir.Kind.ENUM: "", ir.Kind.BOOL: False, ir.Kind.INT: 0, ir.Kind.FLOAT: 0.0}
    if t.kind not in zero:
        return False
    z = zero[t.kind]
    if isinstance(p, ir.In | ir.NotIn):
        return (z in p.values) == isinstance(p, ir.In)
    if isinstance(p, ir.Range):
        low_ok = p.minimum is None or (p.minimum < 0 if p.exclusive_minimum else p.minimum <= 0)
        high_ok = p.maximum is None or (p.maximum > 0 if p.exclusive_maximum else p.maximum >= 0)
        return low_ok and high_ok
    if isinstance(p, ir.Length):
        return p.minimum in (None, 0)
    return False


@dataclass(frozen=True, slots=True)
class Fails:
    """A check of the discriminant known to fail for the values it is lowered for: reported unconditionally."""

    field: str


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


def _known_to_fail(p: ir.Predicate, field: str, value: str | None) -> bool:
    """A membership check of the discriminant fails for every value the enum does not define (an
    inclusion lists only defined values and "", and "" has a case of its own)."""
    return value is None and isinstance(p, ir.In) and p.field == field
