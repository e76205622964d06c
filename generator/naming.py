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


def renamed_doc(doc: str, name: str, generated: str) -> str:
    """A type's description that opens with its schema name (Go doc style: "Cluster is …"), opening with
    the name the target gave it instead, so that a renamed type's comment still names it."""
    if generated != name and re.match(rf"{re.escape(name)}\b", doc):
        return generated + doc[len(name) :]
    return doc
