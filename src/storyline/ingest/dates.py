"""A small absolute-date parser for publication-date candidates.

Publication dates come from a handful of shapes (ISO stamps, ``25.03.2021``,
``March 25, 2021``, ``25 March 2021``, year-less datelines ``September 29``,
URL paths ``/20240116/`` or ``/2024/01/16/``). The full temporal tagger lives in
``storyline.timex``; this module deliberately stays tiny and dependency-free so
ingestion never waits on it. Its month names are the English ones of the page-date
rules (``data/pubdate.toml``), the one month table of ``ingest``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from storyline.dates import PLAUSIBLE_YEARS
from storyline.ingest.stamps import rules
from storyline.intervals import DisjointSpans

__all__ = ["MONTHS", "FoundDate", "date_from_url", "find_dates", "iso", "parse_date"]

#: English month names and abbreviations -> month number: the English row of the one month
#: table, ``data/pubdate.toml`` ``[months]`` (``stamps.month_names`` reads every language).
MONTHS: dict[str, int] = {
    name: number for number, names in enumerate(rules()["months"]["en"], start=1) for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?![\d])"),
    re.compile(r"\b(?P<day>[0-3]?\d)[./](?P<mnum>[01]?\d)[./](?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:,\s*)?(?:19|20)\d\d)", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+{_MONTH}\b(?!\s*,?\s*(?:19|20)\d\d)", re.IGNORECASE),
)
_URL_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"/(?P<year>(?:19|20)\d\d)[/-](?P<mnum>[01]\d)[/-](?P<day>[0-3]\d)(?:/|[^\d]|$)"),
    re.compile(r"/(?P<year>(?:19|20)\d\d)(?P<mnum>[01]\d)(?P<day>[0-3]\d)(?:/|[-_.]|$)"),
    re.compile(
        r"[?&](?:date|d|published)=(?P<year>(?:19|20)\d\d)-?(?P<mnum>[01]\d)-?(?P<day>[0-3]\d)"
    ),
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in text; ``year`` is None for year-less forms like ``May 5``."""

    start: int
    end: int
    text: str
    year: int | None
    month: int
    day: int | None

    @property
    def value(self) -> str:
        """ISO value at the granularity found (YYYY-MM-DD, YYYY-MM or --MM-DD)."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day or 0:02d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def plausible_day(value: str) -> bool:
    """Is ``value`` (``YYYY-MM-DD``) a real calendar day within ``PLAUSIBLE_YEARS``?"""
    return day_problem(value) is None


def day_problem(value: str) -> str | None:
    """Why ``value`` (``YYYY-MM-DD``) is no usable day, in words a user can act on
    ("month must be in 1..12"), or None when it is a real day within
    ``PLAUSIBLE_YEARS``."""
    try:
        day = date.fromisoformat(value)
    except ValueError as exc:
        return str(exc) if "must be" in str(exc) or "out of range" in str(exc) else "no date"
    low, high = PLAUSIBLE_YEARS
    if not low <= day.year <= high:
        return f"year {day.year} is outside {low}..{high}"
    return None


def iso(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` if the triple is a real calendar date, else None."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _from_match(m: re.Match[str]) -> FoundDate | None:
    groups = m.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else MONTHS[groups["month"].lower()]
    year = int(groups["year"]) if groups.get("year") else None
    day = int(groups["day"]) if groups.get("day") else None
    if day is not None and iso(year or 2000, month, day) is None:
        return None
    if not 1 <= month <= 12:
        return None
    return FoundDate(m.start(), m.end(), m.group(0), year, month, day)


def find_dates(text: str) -> list[FoundDate]:
    """Every absolute (or year-less) date in ``text``, leftmost-longest, in order."""
    found: list[FoundDate] = []
    taken = DisjointSpans()
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            hit = _from_match(m)
            if hit is not None:
                found.append(hit)
                taken.add(m.start(), m.end())
    return sorted(found, key=lambda d: d.start)


def parse_date(text: str) -> str | None:
    """The first full date (YYYY-MM-DD) in ``text``, e.g. a JSON or meta field value."""
    for hit in find_dates(text):
        if hit.year is not None and hit.day is not None:
            return hit.value
    return None


def date_from_url(url: str) -> tuple[str, str] | None:
    """(ISO date, matched text) from a URL path like ``/20240116/`` or ``/2024/01/16/``."""
    for pattern in _URL_PATTERNS:
        m = pattern.search(url)
        if m:
            value = iso(int(m["year"]), int(m["mnum"]), int(m["day"]))
            if value:
                return value, m.group(0)
    return None
