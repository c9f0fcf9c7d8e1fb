"""End to end: build the five seed articles and check the timeline against the gold file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storyline.evaluate import match_gold_events
from storyline.serialize import event_json
from storyline.store.query import EventQuery
from storyline.store.sqlite import SQLiteStore

pytestmark = pytest.mark.slow  # the seeds built by the whole pipeline


def _events(db: Path) -> list[Any]:
    with SQLiteStore(db, read_only=True) as store:
        return store.events(EventQuery())


def test_every_required_gold_event_is_on_the_timeline(
    seeds_db: Path, gold: dict[str, Any], doc_ids: dict[str, str], floor: Callable[..., float]
) -> None:
    results = match_gold_events(_events(seeds_db), gold["events"], doc_ids)
    found = sum(1 for r in results if r.required and r.found)
    missing = [f"{r.gold_id}: {r.why}" for r in results if r.required and not r.found]
    assert found >= floor("seed_required_events_found"), "not found: " + "; ".join(missing)
    assert not missing, "required gold events not found: " + "; ".join(missing)


def test_publication_dates_match_the_gold(seeds_db: Path, gold: dict[str, Any]) -> None:
    with SQLiteStore(seeds_db, read_only=True) as store:
        got = {Path(d["source"]).name: d["published"] for d in store.documents()}
    want = {name: d["published"] for name, d in gold["documents"].items()}
    assert got == want


def test_stories_match_the_gold(seeds_db: Path, gold: dict[str, Any]) -> None:
    with SQLiteStore(seeds_db, read_only=True) as store:
        names = {d["id"]: Path(d["source"]).name for d in store.documents()}
        stories = store.stories()
    got = sorted(sorted(names[m["document"]] for m in s["members"]) for s in stories)
    assert got == sorted(sorted(s) for s in gold["stories"])


def test_every_citation_points_into_the_stored_text(seeds_db: Path) -> None:
    with SQLiteStore(seeds_db, read_only=True) as store:
        texts = {d: store.document(d)["text"] for d in (x["id"] for x in store.documents())}  # type: ignore[index]
        events = store.events(EventQuery())
    assert events
    for e in events:
        for ev in (*e.evidence, e.trigger):
            assert texts[ev.document][ev.start : ev.end] == ev.text


def test_copies_in_one_story_do_not_double_an_event(
    seeds_db: Path, gold: dict[str, Any], doc_ids: dict[str, str]
) -> None:
    events = _events(seeds_db)
    for r in match_gold_events(events, gold["events"], doc_ids):
        g = next(x for x in gold["events"] if x["id"] == r.gold_id)
        if r.found and len(g["documents"]) > 1:
            copies = {doc_ids[d] for d in g["documents"]}
            twins = [e for e in events if e.type == g["type"] and e.date == g["date"]
                     and e.modality == g["modality"]
                     and {x.country for x in e.source} == {x.country for x in next(
                         y for y in events if y.id == r.event_id).source}
                     and any(ev.document in copies for ev in e.evidence)]  # fmt: skip
            assert len(twins) == 1, f"{r.gold_id} appears {len(twins)} times"
            # one line cites every copy of the story that reports it
            assert copies <= {ev.document for ev in twins[0].evidence}, r.gold_id


def test_rebuilding_the_same_input_changes_nothing(
    seeds_db: Path, seeds_dir: Path, tmp_path: Path
) -> None:
    from storyline.engine.local import build
    from storyline.engine.stages import BuildConfig

    db = tmp_path / "copy.db"
    db.write_bytes(seeds_db.read_bytes())
    before = json.dumps([event_json(e) for e in _events(db)], sort_keys=True)
    with SQLiteStore(db) as store:
        counts = store.counts()
        report = build([seeds_dir], store, BuildConfig(workers=1))
        assert (report.new, report.unchanged) == (0, 5)
        assert store.counts() == counts
    assert json.dumps([event_json(e) for e in _events(db)], sort_keys=True) == before


def test_worker_processes_give_the_same_timeline(
    seeds_db: Path, seeds_dir: Path, tmp_path: Path
) -> None:
    from storyline.engine.local import build
    from storyline.engine.stages import BuildConfig

    db = tmp_path / "workers.db"
    with SQLiteStore(db) as store:
        report = build([seeds_dir], store, BuildConfig(workers=2, batch_size=1))
        assert report.new == 5

    def dump(p: Path) -> str:
        return json.dumps([event_json(e) for e in _events(p)], sort_keys=True)

    assert dump(db) == dump(seeds_db)
