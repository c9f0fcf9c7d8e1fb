"""Shared fixtures: the seed corpus, its gold file, and one store built from it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    return json.loads((DATA / "seeds_gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seeds_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("seeds")
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copy(f, target / f.name)
    return target


@pytest.fixture(scope="session")
def seeds_db(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds built once (one worker) into a store shared by read-only tests."""
    from storyline.engine.local import build
    from storyline.engine.stages import BuildConfig
    from storyline.store.sqlite import SQLiteStore

    db = tmp_path_factory.mktemp("db") / "seeds.db"
    with SQLiteStore(db) as store:
        report = build([seeds_dir], store, BuildConfig(workers=1))
    assert report.new == 5 and not report.quarantined
    return db


@pytest.fixture(scope="session")
def doc_ids(seeds_db: Path) -> dict[str, str]:
    """Seed file name -> stored document id."""
    from storyline.store.sqlite import SQLiteStore

    with SQLiteStore(seeds_db, read_only=True) as store:
        return {Path(d["source"]).name: d["id"] for d in store.documents()}
