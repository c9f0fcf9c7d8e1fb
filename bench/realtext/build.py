"""Build one split of the real corpora into SQLite stores, one store per corpus.

    .venv/bin/python bench/realtext/build.py --split test --label baseline

Writes ``bench/realtext/work/<label>/<split>-<corpus>.db`` with the code as it is
checked out, and prints documents, event mentions, events and seconds per corpus.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import CORPORA, ROOT, SPLIT_NAMES, WORK, corpora_of, materialize


def store_path(label: str, split: str, corpus: str) -> Path:
    return WORK / label / f"{split}-{corpus}.db"


def build(label: str, split: str, corpus: str, workers: int) -> dict[str, object]:
    folder = materialize(split, corpus)
    db = store_path(label, split, corpus)
    db.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    exe = ROOT / ".venv" / "bin" / "storyline"
    t0 = time.perf_counter()
    subprocess.run(
        [str(exe), "build", str(folder), "--db", str(db), "--quiet", "--workers", str(workers)],
        check=True,
    )
    seconds = time.perf_counter() - t0
    con = sqlite3.connect(db)
    counts = {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("documents", "event_mentions", "events")
    }
    con.close()
    return {
        "corpus": corpus,
        "split": split,
        "label": label,
        "seconds": round(seconds, 1),
        **counts,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--split", choices=SPLIT_NAMES, required=True)
    ap.add_argument("--label", required=True, help="a name for this build (e.g. the commit)")
    ap.add_argument("--corpus", choices=CORPORA, action="append")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    for corpus in args.corpus or corpora_of(args.split):
        print(json.dumps(build(args.label, args.split, corpus, args.workers)), flush=True)


if __name__ == "__main__":
    main()
