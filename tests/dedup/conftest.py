"""Fixtures of the dedup tests."""

from __future__ import annotations

import pytest
from dedup_seeds import gold_partition, seed_docs


@pytest.fixture(scope="session")
def seeds() -> list[tuple[str, str]]:
    return seed_docs()


@pytest.fixture(scope="session")
def gold_stories() -> list[list[str]]:
    return gold_partition()
