"""The incremental merge gives the events a full merge gives, in any order and chunking."""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path

import pytest
from tests.engine.helpers import random_mentions

from storyline.engine.incremental import refresh_events
from storyline.events.merge import merge_mentions
from storyline.records import Document, Event, EventMention
from storyline.store.sqlite import SQLiteStore


def _docs(mentions: list[EventMention]) -> list[Document]:
    by_doc: dict[str, list[EventMention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.document].append(m)
    return [
        Document(id=d, source=f"{d}.txt", raw_text=d, text=d, published="2018-06-25",
                 events=tuple(ms))
        for d, ms in sorted(by_doc.items())
    ]  # fmt: skip


def _stored(store: SQLiteStore) -> list[Event]:
    from storyline.serialize import event_from_json

    rows = store.conn.execute("SELECT json FROM events").fetchall()
    import json

    return sorted((event_from_json(json.loads(r[0])) for r in rows), key=lambda e: e.id)


@pytest.mark.parametrize("seed", range(12))
def test_incremental_merge_equals_the_full_merge(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    mentions = random_mentions(rng, rng.randrange(20, 90))
    docs = _docs(mentions)
    rng.shuffle(docs)
    story_of = {f"d{i}": f"s{i % 5}" for i in range(12)}
    store = SQLiteStore(tmp_path / "s.db")
    modes: list[str] = []
    cut = sorted(rng.sample(range(1, len(docs)), min(3, len(docs) - 1)))
    for part in (docs[a:b] for a, b in zip([0, *cut], [*cut, len(docs)], strict=True)):
        for d in part:
            store.add_document(d)
            store.set_story(d.id, story_of[d.id], "canonical")
        modes.append(refresh_events(store).mode)
    assert modes[0] == "full" and set(modes[1:]) <= {"incremental"}
    expected = sorted(merge_mentions(mentions, story_of), key=lambda e: e.id)
    assert _stored(store) == expected
    store.close()


def test_a_document_moved_to_another_story_is_merged_again(tmp_path: Path) -> None:
    rng = random.Random(7)
    mentions = random_mentions(rng, 60)
    docs = _docs(mentions)
    story_of = {d.id: f"s{n}" for n, d in enumerate(docs)}  # every copy alone at first
    store = SQLiteStore(tmp_path / "s.db")
    for d in docs:
        store.add_document(d)
        store.set_story(d.id, story_of[d.id], "canonical")
    assert refresh_events(store).mode == "full"
    story_of = {f"d{i}": f"s{i % 5}" for i in range(12)}  # later copies link the stories
    for d in docs:
        store.set_story(d.id, story_of[d.id], "near")
    assert refresh_events(store).mode == "incremental"
    assert _stored(store) == sorted(merge_mentions(mentions, story_of), key=lambda e: e.id)
    assert refresh_events(store).mode == "none"  # nothing pending: nothing merged
    store.close()


def test_an_older_store_is_merged_whole_once(tmp_path: Path) -> None:
    rng = random.Random(3)
    mentions = random_mentions(rng, 40)
    store = SQLiteStore(tmp_path / "s.db")
    for d in _docs(mentions):
        store.add_document(d)
    store.conn.execute("DELETE FROM mention_probes")  # as a store made before the index
    store.conn.execute("DELETE FROM merge_pending")
    store.conn.commit()
    assert refresh_events(store).mode == "full"
    assert refresh_events(store).mode == "none"
    assert _stored(store) == sorted(merge_mentions(mentions, {}), key=lambda e: e.id)
    store.close()
