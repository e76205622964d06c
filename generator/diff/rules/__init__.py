"""Breaking-change rules, one small function each (after buf's breaking rules).

Each rule has a stable ID (given to @rule, stamped on its findings by the engine), a one-line purpose
and a function over one matched old/new pair (either side may be None: added or removed). It returns
the findings it sees; the engine adds who reads and writes the frame types concerned and the rollout.
A rule may also say, for the rollout plan, why one side deploys first (`why`) and what to do when the
change cannot ship in one step: prepare a release `before` it, gate a use `after` it, or ship a
sequence of versions `instead` ({subject}, {readers} and {writers} are filled in).
"""

from __future__ import annotations

from generator.diff.rules import failure, structure, types, validation, values  # noqa: F401  (importing registers the rules)
from generator.diff.rules.registry import RULES, DiffRule, by_id, hit, rule, rules_by_kind
from generator.diff.rules.validation import enum_of, is_membership

__all__ = ["RULES", "DiffRule", "by_id", "enum_of", "hit", "is_membership", "rule", "rules_by_kind"]
