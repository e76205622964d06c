"""Failed responses as errors: Frame.response_error() / raise_for_response() and HTTPError.

The rule is the real Worker's (design/real-services.md §3b): ok true is success, whatever error
says; otherwise a non-zero httpStatus is an HTTPError(status, message); otherwise a plain
ResponseError carrying the error text. The verdicts on the examples are written here by hand; the
parity test asks the Go helper (Frame.ResponseError, through tests/go/harness) about every example
and vector frame and requires the same answer.
"""

from __future__ import annotations

import base64
import json
from collections import Counter

import pytest

import sync_protocol
from conformance.runner import load_vectors
from support import EXAMPLES, example_files, python_answer, response_verdict

RESPONSES = {str(t) for t, info in sync_protocol.MESSAGE_INFO.items() if info.kind == "response"}

# Every example of a response type: (kind, status, message), worked out from the files by hand.
EXPECTED = {
    "valid/key_create_resp_ok.json": ("none", 0, ""),
    "valid/key_create_resp_ok_import.json": ("none", 0, ""),  # an import: no rawToken, ok all the same
    "valid/key_create_resp_error.json": ("http", 429, "quota exceeded for team core"),
    "valid/key_delete_resp_ok.json": ("none", 0, ""),
    "valid/key_delete_resp_error.json": ("http", 404, "secret apikey-x not found"),
    "valid/template_create_resp_ok.json": ("none", 0, ""),
    "valid/template_update_resp_ok.json": ("none", 0, ""),
    "valid/template_update_resp_error.json": ("http", 409, "template python-3.12 is in use"),
    "valid/template_delete_resp_ok.json": ("none", 0, ""),
    "lint/key_create_resp_ok_without_key.json": ("none", 0, ""),
    "invalid/response_ok_with_error.json": ("none", 0, ""),  # ok wins: the error and its 500 are ignored
    "invalid/response_error_without_status.json": ("plain", 0, "boom"),
    "invalid/response_without_id.json": ("none", 0, ""),
    "invalid/response_without_outcome.json": ("plain", 0, ""),
}


def _response_examples() -> list[str]:
    return [
        p.relative_to(EXAMPLES).as_posix()
        for p in example_files()
        if json.loads(p.read_text()).get("type") in RESPONSES
    ]


def test_every_response_example_has_a_written_verdict() -> None:
    assert sorted(_response_examples()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_response_error_on_each_response_example(name: str) -> None:
    frame = sync_protocol.Frame.from_json((EXAMPLES / name).read_bytes())
    kind, status, message = EXPECTED[name]
    assert response_verdict(frame) == {"kind": kind, "status": status, "message": message}
    if kind == "none":
        frame.raise_for_response()  # does not raise
        return
    with pytest.raises(sync_protocol.ResponseError) as info:
        frame.raise_for_response()
    assert info.value.message == message and str(info.value) == message
    assert isinstance(info.value, sync_protocol.HTTPError) == (kind == "http")


def test_http_error_carries_status_and_message() -> None:
    raw = b'{"id":"1","type":"key_create_resp","error":"exceeded max keys per user (5)","httpStatus":409}'
    error = sync_protocol.Frame.from_json(raw).response_error()
    assert type(error) is sync_protocol.HTTPError
    assert (error.status, error.message, str(error)) == (409, "exceeded max keys per user (5)", error.message)
    assert repr(error) == "HTTPError(status=409, message='exceeded max keys per user (5)')"
    with pytest.raises(sync_protocol.ProtocolError) as info:  # the package's base catches it
        sync_protocol.Frame.from_json(raw).raise_for_response()
    assert info.value.status == 409


def test_status_without_error_text_is_an_http_error_with_an_empty_message() -> None:
    error = sync_protocol.Frame(id="1", type="key_delete_resp", http_status=503).response_error()
    assert isinstance(error, sync_protocol.HTTPError) and (error.status, error.message) == (503, "")


def test_ok_wins_over_error_and_status() -> None:
    frame = sync_protocol.Frame(id="1", type="key_delete_resp", ok=True, error="stale", http_status=500)
    assert frame.response_error() is None


def test_the_error_hierarchy() -> None:
    """One base for everything the package raises; decoding errors stay ValueErrors, failures are not."""
    assert issubclass(sync_protocol.HTTPError, sync_protocol.ResponseError)
    assert issubclass(sync_protocol.ResponseError, sync_protocol.ProtocolError)
    assert not issubclass(sync_protocol.ResponseError, ValueError)
    for cls in (sync_protocol.DecodeError, sync_protocol.EncodeError):
        assert issubclass(cls, sync_protocol.ProtocolError) and issubclass(cls, ValueError)
    with pytest.raises(sync_protocol.ProtocolError):
        sync_protocol.Frame.from_json(b"{")


def _frames() -> list[tuple[str, bytes]]:
    """Every example, and every Frame vector both decoders accept (what Python rejects by policy has no verdict)."""
    out = [(p.relative_to(EXAMPLES).as_posix(), p.read_bytes()) for p in example_files()]
    for name, struct, case in load_vectors():
        if struct != "Frame" or not case["go_accepts"] or case.get("policy", {}).get("python") == "rejects":
            continue
        out.append((name, case["input"].encode() if "input" in case else base64.b64decode(case["input_base64"])))
    return out


def test_python_and_go_give_the_same_verdict_on_every_example_and_vector(go_harness) -> None:
    frames = _frames()
    answers = go_harness.run([data for _, data in frames])
    kinds: Counter[str] = Counter()
    responses = 0
    for (name, data), go in zip(frames, answers, strict=True):
        assert go["accepted"], name
        py = python_answer(data)
        assert py["response_error"] == go["response_error"], name
        kinds[go["response_error"]["kind"]] += 1
        responses += py["value"]["type"] in RESPONSES
    # Coverage: every kind of verdict, on many responses (a shrinking corpus would show here).
    assert kinds["none"] and kinds["http"] and kinds["plain"], kinds
    assert responses >= 70 and len(frames) >= 350, (responses, len(frames))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"ok": "false"}, "ok: a bool is expected, not str"),
        ({"ok": None}, "ok: None is not a bool"),
        ({"http_status": "404"}, "httpStatus: an int is expected, not str"),
        ({"http_status": True}, "httpStatus: an int is expected, not bool"),
        ({"error": 5}, "error: a str is expected, not int"),
    ],
)
def test_a_response_built_with_the_wrong_types_is_refused_not_misread(fields: dict, message: str) -> None:
    """ok='false' is truthy and '404' no status: a verdict on them would be wrong, as to_json refuses them."""
    frame = sync_protocol.Frame(type="key_create_resp", id="1", **{"ok": False, "error": "denied", **fields})
    with pytest.raises(TypeError) as answered:
        frame.response_error()
    with pytest.raises(TypeError) as encoded:
        frame.to_json()
    assert str(answered.value) == str(encoded.value) == message  # the same words as to_json


def test_a_status_past_its_width_is_refused_as_to_json_refuses_it() -> None:
    frame = sync_protocol.Frame(type="key_create_resp", id="1", http_status=2**70, error="big")
    for call in (frame.response_error, frame.to_json):
        with pytest.raises(sync_protocol.EncodeError, match=r"httpStatus: .* does not fit"):
            call()
