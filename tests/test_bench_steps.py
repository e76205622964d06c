"""bench/steps.py reads private names of the generated models: run it on a few frames so a rename fails here.

Only that it runs and reports every step is checked: benchmark figures are never asserted in tests. The
frames are the schema's valid examples, which follow the schema, not bench/workloads.py's traffic shapes,
which describe the protocol as it was benchmarked (`make bench` is where they are kept up to date).
"""

from __future__ import annotations

import sys

from support import ROOT

sys.path.insert(0, str(ROOT / "bench"))

import steps

import sync_protocol
from support import EXAMPLES


def test_every_step_runs_on_a_sample_of_the_mix() -> None:
    mix = [sync_protocol.Frame.from_json(p.read_bytes()).to_json() for p in sorted(EXAMPLES.glob("valid/*.json"))]
    frames = [sync_protocol.Frame.from_json(d) for d in mix]
    timings = steps.components(mix, frames, rounds=1)
    expected = {"json.loads", "Frame.from_json", "validate", "lint", "to_json"}
    expected.add("type check (each field's class; in validate and to_json)")
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
