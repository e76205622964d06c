"""Validation rules: `allOf` entries of `if`/`then` (or plain assertions), and constraints on properties.

A rule becomes a conjunction of conditions (`when`) and of checks (`then`) over one struct's
fields. Each keyword a condition may use has one handler below. Predicates are kept in the
struct's field order, so the key order of the schema file never changes generated code.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Any

from generator import ir
from generator.build_ir import enums, fields
from generator.build_ir.definitions import Definitions
from generator.build_ir.keywords import (
    ASSERTION_KEYS,
    CONSTRAINT_KEYS,
    DOC_KEYS,
    RULE_KEYS,
    RULE_SET_KEYS,
    VALUE_KEYS,
    check_keys,
    doc,
)
from generator.errors import SchemaError, pointer_join
from generator.naming import split_words
from generator.targets import python_regex


def rules(defs: Definitions, entries: Any, struct: ir.Struct, pointer: str, level: str) -> list[ir.Rule]:
    if not isinstance(entries, list):
        raise SchemaError(pointer, "allOf must be an array", "write a list of rules")
    return [rule(defs, e, struct, pointer_join(pointer, i), level) for i, e in enumerate(entries)]


def rule(defs: Definitions, node: Any, struct: ir.Struct, pointer: str, level: str) -> ir.Rule:
    if not isinstance(node, dict) or "x-framegen-rule" not in node or "x-framegen-level" not in node:
        raise SchemaError(
            pointer,
            "a rule needs x-framegen-rule and x-framegen-level",
            "name every allOf entry: 'x-framegen-rule': 'id', 'x-framegen-level': 'error'",
        )
    check_keys(node, RULE_KEYS, pointer, "a rule")
    if node["x-framegen-level"] != level:
        raise SchemaError(
            pointer_join(pointer, "x-framegen-level"),
            f"a rule here is enforced by standard validators at level {level!r}",
            "move lint rules to the definition named by x-framegen-rules-for, error rules to the struct",
        )
    if "if" in node:
        when = conjunction(defs, node["if"], struct, pointer_join(pointer, "if"))
        if any(isinstance(p, ir.Each) for p in when):
            raise SchemaError(
                pointer_join(pointer, "if"), "'items' conditions in 'if' are not supported", "condition on own fields"
            )
        if "then" not in node or set(node) & ASSERTION_KEYS:
            raise SchemaError(
                pointer, "a conditional rule has 'if' and 'then' and nothing else", "move checks into 'then'"
            )
        then = conjunction(defs, node["then"], struct, pointer_join(pointer, "then"))
    else:
        assertions = {k: v for k, v in node.items() if k in ASSERTION_KEYS}
        when, then = (), conjunction(defs, assertions, struct, pointer)
    if not then:
        raise SchemaError(pointer, "the rule checks nothing", "add 'required', 'properties', 'not' or 'anyOf'")
    for_kind = node.get("x-framegen-for-kind", "")
    if for_kind:
        check_for_kind(defs, for_kind, when, struct, pointer)
    return ir.Rule(node["x-framegen-rule"], level, doc(node), when, then, for_kind, pointer=pointer)


PLURAL = {"request": "requests", "response": "responses", "push": "pushes"}
KINDS = tuple(PLURAL)


def check_for_kind(
    defs: Definitions, kind: Any, when: tuple[ir.Predicate, ...], struct: ir.Struct, pointer: str
) -> None:
    """A rule for a kind tests the message type with exactly the values of that kind, so a new value of
    the kind cannot be added without it (a standard validator reads only the list)."""
    if kind not in KINDS:
        raise SchemaError(pointer_join(pointer, "x-framegen-for-kind"), f"unknown kind {kind!r}", f"one of {KINDS}")
    tests = [
        (p, f)
        for p in when
        if isinstance(p, ir.In)
        for f in [_field(struct, p.field, pointer)]
        if f.type.kind == ir.Kind.ENUM and any(v.kind for v in enums.enum(defs, f.type.ref).values)
    ]
    if not tests:
        raise SchemaError(
            pointer,
            f"a rule for every {kind} tests the message type in 'if'",
            'add "if": {"required": ["type"], "properties": {"type": {"enum": [...]}}} listing every ' + kind,
        )
    test, f = tests[0]
    expected = [v.value for v in enums.enum(defs, f.type.ref).values if v.kind == kind]
    missing = [v for v in expected if v not in test.values]
    extra = [v for v in test.values if v not in expected]
    if missing or extra:
        enum = f"its {f.wire_name} enum"
        problems = [f"misses the {kind} {', '.join(missing)}" if missing else ""]
        problems.append(f"lists {', '.join(map(str, extra))}, not of kind {kind}" if extra else "")
        hints = [f"add {', '.join(json.dumps(v) for v in missing)} to {enum}" if missing else ""]
        hints.append(f"remove {', '.join(json.dumps(v) for v in extra)} from {enum}" if extra else "")
        raise SchemaError(
            pointer_join(pointer, "if", "properties", f.wire_name),
            f"a rule for every {kind} (x-framegen-for-kind) " + " and ".join(p for p in problems if p),
            "; ".join(h for h in hints if h) + f" (it lists exactly the {PLURAL[kind]})",
        )


def conjunction(defs: Definitions, node: Any, struct: ir.Struct, pointer: str) -> tuple[ir.Predicate, ...]:
    if not isinstance(node, dict):
        raise SchemaError(pointer, "a condition must be a schema object", "write {'required': [...]} or similar")
    check_keys(node, ASSERTION_KEYS | DOC_KEYS, pointer, "a rule condition")
    out: list[ir.Predicate] = [
        ir.Present(_field(struct, n, pointer_join(pointer, "required")).wire_name) for n in node.get("required", [])
    ]
    properties = node.get("properties", {})
    for wire in sorted(properties, key=lambda w: _position(struct, w, pointer_join(pointer, "properties"))):
        f = struct.field(wire)
        out += value_predicates(defs, f, properties[wire], pointer_join(pointer, "properties", wire))
    if "not" in node:
        negated = node["not"]
        if not isinstance(negated, dict) or set(negated) != {"required"} or len(negated["required"]) != 1:
            raise SchemaError(
                pointer_join(pointer, "not"),
                "only 'not': {'required': [one field]} is supported",
                "it says the field is absent (its zero value)",
            )
        out.append(ir.Absent(_field(struct, negated["required"][0], pointer_join(pointer, "not")).wire_name))
    if "anyOf" in node:
        alternatives = tuple(
            conjunction(defs, a, struct, pointer_join(pointer, "anyOf", i)) for i, a in enumerate(node["anyOf"])
        )
        if any(isinstance(p, ir.Each) for a in alternatives for p in a):
            raise SchemaError(
                pointer_join(pointer, "anyOf"),
                "'items' conditions inside anyOf are not supported",
                "write the items condition at the top of the rule's 'then'",
            )
        if all(alternatives):  # an empty alternative always holds, and so does the anyOf
            out.append(ir.AnyOf(alternatives))
    return tuple(p for p in out if not _vacuous(p, struct))


# ---- one handler per keyword of a property condition ---------------------------------------
#
# A handler turns one keyword written on a field's schema (in a rule, or on the property itself)
# into predicates. The subject is a field, or an element of a list or map (a field named "").

Handler = Callable[[Definitions, ir.Field, dict[str, Any], str], list[ir.Predicate]]
NUMBERS = (ir.Kind.INT, ir.Kind.FLOAT)
STRINGS = (ir.Kind.STRING, ir.Kind.ENUM)


def _const(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    return [ir.In(f.wire_name, (_scalar(defs, f, node["const"], pointer_join(pointer, "const")),))]


def _enum(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    if not isinstance(node["enum"], list):
        raise SchemaError(pointer_join(pointer, "enum"), "enum lists the allowed values", "write an array")
    values = tuple(_scalar(defs, f, v, pointer_join(pointer, "enum", i)) for i, v in enumerate(node["enum"]))
    return [ir.In(f.wire_name, values)]


def _not(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    inner = node["not"]
    values = inner.get("enum", [inner["const"]] if "const" in inner else None) if isinstance(inner, dict) else None
    if values is None or set(inner) - {"enum", "const"}:
        raise SchemaError(pointer_join(pointer, "not"), "only 'not' of 'const' or 'enum' is supported here", "")
    return [ir.NotIn(f.wire_name, tuple(_scalar(defs, f, v, pointer_join(pointer, "not")) for v in values))]


def _length(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    _expect(f, STRINGS, "minLength and maxLength", "string", pointer)
    low, high = (_count_bound(node, k, pointer) for k in ("minLength", "maxLength"))
    if low == 1 and high is None:
        return [ir.NotIn(f.wire_name, ("",))]  # "not empty", the common case, reads better
    return [ir.Length(f.wire_name, low, high)]


_RULE_SUFFIXES = {ir.In: "known", ir.Range: "range", ir.Length: "length", ir.Matches: "pattern", ir.IsObject: "object"}


def _suggested_rule_id(f: ir.Field, found: list[ir.Predicate]) -> str:
    """An ID in the schema's style for a property's constraints: role-known, limit-range, name-pattern."""
    inner = [p.predicates[0] if isinstance(p, ir.Each) and p.predicates else p for p in found]
    suffixes = {_RULE_SUFFIXES.get(type(p), "valid") for p in inner}
    return "-".join([*split_words(f.wire_name), suffixes.pop() if len(suffixes) == 1 else "valid"])


def _pattern(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    _expect(f, STRINGS, "a pattern", "string", pointer)
    if not isinstance(node["pattern"], str):
        raise SchemaError(pointer_join(pointer, "pattern"), "a pattern is a string", "")
    try:  # RE2 is the patterns' dialect (Go compiles them); the targets refuse what they cannot express
        python_regex.translate(node["pattern"])
    except python_regex.Untranslatable as exc:
        if exc.invalid:
            raise SchemaError(pointer_join(pointer, "pattern"), f"invalid pattern: {exc.message}", exc.hint) from None
    return [ir.Matches(f.wire_name, node["pattern"], pointer_join(pointer, "pattern"))]


def _bounds(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    return [value_range(f, node, pointer)]


def _count(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    keys = ("minItems", "maxItems") if f.type.kind == ir.Kind.LIST else ("minProperties", "maxProperties")
    other = {"minItems", "maxItems", "minProperties", "maxProperties"} - set(keys)
    if f.type.kind not in (ir.Kind.LIST, ir.Kind.MAP) or other & set(node):
        word = next(k for k in ("minItems", "maxItems", "minProperties", "maxProperties") if k in node)
        raise SchemaError(
            pointer_join(pointer, word),
            f"{word} does not apply to {f.wire_name or 'an element'} ({f.type.kind})",
            "minItems/maxItems apply to arrays, minProperties/maxProperties to maps",
        )
    low, high = (_count_bound(node, k, pointer) for k in keys)
    return [ir.Count(f.wire_name, low, high)]


def _format(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    _expect(f, (ir.Kind.STRING,), "format", "string", pointer)
    if node["format"] != "date-time":
        raise SchemaError(pointer_join(pointer, "format"), f"format {node['format']!r} is not checked", "use date-time")
    return [ir.Format(f.wire_name, "date-time")]


def _type(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    """On a raw field, 'object' checks the JSON type; elsewhere the field's own type says "not null"."""
    if f.type.kind == ir.Kind.RAW:
        if node["type"] != "object":
            raise SchemaError(pointer_join(pointer, "type"), "only 'type': 'object' on a raw field is supported", "")
        return [ir.IsObject(f.wire_name)]
    own = {
        ir.Kind.STRING: "string",
        ir.Kind.ENUM: "string",
        ir.Kind.BOOL: "boolean",
        ir.Kind.INT: "integer",
        ir.Kind.FLOAT: "number",
        ir.Kind.LIST: "array",
        ir.Kind.MAP: "object",
        ir.Kind.STRUCT: "object",
    }[f.type.kind]
    if node["type"] != own and not (node["type"] == "number" and own == "integer"):
        raise SchemaError(pointer_join(pointer, "type"), f"{f.wire_name or 'the element'} is a {own}", f"write {own!r}")
    return [ir.NotNull(f.wire_name)] if f.type.nullable else []  # any decoded value already has the type


def _elements(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    """'items' of a list, 'additionalProperties' of a map: predicates every element meets."""
    keyword = "items" if "items" in node else "additionalProperties"
    expected = ir.Kind.LIST if keyword == "items" else ir.Kind.MAP
    if f.type.kind != expected:
        raise SchemaError(pointer_join(pointer, keyword), f"'{keyword}' applies to {expected} fields only", "")
    return [ir.Each(f.wire_name, element_predicates(defs, f.type.item, node[keyword], pointer_join(pointer, keyword)))]


def _content(defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str) -> list[ir.Predicate]:
    """A $ref on a raw field declares the struct its content decodes into."""
    where = pointer_join(pointer, "$ref")
    name, _ = defs.resolve(node["$ref"], where)
    if f.type.kind != ir.Kind.RAW or name == "#" or defs.classify(name) != "struct":
        raise SchemaError(where, "a $ref in a condition declares the content of a raw field", "refer to a struct")
    fields.shell(defs, name)
    return [ir.Conforms(f.wire_name, name)]


VALUE_HANDLERS: dict[str, Handler] = {  # in this order: the order of predicates, hence of findings
    "const": _const,
    "enum": _enum,
    "not": _not,
    "minLength": _length,  # minLength and maxLength make one Length
    "pattern": _pattern,
    "format": _format,
    "minimum": _bounds,  # the four bounds make one Range
    "minItems": _count,  # the item or member counts make one Count
    "type": _type,
    "$ref": _content,
    "items": _elements,
}
_SAME_HANDLER = {
    "maxLength": "minLength",
    "maximum": "minimum",
    "exclusiveMinimum": "minimum",
    "exclusiveMaximum": "minimum",
    "maxItems": "minItems",
    "minProperties": "minItems",
    "maxProperties": "minItems",
    "additionalProperties": "items",
}


def value_predicates(defs: Definitions, f: ir.Field, node: Any, pointer: str) -> list[ir.Predicate]:
    if not isinstance(node, dict):
        raise SchemaError(pointer, "a property condition must be a schema object", "write {'const': ...}")
    check_keys(node, VALUE_KEYS, pointer, "a rule's property condition")
    keys = {_SAME_HANDLER.get(k, k) for k in node}
    return [p for key in VALUE_HANDLERS if key in keys for p in VALUE_HANDLERS[key](defs, f, node, pointer)]


def element_predicates(defs: Definitions, item: ir.TypeRef, node: Any, pointer: str) -> tuple[ir.Predicate, ...]:
    """Predicates on a list's items or a map's values: on a struct's fields, or on the element itself (field "")."""
    if item.kind == ir.Kind.STRUCT:
        return conjunction(defs, node, fields.shell(defs, item.ref), pointer)
    element = ir.Field(wire_name="", doc="", type=item, omit_empty=False)
    return tuple(value_predicates(defs, element, node, pointer))


def value_range(f: ir.Field, node: dict[str, Any], pointer: str) -> ir.Range:
    keys = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")
    bounds = {k: node.get(k) for k in keys}
    integral = f.type.kind == ir.Kind.INT
    for k, b in bounds.items():
        ok = b is None or (type(b) is int if integral else type(b) in (int, float))
        if f.type.kind not in NUMBERS or not ok:
            raise SchemaError(
                pointer_join(pointer, k),
                f"{k} applies to number fields, with {'integer' if integral else 'number'} bounds",
                "",
            )
    for k, b in bounds.items():
        if b is not None:
            _check_number(f, b, pointer_join(pointer, k), k)
    if bounds["minimum"] is not None and bounds["exclusiveMinimum"] is not None:
        raise SchemaError(pointer, "give minimum or exclusiveMinimum, not both", "")
    if bounds["maximum"] is not None and bounds["exclusiveMaximum"] is not None:
        raise SchemaError(pointer, "give maximum or exclusiveMaximum, not both", "")
    return ir.Range(
        f.wire_name,
        bounds["minimum"] if bounds["minimum"] is not None else bounds["exclusiveMinimum"],
        bounds["maximum"] if bounds["maximum"] is not None else bounds["exclusiveMaximum"],
        exclusive_minimum=bounds["exclusiveMinimum"] is not None,
        exclusive_maximum=bounds["exclusiveMaximum"] is not None,
    )


def _check_number(f: ir.Field, value: int | float, pointer: str, what: str) -> None:
    """A bound or value a generated comparison can hold: a finite float64 for a number field (1e309 reads as
    infinity, and 10**400 has no float64), within the field's own range for an integer field."""
    subject = f.wire_name or "the element"
    shown = repr(value) if len(repr(value)) <= 40 else f"{repr(value)[:20]}... ({len(repr(value))} digits)"
    shown = {"inf": "infinity", "-inf": "-infinity"}.get(shown, shown)
    if f.type.kind == ir.Kind.INT:
        low, high = ir.INT_FORMATS[f.type.format]
        if not low <= value <= high:
            raise SchemaError(
                pointer,
                f"{what} {shown} is out of the range of {subject} ({f.type.format or 'int'}: {low} to {high})",
                "remove it if every value meets it, or write a bound within that range",
            )
        return
    try:
        finite = math.isfinite(float(value))
    except OverflowError:
        finite = False
    if not finite:
        raise SchemaError(
            pointer,
            f"{what} is past float64's range (it reads as {shown})"
            if isinstance(value, float)
            else f"{what} {shown} is past float64's range",
            "write a bound within ±1.7976931348623157e308 (a JSON number past it reads as infinity)",
        )


def _count_bound(node: dict[str, Any], key: str, pointer: str) -> int | None:
    value = node.get(key)
    if value is not None and (type(value) is not int or value < 0):
        raise SchemaError(pointer_join(pointer, key), f"{key} is a non-negative integer", "")
    return value


def _expect(f: ir.Field, kinds: tuple[ir.Kind, ...], what: str, noun: str, pointer: str) -> None:
    if f.type.kind not in kinds:
        raise SchemaError(
            pointer, f"{what} applies to {noun} fields; {f.wire_name or 'the element'} is {f.type.kind}", ""
        )


def _scalar(defs: Definitions, f: ir.Field, value: Any, pointer: str) -> str | bool | int | float:
    expected: tuple[type, ...] = {
        ir.Kind.STRING: (str,),
        ir.Kind.ENUM: (str,),
        ir.Kind.BOOL: (bool,),
        ir.Kind.INT: (int,),
        ir.Kind.FLOAT: (int, float),
    }.get(f.type.kind, ())
    if type(value) not in expected:
        raise SchemaError(pointer, f"{value!r} cannot be a value of {f.wire_name or 'the element'} ({f.type.kind})", "")
    if f.type.kind == ir.Kind.INT and not ir.INT_FORMATS[f.type.format][0] <= value <= ir.INT_FORMATS[f.type.format][1]:
        raise SchemaError(
            pointer, f"{value} is out of the range of {f.type.format or 'int'}", "no value of the field equals it"
        )
    if f.type.kind == ir.Kind.FLOAT:
        _check_number(f, value, pointer, "value")
    known = {v.value for v in enums.enum(defs, f.type.ref).values} if f.type.kind == ir.Kind.ENUM else set()
    if f.type.kind == ir.Kind.ENUM and value != "" and value not in known:
        raise SchemaError(pointer, f"{value!r} is not a {f.type.ref} value", "check the spelling")
    return float(value) if f.type.kind == ir.Kind.FLOAT else value


def _position(struct: ir.Struct, wire: str, pointer: str) -> int:
    return struct.fields.index(_field(struct, wire, pointer))


def _field(struct: ir.Struct, wire: str, pointer: str) -> ir.Field:
    for f in struct.fields:
        if f.wire_name == wire:
            return f
    raise SchemaError(
        pointer, f"{struct.name} has no property {wire!r}", "fields: " + ", ".join(f.wire_name for f in struct.fields)
    )


def _vacuous(p: ir.Predicate, struct: ir.Struct) -> bool:
    """Predicates that hold for every canonical encoding: drop them so generated checks stay readable.

    A field without omitempty is always present; an omitempty field is present only when it is
    not its zero value (so an omitempty boolean that is present is true, a string non-empty).
    """
    if not isinstance(p, ir.Present | ir.In | ir.NotIn):
        return False
    f = struct.field(p.field)
    if isinstance(p, ir.Present):
        return not f.omit_empty
    if f.type.nullable:  # present means not None, whatever the value: a pointer to "" is written ""
        return False
    if isinstance(p, ir.NotIn):  # "not empty" of a field that is only present when not empty
        return f.omit_empty and p.values == ("",)
    return f.omit_empty and f.type.kind == ir.Kind.BOOL and True in p.values


# ---- constraints written on a property itself ------------------------------------------------


def property_rules(defs: Definitions, struct: ir.Struct, properties: dict[str, Any], pointer: str) -> list[ir.Rule]:
    """Constraints written on properties (enum membership, a raw value's JSON type, bounds, lengths, patterns,
    counts, and the same on list items and map values), grouped by x-framegen-rule, at error level.

    Each field keeps a message of its own ("templateFull is a JSON object"), so a finding says
    which constraint of the group failed.
    """
    grouped: dict[str, list[tuple[ir.Predicate, str, str]]] = {}
    for f in struct.fields:
        where = pointer_join(pointer, "properties", f.wire_name)
        node = defs.field_schema(properties[f.wire_name], where)
        rule_id = node.get("x-framegen-rule")
        found = _property_constraints(defs, f, node, where, named=bool(rule_id))
        if not found:
            if rule_id:
                raise SchemaError(
                    pointer_join(where, "x-framegen-rule"), "this property has no constraint to name", "remove it"
                )
            continue
        if not rule_id:
            suggested = _suggested_rule_id(f, [p for p, _ in found])
            raise SchemaError(
                where,
                "a constrained property needs an x-framegen-rule ID: it names the findings and the diff's rules",
                f"add 'x-framegen-rule': '{suggested}' (a stable ID of your choice)",
            )
        grouped.setdefault(rule_id, []).extend((p, text, where) for p, text in found)
    out = []
    for rid, found in grouped.items():
        by_field: dict[str, list[str]] = {}
        for p, text, _ in found:
            by_field.setdefault(p.field, []).append(text)
        docs = tuple((field, "; ".join(texts)) for field, texts in by_field.items()) if len(by_field) > 1 else ()
        doc_text = "; ".join(text for _, text, _ in found)
        out.append(
            ir.Rule(rid, "error", doc_text, (), tuple(p for p, _, _ in found), field_docs=docs, pointer=found[0][2])
        )
    return out


def _property_constraints(
    defs: Definitions, f: ir.Field, node: dict[str, Any], pointer: str, named: bool
) -> list[tuple[ir.Predicate, str]]:
    """(predicate, message) for what a property's own schema requires of its value. `format` is an
    annotation unless the property names a rule (JSON Schema's default: format does not assert)."""
    out: list[tuple[ir.Predicate, str]] = []
    if f.type.kind == ir.Kind.ENUM:
        empty = {"const": ""} in node.get("anyOf", [])  # [enum, {const: ""}]; [enum, {type: null}] admits no ""
        values = tuple(v.value for v in enums.enum(defs, f.type.ref).values) + (("",) if empty else ())
        out.append((ir.In(f.wire_name, values), f"{f.wire_name} is a {f.type.ref} value"))
    if f.type.kind == ir.Kind.RAW and node.get("type") == "object":
        out.append((ir.IsObject(f.wire_name), f"{f.wire_name} is a JSON object"))
    written = {k: node[k] for k in CONSTRAINT_KEYS | ({"format"} if named else set()) if k in node}
    if f.type.kind != ir.Kind.STRING:
        written.pop("format", None)
    out += [(p, describe(p)) for p in value_predicates(defs, f, written, pointer)] if written else []
    if f.type.kind in (ir.Kind.LIST, ir.Kind.MAP):
        keyword = "items" if f.type.kind == ir.Kind.LIST else "additionalProperties"
        element = _element_constraints(defs, f.type.item, node[keyword], pointer_join(pointer, keyword), named)
        if element:
            each = ir.Each(f.wire_name, tuple(p for p, _ in element))
            out.append((each, f"every element of {f.wire_name}: " + "; ".join(text for _, text in element)))
    return out


def _element_constraints(
    defs: Definitions, item: ir.TypeRef, node: dict[str, Any], pointer: str, named: bool
) -> list[tuple[ir.Predicate, str]]:
    """What a list's item schema (or a map's value schema) requires of each element, structs aside
    (a struct's own rules apply to it wherever it is)."""
    if item.kind == ir.Kind.STRUCT:
        return []
    node = defs.field_schema(node, pointer)
    element = ir.Field(wire_name="", doc="", type=item, omit_empty=False)
    out: list[tuple[ir.Predicate, str]] = []
    if item.kind == ir.Kind.ENUM:
        out.append((ir.In("", tuple(v.value for v in enums.enum(defs, item.ref).values)), f"a {item.ref} value"))
    written = {k: node[k] for k in CONSTRAINT_KEYS | ({"format"} if named else set()) if k in node}
    out += [(p, describe(p)) for p in value_predicates(defs, element, written, pointer)] if written else []
    return out


def describe(p: ir.Predicate) -> str:
    """The message of a finding for a property constraint, in words."""
    subject = p.field or "the element"
    if isinstance(p, ir.In):
        return f"{subject} is {' or '.join(repr(v) for v in p.values)}"
    if isinstance(p, ir.NotIn):
        return (
            f"{subject} is not empty" if p.values == ("",) else f"{subject} is not {' or '.join(map(repr, p.values))}"
        )
    if isinstance(p, ir.Length | ir.Count):
        unit = "characters" if isinstance(p, ir.Length) else "elements"
        return f"{subject} has {_between(p.minimum, p.maximum)} {unit}"
    if isinstance(p, ir.Matches):
        return f"{subject} matches {p.pattern}"
    if isinstance(p, ir.Format):
        return f"{subject} is an RFC 3339 date-time"
    if isinstance(p, ir.Range):
        if p.maximum is None:
            return f"{subject} is {'more than' if p.exclusive_minimum else 'at least'} {_bound(p.minimum)}"
        if p.minimum is None:
            return f"{subject} is {'less than' if p.exclusive_maximum else 'at most'} {_bound(p.maximum)}"
        low = "(" if p.exclusive_minimum else "["
        high = ")" if p.exclusive_maximum else "]"
        return f"{subject} is within {low}{_bound(p.minimum)}, {_bound(p.maximum)}{high}"
    if isinstance(p, ir.NotNull):
        return f"{subject} is not null"
    return f"{subject} is valid"


def _between(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        return f"{low} to {high}" if low != high else f"exactly {low}"
    return f"at least {low}" if low is not None else f"at most {high}"


def _bound(value: int | float | None) -> str:
    return "" if value is None else repr(value)


# ---- rule sets: a definition holding another level's rules for a struct -------------------------


def rule_set(defs: Definitions, name: str) -> tuple[str, list[ir.Rule]]:
    """A definition of lint rules for a struct, recursing into its list fields like the struct does."""
    node, pointer = defs.defs[name], defs.pointer(name)
    check_keys(node, RULE_SET_KEYS, pointer, "a rule set")
    target, _ = defs.resolve(node["x-framegen-rules-for"], pointer_join(pointer, "x-framegen-rules-for"))
    struct = fields.shell(defs, target)
    own_ref = "#/$defs/" + name
    for wire in struct.children:
        got = node.get("properties", {}).get(wire, {}).get("items", {}).get("$ref")
        if got != own_ref:
            raise SchemaError(
                pointer_join(pointer, "properties"),
                f"the rule set does not recurse into {wire!r}",
                f'add "properties": {{"{wire}": {{"items": {{"$ref": "{own_ref}"}}}}}}'
                " so standard validators apply it to nested frames too",
            )
    return target, rules(defs, node.get("allOf", []), struct, pointer_join(pointer, "allOf"), "lint")
