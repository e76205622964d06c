"""The exact codec: decode into, and encode from, the generated structs as Go's encoding/json does.

Each generated struct has a StructSpec: per wire name, the attribute, the field's type and whether
it is omitempty. A type is a small tuple (code, argument, nullable) built by the functions below,
so the decoder and encoder are one generic loop each, driven by data the generated models declare.
Both are iterative: nesting is bounded by max_depth alone, never by Python's recursion limit.

This is the reference path. When msgspec is installed, models.py first tries its fast path on
input in Go's canonical form, and falls back here for everything else.
"""

from __future__ import annotations

import math
import re
from itertools import accumulate
from json import dumps as _json_dumps
from typing import Any

from ._runtime import (
    _NUMBER as _NUMBER_TOKEN,
)
from ._runtime import (
    _STRING as _STRING_TOKEN,
)
from ._runtime import (
    BULK_SIZE,
    DEFAULT_MAX_DEPTH,
    DecodeError,
    EncodeError,
    RawJSON,
    _bad_string,
    _scan_value,
    _skip_ws,
    _unexpected,
    encode_str,
    go_float,
    go_fold,
    paused_gc,
    unquote,
)

# ---- types ------------------------------------------------------------------------------------------

STR, BOOL, INT, FLOAT, RAW, ENUM, LIST, MAP, STRUCT = range(9)
_SCALARS = frozenset({STR, BOOL, INT, FLOAT, RAW, ENUM})
Type = tuple[int, Any, bool]  # (code, argument, nullable)

STRING: Type = (STR, None, False)
BOOLEAN: Type = (BOOL, None, False)
NUMBER: Type = (FLOAT, None, False)
RAW_JSON: Type = (RAW, None, True)  # a json.RawMessage: nil (absent) is not a written null


def nullable(t: Type) -> Type:
    """The type that also holds None (Go: *T), written null when it is not omitted."""
    return (t[0], t[1], True)


def integer(low: int, high: int) -> Type:
    """An integer that decodes only within [low, high] (Go's int, int32, uint64 ...)."""
    return (INT, (low, high), False)


def enum(table: dict[str, Any]) -> Type:
    """A string whose known values become enum members; any other string is kept as is, as Go keeps it."""
    return (ENUM, table, False)


def list_of(item: Type, nilable: bool = False) -> Type:
    """A JSON array (Go slice). nilable: None (nil, written null) is kept apart from [] (a field always encoded)."""
    return (LIST, item, nilable)


def map_of(value: Type, nilable: bool = False) -> Type:
    """A JSON object with string keys (Go map[string]T), written with its keys sorted, as Go sorts them."""
    return (MAP, value, nilable)


def struct(spec: StructSpec, pointer: bool = False) -> Type:
    """A nested struct; pointer: it may be None (Go *T), else it is always a value (Go T)."""
    return (STRUCT, spec, pointer)


# ---- structs ----------------------------------------------------------------------------------------

_SPECS: dict[type, StructSpec] = {}
Field = tuple[str, Type, bool]  # (attribute, type, omitempty)


def wire_fields(cls: type) -> tuple[tuple[str, str], ...]:
    """(attribute, wire name) of every field of a generated struct, in wire order."""
    return tuple((spec[0], wire) for wire, spec in _SPECS[cls].fields.items())


def spec_of(cls: type) -> StructSpec:
    return _SPECS[cls]


class StructSpec:
    """How to decode and encode one generated struct: its class and, per wire name, (attribute, type, omitempty)."""

    __slots__ = ("by_bytes", "cls", "fast", "fields", "folded", "named", "plan")

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.fast: Any = None  # set by models.py when msgspec is installed

    def define(self, fields: dict[str, Field]) -> None:
        """Set the fields after every spec exists, so a struct can hold a list of itself (nested messages)."""
        _SPECS[self.cls] = self
        self.fields = fields
        named = {wire: (*spec, wire) for wire, spec in fields.items()}  # the lookups also say the wire name
        self.by_bytes = {wire.encode(): spec for wire, spec in named.items()}
        self.folded = {go_fold(wire): spec for wire, spec in named.items()}
        self.named = named
        self.plan = tuple((_key_bytes(wire), wire, *spec) for wire, spec in fields.items())

    def lookup(self, body: bytes) -> tuple[str, Type, bool, str] | None:
        """(attribute, type, omitempty, wire name) of the field a key names: exactly, else as Go folds it (ASCII
        case, plus two runes); None for an unknown key."""
        spec = self.by_bytes.get(body)
        if spec is not None:
            return spec
        key = unquote(body)
        return self.named.get(key) or self.folded.get(go_fold(key))


def _key_bytes(wire: str) -> bytes:
    return encode_str(wire) + b":"


# ---- decoding ---------------------------------------------------------------------------------------


def decode_struct(data: bytes | bytearray | memoryview | str, spec: StructSpec, max_size: int, max_depth: int) -> Any:
    """Decode `data` into spec.cls with Go's json.Unmarshal semantics, or raise DecodeError.

    A generated from_json has already tried spec.fast (msgspec, when installed) on an input smaller
    than BULK_SIZE; a bulk input tries it here, with the GC paused. spec.fast returns None for
    anything it cannot prove it reads as Go does, and the exact decoder decides.

    Whatever the bytes, the answer is a value or DecodeError: an input within max_size that expands
    to more objects than memory holds (64 MiB of `{},` is 22 million frames) is a DecodeError too,
    raised once the partial value is freed. Data that is neither bytes-like nor str is a programming
    error, and a TypeError.
    """
    if not isinstance(data, bytes | str | bytearray | memoryview):
        raise TypeError(f"from_json takes bytes, bytearray, memoryview or str, not {type(data).__name__}")
    try:
        if len(data) < BULK_SIZE:
            return decode_exact(data, spec, max_size, max_depth)
        with paused_gc():
            return _fast_or_exact(data, spec, max_size, max_depth)
    except MemoryError:
        pass  # leave the handler first, so that the traceback and the partial value it holds are freed
    raise DecodeError(f"out of memory decoding an input of {len(data)} bytes; a lower max_size would refuse it")


FAST_PATH_MAX_DEPTH = 10_000
"""The deepest nesting the fast path hands to msgspec, whatever max_depth allows (Go's own limit).

msgspec recurses on the C stack once per level and stops only at Python's recursion limit, which a
process may raise: it then accepts nesting past max_depth, and near 30,000 levels of items it
crashes the interpreter. So the fast path takes only inputs that provably nest no deeper than
max_depth and this (see nests_within); the iterative exact decoder decides the others."""
SHALLOW_SIZE = 2 * FAST_PATH_MAX_DEPTH
"""A JSON text of this many bytes or fewer nests at most FAST_PATH_MAX_DEPTH deep (a level takes two)."""
_DEPTH_STEPS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")  # as signed bytes: +1 opens, -1 closes
_NOT_STRUCTURE = bytes(sorted(set(range(256)) - set(b'[]{}"')))
_CHUNK = 4096


def nests_within(data: bytes, max_depth: int) -> bool:
    """Whether the JSON text `data` nests at most limit = min(max_depth, FAST_PATH_MAX_DEPTH) deep.

    The fast path's depth guard, independent of sys.getrecursionlimit(). A level takes two bytes
    of a valid text, so one of at most 2 * limit bytes needs no scan. Otherwise, at C speed and
    without recursion: escaped backslashes and quotes are dropped (so that the quotes left delimit
    strings), then everything but the brackets outside strings, whose running sum of +1/-1 is the
    depth; it is summed (accumulate) only in the 4,096-bracket chunks whose openers could take it
    past the limit. Exact for valid JSON. Other bytes msgspec reads up to a valid prefix, which
    nests at most 2 * limit deep if it passed unscanned (at most limit if scanned): its C recursion
    stays within 20,000 levels, which it handles, whatever the input.
    """
    limit = min(max_depth, FAST_PATH_MAX_DEPTH)
    if len(data) <= 2 * limit:
        return True
    if b"\\" in data:  # may copy the input once; escapes are rare in canonical frames
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    marks = data.translate(_DEPTH_STEPS, _NOT_STRUCTURE)  # brackets and quotes
    brackets = marks.translate(None, b'"')
    if len(marks) - len(brackets) != 2 * marks.count(b'""'):  # not every string is "" here: one holds brackets
        # drop empty strings (which keeps the parity of the quotes after them), then every string left
        brackets = b"".join(marks.replace(b'""', b"").split(b'"')[::2])
    depth = 0  # before each chunk; within one, it rises by at most its opening brackets
    for start in range(0, len(brackets), _CHUNK):
        chunk = brackets[start : start + _CHUNK]
        opens = chunk.count(b"\x01")
        if depth + opens > limit and max(accumulate(memoryview(chunk).cast("b"), initial=depth)) > limit:
            return False
        depth += 2 * opens - len(chunk)
    return True


def fast_path_applies(data: Any, max_size: int, max_depth: int) -> bool:
    """Bytes within the size limit, nesting no deeper than max_depth (msgspec cannot be trusted to check)."""
    return data.__class__ is bytes and len(data) <= max_size and nests_within(data, max_depth)


class _Text(bytes):
    """JSON text dict_json has already written (its own parts), as opposed to a user's bytes value."""


class _Close(int):
    """The end of a container dict_json is writing: the id of the dict or list to forget."""


def dict_json(data: Any) -> bytes:
    """The JSON text of a JSON-like value for from_dict: RawJSON values are written as their bytes, unchanged,
    so `from_dict(to_dict(value)) == value` keeps every spelling a raw value holds.

    Keys that are int, float, bool or None become strings, as json.dumps makes them; a value with no
    JSON text (NaN, an infinity, a set, bytes, an int past Python's digit limit, a key of another
    type, a container holding itself) raises DecodeError: it is a fault of the data, as bytes Go
    rejects are. Iterative: nesting is not bounded by Python's recursion limit (the decoder's
    max_depth bounds it).
    """
    out: list[bytes] = []
    stack: list[Any] = [data]
    open_containers: set[int] = set()
    while stack:
        item = stack.pop()
        if item.__class__ is _Text:
            out.append(item)
        elif item.__class__ is _Close:
            open_containers.discard(item)
        elif isinstance(item, RawJSON):
            out.append(item.data)
        elif isinstance(item, dict | list | tuple):
            if id(item) in open_containers:
                raise DecodeError("not JSON data: a container holds itself")
            open_containers.add(id(item))
            if isinstance(item, dict):
                parts: list[Any] = [_Text(b"{")]
                for k, (key, value) in enumerate(item.items()):
                    parts += [_Text(b"," if k else b""), _Text(_json_scalar(_json_key(key)) + b":"), value]
                parts.append(_Text(b"}"))
            else:
                parts = [_Text(b"[")]
                for k, value in enumerate(item):
                    parts += [_Text(b"," if k else b""), value]
                parts.append(_Text(b"]"))
            stack.append(_Close(id(item)))
            stack.extend(reversed(parts))
        else:
            out.append(_json_scalar(item))
    return b"".join(out)


def _json_key(key: Any) -> str:
    if isinstance(key, str):
        return key
    if key is None or isinstance(key, bool | int | float):
        return _json_dumps(key)  # what json.dumps turns such a key into
    raise DecodeError(f"not JSON data: a key of type {type(key).__name__}")


def _json_scalar(value: Any) -> bytes:
    if isinstance(value, str):
        text = _json_dumps(value, ensure_ascii=False)
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: its \u escape, which Go (and from_json) read as one U+FFFD
            return _json_dumps(value).encode("ascii")
    try:
        if value is None or isinstance(value, bool | int | float):
            return _json_dumps(value, ensure_ascii=False, allow_nan=False).encode("utf-8", "surrogatepass")
    except ValueError as exc:  # NaN, an infinity, an int past Python's digit limit
        raise DecodeError(f"not JSON data: {exc}") from exc
    raise DecodeError(f"not JSON data: a value of type {type(value).__name__}")


def decode_exact(data: bytes | bytearray | memoryview | str, spec: StructSpec, max_size: int, max_depth: int) -> Any:
    if isinstance(data, str):
        try:
            data = data.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise DecodeError("the text holds a lone surrogate, which has no UTF-8 form", exc.start) from None
    elif not isinstance(data, bytes):
        data = bytes(data)
    if len(data) > max_size:
        raise DecodeError(f"input of {len(data)} bytes exceeds the limit of {max_size} bytes")
    i = _skip_ws(data, 0)
    if data.startswith(b"null", i):
        if _skip_ws(data, i + 4) != len(data):
            raise _unexpected(data, _skip_ws(data, i + 4), "the end of the input")
        return spec.cls()
    if i >= len(data) or data[i] != 0x7B:
        if i < len(data):
            end = _scan_value(data, i, 0, max_depth)
            if _skip_ws(data, end) != len(data):
                raise _unexpected(data, _skip_ws(data, end), "the end of the input")
            raise DecodeError(f"cannot unmarshal {_json_kind(data[i])} into Go value of type {spec.cls.__name__}", i)
        raise _unexpected(data, i, "a value")
    value, end = _decode_tree(data, i, spec, max_depth)
    end = _skip_ws(data, end)
    if end != len(data):
        raise _unexpected(data, end, "the end of the input")
    return value


def _json_kind(c: int) -> str:
    return {0x5B: "array", 0x7B: "object", 0x22: "string", 0x74: "bool", 0x66: "bool"}.get(c, "number")


_KIND_NAMES = {
    STR: "a string",
    ENUM: "a string",
    BOOL: "a bool",
    INT: "an integer",
    FLOAT: "a number",
    LIST: "an array",
    MAP: "an object",
    STRUCT: "an object",
}


class _Mismatch(Exception):
    """A JSON value of another kind (or a number out of range) for the type at hand; the decoder turns it into
    a DecodeError naming the field as Go's UnmarshalTypeError does: its struct, its wire path, its type."""

    def __init__(self, value: str, at: int) -> None:
        self.value = value
        self.at = at


# A container being decoded: [code, type argument, value so far, slot in its parent, wire name there].
# STRUCT: argument is the StructSpec, value a dict of attribute -> value; MAP: argument the value type,
# value the dict; LIST: argument the item type, value the list. The slot is the attribute (in a
# struct) or key (in a map) the finished value goes to; None in a list, which appends.
_CODE, _ARG, _VALUE, _SLOT, _WIRE = range(5)


def _decode_tree(data: bytes, i: int, root: StructSpec, max_depth: int) -> tuple[Any, int]:
    """Decode the object at data[i] ('{') into root.cls, with an explicit stack of open containers."""
    n = len(data)
    stack: list[list[Any]] = [[STRUCT, root, {}, None, None]]
    depth = 1
    if depth > max_depth:
        raise DecodeError(f"exceeded max depth {max_depth}", i)
    i = _skip_ws(data, i + 1)
    first = True  # no member or element read yet in the top container
    while True:
        top = stack[-1]
        code = top[_CODE]
        close = 0x5D if code == LIST else 0x7D
        # the end of the container, or (after a member or element) the separator before the next one
        if i < n and data[i] == close:
            i += 1
            value = _finish(stack.pop())
            depth -= 1
            if not stack:
                return value, i
            _store(stack[-1], top[_SLOT], value)
            i = _skip_ws(data, i)
            first = False
            continue
        if not first:
            if i < n and data[i] == 0x2C:
                i = _skip_ws(data, i + 1)
            else:
                where = "an object member" if close == 0x7D else "an array element"
                raise _unexpected(data, i, f"',' or '{chr(close)}' after {where}")
        first = False
        # the next member or element: its slot and type
        if code == LIST:
            slot, t, wire = None, top[_ARG], None
        else:
            if i >= n or data[i] != 0x22:
                raise _unexpected(data, i, "a string key")
            m = _STRING_TOKEN.match(data, i)
            if m is None:
                raise _bad_string(data, i, DecodeError)
            key_at = i
            i = _skip_ws(data, m.end())
            if i >= n or data[i] != 0x3A:
                raise _unexpected(data, i, "':' after an object key")
            i = _skip_ws(data, i + 1)
            if code == MAP:
                slot, t = unquote(m.group(1)), top[_ARG]  # a key given twice: the last wins, as in Go
                wire = slot
            else:
                field = top[_ARG].lookup(m.group(1))
                if field is None:  # an unknown key: skipped, whatever its value
                    i = _skip_ws(data, _scan_value(data, i, depth, max_depth))
                    continue
                slot, t = field[0], field[1]
                if slot in top[_VALUE]:
                    field_path = _field_path(stack, field[3])
                    raise DecodeError(f"key {unquote(m.group(1))!r} names field {field_path} a second time", key_at)
                wire = field[3]
        # the value
        c = data[i] if i < n else -1
        kind = t[0]
        if ((kind in (STRUCT, MAP)) and c == 0x7B) or (kind == LIST and c == 0x5B):
            depth += 1
            if depth > max_depth:
                raise DecodeError(f"exceeded max depth {max_depth}", i)
            stack.append([kind, t[1], {} if kind != LIST else [], slot, wire])
            i = _skip_ws(data, i + 1)
            first = True
            continue
        try:
            value, i = _scalar(data, i, t, depth, max_depth)
        except _Mismatch as exc:
            where = _field_path(stack, wire)
            message = f"cannot unmarshal {exc.value} into Go struct field {where} of type {_go_type(t)}"
            raise DecodeError(message, exc.at) from None
        _store(top, slot, value)
        i = _skip_ws(data, i)


def _finish(container: list[Any]) -> Any:
    code, arg, value = container[_CODE], container[_ARG], container[_VALUE]
    return arg.cls(**value) if code == STRUCT else value


def _store(container: list[Any], slot: Any, value: Any) -> None:
    if container[_CODE] == LIST:
        container[_VALUE].append(value)
    else:
        container[_VALUE][slot] = value


def _scalar(data: bytes, i: int, t: Type, depth: int, max_depth: int) -> tuple[Any, int]:
    """Decode a value that opens no container here: a scalar, raw JSON, or null (whatever the type)."""
    n = len(data)
    kind = t[0]
    c = data[i] if i < n else -1
    if kind == RAW:
        end = _scan_value(data, i, depth, max_depth)
        return RawJSON.trusted(data[i:end]), end
    if c == 0x6E and data.startswith(b"null", i):
        return _null(t), i + 4
    if kind in (STR, ENUM):
        if c == 0x22:
            m = _STRING_TOKEN.match(data, i)
            if m is None:
                raise _bad_string(data, i, DecodeError)
            text = unquote(m.group(1))
            return (t[1].get(text, text) if kind == ENUM else text), m.end()
    elif kind == BOOL:
        if data.startswith(b"true", i):
            return True, i + 4
        if data.startswith(b"false", i):
            return False, i + 5
    elif kind in (INT, FLOAT):
        m = _NUMBER_TOKEN.match(data, i)
        if m is not None and m.end() > i:
            token = m.group()
            return (_integer(token, t[1], i) if kind == INT else _float(token, i)), m.end()
    if i >= n:
        raise _unexpected(data, i, "a value")
    _scan_value(data, i, depth, max_depth)  # a syntax error in the value is reported as such
    raise _Mismatch(_json_kind(c), i)


_ZERO = {STR: "", ENUM: "", BOOL: False, INT: 0, FLOAT: 0.0}
_SURROGATES = re.compile("[\ud800-\udfff]")


def _null(t: Type) -> Any:
    """What null decodes to: None for a nullable value (Go sets the pointer, slice or map to nil), else the
    zero value Go leaves in place (a struct value, a list or map that is omitted when empty)."""
    kind, arg, nil = t
    if nil:
        return None
    if kind == STRUCT:
        return arg.cls()
    if kind == LIST:
        return []
    if kind == MAP:
        return {}
    return _ZERO[kind]


_INT_CHARS = 20  # the longest integer token any supported width can hold (int64's minimum, uint64's maximum)


def _integer(token: bytes, bounds: tuple[int, int], at: int) -> int:
    """An integer token within the field's width, as Go's strconv.ParseInt / ParseUint accept it."""
    low, high = bounds
    integral = b"." not in token and b"e" not in token and b"E" not in token
    if not integral or (low == 0 and token[:1] == b"-"):  # ParseUint takes no sign, not even "-0"
        raise _Mismatch(f"number {_shown(token)}", at)
    # More characters than any width holds overflows it; int() is never asked past Python's digit limit.
    number = int(token) if len(token) <= _INT_CHARS else None
    if number is None or not low <= number <= high:
        raise _Mismatch(f"number {_shown(token)}", at)
    return number


def _float(token: bytes, at: int) -> float:
    """A float64 as Go's strconv.ParseFloat reads it: correctly rounded; past the largest finite value, an error.

    Two spellings only a number over 800 characters can have are read differently by Go: more than 800
    digits before the point (its fallback decoder keeps 800 and misplaces the point) and an exponent of
    more than 5 significant digits (it keeps the first 5). Where that changes the value, Go's answer
    depends on its version and fast paths, so the policy rejects the number rather than guess.
    """
    value = float(token)
    if len(token) > _GO_DECIMAL_DIGITS and _go_misreads(token, value):
        raise DecodeError(f"number {_shown(token)} is one Go's strconv.ParseFloat misreads: rejected by policy", at)
    if math.isinf(value):
        raise _Mismatch(f"number {_shown(token)}", at)
    return value


_INT_NAMES = {(-(2**63), 2**63 - 1): "int64", (-(2**31), 2**31 - 1): "int32", (0, 2**32 - 1): "uint32"}


def _go_type(t: Type) -> str:
    """The type a message names, as Go would (int64 for Go's int too: they hold the same numbers)."""
    kind, arg, _ = t
    if kind == INT:
        return _INT_NAMES.get(arg, "uint64")
    if kind == STRUCT:
        return arg.cls.__name__
    if kind in (LIST, MAP):
        return ("[]" if kind == LIST else "map[string]") + _go_type(arg)
    return {STR: "string", ENUM: "string", BOOL: "bool", FLOAT: "float64", RAW: "json.RawMessage"}[kind]


def _field_path(stack: list[list[Any]], wire: str | None) -> str:
    """Struct.field.nested as Go's errors name a field: the top-level struct, then the wire names down to it."""
    names = [c[_WIRE] for c in stack[1:] if c[_WIRE] is not None] + ([wire] if wire is not None else [])
    return ".".join([stack[0][_ARG].cls.__name__, *names])


_GO_DECIMAL_DIGITS = 800  # the digits strconv's decimal fallback keeps
_FLOAT_PARTS = re.compile(rb"(-?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?)([0-9]+))?")


def _go_misreads(token: bytes, value: float) -> bool:
    """Whether a reading Go's ParseFloat may give differs from the number's value (see _float)."""
    sign, whole, fraction, exp_sign, exp_digits = _FLOAT_PARTS.fullmatch(token).groups()
    fraction = fraction or b""
    exp_digits = (exp_digits or b"0").lstrip(b"0") or b"0"
    exponent = int(exp_digits[:5]) * (-1 if exp_sign == b"-" else 1)  # Go stops adding digits at 10,000
    readings = []
    if len(exp_digits) > 5:
        readings.append(float(b"%s%s.%se%d" % (sign, whole, fraction or b"0", exponent)))
    if len(whole) > _GO_DECIMAL_DIGITS:  # the point placed after the 800 digits kept
        readings.append(float(b"%s0.%s%se%d" % (sign, whole, fraction, exponent + _GO_DECIMAL_DIGITS)))
    return any(r != value or math.copysign(1.0, r) != math.copysign(1.0, value) for r in readings)


def _shown(token: bytes) -> str:
    """A number as an error message shows it: a huge one cut short, its length given."""
    return token.decode() if len(token) <= 40 else f"{token[:20].decode()}... ({len(token)} characters)"


def decode_content(raw: RawJSON, spec: StructSpec, max_depth: int = DEFAULT_MAX_DEPTH) -> Any:
    """A raw value's content decoded into a struct as the receiver would (None if it does not decode).

    Content a Go sender wrote is in canonical form, so spec.fast (msgspec) reads it as from_json would;
    anything it cannot prove it reads as Go does goes to the exact decoder."""
    try:
        return _fast_or_exact(raw.data, spec, len(raw.data), max_depth)
    except DecodeError:
        return None


def _fast_or_exact(data: Any, spec: StructSpec, max_size: int, max_depth: int) -> Any:
    """spec.fast's reading when it gives one (it declines what it cannot prove Go reads alike), else the exact one."""
    if spec.fast is not None and fast_path_applies(data, max_size, max_depth):
        value = spec.fast(data)
        if value is not None:
            return value
    return decode_exact(data, spec, max_size, max_depth)


# ---- encoding ---------------------------------------------------------------------------------------


def encode_struct(value: Any, spec: StructSpec) -> bytes:
    """Go's json.Marshal of a struct value: field order, omitempty, map keys sorted, HTML-safe strings.

    Iterative: a pending item on the stack is bytes to write or a (value, type, wire name) to encode.
    A value of the wrong Python type raises TypeError naming the field by its wire name; a number Go
    cannot write (NaN, an infinity, an int past the field's width) raises EncodeError, as Go's Marshal fails.
    """
    out: list[bytes] = []
    stack: list[Any] = [(value, (STRUCT, spec, False), "")]
    open_structs: set[int] = set()  # the structs being written: one met again is a cycle, as Go reports it
    while stack:
        item = stack.pop()
        if item.__class__ is bytes:
            out.append(item)
            continue
        if item.__class__ is _Close:
            open_structs.discard(item)
            continue
        v, t, wire = item
        kind = t[0]
        if v is None:
            _refuse_shape(v, t, wire)
            out.append(b"null")
        elif kind in _SCALARS:
            out.append(_encode_scalar(v, t, wire))
        elif kind == STRUCT:
            if id(v) in open_structs:
                raise EncodeError(f"{wire}: json: unsupported value: encountered a cycle via {t[1].cls.__name__}")
            open_structs.add(id(v))
            stack.append(_Close(id(v)))
            stack.extend(reversed(_struct_parts(v, t[1], wire)))
        elif kind == LIST:
            _refuse_shape(v, t, wire)
            parts: list[Any] = [b"["]
            for k, x in enumerate(v):
                parts += [b","] if k else []
                item = f"{wire}/{k}"
                scalar = x is not None and t[1][0] in _SCALARS  # None: written null or refused, as a field's
                parts.append(_encode_scalar(x, t[1], item) if scalar else (x, t[1], item))
            parts.append(b"]")
            stack.extend(reversed(parts))
        else:  # MAP
            _refuse_shape(v, t, wire)
            stack.extend(reversed(_map_parts(v, t[1], wire)))
    return b"".join(out)


def _struct_parts(v: Any, spec: StructSpec, wire: str) -> list[Any]:
    if wire or not isinstance(v, spec.cls):  # the value itself may subclass
        _refuse_shape(v, (STRUCT, spec, False), wire)
    parts: list[Any] = []
    sep = b"{"
    for key, name, attr, t, omit in spec.plan:
        x = getattr(v, attr)
        if omit and _empty(x, t):
            continue
        path = f"{wire}/{name}" if wire else name
        if x is not None and t[0] in _SCALARS:
            parts.append(sep + key + _encode_scalar(x, t, path))
        else:
            parts.append(sep + key)
            parts.append((x, t, path))
        sep = b","
    parts.append(b"}" if sep == b"," else b"{}")
    return parts


def _map_parts(v: dict[str, Any], t: Type, wire: str) -> list[Any]:
    keys = sorted(v, key=_go_key_order)
    parts: list[Any] = [b"{"]
    for k, key in enumerate(keys):
        parts.append((b"," if k else b"") + encode_str(key) + b":")
        x = v[key]
        scalar = x is not None and t[0] in _SCALARS
        parts.append(_encode_scalar(x, t, f"{wire}/{key}") if scalar else (x, t, f"{wire}/{key}"))
    parts.append(b"}")
    return parts


def _go_key_order(key: str) -> str:
    """Go sorts map keys by their UTF-8 bytes, which is code point order; a lone surrogate (it has no UTF-8
    form) is written, and so sorted, as U+FFFD."""
    return key if key.isascii() else _SURROGATES.sub("\ufffd", key)


def _empty(x: Any, t: Type) -> bool:
    """Go's omitempty: false, 0, "", nil, and an empty list, map or raw value are left out (a struct never is)."""
    if x is None:
        return t[2]  # None is the nil of a nullable value; for any other it is a wrong value, refused when written
    kind = t[0]
    if kind == STRUCT:
        return False
    if t[2] and kind not in (LIST, MAP, RAW):
        return False  # a pointer to a zero value is not nil: it is written
    # the zero value of the field's own type only: a falsy value of another (False in a string field, 0 in
    # a bool one, "" in a list one) is a value Go could never hold, refused when written, not left out
    if (x.__class__ is bool) != (kind == BOOL) or not isinstance(x, _ZERO_CLASSES[kind]):
        return False
    return len(x) == 0 if kind in (LIST, MAP, RAW) else not x


_ZERO_CLASSES: dict[int, type | tuple[type, ...]] = {
    STR: str,
    ENUM: str,
    BOOL: bool,
    INT: int,
    FLOAT: (int, float),  # the exact encoder writes an int in a float field as Go writes that float64
    LIST: list,
    MAP: dict,
    RAW: RawJSON,
}


def _encode_scalar(x: Any, t: Type, wire: str) -> bytes:
    kind = t[0]
    if kind in (STR, ENUM):
        if not isinstance(x, str):
            raise TypeError(f"{wire}: a str is expected, not {type(x).__name__}")
        return encode_str(x)
    if kind == BOOL:
        if x.__class__ is not bool:
            raise TypeError(f"{wire}: a bool is expected, not {type(x).__name__}")
        return b"true" if x else b"false"
    if kind == INT:
        if not isinstance(x, int) or x.__class__ is bool:
            raise TypeError(f"{wire}: an int is expected, not {type(x).__name__}")
        low, high = t[1]
        if not low <= x <= high:
            raise EncodeError(f"{wire}: {x} does not fit the field's integer range [{low}, {high}]")
        return b"%d" % x
    if kind == FLOAT:
        if not isinstance(x, float | int) or x.__class__ is bool:
            raise TypeError(f"{wire}: a float is expected, not {type(x).__name__}")
        try:
            return go_float(float(x))
        except (OverflowError, EncodeError) as exc:
            raise EncodeError(f"{wire}: {exc}") from None
    if not isinstance(x, RawJSON):  # RAW
        raise TypeError(f"{wire}: a RawJSON is expected, not {type(x).__name__}")
    try:
        return x.compact()
    except EncodeError as exc:
        raise EncodeError(f"{wire}: {exc}") from None


# ---- to_dict ----------------------------------------------------------------------------------------


def to_dict(value: Any, spec: StructSpec) -> dict[str, Any]:
    """The canonical encoding as Python values, keyed by wire names: what to_json writes, with every
    raw value kept as its RawJSON (nothing parsed, so no spelling is lost) and nested structs as
    dicts. from_dict reads it back to an equal value. Wrong Python types raise as to_json does."""
    root: dict[str, Any] = {}
    stack: list[tuple[Any, StructSpec, dict[str, Any], str, frozenset[int]]] = [(value, spec, root, "", frozenset())]
    while stack:
        v, s, out, wire, outer = stack.pop()
        if id(v) in outer:  # a struct that holds itself: no finite value, as encode_struct says
            raise EncodeError(f"{wire}: json: unsupported value: encountered a cycle via {s.cls.__name__}")
        _struct_parts(v, s, wire)  # the encoder's type checks (the bytes it builds are dropped)
        nested: list[Any] = []
        for _key, name, attr, t, omit in s.plan:
            x = getattr(v, attr)
            if not (omit and _empty(x, t)):
                out[name] = _dict_value(x, t, f"{wire}/{name}" if wire else name, nested)
        stack.extend((x, xs, xout, xwire, outer | {id(v)}) for x, xs, xout, xwire in reversed(nested))
    return root


def _dict_value(x: Any, t: Type, wire: str, stack: list[Any]) -> Any:
    """x as to_dict holds it, after the checks encode_struct makes on it (same exceptions, same words)."""
    kind = t[0]
    _refuse_shape(x, t, wire)  # here, not when a nested struct is popped: the first wrong item is the one named
    if x is None:
        return None
    if kind in _SCALARS:
        _encode_scalar(x, t, wire)  # its bytes are dropped
        return str(x) if kind == ENUM else x
    if kind == STRUCT:
        nested: dict[str, Any] = {}
        stack.append((x, t[1], nested, wire))
        return nested
    if kind == LIST:
        return [_dict_value(item, t[1], f"{wire}/{k}", stack) for k, item in enumerate(x)]
    return {k: _dict_value(x[k], t[1], f"{wire}/{k}", stack) for k in sorted(x, key=_go_key_order)}


# ---- type problems ----------------------------------------------------------------------------------


def type_problems(value: Any, spec: StructSpec) -> list[tuple[str, str]]:
    """(JSON pointer, message) for every field of value, and of the values nested in it, that holds a Python
    value the encoder refuses (the exact encoder raises for the first one). The lists of the struct's own
    kind (a snapshot's items) are left to the validator, which walks them and checks each value itself."""
    out: list[tuple[str, str]] = []
    stack: list[tuple[Any, StructSpec, str]] = [(value, spec, "")]
    while stack:
        v, s, pointer = stack.pop()
        found: list[tuple[Any, StructSpec, str]] = []
        for _key, name, attr, t, omit in s.plan:
            path = f"{pointer}/{_token(name)}"
            if omit and _empty(getattr(v, attr), t):
                continue  # left out of the encoding, whatever it is
            for x, xt, where in _members(getattr(v, attr), t, path, s is spec):
                problem = _problem(x, xt)
                if problem:
                    out.append((where, f"{where[1:]}: {problem}"))
                elif x is not None and xt[0] == STRUCT:
                    found.append((x, xt[1], where))
        stack.extend(reversed(found))
    return out


def _members(x: Any, t: Type, path: str, top: bool) -> list[tuple[Any, Type, str]]:
    """The value and, for a well-typed list or map, its elements, with their pointers; a list of the
    top-level struct's own kind is checked as a list only."""
    if x is None or t[0] not in (LIST, MAP) or _problem(x, t):
        return [(x, t, path)]
    item = t[1]
    if t[0] == LIST:
        elements = [(e, item, f"{path}/{k}") for k, e in enumerate(x)]
        if top and item[0] == STRUCT:  # the validator walks these itself: only their class is checked here
            elements = [(e, (STRUCT, item[1], False), w) for e, _, w in elements if e.__class__ is not item[1].cls]
        return [(x, t, path), *elements]
    pairs = [(k, e) for k, e in x.items()]
    bad_keys = [(k, (STR, None, False), f"{path}/{_token(str(k))}") for k, _ in pairs if not isinstance(k, str)]
    return [(x, t, path), *bad_keys, *((e, item, f"{path}/{_token(k)}") for k, e in pairs if isinstance(k, str))]


def _problem(x: Any, t: Type) -> str:
    """Why the encoder refuses x as a value of type t ('' when it does not)."""
    if x is None or t[0] not in _SCALARS:
        return _shape_problem(x, t)
    try:
        _encode_scalar(x, t, "")
    except (TypeError, EncodeError) as exc:
        return str(exc).removeprefix(": ")
    return ""


def refuse_fields(value: Any, spec: StructSpec, names: tuple[str, ...]) -> None:
    """Raise what to_json raises (TypeError, EncodeError) for the named fields' values, for code that reads
    them without encoding: a str 'false' must not pass for a bool."""
    for _key, name, attr, t, _omit in spec.plan:
        if name in names:
            x = getattr(value, attr)
            _refuse_shape(x, t, name)
            if x is not None and t[0] in _SCALARS:
                _encode_scalar(x, t, name)


def _shape_problem(x: Any, t: Type) -> str:
    """Why x cannot be None or the struct, list or map of type t ('' when it can; a scalar's checks are
    _encode_scalar's): one wording for the encoder, to_dict and validate."""
    kind = t[0]
    if x is None:
        return "" if t[2] else f"None is not {_KIND_NAMES.get(kind, 'a raw JSON value')}"
    if kind == STRUCT and x.__class__ is not t[1].cls:
        return f"a {t[1].cls.__name__} is expected, not {type(x).__name__}"
    if kind == LIST and not isinstance(x, list):
        return f"a list is expected, not {type(x).__name__}"
    if kind == MAP and not isinstance(x, dict):
        return f"a dict is expected, not {type(x).__name__}"
    return ""


def _refuse_shape(x: Any, t: Type, wire: str) -> None:
    """TypeError naming the field for what _shape_problem finds, and for a map key that is not a str (the
    validator reports such a key at its own pointer instead)."""
    problem = _shape_problem(x, t)
    if not problem and t[0] == MAP and x is not None and not all(isinstance(k, str) for k in x):
        problem = "map keys are str"
    if problem:
        raise TypeError(f"{wire or 'the value'}: {problem}")


def _token(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")
