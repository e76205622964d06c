"""JSON Schema -> IR. The only package that knows JSON Schema keywords.

framegen supports a deliberate subset of 2020-12: structs (`type: object` with `properties`),
string enums, strings, booleans, integers, arrays of structs, raw JSON values, local `$ref`, and
per-type rules written as `allOf` of `if`/`then`. Anything else is refused with the JSON pointer
of the construct and what is supported instead.

    definitions  $ref resolution, what each definition is, built-once caches
    enums        string enums and the message facts on their values; the message table; parties
    fields       structs: field order, types, omitempty
    rules        validation rules, one handler per keyword
    failure      how a response reports failure (x-framegen-failure on the root struct)
"""

from __future__ import annotations

from typing import Any

from generator import ir, semver
from generator.build_ir import enums, failure, fields, rules
from generator.build_ir.definitions import Definitions
from generator.build_ir.keywords import ROOT_KEYS, STRUCT_KEYS, allowed, annotations, check_keys
from generator.errors import SchemaError, pointer_join
from generator.load import LoadedSchema


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
    check_keys(document, ROOT_KEYS, "", "the schema's root")
    schema_id, version = _identity(document, check_version)
    defs = Definitions(document, dict(document.get("$defs", {})))
    kinds = {name: defs.classify(name) for name in defs.defs}
    extra_rules: dict[str, list[ir.Rule]] = {}
    for name in sorted(n for n, k in kinds.items() if k == "rules"):
        target, found = rules.rule_set(defs, name)
        extra_rules.setdefault(target, []).extend(found)
    built_enums = tuple(enums.enum(defs, n) for n in sorted(kinds) if kinds[n] == "enum")
    structs = tuple(_struct(defs, n, extra_rules.get(n, [])) for n in sorted(kinds) if kinds[n] == "struct")
    if "$ref" not in document:
        raise SchemaError(
            "", "the root names the top-level message with $ref", 'add "$ref": "#/$defs/<the struct every message is>"'
        )
    root, _ = defs.resolve(document["$ref"], "/$ref")
    if kinds.get(root) != "struct":
        raise SchemaError("/$ref", "the root must refer to a struct", "")
    _check_cycles(structs)
    root_struct = next(s for s in structs if s.name == root)
    root_rules = rules.rules(defs, document.get("allOf", []), fields.shell(defs, root), "/allOf", "error")
    table = enums.messages(root_struct, built_enums)
    return ir.Schema(
        id=schema_id,
        version=version,
        digest=loaded.digest,
        source=loaded.source,
        doc=str(document.get("x-framegen-package-doc", document.get("description", ""))),
        root=root,
        root_rules=tuple(root_rules),
        enums=built_enums,
        structs=structs,
        messages=table,
        parties=enums.parties(document, table),
        failure=failure.failure(defs, root_struct, table),
    )


def _struct(defs: Definitions, name: str, rule_set: list[ir.Rule]) -> ir.Struct:
    node, pointer = defs.defs[name], defs.pointer(name)
    check_keys(node, allowed(STRUCT_KEYS, "struct"), pointer, "a struct")
    shell = fields.shell(defs, name)
    own = rules.property_rules(defs, shell, node.get("properties", {}), pointer)
    own += rules.rules(defs, node.get("allOf", []), shell, pointer_join(pointer, "allOf"), "error")
    return ir.Struct(
        name=name,
        doc=shell.doc,
        fields=shell.fields,
        rules=tuple(own) + tuple(rule_set),
        annotations=annotations(node, "struct"),
        pointer=pointer,
        children=shell.children,
    )


def _check_cycles(structs: tuple[ir.Struct, ...]) -> None:
    """A struct may hold a list of itself (a snapshot's items); any other way back to itself is refused:
    a required one could never end, and validators walk only that one kind of recursion."""
    edges = {
        s.name: [
            (f, t.ref)
            for f in s.fields
            for t in (f.type, f.type.item)
            if t and t.kind == ir.Kind.STRUCT and not (f.type.kind == ir.Kind.LIST and t.ref == s.name)
        ]
        for s in structs
    }
    for start in edges:
        stack, seen = [(start, (start,))], {start}
        while stack:
            name, path = stack.pop()
            for f, target in edges[name]:
                if target == start:
                    raise SchemaError(
                        f.pointer,
                        f"a cycle of struct fields: {' -> '.join((*path, target))}",
                        "a struct may hold a list of itself; break the cycle with such a list or a raw field",
                    )
                if target not in seen:
                    seen.add(target)
                    stack.append((target, (*path, target)))


def _identity(document: dict[str, Any], check: bool) -> tuple[str, str]:
    version = document.get("x-schema-version")
    schema_id = document.get("$id")
    if not version:
        raise SchemaError("", "the schema has no x-schema-version", 'add "x-schema-version": "1.0.0"')
    if not schema_id:
        raise SchemaError("", "the schema has no $id", "add an $id that carries the major version, e.g. .../v1/...")
    if not semver.is_valid(version):
        raise SchemaError(
            "/x-schema-version", f"x-schema-version {version!r} is not MAJOR.MINOR.PATCH", 'write e.g. "1.2.0"'
        )
    expected = semver.id_mismatch(schema_id, version)
    if check and expected:
        raise SchemaError(
            "/$id",
            f"$id {schema_id!r} does not carry major version v{semver.major_of(version)}",
            f"set $id to {expected}",
        )
    return schema_id, version
