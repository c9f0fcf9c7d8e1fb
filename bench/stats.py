"""Statistics the benchmarks share: Wilson intervals for judged proportions, and the
AUC of a score that should rank good items first.

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # bench/
from stats import wilson
"""

from __future__ import annotations

import math

__all__ = ["auc", "wilson"]


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float, float]:
    """(share, low, high): ``k`` of ``n`` with its Wilson score interval (95% by default);
    NaNs when ``n`` is 0."""
    if n == 0:
        return (math.nan, math.nan, math.nan)
    p = k / n
    den = 1 + z * z / n
    mid = (p + z * z / (2 * n)) / den
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / den
    return (p, max(0.0, mid - half), min(1.0, mid + half))


def auc(scored: list[tuple[float, bool]]) -> float:
    """The chance that a good item scores above a bad one (ties count half); NaN when
    either kind is missing."""
    pos = [p for p, good in scored if good]
    neg = [p for p, good in scored if not good]
    if not pos or not neg:
        return math.nan
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return wins / (len(pos) * len(neg))
