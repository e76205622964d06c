"""The docs target: a protocol reference in Markdown, with a sequence diagram, from the IR.

Everything it says comes from the IR (the message table, the parties, the rules) and, for the
names each language gives a field, from the configured code targets in the registry.
"""

from __future__ import annotations

import html
import json
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


def mermaid_label(text: str) -> str:
    """A Mermaid message label: letters, digits and a few separators only."""
    return "".join(ch if ch.isalnum() or ch in " _-()/," else "_" for ch in text)


def type_text(t: ir.TypeRef) -> str:
    """A field's JSON type in words, the same for every language."""
    if t.kind == ir.Kind.ENUM:
        return f"{t.ref} (string)"
    if t.kind == ir.Kind.LIST:
        return f"array of {type_text(t.item)}"
    if t.kind == ir.Kind.STRUCT:
        return t.ref
    return {ir.Kind.STRING: "string", ir.Kind.BOOL: "boolean", ir.Kind.INT: "integer", ir.Kind.RAW: "raw JSON"}[t.kind]


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
    out = [(p.field, f"`{p.field}`") for p in rule.then if isinstance(p, ir.Present)]
    for p in rule.then:
        if isinstance(p, ir.AnyOf) and all(len(a) == 1 and isinstance(a[0], ir.Present) for a in p.alternatives):
            names = [a[0].field for a in p.alternatives]
            out += [(n, " or ".join(f"`{m}`" for m in names)) for n in names[:1]]
    condition = [p.field for p in rule.when if isinstance(p, ir.Present)]
    suffix = f" (if `{'`, `'.join(condition)}`)" if condition else ""
    return [(field, text + suffix) for field, text in out]


def _types_of(rule: ir.Rule, table: ir.Messages | None) -> tuple[str, ...] | None:
    """The message types a rule's condition selects, None when it does not select by type."""
    for p in rule.when:
        if table and isinstance(p, ir.In) and p.field == table.field:
            return tuple(str(v) for v in p.values)
    return None


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
        source = environment("docs").get_template("protocol.md.j2").render(**self.context(schema))
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
            "structs": [self.struct_view(schema, s, languages) for s in schema.structs],
            "rules": [self.rule_row(r, "top-level messages only", table) for r in schema.root_rules]
            + [self.rule_row(r, "every value, nested ones included", table) for r in root.rules],
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
            return f"→ `{v.response}`"
        requests = [r.value for r in values if r.response == v.value]
        return f"← `{requests[0]}`" if requests else ""

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
            f"`{r.id}` ({r.level}): {cell(r.doc)}"
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

    def struct_view(self, schema: ir.Schema, s: ir.Struct, languages: list[Any]) -> dict:
        required_for: dict[str, list[str]] = {}
        for r in schema.struct(schema.root).rules if s.name == schema.root else ():
            types = _types_of(r, schema.messages)
            for field, _ in _requirements(r) if types else ():
                what = "required" if r.level == "error" else "expected (lint)"
                required_for.setdefault(field, []).append(f"{what} for " + ", ".join(f"`{t}`" for t in types))
        rows = []
        for f in s.fields:
            when = required_for.get(f.wire_name)
            rows.append(
                {
                    "wire": f.wire_name,
                    "names": [cell(f"`{t.declaration(schema, s, f)}`") for t in languages],
                    "type": cell(type_text(f.type)),
                    "omitempty": "yes" if f.omit_empty else "no (always encoded)",
                    "when": cell("; ".join(when)) if when else ("always" if not f.omit_empty else "optional"),
                    "doc": cell(f.doc.split("\n")[0]),
                }
            )
        return {"name": s.name, "doc": cell(s.doc), "rows": rows}

    @staticmethod
    def rule_row(r: ir.Rule, scope: str, table: ir.Messages | None) -> dict:
        types = _types_of(r, table)
        return {
            "id": r.id,
            "level": r.level,
            "doc": cell(r.doc),
            "applies": ", ".join(f"`{t}`" for t in types) if types else scope,
        }
