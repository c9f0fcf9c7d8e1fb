"""A build killed at any moment, then run again, leaves the store of an uninterrupted one.

A real ``storyline build`` (one worker, chunks of two documents) dies right after its
N-th commit, or is killed after a delay; the same build is run again; documents,
stories, events and saliences must equal those of a build that was never interrupted.
A build that fills the disk (its store capped at N pages, as SQLite fails on a full
disk) says so, exits 1, leaves a sound store, and the rerun ends in the same store.
CI tries every third commit boundary, two random moments and three full disks;
``bench/engine/crash.py`` tries every boundary, 50 random moments and full disks.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from storyline.engine.crashtest import run_build, snapshot

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("crash") / "ref.db"
    assert run_build(SEEDS, db) == 0
    return snapshot(db)


@pytest.mark.parametrize("commit", [1, 4, 7, 10, 13, 16])
def test_a_build_killed_after_a_commit_resumes_to_the_same_store(
    reference: dict[str, Any], tmp_path: Path, commit: int
) -> None:
    db = tmp_path / "s.db"
    assert run_build(SEEDS, db, fault_after_commit=commit) == 137  # it did die there
    assert run_build(SEEDS, db) == 0
    assert snapshot(db) == reference


@pytest.mark.parametrize("seed", [1, 2])
def test_a_build_killed_at_a_random_moment_resumes_to_the_same_store(
    reference: dict[str, Any], tmp_path: Path, seed: int
) -> None:
    db = tmp_path / "s.db"
    run_build(SEEDS, db, kill_after=random.Random(seed).uniform(2.0, 5.0))
    assert run_build(SEEDS, db) == 0
    assert snapshot(db) == reference


@pytest.mark.parametrize("pages", [10, 100, 130])  # while creating, storing, merging
def test_a_build_that_fills_the_disk_says_so_and_the_rerun_gives_the_same_store(
    reference: dict[str, Any], tmp_path: Path, pages: int
) -> None:
    db, said = tmp_path / "s.db", tmp_path / "stderr"
    assert run_build(SEEDS, db, max_pages=pages, stderr=said) == 1
    message = " ".join(said.read_text().split())
    assert f"disk full while storing {db}" in message, message
    assert "free space and run the build again; nothing stored was lost" in message
    assert "Traceback" not in message
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert run_build(SEEDS, db) == 0
    assert snapshot(db) == reference
