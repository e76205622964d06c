"""Rules over the failure model (x-framegen-failure): what the generated error type and response helpers
become. The wire is untouched (field changes have rules of their own); code using the helpers is not."""

from __future__ import annotations

from generator import ir
from generator.diff.context import Context
from generator.diff.model import BREAKING, INFO, Bump, Finding
from generator.diff.rules.registry import hit, rule

SUBJECT = "x-framegen-failure"
PARTS = (("name", "error type"), ("success", "success field"), ("message", "message field"), ("status", "status field"))


def _responses(ctx: Context) -> tuple[str, ...]:
    return tuple(v for v, info in ctx.messages.items() if info.kind == "response")


@rule("FAILURE_MODEL_ADDED", "schema", "the schema now says how a response fails: generated code gains an error type")
def failure_model_added(old: ir.Schema, new: ir.Schema, ctx: Context) -> list[Finding]:
    if old.failure is not None or new.failure is None:
        return []
    f = new.failure
    return hit(
        SUBJECT,
        f"failure model added: generated code gains the error type {f.name} and the response helpers "
        f"(success {f.success}, message {f.message}, status {f.status})",
        INFO,
        Bump.MINOR,
        frame_types=_responses(ctx),
    )


@rule("FAILURE_MODEL_REMOVED", "schema", "the failure model is gone: code using its error type and helpers breaks")
def failure_model_removed(old: ir.Schema, new: ir.Schema, ctx: Context) -> list[Finding]:
    if old.failure is None or new.failure is not None:
        return []
    return hit(
        SUBJECT,
        f"failure model removed: generated code loses the error type {old.failure.name} and the response helpers",
        BREAKING,
        Bump.MAJOR,
        api_break=True,
        frame_types=_responses(ctx),
    )


@rule(
    "FAILURE_MODEL_CHANGED",
    "schema",
    "the error type's name or the fields that decide a response's outcome changed: code using them breaks",
)
def failure_model_changed(old: ir.Schema, new: ir.Schema, ctx: Context) -> list[Finding]:
    if old.failure is None or new.failure is None:
        return []
    changes = [
        f"{what} {getattr(old.failure, key)} -> {getattr(new.failure, key)}"
        for key, what in PARTS
        if getattr(old.failure, key) != getattr(new.failure, key)
    ]
    if not changes:
        return []
    return hit(
        SUBJECT,
        f"failure model changed ({'; '.join(changes)}): code that names the error type, or relies on which "
        "fields decide a response's outcome, no longer compiles or behaves the same",
        BREAKING,
        Bump.MAJOR,
        api_break=True,
        frame_types=_responses(ctx),
    )


@rule("FAILURE_MODEL_DESCRIPTION_CHANGED", "schema", "the error type's documentation changed")
def failure_model_description_changed(old: ir.Schema, new: ir.Schema, ctx: Context) -> list[Finding]:
    if old.failure is None or new.failure is None or old.failure.doc == new.failure.doc:
        return []
    return hit(SUBJECT, f"description of the error type {new.failure.name} changed", INFO, Bump.PATCH)
