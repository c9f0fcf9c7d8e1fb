"""The confidence recalibration of bench/realtext/calibrate.py (issue 14, session 10).

The weights are fitted on text rules were read from, then Platt-scaled on a held-out
split: the slope and shift must be recovered from data whose truth is known, and
folding them into the weights must give exactly the scaled score.
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "realtext"))

import calibrate  # noqa: E402


def _rows(n: int, slope: float, shift: float, seed: int = 7) -> list[calibrate.Row]:
    """Events with one binary feature each, usable with probability sigmoid(slope * z +
    shift), z being the fitted model's score."""
    rng = random.Random(seed)
    rows: list[calibrate.Row] = []
    for _ in range(n):
        f = {"bias": True, "a": rng.random() < 0.5, "b": rng.random() < 0.5}
        z = 0.2 + 1.5 * f["a"] - 1.0 * f["b"]
        p = 1.0 / (1.0 + math.exp(-(slope * z + shift)))
        rows.append((f, rng.random() < p))
    return rows


WEIGHTS = {"bias": 0.2, "a": 1.5, "b": -1.0}


def test_platt_scaling_recovers_an_overconfident_models_slope_and_shift() -> None:
    a, b = calibrate.recalibrate(_rows(6000, slope=0.5, shift=-0.6), WEIGHTS)
    assert abs(a - 0.5) < 0.12 and abs(b + 0.6) < 0.12, (a, b)


def test_a_calibrated_model_is_left_alone() -> None:
    a, b = calibrate.recalibrate(_rows(6000, slope=1.0, shift=0.0, seed=3), WEIGHTS)
    assert abs(a - 1.0) < 0.15 and abs(b) < 0.15, (a, b)


def test_scaled_weights_give_the_scaled_score() -> None:
    scaled = calibrate.scaled(WEIGHTS, 0.5, -0.6)
    for f in ({"bias": True, "a": True}, {"bias": True, "b": True}, {"bias": True}):
        z = sum(WEIGHTS[k] for k, on in f.items() if on)
        want = 1.0 / (1.0 + math.exp(-(0.5 * z - 0.6)))
        assert abs(calibrate._score(f, scaled) - want) < 1e-3


def test_rare_features_get_no_weight() -> None:
    """A word met on fewer than MIN_COUNT fitting events says nothing in general."""
    rows = _rows(400, slope=1.0, shift=0.0)
    rows[0][0]["lemma.once"] = True
    rows[1][0]["lemma.twice"] = True
    rows[2][0]["lemma.twice"] = True
    for f, _ in rows[:50]:
        f["lemma.often"] = True
    fitted = calibrate.fit(rows)
    assert "lemma.once" not in fitted and "lemma.twice" not in fitted
    assert "lemma.often" in fitted and "a" in fitted


def test_the_admission_floor_drops_only_what_was_almost_never_usable() -> None:
    scored = [(0.12, False), (0.17, False), (0.22, False), (0.23, True), (0.27, False)]
    scored += [(0.5, True), (0.6, False), (0.8, True)]
    # below 0.2: 0 of 2 usable; below 0.25: 1 of 4 (25%, above the 10% allowed)
    assert calibrate.admission_floor(scored) == 0.2
    assert calibrate.admission_floor([(0.01, True), (0.5, False)]) == 0.0


def test_auc_counts_ties_half() -> None:
    assert calibrate.auc([(0.9, True), (0.1, False)]) == 1.0
    assert calibrate.auc([(0.5, True), (0.5, False)]) == 0.5
    assert calibrate.auc([(0.1, True), (0.9, False)]) == 0.0
