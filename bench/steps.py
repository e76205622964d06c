"""The steps of the generated Python codec, timed one by one (bench.py's "where the time goes").

Kept apart from bench.py because it needs only the generated package (and msgspec for the fast
path's steps), so `make test` can run it: it reads private names of the generated models, which a
change to the generator could rename.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable
from typing import Any

import sync_protocol as sp
from sync_protocol import models


def _convertible_twin() -> type:
    """Frame's fields as a dataclass msgspec accepts (str for the enum, Any for raw values and items):
    what msgspec.convert would cost if it could build Frame itself (it refuses FrameType | str)."""
    types = {"str": str, "FrameType | str": str, "bool": bool, "int": int}  # raw values and items: Any
    hints = {f.name: types.get(str(f.type), Any) for f in dataclasses.fields(sp.Frame)}
    fields = [(name, hint, dataclasses.field(default=None)) for name, hint in hints.items()]
    return dataclasses.make_dataclass("FrameTwin", fields, slots=True)


def components(mix: list[bytes], frames: list[sp.Frame], rounds: int) -> dict[str, float]:
    """Where from_json + validate (and to_json) spend their time, step by step: best of `rounds`, µs per frame."""
    steps: dict[str, tuple[Callable[[Any], Any], Callable[[], list[Any]]]] = {"json.loads": (json.loads, lambda: mix)}
    if models._msgspec is not None:
        # Fresh mirrors each round: the conversion reuses (and empties) their item lists.
        wires = lambda: [models._FRAME_WIRE_DECODER.decode(d) for d in mix]  # noqa: E731
        steps["msgspec decode into the mirror struct"] = (models._FRAME_WIRE_DECODER.decode, lambda: mix)
        steps["msgspec re-encode (canonical-form check)"] = (models._WIRE_ENCODE, wires)
        steps["mirror struct -> dataclass"] = (models._frame_from_wire, wires)
        twin = _convertible_twin()
        steps["(msgspec.convert into an equivalent dataclass)"] = (
            lambda w: models._msgspec.convert(w, twin, from_attributes=True),
            wires,
        )
    steps["Frame.from_json"] = (sp.Frame.from_json, lambda: mix)
    # validate and to_json both start with it: every field holds a value of its type (a frame built in code)
    steps["type check (each field's class; in validate and to_json)"] = (models._frame_types_ok, lambda: frames)
    steps["validate"] = (sp.validate, lambda: frames)
    steps["lint"] = (sp.lint, lambda: frames)
    if models._msgspec is not None:
        outs = lambda: [models._frame_to_out(f) for f in frames]  # noqa: E731
        steps["dataclass -> out mirror struct"] = (models._frame_to_out, lambda: frames)
        steps["msgspec encode of the out mirror"] = (models._WIRE_ENCODE, outs)
    steps["to_json"] = (lambda f: f.to_json(), lambda: frames)
    out = {}
    for name, (fn, inputs) in steps.items():
        best = float("inf")
        for _ in range(rounds):
            items = inputs()
            started = time.perf_counter()
            for item in items:
                fn(item)
            best = min(best, time.perf_counter() - started)
        out[name] = best / len(items) * 1e6
    return out
