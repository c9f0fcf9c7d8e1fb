"""Shared fixtures: the seed corpus, its gold file, and one store built from it.

Also the markers' guard (``make test-fast`` runs ``-m "not slow and not ray and not
browser"``, so a mark left off would slow it down, or the suite would lie about
what it skips):

- a test using ``ray_session`` must be marked ``ray``, one using ``browser``
  ``browser`` (checked when collected);
- a test not marked ``slow`` fails when it loads the spaCy model, in this process
  (``load_pipeline``) or in a worker or subprocess it starts (``STORYLINE_MODEL``
  names no model while it runs), fixtures it is the first to use included.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import warnings
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
SEEDS = DATA / "seeds"
BASELINE = Path(__file__).resolve().parents[1] / "bench" / "baseline.json"
#: Fixture -> the marker every test using it must carry.
FIXTURE_MARKERS = {"ray_session": "ray", "browser": "browser"}
#: What ``STORYLINE_MODEL`` names while a test not marked slow runs: no model, so a
#: build it starts in another process fails with this name in its message.
NOT_SLOW_MODEL = "no-model--a-test-that-loads-spacy-must-be-marked-slow"
_current: list[pytest.Item] = []  # the test being set up or run
_outside: list[str | None] = []  # STORYLINE_MODEL as it was before the guard set it


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    missing = [
        f"{item.nodeid}: uses {fixture!r}, so mark it @pytest.mark.{marker}"
        for item in items
        for fixture, marker in FIXTURE_MARKERS.items()
        if fixture in getattr(item, "fixturenames", ()) and item.get_closest_marker(marker) is None
    ]
    if missing:
        raise pytest.UsageError("tests without their marker:\n" + "\n".join(missing))


def pytest_configure(config: pytest.Config) -> None:
    from storyline.nlp import spacy_pipeline

    real: Callable[[str | None], Any] = spacy_pipeline.load_pipeline

    def guarded(name: str | None = None) -> Any:
        if _current and _current[-1].get_closest_marker("slow") is None:
            pytest.fail(
                f"{_current[-1].nodeid} loads the spaCy model (itself or through a fixture) "
                "but is not marked slow: add @pytest.mark.slow",
                pytrace=False,
            )
        return real(name)

    spacy_pipeline.load_pipeline = guarded  # type: ignore[assignment]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, None, None]:
    """Set up, run and tear down ``item`` with the guard on unless it is slow."""
    slow = item.get_closest_marker("slow") is not None
    saved = os.environ.get("STORYLINE_MODEL")
    _current.append(item)
    _outside.append(saved)
    if not slow:
        os.environ["STORYLINE_MODEL"] = NOT_SLOW_MODEL
    try:
        yield
    finally:
        _current.pop()
        _outside.pop()
        _set_model(saved)


def _set_model(value: str | None) -> None:
    if value is None:
        os.environ.pop("STORYLINE_MODEL", None)
    else:
        os.environ["STORYLINE_MODEL"] = value


@pytest.fixture(scope="session")
def ray_session() -> Iterator[Any]:
    """One local Ray cluster (2 CPUs) for the whole test run, shut down at its end:
    every Ray test shares it (a build's ``RayExecutor`` uses a running Ray as is)."""
    ray = pytest.importorskip("ray")  # CI installs the [ray] extra: then this never skips
    from storyline.engine.ray_engine import init_ray

    if not ray.is_initialized():
        # the cluster outlives the test that starts it: its workers must not inherit
        # the guard's STORYLINE_MODEL when that test is not slow
        guarded = os.environ.get("STORYLINE_MODEL")
        _set_model(_outside[-1] if _outside else guarded)
        try:
            init_ray(num_cpus=2)
        finally:
            _set_model(guarded)
    yield ray
    with warnings.catch_warnings():  # Ray's subprocess handles, reclaimed at shutdown
        warnings.simplefilter("ignore", ResourceWarning)
        ray.shutdown()
        gc.collect()


def read_floor(key: str, path: Path = BASELINE) -> float:
    """A quality floor of ``bench/baseline.json``; a missing key fails the test (a
    gate without its floor must not pass, nor be skipped)."""
    floors = json.loads(path.read_text(encoding="utf-8"))
    if key not in floors:
        pytest.fail(f"{path.name} has no floor {key!r}: add it (floors only rise)", pytrace=False)
    return float(floors[key])


@pytest.fixture(scope="session")
def floor() -> Callable[..., float]:
    """``floor(key)``: :func:`read_floor` for a test."""
    return read_floor


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
