"""The Python target's msgspec fast path: mirror structs and the code that converts to and from them.

A *wire* mirror decodes input in Go's canonical form in C (and re-encodes it, which proves the
form); an *out* mirror lets msgspec write a dataclass with Go's field order and omitempty. Both
carry the wire names; the dataclass keeps the Python names and types. Only the Python target
uses this module; every function returns Python source for the models template to print.
"""

from __future__ import annotations

from generator import ir
from generator.naming import snake_case, upper_snake_case


def wire_class(class_name: str) -> str:
    return f"_{class_name}Wire"


def out_class(class_name: str) -> str:
    return f"_{class_name}Out"


def from_wire_name(struct: str) -> str:
    return f"_{snake_case(struct)}_from_wire"


def to_out_name(struct: str) -> str:
    return f"_{snake_case(struct)}_to_out"


def int_alias(fmt: str) -> str:
    """The msgspec type of an integer of this width: an int bounded as Go's, so larger ones take the exact path."""
    return "_Int" if not fmt else f"_{fmt.capitalize()}"


def int_meta(fmt: str) -> tuple[str, str]:
    """(alias, msgspec.Meta arguments) of an integer width. msgspec takes bounds within int64 only, so uint64
    gets just its lower bound; msgspec reads any larger integer, which from_wire_fixups then declines."""
    low, high = ir.INT_FORMATS[fmt]
    bounds = f"ge={low}" if high > 2**63 - 1 else f"ge={low}, le={high}"
    return int_alias(fmt), bounds


def enum_classes(enum: str) -> str:
    """The module-level tuple (str, TheEnum): the classes an enum field's value may have."""
    return f"_{upper_snake_case(enum)}_CLASSES"


def enum_table(enum: str) -> str:
    return f"_{upper_snake_case(enum)}_VALUES"


# ---- the wire mirror: what msgspec decodes -------------------------------------------------------------


def _wire_type(t: ir.TypeRef, classes: dict[str, str]) -> str:
    base = {
        ir.Kind.STRING: "str",
        ir.Kind.ENUM: "str",
        ir.Kind.BOOL: "bool",
        ir.Kind.FLOAT: "float",
        ir.Kind.RAW: "_msgspec.Raw",
    }.get(t.kind)
    if t.kind == ir.Kind.INT:
        base = int_alias(t.format)
    elif t.kind == ir.Kind.LIST:
        base = f"list[{_wire_type(t.item, classes)}]"
    elif t.kind == ir.Kind.MAP:
        base = f"dict[str, {_wire_type(t.item, classes)}]"
    elif t.kind == ir.Kind.STRUCT:
        base = wire_class(classes[t.ref])
    return f"{base} | None" if t.nullable and t.kind != ir.Kind.RAW else base


_ZERO = {
    ir.Kind.STRING: '""',
    ir.Kind.ENUM: '""',
    ir.Kind.BOOL: "False",
    ir.Kind.INT: "0",
    ir.Kind.FLOAT: "0.0",
    ir.Kind.LIST: "[]",
    ir.Kind.MAP: "{}",
}


def wire_declaration(attr: str, f: ir.Field, classes: dict[str, str]) -> str:
    """The wire mirror's field: same wire name, Go's zero as default when omitempty, else required.

    A required field has no default so that msgspec refuses input without it (the canonical form
    always writes it) and the exact decoder decides. Integers are bounded to their Go width:
    anything larger is for the exact decoder to reject.
    """
    zero = ("None" if f.type.nullable else _ZERO[f.type.kind]) if f.omit_empty else ""
    default = f"default={zero}, " if f.omit_empty else ""
    return f"{attr}: {_wire_type(f.type, classes)} = _msgspec.field({default}name={f.wire_name!r})"


def _from_wire_value(t: ir.TypeRef, value: str) -> str | None:
    """An expression converting a wire value of type t into the dataclass's, or None when it is already right."""
    if t.kind == ir.Kind.ENUM:
        return f"{enum_table(t.ref)}.get({value}, {value})"
    if t.kind == ir.Kind.RAW:
        return f"RawJSON.trusted(bytes({value}))"
    if t.kind == ir.Kind.STRUCT:
        return f"{from_wire_name(t.ref)}({value})"
    return None


def from_wire_fixups(fields: list[tuple[str, ir.Field]]) -> list[str]:
    """Statements run on a dataclass built positionally from the wire mirror's values (variable f).

    Strings, booleans and numbers are already right; an enum becomes its member (or stays the
    string Go would keep), raw JSON becomes RawJSON, nested structs become dataclasses; a list of
    structs is converted in place, so each mirror is freed as soon as its dataclass exists.
    """
    lines: list[str] = []
    for attr, f in fields:
        value, t = f"f.{attr}", f.type
        lines += _uint64_guard(value, t)
        if t.kind in (ir.Kind.LIST, ir.Kind.MAP):
            inner = _from_wire_value(t.item, "x")
            if inner is None:
                continue
            lines.append(f"if {value}:")
            if t.kind == ir.Kind.LIST and t.item.kind == ir.Kind.STRUCT:
                lines.append(f"    convert_in_place({value}, {from_wire_name(t.item.ref)})")
            elif t.kind == ir.Kind.LIST:
                lines.append(f"    {value} = [{inner} for x in {value}]")
            else:
                lines.append(f"    {value} = {{k: {inner} for k, x in {value}.items()}}")
            continue
        convert = _from_wire_value(t, value)
        if convert is None:
            continue
        if t.nullable:
            lines += [f"if {value} is not None:", f"    {value} = {convert}"]
        else:
            lines.append(f"{value} = {convert}")
    return lines


_UINT64_MAX = ir.INT_FORMATS["uint64"][1]


def _uint64_guard(value: str, t: ir.TypeRef) -> list[str]:
    """Decline (raise, so the fast decoder returns None) a uint64 past 2^64-1: msgspec cannot bound it, and
    the exact decoder rejects it as Go does."""
    element = t.item if t.kind in (ir.Kind.LIST, ir.Kind.MAP) else t
    if element is None or element.kind != ir.Kind.INT or element.format != "uint64":
        return []
    if t.kind == ir.Kind.LIST:
        test = f"{value} and max({value}) > {_UINT64_MAX}"
    elif t.kind == ir.Kind.MAP:
        test = f"{value} and max({value}.values()) > {_UINT64_MAX}"
    else:
        test = f"{value} is not None and {value} > {_UINT64_MAX}" if t.nullable else f"{value} > {_UINT64_MAX}"
    return [f"if {test}:", "    raise OverflowError  # past uint64: the exact decoder rejects it"]


# ---- the out mirror: what msgspec encodes ----------------------------------------------------------------


def out_declaration(attr: str, f: ir.Field) -> str:
    """The out mirror's field: omitted by msgspec exactly when Go's omitempty omits it.

    A field without omitempty defaults to _ALWAYS, a value it never holds, so it is always written
    (None as null). An omitempty field's omitted form is its default: None for what to_out passes as
    None (raw, lists, maps, floats, pointers), else the zero value.
    """
    if not f.omit_empty:
        default = "_ALWAYS"
    elif f.type.nullable or f.type.kind in (ir.Kind.RAW, ir.Kind.LIST, ir.Kind.MAP, ir.Kind.FLOAT):
        default = "None"
    else:
        default = _ZERO[f.type.kind]
    return f"{attr}: Any = _msgspec.field(default={default}, name={f.wire_name!r})"


def _out_value(t: ir.TypeRef, value: str) -> str:
    """An expression giving msgspec a value that encodes as Go writes it (never None here)."""
    if t.kind == ir.Kind.FLOAT:
        return f"_msgspec.Raw(go_float({value}))"
    if t.kind == ir.Kind.RAW:
        return f"_msgspec.Raw({value}.compact())"
    if t.kind == ir.Kind.STRUCT:
        return f"{to_out_name(t.ref)}({value})"
    if t.kind == ir.Kind.LIST:
        inner = _out_value(t.item, "x")
        return value if inner == "x" else f"[{inner} for x in {value}]"
    if t.kind == ir.Kind.MAP:
        return f"{{k: {_out_value(t.item, 'x')} for k, x in sorted({value}.items())}}"  # Go sorts map keys
    return value


def to_out(attr: str, f: ir.Field) -> str:
    """The expression giving the out mirror's value for dataclass field `f.<attr>`."""
    value, t = f"f.{attr}", f.type
    converted = _out_value(t, value)
    if t.nullable and t.kind != ir.Kind.RAW:
        return converted if converted == value else f"None if {value} is None else {converted}"
    if f.omit_empty and t.kind in (ir.Kind.RAW, ir.Kind.LIST, ir.Kind.MAP, ir.Kind.FLOAT):
        return f"{converted} if {value} else None"  # empty or zero: omitted, and nothing is built
    return converted
