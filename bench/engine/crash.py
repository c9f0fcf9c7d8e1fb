"""Kill a real build at every commit boundary and at random moments; rerun; compare.

    .venv/bin/python bench/engine/crash.py [--random 50] [--corpus tests/data/seeds]

Prints, as JSON, how many kill points were tried (commit boundaries and random
moments between ``--min`` and ``--max`` seconds after the start) and how many reruns
ended in a store different from an uninterrupted build's (documents, stories, events,
saliences). See ``storyline.engine.crashtest``.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
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
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ref_db = Path(tmp) / "ref.db"
        assert run_build(args.corpus, ref_db, chunk=args.chunk) == 0
        reference = snapshot(ref_db)
        boundaries, differ, n = 0, [], 0
        while True:
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
    print(json.dumps({"corpus": str(args.corpus), "commit_boundaries": boundaries,
                      "random_kills": args.random, "differing": differ}, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
