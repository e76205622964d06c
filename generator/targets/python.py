"""The Python target: dataclasses, a Go-exact codec and the validator, as one package.

Names, literals and the validator's syntax are here; the templates in templates/python loop and
print; templates/python/_runtime.py is the schema-independent codec, copied as is.
"""

from __future__ import annotations

import keyword
import re
import sys
from types import ModuleType
from typing import Any, ClassVar

from generator import checks, ir
from generator.errors import RenderError, SchemaError, pointer_join
from generator.naming import pascal_case, renamed_doc, snake_case, upper_snake_case
from generator.render import TEMPLATES, environment, header_lines, numbered, run_formatter, tool, wrap_text
from generator.settings import Settings
from generator.targets import python_mirror as mirror
from generator.targets import python_regex
from generator.targets.base import Annotation, GeneratedFile, Option, annotation, check_names
from generator.targets.printer import statements

RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | {"self", "cls"}
STRUCT_METHODS = frozenset({"from_json", "to_json", "from_dict", "to_dict"})
PYTHON_RESERVED = frozenset({"MessageInfo", "ValidationError", "RawJSON", "DecodeError", "EncodeError", "StructSpec"})
PYTHON_RESERVED |= {"Annotated", "Any", "NamedTuple", "StrEnum"}  # what the generated modules import from typing, enum
RUNTIME_EXPORTS = ("DEFAULT_MAX_DEPTH", "DEFAULT_MAX_SIZE", "DecodeError", "EncodeError", "RawJSON")
VALIDATE_EXPORTS = ("ValidationError", "lint", "validate")
STATIC_FILES = ("_codec.py", "_runtime.py")  # code that does not vary with the schema: copied, header prepended
LEVEL_WORDS = {"error": "errors", "lint": "lint"}
_PYTHON_IDENTIFIER = {"type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$"}


def _package_problem(value: str) -> str | None:
    if not value.isidentifier() or keyword.iskeyword(value):
        return "not a Python package name (one identifier, not a keyword; the package is one folder)"
    if value in sys.stdlib_module_names or value in ("msgspec", "generator"):
        return f"{value!r} would shadow a module the generated code or framegen imports; choose another name"
    return None


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", text) if part)


def _member_type(name: str) -> int:
    return 0 if name.isupper() else 1 if name[:1].isupper() else 2


def isort_order(names: list[str]) -> list[str]:
    """The order ruff's isort wants for imported names: CONSTANTS, then Classes, then functions; within
    each, case-insensitive natural order (HostAlias before HTTPError, Item2 before Item10)."""
    return sorted(names, key=lambda n: (_member_type(n), _natural(n.lower()), _natural(n)))


def all_order(names: list[str]) -> list[str]:
    """The order ruff's RUF022 wants for __all__: the same groups, but case-sensitive (HTTPError first)."""
    return sorted(names, key=lambda n: (_member_type(n), _natural(n)))


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
    """The annotation of a dataclass field (or of an element: list items, map values)."""
    if t.kind == ir.Kind.ENUM:
        base = f"{class_name(t.ref, schema.enum(t.ref).annotations)} | str"
    elif t.kind == ir.Kind.STRUCT:
        base = class_name(t.ref, schema.struct(t.ref).annotations)
    elif t.kind == ir.Kind.LIST:
        base = f"list[{type_hint(t.item, schema)}]"
    elif t.kind == ir.Kind.MAP:
        base = f"dict[str, {type_hint(t.item, schema)}]"
    else:
        base = {
            ir.Kind.STRING: "str",
            ir.Kind.BOOL: "bool",
            ir.Kind.INT: "int",
            ir.Kind.FLOAT: "float",
            ir.Kind.RAW: "RawJSON",
        }[t.kind]
    return f"{base} | None" if t.nullable else base


def default(t: ir.TypeRef, schema: ir.Schema, owner: str = "") -> str:
    """The default: None when the type holds it (the value may be absent or null), else Go's zero value.

    A struct value's factory is its class, or a lambda when the class is defined after the owner's
    (classes come in the IR's order, and a dataclass default is evaluated where the class is defined).
    """
    if t.nullable:
        return "None"
    if t.kind == ir.Kind.STRUCT:
        name = class_name(t.ref, schema.struct(t.ref).annotations)
        order = [s.name for s in schema.structs]
        later = owner in order and order.index(t.ref) > order.index(owner)
        return f"field(default_factory=lambda: {name}())" if later else f"field(default_factory={name})"
    return {
        ir.Kind.STRING: '""',
        ir.Kind.ENUM: '""',
        ir.Kind.BOOL: "False",
        ir.Kind.INT: "0",
        ir.Kind.FLOAT: "0.0",
        ir.Kind.LIST: "field(default_factory=list)",
        ir.Kind.MAP: "field(default_factory=dict)",
    }[t.kind]


def codec_type(t: ir.TypeRef) -> str:
    """The runtime type descriptor (templates/python/_codec.py) the exact codec decodes and encodes by."""
    if t.kind == ir.Kind.INT:
        low, high = ir.INT_FORMATS[t.format]
        base = f"integer({low}, {high})"
    elif t.kind == ir.Kind.ENUM:
        base = f"enum({mirror.enum_table(t.ref)})"
    elif t.kind in (ir.Kind.LIST, ir.Kind.MAP):
        make = "list_of" if t.kind == ir.Kind.LIST else "map_of"
        return f"{make}({codec_type(t.item)}{', nilable=True' if t.nullable else ''})"
    elif t.kind == ir.Kind.STRUCT:
        return f"struct({spec_name(t.ref)}{', pointer=True' if t.nullable else ''})"
    elif t.kind == ir.Kind.RAW:
        return "RAW_JSON"
    else:
        base = {ir.Kind.STRING: "STRING", ir.Kind.BOOL: "BOOLEAN", ir.Kind.FLOAT: "NUMBER"}[t.kind]
    return f"nullable({base})" if t.nullable else base


_PLAIN = (ir.Kind.STRING, ir.Kind.ENUM, ir.Kind.BOOL, ir.Kind.INT, ir.Kind.FLOAT)


def type_check(value: str, t: ir.TypeRef, schema: ir.Schema, owner: str, omit_empty: bool = False) -> str:
    """A Python expression true when `value` has exactly the type the codec writes fast (a subclass, an int
    in a float field and the like take the exact encoder, which decides). Nested structs are checked by
    their own function; a struct's list of itself only by class (the validator walks it)."""
    if t.kind == ir.Kind.ENUM:
        test = f"{value}.__class__ in {mirror.enum_classes(t.ref)}"
    elif t.kind == ir.Kind.INT:
        low, high = ir.INT_FORMATS[t.format]
        test = f"{value}.__class__ is int and {low} <= {value} <= {high}"
    elif t.kind == ir.Kind.STRUCT:
        cls = class_name(t.ref, schema.struct(t.ref).annotations)
        test = f"{value}.__class__ is {cls}"
        test += "" if t.ref == owner else f" and {types_ok_name(t.ref)}({value})"
    elif t.kind in (ir.Kind.LIST, ir.Kind.MAP):
        element = type_check("x", t.item, schema, owner)
        if t.kind == ir.Kind.LIST:
            test = f"{value}.__class__ is list and (not {value} or all({element} for x in {value}))"
        else:
            pairs = f"k.__class__ is str and {element} for k, x in {value}.items()"
            test = f"{value}.__class__ is dict and (not {value} or all({pairs}))"
    elif t.kind == ir.Kind.FLOAT:  # NaN and the infinities have no JSON text: Go's Marshal fails on them
        test = f"{value}.__class__ is float and {-sys.float_info.max!r} <= {value} <= {sys.float_info.max!r}"
    else:
        cls = {ir.Kind.STRING: "str", ir.Kind.BOOL: "bool", ir.Kind.RAW: "RawJSON"}[t.kind]
        test = f"{value}.__class__ is {cls}"
        if t.kind == ir.Kind.RAW:  # an empty raw value is no JSON text, but omitempty leaves it out
            test += f" and ({value}.is_valid() or not {value})" if omit_empty else f" and {value}.is_valid()"
    if not t.nullable:
        return test
    return f"({value} is None or ({test}))" if " and " in test else f"({value} is None or {test})"


def spec_name(struct: str) -> str:
    """The module-level StructSpec the codec decodes and encodes the struct by."""
    return f"_{upper_snake_case(struct)}_SPEC"


def types_ok_name(struct: str) -> str:
    return f"_{snake_case(struct)}_types_ok"


def _types(t: ir.TypeRef) -> list[ir.TypeRef]:
    return [t, *(_types(t.item) if t.item else [])]


def holds_raw(s: ir.Struct, schema: ir.Schema) -> bool:
    """Whether a value of s can hold raw JSON (in a field, a list, a map or a nested struct)."""
    seen, pending = set(), [s.name]
    while pending:
        name = pending.pop()
        seen.add(name)
        for t in (t for f in schema.struct(name).fields for t in _types(f.type)):
            if t.kind == ir.Kind.RAW:
                return True
            if t.kind == ir.Kind.STRUCT and t.ref not in seen:
                pending.append(t.ref)
    return False


def python_failure() -> ModuleType:
    """The failure model's module (error type, helpers on the root); imported late, since it builds on this one."""
    from generator.targets import python_failure

    return python_failure


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


def check_function_name(key: checks.Key) -> str:
    """A nested struct's check function: `_quota_errors`; for a raw value's content: `_cluster_config_content_lint`."""
    word = LEVEL_WORDS[key.report]
    return f"_{snake_case(key.struct)}{'_content' if key.content else ''}_{word}"


class PythonSyntax:
    """How the validator's checks are written in Python: truthiness is presence (omitempty's zero values are falsy)."""

    indent = "    "

    def __init__(self, schema: ir.Schema, patterns: dict[str, str]) -> None:
        self.schema = schema
        self.patterns = patterns  # plan pattern name -> module-level variable

    @staticmethod
    def value(v: checks.Value) -> str:
        return v.var if v.field is None else f"{v.var}.{attr_name(v.field)}"

    def is_set(self, e: checks.IsSet) -> str:
        f = e.value.field
        if f is None or not f.omit_empty:
            return "False" if e.negated else "True"
        if f.type.nullable and f.type.kind != ir.Kind.RAW:
            return f"{self.value(e.value)} is {'' if e.negated else 'not '}None"
        return f"not {self.value(e.value)}" if e.negated else self.value(e.value)

    def is_nil(self, e: checks.IsNil) -> str:
        return f"{self.value(e.value)} is {'not ' if e.negated else ''}None"

    def in_set(self, e: checks.InSet) -> str:
        if e.value.type.kind == ir.Kind.BOOL and len(e.values) == 1:  # `x`, `not x`: never `x == True` (E712)
            return self.value(e.value) if e.values[0] != e.negated else f"not {self.value(e.value)}"
        if len(e.values) == 1:
            return f"{self.value(e.value)} {'!=' if e.negated else '=='} {e.values[0]!r}"
        values = "{" + ", ".join(repr(v) for v in e.values) + "}"
        return f"{self.value(e.value)} {'not in' if e.negated else 'in'} {values}"

    def matches(self, e: checks.Matches) -> str:
        return f"{self.patterns[e.pattern]}.search({self.value(e.value)}) is {'' if e.negated else 'not '}None"

    def compare(self, e: checks.Compare) -> str:
        return f"{self.value(e.value)} {e.op} {e.bound!r}"

    def size(self, e: checks.Size) -> str:
        return f"len({self.value(e.value)}) {e.op} {e.bound}"  # a str's len counts code points, as JSON Schema

    def is_date_time(self, e: checks.IsDateTime) -> str:
        return f"{'not ' if e.negated else ''}is_date_time({self.value(e.value)})"

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
        items = self.value(loop.items)
        nilable = loop.items.type.nullable  # a list or map always encoded may be None (null); Go ranges over nil
        if loop.over_map:  # keys in Go's order (code point order is its byte order)
            items = f"({items} or {{}})" if nilable else items
            return [f"for {loop.index}, {loop.var} in sorted({items}.items()):"]
        return [f"for {loop.index}, {loop.var} in enumerate({items}{' or ()' if nilable else ''}):"]

    @staticmethod
    def block_close() -> list[str]:
        return []

    @staticmethod
    def report(r: checks.Report) -> list[str]:
        # repr() keeps any text inert; no str.format, since rule text may hold braces
        return [f"out.append(_finding(({r.rule!r}, {pointer(r.pointer)}, {string(r.message)}, {r.level!r})))"]

    def call(self, c: checks.Call) -> list[str]:
        return [f"{check_function_name(c.function)}({self.value(c.value)}, {pointer(c.pointer)}, out)"]

    def content(self, c: checks.Content, failure: list[str]) -> list[str]:
        spec = spec_name(c.struct)
        return [
            f"content = decode_content({self.value(c.value)}, {spec})",
            "if content is None:",
            *(self.indent + line for line in failure),
            "else:",
            f"{self.indent}{check_function_name(c.function)}(content, {pointer(c.failure.pointer)}, out)",
        ]

    @staticmethod
    def comment(text: str) -> list[str]:
        return comment(text)


def _contents(body: tuple[checks.Statement, ...]) -> list[checks.Content]:
    """The raw-content decodings among the statements, nested ones included."""
    out: list[checks.Content] = []
    for s in body:
        if isinstance(s, checks.Content):
            out.append(s)
        elif isinstance(s, checks.If | checks.ForEach):
            out += _contents(s.body)
    return out


def string(text: str, width: int = 92) -> str:
    """A string literal; a long one as adjacent literals of whole words in parentheses, so the formatted
    code stays within the line length (ruff format does not split a string, and joins the parts back
    where they fit). `width` keeps a literal unsplit where it fits at the validator's usual depth."""
    if len(repr(text)) <= width:
        return repr(text)
    parts, current = [], ""
    for word in re.split(r"(?<= )", text):  # words keep their trailing space: the parts join back exactly
        if current and len(repr(current + word)) > 72:
            parts.append(current)
            current = ""
        current += word
    parts.append(current)
    return "(" + " ".join(repr(p) for p in parts) + ")"


def pointer(parts: tuple[str | checks.Index, ...]) -> str:
    """`p` extended with static names (escaped, as one literal each run), loop indexes and map keys."""
    terms, static = ["p"], []
    for part in parts:
        if isinstance(part, checks.Index):
            terms.append(repr(pointer_join("", *static) + "/"))
            terms.append(f"pointer_token({part.var})" if part.key else f"str({part.var})")
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

    def failure_api(self, schema: ir.Schema) -> tuple[str, str] | None:
        return python_failure().api(schema)

    # ---- files ----

    def files(self, schema: ir.Schema) -> list[GeneratedFile]:
        env = environment("python")
        context = python_failure().extend(schema, self.context(schema))
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
        out.append(GeneratedFile(f"{base}/py.typed", header.encode()))  # PEP 561: type checkers read our hints
        project = env.get_template("pyproject.toml.j2").render(**context, distribution=self.package.replace("_", "-"))
        out.append(GeneratedFile(f"{self.settings.output}/python/pyproject.toml", project.encode()))
        return out

    def check(self, schema: ir.Schema) -> None:
        """Every generated Python name is an identifier, not one of ours, and unique in its scope; every
        pattern has a Python translation with its RE2 meaning (python_regex)."""
        types = [(class_name(e.name, e.annotations), e.name, e.pointer) for e in schema.enums]
        types += [(class_name(s.name, s.annotations), s.name, s.pointer) for s in schema.structs]
        check_names("python", "class", types, PYTHON_RESERVED, str.isidentifier)
        python_failure().check(schema, types)
        for e in schema.enums:
            members = [(member_name(v), v.value, v.pointer) for v in e.values]
            check_names("python", "enum member", members, frozenset({"mro"}), str.isidentifier)
        for s in schema.structs:
            attrs = [(attr_name(f), f.wire_name, f.pointer) for f in s.fields]
            check_names("python", "attribute", attrs, STRUCT_METHODS, str.isidentifier)
        for r in schema.root_rules + tuple(r for s in schema.structs for r in s.rules):
            for p in ir.walk(r.when + r.then):
                if isinstance(p, ir.Matches):
                    try:
                        python_regex.translate(p.pattern)
                    except python_regex.Untranslatable as exc:
                        message = f"pattern {p.pattern!r}: {exc.message}"
                        raise SchemaError(p.pointer or r.pointer, message, exc.hint) from None

    def context(self, schema: ir.Schema) -> dict[str, object]:
        enums = [self.enum_view(e) for e in schema.enums]
        structs = [self.struct_view(s, schema) for s in schema.structs]
        root = schema.struct(schema.root)
        types = [x for st in schema.structs for f in st.fields for x in _types(f.type)]
        runtime_imports, codec_imports = self.runtime_imports(schema)
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
            "runtime_imports": runtime_imports,
            "codec_imports": codec_imports,
            "uses_field": any(default(f.type, schema).startswith("field(") for st in schema.structs for f in st.fields),
            "int_aliases": sorted({mirror.int_meta(x.format) for x in types if x.kind == ir.Kind.INT}),
            "typing_imports": ["Annotated"] * any(x.kind == ir.Kind.INT for x in types)
            + ["Any"]
            + ["NamedTuple"] * (schema.messages is not None),
            "runtime_exports": isort_order(list(RUNTIME_EXPORTS)),
            "validate_exports": isort_order(list(VALIDATE_EXPORTS)),
            "model_imports": isort_order(model_names),
            "all_names": all_order(model_names + list(RUNTIME_EXPORTS) + ["wire_fields"] + list(VALIDATE_EXPORTS)),
        }

    @staticmethod
    def runtime_imports(schema: ir.Schema) -> tuple[list[str], list[str]]:
        """What models.py takes from the runtime and from the codec: only what this schema's fields use."""
        types = [x for s in schema.structs for f in s.fields for x in _types(f.type)]
        kinds = {x.kind for x in types}
        runtime = ["BULK_SIZE", "DEFAULT_MAX_DEPTH", "DEFAULT_MAX_SIZE", "HTML_UNSAFE_BYTES", "fast_path", "html_safe"]
        runtime += ["go_float"] if ir.Kind.FLOAT in kinds else []
        runtime += ["RawJSON"] if ir.Kind.RAW in kinds else []
        runtime += ["encodes_to"] if ir.Kind.LIST in kinds else []
        structs_in_lists = any(x.kind == ir.Kind.LIST and x.item.kind == ir.Kind.STRUCT for x in types)
        runtime += ["convert_in_place"] if structs_in_lists else []  # the fast path's list-of-structs fixup
        codec = ["SHALLOW_SIZE", "StructSpec", "decode_struct", "dict_json", "encode_struct", "nests_within", "to_dict"]
        codec += ["refuse_fields"] if schema.failure is not None else []  # response_error's checks
        codec += [
            name
            for name, used in (
                ("STRING", ir.Kind.STRING in kinds),
                ("BOOLEAN", ir.Kind.BOOL in kinds),
                ("NUMBER", ir.Kind.FLOAT in kinds),
                ("RAW_JSON", ir.Kind.RAW in kinds),
                ("integer", ir.Kind.INT in kinds),
                ("enum", ir.Kind.ENUM in kinds),
                ("list_of", ir.Kind.LIST in kinds),
                ("map_of", ir.Kind.MAP in kinds),
                ("struct", ir.Kind.STRUCT in kinds),
                ("nullable", any(x.nullable and x.kind in _PLAIN for x in types)),
            )
            if used
        ]
        return isort_order(runtime), isort_order(codec)

    @staticmethod
    def model_names(enums: list[dict[str, Any]], structs: list[dict[str, Any]], messages: bool) -> list[str]:
        names = [str(e["name"]) for e in enums] + [str(s["name"]) for s in structs]
        names += ["SCHEMA_DIGEST", "SCHEMA_ID", "SCHEMA_VERSION"]
        return names + (["MESSAGE_INFO", "RESPONSE_FOR", "MessageInfo"] if messages else [])

    def enum_view(self, e: ir.Enum) -> dict[str, object]:
        return {
            "name": class_name(e.name, e.annotations),
            "table": mirror.enum_table(e.name),
            "classes": mirror.enum_classes(e.name),
            "doc": docstring(renamed_doc(e.doc, e.name, class_name(e.name, e.annotations))),
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
        classes = {x.name: class_name(x.name, x.annotations) for x in schema.structs}
        lists = tuple(attr_name(f) for f in s.fields if f.type.kind == ir.Kind.LIST)
        fields = [
            {
                "attr": attr_name(f),
                "wire": repr(f.wire_name),
                "hint": type_hint(f.type, schema),
                "default": default(f.type, schema, s.name),
                "doc": comment(f.doc or f.wire_name),
                "codec": codec_type(f.type),
                "omit_empty": f.omit_empty,
                "wire_decl": mirror.wire_declaration(attr_name(f), f, classes),
                "out_decl": mirror.out_declaration(attr_name(f), f),
                "to_out": mirror.to_out(attr_name(f), f),
            }
            for f in s.fields
        ]
        nested = {x.ref for st in schema.structs for f in st.fields for x in _types(f.type)}
        return {
            "name": name,
            "doc": docstring(renamed_doc(s.doc, s.name, name) if s.doc else name),
            "fields": fields,
            "spec": spec_name(s.name),
            "wire_class": mirror.wire_class(name),
            "out_class": mirror.out_class(name),
            "wire_decoder": f"_{upper_snake_case(s.name)}_WIRE_DECODER",
            "from_wire": mirror.from_wire_name(s.name),
            "holds_raw": holds_raw(s, schema),  # == then compares bytes as written, not the wire's form
            "is_nested": s.name in nested,  # a struct found inside another: its mirror needs a conversion function
            "from_wire_fixups": mirror.from_wire_fixups([(attr_name(f), f) for f in s.fields]),
            "to_out": mirror.to_out_name(s.name),
            "list_attrs": repr(lists) if lists else "",
            "fast": f"_fast_{snake_case(s.name)}",
            "types_ok": types_ok_name(s.name),
            "type_checks": [type_check(f"f.{attr_name(f)}", f.type, schema, s.name, f.omit_empty) for f in s.fields],
        }

    # ---- the validator ----

    def validator_view(self, schema: ir.Schema) -> dict[str, object]:
        plan = checks.plan(schema)
        patterns = {name: f"_{upper_snake_case(name)}_PATTERN" for name, _ in plan.patterns}
        syntax = PythonSyntax(schema, patterns)
        children = [{"attr": attr_name(f), "segment": repr(pointer_join("", f.wire_name) + "/")} for f in plan.children]
        root_functions = [self.root_view(plan.function(checks.Key(plan.root, lv, lv)), syntax) for lv in checks.LEVELS]
        nested = [f for f in plan.functions if f.key.struct != plan.root or f.key.content]
        lines = [line for f in plan.functions for part in (f.other, f.nested) for line in statements(part, syntax)]
        lines += [line for f in plan.functions for c in f.cases for line in statements(c.body, syntax)]
        text = "\n".join(lines + statements(plan.root_checks, syntax))
        bodies = [plan.root_checks, *(part for f in plan.functions for part in (f.other, f.nested))]
        bodies += [c.body for f in plan.functions for c in f.cases]
        contents = sorted({c.struct for body in bodies for c in _contents(body)})  # at every level, error included
        return {
            "root_spec": spec_name(plan.root),
            "root_types_ok": types_ok_name(plan.root),
            "root_checks": statements(plan.root_checks, syntax),
            "patterns": [
                {"name": patterns[name], "source": repr(python_regex.translate(source))}
                for name, source in plan.patterns
            ],
            "levels": dict(zip(checks.LEVELS, root_functions, strict=True)),
            "functions": [
                {
                    "name": check_function_name(f.key),
                    "cls": class_name(f.key.struct, schema.struct(f.key.struct).annotations),
                    "doc": docstring(self.function_doc(f.key, schema), indent=4),
                    "lines": statements(f.other + f.nested, syntax),
                }
                for f in nested
            ],
            "models": isort_order(
                [
                    *{class_name(f.key.struct, schema.struct(f.key.struct).annotations) for f in plan.functions},
                    spec_name(plan.root),
                    types_ok_name(plan.root),
                ]
            ),
            "content_specs": [
                {"name": spec_name(name), "cls": class_name(name, schema.struct(name).annotations)} for name in contents
            ],
            "uses": {"decode_content": "decode_content(" in text},
            "runtime_names": [
                name
                for name, used in (
                    ("DecodeError", True),  # a mapping validate is given may not decode
                    ("is_date_time", "is_date_time(" in text),
                    ("paused_gc", bool(children)),
                    ("pointer_token", "pointer_token(" in text),
                )
                if used
            ],
            "children": children,
            "any_children": " or ".join(f"frame.{c['attr']}" for c in children),
            "children_size": " + ".join(f"len(frame.{c['attr']})" for c in children),
            "child_has_children": " or ".join(f"child.{c['attr']}" for c in children),
        }

    @staticmethod
    def function_doc(key: checks.Key, schema: ir.Schema) -> str:
        if key.content:
            return f"The rules of {key.struct} on a raw value's decoded content, reported at level {key.report!r}."
        return f"The {key.rules}-level rules of a {key.struct} value and of the values nested in it."

    def root_view(self, function: checks.Function, syntax: PythonSyntax) -> dict[str, object]:
        """The entry function of a level (`_errors`, `_lint`): the frame's type check, then one function per
        message type, named after it, found in a table; or, without a discriminant, one function for the
        struct; then the nested values. Types with nothing to check share one function."""
        word = LEVEL_WORDS[function.key.report]
        view: dict[str, object] = {
            "entry": f"_{word}",
            "report_types": function.key.report == "error",  # lint leaves them to validate
            "nested": statements(function.nested, syntax),
        }
        if function.discriminant is None:
            name = f"_{word}_of_{snake_case(function.key.struct)}"
            lines = statements(function.other, syntax)
            return {**view, "run": name, "nothing": "", "functions": [{"name": name, "lines": lines}]}
        field = function.discriminant.wire_name
        nothing, other = f"_no_{word}", f"_{word}_of_any_other_{snake_case(field)}"
        functions = [{"name": other, "lines": statements(function.other, syntax)}] if function.other else []
        table, used = [], {nothing, other}
        for case in function.cases:
            if not case.body:
                table.append((repr(case.value), nothing))
                continue
            stem = snake_case(case.value) or f"empty_{snake_case(field)}"
            name = f"_{word}_of_{stem}"
            n = 1
            while name in used:  # two values with one snake_case spelling
                n += 1
                name = f"_{word}_of_{stem}_{n}"
            used.add(name)
            functions.append({"name": name, "lines": statements(case.body, syntax)})
            table.append((repr(case.value), name))
        table_name = f"_{upper_snake_case(word)}_BY_{upper_snake_case(field)}"
        default = other if function.other else nothing
        return {
            **view,
            "run": f"{table_name}.get(f.{attr_name(function.discriminant)}, {default})",
            "table_name": table_name,
            "table": table,
            "attr": attr_name(function.discriminant),
            "nothing": nothing if any(name == nothing for _, name in table) or not function.other else "",
            "functions": functions,
        }
