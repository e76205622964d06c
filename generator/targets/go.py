"""The Go target: package `protocol`, a drop-in replacement for the hand-written one, plus Validate/Lint.

Names, literals and the validator's syntax are here; the templates in templates/go loop and print.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from generator import checks, ir
from generator.errors import SchemaError
from generator.naming import pascal_case
from generator.render import environment, header_lines, run_formatter, tool, wrap_text
from generator.settings import Settings
from generator.targets.base import Annotation, GeneratedFile, Option, annotation, check_names
from generator.targets.printer import statements

INITIALISMS = frozenset(
    line.strip()
    for line in (Path(__file__).parent / "go_initialisms.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
)
GO_SCALARS = {ir.Kind.STRING: "string", ir.Kind.BOOL: "bool", ir.Kind.INT: "int", ir.Kind.RAW: "json.RawMessage"}
GO_EXPORTED = re.compile(r"[A-Z][A-Za-z0-9_]*")
GO_KEYWORDS = frozenset(
    [
        "break",
        "case",
        "chan",
        "const",
        "continue",
        "default",
        "defer",
        "else",
        "fallthrough",
        "for",
        "func",
        "go",
        "goto",
        "if",
        "import",
        "interface",
        "map",
        "package",
        "range",
        "return",
        "select",
        "struct",
        "switch",
        "type",
        "var",
    ]
)
RE2_UNSUPPORTED = re.compile(r"\(\?[=!>]|\(\?<[=!]|\\[1-9]|[*+?}]\+")  # lookaround, backrefs, atomic, possessive
GO_RESERVED = frozenset({"ValidationError", "MessageInfo", "SchemaVersion", "SchemaID", "SchemaDigest"})
_TAG_NAME = re.compile(r"^[A-Za-z0-9!#$%&()*+\-./:;<=>?@\[\]^_{|}~ ]+$")  # encoding/json isValidTag
_GO_IDENTIFIER = {"type": "string", "pattern": "^[A-Z][A-Za-z0-9_]*$"}
_MODULE_PATH = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-_~]*(/[A-Za-z0-9.\-_~]+)*")


_WINDOWS_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"{d}{i}" for d in ("com", "lpt") for i in range(1, 10))})


def _element_problem(element: str) -> str | None:
    """Why the go command refuses this element of a module path (golang.org/x/mod/module checkElem), or None."""
    if element in (".", ".."):
        return f"{element!r} is not a path element"
    if element.startswith("-"):
        return f"element {element!r} starts with '-'"
    if element.endswith("."):
        return f"element {element!r} ends with '.'"
    if re.search(r"~[0-9]+$", element):
        return f"element {element!r} ends in a tilde and digits"
    if element.split(".")[0].lower() in _WINDOWS_NAMES:
        return f"element {element!r} is a reserved file name on Windows"
    return None


def _module_problem(value: str) -> str | None:
    if not _MODULE_PATH.fullmatch(value):
        return "not a Go module path (slash-separated elements of letters, digits, '.', '-', '_', '~')"
    problem = next(filter(None, map(_element_problem, value.split("/"))), None)
    return f"not a Go module path: {problem}" if problem else None


def _package_problem(value: str) -> str | None:
    if value == "main":
        return "package main is a program, not a library the generated code can be"
    if re.fullmatch(r"[a-z][a-z0-9_]*", value) and value not in GO_KEYWORDS:
        return None
    return "not a Go package name (a lower-case identifier, not a keyword)"


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


def enum_consts(e: ir.Enum) -> dict[str, str]:
    """Constant name of every value of the enum."""
    prefix = annotation(e.annotations, "go.const_prefix") or type_name(e.name, e.annotations)
    return {v.value: annotation(v.annotations, "go.name") or const_name(prefix, v.value) for v in e.values}


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
    if f.wire_name == go_name and not f.omit_empty:
        return ""
    return f'`json:"{f.wire_name}{",omitempty" if f.omit_empty else ""}"`'


def format_go(source: str, path: str) -> str:
    """gofmt parses as it formats: a syntax error fails here with the line-numbered source."""
    return run_formatter([tool("gofmt")], source, path)


def lower_camel(name: str) -> str:
    pascal = pascal_case(name, INITIALISMS)
    return pascal[:1].lower() + pascal[1:]


class GoSyntax:
    """How the validator's checks are written in Go: presence compares with the zero value."""

    indent = "\t"

    def __init__(self, schema: ir.Schema, patterns: dict[str, str]) -> None:
        self.schema = schema
        self.patterns = patterns  # plan pattern name -> package-level variable

    @staticmethod
    def value(v: checks.Value) -> str:
        return f"{v.var}.{field_name(v.field)}"

    def is_set(self, e: checks.IsSet) -> str:
        f, value = e.value.field, self.value(e.value)
        if not f.omit_empty:
            return "false" if e.negated else "true"
        if f.type.kind == ir.Kind.BOOL:
            return f"!{value}" if e.negated else value
        op = "==" if e.negated else "!="
        if f.type.kind in (ir.Kind.RAW, ir.Kind.LIST):
            return f"len({value}) {op} 0"
        return f"{value} {op} 0" if f.type.kind == ir.Kind.INT else f'{value} {op} ""'

    def literal(self, f: ir.Field, v: str | bool | int) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int):
            return str(v)
        if f.type.kind == ir.Kind.ENUM and v:
            return enum_consts(self.schema.enum(f.type.ref))[v]  # the generated constant, not a string literal
        return go_string(v)

    def in_set(self, e: checks.InSet) -> str:
        f, value = e.value.field, self.value(e.value)
        if f.type.kind == ir.Kind.BOOL and len(e.values) == 1:
            return value if e.values[0] != e.negated else f"!{value}"
        op, join = ("!=", " && ") if e.negated else ("==", " || ")
        return join.join(f"{value} {op} {self.literal(f, v)}" for v in e.values)

    def matches(self, e: checks.Matches) -> str:
        return f"{'!' if e.negated else ''}{self.patterns[e.pattern]}.MatchString({self.value(e.value)})"

    def compare(self, e: checks.Compare) -> str:
        return f"{self.value(e.value)} {e.op} {e.bound}"

    def is_object(self, e: checks.IsObject) -> str:
        return f"{'!' if e.negated else ''}isJSONObject({self.value(e.value)})"

    @staticmethod
    def all_of(parts: list[str]) -> str:
        return " && ".join(parts)

    @staticmethod
    def any_of(parts: list[str]) -> str:
        return " || ".join(parts)

    @staticmethod
    def if_open(condition: str) -> list[str]:
        return [f"if {condition} {{"]

    def for_each_open(self, loop: checks.ForEach) -> list[str]:
        items = self.value(loop.items)
        return [f"for {loop.index} := range {items} {{", f"{loop.var} := &{items}[{loop.index}]"]

    @staticmethod
    def block_close() -> list[str]:
        return ["}"]

    @staticmethod
    def report(r: checks.Report) -> list[str]:
        parts = ", ".join(f"strconv.Itoa({p.var})" if isinstance(p, checks.Index) else go_string(p) for p in r.pointer)
        fields = f"Rule: {go_string(r.rule)}, Pointer: p.join({parts}), Message: {go_string(r.message)}"
        return [f"*out = append(*out, ValidationError{{{fields}, Level: {go_string(r.level)}}})"]

    @staticmethod
    def comment(text: str) -> list[str]:
        return comment_lines(text)


class GoTarget:
    name: ClassVar[str] = "go"
    title: ClassVar[str] = "Go"
    annotations: ClassVar[tuple[Annotation, ...]] = (
        Annotation(
            "x-go-name",
            "go.name",
            frozenset({"struct", "enum", "field", "value"}),
            _GO_IDENTIFIER,
            "Go name of a type, field or constant, when the default (PascalCase with initialisms) is not wanted.",
        ),
        Annotation(
            "x-go-type",
            "go.type",
            frozenset({"field"}),
            {"enum": ["json.RawMessage", "int", "int64", "string", "bool"]},
            "Go type of a field, when it is not the default mapping.",
        ),
        Annotation(
            "x-go-const-prefix",
            "go.const_prefix",
            frozenset({"enum"}),
            _GO_IDENTIFIER,
            "Prefix of the constants of an enum's values (default: the enum's Go name).",
        ),
    )
    options: ClassVar[tuple[Option, ...]] = (
        Option(
            "go_module", "github.com/framegen/framegen/generated/go", "module path of generated/go", _module_problem
        ),
        Option("go_package", "protocol", "name of the generated Go package", _package_problem),
    )

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    # ---- what the docs show ----

    def declaration(self, schema: ir.Schema, struct: ir.Struct, f: ir.Field) -> str:
        return f"{field_name(f)} {go_type(f, schema)}"

    # ---- files ----

    def files(self, schema: ir.Schema) -> list[GeneratedFile]:
        env = environment("go")
        context = self.context(schema)
        package = self.settings.option("go_package")
        root = f"{self.settings.output}/go"
        out = [GeneratedFile(f"{root}/go.mod", env.get_template("go.mod.j2").render(**context).encode())]
        for template, filename in (("types.go.j2", "protocol.go"), ("validate.go.j2", "validate.go")):
            path = f"{root}/{package}/{filename}"
            source = env.get_template(template).render(**context)
            out.append(GeneratedFile(path, format_go(source, path).encode()))
        return out

    def check(self, schema: ir.Schema) -> None:
        """Names are exported identifiers, unique and not ours; tags are valid; patterns compile under RE2."""
        package = [(type_name(e.name, e.annotations), e.name, e.pointer) for e in schema.enums]
        package += [(type_name(s.name, s.annotations), s.name, s.pointer) for s in schema.structs]
        for e in schema.enums:
            consts = enum_consts(e)
            package += [(consts[v.value], v.value, v.pointer) for v in e.values]
        check_names("go", "package-level", package, GO_RESERVED, GO_EXPORTED.fullmatch)
        for s in schema.structs:
            fields = [(field_name(f), f.wire_name, f.pointer) for f in s.fields]
            check_names("go", "field", fields, frozenset({"Validate", "Lint"}), GO_EXPORTED.fullmatch)
            for f in s.fields:
                if not _TAG_NAME.match(f.wire_name):
                    raise SchemaError(
                        f.pointer,
                        f"wire name {f.wire_name!r} cannot be a Go json tag: encoding/json would ignore the tag",
                        "use letters, digits, spaces and !#$%&()*+-./:;<=>?@[]^_{|}~ only",
                    )
        for r in schema.root_rules + tuple(r for s in schema.structs for r in s.rules):
            for p in ir.walk(r.when + r.then):
                if isinstance(p, ir.Matches) and RE2_UNSUPPORTED.search(p.pattern):
                    raise SchemaError(
                        r.pointer,
                        f"pattern {p.pattern!r} uses syntax Go's regexp (RE2) does not support",
                        "avoid lookaround, backreferences, atomic groups and possessive quantifiers",
                    )

    def context(self, schema: ir.Schema) -> dict[str, object]:
        root = schema.struct(schema.root)
        return {
            "header": header_lines(schema, self.settings.version_markers),
            "module": self.settings.option("go_module"),
            "package": self.settings.option("go_package"),
            "package_doc": comment_lines(schema.doc),
            "version": go_string(schema.version),
            "schema_id": go_string(schema.id),
            "digest": go_string(schema.digest),
            "needs_json": any(go_type(f, schema).startswith("json.") for s in schema.structs for f in s.fields),
            "enums": [self.enum_view(e) for e in schema.enums],
            "structs": [self.struct_view(s, schema) for s in schema.structs],
            "messages": self.message_view(schema),
            "root": type_name(root.name, root.annotations),
            "validator": self.validator_view(schema),
        }

    def enum_view(self, e: ir.Enum) -> dict[str, object]:
        consts = enum_consts(e)
        return {
            "name": type_name(e.name, e.annotations),
            "doc": comment_lines(e.doc),
            "consts": [
                {"name": consts[v.value], "value": go_string(v.value), "doc": comment_lines(v.doc) if v.doc else []}
                for v in e.values
            ],
        }

    def message_view(self, schema: ir.Schema) -> dict[str, object] | None:
        table = schema.messages
        if table is None:
            return None
        enum = schema.enum(table.enum)
        names = enum_consts(enum)
        return {
            "enum": type_name(enum.name, enum.annotations),
            "rows": [
                {
                    "name": names[v.value],
                    "kind": go_string(v.kind),
                    "from": go_string(v.sender),
                    "to": go_string(v.receiver),
                    "response": names.get(v.response, ""),
                }
                for v in table.values
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

    # ---- the validator ----

    def validator_view(self, schema: ir.Schema) -> dict[str, object]:
        plan = checks.plan(schema)
        patterns = {name: lower_camel(name) + "Pattern" for name, _ in plan.patterns}
        syntax = GoSyntax(schema, patterns)
        root = schema.struct(plan.root)
        return {
            "root_checks": statements(plan.root_checks, syntax),
            "patterns": [{"name": patterns[name], "source": go_string(source)} for name, source in plan.patterns],
            "children": [
                {"name": field_name(f), "wire": go_string(f.wire_name)} for f in dict(plan.children)[root.name]
            ],
            "levels": [self.level_view(plan.level(root.name, level), syntax) for level in checks.LEVELS],
        }

    def level_view(self, level: checks.LevelPlan, syntax: GoSyntax) -> dict[str, object]:
        """A `switch` on the message type, values with the same checks sharing one case."""
        word = level.level.capitalize()
        view = {"walk": f"walk{word}", "check": f"check{word}", "level": level.level}
        if level.discriminant is None:
            return {**view, "switch": "", "cases": [], "default": statements(level.other, syntax)}
        enum = self.schema_enum(level, syntax)
        groups: dict[tuple[str, ...], list[str]] = {}
        for case in level.cases:
            groups.setdefault(tuple(statements(case.body, syntax)), []).append(case.values[0])
        default = statements(level.other, syntax)
        cases = [
            {"labels": ", ".join(enum.get(v) or go_string(v) for v in values), "lines": list(lines)}
            for lines, values in groups.items()
            if lines or default  # a type with nothing to check needs its own case only when the default checks
        ]
        return {**view, "switch": f"f.{field_name(level.discriminant)}", "cases": cases, "default": default}

    @staticmethod
    def schema_enum(level: checks.LevelPlan, syntax: GoSyntax) -> dict[str, str]:
        return enum_consts(syntax.schema.enum(level.discriminant.type.ref))
