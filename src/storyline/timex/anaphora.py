"""Times told relative to the narrative, not to the publication date: "the next day",
"that day", "earlier in the day", "two days later", "the day before".

Such an expression counts from the story's reference time: the last calendar day the
text gave before it ("On Monday, troops moved in. The next day they withdrew"). With
no day given within ``REACH`` characters before it, it stays untagged: the event is
then dated by its tense (on or before publication), never by a guess. An expression
followed by what it counts from ("two days after the bombing", "the day before
authorities issued a warrant") names an event, not the narrative time, and is left
alone too.
"""

from __future__ import annotations

import datetime as dt
import re

from storyline.intervals import DisjointSpans
from storyline.timex.absolute import Cand

__all__ = ["resolve_anaphora"]

#: How far back (characters) the reference day may be: about a paragraph or two.
REACH = 1200
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_PART = r"(?:day|morning|afternoon|evening|night)"
_ANAPHOR = re.compile(
    r"\b(?:(?P<same>(?:later\s+|earlier\s+)?(?:that|the\s+same)\s+"
    + _PART
    + r"|(?:later|earlier)\s+in\s+the\s+"
    + _PART
    + ")"
    r"|the\s+(?P<step>next|following|previous|preceding)\s+"
    + _PART
    + r"|the\s+day\s+(?P<rel>before|after)(?=\s*(?:[,.;:!?)]|$))"
    r"|(?P<n>a|one|two|three|four|five|six|seven|\d{1,2})\s+days?\s+(?P<dir>later|earlier))\b"
    r"(?!\s+(?:the|a|an|his|her|its|their|this|that)\b)",
    re.IGNORECASE,
)
_FORWARD = frozenset({"next", "following", "after", "later"})


def _offset(m: re.Match[str]) -> int:
    if m.group("same"):
        return 0
    word = (m.group("step") or m.group("rel") or m.group("dir")).lower()
    n = 1
    if m.group("n"):
        raw = m.group("n").lower()
        n = int(raw) if raw.isdigit() else _NUMBERS[raw]
    return n if word in _FORWARD else -n


def _day_of(c: Cand) -> tuple[dt.date, str] | None:
    m = _DAY.match(c.value)
    if c.type not in ("DATE", "TIME") or m is None or "/" in c.value:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])), c.value
    except ValueError:
        return None


def resolve_anaphora(text: str, cands: list[Cand]) -> list[Cand]:
    """``cands`` (sorted, non-overlapping) with narrative-relative days added; a
    duration inside one ("two days" of "two days later") gives way. One pass: the
    reference is the last dated expression (given, or resolved here) ending before."""
    given = sorted(cands, key=lambda c: (c.end, c.start))
    found: list[Cand] = []
    n = 0
    last: Cand | None = None  # the last day-precise one (given or found) ending before
    for m in _ANAPHOR.finditer(text):
        while n < len(given) and given[n].end <= m.start():
            if _day_of(given[n]) is not None and (last is None or given[n].end >= last.end):
                last = given[n]
            n += 1
        if last is None or m.start() - last.end > REACH:
            continue
        ref = _day_of(last)
        assert ref is not None
        day = ref[0] + dt.timedelta(days=_offset(m))
        last = Cand(m.start(), m.end(), "DATE", day.isoformat())
        found.append(last)
    if not found:
        return cands
    spans = DisjointSpans()
    for f in found:
        spans.add(f.start, f.end)
    kept = [c for c in cands if not spans.overlaps(c.start, c.end)]
    return sorted(kept + found, key=lambda c: (c.start, c.end))
