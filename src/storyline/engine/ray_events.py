"""The event merge, distributed: group mentions so each group merges alone.

``storyline.events.merge.merge_mentions`` is a pure function of its mentions,
and two mentions can only end in one event when they have the same type and
modality, sides joined by a shared country pair (its ``_probes``), and date
spans that overlap (every member of an event is nested in its anchor's span).
So the mentions split into independent groups: per (type, modality), the
connected components of sides that share a probe, cut again into runs of
overlapping date spans (the "date buckets"). Merging each group alone gives
the same events as merging everything at once (``tests/engine`` checks it).

On Ray that is a shuffle: map tasks route mentions by (type, modality) to
reduce tasks, which form the groups and merge them; the driver only sorts.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from storyline.dedup.memory import UnionFind
from storyline.events.merge import Key, _group_key, _probes, _span, merge_mentions
from storyline.records import Event, EventMention
from storyline.timeline.dates import bounds

__all__ = ["event_sort_key", "merge_grouped", "merge_groups", "ray_merge_mentions"]


def event_sort_key(e: Event) -> tuple[str, str]:
    """The order ``merge_mentions`` returns events in."""
    return ((bounds(e.date, e.date_end) or (e.date,))[0], e.id)


def merge_groups(mentions: Iterable[EventMention]) -> list[list[EventMention]]:
    """Independent groups: no event of ``merge_mentions`` spans two of them."""
    by_kind: dict[tuple[str, str], list[EventMention]] = defaultdict(list)
    for m in {m.id: m for m in mentions}.values():
        by_kind[(m.type, m.modality)].append(m)
    groups: list[list[EventMention]] = []
    for kind in sorted(by_kind):
        for component in _side_components(by_kind[kind]):
            groups.extend(_date_buckets(component))
    return groups


def _side_components(mentions: list[EventMention]) -> list[list[EventMention]]:
    """Mentions whose group keys are linked by shared probes (one type and modality)."""
    keys = sorted({_group_key(m) for m in mentions})
    sets = UnionFind()
    node = {k: sets.add() for k in keys}
    first: dict[tuple[str, ...], int] = {}
    for k in keys:
        for probe in _probes(k):
            if probe in first:
                sets.union(first[probe], node[k])
            else:
                first[probe] = node[k]
    out: dict[int, list[EventMention]] = defaultdict(list)
    for m in mentions:
        out[sets.find(node[_group_key(m)])].append(m)
    return [out[r] for r in sorted(out)]


def _date_buckets(mentions: list[EventMention]) -> list[list[EventMention]]:
    """Runs of overlapping date spans (a sweep over spans sorted by start)."""

    def interval(m: EventMention) -> tuple[str, str]:
        lo, hi = _span(m)
        return (min(lo, hi), max(lo, hi))

    ordered = sorted(mentions, key=lambda m: (interval(m), m.id))
    buckets: list[list[EventMention]] = []
    reach = ""
    for m in ordered:
        lo, hi = interval(m)
        if not buckets or lo > reach:
            buckets.append([])
            reach = hi
        buckets[-1].append(m)
        reach = max(reach, hi)
    return buckets


def merge_grouped(
    mentions: Iterable[EventMention], story_of: Mapping[str, str] | None = None
) -> list[Event]:
    """``merge_mentions`` group by group: the same events, in the same order."""
    events = [e for g in merge_groups(mentions) for e in merge_mentions(g, story_of)]
    return sorted(events, key=event_sort_key)


def _partition(kind: Key | tuple[str, str], partitions: int) -> int:
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
    from storyline.engine.ray_engine import import_ray

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
        parts[_partition((m.type, m.modality), partitions)].append(m)
    return tuple(parts) if partitions > 1 else parts[0]


def _reduce(story_of: Mapping[str, str], *parts: list[EventMention]) -> list[Event]:
    return merge_grouped((m for p in parts for m in p), story_of)
