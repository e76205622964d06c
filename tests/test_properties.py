"""Properties over generated frames: stable round trips, agreement with jsonschema, and with Go.

Hypothesis runs derandomized (a fixed seed) with bounded example counts in `make test`;
`make fuzz` raises the counts through FRAMEGEN_EXAMPLES.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sync_protocol
from strategies import frames, mutated
from support import deep_recursion, findings, python_answer
from test_examples import standard

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


def _agree(data: bytes, go: dict) -> None:
    py = python_answer(data)
    if not py["accepted"] and go["accepted"] and "a second time" in py["error"]:
        return  # the duplicate-key policy: Python rejects what Go decodes order-dependently
    assert py["accepted"] == go["accepted"], (data, py.get("error"), go.get("error"))
    if go["accepted"]:
        assert py["canonical"] == go["canonical"], data
        with deep_recursion():
            assert py["value"] == go["value"], data
        assert (py["errors"], py["lint"]) == (go["errors"], go["lint"]), data
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
