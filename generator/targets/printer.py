"""Print lowered checks (generator/checks.py) with a target's syntax.

The walk over expressions and statements is here, once; a target supplies a Syntax: how it
writes a presence test, a membership test, a pattern match, a bound, `and`/`or`, an `if`, a loop
over a list's items and a finding. Compound expressions nested in others are parenthesised.
"""

from __future__ import annotations

from typing import Protocol

from generator import checks


class Syntax(Protocol):
    indent: str  # one level of indentation

    def is_set(self, e: checks.IsSet) -> str: ...
    def in_set(self, e: checks.InSet) -> str: ...
    def matches(self, e: checks.Matches) -> str: ...
    def compare(self, e: checks.Compare) -> str: ...
    def is_object(self, e: checks.IsObject) -> str: ...
    def all_of(self, parts: list[str]) -> str: ...
    def any_of(self, parts: list[str]) -> str: ...
    def if_open(self, condition: str) -> list[str]: ...
    def for_each_open(self, loop: checks.ForEach) -> list[str]: ...
    def block_close(self) -> list[str]: ...
    def report(self, r: checks.Report) -> list[str]: ...
    def comment(self, text: str) -> list[str]: ...


def expression(e: checks.Expr, syntax: Syntax, nested: bool = False) -> str:
    if isinstance(e, checks.All | checks.AnyOf):
        parts = [expression(p, syntax, nested=True) for p in e.parts]
        text = syntax.all_of(parts) if isinstance(e, checks.All) else syntax.any_of(parts)
        return f"({text})" if nested and len(parts) > 1 else text
    if isinstance(e, checks.IsSet):
        return syntax.is_set(e)
    if isinstance(e, checks.InSet):
        return syntax.in_set(e)
    if isinstance(e, checks.Matches):
        return syntax.matches(e)
    if isinstance(e, checks.Compare):
        return syntax.compare(e)
    return syntax.is_object(e)


def statements(body: tuple[checks.Statement, ...], syntax: Syntax) -> list[str]:
    """Lines of code for the statements, indented one level per block (the formatter finishes the job)."""
    lines: list[str] = []
    for s in body:
        if isinstance(s, checks.Comment):
            lines += syntax.comment(s.text)
        elif isinstance(s, checks.Report):
            lines += syntax.report(s)
        elif isinstance(s, checks.If):
            lines += syntax.if_open(expression(s.condition, syntax))
            lines += [syntax.indent + line for line in statements(s.body, syntax)]
            lines += syntax.block_close()
        else:
            lines += syntax.for_each_open(s)
            lines += [syntax.indent + line for line in statements(s.body, syntax)]
            lines += syntax.block_close()
    return lines
