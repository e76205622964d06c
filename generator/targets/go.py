"""The Go target: package `protocol`, a drop-in replacement for the hand-written one, plus Validate/Lint.

Names, literals and the validator's syntax are here; the templates in templates/go loop and print.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType
from typing import ClassVar

from generator import checks, ir
from generator.errors import SchemaError
from generator.naming import pascal_case, renamed_doc
from generator.render import environment, header_lines, run_formatter, tool, wrap_text
from generator.settings import Settings
from generator.targets.base import Annotation, GeneratedFile, Option, annotation, check_names
from generator.targets.printer import statements

INITIALISMS = frozenset(
    line.strip()
    for line in (Path(__file__).parent / "go_initialisms.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
)
GO_SCALARS = {ir.Kind.STRING: "string", ir.Kind.BOOL: "bool", ir.Kind.FLOAT: "float64", ir.Kind.RAW: "json.RawMessage"}
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


def go_regexp_literal(pattern: str) -> str:
    """A pattern as Go writes one: a raw string when it can be (printable ASCII, no backquote), so that
    its backslashes read as RE2's, not doubled (staticcheck S1007)."""
    if all(0x20 <= ord(ch) < 0x7F for ch in pattern) and "`" not in pattern:
        return f"`{pattern}`"
    return go_string(pattern)


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
    return annotation(f.annotations, "go.type") or type_of(f.type, schema)


GO_INTS = {"": "int", "int64": "int64", "int32": "int32", "uint32": "uint32", "uint64": "uint64"}


def type_of(t: ir.TypeRef, schema: ir.Schema) -> str:
    """The Go type of a value: a pointer where None is a value of its own (slices, maps and raw JSON have nil)."""
    if t.kind == ir.Kind.ENUM:
        base = type_name(t.ref, schema.enum(t.ref).annotations)
    elif t.kind == ir.Kind.STRUCT:
        base = type_name(t.ref, schema.struct(t.ref).annotations)
    elif t.kind == ir.Kind.LIST:
        return "[]" + type_of(t.item, schema)
    elif t.kind == ir.Kind.MAP:
        return "map[string]" + type_of(t.item, schema)
    elif t.kind == ir.Kind.INT:
        base = GO_INTS[t.format]
    else:
        base = GO_SCALARS[t.kind]
    return f"*{base}" if t.nullable and t.kind != ir.Kind.RAW else base


def json_tag(f: ir.Field, go_name: str) -> str:
    """The struct tag; none when Go's default (the field name, no omitempty) already says it."""
    if f.wire_name == go_name and not f.omit_empty:
        return ""
    return f'`json:"{f.wire_name}{",omitempty" if f.omit_empty else ""}"`'


def format_go(source: str, path: str) -> str:
    """gofmt parses as it formats: a syntax error fails here with the line-numbered source."""
    return run_formatter([tool("gofmt")], source, path)


def go_failure() -> ModuleType:
    """The failure model's module (errors.go); imported late, since it builds on this one."""
    from generator.targets import go_failure

    return go_failure


def lower_camel(name: str) -> str:
    pascal = pascal_case(name, INITIALISMS)
    return pascal[:1].lower() + pascal[1:]


def method_name(key: checks.Key) -> str:
    """A struct's check method: checkError / checkLint; for a raw value's content, contentLint (say)."""
    return f"{'content' if key.content else 'check'}{key.report.capitalize()}"


class GoSyntax:
    """How the validator's checks are written in Go: presence compares with the zero value."""

    indent = "\t"

    def __init__(self, schema: ir.Schema, patterns: dict[str, str]) -> None:
        self.schema = schema
        self.patterns = patterns  # plan pattern name -> package-level variable

    @staticmethod
    def value(v: checks.Value) -> str:
        return v.var if v.field is None else f"{v.var}.{field_name(v.field)}"

    def scalar(self, v: checks.Value) -> str:
        """The value itself, through its pointer when it is a nullable scalar (guarded by the caller)."""
        pointer = v.type.nullable and v.type.kind not in (ir.Kind.RAW, ir.Kind.LIST, ir.Kind.MAP, ir.Kind.STRUCT)
        return f"*{self.value(v)}" if pointer else self.value(v)

    def is_set(self, e: checks.IsSet) -> str:
        f, value = e.value.field, self.value(e.value)
        if f is None or not f.omit_empty:
            return "false" if e.negated else "true"
        op = "==" if e.negated else "!="
        if f.type.kind in (ir.Kind.RAW, ir.Kind.LIST, ir.Kind.MAP):
            return f"len({value}) {op} 0"
        if f.type.nullable:
            return f"{value} {op} nil"
        if f.type.kind == ir.Kind.BOOL:
            return f"!{value}" if e.negated else value
        return f"{value} {op} 0" if f.type.kind in (ir.Kind.INT, ir.Kind.FLOAT) else f'{value} {op} ""'

    def is_nil(self, e: checks.IsNil) -> str:
        return f"{self.value(e.value)} {'!=' if e.negated else '=='} nil"

    def literal(self, t: ir.TypeRef, v: str | bool | int | float) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, float):
            return go_float_literal(v)
        if isinstance(v, int):
            return str(v)
        if t.kind == ir.Kind.ENUM and v:
            return enum_consts(self.schema.enum(t.ref))[v]  # the generated constant, not a string literal
        return go_string(v)

    def in_set(self, e: checks.InSet) -> str:
        t, value = e.value.type, self.scalar(e.value)
        if t.kind == ir.Kind.BOOL and len(e.values) == 1:
            return value if e.values[0] != e.negated else f"!{value}"
        op, join = ("!=", " && ") if e.negated else ("==", " || ")
        return join.join(f"{value} {op} {self.literal(t, v)}" for v in e.values)

    def matches(self, e: checks.Matches) -> str:
        return f"{'!' if e.negated else ''}{self.patterns[e.pattern]}.MatchString({self.scalar(e.value)})"

    def compare(self, e: checks.Compare) -> str:
        bound = go_float_literal(e.bound) if isinstance(e.bound, float) else str(e.bound)
        return f"{self.scalar(e.value)} {e.op} {bound}"

    def size(self, e: checks.Size) -> str:
        if e.value.type.kind in (ir.Kind.STRING, ir.Kind.ENUM):
            return f"utf8.RuneCountInString({'string(' + self.scalar(e.value) + ')'}) {e.op} {e.bound}"
        return f"len({self.value(e.value)}) {e.op} {e.bound}"

    def is_date_time(self, e: checks.IsDateTime) -> str:
        return f"{'!' if e.negated else ''}isDateTime({self.scalar(e.value)})"

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
        if loop.over_map:  # Go iterates maps in random order: keys sorted, as encoding/json writes them
            return [f"for _, {loop.index} := range sortedKeys({items}) {{", f"{loop.var} := {items}[{loop.index}]"]
        if loop.element.kind == ir.Kind.STRUCT:
            return [f"for {loop.index} := range {items} {{", f"{loop.var} := &{items}[{loop.index}]"]
        return [f"for {loop.index}, {loop.var} := range {items} {{"]

    @staticmethod
    def block_close() -> list[str]:
        return ["}"]

    @staticmethod
    def report(r: checks.Report) -> list[str]:
        parts = ", ".join(_token(p) for p in r.pointer)
        fields = f"Rule: {go_string(r.rule)}, Pointer: p.join({parts}), Message: {go_string(r.message)}"
        return [f"*out = append(*out, ValidationError{{{fields}, Level: {go_string(r.level)}}})"]

    def call(self, c: checks.Call) -> list[str]:
        pushes, pops = _pushes(c.pointer)
        return [*pushes, f"{self.value(c.value)}.{method_name(c.function)}(p, out)", *pops]

    def content(self, c: checks.Content, failure: list[str]) -> list[str]:
        pushes, pops = _pushes(c.failure.pointer)
        kind = type_name(c.struct, self.schema.struct(c.struct).annotations)
        return [
            f"var content {kind}",
            f"if !decodeContent({self.value(c.value)}, &content) {{",
            *(self.indent + line for line in failure),
            "} else {",
            *(self.indent + line for line in [*pushes, f"content.{method_name(c.function)}(p, out)", *pops]),
            "}",
        ]

    @staticmethod
    def comment(text: str) -> list[str]:
        return comment_lines(text)


def _token(part: str | checks.Index) -> str:
    if isinstance(part, checks.Index):
        return part.var if part.key else f"strconv.Itoa({part.var})"
    return go_string(part)


def _pushes(parts: tuple[str | checks.Index, ...]) -> tuple[list[str], list[str]]:
    """The pointer pushes before a nested check (a name with a list index, a name, a map key) and the pops after."""
    pushes: list[str] = []
    for n, part in enumerate(parts):
        if isinstance(part, checks.Index):
            if not part.key:
                continue  # pushed with its list's name
            pushes.append(f"p.push({part.var}, -1)")
        else:
            following = parts[n + 1] if n + 1 < len(parts) else None
            index = following.var if isinstance(following, checks.Index) and not following.key else "-1"
            pushes.append(f"p.push({go_string(part)}, {index})")
    return pushes, ["p.pop()"] * len(pushes)


def go_float_literal(value: float) -> str:
    """A Go float literal for a bound or a value in a rule: Go's own spelling (1e+21, 0.5, -0 as 0)."""
    text = str(value) if value != int(value) or abs(value) >= 1e21 else str(int(value))
    return text.replace("inf", "Inf")


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

    def failure_api(self, schema: ir.Schema) -> tuple[str, str] | None:
        return go_failure().api(schema)

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
        return out + go_failure().files(schema, context, f"{root}/{package}")

    def check(self, schema: ir.Schema) -> None:
        """Names are exported identifiers, unique and not ours; tags are valid; patterns compile under RE2."""
        package = [(type_name(e.name, e.annotations), e.name, e.pointer) for e in schema.enums]
        package += [(type_name(s.name, s.annotations), s.name, s.pointer) for s in schema.structs]
        for e in schema.enums:
            consts = enum_consts(e)
            package += [(consts[v.value], v.value, v.pointer) for v in e.values]
        check_names("go", "package-level", package, GO_RESERVED, GO_EXPORTED.fullmatch)
        go_failure().check(schema, package)
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
            "doc": comment_lines(renamed_doc(e.doc, e.name, type_name(e.name, e.annotations))),
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
            "doc": comment_lines(renamed_doc(s.doc, s.name, type_name(s.name, s.annotations))) if s.doc else [],
            "fields": fields,
        }

    # ---- the validator ----

    def validator_view(self, schema: ir.Schema) -> dict[str, object]:
        plan = checks.plan(schema)
        patterns = {name: lower_camel(name) + "Pattern" for name, _ in plan.patterns}
        syntax = GoSyntax(schema, patterns)
        root_key = {lv: checks.Key(plan.root, lv, lv) for lv in checks.LEVELS}
        functions = [self.function_view(f, syntax, schema) for f in plan.functions]
        text = "\n".join(
            line
            for f in functions
            for line in [*f["default"], *f["nested"], *(x for c in f["cases"] for x in c["lines"])]
        ) + "\n".join(statements(plan.root_checks, syntax))
        return {
            "root_checks": statements(plan.root_checks, syntax),
            "patterns": [
                {"name": patterns[name], "source": go_regexp_literal(source)} for name, source in plan.patterns
            ],
            "children": [{"name": field_name(f), "wire": go_string(f.wire_name)} for f in plan.children],
            "walks": [{"walk": f"walk{lv.capitalize()}", "check": method_name(root_key[lv])} for lv in checks.LEVELS],
            "functions": functions,
            "uses": {
                "utf8": "utf8.RuneCountInString(" in text,
                "date_time": "isDateTime(" in text,
                "sorted_keys": "sortedKeys(" in text,
                "content": "decodeContent(" in text,
                "json_object": "isJSONObject(" in text,
            },
        }

    def function_view(self, function: checks.Function, syntax: GoSyntax, schema: ir.Schema) -> dict[str, object]:
        """A check method: a `switch` on the message type (values with the same checks share one case),
        or the rules in order; then the nested values."""
        key = function.key
        if key.content:
            doc = f"applies the rules of {key.struct} to a raw value's decoded content, as {key.report} findings."
        else:
            doc = f"applies f's {key.rules}-level rules, then checks the values nested in f."
        view = {
            "receiver": type_name(key.struct, schema.struct(key.struct).annotations),
            "name": method_name(key),
            "doc": f"{method_name(key)} {doc}",
            "nested": statements(function.nested, syntax),
            "default": statements(function.other, syntax),
            "switch": "",
            "cases": [],
        }
        if function.discriminant is None:
            return view
        consts = enum_consts(schema.enum(function.discriminant.type.ref))
        groups: dict[tuple[str, ...], list[str]] = {}
        for case in function.cases:
            groups.setdefault(tuple(statements(case.body, syntax)), []).append(case.value)
        default = view["default"]
        view["cases"] = [
            {"labels": ", ".join(consts.get(v) or go_string(v) for v in values), "lines": list(lines)}
            for lines, values in groups.items()
            if lines or default  # a type with nothing to check needs its own case only when the default checks
        ]
        view["switch"] = f"f.{field_name(function.discriminant)}"
        return view
