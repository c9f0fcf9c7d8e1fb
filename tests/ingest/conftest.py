"""Shared fixtures of the ingest tests: paths and the seeds' gold expectations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
SEEDS = sorted((DATA / "seeds").glob("*.txt"))
FIXTURES = DATA / "ingest"


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    return json.loads((DATA / "seeds_gold.json").read_text(encoding="utf-8"))
