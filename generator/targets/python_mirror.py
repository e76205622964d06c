"""The Python target's msgspec fast path: mirror structs and the code that converts to and from them.

A *wire* mirror decodes input in Go's canonical form in C (and re-encodes it, which proves the
form); an *out* mirror lets msgspec write a dataclass with Go's field order and omitempty. Both
carry the wire names; the dataclass keeps the Python names and types. Only the Python target
uses this module.
"""

from __future__ import annotations

from generator import ir
from generator.naming import snake_case, upper_snake_case

_ZERO = {
    ir.Kind.STRING: '""',
    ir.Kind.ENUM: '""',
    ir.Kind.BOOL: "False",
    ir.Kind.INT: "0",
    ir.Kind.RAW: "None",  # absent; a present raw value is never empty (JSON null is b"null")
    ir.Kind.LIST: "[]",
}


def wire_declaration(attr: str, f: ir.Field, item_class: str | None) -> str:
    """The wire mirror's field: same wire name, Go's zero as default when omitempty, else required.

    A required field has no default so that msgspec refuses input without it (the canonical form
    always writes it) and the exact decoder decides. Integers are bounded to Go's int (64 bits):
    anything larger is for the exact decoder to reject.
    """
    py_type = {
        ir.Kind.STRING: "str",
        ir.Kind.ENUM: "str",
        ir.Kind.BOOL: "bool",
        ir.Kind.INT: "_Int64",
        ir.Kind.RAW: "_msgspec.Raw",
    }.get(f.type.kind) or f"list[{item_class}]"
    default = f"default={_ZERO[f.type.kind]}, " if f.omit_empty else ""
    return f"{attr}: {py_type} = _msgspec.field({default}name={f.wire_name!r})"


def out_declaration(attr: str, f: ir.Field) -> str:
    """The out mirror's field: omitted by msgspec exactly when Go's omitempty omits it.

    A field without omitempty gets None as default, a value it never holds, so it is always written.
    An empty list or raw value is passed as None (see to_out), which allocates nothing.
    """
    default = "None" if not f.omit_empty or f.type.kind in (ir.Kind.LIST, ir.Kind.RAW) else _ZERO[f.type.kind]
    return f"{attr}: Any = _msgspec.field(default={default}, name={f.wire_name!r})"


def from_wire_fixups(fields: list[tuple[str, ir.Field]]) -> list[str]:
    """Statements run on a dataclass built positionally from the wire mirror's values (variable f).

    Strings, booleans and integers are already right; an enum becomes its member (or stays the
    string Go would keep), a raw value present becomes RawJSON (an absent one is already None), and
    a list of structs is converted in place so each mirror is freed as soon as its dataclass exists.
    """
    lines: list[str] = []
    for attr, f in fields:
        value = f"f.{attr}"
        if f.type.kind == ir.Kind.ENUM:
            table = f"_{upper_snake_case(f.type.ref)}_VALUES"
            lines.append(f"{value} = {table}.get({value}, {value})")
        elif f.type.kind == ir.Kind.RAW:
            lines.append(f"if {value} is not None:")
            lines.append(f"    {value} = RawJSON.trusted(bytes({value}))")
        elif f.type.kind == ir.Kind.LIST:
            lines.append(f"if {value}:")
            lines.append(f"    convert_in_place({value}, {from_wire_name(f.type.item.ref)})")
    return lines


def to_out(attr: str, f: ir.Field) -> str:
    """The expression giving the out mirror's value for dataclass field `f.<attr>`."""
    value = f"f.{attr}"
    if f.type.kind == ir.Kind.RAW:
        return f"_msgspec.Raw({value}.compact()) if {value} else None"
    if f.type.kind == ir.Kind.LIST:
        return f"[{to_out_name(f.type.item.ref)}(x) for x in {value}] if {value} else None"
    return value


def wire_class(class_name: str) -> str:
    return f"_{class_name}Wire"


def out_class(class_name: str) -> str:
    return f"_{class_name}Out"


def from_wire_name(struct: str) -> str:
    return f"_{snake_case(struct)}_from_wire"


def to_out_name(struct: str) -> str:
    return f"_{snake_case(struct)}_to_out"
