"""The posting rule of one batch added to the persisted index.

Kept apart from ``index.py`` because it is the one piece of logic that must match the
in-memory ``cluster`` exactly (same cap, same order) for both paths to agree.
"""

from __future__ import annotations

from collections import Counter

from storyline.dedup.config import StoryConfig
from storyline.dedup.fingerprint import Fingerprint

__all__ = ["BatchPlan"]


class BatchPlan:
    """Which keys of a batch are used and posted, applying the posting cap in order.

    A key carried by ``cap`` documents is boilerplate: it is neither queried nor
    posted again (the in-memory ``cluster`` applies the same rule), so a posting
    never grows past the cap and counting it stays cheap.
    """

    def __init__(
        self,
        fps: list[Fingerprint],
        stored: dict[tuple[int, int], list[int]],
        config: StoryConfig,
    ) -> None:
        cap = config.max_postings
        seen: Counter[tuple[int, int]] = Counter()
        self.usable: list[list[tuple[int, int]]] = []
        self.inserts: list[tuple[int, int, int]] = []  # (batch index, kind, key)
        self.db_candidates: list[set[int]] = []  # stored docs to verify, per batch doc
        self.batch_postings: dict[tuple[int, int], list[int]] = {}
        empty: list[int] = []
        for i, fp in enumerate(fps):
            usable = []
            found: set[int] = set()
            shared: Counter[int] = Counter()
            for kind, keys in ((0, fp.single_keys), (1, fp.anchors)):
                for key in keys:
                    k = (kind, key)
                    posting = stored.get(k, empty)
                    if len(posting) + seen[k] >= cap:
                        continue
                    usable.append(k)
                    if posting:
                        if kind == 0:
                            found.update(posting)
                        else:
                            shared.update(posting)
                    self.inserts.append((i, kind, key))
            found.update(n for n, c in shared.items() if c >= config.min_shared_anchors)
            self.db_candidates.append(found)
            self.usable.append(usable)
            for k in usable:
                seen[k] += 1

    def batch_candidates(self, i: int, min_shared: int) -> set[int]:
        """Earlier documents of the batch sharing a single key or enough anchors with ``i``."""
        found: set[int] = set()
        shared: Counter[int] = Counter()
        postings = self.batch_postings
        for k in self.usable[i]:
            posting = postings.get(k)
            if posting:
                if k[0] == 0:
                    found.update(posting)
                else:
                    shared.update(posting)
        found.update(j for j, c in shared.items() if c >= min_shared)
        for k in self.usable[i]:
            postings.setdefault(k, []).append(i)
        return found
