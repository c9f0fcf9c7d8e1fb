"""Documents per second per core of ``storyline.timex.tag`` on ~600-word news documents.

Documents are synthesized from the seed articles: sentences shuffled across seeds,
with years, days and counts rewritten at random so that no two documents are alike
(no regex or tense cache can flatter the figure). One process, one core.

    .venv/bin/python bench/timex/speed.py [--docs 1000] [--repeat 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from storyline.timex import tag  # noqa: E402

_SENT = re.compile(r"(?<=[.!?])\s+")
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_DAY = re.compile(r"\b([1-9]|[12]\d)\b")


def sentences() -> list[str]:
    seeds = sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt"))
    if not seeds:
        raise SystemExit("error: no seed articles under tests/data/seeds")
    out: list[str] = []
    for path in seeds:
        text = " ".join(path.read_text(encoding="utf-8").split())
        out.extend(s for s in _SENT.split(text) if 4 <= len(s.split()) <= 80)
    return out


def synthesize(pool: list[str], n: int, words: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    docs = []
    for _ in range(n):
        parts: list[str] = []
        count = 0
        while count < words:
            s = rng.choice(pool)
            s = _YEAR.sub(lambda _m: str(rng.randint(1950, 2030)), s)
            s = _DAY.sub(lambda _m: str(rng.randint(1, 28)), s)
            parts.append(s)
            count += len(s.split())
        docs.append(" ".join(parts))
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    docs = synthesize(sentences(), args.docs, args.words)
    anchors = [f"20{i % 25:02d}-{i % 12 + 1:02d}-{i % 28 + 1:02d}" for i in range(len(docs))]
    tag(docs[0], anchors[0])  # import-time work out of the measurement
    runs = []
    found = 0
    for _ in range(args.repeat):
        t0 = time.process_time()
        found = sum(len(tag(d, a)) for d, a in zip(docs, anchors, strict=True))
        runs.append(time.process_time() - t0)
    runs.sort()
    cpu = runs[len(runs) // 2]  # the median run: the machine is shared and noisy
    words = sum(len(d.split()) for d in docs)
    result = {
        "documents": len(docs),
        "mean_words": round(words / len(docs)),
        "timexes": found,
        "cpu_seconds": round(cpu, 3),
        "docs_per_second_per_core": round(len(docs) / cpu, 1),
        "ms_per_document": round(1000 * cpu / len(docs), 3),
        "best_docs_per_second_per_core": round(len(docs) / runs[0], 1),
        "repeats": len(runs),
    }
    if args.json:
        print(json.dumps(result, indent=2, sort_keys=True))
    else:
        print(
            f"{result['documents']} documents of ~{result['mean_words']} words: "
            f"{result['docs_per_second_per_core']} docs/s per core "
            f"({result['ms_per_document']} ms/doc, median CPU time of {len(runs)} runs; "
            f"best {result['best_docs_per_second_per_core']}; {found} timexes)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
