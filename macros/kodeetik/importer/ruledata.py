"""The rule lists of rules.yaml (misreadings, noise lines, word lists), read once.

A module of its own so that the rule modules (`rules`, `spaced`, `slides`) can all read it
without importing one another.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .. import yamlio


@lru_cache(maxsize=1)
def rule_data() -> dict:
    """The rule lists in rules.yaml (misreadings, noise lines)."""
    text = resources.files(__package__).joinpath("rules.yaml").read_text(encoding="utf-8")
    return yamlio.load(text)
