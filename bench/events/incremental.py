"""Adding a day's articles to a built store, against rebuilding everything.

    .venv/bin/python bench/events/incremental.py [--corpus ../shared/realnews/newswire] [-n 10]

Builds the corpus without its last ``n`` files (by name: the wire's newest), then adds
them with a second ``build`` (the store skips what it holds and merges only the events
the new mentions touch), then builds the whole corpus into an empty store. Reports the
wall time of each build and of its merge step, the merge mode, and checks that the
incremental store's timeline equals the rebuilt one. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from storyline.engine.local import BuildReport, build
from storyline.engine.stages import BuildConfig
from storyline.store.sqlite import SQLiteStore

ROOT = Path(__file__).resolve().parents[2]


def _build(paths: list[Path], db: Path, workers: int) -> tuple[BuildReport, float]:
    t0 = time.perf_counter()
    with SQLiteStore(db) as store:
        report = build(paths, store, BuildConfig(workers=workers))
    return report, time.perf_counter() - t0


def _timeline(db: Path) -> list[str]:
    with SQLiteStore(db, read_only=True) as store:
        rows = store.conn.execute("SELECT json FROM events ORDER BY id").fetchall()
        extras = store.conn.execute("SELECT event, salience FROM event_extras ORDER BY event")
        return [r[0] for r in rows] + [f"{e}:{s}" for e, s in extras]


def _summary(report: BuildReport, seconds: float) -> dict[str, Any]:
    return {
        "seconds": round(seconds, 2),
        "merge_seconds": report.steps.get("merge"),
        "merge": report.merge,
        "remerged_mentions": report.remerged,
        "new_documents": report.new,
        "events": report.events,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/realnews/newswire")
    ap.add_argument("-n", type=int, default=10, help="articles added to the built store")
    ap.add_argument("--workers", type=int, default=0)
    args = ap.parse_args()
    files = sorted(p for p in args.corpus.iterdir() if p.is_file())
    with tempfile.TemporaryDirectory() as tmp:
        base, full = Path(tmp) / "base", Path(tmp) / "full"
        base.mkdir()
        full.mkdir()
        for i, p in enumerate(files):
            (full / p.name).symlink_to(p.resolve())
            if i < len(files) - args.n:
                (base / p.name).symlink_to(p.resolve())
        db_inc, db_full = Path(tmp) / "inc.db", Path(tmp) / "full.db"
        first, t_first = _build([base], db_inc, args.workers)
        added, t_added = _build([full], db_inc, args.workers)
        rebuilt, t_rebuilt = _build([full], db_full, args.workers)
        same = _timeline(db_inc) == _timeline(db_full)
    out = {
        "corpus": str(args.corpus),
        "documents": len(files),
        "added": args.n,
        "first_build": _summary(first, t_first),
        "add": _summary(added, t_added),
        "rebuild": _summary(rebuilt, t_rebuilt),
        "add_over_rebuild": round(t_added / t_rebuilt, 4),
        "merge_add_over_rebuild": round(
            (added.steps.get("merge") or 0) / max(rebuilt.steps.get("merge") or 1e-9, 1e-9), 4
        ),
        "same_timeline": same,
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
