"""Throughput, peak memory and scaling of story clustering on synthetic articles.

Articles are ~500 words drawn (Zipf) from a 30,000-word vocabulary, in ~8
paragraphs; ~10% are variants of an earlier article (trim, extension, boilerplate,
light rewording, or contained excerpt). Prints docs/second, peak RSS, stories found,
and the recall of the planted variants (share that joined their source's story).

    .venv/bin/python bench/dedup/scale.py --n 100000 --path sqlite
    .venv/bin/python bench/dedup/scale.py --curve 10000 30000 100000   # both paths
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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

from storyline.dedup import StoryIndex, cluster  # noqa: E402

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
    weights /= weights.sum()
    recent: list[tuple[str, list[str]]] = []
    for i in range(n):
        doc = f"d{i:07d}"
        if recent and rng.random() < 0.10:
            src, paras = recent[int(rng.integers(len(recent)))]
            kind = int(rng.integers(5))
            if kind == 0:  # trim
                out = paras[: max(3, int(len(paras) * 0.7))]
            elif kind == 1:  # extension
                extra = rng.choice(len(vocab), 120, p=weights)
                out = [*paras, " ".join(vocab[w] for w in extra)]
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
            ids = rng.choice(len(vocab), int(rng.integers(45, 80)), p=weights)
            paras.append(" ".join(vocab[w] for w in ids))
        recent.append((doc, paras))
        if len(recent) > 2000:
            recent.pop(0)
        yield doc, "\n\n".join(paras), None


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int, path: str, batch: int) -> dict[str, object]:
    corpus = list(articles(n))
    planted = {doc: src for doc, _, src in corpus if src is not None}
    docs = [(doc, text) for doc, text, _ in corpus]
    words = sum(len(t.split()) for _, t in docs)
    base_mb = _peak_mb()
    t0 = time.perf_counter()
    if path == "memory":
        stories = cluster(docs)
        story_of = {m.document: s.id for s in stories for m in s.members}
        n_stories = len(stories)
        db_mb = 0.0
    else:
        tmp = tempfile.mkdtemp(prefix="dedup-bench-")
        db = Path(tmp) / "index.sqlite"
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -262144")  # 256 MB page cache
        index = StoryIndex(conn)
        for i in range(0, len(docs), batch):
            index.add_many(docs[i : i + batch])
        t_add = time.perf_counter() - t0
        story_of = dict(conn.execute("SELECT doc, story FROM story_doc"))
        n_stories = len(set(story_of.values()))
        db_mb = os.path.getsize(db) / 2**20
        conn.close()
    elapsed = time.perf_counter() - t0
    found = sum(story_of[d] == story_of[s] for d, s in planted.items())
    result: dict[str, object] = {
        "path": path,
        "n": n,
        "words_per_doc": round(words / n),
        "seconds": round(elapsed, 1),
        "docs_per_s": round(n / elapsed),
        "peak_rss_mb": round(_peak_mb()),
        "rss_before_mb": round(base_mb),
        "stories": n_stories,
        "planted_variants": len(planted),
        "variant_recall": round(found / max(1, len(planted)), 4),
    }
    if path == "sqlite":
        result["add_seconds"] = round(t_add, 1)
        result["db_mb"] = round(db_mb)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--path", choices=("memory", "sqlite"), default="sqlite")
    parser.add_argument("--batch", type=int, default=2000, help="documents per add_many")
    parser.add_argument("--curve", type=int, nargs="*", help="run each size, both paths")
    args = parser.parse_args()
    if args.curve:
        for n in args.curve:
            for path in ("memory", "sqlite"):
                cmd = [sys.executable, __file__, "--n", str(n), "--path", path]
                subprocess.run(cmd, check=True)
        return
    print(json.dumps(run(args.n, args.path, args.batch)), flush=True)


if __name__ == "__main__":
    main()
