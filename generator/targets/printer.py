"""Print lowered checks (generator/checks.py) with a target's syntax.

The walk over expressions and statements is here, once; a target supplies a Syntax: how it
writes each test, `and`/`or`, an `if`, a loop over a list's items or a map's values, a finding,
a call to another check function and the decoding of a raw value's content. Compound
expressions nested in others are parenthesised.
"""

from __future__ import annotations

from typing import Protocol

from generator import checks


class Syntax(Protocol):
    indent: str  # one level of indentation

    def is_set(self, e: checks.IsSet) -> str: ...
    def is_nil(self, e: checks.IsNil) -> str: ...
    def in_set(self, e: checks.InSet) -> str: ...
    def matches(self, e: checks.Matches) -> str: ...
    def compare(self, e: checks.Compare) -> str: ...
    def size(self, e: checks.Size) -> str: ...
    def is_date_time(self, e: checks.IsDateTime) -> str: ...
    def is_object(self, e: checks.IsObject) -> str: ...
    def all_of(self, parts: list[str]) -> str: ...
    def any_of(self, parts: list[str]) -> str: ...
    def if_open(self, condition: str) -> list[str]: ...
    def for_each_open(self, loop: checks.ForEach) -> list[str]:
        """The loop's first line, then lines that open its body (they are indented with it)."""
        ...

    def block_close(self) -> list[str]: ...
    def report(self, r: checks.Report) -> list[str]: ...
    def call(self, c: checks.Call) -> list[str]: ...
    def content(self, c: checks.Content, failure: list[str]) -> list[str]:
        """Lines decoding the content and calling its check, given the lines of the failure's report."""
        ...

    def comment(self, text: str) -> list[str]: ...


_ATOMS = {
    checks.IsSet: "is_set",
    checks.IsNil: "is_nil",
    checks.InSet: "in_set",
    checks.Matches: "matches",
    checks.Compare: "compare",
    checks.Size: "size",
    checks.IsDateTime: "is_date_time",
    checks.IsObject: "is_object",
}


def expression(e: checks.Expr, syntax: Syntax, nested: bool = False) -> str:
    if isinstance(e, checks.All | checks.AnyOf):
        parts = [expression(p, syntax, nested=True) for p in e.parts]
        text = syntax.all_of(parts) if isinstance(e, checks.All) else syntax.any_of(parts)
        return f"({text})" if nested and len(parts) > 1 else text
    return getattr(syntax, _ATOMS[type(e)])(e)


def statements(body: tuple[checks.Statement, ...], syntax: Syntax) -> list[str]:
    """Lines of code for the statements, indented one level per block (the formatter finishes the job)."""
    lines: list[str] = []
    for s in body:
        if isinstance(s, checks.Comment):
            lines += syntax.comment(s.text)
        elif isinstance(s, checks.Report):
            lines += syntax.report(s)
        elif isinstance(s, checks.Call):
            lines += syntax.call(s)
        elif isinstance(s, checks.Content):
            lines += syntax.content(s, syntax.report(s.failure))
        elif isinstance(s, checks.If):
            lines += syntax.if_open(expression(s.condition, syntax))
            lines += [syntax.indent + line for line in statements(s.body, syntax)]
            lines += syntax.block_close()
        else:
            opening = syntax.for_each_open(s)
            lines += opening[:1] + [syntax.indent + line for line in opening[1:]]
            lines += [syntax.indent + line for line in statements(s.body, syntax)]
            lines += syntax.block_close()
    return lines
