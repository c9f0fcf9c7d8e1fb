"""Kill a real build at a commit boundary or at a random moment, rerun it, and compare.

The crash test (``tests/engine/test_crash.py``, bounded) and its benchmark
(``bench/engine/crash.py``, every boundary) share this: a build runs in a child
process (``storyline build``) that dies, as ``kill -9`` would, right after its N-th
commit (``STORYLINE_FAULT_AFTER_COMMIT``) or after a given delay (SIGKILL), or stops
when its store can grow no further, as on a full disk (``STORYLINE_FAULT_MAX_PAGES``);
the same build is then run again to completion, and the store must equal the store
of an uninterrupted build: documents, stories, events and their saliences.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from storyline.serialize import event_json
from storyline.store.query import EventQuery
from storyline.store.sqlite import SQLiteStore

__all__ = ["build_command", "run_build", "snapshot"]


def build_command(corpus: Path, db: Path, chunk: int = 2) -> list[str]:
    code = "import sys; from storyline.cli import app; sys.argv[0] = 'storyline'; app()"
    return [sys.executable, "-c", code, "build", str(corpus), "--db", str(db),
            "--workers", "1", "--chunk", str(chunk), "-q"]  # fmt: skip


def run_build(
    corpus: Path,
    db: Path,
    *,
    fault_after_commit: int | None = None,
    kill_after: float | None = None,
    max_pages: int | None = None,
    chunk: int = 2,
    stderr: Path | None = None,
) -> int:
    """Run a build in a child process; return its exit code (137/-9 when it was killed).

    ``max_pages``: the store may grow to this many pages, then SQLite fails as on a
    full disk (``STORYLINE_FAULT_MAX_PAGES``). ``stderr``: a file for what it printed.
    """
    env = dict(os.environ)
    env.pop("STORYLINE_FAULT_AFTER_COMMIT", None)
    env.pop("STORYLINE_FAULT_MAX_PAGES", None)
    if fault_after_commit is not None:
        env["STORYLINE_FAULT_AFTER_COMMIT"] = str(fault_after_commit)
    if max_pages is not None:
        env["STORYLINE_FAULT_MAX_PAGES"] = str(max_pages)
    with open(stderr or os.devnull, "wb") as err:
        child = subprocess.Popen(
            build_command(corpus, db, chunk), env=env, stdout=subprocess.DEVNULL, stderr=err
        )
        if kill_after is None:
            return child.wait()
        try:
            return child.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
            return child.wait()


def snapshot(db: Path) -> dict[str, Any]:
    """What an interrupted-then-finished build must share with an uninterrupted one."""
    with SQLiteStore(db, read_only=True) as store:
        docs = sorted(
            (d["id"], d["published"], d["story"], d["story_relation"]) for d in store.documents()
        )
        events = [event_json(e) for e in store.events(EventQuery())]
        salience = sorted(store.event_saliences())
        stories = [{k: v for k, v in s.items() if k != "members"} for s in store.stories()]
    return {
        "documents": docs,
        "stories": json.loads(json.dumps(stories, default=str)),
        "events": json.loads(json.dumps(events, sort_keys=True)),
        "salience": [list(r) for r in salience],
    }
