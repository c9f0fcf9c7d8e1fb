"""Local engine (1 and 2 workers) versus the Ray engine on one machine.

Builds the same synthetic corpus three ways into fresh stores and prints
documents/second, peak memory per worker and Ray's overhead as a ratio of the
local engine's time with as many workers; checks the three timelines are equal.

    .venv/bin/python bench/ray/compare.py --n 1000 [--engines local1,local2,ray]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import resource
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parents[2]


def synth_module() -> Any:
    spec = importlib.util.spec_from_file_location("synth", ROOT / "bench" / "synth.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _PeakChildren:
    """Samples the resident memory of this process's descendants (the local pool)."""

    def __init__(self) -> None:
        self.peak: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> _PeakChildren:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(0.5):
            for child in me.children(recursive=True):
                try:
                    rss = child.memory_info().rss
                except psutil.Error:
                    continue
                self.peak[child.pid] = max(self.peak.get(child.pid, 0), rss)


def timeline_json(db: Path) -> str:
    from storyline.serialize import event_json
    from storyline.store.query import EventQuery
    from storyline.store.sqlite import SQLiteStore

    with SQLiteStore(db, read_only=True) as store:
        return json.dumps([event_json(e) for e in store.events(EventQuery())], sort_keys=True)


def run(engine: str, corpus: Path, work: Path) -> dict[str, Any]:
    from storyline.engine.local import build
    from storyline.engine.stages import BuildConfig
    from storyline.store.sqlite import SQLiteStore

    db = work / f"{engine}.db"
    workers = 2 if engine in ("local2", "ray") else 1
    config = BuildConfig(workers=workers)
    executor = None
    peaks: list[int] = []
    if engine == "ray":
        from storyline.engine.ray_engine import RayExecutor

        executor = RayExecutor(config, num_cpus=2, shard_dir=work / "shards")
    started = time.perf_counter()
    with _PeakChildren() as sampler, SQLiteStore(db) as store:
        report = build([corpus], store, config, executor=executor)
    seconds = time.perf_counter() - started
    if engine == "local1":  # in-process: the driver is the worker
        peaks = [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024]
    elif engine == "local2":
        peaks = sorted(sampler.peak.values(), reverse=True)[:2]
    elif executor is not None:  # Ray's workers of both phases, largest first
        peaks = sorted(executor.worker_peaks, reverse=True)[:2]
    return {
        "engine": engine,
        "workers": workers,
        "documents": report.new,
        "seconds": round(seconds, 1),
        "docs_per_s": round(report.new / seconds, 2),
        "peak_worker_mib": [round(p / 2**20) for p in peaks],
        "events": report.events,
        "stories": report.stories,
        "steps": report.steps,
        "driver_peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "timeline": timeline_json(db),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--engines", default="local1,local2,ray")
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--words", type=int, default=600, help="words per article")
    parser.add_argument("--copies", type=float, default=0.2, help="share of reprints")
    parser.add_argument("--json", type=Path, default=None, help="also write the rows here")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="storyline-ray-bench-"))
    corpus = work / f"synth{args.n}-{args.words}w-{args.copies}c"
    if not corpus.exists():
        synth_module().synthesize(corpus, args.n, words=args.words, copies=args.copies)
    rows = []
    for engine in args.engines.split(","):
        rows.append(_one(engine, corpus, work))
    base = {r["workers"]: r for r in rows if r["engine"].startswith("local")}
    same = len({r["timeline"] for r in rows}) == 1
    print(f"{'engine':8} {'docs':>6} {'seconds':>8} {'docs/s':>7} {'peak MiB/worker':>18} ratio")
    for r in rows:
        ref = base.get(r["workers"])
        ratio = f"{r['seconds'] / ref['seconds']:.2f}" if ref else "-"
        peaks = ",".join(map(str, r["peak_worker_mib"]))
        print(
            f"{r['engine']:8} {r['documents']:>6} {r['seconds']:>8} {r['docs_per_s']:>7} "
            f"{peaks:>18} {ratio}"
        )
    for r in rows:
        steps = ", ".join(f"{k} {v:.1f}" for k, v in r["steps"].items())
        print(f"{r['engine']:8} steps (s): {steps}; driver peak {r['driver_peak_mib']} MiB")
    print(
        f"timelines identical across engines: {same} ({rows[0]['events']} events, "
        f"{rows[0]['stories']} stories)"
    )
    if args.json:
        slim = [
            {**{k: v for k, v in r.items() if k != "timeline"},
             "timeline_sha256": hashlib.sha256(r["timeline"].encode()).hexdigest()}
            for r in rows
        ]  # fmt: skip
        args.json.write_text(
            json.dumps(
                {
                    "n": args.n,
                    "words": args.words,
                    "copies": args.copies,
                    "identical": same,
                    "rows": slim,
                },
                indent=1,
            )
        )
    shutil.rmtree(work / "shards", ignore_errors=True)


def _one(engine: str, corpus: Path, work: Path) -> dict[str, Any]:
    for suffix in ("", "-wal", "-shm"):
        (work / f"{engine}.db{suffix}").unlink(missing_ok=True)
    shutil.rmtree(work / "shards", ignore_errors=True)
    return run(engine, corpus, work)


if __name__ == "__main__":
    main()
