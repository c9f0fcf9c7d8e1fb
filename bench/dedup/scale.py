"""Throughput, peak memory and scaling of story clustering on synthetic articles.

Articles are ~500 words drawn (Zipf) from a 30,000-word vocabulary, in ~8
paragraphs; ~10% are variants of an earlier article (trim, extension, boilerplate,
light rewording, or contained excerpt). Prints docs/second, peak RSS, stories found,
and the recall of the planted variants (share that joined their source's story).

    .venv/bin/python bench/dedup/scale.py --n 100000 --path sqlite --workers 2
    .venv/bin/python bench/dedup/scale.py --curve 10000 30000 100000   # both paths

Generation of the synthetic text is inside the timed loop, in the worker processes
beside fingerprinting: article ``i`` is a pure function of ``i`` (``article``), so
workers generate disjoint ranges and a million articles never sit in memory at once.
The output separates the cost: ``generate_cpu_s`` and ``fingerprint_cpu_s`` are the
workers' summed wall seconds in each step (they include waiting for a core on a
shared machine), ``index_s`` the main process's seconds inside ``add_fingerprints``
(SQL, candidate planning, verification, union-find).
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import multiprocessing
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from multiprocessing.pool import AsyncResult
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from storyline.dedup import (  # noqa: E402
    Fingerprint,
    StoryConfig,
    cluster_fingerprints,
    fingerprint_many,
)
from storyline.store.story_index import StoryIndex  # noqa: E402

VOCAB = 30_000
BOILER = "Home | World | Politics | Economy\n\nSubscribe to our newsletter for the latest news"


_VOCAB: list[str] = []
_CDF: np.ndarray = np.zeros(0)


def _vocabulary(seed: int = 0) -> tuple[list[str], np.ndarray]:
    """The shared vocabulary and its Zipf CDF (built once per process, before forking)."""
    global _VOCAB, _CDF
    if not _VOCAB:
        rng = np.random.default_rng(seed)
        letters = np.array(list("abcdefghijklmnopqrstuvwxyz"))
        lengths = rng.integers(3, 10, VOCAB)
        _VOCAB = sorted({"".join(rng.choice(letters, n)) for n in lengths})
        weights = 1.0 / np.arange(1, len(_VOCAB) + 1) ** 1.05
        _CDF = np.cumsum(weights / weights.sum())
    return _VOCAB, _CDF


def _draw(rng: np.random.Generator, k: int) -> list[str]:
    vocab, cdf = _vocabulary()
    idx = np.searchsorted(cdf, rng.random(k)).clip(0, len(vocab) - 1)
    return [vocab[w] for w in idx.tolist()]


def _rng(i: int, seed: int) -> np.random.Generator:
    return np.random.Generator(np.random.PCG64([seed, i]))


def _original(i: int, seed: int) -> list[str]:
    """The 8 paragraphs (45-79 words each) of original article ``i``."""
    rng = _rng(i, seed)
    rng.random()  # the variant draw of ``_source``
    lengths = rng.integers(45, 80, 8)
    words = _draw(rng, int(lengths.sum()))
    bounds = np.concatenate(([0], np.cumsum(lengths))).tolist()
    return [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]


def _source(i: int, seed: int) -> int | None:
    """The original article that article ``i`` varies, or None when ``i`` is original.

    ~10% of articles vary one of the ~2,000 articles before them (a variant of a
    variant varies the same original), decided from ``i`` alone, so any range of the
    corpus can be generated independently (in worker processes).
    """
    while i > 0:
        rng = _rng(i, seed)
        if rng.random() >= 0.10:
            return i
        i = i - 1 - int(rng.integers(min(i, 2000)))
    return 0


def article(i: int, seed: int = 0) -> tuple[str, str, str | None]:
    """(doc id, text, id of the source it varies, or None) of article ``i``."""
    doc = f"d{i:07d}"
    src = _source(i, seed)
    if src == i:
        return doc, "\n\n".join(_original(i, seed)), None
    assert src is not None
    paras = _original(src, seed)
    rng = _rng(i, seed)
    rng.random()
    rng.integers(min(i, 2000))
    vocab, _ = _vocabulary()
    kind = int(rng.integers(5))
    if kind == 0:  # trim
        out = paras[: max(3, int(len(paras) * 0.7))]
    elif kind == 1:  # extension
        out = [*paras, " ".join(_draw(rng, 120))]
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
    return doc, "\n\n".join(out), f"d{src:07d}"


def articles(n: int, seed: int = 0) -> Iterator[tuple[str, str, str | None]]:
    """``article(i)`` for i < n."""
    return (article(i, seed) for i in range(n))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


Chunk = tuple[list[Fingerprint], dict[str, str], int, float, float]


def _generate_and_fingerprint(bounds: tuple[int, int]) -> Chunk:
    """Articles ``bounds[0]`` to ``bounds[1]``, fingerprinted; with generation and
    fingerprinting seconds measured apart (both run in the worker)."""
    t0 = time.perf_counter()
    items = [article(i) for i in range(*bounds)]
    t1 = time.perf_counter()
    fps = fingerprint_many([(d, t) for d, t, _ in items], StoryConfig())
    t2 = time.perf_counter()
    planted = {d: s for d, _, s in items if s is not None}
    words = sum(t.count(" ") + t.count("\n\n") + 1 for _, t, _ in items)
    return fps, planted, words, t1 - t0, t2 - t1


def fingerprinted(n: int, chunk: int, workers: int) -> Iterator[Chunk]:
    """Stream the corpus as fingerprinted chunks, in order; generation and fingerprinting
    run in ``workers`` processes (at most ``workers + 2`` chunks in flight, so memory
    stays bounded however far ahead the workers get)."""
    _vocabulary()
    ranges = [(a, min(a + chunk, n)) for a in range(0, n, chunk)]
    if workers <= 1:
        yield from map(_generate_and_fingerprint, ranges)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pending: collections.deque[AsyncResult[Chunk]] = collections.deque()
        for bounds in ranges:
            pending.append(pool.apply_async(_generate_and_fingerprint, (bounds,)))
            if len(pending) > workers + 1:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def run(args: argparse.Namespace) -> dict[str, object]:
    n, path, batch, workers = args.n, args.path, args.batch, args.workers
    planted: dict[str, str] = {}
    words = gen_s = fp_s = index_s = 0.0
    base_mb = _peak_mb()
    t0 = time.perf_counter()
    stream = fingerprinted(n, args.chunk, workers)

    def collect() -> Iterator[list[Fingerprint]]:
        nonlocal words, gen_s, fp_s
        pending: list[Fingerprint] = []
        done = 0
        for fps, chunk_planted, chunk_words, g, f in stream:
            planted.update(chunk_planted)
            words += chunk_words
            gen_s += g
            fp_s += f
            pending.extend(fps)
            if len(pending) >= batch:
                yield pending
                done += len(pending)
                pending = []
                if args.progress:
                    elapsed = time.perf_counter() - t0
                    print(
                        f"{done} docs {elapsed:.0f}s {done / elapsed:.0f} docs/s "
                        f"rss {_peak_mb():.0f} MB",
                        file=sys.stderr,
                        flush=True,
                    )
        if pending:
            yield pending

    if path == "memory":
        stories = cluster_fingerprints(itertools.chain.from_iterable(collect()))
        story_of = {m.document: s.id for s in stories for m in s.members}
        n_stories = len(stories)
        db_mb = 0.0
    else:
        tmp = tempfile.mkdtemp(prefix="dedup-bench-", dir=args.tmp)
        db = Path(tmp) / "index.sqlite"
        conn = sqlite3.connect(db)
        conn.execute(f"PRAGMA journal_mode = {args.journal}")
        conn.execute(f"PRAGMA synchronous = {args.synchronous}")
        conn.execute(f"PRAGMA cache_size = -{args.cache_mb * 1024}")  # page cache, KiB
        index = StoryIndex(conn, merge_every=args.merge_every)
        for fps in collect():
            t1 = time.perf_counter()
            index.add_fingerprints(fps)
            index_s += time.perf_counter() - t1
        story_of = dict(conn.execute("SELECT doc, story FROM story_doc"))
        n_stories = len(set(story_of.values()))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db_mb = sum(p.stat().st_size for p in Path(tmp).iterdir()) / 2**20
        conn.close()
        shutil.rmtree(tmp)
    elapsed = time.perf_counter() - t0
    found = sum(story_of[d] == story_of[s] for d, s in planted.items())
    return {
        "path": path,
        "n": n,
        "workers": workers,
        "batch": batch,
        "chunk": args.chunk,
        "cache_mb": args.cache_mb if path == "sqlite" else None,
        "merge_every": args.merge_every if path == "sqlite" else None,
        "journal": args.journal if path == "sqlite" else None,
        "synchronous": args.synchronous if path == "sqlite" else None,
        "words_per_doc": round(words / n),
        "seconds": round(elapsed, 1),
        "docs_per_s": round(n / elapsed),
        "generate_cpu_s": round(gen_s, 1),
        "fingerprint_cpu_s": round(fp_s, 1),
        "index_s": round(index_s, 1),
        "peak_rss_mb": round(_peak_mb()),
        "worker_peak_rss_mb": round(_children_peak_mb()),
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
    parser.add_argument("--batch", type=int, default=10_000, help="documents per add")
    parser.add_argument("--chunk", type=int, default=2_000, help="documents per worker task")
    parser.add_argument("--workers", type=int, default=2, help="generating/fingerprinting procs")
    parser.add_argument("--cache-mb", type=int, default=1024, help="SQLite page cache")
    parser.add_argument("--journal", default="WAL", help="SQLite journal_mode")
    parser.add_argument("--synchronous", default="NORMAL", help="SQLite synchronous")
    parser.add_argument("--merge-every", type=int, default=200_000, help="postings tier merge")
    parser.add_argument("--tmp", default=None, help="directory for the database")
    parser.add_argument("--progress", action="store_true", help="print progress to stderr")
    parser.add_argument("--curve", type=int, nargs="*", help="run each size, both paths")
    args = parser.parse_args()
    if args.curve:
        for n in args.curve:
            for path in ("memory", "sqlite"):
                cmd = [sys.executable, __file__, "--n", str(n), "--path", path]
                cmd += ["--workers", str(args.workers), "--batch", str(args.batch)]
                cmd += ["--chunk", str(args.chunk), "--cache-mb", str(args.cache_mb)]
                subprocess.run(cmd, check=True)
        return
    print(json.dumps(run(args)), flush=True)


if __name__ == "__main__":
    main()
