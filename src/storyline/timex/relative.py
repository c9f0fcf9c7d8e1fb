"""Rules for expressions that need the anchor, and for durations, sets and clock times.

"yesterday", "last November", "this autumn", "on Tuesday", "33 years ago", "the fourth
quarter": each is computed from the anchor (and, where the calendar leaves a choice,
the clause tense). Without an anchor they are dropped, except where TIMEX3 has an
underspecified form (``XXXX-WXX-2`` for a weekday).
"""

from __future__ import annotations

import datetime as dt
import re

from storyline.timex import patterns as P
from storyline.timex.absolute import Cand, month_num
from storyline.timex.normalize import (
    iso_week,
    parse_number,
    quarter_of,
    shift,
    weekday_date,
    ym,
    ymd,
)
from storyline.timex.tense import clause_tense

_REL_STEP = {
    "this": 0,
    "last": -1,
    "past": -1,
    "previous": -1,
    "next": 1,
    "coming": 1,
    "the coming": 1,
    "following": 1,
}
_PART_MOD = {"end": "END", "beginning": "START", "start": "START", "middle": "MID", "turn": None}
_UNIT_LETTER = {"week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE"}


def _unit_key(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    return w[:-1] if w.endswith("s") else w


def deictic(text: str, m: re.Match[str], anchor: dt.date | None) -> Cand | None:
    w = " ".join(m.group("word").lower().split())
    s, e = m.start(), m.end()
    if w in ("now", "currently", "nowadays", "these days", "at present", "moment"):
        if w == "now" and text[max(0, s - 5) : s].lower().endswith("from "):
            return None
        return Cand(s, e, "DATE", "PRESENT_REF")
    if w == "overnight":
        if anchor is None or text[max(0, s - 4) : s].lower() in (" an ", "the ", " a "):
            return None
        return Cand(s, e, "TIME", ymd(anchor - dt.timedelta(days=1)) + "TNI")
    if w in ("recently", "the past"):
        return Cand(s, e, "DATE", "PAST_REF")
    if w == "the future":
        return Cand(s, e, "DATE", "FUTURE_REF")
    if w == "today" and text[max(0, s - 4) : s] in ("USA ", "USA-"):
        return None
    if anchor is None:
        return None
    offsets = {
        "today": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "tonight": 0,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }
    d = anchor + dt.timedelta(days=offsets[w])
    if w == "tonight":
        return Cand(s, e, "TIME", ymd(d) + "TNI")
    return Cand(s, e, "DATE", ymd(d))


def _season_year(code: str, anchor: dt.date, step: int) -> int:
    """The year of "this/last/next <season>"; a winter belongs to the year it starts in."""
    y, mo, start = anchor.year, anchor.month, P.SEASON_START[code]
    if code == "WI":
        current = y if mo == 12 else y - 1  # the winter now under way or most recently begun
        in_winter = mo in (12, 1, 2)
        if step < 0:
            return current - 1 if in_winter else current
        if step > 0:
            return current + 1 if in_winter else y
        return current if in_winter else y
    if step < 0:
        return y if mo > start + 2 else y - 1
    if step > 0:
        return y if mo < start else y + 1
    return y


def relative(text: str, m: re.Match[str], anchor: dt.date | None) -> Cand | None:
    s, e = m.start(), m.end()
    g = m.groupdict()
    if g["thewe"]:
        if anchor is None:
            return None
        weekend = anchor.isoweekday() >= 6
        past = clause_tense(text, s, e) == "past" and not weekend
        d = anchor - dt.timedelta(days=7) if past else anchor
        return Cand(s, e, "DATE", iso_week(d) + "-WE")
    if g["wd2"]:
        return _weekday(text, m, anchor, g["wd2"], None, g["dp2"])
    if g["part"]:
        part = g["part"].lower().split()
        word = part[1] if part[0] == "the" else part[0]
        unit = g["pw"].lower()
        if anchor is None:
            return None
        value = shift(anchor, _UNIT_LETTER[unit], 0)
        if value is None:
            return None
        if word == "rest":
            return Cand(s, e, "DATE", value, None)
        return Cand(s, e, "DATE", value, _PART_MOD[word])
    rel = " ".join(g["rel"].lower().split())
    step = _REL_STEP[rel]
    what = g["what"]
    if g["wd"]:
        return _weekday(text, m, anchor, g["wd"], step if rel != "this" else 0, g["dp"])
    if anchor is None:
        return None
    if g["mon"]:
        month = month_num(g["mon"])
        if len(g["mon"].rstrip(".")) <= 4 and g["mon"] not in ("May", "June", "July"):
            return None
        if step < 0:
            y = anchor.year if month < anchor.month else anchor.year - 1
        elif step > 0:
            y = anchor.year if month > anchor.month else anchor.year + 1
        else:
            y = anchor.year
        return Cand(s, e, "DATE", ym(y, month), prio=1)
    w = what.lower()
    if w in P.SEASONS:
        code = P.SEASONS[w]
        return Cand(s, e, "DATE", f"{_season_year(code, anchor, step):04d}-{code}", prio=1)
    if w in P.DAYPARTS:
        if rel not in ("this", "last"):
            return None
        d = anchor - dt.timedelta(days=1) if rel == "last" else anchor
        part = P.DAYPARTS[w]
        if rel == "last" and w != "night":
            return None
        return Cand(s, e, "TIME", f"{ymd(d)}T{part}", prio=1)
    if w == "weekend":
        d = anchor + dt.timedelta(weeks=step)
        return Cand(s, e, "DATE", iso_week(d) + "-WE", prio=1)
    if rel == "past" and w in ("week", "month", "year", "decade", "century"):
        return None  # "past year" as a span is a duration, left to the duration rule
    value = shift(anchor, _UNIT_LETTER[w], step)
    return Cand(s, e, "DATE", value, prio=1) if value else None


def _weekday(
    text: str,
    m: re.Match[str],
    anchor: dt.date | None,
    name: str,
    step: int | None,
    daypart: str | None,
) -> Cand | None:
    s, e = m.start(), m.end()
    if P.WEEKDAY_NAME_BEFORE.search(text[max(0, s - 10) : s]):
        return None
    wd = P.WEEKDAYS[name.lower()]
    if anchor is None:
        value = f"XXXX-WXX-{wd}"
    else:
        if step is None or step == 0:
            tense = clause_tense(text, s, e) if step is None else "future"
            d = weekday_date(wd, anchor, tense)
        elif step < 0:
            d = weekday_date(wd, anchor - dt.timedelta(days=1), "past")
        else:
            d = weekday_date(wd, anchor + dt.timedelta(days=1), "future")
        value = ymd(d)
    if daypart:
        return Cand(s, e, "TIME", f"{value}T{P.DAYPARTS[daypart.lower()]}", prio=1)
    return Cand(s, e, "DATE", value, prio=1)


def ago(text: str, m: re.Match[str], anchor: dt.date | None) -> Cand | None:
    direction = " ".join(m.group("dir").lower().split())
    ago_mod = {"more than": "BEFORE", "over": "BEFORE", "less than": "AFTER", "nearly": "AFTER"}
    mod_word = " ".join(m.group("mod").lower().split()) if m.group("mod") else ""
    mod = ago_mod.get(mod_word, "APPROX" if mod_word and mod_word != "almost" else None)
    if mod_word == "almost":
        mod = "AFTER"
    if direction in ("earlier", "before"):
        return None  # relative to another event, not the anchor: the duration rule tags it
    if anchor is None:
        return None
    n = parse_number(m.group("num"))
    unit = P.UNITS[_unit_key(m.group("unit"))][0]
    sign = -1 if direction == "ago" else 1
    if n is None:
        vague = {"Y": "PAST_REF", "M": "PAST_REF"}.get(unit, "PAST_REF")
        return Cand(m.start(), m.end(), "DATE", vague if sign < 0 else "FUTURE_REF", prio=1)
    if P.UNITS[_unit_key(m.group("unit"))][1] or not float(n).is_integer():
        return None
    value = shift(anchor, unit, sign * int(n))
    return Cand(m.start(), m.end(), "DATE", value, mod, prio=1) if value else None


def season(text: str, m: re.Match[str], anchor: dt.date | None) -> Cand | None:
    code = P.SEASONS[m.group("s").lower()]
    year = m.group("year")
    s = m.start("the") if m.group("the") else m.start("s")
    if year:
        return Cand(s, m.end(), "DATE", f"{year}-{code}")
    if not m.group("prep") or m.group("s").lower() == "fall" or anchor is None:
        return None
    tense = clause_tense(text, s, m.end())
    y, start = anchor.year, P.SEASON_START[code]
    if tense == "past" and anchor.month < start:
        y -= 1
    elif tense == "future" and anchor.month > start + 2:
        y += 1
    return Cand(s, m.end("s"), "DATE", f"{y:04d}-{code}")


def quarter(text: str, m: re.Match[str], anchor: dt.date | None) -> Cand | None:
    g = m.groupdict()
    s, e = m.start(), m.end()
    if g["q"]:
        letter, n = g["q"][0], int(g["q"][1])
        if g["qy"]:
            return Cand(s, e, "DATE", f"{g['qy']}-{letter}{n}")
        if anchor is None:
            return None
        return Cand(s, e, "DATE", f"{anchor.year:04d}-{letter}{n}")
    unit = g["unit"].lower()
    n = P.ORDINALS[g["ord"].lower()]
    letter = "Q" if unit == "quarter" else "H"
    if letter == "H":
        n = 2 if g["ord"].lower() in ("final", "last") else n
        if n > 2:
            return None
    if g["year"]:
        return Cand(s, e, "DATE", f"{g['year']}-{letter}{n}")
    if anchor is None:
        return None
    rel = (g["rel"] or "").lower()
    y = anchor.year + {"last": -1, "next": 1}.get(rel, 0)
    if not rel:
        current = quarter_of(anchor.month) if letter == "Q" else (1 if anchor.month < 7 else 2)
        tense = clause_tense(text, s, e)
        if tense == "past" and n > current:
            y -= 1
        elif tense == "future" and n < current:
            y += 1
    return Cand(s, e, "DATE", f"{y:04d}-{letter}{n}")


_DUR_MOD = {
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "about": "APPROX",
    "around": "APPROX",
    "some": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "at least": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
}


def duration(text: str, m: re.Match[str], anchor: dt.date | None) -> Cand | None:
    g = m.groupdict()
    unit_word = g["unit"]
    key = _unit_key(unit_word)
    letter, is_time = P.UNITS[key]
    det = " ".join(g["det"].lower().split()) if g["det"] else ""
    num = g["num"]
    plural = unit_word.lower().endswith("s")
    start = m.start()
    if num:
        n = parse_number(num)
        if n is None:
            qty = "X"
        elif num.lower().startswith("a") and num.lower() in ("a", "an") and plural:
            return None
        else:
            qty = str(n)
    elif det:
        if det in ("the first", "the next", "the following", "the coming") and not plural:
            return None
        qty = "X" if plural or "few" in det else "1"
    else:
        before = text[max(0, start - 8) : start].lower()
        after = text[m.end() : m.end() + 8].lower()
        if not plural or not (
            re.search(r"\b(?:for|over|in|within|took|takes|take)\s$", before)
            or re.match(r"\s(?:later|after|earlier|before)\b", after)
        ):
            return None
        qty = "X"
    if key == "weekend":
        return None
    if key == "quarter" and "-" in text[m.start("unit") - 1 : m.start("unit")]:
        return None  # "three-quarters": a fraction
    if key == "fortnight":
        qty = str(2 * int(qty)) if qty.isdigit() else qty
    if key == "quarter":
        qty, letter = (str(3 * int(qty)) if qty.isdigit() else qty), "M"
    mod_word = " ".join(g["mod"].lower().split()) if g["mod"] else None
    mod = _DUR_MOD.get(mod_word or "")
    if mod_word and (mod is None or det or not num):
        # "over the past decades": a preposition, not a quantifier of the duration.
        mod = None
        start = m.start("det") if g["det"] else (m.start("num") if num else m.start("unit"))
    value = f"PT{qty}{letter}" if is_time else f"P{qty}{letter}"
    return Cand(start, m.end(), "DURATION", value, mod, prio=-1)


_SET_UNIT = {
    "year": "P1Y",
    "annum": "P1Y",
    "month": "P1M",
    "week": "P1W",
    "day": "P1D",
    "hour": "PT1H",
    "decade": "P1DE",
    "morning": "TMO",
    "evening": "TEV",
    "night": "TNI",
    "annually": "P1Y",
    "yearly": "P1Y",
    "monthly": "P1M",
    "weekly": "P1W",
    "daily": "P1D",
    "hourly": "PT1H",
    "quarterly": "P3M",
    "quarter": "P3M",
}


def sets(text: str, m: re.Match[str], anchor: dt.date | None) -> Cand | None:
    g = m.groupdict()
    s, e = m.start(), m.end()
    if g["adv"]:
        adv = g["adv"].lower()
        if adv == "daily" and text[e : e + 1] == " " and text[e + 1 : e + 2].isupper():
            return None
        if g["adv"][0].isupper() and s > 0 and text[s - 2 : s].strip() not in ("", ".", '"'):
            return None  # "China Daily": a name
        return Cand(s, e, "SET", _SET_UNIT[adv])
    if g["emon"]:
        return Cand(s, e, "SET", f"XXXX-{month_num(g['emon']):02d}")
    if g["au"]:
        return Cand(s, e, "SET", _SET_UNIT[g["au"].lower()])
    unit = (g["eu"] or g["fu"] or g["pu"]).lower()
    if unit.endswith("s") and unit not in P.WEEKDAYS:
        unit = unit[:-1]
    if g["en"]:
        n = parse_number(g["en"])
        letter, is_time = P.UNITS.get(unit, ("Y", False))
        if n is None or unit not in P.UNITS:
            return None
        if unit == "quarter":
            return Cand(s, e, "SET", f"P{3 * int(n)}M")
        return Cand(s, e, "SET", f"PT{n}{letter}" if is_time else f"P{n}{letter}")
    if unit in P.WEEKDAYS:
        return Cand(s, e, "SET", f"XXXX-WXX-{P.WEEKDAYS[unit]}")
    if unit in P.SEASONS:
        return Cand(s, e, "SET", f"XXXX-{P.SEASONS[unit]}")
    return Cand(s, e, "SET", _SET_UNIT[unit])


def clock(text: str, m: re.Match[str], anchor: dt.date | None) -> Cand | None:
    g = m.groupdict()
    day = ymd(anchor) if anchor else "XXXX-XX-XX"
    if g["word"]:
        hhmm = "00:00" if g["word"].lower() == "midnight" else "12:00"
    elif g["ap"]:
        h = int(g["h"])
        if not 1 <= h <= 12:
            return None
        pm = g["ap"].lower().startswith("p")
        h = (h % 12) + (12 if pm else 0)
        hhmm = f"{h:02d}:{g['mi'] or '00'}"
    else:
        h = int(g["h2"])
        hhmm = f"{h:02d}:{g['mi2']}"
        if len(g["h2"]) == 1 and not g["tz"]:
            before = text[max(0, m.start() - 4) : m.start()].lower()
            if not before.endswith(("at ", "by ")):
                return None  # "3:1" scores and ratios are not clock times
    return Cand(m.start(), m.end(), "TIME", f"{day}T{hhmm}")
