"""The Go target's failure model: errors.go, holding the error type of a failed response and the
root struct's ResponseError method, from the IR's Failure (absent when the schema states none).

The error type's shape is fixed (Status int, Message string, a pointer-receiver Error returning
Message): the real Worker's code builds it with a composite literal and finds it with errors.As.
"""

from __future__ import annotations

from generator import ir
from generator.errors import SchemaError
from generator.render import environment
from generator.targets import go
from generator.targets.base import GeneratedFile, check_names

METHOD = "ResponseError"  # the root struct's method; a field of that name would clash with it
FILENAME = "errors.go"
GO_TYPES = {"success": ("bool",), "message": ("string",), "status": ("int", "int64", "int32", "uint32")}


def method_doc(schema: ir.Schema, failure: ir.Failure) -> list[str]:
    root = schema.struct(schema.root)
    ok, message, status = (go.field_name(root.field(w)) for w in (failure.success, failure.message, failure.status))
    table = schema.messages
    consts = go.enum_consts(schema.enum(table.enum)) if table else {}
    responses = ", ".join(consts[v] for v in table.of_kind("response")) if table else ""
    text = (
        f"{METHOD} turns a response into an error: nil when {ok} is true (any {message} text is "
        f"ignored); a *{failure.name} with {status} and {message} when {status} is not 0; otherwise an "
        f"error whose text is {message}, which may be empty. It is meant for values of kind "
        f'"response" ({responses}); it does not look at the type.'
    )
    return go.comment_lines(text)


def view(schema: ir.Schema) -> dict[str, object]:
    failure = schema.failure
    root = schema.struct(schema.root)
    status = root.field(failure.status)
    status_value = f"f.{go.field_name(status)}"
    return {
        "name": failure.name,
        "doc": go.comment_lines(failure.doc),
        "root": go.type_name(root.name, root.annotations),
        "method": METHOD,
        "method_doc": method_doc(schema, failure),
        "ok": go.field_name(root.field(failure.success)),
        "message": go.field_name(root.field(failure.message)),
        "status": go.field_name(status),
        "status_value": status_value if go.go_type(status, schema) == "int" else f"int({status_value})",
    }


def api(schema: ir.Schema) -> tuple[str, str] | None:
    """(helper, what it returns) for the docs, or None without a failure model."""
    if schema.failure is None:
        return None
    v = view(schema)
    return (
        f"`func (f *{v['root']}) {METHOD}() error`",
        f"`nil`, `*{v['name']}` (`Status int`, `Message string`), or an `error` whose text is "
        f"`{schema.failure.message}`",
    )


def files(schema: ir.Schema, context: dict[str, object], root: str) -> list[GeneratedFile]:
    """errors.go beside protocol.go, or nothing without a failure model."""
    if schema.failure is None:
        return []
    path = f"{root}/{FILENAME}"
    source = environment("go").get_template("errors.go.j2").render(**context, failure=view(schema))
    return [GeneratedFile(path, go.format_go(source, path).encode())]


def check(schema: ir.Schema, package: list[tuple[str, str, str]]) -> None:
    """The error type's name is one more package-level name; no field of the root struct is named like the method."""
    failure = schema.failure
    if failure is None:
        return
    check_names("go", "package-level", [*package, (failure.name, failure.name, failure.pointer)], go.GO_RESERVED)
    root = schema.struct(schema.root)
    fields = [(go.field_name(f), f.wire_name, f.pointer) for f in root.fields]
    check_names("go", "field", fields, frozenset({METHOD}), go.GO_EXPORTED.fullmatch)
    for role, wire, types in (
        ("success", failure.success, GO_TYPES["success"]),
        ("message", failure.message, GO_TYPES["message"]),
        ("status", failure.status, GO_TYPES["status"]),
    ):
        field = root.field(wire)
        if go.go_type(field, schema) not in types:
            raise SchemaError(
                field.pointer,
                f"the failure model's {role} field {wire!r} is a Go {go.go_type(field, schema)}, "
                f"and {METHOD} needs a Go {' or '.join(types)}",
                "remove its x-go-type, or give the failure model another field",
            )
