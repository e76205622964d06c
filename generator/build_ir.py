"""JSON Schema -> IR. The only module that knows JSON Schema keywords.

framegen supports a deliberate subset of 2020-12: structs (`type: object` with
`properties`), string enums, strings, booleans, integers, arrays of structs, raw JSON
values, local `$ref`, and per-type rules written as `allOf` of `if`/`then`. Anything else
is refused with the JSON pointer of the construct and what is supported instead.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from generator import ir, semver
from generator.errors import SchemaError, pointer_join
from generator.load import LoadedSchema

ANNOTATION_KEYS = {
    "x-go-name": "go.name",
    "x-go-type": "go.type",
    "x-go-const-prefix": "go.const_prefix",
    "x-python-name": "python.name",
}
DOC_KEYS = {"description", "title", "$comment", "deprecated", "examples"}
ROOT_KEYS = DOC_KEYS | {"$schema", "$id", "$ref", "allOf", "$defs", "x-schema-version", "x-framegen-package-doc"}
STRUCT_KEYS = DOC_KEYS | {"type", "properties", "required", "allOf", "x-framegen-order"} | set(ANNOTATION_KEYS)
ENUM_KEYS = DOC_KEYS | {"type", "enum", "x-framegen-values"} | set(ANNOTATION_KEYS)
RULE_SET_KEYS = DOC_KEYS | {"properties", "allOf", "x-framegen-rules-for"}
ENTRY_KEYS = DOC_KEYS | {"allOf"}
PROPERTY_KEYS = (
    DOC_KEYS
    | {"type", "format", "$ref", "items", "anyOf", "x-framegen-raw", "x-framegen-rule", "minimum", "maximum"}
    | set(ANNOTATION_KEYS)
)
RULE_KEYS = DOC_KEYS | {"x-framegen-rule", "x-framegen-level", "if", "then", "required", "properties", "not", "anyOf"}
RULE_KEYS |= {"x-framegen-for-kind"}  # the rule holds for every message type of a kind (check_for_kind)
PLURAL = {"request": "requests", "response": "responses", "push": "pushes"}
KINDS = tuple(PLURAL)
ASSERTION_KEYS = {"required", "properties", "not", "anyOf"}
VALUE_KEYS = {"const", "enum", "not", "minLength", "pattern", "type", "items", "minimum", "maximum"}
SCALAR_TYPES = {"string", "boolean", "integer", "array"}
SCALAR_KINDS = {"string": ir.Kind.STRING, "boolean": ir.Kind.BOOL, "integer": ir.Kind.INT}
WIRE_NAME = re.compile(r"^[\x20-\x7e]+$")


def _error(pointer: str, message: str, hint: str) -> SchemaError:
    return SchemaError(pointer, message, hint)


def _check_keys(node: dict[str, Any], allowed: set[str], pointer: str, what: str) -> None:
    for key in node:
        if key not in allowed:
            supported = ", ".join(sorted(k for k in allowed if not k.startswith("x-")))
            raise _error(
                pointer_join(pointer, key),
                f"keyword {key!r} is not supported in {what}",
                f"supported here: {supported}",
            )


def _annotations(node: dict[str, Any]) -> ir.Annotations:
    return tuple((ANNOTATION_KEYS[k], node[k]) for k in ANNOTATION_KEYS if k in node)


def _doc(node: dict[str, Any]) -> str:
    return str(node.get("description", node.get("title", "")))


@dataclass
class _Builder:
    document: dict[str, Any]
    defs: dict[str, Any] = field(default_factory=dict)
    _enums: dict[str, ir.Enum] = field(default_factory=dict)  # built once: rules look enums up often
    _shells: dict[str, ir.Struct] = field(default_factory=dict)

    # ---- references -------------------------------------------------------------------

    def resolve(self, ref: str, pointer: str) -> tuple[str, dict[str, Any]]:
        """Resolve a local $ref to (definition name, schema); only #/$defs/<name> and # are supported."""
        if ref == "#":
            return "#", self.document
        match = re.fullmatch(r"#/\$defs/([^/]+)", ref)
        if not match:
            raise _error(pointer, f"$ref {ref!r} is not supported", "use a local reference such as '#/$defs/Name'")
        name = match.group(1).replace("~1", "/").replace("~0", "~")
        if name not in self.defs:
            known = ", ".join(sorted(self.defs)) or "none"
            raise _error(pointer, f"$ref {ref!r} points nowhere", f"definitions in $defs: {known}")
        return name, self.defs[name]

    # ---- definitions ------------------------------------------------------------------

    def classify(self, name: str, node: Any, pointer: str) -> str:
        if not isinstance(node, dict):
            raise _error(pointer, "a definition must be an object", "write a schema object")
        if "enum" in node:
            return "enum"
        if node.get("x-framegen-raw") or node.get("type") in SCALAR_TYPES:
            return "scalar"  # a reusable field schema, inlined where a property refers to it
        if node.get("type") == "object":
            return "struct"
        if "x-framegen-rules-for" in node:
            return "rules"
        if set(node) <= ENTRY_KEYS and all(set(s) == {"$ref"} for s in node.get("allOf", [{}])):
            return "entry"
        if set(node) - DOC_KEYS == {"$ref"}:
            self.alias_error(name, pointer)
        raise _error(
            pointer,
            f"cannot tell what definition {name!r} is",
            "a definition is a string enum, an object with properties, a rule set with "
            "x-framegen-rules-for, or an allOf of $refs",
        )

    def alias_error(self, name: str, pointer: str) -> None:
        """A definition that is only a $ref: name the cycle if there is one, else say to refer to the target."""
        chain = [name]
        node = self.defs[name]
        while isinstance(node, dict) and set(node) - DOC_KEYS == {"$ref"}:
            target, node = self.resolve(node["$ref"], pointer_join("", "$defs", chain[-1], "$ref"))
            if target in chain:
                cycle = " -> ".join([*chain[chain.index(target) :], target])
                raise _error(
                    pointer_join(pointer, "$ref"),
                    f"a cycle of $refs the IR cannot represent: {cycle}",
                    "give one definition in the cycle a schema of its own (an object or an enum)",
                )
            chain.append(target)
        raise _error(
            pointer_join(pointer, "$ref"),
            f"definition {name!r} is only a $ref to {chain[-1]!r}",
            f"refer to '#/$defs/{chain[-1]}' directly",
        )

    def build_enum(self, name: str, node: dict[str, Any], pointer: str) -> ir.Enum:
        _check_keys(node, ENUM_KEYS, pointer, "an enum")
        values = node["enum"]
        if node.get("type") != "string" or not all(isinstance(v, str) for v in values):
            raise _error(pointer_join(pointer, "enum"), "only string enums are supported", "add 'type': 'string'")
        meta = node.get("x-framegen-values", {})
        for key in meta:
            if key not in values:
                raise _error(
                    pointer_join(pointer, "x-framegen-values", key),
                    f"{key!r} is not a value of the enum",
                    f"values: {', '.join(values)}",
                )
        if meta:
            missing = [v for v in values if v not in meta]
            if missing:
                raise _error(
                    pointer_join(pointer, "x-framegen-values"),
                    f"values without documentation: {', '.join(missing)}",
                    "document every value or none",
                )
        enum_values = []
        for value in values:
            info = meta.get(value, {})
            where = pointer_join(pointer, "x-framegen-values", value)
            response = info.get("response", "")
            if response and (response not in meta or meta[response].get("kind") != "response"):
                raise _error(where, f"response {response!r} is not a value of kind 'response'", "name a response value")
            triggers = info.get("triggers", "")
            if triggers and (triggers not in meta or meta[triggers].get("kind") != "push"):
                raise _error(where, f"triggers {triggers!r} is not a value of kind 'push'", "name a push value")
            if info.get("kind") == "request" and not response:
                raise _error(where, "a request names the response it expects", "add 'response'")
            if info and info["from"] == info["to"]:
                raise _error(
                    where, "'from' and 'to' name the same service", "a frame goes from one service to the other"
                )
            enum_values.append(
                ir.EnumValue(
                    value=value,
                    doc=info.get("description", ""),
                    kind=info.get("kind", ""),
                    sender=info.get("from", ""),
                    receiver=info.get("to", ""),
                    response=response,
                    sent=info.get("sent", ""),
                    triggers=triggers,
                    annotations=_annotations(info),
                    deprecated=bool(info.get("deprecated", False)),
                    pointer=pointer_join(pointer, "enum", values.index(value)),
                )
            )
        return ir.Enum(
            name=name, doc=_doc(node), values=tuple(enum_values), annotations=_annotations(node), pointer=pointer
        )

    def field_type(self, node: dict[str, Any], pointer: str) -> ir.TypeRef:
        if "$ref" in node:
            name, target = self.resolve(node["$ref"], pointer_join(pointer, "$ref"))
            kind = self.classify(name, target, pointer_join("", "$defs", name))
            if kind not in ("enum", "struct"):
                raise _error(
                    pointer, f"a field cannot be of definition {name!r} ({kind})", "refer to an enum or a struct"
                )
            return ir.TypeRef(ir.Kind.ENUM if kind == "enum" else ir.Kind.STRUCT, ref=name)

        if "anyOf" in node:
            return self.enum_or_empty(node["anyOf"], pointer_join(pointer, "anyOf"))
        if node.get("x-framegen-raw"):
            return ir.TypeRef(ir.Kind.RAW)
        kind = node.get("type")
        if kind in SCALAR_KINDS:
            return ir.TypeRef(SCALAR_KINDS[kind])
        if kind == "array":
            items = node.get("items")
            if not isinstance(items, dict):
                raise _error(pointer, "an array needs an 'items' schema", "add 'items': {'$ref': '#/$defs/Name'}")
            item = self.field_type(items, pointer_join(pointer, "items"))
            if item.kind != ir.Kind.STRUCT:
                raise _error(
                    pointer_join(pointer, "items"), "only arrays of structs are supported", "use a $ref to an object"
                )
            return ir.TypeRef(ir.Kind.LIST, item=item)
        raise _error(
            pointer,
            f"unsupported field type {kind!r}",
            "use string, boolean, integer, an array of a struct, a $ref, or x-framegen-raw for raw JSON",
        )

    def enum_or_empty(self, options: Any, pointer: str) -> ir.TypeRef:
        """`anyOf: [{$ref: enum}, {const: ""}]` is an enum whose zero value is also allowed."""
        if (
            isinstance(options, list)
            and len(options) == 2
            and set(options[0]) == {"$ref"}
            and options[1] == {"const": ""}
        ):
            name, target = self.resolve(options[0]["$ref"], pointer_join(pointer, 0, "$ref"))
            if "enum" in target:
                return ir.TypeRef(ir.Kind.ENUM, ref=name)
        raise _error(pointer, "this anyOf is not supported", "only [{'$ref': <string enum>}, {'const': ''}] is")

    def property_schema(self, node: Any, pointer: str) -> Any:
        """A property that refers to a reusable field schema in $defs, with the referring keywords on top."""
        if isinstance(node, dict) and "$ref" in node:
            name, target = self.resolve(node["$ref"], pointer_join(pointer, "$ref"))
            if self.classify(name, target, pointer_join("", "$defs", name)) == "scalar":
                return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    def build_field(self, wire: str, node: Any, required: bool, pointer: str) -> ir.Field:
        node = self.property_schema(node, pointer)
        if not isinstance(node, dict):
            raise _error(pointer, "a property must be a schema object", "write {'type': ...}")
        if not WIRE_NAME.match(wire):
            raise _error(pointer, f"wire name {wire!r} is not printable ASCII", "rename the property")
        _check_keys(node, PROPERTY_KEYS, pointer, "a property")
        type_ = self.field_type(node, pointer)
        if type_.kind == ir.Kind.STRUCT:
            raise _error(
                pointer,
                f"a field of struct type ({type_.ref}) is not supported",
                "use an array of the struct, or flatten its fields into this struct",
            )
        if required and type_.kind in (ir.Kind.LIST, ir.Kind.RAW):
            raise _error(
                pointer,
                "a required list or raw field is not supported",
                "Go encodes their nil value as null; leave the field out of 'required' (omitempty)",
            )
        return ir.Field(
            wire_name=wire,
            doc=_doc(node),
            type=type_,
            omit_empty=not required,
            annotations=_annotations(node),
            format=str(node.get("format", "")),
            deprecated=bool(node.get("deprecated", False)),
            pointer=pointer,
        )

    def build_struct(self, name: str, node: dict[str, Any], pointer: str, rule_sets: list[ir.Rule]) -> ir.Struct:
        _check_keys(node, STRUCT_KEYS, pointer, "a struct")
        shell = self.struct_shell(name)
        properties = node.get("properties", {})
        rules = self.property_rules(shell, properties, pointer)
        rules += self.rules(node.get("allOf", []), shell, pointer_join(pointer, "allOf"), "error")
        return ir.Struct(
            name=name,
            doc=shell.doc,
            fields=shell.fields,
            rules=tuple(rules) + tuple(rule_sets),
            annotations=_annotations(node),
            pointer=pointer,
        )

    def check_case_collisions(self, fields: tuple[ir.Field, ...], pointer: str) -> None:
        """Two wire names equal up to case are one field to Go's case-insensitive decoder."""
        seen: dict[str, str] = {}
        for f in fields:
            folded = f.wire_name.upper()
            if folded in seen:
                raise _error(
                    pointer_join(pointer, "properties", f.wire_name),
                    f"wire names {seen[folded]!r} and {f.wire_name!r} differ only in case",
                    "Go's decoder matches keys case-insensitively; rename one",
                )
            seen[folded] = f.wire_name

    def property_rules(self, struct: ir.Struct, properties: dict[str, Any], pointer: str) -> list[ir.Rule]:
        """Constraints written on a property itself (enum membership, raw JSON type), named by x-framegen-rule."""
        grouped: dict[str, list[ir.Predicate]] = {}
        docs: dict[str, list[str]] = {}
        for f in struct.fields:
            node = self.property_schema(properties[f.wire_name], pointer_join(pointer, "properties", f.wire_name))
            rule_id = node.get("x-framegen-rule")
            predicate: ir.Predicate | None = None
            if f.type.kind == ir.Kind.ENUM:
                values = tuple(v.value for v in self.enum_values(f.type.ref))
                if "anyOf" in node:
                    values += ("",)
                predicate, text = ir.In(f.wire_name, values), f"{f.wire_name} is a {f.type.ref} value"
            elif f.type.kind == ir.Kind.RAW and node.get("type") == "object":
                predicate, text = ir.IsObject(f.wire_name), f"{f.wire_name} is a JSON object"
            elif "minimum" in node or "maximum" in node:
                predicate = self.range(f, node, pointer_join(pointer, "properties", f.wire_name))
                text = f"{f.wire_name} is within [{node.get('minimum', '')}, {node.get('maximum', '')}]"
            if predicate is None:
                if rule_id:
                    raise _error(
                        pointer_join(pointer, "properties", f.wire_name, "x-framegen-rule"),
                        "this property has no constraint to name",
                        "remove x-framegen-rule",
                    )
                continue
            if not rule_id:
                raise _error(
                    pointer_join(pointer, "properties", f.wire_name),
                    "a constrained property needs an x-framegen-rule ID",
                    "add 'x-framegen-rule': 'some-id'",
                )
            grouped.setdefault(rule_id, []).append(predicate)
            docs.setdefault(rule_id, []).append(text)
        return [ir.Rule(rid, "error", "; ".join(docs[rid]), (), tuple(preds)) for rid, preds in grouped.items()]

    def enum_values(self, name: str) -> tuple[ir.EnumValue, ...]:
        if name not in self._enums:
            self._enums[name] = self.build_enum(name, self.defs[name], pointer_join("", "$defs", name))
        return self._enums[name].values

    # ---- rules ------------------------------------------------------------------------

    def rules(self, entries: Any, struct: ir.Struct, pointer: str, level: str) -> list[ir.Rule]:
        if not isinstance(entries, list):
            raise _error(pointer, "allOf must be an array", "write a list of rules")
        return [self.rule(e, struct, pointer_join(pointer, i), level) for i, e in enumerate(entries)]

    def rule(self, node: Any, struct: ir.Struct, pointer: str, level: str) -> ir.Rule:
        if not isinstance(node, dict) or "x-framegen-rule" not in node or "x-framegen-level" not in node:
            raise _error(
                pointer,
                "a rule needs x-framegen-rule and x-framegen-level",
                "name every allOf entry: 'x-framegen-rule': 'id', 'x-framegen-level': 'error'",
            )
        _check_keys(node, RULE_KEYS, pointer, "a rule")
        if node["x-framegen-level"] != level:
            raise _error(
                pointer_join(pointer, "x-framegen-level"),
                f"a rule here is enforced by standard validators at level {level!r}",
                "move lint rules to the definition named by x-framegen-rules-for, error rules to the struct",
            )
        if "if" in node:
            when = self.conjunction(node["if"], struct, pointer_join(pointer, "if"))
            if any(isinstance(p, ir.Each) for p in when):
                raise _error(
                    pointer_join(pointer, "if"),
                    "'items' conditions in 'if' are not supported",
                    "condition on the frame's own fields",
                )
            if "then" not in node or set(node) & ASSERTION_KEYS:
                raise _error(
                    pointer, "a conditional rule has 'if' and 'then' and nothing else", "move checks into 'then'"
                )
            then = self.conjunction(node["then"], struct, pointer_join(pointer, "then"))
        else:
            when, then = (), self.conjunction({k: v for k, v in node.items() if k in ASSERTION_KEYS}, struct, pointer)
        if not then:
            raise _error(pointer, "the rule checks nothing", "add 'required', 'properties', 'not' or 'anyOf'")
        for_kind = node.get("x-framegen-for-kind", "")
        if for_kind:
            self.check_for_kind(for_kind, when, struct, pointer)
        return ir.Rule(node["x-framegen-rule"], level, _doc(node), when, then, for_kind)

    def check_for_kind(self, kind: Any, when: tuple[ir.Predicate, ...], struct: ir.Struct, pointer: str) -> None:
        """A rule for a kind tests the message type with exactly the values of that kind, so a new value of
        the kind cannot be added without it (a standard validator reads only the list)."""
        if kind not in KINDS:
            raise _error(pointer_join(pointer, "x-framegen-for-kind"), f"unknown kind {kind!r}", f"one of {KINDS}")
        tests = [
            (p, f)
            for p in when
            if isinstance(p, ir.In)
            for f in [self.field(struct, p.field, pointer)]
            if f.type.kind == ir.Kind.ENUM and any(v.kind for v in self.enum_values(f.type.ref))
        ]
        if not tests:
            raise _error(
                pointer,
                f"a rule for every {kind} tests the message type in 'if'",
                'add "if": {"required": ["type"], "properties": {"type": {"enum": [...]}}} listing every ' + kind,
            )
        test, f = tests[0]
        expected = [v.value for v in self.enum_values(f.type.ref) if v.kind == kind]
        missing = [v for v in expected if v not in test.values]
        extra = [v for v in test.values if v not in expected]
        if missing or extra:
            enum = f"its {f.wire_name} enum"
            problems = [f"misses the {kind} {', '.join(missing)}" if missing else ""]
            problems.append(f"lists {', '.join(map(str, extra))}, not of kind {kind}" if extra else "")
            hints = [f"add {', '.join(json.dumps(v) for v in missing)} to {enum}" if missing else ""]
            hints.append(f"remove {', '.join(json.dumps(v) for v in extra)} from {enum}" if extra else "")
            raise _error(
                pointer_join(pointer, "if", "properties", f.wire_name),
                f"a rule for every {kind} (x-framegen-for-kind) " + " and ".join(p for p in problems if p),
                "; ".join(h for h in hints if h) + f" (it lists exactly the {PLURAL[kind]})",
            )

    def conjunction(self, node: Any, struct: ir.Struct, pointer: str) -> tuple[ir.Predicate, ...]:
        if not isinstance(node, dict):
            raise _error(pointer, "a condition must be a schema object", "write {'required': [...]} or similar")
        _check_keys(node, ASSERTION_KEYS | DOC_KEYS, pointer, "a rule condition")
        out: list[ir.Predicate] = [
            ir.Present(self.field(struct, n, pointer_join(pointer, "required")).wire_name)
            for n in node.get("required", [])
        ]
        for wire, sub in node.get("properties", {}).items():
            f = self.field(struct, wire, pointer_join(pointer, "properties"))
            out += self.value_predicates(f, sub, pointer_join(pointer, "properties", wire))
        if "not" in node:
            negated = node["not"]
            if set(negated) != {"required"} or len(negated["required"]) != 1:
                raise _error(
                    pointer_join(pointer, "not"),
                    "only 'not': {'required': [one field]} is supported",
                    "it says the field is absent (its zero value)",
                )
            out.append(ir.Absent(self.field(struct, negated["required"][0], pointer_join(pointer, "not")).wire_name))
        if "anyOf" in node:
            alternatives = tuple(
                self.conjunction(a, struct, pointer_join(pointer, "anyOf", i)) for i, a in enumerate(node["anyOf"])
            )
            if any(isinstance(p, ir.Each) for a in alternatives for p in a):
                raise _error(
                    pointer_join(pointer, "anyOf"),
                    "'items' conditions inside anyOf are not supported",
                    "write the items condition at the top of the rule's 'then'",
                )
            if all(alternatives):  # an empty alternative always holds, and so does the anyOf
                out.append(ir.AnyOf(alternatives))
        return tuple(p for p in out if not _vacuous(p, struct))

    def value_predicates(self, f: ir.Field, node: Any, pointer: str) -> list[ir.Predicate]:
        if not isinstance(node, dict):
            raise _error(pointer, "a property condition must be a schema object", "write {'const': ...}")
        _check_keys(node, VALUE_KEYS, pointer, "a rule's property condition")
        out: list[ir.Predicate] = []
        kind = f.type.kind
        if "const" in node:
            out.append(ir.In(f.wire_name, (self.scalar(f, node["const"], pointer),)))
        if "enum" in node:
            out.append(ir.In(f.wire_name, tuple(self.scalar(f, v, pointer) for v in node["enum"])))
        if "not" in node:
            inner = node["not"]
            values = inner.get("enum", [inner["const"]] if "const" in inner else None)
            if set(inner) - {"enum", "const"} or values is None:
                raise _error(pointer_join(pointer, "not"), "only 'not' of 'const' or 'enum' is supported here", "")
            out.append(ir.NotIn(f.wire_name, tuple(self.scalar(f, v, pointer) for v in values)))
        if "minLength" in node:
            if node["minLength"] != 1 or kind not in (ir.Kind.STRING, ir.Kind.ENUM):
                raise _error(
                    pointer_join(pointer, "minLength"),
                    "only 'minLength': 1 on a string is supported",
                    "it says the string is not empty",
                )
            out.append(ir.NotIn(f.wire_name, ("",)))
        if "pattern" in node:
            if kind != ir.Kind.STRING:
                raise _error(pointer_join(pointer, "pattern"), "a pattern applies to strings only", "")
            try:
                re.compile(node["pattern"])
            except re.error as exc:
                raise _error(pointer_join(pointer, "pattern"), f"invalid pattern: {exc}", "") from None
            out.append(ir.Matches(f.wire_name, node["pattern"]))
        if "minimum" in node or "maximum" in node:
            out.append(self.range(f, node, pointer))
        if "type" in node:
            if node["type"] != "object" or kind != ir.Kind.RAW:
                raise _error(pointer_join(pointer, "type"), "only 'type': 'object' on a raw field is supported", "")
            out.append(ir.IsObject(f.wire_name))
        if "items" in node:
            if kind != ir.Kind.LIST:
                raise _error(pointer_join(pointer, "items"), "'items' applies to list fields only", "")
            item_struct = self.struct_shell(f.type.item.ref)
            out.append(
                ir.Each(f.wire_name, self.conjunction(node["items"], item_struct, pointer_join(pointer, "items")))
            )
        return out

    def range(self, f: ir.Field, node: dict[str, Any], pointer: str) -> ir.Range:
        bounds = [node.get("minimum"), node.get("maximum")]
        if f.type.kind != ir.Kind.INT or not all(b is None or type(b) is int for b in bounds):
            raise _error(pointer, "minimum and maximum apply to integer fields, with integer bounds", "")
        return ir.Range(f.wire_name, bounds[0], bounds[1])

    def scalar(self, f: ir.Field, value: Any, pointer: str) -> str | bool | int:
        expected = {ir.Kind.STRING: str, ir.Kind.ENUM: str, ir.Kind.BOOL: bool, ir.Kind.INT: int}.get(f.type.kind)
        if expected is None or type(value) is not expected:
            raise _error(pointer, f"{value!r} cannot be a value of {f.wire_name} ({f.type.kind})", "")
        if f.type.kind == ir.Kind.ENUM and value != "" and value not in {v.value for v in self.enum_values(f.type.ref)}:
            raise _error(pointer, f"{value!r} is not a {f.type.ref} value", "check the spelling")
        return value

    def field(self, struct: ir.Struct, wire: str, pointer: str) -> ir.Field:
        for f in struct.fields:
            if f.wire_name == wire:
                return f
        raise _error(
            pointer,
            f"{struct.name} has no property {wire!r}",
            "fields: " + ", ".join(f.wire_name for f in struct.fields),
        )

    def struct_shell(self, name: str) -> ir.Struct:
        """The struct's fields without its rules: enough to type-check rules that refer to it."""
        if name not in self._shells:
            self._shells[name] = self._struct_shell(name)
        return self._shells[name]

    def _struct_shell(self, name: str) -> ir.Struct:
        node = self.defs[name]
        pointer = pointer_join("", "$defs", name)
        properties = node.get("properties", {})
        order = node.get("x-framegen-order", list(properties))
        if sorted(order) != sorted(properties):
            raise _error(pointer_join(pointer, "x-framegen-order"), *_order_problem(order, properties))
        required = node.get("required", [])
        for wire in required:
            if wire not in properties:
                raise _error(
                    pointer_join(pointer, "required"), f"required names unknown property {wire!r}", "fix the name"
                )
        fields = tuple(
            self.build_field(w, properties[w], w in required, pointer_join(pointer, "properties", w)) for w in order
        )
        self.check_case_collisions(fields, pointer)
        return ir.Struct(name=name, doc=_doc(node), fields=fields, pointer=pointer)

    def rule_set(self, name: str, node: dict[str, Any], pointer: str) -> tuple[str, list[ir.Rule]]:
        """A definition of lint rules for a struct, recursing into its list fields like the struct does."""
        _check_keys(node, RULE_SET_KEYS, pointer, "a rule set")
        target, _ = self.resolve(node["x-framegen-rules-for"], pointer_join(pointer, "x-framegen-rules-for"))
        struct = self.struct_shell(target)
        own_ref = "#/$defs/" + name
        for f in struct.fields:
            if f.type.kind == ir.Kind.LIST and f.type.item.ref == target:
                got = node.get("properties", {}).get(f.wire_name, {}).get("items", {}).get("$ref")
                if got != own_ref:
                    raise _error(
                        pointer_join(pointer, "properties"),
                        f"the rule set does not recurse into {f.wire_name!r}",
                        f'add "properties": {{"{f.wire_name}": {{"items": {{"$ref": "{own_ref}"}}}}}}'
                        " so standard validators apply it to nested frames too",
                    )
        return target, self.rules(node.get("allOf", []), struct, pointer_join(pointer, "allOf"), "lint")


def _order_problem(order: list[str], properties: dict[str, Any]) -> tuple[str, str]:
    """(message, hint) naming exactly the properties x-framegen-order misses, repeats or invents."""
    missing = [p for p in properties if p not in order]
    unknown = [p for p in dict.fromkeys(order) if p not in properties]
    twice = [p for p in dict.fromkeys(order) if order.count(p) > 1]
    problems = [
        f"misses {', '.join(missing)}" if missing else "",
        f"lists {', '.join(unknown)}, not a property" if unknown else "",
        f"lists {', '.join(twice)} more than once" if twice else "",
    ]
    hints = [
        f"add {', '.join(missing)} where it goes on the wire" if missing else "",
        f"remove {', '.join(unknown)}" if unknown else "",
        f"keep one {', '.join(twice)}" if twice else "",
    ]
    message = "x-framegen-order " + "; ".join(p for p in problems if p)
    return message, "; ".join(h for h in hints if h) + " (x-framegen-order lists every property exactly once)"


def _vacuous(p: ir.Predicate, struct: ir.Struct) -> bool:
    """Predicates that hold for every canonical encoding: drop them so generated checks stay readable.

    A field without omitempty is always present; an omitempty field is present only when it is
    not its zero value (so an omitempty boolean that is present is true, a string non-empty).
    """
    if not isinstance(p, ir.Present | ir.In | ir.NotIn):
        return False
    f = next(f for f in struct.fields if f.wire_name == p.field)
    if isinstance(p, ir.Present):
        return not f.omit_empty
    if isinstance(p, ir.NotIn):  # "not empty" of a field that is only present when not empty
        return f.omit_empty and p.values == ("",)
    return f.omit_empty and f.type.kind == ir.Kind.BOOL and True in p.values


def _version(document: dict[str, Any], check: bool = True) -> tuple[str, str]:
    version = document.get("x-schema-version")
    schema_id = document.get("$id")
    if not version:
        raise _error("", "the schema has no x-schema-version", 'add "x-schema-version": "1.0.0"')
    if not schema_id:
        raise _error("", "the schema has no $id", "add an $id that carries the major version, e.g. .../v1/...")
    expected = semver.id_mismatch(schema_id, version)
    if check and expected:
        raise _error(
            "/$id",
            f"$id {schema_id!r} does not carry major version v{semver.major_of(version)}",
            f"set $id to {expected}",
        )
    return schema_id, version


def build_ir(loaded: LoadedSchema, check_version: bool = True) -> ir.Schema:
    """Build the IR of a loaded schema; a SchemaError (with its source set) on anything unsupported.

    check_version=False lets `framegen diff` load a schema whose $id and version disagree and
    report that as a failed version check instead.
    """
    try:
        return _build(loaded, check_version)
    except SchemaError as exc:
        exc.source = exc.source or loaded.source
        raise


def _build(loaded: LoadedSchema, check_version: bool) -> ir.Schema:
    document = loaded.document
    _check_keys(document, ROOT_KEYS, "", "the schema's root")
    schema_id, version = _version(document, check_version)
    builder = _Builder(document, dict(document.get("$defs", {})))
    kinds = {name: builder.classify(name, node, pointer_join("", "$defs", name)) for name, node in builder.defs.items()}
    extra_rules: dict[str, list[ir.Rule]] = {}
    for name in sorted(n for n, k in kinds.items() if k == "rules"):
        target, rules = builder.rule_set(name, builder.defs[name], pointer_join("", "$defs", name))
        extra_rules.setdefault(target, []).extend(rules)
    enums = tuple(
        builder.build_enum(n, builder.defs[n], pointer_join("", "$defs", n))
        for n in sorted(kinds)
        if kinds[n] == "enum"
    )
    structs = tuple(
        builder.build_struct(n, builder.defs[n], pointer_join("", "$defs", n), extra_rules.get(n, []))
        for n in sorted(kinds)
        if kinds[n] == "struct"
    )
    if "$ref" not in document:
        raise _error("", "the root names the top-level message with $ref", 'add "$ref": "#/$defs/Frame"')
    root, _ = builder.resolve(document["$ref"], "/$ref")
    if kinds.get(root) != "struct":
        raise _error("/$ref", "the root must refer to a struct", "")
    root_shell = next(s for s in structs if s.name == root)
    root_rules = builder.rules(document.get("allOf", []), root_shell, "/allOf", "error")
    return ir.Schema(
        id=schema_id,
        version=version,
        digest=loaded.digest,
        source=loaded.source,
        doc=str(document.get("x-framegen-package-doc", document.get("description", ""))),
        root=root,
        root_rules=tuple(root_rules),
        enums=enums,
        structs=structs,
    )
