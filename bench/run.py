"""End-to-end throughput and memory: `make bench`.

Builds synthetic corpora (bench/synth.py) with the local engine and reports
documents/second and peak memory (the parent and its worker processes), next
to the bare spaCy throughput on the same texts, so the share of time spent
outside spaCy is visible. Usage: python bench/run.py [--sizes 1000 10000]
[--workers N].
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import synthesize  # noqa: E402


def _spacy_rate(files: list[Path], limit: int = 300) -> float:
    from storyline.ingest import clean_text
    from storyline.nlp.spacy_pipeline import load_pipeline

    nlp = load_pipeline(None)
    texts = [clean_text(f.read_text(encoding="utf-8")).text for f in files[:limit]]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return len(texts) / (time.perf_counter() - start)


def _build(corpus: Path, workers: int) -> dict[str, float]:
    db = corpus.parent / "bench.db"
    cmd = [sys.executable, "-m", "storyline.cli", "build", str(corpus), "--db", str(db),
           "--workers", str(workers), "--quiet", "--format", "json"]  # fmt: skip
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode:
        sys.exit(f"build failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    seconds = time.perf_counter() - start
    report = json.loads(proc.stdout)
    peak_children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "documents": report["new"],
        "seconds": round(seconds, 1),
        "docs_per_second": round(report["new"] / seconds, 2),
        "peak_rss_mb_largest_process": round(peak_children_mb, 1),
        "events": report["events"],
        "db_mb": round(db.stat().st_size / 2**20, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    results = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = synthesize(Path(tmp) / "corpus", n)
            files = sorted(corpus.glob("*.txt"))
            row = {"size": n, "workers": args.workers, **_build(corpus, args.workers)}
            row["bare_spacy_docs_per_second_1_core"] = round(_spacy_rate(files), 2)
            results.append(row)
            print(json.dumps(row), flush=True)
    print("| documents | workers | seconds | docs/s | peak RSS MB (largest process) | "
          "bare spaCy docs/s (1 core) | events |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['size']} | {r['workers']} | {r['seconds']} | {r['docs_per_second']} | "
              f"{r['peak_rss_mb_largest_process']} | {r['bare_spacy_docs_per_second_1_core']} | "
              f"{r['events']} |")  # fmt: skip


if __name__ == "__main__":
    main()
