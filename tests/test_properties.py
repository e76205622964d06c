"""Properties over generated frames: stable round trips, agreement with jsonschema, and with Go.

The same differential tests run on the types fixture's Sample (tests/types: every field type), whose
values hypothesis draws from the codec's type descriptors (strategies.structs).

Hypothesis runs derandomized (a fixed seed) with bounded example counts in `make test`;
`make fuzz` raises the counts through FRAMEGEN_EXAMPLES.
"""

from __future__ import annotations

import os
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sync_protocol
import types_protocol
from strategies import frames, mutated, structs
from support import findings, harness_name, python_answer
from test_examples import standard
from vectors.vector_values import same_value, typed_value

EXAMPLES = int(os.environ.get("FRAMEGEN_EXAMPLES", "500"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@SETTINGS
@given(frames())
def test_round_trip_is_stable(frame: sync_protocol.Frame) -> None:
    encoded = frame.to_json()
    decoded = sync_protocol.Frame.from_json(encoded)
    assert decoded.to_json() == encoded
    assert sync_protocol.Frame.from_json(decoded.to_json()) == decoded


@SETTINGS
@given(frames())
def test_validator_agrees_with_jsonschema(frame: sync_protocol.Frame) -> None:
    errors, lint = standard(frame)
    assert sorted(findings(sync_protocol.validate(frame))) == sorted(errors)
    assert sorted(findings(sync_protocol.lint(frame))) == sorted(lint)


POLICY_REJECTS = ("a second time", "misreads")
"""What Python's DecodeError says when the policy rejects what Go accepts: a field given twice (Go decodes
it order-dependently), a float Go's ParseFloat misreads (README, Conformance vectors: policy)."""


def _agree(data: bytes, go: dict, struct: type = sync_protocol.Frame) -> None:
    py = python_answer(data, struct)
    if not py["accepted"] and go["accepted"] and any(reason in py["error"] for reason in POLICY_REJECTS):
        return  # the policy: Python rejects what Go decodes order-dependently, or misreads
    assert py["accepted"] == go["accepted"], (data, py.get("error"), go.get("error"))
    if go["accepted"]:
        assert py["canonical"] == go["canonical"], data
        name = harness_name(struct)
        assert same_value(typed_value(py["value"], name, False), typed_value(go["value"], name)), data
        assert (py["errors"], py["lint"]) == (go["errors"], go["lint"]), data
        if struct is sync_protocol.Frame:  # the failure model's verdict: the protocol's frames only
            assert py["response_error"] == go["response_error"], data


@settings(SETTINGS, max_examples=4 * EXAMPLES)
@given(frames())
def test_generated_frames_agree_with_go(go_harness, frame: sync_protocol.Frame) -> None:
    data = frame.to_json()
    [go] = go_harness.run([data])
    _agree(data, go)


@settings(SETTINGS, max_examples=2 * EXAMPLES)
@given(st.data())
def test_mutated_frames_agree_with_go(go_harness, data: st.DataObject) -> None:
    encoded = data.draw(frames(1)).to_json()
    candidate = data.draw(mutated(encoded))
    [go] = go_harness.run([candidate])
    _agree(candidate, go)


# A Sample draws 35 fields, nested samples among them (about 20 ms each at depth 1, 35 ms at depth 2):
# fewer examples than for frames keep make test bounded; make fuzz raises them with FRAMEGEN_EXAMPLES.


@settings(SETTINGS, max_examples=EXAMPLES // 2)
@given(structs(types_protocol.Sample))
def test_sample_round_trip_is_stable(sample: types_protocol.Sample) -> None:
    encoded = sample.to_json()
    decoded = types_protocol.Sample.from_json(encoded)
    assert decoded.to_json() == encoded
    assert types_protocol.Sample.from_json(decoded.to_json()) == decoded


@settings(SETTINGS, max_examples=EXAMPLES)
@given(structs(types_protocol.Sample, 1))
def test_generated_samples_agree_with_go(go_harness, sample: types_protocol.Sample) -> None:
    data = sample.to_json()
    [go] = go_harness.run([data], struct="types.Sample")
    _agree(data, go, types_protocol.Sample)


@settings(SETTINGS, max_examples=EXAMPLES // 2)
@given(st.data())
def test_mutated_samples_agree_with_go(go_harness, data: st.DataObject) -> None:
    encoded = data.draw(structs(types_protocol.Sample, 1)).to_json()
    candidate = data.draw(mutated(encoded))
    [go] = go_harness.run([candidate], struct="types.Sample")
    _agree(candidate, go, types_protocol.Sample)


def _encodings(value: object) -> tuple[object, object]:
    """(to_json, the exact encoder) on a value: bytes, or the exception's type."""
    package = sys.modules[type(value).__module__.rsplit(".", 1)[0]]
    out = []
    for encode in (value.to_json, lambda: package._codec.encode_struct(value, package._codec.spec_of(type(value)))):
        try:
            out.append(encode())
        except Exception as exc:
            out.append(type(exc))
    return out[0], out[1]


CANNOT_HOLD = {
    "u64 2^64": types_protocol.Sample(tags=[], u_64=2**64),
    "i32 2^31": types_protocol.Sample(tags=[], i_32=2**31),
    "u32 -1": types_protocol.Sample(tags=[], u_32=-1),
    "counts 2^63": types_protocol.Sample(tags=[], counts=[2**63]),
    "quota windowSeconds 2^31": types_protocol.Sample(tags=[], quota=types_protocol.Quota(window_seconds=2**31)),
    "flag 1": types_protocol.Sample(tags=[], flag=1),
    "httpStatus 2^63": sync_protocol.Frame(type="key_sync", http_status=2**63),
    "name 5": sync_protocol.Frame(type="key_sync", name=5),
}
"""Values Go's types cannot hold: an integer past its field's width, a value of another type."""


@pytest.mark.parametrize("name", sorted(CANNOT_HOLD))
def test_the_exact_encoder_refuses_a_value_go_cannot_hold(name: str) -> None:
    value = CANNOT_HOLD[name]
    package = sys.modules[type(value).__module__.rsplit(".", 1)[0]]
    assert _encodings(value)[1] in (package.EncodeError, TypeError)


@pytest.mark.skipif(types_protocol.models._msgspec is None, reason="the fast encoder needs msgspec")
@pytest.mark.parametrize("name", sorted(CANNOT_HOLD))
def test_to_json_refuses_a_value_go_cannot_hold_as_the_exact_encoder_does(name: str) -> None:
    fast, exact = _encodings(CANNOT_HOLD[name])
    assert fast == exact
