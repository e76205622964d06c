"""The Python target: dataclasses, a Go-exact codec and the validator, as one package.

Names, literals and the validator's syntax are here; the templates in templates/python loop and
print; templates/python/_runtime.py is the schema-independent codec, copied as is.
"""

from __future__ import annotations

import keyword
import re
import sys
from typing import Any, ClassVar

from generator import checks, ir
from generator.errors import RenderError, pointer_join
from generator.naming import pascal_case, snake_case, upper_snake_case
from generator.render import TEMPLATES, environment, header_lines, numbered, run_formatter, tool, wrap_text
from generator.settings import Settings
from generator.targets import python_mirror as mirror
from generator.targets.base import Annotation, GeneratedFile, Option, annotation, check_names
from generator.targets.printer import statements

KIND_CODES = {
    ir.Kind.STRING: "STR",
    ir.Kind.BOOL: "BOOL",
    ir.Kind.INT: "INT",
    ir.Kind.RAW: "RAW",
    ir.Kind.ENUM: "ENUM",
    ir.Kind.LIST: "LIST",
}
RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | {"self", "cls"}
STRUCT_METHODS = frozenset({"from_json", "to_json", "from_dict", "to_dict"})
PYTHON_RESERVED = frozenset({"MessageInfo", "ValidationError", "RawJSON", "DecodeError", "EncodeError", "StructSpec"})
RUNTIME_EXPORTS = ("DEFAULT_MAX_DEPTH", "DEFAULT_MAX_SIZE", "DecodeError", "EncodeError", "RawJSON", "wire_fields")
VALIDATE_EXPORTS = ("ValidationError", "lint", "validate")
STATIC_FILES = ("_runtime.py",)  # code that does not vary with the schema: copied, header prepended
LEVEL_WORDS = {"error": "errors", "lint": "lint"}
_PYTHON_IDENTIFIER = {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$"}


def _package_problem(value: str) -> str | None:
    if not value.isidentifier() or keyword.iskeyword(value):
        return "not a Python package name (one identifier, not a keyword; the package is one folder)"
    if value in sys.stdlib_module_names or value in ("msgspec", "generator"):
        return f"{value!r} would shadow a module the generated code or framegen imports; choose another name"
    return None


def isort_order(names: list[str]) -> list[str]:
    """isort's order-by-type, as ruff checks it: CONSTANTS, then Classes, then functions."""
    return sorted(names, key=lambda n: (0 if n.isupper() else 1 if n[:1].isupper() else 2, n))


def identifier(name: str) -> str:
    """A Python identifier for a generated name: keywords get a trailing underscore, digits a leading one."""
    if name[:1].isdigit():
        name = "_" + name
    return name + "_" if name in RESERVED else name


def attr_name(f: ir.Field) -> str:
    return annotation(f.annotations, "python.name") or identifier(snake_case(f.wire_name))


def class_name(name: str, annotations: ir.Annotations) -> str:
    return annotation(annotations, "python.name") or identifier(pascal_case(name))


def member_name(v: ir.EnumValue) -> str:
    """KEY_SYNC for "key_sync"; "" (refused by the name check) for a value with no letters or digits."""
    words = upper_snake_case(v.value)
    return annotation(v.annotations, "python.name") or (identifier(words) if words else "")


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def docstring(text: str, indent: int = 4, width: int = 100) -> str:
    """A triple-quoted literal holding `text` (wrapped): backslashes and quotes cannot end it early."""
    # Escape a quote followed by another quote, or last: no run of three can form, none can close the literal.
    body = re.sub(r'"(?="|$)', r'\\"', text.replace("\\", "\\\\"))
    lines = [_printable(line) for line in wrap_text(body, width - indent)]
    if len(lines) == 1:
        return f'"""{lines[0]}"""'
    pad = "\n" + " " * indent
    return '"""' + pad.join(lines) + pad + '"""'


def comment(text: str, width: int = 96) -> list[str]:
    """Comment lines for `text`, wrapped; every line break in the text starts a new comment line."""
    return [("# " + _printable(line)).rstrip() for line in wrap_text(text, width)]


def go_json_key(wire: str) -> str:
    """The bytes Go writes for a field's key, as a Python bytes literal."""
    escaped = wire.replace("\\", "\\\\").replace('"', '\\"')
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        escaped = escaped.replace(ch, esc)
    return repr(f'"{escaped}":'.encode())


def type_hint(t: ir.TypeRef, schema: ir.Schema) -> str:
    if t.kind == ir.Kind.ENUM:
        return f"{class_name(t.ref, schema.enum(t.ref).annotations)} | str"
    if t.kind == ir.Kind.LIST:
        return f"list[{class_name(t.item.ref, schema.struct(t.item.ref).annotations)}]"
    return {ir.Kind.STRING: "str", ir.Kind.BOOL: "bool", ir.Kind.INT: "int", ir.Kind.RAW: "RawJSON | None"}[t.kind]


def default(t: ir.TypeRef) -> str:
    return {
        ir.Kind.STRING: '""',
        ir.Kind.ENUM: '""',
        ir.Kind.BOOL: "False",
        ir.Kind.INT: "0",
        ir.Kind.RAW: "None",
        ir.Kind.LIST: "field(default_factory=list)",
    }[t.kind]


def python_pattern(pattern: str) -> str:
    r"""The pattern for Python's re, with `$` meaning what it means in Go's regexp and ECMA-262.

    Without MULTILINE, Python's `$` also matches before a final newline, so "2026-11-01T10:00:00Z\n"
    would pass an anchored pattern that Go (the other generated validator) and JSON Schema refuse;
    `\Z` is Python's end of text. Escapes and character classes are copied as they are.
    """
    out = []
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            j = i + 1 + (pattern[i + 1 : i + 2] == "^")
            j += pattern[j : j + 1] == "]"  # a "]" first in a class is a member, not its end
            out.append(pattern[i:j])
            i = j
            continue
        elif c == "$":
            c = "\\Z"
        out.append(c)
        i += 1
    return "".join(out)


# The generated code's own style: --isolated keeps ruff from reading a config of the folders around the
# working directory or the user's, so the bytes do not depend on where framegen runs.
RUFF_STYLE = ("--isolated", "--line-length", "120", "--target-version", "py311")


def format_python(source: str, path: str) -> str:
    """ruff format, then compile; either failure shows the line-numbered source."""
    command = [tool("ruff"), "format", "--quiet", *RUFF_STYLE, "--stdin-filename", path, "-"]
    formatted = run_formatter(command, source, path)
    try:
        compile(formatted, path, "exec")
    except SyntaxError as exc:
        raise RenderError(f"{path}:{exc.lineno}: {exc.msg}\n{numbered(formatted)}") from None
    return formatted


class PythonSyntax:
    """How the validator's checks are written in Python: truthiness is presence (omitempty's zero values are falsy)."""

    indent = "    "

    def __init__(self, patterns: dict[str, str]) -> None:
        self.patterns = patterns  # plan pattern name -> module-level variable

    @staticmethod
    def value(v: checks.Value) -> str:
        return f"{v.var}.{attr_name(v.field)}"

    def is_set(self, e: checks.IsSet) -> str:
        if not e.value.field.omit_empty:
            return "False" if e.negated else "True"
        return f"not {self.value(e.value)}" if e.negated else self.value(e.value)

    def in_set(self, e: checks.InSet) -> str:
        if len(e.values) == 1:
            return f"{self.value(e.value)} {'!=' if e.negated else '=='} {e.values[0]!r}"
        values = "{" + ", ".join(repr(v) for v in e.values) + "}"
        return f"{self.value(e.value)} {'not in' if e.negated else 'in'} {values}"

    def matches(self, e: checks.Matches) -> str:
        return f"{self.patterns[e.pattern]}.search({self.value(e.value)}) is {'' if e.negated else 'not '}None"

    def compare(self, e: checks.Compare) -> str:
        return f"{self.value(e.value)} {e.op} {e.bound}"

    def is_object(self, e: checks.IsObject) -> str:
        return f"{'not ' if e.negated else ''}{self.value(e.value)}.is_object()"

    @staticmethod
    def all_of(parts: list[str]) -> str:
        return " and ".join(parts)

    @staticmethod
    def any_of(parts: list[str]) -> str:
        return " or ".join(parts)

    @staticmethod
    def if_open(condition: str) -> list[str]:
        return [f"if {condition}:"]

    def for_each_open(self, loop: checks.ForEach) -> list[str]:
        return [f"for {loop.index}, {loop.var} in enumerate({self.value(loop.items)}):"]

    @staticmethod
    def block_close() -> list[str]:
        return []

    @staticmethod
    def report(r: checks.Report) -> list[str]:
        # repr() keeps any text inert; no str.format, since rule text may hold braces
        return [f"out.append(_finding(({r.rule!r}, {pointer(r.pointer)}, {r.message!r}, {r.level!r})))"]

    @staticmethod
    def comment(text: str) -> list[str]:
        return comment(text)


def pointer(parts: tuple[str | checks.Index, ...]) -> str:
    """`p` extended with static names (escaped, as one literal each run) and loop indexes."""
    terms, static = ["p"], []
    for part in parts:
        if isinstance(part, checks.Index):
            terms += [repr(pointer_join("", *static) + "/")] if static or len(terms) else []
            terms.append(f"str({part.var})")
            static = []
        else:
            static.append(part)
    if static:
        terms.append(repr(pointer_join("", *static)))
    return " + ".join(terms)


class PythonTarget:
    name: ClassVar[str] = "python"
    title: ClassVar[str] = "Python"
    annotations: ClassVar[tuple[Annotation, ...]] = (
        Annotation(
            "x-python-name",
            "python.name",
            frozenset({"struct", "enum", "field", "value"}),
            _PYTHON_IDENTIFIER,
            "Python name of a class, attribute or enum member, when the default is not wanted.",
        ),
    )
    options: ClassVar[tuple[Option, ...]] = (
        Option("python_package", "sync_protocol", "name of the generated Python package", _package_problem),
    )

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.package = settings.option("python_package")

    # ---- what the docs show ----

    def declaration(self, schema: ir.Schema, struct: ir.Struct, f: ir.Field) -> str:
        return f"{attr_name(f)}: {type_hint(f.type, schema)}"

    # ---- files ----

    def files(self, schema: ir.Schema) -> list[GeneratedFile]:
        env = environment("python")
        context = self.context(schema)
        base = f"{self.settings.output}/python/{self.package}"
        out = []
        for template, filename in (
            ("__init__.py.j2", "__init__.py"),
            ("models.py.j2", "models.py"),
            ("validate.py.j2", "validate.py"),
        ):
            source = env.get_template(template).render(**context)
            out.append(GeneratedFile(f"{base}/{filename}", format_python(source, f"{base}/{filename}").encode()))
        header = "".join(f"# {line}\n" for line in context["header"])
        for filename in STATIC_FILES:
            text = (TEMPLATES / "python" / filename).read_text()
            out.append(GeneratedFile(f"{base}/{filename}", (header + text).encode()))
        project = env.get_template("pyproject.toml.j2").render(**context, distribution=self.package.replace("_", "-"))
        out.append(GeneratedFile(f"{self.settings.output}/python/pyproject.toml", project.encode()))
        return out

    def check(self, schema: ir.Schema) -> None:
        """Every generated Python name is an identifier, not one of ours, and unique in its scope."""
        types = [(class_name(e.name, e.annotations), e.name, e.pointer) for e in schema.enums]
        types += [(class_name(s.name, s.annotations), s.name, s.pointer) for s in schema.structs]
        check_names("python", "class", types, PYTHON_RESERVED, str.isidentifier)
        for e in schema.enums:
            members = [(member_name(v), v.value, v.pointer) for v in e.values]
            check_names("python", "enum member", members, frozenset({"mro"}), str.isidentifier)
        for s in schema.structs:
            attrs = [(attr_name(f), f.wire_name, f.pointer) for f in s.fields]
            check_names("python", "attribute", attrs, STRUCT_METHODS, str.isidentifier)

    def context(self, schema: ir.Schema) -> dict[str, object]:
        enums = [self.enum_view(e) for e in schema.enums]
        structs = [self.struct_view(s, schema) for s in schema.structs]
        root = schema.struct(schema.root)
        uses_ints = any(f.type.kind == ir.Kind.INT for st in schema.structs for f in st.fields)
        model_names = self.model_names(enums, structs, schema.messages is not None)
        return {
            "header": header_lines(schema, self.settings.version_markers),
            "package": self.package,
            "schema": schema,
            "doc": docstring(schema.doc),
            "enums": enums,
            "structs": structs,
            "root": class_name(root.name, root.annotations),
            "messages": self.message_view(schema),
            "validator": self.validator_view(schema),
            "runtime_imports": isort_order(self.runtime_imports(schema)),
            "uses_lists": any(f.type.kind == ir.Kind.LIST for st in schema.structs for f in st.fields),
            "uses_ints": uses_ints,
            "typing_imports": ["Annotated"] * uses_ints + ["Any"] + ["NamedTuple"] * (schema.messages is not None),
            "runtime_exports": isort_order(list(RUNTIME_EXPORTS)),
            "validate_exports": isort_order(list(VALIDATE_EXPORTS)),
            "model_imports": isort_order(model_names),
            "all_names": isort_order(model_names + list(RUNTIME_EXPORTS) + list(VALIDATE_EXPORTS)),
        }

    @staticmethod
    def runtime_imports(schema: ir.Schema) -> list[str]:
        """What models.py takes from the runtime: only what this schema's fields use."""
        kinds = {f.type.kind for s in schema.structs for f in s.fields}
        names = ["BULK_SIZE", "DEFAULT_MAX_DEPTH", "DEFAULT_MAX_SIZE", "FAST_PATH_MIN_DEPTH", "StructSpec"]
        names += ["decode_struct", "encode_flat", "encode_tree", "json_text"]
        names += ["HTML_UNSAFE_BYTES", "fast_path", "html_safe"]
        names += ["convert_in_place", "encodes_to"] if ir.Kind.LIST in kinds else []
        names += [KIND_CODES[k] for k in kinds]
        names += ["encode_str"] if kinds & {ir.Kind.STRING, ir.Kind.ENUM} else []
        return names + (["RawJSON"] if ir.Kind.RAW in kinds else [])

    @staticmethod
    def model_names(enums: list[dict[str, Any]], structs: list[dict[str, Any]], messages: bool) -> list[str]:
        names = [str(e["name"]) for e in enums] + [str(s["name"]) for s in structs]
        names += ["SCHEMA_DIGEST", "SCHEMA_ID", "SCHEMA_VERSION"]
        return names + (["MESSAGE_INFO", "RESPONSE_FOR", "MessageInfo"] if messages else [])

    def enum_view(self, e: ir.Enum) -> dict[str, object]:
        return {
            "name": class_name(e.name, e.annotations),
            "table": f"_{upper_snake_case(e.name)}_VALUES",
            "doc": docstring(e.doc),
            "members": [
                {"name": member_name(v), "value": repr(v.value), "doc": docstring(v.doc) if v.doc else ""}
                for v in e.values
            ],
        }

    def message_view(self, schema: ir.Schema) -> dict[str, object] | None:
        table = schema.messages
        if table is None:
            return None
        enum = class_name(table.enum, schema.enum(table.enum).annotations)
        by_value = {v.value: member_name(v) for v in table.values}
        return {
            "enum": enum,
            "rows": [
                {
                    "member": f"{enum}.{member_name(v)}",
                    "kind": repr(v.kind),
                    "sender": repr(v.sender),
                    "receiver": repr(v.receiver),
                    "response": f"{enum}.{by_value[v.response]}" if v.response else "None",
                }
                for v in table.values
            ],
        }

    def struct_view(self, s: ir.Struct, schema: ir.Schema) -> dict[str, object]:
        name = class_name(s.name, s.annotations)
        lists = tuple(attr_name(f) for f in s.fields if f.type.kind == ir.Kind.LIST)
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
                ir.Kind.STRING: f"encode_str({value})",
                ir.Kind.ENUM: f"encode_str({value})",
                ir.Kind.INT: f'b"%d" % {value}',
                ir.Kind.RAW: f"{value}.compact()",
                ir.Kind.BOOL: f'(b"true" if {value} else b"false")',
            }.get(kind, "")
            item = schema.struct(f.type.item.ref) if kind == ir.Kind.LIST else None
            fields.append(
                {
                    "attr": attr,
                    "wire": repr(f.wire_name),
                    "hint": type_hint(f.type, schema),
                    "default": default(f.type),
                    "doc": comment(f.doc or f.wire_name),
                    "kind": KIND_CODES[kind],
                    "extra": extra,
                    "omit_empty": f.omit_empty,
                    "key": go_json_key(f.wire_name),
                    "encode": encode,
                    "nested": kind == ir.Kind.LIST,
                    "wire_decl": mirror.wire_declaration(
                        attr, f, mirror.wire_class(class_name(item.name, item.annotations)) if item else None
                    ),
                    "out_decl": mirror.out_declaration(attr, f),
                    "to_out": mirror.to_out(attr, f),
                }
            )
        return {
            "name": name,
            "doc": docstring(s.doc or s.name),
            "fields": fields,
            "spec": f"_{upper_snake_case(s.name)}_SPEC",
            "encoder": f"_encode_{snake_case(s.name)}",
            "flat": f"_{snake_case(s.name)}_members",
            "flat_guard": " or ".join(
                f"f.{attr_name(f)}" for f in s.fields if f.type.kind in (ir.Kind.RAW, ir.Kind.LIST)
            ),
            "plain_fields": [
                x for x, f in zip(fields, s.fields, strict=True) if f.type.kind not in (ir.Kind.RAW, ir.Kind.LIST)
            ],
            "wire_class": mirror.wire_class(name),
            "out_class": mirror.out_class(name),
            "wire_decoder": f"_{upper_snake_case(s.name)}_WIRE_DECODER",
            "from_wire": mirror.from_wire_name(s.name),
            "is_list_item": any(
                f.type.kind == ir.Kind.LIST and f.type.item.ref == s.name for st in schema.structs for f in st.fields
            ),
            "from_wire_fixups": mirror.from_wire_fixups([(attr_name(f), f) for f in s.fields]),
            "to_out": mirror.to_out_name(s.name),
            "list_attrs": repr(lists) if lists else "",
            "fast": f"_fast_{snake_case(s.name)}",
        }

    # ---- the validator ----

    def validator_view(self, schema: ir.Schema) -> dict[str, object]:
        plan = checks.plan(schema)
        patterns = {name: f"_{upper_snake_case(name)}_PATTERN" for name, _ in plan.patterns}
        syntax = PythonSyntax(patterns)
        root = schema.struct(plan.root)
        children = [
            {"attr": attr_name(f), "segment": repr(pointer_join("", f.wire_name) + "/")}
            for _, fields in plan.children[:1]
            for f in fields
        ]
        return {
            "root_checks": statements(plan.root_checks, syntax),
            "patterns": [
                {"name": patterns[name], "source": repr(python_pattern(source))} for name, source in plan.patterns
            ],
            "levels": {level: self.level_view(plan.level(root.name, level), syntax) for level in checks.LEVELS},
            "children": children,
            "any_children": " or ".join(f"frame.{c['attr']}" for c in children),
            "children_size": " + ".join(f"len(frame.{c['attr']})" for c in children),
            "child_has_children": " or ".join(f"child.{c['attr']}" for c in children),
        }

    def level_view(self, level: checks.LevelPlan, syntax: PythonSyntax) -> dict[str, object]:
        """One function per message type, named after it, and a table from type to function; or, without
        a discriminant, one function for the struct. Types with nothing to check share one function."""
        word = LEVEL_WORDS[level.level]
        if level.discriminant is None:
            name = f"_{word}_of_{snake_case(level.struct)}"
            return {
                "entry": name,
                "call": name,
                "functions": [{"name": name, "lines": statements(level.other, syntax)}],
            }
        field = level.discriminant.wire_name
        nothing, other = f"_no_{word}", f"_{word}_of_any_other_{snake_case(field)}"
        functions = [{"name": other, "lines": statements(level.other, syntax)}] if level.other else []
        table, used = [], {nothing, other}
        for case in level.cases:
            value = case.values[0]
            if not case.body:
                table.append((repr(value), nothing))
                continue
            stem = snake_case(value) or f"empty_{snake_case(field)}"
            name = f"_{word}_of_{stem}"
            n = 1
            while name in used:  # two values with one snake_case spelling
                n += 1
                name = f"_{word}_of_{stem}_{n}"
            used.add(name)
            functions.append({"name": name, "lines": statements(case.body, syntax)})
            table.append((repr(value), name))
        table_name = f"_{upper_snake_case(word)}_BY_{upper_snake_case(field)}"
        return {
            "entry": f"_{word}",
            "call": f"{table_name}.get(frame.{attr_name(level.discriminant)}, {other if level.other else nothing})",
            "table_name": table_name,
            "table": table,
            "attr": attr_name(level.discriminant),
            "default": other if level.other else nothing,
            "nothing": nothing if any(name == nothing for _, name in table) or not level.other else "",
            "functions": functions,
        }
