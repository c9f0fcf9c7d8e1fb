"""Score an identity judgement: duplicate and fused lines, with 95% intervals.

    .venv/bin/python bench/identity/score.py --label before [--json]

Reads ``work/<label>/packet.jsonl`` (from ``sample.py``) for the drawn lines and
``judgements/<label>-<judge>.jsonl``; the first judge (in name order) gives the figures,
lines judged twice give the agreement (Cohen's kappa) on "has a duplicate" and "fused".
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from stats import wilson

HERE = Path(__file__).resolve().parent
JUDGEMENTS = HERE / "judgements"
WORK = HERE / "work"


def kappa(pairs: list[tuple[bool, bool]]) -> float:
    n = len(pairs)
    if n == 0:
        return math.nan
    agree = sum(a == b for a, b in pairs) / n
    pa = sum(a for a, _ in pairs) / n
    pb = sum(b for _, b in pairs) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if chance == 1 else (agree - chance) / (1 - chance)


def _load(path: Path) -> dict[str, dict[str, Any]]:
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return {r["line"]: r for r in rows}


def score(label: str) -> dict[str, Any]:
    lines = [
        json.loads(x)["line"]
        for x in (WORK / label / "packet.jsonl").read_text(encoding="utf-8").splitlines()
        if x.strip()
    ]
    judges = [_load(p) for p in sorted(JUDGEMENTS.glob(f"{label}-*.jsonl"))]
    if not judges:
        raise SystemExit(f"no judgements/{label}-*.jsonl")
    first = judges[0]
    judged = [first[x] for x in lines if x in first]
    dup = sum(bool(j["duplicates"]) for j in judged)
    fused = sum(j["fused"] == "yes" for j in judged)
    out: dict[str, Any] = {
        "label": label,
        "lines": len(lines),
        "judged": len(judged),
        "duplicate": (*wilson(dup, len(judged)), dup),
        "fused": (*wilson(fused, len(judged)), fused),
    }
    for other in judges[1:]:
        both = [x for x in lines if x in first and x in other]
        out["double_judged"] = len(both)
        out["kappa_duplicate"] = kappa(
            [(bool(first[x]["duplicates"]), bool(other[x]["duplicates"])) for x in both]
        )
        out["agree_duplicate"] = sum(
            bool(first[x]["duplicates"]) == bool(other[x]["duplicates"]) for x in both
        ) / max(1, len(both))
        out["agree_fused"] = sum(first[x]["fused"] == other[x]["fused"] for x in both) / max(
            1, len(both)
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--label", required=True)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    r = score(args.label)
    if args.json:
        print(json.dumps(r, indent=2))
        return
    print(f"## identity, {r['label']}: {r['judged']}/{r['lines']} lines judged")
    for k in ("duplicate", "fused"):
        p, lo, hi, n = r[k]
        print(f"* {k}: {n}/{r['judged']} = {p:.2f} [{lo:.2f}, {hi:.2f}]")
    if "double_judged" in r:
        print(
            f"* double-judged {r['double_judged']}: agreement on duplicate"
            f" {r['agree_duplicate']:.2f} (kappa {r['kappa_duplicate']:.2f}),"
            f" on fused {r['agree_fused']:.2f}"
        )


if __name__ == "__main__":
    main()
