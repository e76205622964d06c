"""The registry of targets: the only place that lists them."""

from __future__ import annotations

from generator.targets.base import Target
from generator.targets.docs import DocsTarget
from generator.targets.go import GoTarget
from generator.targets.python import PythonTarget

TARGETS: dict[str, type[Target]] = {
    "python": PythonTarget,
    "go": GoTarget,
    "docs": DocsTarget,
}
