"""Fit the event confidence model on judged dev events of real text.

    .venv/bin/python bench/realtext/calibrate.py            # fit, print, write weights
    .venv/bin/python bench/realtext/calibrate.py --check    # only report calibration

Reads every ``work/<label>/sample-dev.jsonl`` with its judgements (dev split only: the
test sample never tunes anything), computes each event's features with
``storyline.events.confidence.features`` from its lead mention, and fits an
L2-regularized logistic regression of "usable" (RUBRIC.md) on them. The weights go to
``src/storyline/data/confidence.toml``; the report gives, per confidence band, how
many judged events fall in it and how many of them were usable.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import ROOT, WORK
from score import judgements, usable

from storyline.events.confidence import features
from storyline.serialize import event_mention_from_json

OUT = ROOT / "src" / "storyline" / "data" / "confidence.toml"
L2 = 1.0
BANDS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 1.01))


def rows() -> list[tuple[dict[str, bool], bool]]:
    judged = judgements()
    seen: set[str] = set()
    out = []
    for path in sorted(WORK.glob("*/sample-dev.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            it = json.loads(line)
            js = judged.get(it["key"])
            if not js or it["key"] in seen or not it.get("mention"):
                continue
            seen.add(it["key"])
            out.append((features(event_mention_from_json(it["mention"])), usable(js[0])))
    return out


def fit(data: list[tuple[dict[str, bool], bool]]) -> dict[str, float]:
    names = sorted({n for f, _ in data for n in f})
    x = np.array([[1.0 if f.get(n) else 0.0 for n in names] for f, _ in data])
    y = np.array([1.0 if u else 0.0 for _, u in data])
    w = np.zeros(len(names))
    penalty = np.array([0.0 if n == "bias" else L2 for n in names])
    for _ in range(5000):  # gradient descent on the penalized log loss
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(y) + penalty * w / len(y)
        w -= 0.5 * grad
    return {n: round(float(v), 3) for n, v in zip(names, w, strict=True)}


def report(data: list[tuple[dict[str, bool], bool]], weights: dict[str, float]) -> None:
    scored = []
    for f, u in data:
        z = sum(weights.get(n, 0.0) for n, on in f.items() if on)
        scored.append((1.0 / (1.0 + math.exp(-z)), u))
    print(f"{len(data)} judged dev events, {sum(u for _, u in data)} usable")
    for lo, hi in BANDS:
        band = [u for p, u in scored if lo <= p < hi]
        share = f"{sum(band) / len(band):.2f}" if band else "-"
        print(f"  confidence [{lo:.1f}, {min(hi, 1.0):.1f}): {len(band):4d} events, usable {share}")
    for t in (0.5, 0.6, 0.7, 0.8):
        kept = [u for p, u in scored if p >= t]
        if kept:
            print(f"  >= {t:.1f}: keeps {len(kept)}, usable {sum(kept) / len(kept):.2f}")


def write(weights: dict[str, float], n: int) -> None:
    lines = [
        "# Weights of the event confidence model (storyline.events.confidence): a logistic",
        "# function of binary features. Fitted by bench/realtext/calibrate.py on",
        f"# {n} judged dev events of real text (never the test sample); refit after changing",
        "# the coder and after adding judgements.",
        "[weights]",
        *(f'"{k}" = {v}' for k, v in sorted(weights.items())),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--check", action="store_true", help="report only; keep the weights")
    args = ap.parse_args()
    data = rows()
    if args.check:
        from storyline.events.confidence import weights

        report(data, weights())
        return
    fitted = fit(data)
    report(data, fitted)
    write(fitted, len(data))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
