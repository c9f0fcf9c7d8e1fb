"""Time per KB of hostile lines through the raw-text steps, against plain English.

    .venv/bin/python bench/ingest/linear.py [--sizes 20000 40000 80000]

Each text is one line of a repeated unit (CJK without spaces, digits, clock times,
dates, punctuation, word characters without "@", digits glued to a unit); the steps
are what a build runs on raw text before spaCy: the cleaner, the publication-date
finder, the temporal tagger.
A linear step keeps its ms/KB flat as the size doubles; a quadratic one doubles it.
Prints a Markdown table (best of two runs per cell).
"""

from __future__ import annotations

import argparse
import time

from storyline.ingest.cleaning import clean_text
from storyline.ingest.dates import find_dates
from storyline.timex import tag

UNITS = {
    "plain English": "The minister said on Tuesday that the talks went well. ",
    "CJK, no spaces": "中国外交部发言人表示",
    "digits": "1234567890",
    "clock times": "10:30 ",
    "dates": "12.03.2021 ",
    "punctuation": ".-.-/..",
    "word characters": "abcdefghij",
    "digits glued to a unit": "1day",
}


def _ms_per_kb(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        clean_text(text)
        find_dates(text)
        tag(text, "2021-03-25")
        best = min(best, time.perf_counter() - t0)
    return 1000 * best / (len(text) / 1000)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[20_000, 40_000, 80_000])
    args = ap.parse_args()
    print("| text | " + " | ".join(f"ms/KB at {n // 1000} KB" for n in args.sizes) + " |")
    print("|---|" + "---|" * len(args.sizes))
    for name, unit in UNITS.items():
        cells = [_ms_per_kb((unit * (n // len(unit) + 1))[:n]) for n in args.sizes]
        print(f"| {name} | " + " | ".join(f"{c:.3f}" for c in cells) + " |")


if __name__ == "__main__":
    main()
