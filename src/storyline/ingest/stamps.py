"""Date stamps as pages print them, with their clock time and UTC offset.

A publication date is often printed as a *stamp*: ``2022-04-21T22:11:44-06:00``,
``Tue, 4 May 2021 19:18:00 +0200``, ``Erschienen am: 01.11.2023``, ``3 de mayo de 2022
a las 07:46hrs``, ``April 21, 2022``. Which day it names depends on two things the
stamp alone does not settle: the order of day and month in ``11/01/2023`` (the page's
language decides; see ``pubdate``) and, for a stamp with a time and an offset, the time
zone of the reader (``2020-05-02T02:54:29Z`` is the evening of 1 May in New York). So a
``Stamp`` keeps the time and offset it was printed with, and ``local_day`` turns it into
the day of a given zone. A numeric date that reads either way keeps both readings, so a
value is parsed once and read in the page's order when that is known (``in_order``).
Month names in several languages live in ``data/pubdate.toml`` (``[months]``, the one
month table of ``ingest``: ``dates.MONTHS`` is its English row).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import cache
from importlib import resources
from typing import Any

from storyline.intervals import DisjointSpans

__all__ = [
    "Stamp",
    "find_stamps",
    "first_stamp",
    "in_order",
    "local_day",
    "month_names",
    "rules",
]


@cache
def rules() -> dict[str, Any]:
    """The publication-date rules (``data/pubdate.toml``), read once."""
    text = (resources.files("storyline") / "data" / "pubdate.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def month_names() -> dict[str, int]:
    """Every month name or abbreviation of every language -> month number."""
    out: dict[str, int] = {}
    for months in rules()["months"].values():
        for number, names in enumerate(months, start=1):
            for name in names:
                out.setdefault(name, number)
    return out


@dataclass(frozen=True, slots=True)
class Stamp:
    """A printed date; ``clock`` (hour, minute) and ``offset`` (minutes east of UTC) when given.

    ``month_first``: for a numeric date whose two numbers both fit a month (``03/10/2004``),
    the day it names when read month first; ``day`` is then the day-first reading unless
    ``find_stamps`` was told the order."""

    day: date
    text: str
    start: int
    end: int
    clock: tuple[int, int] | None = None
    offset: int | None = None
    month_first: date | None = None


_TIME = re.compile(
    r"\s*(?:,|um|at|à|a las|às|as|-|\||•|/)?\s*(?:T|CET|CEST)?\s*"
    r"(?P<H>[0-2]?\d)(?::|h)(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d)(?:\.\d+)?)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?\s*(?:Uhr|hs|hrs|h)?\.?\s*"
    r"(?P<tz>Z|UTC|GMT(?:\s?[+-]\d\d:?\d\d)?|[+-]\d\d:?\d\d(?!\d))?",
    re.IGNORECASE,
)
_YEAR = r"(?P<y>(?:19|20)\d\d)"


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    names = sorted(month_names(), key=len, reverse=True)
    mon = "(?P<mon>" + "|".join(re.escape(n) for n in names) + r")\.?"
    return (
        (
            "iso",
            re.compile(rf"(?<!\d){_YEAR}(?P<s>[-/.])(?P<m>[01]?\d)(?P=s)(?P<d>[0-3]?\d)(?!\d)"),
        ),
        (
            "numeric",
            re.compile(
                r"(?<![\d.:])(?P<a>[0-3]?\d)(?P<s>[./-])(?P<b>[01]?\d)(?P=s)"
                r"(?P<y>(?:19|20)\d\d|\d\d)(?![\d:])"
            ),
        ),
        (
            "dmy",
            re.compile(
                rf"(?<![\w.])(?P<d>[0-3]?\d)\.?(?:\s+de)?\s+{mon},?(?:\s+del?)?\s+{_YEAR}(?!\d)",
                re.IGNORECASE,
            ),
        ),
        (
            "mdy",
            re.compile(
                rf"(?<!\w){mon}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{_YEAR}(?!\d)",
                re.IGNORECASE,
            ),
        ),
    )


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # "6.11.22": the century that puts it nearest to today
        year += 2000 if year <= (date.today().year % 100) + 1 else 1900
    return year


def _day(m: re.Match[str], kind: str, day_first: bool | None) -> tuple[date, date | None] | None:
    """(the day ``m`` names, its month-first reading if it has another), None if no day."""
    try:
        if kind == "iso":
            return date(int(m["y"]), int(m["m"]), int(m["d"])), None
        if kind in ("dmy", "mdy"):
            return date(int(m["y"]), month_names()[m["mon"].lower()], int(m["d"])), None
        a, b, year = int(m["a"]), int(m["b"]), _year(m["y"])
        if m["s"] == "." or a > 12:
            return date(year, b, a), None
        if b > 12:
            return date(year, a, b), None
        # both numbers fit a month (and so any month's day): both readings are real days
        month_first = date(year, a, b)
        return (month_first if day_first is False else date(year, b, a)), month_first
    except ValueError:
        return None


def _offset(tz: str | None) -> int | None:
    if not tz:
        return None
    tz = tz.upper().replace(" ", "")
    if tz in ("Z", "UTC", "GMT"):
        return 0
    sign = -1 if "-" in tz else 1
    digits = re.sub(r"\D", "", tz)
    if len(digits) != 4:
        return None
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 14 or minutes > 59:
        return None
    return sign * (hours * 60 + minutes)


def _clock(text: str, pos: int) -> tuple[tuple[int, int] | None, int | None, int]:
    m = _TIME.match(text, pos)
    if m is None:
        return None, None, pos
    hour, minute = int(m["H"]), int(m["M"])
    if m["ampm"]:
        hour = hour % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    if hour > 23:
        return None, None, pos
    return (hour, minute), _offset(m["tz"]), m.end()


def find_stamps(text: str, day_first: bool | None = None, limit: int = 50) -> list[Stamp]:
    """Every full date printed in ``text`` (leftmost first), with any time and offset after it.

    ``day_first``: how to read an ambiguous ``11/01/2023`` (True: 11 January; False:
    1 November; None: day first unless a number only fits month first). Dotted dates
    (``11.01.2023``) are always day first."""
    found: list[Stamp] = []
    taken = DisjointSpans()
    for kind, pattern in _patterns():
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            days = _day(m, kind, day_first)
            if days is None:
                continue
            clock, offset, end = _clock(text, m.end())
            taken.add(m.start(), end)
            found.append(
                Stamp(
                    days[0], text[m.start() : end].strip(), m.start(), end, clock, offset, days[1]
                )
            )
            if len(found) >= limit:
                break
    return sorted(found, key=lambda s: s.start)


def first_stamp(text: str, day_first: bool | None = None) -> Stamp | None:
    """The leftmost full date of ``text``, e.g. a meta tag's or JSON field's value."""
    stamps = find_stamps(text[:200], day_first, limit=4)
    return stamps[0] if stamps else None


def in_order(stamp: Stamp, day_first: bool | None) -> Stamp:
    """``stamp`` (found with the order unknown) read in the page's order: ``find_stamps``
    with ``day_first`` gives the same stamp, so a value need not be parsed again."""
    if day_first is False and stamp.month_first is not None:
        return replace(stamp, day=stamp.month_first)
    return stamp


def local_day(stamp: Stamp, zone: tzinfo | None) -> date:
    """The stamp's day in ``zone`` when it has a time and an offset; else the day printed."""
    if zone is None or stamp.clock is None or stamp.offset is None:
        return stamp.day
    moment = datetime(
        stamp.day.year,
        stamp.day.month,
        stamp.day.day,
        *stamp.clock,
        tzinfo=timezone(timedelta(minutes=stamp.offset)),
    )
    try:
        return moment.astimezone(zone).date()
    except (OverflowError, ValueError):
        return stamp.day
