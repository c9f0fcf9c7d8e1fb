"""Timeline and relations query latency on a large store (p50/p95 per query kind).

Each kind runs ``--repeat`` times with varied filters (random actors, dyads,
years, types from a seeded RNG), against a store from ``bench/make_event_store.py``:

    python bench/make_event_store.py /tmp/events100k.db --events 100000
    python bench/timeline/latency.py /tmp/events100k.db --repeat 30

Figures are wall-clock on a shared machine: treat them as orders of magnitude.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from storyline.records import PLOVER_TYPES  # noqa: E402
from storyline.store.query import EventQuery  # noqa: E402
from storyline.store.sqlite import SQLiteStore  # noqa: E402
from storyline.timeline.relations import relations, top_dyads, top_dyads_uncached  # noqa: E402
from storyline.timeline.salience import stored_extras  # noqa: E402
from storyline.timeline.sql import iter_events, top_events  # noqa: E402
from storyline.timeline.summary import summarize  # noqa: E402


def _kinds(store: SQLiteStore, rng: random.Random) -> dict[str, Callable[[], int]]:
    countries = [r[0] for r in store.conn.execute("SELECT id FROM actors WHERE kind='country'")]
    names = [r[0] for r in store.conn.execute("SELECT name FROM actors WHERE kind='person'")]
    years = list(range(2000, 2025))

    def pair() -> tuple[str, str]:
        a, b = rng.sample(countries, 2)
        return a, b

    def summary() -> int:
        q = EventQuery.build(actor=rng.choice(countries), date_from=str(rng.choice(years)),
                             date_to=None)  # fmt: skip
        events = list(iter_events(store, q))
        sal = {k: float(v["salience"]) for k, v in stored_extras(store, events).items()}
        return len(summarize(events, sal, 10))

    return {
        "timeline, first 100": lambda: len(store.events(EventQuery(limit=100))),
        "timeline --actor COUNTRY --limit 100": lambda: len(
            store.events(EventQuery.build(actor=rng.choice(countries), limit=100))
        ),
        "timeline --actor 'PERSON NAME' (all)": lambda: len(
            store.events(EventQuery.build(actor=rng.choice(names)))
        ),
        "timeline --between A B (all)": lambda: len(store.events(EventQuery.build(between=pair()))),
        "timeline --from Y --to Y --type T (all)": lambda: len(store.events(_year_type(rng))),
        "timeline --top 20": lambda: len(top_events(store, EventQuery(), 20)),
        "timeline --top 20 --actor COUNTRY": lambda: len(
            top_events(store, EventQuery.build(actor=rng.choice(countries)), 20)
        ),
        "timeline --summary --dates 10 --actor C --from Y": summary,
        "relations A B (quarter)": lambda: len(relations(store, *pair())["series"]),
        "relations A B (month)": lambda: len(relations(store, *pair(), period="month")["series"]),
        "dyads (top 20 pairs, uncached)": lambda: len(top_dyads_uncached(store, 20)),
        "dyads (top 20 pairs, cached)": lambda: len(top_dyads(store, 20)),
    }


def _year_type(rng: random.Random) -> EventQuery:
    year = str(rng.randrange(2000, 2025))
    return EventQuery.build(date_from=year, date_to=year, types=(rng.choice(PLOVER_TYPES),))


def run(db: Path, repeat: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    with SQLiteStore(db, read_only=True) as store:
        n_events = store.counts()["events"]
        for name, fn in _kinds(store, rng).items():
            times, sizes = [], []
            reps = max(3, repeat // 5) if "uncached" in name else repeat
            fn()  # warm the page cache
            for _ in range(reps):
                t0 = time.perf_counter()
                sizes.append(fn())
                times.append((time.perf_counter() - t0) * 1000)
            times.sort()
            out.append({
                "query": name, "runs": reps, "events": n_events,
                "p50_ms": statistics.median(times),
                "p95_ms": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
                "mean_rows": statistics.mean(sizes),
            })  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("db", type=Path)
    p.add_argument("--repeat", type=int, default=30)
    args = p.parse_args(argv)
    rows = run(args.db, args.repeat)
    print(f"store: {args.db} ({rows[0]['events']} events)")
    print("| query | runs | p50 ms | p95 ms | rows (mean) |")
    print("|---|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['query']} | {r['runs']} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} |"
              f" {r['mean_rows']:.0f} |")  # fmt: skip


if __name__ == "__main__":
    main()
