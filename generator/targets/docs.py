"""The docs target: docs/protocol.md, a protocol reference with a sequence diagram, from the IR."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from generator import ir
from generator.render import environment, header_lines
from generator.settings import Settings
from generator.targets.base import GeneratedFile
from generator.targets.go import field_name as go_field_name
from generator.targets.go import go_type
from generator.targets.python import attr_name as python_attr_name

SERVICE_NAMES = {"worker": "Worker", "ws-proxy": "ws-proxy"}
ALIASES = {"worker": "W", "ws-proxy": "P"}


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no raw HTML, no column breaks, one line."""
    return html.escape(" ".join(text.split()), quote=False).replace("|", "\\|") or "—"


def mermaid_label(text: str) -> str:
    """A Mermaid message label: letters, digits and a few separators only."""
    return "".join(ch if ch.isalnum() or ch in " _-()/," else "_" for ch in text)


def _required(rule: ir.Rule) -> list[str]:
    """Fields the rule requires, as readers should see them: `a`, `a` or `b`, with any extra condition."""
    out = [f"`{p.field}`" for p in rule.then if isinstance(p, ir.Present)]
    for p in rule.then:
        if isinstance(p, ir.AnyOf) and all(len(a) == 1 and isinstance(a[0], ir.Present) for a in p.alternatives):
            out.append(" or ".join(f"`{a[0].field}`" for a in p.alternatives))
    condition = [p.field for p in rule.when if isinstance(p, ir.Present)]
    return [f"{f} (if `{'`, `'.join(condition)}`)" for f in out] if condition else out


def _types_of(rule: ir.Rule, discriminant: str) -> tuple[str, ...] | None:
    for p in rule.when:
        if isinstance(p, ir.In) and p.field == discriminant:
            return tuple(str(v) for v in p.values)
    return None


class DocsTarget:
    name = "docs"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def files(self, schema: ir.Schema) -> list[GeneratedFile]:
        source = environment("docs").get_template("protocol.md.j2").render(**self.context(schema))
        return [GeneratedFile(f"{self.settings.docs}/protocol.md", source.encode())]

    def context(self, schema: ir.Schema) -> dict[str, Any]:
        root = schema.struct(schema.root)
        discriminant = next(
            (
                f
                for f in root.fields
                if f.type.kind == ir.Kind.ENUM and any(v.kind for v in schema.enum(f.type.ref).values)
            ),
            None,
        )
        values = schema.enum(discriminant.type.ref).values if discriminant else ()
        wire = discriminant.wire_name if discriminant else ""
        return {
            "header": header_lines(schema, self.settings.version_markers),
            "schema": schema,
            "doc": [cell(line) if line.strip() else "" for line in schema.doc.split("\n")],
            "mermaid": self.sequence(values),
            "types": [self.type_row(v, root, values, wire) for v in values],
            "sections": [self.section(v, root, values, wire) for v in values],
            "structs": [self.struct_view(s, schema, root, wire) for s in schema.structs],
            "rules": [self.rule_row(r, "top-level frames only", wire) for r in schema.root_rules]
            + [self.rule_row(r, "every frame, items included", wire) for r in root.rules],
        }

    @staticmethod
    def sequence(values: tuple[ir.EnumValue, ...]) -> list[str]:
        """Connect -> snapshots; request -> broadcast push -> response; changes pushed as they happen."""

        def arrow(v: ir.EnumValue, note: str = "") -> str:
            dashed = "-->>" if v.kind == "push" and note else "->>"
            return f"{ALIASES[v.sender]}{dashed}{ALIASES[v.receiver]}: {mermaid_label(v.value + note)}"

        by_value = {v.value: v for v in values}
        lines = [
            "sequenceDiagram",
            *(f"    participant {a} as {SERVICE_NAMES[s]}" for s, a in (("worker", "W"), ("ws-proxy", "P"))),
        ]
        connect = [v for v in values if v.sent == "on-connect"]
        if connect:
            lines.append("    Note over W,P: a Worker connects")
            lines += [f"    {arrow(v)}" for v in connect]
        for v in (v for v in values if v.kind == "request"):
            lines.append(f"    Note over W,P: {mermaid_label(v.value)} request")
            lines.append(f"    {arrow(v, ' (id)')}")
            if v.triggers in by_value:
                lines.append(f"    {arrow(by_value[v.triggers], ' (to every Worker)')}")
            if v.response in by_value:
                lines.append(f"    {arrow(by_value[v.response], ' (echoes id)')}")
        changes = [v for v in values if v.sent == "on-change" and not any(r.triggers == v.value for r in values)]
        if changes:
            lines.append("    Note over W,P: state changes on the ws-proxy side (e.g. a 30-second reload tick)")
            lines += [f"    {arrow(v)}" for v in changes]
        return lines

    @staticmethod
    def pair(v: ir.EnumValue, values: tuple[ir.EnumValue, ...]) -> str:
        if v.response:
            return f"→ `{v.response}`"
        requests = [r.value for r in values if r.response == v.value]
        return f"← `{requests[0]}`" if requests else ""

    def fields_for(self, v: ir.EnumValue, root: ir.Struct, wire: str, level: str) -> list[str]:
        out: list[str] = []
        for r in root.rules:
            types = _types_of(r, wire)
            if r.level == level and types is not None and v.value in types:
                out += [f for f in _required(r) if f not in out]
        return out

    def type_row(self, v: ir.EnumValue, root: ir.Struct, values: tuple[ir.EnumValue, ...], wire: str) -> dict:
        return {
            "value": v.value,
            "kind": v.kind,
            "direction": f"{SERVICE_NAMES[v.sender]} → {SERVICE_NAMES[v.receiver]}",
            "pair": self.pair(v, values),
            "required": ", ".join(self.fields_for(v, root, wire, "error")) or "—",
            "lint": ", ".join(self.fields_for(v, root, wire, "lint")) or "—",
        }

    def section(self, v: ir.EnumValue, root: ir.Struct, values: tuple[ir.EnumValue, ...], wire: str) -> dict:
        rules = [
            f"`{r.id}` ({r.level}): {cell(r.doc)}"
            for r in root.rules
            if (_types_of(r, wire) or ()) and v.value in (_types_of(r, wire) or ())
        ]
        return {
            "value": v.value,
            "doc": cell(v.doc),
            "kind": v.kind,
            "sent": v.sent,
            "direction": f"{SERVICE_NAMES[v.sender]} → {SERVICE_NAMES[v.receiver]}",
            "pair": self.pair(v, values),
            "triggers": v.triggers,
            "rules": rules,
            "example": self.example(v.value, root),
        }

    def example(self, value: str, root: ir.Struct) -> list[str]:
        """The first valid example of this type, keys in struct order, as the canonical encoding orders them."""
        folder = self.settings.root / "schema" / "examples" / "valid"
        candidates = sorted(folder.glob(f"{value}.json")) + sorted(folder.glob(f"{value}_*.json"))
        if not candidates:
            return []
        frame = json.loads(Path(candidates[0]).read_text())
        order = [f.wire_name for f in root.fields]
        ordered = {k: frame[k] for k in order if k in frame}
        return json.dumps(ordered, indent=2, ensure_ascii=False).splitlines()

    def struct_view(self, s: ir.Struct, schema: ir.Schema, root: ir.Struct, wire: str) -> dict:
        rows = []
        for f in s.fields:
            when = []
            for r in root.rules if s is root else ():
                types = _types_of(r, wire)
                if types and any(x.startswith(f"`{f.wire_name}`") for x in _required(r)):
                    when.append(
                        f"{'required' if r.level == 'error' else 'expected (lint)'} for "
                        + ", ".join(f"`{t}`" for t in types)
                    )
            rows.append(
                {
                    "wire": f.wire_name,
                    "go": go_field_name(f),
                    "python": python_attr_name(f),
                    "type": cell(go_type(f, schema)),
                    "omitempty": "yes" if f.omit_empty else "no (always encoded)",
                    "when": cell("; ".join(when)) if when else ("always" if not f.omit_empty else "optional"),
                    "doc": cell(f.doc.split("\n")[0]),
                }
            )
        return {"name": s.name, "doc": cell(s.doc), "rows": rows}

    @staticmethod
    def rule_row(r: ir.Rule, scope: str, wire: str) -> dict:
        types = _types_of(r, wire)
        return {
            "id": r.id,
            "level": r.level,
            "doc": cell(r.doc),
            "applies": ", ".join(f"`{t}`" for t in types) if types else scope,
        }
