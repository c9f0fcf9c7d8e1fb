"""Throughput, peak memory and scaling of story clustering on synthetic articles.

Articles are ~500 words drawn (Zipf) from a 30,000-word vocabulary, in ~8
paragraphs; ~10% are variants of an earlier article (trim, extension, boilerplate,
light rewording, or contained excerpt). Prints docs/second, peak RSS, stories found,
and the recall of the planted variants (share that joined their source's story).

    .venv/bin/python bench/dedup/scale.py --n 100000 --path sqlite --workers 2
    .venv/bin/python bench/dedup/scale.py --curve 10000 30000 100000   # both paths

Generation of the synthetic text is inside the timed loop (it is streamed, so a
million articles never sit in memory at once); it costs ~0.3 ms per article.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from storyline.dedup import (  # noqa: E402
    Fingerprint,
    StoryConfig,
    StoryIndex,
    cluster_fingerprints,
    fingerprint_many,
)

VOCAB = 30_000
BOILER = "Home | World | Politics | Economy\n\nSubscribe to our newsletter for the latest news"


def _vocabulary(rng: np.random.Generator) -> list[str]:
    letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
    lengths = rng.integers(3, 10, VOCAB)
    return sorted({"".join(rng.choice(letters, n)) for n in lengths})


def articles(n: int, seed: int = 0) -> Iterator[tuple[str, str, str | None]]:
    """(doc id, text, id of the source it varies, or None) for ``n`` articles."""
    rng = np.random.default_rng(seed)
    vocab = _vocabulary(rng)
    weights = 1.0 / np.arange(1, len(vocab) + 1) ** 1.05
    cdf = np.cumsum(weights / weights.sum())

    def draw(k: int) -> list[str]:
        return [vocab[w] for w in np.searchsorted(cdf, rng.random(k)).clip(0, len(vocab) - 1)]

    recent: list[tuple[str, list[str]]] = []
    for i in range(n):
        doc = f"d{i:07d}"
        if recent and rng.random() < 0.10:
            src, paras = recent[int(rng.integers(len(recent)))]
            kind = int(rng.integers(5))
            if kind == 0:  # trim
                out = paras[: max(3, int(len(paras) * 0.7))]
            elif kind == 1:  # extension
                out = [*paras, " ".join(draw(120))]
            elif kind == 2:  # re-scrape with boilerplate
                out = [BOILER, *paras, "Share this article"]
            elif kind == 3:  # light rewording: 4% of words replaced
                out = []
                for p in paras:
                    words = p.split(" ")
                    for j in rng.choice(len(words), max(1, len(words) // 25), replace=False):
                        words[j] = vocab[int(rng.integers(len(vocab)))]
                    out.append(" ".join(words))
            else:  # contained excerpt: 3 paragraphs of the source
                start = int(rng.integers(0, max(1, len(paras) - 3)))
                out = paras[start : start + 3]
            yield doc, "\n\n".join(out), src
            continue
        paras = []
        for _ in range(8):
            paras.append(" ".join(draw(int(rng.integers(45, 80)))))
        recent.append((doc, paras))
        if len(recent) > 2000:
            recent.pop(0)
        yield doc, "\n\n".join(paras), None


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _fingerprint(batch: list[tuple[str, str]]) -> list[Fingerprint]:
    return fingerprint_many(batch, StoryConfig())


def fingerprinted(
    n: int, batch: int, workers: int, planted: dict[str, str], words: list[int]
) -> Iterator[list[Fingerprint]]:
    """Stream the corpus as fingerprinted batches (in ``workers`` processes if > 1)."""

    def batches() -> Iterator[list[tuple[str, str]]]:
        chunk: list[tuple[str, str]] = []
        for doc, text, src in articles(n):
            if src is not None:
                planted[doc] = src
            words[0] += text.count(" ") + text.count("\n\n") + 1
            chunk.append((doc, text))
            if len(chunk) == batch:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    if workers <= 1:
        yield from map(_fingerprint, batches())
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        group: list[list[tuple[str, str]]] = []
        for chunk in batches():
            group.append(chunk)
            if len(group) == 2 * workers:
                yield from pool.map(_fingerprint, group)
                group = []
        if group:
            yield from pool.map(_fingerprint, group)


def run(n: int, path: str, batch: int, workers: int, cache_mb: int) -> dict[str, object]:
    planted: dict[str, str] = {}
    words = [0]
    base_mb = _peak_mb()
    t0 = time.perf_counter()
    stream = fingerprinted(n, batch, workers, planted, words)
    if path == "memory":
        stories = cluster_fingerprints(itertools.chain.from_iterable(stream))
        story_of = {m.document: s.id for s in stories for m in s.members}
        n_stories = len(stories)
        db_mb = 0.0
    else:
        tmp = tempfile.mkdtemp(prefix="dedup-bench-")
        db = Path(tmp) / "index.sqlite"
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute(f"PRAGMA cache_size = -{cache_mb * 1024}")  # page cache, KiB
        index = StoryIndex(conn)
        for fps in stream:
            index.add_fingerprints(fps)
        story_of = dict(conn.execute("SELECT doc, story FROM story_doc"))
        n_stories = len(set(story_of.values()))
        db_mb = os.path.getsize(db) / 2**20
        conn.close()
        shutil.rmtree(tmp)
    elapsed = time.perf_counter() - t0
    found = sum(story_of[d] == story_of[s] for d, s in planted.items())
    return {
        "path": path,
        "n": n,
        "workers": workers,
        "batch": batch,
        "cache_mb": cache_mb if path == "sqlite" else None,
        "words_per_doc": round(words[0] / n),
        "seconds": round(elapsed, 1),
        "docs_per_s": round(n / elapsed),
        "peak_rss_mb": round(_peak_mb()),
        "rss_before_mb": round(base_mb),
        "stories": n_stories,
        "planted_variants": len(planted),
        "variant_recall": round(found / max(1, len(planted)), 4),
        "db_mb": round(db_mb),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--path", choices=("memory", "sqlite"), default="sqlite")
    parser.add_argument("--batch", type=int, default=2000, help="documents per add_many")
    parser.add_argument("--workers", type=int, default=1, help="fingerprinting processes")
    parser.add_argument("--cache-mb", type=int, default=256, help="SQLite page cache")
    parser.add_argument("--curve", type=int, nargs="*", help="run each size, both paths")
    args = parser.parse_args()
    if args.curve:
        for n in args.curve:
            for path in ("memory", "sqlite"):
                cmd = [sys.executable, __file__, "--n", str(n), "--path", path]
                cmd += ["--workers", str(args.workers), "--batch", str(args.batch)]
                cmd += ["--cache-mb", str(args.cache_mb)]
                subprocess.run(cmd, check=True)
        return
    print(json.dumps(run(args.n, args.path, args.batch, args.workers, args.cache_mb)), flush=True)


if __name__ == "__main__":
    main()
