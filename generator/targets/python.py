"""The Python target: dataclasses, a Go-exact codec and the validator, as package `sync_protocol`."""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass, replace

from generator import ir
from generator.errors import pointer_join
from generator.naming import pascal_case, snake_case, upper_snake_case
from generator.render import TEMPLATES, environment, format_python, header_lines, wrap_text
from generator.settings import Settings
from generator.targets import python_mirror as mirror
from generator.targets.base import GeneratedFile, check_names, checked_structs

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
STATIC_FILES = ("_runtime.py",)


def isort_order(names: list[str]) -> list[str]:
    """isort's order-by-type, as ruff checks it: CONSTANTS, then Classes, then functions."""
    return sorted(names, key=lambda n: (0 if n.isupper() else 1 if n[:1].isupper() else 2, n))


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
    return {
        ir.Kind.STRING: "str",
        ir.Kind.BOOL: "bool",
        ir.Kind.INT: "int",
        ir.Kind.RAW: "RawJSON | None",
    }.get(t.kind) or (
        f"{class_name(t.ref, schema.enum(t.ref).annotations)} | str"
        if t.kind == ir.Kind.ENUM
        else f"list[{class_name(t.item.ref, schema.struct(t.item.ref).annotations)}]"
    )


def item_class(f: ir.Field, suffix: str) -> str | None:
    """The mirror class of a list field's items (class name + suffix), None for other fields."""
    return f"_{class_name(f.type.item.ref, ())}{suffix}" if f.type.kind == ir.Kind.LIST else None


def default(t: ir.TypeRef) -> str:
    return {
        ir.Kind.STRING: '""',
        ir.Kind.ENUM: '""',
        ir.Kind.BOOL: "False",
        ir.Kind.INT: "0",
        ir.Kind.RAW: "None",
        ir.Kind.LIST: "field(default_factory=list)",
    }[t.kind]


@dataclass(frozen=True, slots=True)
class _Expressions:
    """Python expressions for the IR's predicates over a struct value named `var`."""

    struct: ir.Struct
    schema: ir.Schema

    def field(self, wire: str) -> ir.Field:
        return next(f for f in self.struct.fields if f.wire_name == wire)

    def present(self, wire: str, var: str) -> str:
        f = self.field(wire)
        return f"{var}.{attr_name(f)}" if f.omit_empty else "True"

    def checks(self, p: ir.Predicate, var: str) -> tuple[str, str]:
        """(holds, fails) for a predicate on a present field's value."""
        f = self.field(p.field)
        value = f"{var}.{attr_name(f)}"
        if isinstance(p, ir.In | ir.NotIn):
            values = "{" + ", ".join(repr(v) for v in p.values) + "}"
            inside, outside = f"{value} in {values}", f"{value} not in {values}"
            return (inside, outside) if isinstance(p, ir.In) else (outside, inside)
        if isinstance(p, ir.Matches):
            search = f"_re.search({python_pattern(p.pattern)!r}, {value})"
            return f"{search} is not None", f"{search} is None"
        if isinstance(p, ir.IsObject):
            return f"{value}.is_object()", f"not {value}.is_object()"
        if isinstance(p, ir.Range):
            bounds = [
                b
                for b in (
                    f"{p.minimum} <= {value}" if p.minimum is not None else "",
                    f"{value} <= {p.maximum}" if p.maximum is not None else "",
                )
                if b
            ]
            within = " and ".join(bounds) or "True"
            return within, f"not ({within})"
        item = _Expressions(self.schema.struct(f.type.item.ref), self.schema)  # Each
        every = f"all({item.conjunction(p.predicates, 'x')} for x in {value})"
        return every, f"not {every}"

    def predicate(self, p: ir.Predicate, var: str) -> str:
        """An expression that is true when p holds."""
        if isinstance(p, ir.Present | ir.Absent):
            present = self.present(p.field, var)
            return present if isinstance(p, ir.Present) else f"not {present}"
        if isinstance(p, ir.AnyOf):
            return "(" + " or ".join(self.conjunction(a, var) for a in p.alternatives) + ")"
        holds, _ = self.checks(p, var)
        present = self.present(p.field, var)
        return holds if present == "True" else f"(not {present} or {holds})"

    def failure(self, p: ir.Predicate, var: str) -> str:
        """An expression that is true when p fails, written without double negation."""
        if isinstance(p, ir.Present | ir.Absent):
            present = self.present(p.field, var)
            return f"not {present}" if isinstance(p, ir.Present) else present
        if isinstance(p, ir.AnyOf):
            return "not (" + " or ".join(self.conjunction(a, var) for a in p.alternatives) + ")"
        _, fails = self.checks(p, var)
        present = self.present(p.field, var)
        return fails if present == "True" else f"{present} and {fails}"

    def conjunction(self, predicates: tuple[ir.Predicate, ...], var: str) -> str:
        return " and ".join(self.predicate(p, var) for p in predicates) if predicates else "True"


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


def _has_pattern(predicates: tuple[ir.Predicate, ...]) -> bool:
    """Whether any predicate, nested ones included, needs the `re` module."""
    for p in predicates:
        if isinstance(p, ir.Matches):
            return True
        if isinstance(p, ir.Each) and _has_pattern(p.predicates):
            return True
        if isinstance(p, ir.AnyOf) and any(_has_pattern(a) for a in p.alternatives):
            return True
    return False


def _applies(rule: ir.Rule, field: str, value: str | None) -> bool:
    """Whether the rule's conditions on `field` hold for this value (None: any value not listed)."""
    for p in rule.when:
        if isinstance(p, ir.In) and p.field == field and value not in p.values:
            return False
        if isinstance(p, ir.NotIn) and p.field == field and value in p.values:
            return False
    return True


def _holds(p: ir.Predicate, field: str, value: str | None) -> bool:
    """Whether an In/NotIn test of `field` is known to hold for this value (never for 'any other value')."""
    if value is None or not isinstance(p, ir.In | ir.NotIn) or p.field != field:
        return False
    return (value in p.values) == isinstance(p, ir.In)


def _specialise(rule: ir.Rule, field: str, value: str | None) -> ir.Rule:
    """The rule for a function only frames with this value of `field` reach: tests of `field` that are
    known to hold are dropped from its conditions and its checks."""
    when = tuple(p for p in rule.when if not (isinstance(p, ir.In | ir.NotIn) and p.field == field))
    then = tuple(p for p in rule.then if not _holds(p, field, value))
    return replace(rule, when=when, then=then)


def _where(prefix: str, *parts: str) -> str:
    """A Python expression for pointer `prefix` extended with static parts; repr() keeps any name inert."""
    static = pointer_join("", *parts)
    return f"{prefix} + {static!r}" if static else prefix


def rule_lines(rule: ir.Rule, struct: ir.Struct, schema: ir.Schema) -> list[str]:
    """Statements appending one ValidationError per failing predicate of the rule, with its JSON pointer."""
    ex = _Expressions(struct, schema)

    def finding(where: str) -> str:  # no str.format: rule text may hold braces
        return f"_finding(({rule.id!r}, {where}, {rule.doc!r}, {rule.level!r}))"

    when = ex.conjunction(rule.when, "f") if rule.when else ""
    checks: list[tuple[str, list[str]]] = []  # (failure condition, statements); "" = a loop
    for p in rule.then:
        if isinstance(p, ir.Each):
            f = ex.field(p.field)
            item = _Expressions(schema.struct(f.type.item.ref), schema)
            base = f"{_where('p', p.field)} + '/' + str(i)"
            loop = [f"for i, x in enumerate(f.{attr_name(f)}):"]
            for q in p.predicates:
                where = _where(base, q.field) if hasattr(q, "field") else base
                loop += [f"    if {item.failure(q, 'x')}:", "        out.append(" + finding(where) + ")"]
            checks.append(("", loop))
        else:
            where = _where("p", p.field) if hasattr(p, "field") else "p"
            checks.append((ex.failure(p, "f"), ["out.append(" + finding(where) + ")"]))
    lines = comment(f"{rule.id}: {rule.doc}")
    if when and len(checks) == 1 and checks[0][0]:  # one check: fold the condition into a single `if`
        return [*lines, f"if ({when}) and ({checks[0][0]}):", *("    " + s for s in checks[0][1])]
    body: list[str] = []
    for condition, statements in checks:
        body += [f"if {condition}:", *("    " + s for s in statements)] if condition else statements
    return lines + ([f"if {when}:", *("    " + s for s in body)] if when else body)


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
            ("models.py.j2", "models.py"),
            ("validate.py.j2", "validate.py"),
        ):
            path = f"{self.settings.output}/python/{self.package}/{filename}"
            source = env.get_template(template).render(**context)
            out.append(GeneratedFile(path, format_python(source, path).encode()))
        for filename in STATIC_FILES:  # code that does not vary with the schema: copied, header prepended
            header = "".join(f"# {line}\n" for line in context["header"])
            text = (TEMPLATES / "python" / filename).read_text()
            out.append(
                GeneratedFile(f"{self.settings.output}/python/{self.package}/{filename}", (header + text).encode())
            )
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
        self.check(schema)
        enums = [self.enum_view(e) for e in schema.enums]
        checks = [self.checks_view(s, schema) for s in checked_structs(schema)]
        structs = [self.struct_view(s, schema) for s in schema.structs]
        root = schema.struct(schema.root)
        discriminant = next((e for e in schema.enums if any(v.kind for v in e.values)), None)
        uses_ints = any(f.type.kind == ir.Kind.INT for st in schema.structs for f in st.fields)
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
            "checks": checks,
            "runtime_imports": isort_order(self.runtime_imports(schema)),
            "uses_lists": any(f.type.kind == ir.Kind.LIST for st in schema.structs for f in st.fields),
            "uses_ints": uses_ints,
            "typing_imports": ["Annotated"] * uses_ints + ["Any"] + ["NamedTuple"] * (discriminant is not None),
            "uses_patterns": any(
                _has_pattern(r.when + r.then)
                for r in schema.root_rules + tuple(r for st in schema.structs for r in st.rules)
            ),
            "runtime_exports": isort_order(list(RUNTIME_EXPORTS)),
            "validate_exports": isort_order(list(VALIDATE_EXPORTS)),
            "model_imports": isort_order(self.model_names(enums, structs, discriminant is not None)),
            "all_names": isort_order(
                self.model_names(enums, structs, discriminant is not None)
                + list(RUNTIME_EXPORTS)
                + list(VALIDATE_EXPORTS)
            ),
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
    def model_names(enums: list[dict[str, object]], structs: list[dict[str, object]], messages: bool) -> list[str]:
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

    def message_view(self, e: ir.Enum) -> dict[str, object]:
        enum = class_name(e.name, e.annotations)
        by_value = {v.value: member_name(v) for v in e.values}
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
                for v in e.values
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
                    "wire_decl": mirror.wire_declaration(attr, f, item_class(f, "Wire")),
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
            "wire_class": f"_{name}Wire",
            "out_class": f"_{name}Out",
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

    def checks_view(self, s: ir.Struct, schema: ir.Schema) -> dict[str, object]:
        function = snake_case(s.name)
        levels = {
            level: self.dispatch(s, schema, [r for r in s.rules if r.level == level], f"_check_{function}_{level}")
            for level in ("error", "lint")
        }
        children = [
            {"attr": attr_name(f), "segment": repr(pointer_join("", f.wire_name) + "/")}
            for f in s.fields
            if f.type.kind == ir.Kind.LIST and f.type.item.ref == s.name
        ]
        return {
            "name": class_name(s.name, s.annotations),
            "function": function,
            "levels": levels,
            "children": children,
            "any_children": " or ".join(f"frame.{c['attr']}" for c in children),
            "children_size": " + ".join(f"len(frame.{c['attr']})" for c in children),
            "child_has_children": " or ".join(f"child.{c['attr']}" for c in children),
        }

    def dispatch(self, s: ir.Struct, schema: ir.Schema, rules: list[ir.Rule], entry: str) -> dict[str, object]:
        """Rules grouped by the value of the enum field their conditions test (the frame type), so a
        frame runs only the rules for its type; the groups keep schema order. Values whose rules are the
        same share one function. Without such a field, one function holds every rule."""
        tested = [p.field for r in rules for p in r.when if isinstance(p, ir.In | ir.NotIn)]
        field = next((f for f in s.fields if f.type.kind == ir.Kind.ENUM and f.wire_name in tested), None)
        if field is None:
            return {
                "functions": [{"name": entry, "rules": [rule_lines(r, s, schema) for r in rules]}],
                "table": [],
                "entry": entry,
                "call": entry,
            }
        values: list[str | None] = [v.value for v in schema.enum(field.type.ref).values] + ["", None]
        functions: dict[tuple[ir.Rule, ...], str] = {}
        table = []
        for value in values:  # None stands for every other value
            group = tuple(
                r
                for r in (_specialise(r, field.wire_name, value) for r in rules if _applies(r, field.wire_name, value))
                if r.then
            )
            name = functions.setdefault(group, f"{entry}_{len(functions)}")
            if value is not None:
                table.append((repr(value), name))
        fallback = name  # the group of None, the last value: every value without a row of its own
        return {
            "functions": [
                {"name": name, "rules": [rule_lines(r, s, schema) for r in group]} for group, name in functions.items()
            ],
            "table": table,
            "entry": entry,
            "call": f"{entry.upper()}.get(frame.{attr_name(field)}, {fallback})",
            "attr": attr_name(field),
            "default": fallback,
        }
