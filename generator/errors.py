"""The one exception a bad schema produces: a JSON pointer, a message and a hint."""

from __future__ import annotations


class SchemaError(Exception):
    """A schema the toolkit cannot generate from; the CLI prints it and exits with 2."""

    def __init__(self, pointer: str, message: str, hint: str = "", source: str = "") -> None:
        super().__init__(message)
        self.pointer = pointer
        self.message = message
        self.hint = hint
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}#{self.pointer}" if self.source else f"#{self.pointer}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class RenderError(Exception):
    """Generated code that does not format or parse: a bug in a template or a target."""


class MissingTool(RenderError):
    """A formatter a configured target needs (gofmt, ruff) is not installed: the user's to fix, not a bug."""


def pointer_join(pointer: str, *parts: object) -> str:
    """Append reference tokens to a JSON pointer, escaping '~' and '/' (RFC 6901)."""
    for part in parts:
        pointer += "/" + str(part).replace("~", "~0").replace("/", "~1")
    return pointer
