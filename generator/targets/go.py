"""The Go target: package `protocol`, a drop-in replacement for the hand-written one, plus Validate/Lint."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator import ir
from generator.errors import RenderError, SchemaError
from generator.naming import pascal_case
from generator.render import environment, format_go, header_lines, wrap_text
from generator.settings import Settings
from generator.targets.base import GeneratedFile, check_names, checked_structs

INITIALISMS = frozenset(
    line.strip()
    for line in (Path(__file__).parent / "go_initialisms.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
)
GO_SCALARS = {ir.Kind.STRING: "string", ir.Kind.BOOL: "bool", ir.Kind.INT: "int", ir.Kind.RAW: "json.RawMessage"}
GO_EXPORTED = re.compile(r"[A-Z][A-Za-z0-9_]*")
RE2_UNSUPPORTED = re.compile(r"\(\?[=!>]|\(\?<[=!]|\\[1-9]|[*+?}]\+")  # lookaround, backrefs, atomic, possessive
GO_RESERVED = frozenset({"ValidationError", "MessageInfo", "SchemaVersion", "SchemaID", "SchemaDigest"})
_TAG_NAME = re.compile(r"^[A-Za-z0-9!#$%&()*+\-./:;<=>?@\[\]^_{|}~ ]+$")  # encoding/json isValidTag


def annotation(annotations: ir.Annotations, key: str) -> str | None:
    return dict(annotations).get(key)


def go_string(text: str) -> str:
    """A Go interpreted string literal holding `text`."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif 0x20 <= code < 0x7F:
            out.append(ch)
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\\uFFFD")  # Go strings cannot hold a lone surrogate; Go's decoder makes it U+FFFD too
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def comment_lines(text: str, width: int = 90) -> list[str]:
    """`//` lines for text, wrapped; every line break starts a new line; control characters are spelled out."""
    lines = []
    for line in wrap_text(text, width):
        safe = "".join(ch if ch.isprintable() or ch == "\t" else f"\\u{ord(ch):04x}" for ch in line)
        lines.append(("// " + safe).rstrip())
    return lines


def const_name(prefix: str, value: str) -> str:
    """FrameKeySync for "key_sync"; "" (refused by the name check) for a value with no letters or digits."""
    words = pascal_case(value, INITIALISMS)
    return prefix + words if words else ""


def field_name(f: ir.Field) -> str:
    return annotation(f.annotations, "go.name") or pascal_case(f.wire_name, INITIALISMS)


def type_name(name: str, annotations: ir.Annotations) -> str:
    return annotation(annotations, "go.name") or pascal_case(name, INITIALISMS)


def go_type(f: ir.Field, schema: ir.Schema) -> str:
    override = annotation(f.annotations, "go.type")
    if override:
        return override
    if f.type.kind == ir.Kind.ENUM:
        return type_name(f.type.ref, schema.enum(f.type.ref).annotations)
    if f.type.kind == ir.Kind.LIST:
        return "[]" + type_name(f.type.item.ref, schema.struct(f.type.item.ref).annotations)
    return GO_SCALARS[f.type.kind]


def json_tag(f: ir.Field, go_name: str) -> str:
    """The struct tag; none when Go's default (the field name, no omitempty) already says it."""
    if not _TAG_NAME.match(f.wire_name):
        raise SchemaError(
            f.pointer,
            f"wire name {f.wire_name!r} cannot be a Go json tag: encoding/json would ignore the tag",
            "use letters, digits, spaces and !#$%&()*+-./:;<=>?@[]^_{|}~ only",
        )
    if f.wire_name == go_name and not f.omit_empty:
        return ""
    return f'`json:"{f.wire_name}{",omitempty" if f.omit_empty else ""}"`'


@dataclass
class _Expressions:
    """Go boolean expressions for the IR's predicates over a struct value named `var`."""

    struct: ir.Struct
    schema: ir.Schema
    patterns: dict[str, str]  # regexp source -> package-level variable name

    def field(self, wire: str) -> ir.Field:
        return next(f for f in self.struct.fields if f.wire_name == wire)

    def present(self, wire: str, var: str) -> str:
        f = self.field(wire)
        value = f"{var}.{field_name(f)}"
        if not f.omit_empty:
            return "true"
        return {
            ir.Kind.BOOL: value,
            ir.Kind.INT: f"{value} != 0",
            ir.Kind.RAW: f"len({value}) != 0",
            ir.Kind.LIST: f"len({value}) != 0",
        }.get(f.type.kind, f'{value} != ""')

    def literal(self, value: str | bool | int) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value) if isinstance(value, int) else go_string(value)

    def checks(self, p: ir.Predicate, var: str) -> tuple[str, str]:
        """(holds, fails) for a predicate on a present field's value."""
        if isinstance(p, ir.Each):
            raise RenderError("the Go target supports 'items' conditions only at the top of a rule's 'then'")
        f = self.field(p.field)
        value = f"{var}.{field_name(f)}"
        if isinstance(p, ir.In | ir.NotIn):
            equal = " || ".join(f"{value} == {self.literal(v)}" for v in p.values)
            unequal = " && ".join(f"{value} != {self.literal(v)}" for v in p.values)
            return (equal, unequal) if isinstance(p, ir.In) else (unequal, equal)
        if isinstance(p, ir.Matches):
            if RE2_UNSUPPORTED.search(p.pattern):
                raise SchemaError(
                    "",
                    f"pattern {p.pattern!r} uses syntax Go's regexp (RE2) does not support",
                    "avoid lookaround, backreferences, atomic groups and possessive quantifiers",
                )
            name = self.patterns.setdefault(p.pattern, f"pattern{len(self.patterns)}")
            return f"{name}.MatchString({value})", f"!{name}.MatchString({value})"
        if isinstance(p, ir.Range):
            low = [f"{value} >= {p.minimum}"] if p.minimum is not None else []
            high = [f"{value} <= {p.maximum}"] if p.maximum is not None else []
            within = " && ".join(low + high) or "true"
            return within, f"!({within})"
        return f"isJSONObject({value})", f"!isJSONObject({value})"  # IsObject

    def predicate(self, p: ir.Predicate, var: str) -> str:
        """A Go expression that is true when p holds."""
        if isinstance(p, ir.Present | ir.Absent):
            return self.present(p.field, var) if isinstance(p, ir.Present) else self.absent(p.field, var)
        if isinstance(p, ir.AnyOf):
            return "(" + " || ".join(self.conjunction(a, var) for a in p.alternatives) + ")"
        holds, _ = self.checks(p, var)
        present = self.present(p.field, var)
        return f"({holds})" if present == "true" else f"({self.absent(p.field, var)} || {holds})"

    def failure(self, p: ir.Predicate, var: str) -> str:
        """A Go expression that is true when p fails, written without double negation."""
        if isinstance(p, ir.Present | ir.Absent):
            return self.absent(p.field, var) if isinstance(p, ir.Present) else self.present(p.field, var)
        if isinstance(p, ir.AnyOf):
            return "!(" + " || ".join(self.conjunction(a, var) for a in p.alternatives) + ")"
        _, fails = self.checks(p, var)
        present = self.present(p.field, var)
        return fails if present == "true" else f"{present} && ({fails})"

    def absent(self, wire: str, var: str) -> str:
        f = self.field(wire)
        value = f"{var}.{field_name(f)}"
        if not f.omit_empty:
            return "false"
        return {
            ir.Kind.BOOL: f"!{value}",
            ir.Kind.INT: f"{value} == 0",
            ir.Kind.RAW: f"len({value}) == 0",
            ir.Kind.LIST: f"len({value}) == 0",
        }.get(f.type.kind, f'{value} == ""')

    def conjunction(self, predicates: tuple[ir.Predicate, ...], var: str) -> str:
        return "(" + " && ".join(self.predicate(p, var) for p in predicates) + ")" if predicates else "true"


def rule_lines(rule: ir.Rule, struct: ir.Struct, schema: ir.Schema, patterns: dict[str, str]) -> list[str]:
    """Statements appending one ValidationError per failing predicate, with a lazily built JSON pointer."""
    ex = _Expressions(struct, schema, patterns)
    finding = "*out = append(*out, ValidationError{Rule: %s, Pointer: %s, Message: %s, Level: %s})"
    rid, doc, level = go_string(rule.id), go_string(rule.doc), go_string(rule.level)
    body: list[str] = []
    for p in rule.then:
        if isinstance(p, ir.Each):
            f = ex.field(p.field)
            item = _Expressions(schema.struct(f.type.item.ref), schema, patterns)
            body += [f"for i := range f.{field_name(f)} {{", f"x := &f.{field_name(f)}[i]"]
            for q in p.predicates:
                parts = [go_string(p.field), "strconv.Itoa(i)"] + ([go_string(q.field)] if hasattr(q, "field") else [])
                where = f"p.join({', '.join(parts)})"
                body += [f"if {item.failure(q, 'x')} {{", finding % (rid, where, doc, level), "}"]
            body.append("}")
        else:
            where = f"p.join({go_string(p.field)})" if hasattr(p, "field") else "p.join()"
            body += [f"if {ex.failure(p, 'f')} {{", finding % (rid, where, doc, level), "}"]
    lines = comment_lines(f"{rule.id}: {rule.doc}")
    if not rule.when:
        return lines + body
    return [*lines, f"if {' && '.join(ex.predicate(p, 'f') for p in rule.when)} {{", *body, "}"]


class GoTarget:
    name = "go"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def files(self, schema: ir.Schema) -> list[GeneratedFile]:
        env = environment("go")
        context = self.context(schema)
        package = self.settings.go_package
        root = f"{self.settings.output}/go"
        out = [GeneratedFile(f"{root}/go.mod", env.get_template("go.mod.j2").render(**context).encode())]
        for template, filename in (("types.go.j2", "protocol.go"), ("validate.go.j2", "validate.go")):
            path = f"{root}/{package}/{filename}"
            source = env.get_template(template).render(**context)
            out.append(GeneratedFile(path, format_go(source, path).encode()))
        return out

    def check(self, schema: ir.Schema) -> None:
        """Every generated Go name is an exported identifier, not one of ours, and unique in its scope."""
        package = [(type_name(e.name, e.annotations), e.name, e.pointer) for e in schema.enums]
        package += [(type_name(s.name, s.annotations), s.name, s.pointer) for s in schema.structs]
        for e in schema.enums:
            view = self.enum_view(e)
            package += [(c["name"], v.value, v.pointer) for v, c in zip(e.values, view["consts"], strict=True)]
        check_names("go", "package-level", package, GO_RESERVED, GO_EXPORTED.fullmatch)
        for s in schema.structs:
            fields = [(field_name(f), f.wire_name, f.pointer) for f in s.fields]
            check_names("go", "field", fields, frozenset({"Validate", "Lint"}), GO_EXPORTED.fullmatch)

    def context(self, schema: ir.Schema) -> dict[str, object]:
        self.check(schema)
        patterns: dict[str, str] = {}
        root = schema.struct(schema.root)
        checks = [self.checks_view(s, schema, patterns) for s in checked_structs(schema)]
        return {
            "header": header_lines(schema, self.settings.version_markers),
            "module": self.settings.go_module,
            "package": self.settings.go_package,
            "package_doc": comment_lines(schema.doc),
            "version": go_string(schema.version),
            "schema_id": go_string(schema.id),
            "digest": go_string(schema.digest),
            "needs_json": any(go_type(f, schema).startswith("json.") for s in schema.structs for f in s.fields),
            "enums": [self.enum_view(e) for e in schema.enums],
            "structs": [self.struct_view(s, schema) for s in schema.structs],
            "messages": self.message_view(schema),
            "root": type_name(root.name, root.annotations),
            "root_rules": [rule_lines(r, root, schema, patterns) for r in schema.root_rules],
            "checks": checks,
            "patterns": [{"name": name, "source": go_string(src)} for src, name in patterns.items()],
        }

    def enum_view(self, e: ir.Enum) -> dict[str, object]:
        name = type_name(e.name, e.annotations)
        prefix = annotation(e.annotations, "go.const_prefix") or name
        return {
            "name": name,
            "doc": comment_lines(e.doc),
            "consts": [
                {
                    "name": annotation(v.annotations, "go.name") or const_name(prefix, v.value),
                    "value": go_string(v.value),
                    "doc": comment_lines(v.doc) if v.doc else [],
                }
                for v in e.values
            ],
        }

    def message_view(self, schema: ir.Schema) -> dict[str, object] | None:
        e = next((e for e in schema.enums if any(v.kind for v in e.values)), None)
        if e is None:
            return None
        view = self.enum_view(e)
        names = {v.value: c["name"] for v, c in zip(e.values, view["consts"], strict=True)}
        return {
            "enum": view["name"],
            "rows": [
                {
                    "name": names[v.value],
                    "kind": go_string(v.kind),
                    "from": go_string(v.sender),
                    "to": go_string(v.receiver),
                    "response": names.get(v.response, ""),
                }
                for v in e.values
            ],
        }

    def struct_view(self, s: ir.Struct, schema: ir.Schema) -> dict[str, object]:
        fields = []
        for f in s.fields:
            name = field_name(f)
            doc = comment_lines(f.doc) if f.doc else []
            inline = len(doc) == 1 and len(doc[0]) <= 72
            fields.append(
                {
                    "name": name,
                    "type": go_type(f, schema),
                    "tag": json_tag(f, name),
                    "doc": [] if inline else doc,
                    "trailing": " " + doc[0] if inline else "",
                }
            )
        return {
            "name": type_name(s.name, s.annotations),
            "doc": comment_lines(s.doc) if s.doc else [],
            "fields": fields,
        }

    def checks_view(self, s: ir.Struct, schema: ir.Schema, patterns: dict[str, str]) -> dict[str, object]:
        nested = [f for f in s.fields if f.type.kind == ir.Kind.LIST and f.type.item.ref == s.name]
        return {
            "name": type_name(s.name, s.annotations),
            "children": [{"name": field_name(f), "wire": go_string(f.wire_name)} for f in nested],
            "levels": [
                {
                    "walk": f"walk{level.capitalize()}",
                    "check": f"check{level.capitalize()}",
                    "rules": [rule_lines(r, s, schema, patterns) for r in s.rules if r.level == level],
                }
                for level in ("error", "lint")
            ],
        }
