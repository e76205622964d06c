"""The Python target's failure model: the error type of a failed response (a ResponseError with a
status) and the root dataclass's response_error() / raise_for_response(), from the IR's Failure.

ProtocolError and ResponseError do not vary with the schema and live in the static runtime; only
the error type's name, its docs and the fields the helper reads come from here.
"""

from __future__ import annotations

from typing import Any

from generator import ir
from generator.targets import python as py
from generator.targets.base import check_names

METHODS = frozenset({"response_error", "raise_for_response"})  # on the root dataclass
RUNTIME_NAMES = ("ProtocolError", "ResponseError")  # the runtime's error classes, never a generated name


def view(schema: ir.Schema) -> dict[str, object] | None:
    failure = schema.failure
    if failure is None:
        return None
    root = schema.struct(schema.root)
    ok, message, status = (root.field(w) for w in (failure.success, failure.message, failure.status))
    table = schema.messages
    responses = ", ".join(table.of_kind("response")) if table else ""
    helper = (
        f"How this response ended: None when {ok.wire_name} is true (any "
        f"{message.wire_name} text is ignored); {failure.name}({status.wire_name}, {message.wire_name}) when "
        f"{status.wire_name} is not 0; otherwise ResponseError({message.wire_name}), whose message may be empty. "
        f"Meant for responses ({responses}); the type is not looked at."
    )
    return {
        "name": failure.name,
        "doc": py.docstring(failure.doc),
        "ok": py.attr_name(ok),
        "message": py.attr_name(message),
        "status": py.attr_name(status),
        "spec": py.spec_name(schema.root),
        "wires": repr((ok.wire_name, status.wire_name, message.wire_name)),
        "helper_doc": py.docstring(helper, indent=8),
        "raise_doc": py.docstring(
            f"Raise response_error() if the response failed: {failure.name} or ResponseError.", 8
        ),
    }


def api(schema: ir.Schema) -> tuple[str, str] | None:
    """(helper, what it returns) for the docs, or None without a failure model."""
    failure = schema.failure
    if failure is None:
        return None
    root = schema.struct(schema.root)
    name = py.class_name(root.name, root.annotations)
    return (
        f"`{name}.response_error()`; `{name}.raise_for_response()` raises it",
        f"`None`, `{failure.name}` (`.status`, `.message`), or `ResponseError` (`.message`); "
        f"`{failure.name}` is a `ResponseError`, and both are `ProtocolError`s",
    )


def extend(schema: ir.Schema, context: dict[str, Any]) -> dict[str, Any]:
    """The target's template context plus the failure model: ProtocolError exported by every package; with a
    failure model, ResponseError (from the runtime), the error type (in models.py) and the helpers' view."""
    runtime = ["ResponseError"] if schema.failure else []
    exports = ["ProtocolError", *runtime]
    models = [schema.failure.name] if schema.failure else []
    return {
        **context,
        "runtime_imports": py.isort_order([*context["runtime_imports"], *runtime]),
        "runtime_exports": py.isort_order([*context["runtime_exports"], *exports]),
        "model_imports": py.isort_order([*context["model_imports"], *models]),
        "all_names": py.all_order([*context["all_names"], *exports, *models]),
        "failure": view(schema),
    }


def check(schema: ir.Schema, types: list[tuple[str, str, str]]) -> None:
    """The runtime's error classes are taken names; the error type is one more class name; no attribute of
    the root dataclass is named like a helper."""
    failure = schema.failure
    reserved = py.PYTHON_RESERVED | set(RUNTIME_NAMES)
    if failure is None:
        check_names("python", "class", types, reserved - {"ResponseError"}, str.isidentifier)
        return
    classes = [*types, (failure.name, failure.name, failure.pointer)]
    check_names("python", "class", classes, reserved, str.isidentifier)
    root = schema.struct(schema.root)
    attrs = [(py.attr_name(f), f.wire_name, f.pointer) for f in root.fields]
    check_names("python", "attribute", attrs, py.STRUCT_METHODS | METHODS, str.isidentifier)
