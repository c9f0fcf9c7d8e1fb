"""The synthetic corpus and its reference local build (Ray itself: ``ray_session`` in
``tests/conftest.py``, one cluster for the whole run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import build_local, synthesize


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
