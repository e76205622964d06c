"""Rules over a generated type itself (a struct or an enum): its documentation and the names the
targets give it. The wire never sees these; code using the generated types does."""

from __future__ import annotations

from generator import ir
from generator.diff.context import Context
from generator.diff.model import BREAKING, INFO, Bump, Finding
from generator.diff.rules.registry import annotation, hit, rule

Type = ir.Struct | ir.Enum


def _doc_rule(id: str, kind: str) -> None:
    @rule(id, kind, "documentation only: the generated doc comments change")
    def check(old: Type | None, new: Type | None, ctx: Context) -> list[Finding]:
        if not old or not new or old.doc == new.doc:
            return []
        return hit(new.name, f"description of {kind} {new.name} changed", INFO, Bump.PATCH)


def _name_rule(id: str, kind: str, key: str, label: str) -> None:
    @rule(id, kind, f"the {kind}'s {label} changed: wire-compatible, breaks code using the generated type")
    def check(old: Type | None, new: Type | None, ctx: Context) -> list[Finding]:
        if not old or not new or annotation(old.annotations, key) == annotation(new.annotations, key):
            return []
        before, after = annotation(old.annotations, key) or "(default)", annotation(new.annotations, key) or "(default)"
        return hit(new.name, f"{label} of {kind} {new.name}: {before} -> {after}", BREAKING, Bump.MAJOR, api_break=True)


_doc_rule("STRUCT_DESCRIPTION_CHANGED", "struct")
_doc_rule("ENUM_DESCRIPTION_CHANGED", "enum")
_name_rule("STRUCT_GO_NAME_CHANGED", "struct", "go.name", "Go name (x-go-name)")
_name_rule("STRUCT_PYTHON_NAME_CHANGED", "struct", "python.name", "Python name (x-python-name)")
_name_rule("ENUM_GO_NAME_CHANGED", "enum", "go.name", "Go name (x-go-name)")
_name_rule("ENUM_PYTHON_NAME_CHANGED", "enum", "python.name", "Python name (x-python-name)")
_name_rule("ENUM_GO_CONST_PREFIX_CHANGED", "enum", "go.const_prefix", "Go constant prefix (x-go-const-prefix)")
