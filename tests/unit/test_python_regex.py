r"""The RE2 -> Python translation of schema patterns, compared with Go's regexp on every (pattern, text) pair.

Go is the reference: tests/go/regexcheck prints whether regexp.Compile accepts each pattern and
regexp.MatchString on each text. A pattern Go refuses must be refused here; one Go compiles must
be translated and agree with Go on every text, unless it is listed in REFUSED (a construct whose
RE2 meaning the translator does not reproduce: it must then say so, not translate it wrongly).
A seeded random run adds patterns built from the same pieces.
"""

from __future__ import annotations

import functools
import json
import os
import random
import re
import subprocess

import pytest

from generator.targets.python_regex import Untranslatable, translate
from support import GO_TESTS, go_available

RFC3339 = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$"
TIME = "2026-11-01T10:00:00Z"
# Every pattern meets all of these: line ends, Unicode digits, letters whose case folds differ.
TEXTS = [
    *["", "a", "A", "b", "ab", "aa", "aaa", "k", "K", "\u212a", "s", "S", "\u017f", "i", "I", "\u0131", "\u0130"],
    *["\u00e9", "\u00c9", "\u00df", "0", "7", "9", "\u0663", "\uff10", "_", "-", "]", "^", "$", ".", "{", "}", "x{2}"],
    *[" ", "\t", "\n", "\v", "\f", "\r", "\r\n", "\u2028", "\u0085", "\u00a0", "\x00", "\U0010ffff", "\ufffd"],
    *["a\n", "\na", "a\nb", "a\r\n", "a\r", "a\u2028", "a b", "a_b", "a-b", "a.b", "xa\n", "b\n", "$x", "$x\n"],
    *[TIME, TIME + "\n", TIME + "\r\n", TIME + "\r", TIME + "\u2028", " " + TIME, TIME + "\x00"],
    *["\u0662\u0660\u0662\u0666-11-01T10:00:00Z", "2026-11-01T10:00:00.5+01:00", "2026-11-01T10:00:00.5+01:00\n"],
    *["ab-cd", "ab-cd\n", "a{,2}", "a{01}", "a{", ".*", "k.", "K.", "Ka", "Stra\u00dfe", "STRASSE", "\u00e4", "\u00c4"],
]
SAME = [  # Go compiles each; the translation must agree on every text (or Go refuses, and so must we)
    # anchors and line ends: RE2's $ is the end of the text, (?m) makes ^ and $ line anchors
    *["^a$", "a$|b", "^[a-z]+(-[a-z]+)*$", "[$]", "[]$]x$", "[^]$]$", r"^\$$", r"^[\]$]$", RFC3339],
    *[r"a\z", r"\Aa", "(?m)^a$", "(?m)a$", "(?m)^$", "(?m)^", "(?m)$", "$", "^$", "^", "(?m:a$)\n?", "(?-m)^a$"],
    *[".", "(?s).", "(?s:.)\\z", "^.*$", "^.+$", "(?s)^.+$", "(?m)^.*$", "a.b", "(?s)a.b", "\\A\\z", "(?m)\\Aa"],
    # classes: RE2's Perl and POSIX classes are ASCII; \s has no \v, [[:space:]] does
    *[r"\d", r"\D", r"\w", r"\W", r"\s", r"\S", r"\b", r"\B", r"a\b", r"\Ba", r"\b\B", r"^\B$", r"[\d]", r"[^\d]"],
    *[r"^\d+$", r"^\s$", r"^\S$", r"[\s]", "[[:space:]]", "[[:alpha:]]", "[[:^alpha:]]", "[[:word:]]", "[[:punct:]]"],
    *["[[:alnum:]]", "[[:blank:]]", "[[:cntrl:]]", "[[:digit:]]", "[[:graph:]]", "[[:lower:]]", "[[:print:]]"],
    *["[[:upper:]]", "[[:xdigit:]]", "[[:ascii:]]", "[[:^ascii:]]", r"[\d-z]", "[a-]", "[-a]", "[]a]", "[^]a]"],
    *[":alpha:", "[:alpha:]", r"[^\x00-\x{10FFFF}]", r"[\x00-\x{10FFFF}]", r"[^\n]", "[^a]", "[a-c-e]", r"[\w\s]"],
    *[r"[\W\d]", r"[^\D]", "[^[:alpha:]]", "[[:alpha:][:digit:]]", "[[]", r"[\[\]]", "[.]", "[é]", "[à-ÿ]"],
    # case folding: RE2 folds with Go's SimpleFold orbits (k K U+212A, s S U+017F), never ı or İ
    *["(?i)k", "(?i)s", "(?i)K", "(?i)S", "(?i)i", "(?i)I", "(?i)[a-z]", "(?i)[^a-z]", "(?i)[k-m]", r"(?i)\w"],
    *[r"(?i)\W", "(?i)[[:upper:]]", "(?i)[[:^lower:]]", "(?i)[[:word:]]", r"(?i)[\d]", r"(?i)\Qk.\E", "(?i:a)b"],
    *["a(?i)b|c", "(?i)a(?-i)b", "((?i)a)b", "(?i-i)a", "(?i)^a$", "(?i)straSSe", "(?i)[^k]", "é", "(?i)\\x4b"],
    *["(?i)[\\x00-\\x7f]", "(?i)ss", "(?i)[^\\W]", "(?i:[[:^alpha:]])"],
    # escapes
    *[r"\x41", r"\x{41}", r"\x{10FFFF}", r"\x{212a}", r"\101", r"\0", r"\08", r"\12", r"\a\f\t\n\r\v", r"\t"],
    *[r"\Q.*\E", r"\Qa", r"a\Q\E*", r"\.", r"\_", r"\-", r"\]", r"\{2\}", r"\n$", r"^\n", r"\r\n", r"\x{2028}"],
    *[r"\x{0}", r"\400", r"\x{000041}"],
    # groups and flags
    *["(?P<n>a)", "(?<n>a)", "(?P<n>a)(?P<n>b)", "(?P<n1_>a)", "(?)a", "(?U)a+?", "(?U)a*", "(?U)a{1,2}?b"],
    *["(a|)", "a||b", "()", "(?:)", "(?:)*", "(?i)", "(|a)+", "(a*)*", "(a|b)*c", "a|b|", "(?s:(?m:^.)$)"],
    # repetitions: RE2's {,n} and {01} are literal text; counts stop at 1,000
    *["a{2}", "a{2,}", "a{2,3}", "a{,2}", "a{01}", "a{1000}", "(a{10}){100}", "a*?", "a+?", "a??", "a{2}?"],
    *["^*", r"\b+", "a(?i)*", "x{", "x{2", "x{2,", "a{0}", "a{0,0}b", "(?:a{1000}){1}", "a*(?i)*", "a{1,}"],
    *["a{2}\\Q\\E{3}", "a{", "}", "]", "a{2}b{3}", "(a{2}){3}"],
]
INVALID = [  # Go refuses each (the table checks that it does): so must the translation
    *[r"a\Z", "[[:foo:]]", "[a-\\d]", "[z-a]", r"[\b]", "[", "[a", "[[:alpha:]", r"\x{110000}", r"\x{}", r"\x4"],
    *[r"\1", r"\8", r"\C", r"\e", r"\u0041", r"\é", "\\", "(?P<é>a)", "(?P=n)", "(?=a)", "(?!a)", "(?<=a)b"],
    *["(?<!a)b", "(?>a)", "(?#c)", "(?i-)a", "(?-)a", "(?x)a", "(?--i)a", "(?i", "(", ")", "a)", "(?P<>a)"],
    *["a{1001}", "a{2,1}", "(a{100}){11}", "a**", "a*+", "a++", "a{2}{3}", "*a", "a|*", "(?i)*", "{2}", "(*)"],
    *["a{100000000000}", "a{1,100000000000}", "((a{10}){10}){11}", r"[\Q]\E]", "a{2}*", "a?*", "^**"],
]
REFUSED = [  # Go compiles each; the translator refuses on purpose (its RE2 meaning needs Go's Unicode tables)
    *[r"\pL", r"\p{Greek}", r"[\p{L}]", r"\PL", r"\p{^Greek}", "(?i)é", "(?i)[é]", r"(?i)\x{212A}", "(?i)Straße"],
    *[r"(?i)[\x00-\x{10FFFF}]", "(?i)[^é]", "((((((((((" * 11 + "a" + "))))))))))" * 11],
    *["(?:a{1000}){1}" * 101],
]


@functools.cache
def go_answers(cases: tuple[tuple[str, tuple[str, ...]], ...]) -> list[dict]:
    if not go_available():
        pytest.fail("Go is required for the pattern translation tests (install Go 1.22+)")
    request = json.dumps([{"pattern": p, "texts": list(t)} for p, t in cases])
    env = {**os.environ, "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local"}
    out = subprocess.run(
        ["go", "run", "./regexcheck"], cwd=GO_TESTS, input=request, capture_output=True, text=True, env=env, check=True
    )
    return json.loads(out.stdout)


def _python(pattern: str, texts: list[str]) -> list[bool] | Untranslatable:
    try:
        compiled = re.compile(translate(pattern))
    except Untranslatable as exc:
        return exc
    return [compiled.search(text) is not None for text in texts]


def _disagreements(pattern: str, texts: list[str], go: dict, refusal: str = "no") -> list[str]:
    """Empty when the translation agrees with Go; `refusal` says whether refusing a valid pattern is
    wrong ("no"), tolerated ("allowed": a construct the translator refuses on purpose) or expected."""
    python = _python(pattern, texts)
    if go["error"]:
        return [] if isinstance(python, Untranslatable) else [f"{pattern!r}: Go refuses ({go['error']}), we translate"]
    if isinstance(python, Untranslatable):
        if refusal != "no" and not python.invalid:
            return []
        return [f"{pattern!r}: Go compiles it, we refuse: {python.message}"]
    if refusal == "expected":
        return [f"{pattern!r}: translated, but listed as refused"]
    return [
        f"{pattern!r} on {text!r}: Go {g}, Python {p} (translated: {translate(pattern)!r})"
        for text, g, p in zip(texts, go["matches"], python, strict=True)
        if g != p
    ]


ROWS = [(p, "no") for p in SAME + INVALID] + [(p, "expected") for p in REFUSED]


def test_the_table_against_go() -> None:
    cases = tuple((p, tuple(TEXTS)) for p, _ in ROWS)
    answers = go_answers(cases)
    problems = []
    for (pattern, refused), go in zip(ROWS, answers, strict=True):
        problems += _disagreements(pattern, TEXTS, go, refused)
        listed_invalid = pattern in INVALID
        if listed_invalid != bool(go["error"]):  # keep the table honest: INVALID lists exactly what Go refuses
            problems.append(f"{pattern!r}: listed as {'in' if listed_invalid else ''}valid, Go says {go['error']!r}")
    assert problems == [], "\n".join(problems[:40])
    assert len(ROWS) * len(TEXTS) > 20_000  # the size of the comparison, as reported in the change


PIECES = [
    *["a", "b", "k", "K", "s", "é", "0", "\\n", "\\.", "-", "]", "{", "}", "x{2}", ".", "^", "$", "\\A", "\\z"],
    *["\\b", "\\B", "\\d", "\\D", "\\w", "\\W", "\\s", "\\S", "[a-c]", "[^a]", "[[:alpha:]]", "[[:space:]]"],
    *["[\\d-]", "[k-s]", "[^\\n]", "\\x{212A}", "\\x4b", "\\101", "\\Qa.\\E", "(?i)", "(?m)", "(?s)", "(?U)"],
    *["(?-i)", "(?i:", "(?m:", "(?s:", "(", "(?:", "(?P<n>", ")", "|", "*", "+", "?", "*?", "{2}", "{1,2}", "{,2}"],
    *["{0}", "{2,}", "{01}", "**", "\\Z", "\\pL", "[", "\\8", "(?=", "\\Qk"],
]
ALPHABET = ["a", "b", "k", "K", "\u212a", "s", "S", "\u017f", "\u0131", "\u00e9", "\u00c9", "0", "\u0663"]
ALPHABET += ["_", " ", "\n", "\r", "\v", "\u2028", ".", "-", "{", "}", "]", "2", ","]


def test_random_patterns_against_go() -> None:
    rng = random.Random(20261125)
    cases = []
    for _ in range(3000):
        pattern = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 7)))
        texts = tuple("".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 6))) for _ in range(16))
        cases.append((pattern, texts))
    answers = go_answers(tuple(cases))
    problems: list[str] = []
    compiled = 0
    for (pattern, texts), go in zip(cases, answers, strict=True):
        refusal_allowed = ("(?i" in pattern and ("é" in pattern or "x{212A}" in pattern)) or "\\pL" in pattern
        problems += _disagreements(pattern, list(texts), go, "allowed" if refusal_allowed else "no")
        compiled += not go["error"]
    assert problems == [], "\n".join(problems[:40])
    assert compiled > 1000  # enough of them are valid RE2 to compare matches


def test_refusals_say_what_and_why() -> None:
    for pattern, words in [
        (r"a\Z", r"\z"),
        (r"\p{Greek}", "Unicode class"),
        ("(?i)é", "non-ASCII"),
        ("(?=a)", "lookaround"),
        (r"\1", "backreferences"),
        ("a{1001}", "1,000"),
        ("a*+", "possessive"),
    ]:
        with pytest.raises(Untranslatable) as info:
            translate(pattern)
        assert words in info.value.message + " " + info.value.hint, (pattern, info.value.message, info.value.hint)
