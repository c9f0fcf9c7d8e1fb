"""Corpora and timelines for comparing engines."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "data" / "seeds"
#: Small batches so even the five seeds make several shards.
BATCH = 2


def synthesize(out: Path, n: int, copies: float = 0.25) -> Path:
    """``bench/synth.py``'s corpus, a quarter of it reprints (bench is not a
    package: load it by path)."""
    spec = importlib.util.spec_from_file_location("storyline_bench_synth", ROOT / "bench/synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return Path(module.synthesize(out, n, copies=copies))


def timeline_json(db: Path) -> str:
    """The whole timeline as sorted-key JSON: what two engines must agree on."""
    from storyline.serialize import event_json
    from storyline.store.sqlite import SQLiteStore
    from storyline.timeline.query import EventQuery

    with SQLiteStore(db, read_only=True) as store:
        return json.dumps([event_json(e) for e in store.events(EventQuery())], sort_keys=True)


def stories_of(db: Path) -> list[dict[str, Any]]:
    """The stored stories: ids, members, relations and scores (not the file paths)."""
    from storyline.store.sqlite import SQLiteStore

    with SQLiteStore(db, read_only=True) as store:
        stories = list(store.stories())
    for story in stories:
        for member in story["members"]:
            member.pop("source")
    return stories


def build_local(corpus: Path, db: Path) -> Any:
    from storyline.engine.local import build
    from storyline.engine.stages import BuildConfig
    from storyline.store.sqlite import SQLiteStore

    with SQLiteStore(db) as store:
        return build([corpus], store, BuildConfig(workers=1, batch_size=BATCH))
