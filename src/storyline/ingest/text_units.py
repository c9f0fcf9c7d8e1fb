"""Lines, sentences and normal forms of raw text, all as offsets into the raw string.

Cleaning never edits text: it only decides which raw slices to keep. These
helpers cut the raw text into lines and sentences *by offset*, so a kept slice
can always be mapped back (``Segment``) and a dropped one recorded (``Removal``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Line", "normalize", "sentence_spans", "split_lines", "word_count"]

_WORD = re.compile(r"\w+")
_END = re.compile(r"[.!?]+[\"”’»)\]]*")
_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "lt",
        "col",
        "sgt",
        "jr",
        "sr",
        "no",
        "vs",
        "prof",
        "gov",
        "sen",
        "rep",
        "inc",
        "corp",
        "co",
        "ltd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)


@dataclass(slots=True)
class Line:
    """A non-blank raw line: its stripped span, and whether a blank line precedes it."""

    start: int
    end: int
    blank_before: bool
    spans: list[tuple[int, int]] = field(default_factory=list)
    reason: str | None = None  # why the whole line was removed

    @property
    def kept(self) -> bool:
        return self.reason is None and bool(self.spans)


def split_lines(raw: str, start: int = 0) -> list[Line]:
    """Non-blank lines of ``raw[start:]`` with whitespace (incl. NBSP) trimmed off the span."""
    lines: list[Line] = []
    pos, blank = start, False
    while pos <= len(raw):
        nl = raw.find("\n", pos)
        end = len(raw) if nl < 0 else nl
        s, e = pos, end
        while s < e and raw[s].isspace():
            s += 1
        while e > s and raw[e - 1].isspace():
            e -= 1
        if s < e:
            lines.append(Line(s, e, blank, [(s, e)]))
            blank = False
        elif lines:
            blank = True
        if nl < 0:
            break
        pos = nl + 1
    return lines


def sentence_spans(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside ``raw[start:end]``; also splits ``said.North`` run-ons."""
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _END.finditer(raw, start, end):
        after = m.end()
        nxt = after
        while nxt < end and raw[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        ch = raw[nxt]
        if nxt == after:
            # no space: only a lowercase word ending in '.' directly followed by a capital
            if not (ch.isupper() and m.start() > 0 and raw[m.start() - 1].islower()):
                continue
        elif not (ch.isupper() or ch.isdigit() or ch in "\"“«('‘"):
            continue
        word = re.search(r"(\w+)\W*$", raw[max(start, m.start() - 12) : m.start()])
        if word and (word.group(1).lower() in _ABBREV or len(word.group(1)) == 1):
            continue
        spans.append((cur, after))
        cur = nxt
    if cur < end:
        spans.append((cur, end))
    return spans


def normalize(text: str) -> str:
    """Lower-cased words joined by single spaces: the form repeats are compared in."""
    return " ".join(_WORD.findall(text.lower()))


def word_count(text: str) -> int:
    return len(_WORD.findall(text))
