"""Facts the rules need about a pair of schemas: which frame types a change concerns, who sends them, and
what the change adds or removes (so a constraint on something new is not mistaken for a break).

The message table (discriminant, its values' kinds and directions) and the parties come from the IR
(ir.Schema.messages and .parties); this module only pairs the two sides.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from generator import ir


def fields_of(predicates: tuple[ir.Predicate, ...]) -> set[str]:
    """Wire names a conjunction of predicates mentions (an Each's list field, not its items' fields)."""
    out: set[str] = set()
    for p in predicates:
        if isinstance(p, ir.AnyOf):
            for alternative in p.alternatives:
                out |= fields_of(alternative)
        else:
            out.add(p.field)
    return out


def _struct(schema: ir.Schema, name: str) -> ir.Struct | None:
    return next((s for s in schema.structs if s.name == name), None)


def _all_rules(schema: ir.Schema) -> list[ir.Rule]:
    return [*schema.root_rules, *(r for s in schema.structs for r in s.rules)]


@dataclass
class Context:
    old: ir.Schema
    new: ir.Schema
    _field_changes: dict[str, tuple[frozenset[str], frozenset[str], dict[str, str]]] = field(default_factory=dict)
    _struct_types: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @cached_property
    def discriminant(self) -> tuple[str, str] | None:
        """(field wire name, enum name) of the new side's message table, if it has one."""
        table = self.new.messages
        return (table.field, table.enum) if table else None

    def _values(self, schema: ir.Schema) -> dict[str, ir.EnumValue]:
        table = schema.messages
        if not self.discriminant or table is None or table.enum != self.discriminant[1]:
            return {}
        return {v.value: v for v in table.values}

    @cached_property
    def messages(self) -> dict[str, ir.EnumValue]:
        """Every message type of either side (the new side wins), by value."""
        return {**self._values(self.old), **self._values(self.new)}

    @cached_property
    def added_types(self) -> frozenset[str]:
        """Message types only the new side has: no old writer sends them, no old reader expects them."""
        return frozenset(self._values(self.new)) - frozenset(self._values(self.old))

    @cached_property
    def removed_types(self) -> frozenset[str]:
        return frozenset(self._values(self.old)) - frozenset(self._values(self.new))

    def added_fields(self, struct: str) -> frozenset[str]:
        """Wire names of the struct's fields only the new side has (a case-only rename is not new)."""
        return self._fields(struct)[0]

    def removed_fields(self, struct: str) -> frozenset[str]:
        return self._fields(struct)[1]

    def renamed_fields(self, struct: str) -> dict[str, str]:
        """Old wire name -> new wire name, for the struct's fields renamed only in case."""
        return self._fields(struct)[2]

    def _fields(self, struct: str) -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
        """(added, removed, renamed) fields of a struct, computed once per struct."""
        if struct not in self._field_changes:
            old, new = _struct(self.old, struct), _struct(self.new, struct)
            olds = {f.wire_name.upper(): f.wire_name for f in (old.fields if old else ())}
            news = {f.wire_name.upper(): f.wire_name for f in (new.fields if new else ())}
            self._field_changes[struct] = (
                frozenset(w for k, w in news.items() if k not in olds),
                frozenset(w for k, w in olds.items() if k not in news),
                {w: news[k] for k, w in olds.items() if k in news and news[k] != w},
            )
        return self._field_changes[struct]

    def is_new_struct(self, name: str) -> bool:
        return _struct(self.old, name) is None and _struct(self.new, name) is not None

    def kind_rules(self, kind: str) -> tuple[str, ...]:
        """IDs of the new side's rules every message type of this kind carries (x-framegen-for-kind)."""
        return tuple(r.id for r in _all_rules(self.new) if kind and r.for_kind == kind)

    def requests_for(self, response: str) -> tuple[str, ...]:
        """The request types (new side) that expect this response."""
        return tuple(v.value for v in self._values(self.new).values() if v.response == response)

    def type_test(self, rule: ir.Rule) -> ir.In | None:
        """The rule's condition on the message type, if it has one."""
        if self.discriminant:
            for p in rule.when:
                if isinstance(p, ir.In) and p.field == self.discriminant[0]:
                    return p
        return None

    def rule_types(self, rule: ir.Rule, struct: str = "") -> tuple[str, ...]:
        """The message types a rule of the struct (the root when not given) applies to: its `when` on the
        type, else those of the fields it checks."""
        test = self.type_test(rule)
        if test:
            return tuple(v for v in test.values if v in self.messages)
        fields = fields_of(rule.then) | fields_of(rule.when)
        struct = struct or self.new.root
        return tuple(sorted({t for f in fields for t in self.field_types(struct, f)}))

    def field_types(self, struct: str, wire: str) -> tuple[str, ...]:
        """Message types that carry the field. A field of the root: the types whose type-conditioned rules
        (either side) mention it, all types if none do. A field of a nested struct: the types of the fields
        that hold the struct (struct_types)."""
        if self.discriminant and struct not in (self.new.root, self.old.root):
            return self.struct_types(struct)
        if not self.discriminant or struct != self.new.root:
            return tuple(self.messages)
        found: set[str] = set()
        for schema in (self.old, self.new):
            structs = [s for s in schema.structs if s.name == struct]
            for rule in structs[0].rules if structs else ():
                test = self.type_test(rule)
                if test and wire in fields_of(rule.then) | fields_of(rule.when):
                    found |= {v for v in test.values if v in self.messages}
        return tuple(sorted(found)) if found else tuple(self.messages)

    def struct_types(self, name: str) -> tuple[str, ...]:
        """Message types that carry a value of a nested struct, on either side: those of the fields that hold it
        (as a value, a pointer, list items or map values) and of the rules that declare it as a raw field's
        content (Conforms). A struct no field or rule holds is assumed to travel in every type (conservative)."""
        if name not in self._struct_types:
            self._struct_types[name] = ()  # a struct that holds itself (a list of itself) adds nothing new
            holders = [*self._holders(self.old, name), *self._holders(self.new, name)]
            found = {t for holder in holders for t in holder()}
            self._struct_types[name] = tuple(sorted(found)) if holders else tuple(self.messages)
        return self._struct_types[name]

    def _holders(self, schema: ir.Schema, name: str) -> list[Callable[[], tuple[str, ...]]]:
        """What holds the struct in one schema, each as a function giving its message types."""
        out: list[Callable[[], tuple[str, ...]]] = []
        for s in schema.structs:
            scope = schema.root if s.name == schema.root else s.name
            for f in s.fields:
                held = [t for t in (f.type, f.type.item) if t and t.kind == ir.Kind.STRUCT and t.ref == name]
                if held and s.name != name:
                    out.append(lambda scope=scope, wire=f.wire_name: self.field_types(scope, wire))
            rules = [*s.rules, *(schema.root_rules if s.name == schema.root else ())]
            for rule in rules:
                every = ir.walk((*rule.when, *rule.then))
                if any(isinstance(p, ir.Conforms) and p.struct == name for p in every) and s.name != name:
                    out.append(lambda rule=rule, scope=scope: self.rule_types(rule, scope))
        return out

    def enum_types(self, enum: str) -> tuple[str, ...]:
        """Message types that carry a value of the enum: its own values if it is the discriminant, else the
        types of the fields (either side) that hold it, as a value, list items or map values."""
        if self.discriminant and enum == self.discriminant[1]:
            return tuple(self.messages)
        found: set[str] = set()
        for schema in (self.old, self.new):
            for s in schema.structs:
                for f in s.fields:
                    if any(t and t.kind == ir.Kind.ENUM and t.ref == enum for t in (f.type, f.type.item)):
                        found |= set(self.field_types(s.name, f.wire_name))
        return tuple(sorted(found))

    def services(self, types: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(readers, writers) of the given message types, as display names."""
        values = [self.messages[t] for t in types if t in self.messages and self.messages[t].sender]
        readers = sorted({self.title(v.receiver) for v in values})
        writers = sorted({self.title(v.sender) for v in values})
        return tuple(readers), tuple(writers)

    def title(self, party: str) -> str:
        """How people call a party: the new side's declaration, else the old side's, else its name."""
        names = {p.name for p in self.new.parties}
        return (self.new if party in names else self.old).party(party).title

    @cached_property
    def parties(self) -> tuple[str, ...]:
        """Every service that sends or receives a message type, as display names."""
        readers, writers = self.services(tuple(self.messages))
        return tuple(sorted(set(readers) | set(writers)))
