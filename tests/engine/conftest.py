"""Ray started once for the engine tests (2 CPUs), and the reference local build."""

from __future__ import annotations

import gc
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .helpers import build_local, synthesize


@pytest.fixture(scope="package")
def ray_session() -> Iterator[Any]:
    ray = pytest.importorskip("ray")  # CI installs the [ray] extra: then this never skips
    from storyline.engine.ray_engine import init_ray

    if not ray.is_initialized():
        init_ray(num_cpus=2)
    yield ray
    with warnings.catch_warnings():  # Ray's subprocess handles, reclaimed at shutdown
        warnings.simplefilter("ignore", ResourceWarning)
        ray.shutdown()
        gc.collect()


@pytest.fixture(scope="package")
def synth_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthesize(tmp_path_factory.mktemp("synth") / "corpus", 40)


@pytest.fixture(scope="package")
def synth_local(synth_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic corpus built by the local engine: the reference."""
    db = tmp_path_factory.mktemp("local") / "synth.db"
    report = build_local(synth_dir, db)
    assert report.new == 40 and not report.quarantined
    return db
