"""The docs target: a protocol reference in Markdown, with a sequence diagram, from the IR.

Everything it says comes from the IR (the message table, the parties, the rules) and, for the
names each language gives a field, from the configured code targets in the registry.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from generator import ir
from generator.naming import split_words
from generator.render import environment, header_lines
from generator.settings import Settings
from generator.targets.base import Annotation, GeneratedFile, Option


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no raw HTML, no column breaks, one line."""
    return html.escape(" ".join(text.split()), quote=False).replace("|", "\\|") or "—"


def code(text: str) -> str:
    """A Markdown code span holding the text as it is: its fence is a run of backticks the text does not contain.

    CommonMark ends a code span at the first backtick run as long as its opening one, so a text
    holding backticks (a pattern, an enum value) cannot close the span early and turn into Markdown.
    """
    runs = {len(run) for run in re.findall("`+", text)}
    fence = "`" * next(n for n in range(1, len(runs) + 2) if n not in runs)
    pad = " " if text[:1] == "`" or text[-1:] == "`" or (text[:1] == text[-1:] == " " and text.strip()) else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def mermaid_label(text: str) -> str:
    """A Mermaid message label: letters, digits and a few separators only."""
    return "".join(ch if ch.isalnum() or ch in " _-()/," else "_" for ch in text)


def anchor(name: str) -> str:
    """The anchor GitHub gives a `### Name` heading."""
    return name.lower()


def type_name(schema: ir.Schema | None, name: str) -> str:
    """A struct or enum name linked to its section (the message type enum to the message types)."""
    if schema is None:
        return name
    if schema.messages is not None and name == schema.messages.enum:
        return f"[{name}](#message-types)"
    return f"[{name}](#{anchor(name)})"


def type_text(t: ir.TypeRef, schema: ir.Schema | None = None) -> str:
    """A field's JSON type in words, the same for every language; struct and enum names link to their sections."""
    if t.kind == ir.Kind.ENUM:
        text = f"{type_name(schema, t.ref)} (string)"
    elif t.kind == ir.Kind.LIST:
        text = f"array of {type_text(t.item, schema)}"
    elif t.kind == ir.Kind.MAP:
        text = f"map of {type_text(t.item, schema)}"
    elif t.kind == ir.Kind.STRUCT:
        text = type_name(schema, t.ref)
    elif t.kind == ir.Kind.INT:
        text = f"integer ({t.format})" if t.format else "integer"
    else:
        text = {ir.Kind.STRING: "string", ir.Kind.BOOL: "boolean", ir.Kind.FLOAT: "number", ir.Kind.RAW: "raw JSON"}[
            t.kind
        ]
    if not t.nullable or t.kind == ir.Kind.RAW:
        return text
    return f"{text}, or null" if t.kind in (ir.Kind.LIST, ir.Kind.MAP) else f"{text} or null"


def _json(value: object) -> str:
    """A value as JSON, in a code span (a whole float as an integer: `1`, not `1.0`)."""
    if isinstance(value, float):
        return code(_number(value))
    return code(json.dumps(value, ensure_ascii=False))


def _number(value: float) -> str:
    """A bound as people write it: 1, 0.5, 1e-7, 1e300 (Python's repr, without its exponent padding)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return re.sub(r"e\+?(-?)0*(\d)", r"e\1\2", repr(value))


def _between(low: int | None, high: int | None, unit: str) -> str:
    """`1 to 16 characters`, `at least 1 member`: unit is a plural noun ending in s."""

    def units(n: int) -> str:
        return unit[:-1] if n == 1 else unit

    if low is not None and high is not None:
        return f"exactly {low} {units(low)}" if low == high else f"{low} to {high} {unit}"
    return f"at least {low} {units(low)}" if low is not None else f"at most {high} {units(high)}"


def _a(name: str) -> str:
    """The indefinite article for a name (by its first letter: `an EventKind`, `a Role`)."""
    return "an" if name[:1].lower() in "aeio" else "a"


def _range(p: ir.Range) -> str:
    if p.maximum is None:
        return f"{'more than' if p.exclusive_minimum else 'at least'} {_number(p.minimum)}"
    if p.minimum is None:
        return f"{'less than' if p.exclusive_maximum else 'at most'} {_number(p.maximum)}"
    low, high = "(" if p.exclusive_minimum else "[", ")" if p.exclusive_maximum else "]"
    return f"within {low}{_number(p.minimum)}, {_number(p.maximum)}{high}"


def _verb(p: ir.Predicate, t: ir.TypeRef | None, schema: ir.Schema) -> str:
    """What a predicate says of its field's value, as a verb phrase: `is at least 1`, `matches ...`.

    `t` is the type of the value the predicate is about (None for a field named by a struct element's check).
    """
    if isinstance(p, ir.Present):
        return "is set"
    if isinstance(p, ir.Absent):
        return "is absent"
    if isinstance(p, ir.In):
        if t is not None and t.kind == ir.Kind.ENUM:
            defined = {v.value for v in schema.enum(t.ref).values}
            if set(p.values) - {""} == defined:
                linked = type_name(schema, t.ref)
                return f"is {_a(t.ref)} {linked} value" + (" or empty" if "" in p.values else "")
        values = [_json(v) for v in p.values]
        return f"is {values[0]}" if len(values) == 1 else f"is one of {', '.join(values)}"
    if isinstance(p, ir.NotIn):
        if p.values == ("",):
            return "is not empty"
        return f"is not {_json(p.values[0])}" if len(p.values) == 1 else "is none of " + ", ".join(map(_json, p.values))
    if isinstance(p, ir.Matches):
        return f"matches {code(p.pattern)}"
    if isinstance(p, ir.Range):
        return f"is {_range(p)}"
    if isinstance(p, ir.Length):
        return f"has {_between(p.minimum, p.maximum, 'characters')}"
    if isinstance(p, ir.Count):
        unit = "members" if t is not None and t.kind == ir.Kind.MAP else "elements"
        return f"has {_between(p.minimum, p.maximum, unit)}"
    if isinstance(p, ir.Format):
        return "is an RFC 3339 date-time"
    if isinstance(p, ir.NotNull):
        return "is not null"
    if isinstance(p, ir.IsObject):
        return "is a JSON object"
    if isinstance(p, ir.Conforms):
        linked = type_name(schema, p.struct)
        return f"holds {_a(p.struct)} {linked} (decoded as Go's json.Unmarshal would) that meets its rules"
    if isinstance(p, ir.Each):
        what = "each value" if t is not None and t.kind == ir.Kind.MAP else "each element"
        item = t.item if t is not None else None
        if item is not None and item.kind == ir.Kind.STRUCT:
            inner = schema.struct(item.ref)
            parts = [_sentence(q, inner, schema) for q in p.predicates]
        else:
            parts = [_verb(q, item, schema) for q in p.predicates]
        return f"{what}: " + ", ".join(parts)
    raise AssertionError(f"no words for {p!r}")


def _sentence(p: ir.Predicate, struct: ir.Struct, schema: ir.Schema) -> str:
    """A predicate on a field of a struct, with its subject: `` `tokenHash` is set ``."""
    if isinstance(p, ir.AnyOf):
        return " or ".join(" and ".join(_sentence(q, struct, schema) for q in a) for a in p.alternatives)
    f = struct.field(p.field)
    return f"{code(p.field)} {_verb(p, f.type, schema)}"


def aliases(parties: tuple[ir.Party, ...]) -> dict[str, str]:
    """Short Mermaid participant ids: the initial of each party's last word (W, P), numbered on a clash."""
    out: dict[str, str] = {}
    for p in parties:
        base = ((split_words(p.name) or ("p",))[-1][:1] or "p").upper()
        alias, n = base, 1
        while alias in out.values():
            n += 1
            alias = f"{base}{n}"
        out[p.name] = alias
    return out


def _requirements(rule: ir.Rule) -> list[tuple[str, str]]:
    """(field, how it reads) for each field a rule requires: `a`, `a` or `b`, with any condition on presence."""
    out = [(p.field, code(p.field)) for p in rule.then if isinstance(p, ir.Present)]
    for p in rule.then:
        if _alternatives(p):
            names = _alternatives(p)
            out += [(n, " or ".join(code(m) for m in names)) for n in names[:1]]
    condition = [p.field for p in rule.when if isinstance(p, ir.Present)]
    suffix = f" (if {', '.join(map(code, condition))})" if condition else ""
    return [(field, text + suffix) for field, text in out]


def _alternatives(p: ir.Predicate) -> list[str]:
    """The fields of an anyOf of single `required`s (`ok` or `error`), else nothing."""
    if isinstance(p, ir.AnyOf) and all(len(a) == 1 and isinstance(a[0], ir.Present) for a in p.alternatives):
        return [a[0].field for a in p.alternatives]
    return []


@dataclass(frozen=True, slots=True)
class Scope:
    """When a rule applies: to some message types (or all but some), and under conditions on other fields."""

    types: tuple[str, ...] | None = None  # None: whatever the type
    unless: bool = False  # the types are those it does not apply to
    condition: str = ""  # "if `error` is set"
    top_level: bool = False  # a rule of the root schema: top-level messages only

    def text(self, field: str) -> str:
        parts = []
        if self.types is not None:
            listed = [code(t) for t in self.types]
            if self.unless:
                alternatives = f"{', '.join(listed[:-1])} or {listed[-1]}" if len(listed) > 1 else listed[0]
                parts.append(f"unless {code(field)} is {alternatives}")
            else:
                parts.append(f"for {', '.join(listed)}")
        if self.top_level:
            parts.append("at the top level")
        if self.condition:
            parts.append(self.condition)
        return " ".join(parts)


def _scope(rule: ir.Rule, struct: ir.Struct, schema: ir.Schema, top_level: bool = False) -> Scope:
    table = schema.messages if struct.name == schema.root else None
    types, unless, others = None, False, []
    valued = {p.field for p in rule.when if not isinstance(p, ir.Present | ir.Absent | ir.AnyOf)}
    for p in rule.when:
        if table and isinstance(p, ir.In | ir.NotIn) and p.field == table.field and types is None:
            types, unless = tuple(str(v) for v in p.values), isinstance(p, ir.NotIn)
        elif not (isinstance(p, ir.Present) and p.field in valued):  # `x` is 1 says it is set
            others.append(_sentence(p, struct, schema))
    return Scope(types, unless, "if " + " and ".join(others) if others else "", top_level)


def _types_of(rule: ir.Rule, table: ir.Messages | None) -> tuple[str, ...] | None:
    """The message types a rule's condition selects, None when it does not select by type."""
    for p in rule.when:
        if table and isinstance(p, ir.In) and p.field == table.field:
            return tuple(str(v) for v in p.values)
    return None


def _reachable(schema: ir.Schema, name: str) -> list[str]:
    """The struct and every struct its values hold, in fields, list elements or map values."""
    out, stack = [name], [name]
    while stack:
        for f in schema.struct(stack.pop()).fields:
            t = f.type if f.type.kind == ir.Kind.STRUCT else f.type.item
            if t is not None and t.kind == ir.Kind.STRUCT and t.ref not in out:
                out.append(t.ref)
                stack.append(t.ref)
    return out


def _correlation(schema: ir.Schema) -> str:
    """The field a request carries and its response echoes: one that a kind rule (x-framegen-for-kind)
    requires of every request and another of every response; "" when the schema pairs them by no field."""
    rules = schema.struct(schema.root).rules + schema.root_rules

    def required(kind: str) -> list[str]:
        return [
            p.field
            for r in rules
            if r.for_kind == kind and r.level == "error"
            for p in r.then
            if isinstance(p, ir.Present)
        ]

    echoed = required("response")
    return next((field for field in required("request") if field in echoed), "")


class DocsTarget:
    name: ClassVar[str] = "docs"
    title: ClassVar[str] = "Markdown reference"
    annotations: ClassVar[tuple[Annotation, ...]] = ()
    options: ClassVar[tuple[Option, ...]] = (Option("docs", "docs", "folder of the generated protocol reference"),)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def check(self, schema: ir.Schema) -> None:
        """Markdown can say anything the IR holds."""

    def files(self, schema: ir.Schema) -> list[GeneratedFile]:
        env = environment("docs")
        env.filters["code"] = lambda text: cell(code(str(text)))  # schema text in a code span, safe in a table
        source = env.get_template("protocol.md.j2").render(**self.context(schema))
        return [GeneratedFile(f"{self.settings.option('docs')}/protocol.md", source.encode())]

    def context(self, schema: ir.Schema) -> dict[str, Any]:
        from generator.targets import code_targets  # the registry lists this module too

        root = schema.struct(schema.root)
        table = schema.messages
        languages = [target(self.settings) for target in code_targets(self.settings.targets)]
        values = table.values if table else ()
        return {
            "header": header_lines(schema, self.settings.version_markers),
            "schema": schema,
            "doc": [cell(line) if line.strip() else "" for line in schema.doc.split("\n")],
            "field": table.field if table else "",
            "mermaid": self.sequence(schema),
            "types": [self.type_row(schema, v, root) for v in values],
            "sections": [self.section(schema, v, root) for v in values],
            "languages": [t.title for t in languages],
            "kind_header": "message kind" if table and table.field == "kind" else "kind",
            "structs": [self.struct_view(schema, s, languages) for s in schema.structs],
            "enums": [self.enum_view(e) for e in schema.enums if not table or e.name != table.enum],
            "failure": self.failure_view(schema, languages),
            "rules": self.rule_rows(schema),
        }

    @staticmethod
    def sequence(schema: ir.Schema) -> list[str]:
        """Connect -> snapshots; request -> broadcast push -> response; changes pushed as they happen."""
        if schema.messages is None:
            return []
        values = schema.messages.values
        alias = aliases(schema.parties)

        def arrow(v: ir.EnumValue, note: str = "") -> str:
            dashed = "-->>" if v.kind == "push" and note else "->>"
            return f"{alias[v.sender]}{dashed}{alias[v.receiver]}: {mermaid_label(v.value + note)}"

        everyone = f"{alias[schema.parties[0].name]},{alias[schema.parties[-1].name]}"
        by_value = {v.value: v for v in values}
        lines = ["sequenceDiagram", *(f"    participant {alias[p.name]} as {p.title}" for p in schema.parties)]
        connect = [v for v in values if v.sent == "on-connect"]
        if connect:
            lines.append(f"    Note over {everyone}: on each new connection")
            lines += [f"    {arrow(v)}" for v in connect]
        key = _correlation(schema)
        for v in (v for v in values if v.kind == "request"):
            lines.append(f"    Note over {everyone}: {mermaid_label(v.value)} request")
            lines.append(f"    {arrow(v, f' ({key})' if key else '')}")
            if v.triggers in by_value:
                lines.append(f"    {arrow(by_value[v.triggers], ' (broadcast)')}")
            if v.response in by_value:
                lines.append(f"    {arrow(by_value[v.response], f' (echoes {key})' if key else '')}")
        changes = [v for v in values if v.sent == "on-change" and not any(r.triggers == v.value for r in values)]
        if changes:
            lines.append(f"    Note over {everyone}: pushed as state changes")
            lines += [f"    {arrow(v)}" for v in changes]
        return lines

    @staticmethod
    def pair(v: ir.EnumValue, values: tuple[ir.EnumValue, ...]) -> str:
        if v.response:
            return f"→ {code(v.response)}"
        requests = [r.value for r in values if r.response == v.value]
        return f"← {code(requests[0])}" if requests else ""

    @staticmethod
    def direction(schema: ir.Schema, v: ir.EnumValue) -> str:
        return f"{schema.party(v.sender).title} → {schema.party(v.receiver).title}"

    @staticmethod
    def fields_for(schema: ir.Schema, v: ir.EnumValue, root: ir.Struct, level: str) -> list[str]:
        out: list[str] = []
        for r in root.rules:
            types = _types_of(r, schema.messages)
            if r.level == level and types is not None and v.value in types:
                out += [text for _, text in _requirements(r) if text not in out]
        return out

    def type_row(self, schema: ir.Schema, v: ir.EnumValue, root: ir.Struct) -> dict:
        return {
            "value": v.value,
            "kind": v.kind,
            "direction": self.direction(schema, v),
            "pair": self.pair(v, schema.messages.values),
            "required": ", ".join(self.fields_for(schema, v, root, "error")) or "—",
            "lint": ", ".join(self.fields_for(schema, v, root, "lint")) or "—",
        }

    def section(self, schema: ir.Schema, v: ir.EnumValue, root: ir.Struct) -> dict:
        rules = [
            f"{cell(code(r.id))} ({r.level}): {cell(r.doc)}"
            for r in root.rules
            if v.value in (_types_of(r, schema.messages) or ())
        ]
        return {
            "value": v.value,
            "doc": cell(v.doc),
            "kind": v.kind,
            "sent": v.sent,
            "direction": self.direction(schema, v),
            "pair": self.pair(v, schema.messages.values),
            "triggers": v.triggers,
            "rules": rules,
            "example": self.example(schema, v.value, root),
        }

    def example(self, schema: ir.Schema, value: str, root: ir.Struct) -> list[str]:
        """The first valid example of this type (schema/examples/valid beside the schema), in wire order."""
        folder = self.settings.schema_path.parent / "examples" / "valid"
        candidates = sorted(folder.glob(f"{value}.json")) + sorted(folder.glob(f"{value}_*.json"))
        if not candidates:
            return []
        frame = json.loads(Path(candidates[0]).read_text())
        ordered = {f.wire_name: frame[f.wire_name] for f in root.fields if f.wire_name in frame}
        return json.dumps(ordered, indent=2, ensure_ascii=False).splitlines()

    @staticmethod
    def _rules_of(schema: ir.Schema, s: ir.Struct) -> list[tuple[ir.Rule, Scope]]:
        """The rules on a struct's values, each with when it applies (the root schema's rules for the root too)."""
        top = [(r, _scope(r, s, schema, top_level=True)) for r in schema.root_rules] if s.name == schema.root else []
        return top + [(r, _scope(r, s, schema)) for r in s.rules]

    def presence(self, schema: ir.Schema, s: ir.Struct) -> dict[str, list[str]]:
        """Per field, when it must (or is expected to) be set or absent: entries of one kind merged across types."""
        verbs = {
            ("required", "error"): "required",
            ("absent", "error"): "must be absent",
            ("required", "lint"): "expected (lint)",
            ("absent", "lint"): "expected absent (lint)",
        }
        merged: dict[tuple[str, str, str, bool, str, bool], list[str] | None] = {}
        for r, scope in self._rules_of(schema, s):
            for p in r.then:
                found = [(p.field, "required", "")] if isinstance(p, ir.Present) else []
                found += [(p.field, "absent", "")] if isinstance(p, ir.Absent) else []
                names = _alternatives(p)
                found += [(n, "required", ", ".join(code(m) for m in names if m != n)) for n in names]
                for field, what, others in found:
                    key = (field, verbs[what, r.level], others, scope.unless, scope.condition, scope.top_level)
                    if scope.types is None:
                        merged[key] = None
                    elif key not in merged:
                        merged[key] = list(scope.types)
                    elif merged[key] is not None:
                        merged[key] += [t for t in scope.types if t not in merged[key]]
        discriminant = schema.messages.field if schema.messages and s.name == schema.root else ""
        out: dict[str, list[str]] = {}
        for (field, verb, others, unless, condition, top_level), types in merged.items():
            scope = Scope(tuple(types) if types is not None else None, unless, condition, top_level)
            text = f"{verb}{f' (or {others})' if others else ''} {scope.text(discriminant)}".strip()
            out.setdefault(field, []).append(text)
        return out

    def constraints(self, schema: ir.Schema, s: ir.Struct) -> dict[str, list[str]]:
        """Per field, what the rules require of its value when it is set, each with its rule and when it applies."""
        discriminant = schema.messages.field if schema.messages and s.name == schema.root else ""
        out: dict[str, list[str]] = {}
        for r, scope in self._rules_of(schema, s):
            by_field: dict[str, list[str]] = {}
            for p in r.then:
                if isinstance(p, ir.Present | ir.Absent | ir.AnyOf):
                    continue
                by_field.setdefault(p.field, []).append(_verb(p, s.field(p.field).type, schema))
            tags = ", ".join(t for t in ("lint" if r.level == "lint" else "", scope.text(discriminant)) if t)
            for field, verbs in by_field.items():
                out.setdefault(field, []).append(f"{code(r.id)}{f' ({tags})' if tags else ''}: {', '.join(verbs)}")
        return out

    def used_in(self, schema: ir.Schema, s: ir.Struct) -> list[str]:
        """Where values of a struct occur: fields holding it, list elements, map values, raw content."""
        out = ["the top-level message"] if s.name == schema.root else []
        for owner in schema.structs:
            for f in owner.fields:
                where = f"{type_name(schema, owner.name)} {code(f.wire_name)}"
                t = f.type
                if t.kind == ir.Kind.STRUCT and t.ref == s.name:
                    how = "optional" if f.omit_empty else "always written"
                    how = "always written, null when not set" if t.nullable and not f.omit_empty else how
                    out.append(f"{where} ({how})")
                elif t.kind in (ir.Kind.LIST, ir.Kind.MAP) and t.item.kind == ir.Kind.STRUCT and t.item.ref == s.name:
                    out.append(f"{'elements' if t.kind == ir.Kind.LIST else 'values'} of {where}")
            for r, scope in self._rules_of(schema, owner):
                for p in ir.walk(r.then):
                    if isinstance(p, ir.Conforms) and p.struct == s.name:
                        field = schema.messages.field if schema.messages and owner.name == schema.root else ""
                        when = scope.text(field)
                        level = f"its rules' findings reported as {r.level} findings"
                        out.append(
                            f"the content of {type_name(schema, owner.name)} {code(p.field)}"
                            f"{' ' + when if when else ''} (rule {code(r.id)}: {level})"
                        )
        return out

    def struct_view(self, schema: ir.Schema, s: ir.Struct, languages: list[Any]) -> dict:
        presence, constraints = self.presence(schema, s), self.constraints(schema, s)
        rows = []
        for f in s.fields:
            if f.wire_name in presence:
                when = "; ".join(presence[f.wire_name])
            elif f.omit_empty:
                when = "optional"
            else:
                when = "always, null when not set" if f.type.nullable and f.type.kind != ir.Kind.RAW else "always"
            rows.append(
                {
                    "wire": f.wire_name,
                    "names": [cell(code(t.declaration(schema, s, f))) for t in languages],
                    "type": cell(type_text(f.type, schema)),
                    "omitempty": "yes" if f.omit_empty else "no (always encoded)",
                    "when": cell(when),
                    "rules": cell("; ".join(constraints.get(f.wire_name, []))),
                    "doc": cell(f.doc.split("\n")[0]),
                }
            )
        used = self.used_in(schema, s)
        return {"name": s.name, "doc": cell(s.doc), "used": cell("; ".join(used)) if used else "", "rows": rows}

    @staticmethod
    def failure_view(schema: ir.Schema, languages: list[Any]) -> dict | None:
        """The failure model in wire terms, and each code target's helper for it (those that generate one)."""
        failure = schema.failure
        if failure is None:
            return None
        responses = schema.messages.of_kind("response") if schema.messages else ()
        return {
            "name": failure.name,
            "doc": cell(failure.doc),
            "success": failure.success,
            "message": failure.message,
            "status": failure.status,
            "responses": ", ".join(f"`{r}`" for r in responses),
            "apis": [
                {"language": t.title, "helper": cell(api[0]), "returns": cell(api[1])}
                for t in languages
                if (api := getattr(t, "failure_api", lambda schema: None)(schema))
            ],
        }

    @staticmethod
    def enum_view(e: ir.Enum) -> dict:
        return {
            "name": e.name,
            "doc": cell(e.doc),
            "rows": [{"value": cell(_json(v.value)), "doc": cell(v.doc)} for v in e.values],
        }

    def rule_rows(self, schema: ir.Schema) -> list[dict]:
        """Every rule: the root schema's (top-level messages only), then each struct's, root first."""
        contents: dict[str, list[str]] = {}  # struct -> how its rules are reported as a raw field's content
        for owner in schema.structs:
            for r, _ in self._rules_of(schema, owner):
                for p in ir.walk(r.then):
                    if isinstance(p, ir.Conforms) and r.level != "error":
                        where = (
                            f"as {r.level} findings in the content of {type_name(schema, owner.name)} {code(p.field)}"
                        )
                        for name in _reachable(schema, p.struct):  # the content's nested values too
                            contents.setdefault(name, []).append(where)
        rows = []
        for s in sorted(schema.structs, key=lambda x: x.name != schema.root):
            field = schema.messages.field if schema.messages and s.name == schema.root else ""
            nested = ", nested ones included" if s.children else ""
            nested += f" ({'; '.join(contents[s.name])})" if s.name in contents else ""
            for r, scope in self._rules_of(schema, s):
                if scope.top_level:
                    applies = "top-level messages only"
                elif scope.types is not None:
                    applies = scope.text(field)
                else:
                    applies = f"every {type_name(schema, s.name)} value{nested}"
                    applies += f"{',' if nested else ''} {scope.condition}" if scope.condition else ""
                rows.append({"id": r.id, "level": r.level, "doc": cell(r.doc), "applies": cell(applies)})
        return rows
