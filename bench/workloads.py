"""Deterministic benchmark workloads: mix, snapshot, big_template, invalid (encoded frames as bytes)."""

from __future__ import annotations

import json
import random

TYPES_SIMPLE = [
    "key_sync",
    "key_delete_sync",
    "key_delete",
    "template_delete",
    "template_delete_sync",
    "key_create_resp",
    "key_delete_resp",
    "template_create_resp",
    "template_update_resp",
    "template_delete_resp",
    "key_create",
    "cluster_config_sync",
    "cluster_config_snapshot",
]


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789-") for _ in range(n))


def _key(rng: random.Random) -> dict:
    return {
        "tokenHash": _word(rng, 64),
        "hashPrefix": _word(rng, 8),
        "name": "apikey-" + _word(rng, 10),
        "namespace": "team-" + _word(rng, 5),
        "role": rng.choice(["dev", "admin", "ci"]),
        "user": _word(rng, 6),
        "team": _word(rng, 5),
        "issuedAt": "2026-11-01T10:00:00Z",
    }


def _template(rng: random.Random, size: int) -> dict:
    containers = []
    while len(json.dumps(containers)) < size:
        containers.append(
            {
                "name": _word(rng, 8),
                "image": f"registry.internal/{_word(rng, 10)}:1.{rng.randrange(99)}",
                "env": [{"name": _word(rng, 6).upper(), "value": _word(rng, 12)} for _ in range(4)],
                "resources": {"cpu": f"{rng.randrange(100, 2000)}m", "memory": f"{rng.randrange(1, 8)}Gi"},
            }
        )
    return {"metadata": {"name": _word(rng, 10), "namespace": "sandboxes"}, "spec": {"containers": containers}}


def frame(rng: random.Random, t: str) -> dict:
    rid = "req-" + _word(rng, 8)
    if t == "key_sync":
        return {"type": t, **_key(rng)}
    if t in ("key_delete_sync", "template_delete_sync"):
        return {"type": t, "name": _word(rng, 12)}
    if t in ("key_delete", "template_delete"):
        return {"id": rid, "type": t, "name": _word(rng, 12)}
    if t == "key_create_resp":
        return {
            "id": rid,
            "type": t,
            "ok": True,
            "rawToken": "sk-" + _word(rng, 40),
            "keyId": _word(rng, 10),
            "tokenHash": _word(rng, 64),
            "hashPrefix": _word(rng, 8),
            "issuedAt": "2026-11-01T10:00:00Z",
        }
    if t.endswith("_resp"):
        if rng.random() < 0.3:
            return {
                "id": rid,
                "type": t,
                "error": "failed: " + _word(rng, 30),
                "httpStatus": rng.choice([404, 409, 500]),
            }
        return {"id": rid, "type": t, "ok": True}
    if t == "key_create":
        return {
            "id": rid,
            "type": t,
            **{k: v for k, v in _key(rng).items() if k not in ("name", "tokenHash")},
            "description": "key for " + _word(rng, 20),
        }
    if t.startswith("cluster_config"):
        return {
            "type": t,
            "configSnapshot": {  # as the real ws-proxy marshals its ClusterConfig (Go's field order, omitempty)
                "clusters": [
                    {"id": "cluster-" + _word(rng, 4), "name": _word(rng, 5), "url": "https://" + _word(rng, 12)}
                    for _ in range(2)
                ],
                "hostAliases": [{"ip": "10.0.0.1", "hostnames": [_word(rng, 8) + ".internal"]}],
            },
        }
    raise ValueError(t)


def encode(obj: dict) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()


def mix(n: int = 10_000, seed: int = 1) -> list[bytes]:
    rng = random.Random(seed)
    out = [encode(frame(rng, rng.choice(TYPES_SIMPLE))) for _ in range(n)]
    for i in range(0, n, 500):  # a few template frames with ~2 KB templates
        out[i] = encode({"id": "req-" + _word(rng, 8), "type": "template_update", "templateFull": _template(rng, 2000)})
    return out


def snapshot(n: int = 10_000, seed: int = 2) -> list[bytes]:
    rng = random.Random(seed)
    return [encode({"type": "key_snapshot", "items": [{"type": "", **_key(rng)} for _ in range(n)]})]


def big_template(n: int = 1_000, seed: int = 3) -> list[bytes]:
    rng = random.Random(seed)
    template = _template(rng, 20_000)
    return [
        encode({"type": "template_sync", "templateFull": {**template, "metadata": {"name": f"t{i}"}}}) for i in range(n)
    ]


def invalid(n: int = 2_000, seed: int = 4) -> list[bytes]:
    """Frames that decode but break rules (every error reported), as a receiver rejects them."""
    rng = random.Random(seed)
    shapes = [
        lambda: {"type": "key_delete"},
        lambda: {"type": "key_create_resp", "ok": True, "error": "x"},
        lambda: {"type": "template_sync", "templateFull": [1, 2]},
        lambda: {"type": "nope", "name": "x"},
        lambda: {"type": "key_delete_resp", "id": "1", "error": "e"},
    ]
    return [encode(rng.choice(shapes)()) for _ in range(n)]
