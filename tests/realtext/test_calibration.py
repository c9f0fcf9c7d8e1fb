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
