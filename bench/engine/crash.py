"""Kill a real build at every commit boundary and at random moments; rerun; compare.

    .venv/bin/python bench/engine/crash.py [--random 50] [--full 10] [--corpus tests/data/seeds]

Prints, as JSON, how many kill points were tried (commit boundaries and random
moments between ``--min`` and ``--max`` seconds after the start) and full disks (the
store capped at ``--full`` sizes spread evenly below the uninterrupted store's pages:
the build must exit 1 saying "disk full" and leave a sound store), and how many
reruns ended in a store different from an uninterrupted build's (documents, stories,
events, saliences). See ``storyline.engine.crashtest``.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from storyline.engine.crashtest import run_build, snapshot

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "data" / "seeds")
    ap.add_argument("--random", type=int, default=50, help="random kill moments")
    ap.add_argument("--min", type=float, default=1.0)
    ap.add_argument("--max", type=float, default=6.0)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--every", type=int, default=1, help="try every K-th commit boundary")
    ap.add_argument("--chunk", type=int, default=2, help="documents per stored chunk")
    ap.add_argument("--full", type=int, default=0, help="full disks (store size caps) to try")
    ap.add_argument("--no-boundaries", action="store_true", help="skip the commit boundaries")
    args = ap.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        ref_db = Path(tmp) / "ref.db"
        t0 = time.perf_counter()
        assert run_build(args.corpus, ref_db, chunk=args.chunk) == 0
        build_seconds = time.perf_counter() - t0
        reference = snapshot(ref_db)
        with sqlite3.connect(ref_db) as conn:
            pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        boundaries, differ, n = 0, [], 0
        while not args.no_boundaries:
            n += args.every if n else 1
            db = Path(tmp) / f"c{n}.db"
            if run_build(args.corpus, db, fault_after_commit=n, chunk=args.chunk) != 137:
                break  # the build has fewer commits: every boundary was tried
            boundaries += 1
            run_build(args.corpus, db, chunk=args.chunk)
            if snapshot(db) != reference:
                differ.append(f"commit {n}")
        rng = random.Random(args.seed)
        for k in range(args.random):
            db = Path(tmp) / f"r{k}.db"
            delay = rng.uniform(args.min, args.max)
            run_build(args.corpus, db, kill_after=delay, chunk=args.chunk)
            run_build(args.corpus, db, chunk=args.chunk)
            if snapshot(db) != reference:
                differ.append(f"random {delay:.2f}s")
        full, unreported = [], []
        for k in range(args.full):
            cap = max(1, pages * (k + 1) // (args.full + 1))
            db, said = Path(tmp) / f"f{k}.db", Path(tmp) / f"f{k}.err"
            code = run_build(args.corpus, db, max_pages=cap, chunk=args.chunk, stderr=said)
            message = " ".join(said.read_text().split())
            with sqlite3.connect(db) as conn:
                sound = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            if code != 1 or "disk full while storing" not in message or not sound:
                unreported.append(f"{cap} pages: exit {code}, integrity {sound}: {message}")
            full.append(cap)
            run_build(args.corpus, db, chunk=args.chunk)
            if snapshot(db) != reference:
                differ.append(f"full at {cap} pages")
    print(json.dumps({"corpus": str(args.corpus), "commit_boundaries": boundaries,
                      "random_kills": args.random, "full_disks_at_pages": full,
                      "store_pages": pages, "full_disk_not_reported": unreported,
                      "differing": differ, "build_seconds": round(build_seconds, 1),
                      "seconds": round(time.perf_counter() - started)}, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
