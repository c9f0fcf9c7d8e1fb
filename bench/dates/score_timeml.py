"""Score storyline's event dates against the TimeML gold of ``timeml_gold.py``.

    .venv/bin/python bench/dates/timeml_gold.py                 # once: the gold
    .venv/bin/python bench/dates/score_timeml.py --split dev [--limit N]

Each document of the split is rebuilt as the benchmark text (date header + text) and
coded with ``storyline.extract_events``. An event whose trigger overlaps a gold event's
span is matched to it (the largest overlap); storyline's interval S comes from
``bounds(date, date_end)``, opened on one side by ``date_mod`` (``ON_OR_BEFORE``:
until the date; ``ON_OR_AFTER``: from the date). Against the gold interval G:

* exact      -- G is one day and S is exactly that day (over exact-day gold);
* consistent -- S and G share a day;
* tight      -- S is inside G (an S open on one side needs G open on that side too).

The baseline dates every event on the publication (DCT) day. When
``storyline.events.stage.date_spans`` exists, the same figures are given for every
gold event of the split, coded or not. Figures go to ``work/score-<split>.json``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "realtext"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpora import split_of
from timeml_gold import GOLD, WORK, Interval, files, load_gold, read_file

from stats import wilson
from storyline.dates import bounds

DateSpans = Callable[[str, str, list[tuple[int, int]]], Sequence[dict[str, Any] | None]]


def storyline_interval(d: dict[str, Any] | None) -> Interval | None:
    """S: the days a dated event (or ``date_spans`` answer) allows; None = no date."""
    if not d or not d.get("date"):
        return None
    b = bounds(d["date"], d.get("date_end"))
    if b is None or b[0] > b[1]:
        return None
    mod = d.get("date_mod")
    if mod == "ON_OR_BEFORE":
        return (None, b[1])
    if mod == "ON_OR_AFTER":
        return (b[0], None)
    return b


def overlaps(s: Interval, g: Interval) -> bool:
    return (s[0] is None or g[1] is None or s[0] <= g[1]) and (
        g[0] is None or s[1] is None or g[0] <= s[1]
    )


def inside(s: Interval, g: Interval) -> bool:
    """S ⊆ G: G's bounded sides bound S (so an open side of S needs G open there)."""
    lo_ok = g[0] is None or (s[0] is not None and s[0] >= g[0])
    hi_ok = g[1] is None or (s[1] is not None and s[1] <= g[1])
    return lo_ok and hi_ok


@dataclass
class Tally:
    """exact / consistent / tight counts of one dater over one set of gold events."""

    n: int = 0
    exact_n: int = 0
    exact: int = 0
    consistent: int = 0
    tight: int = 0
    undated: int = 0

    def add(self, s: Interval | None, g: Interval) -> None:
        self.n += 1
        one_day = g[0] is not None and g[0] == g[1]
        self.exact_n += int(one_day)
        if s is None:
            self.undated += 1
            return
        self.exact += int(one_day and s[0] == s[1] == g[0])
        self.consistent += int(overlaps(s, g))
        self.tight += int(inside(s, g))

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {"n": self.n, "undated": self.undated}
        for name, k, n in (
            ("exact", self.exact, self.exact_n),
            ("consistent", self.consistent, self.n),
            ("tight", self.tight, self.n),
        ):
            p, lo, hi = wilson(k, n)
            out[name] = {"k": k, "n": n, "p": p, "lo": lo, "hi": hi}
        return out


@dataclass
class Scope:
    """storyline and the publication-date baseline over the same gold events."""

    storyline: Tally = field(default_factory=Tally)
    baseline: Tally = field(default_factory=Tally)

    def add(self, s: Interval | None, g: Interval, dct: str) -> None:
        self.storyline.add(s, g)
        self.baseline.add((dct, dct), g)


def point(d: dict[str, Any] | None) -> Interval | None:
    """storyline's day itself, its open side ignored: what a timeline sorts by."""
    return storyline_interval({**d, "date_mod": None}) if d else None


def _date_spans() -> DateSpans | None:
    """``storyline.events.stage.date_spans`` when it exists (None: not yet)."""
    try:
        module = importlib.import_module("storyline.events.stage")
    except ImportError:
        return None
    fn: DateSpans | None = getattr(module, "date_spans", None)
    return fn


def _cell(f: dict[str, Any]) -> str:
    if f["n"] == 0:
        return "–"
    return f"{f['k']}/{f['n']} = {100 * f['p']:.1f}% [{100 * f['lo']:.1f}–{100 * f['hi']:.1f}]"


def table(rows: list[tuple[str, dict[str, Any]]]) -> str:
    out = ["| dater | events | exact | consistent | tight |", "|---|---:|---:|---:|---:|"]
    for label, f in rows:
        cells = " | ".join(_cell(f[k]) for k in ("exact", "consistent", "tight"))
        out.append(f"| {label} | {f['n']} | {cells} |")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--split", choices=("dev", "test"), required=True)
    ap.add_argument("--limit", type=int, help="only the first N documents of the split")
    args = ap.parse_args()
    if not GOLD.exists():
        raise SystemExit(f"no gold at {GOLD}: run bench/dates/timeml_gold.py first")
    gold: dict[str, list[dict[str, Any]]] = {}
    for row in load_gold():
        if row["split"] == args.split:
            gold.setdefault(str(row["file"]), []).append(row)
    paths = [p for p in files() if split_of("timeml", p.name) == args.split]
    if args.limit is not None:
        paths = paths[: args.limit]

    import storyline

    date_spans = _date_spans()
    coded, every, every_point, text_dated = Scope(), Scope(), Scope(), Scope()
    counts: Counter[str] = Counter()
    by_source: dict[str, Scope] = {}
    matched_gold: set[tuple[str, str]] = set()
    t0 = time.monotonic()
    for i, path in enumerate(paths, 1):
        f = read_file(path)
        rows = gold.get(path.name, [])
        if not f.dct:
            counts["documents without a DCT day (skipped)"] += 1
            continue
        counts["documents"] += 1
        counts["gold events"] += len(rows)
        events = storyline.extract_events(f.text, f.dct)
        for ev in events:
            counts["storyline events"] += 1
            ts, te = int(ev["trigger"]["start"]), int(ev["trigger"]["end"])
            best, size = None, 0
            for r in rows:
                ov = min(te, r["end"]) - max(ts, r["start"])
                if ov > size:
                    best, size = r, ov
            if best is None:
                tagged = any(ts < g.end and g.start < te for g in f.events)
                counts["on a TimeML event without gold date" if tagged else "unmatched"] += 1
                continue
            counts["matched"] += 1
            matched_gold.add((path.name, str(best["eid"])))
            s = storyline_interval(ev)
            g = (best["lo"], best["hi"])
            coded.add(s, g, f.dct)
            source = str(ev.get("date_source"))
            if ev.get("date_mod"):
                source += f" + {ev['date_mod']}"
            by_source.setdefault(source, Scope()).add(s, g, f.dct)
        if date_spans is not None and rows:
            answers = date_spans(f.text, f.dct, [(r["start"], r["end"]) for r in rows])
            for r, a in zip(rows, answers, strict=True):
                every.add(storyline_interval(a), (r["lo"], r["hi"]), f.dct)
                every_point.add(point(a), (r["lo"], r["hi"]), f.dct)
                if a and a.get("date_source") == "text":
                    text_dated.add(storyline_interval(a), (r["lo"], r["hi"]), f.dct)
        print(
            f"[{i}/{len(paths)}] {path.name}: {len(events)} events, {len(rows)} gold"
            f" ({time.monotonic() - t0:.0f}s)",
            file=sys.stderr,
            flush=True,
        )
    counts["distinct gold events matched"] = len(matched_gold)

    print(f"## storyline dates vs TimeML gold, {args.split} split\n")
    for key in (
        "documents",
        "documents without a DCT day (skipped)",
        "gold events",
        "storyline events",
        "matched",
        "distinct gold events matched",
        "on a TimeML event without gold date",
        "unmatched",
    ):
        print(f"* {key}: {counts[key]}")
    rows_out = [
        ("storyline, coded events", coded.storyline.figures()),
        ("publication date, same events", coded.baseline.figures()),
    ]
    result: dict[str, Any] = {
        "split": args.split,
        "limit": args.limit,
        "counts": dict(counts),
        "coded": {"storyline": rows_out[0][1], "baseline": rows_out[1][1]},
        "by_date_source": {k: v.storyline.figures() for k, v in sorted(by_source.items())},
        "all": None,
    }
    if date_spans is None:
        print("\nall gold events: skipped (storyline.events.stage.date_spans not importable)")
    else:
        every_rows = [
            ("storyline, all gold events", every.storyline.figures()),
            ("publication date, all gold events", every.baseline.figures()),
            ("storyline's day (open side ignored), all gold events",
             every_point.storyline.figures()),
            ("storyline, events it dates from the text", text_dated.storyline.figures()),
            ("publication date, the same events", text_dated.baseline.figures()),
        ]  # fmt: skip
        rows_out += every_rows
        result["all"] = {"storyline": every_rows[0][1], "baseline": every_rows[1][1],
                         "storyline_day": every_rows[2][1], "text_dated": every_rows[3][1],
                         "text_dated_baseline": every_rows[4][1]}  # fmt: skip
    print("\nk/n = share [95% Wilson interval]; exact over exact-day gold only.\n")
    print(table(rows_out))
    print("\nstoryline on coded events, by date_source (+ date_mod):\n")
    print(table([(k, v) for k, v in result["by_date_source"].items()]))
    for what, tally in (("matched", coded.storyline), ("all gold", every.storyline)):
        if tally.undated:
            print(f"\n{tally.undated} {what} events got no date storyline could bound (misses).")
    WORK.mkdir(parents=True, exist_ok=True)
    out = WORK / f"score-{args.split}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
