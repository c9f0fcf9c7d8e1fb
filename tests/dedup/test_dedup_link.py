"""Linking one batch (``dedup.link``, no SQL): the components the persisted index stores."""

from __future__ import annotations

import numpy as np

from storyline.dedup import StoryConfig, cluster, fingerprint_many
from storyline.dedup.fingerprint import Fingerprint
from storyline.dedup.link import link_batch
from storyline.dedup.postings import I64, BatchKeys, batch_keys, plan_batch

NOTHING = np.zeros(0, dtype=np.int64)


def _posted(keys: BatchKeys, fp: Fingerprint, n: int) -> tuple[I64, I64]:
    """The stored postings of one stored document ``n`` under the batch's keys."""
    singles = np.flatnonzero(np.isin(keys.singles, np.array(fp.single_keys, dtype=np.int64)))
    anchors = np.flatnonzero(np.isin(keys.anchors, np.array(fp.anchors, dtype=np.int64)))
    groups = np.concatenate((singles, anchors + keys.singles.size)).astype(np.int64)
    return groups, np.full(groups.size, n, dtype=np.int64)


def test_a_batch_alone_forms_the_partition_cluster_finds(variant_corpus):
    config = StoryConfig()
    fps = fingerprint_many(variant_corpus, config)
    plan = plan_batch(batch_keys(fps), NOTHING, NOTHING, config)
    groups = link_batch(fps, plan, {}, None, config)
    found = sorted(sorted(fps[i].doc for i in g.batch) for g in groups)
    expected = sorted(sorted(m.document for m in s.members) for s in cluster(variant_corpus))
    assert found == expected
    assert len(found) < len(variant_corpus)  # some documents were linked
    assert all(g.stories == [] for g in groups)
    assert [g.batch[0] for g in groups] == sorted(g.batch[0] for g in groups)


def test_given_components_are_joined_without_verifying(seeds):
    config = StoryConfig()
    fps = fingerprint_many(seeds, config)
    plan = plan_batch(batch_keys(fps), NOTHING, NOTHING, config)
    everything = [[fp.doc for fp in fps]]
    (group,) = link_batch(fps, plan, {}, everything, config)
    assert group.batch == list(range(len(fps)))


def test_a_document_linked_to_a_stored_one_joins_its_story(seeds):
    config = StoryConfig()
    text = dict(seeds)["001_aa7b5d49928f772c.txt"]
    (stored,) = fingerprint_many([("stored", text)], config)
    fps = fingerprint_many(
        [("copy", text), ("other", dict(seeds)["003_9575b9c55e492da0.txt"])], config
    )
    keys = batch_keys(fps)
    plan = plan_batch(keys, *_posted(keys, stored, 7), config)
    groups = link_batch(fps, plan, {7: ("old-story", stored)}, None, config)
    assert [(g.batch, g.stories) for g in groups] == [([0], ["old-story"]), ([1], [])]
