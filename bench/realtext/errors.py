"""List a build's judged timeline lines that fail a criterion, with the judge's note: the
reading list for the next rule. Dev and calib only; the test split is never read line
by line (its errors must not steer the rules).

    .venv/bin/python bench/realtext/errors.py --label s7m5 --split calib --why actor
    .venv/bin/python bench/realtext/errors.py --label s7m5 --split dev --summary

``--why``: ``type`` (not a real event of that type), ``actor`` (a wrong side), ``date``,
``modality``, ``sides`` (real, nothing wrong, but no side right) or ``usable`` (the
usable lines, to see what a rule must keep). ``--summary`` counts the first reason each
unusable line fails, per corpus.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpora import corpora_of
from sample import items
from score import judgements, usable, verdict, wrong_actor


def reason(j: dict[str, Any]) -> str:
    """The first criterion the line fails, in the order a reader notices them."""
    if j["type"] != "yes":
        return "type"
    if wrong_actor(j):
        return "actor"
    if j["date"] != "right":
        return "date"
    if j["modality"] != "right":
        return "modality"
    if not usable(j):
        return "sides"
    return "usable"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--label", required=True)
    ap.add_argument("--split", choices=("dev", "calib", "fresh", "fresh2", "fresh6"), required=True)
    ap.add_argument("--why", choices=("type", "actor", "date", "modality", "sides", "usable"))
    ap.add_argument("--corpus")
    ap.add_argument("--summary", action="store_true")
    args = ap.parse_args()
    judged = judgements()
    rows = []
    for corpus in corpora_of(args.split):
        if args.corpus and corpus != args.corpus:
            continue
        for it in items(args.label, args.split, corpus):
            js = judged.get(it["key"])
            if js:
                rows.append((it, verdict(js)))
    if args.summary:
        per: dict[str, Counter[str]] = {}
        for it, j in rows:
            per.setdefault(it["corpus"], Counter())[reason(j)] += 1
        for corpus, counts in sorted(per.items()):
            total = sum(counts.values())
            shown = ", ".join(f"{k} {v}" for k, v in counts.most_common())
            print(f"{corpus} ({total}): {shown}")
        return
    for it, j in rows:
        if args.why and reason(j) != args.why:
            continue
        print(
            f"[{it['key']}] {it['type']}/{it.get('mode') or '-'} {it['modality']} "
            f"conf={it.get('confidence')} src={it['source']} tgt={it['target']} "
            f"date={it['date']} ({it['date_source']})"
        )
        print(
            f"   judge: { ({k: j[k] for k in ('type', 'source', 'target', 'date', 'modality')}) }"
        )
        if j.get("note"):
            print(f"   note: {j['note']}")
        print(f"   {it['file']} | {it['title']} | pub {it['published']}")
        print(f"   trigger '{it['trigger']}': {it['sentence'][:400]}")
        print()


if __name__ == "__main__":
    main()
