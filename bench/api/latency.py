"""Latency of the HTTP API on a large store, idle and under a bounded second load.

Starts the real server (``storyline serve``, uvicorn) on 127.0.0.1 as a
subprocess, then times requests from this process, first alone and then while a
second process (this script with ``--load``) fires a fixed number of requests at
the same server. Everything stays on the loopback interface; the load is bounded
in count and in time.

    .venv/bin/python bench/api/latency.py --events 100000

The store (``bench/out/api_events<N>.db``) is made once by
``bench/make_event_store.py`` and reused.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def scenarios(db: Path) -> list[tuple[str, str]]:
    """Requests worth timing, with actors and a dyad taken from the store itself."""
    from storyline.store.sqlite import SQLiteStore
    from storyline.timeline.relations import top_dyads

    with SQLiteStore(db, read_only=True) as store:
        (country,) = store.conn.execute(
            "SELECT country FROM event_actors WHERE country IS NOT NULL"
            " GROUP BY country ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
        dyad = top_dyads(store, limit=1)[0]
        total = store.counts()["events"]
    a, b = dyad["a"]["code"], dyad["b"]["code"]
    return [
        ("timeline, first page (100)", "/api/timeline?limit=100"),
        ("timeline, page at offset total/2", f"/api/timeline?limit=100&offset={total // 2}"),
        (f"timeline, actor={country}", f"/api/timeline?actor={country}&limit=100"),
        (f"timeline, between={a},{b}", f"/api/timeline?between={a},{b}&limit=100"),
        ("timeline, type+year", "/api/timeline?type=ASSAULT&from=2015&to=2015&limit=100"),
        ("timeline, top=20", "/api/timeline?top=20"),
        ("search 'talks'", "/api/search?q=talks&limit=20"),
        ("search 'refugees AND talks'", "/api/search?q=refugees%20AND%20talks&limit=20"),
        ("timeline page (HTML)", "/timeline?limit=100"),
    ]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def describe(r: httpx.Response) -> str:
    """What a response held: hits of a search, events on the page / total of a timeline."""
    if not r.headers["content-type"].startswith("application/json"):
        return f"{len(r.content) / 1000:.0f} kB HTML"
    body = r.json()
    if isinstance(body, list):
        return f"{len(body)} hits"
    return f"{len(body['events'])} of {body['total']:,}"


def time_requests(client: httpx.Client, path: str, n: int) -> dict[str, Any]:
    first = client.get(path)  # warm up (page cache, first JSON decode)
    first.raise_for_status()
    ms = []
    for _ in range(n):
        t0 = time.perf_counter()
        r = client.get(path)
        ms.append((time.perf_counter() - t0) * 1000)
        r.raise_for_status()
    return {"p50": statistics.median(ms), "p95": percentile(ms, 95), "got": describe(first)}


def run_load(base: str, count: int, deadline: float, paths: list[str]) -> None:
    """The second process: ``count`` requests round-robin, stopping at ``deadline`` s."""
    import signal

    def stop_now(*_: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop_now)  # the parent ends the load when its timings end
    stop = time.monotonic() + deadline
    done = errors = 0
    t0 = time.monotonic()
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            while done < count and time.monotonic() < stop:
                try:
                    client.get(paths[done % len(paths)]).raise_for_status()
                except httpx.HTTPError:
                    errors += 1
                done += 1
    except KeyboardInterrupt:
        pass
    rate = done / max(time.monotonic() - t0, 1e-9)
    print(f"load process: {done} requests ({rate:.1f}/s), {errors} errors", flush=True)


def wait_up(base: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    stop = time.monotonic() + timeout
    while time.monotonic() < stop:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with code {proc.returncode}")
        try:
            if httpx.get(base + "/api/stories", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit(f"server at {base} did not answer within {timeout:.0f} s")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--events", type=int, default=100_000)
    p.add_argument("--db", type=Path, default=None)
    p.add_argument("--requests", type=int, default=40, help="timed requests per scenario")
    p.add_argument("--load-requests", type=int, default=3000, help="requests of the 2nd process")
    p.add_argument("--load-seconds", type=float, default=300, help="time bound of the 2nd process")
    p.add_argument("--load", default=None, help=argparse.SUPPRESS)  # internal: be the load
    p.add_argument("--paths", nargs="*", default=[], help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.load:
        run_load(args.load, args.load_requests, args.load_seconds, args.paths)
        return

    db = args.db or ROOT / "bench" / "out" / f"api_events{args.events}.db"
    if not db.exists():
        from make_event_store import make_event_store

        db.parent.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        make_event_store(db, args.events)
        print(f"made {db} in {time.perf_counter() - t0:.0f} s", flush=True)
    cases = scenarios(db)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    storyline = Path(sys.executable).with_name("storyline")
    server = subprocess.Popen(
        [str(storyline), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port), "-q"]
    )
    results: dict[str, dict[str, dict[str, Any]]] = {}
    load: subprocess.Popen[bytes] | None = None
    try:
        wait_up(base, server)
        with httpx.Client(base_url=base, timeout=60) as client:
            for label, path in cases:
                results.setdefault(label, {})["idle"] = time_requests(client, path, args.requests)
            load_paths = [path for _, path in cases if "offset" not in path]
            load = subprocess.Popen(
                [sys.executable, __file__, "--load", base, "--load-requests",
                 str(args.load_requests), "--load-seconds", str(args.load_seconds),
                 "--paths", *load_paths],
            )  # fmt: skip
            time.sleep(1.0)
            for label, path in cases:
                results[label]["loaded"] = time_requests(client, path, args.requests)
            if load.poll() is not None:
                print("warning: the load process finished before the loaded timings did")
    finally:
        if load is not None:
            load.terminate()
            load.wait(timeout=30)
        server.terminate()
        server.wait(timeout=30)
    report(db, cases, results, args)


def report(db: Path, cases: list[tuple[str, str]], results: dict[str, Any], args: Any) -> None:
    from storyline.store.sqlite import SQLiteStore

    with SQLiteStore(db, read_only=True) as store:
        counts = store.counts()
    size = db.stat().st_size / 1e6
    print(
        f"\nstore: {db.name}, {counts['events']:,} events, {counts['documents']:,} documents,"
        f" {size:.0f} MB; {args.requests} timed requests per row; load: 1 process,"
        f" up to {args.load_requests} requests; cores: {os.cpu_count()}"
    )
    print("\n| request | result | idle p50 ms | idle p95 ms | loaded p50 ms | loaded p95 ms |")
    print("|---|---|---:|---:|---:|---:|")
    for label, path in cases:
        idle, loaded = results[label]["idle"], results[label]["loaded"]
        print(
            f"| {label} (`{path}`) | {idle['got']} | {idle['p50']:.1f} | {idle['p95']:.1f} |"
            f" {loaded['p50']:.1f} | {loaded['p95']:.1f} |"
        )


if __name__ == "__main__":
    main()
