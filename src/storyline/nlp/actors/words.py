"""The word lists the actor rules read, from ``data/actor_words.json``.

Kept as data so the vocabulary can grow (another language, another domain)
without touching the rules, and so the rules stay short.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["word_set", "word_sets"]


def _load() -> dict[str, Any]:
    path = resources.files("storyline") / "data" / "actor_words.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


_DATA = _load()


def word_set(name: str) -> frozenset[str]:
    """One list of words, lower-cased."""
    return frozenset(w.lower() for w in _DATA[name])


def word_sets(name: str) -> dict[str, frozenset[str]]:
    """A mapping of lists (e.g. sector -> head words), in file order."""
    return {key: frozenset(w.lower() for w in words) for key, words in _DATA[name].items()}
