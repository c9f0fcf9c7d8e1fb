"""Compare two builds of one split on the lines already judged: what a change removed,
altered or kept, and the usable share before and after on those lines.

    .venv/bin/python bench/realtext/paired.py --old s5k --new s6a --split dev

Redrawing a sample after a change redraws most of it (the sample is a random draw over
the whole timeline), so two samples differ by chance as much as by the change. This
pairs the lines instead: every line of the old build's timeline that has a judgement
is looked up in the new build by its judging key (kept), else by its trigger's place
(changed: the same trigger coded differently, judged or not), else it is gone. Lines
new in the new build at a trigger the old one did not code are counted, not judged.
Use it on ``dev`` to decide a change; ``test`` is measured by ``score.py`` only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import SPLIT_NAMES, corpora_of
from sample import items
from score import judgements, usable, verdict


def _place(it: dict[str, Any]) -> tuple[str, str, str, str]:
    return (it["corpus"], it["file"], it["sentence"], it["trigger"])


def compare(old: str, new: str, split: str) -> dict[str, Any]:
    judged = judgements()
    before = [it for c in corpora_of(split) for it in items(old, split, c)]
    after = [it for c in corpora_of(split) for it in items(new, split, c)]
    keys = {it["key"] for it in after}
    places: dict[tuple[str, str, str, str], list[dict[str, Any]]] = {}
    for it in after:
        places.setdefault(_place(it), []).append(it)
    old_places = {_place(it) for it in before}
    out: dict[str, Any] = {"kept": [0, 0], "gone": [0, 0], "changed": [0, 0, 0], "lines": []}
    for it in before:
        if it["key"] not in judged:
            continue
        ok = usable(verdict(judged[it["key"]]))
        if it["key"] in keys:
            out["kept"][0] += 1
            out["kept"][1] += ok
            continue
        twins = places.get(_place(it), [])
        if twins:
            new_ok = [usable(verdict(judged[t["key"]])) for t in twins if t["key"] in judged]
            out["changed"][0] += 1
            out["changed"][1] += ok
            out["changed"][2] += sum(new_ok) if len(new_ok) == len(twins) else -1
            out["lines"].append(("changed", ok, it, twins))
        else:
            out["gone"][0] += 1
            out["gone"][1] += ok
            out["lines"].append(("gone", ok, it, []))
    out["new_places"] = sum(1 for it in after if _place(it) not in old_places)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--old", required=True)
    ap.add_argument("--new", required=True)
    ap.add_argument("--split", default="dev", choices=SPLIT_NAMES)
    ap.add_argument("--lines", action="store_true", help="print every gone or changed line")
    args = ap.parse_args()
    r = compare(args.old, args.new, args.split)
    kept, gone, changed = r["kept"], r["gone"], r["changed"]
    n_old = kept[0] + gone[0] + changed[0]
    print(f"judged lines of {args.old}: {n_old}, usable {kept[1] + gone[1] + changed[1]}")
    print(f"  kept {kept[0]} (usable {kept[1]}), gone {gone[0]} (usable {gone[1]}),")
    print(f"  changed {changed[0]} (usable before {changed[1]}, after {changed[2]}; -1 = unjudged)")
    print(f"  lines at triggers {args.old} did not code: {r['new_places']}")
    if args.lines:
        for what, ok, it, twins in r["lines"]:
            mark = "OK" if ok else "--"
            head = f"{what:7} {mark} {it['type']} {it['trigger']!r} {it['date']}"
            print(f"{head} | {it['sentence'][:140]}")
            for t in twins:
                print(f"        -> {t['type']} {t['date']} {t['modality']}")


if __name__ == "__main__":
    main()
