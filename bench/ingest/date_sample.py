"""Draw the fixed page sample for the publication-date benchmark.

    .venv/bin/python bench/ingest/date_sample.py [--n 120] [--seed 16]

Pages come from ``../shared/realpages/pages`` (never htmldate's evaluation pages).
The sample is shuffled with a fixed seed and split alternately into ``dev`` (tune
on it) and ``test`` (report only). Writes ``bench/ingest/date_sample.json``:
file names only, no page text.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT.parent / "shared" / "realpages" / "pages"
OUT = Path(__file__).with_name("date_sample.json")


def draw(n: int, seed: int) -> dict[str, list[str]]:
    """``{"dev": [...], "test": [...]}``: ``n`` page names, half each."""
    names = sorted(p.name for p in PAGES.glob("page_*.html"))
    picked = random.Random(seed).sample(names, n)
    return {"dev": sorted(picked[0::2]), "test": sorted(picked[1::2])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=120)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    if not PAGES.is_dir():
        raise SystemExit(f"{PAGES} is missing")
    sample = draw(args.n, args.seed)
    OUT.write_text(json.dumps({"seed": args.seed, **sample}, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: dev {len(sample['dev'])}, test {len(sample['test'])}")


if __name__ == "__main__":
    main()
