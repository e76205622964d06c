"""A grammar of hostile JSON for the generated structs, drawn by a seeded random.Random.

The byte mutator (mutate.py) mostly breaks the syntax, so its inputs die in the scanner; these
inputs are well-formed far more often and reach the parts that decide values: number spellings
and magnitudes, every string escape (surrogate pairs and lone halves, invalid UTF-8, control
characters), keys that fold as Go folds them or are written with escapes, duplicate keys, raw
values, nesting near Go's limit of 10,000, wrong types and null for every field. Each document
draws a "chaos" level, so some are clean (Go accepts them) and others carry what Go rejects:
bad whitespace, BOMs, trailing data, truncation. The fields come from the generated decoder's
own table, so a schema change reaches the fuzzer without editing it; the struct's own package's table
(sync_protocol, or the types fixture's types_protocol: floats, integer widths, nullable values, lists
and maps of every kind, nested structs, raw lists), whose type codes are the same in every package.
"""

from __future__ import annotations

import random
import re
import sys

from sync_protocol import _codec

GO_MAX_DEPTH = 10_000

INT64_MAX = 2**63 - 1
INTEGERS = [b"0", b"-0", b"1", b"-1", b"200", b"404", b"500", b"999", b"%d" % INT64_MAX, b"%d" % -(INT64_MAX + 1)]
NOT_INTEGERS = [  # valid JSON numbers a Go int field refuses
    b"1.0", b"-0.0", b"0.5", b"1.50", b"1e2", b"1E+2", b"1e-2", b"0e0", b"1e400", b"-1e400", b"1e-400",
    b"%d" % (INT64_MAX + 1), b"%d" % -(INT64_MAX + 2), b"%d" % 2**64, b"123456789.123456789e-5",
    b"1e99999999999999999999",
]  # fmt: skip
NOT_NUMBERS = [  # what JSON does not allow as a number
    b"01", b"-01", b"00", b"+1", b".5", b"1.", b"1.e2", b"0x10", b"-", b"1e", b"1e+", b"--1", b"Infinity",
    b"-Infinity", b"NaN", b"1_000", "\u0661".encode(), "\uff11".encode(), b"1.5.5", b"-.5",
]  # fmt: skip
HUGE_DIGITS = [19, 20, 300, 4300, 4301, 5000, 10_000]
FLOATS = [  # float64's boundaries and Go's spelling switches (1e21, 1e-6)
    b"1e21", b"1e20", b"999999999999999999999", b"1e-6", b"1e-7", b"5e-324", b"2.4703282292062327e-324",
    b"2.4703282292062328e-324", b"1.7976931348623157e308", b"-0", b"-0.0", b"0.30000000000000004", b"1e-400",
    b"-1e-400", b"9007199254740993", b"1.5000000000000002", b"1" + b"0" * 799 + b"e-799",
    b"1" + b"0" * 900 + b"e-2000", b"1e-100000", b"1e0000000001",
]  # fmt: skip
NOT_FLOATS = [  # past float64's range, and spellings Go's ParseFloat misreads (Python's policy rejects them)
    b"1.7976931348623159e308", b"1e309", b"-1e400", b"1" + b"0" * 800 + b"e-800", b"1" + b"0" * 900 + b"e-900",
    b"0." + b"0" * 9998 + b"1e100000",
]  # fmt: skip

ESCAPES = [
    b'\\"', b"\\\\", b"\\/", b"\\b", b"\\f", b"\\n", b"\\r", b"\\t", b"\\u0000", b"\\u001f", b"\\u007f",
    b"\\u00e9", b"\\u00E9", b"\\u2028", b"\\u2029", b"\\u003c", b"\\u0026", b"\\ufffd", b"\\uFEFF",
]  # fmt: skip
SURROGATES = [  # pairs, lone halves, and halves in the wrong order or next to other escapes
    b"\\ud83d\\ude00", b"\\uD83D\\uDE00", b"\\udbff\\udfff", b"\\ud800\\udc00", b"\\ud800", b"\\udc00",
    b"\\uDFFF", b"\\ude00\\ud83d", b"\\ud800\\ud800\\udc00", b"\\ud800\\u0041", b"\\ud800\\n", b"\\ud800x",
]  # fmt: skip
INVALID_UTF8 = [
    b"\xff", b"\xfe", b"\x80", b"\xc3", b"\xc3\x28", b"\xe2\x80", b"\xc0\xaf", b"\xe0\x80\xaf",
    b"\xed\xa0\x80", b"\xed\xbf\xbf", b"\xf4\x90\x80\x80", b"\xf8\x88\x80\x80\x80", b"\xf0\x9f\x98",
]  # fmt: skip
TEXT = [
    b"a", b"key_sync", b"sk-live-1", b"2026-11-01T10:00:00Z", b"<b>&amp;</b>", b"\x7f", b" ",
    *(s.encode() for s in ["é", "東京", "🚀", "\u2028", "\u2029", "\ufffd", "\u00a0", "\ufeff", "ſ", "\u212a"]),
]  # fmt: skip
BAD_ESCAPES = [b"\\x41", b"\\u00", b"\\u00g0", b"\\U0041", b"\\a", b"\\'", b"\\0", b"\\\xc3\xa9"]
JSON_WS = [b" ", b"\n", b"\t", b"\r", b"  \n\t"]
NOT_JSON_WS = [b"\x0b", b"\x0c", b"\xc2\xa0", b"\xe2\x80\xa8", b"\xef\xbb\xbf", b"\x00", b"\xe3\x80\x80"]
# Case folding: ſ (U+017F) and K (U+212A) fold to ASCII in Go; these look alike and do not.
FOLDS_TO_ASCII = {"s": "\u017f", "S": "\u017f", "k": "\u212a", "K": "\u212a"}
LOOKALIKES = {"i": "\u0131", "I": "\u0130", "s": "\u00df", "a": "\u0430", "e": "\uff45", "A": "\u212b"}
UNKNOWN_KEYS = ["extra", "x", "", "Type2", "items_", "__proto__", "id ", "na\u00efve", "\u0000"]
TRAILING = [b" {}", b"x", b"\x00", b"null", b"}", b"]", b",", b" 1", b'"s"', b"\n\n", b" \t", b"{"]


def codec_of(cls: type):
    """The _codec module of the generated package a struct class belongs to."""
    return sys.modules[cls.__module__.rsplit(".", 1)[0] + "._codec"]


def discriminator(spec: _codec.StructSpec) -> str | None:
    """The struct's first enum field (Frame's type, Sample's kind), drawn more often than the others."""
    return next((wire for wire, (_, t, _) in spec.fields.items() if t[0] == _codec.ENUM), None)


class Grammar:
    """Draws one JSON document for a generated struct; the same seed gives the same documents."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.chaos = 0.0

    def hostile(self, scale: float = 1.0) -> bool:
        """True with this document's chaos probability: a construct Go rejects (or the policy does)."""
        return self.rng.random() < self.chaos * scale

    # ---- documents -------------------------------------------------------------------------

    def document(self, cls: type) -> bytes:
        rng = self.rng
        self.chaos = rng.choice([0.0, 0.0, 0.0, 0.01, 0.03, 0.1, 0.3])
        spec = codec_of(cls).spec_of(cls)
        roll = rng.random()
        if roll < 0.02:
            tokens = self.deep_items(spec)
        elif roll < 0.05 and self.chaos:
            tokens = self.any_value(1)  # a top-level array, string, number, ... or null
        else:
            tokens = self.object(spec, 1, 3)
        data = self.join(tokens)
        if self.hostile(2):
            data = rng.choice([b"\xef\xbb\xbf", b"\xfe\xff", b"\xff\xfe", b"\x00", b"\xc2\xa0"]) + data
        if rng.random() < 0.1:
            data = rng.choice(JSON_WS) + data
        if self.hostile(2):
            data += rng.choice(TRAILING)
        elif rng.random() < 0.1:
            data += rng.choice(JSON_WS)
        if self.hostile(2):
            data = data[: rng.randrange(len(data) + 1)]
        return data

    def join(self, tokens: list[bytes]) -> bytes:
        """Tokens joined by no whitespace, JSON whitespace, or (when hostile) whitespace JSON does not allow."""
        rng = self.rng
        spaced = rng.random() < 0.3
        parts = []
        for token in tokens:
            parts.append(token)
            if self.hostile(0.1):
                parts.append(rng.choice(NOT_JSON_WS))
            elif spaced and rng.random() < 0.5:
                parts.append(rng.choice(JSON_WS))
        return b"".join(parts)

    def object(self, spec: _codec.StructSpec, depth: int, items_left: int) -> list[bytes]:
        """A struct: its fields (some, in schema or random order, a few twice), unknown keys, odd keys."""
        rng = self.rng
        key = discriminator(spec)
        fields = [wire for wire in spec.fields if rng.random() < (0.9 if wire == key else 0.4)]
        if rng.random() < 0.5:
            rng.shuffle(fields)
        if fields and self.hostile(0.5):  # a field twice: Python rejects by policy what Go accepts
            fields.insert(rng.randrange(len(fields) + 1), rng.choice(fields))
        for _ in range(rng.choice([0, 0, 0, 1, 2])):
            fields.insert(rng.randrange(len(fields) + 1), None)  # an unknown key
        tokens = [b"{"]
        for n, wire in enumerate(fields):
            if n:
                tokens.append(b",")
            if wire is None:
                tokens += [self.key(rng.choice(UNKNOWN_KEYS)), b":", *self.any_value(depth + 1)]
                continue
            _, kind, _ = spec.fields[wire]
            tokens += [self.key(wire), b":", *self.field_value(kind, depth, items_left)]
        if self.hostile(0.3):
            tokens.append(rng.choice([b",", b",,", b'"k"', b":"]))
        tokens.append(b"}")
        return tokens

    def deep_items(self, spec: _codec.StructSpec) -> list[bytes]:
        """Frames nested in items (two levels each), the innermost holding a raw or unknown value
        nested to just within or past Go's depth limit: the decoders must count both kinds of level.

        (Frames alone nested ~5,000 deep cost Go's harness over a second each; the vectors hold them.)
        """
        rng = self.rng
        list_fields = [
            wire
            for wire, (_, t, _) in spec.fields.items()
            if t[0] == _codec.LIST and t[1][0] == _codec.STRUCT and t[1][1] is spec
        ]
        if not list_fields:
            return self.object(spec, 1, 0)
        levels = rng.choice([1, 2, 10, 100, 300])
        key = rng.choice([b'"x"', b'"templateFull"', b'"configSnapshot"'])
        inner = b"{" + key + b":" + self.deep(2 * levels + 4) + b"}"
        items = b'{"%s":[' % list_fields[0].encode() * levels + inner + b"]}" * levels
        head = b'"type":"key_snapshot",' if "type" in spec.fields else b""
        return [b'{%s"%s":[' % (head, list_fields[0].encode()), items, b"]}"]

    def past_width(self, data: bytes, spec: _codec.StructSpec) -> bytes:
        """Canonical bytes with one integer member (of the struct or one nested in it, or a list's first
        element) rewritten just past its width: the msgspec fast path reads canonical bytes only, so only its
        own bounds keep such a number out. Bytes without an integer member are returned as they are."""
        widths: dict[str, tuple[int, int]] = {}
        stack, seen = [spec], set()
        while stack:
            struct = stack.pop()
            if id(struct) in seen:
                continue
            seen.add(id(struct))
            for wire, (_, t, _) in struct.fields.items():
                while t[0] in (_codec.LIST, _codec.MAP):
                    t = t[1]
                if t[0] == _codec.INT:
                    widths[wire] = t[1]
                elif t[0] == _codec.STRUCT:
                    stack.append(t[1])
        if not widths:
            return data
        names = b"|".join(re.escape(w.encode()) for w in sorted(widths))
        hits = list(re.finditer(rb'"(' + names + rb')":\[?(-?[0-9]+)', data))
        if not hits:
            return data
        hit = self.rng.choice(hits)
        low, high = widths[hit.group(1).decode()]
        number = self.rng.choice([b"%d" % (high + 1), b"%d" % (low - 1), b"%d" % (high * 10 + 9)])
        return data[: hit.start(2)] + number + data[hit.end(2) :]

    # ---- values ----------------------------------------------------------------------------

    def field_value(self, t: tuple, depth: int, items_left: int) -> list[bytes]:
        """A value for one field of codec type t: mostly its own type, sometimes null, when hostile a wrong type."""
        rng = self.rng
        kind, extra, _ = t
        if rng.random() < 0.05:
            return [b"null"]
        if self.hostile(0.5):
            return self.any_value(depth + 1)
        if kind in (_codec.STR, _codec.ENUM):
            if kind == _codec.ENUM and rng.random() < 0.7:
                return [self.string(rng.choice([*extra, "", "not_a_value", "KEY_SYNC"]).encode(), escape=0.1)]
            return [self.string()]
        if kind == _codec.BOOL:
            return [rng.choice([b"true", b"false"])]
        if kind in (_codec.INT, _codec.FLOAT):
            if self.hostile():  # past the integer's width or float64's range, or a float Go misreads
                low, high = extra if kind == _codec.INT else (0, 0)
                past = [b"%d" % (low - 1), b"%d" % (high + 1), b"-0"] if kind == _codec.INT else NOT_FLOATS
                return [rng.choice(past)]
            if rng.random() < 0.7:
                return [self.fitting_number(kind, extra)]
            return [self.integer() if kind == _codec.INT or rng.random() < 0.3 else self.number()]
        if kind == _codec.RAW:
            return self.any_value(depth + 1, raw=True)
        if kind == _codec.STRUCT:
            return self.object(extra, depth + 1, items_left - 1) if items_left > 0 else [b"{}"]
        if kind in (_codec.LIST, _codec.MAP):
            opener, closer = (b"[", b"]") if kind == _codec.LIST else (b"{", b"}")
            if items_left <= 0 or rng.random() < 0.2:
                return [opener + closer]
            tokens = [opener]
            for n in range(rng.choice([1, 1, 2, 3])):
                if n:
                    tokens.append(b",")
                if kind == _codec.MAP:
                    map_key = rng.choice(["a", "b", "A", "\u00e9", "", "<a>", "a/~b", "\u2028", "\U0001f680"])
                    tokens += [self.string(map_key.encode(), escape=0.2), b":"]
                tokens += [b"null"] if rng.random() < 0.1 else self.field_value(extra, depth + 1, items_left - 1)
            return [*tokens, closer]
        raise AssertionError(f"a field kind the grammar does not know: {kind}")

    def any_value(self, depth: int, raw: bool = False) -> list[bytes]:
        """Any JSON value (what raw fields and unknown keys hold, and wrong types for the others)."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.005:
            return [self.deep(depth)]
        if roll < 0.25 and depth < 6:
            tokens = [b"{"]
            keys = [rng.choice(["a", "b", "A", "name", "\u00e9", ""]) for _ in range(rng.choice([0, 1, 2, 3]))]
            if raw and keys and rng.random() < 0.3:
                keys.append(keys[0])  # duplicate keys inside a raw value are kept as written
            for n, key in enumerate(keys):
                tokens += [b","] * bool(n) + [self.string(key.encode(), escape=0.2), b":", *self.any_value(depth + 1)]
            return [*tokens, b"}"]
        if roll < 0.4 and depth < 6:
            tokens = [b"["]
            for n in range(rng.choice([0, 1, 2, 3])):
                tokens += [b","] * bool(n) + self.any_value(depth + 1)
            return [*tokens, b"]"]
        if roll < 0.6:
            return [self.string()]
        if roll < 0.85:
            return [self.number()]
        if self.hostile():
            return [rng.choice([b"tru", b"True", b"nul", b"undefined", b"'s'", b"NaN"])]
        return [rng.choice([b"true", b"false", b"null"])]

    def deep(self, depth: int) -> bytes:
        """Arrays or objects nested to within a few levels of Go's limit, counting the levels around."""
        target = GO_MAX_DEPTH + self.rng.choice([-2, -1, 0, 0, 1, 2]) if self.chaos else GO_MAX_DEPTH - 3
        levels = max(target - depth + 1, 1)
        if self.rng.random() < 0.5:
            inner = self.rng.choice([b"", b"1", b'"s"', b"{}"])
            levels -= inner == b"{}"
            return b"[" * levels + inner + b"]" * levels
        return b'{"a":' * (levels - 1) + b"{}" + b"}" * (levels - 1)

    def fitting_number(self, kind: int, bounds: tuple[int, int] | None) -> bytes:
        """A number the field's type holds: an integer within its width (its bounds often), or a float64."""
        rng = self.rng
        if kind == _codec.INT:
            low, high = bounds
            return rng.choice(
                [b"%d" % low, b"%d" % high, b"0", b"-0" if low < 0 else b"1", b"%d" % rng.randint(low, high)]
                + [b"%d" % rng.randint(max(low, -1000), min(high, 1000))] * 3
            )
        if rng.random() < 0.4:
            return rng.choice(FLOATS)
        mantissa = b"%d" % rng.randint(0, 10**6) + rng.choice([b"", b".0", b".25", b".%d" % rng.randint(0, 999)])
        return rng.choice([b"", b"-"]) + mantissa + rng.choice([b"", b"", b"e1", b"E+21", b"e-7", b"e-300"])

    def integer(self) -> bytes:
        """Mostly an int64 Go accepts; else any number spelling, the huge ones included."""
        rng = self.rng
        if rng.random() < 0.6:
            return rng.choice([*INTEGERS, b"%d" % rng.randint(-(10**18), 10**18)])
        return self.number()

    def number(self) -> bytes:
        rng = self.rng
        roll = rng.random()
        if roll < 0.3:
            return rng.choice(INTEGERS + NOT_INTEGERS)
        if roll < 0.55:
            digits = rng.choice(HUGE_DIGITS)
            body = (b"%d" % rng.randint(1, 9)) + b"9" * (digits - 1)
            return rng.choice([b"", b"-"]) + body + rng.choice([b"", b"", b".5", b"e5", b"E-5"])
        if roll < 0.7:
            return rng.choice([b"0." + b"1" * 5000, b"1e" + b"9" * 5000, b"1." + b"0" * 4400 + b"1", b"-0e-0"])
        if roll < 0.9:
            mantissa = b"%d" % rng.randint(0, 10**6)
            frac = rng.choice([b"", b".0", b".25", b".%d" % rng.randint(0, 999)])
            return rng.choice([b"", b"-"]) + mantissa + frac + rng.choice([b"", b"e1", b"E+308", b"e-324", b"e400"])
        return rng.choice(NOT_NUMBERS) if self.hostile(3) else rng.choice(INTEGERS)

    def string(self, text: bytes | None = None, escape: float = 0.0) -> bytes:
        """A JSON string: given text (some characters escaped), or pieces of text, escapes and bad bytes."""
        rng = self.rng
        if text is not None:
            return b'"' + b"".join(self.char(c, escape) for c in text.decode()) + b'"'
        pieces = []
        for _ in range(rng.choice([0, 1, 1, 2, 3, 5, 8])):
            roll = rng.random()
            if roll < 0.3:
                pieces.append(rng.choice(TEXT))
            elif roll < 0.5:
                pieces.append(rng.choice(ESCAPES))
            elif roll < 0.6:
                pieces.append(b"\\u%04x" % rng.choice([rng.randrange(0x10000), rng.randrange(0x80)]))
            elif roll < 0.7:
                pieces.append(rng.choice(SURROGATES))
            elif roll < 0.8:
                pieces.append(rng.choice(INVALID_UTF8))
            elif roll < 0.85:
                pieces.append(chr(rng.randrange(0x80, 0x110000)).encode("utf-8", "surrogatepass"))
            elif roll < 0.87:
                pieces.append(b"x" * rng.choice([100, 4096]))
            elif roll < 0.8703:
                pieces.append(b"x" * 70_000)  # past BULK_SIZE: the bulk paths
            elif self.hostile(3):
                pieces.append(rng.choice([bytes([rng.randrange(0x20)]), rng.choice(BAD_ESCAPES), b"\\"]))
            else:
                pieces.append(rng.choice(TEXT))
        return b'"' + b"".join(pieces) + b'"'

    def char(self, ch: str, escape: float) -> bytes:
        """One character of a string: as UTF-8, or as a \\u escape in either case of hex digits."""
        code = ord(ch)
        if code < 0x20 or (code < 0x10000 and self.rng.random() < escape):
            return (b"\\u%04x" if self.rng.random() < 0.5 else b"\\u%04X") % code
        return {'"': b'\\"', "\\": b"\\\\"}.get(ch) or ch.encode()

    def key(self, wire: str) -> bytes:
        """A key for a field: as written, in another ASCII case, with runes that fold (or only look) alike."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.15:
            wire = rng.choice([wire.upper(), wire.lower(), wire.swapcase()])
        elif roll < 0.25:
            wire = "".join(c.swapcase() if rng.random() < 0.5 else c for c in wire)
        elif roll < 0.35:
            wire = "".join(FOLDS_TO_ASCII.get(c, c) if rng.random() < 0.7 else c for c in wire)
        elif roll < 0.4:
            wire = "".join(LOOKALIKES.get(c, c) if rng.random() < 0.5 else c for c in wire)
        elif roll < 0.42:
            wire += rng.choice([" ", "\u0000", "\ufffd", "\u200b"])
        key = self.string(wire.encode(), escape=0.15 if rng.random() < 0.3 else 0.0)
        if rng.random() < 0.02:
            key = key[:-1] + rng.choice(INVALID_UTF8) + b'"'
        return key
