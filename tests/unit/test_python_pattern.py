"""Schema patterns keep Go's (and ECMA-262's) meaning in the generated Python validator.

Python's `$` also matches before a final newline; Go's and JSON Schema's do not. The structured
fuzzer found the generated validators disagreeing on "2026-11-01T10:00:00Z\\n" (rfc3339-time).
The expected answers below are Go's regexp.MatchString, worked out by hand.
"""

from __future__ import annotations

import re

import pytest

from generator.targets.python import python_pattern


@pytest.mark.parametrize(
    ("pattern", "text", "go_matches"),
    [
        ("^a$", "a", True),
        ("^a$", "a\n", False),
        ("a$|b", "xa\n", False),
        ("a$|b", "b\n", True),
        ("^[a-z]+(-[a-z]+)*$", "ab-cd\n", False),
        ("[$]", "$", True),  # inside a class, $ is a character
        ("[]$]x$", "$x", True),  # a ] first in a class is a member: the class goes on to $
        ("[]$]x$", "$x\n", False),
        ("[^]$]$", "a", True),
        (r"^\$$", "$", True),  # an escaped $ is a character
        (r"^\$$", "$\n", False),
        (r"^[\]$]$", "$", True),
    ],
)
def test_dollar_is_the_end_of_the_text(pattern: str, text: str, go_matches: bool) -> None:
    assert (re.search(python_pattern(pattern), text) is not None) is go_matches


def test_patterns_without_dollar_are_unchanged() -> None:
    for pattern in [r"^[0-9]{4}\.x", "[[:alpha:]]", r"a\\b", "(?i)k"]:
        assert python_pattern(pattern) == pattern
