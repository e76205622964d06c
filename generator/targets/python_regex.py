r"""Schema patterns (RE2, the dialect Go's regexp compiles) as Python `re` patterns of the same meaning.

The generated Go validator compiles each pattern with regexp.MustCompile; the Python one runs it
through `re`, whose syntax looks alike and means something else in places: `$` also matches before
a final newline; `\d \w \s \b` are Unicode-aware (Arabic-Indic digits are `\d`) where RE2's are
ASCII (and RE2's `\s` has no `\v`); `(?i)` folds `ı` and `İ` to `i` where RE2 folds only
`ſ` and the Kelvin sign into ASCII; `a{,2}` and `a{01}` are repetitions in Python and literal text
in RE2; `\Z`, `\z`, `\Q…\E`, `\x{…}`, `(?U)`, `[[:alpha:]]` are errors or other things in one of the two.

`translate` parses a pattern as Go's regexp/syntax does (the Perl flags regexp.Compile uses) and
writes a Python pattern that relies on none of Python's own readings: every literal escaped, every
class written out as code point ranges, `^ $ \A \z` as `\A`, `\Z` and lookarounds, `\b \B` as
lookarounds on ASCII word characters, case-insensitivity as explicit classes, capture groups as
non-capturing ones (only whether a pattern matches is used, so names and numbers do not matter).

It raises Untranslatable for a pattern RE2 refuses (`invalid`: lookaround, backreferences, `\Z`,
possessive or stacked repetition, counts over 1,000, bad escapes, ...) and for one whose meaning
it cannot reproduce exactly (not `invalid`): Unicode classes (`\pL`, `\p{Greek}`: Python's re has
none, and Go's Unicode tables are another version than Python's unicodedata), `(?i)` applied to a
non-ASCII character (its case orbit comes from Go's tables), groups nested deeper than 100, and
repetitions that expand past 100,000 steps (RE2 caps the size of a compiled program).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

MAX_RUNE = 0x10FFFF
MAX_REPEAT = 1_000  # RE2's limit on a count, and on the copies nested counts make of one thing
MAX_NESTING = 100  # RE2 refuses past 1,000; Python's recursive parser wants far less
MAX_SIZE = 100_000  # steps after expanding counted repetitions; RE2 refuses a program past ~3 million

Ranges = list[tuple[int, int]]

_DIGIT: Ranges = [(0x30, 0x39)]
_WORD: Ranges = [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A)]
PERL: dict[str, tuple[Ranges, bool]] = {  # \d \s \w and their negations: ASCII only in RE2
    "d": (_DIGIT, False),
    "D": (_DIGIT, True),
    "s": ([(0x09, 0x0A), (0x0C, 0x0D), (0x20, 0x20)], False),
    "S": ([(0x09, 0x0A), (0x0C, 0x0D), (0x20, 0x20)], True),
    "w": (_WORD, False),
    "W": (_WORD, True),
}
POSIX: dict[str, Ranges] = {  # [[:name:]] inside a class
    "alnum": [(0x30, 0x39), (0x41, 0x5A), (0x61, 0x7A)],
    "alpha": [(0x41, 0x5A), (0x61, 0x7A)],
    "ascii": [(0x00, 0x7F)],
    "blank": [(0x09, 0x09), (0x20, 0x20)],
    "cntrl": [(0x00, 0x1F), (0x7F, 0x7F)],
    "digit": _DIGIT,
    "graph": [(0x21, 0x7E)],
    "lower": [(0x61, 0x7A)],
    "print": [(0x20, 0x7E)],
    "punct": [(0x21, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E)],
    "space": [(0x09, 0x0D), (0x20, 0x20)],
    "upper": [(0x41, 0x5A)],
    "word": _WORD,
    "xdigit": [(0x30, 0x39), (0x41, 0x46), (0x61, 0x66)],
}
# Go's unicode.SimpleFold orbits of ASCII letters: the other case, plus these two non-ASCII members.
_FOLD_EXTRA = {ord("k"): 0x212A, ord("K"): 0x212A, ord("s"): 0x17F, ord("S"): 0x17F}
_ESCAPES = {"a": 0x07, "f": 0x0C, "n": 0x0A, "r": 0x0D, "t": 0x09, "v": 0x0B}
_W = "[0-9A-Z_a-z]"
_WORD_BOUNDARY = f"(?:(?<={_W})(?!{_W})|(?<!{_W})(?={_W}))"
_NOT_WORD_BOUNDARY = f"(?:(?<={_W})(?={_W})|(?<!{_W})(?!{_W}))"


class Untranslatable(ValueError):
    """A pattern RE2 refuses (invalid) or whose RE2 meaning this module cannot write for Python."""

    def __init__(self, message: str, hint: str, *, invalid: bool) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.invalid = invalid


def _invalid(message: str, hint: str = "write the pattern in RE2 syntax (Go's regexp)") -> Untranslatable:
    return Untranslatable(f"not valid RE2 (Go's regexp): {message}", hint, invalid=True)


def _unsupported(message: str, hint: str) -> Untranslatable:
    return Untranslatable(f"RE2 meaning not reproducible in Python's re: {message}", hint, invalid=False)


# ---- code point sets ----------------------------------------------------------------------------


def _normalize(ranges: Ranges) -> Ranges:
    out: Ranges = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _negate(ranges: Ranges) -> Ranges:
    out, next_lo = [], 0
    for lo, hi in _normalize(ranges):
        if lo > next_lo:
            out.append((next_lo, lo - 1))
        next_lo = hi + 1
    return out + [(next_lo, MAX_RUNE)] * (next_lo <= MAX_RUNE)


def _fold(ranges: Ranges) -> Ranges:
    """The ranges with each member's case orbit added, as RE2's (?i) does; ASCII members only."""
    out = list(ranges)
    for lo, hi in ranges:
        if hi >= 0x80:
            raise _unsupported(
                "(?i) applied to a non-ASCII character",
                "RE2 folds them with Go's Unicode tables: list the cases explicitly, e.g. [Ää], or drop (?i)",
            )
        for c in range(lo, hi + 1):
            if chr(c).isalpha():
                out.append((ord(chr(c).swapcase()),) * 2)
                if c in _FOLD_EXTRA:
                    out.append((_FOLD_EXTRA[c],) * 2)
    return _normalize(out)


def _char(c: int) -> str:
    """c as a Python pattern matches it, in or out of a class: letters and digits as they are, other
    printable ASCII escaped with a backslash (which Python's re allows for any of them), the rest as hex."""
    if c < 0x80 and chr(c).isalnum():
        return chr(c)
    if 0x21 <= c <= 0x7E:
        return "\\" + chr(c)
    return f"\\x{c:02x}" if c <= 0xFF else f"\\u{c:04x}" if c <= 0xFFFF else f"\\U{c:08x}"


def _class(ranges: Ranges) -> str:
    if not ranges:
        return "(?!)"  # RE2 allows an empty class, which matches nothing; Python's [] is an error
    if len(ranges) == 1 and ranges[0][0] == ranges[0][1]:
        return _char(ranges[0][0])
    return "[" + "".join(_char(lo) if lo == hi else f"{_char(lo)}-{_char(hi)}" for lo, hi in ranges) + "]"


# ---- the parser: Go's regexp/syntax, iterative --------------------------------------------------


@dataclass(frozen=True)
class _Flags:
    fold: bool = False  # i
    multiline: bool = False  # m: ^ and $ at line ends
    dot_nl: bool = False  # s: . matches \n
    ungreedy: bool = False  # U: swap greedy and lazy


@dataclass
class _Atom:
    text: str
    single: bool = False  # one character, class or group: a repetition needs no group around it
    weight: int = 1  # copies nested counted repetitions make of the innermost thing (RE2 allows 1,000)
    size: int = 1  # steps once counted repetitions are expanded


@dataclass
class _Group:
    saved: _Flags
    alternatives: list[list[_Atom]]


def _group_atom(alternatives: list[list[_Atom]]) -> _Atom:
    atoms = [a for alt in alternatives for a in alt]
    return _Atom(
        "(?:" + "|".join("".join(a.text for a in alt) for alt in alternatives) + ")",
        single=True,
        weight=max((a.weight for a in atoms), default=1),
        size=sum(a.size for a in atoms) + 1,
    )


def _parse_int(p: str, j: int) -> tuple[int, int] | None:
    """Go's parseInt: digits without a leading zero; -1 for a number past 10^8."""
    if j >= len(p) or not "0" <= p[j] <= "9" or (p[j] == "0" and j + 1 < len(p) and "0" <= p[j + 1] <= "9"):
        return None
    k = j
    while k < len(p) and "0" <= p[k] <= "9":
        k += 1
    n = int(p[j:k]) if k - j <= 9 else -1
    return (n if n < 10**8 else -1), k


def _parse_repeat(p: str, j: int) -> tuple[int, int, int] | None:
    """Go's parseRepeat on `{…}` at j: (min, max or -1, end); None when it is a literal `{`."""
    parsed = _parse_int(p, j + 1)
    if parsed is None or parsed[1] >= len(p):
        return None
    low, k = parsed
    high = low
    if p[k] == ",":
        k += 1
        if k >= len(p):
            return None
        if p[k] == "}":
            high = -1
        else:
            parsed = _parse_int(p, k)
            if parsed is None:
                return None
            high, k = parsed
            low = -1 if high < 0 else low
    if k >= len(p) or p[k] != "}":
        return None
    return low, high, k + 1


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0
        self.flags = _Flags()
        self.groups: list[_Group] = []
        self.alternatives: list[list[_Atom]] = [[]]

    def run(self) -> str:
        p = self.p
        last_repeat = False
        while self.i < len(p):
            c = p[self.i]
            repeated = False
            if c == "(":
                self._open()
            elif c == "|":
                self.alternatives.append([])
                self.i += 1
            elif c == ")":
                self._close()
            elif c in "^$":
                multiline = self.flags.multiline
                self._add({"^": r"\A", "$": r"\Z"}[c] if not multiline else {"^": "(?<![^\\n])", "$": "(?![^\\n])"}[c])
                self.i += 1
            elif c == ".":
                self._add(_class([(0, MAX_RUNE)] if self.flags.dot_nl else _negate([(0x0A, 0x0A)])), True)
                self.i += 1
            elif c == "[":
                self._class()
            elif c in "*+?":
                self._repeat({"*": (0, -1), "+": (1, -1), "?": (0, 1)}[c], c, self.i + 1, last_repeat)
                repeated = True
            elif c == "{" and (counts := _parse_repeat(p, self.i)) is not None:
                low, high, end = counts
                if low < 0 or low > MAX_REPEAT or high > MAX_REPEAT or 0 <= high < low:
                    raise _invalid(f"invalid repeat count {p[self.i : end]} (RE2 allows 0 to 1,000)")
                self._repeat((low, high), p[self.i : end], end, last_repeat)
                repeated = True
            elif c == "\\":
                self._escape()
            else:  # a { that starts no repetition is a literal too, in RE2
                self._literal(ord(c))
                self.i += 1
            last_repeat = repeated
        if self.groups:
            raise _invalid("missing closing )")
        root = _group_atom(self.alternatives)
        if root.size > MAX_SIZE:
            raise _unsupported(f"counted repetitions expand past {MAX_SIZE:,} steps", "use smaller counts")
        return "|".join("".join(a.text for a in alt) for alt in self.alternatives)

    def _add(self, text: str, single: bool = False) -> None:
        self.alternatives[-1].append(_Atom(text, single and not text.startswith("(")))  # not (?!)

    def _literal(self, c: int) -> None:
        self._add(_class(_fold([(c, c)])) if self.flags.fold else _char(c), True)

    def _open(self) -> None:
        p, i = self.p, self.i
        if not p.startswith("(?", i):
            self._push(self.flags, self.flags, i + 1)  # a capture group: only matching matters here
            return
        if (len(p) - i > 4 and p[i + 2 : i + 4] == "P<") or (len(p) - i > 3 and p[i + 2] == "<"):
            begin = i + (4 if p[i + 2] == "P" else 3)
            end = p.find(">", i)
            if end < 0 or not re.fullmatch(r"[0-9A-Za-z_]+", p[begin:end], re.ASCII):
                raise _invalid(f"invalid named capture {p[i : end + 1] if end >= 0 else p[i:]!r}", _LOOKAROUND_HINT)
            self._push(self.flags, self.flags, end + 1)
            return
        flags, sign, saw, j = self.flags, 1, False, i + 2
        names = {"i": "fold", "m": "multiline", "s": "dot_nl", "U": "ungreedy"}
        while j < len(p):
            c = p[j]
            j += 1
            if c in names:
                flags = replace(flags, **{names[c]: sign > 0})
                saw = True
            elif c == "-" and sign > 0:
                sign, saw = -1, False
            elif c in ":)" and (sign > 0 or saw):
                if c == ":":
                    self._push(self.flags, flags, j)
                else:
                    self.flags, self.i = flags, j
                return
            else:
                break
        raise _invalid(f"invalid or unsupported Perl syntax {p[i:j]!r}", _LOOKAROUND_HINT)

    def _push(self, saved: _Flags, flags: _Flags, end: int) -> None:
        if len(self.groups) >= MAX_NESTING:
            raise _unsupported(f"groups nested deeper than {MAX_NESTING}", "flatten the pattern")
        self.groups.append(_Group(saved, self.alternatives))
        self.alternatives, self.flags, self.i = [[]], flags, end

    def _close(self) -> None:
        if not self.groups:
            raise _invalid("unexpected )")
        atom = _group_atom(self.alternatives)
        group = self.groups.pop()
        self.alternatives, self.flags = group.alternatives, group.saved
        self.alternatives[-1].append(atom)
        self.i += 1

    def _repeat(self, counts: tuple[int, int], operator: str, end: int, last_repeat: bool) -> None:
        lazy = end < len(self.p) and self.p[end] == "?"
        end += lazy
        if last_repeat:
            raise _invalid(
                f"invalid nested repetition operator {operator}", "RE2 has no possessive (*+) or stacked repetition"
            )
        if not self.alternatives[-1]:
            raise _invalid(f"missing argument to repetition operator {operator}")
        atom = self.alternatives[-1].pop()
        low, high = counts
        weight, size = atom.weight, atom.size + 1
        if operator[0] == "{":
            copies = high if high >= 0 else low
            weight = 1 if high == 0 else weight * max(copies, 1)
            size = atom.size * max(copies, 1) + 1
            if (low >= 2 or high >= 2) and weight > MAX_REPEAT:
                raise _invalid(f"invalid repeat count {operator}: nested counts make more than 1,000 copies")
            if size > MAX_SIZE:
                raise _unsupported(f"counted repetitions expand past {MAX_SIZE:,} steps", "use smaller counts")
            operator = f"{{{low}}}" if low == high else f"{{{low},}}" if high < 0 else f"{{{low},{high}}}"
        greedy = lazy == self.flags.ungreedy  # (?U) swaps: x*? is then greedy
        text = atom.text if atom.single else f"(?:{atom.text})"
        self.alternatives[-1].append(_Atom(f"{text}{operator}{'' if greedy else '?'}", weight=weight, size=size))
        self.i = end

    def _escape(self) -> None:
        p, i = self.p, self.i
        c = p[i + 1] if i + 1 < len(p) else ""
        simple = {"A": r"\A", "z": r"\Z", "b": _WORD_BOUNDARY, "B": _NOT_WORD_BOUNDARY}
        if c in simple:
            self._add(simple[c])
            self.i += 2
        elif c == "Q":  # \Q…\E: literal text, to \E or the end
            end = p.find("\\E", i + 2)
            for ch in p[i + 2 : end if end >= 0 else len(p)]:
                self._literal(ord(ch))
            self.i = end + 2 if end >= 0 else len(p)
        elif c and c in PERL:
            self._add(_class(self._perl(c)), single=True)
            self.i += 2
        else:
            code, self.i = self._escaped_char(i)
            self._literal(code)

    def _perl(self, c: str) -> Ranges:
        base, negated = PERL[c]
        folded = _fold(base) if self.flags.fold else base
        return _negate(folded) if negated else folded

    def _escaped_char(self, i: int) -> tuple[int, int]:
        """Go's parseEscape: the code point escaped at i, and the index after it."""
        p = self.p
        if i + 1 >= len(p):
            raise _invalid("trailing backslash at end of expression")
        c, j = p[i + 1], i + 2
        if c < "\x80" and not c.isalnum():
            return ord(c), j
        if c in "1234567" and (j >= len(p) or p[j] not in "01234567"):
            raise _invalid(f"invalid escape sequence \\{c}", "RE2 has no backreferences")
        if c in "01234567":  # up to three octal digits
            k = j
            while k < len(p) and k < j + 2 and p[k] in "01234567":
                k += 1
            return int(p[i + 1 : k], 8), k
        if c == "x":
            if p.startswith("{", j):
                end = p.find("}", j)
                digits = p[j + 1 : end] if end >= 0 else ""
                if digits and re.fullmatch("[0-9A-Fa-f]+", digits) and int(digits, 16) <= MAX_RUNE:
                    return int(digits, 16), end + 1
            elif re.fullmatch("[0-9A-Fa-f]{2}", p[j : j + 2]):
                return int(p[j : j + 2], 16), j + 2
            raise _invalid(f"invalid escape sequence {p[i : j + 2]!r}", r"write \xHH or \x{HHHHHH}")
        if c in _ESCAPES:
            return _ESCAPES[c], j
        if c in "pP":
            raise _unsupported(
                f"Unicode class \\{c}…",
                "Python's re has no Unicode classes, and Go's tables are another Unicode version: "
                r"write the ranges, e.g. [\x{0370}-\x{03FF}]",
            )
        if c == "Z":
            raise _invalid(r"\Z is not RE2", r"for the end of the text write \z, or $")
        raise _invalid(f"invalid escape sequence \\{c}")

    def _class(self) -> None:
        """Go's parseClass: a bracketed class, written out as explicit ranges."""
        p, j = self.p, self.i + 1
        negated = p.startswith("^", j)
        j += negated
        ranges: Ranges = []
        first = True
        while j >= len(p) or p[j] != "]" or first:
            if j >= len(p):
                raise _invalid("missing closing ]")
            first = False
            if p.startswith("[:", j) and len(p) - j > 2 and (end := p.find(":]", j + 2)) >= 0:
                name = p[j + 2 : end]
                base = POSIX.get(name.removeprefix("^"))
                if base is None:
                    raise _invalid(f"invalid character class range [:{name}:]")
                folded = _fold(base) if self.flags.fold else base
                ranges += _negate(folded) if name.startswith("^") else folded
                j = end + 2
                continue
            if p.startswith("\\", j) and j + 1 < len(p) and p[j + 1] in PERL:
                ranges += self._perl(p[j + 1])
                j += 2
                continue
            low, j = self._class_char(j)
            high = low
            if j + 1 < len(p) and p[j] == "-" and p[j + 1] != "]":
                high, j = self._class_char(j + 1)
                if high < low:
                    raise _invalid(f"invalid character class range {p[self.i : j]!r}")
            ranges += _fold([(low, high)]) if self.flags.fold else [(low, high)]
        ranges = _normalize(ranges)
        self._add(_class(_negate(ranges) if negated else ranges), single=True)
        self.i = j + 1

    def _class_char(self, j: int) -> tuple[int, int]:
        if j >= len(self.p):
            raise _invalid("missing closing ]")
        if self.p[j] == "\\":
            return self._escaped_char(j)
        return ord(self.p[j]), j + 1


_LOOKAROUND_HINT = "RE2 has no lookaround, atomic groups, backreferences or comments; name groups (?P<name>…)"


def translate(pattern: str) -> str:
    """The Python `re` pattern that matches exactly where RE2 matches `pattern`; Untranslatable if none."""
    if any(0xD800 <= ord(c) <= 0xDFFF for c in pattern):
        raise _invalid("a lone surrogate has no UTF-8 form", "remove it")
    out = _Parser(pattern).run()
    try:
        re.compile(out)
    except (re.error, RecursionError, OverflowError) as exc:  # a bug here, not in the schema: say so
        raise _unsupported(f"Python's re refused the translation ({exc})", "report this pattern") from None
    return out
