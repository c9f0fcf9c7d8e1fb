"""Cutting mentions into groups that merge alone: the distributed merge and the
incremental build rely on it.

Two mentions can only end in one event when they have the same modality and are
linked by a shared probe (``merge.probes`` of their sides, for one type; or
``merge.statement_probe``, one doer's statement acts in one sentence, across types)
and their ``reach`` spans overlap. So the mentions split into independent groups:
per modality, the connected components of shared probes, cut again into runs of
overlapping ``reach`` spans. Merging each group alone gives the same events as
merging everything at once (``tests/engine`` checks it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from storyline.events.likeness import group_key, probes, reach, statement_probe
from storyline.events.merge import event_sort_key, merge_mentions
from storyline.intervals import UnionFind
from storyline.records import Event, EventMention

__all__ = ["link_keys", "mention_probes", "merge_grouped", "merge_groups", "route_key"]


def link_keys(m: EventMention) -> list[str]:
    """The probes that may link this mention to another one's event."""
    keys = ["\x1f".join(p) for p in probes(group_key(m))]
    statement = statement_probe(m)
    return [*keys, statement] if statement else keys


def route_key(m: EventMention) -> tuple[str, str]:
    """A key no event spans two of (for routing mentions to reduce tasks): the type,
    with all statement types as one (a statement joins them)."""
    return (m.modality, "statement" if statement_probe(m) else m.type)


def merge_groups(mentions: Iterable[EventMention]) -> list[list[EventMention]]:
    """Independent groups: no event of ``merge_mentions`` spans two of them."""
    by_kind: dict[str, list[EventMention]] = defaultdict(list)
    for m in {m.id: m for m in mentions}.values():
        by_kind[m.modality].append(m)
    groups: list[list[EventMention]] = []
    for kind in sorted(by_kind):
        for component in _components(by_kind[kind]):
            groups.extend(_date_buckets(component))
    return groups


def merge_grouped(
    mentions: Iterable[EventMention], story_of: Mapping[str, str] | None = None
) -> list[Event]:
    """``merge_mentions`` group by group: the same events, in the same order."""
    events = [e for g in merge_groups(mentions) for e in merge_mentions(g, story_of)]
    return sorted(events, key=event_sort_key)


def _components(mentions: list[EventMention]) -> list[list[EventMention]]:
    """Mentions linked by shared probes (one modality)."""
    ordered = sorted(mentions, key=lambda m: m.id)
    sets = UnionFind()
    node = [sets.add() for _ in ordered]
    first: dict[str, int] = {}
    for n, m in enumerate(ordered):
        for probe in link_keys(m):
            if probe in first:
                sets.union(first[probe], node[n])
            else:
                first[probe] = node[n]
    out: dict[int, list[EventMention]] = defaultdict(list)
    for n, m in enumerate(ordered):
        out[sets.find(node[n])].append(m)
    return [out[r] for r in sorted(out)]


def _date_buckets(mentions: list[EventMention]) -> list[list[EventMention]]:
    """Runs of overlapping ``reach`` spans (a sweep over spans sorted by start)."""
    ordered = sorted(mentions, key=lambda m: (reach(m), m.id))
    buckets: list[list[EventMention]] = []
    last = ""
    for m in ordered:
        lo, hi = reach(m)
        if not buckets or lo > last:
            buckets.append([])
            last = hi
        buckets[-1].append(m)
        last = max(last, hi)
    return buckets


def mention_probes(m: EventMention) -> list[tuple[str, str, str]]:
    """(probe, first day, last day) rows that find every mention this one may share an
    event with: one that shares a probe and whose ``reach`` overlaps. The connected
    mentions of these links hold whole events (what an incremental merge re-merges)."""
    lo, hi = reach(m)
    return [(key, lo, hi) for key in link_keys(m)]
