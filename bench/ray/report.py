"""Markdown tables from ``compare.py --json`` files: one row per engine and size.

.venv/bin/python bench/ray/report.py /tmp/raybench/10k_*.json /tmp/raybench/100k_*.json
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

_WORKERS = {"local1": 1, "local2": 2, "ray": 2}
_STEPS = ("read", "prepare", "stories", "analyse", "store", "merge")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()
    by_size: dict[int, list[dict[str, Any]]] = defaultdict(list)
    meta: dict[int, dict[str, Any]] = {}
    for path in args.files:
        data = json.loads(path.read_text())
        meta[data["n"]] = data
        by_size[data["n"]].extend(data["rows"])
    print(
        "| documents | words | engine | seconds | docs/s | docs/s per core "
        "| peak RSS per worker (MiB) | driver peak (MiB) | time vs local, 2 workers |"
    )
    print("|---:|---:|---|---:|---:|---:|---|---:|---:|")
    for n in sorted(by_size):
        rows = sorted(by_size[n], key=lambda r: list(_WORKERS).index(r["engine"]))
        base = next((r for r in rows if r["engine"] == "local2"), None)
        for r in rows:
            ratio = f"{r['seconds'] / base['seconds']:.2f}" if base else "-"
            per_core = r["docs_per_s"] / _WORKERS[r["engine"]]
            print(
                f"| {r['documents']:,} | {meta[n]['words']} | {r['engine']} | {r['seconds']:,} "
                f"| {r['docs_per_s']} | {per_core:.2f} "
                f"| {', '.join(map(str, r['peak_worker_mib']))} | {r['driver_peak_mib']:,} "
                f"| {ratio} |"
            )
    print()
    print("| documents | engine | " + " | ".join(_STEPS) + " |")
    print("|---:|---|" + "---:|" * len(_STEPS))
    for n in sorted(by_size):
        for r in by_size[n]:
            cells = " | ".join(f"{r['steps'].get(s, 0):.1f}" for s in _STEPS)
            print(f"| {r['documents']:,} | {r['engine']} | {cells} |")
    print()
    for n in sorted(by_size):
        shas = {r["engine"]: r["timeline_sha256"][:12] for r in by_size[n]}
        same = len(set(shas.values())) == 1
        events = by_size[n][0]["events"]
        stories = by_size[n][0]["stories"]
        print(
            f"- {n:,} documents: timeline identical across {', '.join(shas)}: **{same}** "
            f"({events:,} events, {stories:,} stories; sha256 {', '.join(shas.values())})"
        )


if __name__ == "__main__":
    main()
