"""Rules for calendar expressions: dates, months, years, ranges, decades, centuries.

Each rule turns one regex match into zero or one candidate. A rule returns None for a
match that is not a date after all (a verb "May", a count "1948 troops", a label
"Resolution 2231") - the regexes over-generate and the rules decide.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from storyline.timex import patterns as P
from storyline.timex.normalize import valid_date, year_for_month, ym
from storyline.timex.tense import clause_tense


class Cand(NamedTuple):
    """A candidate expression before overlaps are resolved."""

    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    prio: int = 0


def month_num(word: str) -> int:
    return P.MONTHS[word.rstrip(".").lower()]


def _year(s: str | None) -> int | None:
    return int(s) if s else None


def _resolve_year(
    text: str, start: int, end: int, anchor: dt.date | None, month: int, day: int | None
) -> str:
    if anchor is None:
        return "XXXX"
    return f"{year_for_month(month, anchor, clause_tense(text, start, end), day):04d}"


def _bare_month_ok(text: str, m: re.Match[str], mon: str) -> bool:
    """A month name standing alone is a date only after a temporal function word."""
    if mon.endswith(".") or (len(mon) <= 4 and mon not in ("May", "June", "July")):
        return False
    before = text[max(0, m.start() - 20) : m.start()]
    if mon in ("May", "March"):
        return bool(P.MONTH_TRIGGER.search(before))
    after = text[m.end() : m.end() + 3]
    # "June Smith", "August Ames": a capitalized word right after is likely a name.
    return not (after[:1] == " " and after[1:2].isupper() and not P.MONTH_TRIGGER.search(before))


def month_first(text: str, m: re.Match[str], anchor: dt.date | None) -> Cand | None:
    mon = m.group("mon")
    month = month_num(mon)
    day = int(re.sub(r"\D", "", m.group("day"))) if m.group("day") else None
    year = _year(m.group("year"))
    start, end = m.start(), m.end()
    if day is None and year is None:
        if m.group("wd") or not _bare_month_ok(text, m, mon):
            return None
        ys = _resolve_year(text, start, end, anchor, month, None)
        return Cand(start, end, "DATE", f"{ys}-{month:02d}")
    if day is not None:
        y = year if year is not None else None
        if y is not None and not valid_date(y, month, day):
            return None
        ys = f"{y:04d}" if y is not None else _resolve_year(text, start, end, anchor, month, day)
        if ys != "XXXX" and not valid_date(int(ys), month, day):
            return None
        return Cand(start, end, "DATE", f"{ys}-{month:02d}-{day:02d}")
    assert year is not None
    return Cand(start, end, "DATE", ym(year, month))


def day_first(text: str, m: re.Match[str], anchor: dt.date | None) -> Cand | None:
    month = month_num(m.group("mon"))
    day = int(re.sub(r"\D", "", m.group("day")))
    year = _year(m.group("year"))
    start, end = m.start(), m.end()
    mon = m.group("mon")
    if not mon.endswith(".") and len(mon) <= 4 and mon not in ("May", "June", "July") and not year:
        # "25 Mar" alone is too weak: abbreviations need a year after a leading day.
        return None
    ys = f"{year:04d}" if year else _resolve_year(text, start, end, anchor, month, day)
    if ys != "XXXX" and not valid_date(int(ys), month, day):
        return None
    if ys == "XXXX" and not valid_date(2000, month, day):
        return None
    return Cand(start, end, "DATE", f"{ys}-{month:02d}-{day:02d}", prio=1)


def numeric(text: str, m: re.Match[str], anchor: dt.date | None) -> Cand | None:
    g = m.groupdict()
    if g["iy"]:
        y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
    elif g["dy"]:
        y, mo, d = int(g["dy"]), int(g["dm"]), int(g["dd"])
    else:
        a, b, y = int(g["sa"]), int(g["sb"]), int(g["sy"])
        mo, d = (b, a) if a > 12 else (a, b)
    if not valid_date(y, mo, d):
        return None
    if g["ih"]:
        return Cand(m.start(), m.end(), "TIME", f"{y:04d}-{mo:02d}-{d:02d}T{g['ih']}:{g['imin']}")
    return Cand(m.start(), m.end(), "DATE", f"{y:04d}-{mo:02d}-{d:02d}", prio=2)


def _is_counted(text: str, end: int) -> bool:
    return bool(P.COUNTED_NOUN.match(text, end))


def years(text: str, m: re.Match[str], anchor: dt.date | None) -> Cand | None:
    g = m.groupdict()
    start, end = m.start(), m.end()
    if g["dec"] or g["dec2"] or g["decw"]:
        if g["dec"]:
            value = g["dec"][:3]
        elif g["dec2"]:
            value = ("19" if g["dec2"] != "00" else "20") + g["dec2"][0]
        else:
            value = "19" + str(P.DECADE_WORDS[g["decw"].lower()])
            if not text[max(0, start - 4) : start].lower().endswith("the ") and (
                text[start : start + 4].lower() != "the "
            ):
                return None
        return Cand(start, end, "DATE", value)
    y1 = int(g["y1"])
    before = text[max(0, m.start("y1") - 24) : m.start("y1")]
    if P.LABEL_BEFORE.search(before):
        return None
    if g["y2"]:
        y2s = g["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        sep = g["sep"].strip()
        if sep == "and" and not g["from"]:
            y2 = -1
        if y1 < y2 <= y1 + 200 and not _is_counted(text, end):
            return Cand(start, end, "DATE", f"{y1:04d}/{y2:04d}", prio=1)
    # A lone year (the range part did not hold): re-span to the year itself.
    start, end = m.start("y1"), m.end("y1")
    if _is_counted(text, end) or (
        text[end : end + 1] in ("-", "–") and text[end + 1 : end + 2].isdigit()
    ):
        return None
    if y1 < 1800 and not P.YEAR_PREP.search(text[max(0, start - 12) : start]):
        return None
    if y1 > 2100:
        return None
    return Cand(start, end, "DATE", f"{y1:04d}")


def ranges(text: str, m: re.Match[str], anchor: dt.date | None) -> Cand | None:
    g = m.groupdict()
    start, end = m.start(), m.end()
    sep = (g["s1"] or g["s2"] or g["s3"] or "").strip()
    if sep == "and" and not g["from"]:
        return None
    if g["m4"]:
        y = int(g["y4"])
        a, b = month_num(g["m4"]), month_num(g["m5"])
        if a >= b:
            return None
        return Cand(start, end, "DATE", f"{ym(y, a)}/{ym(y, b)}", prio=2)
    if g["m1"]:
        ma = month_num(g["m1"])
        mb = month_num(g["m1b"]) if g["m1b"] else ma
        da, db, ys = g["d1"], g["d2"], g["y1"]
    else:
        ma = mb = month_num(g["m3"])
        da, db, ys = g["d3"], g["d4"], g["y3"]
    d1, d2 = int(re.sub(r"\D", "", da)), int(re.sub(r"\D", "", db))
    if (mb, d2) <= (ma, d1):
        return None
    if ys:
        year = ys
    elif anchor is None:
        year = "XXXX"
    else:
        tense = clause_tense(text, start, end)
        year = f"{year_for_month(ma, anchor, tense, d1):04d}"
    yi = int(year) if year != "XXXX" else 2000
    if not (valid_date(yi, ma, d1) and valid_date(yi, mb, d2)):
        return None
    return Cand(start, end, "DATE", f"{year}-{ma:02d}-{d1:02d}/{year}-{mb:02d}-{d2:02d}", prio=2)


def spoken_year(text: str, m: re.Match[str], anchor: dt.date | None) -> Cand | None:
    """ "nineteen seventy-nine" -> 1979; "nineteen oh five" -> 1905."""
    words = re.split(r"[\s-]+", m.group("y").lower())
    if words[0] == "oh":
        words = words[1:]
    last = sum(P.NUMBER_WORDS[w] for w in words)
    nxt = re.match(r"\s+([a-z]+)", text[m.end() :])
    if nxt and nxt.group(1) not in _AFTER_A_YEAR:
        return None  # "nineteen twenty-five people": a count, not a year
    return Cand(m.start(), m.end(), "DATE", f"{P.NUMBER_WORDS[m.group('c').lower()]}{last:02d}")


#: Lower-case words that may follow a spoken year ("in nineteen ninety-six when ...").
_AFTER_A_YEAR = frozenset(
    {"when", "and", "or", "the", "a", "he", "she", "it", "they", "we", "i", "you", "that",
     "to", "in", "at", "on", "after", "before", "but", "as", "while", "until", "since",
     "was", "is", "were", "had", "has", "there", "this", "his", "her", "their", "its",
     "with", "for", "by", "from", "of", "so", "then", "will", "would", "could"}
)  # fmt: skip


def century(text: str, m: re.Match[str], anchor: dt.date | None) -> Cand | None:
    word = m.group("n").lower()
    n = P.ORDINALS.get(word)
    if n is None:
        digits = re.sub(r"\D", "", word)
        n = int(digits) if digits else 0
    if not 1 <= n <= 22:
        return None
    return Cand(m.start(), m.end(), "DATE", f"{n - 1:02d}")
