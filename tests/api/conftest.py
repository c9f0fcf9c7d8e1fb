"""An app over the seeds store, driven in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from .client import ASGIClient


@pytest.fixture(scope="session")
def client(seeds_db: Path) -> ASGIClient:
    from storyline.server import create_app

    return ASGIClient(create_app(seeds_db))
