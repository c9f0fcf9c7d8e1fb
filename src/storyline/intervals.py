"""Disjoint sets: spans that never overlap, and groups that only ever join.

Taggers keep the longest of overlapping candidates; testing each new candidate against
every kept one is quadratic on long runs of dates or clock times. ``DisjointSpans``
keeps the kept spans sorted, so a test looks at two neighbours only. ``UnionFind``
joins items into groups (stories, merged events) whose root is the smallest item.
"""

from __future__ import annotations

from bisect import bisect_left

__all__ = ["DisjointSpans", "UnionFind"]


class DisjointSpans:
    """Half-open spans ``[start, end)`` that never overlap one another."""

    __slots__ = ("_ends", "_starts")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` share a character with a kept span?"""
        i = bisect_left(self._starts, start)
        if i < len(self._starts) and self._starts[i] < end:
            return True  # a kept span starts inside this one (or at its start)
        return i > 0 and self._ends[i - 1] > start  # the span before reaches into it

    def add(self, start: int, end: int) -> None:
        """Keep ``[start, end)``; the caller has checked it overlaps nothing kept."""
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)

    def take(self, start: int, end: int) -> bool:
        """Keep the span unless it overlaps a kept one; say whether it was kept."""
        if self.overlaps(start, end):
            return False
        self.add(start, end)
        return True


class UnionFind:
    """Disjoint sets over integers; merging only ever joins, never splits."""

    def __init__(self) -> None:
        self.parent: list[int] = []

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
