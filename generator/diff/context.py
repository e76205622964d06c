"""Facts the rules need about a pair of schemas: which frame types a change concerns, and who sends them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from generator import ir
from generator.diff.model import SERVICE_NAMES


def _fields_of(predicates: tuple[ir.Predicate, ...]) -> set[str]:
    out: set[str] = set()
    for p in predicates:
        if isinstance(p, ir.AnyOf):
            for alternative in p.alternatives:
                out |= _fields_of(alternative)
        elif isinstance(p, ir.Each):
            out.add(p.field)
        else:
            out.add(p.field)
    return out


@dataclass
class Context:
    old: ir.Schema
    new: ir.Schema

    @cached_property
    def discriminant(self) -> tuple[str, str] | None:
        """(field wire name, enum name) of the root struct's message-type field, if the schema has one."""
        root = self.new.struct(self.new.root)
        for f in root.fields:
            if f.type.kind == ir.Kind.ENUM and any(v.kind for v in self.new.enum(f.type.ref).values):
                return f.wire_name, f.type.ref
        return None

    @cached_property
    def messages(self) -> dict[str, ir.EnumValue]:
        """Every message type of either side (the new side wins), by value."""
        if not self.discriminant:
            return {}
        out: dict[str, ir.EnumValue] = {}
        for schema in (self.old, self.new):
            enum = next((e for e in schema.enums if e.name == self.discriminant[1]), None)
            out.update({v.value: v for v in (enum.values if enum else ())})
        return out

    def rule_types(self, rule: ir.Rule) -> tuple[str, ...]:
        """The message types a rule applies to: its `when` on the type, else those of the fields it checks."""
        if self.discriminant:
            for p in rule.when:
                if isinstance(p, ir.In) and p.field == self.discriminant[0]:
                    return tuple(v for v in p.values if v in self.messages)
        fields = _fields_of(rule.then) | _fields_of(rule.when)
        return tuple(sorted({t for f in fields for t in self.field_types(self.new.root, f)}))

    def field_types(self, struct: str, wire: str) -> tuple[str, ...]:
        """Message types whose type-conditioned rules (either side) mention the field; all types if none do."""
        if not self.discriminant or struct != self.new.root:
            return tuple(self.messages)
        found: set[str] = set()
        for schema in (self.old, self.new):
            structs = [s for s in schema.structs if s.name == struct]
            for rule in structs[0].rules if structs else ():
                conditioned = [p for p in rule.when if isinstance(p, ir.In) and p.field == self.discriminant[0]]
                if conditioned and wire in _fields_of(rule.then) | _fields_of(rule.when):
                    found |= {v for p in conditioned for v in p.values if v in self.messages}
        return tuple(sorted(found)) if found else tuple(self.messages)

    def services(self, types: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(readers, writers) of the given message types, as display names."""
        values = [self.messages[t] for t in types if t in self.messages and self.messages[t].sender]
        readers = sorted({SERVICE_NAMES.get(v.receiver, v.receiver) for v in values})
        writers = sorted({SERVICE_NAMES.get(v.sender, v.sender) for v in values})
        return tuple(readers), tuple(writers)
