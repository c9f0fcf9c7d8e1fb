"""The event merge, distributed: group mentions so each group merges alone.

``storyline.events.merge.merge_groups`` cuts mentions into independent groups
(type and modality, sides linked by a shared probe, runs of overlapping
``reach`` spans); merging each group alone gives the same events as merging
everything at once (``tests/engine`` checks it).

On Ray that is a shuffle: map tasks route mentions by ``route_key`` to
reduce tasks, which form the groups and merge them; the driver only sorts.
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping, Sequence
from typing import Any

from storyline.engine.ray_runtime import import_ray
from storyline.events.merge import event_sort_key
from storyline.events.partition import merge_grouped, merge_groups, route_key
from storyline.records import Event, EventMention

__all__ = ["event_sort_key", "merge_grouped", "merge_groups", "ray_merge_mentions"]


def _partition(kind: tuple[str, str], partitions: int) -> int:
    return zlib.crc32(f"{kind[0]}\x00{kind[1]}".encode()) % partitions


def ray_merge_mentions(
    mentions: Sequence[EventMention],
    story_of: Mapping[str, str] | None = None,
    *,
    partitions: int = 8,
    chunk: int = 5000,
) -> list[Event]:
    """``merge_mentions`` as a Ray shuffle: map tasks route, reduce tasks merge.

    Ray must be initialised. The driver only cuts the input and sorts events.
    """
    ray = import_ray()
    partitions = max(1, partitions)
    route = ray.remote(num_returns=partitions)(_route) if partitions > 1 else ray.remote(_route)
    reduce = ray.remote(_reduce)
    story_ref = ray.put(dict(story_of or {}))
    mapped: list[list[Any]] = []
    for i in range(0, len(mentions), chunk):
        refs = route.remote(list(mentions[i : i + chunk]), partitions)
        mapped.append(refs if partitions > 1 else [refs])
    if not mapped:
        return []
    reduced = [reduce.remote(story_ref, *(m[p] for m in mapped)) for p in range(partitions)]
    events = [e for part in ray.get(reduced) for e in part]
    return sorted(events, key=event_sort_key)


def _route(mentions: list[EventMention], partitions: int) -> Any:
    parts: list[list[EventMention]] = [[] for _ in range(partitions)]
    for m in mentions:
        parts[_partition(route_key(m), partitions)].append(m)
    return tuple(parts) if partitions > 1 else parts[0]


def _reduce(story_of: Mapping[str, str], *parts: list[EventMention]) -> list[Event]:
    return merge_grouped((m for p in parts for m in p), story_of)
