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

    def is_valid(self) -> bool:
        """Whether the bytes are one JSON value (what Go's Marshal requires of a RawMessage); remembered."""
        if not self._valid:
            try:
                self.compact()
            except EncodeError:
                return False
        return True

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
    char = quote_char(data[i])
    if error is DecodeError:
        return DecodeError(f"invalid character {char}, expected {what}", i)
    return error(f"invalid character {char}, expected {what}")


def quote_char(c: int) -> str:
    """A byte as Go's JSON errors show it: 'x', '\\'', '\\x00'; a byte past ASCII as the rune of that number."""
    if c == 0x27:
        return "'\\''"
    if c == 0x22:
        return "'\"'"
    text = chr(c)
    return f"'{text}'" if text.isprintable() else f"'\\x{c:02x}'"


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


def pointer_token(key: str) -> str:
    """A map key as a JSON pointer reference token (RFC 6901: ~ and / escaped)."""
    return key.replace("~", "~0").replace("/", "~1")


# ---- numbers and times ------------------------------------------------------------------------------


def go_float(value: float) -> bytes:
    """What Go's encoding/json writes for a float64: the shortest digits that read back as the same
    number (as Python's repr finds them), plain from 1e-6 up to 1e21 and in exponent form outside,
    with Go's exponent spelling (e+21, e-7, e-07 cleaned to e-7) and -0 for negative zero.

    NaN and the infinities have no JSON form: EncodeError, as Go's Marshal returns UnsupportedValueError.
    """
    if value != value or value in (_INF, -_INF):
        raise EncodeError(f"json: unsupported value: {value!r}")
    if value == 0:
        return b"-0" if str(value)[0] == "-" else b"0"
    text = repr(abs(value))
    mantissa, _, exponent = text.partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0")
    point = len(whole) + int(exponent or 0) - (len(whole + fraction) - len(digits))  # 0.DIGITS x 10**point
    digits = digits.rstrip("0") or "0"
    sign = "-" if value < 0 else ""
    if 1e-6 <= abs(value) < 1e21:
        if point <= 0:
            return f"{sign}0.{'0' * -point}{digits}".encode()
        if point >= len(digits):
            return f"{sign}{digits}{'0' * (point - len(digits))}".encode()
        return f"{sign}{digits[:point]}.{digits[point:]}".encode()
    power = point - 1
    head = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
    spelled = f"-{-power}" if -10 < power < 0 else f"{'-' if power < 0 else '+'}{abs(power):02d}"
    return f"{sign}{head}e{spelled}".encode()


_INF = float("inf")
_DATE_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))", re.ASCII
)
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def is_date_time(text: str) -> bool:
    """RFC 3339 section 5.6 date-time: the grammar, a real calendar date, hour 00-23, minute 00-59,
    second 00-60 (a leap second), offsets within 23:59. The Go validator implements the same function."""
    m = _DATE_TIME.fullmatch(text)
    if m is None:
        return False
    year, month, day, hour, minute, second = (int(g) for g in m.groups()[:6])
    if not (1 <= month <= 12 and 1 <= day <= _DAYS[month - 1] and hour <= 23 and minute <= 59 and second <= 60):
        return False
    if month == 2 and day == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        return False
    offset = m.group(7)
    return offset is None or (int(offset) <= 23 and int(m.group(8)) <= 59)
