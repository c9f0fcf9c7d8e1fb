"""Properties: clustering ignores input order; adding documents never splits a story."""

from __future__ import annotations

import random
import sqlite3

from dedup_seeds import seed_docs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.dedup import StoryIndex, cluster

_SEEDS = seed_docs()


def _variants() -> list[tuple[str, str]]:
    """Seeds plus trims, extensions and re-scrapes of them: a small corpus with links."""
    docs = list(_SEEDS)
    for doc, text in _SEEDS:
        paragraphs = [p for p in text.split("\n") if p.strip()]
        docs.append((f"trim-{doc}", "\n".join(paragraphs[: max(2, len(paragraphs) // 2)])))
        docs.append((f"banner-{doc}", "Home | News | Sport\n" + text + "\nShare this article"))
    return docs


_CORPUS = _variants()


def _partition(stories):
    return sorted(tuple(sorted(m.document for m in s.members)) for s in stories)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(_CORPUS))
def test_cluster_is_order_independent(order):
    assert cluster(order) == cluster(_CORPUS)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(_CORPUS), st.integers(1, len(_CORPUS) - 1), st.integers(1, 6))
def test_adding_never_splits(order, cut, batch):
    index = StoryIndex(sqlite3.connect(":memory:"))
    index.add_many(order[:cut])
    before = {m.document: s.id for s in index.stories() for m in s.members}
    rest = order[cut:]
    for i in range(0, len(rest), batch):
        index.add_many(rest[i : i + batch])
    after = {m.document: s.id for s in index.stories() for m in s.members}
    for a in before:
        for b in before:
            if before[a] == before[b]:
                assert after[a] == after[b]
    # and the final state is the same as clustering everything at once
    assert index.stories() == cluster(_CORPUS)


def test_random_batches_match_memory():
    rng = random.Random(7)
    order = list(_CORPUS)
    rng.shuffle(order)
    index = StoryIndex(sqlite3.connect(":memory:"))
    for i in range(0, len(order), 4):
        index.add_many(order[i : i + 4])
    assert _partition(index.stories()) == _partition(cluster(_CORPUS))
