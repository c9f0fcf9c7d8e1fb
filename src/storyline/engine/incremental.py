"""The incremental event merge: new mentions join the events they belong to, and only
those events are merged again.

``merge_mentions`` is a pure function of its mentions, and an event's mentions are
linked by shared probes and overlapping ``reach`` spans (``events.merge``). So the
mentions of the documents added (or moved to another story) since the last merge,
closed under those links through the store's probe index, hold every event they can
touch: the events holding any of them are replaced by the merge of that set, and the
result is the same as merging everything again (``tests/engine`` checks it, for any
order and chunking of the input).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from storyline.events.merge import merge_mentions
from storyline.events.partition import mention_probes
from storyline.records import Event, EventMention
from storyline.store.api import Store

__all__ = ["MergeReport", "refresh_events"]

Merge = Callable[..., list[Event]]


class MergeReport:
    """What one refresh did: ``mode`` full | incremental | none, and its sizes."""

    def __init__(self, mode: str, mentions: int = 0, removed: int = 0, added: int = 0):
        self.mode, self.mentions, self.removed, self.added = mode, mentions, removed, added


def _rows(mentions: Iterable[EventMention]) -> list[tuple[str, str, str, str]]:
    return [(p, m.id, lo, hi) for m in mentions for p, lo, hi in mention_probes(m)]


def _closure(store: Store, seeds: list[EventMention]) -> set[str]:
    """Every stored mention linked to the seeds, through probes and overlapping spans."""
    seen = {m.id for m in seeds}
    frontier = [row for m in seeds for row in mention_probes(m)]
    asked: set[tuple[str, str, str]] = set()
    while frontier:
        found: set[str] = set()
        for row in frontier:
            if row not in asked:
                asked.add(row)
                found.update(store.mentions_near(*row))
        new = found - seen
        seen |= new
        frontier = store.probe_rows(new) if new else []
    return seen


def refresh_events(store: Store, merge: Merge | None = None) -> MergeReport:
    """Bring the store's events up to date with its mentions.

    A store whose mentions are not all indexed (the first build, or one made before
    the index existed) is merged whole; otherwise only what pending documents touch.
    """
    merge = merge or merge_mentions
    seeds = store.pending_mentions()
    store.index_mentions(_rows(seeds))
    if store.unindexed_mentions() or not store.merged_mentions():
        mentions = store.event_mentions()
        store.index_mentions(_rows(mentions))
        added = store.replace_events(merge(mentions, store.story_map()))
        return MergeReport("full", len(mentions), 0, added)
    if not seeds:
        store.replace_events_of((), ())  # clears the pending documents that had no events
        return MergeReport("none")
    ids = _closure(store, seeds)
    mentions = store.event_mentions_of(ids)
    events = merge(mentions, store.stories_of({m.document for m in mentions}))
    removed = store.replace_events_of(ids, events)
    return MergeReport("incremental", len(mentions), removed, len(events))
