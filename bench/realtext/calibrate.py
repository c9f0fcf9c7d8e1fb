"""Fit the event confidence model on judged events of real text, then recalibrate it
on held-out text.

    .venv/bin/python bench/realtext/calibrate.py            # fit, print, write weights
    .venv/bin/python bench/realtext/calibrate.py --check    # only report calibration
    .venv/bin/python bench/realtext/calibrate.py --without clause. --without late

Codes the documents of the fitting splits (``dev``, ``calib``, ``fresh``, ``fresh2``,
``fresh6``: text rules were read from; never ``test``) with the current coder, keeps every event
mention whose timeline line was judged in any round (same judging key as
``sample.py``), and fits an L2-regularized logistic regression of "usable"
(RUBRIC.md) on the features the coder recorded (``EventMention.features``: the shape
of the event and the trigger's words; a feature seen on fewer than ``MIN_COUNT``
fitting events gets no weight). Lines of text that rules were read from are kinder
than new text's (a rule removes the bad lines it was read from), so the fitted model
is too sure of itself on new text: the score is then recalibrated (Platt scaling: a
slope and a shift) on ``fresh3`` and ``fresh5``, splits judged whole and never read
for rules, and the admission floor is chosen there (``admission_floor``). The weights
go to ``src/storyline/data/confidence.toml``; the report gives, per confidence band,
how many judged events fall in it and how many were usable, and the AUC:
cross-validated on the fitting splits, on the held-out splits before recalibration,
and there recalibrated on their other folds (what to expect on new text).
``--without PREFIX`` leaves out the features whose names start with PREFIX (to see what
a group of features is worth).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpora import ROOT, corpora_of, materialize
from sample import judging_key
from score import judgements, usable, verdict

from stats import auc
from storyline.engine.stages import BuildConfig, analyse_pipeline, prepare_pipeline
from storyline.ingest import iter_inputs
from storyline.records import Document, RawDocument
from storyline.serialize import event_json

OUT = ROOT / "src" / "storyline" / "data" / "confidence.toml"
L2 = 3.0
#: A feature seen on fewer fitting events than this gets no weight (a word met once or
#: twice says nothing about its sense in general).
MIN_COUNT = 3
#: The admission floor is the highest of these below which the held-out split's lines
#: were at most FLOOR_USABLE usable: the coder drops only what new text says is noise.
FLOORS = tuple(round(0.05 * k, 2) for k in range(1, 11))
FLOOR_USABLE = 0.10
BANDS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 1.01))


Row = tuple[dict[str, bool], bool]
#: Splits the weights are fitted on: text rules were read from (their lines are kinder
#: than new text's), and the held-out split that recalibrates the fitted model.
SPLITS = ("dev", "calib", "fresh", "fresh2", "fresh6")
HELD_OUT = ("fresh3", "fresh5")


def rows(split: str) -> list[Row]:
    """(features, usable) of every current mention of the split whose line was judged."""
    judged = judgements()
    config = BuildConfig(admission_floor=0.0)  # every mention, the floor is fitted here
    out: list[Row] = []
    for corpus in corpora_of(split):
        raws = [r for r in iter_inputs([materialize(split, corpus)]) if isinstance(r, RawDocument)]
        docs = prepare_pipeline(config).run(Document.from_raw(r) for r in raws)
        for doc in analyse_pipeline(config).run(docs):
            for m in doc.events:
                js = judged.get(judging_key(corpus, doc.source, event_json(m)))
                if js:
                    out.append(({f: True for f in m.features}, usable(verdict(js))))
    return out


def without(data: list[Row], prefixes: list[str]) -> list[Row]:
    return [({n: v for n, v in f.items() if not n.startswith(tuple(prefixes))}, u) for f, u in data]


def fit(data: list[tuple[dict[str, bool], bool]], l2: float = L2) -> dict[str, float]:
    counts = Counter(n for f, _ in data for n, on in f.items() if on)
    names = sorted(n for n, c in counts.items() if c >= MIN_COUNT or n == "bias")
    x = np.array([[1.0 if f.get(n) else 0.0 for n in names] for f, _ in data])
    y = np.array([1.0 if u else 0.0 for _, u in data])
    w = np.zeros(len(names))
    penalty = np.array([0.0 if n == "bias" else l2 for n in names])
    for _ in range(5000):  # gradient descent on the penalized log loss
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(y) + penalty * w / len(y)
        w -= 0.5 * grad
    out = {n: round(float(v), 3) for n, v in zip(names, w, strict=True)}
    return {n: v for n, v in out.items() if v or n == "bias"}


def _z(f: dict[str, bool], weights: dict[str, float]) -> float:
    return sum(weights.get(n, 0.0) for n, on in f.items() if on)


def _score(f: dict[str, bool], weights: dict[str, float]) -> float:
    return 1.0 / (1.0 + math.exp(-_z(f, weights)))


def recalibrate(data: list[Row], weights: dict[str, float]) -> tuple[float, float]:
    """Platt scaling on held-out text: the slope and shift of the logistic of "usable"
    on the fitted model's score. Rules were read from the fitting splits, so their
    lines are more often usable than new text's; the held-out split says by how much."""
    z = np.array([_z(f, weights) for f, _ in data])
    y = np.array([1.0 if u else 0.0 for _, u in data])
    a, b = 1.0, 0.0
    for _ in range(20000):
        p = 1.0 / (1.0 + np.exp(-(a * z + b)))
        a -= 0.5 * float(np.mean((p - y) * z))
        b -= 0.5 * float(np.mean(p - y))
    return round(a, 3), round(b, 3)


def scaled(weights: dict[str, float], a: float, b: float) -> dict[str, float]:
    """The weights whose score is ``a * z + b``."""
    out = {n: round(a * w, 3) for n, w in weights.items()}
    out["bias"] = round(out.get("bias", 0.0) + b, 3)
    return out


def recalibrated_cv(
    data: list[Row], weights: dict[str, float], folds: int = 5
) -> list[tuple[float, bool]]:
    """Held-out scores with the recalibration fitted on the other folds of the split."""
    out = []
    for k in range(folds):
        train = [r for n, r in enumerate(data) if n % folds != k]
        w = scaled(weights, *recalibrate(train, weights))
        out += [(_score(f, w), u) for n, (f, u) in enumerate(data) if n % folds == k]
    return out


def cross_validated(data: list[Row], l2: float, folds: int = 5) -> list[tuple[float, bool]]:
    """Out-of-fold probabilities: each event scored by a model fitted without it."""
    out = []
    for k in range(folds):
        train = [r for n, r in enumerate(data) if n % folds != k]
        w = fit(train, l2)
        out += [(_score(f, w), u) for n, (f, u) in enumerate(data) if n % folds == k]
    return out


def report(data: list[Row], weights: dict[str, float], scored: list[tuple[float, bool]]) -> None:
    print(f"{len(data)} judged events, {sum(u for _, u in data)} usable, AUC {auc(scored):.3f}")
    for lo, hi in BANDS:
        band = [u for p, u in scored if lo <= p < hi]
        share = f"{sum(band) / len(band):.2f}" if band else "-"
        print(f"  confidence [{lo:.1f}, {min(hi, 1.0):.1f}): {len(band):4d} events, usable {share}")
    for t in (0.5, 0.6, 0.7, 0.8):
        kept = [u for p, u in scored if p >= t]
        if kept:
            print(f"  >= {t:.1f}: keeps {len(kept)}, usable {sum(kept) / len(kept):.2f}")


def admission_floor(scored: list[tuple[float, bool]]) -> float:
    """The highest floor (of FLOORS) whose held-out lines below it were at most
    FLOOR_USABLE usable (0.0 when even the lowest fails)."""
    best = 0.0
    for t in FLOORS:
        below = [u for p, u in scored if p < t]
        if below and sum(below) / len(below) <= FLOOR_USABLE:
            best = t
    return best


def write(
    weights: dict[str, float], n: int, held: int, ab: tuple[float, float], floor: float
) -> None:
    lines = [
        "# Weights of the event confidence model (storyline.events.confidence): a logistic",
        "# function of binary features. Fitted by bench/realtext/calibrate.py on",
        f"# {n} judged events of real text ({', '.join(SPLITS)}; never the test sample),",
        f"# then recalibrated (slope {ab[0]}, shift {ab[1]}) on {held} judged events of the",
        f"# held-out {' + '.join(HELD_OUT)} splits; refit after changing the coder and",
        "# after adding judgements. The admission floor: the coder admits no event less",
        f"# confident than this (held-out lines below it were at most {FLOOR_USABLE:.0%} usable).",
        "[admission]",
        f"floor = {floor}",
        "",
        "[weights]",
        *(f'"{k}" = {v}' for k, v in sorted(weights.items())),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--check", action="store_true", help="report only; keep the weights")
    ap.add_argument("--l2", type=float, default=L2, help=f"ridge penalty (default {L2})")
    ap.add_argument("--without", action="append", default=[], help="leave out features")
    ap.add_argument("--dry-run", action="store_true", help="fit and report; write nothing")
    args = ap.parse_args()
    by_split = {split: without(rows(split), args.without) for split in (*SPLITS, *HELD_OUT)}
    data = [r for split in SPLITS for r in by_split[split]]
    held = [r for split in HELD_OUT for r in by_split[split]]
    if args.check:
        from storyline.events.confidence import weights

        current = weights()
        for split in (*SPLITS, *HELD_OUT):
            print(f"current weights on {split}:")
            report(by_split[split], current, [(_score(f, current), u) for f, u in by_split[split]])
        return
    fitted = fit(data, args.l2)
    print(f"{' + '.join(SPLITS)}, 5-fold cross-validated (text rules were read from):")
    report(data, fitted, cross_validated(data, args.l2))
    print(f"fitted on {' + '.join(SPLITS)}, judged on held-out {' + '.join(HELD_OUT)} (new text):")
    report(held, fitted, [(_score(f, fitted), u) for f, u in held])
    a, b = recalibrate(held, fitted)
    held_name = " + ".join(HELD_OUT)
    print(f"recalibrated on {held_name} (slope {a}, shift {b}), 5-fold cross-validated there:")
    held_cv = recalibrated_cv(held, fitted)
    report(held, fitted, held_cv)
    floor = admission_floor(held_cv)
    below = [u for p, u in held_cv if p < floor]
    print(f"admission floor {floor}: {len(below)} held-out lines below it, {sum(below)} usable")
    final = scaled(fitted, a, b)
    if not args.dry_run:
        write(final, len(data), len(held), (a, b), floor)
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
