"""The Ray engine gives the local engine's answers, and resumes an interrupted build."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .helpers import BATCH, SEEDS, build_local, stories_of, timeline_json

pytestmark = [
    pytest.mark.ray,
    pytest.mark.slow,  # every test builds a corpus (the spaCy model on Ray's workers)
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
    # the global steps ran on Ray too: stories linked there (a fresh index), events merged
    assert executor.global_steps == {"stories": 1, "merge": 1}
    assert stories_of(tmp_path / "ray.db") == stories_of(synth_local)
    assert any(len(story["members"]) > 1 for story in stories_of(synth_local))
    assert timeline_json(tmp_path / "ray.db") == timeline_json(synth_local)


def test_adding_to_a_stored_corpus_on_ray_links_through_the_index(
    ray_session: Any, synth_dir: Path, synth_local: Path, tmp_path: Path
) -> None:
    """A second build into a non-empty store: fingerprints on Ray, links in the index."""
    files = sorted(synth_dir.glob("*.txt"))
    first, second = tmp_path / "first", tmp_path / "second"
    for part, chosen in ((first, files[::2]), (second, files[1::2])):
        part.mkdir()
        for f in chosen:
            (part / f.name).write_bytes(f.read_bytes())
    db = tmp_path / "ray.db"
    _build_ray(first, db, tmp_path / "shards")
    report, executor = _build_ray(second, db, tmp_path / "shards")
    assert report.new == 20
    assert executor.global_steps == {"fingerprints": 1, "merge": 1}
    assert stories_of(db) == stories_of(synth_local)


class _Abort(Exception):
    pass


def test_interrupted_build_resumes_without_redoing_shards(
    ray_session: Any, synth_dir: Path, synth_local: Path, tmp_path: Path
) -> None:
    from storyline.store.sqlite import SQLiteStore

    finished: list[str] = []

    def crash_after_three(phase: str, advance: int, total: int | None) -> None:
        if advance:  # a shard came back (0: the build announcing a phase's total)
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


_DRIVER = """
import sys
from pathlib import Path
from storyline.engine.local import build
from storyline.engine.ray_engine import RayExecutor
from storyline.engine.stages import BuildConfig
from storyline.store.sqlite import SQLiteStore

corpus, db, shards, address, batch = sys.argv[1:6]
config = BuildConfig(workers=1, batch_size=int(batch))
executor = RayExecutor(config, address=address, shard_dir=Path(shards), shard_size=2 * int(batch))
with SQLiteStore(Path(db)) as store:
    build([corpus], store, config, executor=executor)
"""


def test_a_killed_driver_resumes_without_redoing_shards(
    ray_session: Any, synth_dir: Path, synth_local: Path, tmp_path: Path
) -> None:
    """SIGKILL the driver (a separate process on the same Ray cluster) mid-analysis."""
    import os
    import signal
    import subprocess
    import sys
    import time

    from storyline.store.sqlite import SQLiteStore

    db, shards = tmp_path / "ray.db", tmp_path / "shards"
    address = ray_session.get_runtime_context().gcs_address
    args = [str(synth_dir), str(db), str(shards), address, str(BATCH)]
    driver = subprocess.Popen([sys.executable, "-c", _DRIVER, *args])
    deadline = time.monotonic() + 300
    done = shards / "analyse"
    try:
        while len(list(done.glob("*.done"))) < 3:
            assert driver.poll() is None, "the build ended before it could be killed"
            assert time.monotonic() < deadline, "no analyse shard finished in 300 s"
            time.sleep(0.05)
        os.kill(driver.pid, signal.SIGKILL)
    finally:
        driver.kill()
        driver.wait()
    done_before = len(list(done.glob("*.done")))
    assert 3 <= done_before < 10
    with SQLiteStore(db, read_only=True) as store:  # the killed run stored nothing
        assert store.documents() == []

    report, executor = _build_ray(synth_dir, db, shards)
    assert executor.reused["prepare"] == 10 and executor.computed["prepare"] == 0
    assert executor.reused["analyse"] >= done_before
    assert executor.reused["analyse"] + executor.computed["analyse"] == 10
    assert report.new == 40 and not report.quarantined
    with SQLiteStore(db, read_only=True) as store:
        docs = store.documents()
    assert len(docs) == len({d["id"] for d in docs}) == 40
    assert timeline_json(db) == timeline_json(synth_local)


def test_cli_builds_on_ray_and_clears_its_shards(ray_session: Any, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from storyline.cli import app

    runner = CliRunner()
    local, db = tmp_path / "local.db", tmp_path / "ray.db"
    build_local(SEEDS, local)
    args = ["build", str(SEEDS), "--engine", "ray", "--workers", "1", "-q"]
    result = runner.invoke(app, [*args, "--db", str(db), "--keep-shards"])
    assert result.exit_code == 0, result.output
    assert any((tmp_path / "ray.db.shards" / "analyse").glob("*.done"))
    assert timeline_json(db) == timeline_json(local)
    result = runner.invoke(app, [*args, "--db", str(tmp_path / "again.db")])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "again.db.shards").exists()  # a successful build clears them
    assert timeline_json(tmp_path / "again.db") == timeline_json(local)
