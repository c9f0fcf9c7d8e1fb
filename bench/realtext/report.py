"""Print the Markdown table of bench/RESULTS.md's "events on real text" section.

.venv/bin/python bench/realtext/report.py --label baseline --label final
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import recall
import score

ROWS = (
    ("type right", "type_right"),
    ("**usable as a timeline line**", "usable"),
    ("wrong actor (of real events)", "wrong_actor_of_real"),
    ("both sides right (of real events)", "both_sides_right_of_real"),
    ("date right (of real events)", "date_right_of_real"),
    ("modality right (of real events)", "modality_right_of_real"),
)


def cell(m: dict[str, float]) -> str:
    return f"{m['p']:.2f} [{m['lo']:.2f}, {m['hi']:.2f}] ({m['k']}/{m['n']})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--label", action="append", required=True)
    ap.add_argument("--split", default="test", choices=("dev", "test"))
    args = ap.parse_args()
    results = {label: score.score(label, args.split) for label in args.label}
    print("| criterion | " + " | ".join(args.label) + " |")
    print("|---|" + "---|" * len(args.label))
    for name, key in ROWS:
        cells = " | ".join(cell(results[lb]["all"][key]) for lb in args.label)
        print(f"| {name} | {cells} |")
    conf = " | ".join(cell(results[lb]["confidence>=0.7"]["usable"]) for lb in args.label)
    print(f"| usable, confidence ≥ 0.7 | {conf} |")
    cells = []
    for label in args.label:
        r = recall.score(label, args.split)
        k, n = r["type"], r["gold_events"]
        p, lo, hi = score.wilson(k, n)
        cells.append(f"{p:.2f} [{lo:.2f}, {hi:.2f}] ({k}/{n})")
    print("| recall of clear events (type) | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
