"""Wire runtime: Go encoding/json semantics for decoding and encoding frames.

Decoding follows `json.Unmarshal` into the generated structs: keys are matched exactly,
then case-insensitively as Go folds them; unknown keys are skipped; `null` leaves a
scalar at its zero value; raw fields keep the bytes as written; invalid UTF-8 and lone
surrogates become U+FFFD. Where Go is lenient in a way that would make the value depend on
its decoding order (a key given twice), the decoder rejects the input with DecodeError.
Encoding follows `json.Marshal`: struct field order, omitempty, HTML-safe escaping.
"""

from __future__ import annotations

import codecs
import contextlib
import gc
import os
import re
from collections.abc import Iterator
from json import JSONEncoder as _JSONEncoder
from json import dumps as _json_dumps
from json import loads as _json_string
from json.encoder import c_make_encoder as _c_make_encoder
from json.encoder import encode_basestring as _encode_basestring
from typing import Any

DEFAULT_MAX_SIZE = 64 * 1024 * 1024
"""Largest input `from_json` accepts by default, in bytes."""
DEFAULT_MAX_DEPTH = 10_000
"""Deepest nesting of objects and arrays accepted by default: Go's own limit."""


class ProtocolError(Exception):
    """Base of every error this package raises or returns, so callers can catch them all at once."""


class DecodeError(ProtocolError, ValueError):
    """The input is not a frame Go's json.Unmarshal would accept (or is one the policy rejects)."""

    def __init__(self, message: str, offset: int | None = None) -> None:
        self.offset = offset
        super().__init__(message if offset is None else f"{message} at byte {offset}")


class EncodeError(ProtocolError, ValueError):
    """The value cannot be encoded (a RawJSON that is not valid JSON), as Go's Marshal fails."""


class ResponseError(ProtocolError):
    """A response that reports failure without a status: `message` is its text, which may be empty.

    A failure with a status is a subclass of this generated from the schema (the error type its
    x-framegen-failure names, such as HTTPError), so `except ResponseError` catches every failed response.
    """

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class RawJSON:
    """A JSON value kept as the bytes written, like Go's json.RawMessage."""

    __slots__ = ("_valid", "data")

    def __init__(self, data: bytes | str) -> None:
        self.data = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        self._valid = False  # checked when encoded, as Go's Marshal checks a RawMessage

    @classmethod
    def trusted(cls, data: bytes) -> RawJSON:
        """A value the decoder has already scanned: encoding need not check it again."""
        raw = cls.__new__(cls)
        raw.data = data
        raw._valid = True
        return raw

    def __len__(self) -> int:
        return len(self.data)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RawJSON) and other.data == self.data

    def __hash__(self) -> int:
        return hash(self.data)

    def __repr__(self) -> str:
        return f"RawJSON({self.data!r})"

    def is_object(self) -> bool:
        return self.data.lstrip(b" \t\r\n")[:1] == b"{"

    def compact(self) -> bytes:
        """The bytes Go's Marshal writes for this value: compacted, HTML characters escaped."""
        if not self._valid:
            end = _scan_value(self.data, _skip_ws(self.data, 0), 0, DEFAULT_MAX_DEPTH, EncodeError)
            if _skip_ws(self.data, end) != len(self.data):
                raise EncodeError("json: error calling MarshalJSON: invalid character after the value")
            self._valid = True
        if _already_compact(self.data):  # what a decoded canonical frame holds: no copy
            return self.data
        return _COMPACT.sub(_compact_token, self.data)


# ---- scanning ------------------------------------------------------------------------

_WS = re.compile(rb"[ \t\n\r]*")
# Possessive quantifiers: linear time and constant memory on long strings with many escapes.
_STRING = re.compile(rb'"([^"\\\x00-\x1f]*+(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*+)*+)"')
_NUMBER = re.compile(rb"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_INTEGER = re.compile(rb"-?(?:0|[1-9][0-9]*)")
_LITERALS = {ord("t"): b"true", ord("f"): b"false", ord("n"): b"null"}
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1
_INT64_CHARS = len(str(_INT64_MIN))  # 20: the longest integer token that can fit


def _skip_ws(data: bytes, i: int) -> int:
    return _WS.match(data, i).end()


def _unexpected(data: bytes, i: int, what: str, error: type[Exception] = DecodeError) -> Exception:
    if i >= len(data):
        return (
            error(f"unexpected end of JSON input, expected {what}", len(data))
            if error is DecodeError
            else error("unexpected end of JSON input")
        )
    char = data[i : i + 1]
    if error is DecodeError:
        return DecodeError(f"invalid character {char!r}, expected {what}", i)
    return error(f"invalid character {char!r}, expected {what}")


def _scan_scalar(data: bytes, i: int, error: type[Exception]) -> int:
    c = data[i] if i < len(data) else -1
    if c == 0x22:
        m = _STRING.match(data, i)
        if m is None:
            raise _bad_string(data, i, error)
        return m.end()
    literal = _LITERALS.get(c)
    if literal is not None:
        if data.startswith(literal, i):
            return i + len(literal)
        raise _unexpected(data, i, "a value", error)
    m = _NUMBER.match(data, i)
    if m is None or m.end() == i:
        raise _unexpected(data, i, "a value", error)
    return m.end()


def _bad_string(data: bytes, i: int, error: type[Exception]) -> Exception:
    """Say where a string that does not scan goes wrong: a control byte, a bad escape or no end."""
    j = i + 1
    n = len(data)
    while j < n:
        c = data[j]
        if c == 0x22:
            break
        if c < 0x20:
            return _unexpected(data, j, "a character in a string (control bytes must be escaped)", error)
        if c == 0x5C:
            if re.match(rb'\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})', data[j : j + 6]) is None:
                return _unexpected(data, j + 1, "an escape sequence", error)
            j += 6 if data[j + 1] == 0x75 else 2
            continue
        j += 1
    return _unexpected(data, n, "the end of a string", error)


def _scan_value(data: bytes, i: int, depth: int, max_depth: int, error: type[Exception] = DecodeError) -> int:
    """Return the end of the JSON value at i (past whitespace); iterative, so only max_depth bounds nesting."""
    stack: list[int] = []  # 0x7b '{' or 0x5b '['
    n = len(data)
    while True:
        # a value is expected at i
        c = data[i] if i < n else -1
        if c == 0x7B or c == 0x5B:
            depth += 1
            if depth > max_depth:
                raise (
                    error(f"exceeded max depth {max_depth}", i) if error is DecodeError else error("exceeded max depth")
                )
            i = _skip_ws(data, i + 1)
            close = 0x7D if c == 0x7B else 0x5D
            if i < n and data[i] == close:
                depth -= 1
                i += 1
            else:
                stack.append(c)
                if c == 0x7B:
                    i = _expect_key(data, i, error)
                continue
        else:
            i = _scan_scalar(data, i, error)
        # after a value: close containers or move to the next member
        while stack:
            i = _skip_ws(data, i)
            c = data[i] if i < n else -1
            top = stack[-1]
            if c == 0x2C:
                i = _skip_ws(data, i + 1)
                if top == 0x7B:
                    i = _expect_key(data, i, error)
                break
            if (c == 0x7D and top == 0x7B) or (c == 0x5D and top == 0x5B):
                stack.pop()
                depth -= 1
                i += 1
                continue
            raise _unexpected(data, i, "',' or '" + ("}" if top == 0x7B else "]") + "'", error)
        else:
            return i


def _expect_key(data: bytes, i: int, error: type[Exception]) -> int:
    """Scan `"key" :` at i and return the position of the value that follows."""
    if i >= len(data) or data[i] != 0x22:
        raise _unexpected(data, i, "a string key", error)
    m = _STRING.match(data, i)
    if m is None:
        raise _bad_string(data, i, error)
    i = _skip_ws(data, m.end())
    if i >= len(data) or data[i] != 0x3A:
        raise _unexpected(data, i, "':' after an object key", error)
    return _skip_ws(data, i + 1)


# ---- strings -------------------------------------------------------------------------


def _replace_one_byte(exc: UnicodeDecodeError) -> tuple[str, int]:
    """Go replaces each byte of an invalid UTF-8 sequence with U+FFFD, one byte at a time."""
    return "\ufffd", exc.start + 1


codecs.register_error("framegen.go-utf8", _replace_one_byte)

_ESCAPE = re.compile(
    rb"\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})|\\(.)", re.DOTALL
)
_SIMPLE_ESCAPES = {b'"': '"', b"\\": "\\", b"/": "/", b"b": "\b", b"f": "\f", b"n": "\n", b"r": "\r", b"t": "\t"}


def _escape_text(m: re.Match[bytes]) -> str:
    high, low, single, simple = m.groups()
    if high is not None:
        return chr(0x10000 + ((int(high, 16) - 0xD800) << 10) + (int(low, 16) - 0xDC00))
    if single is not None:
        code = int(single, 16)
        return "\ufffd" if 0xD800 <= code <= 0xDFFF else chr(code)
    return _SIMPLE_ESCAPES[simple]


_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def unquote(body: bytes) -> str:
    """The Go string of a JSON string's body (the bytes between the quotes, already scanned)."""
    if b"\\" not in body:
        return body.decode("utf-8", "framegen.go-utf8")
    if body.isascii() and not _SURROGATE_ESCAPE.search(body):
        return _json_string(b'"' + body + b'"')  # C-speed: no invalid UTF-8, no surrogate escape to mend
    parts: list[str] = []
    last = 0
    for m in _ESCAPE.finditer(body):
        parts.append(body[last : m.start()].decode("utf-8", "framegen.go-utf8"))
        parts.append(_escape_text(m))
        last = m.end()
    parts.append(body[last:].decode("utf-8", "framegen.go-utf8"))
    return "".join(parts)


_GO_FOLD_SPECIAL = {"\u017f": "S", "\u212a": "K"}
"""The only non-ASCII runes whose Go fold (the smallest rune of its unicode.SimpleFold orbit) is ASCII."""


def go_fold(key: str) -> str:
    """Go's foldName, exact for matching against ASCII field names: ASCII letters upper-cased, two runes mapped.

    Any other non-ASCII rune folds to a non-ASCII rune in Go, so it is kept as is: it can never match.
    """
    if key.isascii():
        return key.upper()
    return "".join(_GO_FOLD_SPECIAL.get(ch, ch.upper() if ch.isascii() else ch) for ch in key)


# ---- encoding ------------------------------------------------------------------------

_HTML_UNSAFE = re.compile("[<>&\u2028\u2029]")
_HTML_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def encode_str(value: str) -> bytes:
    """A Go-encoded JSON string: short escapes for \\b \\f \\n \\r \\t, \\u00xx for other controls, HTML-safe."""
    text = _encode_basestring(value)
    if _HTML_UNSAFE.search(text):
        text = _HTML_UNSAFE.sub(lambda m: _HTML_ESCAPES[m.group()], text)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\\\\ufffd", text).encode("utf-8")


_COMPACT = re.compile(rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"|[ \t\r\n]++', re.DOTALL)
_RAW_UNSAFE = re.compile(b"[<>&]|\xe2\x80[\xa8\xa9]")
_RAW_ESCAPES = {
    b"<": b"\\u003c",
    b">": b"\\u003e",
    b"&": b"\\u0026",
    b"\xe2\x80\xa8": b"\\u2028",
    b"\xe2\x80\xa9": b"\\u2029",
}


def _compact_token(m: re.Match[bytes]) -> bytes:
    token = m.group()
    if token[0] != 0x22:
        return b""
    return _RAW_UNSAFE.sub(_raw_escape, token)


def _raw_escape(m: re.Match[bytes]) -> bytes:
    return _RAW_ESCAPES[m.group()]


def _already_compact(data: bytes) -> bool:
    """No whitespace and nothing Go escapes, anywhere (one pass in C): compacting would change nothing."""
    return len(data.translate(None, b" \t\r\n<>&\xe2")) == len(data)


HTML_UNSAFE_BYTES = b"<>&\xe2"
"""Bytes whose absence proves html_safe has nothing to do (\xe2 leads U+2028 and U+2029)."""


def html_safe(data: bytes) -> bytes:
    """Go's HTML-safe escapes applied to JSON text whose other escapes are already Go's (msgspec's).

    The characters escaped can only occur inside strings, so replacing them anywhere is exact.
    """
    return _RAW_UNSAFE.sub(_raw_escape, data)


# The C encoder behind json.dumps, made once (JSONEncoder.encode would build a new one per call):
# no circular check, no default hook, Go's separators, strings escaped as with ensure_ascii=False.
if _c_make_encoder is not None:
    _FLAT_ENCODER = _c_make_encoder(None, None, _encode_basestring, None, ":", ",", False, False, False)
else:  # an interpreter without the C accelerator: the same output, slower
    _FLAT_ENCODER = _JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).iterencode


def encode_flat(members: dict[str, Any] | None) -> bytes | None:
    """Go's bytes for an object of plain strings, booleans and integers, by the C JSON encoder.

    Python's json escapes exactly as Go does (\\b \\f \\n \\r \\t, \\u00xx, non-ASCII raw) except
    for Go's HTML-safe escapes, added here. None when there are no plain members to write (a raw or
    nested field is set) or for a lone surrogate (the field-by-field encoder writes U+FFFD for it, as
    Go does for invalid UTF-8).
    """
    if members is None:
        return None
    text = "".join(_FLAT_ENCODER(members, 0))
    if _HTML_UNSAFE.search(text):
        text = _HTML_UNSAFE.sub(lambda m: _HTML_ESCAPES[m.group()], text)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return None


def encode_tree(value: Any, parts_of: dict[type, Any]) -> bytes:
    """Encode a struct whose members may nest structs, without recursion.

    parts_of[type](value, parts) appends the value's encoding to parts: bytes, or nested
    struct values still to be encoded; it returns True when it appended any of the latter.
    """
    parts: list[Any] = []
    if not parts_of[value.__class__](value, parts):
        return b"".join(parts)
    out: list[bytes] = []
    stack = parts[::-1]
    while stack:
        item = stack.pop()
        if item.__class__ is bytes:
            out.append(item)
            continue
        parts = []
        parts_of[item.__class__](item, parts)
        stack.extend(reversed(parts))
    return b"".join(out)


# ---- decoding into generated structs --------------------------------------------------

FAST_PATH_MIN_DEPTH = 1_000
"""msgspec refuses nesting near Python's recursion limit (~1,000), so it cannot accept anything deeper
than a max_depth at or above this; below it, only the exact decoder runs."""


def fast_path() -> Any:
    """msgspec, if installed and not disabled with FRAMEGEN_NO_FAST_PATH=1 (the tests run both ways)."""
    if os.environ.get("FRAMEGEN_NO_FAST_PATH"):
        return None
    try:
        import msgspec
    except ImportError:
        return None
    return msgspec


def encodes_to(wire: Any, data: bytes, encode: Any, lists: tuple[str, ...]) -> bool:
    """encode(wire) == data, for a bulk input, without holding a second copy of it in memory.

    The struct is encoded with each non-empty list replaced by a marker byte (NUL: msgspec escapes
    control characters, so it is nowhere else in its output); the text around the markers and the
    lists' items are then compared in place, 256 items at a time.
    """
    import msgspec  # this runs only on the fast path, which exists only when msgspec does

    present = {name: getattr(wire, name) for name in lists if getattr(wire, name)}
    if not present:
        return encode(wire) == data
    marker = msgspec.Raw(b"\x00")
    around = encode(msgspec.structs.replace(wire, **dict.fromkeys(present, marker))).split(b"\x00")
    pos = 0
    for text, items in zip(around, present.values(), strict=False):
        if not data.startswith(text + b"[", pos):
            return False
        pos += len(text) + 1
        for start in range(0, len(items), 256):  # a batch's encoding is "[" + its items joined by "," + "]"
            if start:
                if data[pos : pos + 1] != b",":
                    return False
                pos += 1
            part = encode(items[start : start + 256])[1:-1]
            if not data.startswith(part, pos):
                return False
            pos += len(part)
        if data[pos : pos + 1] != b"]":
            return False
        pos += 1
    return data.startswith(around[-1], pos) and pos + len(around[-1]) == len(data)


def convert_in_place(items: list[Any], convert: Any) -> None:
    """Replace each item by convert(item), so the fast path frees each mirror as soon as it is converted."""
    for i, item in enumerate(items):
        items[i] = convert(item)


STR, BOOL, INT, RAW, ENUM, LIST = range(6)
_SPECS: dict[type, StructSpec] = {}


def wire_fields(cls: type) -> tuple[tuple[str, str], ...]:
    """(attribute, wire name) of every field of a generated struct, in wire order."""
    return tuple((spec[0], wire) for wire, spec in _SPECS[cls].fields.items())


class StructSpec:
    """How to decode one generated struct: its class and, per wire name, (attribute, kind, extra)."""

    __slots__ = ("by_bytes", "cls", "fast", "fields", "folded")

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.fast: Any = None  # set by models.py when msgspec is installed

    def define(self, fields: dict[str, tuple[str, int, Any]]) -> None:
        """Set the fields after every spec exists, so a struct can list itself (Frame.items)."""
        _SPECS[self.cls] = self
        self.fields = fields
        self.by_bytes = {wire.encode(): spec for wire, spec in fields.items()}
        self.folded = {go_fold(wire): spec for wire, spec in fields.items()}

    def lookup(self, body: bytes) -> tuple[str, int, Any] | None:
        spec = self.by_bytes.get(body)
        if spec is not None:
            return spec
        key = unquote(body)
        return self.fields.get(key) or self.folded.get(go_fold(key))


BULK_SIZE = 64 * 1024
"""Inputs at least this large are decoded with the cyclic garbage collector paused (see paused_gc)."""


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic GC while building many tracked objects (dataclasses, lists), as bulk loaders do.

    Each collection scans every object made so far, so a 100,000-item snapshot otherwise costs time
    that grows faster than its size (measured: 394 ms instead of 120 ms). Reference counting still
    frees memory; the collector is re-enabled (if it was on) as soon as decoding ends.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


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
            return _decode_exact(data, spec, max_size, max_depth)
        with paused_gc():
            if spec.fast is not None and fast_path_applies(data, max_size, max_depth):
                value = spec.fast(data)
                if value is not None:
                    return value
            return _decode_exact(data, spec, max_size, max_depth)
    except MemoryError:
        pass  # leave the handler first, so that the traceback and the partial value it holds are freed
    raise DecodeError(f"out of memory decoding an input of {len(data)} bytes; a lower max_size would refuse it")


def json_text(data: Any) -> str:
    """The JSON text from_dict decodes: json.dumps's, with DecodeError for a value that has none.

    json.dumps raises ValueError (NaN or an infinity, a circular reference, an int past Python's
    digit limit), TypeError (a set, bytes, any other object; a key that is not a str, int, float,
    bool or None) or RecursionError (nesting past Python's recursion limit). Each is a fault of the
    data, as bytes Go rejects are, so each is reported the same way.
    """
    try:
        return _json_dumps(data, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError) as exc:
        raise DecodeError(f"not JSON data: {type(exc).__name__}: {exc}") from exc


def fast_path_applies(data: Any, max_size: int, max_depth: int) -> bool:
    """Bytes within the size limit, and a depth limit msgspec's own (about 1,000) cannot undercut."""
    return data.__class__ is bytes and len(data) <= max_size and max_depth >= FAST_PATH_MIN_DEPTH


def _decode_exact(data: bytes | bytearray | memoryview | str, spec: StructSpec, max_size: int, max_depth: int) -> Any:
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
            raise DecodeError(f"cannot unmarshal a JSON {_kind_name(data[i])} into {spec.cls.__name__}", i)
        raise _unexpected(data, i, "a value")
    value, end = _decode_object_tree(data, i, spec, max_depth)
    end = _skip_ws(data, end)
    if end != len(data):
        raise _unexpected(data, end, "the end of the input")
    return value


def _kind_name(c: int) -> str:
    return {0x5B: "array", 0x22: "string", 0x74: "bool", 0x66: "bool"}.get(c, "number")


_OPEN, _MEMBER, _AFTER_MEMBER, _CLOSE_OBJECT, _ELEMENT, _AFTER_ELEMENT, _CLOSE_LIST = range(7)


def _decode_object_tree(data: bytes, i: int, root: StructSpec, max_depth: int) -> tuple[Any, int]:
    """Decode nested structs (and lists of them) with an explicit stack: depth is bounded by max_depth alone."""
    n = len(data)
    stack: list[tuple[StructSpec, Any]] = []  # (spec, values dict) for an object, (item spec, list) for a list
    depth = 0
    spec = root
    state = _OPEN
    while True:
        if state == _OPEN:  # data[i] == '{'
            depth += 1
            if depth > max_depth:
                raise DecodeError(f"exceeded max depth {max_depth}", i)
            stack.append((spec, {}))
            i = _skip_ws(data, i + 1)
            if i < n and data[i] == 0x7D:
                i += 1
                state = _CLOSE_OBJECT
            else:
                state = _MEMBER
        elif state == _MEMBER:
            spec, values = stack[-1]
            if i >= n or data[i] != 0x22:
                raise _unexpected(data, i, "a string key")
            m = _STRING.match(data, i)
            if m is None:
                raise _bad_string(data, i, DecodeError)
            key_at = i
            field = spec.lookup(m.group(1))
            i = _skip_ws(data, m.end())
            if i >= n or data[i] != 0x3A:
                raise _unexpected(data, i, "':' after an object key")
            i = _skip_ws(data, i + 1)
            state = _AFTER_MEMBER
            if field is None:
                i = _scan_value(data, i, depth, max_depth)
                continue
            attr, kind, extra = field
            if attr in values:
                raise DecodeError(f"key {unquote(m.group(1))!r} names field {attr!r} a second time", key_at)
            if kind == LIST and i < n and data[i] == 0x5B:
                depth += 1
                if depth > max_depth:
                    raise DecodeError(f"exceeded max depth {max_depth}", i)
                values[attr] = items = []
                stack.append((extra, items))
                i = _skip_ws(data, i + 1)
                if i < n and data[i] == 0x5D:
                    i += 1
                    state = _CLOSE_LIST
                else:
                    state = _ELEMENT
                continue
            i = _decode_member(data, i, kind, extra, attr, values, depth, max_depth)
        elif state == _AFTER_MEMBER:
            i = _skip_ws(data, i)
            if i < n and data[i] == 0x2C:
                i = _skip_ws(data, i + 1)
                state = _MEMBER
            elif i < n and data[i] == 0x7D:
                i += 1
                state = _CLOSE_OBJECT
            else:
                raise _unexpected(data, i, "',' or '}' after an object member")
        elif state == _CLOSE_OBJECT:
            spec, values = stack.pop()
            depth -= 1
            value = spec.cls(**values)
            if not stack:
                return value, i
            stack[-1][1].append(value)
            state = _AFTER_ELEMENT
        elif state == _ELEMENT:
            spec, items = stack[-1]
            c = data[i] if i < n else -1
            if c == 0x7B:
                state = _OPEN
            elif c == 0x6E and data.startswith(b"null", i):  # a null element is a zero struct
                items.append(spec.cls())
                i += 4
                state = _AFTER_ELEMENT
            else:
                if i < n:
                    _scan_value(data, i, depth, max_depth)
                    raise DecodeError(f"cannot unmarshal a JSON {_kind_name(c)} into {spec.cls.__name__}", i)
                raise _unexpected(data, i, "a value")
        elif state == _AFTER_ELEMENT:
            i = _skip_ws(data, i)
            if i < n and data[i] == 0x2C:
                i = _skip_ws(data, i + 1)
                state = _ELEMENT
            elif i < n and data[i] == 0x5D:
                i += 1
                state = _CLOSE_LIST
            else:
                raise _unexpected(data, i, "',' or ']' after an array element")
        else:  # _CLOSE_LIST
            stack.pop()
            depth -= 1
            state = _AFTER_MEMBER


def _decode_member(
    data: bytes, i: int, kind: int, extra: Any, attr: str, values: dict[str, Any], depth: int, max_depth: int
) -> int:
    """Decode one scalar or raw member into values[attr]; return the position after it."""
    n = len(data)
    c = data[i] if i < n else -1
    if kind == RAW:
        end = _scan_value(data, i, depth, max_depth)
        values[attr] = RawJSON.trusted(data[i:end])
        return end
    if c == 0x6E and data.startswith(b"null", i):  # null leaves a scalar or a list at its zero value
        values[attr] = [] if kind == LIST else _ZERO[kind]
        return i + 4
    if kind in (STR, ENUM):
        if c == 0x22:
            m = _STRING.match(data, i)
            if m is None:
                raise _bad_string(data, i, DecodeError)
            text = unquote(m.group(1))
            values[attr] = extra.get(text, text) if kind == ENUM else text
            return m.end()
    elif kind == BOOL:
        if data.startswith(b"true", i):
            values[attr] = True
            return i + 4
        if data.startswith(b"false", i):
            values[attr] = False
            return i + 5
    elif kind == INT:
        m = _NUMBER.match(data, i)
        if m is not None and m.end() > i:
            token = m.group()
            if _INTEGER.fullmatch(token) is None:
                raise DecodeError(f"cannot unmarshal number {_shown(token)} into an integer field {attr!r}", i)
            # Over 20 characters (no leading zeros in JSON) is past int64, and int() is never asked for a
            # number past Python's digit limit (sys.get_int_max_str_digits), which raises ValueError.
            number = int(token) if len(token) <= _INT64_CHARS else None
            if number is None or not _INT64_MIN <= number <= _INT64_MAX:
                raise DecodeError(f"number {_shown(token)} overflows the 64-bit integer field {attr!r}", i)
            values[attr] = number
            return m.end()
    if i >= n:
        raise _unexpected(data, i, "a value")
    _scan_value(data, i, depth, max_depth)  # a syntax error in the value is reported as such
    raise DecodeError(f"cannot unmarshal a JSON {_kind_name(c)} into field {attr!r} ({_KIND_NAMES[kind]})", i)


def _shown(token: bytes) -> str:
    """A number as an error message shows it: a huge one cut short, its length given."""
    return token.decode() if len(token) <= 40 else f"{token[:20].decode()}... ({len(token)} characters)"


_ZERO = {STR: "", ENUM: "", BOOL: False, INT: 0}
_KIND_NAMES = {STR: "string", ENUM: "string", BOOL: "bool", INT: "integer", LIST: "array"}
