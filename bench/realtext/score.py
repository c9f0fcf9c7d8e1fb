"""Score a build's judged event sample: the rubric's criteria with 95% intervals.

    .venv/bin/python bench/realtext/score.py --label baseline --split test [--json]

Reads ``work/<label>/sample-<split>.jsonl`` (made by ``sample.py``) and every judgement in
``judgements/*.jsonl``. An event judged twice counts with its first judge's labels (files
in name order); one judged three times or more, with each criterion's majority label
(a tie goes to the first judge: ``verdict``); the items judged at least twice give the
agreement between the first two judges. Proportions
come with Wilson 95% intervals. ``usable`` is computed as RUBRIC.md defines it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpora import SPLIT_NAMES, WORK, corpora_of
from sample import JUDGEMENTS, items

from stats import wilson

CRITERIA = ("type", "source", "target", "date", "modality")


def judgements() -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for path in sorted(JUDGEMENTS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                j = json.loads(line)
                out[j["key"]].append(j)
    return out


def verdict(js: list[dict[str, Any]]) -> dict[str, Any]:
    """The labels an event counts with: its first judge's, or with three judges or more
    each criterion's most frequent label (ties to the first judge's)."""
    if len(js) < 3:
        return js[0]
    out = dict(js[0])
    for crit in CRITERIA:
        labels = [j[crit] for j in js]
        out[crit] = max(labels, key=lambda v: (labels.count(v), v == js[0][crit]))
    return out


def usable(j: dict[str, Any]) -> bool:
    sides = (j["source"], j["target"])
    return (
        j["type"] == "yes"
        and j["date"] == "right"
        and j["modality"] == "right"
        and "wrong" not in sides
        and "right" in sides
    )


def wrong_actor(j: dict[str, Any]) -> bool:
    return "wrong" in (j["source"], j["target"])


def _share(items: list[dict[str, Any]], test: Any) -> dict[str, Any]:
    k = sum(1 for j in items if test(j))
    p, lo, hi = wilson(k, len(items))
    return {"k": k, "n": len(items), "p": round(p, 3), "lo": round(lo, 3), "hi": round(hi, 3)}


def metrics(items: list[dict[str, Any]]) -> dict[str, Any]:
    real = [j for j in items if j["type"] == "yes"]
    return {
        "type_right": _share(items, lambda j: j["type"] == "yes"),
        "usable": _share(items, usable),
        "wrong_actor_of_real": _share(real, wrong_actor),
        "both_sides_right_of_real": _share(
            real, lambda j: j["source"] == "right" and j["target"] == "right"
        ),
        "date_right_of_real": _share(real, lambda j: j["date"] == "right"),
        "modality_right_of_real": _share(real, lambda j: j["modality"] == "right"),
    }


def agreement(judged: dict[str, list[dict[str, Any]]], keys: set[str]) -> dict[str, Any]:
    pairs = [judged[k][:2] for k in sorted(keys) if len(judged.get(k, [])) >= 2]
    out: dict[str, Any] = {"items": len(pairs)}
    for crit in (*CRITERIA, "usable"):
        a = [usable(p[0]) if crit == "usable" else p[0][crit] for p in pairs]
        b = [usable(p[1]) if crit == "usable" else p[1][crit] for p in pairs]
        if not pairs:
            continue
        po = sum(x == y for x, y in zip(a, b, strict=True)) / len(pairs)
        labels = set(a) | set(b)
        pe = sum((a.count(v) / len(a)) * (b.count(v) / len(b)) for v in labels)
        kappa = (po - pe) / (1 - pe) if pe < 1 else 1.0
        out[crit] = {"agree": round(po, 3), "kappa": round(kappa, 3)}
    return out


def score(label: str, split: str, census: bool = False) -> dict[str, Any]:
    """Score the build's sample, or (``census``) every line of its timeline that has a
    judgement: no redraw noise, the unjudged lines counted and reported."""
    if census:
        sample = [it for c in corpora_of(split) for it in items(label, split, c)]
    else:
        sample = [
            json.loads(x)
            for x in (WORK / label / f"sample-{split}.jsonl").read_text("utf-8").splitlines()
        ]
    judged = judgements()
    rows = []
    missing = []
    for it in sample:
        js = judged.get(it["key"])
        if not js:
            missing.append(it)
            continue
        rows.append(
            {**verdict(js), "confidence": it.get("confidence") or 0.0, "corpus": it["corpus"]}
        )
    out: dict[str, Any] = {"label": label, "split": split, "sampled": len(sample)}
    out["unjudged"] = len(missing)
    if census and missing:  # what the next judging round reads (the judges' packet)
        todo = WORK / label / f"todo-census-{split}.jsonl"
        hidden = ("confidence", "salience", "mention")
        lines = [{k: v for k, v in it.items() if k not in hidden} for it in missing]
        todo.write_text("".join(json.dumps(x, sort_keys=True) + "\n" for x in lines), "utf-8")
        out["todo"] = str(todo)
    out["all"] = metrics(rows)
    out["confidence>=0.7"] = metrics([r for r in rows if r["confidence"] >= 0.7])
    out["per_corpus"] = {
        c: metrics([r for r in rows if r["corpus"] == c])
        for c in sorted({r["corpus"] for r in rows})
    }
    out["agreement"] = agreement(judged, {it["key"] for it in sample})
    return out


def _line(name: str, m: dict[str, Any]) -> str:
    return f"{name:28} {m['p']:.2f} [{m['lo']:.2f}, {m['hi']:.2f}]  ({m['k']}/{m['n']})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--label", required=True)
    ap.add_argument("--split", choices=SPLIT_NAMES, required=True)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--census", action="store_true", help="every timeline line, not the sample")
    args = ap.parse_args()
    result = score(args.label, args.split, args.census)
    if args.json:
        print(json.dumps(result, indent=1, sort_keys=True))
        return
    print(
        f"{args.label} / {args.split}: {result['sampled']} sampled, {result['unjudged']} unjudged"
        + (f" -> {result['todo']}" if result.get("todo") else "")
    )
    for group in ("all", "confidence>=0.7"):
        print(f"-- {group}")
        for name, m in result[group].items():
            print("  " + _line(name, m))
    for corpus, ms in result["per_corpus"].items():
        print(f"-- {corpus}: " + ", ".join(f"{k} {v['p']:.2f} (n={v['n']})" for k, v in ms.items()))
    print("-- agreement:", json.dumps(result["agreement"]))


if __name__ == "__main__":
    main()
