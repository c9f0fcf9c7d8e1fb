"""Find and normalize every temporal expression of a text: ``tag(text, anchor)``.

Each family of expressions has one compiled regex and one rule; all regexes run once
over the text, the rules keep or drop their matches, and overlaps are resolved in
favour of the longest match (then the rule's priority). Two passes follow: fuzzy
modifiers to the left widen a date ("late December 2019" -> mod END), and a clock
time right after a calendar day joins it ("March 16, 2021 at 12:00 p.m."). Last,
narrative-relative days ("the next day") count from the day the text gave before them
(:mod:`storyline.timex.anaphora`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple

from storyline.intervals import DisjointSpans
from storyline.records import Timex
from storyline.timex import absolute, relative
from storyline.timex import patterns as P
from storyline.timex.absolute import Cand
from storyline.timex.anaphora import resolve_anaphora
from storyline.timex.normalize import parse_anchor

Rule = Callable[[str, re.Match[str], dt.date | None], Cand | None]

_MONTH_WORDS = frozenset(P.MONTHS)
_UNIT_WORDS = frozenset(
    w + s
    for w in ("year", "month", "week", "day", "decade", "hour", "minute", "fortnight")
    for s in ("", "s")
) | {"century", "centuries", "quarter", "quarters", "weekend"}
_WEEKDAY_WORDS = frozenset(P.WEEKDAYS)


class _Spec(NamedTuple):
    """A rule, its regex, and where to run it: around which trigger words (or digits),
    from ``back`` tokens before the trigger to ``fwd`` tokens after it."""

    regex: re.Pattern[str]
    rule: Rule
    words: frozenset[str]
    digits: bool
    back: int
    fwd: int


SPECS: tuple[_Spec, ...] = (
    _Spec(P.NUMERIC, absolute.numeric, frozenset(), True, 0, 2),
    _Spec(P.RANGES, absolute.ranges, _MONTH_WORDS, False, 5, 7),
    _Spec(P.MONTH_FIRST, absolute.month_first, _MONTH_WORDS, False, 2, 5),
    _Spec(P.DAY_FIRST, absolute.day_first, _MONTH_WORDS, False, 5, 3),
    _Spec(P.YEARS, absolute.years, frozenset(P.DECADE_WORDS), True, 2, 2),
    _Spec(P.CENTURY, absolute.century, frozenset({"century"}), False, 4, 0),
    _Spec(P.SPOKEN_YEAR, absolute.spoken_year, frozenset({"nineteen", "eighteen"}), False, 0, 4),
    _Spec(
        P.QUARTER,
        relative.quarter,
        frozenset({"quarter", "half", "q1", "q2", "q3", "q4", "h1", "h2"}),
        False,
        2,
        6,
    ),
    _Spec(
        P.DEICTIC,
        relative.deictic,
        frozenset(
            [
                "today",
                "yesterday",
                "tomorrow",
                "tonight",
                "nowadays",
                "now",
                "currently",
                "recently",
                "days",
                "present",
                "past",
                "future",
                "moment",
                "overnight",
            ]
        ),
        False,
        4,
        2,
    ),
    _Spec(
        P.RELATIVE,
        relative.relative,
        frozenset(
            [
                "this",
                "last",
                "next",
                "coming",
                "past",
                "previous",
                "following",
                "weekend",
                "end",
                "beginning",
                "start",
                "middle",
                "rest",
                "turn",
            ]
        )
        | _WEEKDAY_WORDS,
        False,
        3,
        4,
    ),
    _Spec(
        P.AGO, relative.ago, frozenset(["ago", "now", "hence", "earlier", "before"]), False, 8, 0
    ),
    _Spec(P.SEASON, relative.season, frozenset(P.SEASONS), False, 3, 3),
    _Spec(P.DURATION, relative.duration, _UNIT_WORDS, False, 6, 0),
    _Spec(
        P.SETS,
        relative.sets,
        frozenset(
            [
                "every",
                "each",
                "once",
                "twice",
                "times",
                "per",
                "annually",
                "yearly",
                "monthly",
                "weekly",
                "daily",
                "hourly",
                "quarterly",
            ]
        )
        | _UNIT_WORDS,
        False,
        3,
        4,
    ),
    _Spec(P.CLOCK, relative.clock, frozenset({"noon", "midday", "midnight"}), True, 1, 2),
)
#: Kept for callers that want the (regex, rule) pairs.
RULES: tuple[tuple[re.Pattern[str], Rule], ...] = tuple((s.regex, s.rule) for s in SPECS)

_BY_WORD: dict[str, tuple[int, ...]] = {}
for _n, _spec in enumerate(SPECS):
    for _w in _spec.words:
        _BY_WORD[_w] = (*_BY_WORD.get(_w, ()), _n)
_BY_DIGIT: tuple[int, ...] = tuple(n for n, s in enumerate(SPECS) if s.digits)
#: Words and digit runs of the lower-cased text; the trigger test is a dict look-up.
_TOKEN = re.compile(r"[a-z]{2,}|[qh][1-4]\b|\d+")
_CHARS_PER_TOKEN = 10  # a window of N tokens is about 10*N characters of news English
_MARGIN = 24  # characters after a window, so lookaheads see what follows
_LONGEST_WORD = 64  # a window starts inside a "word" longer than this (CJK, digits)


def _windows(text: str) -> list[list[tuple[int, int]]]:
    """Per rule, the merged character windows around its trigger words.

    ``str.lower`` keeps offsets for the text the tagger sees (news English); where a
    character's lower case is longer, windows shift slightly and ``_MARGIN`` absorbs it.

    Running each regex only there (instead of over the whole text) is what makes the
    tagger fast: most of a news article has no temporal trigger at all. A window
    starts at a word boundary so that no expression is cut at its left edge.
    """
    found: list[list[tuple[int, int]]] = [[] for _ in SPECS]
    rfind = text.rfind
    by_word = _BY_WORD
    for m in _TOKEN.finditer(text.lower()):
        word = m.group()
        hits = _BY_DIGIT if word[0] <= "9" else by_word.get(word)
        if not hits:
            continue
        s, e = m.span()
        for r in hits:
            spec = SPECS[r]
            ws = s
            if spec.back:
                ws = max(0, s - _CHARS_PER_TOKEN * spec.back)
                lo = max(0, ws - _LONGEST_WORD)  # no search back over a line without spaces
                cut = max(rfind(" ", lo, ws), rfind("\n", lo, ws))
                ws = cut + 1 if cut >= 0 or lo == 0 else ws
            found[r].append((ws, e + _CHARS_PER_TOKEN * spec.fwd + _MARGIN))
    merged: list[list[tuple[int, int]]] = []
    for spans in found:
        out: list[tuple[int, int]] = []
        for ws, we in spans:  # already in text order
            if out and ws <= out[-1][1]:
                if we > out[-1][1]:
                    out[-1] = (out[-1][0], we)
            else:
                out.append((ws, we))
        merged.append(out)
    return merged


_FUZZY_MOD = {
    "early": "START",
    "late": "END",
    "mid-": "MID",
    "mid": "MID",
    "middle of": "MID",
    "end of": "END",
    "beginning of": "START",
    "start of": "START",
    "dawn of": "START",
    "turn of": None,
    "earlier": None,
    "later": None,
    "first half of": "H1",
    "second half of": "H2",
    "latter half of": "H2",
}
#: Values a fuzzy modifier may widen: years, months, decades, centuries, seasons, quarters.
_COARSE = re.compile(r"^(?:\d{2,4}|\d{4}-(?:\d{2}|SP|SU|FA|WI|Q[1-4]|H[12]|W\d\d))$")
_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_EARLY_LATE = re.compile(r"(?<![\w-])(early|late|Early|Late)\s+$")
_TIME_THEN_DAY = re.compile(r"(?:,\s*|\s+)(?:(?i:on)\s+)?")
_TIME_JOIN = re.compile(r"(?:,\s*|\s+)(?:(?i:at|around|about)\s+)?$")


def tag(text: str, anchor: str | None) -> list[Timex]:
    """Every temporal expression of ``text``, normalized against ``anchor`` (YYYY-MM-DD).

    Sorted by start, non-overlapping, and ``text[t.start:t.end] == t.text``. With no
    (or an unreadable) anchor, year-less dates get an ``XXXX`` year and expressions
    that only the anchor could resolve ("yesterday") are left out.
    """
    if not text:
        return []
    day = parse_anchor(anchor)
    cands: list[Cand] = []
    size = len(text)
    for spec, windows in zip(SPECS, _windows(text), strict=True):
        regex, rule = spec.regex, spec.rule
        for ws, we in windows:
            for m in regex.finditer(text, ws, min(we, size)):
                if m.end() == m.start():
                    continue
                c = rule(text, m, day)
                if c is not None:
                    c = _strip(text, c)
                    if c.end > c.start:
                        cands.append(c)
    chosen = _resolve(cands)
    chosen = _widen_fuzzy(text, chosen)
    chosen = _join_times(text, chosen)
    chosen = resolve_anaphora(text, chosen)
    return [_timex(text, c) for c in chosen]


def _strip(text: str, c: Cand) -> Cand:
    """Trim whitespace and punctuation at the edges so spans are tight."""
    s, e = c.start, c.end
    while s < e and not text[s].isalnum() and text[s] not in "'’":
        s += 1
    while e > s and not text[e - 1].isalnum() and text[e - 1] != ".":
        e -= 1
    return c._replace(start=s, end=e)


def _resolve(cands: list[Cand]) -> list[Cand]:
    """Longest first (then priority, then leftmost); keep what does not overlap."""
    cands.sort(key=lambda c: (c.start - c.end, -c.prio, c.start))
    spans = DisjointSpans()
    taken = [c for c in cands if spans.take(c.start, c.end)]
    taken.sort(key=lambda c: c.start)
    return taken


def _widen_fuzzy(text: str, cands: list[Cand]) -> list[Cand]:
    out: list[Cand] = []
    for c in cands:
        if c.type == "DATE" and c.mod is None and _COARSE.match(c.value):
            floor = out[-1].end if out else 0
            lo = max(floor, c.start - 30)
            m = P.FUZZY_LEFT.search(text, lo, c.start)
            if m and m.end() == c.start and m.start() >= floor:
                word = " ".join(m.group("f").lower().split())
                mod = _FUZZY_MOD.get(word)
                value = c.value
                if mod in ("H1", "H2"):
                    if len(value) == 4 and value.isdigit():
                        value, mod = f"{value}-{mod}", None
                    else:
                        mod = "START" if mod == "H1" else "END"
                c = c._replace(start=m.start(), value=value, mod=mod)
        elif c.type == "DATE" and c.mod is None and _DAY.match(c.value):
            floor = out[-1].end if out else 0
            m = _EARLY_LATE.search(text, max(floor, c.start - 12), c.start)
            if m:
                part = "MO" if m.group(1).lower() == "early" else "EV"
                c = c._replace(start=m.start(), type="TIME", value=f"{c.value}T{part}")
        out.append(c)
    return out


def _join_times(text: str, cands: list[Cand]) -> list[Cand]:
    out: list[Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and c.type == "TIME"
            and prev.type == "DATE"
            and len(prev.value) == 10
            and "T" in c.value
            and _TIME_JOIN.fullmatch(text, prev.end, c.start)
            and c.start - prev.end <= 8
        ):
            value = prev.value + c.value[c.value.index("T") :]
            out[-1] = prev._replace(end=c.end, type="TIME", value=value)
            continue
        if (
            prev is not None
            and prev.type == "TIME"
            and c.type == "DATE"
            and _DAY.match(c.value)
            and prev.value[10:11] == "T"
            and c.start - prev.end <= 5
            and _TIME_THEN_DAY.fullmatch(text, prev.end, c.start)
        ):
            # "8:46 a.m. Tuesday": the clock time is on that day, not the anchor's.
            out[-1] = prev._replace(value=c.value + prev.value[10:])
        out.append(c)
    return out


def _timex(text: str, c: Cand) -> Timex:
    return Timex(c.start, c.end, text[c.start : c.end], c.type, c.value, c.mod)
