"""The version and $id helpers shared by the IR builder and the diff's version check."""

from __future__ import annotations

from generator import semver
from generator.diff.model import Bump
from generator.diff.version import bumped


def test_the_id_to_use_keeps_everything_but_the_major() -> None:
    assert semver.id_mismatch("https://x/v1/s.json", "1.4.0") == ""
    assert semver.id_mismatch("https://x/v1/s.json", "2.0.0") == "https://x/v2/s.json"
    assert semver.id_mismatch("https://x/s.json", "1.0.0") == "https://x/v1/s.json"


def test_bumped_resets_the_lower_parts() -> None:
    assert [bumped("1.2.3", b) for b in Bump] == ["1.2.3", "1.2.4", "1.3.0", "2.0.0"]
