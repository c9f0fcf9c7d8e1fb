"""Gold event dates from the human TimeML annotation of TimeBank/AQUAINT.

    .venv/bin/python bench/dates/timeml_gold.py        # writes work/timeml_gold.jsonl

Each EVENT instance gets a date interval ``[lo, hi]`` (ISO days, ``None`` = open) from
its TLINKs to TIMEX3s of type DATE or TIME with a calendar value (``bounds`` of
``storyline.dates``; values it cannot bound are skipped):

* IS_INCLUDED, DURING, SIMULTANEOUS, IDENTITY, BEGINS, ENDS: the event lies within the
  time, ``[lo, hi] = bounds(value)``;
* BEFORE, IBEFORE: ``hi`` = the day before the time's first day (the time's own day when
  it carries a clock time: TIME type or a ``T`` in the value, as the DCT does);
* AFTER, IAFTER: ``lo`` = the day after the time's last day (same clock-time exception);
* anything else (INCLUDES, BEGUN_BY, ENDED_BY, ...) says nothing bounded: skipped.

A TLINK from a time to an event is read with its relation inverted. All constraints
on one event are intersected; an empty intersection drops the event. An event with no
time constraint takes the interval of its SIMULTANEOUS / IDENTITY event partners (one
hop, partners' own time-derived intervals, intersected).

Offsets are into the benchmark document: ``" date YYYY-MM-DD\\n"`` (when the DCT is a
day) followed by the stripped text of ``read_timeml`` -- as ``bench/realtext/corpora.py``
builds TimeML documents. The output holds article words, so it lives in ``work/``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench" / "realtext"))

from corpora import split_of  # noqa: E402

from storyline.dates import bounds  # noqa: E402
from storyline.timex.timeml import opening_tags, read_timeml  # noqa: E402

TIMEML = ROOT.parent / "shared" / "realnews" / "timeml"
WORK = HERE / "work"
GOLD = WORK / "timeml_gold.jsonl"

Day = str | None
Interval = tuple[Day, Day]

# The same tag / attribute grammar as storyline.timex.timeml, so offsets agree.
_CLOCK = re.compile(r"\dT")

WITHIN = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY", "BEGINS", "ENDS"})
BEFORE = frozenset({"BEFORE", "IBEFORE"})
AFTER = frozenset({"AFTER", "IAFTER"})
SAME = frozenset({"SIMULTANEOUS", "IDENTITY"})
INVERSE = {
    "BEFORE": "AFTER",
    "AFTER": "BEFORE",
    "IBEFORE": "IAFTER",
    "IAFTER": "IBEFORE",
    "INCLUDES": "IS_INCLUDED",
    "IS_INCLUDED": "INCLUDES",
    "DURING": "DURING_INV",
    "DURING_INV": "DURING",
    "BEGINS": "BEGUN_BY",
    "BEGUN_BY": "BEGINS",
    "ENDS": "ENDED_BY",
    "ENDED_BY": "ENDS",
    "SIMULTANEOUS": "SIMULTANEOUS",
    "IDENTITY": "IDENTITY",
}
#: TIMEX3 mods under which the value is not where the time lies ("before 1998").
OPEN_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER"})


@dataclass(frozen=True, slots=True)
class GoldEvent:
    eid: str
    start: int  # offsets in the benchmark document, whitespace trimmed
    end: int
    word: str
    cls: str


@dataclass(slots=True)
class TimeMLFile:
    name: str
    split: str | None
    dct: str | None  # the DCT day (read_timeml's anchor)
    text: str  # the benchmark document: header + stripped text
    events: list[GoldEvent]
    mismatches: int  # events whose offsets did not give back their word
    trimmed: int  # events whose tagged span had surrounding whitespace
    timexes: dict[str, dict[str, str]] = field(default_factory=dict)
    instances: dict[str, dict[str, str]] = field(default_factory=dict)  # eiid -> attrs
    tlinks: list[dict[str, str]] = field(default_factory=list)


def bench_text(text: str, anchor: str | None) -> tuple[str, int]:
    """The benchmark document and the shift from ``read_timeml`` offsets into it."""
    day = (anchor or "")[:10]
    header = f" date {day}\n" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) else ""
    lead = len(text) - len(text.lstrip())
    return header + text.strip() + "\n", len(header) - lead


def read_file(path: Path) -> TimeMLFile:
    """Events (with offsets in the benchmark text), timexes, instances and TLINKs."""
    markup = path.read_text(encoding="utf-8")
    doc = read_timeml(path)
    text, shift = bench_text(doc.text, doc.anchor)
    events: list[GoldEvent] = []
    mismatches = trimmed = 0
    for ev in doc.events:
        start, end, a, word = ev.start, ev.end, ev.attrs, ev.text
        if text[start + shift : end + shift] != word:
            mismatches += 1
            continue
        lead = len(word) - len(word.lstrip())
        tail = len(word) - len(word.rstrip())
        if lead or tail:
            trimmed += 1
        s, e = start + shift + lead, end + shift - tail
        if e <= s:
            mismatches += 1
            continue
        assert text[s:e] == word.strip()
        events.append(GoldEvent(a.get("eid", ""), s, e, text[s:e], a.get("class", "")))
    out = TimeMLFile(
        path.name, split_of("timeml", path.name), doc.anchor, text, events, mismatches, trimmed
    )
    for name, a in opening_tags(markup):
        if name == "TIMEX3" and "tid" in a:
            out.timexes[a["tid"]] = a
        elif name == "MAKEINSTANCE" and "eiid" in a:
            out.instances[a["eiid"]] = a
        elif name == "TLINK":
            out.tlinks.append(a)
    return out


def _shift(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def _constraint(rel: str, tx: dict[str, str], stats: Counter[str]) -> Interval | None:
    """What one TLINK (event REL time) says about the event's days."""
    if tx.get("type") not in ("DATE", "TIME"):
        stats["link: time not DATE/TIME"] += 1
        return None
    if tx.get("mod") in OPEN_MODS:
        stats["link: time with open mod"] += 1
        return None
    value = tx.get("value", "")
    b = bounds(value)
    if b is None:
        stats["link: value without bounds"] += 1
        return None
    # the document's creation time is an instant of its day, even when annotated as a
    # DATE: an act BEFORE it may fall on that day (decided before the test split was read)
    creation = tx.get("functionInDocument") == "CREATION_TIME"
    clock = creation or tx.get("type") == "TIME" or bool(_CLOCK.search(value))
    if rel in WITHIN:
        return b
    if rel in BEFORE:
        return (None, b[0] if clock else _shift(b[0], -1))
    if rel in AFTER:
        return (b[1] if clock else _shift(b[1], 1), None)
    stats[f"link: {rel} skipped"] += 1
    return None


def intersect(intervals: Iterable[Interval]) -> Interval | None:
    """The common days of the intervals (``None`` = empty)."""
    lo: Day = None
    hi: Day = None
    for a, b in intervals:
        if a is not None and (lo is None or a > lo):
            lo = a
        if b is not None and (hi is None or b < hi):
            hi = b
    if lo is not None and hi is not None and lo > hi:
        return None
    return (lo, hi)


def gold_intervals(f: TimeMLFile, stats: Counter[str]) -> dict[str, Interval]:
    """The gold interval of each event id that has one."""
    eid_of = {ei: a.get("eventID", "") for ei, a in f.instances.items()}
    per_event: dict[str, list[Interval]] = defaultdict(list)
    partners: dict[str, set[str]] = defaultdict(set)
    for link in f.tlinks:
        rel = link.get("relType", "")
        ei, t = link.get("eventInstanceID"), link.get("relatedToTime")
        if ei is None and link.get("timeID") and link.get("relatedToEventInstance"):
            ei, t = link["relatedToEventInstance"], link["timeID"]
            rel = INVERSE.get(rel, rel)
        if ei is not None and t is not None:
            if ei not in eid_of or t not in f.timexes:
                stats["link: dangling id"] += 1
                continue
            c = _constraint(rel, f.timexes[t], stats)
            if c is not None:
                per_event[eid_of[ei]].append(c)
            continue
        other = link.get("relatedToEventInstance")
        if rel in SAME and ei in eid_of and other in eid_of:
            partners[eid_of[ei]].add(eid_of[other])
            partners[eid_of[other]].add(eid_of[ei])
    direct: dict[str, Interval] = {}
    for eid, cs in per_event.items():
        got = intersect(cs)
        if got is None:
            stats["event: empty intersection (dropped)"] += 1
        else:
            direct[eid] = got
    out = dict(direct)
    for eid, others in partners.items():
        if eid in per_event:
            continue
        found = [direct[o] for o in sorted(others) if o in direct]
        if not found:
            continue
        got = intersect(found)
        if got is None:
            stats["event: partners disagree (dropped)"] += 1
        else:
            out[eid] = got
            stats["event: propagated from a partner"] += 1
    return out


def files() -> Iterator[Path]:
    yield from sorted(TIMEML.glob("*.tml"))


def build(paths: Iterable[Path]) -> tuple[list[dict[str, object]], Counter[str]]:
    rows: list[dict[str, object]] = []
    stats: Counter[str] = Counter()
    for path in paths:
        f = read_file(path)
        stats["mismatched offsets"] += f.mismatches
        stats["spans trimmed of whitespace"] += f.trimmed
        gold = gold_intervals(f, stats)
        by_eid: dict[str, list[dict[str, str]]] = defaultdict(list)
        for a in f.instances.values():
            by_eid[a.get("eventID", "")].append(a)
        stats["event: multiple instances"] += sum(1 for v in by_eid.values() if len(v) > 1)
        for ev in f.events:
            stats["events"] += 1
            if ev.eid not in gold:
                continue
            lo, hi = gold[ev.eid]
            inst = by_eid.get(ev.eid, [{}])[0]
            rows.append(
                {
                    "file": f.name,
                    "split": f.split,
                    "eid": ev.eid,
                    "word": ev.word,
                    "start": ev.start,
                    "end": ev.end,
                    "class": ev.cls,
                    "tense": inst.get("tense"),
                    "aspect": inst.get("aspect"),
                    "lo": lo,
                    "hi": hi,
                    "exact": lo is not None and lo == hi,
                    "dct": f.dct,
                }
            )
    return rows, stats


def load_gold(path: Path = GOLD) -> list[dict[str, object]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--out", type=Path, default=GOLD)
    args = ap.parse_args()
    rows, stats = build(files())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} gold events to {args.out}")
    for key, n in sorted(stats.items()):
        print(f"  {key}: {n}")
    print("\n| split | docs with gold | events | exact-day | open-ended |")
    print("|---|---:|---:|---:|---:|")
    for split in ("dev", "test", None):
        sel = [r for r in rows if r["split"] == split]
        docs = len({r["file"] for r in sel})
        exact = sum(1 for r in sel if r["exact"])
        open_ = sum(1 for r in sel if r["lo"] is None or r["hi"] is None)
        print(f"| {split or 'unsplit'} | {docs} | {len(sel)} | {exact} | {open_} |")


if __name__ == "__main__":
    main()
