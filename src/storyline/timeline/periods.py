"""Calendar periods of a series and the moving average that smooths its score.

A series is bucketed per day, ISO week (Monday to Sunday, labelled ``2024-W05``),
month, quarter or year; every period from the first to the last is present, empty
ones included, so a moving average over ``k`` periods is an average over ``k`` spans
of equal length (an empty period counts as a score of 0).

The vocabularies are ``Literal`` types, so the API's OpenAPI document lists them as
enums. Nothing here imports the store: the API declares its parameters with these
types without loading the relations code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal, get_args

__all__ = [
    "MAX_SMOOTH",
    "PERIODS",
    "SMOOTH_WINDOWS",
    "Period",
    "SmoothWindow",
    "moving_average",
    "next_start",
    "period_of",
    "smoothing_label",
]

#: How a relations series is bucketed.
Period = Literal["day", "week", "month", "quarter", "year"]
#: Which periods a moving average takes: the ``k`` periods ending with this one
#: (``trailing``), or ``k`` periods around it (``centred``: ``k // 2`` before,
#: ``(k - 1) // 2`` after, as pandas' ``rolling(k, center=True)``).
SmoothWindow = Literal["trailing", "centred"]
PERIODS: tuple[Period, ...] = get_args(Period)
SMOOTH_WINDOWS: tuple[SmoothWindow, ...] = get_args(SmoothWindow)
#: The widest moving average (a year of weeks).
MAX_SMOOTH = 52
_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def period_of(day: str, period: Period) -> tuple[str, str]:
    """The label and first day of the period containing an ISO day."""
    if period == "day":
        return day, day
    if period == "week":
        monday = dt.date.fromisoformat(day) - dt.timedelta(
            days=dt.date.fromisoformat(day).weekday()
        )
        iso = monday.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}", monday.isoformat()
    y, m = int(day[:4]), int(day[5:7])
    if period == "year":
        return f"{y:04d}", f"{y:04d}-01-01"
    if period == "month":
        return f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}-01"
    q = (m - 1) // 3 + 1
    return f"{y:04d}-Q{q}", f"{y:04d}-{3 * (q - 1) + 1:02d}-01"


def next_start(start: str, period: Period) -> str:
    """The first day of the period after the one starting on ``start``."""
    if period in ("day", "week"):
        step = dt.timedelta(days=1 if period == "day" else 7)
        return (dt.date.fromisoformat(start) + step).isoformat()
    y, m = int(start[:4]), int(start[5:7]) + _MONTHS[period]
    if m > 12:
        y, m = y + 1, m - 12
    return f"{y:04d}-{m:02d}-01"


def moving_average(
    values: Sequence[float], k: int, window: SmoothWindow = "trailing"
) -> list[float | None]:
    """The mean of each value's window of ``k`` values, rounded to 3 decimals; None
    where the window runs past either end of the series (no average of fewer values)."""
    before = k - 1 if window == "trailing" else k // 2
    out: list[float | None] = []
    for i in range(len(values)):
        lo, hi = i - before, i - before + k
        out.append(round(sum(values[lo:hi]) / k, 3) if lo >= 0 and hi <= len(values) else None)
    return out


def smoothing_label(k: int, window: SmoothWindow, period: Period) -> str:
    """How a smoothed line is named: ``smoothed: trailing mean of 3 quarters``."""
    return f"smoothed: {window} mean of {k} {period}s"
