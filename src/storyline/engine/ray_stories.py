"""Story clustering candidates, distributed: LSH keys grouped across workers.

``storyline.dedup.cluster`` streams documents through in-memory postings; a
pair of documents becomes a candidate when it shares one single key (exact,
MinHash band, paragraph) or ``min_shared_anchors`` anchors, counting only the
first ``max_postings`` documents (in input order) that carry a key. That rule
is a join, so it distributes as three Ray steps:

1. per shard of documents: fingerprint, emit ``(kind, key, n)`` routed by key;
2. per key partition: group postings, keep the first ``max_postings`` by ``n``,
   emit single-key pairs and partial anchor-pair counts routed by pair;
3. per pair partition: sum anchor counts, then verify candidates (``linked_many``)
   in tasks that receive only the two shards' fingerprints they compare.

The driver joins verified pairs (union-find) into the same partition of
documents into stories as ``cluster`` (``tests/engine`` checks it).
``build --engine ray`` loads the fingerprints and the partition into the
persisted ``StoryIndex`` when the index starts empty (a first, large build);
later additions link through the index's stored postings in the driver.
"""

from __future__ import annotations

import zlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from storyline.dedup import StoryConfig, fingerprint_many
from storyline.dedup.fingerprint import Fingerprint
from storyline.dedup.verify import linked_many
from storyline.engine.ray_runtime import import_ray
from storyline.intervals import UnionFind

__all__ = ["ray_fingerprints", "ray_link", "ray_story_partition", "story_partition"]

Pair = tuple[int, int]  # (earlier n, later n)


def story_partition(stories: Sequence[Any]) -> list[tuple[str, ...]]:
    """The partition of documents a list of ``Story`` records describes (sorted)."""
    return sorted(tuple(sorted(m.document for m in s.members)) for s in stories)


def ray_story_partition(
    docs: Sequence[tuple[str, str]],
    config: StoryConfig | None = None,
    *,
    shard_size: int = 512,
    partitions: int = 8,
) -> list[tuple[str, ...]]:
    """Group ``(doc_id, clean_text)`` into stories on Ray; sorted tuples of doc ids.

    A repeated doc id keeps its first text, as in ``cluster``. Ray must be initialised.
    """
    return ray_link(docs, config, shard_size=shard_size, partitions=partitions)[1]


def ray_link(
    docs: Sequence[tuple[str, str]],
    config: StoryConfig | None = None,
    *,
    shard_size: int = 512,
    partitions: int = 8,
) -> tuple[list[Fingerprint], list[tuple[str, ...]]]:
    """Fingerprints (one per unique doc id, first text wins, input order) and the
    partition of those documents into stories, both computed on Ray.

    The fingerprints are what ``StoryIndex.add_fingerprints`` stores; the
    partition is the ``components`` it accepts. Ray must be initialised.
    """
    ray = import_ray()
    config = config or StoryConfig()
    parts = max(2, partitions)  # num_returns >= 2 keeps every task's result a tuple
    unique: dict[str, str] = {}
    for doc, text in docs:
        unique.setdefault(doc, text)
    items = list(unique.items())
    if not items:
        return [], []
    starts = list(range(0, len(items), shard_size))
    fingerprint = ray.remote(num_returns=parts + 1)(_fingerprint_shard)
    group = ray.remote(num_returns=parts)(_group_keys)
    count = ray.remote(_candidate_pairs)
    verify = ray.remote(_verify)

    mapped = [
        fingerprint.remote(items[s : s + shard_size], s, config, parts) for s in starts
    ]  # each: (fingerprints, keys for partition 0, 1, ...)
    fp_refs = [m[0] for m in mapped]
    grouped = [group.remote(config, parts, *(m[p + 1] for m in mapped)) for p in range(parts)]
    pair_lists = ray.get([count.remote(config, *(g[p] for g in grouped)) for p in range(parts)])

    by_shards: dict[tuple[int, int], list[Pair]] = defaultdict(list)
    for pairs in pair_lists:
        for a, b in pairs:
            by_shards[(a // shard_size, b // shard_size)].append((a, b))
    checks = [
        verify.remote(config, pairs, shard_size, fp_refs[sa], fp_refs[sb])
        for (sa, sb), pairs in sorted(by_shards.items())
    ]
    sets = UnionFind()
    for _ in items:
        sets.add()
    for linked_pairs in ray.get(checks):
        for a, b in linked_pairs:
            sets.union(a, b)
    groups: dict[int, list[str]] = defaultdict(list)
    for n, (doc, _) in enumerate(items):
        groups[sets.find(n)].append(doc)
    fps = [fp for shard in ray.get(fp_refs) for fp in shard]
    return fps, sorted(tuple(sorted(g)) for g in groups.values())


def ray_fingerprints(
    docs: Sequence[tuple[str, str]], config: StoryConfig, *, shard_size: int = 512
) -> list[Fingerprint]:
    """``fingerprint_many`` in Ray tasks, one per shard; input order. Ray must be initialised."""
    ray = import_ray()
    task = ray.remote(fingerprint_many)
    refs = [
        task.remote(list(docs[s : s + shard_size]), config) for s in range(0, len(docs), shard_size)
    ]
    return [fp for shard in ray.get(refs) for fp in shard]


def _route(value: int, parts: int) -> int:
    return zlib.crc32(value.to_bytes(8, "little", signed=True)) % parts


def _fingerprint_shard(
    items: list[tuple[str, str]], start: int, config: StoryConfig, parts: int
) -> tuple[Any, ...]:
    fps = fingerprint_many(items, config)
    routed: list[list[tuple[int, int, int]]] = [[] for _ in range(parts)]
    for offset, fp in enumerate(fps):
        n = start + offset
        for kind, keys in ((0, fp.single_keys), (1, fp.anchors)):
            for key in keys:
                routed[_route(key, parts)].append((kind, key, n))
    return (fps, *routed)


def _group_keys(
    config: StoryConfig, parts: int, *shards: list[tuple[int, int, int]]
) -> tuple[list[tuple[int, Pair, int]], ...]:
    """Postings of one key partition -> (kind, pair, shared count), routed by pair."""
    postings: dict[tuple[int, int], list[int]] = defaultdict(list)
    for rows in shards:
        for kind, key, n in rows:
            postings[(kind, key)].append(n)
    single: set[Pair] = set()
    anchor: Counter[Pair] = Counter()
    for (kind, _), ns in postings.items():
        first = sorted(ns)[: config.max_postings]  # the cap, applied in input order
        pairs = [(a, b) for i, a in enumerate(first) for b in first[i + 1 :]]
        if kind == 0:
            single.update(pairs)
        else:
            anchor.update(pairs)
    routed: list[list[tuple[int, Pair, int]]] = [[] for _ in range(parts)]
    for pair in single:
        routed[_route(pair[0] * 1_000_003 + pair[1], parts)].append((0, pair, 1))
    for pair, c in anchor.items():
        routed[_route(pair[0] * 1_000_003 + pair[1], parts)].append((1, pair, c))
    return tuple(routed)


def _candidate_pairs(config: StoryConfig, *parts: list[tuple[int, Pair, int]]) -> list[Pair]:
    single: set[Pair] = set()
    anchor: Counter[Pair] = Counter()
    for rows in parts:
        for kind, pair, c in rows:
            if kind == 0:
                single.add(pair)
            else:
                anchor[pair] += c
    single.update(p for p, c in anchor.items() if c >= config.min_shared_anchors)
    return sorted(single)


def _verify(
    config: StoryConfig,
    pairs: list[Pair],
    shard_size: int,
    fps_a: list[Fingerprint],
    fps_b: list[Fingerprint],
) -> list[Pair]:
    """Verified pairs (``linked`` is symmetric); each later document against all its
    earlier candidates at once (``linked_many``)."""
    earlier: dict[int, list[int]] = defaultdict(list)
    for a, b in pairs:
        earlier[b].append(a)
    out: list[Pair] = []
    for b, ns in earlier.items():
        flags = linked_many(fps_b[b % shard_size], [fps_a[a % shard_size] for a in ns], config)
        out.extend((a, b) for a, ok in zip(ns, flags, strict=True) if ok)
    return out
