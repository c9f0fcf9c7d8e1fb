"""Answers kept per store state: recomputed only when the store was written."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any, TypeVar

from storyline.store.api import Store

__all__ = ["per_store_state"]

T = TypeVar("T")
#: How many answers are kept before the cache starts over.
LIMIT = 64
_CACHE: dict[tuple[Any, ...], Any] = {}


def per_store_state(store: Store, name: str, make: Callable[[], T]) -> T:
    """``make()`` once per store state (``Store.stamp``) and ``name``; callers get a
    copy, so they may change what they receive."""
    key = (*store.stamp(), name)
    if key not in _CACHE:
        if len(_CACHE) > LIMIT:
            _CACHE.clear()
        _CACHE[key] = make()
    result: T = copy.deepcopy(_CACHE[key])
    return result
