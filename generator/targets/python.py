"""The Python target: dataclasses, a Go-exact codec and the validator, as package `sync_protocol`."""

from __future__ import annotations

import keyword
from dataclasses import dataclass

from generator import ir
from generator.errors import pointer_join
from generator.naming import pascal_case, snake_case, upper_snake_case
from generator.render import environment, format_python, header_lines
from generator.settings import Settings
from generator.targets.base import GeneratedFile

KIND_CODES = {
    ir.Kind.STRING: "STR", ir.Kind.BOOL: "BOOL", ir.Kind.INT: "INT",
    ir.Kind.RAW: "RAW", ir.Kind.ENUM: "ENUM", ir.Kind.LIST: "LIST",
}
RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | {"self", "cls"}


def identifier(name: str) -> str:
    """A Python identifier for a generated name: keywords get a trailing underscore, digits a leading one."""
    if name[:1].isdigit():
        name = "_" + name
    return name + "_" if name in RESERVED else name


def annotation(annotations: ir.Annotations, key: str) -> str | None:
    return dict(annotations).get(key)


def attr_name(f: ir.Field) -> str:
    return annotation(f.annotations, "python.name") or identifier(snake_case(f.wire_name))


def class_name(name: str, annotations: ir.Annotations) -> str:
    return annotation(annotations, "python.name") or identifier(pascal_case(name))


def member_name(v: ir.EnumValue) -> str:
    return annotation(v.annotations, "python.name") or identifier(upper_snake_case(v.value) or "EMPTY")


def docstring(text: str) -> str:
    """A triple-quoted literal holding `text` exactly: backslashes and quotes cannot end it early."""
    body = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    body = "".join(ch if ch == "\n" or ch.isprintable() else ascii(ch)[1:-1] for ch in body)
    if body.endswith('"'):
        body = body[:-1] + '\\"'
    return f'"""{body}"""'


def comment(text: str) -> list[str]:
    """Comment lines for `text`: every line break in the text starts a new comment line."""
    return [("# " + line).rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def go_json_key(wire: str) -> str:
    """The bytes Go writes for a field's key, as a Python bytes literal."""
    escaped = wire.replace("\\", "\\\\").replace('"', '\\"')
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        escaped = escaped.replace(ch, esc)
    return repr(f'"{escaped}":'.encode())


def type_hint(t: ir.TypeRef, schema: ir.Schema) -> str:
    return {
        ir.Kind.STRING: "str", ir.Kind.BOOL: "bool", ir.Kind.INT: "int", ir.Kind.RAW: "RawJSON | None",
    }.get(t.kind) or (
        f"{class_name(t.ref, schema.enum(t.ref).annotations)} | str" if t.kind == ir.Kind.ENUM
        else f"list[{class_name(t.item.ref, schema.struct(t.item.ref).annotations)}]"
    )


def default(t: ir.TypeRef) -> str:
    return {ir.Kind.STRING: '""', ir.Kind.ENUM: '""', ir.Kind.BOOL: "False", ir.Kind.INT: "0",
            ir.Kind.RAW: "None", ir.Kind.LIST: "field(default_factory=list)"}[t.kind]


@dataclass(frozen=True, slots=True)
class _Expressions:
    """Python expressions for the IR's predicates over a struct value named `var`."""

    struct: ir.Struct
    schema: ir.Schema

    def field(self, wire: str) -> ir.Field:
        return next(f for f in self.struct.fields if f.wire_name == wire)

    def present(self, wire: str, var: str) -> str:
        f = self.field(wire)
        return f"bool({var}.{attr_name(f)})" if f.omit_empty else "True"

    def predicate(self, p: ir.Predicate, var: str) -> str:
        if isinstance(p, ir.Present):
            return self.present(p.field, var)
        if isinstance(p, ir.Absent):
            return f"not {self.present(p.field, var)}"
        if isinstance(p, ir.AnyOf):
            return "(" + " or ".join(self.conjunction(a, var) for a in p.alternatives) + ")"
        f = self.field(p.field)
        value = f"{var}.{attr_name(f)}"
        if isinstance(p, ir.In | ir.NotIn):
            op = "in" if isinstance(p, ir.In) else "not in"
            check = f"{value} {op} {{{', '.join(repr(v) for v in p.values)}}}"
        elif isinstance(p, ir.Matches):
            check = f"_re.search({p.pattern!r}, {value}) is not None"
        elif isinstance(p, ir.IsObject):
            check = f"{value}.is_object()"
        else:  # Each
            item = _Expressions(self.schema.struct(f.type.item.ref), self.schema)
            check = f"all({item.conjunction(p.predicates, 'x')} for x in {value})"
        present = self.present(p.field, var)
        return check if present == "True" else f"(not {value} or {check})"

    def conjunction(self, predicates: tuple[ir.Predicate, ...], var: str) -> str:
        return "(" + " and ".join(self.predicate(p, var) for p in predicates) + ")" if predicates else "True"


def _where(prefix: str, *parts: str) -> str:
    """A Python expression for pointer `prefix` extended with static parts; repr() keeps any name inert."""
    static = pointer_join("", *parts)
    return f"{prefix} + {static!r}" if static else prefix


def rule_lines(rule: ir.Rule, struct: ir.Struct, schema: ir.Schema) -> list[str]:
    """Statements appending one ValidationError per failing predicate of the rule, with its JSON pointer."""
    ex = _Expressions(struct, schema)
    finding = f"ValidationError({rule.id!r}, {{}}, {rule.doc!r}, {rule.level!r})"
    body: list[str] = []
    for p in rule.then:
        if isinstance(p, ir.Each):
            f = ex.field(p.field)
            item = _Expressions(schema.struct(f.type.item.ref), schema)
            body.append(f"for i, x in enumerate(f.{attr_name(f)}):")
            base = f"{_where('p', p.field)} + '/' + str(i)"
            for q in p.predicates:
                where = _where(base, q.field) if hasattr(q, "field") else base
                body += [f"    if not {item.predicate(q, 'x')}:", "        out.append(" + finding.format(where) + ")"]
        else:
            where = _where("p", p.field) if hasattr(p, "field") else "p"
            body += [f"if not {ex.predicate(p, 'f')}:", "    out.append(" + finding.format(where) + ")"]
    if not rule.when:
        return body
    return [f"if {ex.conjunction(rule.when, 'f')}:"] + ["    " + line for line in body]


class PythonTarget:
    name = "python"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.package = settings.python_package

    def files(self, schema: ir.Schema) -> list[GeneratedFile]:
        env = environment("python")
        context = self.context(schema)
        out = []
        for template, filename in (
            ("__init__.py.j2", "__init__.py"),
            ("_runtime.py.j2", "_runtime.py"),
            ("models.py.j2", "models.py"),
            ("validate.py.j2", "validate.py"),
        ):
            path = f"python/{self.package}/{filename}"
            source = env.get_template(template).render(**context)
            out.append(GeneratedFile(path, format_python(source, path).encode()))
        return out

    def context(self, schema: ir.Schema) -> dict[str, object]:
        enums = [self.enum_view(e) for e in schema.enums]
        structs = [self.struct_view(s, schema) for s in schema.structs]
        root = schema.struct(schema.root)
        discriminant = next((e for e in schema.enums if any(v.kind for v in e.values)), None)
        return {
            "header": header_lines(schema, self.settings.version_markers),
            "package": self.package,
            "schema": schema,
            "doc": docstring(schema.doc),
            "enums": enums,
            "structs": structs,
            "root": class_name(root.name, root.annotations),
            "messages": self.message_view(discriminant) if discriminant else None,
            "root_rules": [rule_lines(r, root, schema) for r in schema.root_rules],
            "checks": [self.checks_view(s, schema) for s in schema.structs if s.rules],
            "exports": sorted([e["name"] for e in enums] + [s["name"] for s in structs]),
        }

    def enum_view(self, e: ir.Enum) -> dict[str, object]:
        return {
            "name": class_name(e.name, e.annotations),
            "table": f"_{upper_snake_case(e.name)}_VALUES",
            "doc": docstring(e.doc),
            "members": [{"name": member_name(v), "value": repr(v.value), "doc": docstring(v.doc)} for v in e.values],
        }

    def message_view(self, e: ir.Enum) -> dict[str, object]:
        enum = class_name(e.name, e.annotations)
        by_value = {v.value: member_name(v) for v in e.values}
        return {
            "enum": enum,
            "rows": [
                {"member": f"{enum}.{member_name(v)}", "kind": repr(v.kind), "sender": repr(v.sender),
                 "receiver": repr(v.receiver),
                 "response": f"{enum}.{by_value[v.response]}" if v.response else "None"}
                for v in e.values
            ],
        }

    def struct_view(self, s: ir.Struct, schema: ir.Schema) -> dict[str, object]:
        name = class_name(s.name, s.annotations)
        fields = []
        for f in s.fields:
            attr = attr_name(f)
            kind = f.type.kind
            extra = "None"
            if kind == ir.Kind.ENUM:
                extra = f"_{upper_snake_case(f.type.ref)}_VALUES"
            elif kind == ir.Kind.LIST:
                extra = f"_{upper_snake_case(f.type.item.ref)}_SPEC"
            value = f"f.{attr}"
            encode = {
                ir.Kind.STRING: f"encode_str({value})", ir.Kind.ENUM: f"encode_str({value})",
                ir.Kind.INT: f'b"%d" % {value}', ir.Kind.RAW: f"{value}.compact()",
                ir.Kind.BOOL: f'(b"true" if {value} else b"false")',
            }.get(kind, "")
            fields.append({
                "attr": attr, "wire": repr(f.wire_name), "hint": type_hint(f.type, schema), "default": default(f.type),
                "doc": comment(f.doc or f.wire_name), "kind": KIND_CODES[kind], "extra": extra,
                "omit_empty": f.omit_empty, "key": go_json_key(f.wire_name), "encode": encode,
                "nested": kind == ir.Kind.LIST,
            })
        children = [attr_name(f) for f in s.fields if f.type.kind == ir.Kind.LIST and f.type.item.ref == s.name]
        return {
            "name": name, "doc": docstring(s.doc or s.name), "fields": fields,
            "spec": f"_{upper_snake_case(s.name)}_SPEC", "encoder": f"_encode_{snake_case(s.name)}",
            "children": children,
        }

    def checks_view(self, s: ir.Struct, schema: ir.Schema) -> dict[str, object]:
        levels = {}
        for level in ("error", "lint"):
            levels[level] = [rule_lines(r, s, schema) for r in s.rules if r.level == level]
        children = [attr_name(f) for f in s.fields if f.type.kind == ir.Kind.LIST and f.type.item.ref == s.name]
        return {"name": class_name(s.name, s.annotations), "function": snake_case(s.name), "levels": levels,
                "children": children}
