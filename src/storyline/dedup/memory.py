"""Story clustering in memory: the reference path for tests and benchmarks.

The persisted index (``store.story_index.StoryIndex``) makes the same decisions
(same fingerprints, same candidate keys and posting cap, same verification), with
SQLite holding the postings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace

from storyline.dedup.assemble import build_story
from storyline.dedup.config import StoryConfig
from storyline.dedup.fingerprint import Fingerprint, fingerprint_many
from storyline.dedup.verify import linked
from storyline.intervals import UnionFind
from storyline.records import Story

__all__ = ["UnionFind", "candidates", "cluster", "cluster_fingerprints"]

_BATCH = 2048


def candidates(
    fp: Fingerprint,
    single: dict[int, list[int]],
    anchors: dict[int, list[int]],
    config: StoryConfig,
) -> set[int]:
    """Earlier documents sharing a single key, or at least ``min_shared_anchors`` anchors.

    Keys already carried by ``max_postings`` documents are boilerplate and skipped.
    """
    cap = config.max_postings
    found: set[int] = set()
    for key in fp.single_keys:
        posting = single.get(key)
        if posting and len(posting) < cap:
            found.update(posting)
    shared: Counter[int] = Counter()
    for key in fp.anchors:
        posting = anchors.get(key)
        if posting and len(posting) < cap:
            shared.update(posting)
    found.update(n for n, c in shared.items() if c >= config.min_shared_anchors)
    return found


def _post(postings: dict[int, list[int]], keys: tuple[int, ...], n: int, cap: int) -> None:
    """Post ``n`` under its keys; a full posting (boilerplate) stops growing."""
    for key in keys:
        posting = postings.setdefault(key, [])
        if len(posting) < cap:
            posting.append(n)


def _batches(docs: Iterable[tuple[str, str]]) -> Iterator[list[tuple[str, str]]]:
    batch: list[tuple[str, str]] = []
    for item in docs:
        batch.append(item)
        if len(batch) >= _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def cluster(docs: Iterable[tuple[str, str]], config: StoryConfig | None = None) -> list[Story]:
    """Group ``(doc_id, clean_text)`` pairs into stories, sorted by story id.

    A repeated doc id keeps its first text. The partition is the connected components
    of the verified-pair graph, which does not depend on input order (as long as no
    key exceeds ``max_postings``), and story ids derive from member ids.
    """
    config = config or StoryConfig()

    def fingerprinted() -> Iterator[Fingerprint]:
        for batch in _batches(docs):
            yield from fingerprint_many(batch, config)

    return cluster_fingerprints(fingerprinted(), config)


def cluster_fingerprints(
    fingerprints: Iterable[Fingerprint], config: StoryConfig | None = None
) -> list[Story]:
    """``cluster`` for documents fingerprinted elsewhere (e.g. in worker processes)."""
    config = config or StoryConfig()
    fps: list[Fingerprint] = []
    seen: set[str] = set()
    single: dict[int, list[int]] = {}
    anchors: dict[int, list[int]] = {}
    sets = UnionFind()
    for fp in fingerprints:
        if fp.doc in seen:
            continue
        seen.add(fp.doc)
        n = sets.add()
        # keys live in the postings only: keep the rest (halves memory per document)
        fps.append(replace(fp, single_keys=(), anchors=()))
        for m in candidates(fp, single, anchors, config):
            if sets.find(m) != sets.find(n) and linked(fp, fps[m], config):
                sets.union(m, n)
        _post(single, fp.single_keys, n, config.max_postings)
        _post(anchors, fp.anchors, n, config.max_postings)
    groups: dict[int, list[Fingerprint]] = {}
    for n, fp in enumerate(fps):
        groups.setdefault(sets.find(n), []).append(fp)
    stories = [build_story(group, config) for group in groups.values()]
    return sorted(stories, key=lambda s: s.id)
