"""Exact verification of a candidate pair, and the member relations of a story.

Candidates come from hashing tricks that can be wrong; the decision to link two
documents is taken here, on the exact shingle sets, and is symmetric in the pair
(so the clustering does not depend on which document arrived first).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storyline.dedup.config import StoryConfig
from storyline.dedup.fingerprint import U32, Fingerprint
from storyline.records import content_id

__all__ = ["canonical_key", "linked", "linked_many", "overlap", "relation_to", "story_id"]

#: Overlap counts as symmetric (a copy, "near") when Jaccard is at least this
#: fraction of the containment; below it the canonical is substantially larger.
_SYMMETRIC = 0.8


def _intersection_size(a: U32, b: U32) -> int:
    """Common elements of two sorted unique arrays: a binary search of the smaller
    in the larger (no concatenation and re-sort, as ``np.intersect1d`` does)."""
    if a.size > b.size:
        a, b = b, a
    pos = np.searchsorted(b, a)
    pos[pos == b.size] = 0
    return int(np.count_nonzero(b[pos] == a))


def overlap(a: U32, b: U32) -> tuple[float, float]:
    """(Jaccard, containment of the smaller set in the larger) of two shingle sets."""
    if a.size == 0 or b.size == 0:
        return 0.0, 0.0
    inter = _intersection_size(a, b)
    union = a.size + b.size - inter
    return inter / union, inter / min(a.size, b.size)


def linked(a: Fingerprint, b: Fingerprint, config: StoryConfig) -> bool:
    """Whether two documents belong to the same story (a symmetric decision)."""
    if a.norm_hash and a.norm_hash == b.norm_hash:
        return True
    if a.n_words < config.min_words or b.n_words < config.min_words:
        return False
    jaccard, containment = overlap(a.shingles, b.shingles)
    return jaccard >= config.jaccard_threshold or containment >= config.containment_threshold


def linked_many(a: Fingerprint, others: Sequence[Fingerprint], config: StoryConfig) -> list[bool]:
    """``[linked(a, b, config) for b in others]`` with one numpy pass over all ``b``:
    the same decisions (the same integer counts and float divisions), without a
    Python-level binary search per pair."""
    out = [False] * len(others)
    todo: list[int] = []
    for k, b in enumerate(others):
        if a.norm_hash and a.norm_hash == b.norm_hash:
            out[k] = True
        elif a.n_words < config.min_words or b.n_words < config.min_words:
            continue
        elif a.shingles.size and b.shingles.size:
            todo.append(k)
    if not todo:
        return out
    arrays = [others[k].shingles for k in todo]
    sizes = np.fromiter((x.size for x in arrays), dtype=np.int64, count=len(arrays))
    cat = np.concatenate(arrays)
    mine = a.shingles
    pos = np.searchsorted(mine, cat)
    pos[pos == mine.size] = 0
    hits = (mine[pos] == cat).astype(np.int64)
    starts = np.zeros(len(arrays), dtype=np.int64)
    np.cumsum(sizes[:-1], out=starts[1:])
    inter = np.add.reduceat(hits, starts)
    jaccard = inter / (mine.size + sizes - inter)
    containment = inter / np.minimum(mine.size, sizes)
    ok = (jaccard >= config.jaccard_threshold) | (containment >= config.containment_threshold)
    for k, flag in zip(todo, ok.tolist(), strict=True):
        out[k] = bool(flag)
    return out


def canonical_key(fp: Fingerprint) -> tuple[int, int, str]:
    """Sort key whose minimum is the canonical article: most words, most paragraphs, id."""
    return (-fp.n_words, -fp.n_paragraphs, fp.doc)


def story_id(member_docs: list[str] | tuple[str, ...] | set[str]) -> str:
    """A story's id: derived from its smallest member doc id, so from content alone."""
    return content_id("story", min(member_docs))


def relation_to(
    member: Fingerprint, canonical: Fingerprint, config: StoryConfig
) -> tuple[str, float]:
    """How ``member`` relates to the canonical article, with the score that says so.

    exact: same normalized text; contained-in: at least ``containment_threshold``
    of the member's shingles are in the canonical, which holds substantially more
    (Jaccard < 0.8 x containment; score = containment); near: Jaccard >= threshold
    (score = Jaccard); otherwise the member joined through another member and is
    reported as near with its (low) Jaccard to the canonical.
    """
    if member.doc == canonical.doc:
        return "canonical", 1.0
    if member.norm_hash and member.norm_hash == canonical.norm_hash:
        return "exact", 1.0
    inter = 0
    if member.shingles.size and canonical.shingles.size:
        inter = _intersection_size(member.shingles, canonical.shingles)
    union = member.shingles.size + canonical.shingles.size - inter
    jaccard = inter / union if union else 0.0
    containment = inter / member.shingles.size if member.shingles.size else 0.0
    if containment >= config.containment_threshold and jaccard < _SYMMETRIC * containment:
        return "contained-in", round(containment, 4)
    return "near", round(jaccard, 4)
