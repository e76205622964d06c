"""The schema's definitions: local $ref resolution, what each definition is, and the built-once caches."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from generator import ir
from generator.build_ir.keywords import DOC_KEYS, ENTRY_KEYS
from generator.errors import SchemaError, pointer_join

FIELD_SCHEMA_TYPES = frozenset({"string", "boolean", "integer", "array"})


@dataclass
class Definitions:
    document: dict[str, Any]
    defs: dict[str, Any]
    enums: dict[str, ir.Enum] = field(default_factory=dict)  # built once: rules look enums up often
    shells: dict[str, ir.Struct] = field(default_factory=dict)  # a struct's fields, before its rules

    @staticmethod
    def pointer(name: str) -> str:
        return pointer_join("", "$defs", name)

    def resolve(self, ref: str, pointer: str) -> tuple[str, dict[str, Any]]:
        """Resolve a local $ref to (definition name, schema); only #/$defs/<name> and # are supported."""
        if ref == "#":
            return "#", self.document
        match = re.fullmatch(r"#/\$defs/([^/]+)", ref)
        if not match:
            raise SchemaError(pointer, f"$ref {ref!r} is not supported", "use a local reference such as '#/$defs/Name'")
        name = match.group(1).replace("~1", "/").replace("~0", "~")
        if name not in self.defs:
            known = ", ".join(sorted(self.defs)) or "none"
            raise SchemaError(pointer, f"$ref {ref!r} points nowhere", f"definitions in $defs: {known}")
        return name, self.defs[name]

    def classify(self, name: str) -> str:
        """'enum', 'struct', 'scalar' (a reusable field schema), 'rules' (a rule set) or 'entry' (an allOf of $refs)."""
        if name == "#":
            raise SchemaError("/$ref", "the root schema is not a definition", "refer to a definition in $defs")
        node, pointer = self.defs[name], self.pointer(name)
        if not isinstance(node, dict):
            raise SchemaError(pointer, "a definition must be an object", "write a schema object")
        if "enum" in node:
            return "enum"
        if node.get("x-framegen-raw") or node.get("type") in FIELD_SCHEMA_TYPES:
            return "scalar"  # inlined where a property refers to it
        if node.get("type") == "object":
            return "struct"
        if "x-framegen-rules-for" in node:
            return "rules"
        if set(node) <= ENTRY_KEYS and all(set(s) == {"$ref"} for s in node.get("allOf", [{}])):
            return "entry"
        if set(node) - DOC_KEYS == {"$ref"}:
            self.alias_error(name)
        raise SchemaError(
            pointer,
            f"cannot tell what definition {name!r} is",
            "a definition is a string enum, an object with properties, a rule set with "
            "x-framegen-rules-for, or an allOf of $refs",
        )

    def alias_error(self, name: str) -> None:
        """A definition that is only a $ref: name the cycle if there is one, else say to refer to the target."""
        chain = [name]
        node = self.defs[name]
        while isinstance(node, dict) and set(node) - DOC_KEYS == {"$ref"}:
            target, node = self.resolve(node["$ref"], pointer_join(self.pointer(chain[-1]), "$ref"))
            if target in chain:
                cycle = " -> ".join([*chain[chain.index(target) :], target])
                raise SchemaError(
                    pointer_join(self.pointer(name), "$ref"),
                    f"a cycle of $refs the IR cannot represent: {cycle}",
                    "give one definition in the cycle a schema of its own (an object or an enum)",
                )
            chain.append(target)
        raise SchemaError(
            pointer_join(self.pointer(name), "$ref"),
            f"definition {name!r} is only a $ref to {chain[-1]!r}",
            f"refer to '#/$defs/{chain[-1]}' directly",
        )

    def field_schema(self, node: Any, pointer: str) -> Any:
        """A property that refers to a reusable field schema in $defs, with the referring keywords on top."""
        if isinstance(node, dict) and "$ref" in node:
            name, target = self.resolve(node["$ref"], pointer_join(pointer, "$ref"))
            if name != "#" and self.classify(name) == "scalar":
                return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return node
