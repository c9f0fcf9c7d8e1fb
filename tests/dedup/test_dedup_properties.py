"""Properties: clustering ignores input order; adding documents never splits a story."""

from __future__ import annotations

import random
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.dedup import (
    StoryConfig,
    cluster,
    cluster_fingerprints,
    fingerprint_many,
)
from storyline.store.story_index import StoryIndex

_SETTINGS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _partition(stories):
    return sorted(tuple(sorted(m.document for m in s.members)) for s in stories)


@_SETTINGS
@given(data=st.data())
def test_cluster_is_order_independent(variant_corpus, data):
    order = data.draw(st.permutations(variant_corpus))
    assert cluster(order) == cluster(variant_corpus)


@_SETTINGS
@given(data=st.data())
def test_adding_never_splits(variant_corpus, data):
    order = data.draw(st.permutations(variant_corpus))
    cut = data.draw(st.integers(1, len(order) - 1))
    batch = data.draw(st.integers(1, 6))
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
    # and the final state is the one clustering everything at once gives
    assert index.stories() == cluster(variant_corpus)


def test_random_batches_match_memory(variant_corpus):
    rng = random.Random(7)
    order = list(variant_corpus)
    rng.shuffle(order)
    index = StoryIndex(sqlite3.connect(":memory:"))
    for i in range(0, len(order), 4):
        index.add_many(order[i : i + 4])
    assert _partition(index.stories()) == _partition(cluster(variant_corpus))


@pytest.mark.parametrize("batch", [1, 3, 100])
def test_posting_cap_is_applied_alike_in_both_paths(variant_corpus, batch):
    """With a tiny cap, keys fill up; both paths must still decide alike, in order."""
    config = StoryConfig(max_postings=2)
    index = StoryIndex(sqlite3.connect(":memory:"), config)
    for i in range(0, len(variant_corpus), batch):
        index.add_many(variant_corpus[i : i + batch])
    assert index.stories() == cluster(variant_corpus, config)


def test_fingerprints_from_elsewhere_give_the_same_stories(variant_corpus):
    config = StoryConfig()
    fps = fingerprint_many(variant_corpus, config)
    index = StoryIndex(sqlite3.connect(":memory:"), config)
    index.add_fingerprints(fps[:7])
    index.add_fingerprints(fps[5:])
    assert index.stories() == cluster_fingerprints(fps, config) == cluster(variant_corpus)


@pytest.mark.parametrize("merge_every", [1, 5, 10_000])
@pytest.mark.parametrize("max_postings", [2, 500])
def test_postings_tiers_do_not_change_stories(variant_corpus, merge_every, max_postings):
    """Where a posting sits (recent tier or merged) changes neither candidates nor cap."""
    config = StoryConfig(max_postings=max_postings)
    conn = sqlite3.connect(":memory:")
    index = StoryIndex(conn, config, merge_every=merge_every)
    for i in range(0, len(variant_corpus), 3):
        index.add_many(variant_corpus[i : i + 3])
    assert index.stories() == cluster(variant_corpus, config)
    recent = conn.execute("SELECT count(*) FROM lsh_anchor_recent").fetchone()[0]
    assert (recent == 0) == (merge_every == 1)
    index.merge_postings()
    assert conn.execute("SELECT count(*) FROM lsh_anchor_recent").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM lsh_anchor").fetchone()[0] > 0
    assert index.stories() == cluster(variant_corpus, config)


def test_merge_every_must_be_positive():
    with pytest.raises(ValueError, match="merge_every"):
        StoryIndex(sqlite3.connect(":memory:"), merge_every=0)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_linked_many_decides_as_linked(data: st.DataObject) -> None:
    """The vectorized verification makes exactly the pairwise decisions."""
    import numpy as np

    from storyline.dedup import StoryConfig
    from storyline.dedup.fingerprint import Fingerprint
    from storyline.dedup.verify import linked, linked_many

    def fingerprint(name: str) -> Fingerprint:
        values = data.draw(st.sets(st.integers(0, 60), max_size=40))
        words = data.draw(st.integers(0, 80))
        norm = data.draw(st.sampled_from(["", "h1", "h2"]))
        return Fingerprint(
            doc=name, norm_hash=norm, n_words=words, n_paragraphs=1,
            shingles=np.array(sorted(values), dtype=np.uint32),
            single_keys=(), anchors=(), paragraphs=(),
        )  # fmt: skip

    config = StoryConfig()
    a = fingerprint("a")
    others = [fingerprint(f"b{k}") for k in range(data.draw(st.integers(0, 8)))]
    assert linked_many(a, others, config) == [linked(a, b, config) for b in others]
