"""The Ray engine gives the local engine's answers, and resumes an interrupted build."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .helpers import BATCH, SEEDS, build_local, timeline_json

pytestmark = [
    pytest.mark.slow,
    # Ray's own subprocess handles are reclaimed after its calls return
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


def _build_ray(corpus: Path, db: Path, shard_dir: Path, progress: Any = None) -> tuple[Any, Any]:
    from storyline.engine.local import build
    from storyline.engine.ray_engine import RayExecutor
    from storyline.engine.stages import BuildConfig
    from storyline.store.sqlite import SQLiteStore

    config = BuildConfig(workers=1, batch_size=BATCH)
    executor = RayExecutor(config, shard_dir=shard_dir, shard_size=2 * BATCH)
    with SQLiteStore(db) as store:
        report = build([corpus], store, config, executor=executor, progress=progress)
    return report, executor


def test_seeds_timeline_is_the_same_on_ray(ray_session: Any, tmp_path: Path) -> None:
    build_local(SEEDS, tmp_path / "local.db")
    report, executor = _build_ray(SEEDS, tmp_path / "ray.db", tmp_path / "shards")
    assert report.new == 5 and not report.quarantined
    assert executor.computed == {"prepare": 2, "analyse": 2}  # 5 docs in shards of 4
    local, ray = timeline_json(tmp_path / "local.db"), timeline_json(tmp_path / "ray.db")
    assert json.loads(local)  # the seeds do produce events
    assert ray == local


def test_synthetic_timeline_is_the_same_on_ray(
    ray_session: Any, synth_dir: Path, synth_local: Path, tmp_path: Path
) -> None:
    report, executor = _build_ray(synth_dir, tmp_path / "ray.db", tmp_path / "shards")
    assert report.new == 40 and not report.quarantined
    assert executor.computed["analyse"] == 10
    assert len(list((tmp_path / "shards" / "analyse").glob("*.parquet"))) == 10
    assert timeline_json(tmp_path / "ray.db") == timeline_json(synth_local)


class _Abort(Exception):
    pass


def test_interrupted_build_resumes_without_redoing_shards(
    ray_session: Any, synth_dir: Path, synth_local: Path, tmp_path: Path
) -> None:
    from storyline.store.sqlite import SQLiteStore

    finished: list[str] = []

    def crash_after_three(phase: str, advance: int, total: int | None) -> None:
        finished.append(phase)
        if finished.count("analyse") == 3:
            raise _Abort  # the driver dies with 3 analyse shards written

    db, shards = tmp_path / "ray.db", tmp_path / "shards"
    with pytest.raises(_Abort):
        _build_ray(synth_dir, db, shards, progress=crash_after_three)
    done_before = len(list((shards / "analyse").glob("*.done")))
    assert done_before >= 3

    report, executor = _build_ray(synth_dir, db, shards)
    assert executor.reused == {"prepare": 10, "analyse": done_before}
    assert executor.computed["prepare"] == 0
    assert executor.computed["analyse"] == 10 - done_before
    assert report.new == 40
    with SQLiteStore(db, read_only=True) as store:
        docs = store.documents()
    assert len(docs) == len({d["id"] for d in docs}) == 40
    assert timeline_json(db) == timeline_json(synth_local)

    _, executor = _build_ray(synth_dir, tmp_path / "other.db", shards)
    assert executor.computed == {} and executor.reused == {"prepare": 10, "analyse": 10}
    assert timeline_json(tmp_path / "other.db") == timeline_json(synth_local)


def test_a_damaged_shard_is_computed_again(ray_session: Any, tmp_path: Path) -> None:
    shards = tmp_path / "shards"
    _build_ray(SEEDS, tmp_path / "a.db", shards)
    victim = sorted((shards / "analyse").glob("*.parquet"))[0]
    victim.write_bytes(b"not parquet")
    _, executor = _build_ray(SEEDS, tmp_path / "b.db", shards)
    assert executor.computed == {"analyse": 1}
    assert timeline_json(tmp_path / "b.db") == timeline_json(tmp_path / "a.db")
