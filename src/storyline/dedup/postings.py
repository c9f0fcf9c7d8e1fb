"""The posting rule of one batch added to the persisted index, vectorized.

Kept apart from the persisted index (``store/story_index.py``, which runs the SQL)
because it is the one piece of logic that must match the in-memory ``cluster``
exactly (same cap, same order) for both paths to agree.

A batch of 10,000 documents carries ~550,000 (document, key) occurrences; walking them
in Python dict/Counter loops cost more than all the SQL of the batch, so the plan is
computed with numpy sorts over flat arrays. It yields the same keys, the same
postings and the same candidate pairs as the per-document rule it replaces:

* a key is *usable* by a document while fewer than ``max_postings`` documents carry it
  (stored ones plus earlier usable occurrences in the batch); unusable keys are
  neither queried nor posted (boilerplate);
* a document's candidates are the documents sharing one usable single key with it,
  or at least ``min_shared_anchors`` usable anchors.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from storyline.dedup.config import StoryConfig
from storyline.dedup.fingerprint import Fingerprint

__all__ = ["BatchKeys", "BatchPlan", "batch_keys", "plan_batch"]

I64 = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class BatchKeys:
    """Every (document, key) occurrence of a batch, and the batch's distinct keys.

    Group ids number the distinct (kind, key) pairs: single keys first (``singles``,
    sorted), then anchors (``anchors``, sorted), so sorting by group id sorts by
    kind then key.
    """

    doc: I64  # batch index of each occurrence
    group: I64  # group id of each occurrence
    singles: I64  # distinct single keys, sorted
    anchors: I64  # distinct anchor keys, sorted

    @property
    def n_groups(self) -> int:
        return int(self.singles.size + self.anchors.size)


def _flat(fps: Sequence[Fingerprint], single: bool) -> tuple[I64, I64]:
    lengths = [len(fp.single_keys if single else fp.anchors) for fp in fps]
    keys = np.fromiter(
        itertools.chain.from_iterable(fp.single_keys if single else fp.anchors for fp in fps),
        dtype=np.int64,
        count=sum(lengths),
    )
    return keys, np.repeat(np.arange(len(fps), dtype=np.int64), lengths)


def batch_keys(fps: Sequence[Fingerprint]) -> BatchKeys:
    """Flatten a batch's keys (one numpy pass instead of a dict per document)."""
    s_keys, s_doc = _flat(fps, True)
    a_keys, a_doc = _flat(fps, False)
    singles, s_inv = np.unique(s_keys, return_inverse=True)
    anchors, a_inv = np.unique(a_keys, return_inverse=True)
    return BatchKeys(
        doc=np.concatenate((s_doc, a_doc)),
        group=np.concatenate((s_inv.ravel(), a_inv.ravel() + singles.size)).astype(np.int64),
        singles=singles.astype(np.int64),
        anchors=anchors.astype(np.int64),
    )


@dataclass(frozen=True, slots=True)
class BatchPlan:
    """What one batch inserts and which pairs it must verify."""

    insert_singles: tuple[I64, I64]  # (key, batch index), sorted by key then index
    insert_anchors: tuple[I64, I64]
    db_pairs: tuple[I64, I64]  # (batch index, stored n) candidate pairs, distinct
    batch_pairs: tuple[I64, I64]  # (batch index i, batch index j < i), distinct


def _pair_codes(i: I64, j: I64, width: int) -> I64:
    return i * np.int64(width) + j


def _candidates(i: I64, j: I64, is_single: npt.NDArray[np.bool_], min_shared: int) -> I64:
    """Distinct (i, j) codes: any shared single key, or >= ``min_shared`` shared anchors."""
    width = int(j.max()) + 1 if j.size else 1
    codes = _pair_codes(i, j, width)
    direct = np.unique(codes[is_single])
    anchor_codes, counts = np.unique(codes[~is_single], return_counts=True)
    found = np.union1d(direct, anchor_codes[counts >= min_shared])
    return np.stack((found // width, found % width))


def plan_batch(keys: BatchKeys, stored_group: I64, stored_n: I64, config: StoryConfig) -> BatchPlan:
    """Apply the cap and find candidates, given the stored postings of the batch's keys.

    ``stored_group``/``stored_n`` list every stored document posted under a key of the
    batch (by group id); a stored posting never exceeds the cap, so its length is the
    key's stored document count.
    """
    cap, n_groups = config.max_postings, keys.n_groups
    n_singles = keys.singles.size
    stored_count = np.bincount(stored_group, minlength=n_groups)

    # occurrences sorted by (group, document): rank = earlier carriers in the batch
    order = np.lexsort((keys.doc, keys.group))
    group, doc = keys.group[order], keys.doc[order]
    starts = np.searchsorted(group, np.arange(n_groups))
    rank = np.arange(group.size) - starts[group]
    usable = stored_count[group] + rank < cap
    group, doc = group[usable], doc[usable]
    single = group < n_singles

    # inserts: already sorted by kind, key, document
    all_keys = np.concatenate((keys.singles, keys.anchors))
    insert_singles = (all_keys[group[single]], doc[single])
    insert_anchors = (all_keys[group[~single]], doc[~single])

    # candidates among stored documents: expand each usable occurrence by its posting
    s_order = np.argsort(stored_group, kind="stable")
    s_group, s_n = stored_group[s_order], stored_n[s_order]
    s_start = np.searchsorted(s_group, np.arange(n_groups))
    counts = stored_count[group]
    total = int(counts.sum())
    occ = np.repeat(np.arange(group.size), counts)
    within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    stored_of = s_n[s_start[group[occ]] + within]
    db = _candidates(doc[occ], stored_of, single[occ], config.min_shared_anchors)

    # candidates within the batch: every pair of usable carriers of the same key
    pi: list[I64] = []
    pj: list[I64] = []
    pk: list[npt.NDArray[np.bool_]] = []
    idx = np.arange(max(group.size - 1, 0))
    step = 1
    while idx.size:
        idx = idx[idx + step < group.size]
        idx = idx[group[idx + step] == group[idx]]
        pi.append(doc[idx + step])
        pj.append(doc[idx])
        pk.append(single[idx])
        step += 1
    if pi:
        bi, bj, bk = np.concatenate(pi), np.concatenate(pj), np.concatenate(pk)
    else:
        bi = bj = np.zeros(0, dtype=np.int64)
        bk = np.zeros(0, dtype=bool)
    batch = _candidates(bi, bj, bk, config.min_shared_anchors)
    return BatchPlan(
        insert_singles=insert_singles,
        insert_anchors=insert_anchors,
        db_pairs=(db[0], db[1]),
        batch_pairs=(batch[0], batch[1]),
    )
