"""Chunked builds: new documents processed and stored a chunk at a time."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from .helpers import stories_of, timeline_json


def _build(corpus: Path, db: Path, chunk: int | None, progress: Any = None) -> Any:
    from storyline.engine.local import build
    from storyline.engine.stages import BuildConfig
    from storyline.store.sqlite import SQLiteStore

    with SQLiteStore(db) as store:
        return build([corpus], store, BuildConfig(workers=1), chunk_size=chunk, progress=progress)


def _documents(db: Path) -> list[dict[str, Any]]:
    from storyline.store.sqlite import SQLiteStore

    with SQLiteStore(db, read_only=True) as store:
        return sorted(
            ({k: v for k, v in d.items() if k != "source"} for d in store.documents()),
            key=lambda d: str(d["id"]),
        )


@pytest.mark.parametrize("chunk", [1, 2])
@pytest.mark.slow
def test_chunked_builds_give_the_seeds_timeline(
    chunk: int, seeds_dir: Path, seeds_db: Path, tmp_path: Path
) -> None:
    calls: list[tuple[str, int, int | None]] = []
    report = _build(seeds_dir, tmp_path / "c.db", chunk, lambda *a: calls.append(a))
    assert report.new == 5 and report.inputs == 5 and not report.quarantined
    # with chunks of 1 the seeds' two copies of one story are stored apart and still meet
    assert stories_of(tmp_path / "c.db") == stories_of(seeds_db)
    assert _documents(tmp_path / "c.db") == _documents(seeds_db)
    assert timeline_json(tmp_path / "c.db") == timeline_json(seeds_db)
    # progress: each chunk announces the grand total so far and advances
    announced = [total for phase, n, total in calls if phase == "analyse" and n == 0]
    assert announced == [min(5, k) for k in range(chunk, 5 + chunk, chunk)]
    assert sum(n for phase, n, _ in calls if phase == "analyse") == 5
    assert set(report.steps) == {"read", "prepare", "stories", "analyse", "store", "merge"}


class _Abort(Exception):
    pass


@pytest.mark.slow
def test_a_build_that_dies_keeps_its_stored_chunks(
    seeds_dir: Path, seeds_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "c.db"
    analysed: list[int] = []

    def die_in_the_third_chunk(phase: str, n: int, total: int | None) -> None:
        if phase == "analyse" and n:
            analysed.append(n)
            if sum(analysed) > 4:
                raise _Abort

    with pytest.raises(_Abort):
        _build(seeds_dir, db, 2, die_in_the_third_chunk)
    assert len(_documents(db)) == 4  # two chunks stored before the third died
    report = _build(seeds_dir, db, 2)
    assert (report.new, report.unchanged) == (1, 4)
    assert _documents(db) == _documents(seeds_db)
    assert timeline_json(db) == timeline_json(seeds_db)


@pytest.mark.slow
def test_a_repeated_file_is_a_duplicate_across_chunks(seeds_dir: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    shutil.copytree(seeds_dir, corpus)
    first = sorted(corpus.glob("*.txt"))[0]
    shutil.copy(first, corpus / "zz-again.txt")  # read last: after the first chunk is stored
    report = _build(corpus, tmp_path / "c.db", 2)
    assert (report.inputs, report.new, report.duplicates, report.unchanged) == (6, 5, 1, 0)


def test_chunk_size_must_be_positive(seeds_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="chunk_size"):
        _build(seeds_dir, tmp_path / "c.db", 0)


@pytest.mark.slow
def test_cli_build_takes_a_chunk_size(seeds_dir: Path, seeds_db: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from storyline.cli import app

    db = tmp_path / "cli.db"
    args = ["build", str(seeds_dir), "--db", str(db), "--workers", "1", "--chunk", "3"]
    result = CliRunner().invoke(app, [*args, "-f", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["new"] == 5 and payload["steps"]["analyse"] > 0
    assert timeline_json(db) == timeline_json(seeds_db)


@pytest.mark.slow
def test_builds_one_file_at_a_time_merge_incrementally(
    seeds_dir: Path, seeds_db: Path, tmp_path: Path
) -> None:
    """Adding articles build by build (in reverse order) re-merges only what they touch
    and ends with the timeline of one build of everything."""
    db = tmp_path / "c.db"
    corpus = tmp_path / "in"
    corpus.mkdir()
    modes = []
    for path in sorted(seeds_dir.glob("*.txt"), reverse=True):
        shutil.copy(path, corpus / path.name)
        report = _build(corpus, db, None)
        modes.append((report.merge, report.remerged, report.event_mentions))
    assert modes[0][0] == "full"
    assert all(mode in ("incremental", "none") for mode, _, _ in modes[1:])
    total = sum(new for _, _, new in modes)
    assert all(remerged < total for _, remerged, _ in modes[1:])  # never everything again
    assert timeline_json(db) == timeline_json(seeds_db)
    assert _build(corpus, db, None).merge == "none"  # the same input again: nothing to do
