"""The temporal tagger on its TimeML development set, against the floors in bench/baseline.json."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _score() -> dict[str, Any]:
    spec = importlib.util.spec_from_file_location("timex_score", ROOT / "bench/timex/score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result: dict[str, Any] = module.score(ROOT / "bench/timex/dev")
    return result


def test_dev_set_scores_stay_above_the_floors(floor: Callable[..., float]) -> None:
    result = _score()
    assert result["value"]["f1"] >= floor("timex_dev_value_f1"), result["value"]
    assert result["relaxed_span"]["f1"] >= floor("timex_dev_relaxed_span_f1"), result[
        "relaxed_span"
    ]
    assert result["strict_span"]["f1"] >= floor("timex_dev_strict_span_f1"), result["strict_span"]
