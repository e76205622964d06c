"""A bounded run of the structure-aware differential fuzzer (structured.py); `make fuzz` runs it long.

The last four tests break a decoder on purpose, to show that the run notices a crash, a wrong
rejection and a wrong value on either path: a fuzzer whose checks never fire would pass as
quietly as a correct decoder does.
"""

from __future__ import annotations

import dataclasses

import pytest

import sync_protocol
import types_protocol
from fuzz.grammar import Grammar
from fuzz.structured import TYPES_STRUCTS, describe, fast_seeds, full_of_numbers, run
from sync_protocol import _codec, models

COUNT = 4_000
TYPES_COUNT = 4_000
SEED = 20261203


def _failures(stats) -> str:
    return "\n".join(describe(f) for f in stats.failures[:5])


def test_python_and_go_agree_on_grammar_inputs(go_harness) -> None:
    stats = run(COUNT, SEED, go_harness)
    assert stats.crashes == 0 and stats.disagreements == 0, _failures(stats)
    assert stats.inputs == COUNT
    # every comparison had both outcomes to compare, and each path was taken
    assert 0 < stats.go_accepted < COUNT and stats.fast_path > 0 and stats.policy > 0


def test_python_and_go_agree_on_types_grammar_inputs(go_harness) -> None:
    """The types fixture (every field type: floats, integer widths, nullable values, maps, nested structs)."""
    stats = run(TYPES_COUNT, SEED, go_harness, structs=TYPES_STRUCTS)
    assert stats.crashes == 0 and stats.disagreements == 0, _failures(stats)
    assert stats.inputs == TYPES_COUNT
    assert 0 < stats.go_accepted < TYPES_COUNT and stats.fast_path > 0 and stats.policy > 0


def test_past_width_pushes_one_integer_of_a_fast_path_input_past_its_width() -> None:
    """The inputs only the fast path's own bounds can refuse: canonical bytes it reads, but for one number."""
    import random
    import re

    seed = full_of_numbers(types_protocol.Sample).to_json()
    assert seed in fast_seeds("types.Sample")
    spec = types_protocol._codec.spec_of(types_protocol.Sample)
    grammar = Grammar(random.Random(SEED))
    numbers = re.compile(rb"-?[0-9]+")
    for _ in range(50):
        data = grammar.past_width(seed, spec)
        changed = [(a, b) for a, b in zip(numbers.findall(seed), numbers.findall(data), strict=True) if a != b]
        assert len(changed) == 1 and changed[0][0] == b"1", changed  # one past the width, or -1 unsigned
        with pytest.raises(types_protocol.DecodeError, match="cannot unmarshal number"):
            types_protocol._codec.decode_exact(data, spec, 1 << 20, 10_000)


def test_a_wrong_float_in_the_types_fixture_is_reported(go_harness, monkeypatch: pytest.MonkeyPatch) -> None:
    exact = types_protocol._codec._float
    monkeypatch.setattr(types_protocol._codec, "_float", lambda token, at: abs(exact(token, at)))
    stats = run(1_000, SEED, go_harness, structs=TYPES_STRUCTS)
    assert stats.disagreements > 0 and stats.crashes == 0
    assert any("canonical: Python" in problem for _, _, problem in stats.failures)


def test_a_crash_in_the_decoder_is_reported(go_harness, monkeypatch: pytest.MonkeyPatch) -> None:
    exact = _codec.decode_exact

    def crashing(data, *args):
        if b"httpStatus" in (data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)):
            raise ValueError("injected")
        return exact(data, *args)

    monkeypatch.setattr(_codec, "decode_exact", crashing)
    stats = run(300, SEED, go_harness)
    assert stats.crashes > 0
    assert any("raised ValueError: injected" in problem for _, _, problem in stats.failures)


def test_a_wrong_value_is_reported(go_harness, monkeypatch: pytest.MonkeyPatch) -> None:
    exact = _codec.decode_exact

    def wrong(data, *args):  # any decoded value with a non-empty string field: no field of the protocol is named
        value = exact(data, *args)
        filled = [f.name for f in dataclasses.fields(value) if isinstance(getattr(value, f.name), str)]
        filled = [name for name in filled if getattr(value, name)]
        if filled:
            setattr(value, filled[0], getattr(value, filled[0]) + "!")
        return value

    monkeypatch.setattr(_codec, "decode_exact", wrong)
    stats = run(300, SEED, go_harness)
    assert stats.disagreements > 0 and stats.crashes == 0
    assert any("decoded value differs from Go's" in problem for _, _, problem in stats.failures)


def test_a_wrong_rejection_is_reported(go_harness, monkeypatch: pytest.MonkeyPatch) -> None:
    exact = _codec.decode_exact

    def rejecting(data, *args):
        value = exact(data, *args)
        if getattr(value, "ok", False):
            raise sync_protocol.DecodeError("injected")
        return value

    monkeypatch.setattr(_codec, "decode_exact", rejecting)
    stats = run(300, SEED, go_harness)
    assert any("acceptance: Python False, Go True: injected" in problem for _, _, problem in stats.failures)


@pytest.mark.skipif(models._msgspec is None, reason="msgspec is a test dependency")
def test_a_wrong_reading_on_the_fast_path_is_reported(go_harness, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = models._FRAME_SPEC.fast

    def wrong(data):
        value = fast(data)
        if value is not None:
            value.ok = not value.ok
        return value

    monkeypatch.setattr(models._FRAME_SPEC, "fast", wrong)
    stats = run(300, SEED, go_harness)
    assert any("the fast path differs from the exact decoder" in problem for _, _, problem in stats.failures)
