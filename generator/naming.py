"""Name conversion: split wire names into words and join them in each language's style. Pure functions."""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z]|[0-9]|[^A-Za-z0-9]|$)|[A-Z]?[a-z]+|[A-Z]+|[0-9]+")


def split_words(name: str) -> tuple[str, ...]:
    """'quotaURL' -> ('quota', 'url'); 'HTTPStatus' -> ('http', 'status'); 'key_sync' -> ('key', 'sync')."""
    return tuple(w.lower() for w in _WORD.findall(name))


def snake_case(name: str) -> str:
    return "_".join(split_words(name))


def upper_snake_case(name: str) -> str:
    return snake_case(name).upper()


def pascal_case(name: str, initialisms: frozenset[str] = frozenset()) -> str:
    """Join words capitalised; a word in `initialisms` (lower-case) is written all upper-case."""
    return "".join(w.upper() if w in initialisms else w[:1].upper() + w[1:] for w in split_words(name))
