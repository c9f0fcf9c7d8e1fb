"""Timeline zoom: group events under year (and month) headings.

Events are dated at mixed granularity (``2020``, ``2020-09``, ``2020-W40``,
``2020-09-29``); an event is filed under the month only when its whole date
range lies within that month, otherwise under "the year as a whole", so a coarse
date never pretends to a precision it lacks.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from typing import Any

from storyline.dates import bounds

__all__ = ["ZOOMS", "group_events", "is_planned"]

ZOOMS = ("year", "month")
PLANNED = ("future", "hypothetical")


def is_planned(event: dict[str, Any]) -> bool:
    """Future or hypothetical: announced, threatened or conditional, not (yet) done."""
    return event.get("modality") in PLANNED


def _keys(event: dict[str, Any]) -> tuple[str, str]:
    b = bounds(event["date"], event.get("date_end"))
    if b is None:
        return "undated", "undated"
    (start, stop) = b
    year = start[:4] if start[:4] == stop[:4] else f"{start[:4]}–{stop[:4]}"
    if start[:7] == stop[:7]:
        return year, start[:7]
    return year, f"{year} (no month)"


def month_label(key: str) -> str:
    if len(key) == 7 and key[4] == "-" and key[5:].isdigit():
        return f"{calendar.month_name[int(key[5:])]} {key[:4]}"
    return key


def group_events(events: Iterable[dict[str, Any]], zoom: str) -> list[dict[str, Any]]:
    """``[{"year", "count", "months": [{"key", "label", "events"}]}]`` in the events'
    order (each heading once per year); at ``year`` zoom each year holds a single
    unlabeled group."""
    years: list[dict[str, Any]] = []
    for event in events:
        year, month = _keys(event)
        if zoom == "year":
            month = year
        if not years or years[-1]["year"] != year:
            years.append({"year": year, "months": [], "count": 0})
        months = years[-1]["months"]
        group = next((m for m in months if m["key"] == month), None)
        if group is None:  # a week or season straddling months joins its year's "no month"
            group = {"key": month, "label": "" if zoom == "year" else month_label(month)}
            group["events"] = []
            months.append(group)
        group["events"].append(event)
        years[-1]["count"] += 1
    return years
