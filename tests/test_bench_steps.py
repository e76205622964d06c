"""bench/steps.py reads private names of the generated models: run it on a few frames so a rename fails here.

Only that it runs and reports every step is checked: benchmark figures are never asserted in tests.
"""

from __future__ import annotations

import sys

from support import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import steps
import workloads

import sync_protocol


def test_every_step_runs_on_a_sample_of_the_mix() -> None:
    mix = [sync_protocol.Frame.from_json(d).to_json() for d in workloads.mix(n=40)]
    frames = [sync_protocol.Frame.from_json(d) for d in mix]
    timings = steps.components(mix, frames, rounds=1)
    expected = {"json.loads", "Frame.from_json", "validate", "lint", "to_json"}
    if sync_protocol.models._msgspec is not None:
        expected |= {
            "msgspec decode into the mirror struct",
            "msgspec re-encode (canonical-form check)",
            "mirror struct -> dataclass",
            "(msgspec.convert into an equivalent dataclass)",
            "dataclass -> out mirror struct",
            "msgspec encode of the out mirror",
        }
    assert set(timings) == expected
