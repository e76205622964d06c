"""`make bench`: the generated Python decoder, validator and encoder against their peers.

Workloads (bench/workloads.py): mix (10,000 frames of all types, plus 2 KB templates), snapshot
(one key_snapshot with 10,000 items), big_template (1,000 template_sync frames, ~20 KB templates),
invalid (frames that break rules). Every contender is first checked to accept and reject the same
frames; then, in one process, contenders run interleaved over chunks of each workload, a warm-up
round and ROUNDS timed rounds, and the best and median per-frame times are reported, with ratios
to json.loads, msgspec (Raw) and jsonschema. Writes .bench/results.json and prints Markdown.
"""

from __future__ import annotations

import gc
import json
import os
import platform
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "generated" / "python"), str(ROOT / "bench")]

import fastjsonschema  # noqa: E402
import jsonschema  # noqa: E402
import jsonschema_rs  # noqa: E402
import msgspec  # noqa: E402
import orjson  # noqa: E402
import pydantic  # noqa: E402
import steps  # noqa: E402
import workloads  # noqa: E402

import sync_protocol as sp  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
CHUNK = 500
SCHEMA = json.loads((ROOT / "schema" / "sync-protocol.schema.json").read_text())


class MsgspecFrame(msgspec.Struct, omit_defaults=True):
    """msgspec with the raw fields as msgspec.Raw: the practical lower bound (no Go-exact semantics)."""

    id: str = ""
    type: str = ""
    tokenHash: str = ""
    hashPrefix: str = ""
    name: str = ""
    namespace: str = ""
    role: str = ""
    user: str = ""
    team: str = ""
    quotaURL: str = ""
    description: str = ""
    issuedAt: str = ""
    expiresAt: str = ""
    items: list[MsgspecFrame] = []
    ok: bool = False
    rawToken: str = ""
    keyId: str = ""
    error: str = ""
    httpStatus: int = 0
    templateFull: msgspec.Raw = msgspec.Raw(b"")
    configSnapshot: msgspec.Raw = msgspec.Raw(b"")


class PydanticFrame(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(strict=True)
    id: str = ""
    type: str
    tokenHash: str = ""
    hashPrefix: str = ""
    name: str = ""
    namespace: str = ""
    role: str = ""
    user: str = ""
    team: str = ""
    quotaURL: str = ""
    description: str = ""
    issuedAt: str = ""
    expiresAt: str = ""
    items: list[PydanticFrame] = []
    ok: bool = False
    rawToken: str = ""
    keyId: str = ""
    error: str = ""
    httpStatus: int = 0
    templateFull: dict[str, Any] | None = None
    configSnapshot: dict[str, Any] | None = None


MSGSPEC = msgspec.json.Decoder(MsgspecFrame)
FAST = fastjsonschema.compile({**SCHEMA, "$schema": "http://json-schema.org/draft-07/schema#"})
RS = jsonschema_rs.validator_for(SCHEMA)
JS = jsonschema.Draft202012Validator(SCHEMA)


def ours_decode_validate(data: bytes) -> bool:
    """The call the README recommends to a receiving service: decode, then validate (errors level)."""
    try:
        return not sp.validate(sp.Frame.from_json(data))
    except sp.DecodeError:
        return False


def _valid_fast(obj: Any) -> bool:
    try:
        FAST(obj)
        return True
    except fastjsonschema.JsonSchemaException:
        return False


def _pydantic(data: bytes) -> bool:
    try:
        PydanticFrame.model_validate_json(data)
        return True
    except pydantic.ValidationError:
        return False


DECODERS: dict[str, Callable[[bytes], Any]] = {
    "json.loads": json.loads,
    "orjson.loads": orjson.loads,
    "msgspec (Raw)": MSGSPEC.decode,
    "pydantic v2 strict": _pydantic,
    "fastjsonschema (after json.loads)": lambda d: _valid_fast(json.loads(d)),
    "jsonschema-rs (after json.loads)": lambda d: RS.is_valid(json.loads(d)),
    "jsonschema (after json.loads)": lambda d: JS.is_valid(json.loads(d)),
    "framegen from_json + validate": ours_decode_validate,
}
VALIDATORS: dict[str, Callable[[Any], Any]] = {
    "fastjsonschema": _valid_fast,
    "jsonschema-rs": RS.is_valid,
    "jsonschema": JS.is_valid,
}


def timed(
    contenders: dict[str, Callable[[Any], Any]], inputs: list[Any] | dict[str, list[Any]], rounds: int = ROUNDS
) -> dict[str, dict]:
    """Interleave contenders over chunks; per round, total time per contender; best and median per item.

    `inputs` is one list for all, or one list per contender (the same values in each one's own form,
    e.g. dicts for json.dumps and Frames for to_json), so no adapter call is timed on either side.
    """
    own = inputs if isinstance(inputs, dict) else dict.fromkeys(contenders, inputs)
    size = len(next(iter(own.values())))
    assert all(len(v) == size for v in own.values()), "every contender gets as many inputs"
    starts = range(0, size, CHUNK) if size else [0]
    totals: dict[str, list[float]] = {name: [] for name in contenders}
    for round_ in range(rounds + 1):  # round 0 is the warm-up
        spent = dict.fromkeys(contenders, 0.0)
        for i, start in enumerate(starts):
            names = list(contenders)
            names = names[i % len(names) :] + names[: i % len(names)]  # rotate who goes first
            for name in names:
                fn = contenders[name]
                chunk = own[name][start : start + CHUNK]
                gc.disable()
                started = time.perf_counter()
                for item in chunk:
                    fn(item)
                spent[name] += time.perf_counter() - started
                gc.enable()
        if round_:
            for name, seconds in spent.items():
                totals[name].append(seconds / size)
    return {name: {"best_us": min(v) * 1e6, "median_us": statistics.median(v) * 1e6} for name, v in totals.items()}


def agreement(inputs: list[bytes]) -> dict[str, str]:
    """Each anchor's verdicts against ours on the same frames (validators only; parsers accept all)."""
    ours = [ours_decode_validate(d) for d in inputs]
    out = {}
    for name, fn in (
        ("pydantic v2 strict", _pydantic),
        ("fastjsonschema", lambda d: _valid_fast(json.loads(d))),
        ("jsonschema-rs", lambda d: RS.is_valid(json.loads(d))),
        ("jsonschema", lambda d: JS.is_valid(json.loads(d))),
    ):
        theirs = [bool(fn(d)) for d in inputs]
        same = sum(a == b for a, b in zip(ours, theirs, strict=True))
        out[name] = f"{same}/{len(inputs)} same verdict"
    return out


def peak_memory(data: bytes) -> dict[str, float]:
    out = {}
    for name, fn in (("json.loads", json.loads), ("framegen from_json", sp.Frame.from_json)):
        gc.collect()
        tracemalloc.start()
        value = fn(data)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del value
        out[name] = peak / len(data)
    return out


def table(title: str, results: dict[str, dict], unit: str = "frame") -> list[str]:
    base = results.get("json.loads") or results.get("json.dumps")
    ms = results.get("msgspec (Raw)")
    js = results.get("jsonschema (after json.loads)") or results.get("jsonschema")
    lines = [
        f"### {title}",
        "",
        f"| contender | best µs/{unit} | median µs/{unit} | × json | × msgspec | × jsonschema |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, r in results.items():
        ratios = " | ".join(_ratio(r, ref) for ref in (base, ms, js))
        lines.append(f"| {name} | {r['best_us']:.2f} | {r['median_us']:.2f} | {ratios} |")
    return [*lines, ""]


def _ratio(r: dict, ref: dict | None) -> str:
    return f"{r['best_us'] / ref['best_us']:.2f} / {r['median_us'] / ref['median_us']:.2f}" if ref else "—"


def main() -> None:
    started = time.perf_counter()
    # Frames as a Go sender writes them (json.Marshal of the struct): what a receiving service sees.
    canonical = lambda frames: [sp.Frame.from_json(d).to_json() for d in frames]  # noqa: E731
    mix, snap, big = canonical(workloads.mix()), canonical(workloads.snapshot()), canonical(workloads.big_template())
    bad = canonical(workloads.invalid())
    results: dict[str, Any] = {
        "machine": f"{platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "rounds": ROUNDS,
        "ratios": "best / median",
    }
    results["agreement_mix"] = agreement(mix[:2000])
    results["agreement_invalid"] = agreement(bad[:500])
    slow = {"jsonschema (after json.loads)"}
    fast = {k: v for k, v in DECODERS.items() if k not in slow}
    results["mix"] = timed(fast, mix)
    results["mix"].update(timed({k: DECODERS[k] for k in slow}, mix[:2000], rounds=3))  # 75× slower: fewer
    results["snapshot"] = timed(
        {k: fast[k] for k in ("json.loads", "orjson.loads", "msgspec (Raw)", "framegen from_json + validate")}, snap
    )
    results["big_template"] = timed(
        {k: fast[k] for k in ("json.loads", "orjson.loads", "msgspec (Raw)", "framegen from_json + validate")}, big
    )
    results["invalid"] = timed(
        {
            k: fast[k]
            for k in (
                "json.loads",
                "msgspec (Raw)",
                "framegen from_json + validate",
                "jsonschema-rs (after json.loads)",
            )
        },
        bad,
    )
    parsed = [json.loads(d) for d in mix]
    frames = [sp.Frame.from_json(d) for d in mix]
    validators = {name: fn for name, fn in VALIDATORS.items() if name != "jsonschema"}
    validators["framegen validate (decoded frame)"] = sp.validate
    results["validator"] = timed(
        validators, {name: frames if name.startswith("framegen") else parsed for name in validators}
    )
    results["validator"].update(timed({"jsonschema": JS.is_valid}, parsed[:2000], rounds=3))
    results["encoder"] = timed(
        {"json.dumps (dict)": json.dumps, "framegen to_json (Go bytes)": sp.Frame.to_json},
        {"json.dumps (dict)": parsed, "framegen to_json (Go bytes)": frames},
    )
    results["encoder"]["json.dumps"] = results["encoder"].pop("json.dumps (dict)")
    results["snapshot_peak_memory_x_input"] = peak_memory(snap[0])
    results["components_mix"] = steps.components(mix, frames, ROUNDS)
    results["seconds"] = time.perf_counter() - started
    out = ROOT / ".bench" / "results.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    lines = [f"Machine: {results['machine']}; {ROUNDS} rounds after a warm-up; ratios are best / median.", ""]
    for key, title in (
        ("mix", "mix: bytes -> validated frame"),
        ("snapshot", "snapshot (10,000 items), per frame"),
        ("big_template", "big_template (~20 KB templateFull)"),
        ("invalid", "invalid frames rejected"),
        ("validator", "validator on already-parsed input"),
        ("encoder", "encoder"),
    ):
        lines += table(title, results[key])
    lines.append(f"Verdict agreement with framegen (mix): {results['agreement_mix']}")
    lines.append(f"Verdict agreement with framegen (invalid): {results['agreement_invalid']}")
    lines.append(
        "Snapshot peak traced memory, × input size: "
        + ", ".join(f"{k} {v:.1f}×" for k, v in results["snapshot_peak_memory_x_input"].items())
    )
    lines.append(f"Total {results['seconds']:.0f} s. JSON: .bench/results.json")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
